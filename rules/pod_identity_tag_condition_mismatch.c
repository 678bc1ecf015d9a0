/* SPDX-License-Identifier: ISC */
/* Flag Pod Identity trusts whose session-tag conditions refuse the association. */
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "bind.h"
#include "model.h"
#include "policy.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_pod_identity_tag_condition_mismatch = {
	.id = "pod-identity-tag-condition-mismatch",
	.severity = SEV_ERROR,
	.summary = "Pod Identity trust conditions on session tags that "
	    "contradict the association",
	.explain =
	    "EKS Pod Identity tags the role session with "
	    "kubernetes-namespace, kubernetes-service-account and "
	    "eks-cluster-name, and a trust may require them with conditions "
	    "on aws:RequestTag/<tag>.  When such a condition names another "
	    "namespace, ServiceAccount or cluster than the association, "
	    "the EKS Auth service's AssumeRole is refused and the pod gets "
	    "no credentials.\n"
	    "Fix: make the aws:RequestTag conditions and the association "
	    "name the same namespace, ServiceAccount and cluster.",
	.check_model = check
};

static void
check_stmt(const struct rule *r, struct check_ctx *ctx,
    const struct pod_identity *p, const struct iam_role *role,
    const struct pstmt *st)
{
	struct req_kv	 kv[3] = {
		{ "aws:RequestTag/kubernetes-namespace", p->ns },
		{ "aws:RequestTag/kubernetes-service-account", p->sa },
		{ "aws:RequestTag/eks-cluster-name", p->cluster }
	};
	struct req_ctx	 rc = { kv, 3 };
	const struct pcond *c;
	struct diag	*d;
	size_t		 i;

	for (i = 0; i < st->nconds; i++) {
		c = &st->conds[i];
		if (c->key == NULL || strncasecmp(c->key, "aws:RequestTag/",
		    15) != 0 || pcond_eval(c, &rc) != TRI_FALSE)
			continue;
		/* An unknown tag value is absent to pcond_eval: skip. */
		if ((strcasecmp(c->key, kv[0].key) == 0 && p->ns == NULL) ||
		    (strcasecmp(c->key, kv[1].key) == 0 && p->sa == NULL) ||
		    (strcasecmp(c->key, kv[2].key) == 0 && p->cluster == NULL))
			continue;
		d = diag_add(ctx->dg, r, &p->loc, "%s: the trust policy of %s "
		    "requires %s %s %s, which the association's session tags "
		    "do not meet", p->address, role->address, c->key, c->op,
		    c->values.n > 0 && c->values.v[0] != NULL ?
		    c->values.v[0] : "(unknown)");
		d->address = p->address;
		diag_related(ctx->dg, d, &role->loc, role->address,
		    "the association's role is defined here");
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct pod_identity	*p;
	const struct iam_role		*role;
	size_t				 i, j;

	for (i = 0; i < ctx->m->pod_identities.n; i++) {
		p = ctx->m->pod_identities.v[i];
		role = bind_pod_identity_role(ctx->m, p);
		if (role == NULL || role->trust == NULL)
			continue;
		for (j = 0; j < role->trust->n; j++)
			if (role->trust->st[j].allow &&
			    pstmt_action_matches(&role->trust->st[j],
			    "sts:AssumeRole"))
				check_stmt(r, ctx, p, role, &role->trust->st[j]);
	}
}
