/* SPDX-License-Identifier: ISC */
/*
 * The input layer's bottom: byte offsets to line and column (code
 * points, as every position irsalint shows), a position that counts on
 * through a text, and recording the first error of an input.  The
 * backends and the cursor build on it; it calls nothing above.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "input.h"

void
input_loc_from_offset(const char *data, size_t len, size_t off,
    struct loc *loc)
{
	size_t	 at = 0;

	loc->line = 1;
	loc->col = 1;
	input_loc_advance(data, len, &at, loc, off);
}

void
input_loc_advance(const char *data, size_t len, size_t *at, struct loc *loc,
    size_t off)
{
	const char	*nl;
	uint64_t	 w;
	size_t		 i = *at, end = off < len ? off : len;

	/* Whole lines by memchr(3); code points only on the last. */
	while (i < end && (nl = memchr(data + i, '\n', end - i)) != NULL) {
		loc->line++;
		loc->col = 1;
		i = (size_t)(nl - data) + 1;
	}
	/*
	 * Eight bytes at a time: a continuation byte is 10xxxxxx, bit 7
	 * set and bit 6 clear, and every other byte starts a code point.
	 */
	for (; i + 8 <= end; i += 8) {
		memcpy(&w, data + i, 8);
		w = (w >> 7) & ~(w >> 6) & UINT64_C(0x0101010101010101);
		/* Each byte is 0 or 1: the top byte of the product sums them. */
		loc->col += 8 - (unsigned int)((w *
		    UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < end; i++)
		if (((unsigned char)data[i] & 0xC0) != 0x80)
			loc->col++;
	*at = i;
}

void
input_pos_init(struct input_pos *p, const char *file, const char *data,
    size_t len)
{
	const uint64_t	 high = UINT64_C(0x8080808080808080);
	uint64_t	 w, any = 0;
	size_t		 i;

	memset(p, 0, sizeof(*p));
	p->data = data;
	p->len = len;
	p->loc.file = file;
	p->loc.line = p->loc.col = 1;
	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, data + i, 8);
		any |= w;
	}
	for (; i < len; i++)
		any |= (unsigned char)data[i];
	p->ascii = (any & high) == 0;
}

/*
 * An offset behind the last one asked for is counted from the top.  In
 * ASCII text, which JSON most often is, a column is the bytes since the
 * line's start: only newlines are looked for, whole lines by memchr(3),
 * as events come a few bytes apart (a count of code points cost more).
 */
struct loc
input_pos_at(struct input_pos *p, size_t off)
{
	struct loc	 l;
	const char	*nl;
	size_t		 end = off < p->len ? off : p->len;

	if (off < p->off) {
		p->off = p->line_start = 0;
		p->loc.line = p->loc.col = 1;
	}
	if (p->ascii) {
		while (p->off < end && (nl = memchr(p->data + p->off, '\n',
		    end - p->off)) != NULL) {
			p->loc.line++;
			p->off = p->line_start = (size_t)(nl - p->data) + 1;
		}
		if (p->off < end)
			p->off = end;
		p->loc.col = (unsigned int)(p->off - p->line_start) + 1;
	} else
		input_loc_advance(p->data, p->len, &p->off, &p->loc, off);
	l = p->loc;
	l.end_line = l.end_col = 0;
	return l;
}

/*
 * Record an error at loc (that of the current event if NULL) unless
 * one is recorded already: later ones follow from the first.  0.
 */
int
input_error(struct input *in, enum input_err_kind kind, const struct loc *loc,
    const char *fmt, ...)
{
	va_list	 ap;

	if (in->err.kind != INPUT_OK)
		return 0;
	in->err.kind = kind;
	in->err.loc = loc != NULL ? *loc : in->ev.loc;
	in->err.problem[0] = '\0';
	if (fmt != NULL) {
		va_start(ap, fmt);
		vsnprintf(in->err.problem, sizeof(in->err.problem), fmt, ap);
		va_end(ap);
	}
	return 0;
}
