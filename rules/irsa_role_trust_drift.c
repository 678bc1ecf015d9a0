/* SPDX-License-Identifier: ISC */
/* Note a declared role whose deployed trust policy says something else. */
#include <stddef.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "policy.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);

const struct rule rule_irsa_role_trust_drift = {
	.id = "irsa-role-trust-drift",
	.severity = SEV_NOTE,
	.summary = "the deployed role's trust policy differs from its "
	    "declaration",
	.explain =
	    "When the inputs hold a role's declaration (Terraform, "
	    "CloudFormation, ACK, Crossplane) and also what is deployed "
	    "(aws iam get-role or list-roles output), the two are one role, "
	    "and irsalint checks the declared trust: it is what the next "
	    "apply makes.  When the deployed trust says something else, "
	    "either the change is not applied yet (a pull request that "
	    "changes the trust), or someone changed the role by hand and "
	    "the next apply will undo it, and with it perhaps a ServiceAccount "
	    "that works today.\n"
	    "Fix: apply the declaration, or carry the change made by hand "
	    "into it.",
	.check_role = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	const struct iam_role	*obs = role->observed;
	struct diag		*d;

	if (obs == NULL || role->trust == NULL || obs->trust == NULL ||
	    role->trust_partial || (role->policy_json != NULL &&
	    obs->policy_json != NULL &&
	    strcmp(role->policy_json, obs->policy_json) == 0) ||
	    policy_same(role->trust, obs->trust))
		return;
	d = rule_report_role(ctx->dg, r, r->severity, ctx->m, role,
	    "the deployed role %s has another trust policy than this "
	    "declaration, which irsalint checks", obs->address);
	diag_related(ctx->dg, d, &obs->loc, obs->address,
	    "the deployed trust policy");
}
