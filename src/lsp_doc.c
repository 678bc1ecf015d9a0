/* SPDX-License-Identifier: ISC */
/*
 * The open documents: didOpen, didChange (full and ranged), didSave
 * and didClose, within the bounds of the open-documents budget, and
 * whether a path is inside the workspace root.
 */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "load.h"
#include "xalloc.h"

#include "lsp_impl.h"

static void	 doc_set(struct lsp *, struct lsp_doc *, const char *, size_t);
static void	 over_open(struct lsp *, const char *);
static void	 doc_version(struct lsp_doc *, const cJSON *);
static void	 doc_edit(struct lsp *, struct lsp_doc *, const cJSON *,
		    const char *);

struct lsp_doc *
lsp_doc_find(struct lsp *L, const char *uri)
{
	struct lsp_doc	*d;

	for (d = L->docs; d != NULL; d = d->next)
		if (strcmp(d->uri, uri) == 0)
			return d;
	return NULL;
}

/* The document's text is now s[0..len); d owns a copy. */
static void
doc_set(struct lsp *L, struct lsp_doc *d, const char *s, size_t len)
{
	L->open_bytes -= d->len;
	free(d->text);
	d->text = NULL;
	d->len = 0;
	if (L->open_bytes + len > L->max_open) {
		over_open(L, d->uri);
		return;
	}
	d->text = xstrndup(s, len);
	d->len = len;
	L->open_bytes += len;
}

/*
 * Open documents hold more than they may: this one is linted as its
 * file on disk is.  The client is told the first time.
 */
static void
over_open(struct lsp *L, const char *uri)
{
	cJSON	*m, *p;
	char	 msg[512];

	if (L->open_warned)
		return;
	L->open_warned = 1;
	snprintf(msg, sizeof(msg), "irsalint: the open documents hold more "
	    "than %zu MiB or %d documents; %.300s and those opened after it "
	    "are linted as they are on disk", L->max_open >> 20,
	    LSP_MAX_DOCS, uri);
	m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	cJSON_AddStringToObject(m, "method", "window/showMessage");
	p = cJSON_AddObjectToObject(m, "params");
	cJSON_AddNumberToObject(p, "type", LSP_WARNING);
	lsp_jadd_str(p, "message", msg);
	lsp_send_msg(L, m);
}

static void
doc_version(struct lsp_doc *d, const cJSON *td)
{
	const cJSON	*v = lsp_jget(td, "version");

	d->versioned = cJSON_IsNumber(v) && v->valuedouble >= INT_MIN &&
	    v->valuedouble <= INT_MAX;
	d->version = d->versioned ? (int)v->valuedouble : 0;
}

char *
lsp_real_of(const char *path)
{
	char	 real[PATH_MAX];

	return realpath(path, real) != NULL ? xstrdup(real) : NULL;
}

/* Is real (a real path) the workspace or inside it? */
int
lsp_in_root(const struct lsp *L, const char *real)
{
	size_t	 n = strlen(L->root);

	return strcmp(L->root, "/") == 0 || (strncmp(real, L->root, n) == 0 &&
	    (real[n] == '/' || real[n] == '\0'));
}

/* A document that is no file (untitled:) is not part of any lint. */
void
lsp_doc_open(struct lsp *L, const cJSON *params)
{
	const cJSON	*td = lsp_jget(params, "textDocument");
	const char	*uri = lsp_jstr(td, "uri"), *text = lsp_jstr(td, "text");
	struct lsp_doc	*d;
	struct buf	 b = BUF_INIT;

	if (uri == NULL || text == NULL || lsp_uri_path(uri, &b) == -1) {
		buf_release(&b);
		return;
	}
	if ((d = lsp_doc_find(L, uri)) == NULL) {
		if (L->ndocs >= LSP_MAX_DOCS) {
			over_open(L, uri);
			buf_release(&b);
			return;
		}
		L->ndocs++;
		d = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		d->path = buf_detach(&b, NULL);
		d->next = L->docs;
		L->docs = d;
	}
	buf_release(&b);
	free(d->real);
	d->real = lsp_real_of(d->path);
	doc_set(L, d, text, strlen(text));
	doc_version(d, td);
	L->dirty = 1;
}

/*
 * Full text, as the server asks for; a change with a range (a client
 * that syncs incrementally all the same) is applied where it says.
 */
void
lsp_doc_change(struct lsp *L, const cJSON *params)
{
	const cJSON	*td = lsp_jget(params, "textDocument"), *ch, *c;
	struct lsp_doc	*d;
	const char	*uri = lsp_jstr(td, "uri"), *text;

	if (uri == NULL || (d = lsp_doc_find(L, uri)) == NULL)
		return;
	if (!cJSON_IsArray(ch = lsp_jget(params, "contentChanges")))
		ch = NULL;
	cJSON_ArrayForEach(c, ch) {
		if ((text = lsp_jstr(c, "text")) == NULL)
			continue;
		if (lsp_jget(c, "range") != NULL)
			doc_edit(L, d, lsp_jget(c, "range"), text);
		else
			doc_set(L, d, text, strlen(text));
	}
	doc_version(d, td);
	L->dirty = 1;
}

/* Replace a range of the text; an invalid range changes nothing. */
static void
doc_edit(struct lsp *L, struct lsp_doc *d, const cJSON *range,
    const char *text)
{
	struct arena	 a = ARENA_INIT;
	struct lsp_text	 t;
	struct buf	 b = BUF_INIT;
	size_t		 sl, sc, el, ec, from, to;

	/* A document over the bounds is not kept: its file counts. */
	if (d->text == NULL)
		return;
	if (!lsp_juint(lsp_jget(range, "start"), "line", &sl) ||
	    !lsp_juint(lsp_jget(range, "start"), "character", &sc) ||
	    !lsp_juint(lsp_jget(range, "end"), "line", &el) ||
	    !lsp_juint(lsp_jget(range, "end"), "character", &ec))
		return;
	lsp_text_index(&t, &a, d->text, d->len);
	from = lsp_offset_of(&t, sl, sc, L->utf16);
	to = lsp_offset_of(&t, el, ec, L->utf16);
	if (from <= to) {
		buf_add(&b, d->text, from);
		buf_adds(&b, text);
		buf_add(&b, d->text + to, d->len - to);
		doc_set(L, d, b.buf, b.len);
	}
	buf_release(&b);
	arena_release(&a);
}

/* Saved: the disk may hold a file it did not before. */
void
lsp_doc_save(struct lsp *L, const cJSON *params)
{
	const cJSON	*td = lsp_jget(params, "textDocument");
	const char	*uri = lsp_jstr(td, "uri"), *text = lsp_jstr(params, "text");
	struct lsp_doc	*d;

	if (uri == NULL || (d = lsp_doc_find(L, uri)) == NULL)
		return;
	if (text != NULL)
		doc_set(L, d, text, strlen(text));
	free(d->real);
	d->real = lsp_real_of(d->path);
	L->dirty = 1;
}

/* Closed: the file on disk counts again, whatever the buffer held. */
void
lsp_doc_close(struct lsp *L, const cJSON *params)
{
	const char	*uri = lsp_jstr(lsp_jget(params, "textDocument"), "uri");
	struct lsp_doc	**pp, *d;

	if (uri == NULL)
		return;
	for (pp = &L->docs; (d = *pp) != NULL; pp = &d->next)
		if (strcmp(d->uri, uri) == 0) {
			*pp = d->next;
			L->open_bytes -= d->len;
			L->ndocs--;
			lsp_doc_free(d);
			L->dirty = 1;
			return;
		}
}

void
lsp_doc_free(struct lsp_doc *d)
{
	free(d->uri);
	free(d->path);
	free(d->real);
	free(d->text);
	free(d);
}
