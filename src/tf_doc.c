/* SPDX-License-Identifier: ISC */
/*
 * data "aws_iam_policy_document": the "json" attribute, as the AWS
 * provider (internal/service/iam, SDKv2) renders it, byte for byte.
 * What it does, each rule checked against hashicorp/aws 5.100.0 under
 * Terraform 1.11 (testdata/tf-doc holds the cases and its output):
 *
 *  - The text is Go's json.MarshalIndent(doc, "", "  "): keys of the
 *    document and of a statement in the provider's struct order
 *    (Version, Id, Statement; Sid, Effect, Action, NotAction, Resource,
 *    NotResource, Principal, NotPrincipal, Condition), keys of Go maps
 *    (principal types, condition operators and keys) sorted, "<", ">"
 *    and "&" written \u003c, \u003e, \u0026.
 *  - actions, not_actions, resources, not_resources and identifiers
 *    are sets: duplicates go, then the provider sorts them in reverse;
 *    one string alone is written as a string, not a list.  Condition
 *    values are a list: kept in order, duplicates kept; one value,
 *    even after merging ([] and ["a"]), is a string.
 *  - principals and condition blocks are sets too, and their order is
 *    the SDK's: by the decimal text of the CRC-32 of each block's
 *    serialization.  It shows where blocks merge: the identifiers of
 *    principals of one type are appended one block after another, as
 *    are the values of conditions with the same test and variable.
 *    Identical blocks are one.
 *  - One principal of type "*" with identifiers ["*"] is "*".
 *  - Version defaults to 2012-10-17; sid "" is left out; effect
 *    defaults to Allow.  In 2012-10-17 "&{" becomes "${" in resources,
 *    not_resources, identifiers and condition values (not actions); in
 *    2008-10-17 it is an error.
 *  - source_policy_documents: their statements first, in order (a Sid
 *    twice among them is an error); then this document's, each
 *    replacing the statement of its Sid if there is one, else appended;
 *    then override_policy_documents the same way.  A document's Id, if
 *    it has one, replaces the one before; the greatest Version wins.
 *    Statements read from JSON keep the shape they were written in
 *    (a list of one stays a list, but identifiers are still sorted in
 *    reverse), as the provider's Go types do on a round trip.
 *
 * When some argument is unknown the result is an unknown whose json_of
 * is the document in the same shape with unknowns in their places:
 *  - a set with unknown elements is its known strings (deduplicated,
 *    in reverse order) then its unknowns; a set of one unknown is that
 *    unknown, as one string would be written alone;
 *  - a principal of unknown type makes the whole Principal unknown;
 *  - a condition of unknown variable puts its values, always a list,
 *    under a key of its own in its operator's map: "\001N\001" and the
 *    variable's known end (":sub" of "${local.issuer}:sub"), which
 *    policy_from_tree() reads as an unknown key that ends so;
 *  - a condition of unknown test is an unknown element of the list
 *    under the key "" of the Condition map;
 *  - blocks that are not all known go after the known ones, in the
 *    order written: where the SDK would put them cannot be told;
 *  - an unknown policy document to merge, or an unknown Sid where Sids
 *    are compared, leaves json_of NULL: which statements survive
 *    cannot be told.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "util.h"

#include "tf_src.h"

#define DS		"aws_iam_policy_document"
#define V2008		"2008-10-17"
#define V2012		"2012-10-17"	/* the provider's default */
#define HASH_TEXT	11	/* a 32-bit hash in decimal, and NUL */

/* A growing list of values, in the arena: nothing to free on errors. */
struct vec {
	struct tfv	**v;
	size_t		  n, cap;
};

/* A growing map in the order keys are added, before tfv_map sorts it. */
struct kvs {
	const char	**k;
	struct tfv	**v;
	size_t		  n, cap;
};

/* One principals or condition block, and its place in the SDK's set. */
struct blk {
	struct tfv	*key;		/* type, or test */
	struct tfv	*var;		/* condition: variable */
	struct tfv	*vals;		/* identifiers or values, as written
					   in the document */
	int		 known;		/* all of it: it has a hash */
	char		 hash[HASH_TEXT];
	size_t		 i;		/* order written */
};

/* What a value being written is: the document's structs have an order. */
enum level {
	L_PLAIN,
	L_DOC,
	L_STATEMENTS,
	L_STATEMENT
};

/* The document being merged. */
struct mdoc {
	struct tfv	*version;	/* string or unknown */
	struct tfv	*id;		/* NULL: none */
	struct vec	 st;		/* statement maps, or unknowns */
};

struct dctx {
	struct tf_ev		*ev;
	const struct tf_at	*at;
	struct vec		 unk;	/* the unknowns met, for the why */
	const char		*version;	/* for "&{" */
	struct tfv		*err;	/* the first error, reported */
	int			 lost;	/* json_of cannot be told */
};

/* A statement's keys in the provider's struct order. */
static const char *const stmt_keys[] = {
	"Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
	"Principal", "NotPrincipal", "Condition", NULL
};
static const char *const doc_keys[] = {
	"Version", "Id", "Statement", NULL
};

static void		 vec_add(struct tf_ev *, struct vec *, struct tfv *);
static struct tfv	*vec_list(struct tf_ev *, const struct vec *);
static size_t		 kvs_index(struct tf_ev *, struct kvs *, const char *);
static struct tfv	**kvs_slot(struct tf_ev *, struct kvs *, const char *);
static struct tfv	*kvs_map(struct tf_ev *, const struct kvs *);
static struct tfv	*fail(struct dctx *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
static struct tfv	*unknown(struct dctx *, struct tfv *);
static int		 is_set(const struct tfv *);
static int		 str_of(struct dctx *, const struct tfv *,
			    const char *, struct tfv **);
static int		 subst(struct dctx *, struct tfv **, const char *);
static int		 cmp_rev(const void *, const void *);
static int		 strings(struct dctx *, const struct tfv *,
			    const char *, int, int, struct tfv **);
static int		 subst_all(struct dctx *, struct tfv *,
			    const char *, struct tfv **);
static struct tfv	*one_or_list(struct tf_ev *, struct vec *);
static struct tfv	*merge(struct tf_ev *, struct tfv *, struct tfv *);
static uint32_t		 crc32_ieee(const char *, size_t);
static void		 hash_text(char *, const struct buf *);
static void		 add_set(struct dctx *, struct buf *,
			    const struct tfv *);
static int		 cmp_blk(const void *, const void *);
static size_t		 order_blks(struct blk *, size_t);
static int		 is_star(const struct tfv *);
static int		 principals(struct dctx *, const struct tfv *,
			    const char *, struct tfv **);
static int		 conditions(struct dctx *, const struct tfv *,
			    const char *, struct tfv **);
static struct tfv	*statement(struct dctx *, const struct tfv *,
			    const char *);
static const struct tfv	*jget(const struct tfv *, const char *);
static int		 jstr(struct dctx *, const struct tfv *, const char *,
			    const char *, struct tfv **);
static int		 jprincipals(struct dctx *, const struct tfv *,
			    const char *, struct tfv **);
static int		 jconditions(struct dctx *, const struct tfv *,
			    const char *, struct tfv **);
static struct tfv	*jstatement(struct dctx *, const struct tfv *,
			    const char *);
static int		 jdoc(struct dctx *, const char *, size_t,
			    const struct tfv *, struct mdoc *);
static void		 merge_doc(struct dctx *, struct mdoc *,
			    const struct mdoc *);
static int		 others(struct dctx *, const struct tfv *,
			    const char *, int, struct mdoc *);
static void		 indent(struct buf *, int);
static void		 go_num(struct buf *, double);
static void		 render(struct buf *, const struct tfv *, int,
			    enum level);

static void
vec_add(struct tf_ev *ev, struct vec *l, struct tfv *v)
{
	struct tfv	**nv;

	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 8 : l->cap * 2;
		nv = arena_alloc(ev->arena, l->cap * sizeof(*nv));
		if (l->n > 0)
			memcpy(nv, l->v, l->n * sizeof(*nv));
		l->v = nv;
	}
	l->v[l->n++] = v;
}

static struct tfv *
vec_list(struct tf_ev *ev, const struct vec *l)
{
	struct tfv	*v;

	v = tfv_list(ev, l->n, 0);
	if (l->n > 0)
		memcpy(v->v, l->v, l->n * sizeof(*v->v));
	return v;
}

/* Where key is, added with no value (NULL) when it is new. */
static size_t
kvs_index(struct tf_ev *ev, struct kvs *m, const char *key)
{
	const char	**nk;
	struct tfv	**nv;
	size_t		  i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->k[i], key) == 0)
			return i;
	if (m->n == m->cap) {
		m->cap = m->cap == 0 ? 8 : m->cap * 2;
		nk = arena_alloc(ev->arena, m->cap * sizeof(*nk));
		nv = arena_alloc(ev->arena, m->cap * sizeof(*nv));
		if (m->n > 0) {
			memcpy(nk, m->k, m->n * sizeof(*nk));
			memcpy(nv, m->v, m->n * sizeof(*nv));
		}
		m->k = nk;
		m->v = nv;
	}
	m->k[m->n] = key;
	m->v[m->n] = NULL;
	return m->n++;
}

static struct tfv **
kvs_slot(struct tf_ev *ev, struct kvs *m, const char *key)
{
	size_t	 i;

	/* First the index: it may move m->v. */
	i = kvs_index(ev, m, key);
	return &m->v[i];
}

/* The map, keys whose value stayed NULL left out. */
static struct tfv *
kvs_map(struct tf_ev *ev, const struct kvs *m)
{
	const char	**k;
	struct tfv	**v;
	size_t		  i, n = 0;

	k = arena_alloc(ev->arena, (m->n + 1) * sizeof(*k));
	v = arena_alloc(ev->arena, (m->n + 1) * sizeof(*v));
	for (i = 0; i < m->n; i++) {
		if (m->v[i] == NULL)
			continue;
		k[n] = m->k[i];
		v[n++] = m->v[i];
	}
	return tfv_map(ev, k, v, n);
}

/* Report the first error only: one wrong argument is one message. */
static struct tfv *
fail(struct dctx *c, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (c->err != NULL)
		return c->err;
	va_start(ap, fmt);
	msg = arena_vprintf(c->ev->arena, fmt, ap);
	va_end(ap);
	c->err = tf_error(c->ev, c->at, DS " %s", msg);
	return c->err;
}

static struct tfv *
unknown(struct dctx *c, struct tfv *u)
{
	vec_add(c->ev, &c->unk, u);
	return u;
}

static int
is_set(const struct tfv *v)
{
	return v != NULL && v->kind != TFV_NULL;
}

/*
 * A string argument, converted as Terraform converts a number or a
 * bool for a string attribute; *out is NULL when it is not set.
 */
static int
str_of(struct dctx *c, const struct tfv *v, const char *path,
    struct tfv **out)
{
	const char	*s;
	size_t		 len;

	*out = NULL;
	if (!is_set(v))
		return 0;
	if (v->kind == TFV_UNKNOWN) {
		*out = unknown(c, (struct tfv *)v);
		return 0;
	}
	if (tfv_to_string(c->ev, v, &s, &len) == -1) {
		fail(c, "%s: a string is required, not a %s", path,
		    tfv_kind_name(v));
		return -1;
	}
	*out = v->kind == TFV_STRING ? (struct tfv *)v :
	    tfv_str(c->ev, s, len);
	return 0;
}

/*
 * The provider's policy variables: HCL would read "${aws:username}" as
 * an interpolation, so a document writes "&{aws:username}" and the
 * provider turns it back, where the 2012 policy language has them.
 */
static int
subst(struct dctx *c, struct tfv **sv, const char *path)
{
	const struct tfv	*v = *sv;
	const char		*p, *end;
	struct buf		 b = BUF_INIT;

	if (mem_find(v->s, v->len, "&{", 2) == NULL)
		return 0;
	if (strcmp(c->version, V2008) == 0) {
		fail(c, "%s: found &{ sequence in (%s), which is not "
		    "supported in document version " V2008, path, v->s);
		return -1;
	}
	p = v->s;
	end = v->s + v->len;
	while (p < end) {
		if (end - p >= 2 && p[0] == '&' && p[1] == '{') {
			buf_addc(&b, '$');
			p++;
		} else
			buf_addc(&b, *p++);
	}
	*sv = tfv_str(c->ev, b.buf, b.len);
	buf_release(&b);
	return 0;
}

/* Reverse bytewise order, as sort.Reverse(sort.StringSlice) does. */
static int
cmp_rev(const void *a, const void *b)
{
	return tfv_cmp(*(struct tfv *const *)b, *(struct tfv *const *)a);
}

/*
 * A set or list of strings of the document.  Sets (set) lose their
 * duplicates and are sorted in reverse; lists keep their order.  *out
 * is NULL when not set, or
 * empty and not keep_empty; else the one string alone, or the list:
 * known strings, then unknowns.
 */
static int
strings(struct dctx *c, const struct tfv *v, const char *path, int set,
    int keep_empty, struct tfv **out)
{
	struct vec	 known = { NULL, 0, 0 }, unk = { NULL, 0, 0 };
	struct tfv	*s;
	size_t		 i, j;

	*out = NULL;
	if (!is_set(v))
		return 0;
	if (v->kind == TFV_UNKNOWN) {
		*out = unknown(c, (struct tfv *)v);
		return 0;
	}
	if (v->kind != TFV_LIST) {
		fail(c, "%s: a %s of strings is required, not a %s", path,
		    set ? "set" : "list", tfv_kind_name(v));
		return -1;
	}
	for (i = 0; i < v->n; i++) {
		if (v->v[i]->kind == TFV_NULL) {
			fail(c, "%s: null is not allowed in the %s", path,
			    set ? "set" : "list");
			return -1;
		}
		if (v->v[i]->kind == TFV_UNKNOWN) {
			vec_add(c->ev, &unk, unknown(c, v->v[i]));
			continue;
		}
		if (str_of(c, v->v[i], path, &s) == -1)
			return -1;
		vec_add(c->ev, &known, s);
	}
	if (set && known.n > 1) {
		qsort(known.v, known.n, sizeof(*known.v), cmp_rev);
		for (i = 1, j = 1; i < known.n; i++)
			if (!tfv_equal(known.v[i], known.v[j - 1]))
				known.v[j++] = known.v[i];
		known.n = j;
	}
	for (i = 0; i < unk.n; i++)
		vec_add(c->ev, &known, unk.v[i]);
	if (known.n == 0 && !keep_empty)
		return 0;
	*out = one_or_list(c->ev, &known);
	return 0;
}

/* v with its policy variables: after the sort, as the provider does. */
static int
subst_all(struct dctx *c, struct tfv *v, const char *path,
    struct tfv **out)
{
	struct tfv	*l;
	size_t		 i;

	*out = v;
	if (v == NULL || v->kind == TFV_UNKNOWN)
		return 0;
	if (v->kind == TFV_STRING)
		return subst(c, out, path);
	l = tfv_list(c->ev, v->n, 0);
	for (i = 0; i < v->n; i++) {
		l->v[i] = v->v[i];
		if (l->v[i]->kind == TFV_STRING &&
		    subst(c, &l->v[i], path) == -1)
			return -1;
	}
	*out = l;
	return 0;
}

static struct tfv *
one_or_list(struct tf_ev *ev, struct vec *l)
{
	return l->n == 1 ? l->v[0] : vec_list(ev, l);
}

/*
 * The provider's merge of a principal's identifiers, or a condition's
 * values, into what the same type (test and variable) already holds:
 * a string and a string make a list of two, lists are appended.
 */
static struct tfv *
merge(struct tf_ev *ev, struct tfv *cur, struct tfv *add)
{
	struct vec	 l = { NULL, 0, 0 };
	size_t		 i;

	if (cur == NULL)
		return add;
	if (cur->kind == TFV_LIST)
		for (i = 0; i < cur->n; i++)
			vec_add(ev, &l, cur->v[i]);
	else
		vec_add(ev, &l, cur);
	if (add->kind == TFV_LIST)
		for (i = 0; i < add->n; i++)
			vec_add(ev, &l, add->v[i]);
	else
		vec_add(ev, &l, add);
	return vec_list(ev, &l);
}

/* Go's crc32.ChecksumIEEE, which the SDK's set hash is. */
static uint32_t
crc32_ieee(const char *s, size_t len)
{
	uint32_t	 crc = 0xffffffffU;
	size_t		 i;
	int		 k;

	for (i = 0; i < len; i++) {
		crc ^= (unsigned char)s[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320U & -(crc & 1));
	}
	return ~crc;
}

/* The SDK keys a set by its hashes in decimal, sorted as strings. */
static void
hash_text(char *out, const struct buf *b)
{
	snprintf(out, HASH_TEXT, "%lu",
	    (unsigned long)crc32_ieee(b->buf, b->len));
}

/*
 * The members of a known set of strings, each with its ";", in the
 * SDK's order (schema.SerializeValueForHash of a TypeSet): by the hash
 * of each member's own serialization, "s;".
 */
static void
add_set(struct dctx *c, struct buf *b, const struct tfv *set)
{
	struct buf	 eb = BUF_INIT;
	struct blk	*e;
	size_t		 i, n;

	if (set->kind == TFV_STRING) {
		buf_add(b, set->s, set->len);
		buf_addc(b, ';');
		return;
	}
	e = arena_alloc(c->ev->arena, (set->n + 1) * sizeof(*e));
	for (i = 0; i < set->n; i++) {
		buf_reset(&eb);
		buf_add(&eb, set->v[i]->s, set->v[i]->len);
		buf_addc(&eb, ';');
		hash_text(e[i].hash, &eb);
		e[i].key = set->v[i];
		e[i].known = 1;
		e[i].i = i;
	}
	buf_release(&eb);
	n = order_blks(e, set->n);
	for (i = 0; i < n; i++) {
		buf_add(b, e[i].key->s, e[i].key->len);
		buf_addc(b, ';');
	}
}

/* Known blocks in the SDK's order, then the others as written. */
static int
cmp_blk(const void *a, const void *b)
{
	const struct blk	*x = a, *y = b;
	int			 c;

	if (x->known != y->known)
		return x->known ? -1 : 1;
	if (x->known && (c = strcmp(x->hash, y->hash)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Sort the blocks; the same hash twice is one element of the set. */
static size_t
order_blks(struct blk *b, size_t n)
{
	size_t	 i, j;

	if (n == 0)
		return 0;
	qsort(b, n, sizeof(*b), cmp_blk);
	for (i = 1, j = 1; i < n; i++)
		if (!b[i].known || !b[j - 1].known ||
		    strcmp(b[i].hash, b[j - 1].hash) != 0)
			b[j++] = b[i];
	return j;
}

static int
is_star(const struct tfv *v)
{
	if (v->kind == TFV_LIST && v->n == 1)
		v = v->v[0];
	return v->kind == TFV_STRING && strcmp(v->s, "*") == 0;
}

/*
 * The principals (or not_principals) blocks of a statement: one map of
 * type to identifiers, or "*".
 */
static int
principals(struct dctx *c, const struct tfv *l, const char *path,
    struct tfv **out)
{
	struct kvs	 m = { NULL, NULL, 0, 0, };
	struct buf	 h = BUF_INIT;
	struct blk	*b;
	struct tfv	*raw, **slot;
	const char	*p;
	size_t		 i, n;

	*out = NULL;
	if (!is_set(l))
		return 0;
	if (l->kind == TFV_UNKNOWN) {
		*out = unknown(c, (struct tfv *)l);
		return 0;
	}
	if (l->kind != TFV_LIST) {
		fail(c, "%s: blocks are required, not a %s", path,
		    tfv_kind_name(l));
		return -1;
	}
	if (l->n == 0)
		return 0;
	b = arena_alloc(c->ev->arena, l->n * sizeof(*b));
	for (i = 0; i < l->n; i++) {
		p = arena_printf(c->ev->arena, "%s.%zu", path, i);
		b[i].i = i;
		if (l->v[i]->kind == TFV_UNKNOWN) {
			b[i].key = unknown(c, l->v[i]);
			continue;
		}
		if (l->v[i]->kind != TFV_MAP) {
			fail(c, "%s: a block is required, not a %s", p,
			    tfv_kind_name(l->v[i]));
			goto bad;
		}
		if (!is_set(tfv_get(l->v[i], "type"))) {
			fail(c, "%s: the argument \"type\" is required", p);
			goto bad;
		}
		if (!is_set(tfv_get(l->v[i], "identifiers"))) {
			fail(c, "%s: the argument \"identifiers\" is required",
			    p);
			goto bad;
		}
		if (str_of(c, tfv_get(l->v[i], "type"), p, &b[i].key) == -1)
			goto bad;
		/* The hash is of the set as written: "&{" not undone. */
		p = arena_printf(c->ev->arena, "%s.identifiers", p);
		if (strings(c, tfv_get(l->v[i], "identifiers"), p, 1, 1,
		    &raw) == -1 || subst_all(c, raw, p, &b[i].vals) == -1)
			goto bad;
		b[i].known = b[i].key->kind == TFV_STRING && tfv_known(raw);
		if (!b[i].known)
			continue;
		/*
		 * schema.HashResource: "identifiers:{" each identifier in
		 * the set's own hash order "};type:" type ";".
		 */
		buf_reset(&h);
		buf_adds(&h, "identifiers:{");
		add_set(c, &h, raw);
		buf_adds(&h, "};type:");
		buf_add(&h, b[i].key->s, b[i].key->len);
		buf_addc(&h, ';');
		hash_text(b[i].hash, &h);
	}
	buf_release(&h);
	n = order_blks(b, l->n);
	for (i = 0; i < n; i++)
		if (b[i].key->kind != TFV_STRING) {
			/* Which type it adds to cannot be told. */
			*out = b[i].key;
			return 0;
		}
	if (n == 1 && strcmp(b[0].key->s, "*") == 0 && is_star(b[0].vals)) {
		*out = tfv_strz(c->ev, "*");
		return 0;
	}
	for (i = 0; i < n; i++) {
		slot = kvs_slot(c->ev, &m, b[i].key->s);
		*slot = merge(c->ev, *slot, b[i].vals);
	}
	*out = kvs_map(c->ev, &m);
	return 0;
bad:
	buf_release(&h);
	return -1;
}

/* The condition blocks of a statement: operator, key, values. */
static int
conditions(struct dctx *c, const struct tfv *l, const char *path,
    struct tfv **out)
{
	struct kvs	 ops = { NULL, NULL, 0, 0 };
	struct kvs	*keys;
	struct vec	 unk_tests = { NULL, 0, 0 };
	struct buf	 h = BUF_INIT;
	struct blk	*b;
	struct tfv	*raw, **slot, *u[3];
	const char	*p;
	size_t		 i, j, n, k;

	*out = NULL;
	if (!is_set(l))
		return 0;
	if (l->kind == TFV_UNKNOWN) {
		*out = unknown(c, (struct tfv *)l);
		return 0;
	}
	if (l->kind != TFV_LIST) {
		fail(c, "%s: blocks are required, not a %s", path,
		    tfv_kind_name(l));
		return -1;
	}
	if (l->n == 0)
		return 0;
	b = arena_alloc(c->ev->arena, l->n * sizeof(*b));
	for (i = 0; i < l->n; i++) {
		p = arena_printf(c->ev->arena, "%s.%zu", path, i);
		b[i].i = i;
		if (l->v[i]->kind == TFV_UNKNOWN) {
			b[i].key = unknown(c, l->v[i]);
			continue;
		}
		if (l->v[i]->kind != TFV_MAP) {
			fail(c, "%s: a block is required, not a %s", p,
			    tfv_kind_name(l->v[i]));
			goto bad;
		}
		if (!is_set(tfv_get(l->v[i], "test")) ||
		    !is_set(tfv_get(l->v[i], "variable")) ||
		    !is_set(tfv_get(l->v[i], "values"))) {
			fail(c, "%s: the argument \"%s\" is required", p,
			    !is_set(tfv_get(l->v[i], "test")) ? "test" :
			    !is_set(tfv_get(l->v[i], "variable")) ?
			    "variable" : "values");
			goto bad;
		}
		if (str_of(c, tfv_get(l->v[i], "test"), p, &b[i].key) == -1 ||
		    str_of(c, tfv_get(l->v[i], "variable"), p,
		    &b[i].var) == -1)
			goto bad;
		p = arena_printf(c->ev->arena, "%s.values", p);
		if (strings(c, tfv_get(l->v[i], "values"), p, 0, 1,
		    &raw) == -1 || subst_all(c, raw, p, &b[i].vals) == -1)
			goto bad;
		b[i].known = b[i].key->kind == TFV_STRING &&
		    b[i].var->kind == TFV_STRING && tfv_known(raw);
		if (!b[i].known)
			continue;
		/* "test:" test ";values:(" each value ";);variable:" ... */
		buf_reset(&h);
		buf_adds(&h, "test:");
		buf_add(&h, b[i].key->s, b[i].key->len);
		buf_adds(&h, ";values:(");
		n = raw->kind == TFV_LIST ? raw->n : 1;
		for (j = 0; j < n; j++) {
			const struct tfv *e = raw->kind == TFV_LIST ?
			    raw->v[j] : raw;

			buf_add(&h, e->s, e->len);
			buf_addc(&h, ';');
		}
		buf_adds(&h, ");variable:");
		buf_add(&h, b[i].var->s, b[i].var->len);
		buf_addc(&h, ';');
		hash_text(b[i].hash, &h);
	}
	buf_release(&h);
	n = order_blks(b, l->n);
	keys = arena_alloc(c->ev->arena, n * sizeof(*keys));
	for (i = 0; i < n; i++) {
		if (b[i].key->kind != TFV_STRING) {
			u[0] = b[i].key;
			k = 1;
			if (b[i].var != NULL)
				u[k++] = b[i].var;
			if (b[i].vals != NULL)
				u[k++] = b[i].vals;
			vec_add(c->ev, &unk_tests,
			    tfv_unknown_of(c->ev, u, k));
			continue;
		}
		k = kvs_index(c->ev, &ops, b[i].key->s);
		if (b[i].var->kind != TFV_STRING) {
			/*
			 * The key is unknown: its values under a key of its
			 * own, "\001N\001" and the known end of the variable
			 * (":sub"), never merged with another's.
			 */
			slot = kvs_slot(c->ev, &keys[k], arena_printf(
			    c->ev->arena, "\001%zu\001%s", i,
			    b[i].var->kind == TFV_UNKNOWN &&
			    b[i].var->s != NULL ? b[i].var->s : ""));
			*slot = merge(c->ev, tfv_list(c->ev, 0, 0),
			    b[i].vals);
			continue;
		}
		slot = kvs_slot(c->ev, &keys[k], b[i].var->s);
		*slot = merge(c->ev, *slot, b[i].vals);
	}
	/*
	 * Merged, a list of one is written as its string ([] and ["a"]
	 * make "a"), as a condition of one value alone is; the values of
	 * an unknown key ("") stay a list.
	 */
	for (k = 0; k < ops.n; k++) {
		for (j = 0; j < keys[k].n; j++)
			if (*keys[k].k[j] != '\0' && *keys[k].k[j] != '\001' &&
			    keys[k].v[j]->kind == TFV_LIST &&
			    keys[k].v[j]->n == 1)
				keys[k].v[j] = keys[k].v[j]->v[0];
		ops.v[k] = kvs_map(c->ev, &keys[k]);
	}
	if (unk_tests.n > 0)
		*kvs_slot(c->ev, &ops, "") = vec_list(c->ev, &unk_tests);
	*out = kvs_map(c->ev, &ops);
	return 0;
bad:
	buf_release(&h);
	return -1;
}

/* A statement block, in the shape of the JSON. */
static struct tfv *
statement(struct dctx *c, const struct tfv *s, const char *path)
{
	static const struct {
		const char	*arg, *key;
		int		 vars;
	} sets[] = {
		{ "actions", "Action", 0 },
		{ "not_actions", "NotAction", 0 },
		{ "resources", "Resource", 1 },
		{ "not_resources", "NotResource", 1 },
	};
	struct kvs	 m = { NULL, NULL, 0, 0 };
	struct tfv	*v;
	const char	*p;
	size_t		 i;

	if (s->kind == TFV_UNKNOWN)
		return unknown(c, (struct tfv *)s);
	if (s->kind != TFV_MAP)
		return fail(c, "%s: a block is required, not a %s", path,
		    tfv_kind_name(s));
	if (str_of(c, tfv_get(s, "sid"), arena_printf(c->ev->arena,
	    "%s.sid", path), &v) == -1)
		return NULL;
	if (v != NULL && (v->kind != TFV_STRING || v->len > 0))
		*kvs_slot(c->ev, &m, "Sid") = v;
	if (str_of(c, tfv_get(s, "effect"), arena_printf(c->ev->arena,
	    "%s.effect", path), &v) == -1)
		return NULL;
	if (v == NULL)
		v = tfv_strz(c->ev, "Allow");
	else if (v->kind == TFV_STRING && strcmp(v->s, "Allow") != 0 &&
	    strcmp(v->s, "Deny") != 0)
		return fail(c, "%s.effect: expected \"Allow\" or \"Deny\", "
		    "got \"%s\"", path, v->s);
	*kvs_slot(c->ev, &m, "Effect") = v;
	for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		p = arena_printf(c->ev->arena, "%s.%s", path, sets[i].arg);
		if (strings(c, tfv_get(s, sets[i].arg), p, 1, 0, &v) == -1 ||
		    (sets[i].vars && subst_all(c, v, p, &v) == -1))
			return NULL;
		*kvs_slot(c->ev, &m, sets[i].key) = v;
	}
	if (principals(c, tfv_get(s, "principals"),
	    arena_printf(c->ev->arena, "%s.principals", path), &v) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "Principal") = v;
	if (principals(c, tfv_get(s, "not_principals"),
	    arena_printf(c->ev->arena, "%s.not_principals", path), &v) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "NotPrincipal") = v;
	if (conditions(c, tfv_get(s, "condition"),
	    arena_printf(c->ev->arena, "%s.condition", path), &v) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "Condition") = v;
	return kvs_map(c->ev, &m);
}

/*
 * A member of a JSON object as Go's encoding/json finds a struct
 * field: the exact name, else one that differs only in case.
 */
static const struct tfv *
jget(const struct tfv *m, const char *key)
{
	const struct tfv	*v;
	size_t			 i;

	if ((v = tfv_get(m, key)) != NULL)
		return v;
	for (i = 0; i < m->n; i++)
		if (strcasecmp(m->k[i], key) == 0)
			return m->v[i];
	return NULL;
}

/* A Go string field: null or absent is "". */
static int
jstr(struct dctx *c, const struct tfv *m, const char *key,
    const char *what, struct tfv **out)
{
	const struct tfv	*v = jget(m, key);

	*out = NULL;
	if (!is_set(v))
		return 0;
	if (v->kind != TFV_STRING) {
		fail(c, "%s: %s is a %s, not a string", what, key,
		    tfv_kind_name(v));
		return -1;
	}
	if (v->len > 0)
		*out = (struct tfv *)v;
	return 0;
}

/* Principal read back: a string is "*"; lists sorted in reverse. */
static int
jprincipals(struct dctx *c, const struct tfv *v, const char *what,
    struct tfv **out)
{
	const char	**k;
	struct tfv	**vals, *l;
	size_t		  i, j;

	*out = NULL;
	if (!is_set(v))
		return 0;
	if (v->kind == TFV_STRING) {
		*out = tfv_strz(c->ev, "*");
		return 0;
	}
	if (v->kind != TFV_MAP) {
		fail(c, "%s: a principal is a %s, not a string or an object",
		    what, tfv_kind_name(v));
		return -1;
	}
	if (v->n == 0)
		return 0;
	k = arena_alloc(c->ev->arena, v->n * sizeof(*k));
	vals = arena_alloc(c->ev->arena, v->n * sizeof(*vals));
	for (i = 0; i < v->n; i++) {
		k[i] = v->k[i];
		vals[i] = v->v[i];
		if (v->v[i]->kind == TFV_STRING)
			continue;
		if (v->v[i]->kind != TFV_LIST) {
			fail(c, "%s: the principal %s is a %s", what,
			    v->k[i], tfv_kind_name(v->v[i]));
			return -1;
		}
		l = tfv_list(c->ev, v->v[i]->n, 0);
		for (j = 0; j < l->n; j++) {
			if (v->v[i]->v[j]->kind != TFV_STRING) {
				fail(c, "%s: an identifier of %s is a %s",
				    what, v->k[i],
				    tfv_kind_name(v->v[i]->v[j]));
				return -1;
			}
			l->v[j] = v->v[i]->v[j];
		}
		qsort(l->v, l->n, sizeof(*l->v), cmp_rev);
		vals[i] = l;
	}
	if (v->n == 1 && strcmp(k[0], "*") == 0 && is_star(vals[0])) {
		*out = tfv_strz(c->ev, "*");
		return 0;
	}
	*out = tfv_map(c->ev, k, vals, v->n);
	return 0;
}

/*
 * Condition read back: a string stays, a bool is its text, a list of
 * one is its string; anything else the provider's reader drops.
 */
static int
jconditions(struct dctx *c, const struct tfv *v, const char *what,
    struct tfv **out)
{
	struct kvs	 ops = { NULL, NULL, 0, 0 }, keys;
	const struct tfv *op, *e;
	struct tfv	*x;
	size_t		 i, j, k;

	*out = NULL;
	if (!is_set(v))
		return 0;
	if (v->kind != TFV_MAP) {
		fail(c, "%s: Condition is a %s, not an object", what,
		    tfv_kind_name(v));
		return -1;
	}
	for (i = 0; i < v->n; i++) {
		op = v->v[i];
		if (op->kind == TFV_NULL)
			continue;
		if (op->kind != TFV_MAP) {
			fail(c, "%s: Condition %s is a %s, not an object",
			    what, v->k[i], tfv_kind_name(op));
			return -1;
		}
		memset(&keys, 0, sizeof(keys));
		for (j = 0; j < op->n; j++) {
			e = op->v[j];
			x = NULL;
			if (e->kind == TFV_STRING)
				x = (struct tfv *)e;
			else if (e->kind == TFV_BOOL)
				x = tfv_strz(c->ev, e->b ? "true" : "false");
			else if (e->kind == TFV_LIST) {
				for (k = 0; k < e->n; k++)
					if (e->v[k]->kind != TFV_STRING) {
						fail(c, "%s: a value of "
						    "Condition %s %s is a %s",
						    what, v->k[i], op->k[j],
						    tfv_kind_name(e->v[k]));
						return -1;
					}
				x = e->n == 1 ? e->v[0] : (struct tfv *)e;
			}
			if (x != NULL)
				*kvs_slot(c->ev, &keys, op->k[j]) = x;
		}
		if (keys.n > 0)
			*kvs_slot(c->ev, &ops, v->k[i]) =
			    kvs_map(c->ev, &keys);
	}
	if (ops.n > 0)
		*out = kvs_map(c->ev, &ops);
	return 0;
}

/* A statement of another document, as the provider's types read it. */
static struct tfv *
jstatement(struct dctx *c, const struct tfv *s, const char *what)
{
	static const char *const any[] = {
		"Action", "NotAction", "Resource", "NotResource"
	};
	struct kvs		 m = { NULL, NULL, 0, 0 };
	const struct tfv	*v;
	struct tfv		*x;
	size_t			 i;

	if (s->kind != TFV_MAP)
		return fail(c, "%s: a statement is a %s, not an object",
		    what, tfv_kind_name(s));
	if (jstr(c, s, "Sid", what, &x) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "Sid") = x;
	if (jstr(c, s, "Effect", what, &x) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "Effect") = x;
	/* Go's "any" fields: whatever JSON, written back as it was. */
	for (i = 0; i < sizeof(any) / sizeof(any[0]); i++)
		if (is_set(v = jget(s, any[i])))
			*kvs_slot(c->ev, &m, any[i]) = (struct tfv *)v;
	if (jprincipals(c, jget(s, "Principal"), what, &x) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "Principal") = x;
	if (jprincipals(c, jget(s, "NotPrincipal"), what, &x) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "NotPrincipal") = x;
	if (jconditions(c, jget(s, "Condition"), what, &x) == -1)
		return NULL;
	*kvs_slot(c->ev, &m, "Condition") = x;
	return kvs_map(c->ev, &m);
}

/* Another document's text: its Version, Id and statements. */
static int
jdoc(struct dctx *c, const char *what, size_t idx, const struct tfv *text,
    struct mdoc *d)
{
	const struct tfv	*j, *st;
	struct tfv		*s;
	const char		*w;
	size_t			 i;

	memset(d, 0, sizeof(*d));
	w = arena_printf(c->ev->arena, "%s.%zu", what, idx);
	if ((j = tfv_from_json(c->ev, text->s, text->len)) == NULL) {
		fail(c, "%s: not valid JSON", w);
		return -1;
	}
	if (j->kind != TFV_MAP) {
		fail(c, "%s: a policy document is an object, not a %s", w,
		    tfv_kind_name(j));
		return -1;
	}
	if (jstr(c, j, "Version", w, &d->version) == -1 ||
	    jstr(c, j, "Id", w, &d->id) == -1)
		return -1;
	if (d->version == NULL)
		d->version = tfv_strz(c->ev, "");
	st = jget(j, "Statement");
	if (!is_set(st))
		return 0;
	if (st->kind != TFV_LIST) {
		fail(c, "%s: Statement is a %s, not a list", w,
		    tfv_kind_name(st));
		return -1;
	}
	for (i = 0; i < st->n; i++) {
		if ((s = jstatement(c, st->v[i], arena_printf(c->ev->arena,
		    "%s: statement %zu", w, i))) == NULL ||
		    s->kind == TFV_UNKNOWN)
			return -1;
		vec_add(c->ev, &d->st, s);
	}
	return 0;
}

/* IAMPolicyDoc.Merge: newer Id and Version, statements by Sid. */
static void
merge_doc(struct dctx *c, struct mdoc *m, const struct mdoc *d)
{
	const struct tfv	*sid, *old;
	size_t			 i, j;

	if (d->id != NULL)
		m->id = d->id;
	if (m->version == NULL)
		m->version = d->version;
	else if (m->version->kind != TFV_STRING)
		;	/* stays unknown */
	else if (d->version->kind != TFV_STRING)
		m->version = d->version;
	else if (strcmp(d->version->s, m->version->s) > 0)
		m->version = d->version;
	for (i = 0; i < d->st.n; i++) {
		sid = tfv_get(d->st.v[i], "Sid");
		if (d->st.v[i]->kind == TFV_MAP && sid == NULL) {
			vec_add(c->ev, &m->st, d->st.v[i]);
			continue;
		}
		for (j = 0; j < m->st.n; j++) {
			old = tfv_get(m->st.v[j], "Sid");
			if (m->st.v[j]->kind == TFV_MAP && old == NULL)
				continue;	/* nothing to replace */
			if (m->st.v[j]->kind != TFV_MAP ||
			    d->st.v[i]->kind != TFV_MAP ||
			    old->kind != TFV_STRING ||
			    sid->kind != TFV_STRING) {
				/* Whether it replaces cannot be told. */
				c->lost = 1;
				continue;
			}
			if (tfv_equal(old, sid))
				break;
		}
		if (j < m->st.n)
			m->st.v[j] = d->st.v[i];
		else
			vec_add(c->ev, &m->st, d->st.v[i]);
	}
}

/*
 * source_policy_documents (source) or override_policy_documents: each
 * known document merged into m in order; an unknown one loses json_of.
 */
static int
others(struct dctx *c, const struct tfv *l, const char *what, int source,
    struct mdoc *m)
{
	struct mdoc		 d;
	struct vec		 sids = { NULL, 0, 0 };
	const struct tfv	*sid;
	size_t			 i, j, k;

	if (!is_set(l))
		return 0;
	if (l->kind == TFV_UNKNOWN) {
		unknown(c, (struct tfv *)l);
		c->lost = 1;
		return 0;
	}
	if (l->kind != TFV_LIST) {
		fail(c, "%s: a list of strings is required, not a %s", what,
		    tfv_kind_name(l));
		return -1;
	}
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->kind == TFV_NULL)
			continue;
		if (l->v[i]->kind == TFV_UNKNOWN) {
			unknown(c, l->v[i]);
			c->lost = 1;
			continue;
		}
		if (l->v[i]->kind != TFV_STRING) {
			fail(c, "%s.%zu: a string is required, not a %s", what,
			    i, tfv_kind_name(l->v[i]));
			return -1;
		}
		if (jdoc(c, what, i, l->v[i], &d) == -1)
			return -1;
		/* Sources may not share a Sid: which would win? */
		for (j = 0; source && j < d.st.n; j++) {
			if ((sid = tfv_get(d.st.v[j], "Sid")) == NULL)
				continue;
			for (k = 0; k < sids.n; k++)
				if (tfv_equal(sids.v[k], sid)) {
					fail(c, "%s.%zu: statement %zu: "
					    "duplicate Sid (%s): the Sids of "
					    "the source documents must be "
					    "unique", what, i, j, sid->s);
					return -1;
				}
			vec_add(c->ev, &sids, (struct tfv *)sid);
		}
		merge_doc(c, m, &d);
	}
	return 0;
}


static void
indent(struct buf *b, int depth)
{
	int	 i;

	buf_addc(b, '\n');
	for (i = 0; i < depth; i++)
		buf_adds(b, "  ");
}

/* A JSON number as Go writes a float64: integers without a point. */
static void
go_num(struct buf *b, double d)
{
	char	 num[400];
	int	 prec;

	if (d == floor(d) && fabs(d) < 1e21) {
		buf_addf(b, "%.0f", d);
		return;
	}
	/* The shortest text that reads back the same. */
	for (prec = 15; prec < 17; prec++) {
		snprintf(num, sizeof(num), "%.*g", prec, d);
		if (strtod(num, NULL) == d)
			break;
	}
	if (prec == 17)
		snprintf(num, sizeof(num), "%.17g", d);
	buf_adds(b, num);
}

/*
 * v as json.MarshalIndent with two spaces writes it.  The document and
 * its statements are Go structs, their keys in struct order (what tells
 * which v is); all other maps are Go maps, keys sorted.
 */
static void
render(struct buf *b, const struct tfv *v, int depth, enum level lv)
{
	const char *const	*keys = NULL;
	const struct tfv	*e;
	const char		*k;
	size_t			 i, n = 0;

	switch (v->kind) {
	case TFV_STRING:
		tfv_json_str(b, v->s, v->len);
		break;
	case TFV_BOOL:
		buf_adds(b, v->b ? "true" : "false");
		break;
	case TFV_NUMBER:
		go_num(b, v->num);	/* only where another document had */
		break;
	case TFV_LIST:
		if (v->n == 0) {
			buf_adds(b, "[]");
			break;
		}
		buf_addc(b, '[');
		for (i = 0; i < v->n; i++) {
			if (i > 0)
				buf_addc(b, ',');
			indent(b, depth + 1);
			render(b, v->v[i], depth + 1,
			    lv == L_STATEMENTS ? L_STATEMENT : L_PLAIN);
		}
		indent(b, depth);
		buf_addc(b, ']');
		break;
	case TFV_MAP:
		if (v->n == 0) {
			buf_adds(b, "{}");
			break;
		}
		if (lv == L_DOC)
			keys = doc_keys;
		else if (lv == L_STATEMENT)
			keys = stmt_keys;
		buf_addc(b, '{');
		for (i = 0; keys != NULL ? keys[i] != NULL : i < v->n; i++) {
			k = keys != NULL ? keys[i] : v->k[i];
			if ((e = keys != NULL ? tfv_get(v, k) : v->v[i]) ==
			    NULL)
				continue;
			if (n++ > 0)
				buf_addc(b, ',');
			indent(b, depth + 1);
			tfv_json_str(b, k, strlen(k));
			buf_adds(b, ": ");
			render(b, e, depth + 1, lv == L_DOC &&
			    strcmp(k, "Statement") == 0 ? L_STATEMENTS :
			    L_PLAIN);
		}
		indent(b, depth);
		buf_addc(b, '}');
		break;
	default:
		buf_adds(b, "null");
		break;
	}
}

struct tfv *
tf_doc_render(struct tf_ev *ev, const struct tfv *args,
    const struct tf_at *at)
{
	static const char *const legacy[] = { "source_json",
	    "override_json" };
	struct dctx		 c;
	struct mdoc		 m, d;
	struct kvs		 top = { NULL, NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	const struct tfv	*st, *sid, *v;
	struct tfv		*x, *res;
	const char		*p;
	size_t			 i, j;

	memset(&c, 0, sizeof(c));
	memset(&m, 0, sizeof(m));
	memset(&d, 0, sizeof(d));
	c.ev = ev;
	c.at = at;
	if (args->kind == TFV_UNKNOWN)
		return tfv_unknown_of(ev, (struct tfv *const *)&args, 1);
	if (args->kind != TFV_MAP)
		return fail(&c, "arguments are a %s, not an object",
		    tfv_kind_name(args));

	/* Kept by the provider for old configurations, if empty. */
	for (i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++) {
		v = tfv_get(args, legacy[i]);
		if (is_set(v) && v->kind == TFV_STRING && v->len > 0)
			return fail(&c, "%s: expected an empty string, got "
			    "%s (use %s_policy_documents)", legacy[i], v->s,
			    i == 0 ? "source" : "override");
	}

	c.version = V2012;
	if (str_of(&c, tfv_get(args, "version"), "version", &d.version) == -1)
		return c.err;
	if (d.version == NULL)
		d.version = tfv_strz(ev, V2012);
	else if (d.version->kind == TFV_STRING) {
		if (strcmp(d.version->s, V2008) != 0 &&
		    strcmp(d.version->s, V2012) != 0)
			return fail(&c, "version: expected \"" V2008 "\" or "
			    "\"" V2012 "\", got \"%s\"", d.version->s);
		c.version = d.version->s;
	}
	if (str_of(&c, tfv_get(args, "policy_id"), "policy_id", &d.id) == -1)
		return c.err;
	if (d.id != NULL && d.id->kind == TFV_STRING && d.id->len == 0)
		d.id = NULL;

	if (others(&c, tfv_get(args, "source_policy_documents"),
	    "source_policy_documents", 1, &m) == -1)
		return c.err;

	st = tfv_get(args, "statement");
	if (is_set(st) && st->kind == TFV_UNKNOWN)
		vec_add(ev, &d.st, unknown(&c, (struct tfv *)st));
	else if (is_set(st) && st->kind != TFV_LIST)
		return fail(&c, "statement: blocks are required, not a %s",
		    tfv_kind_name(st));
	else if (is_set(st)) {
		for (i = 0; i < st->n; i++) {
			p = arena_printf(ev->arena, "statement.%zu", i);
			if ((x = statement(&c, st->v[i], p)) == NULL ||
			    c.err != NULL)
				return c.err;
			sid = tfv_get(x, "Sid");
			for (j = 0; sid != NULL && j < d.st.n; j++)
				if ((v = tfv_get(d.st.v[j], "Sid")) != NULL &&
				    tfv_equal(v, sid))
					return fail(&c, "%s.sid: duplicate "
					    "Sid (%s): the Sids of a document "
					    "must be unique", p, sid->s);
			vec_add(ev, &d.st, x);
		}
	}
	merge_doc(&c, &m, &d);

	if (others(&c, tfv_get(args, "override_policy_documents"),
	    "override_policy_documents", 0, &m) == -1)
		return c.err;

	*kvs_slot(ev, &top, "Version") = m.version;
	*kvs_slot(ev, &top, "Id") = m.id;
	if (m.st.n > 0)
		*kvs_slot(ev, &top, "Statement") = vec_list(ev, &m.st);
	x = kvs_map(ev, &top);
	if (c.unk.n > 0) {
		res = tfv_unknown_of(ev, c.unk.v, c.unk.n);
		res->json_of = c.lost ? NULL : x;
		return res;
	}
	render(&b, x, 0, L_DOC);
	res = tfv_str(ev, b.buf, b.len);
	res->json_of = x;	/* where its parts were written */
	buf_release(&b);
	return res;
}
