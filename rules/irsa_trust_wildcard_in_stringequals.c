/* SPDX-License-Identifier: ISC */
/* Flag wildcards in sub/aud values under StringEquals, where they are literal. */
#include <string.h>

#include "engine.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct tf_role *);

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
check(const struct rule *r, struct check_ctx *ctx, const struct tf_role *role)
{
	const struct policy	*p = role->trust;
	const struct pstmt	*st;
	const struct pcond	*c;
	const char		*issuer;
	size_t			 i, j, k;
	int			 any = engine_role_used(ctx, role);

	for (i = 0; p != NULL && i < p->n; i++) {
		st = &p->st[i];
		if (!trust_stmt_is_irsa(ctx->m->arena, st, any))
			continue;
		for (j = 0; j < st->nconds; j++) {
			c = &st->conds[j];
			if ((c->base != COND_STRING_EQUALS &&
			    c->base != COND_STRING_EQUALS_IC) ||
			    trust_claim(ctx->m->arena, c, &issuer) == CLAIM_NONE)
				continue;
			for (k = 0; k < c->values.n; k++)
				if (c->values.v[k] != NULL &&
				    strpbrk(c->values.v[k], "*?") != NULL)
					engine_report_role(ctx->dg, r,
					    r->severity, ctx->m, role, "%s of "
					    "the trust policy tests '%s' with "
					    "%s, where '*' and '?' are literal: "
					    "no token matches; use StringLike",
					    trust_stmt_label(ctx->m->arena, st),
					    c->values.v[k], c->op);
		}
	}
}
