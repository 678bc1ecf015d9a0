/* SPDX-License-Identifier: ISC */
/* Flag trust conditions on token claims STS never passes for a pod. */
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_trust_claim_missing = {
	.id = "irsa-trust-claim-missing",
	.severity = SEV_ERROR,
	.summary = "trust condition tests a claim a ServiceAccount token "
	    "does not carry",
	.explain =
	    "For a web identity, STS puts only some of the token's claims "
	    "into the request: for a Kubernetes ServiceAccount token, "
	    "<issuer>:sub and <issuer>:aud (the IAM reference, \"Available "
	    "keys for OIDC federation\": amr is passed for Amazon Cognito "
	    "only, email and oaud for Google only).  A condition on another "
	    "claim, such as <issuer>:amr, <issuer>:email or <issuer>:azp, "
	    "or on any claim of another issuer than the token's, tests a "
	    "key that is absent from the request: StringEquals, StringLike "
	    "and ForAnyValue on it are false, Null with \"false\" is false, "
	    "and every AssumeRoleWithWebIdentity fails with AccessDenied.  "
	    "Such conditions come from trusts copied from Cognito or Google "
	    "examples.\n"
	    "Fix: remove the condition; restrict the role with "
	    "<issuer>:sub and <issuer>:aud.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct pcond	*c = b->other_cond;

	if (b->verdict != TRI_FALSE || b->closest == NULL ||
	    (b->fail & FAIL_OTHER) == 0 || c == NULL || c->key == NULL)
		return;
	rule_report(ctx->dg, r, r->severity, ctx->m, b, &b->ann->key_loc,
	    "%s requires '%s' (%s), but the request for a ServiceAccount "
	    "token%s%s carries only its sub and aud, so the condition is "
	    "false", bind_trust_name(ctx->m, b, b->closest), c->key, c->op,
	    b->issuer != NULL ? " of " : "",
	    b->issuer != NULL ? b->issuer : "");
}
