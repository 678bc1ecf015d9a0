/* SPDX-License-Identifier: ISC */
/* Flag trusts whose OIDC provider is not among the inputs' providers. */
#include "bind.h"
#include "model.h"
#include "policy.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_oidc_provider_missing = {
	.id = "irsa-oidc-provider-missing",
	.severity = SEV_WARNING,
	.summary = "no IAM OIDC provider in the inputs for the trust's issuer",
	.explain =
	    "STS accepts a web identity token only from an issuer registered "
	    "in the role's account as an IAM OIDC provider "
	    "(aws_iam_openid_connect_provider with url = the cluster's "
	    "issuer).  Without one, every AssumeRoleWithWebIdentity fails "
	    "with InvalidIdentityToken: \"No OpenIDConnect provider found in "
	    "your account for https://oidc.eks...\".  irsalint reports this "
	    "only when the inputs manage OIDC providers or EKS clusters but "
	    "none for the trust's issuer; it is a warning because the "
	    "provider may be managed in another state.\n"
	    "Fix: create aws_iam_openid_connect_provider for the cluster's "
	    "issuer (eksctl utils associate-iam-oidc-provider does the "
	    "same), or correct the issuer in the trust's Federated "
	    "principal.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diag	*d;
	size_t		 i;

	if (b->role == NULL || b->issuer == NULL || b->provider != NULL ||
	    b->verdict == TRI_UNKNOWN || (b->verdict == TRI_FALSE &&
	    (b->fail & FAIL_PRINCIPAL) != 0) ||
	    (m->providers.n == 0 && m->clusters.n == 0))
		return;
	/* A provider whose url is unknown may be the one: not verifiable. */
	for (i = 0; i < m->providers.n; i++)
		if (m->providers.v[i]->url == NULL)
			return;
	d = rule_report(ctx->dg, r, r->severity, m, b, &b->ann->key_loc,
	    "%s trusts the OIDC issuer %s, but no "
	    "aws_iam_openid_connect_provider in the inputs has that url",
	    bind_trust_name(m, b, b->closest), b->issuer);
	for (i = 0; i < m->providers.n; i++)
		diag_related(ctx->dg, d, &m->providers.v[i]->loc,
		    m->providers.v[i]->address, "provider for %s",
		    m->providers.v[i]->url != NULL ? m->providers.v[i]->url :
		    "an issuer known only after apply");
}
