/* SPDX-License-Identifier: ISC */
/* Small string helpers shared by loaders and rules. */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>

/* Levenshtein distance, giving up (returning max + 1) beyond max. */
size_t	edit_distance(const char *, const char *, size_t max);
int	str_has_prefix(const char *, const char *);
int	str_has_suffix(const char *, const char *);
/* Strip a leading "https://" or "http://" (case-insensitive). */
const char *strip_scheme(const char *);

const void *mem_find(const void *, size_t, const void *, size_t);

struct arena;
/* "a/b/../c" as "a/c": a path cleaned lexically, in the arena. */
char	*path_tidy(struct arena *, const char *);
/* file relative to root (a real path) when under it, else as given. */
const char *path_under(struct arena *, const char *root, const char *file);

#endif /* UTIL_H */
