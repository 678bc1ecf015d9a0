/* SPDX-License-Identifier: ISC */
/*
 * The rule API (rule.h) as rules see it: the report helpers that give
 * every finding the same shape, the binding lookups, and the memos
 * rules share within one run.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "arn.h"
#include "bind.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"
#include "xalloc.h"

/* What rules share within a run, behind the context's memo pointer. */
struct rule_memo {
	/* rule_count_admitted(): every SA's sub claim, sorted, on demand */
	const char	**subjects;
	size_t		  nsubjects;
	int		  have_subjects;
	size_t		  like_budget;	/* pattern matches left */
	struct strmap	  admitted;	/* pattern to its count */
};

static void	rule_obj_notes(struct diags *, struct diag *,
		    const struct k8s_obj *);
static int	str_cmp(const void *, const void *);

/*
 * Say where an object came from when the file is not the source the
 * user edits: the chart template of helm output, an eksctl config.
 */
static void
rule_obj_notes(struct diags *dg, struct diag *d, const struct k8s_obj *o)
{
	if (o->source != NULL)
		diag_related(dg, d, &o->source_loc, NULL,
		    "rendered from chart template %s", o->source);
	if (o->more->origin != NULL)
		diag_related(dg, d, &o->loc, NULL, "declared by %s",
		    o->more->origin);
}

void
rule_ctx_init(struct check_ctx *ctx, const struct model *m,
    struct diags *dg, const struct bindings *b, size_t like_budget)
{
	ctx->m = m;
	ctx->dg = dg;
	ctx->b = b;
	ctx->memo = xcalloc(1, sizeof(*ctx->memo));
	ctx->memo->like_budget = like_budget;
	strmap_init(&ctx->memo->admitted);
}

void
rule_ctx_release(struct check_ctx *ctx)
{
	strmap_release(&ctx->memo->admitted);
	free(ctx->memo->subjects);
	free(ctx->memo);
	ctx->memo = NULL;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * How many ServiceAccounts of the inputs the StringLike pattern admits
 * as sub (system:serviceaccount:<ns>:<name>), in *n.  The claims are
 * sorted once, so that only those that start with the pattern's
 * literal prefix are matched; a pattern whose first wildcard is the
 * last "*" or "*:*" is counted without matching, and each pattern is
 * counted once.  Returns 0, and counts nothing, once the run's budget
 * of matches is spent.
 */
int
rule_count_admitted(struct check_ctx *ctx, const char *pattern, size_t *n)
{
	struct rule_memo	*mm = ctx->memo;
	const struct strmap_val	*v;
	const struct k8s_obj	*o;
	size_t			 i, lo, hi, mid, plen, *memo;
	const char		*rest;
	int			 star, star_star;

	if ((v = strmap_get(&mm->admitted, pattern)) != NULL) {
		*n = *(size_t *)v->v;
		return 1;
	}
	*n = 0;
	if (!mm->have_subjects) {
		mm->have_subjects = 1;
		for (i = 0; i < ctx->m->objs.n; i++)
			if (ctx->m->objs.v[i]->kind == K8S_SERVICEACCOUNT &&
			    ctx->m->objs.v[i]->name != NULL)
				mm->nsubjects++;
		mm->subjects = xreallocarray(NULL, mm->nsubjects + 1,
		    sizeof(*mm->subjects));
		mm->nsubjects = 0;
		for (i = 0; i < ctx->m->objs.n; i++) {
			o = ctx->m->objs.v[i];
			if (o->kind == K8S_SERVICEACCOUNT && o->name != NULL)
				mm->subjects[mm->nsubjects++] = trust_subject(
				    ctx->m->arena, k8s_obj_ns(ctx->m, o), o->name);
		}
		qsort(mm->subjects, mm->nsubjects, sizeof(*mm->subjects),
		    str_cmp);
	}
	plen = strcspn(pattern, "*?");
	/* The first claim not below the prefix. */
	for (lo = 0, hi = mm->nsubjects; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if (strncmp(mm->subjects[mid], pattern, plen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	rest = pattern + plen;
	star = strcmp(rest, "*") == 0;
	star_star = strcmp(rest, "*:*") == 0;
	for (i = lo; i < mm->nsubjects &&
	    strncmp(mm->subjects[i], pattern, plen) == 0; i++) {
		if (star)
			(*n)++;
		else if (star_star)
			*n += strchr(mm->subjects[i] + plen, ':') != NULL;
		else if (mm->like_budget == 0) {
			*n = 0;
			return 0;
		} else {
			mm->like_budget--;
			*n += str_like(pattern, mm->subjects[i]) != 0;
		}
	}
	memo = arena_alloc(ctx->m->arena, sizeof(*memo));
	*memo = *n;
	strmap_add(&mm->admitted, ctx->m->arena, pattern, memo);
	return 1;
}

struct diag *
rule_report(struct diags *dg, const struct rule *r, enum severity sev,
    const struct model *m, const struct binding *b, const struct loc *loc,
    const char *fmt, ...)
{
	const struct related *c;
	struct diag	*d;
	va_list		 ap;
	char		*msg;

	va_start(ap, fmt);
	msg = arena_vprintf(m->arena, fmt, ap);
	va_end(ap);
	d = diag_push(dg, r, sev, loc, arena_printf(m->arena,
	    "ServiceAccount %s/%s%s%s%s: %s", b->ns, b->sa->name,
	    b->sa->source != NULL ? " (" : "",
	    b->sa->source != NULL ? b->sa->source : "",
	    b->sa->source != NULL ? ")" : "", msg));
	rule_obj_notes(dg, d, b->sa);
	d->obj.kind = "ServiceAccount";
	d->obj.ns = b->ns;
	d->obj.name = b->sa->name;
	if (b->role != NULL) {
		d->address = b->role->address;
		diag_related(dg, d, &b->role->loc, b->role->address,
		    "role %s is defined here", b->role->name != NULL ?
		    b->role->name : "(name known after apply)");
		for (c = b->role->calls; c != NULL; c = c->next)
			diag_related(dg, d, &c->loc, c->address, "%s", c->msg);
		if (b->role->assumed != NULL)
			diag_related(dg, d, &b->role->assumed_loc,
			    b->role->address, "this assumes the default%s %s; "
			    "a --var-file or --var in CI may give %s",
			    strchr(b->role->assumed, ',') != NULL ? "s" : "",
			    b->role->assumed, strchr(b->role->assumed, ',') !=
			    NULL ? "others" : "another");
		if (b->role->trust_from != NULL)
			diag_related(dg, d, &b->role->loc,
			    b->role->trust_from, "the role's trust policy is "
			    "rendered from this data source%s",
			    b->role->trust_partial ? ", partly known only "
			    "after apply" : "");
	}
	return d;
}

struct diag *
rule_report_obj(struct diags *dg, const struct rule *r, enum severity sev,
    const struct model *m, const struct k8s_obj *o, const struct loc *loc,
    const char *fmt, ...)
{
	struct diag	*d;
	va_list		 ap;
	const char	*msg, *name, *ns;

	va_start(ap, fmt);
	msg = arena_vprintf(m->arena, fmt, ap);
	va_end(ap);
	/*
	 * A field the object does not have (an unnamed object's name) has
	 * no position: point at the object itself.
	 */
	if (loc->file == NULL)
		loc = &o->loc;
	name = o->name != NULL ? o->name : "(unnamed)";
	/* A Namespace is in none. */
	ns = o->kind == K8S_NAMESPACE ? NULL : k8s_obj_ns(m, o);
	d = diag_push(dg, r, sev, loc, arena_printf(m->arena,
	    "%s %s%s%s%s%s%s: %s", o->kind_name, ns != NULL ? ns : "",
	    ns != NULL ? "/" : "", name,
	    o->source != NULL ? " (" : "",
	    o->source != NULL ? o->source : "",
	    o->source != NULL ? ")" : "", msg));
	rule_obj_notes(dg, d, o);
	d->obj.kind = o->kind_name;
	d->obj.ns = ns;
	d->obj.name = name;
	return d;
}

struct diag *
rule_report_role(struct diags *dg, const struct rule *r, enum severity sev,
    const struct model *m, const struct iam_role *role, const char *fmt, ...)
{
	struct diag	*d;
	va_list		 ap;
	const char	*msg;

	va_start(ap, fmt);
	msg = arena_vprintf(m->arena, fmt, ap);
	va_end(ap);
	d = diag_push(dg, r, sev, &role->loc, arena_printf(m->arena, "%s: %s",
	    role->address, msg));
	d->address = role->address;
	return d;
}

const struct binding *
rule_binding_of(const struct check_ctx *ctx, const struct k8s_obj *o)
{
	return bindings_of(ctx->b, o);
}

int
rule_role_used(const struct check_ctx *ctx, const struct iam_role *r)
{
	return bindings_role_used(ctx->b, r);
}

void
rule_trust_note(struct diags *dg, struct diag *d, const struct iam_role *role,
    unsigned int origin, const char *what)
{
	if (d == NULL || role == NULL || origin == 0 ||
	    origin > role->norigins)
		return;
	diag_related(dg, d, &role->origins[origin - 1], role->address,
	    "%s is written here", what);
}
