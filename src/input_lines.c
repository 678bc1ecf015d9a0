/* SPDX-License-Identifier: ISC */
/*
 * Text for libyaml in blocks of whole lines, from memory or streamed
 * from a file, with the start of the last lines kept to place errors.
 */
#include <sys/types.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"
#include "xalloc.h"

static const char	*lines_peek(struct input_lines *, size_t *, int);
static void		 lines_fill(struct input_lines *);
static int		 lines_plain(const char *, size_t);
static int		 lines_block(struct input_lines *);
static void		 lines_new(struct input_lines *, const char *, size_t,
			    size_t);
static void		 lines_keep(struct input_lines *, const char *, size_t);

void
input_lines_mem(struct input_lines *l, const char *data, size_t len)
{
	memset(l, 0, sizeof(*l));
	l->max_line = l->max_size = l->limit = SIZE_MAX;
	l->data = data;
	l->len = len;
}

void
input_lines_stream(struct input_lines *l, FILE *fp, const char *pre,
    size_t prelen)
{
	memset(l, 0, sizeof(*l));
	l->max_line = l->max_size = l->limit = SIZE_MAX;
	l->fp = fp;
	l->pre = pre;
	l->prelen = prelen;
}

void
input_lines_release(struct input_lines *l)
{
	free(l->rb);
	free(l->win);
	free(l->winoff);
	l->rb = l->win = NULL;
	l->winoff = NULL;
	l->rbcap = l->rblen = l->rbpos = l->wincap = l->capwin = 0;
	l->winlen = l->nwin = 0;
}

/*
 * Keep a line's text for input_lines_text().  Lines are taken a block
 * ahead of the parser, so the window counts keep bytes before the block
 * being read: lim is keep + INPUT_LINES_BLOCK.  Once the kept text is
 * twice lim, the oldest lines are dropped down to lim, so that each
 * byte is moved once on average.  A line longer than keep empties the
 * window; it is a block alone, taken when the parser is at its start.
 * After the drop, winlen + n is at most 2 * lim, so the window never
 * needs more than 2 * lim + 1 bytes.
 */
static void
lines_keep(struct input_lines *l, const char *s, size_t n)
{
	size_t	 cap, drop, i, lim = l->keep + INPUT_LINES_BLOCK;

	if (n > l->keep) {
		l->winlen = l->nwin = 0;
		return;
	}
	if (l->winlen + n > 2 * lim) {
		for (drop = 0; drop < l->nwin &&
		    l->winlen - l->winoff[drop] + n > lim; drop++)
			continue;
		if (drop == l->nwin)
			l->winlen = l->nwin = 0;
		else {
			memmove(l->win, l->win + l->winoff[drop],
			    l->winlen - l->winoff[drop]);
			l->winlen -= l->winoff[drop];
			for (i = drop; i < l->nwin; i++)
				l->winoff[i - drop] = l->winoff[i] -
				    l->winoff[drop];
			l->nwin -= drop;
			l->winfirst += (unsigned int)drop;
		}
	}
	if (l->nwin == 0)
		l->winfirst = l->lineno;
	if (l->winlen + n > l->wincap) {
		/* Grown as needed: most files are far smaller than keep. */
		cap = l->wincap > 0 ? l->wincap : 4096;
		while (cap < l->winlen + n)
			cap *= 2;
		l->wincap = cap < 2 * lim + 1 ? cap : 2 * lim + 1;
		l->win = xreallocarray(l->win, 1, l->wincap);
	}
	if (l->nwin == l->capwin) {
		l->capwin = l->capwin ? l->capwin * 2 : 256;
		l->winoff = xreallocarray(l->winoff, l->capwin,
		    sizeof(*l->winoff));
	}
	l->winoff[l->nwin++] = l->winlen;
	memcpy(l->win + l->winlen, s, n);
	l->winlen += n;
}

const char *
input_lines_text(const struct input_lines *l, unsigned int first,
    unsigned int last, size_t *len)
{
	size_t	 a, b;

	if (l->nwin == 0 || first < l->winfirst || last < first ||
	    last - l->winfirst >= l->nwin)
		return NULL;
	a = l->winoff[first - l->winfirst];
	b = last - l->winfirst + 1 < l->nwin ?
	    l->winoff[last - l->winfirst + 1] : l->winlen;
	*len = b - a;
	return l->win + a;
}

/* An end at the start of a line (a block scalar's) ends the one before. */
const char *
input_lines_scalar(const struct input_lines *l, const struct input_event *ev,
    size_t *len)
{
	unsigned int	 last = ev->loc.end_line;

	if (last > ev->loc.line && ev->loc.end_col <= 1)
		last--;
	return input_lines_text(l, ev->loc.line, last, len);
}

/*
 * The next line of input, from memory or from the stream, not yet
 * taken; NULL at the end.  A line longer than max_line is given as its
 * first max_line + 1 bytes.  Streamed, the line is in rb, which is
 * refilled (moving what it holds) only when fill is set; without it,
 * NULL may also mean that the line is not all in rb yet.
 */
static const char *
lines_peek(struct input_lines *l, size_t *n, int fill)
{
	const char	*s, *nl;
	size_t		 avail;

	if (l->fp == NULL) {
		if (l->pos == l->len)
			return NULL;
		s = l->data + l->pos;
		nl = memchr(s, '\n', l->len - l->pos);
		*n = nl != NULL ? (size_t)(nl - s) + 1 : l->len - l->pos;
		return s;
	}
	for (;;) {
		avail = l->rblen - l->rbpos;
		/* rb is NULL until the first fill. */
		s = avail > 0 ? l->rb + l->rbpos : NULL;
		/* getdelim counted NUL bytes too; libyaml reports them. */
		if (avail > 0 && (nl = memchr(s, '\n', avail)) != NULL) {
			*n = (size_t)(nl - s) + 1;
			return s;
		}
		if (avail > l->max_line) {
			*n = l->max_line + 1;
			return s;
		}
		if (l->eof) {
			*n = avail;
			return avail > 0 ? s : NULL;
		}
		if (!fill)
			return NULL;
		lines_fill(l);
	}
}

/*
 * Read more of the stream into rb, after what is left of it: first the
 * bytes read before the reader, then from fp.  rb doubles when what is
 * left fills half of it, so that a long line is scanned a bounded
 * number of times per byte.  A UTF-16 code unit cut at a newline byte
 * is fine: libyaml's reader waits for the rest.
 */
static void
lines_fill(struct input_lines *l)
{
	size_t	 left = l->rblen - l->rbpos, cap, got;

	if (l->rbpos > 0) {
		memmove(l->rb, l->rb + l->rbpos, left);
		l->rblen = left;
		l->rbpos = 0;
	}
	cap = l->rbcap > 0 ? l->rbcap : 65536;
	while (cap < left + l->prelen || (l->prelen == 0 && 2 * left >= cap))
		cap *= 2;
	if (cap != l->rbcap) {
		l->rb = xreallocarray(l->rb, 1, cap);
		l->rbcap = cap;
	}
	if (l->prelen > 0) {
		memcpy(l->rb + l->rblen, l->pre, l->prelen);
		l->rblen += l->prelen;
		l->prelen = 0;
		return;
	}
	cap = l->rbcap - l->rblen;
	if (cap > l->limit - l->nread)
		cap = l->limit - l->nread;
	got = cap > 0 ? fread(l->rb + l->rblen, 1, cap, l->fp) : 0;
	l->rblen += got;
	l->nread += got;
	if (got == 0)
		l->eof = 1;
}

/*
 * Is the line printable ASCII, tab, CR and LF only, so that libyaml's
 * reader takes it whatever it holds?  Eight bytes at a time: a byte
 * below 0x20 or above 0x7e sends the word to the byte loop.
 */
static int
lines_plain(const char *s, size_t n)
{
	const uint64_t	 ones = 0x0101010101010101ULL;
	const uint64_t	 high = 0x8080808080808080ULL;
	uint64_t	 w;
	size_t		 i = 0, j;
	unsigned char	 c;

	for (;;) {
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if ((((w - 0x20 * ones) & ~w) | ((w + 1 * ones) | w)) &
			    high) {
				j = i + 8;
			} else {
				i += 8;
				continue;
			}
		} else if (i < n)
			j = n;
		else
			return 1;
		for (; i < j; i++) {
			c = (unsigned char)s[i];
			if ((c < 0x20 || c > 0x7e) && c != '\t' &&
			    c != '\n' && c != '\r')
				return 0;
		}
	}
}

/*
 * Make the next block for libyaml from the lines ahead, each shown to
 * lines_new() as it is taken: a first line, then printable lines while
 * the block is under INPUT_LINES_BLOCK bytes and INPUT_LINES_RING / 2
 * lines.  A line that is not printable stays for the next block, which
 * holds it alone.  0 at the end of the input, or past a limit.
 */
static int
lines_block(struct input_lines *l)
{
	const char	*s, *start = NULL;
	size_t		 n, len = 0, nlines = 0;
	int		 plain;

	while (!l->too_big && !l->line_too_long) {
		if (nlines > 0 && (len >= INPUT_LINES_BLOCK ||
		    nlines >= INPUT_LINES_RING / 2))
			break;
		if ((s = lines_peek(l, &n, nlines == 0)) == NULL)
			break;
		if (n > l->max_line) {
			if (nlines == 0)
				l->line_too_long = 1;
			break;
		}
		plain = lines_plain(s, n);
		if (nlines > 0 && (!plain || len + n > INPUT_LINES_BLOCK))
			break;
		lines_new(l, s, n, l->off + len);
		if (l->fp != NULL && l->off + len + n > l->max_size) {
			l->too_big = 1;
			break;
		}
		if (l->fp == NULL)
			l->pos += n;
		else
			l->rbpos += n;
		if (nlines++ == 0)
			start = s;
		len += n;
		if (!plain)
			break;
	}
	if (len == 0)
		return 0;
	l->cur = start;
	l->curlen = len;
	l->curoff = 0;
	return 1;
}

/* A new line, starting at byte off: remember it, show it to the hook. */
static void
lines_new(struct input_lines *l, const char *s, size_t n, size_t off)
{
	l->lineno++;
	l->ring[l->lineno % INPUT_LINES_RING].off = off;
	l->ring[l->lineno % INPUT_LINES_RING].line = l->lineno;
	if (l->keep > 0)
		lines_keep(l, s, n);
	if (n > 0 && s[n - 1] == '\n')
		n--;
	if (l->hook != NULL)
		l->hook(l->arg, l->lineno, s, n);
}

int
input_lines_read(void *arg, unsigned char *buf, size_t size, size_t *nread)
{
	struct input_lines	*l = arg;
	size_t			 n;

	if (l->curoff == l->curlen && !lines_block(l)) {
		*nread = 0;
		return 1;
	}
	n = l->curlen - l->curoff;
	if (n > size)
		n = size;
	memcpy(buf, l->cur + l->curoff, n);
	l->curoff += n;
	l->off += n;
	*nread = n;
	return 1;
}

/*
 * The position of byte off.  In memory the text is at hand.  Streamed,
 * the line is one of the last read, and the column counts bytes, which
 * is right where an encoding error is.  Beyond the ring the file as a
 * whole is named: no position is invented.
 */
struct loc
input_lines_loc(const struct input_lines *l, const char *file, size_t off)
{
	struct loc	 loc;
	size_t		 i, best = INPUT_LINES_RING;

	memset(&loc, 0, sizeof(loc));
	loc.file = file;
	if (l->fp == NULL) {
		input_loc_from_offset(l->data, l->len, off, &loc);
		return loc;
	}
	for (i = 0; i < INPUT_LINES_RING; i++)
		if (l->ring[i].line != 0 && l->ring[i].off <= off &&
		    (best == INPUT_LINES_RING ||
		    l->ring[i].off > l->ring[best].off))
			best = i;
	if (best != INPUT_LINES_RING &&
	    l->lineno - l->ring[best].line < INPUT_LINES_RING) {
		loc.line = l->ring[best].line;
		loc.col = (unsigned int)(off - l->ring[best].off) + 1;
	}
	return loc;
}
