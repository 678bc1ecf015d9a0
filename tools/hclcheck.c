/* SPDX-License-Identifier: ISC */
/*
 * A development driver for the HCL parser, not part of the tests: parse
 * .tf files given as arguments, or named one a line on standard input,
 * print their errors, and sum up files, bytes, errors and parse time.
 *   hclcheck [-cdq] [file ...]
 * -d prints each tree, -c the irsalint comments kept, -q only the sum.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "hcl.h"
#include "load.h"

struct totals {
	size_t	 files, bytes, errors, bad_files;
	double	 secs;
};

static int	 dflag, cflag, qflag;

static char	*slurp(const char *, size_t *);
static double	 now(void);
static void	 check(const char *, struct totals *);
static void	 usage(void) __attribute__((noreturn));

/* Read a file whole; NULL when it cannot be, or is too large. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*fp;
	char	*buf = NULL, *nbuf;
	size_t	 len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		warn("%s", path);
		return NULL;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 1 << 16;
			if ((nbuf = realloc(buf, cap)) == NULL)
				err(1, NULL);
			buf = nbuf;
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
		if (len > LOAD_MAX_FILE_SIZE) {
			warnx("%s: larger than %lu bytes", path,
			    LOAD_MAX_FILE_SIZE);
			free(buf);
			fclose(fp);
			return NULL;
		}
	}
	fclose(fp);
	*lenp = len;
	return buf;
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
check(const char *path, struct totals *t)
{
	struct arena		 a = ARENA_INIT;
	struct diags		 dg;
	struct buf		 b = BUF_INIT;
	struct hcl_file		*f;
	const struct diag	*d;
	char			*data;
	double			 t0;
	size_t			 len, i;

	if ((data = slurp(path, &len)) == NULL)
		return;
	diags_init(&dg, &a);
	t0 = now();
	f = hcl_parse(&a, &dg, arena_strdup(&a, path), data, len);
	t->secs += now() - t0;
	t->files++;
	t->bytes += len;
	t->errors += dg.n;
	if (dg.n > 0)
		t->bad_files++;
	diags_sort(&dg);
	for (i = 0; i < dg.n && !qflag; i++) {
		d = dg.v[i];
		printf("%s:%u:%u: error: %s\n", d->loc.file, d->loc.line,
		    d->loc.col, d->msg);
	}
	if (dflag) {
		hcl_dump_body(&b, &f->body);
		fputs(b.buf, stdout);
	}
	for (i = 0; cflag && i < f->ncomments; i++)
		printf("%s:%u:%u: comment for line %u: %s\n", path,
		    f->comments[i].range.start.line,
		    f->comments[i].range.start.col, f->comments[i].target,
		    f->comments[i].text);
	buf_release(&b);
	diags_release(&dg);
	arena_release(&a);
	free(data);
}

static void
usage(void)
{
	fprintf(stderr, "usage: hclcheck [-cdq] [file ...]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct totals	 t;
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	int		 ch;

	while ((ch = getopt(argc, argv, "cdq")) != -1)
		switch (ch) {
		case 'c':
			cflag = 1;
			break;
		case 'd':
			dflag = 1;
			break;
		case 'q':
			qflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	memset(&t, 0, sizeof(t));
	if (argc > 0)
		for (; argc > 0; argc--, argv++)
			check(*argv, &t);
	else
		while ((n = getline(&line, &cap, stdin)) > 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			if (*line != '\0')
				check(line, &t);
		}
	free(line);
	fprintf(stderr, "hclcheck: %zu files, %zu bytes, %zu errors in %zu "
	    "files, %.3f s parsing\n", t.files, t.bytes, t.errors,
	    t.bad_files, t.secs);
	return t.errors > 0;
}
