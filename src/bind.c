/* SPDX-License-Identifier: ISC */
/*
 * Binding a ServiceAccount to its role: parse the annotation, find the
 * role among the Terraform resources, and evaluate the role's trust
 * policy against the web identity the SA's pods will present.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "arena.h"
#include "bind.h"
#include "model.h"
#include "trust.h"
#include "util.h"

/* The farthest sub value still named as the one nearest (edits). */
#define NEAR_MAX	64
/*
 * Role names compared with misspelt annotations in one run, at most:
 * far more than a real repository needs, and a bound on the time a
 * crafted input with thousands of roles and wrong names can take.
 */
#define TYPO_CHECKS	2000000

static void	bind_resolve(struct binding *, struct model *);
static void	bind_near(struct binding *, struct model *);
static void	bind_generated(struct binding *, struct model *);
static void	bind_provider(struct binding *, struct model *);
static void	bind_trust(struct binding *, struct model *);
static int	role_account(struct model *, const struct iam_role *,
		    const char **, const char **);

/*
 * The account and partition a role lives in: from its ARN once known,
 * else from the Federated OIDC provider its trust names (IAM requires
 * the provider to be in the role's account).  Returns 0 when unknown.
 */
static int
role_account(struct model *m, const struct iam_role *r, const char **part,
    const char **acct)
{
	struct role_arn	 ra;
	struct oidc_arn	 oa;
	char		 err[128];
	size_t		 i, j;

	if (r->arn != NULL &&
	    arn_parse_role(m->arena, r->arn, &ra, err, sizeof(err)) == 0) {
		*part = ra.partition;
		*acct = ra.account;
		return 1;
	}
	if (r->trust == NULL)
		return 0;
	for (i = 0; i < r->trust->n; i++)
		for (j = 0; j < r->trust->st[i].federated.n; j++)
			if (arn_parse_oidc(m->arena,
			    r->trust->st[i].federated.v[j], &oa, err,
			    sizeof(err)) == 0) {
				*part = oa.partition;
				*acct = oa.account;
				return 1;
			}
	return 0;
}

/*
 * Find the role the annotation names.  A role whose ARN is known must
 * equal the annotation; otherwise name, path, account and partition
 * must agree, where account and partition are checked when they can be
 * known at plan time.
 */
static void
bind_resolve(struct binding *b, struct model *m)
{
	const struct strmap_val	*v;
	struct iam_role		*r;
	const char		*part, *acct;

	if ((v = strmap_get(&m->role_by_arn, b->ann->value)) != NULL) {
		r = v->v;
		r->used = 1;
		b->role = r;
		return;
	}
	for (v = strmap_get(&m->role_by_name, b->arn.name); v != NULL;
	    v = v->next) {
		r = v->v;
		if (r->arn != NULL || strcmp(r->path, b->arn.path) != 0)
			continue;
		if (role_account(m, r, &part, &acct) &&
		    (strcmp(part, b->arn.partition) != 0 ||
		    strcmp(acct, b->arn.account) != 0))
			continue;
		r->used = 1;
		b->role = r;
		return;
	}
	bind_near(b, m);
	bind_generated(b, m);
}

/*
 * No role matched: look for the one the user most likely meant.  The
 * same name elsewhere (another path or account) is nearest; then a name
 * equal but for case (IAM names are unique regardless of case, but the
 * ARN in the annotation must be exact); then a name within a small edit
 * distance.
 */
static void
bind_near(struct binding *b, struct model *m)
{
	const struct strmap_val	*v;
	const struct iam_role	*r;
	const char		*part, *acct;
	char			*low, *p;
	size_t			 i, d, best = (size_t)-1, max, len;

	if ((v = strmap_get(&m->role_by_name, b->arn.name)) != NULL) {
		r = v->v;
		b->near = r;
		b->near_kind = strcmp(r->path, b->arn.path) != 0 ?
		    NEAR_PATH : NEAR_ACCOUNT;
	} else {
		low = arena_strdup(m->arena, b->arn.name);
		for (p = low; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		if ((v = strmap_get(&m->role_by_lname, low)) != NULL) {
			b->near = v->v;
			b->near_kind = NEAR_CASE;
		}
	}
	/*
	 * Typos: a scan, but only of names whose length is close enough,
	 * only for the few annotations nothing else matched, and only
	 * until the run has made TYPO_CHECKS comparisons.
	 */
	len = strlen(b->arn.name);
	max = len / 4 < 1 ? 1 : len / 4 > 3 ? 3 : len / 4;
	for (i = 0; b->near == NULL || b->near_kind == NEAR_TYPO; i++) {
		if (i == m->roles.n || best == 1 ||
		    m->typo_checks >= TYPO_CHECKS)
			break;
		r = m->roles.v[i];
		if (r->name == NULL || strlen(r->name) + max < len ||
		    strlen(r->name) > len + max)
			continue;
		m->typo_checks++;
		d = edit_distance(r->name, b->arn.name,
		    best <= max ? best - 1 : max);
		if (d <= max && d < best) {
			best = d;
			b->near = r;
			b->near_kind = NEAR_TYPO;
		}
	}
	if (b->near == NULL)
		return;
	if (b->near->arn != NULL)
		b->near_arn = b->near->arn;
	else if (role_account(m, b->near, &part, &acct))
		b->near_arn = arena_printf(m->arena, "arn:%s:iam::%s:role%s%s",
		    part, acct, b->near->path, b->near->name);
}

/* Does any sub value of the trust name this subject literally? */
static int
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

/*
 * A role whose name is generated at apply (name_prefix) can never be
 * matched by an annotation typed by hand.  The one meant is the role
 * whose prefix starts the annotated name, else one whose trust names
 * this ServiceAccount.
 */
static void
bind_generated(struct binding *b, struct model *m)
{
	const struct iam_role	*r;
	size_t			 i;

	for (i = 0; i < m->roles.n; i++) {
		r = m->roles.v[i];
		if (r->name != NULL || (r->name_prefix == NULL &&
		    !r->name_unknown))
			continue;
		if (r->name_prefix != NULL &&
		    str_has_prefix(b->arn.name, r->name_prefix)) {
			b->generated = r;
			return;
		}
		if (b->generated == NULL && trust_names(r->trust, b->sub))
			b->generated = r;
	}
}

/* The aws_iam_openid_connect_provider the deciding statement names. */
static void
bind_provider(struct binding *b, struct model *m)
{
	const struct oidc_provider	*p;
	size_t				 i;

	if (b->issuer == NULL)
		return;
	for (i = 0; i < m->providers.n; i++) {
		p = m->providers.v[i];
		if ((p->arn != NULL && b->principal != NULL &&
		    strcmp(p->arn, b->principal) == 0) ||
		    (p->url != NULL && strcasecmp(p->url, b->issuer) == 0)) {
			b->provider = p;
			return;
		}
	}
}

/* Is key "<prefix>:<claim>" an OIDC claim key?  Sets *claim. */
static int
oidc_claim(const char *key, const char **claim, size_t *prefixlen)
{
	const char	*colon = strrchr(key, ':');

	if (colon == NULL)
		return 0;
	*claim = colon + 1;
	*prefixlen = (size_t)(colon - key);
	return strcasecmp(*claim, "sub") == 0 ||
	    strcasecmp(*claim, "aud") == 0 || strcasecmp(*claim, "amr") == 0;
}

/* Evaluation of one statement for one provider issuer. */
struct stmt_eval {
	enum tri		 t;
	unsigned int		 fail;
	int			 unverified;	/* a key's issuer unknown */
	const struct pcond	*bad_key, *sub_cond, *aud_cond;
};

/*
 * The claim a condition whose key is unknown until apply tests, told by
 * its values: subjects look like system:serviceaccount:..., anything
 * else known is taken for an audience.  NULL: nothing is known.
 */
static const char *
guess_claim(const struct pcond *c)
{
	const char	*claim = NULL;
	size_t		 i;

	for (i = 0; i < c->values.n; i++) {
		if (c->values.v[i] == NULL)
			continue;
		if (strncmp(c->values.v[i], "system:serviceaccount:", 22) == 0)
			return "sub";
		claim = "aud";
	}
	return claim;
}

/*
 * Evaluate one statement for the token of b issued by issuer (NULL when
 * the statement's provider is unknown until apply).  Claims are looked
 * up under their short names, "sub" and "aud", once the key's issuer is
 * checked: a key naming another issuer is absent from the request, as
 * it would be in STS.
 */
static void
eval_stmt(const struct binding *b, const struct pstmt *st, const char *issuer,
    struct stmt_eval *ev)
{
	struct req_kv		 kv[2] = {
		{ "sub", b->sub },
		{ "aud", b->aud }
	};
	struct req_ctx		 ctx = { kv, 2 };
	struct pcond		 tmp;
	const struct pcond	*c;
	const char		*claim;
	size_t			 i, plen;
	enum tri		 t;
	int			 wrong_issuer;

	memset(ev, 0, sizeof(*ev));
	ev->t = TRI_TRUE;
	for (i = 0; i < st->nconds; i++) {
		tmp = st->conds[i];
		c = &tmp;
		wrong_issuer = 0;
		if (c->key == NULL) {
			if ((claim = guess_claim(c)) == NULL) {
				ev->t = tri_and(ev->t, TRI_UNKNOWN);
				continue;
			}
			ev->unverified = 1;
		} else if (!oidc_claim(c->key, &claim, &plen)) {
			/* A key this linter does not model. */
			ev->t = tri_and(ev->t, TRI_UNKNOWN);
			continue;
		} else if (issuer == NULL)
			ev->unverified = 1;
		else if (plen != strlen(issuer) ||
		    strncasecmp(c->key, issuer, plen) != 0)
			wrong_issuer = 1;
		tmp.key = wrong_issuer ? "" : strcasecmp(claim, "sub") == 0 ?
		    "sub" : strcasecmp(claim, "aud") == 0 ? "aud" : "amr";
		t = pcond_eval(&tmp, &ctx);
		ev->t = tri_and(ev->t, t);
		if (t != TRI_FALSE)
			continue;
		c = &st->conds[i];
		if (wrong_issuer) {
			ev->fail |= FAIL_KEY_ISSUER;
			if (ev->bad_key == NULL)
				ev->bad_key = c;
		} else if (strcmp(tmp.key, "sub") == 0) {
			ev->fail |= FAIL_SUB;
			if (ev->sub_cond == NULL)
				ev->sub_cond = c;
		} else if (strcmp(tmp.key, "aud") == 0) {
			ev->fail |= FAIL_AUD;
			if (ev->aud_cond == NULL)
				ev->aud_cond = c;
		} else
			ev->fail |= FAIL_OTHER;
	}
}

static size_t
popcount(unsigned int x)
{
	size_t	 n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/*
 * The sub value nearest to the SA's own subject, within max edits, or
 * NULL.  Each distance is computed only within the best so far.
 */
static const char *
nearest_value(const struct pcond *c, const char *want, size_t max,
    size_t *dist)
{
	const char	*best = NULL;
	size_t		 i, d;

	for (i = 0; c != NULL && i < c->values.n; i++) {
		if (c->values.v[i] == NULL)
			continue;
		if ((d = edit_distance(c->values.v[i], want, max)) <= max) {
			*dist = d;
			best = c->values.v[i];
			if (d == 0)
				break;
			max = d - 1;
		}
	}
	return best;
}

/*
 * Keep ev as the closest failure if it is closer than the best so far:
 * fewer failing parts first, then a nearer sub value (one more than
 * NEAR_MAX edits away is no hint of what was meant, and counts as
 * none).
 */
static void
keep_closest(struct binding *b, const struct pstmt *st, const char *fed,
    const char *issuer, const struct stmt_eval *ev, size_t *best)
{
	const char	*near;
	size_t		 d = 0, base, max, score;

	base = popcount(ev->fail) * (NEAR_MAX + 2);
	if (base >= *best)
		return;
	max = *best - base - 1 < NEAR_MAX ? *best - base - 1 : NEAR_MAX;
	near = nearest_value(ev->sub_cond, b->sub, max, &d);
	score = base + (near != NULL ? d : NEAR_MAX + 1);
	if (score >= *best)
		return;
	*best = score;
	b->closest = st;
	b->principal = fed;
	b->issuer = issuer;
	b->fail = ev->fail;
	b->bad_key = ev->bad_key;
	b->sub_cond = ev->sub_cond;
	b->sub_best = near;
	b->aud_cond = ev->aud_cond;
}

/*
 * Evaluate the trust for this SA's token, assuming the pod runs in the
 * cluster whose provider each statement names.  A statement that
 * allows decides; one that allows only if what is unknown until apply
 * turns out right is kept as an unverified answer.  Otherwise keep the
 * closest failure, the one with the fewest failing parts and then the
 * nearest subject, so that the message names what the user most likely
 * has to change.
 */
static void
bind_trust(struct binding *b, struct model *m)
{
	const struct policy	*p = b->role->trust;
	const struct pstmt	*st;
	const struct trust_oidc	*o;
	struct stmt_eval	 ev;
	size_t			 i, j, best = (size_t)-1;
	int			 unknown = 0, unverified = 0;
	const char		*issuer, *fed;

	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		if (!st->allow)
			continue;
		/*
		 * Principal "*" admits every web identity: the issuer is the
		 * token's, unknown here, as for a provider made at apply.
		 */
		for (j = 0; j < st->federated.n + (st->principal_star != 0);
		    j++) {
			fed = j < st->federated.n ? st->federated.v[j] : NULL;
			issuer = NULL;
			if (fed != NULL) {
				if ((o = trust_oidc(m, fed)) == NULL)
					continue;
				issuer = o->oa.issuer;
			}
			if (!pstmt_action_matches(st, WEB_IDENTITY)) {
				if (b->wrong_action == NULL)
					b->wrong_action = st;
				continue;
			}
			eval_stmt(b, st, issuer, &ev);
			if (ev.t == TRI_TRUE && issuer != NULL &&
			    !ev.unverified) {
				b->verdict = TRI_TRUE;
				b->principal = fed;
				b->issuer = issuer;
				b->unverified = NULL;
				return;
			}
			if (ev.t == TRI_TRUE && !unverified) {
				unverified = j < st->federated.n ? 1 : 2;
				b->principal = fed;
				b->issuer = issuer;
			}
			else if (ev.t == TRI_UNKNOWN)
				unknown = 1;
			else
				keep_closest(b, st, fed, issuer, &ev, &best);
		}
	}
	if (unverified) {
		b->verdict = TRI_TRUE;
		b->unverified = unverified == 2 ? "admits the subject and "
		    "the audience, but with Principal \"*\" from any identity "
		    "provider, so the cluster it trusts cannot be checked" :
		    "admits the subject and the audience, but its OIDC "
		    "provider and condition keys are known only after apply";
	} else if (unknown) {
		b->verdict = TRI_UNKNOWN;
		b->unverified = "has a condition on values or keys that "
		    "cannot be evaluated offline";
	} else {
		b->verdict = TRI_FALSE;
		b->no_web_identity = b->closest == NULL;
	}
}

/*
 * An explicit Deny wins over every Allow: find a Deny statement that
 * matches the request the allowing statement admitted.
 */
static void
bind_deny(struct binding *b)
{
	const struct policy	*p = b->role->trust;
	const struct pstmt	*st;
	struct stmt_eval	 ev;
	size_t			 i, j;
	int			 who;

	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		if (!st->deny || !pstmt_action_matches(st, WEB_IDENTITY))
			continue;
		who = st->principal_star;
		for (j = 0; j < st->federated.n && !who; j++)
			who = st->federated.v[j] == NULL || (b->principal != NULL &&
			    strcmp(st->federated.v[j], b->principal) == 0);
		if (!who)
			continue;
		eval_stmt(b, st, b->issuer, &ev);
		if (ev.t == TRI_TRUE) {
			b->deny = st;
			return;
		}
	}
}

void
bind_sa(struct binding *b, struct model *m, const struct k8s_obj *sa,
    const struct kv_pos *ann)
{
	const struct kv_pos	*aud;
	char			 err[256];

	memset(b, 0, sizeof(*b));
	b->sa = sa;
	b->ann = ann;
	b->ns = k8s_obj_ns(m, sa);
	b->sub = arena_printf(m->arena, "system:serviceaccount:%s:%s",
	    b->ns, sa->name);
	aud = k8s_obj_annotation(sa, ANN_AUDIENCE);
	b->aud = aud != NULL ? aud->value : DEFAULT_AUDIENCE;
	b->aud_annotated = aud != NULL;
	b->verdict = TRI_UNKNOWN;
	b->have_roles = m->ntf > 0 || m->naws > 0;
	if (arn_parse_role(m->arena, ann->value, &b->arn, err,
	    sizeof(err)) == -1) {
		b->arn_error = arena_strdup(m->arena, err);
		return;
	}
	b->arn_ok = 1;
	bind_resolve(b, m);
	if (b->role == NULL)
		return;
	if (b->role->trust != NULL) {
		bind_trust(b, m);
		bind_provider(b, m);
		if (b->verdict == TRI_TRUE)
			bind_deny(b);
	}
	else if (b->role->policy_unknown)
		b->unverified = arena_printf(m->arena, "is known only after "
		    "apply%s%s%s, so none of it could be checked",
		    b->role->unknown_refs ? " (it depends on " : "",
		    b->role->unknown_refs ? b->role->unknown_refs : "",
		    b->role->unknown_refs ? ")" : "");
}

/*
 * "trust policy of ADDR (role NAME)", naming the statement when the
 * policy has several or the statement has a Sid.
 */
const char *
bind_trust_name(struct model *m, const struct binding *b,
    const struct pstmt *st)
{
	const char	*role = bind_role_name(m, b->role);

	if (st != NULL && st->sid != NULL && *st->sid != '\0')
		return arena_printf(m->arena, "statement %zu (Sid %s) of the "
		    "trust policy of %s", st->index + 1, st->sid, role);
	if (st != NULL && b->role->trust->n > 1)
		return arena_printf(m->arena, "statement %zu of the trust "
		    "policy of %s", st->index + 1, role);
	return arena_printf(m->arena, "trust policy of %s", role);
}

const char *
bind_role_name(struct model *m, const struct iam_role *r)
{
	if (r->name != NULL)
		return arena_printf(m->arena, "%s (role %s)", r->address,
		    r->name);
	return r->address;
}
