/* SPDX-License-Identifier: ISC */
/*
 * The diff report (-f diff): the fixes irsalint knows, as a unified
 * diff that patch(1) and git apply read, as shellcheck -f diff does.
 * Each file is read again; an edit whose line no longer has the span
 * it names, or that overlaps another, is left out and said on standard
 * error, never guessed.  Findings without a fix, and suppressed ones,
 * give nothing.  Standard input cannot be patched: it is left out too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "xalloc.h"

struct dedit {
	const struct edit	*e;
	const char		*file;
};

static int	 cmp_edit(const void *, const void *);
static size_t	 byte_of(const char *, size_t, unsigned int);
static void	 file_diff(FILE *, const char *, const char *, struct dedit *,
		    size_t);

static int
cmp_edit(const void *pa, const void *pb)
{
	const struct dedit	*a = pa, *b = pb;
	int			 c;

	if ((c = strcmp(a->file, b->file)) != 0)
		return c;
	if (a->e->loc.line != b->e->loc.line)
		return a->e->loc.line < b->e->loc.line ? -1 : 1;
	return a->e->loc.col < b->e->loc.col ? -1 : a->e->loc.col >
	    b->e->loc.col;
}

/* The byte offset of 1-based code point col in line s[0..len). */
static size_t
byte_of(const char *s, size_t len, unsigned int col)
{
	size_t		 i = 0;
	unsigned int	 c = 1;

	while (i < len && c < col) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return i;
}

/* One file's edits (sorted, all on that file) as hunks. */
static void
file_diff(FILE *fp, const char *root, const char *file, struct dedit *v,
    size_t n)
{
	struct buf	 text = BUF_INIT, line = BUF_INIT;
	char		 chunk[65536];
	const char	**lines, *s;
	size_t		*lens, nlines = 0, i, j, k, a, b, got, off;
	FILE		*in;
	char		*path;

	/* Paths are the repository's: patch -p1 applies it at the top. */
	path = xmalloc(strlen(file) + (root != NULL ? strlen(root) : 0) + 2);
	if (root != NULL && file[0] != '/')
		sprintf(path, "%s/%s", root, file);
	else
		strcpy(path, file);
	in = fopen(path, "rb");
	free(path);
	if (in == NULL) {
		fprintf(stderr, "irsalint: -f diff: %s: cannot open, its "
		    "fixes are left out\n", file);
		return;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0)
		buf_add(&text, chunk, got);
	fclose(in);
	lines = xreallocarray(NULL, text.len + 2, sizeof(*lines));
	lens = xreallocarray(NULL, text.len + 2, sizeof(*lens));
	for (off = 0; off < text.len; off = j + 1) {
		s = memchr(text.buf + off, '\n', text.len - off);
		j = s != NULL ? (size_t)(s - text.buf) : text.len;
		lines[nlines] = text.buf + off;
		lens[nlines++] = j - off;
		if (s == NULL)
			break;
	}
	fprintf(fp, "--- a/%s\n+++ b/%s\n", file, file);
	for (i = 0; i < n; i = k) {
		/* The edits of one line, left to right, none overlapping. */
		for (k = i + 1; k < n && v[k].e->loc.line == v[i].e->loc.line;
		    k++)
			continue;
		if (v[i].e->loc.line == 0 || v[i].e->loc.line > nlines) {
			fprintf(stderr, "irsalint: -f diff: %s:%u: the line "
			    "is gone, its fix is left out\n", file,
			    v[i].e->loc.line);
			continue;
		}
		s = lines[v[i].e->loc.line - 1];
		got = lens[v[i].e->loc.line - 1];
		buf_reset(&line);
		a = 0;
		for (j = i; j < k; j++) {
			b = byte_of(s, got, v[j].e->loc.col);
			if (b < a || v[j].e->loc.end_col <= v[j].e->loc.col ||
			    byte_of(s, got, v[j].e->loc.end_col) > got) {
				fprintf(stderr, "irsalint: -f diff: %s:%u:%u: "
				    "edits overlap or the text moved, the "
				    "line's fixes are left out\n", file,
				    v[j].e->loc.line, v[j].e->loc.col);
				break;
			}
			buf_add(&line, s + a, b - a);
			buf_adds(&line, v[j].e->text);
			a = byte_of(s, got, v[j].e->loc.end_col);
		}
		if (j < k)
			continue;
		buf_add(&line, s + a, got - a);
		fprintf(fp, "@@ -%u +%u @@\n-%.*s\n+%s\n", v[i].e->loc.line,
		    v[i].e->loc.line, (int)got, s, line.buf != NULL ?
		    line.buf : "");
	}
	free(lines);
	free(lens);
	buf_release(&text);
	buf_release(&line);
}

void
report_diff(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	const struct edit	*e;
	struct dedit		*v = NULL;
	size_t			 n = 0, i, j;

	for (i = 0; i < dg->n; i++) {
		if (dg->v[i]->fix == NULL ||
		    dg->v[i]->suppressed != SUPPRESS_NONE)
			continue;
		for (e = dg->v[i]->fix->edits; e != NULL; e = e->next) {
			v = xreallocarray(v, n + 1, sizeof(*v));
			v[n].e = e;
			v[n++].file = e->loc.file;
		}
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_edit);
	/* Two findings may give the same edit: once is enough. */
	for (i = 0, j = 0; i < n; i++)
		if (j == 0 || strcmp(v[j - 1].file, v[i].file) != 0 ||
		    v[j - 1].e->loc.line != v[i].e->loc.line ||
		    v[j - 1].e->loc.col != v[i].e->loc.col ||
		    strcmp(v[j - 1].e->text, v[i].e->text) != 0)
			v[j++] = v[i];
	n = j;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j].file, v[i].file) == 0; j++)
			continue;
		if (v[i].file[0] == '<' || strcmp(v[i].file, "-") == 0) {
			fprintf(stderr, "irsalint: -f diff: %s is standard "
			    "input, which cannot be patched\n", v[i].file);
			continue;
		}
		file_diff(fp, o->root, v[i].file, v + i, j - i);
	}
	free(v);
}
