/* SPDX-License-Identifier: ISC */
/* Flag workloads whose ServiceAccount a trust names but lacks a role-arn. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "arn.h"
#include "bind.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"
#include "xalloc.h"

/*
 * The roles a workload's subject is checked against: those whose trust
 * names it literally, found by hash, and those whose trust could admit
 * it otherwise (patterns, negations, values known only after apply).
 */
struct candidates {
	struct strmap	 by_sub;	/* subject to role index (size_t *) */
	size_t		*any;		/* roles to check for every subject */
	size_t		 nany;
};

static void	check(const struct rule *, struct check_ctx *);
static void	check_obj(const struct rule *, struct check_ctx *,
		    const struct candidates *, const struct k8s_obj *);
static void	index_role(const struct model *, struct candidates *, size_t);
static const struct iam_role *trusting_role(const struct model *,
		    const struct candidates *, const char *);
static void	check_sa(const struct rule *, struct check_ctx *,
		    const struct candidates *, const struct k8s_obj *,
		    const struct strmap *);

const struct rule rule_irsa_workload_sa_unannotated = {
	.id = "irsa-workload-sa-unannotated",
	.severity = SEV_WARNING,
	.summary = "a role trusts a ServiceAccount (or the workload's), which "
	    "has no role-arn",
	.explain =
	    "A role's trust policy admits the ServiceAccount a workload runs "
	    "as, so the role was clearly made for it, but the ServiceAccount "
	    "has no eks.amazonaws.com/role-arn annotation.  The webhook "
	    "injects nothing, and the pods run with the node's instance "
	    "role or without credentials.  Typical causes: the annotation "
	    "went to the Deployment instead, or a Helm value such as "
	    "serviceAccount.annotations was not set.  A ServiceAccount that "
	    "no workload of the inputs runs as is reported at its name.\n"
	    "Fix: annotate the ServiceAccount with the role's ARN.",
	.check_model = check
};

/*
 * Condition c as a sub condition of the principal whose key is key:
 * itself, a copy in tmp with the key filled in when the key is known
 * only after apply and the values are subjects, or NULL.
 */
/*
 * Index role i: a statement whose sub conditions include a plain
 * StringEquals of known values can admit only those subjects; any
 * other statement that tests sub makes the role a candidate for all.
 */
static void
index_role(const struct model *m, struct candidates *cd, size_t i)
{
	const struct iam_role	*role = m->roles.v[i];
	const struct pstmt	*st;
	const struct pcond	*c, *lit;
	const struct oidc_principal *o;
	struct pcond		 tmp;
	size_t			 s, j, k, v, nsub, *ip;

	if (role->trust == NULL)
		return;
	for (s = 0; s < role->trust->n; s++) {
		st = &role->trust->st[s];
		if (!st->allow)
			continue;
		for (j = 0; j < st->federated.n; j++) {
			if ((o = trust_oidc(m, st->federated.v[j])) == NULL)
				continue;
			lit = NULL;
			nsub = 0;
			for (k = 0; k < st->nconds; k++) {
				if ((c = trust_sub_cond(&st->conds[k],
				    o->sub_key, &tmp)) == NULL)
					continue;
				nsub++;
				if (lit == NULL && c->base ==
				    COND_STRING_EQUALS && c->flags == 0 &&
				    c != &tmp) {
					for (v = 0; v < c->values.n &&
					    c->values.v[v] != NULL; v++)
						continue;
					if (v == c->values.n)
						lit = c;
				}
			}
			if (nsub == 0)
				continue;
			if (lit == NULL) {
				cd->any[cd->nany++] = i;
				return;
			}
			ip = arena_alloc(m->arena, sizeof(*ip));
			*ip = i;
			for (v = 0; v < lit->values.n; v++)
				strmap_add(&cd->by_sub, m->arena,
				    lit->values.v[v], ip);
		}
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct model		*m = ctx->m;
	struct candidates	 cd;
	struct strmap		 used;
	const struct k8s_obj	*o;
	size_t			 i;

	if (m->roles.n == 0)
		return;
	strmap_init(&cd.by_sub);
	cd.any = xreallocarray(NULL, m->roles.n, sizeof(*cd.any));
	cd.nany = 0;
	for (i = 0; i < m->roles.n; i++)
		index_role(m, &cd, i);
	strmap_init(&used);
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if (k8s_kind_is_workload(o->kind))
			strmap_add(&used, m->arena, arena_printf(m->arena,
			    "%s/%s", k8s_obj_ns(m, o), k8s_obj_sa(o)), NULL);
		check_obj(r, ctx, &cd, o);
	}
	for (i = 0; i < m->objs.n; i++)
		check_sa(r, ctx, &cd, m->objs.v[i], &used);
	strmap_release(&used);
	strmap_release(&cd.by_sub);
	free(cd.any);
}

/* The first role, in role order, whose trust admits ns/name, or NULL. */
static const struct iam_role *
trusting_role(const struct model *m, const struct candidates *cd,
    const char *sub)
{
	const struct strmap_val	*v;
	const struct iam_role	*role;
	size_t			 a = 0, i;

	/* Both lists are in role order: merge them, first role first. */
	v = strmap_get(&cd->by_sub, sub);
	while (a < cd->nany || v != NULL) {
		if (v == NULL || (a < cd->nany &&
		    cd->any[a] <= *(size_t *)v->v)) {
			i = cd->any[a++];
			if (v != NULL && *(size_t *)v->v == i)
				v = v->next;
		} else {
			i = *(size_t *)v->v;
			v = v->next;
		}
		role = m->roles.v[i];
		if (role->trust != NULL && trust_admits_sub(m, role, sub))
			return role;
	}
	return NULL;
}

static void
check_obj(const struct rule *r, struct check_ctx *ctx,
    const struct candidates *cd, const struct k8s_obj *o)
{
	const struct model		*m = ctx->m;
	const struct k8s_obj	*sa;
	const struct iam_role	*role;
	const char		*ns = k8s_obj_ns(m, o), *sub;
	struct diag		*d;

	if (!k8s_kind_is_workload(o->kind) ||
	    (sa = model_find_sa(m, ns, k8s_obj_sa(o))) == NULL ||
	    k8s_sa_has_role(sa) || strmap_get(&m->pod_identity_by_sa,
	    arena_printf(m->arena, "%s/%s", ns, sa->name)) != NULL)
		return;
	sub = trust_subject(m->arena, ns, sa->name);
	if ((role = trusting_role(m, cd, sub)) == NULL)
		return;
	d = rule_report_obj(ctx->dg, r, r->severity, m, o,
	    o->more->sa_name != NULL ? &o->more->sa_loc : &o->name_loc,
	    "runs as ServiceAccount %s/%s, which %s trusts, but the "
	    "ServiceAccount has no %s annotation: annotate it with "
	    "the role's ARN", ns, sa->name, bind_role_name(m, role),
	    ANN_ROLE_ARN);
	diag_related(ctx->dg, d, &sa->name_loc, NULL,
	    "ServiceAccount %s/%s is declared here", ns, sa->name);
	d->address = role->address;
}

/*
 * A ServiceAccount no workload of the inputs runs as (its Deployment
 * is in another repository, or rendered later): the trust is still
 * reason enough to say that it lacks the annotation.
 */
static void
check_sa(const struct rule *r, struct check_ctx *ctx,
    const struct candidates *cd, const struct k8s_obj *o,
    const struct strmap *used)
{
	const struct model	*m = ctx->m;
	const struct iam_role	*role;
	const char		*ns, *sub;
	struct diag		*d;

	if (o->kind != K8S_SERVICEACCOUNT || o->name == NULL ||
	    k8s_sa_has_role(o))
		return;
	ns = k8s_obj_ns(m, o);
	if (strmap_get(used, arena_printf(m->arena, "%s/%s", ns,
	    o->name)) != NULL)
		return;		/* said at the workload */
	/* Pod Identity gives it the role without an annotation. */
	if (strmap_get(&m->pod_identity_by_sa, arena_printf(m->arena,
	    "%s/%s", ns, o->name)) != NULL)
		return;
	sub = trust_subject(m->arena, ns, o->name);
	if ((role = trusting_role(m, cd, sub)) == NULL)
		return;
	d = rule_report_obj(ctx->dg, r, r->severity, m, o, &o->name_loc,
	    "%s trusts this ServiceAccount, but it has no %s annotation, so "
	    "the pods that run as it get no credentials of that role: "
	    "annotate it with the role's ARN", bind_role_name(m, role),
	    ANN_ROLE_ARN);
	d->address = role->address;
}
