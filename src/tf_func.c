/* SPDX-License-Identifier: ISC */
/*
 * Terraform's built-in functions, as the static evaluator of .tf
 * sources can compute them: the result Terraform would give, an
 * unknown when it depends on something only a plan can tell (or on a
 * case irsalint does not evaluate, rather than a wrong answer), or an
 * error at the call when Terraform would reject it.
 *
 * Most functions need every argument known all the way down: the
 * table marks them STRICT and tf_func() checks once.  The others look
 * at their arguments themselves, because Terraform can tell their
 * result while parts of an argument are unknown (length() of a list
 * whose elements are not known yet); each says so where it does.
 *
 * A map flagged TFV_OPEN (a resource's instance) lacks the attributes
 * that are known only after apply: whatever depends on its whole set
 * of keys is unknown, named after the instance, as a real unknown is.
 *
 * The input is hostile: every loop proportional to a result spends
 * from the evaluation's budget, strings stop at TF_MAX_STRING, lists
 * at TF_MAX_ELEMS, and walks into a value stop at HCL_MAX_DEPTH.
 */
#include <math.h>
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "util.h"
#include "xalloc.h"

#include "tf_src.h"

typedef struct tfv *func_fn(struct tf_ev *, const struct tf_call *);

struct func {
	const char	*name;
	int		 min, max;	/* arguments; max -1: any number */
	unsigned int	 flags;
	func_fn		*fn;
};

#define STRICT	0x1	/* unknown when any argument has an unknown */

/*
 * regexec(3) may take time square in the text's length (trying each
 * start), so irsalint runs patterns only on texts of a few kilobytes,
 * which ARNs, URLs and names are; longer is an unknown.
 */
#define RE_MAX_TEXT	8192
#define RE_MAX_PATTERN	4096

/* What a regular expression is for, and what it was translated to. */
struct re {
	regex_t		 re;
	size_t		 ngroups;
	int		 bytewise;	/* has . or [^...]: one byte each */
};

static const struct func *find(const char *);
static struct tfv	*over(struct tf_ev *, const struct tf_call *);
static const char	*a_kind(const struct tfv *);
static struct tfv	*bad(struct tf_ev *, const struct tf_call *, size_t,
			    const char *);
static struct tfv	*get_str(struct tf_ev *, const struct tf_call *,
			    size_t, const char **, size_t *);
static struct tfv	*get_num(struct tf_ev *, const struct tf_call *,
			    size_t, double *);
static struct tfv	*get_int(struct tf_ev *, const struct tf_call *,
			    size_t, long long *);
static struct tfv	*get_list(struct tf_ev *, const struct tf_call *,
			    size_t, struct tfv **);
static struct tfv	*get_strs(struct tf_ev *, const struct tf_call *,
			    size_t, const char ***, size_t **);
static struct tfv	*result(struct tf_ev *, const struct tf_call *,
			    struct buf *);
static struct tfv	*unknown_of(struct tf_ev *, struct tfv *);
static struct tfv	*unknown_for(struct tf_ev *, struct tfv *const *,
			    size_t);
static int		 open_map(const struct tfv *);
static int		 walk(struct tf_ev *, const struct tfv *, int,
			    const struct tfv **, const struct tfv **,
			    unsigned long *);
static int		 known(struct tf_ev *, const struct tfv *);
static int		 str_number(const char *, size_t, double *);
static int		 to_num(const struct tfv *, double *);
static int		 u8dec(const char *, size_t, size_t *, uint32_t *);
static int		 u8space(uint32_t);
static int		 gnext(const char *, size_t, size_t *);
static struct tfv	*unify(struct tf_ev *, const struct tf_call *,
			    const struct tfv *, unsigned int);
static int		 cmp_str(const void *, const void *);
static void		 go_g(struct buf *, double, int);
static void		 go_quote(struct buf *, const char *, size_t);
static void		 pad(struct buf *, const char *, size_t, long, int,
			    int);
static struct tfv	*do_format(struct tf_ev *, const struct tf_call *,
			    const char *, size_t, struct tfv *const *, size_t,
			    struct buf *);
static int		 re_compile(struct re *, const char *, size_t);
static int		 re_exec(const struct re *, const char *, size_t,
			    size_t, regmatch_t *);
static void		 re_expand(struct buf *, const char *, size_t,
			    const char *, const regmatch_t *, size_t);
static struct tfv	*re_unknown(struct tf_ev *, const struct tf_call *);
static int		 re_text_ok(const struct re *, const char *, size_t);
static void		 path_clean(struct buf *, const char *, size_t);
static void		 md5(const unsigned char *, size_t, unsigned char *);
static void		 sha1(const unsigned char *, size_t, unsigned char *);
static void		 sha256(const unsigned char *, size_t,
			    unsigned char *);
static struct tfv	*hex(struct tf_ev *, const unsigned char *, size_t);
static int		 cmp_func(const void *, const void *);
static struct tfv	*replace_plain(struct tf_ev *, const struct tf_call *,
			    const char *, size_t, const char *, size_t,
			    const char *, size_t);
static int		 in_cutset(const char *, size_t, const char *,
			    size_t);
struct spec;
static void		 pad_num(struct buf *, const char *, size_t,
			    const struct spec *);
static int		 fmt_int(struct buf *, double, int,
			    const struct spec *);
static int		 fmt_index(const char *, size_t, size_t *, size_t *,
			    int *);
static int		 fmt_digits(const char *, size_t, size_t *, long *);
static int		 re_translate(struct buf *, const char *, size_t,
			    size_t *, int *);
static int		 isalnum_(char);
static int		 interval_ok(const char *, size_t);
static struct tfv	*re_match(struct tf_ev *, const struct re *,
			    const char *, const regmatch_t *);
static int		 json_size(struct tf_ev *, const struct tfv *,
			    size_t *);
static int		 cmp_slot(const void *, const void *);
static int		 flat(struct tf_ev *, const struct tfv *, int,
			    struct tfv ***, size_t *, size_t *,
			    const struct tfv **);
static struct tfv	*set_args(struct tf_ev *, const struct tf_call *,
			    struct tfv ***);
static int		 in_set(const struct tfv *, const struct tfv *);
static unsigned char	*md_pad(const unsigned char *, size_t, size_t *,
			    int);

#define FN(x)	static struct tfv *fn_##x(struct tf_ev *, \
		    const struct tf_call *)
FN(abs); FN(alltrue); FN(anytrue); FN(base64decode); FN(base64encode);
FN(basename); FN(ceil); FN(chomp); FN(coalesce); FN(coalescelist);
FN(compact); FN(concat); FN(contains); FN(dirname); FN(distinct);
FN(element); FN(endswith); FN(flatten); FN(floor); FN(format);
FN(formatlist); FN(identity); FN(index); FN(join); FN(jsondecode);
FN(jsonencode); FN(keys); FN(length); FN(lookup); FN(lower); FN(max);
FN(md5); FN(merge); FN(min); FN(one); FN(range); FN(regex);
FN(regexall); FN(replace); FN(reverse); FN(setintersection);
FN(setsubtract); FN(setunion); FN(sha1); FN(sha256); FN(slice);
FN(sort); FN(split); FN(startswith); FN(strcontains); FN(substr);
FN(title); FN(tobool); FN(tolist); FN(tomap); FN(tonumber);
FN(toset); FN(tostring); FN(trim); FN(trimprefix); FN(trimspace);
FN(trimsuffix); FN(upper); FN(values); FN(yamlencode); FN(zipmap);
#undef FN

/* Sorted by name, for bsearch. */
static const struct func funcs[] = {
	{ "abs",		1, 1,	STRICT,	fn_abs },
	{ "alltrue",		1, 1,	0,	fn_alltrue },
	{ "anytrue",		1, 1,	0,	fn_anytrue },
	{ "base64decode",	1, 1,	STRICT,	fn_base64decode },
	{ "base64encode",	1, 1,	STRICT,	fn_base64encode },
	{ "basename",		1, 1,	STRICT,	fn_basename },
	{ "ceil",		1, 1,	STRICT,	fn_ceil },
	{ "chomp",		1, 1,	STRICT,	fn_chomp },
	{ "coalesce",		1, -1,	0,	fn_coalesce },
	{ "coalescelist",	1, -1,	0,	fn_coalescelist },
	{ "compact",		1, 1,	STRICT,	fn_compact },
	{ "concat",		1, -1,	0,	fn_concat },
	{ "contains",		2, 2,	STRICT,	fn_contains },
	{ "dirname",		1, 1,	STRICT,	fn_dirname },
	{ "distinct",		1, 1,	STRICT,	fn_distinct },
	{ "element",		2, 2,	0,	fn_element },
	{ "endswith",		2, 2,	STRICT,	fn_endswith },
	{ "flatten",		1, 1,	0,	fn_flatten },
	{ "floor",		1, 1,	STRICT,	fn_floor },
	{ "format",		1, -1,	STRICT,	fn_format },
	{ "formatlist",		1, -1,	STRICT,	fn_formatlist },
	{ "index",		2, 2,	STRICT,	fn_index },
	{ "join",		2, -1,	STRICT,	fn_join },
	{ "jsondecode",		1, 1,	STRICT,	fn_jsondecode },
	{ "jsonencode",		1, 1,	0,	fn_jsonencode },
	{ "keys",		1, 1,	0,	fn_keys },
	{ "length",		1, 1,	0,	fn_length },
	{ "lookup",		2, 3,	0,	fn_lookup },
	{ "lower",		1, 1,	STRICT,	fn_lower },
	{ "max",		1, -1,	STRICT,	fn_max },
	{ "md5",		1, 1,	STRICT,	fn_md5 },
	{ "merge",		0, -1,	0,	fn_merge },
	{ "min",		1, -1,	STRICT,	fn_min },
	{ "nonsensitive",	1, 1,	0,	fn_identity },
	{ "one",		1, 1,	0,	fn_one },
	{ "range",		1, 3,	STRICT,	fn_range },
	{ "regex",		2, 2,	STRICT,	fn_regex },
	{ "regexall",		2, 2,	STRICT,	fn_regexall },
	{ "replace",		3, 3,	STRICT,	fn_replace },
	{ "reverse",		1, 1,	0,	fn_reverse },
	{ "sensitive",		1, 1,	0,	fn_identity },
	{ "setintersection",	1, -1,	STRICT,	fn_setintersection },
	{ "setsubtract",	2, 2,	STRICT,	fn_setsubtract },
	{ "setunion",		1, -1,	STRICT,	fn_setunion },
	{ "sha1",		1, 1,	STRICT,	fn_sha1 },
	{ "sha256",		1, 1,	STRICT,	fn_sha256 },
	{ "slice",		3, 3,	0,	fn_slice },
	{ "sort",		1, 1,	STRICT,	fn_sort },
	{ "split",		2, 2,	STRICT,	fn_split },
	{ "startswith",		2, 2,	STRICT,	fn_startswith },
	{ "strcontains",	2, 2,	STRICT,	fn_strcontains },
	{ "substr",		3, 3,	STRICT,	fn_substr },
	{ "title",		1, 1,	STRICT,	fn_title },
	{ "tobool",		1, 1,	STRICT,	fn_tobool },
	{ "tolist",		1, 1,	STRICT,	fn_tolist },
	{ "tomap",		1, 1,	STRICT,	fn_tomap },
	{ "tonumber",		1, 1,	STRICT,	fn_tonumber },
	{ "toset",		1, 1,	STRICT,	fn_toset },
	{ "tostring",		1, 1,	STRICT,	fn_tostring },
	{ "trim",		2, 2,	STRICT,	fn_trim },
	{ "trimprefix",		2, 2,	STRICT,	fn_trimprefix },
	{ "trimspace",		1, 1,	STRICT,	fn_trimspace },
	{ "trimsuffix",		2, 2,	STRICT,	fn_trimsuffix },
	{ "upper",		1, 1,	STRICT,	fn_upper },
	{ "values",		1, 1,	0,	fn_values },
	{ "yamlencode",		1, 1,	0,	fn_yamlencode },
	{ "zipmap",		2, 2,	0,	fn_zipmap },
};

static int
cmp_func(const void *key, const void *f)
{
	return strcmp(key, ((const struct func *)f)->name);
}

static const struct func *
find(const char *name)
{
	return bsearch(name, funcs, sizeof(funcs) / sizeof(funcs[0]),
	    sizeof(funcs[0]), cmp_func);
}

struct tfv *
tf_func(struct tf_ev *ev, const struct tf_call *c)
{
	const struct func	*f;
	const struct tfv	*u, *open;
	struct tfv		*e;
	size_t			 i;
	int			 r;

	if (c->name == NULL || (f = find(c->name)) == NULL)
		return NULL;
	/*
	 * Terraform checks the number of arguments before it looks at
	 * any, so a wrong count is an error even when they are unknown.
	 */
	if (c->nargs < (size_t)f->min ||
	    (f->max >= 0 && c->nargs > (size_t)f->max)) {
		if (f->max == f->min)
			return tf_error(ev, c->at, "%s: expects %d argument%s,"
			    " got %zu", c->name, f->min, f->min == 1 ? "" :
			    "s", c->nargs);
		if (f->max < 0)
			return tf_error(ev, c->at, "%s: expects at least %d "
			    "argument%s, got %zu", c->name, f->min,
			    f->min == 1 ? "" : "s", c->nargs);
		return tf_error(ev, c->at, "%s: expects %d %s %d arguments,"
		    " got %zu", c->name, f->min, f->max == f->min + 1 ?
		    "or" : "to", f->max, c->nargs);
	}
	/*
	 * Past the budget every evaluation is an error, which whoever
	 * spent the last of it has reported: no second message.
	 */
	if (ev->over) {
		e = tfv_unknown(ev, "an error", c->at);
		e->flags |= TFV_ERROR;
		return e;
	}
	if (f->flags & STRICT)
		for (i = 0; i < c->nargs; i++) {
			if ((r = walk(ev, c->args[i], 0, &u, &open, NULL)) < 0)
				return r == -2 ? over(ev, c) :
				    tf_error(ev, c->at, "%s: argument %zu "
				    "is nested deeper than %d", c->name, i + 1,
				    HCL_MAX_DEPTH);
			if (u != NULL || open != NULL)
				return unknown_for(ev, c->args, c->nargs);
		}
	return f->fn(ev, c);
}

/*
 * Look for an unknown in v, depth first, and the first open map on
 * the way, spending a unit of work per value from the budget, or from
 * *left when left is not NULL: values are shared, so a value can be
 * far bigger than what made it.  0 and *u the unknown or NULL, *open
 * the map or NULL; -1 too deep; -2 the budget is spent.  Up to the
 * unknown it has seen everything, so that a tfv_unknown_of after it
 * never walks further than it did.
 */
static int
walk(struct tf_ev *ev, const struct tfv *v, int depth, const struct tfv **u,
    const struct tfv **open, unsigned long *left)
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
	if (open_map(v) && *open == NULL)
		*open = v;
	if (v->kind != TFV_LIST && v->kind != TFV_MAP)
		return 0;
	if (depth >= HCL_MAX_DEPTH)
		return -1;
	for (i = 0; i < v->n; i++)
		if ((r = walk(ev, v->v[i], depth + 1, u, open, left)) != 0 ||
		    *u != NULL)
			return r;
	return 0;
}

/* Is v known all the way down, open maps too?  Bounded, as walk(). */
static int
known(struct tf_ev *ev, const struct tfv *v)
{
	const struct tfv	*u, *open;

	return walk(ev, v, 0, &u, &open, NULL) == 0 && u == NULL &&
	    open == NULL;
}

static struct tfv *
over(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_error(ev, c->at, "%s: evaluation budget exhausted",
	    c->name);
}

/* Unknown because of one value (not all the arguments). */
static struct tfv *
unknown_of(struct tf_ev *ev, struct tfv *v)
{
	return unknown_for(ev, &v, 1);
}

/*
 * Unknown because of what v[0..n) hold: the reasons of their unknowns
 * (tfv_unknown_of), or else of an open map, which tfv_unknown_of does
 * not see as unknown.  The reasons are words for a message, not worth
 * the budget: a value too big to look through in a few thousand steps
 * is left out (tfv_unknown_of, which is not bounded, never sees it).
 */
static struct tfv *
unknown_for(struct tf_ev *ev, struct tfv *const *v, size_t n)
{
	const struct tfv	*u, *open, *first_open = NULL;
	struct tfv		**some;
	unsigned long		 left, total = 1000000;
	size_t			 i, k = 0;

	some = arena_alloc(ev->arena, (n + 1) * sizeof(*some));
	for (i = 0; i < n && total > 0; i++) {
		left = total < 100000 ? total : 100000;
		total -= left;
		if (walk(ev, v[i], 0, &u, &open, &left) < 0)
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

static int
open_map(const struct tfv *v)
{
	return v->kind == TFV_MAP && (v->flags & TFV_OPEN);
}

/* A value's kind with its article, for messages. */
static const char *
a_kind(const struct tfv *v)
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

static struct tfv *
bad(struct tf_ev *ev, const struct tf_call *c, size_t i, const char *want)
{
	return tf_error(ev, c->at, "%s: argument %zu must be %s, not %s",
	    c->name, i + 1, want, a_kind(c->args[i]));
}

/*
 * The getters return NULL when argument i has the form asked for, else
 * the error to return.  Strings come from numbers and bools too, and
 * numbers from strings, as Terraform converts them.
 */
static struct tfv *
get_str(struct tf_ev *ev, const struct tf_call *c, size_t i,
    const char **s, size_t *len)
{
	if (tfv_to_string(ev, c->args[i], s, len) == -1)
		return bad(ev, c, i, "a string");
	return NULL;
}

static struct tfv *
get_num(struct tf_ev *ev, const struct tf_call *c, size_t i, double *d)
{
	if (to_num(c->args[i], d) == -1)
		return bad(ev, c, i, "a number");
	return NULL;
}

static struct tfv *
get_int(struct tf_ev *ev, const struct tf_call *c, size_t i, long long *n)
{
	struct tfv	*e;
	double		 d;

	if ((e = get_num(ev, c, i, &d)) != NULL)
		return e;
	if (d != floor(d) || d < -9.2e18 || d > 9.2e18)
		return tf_error(ev, c->at, "%s: argument %zu must be a whole "
		    "number, not %s", c->name, i + 1,
		    tfv_num_text(ev, d));
	*n = (long long)d;
	return NULL;
}

static struct tfv *
get_list(struct tf_ev *ev, const struct tf_call *c, size_t i,
    struct tfv **l)
{
	if (c->args[i]->kind != TFV_LIST)
		return bad(ev, c, i, "a list");
	*l = c->args[i];
	return NULL;
}

/* Argument i as a list of strings, converting numbers and bools. */
static struct tfv *
get_strs(struct tf_ev *ev, const struct tf_call *c, size_t i,
    const char ***s, size_t **len)
{
	const struct tfv	*l = c->args[i];
	size_t			 j;

	if (l->kind != TFV_LIST)
		return tf_error(ev, c->at, "%s: argument %zu must be a list "
		    "of strings, not %s", c->name, i + 1, a_kind(l));
	*s = arena_alloc(ev->arena, (l->n + 1) * sizeof(**s));
	*len = arena_alloc(ev->arena, (l->n + 1) * sizeof(**len));
	for (j = 0; j < l->n; j++)
		if (tfv_to_string(ev, l->v[j], &(*s)[j], &(*len)[j]) == -1)
			return tf_error(ev, c->at, "%s: argument %zu must be "
			    "a list of strings; element %zu is %s", c->name,
			    i + 1, j, a_kind(l->v[j]));
	return NULL;
}

/* A string result from b, which is released. */
static struct tfv *
result(struct tf_ev *ev, const struct tf_call *c, struct buf *b)
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

static int
to_num(const struct tfv *v, double *d)
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
static int
u8dec(const char *s, size_t len, size_t *i, uint32_t *cp)
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
static int
u8space(uint32_t c)
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
static int
gnext(const char *s, size_t len, size_t *i)
{
	uint32_t	 c;

	if (s[*i] == '\r' && *i + 1 < len && s[*i + 1] == '\n') {
		*i += 2;
		return 0;
	}
	if (u8dec(s, len, i, &c) == -1)
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

static int
cmp_str(const void *a, const void *b)
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
static struct tfv *
unify(struct tf_ev *ev, const struct tf_call *c, const struct tfv *l,
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

/* ---- strings ---- */

static struct tfv *
fn_split(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*sep, *s, *p, *q;
	size_t		 slen, len, n, i, k;
	struct tfv	*e, *l = NULL;
	uint32_t	 cp;

	if ((e = get_str(ev, c, 0, &sep, &slen)) != NULL ||
	    (e = get_str(ev, c, 1, &s, &len)) != NULL)
		return e;
	/* Go's strings.Split: an empty separator splits code points. */
	if (slen == 0) {
		for (n = 0, i = 0; i < len; n++)
			if (u8dec(s, len, &i, &cp) == -1)
				i++;
	} else
		for (n = 1, p = s; (q = mem_find(p, len - (size_t)(p - s),
		    sep, slen)) != NULL; n++)
			p = q + slen;
	if (n > TF_MAX_ELEMS)
		return tf_error(ev, c->at, "split: more than %lu elements",
		    TF_MAX_ELEMS);
	if (tf_spend(ev, n))
		return over(ev, c);
	l = tfv_list(ev, n, 0);
	if (slen == 0) {
		for (k = 0, i = 0; i < len; k++) {
			p = s + i;
			if (u8dec(s, len, &i, &cp) == -1)
				i++;
			l->v[k] = tfv_str(ev, p, (size_t)(s + i - p));
		}
		return l;
	}
	for (k = 0, p = s; k + 1 < n; k++) {
		q = mem_find(p, len - (size_t)(p - s), sep, slen);
		l->v[k] = tfv_str(ev, p, (size_t)(q - p));
		p = q + slen;
	}
	l->v[k] = tfv_str(ev, p, len - (size_t)(p - s));
	return l;
}

static struct tfv *
fn_join(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*sep, **s;
	size_t		 slen, i, j, *len, total = 0, n = 0;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &sep, &slen)) != NULL)
		return e;
	for (i = 1; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_NULL)
			return tf_error(ev, c->at, "join: argument %zu is "
			    "null", i + 1);
		for (j = 0; c->args[i]->kind == TFV_LIST &&
		    j < c->args[i]->n; j++)
			if (c->args[i]->v[j]->kind == TFV_NULL)
				return tf_error(ev, c->at, "join: element %zu"
				    " of argument %zu is null", j, i + 1);
		if ((e = get_strs(ev, c, i, &s, &len)) != NULL)
			return e;
		for (j = 0; j < c->args[i]->n; j++) {
			/* Sized first: a join can be far bigger than its
			 * arguments, which share strings. */
			total += len[j] + (n++ > 0 ? slen : 0);
			if (total > TF_MAX_STRING)
				return tf_error(ev, c->at, "join: the result "
				    "is longer than %lu bytes", TF_MAX_STRING);
		}
	}
	if (tf_spend(ev, n + total / 64))
		return over(ev, c);
	for (n = 0, i = 1; i < c->nargs; i++) {
		get_strs(ev, c, i, &s, &len);
		for (j = 0; j < c->args[i]->n; j++) {
			if (n++ > 0)
				buf_add(&b, sep, slen);
			buf_add(&b, s[j], len[j]);
		}
	}
	return result(ev, c, &b);
}

/* Go's strings.Replace of every old by new; an empty old matches
 * before each code point and at the end. */
static struct tfv *
replace_plain(struct tf_ev *ev, const struct tf_call *c, const char *s,
    size_t len, const char *old, size_t olen, const char *new, size_t nlen)
{
	struct buf	 b = BUF_INIT;
	const char	*p = s, *q;
	size_t		 i;
	uint32_t	 cp;

	if (olen == 0) {
		for (i = 0; ; ) {
			buf_add(&b, new, nlen);
			if (i >= len)
				break;
			q = s + i;
			if (u8dec(s, len, &i, &cp) == -1)
				i++;
			buf_add(&b, q, (size_t)(s + i - q));
			if (b.len > TF_MAX_STRING || tf_spend(ev, 1))
				break;
		}
		if (ev->over) {
			buf_release(&b);
			return over(ev, c);
		}
		return result(ev, c, &b);
	}
	while ((q = mem_find(p, len - (size_t)(p - s), old, olen)) != NULL) {
		buf_add(&b, p, (size_t)(q - p));
		buf_add(&b, new, nlen);
		p = q + olen;
		if (b.len > TF_MAX_STRING)
			break;
		if (tf_spend(ev, 1 + nlen / 64)) {
			buf_release(&b);
			return over(ev, c);
		}
	}
	buf_add(&b, p, len - (size_t)(p - s));
	return result(ev, c, &b);
}

/*
 * replace() with a regular expression, as Go's ReplaceAllString: an
 * empty match right after a match is not replaced, and the search
 * moves on at least one code point.
 */
static struct tfv *
fn_replace(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	struct re	 re;
	regmatch_t	 m[10];
	const char	*s, *pat, *new;
	size_t		 len, plen, nlen, pos = 0, last = 0, i;
	struct tfv	*e;
	uint32_t	 cp;
	int		 r;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_str(ev, c, 1, &pat, &plen)) != NULL ||
	    (e = get_str(ev, c, 2, &new, &nlen)) != NULL)
		return e;
	if (plen < 2 || pat[0] != '/' || pat[plen - 1] != '/')
		return replace_plain(ev, c, s, len, pat, plen, new, nlen);
	if (re_compile(&re, pat + 1, plen - 2) == -1)
		return re_unknown(ev, c);
	if (!re_text_ok(&re, s, len)) {
		regfree(&re.re);
		return re_unknown(ev, c);
	}
	while (pos <= len) {
		if ((r = re_exec(&re, s, len, pos, m)) != 0)
			break;
		buf_add(&b, s + last, (size_t)m[0].rm_so - last);
		if ((size_t)m[0].rm_eo > last || m[0].rm_so == 0)
			re_expand(&b, new, nlen, s, m, re.ngroups);
		last = (size_t)m[0].rm_eo;
		i = pos;
		if (i < len && u8dec(s, len, &i, &cp) == -1)
			i++;
		if (i == pos)
			i++;
		pos = i > (size_t)m[0].rm_eo ? i : (size_t)m[0].rm_eo;
		if (b.len > TF_MAX_STRING)
			break;
		if (tf_spend(ev, 1 + nlen / 64)) {
			regfree(&re.re);
			buf_release(&b);
			return over(ev, c);
		}
	}
	regfree(&re.re);
	if (last < len)
		buf_add(&b, s + last, len - last);
	return result(ev, c, &b);
}

static struct tfv *
fn_substr(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len, i, from, n;
	long long	 off, cnt, total = 0, k;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_int(ev, c, 1, &off)) != NULL ||
	    (e = get_int(ev, c, 2, &cnt)) != NULL)
		return e;
	if (tf_spend(ev, len / 16))
		return over(ev, c);
	for (i = 0; i < len; total++)
		if (gnext(s, len, &i) == -1)
			return tfv_unknown(ev, "substr() of a string whose "
			    "characters irsalint cannot count", c->at);
	/* A negative offset counts from the end, and stops at the
	 * start; a negative length takes the rest. */
	if (off < 0 && (off += total) < 0)
		off = 0;
	if (off >= total)
		return tfv_strz(ev, "");
	for (i = 0, k = 0; k < off; k++)
		gnext(s, len, &i);
	from = i;
	if (cnt < 0 || cnt > total - off)
		cnt = total - off;
	for (k = 0; k < cnt; k++)
		gnext(s, len, &i);
	n = i - from;
	return tfv_str(ev, s + from, n);
}

static struct tfv *
fn_lower(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 len, i;
	struct tfv	*e;
	int		 upper = c->name[0] == 'u';

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = 0; i < len; i++)
		if (s[i] & 0x80)
			return tfv_unknown(ev, upper ? "upper() of a string "
			    "beyond ASCII" : "lower() of a string beyond "
			    "ASCII", c->at);
	buf_add(&b, s, len);
	for (i = 0; i < len; i++)
		if (upper && b.buf[i] >= 'a' && b.buf[i] <= 'z')
			b.buf[i] -= 'a' - 'A';
		else if (!upper && b.buf[i] >= 'A' && b.buf[i] <= 'Z')
			b.buf[i] += 'a' - 'A';
	return result(ev, c, &b);
}

static struct tfv *
fn_upper(struct tf_ev *ev, const struct tf_call *c)
{
	return fn_lower(ev, c);
}

/*
 * Go's strings.Title, which Terraform uses: a letter after a separator
 * becomes upper case.  ASCII letters, digits and "_" are not
 * separators, other ASCII is; beyond ASCII only spaces are.  A code
 * point beyond ASCII that starts a word would need Unicode's tables.
 */
static struct tfv *
fn_title(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 len, i, j;
	struct tfv	*e;
	uint32_t	 cp;
	int		 sep = 1;
	unsigned char	 ch;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	buf_add(&b, s, len);
	for (i = 0; i < len; ) {
		ch = (unsigned char)s[i];
		if (ch < 0x80) {
			if (sep && ch >= 'a' && ch <= 'z')
				b.buf[i] = (char)(ch - ('a' - 'A'));
			sep = !((ch >= 'a' && ch <= 'z') ||
			    (ch >= 'A' && ch <= 'Z') ||
			    (ch >= '0' && ch <= '9') || ch == '_');
			i++;
			continue;
		}
		j = i;
		if (u8dec(s, len, &j, &cp) == -1 || (sep && !u8space(cp))) {
			buf_release(&b);
			return tfv_unknown(ev, "title() of a word starting "
			    "beyond ASCII", c->at);
		}
		sep = u8space(cp);
		i = j;
	}
	return result(ev, c, &b);
}

/* Is the code point at s[i] one of the cutset's? */
static int
in_cutset(const char *set, size_t slen, const char *s, size_t n)
{
	size_t	 i, j;
	uint32_t cp;

	for (i = 0; i < slen; ) {
		j = i;
		if (u8dec(set, slen, &j, &cp) == -1)
			j = i + 1;
		if (j - i == n && memcmp(set + i, s, n) == 0)
			return 1;
		i = j;
	}
	return 0;
}

/* Go's strings.Trim: code points of the cutset off both ends. */
static struct tfv *
fn_trim(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *set;
	size_t		 len, slen, i, j, from, to, last;
	struct tfv	*e;
	uint32_t	 cp;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_str(ev, c, 1, &set, &slen)) != NULL)
		return e;
	if (tf_spend(ev, len / 16 + slen / 16))
		return over(ev, c);
	for (i = 0; i < len; i = j) {
		j = i;
		if (u8dec(s, len, &j, &cp) == -1)
			j = i + 1;
		if (!in_cutset(set, slen, s + i, j - i))
			break;
	}
	from = i;
	/* From the front again, remembering where the tail of cut code
	 * points starts: UTF-8 cannot be decoded backwards portably. */
	for (to = len, last = len, i = from; i < len; i = j) {
		j = i;
		if (u8dec(s, len, &j, &cp) == -1)
			j = i + 1;
		if (in_cutset(set, slen, s + i, j - i)) {
			if (last == len)
				last = i;
		} else
			last = len;
		to = last;
	}
	if (to < from)
		to = from;
	return tfv_str(ev, s + from, to - from);
}

/* Go's strings.TrimSpace: Unicode white space off both ends. */
static struct tfv *
fn_trimspace(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len, i, j, from, to;
	struct tfv	*e;
	uint32_t	 cp;
	int		 sp;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = 0; i < len; i = j) {
		j = i;
		if (u8dec(s, len, &j, &cp) == -1 || !u8space(cp))
			break;
	}
	from = i;
	for (to = from; i < len; i = j) {
		j = i;
		sp = u8dec(s, len, &j, &cp) == 0 && u8space(cp);
		if (j == i)
			j = i + 1;
		if (!sp)
			to = j;
	}
	return tfv_str(ev, s + from, to - from);
}

static struct tfv *
fn_trimprefix(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	if (plen <= len && memcmp(s, p, plen) == 0)
		return tfv_str(ev, s + plen, len - plen);
	return tfv_str(ev, s, len);
}

static struct tfv *
fn_trimsuffix(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	if (plen <= len && memcmp(s + len - plen, p, plen) == 0)
		return tfv_str(ev, s, len - plen);
	return tfv_str(ev, s, len);
}

/* Every trailing newline, "\n", "\r\n" or "\r", as Terraform's chomp. */
static struct tfv *
fn_chomp(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	return tfv_str(ev, s, len);
}

static struct tfv *
fn_startswith(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	return tfv_bool(ev, plen <= len && memcmp(s, p, plen) == 0);
}

static struct tfv *
fn_endswith(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	return tfv_bool(ev, plen <= len &&
	    memcmp(s + len - plen, p, plen) == 0);
}

static struct tfv *
fn_strcontains(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	if (tf_spend(ev, len / 64))
		return over(ev, c);
	return tfv_bool(ev, mem_find(s, len, p, plen) != NULL);
}

/* Go's path.Base, as Terraform's basename on a Unix host. */
static struct tfv *
fn_basename(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len, i;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (len == 0)
		return tfv_strz(ev, ".");
	while (len > 0 && s[len - 1] == '/')
		len--;
	if (len == 0)
		return tfv_strz(ev, "/");
	for (i = len; i > 0 && s[i - 1] != '/'; i--)
		continue;
	return tfv_str(ev, s + i, len - i);
}

/* Go's filepath.Dir: all but the last element, cleaned. */
static struct tfv *
fn_dirname(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 len, i;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = len; i > 0 && s[i - 1] != '/'; i--)
		continue;
	path_clean(&b, s, i);
	return result(ev, c, &b);
}

/* Go's path.Clean of s[0..len) into b, which is empty. */
static void
path_clean(struct buf *b, const char *s, size_t len)
{
	size_t	 r = 0, dotdot = 0;
	int	 rooted;

	if (len == 0) {
		buf_addc(b, '.');
		return;
	}
	if ((rooted = s[0] == '/')) {
		buf_addc(b, '/');
		r = dotdot = 1;
	}
	while (r < len) {
		if (s[r] == '/')
			r++;
		else if (s[r] == '.' && (r + 1 == len || s[r + 1] == '/'))
			r++;
		else if (s[r] == '.' && s[r + 1] == '.' &&
		    (r + 2 == len || s[r + 2] == '/')) {
			r += 2;
			if (b->len > dotdot) {
				/* Back over the last element. */
				b->len--;
				while (b->len > dotdot &&
				    b->buf[b->len] != '/')
					b->len--;
				b->buf[b->len] = '\0';
			} else if (!rooted) {
				if (b->len > 0)
					buf_addc(b, '/');
				buf_adds(b, "..");
				dotdot = b->len;
			}
		} else {
			if ((rooted && b->len != 1) || (!rooted && b->len != 0))
				buf_addc(b, '/');
			for (; r < len && s[r] != '/'; r++)
				buf_addc(b, s[r]);
		}
	}
	if (b->len == 0)
		buf_addc(b, '.');
}

/* ---- format ---- */

/* Go's %g with the shortest precision that reads back the same. */
static void
go_g(struct buf *b, double d, int upper)
{
	char	 e[64];
	int	 p, exp;

	for (p = 1; p < 17; p++) {
		snprintf(e, sizeof(e), "%.*e", p - 1, d);
		if (strtod(e, NULL) == d)
			break;
	}
	snprintf(e, sizeof(e), "%.*e", p - 1, d);
	exp = atoi(strchr(e, 'e') + 1);
	/* Go prints an exponent from 1e+06 on, and below 1e-04. */
	if (exp < -4 || exp >= 6) {
		if (upper)
			*strchr(e, 'e') = 'E';
		buf_adds(b, e);
	} else
		buf_addf(b, "%.*f", p - 1 - exp > 0 ? p - 1 - exp : 0, d);
}

/* Go's strconv.Quote, for %q. */
static void
go_quote(struct buf *b, const char *s, size_t len)
{
	size_t		 i, j;
	uint32_t	 cp;

	buf_addc(b, '"');
	for (i = 0; i < len; i = j) {
		j = i;
		if (u8dec(s, len, &j, &cp) == -1) {
			buf_addf(b, "\\x%02x", (unsigned char)s[i]);
			j = i + 1;
			continue;
		}
		switch (cp) {
		case '"':
			buf_adds(b, "\\\"");
			continue;
		case '\\':
			buf_adds(b, "\\\\");
			continue;
		case '\a':
			buf_adds(b, "\\a");
			continue;
		case '\b':
			buf_adds(b, "\\b");
			continue;
		case '\f':
			buf_adds(b, "\\f");
			continue;
		case '\n':
			buf_adds(b, "\\n");
			continue;
		case '\r':
			buf_adds(b, "\\r");
			continue;
		case '\t':
			buf_adds(b, "\\t");
			continue;
		case '\v':
			buf_adds(b, "\\v");
			continue;
		}
		if (cp < 0x20 || cp == 0x7f)
			buf_addf(b, "\\x%02x", (unsigned int)cp);
		else if ((cp >= 0x80 && cp <= 0x9f) || cp == 0xad ||
		    (cp >= 0x200b && cp <= 0x200f) || cp == 0x2028 ||
		    cp == 0x2029 || (cp >= 0x2060 && cp <= 0x2064) ||
		    cp == 0xfeff)
			buf_addf(b, "\\u%04x", (unsigned int)cp);
		else
			buf_add(b, s + i, j - i);
	}
	buf_addc(b, '"');
}

/* s padded to width code points, as Go's fmt pads a string. */
static void
pad(struct buf *b, const char *s, size_t len, long width, int minus,
    int zero)
{
	long	 n = 0;
	size_t	 i;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	if (minus)
		buf_add(b, s, len);
	for (; n < width; n++)
		buf_addc(b, zero && !minus ? '0' : ' ');
	if (!minus)
		buf_add(b, s, len);
}

struct spec {
	int	 minus, plus, sharp, space, zero;
	long	 width, prec;	/* -1: none */
};

/* A number's text padded: the sign first, zeros after it. */
static void
pad_num(struct buf *b, const char *s, size_t len, const struct spec *f)
{
	struct buf	 t = BUF_INIT;
	size_t		 sign = 0;

	if (s[0] != '-' && f->plus)
		buf_addc(&t, '+');
	else if (s[0] != '-' && f->space)
		buf_addc(&t, ' ');
	buf_add(&t, s, len);
	if (t.buf[0] == '-' || t.buf[0] == '+' || t.buf[0] == ' ')
		sign = 1;
	if (f->zero && !f->minus && (long)t.len < f->width) {
		buf_add(b, t.buf, sign);
		pad(b, t.buf + sign, t.len - sign, f->width - (long)sign,
		    0, 1);
	} else
		pad(b, t.buf, t.len, f->width, f->minus, 0);
	buf_release(&t);
}

/* %d, %b, %o, %x, %X of a whole number d. 0, or -1 when too big. */
static int
fmt_int(struct buf *b, double d, int verb, const struct spec *f)
{
	struct buf		 t = BUF_INIT;
	char			 dig[80], *p = dig + sizeof(dig) - 1;
	const char		*digits = verb == 'X' ? "0123456789ABCDEF" :
				    "0123456789abcdef";
	unsigned long long	 u;
	unsigned int		 base;
	struct spec		 g = *f;
	long			 n;

	base = verb == 'b' ? 2 : verb == 'o' ? 8 : verb == 'd' ? 10 : 16;
	*p = '\0';
	if (fabs(d) < 1.8e19) {
		u = (unsigned long long)fabs(d);
		do {
			*--p = digits[u % base];
			u /= base;
		} while (u > 0);
	} else if (base == 10 && fabs(d) < 1e300) {
		snprintf(dig, sizeof(dig), "%.0f", fabs(d));
		p = dig;
	} else
		return -1;
	if (d < 0)
		buf_addc(&t, '-');
	if (f->sharp && base != 10)
		buf_adds(&t, base == 2 ? "0b" : base == 8 ? "0" :
		    verb == 'X' ? "0X" : "0x");
	for (n = (long)strlen(p); n < f->prec; n++)
		buf_addc(&t, '0');
	buf_adds(&t, p);
	/* Go drops the 0 flag when a precision is given. */
	if (f->prec >= 0)
		g.zero = 0;
	pad_num(b, t.buf, t.len, &g);
	buf_release(&t);
	return 0;
}

/* An argument index "[n]" at fmt[*i], if there is one. */
static int
fmt_index(const char *fmt, size_t flen, size_t *i, size_t *argi,
    int *explicit)
{
	size_t	 k = 0;

	if (*i >= flen || fmt[*i] != '[')
		return 0;
	for ((*i)++; *i < flen && fmt[*i] >= '0' && fmt[*i] <= '9' &&
	    k < 100000000; (*i)++)
		k = k * 10 + (size_t)(fmt[*i] - '0');
	if (*i >= flen || fmt[*i] != ']' || k == 0)
		return -1;
	(*i)++;
	*argi = k - 1;
	*explicit = 1;
	return 0;
}

/* A width or precision at fmt[*i]; -1 past a million, as Go. */
static int
fmt_digits(const char *fmt, size_t flen, size_t *i, long *n)
{
	for (; *i < flen && fmt[*i] >= '0' && fmt[*i] <= '9'; (*i)++) {
		if (*n < 0)
			*n = 0;
		*n = *n * 10 + (fmt[*i] - '0');
		if (*n > 1000000)
			return -1;
	}
	return 0;
}

/*
 * Terraform's format(): Go's fmt verbs on Terraform values.  Writes
 * into out and returns NULL, or returns an error or an unknown.
 */
static struct tfv *
do_format(struct tf_ev *ev, const struct tf_call *c, const char *fmt,
    size_t flen, struct tfv *const *args, size_t nargs, struct buf *out)
{
	struct buf	 t = BUF_INIT;
	struct spec	 f;
	const struct tfv *v;
	const char	*s;
	char		 cfmt[64];
	size_t		 i = 0, start, argi = 0, used = 0, len, k;
	double		 d;
	int		 explicit = 0, verb, bl;

	while (i < flen) {
		if (fmt[i] != '%') {
			for (k = i; k < flen && fmt[k] != '%'; k++)
				continue;
			buf_add(out, fmt + i, k - i);
			i = k;
			continue;
		}
		start = i++;
		if (i < flen && fmt[i] == '%') {
			buf_addc(out, '%');
			i++;
			continue;
		}
		memset(&f, 0, sizeof(f));
		f.width = f.prec = -1;
		for (; i < flen && strchr("-+# 0", fmt[i]) != NULL &&
		    fmt[i] != '\0'; i++)
			switch (fmt[i]) {
			case '-':
				f.minus = 1;
				break;
			case '+':
				f.plus = 1;
				break;
			case '#':
				f.sharp = 1;
				break;
			case ' ':
				f.space = 1;
				break;
			default:
				f.zero = 1;
			}
		if (fmt_index(fmt, flen, &i, &argi, &explicit) == -1 ||
		    fmt_digits(fmt, flen, &i, &f.width) == -1)
			goto bad_spec;
		if (i < flen && fmt[i] == '.') {
			i++;
			f.prec = 0;
			if (fmt_digits(fmt, flen, &i, &f.prec) == -1)
				goto bad_spec;
		}
		if (fmt_index(fmt, flen, &i, &argi, &explicit) == -1)
			goto bad_spec;
		if (i >= flen)
			return tf_error(ev, c->at, "%s: invalid format string "
			    "starting at offset %zu", c->name, start);
		verb = (unsigned char)fmt[i++];
		if (verb >= 0x80 || strchr("vtbdoxXeEfFgGsq", verb) == NULL)
			return tf_error(ev, c->at, "%s: unsupported format "
			    "verb '%c' in \"%.*s\" at offset %zu", c->name,
			    verb >= 0x80 ? '?' : verb, (int)(i - start),
			    fmt + start, start);
		if (argi >= nargs)
			return tf_error(ev, c->at, "%s: not enough arguments "
			    "for \"%.*s\" at %zu: need index %zu but have %zu "
			    "total", c->name, (int)(i - start), fmt + start,
			    start, argi + 1, nargs);
		v = args[argi++];
		if (argi > used)
			used = argi;
		/* Terraform cannot format a null either. */
		if (v->kind == TFV_NULL)
			return tfv_unknown(ev, "format() of a null value",
			    c->at);
		if (tf_spend(ev, 1 + (f.width > 0 ? (unsigned long)f.width /
		    64 : 0)))
			return over(ev, c);
		buf_reset(&t);
		switch (verb) {
		case 'v':
			if (f.sharp || v->kind == TFV_LIST ||
			    v->kind == TFV_MAP) {
				tfv_json(&t, v);
				pad(out, t.buf, t.len, f.width, f.minus, 0);
			} else if (v->kind == TFV_NUMBER) {
				go_g(&t, v->num, 0);
				pad_num(out, t.buf, t.len, &f);
			} else {
				tfv_to_string(ev, v, &s, &len);
				pad(out, s, len, f.width, f.minus, f.zero);
			}
			break;
		case 's':
		case 'q':
			if (tfv_to_string(ev, v, &s, &len) == -1)
				goto need_str;
			/* A precision is a number of code points. */
			if (f.prec >= 0) {
				for (k = 0; k < len && f.prec >= 0; k++)
					if (((unsigned char)s[k] & 0xc0) !=
					    0x80 && f.prec-- == 0)
						break;
				len = k;
			}
			if (verb == 'q') {
				go_quote(&t, s, len);
				s = t.buf;
				len = t.len;
			}
			pad(out, s, len, f.width, f.minus, f.zero);
			break;
		case 't':
			/* Terraform prints a bool without padding. */
			if (tfv_to_bool(v, &bl) == -1) {
				buf_release(&t);
				return tf_error(ev, c->at, "%s: unsupported "
				    "value for \"%%t\": a bool is required, "
				    "not %s", c->name, a_kind(v));
			}
			buf_adds(out, bl ? "true" : "false");
			break;
		case 'd':
		case 'b':
		case 'o':
		case 'x':
		case 'X':
			if (to_num(v, &d) == -1)
				goto need_num;
			if (d != floor(d)) {
				buf_release(&t);
				return tf_error(ev, c->at, "%s: unsupported "
				    "value for \"%.*s\" at %zu: an integer "
				    "is required", c->name, (int)(i - start),
				    fmt + start, start);
			}
			if (fmt_int(out, d, verb, &f) == -1) {
				buf_release(&t);
				return tfv_unknown(ev, "format() of a number "
				    "irsalint cannot print exactly", c->at);
			}
			break;
		default:
			if (to_num(v, &d) == -1)
				goto need_num;
			if ((verb == 'g' || verb == 'G') && f.prec < 0) {
				go_g(&t, d, verb == 'G');
				pad_num(out, t.buf, t.len, &f);
				break;
			}
			snprintf(cfmt, sizeof(cfmt), "%%%s%s%s%s%s*.*%c",
			    f.minus ? "-" : "", f.plus ? "+" : "",
			    f.sharp ? "#" : "", f.space ? " " : "",
			    f.zero ? "0" : "", verb);
			buf_addf(out, cfmt, f.width < 0 ? 0 : (int)f.width,
			    f.prec < 0 ? 6 : (int)f.prec, d);
		}
		if (out->len > TF_MAX_STRING)
			break;
	}
	buf_release(&t);
	if (!explicit && used < nargs)
		return tf_error(ev, c->at, "%s: too many arguments; only %zu "
		    "used by the format string", c->name, used);
	return NULL;
bad_spec:
	buf_release(&t);
	if (f.width > 1000000 || f.prec > 1000000)
		return tfv_unknown(ev, "format() with a width or precision "
		    "over a million", c->at);
	return tf_error(ev, c->at, "%s: invalid argument index in the format "
	    "string at offset %zu", c->name, start);
need_str:
	buf_release(&t);
	return tf_error(ev, c->at, "%s: unsupported value for \"%.*s\" at "
	    "%zu: a string is required, not %s", c->name, (int)(i - start),
	    fmt + start, start, a_kind(v));
need_num:
	buf_release(&t);
	return tf_error(ev, c->at, "%s: unsupported value for \"%.*s\" at "
	    "%zu: a number is required, not %s", c->name, (int)(i - start),
	    fmt + start, start, a_kind(v));
}

static struct tfv *
fn_format(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*fmt;
	size_t		 flen;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &fmt, &flen)) != NULL)
		return e;
	if ((e = do_format(ev, c, fmt, flen, c->args + 1, c->nargs - 1,
	    &b)) != NULL) {
		buf_release(&b);
		return e;
	}
	return result(ev, c, &b);
}

/* format() of each element of the list arguments, in step. */
static struct tfv *
fn_formatlist(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*fmt;
	size_t		 flen, i, j, n = 1, first = 0, total = 0;
	struct tfv	*e, *l, **row;

	if ((e = get_str(ev, c, 0, &fmt, &flen)) != NULL)
		return e;
	for (i = 1; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_MAP)
			return bad(ev, c, i, "a list or a string");
		if (c->args[i]->kind != TFV_LIST)
			continue;
		if (first == 0) {
			first = i;
			n = c->args[i]->n;
		} else if (c->args[i]->n != n)
			return tf_error(ev, c->at, "formatlist: argument %zu "
			    "has length %zu, which is inconsistent with "
			    "argument %zu of length %zu", i + 1,
			    c->args[i]->n, first + 1, n);
	}
	if (tf_spend(ev, n * c->nargs))
		return over(ev, c);
	l = tfv_list(ev, n, 0);
	row = arena_alloc(ev->arena, c->nargs * sizeof(*row));
	for (j = 0; j < n; j++) {
		for (i = 1; i < c->nargs; i++)
			row[i - 1] = c->args[i]->kind == TFV_LIST ?
			    c->args[i]->v[j] : c->args[i];
		buf_reset(&b);
		if ((e = do_format(ev, c, fmt, flen, row, c->nargs - 1,
		    &b)) != NULL) {
			buf_release(&b);
			return e;
		}
		/* Each element and all of them: rows may share a long
		 * argument. */
		if (b.len > TF_MAX_STRING || (total += b.len) > TF_MAX_STRING) {
			buf_release(&b);
			return tf_error(ev, c->at, "formatlist: the result is "
			    "longer than %lu bytes", TF_MAX_STRING);
		}
		l->v[j] = tfv_str(ev, b.buf, b.len);
		if (ev->over) {
			buf_release(&b);
			return over(ev, c);
		}
	}
	buf_release(&b);
	return l;
}

/* ---- regular expressions ---- */

/*
 * Terraform's patterns are RE2's; irsalint runs them with POSIX
 * regcomp(3) only when both read them alike.  The two differ on
 * alternation and on repeated groups (RE2 takes the first match that
 * its preferences give, POSIX the longest), on escapes (\d, \w, \s,
 * \b are RE2's; GNU gives some other meanings), on (?flags) and named
 * groups, non-greedy and possessive repetition, and "." (no newline
 * in RE2).  So: no "|", a repetition only after one character, a
 * class or ".", and an escape only of punctuation; "." becomes
 * "[^\n]".  Anything else is an unknown, never a guess.  Without a
 * locale regexec(3) reads bytes: a pattern that matches one character
 * of several (".", "[^a]") is bytewise, for the caller to refuse on
 * text beyond ASCII.
 */
static int
re_translate(struct buf *b, const char *p, size_t len, size_t *ngroups,
    int *bytewise)
{
	size_t	 i, k, depth = 0;
	int	 atom = 0;	/* 1 after one character or class */
	char	 ch;

	*ngroups = 0;
	*bytewise = 0;
	for (i = 0; i < len; ) {
		ch = p[i];
		switch (ch) {
		case '\0':
			return -1;
		case '\\':
			if (++i >= len)
				return -1;
			ch = p[i++];
			if (ch == 'n' || ch == 't') {
				buf_addc(b, ch == 'n' ? '\n' : '\t');
				atom = 1;
				break;
			}
			if ((unsigned char)ch >= 0x80 ||
			    !(ch >= '!' && ch <= '~') ||
			    (ch >= '0' && ch <= '9') ||
			    (ch >= 'a' && ch <= 'z') ||
			    (ch >= 'A' && ch <= 'Z'))
				return -1;
			if (strchr(".[]()*+?{}|^$\\", ch) != NULL)
				buf_addc(b, '\\');
			buf_addc(b, ch);
			atom = 1;
			break;
		case '.':
			buf_adds(b, "[^\n]");
			*bytewise = 1;
			atom = 1;
			i++;
			break;
		case '[':
			buf_addc(b, p[i++]);
			if (i < len && p[i] == '^') {
				buf_addc(b, p[i++]);
				*bytewise = 1;
			}
			/* A "]" or a "-" first is itself, in both. */
			if (i < len && (p[i] == ']' || p[i] == '-'))
				buf_addc(b, p[i++]);
			for (; i < len && p[i] != ']'; i++) {
				ch = p[i];
				if (ch == '[' && i + 1 < len && p[i + 1] == ':') {
					for (k = i + 2; k < len && p[k] >= 'a' &&
					    p[k] <= 'z'; k++)
						continue;
					if (k + 1 >= len || p[k] != ':' ||
					    p[k + 1] != ']')
						return -1;
					buf_add(b, p + i, k + 2 - i);
					i = k + 1;
					continue;
				}
				if (ch == '\\' || ch == '[' || ch == '\0' ||
				    (unsigned char)ch >= 0x80)
					return -1;
				/* "-" only in a range of two letters or
				 * digits, or last. */
				if (ch == '-' && !(i + 1 < len &&
				    p[i + 1] == ']') && !(i > 0 &&
				    i + 1 < len && isalnum_(p[i - 1]) &&
				    isalnum_(p[i + 1]) && p[i - 1] <= p[i + 1]))
					return -1;
				buf_addc(b, ch);
			}
			if (i >= len)
				return -1;
			buf_addc(b, p[i++]);
			atom = 1;
			break;
		case '(':
			if (i + 1 < len && p[i + 1] == '?')
				return -1;
			buf_addc(b, p[i++]);
			depth++;
			(*ngroups)++;
			atom = 0;
			break;
		case ')':
			if (depth-- == 0)
				return -1;
			buf_addc(b, p[i++]);
			atom = 0;	/* a repeated group differs */
			break;
		case '|':
			return -1;
		case '*':
		case '+':
		case '?':
			if (!atom)
				return -1;
			buf_addc(b, p[i++]);
			atom = 0;	/* no "*?", "**", "*+" */
			break;
		case '{':
			/* {n}, {n,} or {n,m}, up to RE2's 1000; else a
			 * "{" is itself in RE2. */
			for (k = i + 1; k < len && ((p[k] >= '0' &&
			    p[k] <= '9') || p[k] == ','); k++)
				continue;
			if (k < len && p[k] == '}' && k > i + 1 &&
			    p[i + 1] != ',' && interval_ok(p + i + 1,
			    k - i - 1)) {
				if (!atom)
					return -1;
				buf_add(b, p + i, k + 1 - i);
				i = k + 1;
				atom = 0;
				break;
			}
			buf_adds(b, "\\{");
			i++;
			atom = 1;
			break;
		case '}':
			buf_adds(b, "\\}");
			i++;
			atom = 1;
			break;
		case '^':
		case '$':
			buf_addc(b, p[i++]);
			atom = 0;
			break;
		default:
			if ((unsigned char)ch >= 0x80) {
				/* Several bytes: a repetition would take
				 * the last one only. */
				for (k = i + 1; k < len &&
				    ((unsigned char)p[k] & 0xc0) == 0x80; k++)
					continue;
				buf_add(b, p + i, k - i);
				i = k;
				atom = 0;
				break;
			}
			buf_addc(b, p[i++]);
			atom = 1;
		}
	}
	return depth == 0 && *ngroups < 10 ? 0 : -1;
}

static int
isalnum_(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* "n", "n," or "n,m" with n <= m <= 1000. */
static int
interval_ok(const char *s, size_t len)
{
	long	 n = 0, m = -1;
	size_t	 i;
	int	 comma = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == ',') {
			if (comma++)
				return 0;
			continue;
		}
		if (comma) {
			m = (m < 0 ? 0 : m) * 10 + (s[i] - '0');
			if (m > 1000)
				return 0;
		} else if ((n = n * 10 + (s[i] - '0')) > 1000)
			return 0;
	}
	return m < 0 || n <= m;
}

static int
re_compile(struct re *re, const char *p, size_t len)
{
	struct buf	 b = BUF_INIT;
	int		 r;

	if (len > RE_MAX_PATTERN ||
	    re_translate(&b, p, len, &re->ngroups, &re->bytewise) == -1) {
		buf_release(&b);
		return -1;
	}
	r = regcomp(&re->re, b.buf, REG_EXTENDED);
	buf_release(&b);
	return r == 0 ? 0 : -1;
}

/* The first match at or after s[pos], offsets from s; 0 when found. */
static int
re_exec(const struct re *re, const char *s, size_t len, size_t pos,
    regmatch_t *m)
{
	size_t	 i;
	int	 r;

	(void)len;
	r = regexec(&re->re, s + pos, re->ngroups + 1, m,
	    pos > 0 ? REG_NOTBOL : 0);
	if (r != 0)
		return r;
	for (i = 0; i <= re->ngroups; i++)
		if (m[i].rm_so >= 0) {
			m[i].rm_so += (regoff_t)pos;
			m[i].rm_eo += (regoff_t)pos;
		}
	return 0;
}

/*
 * Go's Regexp.Expand of the replacement: $1 or ${1} is a group, $$ a
 * "$"; $name or ${name} names a group, which irsalint's patterns have
 * none of, so it is empty (as "$1x" is: the name is "1x"); a "$" that
 * starts no name is itself.
 */
static void
re_expand(struct buf *b, const char *t, size_t tlen, const char *s,
    const regmatch_t *m, size_t ngroups)
{
	size_t	 i, k, from, to, g;
	int	 brace, digits;

	for (i = 0; i < tlen; ) {
		if (t[i] != '$') {
			buf_addc(b, t[i++]);
			continue;
		}
		if (i + 1 < tlen && t[i + 1] == '$') {
			buf_addc(b, '$');
			i += 2;
			continue;
		}
		brace = i + 1 < tlen && t[i + 1] == '{';
		from = k = i + 1 + (size_t)brace;
		for (digits = 1; k < tlen && (isalnum_(t[k]) || t[k] == '_');
		    k++)
			if (t[k] < '0' || t[k] > '9')
				digits = 0;
		to = k;
		if (to == from || (brace && (k >= tlen || t[k] != '}'))) {
			buf_addc(b, '$');
			i++;
			continue;
		}
		i = brace ? k + 1 : k;
		if (!digits || to - from > 4)
			continue;
		for (g = 0, k = from; k < to; k++)
			g = g * 10 + (size_t)(t[k] - '0');
		if (g <= ngroups && m[g].rm_so >= 0)
			buf_add(b, s + m[g].rm_so,
			    (size_t)(m[g].rm_eo - m[g].rm_so));
	}
}

/*
 * Can regexec(3) read s as RE2 would?  Not past RE_MAX_TEXT, nor past
 * a NUL, where it stops; nor beyond ASCII when the pattern has a "."
 * or a "[^...]", which take a byte there, not a code point.
 */
static int
re_text_ok(const struct re *re, const char *s, size_t len)
{
	size_t	 i;

	if (len > RE_MAX_TEXT)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == '\0' || (re->bytewise && (s[i] & 0x80)))
			return 0;
	return 1;
}

static struct tfv *
re_unknown(struct tf_ev *ev, const struct tf_call *c)
{
	return tfv_unknown(ev, arena_printf(ev->arena, "%s() with a regular "
	    "expression irsalint cannot evaluate", c->name), c->at);
}

/* One match: the text, or the list of its groups when it has some. */
static struct tfv *
re_match(struct tf_ev *ev, const struct re *re, const char *s,
    const regmatch_t *m)
{
	struct tfv	*l;
	size_t		 g;

	if (re->ngroups == 0)
		return tfv_str(ev, s + m[0].rm_so,
		    (size_t)(m[0].rm_eo - m[0].rm_so));
	l = tfv_list(ev, re->ngroups, 0);
	for (g = 1; g <= re->ngroups; g++)
		l->v[g - 1] = m[g].rm_so < 0 ? tfv_null(ev) : tfv_str(ev,
		    s + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
	return l;
}

/* regex() and regexall(): Go's FindStringSubmatch and FindAll...(-1). */
static struct tfv *
fn_regex(struct tf_ev *ev, const struct tf_call *c)
{
	struct re	 re;
	regmatch_t	 m[10];
	const char	*pat, *s;
	size_t		 plen, len, i, pos = 0, n = 0, cap = 0;
	long		 prev = -1;
	struct tfv	*e, **all = NULL, **grow, *l;
	uint32_t	 cp;
	int		 every = strcmp(c->name, "regexall") == 0;

	if ((e = get_str(ev, c, 0, &pat, &plen)) != NULL ||
	    (e = get_str(ev, c, 1, &s, &len)) != NULL)
		return e;
	if (re_compile(&re, pat, plen) == -1)
		return re_unknown(ev, c);
	if (!re_text_ok(&re, s, len)) {
		regfree(&re.re);
		return re_unknown(ev, c);
	}
	if (!every) {
		if (re_exec(&re, s, len, 0, m) != 0) {
			regfree(&re.re);
			return tf_error(ev, c->at, "regex: the pattern did "
			    "not match any part of the string");
		}
		e = re_match(ev, &re, s, m);
		regfree(&re.re);
		return e;
	}
	while (pos <= len && re_exec(&re, s, len, pos, m) == 0) {
		/* An empty match right after a match does not count. */
		if ((size_t)m[0].rm_eo == pos && (long)m[0].rm_so == prev)
			;
		else {
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				grow = arena_alloc(ev->arena,
				    cap * sizeof(*grow));
				if (n > 0)
					memcpy(grow, all, n * sizeof(*all));
				all = grow;
			}
			all[n++] = re_match(ev, &re, s, m);
		}
		if ((size_t)m[0].rm_eo == pos) {
			i = pos;
			if (i < len && u8dec(s, len, &i, &cp) == -1)
				i++;
			pos = i > pos ? i : pos + 1;
		} else
			pos = (size_t)m[0].rm_eo;
		prev = m[0].rm_eo;
		if (n > TF_MAX_ELEMS || tf_spend(ev, 1)) {
			regfree(&re.re);
			return n > TF_MAX_ELEMS ? tf_error(ev, c->at,
			    "regexall: more than %lu matches", TF_MAX_ELEMS) :
			    over(ev, c);
		}
	}
	regfree(&re.re);
	l = tfv_list(ev, n, 0);
	if (n > 0)
		memcpy(l->v, all, n * sizeof(*all));
	return l;
}

static struct tfv *
fn_regexall(struct tf_ev *ev, const struct tf_call *c)
{
	return fn_regex(ev, c);
}

/* ---- collections ---- */

/*
 * length(): of a list or map known even when its elements are not,
 * as Terraform's; of a string, in grapheme clusters.
 */
static struct tfv *
fn_length(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*v = c->args[0];
	size_t			 i, n = 0;

	if (open_map(v))
		return unknown_of(ev, c->args[0]);
	switch (v->kind) {
	case TFV_UNKNOWN:
		return unknown_of(ev, c->args[0]);
	case TFV_LIST:
	case TFV_MAP:
		return tfv_num(ev, (double)v->n);
	case TFV_STRING:
		if (tf_spend(ev, v->len / 16))
			return over(ev, c);
		for (i = 0; i < v->len; n++)
			if (gnext(v->s, v->len, &i) == -1)
				return tfv_unknown(ev, "length() of a string "
				    "whose characters irsalint cannot count",
				    c->at);
		return tfv_num(ev, (double)n);
	default:
		return bad(ev, c, 0, "a string, a list or a map");
	}
}

/*
 * lookup(): the map and the key known; the value found is returned as
 * it is, unknowns inside it and all (Terraform, which wants the whole
 * map known, would say less).  A key an open map lacks is unknown.
 */
static struct tfv *
fn_lookup(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*key;
	size_t		 len;
	struct tfv	*e, *v;

	if (c->args[0]->kind == TFV_UNKNOWN || !known(ev, c->args[1]))
		return unknown_for(ev, c->args, 2);
	if (c->args[0]->kind != TFV_MAP)
		return bad(ev, c, 0, "a map");
	if ((e = get_str(ev, c, 1, &key, &len)) != NULL)
		return e;
	if (strlen(key) == len && (v = tfv_get(c->args[0], key)) != NULL)
		return v;
	if (open_map(c->args[0]))
		return unknown_of(ev, c->args[0]);
	if (c->nargs == 3)
		return c->args[2];
	return tf_error(ev, c->at, "lookup: the map has no key \"%s\"", key);
}

/*
 * merge(): later maps win.  Terraform needs each argument known, not
 * its values: a map with unknown values merges into a map with them.
 */
static struct tfv *
fn_merge(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**k;
	struct tfv	**v;
	size_t		 i, j, n = 0;

	for (i = 0; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_UNKNOWN || open_map(c->args[i]))
			return unknown_of(ev, c->args[i]);
		if (c->args[i]->kind == TFV_NULL)
			continue;
		if (c->args[i]->kind != TFV_MAP)
			return bad(ev, c, i, "a map");
		if ((n += c->args[i]->n) > TF_MAX_ELEMS)
			return tf_error(ev, c->at, "merge: more than %lu "
			    "keys", TF_MAX_ELEMS);
	}
	if (tf_spend(ev, n))
		return over(ev, c);
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
static struct tfv *
fn_jsonencode(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf		 b = BUF_INIT;
	const struct tfv	*u, *open;
	struct tfv		*v;
	size_t			 size = 0;
	int			 r;

	if ((r = walk(ev, c->args[0], 0, &u, &open, NULL)) < 0)
		return r == -2 ? over(ev, c) : tf_error(ev, c->at,
		    "jsonencode: the value is nested deeper than %d",
		    HCL_MAX_DEPTH);
	if (u != NULL || open != NULL) {
		v = unknown_for(ev, c->args, 1);
		v->json_of = c->args[0];
		return v;
	}
	if (json_size(ev, c->args[0], &size) == -1)
		return ev->over ? over(ev, c) : tf_error(ev, c->at,
		    "jsonencode: the result is longer than %lu bytes",
		    TF_MAX_STRING);
	tfv_json(&b, c->args[0]);
	v = result(ev, c, &b);
	if (v->kind == TFV_STRING)
		v->json_of = c->args[0];	/* where its parts were written */
	return v;
}

/*
 * yamlencode(): irsalint does not write Terraform's YAML text, so the
 * text is unknown; the structure is kept (json_of), for what reads it
 * (a helm_release's values, tf_k8s.c), known or not.
 */
static struct tfv *
fn_yamlencode(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*u, *open;
	struct tfv		*v;
	int			 r;

	if ((r = walk(ev, c->args[0], 0, &u, &open, NULL)) < 0)
		return r == -2 ? over(ev, c) : tf_error(ev, c->at,
		    "yamlencode: the value is nested deeper than %d",
		    HCL_MAX_DEPTH);
	if (u != NULL || open != NULL)
		v = unknown_for(ev, c->args, 1);
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

static struct tfv *
fn_jsondecode(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len;
	struct tfv	*e, *v;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (tf_spend(ev, len / 16))
		return over(ev, c);
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
static struct tfv *
fn_coalesce(struct tf_ev *ev, const struct tf_call *c)
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
			return unknown_of(ev, c->args[i]);
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
static struct tfv *
fn_coalescelist(struct tf_ev *ev, const struct tf_call *c)
{
	size_t	 i;

	for (i = 0; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_UNKNOWN)
			return unknown_of(ev, c->args[i]);
		if (c->args[i]->kind == TFV_NULL)
			continue;
		if (c->args[i]->kind != TFV_LIST)
			return bad(ev, c, i, "a list");
		if (c->args[i]->n > 0)
			return c->args[i];
	}
	return tf_error(ev, c->at, "coalescelist: no non-empty list "
	    "arguments");
}

/* concat(): the lists must be known, their elements need not be. */
static struct tfv *
fn_concat(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l;
	size_t		 i, n = 0;

	for (i = 0; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_UNKNOWN)
			return unknown_of(ev, c->args[i]);
		if (c->args[i]->kind != TFV_LIST)
			return bad(ev, c, i, "a list");
		if ((n += c->args[i]->n) > TF_MAX_ELEMS)
			return tf_error(ev, c->at, "concat: more than %lu "
			    "elements", TF_MAX_ELEMS);
	}
	if (tf_spend(ev, n))
		return over(ev, c);
	l = tfv_list(ev, n, 0);
	for (n = 0, i = 0; i < c->nargs; i++) {
		memcpy(l->v + n, c->args[i]->v,
		    c->args[i]->n * sizeof(*l->v));
		n += c->args[i]->n;
	}
	return l;
}

/* one(): known when the list is, whatever its element. */
static struct tfv *
fn_one(struct tf_ev *ev, const struct tf_call *c)
{
	if (c->args[0]->kind == TFV_UNKNOWN)
		return unknown_of(ev, c->args[0]);
	if (c->args[0]->kind != TFV_LIST)
		return bad(ev, c, 0, "a list");
	if (c->args[0]->n == 0)
		return tfv_null(ev);
	if (c->args[0]->n > 1)
		return tf_error(ev, c->at, "one: the list must have zero or one"
		    " elements, not %zu", c->args[0]->n);
	return c->args[0]->v[0];
}

/* slice(): the list and the bounds known, not the elements. */
static struct tfv *
fn_slice(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	long long	 from, to;

	if (c->args[0]->kind == TFV_UNKNOWN || !known(ev, c->args[1]) ||
	    !known(ev, c->args[2]))
		return unknown_for(ev, c->args, c->nargs);
	if ((e = get_list(ev, c, 0, &l)) != NULL ||
	    (e = get_int(ev, c, 1, &from)) != NULL ||
	    (e = get_int(ev, c, 2, &to)) != NULL)
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
		return over(ev, c);
	e = tfv_list(ev, (size_t)(to - from), 0);
	memcpy(e->v, l->v + from, (size_t)(to - from) * sizeof(*e->v));
	return e;
}

/*
 * element(): the index wraps around.  Known when the list and the
 * index are, whatever the element.
 */
static struct tfv *
fn_element(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	long long	 i;

	if (c->args[0]->kind == TFV_UNKNOWN || !known(ev, c->args[1]))
		return unknown_for(ev, c->args, c->nargs);
	if ((e = get_list(ev, c, 0, &l)) != NULL ||
	    (e = get_int(ev, c, 1, &i)) != NULL)
		return e;
	/* A set has no order to index by. */
	if (l->flags & TFV_SET)
		return bad(ev, c, 0, "a list");
	if (l->n == 0)
		return tf_error(ev, c->at, "element: the list is empty");
	if (i < 0)
		return tf_error(ev, c->at, "element: the index must not be "
		    "negative");
	return l->v[(size_t)(i % (long long)l->n)];
}

static struct tfv *
fn_index(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if ((e = get_list(ev, c, 0, &l)) != NULL)
		return e;
	if (tf_spend(ev, l->n))
		return over(ev, c);
	for (i = 0; i < l->n; i++)
		if (tfv_equal(l->v[i], c->args[1]))
			return tfv_num(ev, (double)i);
	return tf_error(ev, c->at, "index: the item is not in the list");
}

/* contains(): as Terraform, with no conversion: 1 is not "1". */
static struct tfv *
fn_contains(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if ((e = get_list(ev, c, 0, &l)) != NULL)
		return e;
	if (tf_spend(ev, l->n))
		return over(ev, c);
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
static struct tfv *
fn_distinct(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e, *r, ***p;
	unsigned char	*keep;
	size_t		 i, n;

	if ((e = get_list(ev, c, 0, &l)) != NULL)
		return e;
	if ((l = unify(ev, c, l, 0))->kind == TFV_UNKNOWN)
		return l;
	if (tf_spend(ev, l->n * 4))
		return over(ev, c);
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
static struct tfv *
fn_flatten(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*u = NULL;
	struct tfv		**all = NULL, *l;
	size_t			 n = 0, cap = 0;

	if (c->args[0]->kind == TFV_UNKNOWN)
		return unknown_of(ev, c->args[0]);
	if (c->args[0]->kind != TFV_LIST)
		return bad(ev, c, 0, "a list");
	if (flat(ev, c->args[0], 0, &all, &n, &cap, &u) == -1)
		return ev->over ? over(ev, c) : tf_error(ev, c->at,
		    "flatten: more than %lu elements, or nested deeper than "
		    "%d", TF_MAX_ELEMS, HCL_MAX_DEPTH);
	if (u != NULL)
		return unknown_of(ev, (struct tfv *)u);
	l = tfv_list(ev, n, 0);
	if (n > 0)
		memcpy(l->v, all, n * sizeof(*all));
	return l;
}

/* keys(): known when the map is, whatever its values. */
static struct tfv *
fn_keys(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*m = c->args[0];
	struct tfv		*l;
	size_t			 i;

	if (m->kind == TFV_UNKNOWN || open_map(m))
		return unknown_of(ev, c->args[0]);
	if (m->kind != TFV_MAP)
		return bad(ev, c, 0, "a map");
	if (tf_spend(ev, m->n))
		return over(ev, c);
	l = tfv_list(ev, m->n, 0);
	for (i = 0; i < m->n; i++)
		l->v[i] = tfv_strz(ev, m->k[i]);
	return l;
}

/* values(): in the order of the keys; the values may be unknown. */
static struct tfv *
fn_values(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*m = c->args[0];
	struct tfv		*l;

	if (m->kind == TFV_UNKNOWN || open_map(m))
		return unknown_of(ev, c->args[0]);
	if (m->kind != TFV_MAP)
		return bad(ev, c, 0, "a map");
	l = tfv_list(ev, m->n, 0);
	if (m->n > 0)
		memcpy(l->v, m->v, m->n * sizeof(*l->v));
	return l;
}

/* zipmap(): the keys must be known; the values need not be. */
static struct tfv *
fn_zipmap(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**s, **k;
	size_t		 *len, i;
	struct tfv	*e;

	if (!known(ev, c->args[0]) || c->args[1]->kind == TFV_UNKNOWN)
		return unknown_for(ev, c->args, c->nargs);
	if ((e = get_strs(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (c->args[1]->kind != TFV_LIST)
		return bad(ev, c, 1, "a list");
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

static struct tfv *
fn_toset(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if (c->args[0]->kind == TFV_NULL)
		return c->args[0];
	if ((e = get_list(ev, c, 0, &l)) != NULL)
		return e;
	for (i = 0; i < l->n; i++)
		if (l->v[i]->kind == TFV_NULL)
			return tf_error(ev, c->at, "toset: a set cannot hold "
			    "null (element %zu)", i);
	if ((l = unify(ev, c, l, TFV_SET))->kind == TFV_UNKNOWN)
		return l;
	if (tf_spend(ev, l->n * 4))
		return over(ev, c);
	return tfv_set(ev, l);
}

static struct tfv *
fn_tolist(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;

	if (c->args[0]->kind == TFV_NULL)
		return c->args[0];
	if ((e = get_list(ev, c, 0, &l)) != NULL)
		return e;
	if ((e = unify(ev, c, l, 0))->kind == TFV_UNKNOWN || e != l)
		return e;
	if (!(l->flags & TFV_SET))
		return l;
	e = tfv_list(ev, l->n, 0);
	if (l->n > 0)
		memcpy(e->v, l->v, l->n * sizeof(*e->v));
	return e;
}

static struct tfv *
fn_tomap(struct tf_ev *ev, const struct tf_call *c)
{
	if (c->args[0]->kind == TFV_NULL)
		return c->args[0];
	if (c->args[0]->kind != TFV_MAP)
		return bad(ev, c, 0, "a map");
	return unify(ev, c, c->args[0], 0);
}

static struct tfv *
fn_tostring(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len;

	if (c->args[0]->kind == TFV_NULL || c->args[0]->kind == TFV_STRING)
		return c->args[0];
	if (tfv_to_string(ev, c->args[0], &s, &len) == -1)
		return tf_error(ev, c->at, "tostring: cannot convert %s to a "
		    "string", a_kind(c->args[0]));
	return tfv_str(ev, s, len);
}

static struct tfv *
fn_tonumber(struct tf_ev *ev, const struct tf_call *c)
{
	double	 d;

	if (c->args[0]->kind == TFV_NULL || c->args[0]->kind == TFV_NUMBER)
		return c->args[0];
	if (c->args[0]->kind == TFV_STRING && to_num(c->args[0], &d) == 0)
		return tfv_num(ev, d);
	if (c->args[0]->kind == TFV_STRING)
		return tf_error(ev, c->at, "tonumber: cannot convert \"%s\" to "
		    "a number; it must be a decimal number", c->args[0]->s);
	return tf_error(ev, c->at, "tonumber: cannot convert %s to a "
	    "number", a_kind(c->args[0]));
}

static struct tfv *
fn_tobool(struct tf_ev *ev, const struct tf_call *c)
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
	    a_kind(c->args[0]));
}

/* compact(): the strings that are neither null nor "". */
static struct tfv *
fn_compact(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**s;
	size_t		 *len, i, n = 0;
	struct tfv	*e, *l = NULL;

	if ((e = get_list(ev, c, 0, &l)) != NULL)
		return e;
	s = arena_alloc(ev->arena, (l->n + 1) * sizeof(*s));
	len = arena_alloc(ev->arena, (l->n + 1) * sizeof(*len));
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->kind == TFV_NULL)
			continue;
		if (tfv_to_string(ev, l->v[i], &s[i], &len[i]) == -1)
			return tf_error(ev, c->at, "compact: argument 1 must "
			    "be a list of strings; element %zu is %s", i,
			    a_kind(l->v[i]));
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
static struct tfv *
fn_sort(struct tf_ev *ev, const struct tf_call *c)
{
	const char	**s;
	size_t		 *len, i;
	struct tfv	*e, *l = NULL;

	if ((e = get_strs(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (tf_spend(ev, c->args[0]->n * 4))
		return over(ev, c);
	l = tfv_list(ev, c->args[0]->n, 0);
	for (i = 0; i < l->n; i++)
		l->v[i] = c->args[0]->v[i]->kind == TFV_STRING ?
		    c->args[0]->v[i] : tfv_str(ev, s[i], len[i]);
	qsort(l->v, l->n, sizeof(*l->v), cmp_str);
	return l;
}

/* reverse(): the list known, not its elements. */
static struct tfv *
fn_reverse(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*l = NULL, *e;
	size_t		 i;

	if (c->args[0]->kind == TFV_UNKNOWN)
		return unknown_of(ev, c->args[0]);
	if ((e = get_list(ev, c, 0, &l)) != NULL)
		return e;
	if (tf_spend(ev, l->n))
		return over(ev, c);
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
		if ((e = get_list(ev, c, i, &l)) != NULL)
			return e;
		if ((n += l->n) > TF_MAX_ELEMS)
			return tf_error(ev, c->at, "%s: more than %lu "
			    "elements", c->name, TF_MAX_ELEMS);
	}
	if (tf_spend(ev, n * 4))
		return over(ev, c);
	all = tfv_list(ev, n, 0);
	for (n = 0, i = 0; i < c->nargs; i++) {
		memcpy(all->v + n, c->args[i]->v,
		    c->args[i]->n * sizeof(*all->v));
		n += c->args[i]->n;
	}
	if ((all = unify(ev, c, all, 0))->kind == TFV_UNKNOWN)
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

static struct tfv *
fn_setunion(struct tf_ev *ev, const struct tf_call *c)
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

static struct tfv *
fn_setintersection(struct tf_ev *ev, const struct tf_call *c)
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

static struct tfv *
fn_setsubtract(struct tf_ev *ev, const struct tf_call *c)
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
static struct tfv *
fn_range(struct tf_ev *ev, const struct tf_call *c)
{
	double		 a[3] = { 0, 0, 0 }, from = 0, to, step, x;
	struct tfv	*e, *l = NULL;
	size_t		 i, n;

	for (i = 0; i < c->nargs; i++)
		if ((e = get_num(ev, c, i, &a[i])) != NULL)
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

/* ---- numbers ---- */

static struct tfv *
fn_abs(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d;

	if ((e = get_num(ev, c, 0, &d)) != NULL)
		return e;
	return tfv_num(ev, fabs(d));
}

/* ceil() and floor(), never -0, which Terraform's numbers have not. */
static struct tfv *
fn_ceil(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d;

	if ((e = get_num(ev, c, 0, &d)) != NULL)
		return e;
	return tfv_num(ev, ceil(d) + 0.0);
}

static struct tfv *
fn_floor(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d;

	if ((e = get_num(ev, c, 0, &d)) != NULL)
		return e;
	return tfv_num(ev, floor(d) + 0.0);
}

static struct tfv *
fn_min(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d, r = 0;
	size_t		 i;
	int		 max = c->name[1] == 'a';

	for (i = 0; i < c->nargs; i++) {
		if ((e = get_num(ev, c, i, &d)) != NULL)
			return e;
		if (i == 0 || (max ? d > r : d < r))
			r = d;
	}
	return tfv_num(ev, r);
}

static struct tfv *
fn_max(struct tf_ev *ev, const struct tf_call *c)
{
	return fn_min(ev, c);
}

/*
 * alltrue() and anytrue(), as Terraform: a known false (true) decides
 * even when other elements are unknown; a null counts as false.
 */
static struct tfv *
fn_alltrue(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*l = c->args[0], *unk = NULL;
	size_t			 i;
	int			 any = c->name[1] == 'n', b;

	if (l->kind == TFV_UNKNOWN)
		return unknown_of(ev, c->args[0]);
	if (l->kind != TFV_LIST)
		return bad(ev, c, 0, "a list of bools");
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->kind == TFV_UNKNOWN) {
			if (unk == NULL)
				unk = l->v[i];
			continue;
		}
		if (l->v[i]->kind == TFV_NULL) {
			if (!any)
				return tfv_bool(ev, 0);
			continue;
		}
		if (tfv_to_bool(l->v[i], &b) == -1)
			return tf_error(ev, c->at, "%s: argument 1 must be a "
			    "list of bools; element %zu is %s", c->name, i,
			    a_kind(l->v[i]));
		if (b == any)
			return tfv_bool(ev, any);
	}
	if (unk != NULL)
		return unknown_of(ev, (struct tfv *)unk);
	return tfv_bool(ev, !any);
}

static struct tfv *
fn_anytrue(struct tf_ev *ev, const struct tf_call *c)
{
	return fn_alltrue(ev, c);
}

/* sensitive() and nonsensitive(): irsalint keeps no marks. */
static struct tfv *
fn_identity(struct tf_ev *ev, const struct tf_call *c)
{
	(void)ev;
	return c->args[0];
}

/* ---- hashes and base64 ---- */

static struct tfv *
hex(struct tf_ev *ev, const unsigned char *d, size_t n)
{
	char	 s[65];
	size_t	 i;

	for (i = 0; i < n; i++)
		snprintf(s + 2 * i, 3, "%02x", d[i]);
	return tfv_str(ev, s, 2 * n);
}

#define ROL(x, n)	(((x) << (n)) | ((x) >> (32 - (n))))
#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

/*
 * The message padded as MD5 and the SHAs want it: a 1 bit, zeros, the
 * length in bits (little-endian for MD5), to a multiple of 64 bytes.
 * The caller frees it.
 */
static unsigned char *
md_pad(const unsigned char *m, size_t len, size_t *plen, int little)
{
	unsigned char	*p;
	uint64_t	 bits = (uint64_t)len * 8;
	size_t		 i;

	*plen = (len + 9 + 63) / 64 * 64;
	p = xcalloc(1, *plen);
	memcpy(p, m, len);
	p[len] = 0x80;
	for (i = 0; i < 8; i++)
		p[little ? *plen - 8 + i : *plen - 1 - i] =
		    (unsigned char)(bits >> (8 * i));
	return p;
}

/* RFC 1321. */
static void
md5(const unsigned char *m, size_t len, unsigned char *out)
{
	static const uint32_t	 K[64] = {
		0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf,
		0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af,
		0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e,
		0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
		0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6,
		0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
		0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
		0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
		0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
		0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97,
		0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d,
		0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
		0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
	};
	static const int	 S[64] = {
		7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
		5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
		4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
		6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
	};
	uint32_t	 h[4] = { 0x67452301, 0xefcdab89, 0x98badcfe,
			    0x10325476 };
	uint32_t	 w[16], a, b, cc, d, f, t;
	unsigned char	*p;
	size_t		 plen, off, i;
	int		 g;

	if ((p = md_pad(m, len, &plen, 1)) == NULL)
		return;
	for (off = 0; off < plen; off += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[off + 4 * i] |
			    (uint32_t)p[off + 4 * i + 1] << 8 |
			    (uint32_t)p[off + 4 * i + 2] << 16 |
			    (uint32_t)p[off + 4 * i + 3] << 24;
		a = h[0];
		b = h[1];
		cc = h[2];
		d = h[3];
		for (i = 0; i < 64; i++) {
			if (i < 16) {
				f = (b & cc) | (~b & d);
				g = (int)i;
			} else if (i < 32) {
				f = (d & b) | (~d & cc);
				g = (int)(5 * i + 1) % 16;
			} else if (i < 48) {
				f = b ^ cc ^ d;
				g = (int)(3 * i + 5) % 16;
			} else {
				f = cc ^ (b | ~d);
				g = (int)(7 * i) % 16;
			}
			t = d;
			d = cc;
			cc = b;
			f = f + a + K[i] + w[g];
			b = b + ROL(f, S[i]);
			a = t;
		}
		h[0] += a;
		h[1] += b;
		h[2] += cc;
		h[3] += d;
	}
	free(p);
	for (i = 0; i < 16; i++)
		out[i] = (unsigned char)(h[i / 4] >> (8 * (i % 4)));
}

/* FIPS 180-4. */
static void
sha1(const unsigned char *m, size_t len, unsigned char *out)
{
	uint32_t	 h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe,
			    0x10325476, 0xc3d2e1f0 };
	uint32_t	 w[80], a, b, cc, d, e, f, k, t;
	unsigned char	*p;
	size_t		 plen, off, i;

	if ((p = md_pad(m, len, &plen, 0)) == NULL)
		return;
	for (off = 0; off < plen; off += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[off + 4 * i] << 24 |
			    (uint32_t)p[off + 4 * i + 1] << 16 |
			    (uint32_t)p[off + 4 * i + 2] << 8 |
			    (uint32_t)p[off + 4 * i + 3];
		for (i = 16; i < 80; i++)
			w[i] = ROL(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^
			    w[i - 16], 1);
		a = h[0];
		b = h[1];
		cc = h[2];
		d = h[3];
		e = h[4];
		for (i = 0; i < 80; i++) {
			if (i < 20) {
				f = (b & cc) | (~b & d);
				k = 0x5a827999;
			} else if (i < 40) {
				f = b ^ cc ^ d;
				k = 0x6ed9eba1;
			} else if (i < 60) {
				f = (b & cc) | (b & d) | (cc & d);
				k = 0x8f1bbcdc;
			} else {
				f = b ^ cc ^ d;
				k = 0xca62c1d6;
			}
			t = ROL(a, 5) + f + e + k + w[i];
			e = d;
			d = cc;
			cc = ROL(b, 30);
			b = a;
			a = t;
		}
		h[0] += a;
		h[1] += b;
		h[2] += cc;
		h[3] += d;
		h[4] += e;
	}
	free(p);
	for (i = 0; i < 20; i++)
		out[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
}

/* FIPS 180-4. */
static void
sha256(const unsigned char *m, size_t len, unsigned char *out)
{
	static const uint32_t	 K[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b,
		0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
		0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
		0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
		0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
		0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
		0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
		0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
		0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
		0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
		0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
		0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
	};
	uint32_t	 h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
			    0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
			    0x5be0cd19 };
	uint32_t	 w[64], v[8], s0, s1, t1, t2;
	unsigned char	*p;
	size_t		 plen, off, i;

	if ((p = md_pad(m, len, &plen, 0)) == NULL)
		return;
	for (off = 0; off < plen; off += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[off + 4 * i] << 24 |
			    (uint32_t)p[off + 4 * i + 1] << 16 |
			    (uint32_t)p[off + 4 * i + 2] << 8 |
			    (uint32_t)p[off + 4 * i + 3];
		for (i = 16; i < 64; i++) {
			s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
			    (w[i - 15] >> 3);
			s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^
			    (w[i - 2] >> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		memcpy(v, h, sizeof(v));
		for (i = 0; i < 64; i++) {
			t1 = v[7] + (ROR(v[4], 6) ^ ROR(v[4], 11) ^
			    ROR(v[4], 25)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) +
			    K[i] + w[i];
			t2 = (ROR(v[0], 2) ^ ROR(v[0], 13) ^ ROR(v[0], 22)) +
			    ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
			memmove(v + 1, v, 7 * sizeof(*v));
			v[4] += t1;
			v[0] = t1 + t2;
		}
		for (i = 0; i < 8; i++)
			h[i] += v[i];
	}
	free(p);
	for (i = 0; i < 32; i++)
		out[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
}

static struct tfv *
fn_md5(struct tf_ev *ev, const struct tf_call *c)
{
	unsigned char	 d[32];
	const char	*s;
	size_t		 len;
	struct tfv	*e;
	int		 which = c->name[0] == 'm' ? 0 : c->name[3] == '1' ?
			    1 : 2;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (tf_spend(ev, len / 64))
		return over(ev, c);
	memset(d, 0, sizeof(d));
	if (which == 0)
		md5((const unsigned char *)s, len, d);
	else if (which == 1)
		sha1((const unsigned char *)s, len, d);
	else
		sha256((const unsigned char *)s, len, d);
	return hex(ev, d, which == 0 ? 16 : which == 1 ? 20 : 32);
}

static struct tfv *
fn_sha1(struct tf_ev *ev, const struct tf_call *c)
{
	return fn_md5(ev, c);
}

static struct tfv *
fn_sha256(struct tf_ev *ev, const struct tf_call *c)
{
	return fn_md5(ev, c);
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static struct tfv *
fn_base64encode(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf		 b = BUF_INIT;
	const unsigned char	*s;
	const char		*str;
	size_t			 len, i;
	uint32_t		 x;
	struct tfv		*e;

	if ((e = get_str(ev, c, 0, &str, &len)) != NULL)
		return e;
	if (len > TF_MAX_STRING / 4 * 3)
		return tf_error(ev, c->at, "base64encode: the result is longer"
		    " than %lu bytes", TF_MAX_STRING);
	s = (const unsigned char *)str;
	for (i = 0; i + 2 < len; i += 3) {
		x = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
		buf_addc(&b, b64[x >> 18]);
		buf_addc(&b, b64[(x >> 12) & 63]);
		buf_addc(&b, b64[(x >> 6) & 63]);
		buf_addc(&b, b64[x & 63]);
	}
	if (i < len) {
		x = (uint32_t)s[i] << 16 | (i + 1 < len ?
		    (uint32_t)s[i + 1] << 8 : 0);
		buf_addc(&b, b64[x >> 18]);
		buf_addc(&b, b64[(x >> 12) & 63]);
		buf_addc(&b, i + 1 < len ? b64[(x >> 6) & 63] : '=');
		buf_addc(&b, '=');
	}
	return result(ev, c, &b);
}

/*
 * base64decode(): standard padded base64, as Go's StdEncoding (which
 * skips newlines), and the result must be UTF-8.
 */
static struct tfv *
fn_base64decode(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s, *p;
	size_t		 len, i, n = 0, pads = 0;
	uint32_t	 x = 0, cp;
	struct tfv	*e;

	if ((e = get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = 0; i < len; i++) {
		if (s[i] == '\n' || s[i] == '\r')
			continue;
		if (s[i] == '=') {
			pads++;
			continue;
		}
		if (pads > 0 || s[i] == '\0' ||
		    (p = strchr(b64, s[i])) == NULL)
			goto bad;
		x = x << 6 | (uint32_t)(p - b64);
		if (++n % 4 == 0) {
			buf_addc(&b, (char)(x >> 16));
			buf_addc(&b, (char)(x >> 8));
			buf_addc(&b, (char)x);
			x = 0;
		}
	}
	if ((n + pads) % 4 != 0 || pads > 2 || (pads > 0 && n % 4 + pads != 4)
	    || n % 4 == 1)
		goto bad;
	if (n % 4 == 2)
		buf_addc(&b, (char)(x >> 4));
	else if (n % 4 == 3) {
		buf_addc(&b, (char)(x >> 10));
		buf_addc(&b, (char)(x >> 2));
	}
	for (i = 0; i < b.len; )
		if (u8dec(b.buf, b.len, &i, &cp) == -1) {
			buf_release(&b);
			return tf_error(ev, c->at, "base64decode: the result "
			    "is not UTF-8");
		}
	return result(ev, c, &b);
bad:
	buf_release(&b);
	return tf_error(ev, c->at, "base64decode: the string is not base64");
}
