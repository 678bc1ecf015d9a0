/* SPDX-License-Identifier: ISC */
/*
 * Bindings: each ServiceAccount that names a role, resolved to the
 * role and the OIDC provider of the inputs, with the trust's answer to
 * the ServiceAccount's web identity (trust.c decides it).  The engine
 * builds them once; rules and the reporters that draw them only read.
 */
#ifndef BIND_H
#define BIND_H

#include <stddef.h>
#include <stdint.h>

#include "arn.h"
#include "policy.h"
#include "strmap.h"
#include "trust.h"
#include "util.h"

struct iam_role;
struct k8s_obj;
struct kv_pos;
struct model;
struct oidc_provider;
struct pod_identity;

#define ANN_ROLE_ARN	"eks.amazonaws.com/role-arn"
#define ANN_AUDIENCE	"eks.amazonaws.com/audience"

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
	const char		*arn_error;	/* !arn_ok && !arn_pending */
	/*
	 * The ARN is known only after apply, from the role at the
	 * ServiceAccount's role_ref (ann is its role_field); arn holds
	 * what is known of that role's account, if anything.
	 */
	int			 arn_pending;

	int			 have_roles;	/* any role input at all */
	const struct iam_role	*role;		/* resolved, or NULL */
	const struct iam_role	*near;		/* closest when not resolved */
	enum near_kind		 near_kind;	/* how near differs */
	const char		*near_arn;	/* near's ARN, when computable */
	const struct iam_role	*generated;	/* named at apply, likely meant */
	/* Not resolved: the roles whose trust admits this very SA. */
	const struct iam_role	**meant;
	size_t			 nmeant;
	const char		*meant_arn;	/* meant[0]'s ARN, when known */

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
	const struct pcond	*other_cond;	/* FAIL_OTHER */
	size_t			 ncandidates;	/* issuers the token may have */
	int			 cluster_issuer;	/* ...from clusters */
	/* The configuration's cluster whose issuer that is, or NULL. */
	const struct deploy_cluster *cluster;
};

/*
 * Role names compared with misspelt annotations in one run, at most:
 * far more than a real repository needs, and a bound on the time a
 * crafted input with thousands of roles and wrong names can take.
 */
#define BIND_TYPO_CHECKS	2000000

/* Statements whose evaluation before the subject is kept at once. */
#define BIND_MEMOS		64

struct role_len {
	size_t			 len;		/* of the name */
	size_t			 index;		/* in the model's roles */
	uint64_t		 chars;		/* char_set() of the name */
};

/* Every binding of a run, and what they tell about the roles. */
struct bindings {
	const struct model	*m;
	struct binding		*v;		/* model order */
	size_t			 n;
	struct binding		**of;		/* by object index: its binding */
	struct strmap		 arns;		/* a role-arn annotation's text
						   to its parse, once per text
						   (struct role_arn) */
	/*
	 * The last role-arn text that named a role of the inputs by its
	 * ARN, its parse and that role: the ServiceAccounts of a chart
	 * often name one role one after another.
	 */
	const char		*last_arn;
	struct role_arn		 last_parse;
	const struct iam_role	*last_role;
	unsigned char		*used;		/* by role index: SA names it */
	size_t			 typo_budget;	/* role names left to compare */
	/*
	 * Made at their first use (bind.c): the roles that may be named
	 * by a typo, by length of name and then model order; the roles
	 * by each literal condition value of their trust; and the roles
	 * whose names are generated at apply, in model order.
	 */
	struct role_len		*by_len;
	size_t			 nby_len;
	int			 by_len_made;
	struct strmap		 by_value;
	int			 by_value_made;
	size_t			*gen;		/* role indexes */
	size_t			 ngen;
	int			 gen_made;
	/*
	 * By role index, made at the first ServiceAccount bound to the
	 * role: the issuers its trust admits tokens from (bind.c), which
	 * depend on the trust and the clusters, not the ServiceAccount.
	 */
	struct bind_cands {
		const char	**v;
		size_t		  n;
		int		  assumed;
		int		  made;
	}			*cands;
	size_t			 ncands;
	/*
	 * Long sub conditions by address (open addressing), each with its
	 * values ready for near_list_find(), made at the first subject
	 * the condition refuses (bind.c).
	 */
	struct near_memo {
		const struct pcond	*c;	/* NULL: empty slot */
		struct near_list	 l;
	}			*near;
	size_t			 near_cap;
	size_t			 near_n;
	/*
	 * What the statements of a trust make of an issuer and account
	 * before the subject, kept by statement address for the next
	 * ServiceAccount bound to the role (trust_eval_stmt_memo()).
	 */
	struct trust_memo	 memo[BIND_MEMOS];
};

/* An empty set with the run's budgets; the caller may lower them. */
void		 bindings_init(struct bindings *);
/*
 * Bind every named ServiceAccount with a role-arn annotation, or a
 * role it will have once applied (role_ref), of the indexed model.
 * bindings_release() frees what it allocated (the strings are the
 * model's arena's) and leaves the set empty.
 */
void		 bindings_build(struct bindings *, const struct model *);
void		 bindings_release(struct bindings *);
/* The binding of a ServiceAccount object, or NULL when it names no role. */
const struct binding *bindings_of(const struct bindings *,
		    const struct k8s_obj *);
/* Does some ServiceAccount of the inputs name this role? */
int		 bindings_role_used(const struct bindings *,
		    const struct iam_role *);

/* The role a Pod Identity association names, if it is in the inputs. */
const struct iam_role *bind_pod_identity_role(const struct model *,
		    const struct pod_identity *);
/*
 * "trust policy of ADDR (role NAME)", naming the statement when the
 * policy has several or the statement has a Sid.
 */
const char	*bind_trust_name(const struct model *, const struct binding *,
		    const struct pstmt *);
/* "aws_iam_role.x (role Name)" */
const char	*bind_role_name(const struct model *,
		    const struct iam_role *);

#endif /* BIND_H */
