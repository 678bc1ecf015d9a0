/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's reader of a pod spec's containers and
 * initContainers: each one's name, env and envFrom.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "input.h"
#include "k8s.h"
#include "model.h"

static int	kl_container(struct kload *, struct kl_pod *, int);
static int	kl_env(struct kload *, struct k8s_container *);
static int	kl_env_from(struct kload *, struct k8s_container *);

/* Read containers or initContainers, the sequence entered. */
int
kl_containers(struct kload *kl, struct kl_pod *pod, int init)
{
	int	 r;

	while ((r = kl_item(kl)) == 1)
		if (!kl_container(kl, pod, init))
			return 0;
	return r == 2;
}

/* Read one container's name, env and envFrom, the mapping entered. */
static int
kl_container(struct kload *kl, struct kl_pod *pod, int init)
{
	struct k8s_container	*c;
	struct input_key	 k;
	int			 r;

	c = arena_alloc(kl->a, sizeof(*c));
	c->loc = kl->in.ev.loc;
	c->init = init;
	for (;;) {
		if ((r = input_entry(&kl->in, &k)) != 1)
			break;
		if (k.ok && strcmp(k.s, "name") == 0 &&
		    (c->name = kl_scalar_value(kl)) != NULL)
			c->loc = kl->in.ev.loc;
		else if (k.ok && strcmp(k.s, "env") == 0 &&
		    kl->in.ev.type == INPUT_SEQ_START) {
			if (!input_enter(&kl->in) || !kl_env(kl, c))
				return 0;
			continue;
		} else if (k.ok && strcmp(k.s, "envFrom") == 0 &&
		    kl->in.ev.type == INPUT_SEQ_START) {
			if (!input_enter(&kl->in) || !kl_env_from(kl, c))
				return 0;
			continue;
		}
		if (!input_skip(&kl->in))
			return 0;
	}
	if (r == 0)
		return 0;
	KL_APUSH(kl->a, pod->cont, *c);
	return 1;
}

/* Read a container's env, the sequence entered. */
static int
kl_env(struct kload *kl, struct k8s_container *c)
{
	KL_VEC(struct k8s_env)	 v = { c->env, c->nenv, c->nenv };
	struct k8s_env		 e;
	struct input_key	 k;
	int			 r;

	while ((r = kl_item(kl)) == 1) {
		memset(&e, 0, sizeof(e));
		e.loc = kl->in.ev.loc;
		while ((r = input_entry(&kl->in, &k)) == 1) {
			if (k.ok && strcmp(k.s, "name") == 0 &&
			    (e.name = kl_scalar_value(kl)) != NULL)
				e.loc = kl->in.ev.loc;
			else if (k.ok && strcmp(k.s, "value") == 0 &&
			    kl->in.ev.type == INPUT_SCALAR) {
				e.value = kl_scalar_dup(kl);
				e.value_loc = kl->in.ev.loc;
			} else if (k.ok && strcmp(k.s, "valueFrom") == 0)
				e.value_from = 1;
			if (!input_skip(&kl->in))
				return 0;
		}
		if (r == 0)
			return 0;
		if (e.name != NULL)
			KL_APUSH(kl->a, v, e);
	}
	if (r == 0)
		return 0;
	c->env = v.v;
	c->nenv = v.n;
	return 1;
}

/* Read a container's envFrom, the sequence entered. */
static int
kl_env_from(struct kload *kl, struct k8s_container *c)
{
	KL_VEC(struct k8s_env_from)	 v = { c->env_from, c->nenv_from,
					    c->nenv_from };
	struct k8s_env_from		 e;
	struct input_key		 k, rk;
	int				 r;

	while ((r = kl_item(kl)) == 1) {
		memset(&e, 0, sizeof(e));
		e.prefix = "";
		while ((r = input_entry(&kl->in, &k)) == 1) {
			if (k.ok && strcmp(k.s, "prefix") == 0 &&
			    kl->in.ev.type == INPUT_SCALAR)
				e.prefix = kl_scalar_dup(kl);
			else if (k.ok && (strcmp(k.s, "secretRef") == 0 ||
			    strcmp(k.s, "configMapRef") == 0) &&
			    kl->in.ev.type == INPUT_MAP_START) {
				e.kind = k.s[0] == 's' ? "Secret" : "ConfigMap";
				e.loc = k.loc;
				if (!input_enter(&kl->in))
					return 0;
				while ((r = input_entry(&kl->in, &rk)) == 1) {
					if (rk.ok && strcmp(rk.s, "name") == 0)
						e.name = kl_scalar_value(kl);
					if (!input_skip(&kl->in))
						return 0;
				}
				if (r == 0)
					return 0;
				continue;
			}
			if (!input_skip(&kl->in))
				return 0;
		}
		if (r == 0)
			return 0;
		if (e.kind != NULL)
			KL_APUSH(kl->a, v, e);
	}
	if (r == 0)
		return 0;
	c->env_from = v.v;
	c->nenv_from = v.n;
	return 1;
}
