/* SPDX-License-Identifier: ISC */
/*
 * Internal to the Terraform sources loader (tf_src.c, tf_val.c,
 * tf_eval.c, tf_func.c, tf_doc.c): the values an expression evaluates
 * to, and the evaluator's context.  Nothing else includes it.
 *
 * A value is what Terraform's would be, with one more kind: unknown,
 * a value that only a plan or an apply can tell (a variable without a
 * value, a computed attribute, another module's output).  An unknown
 * says what it depends on and where that was written, so that a rule
 * can say what it could not check.  Every value lives in the arena of
 * the evaluation and is never changed once made: values are shared.
 */
#ifndef TF_SRC_H
#define TF_SRC_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "hcl.h"

struct arena;
struct buf;
struct diags;
struct tf_ev;

enum tfv_kind {
	TFV_NULL = 0,
	TFV_BOOL,
	TFV_NUMBER,
	TFV_STRING,
	TFV_LIST,	/* a tuple, a list or a set: v[0..n) */
	TFV_MAP,	/* an object or a map: k[i] = v[i], keys sorted */
	TFV_UNKNOWN	/* known only after a plan or an apply */
};

#define TFV_SET		0x1	/* LIST: a set; elements sorted, unique */
#define TFV_ERROR	0x2	/* UNKNOWN: an error, already reported */
#define TFV_BLOCKS	0x4	/* LIST: nested blocks of one type */
/*
 * MAP: a resource's or a data source's instance, whose arguments not
 * written are known only after apply: an attribute it lacks is an
 * unknown named after why, the instance's address.
 */
#define TFV_OPEN	0x8
/*
 * UNKNOWN: stands in a map for an entry whose key is unknown
 * ({"${var.issuer}:sub" = "..."}); json_of is the entry's value, and
 * the map's key for it is "\001N\001" and the key's known end.  A trust keeps the entry, its
 * key unknown, and checks its values.
 */
#define TFV_UKEY	0x10
/*
 * UNKNOWN: known to be a string (a template's result, a resource's
 * arn, id or name), so flatten() and the like keep it as one element
 * where an unknown of any type could be a list.
 */
#define TFV_USTR	0x20

/* Where a value was written: the expression it came from. */
struct tf_at {
	const struct hcl_file	*file;
	struct hcl_range	 range;
};

struct tfv {
	enum tfv_kind		 kind;
	unsigned int		 flags;		/* TFV_* */
	int			 b;		/* BOOL */
	double			 num;		/* NUMBER */
	const char		*s;		/* STRING: NUL-terminated; UNKNOWN
						   string: its known end, as
						   ":sub" of "${x}:sub", or
						   NULL */
	size_t			 len;		/* STRING: bytes of s */
	struct tfv		**v;		/* LIST, MAP: the elements */
	const char		**k;		/* MAP: the keys, sorted
						   bytewise, unique */
	size_t			 n;		/* LIST, MAP: how many */
	/*
	 * UNKNOWN: what it depends on, in words a user reads in a
	 * message ("module.eks.oidc_provider_arn", "var.cluster"), and
	 * where that was written.
	 */
	const char		*why;
	const struct tf_at	*at;		/* may be NULL */
	/*
	 * The structure jsonencode() or a policy document encodes: of an
	 * UNKNOWN text, so that a trust can be read from what is known;
	 * of a STRING, so that a trust's conditions can be placed where
	 * they were written.  NULL when there is none.
	 */
	const struct tfv	*json_of;
	const char		*doc;	/* UNKNOWN json of a policy document
					   data source: its address */
	/*
	 * Caches of tfv_size() and tfv_first_unknown(): values share
	 * their elements, so that [local.a, local.a] nested sixty times
	 * is small in memory and huge written out; each is computed once
	 * per value, in time linear in the memory.  Filled on first use,
	 * once the value is complete.
	 */
	size_t			 size;		/* 0: not computed */
	const struct tfv	*unk;
	int			 unk_done;
};

/*
 * The most elements a value may have written out (every element of
 * every list and map, counted as often as it appears, and a string one
 * more for each 16 bytes).  An expression
 * whose value is larger is an error: jsonencode() of it, a resource's
 * arguments or a comparison would never end.
 */
#define TF_MAX_SIZE	4000000UL

/* ---- tf_val.c: making and reading values ---- */

struct tfv	*tfv_null(struct tf_ev *);
struct tfv	*tfv_bool(struct tf_ev *, int);
struct tfv	*tfv_num(struct tf_ev *, double);
struct tfv	*tfv_str(struct tf_ev *, const char *, size_t);
struct tfv	*tfv_strz(struct tf_ev *, const char *);
/* An empty list of n elements for the caller to fill; flags TFV_*. */
struct tfv	*tfv_list(struct tf_ev *, size_t n, unsigned int flags);
/*
 * A map of the n keys and values, sorted by key; a key given twice
 * keeps its last value.  The arrays are copied.
 */
struct tfv	*tfv_map(struct tf_ev *, const char **k, struct tfv **v,
		    size_t n);
/* A set of the elements of l: sorted, duplicates removed. */
struct tfv	*tfv_set(struct tf_ev *, const struct tfv *l);
struct tfv	*tfv_unknown(struct tf_ev *, const char *why,
		    const struct tf_at *);
/*
 * Unknown because some of v[0..n) are: their reasons joined with ", "
 * once each, the position of the first.
 */
struct tfv	*tfv_unknown_of(struct tf_ev *, struct tfv *const *v,
		    size_t n);

/* The value of key in a map, or NULL. */
struct tfv	*tfv_get(const struct tfv *map, const char *key);
/* How many values v is written out, saturated at SIZE_MAX. */
size_t		 tfv_size(const struct tfv *);
/* Is v known all the way down? */
int		 tfv_known(const struct tfv *);
/* The first unknown inside v, depth first, or NULL. */
const struct tfv *tfv_first_unknown(const struct tfv *);
/* Terraform's equality: same kind and same value, deeply. */
int		 tfv_equal(const struct tfv *, const struct tfv *);
/* Total order for sets and sort(): by kind, then value. */
int		 tfv_cmp(const struct tfv *, const struct tfv *);
/* "string", "number", "bool", "list", "map", "null", "unknown" */
const char	*tfv_kind_name(const struct tfv *);

/*
 * Terraform's automatic conversions.  Each returns 0 and sets *out,
 * or -1 when v has no such form (a list as a string); an unknown v is
 * -1 too, so check for it first.
 */
int		 tfv_to_string(struct tf_ev *, const struct tfv *,
		    const char **out, size_t *len);
int		 tfv_to_number(const struct tfv *, double *out);
int		 tfv_to_bool(const struct tfv *, int *out);
/* A number as Terraform prints it: 1, 1.5, 1e+21. */
const char	*tfv_num_text(struct tf_ev *, double);

/*
 * jsonencode(v) into b as Terraform writes it: keys sorted, no spaces,
 * "<", ">" and "&" escaped as \u003c, \u003e and \u0026.  v must be
 * known.
 */
void		 tfv_json(struct buf *, const struct tfv *);
/* One string of it: Go's escapes, a bad UTF-8 byte as U+FFFD. */
void		 tfv_json_str(struct buf *, const char *, size_t);
/* jsondecode of text; NULL when it is not JSON. */
struct tfv	*tfv_from_json(struct tf_ev *, const char *, size_t);

/*
 * As the Terraform JSON loader reads a plan: v as the "after" values
 * (unknowns left out) and, when v is not known, the "after_unknown"
 * mask (true where unknown) in *unknown, else NULL there.  An unknown
 * is a cJSON_Raw whose valuestring is its why when raw is set.  The
 * caller cJSON_Delete()s both.
 */
cJSON		*tfv_to_cjson(const struct tfv *, cJSON **unknown);
/*
 * v as a cJSON tree with each unknown a cJSON_Raw holding its why; when
 * pl is not NULL, a string written somewhere has that place appended
 * to pl (the caller frees pl->v) and its number, from 1, in valueint.
 */
struct tfv_places {
	const struct tf_at	**v;
	size_t			  n;
};
cJSON		*tfv_to_cjson_raw(const struct tfv *, struct tfv_places *);

/* ---- the evaluator's context, for functions ---- */

/*
 * The budget of one evaluation: values made, function calls, bytes of
 * strings.  Past it every evaluation is an error value, reported once.
 * And of memory: what the model's arena grows by while sources are
 * evaluated (values, and the trees and objects made on the way).
 * A step can make a value of a few hundred bytes, so the steps alone
 * let 400 bytes of .tf take a gigabyte.
 *
 * Fuzz builds (make fuzz defines FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION,
 * libFuzzer's name for a fuzzer-friendly build) run the same code with
 * budgets some hundred times smaller, so that a crafted input reaches
 * them in a millisecond rather than a second (README, Fuzzing).
 */
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define TF_MAX_WORK	100000UL
#define TF_WORK_PER_BYTE 1UL
#define TF_MAX_MEMORY	(8UL * 1024 * 1024)
#define TF_MEMORY_PER_BYTE 4UL
#define TF_MAX_STRING	(64UL * 1024)		/* bytes in one string */
#else
#define TF_MAX_WORK	10000000UL
#define TF_WORK_PER_BYTE 32UL
#define TF_MAX_MEMORY	(256UL * 1024 * 1024)
#define TF_MEMORY_PER_BYTE 128UL
#define TF_MAX_STRING	(16UL * 1024 * 1024)	/* bytes in one string */
#endif
#define TF_MAX_ELEMS	1000000UL		/* in one list or map */

struct tf_ev {
	struct arena		*arena;		/* every value */
	struct diags		*dg;		/* errors */
	unsigned long		 work;		/* spent of the budget */
	/*
	 * More steps than TF_MAX_WORK that the inputs allow: the loader
	 * adds TF_WORK_PER_BYTE for each byte of .tf it reads, so that
	 * the budget bounds time and memory in proportion to the input.
	 */
	unsigned long		 extra_work;
	size_t			 mem_base;	/* arena's total at the start */
	size_t			 extra_memory;	/* TF_MEMORY_PER_BYTE a byte */
	int			 over;		/* the budget is spent */
	int			 over_memory;	/* ...the memory budget */
	int			 over_said;	/* ...and said */
	int			 quiet;		/* inside try() or can(): errors
						   are values, not reported */
	/* The module being evaluated: path.module, for file(). */
	const char		*module_dir;
	/* Set by tf_src.c: read a file for file() and templatefile(). */
	const char		*(*read_file)(struct tf_ev *, const char *path,
				    const struct tf_at *, size_t *len);
	void			*owner;		/* tf_src.c's state */
};

/*
 * An error at a position: a diagnostic, and the error value to return
 * in place of the result (an unknown with TFV_ERROR, which no later
 * step reports again).
 */
struct tfv	*tf_error(struct tf_ev *, const struct tf_at *,
		    const char *, ...)
		    __attribute__((format(printf, 3, 4)));
/* Count work; 1 when the budget is spent (then return an error). */
int		 tf_spend(struct tf_ev *, unsigned long);

/* ---- tf_eval.c: expressions ---- */

struct tf_call;

/* A name bound by a for expression, a %{for} or a dynamic block. */
struct tf_scope {
	const char		*name;
	struct tfv		*val;
	const struct tf_scope	*next;
};

/*
 * Where an expression is evaluated: its file, the names bound around
 * it, and what the caller says the other names mean.
 */
struct tf_env {
	const struct hcl_file	*file;
	const struct tf_scope	*scope;
	/*
	 * The value a traversal's root stands for (var, local, module,
	 * data, a resource type, each, count, path...), having used
	 * *used of its steps (module.x.out uses one); NULL when the
	 * name means nothing here.
	 */
	struct tfv		*(*lookup)(struct tf_ev *,
				    const struct tf_env *,
				    const struct hcl_trav *,
				    const struct tf_at *, size_t *used);
	/* Functions that need the caller (file, templatefile); or NULL. */
	struct tfv		*(*call)(struct tf_ev *, const struct tf_env *,
				    const struct tf_call *);
	void			*mod;		/* the caller's module */
	void			*inst;		/* the caller's instance */
};

/*
 * The error value once the budget is spent; tf_over() also says so,
 * once per evaluation, at.
 */
struct tfv	*tf_stopped(struct tf_ev *);
struct tfv	*tf_over(struct tf_ev *, const struct tf_at *);

/* The value of x; never NULL. */
struct tfv	*tf_eval(struct tf_ev *, const struct tf_env *,
		    const struct hcl_expr *);

/* ---- tf_func.c: Terraform's functions ---- */

/* One call: the arguments evaluated, "..." already expanded. */
struct tf_call {
	const char		*name;		/* "lookup" */
	struct tfv		**args;
	size_t			 nargs;
	const struct tf_at	*at;		/* the call */
	const struct tf_at	**arg_at;	/* each argument's */
};

/*
 * Call a function.  Returns NULL when name is not one irsalint
 * evaluates (the caller makes that an unknown naming it).  An argument
 * that is unknown makes the result unknown (tfv_unknown_of), except
 * where Terraform can tell the result without it (length() of a list
 * with unknown elements); a wrong argument is tf_error() at the call.
 */
struct tfv	*tf_func(struct tf_ev *, const struct tf_call *);

/* ---- tf_json.c: the JSON syntax (*.tf.json) ---- */

/*
 * A .tf.json file as the tree of the native syntax: never NULL; errors
 * at their positions, counted in nerrors.
 */
struct hcl_file	*tf_json_parse(struct arena *, struct diags *,
		    const char *file, const char *data, size_t len);

/* ---- tf_doc.c: data "aws_iam_policy_document" ---- */

/*
 * The document a data source's arguments describe, as the AWS provider
 * renders it: args is its body evaluated (attributes by name, nested
 * blocks as lists of maps flagged TFV_BLOCKS, dynamic blocks already
 * expanded).  Returns the "json" attribute: a string when everything
 * is known; else an unknown whose json_of is the document's structure
 * with unknowns where they are.  Other documents (source_policy_
 * documents, override_policy_documents) are values in args.
 */
struct tfv	*tf_doc_render(struct tf_ev *, const struct tfv *args,
		    const struct tf_at *at);

#endif /* TF_SRC_H */
