/* SPDX-License-Identifier: ISC */
/*
 * A validating JSON scanner that builds nothing: it walks JSON text,
 * checks its grammar, and hands out the spans of the values the caller
 * wants, so that a loader parses into a tree only the few parts it
 * reads (a 100 MB plan holds a few kilobytes of IAM).
 */
#ifndef JSCAN_H
#define JSCAN_H

#include <stddef.h>

struct jscan {
	const char	*base;		/* start of the text */
	const char	*p;		/* current position */
	const char	*end;
	int		 depth;
	int		 maxdepth;	/* arrays and objects */
	const char	*err;		/* first error, static string */
	const char	*errpos;	/* where it is */
};

/* A value found by the scanner: text from start to end (exclusive). */
struct jspan {
	const char	*start;
	const char	*end;
};

void	jscan_init(struct jscan *, const char *, size_t, int maxdepth);
/* Scan one value, checking its grammar; its span goes to *span. */
int	jscan_value(struct jscan *, struct jspan *);
/*
 * Iterate an object: jscan_object() enters it (-1 if the next value is
 * not an object); each jscan_member() call returns 1 with the key's raw
 * text (escapes not decoded) and leaves the scanner at the member's
 * value, 0 after the closing brace, -1 on error.
 */
int	jscan_object(struct jscan *);
int	jscan_member(struct jscan *, const char **, size_t *);
/* Likewise for arrays: 1 at the next element, 0 at the end. */
int	jscan_array(struct jscan *);
int	jscan_element(struct jscan *);
/* After the top-level value: only white space may follow. */
int	jscan_end(struct jscan *);
/* Is the next value of this type?  Peeks, does not move. */
int	jscan_peek(struct jscan *);
/* Does the raw key equal s? */
int	jscan_key_is(const char *, size_t, const char *);

#endif /* JSCAN_H */
