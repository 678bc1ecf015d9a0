/* SPDX-License-Identifier: ISC */
/* Flag annotations that name the role in another account or partition. */
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_role_account_mismatch = {
	.id = "irsa-role-account-mismatch",
	.severity = SEV_ERROR,
	.summary = "role-arn annotation names the role in another account or "
	    "partition",
	.explain =
	    "A role ARN carries the account and the partition.  An "
	    "annotation copied from another environment (staging's account "
	    "in production's manifests), or written with arn:aws: for a role "
	    "in aws-cn or aws-us-gov, names a role that does not exist, and "
	    "the pod gets AccessDenied from AssumeRoleWithWebIdentity.  The "
	    "role's account is its ARN's, or at plan time the account of the "
	    "OIDC provider its trust names (IAM requires them to agree).\n"
	    "Fix: write the account and partition of the role Terraform "
	    "creates.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	struct diag	*d;

	if (!b->arn_ok || b->role != NULL || b->near == NULL ||
	    b->near_kind != NEAR_ACCOUNT)
		return;
	d = rule_report(ctx->dg, r, r->severity, ctx->m, b,
	    &b->ann->value_loc, "the annotation names role %s in account %s "
	    "(partition %s), but %s is %s", b->arn.name, b->arn.account,
	    b->arn.partition, b->near->address, b->near_arn != NULL ?
	    b->near_arn : "in another account");
	d->address = b->near->address;
	diag_related(ctx->dg, d, &b->near->loc, b->near->address,
	    "role %s is defined here", b->near->name);
}
