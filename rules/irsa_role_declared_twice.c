/* SPDX-License-Identifier: ISC */
/* Flag a role that two inputs declare with different trust policies. */
#include <stddef.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "policy.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);

const struct rule rule_irsa_role_declared_twice = {
	.id = "irsa-role-declared-twice",
	.severity = SEV_WARNING,
	.summary = "two inputs declare one role with different trust "
	    "policies",
	.explain =
	    "An IAM role is its account, path and name.  When two inputs "
	    "declare the same role (two Terraform roots, Terraform and an "
	    "ACK Role, an ACK Role and a Crossplane Role), whichever tool "
	    "applies last writes its trust policy over the other's, and "
	    "the two keep undoing each other: which ServiceAccounts may "
	    "assume the role depends on which ran last.  irsalint checks "
	    "ServiceAccounts against the first declaration of the inputs "
	    "(in the order they were given) and reports each later one "
	    "whose trust policy says something else, at its trust.  Two "
	    "declarations with the same trust are not reported.\n"
	    "Fix: keep one declaration of the role and remove the other, "
	    "or give one of them another name or path.",
	.check_role = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	const struct iam_role	*first = role->dup_of;
	struct diag		*d;

	if (first == NULL || role->trust == NULL || first->trust == NULL ||
	    role->trust_partial || first->trust_partial ||
	    (role->policy_json != NULL && first->policy_json != NULL &&
	    strcmp(role->policy_json, first->policy_json) == 0) ||
	    policy_same(role->trust, first->trust))
		return;
	d = rule_report_role(ctx->dg, r, r->severity, ctx->m, role,
	    "role %s is declared again with another trust policy than in %s; "
	    "ServiceAccounts are checked against %s, the first declaration "
	    "of the inputs", role->name, first->address, first->address);
	diag_related(ctx->dg, d, &first->loc, first->address,
	    "the declaration ServiceAccounts are checked against");
}
