/* SPDX-License-Identifier: ISC */
/*
 * The rule table.  Each rule lives in rules/<id>.c as a const
 * descriptor; rules/rules.def lists them once, sorted by id.
 */
#ifndef RULE_H
#define RULE_H

#include <stddef.h>

#include "diag.h"
#include "strmap.h"

struct binding;
struct k8s_obj;
struct model;
struct iam_role;

/* What every check function is given. */
struct check_ctx {
	struct model		*m;
	struct diags		*dg;
	const struct binding	*bindings;	/* one per annotated SA */
	size_t			 nbindings;
	struct strmap		 binding_of;	/* SA "ns/name" to binding */
	/* engine_count_admitted(): every SA's sub claim, sorted, on demand */
	const char		**subjects;
	size_t			 nsubjects;
	int			 have_subjects;
	size_t			 like_budget;	/* pattern matches left */
	struct strmap		 admitted;	/* pattern to its count */
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
	/* Once per Terraform role. */
	void		(*check_role)(const struct rule *,
			    struct check_ctx *, const struct iam_role *);
	/* Once per run, for checks across the whole model. */
	void		(*check_model)(const struct rule *,
			    struct check_ctx *);
};

#define RULE(name)	extern const struct rule rule_##name;
#include "../rules/rules.def"
#undef RULE

extern const struct rule *const rule_table[];

const struct rule	*rule_find(const char *);

#endif /* RULE_H */
