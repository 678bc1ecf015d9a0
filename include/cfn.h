/* SPDX-License-Identifier: ISC */
/*
 * Internal to the CloudFormation loader (load_cfn.c reads a template
 * into a tree, cfn_eval.c evaluates its intrinsic functions, cfn_res.c
 * reads its resources into the model).  Nothing else includes it.
 */
#ifndef CFN_H
#define CFN_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "input.h"
#include "load.h"
#include "policy.h"
#include "strmap.h"

struct iam_role;
struct model;

/* In a string, a part known only once deployed (see load_cfn.c). */
#define CFN_UNKNOWN	'\001'
#define CFN_MAX_NODES	200000	/* a 1 MB template has far fewer */
/*
 * The longest string Fn::Sub or Fn::Join may build: the largest
 * template CloudFormation accepts is 1 MB, and without a bound a short
 * template that repeats a long parameter would expand without end.
 */
#define CFN_MAX_TEXT	LOAD_MAX_SCALAR
/*
 * Values made while parsing and evaluating: intrinsics make new ones
 * (Fn::Split, list parameters), so a bound on the parsed tree alone
 * would not bound memory.
 */
#define CFN_MAX_VALUES	2000000
/* How much of the list of unknowns a message quotes. */
#define CFN_MAX_WHYS	512

enum cn_type {
	CN_NULL,		/* null, ~ or an empty value */
	CN_STR,
	CN_SEQ,
	CN_MAP,
	CN_UNKNOWN,		/* known only once deployed */
	CN_NOVALUE		/* AWS::NoValue: the property is left out */
};

/* A node of the template as parsed, or a value as evaluated. */
struct cn {
	enum cn_type	 type;
	const char	*key;		/* in a mapping, its key; else NULL */
	const char	*str;		/* CN_STR; CN_UNKNOWN: text or NULL */
	const char	*why;		/* CN_UNKNOWN: what it depends on */
	struct loc	 loc;		/* the value */
	struct loc	 key_loc;	/* its key, in a mapping */
	struct cn	*kids;		/* items or entries, in file order */
	struct cn	*next;
};

/* An anchor of the sections read, for the aliases after it. */
struct cfn_anchor {
	const char		*name;
	const struct cn		*node;
	struct cfn_anchor	*next;
};

/* A condition of Conditions, evaluated once (cfn_cond()). */
struct cfn_cond {
	enum tri	 value;
	int		 busy;		/* being evaluated: a cycle */
};

/* One entry of Resources. */
struct cfn_res {
	const char	*id;		/* logical id */
	const char	*type;		/* NULL when not a string */
	const struct cn	*node;		/* the resource's mapping */
	const struct cn	*props;		/* its Properties, or NULL */
	struct iam_role	*role;		/* for an AWS::IAM::Role */
	int		 absent;	/* its Condition is false */
};

/* The state of one load_cfn(). */
struct cfn {
	struct model		*m;
	struct diags		*dg;
	const char		*file;
	struct arena		 a;	/* the tree; released at the end */
	struct input		 in;	/* the template's events */
	size_t			 nodes;
	size_t			 values;	/* made by cn_new() */
	int			 over;	/* values > CFN_MAX_VALUES */
	struct cfn_anchor	*anchors;
	const struct cn		*params;	/* Parameters, or NULL */
	const struct cn		*resources;	/* Resources, or NULL */
	const struct cn		*mappings;	/* Mappings, or NULL */
	const struct cn		*conditions;	/* Conditions, or NULL */
	struct strmap		 cond_state;	/* name to struct cfn_cond */
	struct cfn_res		*res;
	size_t			 nres;
	struct strmap		 param_by_name;	/* of Parameters' entries */
	struct strmap		 res_by_id;	/* of res */
	struct buf		 whys;	/* unknowns met, for messages */
};

/* load_cfn.c: the tree. */
struct cn		*cn_new(struct cfn *, enum cn_type, const struct loc *);
const struct cn		*cn_get(const struct cn *, const char *);
int			 cn_equal(const struct cn *, const struct cn *);

/* cfn_eval.c: intrinsic functions, Conditions and Mappings. */
struct cn		*ev_node(struct cfn *, const struct cn *, int);
enum tri		 cfn_cond(struct cfn *, const struct cn *,
			    const char *, int);
/* Does s hold a part known only once deployed (CFN_UNKNOWN)? */
int			 cfn_has_unknown(const char *);

/* cfn_res.c: from the evaluated tree to the model. */
void			 cfn_resources(struct cfn *);
const struct cfn_res	*cfn_find(const struct cfn *, const char *);

#endif /* CFN_H */
