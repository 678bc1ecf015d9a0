/* SPDX-License-Identifier: ISC */
/* Flag role ARNs that leave out the role's path. */
#include "arena.h"
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_role_path_mismatch = {
	.id = "irsa-role-path-mismatch",
	.severity = SEV_ERROR,
	.summary = "role-arn annotation leaves out or changes the role's path",
	.explain =
	    "A role created with a path (path = \"/eks/\", or role_path in "
	    "terraform-aws-modules) has the ARN "
	    "arn:aws:iam::<account>:role/eks/<name>.  An annotation that "
	    "names the role without its path, or with another one, names a "
	    "role that does not exist, and the pod's "
	    "AssumeRoleWithWebIdentity fails with AccessDenied.  The role's "
	    "name alone is not enough: the path is part of the ARN.\n"
	    "Fix: write the ARN with the role's path, best taken from the "
	    "role's arn attribute (terraform output).",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diag	*d;

	if (!b->arn_ok || b->role != NULL || b->near == NULL ||
	    b->near_kind != NEAR_PATH)
		return;
	d = rule_report(ctx->dg, r, r->severity, m, b, &b->ann->value_loc,
	    "role %s has path %s, but the annotation's ARN has path %s%s%s",
	    b->near->name, b->near->path, b->arn.path,
	    b->near_arn != NULL ? "; its ARN is " : "",
	    b->near_arn != NULL ? b->near_arn : "");
	d->address = b->near->address;
	diag_related(ctx->dg, d, &b->near->loc, b->near->address,
	    "role %s is defined here", b->near->name);
}
