/* SPDX-License-Identifier: ISC */
/*
 * Questions about a trust policy that rules share: which statements
 * serve IRSA web identities, and what a condition key is about.
 */
#ifndef TRUST_H
#define TRUST_H

#include <stddef.h>

struct arena;
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
 * Is st an Allow statement for sts:AssumeRoleWithWebIdentity from an
 * EKS cluster's OIDC provider?  Other OIDC trusts (GitHub Actions,
 * Cognito, Google) are not ServiceAccount trusts.  any_issuer also
 * admits providers of self-managed clusters, when a ServiceAccount is
 * known to use the role.
 */
int		 trust_stmt_is_irsa(struct arena *, const struct pstmt *,
		    int any_issuer);
int		 trust_is_eks_issuer(const char *);
int		 trust_has_irsa(struct arena *, const struct policy *, int);

/* "statement 2 (Sid X)" or "statement 1". */
const char	*trust_stmt_label(struct arena *, const struct pstmt *);

#endif /* TRUST_H */
