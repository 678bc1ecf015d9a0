/* SPDX-License-Identifier: ISC */
/* Shared questions about trust policies: IRSA statements and claim keys. */
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "arn.h"
#include "bind.h"
#include "policy.h"
#include "trust.h"

enum claim
trust_claim(struct arena *a, const struct pcond *c, const char **issuer)
{
	const char	*colon, *claim;
	size_t		 i;

	*issuer = NULL;
	if (c->key == NULL) {
		/* Unknown until apply: the values tell the claim. */
		for (i = 0; i < c->values.n; i++)
			if (c->values.v[i] != NULL &&
			    strncmp(c->values.v[i], "system:serviceaccount:",
			    22) == 0)
				return CLAIM_SUB;
		return CLAIM_NONE;
	}
	if ((colon = strrchr(c->key, ':')) == NULL || colon == c->key)
		return CLAIM_NONE;
	claim = colon + 1;
	if (strcasecmp(claim, "sub") != 0 && strcasecmp(claim, "aud") != 0 &&
	    strcasecmp(claim, "amr") != 0)
		return CLAIM_NONE;
	/* aws:..., sts:... and the like are global keys, not claims. */
	if (strchr(c->key, '/') == NULL && strchr(c->key, '.') == NULL)
		return CLAIM_NONE;
	*issuer = arena_strndup(a, c->key, (size_t)(colon - c->key));
	if (strcasecmp(claim, "sub") == 0)
		return CLAIM_SUB;
	return strcasecmp(claim, "aud") == 0 ? CLAIM_AUD : CLAIM_AMR;
}

/* EKS issuers: oidc.eks.<region>.amazonaws.com[.cn]/id/<ID>. */
int
trust_is_eks_issuer(const char *issuer)
{
	const char	*slash;

	if (strncasecmp(issuer, "oidc.eks.", 9) != 0)
		return 0;
	slash = strchr(issuer, '/');
	return slash != NULL && strncmp(slash, "/id/", 4) == 0;
}

int
trust_stmt_is_irsa(struct arena *a, const struct pstmt *st, int any_issuer)
{
	struct oidc_arn	 oa;
	char		 err[128];
	size_t		 i;

	if (!st->allow || !pstmt_action_matches(st, WEB_IDENTITY))
		return 0;
	if (st->principal_star && any_issuer)
		return 1;
	for (i = 0; i < st->federated.n; i++) {
		if (st->federated.v[i] == NULL)
			return 1;	/* a provider created in the plan */
		if (arn_parse_oidc(a, st->federated.v[i], &oa, err,
		    sizeof(err)) == 0 &&
		    (any_issuer || trust_is_eks_issuer(oa.issuer)))
			return 1;
	}
	return 0;
}

int
trust_has_irsa(struct arena *a, const struct policy *p, int any_issuer)
{
	size_t	 i;

	for (i = 0; p != NULL && i < p->n; i++)
		if (trust_stmt_is_irsa(a, &p->st[i], any_issuer))
			return 1;
	return 0;
}

const char *
trust_stmt_label(struct arena *a, const struct pstmt *st)
{
	if (st->sid != NULL && *st->sid != '\0')
		return arena_printf(a, "statement %zu (Sid %s)", st->index + 1,
		    st->sid);
	return arena_printf(a, "statement %zu", st->index + 1);
}
