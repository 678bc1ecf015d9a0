/* SPDX-License-Identifier: ISC */
/* Small string helpers: edit distance and prefix tests. */
#include <stdlib.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "util.h"
#include "xalloc.h"

/*
 * Levenshtein distance of a (1 to 64 bytes) and b, by Myers' bit-vector
 * algorithm in Hyyrö's form for whole strings ("A bit-vector algorithm
 * for computing Levenshtein and Damerau edit distances", 2003): the
 * column of differences D[i][j] - D[i-1][j] is kept as two words of
 * +1 and -1 bits, one step per byte of b, and the last row's value
 * followed.  Exact, and some ten times cheaper than the table below for
 * the subjects and names compared here.
 */
static size_t
bit_distance(const unsigned char *a, size_t la, const unsigned char *b,
    size_t lb)
{
	uint64_t	 peq[256], pv, mv, ph, mh, xv, xh, eq, top;
	size_t		 i, d = la;

	for (i = 0; i < la; i++)
		peq[a[i]] = 0;
	for (i = 0; i < lb; i++)
		peq[b[i]] = 0;
	for (i = 0; i < la; i++)
		peq[a[i]] |= (uint64_t)1 << i;
	pv = la == 64 ? ~(uint64_t)0 : ((uint64_t)1 << la) - 1;
	mv = 0;
	top = (uint64_t)1 << (la - 1);
	for (i = 0; i < lb; i++) {
		eq = peq[b[i]];
		xv = eq | mv;
		xh = (((eq & pv) + pv) ^ pv) | eq;
		ph = mv | ~(xh | pv);
		mh = pv & xh;
		if (ph & top)
			d++;
		else if (mh & top)
			d--;
		/* The first row, D[0][j] = j, rises by one each step. */
		ph = (ph << 1) | 1;
		mh <<= 1;
		pv = mh | ~(xv | ph);
		mv = ph & xv;
	}
	return d;
}

/*
 * The step of bit_distance() for one byte of the text: the column of
 * differences of the pattern (whose match masks are peq) moved one
 * byte on, and *d, the distance of the whole pattern, updated.
 */
static inline void
myers_step(const uint64_t *peq, unsigned char c, uint64_t top, uint64_t *pvp,
    uint64_t *mvp, size_t *d)
{
	uint64_t	 pv = *pvp, mv = *mvp, eq, xv, xh, ph, mh;

	eq = peq[c];
	xv = eq | mv;
	xh = (((eq & pv) + pv) ^ pv) | eq;
	ph = mv | ~(xh | pv);
	mh = pv & xh;
	if (ph & top)
		(*d)++;
	else if (mh & top)
		(*d)--;
	ph = (ph << 1) | 1;
	mh <<= 1;
	*pvp = mh | ~(xv | ph);
	*mvp = ph & xv;
}

/*
 * Sort the indexes x[0..n) by their strings in v, equal strings by
 * index: merges of runs twice as long each pass, through tmp.
 */
static void
near_sort(const char *const *v, uint32_t *x, uint32_t *tmp, size_t n)
{
	uint32_t	*src = x, *dst = tmp, *t;
	size_t		 w, lo, mid, hi, i, j, k;
	int		 c;

	for (w = 1; w < n; w *= 2) {
		for (lo = 0; lo < n; lo += 2 * w) {
			mid = lo + w < n ? lo + w : n;
			hi = lo + 2 * w < n ? lo + 2 * w : n;
			for (i = lo, j = mid, k = lo; k < hi; k++) {
				if (j < hi && i < mid) {
					c = strcmp(v[src[i]], v[src[j]]);
					if (c < 0 || (c == 0 && src[i] < src[j]))
						dst[k] = src[i++];
					else
						dst[k] = src[j++];
				} else if (i < mid)
					dst[k] = src[i++];
				else
					dst[k] = src[j++];
			}
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != x)
		memcpy(x, src, n * sizeof(*x));
}

void
near_list_init(struct near_list *l, const char *const *v, size_t n)
{
	const char	*a, *b;
	size_t		 i, k, len;

	memset(l, 0, sizeof(*l));
	l->v = v;
	l->n = n;
	if (n == 0 || n >= UINT32_MAX)
		return;
	l->order = xreallocarray(NULL, n, sizeof(*l->order));
	l->lcp = xreallocarray(NULL, n, sizeof(*l->lcp));
	for (i = 0; i < n; i++)
		if (v[i] != NULL) {
			l->order[l->norder++] = (uint32_t)i;
			if ((len = strlen(v[i])) > l->longest)
				l->longest = len;
		}
	/* lcp is free until the prefixes are counted: the merges' room. */
	near_sort(v, l->order, l->lcp, l->norder);
	l->lcp[0] = 0;
	for (i = 1; i < l->norder; i++) {
		a = v[l->order[i - 1]];
		b = v[l->order[i]];
		for (k = 0; a[k] != '\0' && a[k] == b[k]; k++)
			continue;
		l->lcp[i] = (uint32_t)k;
	}
	/* Sorted, the first and the last share what all of them do. */
	if (l->norder > 0) {
		a = v[l->order[0]];
		b = v[l->order[l->norder - 1]];
		for (k = 0; a[k] != '\0' && a[k] == b[k]; k++)
			continue;
		l->common = k;
	}
}

void
near_list_release(struct near_list *l)
{
	free(l->order);
	free(l->lcp);
	memset(l, 0, sizeof(*l));
}

/* edit_distance() on each string in turn, the nearest so far a bound. */
static size_t
near_list_scan(const struct near_list *l, const char *want, size_t max,
    size_t *dist)
{
	size_t	 i, d, best = (size_t)-1;

	for (i = 0; i < l->n; i++) {
		if (l->v[i] == NULL)
			continue;
		if ((d = edit_distance(l->v[i], want, max)) <= max) {
			*dist = d;
			best = i;
			if (d == 0)
				break;
			max = d - 1;
		}
	}
	return best;
}

/*
 * The strings in byte order, through bit_distance()'s steps with want
 * as the pattern: the state after a string's first bytes is kept by
 * depth, and the next string, which shares lcp bytes with it, goes on
 * from the state at that depth.  A start every string and want share
 * changes no distance and is skipped.  A pattern (want less that start)
 * longer than a word, or strings too long to keep a state per byte on
 * the stack, take near_list_scan().
 */
#define NEAR_DEPTH	512

size_t
near_list_find(const struct near_list *l, const char *want, size_t max,
    size_t *dist)
{
	uint64_t	 peq[256], pv[NEAR_DEPTH + 1], mv[NEAR_DEPTH + 1];
	size_t		 dd[NEAR_DEPTH + 1];
	uint64_t	 top;
	const char	*s;
	size_t		 skip, lw, i, k, dep, len, d, best = (size_t)-1;
	size_t		 bestd = (size_t)-1;

	/* No order (a list too long to index): each in turn. */
	if (l->order == NULL)
		return near_list_scan(l, want, max, dist);
	if (l->norder == 0)
		return (size_t)-1;
	s = l->v[l->order[0]];
	for (skip = 0; skip < l->common && want[skip] == s[skip]; skip++)
		continue;
	lw = strlen(want + skip);
	if (lw == 0 || lw > 64 || l->longest - skip > NEAR_DEPTH)
		return near_list_scan(l, want, max, dist);
	want += skip;
	memset(peq, 0, sizeof(peq));
	for (i = 0; i < lw; i++)
		peq[(unsigned char)want[i]] |= (uint64_t)1 << i;
	top = (uint64_t)1 << (lw - 1);
	pv[0] = lw == 64 ? ~(uint64_t)0 : ((uint64_t)1 << lw) - 1;
	mv[0] = 0;
	dd[0] = lw;
	for (k = 0; k < l->norder; k++) {
		s = l->v[l->order[k]] + skip;
		/* Every string shares skip bytes: the depths after them. */
		dep = k == 0 ? 0 : l->lcp[k] - skip;
		len = dep + strlen(s + dep);
		for (i = dep; i < len; i++) {
			pv[i + 1] = pv[i];
			mv[i + 1] = mv[i];
			dd[i + 1] = dd[i];
			myers_step(peq, (unsigned char)s[i], top, &pv[i + 1],
			    &mv[i + 1], &dd[i + 1]);
		}
		d = dd[len];
		if (d < bestd || (d == bestd && l->order[k] < best)) {
			bestd = d;
			best = l->order[k];
		}
	}
	if (bestd > max)
		return (size_t)-1;
	*dist = bestd;
	return best;
}

uint64_t
char_set(const char *s)
{
	uint64_t	 set = 0;

	for (; *s != '\0'; s++)
		set |= (uint64_t)1 << ((unsigned char)*s & 63);
	return set;
}

size_t
char_set_distance(uint64_t a, uint64_t b)
{
	uint64_t	 x = a ^ b;

	/* The bits set in x, two, four, then eight bits at a time. */
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (size_t)(((x * 0x0101010101010101ULL) >> 56) + 1) / 2;
}

/*
 * How many bytes of the shorter s the longer l lacks: an alignment
 * substitutes or deletes each of them, beside the ll - ls bytes it
 * inserts in any case, so that their sum is a floor on the distance.
 * ASCII bytes are told apart, one bit each in two words; a byte above
 * 0x7f is taken to be in l, which only makes the count smaller.
 */
static size_t
lacking(const char *s, size_t ls, const char *l, size_t ll)
{
	const unsigned char	*us = (const unsigned char *)s;
	const unsigned char	*ul = (const unsigned char *)l;
	uint64_t		 lo = 0, hi = 0, bit;
	size_t			 i, n = 0;

	for (i = 0; i < ll; i++) {
		bit = (uint64_t)1 << (ul[i] & 63);
		if (ul[i] < 64)
			lo |= bit;
		else
			hi |= bit;
	}
	for (i = 0; i < ls; i++) {
		bit = (uint64_t)1 << (us[i] & 63);
		n += us[i] < 64 ? !(lo & bit) : us[i] < 128 && !(hi & bit);
	}
	return n;
}

/*
 * Levenshtein distance between a and b, exact up to max: anything
 * farther returns max + 1.  Once their common ends are trimmed, a pair
 * that lacking() puts beyond max is done: a subject a trust refuses is
 * mostly compared with patterns whose "*" and some digits it lacks, a
 * few edits farther than the nearest so far.  Strings of up to 64 bytes
 * go to bit_distance(); longer ones to a table of which
 * only the diagonal band |i - j| <= max is computed (only it can hold a
 * distance within max), in one row kept on the stack for names of
 * ordinary length.  This runs for every annotation that names no role
 * and every subject a trust refuses, so it has to be cheap.
 */
size_t
edit_distance(const char *a, const char *b, size_t max)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, lo, hi, best, d;
	size_t	 stackrow[257], *row, big = (size_t)-1 / 2;
	size_t	 diag, up;
	uint64_t wa, wb;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	/*
	 * A common prefix and suffix change no distance (an optimal
	 * alignment matches them), and "system:serviceaccount:" is
	 * common to every subject compared: eight bytes at a time first.
	 */
	while (la >= 8 && lb >= 8) {
		memcpy(&wa, a, 8);
		memcpy(&wb, b, 8);
		if (wa != wb)
			break;
		a += 8;
		b += 8;
		la -= 8;
		lb -= 8;
	}
	while (la > 0 && lb > 0 && *a == *b) {
		a++;
		b++;
		la--;
		lb--;
	}
	while (la > 0 && lb > 0 && a[la - 1] == b[lb - 1]) {
		la--;
		lb--;
	}
	if (la == 0 || lb == 0)
		return (la > lb ? la : lb) > max ? max + 1 : (la > lb ? la : lb);
	if (la <= lb ? (lb - la) + lacking(a, la, b, lb) > max :
	    (la - lb) + lacking(b, lb, a, la) > max)
		return max + 1;
	if (la <= 64 || lb <= 64) {
		d = la <= lb ?
		    bit_distance((const unsigned char *)a, la,
		    (const unsigned char *)b, lb) :
		    bit_distance((const unsigned char *)b, lb,
		    (const unsigned char *)a, la);
		return d > max ? max + 1 : d;
	}
	row = lb < 257 ? stackrow : xreallocarray(NULL, lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j <= max ? j : big;
	for (i = 1; i <= la; i++) {
		lo = i > max ? i - max : 1;
		hi = i + max < lb ? i + max : lb;
		diag = row[lo - 1];
		row[lo - 1] = lo - 1 == 0 && i <= max ? i : big;
		best = row[lo - 1];
		for (j = lo; j <= hi; j++) {
			up = row[j];
			d = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diag = up;
			if (d < best)
				best = d;
		}
		if (hi < lb)
			row[hi + 1] = big;
		if (best > max) {
			if (row != stackrow)
				free(row);
			return max + 1;
		}
	}
	d = row[lb];
	if (row != stackrow)
		free(row);
	return d > max ? max + 1 : d;
}

int
str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
str_has_suffix(const char *s, const char *suffix)
{
	size_t	 ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

const char *
strip_scheme(const char *s)
{
	if (strncasecmp(s, "https://", 8) == 0)
		return s + 8;
	if (strncasecmp(s, "http://", 7) == 0)
		return s + 7;
	return s;
}

/* memmem(3), which C11 does not have: the first n-byte needle in hay. */
const void *
mem_find(const void *hay, size_t hlen, const void *needle, size_t n)
{
	const char	*h = hay, *end;

	if (n == 0)
		return hay;
	if (hlen < n)
		return NULL;
	for (end = h + hlen - n + 1; h < end; h++) {
		if ((h = memchr(h, *(const char *)needle,
		    (size_t)(end - h))) == NULL)
			return NULL;
		if (memcmp(h, needle, n) == 0)
			return h;
	}
	return NULL;
}

/*
 * Horspool's algorithm ("Practical fast searching in strings", 1980):
 * the window's last byte says how far the needle may move without
 * passing an occurrence, so the first one is found.
 */
const void *
mem_find_long(const void *hay, size_t hlen, const void *needle, size_t n)
{
	const unsigned char	*h = hay, *nd = needle;
	size_t			 skip[256], i, pos;
	unsigned char		 last;

	if (n < 4)
		return mem_find(hay, hlen, needle, n);
	if (hlen < n)
		return NULL;
	for (i = 0; i < 256; i++)
		skip[i] = n;
	for (i = 0; i + 1 < n; i++)
		skip[nd[i]] = n - 1 - i;
	last = nd[n - 1];
	for (pos = 0; pos <= hlen - n; pos += skip[h[pos + n - 1]])
		if (h[pos + n - 1] == last && memcmp(h + pos, nd, n - 1) == 0)
			return h + pos;
	return NULL;
}

/*
 * A path without "." components and with "dir/.." pairs taken out,
 * lexically ("a/b/../c" is "a/c"); leading ".." stay, "/.." is "/".
 */
char *
path_tidy(struct arena *a, const char *p)
{
	char		*out = arena_alloc(a, strlen(p) + 2);
	const char	**seg;
	size_t		*len, nseg = 0, n, i, keep = 0;
	int		 abs = *p == '/';
	char		*o = out;

	seg = arena_alloc(a, (strlen(p) / 2 + 2) * sizeof(*seg));
	len = arena_alloc(a, (strlen(p) / 2 + 2) * sizeof(*len));
	while (*p != '\0') {
		while (*p == '/')
			p++;
		for (n = 0; p[n] != '\0' && p[n] != '/'; n++)
			continue;
		if (n == 0 || (n == 1 && p[0] == '.'))
			;
		else if (n == 2 && p[0] == '.' && p[1] == '.' &&
		    nseg > keep)
			nseg--;
		else if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (!abs) {	/* above the start: keep it */
				seg[nseg] = p;
				len[nseg++] = n;
				keep = nseg;
			}
		} else {
			seg[nseg] = p;
			len[nseg++] = n;
		}
		p += n;
	}
	if (abs)
		*o++ = '/';
	for (i = 0; i < nseg; i++) {
		if (i > 0)
			*o++ = '/';
		memcpy(o, seg[i], len[i]);
		o += len[i];
	}
	if (o == out)
		*o++ = '.';
	*o = '\0';
	return out;
}

/*
 * file as a path under root (a real path), "k8s/sa.yaml" for
 * "./k8s/sa.yaml" or "/repo/k8s/sa.yaml" when root is "/repo"; file as
 * given when it is not under root or is no file ("<stdin>").
 */
const char *
path_under(struct arena *a, const char *root, const char *file)
{
	char	 real[PATH_MAX];
	size_t	 n;

	if (root == NULL || realpath(file, real) == NULL)
		return file;
	n = strlen(root);
	if (strcmp(root, "/") == 0)
		return arena_strdup(a, real + 1);
	if (strncmp(real, root, n) != 0 || real[n] != '/')
		return file;
	return arena_strdup(a, real + n + 1);
}
