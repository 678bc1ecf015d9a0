/* SPDX-License-Identifier: ISC */
/*
 * Text for libyaml a line at a time, from memory or streamed from a
 * file, with the start of the last lines kept to place errors.
 */
#include <sys/types.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"
#include "xalloc.h"

static const char	*lines_get(struct input_lines *, size_t *);
static void		 lines_buf(struct input_lines *, size_t);
static void		 lines_new(struct input_lines *, const char *, size_t);
static void		 lines_keep(struct input_lines *, const char *, size_t);

void
input_lines_mem(struct input_lines *l, const char *data, size_t len)
{
	memset(l, 0, sizeof(*l));
	l->max_line = l->max_size = SIZE_MAX;
	l->data = data;
	l->len = len;
}

void
input_lines_stream(struct input_lines *l, FILE *fp, const char *pre,
    size_t prelen)
{
	memset(l, 0, sizeof(*l));
	l->max_line = l->max_size = SIZE_MAX;
	l->fp = fp;
	l->pre = pre;
	l->prelen = prelen;
}

void
input_lines_release(struct input_lines *l)
{
	free(l->linebuf);
	free(l->gbuf);
	free(l->win);
	free(l->winoff);
	l->linebuf = l->gbuf = l->win = NULL;
	l->winoff = NULL;
	l->linecap = l->gcap = l->wincap = l->capwin = 0;
	l->winlen = l->nwin = 0;
}

/*
 * Keep a line's text for input_lines_text().  Once the kept text is
 * twice keep, the oldest lines are dropped down to keep, so that each
 * byte is moved once on average.  A longer line empties the window.
 * After the drop, winlen + n is at most 2 * keep, so the window never
 * needs more than 2 * keep + 1 bytes.
 */
static void
lines_keep(struct input_lines *l, const char *s, size_t n)
{
	size_t	 cap, drop, i;

	if (n > l->keep) {
		l->winlen = l->nwin = 0;
		return;
	}
	if (l->winlen + n > 2 * l->keep) {
		for (drop = 0; drop < l->nwin &&
		    l->winlen - l->winoff[drop] + n > l->keep; drop++)
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
		l->wincap = cap < 2 * l->keep + 1 ? cap : 2 * l->keep + 1;
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
 * The next line of input, from memory or from the stream; NULL at the
 * end.  Streaming keeps one line in memory, not the file, so memory
 * does not grow with the input.  A UTF-16 code unit cut at a newline
 * byte is fine: libyaml's reader waits for the rest.
 */
static const char *
lines_get(struct input_lines *l, size_t *n)
{
	const char	*s, *nl;
	size_t		 len = 0, take;
	ssize_t		 got;

	if (l->fp == NULL) {
		if (l->off == l->len)
			return NULL;
		s = l->data + l->off;
		nl = memchr(s, '\n', l->len - l->off);
		*n = nl != NULL ? (size_t)(nl - s) + 1 : l->len - l->off;
		return s;
	}
	for (;;) {
		if (l->prelen > 0) {
			nl = memchr(l->pre, '\n', l->prelen);
			take = nl != NULL ? (size_t)(nl - l->pre) + 1 :
			    l->prelen;
			lines_buf(l, len + take);
			memcpy(l->linebuf + len, l->pre, take);
			len += take;
			l->pre += take;
			l->prelen -= take;
			if (nl != NULL)
				break;
			continue;
		}
		/* getdelim counts NUL bytes too; libyaml reports them. */
		if ((got = getdelim(&l->gbuf, &l->gcap, '\n', l->fp)) <= 0)
			break;
		/* A whole line read at once is handed out where it is. */
		if (len == 0) {
			*n = (size_t)got;
			return l->gbuf;
		}
		lines_buf(l, len + (size_t)got);
		memcpy(l->linebuf + len, l->gbuf, (size_t)got);
		len += (size_t)got;
		break;
	}
	*n = len;
	return len > 0 ? l->linebuf : NULL;
}

static void
lines_buf(struct input_lines *l, size_t need)
{
	if (need <= l->linecap)
		return;
	l->linecap = need * 2 > 4096 ? need * 2 : 4096;
	l->linebuf = xreallocarray(l->linebuf, 1, l->linecap);
}

/* A new line: remember where it starts, show it to the hook. */
static void
lines_new(struct input_lines *l, const char *s, size_t n)
{
	l->lineno++;
	l->ring[l->lineno % INPUT_LINES_RING].off = l->off;
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

	if (l->curoff == l->curlen) {
		if (l->too_big || (l->cur = lines_get(l, &l->curlen)) == NULL) {
			*nread = 0;
			return 1;
		}
		l->curoff = 0;
		if (l->curlen > l->max_line) {
			l->line_too_long = 1;
			*nread = 0;
			return 1;
		}
		lines_new(l, l->cur, l->curlen);
		if (l->fp != NULL && l->off + l->curlen > l->max_size) {
			l->too_big = 1;
			*nread = 0;
			return 1;
		}
	}
	n = l->curlen - l->curoff;
	if (n > size)
		n = size;
	memcpy(buf, l->cur + l->curoff, n);
	l->curoff += n;
	if (l->fp == NULL && l->curoff == l->curlen)
		l->off += l->curlen;
	else if (l->fp != NULL)
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
