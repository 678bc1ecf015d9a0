/* SPDX-License-Identifier: ISC */
/* Parsers for the two ARN forms IRSA uses: IAM roles and OIDC providers. */
#ifndef ARN_H
#define ARN_H

#include <stddef.h>

struct arena;

/* arn:<partition>:iam::<account>:role<path><name> */
struct role_arn {
	const char	*partition;	/* "aws", "aws-cn", "aws-us-gov", ... */
	const char	*account;	/* 12 digits */
	const char	*path;		/* "/" or "/a/b/" */
	const char	*name;		/* 1..64 of [A-Za-z0-9+=,.@_-] */
};

/* arn:<partition>:iam::<account>:oidc-provider/<issuer host and path> */
struct oidc_arn {
	const char	*partition;
	const char	*account;
	const char	*issuer;	/* e.g. oidc.eks.us-west-2.amazonaws.com/id/ABC */
};

/*
 * Parse s as a role ARN.  On success fill *out with arena strings and
 * return 0.  On failure return -1 and write into err (a lowercase phrase
 * without final period) the first part that is wrong, quoting it, e.g.
 * "account '{local.account_id}' is not 12 digits".
 */
int	arn_parse_role(struct arena *, const char *, struct role_arn *,
	    char *err, size_t errlen);
int	arn_parse_oidc(struct arena *, const char *, struct oidc_arn *,
	    char *err, size_t errlen);

#endif /* ARN_H */
