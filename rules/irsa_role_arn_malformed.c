/* SPDX-License-Identifier: ISC */
/* Flag role-arn annotations that are not a role ARN at all. */
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_role_arn_malformed = {
	.id = "irsa-role-arn-malformed",
	.severity = SEV_ERROR,
	.summary = "role-arn annotation is not a valid IAM role ARN",
	.explain =
	    "The value of the eks.amazonaws.com/role-arn annotation must be "
	    "arn:<partition>:iam::<12-digit account>:role/<path><name>.  "
	    "The pod identity webhook only logs a warning for anything else "
	    "and injects the value as AWS_ROLE_ARN anyway, so the pod starts "
	    "and its first AWS call fails with \"ValidationError: Request ARN "
	    "is invalid\" or AccessDenied.  Typical causes are a template "
	    "expression copied without being rendered "
	    "(arn:aws:iam::{local.account_id}:role/x), an unsubstituted "
	    "${VARIABLE}, a user or policy ARN, or stray whitespace.\n"
	    "Fix: write the role's full ARN, e.g. take it from `terraform "
	    "output` or render the template before committing.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diags	*dg = ctx->dg;

	if (b->arn_ok || b->arn_pending)
		return;
	rule_report(dg, r, r->severity, m, b, &b->ann->value_loc,
	    "%s is not a valid role ARN: %s", ANN_ROLE_ARN, b->arn_error);
}
