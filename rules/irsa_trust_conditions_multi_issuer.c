/* SPDX-License-Identifier: ISC */
/* Flag statements whose sub/aud conditions name two issuers: never true. */
#include <strings.h>

#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);

const struct rule rule_irsa_trust_conditions_multi_issuer = {
	.id = "irsa-trust-conditions-multi-issuer",
	.severity = SEV_ERROR,
	.summary = "one statement tests sub or aud of two issuers",
	.explain =
	    "Keys under one condition operator are ANDed.  A statement that "
	    "tests <cluster A issuer>:sub and <cluster B issuer>:sub at once "
	    "needs a token from both clusters at the same time, which never "
	    "happens: every AssumeRoleWithWebIdentity fails with "
	    "AccessDenied.  This is what merging two clusters' conditions "
	    "into one statement does.\n"
	    "Fix: write one statement per cluster, each with its own "
	    "Federated provider and its own sub and aud conditions.",
	.check_role = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	const struct policy	*p = role->trust;
	const struct pstmt	*st;
	const char		*first, *issuer;
	size_t			 i, j;
	int			 any = rule_role_used(ctx, role);

	for (i = 0; p != NULL && i < p->n; i++) {
		st = &p->st[i];
		if (!trust_stmt_is_irsa(ctx->m, st, any))
			continue;
		first = NULL;
		for (j = 0; j < st->nconds; j++) {
			if (trust_claim(ctx->m->arena, &st->conds[j],
			    &issuer) == CLAIM_NONE || issuer == NULL ||
			    (st->conds[j].flags & COND_IFEXISTS) != 0)
				continue;
			if (first == NULL)
				first = issuer;
			else if (strcasecmp(first, issuer) != 0) {
				rule_report_role(ctx->dg, r, r->severity,
				    ctx->m, role, "%s of the trust policy tests "
				    "claims of %s and of %s together; a token "
				    "has one issuer, so the statement is never "
				    "true", trust_stmt_label(ctx->m->arena,
				    st), first, issuer);
				break;
			}
		}
	}
}
