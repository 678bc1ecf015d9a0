/* SPDX-License-Identifier: ISC */
/*
 * Trust semantics, in one place: what a ServiceAccount's subject looks
 * like, what a condition key of a trust policy is about, which
 * statements serve IRSA web identities, and how one statement answers
 * a token.  It reads the model and the policy code only; it knows
 * nothing of rules, the engine or reporters.
 */
#ifndef TRUST_H
#define TRUST_H

#include <stddef.h>

#include "policy.h"

struct arena;
struct iam_role;
struct model;
struct oidc_principal;

#define WEB_IDENTITY		"sts:AssumeRoleWithWebIdentity"
#define DEFAULT_AUDIENCE	"sts.amazonaws.com"

/* ---- Subjects: system:serviceaccount:<namespace>:<name> ---- */

#define TRUST_SUB_PREFIX	"system:serviceaccount:"
#define TRUST_SUB_PREFIX_LEN	(sizeof(TRUST_SUB_PREFIX) - 1)

/* The subject of a ServiceAccount's token, an arena string. */
const char	*trust_subject(struct arena *, const char *ns,
		    const char *name);
/* What follows the prefix in s, or NULL when s does not start with it. */
const char	*trust_subject_rest(const char *s);
/*
 * Split a subject at the first ':' after the prefix: *ns and *nslen
 * the namespace (not NUL-terminated), *name the rest, which may hold
 * more colons.  Returns 0, setting nothing, when s lacks the prefix or
 * that colon.
 */
int		 trust_subject_split(const char *s, const char **ns,
		    size_t *nslen, const char **name);

/* ---- Condition keys ---- */

enum claim {
	CLAIM_NONE = 0,		/* not an OIDC claim key */
	CLAIM_SUB,
	CLAIM_AUD,
	CLAIM_AMR
};

/*
 * What a condition key says: the claim of "<issuer>:<claim>" (none
 * for a claim other than sub, aud and amr) and the issuer it names.  A key unknown until apply (NULL) is told by its
 * values: a subject makes it a sub key, any other known value an aud
 * key, no known value leaves it CLAIM_NONE with unknown set.
 */
struct claim_key {
	enum claim	 claim;
	const char	*issuer;	/* into the key; NULL when unknown */
	size_t		 issuer_len;
	const char	*name;		/* the claim's name, after the ':' */
	int		 unknown;	/* the key is known only after apply */
	int		 global;	/* "aws:...", "sts:...": no issuer */
};
void		 trust_key(const struct pcond *, struct claim_key *);

/*
 * The claim a condition tests, as the role-level rules count it: a
 * global key is none, and a key unknown until apply is sub only when
 * its values are subjects.  *issuer is an arena string, or NULL when
 * the key is unknown until apply.
 */
enum claim	 trust_claim(struct arena *, const struct pcond *,
		    const char **issuer);

/*
 * A Federated principal parsed as an OIDC provider ARN, once per run
 * (model_index() parses those of every trust): NULL when fed is NULL
 * or not a provider ARN.
 */
const struct oidc_principal *trust_oidc(const struct model *,
		    const char *fed);

/* EKS issuers: oidc.eks.<region>.amazonaws.com[.cn]/id/<ID>. */
int		 trust_is_eks_issuer(const char *);

/* ---- Statements ---- */

/*
 * Is st an Allow statement for sts:AssumeRoleWithWebIdentity from an
 * EKS cluster's OIDC provider?  Other OIDC trusts (GitHub Actions,
 * Cognito, Google) are not ServiceAccount trusts.  any_issuer also
 * admits providers of self-managed clusters, and Principal "*", when a
 * ServiceAccount is known to use the role.
 */
int		 trust_stmt_is_irsa(const struct model *,
		    const struct pstmt *, int any_issuer);
int		 trust_has_irsa(const struct model *, const struct policy *,
		    int any_issuer);
/* Does the statement test claim (or have a key unknown until apply)? */
int		 trust_stmt_tests(const struct pstmt *, enum claim,
		    int partial);
/*
 * Is st an IRSA statement of the role's trust (any issuer when used)
 * that does not test claim?
 */
int		 trust_stmt_lacks(const struct model *,
		    const struct iam_role *, const struct pstmt *, int used,
		    enum claim);
/* "statement 2 (Sid X)" or "statement 1". */
const char	*trust_stmt_label(struct arena *, const struct pstmt *);

/* One condition of an IRSA statement, as trust_each_cond() hands it on. */
struct trust_cond {
	const struct pstmt	*st;
	const struct pcond	*c;
	enum claim		 claim;
};

/*
 * Call fn for every condition of every IRSA statement of the role's
 * trust that tests claim (CLAIM_NONE: every claim).  The statements are
 * those trust_stmt_is_irsa() admits, with any issuer when used (a
 * ServiceAccount of the inputs names the role).
 */
void		 trust_each_cond(const struct model *,
		    const struct iam_role *, int used, enum claim,
		    void (*)(const struct trust_cond *, void *), void *);

/* ---- Evaluation ---- */

/*
 * Well-known identity providers that never issue a Kubernetes
 * ServiceAccount token (GitHub Actions, Google, Cognito...): the name
 * of the service, or NULL when issuer is not one of them.
 */
const char	*trust_idp_name(const char *issuer);

/*
 * What STS evaluates a role's trust against when a pod presents its
 * ServiceAccount token: AssumeRoleWithWebIdentity from the OIDC
 * provider of the token's issuer in the role's account, with the
 * context keys <issuer>:sub and <issuer>:aud and no other claim
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/
 * reference_policies_iam-condition-keys.html#condition-keys-wif:
 * amr is Cognito's, email and oaud Google's).
 */
struct trust_req {
	const char	*issuer;	/* without scheme; NULL: unknown */
	int		 assumed;	/* issuer is a hypothesis, for "*" */
	const char	*partition;	/* of the role, hence of its provider */
	const char	*account;
	const char	*sub;
	const char	*aud;
};

/* Why a statement fails for a token. */
#define FAIL_KEY_ISSUER	0x01	/* a sub/aud key names another issuer */
#define FAIL_SUB	0x02	/* no sub value admits this SA */
#define FAIL_AUD	0x04	/* no aud value admits the audience */
#define FAIL_OTHER	0x08	/* a condition on a key STS does not pass */
#define FAIL_PRINCIPAL	0x10	/* no Federated provider is the token's */
#define FAIL_ACCOUNT	0x20	/* the token's provider, in another account */
#define FAIL_ACTION	0x40	/* not for sts:AssumeRoleWithWebIdentity */

/* What could not be checked of a statement that applies. */
#define UNV_ISSUER	0x01	/* the token's issuer is not known */
#define UNV_PROVIDER	0x02	/* a Federated provider made at apply */
#define UNV_KEY		0x04	/* a condition key known only after apply */
#define UNV_STAR	0x08	/* Principal "*": any identity provider */

/* How one statement answers one request. */
struct trust_eval {
	enum tri		 t;		/* does the statement apply? */
	unsigned int		 fail;		/* FAIL_*, when t is false */
	unsigned int		 unverified;	/* UNV_*, when t is true */
	const char		*fed;		/* the Federated entry matched */
	const char		*other_fed;	/* FAIL_ACCOUNT: the entry */
	const struct pcond	*bad_key;	/* first FAIL_KEY_ISSUER */
	const struct pcond	*sub_cond;	/* first FAIL_SUB */
	const struct pcond	*aud_cond;	/* first FAIL_AUD */
	const struct pcond	*other_cond;	/* first FAIL_OTHER */
};

/*
 * Does st (Allow or Deny alike) apply to the request?  Action and
 * Principal are matched as IAM matches them, then every condition: a
 * key of the token's claims other than sub and aud, or of another
 * issuer, is absent from the request; a global key (aws:..., sts:...)
 * cannot be known offline.  t is false (with fail set) when it does
 * not apply, unknown when that depends on what cannot be known
 * offline, true (with unverified set when it was assumed) otherwise.
 */
void		 trust_eval_stmt(const struct model *, const struct pstmt *,
		    const struct trust_req *, struct trust_eval *);

/*
 * What trust_eval_stmt() finds of a statement before it looks at the
 * request's sub and aud: whether Action and Principal match, and the
 * key each condition tests.  That depends on the statement, the
 * issuer and the role's account only, and a trust admits thousands of
 * ServiceAccounts of one role: trust_eval_stmt_memo() keeps it for the
 * next request with the same (the very same strings) and gives the
 * same answer as trust_eval_stmt().  Zeroed is empty;
 * trust_memo_release() frees it.
 */
struct trust_memo {
	const struct pstmt	*st;		/* NULL: nothing kept */
	const struct model	*m;
	const char		*issuer, *partition, *account;
	int			 assumed;
	struct trust_eval	 ev;		/* Action, Principal and every
						   condition's key applied */
	const char		**keys;		/* per condition: the key in the
						   request, NULL: unknown */
	unsigned char		*wrong;		/* per condition: of another
						   issuer */
	size_t			 cap;
};

void		 trust_eval_stmt_memo(const struct model *,
		    const struct pstmt *, const struct trust_req *,
		    struct trust_eval *, struct trust_memo *);
void		 trust_memo_release(struct trust_memo *);

/*
 * The sub condition c is, for a provider whose sub key is key: c
 * itself when its key is key (case-insensitively), a copy in *tmp
 * keyed so when its key is unknown until apply and its values are
 * subjects, else NULL.
 */
const struct pcond *trust_sub_cond(const struct pcond *, const char *key,
		    struct pcond *tmp);
/*
 * Do the sub conditions, all of them, of some Allow statement of the
 * role's trust admit subject from one of its OIDC providers?  Only sub
 * is tested: the other conditions are the binding's to judge.
 */
int		 trust_admits_sub(const struct model *,
		    const struct iam_role *, const char *subject);
/* Does any condition value of the policy name this subject literally? */
int		 trust_names(const struct policy *, const char *subject);

#endif /* TRUST_H */
