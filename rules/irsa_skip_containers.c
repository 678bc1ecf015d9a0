/* SPDX-License-Identifier: ISC */
/* Flag skip-containers annotations that skip everything or nothing real. */
#include <string.h>

#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static int	has_container(const struct k8s_obj *, const char *, size_t);

const struct rule rule_irsa_skip_containers = {
	.id = "irsa-skip-containers",
	.severity = SEV_WARNING,
	.summary = "skip-containers names every container, or an unknown one",
	.explain =
	    "eks.amazonaws.com/skip-containers on a pod lists, comma-"
	    "separated, the containers (and init containers) the webhook "
	    "leaves alone.  Naming every container means no container gets "
	    "the ServiceAccount's role, which is what not annotating the "
	    "ServiceAccount would do more clearly.  Naming a container the "
	    "pod does not have (a typo, a renamed container, a space after "
	    "a comma, which the webhook keeps) skips nothing, and the "
	    "container meant to be skipped gets the role after all.\n"
	    "Fix: list the exact container names, without spaces.",
	.check_object = check
};

static int
has_container(const struct k8s_obj *o, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < o->more->ncontainers; i++)
		if (o->more->containers[i].name != NULL &&
		    strlen(o->more->containers[i].name) == n &&
		    strncmp(o->more->containers[i].name, s, n) == 0)
			return 1;
	return 0;
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	const struct kv_pos	*ann, *a = NULL;
	const char		*p, *e;
	size_t			 i, n, nnamed = 0;

	if (!k8s_kind_is_workload(o->kind) || o->more->ncontainers == 0)
		return;
	ann = k8s_pod_annotations(o, &n);
	for (i = 0; i < n; i++)
		if (strcmp(ann[i].key, K8S_ANN_SKIP) == 0)
			a = &ann[i];
	if (a == NULL)
		return;
	for (p = a->value; ; p = e + 1) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		if (n >= 2 && *p == '"' && e[-1] == '"') {
			/* A quoted CSV field. */
			p++;
			n -= 2;
		}
		if (n > 0 && !has_container(o, p, n))
			rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
			    &a->value_loc, "%s names container '%.*s', which "
			    "the pod does not have%s", K8S_ANN_SKIP, (int)n, p,
			    *p == ' ' || p[n - 1] == ' ' ? " (the webhook "
			    "keeps spaces)" : "");
		if (*e == '\0')
			break;
	}
	for (i = 0; i < o->more->ncontainers; i++)
		if (o->more->containers[i].name != NULL &&
		    k8s_pod_skips(o, o->more->containers[i].name))
			nnamed++;
	if (nnamed == o->more->ncontainers)
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &a->key_loc, "%s names every container, so none gets "
		    "the role of ServiceAccount %s: remove the annotation",
		    K8S_ANN_SKIP, k8s_obj_sa(o));
}
