/* SPDX-License-Identifier: ISC */
/*
 * A binding is one ServiceAccount that names a role: the parsed ARN,
 * the role it resolves to, and how that role's trust policy answers the
 * ServiceAccount's web identity.  Computed once; rules only read it.
 */
#ifndef BIND_H
#define BIND_H

#include <stddef.h>

#include "arn.h"
#include "policy.h"

struct k8s_obj;
struct kv_pos;
struct model;
struct oidc_provider;
struct iam_role;

#define ANN_ROLE_ARN	"eks.amazonaws.com/role-arn"
#define ANN_AUDIENCE	"eks.amazonaws.com/audience"
#define DEFAULT_AUDIENCE "sts.amazonaws.com"
#define WEB_IDENTITY	"sts:AssumeRoleWithWebIdentity"

/* Why the closest statement fails. */
#define FAIL_KEY_ISSUER	0x01	/* a sub/aud key names another issuer */
#define FAIL_SUB	0x02	/* no sub value admits this SA */
#define FAIL_AUD	0x04	/* no aud value admits the audience */
#define FAIL_OTHER	0x08	/* another OIDC claim condition fails */

enum near_kind {
	NEAR_TYPO,		/* name within a small edit distance */
	NEAR_CASE,		/* name equal but for case */
	NEAR_PATH,		/* same name, another path */
	NEAR_ACCOUNT		/* same name and path, another account */
};

struct binding {
	const struct k8s_obj	*sa;
	const struct kv_pos	*ann;		/* the role-arn annotation */
	const char		*ns;		/* namespace the SA lands in */
	const char		*sub;		/* system:serviceaccount:ns:name */
	const char		*aud;		/* audience of its token */
	int			 aud_annotated;	/* aud from the annotation */

	int			 arn_ok;
	struct role_arn		 arn;
	const char		*arn_error;	/* when !arn_ok */

	int			 have_roles;	/* any Terraform input at all */
	const struct iam_role	*role;		/* resolved, or NULL */
	const struct iam_role	*near;		/* closest when not resolved */
	enum near_kind		 near_kind;	/* how near differs */
	const char		*near_arn;	/* near's ARN, when computable */
	const struct iam_role	*generated;	/* named at apply, likely meant */

	/* Trust evaluation, when role and its trust are known. */
	enum tri		 verdict;	/* TRUE: the SA may assume */
	int			 no_web_identity;	/* no usable stmt */
	const struct pstmt	*wrong_action;	/* Federated, other action */
	const struct pstmt	*closest;	/* best failing statement */
	const char		*principal;	/* deciding Federated ARN */
	const char		*issuer;	/* its issuer; NULL: unknown */
	const char		*unverified;	/* what could not be checked */
	const struct oidc_provider *provider;	/* of principal, if in inputs */
	const struct pstmt	*deny;		/* a Deny that matches */
	unsigned int		 fail;		/* FAIL_* of closest */
	const struct pcond	*bad_key;	/* FAIL_KEY_ISSUER */
	const struct pcond	*sub_cond;	/* FAIL_SUB */
	const char		*sub_best;	/* closest sub value */
	const struct pcond	*aud_cond;	/* FAIL_AUD */
};

void	bind_sa(struct binding *, struct model *, const struct k8s_obj *,
	    const struct kv_pos *);
const char *bind_trust_name(struct model *, const struct binding *,
	    const struct pstmt *);
/* "aws_iam_role.x (role Name)" */
const char *bind_role_name(struct model *, const struct iam_role *);

#endif /* BIND_H */
