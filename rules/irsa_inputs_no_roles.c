/* SPDX-License-Identifier: ISC */
/* Flag role-arn annotations when the inputs hold no IAM role at all. */
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_inputs_no_roles = {
	.id = "irsa-inputs-no-roles",
	.severity = SEV_WARNING,
	.summary = "ServiceAccount names a role, but the inputs hold no IAM "
	    "role",
	.explain =
	    "irsalint cross-checks a ServiceAccount's role-arn annotation "
	    "against the role and its trust policy.  When the inputs hold no "
	    "IAM role at all (only manifests were passed), nothing of that "
	    "can be checked: a wrong namespace, a misspelt role name or a "
	    "trust for another cluster would pass in silence.  This finding "
	    "says so at each annotation, as a warning, so that CI fails "
	    "until the inputs are complete or the rule is turned off in "
	    ".irsalint.yaml.\n"
	    "Fix: pass the roles too: the Terraform sources (the directory "
	    "of the .tf files) or plan (terraform plan -out=p && terraform "
	    "show -json p > plan.json), the CloudFormation template, or aws "
	    "iam get-role / list-roles output; list them under inputs: in "
	    ".irsalint.yaml so that every run has them.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	if (!b->arn_ok || ctx->m->roles.n > 0)
		return;
	rule_report(ctx->dg, r, r->severity, ctx->m, b, &b->ann->value_loc,
	    "the inputs hold no IAM role, so role %s and its trust are not "
	    "checked: pass the Terraform sources or plan, the "
	    "CloudFormation template or aws iam get-role output",
	    b->ann->value);
}
