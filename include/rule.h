/* SPDX-License-Identifier: ISC */
/*
 * The rule API: what a rule is, what its check function is given, and
 * the helpers it reports through.  Each rule lives in rules/<id>.c as a
 * const descriptor; rules/rules.def lists them once, sorted by id.  A
 * rule sees the model, the bindings and the diagnostics, never a
 * loader, a reporter or the engine's own state.
 */
#ifndef RULE_H
#define RULE_H

#include <stddef.h>

#include "diag.h"

struct binding;
struct bindings;
struct rule_memo;
struct iam_role;
struct k8s_obj;
struct model;

/* What every check function is given. */
struct check_ctx {
	const struct model	*m;
	struct diags		*dg;
	const struct bindings	*b;		/* one per annotated SA */
	struct rule_memo	*memo;		/* shared by rules; rule.c */
};

/*
 * A rule sets exactly one check function; the engine calls it once per
 * subject of that kind, in model order.
 */
struct rule {
	const char	*id;		/* stable, lowercase, hyphenated */
	enum severity	 severity;	/* default severity */
	const char	*summary;	/* one line, lowercase */
	const char	*explain;	/* why IRSA breaks and how to fix it */
	/* Once per ServiceAccount that names a role. */
	void		(*check_binding)(const struct rule *,
			    struct check_ctx *, const struct binding *);
	/* Once per Kubernetes object. */
	void		(*check_object)(const struct rule *,
			    struct check_ctx *, const struct k8s_obj *);
	/* Once per IAM role, whatever input declared it. */
	void		(*check_role)(const struct rule *,
			    struct check_ctx *, const struct iam_role *);
	/* Once per run, for checks across the whole model. */
	void		(*check_model)(const struct rule *,
			    struct check_ctx *);
};

/*
 * What a rule hands trust_each_cond() (trust.h) for its callback: the
 * rule, the context and the role being checked.
 */
struct rule_each {
	const struct rule	*r;
	struct check_ctx	*ctx;
	const struct iam_role	*role;
};

/* The table, in rules.def order, NULL-terminated (rules/rules.c). */
extern const struct rule *const rule_table[];

const struct rule	*rule_find(const char *);
/* The rule id nearest to a mistyped one, or NULL. */
const struct rule	*rule_nearest(const char *);

/*
 * Report a finding about a binding's ServiceAccount at loc, with
 * severity sev: the message is prefixed with the object, and the
 * role, when resolved, is attached as the AWS side.
 */
struct diag	*rule_report(struct diags *, const struct rule *,
		    enum severity, const struct model *,
		    const struct binding *, const struct loc *,
		    const char *, ...)
		    __attribute__((format(printf, 7, 8)));
/* A finding about one Kubernetes object: "Kind ns/name: message". */
struct diag	*rule_report_obj(struct diags *, const struct rule *,
		    enum severity, const struct model *,
		    const struct k8s_obj *, const struct loc *,
		    const char *, ...)
		    __attribute__((format(printf, 7, 8)));
/* A finding about an IAM role, at its position: "address: message". */
struct diag	*rule_report_role(struct diags *, const struct rule *,
		    enum severity, const struct model *,
		    const struct iam_role *, const char *, ...)
		    __attribute__((format(printf, 6, 7)));

/*
 * A note at the place in the sources where a part of a role's trust
 * (a condition's or a principal's origin) was written, when known.
 */
void		 rule_trust_note(struct diags *, struct diag *,
		    const struct iam_role *, unsigned int origin,
		    const char *what);

/* The binding of a ServiceAccount object, or NULL when it names no role. */
const struct binding *rule_binding_of(const struct check_ctx *,
		    const struct k8s_obj *);
/* Does some ServiceAccount of the inputs name this role? */
int		 rule_role_used(const struct check_ctx *,
		    const struct iam_role *);
/*
 * How many ServiceAccounts of the inputs the StringLike pattern admits
 * as sub, in *n.  Returns 0, counting nothing, once the run's budget
 * of pattern matches is spent.
 */
int		 rule_count_admitted(struct check_ctx *, const char *,
		    size_t *);

/*
 * StringLike matches rule_count_admitted() may make in one run: far
 * more than real inputs need, few enough that a crafted input with
 * thousands of patterns and ServiceAccounts stays fast.
 */
#define RULE_LIKE_BUDGET	10000000

/*
 * For the engine, and tests of the helpers: the context rules are
 * given, with a budget of like_budget pattern matches; release frees
 * the memos.
 */
void		 rule_ctx_init(struct check_ctx *, const struct model *,
		    struct diags *, const struct bindings *,
		    size_t like_budget);
void		 rule_ctx_release(struct check_ctx *);

#endif /* RULE_H */
