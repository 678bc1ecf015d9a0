/* SPDX-License-Identifier: ISC */
/* Say what of a trust policy could not be verified before apply. */
#include "bind.h"
#include "model.h"
#include "policy.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_trust_unverified = {
	.id = "irsa-trust-unverified",
	.severity = SEV_NOTE,
	.summary = "trust policy could only partly be checked before apply",
	.explain =
	    "In a plan for a new cluster the OIDC provider's ARN, and so the "
	    "trust policy built from it, is \"known after apply\".  irsalint "
	    "then rebuilds the trust from the data.aws_iam_policy_document "
	    "it is rendered from, as far as the plan knows it: the sub and "
	    "aud values usually are known, the issuer in the condition keys "
	    "and the Federated principal are not.  It checks what can be "
	    "checked (namespace and name, audience) and says in this note "
	    "what could not be, rather than passing silently.  Mismatches "
	    "that are certain are still reported as errors by the other "
	    "rules.\n"
	    "Fix: nothing to fix; to check the rest, run irsalint again on "
	    "a plan made once the provider exists, or on "
	    "`terraform show -json` of the state.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	if (b->role == NULL || b->unverified == NULL ||
	    b->verdict == TRI_FALSE)
		return;
	rule_report(ctx->dg, r, r->severity, ctx->m, b, &b->ann->key_loc,
	    "%s %s", bind_trust_name(ctx->m, b, NULL), b->unverified);
}
