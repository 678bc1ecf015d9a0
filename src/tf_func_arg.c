/* SPDX-License-Identifier: ISC */
/*
 * What every Terraform function of tf_func*.c uses: its arguments read
 * as strings, numbers, integers and lists with the error Terraform
 * gives for a wrong kind, the walk that finds an unknown or an open map
 * in a value within the budget, unknown results named after what made
 * them, UTF-8 and grapheme helpers, and the type unification of lists.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

#include "tf_fn.h"

static int		 str_number(const char *, size_t, double *);

/*
 * Look for an unknown in v, depth first, and the first open map on
 * the way, spending a unit of work per value from the budget, or from
 * *left when left is not NULL: values are shared, so a value can be
 * far bigger than what made it.  0 and *u the unknown or NULL, *open
 * the map or NULL; -1 too deep; -2 the budget is spent.  Up to the
 * unknown it has seen everything, so that a tfv_unknown_of after it
 * never walks further than it did.
 */
int
tff_walk(struct tf_ev *ev, const struct tfv *v, int depth,
    const struct tfv **u, const struct tfv **open, unsigned long *left)
{
	size_t	 i;
	int	 r;

	if (depth == 0)
		*u = *open = NULL;
	if (v == NULL)
		return 0;
	if (left != NULL) {
		if (*left == 0)
			return -2;
		(*left)--;
	} else if (tf_spend(ev, 1))
		return -2;
	if (v->kind == TFV_UNKNOWN) {
		*u = v;
		return 0;
	}
	if (tff_open_map(v) && *open == NULL)
		*open = v;
	if (v->kind != TFV_LIST && v->kind != TFV_MAP)
		return 0;
	if (depth >= HCL_MAX_DEPTH)
		return -1;
	for (i = 0; i < v->n; i++)
		if ((r = tff_walk(ev, v->v[i], depth + 1, u, open, left)) != 0 ||
		    *u != NULL)
			return r;
	return 0;
}

/* Is v known all the way down, open maps too?  Bounded, as tff_walk(). */
int
tff_known(struct tf_ev *ev, const struct tfv *v)
{
	const struct tfv	*u, *open;

	return tff_walk(ev, v, 0, &u, &open, NULL) == 0 && u == NULL &&
	    open == NULL;
}

struct tfv *
tff_over(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_error(ev, c->at, "%s: evaluation budget exhausted",
	    c->name);
}

/* Unknown because of one value (not all the arguments). */
struct tfv *
tff_unknown_of(struct tf_ev *ev, struct tfv *v)
{
	return tff_unknown_for(ev, &v, 1);
}

/*
 * Unknown because of what v[0..n) hold: the reasons of their unknowns
 * (tfv_unknown_of), or else of an open map, which tfv_unknown_of does
 * not see as unknown.  The reasons are words for a message, not worth
 * the budget: a value too big to look through in a few thousand steps
 * is left out (tfv_unknown_of, which is not bounded, never sees it).
 */
struct tfv *
tff_unknown_for(struct tf_ev *ev, struct tfv *const *v, size_t n)
{
	const struct tfv	*u, *open, *first_open = NULL;
	struct tfv		**some;
	unsigned long		 left, total = 1000000;
	size_t			 i, k = 0;

	some = arena_alloc(ev->arena, (n + 1) * sizeof(*some));
	for (i = 0; i < n && total > 0; i++) {
		left = total < 100000 ? total : 100000;
		total -= left;
		if (tff_walk(ev, v[i], 0, &u, &open, &left) < 0)
			continue;
		total += left;
		if (u != NULL)
			some[k++] = v[i];
		if (first_open == NULL)
			first_open = open;
	}
	if (k > 0)
		return tfv_unknown_of(ev, some, k);
	if (first_open != NULL)
		return tfv_unknown(ev, first_open->why, first_open->at);
	return tfv_unknown(ev, NULL, NULL);
}

int
tff_open_map(const struct tfv *v)
{
	return v->kind == TFV_MAP && (v->flags & TFV_OPEN);
}

/* A value's kind with its article, for messages. */
const char *
tff_a_kind(const struct tfv *v)
{
	switch (v->kind) {
	case TFV_NULL:
		return "null";
	case TFV_BOOL:
		return "a bool";
	case TFV_NUMBER:
		return "a number";
	case TFV_STRING:
		return "a string";
	case TFV_LIST:
		return v->flags & TFV_SET ? "a set" : "a list";
	case TFV_MAP:
		return "a map";
	case TFV_UNKNOWN:
		break;
	}
	return "an unknown";
}

struct tfv *
tff_bad(struct tf_ev *ev, const struct tf_call *c, size_t i, const char *want)
{
	return tf_error(ev, c->at, "%s: argument %zu must be %s, not %s",
	    c->name, i + 1, want, tff_a_kind(c->args[i]));
}

/*
 * The getters return NULL when argument i has the form asked for, else
 * the error to return.  Strings come from numbers and bools too, and
 * numbers from strings, as Terraform converts them.
 */
struct tfv *
tff_get_str(struct tf_ev *ev, const struct tf_call *c, size_t i,
    const char **s, size_t *len)
{
	if (tfv_to_string(ev, c->args[i], s, len) == -1)
		return tff_bad(ev, c, i, "a string");
	return NULL;
}

struct tfv *
tff_get_num(struct tf_ev *ev, const struct tf_call *c, size_t i, double *d)
{
	if (tff_to_num(c->args[i], d) == -1)
		return tff_bad(ev, c, i, "a number");
	return NULL;
}

struct tfv *
tff_get_int(struct tf_ev *ev, const struct tf_call *c, size_t i, long long *n)
{
	struct tfv	*e;
	double		 d;

	if ((e = tff_get_num(ev, c, i, &d)) != NULL)
		return e;
	if (d != floor(d) || d < -9.2e18 || d > 9.2e18)
		return tf_error(ev, c->at, "%s: argument %zu must be a whole "
		    "number, not %s", c->name, i + 1,
		    tfv_num_text(ev, d));
	*n = (long long)d;
	return NULL;
}

struct tfv *
tff_get_list(struct tf_ev *ev, const struct tf_call *c, size_t i,
    struct tfv **l)
{
	if (c->args[i]->kind != TFV_LIST)
		return tff_bad(ev, c, i, "a list");
	*l = c->args[i];
	return NULL;
}

/* Argument i as a list of strings, converting numbers and bools. */
struct tfv *
tff_get_strs(struct tf_ev *ev, const struct tf_call *c, size_t i,
    const char ***s, size_t **len)
{
	const struct tfv	*l = c->args[i];
	size_t			 j;

	if (l->kind != TFV_LIST)
		return tf_error(ev, c->at, "%s: argument %zu must be a list "
		    "of strings, not %s", c->name, i + 1, tff_a_kind(l));
	*s = arena_alloc(ev->arena, (l->n + 1) * sizeof(**s));
	*len = arena_alloc(ev->arena, (l->n + 1) * sizeof(**len));
	for (j = 0; j < l->n; j++)
		if (tfv_to_string(ev, l->v[j], &(*s)[j], &(*len)[j]) == -1)
			return tf_error(ev, c->at, "%s: argument %zu must be "
			    "a list of strings; element %zu is %s", c->name,
			    i + 1, j, tff_a_kind(l->v[j]));
	return NULL;
}

/* A string result from b, which is released. */
struct tfv *
tff_result(struct tf_ev *ev, const struct tf_call *c, struct buf *b)
{
	struct tfv	*v;

	if (b->len > TF_MAX_STRING) {
		buf_release(b);
		return tf_error(ev, c->at, "%s: the result is longer than "
		    "%lu bytes", c->name, TF_MAX_STRING);
	}
	v = tfv_str(ev, b->buf, b->len);
	buf_release(b);
	return v;
}

/*
 * A string as a number, as Terraform reads one: a decimal number, no
 * spaces, no hexadecimal, no "inf" (which strtod would take).
 */
static int
str_number(const char *s, size_t len, double *d)
{
	char	*end;
	size_t	 i;

	if (len == 0 || len > 400 || strlen(s) != len)
		return -1;
	for (i = 0; i < len; i++)
		if (strchr("0123456789+-.eE", s[i]) == NULL)
			return -1;
	*d = strtod(s, &end);
	return *end == '\0' ? 0 : -1;
}

int
tff_to_num(const struct tfv *v, double *d)
{
	if (v->kind == TFV_NUMBER) {
		*d = v->num;
		return 0;
	}
	if (v->kind == TFV_STRING)
		return str_number(v->s, v->len, d);
	return -1;
}

/* One UTF-8 sequence at s[*i]: 0 and past it, -1 when it is not one. */
int
tff_u8dec(const char *s, size_t len, size_t *i, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s + *i;
	size_t			 n, k, left = len - *i;
	uint32_t		 c;

	if (p[0] < 0x80) {
		*cp = p[0];
		(*i)++;
		return 0;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		c = p[0] & 0x07;
	} else
		return -1;
	if (left < n)
		return -1;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (p[k] & 0x3f);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10ffff)))
		return -1;
	*cp = c;
	*i += n;
	return 0;
}

/* Go's unicode.IsSpace. */
int
tff_u8space(uint32_t c)
{
	switch (c) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
	case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202f: case 0x205f: case 0x3000:
		return 1;
	}
	return c >= 0x2000 && c <= 0x200a;
}

/*
 * Past one grapheme cluster at s[*i], as Terraform counts characters
 * (length, substr): 0, or -1 when irsalint cannot tell where it ends.
 * A code point of a script that never combines is one cluster, and so
 * is CR LF; anything else (combining marks, joiners, emoji modifiers,
 * Indic, Hangul jamo) is left to Terraform.
 */
int
tff_gnext(const char *s, size_t len, size_t *i)
{
	uint32_t	 c;

	if (s[*i] == '\r' && *i + 1 < len && s[*i + 1] == '\n') {
		*i += 2;
		return 0;
	}
	if (tff_u8dec(s, len, i, &c) == -1)
		return -1;
	if (c < 0x300 ||
	    (c >= 0x370 && c <= 0x482) ||	/* Greek, Cyrillic */
	    (c >= 0x48a && c <= 0x52f) ||
	    (c >= 0x2010 && c <= 0x2027) ||	/* punctuation */
	    (c >= 0x2030 && c <= 0x205e) ||
	    (c >= 0x3000 && c <= 0x3029) ||	/* CJK */
	    (c >= 0x3030 && c <= 0x3098) ||
	    (c >= 0x30a0 && c <= 0x30ff) ||
	    (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xac00 && c <= 0xd7a3) ||	/* Hangul syllables */
	    (c >= 0xff01 && c <= 0xff9d))
		return 0;
	return -1;
}

int
tff_cmp_str(const void *a, const void *b)
{
	const struct tfv	*x = *(struct tfv *const *)a;
	const struct tfv	*y = *(struct tfv *const *)b;

	return tfv_cmp(x, y);
}

/*
 * Terraform gives a list, set or map one element type: when strings
 * meet numbers or bools, they all become strings (toset of [1, "a"]
 * is ["1", "a"]); a number with a bool and no string, or a primitive
 * with a list or map, is an error (distinct([true, 1])).
 * Returns the list or map converted (l itself when nothing changes),
 * or an error.  Nulls stay nulls.
 */
struct tfv *
tff_unify(struct tf_ev *ev, const struct tf_call *c, const struct tfv *l,
    unsigned int flags)
{
	struct tfv	*r;
	const char	*s;
	size_t		 i, len;
	int		 kinds = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i]->kind != TFV_NULL)
			kinds |= 1 << l->v[i]->kind;
	if ((kinds & ((1 << TFV_LIST) | (1 << TFV_MAP))) && (kinds &
	    ((1 << TFV_BOOL) | (1 << TFV_NUMBER) | (1 << TFV_STRING))))
		return tf_error(ev, c->at, "%s: the elements must all be of "
		    "one type, not lists or maps with strings, numbers or "
		    "bools", c->name);
	if (kinds == ((1 << TFV_BOOL) | (1 << TFV_NUMBER)))
		return tf_error(ev, c->at, "%s: the elements must all be of "
		    "one type, not numbers with bools", c->name);
	if (kinds == 0 || (kinds & (kinds - 1)) == 0 ||
	    (kinds & ((1 << TFV_LIST) | (1 << TFV_MAP))))
		return (struct tfv *)l;
	if (l->kind == TFV_MAP)
		r = tfv_list(ev, l->n, 0);
	else
		r = tfv_list(ev, l->n, flags);
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->kind == TFV_NULL ||
		    l->v[i]->kind == TFV_STRING)
			r->v[i] = l->v[i];
		else {
			tfv_to_string(ev, l->v[i], &s, &len);
			r->v[i] = tfv_str(ev, s, len);
		}
	}
	if (l->kind == TFV_MAP)
		return tfv_map(ev, (const char **)l->k, r->v, l->n);
	return r;
}

