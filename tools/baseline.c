/* SPDX-License-Identifier: ISC */
/*
 * Benchmark baselines: the least work that reading irsalint's inputs
 * takes, a bare libyaml event loop over manifests, a bare cJSON parse
 * of a plan or other JSON, and a fresh libyaml parser for each file of
 * a tree, to compare irsalint's time and memory with.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <yaml.h>

static char		*slurp(const char *, size_t *);
static unsigned long	 bare_yaml(const char *);
static unsigned long	 bare_json(const char *);
static unsigned long	 bare_tree(const char *, unsigned long *);
static void		 usage(void) __attribute__((noreturn));

/* Read a file whole, as cJSON needs; the caller frees the result. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*fp;
	char	*buf = NULL, *nbuf;
	size_t	 len = 0, cap = 0, n;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			if ((nbuf = realloc(buf, cap)) == NULL)
				err(1, NULL);
			buf = nbuf;
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp))
		err(1, "%s", path);
	if (fp != stdin)
		fclose(fp);
	*lenp = len;
	return buf;
}

/*
 * yaml_parser_parse until STREAM_END, reading the file as a stream:
 * the least time and memory any event-driven loader can need.
 * Returns the number of events.  "-" is standard input.
 */
static unsigned long
bare_yaml(const char *path)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	unsigned long	 n = 0;
	FILE		*fp;
	int		 done = 0;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	if (!yaml_parser_initialize(&p))
		errx(1, "yaml_parser_initialize");
	yaml_parser_set_input_file(&p, fp);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev))
			errx(1, "%s: %s", path, p.problem != NULL ?
			    p.problem : "parse error");
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		n++;
	}
	yaml_parser_delete(&p);
	if (fp != stdin)
		fclose(fp);
	return n;
}

/* cJSON_Parse of the whole file, then free the tree. */
static unsigned long
bare_json(const char *path)
{
	cJSON		*root;
	size_t		 len;
	char		*data;
	unsigned long	 n;

	data = slurp(path, &len);
	root = cJSON_ParseWithLength(data, len);
	if (root == NULL)
		errx(1, "%s: cannot parse JSON", path);
	n = (unsigned long)cJSON_GetArraySize(root);
	cJSON_Delete(root);
	free(data);
	return n;
}

/*
 * Every file of the tree at path, as a linter of a repository meets
 * them: a fresh libyaml parser for each *.yaml and *.yml, cJSON for each
 * *.json, in directory order; hidden entries skipped.  Returns the
 * events and top-level keys; *files counts the files.
 */
static unsigned long
bare_tree(const char *path, unsigned long *files)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	unsigned long	 n = 0;
	size_t		 len;
	char		 sub[4096];

	if ((d = opendir(path)) == NULL)
		err(1, "%s", path);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (stat(sub, &st) == -1)
			err(1, "%s", sub);
		len = strlen(e->d_name);
		if (S_ISDIR(st.st_mode))
			n += bare_tree(sub, files);
		else if ((len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) ||
		    (len > 4 && strcmp(e->d_name + len - 4, ".yml") == 0)) {
			n += bare_yaml(sub);
			(*files)++;
		} else if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0) {
			n += bare_json(sub);
			(*files)++;
		}
	}
	closedir(d);
	return n;
}

static void
usage(void)
{
	fputs("usage: baseline yaml|json|tree path [yaml|json|tree path ...]\n",
	    stderr);
	exit(2);
}

/*
 * Each operand pair is one input of a shape, parsed in the order given
 * in one process, as irsalint reads its operands.
 */
int
main(int argc, char *argv[])
{
	unsigned long	 files;
	int		 i;

	if (argc < 3 || argc % 2 != 1)
		usage();
	for (i = 1; i < argc; i += 2) {
		if (strcmp(argv[i], "yaml") == 0)
			printf("%s: %lu events\n", argv[i + 1],
			    bare_yaml(argv[i + 1]));
		else if (strcmp(argv[i], "json") == 0)
			printf("%s: %lu top-level keys\n", argv[i + 1],
			    bare_json(argv[i + 1]));
		else if (strcmp(argv[i], "tree") == 0) {
			files = 0;
			printf("%s: %lu events and keys", argv[i + 1],
			    bare_tree(argv[i + 1], &files));
			printf(" in %lu files\n", files);
		} else
			usage();
	}
	return 0;
}
