/* SPDX-License-Identifier: ISC */
/*
 * IAM policy documents (trust policies) parsed from their JSON text, and
 * the offline evaluation of conditions against a request context.
 */
#ifndef POLICY_H
#define POLICY_H

#include <stddef.h>

struct arena;

/* Three-valued logic: a value we cannot know makes the result unknown. */
enum tri {
	TRI_FALSE = 0,
	TRI_TRUE,
	TRI_UNKNOWN
};

enum tri	tri_and(enum tri, enum tri);
enum tri	tri_or(enum tri, enum tri);
enum tri	tri_not(enum tri);

struct strv {
	const char	**v;	/* arena array of arena strings */
	size_t		  n;
};

enum cond_base {
	COND_STRING_EQUALS,
	COND_STRING_NOT_EQUALS,
	COND_STRING_EQUALS_IC,		/* ...IgnoreCase */
	COND_STRING_NOT_EQUALS_IC,
	COND_STRING_LIKE,
	COND_STRING_NOT_LIKE,
	COND_ARN_EQUALS,
	COND_ARN_NOT_EQUALS,
	COND_ARN_LIKE,
	COND_ARN_NOT_LIKE,
	COND_NULL,
	COND_BOOL,
	COND_OTHER			/* numeric, date, ip, ...: not evaluated */
};

/*
 * The largest policy document read, in bytes: many times what IAM
 * accepts for a trust policy, and a bound on the statements every
 * ServiceAccount's token is evaluated against.
 */
#define POLICY_MAX_SIZE	(64 * 1024)

#define COND_FORANY	0x1	/* ForAnyValue: prefix */
#define COND_FORALL	0x2	/* ForAllValues: prefix */
#define COND_IFEXISTS	0x4	/* ...IfExists suffix */

struct pcond_index;

/* One key under one operator: "StringEquals": {"<key>": [values]}. */
struct pcond {
	const char	*op;		/* operator as written */
	enum cond_base	 base;
	unsigned int	 flags;		/* COND_* */
	const char	*key;		/* as written; NULL: unknown until apply */
	const char	*key_end;	/* key NULL: its known end (":aud"),
					   or NULL */
	struct strv	 values;	/* a NULL value: unknown until apply */
	unsigned int	 origin;	/* policy_from_tree(): where it was
					   written (the first value's
					   valueint), 0 when not known */
	const struct pcond_index *index; /* policy_parse(): the values of
					   a long StringEquals or StringLike
					   list by their first bytes, so that
					   a context value is matched against
					   those that can match it; NULL:
					   every value is tried */
};

struct pstmt {
	size_t		 index;		/* 0-based position in Statement */
	const char	*sid;		/* NULL when absent */
	int		 allow;		/* Effect is "Allow" */
	int		 deny;		/* Effect is "Deny" */
	struct strv	 actions;	/* Action, or NotAction when not_action */
	int		 not_action;
	int		 principal_star;	/* "*" or {"AWS": "*"} */
	struct strv	 federated;	/* a NULL entry: unknown until apply */
	struct strv	 service;
	struct strv	 aws;
	int		 has_not_principal;
	int		 has_resource;	/* Resource or NotResource present */
	struct pcond	*conds;
	size_t		 nconds;
	unsigned int	 origin;	/* policy_from_tree(): the Federated
					   principal's place, as pcond's */
	unsigned char	 irsa;		/* trust_stmt_is_irsa()'s answers,
					   kept once known (trust.c) */
};

struct policy {
	const char	*version;	/* NULL when absent */
	struct pstmt	*st;
	size_t		 n;
};

/*
 * Parse a policy document from JSON text of len bytes.  Accepts the IAM
 * grammar's shorthands: Statement as one object or an array, and a
 * string or an array wherever a list of strings is allowed.  On success
 * store an arena-allocated policy in *out and return 0; on failure
 * return -1 with a lowercase message in err naming the JSON path, e.g.
 * "Statement[0].Principal: expected an object or \"*\"".
 */
int	policy_parse(struct arena *, const char *, size_t,
	    struct policy **, char *err, size_t errlen);

/*
 * The same from a cJSON tree that Terraform sources evaluated: a
 * cJSON_Raw stands for a value known only after apply, and a condition
 * key that is empty or starts with \001 for a key known only then.
 */
struct cJSON;
int	policy_from_tree(struct arena *, const struct cJSON *,
	    struct policy **, char *err, size_t errlen);

/*
 * What policy_parse() gives for the text cJSON prints of doc, len bytes
 * long, without parsing that text again: for a document read as part of
 * a larger JSON file (AWS CLI output).
 */
int	policy_from_json(struct arena *, const struct cJSON *doc, size_t len,
	    struct policy **, char *err, size_t errlen);

/*
 * Set a condition's op, base and flags from an operator name such as
 * "ForAnyValue:StringLikeIfExists"; unknown operators get COND_OTHER.
 */
void	pcond_set_op(struct pcond *, const char *);

/*
 * Does the statement's Action (or NotAction) cover action?  IAM matches
 * actions case-insensitively, with '*' and '?' wildcards.
 */
int	pstmt_action_matches(const struct pstmt *, const char *);

/*
 * Do two policies say the same: the same statements in whatever order,
 * each with the same effect, actions (regardless of case), principals
 * and conditions (operators and keys regardless of case), lists read
 * as sets?  Sids and formatting do not count.
 */
int	policy_same(const struct policy *, const struct policy *);

/* IAM StringLike: '*' any run, '?' one character.  Linear time. */
int	str_like(const char *pattern, const char *s);
int	str_like_icase(const char *pattern, const char *s);

/* A request context: condition keys (matched case-insensitively). */
struct req_kv {
	const char	*key;
	const char	*value;
};
struct req_ctx {
	const struct req_kv	*kv;
	size_t			 n;
};

/*
 * Evaluate one condition as IAM does: values OR'ed (NOR for negated
 * operators); a key absent from the context makes the condition false,
 * except for IfExists, ForAllValues, Null and negated operators.  A
 * value holding a policy variable "${...}", or a COND_OTHER operator,
 * gives TRI_UNKNOWN unless another value already decides.
 */
enum tri	pcond_eval(const struct pcond *, const struct req_ctx *);

#endif /* POLICY_H */
