/* SPDX-License-Identifier: ISC */
/* Flag roles used by a ServiceAccount that have no policy at all. */
#include <string.h>

#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_role_no_permissions = {
	.id = "irsa-role-no-permissions",
	.severity = SEV_WARNING,
	.summary = "role used by a ServiceAccount has no policy attached",
	.explain =
	    "IRSA can be wired perfectly and still fail every call: a role "
	    "with no attached managed policy and no inline policy grants "
	    "nothing, so the pod assumes it and then gets AccessDenied on "
	    "every AWS call.  This happens when the "
	    "aws_iam_role_policy_attachment is forgotten or attached to "
	    "another role.  Checked only when every attachment in the "
	    "inputs names its role in the plan.\n"
	    "Fix: attach the policy the workload needs "
	    "(aws_iam_role_policy_attachment with role = the role's name).",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct iam_role	*role = b->role;

	if (role == NULL || role->has_policies || role->policies_unknown ||
	    ctx->m->role_policy_unknown ||
	    (role->name != NULL &&
	    strmap_get(&ctx->m->policy_by_role, role->name) != NULL) ||
	    (role->address != NULL &&
	    strmap_get(&ctx->m->policy_by_role_ref, role->address) != NULL))
		return;		/* attached, or cannot tell */
	rule_report(ctx->dg, r, r->severity, ctx->m, b, &b->ann->key_loc,
	    "role %s has no attached or inline policy in the inputs, so the "
	    "pod can assume it and do nothing with it", role->name != NULL ?
	    role->name : role->address);
}
