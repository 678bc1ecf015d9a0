/* SPDX-License-Identifier: ISC */
/* Flag Pod Identity associations for ServiceAccounts the manifests lack. */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_pod_identity_sa_missing = {
	.id = "pod-identity-sa-missing",
	.severity = SEV_WARNING,
	.summary = "Pod Identity association names a ServiceAccount that no "
	    "manifest defines or uses",
	.explain =
	    "An aws_eks_pod_identity_association gives a role to the pods of "
	    "one namespace and ServiceAccount.  When no manifest defines "
	    "that ServiceAccount and no workload runs as it (a typo, a chart "
	    "that names its ServiceAccount differently, another namespace), "
	    "the association is never used and the pods that were meant to "
	    "get the role fall back to the node's role or fail.  Checked "
	    "only when the inputs hold Kubernetes manifests.\n"
	    "Fix: make the association's namespace and service_account "
	    "those of the manifests.",
	.check_model = check
};

/* Is there a ServiceAccount ns/sa, or a workload running as it? */
static int
present(const struct model *m, const char *ns, const char *sa)
{
	return strmap_get(&m->runs_as, arena_printf(m->arena, "%s/%s", ns,
	    sa)) != NULL;
}

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct pod_identity	*p;
	struct diag			*d;
	size_t				 i;

	/* Manifests, not only an EKS add-on's ServiceAccounts. */
	for (i = 0; i < ctx->m->objs.n; i++)
		if (ctx->m->objs.v[i]->more->addon == NULL)
			break;
	if (i == ctx->m->objs.n)
		return;
	for (i = 0; i < ctx->m->pod_identities.n; i++) {
		p = ctx->m->pod_identities.v[i];
		/* An EKS add-on creates the ServiceAccounts it runs as. */
		if (p->ns == NULL || p->sa == NULL || p->addon != NULL ||
		    present(ctx->m, p->ns, p->sa))
			continue;
		d = diag_add(ctx->dg, r, &p->loc, "%s: no ServiceAccount %s/%s "
		    "and no workload running as it is in the manifests",
		    p->address, p->ns, p->sa);
		d->address = p->address;
	}
}
