/* SPDX-License-Identifier: ISC */
/*
 * What the evaluator keeps and looks up: the memo of each name per
 * module instance, the root defaults and call arguments a value
 * depends on, type constraints, instance keys and scopes (count,
 * for_each), nested blocks as values, provider default tags, and the
 * directory a module call reads.
 */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "policy.h"
#include "util.h"
#include "xalloc.h"

#include "tf_src_impl.h"

struct tf_memo *
tfs_memo_get(struct tf_src *S, struct tf_inst *I, const char *key)
{
	const struct strmap_val	*v;
	struct tf_memo		*mm;

	if ((v = strmap_get(&I->memo, key)) != NULL)
		return v->v;
	mm = arena_alloc(S->m->arena, sizeof(*mm));
	strmap_add(&I->memo, S->m->arena, arena_strdup(S->m->arena, key), mm);
	return mm;
}

/* The current evaluation depends on default or argument d. */
void
tfs_dep_add(struct tf_src *S, const struct tf_dep *d)
{
	struct tf_frame	*f = S->frame;
	struct tf_dep	*e;

	if (f == NULL || f->n[d->arg] >= (d->arg ? TF_MAX_ARGS : TF_MAX_DEPS))
		return;
	for (e = f->deps; e != NULL; e = e->next)
		if (e->arg == d->arg && strcmp(e->name, d->name) == 0 &&
		    (!d->arg || strcmp(e->value, d->value) == 0))
			return;
	e = arena_alloc(S->m->arena, sizeof(*e));
	*e = *d;
	e->next = f->deps;
	f->deps = e;
	f->n[d->arg]++;
}

/* A remembered value was used: so are the defaults it depends on. */
void
tfs_dep_use(struct tf_src *S, const struct tf_memo *mm)
{
	const struct tf_dep	*d;

	for (d = mm->deps; d != NULL; d = d->next)
		tfs_dep_add(S, d);
}

void
tfs_dep_enter(struct tf_src *S, struct tf_frame *f)
{
	memset(f, 0, sizeof(*f));
	f->up = S->frame;
	S->frame = f;
}

/* The evaluation of mm is done: it keeps its defaults, as its user. */
void
tfs_dep_leave(struct tf_src *S, struct tf_frame *f, struct tf_memo *mm)
{
	S->frame = f->up;
	mm->deps = f->deps;
	tfs_dep_use(S, mm);
}

/* The one argument of a type constructor: list(T) gives T. */
const struct hcl_expr *
tfs_type_arg(const struct hcl_expr *t, size_t i)
{
	return t->kind == HCL_EXPR_CALL && i < t->u.call.nargs ?
	    t->u.call.args[i] : NULL;
}

/*
 * A root module variable's value from the command line or the
 * variable files, in Terraform's order of precedence, or NULL.
 */
struct tfv *
tfs_root_var(struct tf_src *S, struct tf_inst *I, const char *name)
{
	struct tf_memo	*mm;

	mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "input.%s", name));
	return mm->state == 2 ? mm->v : NULL;
}

/* A root variable took its default: what depends on it says so. */
void
tfs_var_default(struct tf_src *S, const char *name, const struct tfv *v,
    const struct hcl_file *f, const struct hcl_attr *def)
{
	struct tf_dep	 d;
	struct buf	 b = BUF_INIT;

	tfv_json(&b, v);
	memset(&d, 0, sizeof(d));
	d.name = arena_printf(S->m->arena, "var.%s", name);
	d.value = b.len > 60 ? arena_printf(S->m->arena, "%.57s...", b.buf) :
	    arena_strdup(S->m->arena, b.buf);
	tfs_loc_of(f, &def->expr->range, &d.loc);
	tfs_dep_add(S, &d);
	buf_release(&b);
}

/* The instance key of each.key or count.index, as an address has it. */
const char *
tfs_inst_key(struct tf_src *S, const struct tfv *key)
{
	struct buf	 b = BUF_INIT;
	const char	*s;

	if (key->kind == TFV_NUMBER)
		return arena_printf(S->m->arena, "[%s]",
		    tfv_num_text(&S->ev, key->num));
	buf_addc(&b, '[');
	tfv_json(&b, key);
	buf_addc(&b, ']');
	s = arena_strdup(S->m->arena, b.buf);
	buf_release(&b);
	return s;
}

/* The names each, count bind for one instance. */
const struct tf_scope *
tfs_inst_scope(struct tf_src *S, int foreach, struct tfv *key, struct tfv *val)
{
	struct tf_scope	*s = arena_alloc(S->m->arena, sizeof(*s));
	const char	*k[2];
	struct tfv	*v[2];

	if (foreach) {
		k[0] = "key";
		v[0] = key;
		k[1] = "value";
		v[1] = val;
		s->name = "each";
		s->val = tfv_map(&S->ev, k, v, 2);
	} else {
		k[0] = "index";
		v[0] = key;
		s->name = "count";
		s->val = tfv_map(&S->ev, k, v, 1);
	}
	return s;
}

void
tfs_kvv_add(struct kvv *a, const char *k, struct tfv *v)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->k = xreallocarray(a->k, a->cap, sizeof(*a->k));
		a->v = xreallocarray(a->v, a->cap, sizeof(*a->v));
	}
	a->k[a->n] = k;
	a->v[a->n++] = v;
}

/*
 * Append v to the TFV_BLOCKS list of type name in a; b, in f, is the
 * block, for the error when an argument has that name too.
 */
void
tfs_blocks_add(struct tf_src *S, struct kvv *a, const char *name,
    struct tfv *v, const struct hcl_block *b, const struct hcl_file *f)
{
	struct tfv	*l, *nl;
	size_t		 i;

	for (i = 0; i < a->n; i++)
		if (strcmp(a->k[i], name) == 0)
			break;
	if (i == a->n) {
		l = tfv_list(&S->ev, 0, TFV_BLOCKS);
		tfs_kvv_add(a, name, l);
	}
	l = a->v[i];
	if (l->kind == TFV_UNKNOWN)
		return;
	if (l->kind != TFV_LIST || (l->flags & TFV_BLOCKS) == 0) {
		a->v[i] = tf_error(&S->ev, tfs_at_new(S, f, &b->type_range),
		    "%s is both an argument and a block of this body, which "
		    "Terraform refuses: keep one", name);
		return;
	}
	if (v->kind == TFV_UNKNOWN) {
		a->v[i] = v;
		return;
	}
	nl = tfv_list(&S->ev, l->n + 1, TFV_BLOCKS);
	if (l->n > 0)
		memcpy(nl->v, l->v, l->n * sizeof(*l->v));
	nl->v[l->n] = v;
	a->v[i] = nl;
}

/*
 * What the AWS provider computes from the arguments, the way a plan
 * shows it: aws_iam_role's id is its name and its path defaults to
 * "/"; an unwritten name is generated (unknown).
 */
struct tfv *
tfs_provider_defaults(struct tf_src *S, const char *type, struct tfv *v,
    const char *addr)
{
	struct kvv	 a = { NULL, NULL, 0, 0 };
	struct tfv	*name, *out;
	size_t		 i;

	if (v->kind != TFV_MAP)
		return v;
	for (i = 0; i < v->n; i++)
		tfs_kvv_add(&a, v->k[i], v->v[i]);
	if (strcmp(type, "aws_iam_role") == 0) {
		name = tfv_get(v, "name");
		if (name == NULL || name->kind == TFV_NULL) {
			name = tfv_unknown(&S->ev, arena_printf(S->m->arena,
			    "%s.name, generated on apply", addr), NULL);
			tfs_kvv_add(&a, "name", name);
		}
		tfs_kvv_add(&a, "id", name);
		if (tfv_get(v, "path") == NULL)
			tfs_kvv_add(&a, "path", tfv_strz(&S->ev, "/"));
	}
	if (strcmp(type, "aws_eks_cluster") == 0 && tfv_get(v, "name") != NULL)
		tfs_kvv_add(&a, "id", tfv_get(v, "name"));
	out = tfv_map(&S->ev, a.k, a.v, a.n);
	out->flags |= TFV_OPEN;
	out->why = addr;
	free(a.k);
	free(a.v);
	return out;
}

/* The instance's address: module prefix, data., type.name, key. */
const char *
tfs_res_addr(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const char *key)
{
	return arena_printf(S->m->arena, "%s%s%s", I->prefix, k->key,
	    key != NULL ? key : "");
}

struct tf_inst *
tfs_inst_new(struct tf_src *S, struct tf_mod *M, struct tf_inst *parent,
    const struct tf_blk *call, const char *prefix, const char *key,
    const struct tf_scope *scope)
{
	struct tf_inst	*I = arena_alloc(S->m->arena, sizeof(*I));

	I->mod = M;
	I->parent = parent;
	I->call = call;
	I->call_scope = scope;
	I->prefix = prefix;
	I->key = key;
	I->depth = parent != NULL ? parent->depth + 1 : 0;
	strmap_init(&I->memo);
	S->insts = xreallocarray(S->insts, S->ninsts + 1, sizeof(*S->insts));
	S->insts[S->ninsts++] = I;
	return I;
}

/* Is p (a realpath) inside the root directory? */
int
tfs_inside_root(struct tf_src *S, const char *p)
{
	size_t	 n = strlen(S->root_dir);

	return strncmp(p, S->root_dir, n) == 0 &&
	    (p[n] == '/' || p[n] == '\0' || strcmp(S->root_dir, "/") == 0);
}

/*
 * The directory a module call's source names: a local path relative to
 * the calling module, or what terraform init wrote in modules.json.
 * NULL, with a note or an error said, when it cannot be read.
 */
const char *
tfs_call_dir(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const char *key)
{
	const struct hcl_attr	*a;
	const cJSON		*e;
	const char		*src, *dir = NULL, *ekey, *edir;
	struct loc		 loc;
	char			 real[PATH_MAX];

	tfs_loc_of(k->file, &k->b->type_range, &loc);
	if ((a = tfs_blk_attr(k, "source", NULL)) == NULL ||
	    (src = hcl_expr_string(a->expr, NULL)) == NULL) {
		diag_error(S->dg, &loc, "module %s: source must be a literal "
		    "string", tfs_label(k->b, 0));
		return NULL;
	}
	tfs_loc_of(k->file, &a->expr->range, &loc);
	if (S->no_disk) {
		tfs_gap(S, &loc, arena_printf(S->m->arena, "%smodule.%s",
		    I->prefix, tfs_label(k->b, 0)), arena_printf(S->m->arena,
		    "module %s is not read from standard input: name the "
		    "directory", tfs_label(k->b, 0)));
		return NULL;
	}
	/* Joined and cleaned lexically, as Terraform's filepath.Join. */
	if (strncmp(src, "./", 2) == 0 || strncmp(src, "../", 3) == 0)
		dir = path_tidy(S->m->arena, arena_printf(S->m->arena,
		    "%s/%s", I->mod->dir, src));
	else {
		cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(
		    S->modules_json, "Modules")) {
			ekey = cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(e, "Key"));
			edir = cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(e, "Dir"));
			if (ekey != NULL && edir != NULL &&
			    strcmp(ekey, key) == 0)
				dir = edir[0] == '/' ? edir :
				    arena_printf(S->m->arena, "%s/%s",
				    S->root_path, edir);
		}
		if (dir == NULL) {
			tfs_loc_of(k->file, &k->b->type_range, &loc);
			tfs_gap(S, &loc, arena_printf(S->m->arena,
			    "%smodule.%s", I->prefix, tfs_label(k->b, 0)),
			    arena_printf(S->m->arena, "module %s (%s) is not "
			    "downloaded, so what it declares is not checked: "
			    "run terraform init -backend=false in %s first",
			    tfs_label(k->b, 0), src, S->root_path));
			return NULL;
		}
	}
	if (realpath(dir, real) == NULL) {
		diag_error(S->dg, &loc, "module %s: cannot open %s: %s",
		    tfs_label(k->b, 0), dir, strerror(errno));
		return NULL;
	}
	if (!tfs_inside_root(S, real)) {
		diag_error(S->dg, &loc, "module %s: %s%s%s is outside the "
		    "repository, and is not read", tfs_label(k->b, 0), src,
		    dir != NULL && strcmp(dir, src) != 0 && src[0] != '.' ?
		    ", which modules.json puts in " : "",
		    dir != NULL && strcmp(dir, src) != 0 && src[0] != '.' ?
		    arena_printf(S->m->arena, "%s,", dir) : "");
		return NULL;
	}
	return dir;
}

/*
 * The path from directory "from" to "to", both real paths: "." when
 * they are the same, "modules/irsa", "../shared/irsa".
 */
const char *
tfs_rel_path(struct tf_src *S, const char *from, const char *to)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *r;
	size_t		 i = 0, common = 0;

	if (from == NULL || to == NULL)
		return to != NULL ? to : ".";
	/* The longest common prefix that ends at a '/'. */
	for (i = 0; from[i] != '\0' && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i;
	if (from[i] == '\0' && (to[i] == '/' || to[i] == '\0'))
		common = i;
	if (strcmp(from, "/") == 0)
		common = 0;
	for (p = from + common; *p != '\0'; p++)
		if (*p == '/')
			buf_adds(&b, b.len > 0 ? "/.." : "..");
	for (p = to + common; *p == '/'; p++)
		continue;
	if (*p != '\0')
		buf_addf(&b, "%s%s", b.len > 0 ? "/" : "", p);
	r = arena_strdup(S->m->arena, b.len > 0 ? b.buf : ".");
	buf_release(&b);
	return r;
}
