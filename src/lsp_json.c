/* SPDX-License-Identifier: ISC */
/*
 * The language server's JSON: reading members of a message, adding
 * strings and messages (cut to what a client shows), and sending
 * replies, errors and notifications in frames.
 */

#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "load.h"

#include "lsp_impl.h"

/* A member of an object, NULL when o is no object or has none. */
const cJSON *
lsp_jget(const cJSON *o, const char *key)
{
	if (!cJSON_IsObject(o))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

const char *
lsp_jstr(const cJSON *o, const char *key)
{
	const cJSON	*v = lsp_jget(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A uinteger member: an integral number from 0 to 2^31 - 1. */
int
lsp_juint(const cJSON *o, const char *key, size_t *v)
{
	const cJSON	*n = lsp_jget(o, key);

	if (!cJSON_IsNumber(n) || !(n->valuedouble >= 0) ||
	    n->valuedouble > LSP_MAX_UINT ||
	    n->valuedouble != (double)(size_t)n->valuedouble)
		return 0;
	*v = (size_t)n->valuedouble;
	return 1;
}

/* A string member, made valid UTF-8 whatever the input held. */
void
lsp_jadd_str(cJSON *o, const char *key, const char *s)
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
void
lsp_jadd_msg(struct lsp *L, cJSON *o, const char *key, const char *s)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *s0 = s;
	size_t		 n = strlen(L->root);

	if (n <= 1 || strstr(s, L->root) == NULL) {
		lsp_jadd_str(o, key, s);
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
	lsp_jadd_str(o, key, b.buf);
	buf_release(&b);
}

/* Write one message and free it; a failed write ends the session. */
void
lsp_send_msg(struct lsp *L, cJSON *m)
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
void
lsp_reply(struct lsp *L, const cJSON *id, cJSON *result)
{
	cJSON	*m = cJSON_CreateObject();

	cJSON_AddItemToObject(m, "id", cJSON_Duplicate(id, 1));
	cJSON_AddItemToObject(m, "result", result);
	lsp_send_msg(L, m);
}

/* An error response; id NULL: to a message whose id is not known. */
void
lsp_reply_error(struct lsp *L, const cJSON *id, int code, const char *fmt, ...)
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
	lsp_jadd_str(e, "message", s);
	lsp_send_msg(L, m);
}
