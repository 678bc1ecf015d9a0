/* SPDX-License-Identifier: ISC */
/* Flag sub/aud condition keys that name another issuer than the principal. */
#include <string.h>

#include "bind.h"
#include "model.h"
#include "rule.h"
#include "util.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_trust_key_issuer_mismatch = {
	.id = "irsa-trust-key-issuer-mismatch",
	.severity = SEV_ERROR,
	.summary = "trust condition key names another issuer than the "
	    "Federated OIDC provider",
	.explain =
	    "STS puts the token's claims into the request context under keys "
	    "made of the provider's issuer without its scheme: "
	    "oidc.eks.<region>.amazonaws.com/id/<ID>:sub and ...:aud.  A "
	    "condition key that keeps \"https://\", or that names another "
	    "cluster's issuer than the statement's Federated principal, is "
	    "never present in the request, so StringEquals and StringLike on "
	    "it are false and every AssumeRoleWithWebIdentity fails with "
	    "AccessDenied.  This happens when the key is built from the "
	    "cluster's issuer URL instead of the provider ARN, or when a "
	    "trust is copied between clusters and only half updated.\n"
	    "Fix: build the key from the same issuer as the principal, e.g. "
	    "replace(aws_iam_openid_connect_provider.eks.url, \"https://\", "
	    "\"\") followed by \":sub\".",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diags	*dg = ctx->dg;

	const char	*key;

	if (b->verdict != TRI_FALSE || b->closest == NULL ||
	    (b->fail & FAIL_KEY_ISSUER) == 0)
		return;
	key = b->bad_key->key;
	if (strip_scheme(key) != key)
		rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s conditions on '%s', which keeps the URL scheme; "
		    "STS knows the key only as '%s'",
		    bind_trust_name(m, b, b->closest), key, strip_scheme(key));
	else if (b->closest->principal_star)
		rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s conditions on '%s', but the pod's token is issued by "
		    "%s, the issuer of the cluster of the inputs, so the key "
		    "must start with '%s:'",
		    bind_trust_name(m, b, b->closest), key, b->issuer,
		    b->issuer);
	else
		rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s conditions on '%s', but its Federated provider's "
		    "issuer is %s, so the key must start with '%s:'",
		    bind_trust_name(m, b, b->closest), key, b->issuer,
		    b->issuer);
}
