/* SPDX-License-Identifier: ISC */
/* IAM policy documents: a strict JSON reader and offline condition checks. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "policy.h"
#include "xjson.h"

#define POLICY_MAXDEPTH	64	/* deepest nesting a document may have */

/*
 * A condition with this many values or more gets an index (struct
 * pcond_index) when its operator compares literally; the values of
 * an index are told apart by at least PCOND_INDEX_KEY bytes.
 */
#define PCOND_INDEX_MIN	16
#define PCOND_INDEX_KEY	8

/*
 * The values of one StringEquals or StringLike condition (or their
 * negations) by a hash of their first k bytes, k the shortest literal
 * start among them: the bytes before any '*' or '?' of StringLike, the
 * whole value of StringEquals.  A context value can match only values
 * whose first k bytes are its own, so eval_value() tries those and the
 * values in `rest`: unknown ones (NULL, or a policy variable), which it
 * cannot decide, and those whose literal start is shorter than
 * PCOND_INDEX_KEY, too short to be worth a key.  The values left out
 * would all have answered false, which changes no OR.
 */
struct pcond_index {
	size_t		 k;
	size_t		 mask;		/* buckets - 1, a power of two less 1 */
	uint32_t	*head;		/* per bucket: first value + 1, or 0 */
	uint32_t	*next;		/* per value: next in its bucket + 1 */
	uint32_t	*rest;		/* values tried for every context value */
	size_t		 nrest;
};

/* What a parse needs at hand to store results and report errors. */
struct pctx {
	struct arena	*a;
	char		*err;
	size_t		 errlen;
	int		 tree;	/* policy_from_tree(): cJSON_Raw is unknown */
};

static int	 parse_root(struct pctx *, const cJSON *, struct policy **);
static int	 has_nonfinite(const cJSON *);
static int	 too_large(struct pctx *, size_t);
static int	 bad_root(struct pctx *, const cJSON *);

/* Operator base names, matched case-insensitively after the affixes. */
static const struct {
	const char	*name;
	enum cond_base	 base;
} cond_names[] = {
	{ "StringEquals",		COND_STRING_EQUALS },
	{ "StringNotEquals",		COND_STRING_NOT_EQUALS },
	{ "StringEqualsIgnoreCase",	COND_STRING_EQUALS_IC },
	{ "StringNotEqualsIgnoreCase",	COND_STRING_NOT_EQUALS_IC },
	{ "StringLike",			COND_STRING_LIKE },
	{ "StringNotLike",		COND_STRING_NOT_LIKE },
	{ "ArnEquals",			COND_ARN_EQUALS },
	{ "ArnNotEquals",		COND_ARN_NOT_EQUALS },
	{ "ArnLike",			COND_ARN_LIKE },
	{ "ArnNotLike",			COND_ARN_NOT_LIKE },
	{ "Null",			COND_NULL },
	{ "Bool",			COND_BOOL },
};

static int	 seterr(struct pctx *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static int	 too_deep(const cJSON *, int);
static int	 get_strv(struct pctx *, const cJSON *, struct strv *);
static int	 get_condvalue(struct pctx *, const cJSON *, const char **);
static int	 parse_stmt(struct pctx *, const cJSON *, size_t,
		    struct pstmt *);
static int	 parse_effect(struct pctx *, const cJSON *, size_t,
		    struct pstmt *);
static int	 parse_action(struct pctx *, const cJSON *, size_t,
		    struct pstmt *);
static int	 parse_principal(struct pctx *, const cJSON *, size_t,
		    struct pstmt *);
static int	 parse_condition(struct pctx *, const cJSON *, size_t,
		    struct pstmt *);
static int	 parse_condkey(struct pctx *, const cJSON *, size_t,
		    const char *, struct pcond *);
static void	 pcond_index_build(struct arena *, struct pcond *);
static size_t	 pcond_literal(const struct pcond *, const char *);
static size_t	 pcond_hash(const char *, size_t);
static int	 has_star(const struct strv *);
static size_t	 u8len(const char *);
static int	 like(const char *, const char *, int);
static int	 is_negated(enum cond_base);
static int	 arn_like(const char *, const char *);
static enum tri	 match_one(const struct pcond *, const char *, const char *);
static enum tri	 eval_value(const struct pcond *, const char *);
static enum tri	 eval_null(const struct pcond *, int);
static int	 strv_covers(const struct strv *, const struct strv *, int);
static int	 strv_same(const struct strv *, const struct strv *, int);
static int	 pcond_same(const struct pcond *, const struct pcond *);
static int	 conds_cover(const struct pstmt *, const struct pstmt *);
static int	 pstmt_same(const struct pstmt *, const struct pstmt *);
static int	 stmts_cover(const struct policy *, const struct policy *);

/*
 * Write a message into the caller's buffer, truncating safely, and
 * return -1 so that error paths can "return seterr(...)".  Control
 * characters from hostile keys are replaced so that they cannot reach
 * a terminal.
 */
static int
seterr(struct pctx *pc, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	if (pc->err == NULL || pc->errlen == 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(pc->err, pc->errlen, fmt, ap);
	va_end(ap);
	for (p = pc->err; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return -1;
}

/*
 * Is the tree under n nested deeper than POLICY_MAXDEPTH?  cJSON stops
 * at 1000 levels, so this recursion is bounded twice over; it stops
 * descending as soon as the limit is passed.
 */
static int
too_deep(const cJSON *n, int depth)
{
	const cJSON	*c;

	if (depth > POLICY_MAXDEPTH)
		return 1;
	for (c = n->child; c != NULL; c = c->next)
		if (too_deep(c, depth + 1))
			return 1;
	return 0;
}

/*
 * Read a string or an array of strings into *out.  Returns -1 without
 * a message on any other shape; the caller knows the path to name.
 */
static int
get_strv(struct pctx *pc, const cJSON *j, struct strv *out)
{
	const cJSON	*c;
	size_t		 n = 0;

	if (cJSON_IsString(j) || (pc->tree && cJSON_IsRaw(j))) {
		out->v = arena_alloc(pc->a, sizeof(*out->v));
		out->v[0] = cJSON_IsRaw(j) ? NULL :
		    arena_strdup(pc->a, j->valuestring);
		out->n = 1;
		return 0;
	}
	if (!cJSON_IsArray(j))
		return -1;
	for (c = j->child; c != NULL; c = c->next) {
		if (!cJSON_IsString(c) && !(pc->tree && cJSON_IsRaw(c)))
			return -1;
		n++;
	}
	out->v = arena_alloc(pc->a, (n == 0 ? 1 : n) * sizeof(*out->v));
	out->n = 0;
	for (c = j->child; c != NULL; c = c->next)
		out->v[out->n++] = cJSON_IsRaw(c) ? NULL :
		    arena_strdup(pc->a, c->valuestring);
	return 0;
}

/*
 * One scalar condition value as text.  IAM compares the text of numbers
 * and booleans, so render them the way a policy writer would: integers
 * without a fraction, other numbers with the fewest digits that read
 * back the same.
 */
static int
get_condvalue(struct pctx *pc, const cJSON *j, const char **out)
{
	double	 d;
	char	 buf[64];

	if (cJSON_IsString(j))
		*out = arena_strdup(pc->a, j->valuestring);
	else if (pc->tree && cJSON_IsRaw(j))
		*out = NULL;	/* known only after apply */
	else if (cJSON_IsTrue(j))
		*out = arena_strdup(pc->a, "true");
	else if (cJSON_IsFalse(j))
		*out = arena_strdup(pc->a, "false");
	else if (cJSON_IsNumber(j)) {
		d = j->valuedouble;
		/* The range test comes first: it also rejects NaN. */
		if (d > -1e15 && d < 1e15 && (double)(long long)d == d)
			snprintf(buf, sizeof(buf), "%.0f", d);
		else {
			snprintf(buf, sizeof(buf), "%.15g", d);
			if (strtod(buf, NULL) != d)
				snprintf(buf, sizeof(buf), "%.17g", d);
		}
		*out = arena_strdup(pc->a, buf);
	} else
		return -1;
	return 0;
}

/*
 * Parse a policy document.  The cJSON tree is freed before returning
 * whatever the outcome; *out and its contents live in the arena.
 */
int
policy_parse(struct arena *a, const char *text, size_t len,
    struct policy **out, char *err, size_t errlen)
{
	struct pctx	 pc = { a, err, errlen, 0 };
	cJSON		*root;
	const char	*end = NULL;
	size_t		 n;
	int		 rc = -1;

	if (text == NULL)
		return seterr(&pc, "not valid JSON at offset 0");
	if (too_large(&pc, len))
		return -1;
	root = xjson_parse(text, len, &end);
	if (root == NULL) {
		n = end != NULL && end >= text ? (size_t)(end - text) : 0;
		return seterr(&pc, "not valid JSON at offset %zu", n);
	}
	/* cJSON stops after the value; IAM rejects anything but space. */
	for (n = (size_t)(end - text); n < len; n++)
		if (!isspace((unsigned char)text[n]))
			break;
	if (n < len) {
		seterr(&pc, "not valid JSON at offset %zu", n);
		goto out;
	}
	if (bad_root(&pc, root))
		goto out;

	rc = parse_root(&pc, root, out);
out:
	cJSON_Delete(root);
	return rc;
}

/*
 * A policy from a cJSON tree that Terraform sources evaluated, where a
 * cJSON_Raw is a value known only after apply (a NULL string in the
 * policy) and a condition key that is empty or starts with \001 is an
 * unknown key (key NULL).
 */
int
policy_from_tree(struct arena *a, const cJSON *root, struct policy **out,
    char *err, size_t errlen)
{
	struct pctx	 pc = { a, err, errlen, 1 };

	if (bad_root(&pc, root))
		return -1;
	return parse_root(&pc, root, out);
}

/* A document of len bytes: larger than any IAM takes?  Says so. */
static int
too_large(struct pctx *pc, size_t len)
{
	if (len <= POLICY_MAX_SIZE)
		return 0;
	seterr(pc, "larger than %d KiB, far more than IAM accepts",
	    POLICY_MAX_SIZE / 1024);
	return 1;
}

/* Is the top of a document no object, or is it too deep?  Says so. */
static int
bad_root(struct pctx *pc, const cJSON *root)
{
	if (!cJSON_IsObject(root))
		seterr(pc, "top level is not a JSON object");
	else if (too_deep(root, 1))
		seterr(pc, "nested deeper than %d levels", POLICY_MAXDEPTH);
	else
		return 0;
	return 1;
}

/* Does the tree hold a number that cJSON prints as null? */
static int
has_nonfinite(const cJSON *n)
{
	const cJSON	*c;

	if (cJSON_IsNumber(n) && !isfinite(n->valuedouble))
		return 1;
	for (c = n->child; c != NULL; c = c->next)
		if (has_nonfinite(c))
			return 1;
	return 0;
}

int
policy_from_json(struct arena *a, const cJSON *doc, size_t len,
    struct policy **out, char *err, size_t errlen)
{
	struct pctx	 pc = { a, err, errlen, 0 };
	char		*text;
	int		 rc;

	/* Bounded by POLICY_MAXDEPTH before has_nonfinite() recurses. */
	if (too_large(&pc, len) || bad_root(&pc, doc))
		return -1;
	/*
	 * An overflowing number (1e999) is printed as null and read
	 * back so: take the way round the text for it.
	 */
	if (has_nonfinite(doc)) {
		if ((text = cJSON_PrintUnformatted(doc)) == NULL)
			return seterr(&pc, "out of memory");
		rc = policy_parse(a, text, strlen(text), out, err, errlen);
		cJSON_free(text);
		return rc;
	}
	return parse_root(&pc, doc, out);
}

/* The document's Version and Statement. */
static int
parse_root(struct pctx *pcp, const cJSON *root, struct policy **out)
{
	struct pctx	 pc = *pcp;
	struct arena	*a = pc.a;
	struct policy	*p;
	const cJSON	*j, *c;
	size_t		 i, n;

	p = arena_alloc(a, sizeof(*p));
	j = cJSON_GetObjectItemCaseSensitive(root, "Version");
	if (j != NULL && !cJSON_IsString(j)) {
		seterr(&pc, "Version: expected a string");
		return -1;
	}
	if (j != NULL)
		p->version = arena_strdup(a, j->valuestring);

	j = cJSON_GetObjectItemCaseSensitive(root, "Statement");
	if (j == NULL) {
		seterr(&pc, "missing \"Statement\"");
		return -1;
	}
	if (cJSON_IsObject(j)) {
		p->st = arena_alloc(a, sizeof(*p->st));
		p->n = 1;
		if (parse_stmt(&pc, j, 0, &p->st[0]) == -1)
			return -1;
	} else if (cJSON_IsArray(j)) {
		for (n = 0, c = j->child; c != NULL; c = c->next)
			n++;
		p->st = arena_alloc(a, (n == 0 ? 1 : n) * sizeof(*p->st));
		p->n = n;
		for (i = 0, c = j->child; c != NULL; c = c->next, i++)
			if (parse_stmt(&pc, c, i, &p->st[i]) == -1)
				return -1;
	} else {
		seterr(&pc, "Statement: expected an object or an array");
		return -1;
	}
	*out = p;
	return 0;
}

/* Parse Statement[i] from j into st; unknown keys are ignored. */
static int
parse_stmt(struct pctx *pc, const cJSON *j, size_t i, struct pstmt *st)
{
	const cJSON	*c;

	if (!cJSON_IsObject(j))
		return seterr(pc, "Statement[%zu]: expected an object", i);
	st->index = i;
	c = cJSON_GetObjectItemCaseSensitive(j, "Sid");
	if (c != NULL && !cJSON_IsString(c))
		return seterr(pc, "Statement[%zu].Sid: expected a string", i);
	if (c != NULL)
		st->sid = arena_strdup(pc->a, c->valuestring);
	if (parse_effect(pc, j, i, st) == -1 ||
	    parse_action(pc, j, i, st) == -1 ||
	    parse_principal(pc, j, i, st) == -1 ||
	    parse_condition(pc, j, i, st) == -1)
		return -1;
	st->has_not_principal =
	    cJSON_GetObjectItemCaseSensitive(j, "NotPrincipal") != NULL;
	st->has_resource =
	    cJSON_GetObjectItemCaseSensitive(j, "Resource") != NULL ||
	    cJSON_GetObjectItemCaseSensitive(j, "NotResource") != NULL;
	return 0;
}

/* IAM accepts exactly "Allow" or "Deny"; "allow" is a common slip. */
static int
parse_effect(struct pctx *pc, const cJSON *j, size_t i, struct pstmt *st)
{
	const cJSON	*c;

	c = cJSON_GetObjectItemCaseSensitive(j, "Effect");
	if (c == NULL)
		return seterr(pc, "Statement[%zu]: missing \"Effect\"", i);
	if (!cJSON_IsString(c))
		return seterr(pc, "Statement[%zu].Effect: expected \"Allow\" "
		    "or \"Deny\"", i);
	if (strcmp(c->valuestring, "Allow") == 0)
		st->allow = 1;
	else if (strcmp(c->valuestring, "Deny") == 0)
		st->deny = 1;
	else
		return seterr(pc, "Statement[%zu].Effect: '%.64s' is not "
		    "\"Allow\" or \"Deny\"", i, c->valuestring);
	return 0;
}

static int
parse_action(struct pctx *pc, const cJSON *j, size_t i, struct pstmt *st)
{
	const cJSON	*act, *nact;

	act = cJSON_GetObjectItemCaseSensitive(j, "Action");
	nact = cJSON_GetObjectItemCaseSensitive(j, "NotAction");
	if (act != NULL && nact != NULL)
		return seterr(pc, "Statement[%zu]: both \"Action\" and "
		    "\"NotAction\"", i);
	if (act == NULL && nact == NULL)
		return 0;
	st->not_action = nact != NULL;
	if (get_strv(pc, act != NULL ? act : nact, &st->actions) == -1)
		return seterr(pc, "Statement[%zu].%s: expected a string or "
		    "an array of strings", i, act != NULL ? "Action" :
		    "NotAction");
	return 0;
}

static int
has_star(const struct strv *sv)
{
	size_t	 i;

	for (i = 0; i < sv->n; i++)
		if (sv->v[i] != NULL && strcmp(sv->v[i], "*") == 0)
			return 1;
	return 0;
}

/*
 * Principal is "*" or an object of principal types, each a string or an
 * array of strings.  Types other than AWS, Federated and Service (such
 * as CanonicalUser) are checked for shape but not kept.
 */
static int
parse_principal(struct pctx *pc, const cJSON *j, size_t i, struct pstmt *st)
{
	const cJSON	*p, *c;
	struct strv	 sv, *dst;

	p = cJSON_GetObjectItemCaseSensitive(j, "Principal");
	if (p == NULL)
		return 0;
	if (cJSON_IsString(p) && strcmp(p->valuestring, "*") == 0) {
		st->principal_star = 1;
		return 0;
	}
	if (pc->tree && cJSON_IsRaw(p)) {
		/* Some principal, known only after apply. */
		st->federated.v = arena_alloc(pc->a, sizeof(*st->federated.v));
		st->federated.n = 1;
		return 0;
	}
	if (!cJSON_IsObject(p))
		return seterr(pc, "Statement[%zu].Principal: expected an "
		    "object or \"*\"", i);
	for (c = p->child; c != NULL; c = c->next) {
		if (get_strv(pc, c, &sv) == -1)
			return seterr(pc, "Statement[%zu].Principal.%.64s: "
			    "expected a string or an array of strings", i,
			    c->string);
		if (strcmp(c->string, "AWS") == 0) {
			dst = &st->aws;
			if (has_star(&sv))
				st->principal_star = 1;
		} else if (strcmp(c->string, "Federated") == 0) {
			dst = &st->federated;
			if (pc->tree)
				st->origin = (unsigned int)(cJSON_IsArray(c) &&
				    c->child != NULL ? c->child->valueint :
				    c->valueint);
		} else if (strcmp(c->string, "Service") == 0)
			dst = &st->service;
		else
			continue;
		/* A repeated key is legal JSON; keep the last, as IAM. */
		*dst = sv;
	}
	return 0;
}

/*
 * Split an operator into prefix, base and suffix.  Affixes and base are
 * matched case-insensitively; an unknown base is COND_OTHER, which the
 * evaluator reports as unknown rather than guessing.
 */
/* Set op, base and flags of a condition from an operator name. */
void
pcond_set_op(struct pcond *pc, const char *op)
{
	size_t	 len, i;

	pc->op = op;
	pc->flags = 0;
	pc->base = COND_OTHER;
	if (strncasecmp(op, "ForAnyValue:", 12) == 0) {
		pc->flags |= COND_FORANY;
		op += 12;
	} else if (strncasecmp(op, "ForAllValues:", 13) == 0) {
		pc->flags |= COND_FORALL;
		op += 13;
	}
	len = strlen(op);
	if (len > 8 && strcasecmp(op + len - 8, "IfExists") == 0) {
		pc->flags |= COND_IFEXISTS;
		len -= 8;
	}
	for (i = 0; i < sizeof(cond_names) / sizeof(cond_names[0]); i++) {
		if (strlen(cond_names[i].name) == len &&
		    strncasecmp(cond_names[i].name, op, len) == 0) {
			pc->base = cond_names[i].base;
			break;
		}
	}
}

/* One "key": value(s) pair under an operator into *out. */
static int
parse_condkey(struct pctx *pc, const cJSON *k, size_t i, const char *op,
    struct pcond *out)
{
	const cJSON	*c;
	const char	*end;
	size_t		 n = 0;

	pcond_set_op(out, op);
	out->key = pc->tree && (k->string[0] == '\0' ||
	    k->string[0] == '\001') ? NULL : arena_strdup(pc->a, k->string);
	/* "\001N\001:sub": unknown, but it ends in ":sub". */
	if (out->key == NULL && k->string[0] == '\001' &&
	    (end = strchr(k->string + 1, '\001')) != NULL && end[1] != '\0')
		out->key_end = arena_strdup(pc->a, end + 1);
	if (pc->tree)
		out->origin = (unsigned int)(cJSON_IsArray(k) ?
		    (k->child != NULL ? k->child->valueint : 0) : k->valueint);
	if (!cJSON_IsArray(k)) {
		out->values.v = arena_alloc(pc->a, sizeof(*out->values.v));
		out->values.n = 1;
		if (get_condvalue(pc, k, &out->values.v[0]) == -1)
			goto bad;
		return 0;
	}
	for (c = k->child; c != NULL; c = c->next)
		n++;
	out->values.v = arena_alloc(pc->a,
	    (n == 0 ? 1 : n) * sizeof(*out->values.v));
	for (c = k->child; c != NULL; c = c->next)
		if (get_condvalue(pc, c,
		    &out->values.v[out->values.n++]) == -1)
			goto bad;
	pcond_index_build(pc->a, out);
	return 0;
bad:
	return seterr(pc, "Statement[%zu].Condition.%.64s.%.128s: expected a "
	    "string, number, boolean or an array of those", i, op, k->string);
}

/*
 * How many bytes at the start of value v a context value must equal
 * for c to match it; (size_t)-1 when that cannot be said: v unknown,
 * or a policy variable, whose match eval_value() cannot decide.
 */
static size_t
pcond_literal(const struct pcond *c, const char *v)
{
	if (v == NULL || strstr(v, "${") != NULL)
		return (size_t)-1;
	if (c->base == COND_STRING_LIKE || c->base == COND_STRING_NOT_LIKE)
		return strcspn(v, "*?");
	return strlen(v);
}

/* FNV-1a of the first n bytes of s. */
static size_t
pcond_hash(const char *s, size_t n)
{
	uint64_t	 h = 14695981039346656037ULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ (h >> 32));
}

/* Index the values of c when there are many and they compare literally. */
static void
pcond_index_build(struct arena *a, struct pcond *c)
{
	struct pcond_index	*x;
	size_t			 i, n = c->values.n, k = (size_t)-1, lit, h;

	if (n < PCOND_INDEX_MIN || n >= UINT32_MAX / 2)
		return;
	switch (c->base) {
	case COND_STRING_EQUALS:
	case COND_STRING_NOT_EQUALS:
	case COND_STRING_LIKE:
	case COND_STRING_NOT_LIKE:
		break;
	default:
		return;
	}
	for (i = 0; i < n; i++) {
		lit = pcond_literal(c, c->values.v[i]);
		if (lit != (size_t)-1 && lit >= PCOND_INDEX_KEY && lit < k)
			k = lit;
	}
	if (k == (size_t)-1)
		return;
	x = arena_alloc(a, sizeof(*x));
	x->k = k;
	for (x->mask = 1; x->mask < 2 * n; x->mask <<= 1)
		continue;
	x->head = arena_alloc(a, x->mask * sizeof(*x->head));
	x->mask--;
	x->next = arena_alloc(a, n * sizeof(*x->next));
	x->rest = arena_alloc(a, n * sizeof(*x->rest));
	/* Backwards, so that each bucket lists its values in order. */
	for (i = n; i-- > 0;) {
		lit = pcond_literal(c, c->values.v[i]);
		if (lit == (size_t)-1 || lit < k) {
			x->rest[x->nrest++] = (uint32_t)i;
			continue;
		}
		h = pcond_hash(c->values.v[i], k) & x->mask;
		x->next[i] = x->head[h];
		x->head[h] = (uint32_t)(i + 1);
	}
	c->index = x;
}

/* Condition is an object of operators, each an object of keys. */
static int
parse_condition(struct pctx *pc, const cJSON *j, size_t i, struct pstmt *st)
{
	const cJSON	*c, *op, *k;
	size_t		 n = 0;

	c = cJSON_GetObjectItemCaseSensitive(j, "Condition");
	if (c == NULL)
		return 0;
	if (!cJSON_IsObject(c))
		return seterr(pc, "Statement[%zu].Condition: expected an "
		    "object", i);
	for (op = c->child; op != NULL; op = op->next) {
		if (!cJSON_IsObject(op))
			return seterr(pc, "Statement[%zu].Condition.%.64s: "
			    "expected an object", i, op->string);
		for (k = op->child; k != NULL; k = k->next)
			n++;
	}
	st->conds = arena_alloc(pc->a, (n == 0 ? 1 : n) * sizeof(*st->conds));
	for (op = c->child; op != NULL; op = op->next) {
		for (k = op->child; k != NULL; k = k->next) {
			if (parse_condkey(pc, k, i,
			    arena_strdup(pc->a, op->string),
			    &st->conds[st->nconds]) == -1)
				return -1;
			st->nconds++;
		}
	}
	return 0;
}

/*
 * Bytes in the UTF-8 character at s, so that '?' matches a character
 * as IAM documents, not a byte.  Malformed input counts byte by byte.
 */
static size_t
u8len(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 1;

	if (u[0] < 0xc0)
		return 1;
	while (n < 4 && (u[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/*
 * Wildcard match without recursion.  On a mismatch only the most recent
 * '*' is retried, one character further along s: an earlier star can
 * never do better, because the later one already absorbs any run.  So
 * each (pattern, subject) position pair is visited at most once per
 * star, O(len(p) * len(s)) in the worst case, where naive backtracking
 * is exponential in the number of stars.
 */
static int
like(const char *p, const char *s, int icase)
{
	const char	*star = NULL, *ss = NULL;
	unsigned char	 pc, sc;
	size_t		 n;

	/*
	 * The pattern's literal start, before any star can be retried,
	 * compared at once: what the loop below does a byte at a time.
	 */
	n = strcspn(p, "*?");
	if ((icase ? strncasecmp(p, s, n) : strncmp(p, s, n)) != 0)
		return 0;
	p += n;
	s += n;
	while (*s != '\0') {
		if (*p == '*') {
			star = p++;
			ss = s;
			continue;
		}
		if (*p == '?') {
			p++;
			s += u8len(s);
			continue;
		}
		pc = (unsigned char)*p;
		sc = (unsigned char)*s;
		if (icase) {
			pc = (unsigned char)tolower(pc);
			sc = (unsigned char)tolower(sc);
		}
		if (pc != '\0' && pc == sc) {
			p++;
			s++;
			continue;
		}
		if (star == NULL)
			return 0;
		p = star + 1;
		ss += u8len(ss);
		s = ss;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

int
str_like(const char *pattern, const char *s)
{
	return like(pattern, s, 0);
}

int
str_like_icase(const char *pattern, const char *s)
{
	return like(pattern, s, 1);
}

int
pstmt_action_matches(const struct pstmt *st, const char *action)
{
	size_t	 i;

	for (i = 0; i < st->actions.n; i++)
		if (st->actions.v[i] != NULL &&
		    str_like_icase(st->actions.v[i], action))
			return !st->not_action;
	return st->not_action;
}

static int
is_negated(enum cond_base b)
{
	return b == COND_STRING_NOT_EQUALS || b == COND_STRING_NOT_EQUALS_IC ||
	    b == COND_STRING_NOT_LIKE || b == COND_ARN_NOT_EQUALS ||
	    b == COND_ARN_NOT_LIKE;
}

enum tri
tri_or(enum tri a, enum tri b)
{
	if (a == TRI_TRUE || b == TRI_TRUE)
		return TRI_TRUE;
	if (a == TRI_UNKNOWN || b == TRI_UNKNOWN)
		return TRI_UNKNOWN;
	return TRI_FALSE;
}

enum tri
tri_and(enum tri a, enum tri b)
{
	if (a == TRI_FALSE || b == TRI_FALSE)
		return TRI_FALSE;
	if (a == TRI_UNKNOWN || b == TRI_UNKNOWN)
		return TRI_UNKNOWN;
	return TRI_TRUE;
}

enum tri
tri_not(enum tri a)
{
	if (a == TRI_UNKNOWN)
		return TRI_UNKNOWN;
	return a == TRI_TRUE ? TRI_FALSE : TRI_TRUE;
}

/*
 * Does condition value cv match context value v, before negation?  A
 * policy variable would be substituted from the request, which we do
 * not have, so it cannot be decided.
 */
static enum tri
match_one(const struct pcond *c, const char *cv, const char *v)
{
	int	 m;

	/* A value unknown until apply, or a policy variable. */
	if (cv == NULL || strstr(cv, "${") != NULL)
		return TRI_UNKNOWN;
	switch (c->base) {
	case COND_STRING_EQUALS:
	case COND_STRING_NOT_EQUALS:
		m = strcmp(cv, v) == 0;
		break;
	case COND_STRING_EQUALS_IC:
	case COND_STRING_NOT_EQUALS_IC:
	case COND_BOOL:
		m = strcasecmp(cv, v) == 0;
		break;
	case COND_STRING_LIKE:
	case COND_STRING_NOT_LIKE:
		m = str_like(cv, v);
		break;
	case COND_ARN_EQUALS:
	case COND_ARN_NOT_EQUALS:
	case COND_ARN_LIKE:
	case COND_ARN_NOT_LIKE:
		/*
		 * What a negated ARN operator answers for a value that is
		 * not an ARN is documented nowhere (evaluators differ):
		 * say so rather than guess.
		 */
		if (strncmp(v, "arn:", 4) != 0)
			return is_negated(c->base) ? TRI_UNKNOWN : TRI_FALSE;
		m = arn_like(cv, v);
		break;
	default:
		return TRI_UNKNOWN;
	}
	return m ? TRI_TRUE : TRI_FALSE;
}

/*
 * ArnEquals and ArnLike: both sides split at the first five colons
 * into arn, partition, service, region, account and resource, each
 * part matched on its own with '*' and '?' (the IAM reference,
 * reference_policies_elements_condition_operators.html#Conditions_ARN,
 * "each of the six colon-delimited components ... is checked
 * separately").  A context value that is not an ARN, such as a
 * subject or an audience, matches nothing.
 */
static int
arn_like(const char *pat, const char *v)
{
	const char	*pe, *ve;
	char		 pp[1024], vp[1024];
	int		 part;

	if (strncmp(v, "arn:", 4) != 0)
		return 0;
	for (part = 0; part < 6; part++) {
		pe = part < 5 ? strchr(pat, ':') : pat + strlen(pat);
		ve = part < 5 ? strchr(v, ':') : v + strlen(v);
		if (pe == NULL || ve == NULL ||
		    (size_t)(pe - pat) >= sizeof(pp) ||
		    (size_t)(ve - v) >= sizeof(vp))
			return 0;
		memcpy(pp, pat, (size_t)(pe - pat));
		pp[pe - pat] = '\0';
		memcpy(vp, v, (size_t)(ve - v));
		vp[ve - v] = '\0';
		if (!str_like(pp, vp))
			return 0;
		if (part < 5) {
			pat = pe + 1;
			v = ve + 1;
		}
	}
	return 1;
}

/*
 * One context value against all condition values: OR, or NOR.  The OR
 * is true as soon as one value matches; with an index, only the values
 * that can match are tried.
 */
static enum tri
eval_value(const struct pcond *c, const char *v)
{
	const struct pcond_index *x = c->index;
	enum tri	 r = TRI_FALSE;
	size_t		 i;
	uint32_t	 j;

	if (x == NULL) {
		for (i = 0; i < c->values.n && r != TRI_TRUE; i++)
			r = tri_or(r, match_one(c, c->values.v[i], v));
		return is_negated(c->base) ? tri_not(r) : r;
	}
	for (i = 0; i < x->nrest && r != TRI_TRUE; i++)
		r = tri_or(r, match_one(c, c->values.v[x->rest[i]], v));
	if (r != TRI_TRUE && strnlen(v, x->k) == x->k)
		for (j = x->head[pcond_hash(v, x->k) & x->mask];
		    j != 0 && r != TRI_TRUE; j = x->next[j - 1])
			r = tri_or(r, match_one(c, c->values.v[j - 1], v));
	return is_negated(c->base) ? tri_not(r) : r;
}

/*
 * Null asks whether the key is absent: "true" holds when it is, "false"
 * when it is present.  Values are OR'ed like any operator's.
 */
static enum tri
eval_null(const struct pcond *c, int present)
{
	enum tri	 r = TRI_FALSE, t;
	size_t		 i;
	const char	*v;

	for (i = 0; i < c->values.n; i++) {
		v = c->values.v[i];
		if (strstr(v, "${") != NULL)
			t = TRI_UNKNOWN;
		else if (strcasecmp(v, "true") == 0)
			t = present ? TRI_FALSE : TRI_TRUE;
		else if (strcasecmp(v, "false") == 0)
			t = present ? TRI_TRUE : TRI_FALSE;
		else
			t = TRI_UNKNOWN;
		r = tri_or(r, t);
	}
	return r;
}

/*
 * Evaluate a condition against ctx as IAM would.  A key listed several
 * times in ctx is multi-valued: without a set prefix or with
 * ForAnyValue any value may satisfy the condition, with ForAllValues
 * every one must.
 */
enum tri
pcond_eval(const struct pcond *c, const struct req_ctx *ctx)
{
	enum tri	 r = TRI_FALSE, t;
	size_t		 i, nv = 0;
	int		 all = (c->flags & COND_FORALL) != 0;

	if (c->key == NULL)
		return TRI_UNKNOWN;
	if (all)
		r = TRI_TRUE;
	for (i = 0; ctx != NULL && i < ctx->n; i++) {
		if (ctx->kv[i].key == NULL || ctx->kv[i].value == NULL ||
		    strcasecmp(ctx->kv[i].key, c->key) != 0)
			continue;
		nv++;
		if (c->base == COND_NULL || c->base == COND_OTHER)
			continue;
		t = eval_value(c, ctx->kv[i].value);
		r = all ? tri_and(r, t) : tri_or(r, t);
	}
	if (c->base == COND_NULL)
		return eval_null(c, nv > 0);
	if (nv > 0)
		return c->base == COND_OTHER ? TRI_UNKNOWN : r;
	/*
	 * The key is absent from the request.  ForAnyValue then is false
	 * whatever the operator, negated or IfExists: it asks for at least
	 * one value, and there is none (the IAM reference, "single-valued
	 * vs. multivalued context keys": "If the key in your request is
	 * missing ... the condition returns false"; AWS re:Post
	 * QU9HFmDzP0QGuU-fd7rS6B7w shows ForAnyValue:StringEqualsIfExists
	 * denying when the key is absent).  ForAllValues, IfExists and
	 * the negated operators are true.
	 */
	if ((c->flags & COND_FORANY) != 0)
		return TRI_FALSE;
	if ((c->flags & (COND_IFEXISTS | COND_FORALL)) != 0 ||
	    is_negated(c->base))
		return TRI_TRUE;
	return c->base == COND_OTHER ? TRI_UNKNOWN : TRI_FALSE;
}

/* ---- Comparing two policies ---- */

/*
 * Has every string of a an equal in b?  A string unknown until apply
 * (NULL) equals only another such.
 */
static int
strv_covers(const struct strv *a, const struct strv *b, int icase)
{
	size_t	 i, j;

	for (i = 0; i < a->n; i++) {
		for (j = 0; j < b->n; j++)
			if (a->v[i] == NULL ? b->v[j] == NULL :
			    b->v[j] != NULL && (icase ?
			    strcasecmp(a->v[i], b->v[j]) :
			    strcmp(a->v[i], b->v[j])) == 0)
				break;
		if (j == b->n)
			return 0;
	}
	return 1;
}

/* The same strings, in whatever order and however often: IAM's sets. */
static int
strv_same(const struct strv *a, const struct strv *b, int icase)
{
	return strv_covers(a, b, icase) && strv_covers(b, a, icase);
}

/* Operators and keys are read regardless of case; values are not. */
static int
pcond_same(const struct pcond *a, const struct pcond *b)
{
	if (strcasecmp(a->op, b->op) != 0 || (a->key == NULL) !=
	    (b->key == NULL) || (a->key != NULL &&
	    strcasecmp(a->key, b->key) != 0))
		return 0;
	return strv_same(&a->values, &b->values, 0);
}

/* Has every condition of a an equal in b? */
static int
conds_cover(const struct pstmt *a, const struct pstmt *b)
{
	size_t	 i, j;

	for (i = 0; i < a->nconds; i++) {
		for (j = 0; j < b->nconds; j++)
			if (pcond_same(&a->conds[i], &b->conds[j]))
				break;
		if (j == b->nconds)
			return 0;
	}
	return 1;
}

static int
pstmt_same(const struct pstmt *a, const struct pstmt *b)
{
	return a->allow == b->allow && a->deny == b->deny &&
	    a->not_action == b->not_action &&
	    a->principal_star == b->principal_star &&
	    a->has_not_principal == b->has_not_principal &&
	    a->has_resource == b->has_resource &&
	    strv_same(&a->actions, &b->actions, 1) &&
	    strv_same(&a->federated, &b->federated, 0) &&
	    strv_same(&a->service, &b->service, 0) &&
	    strv_same(&a->aws, &b->aws, 0) &&
	    conds_cover(a, b) && conds_cover(b, a);
}

/* Has every statement of a an equal in b? */
static int
stmts_cover(const struct policy *a, const struct policy *b)
{
	size_t	 i, j;

	for (i = 0; i < a->n; i++) {
		for (j = 0; j < b->n; j++)
			if (pstmt_same(&a->st[i], &b->st[j]))
				break;
		if (j == b->n)
			return 0;
	}
	return 1;
}

int
policy_same(const struct policy *a, const struct policy *b)
{
	if ((a->version == NULL) != (b->version == NULL) ||
	    (a->version != NULL && strcmp(a->version, b->version) != 0))
		return 0;
	return stmts_cover(a, b) && stmts_cover(b, a);
}
