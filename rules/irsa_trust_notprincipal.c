/* SPDX-License-Identifier: ISC */
/* Flag NotPrincipal and Resource, which a trust policy may not have. */
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);

const struct rule rule_irsa_trust_notprincipal = {
	.id = "irsa-trust-notprincipal",
	.severity = SEV_ERROR,
	.summary = "trust policy uses NotPrincipal or Resource",
	.explain =
	    "A role's trust policy names who may assume the role with "
	    "Principal; NotPrincipal is not supported in trust policies, and "
	    "Resource or NotResource has no meaning there (the resource is "
	    "the role).  IAM rejects such a document with "
	    "MalformedPolicyDocument, so the apply that creates or updates "
	    "the role fails, or a statement meant to restrict access does "
	    "not do what it says.\n"
	    "Fix: name the allowed principals in Principal and drop "
	    "NotPrincipal, Resource and NotResource from the trust.",
	.check_role = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	const struct policy	*p = role->trust;
	const struct pstmt	*st;
	size_t			 i;

	if (!trust_has_irsa(ctx->m, p, rule_role_used(ctx, role)))
		return;
	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		if (st->has_not_principal)
			rule_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy uses NotPrincipal, "
			    "which trust policies do not support",
			    trust_stmt_label(ctx->m->arena, st));
		if (st->has_resource)
			rule_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy has Resource or "
			    "NotResource, which a trust policy may not have",
			    trust_stmt_label(ctx->m->arena, st));
	}
}
