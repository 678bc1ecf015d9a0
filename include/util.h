/* SPDX-License-Identifier: ISC */
/* Small string helpers shared by loaders and rules. */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Levenshtein distance, giving up (returning max + 1) beyond max. */
size_t	edit_distance(const char *, const char *, size_t max);
/*
 * The set of bytes of a string, as a bit each of byte & 63, and a floor
 * on the edit distance of two strings from their sets: one edit adds a
 * byte and takes one away, changing at most two bits.
 */
/*
 * A list of strings ready for near_list_find(): its strings in byte
 * order, each with the bytes it shares with the one before, so that
 * the distance of every one to a string is found in one walk in which
 * a shared start is compared once.  v is the caller's and must outlive
 * it; NULL entries are skipped.
 */
struct near_list {
	const char *const *v;
	size_t		 n;
	uint32_t	*order;		/* indexes into v, in byte order */
	uint32_t	*lcp;		/* bytes order[i] shares with
					   order[i - 1]; lcp[0] = 0 */
	size_t		 norder;
	size_t		 common;	/* bytes every string starts with */
	size_t		 longest;
};

void	near_list_init(struct near_list *, const char *const *v, size_t n);
void	near_list_release(struct near_list *);
/*
 * The index in v of the first string nearest to want (the lowest index
 * among those at the least distance), if it is within max edits, with
 * the distance in *dist; (size_t)-1 when none is.  The same answer as
 * edit_distance() on each string in turn.
 */
size_t	near_list_find(const struct near_list *, const char *want,
	    size_t max, size_t *dist);
uint64_t	char_set(const char *);
size_t	char_set_distance(uint64_t, uint64_t);
int	str_has_prefix(const char *, const char *);
int	str_has_suffix(const char *, const char *);
/* Strip a leading "https://" or "http://" (case-insensitive). */
const char *strip_scheme(const char *);

const void *mem_find(const void *, size_t, const void *, size_t);
/*
 * The same, for a needle of some dozens of bytes sought through a long
 * text: Horspool's shifts skip most bytes, at the cost of a table per
 * call.
 */
const void *mem_find_long(const void *, size_t, const void *, size_t);

struct arena;
/* "a/b/../c" as "a/c": a path cleaned lexically, in the arena. */
char	*path_tidy(struct arena *, const char *);
/* file relative to root (a real path) when under it, else as given. */
const char *path_under(struct arena *, const char *root, const char *file);

#endif /* UTIL_H */
