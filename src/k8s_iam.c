/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's reader of the fields that AWS Controllers for
 * Kubernetes and the Crossplane AWS providers declare IAM roles, OIDC
 * providers and policy attachments with.  The kind may come after the
 * fields, so the fields are kept as small trees until the object is
 * complete; only a trust policy held in a string is read at once, while
 * its lines are at hand, so that its principals and conditions are
 * placed where they are written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "input.h"
#include "k8s.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"
#include "xalloc.h"

/* Nodes kept of one object, and how deep; a bound on hostile input. */
#define KL_IAM_NODES	100000
#define KL_IAM_DEPTH	32

/* Which mapping a key is in, for what it may hold. */
enum kl_ctx {
	CTX_NONE,
	CTX_SPEC,		/* spec */
	CTX_FP,			/* spec.forProvider */
	CTX_INIT,		/* spec.initProvider */
	CTX_STATUS,		/* status */
	CTX_ATP			/* status.atProvider */
};

/* A place in a trust's text that a finding may name. */
struct kl_place {
	size_t		 stmt;		/* index in Statement */
	const char	*op;		/* NULL: the Federated principal */
	const char	*key;
	struct loc	 at;		/* in the text's own lines */
};

struct kl_places {
	struct kl_place	*v;
	size_t		 n, cap;
	struct arena	*a;
};

static int	 kl_wanted(const struct kl_pend *, enum kl_at, const char *);
static int	 kl_is_iam_kind(const char *);
static struct input_node *kl_inode(struct kload *, struct kl_pend *,
		    enum kl_ctx, unsigned int, const struct input_key *,
		    const char *);
static void	 kl_add(struct kload *, struct kl_pend *, struct input_node *,
		    struct input_node *, const char *, const struct loc *);
static int	 kl_tslot(enum kl_ctx, const char *);
static void	 kl_trust(struct kload *, struct kl_pend *, enum kl_tslot,
		    const char *, const struct input_key *);
static void	 kl_places(struct kl_places *, const char *, size_t,
		    struct input_err *);
static void	 kl_place_stmt(struct kl_places *, struct input *, size_t);
static void	 kl_place_add(struct kl_places *, size_t, const char *,
		    const char *, struct loc);
static void	 kl_origins(struct kload *, struct kl_trust *,
		    const struct kl_places *, const struct input_err *);
static const char *kl_place_key(struct kload *, size_t, const char *,
		    const char *);
static unsigned int kl_place_no(const struct kl_places *,
		    const struct strmap_val *);

/* Keys of spec an IAM kind reads. */
static const char *const spec_keys[] = {
	"assumeRolePolicyDocument", "clientIDs", "forProvider",
	"initProvider", "inlinePolicies", "managementPolicies", "name",
	"path", "policies", "policyRefs", "url"
};
/* Keys of spec that tell a Crossplane composite or claim. */
static const char *const comp_keys[] = {
	"compositionRef", "compositionRevisionRef",
	"compositionRevisionSelector", "compositionSelector",
	"compositionUpdatePolicy", "crossplane"
};
/* Keys of a CompositeResourceDefinition's spec. */
static const char *const xrd_keys[] = { "claimNames", "group", "names" };

static int
in_list(const char *const *v, size_t n, const char *s)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/*
 * The API group of an apiVersion ("iam.aws.upbound.io/v1beta1"), as a
 * static string, when it is one this reader knows; NULL otherwise.
 */
const char *
kl_igroup(const char *api)
{
	static const char *const groups[] = {
	    "iam.services.k8s.aws", "iam.aws.upbound.io",
	    "iam.aws.m.upbound.io", "iam.aws.crossplane.io",
	    "apiextensions.crossplane.io"
	};
	const char	*slash;
	size_t		 i, n;

	if (api == NULL || (slash = strchr(api, '/')) == NULL)
		return NULL;
	n = (size_t)(slash - api);
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (strlen(groups[i]) == n && strncmp(groups[i], api, n) == 0)
			return groups[i];
	return NULL;
}

static int
kl_is_iam_kind(const char *kind)
{
	return strcmp(kind, "Role") == 0 ||
	    strcmp(kind, "OpenIDConnectProvider") == 0 ||
	    strcmp(kind, "RolePolicyAttachment") == 0 ||
	    strcmp(kind, "RolePolicy") == 0;
}

/*
 * Is key at where one to keep?  apiVersion and kind usually come
 * first; while they have not, every candidate key is kept.
 */
static int
kl_wanted(const struct kl_pend *p, enum kl_at where, const char *key)
{
	const char	*g = p->api.s != NULL ? kl_igroup(p->api.s) : NULL;
	int		 api_ok, kind_ok;

	if (where == KL_AT_SPEC && in_list(comp_keys,
	    sizeof(comp_keys) / sizeof(comp_keys[0]), key))
		return 1;
	if (where == KL_AT_SPEC && in_list(xrd_keys,
	    sizeof(xrd_keys) / sizeof(xrd_keys[0]), key))
		return p->api.s == NULL || (g != NULL &&
		    strcmp(g, "apiextensions.crossplane.io") == 0);
	if (!((where == KL_AT_SPEC && in_list(spec_keys,
	    sizeof(spec_keys) / sizeof(spec_keys[0]), key)) ||
	    (where == KL_AT_TOP && strcmp(key, "status") == 0) ||
	    (where == KL_AT_META && strcmp(key, "labels") == 0)))
		return 0;
	api_ok = p->api.s == NULL || (g != NULL &&
	    strcmp(g, "apiextensions.crossplane.io") != 0);
	kind_ok = p->kind.s == NULL || kl_is_iam_kind(p->kind.s);
	return api_ok && kind_ok;
}

/* The last entry of a mapping with this key: the one that counts. */
const struct input_node *
kl_iget(const struct input_node *n, const char *key)
{
	const struct input_node	*k, *found = NULL;

	if (n == NULL || n->type != INPUT_NODE_MAP)
		return NULL;
	for (k = n->kids; k != NULL; k = k->next)
		if (strcmp(k->key, key) == 0)
			found = k;
	return found;
}

/*
 * Add kid to the mapping m, where a later key wins: an earlier entry
 * of the same key is dropped and kept as a duplicate at path.
 */
static void
kl_add(struct kload *kl, struct kl_pend *p, struct input_node *m,
    struct input_node *kid, const char *path, const struct loc *key_loc)
{
	struct input_node	**pp;
	struct kl_dup		 d;

	for (pp = &m->kids; *pp != NULL; pp = &(*pp)->next)
		if (strcmp((*pp)->key, kid->key) == 0) {
			d.path = arena_printf(kl->a, "%s.%s", path, kid->key);
			d.pod = -1;
			d.loc = *key_loc;
			d.first = (*pp)->key_loc;
			KL_APUSH(kl->a, p->iam.dups, d);
			*pp = (*pp)->next;
			m->n--;
			break;
		}
	for (pp = &m->kids; *pp != NULL; pp = &(*pp)->next)
		continue;
	*pp = kid;
	m->n++;
}

/* The trust slot of key in ctx, or -1. */
static int
kl_tslot(enum kl_ctx ctx, const char *key)
{
	if (ctx == CTX_SPEC && strcmp(key, "assumeRolePolicyDocument") == 0)
		return KT_ACK;
	if (ctx == CTX_FP && strcmp(key, "assumeRolePolicy") == 0)
		return KT_FP;
	if (ctx == CTX_FP && strcmp(key, "assumeRolePolicyDocument") == 0)
		return KT_FP_DOC;
	if (ctx == CTX_INIT && strcmp(key, "assumeRolePolicy") == 0)
		return KT_INIT;
	if (ctx == CTX_ATP && strcmp(key, "assumeRolePolicy") == 0)
		return KT_STATUS;
	return -1;
}

/*
 * The value whose first event is current, as a tree, leaving its last
 * event current.  k is its key (NULL for an item); path names the
 * mapping it is in, for duplicates.  Past the object's budget of nodes
 * or KL_IAM_DEPTH, the value is skipped and the object marked.  NULL
 * then, and on an error of the input (kl->in.err says which).
 */
static struct input_node *
kl_inode(struct kload *kl, struct kl_pend *p, enum kl_ctx ctx,
    unsigned int depth, const struct input_key *k, const char *path)
{
	struct input_node	*n, *kid, **tail;
	struct input_key	 k2;
	struct strmap		 keys;
	const struct strmap_val	*v;
	struct kl_dup		 d;
	const char		*sub;
	enum kl_ctx		 c2;
	int			 r, ts;

	if (p->iam.budget == 0 || depth > KL_IAM_DEPTH) {
		if (!p->iam.over) {
			p->iam.over = 1;
			p->iam.over_loc = kl->in.ev.loc;
		}
		(void)input_skip(&kl->in);
		return NULL;
	}
	p->iam.budget--;
	n = arena_alloc(kl->a, sizeof(*n));
	n->loc = kl->in.ev.loc;
	if (k != NULL) {
		n->key = arena_strdup(kl->a, k->s);
		n->key_loc = k->loc;
	}
	n->plain = kl->in.ev.plain;
	switch (kl->in.ev.type) {
	case INPUT_SCALAR:
		if (kl_is_null(kl)) {
			n->type = INPUT_NODE_NULL;
			n->s = "";
			return n;
		}
		n->type = INPUT_NODE_SCALAR;
		n->s = kl_scalar_dup(kl);
		n->len = strlen(n->s);
		return n;
	case INPUT_SEQ_START:
		n->type = INPUT_NODE_SEQ;
		if (!input_enter(&kl->in))
			return NULL;
		for (tail = &n->kids; (r = input_item(&kl->in)) == 1; ) {
			if ((kid = kl_inode(kl, p, CTX_NONE, depth + 1, NULL,
			    path)) == NULL) {
				if (kl->in.err.kind != INPUT_OK)
					return NULL;
				continue;
			}
			*tail = kid;
			tail = &kid->next;
			n->n++;
		}
		return r == 2 ? n : NULL;
	case INPUT_MAP_START:
		n->type = INPUT_NODE_MAP;
		if (!input_enter(&kl->in))
			return NULL;
		sub = k != NULL ? arena_printf(kl->a, "%s.%s", path, k->s) :
		    path;
		strmap_init(&keys);
		tail = &n->kids;
		while ((r = input_entry(&kl->in, &k2)) == 1) {
			if (!k2.ok) {
				if (!input_skip(&kl->in))
					break;
				continue;
			}
			if ((ts = kl_tslot(ctx, k2.s)) != -1) {
				kl_trust(kl, p, ts, sub, &k2);
				if (kl->in.err.kind != INPUT_OK)
					break;
				continue;
			}
			c2 = CTX_NONE;
			if (ctx == CTX_SPEC && strcmp(k2.s, "forProvider") == 0)
				c2 = CTX_FP;
			else if (ctx == CTX_SPEC &&
			    strcmp(k2.s, "initProvider") == 0)
				c2 = CTX_INIT;
			else if (ctx == CTX_STATUS &&
			    strcmp(k2.s, "atProvider") == 0)
				c2 = CTX_ATP;
			if ((kid = kl_inode(kl, p, c2, depth + 1, &k2,
			    sub)) == NULL) {
				if (kl->in.err.kind != INPUT_OK)
					break;
				continue;
			}
			/*
			 * Entries stay in file order and kl_iget() takes the
			 * last of a key, as Kubernetes does; a key given again
			 * is kept as a duplicate of its first.
			 */
			if ((v = strmap_get(&keys, kid->key)) != NULL) {
				d.path = arena_printf(kl->a, "%s.%s", sub,
				    kid->key);
				d.pod = -1;
				d.loc = k2.loc;
				d.first = ((struct input_node *)v->v)->key_loc;
				KL_APUSH(kl->a, p->iam.dups, d);
			} else
				strmap_add(&keys, kl->a, kid->key, kid);
			*tail = kid;
			tail = &kid->next;
			n->n++;
		}
		strmap_release(&keys);
		if (kl->in.err.kind != INPUT_OK)
			return NULL;
		return r == 2 ? n : NULL;
	default:
		(void)input_skip(&kl->in);
		n->type = INPUT_NODE_NULL;
		n->s = "";
		return n;
	}
}

int
kl_iam_key(struct kload *kl, struct kl_pend *p, enum kl_at where,
    const struct input_key *k)
{
	struct input_node	**slot, *n;
	const char		*path;
	enum kl_ctx		 ctx;

	if (!k->ok || where == KL_AT_OTHER || !kl_wanted(p, where, k->s))
		return -1;
	if (!p->iam.started) {
		p->iam.started = 1;
		p->iam.budget = KL_IAM_NODES;
	}
	switch (where) {
	case KL_AT_SPEC:
		if (strcmp(k->s, "assumeRolePolicyDocument") == 0) {
			kl_trust(kl, p, KT_ACK, "spec", k);
			return kl->in.err.kind == INPUT_OK;
		}
		slot = &p->iam.spec;
		path = "spec";
		ctx = strcmp(k->s, "forProvider") == 0 ? CTX_FP :
		    strcmp(k->s, "initProvider") == 0 ? CTX_INIT : CTX_NONE;
		break;
	case KL_AT_TOP:
		slot = &p->iam.status;
		path = NULL;
		ctx = CTX_STATUS;
		break;
	default:
		slot = &p->iam.labels;
		path = NULL;
		ctx = CTX_NONE;
		break;
	}
	if (path == NULL) {
		/* status and labels are mappings of their own. */
		if ((n = kl_inode(kl, p, ctx, 0, NULL, where == KL_AT_TOP ?
		    "status" : "metadata.labels")) == NULL)
			return kl->in.err.kind == INPUT_OK;
		n->key = arena_strdup(kl->a, k->s);
		n->key_loc = k->loc;
		*slot = n;
		return 1;
	}
	if (*slot == NULL) {
		*slot = arena_alloc(kl->a, sizeof(**slot));
		(*slot)->type = INPUT_NODE_MAP;
		(*slot)->key = "spec";
	}
	if ((n = kl_inode(kl, p, ctx, 1, k, path)) == NULL)
		return kl->in.err.kind == INPUT_OK;
	kl_add(kl, p, *slot, n, path, &k->loc);
	return 1;
}

/*
 * A trust policy's value, current, at key k of the mapping at path:
 * parsed now, and each principal and condition placed in the file
 * while the text's lines are kept.  A later key wins, as ever.
 */
static void
kl_trust(struct kload *kl, struct kl_pend *p, enum kl_tslot slot,
    const char *path, const struct input_key *k)
{
	struct kl_trust	*t = &p->iam.trust[slot];
	struct kl_dup	 d;
	struct kl_places pl = { NULL, 0, 0, kl->a };
	struct input_err jerr;
	char		 err[256];
	size_t		 len;

	if (t->set) {
		d.path = t->path;
		d.pod = -1;
		d.loc = k->loc;
		d.first = t->key_loc;
		KL_APUSH(kl->a, p->iam.dups, d);
	}
	memset(t, 0, sizeof(*t));
	t->set = 1;
	t->path = arena_printf(kl->a, "%s.%s", path, k->s);
	t->key_loc = k->loc;
	t->loc = kl->in.ev.loc;
	if (kl->in.ev.type != INPUT_SCALAR || kl_is_null(kl)) {
		t->found = kl_is_null(kl) ? "nothing" :
		    input_found(&kl->in.ev);
		(void)input_skip(&kl->in);
		return;
	}
	/* A NUL within ends the text: JSON has none. */
	t->text = kl_scalar_dup(kl);
	len = strlen(t->text);
	memset(&jerr, 0, sizeof(jerr));
	if (len <= POLICY_MAX_SIZE)
		kl_places(&pl, t->text, len, &jerr);
	if (policy_parse(kl->a, t->text, len, &t->policy, err,
	    sizeof(err)) == -1) {
		t->policy = NULL;
		t->not_json = jerr.kind != INPUT_OK;
		t->error = arena_strdup(kl->a, t->not_json ? jerr.problem :
		    err);
		t->error_loc = t->loc;
	}
	kl_origins(kl, t, &pl, jerr.kind != INPUT_OK && t->policy == NULL ?
	    &jerr : NULL);
	free(pl.v);
}

static void
kl_place_add(struct kl_places *pl, size_t stmt, const char *op,
    const char *key, struct loc at)
{
	struct kl_place	 x;

	x.stmt = stmt;
	x.op = op != NULL ? arena_strdup(pl->a, op) : NULL;
	x.key = key != NULL ? arena_strdup(pl->a, key) : NULL;
	x.at = at;
	KL_PUSH(*pl, x);
}

/*
 * One statement, its mapping entered: where its Federated principal
 * (the first, when a list) and the first value of each condition are.
 */
static void
kl_place_stmt(struct kl_places *pl, struct input *in, size_t i)
{
	struct input_key	 k, op, key;
	char			 ops[INPUT_KEY_MAX];
	int			 r;

	while (input_entry(in, &k) == 1) {
		if (k.ok && strcmp(k.s, "Principal") == 0 &&
		    in->ev.type == INPUT_MAP_START) {
			if (!input_enter(in))
				return;
			while (input_entry(in, &key) == 1) {
				if (key.ok && strcmp(key.s, "Federated") == 0) {
					if (in->ev.type == INPUT_SEQ_START) {
						if (!input_enter(in))
							return;
						if ((r = input_item(in)) == 1)
							kl_place_add(pl, i,
							    NULL, NULL,
							    in->ev.loc);
						if (r == 1 && !input_skip(in))
							return;
						while (r == 1 &&
						    (r = input_item(in)) == 1)
							if (!input_skip(in))
								return;
						if (r == 0)
							return;
						continue;
					}
					kl_place_add(pl, i, NULL, NULL,
					    in->ev.loc);
				}
				if (!input_skip(in))
					return;
			}
			continue;
		}
		if (!k.ok || strcmp(k.s, "Condition") != 0 ||
		    in->ev.type != INPUT_MAP_START) {
			if (!input_skip(in))
				return;
			continue;
		}
		if (!input_enter(in))
			return;
		while (input_entry(in, &op) == 1) {
			if (!op.ok || in->ev.type != INPUT_MAP_START) {
				if (!input_skip(in))
					return;
				continue;
			}
			memcpy(ops, op.s, sizeof(ops));
			if (!input_enter(in))
				return;
			while (input_entry(in, &key) == 1) {
				if (key.ok && in->ev.type == INPUT_SEQ_START) {
					if (!input_enter(in))
						return;
					if ((r = input_item(in)) == 1)
						kl_place_add(pl, i, ops, key.s,
						    in->ev.loc);
					else
						kl_place_add(pl, i, ops, key.s,
						    key.loc);
					if (r == 1 && !input_skip(in))
						return;
					while (r == 1 &&
					    (r = input_item(in)) == 1)
						if (!input_skip(in))
							return;
					if (r == 0)
						return;
					continue;
				}
				if (key.ok)
					kl_place_add(pl, i, ops, key.s,
					    in->ev.loc);
				if (!input_skip(in))
					return;
			}
		}
	}
}

/*
 * The places of a trust's principals and conditions in its own text,
 * read with the JSON backend; an error of the text in *err.
 */
static void
kl_places(struct kl_places *pl, const char *text, size_t len,
    struct input_err *err)
{
	struct input		 in;
	struct input_key	 k;
	size_t			 i;
	int			 r;

	input_open(&in, "trust", text, len, INPUT_JSON, 64);
	if (!input_next(&in) || !input_next(&in) || !input_next(&in) ||
	    in.ev.type != INPUT_MAP_START || !input_enter(&in))
		goto out;
	while (input_entry(&in, &k) == 1) {
		if (!k.ok || strcmp(k.s, "Statement") != 0) {
			if (!input_skip(&in))
				goto out;
			continue;
		}
		if (in.ev.type == INPUT_MAP_START) {
			if (!input_enter(&in))
				goto out;
			kl_place_stmt(pl, &in, 0);
			continue;
		}
		if (in.ev.type != INPUT_SEQ_START) {
			if (!input_skip(&in))
				goto out;
			continue;
		}
		if (!input_enter(&in))
			goto out;
		for (i = 0; (r = input_item(&in)) == 1; i++) {
			if (in.ev.type != INPUT_MAP_START) {
				if (!input_skip(&in))
					goto out;
				continue;
			}
			if (!input_enter(&in))
				goto out;
			kl_place_stmt(pl, &in, i);
		}
		if (r != 2)
			goto out;
	}
	/* The text ends after the object, or the backend says why not. */
	while (in.err.kind == INPUT_OK && input_next(&in) &&
	    in.ev.type != INPUT_STREAM_END)
		continue;
out:
	*err = in.err;
	input_close(&in);
}

/*
 * Place the trust's principals and conditions, and the error of its
 * text (jerr), in the file: one call maps them all while the scalar's
 * lines are kept.  What cannot be placed keeps the string's place.
 */
static void
kl_origins(struct kload *kl, struct kl_trust *t, const struct kl_places *pl,
    const struct input_err *jerr)
{
	const char	*raw;
	struct loc	*at, *out;
	struct pstmt	*st;
	struct pcond	*c;
	struct strmap	 first;
	const struct strmap_val *v;
	const char	*key;
	size_t		 n = pl->n + 1, len, i, j, k;

	if ((raw = kl_scalar_raw(kl, &len)) == NULL)
		return;
	at = xreallocarray(NULL, n, sizeof(*at));
	out = arena_alloc(kl->a, n * sizeof(*out));
	for (i = 0; i < pl->n; i++)
		at[i] = pl->v[i].at;
	memset(&at[pl->n], 0, sizeof(at[pl->n]));
	at[pl->n].line = at[pl->n].col = 1;
	if (jerr != NULL && jerr->loc.line != 0)
		at[pl->n] = jerr->loc;
	if (!input_scalar_locs(raw, len, &kl->in.ev, at, n, out)) {
		free(at);
		return;
	}
	free(at);
	if (jerr != NULL && jerr->loc.line != 0)
		t->error_loc = out[pl->n];
	t->origins = out;
	t->norigins = pl->n;
	if (t->policy == NULL)
		return;
	/* The first place of each statement's principal and condition. */
	strmap_init(&first);
	for (k = 0; k < pl->n; k++) {
		key = kl_place_key(kl, pl->v[k].stmt, pl->v[k].op,
		    pl->v[k].key);
		if (strmap_get(&first, key) == NULL)
			strmap_add(&first, kl->a, key, &pl->v[k]);
	}
	for (i = 0; i < t->policy->n; i++) {
		st = &t->policy->st[i];
		if ((v = strmap_get(&first, kl_place_key(kl, st->index, NULL,
		    NULL))) != NULL)
			st->origin = kl_place_no(pl, v);
		for (j = 0; j < st->nconds; j++) {
			c = &st->conds[j];
			if (c->key == NULL)
				continue;
			v = strmap_get(&first, kl_place_key(kl, st->index,
			    c->op, c->key));
			if (v != NULL)
				c->origin = kl_place_no(pl, v);
		}
	}
	strmap_release(&first);
}

/* The key of a place: its statement, and its condition's operator and key. */
static const char *
kl_place_key(struct kload *kl, size_t stmt, const char *op, const char *key)
{
	if (op == NULL)
		return arena_printf(kl->a, "%zu", stmt);
	return arena_printf(kl->a, "%zu %s\n%s", stmt, op, key);
}

/* The 1-based origin of the place kept under a key. */
static unsigned int
kl_place_no(const struct kl_places *pl, const struct strmap_val *v)
{
	return (unsigned int)((const struct kl_place *)v->v - pl->v) + 1;
}

/* ---- From the trees to the model: what the kinds' readers share ---- */

/*
 * The string at node n (path names it for messages, addr the object),
 * NULL when absent or null; another shape is an error.
 */
const char *
kl_istr(struct kload *kl, const struct input_node *n, const char *path,
    const char *addr)
{
	if (n == NULL || n->type == INPUT_NODE_NULL)
		return NULL;
	if (n->type != INPUT_NODE_SCALAR) {
		kl_error(kl, &n->loc, "%s: %s: expected a string, found %s",
		    addr, path, input_node_found(n));
		return NULL;
	}
	return n->s;
}

/*
 * How many entries a list (want INPUT_NODE_SEQ) or mapping has at n;
 * absent or null is none, another shape an error.
 */
size_t
kl_icount(struct kload *kl, const struct input_node *n,
    enum input_node_type want, const char *path, const char *addr)
{
	if (n == NULL || n->type == INPUT_NODE_NULL)
		return 0;
	if (n->type != want) {
		kl_error(kl, &n->loc, "%s: %s: expected %s, found %s", addr,
		    path, want == INPUT_NODE_SEQ ? "a list" : "a mapping",
		    input_node_found(n));
		return 0;
	}
	return n->n;
}

/*
 * The strings of a list at n, as a NULL-terminated arena array with
 * their count in *np; an item that is not a string is an error and
 * left out.  NULL, *np 0, when absent or not a list.
 */
const char **
kl_istrs(struct kload *kl, const struct input_node *n, const char *path,
    const char *addr, size_t *np)
{
	const struct input_node	*k;
	const char		**v;
	size_t			 i;

	*np = 0;
	if (kl_icount(kl, n, INPUT_NODE_SEQ, path, addr) == 0)
		return NULL;
	v = arena_alloc(kl->a, (n->n + 1) * sizeof(*v));
	for (i = 0, k = n->kids; k != NULL; k = k->next, i++) {
		if (k->type != INPUT_NODE_SCALAR) {
			kl_error(kl, &k->loc, "%s: %s[%zu]: expected a string, "
			    "found %s", addr, path, i, input_node_found(k));
			continue;
		}
		v[(*np)++] = k->s;
	}
	return v;
}

/*
 * The trust of role r from slot: its text and policy, the places of
 * its parts, and the role's place, that of the string.  A trust that
 * is not there is an error unless absent_ok; then it is unknown.
 */
void
kl_itrust(struct kload *kl, struct kl_pend *p, struct iam_role *r,
    enum kl_tslot slot, int absent_ok)
{
	const struct kl_trust	*t = &p->iam.trust[slot];

	if (!t->set) {
		r->policy_unknown = absent_ok;
		return;
	}
	r->trust_loc = t->key_loc;
	r->loc = t->loc;
	r->loc.end_line = r->loc.end_col = 0;
	if (t->found != NULL) {
		kl_error(kl, &t->loc, "%s: %s: expected the trust policy as "
		    "JSON in a string, found %s; write it as %s: | and the "
		    "JSON document below", r->address, t->path, t->found,
		    strrchr(t->path, '.') + 1);
		r->trust_error = "not a string";
		return;
	}
	r->policy_json = t->text;
	if (t->policy == NULL) {
		r->trust_error = t->error;
		if (t->not_json)
			kl_error(kl, &t->error_loc, "%s: %s is not JSON: %s; "
			    "IAM reads the trust policy as a JSON document",
			    r->address, t->path, t->error);
		else
			kl_error(kl, &t->error_loc, "%s: %s is not a valid "
			    "policy: %s", r->address, t->path, t->error);
		return;
	}
	r->trust = t->policy;
	r->origins = t->origins;
	r->norigins = t->norigins;
}

/* Duplicates and what the budget left out, for an object of an IAM kind. */
void
kl_iam_finish(struct kload *kl, struct kl_pend *p, struct k8s_obj *o)
{
	const char	*addr;
	struct k8s_dup	*d;
	struct k8s_more	*x;
	size_t		 i;

	addr = p->iam.addr != NULL ? p->iam.addr : o->kind_name;
	if (p->iam.over)
		kl_error(kl, &p->iam.over_loc, "%s: more than %d values, or "
		    "values nested deeper than %d, in the fields irsalint "
		    "reads; the rest are not read", addr, KL_IAM_NODES,
		    KL_IAM_DEPTH);
	if (p->iam.dups.n == 0)
		return;
	x = k8s_obj_more(kl->a, o);
	d = arena_alloc(kl->a, (x->ndups + p->iam.dups.n) * sizeof(*d));
	if (x->ndups > 0)
		memcpy(d, x->dups, x->ndups * sizeof(*d));
	for (i = 0; i < p->iam.dups.n; i++) {
		d[x->ndups + i].path = p->iam.dups.v[i].path;
		d[x->ndups + i].loc = p->iam.dups.v[i].loc;
		d[x->ndups + i].first = p->iam.dups.v[i].first;
	}
	x->dups = d;
	x->ndups += p->iam.dups.n;
}

/* "ns/name" of a namespaced object, its name alone else. */
const char *
kl_iname(struct kload *kl, const struct k8s_obj *o, int namespaced)
{
	const char	*name = o->name != NULL ? o->name : "(unnamed)";

	if (!namespaced)
		return name;
	return arena_printf(kl->a, "%s/%s", k8s_obj_ns(kl->m, o), name);
}
