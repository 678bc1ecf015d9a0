/* SPDX-License-Identifier: ISC */
/*
 * Collect diagnostics, attach related locations and fixes, apply
 * suppressions and severity overrides, sort and fingerprint them.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "rule.h"
#include "strmap.h"
#include "util.h"
#include "xalloc.h"

static int		 diag_cmp(const void *, const void *);
static int		 fp_cmp(const void *, const void *);
static uint64_t		 fnv1a(const char *, size_t, uint64_t);
static void		 fp_hash(struct buf *, const struct diag *, size_t,
			    const char *);

void
diags_init(struct diags *dg, struct arena *a)
{
	memset(dg, 0, sizeof(*dg));
	dg->arena = a;
}

void
diags_release(struct diags *dg)
{
	free(dg->v);
	dg->v = NULL;
	dg->n = dg->cap = 0;
}

/*
 * Add a diagnostic whose message msg is already an arena string: a
 * finding of rule r with severity sev, or an input error when r is NULL.
 */
struct diag *
diag_push(struct diags *dg, const struct rule *r, enum severity sev,
    const struct loc *loc, const char *msg)
{
	struct diag	*d;

	d = arena_alloc(dg->arena, sizeof(*d));
	d->loc = *loc;
	/* Every diagnostic names a file; a rule that lost it must not crash. */
	if (d->loc.file == NULL)
		d->loc.file = "(unknown file)";
	d->rule = r;
	d->sev = sev;
	d->msg = msg;
	if (dg->n == dg->cap) {
		dg->cap = dg->cap ? dg->cap * 2 : 32;
		dg->v = xreallocarray(dg->v, dg->cap, sizeof(*dg->v));
	}
	dg->v[dg->n++] = d;
	if (r != NULL)
		dg->count[sev]++;
	else
		dg->nerrors++;
	return d;
}

/*
 * Append the diagnostics of src to dst, in order, src left empty; their
 * strings stay in src's arena, which the caller keeps alive.
 */
void
diags_adopt(struct diags *dst, struct diags *src)
{
	size_t	 i;

	if (dst->n + src->n > dst->cap) {
		dst->cap = dst->cap ? dst->cap : 32;
		while (dst->cap < dst->n + src->n)
			dst->cap *= 2;
		dst->v = xreallocarray(dst->v, dst->cap, sizeof(*dst->v));
	}
	for (i = 0; i < src->n; i++)
		dst->v[dst->n++] = src->v[i];
	for (i = 0; i < SEV__MAX; i++)
		dst->count[i] += src->count[i];
	dst->nerrors += src->nerrors;
	dst->nsuppressed += src->nsuppressed;
	free(src->v);
	src->v = NULL;
	src->n = src->cap = src->nerrors = src->nsuppressed = 0;
	memset(src->count, 0, sizeof(src->count));
}

struct diag *
diag_vadd(struct diags *dg, const struct rule *r, enum severity sev,
    const struct loc *loc, const char *fmt, va_list ap)
{
	return diag_push(dg, r, sev, loc, arena_vprintf(dg->arena, fmt, ap));
}

/* Add a finding of rule r at loc, with the rule's effective severity. */
struct diag *
diag_add(struct diags *dg, const struct rule *r, const struct loc *loc,
    const char *fmt, ...)
{
	struct diag	*d;
	va_list		 ap;

	va_start(ap, fmt);
	d = diag_vadd(dg, r, r->severity, loc, fmt, ap);
	va_end(ap);
	return d;
}

/* Add an input error: a file that could not be read or parsed. */
struct diag *
diag_error(struct diags *dg, const struct loc *loc, const char *fmt, ...)
{
	struct diag	*d;
	va_list		 ap;

	va_start(ap, fmt);
	d = diag_vadd(dg, NULL, SEV_ERROR, loc, fmt, ap);
	va_end(ap);
	return d;
}

/* Append a related location; address may be NULL. */
void
diag_related(struct diags *dg, struct diag *d, const struct loc *loc,
    const char *address, const char *fmt, ...)
{
	struct related	*r, **rp;
	va_list		 ap;

	r = arena_alloc(dg->arena, sizeof(*r));
	va_start(ap, fmt);
	r->msg = arena_vprintf(dg->arena, fmt, ap);
	va_end(ap);
	r->loc = *loc;
	r->address = address;
	for (rp = &d->related; *rp != NULL; rp = &(*rp)->next)
		continue;
	*rp = r;
}

/*
 * Attach one edit to d's fix, creating the fix with description desc
 * on the first call.  text and loc.file must outlive the diags (arena
 * or static strings).
 */
void
diag_fix(struct diags *dg, struct diag *d, const struct loc *loc,
    const char *text, const char *desc, ...)
{
	struct edit	*e, **ep;
	va_list		 ap;

	if (d->fix == NULL) {
		d->fix = arena_alloc(dg->arena, sizeof(*d->fix));
		va_start(ap, desc);
		d->fix->desc = arena_vprintf(dg->arena, desc, ap);
		va_end(ap);
	}
	e = arena_alloc(dg->arena, sizeof(*e));
	e->loc = *loc;
	e->text = text;
	for (ep = &d->fix->edits; *ep != NULL; ep = &(*ep)->next)
		continue;
	*ep = e;
}

/*
 * A fix that replaces a YAML scalar whose value is old, at loc, by
 * new.  libyaml's range covers the quotes of a quoted scalar, so a
 * range longer than the value means it was quoted: then new is written
 * double-quoted (valid whatever the original quoting), else plain.
 */
void
diag_fix_scalar(struct diags *dg, struct diag *d, const struct loc *loc,
    const char *old, const char *new, const char *desc)
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	int		 plain;

	if (loc->line == 0 || loc->col == 0 || loc->end_col == 0 ||
	    (loc->end_line != 0 && loc->end_line != loc->line))
		return;
	/* Plain only if it was plain and new cannot be read otherwise. */
	plain = loc->end_col - loc->col == strlen(old) && *new != '\0' &&
	    strchr("-?:,[]{}#&*!|>'\"%@` ", *new) == NULL &&
	    strstr(new, ": ") == NULL && strstr(new, " #") == NULL &&
	    new[strlen(new) - 1] != ':' && new[strlen(new) - 1] != ' ';
	if (!plain)
		buf_addc(&b, '"');
	for (p = new; *p != '\0'; p++) {
		if (!plain && (*p == '"' || *p == '\\'))
			buf_addc(&b, '\\');
		buf_addc(&b, *p);
	}
	if (!plain)
		buf_addc(&b, '"');
	diag_fix(dg, d, loc, arena_strdup(dg->arena, b.buf), "%s", desc);
	buf_release(&b);
}

/* Mark a finding suppressed: it leaves count[] for nsuppressed. */
void
diag_suppress(struct diags *dg, struct diag *d, enum suppress_kind kind,
    const char *reason)
{
	if (d->rule == NULL || d->suppressed != SUPPRESS_NONE)
		return;
	d->suppressed = kind;
	d->reason = reason;
	dg->count[d->sev]--;
	dg->nsuppressed++;
}

/* Override a finding's severity, keeping count[] right. */
void
diag_set_severity(struct diags *dg, struct diag *d, enum severity sev)
{
	if (d->rule == NULL)
		return;
	if (d->suppressed == SUPPRESS_NONE) {
		dg->count[d->sev]--;
		dg->count[sev]++;
	}
	d->sev = sev;
}

/*
 * Remove the diagnostic at index i (a disabled rule, an ignored path)
 * as if it had never been added.  Order is kept.
 */
void
diags_drop(struct diags *dg, size_t i)
{
	struct diag	*d = dg->v[i];

	if (d->rule == NULL)
		dg->nerrors--;
	else if (d->suppressed != SUPPRESS_NONE)
		dg->nsuppressed--;
	else
		dg->count[d->sev]--;
	memmove(&dg->v[i], &dg->v[i + 1], (dg->n - i - 1) * sizeof(*dg->v));
	dg->n--;
}

/*
 * Keep the diagnostics for which keep() says so, in their order; the
 * counts follow.  Returns how many were dropped.
 */
size_t
diags_keep(struct diags *dg, int (*keep)(const struct diag *, void *),
    void *arg)
{
	struct diag	*d;
	size_t		 i, j, dropped;

	for (i = j = 0; i < dg->n; i++) {
		d = dg->v[i];
		if (keep(d, arg)) {
			dg->v[j++] = d;
			continue;
		}
		if (d->rule == NULL)
			dg->nerrors--;
		else if (d->suppressed != SUPPRESS_NONE)
			dg->nsuppressed--;
		else
			dg->count[d->sev]--;
	}
	dropped = dg->n - j;
	dg->n = j;
	return dropped;
}

static int
diag_cmp(const void *pa, const void *pb)
{
	const struct diag	*a = *(const struct diag *const *)pa;
	const struct diag	*b = *(const struct diag *const *)pb;
	int			 c;

	if ((c = strcmp(a->loc.file, b->loc.file)) != 0)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	/* Input errors first, then by rule id. */
	if ((a->rule == NULL) != (b->rule == NULL))
		return a->rule == NULL ? -1 : 1;
	if (a->rule != NULL && (c = strcmp(a->rule->id, b->rule->id)) != 0)
		return c;
	return strcmp(a->msg, b->msg);
}

/* Sort by file, line, column, rule id, message: output is stable. */
void
diags_sort(struct diags *dg)
{
	if (dg->n > 1)
		qsort(dg->v, dg->n, sizeof(*dg->v), diag_cmp);
}

const char *
severity_name(enum severity s)
{
	switch (s) {
	case SEV_NOTE:
		return "note";
	case SEV_WARNING:
		return "warning";
	default:
		return "error";
	}
}

/*
 * A fingerprint names a finding across runs so that code scanning and
 * merge-request widgets can tell new findings from old ones.  It hashes
 * what the finding is about (rule, object or Terraform address, file)
 * and deliberately not the line, so that editing lines above it does
 * not make it "new".  Two findings that would collide get an occurrence
 * number mixed in, in sorted order, so every fingerprint of a run is
 * unique.  The hash is two FNV-1a 64 passes with different offset
 * bases: not cryptographic, which a fingerprint need not be.
 */
static uint64_t
fnv1a(const char *s, size_t len, uint64_t h)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The identity of d as bytes (NUL-separated), with occurrence n. */
static void
fp_hash(struct buf *b, const struct diag *d, size_t n, const char *file)
{
	uint64_t	 h1, h2;

	buf_reset(b);
	buf_adds(b, d->rule != NULL ? d->rule->id : "error");
	buf_addc(b, '\0');
	if (d->obj.kind != NULL)
		buf_addf(b, "%s/%s/%s", d->obj.kind,
		    d->obj.ns != NULL ? d->obj.ns : "", d->obj.name);
	else if (d->address != NULL)
		buf_adds(b, d->address);
	else
		buf_adds(b, d->msg);
	buf_addc(b, '\0');
	/*
	 * A finding about a Terraform object is the same finding whether
	 * a plan or the .tf sources declared it: its address says which.
	 */
	if (d->obj.kind != NULL || d->address == NULL)
		buf_adds(b, file);
	if (n > 0)
		buf_addf(b, "%c%zu", '\0', n);
	h1 = fnv1a(b->buf, b->len, 0xcbf29ce484222325ULL);
	h2 = fnv1a(b->buf, b->len, 0x84222325cbf29ce4ULL);
	buf_reset(b);
	buf_addf(b, "%016llx%016llx", (unsigned long long)h1,
	    (unsigned long long)h2);
}

/* Fingerprint order; ties in diags order, so rehashing is stable. */
struct fp_ent {
	struct diag	*d;
	size_t		 i;
};

static int
fp_cmp(const void *pa, const void *pb)
{
	const struct fp_ent	*a = pa, *b = pb;
	int			 c;

	if ((c = strcmp(a->d->fingerprint, b->d->fingerprint)) != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * path_under() of file, once a file: the diagnostics name few files,
 * and realpath() looks up each component of each.  memo is the
 * caller's, released by it; the files outlive it.
 */
static const char *
under(struct diags *dg, struct strmap *memo, const char *file)
{
	const struct strmap_val	*v;
	const char		*r;

	if (file == NULL)
		return path_under(dg->arena, dg->root, file);
	if ((v = strmap_get(memo, file)) != NULL)
		return v->v;
	r = path_under(dg->arena, dg->root, file);
	strmap_add_kept(memo, dg->arena, file, (void *)r);
	return r;
}

/* Set every diag's fingerprint (32 hex digits); call after sorting. */
void
diags_fingerprint(struct diags *dg)
{
	struct buf	 b = BUF_INIT;
	struct fp_ent	*v;
	struct strmap	 memo;
	const char	**files;
	size_t		 i, j, k;

	v = xreallocarray(NULL, dg->n + 1, sizeof(*v));
	files = xreallocarray(NULL, dg->n + 1, sizeof(*files));
	strmap_init(&memo);
	for (i = 0; i < dg->n; i++) {
		files[i] = under(dg, &memo, dg->v[i]->loc.file);
		fp_hash(&b, dg->v[i], 0, files[i]);
		dg->v[i]->fingerprint = arena_strdup(dg->arena, b.buf);
		v[i].d = dg->v[i];
		v[i].i = i;
	}
	if (dg->n > 1)
		qsort(v, dg->n, sizeof(*v), fp_cmp);
	for (i = 0; i < dg->n; i = j) {
		for (j = i + 1; j < dg->n && strcmp(v[j].d->fingerprint,
		    v[i].d->fingerprint) == 0; j++)
			continue;
		for (k = i + 1; k < j; k++) {
			fp_hash(&b, v[k].d, k - i, files[v[k].i]);
			v[k].d->fingerprint = arena_strdup(dg->arena, b.buf);
		}
	}
	strmap_release(&memo);
	free(v);
	free(files);
	buf_release(&b);
}

void
diags_rebase(struct diags *dg)
{
	struct related	*r;
	struct edit	*e;
	struct strmap	 memo;
	size_t		 i;

	if (dg->root == NULL)
		return;
	strmap_init(&memo);
	for (i = 0; i < dg->n; i++) {
		dg->v[i]->loc.file = under(dg, &memo, dg->v[i]->loc.file);
		for (r = dg->v[i]->related; r != NULL; r = r->next)
			r->loc.file = under(dg, &memo, r->loc.file);
		if (dg->v[i]->fix != NULL)
			for (e = dg->v[i]->fix->edits; e != NULL; e = e->next)
				e->loc.file = under(dg, &memo, e->loc.file);
	}
	strmap_release(&memo);
}
