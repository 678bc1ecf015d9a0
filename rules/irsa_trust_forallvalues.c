/* SPDX-License-Identifier: ISC */
/* Flag ForAllValues and IfExists on sub and aud, which admit a missing claim. */
#include "engine.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct tf_role *);

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
check(const struct rule *r, struct check_ctx *ctx, const struct tf_role *role)
{
	const struct policy	*p = role->trust;
	const struct pstmt	*st;
	const struct pcond	*c;
	const char		*issuer;
	size_t			 i, j;
	int			 any = engine_role_used(ctx, role);

	for (i = 0; p != NULL && i < p->n; i++) {
		st = &p->st[i];
		if (!trust_stmt_is_irsa(ctx->m->arena, st, any))
			continue;
		for (j = 0; j < st->nconds; j++) {
			c = &st->conds[j];
			if ((c->flags & (COND_FORALL | COND_IFEXISTS)) == 0 ||
			    trust_claim(ctx->m->arena, c, &issuer) == CLAIM_NONE)
				continue;
			engine_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy tests %s with %s, "
			    "which is true when the claim is missing",
			    trust_stmt_label(ctx->m->arena, st), c->key, c->op);
		}
	}
}
