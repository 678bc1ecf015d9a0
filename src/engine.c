/* SPDX-License-Identifier: ISC */
/*
 * The engine: bind every ServiceAccount that names a role, then run
 * each rule over the subjects it checks.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "arn.h"
#include "bind.h"
#include "engine.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "xalloc.h"

/*
 * StringLike matches engine_count_admitted() may make in one run: far
 * more than real inputs need, few enough that a crafted input with
 * thousands of patterns and ServiceAccounts stays fast.
 */
#define ENGINE_LIKE_BUDGET	10000000

static void	engine_obj_notes(struct diags *, struct diag *,
		    const struct k8s_obj *);
static int	str_cmp(const void *, const void *);

/*
 * Say where an object came from when the file is not the source the
 * user edits: the chart template of helm output, an eksctl config.
 */
static void
engine_obj_notes(struct diags *dg, struct diag *d, const struct k8s_obj *o)
{
	if (o->source != NULL)
		diag_related(dg, d, &o->source_loc, NULL,
		    "rendered from chart template %s", o->source);
	if (o->origin != NULL)
		diag_related(dg, d, &o->loc, NULL, "declared by %s",
		    o->origin);
}

/* Bind every named ServiceAccount with a role-arn annotation. */
static struct binding *
engine_bind(struct model *m, size_t *np)
{
	const struct kv_pos	*ann;
	const struct k8s_obj	*o;
	struct binding		*v;
	size_t			 i, n = 0;

	v = xreallocarray(NULL, m->objs.n + 1, sizeof(*v));
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if (o->kind != K8S_SERVICEACCOUNT || o->name == NULL)
			continue;
		if ((ann = k8s_obj_annotation(o, ANN_ROLE_ARN)) == NULL)
			continue;
		bind_sa(&v[n++], m, o, ann);
	}
	*np = n;
	return v;
}

void
engine_run(struct model *m, struct diags *dg)
{
	const struct rule	*r;
	struct binding		*bindings;
	struct check_ctx	 ctx;
	size_t			 i, j;

	model_index(m);
	memset(&ctx, 0, sizeof(ctx));
	ctx.like_budget = ENGINE_LIKE_BUDGET;
	strmap_init(&ctx.admitted);
	bindings = engine_bind(m, &ctx.nbindings);
	ctx.m = m;
	ctx.dg = dg;
	ctx.bindings = bindings;
	strmap_init(&ctx.binding_of);
	for (i = 0; i < ctx.nbindings; i++)
		strmap_add(&ctx.binding_of, m->arena, arena_printf(m->arena,
		    "%s/%s", bindings[i].ns, bindings[i].sa->name),
		    &bindings[i]);
	for (j = 0; (r = rule_table[j]) != NULL; j++) {
		if (r->check_binding != NULL)
			for (i = 0; i < ctx.nbindings; i++)
				r->check_binding(r, &ctx, &bindings[i]);
		if (r->check_object != NULL)
			for (i = 0; i < m->objs.n; i++)
				r->check_object(r, &ctx, m->objs.v[i]);
		if (r->check_role != NULL)
			for (i = 0; i < m->roles.n; i++)
				r->check_role(r, &ctx, m->roles.v[i]);
		if (r->check_model != NULL)
			r->check_model(r, &ctx);
	}
	strmap_release(&ctx.binding_of);
	strmap_release(&ctx.admitted);
	free(ctx.subjects);
	free(bindings);
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
engine_count_admitted(struct check_ctx *ctx, const char *pattern, size_t *n)
{
	const struct strmap_val	*v;
	const struct k8s_obj	*o;
	size_t			 i, lo, hi, mid, plen, *memo;
	const char		*rest;
	int			 star, star_star;

	if ((v = strmap_get(&ctx->admitted, pattern)) != NULL) {
		*n = *(size_t *)v->v;
		return 1;
	}
	*n = 0;
	if (!ctx->have_subjects) {
		ctx->have_subjects = 1;
		for (i = 0; i < ctx->m->objs.n; i++)
			if (ctx->m->objs.v[i]->kind == K8S_SERVICEACCOUNT &&
			    ctx->m->objs.v[i]->name != NULL)
				ctx->nsubjects++;
		ctx->subjects = xreallocarray(NULL, ctx->nsubjects + 1,
		    sizeof(*ctx->subjects));
		ctx->nsubjects = 0;
		for (i = 0; i < ctx->m->objs.n; i++) {
			o = ctx->m->objs.v[i];
			if (o->kind == K8S_SERVICEACCOUNT && o->name != NULL)
				ctx->subjects[ctx->nsubjects++] = arena_printf(
				    ctx->m->arena, "system:serviceaccount:%s:%s",
				    k8s_obj_ns(ctx->m, o), o->name);
		}
		qsort(ctx->subjects, ctx->nsubjects, sizeof(*ctx->subjects),
		    str_cmp);
	}
	plen = strcspn(pattern, "*?");
	/* The first claim not below the prefix. */
	for (lo = 0, hi = ctx->nsubjects; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if (strncmp(ctx->subjects[mid], pattern, plen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	rest = pattern + plen;
	star = strcmp(rest, "*") == 0;
	star_star = strcmp(rest, "*:*") == 0;
	for (i = lo; i < ctx->nsubjects &&
	    strncmp(ctx->subjects[i], pattern, plen) == 0; i++) {
		if (star)
			(*n)++;
		else if (star_star)
			*n += strchr(ctx->subjects[i] + plen, ':') != NULL;
		else if (ctx->like_budget == 0) {
			*n = 0;
			return 0;
		} else {
			ctx->like_budget--;
			*n += str_like(pattern, ctx->subjects[i]) != 0;
		}
	}
	memo = arena_alloc(ctx->m->arena, sizeof(*memo));
	*memo = *n;
	strmap_add(&ctx->admitted, ctx->m->arena, pattern, memo);
	return 1;
}

struct diag *
engine_report(struct diags *dg, const struct rule *r, enum severity sev,
    struct model *m, const struct binding *b, const struct loc *loc,
    const char *fmt, ...)
{
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
	engine_obj_notes(dg, d, b->sa);
	d->obj.kind = "ServiceAccount";
	d->obj.ns = b->ns;
	d->obj.name = b->sa->name;
	if (b->role != NULL) {
		d->address = b->role->address;
		diag_related(dg, d, &b->role->loc, b->role->address,
		    "role %s is defined here", b->role->name != NULL ?
		    b->role->name : "(name known after apply)");
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
engine_report_obj(struct diags *dg, const struct rule *r, enum severity sev,
    struct model *m, const struct k8s_obj *o, const struct loc *loc,
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
	engine_obj_notes(dg, d, o);
	d->obj.kind = o->kind_name;
	d->obj.ns = ns;
	d->obj.name = name;
	return d;
}

struct diag *
engine_report_role(struct diags *dg, const struct rule *r, enum severity sev,
    struct model *m, const struct iam_role *role, const char *fmt, ...)
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

/* Does some ServiceAccount of the inputs name this role? */
int
engine_role_used(const struct check_ctx *ctx, const struct iam_role *r)
{
	(void)ctx;
	return r->used;
}

/* The role a Pod Identity association names, if it is in the inputs. */
const struct iam_role *
engine_pod_identity_role(const struct model *m,
    const struct pod_identity *p)
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

/* The binding of a ServiceAccount object, or NULL when it names no role. */
const struct binding *
engine_binding_of(const struct check_ctx *ctx, const struct k8s_obj *o)
{
	const struct strmap_val	*v;
	const struct binding	*b;
	char			 key[1024];

	if (o->name == NULL || (size_t)snprintf(key, sizeof(key), "%s/%s",
	    k8s_obj_ns(ctx->m, o), o->name) >= sizeof(key))
		return NULL;
	for (v = strmap_get(&ctx->binding_of, key); v != NULL; v = v->next) {
		b = v->v;
		if (b->sa == o)
			return b;
	}
	return NULL;
}
