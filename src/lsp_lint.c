/* SPDX-License-Identifier: ISC */
/*
 * A lint of the workspace with the open documents over the files on
 * disk, and its diagnostics published: each finding at its range in
 * the client's encoding, related locations, an Information diagnostic
 * at each related location in its own file, and [] for the files
 * whose findings went away.
 */
#include <sys/stat.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "buf.h"
#include "config.h"
#include "engine.h"
#include "load.h"
#include "rule.h"
#include "suppress.h"
#include "util.h"
#include "xalloc.h"

#include "lsp_impl.h"

static const char *overlay(void *, const char *, size_t *);
static void	 run_init(struct lsp_run *);
static cJSON	*pos_json(size_t, size_t);
static cJSON	*location_json(struct lsp *, const struct loc *);
static cJSON	*related_json(struct lsp *, const struct diag *,
		    const struct related *);
static const struct diag *placed(struct lsp *, const struct diag *);
static void	 publish(struct lsp *);
static void	 publish_one(struct lsp *, const char *, cJSON *);
static int	 same_loc(const struct loc *, const struct loc *);

/* load_opts.overlay: the open document that is the file at path. */
static const char *
overlay(void *arg, const char *path, size_t *len)
{
	struct lsp	*L = arg;
	struct lsp_doc	*d;
	char		 real[PATH_MAX];

	if (L->docs == NULL || realpath(path, real) == NULL)
		return NULL;
	for (d = L->docs; d != NULL; d = d->next)
		if (d->real != NULL && d->text != NULL &&
		    strcmp(d->real, real) == 0) {
			*len = d->len;
			return d->text;
		}
	return NULL;
}

static void
run_init(struct lsp_run *R)
{
	memset(R, 0, sizeof(*R));
	diags_init(&R->dg, &R->arena);
	strmap_init(&R->by_name);
	strmap_init(&R->by_uri);
}

void
lsp_run_release(struct lsp_run *R)
{
	if (!R->live)
		return;
	strmap_release(&R->by_name);
	strmap_release(&R->by_uri);
	free(R->files);
	diags_release(&R->dg);
	arena_release(&R->arena);
	R->live = 0;
}

/*
 * Lint the workspace as main() lints a run at its root with nothing
 * named: the configuration, its inputs (else the folder), the rules,
 * the suppressions; then publish.  The model is released at once: the
 * diagnostics live in the run's arena.
 */
void
lsp_lint(struct lsp *L)
{
	struct lsp_run	*R = &L->run;
	struct load_opts lo;
	struct config	 cfg;
	struct model	 m;
	struct bindings	 bs;
	struct lsp_doc	*d;
	struct stat	 st;
	const char	*file, *text;
	size_t		 i, len;
	char		 rp[PATH_MAX];

	L->dirty = 0;
	lsp_run_release(R);
	run_init(R);
	R->live = 1;
	for (d = L->docs; d != NULL; d = d->next)
		if (d->real == NULL)
			d->real = lsp_real_of(d->path);
	memset(&lo, 0, sizeof(lo));
	lo.root = R->dg.root = L->root;
	lo.overlay = overlay;
	lo.overlay_arg = L;
	config_init(&cfg, &R->arena);
	file = arena_printf(&R->arena, "%s/%s", strcmp(L->root, "/") == 0 ?
	    "" : L->root, CONFIG_NAME);
	/* A link to a configuration elsewhere is not read: nothing is. */
	if ((text = overlay(L, file, &len)) != NULL)
		(void)config_parse(&cfg, &R->arena, file, text, len, &R->dg);
	else if (stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
	    realpath(file, rp) != NULL && lsp_in_root(L, rp))
		(void)config_load(&cfg, &R->arena, file, &R->dg);
	model_init(&m, &R->arena);
	if (cfg.ns != NULL)
		m.default_ns = cfg.ns;
	m.load_opts = &lo;
	for (i = 0; i < cfg.ninputs; i++)
		load_path(&m, &R->dg, cfg.inputs[i]);
	if (cfg.ninputs == 0)
		load_path(&m, &R->dg, L->root);
	load_finish(&m, &R->dg, &lo);
	config_deploy(&cfg, &m);
	model_index(&m);
	bindings_init(&bs);
	engine_run(&m, &R->dg, &bs);
	suppress_apply(&R->dg, &m, cfg.file != NULL ? &cfg : NULL);
	R->config = cfg.file;
	diags_sort(&R->dg);
	bindings_release(&bs);
	model_release(&m);
	publish(L);
}

/*
 * The file a diagnostic names, by its URI: the open document's when
 * one is that file, so that the client finds its buffer, else the
 * URI of its real path.  Two spellings of one file are one file.
 */
struct lsp_file *
lsp_file_get(struct lsp *L, const char *name)
{
	struct lsp_run		*R = &L->run;
	const struct strmap_val	*v;
	struct lsp_file		*F;
	struct lsp_doc		*d;
	struct buf		 b = BUF_INIT;
	const char		*abs, *real, *uri = NULL;
	char			 rp[PATH_MAX];

	if ((v = strmap_get(&R->by_name, name)) != NULL)
		return v->v;
	abs = path_tidy(&R->arena, name[0] == '/' ? name :
	    arena_printf(&R->arena, "%s/%s", L->root, name));
	real = realpath(abs, rp) != NULL ? arena_strdup(&R->arena, rp) : NULL;
	for (d = L->docs; real != NULL && d != NULL; d = d->next)
		if (d->real != NULL && strcmp(d->real, real) == 0)
			uri = arena_strdup(&R->arena, d->uri);
	if (uri == NULL) {
		lsp_path_uri(real != NULL ? real : abs, &b);
		uri = arena_strdup(&R->arena, b.buf);
		buf_release(&b);
	}
	if ((v = strmap_get(&R->by_uri, uri)) != NULL)
		F = v->v;
	else {
		F = arena_alloc(&R->arena, sizeof(*F));
		F->uri = uri;
		F->real = real;
		F->abs = abs;
		strmap_add(&R->by_uri, &R->arena, uri, F);
		R->files = xreallocarray(R->files, R->nfiles + 1,
		    sizeof(*R->files));
		R->files[R->nfiles++] = F;
	}
	strmap_add(&R->by_name, &R->arena, arena_strdup(&R->arena, name), F);
	return F;
}

/*
 * The text positions are counted in: the open document's, else the
 * file's on disk when it is inside the workspace; unknown (taken for
 * ASCII) when it cannot be read.  Read once a lint, when first needed.
 */
const struct lsp_text *
lsp_file_text(struct lsp *L, struct lsp_file *F)
{
	struct buf	 b = BUF_INIT;
	struct lsp_doc	*d;
	const char	*s = NULL;
	char		 chunk[65536];
	size_t		 n, len = 0;
	struct stat	 st;
	FILE		*fp;

	if (F->text_read)
		return &F->text;
	F->text_read = 1;
	for (d = L->docs; F->real != NULL && d != NULL && s == NULL;
	    d = d->next)
		if (d->real != NULL && d->text != NULL &&
		    strcmp(d->real, F->real) == 0) {
			s = arena_strndup(&L->run.arena, d->text, d->len);
			len = d->len;
		}
	if (s == NULL && F->real != NULL && lsp_in_root(L, F->real) &&
	    stat(F->real, &st) == 0 && S_ISREG(st.st_mode) &&
	    (fp = fopen(F->real, "rb")) != NULL) {
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0 &&
		    b.len + n <= LSP_MAX_TEXT)
			buf_add(&b, chunk, n);
		fclose(fp);
		s = arena_strndup(&L->run.arena, b.buf, b.len);
		len = b.len;
		buf_release(&b);
	}
	if (s != NULL)
		lsp_text_index(&F->text, &L->run.arena, s, len);
	return &F->text;
}

static cJSON *
pos_json(size_t line, size_t ch)
{
	cJSON	*p = cJSON_CreateObject();

	cJSON_AddNumberToObject(p, "line", line > LSP_MAX_UINT ?
	    LSP_MAX_UINT : line);
	cJSON_AddNumberToObject(p, "character", ch > LSP_MAX_UINT ?
	    LSP_MAX_UINT : ch);
	return p;
}

/*
 * A loc as a Range: line 0 (the file as a whole) is its start; an
 * unknown end is the end of the line, as the start of the next.
 */
cJSON *
lsp_range_json(struct lsp *L, struct lsp_file *F, const struct loc *l)
{
	const struct lsp_text	*t = L->utf16 ? lsp_file_text(L, F) : NULL;
	cJSON			*r = cJSON_CreateObject();
	size_t			 sl = 0, sc = 0, el = 0, ec = 0;
	unsigned int		 eline;

	if (l->line > 0) {
		sl = l->line - 1;
		sc = lsp_char_of(t, l->line, l->col, L->utf16);
		eline = l->end_line != 0 ? l->end_line : l->line;
		if (l->end_col != 0 && eline >= l->line) {
			el = eline - 1;
			ec = lsp_char_of(t, eline, l->end_col, L->utf16);
			if (el == sl && ec < sc)
				ec = sc;
		} else {
			el = sl + 1;
			ec = 0;
		}
	}
	cJSON_AddItemToObject(r, "start", pos_json(sl, sc));
	cJSON_AddItemToObject(r, "end", pos_json(el, ec));
	return r;
}

static cJSON *
location_json(struct lsp *L, const struct loc *l)
{
	struct lsp_file	*F = lsp_file_get(L, l->file);
	cJSON		*o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "uri", F->uri);
	cJSON_AddItemToObject(o, "range", lsp_range_json(L, F, l));
	return o;
}

/* A finding, or an input error, as a Diagnostic. */
cJSON *
lsp_diag_json(struct lsp *L, const struct diag *d)
{
	static const int	 sev[SEV__MAX] = { LSP_INFORMATION,
	    LSP_WARNING, LSP_ERROR };
	const struct related	*r;
	cJSON			*o = cJSON_CreateObject(), *a, *ri;
	const char		*s;

	cJSON_AddItemToObject(o, "range", lsp_range_json(L, lsp_file_get(L,
	    d->loc.file), &d->loc));
	cJSON_AddNumberToObject(o, "severity", d->rule == NULL ? LSP_ERROR :
	    sev[d->sev]);
	if (d->rule != NULL)
		cJSON_AddStringToObject(o, "code", d->rule->id);
	cJSON_AddStringToObject(o, "source", "irsalint");
	lsp_jadd_msg(L, o, "message", d->msg);
	if (d->related == NULL)
		return o;
	a = cJSON_AddArrayToObject(o, "relatedInformation");
	for (r = d->related; r != NULL; r = r->next) {
		ri = cJSON_CreateObject();
		cJSON_AddItemToObject(ri, "location", location_json(L,
		    &r->loc));
		s = r->address != NULL ? arena_printf(&L->run.arena,
		    "%s: %s", r->address, r->msg) : r->msg;
		lsp_jadd_msg(L, ri, "message", s);
		cJSON_AddItemToArray(a, ri);
	}
	return o;
}

/*
 * The Information diagnostic at a related place (the trust, the role)
 * in its own file, so that the problem shows where the user types
 * too; it points back at the finding.
 */
static cJSON *
related_json(struct lsp *L, const struct diag *d, const struct related *r)
{
	cJSON		*o = cJSON_CreateObject(), *ri;
	const char	*what;

	cJSON_AddItemToObject(o, "range", lsp_range_json(L, lsp_file_get(L,
	    r->loc.file), &r->loc));
	cJSON_AddNumberToObject(o, "severity", LSP_INFORMATION);
	cJSON_AddStringToObject(o, "code", d->rule->id);
	cJSON_AddStringToObject(o, "source", "irsalint");
	what = r->address != NULL ? arena_printf(&L->run.arena, "%s: %s",
	    r->address, r->msg) : r->msg;
	lsp_jadd_msg(L, o, "message", arena_printf(&L->run.arena, "%s; it explains "
	    "%s at %s:%u:%u: %s", what, d->rule->id, path_under(&L->run.arena,
	    L->root, d->loc.file), d->loc.line, d->loc.col, d->msg));
	ri = cJSON_CreateObject();
	cJSON_AddItemToObject(ri, "location", location_json(L, &d->loc));
	lsp_jadd_msg(L, ri, "message", d->msg);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "relatedInformation"),
	    ri);
	return o;
}

static int
same_loc(const struct loc *a, const struct loc *b)
{
	return strcmp(a->file, b->file) == 0 && a->line == b->line &&
	    a->col == b->col;
}

static void
publish_one(struct lsp *L, const char *uri, cJSON *diags)
{
	cJSON		*m = cJSON_CreateObject(), *p;
	struct lsp_doc	*d = lsp_doc_find(L, uri);

	cJSON_AddStringToObject(m, "method", "textDocument/publishDiagnostics");
	p = cJSON_AddObjectToObject(m, "params");
	cJSON_AddStringToObject(p, "uri", uri);
	if (d != NULL && d->versioned)
		cJSON_AddNumberToObject(p, "version", d->version);
	cJSON_AddItemToObject(p, "diagnostics", diags != NULL ? diags :
	    cJSON_CreateArray());
	lsp_send_msg(L, m);
}

/*
 * Where an input error is shown.  One about a path outside the
 * workspace (an input of the configuration that leads out of it) has
 * no file the editor can show: it goes on the configuration, which
 * names that path, the path before the message.
 */
static const struct diag *
placed(struct lsp *L, const struct diag *d)
{
	struct lsp_file	*F;
	struct diag	*c;

	if (d->rule != NULL || L->run.config == NULL)
		return d;
	F = lsp_file_get(L, d->loc.file);
	if (F->real != NULL && lsp_in_root(L, F->real) && strcmp(F->real,
	    L->root) != 0)
		return d;
	c = arena_alloc(&L->run.arena, sizeof(*c));
	*c = *d;
	memset(&c->loc, 0, sizeof(c->loc));
	c->loc.file = L->run.config;
	c->msg = arena_printf(&L->run.arena, "%s: %s", path_under(
	    &L->run.arena, L->root, d->loc.file), d->msg);
	return c;
}

/*
 * Every file with diagnostics, then [] for each file that had some
 * after the last lint and has none now; suppressed findings are not
 * shown.  The URIs published are kept for the next time.
 */
static void
publish(struct lsp *L)
{
	struct lsp_run		*R = &L->run;
	const struct diag	*d;
	const struct related	*r;
	const struct strmap_val	*v;
	struct lsp_file		*F;
	char			**now;
	size_t			 i, n;

	for (i = 0; i < R->dg.n; i++) {
		d = R->dg.v[i];
		if (d->suppressed != SUPPRESS_NONE)
			continue;
		d = placed(L, d);
		F = lsp_file_get(L, d->loc.file);
		if (F->diags == NULL)
			F->diags = cJSON_CreateArray();
		cJSON_AddItemToArray(F->diags, lsp_diag_json(L, d));
		for (r = d->related; d->rule != NULL && r != NULL;
		    r = r->next) {
			if (same_loc(&r->loc, &d->loc))
				continue;
			F = lsp_file_get(L, r->loc.file);
			if (F->diags == NULL)
				F->diags = cJSON_CreateArray();
			cJSON_AddItemToArray(F->diags, related_json(L, d, r));
		}
	}
	/* A file only named as a related place has no diagnostics. */
	now = xreallocarray(NULL, R->nfiles + 1, sizeof(*now));
	for (i = n = 0; i < R->nfiles; i++) {
		F = R->files[i];
		if (F->diags == NULL)
			continue;
		now[n++] = xstrdup(F->uri);
		F->shown = 1;
		publish_one(L, F->uri, F->diags);
		F->diags = NULL;
	}
	for (i = 0; i < L->npub; i++) {
		v = strmap_get(&R->by_uri, L->pub[i]);
		if (v == NULL || !((struct lsp_file *)v->v)->shown)
			publish_one(L, L->pub[i], NULL);
		free(L->pub[i]);
	}
	free(L->pub);
	L->pub = now;
	L->npub = n;
}
