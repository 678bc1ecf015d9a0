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
 *
 * This file reads and dispatches the messages; lsp_json.c builds and
 * sends them, lsp_doc.c keeps the open documents, lsp_lint.c lints and
 * publishes, lsp_action.c answers code actions (include/lsp_impl.h).
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

#include "lsp_impl.h"
#include "xjson.h"

static void	 request(struct lsp *, const cJSON *, const char *,
		    const cJSON *);

/* JSON-RPC's error codes, and the protocol's own. */
static int	 handle(struct lsp *, const char *, size_t);
static int	 notification(struct lsp *, const char *, const cJSON *);
static void	 initialize(struct lsp *, const cJSON *, const cJSON *);
static int	 root_of(struct lsp *, const cJSON *, struct buf *);
static void	 watch(struct lsp *);
static int	 waiting(struct lsp *);

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

	if ((m = xjson_parse(s, len, NULL)) == NULL) {
		lsp_reply_error(L, NULL, RPC_PARSE_ERROR, "parse error: the "
		    "message is not JSON");
		return -1;
	}
	id = lsp_jget(m, "id");
	method = lsp_jget(m, "method");
	params = lsp_jget(m, "params");
	if (id != NULL && !cJSON_IsString(id) && !cJSON_IsNumber(id))
		id = NULL;
	if (!cJSON_IsObject(m) || lsp_jstr(m, "jsonrpc") == NULL ||
	    strcmp(lsp_jstr(m, "jsonrpc"), "2.0") != 0 ||
	    (lsp_jget(m, "id") != NULL && id == NULL))
		lsp_reply_error(L, id, RPC_INVALID_REQUEST, "invalid request: "
		    "not a JSON-RPC 2.0 message with a string or number id");
	else if (!cJSON_IsString(method)) {
		if (id == NULL || (lsp_jget(m, "result") == NULL &&
		    lsp_jget(m, "error") == NULL))
			lsp_reply_error(L, id, RPC_INVALID_REQUEST, "invalid "
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
		lsp_lint(L);
	if (strcmp(method, "initialize") == 0) {
		if (L->state != ST_NEW)
			lsp_reply_error(L, id, RPC_INVALID_REQUEST, "initialize "
			    "was sent already");
		else
			initialize(L, id, params);
	} else if (L->state == ST_NEW)
		lsp_reply_error(L, id, LSP_NOT_INITIALIZED, "the server is not "
		    "initialized");
	else if (L->state == ST_DOWN)
		lsp_reply_error(L, id, RPC_INVALID_REQUEST, "the server is shut "
		    "down: only exit is allowed");
	else if (strcmp(method, "shutdown") == 0) {
		L->state = ST_DOWN;
		lsp_reply(L, id, cJSON_CreateNull());
	} else if (strcmp(method, "textDocument/codeAction") == 0)
		lsp_code_action(L, id, params);
	else
		lsp_reply_error(L, id, RPC_METHOD_NOT_FOUND, "no method %.200s",
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
		lsp_doc_open(L, params);
	else if (strcmp(method, "textDocument/didChange") == 0)
		lsp_doc_change(L, params);
	else if (strcmp(method, "textDocument/didSave") == 0)
		lsp_doc_save(L, params);
	else if (strcmp(method, "textDocument/didClose") == 0)
		lsp_doc_close(L, params);
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
	const cJSON	*f = lsp_jget(params, "workspaceFolders");
	const char	*uri = NULL;

	if (L->fixed_root != NULL) {
		buf_adds(b, L->fixed_root);
		return 0;
	}
	if (cJSON_IsArray(f) && cJSON_GetArraySize(f) > 0)
		uri = lsp_jstr(cJSON_GetArrayItem(f, 0), "uri");
	if (uri == NULL)
		uri = lsp_jstr(params, "rootUri");
	if (uri != NULL)
		return lsp_uri_path(uri, b);
	buf_adds(b, lsp_jstr(params, "rootPath") != NULL ?
	    lsp_jstr(params, "rootPath") : ".");
	return 0;
}

static void
initialize(struct lsp *L, const cJSON *id, const cJSON *params)
{
	const cJSON	*caps = lsp_jget(params, "capabilities"), *enc, *e;
	struct buf	 b = BUF_INIT;
	cJSON		*r, *c, *o;
	char		 real[PATH_MAX];

	if (root_of(L, params, &b) == -1 || realpath(b.buf, real) == NULL) {
		lsp_reply_error(L, id, RPC_INVALID_PARAMS, "the workspace folder "
		    "%.1000s cannot be used: %s", b.len > 0 ? b.buf :
		    "(not a file: URI)", b.len > 0 ? strerror(errno) :
		    "irsalint lints files only");
		buf_release(&b);
		return;
	}
	buf_release(&b);
	L->root = xstrdup(real);
	/* utf-16 is the protocol's default, which every client has. */
	if (!cJSON_IsArray(enc = lsp_jget(lsp_jget(caps, "general"),
	    "positionEncodings")))
		enc = NULL;
	cJSON_ArrayForEach(e, enc)
		if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-32") == 0)
			L->utf16 = 0;
	L->watch = cJSON_IsTrue(lsp_jget(lsp_jget(lsp_jget(caps, "workspace"),
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
	lsp_reply(L, id, r);
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
	lsp_send_msg(L, m);
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
			lsp_lint(L);
		switch (lsp_read_frame(&L->rd, &msg)) {
		case LSP_FRAME_EOF:
			status = 1;
			break;
		case LSP_FRAME_BAD:
			lsp_reply_error(L, NULL, RPC_PARSE_ERROR, "parse error: a "
			    "header without a valid Content-Length");
			break;
		case LSP_FRAME_TOOBIG:
			lsp_reply_error(L, NULL, RPC_INVALID_REQUEST, "a message "
			    "longer than %zu bytes is not read", max);
			break;
		default:
			status = handle(L, msg.buf, msg.len);
			break;
		}
	}
	buf_release(&msg);
	lsp_run_release(&L->run);
	while ((d = L->docs) != NULL) {
		L->docs = d->next;
		lsp_doc_free(d);
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
