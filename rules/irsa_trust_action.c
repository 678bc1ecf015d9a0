/* SPDX-License-Identifier: ISC */
/* Flag trust policies that never allow the web-identity action. */
#include <stddef.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_trust_action = {
	.id = "irsa-trust-action",
	.severity = SEV_ERROR,
	.summary = "trust policy does not allow sts:AssumeRoleWithWebIdentity "
	    "from an OIDC provider",
	.explain =
	    "IRSA pods assume their role with "
	    "sts:AssumeRoleWithWebIdentity, presenting the cluster's OIDC "
	    "token, so the role's trust policy needs an Allow statement "
	    "whose Principal is {\"Federated\": \"arn:...:oidc-provider/"
	    "<issuer>\"} and whose Action covers "
	    "sts:AssumeRoleWithWebIdentity.  A Federated principal with "
	    "sts:AssumeRole (a common copy-paste from EC2 or Pod Identity "
	    "trusts), or a trust with no Federated OIDC provider at all, "
	    "makes every call fail with AccessDenied: \"Not authorized to "
	    "perform sts:AssumeRoleWithWebIdentity\".\n"
	    "Fix: set \"Action\": \"sts:AssumeRoleWithWebIdentity\" in the "
	    "statement that names the cluster's OIDC provider.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diags	*dg = ctx->dg;

	const struct pstmt	*st = b->wrong_action;
	struct buf		 acts = BUF_INIT;
	size_t			 i;

	if (b->role == NULL || b->verdict != TRI_FALSE || !b->no_web_identity)
		return;
	if (st == NULL) {
		rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s has no Allow statement for a Federated OIDC "
		    "provider, so %s is refused",
		    bind_trust_name(m, b, NULL), WEB_IDENTITY);
		return;
	}
	for (i = 0; i < st->actions.n; i++)
		buf_addf(&acts, "%s%s", i ? ", " : "", st->actions.v[i]);
	rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
	    "%s %s %s for the OIDC provider, not %s",
	    bind_trust_name(m, b, st), st->not_action ? "allows every action but" : "allows",
	    acts.buf, WEB_IDENTITY);
	buf_release(&acts);
}
