/* SPDX-License-Identifier: ISC */
/* Flag workloads whose ServiceAccount is not among the inputs. */
#include <string.h>

#include "buf.h"
#include "model.h"
#include "rule.h"
#include "strmap.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);

const struct rule rule_irsa_workload_sa_missing = {
	.id = "irsa-workload-sa-missing",
	.severity = SEV_WARNING,
	.summary = "workload's serviceAccountName names no ServiceAccount "
	    "in the inputs",
	.explain =
	    "A pod runs as the ServiceAccount of its own namespace that "
	    "spec.serviceAccountName names.  When none of that name exists "
	    "there, the pods are not created at all; when it is created "
	    "later, or by hand without the role-arn annotation, the webhook "
	    "either never sees it or finds no role.  Often the name is "
	    "misspelt, or the ServiceAccount was put in another namespace; "
	    "the message names the namespaces that do have one.  Only "
	    "checked when the inputs declare some ServiceAccount, and never "
	    "for \"default\", which every namespace has.\n"
	    "Fix: correct serviceAccountName, or declare the ServiceAccount "
	    "in the workload's namespace.",
	.check_object = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	const struct model		*m = ctx->m;
	const struct k8s_obj	*x;
	const struct strmap_val	*v;
	const char		*sa = k8s_obj_sa(o), *ns = k8s_obj_ns(m, o);
	struct buf		 where = BUF_INIT;
	size_t			 nelse = 0;

	if (!k8s_kind_is_workload(o->kind) || strcmp(sa, "default") == 0 ||
	    model_find_sa(m, ns, sa) != NULL)
		return;
	for (v = strmap_get(&m->sa_by_name, sa); v != NULL; v = v->next) {
		x = v->v;
		buf_addf(&where, "%s%s", nelse++ ? ", " : "",
		    k8s_obj_ns(m, x));
	}
	/* A workload without a namespace: irsa-sa-namespace-unset. */
	if (m->nsa > 0 && !(o->ns == NULL && nelse > 0))
		rule_report_obj(ctx->dg, r, r->severity, m, o, &o->more->sa_loc,
		    "serviceAccountName %s names no ServiceAccount of "
		    "namespace %s in the inputs%s%s%s", sa, ns,
		    nelse ? "; one is declared in namespace " : "", where.buf,
		    nelse ? "" : ": declare it, or correct the name");
	buf_release(&where);
}
