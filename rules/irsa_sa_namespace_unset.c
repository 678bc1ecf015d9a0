/* SPDX-License-Identifier: ISC */
/* Flag objects without a namespace where the assumed one breaks IRSA. */
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "strmap.h"
#include "util.h"


static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static const char *trust_namespace(const struct model *,
		    const struct binding *);
static void	check_sa(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static void	check_workload(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);

const struct rule rule_irsa_sa_namespace_unset = {
	.id = "irsa-sa-namespace-unset",
	.severity = SEV_WARNING,
	.summary = "object sets no namespace, and the one assumed breaks IRSA",
	.explain =
	    "A ServiceAccount or workload without metadata.namespace lands "
	    "in whatever namespace kubectl or helm uses when it is applied "
	    "(-n, the kubeconfig context).  irsalint assumes \"default\", or "
	    "the namespace given with -n.  This warning says that the "
	    "assumption matters: the role's trust admits the ServiceAccount "
	    "only in another namespace, or the workload's ServiceAccount is "
	    "declared only in another namespace.  If the manifests are "
	    "always applied with that namespace all is well, but nothing "
	    "in them says so.\n"
	    "Fix: set metadata.namespace explicitly, or lint with -n set "
	    "to the namespace the manifests are applied in.",
	.check_object = check
};

/*
 * The namespace the closest sub value of the trust allows for this
 * SA's name, when only the namespace differs; NULL otherwise.
 */
static const char *
trust_namespace(const struct model *m, const struct binding *b)
{
	const struct pcond	*c = b->sub_cond;
	const char		*v, *ns, *name;
	size_t			 i, nslen;
	int			 like;

	if (b->verdict != TRI_FALSE || b->closest == NULL ||
	    (b->fail & FAIL_SUB) == 0 || c == NULL)
		return NULL;
	like = c->base == COND_STRING_LIKE;
	for (i = 0; i < c->values.n; i++) {
		v = c->values.v[i];
		if (v == NULL || !trust_subject_split(v, &ns, &nslen, &name) ||
		    strchr(name, ':') != NULL)
			continue;
		if (like ? str_like(name, b->sa->name) :
		    strcmp(name, b->sa->name) == 0)
			return arena_strndup(m->arena, ns, nslen);
	}
	return NULL;
}

static void
check_sa(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o)
{
	const struct binding	*b = rule_binding_of(ctx, o);
	const char		*want;

	if (b == NULL || (want = trust_namespace(ctx->m, b)) == NULL)
		return;
	rule_report(ctx->dg, r, r->severity, ctx->m, b, &o->name_loc,
	    "sets no namespace and was taken to be in %s (see -n), but %s "
	    "admits it only in namespace %s: set metadata.namespace: %s, "
	    "or lint with -n %s", b->ns, bind_trust_name(ctx->m, b,
	    b->closest), want, want, want);
}

static void
check_workload(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o)
{
	const struct model		*m = ctx->m;
	const struct k8s_obj	*x;
	const struct strmap_val	*v;
	const char		*sa = k8s_obj_sa(o);
	struct buf		 where = BUF_INIT;
	size_t			 n = 0;

	if (model_find_sa(m, k8s_obj_ns(m, o), sa) != NULL)
		return;
	for (v = strmap_get(&m->sa_by_name, sa); v != NULL; v = v->next) {
		x = v->v;
		if (x->ns != NULL)
			buf_addf(&where, "%s%s", n++ ? ", " : "", x->ns);
	}
	if (n > 0)
		rule_report_obj(ctx->dg, r, r->severity, m, o,
		    o->more->sa_name != NULL ? &o->more->sa_loc : &o->name_loc,
		    "sets no namespace and was taken to be in %s (see -n), "
		    "but its ServiceAccount %s is declared only in namespace "
		    "%s: set metadata.namespace, or lint with -n",
		    k8s_obj_ns(m, o), sa, where.buf);
	buf_release(&where);
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	if (o->ns != NULL)
		return;
	if (o->kind == K8S_SERVICEACCOUNT)
		check_sa(r, ctx, o);
	else if (k8s_kind_is_workload(o->kind))
		check_workload(r, ctx, o);
}
