/* SPDX-License-Identifier: ISC */
/*
 * Find the comments of a YAML file that name irsalint and keep them in
 * the model, raw.  Only those are kept, so that a large tree of
 * manifests does not fill memory with comments nobody reads; a comment
 * that merely looks like an irsalint one ("# IRSALINT: ignore") is kept
 * too, so that a later stage can say what is wrong with it.
 */
#include <limits.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "comment.h"
#include "model.h"

#define COMMENT_NOWHERE	UINT_MAX

static int	waiting(const struct model *);

/* Is the newest comment still waiting for the line it applies to? */
static int
waiting(const struct model *m)
{
	return m->comments.n > 0 &&
	    m->comments.v[m->comments.n - 1]->target == 0;
}

/*
 * A '#' starts a YAML comment at the start of a line or after a blank,
 * and not inside a quoted scalar.  A comment alone on its line applies
 * to the next line with content: until that line is seen its target is
 * 0, and such comments are always the newest in the model, because a
 * line with content settles every one before it.  A trailing comment
 * applies to its own line.  The text is kept to the end of the line,
 * '\r' included; it ends early at a NUL byte, which YAML does not
 * allow in a file anyway.
 *
 * XXX Quotes are only tracked within the line: a '#' on a continuation
 * line of a multi-line quoted scalar is taken for a comment.
 */
int
comment_line(struct model *m, const char *file, unsigned int line,
    const char *s, const char *e)
{
	struct comment	*c;
	const char	*p, *hash = NULL, *t;
	char		 q = 0;
	int		 content = 0;
	size_t		 i, n = strlen(COMMENT_NAME);
	unsigned int	 col = 1;

	/* Most lines have no comment and no comment waits for them. */
	if (memchr(s, '#', (size_t)(e - s)) == NULL && !waiting(m))
		return 0;
	for (p = s; p < e && hash == NULL; p++) {
		if (q != 0) {
			if (*p == '\\' && q == '"' && p + 1 < e)
				p++;
			else if (*p == q)
				q = 0;
		} else if (*p == '#' && (p == s || p[-1] == ' ' ||
		    p[-1] == '\t'))
			hash = p;
		else if (*p == '"' || *p == '\'')
			q = *p;
		if (hash == NULL && *p != ' ' && *p != '\t' && *p != '\r')
			content = 1;
	}
	if (content)
		for (i = m->comments.n; i-- > 0 &&
		    m->comments.v[i]->target == 0; )
			m->comments.v[i]->target = line;
	if (hash == NULL)
		return waiting(m);
	for (t = hash + 1; t < e && (*t == ' ' || *t == '\t'); t++)
		continue;
	if ((size_t)(e - t) < n || strncasecmp(t, COMMENT_NAME, n) != 0)
		return waiting(m);
	for (p = s; p < hash; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			col++;
	c = model_add_comment(m);
	c->loc.file = file;
	c->loc.line = line;
	c->loc.col = col;
	c->text = arena_strndup(m->arena, t, (size_t)(e - t));
	c->target = content ? line : 0;
	return waiting(m);
}

void
comment_finish(struct model *m)
{
	size_t	 i;

	for (i = m->comments.n; i-- > 0 && m->comments.v[i]->target == 0; )
		m->comments.v[i]->target = COMMENT_NOWHERE;
}

void
comment_scan(struct model *m, const char *file, const char *data,
    size_t len)
{
	const char	*s = data, *end = data + len, *nl;
	unsigned int	 line = 1;

	for (; s < end; s = nl + 1, line++) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		(void)comment_line(m, file, line, s, nl);
		if (nl == end)
			break;
	}
	comment_finish(m);
}
