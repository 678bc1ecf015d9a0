/* SPDX-License-Identifier: ISC */
/*
 * Benchmark baselines: the least work that reading irsalint's inputs
 * takes, a bare libyaml event loop over manifests and a bare cJSON
 * parse of a plan, to compare irsalint's time and memory with.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <yaml.h>

static char		*slurp(const char *, size_t *);
static unsigned long	 bare_yaml(const char *);
static unsigned long	 bare_json(const char *);
static void		 usage(void) __attribute__((noreturn));

/* Read a file whole, as cJSON needs; the caller frees the result. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*fp;
	char	*buf = NULL, *nbuf;
	size_t	 len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL)
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
	fclose(fp);
	*lenp = len;
	return buf;
}

/*
 * yaml_parser_parse until STREAM_END, reading the file as a stream:
 * the least time and memory any event-driven loader can need.
 * Returns the number of events.
 */
static unsigned long
bare_yaml(const char *path)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	unsigned long	 n = 0;
	FILE		*fp;
	int		 done = 0;

	if ((fp = fopen(path, "rb")) == NULL)
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

static void
usage(void)
{
	fputs("usage: baseline yaml|json file\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	if (argc != 3)
		usage();
	if (strcmp(argv[1], "yaml") == 0)
		printf("%lu events\n", bare_yaml(argv[2]));
	else if (strcmp(argv[1], "json") == 0)
		printf("%lu top-level keys\n", bare_json(argv[2]));
	else
		usage();
	return 0;
}
