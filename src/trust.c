/* SPDX-License-Identifier: ISC */
/* Shared questions about trust policies: IRSA statements and claim keys. */
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "arn.h"
#include "bind.h"
#include "engine.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
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

const struct trust_oidc *
trust_oidc(struct model *m, const char *fed)
{
	static const struct trust_oidc	 invalid;
	const struct strmap_val		*v;
	struct trust_oidc		*t;
	struct oidc_arn			 oa;
	char				 err[128];

	if (fed == NULL)
		return NULL;
	if ((v = strmap_get(&m->oidc_by_arn, fed)) != NULL)
		return v->v == &invalid ? NULL : v->v;
	if (arn_parse_oidc(m->arena, fed, &oa, err, sizeof(err)) == -1) {
		strmap_add(&m->oidc_by_arn, m->arena, fed, (void *)&invalid);
		return NULL;
	}
	t = arena_alloc(m->arena, sizeof(*t));
	t->oa = oa;
	t->sub_key = arena_printf(m->arena, "%s:sub", oa.issuer);
	strmap_add(&m->oidc_by_arn, m->arena, fed, t);
	return t;
}

int
trust_stmt_is_irsa(struct model *m, const struct pstmt *st, int any_issuer)
{
	const struct trust_oidc	*o;
	size_t			 i;

	if (!st->allow || !pstmt_action_matches(st, WEB_IDENTITY))
		return 0;
	if (st->principal_star && any_issuer)
		return 1;
	for (i = 0; i < st->federated.n; i++) {
		if (st->federated.v[i] == NULL)
			return 1;	/* a provider created in the plan */
		if ((o = trust_oidc(m, st->federated.v[i])) != NULL &&
		    (any_issuer || trust_is_eks_issuer(o->oa.issuer)))
			return 1;
	}
	return 0;
}

int
trust_has_irsa(struct model *m, const struct policy *p, int any_issuer)
{
	size_t	 i;

	for (i = 0; p != NULL && i < p->n; i++)
		if (trust_stmt_is_irsa(m, &p->st[i], any_issuer))
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

void
trust_each_cond(struct check_ctx *ctx, const struct iam_role *role,
    enum claim want, void (*fn)(struct check_ctx *, const struct iam_role *,
    const struct trust_cond *, void *), void *arg)
{
	const struct policy	*p = role->trust;
	struct trust_cond	 tc;
	size_t			 i, j;
	int			 any = role->used;

	for (i = 0; p != NULL && i < p->n; i++) {
		tc.st = &p->st[i];
		if (!trust_stmt_is_irsa(ctx->m, tc.st, any))
			continue;
		tc.label = NULL;
		for (j = 0; j < tc.st->nconds; j++) {
			tc.c = &tc.st->conds[j];
			tc.claim = trust_claim(ctx->m->arena, tc.c, &tc.issuer);
			if (tc.claim == CLAIM_NONE ||
			    (want != CLAIM_NONE && tc.claim != want))
				continue;
			if (tc.label == NULL)
				tc.label = trust_stmt_label(ctx->m->arena,
				    tc.st);
			fn(ctx, role, &tc, arg);
		}
	}
}

int
trust_stmt_tests(struct arena *a, const struct pstmt *st, enum claim want,
    int partial)
{
	const char	*issuer;
	size_t		 j;

	for (j = 0; j < st->nconds; j++)
		if (trust_claim(a, &st->conds[j], &issuer) == want ||
		    (st->conds[j].key == NULL && partial))
			return 1;
	return 0;
}

/*
 * Report every IRSA statement of the role's trust that does not test
 * claim: "<statement> of the trust policy has no <what>".
 */
void
trust_report_missing(struct check_ctx *ctx, const struct rule *r,
    const struct iam_role *role, enum claim claim, const char *what)
{
	const struct policy	*p = role->trust;
	const struct pstmt	*st;
	size_t			 i;

	for (i = 0; p != NULL && i < p->n; i++) {
		st = &p->st[i];
		if (trust_stmt_is_irsa(ctx->m, st, role->used) &&
		    !trust_stmt_tests(ctx->m->arena, st, claim,
		    role->trust_partial))
			engine_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy has no %s",
			    trust_stmt_label(ctx->m->arena, st), what);
	}
}
