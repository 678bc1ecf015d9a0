/* SPDX-License-Identifier: ISC */
/* Flag workloads whose ServiceAccount a trust names but lacks a role-arn. */
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "arn.h"
#include "bind.h"
#include "engine.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static int	trusts(struct model *, const struct tf_role *, const char *);

const struct rule rule_irsa_workload_sa_unannotated = {
	.id = "irsa-workload-sa-unannotated",
	.severity = SEV_WARNING,
	.summary = "a role trusts the workload's ServiceAccount, which has no "
	    "role-arn",
	.explain =
	    "A role's trust policy admits the ServiceAccount a workload runs "
	    "as, so the role was clearly made for it, but the ServiceAccount "
	    "has no eks.amazonaws.com/role-arn annotation.  The webhook "
	    "injects nothing, and the pods run with the node's instance "
	    "role or without credentials.  Typical causes: the annotation "
	    "went to the Deployment instead, or a Helm value such as "
	    "serviceAccount.annotations was not set.\n"
	    "Fix: annotate the ServiceAccount with the role's ARN.",
	.check_object = check
};

/* Do the role's sub conditions, all of them, admit subject? */
static int
trusts(struct model *m, const struct tf_role *role, const char *subject)
{
	const struct pstmt	*st;
	const struct trust_oidc	*o;
	struct pcond		 c;
	struct req_kv		 kv;
	struct req_ctx		 rc = { &kv, 1 };
	const char		*issuer;
	size_t			 i, j, k, nsub;
	int			 ok;

	for (i = 0; i < role->trust->n; i++) {
		st = &role->trust->st[i];
		if (!st->allow)
			continue;
		for (j = 0; j < st->federated.n; j++) {
			if ((o = trust_oidc(m, st->federated.v[j])) == NULL)
				continue;
			kv.key = o->sub_key;
			kv.value = subject;
			ok = 1;
			nsub = 0;
			for (k = 0; k < st->nconds && ok; k++) {
				/*
				 * A key known only once deployed is a sub
				 * condition when its values are subjects.
				 */
				c = st->conds[k];
				if (c.key == NULL && trust_claim(m->arena, &c,
				    &issuer) == CLAIM_SUB)
					c.key = kv.key;
				if (c.key == NULL ||
				    strcasecmp(c.key, kv.key) != 0)
					continue;
				nsub++;
				ok = pcond_eval(&c, &rc) == TRI_TRUE;
			}
			if (ok && nsub > 0)
				return 1;
		}
	}
	return 0;
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	struct model		*m = ctx->m;
	const struct k8s_obj	*sa;
	const struct tf_role	*role;
	const char		*ns = k8s_obj_ns(m, o), *sub;
	struct diag		*d;
	size_t			 i;

	if (!k8s_kind_is_workload(o->kind) ||
	    (sa = model_find_sa(m, ns, k8s_obj_sa(o))) == NULL ||
	    k8s_sa_has_role(sa))
		return;
	sub = arena_printf(m->arena, "system:serviceaccount:%s:%s", ns,
	    sa->name);
	for (i = 0; i < m->roles.n; i++) {
		role = m->roles.v[i];
		if (role->trust == NULL || !trusts(m, role, sub))
			continue;
		d = engine_report_obj(ctx->dg, r, r->severity, m, o,
		    o->sa_name != NULL ? &o->sa_loc : &o->name_loc,
		    "runs as ServiceAccount %s/%s, which %s trusts, but the "
		    "ServiceAccount has no %s annotation: annotate it with "
		    "the role's ARN", ns, sa->name, bind_role_name(m, role),
		    ANN_ROLE_ARN);
		diag_related(ctx->dg, d, &sa->name_loc, NULL,
		    "ServiceAccount %s/%s is declared here", ns, sa->name);
		d->address = role->address;
		return;
	}
}
