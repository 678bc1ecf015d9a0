/* SPDX-License-Identifier: ISC */
/*
 * irsalint --lsp: the language server.  The unit of linting is the
 * workspace, as for a run at its root: the inputs that .irsalint.yaml
 * names there, else the workspace folder.  Every change re-lints the
 * whole set, because a finding on a ServiceAccount may come from a
 * trust in a .tf file that is not the one being edited; the open
 * documents overlay the files on disk (load_opts.overlay), so that an
 * unsaved edit counts.  Each lint builds its model and diagnostics in
 * a fresh arena; the diagnostics are kept for code actions until the
 * next lint releases them.
 *
 * Requests are answered in order, and always after the changes before
 * them are linted; notifications that change documents only mark the
 * workspace dirty, and it is linted once no more input is waiting, so
 * that a burst of keystrokes costs one lint.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "engine.h"
#include "load.h"
#include "lsp.h"
#include "model.h"
#include "rule.h"
#include "strmap.h"
#include "suppress.h"
#include "util.h"
#include "xalloc.h"

/* JSON-RPC's error codes, and the protocol's own. */
#define RPC_PARSE_ERROR		(-32700)
#define RPC_INVALID_REQUEST	(-32600)
#define RPC_METHOD_NOT_FOUND	(-32601)
#define RPC_INVALID_PARAMS	(-32602)
#define LSP_NOT_INITIALIZED	(-32002)

/* DiagnosticSeverity */
#define LSP_ERROR		1
#define LSP_WARNING		2
#define LSP_INFORMATION		3

/* Of a file that is not open, read to convert positions. */
#define LSP_MAX_TEXT		LSP_MAX_MESSAGE
/* The protocol's uinteger. */
#define LSP_MAX_UINT		2147483647U

enum lsp_state {
	ST_NEW,			/* before initialize */
	ST_RUNNING,
	ST_DOWN			/* after shutdown: only exit */
};

/* An open document: the client's text, read instead of the file's. */
struct lsp_doc {
	char		*uri;		/* as the client names it */
	char		*path;		/* the path it names */
	char		*real;		/* its real path; NULL: not on disk */
	char		*text;
	size_t		 len;
	int		 version;
	int		 versioned;
	struct lsp_doc	*next;
};

/* A file of the last lint's diagnostics, and its text on demand. */
struct lsp_file {
	const char	*uri;
	const char	*real;		/* NULL: not on disk */
	const char	*abs;		/* the absolute path, tidied */
	struct lsp_text	 text;		/* s NULL until text_read */
	int		 text_read;
	cJSON		*diags;		/* while publishing */
	int		 shown;		/* has diagnostics this lint */
};

/* One lint: its arena holds every diagnostic and every file. */
struct lsp_run {
	struct arena	 arena;
	struct diags	 dg;
	struct strmap	 by_name;	/* a diagnostic's file as spelled */
	struct strmap	 by_uri;
	struct lsp_file	**files;	/* in the order met */
	size_t		 nfiles;
	const char	*config;	/* the configuration read, or NULL */
	int		 live;
};

struct lsp {
	const struct lsp_io	*io;
	struct lsp_reader	 rd;
	const char		*fixed_root;	/* lsp_opts.root */
	enum lsp_state		 state;
	int			 utf16;		/* else utf-32 */
	int			 watch;		/* dynamic registration */
	int			 dirty;		/* a change not linted yet */
	int			 gone;		/* a write failed */
	char			*root;		/* the workspace, a real path */
	struct lsp_doc		*docs;
	size_t			 ndocs;
	size_t			 open_bytes;	/* text of all docs */
	size_t			 max_open;	/* LSP_MAX_OPEN */
	int			 open_warned;	/* over it, said */
	char			**pub;		/* URIs with diagnostics */
	size_t			 npub;
	struct lsp_run		 run;
};

static const cJSON *jget(const cJSON *, const char *);
static const char *jstr(const cJSON *, const char *);
static int	 juint(const cJSON *, const char *, size_t *);
static void	 jadd_str(cJSON *, const char *, const char *);
static void	 jadd_msg(struct lsp *, cJSON *, const char *, const char *);
static void	 send_msg(struct lsp *, cJSON *);
static void	 reply(struct lsp *, const cJSON *, cJSON *);
static void	 reply_error(struct lsp *, const cJSON *, int, const char *,
		    ...) __attribute__((format(printf, 4, 5)));
static int	 handle(struct lsp *, const char *, size_t);
static void	 request(struct lsp *, const cJSON *, const char *,
		    const cJSON *);
static int	 notification(struct lsp *, const char *, const cJSON *);
static void	 initialize(struct lsp *, const cJSON *, const cJSON *);
static int	 root_of(struct lsp *, const cJSON *, struct buf *);
static void	 watch(struct lsp *);
static struct lsp_doc *doc_find(struct lsp *, const char *);
static void	 doc_set(struct lsp *, struct lsp_doc *, const char *, size_t);
static void	 over_open(struct lsp *, const char *);
static void	 doc_version(struct lsp_doc *, const cJSON *);
static void	 doc_open(struct lsp *, const cJSON *);
static void	 doc_change(struct lsp *, const cJSON *);
static void	 doc_edit(struct lsp *, struct lsp_doc *, const cJSON *,
		    const char *);
static void	 doc_save(struct lsp *, const cJSON *);
static void	 doc_close(struct lsp *, const cJSON *);
static void	 doc_free(struct lsp_doc *);
static char	*real_of(const char *);
static int	 in_root(const struct lsp *, const char *);
static const char *overlay(void *, const char *, size_t *);
static void	 run_init(struct lsp_run *);
static void	 run_release(struct lsp_run *);
static void	 lint(struct lsp *);
static struct lsp_file *file_get(struct lsp *, const char *);
static const struct lsp_text *file_text(struct lsp *, struct lsp_file *);
static cJSON	*pos_json(size_t, size_t);
static cJSON	*range_json(struct lsp *, struct lsp_file *,
		    const struct loc *);
static cJSON	*location_json(struct lsp *, const struct loc *);
static cJSON	*diag_json(struct lsp *, const struct diag *);
static cJSON	*related_json(struct lsp *, const struct diag *,
		    const struct related *);
static const struct diag *placed(struct lsp *, const struct diag *);
static void	 publish(struct lsp *);
static void	 publish_one(struct lsp *, const char *, cJSON *);
static int	 same_loc(const struct loc *, const struct loc *);
static int	 edit_ok(struct lsp *, const struct edit *);
static int	 edits_clash(const struct edit *, const struct edit *);
static int	 fix_clear(struct lsp *, const struct diag *);
static int	 touches(const struct loc *, const size_t *);
static cJSON	*action_json(struct lsp *, const struct diag *);
static struct lsp_file *file_of_uri(struct lsp *, const char *);
static void	 code_action(struct lsp *, const cJSON *, const cJSON *);
static int	 waiting(struct lsp *);

/* A member of an object, NULL when o is no object or has none. */
static const cJSON *
jget(const cJSON *o, const char *key)
{
	if (!cJSON_IsObject(o))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON	*v = jget(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A uinteger member: an integral number from 0 to 2^31 - 1. */
static int
juint(const cJSON *o, const char *key, size_t *v)
{
	const cJSON	*n = jget(o, key);

	if (!cJSON_IsNumber(n) || !(n->valuedouble >= 0) ||
	    n->valuedouble > LSP_MAX_UINT ||
	    n->valuedouble != (double)(size_t)n->valuedouble)
		return 0;
	*v = (size_t)n->valuedouble;
	return 1;
}

/* A string member, made valid UTF-8 whatever the input held. */
static void
jadd_str(cJSON *o, const char *key, const char *s)
{
	struct buf	 b = BUF_INIT;

	lsp_utf8(s, &b);
	cJSON_AddStringToObject(o, key, b.buf);
	buf_release(&b);
}

/*
 * A message of a diagnostic: the paths in it are the workspace's, so
 * they are written from its root ("infra: the module has syntax
 * errors"), as a run at the root would print them.
 */
static void
jadd_msg(struct lsp *L, cJSON *o, const char *key, const char *s)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *s0 = s;
	size_t		 n = strlen(L->root);

	if (n <= 1 || strstr(s, L->root) == NULL) {
		jadd_str(o, key, s);
		return;
	}
	/* The root and a '/', not within a longer path. */
	while ((p = strstr(s, L->root)) != NULL) {
		buf_add(&b, s, (size_t)(p - s));
		if (p[n] != '/' || (p > s0 && (isalnum((unsigned char)p[-1]) ||
		    strchr("/._-~", p[-1]) != NULL)))
			buf_add(&b, p, n);
		else
			n++;
		s = p + n;
		n = strlen(L->root);
	}
	buf_adds(&b, s);
	jadd_str(o, key, b.buf);
	buf_release(&b);
}

/* Write one message and free it; a failed write ends the session. */
static void
send_msg(struct lsp *L, cJSON *m)
{
	char	*s;

	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	if ((s = cJSON_PrintUnformatted(m)) == NULL)
		errx(2, "out of memory");
	if (!L->gone && lsp_write_frame(L->io, s, strlen(s)) == -1)
		L->gone = 1;
	free(s);
	cJSON_Delete(m);
}

/* The response to request id; result is owned by the message. */
static void
reply(struct lsp *L, const cJSON *id, cJSON *result)
{
	cJSON	*m = cJSON_CreateObject();

	cJSON_AddItemToObject(m, "id", cJSON_Duplicate(id, 1));
	cJSON_AddItemToObject(m, "result", result);
	send_msg(L, m);
}

/* An error response; id NULL: to a message whose id is not known. */
static void
reply_error(struct lsp *L, const cJSON *id, int code, const char *fmt, ...)
{
	cJSON	*m = cJSON_CreateObject(), *e;
	char	 s[2048];
	va_list	 ap;

	/* Every argument is cut short enough (%.200s) to fit. */
	va_start(ap, fmt);
	(void)vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	cJSON_AddItemToObject(m, "id", id != NULL ? cJSON_Duplicate(id, 1) :
	    cJSON_CreateNull());
	e = cJSON_AddObjectToObject(m, "error");
	cJSON_AddNumberToObject(e, "code", code);
	jadd_str(e, "message", s);
	send_msg(L, m);
}

/*
 * One message.  Returns the exit status after the exit notification,
 * else -1.  A response (to the server's registration request) needs
 * nothing.
 */
static int
handle(struct lsp *L, const char *s, size_t len)
{
	const cJSON	*id, *method, *params;
	cJSON		*m;
	int		 status = -1;

	if ((m = cJSON_ParseWithLength(s, len)) == NULL) {
		reply_error(L, NULL, RPC_PARSE_ERROR, "parse error: the "
		    "message is not JSON");
		return -1;
	}
	id = jget(m, "id");
	method = jget(m, "method");
	params = jget(m, "params");
	if (id != NULL && !cJSON_IsString(id) && !cJSON_IsNumber(id))
		id = NULL;
	if (!cJSON_IsObject(m) || jstr(m, "jsonrpc") == NULL ||
	    strcmp(jstr(m, "jsonrpc"), "2.0") != 0 ||
	    (jget(m, "id") != NULL && id == NULL))
		reply_error(L, id, RPC_INVALID_REQUEST, "invalid request: "
		    "not a JSON-RPC 2.0 message with a string or number id");
	else if (!cJSON_IsString(method)) {
		if (id == NULL || (jget(m, "result") == NULL &&
		    jget(m, "error") == NULL))
			reply_error(L, id, RPC_INVALID_REQUEST, "invalid "
			    "request: no method");
	} else if (id != NULL)
		request(L, id, method->valuestring, params);
	else
		status = notification(L, method->valuestring, params);
	cJSON_Delete(m);
	return status;
}

static void
request(struct lsp *L, const cJSON *id, const char *method,
    const cJSON *params)
{
	if (L->dirty)
		lint(L);
	if (strcmp(method, "initialize") == 0) {
		if (L->state != ST_NEW)
			reply_error(L, id, RPC_INVALID_REQUEST, "initialize "
			    "was sent already");
		else
			initialize(L, id, params);
	} else if (L->state == ST_NEW)
		reply_error(L, id, LSP_NOT_INITIALIZED, "the server is not "
		    "initialized");
	else if (L->state == ST_DOWN)
		reply_error(L, id, RPC_INVALID_REQUEST, "the server is shut "
		    "down: only exit is allowed");
	else if (strcmp(method, "shutdown") == 0) {
		L->state = ST_DOWN;
		reply(L, id, cJSON_CreateNull());
	} else if (strcmp(method, "textDocument/codeAction") == 0)
		code_action(L, id, params);
	else
		reply_error(L, id, RPC_METHOD_NOT_FOUND, "no method %.200s",
		    method);
}

/* Notifications other than these, and all before initialize, pass. */
static int
notification(struct lsp *L, const char *method, const cJSON *params)
{
	if (strcmp(method, "exit") == 0)
		return L->state == ST_DOWN ? 0 : 1;
	if (L->state != ST_RUNNING)
		return -1;
	if (strcmp(method, "initialized") == 0) {
		if (L->watch)
			watch(L);
		L->dirty = 1;
	} else if (strcmp(method, "textDocument/didOpen") == 0)
		doc_open(L, params);
	else if (strcmp(method, "textDocument/didChange") == 0)
		doc_change(L, params);
	else if (strcmp(method, "textDocument/didSave") == 0)
		doc_save(L, params);
	else if (strcmp(method, "textDocument/didClose") == 0)
		doc_close(L, params);
	else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
		L->dirty = 1;
	return -1;
}

/*
 * The workspace root: the first workspace folder, else rootUri, else
 * rootPath, else the directory the client started the server in.
 */
static int
root_of(struct lsp *L, const cJSON *params, struct buf *b)
{
	const cJSON	*f = jget(params, "workspaceFolders");
	const char	*uri = NULL;

	if (L->fixed_root != NULL) {
		buf_adds(b, L->fixed_root);
		return 0;
	}
	if (cJSON_IsArray(f) && cJSON_GetArraySize(f) > 0)
		uri = jstr(cJSON_GetArrayItem(f, 0), "uri");
	if (uri == NULL)
		uri = jstr(params, "rootUri");
	if (uri != NULL)
		return lsp_uri_path(uri, b);
	buf_adds(b, jstr(params, "rootPath") != NULL ?
	    jstr(params, "rootPath") : ".");
	return 0;
}

static void
initialize(struct lsp *L, const cJSON *id, const cJSON *params)
{
	const cJSON	*caps = jget(params, "capabilities"), *enc, *e;
	struct buf	 b = BUF_INIT;
	cJSON		*r, *c, *o;
	char		 real[PATH_MAX];

	if (root_of(L, params, &b) == -1 || realpath(b.buf, real) == NULL) {
		reply_error(L, id, RPC_INVALID_PARAMS, "the workspace folder "
		    "%.1000s cannot be used: %s", b.len > 0 ? b.buf :
		    "(not a file: URI)", b.len > 0 ? strerror(errno) :
		    "irsalint lints files only");
		buf_release(&b);
		return;
	}
	buf_release(&b);
	L->root = xstrdup(real);
	/* utf-16 is the protocol's default, which every client has. */
	if (!cJSON_IsArray(enc = jget(jget(caps, "general"),
	    "positionEncodings")))
		enc = NULL;
	cJSON_ArrayForEach(e, enc)
		if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-32") == 0)
			L->utf16 = 0;
	L->watch = cJSON_IsTrue(jget(jget(jget(caps, "workspace"),
	    "didChangeWatchedFiles"), "dynamicRegistration"));
	L->state = ST_RUNNING;

	r = cJSON_CreateObject();
	c = cJSON_AddObjectToObject(r, "capabilities");
	cJSON_AddStringToObject(c, "positionEncoding", L->utf16 ? "utf-16" :
	    "utf-32");
	o = cJSON_AddObjectToObject(c, "textDocumentSync");
	cJSON_AddTrueToObject(o, "openClose");
	cJSON_AddNumberToObject(o, "change", 1);	/* Full */
	cJSON_AddFalseToObject(cJSON_AddObjectToObject(o, "save"),
	    "includeText");
	o = cJSON_AddObjectToObject(c, "codeActionProvider");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "codeActionKinds"),
	    cJSON_CreateString("quickfix"));
	o = cJSON_AddObjectToObject(r, "serverInfo");
	cJSON_AddStringToObject(o, "name", "irsalint");
	cJSON_AddStringToObject(o, "version", IRSALINT_VERSION);
	reply(L, id, r);
}

/*
 * Ask to hear of the inputs changing on disk (a plan written again,
 * a manifest checked out): every kind the loaders read, and the
 * configuration.  The client's response needs nothing.
 */
static void
watch(struct lsp *L)
{
	static const char *const globs[] = {
	    "**/*.{yaml,yml,json,tfstate,tf,tfvars}", "**/" CONFIG_NAME };
	cJSON	*m = cJSON_CreateObject(), *reg, *w, *g;
	size_t	 i;

	cJSON_AddStringToObject(m, "id", "irsalint/watch");
	cJSON_AddStringToObject(m, "method", "client/registerCapability");
	reg = cJSON_AddArrayToObject(cJSON_AddObjectToObject(m, "params"),
	    "registrations");
	w = cJSON_CreateObject();
	cJSON_AddItemToArray(reg, w);
	cJSON_AddStringToObject(w, "id", "irsalint-watched-files");
	cJSON_AddStringToObject(w, "method", "workspace/didChangeWatchedFiles");
	w = cJSON_AddArrayToObject(cJSON_AddObjectToObject(w,
	    "registerOptions"), "watchers");
	for (i = 0; i < sizeof(globs) / sizeof(globs[0]); i++) {
		g = cJSON_CreateObject();
		cJSON_AddStringToObject(g, "globPattern", globs[i]);
		cJSON_AddItemToArray(w, g);
	}
	send_msg(L, m);
}

static struct lsp_doc *
doc_find(struct lsp *L, const char *uri)
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
	jadd_str(p, "message", msg);
	send_msg(L, m);
}

static void
doc_version(struct lsp_doc *d, const cJSON *td)
{
	const cJSON	*v = jget(td, "version");

	d->versioned = cJSON_IsNumber(v) && v->valuedouble >= INT_MIN &&
	    v->valuedouble <= INT_MAX;
	d->version = d->versioned ? (int)v->valuedouble : 0;
}

static char *
real_of(const char *path)
{
	char	 real[PATH_MAX];

	return realpath(path, real) != NULL ? xstrdup(real) : NULL;
}

/* Is real (a real path) the workspace or inside it? */
static int
in_root(const struct lsp *L, const char *real)
{
	size_t	 n = strlen(L->root);

	return strcmp(L->root, "/") == 0 || (strncmp(real, L->root, n) == 0 &&
	    (real[n] == '/' || real[n] == '\0'));
}

/* A document that is no file (untitled:) is not part of any lint. */
static void
doc_open(struct lsp *L, const cJSON *params)
{
	const cJSON	*td = jget(params, "textDocument");
	const char	*uri = jstr(td, "uri"), *text = jstr(td, "text");
	struct lsp_doc	*d;
	struct buf	 b = BUF_INIT;

	if (uri == NULL || text == NULL || lsp_uri_path(uri, &b) == -1) {
		buf_release(&b);
		return;
	}
	if ((d = doc_find(L, uri)) == NULL) {
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
	d->real = real_of(d->path);
	doc_set(L, d, text, strlen(text));
	doc_version(d, td);
	L->dirty = 1;
}

/*
 * Full text, as the server asks for; a change with a range (a client
 * that syncs incrementally all the same) is applied where it says.
 */
static void
doc_change(struct lsp *L, const cJSON *params)
{
	const cJSON	*td = jget(params, "textDocument"), *ch, *c;
	struct lsp_doc	*d;
	const char	*uri = jstr(td, "uri"), *text;

	if (uri == NULL || (d = doc_find(L, uri)) == NULL)
		return;
	if (!cJSON_IsArray(ch = jget(params, "contentChanges")))
		ch = NULL;
	cJSON_ArrayForEach(c, ch) {
		if ((text = jstr(c, "text")) == NULL)
			continue;
		if (jget(c, "range") != NULL)
			doc_edit(L, d, jget(c, "range"), text);
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
	if (!juint(jget(range, "start"), "line", &sl) ||
	    !juint(jget(range, "start"), "character", &sc) ||
	    !juint(jget(range, "end"), "line", &el) ||
	    !juint(jget(range, "end"), "character", &ec))
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
static void
doc_save(struct lsp *L, const cJSON *params)
{
	const cJSON	*td = jget(params, "textDocument");
	const char	*uri = jstr(td, "uri"), *text = jstr(params, "text");
	struct lsp_doc	*d;

	if (uri == NULL || (d = doc_find(L, uri)) == NULL)
		return;
	if (text != NULL)
		doc_set(L, d, text, strlen(text));
	free(d->real);
	d->real = real_of(d->path);
	L->dirty = 1;
}

/* Closed: the file on disk counts again, whatever the buffer held. */
static void
doc_close(struct lsp *L, const cJSON *params)
{
	const char	*uri = jstr(jget(params, "textDocument"), "uri");
	struct lsp_doc	**pp, *d;

	if (uri == NULL)
		return;
	for (pp = &L->docs; (d = *pp) != NULL; pp = &d->next)
		if (strcmp(d->uri, uri) == 0) {
			*pp = d->next;
			L->open_bytes -= d->len;
			L->ndocs--;
			doc_free(d);
			L->dirty = 1;
			return;
		}
}

static void
doc_free(struct lsp_doc *d)
{
	free(d->uri);
	free(d->path);
	free(d->real);
	free(d->text);
	free(d);
}

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

static void
run_release(struct lsp_run *R)
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
static void
lint(struct lsp *L)
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
	run_release(R);
	run_init(R);
	R->live = 1;
	for (d = L->docs; d != NULL; d = d->next)
		if (d->real == NULL)
			d->real = real_of(d->path);
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
	    realpath(file, rp) != NULL && in_root(L, rp))
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
static struct lsp_file *
file_get(struct lsp *L, const char *name)
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
static const struct lsp_text *
file_text(struct lsp *L, struct lsp_file *F)
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
	if (s == NULL && F->real != NULL && in_root(L, F->real) &&
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
static cJSON *
range_json(struct lsp *L, struct lsp_file *F, const struct loc *l)
{
	const struct lsp_text	*t = L->utf16 ? file_text(L, F) : NULL;
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
	struct lsp_file	*F = file_get(L, l->file);
	cJSON		*o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "uri", F->uri);
	cJSON_AddItemToObject(o, "range", range_json(L, F, l));
	return o;
}

/* A finding, or an input error, as a Diagnostic. */
static cJSON *
diag_json(struct lsp *L, const struct diag *d)
{
	static const int	 sev[SEV__MAX] = { LSP_INFORMATION,
	    LSP_WARNING, LSP_ERROR };
	const struct related	*r;
	cJSON			*o = cJSON_CreateObject(), *a, *ri;
	const char		*s;

	cJSON_AddItemToObject(o, "range", range_json(L, file_get(L,
	    d->loc.file), &d->loc));
	cJSON_AddNumberToObject(o, "severity", d->rule == NULL ? LSP_ERROR :
	    sev[d->sev]);
	if (d->rule != NULL)
		cJSON_AddStringToObject(o, "code", d->rule->id);
	cJSON_AddStringToObject(o, "source", "irsalint");
	jadd_msg(L, o, "message", d->msg);
	if (d->related == NULL)
		return o;
	a = cJSON_AddArrayToObject(o, "relatedInformation");
	for (r = d->related; r != NULL; r = r->next) {
		ri = cJSON_CreateObject();
		cJSON_AddItemToObject(ri, "location", location_json(L,
		    &r->loc));
		s = r->address != NULL ? arena_printf(&L->run.arena,
		    "%s: %s", r->address, r->msg) : r->msg;
		jadd_msg(L, ri, "message", s);
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

	cJSON_AddItemToObject(o, "range", range_json(L, file_get(L,
	    r->loc.file), &r->loc));
	cJSON_AddNumberToObject(o, "severity", LSP_INFORMATION);
	cJSON_AddStringToObject(o, "code", d->rule->id);
	cJSON_AddStringToObject(o, "source", "irsalint");
	what = r->address != NULL ? arena_printf(&L->run.arena, "%s: %s",
	    r->address, r->msg) : r->msg;
	jadd_msg(L, o, "message", arena_printf(&L->run.arena, "%s; it explains "
	    "%s at %s:%u:%u: %s", what, d->rule->id, path_under(&L->run.arena,
	    L->root, d->loc.file), d->loc.line, d->loc.col, d->msg));
	ri = cJSON_CreateObject();
	cJSON_AddItemToObject(ri, "location", location_json(L, &d->loc));
	jadd_msg(L, ri, "message", d->msg);
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
	struct lsp_doc	*d = doc_find(L, uri);

	cJSON_AddStringToObject(m, "method", "textDocument/publishDiagnostics");
	p = cJSON_AddObjectToObject(m, "params");
	cJSON_AddStringToObject(p, "uri", uri);
	if (d != NULL && d->versioned)
		cJSON_AddNumberToObject(p, "version", d->version);
	cJSON_AddItemToObject(p, "diagnostics", diags != NULL ? diags :
	    cJSON_CreateArray());
	send_msg(L, m);
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
	F = file_get(L, d->loc.file);
	if (F->real != NULL && in_root(L, F->real) && strcmp(F->real,
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
		F = file_get(L, d->loc.file);
		if (F->diags == NULL)
			F->diags = cJSON_CreateArray();
		cJSON_AddItemToArray(F->diags, diag_json(L, d));
		for (r = d->related; d->rule != NULL && r != NULL;
		    r = r->next) {
			if (same_loc(&r->loc, &d->loc))
				continue;
			F = file_get(L, r->loc.file);
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

/* An edit on one line, within the text when the text is known. */
static int
edit_ok(struct lsp *L, const struct edit *e)
{
	const struct lsp_text	*t;

	if (e->loc.line == 0 || e->loc.col == 0 ||
	    e->loc.end_col < e->loc.col ||
	    (e->loc.end_line != 0 && e->loc.end_line != e->loc.line))
		return 0;
	t = file_text(L, file_get(L, e->loc.file));
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

	jadd_str(a, "title", d->fix->desc != NULL ? d->fix->desc :
	    "apply the fix");
	cJSON_AddStringToObject(a, "kind", "quickfix");
	cJSON_AddTrueToObject(a, "isPreferred");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(a, "diagnostics"),
	    diag_json(L, d));
	ch = cJSON_AddObjectToObject(cJSON_AddObjectToObject(a, "edit"),
	    "changes");
	for (e = d->fix->edits; e != NULL; e = e->next) {
		F = file_get(L, e->loc.file);
		if ((list = cJSON_GetObjectItemCaseSensitive(ch, F->uri)) ==
		    NULL)
			list = cJSON_AddArrayToObject(ch, F->uri);
		te = cJSON_CreateObject();
		cJSON_AddItemToObject(te, "range", range_json(L, F, &e->loc));
		jadd_str(te, "newText", e->text);
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
static void
code_action(struct lsp *L, const cJSON *id, const cJSON *params)
{
	const cJSON		*range = jget(params, "range"), *only, *k;
	const char		*uri = jstr(jget(params, "textDocument"), "uri");
	const struct lsp_text	*t;
	const struct related	*r;
	const struct edit	*e;
	const struct diag	*d;
	struct lsp_file		*F;
	cJSON			*out;
	size_t			 q[4], i;
	int			 want = 1, hit;

	if (uri == NULL || !juint(jget(range, "start"), "line", &q[0]) ||
	    !juint(jget(range, "start"), "character", &q[1]) ||
	    !juint(jget(range, "end"), "line", &q[2]) ||
	    !juint(jget(range, "end"), "character", &q[3])) {
		reply_error(L, id, RPC_INVALID_PARAMS, "textDocument/"
		    "codeAction: expected textDocument.uri and a range");
		return;
	}
	out = cJSON_CreateArray();
	if ((only = jget(jget(params, "context"), "only")) != NULL) {
		want = 0;
		if (!cJSON_IsArray(only))
			only = NULL;
		cJSON_ArrayForEach(k, only)
			if (cJSON_IsString(k) && (strcmp(k->valuestring,
			    "quickfix") == 0 || *k->valuestring == '\0'))
				want = 1;
	}
	if (!want || (F = file_of_uri(L, uri)) == NULL) {
		reply(L, id, out);
		return;
	}
	t = file_text(L, F);
	q[1] = lsp_col_of(t, q[0], q[1], L->utf16);
	q[3] = lsp_col_of(t, q[2], q[3], L->utf16);
	q[0]++;
	q[2]++;
	for (i = 0; i < L->run.dg.n; i++) {
		d = L->run.dg.v[i];
		if (d->fix == NULL || d->suppressed != SUPPRESS_NONE)
			continue;
		hit = file_get(L, d->loc.file) == F && touches(&d->loc, q);
		for (r = d->related; !hit && r != NULL; r = r->next)
			hit = file_get(L, r->loc.file) == F &&
			    touches(&r->loc, q);
		for (e = d->fix->edits; !hit && e != NULL; e = e->next)
			hit = file_get(L, e->loc.file) == F &&
			    touches(&e->loc, q);
		if (hit && fix_clear(L, d))
			cJSON_AddItemToArray(out, action_json(L, d));
	}
	reply(L, id, out);
}

/* Is more input there already?  Then a lint would be out of date. */
static int
waiting(struct lsp *L)
{
	return lsp_reader_buffered(&L->rd) ||
	    (L->io->pending != NULL && L->io->pending(L->io->arg));
}

int
lsp_serve(const struct lsp_io *io, const struct lsp_opts *opts)
{
	cJSON_Hooks	 hooks = { xmalloc, free };
	struct lsp	*L;
	struct buf	 msg = BUF_INIT;
	struct lsp_doc	*d;
	size_t		 i, max;
	int		 status = -1;

	/* Out of memory is fatal, as everywhere in irsalint. */
	cJSON_InitHooks(&hooks);
	L = xcalloc(1, sizeof(*L));
	L->io = io;
	L->utf16 = 1;
	L->fixed_root = opts != NULL ? opts->root : NULL;
	max = opts != NULL && opts->max_message > 0 ? opts->max_message :
	    LSP_MAX_MESSAGE;
	lsp_reader_init(&L->rd, io, max);
	L->max_open = opts != NULL && opts->max_open > 0 ? opts->max_open :
	    LSP_MAX_OPEN;
	while (status < 0 && !L->gone) {
		if (L->dirty && !waiting(L))
			lint(L);
		switch (lsp_read_frame(&L->rd, &msg)) {
		case LSP_FRAME_EOF:
			status = 1;
			break;
		case LSP_FRAME_BAD:
			reply_error(L, NULL, RPC_PARSE_ERROR, "parse error: a "
			    "header without a valid Content-Length");
			break;
		case LSP_FRAME_TOOBIG:
			reply_error(L, NULL, RPC_INVALID_REQUEST, "a message "
			    "longer than %zu bytes is not read", max);
			break;
		default:
			status = handle(L, msg.buf, msg.len);
			break;
		}
	}
	buf_release(&msg);
	run_release(&L->run);
	while ((d = L->docs) != NULL) {
		L->docs = d->next;
		doc_free(d);
	}
	for (i = 0; i < L->npub; i++)
		free(L->pub[i]);
	free(L->pub);
	free(L->root);
	status = L->gone ? 1 : status;
	free(L);
	return status;
}

static ssize_t
fd_read(void *arg, char *p, size_t n)
{
	ssize_t	 r;

	(void)arg;
	while ((r = read(STDIN_FILENO, p, n)) == -1 && errno == EINTR)
		continue;
	return r;
}

static int
fd_write(void *arg, const char *p, size_t n)
{
	ssize_t	 r;

	(void)arg;
	while (n > 0) {
		if ((r = write(STDOUT_FILENO, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static int
fd_pending(void *arg)
{
	struct pollfd	 pfd;

	(void)arg;
	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	pfd.revents = 0;
	return poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN) != 0;
}

int
lsp_main(void)
{
	static const struct lsp_io io = { fd_read, fd_write, fd_pending,
	    NULL };

	/* A client that is gone is a failed write, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	return lsp_serve(&io, NULL);
}
