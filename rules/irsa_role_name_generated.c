/* SPDX-License-Identifier: ISC */
/* Flag annotations for roles whose name is generated at apply. */
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_role_name_generated = {
	.id = "irsa-role-name-generated",
	.severity = SEV_WARNING,
	.summary = "role-arn annotation names a role whose name is generated "
	    "at apply",
	.explain =
	    "A role created with name_prefix (and terraform-aws-iam v6's "
	    "default use_name_prefix = true) gets a name with a random "
	    "suffix when it is applied, such as "
	    "karpenter-controller-20240611131524228000000002.  An "
	    "annotation typed by hand can never match it, and a pod whose "
	    "ServiceAccount names a role that does not exist gets "
	    "AccessDenied from STS.  The name is unknown in the plan, so "
	    "this cannot be an error, but it is almost always one.\n"
	    "Fix: give the role a fixed name (name, or use_name_prefix = "
	    "false), or write the annotation from the role's arn attribute, "
	    "e.g. through the Helm values or kustomize patch that Terraform "
	    "renders.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct iam_role	*g = b->generated;
	struct diag		*d;

	if (!b->arn_ok || b->role != NULL || g == NULL ||
	    (b->near != NULL && b->near_kind == NEAR_PATH))
		return;
	if (g->name_prefix != NULL)
		d = rule_report(ctx->dg, r, r->severity, ctx->m, b,
		    &b->ann->value_loc, "role %s is not in the Terraform "
		    "inputs; %s is named from name_prefix '%s' with a suffix "
		    "chosen at apply, which a hand-written ARN cannot match",
		    b->arn.name, g->address, g->name_prefix);
	else
		d = rule_report(ctx->dg, r, r->severity, ctx->m, b,
		    &b->ann->value_loc, "role %s is not in the Terraform "
		    "inputs; %s trusts this ServiceAccount but its name is "
		    "known only after apply", b->arn.name, g->address);
	d->address = g->address;
	diag_related(ctx->dg, d, &g->loc, g->address,
	    "the role with a generated name is defined here");
}
