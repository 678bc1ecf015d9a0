/* SPDX-License-Identifier: ISC */
/*
 * textDocument/codeAction: a quickfix with the exact edits --fix
 * would make, offered only where the fix is unambiguous and leaves no
 * finding of its rule in the files it edits.
 */

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#include "lsp_impl.h"

static int	 edit_ok(struct lsp *, const struct edit *);
static int	 edits_clash(const struct edit *, const struct edit *);
static int	 fix_clear(struct lsp *, const struct diag *);
static int	 touches(const struct loc *, const size_t *);
static cJSON	*action_json(struct lsp *, const struct diag *);
static struct lsp_file *file_of_uri(struct lsp *, const char *);

/* An edit on one line, within the text when the text is known. */
static int
edit_ok(struct lsp *L, const struct edit *e)
{
	const struct lsp_text	*t;

	if (e->loc.line == 0 || e->loc.col == 0 ||
	    e->loc.end_col < e->loc.col ||
	    (e->loc.end_line != 0 && e->loc.end_line != e->loc.line))
		return 0;
	t = lsp_file_text(L, lsp_file_get(L, e->loc.file));
	return t->s == NULL || (e->loc.line <= t->nlines &&
	    lsp_line_end_col(t, e->loc.line) >= e->loc.end_col);
}

/* Do two edits touch the same text (or insert at one place)? */
static int
edits_clash(const struct edit *a, const struct edit *b)
{
	if (strcmp(a->loc.file, b->loc.file) != 0 ||
	    a->loc.line != b->loc.line)
		return 0;
	return a->loc.col == b->loc.col || (a->loc.col < b->loc.end_col &&
	    b->loc.col < a->loc.end_col);
}

/*
 * A fix is offered only where it is unambiguous: each edit on one line
 * and inside it, none overlapping another of the fix, and none that a
 * fix of another finding would make differently.  The same edit from
 * two findings is one edit, as --fix makes it.
 */
static int
fix_clear(struct lsp *L, const struct diag *d)
{
	const struct diags	*dg = &L->run.dg;
	const struct edit	*e, *f;
	size_t			 i;

	if (d->fix == NULL || d->fix->edits == NULL ||
	    d->suppressed != SUPPRESS_NONE)
		return 0;
	for (e = d->fix->edits; e != NULL; e = e->next) {
		if (!edit_ok(L, e))
			return 0;
		for (f = e->next; f != NULL; f = f->next)
			if (edits_clash(e, f))
				return 0;
		for (i = 0; i < dg->n; i++) {
			if (dg->v[i] == d || dg->v[i]->fix == NULL ||
			    dg->v[i]->suppressed != SUPPRESS_NONE)
				continue;
			for (f = dg->v[i]->fix->edits; f != NULL; f = f->next)
				if (edits_clash(e, f) &&
				    (e->loc.col != f->loc.col ||
				    e->loc.end_col != f->loc.end_col ||
				    strcmp(e->text, f->text) != 0))
					return 0;
		}
	}
	return 1;
}

/*
 * Does loc meet the range q (1-based line and column of its start,
 * then of its end, both ends included)?  An unknown end is the end of
 * the line; the file as a whole is its first line.
 */
static int
touches(const struct loc *l, const size_t *q)
{
	size_t	 sl = l->line > 0 ? l->line : 1, sc = l->col > 0 ? l->col : 1;
	size_t	 el = sl, ec = SIZE_MAX;

	if (l->line > 0 && l->end_col != 0) {
		el = l->end_line != 0 ? l->end_line : l->line;
		ec = l->end_col;
	}
	/* It ends before q starts, or starts after q ends. */
	if (el < q[0] || (el == q[0] && ec < q[1]))
		return 0;
	if (sl > q[2] || (sl == q[2] && sc > q[3]))
		return 0;
	return 1;
}

/* The quick fix of d: its edits as a WorkspaceEdit, by file. */
static cJSON *
action_json(struct lsp *L, const struct diag *d)
{
	const struct edit	*e;
	struct lsp_file		*F;
	cJSON			*a = cJSON_CreateObject(), *ch, *list, *te;

	lsp_jadd_str(a, "title", d->fix->desc != NULL ? d->fix->desc :
	    "apply the fix");
	cJSON_AddStringToObject(a, "kind", "quickfix");
	cJSON_AddTrueToObject(a, "isPreferred");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(a, "diagnostics"),
	    lsp_diag_json(L, d));
	ch = cJSON_AddObjectToObject(cJSON_AddObjectToObject(a, "edit"),
	    "changes");
	for (e = d->fix->edits; e != NULL; e = e->next) {
		F = lsp_file_get(L, e->loc.file);
		if ((list = cJSON_GetObjectItemCaseSensitive(ch, F->uri)) ==
		    NULL)
			list = cJSON_AddArrayToObject(ch, F->uri);
		te = cJSON_CreateObject();
		cJSON_AddItemToObject(te, "range", lsp_range_json(L, F, &e->loc));
		lsp_jadd_str(te, "newText", e->text);
		cJSON_AddItemToArray(list, te);
	}
	return a;
}

/*
 * The file of the last lint that uri names: by the URI, else by the
 * real path (another spelling of it); NULL when it has no diagnostic.
 */
static struct lsp_file *
file_of_uri(struct lsp *L, const char *uri)
{
	const struct strmap_val	*v;
	struct buf		 b = BUF_INIT;
	char			 real[PATH_MAX];
	size_t			 i;
	struct lsp_file		*F = NULL;

	if (!L->run.live)
		return NULL;
	if ((v = strmap_get(&L->run.by_uri, uri)) != NULL)
		return v->v;
	if (lsp_uri_path(uri, &b) == 0 && realpath(b.buf, real) != NULL)
		for (i = 0; i < L->run.nfiles && F == NULL; i++)
			if (L->run.files[i]->real != NULL &&
			    strcmp(L->run.files[i]->real, real) == 0)
				F = L->run.files[i];
	buf_release(&b);
	return F;
}

/*
 * The quick fixes of the findings that the range touches, at their own
 * place, at a related one (a fix to the ServiceAccount offered in the
 * .tf trust too) or where the fix edits (the namespace the fix moves
 * the ServiceAccount to, when the finding is on its annotation).
 * Kinds other than quickfix: none.
 */
void
lsp_code_action(struct lsp *L, const cJSON *id, const cJSON *params)
{
	const cJSON		*range = lsp_jget(params, "range"), *only, *k;
	const char		*uri = lsp_jstr(lsp_jget(params, "textDocument"), "uri");
	const struct lsp_text	*t;
	const struct related	*r;
	const struct edit	*e;
	const struct diag	*d;
	struct lsp_file		*F;
	cJSON			*out;
	size_t			 q[4], i;
	int			 want = 1, hit;

	if (uri == NULL || !lsp_juint(lsp_jget(range, "start"), "line", &q[0]) ||
	    !lsp_juint(lsp_jget(range, "start"), "character", &q[1]) ||
	    !lsp_juint(lsp_jget(range, "end"), "line", &q[2]) ||
	    !lsp_juint(lsp_jget(range, "end"), "character", &q[3])) {
		lsp_reply_error(L, id, RPC_INVALID_PARAMS, "textDocument/"
		    "codeAction: expected textDocument.uri and a range");
		return;
	}
	out = cJSON_CreateArray();
	if ((only = lsp_jget(lsp_jget(params, "context"), "only")) != NULL) {
		want = 0;
		if (!cJSON_IsArray(only))
			only = NULL;
		cJSON_ArrayForEach(k, only)
			if (cJSON_IsString(k) && (strcmp(k->valuestring,
			    "quickfix") == 0 || *k->valuestring == '\0'))
				want = 1;
	}
	if (!want || (F = file_of_uri(L, uri)) == NULL) {
		lsp_reply(L, id, out);
		return;
	}
	t = lsp_file_text(L, F);
	q[1] = lsp_col_of(t, q[0], q[1], L->utf16);
	q[3] = lsp_col_of(t, q[2], q[3], L->utf16);
	q[0]++;
	q[2]++;
	for (i = 0; i < L->run.dg.n; i++) {
		d = L->run.dg.v[i];
		if (d->fix == NULL || d->suppressed != SUPPRESS_NONE)
			continue;
		hit = lsp_file_get(L, d->loc.file) == F && touches(&d->loc, q);
		for (r = d->related; !hit && r != NULL; r = r->next)
			hit = lsp_file_get(L, r->loc.file) == F &&
			    touches(&r->loc, q);
		for (e = d->fix->edits; !hit && e != NULL; e = e->next)
			hit = lsp_file_get(L, e->loc.file) == F &&
			    touches(&e->loc, q);
		if (hit && fix_clear(L, d))
			cJSON_AddItemToArray(out, action_json(L, d));
	}
	lsp_reply(L, id, out);
}
