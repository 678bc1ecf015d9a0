/* SPDX-License-Identifier: ISC */
/* Flag trust policies whose aud condition rejects the token's audience. */
#include <stddef.h>

#include "bind.h"
#include "buf.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_trust_aud_mismatch = {
	.id = "irsa-trust-aud-mismatch",
	.severity = SEV_ERROR,
	.summary = "trust policy's aud condition rejects the token's audience",
	.explain =
	    "The projected token the webhook mounts carries the audience "
	    "sts.amazonaws.com, or the value of the ServiceAccount's "
	    "eks.amazonaws.com/audience annotation.  When the trust policy "
	    "conditions <issuer>:aud on another value (a typo such as "
	    "sts.amazon.com, or a custom audience on one side only), STS "
	    "refuses every AssumeRoleWithWebIdentity with AccessDenied.\n"
	    "Fix: make the aud condition \"sts.amazonaws.com\", or make the "
	    "annotation and the condition name the same audience.",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diags	*dg = ctx->dg;

	const struct kv_pos	*aud;
	const struct loc	*loc = &b->ann->key_loc;
	struct buf		 vals = BUF_INIT;
	struct diag		*d;
	size_t			 i;

	if (b->verdict != TRI_FALSE || b->closest == NULL ||
	    (b->fail & FAIL_AUD) == 0)
		return;
	for (i = 0; i < b->aud_cond->values.n; i++)
		buf_addf(&vals, "%s%s", i ? " or " : "",
		    b->aud_cond->values.v[i]);
	if (b->aud_annotated &&
	    (aud = k8s_obj_annotation(b->sa, ANN_AUDIENCE)) != NULL)
		loc = &aud->key_loc;
	d = rule_report(dg, r, r->severity, m, b, loc,
	    "%s requires audience %s (%s), but the token's audience is %s%s",
	    bind_trust_name(m, b, b->closest), vals.buf, b->aud_cond->op,
	    b->aud, b->aud_annotated ? " (from " ANN_AUDIENCE ")" :
	    " (the webhook's default)");
	rule_trust_note(dg, d, b->role, b->aud_cond->origin,
	    "the aud condition");
	buf_release(&vals);
}
