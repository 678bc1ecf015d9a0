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
#include <sys/types.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "xalloc.h"

/* Who says what went wrong: "irsalint", or "kubectl irsalint". */
const char	*report_progname = "irsalint";

struct dedit {
	const struct edit	*e;
	const char		*file;
};

static int	 cmp_edit(const void *, const void *);
static size_t	 byte_of(const char *, size_t, unsigned int);
static void	 file_diff(FILE *, const char *, const char *,
		    struct dedit *, size_t);
static ssize_t	 file_edits(const char *, const char *, struct dedit *,
		    size_t, struct buf *, const char ***, size_t **, char ***);
static int	 file_fix(const char *, const char *, struct dedit *, size_t);
static size_t	 collect(const struct diags *, struct dedit **);
static int	 not_a_file(const char *, const char *);

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

/*
 * One file's edits (sorted, all on that file): its text read again
 * into *text, split in lines, and each edited line rewritten into
 * out[line] (NULL: unchanged).  Returns the number of lines, or -1 when
 * the file cannot be read.  An edit whose text moved, or that overlaps
 * another, leaves its line unchanged and is said on standard error.
 */
static ssize_t
file_edits(const char *root, const char *file, struct dedit *v, size_t n,
    struct buf *text, const char ***lines, size_t **lens, char ***out)
{
	struct buf	 line = BUF_INIT;
	char		 chunk[65536], *path;
	const char	*s;
	size_t		 nlines = 0, i, j, k, a, b, got, off;
	FILE		*in;

	/* Paths are the repository's: patch -p1 applies it at the top. */
	path = xmalloc(strlen(file) + (root != NULL ? strlen(root) : 0) + 2);
	if (root != NULL && file[0] != '/')
		sprintf(path, "%s/%s", root, file);
	else
		strcpy(path, file);
	in = fopen(path, "rb");
	free(path);
	if (in == NULL) {
		fprintf(stderr, "%s: %s: cannot open, its fixes are left "
		    "out\n", report_progname, file);
		return -1;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0)
		buf_add(text, chunk, got);
	fclose(in);
	*lines = xreallocarray(NULL, text->len + 2, sizeof(**lines));
	*lens = xreallocarray(NULL, text->len + 2, sizeof(**lens));
	for (off = 0; off < text->len; off = j + 1) {
		s = memchr(text->buf + off, '\n', text->len - off);
		j = s != NULL ? (size_t)(s - text->buf) : text->len;
		(*lines)[nlines] = text->buf + off;
		(*lens)[nlines++] = j - off;
		if (s == NULL)
			break;
	}
	*out = xcalloc(nlines + 1, sizeof(**out));
	for (i = 0; i < n; i = k) {
		/* The edits of one line, left to right, none overlapping. */
		for (k = i + 1; k < n && v[k].e->loc.line == v[i].e->loc.line;
		    k++)
			continue;
		if (v[i].e->loc.line == 0 || v[i].e->loc.line > nlines) {
			fprintf(stderr, "%s: %s:%u: the line is gone, its "
			    "fix is left out\n", report_progname, file,
			    v[i].e->loc.line);
			continue;
		}
		s = (*lines)[v[i].e->loc.line - 1];
		got = (*lens)[v[i].e->loc.line - 1];
		buf_reset(&line);
		a = 0;
		for (j = i; j < k; j++) {
			b = byte_of(s, got, v[j].e->loc.col);
			if (b < a || v[j].e->loc.end_col <= v[j].e->loc.col ||
			    byte_of(s, got, v[j].e->loc.end_col) > got) {
				fprintf(stderr, "%s: %s:%u:%u: edits "
				    "overlap or the text moved, the line's "
				    "fixes are left out\n", report_progname,
				    file,
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
		(*out)[v[i].e->loc.line - 1] = xstrdup(line.buf != NULL ?
		    line.buf : "");
	}
	buf_release(&line);
	return (ssize_t)nlines;
}

static void
file_diff(FILE *fp, const char *root, const char *file, struct dedit *v,
    size_t n)
{
	struct buf	 text = BUF_INIT;
	const char	**lines;
	size_t		*lens, i;
	char		**out;
	ssize_t		 nl;

	if ((nl = file_edits(root, file, v, n, &text, &lines, &lens,
	    &out)) < 0)
		return;
	fprintf(fp, "--- a/%s\n+++ b/%s\n", file, file);
	for (i = 0; i < (size_t)nl; i++)
		if (out[i] != NULL) {
			fprintf(fp, "@@ -%zu +%zu @@\n-%.*s\n+%s\n", i + 1,
			    i + 1, (int)lens[i], lines[i], out[i]);
			free(out[i]);
		}
	free(out);
	free(lines);
	free(lens);
	buf_release(&text);
}

/*
 * Write one file's fixed text, through a file beside it renamed over
 * it, so that a reader never sees half of it.  Returns the lines
 * changed, or -1.
 */
static int
file_fix(const char *root, const char *file, struct dedit *v, size_t n)
{
	struct buf	 text = BUF_INIT;
	const char	**lines;
	size_t		*lens, i;
	char		**out, *path, *tmp;
	ssize_t		 nl;
	int		 changed = 0, fd, ok = 1;
	FILE		*fp;

	if ((nl = file_edits(root, file, v, n, &text, &lines, &lens,
	    &out)) < 0)
		return -1;
	path = xmalloc(strlen(file) + (root != NULL ? strlen(root) : 0) + 2);
	if (root != NULL && file[0] != '/')
		sprintf(path, "%s/%s", root, file);
	else
		strcpy(path, file);
	tmp = xmalloc(strlen(path) + 16);
	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1 || (fp = fdopen(fd, "wb")) == NULL) {
		fprintf(stderr, "%s: --fix: %s: cannot write beside it\n",
		    report_progname,
		    file);
		ok = 0;
	} else {
		for (i = 0; i < (size_t)nl; i++) {
			if (out[i] != NULL) {
				fputs(out[i], fp);
				changed++;
			} else
				fwrite(lines[i], 1, lens[i], fp);
			/* The last line keeps its newline, or its lack. */
			if (i + 1 < (size_t)nl || (text.len > 0 &&
			    text.buf[text.len - 1] == '\n'))
				fputc('\n', fp);
		}
		if (fflush(fp) == EOF || ferror(fp) || fclose(fp) == EOF ||
		    changed == 0 || rename(tmp, path) == -1) {
			if (changed > 0)
				fprintf(stderr, "%s: --fix: %s: cannot "
				    "write\n", report_progname, file);
			unlink(tmp);
			ok = changed == 0;
		}
	}
	for (i = 0; i < (size_t)nl; i++)
		free(out[i]);
	free(out);
	free(lines);
	free(lens);
	free(path);
	free(tmp);
	buf_release(&text);
	return ok ? changed : -1;
}

/* The fixable edits, sorted by file and place, each once. */
static size_t
collect(const struct diags *dg, struct dedit **vp)
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
	*vp = v;
	return j;
}

static int
not_a_file(const char *file, const char *stdin_name)
{
	return file[0] == '<' || strcmp(file, "-") == 0 ||
	    (stdin_name != NULL && strcmp(file, stdin_name) == 0);
}

void
report_diff(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	struct dedit	*v;
	size_t		 n, i, j;

	n = collect(dg, &v);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j].file, v[i].file) == 0; j++)
			continue;
		if (not_a_file(v[i].file, o->stdin_name)) {
			fprintf(stderr, "%s: -f diff: %s is standard "
			    "input, which cannot be patched\n", report_progname,
			    v[i].file);
			continue;
		}
		file_diff(fp, o->root, v[i].file, v + i, j - i);
	}
	free(v);
}

int
fix_apply(const struct diags *dg, const char *root, const char *stdin_name,
    int (*unchanged)(const char *, void *), void *arg, size_t *nfiles)
{
	struct dedit	*v;
	size_t		 n, i, j;
	int		 r, lines = 0, bad = 0;

	*nfiles = 0;
	n = collect(dg, &v);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j].file, v[i].file) == 0; j++)
			continue;
		if (not_a_file(v[i].file, stdin_name)) {
			fprintf(stderr, "%s: --fix: %s was read from "
			    "standard input, which is never fixed\n",
			    report_progname,
			    v[i].file);
			continue;
		}
		if (!unchanged(v[i].file, arg)) {
			fprintf(stderr, "%s: --fix: %s changed since it "
			    "was read: not fixed\n", report_progname,
			    v[i].file);
			bad = 1;
			continue;
		}
		if ((r = file_fix(root, v[i].file, v + i, j - i)) < 0)
			bad = 1;
		else if (r > 0) {
			lines += r;
			(*nfiles)++;
		}
	}
	free(v);
	return bad ? -1 : lines;
}
