/* SPDX-License-Identifier: ISC */
/* Collect diagnostics, attach related locations, sort them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "rule.h"
#include "xalloc.h"

static int		 diag_cmp(const void *, const void *);

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
