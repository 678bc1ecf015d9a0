/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: a stream of manifests cut into parts at document
 * markers (load_split_points()) and each part read with its first line
 * numbered as in the file (load_k8s_part()), against the whole read at
 * once.  The cuts must be at marker lines, cover the file and count the
 * lines before them; when neither the whole nor any part reports an
 * error (else the file is read again whole), the objects, their places
 * and the comments must be the whole's, in order.  A difference
 * aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "load.h"
#include "model.h"

#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	same_str(const char *, const char *);
static int	same_loc(const struct loc *, const struct loc *);
static int	same_kv(const struct kv_pos *, const struct kv_pos *);
static int	same_obj(const struct k8s_obj *, const struct k8s_obj *);
static void	check_parts(const char *, size_t, const struct load_part *,
		    size_t);
static size_t	read_part(struct model *, struct diags *, FILE *, off_t,
		    size_t, unsigned int);

static int
same_str(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
same_loc(const struct loc *a, const struct loc *b)
{
	return a->line == b->line && a->col == b->col &&
	    a->end_line == b->end_line && a->end_col == b->end_col;
}

static int
same_kv(const struct kv_pos *a, const struct kv_pos *b)
{
	return same_str(a->key, b->key) && same_str(a->value, b->value) &&
	    same_loc(&a->key_loc, &b->key_loc) &&
	    same_loc(&a->value_loc, &b->value_loc);
}

static int
same_obj(const struct k8s_obj *a, const struct k8s_obj *b)
{
	const struct k8s_more	*x = a->more, *y = b->more;
	size_t			 i;

	if (a->kind != b->kind || !same_str(a->kind_name, b->kind_name) ||
	    !same_str(a->name, b->name) || !same_str(a->ns, b->ns) ||
	    !same_str(x->sa_name, y->sa_name) ||
	    !same_str(a->source, b->source) ||
	    !same_loc(&a->loc, &b->loc) || !same_loc(&a->kind_loc,
	    &b->kind_loc) || !same_loc(&a->name_loc, &b->name_loc) ||
	    !same_loc(&a->ns_loc, &b->ns_loc) || !same_loc(&x->sa_loc,
	    &y->sa_loc) || (a->source != NULL && !same_loc(&a->source_loc,
	    &b->source_loc)) || a->nannotations != b->nannotations ||
	    x->ncontainers != y->ncontainers || x->nstray != y->nstray ||
	    x->ndups != y->ndups)
		return 0;
	for (i = 0; i < a->nannotations; i++)
		if (!same_kv(&a->annotations[i], &b->annotations[i]))
			return 0;
	return 1;
}

/* The cuts: marker lines after the first, in order, lines counted. */
static void
check_parts(const char *s, size_t len, const struct load_part *p, size_t n)
{
	size_t	 i, k, nl = 0, end = 0;
	off_t	 at;

	if (n < 1 || p[0].off != 0 || p[0].line_base != 0)
		abort();
	for (k = 0; k < n; k++) {
		at = p[k].off;
		if ((size_t)at != end || (size_t)at + p[k].len > len)
			abort();
		if (k > 0) {
			if (s[at - 1] != '\n' || len - (size_t)at < 3 ||
			    memcmp(s + at, "---", 3) != 0 ||
			    ((size_t)at + 3 < len && strchr(" \t\r\n",
			    s[at + 3]) == NULL))
				abort();
			for (i = (size_t)p[k - 1].off; i < (size_t)at; i++)
				nl += s[i] == '\n';
			if (p[k].line_base != nl)
				abort();
		}
		end = (size_t)at + p[k].len;
	}
	if (end != len)
		abort();
}

static size_t
read_part(struct model *m, struct diags *dg, FILE *fp, off_t off, size_t len,
    unsigned int base)
{
	if (fseeko(fp, off, SEEK_SET) == -1)
		abort();
	clearerr(fp);
	return load_k8s_part(m, dg, "fuzz.yaml", fp, len, base);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct load_part	 parts[8];
	struct arena		 a = ARENA_INIT;
	struct model		 whole, *pm;
	struct diags		 dg, *pd;
	const char		*s = (const char *)data;
	size_t			 n, k, i, j, nerr = 0, nobj = 0, ncom = 0;
	FILE			*fp;

	/* What load.c cuts: no NUL, no byte order mark, not JSON. */
	for (i = 0; i < len && strchr(" \t\r\n", s[i]) != NULL; i++)
		continue;
	if (len == 0 || memchr(s, '\0', len) != NULL || i == len ||
	    s[i] == '{' || s[i] == '[' || (data[0] == 0xef ||
	    data[0] == 0xfe || data[0] == 0xff))
		return 0;
	if ((fp = tmpfile()) == NULL)
		return 0;
	if (fwrite(s, 1, len, fp) != len || fflush(fp) != 0) {
		fclose(fp);
		return 0;
	}
	n = load_split_points(fileno(fp), (off_t)len, 2 + len % 6, parts);
	check_parts(s, len, parts, n);

	model_init(&whole, &a);
	diags_init(&dg, &a);
	read_part(&whole, &dg, fp, 0, len, 0);
	pm = calloc(n, sizeof(*pm));
	pd = calloc(n, sizeof(*pd));
	if (pm == NULL || pd == NULL)
		abort();
	for (k = 0; k < n; k++) {
		model_init(&pm[k], &a);
		diags_init(&pd[k], &a);
		read_part(&pm[k], &pd[k], fp, parts[k].off, parts[k].len,
		    parts[k].line_base);
		nerr += pd[k].nerrors;
		nobj += pm[k].objs.n;
		ncom += pm[k].comments.n;
	}
	if (dg.nerrors == 0 && nerr == 0) {
		if (nobj != whole.objs.n || ncom != whole.comments.n)
			abort();
		for (k = i = j = 0; k < n; k++) {
			for (nobj = 0; nobj < pm[k].objs.n; nobj++)
				if (!same_obj(pm[k].objs.v[nobj],
				    whole.objs.v[i++]))
					abort();
			for (ncom = 0; ncom < pm[k].comments.n; ncom++, j++)
				if (!same_loc(&pm[k].comments.v[ncom]->loc,
				    &whole.comments.v[j]->loc) ||
				    pm[k].comments.v[ncom]->target !=
				    whole.comments.v[j]->target ||
				    !same_str(pm[k].comments.v[ncom]->text,
				    whole.comments.v[j]->text))
					abort();
		}
	}
	for (k = 0; k < n; k++) {
		model_release(&pm[k]);
		diags_release(&pd[k]);
	}
	free(pm);
	free(pd);
	model_release(&whole);
	diags_release(&dg);
	arena_release(&a);
	fclose(fp);
	return 0;
}
