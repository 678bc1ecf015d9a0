/* SPDX-License-Identifier: ISC */
/* Note IRSA statements with no aud condition. */
#include <stddef.h>

#include "arena.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);

const struct rule rule_irsa_trust_missing_aud = {
	.id = "irsa-trust-missing-aud",
	.severity = SEV_NOTE,
	.summary = "IRSA statement has no aud condition",
	.explain =
	    "AWS's examples test <issuer>:aud = sts.amazonaws.com besides "
	    "the subject.  Without it the role also accepts tokens of the "
	    "same ServiceAccount minted for other audiences (a token "
	    "requested for Vault or another service), which widens who can "
	    "replay a token.  IRSA works without it.\n"
	    "Fix: add StringEquals <issuer>:aud = sts.amazonaws.com.",
	.check_role = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	const struct policy	*p = role->trust;
	size_t			 i;
	int			 used = rule_role_used(ctx, role);

	for (i = 0; p != NULL && i < p->n; i++)
		if (trust_stmt_lacks(ctx->m, role, &p->st[i], used, CLAIM_AUD))
			rule_report_role(ctx->dg, r, r->severity, ctx->m, role,
			    "%s of the trust policy has no %s",
			    trust_stmt_label(ctx->m->arena, &p->st[i]),
			    "aud condition");
}
