/* SPDX-License-Identifier: ISC */
/*
 * Text for libyaml in blocks of whole lines, from memory or streamed
 * from a file, with the start of the last lines kept to place errors.
 */
#include <sys/types.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"
#include "xalloc.h"

static const char	*lines_peek(struct input_lines *, size_t *,
			    unsigned int *, int);
static void		 lines_fill(struct input_lines *);
static unsigned int	 lines_scan(const char *, size_t, size_t *);
static int		 lines_block(struct input_lines *);
static void		 lines_new(struct input_lines *, const char *, size_t,
			    unsigned int, size_t);
static void		 lines_keep(struct input_lines *, const char *, size_t,
			    const uint32_t *, size_t);
static size_t		 lines_run(struct input_lines *, const char *, size_t,
			    size_t, const uint32_t *, size_t, size_t);

void
input_lines_mem(struct input_lines *l, const char *data, size_t len)
{
	memset(l, 0, sizeof(*l));
	l->max_line = l->max_size = l->limit = SIZE_MAX;
	l->hook_all = 1;
	l->data = data;
	l->len = len;
}

void
input_lines_stream(struct input_lines *l, FILE *fp, const char *pre,
    size_t prelen)
{
	memset(l, 0, sizeof(*l));
	l->max_line = l->max_size = l->limit = SIZE_MAX;
	l->hook_all = 1;
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
 * Keep the text of lines for input_lines_text(): one line of n bytes
 * at s (ends NULL), or a run of k lines there, the ith ending ends[i]
 * bytes from s, n in all, each at most keep bytes (lines_run()).  Lines
 * are taken a block ahead of the parser, so the window counts keep
 * bytes before the block being read: lim is keep + INPUT_LINES_BLOCK.
 * Once the kept text would pass twice lim, the oldest lines are dropped
 * down to lim, so that each byte is moved once on average; a run, of
 * a block's lines, is at most INPUT_LINES_BLOCK, so that keep bytes
 * before the block stay as they do line by line.  A line longer than
 * keep empties the window; it is a block alone, taken when the parser
 * is at its start.  After the drop, winlen + n is at most 2 * lim, so
 * the window never needs more than 2 * lim + 1 bytes.
 */
static void
lines_keep(struct input_lines *l, const char *s, size_t n,
    const uint32_t *ends, size_t k)
{
	size_t	 cap, drop, i, lim = l->keep + INPUT_LINES_BLOCK;

	if (ends == NULL && n > l->keep) {
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
	/* lineno counts the lines being kept already. */
	if (l->nwin == 0)
		l->winfirst = l->lineno + 1 - (unsigned int)k;
	if (l->winlen + n > l->wincap) {
		/* Grown as needed: most files are far smaller than keep. */
		cap = l->wincap > 0 ? l->wincap : 4096;
		while (cap < l->winlen + n)
			cap *= 2;
		l->wincap = cap < 2 * lim + 1 ? cap : 2 * lim + 1;
		l->win = xreallocarray(l->win, 1, l->wincap);
	}
	if (l->nwin + k > l->capwin) {
		cap = l->capwin ? l->capwin : 256;
		while (cap < l->nwin + k)
			cap *= 2;
		l->capwin = cap;
		l->winoff = xreallocarray(l->winoff, l->capwin,
		    sizeof(*l->winoff));
	}
	for (i = 0; i < k; i++)
		l->winoff[l->nwin++] = l->winlen + (i > 0 ? ends[i - 1] : 0);
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
 * taken, and its INPUT_LINE_* flags; NULL at the end.  A line longer than
 * max_line is given as its first max_line + 1 bytes.  Streamed, the
 * line is in rb, which is refilled (moving what it holds) only when
 * fill is set; without it, NULL may also mean that the line is not all
 * in rb yet.
 */
static const char *
lines_peek(struct input_lines *l, size_t *n, unsigned int *flags, int fill)
{
	const char	*s;
	size_t		 avail;

	if (l->fp == NULL) {
		if (l->pos == l->len)
			return NULL;
		s = l->data + l->pos;
		*flags = lines_scan(s, l->len - l->pos, n);
		return s;
	}
	for (;;) {
		avail = l->rblen - l->rbpos;
		/* rb is NULL until the first fill. */
		s = avail > 0 ? l->rb + l->rbpos : NULL;
		/* getdelim counted NUL bytes too; libyaml reports them. */
		if (avail > 0 &&
		    ((*flags = lines_scan(s, avail, n)) & INPUT_LINE_NL))
			return s;
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

#define W_ONES		0x0101010101010101ULL
#define W_HIGH		0x8080808080808080ULL
#define W_LOW7		0x7f7f7f7f7f7f7f7fULL

/* The high bit of each byte of x that is 0, and of no other. */
static inline uint64_t
zero_bytes(uint64_t x)
{
	return ~(((x & W_LOW7) + W_LOW7) | x) & W_HIGH;
}

/*
 * Eight bytes of s at i (at most avail - i, the rest spaces), the first
 * in the lowest byte whatever the machine's byte order.
 */
static inline uint64_t
word_at(const char *s, size_t i, size_t avail)
{
	uint64_t	 w = 0x2020202020202020ULL;

	if (avail - i >= 8)
		memcpy(&w, s + i, 8);
	else {
		unsigned char	 b[8];

		memset(b, ' ', sizeof(b));
		memcpy(b, s + i, avail - i);
		memcpy(&w, b, 8);
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/*
 * A chunk of a line scanned, a bit in each mask for each of its bytes
 * (the lowest first) that is a newline, a byte libyaml's reader may
 * refuse, a '#': folded into *flags.  1 when the line ends there (and
 * INPUT_LINE_NL is set).  *seen: a '#' in the chunks before.
 */
static inline int
scan_chunk(uint64_t nl, uint64_t bad, uint64_t hash, int *seen,
    unsigned int *flags)
{
	uint64_t	 upto;

	if (nl != 0) {
		/* The bits of the bytes up to the first newline. */
		upto = ((nl & -nl) << 1) - 1;
		if (bad & upto)
			*flags &= ~INPUT_LINE_PLAIN;
		if (*seen || (hash & upto) != 0)
			*flags |= INPUT_LINE_HASH;
		*flags |= INPUT_LINE_NL;
		return 1;
	}
	if (bad != 0)
		*flags &= ~INPUT_LINE_PLAIN;
	*seen |= hash != 0;
	return 0;
}

/* No newline in the avail bytes: the line is all of them so far. */
static inline unsigned int
scan_rest(size_t avail, size_t *n, int seen, unsigned int flags)
{
	*n = avail;
	return seen ? flags | INPUT_LINE_HASH : flags;
}

/*
 * lines_scan() eight bytes at a time, for machines without SSE2: a word
 * of printable bytes only is passed with two tests, one with a byte
 * below 0x20 or above 0x7e is looked at byte by byte, in parallel.
 */
static unsigned int
scan_words(const char *s, size_t avail, size_t *n)
{
	uint64_t	 w, hash, bad, nl;
	unsigned int	 flags = INPUT_LINE_PLAIN;
	size_t		 i;
	int		 seen = 0;	/* a '#' in the words before */

	for (i = 0; i < avail; i += 8) {
		w = word_at(s, i, avail);
		hash = zero_bytes(w ^ ('#' * W_ONES));
		/* Below 0x20 or above 0x7e, loosely (borrows, carries). */
		if (((((w - 0x20 * W_ONES) & ~w) | (w + W_ONES) | w) &
		    W_HIGH) == 0) {
			seen |= hash != 0;
			continue;
		}
		nl = zero_bytes(w ^ ('\n' * W_ONES));
		/* Exactly: below 0x20 but tab, CR and LF; 0x7f; above. */
		bad = (~(((w & W_LOW7) + 0x60 * W_ONES) | w) & W_HIGH &
		    ~zero_bytes(w ^ ('\t' * W_ONES)) &
		    ~zero_bytes(w ^ ('\r' * W_ONES)) & ~nl) |
		    zero_bytes(w ^ (0x7f * W_ONES)) | (w & W_HIGH);
		if (scan_chunk(nl, bad, hash, &seen, &flags)) {
			*n = i + (size_t)(__builtin_ctzll(nl) / 8) + 1;
			return flags;
		}
	}
	return scan_rest(avail, n, seen, flags);
}

#ifdef __SSE2__
/*
 * lines_scan() sixteen bytes at a time: one compare finds whether a
 * chunk holds a byte below 0x20 (signed: or above 0x7f) or 0x7f; only
 * then are newlines, tabs and CRs told apart.  The last chunk of the
 * input is copied out, padded with blanks.
 */
static unsigned int
scan_sse2(const char *s, size_t avail, size_t *n)
{
	const __m128i	 blank = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
	const __m128i	 nlv = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
	const __m128i	 cr = _mm_set1_epi8('\r'), hashv = _mm_set1_epi8('#');
	__m128i		 v, odd, eqnl;
	unsigned int	 flags = INPUT_LINE_PLAIN, hash, nl, bad;
	unsigned char	 pad[16];
	size_t		 i;
	int		 seen = 0;	/* a '#' in the chunks before */

	for (i = 0; i < avail; i += 16) {
		if (avail - i >= 16)
			v = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
		else {
			memset(pad, ' ', sizeof(pad));
			memcpy(pad, s + i, avail - i);
			v = _mm_loadu_si128((const __m128i *)(void *)pad);
		}
		hash = (unsigned int)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(v, hashv));
		odd = _mm_or_si128(_mm_cmplt_epi8(v, blank),
		    _mm_cmpeq_epi8(v, del));
		if (_mm_movemask_epi8(odd) == 0) {
			seen |= hash != 0;
			continue;
		}
		eqnl = _mm_cmpeq_epi8(v, nlv);
		nl = (unsigned int)_mm_movemask_epi8(eqnl);
		bad = (unsigned int)_mm_movemask_epi8(_mm_andnot_si128(
		    _mm_or_si128(eqnl, _mm_or_si128(_mm_cmpeq_epi8(v, tab),
		    _mm_cmpeq_epi8(v, cr))), odd));
		if (scan_chunk(nl, bad, hash, &seen, &flags)) {
			*n = i + (size_t)__builtin_ctz(nl) + 1;
			return flags;
		}
	}
	return scan_rest(avail, n, seen, flags);
}
#endif

/*
 * The line at s, of the avail bytes there: its length through its
 * newline in *n, or avail when it has none there yet, and its flags:
 * INPUT_LINE_NL when it ends with one; INPUT_LINE_PLAIN when the bytes
 * before are printable ASCII, tab and CR only, which libyaml's reader
 * takes whatever they hold; INPUT_LINE_HASH when one of them is a '#'.
 */
unsigned int
input_line_scan(const char *s, size_t avail, size_t *n, int portable)
{
#ifdef __SSE2__
	if (!portable)
		return scan_sse2(s, avail, n);
#else
	(void)portable;
#endif
	return scan_words(s, avail, n);
}

static unsigned int
lines_scan(const char *s, size_t avail, size_t *n)
{
	return input_line_scan(s, avail, n, 0);
}

/*
 * The lines at s, of the avail bytes there, that lines_scan() would
 * find printable without a '#' (INPUT_LINE_NL | INPUT_LINE_PLAIN), one
 * after another, sixteen bytes a step: their ends (offsets past their
 * newlines) into ends, at most max, within the first limit bytes.  It
 * stops short of a chunk with anything else in it, and of the last
 * chunk of less than sixteen bytes, which lines_scan() then takes a
 * line at a time.  Returns how many.
 */
static size_t
lines_clean(const char *s, size_t avail, size_t limit, uint32_t *ends,
    size_t max)
{
	size_t		 i, n = 0;
#ifdef __SSE2__
	const __m128i	 blank = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
	const __m128i	 nlv = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
	const __m128i	 cr = _mm_set1_epi8('\r'), hashv = _mm_set1_epi8('#');
	__m128i		 v, eqnl;
	unsigned int	 nl, stop;

	if (limit > avail)
		limit = avail;
	for (i = 0; i + 16 <= limit && n < max; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		eqnl = _mm_cmpeq_epi8(v, nlv);
		nl = (unsigned int)_mm_movemask_epi8(eqnl);
		stop = (unsigned int)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, hashv), _mm_andnot_si128(_mm_or_si128(
		    eqnl, _mm_or_si128(_mm_cmpeq_epi8(v, tab),
		    _mm_cmpeq_epi8(v, cr))), _mm_or_si128(
		    _mm_cmplt_epi8(v, blank), _mm_cmpeq_epi8(v, del)))));
		/* Only the newlines before the first byte that stops. */
		if (stop != 0)
			nl &= (stop & -stop) - 1;
		for (; nl != 0 && n < max; nl &= nl - 1)
			ends[n++] = (uint32_t)(i + (size_t)__builtin_ctz(nl) +
			    1);
		if (stop != 0)
			break;
	}
#else
	(void)s;
	(void)avail;
	(void)limit;
	(void)ends;
	(void)max;
	(void)i;
#endif
	return n;
}

/*
 * Make the next block for libyaml from the lines ahead, each shown to
 * lines_new() as it is taken: a first line, then printable lines while
 * the block is under INPUT_LINES_BLOCK bytes and INPUT_LINES_RING / 2
 * lines.  A line that is not printable stays for the next block, which
 * holds it alone.  0 at the end of the input, or past a limit.  After
 * the first line, which may refill rb, the lines are where they will
 * stay until the next block: those lines_clean() finds are taken
 * without another scan, the others through lines_peek().
 */
static int
lines_block(struct input_lines *l)
{
	const char	*s, *start = NULL;
	size_t		 n, k, len = 0, nlines = 0, nclean = 0, iclean = 0;
	size_t		 at = 0;	/* len where ends[] count from */
	unsigned int	 flags = 0;
	uint32_t	 ends[INPUT_LINES_RING / 2];
	int		 plain;

	while (!l->too_big && !l->line_too_long) {
		if (nlines > 0 && (len >= INPUT_LINES_BLOCK ||
		    nlines >= INPUT_LINES_RING / 2))
			break;
		/* The hook is shown none of these, unless it asks. */
		if (iclean < nclean && (l->hook == NULL || !l->hook_all) &&
		    (k = lines_run(l, start, len, at, ends + iclean,
		    nclean - iclean, nlines)) > 0) {
			iclean += k;
			nlines += k;
			len = at + ends[iclean - 1];
			continue;
		}
		if (iclean < nclean) {
			s = start + len;
			n = at + ends[iclean++] - len;
			flags = INPUT_LINE_NL | INPUT_LINE_PLAIN;
		} else if ((s = lines_peek(l, &n, &flags, nlines == 0)) ==
		    NULL)
			break;
		if (n > l->max_line) {
			if (nlines == 0)
				l->line_too_long = 1;
			break;
		}
		plain = (flags & INPUT_LINE_PLAIN) != 0;
		if (nlines > 0 && (!plain || len + n > INPUT_LINES_BLOCK))
			break;
		lines_new(l, s, n, flags, l->off + len);
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
		if (iclean == nclean && !l->scan_each &&
		    len < INPUT_LINES_BLOCK) {
			/* The lines after this one, in place. */
			at = len;
			iclean = 0;
			nclean = lines_clean(start + len, l->fp == NULL ?
			    l->len - l->pos : l->rblen - l->rbpos,
			    INPUT_LINES_BLOCK - len,
			    ends, INPUT_LINES_RING / 2 - nlines);
		}
	}
	if (len == 0)
		return 0;
	l->cur = start;
	l->curlen = len;
	l->curoff = 0;
	return 1;
}

/*
 * Take, after the len bytes of the block at start, the lines that
 * lines_clean() found that the block still holds, the ith ending
 * at + ends[i] bytes from start (of n): each as lines_new() takes a
 * printable line without a '#' that the hook did not ask for, their
 * text kept at once.  It stops short of a line that is longer than
 * max_line or keep, passes max_size, or ends past INPUT_LINES_BLOCK or
 * INPUT_LINES_RING / 2 lines, for the line-at-a-time path to take or
 * leave.  Returns how many it took.
 */
static size_t
lines_run(struct input_lines *l, const char *start, size_t len, size_t at,
    const uint32_t *ends, size_t n, size_t nlines)
{
	uint32_t	 run[INPUT_LINES_RING / 2];
	size_t		 k, e, b = len;

	for (k = 0; k < n && nlines + k < INPUT_LINES_RING / 2; k++) {
		e = at + ends[k];
		if (e - b > l->max_line || e > INPUT_LINES_BLOCK ||
		    (l->keep > 0 && e - b > l->keep) ||
		    (l->fp != NULL && l->off + e > l->max_size))
			break;
		l->lineno++;
		l->ring[l->lineno % INPUT_LINES_RING].off = l->off + b;
		l->ring[l->lineno % INPUT_LINES_RING].line = l->lineno;
		run[k] = (uint32_t)(e - len);
		b = e;
	}
	if (k > 0 && l->keep > 0)
		lines_keep(l, start + len, b - len, run, k);
	if (l->fp == NULL)
		l->pos += b - len;
	else
		l->rbpos += b - len;
	return k;
}

/*
 * A new line, starting at byte off: remember it, show it to the hook
 * if it holds a '#' or the hook asked for every line.
 */
static void
lines_new(struct input_lines *l, const char *s, size_t n,
    unsigned int flags, size_t off)
{
	l->lineno++;
	l->ring[l->lineno % INPUT_LINES_RING].off = off;
	l->ring[l->lineno % INPUT_LINES_RING].line = l->lineno;
	if (l->keep > 0)
		lines_keep(l, s, n, NULL, 1);
	if (l->hook == NULL || (!(flags & INPUT_LINE_HASH) && !l->hook_all))
		return;
	if (n > 0 && s[n - 1] == '\n')
		n--;
	l->hook_all = l->hook(l->arg, l->lineno, s, n);
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
