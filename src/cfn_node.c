/* SPDX-License-Identifier: ISC */
/*
 * The CloudFormation loader's values: making a node within the
 * template's bound, looking up a key or a resource, comparing two
 * values.  The reader, the evaluator and the resource readers all
 * build on these and on nothing of each other's callers.
 */
#include <string.h>

#include "arena.h"
#include "cfn.h"
#include "diag.h"
#include "strmap.h"

struct cn *
cn_new(struct cfn *c, enum cn_type type, const struct loc *loc)
{
	struct cn	*n = arena_alloc(&c->a, sizeof(*n));

	if (++c->values > CFN_MAX_VALUES && !c->over) {
		c->over = 1;
		diag_error(c->dg, loc, "CloudFormation template: evaluating "
		    "it makes more than %d values", CFN_MAX_VALUES);
	}
	n->type = type;
	n->loc = *loc;
	return n;
}

const struct cn *
cn_get(const struct cn *map, const char *key)
{
	const struct cn	*k;

	if (map == NULL || map->type != CN_MAP)
		return NULL;
	for (k = map->kids; k != NULL; k = k->next)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

int
cn_equal(const struct cn *a, const struct cn *b)
{
	for (; a != NULL && b != NULL; a = a->next, b = b->next) {
		if (a->type != b->type || a->type == CN_UNKNOWN ||
		    (a->key == NULL) != (b->key == NULL) ||
		    (a->key != NULL && strcmp(a->key, b->key) != 0) ||
		    (a->type == CN_STR && strcmp(a->str, b->str) != 0) ||
		    !cn_equal(a->kids, b->kids))
			return 0;
	}
	return a == NULL && b == NULL;
}

const struct cfn_res *
cfn_find(const struct cfn *c, const char *id)
{
	const struct strmap_val	*v;

	return (v = strmap_get(&c->res_by_id, id)) != NULL ? v->v : NULL;
}
