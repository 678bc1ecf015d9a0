/* SPDX-License-Identifier: ISC */
/*
 * Questions about a trust policy that rules share: which statements
 * serve IRSA web identities, and what a condition key is about.
 */
#ifndef TRUST_H
#define TRUST_H

#include <stddef.h>

#include "arn.h"

struct arena;
struct model;
struct pcond;
struct policy;
struct pstmt;

enum claim {
	CLAIM_NONE = 0,		/* not an OIDC claim key */
	CLAIM_SUB,
	CLAIM_AUD,
	CLAIM_AMR
};

/*
 * The claim a condition tests, and in *issuer (an arena string, or NULL
 * when the key is unknown until apply) the issuer its key names.
 */
enum claim	 trust_claim(struct arena *, const struct pcond *,
		    const char **issuer);

/*
 * A Federated principal parsed as an OIDC provider ARN, once per run
 * however many ServiceAccounts and statements ask: NULL when fed is
 * NULL or not a provider ARN.
 */
struct trust_oidc {
	struct oidc_arn	 oa;
	const char	*sub_key;	/* "<issuer>:sub" */
};
const struct trust_oidc *trust_oidc(struct model *, const char *fed);

/*
 * Is st an Allow statement for sts:AssumeRoleWithWebIdentity from an
 * EKS cluster's OIDC provider?  Other OIDC trusts (GitHub Actions,
 * Cognito, Google) are not ServiceAccount trusts.  any_issuer also
 * admits providers of self-managed clusters, when a ServiceAccount is
 * known to use the role.
 */
int		 trust_stmt_is_irsa(struct model *, const struct pstmt *,
		    int any_issuer);
int		 trust_is_eks_issuer(const char *);
int		 trust_has_irsa(struct model *, const struct policy *, int);

struct check_ctx;
struct iam_role;

/* One condition of an IRSA statement, as trust_each_cond() hands it on. */
struct trust_cond {
	const struct pstmt	*st;
	const struct pcond	*c;
	enum claim		 claim;
	const char		*issuer;	/* of the key; NULL: unknown */
	const char		*label;		/* "statement 1 (Sid X)" */
};

/*
 * Call fn for every condition of every IRSA statement of the role's
 * trust that tests claim (CLAIM_NONE: every claim).  The statements are
 * those trust_stmt_is_irsa() admits, with any issuer when a
 * ServiceAccount of the inputs names the role.
 */
void		 trust_each_cond(struct check_ctx *, const struct iam_role *,
		    enum claim, void (*)(struct check_ctx *,
		    const struct iam_role *, const struct trust_cond *, void *),
		    void *);
/* Does the statement test claim (or have a key unknown until apply)? */
int		 trust_stmt_tests(struct arena *, const struct pstmt *,
		    enum claim, int partial);

struct rule;
void		 trust_report_missing(struct check_ctx *, const struct rule *,
		    const struct iam_role *, enum claim, const char *);

/* "statement 2 (Sid X)" or "statement 1". */
const char	*trust_stmt_label(struct arena *, const struct pstmt *);

#endif /* TRUST_H */
