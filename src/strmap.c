/* SPDX-License-Identifier: ISC */
/* A string-keyed hash multimap with open addressing. */
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

static void	add(struct strmap *, struct arena *, const char *, void *,
		    int);

/* FNV-1a: short keys, no adversary gains from collisions but time. */
static uint64_t
hash_str(const char *s)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
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

static void
grow(struct strmap *m)
{
	struct strmap_ent	*old = m->tab, *e;
	size_t			 oldcap = m->cap, i;

	m->cap = m->cap ? m->cap * 2 : 64;
	m->tab = xcalloc(m->cap, sizeof(*m->tab));
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL) {
			e = slot(m, old[i].key, old[i].hash);
			*e = old[i];
		}
	free(old);
}

void
strmap_add(struct strmap *m, struct arena *a, const char *key, void *v)
{
	add(m, a, key, v, 1);
}

void
strmap_add_kept(struct strmap *m, struct arena *a, const char *key, void *v)
{
	add(m, a, key, v, 0);
}

static void
add(struct strmap *m, struct arena *a, const char *key, void *v, int copy)
{
	struct strmap_ent	*e;
	struct strmap_val	*node;
	uint64_t		 h = hash_str(key);

	if ((m->n + 1) * 2 > m->cap)
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
