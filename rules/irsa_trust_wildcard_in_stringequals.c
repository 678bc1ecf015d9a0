/* SPDX-License-Identifier: ISC */
/* Flag wildcards in sub/aud values under StringEquals, where they are literal. */
#include <string.h>

#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);
static void	each(const struct trust_cond *, void *);

const struct rule rule_irsa_trust_wildcard_in_stringequals = {
	.id = "irsa-trust-wildcard-in-stringequals",
	.severity = SEV_ERROR,
	.summary = "wildcard in a sub or aud value under StringEquals",
	.explain =
	    "Only StringLike gives '*' and '?' their wildcard meaning; under "
	    "StringEquals (and StringEqualsIgnoreCase) they are ordinary "
	    "characters.  A trust with StringEquals "
	    "\"system:serviceaccount:argo:*\" admits only a ServiceAccount "
	    "literally named \"*\", which Kubernetes does not allow, so "
	    "every pod meant to use the role gets AccessDenied from "
	    "AssumeRoleWithWebIdentity.\n"
	    "Fix: use StringLike for patterns (terraform-aws-iam: "
	    "assume_role_condition_test = \"StringLike\"), or list the "
	    "ServiceAccounts one by one under StringEquals.",
	.check_role = check
};

static void
each(const struct trust_cond *tc, void *arg)
{
	const struct rule_each	*e = arg;
	const struct rule	*r = e->r;
	struct check_ctx	*ctx = e->ctx;
	const struct iam_role	*role = e->role;
	size_t			 k;

	if (tc->c->base != COND_STRING_EQUALS &&
	    tc->c->base != COND_STRING_EQUALS_IC)
		return;
	for (k = 0; k < tc->c->values.n; k++)
		if (tc->c->values.v[k] != NULL &&
		    strpbrk(tc->c->values.v[k], "*?") != NULL)
			rule_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy tests '%s' with %s, "
			    "where '*' and '?' are literal: no token matches; "
			    "use StringLike",
			    trust_stmt_label(ctx->m->arena, tc->st),
			    tc->c->values.v[k], tc->c->op);
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	struct rule_each	 e = { r, ctx, role };

	trust_each_cond(ctx->m, role, rule_role_used(ctx, role), CLAIM_NONE,
	    each, &e);
}
