/* SPDX-License-Identifier: ISC */
/* Flag webhook annotations on objects the webhook never reads them from. */
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static const char *move_to(struct check_ctx *, const struct k8s_obj *,
		    unsigned int);
static void	check_list(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *, const struct kv_pos *, size_t,
		    unsigned int, const char *);

const struct rule rule_irsa_annotation_wrong_kind = {
	.id = "irsa-annotation-wrong-kind",
	.severity = SEV_ERROR,
	.summary = "webhook annotation on an object the webhook does not read",
	.explain =
	    "The pod identity webhook reads eks.amazonaws.com/role-arn, "
	    "audience and sts-regional-endpoints from the pod's "
	    "ServiceAccount only, token-expiration from the ServiceAccount "
	    "or the pod, and skip-containers from the pod only.  The same "
	    "annotations on a Deployment's own metadata, on a pod template, "
	    "on a Pod or on a Namespace are accepted and ignored, and the "
	    "pods run without the role.\n"
	    "Fix: move the annotation to the ServiceAccount the pods run as "
	    "(or, for skip-containers and token-expiration, to the pod "
	    "template).",
	.check_object = check
};

/* Where the webhook reads a key: SA only, pod only, or both. */
#define ON_SA	0x1
#define ON_POD	0x2

static const struct {
	const char	*key;
	unsigned int	 on;
} keys[] = {
	{ ANN_ROLE_ARN, ON_SA },
	{ ANN_AUDIENCE, ON_SA },
	{ K8S_ANN_STS_REGIONAL, ON_SA },
	{ K8S_ANN_TOKEN_EXP, ON_SA | ON_POD },
	{ K8S_ANN_SKIP, ON_POD },
};

static const char *
move_to(struct check_ctx *ctx, const struct k8s_obj *o, unsigned int on)
{
	if (on & ON_SA) {
		if (k8s_kind_is_workload(o->kind))
			return arena_printf(ctx->m->arena,
			    "ServiceAccount %s/%s", k8s_obj_ns(ctx->m, o),
			    k8s_obj_sa(o));
		return "the ServiceAccounts of its pods";
	}
	return o->kind == K8S_POD ? "the Pod" : "the pod template";
}

/*
 * Report every key of ann the webhook does not read at this place
 * (here: ON_POD for a Pod or pod template, 0 for anything else).
 */
static void
check_list(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o, const struct kv_pos *ann, size_t n,
    unsigned int here, const char *what)
{
	size_t	 i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < sizeof(keys) / sizeof(keys[0]); j++) {
			if ((keys[j].on & here) != 0 ||
			    strcmp(ann[i].key, keys[j].key) != 0)
				continue;
			rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
			    &ann[i].key_loc, "%s on %s is ignored by the "
			    "webhook: move it to %s", keys[j].key, what,
			    move_to(ctx, o, keys[j].on));
		}
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	if (o->kind == K8S_SERVICEACCOUNT) {
		check_list(r, ctx, o, o->annotations, o->nannotations, ON_SA,
		    "a ServiceAccount");
		return;
	}
	if (o->kind == K8S_NAMESPACE) {
		check_list(r, ctx, o, o->annotations, o->nannotations, 0,
		    "a Namespace");
		return;
	}
	if (!k8s_kind_is_workload(o->kind))
		return;
	if (o->kind == K8S_POD) {
		check_list(r, ctx, o, o->annotations, o->nannotations, ON_POD,
		    "a Pod");
		return;
	}
	check_list(r, ctx, o, o->annotations, o->nannotations, 0,
	    arena_printf(ctx->m->arena, "the %s's own metadata",
	    o->kind_name));
	check_list(r, ctx, o, o->more->tmpl_annotations,
	    o->more->ntmpl_annotations, ON_POD, "the pod template");
}
