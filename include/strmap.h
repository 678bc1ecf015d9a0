/* SPDX-License-Identifier: ISC */
/*
 * A string-keyed hash multimap for the model's lookups (ServiceAccounts
 * by namespace and name, roles by name and ARN), so that no rule scans
 * the whole model once per object.
 */
#ifndef STRMAP_H
#define STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* The values stored under one key, in the order added. */
struct strmap_val {
	void			*v;
	struct strmap_val	*next;
};

struct strmap_ent;

struct strmap {
	struct strmap_ent	*tab;	/* open addressing, power of two */
	size_t			 cap;
	size_t			 n;
};

void	strmap_init(struct strmap *);
/* Room for n keys in all, made at once rather than by doubling. */
void	strmap_reserve(struct strmap *, size_t n);
/* Add v under key; key and list nodes live in the arena. */
void	strmap_add(struct strmap *, struct arena *, const char *, void *);
/* The same for a key that lives as long as the map: it is not copied. */
void	strmap_add_kept(struct strmap *, struct arena *, const char *,
	    void *);
/* The values under key, first added first; NULL when none. */
const struct strmap_val *strmap_get(const struct strmap *, const char *);
/* The value under key added last, or NULL: at once, however many. */
const struct strmap_val *strmap_last(const struct strmap *, const char *);
void	strmap_release(struct strmap *);

/*
 * strmap_add_kept() for many keys in a row, each slot fetched ahead of
 * its write (strmap.c); strmap_ahead_flush() adds what is still queued.
 */
#define STRMAP_AHEAD	8

struct strmap_pending {
	const char		*key;
	uint64_t		 hash;
	void			*v;
};

struct strmap_ahead {
	struct strmap		*m;
	struct arena		*a;
	size_t			 first, n;
	struct strmap_pending	 q[STRMAP_AHEAD];
};

void	strmap_ahead_init(struct strmap_ahead *, struct strmap *,
	    struct arena *);
void	strmap_ahead_add(struct strmap_ahead *, const char *, void *);
void	strmap_ahead_flush(struct strmap_ahead *);

#endif /* STRMAP_H */
