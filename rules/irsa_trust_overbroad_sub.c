/* SPDX-License-Identifier: ISC */
/* Flag sub patterns that admit whole namespaces or the whole cluster. */
#include <string.h>

#include "arena.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);
static void	each(const struct trust_cond *, void *);

const struct rule rule_irsa_trust_overbroad_sub = {
	.id = "irsa-trust-overbroad-sub",
	.severity = SEV_WARNING,
	.summary = "StringLike sub pattern admits more ServiceAccounts than "
	    "one",
	.explain =
	    "A StringLike pattern on <issuer>:sub such as "
	    "system:serviceaccount:*:*, system:serviceaccount:team-a:* or "
	    "system:serviceaccount:*:app admits every ServiceAccount it "
	    "matches, now and in the future: anyone who can create a "
	    "ServiceAccount in a matching namespace gets the role.  The "
	    "message says how many ServiceAccounts of the inputs the "
	    "pattern admits.\n"
	    "Fix: list the ServiceAccounts that need the role under "
	    "StringEquals, or narrow the pattern to one namespace and a name "
	    "prefix that only they use.",
	.check_role = check
};

/* What a pattern admits, in words; NULL when it is one SA. */
static const char *
breadth(const char *v)
{
	const char	*rest, *colon;

	if ((rest = trust_subject_rest(v)) == NULL)
		return strpbrk(v, "*?") != NULL ? "every subject it matches" :
		    NULL;
	if (strcmp(rest, "*") == 0 || strcmp(rest, "*:*") == 0)
		return "every ServiceAccount of the cluster";
	colon = strchr(rest, ':');
	if (colon == NULL || strcspn(rest, "*?") < (size_t)(colon - rest))
		return strpbrk(rest, "*?") != NULL ?
		    "ServiceAccounts across namespaces" : NULL;
	if (strcmp(colon + 1, "*") == 0)
		return "every ServiceAccount of the namespace";
	return NULL;
}

static void
each(const struct trust_cond *tc, void *arg)
{
	const struct rule_each	*e = arg;
	const struct rule	*r = e->r;
	struct check_ctx	*ctx = e->ctx;
	const struct iam_role	*role = e->role;
	const char		*what, *v;
	size_t			 k, n;

	if (tc->c->base != COND_STRING_LIKE)
		return;
	for (k = 0; k < tc->c->values.n; k++) {
		if ((v = tc->c->values.v[k]) == NULL ||
		    (what = breadth(v)) == NULL)
			continue;
		rule_report_role(ctx->dg, r, r->severity, ctx->m, role,
		    "%s of the trust policy admits %s (%s); %s",
		    trust_stmt_label(ctx->m->arena, tc->st), v, what,
		    rule_count_admitted(ctx, v, &n) ?
		    arena_printf(ctx->m->arena, "%zu ServiceAccount(s) of the "
		    "inputs match", n) : "the ServiceAccounts of the inputs it "
		    "matches were not counted (too many patterns and "
		    "ServiceAccounts)");
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	struct rule_each	 e = { r, ctx, role };

	trust_each_cond(ctx->m, role, rule_role_used(ctx, role), CLAIM_SUB,
	    each, &e);
}
