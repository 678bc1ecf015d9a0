/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's reader of an eksctl ClusterConfig: the
 * ServiceAccounts its iam.serviceAccounts will create.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "input.h"
#include "k8s.h"
#include "model.h"

static int	kl_esa(struct kload *, struct kl_pend *);
static int	kl_esa_meta(struct kload *, struct kl_esa *);

/* Read eksctl's iam.serviceAccounts, the sequence entered. */
int
kl_esas(struct kload *kl, struct kl_pend *p)
{
	int	 r;

	while ((r = kl_item(kl)) == 1)
		if (!kl_esa(kl, p))
			return 0;
	return r == 2;
}

/* One eksctl ServiceAccount, the mapping entered. */
static int
kl_esa(struct kload *kl, struct kl_pend *p)
{
	struct kl_esa		 e;
	struct input_key	 k;
	const char		*s;
	int			 r;

	memset(&e, 0, sizeof(e));
	e.loc = kl->in.ev.loc;
	while ((r = input_entry(&kl->in, &k)) == 1) {
		if (k.ok && strcmp(k.s, "metadata") == 0 &&
		    kl->in.ev.type == INPUT_MAP_START) {
			if (!input_enter(&kl->in) || !kl_esa_meta(kl, &e))
				return 0;
			continue;
		}
		if (k.ok && strcmp(k.s, "attachRoleARN") == 0 &&
		    (s = kl_scalar_value(kl)) != NULL) {
			e.role.key = "eks.amazonaws.com/role-arn";
			e.role.value = s;
			e.role.key_loc = k.loc;
			e.role.value_loc = kl->in.ev.loc;
		} else if (k.ok && strcmp(k.s, "roleOnly") == 0 &&
		    (s = kl_scalar_value(kl)) != NULL)
			e.role_only = strcmp(s, "true") == 0;
		if (!input_skip(&kl->in))
			return 0;
	}
	if (r == 0)
		return 0;
	KL_APUSH(kl->a, p->esas, e);
	return 1;
}

static int
kl_esa_meta(struct kload *kl, struct kl_esa *e)
{
	struct input_key	 k;
	int			 r;

	while ((r = input_entry(&kl->in, &k)) == 1) {
		if (k.ok && strcmp(k.s, "name") == 0) {
			e->name.s = kl_scalar_value(kl);
			e->name.loc = kl->in.ev.loc;
		} else if (k.ok && strcmp(k.s, "namespace") == 0) {
			e->ns.s = kl_scalar_value(kl);
			e->ns.loc = kl->in.ev.loc;
		} else if (k.ok && strcmp(k.s, "annotations") == 0 &&
		    kl->in.ev.type == INPUT_MAP_START) {
			if (!input_enter(&kl->in) ||
			    !kl_annotations(kl, &e->ann,
			    "iam.serviceAccounts.metadata.annotations", 0))
				return 0;
			continue;
		}
		if (!input_skip(&kl->in))
			return 0;
	}
	return r == 2;
}

/*
 * eksctl creates each ServiceAccount of iam.serviceAccounts in its
 * namespace, "default" when unset whatever -n says, and annotates it
 * with attachRoleARN, or with the ARN of a role it creates (known only
 * after apply).  roleOnly creates the role and no ServiceAccount.
 */
void
kl_commit_esas(struct kload *kl, struct kl_pend *p)
{
	struct kl_esa	*e;
	struct k8s_obj	*o;
	size_t		 i;
	const char	*origin;

	if (p->api.s == NULL || strncmp(p->api.s, "eksctl.io/", 10) != 0)
		return;
	origin = arena_printf(kl->a, "eksctl ClusterConfig %s",
	    p->name.s != NULL ? p->name.s : "(unnamed)");
	for (i = 0; i < p->esas.n; i++) {
		e = &p->esas.v[i];
		if (e->role_only || e->name.s == NULL)
			continue;
		if (e->role.value != NULL)
			KL_APUSH(kl->a, e->ann, e->role);
		o = model_add_obj(kl->m);
		o->kind = K8S_SERVICEACCOUNT;
		o->kind_name = "ServiceAccount";
		o->api_version = "v1";
		o->loc = o->kind_loc = e->loc;
		o->name = e->name.s;
		o->name_loc = e->name.loc;
		o->ns = e->ns.s != NULL ? e->ns.s : "default";
		o->ns_loc = e->ns.s != NULL ? e->ns.loc : e->name.loc;
		o->annotations = e->ann.v;
		o->nannotations = e->ann.n;
		o->origin = origin;
		o->role_pending = e->role.value == NULL;
		if (kl->source != NULL) {
			o->source = kl->source->path;
			o->source_loc = kl->source->loc;
		}
	}
}
