/* SPDX-License-Identifier: ISC */
/*
 * A string-keyed hash multimap with open addressing and linear probing,
 * grown when three quarters full: with the full hash kept in each slot,
 * a probe compares strings only where the hashes are equal.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strmap.h"
#include "xalloc.h"

struct strmap_ent {
	const char		*key;	/* NULL: empty slot */
	uint64_t		 hash;
	struct strmap_val	*head, *tail;
};

static void	add(struct strmap *, struct arena *, const char *, uint64_t,
		    void *, int);

/*
 * Eight bytes a step, then MurmurHash3's finaliser, so that the low
 * bits the table uses depend on every byte: keys are ARNs and subjects
 * of some hundred bytes, which a byte at a time (FNV-1a, before) took
 * most of a lookup to hash.  No adversary gains from collisions but
 * time, bounded by the input's.
 */
static uint64_t
hash_str(const char *s)
{
	size_t		 n = strlen(s);
	uint64_t	 h = 0xcbf29ce484222325ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

void
strmap_init(struct strmap *m)
{
	m->tab = NULL;
	m->cap = m->n = 0;
}

static struct strmap_ent *
slot(const struct strmap *m, const char *key, uint64_t h)
{
	size_t	 i = (size_t)h & (m->cap - 1);

	while (m->tab[i].key != NULL && (m->tab[i].hash != h ||
	    strcmp(m->tab[i].key, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->tab[i];
}

/*
 * A table of cap slots (a power of two), the keys moved into it.  A
 * large one is zeroed by writing it: calloc(3) maps fresh pages of
 * zeros, and the first probe of each, a read, then costs the kernel
 * two faults (the page of zeros, then a copy) instead of one.
 */
static void
rehash(struct strmap *m, size_t cap)
{
	struct strmap_ent	*old = m->tab, *e;
	size_t			 oldcap = m->cap, i;

	m->cap = cap;
	if (cap * sizeof(*m->tab) >= 65536) {
		m->tab = xreallocarray(NULL, m->cap, sizeof(*m->tab));
		memset(m->tab, 0, m->cap * sizeof(*m->tab));
	} else
		m->tab = xcalloc(m->cap, sizeof(*m->tab));
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL) {
			e = slot(m, old[i].key, old[i].hash);
			*e = old[i];
		}
	free(old);
}

static void
grow(struct strmap *m)
{
	rehash(m, m->cap ? m->cap * 2 : 64);
}

/* As add() grows it: at most three quarters full. */
void
strmap_reserve(struct strmap *m, size_t n)
{
	size_t	 cap = m->cap ? m->cap : 64;

	while (cap / 4 * 3 < n + 1 && cap < (size_t)-1 / 4)
		cap *= 2;
	if (cap > m->cap)
		rehash(m, cap);
}

void
strmap_add(struct strmap *m, struct arena *a, const char *key, void *v)
{
	add(m, a, key, hash_str(key), v, 1);
}

void
strmap_add_kept(struct strmap *m, struct arena *a, const char *key, void *v)
{
	add(m, a, key, hash_str(key), v, 0);
}

/*
 * Keys added through a queue of STRMAP_AHEAD: each key's slot is
 * fetched into the cache when it is queued and written when it leaves,
 * so that the misses of a large table overlap instead of following one
 * another (a table of a megabyte, freshly made, is in no cache).  The
 * order of the values under a key is the order added, as with
 * strmap_add_kept().
 */
void
strmap_ahead_init(struct strmap_ahead *q, struct strmap *m, struct arena *a)
{
	q->m = m;
	q->a = a;
	q->first = q->n = 0;
}

void
strmap_ahead_add(struct strmap_ahead *q, const char *key, void *v)
{
	struct strmap_pending	*p;
	uint64_t		 h = hash_str(key);

	if (q->n == STRMAP_AHEAD) {
		p = &q->q[q->first];
		add(q->m, q->a, p->key, p->hash, p->v, 0);
		q->first = (q->first + 1) % STRMAP_AHEAD;
		q->n--;
	}
	if (q->m->cap > 0)
		__builtin_prefetch(&q->m->tab[(size_t)h & (q->m->cap - 1)], 1);
	p = &q->q[(q->first + q->n++) % STRMAP_AHEAD];
	p->key = key;
	p->hash = h;
	p->v = v;
}

void
strmap_ahead_flush(struct strmap_ahead *q)
{
	struct strmap_pending	*p;

	for (; q->n > 0; q->n--) {
		p = &q->q[q->first];
		add(q->m, q->a, p->key, p->hash, p->v, 0);
		q->first = (q->first + 1) % STRMAP_AHEAD;
	}
}

static void
add(struct strmap *m, struct arena *a, const char *key, uint64_t h, void *v,
    int copy)
{
	struct strmap_ent	*e;
	struct strmap_val	*node;

	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	e = slot(m, key, h);
	if (e->key == NULL) {
		e->key = copy ? arena_strdup(a, key) : key;
		e->hash = h;
		m->n++;
	}
	node = arena_alloc(a, sizeof(*node));
	node->v = v;
	if (e->tail != NULL)
		e->tail->next = node;
	else
		e->head = node;
	e->tail = node;
}

const struct strmap_val *
strmap_get(const struct strmap *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	return slot(m, key, hash_str(key))->head;
}

const struct strmap_val *
strmap_last(const struct strmap *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	return slot(m, key, hash_str(key))->tail;
}

void
strmap_release(struct strmap *m)
{
	free(m->tab);
	strmap_init(m);
}
