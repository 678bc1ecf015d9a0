/* SPDX-License-Identifier: ISC */
/*
 * Binding a ServiceAccount to its role: parse the annotation, find the
 * role among the Terraform resources, and evaluate the role's trust
 * policy against the web identity the SA's pods will present.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "bind.h"
#include "model.h"
#include "trust.h"
#include "util.h"
#include "xalloc.h"

/* The farthest sub value still named as the one nearest (edits). */
#define NEAR_MAX	64

static void	bind_sa(struct bindings *, struct binding *,
		    const struct k8s_obj *, const struct kv_pos *);
static void	bind_resolve(struct bindings *, struct binding *);
static void	bind_near(struct bindings *, struct binding *);
static void	bind_generated(struct binding *, const struct model *);
static void	bind_provider(struct binding *, const struct model *);
static void	bind_trust(struct binding *, const struct model *);
static void	bind_deny(struct binding *);
static int	role_account(const struct model *, const struct iam_role *,
		    const char **, const char **);

/*
 * The account and partition a role lives in: from its ARN once known,
 * else from the Federated OIDC provider its trust names (IAM requires
 * the provider to be in the role's account).  Returns 0 when unknown.
 */
static int
role_account(const struct model *m, const struct iam_role *r,
    const char **part, const char **acct)
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
bind_resolve(struct bindings *bs, struct binding *b)
{
	const struct model	*m = bs->m;
	const struct strmap_val	*v;
	const struct iam_role	*r;
	const char		*part, *acct;

	if ((v = strmap_get(&m->role_by_arn, b->ann->value)) != NULL) {
		r = v->v;
		bs->used[r->index] = 1;
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
		bs->used[r->index] = 1;
		b->role = r;
		return;
	}
	bind_near(bs, b);
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
bind_near(struct bindings *bs, struct binding *b)
{
	const struct model	*m = bs->m;
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
		    bs->typo_budget == 0)
			break;
		r = m->roles.v[i];
		if (r->name == NULL || strlen(r->name) + max < len ||
		    strlen(r->name) > len + max)
			continue;
		bs->typo_budget--;
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

/*
 * A role whose name is generated at apply (name_prefix) can never be
 * matched by an annotation typed by hand.  The one meant is the role
 * whose prefix starts the annotated name, else one whose trust names
 * this ServiceAccount.
 */
static void
bind_generated(struct binding *b, const struct model *m)
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
bind_provider(struct binding *b, const struct model *m)
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
    const char *issuer, const struct trust_eval *ev, size_t *best)
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
bind_trust(struct binding *b, const struct model *m)
{
	const struct policy		*p = b->role->trust;
	const struct pstmt		*st;
	const struct oidc_principal	*o;
	struct trust_eval		 ev;
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
			trust_eval_stmt(st, issuer, b->sub, b->aud, &ev);
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
	struct trust_eval	 ev;
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
		trust_eval_stmt(st, b->issuer, b->sub, b->aud, &ev);
		if (ev.t == TRI_TRUE) {
			b->deny = st;
			return;
		}
	}
}

static void
bind_sa(struct bindings *bs, struct binding *b, const struct k8s_obj *sa,
    const struct kv_pos *ann)
{
	const struct model	*m = bs->m;
	const struct kv_pos	*aud;
	char			 err[256];

	memset(b, 0, sizeof(*b));
	b->sa = sa;
	b->ann = ann;
	b->ns = k8s_obj_ns(m, sa);
	b->sub = trust_subject(m->arena, b->ns, sa->name);
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
	bind_resolve(bs, b);
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
bind_trust_name(const struct model *m, const struct binding *b,
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
bind_role_name(const struct model *m, const struct iam_role *r)
{
	if (r->name != NULL)
		return arena_printf(m->arena, "%s (role %s)", r->address,
		    r->name);
	return r->address;
}

void
bindings_init(struct bindings *bs)
{
	memset(bs, 0, sizeof(*bs));
	strmap_init(&bs->of);
	bs->typo_budget = BIND_TYPO_CHECKS;
}

void
bindings_build(struct bindings *bs, const struct model *m)
{
	const struct kv_pos	*ann;
	const struct k8s_obj	*o;
	struct binding		*b;
	size_t			 i;

	bs->m = m;
	bs->v = xreallocarray(NULL, m->objs.n + 1, sizeof(*bs->v));
	bs->used = xcalloc(m->roles.n + 1, 1);
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if (o->kind != K8S_SERVICEACCOUNT || o->name == NULL)
			continue;
		if ((ann = k8s_obj_annotation(o, ANN_ROLE_ARN)) == NULL)
			continue;
		b = &bs->v[bs->n++];
		bind_sa(bs, b, o, ann);
	}
	/* Index only once the vector no longer moves. */
	for (i = 0; i < bs->n; i++)
		strmap_add(&bs->of, m->arena, arena_printf(m->arena, "%s/%s",
		    bs->v[i].ns, bs->v[i].sa->name), &bs->v[i]);
}

void
bindings_release(struct bindings *bs)
{
	strmap_release(&bs->of);
	free(bs->v);
	free(bs->used);
	bindings_init(bs);
}

const struct binding *
bindings_of(const struct bindings *bs, const struct k8s_obj *o)
{
	const struct strmap_val	*v;
	const struct binding	*b;
	char			 key[1024];

	if (o->name == NULL || (size_t)snprintf(key, sizeof(key), "%s/%s",
	    k8s_obj_ns(bs->m, o), o->name) >= sizeof(key))
		return NULL;
	for (v = strmap_get(&bs->of, key); v != NULL; v = v->next) {
		b = v->v;
		if (b->sa == o)
			return b;
	}
	return NULL;
}

int
bindings_role_used(const struct bindings *bs, const struct iam_role *r)
{
	return r->index < bs->m->roles.n && bs->m->roles.v[r->index] == r &&
	    bs->used[r->index];
}

const struct iam_role *
bind_pod_identity_role(const struct model *m, const struct pod_identity *p)
{
	const struct strmap_val	*v;
	const struct iam_role	*r;
	struct role_arn		 ra;
	char			 err[128];

	if (p->role_ref != NULL &&
	    (v = strmap_get(&m->role_by_address, p->role_ref)) != NULL)
		return v->v;
	if (p->role_arn == NULL)
		return NULL;
	if ((v = strmap_get(&m->role_by_arn, p->role_arn)) != NULL)
		return v->v;
	/* A role whose ARN is known only after apply: name and path. */
	if (arn_parse_role(m->arena, p->role_arn, &ra, err,
	    sizeof(err)) == -1)
		return NULL;
	for (v = strmap_get(&m->role_by_name, ra.name); v != NULL;
	    v = v->next) {
		r = v->v;
		if (r->arn == NULL && strcmp(r->path, ra.path) == 0)
			return r;
	}
	return NULL;
}
