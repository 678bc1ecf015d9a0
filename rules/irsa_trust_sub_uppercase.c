/* SPDX-License-Identifier: ISC */
/* Flag sub values whose namespace or name has capitals. */
#include <ctype.h>
#include <string.h>

#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);
static void	each(const struct trust_cond *, void *);

const struct rule rule_irsa_trust_sub_uppercase = {
	.id = "irsa-trust-sub-uppercase",
	.severity = SEV_ERROR,
	.summary = "sub value has capitals in its namespace or name",
	.explain =
	    "Kubernetes namespaces and ServiceAccount names are DNS-1123 "
	    "names: lowercase letters, digits, '-' and '.'.  StringEquals "
	    "and StringLike compare case-sensitively, so a trust that "
	    "admits system:serviceaccount:Payments:API can never match a "
	    "token, and every AssumeRoleWithWebIdentity fails with "
	    "AccessDenied.  The capitals usually come from a Terraform "
	    "variable that holds a display name.\n"
	    "Fix: write the namespace and name in lowercase, as they are in "
	    "the manifests (lower() in Terraform).",
	.check_role = check
};

static void
each(const struct trust_cond *tc, void *arg)
{
	const struct rule_each	*e = arg;
	const struct rule	*r = e->r;
	struct check_ctx	*ctx = e->ctx;
	const struct iam_role	*role = e->role;
	const char		*v, *q;
	size_t			 k;

	if (tc->c->base != COND_STRING_EQUALS &&
	    tc->c->base != COND_STRING_LIKE)
		return;
	for (k = 0; k < tc->c->values.n; k++) {
		if ((v = tc->c->values.v[k]) == NULL ||
		    (q = trust_subject_rest(v)) == NULL)
			continue;
		for (; *q != '\0' && !isupper((unsigned char)*q); q++)
			continue;
		if (*q != '\0')
			rule_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy admits '%s' with %s, "
			    "but namespaces and names are lowercase, so no "
			    "token matches",
			    trust_stmt_label(ctx->m->arena, tc->st), v,
			    tc->c->op);
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	struct rule_each	 e = { r, ctx, role };

	trust_each_cond(ctx->m, role, rule_role_used(ctx, role), CLAIM_SUB,
	    each, &e);
}
