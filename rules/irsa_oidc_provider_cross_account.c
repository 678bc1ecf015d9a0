/* SPDX-License-Identifier: ISC */
/* Flag trusts that name an OIDC provider of another account. */
#include <string.h>

#include "arn.h"
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_oidc_provider_cross_account = {
	.id = "irsa-oidc-provider-cross-account",
	.severity = SEV_ERROR,
	.summary = "trust names an OIDC provider in another account than the "
	    "role",
	.explain =
	    "IAM requires the OIDC provider named in a role's trust to be in "
	    "the role's own account: a Federated principal "
	    "arn:aws:iam::<other account>:oidc-provider/... never matches, "
	    "and STS answers AssumeRoleWithWebIdentity with AccessDenied.  "
	    "Cross-account access with IRSA needs a provider for the "
	    "cluster's issuer in each account whose roles the pods assume "
	    "(or role chaining).\n"
	    "Fix: create aws_iam_openid_connect_provider for the cluster's "
	    "issuer in the role's account and name that provider's ARN in "
	    "the trust.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	const struct oidc_principal *o, *p;
	const char	*part, *acct;

	/*
	 * The principals' parses are the model's, made once per ARN; the
	 * provider is most often the principal itself.
	 */
	if (b->role == NULL || b->principal == NULL ||
	    !(o = model_oidc(m, b->principal))->valid)
		return;
	if (model_role_arn(m, b->role, &part, &acct) == 0 &&
	    strcmp(acct, o->oa.account) != 0)
		rule_report(ctx->dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s names the OIDC provider of account %s, but the role is "
		    "in account %s", bind_trust_name(m, b, b->closest),
		    o->oa.account, acct);
	else if (b->provider != NULL && b->provider->arn != NULL &&
	    (p = strcmp(b->provider->arn, b->principal) == 0 ? o :
	    model_oidc(m, b->provider->arn))->valid &&
	    strcmp(p->oa.account, o->oa.account) != 0)
		rule_report(ctx->dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s names the OIDC provider of account %s, but %s is in "
		    "account %s", bind_trust_name(m, b, b->closest),
		    o->oa.account, b->provider->address, p->oa.account);
}
