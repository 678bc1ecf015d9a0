/* SPDX-License-Identifier: ISC */
/* Small string helpers: edit distance and prefix tests. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "xalloc.h"

/*
 * Levenshtein distance between a and b, computed with one row.  The
 * answer is only exact up to max: anything farther returns max + 1, and
 * strings whose lengths already differ by more than max cost nothing.
 */
size_t
edit_distance(const char *a, const char *b, size_t max)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, diag, up, best, d;
	size_t	*row;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	row = xreallocarray(NULL, lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
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
		if (best > max) {
			free(row);
			return max + 1;
		}
	}
	d = row[lb];
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
