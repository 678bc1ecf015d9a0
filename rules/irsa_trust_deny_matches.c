/* SPDX-License-Identifier: ISC */
/* Flag Deny statements that refuse a ServiceAccount an Allow admits. */
#include "arena.h"
#include "bind.h"
#include "model.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_trust_deny_matches = {
	.id = "irsa-trust-deny-matches",
	.severity = SEV_ERROR,
	.summary = "a Deny statement of the trust refuses the ServiceAccount",
	.explain =
	    "An explicit Deny wins over every Allow.  When a Deny statement "
	    "of the trust (often a guard such as \"deny everything but "
	    "namespace X\" written with the wrong operator) matches the "
	    "ServiceAccount's token, the Allow that admits it does not "
	    "matter: AssumeRoleWithWebIdentity fails with AccessDenied.\n"
	    "Fix: narrow the Deny so that it does not match the "
	    "ServiceAccounts the role is for, or remove it.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	if (b->role == NULL || b->deny == NULL)
		return;
	rule_report(ctx->dg, r, r->severity, ctx->m, b, &b->ann->key_loc,
	    "%s of the trust policy of %s denies %s, which wins over the "
	    "Allow that admits it", trust_stmt_label(ctx->m->arena, b->deny),
	    bind_role_name(ctx->m, b->role), b->sub);
}
