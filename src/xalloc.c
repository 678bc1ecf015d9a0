/* SPDX-License-Identifier: ISC */
/* Allocation wrappers: out of memory ends the program with err(3). */
#include <sys/mman.h>

#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		err(2, "malloc");
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if ((p = calloc(nmemb == 0 ? 1 : nmemb, size == 0 ? 1 : size)) == NULL)
		err(2, "calloc");
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void	*p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		errx(2, "reallocarray: overflow");
	if ((p = realloc(ptr, nmemb * size == 0 ? 1 : nmemb * size)) == NULL)
		err(2, "realloc");
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * An array of nmemb members, not zeroed, for a large vector: from 2 MiB
 * on, at an address of 2 MiB, which the kernel may back with huge pages
 * (madvise(2)) as it is written, one fault for each 2 MiB instead of one
 * for each 4 KiB (some 3 microseconds each on a virtual machine).  Pages
 * never written are never faulted in, huge or not.  free(3) releases it.
 */
void *
xmallocarray_big(size_t nmemb, size_t size)
{
	const size_t	 huge = 2 * 1024 * 1024;
	size_t		 n;
	void		*p;

	if (size != 0 && nmemb > (SIZE_MAX - huge) / size)
		errx(2, "reallocarray: overflow");
	n = nmemb * size;
	if (n < huge)
		return xreallocarray(NULL, nmemb, size);
	n = (n + huge - 1) & ~(huge - 1);
	if (posix_memalign(&p, huge, n) != 0)
		err(2, "posix_memalign");
#ifdef MADV_HUGEPAGE
	(void)madvise(p, n, MADV_HUGEPAGE);
#endif
	return p;
}
