/* SPDX-License-Identifier: ISC */
/* Flag ForAllValues and IfExists on sub and aud, which admit a missing claim. */
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);
static void	each(const struct trust_cond *, void *);

const struct rule rule_irsa_trust_forallvalues = {
	.id = "irsa-trust-forallvalues",
	.severity = SEV_WARNING,
	.summary = "ForAllValues or IfExists on sub or aud",
	.explain =
	    "sub and aud are single-valued claims.  ForAllValues: is true "
	    "when the key is absent or empty, and ...IfExists is true when "
	    "the key is absent, so such a condition does not require the "
	    "claim at all: a token without it, or a request from another "
	    "identity provider the role trusts, passes.  It looks like a "
	    "restriction and is not one.\n"
	    "Fix: use the plain operator (StringEquals or StringLike), or "
	    "ForAnyValue: if a set operator is wanted.",
	.check_role = check
};

static void
each(const struct trust_cond *tc, void *arg)
{
	const struct rule_each	*e = arg;
	const struct rule	*r = e->r;
	struct check_ctx	*ctx = e->ctx;
	const struct iam_role	*role = e->role;

	if ((tc->c->flags & (COND_FORALL | COND_IFEXISTS)) != 0)
		rule_report_role(ctx->dg, r, r->severity, ctx->m, role,
		    "%s of the trust policy tests %s with %s, which is true "
		    "when the claim is missing",
		    trust_stmt_label(ctx->m->arena, tc->st), tc->c->key,
		    tc->c->op);
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	struct rule_each	 e = { r, ctx, role };

	trust_each_cond(ctx->m, role, rule_role_used(ctx, role), CLAIM_NONE,
	    each, &e);
}
