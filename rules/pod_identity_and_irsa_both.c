/* SPDX-License-Identifier: ISC */
/* Flag ServiceAccounts that have both an IRSA role and a Pod Identity one. */
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_pod_identity_and_irsa_both = {
	.id = "pod-identity-and-irsa-both",
	.severity = SEV_WARNING,
	.summary = "ServiceAccount has both a role-arn annotation and a Pod "
	    "Identity association",
	.explain =
	    "The pod identity webhook gives EKS Pod Identity precedence: a "
	    "pod created while the association exists gets Pod Identity "
	    "credentials and no AWS_ROLE_ARN, even though its "
	    "ServiceAccount is annotated.  Pods created before keep IRSA.  "
	    "Which role a pod has then depends on its age, and a rollback of "
	    "either side changes it silently.  An error when the two name "
	    "different roles.\n"
	    "Fix: use one mechanism: remove the role-arn annotation, or the "
	    "association.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct strmap_val		*v;
	const struct pod_identity	*p;
	const struct iam_role		*role;
	struct diag			*d;
	int				 same;

	/* No association at all: no key to print for each binding. */
	if (ctx->m->pod_identity_by_sa.n == 0)
		return;
	for (v = strmap_get(&ctx->m->pod_identity_by_sa, arena_printf(
	    ctx->m->arena, "%s/%s", b->ns, b->sa->name)); v != NULL;
	    v = v->next) {
		p = v->v;
		role = bind_pod_identity_role(ctx->m, p);
		same = (role != NULL && role == b->role) ||
		    (p->role_arn != NULL && strcmp(p->role_arn,
		    b->ann->value) == 0);
		if (same)
			d = rule_report(ctx->dg, r, r->severity, ctx->m, b,
			    &b->ann->key_loc, "%s also gives this "
			    "ServiceAccount a role through Pod Identity, which "
			    "new pods get instead of IRSA", p->address);
		else
			d = rule_report(ctx->dg, r, SEV_ERROR, ctx->m, b,
			    &b->ann->key_loc, "%s gives this ServiceAccount "
			    "%s through Pod Identity, another role than the "
			    "annotation's: new pods get it, older pods keep "
			    "IRSA", p->address, role != NULL ? role->address :
			    p->role_arn != NULL ? p->role_arn :
			    "a role known only after apply");
		diag_related(ctx->dg, d, &p->loc, p->address,
		    "the Pod Identity association is defined here");
	}
}
