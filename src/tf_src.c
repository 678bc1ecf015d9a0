/* SPDX-License-Identifier: ISC */
/*
 * The Terraform sources loader: directories of .tf files evaluated as
 * Terraform would plan them, as far as that is known without a plan.
 * A module is the .tf files of one directory; a root module's variables
 * take their values from their defaults, terraform.tfvars, *.auto.tfvars
 * and the command line, in Terraform's order; a module call evaluates
 * the module it names with its arguments.  Every resource instance the
 * model knows (roles, OIDC providers, clusters, policy attachments,
 * Pod Identity associations) is handed to the plan loader's
 * tf_resource() as the plan would show it, so that sources and plans
 * are read by the same code, and placed on the line it was written.
 *
 * Names are evaluated when used and remembered (a local, a variable, a
 * resource's instances), so that the order of the files does not
 * matter; a name that needs itself is a cycle, reported at its use.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "hcl.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"
#include "util.h"
#include "xalloc.h"

#include "tf.h"
#include "tf_src.h"

#define TF_MAX_MODULE_DEPTH	32	/* nested module calls */
#define TF_MAX_INSTANCES	100000	/* of one resource or call */

/* A block of the configuration with the override files' bodies. */
struct tf_blk {
	const struct hcl_block	*b;
	const struct hcl_file	*file;
	/* The bodies, the block's own first, then each override's. */
	const struct hcl_body	**bodies;
	size_t			  nbodies;
	const char		*key;	/* "aws_iam_role.x", "data.t.n", ... */
};

/* An attribute and the file it was written in. */
struct tf_attr {
	const struct hcl_attr	*a;
	const struct hcl_file	*file;
};

/* One directory's configuration, parsed once however often called. */
struct tf_mod {
	const char		*dir;		/* as the user names it */
	const char		*real;		/* realpath */
	struct hcl_file		**files;
	size_t			  nfiles;
	struct strmap		  vars;		/* name: struct tf_blk */
	struct strmap		  locals;	/* name: struct tf_attr */
	struct strmap		  res;		/* key: struct tf_blk */
	struct strmap		  calls;	/* name: struct tf_blk */
	struct strmap		  outputs;	/* name: struct tf_blk */
	struct tf_blk		**order;	/* resources, data, calls */
	size_t			  norder;
	int			  loaded;
};

/* A memo of one name in one module instance. */
struct tf_memo {
	int		 state;		/* 0 new, 1 being evaluated, 2 done */
	struct tfv	*v;
	struct tf_dep	*deps;		/* root defaults it depends on */
};

/*
 * What a value was computed from that a finding should name: a root
 * module variable's default (CI may pass another value, an
 * environment's var-file, so a verdict that depends on it says which
 * default it assumed), or an argument of a module call (a finding in a
 * module says which argument of which call, as tflint does).
 */
#define TF_MAX_DEPS	4		/* defaults said per value */
#define TF_MAX_ARGS	8		/* arguments said per value */
struct tf_dep {
	int		 arg;		/* 0: a default, 1: an argument */
	const char	*name;		/* "var.namespace", "module.a[\"k\"]" */
	const char	*value;		/* the default, as JSON, short; or
					   the argument's name */
	struct loc	 loc;		/* the default, or the argument */
	struct tf_dep	*next;
};

/* The defaults and arguments an evaluation in progress has used. */
struct tf_frame {
	struct tf_dep	*deps;
	size_t		 n[2];		/* of each kind */
	struct tf_frame	*up;
};

/* One instance of a module: the root, or one instance of a call. */
struct tf_inst {
	struct tf_mod		*mod;
	const char		*prefix;	/* "", "module.a[\"k\"]." */
	const char		*key;		/* modules.json key: "a.b" */
	struct tf_inst		*parent;
	struct tfv		*ikey;		/* count.index or each.key */
	const struct tf_blk	*call;		/* in the parent */
	const struct tf_scope	*call_scope;	/* the call's each, count */
	int			 depth;
	struct strmap		 memo;		/* "var.x", "local.y"... */
	struct tf_inst		**children;	/* by call instance */
	size_t			  nchildren;
	int			  is_root;
};

struct tf_src {
	struct model		*m;
	struct diags		*dg;
	struct tf_ev		 ev;
	struct tf_ctx		 ctx;		/* the plan loader's */
	struct strmap		 mods;		/* realpath: struct tf_mod */
	const char		*root_dir;	/* reads stay inside */
	cJSON			*modules_json;	/* of the root being read */
	const char		*root_path;	/* of the root being read */
	const char		*root_real;	/* its realpath */
	const struct load_opts	*opts;
	struct tf_inst		**insts;	/* every one, to release */
	size_t			  ninsts;
	struct tf_mod		**all;		/* every module read */
	size_t			  nall;
	int			  no_disk;	/* load_tf_buffer(): read no
						   file, follow no module */
	int			  in_template;	/* templatefile() evaluating */
	unsigned int		  root_no;	/* 1 + the root being read */
	struct tf_frame		 *frame;	/* innermost, or NULL */
	const char		**root_dirs;	/* each root's directory */
	size_t			  nroots;
};

static struct tfv	*lookup(struct tf_ev *, const struct tf_env *,
			    const struct hcl_trav *, const struct tf_at *,
			    size_t *);
static struct tfv	*call_fn(struct tf_ev *, const struct tf_env *,
			    const struct tf_call *);
static struct tfv	*eval_body(struct tf_src *, struct tf_inst *,
			    const struct tf_blk *, const struct hcl_body **,
			    size_t, const struct hcl_file *,
			    const struct tf_scope *, int);
static struct tfv	*res_value(struct tf_src *, struct tf_inst *,
			    const char *, const struct tf_at *);
static struct tf_mod	*mod_get(struct tf_src *, const char *,
			    const struct loc *);
static struct tf_mod	*mod_new(struct tf_src *, const char *,
			    const char *);

static struct tf_src *
src_of(struct tf_ev *ev)
{
	return ev->owner;
}

static struct tf_at *
at_new(struct tf_src *S, const struct hcl_file *f, const struct hcl_range *r)
{
	struct tf_at	*at = arena_alloc(S->m->arena, sizeof(*at));

	at->file = f;
	at->range = *r;
	return at;
}

static void
loc_of(const struct hcl_file *f, const struct hcl_range *r, struct loc *loc)
{
	memset(loc, 0, sizeof(*loc));
	hcl_loc(f, r, loc);
}

/* An environment in instance I, file f, with these names bound. */
static struct tf_env *
env_new(struct tf_src *S, struct tf_inst *I, const struct hcl_file *f,
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

static const struct hcl_attr *
blk_attr(const struct tf_blk *k, const char *name, const struct hcl_file **f)
{
	const struct hcl_attr	*a;
	size_t			 i;

	for (i = k->nbodies; i-- > 0; )
		if ((a = hcl_attr_get(k->bodies[i], name)) != NULL) {
			if (f != NULL)
				*f = k->file;
			return a;
		}
	return NULL;
}

static const char *
label(const struct hcl_block *b, size_t i)
{
	return i < b->nlabels ? b->labels[i].text : NULL;
}

/*
 * Something of the configuration that is not evaluated, so that what it
 * declares is not checked: the model keeps it, a rule says it.
 */
static void
tf_gap(struct tf_src *S, const struct loc *loc, const char *address,
    const char *msg)
{
	struct tf_gap	*g = model_add_tf_gap(S->m);

	g->loc = *loc;
	g->address = address;
	g->msg = msg;
}

/*
 * The role an unknown attribute of a role names, by address:
 * "module.x.aws_iam_role.this[0].arn" gives its address without ".arn".
 */
static const char *
role_ref(struct tf_src *S, const char *why)
{
	return tf_why_role(S->m, why);
}

/* ---- reading a directory ---- */

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_override(const char *name)
{
	return strcmp(name, "override.tf") == 0 ||
	    str_has_suffix(name, "_override.tf") ||
	    strcmp(name, "override.tf.json") == 0 ||
	    str_has_suffix(name, "_override.tf.json");
}

/* Read a whole file into the arena; NULL with an error said. */
static char *
read_all(struct tf_src *S, const char *path, size_t *len, size_t max)
{
	struct loc	 loc = { path, 0, 0, 0, 0 };
	struct buf	 b = BUF_INIT;
	char		 chunk[65536], real[PATH_MAX], *s;
	size_t		 n;
	FILE		*fp;

	if ((fp = load_fopen(S->opts, path)) == NULL) {
		diag_error(S->dg, &loc, "cannot open: %s", strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (b.len + n > max) {
			diag_error(S->dg, &loc, "file is larger than %zu MiB",
			    max >> 20);
			fclose(fp);
			buf_release(&b);
			return NULL;
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(fp)) {
		diag_error(S->dg, &loc, "cannot read: %s", strerror(errno));
		fclose(fp);
		buf_release(&b);
		return NULL;
	}
	fclose(fp);
	s = arena_strndup(S->m->arena, b.buf != NULL ? b.buf : "", b.len);
	*len = b.len;
	buf_release(&b);
	/* Among the files read, for --changed (never for --fix: no stat). */
	if (realpath(path, real) != NULL &&
	    strmap_get(&S->m->read_paths, real) == NULL)
		strmap_add(&S->m->read_paths, S->m->arena,
		    arena_strdup(S->m->arena, real), NULL);
	return s;
}

/* The irsalint comments of a file, for ignore comments. */
static void
keep_comments(struct tf_src *S, const struct hcl_file *f)
{
	struct comment	*c;
	size_t		 i;

	for (i = 0; i < f->ncomments; i++) {
		c = model_add_comment(S->m);
		c->loc.file = f->name;
		c->loc.line = f->comments[i].range.start.line;
		c->loc.col = f->comments[i].range.start.col;
		c->text = f->comments[i].text;
		c->target = f->comments[i].target != 0 ?
		    f->comments[i].target : UINT_MAX;
	}
}

static struct tf_blk *
blk_new(struct tf_src *S, const struct hcl_block *b, const struct hcl_file *f,
    const char *key)
{
	struct tf_blk	*k = arena_alloc(S->m->arena, sizeof(*k));

	k->b = b;
	k->file = f;
	k->key = key;
	k->bodies = arena_alloc(S->m->arena, 8 * sizeof(*k->bodies));
	k->bodies[0] = &b->body;
	k->nbodies = 1;
	return k;
}

static struct tf_blk *
map_blk(struct strmap *sm, const char *key)
{
	const struct strmap_val	*v = strmap_get(sm, key);

	return v != NULL ? v->v : NULL;
}

/*
 * One block of a file.  In an override file, a block that overrides
 * one already read adds its body to that one's (as many as eight);
 * Terraform merges them argument by argument, later ones winning.
 */
static void
mod_block(struct tf_src *S, struct tf_mod *M, const struct hcl_file *f,
    const struct hcl_block *b, int override)
{
	struct strmap	*sm = NULL;
	struct tf_blk	*k, *old;
	struct tf_attr	*la;
	struct loc	 loc;
	const char	*key = NULL, *t = b->type;
	size_t		 i;

	if (strcmp(t, "locals") == 0) {
		for (i = 0; i < b->body.nattrs; i++) {
			la = arena_alloc(S->m->arena, sizeof(*la));
			la->a = &b->body.attrs[i];
			la->file = f;
			if (!override && strmap_get(&M->locals,
			    la->a->name) != NULL) {
				loc_of(f, &la->a->name_range, &loc);
				diag_error(S->dg, &loc, "local.%s is "
				    "defined twice in module %s", la->a->name,
				    M->dir);
			}
			strmap_add(&M->locals, S->m->arena, la->a->name, la);
		}
		return;
	}
	if ((strcmp(t, "resource") == 0 || strcmp(t, "data") == 0) &&
	    b->nlabels == 2) {
		sm = &M->res;
		key = arena_printf(S->m->arena, "%s%s.%s", t[0] == 'd' ?
		    "data." : "", label(b, 0), label(b, 1));
	} else if (strcmp(t, "variable") == 0 && b->nlabels == 1) {
		sm = &M->vars;
		key = label(b, 0);
	} else if (strcmp(t, "module") == 0 && b->nlabels == 1) {
		sm = &M->calls;
		key = label(b, 0);
	} else if (strcmp(t, "output") == 0 && b->nlabels == 1) {
		sm = &M->outputs;
		key = label(b, 0);
	} else
		return;	/* terraform, provider, moved, import, check... */
	old = map_blk(sm, key);
	if (override && old != NULL) {
		if (old->nbodies < 8)
			old->bodies[old->nbodies++] = &b->body;
		return;
	}
	if (old != NULL) {
		loc_of(f, &b->type_range, &loc);
		diag_error(S->dg, &loc, "%s %s is declared twice in module %s",
		    t, key, M->dir);
		return;
	}
	k = blk_new(S, b, f, key);
	strmap_add(sm, S->m->arena, key, k);
	if (sm == &M->res || sm == &M->calls) {
		M->order = xreallocarray(M->order, M->norder + 1,
		    sizeof(*M->order));
		M->order[M->norder++] = k;
	}
}

/*
 * Parse the .tf files of a directory, overrides last as Terraform
 * reads them.  A .tf.json file is said to be left out: the JSON syntax
 * of HCL is not read yet.
 */
static void
mod_read(struct tf_src *S, struct tf_mod *M)
{
	struct loc	 loc = { M->dir, 0, 0, 0, 0 };
	struct dirent	*de;
	struct stat	 st;
	DIR		*dp;
	char		**names = NULL;
	const char	*path;
	char		*data;
	size_t		 n = 0, i, j, len;
	int		 pass;
	struct hcl_file	*f;

	M->loaded = 1;
	if ((dp = opendir(M->dir)) == NULL) {
		diag_error(S->dg, &loc, "cannot open directory: %s",
		    strerror(errno));
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' ||
		    (!str_has_suffix(de->d_name, ".tf") &&
		    !str_has_suffix(de->d_name, ".tf.json")))
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (n > 0)
		qsort(names, n, sizeof(*names), name_cmp);
	M->files = arena_alloc(S->m->arena, (n + 1) * sizeof(*M->files));
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			if (is_override(names[i]) != pass)
				continue;
			path = path_tidy(S->m->arena, arena_printf(S->m->arena,
			    "%s/%s", M->dir, names[i]));
			loc.file = path;
			if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
				continue;
			if ((data = read_all(S, path, &len,
			    LOAD_MAX_FILE_SIZE)) == NULL)
				continue;
			S->m->nfiles++;
			S->m->ntfsrc++;
			S->ev.extra_work += TF_WORK_PER_BYTE * len;
			S->ev.extra_memory += TF_MEMORY_PER_BYTE * len;
			if (str_has_suffix(names[i], ".tf.json"))
				f = tf_json_parse(S->m->arena, S->dg, path,
				    data, len);
			else
				f = hcl_parse(S->m->arena, S->dg, path, data,
				    len);
			M->files[M->nfiles++] = f;
			keep_comments(S, f);
			for (j = 0; j < f->body.nblocks; j++)
				mod_block(S, M, f, &f->body.blocks[j], pass);
		}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The module in directory dir, read once. */
static struct tf_mod *
mod_get(struct tf_src *S, const char *dir, const struct loc *from)
{
	const struct strmap_val	*v;
	struct tf_mod		*M;
	char			 real[PATH_MAX];

	if (realpath(dir, real) == NULL) {
		diag_error(S->dg, from, "cannot open module directory %s: %s",
		    dir, strerror(errno));
		return NULL;
	}
	if ((v = strmap_get(&S->mods, real)) != NULL)
		return v->v;
	M = mod_new(S, dir, real);
	mod_read(S, M);
	return M;
}

static struct tf_mod *
mod_new(struct tf_src *S, const char *dir, const char *real)
{
	struct tf_mod	*M;

	M = arena_alloc(S->m->arena, sizeof(*M));
	M->dir = arena_strdup(S->m->arena, dir);
	M->real = arena_strdup(S->m->arena, real);
	strmap_init(&M->vars);
	strmap_init(&M->locals);
	strmap_init(&M->res);
	strmap_init(&M->calls);
	strmap_init(&M->outputs);
	strmap_add(&S->mods, S->m->arena, M->real, M);
	S->all = xreallocarray(S->all, S->nall + 1, sizeof(*S->all));
	S->all[S->nall++] = M;
	return M;
}

/* ---- names ---- */

static struct tf_memo *
memo_get(struct tf_src *S, struct tf_inst *I, const char *key)
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
static void
dep_add(struct tf_src *S, const struct tf_dep *d)
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
static void
dep_use(struct tf_src *S, const struct tf_memo *mm)
{
	const struct tf_dep	*d;

	for (d = mm->deps; d != NULL; d = d->next)
		dep_add(S, d);
}

static void
dep_enter(struct tf_src *S, struct tf_frame *f)
{
	memset(f, 0, sizeof(*f));
	f->up = S->frame;
	S->frame = f;
}

/* The evaluation of mm is done: it keeps its defaults, as its user. */
static void
dep_leave(struct tf_src *S, struct tf_frame *f, struct tf_memo *mm)
{
	S->frame = f->up;
	mm->deps = f->deps;
	dep_use(S, mm);
}

static struct tfv *convert(struct tf_src *, const struct hcl_expr *,
		    struct tfv *, const struct tf_at *, const char *,
		    const struct hcl_file *);

/* The one argument of a type constructor: list(T) gives T. */
static const struct hcl_expr *
type_arg(const struct hcl_expr *t, size_t i)
{
	return t->kind == HCL_EXPR_CALL && i < t->u.call.nargs ?
	    t->u.call.args[i] : NULL;
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
	const struct hcl_expr	*o = type_arg(t, 0), *at_t, *def;
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
			def = type_arg(at_t, 1);
			at_t = type_arg(at_t, 0);
		} else if ((e = tfv_get(v, k)) == NULL)
			return tf_error(&S->ev, at, "var.%s: attribute \"%s\" "
			    "is required by its type", name, k);
		if ((e = tfv_get(v, k)) == NULL || (e->kind == TFV_NULL &&
		    def != NULL)) {
			if (def != NULL) {
				env = env_new(S, NULL, f, NULL);
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
		el = type_arg(t, 0);
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

/*
 * A root module variable's value from the command line or the
 * variable files, in Terraform's order of precedence, or NULL.
 */
static struct tfv *
root_var(struct tf_src *S, struct tf_inst *I, const char *name)
{
	struct tf_memo	*mm;

	mm = memo_get(S, I, arena_printf(S->m->arena, "input.%s", name));
	return mm->state == 2 ? mm->v : NULL;
}

static void	cmdline_inputs(struct tf_src *, struct tf_inst *);
static void	tfvars_json(struct tf_src *, struct tf_inst *, const char *,
		    const char *, size_t);
static struct tfv *template_file(struct tf_src *, const struct tf_call *,
		    const char *, const char *, size_t);
static struct tfv *template_lookup(struct tf_ev *, const struct tf_env *,
		    const struct hcl_trav *, const struct tf_at *, size_t *);
static void	var_default(struct tf_src *, const char *,
		    const struct tfv *, const struct hcl_file *,
		    const struct hcl_attr *);

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

	mm = memo_get(S, I, arena_printf(S->m->arena, "var.%s", name));
	if (mm->state == 2) {
		dep_use(S, mm);
		return mm->v;
	}
	if (mm->state == 1)
		return tf_error(&S->ev, at, "var.%s depends on itself", name);
	if ((k = map_blk(&I->mod->vars, name)) == NULL)
		return tf_error(&S->ev, at, "no variable \"%s\" is declared "
		    "in %s", name, I->mod->dir);
	mm->state = 1;
	def = blk_attr(k, "default", &f);
	type = blk_attr(k, "type", NULL);
	call = I->call;
	v = NULL;
	dep_enter(S, &fr);
	if (call != NULL && (arg = blk_attr(call, name, &f)) != NULL) {
		v = tf_eval(&S->ev, env_new(S, I->parent, call->file,
		    I->call_scope), arg->expr);
		memset(&ad, 0, sizeof(ad));
		ad.arg = 1;
		ad.name = arena_strndup(S->m->arena, I->prefix,
		    strlen(I->prefix) - 1);
		ad.value = arg->name;
		loc_of(f, &arg->name_range, &ad.loc);
		dep_add(S, &ad);
	} else if (I->is_root && (v = root_var(S, I, name)) != NULL)
		;
	else if (def != NULL) {
		v = tf_eval(&S->ev, env_new(S, I, k->file, NULL), def->expr);
		if (I->is_root && tfv_known(v))
			var_default(S, name, v, k->file, def);
	} else if (I->is_root)
		v = tfv_unknown(&S->ev, arena_printf(S->m->arena, "var.%s, "
		    "which has no value (give one with --var or "
		    "--var-file)", name), at_new(S, k->file,
		    &k->b->labels[0].range));
	else
		v = tf_error(&S->ev, at_new(S, call->file,
		    &call->b->type_range), "module %s: the call sets no "
		    "value for variable \"%s\", which has no default",
		    label(call->b, 0), name);
	/* nullable = false: a null passed means the default. */
	if (v != NULL && v->kind == TFV_NULL && (nb = blk_attr(k, "nullable",
	    NULL)) != NULL && nb->expr->kind == HCL_EXPR_LITERAL &&
	    nb->expr->u.lit.kind == HCL_LIT_BOOL && !nb->expr->u.lit.b) {
		if (def != NULL)
			v = tf_eval(&S->ev, env_new(S, I, k->file, NULL),
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
	dep_leave(S, &fr, mm);
	return v;
}

/* A root variable took its default: what depends on it says so. */
static void
var_default(struct tf_src *S, const char *name, const struct tfv *v,
    const struct hcl_file *f, const struct hcl_attr *def)
{
	struct tf_dep	 d;
	struct buf	 b = BUF_INIT;

	tfv_json(&b, v);
	memset(&d, 0, sizeof(d));
	d.name = arena_printf(S->m->arena, "var.%s", name);
	d.value = b.len > 60 ? arena_printf(S->m->arena, "%.57s...", b.buf) :
	    arena_strdup(S->m->arena, b.buf);
	loc_of(f, &def->expr->range, &d.loc);
	dep_add(S, &d);
	buf_release(&b);
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

	mm = memo_get(S, I, arena_printf(S->m->arena, "local.%s", name));
	if (mm->state == 2) {
		dep_use(S, mm);
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
	dep_enter(S, &fr);
	v = tf_eval(&S->ev, env_new(S, I, la->file, NULL), la->a->expr);
	mm->state = 2;
	mm->v = v;
	dep_leave(S, &fr, mm);
	return v;
}

/* The instance key of each.key or count.index, as an address has it. */
static const char *
inst_key(struct tf_src *S, const struct tfv *key)
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
static const struct tf_scope *
inst_scope(struct tf_src *S, int foreach, struct tfv *key, struct tfv *val)
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

/*
 * The instances of a resource or a call: count or for_each evaluated.
 * Returns 0 for a single instance, 1 with *keys and *vals (and *n) for
 * count (keys numbers) or for_each (keys strings, in key order), and
 * -1 with *unk set when they are unknown.
 */
static int
instances(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
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
	if ((a = blk_attr(k, "count", &f)) != NULL) {
		at = at_new(S, f, &a->expr->range);
		v = tf_eval(&S->ev, env_new(S, I, f, NULL), a->expr);
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
	if ((a = blk_attr(k, "for_each", &f)) == NULL)
		return 0;
	*foreach = 1;
	at = at_new(S, f, &a->expr->range);
	v = tf_eval(&S->ev, env_new(S, I, f, NULL), a->expr);
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

struct kvv {
	const char	**k;
	struct tfv	**v;
	size_t		  n, cap;
};

static void
kvv_add(struct kvv *a, const char *k, struct tfv *v)
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
static void
blocks_add(struct tf_src *S, struct kvv *a, const char *name, struct tfv *v,
    const struct hcl_block *b, const struct hcl_file *f)
{
	struct tfv	*l, *nl;
	size_t		 i;

	for (i = 0; i < a->n; i++)
		if (strcmp(a->k[i], name) == 0)
			break;
	if (i == a->n) {
		l = tfv_list(&S->ev, 0, TFV_BLOCKS);
		kvv_add(a, name, l);
	}
	l = a->v[i];
	if (l->kind == TFV_UNKNOWN)
		return;
	if (l->kind != TFV_LIST || (l->flags & TFV_BLOCKS) == 0) {
		a->v[i] = tf_error(&S->ev, at_new(S, f, &b->type_range),
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

/* dynamic "label" { for_each = ..., iterator = x, content { ... } } */
static void
dynamic(struct tf_src *S, struct tf_inst *I, const struct hcl_block *b,
    const struct hcl_file *f, const struct tf_scope *scope, struct kvv *a)
{
	const struct hcl_attr	*fe, *it;
	const struct hcl_block	*content = NULL;
	const struct hcl_body	*body;
	const char		*name = label(b, 0), *iter, *k[2];
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
		blocks_add(S, a, name, tf_error(&S->ev, at_new(S, f,
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
	coll = tf_eval(&S->ev, env_new(S, I, f, scope), fe->expr);
	if (coll->kind == TFV_UNKNOWN) {
		blocks_add(S, a, name, coll, b, f);
		return;
	}
	if (coll->kind != TFV_LIST && coll->kind != TFV_MAP) {
		blocks_add(S, a, name, tf_error(&S->ev, at_new(S, f,
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
		blocks_add(S, a, name, eval_body(S, I, NULL, &body, 1, f, s,
		    0), b, f);
	}
	if (S->ev.over)
		blocks_add(S, a, name, tf_stopped(&S->ev), b, f);
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
			kvv_add(&a, body->attrs[i].name, tf_eval(&S->ev,
			    env_new(S, I, f, scope), body->attrs[i].expr));
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
					    label(b, 0) ? label(b, 0) : "" :
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
			blocks_add(S, &a, b->type, eval_body(S, I, NULL, &one,
			    1, f, scope, 0), b, f);
		}
	}
	v = tfv_map(&S->ev, a.k, a.v, a.n);
	free(a.k);
	free(a.v);
	return v;
}

/* ---- resources ---- */

/*
 * What the AWS provider computes from the arguments, the way a plan
 * shows it: aws_iam_role's id is its name and its path defaults to
 * "/"; an unwritten name is generated (unknown).
 */
static struct tfv *
provider_defaults(struct tf_src *S, const char *type, struct tfv *v,
    const char *addr)
{
	struct kvv	 a = { NULL, NULL, 0, 0 };
	struct tfv	*name, *out;
	size_t		 i;

	if (v->kind != TFV_MAP)
		return v;
	for (i = 0; i < v->n; i++)
		kvv_add(&a, v->k[i], v->v[i]);
	if (strcmp(type, "aws_iam_role") == 0) {
		name = tfv_get(v, "name");
		if (name == NULL || name->kind == TFV_NULL) {
			name = tfv_unknown(&S->ev, arena_printf(S->m->arena,
			    "%s.name, generated on apply", addr), NULL);
			kvv_add(&a, "name", name);
		}
		kvv_add(&a, "id", name);
		if (tfv_get(v, "path") == NULL)
			kvv_add(&a, "path", tfv_strz(&S->ev, "/"));
	}
	if (strcmp(type, "aws_eks_cluster") == 0 && tfv_get(v, "name") != NULL)
		kvv_add(&a, "id", tfv_get(v, "name"));
	out = tfv_map(&S->ev, a.k, a.v, a.n);
	out->flags |= TFV_OPEN;
	out->why = addr;
	free(a.k);
	free(a.v);
	return out;
}

/* One instance of a resource or data source: its arguments. */
static struct tfv *
res_instance(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const struct tf_scope *scope, const char *addr)
{
	struct tfv	*v, *json, **vals;
	const char	*type = label(k->b, 0), **keys;
	size_t		 i;

	v = eval_body(S, I, k, k->bodies, k->nbodies, k->file, scope, 1);
	if (strcmp(k->b->type, "data") == 0 &&
	    strcmp(type, "aws_iam_policy_document") == 0) {
		json = tf_doc_render(&S->ev, v, at_new(S, k->file,
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
	return provider_defaults(S, type, v, addr);
}

/* The instance's address: module prefix, data., type.name, key. */
static const char *
res_addr(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const char *key)
{
	return arena_printf(S->m->arena, "%s%s%s", I->prefix, k->key,
	    key != NULL ? key : "");
}

/*
 * The value a reference to a resource stands for: one instance, a list
 * of them (count) or a map of them (for_each).
 */
static struct tfv *
res_value(struct tf_src *S, struct tf_inst *I, const char *key,
    const struct tf_at *at)
{
	const struct tf_blk	*k;
	struct tf_memo		*mm;
	struct tf_frame		 fr;
	struct tfv		**keys, **vals, **out, *v, *unk = NULL;
	const char		**ks;
	size_t			 n, i;
	int			 fe, r;

	if ((k = map_blk(&I->mod->res, key)) == NULL)
		return tf_error(&S->ev, at, "no %s is declared in %s", key,
		    I->mod->dir);
	mm = memo_get(S, I, key);
	if (mm->state == 2) {
		dep_use(S, mm);
		return mm->v;
	}
	if (mm->state == 1)
		return tf_error(&S->ev, at, "%s depends on itself", key);
	mm->state = 1;
	dep_enter(S, &fr);
	r = instances(S, I, k, &keys, &vals, &n, &fe, &unk);
	if (r == -1)
		v = unk->flags & TFV_ERROR ? unk : tfv_unknown(&S->ev,
		    arena_printf(S->m->arena, "the instances of %s%s, whose "
		    "%s depends on %s", I->prefix, key, blk_attr(k, "count",
		    NULL) != NULL ? "count" : "for_each", unk->why), unk->at);
	else if (r == 0)
		v = res_instance(S, I, k, NULL, res_addr(S, I, k, NULL));
	else if (!fe) {
		v = tfv_list(&S->ev, n, 0);
		for (i = 0; i < n; i++)
			v->v[i] = res_instance(S, I, k, inst_scope(S, 0,
			    keys[i], vals[i]), res_addr(S, I, k,
			    inst_key(S, keys[i])));
	} else {
		ks = arena_alloc(S->m->arena, (n + 1) * sizeof(*ks));
		out = arena_alloc(S->m->arena, (n + 1) * sizeof(*out));
		for (i = 0; i < n; i++) {
			ks[i] = keys[i]->s;
			out[i] = res_instance(S, I, k, inst_scope(S, 1,
			    keys[i], vals[i]), res_addr(S, I, k,
			    inst_key(S, keys[i])));
		}
		v = tfv_map(&S->ev, ks, out, n);
	}
	mm->state = 2;
	mm->v = v;
	dep_leave(S, &fr, mm);
	return v;
}

/* ---- modules ---- */

static struct tfv *output_value(struct tf_src *, struct tf_inst *,
		    const char *, const struct tf_at *);
static void	call_instances(struct tf_src *, struct tf_inst *,
		    const struct tf_blk *);

static struct tf_inst *
inst_new(struct tf_src *S, struct tf_mod *M, struct tf_inst *parent,
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

/* Is p (a real path) dir or below it? */
static int
inside(const char *dir, const char *p)
{
	size_t	 n = strlen(dir);

	return strcmp(dir, "/") == 0 || (strncmp(p, dir, n) == 0 &&
	    (p[n] == '/' || p[n] == '\0'));
}

/* Is p (a realpath) inside the root directory? */
static int
inside_root(struct tf_src *S, const char *p)
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
static const char *
call_dir(struct tf_src *S, struct tf_inst *I, const struct tf_blk *k,
    const char *key)
{
	const struct hcl_attr	*a;
	const cJSON		*e;
	const char		*src, *dir = NULL, *ekey, *edir;
	struct loc		 loc;
	char			 real[PATH_MAX];

	loc_of(k->file, &k->b->type_range, &loc);
	if ((a = blk_attr(k, "source", NULL)) == NULL ||
	    (src = hcl_expr_string(a->expr, NULL)) == NULL) {
		diag_error(S->dg, &loc, "module %s: source must be a literal "
		    "string", label(k->b, 0));
		return NULL;
	}
	loc_of(k->file, &a->expr->range, &loc);
	if (S->no_disk) {
		tf_gap(S, &loc, arena_printf(S->m->arena, "%smodule.%s",
		    I->prefix, label(k->b, 0)), arena_printf(S->m->arena,
		    "module %s is not read from standard input: name the "
		    "directory", label(k->b, 0)));
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
			loc_of(k->file, &k->b->type_range, &loc);
			tf_gap(S, &loc, arena_printf(S->m->arena,
			    "%smodule.%s", I->prefix, label(k->b, 0)),
			    arena_printf(S->m->arena, "module %s (%s) is not "
			    "downloaded, so what it declares is not checked: "
			    "run terraform init -backend=false in %s first",
			    label(k->b, 0), src, S->root_path));
			return NULL;
		}
	}
	if (realpath(dir, real) == NULL) {
		diag_error(S->dg, &loc, "module %s: cannot open %s: %s",
		    label(k->b, 0), dir, strerror(errno));
		return NULL;
	}
	if (!inside_root(S, real)) {
		diag_error(S->dg, &loc, "module %s: %s%s%s is outside the "
		    "repository, and is not read", label(k->b, 0), src,
		    dir != NULL && strcmp(dir, src) != 0 && src[0] != '.' ?
		    ", which modules.json puts in " : "",
		    dir != NULL && strcmp(dir, src) != 0 && src[0] != '.' ?
		    arena_printf(S->m->arena, "%s,", dir) : "");
		return NULL;
	}
	return dir;
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
	const char		*dir, *key, *name = label(k->b, 0), *why;
	struct tf_memo		*mm;
	struct tf_mod		*M;
	struct tf_inst		*p, *c;
	struct loc		 loc;
	size_t			 n, i;
	int			 fe, r;

	mm = memo_get(S, I, arena_printf(S->m->arena, "call.%s", name));
	if (mm->state != 0)
		return;
	mm->state = 2;
	key = I->key[0] != '\0' ? arena_printf(S->m->arena, "%s.%s", I->key,
	    name) : name;
	loc_of(k->file, &k->b->type_range, &loc);
	why = arena_printf(S->m->arena, "module.%s, which is not evaluated",
	    name);
	mm->v = tfv_unknown(&S->ev, why, at_new(S, k->file,
	    &k->b->type_range));
	if (I->depth >= TF_MAX_MODULE_DEPTH) {
		diag_error(S->dg, &loc, "module calls nested deeper than %d",
		    TF_MAX_MODULE_DEPTH);
		return;
	}
	if ((dir = call_dir(S, I, k, key)) == NULL)
		return;
	if ((M = mod_get(S, dir, &loc)) == NULL)
		return;
	for (p = I; p != NULL; p = p->parent)
		if (p->mod == M) {
			diag_error(S->dg, &loc, "module %s calls %s, which "
			    "is already being evaluated: a module cycle",
			    name, M->dir);
			return;
		}
	r = instances(S, I, k, &keys, &vals, &n, &fe, &unk);
	if (r == -1) {
		if (!(unk->flags & TFV_ERROR))
			tf_gap(S, &loc, arena_printf(S->m->arena, "%smodule.%s",
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
		c = inst_new(S, M, I, k, r == 0 ? arena_printf(S->m->arena,
		    "%smodule.%s.", I->prefix, name) : arena_printf(
		    S->m->arena, "%smodule.%s%s.", I->prefix, name,
		    inst_key(S, keys[i])), key, r == 0 ? NULL :
		    inst_scope(S, fe, keys[i], vals[i]));
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

	if ((k = map_blk(&I->mod->outputs, name)) == NULL)
		return tf_error(&S->ev, at, "module %s has no output \"%s\"",
		    I->mod->dir, name);
	mm = memo_get(S, I, arena_printf(S->m->arena, "output.%s", name));
	if (mm->state == 2) {
		dep_use(S, mm);
		return mm->v;
	}
	if (mm->state == 1)
		return tf_error(&S->ev, at, "output %s depends on itself",
		    name);
	mm->state = 1;
	dep_enter(S, &fr);
	if ((a = blk_attr(k, "value", &f)) == NULL)
		v = tf_error(&S->ev, at, "output %s has no value", name);
	else
		v = tf_eval(&S->ev, env_new(S, I, f, NULL), a->expr);
	mm->state = 2;
	mm->v = v;
	dep_leave(S, &fr, mm);
	return v;
}

/* The instances of call name in I, evaluated once. */
static struct tf_inst **
call_children(struct tf_src *S, struct tf_inst *I, const char *name,
    size_t *n, const struct tf_blk **kp)
{
	const struct tf_blk	*k;
	size_t			 i, first = 0;

	*n = 0;
	if ((k = map_blk(&I->mod->calls, name)) == NULL)
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
				kvv_add(&a, blk->labels[0].text, output_value(S,
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

	ch = call_children(S, I, name, &n, &k);
	if (k == NULL)
		return tf_error(&S->ev, at, "no module \"%s\" is called in %s",
		    name, I->mod->dir);
	mm = memo_get(S, I, arena_printf(S->m->arena, "call.%s", name));
	if (mm->v != NULL)	/* not loaded, or instances unknown */
		return mm->v;
	*used = 1;
	if (blk_attr(k, "count", NULL) == NULL &&
	    blk_attr(k, "for_each", NULL) == NULL) {
		if (t->nsteps >= 2 && st[1].kind == HCL_STEP_ATTR) {
			*used = 2;
			return output_value(S, ch[0], st[1].name, at);
		}
		return inst_outputs(S, ch[0], at);
	}
	if (t->nsteps >= 3 && (st[1].kind == HCL_STEP_INDEX ||
	    st[1].kind == HCL_STEP_LEGACY) && st[2].kind == HCL_STEP_ATTR) {
		key = st[1].kind == HCL_STEP_LEGACY ? tfv_num(&S->ev,
		    strtod(st[1].name, NULL)) : tf_eval(&S->ev, env_new(S, I,
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
		    name, inst_key(S, key));
	}
	vals = arena_alloc(S->m->arena, (n + 1) * sizeof(*vals));
	keys = arena_alloc(S->m->arena, (n + 1) * sizeof(*keys));
	for (i = 0; i < n; i++) {
		vals[i] = inst_outputs(S, ch[i], at);
		keys[i] = ch[i]->ikey->kind == TFV_STRING ? ch[i]->ikey->s : "";
	}
	if (blk_attr(k, "for_each", NULL) != NULL)
		return tfv_map(&S->ev, keys, vals, n);
	v = tfv_list(&S->ev, n, 0);
	memcpy(v->v, vals, n * sizeof(*vals));
	return v;
}

/*
 * The path from directory "from" to "to", both real paths: "." when
 * they are the same, "modules/irsa", "../shared/irsa".
 */
static const char *
rel_path(struct tf_src *S, const char *from, const char *to)
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

/* ---- names and functions the evaluator asks about ---- */

static struct tfv *
lookup(struct tf_ev *ev, const struct tf_env *env, const struct hcl_trav *t,
    const struct tf_at *at, size_t *used)
{
	struct tf_src		*S = src_of(ev);
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
			return tfv_strz(ev, rel_path(S, S->root_real,
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
		return res_value(S, I, arena_printf(S->m->arena, "data.%s.%s",
		    st[0].name, st[1].name), at);
	}
	if (strcmp(r, "each") == 0 || strcmp(r, "count") == 0 ||
	    strcmp(r, "self") == 0)
		return tf_error(ev, at, "%s is not available here", r);
	if (t->nsteps == 0 || st[0].kind != HCL_STEP_ATTR)
		return NULL;
	*used = 1;
	return res_value(S, I, arena_printf(S->m->arena, "%s.%s", r,
	    st[0].name), at);
}

/* file() and templatefile() read files, only inside the repository. */
static struct tfv *
call_fn(struct tf_ev *ev, const struct tf_env *env, const struct tf_call *c)
{
	struct tf_src	*S = src_of(ev);
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
	if (!inside_root(S, real))
		return tf_error(ev, c->at, "%s: %s is outside the repository, "
		    "and is not read", c->name, path);
	if ((data = read_all(S, real, &len, TF_MAX_STRING)) == NULL)
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
	env = env_new(S, NULL, f, sc);
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

/* ---- into the model ---- */

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

	loc_of(k->file, &k->b->type_range, loc);
	if (loc->file != NULL && strstr(loc->file, ".terraform/") == NULL)
		return;
	for (p = I; p->parent != NULL && p->parent->parent != NULL;
	    p = p->parent)
		continue;
	if (p->call != NULL)
		loc_of(p->call->file, &p->call->b->type_range, loc);
}

/*
 * The places of a statement's conditions, read from the structure, onto
 * the same statement read from the text: by operator and key, as the
 * two may order them differently.
 */
static void
origins_copy(struct pstmt *dst, const struct pstmt *src)
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

	if ((a = blk_attr(k, "assume_role_policy", &f)) != NULL)
		loc_of(f, &a->name_range, &role->trust_loc);
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
			origins_copy(&role->trust->st[i], &p->st[i]);
		}
	}
	if (p != NULL && pl.n > 0) {
		locs = arena_alloc(S->m->arena, pl.n * sizeof(*locs));
		for (i = 0; i < pl.n; i++)
			loc_of(pl.v[i]->file, &pl.v[i]->range, &locs[i]);
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
		loc_of(p->call->file, &p->call->b->type_range, &r->loc);
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
			loc_of(f, r, &ad->pias[i].loc);
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
	loc_of(k->file, &k->b->type_range, &own);
	if (own.file != loc->file || own.line != loc->line)
		return;
	if ((a = blk_attr(k, "addon_name", &f)) != NULL)
		loc_of(f, &a->expr->range, &ad->name_loc);
	if ((a = blk_attr(k, "service_account_role_arn", &f)) != NULL) {
		loc_of(f, &a->name_range, &ad->role.key_loc);
		loc_of(f, &a->expr->range, &ad->role.value_loc);
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
		loc_of(pl.v[i]->file, &pl.v[i]->range, &(*locs)[i]);
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
	r.type = label(k->b, 0);
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
	mm = memo_get(S, I, k->key);
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
static void
eval_inst(struct tf_src *S, struct tf_inst *I)
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
			tf_gap(S, &loc, I->prefix[0] != '\0' ? arena_strndup(
			    S->m->arena, I->prefix, strlen(I->prefix) - 1) :
			    I->mod->dir, "the module has syntax errors, so "
			    "nothing it declares is evaluated or checked");
			return;
		}
	for (i = 0; i < I->mod->norder && !S->ev.over; i++) {
		k = I->mod->order[i];
		if (strcmp(k->b->type, "module") == 0) {
			ch = call_children(S, I, label(k->b, 0), &n, &k);
			for (j = 0; j < n; j++)
				eval_inst(S, ch[j]);
			continue;
		}
		type = label(k->b, 0);
		if (strcmp(k->b->type, "resource") != 0 || !wanted(type))
			continue;
		v = res_value(S, I, k->key, at_new(S, k->file,
		    &k->b->type_range));
		obj_loc(I, k, &loc);
		if (v->kind == TFV_UNKNOWN) {
			if (!(v->flags & TFV_ERROR))
				tf_gap(S, &loc, res_addr(S, I, k, NULL),
				    arena_printf(S->m->arena, "%s, so this "
				    "%s is not checked", v->why, type));
			continue;
		}
		if (blk_attr(k, "count", NULL) == NULL &&
		    blk_attr(k, "for_each", NULL) == NULL) {
			res_commit(S, I, k, v, res_addr(S, I, k, NULL));
			continue;
		}
		for (j = 0; j < v->n; j++)
			if (v->v[j]->kind == TFV_MAP)
				res_commit(S, I, k, v->v[j], v->v[j]->why);
	}
}

/* Variables from a .tfvars file: attributes of constant expressions. */
static void
tfvars_file(struct tf_src *S, struct tf_inst *I, const char *path,
    int named)
{
	struct loc		 loc = { path, 0, 0, 0, 0 };
	struct hcl_file		*f;
	struct tf_memo		*mm;
	struct tf_env		*env;
	struct tfv		*v;
	struct stat		 st;
	char			*data;
	size_t			 len, i;

	if (stat(path, &st) == -1) {
		if (named)
			diag_error(S->dg, &loc, "cannot open: %s",
			    strerror(errno));
		return;
	}
	if ((data = read_all(S, path, &len, LOAD_MAX_FILE_SIZE)) == NULL)
		return;
	if (str_has_suffix(path, ".json")) {
		tfvars_json(S, I, path, data, len);
		return;
	}
	S->m->nfiles++;
	S->m->ntfsrc++;
	f = hcl_parse(S->m->arena, S->dg, path, data, len);
	keep_comments(S, f);
	env = env_new(S, I, f, NULL);
	env->lookup = NULL;
	for (i = 0; i < f->body.nattrs; i++) {
		v = tf_eval(&S->ev, env, f->body.attrs[i].expr);
		if (map_blk(&I->mod->vars, f->body.attrs[i].name) == NULL) {
			loc_of(f, &f->body.attrs[i].name_range, &loc);
			diag_error(S->dg, &loc, "%s sets variable \"%s\", "
			    "which %s does not declare", path,
			    f->body.attrs[i].name, I->mod->dir);
			continue;
		}
		mm = memo_get(S, I, arena_printf(S->m->arena, "input.%s",
		    f->body.attrs[i].name));
		mm->state = 2;
		mm->v = v;
	}
	for (i = 0; i < f->body.nblocks; i++) {
		loc_of(f, &f->body.blocks[i].type_range, &loc);
		diag_error(S->dg, &loc, "a variables file holds only "
		    "NAME = VALUE lines, not blocks");
	}
}

/*
 * Variables in JSON (terraform.tfvars.json, *.auto.tfvars.json): an
 * object of values, taken as they are (strings are not templates).
 */
static void
tfvars_json(struct tf_src *S, struct tf_inst *I, const char *path,
    const char *data, size_t len)
{
	struct loc	 loc = { path, 0, 0, 0, 0 };
	struct tf_memo	*mm;
	struct tfv	*v;
	size_t		 i;

	S->m->nfiles++;
	S->m->ntfsrc++;
	if ((v = tfv_from_json(&S->ev, data, len)) == NULL ||
	    v->kind != TFV_MAP) {
		diag_error(S->dg, &loc, "%s: a JSON variables file holds one "
		    "object of NAME: VALUE", v == NULL ? "not valid JSON" :
		    "not an object");
		return;
	}
	for (i = 0; i < v->n; i++) {
		if (map_blk(&I->mod->vars, v->k[i]) == NULL) {
			diag_error(S->dg, &loc, "%s sets variable \"%s\", "
			    "which %s does not declare", path, v->k[i],
			    I->mod->dir);
			continue;
		}
		mm = memo_get(S, I, arena_printf(S->m->arena, "input.%s",
		    v->k[i]));
		mm->state = 2;
		mm->v = v->v[i];
	}
}

static int
auto_tfvars(const struct dirent *de)
{
	return de->d_name[0] != '.' &&
	    (str_has_suffix(de->d_name, ".auto.tfvars") ||
	    str_has_suffix(de->d_name, ".auto.tfvars.json"));
}

/*
 * A root module's inputs, later ones winning as in Terraform:
 * terraform.tfvars, terraform.tfvars.json, *.auto.tfvars in name order,
 * then --var-file and --var in the order given.
 */
static void
root_inputs(struct tf_src *S, struct tf_inst *I)
{
	struct dirent	**de;
	const char	*dir = I->mod->dir;
	int		 n, j;

	tfvars_file(S, I, arena_printf(S->m->arena, "%s/terraform.tfvars",
	    dir), 0);
	tfvars_file(S, I, arena_printf(S->m->arena,
	    "%s/terraform.tfvars.json", dir), 0);
	if ((n = scandir(dir, &de, auto_tfvars, alphasort)) > 0) {
		for (j = 0; j < n; j++) {
			tfvars_file(S, I, arena_printf(S->m->arena, "%s/%s",
			    dir, de[j]->d_name), 0);
			free(de[j]);
		}
		free(de);
	}
	cmdline_inputs(S, I);
}

/* --var-file and --var, in the order given. */
static void
cmdline_inputs(struct tf_src *S, struct tf_inst *I)
{
	struct tf_memo	*mm;
	const char	*eq, *name;
	size_t		 i;

	for (i = 0; S->opts != NULL && i < S->opts->ntf_vars; i++) {
		if (S->opts->tf_vars[i].file) {
			tfvars_file(S, I, S->opts->tf_vars[i].text, 1);
			continue;
		}
		eq = strchr(S->opts->tf_vars[i].text, '=');
		name = arena_strndup(S->m->arena, S->opts->tf_vars[i].text,
		    (size_t)(eq - S->opts->tf_vars[i].text));
		if (map_blk(&I->mod->vars, name) == NULL)
			continue;
		mm = memo_get(S, I, arena_printf(S->m->arena, "input.%s",
		    name));
		mm->state = 2;
		mm->v = tfv_strz(&S->ev, eq + 1);
	}
}

/* The top of the git work tree holding dir, else dir: reads stay in. */
static const char *
repo_root(struct tf_src *S, const char *real)
{
	struct stat	 st;
	char		*p, *git;

	p = arena_strdup(S->m->arena, real);
	for (;;) {
		git = arena_printf(S->m->arena, "%s/.git", p);
		if (lstat(git, &st) == 0)
			return p;
		if (strrchr(p, '/') == NULL || strcmp(p, "/") == 0 ||
		    strrchr(p, '/') == p)
			break;
		*strrchr(p, '/') = '\0';
	}
	return real;
}

/* The local modules a module calls, to tell roots from called ones. */
static void
mark_called(struct tf_src *S, struct tf_mod *M, struct strmap *called)
{
	const struct hcl_attr	*a;
	const char		*src;
	char			 real[PATH_MAX];
	size_t			 i;

	for (i = 0; i < M->norder; i++) {
		if (strcmp(M->order[i]->b->type, "module") != 0 ||
		    (a = blk_attr(M->order[i], "source", NULL)) == NULL ||
		    (src = hcl_expr_string(a->expr, NULL)) == NULL ||
		    (strncmp(src, "./", 2) != 0 && strncmp(src, "../", 3)))
			continue;
		if (realpath(arena_printf(S->m->arena, "%s/%s", M->dir, src),
		    real) != NULL)
			strmap_add(called, S->m->arena,
			    arena_strdup(S->m->arena, real), M);
	}
}

static void
src_init(struct tf_src *S, struct model *m, struct diags *dg,
    const struct load_opts *opts)
{
	memset(S, 0, sizeof(*S));
	S->m = m;
	S->dg = dg;
	S->opts = opts;
	S->ev.arena = m->arena;
	S->ev.mem_base = m->arena->total;
	S->ev.dg = dg;
	S->ev.owner = S;
	S->ctx.m = m;
	S->ctx.dg = dg;
	strmap_init(&S->ctx.doc_by_address);
	strmap_init(&S->ctx.role_by_address);
	strmap_init(&S->mods);
}

static void
src_release(struct tf_src *S)
{
	size_t	 i;

	for (i = 0; i < S->ninsts; i++) {
		strmap_release(&S->insts[i]->memo);
		free(S->insts[i]->children);
	}
	free(S->insts);
	for (i = 0; i < S->nall; i++) {
		strmap_release(&S->all[i]->vars);
		strmap_release(&S->all[i]->locals);
		strmap_release(&S->all[i]->res);
		strmap_release(&S->all[i]->calls);
		strmap_release(&S->all[i]->outputs);
		free(S->all[i]->order);
	}
	free(S->all);
	free(S->root_dirs);
	strmap_release(&S->mods);
	strmap_release(&S->ctx.doc_by_address);
	strmap_release(&S->ctx.role_by_address);
}

/*
 * A plan and the sources of its configuration describe the same
 * objects: keep one of each, with the plan's values (what will be
 * applied) and the position of the source.  An object of the sources
 * is told by its line (a plan's objects have none); one the plan does
 * not hold is another root's, and stays.  A trust the plan knows only
 * after apply is taken from the sources, as far as they know it.
 */
#define MERGE(vec, type, extra)						\
	do {								\
		struct strmap	 by;					\
		const struct strmap_val *sv;				\
		type		*o, *p;					\
		size_t		 i, j;					\
									\
		strmap_init(&by);					\
		for (i = 0; i < m->vec.n; i++) {			\
			o = m->vec.v[i];				\
			if (o->src == SRC_TERRAFORM && o->tf_root == 0 &&	\
			    o->address != NULL)				\
				strmap_add(&by, m->arena, o->address, o); \
		}							\
		for (i = j = 0; i < m->vec.n; i++) {			\
			o = m->vec.v[i];				\
			if (o->tf_root == root && o->address != NULL &&	\
			    (sv = strmap_get(&by, o->address)) != NULL) {	\
				p = sv->v;				\
				p->loc = o->loc;			\
				p->tf_root = o->tf_root;		\
				extra;					\
				continue;				\
			}						\
			m->vec.v[j++] = o;				\
		}							\
		m->vec.n = j;						\
		strmap_release(&by);					\
	} while (0)

/*
 * How many objects of the plans have the address of one of root's:
 * the plan made from a root's configuration holds its addresses.
 */
#define MATCHES(vec, n)							\
	do {								\
		struct strmap	 by;					\
		size_t		 i;					\
									\
		strmap_init(&by);					\
		for (i = 0; i < m->vec.n; i++)				\
			if (m->vec.v[i]->tf_root == root &&		\
			    m->vec.v[i]->address != NULL) {		\
				strmap_add(&by, m->arena,		\
				    m->vec.v[i]->address, NULL);	\
				(*total)++;				\
			}						\
		for (i = 0; i < m->vec.n; i++)				\
			if (m->vec.v[i]->src == SRC_TERRAFORM &&	\
			    m->vec.v[i]->tf_root == 0 &&		\
			    m->vec.v[i]->address != NULL &&		\
			    strmap_get(&by, m->vec.v[i]->address) != NULL) \
				(n)++;					\
		strmap_release(&by);					\
	} while (0)

/* The plan's role p takes what the sources' o knows more. */
static void
merge_role(struct iam_role *p, const struct iam_role *o)
{
	size_t	 i;

	p->trust_loc = o->trust_loc;
	p->origins = o->origins;
	p->norigins = o->norigins;
	if (p->trust == NULL && p->policy_unknown && o->trust != NULL) {
		p->trust = o->trust;
		p->trust_partial = o->trust_partial;
		p->trust_from = o->trust_from;
		return;
	}
	/* The same statements: the places of the sources' parts. */
	if (p->trust == NULL || o->trust == NULL || p->trust == o->trust ||
	    p->trust->n != o->trust->n)
		return;
	for (i = 0; i < p->trust->n; i++) {
		p->trust->st[i].origin = o->trust->st[i].origin;
		origins_copy(&p->trust->st[i], &o->trust->st[i]);
	}
}

/*
 * The plan's add-on p takes the places of the sources' o, and the
 * roles they reference where the plan has no configuration to tell.
 */
static void
merge_addon(struct eks_addon *p, const struct eks_addon *o)
{
	size_t	 i, j;

	p->name_loc = o->name_loc;
	p->role.key_loc = o->role.key_loc;
	p->role.value_loc = o->role.value_loc;
	if (p->role_ref == NULL)
		p->role_ref = o->role_ref;
	for (i = 0; i < p->npias; i++)
		for (j = 0; j < o->npias; j++) {
			if (p->pias[i].sa == NULL || o->pias[j].sa == NULL ||
			    strcmp(p->pias[i].sa, o->pias[j].sa) != 0)
				continue;
			p->pias[i].loc = o->pias[j].loc;
			if (p->pias[i].role_ref == NULL)
				p->pias[i].role_ref = o->pias[j].role_ref;
		}
}

/*
 * The plan's ServiceAccount p takes the places of the sources' o; where
 * the plan cannot tell it (values known only after apply) and the
 * sources can, the sources' is the one, as for a trust.
 */
static void
merge_tf_sa(struct tf_sa *p, const struct tf_sa *o)
{
	size_t	 i, j;

	if (p->undecided != NULL && o->undecided == NULL) {
		*p = *o;
		return;
	}
	p->at = o->at;
	p->name_loc = o->name_loc;
	p->ns_loc = o->ns_loc;
	p->undecided_loc = o->undecided_loc;
	p->role_field.key_loc = o->role_field.key_loc;
	p->role_field.value_loc = o->role_field.value_loc;
	if (p->role_ref == NULL)
		p->role_ref = o->role_ref;
	for (i = 0; i < p->nannotations; i++)
		for (j = 0; j < o->nannotations; j++)
			if (strcmp(p->annotations[i].key,
			    o->annotations[j].key) == 0) {
				p->annotations[i].key_loc =
				    o->annotations[j].key_loc;
				p->annotations[i].value_loc =
				    o->annotations[j].value_loc;
			}
}

/* The plans' objects root has, and how many objects root has. */
static size_t
plan_matches(struct model *m, unsigned int root, size_t *total)
{
	size_t	 n = 0;

	*total = 0;
	MATCHES(roles, n);
	MATCHES(providers, n);
	MATCHES(clusters, n);
	MATCHES(role_policies, n);
	MATCHES(pod_identities, n);
	MATCHES(addons, n);
	MATCHES(tf_sas, n);
	return n;
}

/*
 * With plans, the root whose objects the plans hold is the one they
 * were made from; two roots that match as well are said to, and
 * neither is merged.
 */
static void
merge_plan(struct tf_src *S)
{
	struct model	*m = S->m;
	struct loc	 loc;
	unsigned int	 root, best = 0, tie = 0;
	size_t		 n, most = 0, k, total, fewest = 0;

	/* Most of the plan's objects; then the fewest the plan lacks. */
	for (root = 1; root <= S->nroots; root++) {
		if ((n = plan_matches(m, root, &total)) == 0)
			continue;
		if (n > most || (n == most && total < fewest)) {
			most = n;
			fewest = total;
			best = root;
			tie = 0;
		} else if (n == most && total == fewest)
			tie = root;
	}
	if (best == 0)
		return;
	if (tie != 0) {
		memset(&loc, 0, sizeof(loc));
		loc.file = S->root_dirs[tie - 1];
		loc.line = loc.col = 1;
		tf_gap(S, &loc, S->root_dirs[tie - 1], arena_printf(m->arena,
		    "the plan's objects are as much those of %s as of this "
		    "root module, so neither takes the plan's values: lint "
		    "the plan with the root it was made from",
		    S->root_dirs[best - 1]));
		return;
	}
	root = best;
	MERGE(roles, struct iam_role, merge_role(p, o));
	for (k = 0; k < m->roles.n; k++)
		m->roles.v[k]->index = k;
	MERGE(providers, struct oidc_provider, (void)0);
	MERGE(clusters, struct eks_cluster, (void)0);
	MERGE(role_policies, struct role_policy, (void)0);
	MERGE(pod_identities, struct pod_identity, (void)0);
	MERGE(addons, struct eks_addon, merge_addon(p, o));
	MERGE(tf_sas, struct tf_sa, merge_tf_sa(p, o));
}

/*
 * Roots that declare the same address: name each object's root in it,
 * "aws_iam_role.app (infra/prod)", so that messages tell them apart.
 */
#define QUALIFY(vec, type)							\
	do {								\
		struct strmap	 seen;					\
		const struct strmap_val *sv;				\
		size_t		 i;					\
									\
		strmap_init(&seen);					\
		for (i = 0; i < m->vec.n; i++)				\
			if (m->vec.v[i]->tf_root != 0 &&		\
			    m->vec.v[i]->address != NULL)		\
				strmap_add(&seen, m->arena,		\
				    m->vec.v[i]->address, m->vec.v[i]);	\
		for (i = 0; i < m->vec.n; i++) {			\
			if (m->vec.v[i]->tf_root == 0 ||		\
			    m->vec.v[i]->address == NULL ||		\
			    (sv = strmap_get(&seen,			\
			    m->vec.v[i]->address)) == NULL)		\
				continue;				\
			for (; sv != NULL; sv = sv->next)		\
				if (((type *)sv->v)->tf_root !=		\
				    m->vec.v[i]->tf_root)		\
					break;				\
			if (sv != NULL)					\
				m->vec.v[i]->address = arena_printf(	\
				    m->arena, "%s (%s)",		\
				    m->vec.v[i]->address,		\
				    S->root_dirs[m->vec.v[i]->tf_root - 1]); \
		}							\
		strmap_release(&seen);					\
	} while (0)

/* What of an add-on names the role at old by address names it at new. */
static void
qualify_addon(struct eks_addon *a, const char *old, const char *new)
{
	size_t	 i;

	if (a->role_ref != NULL && strcmp(a->role_ref, old) == 0)
		a->role_ref = new;
	for (i = 0; i < a->npias; i++)
		if (a->pias[i].role_ref != NULL &&
		    strcmp(a->pias[i].role_ref, old) == 0)
			a->pias[i].role_ref = new;
}

static void
qualify(struct tf_src *S)
{
	struct model	*m = S->m;
	struct iam_role	*r;
	const char	*old;
	size_t		 i, j;

	if (S->nroots < 2)
		return;
	QUALIFY(roles, struct iam_role);
	/* What names a renamed role by its address follows it. */
	for (i = 0; i < m->roles.n; i++) {
		r = m->roles.v[i];
		if (r->tf_root == 0 || r->address == NULL ||
		    !str_has_suffix(r->address, ")"))
			continue;
		old = arena_strndup(m->arena, r->address, strlen(r->address) -
		    strlen(S->root_dirs[r->tf_root - 1]) - 3);
		for (j = 0; j < m->role_policies.n; j++)
			if (m->role_policies.v[j]->tf_root == r->tf_root &&
			    m->role_policies.v[j]->role_ref != NULL &&
			    strcmp(m->role_policies.v[j]->role_ref, old) == 0)
				m->role_policies.v[j]->role_ref = r->address;
		for (j = 0; j < m->pod_identities.n; j++)
			if (m->pod_identities.v[j]->tf_root == r->tf_root &&
			    m->pod_identities.v[j]->role_ref != NULL &&
			    strcmp(m->pod_identities.v[j]->role_ref, old) == 0)
				m->pod_identities.v[j]->role_ref = r->address;
		for (j = 0; j < m->addons.n; j++)
			if (m->addons.v[j]->tf_root == r->tf_root)
				qualify_addon(m->addons.v[j], old, r->address);
		for (j = 0; j < m->tf_sas.n; j++)
			if (m->tf_sas.v[j]->tf_root == r->tf_root &&
			    m->tf_sas.v[j]->role_ref != NULL &&
			    strcmp(m->tf_sas.v[j]->role_ref, old) == 0)
				m->tf_sas.v[j]->role_ref = r->address;
	}
	QUALIFY(providers, struct oidc_provider);
	QUALIFY(clusters, struct eks_cluster);
	QUALIFY(role_policies, struct role_policy);
	QUALIFY(pod_identities, struct pod_identity);
	QUALIFY(addons, struct eks_addon);
	QUALIFY(tf_sas, struct tf_sa);
}

void
load_tf_sources(struct model *m, struct diags *dg, const char *const *dirs,
    size_t n, const struct load_opts *opts)
{
	struct tf_src	 S;
	struct tf_mod	**mods;
	struct tf_inst	*I;
	struct strmap	 called;
	struct loc	 loc;
	const char	*mj;
	char		*data;
	size_t		 i, j, len;

	if (n == 0)
		return;
	src_init(&S, m, dg, opts);
	strmap_init(&called);
	mods = xreallocarray(NULL, n, sizeof(*mods));
	for (i = 0; i < n; i++) {
		memset(&loc, 0, sizeof(loc));
		loc.file = dirs[i];
		S.root_dir = "/";
		mods[i] = mod_get(&S, dirs[i], &loc);
	}
	for (i = 0; i < n; i++)
		if (mods[i] != NULL)
			mark_called(&S, mods[i], &called);
	for (i = 0; i < n; i++) {
		if (mods[i] == NULL || mods[i]->nfiles == 0 ||
		    strmap_get(&called, mods[i]->real) != NULL)
			continue;
		/* infra and ./infra are one root. */
		for (j = 0; j < i && mods[j] != mods[i]; j++)
			continue;
		if (j < i)
			continue;
		/*
		 * Reads stay inside the repository root; a root module outside
		 * it (named by an absolute path elsewhere) has its own git top.
		 */
		S.root_dir = opts != NULL && opts->root != NULL &&
		    inside(opts->root, mods[i]->real) ? opts->root :
		    repo_root(&S, mods[i]->real);
		S.root_path = mods[i]->dir;
		S.root_real = mods[i]->real;
		mj = arena_printf(m->arena, "%s/.terraform/modules/modules.json",
		    mods[i]->dir);
		S.modules_json = NULL;
		if (access(mj, R_OK) == 0 && (data = read_all(&S, mj, &len,
		    LOAD_MAX_FILE_SIZE)) != NULL &&
		    (S.modules_json = cJSON_ParseWithLength(data, len)) == NULL) {
			memset(&loc, 0, sizeof(loc));
			loc.file = mj;
			diag_error(dg, &loc, "not valid JSON: run terraform "
			    "init again");
		}
		S.root_dirs = xreallocarray(S.root_dirs, S.nroots + 1,
		    sizeof(*S.root_dirs));
		S.root_dirs[S.nroots++] = mods[i]->dir;
		S.root_no = (unsigned int)S.nroots;
		I = inst_new(&S, mods[i], NULL, NULL, "", "", NULL);
		I->is_root = 1;
		root_inputs(&S, I);
		eval_inst(&S, I);
		cJSON_Delete(S.modules_json);
		S.modules_json = NULL;
	}
	free(mods);
	if (m->ntf > 0)
		merge_plan(&S);
	qualify(&S);
	strmap_release(&called);
	src_release(&S);
}

/*
 * One file given as bytes (standard input, a fuzzer) as a root module
 * of its own: no other file is read, no module followed.
 */
void
load_tf_buffer(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len, const struct load_opts *opts)
{
	struct tf_src	 S;
	struct tf_mod	*M;
	struct hcl_file	*f;
	struct tf_inst	*I;
	size_t		 j;

	src_init(&S, m, dg, opts);
	S.no_disk = 1;
	S.root_dir = "/nonexistent";
	S.root_path = ".";
	M = mod_new(&S, ".", "(standard input)");
	M->loaded = 1;
	M->files = arena_alloc(m->arena, sizeof(*M->files));
	m->nfiles++;
	m->ntfsrc++;
	S.ev.extra_work = TF_WORK_PER_BYTE * len;
	S.ev.extra_memory = TF_MEMORY_PER_BYTE * len;
	f = str_has_suffix(file, ".tf.json") ? tf_json_parse(m->arena, dg,
	    file, data, len) : hcl_parse(m->arena, dg, file, data, len);
	M->files[M->nfiles++] = f;
	keep_comments(&S, f);
	for (j = 0; j < f->body.nblocks; j++)
		mod_block(&S, M, f, &f->body.blocks[j], 0);
	S.root_dirs = xreallocarray(NULL, 1, sizeof(*S.root_dirs));
	S.root_dirs[S.nroots++] = file;
	S.root_no = 1;
	I = inst_new(&S, M, NULL, NULL, "", "", NULL);
	I->is_root = 1;
	cmdline_inputs(&S, I);
	eval_inst(&S, I);
	if (m->ntf > 0)
		merge_plan(&S);
	src_release(&S);
}
