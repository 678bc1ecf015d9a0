/* SPDX-License-Identifier: ISC */
/* Flag IRSA statements with no sub condition: any ServiceAccount may assume. */
#include <stddef.h>

#include "arena.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);

const struct rule rule_irsa_trust_missing_sub = {
	.id = "irsa-trust-missing-sub",
	.severity = SEV_WARNING,
	.summary = "IRSA statement has no sub condition: every ServiceAccount "
	    "of the cluster may assume the role",
	.explain =
	    "Without a condition on <issuer>:sub, a statement that trusts "
	    "the cluster's OIDC provider admits the token of every "
	    "ServiceAccount in every namespace of the cluster: any pod, "
	    "including one an attacker can create, gets the role.  It works, "
	    "which is why it goes unnoticed.\n"
	    "Fix: add StringEquals <issuer>:sub = "
	    "system:serviceaccount:<namespace>:<name> for the "
	    "ServiceAccounts that need the role.",
	.check_role = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	const struct policy	*p = role->trust;
	size_t			 i;
	int			 used = rule_role_used(ctx, role);

	for (i = 0; p != NULL && i < p->n; i++)
		if (trust_stmt_lacks(ctx->m, role, &p->st[i], used, CLAIM_SUB))
			rule_report_role(ctx->dg, r, r->severity, ctx->m, role,
			    "%s of the trust policy has no %s",
			    trust_stmt_label(ctx->m->arena, &p->st[i]),
			    "sub condition, so every ServiceAccount of "
			    "the cluster can assume the role");
}
