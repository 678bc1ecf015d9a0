/* SPDX-License-Identifier: ISC */
/* Flag trusts whose Federated providers cannot be the pod's token's. */
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "model.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_trust_provider_mismatch = {
	.id = "irsa-trust-provider-mismatch",
	.severity = SEV_ERROR,
	.summary = "trust's Federated OIDC providers are not the issuer of "
	    "the pod's token",
	.explain =
	    "A pod presents a token issued by its cluster, and STS matches "
	    "the trust's Principal against the IAM OIDC provider of that "
	    "issuer.  A trust whose only Federated principals are another "
	    "identity provider (GitHub Actions' "
	    "token.actions.githubusercontent.com, Google, Cognito, GitLab, "
	    "HCP Terraform) or another cluster's issuer than the clusters of "
	    "the inputs never applies to the pod, and AssumeRoleWithWebIdentity "
	    "fails with AccessDenied.  This happens when a CI role is reused "
	    "for a workload, or a trust is copied from another cluster.  A "
	    "provider whose issuer is neither an EKS issuer nor a known "
	    "identity provider may be a self-managed cluster's (kops, EKS "
	    "Anywhere): with no cluster in the inputs to compare with, that "
	    "is a note saying what was assumed.  The configuration can say "
	    "which cluster a manifest deploys to (clusters:): then a trust "
	    "for another cluster's issuer is refused, and a manifest "
	    "deployed to several clusters must be admitted for each.\n"
	    "Fix: add a statement for the cluster's OIDC provider "
	    "(arn:aws:iam::<account>:oidc-provider/<issuer>), or use the "
	    "role meant for the cluster.",
	.check_binding = check
};

/* The providers of st, as "x, y". */
static const char *
providers(const struct model *m, const struct pstmt *st)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 i;

	for (i = 0; i < st->federated.n; i++)
		if (st->federated.v[i] != NULL)
			buf_addf(&b, "%s%s", b.len > 0 ? ", " : "",
			    st->federated.v[i]);
	s = arena_strdup(m->arena, b.buf);
	buf_release(&b);
	return s;
}

/* "issuer (Service)" of the first well-known provider of st, or NULL. */
static const char *
idp_of(const struct model *m, const struct pstmt *st)
{
	const struct oidc_principal	*o;
	const char			*name;
	size_t				 i;

	for (i = 0; i < st->federated.n; i++)
		if ((o = trust_oidc(m, st->federated.v[i])) != NULL &&
		    (name = trust_idp_name(o->oa.issuer)) != NULL)
			return arena_printf(m->arena, "%s (%s)", o->oa.issuer,
			    name);
	return NULL;
}

/* The cluster issuers of the inputs, as "x or y". */
static const char *
clusters(const struct model *m)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 i;

	for (i = 0; i < m->cluster_issuers.n; i++)
		buf_addf(&b, "%s%s", i == 0 ? "" : " or ",
		    m->cluster_issuers.v[i]);
	s = arena_strdup(m->arena, b.buf);
	buf_release(&b);
	return s;
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	const char		*idp;
	struct diag		*d;

	if (b->verdict == TRI_TRUE && b->issuer != NULL && *b->issuer != '\0' &&
	    !b->cluster_issuer && b->unverified == NULL &&
	    !trust_is_eks_issuer(b->issuer) && trust_idp_name(b->issuer) ==
	    NULL) {
		rule_report(ctx->dg, r, SEV_NOTE, m, b, &b->ann->key_loc,
		    "%s trusts issuer %s, which is not an EKS issuer: it was "
		    "taken to be the issuer of a self-managed cluster the pod "
		    "runs in, since the inputs name no cluster",
		    bind_trust_name(m, b, NULL), b->issuer);
		return;
	}
	if (b->verdict != TRI_FALSE || b->closest == NULL ||
	    (b->fail & FAIL_PRINCIPAL) == 0)
		return;
	if (b->cluster != NULL) {
		d = rule_report(ctx->dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s trusts %s, but the pod's token comes from cluster %s, "
		    "whose issuer is %s", bind_trust_name(m, b, b->closest),
		    providers(m, b->closest), b->cluster->name,
		    b->cluster->issuer);
		diag_related(ctx->dg, d, &b->cluster->loc, NULL, "the "
		    "configuration deploys this file to cluster %s here",
		    b->cluster->name);
	} else if (b->cluster_issuer)
		d = rule_report(ctx->dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s trusts %s, but the pod's token comes from the "
		    "cluster of the inputs, whose issuer is %s",
		    bind_trust_name(m, b, b->closest),
		    providers(m, b->closest), clusters(m));
	else if ((idp = idp_of(m, b->closest)) != NULL)
		d = rule_report(ctx->dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s trusts only %s, which never issues a pod's token",
		    bind_trust_name(m, b, b->closest), idp);
	else
		d = rule_report(ctx->dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s trusts %s, none of which is an OIDC provider of a "
		    "Kubernetes cluster", bind_trust_name(m, b, b->closest),
		    providers(m, b->closest));
	rule_trust_note(ctx->dg, d, b->role, b->closest->origin,
	    "the Federated principal");
}
