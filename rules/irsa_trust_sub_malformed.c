/* SPDX-License-Identifier: ISC */
/* Flag sub values that are not system:serviceaccount:<namespace>:<name>. */
#include <string.h>

#include "engine.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

#define SUB_PREFIX	"system:serviceaccount:"

static void	check(const struct rule *, struct check_ctx *,
		    const struct iam_role *);
static void	each(struct check_ctx *, const struct iam_role *,
		    const struct trust_cond *, void *);

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
		lit = strcspn(v, "*?");
		if (strncmp(v, SUB_PREFIX, lit < 22 ? lit : 22) != 0)
			return "it does not start with system:serviceaccount:";
		if (lit < 22)
			return NULL;
	} else if (strncmp(v, SUB_PREFIX, 22) != 0)
		return "it does not start with system:serviceaccount:";
	rest = v + 22;
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
each(struct check_ctx *ctx, const struct iam_role *role,
    const struct trust_cond *tc, void *arg)
{
	const struct rule	*r = arg;
	const char		*why;
	size_t			 k;

	if (tc->c->key == NULL)
		return;
	for (k = 0; k < tc->c->values.n; k++)
		if (tc->c->values.v[k] != NULL &&
		    (why = malformed(tc->c, tc->c->values.v[k])) != NULL)
			engine_report_role(ctx->dg, r, r->severity, ctx->m,
			    role, "%s of the trust policy tests sub against "
			    "'%s', which no ServiceAccount token carries: %s",
			    tc->label, tc->c->values.v[k], why);
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct iam_role *role)
{
	trust_each_cond(ctx, role, CLAIM_SUB, each, (void *)r);
}
