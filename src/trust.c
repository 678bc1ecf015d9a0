/* SPDX-License-Identifier: ISC */
/*
 * Trust semantics: subjects, condition keys, IRSA statements and the
 * evaluation of one statement for one token.  Every other module asks
 * here, so that what a trust admits is decided once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "model.h"
#include "policy.h"
#include "trust.h"
#include "xalloc.h"

static enum claim	claim_named(const char *);
static int		stmt_is_irsa(const struct model *, const struct pstmt *,
			    int);
static enum claim	claim_counted(const struct claim_key *);
static const char	*claim_short(enum claim);

/* Once for every ServiceAccount bound: put together, not printed. */
const char *
trust_subject(struct arena *a, const char *ns, const char *name)
{
	char	 buf[512];
	size_t	 ln = strlen(ns), lm = strlen(name);

	if (TRUST_SUB_PREFIX_LEN + ln + 1 + lm >= sizeof(buf))
		return arena_printf(a, "%s%s:%s", TRUST_SUB_PREFIX, ns, name);
	memcpy(buf, TRUST_SUB_PREFIX, TRUST_SUB_PREFIX_LEN);
	memcpy(buf + TRUST_SUB_PREFIX_LEN, ns, ln);
	buf[TRUST_SUB_PREFIX_LEN + ln] = ':';
	memcpy(buf + TRUST_SUB_PREFIX_LEN + ln + 1, name, lm);
	return arena_strndup(a, buf, TRUST_SUB_PREFIX_LEN + ln + 1 + lm);
}

const char *
trust_subject_rest(const char *s)
{
	if (strncmp(s, TRUST_SUB_PREFIX, TRUST_SUB_PREFIX_LEN) != 0)
		return NULL;
	return s + TRUST_SUB_PREFIX_LEN;
}

int
trust_subject_split(const char *s, const char **ns, size_t *nslen,
    const char **name)
{
	const char	*rest, *colon;

	if ((rest = trust_subject_rest(s)) == NULL ||
	    (colon = strchr(rest, ':')) == NULL)
		return 0;
	*ns = rest;
	*nslen = (size_t)(colon - rest);
	*name = colon + 1;
	return 1;
}

/* The claim a key's last part names, case-insensitively as STS does. */
static enum claim
claim_named(const char *s)
{
	if (strcasecmp(s, "sub") == 0)
		return CLAIM_SUB;
	if (strcasecmp(s, "aud") == 0)
		return CLAIM_AUD;
	if (strcasecmp(s, "amr") == 0)
		return CLAIM_AMR;
	return CLAIM_NONE;
}

static const char *
claim_short(enum claim c)
{
	return c == CLAIM_SUB ? "sub" : c == CLAIM_AUD ? "aud" : "amr";
}

void
trust_key(const struct pcond *c, struct claim_key *k)
{
	const char	*colon;
	size_t		 i;

	memset(k, 0, sizeof(*k));
	if (c->key == NULL) {
		/*
		 * Unknown until apply: its known end names the claim
		 * ("${x}:aud"), else the values tell it.
		 */
		k->unknown = 1;
		if (c->key_end != NULL &&
		    (colon = strrchr(c->key_end, ':')) != NULL) {
			k->claim = claim_named(colon + 1);
			k->name = colon + 1;
			return;
		}
		for (i = 0; i < c->values.n; i++) {
			if (c->values.v[i] == NULL)
				continue;
			if (trust_subject_rest(c->values.v[i]) != NULL) {
				k->claim = CLAIM_SUB;
				return;
			}
			k->claim = CLAIM_AUD;
		}
		return;
	}
	if ((colon = strrchr(c->key, ':')) == NULL) {
		k->global = 1;		/* no prefix at all: not a claim */
		return;
	}
	k->claim = claim_named(colon + 1);
	k->name = colon + 1;
	k->issuer = c->key;
	k->issuer_len = (size_t)(colon - c->key);
	/* aws:..., sts:... and the like are global keys, not claims. */
	k->global = memchr(c->key, '/', k->issuer_len) == NULL &&
	    memchr(c->key, '.', k->issuer_len) == NULL;
}

/*
 * The claim as the role-level rules count it: a global key or an empty
 * issuer is none, and an unknown key counts only when its values are
 * subjects.
 */
static enum claim
claim_counted(const struct claim_key *k)
{
	if (k->unknown)
		return k->claim == CLAIM_SUB ? CLAIM_SUB : CLAIM_NONE;
	if (k->global || k->issuer_len == 0)
		return CLAIM_NONE;
	return k->claim;
}

enum claim
trust_claim(struct arena *a, const struct pcond *c, const char **issuer)
{
	struct claim_key	 k;
	enum claim		 claim;

	trust_key(c, &k);
	*issuer = NULL;
	if ((claim = claim_counted(&k)) != CLAIM_NONE && !k.unknown)
		*issuer = arena_strndup(a, k.issuer, k.issuer_len);
	return claim;
}

int
trust_is_eks_issuer(const char *issuer)
{
	const char	*slash;

	if (strncasecmp(issuer, "oidc.eks.", 9) != 0)
		return 0;
	slash = strchr(issuer, '/');
	return slash != NULL && strncmp(slash, "/id/", 4) == 0;
}

const struct oidc_principal *
trust_oidc(const struct model *m, const char *fed)
{
	const struct oidc_principal	*o;

	if (fed == NULL)
		return NULL;
	o = model_oidc(m, fed);
	return o->valid ? o : NULL;
}

/* Do the statement's condition keys name a known non-cluster issuer? */
static int
names_other_idp(const struct pstmt *st)
{
	struct claim_key	 k;
	char			 issuer[256];
	size_t			 j;

	for (j = 0; j < st->nconds; j++) {
		trust_key(&st->conds[j], &k);
		if (k.unknown || k.global || k.issuer == NULL ||
		    k.issuer_len == 0 || k.issuer_len >= sizeof(issuer))
			continue;
		memcpy(issuer, k.issuer, k.issuer_len);
		issuer[k.issuer_len] = '\0';
		if (trust_idp_name(issuer) != NULL)
			return 1;
	}
	return 0;
}

int
trust_stmt_is_irsa(const struct model *m, const struct pstmt *st,
    int any_issuer)
{
	/*
	 * The answer depends on the statement alone (model_oidc() only
	 * parses the ARN, once), and a dozen rules ask it of every
	 * statement: it is kept in the statement, two bits for each
	 * any_issuer, "known" and "yes".  Statements live in an arena,
	 * never in const storage.
	 */
	struct pstmt	*memo = (struct pstmt *)(uintptr_t)st;
	unsigned int	 known = any_issuer ? 0x4 : 0x1, yes = known << 1;
	int		 r;

	if (st->irsa & known)
		return (st->irsa & yes) != 0;
	r = stmt_is_irsa(m, st, any_issuer);
	memo->irsa |= known | (r ? yes : 0);
	return r;
}

static int
stmt_is_irsa(const struct model *m, const struct pstmt *st, int any_issuer)
{
	const struct oidc_principal	*o;
	size_t				 i;

	if (!st->allow || !pstmt_action_matches(st, WEB_IDENTITY))
		return 0;
	if (st->principal_star && any_issuer)
		return 1;
	for (i = 0; i < st->federated.n; i++) {
		/*
		 * A provider created in the plan, unless the conditions'
		 * keys name an identity provider that is never a cluster's
		 * ("token.actions.githubusercontent.com:sub").
		 */
		if (st->federated.v[i] == NULL)
			return !names_other_idp(st);
		if ((o = trust_oidc(m, st->federated.v[i])) != NULL &&
		    (any_issuer || trust_is_eks_issuer(o->oa.issuer)))
			return 1;
	}
	return 0;
}

int
trust_has_irsa(const struct model *m, const struct policy *p, int any_issuer)
{
	size_t	 i;

	for (i = 0; p != NULL && i < p->n; i++)
		if (trust_stmt_is_irsa(m, &p->st[i], any_issuer))
			return 1;
	return 0;
}

int
trust_stmt_tests(const struct pstmt *st, enum claim want, int partial)
{
	struct claim_key	 k;
	size_t			 j;

	for (j = 0; j < st->nconds; j++) {
		trust_key(&st->conds[j], &k);
		if (claim_counted(&k) == want || (k.unknown && partial))
			return 1;
	}
	return 0;
}

int
trust_stmt_lacks(const struct model *m, const struct iam_role *role,
    const struct pstmt *st, int used, enum claim claim)
{
	return trust_stmt_is_irsa(m, st, used) &&
	    !trust_stmt_tests(st, claim, role->trust_partial);
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
trust_each_cond(const struct model *m, const struct iam_role *role, int used,
    enum claim want, void (*fn)(const struct trust_cond *, void *), void *arg)
{
	const struct policy	*p = role->trust;
	struct trust_cond	 tc;
	struct claim_key	 k;
	size_t			 i, j;

	for (i = 0; p != NULL && i < p->n; i++) {
		tc.st = &p->st[i];
		if (!trust_stmt_is_irsa(m, tc.st, used))
			continue;
		for (j = 0; j < tc.st->nconds; j++) {
			tc.c = &tc.st->conds[j];
			trust_key(tc.c, &k);
			tc.claim = claim_counted(&k);
			if (tc.claim == CLAIM_NONE ||
			    (want != CLAIM_NONE && tc.claim != want))
				continue;
			fn(&tc, arg);
		}
	}
}

/*
 * Identity providers whose tokens are never a pod's: their issuer
 * host (and path prefix), from each service's own documentation of
 * its OIDC issuer.
 */
static const struct {
	const char	*issuer;	/* a prefix of the issuer */
	const char	*name;
} idps[] = {
	{ "accounts.google.com", "Google" },
	{ "agent.buildkite.com", "Buildkite" },
	{ "api.bitbucket.org/2.0/workspaces/", "Bitbucket Pipelines" },
	{ "app.terraform.io", "HCP Terraform" },
	{ "cognito-identity.amazonaws.com", "Amazon Cognito" },
	{ "gitlab.com", "GitLab CI" },
	{ "graph.facebook.com", "Facebook" },
	{ "login.microsoftonline.com/", "Microsoft Entra ID" },
	{ "oidc.circleci.com/org/", "CircleCI" },
	{ "sts.windows.net/", "Microsoft Entra ID" },
	{ "token.actions.githubusercontent.com", "GitHub Actions" },
	{ "vstoken.actions.githubusercontent.com", "GitHub Actions" },
	{ "www.amazon.com", "Login with Amazon" }
};

const char *
trust_idp_name(const char *issuer)
{
	size_t	 i, n;

	for (i = 0; i < sizeof(idps) / sizeof(idps[0]); i++) {
		n = strlen(idps[i].issuer);
		if (strncasecmp(issuer, idps[i].issuer, n) == 0 &&
		    (idps[i].issuer[n - 1] == '/' || issuer[n] == '\0' ||
		    issuer[n] == '/'))
			return idps[i].name;
	}
	return NULL;
}

/*
 * Match the statement's Principal against the request's: the OIDC
 * provider of the token's issuer in the role's account.
 */
static void
eval_principal(const struct model *m, const struct pstmt *st,
    const struct trust_req *req, struct trust_eval *ev)
{
	const struct oidc_principal	*o;
	size_t				 i;
	int				 made = 0;

	if (st->principal_star) {
		if (req->issuer == NULL || req->assumed)
			ev->unverified |= UNV_STAR;
		return;
	}
	for (i = 0; i < st->federated.n; i++) {
		if (st->federated.v[i] == NULL) {
			made = 1;
			continue;
		}
		if ((o = trust_oidc(m, st->federated.v[i])) == NULL ||
		    (req->issuer != NULL &&
		    strcasecmp(o->oa.issuer, req->issuer) != 0))
			continue;
		if (req->account != NULL &&
		    (strcmp(o->oa.account, req->account) != 0 ||
		    strcmp(o->oa.partition, req->partition) != 0)) {
			ev->other_fed = st->federated.v[i];
			continue;
		}
		ev->fed = st->federated.v[i];
		if (req->issuer == NULL)
			ev->unverified |= UNV_ISSUER;
		return;
	}
	if (made) {
		ev->unverified |= UNV_PROVIDER;
		return;
	}
	ev->t = TRI_FALSE;
	ev->fail = ev->other_fed != NULL ? FAIL_ACCOUNT : FAIL_PRINCIPAL;
}

/*
 * The key a condition tests, as it stands in the request: "sub" or
 * "aud" when the token carries it, "" when the request has no such
 * key, NULL when it cannot be known offline.  *wrong_issuer is set for
 * a sub or aud key of another issuer.
 */
static const char *
req_key(const struct claim_key *k, const struct trust_req *req,
    struct trust_eval *ev, int *wrong_issuer)
{
	*wrong_issuer = 0;
	if (k->unknown) {
		if (k->claim == CLAIM_NONE)
			return NULL;
		ev->unverified |= UNV_KEY;
		return claim_short(k->claim);
	}
	if (k->global)
		return NULL;	/* aws:..., sts:...: not modelled offline */
	if (req->issuer != NULL && (k->issuer_len != strlen(req->issuer) ||
	    strncasecmp(k->issuer, req->issuer, k->issuer_len) != 0)) {
		*wrong_issuer = k->claim == CLAIM_SUB || k->claim == CLAIM_AUD;
		return "";
	}
	if (k->claim != CLAIM_SUB && k->claim != CLAIM_AUD)
		return "";	/* a claim STS passes for other providers */
	if (req->issuer == NULL)
		ev->unverified |= UNV_ISSUER;
	return claim_short(k->claim);
}

/*
 * Action, Principal and each condition's key: what trust_eval_stmt()
 * finds before the request's sub and aud, into mo (ev, keys, wrong).
 */
static void
memo_make(const struct model *m, const struct pstmt *st,
    const struct trust_req *req, struct trust_memo *mo)
{
	struct trust_eval	*ev = &mo->ev;
	struct claim_key	 k;
	size_t			 i;
	int			 wrong;

	mo->st = NULL;
	if (st->nconds > mo->cap) {
		mo->keys = xreallocarray(mo->keys, st->nconds,
		    sizeof(*mo->keys));
		mo->wrong = xreallocarray(mo->wrong, st->nconds,
		    sizeof(*mo->wrong));
		mo->cap = st->nconds;
	}
	memset(ev, 0, sizeof(*ev));
	ev->t = TRI_TRUE;
	if (!pstmt_action_matches(st, WEB_IDENTITY)) {
		ev->t = TRI_FALSE;
		ev->fail = FAIL_ACTION;
	} else
		eval_principal(m, st, req, ev);
	for (i = 0; ev->t != TRI_FALSE && i < st->nconds; i++) {
		trust_key(&st->conds[i], &k);
		mo->keys[i] = req_key(&k, req, ev, &wrong);
		mo->wrong[i] = (unsigned char)wrong;
	}
	mo->m = m;
	mo->issuer = req->issuer;
	mo->partition = req->partition;
	mo->account = req->account;
	mo->assumed = req->assumed;
	mo->st = st;
}

void
trust_eval_stmt_memo(const struct model *m, const struct pstmt *st,
    const struct trust_req *req, struct trust_eval *ev,
    struct trust_memo *mo)
{
	struct req_kv		 kv[2];
	struct req_ctx		 ctx = { kv, 2 };
	struct pcond		 tmp;
	size_t			 i;
	enum tri		 t;

	if (mo->st != st || mo->m != m || mo->issuer != req->issuer ||
	    mo->partition != req->partition ||
	    mo->account != req->account || mo->assumed != req->assumed)
		memo_make(m, st, req, mo);
	*ev = mo->ev;
	if (ev->t == TRI_FALSE)
		return;
	kv[0].key = "sub";
	kv[0].value = req->sub;
	kv[1].key = "aud";
	kv[1].value = req->aud;
	for (i = 0; i < st->nconds; i++) {
		if (mo->keys[i] == NULL) {
			ev->t = tri_and(ev->t, TRI_UNKNOWN);
			continue;
		}
		tmp = st->conds[i];
		tmp.key = mo->keys[i];
		t = pcond_eval(&tmp, &ctx);
		ev->t = tri_and(ev->t, t);
		if (t != TRI_FALSE)
			continue;
		if (mo->wrong[i]) {
			ev->fail |= FAIL_KEY_ISSUER;
			if (ev->bad_key == NULL)
				ev->bad_key = &st->conds[i];
		} else if (*tmp.key == '\0') {
			ev->fail |= FAIL_OTHER;
			if (ev->other_cond == NULL)
				ev->other_cond = &st->conds[i];
		} else if (strcmp(tmp.key, "sub") == 0) {
			ev->fail |= FAIL_SUB;
			if (ev->sub_cond == NULL)
				ev->sub_cond = &st->conds[i];
		} else {
			ev->fail |= FAIL_AUD;
			if (ev->aud_cond == NULL)
				ev->aud_cond = &st->conds[i];
		}
	}
	if (ev->t != TRI_TRUE)
		ev->unverified = 0;
}

void
trust_eval_stmt(const struct model *m, const struct pstmt *st,
    const struct trust_req *req, struct trust_eval *ev)
{
	struct trust_memo	 mo;

	memset(&mo, 0, sizeof(mo));
	trust_eval_stmt_memo(m, st, req, ev, &mo);
	trust_memo_release(&mo);
}

void
trust_memo_release(struct trust_memo *mo)
{
	free(mo->keys);
	free(mo->wrong);
	memset(mo, 0, sizeof(*mo));
}

const struct pcond *
trust_sub_cond(const struct pcond *c, const char *key, struct pcond *tmp)
{
	struct claim_key	 k;

	if (c->key == NULL) {
		trust_key(c, &k);
		if (k.claim != CLAIM_SUB)
			return NULL;
		*tmp = *c;
		tmp->key = key;
		return tmp;
	}
	return strcasecmp(c->key, key) == 0 ? c : NULL;
}

int
trust_admits_sub(const struct model *m, const struct iam_role *role,
    const char *subject)
{
	const struct oidc_principal	*o;
	const struct pstmt		*st;
	const struct pcond		*c;
	struct pcond			 tmp;
	struct req_kv			 kv;
	struct req_ctx			 rc = { &kv, 1 };
	size_t				 i, j, k, nsub;
	int				 ok;

	for (i = 0; role->trust != NULL && i < role->trust->n; i++) {
		st = &role->trust->st[i];
		if (!st->allow)
			continue;
		for (j = 0; j < st->federated.n; j++) {
			if ((o = trust_oidc(m, st->federated.v[j])) == NULL)
				continue;
			kv.key = o->sub_key;
			kv.value = subject;
			ok = 1;
			nsub = 0;
			for (k = 0; k < st->nconds && ok; k++) {
				if ((c = trust_sub_cond(&st->conds[k],
				    kv.key, &tmp)) == NULL)
					continue;
				nsub++;
				ok = pcond_eval(c, &rc) == TRI_TRUE;
			}
			if (ok && nsub > 0)
				return 1;
		}
	}
	return 0;
}

int
trust_names(const struct policy *p, const char *sub)
{
	size_t	 i, j, k;

	for (i = 0; p != NULL && i < p->n; i++)
		for (j = 0; j < p->st[i].nconds; j++)
			for (k = 0; k < p->st[i].conds[j].values.n; k++)
				if (p->st[i].conds[j].values.v[k] != NULL &&
				    strcmp(p->st[i].conds[j].values.v[k],
				    sub) == 0)
					return 1;
	return 0;
}
