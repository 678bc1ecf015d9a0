/* SPDX-License-Identifier: ISC */
/* Say which Helm charts and kustomizations were found but not read. */
#include "diag.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_irsa_inputs_unrendered = {
	.id = "irsa-inputs-unrendered",
	.severity = SEV_WARNING,
	.summary = "a Helm chart or a transforming kustomization was found "
	    "but not read",
	.explain =
	    "The manifests that reach the cluster are what helm template or "
	    "kustomize build makes, not the chart's templates or a "
	    "kustomization's bases: a template holds {{ }} where a namespace "
	    "or a role ARN goes, and a kustomization may set the namespace, "
	    "rename objects or patch annotations.  Read as they are, they "
	    "would be checked as something they are not, and a mismatch the "
	    "rendered output holds would pass unseen.  irsalint runs neither "
	    "tool, so such a directory (one with Chart.yaml, or with a "
	    "kustomization.yaml that has more than resources:) is not read, "
	    "and this warning says so at the file that tells, so that CI "
	    "fails until the rendered output is linted.  A kustomization "
	    "that only lists its resources is read as they are.  A Terraform "
	    "helm_release whose values give serviceAccount a role-arn "
	    "annotation but leave its name to the chart (no "
	    "serviceAccount.name, or serviceAccount.create false), or whose "
	    "values are known only after apply, is noted too: the chart "
	    "decides its ServiceAccount, and no name is guessed.\n"
	    "Fix: lint the rendered output on standard input: helm template "
	    "RELEASE CHART | irsalint plan.json - or kubectl kustomize DIR | "
	    "irsalint plan.json -, and list the chart or the overlay under "
	    "ignore-paths or leave it out of inputs: when its rendered form "
	    "is linted elsewhere.",
	.check_model = check
};

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct tf_gap	*g;
	size_t			 i;

	for (i = 0; i < ctx->m->unrendered.n; i++) {
		g = ctx->m->unrendered.v[i];
		if (g->note)
			diag_push(ctx->dg, r, SEV_NOTE, &g->loc, g->msg);
		else
			diag_add(ctx->dg, r, &g->loc, "%s", g->msg);
	}
}
