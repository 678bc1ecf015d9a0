/* SPDX-License-Identifier: ISC */
/* Flag IRSA trusts when the inputs hold no ServiceAccount at all. */
#include <stddef.h>

#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);
static int	for_pods(const struct model *, const struct policy *);

const struct rule rule_irsa_inputs_no_serviceaccounts = {
	.id = "irsa-inputs-no-serviceaccounts",
	.severity = SEV_WARNING,
	.summary = "role trusts ServiceAccounts, but the inputs hold no "
	    "ServiceAccount",
	.explain =
	    "A role whose trust admits web identities from an EKS cluster's "
	    "OIDC provider is meant for ServiceAccounts, and irsalint checks "
	    "that the ServiceAccounts its trust names exist, are annotated "
	    "with the role and live in the namespace the trust says.  When "
	    "the inputs hold no ServiceAccount at all (only the plan was "
	    "passed), none of that can be checked, and a trust naming the "
	    "wrong namespace would pass in silence.  This finding says so "
	    "at each such role, as a warning, so that CI fails until the "
	    "inputs are complete or the rule is turned off in "
	    ".irsalint.yaml.\n"
	    "Fix: pass the manifests too: the directory of YAML, or rendered "
	    "charts on standard input (helm template ... | irsalint plan.json "
	    "-, kustomize build ... | irsalint plan.json -).",
	.check_role = check
};

/*
 * Is the trust meant for pods: an IRSA statement whose provider is an
 * EKS issuer's, or whose conditions name a ServiceAccount subject (a
 * provider made at apply could be GitHub's as well as a cluster's)?
 */
static int
for_pods(const struct model *m, const struct policy *p)
{
	const struct oidc_principal	*o;
	const struct pstmt		*st;
	size_t				 i, j, k;

	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		if (!trust_stmt_is_irsa(m, st, 0))
			continue;
		for (j = 0; j < st->federated.n; j++)
			if ((o = trust_oidc(m, st->federated.v[j])) != NULL &&
			    trust_is_eks_issuer(o->oa.issuer))
				return 1;
		for (j = 0; j < st->nconds; j++)
			for (k = 0; k < st->conds[j].values.n; k++)
				if (st->conds[j].values.v[k] != NULL &&
				    trust_subject_rest(
				    st->conds[j].values.v[k]) != NULL)
					return 1;
	}
	return 0;
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	const struct model	*m = ctx->m;

	/*
	 * irsa-trust-orphan-subject names the one eksctl leaves out; a
	 * role an EKS add-on's ServiceAccount uses was checked with it.
	 * m->nsa counts no add-on's ServiceAccounts: they are no manifests
	 * passed.
	 */
	if (m->nsa > 0 || role->trust == NULL || role->role_only ||
	    rule_role_used(ctx, role) || !for_pods(m, role->trust))
		return;
	rule_report_role(ctx->dg, r, r->severity, m, role,
	    "the trust admits ServiceAccounts, but the inputs hold none, so "
	    "its subjects are not checked: pass the manifests, or rendered "
	    "charts on standard input (helm template ... | irsalint plan.json "
	    "-)");
}
