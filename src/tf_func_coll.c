/* SPDX-License-Identifier: ISC */
/*
 * Terraform's collection and type-conversion functions: length,
 * lookup, merge, the JSON and YAML encoders and jsondecode, coalesce,
 * concat, slice, element, index, contains, distinct, flatten, keys,
 * values, zipmap, the to* conversions, compact, sort, reverse, the set
 * functions and range.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

#include "tf_fn.h"

static int		 json_size(struct tf_ev *, const struct tfv *,
			    size_t *);
static int		 cmp_slot(const void *, const void *);
static int		 flat(struct tf_ev *, const struct tfv *, int,
			    struct tfv ***, size_t *, size_t *,
			    const struct tfv **);
static struct tfv	*set_args(struct tf_ev *, const struct tf_call *,
			    struct tfv ***);
static int		 in_set(const struct tfv *, const struct tfv *);

/*
 * length(): of a list or map known even when its elements are not,
 * as Terraform's; of a string, in grapheme clusters.
 */
struct tfv *
tf_fn_length(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*v = c->args[0];
	size_t			 i, n = 0;

	if (tff_open_map(v))
		return tff_unknown_of(ev, c->args[0]);
	switch (v->kind) {
	case TFV_UNKNOWN:
		return tff_unknown_of(ev, c->args[0]);
	case TFV_LIST:
	case TFV_MAP:
		return tfv_num(ev, (double)v->n);
	case TFV_STRING:
		if (tf_spend(ev, v->len / 16))
			return tff_over(ev, c);
		for (i = 0; i < v->len; n++)
			if (tff_gnext(v->s, v->len, &i) == -1)
				return tfv_unknown(ev, "length() of a string "
				    "whose characters irsalint cannot count",
				    c->at);
		return tfv_num(ev, (double)n);
	default:
		return tff_bad(ev, c, 0, "a string, a list or a map");
	}
}

/*
 * lookup(): the map and the key known; the value found is returned as
 * it is, unknowns inside it and all (Terraform, which wants the whole
 * map known, would say less).  A key an open map lacks is unknown.
 */
struct tfv *
tf_fn_lookup(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*key;
	size_t		 len;
	struct tfv	*e, *v;

	if (c->args[0]->kind == TFV_UNKNOWN || !tff_known(ev, c->args[1]))
		return tff_unknown_for(ev, c->args, 2);
	if (c->args[0]->kind != TFV_MAP)
		return tff_bad(ev, c, 0, "a map");
	if ((e = tff_get_str(ev, c, 1, &key, &len)) != NULL)
		return e;
	if (strlen(key) == len && (v = tfv_get(c->args[0], key)) != NULL)
		return v;
	if (tff_open_map(c->args[0]))
		return tff_unknown_of(ev, c->args[0]);
	if (c->nargs == 3)
		return c->args[2];
	return tf_error(ev, c->at, "lookup: the map has no key \"%s\"", key);
}

/*
 * merge(): later maps win.  Terraform needs each argument known, not
 * its values: a map with unknown values merges into a map with them.
 */
struct tfv *
tf_fn_merge(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**k;
	struct tfv	**v;
	size_t		 i, j, n = 0;

	for (i = 0; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_UNKNOWN || tff_open_map(c->args[i]))
			return tff_unknown_of(ev, c->args[i]);
		if (c->args[i]->kind == TFV_NULL)
			continue;
		if (c->args[i]->kind != TFV_MAP)
			return tff_bad(ev, c, i, "a map");
		if ((n += c->args[i]->n) > TF_MAX_ELEMS)
			return tf_error(ev, c->at, "merge: more than %lu "
			    "keys", TF_MAX_ELEMS);
	}
	if (tf_spend(ev, n))
		return tff_over(ev, c);
	k = arena_alloc(ev->arena, (n + 1) * sizeof(*k));
	v = arena_alloc(ev->arena, (n + 1) * sizeof(*v));
	for (n = 0, i = 0; i < c->nargs; i++)
		if (c->args[i]->kind == TFV_MAP)
			for (j = 0; j < c->args[i]->n; j++, n++) {
				k[n] = c->args[i]->k[j];
				v[n] = c->args[i]->v[j];
			}
	return tfv_map(ev, k, v, n);
}

/*
 * jsonencode(): when some of the value is unknown the text is, but
 * the structure is kept (json_of) for a rule to read what is known.
 */
struct tfv *
tf_fn_jsonencode(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf		 b = BUF_INIT;
	const struct tfv	*u, *open;
	struct tfv		*v;
	size_t			 size = 0;
	int			 r;

	if ((r = tff_walk(ev, c->args[0], 0, &u, &open, NULL)) < 0)
		return r == -2 ? tff_over(ev, c) : tf_error(ev, c->at,
		    "jsonencode: the value is nested deeper than %d",
		    HCL_MAX_DEPTH);
	if (u != NULL || open != NULL) {
		v = tff_unknown_for(ev, c->args, 1);
		v->json_of = c->args[0];
		return v;
	}
	if (json_size(ev, c->args[0], &size) == -1)
		return ev->over ? tff_over(ev, c) : tf_error(ev, c->at,
		    "jsonencode: the result is longer than %lu bytes",
		    TF_MAX_STRING);
	tfv_json(&b, c->args[0]);
	v = tff_result(ev, c, &b);
	if (v->kind == TFV_STRING)
		v->json_of = c->args[0];	/* where its parts were written */
	return v;
}

/*
 * yamlencode(): irsalint does not write Terraform's YAML text, so the
 * text is unknown; the structure is kept (json_of), for what reads it
 * (a helm_release's values, tf_k8s.c), known or not.
 */
struct tfv *
tf_fn_yamlencode(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*u, *open;
	struct tfv		*v;
	int			 r;

	if ((r = tff_walk(ev, c->args[0], 0, &u, &open, NULL)) < 0)
		return r == -2 ? tff_over(ev, c) : tf_error(ev, c->at,
		    "yamlencode: the value is nested deeper than %d",
		    HCL_MAX_DEPTH);
	if (u != NULL || open != NULL)
		v = tff_unknown_for(ev, c->args, 1);
	else
		v = tfv_unknown(ev, "yamlencode(), whose text irsalint does "
		    "not write", c->at);
	v->json_of = c->args[0];
	return v;
}

/*
 * About how long jsonencode() of v is, at least: -1 past
 * TF_MAX_STRING, so that a value made of shared parts is not written
 * out at a size its parts do not show.
 */
static int
json_size(struct tf_ev *ev, const struct tfv *v, size_t *size)
{
	size_t	 i;

	if (tf_spend(ev, 1))
		return -1;
	*size += v->kind == TFV_STRING ? v->len + 2 : 2;
	if (v->kind == TFV_MAP)
		for (i = 0; i < v->n; i++)
			*size += strlen(v->k[i]) + 3;
	if (*size > TF_MAX_STRING)
		return -1;
	if (v->kind == TFV_LIST || v->kind == TFV_MAP)
		for (i = 0; i < v->n; i++)
			if (json_size(ev, v->v[i], size) == -1)
				return -1;
	return 0;
}

struct tfv *
tf_fn_jsondecode(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len;
	struct tfv	*e, *v;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (tf_spend(ev, len / 16))
		return tff_over(ev, c);
	if ((v = tfv_from_json(ev, s, len)) == NULL)
		return tf_error(ev, c->at, "jsondecode: the string is not "
		    "JSON, or nested deeper than %d", HCL_MAX_DEPTH);
	return v;
}

/*
 * coalesce(): the first argument neither null nor "".  An unknown
 * before it makes the result unknown; after it, it does not matter.
 * Terraform gives the arguments one type, so a number is a string
 * when a string is among them.
 */
struct tfv *
tf_fn_coalesce(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 i, len;
	int		 str = 0, prim = 0, other = 0, num = 0, bl = 0;

	for (i = 0; i < c->nargs; i++)
		switch (c->args[i]->kind) {
		case TFV_STRING:
			str = prim = 1;
			break;
		case TFV_NUMBER:
			num = prim = 1;
			break;
		case TFV_BOOL:
			bl = prim = 1;
			break;
		case TFV_LIST:
		case TFV_MAP:
			other = 1;
			break;
		default:
			break;
		}
	if ((prim && other) || (num && bl && !str))
		return tf_error(ev, c->at, "coalesce: all arguments must have "
		    "the same type");
	for (i = 0; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_UNKNOWN)
			return tff_unknown_of(ev, c->args[i]);
		if (c->args[i]->kind == TFV_NULL ||
		    (c->args[i]->kind == TFV_STRING && c->args[i]->len == 0))
			continue;
		if (str && c->args[i]->kind != TFV_STRING) {
			tfv_to_string(ev, c->args[i], &s, &len);
			return tfv_str(ev, s, len);
		}
		return c->args[i];
	}
	return tf_error(ev, c->at, "coalesce: no non-null, non-empty-string "
	    "arguments");
}

/* The first list that is not empty: its elements may be unknown. */
struct tfv *
tf_fn_coalescelist(struct tf_ev *ev, const struct tf_call *c)
{
	size_t	 i;

	for (i = 0; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_UNKNOWN)
			return tff_unknown_of(ev, c->args[i]);
		if (c->args[i]->kind == TFV_NULL)
			continue;
		if (c->args[i]->kind != TFV_LIST)
			return tff_bad(ev, c, i, "a list");
		if (c->args[i]->n > 0)
			return c->args[i];
	}
	return tf_error(ev, c->at, "coalescelist: no non-empty list "
	    "arguments");
}

/* concat(): the lists must be known, their elements need not be. */
struct tfv *
tf_fn_concat(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l;
	size_t		 i, n = 0;

	for (i = 0; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_UNKNOWN)
			return tff_unknown_of(ev, c->args[i]);
		if (c->args[i]->kind != TFV_LIST)
			return tff_bad(ev, c, i, "a list");
		if ((n += c->args[i]->n) > TF_MAX_ELEMS)
			return tf_error(ev, c->at, "concat: more than %lu "
			    "elements", TF_MAX_ELEMS);
	}
	if (tf_spend(ev, n))
		return tff_over(ev, c);
	l = tfv_list(ev, n, 0);
	for (n = 0, i = 0; i < c->nargs; i++) {
		memcpy(l->v + n, c->args[i]->v,
		    c->args[i]->n * sizeof(*l->v));
		n += c->args[i]->n;
	}
	return l;
}

/* one(): known when the list is, whatever its element. */
struct tfv *
tf_fn_one(struct tf_ev *ev, const struct tf_call *c)
{
	if (c->args[0]->kind == TFV_UNKNOWN)
		return tff_unknown_of(ev, c->args[0]);
	if (c->args[0]->kind != TFV_LIST)
		return tff_bad(ev, c, 0, "a list");
	if (c->args[0]->n == 0)
		return tfv_null(ev);
	if (c->args[0]->n > 1)
		return tf_error(ev, c->at, "one: the list must have zero or one"
		    " elements, not %zu", c->args[0]->n);
	return c->args[0]->v[0];
}

/* slice(): the list and the bounds known, not the elements. */
struct tfv *
tf_fn_slice(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	long long	 from, to;

	if (c->args[0]->kind == TFV_UNKNOWN || !tff_known(ev, c->args[1]) ||
	    !tff_known(ev, c->args[2]))
		return tff_unknown_for(ev, c->args, c->nargs);
	if ((e = tff_get_list(ev, c, 0, &l)) != NULL ||
	    (e = tff_get_int(ev, c, 1, &from)) != NULL ||
	    (e = tff_get_int(ev, c, 2, &to)) != NULL)
		return e;
	if (from < 0)
		return tf_error(ev, c->at, "slice: the start index must not "
		    "be less than zero");
	if (to > (long long)l->n)
		return tf_error(ev, c->at, "slice: the end index must not be "
		    "greater than the length of the list (%zu)", l->n);
	if (from > to)
		return tf_error(ev, c->at, "slice: the start index must not "
		    "be greater than the end index");
	if (tf_spend(ev, (unsigned long)(to - from)))
		return tff_over(ev, c);
	e = tfv_list(ev, (size_t)(to - from), 0);
	memcpy(e->v, l->v + from, (size_t)(to - from) * sizeof(*e->v));
	return e;
}

/*
 * element(): the index wraps around.  Known when the list and the
 * index are, whatever the element.
 */
struct tfv *
tf_fn_element(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	long long	 i;

	if (c->args[0]->kind == TFV_UNKNOWN || !tff_known(ev, c->args[1]))
		return tff_unknown_for(ev, c->args, c->nargs);
	if ((e = tff_get_list(ev, c, 0, &l)) != NULL ||
	    (e = tff_get_int(ev, c, 1, &i)) != NULL)
		return e;
	/* A set has no order to index by. */
	if (l->flags & TFV_SET)
		return tff_bad(ev, c, 0, "a list");
	if (l->n == 0)
		return tf_error(ev, c->at, "element: the list is empty");
	if (i < 0)
		return tf_error(ev, c->at, "element: the index must not be "
		    "negative");
	return l->v[(size_t)(i % (long long)l->n)];
}

struct tfv *
tf_fn_index(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if ((e = tff_get_list(ev, c, 0, &l)) != NULL)
		return e;
	if (tf_spend(ev, l->n))
		return tff_over(ev, c);
	for (i = 0; i < l->n; i++)
		if (tfv_equal(l->v[i], c->args[1]))
			return tfv_num(ev, (double)i);
	return tf_error(ev, c->at, "index: the item is not in the list");
}

/* contains(): as Terraform, with no conversion: 1 is not "1". */
struct tfv *
tf_fn_contains(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if ((e = tff_get_list(ev, c, 0, &l)) != NULL)
		return e;
	if (tf_spend(ev, l->n))
		return tff_over(ev, c);
	for (i = 0; i < l->n; i++)
		if (tfv_equal(l->v[i], c->args[1]))
			return tfv_bool(ev, 1);
	return tfv_bool(ev, 0);
}

/* Slots of one list, by value, then by place. */
static int
cmp_slot(const void *a, const void *b)
{
	struct tfv *const	*x = *(struct tfv *const *const *)a;
	struct tfv *const	*y = *(struct tfv *const *const *)b;
	int			 r;

	if ((r = tfv_cmp(*x, *y)) != 0)
		return r;
	return x < y ? -1 : x > y;
}

/* distinct(): the first of each value, in order. */
struct tfv *
tf_fn_distinct(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e, *r, ***p;
	unsigned char	*keep;
	size_t		 i, n;

	if ((e = tff_get_list(ev, c, 0, &l)) != NULL)
		return e;
	if ((l = tff_unify(ev, c, l, 0))->kind == TFV_UNKNOWN)
		return l;
	if (tf_spend(ev, l->n * 4))
		return tff_over(ev, c);
	/* The slots sorted: equal values meet, the first one kept. */
	p = arena_alloc(ev->arena, (l->n + 1) * sizeof(*p));
	keep = arena_alloc(ev->arena, l->n + 1);
	for (i = 0; i < l->n; i++)
		p[i] = &l->v[i];
	qsort(p, l->n, sizeof(*p), cmp_slot);
	for (i = 0; i < l->n; i++)
		if (i == 0 || !tfv_equal(*p[i], *p[i - 1]))
			keep[p[i] - l->v] = 1;
	for (n = 0, i = 0; i < l->n; i++)
		n += keep[i];
	r = tfv_list(ev, n, 0);
	for (n = 0, i = 0; i < l->n; i++)
		if (keep[i])
			r->v[n++] = l->v[i];
	return r;
}

/* Append the elements of l, flattened, to out; -1 on an error. */
static int
flat(struct tf_ev *ev, const struct tfv *l, int depth, struct tfv ***out,
    size_t *n, size_t *cap, const struct tfv **u)
{
	struct tfv	**grow;
	size_t		 i;

	if (depth >= HCL_MAX_DEPTH)
		return -1;
	for (i = 0; i < l->n; i++) {
		/* An unknown string is one element; another may be a list. */
		if (l->v[i]->kind == TFV_UNKNOWN &&
		    !(l->v[i]->flags & TFV_USTR)) {
			*u = l->v[i];
			return 0;
		}
		if (l->v[i]->kind == TFV_LIST) {
			if (flat(ev, l->v[i], depth + 1, out, n, cap, u) == -1)
				return -1;
			if (*u != NULL)
				return 0;
			continue;
		}
		if (*n >= TF_MAX_ELEMS || tf_spend(ev, 1))
			return -1;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			grow = arena_alloc(ev->arena, *cap * sizeof(*grow));
			if (*n > 0)
				memcpy(grow, *out, *n * sizeof(*grow));
			*out = grow;
		}
		(*out)[(*n)++] = l->v[i];
	}
	return 0;
}

/*
 * flatten(): an unknown element could be a list, so it makes the
 * result unknown; a map with unknowns inside is an element like any.
 */
struct tfv *
tf_fn_flatten(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*u = NULL;
	struct tfv		**all = NULL, *l;
	size_t			 n = 0, cap = 0;

	if (c->args[0]->kind == TFV_UNKNOWN)
		return tff_unknown_of(ev, c->args[0]);
	if (c->args[0]->kind != TFV_LIST)
		return tff_bad(ev, c, 0, "a list");
	if (flat(ev, c->args[0], 0, &all, &n, &cap, &u) == -1)
		return ev->over ? tff_over(ev, c) : tf_error(ev, c->at,
		    "flatten: more than %lu elements, or nested deeper than "
		    "%d", TF_MAX_ELEMS, HCL_MAX_DEPTH);
	if (u != NULL)
		return tff_unknown_of(ev, (struct tfv *)u);
	l = tfv_list(ev, n, 0);
	if (n > 0)
		memcpy(l->v, all, n * sizeof(*all));
	return l;
}

/* keys(): known when the map is, whatever its values. */
struct tfv *
tf_fn_keys(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*m = c->args[0];
	struct tfv		*l;
	size_t			 i;

	if (m->kind == TFV_UNKNOWN || tff_open_map(m))
		return tff_unknown_of(ev, c->args[0]);
	if (m->kind != TFV_MAP)
		return tff_bad(ev, c, 0, "a map");
	if (tf_spend(ev, m->n))
		return tff_over(ev, c);
	l = tfv_list(ev, m->n, 0);
	for (i = 0; i < m->n; i++)
		l->v[i] = tfv_strz(ev, m->k[i]);
	return l;
}

/* values(): in the order of the keys; the values may be unknown. */
struct tfv *
tf_fn_values(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*m = c->args[0];
	struct tfv		*l;

	if (m->kind == TFV_UNKNOWN || tff_open_map(m))
		return tff_unknown_of(ev, c->args[0]);
	if (m->kind != TFV_MAP)
		return tff_bad(ev, c, 0, "a map");
	l = tfv_list(ev, m->n, 0);
	if (m->n > 0)
		memcpy(l->v, m->v, m->n * sizeof(*l->v));
	return l;
}

/* zipmap(): the keys must be known; the values need not be. */
struct tfv *
tf_fn_zipmap(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**s, **k;
	size_t		 *len, i;
	struct tfv	*e;

	if (!tff_known(ev, c->args[0]) || c->args[1]->kind == TFV_UNKNOWN)
		return tff_unknown_for(ev, c->args, c->nargs);
	if ((e = tff_get_strs(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (c->args[1]->kind != TFV_LIST)
		return tff_bad(ev, c, 1, "a list");
	if (c->args[0]->n != c->args[1]->n)
		return tf_error(ev, c->at, "zipmap: the number of keys (%zu) "
		    "does not match the number of values (%zu)",
		    c->args[0]->n, c->args[1]->n);
	k = arena_alloc(ev->arena, (c->args[0]->n + 1) * sizeof(*k));
	for (i = 0; i < c->args[0]->n; i++) {
		if (c->args[0]->v[i]->kind == TFV_NULL)
			return tf_error(ev, c->at, "zipmap: key %zu is null",
			    i);
		k[i] = strlen(s[i]) == len[i] ? s[i] : arena_strndup(ev->arena,
		    s[i], len[i]);
	}
	return tfv_map(ev, k, c->args[1]->v, c->args[0]->n);
}

struct tfv *
tf_fn_toset(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if (c->args[0]->kind == TFV_NULL)
		return c->args[0];
	if ((e = tff_get_list(ev, c, 0, &l)) != NULL)
		return e;
	for (i = 0; i < l->n; i++)
		if (l->v[i]->kind == TFV_NULL)
			return tf_error(ev, c->at, "toset: a set cannot hold "
			    "null (element %zu)", i);
	if ((l = tff_unify(ev, c, l, TFV_SET))->kind == TFV_UNKNOWN)
		return l;
	if (tf_spend(ev, l->n * 4))
		return tff_over(ev, c);
	return tfv_set(ev, l);
}

struct tfv *
tf_fn_tolist(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;

	if (c->args[0]->kind == TFV_NULL)
		return c->args[0];
	if ((e = tff_get_list(ev, c, 0, &l)) != NULL)
		return e;
	if ((e = tff_unify(ev, c, l, 0))->kind == TFV_UNKNOWN || e != l)
		return e;
	if (!(l->flags & TFV_SET))
		return l;
	e = tfv_list(ev, l->n, 0);
	if (l->n > 0)
		memcpy(e->v, l->v, l->n * sizeof(*e->v));
	return e;
}

struct tfv *
tf_fn_tomap(struct tf_ev *ev, const struct tf_call *c)
{
	if (c->args[0]->kind == TFV_NULL)
		return c->args[0];
	if (c->args[0]->kind != TFV_MAP)
		return tff_bad(ev, c, 0, "a map");
	return tff_unify(ev, c, c->args[0], 0);
}

struct tfv *
tf_fn_tostring(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len;

	if (c->args[0]->kind == TFV_NULL || c->args[0]->kind == TFV_STRING)
		return c->args[0];
	if (tfv_to_string(ev, c->args[0], &s, &len) == -1)
		return tf_error(ev, c->at, "tostring: cannot convert %s to a "
		    "string", tff_a_kind(c->args[0]));
	return tfv_str(ev, s, len);
}

struct tfv *
tf_fn_tonumber(struct tf_ev *ev, const struct tf_call *c)
{
	double	 d;

	if (c->args[0]->kind == TFV_NULL || c->args[0]->kind == TFV_NUMBER)
		return c->args[0];
	if (c->args[0]->kind == TFV_STRING && tff_to_num(c->args[0], &d) == 0)
		return tfv_num(ev, d);
	if (c->args[0]->kind == TFV_STRING)
		return tf_error(ev, c->at, "tonumber: cannot convert \"%s\" to "
		    "a number; it must be a decimal number", c->args[0]->s);
	return tf_error(ev, c->at, "tonumber: cannot convert %s to a "
	    "number", tff_a_kind(c->args[0]));
}

struct tfv *
tf_fn_tobool(struct tf_ev *ev, const struct tf_call *c)
{
	int	 b;

	if (c->args[0]->kind == TFV_NULL || c->args[0]->kind == TFV_BOOL)
		return c->args[0];
	if (c->args[0]->kind == TFV_STRING && tfv_to_bool(c->args[0], &b) == 0)
		return tfv_bool(ev, b);
	if (c->args[0]->kind == TFV_STRING)
		return tf_error(ev, c->at, "tobool: cannot convert \"%s\" to "
		    "a bool; only \"true\" and \"false\" are", c->args[0]->s);
	return tf_error(ev, c->at, "tobool: cannot convert %s to a bool",
	    tff_a_kind(c->args[0]));
}

/* compact(): the strings that are neither null nor "". */
struct tfv *
tf_fn_compact(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**s;
	size_t		 *len, i, n = 0;
	struct tfv	*e, *l = NULL;

	if ((e = tff_get_list(ev, c, 0, &l)) != NULL)
		return e;
	s = arena_alloc(ev->arena, (l->n + 1) * sizeof(*s));
	len = arena_alloc(ev->arena, (l->n + 1) * sizeof(*len));
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->kind == TFV_NULL)
			continue;
		if (tfv_to_string(ev, l->v[i], &s[i], &len[i]) == -1)
			return tf_error(ev, c->at, "compact: argument 1 must "
			    "be a list of strings; element %zu is %s", i,
			    tff_a_kind(l->v[i]));
		n += len[i] > 0;
	}
	e = tfv_list(ev, n, 0);
	for (n = 0, i = 0; i < l->n; i++)
		if (l->v[i]->kind != TFV_NULL && len[i] > 0)
			e->v[n++] = l->v[i]->kind == TFV_STRING ? l->v[i] :
			    tfv_str(ev, s[i], len[i]);
	return e;
}

/* sort(): strings, bytewise, numbers and bools as strings. */
struct tfv *
tf_fn_sort(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**s;
	size_t		 *len, i;
	struct tfv	*e, *l = NULL;

	if ((e = tff_get_strs(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (tf_spend(ev, c->args[0]->n * 4))
		return tff_over(ev, c);
	l = tfv_list(ev, c->args[0]->n, 0);
	for (i = 0; i < l->n; i++)
		l->v[i] = c->args[0]->v[i]->kind == TFV_STRING ?
		    c->args[0]->v[i] : tfv_str(ev, s[i], len[i]);
	qsort(l->v, l->n, sizeof(*l->v), tff_cmp_str);
	return l;
}

/* reverse(): the list known, not its elements. */
struct tfv *
tf_fn_reverse(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if (c->args[0]->kind == TFV_UNKNOWN)
		return tff_unknown_of(ev, c->args[0]);
	if ((e = tff_get_list(ev, c, 0, &l)) != NULL)
		return e;
	if (tf_spend(ev, l->n))
		return tff_over(ev, c);
	e = tfv_list(ev, l->n, 0);
	for (i = 0; i < l->n; i++)
		e->v[i] = l->v[l->n - 1 - i];
	return e;
}

/*
 * The arguments of a set function as one list (for the element type)
 * then as sets: sets[i] sorted and unique.
 */
static struct tfv *
set_args(struct tf_ev *ev, const struct tf_call *c, struct tfv ***sets)
{
	struct tfv	*all, *l = NULL, *e;
	size_t		 i, n = 0, k;

	for (i = 0; i < c->nargs; i++) {
		if ((e = tff_get_list(ev, c, i, &l)) != NULL)
			return e;
		if ((n += l->n) > TF_MAX_ELEMS)
			return tf_error(ev, c->at, "%s: more than %lu "
			    "elements", c->name, TF_MAX_ELEMS);
	}
	if (tf_spend(ev, n * 4))
		return tff_over(ev, c);
	all = tfv_list(ev, n, 0);
	for (n = 0, i = 0; i < c->nargs; i++) {
		memcpy(all->v + n, c->args[i]->v,
		    c->args[i]->n * sizeof(*all->v));
		n += c->args[i]->n;
	}
	if ((all = tff_unify(ev, c, all, 0))->kind == TFV_UNKNOWN)
		return all;
	*sets = arena_alloc(ev->arena, c->nargs * sizeof(**sets));
	for (n = 0, i = 0; i < c->nargs; i++) {
		l = tfv_list(ev, c->args[i]->n, 0);
		for (k = 0; k < l->n; k++)
			l->v[k] = all->v[n++];
		(*sets)[i] = tfv_set(ev, l);
	}
	return NULL;
}

/* Is v in the set s? */
static int
in_set(const struct tfv *s, const struct tfv *v)
{
	size_t	 lo = 0, hi = s->n, mid;
	int	 r;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((r = tfv_cmp(v, s->v[mid])) == 0)
			return 1;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

struct tfv *
tf_fn_setunion(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	**sets, *e, *all;
	size_t		 i, n = 0;

	if ((e = set_args(ev, c, &sets)) != NULL)
		return e;
	for (i = 0; i < c->nargs; i++)
		n += sets[i]->n;
	all = tfv_list(ev, n, 0);
	for (n = 0, i = 0; i < c->nargs; i++) {
		memcpy(all->v + n, sets[i]->v, sets[i]->n * sizeof(*all->v));
		n += sets[i]->n;
	}
	return tfv_set(ev, all);
}

struct tfv *
tf_fn_setintersection(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	**sets, *e, *r;
	size_t		 i, j, n = 0;

	if ((e = set_args(ev, c, &sets)) != NULL)
		return e;
	r = tfv_list(ev, sets[0]->n, TFV_SET);
	for (j = 0; j < sets[0]->n; j++) {
		for (i = 1; i < c->nargs; i++)
			if (!in_set(sets[i], sets[0]->v[j]))
				break;
		if (i == c->nargs)
			r->v[n++] = sets[0]->v[j];
	}
	r->n = n;
	return r;
}

struct tfv *
tf_fn_setsubtract(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	**sets, *e, *r;
	size_t		 j, n = 0;

	if ((e = set_args(ev, c, &sets)) != NULL)
		return e;
	r = tfv_list(ev, sets[0]->n, TFV_SET);
	for (j = 0; j < sets[0]->n; j++)
		if (!in_set(sets[1], sets[0]->v[j]))
			r->v[n++] = sets[0]->v[j];
	r->n = n;
	return r;
}

/* range(): at most 1024 numbers, as Terraform's limit. */
struct tfv *
tf_fn_range(struct tf_ev *ev, const struct tf_call *c)
{
	double		 a[3] = { 0, 0, 0 }, from = 0, to, step, x;
	struct tfv	*e, *l = NULL;
	size_t		 i, n;

	for (i = 0; i < c->nargs; i++)
		if ((e = tff_get_num(ev, c, i, &a[i])) != NULL)
			return e;
	if (c->nargs == 1)
		to = a[0];
	else {
		from = a[0];
		to = a[1];
	}
	step = c->nargs == 3 ? a[2] : from <= to ? 1 : -1;
	if (step == 0)
		return tf_error(ev, c->at, "range: the step must not be zero");
	if (step > 0 && to < from)
		return tf_error(ev, c->at, "range: the end must be greater "
		    "than the start when the step is positive");
	if (step < 0 && to > from)
		return tf_error(ev, c->at, "range: the end must be less than "
		    "the start when the step is negative");
	for (n = 0, x = from; step > 0 ? x < to : x > to; x += step)
		if (++n > 1024)
			return tf_error(ev, c->at, "range: more than 1024 "
			    "values");
	l = tfv_list(ev, n, 0);
	for (i = 0, x = from; i < n; i++, x += step)
		l->v[i] = tfv_num(ev, x);
	return l;
}

