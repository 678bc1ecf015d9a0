/* SPDX-License-Identifier: ISC */
/*
 * What the pieces of the language server share, and nothing outside
 * src/lsp*.c includes: the server's state, and the functions of
 * lsp_json.c, lsp_doc.c, lsp_lint.c and lsp_action.c that the others
 * call.  Each of these files calls only the ones listed before it;
 * lsp.c, which reads and dispatches the messages, calls them all.
 */
#ifndef LSP_IMPL_H
#define LSP_IMPL_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "diag.h"
#include "lsp.h"
#include "model.h"
#include "strmap.h"

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

const cJSON	*lsp_jget(const cJSON *, const char *);
const char	*lsp_jstr(const cJSON *, const char *);
int		 lsp_juint(const cJSON *, const char *, size_t *);
void		 lsp_jadd_str(cJSON *, const char *, const char *);
void		 lsp_jadd_msg(struct lsp *, cJSON *, const char *, const char *);
void		 lsp_send_msg(struct lsp *, cJSON *);
void		 lsp_reply(struct lsp *, const cJSON *, cJSON *);
void		 lsp_reply_error(struct lsp *, const cJSON *, int, const char *,
		    ...) __attribute__((format(printf, 4, 5)));
struct lsp_doc	*lsp_doc_find(struct lsp *, const char *);
void		 lsp_doc_open(struct lsp *, const cJSON *);
void		 lsp_doc_change(struct lsp *, const cJSON *);
void		 lsp_doc_save(struct lsp *, const cJSON *);
void		 lsp_doc_close(struct lsp *, const cJSON *);
void		 lsp_doc_free(struct lsp_doc *);
char		*lsp_real_of(const char *);
int		 lsp_in_root(const struct lsp *, const char *);
void		 lsp_run_release(struct lsp_run *);
void		 lsp_lint(struct lsp *);
struct lsp_file	*lsp_file_get(struct lsp *, const char *);
const struct lsp_text	*lsp_file_text(struct lsp *, struct lsp_file *);
cJSON		*lsp_range_json(struct lsp *, struct lsp_file *,
		    const struct loc *);
cJSON		*lsp_diag_json(struct lsp *, const struct diag *);
void		 lsp_code_action(struct lsp *, const cJSON *, const cJSON *);

#endif
