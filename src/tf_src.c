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
 *
 * This file holds the entry points, the root module's inputs (tfvars,
 * the command line) and the merge with plans; tf_src_read.c reads a
 * directory, tf_src_scope.c and tf_src_eval.c evaluate, tf_src_model.c
 * hands the results to the model (include/tf_src_impl.h).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "load.h"
#include "policy.h"
#include "util.h"
#include "xalloc.h"

#include "tf_src_impl.h"
#include "xjson.h"

static void	cmdline_inputs(struct tf_src *, struct tf_inst *);
static void	tfvars_json(struct tf_src *, struct tf_inst *, const char *,
		    const char *, size_t);

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
	if ((data = tfs_read_all(S, path, &len, LOAD_MAX_FILE_SIZE)) == NULL)
		return;
	if (str_has_suffix(path, ".json")) {
		tfvars_json(S, I, path, data, len);
		return;
	}
	S->m->nfiles++;
	S->m->ntfsrc++;
	f = hcl_parse(S->m->arena, S->dg, path, data, len);
	tfs_keep_comments(S, f);
	env = tfs_env_new(S, I, f, NULL);
	env->lookup = NULL;
	for (i = 0; i < f->body.nattrs; i++) {
		v = tf_eval(&S->ev, env, f->body.attrs[i].expr);
		if (tfs_map_blk(&I->mod->vars, f->body.attrs[i].name) == NULL) {
			tfs_loc_of(f, &f->body.attrs[i].name_range, &loc);
			diag_error(S->dg, &loc, "%s sets variable \"%s\", "
			    "which %s does not declare", path,
			    f->body.attrs[i].name, I->mod->dir);
			continue;
		}
		mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "input.%s",
		    f->body.attrs[i].name));
		mm->state = 2;
		mm->v = v;
	}
	for (i = 0; i < f->body.nblocks; i++) {
		tfs_loc_of(f, &f->body.blocks[i].type_range, &loc);
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
		if (tfs_map_blk(&I->mod->vars, v->k[i]) == NULL) {
			diag_error(S->dg, &loc, "%s sets variable \"%s\", "
			    "which %s does not declare", path, v->k[i],
			    I->mod->dir);
			continue;
		}
		mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "input.%s",
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
		if (tfs_map_blk(&I->mod->vars, name) == NULL)
			continue;
		mm = tfs_memo_get(S, I, arena_printf(S->m->arena, "input.%s",
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
		    (a = tfs_blk_attr(M->order[i], "source", NULL)) == NULL ||
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
		tfs_origins_copy(&p->trust->st[i], &o->trust->st[i]);
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
		tfs_gap(S, &loc, S->root_dirs[tie - 1], arena_printf(m->arena,
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
		mods[i] = tfs_mod_get(&S, dirs[i], &loc);
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
		    tfs_inside(opts->root, mods[i]->real) ? opts->root :
		    repo_root(&S, mods[i]->real);
		S.root_path = mods[i]->dir;
		S.root_real = mods[i]->real;
		mj = arena_printf(m->arena, "%s/.terraform/modules/modules.json",
		    mods[i]->dir);
		S.modules_json = NULL;
		if (access(mj, R_OK) == 0 && (data = tfs_read_all(&S, mj, &len,
		    LOAD_MAX_FILE_SIZE)) != NULL &&
		    (S.modules_json = xjson_parse(data, len, NULL)) ==
		    NULL) {
			memset(&loc, 0, sizeof(loc));
			loc.file = mj;
			diag_error(dg, &loc, "not valid JSON: run terraform "
			    "init again");
		}
		S.root_dirs = xreallocarray(S.root_dirs, S.nroots + 1,
		    sizeof(*S.root_dirs));
		S.root_dirs[S.nroots++] = mods[i]->dir;
		S.root_no = (unsigned int)S.nroots;
		I = tfs_inst_new(&S, mods[i], NULL, NULL, "", "", NULL);
		I->is_root = 1;
		root_inputs(&S, I);
		tfs_eval_inst(&S, I);
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
	M = tfs_mod_new(&S, ".", "(standard input)");
	M->loaded = 1;
	M->files = arena_alloc(m->arena, sizeof(*M->files));
	m->nfiles++;
	m->ntfsrc++;
	S.ev.extra_work = TF_WORK_PER_BYTE * len;
	S.ev.extra_memory = TF_MEMORY_PER_BYTE * len;
	f = str_has_suffix(file, ".tf.json") ? tf_json_parse(m->arena, dg,
	    file, data, len) : hcl_parse(m->arena, dg, file, data, len);
	M->files[M->nfiles++] = f;
	tfs_keep_comments(&S, f);
	for (j = 0; j < f->body.nblocks; j++)
		tfs_mod_block(&S, M, f, &f->body.blocks[j], 0);
	S.root_dirs = xreallocarray(NULL, 1, sizeof(*S.root_dirs));
	S.root_dirs[S.nroots++] = file;
	S.root_no = 1;
	I = tfs_inst_new(&S, M, NULL, NULL, "", "", NULL);
	I->is_root = 1;
	cmdline_inputs(&S, I);
	tfs_eval_inst(&S, I);
	if (m->ntf > 0)
		merge_plan(&S);
	src_release(&S);
}
