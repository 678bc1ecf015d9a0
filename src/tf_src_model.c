/* SPDX-License-Identifier: ISC */
/*
 * Into the model: each resource instance evaluated and handed to the
 * plan loader's tf_resource() at the line it was written, with the
 * notes that trace its trust's values to where they were written (the
 * defaults and module arguments they came from, the call chain), and
 * the add-on and Pod Identity places.
 */

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "policy.h"
#include "xalloc.h"

#include "tf_src_impl.h"

/*
 * The role an unknown attribute of a role names, by address:
 * "module.x.aws_iam_role.this[0].arn" gives its address without ".arn".
 */
static const char *
role_ref(struct tf_src *S, const char *why)
{
	return tf_why_role(S->m, why);
}

static int
wanted(const char *type)
{
	static const char *const types[] = {
	    "aws_iam_role", "aws_iam_openid_connect_provider",
	    "aws_eks_cluster", "aws_iam_role_policy_attachment",
	    "aws_iam_role_policy", "aws_iam_policy_attachment",
	    "aws_eks_pod_identity_association", "aws_eks_addon"
	};
	size_t	 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(type, types[i]) == 0)
			return 1;
	return tf_k8s_wanted(type);
}

/* Where a module's object is shown: its own line, or the root's call. */
static void
obj_loc(struct tf_inst *I, const struct tf_blk *k, struct loc *loc)
{
	struct tf_inst	*p;

	tfs_loc_of(k->file, &k->b->type_range, loc);
	if (loc->file != NULL && strstr(loc->file, ".terraform/") == NULL)
		return;
	for (p = I; p->parent != NULL && p->parent->parent != NULL;
	    p = p->parent)
		continue;
	if (p->call != NULL)
		tfs_loc_of(p->call->file, &p->call->b->type_range, loc);
}

/*
 * The places of a statement's conditions, read from the structure, onto
 * the same statement read from the text: by operator and key, as the
 * two may order them differently.
 */
void
tfs_origins_copy(struct pstmt *dst, const struct pstmt *src)
{
	size_t	 i, j;

	for (i = 0; i < dst->nconds; i++)
		for (j = 0; j < src->nconds; j++)
			if (dst->conds[i].key != NULL &&
			    src->conds[j].key != NULL &&
			    strcmp(dst->conds[i].op, src->conds[j].op) == 0 &&
			    strcmp(dst->conds[i].key, src->conds[j].key) == 0)
				dst->conds[i].origin = src->conds[j].origin;
}

/*
 * A role's trust from the structure its text encodes (jsonencode(), a
 * policy document): where the plan loader could not read it (unknown
 * until apply), as far as it is known; and in any case, where each
 * condition and principal was written, for the notes of findings.
 */
static void
role_trust(struct tf_src *S, struct iam_role *role, const struct tfv *inst,
    const struct tf_blk *k)
{
	const struct tfv	*arp = tfv_get(inst, "assume_role_policy");
	const struct hcl_attr	*a;
	const struct hcl_file	*f;
	struct tfv_places	 pl = { NULL, 0 };
	struct policy		*p = NULL;
	struct loc		*locs;
	cJSON			*j;
	char			 err[256];
	size_t			 i;

	if ((a = tfs_blk_attr(k, "assume_role_policy", &f)) != NULL)
		tfs_loc_of(f, &a->name_range, &role->trust_loc);
	if (arp == NULL)
		return;
	if (arp->kind == TFV_UNKNOWN) {
		role->unknown_refs = arp->why;
		if (arp->doc != NULL)
			role->trust_from = arp->doc;
	}
	if (arp->json_of == NULL ||
	    (arp->kind == TFV_STRING && role->trust == NULL))
		return;
	j = tfv_to_cjson_raw(arp->json_of, &pl);
	if (j == NULL || policy_from_tree(S->m->arena, j, &p, err,
	    sizeof(err)) != 0)
		p = NULL;
	cJSON_Delete(j);
	if (p != NULL && arp->kind == TFV_UNKNOWN) {
		role->trust = p;
		role->trust_partial = 1;
	} else if (p != NULL && role->trust != NULL &&
	    p->n == role->trust->n) {
		/* The same statements, read from the text: their places. */
		for (i = 0; i < p->n; i++) {
			role->trust->st[i].origin = p->st[i].origin;
			tfs_origins_copy(&role->trust->st[i], &p->st[i]);
		}
	}
	if (p != NULL && pl.n > 0) {
		locs = arena_alloc(S->m->arena, pl.n * sizeof(*locs));
		for (i = 0; i < pl.n; i++)
			tfs_loc_of(pl.v[i]->file, &pl.v[i]->range, &locs[i]);
		role->origins = locs;
		role->norigins = pl.n;
	}
	free(pl.v);
}

/*
 * The module calls an instance of a child module was made through, as
 * tflint shows its callers: each call's block, innermost first.
 */
static const struct related *
call_chain(struct tf_src *S, const struct tf_inst *I)
{
	struct related	*head = NULL, **tail = &head, *r;
	const struct tf_inst *p;

	for (p = I; p != NULL && p->call != NULL; p = p->parent) {
		r = arena_alloc(S->m->arena, sizeof(*r));
		tfs_loc_of(p->call->file, &p->call->b->type_range, &r->loc);
		r->address = arena_strndup(S->m->arena, p->prefix,
		    strlen(p->prefix) - 1);
		r->msg = p->parent != NULL && p->parent->call == NULL ?
		    "the root module calls it here" :
		    "its module calls it here";
		*tail = r;
		tail = &r->next;
	}
	return head;
}

/*
 * The defaults a role's arguments were computed from, in words, and
 * the arguments of the module calls they came through, as places after
 * the calls of the chain.
 */
static void
role_assumes(struct tf_src *S, struct iam_role *r, const struct tf_dep *deps,
    const struct related *calls)
{
	const struct tf_dep	*d, *args[TF_MAX_ARGS];
	const struct related	*c;
	struct related		*head = NULL, **tail = &head, *n;
	struct buf		 b = BUF_INIT;
	size_t			 na;

	for (d = deps; d != NULL; d = d->next) {
		if (d->arg)
			continue;
		if (b.len == 0)
			r->assumed_loc = d->loc;
		buf_addf(&b, "%s%s = %s", b.len > 0 ? ", " : "", d->name,
		    d->value);
	}
	if (b.len > 0)
		r->assumed = arena_strdup(S->m->arena, b.buf);
	buf_release(&b);
	r->calls = calls;
	for (d = deps; d != NULL; d = d->next)
		if (d->arg)
			break;
	if (d == NULL)
		return;
	for (c = calls; c != NULL; c = c->next) {
		n = arena_alloc(S->m->arena, sizeof(*n));
		*n = *c;
		*tail = n;
		tail = &n->next;
	}
	/* deps is newest first: the arguments in the order used. */
	for (na = 0, d = deps; d != NULL; d = d->next)
		if (d->arg && na < TF_MAX_ARGS)
			args[na++] = d;
	while (na > 0) {
		d = args[--na];
		n = arena_alloc(S->m->arena, sizeof(*n));
		n->loc = d->loc;
		n->address = d->name;
		n->msg = arena_printf(S->m->arena, "the call's argument %s, "
		    "which the role is computed from", d->value);
		*tail = n;
		tail = &n->next;
	}
	*tail = NULL;
	r->calls = head;
}

/* A literal string written as is: what a fix may replace. */
static int
plain_string(const struct hcl_expr *e)
{
	return e->kind == HCL_EXPR_TEMPLATE && e->u.tmpl.body.nparts == 1 &&
	    e->u.tmpl.body.parts[0].kind == HCL_PART_LITERAL;
}

/* The association of sa is written at r. */
static void
addon_pia_place(struct eks_addon *ad, const char *sa,
    const struct hcl_file *f, const struct hcl_range *r)
{
	size_t	 i;

	for (i = 0; i < ad->npias; i++)
		if (ad->pias[i].sa != NULL && strcmp(ad->pias[i].sa, sa) == 0)
			tfs_loc_of(f, r, &ad->pias[i].loc);
}

/*
 * Where an add-on's parts are written (its addon_name, the attribute
 * that gives it a role, each static pod_identity_association block,
 * told by its service_account), when the block is the root's own: the
 * copy of a downloaded module shows at its call, loc.  A value that is
 * not a plain string has no end, so that no fix replaces it.  Also the
 * roles an unknown ARN references.
 */
static void
addon_places(struct tf_src *S, struct eks_addon *ad, const struct tfv *inst,
    const struct tf_blk *k, const struct loc *loc)
{
	const struct hcl_attr	*a;
	const struct hcl_file	*f;
	const struct hcl_block	*b;
	const struct tfv	*l, *u, *sa;
	struct loc		 own;
	size_t			 i, j;

	ad->tf_root = S->root_no;
	ad->loc = ad->name_loc = ad->role.key_loc = ad->role.value_loc = *loc;
	for (j = 0; j < ad->npias; j++)
		ad->pias[j].loc = *loc;
	if ((u = tfv_get(inst, "service_account_role_arn")) != NULL &&
	    u->kind == TFV_UNKNOWN && u->why != NULL)
		ad->role_ref = role_ref(S, u->why);
	l = tfv_get(inst, "pod_identity_association");
	for (i = 0; l != NULL && l->kind == TFV_LIST && i < l->n; i++) {
		sa = tfv_get(l->v[i], "service_account");
		u = tfv_get(l->v[i], "role_arn");
		for (j = 0; j < ad->npias; j++)
			if (sa != NULL && sa->kind == TFV_STRING &&
			    ad->pias[j].sa != NULL &&
			    strcmp(ad->pias[j].sa, sa->s) == 0 &&
			    u != NULL && u->kind == TFV_UNKNOWN &&
			    u->why != NULL)
				ad->pias[j].role_ref = role_ref(S, u->why);
	}
	tfs_loc_of(k->file, &k->b->type_range, &own);
	if (own.file != loc->file || own.line != loc->line)
		return;
	if ((a = tfs_blk_attr(k, "addon_name", &f)) != NULL)
		tfs_loc_of(f, &a->expr->range, &ad->name_loc);
	if ((a = tfs_blk_attr(k, "service_account_role_arn", &f)) != NULL) {
		tfs_loc_of(f, &a->name_range, &ad->role.key_loc);
		tfs_loc_of(f, &a->expr->range, &ad->role.value_loc);
		if (!plain_string(a->expr))
			ad->role.value_loc.end_line =
			    ad->role.value_loc.end_col = 0;
	}
	for (i = 0; i < k->nbodies; i++)
		for (j = 0; j < k->bodies[i]->nblocks; j++) {
			b = &k->bodies[i]->blocks[j];
			if (strcmp(b->type, "pod_identity_association") != 0 ||
			    (a = hcl_attr_get(&b->body, "service_account")) ==
			    NULL || !plain_string(a->expr))
				continue;
			addon_pia_place(ad, a->expr->u.tmpl.body.parts[0].text,
			    k->file, &b->type_range);
		}
}

/*
 * The places of v's unknowns onto j, the cJSON tfv_to_cjson_raw() made
 * of it: each cJSON_Raw whose unknown says where it was written gets
 * its number in pl, as strings have theirs.
 */
static void
raw_places(const struct tfv *v, cJSON *j, struct tfv_places *pl, int depth)
{
	cJSON	*e;
	size_t	 i;

	if (v == NULL || j == NULL || depth > HCL_MAX_DEPTH)
		return;
	if (v->kind == TFV_UNKNOWN && cJSON_IsRaw(j) && v->at != NULL &&
	    pl->n < INT_MAX - 1) {
		pl->v = xreallocarray(pl->v, pl->n + 1, sizeof(*pl->v));
		pl->v[pl->n++] = v->at;
		j->valueint = (int)pl->n;
		return;
	}
	if (v->kind == TFV_LIST && cJSON_IsArray(j))
		for (i = 0, e = j->child; i < v->n && e != NULL;
		    i++, e = e->next)
			raw_places(v->v[i], e, pl, depth + 1);
	else if (v->kind == TFV_MAP && cJSON_IsObject(j))
		for (i = 0; i < v->n; i++)
			raw_places(v->v[i], cJSON_GetObjectItemCaseSensitive(j,
			    v->k[i]), pl, depth + 1);
}

/*
 * A Kubernetes or Helm resource's instance for tf_k8s.c: the whole
 * instance with unknowns as cJSON_Raw, the places of its strings and
 * unknowns, and, for each element of a release's values that
 * yamlencode() makes, the structure it encodes.  Freed by the caller,
 * locs included.
 */
static void
raw_commit(struct tf_src *S, const struct tfv *inst, struct loc **locs,
    cJSON **raw, cJSON **yaml)
{
	struct tfv_places	 pl = { NULL, 0 };
	const struct tfv	*vals;
	cJSON			*y;
	size_t			 i;

	*raw = tfv_to_cjson_raw(inst, &pl);
	raw_places(inst, *raw, &pl, 0);
	*yaml = NULL;
	vals = tfv_get(inst, "values");
	if (vals != NULL && vals->kind == TFV_LIST) {
		*yaml = cJSON_CreateArray();
		for (i = 0; i < vals->n; i++) {
			y = NULL;
			if (vals->v[i]->kind == TFV_UNKNOWN &&
			    vals->v[i]->json_of != NULL) {
				y = tfv_to_cjson_raw(vals->v[i]->json_of, &pl);
				raw_places(vals->v[i]->json_of, y, &pl, 0);
			}
			cJSON_AddItemToArray(*yaml, y != NULL ? y :
			    cJSON_CreateNull());
		}
	}
	*locs = xreallocarray(NULL, pl.n + 1, sizeof(**locs));
	for (i = 0; i < pl.n; i++)
		tfs_loc_of(pl.v[i]->file, &pl.v[i]->range, &(*locs)[i]);
	S->ctx.raw = *raw;
	S->ctx.raw_yaml = *yaml;
	S->ctx.raw_locs = *locs;
	S->ctx.nraw_locs = pl.n;
	free(pl.v);
}

/* One instance into the model, at its line. */
static void
res_commit(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const struct tfv *inst, const char *addr)
{
	const struct related *calls;
	struct tf_memo	*mm;
	struct model	*m = S->m;
	struct tf_res	 r;
	cJSON		*values, *unknown, *raw = NULL, *yaml = NULL;
	struct loc	 loc, *locs = NULL;
	size_t		 nr = m->roles.n, np = m->providers.n,
			 nc = m->clusters.n, nrp = m->role_policies.n,
			 npi = m->pod_identities.n, na = m->addons.n,
			 nsa = m->tf_sas.n, i;
	const struct tfv *u;

	obj_loc(I, k, &loc);
	if (tfv_size(inst) > TF_MAX_SIZE) {
		diag_error(S->dg, &loc, "%s: its arguments have more than %lu "
		    "elements written out, more than any configuration needs; "
		    "it is not checked", addr, TF_MAX_SIZE);
		return;
	}
	values = tfv_to_cjson(inst, &unknown);
	r.address = addr;
	r.type = tfs_label(k->b, 0);
	r.values = values;
	r.unknown = unknown;
	S->ctx.file = loc.file;
	S->ctx.at = &loc;
	if (tf_k8s_wanted(r.type))
		raw_commit(S, inst, &locs, &raw, &yaml);
	tf_resource(&S->ctx, &r);
	S->ctx.at = NULL;
	S->ctx.raw = S->ctx.raw_yaml = NULL;
	S->ctx.raw_locs = NULL;
	S->ctx.nraw_locs = 0;
	cJSON_Delete(values);
	cJSON_Delete(unknown);
	cJSON_Delete(raw);
	cJSON_Delete(yaml);
	free(locs);
	mm = tfs_memo_get(S, I, k->key);
	calls = call_chain(S, I);
	for (i = nr; i < m->roles.n; i++) {
		role_assumes(S, m->roles.v[i], mm->deps, calls);
		m->roles.v[i]->tf_root = S->root_no;
		m->roles.v[i]->loc = loc;
		role_trust(S, m->roles.v[i], inst, k);
	}
	for (i = np; i < m->providers.n; i++) {
		m->providers.v[i]->tf_root = S->root_no;
		m->providers.v[i]->loc = loc;
	}
	for (i = nc; i < m->clusters.n; i++) {
		m->clusters.v[i]->tf_root = S->root_no;
		m->clusters.v[i]->loc = loc;
	}
	for (i = nrp; i < m->role_policies.n; i++) {
		m->role_policies.v[i]->tf_root = S->root_no;
		m->role_policies.v[i]->loc = loc;
		if (m->role_policies.v[i]->role == NULL &&
		    (u = tfv_get(inst, "role")) != NULL &&
		    u->kind == TFV_UNKNOWN && u->why != NULL)
			m->role_policies.v[i]->role_ref = role_ref(S, u->why);
	}
	for (i = npi; i < m->pod_identities.n; i++) {
		m->pod_identities.v[i]->tf_root = S->root_no;
		m->pod_identities.v[i]->loc = loc;
		if (m->pod_identities.v[i]->role_arn == NULL &&
		    (u = tfv_get(inst, "role_arn")) != NULL &&
		    u->kind == TFV_UNKNOWN && u->why != NULL)
			m->pod_identities.v[i]->role_ref = role_ref(S,
			    u->why);
	}
	for (i = na; i < m->addons.n; i++)
		addon_places(S, m->addons.v[i], inst, k, &loc);
	for (i = nsa; i < m->tf_sas.n; i++)
		m->tf_sas.v[i]->tf_root = S->root_no;
}

/*
 * Evaluate a module instance: every resource the model knows into it,
 * every module call into its instances, in the order they are written.
 */
void
tfs_eval_inst(struct tf_src *S, struct tf_inst *I)
{
	const struct tf_blk	*k;
	struct tf_inst		**ch;
	struct tfv		*v;
	struct loc		 loc;
	const char		*type;
	size_t			 i, j, n;

	for (i = 0; i < I->mod->nfiles; i++)
		if (I->mod->files[i]->nerrors > 0) {
			/* As terraform plan: a syntax error stops it all. */
			memset(&loc, 0, sizeof(loc));
			loc.file = I->mod->files[i]->name;
			loc.line = loc.col = 1;
			tfs_gap(S, &loc, I->prefix[0] != '\0' ? arena_strndup(
			    S->m->arena, I->prefix, strlen(I->prefix) - 1) :
			    I->mod->dir, "the module has syntax errors, so "
			    "nothing it declares is evaluated or checked");
			return;
		}
	for (i = 0; i < I->mod->norder && !S->ev.over; i++) {
		k = I->mod->order[i];
		if (strcmp(k->b->type, "module") == 0) {
			ch = tfs_call_children(S, I, tfs_label(k->b, 0), &n, &k);
			for (j = 0; j < n; j++)
				tfs_eval_inst(S, ch[j]);
			continue;
		}
		type = tfs_label(k->b, 0);
		if (strcmp(k->b->type, "resource") != 0 || !wanted(type))
			continue;
		v = tfs_res_value(S, I, k->key, tfs_at_new(S, k->file,
		    &k->b->type_range));
		obj_loc(I, k, &loc);
		if (v->kind == TFV_UNKNOWN) {
			if (!(v->flags & TFV_ERROR))
				tfs_gap(S, &loc, tfs_res_addr(S, I, k, NULL),
				    arena_printf(S->m->arena, "%s, so this "
				    "%s is not checked", v->why, type));
			continue;
		}
		if (tfs_blk_attr(k, "count", NULL) == NULL &&
		    tfs_blk_attr(k, "for_each", NULL) == NULL) {
			res_commit(S, I, k, v, tfs_res_addr(S, I, k, NULL));
			continue;
		}
		for (j = 0; j < v->n; j++)
			if (v->v[j]->kind == TFV_MAP)
				res_commit(S, I, k, v->v[j], v->v[j]->why);
	}
}
