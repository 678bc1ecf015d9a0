/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's last step: a complete document's pending
 * objects enter the model, with the pod spec their kind selects.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "input.h"
#include "k8s.h"
#include "load.h"
#include "model.h"

static struct k8s_obj	*kl_commit_obj(struct kload *, struct kl_pend *);

/* Choose the pod spec the kind selects, and check its SA's path. */
void
kl_finish_sa(struct kload *kl, struct kl_pend *p)
{
	struct kl_sacand	*c;

	switch (k8s_kind_from_name(p->kind.s)) {
	case K8S_POD:
		p->chosen = SA_POD;
		break;
	case K8S_DEPLOYMENT:
	case K8S_STATEFULSET:
	case K8S_DAEMONSET:
	case K8S_REPLICASET:
	case K8S_JOB:
		p->chosen = SA_TEMPLATE;
		break;
	case K8S_CRONJOB:
		p->chosen = SA_CRONJOB;
		break;
	default:
		return;
	}
	c = &p->pod[p->chosen].sa;
	if (c->state == SAS_SHAPE) {
		kl_error(kl, &c->loc, "%s: expected %s, found %s", c->path,
		    c->want, c->found);
		c->state = SAS_NONE;
	}
}

/* Copy a pending object into the model; its strings are arena's. */
static struct k8s_obj *
kl_commit_obj(struct kload *kl, struct kl_pend *p)
{
	struct k8s_obj	*o;
	struct kl_pod	*pod = p->chosen >= 0 ? &p->pod[p->chosen] : NULL;
	KL_VEC(struct k8s_dup)	 dups = { NULL, 0, 0 };
	struct k8s_dup	 d;
	struct k8s_more	*x;
	size_t		 i, j, n;
	int		 fp;

	o = model_add_obj(kl->m);
	o->kind = k8s_kind_from_name(p->kind.s);
	o->kind_name = p->kind.s;
	o->kind_loc = p->kind.loc;
	o->loc = p->loc;
	o->api_version = p->api.s;
	o->name = p->name.s;
	o->name_loc = p->name.loc;
	o->ns = p->ns.s;
	o->ns_loc = p->ns.loc;
	o->annotations = p->ann.v;
	o->nannotations = p->ann.n;
	/* Most objects are ServiceAccounts with none of k8s_more. */
	if (pod != NULL) {
		x = k8s_obj_more(kl->a, o);
		if (pod->sa.state == SAS_VALUE) {
			x->sa_name = pod->sa.value;
			x->sa_loc = pod->sa.loc;
		}
		x->containers = pod->cont.v;
		x->ncontainers = pod->cont.n;
		if (p->chosen != SA_POD) {
			x->tmpl_annotations = pod->ann.v;
			x->ntmpl_annotations = pod->ann.n;
		}
	}
	/* The document's stray keys are on the heap: keep these exactly. */
	for (i = 0, n = 0; i < p->stray.n; i++)
		if (p->stray.v[i].pod < 0 || p->stray.v[i].pod == p->chosen)
			n++;
	if (n > 0) {
		x = k8s_obj_more(kl->a, o);
		x->nstray = n;
		x->stray = arena_alloc(kl->a, n * sizeof(*x->stray));
		for (i = 0, j = 0; i < p->stray.n; i++)
			if (p->stray.v[i].pod < 0 ||
			    p->stray.v[i].pod == p->chosen)
				x->stray[j++] = p->stray.v[i].k;
	}
	for (i = 0; i < p->dups.n; i++) {
		fp = p->dups.v[i].pod;
		if (fp >= 0 && fp != p->chosen)
			continue;
		d.path = p->dups.v[i].path;
		d.loc = p->dups.v[i].loc;
		d.first = p->dups.v[i].first;
		KL_APUSH(kl->a, dups, d);
	}
	if (dups.n > 0) {
		x = k8s_obj_more(kl->a, o);
		x->dups = dups.v;
		x->ndups = dups.n;
	}
	if ((o->kind == K8S_SECRET || o->kind == K8S_CONFIGMAP) &&
	    p->data_keys.n > 0) {
		x = k8s_obj_more(kl->a, o);
		x->data_keys = p->data_keys.v;
		x->ndata_keys = p->data_keys.n;
	}
	if (kl->has_source) {
		o->source = kl->source.path;
		o->source_loc = kl->source.loc;
	}
	return o;
}

/* The document is complete: copy its objects into the model. */
void
kl_commit(struct kload *kl)
{
	struct kl_pend	*p;
	struct k8s_obj	*o;
	size_t		 i;

	for (i = 0; i < kl->objs.n; i++) {
		p = kl->objs.v[i];
		if (kl->m->objs.n >= LOAD_MAX_OBJECTS) {
			if (!kl->m->objs_full)
				kl_error(kl, &p->loc, "more than %d Kubernetes "
				    "objects; the rest are not read",
				    LOAD_MAX_OBJECTS);
			kl->m->objs_full = 1;
			break;
		}
		o = kl_commit_obj(kl, p);
		if (strcmp(p->kind.s, "ClusterConfig") == 0)
			kl_commit_eksctl(kl, p);
		else if (!kl_commit_ack(kl, p, o))
			(void)kl_commit_xp(kl, p, o);
	}
	kl->objs.n = 0;
}
