/* SPDX-License-Identifier: ISC */
/* Flag OIDC providers whose client_id_list lacks the token's audience. */
#include <string.h>

#include "bind.h"
#include "buf.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_oidc_provider_audience_missing = {
	.id = "irsa-oidc-provider-audience-missing",
	.severity = SEV_ERROR,
	.summary = "OIDC provider's client_id_list lacks the token's audience",
	.explain =
	    "STS accepts a web identity token only if its aud claim is one "
	    "of the IAM OIDC provider's client IDs (client_id_list).  The "
	    "token the webhook mounts carries sts.amazonaws.com, or the "
	    "ServiceAccount's eks.amazonaws.com/audience.  A provider "
	    "created with another client ID (a typo, or the cluster name) "
	    "makes every AssumeRoleWithWebIdentity fail with "
	    "InvalidIdentityToken: \"Incorrect token audience\".\n"
	    "Fix: add the audience to the provider's client_id_list "
	    "(client_id_list = [\"sts.amazonaws.com\"]).",
	.check_binding = check
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct oidc_provider	*p = b->provider;
	const struct kv_pos		*aud;
	const struct loc		*loc = &b->ann->key_loc;
	struct buf			 ids = BUF_INIT;
	size_t				 i;

	if (p == NULL || p->client_ids_unknown || p->client_ids == NULL)
		return;
	for (i = 0; i < p->nclient_ids; i++) {
		if (strcmp(p->client_ids[i], b->aud) == 0) {
			buf_release(&ids);
			return;
		}
		buf_addf(&ids, "%s%s", i ? ", " : "", p->client_ids[i]);
	}
	/* A custom audience is at fault where it is written. */
	if (b->aud_annotated &&
	    (aud = k8s_obj_annotation(b->sa, ANN_AUDIENCE)) != NULL)
		loc = &aud->value_loc;
	rule_report(ctx->dg, r, r->severity, ctx->m, b, loc,
	    "the token's audience is %s, but client_id_list of %s is [%s]; "
	    "add it there", b->aud, p->address, ids.buf);
	buf_release(&ids);
}
