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
 *
 * This file holds the table and the dispatch; the helpers every
 * function uses are in tf_func_arg.c (include/tf_fn.h), the functions
 * themselves in tf_func_str.c, tf_func_fmt.c, tf_func_re.c,
 * tf_func_coll.c and tf_func_num.c.
 */
#include <stdlib.h>
#include <string.h>

#include "tf_fn.h"
#include "tf_src.h"

typedef struct tfv *func_fn(struct tf_ev *, const struct tf_call *);

struct func {
	const char	*name;
	int		 min, max;	/* arguments; max -1: any number */
	unsigned int	 flags;
	func_fn		*fn;
};

#define STRICT	0x1	/* unknown when any argument has an unknown */

static const struct func *find(const char *);
static int		 cmp_func(const void *, const void *);

static const struct func funcs[] = {
	{ "abs",		1, 1,	STRICT,	tf_fn_abs },
	{ "alltrue",		1, 1,	0,	tf_fn_alltrue },
	{ "anytrue",		1, 1,	0,	tf_fn_anytrue },
	{ "base64decode",	1, 1,	STRICT,	tf_fn_base64decode },
	{ "base64encode",	1, 1,	STRICT,	tf_fn_base64encode },
	{ "basename",		1, 1,	STRICT,	tf_fn_basename },
	{ "ceil",		1, 1,	STRICT,	tf_fn_ceil },
	{ "chomp",		1, 1,	STRICT,	tf_fn_chomp },
	{ "coalesce",		1, -1,	0,	tf_fn_coalesce },
	{ "coalescelist",	1, -1,	0,	tf_fn_coalescelist },
	{ "compact",		1, 1,	STRICT,	tf_fn_compact },
	{ "concat",		1, -1,	0,	tf_fn_concat },
	{ "contains",		2, 2,	STRICT,	tf_fn_contains },
	{ "dirname",		1, 1,	STRICT,	tf_fn_dirname },
	{ "distinct",		1, 1,	STRICT,	tf_fn_distinct },
	{ "element",		2, 2,	0,	tf_fn_element },
	{ "endswith",		2, 2,	STRICT,	tf_fn_endswith },
	{ "flatten",		1, 1,	0,	tf_fn_flatten },
	{ "floor",		1, 1,	STRICT,	tf_fn_floor },
	{ "format",		1, -1,	STRICT,	tf_fn_format },
	{ "formatlist",		1, -1,	STRICT,	tf_fn_formatlist },
	{ "index",		2, 2,	STRICT,	tf_fn_index },
	{ "join",		2, -1,	STRICT,	tf_fn_join },
	{ "jsondecode",		1, 1,	STRICT,	tf_fn_jsondecode },
	{ "jsonencode",		1, 1,	0,	tf_fn_jsonencode },
	{ "keys",		1, 1,	0,	tf_fn_keys },
	{ "length",		1, 1,	0,	tf_fn_length },
	{ "lookup",		2, 3,	0,	tf_fn_lookup },
	{ "lower",		1, 1,	STRICT,	tf_fn_lower },
	{ "max",		1, -1,	STRICT,	tf_fn_max },
	{ "md5",		1, 1,	STRICT,	tf_fn_md5 },
	{ "merge",		0, -1,	0,	tf_fn_merge },
	{ "min",		1, -1,	STRICT,	tf_fn_min },
	{ "nonsensitive",	1, 1,	0,	tf_fn_identity },
	{ "one",		1, 1,	0,	tf_fn_one },
	{ "range",		1, 3,	STRICT,	tf_fn_range },
	{ "regex",		2, 2,	STRICT,	tf_fn_regex },
	{ "regexall",		2, 2,	STRICT,	tf_fn_regexall },
	{ "replace",		3, 3,	STRICT,	tf_fn_replace },
	{ "reverse",		1, 1,	0,	tf_fn_reverse },
	{ "sensitive",		1, 1,	0,	tf_fn_identity },
	{ "setintersection",	1, -1,	STRICT,	tf_fn_setintersection },
	{ "setsubtract",	2, 2,	STRICT,	tf_fn_setsubtract },
	{ "setunion",		1, -1,	STRICT,	tf_fn_setunion },
	{ "sha1",		1, 1,	STRICT,	tf_fn_sha1 },
	{ "sha256",		1, 1,	STRICT,	tf_fn_sha256 },
	{ "slice",		3, 3,	0,	tf_fn_slice },
	{ "sort",		1, 1,	STRICT,	tf_fn_sort },
	{ "split",		2, 2,	STRICT,	tf_fn_split },
	{ "startswith",		2, 2,	STRICT,	tf_fn_startswith },
	{ "strcontains",	2, 2,	STRICT,	tf_fn_strcontains },
	{ "substr",		3, 3,	STRICT,	tf_fn_substr },
	{ "title",		1, 1,	STRICT,	tf_fn_title },
	{ "tobool",		1, 1,	STRICT,	tf_fn_tobool },
	{ "tolist",		1, 1,	STRICT,	tf_fn_tolist },
	{ "tomap",		1, 1,	STRICT,	tf_fn_tomap },
	{ "tonumber",		1, 1,	STRICT,	tf_fn_tonumber },
	{ "toset",		1, 1,	STRICT,	tf_fn_toset },
	{ "tostring",		1, 1,	STRICT,	tf_fn_tostring },
	{ "trim",		2, 2,	STRICT,	tf_fn_trim },
	{ "trimprefix",		2, 2,	STRICT,	tf_fn_trimprefix },
	{ "trimspace",		1, 1,	STRICT,	tf_fn_trimspace },
	{ "trimsuffix",		2, 2,	STRICT,	tf_fn_trimsuffix },
	{ "upper",		1, 1,	STRICT,	tf_fn_upper },
	{ "values",		1, 1,	0,	tf_fn_values },
	{ "yamlencode",		1, 1,	0,	tf_fn_yamlencode },
	{ "zipmap",		2, 2,	0,	tf_fn_zipmap },
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
			if ((r = tff_walk(ev, c->args[i], 0, &u, &open, NULL)) < 0)
				return r == -2 ? tff_over(ev, c) :
				    tf_error(ev, c->at, "%s: argument %zu "
				    "is nested deeper than %d", c->name, i + 1,
				    HCL_MAX_DEPTH);
			if (u != NULL || open != NULL)
				return tff_unknown_for(ev, c->args, c->nargs);
		}
	return f->fn(ev, c);
}
