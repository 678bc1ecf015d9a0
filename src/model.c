/* SPDX-License-Identifier: ISC */
/* The model: typed lists of what the loaders found, and lookups. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "model.h"
#include "xalloc.h"

#define VEC_PUSH(vec, item) do {					\
	if ((vec).n == (vec).cap) {					\
		(vec).cap = (vec).cap ? (vec).cap * 2 : 16;		\
		(vec).v = xreallocarray((vec).v, (vec).cap,		\
		    sizeof(*(vec).v));					\
	}								\
	(vec).v[(vec).n++] = (item);					\
} while (0)

void
model_init(struct model *m, struct arena *a)
{
	memset(m, 0, sizeof(*m));
	m->arena = a;
	m->default_ns = "default";
}

void
model_release(struct model *m)
{
	free(m->objs.v);
	free(m->roles.v);
	free(m->providers.v);
	free(m->clusters.v);
	free(m->role_policies.v);
	free(m->tf_files.v);
	free(m->pod_identities.v);
	memset(m, 0, sizeof(*m));
}

struct k8s_obj *
model_add_obj(struct model *m)
{
	struct k8s_obj	*o = arena_alloc(m->arena, sizeof(*o));

	VEC_PUSH(m->objs, o);
	return o;
}

struct tf_role *
model_add_role(struct model *m)
{
	struct tf_role	*r = arena_alloc(m->arena, sizeof(*r));

	r->path = "/";
	VEC_PUSH(m->roles, r);
	return r;
}

struct tf_provider *
model_add_provider(struct model *m)
{
	struct tf_provider	*p = arena_alloc(m->arena, sizeof(*p));

	VEC_PUSH(m->providers, p);
	return p;
}

struct tf_cluster *
model_add_cluster(struct model *m)
{
	struct tf_cluster	*c = arena_alloc(m->arena, sizeof(*c));

	VEC_PUSH(m->clusters, c);
	return c;
}

struct tf_role_policy *
model_add_role_policy(struct model *m)
{
	struct tf_role_policy	*p = arena_alloc(m->arena, sizeof(*p));

	VEC_PUSH(m->role_policies, p);
	return p;
}

struct tf_file *
model_add_tf_file(struct model *m)
{
	struct tf_file	*f = arena_alloc(m->arena, sizeof(*f));

	VEC_PUSH(m->tf_files, f);
	return f;
}

struct tf_pod_identity *
model_add_pod_identity(struct model *m)
{
	struct tf_pod_identity	*p = arena_alloc(m->arena, sizeof(*p));

	VEC_PUSH(m->pod_identities, p);
	return p;
}

static const struct {
	const char	*name;
	enum k8s_kind	 kind;
} k8s_kinds[] = {
	{ "CronJob", K8S_CRONJOB },
	{ "DaemonSet", K8S_DAEMONSET },
	{ "Deployment", K8S_DEPLOYMENT },
	{ "Job", K8S_JOB },
	{ "Pod", K8S_POD },
	{ "ReplicaSet", K8S_REPLICASET },
	{ "ServiceAccount", K8S_SERVICEACCOUNT },
	{ "StatefulSet", K8S_STATEFULSET },
};

enum k8s_kind
k8s_kind_from_name(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(k8s_kinds) / sizeof(k8s_kinds[0]); i++)
		if (strcmp(name, k8s_kinds[i].name) == 0)
			return k8s_kinds[i].kind;
	return K8S_OTHER;
}

const char *
k8s_obj_ns(const struct model *m, const struct k8s_obj *o)
{
	return o->ns != NULL ? o->ns : m->default_ns;
}

/* The last annotation with this key wins, as in Kubernetes. */
const struct kv_pos *
k8s_obj_annotation(const struct k8s_obj *o, const char *key)
{
	size_t	 i;

	for (i = o->nannotations; i > 0; i--)
		if (strcmp(o->annotations[i - 1].key, key) == 0)
			return &o->annotations[i - 1];
	return NULL;
}
