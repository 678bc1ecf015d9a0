/* SPDX-License-Identifier: ISC */
/*
 * The rule table.  Each rule lives in rules/<id>.c as a const
 * descriptor; rules/rules.def lists them once, sorted by id.
 */
#ifndef RULE_H
#define RULE_H

#include "diag.h"

struct binding;
struct model;

struct rule {
	const char	*id;		/* stable, lowercase, hyphenated */
	enum severity	 severity;	/* default severity */
	const char	*summary;	/* one line, lowercase */
	const char	*explain;	/* why IRSA breaks and how to fix it */
	/* Called once per ServiceAccount that names a role. */
	void		(*check)(const struct rule *, struct model *,
			    const struct binding *, struct diags *);
};

#define RULE(name)	extern const struct rule rule_##name;
#include "../rules/rules.def"
#undef RULE

extern const struct rule *const rule_table[];

const struct rule	*rule_find(const char *);

#endif /* RULE_H */
