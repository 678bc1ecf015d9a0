/* SPDX-License-Identifier: ISC */
/* The arena that owns every string and struct of the model. */
#include <sys/mman.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define ARENA_BLOCK	(64 * 1024)		/* the first block */
#define ARENA_HUGE	(2 * 1024 * 1024)	/* the others, a huge page */

struct arena_block {
	struct arena_block	*next;
	size_t			 size;	/* usable bytes in data */
	size_t			 used;
	_Alignas(max_align_t) unsigned char data[];
};

/*
 * A block of total bytes, header included.  Those of ARENA_HUGE are
 * made at an address of ARENA_HUGE, which the kernel may back with a
 * huge page (madvise(2)): a model of megabytes faults a few hundred
 * times fewer.
 */
static struct arena_block *
arena_block(size_t total)
{
	void	*p;

	if (total == ARENA_HUGE &&
	    posix_memalign(&p, ARENA_HUGE, ARENA_HUGE) == 0) {
#ifdef MADV_HUGEPAGE
		(void)madvise(p, ARENA_HUGE, MADV_HUGEPAGE);
#endif
		return p;
	}
	return xmalloc(total);
}

/*
 * n bytes at an alignment of al (a power of two, at most max_align_t's)
 * in the current block, or in a new one: the first of ARENA_BLOCK, the
 * others of ARENA_HUGE.  Blocks doubling from one size to the other
 * took up to 480 faults of a 4 KiB page each (some microseconds on a
 * virtual machine, zeroing included) for their 2 MiB, where a huge page
 * takes one.  A block of its own for a large request goes behind the
 * current one, which stays current.
 */
static void *
arena_take(struct arena *a, size_t n, size_t al)
{
	struct arena_block	*b = a->head;
	size_t			 off, sz, total;

	off = b != NULL ? (b->used + al - 1) & ~(al - 1) : 0;
	if (b == NULL || off > b->size || b->size - off < n) {
		total = b == NULL ? ARENA_BLOCK : ARENA_HUGE;
		sz = total - sizeof(*b);
		if (n > sz / 4) {
			sz = n;
			b = xmalloc(sizeof(*b) + sz);
		} else
			b = arena_block(total);
		b->size = sz;
		b->used = 0;
		off = 0;
		if (sz == n && a->head != NULL) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	b->used = off + n;
	return b->data + off;
}

/*
 * Structs: aligned for any type, zeroed.  total counts what is handed
 * out, rounded to that alignment, strings too (whose bytes are not
 * padded): the limits on it read the same whatever the mix.
 */
void *
arena_alloc(struct arena *a, size_t n)
{
	size_t	 al = _Alignof(max_align_t);
	void	*p;

	n = (n + al - 1) & ~(al - 1);
	p = arena_take(a, n, al);
	a->total += n;
	memset(p, 0, n);
	return p;
}

/*
 * n bytes at the alignment of a pointer, not zeroed, for cJSON's trees
 * (xjson.c), which set what they use.
 */
void *
arena_raw(struct arena *a, size_t n)
{
	size_t	 al = _Alignof(max_align_t);

	a->total += (n + al - 1) & ~(al - 1);
	return arena_take(a, n, _Alignof(void *));
}

/* n bytes for a string, not aligned, not zeroed. */
static char *
arena_chars(struct arena *a, size_t n)
{
	size_t	 al = _Alignof(max_align_t);

	a->total += (n + al - 1) & ~(al - 1);
	return arena_take(a, n, 1);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_chars(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* Is fmt text and plain %s conversions only? */
static int
only_strings(const char *fmt)
{
	for (; *fmt != '\0'; fmt++)
		if (*fmt == '%' && *++fmt != 's')
			return 0;
	return 1;
}

/*
 * Keys and subjects are mostly "%s/%s" and the like: those are joined
 * here, which vsnprintf(3), run twice, does some ten times slower.  A
 * null string is written "(null)", as glibc's printf does.
 */
static char *
join_strings(struct arena *a, const char *fmt, va_list ap)
{
	va_list		 aq;
	const char	*f, *s;
	size_t		 n = 0, len;
	char		*out, *q;

	va_copy(aq, ap);
	for (f = fmt; *f != '\0'; f++)
		if (*f == '%') {
			s = va_arg(aq, const char *);
			n += strlen(s != NULL ? s : "(null)");
			f++;
		} else
			n++;
	va_end(aq);
	q = out = arena_chars(a, n + 1);
	for (f = fmt; *f != '\0'; f++)
		if (*f == '%') {
			s = va_arg(ap, const char *);
			if (s == NULL)
				s = "(null)";
			len = strlen(s);
			memcpy(q, s, len);
			q += len;
			f++;
		} else
			*q++ = *f;
	*q = '\0';
	return out;
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;
	char	*p;

	if (only_strings(fmt))
		return join_strings(a, fmt, ap);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return arena_strdup(a, "");
	p = arena_chars(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

/*
 * Move every block of src into dst, src left empty: what was allocated
 * from src lives as long as dst.  dst's current block stays current.
 */
void
arena_adopt(struct arena *dst, struct arena *src)
{
	struct arena_block	*tail;

	if (src->head == NULL)
		return;
	if (dst->head == NULL)
		dst->head = src->head;
	else {
		for (tail = src->head; tail->next != NULL; tail = tail->next)
			continue;
		tail->next = dst->head->next;
		dst->head->next = src->head;
	}
	dst->total += src->total;
	src->head = NULL;
	src->total = 0;
}

void
arena_release(struct arena *a)
{
	struct arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}
