/* SPDX-License-Identifier: ISC */
/*
 * Values of the Terraform sources evaluator: making them, comparing
 * them, Terraform's automatic conversions, jsonencode and jsondecode,
 * and the plan-shaped cJSON the Terraform JSON loader reads.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "xalloc.h"

#include "tf_src.h"
#include "xjson.h"

static struct tfv	*mk(struct tf_ev *, enum tfv_kind);
static int		 cmp_key(const void *, const void *);
static struct tfv	*from_cjson(struct tf_ev *, const cJSON *, int);
static cJSON		*to_cjson(const struct tfv *, cJSON **, int,
			    struct tfv_places *);

static struct tfv *
mk(struct tf_ev *ev, enum tfv_kind kind)
{
	struct tfv	*v;

	tf_spend(ev, 1);
	v = arena_alloc(ev->arena, sizeof(*v));
	v->kind = kind;
	return v;
}

int
tf_spend(struct tf_ev *ev, unsigned long n)
{
	ev->work += n;
	if (ev->work > TF_MAX_WORK + ev->extra_work)
		ev->over = 1;
	else if (ev->arena != NULL && ev->arena->total - ev->mem_base >
	    TF_MAX_MEMORY + ev->extra_memory)
		ev->over = ev->over_memory = 1;
	return ev->over;
}

struct tfv *
tf_error(struct tf_ev *ev, const struct tf_at *at, const char *fmt, ...)
{
	struct tfv	*v;
	struct loc	 loc;
	va_list		 ap;
	char		*msg;

	va_start(ap, fmt);
	msg = arena_vprintf(ev->arena, fmt, ap);
	va_end(ap);
	memset(&loc, 0, sizeof(loc));
	if (at != NULL && at->file != NULL)
		hcl_loc(at->file, &at->range, &loc);
	else
		loc.file = "(terraform)";
	/* try() and can() turn an error into a value: nothing to say. */
	if (ev->quiet == 0)
		diag_error(ev->dg, &loc, "%s", msg);
	v = mk(ev, TFV_UNKNOWN);
	v->flags = TFV_ERROR;
	v->why = msg;
	v->at = at;
	return v;
}

struct tfv *
tfv_null(struct tf_ev *ev)
{
	return mk(ev, TFV_NULL);
}

struct tfv *
tfv_bool(struct tf_ev *ev, int b)
{
	struct tfv	*v = mk(ev, TFV_BOOL);

	v->b = b != 0;
	return v;
}

struct tfv *
tfv_num(struct tf_ev *ev, double n)
{
	struct tfv	*v = mk(ev, TFV_NUMBER);

	v->num = n;
	return v;
}

struct tfv *
tfv_str(struct tf_ev *ev, const char *s, size_t len)
{
	struct tfv	*v = mk(ev, TFV_STRING);

	tf_spend(ev, len / 64);
	v->s = arena_strndup(ev->arena, s, len);
	v->len = len;
	return v;
}

struct tfv *
tfv_strz(struct tf_ev *ev, const char *s)
{
	return tfv_str(ev, s, strlen(s));
}

struct tfv *
tfv_list(struct tf_ev *ev, size_t n, unsigned int flags)
{
	struct tfv	*v = mk(ev, TFV_LIST);

	tf_spend(ev, n);
	v->flags = flags;
	v->v = arena_alloc(ev->arena, (n + 1) * sizeof(*v->v));
	v->n = n;
	return v;
}

struct kv {
	const char	*k;
	struct tfv	*v;
	size_t		 i;	/* given order, so the last one wins */
};

static int
cmp_key(const void *a, const void *b)
{
	const struct kv	*x = a, *y = b;
	int		 c;

	if ((c = strcmp(x->k, y->k)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

struct tfv *
tfv_map(struct tf_ev *ev, const char **k, struct tfv **vals, size_t n)
{
	struct tfv	*v = mk(ev, TFV_MAP);
	struct kv	*kv;
	size_t		 i, j;

	tf_spend(ev, n);
	v->k = arena_alloc(ev->arena, (n + 1) * sizeof(*v->k));
	v->v = arena_alloc(ev->arena, (n + 1) * sizeof(*v->v));
	if (n == 0)
		return v;
	kv = xreallocarray(NULL, n, sizeof(*kv));
	for (i = 0; i < n; i++) {
		kv[i].k = k[i];
		kv[i].v = vals[i];
		kv[i].i = i;
	}
	qsort(kv, n, sizeof(*kv), cmp_key);
	for (i = 0, j = 0; i < n; i++) {
		if (i + 1 < n && strcmp(kv[i].k, kv[i + 1].k) == 0)
			continue;
		v->k[j] = kv[i].k;
		v->v[j] = kv[i].v;
		j++;
	}
	v->n = j;
	free(kv);
	return v;
}

static int
cmp_val(const void *a, const void *b)
{
	return tfv_cmp(*(struct tfv *const *)a, *(struct tfv *const *)b);
}

struct tfv *
tfv_set(struct tf_ev *ev, const struct tfv *l)
{
	struct tfv	*v;
	size_t		 i, j;

	v = tfv_list(ev, l->n, TFV_SET);
	if (l->n == 0)
		return v;
	memcpy(v->v, l->v, l->n * sizeof(*v->v));
	qsort(v->v, l->n, sizeof(*v->v), cmp_val);
	for (i = 1, j = 1; i < l->n; i++)
		if (!tfv_equal(v->v[i], v->v[j - 1]))
			v->v[j++] = v->v[i];
	v->n = j;
	return v;
}

struct tfv *
tfv_unknown(struct tf_ev *ev, const char *why, const struct tf_at *at)
{
	struct tfv	*v = mk(ev, TFV_UNKNOWN);

	v->why = why != NULL ? why : "a value known only after apply";
	v->at = at;
	return v;
}

struct tfv *
tfv_unknown_of(struct tf_ev *ev, struct tfv *const *vals, size_t n)
{
	const struct tfv	*u, *first = NULL;
	struct buf		 b = BUF_INIT;
	struct tfv		*v;
	size_t			 i;
	int			 error = 0;

	for (i = 0; i < n; i++) {
		if ((u = tfv_first_unknown(vals[i])) == NULL)
			continue;
		if (u->flags & TFV_ERROR)
			error = 1;
		if (first == NULL)
			first = u;
		/* Each reason once, and not a long list. */
		if (b.len > 0 && (strstr(b.buf, u->why) != NULL ||
		    b.len > 200))
			continue;
		buf_addf(&b, "%s%s", b.len > 0 ? ", " : "", u->why);
	}
	v = tfv_unknown(ev, b.len > 0 ? arena_strdup(ev->arena, b.buf) :
	    NULL, first != NULL ? first->at : NULL);
	if (error)
		v->flags |= TFV_ERROR;
	buf_release(&b);
	return v;
}

struct tfv *
tfv_get(const struct tfv *m, const char *key)
{
	size_t	 lo = 0, hi, mid;
	int	 c;

	if (m == NULL || m->kind != TFV_MAP)
		return NULL;
	hi = m->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(key, m->k[mid])) == 0)
			return m->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct tfv *
tfv_first_unknown(const struct tfv *v)
{
	struct tfv		*w = (struct tfv *)v;	/* the cache only */
	const struct tfv	*u = NULL;
	size_t			 i;

	if (v == NULL)
		return NULL;
	if (v->kind == TFV_UNKNOWN)
		return v;
	if (v->kind != TFV_LIST && v->kind != TFV_MAP)
		return NULL;
	if (v->unk_done)
		return v->unk;
	for (i = 0; i < v->n && u == NULL; i++)
		u = tfv_first_unknown(v->v[i]);
	w->unk = u;
	w->unk_done = 1;
	return u;
}

size_t
tfv_size(const struct tfv *v)
{
	struct tfv	*w = (struct tfv *)v;	/* the cache only */
	size_t		 n = 1, i, c;

	if (v->size != 0)
		return v->size;
	/* A string counts by its length too: jsonencode() writes it. */
	if (v->kind == TFV_STRING)
		n += v->len / 16;
	if (v->kind == TFV_LIST || v->kind == TFV_MAP)
		for (i = 0; i < v->n; i++) {
			c = tfv_size(v->v[i]);
			n = c > SIZE_MAX - n ? SIZE_MAX : n + c;
		}
	w->size = n;
	return n;
}

int
tfv_known(const struct tfv *v)
{
	return tfv_first_unknown(v) == NULL;
}

int
tfv_cmp(const struct tfv *a, const struct tfv *b)
{
	size_t	 i;
	int	 c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	switch (a->kind) {
	case TFV_NULL:
	case TFV_UNKNOWN:
		return 0;
	case TFV_BOOL:
		return a->b - b->b;
	case TFV_NUMBER:
		return a->num < b->num ? -1 : a->num > b->num;
	case TFV_STRING:
		c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
		if (c != 0)
			return c;
		return a->len < b->len ? -1 : a->len > b->len;
	case TFV_LIST:
	case TFV_MAP:
		for (i = 0; i < a->n && i < b->n; i++) {
			if (a->kind == TFV_MAP &&
			    (c = strcmp(a->k[i], b->k[i])) != 0)
				return c;
			if ((c = tfv_cmp(a->v[i], b->v[i])) != 0)
				return c;
		}
		return a->n < b->n ? -1 : a->n > b->n;
	}
	return 0;
}

int
tfv_equal(const struct tfv *a, const struct tfv *b)
{
	if (a->kind == TFV_UNKNOWN || b->kind == TFV_UNKNOWN)
		return 0;
	return tfv_cmp(a, b) == 0;
}

const char *
tfv_kind_name(const struct tfv *v)
{
	switch (v->kind) {
	case TFV_NULL:
		return "null";
	case TFV_BOOL:
		return "bool";
	case TFV_NUMBER:
		return "number";
	case TFV_STRING:
		return "string";
	case TFV_LIST:
		return v->flags & TFV_SET ? "set" : "list";
	case TFV_MAP:
		return "map";
	case TFV_UNKNOWN:
		break;
	}
	return "unknown";
}

/* A number written out without an exponent, trailing zeros dropped. */
static void
trim_fixed(char *buf, size_t size, double d)
{
	char	*p;

	snprintf(buf, size, "%.20f", d);
	if (strchr(buf, '.') == NULL)
		return;
	for (p = buf + strlen(buf) - 1; *p == '0'; p--)
		*p = '\0';
	if (*p == '.')
		*p = '\0';
}

const char *
tfv_num_text(struct tf_ev *ev, double d)
{
	char	 buf[400];

	if (isnan(d))
		return "NaN";
	if (isinf(d))
		return d > 0 ? "+Inf" : "-Inf";
	/* Terraform prints numbers in full, never with an exponent. */
	if (d == floor(d) && fabs(d) < 1e300)
		snprintf(buf, sizeof(buf), "%.0f", d);
	else {
		/*
		 * Terraform computes in decimal (0.1 + 0.2 is 0.3); fifteen
		 * digits give what it prints for the numbers configurations
		 * hold.
		 */
		snprintf(buf, sizeof(buf), "%.15g", d);
		if (strchr(buf, 'e') != NULL)
			trim_fixed(buf, sizeof(buf), d);
	}
	return arena_strdup(ev->arena, buf);
}

int
tfv_to_string(struct tf_ev *ev, const struct tfv *v, const char **out,
    size_t *len)
{
	const char	*s;

	switch (v->kind) {
	case TFV_STRING:
		*out = v->s;
		*len = v->len;
		return 0;
	case TFV_NUMBER:
		s = tfv_num_text(ev, v->num);
		break;
	case TFV_BOOL:
		s = v->b ? "true" : "false";
		break;
	default:
		return -1;
	}
	*out = s;
	*len = strlen(s);
	return 0;
}

int
tfv_to_number(const struct tfv *v, double *out)
{
	char	*end;

	if (v->kind == TFV_NUMBER) {
		*out = v->num;
		return 0;
	}
	if (v->kind != TFV_STRING || v->len == 0 || strlen(v->s) != v->len)
		return -1;
	/* Decimal only: strtod would take "0x10", "inf" and "nan". */
	if (strspn(v->s, "0123456789+-.eE") != v->len)
		return -1;
	*out = strtod(v->s, &end);
	return *end == '\0' && !isspace((unsigned char)v->s[0]) ? 0 : -1;
}

int
tfv_to_bool(const struct tfv *v, int *out)
{
	if (v->kind == TFV_BOOL) {
		*out = v->b;
		return 0;
	}
	if (v->kind != TFV_STRING)
		return -1;
	if (strcmp(v->s, "true") == 0)
		*out = 1;
	else if (strcmp(v->s, "false") == 0)
		*out = 0;
	else
		return -1;
	return 0;
}

/* A JSON string as Go's encoding/json writes it (HTML-safe), as
 * jsonencode() and the AWS provider write it. */
void
tfv_json_str(struct buf *b, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		 cp, min;
	size_t			 i, n, k;

	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		switch (p[i]) {
		case '"':
			buf_adds(b, "\\\"");
			continue;
		case '\\':
			buf_adds(b, "\\\\");
			continue;
		case '\b':
			buf_adds(b, "\\b");
			continue;
		case '\f':
			buf_adds(b, "\\f");
			continue;
		case '\n':
			buf_adds(b, "\\n");
			continue;
		case '\r':
			buf_adds(b, "\\r");
			continue;
		case '\t':
			buf_adds(b, "\\t");
			continue;
		case '<':
		case '>':
		case '&':
			buf_addf(b, "\\u%04x", p[i]);
			continue;
		default:
			break;
		}
		if (p[i] < 0x20) {
			buf_addf(b, "\\u%04x", p[i]);
			continue;
		}
		if (p[i] < 0x80) {
			buf_addc(b, (char)p[i]);
			continue;
		}
		/* UTF-8: Go writes each byte of a bad sequence as U+FFFD. */
		if ((p[i] & 0xe0) == 0xc0) {
			n = 1;
			cp = p[i] & 0x1f;
			min = 0x80;
		} else if ((p[i] & 0xf0) == 0xe0) {
			n = 2;
			cp = p[i] & 0x0f;
			min = 0x800;
		} else if ((p[i] & 0xf8) == 0xf0) {
			n = 3;
			cp = p[i] & 0x07;
			min = 0x10000;
		} else {
			buf_adds(b, "\\ufffd");
			continue;
		}
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (p[i + k] & 0xc0) != 0x80)
				break;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if (k <= n || cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff)) {
			buf_adds(b, "\\ufffd");
			continue;
		}
		if (cp == 0x2028 || cp == 0x2029)
			buf_addf(b, "\\u%04x", cp);
		else
			buf_add(b, s + i, n + 1);
		i += n;
	}
	buf_addc(b, '"');
}

void
tfv_json(struct buf *b, const struct tfv *v)
{
	char	 num[400];
	size_t	 i;

	switch (v->kind) {
	case TFV_NULL:
	case TFV_UNKNOWN:
		buf_adds(b, "null");
		break;
	case TFV_BOOL:
		buf_adds(b, v->b ? "true" : "false");
		break;
	case TFV_NUMBER:
		if (v->num == floor(v->num) && fabs(v->num) < 1e300)
			snprintf(num, sizeof(num), "%.0f", v->num);
		else {
			snprintf(num, sizeof(num), "%.15g", v->num);
			if (strchr(num, 'e') != NULL)
				trim_fixed(num, sizeof(num), v->num);
		}
		buf_adds(b, num);
		break;
	case TFV_STRING:
		tfv_json_str(b, v->s, v->len);
		break;
	case TFV_LIST:
		buf_addc(b, '[');
		for (i = 0; i < v->n; i++) {
			if (i > 0)
				buf_addc(b, ',');
			tfv_json(b, v->v[i]);
		}
		buf_addc(b, ']');
		break;
	case TFV_MAP:
		buf_addc(b, '{');
		for (i = 0; i < v->n; i++) {
			if (i > 0)
				buf_addc(b, ',');
			tfv_json_str(b, v->k[i], strlen(v->k[i]));
			buf_addc(b, ':');
			tfv_json(b, v->v[i]);
		}
		buf_addc(b, '}');
		break;
	}
}

static struct tfv *
from_cjson(struct tf_ev *ev, const cJSON *j, int depth)
{
	const cJSON	*c;
	struct tfv	*v, **vals;
	const char	**keys;
	size_t		 n = 0, i = 0;

	if (depth > HCL_MAX_DEPTH)
		return NULL;
	if (cJSON_IsNull(j))
		return tfv_null(ev);
	if (cJSON_IsBool(j))
		return tfv_bool(ev, cJSON_IsTrue(j));
	if (cJSON_IsNumber(j))
		return tfv_num(ev, j->valuedouble);
	if (cJSON_IsString(j))
		return tfv_strz(ev, j->valuestring);
	for (c = j->child; c != NULL; c = c->next)
		n++;
	if (cJSON_IsArray(j)) {
		v = tfv_list(ev, n, 0);
		for (c = j->child; c != NULL; c = c->next)
			if ((v->v[i++] = from_cjson(ev, c, depth + 1)) == NULL)
				return NULL;
		return v;
	}
	if (!cJSON_IsObject(j))
		return NULL;
	keys = arena_alloc(ev->arena, (n + 1) * sizeof(*keys));
	vals = arena_alloc(ev->arena, (n + 1) * sizeof(*vals));
	for (c = j->child; c != NULL; c = c->next, i++) {
		keys[i] = arena_strdup(ev->arena, c->string);
		if ((vals[i] = from_cjson(ev, c, depth + 1)) == NULL)
			return NULL;
	}
	return tfv_map(ev, keys, vals, n);
}

struct tfv *
tfv_from_json(struct tf_ev *ev, const char *s, size_t len)
{
	cJSON		*j;
	const char	*end = NULL;
	struct tfv	*v;
	size_t		 i;

	if ((j = xjson_parse(s, len, &end)) == NULL)
		return NULL;
	for (i = (size_t)(end - s); i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r')
			break;
	v = i < len ? NULL : from_cjson(ev, j, 0);
	cJSON_Delete(j);
	return v;
}

/* The value, and the mask when some of it is unknown (else NULL). */
static cJSON *
to_cjson(const struct tfv *v, cJSON **mask, int raw, struct tfv_places *pl)
{
	cJSON	*j, *e, *m;
	size_t	 i;
	int	 any = 0;

	*mask = NULL;
	switch (v->kind) {
	case TFV_NULL:
		return cJSON_CreateNull();
	case TFV_UNKNOWN:
		*mask = cJSON_CreateTrue();
		if (raw)
			return cJSON_CreateRaw(v->why);
		return NULL;
	case TFV_BOOL:
		return cJSON_CreateBool(v->b);
	case TFV_NUMBER:
		return cJSON_CreateNumber(v->num);
	case TFV_STRING:
		j = cJSON_CreateString(v->s);
		/* Where it was written, for a trust's conditions. */
		if (j != NULL && pl != NULL && v->at != NULL &&
		    pl->n < INT_MAX - 1) {
			pl->v = xreallocarray(pl->v, pl->n + 1,
			    sizeof(*pl->v));
			pl->v[pl->n++] = v->at;
			j->valueint = (int)pl->n;
		}
		return j;
	case TFV_LIST:
		j = cJSON_CreateArray();
		*mask = cJSON_CreateArray();
		for (i = 0; i < v->n; i++) {
			if ((e = to_cjson(v->v[i], &m, raw, pl)) == NULL)
				e = cJSON_CreateNull();
			cJSON_AddItemToArray(j, e);
			any |= m != NULL;
			cJSON_AddItemToArray(*mask,
			    m != NULL ? m : cJSON_CreateFalse());
		}
		break;
	case TFV_MAP:
		j = cJSON_CreateObject();
		*mask = cJSON_CreateObject();
		for (i = 0; i < v->n; i++) {
			if (raw && (v->v[i]->flags & TFV_UKEY) &&
			    v->v[i]->json_of != NULL) {
				/* The entry, under a key that says unknown. */
				if ((e = to_cjson(v->v[i]->json_of, &m,
				    raw, pl)) != NULL)
					cJSON_AddItemToObject(j, v->k[i], e);
				cJSON_Delete(m);
				any = 1;
				continue;
			}
			if ((e = to_cjson(v->v[i], &m, raw, pl)) != NULL)
				cJSON_AddItemToObject(j, v->k[i], e);
			if (m != NULL) {
				any = 1;
				cJSON_AddItemToObject(*mask, v->k[i], m);
			}
		}
		break;
	default:
		return NULL;
	}
	if (!any) {
		cJSON_Delete(*mask);
		*mask = NULL;
	}
	return j;
}

cJSON *
tfv_to_cjson(const struct tfv *v, cJSON **unknown)
{
	cJSON	*j;

	if ((j = to_cjson(v, unknown, 0, NULL)) == NULL)
		j = cJSON_CreateNull();
	return j;
}

cJSON *
tfv_to_cjson_raw(const struct tfv *v, struct tfv_places *pl)
{
	cJSON	*j, *mask;

	j = to_cjson(v, &mask, 1, pl);
	cJSON_Delete(mask);
	return j;
}
