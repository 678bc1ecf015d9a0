/* SPDX-License-Identifier: ISC */
/*
 * What the inputs imply once every one is read: the ServiceAccounts an
 * EKS add-on runs as and its Pod Identity associations, from the
 * add-on table (model_addon_info()), and the existing roles eksctl's
 * attachRoleARN names, kept only where no input declares them; the
 * ServiceAccounts Terraform declares (tf_k8s.c), once plans and their
 * sources are one.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "strmap.h"
#include "xalloc.h"

#define ANN_ROLE	"eks.amazonaws.com/role-arn"

static int	implied_declared(const struct strmap *, const struct strmap *,
		    const struct iam_role *);
static void	implied_roles(struct model *);
static void	implied_sa(struct model *, const struct eks_addon *,
		    const struct eks_addon_info *, const char *);
static void	implied_addon(struct model *, const struct eks_addon *);
static void	implied_tf_sa(struct model *, const struct tf_sa *);

/* Does another input declare the role r stands for? */
static int
implied_declared(const struct strmap *by_arn, const struct strmap *by_name,
    const struct iam_role *r)
{
	const struct strmap_val	*v;
	const struct iam_role	*q;

	if (strmap_get(by_arn, r->arn) != NULL)
		return 1;
	for (v = strmap_get(by_name, r->name); v != NULL; v = v->next) {
		q = v->v;
		if (q->arn == NULL && strcmp(q->path, r->path) == 0)
			return 1;
	}
	return 0;
}

/*
 * An existing role eksctl attaches (attachRoleARN) is one of the
 * inputs' when another input declares it by ARN, or by name and path
 * while its ARN is unknown: then that declaration, with its trust, is
 * the role, and the stand-in goes.  Indexes follow the vector.
 */
static void
implied_roles(struct model *m)
{
	struct strmap	 by_arn, by_name;
	struct iam_role	*r;
	size_t		 i, j;

	strmap_init(&by_arn);
	strmap_init(&by_name);
	for (i = 0; i < m->roles.n; i++) {
		r = m->roles.v[i];
		if (r->trust_elsewhere != NULL && r->src == SRC_EKSCTL)
			continue;
		if (r->arn != NULL)
			strmap_add(&by_arn, m->arena, r->arn, r);
		if (r->name != NULL)
			strmap_add(&by_name, m->arena, r->name, r);
	}
	for (i = j = 0; i < m->roles.n; i++) {
		r = m->roles.v[i];
		if (r->trust_elsewhere != NULL && r->src == SRC_EKSCTL &&
		    implied_declared(&by_arn, &by_name, r))
			continue;
		r->index = j;
		m->roles.v[j++] = r;
	}
	m->roles.n = j;
	strmap_release(&by_arn);
	strmap_release(&by_name);
}

/*
 * One ServiceAccount the add-on runs as, at the field that gives it its
 * role (else at its name), annotated as EKS annotates it.  Its name
 * and namespace are the table's, not written anywhere: ns_loc has no
 * end, so that no fix is offered there.
 */
static void
implied_sa(struct model *m, const struct eks_addon *ad,
    const struct eks_addon_info *info, const char *name)
{
	struct k8s_obj	*o;
	struct k8s_more	*x;
	struct kv_pos	*a;

	if (m->objs.n >= LOAD_MAX_OBJECTS) {
		m->objs_full = 1;
		return;
	}
	o = model_add_obj(m);
	o->kind = K8S_SERVICEACCOUNT;
	o->kind_name = "ServiceAccount";
	o->api_version = "v1";
	o->loc = o->kind_loc = ad->role.key != NULL ? ad->role.key_loc :
	    ad->name_loc;
	o->name = name;
	o->name_loc = ad->name_loc;
	o->ns = ad->ns != NULL ? ad->ns : info->ns;
	o->ns_loc = ad->name_loc;
	o->ns_loc.end_line = o->ns_loc.end_col = 0;
	x = k8s_obj_more(m->arena, o);
	x->origin = arena_printf(m->arena, "EKS add-on %s (%s)", ad->name,
	    ad->address);
	x->addon = ad;
	if (ad->role.key == NULL)
		return;
	if (ad->role.value != NULL) {
		a = arena_alloc(m->arena, sizeof(*a));
		a->key = ANN_ROLE;
		a->value = ad->role.value;
		a->key_loc = ad->role.key_loc;
		a->value_loc = ad->role.value_loc;
		o->annotations = a;
		o->nannotations = 1;
		return;
	}
	x->role_pending = 1;
	if ((x->role_ref = ad->role_ref) == NULL)
		return;
	x->role_field.key = ANN_ROLE;
	x->role_field.value = ad->role_ref;
	x->role_field.key_loc = ad->role.key_loc;
	x->role_field.value_loc = ad->role.value_loc;
}

/*
 * An add-on's ServiceAccounts, when the table knows them, and its
 * associations, in the add-on's namespace unless they name their own.
 */
static void
implied_addon(struct model *m, const struct eks_addon *ad)
{
	const struct eks_addon_info	*info = NULL;
	const struct eks_addon_pia	*pia;
	struct pod_identity		*pi;
	size_t				 i;

	if (ad->name != NULL)
		info = model_addon_info(ad->name);
	for (i = 0; info != NULL && info->needs_iam && info->sas[i] != NULL;
	    i++)
		implied_sa(m, ad, info, info->sas[i]);
	for (i = 0; i < ad->npias; i++) {
		pia = &ad->pias[i];
		pi = model_add_pod_identity(m, ad->src);
		pi->address = ad->address;
		pi->tf_root = ad->tf_root;
		pi->loc = pia->loc;
		pi->cluster = ad->cluster;
		pi->ns = pia->ns != NULL ? pia->ns : ad->ns != NULL ? ad->ns :
		    info != NULL ? info->ns : NULL;
		pi->sa = pia->sa;
		pi->role_arn = pia->role_arn;
		pi->role_ref = pia->role_ref;
		pi->addon = ad;
	}
}

/*
 * A ServiceAccount of a Terraform resource, as the object it makes, or
 * why it cannot be told offline: a chart's choice is noted by
 * irsa-inputs-unrendered (lint helm template output), a value known
 * only after apply by terraform-not-evaluated.
 */
static void
implied_tf_sa(struct model *m, const struct tf_sa *t)
{
	struct k8s_obj	*o;
	struct k8s_more	*x;
	struct tf_gap	*g;

	if (t->undecided != NULL) {
		if (t->chart || strcmp(t->type, "helm_release") == 0) {
			g = model_add_unrendered(m);
			g->note = 1;
			g->msg = arena_printf(m->arena, "%s: %s; lint the "
			    "rendered chart: helm template ... | irsalint "
			    "-", t->address, t->undecided);
		} else {
			g = model_add_tf_gap(m);
			g->msg = t->undecided;
		}
		g->loc = t->undecided_loc;
		g->address = t->address;
		return;
	}
	if (m->objs.n >= LOAD_MAX_OBJECTS) {
		m->objs_full = 1;
		return;
	}
	o = model_add_obj(m);
	o->kind = K8S_SERVICEACCOUNT;
	o->kind_name = "ServiceAccount";
	o->api_version = "v1";
	o->loc = o->kind_loc = t->at;
	o->name = t->name;
	o->name_loc = t->name_loc;
	o->ns = t->ns;
	o->ns_loc = t->ns_loc;
	o->annotations = t->annotations;
	o->nannotations = t->nannotations;
	x = k8s_obj_more(m->arena, o);
	x->origin = t->address;
	x->role_pending = t->role_pending;
	if (!t->role_pending || t->role_ref == NULL)
		return;
	x->role_ref = t->role_ref;
	x->role_field = t->role_field;
	x->role_field.value = t->role_ref;
}

void
load_implied(struct model *m)
{
	size_t	 i;

	implied_roles(m);
	for (i = 0; i < m->addons.n; i++)
		implied_addon(m, m->addons.v[i]);
	for (i = 0; i < m->tf_sas.n; i++)
		implied_tf_sa(m, m->tf_sas.v[i]);
}
