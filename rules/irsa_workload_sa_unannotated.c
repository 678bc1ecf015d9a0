/* SPDX-License-Identifier: ISC */
/* Flag workloads whose ServiceAccount a trust names but lacks a role-arn. */
#include <stdlib.h>
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
static const struct pcond *sub_cond(struct model *, const struct pcond *,
		    const char *, struct pcond *);
static void	index_role(struct model *, struct candidates *, size_t);
static int	trusts(struct model *, const struct iam_role *, const char *);

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
	.check_model = check
};

/*
 * Condition c as a sub condition of the principal whose key is key:
 * itself, a copy in tmp with the key filled in when the key is known
 * only after apply and the values are subjects, or NULL.
 */
static const struct pcond *
sub_cond(struct model *m, const struct pcond *c, const char *key,
    struct pcond *tmp)
{
	const char	*issuer;

	if (c->key == NULL && trust_claim(m->arena, c, &issuer) ==
	    CLAIM_SUB) {
		*tmp = *c;
		tmp->key = key;
		return tmp;
	}
	return c->key != NULL && strcasecmp(c->key, key) == 0 ? c : NULL;
}

/* Do the role's sub conditions, all of them, admit subject? */
static int
trusts(struct model *m, const struct iam_role *role, const char *subject)
{
	const struct pstmt	*st;
	const struct pcond	*c;
	const struct trust_oidc	*o;
	struct pcond		 tmp;
	struct req_kv		 kv;
	struct req_ctx		 rc = { &kv, 1 };
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
				if ((c = sub_cond(m, &st->conds[k],
				    kv.key, &tmp)) == NULL)
					continue;
				nsub++;
				ok = pcond_eval(c, &rc) == TRI_TRUE;
			}
			if (ok && nsub > 0)
				return 1;
		}
	}
	return 0;
}

/*
 * Index role i: a statement whose sub conditions include a plain
 * StringEquals of known values can admit only those subjects; any
 * other statement that tests sub makes the role a candidate for all.
 */
static void
index_role(struct model *m, struct candidates *cd, size_t i)
{
	const struct iam_role	*role = m->roles.v[i];
	const struct pstmt	*st;
	const struct pcond	*c, *lit;
	const struct trust_oidc	*o;
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
				if ((c = sub_cond(m, &st->conds[k],
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
	struct model		*m = ctx->m;
	struct candidates	 cd;
	size_t			 i;

	if (m->roles.n == 0)
		return;
	strmap_init(&cd.by_sub);
	cd.any = xreallocarray(NULL, m->roles.n, sizeof(*cd.any));
	cd.nany = 0;
	for (i = 0; i < m->roles.n; i++)
		index_role(m, &cd, i);
	for (i = 0; i < m->objs.n; i++)
		check_obj(r, ctx, &cd, m->objs.v[i]);
	strmap_release(&cd.by_sub);
	free(cd.any);
}

static void
check_obj(const struct rule *r, struct check_ctx *ctx,
    const struct candidates *cd, const struct k8s_obj *o)
{
	struct model		*m = ctx->m;
	const struct strmap_val	*v;
	const struct k8s_obj	*sa;
	const struct iam_role	*role;
	const char		*ns = k8s_obj_ns(m, o), *sub;
	struct diag		*d;
	size_t			 a = 0, i;

	if (!k8s_kind_is_workload(o->kind) ||
	    (sa = model_find_sa(m, ns, k8s_obj_sa(o))) == NULL ||
	    k8s_sa_has_role(sa))
		return;
	sub = arena_printf(m->arena, "system:serviceaccount:%s:%s", ns,
	    sa->name);
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
