/* SPDX-License-Identifier: ISC */
/* irsalint(1): options, the input loop, and the exit status. */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "engine.h"
#include "load.h"
#include "model.h"
#include "report.h"
#include "rule.h"

enum format {
	FORMAT_TEXT,
	FORMAT_JSON
};

/* --fail-on never: no finding makes the exit status 1. */
#define FAIL_NEVER	SEV__MAX

static void	usage(FILE *, int) __attribute__((noreturn));
static void	list_rules(void);

static void
usage(FILE *fp, int status)
{
	fputs("usage: irsalint [-hV] [--fail-on level] [-f format] "
	    "[-n namespace]\n"
	    "                [--list-rules] [--stdin-filename name] "
	    "path ...\n", fp);
	if (fp == stdout)
		fputs("\n"
		    "  -f, --format text|json  output format (default text)\n"
		    "      --fail-on LEVEL     exit 1 on findings at or above "
		    "error|warning|note,\n"
		    "                          or never (default warning)\n"
		    "  -n, --namespace NS      namespace of objects that set "
		    "none (default default)\n"
		    "      --list-rules        list every rule and exit\n"
		    "      --stdin-filename N  name to report for input read "
		    "from -\n"
		    "  -V, --version           print the version and exit\n"
		    "  -h, --help              print this help and exit\n"
		    "\n"
		    "PATH is a Terraform plan or state JSON file, a "
		    "Kubernetes manifest (YAML or JSON),\n"
		    "a directory to search for *.yaml *.yml *.json "
		    "*.tfstate, or - for standard input.\n"
		    "See irsalint(1).\n", fp);
	exit(status);
}

static void
list_rules(void)
{
	size_t	 i;

	for (i = 0; rule_table[i] != NULL; i++)
		printf("%-36s %-8s %s\n", rule_table[i]->id,
		    severity_name(rule_table[i]->severity),
		    rule_table[i]->summary);
}

static int
parse_fail_on(const char *s)
{
	if (strcmp(s, "error") == 0)
		return SEV_ERROR;
	if (strcmp(s, "warning") == 0)
		return SEV_WARNING;
	if (strcmp(s, "note") == 0)
		return SEV_NOTE;
	if (strcmp(s, "never") == 0)
		return FAIL_NEVER;
	warnx("--fail-on: '%s' is not error, warning, note or never", s);
	usage(stderr, 2);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "fail-on", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "list-rules", no_argument, NULL, 'L' },
		{ "namespace", required_argument, NULL, 'n' },
		{ "stdin-filename", required_argument, NULL, 'S' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct arena	 arena = ARENA_INIT;
	struct model	 m;
	struct diags	 dg;
	enum format	 format = FORMAT_TEXT;
	int		 ch, fail_on = SEV_WARNING, status, s;
	const char	*ns = NULL, *stdin_name = NULL;

	while ((ch = getopt_long(argc, argv, "f:hn:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'F':
			fail_on = parse_fail_on(optarg);
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else {
				warnx("--format: '%s' is not text or json",
				    optarg);
				usage(stderr, 2);
			}
			break;
		case 'h':
			usage(stdout, 0);
		case 'L':
			list_rules();
			return 0;
		case 'n':
			if (*optarg == '\0') {
				warnx("--namespace: empty namespace");
				usage(stderr, 2);
			}
			ns = optarg;
			break;
		case 'S':
			stdin_name = optarg;
			break;
		case 'V':
			printf("irsalint %s\n", IRSALINT_VERSION);
			return 0;
		default:
			usage(stderr, 2);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		warnx("no input: name a plan, manifests or a directory");
		usage(stderr, 2);
	}

	model_init(&m, &arena);
	if (ns != NULL)
		m.default_ns = ns;
	m.stdin_name = stdin_name;
	diags_init(&dg, &arena);
	for (; argc > 0; argc--, argv++)
		load_path(&m, &dg, *argv);
	engine_run(&m, &dg);
	diags_sort(&dg);
	if (format == FORMAT_JSON)
		report_json(stdout, &dg, m.nfiles);
	else
		report_text(stdout, &dg);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(2, "stdout");

	status = 0;
	for (s = fail_on; s < SEV__MAX; s++)
		if (dg.count[s] > 0)
			status = 1;
	if (dg.nerrors > 0)
		status = 2;
	diags_release(&dg);
	model_release(&m);
	arena_release(&arena);
	return status;
}
