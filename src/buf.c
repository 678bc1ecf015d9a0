/* SPDX-License-Identifier: ISC */
/* Growable NUL-terminated strings for building output. */
#include <sys/mman.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

char	buf_empty[1];

void
buf_init(struct buf *b)
{
	b->buf = buf_empty;
	b->len = 0;
	b->cap = 0;
}

/* Make room for n more bytes plus the terminating NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t	 need = b->len + n + 1, cap;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	if (b->cap == 0) {
		b->buf = xmalloc(cap);
		b->buf[0] = '\0';
	} else
		b->buf = xreallocarray(b->buf, 1, cap);
	b->cap = cap;
}

/*
 * Room for n more bytes at once, for a file read whole: at an address
 * of 2 MiB that the kernel may back with huge pages, so that the pages
 * the file is read into fault a few hundred times fewer (madvise(2);
 * where it is not, ordinary pages).
 */
void
buf_grow_huge(struct buf *b, size_t n)
{
	size_t	 need = b->len + n + 1;
	void	*p;

	if (need <= b->cap)
		return;
	if (posix_memalign(&p, BUF_HUGE, need) != 0) {
		buf_grow(b, n);
		return;
	}
#ifdef MADV_HUGEPAGE
	(void)madvise(p, need, MADV_HUGEPAGE);
#endif
	memcpy(p, b->buf, b->len + 1);
	if (b->cap != 0)
		free(b->buf);
	b->buf = p;
	b->cap = need;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* An empty buffer still points at buf_empty, shared: never written. */
void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap != 0)
		b->buf[0] = '\0';
}

void
buf_release(struct buf *b)
{
	if (b->cap != 0)
		free(b->buf);
	buf_init(b);
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char	*p;

	if (b->cap == 0)
		p = xstrdup("");
	else
		p = b->buf;
	if (len != NULL)
		*len = b->len;
	buf_init(b);
	return p;
}
