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
static void	bind_pending(struct bindings *, struct binding *);
static void	bind_near(struct bindings *, struct binding *);
static void	bind_generated(struct bindings *, struct binding *);
static void	bind_meant(struct bindings *, struct binding *);
static const char *unverified_what(unsigned int);
static void	add_candidate(const char **, size_t *, const char *);
static void	bind_provider(struct binding *, const struct model *);
static void	bind_trust(struct bindings *, struct binding *);
static void	decide(struct bindings *, struct binding *,
		    const char *const *, size_t, int);
static int	role_may_be_in(const struct model *, const struct iam_role *,
		    const char *, const char *);
static int	role_len_cmp(const void *, const void *);
static void	by_len_make(struct bindings *);
static size_t	by_len_first(const struct bindings *, size_t);
static void	near_typo(struct bindings *, struct binding *);
static void	by_value_make(struct bindings *);

/*
 * Can the role be in this account and partition?  Its ARN decides once
 * known; else some Federated provider of its trust must be there, in
 * whatever statement, or none names one.
 */
static int
role_may_be_in(const struct model *m, const struct iam_role *r,
    const char *part, const char *acct)
{
	const struct oidc_principal	*o;
	const char			*rpart, *racct;
	size_t				 i, j;
	int				 any = 0;

	if (model_role_arn(m, r, &rpart, &racct) == 0)
		return strcmp(rpart, part) == 0 && strcmp(racct, acct) == 0;
	for (i = 0; r->trust != NULL && i < r->trust->n; i++)
		for (j = 0; j < r->trust->st[i].federated.n; j++) {
			if ((o = trust_oidc(m,
			    r->trust->st[i].federated.v[j])) == NULL)
				continue;
			if (strcmp(o->oa.account, acct) == 0 &&
			    strcmp(o->oa.partition, part) == 0)
				return 1;
			any = 1;
		}
	return !any;
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

	if ((v = strmap_get(&m->role_by_arn, b->ann->value)) != NULL) {
		r = v->v;
		/* Of the declarations of one role, the first (load.h). */
		if (r->dup_of != NULL)
			r = r->dup_of;
		bs->used[r->index] = 1;
		b->role = r;
		bs->last_arn = b->ann->value;
		bs->last_parse = b->arn;
		bs->last_role = r;
		return;
	}
	for (v = strmap_get(&m->role_by_name, b->arn.name); v != NULL;
	    v = v->next) {
		r = v->v;
		if (r->dup_of != NULL || r->arn != NULL ||
		    strcmp(r->path, b->arn.path) != 0)
			continue;
		if (!role_may_be_in(m, r, b->arn.partition, b->arn.account))
			continue;
		bs->used[r->index] = 1;
		b->role = r;
		return;
	}
	bind_near(bs, b);
	bind_generated(bs, b);
	bind_meant(bs, b);
}

static int
role_len_cmp(const void *a, const void *b)
{
	const struct role_len	*x = a, *y = b;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The roles a misspelt name may mean, by length of name. */
static void
by_len_make(struct bindings *bs)
{
	const struct model	*m = bs->m;
	const struct iam_role	*r;
	size_t			 i;

	bs->by_len = xreallocarray(NULL, m->roles.n + 1,
	    sizeof(*bs->by_len));
	for (i = 0; i < m->roles.n; i++) {
		r = m->roles.v[i];
		if (r->dup_of != NULL || r->name == NULL)
			continue;
		bs->by_len[bs->nby_len].len = strlen(r->name);
		bs->by_len[bs->nby_len].chars = char_set(r->name);
		bs->by_len[bs->nby_len++].index = i;
	}
	qsort(bs->by_len, bs->nby_len, sizeof(*bs->by_len), role_len_cmp);
	bs->by_len_made = 1;
}

/* The first entry of by_len with a name of len or more. */
static size_t
by_len_first(const struct bindings *bs, size_t len)
{
	size_t	 l = 0, h = bs->nby_len, mid;

	while (l < h) {
		mid = l + (h - l) / 2;
		if (bs->by_len[mid].len < len)
			l = mid + 1;
		else
			h = mid;
	}
	return l;
}

/*
 * The roles by each string their trust's conditions test, each role
 * once a value and in model order: trust_names() for every role at
 * once.
 */
static void
by_value_make(struct bindings *bs)
{
	const struct model	*m = bs->m;
	const struct strmap_val	*last;
	const struct iam_role	*r;
	const struct policy	*p;
	const char		*s;
	size_t			 i, j, k, n;

	for (n = 0; n < m->roles.n; n++) {
		r = m->roles.v[n];
		if (r->dup_of != NULL || (p = r->trust) == NULL)
			continue;
		for (i = 0; i < p->n; i++)
			for (j = 0; j < p->st[i].nconds; j++)
				for (k = 0; k < p->st[i].conds[j].values.n;
				    k++) {
					if ((s = p->st[i].conds[j].values.v[k])
					    == NULL)
						continue;
					last = strmap_last(&bs->by_value, s);
					if (last == NULL || last->v != r)
						strmap_add_kept(
						    &bs->by_value, m->arena,
						    s, (void *)r);
				}
	}
	bs->by_value_made = 1;
}

/*
 * Typos: only names whose length is close enough, in model order (the
 * lengths' runs of by_len merged), only for the few annotations nothing
 * else matched, and only until the run has made TYPO_CHECKS
 * comparisons.
 */
static void
near_typo(struct bindings *bs, struct binding *b)
{
	const struct model	*m = bs->m;
	const struct iam_role	*r;
	const struct role_len	*e;
	size_t			 i, d, best = (size_t)-1, max, len, k, lim;
	size_t			 lo[7], hi[7], nrun;
	uint64_t		 chars = char_set(b->arn.name);

	len = strlen(b->arn.name);
	max = len / 4 < 1 ? 1 : len / 4 > 3 ? 3 : len / 4;
	if (!bs->by_len_made)
		by_len_make(bs);
	/* The runs of lengths len - max to len + max: [lo[k], hi[k]). */
	nrun = 2 * max + 1;
	for (k = 0; k < nrun; k++) {
		if (len + k < max)
			lo[k] = hi[k] = 0;
		else {
			lo[k] = by_len_first(bs, len + k - max);
			hi[k] = by_len_first(bs, len + k - max + 1);
		}
	}
	while (best != 1 && bs->typo_budget > 0) {
		/* The next role in model order of all the runs. */
		for (i = nrun, k = 0; k < nrun; k++)
			if (lo[k] < hi[k] && (i == nrun ||
			    bs->by_len[lo[k]].index < bs->by_len[lo[i]].index))
				i = k;
		if (i == nrun)
			break;
		e = &bs->by_len[lo[i]++];
		bs->typo_budget--;
		lim = best <= max ? best - 1 : max;
		/* Too far apart by the bytes they hold alone. */
		if (char_set_distance(e->chars, chars) > lim)
			continue;
		r = m->roles.v[e->index];
		d = edit_distance(r->name, b->arn.name, lim);
		if (d <= max && d < best) {
			best = d;
			b->near = r;
			b->near_kind = NEAR_TYPO;
		}
	}
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
	if (b->near == NULL)
		near_typo(bs, b);
	if (b->near == NULL)
		return;
	if (b->near->arn != NULL)
		b->near_arn = b->near->arn;
	else if (model_role_account(m, b->near, &part, &acct))
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
bind_generated(struct bindings *bs, struct binding *b)
{
	const struct model	*m = bs->m;
	const struct iam_role	*r;
	size_t			 i;

	if (!bs->gen_made) {
		bs->gen = xreallocarray(NULL, m->roles.n + 1,
		    sizeof(*bs->gen));
		for (i = 0; i < m->roles.n; i++) {
			r = m->roles.v[i];
			if (r->dup_of == NULL && r->name == NULL &&
			    (r->name_prefix != NULL || r->name_unknown))
				bs->gen[bs->ngen++] = i;
		}
		bs->gen_made = 1;
	}
	for (i = 0; i < bs->ngen; i++) {
		r = m->roles.v[bs->gen[i]];
		if (r->name_prefix != NULL &&
		    str_has_prefix(b->arn.name, r->name_prefix)) {
			b->generated = r;
			return;
		}
		if (b->generated == NULL && trust_names(r->trust, b->sub))
			b->generated = r;
	}
}

/*
 * No role matched: the roles of the inputs whose trust admits this
 * very ServiceAccount, by its literal subject and a full evaluation
 * under the role's own account, are what the annotation most likely
 * meant, whatever the spelling.  Each evaluation spends the run's typo
 * budget, so crafted inputs stay bounded.
 */
static void
bind_meant(struct bindings *bs, struct binding *b)
{
	const struct model	*m = bs->m;
	const struct iam_role	*r;
	const struct strmap_val	*v;
	struct binding		 t;
	const char		*part, *acct;
	size_t			 n;

	if (!bs->by_value_made)
		by_value_make(bs);
	/* As many as the loop below can take from the budget. */
	for (v = strmap_get(&bs->by_value, b->sub), n = 0; v != NULL &&
	    n < bs->typo_budget; v = v->next)
		n++;
	for (v = strmap_get(&bs->by_value, b->sub); v != NULL &&
	    bs->typo_budget > 0; v = v->next) {
		r = v->v;
		bs->typo_budget--;
		t = *b;
		t.role = r;
		t.wrong_action = t.closest = t.deny = NULL;
		if (!model_role_account(m, r, &part, &acct))
			part = acct = NULL;
		t.arn.partition = part;
		t.arn.account = acct;
		bind_trust(bs, &t);
		if (t.verdict != TRI_TRUE)
			continue;
		if (b->meant == NULL)
			b->meant = arena_alloc(m->arena, n *
			    sizeof(*b->meant));
		b->meant[b->nmeant++] = r;
		b->cluster_issuer = t.cluster_issuer;
	}
	if (b->nmeant == 1) {
		r = b->meant[0];
		if (r->arn != NULL)
			b->meant_arn = r->arn;
		else if (r->name != NULL &&
		    model_role_account(m, r, &part, &acct))
			b->meant_arn = arena_printf(m->arena,
			    "arn:%s:iam::%s:role%s%s", part, acct, r->path,
			    r->name);
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
 * The values of a condition with this many or more are compared with
 * a subject through a struct near_list, made at the first subject the
 * condition refuses and kept for the run: a trust that lists hundreds
 * of subjects refuses each stray ServiceAccount after comparing it
 * with all of them.
 */
#define NEAR_LIST_MIN	16

/* The near_list of c's values, made at its first use. */
static const struct near_list *
near_list_of(struct bindings *bs, const struct pcond *c)
{
	struct near_memo	*old = bs->near, *e;
	size_t			 oldcap = bs->near_cap, i, h;

	if (bs->near_n + 1 > bs->near_cap / 4 * 3) {
		bs->near_cap = bs->near_cap ? bs->near_cap * 2 : 16;
		bs->near = xcalloc(bs->near_cap, sizeof(*bs->near));
		for (i = 0; i < oldcap; i++) {
			if (old[i].c == NULL)
				continue;
			h = ((uintptr_t)old[i].c >> 4) * 0x9e3779b97f4a7c15ULL;
			for (h &= bs->near_cap - 1; bs->near[h].c != NULL;
			    h = (h + 1) & (bs->near_cap - 1))
				continue;
			bs->near[h] = old[i];
		}
		free(old);
	}
	h = ((uintptr_t)c >> 4) * 0x9e3779b97f4a7c15ULL;
	for (h &= bs->near_cap - 1; (e = &bs->near[h])->c != NULL;
	    h = (h + 1) & (bs->near_cap - 1))
		if (e->c == c)
			return &e->l;
	e->c = c;
	near_list_init(&e->l, (const char *const *)c->values.v,
	    c->values.n);
	bs->near_n++;
	return &e->l;
}

/*
 * The sub value nearest to the SA's own subject, within max edits, or
 * NULL: the first of the nearest in the condition's order.
 */
static const char *
nearest_value(struct bindings *bs, const struct pcond *c, const char *want,
    size_t max, size_t *dist)
{
	const char	*best = NULL;
	size_t		 i, d;

	if (c == NULL)
		return NULL;
	if (c->values.n >= NEAR_LIST_MIN) {
		i = near_list_find(near_list_of(bs, c), want, max, dist);
		return i != (size_t)-1 ? c->values.v[i] : NULL;
	}
	for (i = 0; i < c->values.n; i++) {
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
 * a statement for another provider is farthest, then fewer failing
 * parts, then a nearer sub value (one more than NEAR_MAX edits away is
 * no hint of what was meant, and counts as none).
 */
static void
keep_closest(struct bindings *bs, struct binding *b, const struct pstmt *st,
    const char *issuer, const struct trust_eval *ev, size_t *best)
{
	const char	*near;
	size_t		 d = 0, base, max, score;

	base = popcount(ev->fail & ~(FAIL_PRINCIPAL | FAIL_ACCOUNT)) *
	    (NEAR_MAX + 2);
	if (ev->fail & FAIL_ACCOUNT)
		base += 8 * (NEAR_MAX + 2);
	if (ev->fail & FAIL_PRINCIPAL)
		base += 16 * (NEAR_MAX + 2);
	if (base >= *best)
		return;
	max = *best - base - 1 < NEAR_MAX ? *best - base - 1 : NEAR_MAX;
	near = nearest_value(bs, ev->sub_cond, b->sub, max, &d);
	score = base + (near != NULL ? d : NEAR_MAX + 1);
	if (score >= *best)
		return;
	*best = score;
	b->closest = st;
	b->principal = ev->other_fed != NULL ? ev->other_fed : ev->fed;
	b->issuer = issuer;
	b->fail = ev->fail;
	b->bad_key = ev->bad_key;
	b->sub_cond = ev->sub_cond;
	b->sub_best = near;
	b->aud_cond = ev->aud_cond;
	b->other_cond = ev->other_cond;
}

/* The issuer a sub or aud key names, as a candidate (arena copy). */
static void
add_key_issuer(const struct model *m, const char **v, size_t *n,
    const struct pcond *c)
{
	struct claim_key	 k;

	trust_key(c, &k);
	if (k.unknown || k.global || k.issuer_len == 0 ||
	    (k.claim != CLAIM_SUB && k.claim != CLAIM_AUD))
		return;
	add_candidate(v, n, arena_strndup(m->arena, k.issuer, k.issuer_len));
}

/* Add issuer to the candidates unless it is there already. */
static void
add_candidate(const char **v, size_t *n, const char *issuer)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if ((v[i] == NULL) == (issuer == NULL) &&
		    (issuer == NULL || strcasecmp(v[i], issuer) == 0))
			return;
	v[(*n)++] = issuer;
}

/*
 * The issuers the token may come from: those of the clusters of the
 * inputs when any is known; else the issuer of each Federated provider
 * of the trust, Allow or Deny, that is not a well-known identity
 * provider (a pod's token never comes from GitHub Actions), and the
 * unknown issuer for a provider made at apply; for Principal "*"
 * alone, the issuers its keys name, each assumed; and the empty
 * issuer, which no provider or key has, when nothing else is known.
 * Returns an array of *n entries, which the caller frees.
 */
static const char **
candidates(const struct model *m, const struct policy *p, size_t *n,
    int *assumed)
{
	const struct oidc_principal	*o;
	const struct pstmt		*st;
	const char			**v;
	size_t				 i, j, max;
	int				 star = 0;

	max = m->cluster_issuers.n + 2;
	for (i = 0; i < p->n; i++)
		max += p->st[i].federated.n + p->st[i].nconds + 1;
	*assumed = 0;
	v = xreallocarray(NULL, max, sizeof(*v));
	*n = 0;
	for (i = 0; i < m->cluster_issuers.n; i++)
		add_candidate(v, n, m->cluster_issuers.v[i]);
	if (*n > 0)
		return v;
	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		star |= st->principal_star;
		for (j = 0; j < st->federated.n; j++) {
			if (st->federated.v[j] == NULL)
				add_candidate(v, n, NULL);
			else if ((o = trust_oidc(m, st->federated.v[j])) !=
			    NULL && trust_idp_name(o->oa.issuer) == NULL)
				add_candidate(v, n, o->oa.issuer);
		}
	}
	/*
	 * Principal "*" with no cluster to go by: the token may come from
	 * the issuer of any provider or key the trust names, or from
	 * another; each is a hypothesis, and what it admits is not
	 * verified.
	 */
	if (star) {
		*assumed = 1;
		for (i = 0; i < p->n; i++)
			for (j = 0; j < p->st[i].nconds; j++)
				add_key_issuer(m, v, n, &p->st[i].conds[j]);
	}
	/* And an issuer named nowhere, which no provider or key matches. */
	if (*n == 0 || *assumed)
		add_candidate(v, n, "");
	return v;
}

/* What one candidate issuer makes of the whole trust. */
struct cand {
	enum tri		 t;
	unsigned int		 unverified;	/* UNV_* of the Allow */
	enum tri		 allow_t;	/* does some Allow apply? */
	const struct pstmt	*allow;		/* the Allow that applies */
	const char		*fed;
	const struct pstmt	*deny;		/* a Deny that applies */
	const struct pstmt	*deny_unknown;	/* one that may */
};

/*
 * Evaluate every statement for the token issued by issuer: allowed when
 * some Allow applies, denied when some Deny does, IAM's answer
 * independent of statement order.  Failing Allows compete for the
 * closest failure across all candidates.
 */
static void
eval_candidate(struct bindings *bs, struct binding *b, const char *issuer,
    int assumed, struct cand *c, size_t *best)
{
	const struct model	*m = bs->m;
	const struct policy	*p = b->role->trust;
	const struct pstmt	*st;
	struct trust_req	 req;
	struct trust_eval	 ev;
	enum tri		 allow = TRI_FALSE, deny = TRI_FALSE;
	size_t			 i;

	memset(c, 0, sizeof(*c));
	req.issuer = issuer;
	req.assumed = assumed;
	req.partition = b->arn.partition;
	req.account = b->arn.account;
	req.sub = b->sub;
	req.aud = b->aud;
	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		if (!st->allow && !st->deny)
			continue;
		trust_eval_stmt_memo(m, st, &req, &ev, &bs->memo[
		    ((uintptr_t)st >> 4) % BIND_MEMOS]);
		if (st->deny) {
			if (ev.t == TRI_TRUE && c->deny == NULL)
				c->deny = st;
			else if (ev.t == TRI_UNKNOWN && c->deny_unknown == NULL)
				c->deny_unknown = st;
			deny = tri_or(deny, ev.t);
			continue;
		}
		if (ev.fail & FAIL_ACTION) {
			if ((st->federated.n > 0 || st->principal_star) &&
			    b->wrong_action == NULL)
				b->wrong_action = st;
			continue;
		}
		if (ev.t == TRI_TRUE && (c->allow == NULL ||
		    (c->unverified != 0 && ev.unverified == 0))) {
			c->allow = st;
			c->fed = ev.fed;
			c->unverified = ev.unverified;
		} else if (ev.t == TRI_FALSE && (st->federated.n > 0 ||
		    st->principal_star))
			keep_closest(bs, b, st, issuer, &ev, best);
		allow = tri_or(allow, ev.t);
	}
	c->allow_t = allow;
	c->t = tri_and(allow, tri_not(deny));
}

/*
 * Evaluate the trust for this SA's token under each issuer it may come
 * from (candidates()): admitted when some candidate admits it, known
 * only after apply when some candidate cannot be decided, refused
 * otherwise, naming the closest failure, the one with the fewest
 * failing parts and then the nearest subject, so that the message
 * names what the user most likely has to change.
 */
static void
bind_trust(struct bindings *bs, struct binding *b)
{
	const struct model	*m = bs->m;
	const struct iam_role	*r = b->role;
	const struct deploy_set	*ds;
	struct bind_cands	*c, one;
	struct binding		 t, pick;
	size_t			 i;

	/*
	 * The configuration says which clusters the ServiceAccount
	 * deploys to: the trust must admit the token of each, and the
	 * first that it refuses (else cannot decide) is reported.
	 */
	if ((ds = model_deploy_of(m, b->sa->loc.file)) != NULL && ds->n > 0) {
		for (i = 0; i < ds->n; i++) {
			t = *b;
			decide(bs, &t, &ds->v[i]->issuer, 1, 0);
			t.cluster = ds->v[i];
			t.cluster_issuer = 1;
			if (t.verdict == TRI_FALSE) {
				*b = t;
				return;
			}
			if (i == 0 || (t.verdict == TRI_UNKNOWN &&
			    pick.verdict == TRI_TRUE))
				pick = t;
		}
		*b = pick;
		return;
	}
	if (bs->cands != NULL && r->index < m->roles.n &&
	    m->roles.v[r->index] == r)
		c = &bs->cands[r->index];
	else {
		c = &one;
		c->made = 0;
	}
	if (!c->made) {
		c->v = candidates(m, r->trust, &c->n, &c->assumed);
		c->made = 1;
	}
	decide(bs, b, c->v, c->n, c->assumed);
	b->cluster_issuer = m->cluster_issuers.n > 0;
	if (c == &one)
		free(one.v);
}

/* The verdict of the trust for a token from one of the n issuers cv. */
static void
decide(struct bindings *bs, struct binding *b, const char *const *cv,
    size_t n, int assumed)
{
	const struct model	*m = bs->m;
	struct cand	 c, win, deny = { 0 };
	size_t		 i, best = (size_t)-1;
	int		 have = 0, have_deny = 0;
	const char	*issuer = NULL;

	b->ncandidates = n;
	b->cluster_issuer = 1;
	b->verdict = TRI_FALSE;
	memset(&win, 0, sizeof(win));
	for (i = 0; i < n; i++) {
		eval_candidate(bs, b, cv[i], assumed, &c, &best);
		if (c.t == TRI_TRUE && (!have || (win.unverified != 0 &&
		    c.unverified == 0))) {
			win = c;
			have = 1;
			issuer = cv[i];
		} else if (c.t == TRI_UNKNOWN && !have && win.t != TRI_UNKNOWN) {
			win = c;
			issuer = cv[i];
		} else if (c.t == TRI_FALSE && c.allow_t != TRI_FALSE &&
		    c.deny != NULL && !have_deny) {
			deny = c;
			have_deny = 1;
		}
	}
	if (have) {
		b->verdict = TRI_TRUE;
		b->issuer = issuer;
		b->closest = NULL;
		b->principal = win.fed;
		if (win.unverified & UNV_STAR)
			b->unverified = "admits the subject and the audience, "
			    "but with Principal \"*\" from any identity "
			    "provider, so the cluster it trusts cannot be "
			    "checked";
		else if (win.unverified != 0)
			b->unverified = arena_printf(m->arena, "admits the "
			    "subject and the audience, but its %s known only "
			    "after apply", unverified_what(win.unverified));
		return;
	}
	if (win.t == TRI_UNKNOWN) {
		b->verdict = TRI_UNKNOWN;
		b->issuer = issuer;
		b->closest = NULL;
		b->principal = win.fed;
		b->unverified = win.allow != NULL && win.deny_unknown != NULL ?
		    "is admitted by an Allow, but a Deny statement has a "
		    "condition on values or keys that cannot be evaluated "
		    "offline" : "has a condition on values or keys that "
		    "cannot be evaluated offline";
		return;
	}
	if (have_deny) {
		/* An Allow applies, and a Deny refuses it: the Deny is why. */
		b->deny = deny.deny;
		b->closest = NULL;
		b->principal = deny.fed;
		return;
	}
	b->no_web_identity = b->closest == NULL;
}

static void
bind_sa(struct bindings *bs, struct binding *b, const struct k8s_obj *sa,
    const struct kv_pos *ann)
{
	const struct model	*m = bs->m;
	const struct kv_pos	*aud;
	const struct strmap_val	*v;
	struct role_arn		*ra;
	const char		*origin;
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
	b->have_roles = m->ntf > 0 || m->ntfsrc > 0 || m->naws > 0 ||
	    m->roles.n > 0;
	if (ann == &sa->more->role_field)
		bind_pending(bs, b);
	else if (bs->last_arn != NULL && strcmp(ann->value, bs->last_arn) == 0) {
		/* As bind_resolve() found it for the same text. */
		b->arn = bs->last_parse;
		b->arn_ok = 1;
		b->role = bs->last_role;
	} else if ((v = strmap_get(&bs->arns, ann->value)) != NULL) {
		/* Thousands of ServiceAccounts may name one role. */
		b->arn = *(const struct role_arn *)v->v;
		b->arn_ok = 1;
		bind_resolve(bs, b);
	} else if (arn_parse_role(m->arena, ann->value, &b->arn, err,
	    sizeof(err)) == -1) {
		b->arn_error = arena_strdup(m->arena, err);
		return;
	} else {
		ra = arena_alloc(m->arena, sizeof(*ra));
		*ra = b->arn;
		strmap_add_kept(&bs->arns, m->arena, ann->value, ra);
		b->arn_ok = 1;
		bind_resolve(bs, b);
	}
	if (b->role == NULL)
		return;
	if (b->role->trust != NULL) {
		bind_trust(bs, b);
		bind_provider(b, m);
		/*
		 * A ServiceAccount and a role of one eksctl config: eksctl
		 * writes the trust for the issuer of that very cluster.
		 */
		origin = sa->more->addon != NULL ?
		    sa->more->addon->cluster_origin : sa->more->origin;
		if (b->verdict == TRI_TRUE && b->role->cluster_origin != NULL &&
		    origin != NULL &&
		    strcmp(origin, b->role->cluster_origin) == 0)
			b->unverified = NULL;
	}
	else if (b->role->trust_elsewhere != NULL)
		b->unverified = arena_printf(m->arena, "is unknown: %s, so "
		    "none of it could be checked", b->role->trust_elsewhere);
	else if (b->role->policy_unknown)
		b->unverified = arena_printf(m->arena, "is known only after "
		    "apply%s%s%s, so none of it could be checked",
		    b->role->unknown_refs ? " (it depends on " : "",
		    b->role->unknown_refs ? b->role->unknown_refs : "",
		    b->role->unknown_refs ? ")" : "");
}

/*
 * A ServiceAccount whose role is known only by its address until apply
 * (eksctl's own role, aws_iam_role.x.arn): that role, if the inputs
 * have it, with what is known of its account for the evaluation.
 */
static void
bind_pending(struct bindings *bs, struct binding *b)
{
	const struct model	*m = bs->m;
	const struct strmap_val	*v;
	const struct iam_role	*r;

	b->arn_pending = 1;
	if ((v = strmap_get(&m->role_by_address,
	    b->sa->more->role_ref)) == NULL)
		return;
	r = v->v;
	bs->used[r->index] = 1;
	b->role = r;
	if (!model_role_account(m, r, &b->arn.partition, &b->arn.account))
		b->arn.partition = b->arn.account = NULL;
	b->arn.name = r->name;
	b->arn.path = r->path;
}

/* What of a trust that admits the token is not known yet, in words. */
static const char *
unverified_what(unsigned int unv)
{
	int	 prov = (unv & (UNV_PROVIDER | UNV_ISSUER)) != 0;
	int	 key = (unv & UNV_KEY) != 0;

	if (prov && key)
		return "OIDC provider and condition keys are";
	if (key)
		return "condition keys are";
	return "OIDC provider is";
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
	strmap_init(&bs->arns);
	strmap_init(&bs->by_value);
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
	bs->last_arn = NULL;
	bs->v = xmallocarray_big(m->objs.n + 1, sizeof(*bs->v));
	bs->used = xcalloc(m->roles.n + 1, 1);
	bs->cands = xcalloc(m->roles.n + 1, sizeof(*bs->cands));
	bs->ncands = m->roles.n;
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if (o->kind != K8S_SERVICEACCOUNT || o->name == NULL)
			continue;
		/* The role the input makes wins over an annotation. */
		if (o->more->role_ref != NULL)
			ann = &o->more->role_field;
		else if ((ann = k8s_obj_annotation(o, ANN_ROLE_ARN)) == NULL)
			continue;
		b = &bs->v[bs->n++];
		bind_sa(bs, b, o, ann);
	}
	/* Index only once the vector no longer moves. */
	bs->of = xcalloc(m->objs.n + 1, sizeof(*bs->of));
	for (i = 0; i < bs->n; i++) {
		o = bs->v[i].sa;
		/* Indexes are right once model_index() has run. */
		if (o->index < m->objs.n && m->objs.v[o->index] == o)
			bs->of[o->index] = &bs->v[i];
	}
}

void
bindings_release(struct bindings *bs)
{
	size_t	 i;

	free(bs->of);
	for (i = 0; i < bs->ncands; i++)
		free(bs->cands[i].v);
	free(bs->cands);
	strmap_release(&bs->arns);
	strmap_release(&bs->by_value);
	free(bs->v);
	free(bs->used);
	free(bs->by_len);
	free(bs->gen);
	for (i = 0; i < BIND_MEMOS; i++)
		trust_memo_release(&bs->memo[i]);
	for (i = 0; i < bs->near_cap; i++)
		if (bs->near[i].c != NULL)
			near_list_release(&bs->near[i].l);
	free(bs->near);
	bindings_init(bs);
}

const struct binding *
bindings_of(const struct bindings *bs, const struct k8s_obj *o)
{
	if (bs->of == NULL || o->index >= bs->m->objs.n ||
	    bs->m->objs.v[o->index] != o)
		return NULL;
	return bs->of[o->index];
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
