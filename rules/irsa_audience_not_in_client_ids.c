/* SPDX-License-Identifier: ISC */
/* Flag token audiences the trusted OIDC provider's client_id_list lacks. */
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "buf.h"
#include "engine.h"
#include "model.h"
#include "rule.h"
#include "util.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);
static const struct tf_provider *find_provider(const struct model *,
		    const char *);

const struct rule rule_irsa_audience_not_in_client_ids = {
	.id = "irsa-audience-not-in-client-ids",
	.severity = SEV_ERROR,
	.summary = "token audience is not in the OIDC provider's client_id_list",
	.explain =
	    "STS accepts a web identity token only when its audience is one "
	    "of the client IDs of the IAM OIDC provider the trust names.  "
	    "The webhook requests the audience sts.amazonaws.com, or the "
	    "ServiceAccount's eks.amazonaws.com/audience annotation; a "
	    "custom audience must therefore be added to the provider's "
	    "client_id_list as well as to the trust's aud condition "
	    "(irsa-trust-aud-mismatch), or every AssumeRoleWithWebIdentity "
	    "fails with InvalidIdentityToken: \"Incorrect token audience\".\n"
	    "Fix: add the audience to client_id_list, or remove the "
	    "audience annotation to use sts.amazonaws.com.",
	.check_binding = check
};

static const struct tf_provider *
find_provider(const struct model *m, const char *issuer)
{
	size_t	 i;

	for (i = 0; i < m->providers.n; i++)
		if (m->providers.v[i]->url != NULL &&
		    strcasecmp(strip_scheme(m->providers.v[i]->url),
		    issuer) == 0)
			return m->providers.v[i];
	return NULL;
}

/* Check the provider of each OIDC principal of the role's trust. */
static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct kv_pos		*aud;
	const struct tf_provider	*p;
	const struct pstmt		*st;
	struct oidc_arn			 oa;
	struct buf			 ids = BUF_INIT;
	char				 err[128];
	size_t				 i, j, k;

	if (b->role == NULL || b->role->trust == NULL)
		return;
	for (i = 0; i < b->role->trust->n; i++) {
		st = &b->role->trust->st[i];
		for (j = 0; st->allow && j < st->federated.n; j++) {
			if (arn_parse_oidc(ctx->m->arena, st->federated.v[j],
			    &oa, err, sizeof(err)) == -1 ||
			    (p = find_provider(ctx->m, oa.issuer)) == NULL ||
			    p->client_ids_unknown)
				continue;
			for (k = 0; k < p->nclient_ids; k++)
				if (strcmp(p->client_ids[k], b->aud) == 0)
					break;
			if (k < p->nclient_ids)
				continue;
			for (k = 0; k < p->nclient_ids; k++)
				buf_addf(&ids, "%s%s", k ? ", " : "",
				    p->client_ids[k]);
			aud = k8s_obj_annotation(b->sa, ANN_AUDIENCE);
			engine_report(ctx->dg, r, r->severity, ctx->m, b,
			    aud != NULL ? &aud->value_loc : &b->ann->key_loc,
			    "token audience %s%s is not in the client_id_list "
			    "(%s) of %s: add it there", b->aud, aud != NULL ?
			    "" : " (the webhook's default)", p->nclient_ids ?
			    ids.buf : "empty", p->address);
			buf_release(&ids);
			return;
		}
	}
}
