/* SPDX-License-Identifier: ISC */
/* Flag static AWS keys in containers whose ServiceAccount uses IRSA. */
#include <string.h>

#include "model.h"
#include "rule.h"

#define ENV_KEY	"AWS_ACCESS_KEY_ID"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static void	check_container(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *, const struct k8s_container *);
static const struct k8s_obj *find_source(const struct model *,
		    const char *, const struct k8s_env_from *);

const struct rule rule_irsa_static_keys_shadow = {
	.id = "irsa-static-keys-shadow",
	.severity = SEV_WARNING,
	.summary = "container has static AWS keys that shadow the IRSA role",
	.explain =
	    "Every AWS SDK looks for AWS_ACCESS_KEY_ID and "
	    "AWS_SECRET_ACCESS_KEY in the environment before it looks for "
	    "a web identity token.  A container that gets static keys, in "
	    "env or from a Secret or ConfigMap through envFrom, therefore "
	    "acts as the IAM user of those keys, not as the role of its "
	    "ServiceAccount: permissions differ, and long-lived keys stay "
	    "in use after the move to IRSA.  envFrom is only checked "
	    "against a Secret or ConfigMap among the inputs.\n"
	    "Fix: remove the static keys from the container.",
	.check_object = check
};

/* The Secret or ConfigMap an envFrom names, if among the inputs. */
static const struct k8s_obj *
find_source(const struct model *m, const char *ns,
    const struct k8s_env_from *ef)
{
	const struct k8s_obj	*x;
	size_t			 i;

	if (ef->name == NULL)
		return NULL;
	for (i = m->objs.n; i > 0; i--) {
		x = m->objs.v[i - 1];
		if (x->name != NULL && strcmp(x->kind_name, ef->kind) == 0 &&
		    strcmp(x->name, ef->name) == 0 &&
		    strcmp(k8s_obj_ns(m, x), ns) == 0)
			return x;
	}
	return NULL;
}

static void
check_container(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o, const struct k8s_container *c)
{
	const char		*ns = k8s_obj_ns(ctx->m, o);
	const char		*cn = c->name != NULL ? c->name : "(unnamed)";
	const struct k8s_env_from *ef;
	const struct k8s_obj	*src;
	size_t			 i, j, pl;

	for (i = 0; i < c->nenv; i++)
		if (strcmp(c->env[i].name, ENV_KEY) == 0)
			rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
			    &c->env[i].loc, "container %s sets %s, so the "
			    "SDK uses static keys instead of the role of "
			    "ServiceAccount %s: remove them", cn, ENV_KEY,
			    k8s_obj_sa(o));
	for (i = 0; i < c->nenv_from; i++) {
		ef = &c->env_from[i];
		if ((src = find_source(ctx->m, ns, ef)) == NULL)
			continue;
		pl = strlen(ef->prefix);
		for (j = 0; j < src->more->ndata_keys; j++)
			if (strncmp(ENV_KEY, ef->prefix, pl) == 0 &&
			    strcmp(src->more->data_keys[j], &ENV_KEY[pl]) == 0)
				break;
		if (j < src->more->ndata_keys)
			rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
			    &ef->loc, "container %s gets %s from %s %s, so "
			    "the SDK uses static keys instead of the role of "
			    "ServiceAccount %s: remove them", cn, ENV_KEY,
			    ef->kind, ef->name, k8s_obj_sa(o));
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	const struct k8s_obj	*sa;
	size_t			 i;

	if (!k8s_kind_is_workload(o->kind) ||
	    (sa = model_find_sa(ctx->m, k8s_obj_ns(ctx->m, o),
	    k8s_obj_sa(o))) == NULL || !k8s_sa_has_role(sa))
		return;
	for (i = 0; i < o->more->ncontainers; i++)
		if (o->more->containers[i].name == NULL ||
		    !k8s_pod_skips(o, o->more->containers[i].name))
			check_container(r, ctx, o, &o->more->containers[i]);
}
