/* SPDX-License-Identifier: ISC */
/* Say which EKS add-ons given a role irsalint cannot check. */
#include "diag.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_irsa_addon_unknown = {
	.id = "irsa-addon-unknown",
	.severity = SEV_NOTE,
	.summary = "EKS add-on given a role is not in irsalint's table, so "
	    "its ServiceAccount is not known",
	.explain =
	    "An EKS add-on (aws_eks_addon, AWS::EKS::Addon, eksctl addons) "
	    "runs as ServiceAccounts its own manifests fix, and EKS "
	    "annotates them with the role the add-on is given "
	    "(service_account_role_arn, ServiceAccountRoleArn, "
	    "serviceAccountRoleARN) or associates them with the roles of "
	    "its pod_identity_association blocks.  irsalint checks the "
	    "role's trust against those ServiceAccounts for the add-ons of "
	    "its table (irsalint(1) lists it, with where each entry comes "
	    "from); for another add-on, or one whose name is known only "
	    "after apply, it does not guess a ServiceAccount, and this note "
	    "says that the role was not checked.\n"
	    "Fix: check that the role's trust admits the ServiceAccount the "
	    "add-on's documentation names, or lint `kubectl get sa -A -o "
	    "json` of the cluster with the role: the add-on's ServiceAccount "
	    "then carries the annotation EKS set.",
	.check_model = check
};

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct eks_addon	*a;
	const struct loc	*loc;
	struct diag		*d;
	size_t			 i;

	for (i = 0; i < ctx->m->addons.n; i++) {
		a = ctx->m->addons.v[i];
		if ((a->role.key == NULL && a->npias == 0) ||
		    (a->name != NULL && model_addon_info(a->name) != NULL))
			continue;
		loc = a->role.key != NULL ? &a->role.key_loc : &a->pias[0].loc;
		if (a->name == NULL)
			d = diag_add(ctx->dg, r, loc, "%s: the add-on's name "
			    "is known only after apply, so the ServiceAccount "
			    "its role is for is not known and the role was not "
			    "checked against it", a->address);
		else
			d = diag_add(ctx->dg, r, loc, "%s: add-on %s is not "
			    "in irsalint's table of add-ons, so the "
			    "ServiceAccount its role is for is not known and "
			    "the role was not checked against it", a->address,
			    a->name);
		d->address = a->address;
	}
}
