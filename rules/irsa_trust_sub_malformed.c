/* SPDX-License-Identifier: ISC */
/* Flag sub values that are not system:serviceaccount:<namespace>:<name>. */
#include <string.h>

#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"


static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);
static void	each(const struct trust_cond *, void *);

const struct rule rule_irsa_trust_sub_malformed = {
	.id = "irsa-trust-sub-malformed",
	.severity = SEV_ERROR,
	.summary = "sub value is not system:serviceaccount:<namespace>:<name>",
	.explain =
	    "The sub claim of a ServiceAccount token is always "
	    "system:serviceaccount:<namespace>:<name>.  A trust that tests "
	    "sub against another shape (system:serviceaccounts:..., a "
	    "missing namespace, serviceaccount:ns:name, the namespace and "
	    "name swapped into one part) can never match a pod's token, and "
	    "AssumeRoleWithWebIdentity fails with AccessDenied.\n"
	    "Fix: write the subject as system:serviceaccount:<namespace>:"
	    "<name>, e.g. system:serviceaccount:kube-system:"
	    "aws-load-balancer-controller.",
	.check_role = check
};

/*
 * Can v, under operator c, ever be a subject?  A StringLike pattern is
 * fine as long as its literal start agrees with the prefix; an exact
 * value needs the prefix and exactly two non-empty parts after it.
 */
static const char *
malformed(const struct pcond *c, const char *v)
{
	const char	*rest, *colon;
	size_t		 lit;

	if (c->base == COND_STRING_LIKE) {
		/* Up to its first wildcard, a pattern must be the prefix. */
		lit = strcspn(v, "*?");
		if (strncmp(v, TRUST_SUB_PREFIX, lit < TRUST_SUB_PREFIX_LEN ?
		    lit : TRUST_SUB_PREFIX_LEN) != 0)
			return "it does not start with " TRUST_SUB_PREFIX;
		if (lit < TRUST_SUB_PREFIX_LEN)
			return NULL;
	}
	if ((rest = trust_subject_rest(v)) == NULL)
		return "it does not start with " TRUST_SUB_PREFIX;
	if (c->base == COND_STRING_LIKE && strpbrk(rest, "*?") != NULL)
		return NULL;
	if ((colon = strchr(rest, ':')) == NULL)
		return "it has no <namespace>:<name> after the prefix";
	if (colon == rest || colon[1] == '\0')
		return "its namespace or name is empty";
	if (strchr(colon + 1, ':') != NULL)
		return "it has more than two parts after the prefix";
	return NULL;
}

static void
each(const struct trust_cond *tc, void *arg)
{
	const struct rule_each	*e = arg;
	const struct rule	*r = e->r;
	struct check_ctx	*ctx = e->ctx;
	const struct iam_role	*role = e->role;
	const char		*why;
	size_t			 k;

	if (tc->c->key == NULL)
		return;
	for (k = 0; k < tc->c->values.n; k++)
		if (tc->c->values.v[k] != NULL &&
		    (why = malformed(tc->c, tc->c->values.v[k])) != NULL)
			rule_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy tests sub against "
			    "'%s', which no ServiceAccount token carries: %s",
			    trust_stmt_label(ctx->m->arena, tc->st),
			    tc->c->values.v[k], why);
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	struct rule_each	 e = { r, ctx, role };

	trust_each_cond(ctx->m, role, rule_role_used(ctx, role), CLAIM_SUB,
	    each, &e);
}
