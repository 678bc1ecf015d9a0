/* SPDX-License-Identifier: ISC */
/* Flag Pod Identity roles whose trust does not admit the EKS Auth service. */
#include <string.h>

#include "diag.h"
#include "bind.h"
#include "model.h"
#include "policy.h"
#include "rule.h"

#define POD_IDENTITY_SERVICE	"pods.eks.amazonaws.com"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_pod_identity_trust_invalid = {
	.id = "pod-identity-trust-invalid",
	.severity = SEV_ERROR,
	.summary = "Pod Identity role does not trust pods.eks.amazonaws.com "
	    "with sts:AssumeRole and sts:TagSession",
	.explain =
	    "With EKS Pod Identity the EKS Auth service assumes the role on "
	    "the pod's behalf and tags the session with the cluster, "
	    "namespace and ServiceAccount.  The role's trust must allow the "
	    "principal {\"Service\": \"pods.eks.amazonaws.com\"} both "
	    "sts:AssumeRole and sts:TagSession.  An IRSA-style trust "
	    "(Federated, AssumeRoleWithWebIdentity), or one without "
	    "TagSession, makes the association useless: the pod's "
	    "credential requests fail with AccessDenied.\n"
	    "Fix: add an Allow statement with Principal {\"Service\": "
	    "\"pods.eks.amazonaws.com\"} and Action [\"sts:AssumeRole\", "
	    "\"sts:TagSession\"].",
	.check_model = check
};

/* Does an Allow statement for the Pod Identity service cover action? */
static int
allows(const struct policy *p, const char *action)
{
	const struct pstmt	*st;
	size_t			 i, j;

	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		if (!st->allow || !pstmt_action_matches(st, action))
			continue;
		if (st->principal_star)
			return 1;
		for (j = 0; j < st->service.n; j++)
			if (st->service.v[j] != NULL && strcmp(st->service.v[j],
			    POD_IDENTITY_SERVICE) == 0)
				return 1;
	}
	return 0;
}

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct pod_identity	*p;
	const struct iam_role		*role;
	struct diag			*d;
	size_t				 i;
	int				 ar, ts;

	for (i = 0; i < ctx->m->pod_identities.n; i++) {
		p = ctx->m->pod_identities.v[i];
		role = bind_pod_identity_role(ctx->m, p);
		if (role == NULL || role->trust == NULL || role->trust_partial)
			continue;
		ar = allows(role->trust, "sts:AssumeRole");
		ts = allows(role->trust, "sts:TagSession");
		if (ar && ts)
			continue;
		d = diag_add(ctx->dg, r, &p->loc, "%s: the trust policy of %s "
		    "does not allow %s%s%s to %s", p->address, role->address,
		    ar ? "" : "sts:AssumeRole", ar || ts ? "" : " and ",
		    ts ? "" : "sts:TagSession", POD_IDENTITY_SERVICE);
		d->address = p->address;
		diag_related(ctx->dg, d, &role->loc, role->address,
		    "the association's role is defined here");
	}
}
