/* SPDX-License-Identifier: ISC */
/* Flag roles given to EKS add-ons that need no AWS permissions. */
#include "diag.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_irsa_addon_role_unneeded = {
	.id = "irsa-addon-role-unneeded",
	.severity = SEV_NOTE,
	.summary = "EKS add-on that needs no AWS permissions is given a role",
	.explain =
	    "Some EKS add-ons call no AWS API with a role of their own: "
	    "CoreDNS, kube-proxy, the CSI snapshot controller, the EKS Pod "
	    "Identity Agent (which uses the node's role), the node "
	    "monitoring agent and the GuardDuty agent, says the EKS User "
	    "Guide's page on AWS add-ons.  A role given to one of them "
	    "(service_account_role_arn, ServiceAccountRoleArn, "
	    "serviceAccountRoleARN or a Pod Identity association) is not "
	    "used (eksctl warns \"any IRSA configuration or pod identity "
	    "associations will be ignored\"): it is a leftover, or meant "
	    "for another add-on, which then runs without it.\n"
	    "Fix: remove the role from the add-on, or give it to the add-on "
	    "that needs it.",
	.check_model = check
};

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct eks_addon_info	*info;
	const struct eks_addon		*a;
	struct diag			*d;
	size_t				 i;

	for (i = 0; i < ctx->m->addons.n; i++) {
		a = ctx->m->addons.v[i];
		if (a->name == NULL || (info = model_addon_info(a->name)) ==
		    NULL || info->needs_iam)
			continue;
		if (a->role.key != NULL)
			d = diag_add(ctx->dg, r, &a->role.key_loc, "%s: "
			    "add-on %s needs no AWS permissions of its own, so "
			    "the role %s gives it is not used: remove it",
			    a->address, a->name, a->role.key);
		else if (a->npias > 0)
			d = diag_add(ctx->dg, r, &a->pias[0].loc, "%s: "
			    "add-on %s needs no AWS permissions of its own, so "
			    "the role of its Pod Identity association is not "
			    "used: remove the association", a->address,
			    a->name);
		else
			continue;
		d->address = a->address;
	}
}
