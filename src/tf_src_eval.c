/* SPDX-License-Identifier: ISC */
/*
 * The evaluator of a module instance: variables, locals, resources,
 * data sources, module calls and their outputs, each evaluated when an
 * expression uses it (lookup(), which tf_eval() asks) and remembered;
 * the functions that need the sources (file, templatefile) in
 * call_fn().  These call one another, so they live in one file.
 */

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "policy.h"
#include "xalloc.h"

#include "tf_src_impl.h"

static struct tfv	*lookup(struct tf_ev *, const struct tf_env *,
			    const struct hcl_trav *, const struct tf_at *,
			    size_t *);
static struct tfv	*call_fn(struct tf_ev *, const struct tf_env *,
			    const struct tf_call *);
static struct tfv	*eval_body(struct tf_src *, struct tf_inst *,
			    const struct tf_blk *, const struct hcl_body **,
			    size_t, const struct hcl_file *,
			    const struct tf_scope *, int);
static struct tfv *convert(struct tf_src *, const struct hcl_expr *,
		    struct tfv *, const struct tf_at *, const char *,
		    const struct hcl_file *);
static struct tfv *template_file(struct tf_src *, const struct tf_call *,
		    const char *, const char *, size_t);
static struct tfv *template_lookup(struct tf_ev *, const struct tf_env *,
		    const struct hcl_trav *, const struct tf_at *, size_t *);
static struct tfv *output_value(struct tf_src *, struct tf_inst *,
		    const char *, const struct tf_at *);
static void	call_instances(struct tf_src *, struct tf_inst *,
		    const struct tf_blk *);

/* An environment in instance I, file f, with these names bound. */
struct tf_env *
tfs_env_new(struct tf_src *S, struct tf_inst *I, const struct hcl_file *f,
    const struct tf_scope *scope)
{
	struct tf_env	*e = arena_alloc(S->m->arena, sizeof(*e));

	e->file = f;
	e->scope = scope;
	e->lookup = lookup;
	e->call = call_fn;
	e->mod = I;
	return e;
}

/*
 * An object type's attributes into a value: each written one converted,
 * a missing optional() one its default or null, a missing required one
 * an error; attributes the type does not name are dropped, as
 * Terraform's conversion does (terraform 1.11 console: an object of
 * optional(string) and optional(string, "x") from { a = "1" } is
 * { a = "1", b = "x" }).
 */
static struct tfv *
convert_object(struct tf_src *S, const struct hcl_expr *t, struct tfv *v,
    const struct tf_at *at, const char *name, const struct hcl_file *f)
{
	const struct hcl_expr	*o = tfs_type_arg(t, 0), *at_t, *def;
	const struct hcl_item	*it;
	const char		**keys, *k;
	struct tfv		**vals, *e;
	struct tf_env		*env;
	size_t			 i, n = 0;

	if (o == NULL || (o = hcl_expr_unwrap(o))->kind != HCL_EXPR_OBJECT)
		return v;
	if (v->kind != TFV_MAP)
		return tf_error(&S->ev, at, "var.%s must be an object, not a %s",
		    name, tfv_kind_name(v));
	keys = arena_alloc(S->m->arena, (o->u.object.n + 1) * sizeof(*keys));
	vals = arena_alloc(S->m->arena, (o->u.object.n + 1) * sizeof(*vals));
	for (i = 0; i < o->u.object.n; i++) {
		it = &o->u.object.v[i];
		if ((k = it->key_name) == NULL)
			k = hcl_expr_string(it->key, NULL);
		if (k == NULL)
			continue;
		at_t = hcl_expr_unwrap(it->value);
		def = NULL;
		if (at_t->kind == HCL_EXPR_CALL &&
		    strcmp(at_t->u.call.name, "optional") == 0) {
			def = tfs_type_arg(at_t, 1);
			at_t = tfs_type_arg(at_t, 0);
		} else if ((e = tfv_get(v, k)) == NULL)
			return tf_error(&S->ev, at, "var.%s: attribute \"%s\" "
			    "is required by its type", name, k);
		if ((e = tfv_get(v, k)) == NULL || (e->kind == TFV_NULL &&
		    def != NULL)) {
			if (def != NULL) {
				env = tfs_env_new(S, NULL, f, NULL);
				env->lookup = NULL;
				e = tf_eval(&S->ev, env, def);
			} else
				e = tfv_null(&S->ev);
		}
		keys[n] = k;
		vals[n++] = convert(S, at_t, e, at, name, f);
	}
	return tfv_map(&S->ev, keys, vals, n);
}

/*
 * Convert a value to a variable's type, as Terraform does as far as
 * irsalint needs: primitives, list, set, map and object types with
 * optional() attributes; others leave the value as it is.
 */
static struct tfv *
convert(struct tf_src *S, const struct hcl_expr *type, struct tfv *v,
    const struct tf_at *at, const char *name, const struct hcl_file *f)
{
	const struct hcl_expr	*t, *el;
	const char		*s, *fn;
	struct tfv		*out;
	size_t			 len, i;
	double			 d;
	int			 b;

	if (type == NULL || v->kind == TFV_UNKNOWN || v->kind == TFV_NULL ||
	    S->ev.over)
		return v;
	t = hcl_expr_unwrap(type);
	if (t->kind == HCL_EXPR_CALL) {
		fn = t->u.call.name;
		el = tfs_type_arg(t, 0);
		if (strcmp(fn, "object") == 0)
			return convert_object(S, t, v, at, name, f);
		if ((strcmp(fn, "list") == 0 || strcmp(fn, "set") == 0) &&
		    v->kind == TFV_LIST) {
			out = tfv_list(&S->ev, v->n, 0);
			for (i = 0; i < v->n; i++)
				out->v[i] = convert(S, el, v->v[i], at, name,
				    f);
			return fn[0] == 's' ? tfv_set(&S->ev, out) : out;
		}
		if (strcmp(fn, "map") == 0 && v->kind == TFV_MAP) {
			out = tfv_map(&S->ev, v->k, v->v, v->n);
			for (i = 0; i < out->n; i++)
				out->v[i] = convert(S, el, v->v[i], at, name,
				    f);
			return out;
		}
		return v;
	}
	if (t->kind != HCL_EXPR_TRAVERSAL || t->u.trav.nsteps != 0)
		return v;
	if (strcmp(t->u.trav.root, "string") == 0) {
		if (tfv_to_string(&S->ev, v, &s, &len) == -1)
			return tf_error(&S->ev, at, "var.%s must be a string, "
			    "not a %s", name, tfv_kind_name(v));
		return v->kind == TFV_STRING ? v : tfv_str(&S->ev, s, len);
	}
	if (strcmp(t->u.trav.root, "number") == 0) {
		if (tfv_to_number(v, &d) == -1)
			return tf_error(&S->ev, at, "var.%s must be a number, "
			    "not a %s", name, tfv_kind_name(v));
		return tfv_num(&S->ev, d);
	}
	if (strcmp(t->u.trav.root, "bool") == 0) {
		if (tfv_to_bool(v, &b) == -1)
			return tf_error(&S->ev, at, "var.%s must be a bool, "
			    "not a %s", name, tfv_kind_name(v));
		return tfv_bool(&S->ev, b);
	}
	return v;
}

static struct tfv *
var_value(struct tf_src *S, struct tf_inst *I, const char *name,
    const struct tf_at *at)
{
	struct tf_memo		*mm;
	const struct tf_blk	*k, *call;
	const struct hcl_attr	*def, *type, *arg, *nb;
	const struct hcl_file	*f;
	struct tf_frame		 fr;
	struct tf_dep		 ad;
	struct tfv		*v;

	mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "var.%s", name));
	if (mm->state == 2) {
		tfs_dep_use(S, mm);
		return mm->v;
	}
	if (mm->state == 1)
		return tf_error(&S->ev, at, "var.%s depends on itself", name);
	if ((k = tfs_map_blk(&I->mod->vars, name)) == NULL)
		return tf_error(&S->ev, at, "no variable \"%s\" is declared "
		    "in %s", name, I->mod->dir);
	mm->state = 1;
	def = tfs_blk_attr(k, "default", &f);
	type = tfs_blk_attr(k, "type", NULL);
	call = I->call;
	v = NULL;
	tfs_dep_enter(S, &fr);
	if (call != NULL && (arg = tfs_blk_attr(call, name, &f)) != NULL) {
		v = tf_eval(&S->ev, tfs_env_new(S, I->parent, call->file,
		    I->call_scope), arg->expr);
		memset(&ad, 0, sizeof(ad));
		ad.arg = 1;
		ad.name = arena_strndup(S->m->arena, I->prefix,
		    strlen(I->prefix) - 1);
		ad.value = arg->name;
		tfs_loc_of(f, &arg->name_range, &ad.loc);
		tfs_dep_add(S, &ad);
	} else if (I->is_root && (v = tfs_root_var(S, I, name)) != NULL)
		;
	else if (def != NULL) {
		v = tf_eval(&S->ev, tfs_env_new(S, I, k->file, NULL), def->expr);
		if (I->is_root && tfv_known(v))
			tfs_var_default(S, name, v, k->file, def);
	} else if (I->is_root)
		v = tfv_unknown(&S->ev, arena_printf(S->m->arena, "var.%s, "
		    "which has no value (give one with --var or "
		    "--var-file)", name), tfs_at_new(S, k->file,
		    &k->b->labels[0].range));
	else
		v = tf_error(&S->ev, tfs_at_new(S, call->file,
		    &call->b->type_range), "module %s: the call sets no "
		    "value for variable \"%s\", which has no default",
		    tfs_label(call->b, 0), name);
	/* nullable = false: a null passed means the default. */
	if (v != NULL && v->kind == TFV_NULL && (nb = tfs_blk_attr(k, "nullable",
	    NULL)) != NULL && nb->expr->kind == HCL_EXPR_LITERAL &&
	    nb->expr->u.lit.kind == HCL_LIT_BOOL && !nb->expr->u.lit.b) {
		if (def != NULL)
			v = tf_eval(&S->ev, tfs_env_new(S, I, k->file, NULL),
			    def->expr);
		else
			v = tf_error(&S->ev, at, "var.%s is null, which it may "
			    "not be (nullable = false) and has no default",
			    name);
	}
	v = convert(S, type != NULL ? type->expr : NULL, v, at, name,
	    k->file);
	mm->state = 2;
	mm->v = v;
	tfs_dep_leave(S, &fr, mm);
	return v;
}

static struct tfv *
local_value(struct tf_src *S, struct tf_inst *I, const char *name,
    const struct tf_at *at)
{
	const struct strmap_val	*sv;
	const struct tf_attr	*la;
	struct tf_memo		*mm;
	struct tf_frame		 fr;
	struct tfv		*v;

	mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "local.%s", name));
	if (mm->state == 2) {
		tfs_dep_use(S, mm);
		return mm->v;
	}
	if (mm->state == 1)
		return tf_error(&S->ev, at, "local.%s depends on itself",
		    name);
	if ((sv = strmap_get(&I->mod->locals, name)) == NULL)
		return tf_error(&S->ev, at, "no local value \"%s\" in %s",
		    name, I->mod->dir);
	while (sv->next != NULL)	/* an override's wins */
		sv = sv->next;
	la = sv->v;
	mm->state = 1;
	tfs_dep_enter(S, &fr);
	v = tf_eval(&S->ev, tfs_env_new(S, I, la->file, NULL), la->a->expr);
	mm->state = 2;
	mm->v = v;
	tfs_dep_leave(S, &fr, mm);
	return v;
}

/*
 * The instances of a resource or a call: count or for_each evaluated.
 * Returns 0 for a single instance, 1 with *keys and *vals (and *n) for
 * count (keys numbers) or for_each (keys strings, in key order), and
 * -1 with *unk set when they are unknown.
 */
int
tfs_instances(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    struct tfv ***keys, struct tfv ***vals, size_t *n, int *foreach,
    struct tfv **unk)
{
	const struct hcl_attr	*a;
	const struct hcl_file	*f;
	struct tfv		*v, *l;
	const struct tf_at	*at;
	double			 d;
	size_t			 i;
	int			 b;

	*foreach = 0;
	*n = 0;
	if ((a = tfs_blk_attr(k, "count", &f)) != NULL) {
		at = tfs_at_new(S, f, &a->expr->range);
		v = tf_eval(&S->ev, tfs_env_new(S, I, f, NULL), a->expr);
		if (v->kind == TFV_UNKNOWN) {
			*unk = v;
			return -1;
		}
		if (v->kind == TFV_BOOL || tfv_to_number(v, &d) == -1 ||
		    d < 0 || d != floor(d)) {
			*unk = tf_error(&S->ev, at, "count must be a whole "
			    "number, not %s", v->kind == TFV_NUMBER ?
			    tfv_num_text(&S->ev, v->num) : tfv_kind_name(v));
			return -1;
		}
		if (d > TF_MAX_INSTANCES) {
			*unk = tf_error(&S->ev, at, "count %s is more than "
			    "%d instances", tfv_num_text(&S->ev, d),
			    TF_MAX_INSTANCES);
			return -1;
		}
		*n = (size_t)d;
		*keys = arena_alloc(S->m->arena, (*n + 1) * sizeof(**keys));
		*vals = arena_alloc(S->m->arena, (*n + 1) * sizeof(**vals));
		for (i = 0; i < *n; i++)
			(*keys)[i] = (*vals)[i] = tfv_num(&S->ev, (double)i);
		return 1;
	}
	if ((a = tfs_blk_attr(k, "for_each", &f)) == NULL)
		return 0;
	*foreach = 1;
	at = tfs_at_new(S, f, &a->expr->range);
	v = tf_eval(&S->ev, tfs_env_new(S, I, f, NULL), a->expr);
	if (v->kind == TFV_UNKNOWN) {
		*unk = v;
		return -1;
	}
	if (v->kind == TFV_LIST && (v->flags & TFV_SET) == 0) {
		*unk = tf_error(&S->ev, at, "for_each needs a map or a set "
		    "of strings, not a list: convert it with toset()");
		return -1;
	}
	if (v->kind != TFV_LIST && v->kind != TFV_MAP) {
		*unk = tf_error(&S->ev, at, "for_each needs a map or a set "
		    "of strings, not a %s", tfv_kind_name(v));
		return -1;
	}
	if (v->kind == TFV_LIST) {
		/* A set of strings: each.key and each.value are the same. */
		l = v;
		for (i = 0; i < l->n; i++)
			if (l->v[i]->kind == TFV_UNKNOWN) {
				*unk = l->v[i];
				return -1;
			} else if (l->v[i]->kind != TFV_STRING) {
				*unk = tf_error(&S->ev, at, "for_each needs a "
				    "set of strings; element %zu is a %s", i,
				    tfv_kind_name(l->v[i]));
				return -1;
			}
		*keys = l->v;
		*vals = l->v;
		*n = l->n;
		(void)b;
		return 1;
	}
	*n = v->n;
	*keys = arena_alloc(S->m->arena, (*n + 1) * sizeof(**keys));
	*vals = v->v;
	for (i = 0; i < *n; i++)
		(*keys)[i] = tfv_strz(&S->ev, v->k[i]);
	return 1;
}

/*
 * A body as a value: its attributes, and its nested blocks as lists of
 * values by type, dynamic blocks expanded.  Arguments like count and
 * for_each that are the block's own (meta) are left out when meta is
 * set.
 */
static int
is_meta(const char *name)
{
	return strcmp(name, "count") == 0 || strcmp(name, "for_each") == 0 ||
	    strcmp(name, "depends_on") == 0 || strcmp(name, "provider") == 0 ||
	    strcmp(name, "lifecycle") == 0 || strcmp(name, "providers") == 0 ||
	    strcmp(name, "source") == 0 || strcmp(name, "version") == 0;
}

/* dynamic "label" { for_each = ..., iterator = x, content { ... } } */
static void
dynamic(struct tf_src *S, struct tf_inst *I, const struct hcl_block *b,
    const struct hcl_file *f, const struct tf_scope *scope, struct kvv *a)
{
	const struct hcl_attr	*fe, *it;
	const struct hcl_block	*content = NULL;
	const struct hcl_body	*body;
	const char		*name = tfs_label(b, 0), *iter, *k[2];
	struct tfv		*coll, *v[2];
	struct tf_scope		*s;
	size_t			 i;

	if (name == NULL)
		return;
	fe = hcl_attr_get(&b->body, "for_each");
	it = hcl_attr_get(&b->body, "iterator");
	for (i = 0; i < b->body.nblocks; i++)
		if (strcmp(b->body.blocks[i].type, "content") == 0)
			content = &b->body.blocks[i];
	if (fe == NULL || content == NULL) {
		tfs_blocks_add(S, a, name, tf_error(&S->ev, tfs_at_new(S, f,
		    &b->type_range), "dynamic \"%s\" needs for_each and a "
		    "content block", name), b, f);
		return;
	}
	iter = name;
	if (it != NULL) {
		const struct hcl_expr *x = hcl_expr_unwrap(it->expr);

		if (x->kind == HCL_EXPR_TRAVERSAL && x->u.trav.nsteps == 0)
			iter = x->u.trav.root;
	}
	coll = tf_eval(&S->ev, tfs_env_new(S, I, f, scope), fe->expr);
	if (coll->kind == TFV_UNKNOWN) {
		tfs_blocks_add(S, a, name, coll, b, f);
		return;
	}
	if (coll->kind != TFV_LIST && coll->kind != TFV_MAP) {
		tfs_blocks_add(S, a, name, tf_error(&S->ev, tfs_at_new(S, f,
		    &fe->expr->range), "dynamic \"%s\": for_each needs a "
		    "list, a set or a map, not a %s", name,
		    tfv_kind_name(coll)), b, f);
		return;
	}
	body = &content->body;
	for (i = 0; i < coll->n; i++) {
		k[0] = "key";
		v[0] = coll->kind == TFV_MAP ? tfv_strz(&S->ev, coll->k[i]) :
		    (coll->flags & TFV_SET) ? coll->v[i] :
		    tfv_num(&S->ev, (double)i);
		k[1] = "value";
		v[1] = coll->v[i];
		s = arena_alloc(S->m->arena, sizeof(*s));
		s->name = iter;
		s->val = tfv_map(&S->ev, k, v, 2);
		s->next = scope;
		tfs_blocks_add(S, a, name, eval_body(S, I, NULL, &body, 1, f, s,
		    0), b, f);
	}
	if (S->ev.over)
		tfs_blocks_add(S, a, name, tf_stopped(&S->ev), b, f);
}

static struct tfv *
eval_body(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const struct hcl_body **bodies, size_t nbodies, const struct hcl_file *f,
    const struct tf_scope *scope, int meta)
{
	struct kvv		 a = { NULL, NULL, 0, 0 };
	const struct hcl_body	*body;
	const struct hcl_block	*b;
	const struct hcl_body	*one;
	struct tfv		*v;
	size_t			 i, j, bi;
	int			 later;

	(void)k;
	for (bi = 0; bi < nbodies; bi++) {
		body = bodies[bi];
		for (i = 0; i < body->nattrs; i++) {
			if (meta && is_meta(body->attrs[i].name))
				continue;
			/* A later body's argument wins. */
			for (j = bi + 1, later = 0; j < nbodies; j++)
				if (hcl_attr_get(bodies[j],
				    body->attrs[i].name) != NULL)
					later = 1;
			if (later)
				continue;
			tfs_kvv_add(&a, body->attrs[i].name, tf_eval(&S->ev,
			    tfs_env_new(S, I, f, scope), body->attrs[i].expr));
		}
		for (i = 0; i < body->nblocks; i++) {
			b = &body->blocks[i];
			if (meta && is_meta(b->type))
				continue;
			/* An override's blocks of a type replace them all. */
			for (j = bi + 1, later = 0; j < nbodies; j++) {
				size_t	 x;

				for (x = 0; x < bodies[j]->nblocks; x++)
					if (strcmp(bodies[j]->blocks[x].type,
					    strcmp(b->type, "dynamic") == 0 ?
					    tfs_label(b, 0) ? tfs_label(b, 0) : "" :
					    b->type) == 0)
						later = 1;
			}
			if (later)
				continue;
			if (strcmp(b->type, "dynamic") == 0) {
				dynamic(S, I, b, f, scope, &a);
				continue;
			}
			one = &b->body;
			tfs_blocks_add(S, &a, b->type, eval_body(S, I, NULL, &one,
			    1, f, scope, 0), b, f);
		}
	}
	v = tfv_map(&S->ev, a.k, a.v, a.n);
	free(a.k);
	free(a.v);
	return v;
}

/* One instance of a resource or data source: its arguments. */
static struct tfv *
res_instance(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const struct tf_scope *scope, const char *addr)
{
	struct tfv	*v, *json, **vals;
	const char	*type = tfs_label(k->b, 0), **keys;
	size_t		 i;

	v = eval_body(S, I, k, k->bodies, k->nbodies, k->file, scope, 1);
	if (strcmp(k->b->type, "data") == 0 &&
	    strcmp(type, "aws_iam_policy_document") == 0) {
		json = tf_doc_render(&S->ev, v, tfs_at_new(S, k->file,
		    &k->b->type_range));
		if (json->kind == TFV_UNKNOWN && !(json->flags & TFV_ERROR)) {
			json = tfv_unknown(&S->ev, json->why, json->at);
			json->json_of = tf_doc_render(&S->ev, v, NULL)->json_of;
			json->doc = addr;
		}
		keys = arena_alloc(S->m->arena, (v->n + 3) * sizeof(*keys));
		vals = arena_alloc(S->m->arena, (v->n + 3) * sizeof(*vals));
		for (i = 0; i < v->n; i++) {
			keys[i] = v->k[i];
			vals[i] = v->v[i];
		}
		keys[i] = "json";
		vals[i++] = json;
		keys[i] = "minified_json";
		vals[i++] = json;
		v = tfv_map(&S->ev, keys, vals, i);
	}
	return tfs_provider_defaults(S, type, v, addr);
}

/*
 * The value a reference to a resource stands for: one instance, a list
 * of them (count) or a map of them (for_each).
 */
struct tfv *
tfs_res_value(struct tf_src *S, struct tf_inst *I, const char *key,
    const struct tf_at *at)
{
	const struct tf_blk	*k;
	struct tf_memo		*mm;
	struct tf_frame		 fr;
	struct tfv		**keys, **vals, **out, *v, *unk = NULL;
	const char		**ks;
	size_t			 n, i;
	int			 fe, r;

	if ((k = tfs_map_blk(&I->mod->res, key)) == NULL)
		return tf_error(&S->ev, at, "no %s is declared in %s", key,
		    I->mod->dir);
	mm = tfs_memo_get(S, I, key);
	if (mm->state == 2) {
		tfs_dep_use(S, mm);
		return mm->v;
	}
	if (mm->state == 1)
		return tf_error(&S->ev, at, "%s depends on itself", key);
	mm->state = 1;
	tfs_dep_enter(S, &fr);
	r = tfs_instances(S, I, k, &keys, &vals, &n, &fe, &unk);
	if (r == -1)
		v = unk->flags & TFV_ERROR ? unk : tfv_unknown(&S->ev,
		    arena_printf(S->m->arena, "the instances of %s%s, whose "
		    "%s depends on %s", I->prefix, key, tfs_blk_attr(k, "count",
		    NULL) != NULL ? "count" : "for_each", unk->why), unk->at);
	else if (r == 0)
		v = res_instance(S, I, k, NULL, tfs_res_addr(S, I, k, NULL));
	else if (!fe) {
		v = tfv_list(&S->ev, n, 0);
		for (i = 0; i < n; i++)
			v->v[i] = res_instance(S, I, k, tfs_inst_scope(S, 0,
			    keys[i], vals[i]), tfs_res_addr(S, I, k,
			    tfs_inst_key(S, keys[i])));
	} else {
		ks = arena_alloc(S->m->arena, (n + 1) * sizeof(*ks));
		out = arena_alloc(S->m->arena, (n + 1) * sizeof(*out));
		for (i = 0; i < n; i++) {
			ks[i] = keys[i]->s;
			out[i] = res_instance(S, I, k, tfs_inst_scope(S, 1,
			    keys[i], vals[i]), tfs_res_addr(S, I, k,
			    tfs_inst_key(S, keys[i])));
		}
		v = tfv_map(&S->ev, ks, out, n);
	}
	mm->state = 2;
	mm->v = v;
	tfs_dep_leave(S, &fr, mm);
	return v;
}

/*
 * The instances of a module call, each a module instance.  A call
 * that cannot be evaluated (not loaded, instances unknown) keeps why in
 * the memo "call.NAME", which module.NAME then stands for.
 */
static void
call_instances(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k)
{
	struct tfv		**keys, **vals, *unk = NULL;
	const char		*dir, *key, *name = tfs_label(k->b, 0), *why;
	struct tf_memo		*mm;
	struct tf_mod		*M;
	struct tf_inst		*p, *c;
	struct loc		 loc;
	size_t			 n, i;
	int			 fe, r;

	mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "call.%s", name));
	if (mm->state != 0)
		return;
	mm->state = 2;
	key = I->key[0] != '\0' ? arena_printf(S->m->arena, "%s.%s", I->key,
	    name) : name;
	tfs_loc_of(k->file, &k->b->type_range, &loc);
	why = arena_printf(S->m->arena, "module.%s, which is not evaluated",
	    name);
	mm->v = tfv_unknown(&S->ev, why, tfs_at_new(S, k->file,
	    &k->b->type_range));
	if (I->depth >= TF_MAX_MODULE_DEPTH) {
		diag_error(S->dg, &loc, "module calls nested deeper than %d",
		    TF_MAX_MODULE_DEPTH);
		return;
	}
	if ((dir = tfs_call_dir(S, I, k, key)) == NULL)
		return;
	if ((M = tfs_mod_get(S, dir, &loc)) == NULL)
		return;
	for (p = I; p != NULL; p = p->parent)
		if (p->mod == M) {
			diag_error(S->dg, &loc, "module %s calls %s, which "
			    "is already being evaluated: a module cycle",
			    name, M->dir);
			return;
		}
	r = tfs_instances(S, I, k, &keys, &vals, &n, &fe, &unk);
	if (r == -1) {
		if (!(unk->flags & TFV_ERROR))
			tfs_gap(S, &loc, arena_printf(S->m->arena, "%smodule.%s",
			    I->prefix, name), arena_printf(S->m->arena,
			    "its instances depend on %s, so what the module "
			    "declares is not checked", unk->why));
		mm->v = tfv_unknown(&S->ev, arena_printf(S->m->arena,
		    "module.%s, whose instances depend on %s", name,
		    unk->why), unk->at);
		return;
	}
	mm->v = NULL;
	if (r == 0) {
		n = 1;
		keys = vals = NULL;
	}
	for (i = 0; i < n; i++) {
		c = tfs_inst_new(S, M, I, k, r == 0 ? arena_printf(S->m->arena,
		    "%smodule.%s.", I->prefix, name) : arena_printf(
		    S->m->arena, "%smodule.%s%s.", I->prefix, name,
		    tfs_inst_key(S, keys[i])), key, r == 0 ? NULL :
		    tfs_inst_scope(S, fe, keys[i], vals[i]));
		c->ikey = r == 0 ? NULL : keys[i];
		I->children = xreallocarray(I->children, I->nchildren + 1,
		    sizeof(*I->children));
		I->children[I->nchildren++] = c;
	}
}

static struct tfv *
output_value(struct tf_src *S, struct tf_inst *I, const char *name,
    const struct tf_at *at)
{
	const struct tf_blk	*k;
	const struct hcl_attr	*a;
	const struct hcl_file	*f;
	struct tf_memo		*mm;
	struct tf_frame		 fr;
	struct tfv		*v;

	if ((k = tfs_map_blk(&I->mod->outputs, name)) == NULL)
		return tf_error(&S->ev, at, "module %s has no output \"%s\"",
		    I->mod->dir, name);
	mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "output.%s", name));
	if (mm->state == 2) {
		tfs_dep_use(S, mm);
		return mm->v;
	}
	if (mm->state == 1)
		return tf_error(&S->ev, at, "output %s depends on itself",
		    name);
	mm->state = 1;
	tfs_dep_enter(S, &fr);
	if ((a = tfs_blk_attr(k, "value", &f)) == NULL)
		v = tf_error(&S->ev, at, "output %s has no value", name);
	else
		v = tf_eval(&S->ev, tfs_env_new(S, I, f, NULL), a->expr);
	mm->state = 2;
	mm->v = v;
	tfs_dep_leave(S, &fr, mm);
	return v;
}

/* The instances of call name in I, evaluated once. */
struct tf_inst **
tfs_call_children(struct tf_src *S, struct tf_inst *I, const char *name,
    size_t *n, const struct tf_blk **kp)
{
	const struct tf_blk	*k;
	size_t			 i, first = 0;

	*n = 0;
	if ((k = tfs_map_blk(&I->mod->calls, name)) == NULL)
		return NULL;
	*kp = k;
	for (i = 0; i < I->nchildren && I->children[i]->call != k; i++)
		continue;
	if (i == I->nchildren) {
		first = I->nchildren;
		call_instances(S, I, k);
		i = first;
	}
	if (i >= I->nchildren)
		return NULL;
	while (i + *n < I->nchildren && I->children[i + *n]->call == k)
		(*n)++;
	return I->children + i;
}

/* Every output of a module instance, by name. */
static struct tfv *
inst_outputs(struct tf_src *S, struct tf_inst *I, const struct tf_at *at)
{
	struct kvv		 a = { NULL, NULL, 0, 0 };
	const struct hcl_block	*blk;
	struct tf_mod		*M = I->mod;
	struct tfv		*v;
	size_t			 f, b;

	for (f = 0; f < M->nfiles; f++)
		for (b = 0; b < M->files[f]->body.nblocks; b++) {
			blk = &M->files[f]->body.blocks[b];
			if (strcmp(blk->type, "output") == 0 &&
			    blk->nlabels == 1)
				tfs_kvv_add(&a, blk->labels[0].text, output_value(S,
				    I, blk->labels[0].text, at));
		}
	v = tfv_map(&S->ev, a.k, a.v, a.n);
	free(a.k);
	free(a.v);
	return v;
}

/*
 * module.NAME: one output (module.x.out, module.x[k].out), or the
 * outputs of every instance, as a list (count) or a map (for_each).
 */
static struct tfv *
module_value(struct tf_src *S, struct tf_inst *I, const struct hcl_trav *t,
    const struct tf_at *at, size_t *used)
{
	struct tf_inst		**ch;
	const struct tf_blk	*k = NULL;
	const struct hcl_step	*st = t->steps;
	const char		*name = st[0].name, **keys;
	struct tfv		*key, *v, **vals;
	struct tf_memo		*mm;
	size_t			 n, i;

	ch = tfs_call_children(S, I, name, &n, &k);
	if (k == NULL)
		return tf_error(&S->ev, at, "no module \"%s\" is called in %s",
		    name, I->mod->dir);
	mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "call.%s", name));
	if (mm->v != NULL)	/* not loaded, or instances unknown */
		return mm->v;
	*used = 1;
	if (tfs_blk_attr(k, "count", NULL) == NULL &&
	    tfs_blk_attr(k, "for_each", NULL) == NULL) {
		if (t->nsteps >= 2 && st[1].kind == HCL_STEP_ATTR) {
			*used = 2;
			return output_value(S, ch[0], st[1].name, at);
		}
		return inst_outputs(S, ch[0], at);
	}
	if (t->nsteps >= 3 && (st[1].kind == HCL_STEP_INDEX ||
	    st[1].kind == HCL_STEP_LEGACY) && st[2].kind == HCL_STEP_ATTR) {
		key = st[1].kind == HCL_STEP_LEGACY ? tfv_num(&S->ev,
		    strtod(st[1].name, NULL)) : tf_eval(&S->ev, tfs_env_new(S, I,
		    at->file, NULL), st[1].index);
		if (key->kind == TFV_UNKNOWN)
			return key;
		for (i = 0; i < n; i++)
			if (tfv_cmp(ch[i]->ikey, key) == 0 ||
			    (key->kind == TFV_STRING &&
			    ch[i]->ikey->kind == TFV_NUMBER &&
			    strcmp(tfv_num_text(&S->ev, ch[i]->ikey->num),
			    key->s) == 0)) {
				*used = 3;
				return output_value(S, ch[i], st[2].name, at);
			}
		return tf_error(&S->ev, at, "module.%s has no instance %s",
		    name, tfs_inst_key(S, key));
	}
	vals = arena_alloc(S->m->arena, (n + 1) * sizeof(*vals));
	keys = arena_alloc(S->m->arena, (n + 1) * sizeof(*keys));
	for (i = 0; i < n; i++) {
		vals[i] = inst_outputs(S, ch[i], at);
		keys[i] = ch[i]->ikey->kind == TFV_STRING ? ch[i]->ikey->s : "";
	}
	if (tfs_blk_attr(k, "for_each", NULL) != NULL)
		return tfv_map(&S->ev, keys, vals, n);
	v = tfv_list(&S->ev, n, 0);
	memcpy(v->v, vals, n * sizeof(*vals));
	return v;
}

static struct tfv *
lookup(struct tf_ev *ev, const struct tf_env *env, const struct hcl_trav *t,
    const struct tf_at *at, size_t *used)
{
	struct tf_src		*S = tfs_src_of(ev);
	struct tf_inst		*I = env->mod;
	const struct hcl_step	*st = t->steps;
	const char		*r = t->root, *p;
	char			 real[PATH_MAX];

	*used = 0;
	if (strcmp(r, "var") == 0 || strcmp(r, "local") == 0 ||
	    strcmp(r, "path") == 0 || strcmp(r, "terraform") == 0 ||
	    strcmp(r, "module") == 0 || strcmp(r, "data") == 0) {
		if (t->nsteps == 0 || st[0].kind != HCL_STEP_ATTR)
			return tf_error(ev, at, "%s must be followed by "
			    ".name", r);
	}
	if (strcmp(r, "var") == 0) {
		*used = 1;
		return var_value(S, I, st[0].name, at);
	}
	if (strcmp(r, "local") == 0) {
		*used = 1;
		return local_value(S, I, st[0].name, at);
	}
	if (strcmp(r, "module") == 0)
		return module_value(S, I, t, at, used);
	if (strcmp(r, "path") == 0) {
		*used = 1;
		/*
		 * As Terraform, which runs in the root module: path.module
		 * relative to it ("." or "modules/irsa"), path.root ".",
		 * path.cwd absolute (basename() of it names clusters).
		 */
		if (strcmp(st[0].name, "module") == 0)
			return tfv_strz(ev, tfs_rel_path(S, S->root_real,
			    I->mod->real));
		if (strcmp(st[0].name, "root") == 0)
			return tfv_strz(ev, ".");
		if (strcmp(st[0].name, "cwd") == 0) {
			p = S->root_path;
			if (realpath(p, real) != NULL)
				p = real;
			return tfv_strz(ev, p);
		}
		return tf_error(ev, at, "path.%s: Terraform has path.module, "
		    "path.root and path.cwd", st[0].name);
	}
	if (strcmp(r, "terraform") == 0) {
		*used = 1;
		return tfv_unknown(ev, arena_printf(S->m->arena,
		    "terraform.%s, which depends on where terraform runs",
		    st[0].name), at);
	}
	if (strcmp(r, "data") == 0) {
		if (t->nsteps < 2 || st[1].kind != HCL_STEP_ATTR)
			return tf_error(ev, at, "data must be followed by "
			    ".type.name");
		*used = 2;
		return tfs_res_value(S, I, arena_printf(S->m->arena, "data.%s.%s",
		    st[0].name, st[1].name), at);
	}
	if (strcmp(r, "each") == 0 || strcmp(r, "count") == 0 ||
	    strcmp(r, "self") == 0)
		return tf_error(ev, at, "%s is not available here", r);
	if (t->nsteps == 0 || st[0].kind != HCL_STEP_ATTR)
		return NULL;
	*used = 1;
	return tfs_res_value(S, I, arena_printf(S->m->arena, "%s.%s", r,
	    st[0].name), at);
}

/* file() and templatefile() read files, only inside the repository. */
static struct tfv *
call_fn(struct tf_ev *ev, const struct tf_env *env, const struct tf_call *c)
{
	struct tf_src	*S = tfs_src_of(ev);
	const char	*path, *data, *full;
	char		 real[PATH_MAX];
	size_t		 len;

	if (strcmp(c->name, "file") != 0 && strcmp(c->name, "templatefile"))
		return NULL;
	(void)env;
	if (c->nargs < 1 || c->args[0]->kind != TFV_STRING) {
		if (c->nargs >= 1 && c->args[0]->kind == TFV_UNKNOWN)
			return tfv_unknown_of(ev, c->args, c->nargs);
		return tf_error(ev, c->at, "%s: the first argument must be "
		    "a path", c->name);
	}
	path = c->args[0]->s;
	if (S->no_disk)
		return tfv_unknown(ev, arena_printf(S->m->arena, "%s(\"%s\"), "
		    "which is not read for standard input", c->name, path),
		    c->at);
	/* Relative to where Terraform runs: the root module. */
	full = path;
	while (full[0] == '.' && full[1] == '/')
		full += 2;
	if (full[0] != '/')
		full = arena_printf(S->m->arena, "%s/%s", S->root_path, full);
	if (realpath(full, real) == NULL)
		return tf_error(ev, c->at, "%s: cannot open %s: %s", c->name,
		    path, strerror(errno));
	if (!tfs_inside_root(S, real))
		return tf_error(ev, c->at, "%s: %s is outside the repository, "
		    "and is not read", c->name, path);
	if ((data = tfs_read_all(S, real, &len, TF_MAX_STRING)) == NULL)
		return tf_error(ev, c->at, "%s: cannot read %s", c->name, path);
	if (strcmp(c->name, "templatefile") == 0)
		return template_file(S, c, full, data, len);
	return tfv_str(ev, data, len);
}

/*
 * templatefile(path, vars): the file is a template that sees only the
 * variables given (Terraform's rule), and may not call templatefile()
 * itself.
 */
static struct tfv *
template_file(struct tf_src *S, const struct tf_call *c, const char *path,
    const char *data, size_t len)
{
	struct tf_ev		*ev = &S->ev;
	const struct tfv	*vars;
	struct hcl_file		*f;
	struct hcl_expr		*x;
	struct tf_scope		*sc = NULL, *e;
	struct tf_env		*env;
	struct tfv		*v;
	size_t			 i, nerr;

	if (c->nargs != 2)
		return tf_error(ev, c->at, "templatefile: expects 2 arguments "
		    "(a path and a map of variables), got %zu", c->nargs);
	vars = c->args[1];
	if (vars->kind == TFV_UNKNOWN)
		return tfv_unknown_of(ev, c->args + 1, 1);
	if (vars->kind != TFV_MAP)
		return tf_error(ev, c->at, "templatefile: the variables must "
		    "be a map, not a %s", tfv_kind_name(vars));
	if (S->in_template)
		return tf_error(ev, c->at, "templatefile: a template cannot "
		    "call templatefile()");
	f = arena_alloc(S->m->arena, sizeof(*f));
	f->name = arena_strdup(S->m->arena, path);
	f->data = data;
	f->len = len;
	x = hcl_parse_template(S->m->arena, S->dg, f->name, data, len, &nerr);
	if (nerr > 0)
		return tf_error(ev, c->at, "templatefile: %s is not a valid "
		    "template (see the errors above)", path);
	for (i = 0; i < vars->n; i++) {
		e = arena_alloc(S->m->arena, sizeof(*e));
		e->name = vars->k[i];
		e->val = vars->v[i];
		e->next = sc;
		sc = e;
	}
	env = tfs_env_new(S, NULL, f, sc);
	env->lookup = template_lookup;
	S->in_template++;
	v = tf_eval(ev, env, x);
	S->in_template--;
	if (v->kind != TFV_STRING && v->kind != TFV_UNKNOWN &&
	    tfv_to_string(ev, v, &data, &len) == 0)
		v = tfv_str(ev, data, len);
	return v;
}

/* In a template file, a name the variables do not give is an error. */
static struct tfv *
template_lookup(struct tf_ev *ev, const struct tf_env *env,
    const struct hcl_trav *t, const struct tf_at *at, size_t *used)
{
	(void)env;
	*used = 0;
	return tf_error(ev, at, "the template has no variable \"%s\": "
	    "templatefile() gives a template only the variables of its "
	    "second argument", t->root);
}
