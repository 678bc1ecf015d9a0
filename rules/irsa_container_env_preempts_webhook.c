/* SPDX-License-Identifier: ISC */
/* Flag containers whose own AWS_* variables stop the webhook's injection. */
#include <string.h>

#include "bind.h"
#include "model.h"
#include "rule.h"

#define ENV_ROLE	"AWS_ROLE_ARN"
#define ENV_TOKEN	"AWS_WEB_IDENTITY_TOKEN_FILE"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static const struct k8s_env *env_find(const struct k8s_container *,
		    const char *);
static void	check_container(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *, const struct k8s_obj *,
		    const struct k8s_container *);

const struct rule rule_irsa_container_env_preempts_webhook = {
	.id = "irsa-container-env-preempts-webhook",
	.severity = SEV_ERROR,
	.summary = "container sets AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE "
	    "itself",
	.explain =
	    "When a container already defines AWS_ROLE_ARN or "
	    "AWS_WEB_IDENTITY_TOKEN_FILE, the webhook injects neither.  A "
	    "container that sets only one of them has no token file or no "
	    "role, and the SDK falls through to the node's instance role.  "
	    "An AWS_ROLE_ARN of its own also silently overrides the "
	    "ServiceAccount's role-arn, so the role the manifests show is "
	    "not the one assumed.\n"
	    "Fix: delete both variables from the container and let the "
	    "webhook set them from the ServiceAccount.",
	.check_object = check
};

/* The last definition wins, as in Kubernetes. */
static const struct k8s_env *
env_find(const struct k8s_container *c, const char *name)
{
	size_t	 i;

	for (i = c->nenv; i > 0; i--)
		if (strcmp(c->env[i - 1].name, name) == 0)
			return &c->env[i - 1];
	return NULL;
}

static void
check_container(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o, const struct k8s_obj *sa,
    const struct k8s_container *c)
{
	const struct k8s_env	*role = env_find(c, ENV_ROLE);
	const struct k8s_env	*tok = env_find(c, ENV_TOKEN);
	const struct kv_pos	*ann = k8s_obj_annotation(sa, ANN_ROLE_ARN);
	const char		*cn = c->name != NULL ? c->name : "(unnamed)";

	if (role != NULL && tok == NULL)
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &role->loc, "container %s sets %s itself, so the webhook "
		    "injects neither it nor %s and the SDK finds no token: "
		    "remove it", cn, ENV_ROLE, ENV_TOKEN);
	else if (tok != NULL && role == NULL)
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &tok->loc, "container %s sets %s itself, so the webhook "
		    "injects neither it nor %s and the SDK has no role: "
		    "remove it", cn, ENV_TOKEN, ENV_ROLE);
	else if (role != NULL && role->value != NULL && ann != NULL &&
	    strcmp(role->value, ann->value) != 0)
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &role->value_loc, "container %s sets %s %s, which "
		    "overrides the role-arn %s of ServiceAccount %s: remove "
		    "it", cn, ENV_ROLE, role->value, ann->value, sa->name);
	else if (tok != NULL && tok->value != NULL &&
	    strcmp(tok->value, K8S_TOKEN_FILE) != 0)
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &tok->value_loc, "container %s sets %s %s, but the "
		    "webhook mounts the token at %s: remove it", cn, ENV_TOKEN,
		    tok->value, K8S_TOKEN_FILE);
}

/*
 * Only pods whose ServiceAccount has a role are mutated, and a
 * container the pod's skip-containers names is left alone on purpose.
 */
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
			check_container(r, ctx, o, sa, &o->more->containers[i]);
}
