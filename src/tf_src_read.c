/* SPDX-License-Identifier: ISC */
/*
 * A module's directory read: its .tf and .tf.json files parsed, the
 * override files' bodies kept with the blocks they override, blocks
 * indexed by kind and name, each directory read once however often it
 * is called; and the small helpers every part of the loader uses
 * (positions, attributes, labels, the note where a value is unknown).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "load.h"
#include "policy.h"
#include "util.h"
#include "xalloc.h"

#include "tf_src_impl.h"

struct tf_src *
tfs_src_of(struct tf_ev *ev)
{
	return ev->owner;
}

struct tf_at *
tfs_at_new(struct tf_src *S, const struct hcl_file *f,
    const struct hcl_range *r)
{
	struct tf_at	*at = arena_alloc(S->m->arena, sizeof(*at));

	at->file = f;
	at->range = *r;
	return at;
}

void
tfs_loc_of(const struct hcl_file *f, const struct hcl_range *r,
    struct loc *loc)
{
	memset(loc, 0, sizeof(*loc));
	hcl_loc(f, r, loc);
}

const struct hcl_attr *
tfs_blk_attr(const struct tf_blk *k, const char *name,
    const struct hcl_file **f)
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

const char *
tfs_label(const struct hcl_block *b, size_t i)
{
	return i < b->nlabels ? b->labels[i].text : NULL;
}

/*
 * Something of the configuration that is not evaluated, so that what it
 * declares is not checked: the model keeps it, a rule says it.
 */
void
tfs_gap(struct tf_src *S, const struct loc *loc, const char *address,
    const char *msg)
{
	struct tf_gap	*g = model_add_tf_gap(S->m);

	g->loc = *loc;
	g->address = address;
	g->msg = msg;
}

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
char *
tfs_read_all(struct tf_src *S, const char *path, size_t *len, size_t max)
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
void
tfs_keep_comments(struct tf_src *S, const struct hcl_file *f)
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

struct tf_blk *
tfs_map_blk(struct strmap *sm, const char *key)
{
	const struct strmap_val	*v = strmap_get(sm, key);

	return v != NULL ? v->v : NULL;
}

/*
 * One block of a file.  In an override file, a block that overrides
 * one already read adds its body to that one's (as many as eight);
 * Terraform merges them argument by argument, later ones winning.
 */
void
tfs_mod_block(struct tf_src *S, struct tf_mod *M, const struct hcl_file *f,
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
				tfs_loc_of(f, &la->a->name_range, &loc);
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
		    "data." : "", tfs_label(b, 0), tfs_label(b, 1));
	} else if (strcmp(t, "variable") == 0 && b->nlabels == 1) {
		sm = &M->vars;
		key = tfs_label(b, 0);
	} else if (strcmp(t, "module") == 0 && b->nlabels == 1) {
		sm = &M->calls;
		key = tfs_label(b, 0);
	} else if (strcmp(t, "output") == 0 && b->nlabels == 1) {
		sm = &M->outputs;
		key = tfs_label(b, 0);
	} else
		return;	/* terraform, provider, moved, import, check... */
	old = tfs_map_blk(sm, key);
	if (override && old != NULL) {
		if (old->nbodies < 8)
			old->bodies[old->nbodies++] = &b->body;
		return;
	}
	if (old != NULL) {
		tfs_loc_of(f, &b->type_range, &loc);
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
			if ((data = tfs_read_all(S, path, &len,
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
			tfs_keep_comments(S, f);
			for (j = 0; j < f->body.nblocks; j++)
				tfs_mod_block(S, M, f, &f->body.blocks[j], pass);
		}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The module in directory dir, read once. */
struct tf_mod *
tfs_mod_get(struct tf_src *S, const char *dir, const struct loc *from)
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
	M = tfs_mod_new(S, dir, real);
	mod_read(S, M);
	return M;
}

struct tf_mod *
tfs_mod_new(struct tf_src *S, const char *dir, const char *real)
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

/* Is p (a real path) dir or below it? */
int
tfs_inside(const char *dir, const char *p)
{
	size_t	 n = strlen(dir);

	return strcmp(dir, "/") == 0 || (strncmp(p, dir, n) == 0 &&
	    (p[n] == '/' || p[n] == '\0'));
}
