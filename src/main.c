/* SPDX-License-Identifier: ISC */
/* irsalint(1): options, configuration, the input loop, the exit status. */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "engine.h"
#include "load.h"
#include "lsp.h"
#include "model.h"
#include "report.h"
#include "rule.h"
#include "strmap.h"
#include "xalloc.h"
#include "xjson.h"
#include "suppress.h"

enum format {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_SARIF,
	FORMAT_GITHUB,
	FORMAT_GITLAB,
	FORMAT_DOT,
	FORMAT_MDOC,		/* --list-rules only: irsalint-rules(7) */
	FORMAT_DIFF		/* the fixes as a unified diff */
};

static const char *const format_names[] = {
	"text", "json", "sarif", "github", "gitlab", "dot", "mdoc", "diff", NULL
};

enum color {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

/* --fail-on never: no finding makes the exit status 1. */
#define FAIL_NEVER	SEV__MAX
#define MAX_JOBS	LOAD_MAX_JOBS
#define SPLIT_MIN	(4UL * 1024 * 1024)	/* IRSALINT_SPLIT_MIN */

static const char	*progname = "irsalint";
extern char		*program_invocation_short_name;	/* glibc, err(3) */
/*
 * Run as "kubectl irsalint": -f and --filename name inputs, as they do
 * for every kubectl command; the report format is --format only.
 */
static int		 plugin;
/* Inputs named with -f or --filename, in order; kept to the exit. */
static const char	**files;
static size_t		 nfiles;
static struct load_tf_var *tfv;		/* --var and --var-file, in order */

static void	usage(FILE *, int) __attribute__((noreturn));
static int	parse_fail_on(const char *);
static enum format parse_format(const char *);
static enum color parse_color(const char *);
static int	use_color(enum color);
static int	explain(const char *);
static void	set_progname(const char *);
static void	summary(struct arena *, struct report_checked *,
		    const struct model *, const struct bindings *);
static void	report(FILE *, enum format, const struct model *,
		    const struct bindings *, struct diags *,
		    struct report_opts *);

static void
usage(FILE *fp, int status)
{
	int	 w = (int)strlen(progname);

	fprintf(fp, "usage: %s [-hqvV] [--changed] [--color=when] [--fix]\n"
	    "       %*s [--config file | --no-config] [--explain rule]\n"
	    "       %*s [--fail-on level] %s [-j jobs]\n"
	    "       %*s [--list-rules] [-n namespace] [-o [format=]file]\n"
	    "       %*s [--show-suppressed] [--stdin-filename name]\n"
	    "       %*s [--var name=value] [--var-file file] path ...\n"
	    "       %s --lsp\n",
	    progname, w, "", w, "", plugin ? "[-f file] [--format format]" :
	    "[-f format]", w, "", w, "", w, "", progname);
	if (fp == stdout)
		fputs("\n"
		    "      --changed           the paths are changed files: "
		    "lint the inputs of\n"
		    "                          .irsalint.yaml (else the "
		    "repository), report what\n"
		    "                          touches the changed files\n"
		    "      --color=WHEN        color text output: auto "
		    "(default), always, never\n"
		    "      --config FILE       read FILE, not the "
		    ".irsalint.yaml found upward\n"
		    "      --explain RULE      print the documentation of "
		    "RULE and exit\n"
		    "      --fix               write the known fixes into the "
		    "files, then lint again\n"
		    "      --fail-on LEVEL     exit 1 on findings at or above "
		    "error|warning|note,\n"
		    "                          or never (default warning)\n",
		    fp);
	if (fp == stdout)
		fputs(plugin ?
		    "  -f, --filename FILE     an input, as for kubectl "
		    "(several allowed)\n"
		    "      --format FORMAT     text (default), json, sarif, "
		    "github, gitlab, dot,\n"
		    "                          diff; with --list-rules: text, "
		    "json, mdoc\n" :
		    "  -f, --format FORMAT     text (default), json, sarif, "
		    "github, gitlab, dot,\n"
		    "                          diff; with --list-rules: text, "
		    "json, mdoc\n", fp);
	if (fp == stdout)
		fputs("  -h, --help              print this help and exit\n"
		    "      --list-rules        list every rule and exit\n"
		    "      --lsp               serve the Language Server "
		    "Protocol on standard input\n"
		    "                          and output, linting the "
		    "workspace as it is edited\n"
		    "  -n, --namespace NS      namespace of objects that set "
		    "none (default default)\n"
		    "      --no-config         read no .irsalint.yaml\n"
		    "  -o, --output [F=]FILE   write the report to FILE (- is "
		    "standard output),\n"
		    "                          in format F (else --format's); "
		    "several allowed\n"
		    "  -q, --quiet             no summary of what was read "
		    "and checked\n"
		    "  -v, --verbose           name the files read that hold "
		    "nothing to check\n"
		    "      --show-suppressed   list suppressed findings too\n"
		    "      --stdin-filename N  name to report for input read "
		    "from -\n"
		    "      --var NAME=VALUE    a Terraform root variable's value "
		    "(as terraform -var)\n"
		    "      --var-file FILE     Terraform variables from FILE "
		    "(as terraform -var-file)\n"
		    "  -V, --version           print the version and exit\n"
		    "\n"
		    "PATH is, detected by content:\n"
		    "  Terraform sources (a directory of *.tf files, or one "
		    "of them: its directory),\n"
		    "  a Terraform plan or state (terraform show -json, "
		    "terraform.tfstate),\n"
		    "  a CloudFormation template (YAML or JSON, CDK output "
		    "included),\n"
		    "  AWS CLI output (aws iam get-role, list-roles, "
		    "get-open-id-connect-provider,\n"
		    "    list-open-id-connect-providers; aws eks "
		    "describe-cluster and the\n"
		    "    pod identity associations),\n"
		    "  Kubernetes manifests (YAML or JSON, helm template and "
		    "kustomize build output,\n"
		    "    kubectl get -o json, eksctl ClusterConfig),\n"
		    "  a directory to search for *.yaml *.yml *.json "
		    "*.tfstate *.tf,\n"
		    "  or - for standard input.\n"
		    "See irsalint(1) and irsalint-rules(7).\n", fp);
	if (fp == stdout && plugin)
		fputs("\nNOTE: as a kubectl plugin, -f FILE and --filename FILE "
		    "name an input, as for\nkubectl apply -f; -f is not the "
		    "report format here: use --format.\n", fp);
	exit(status);
}

/* "kubectl-irsalint" runs as the kubectl plugin "kubectl irsalint". */
static void
set_progname(const char *argv0)
{
	const char	*p;

	if (argv0 == NULL)
		return;
	if ((p = strrchr(argv0, '/')) != NULL)
		argv0 = p + 1;
	if (strncmp(argv0, "kubectl-", 8) == 0) {
		progname = "kubectl irsalint";
		plugin = 1;
	}
	/* err(3) and warnx(3) name the program as every message does. */
	program_invocation_short_name = (char *)progname;
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

/* A count of threads, 1 to MAX_JOBS; what names it is told. */
static unsigned int
parse_jobs(const char *what, const char *s)
{
	char		*end;
	long		 n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || n < 1 ||
	    n > MAX_JOBS) {
		warnx("%s: '%s' is not a count of threads from 1 to %d", what,
		    s, MAX_JOBS);
		usage(stderr, 2);
	}
	return (unsigned int)n;
}

/* -j, else IRSALINT_JOBS, else the CPUs online (1 when unknown). */
static unsigned int
default_jobs(void)
{
	const char	*s;
	long		 n;

	if ((s = getenv("IRSALINT_JOBS")) != NULL && *s != '\0')
		return parse_jobs("IRSALINT_JOBS", s);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		return 1;
	return n > MAX_JOBS ? MAX_JOBS : (unsigned int)n;
}

/*
 * IRSALINT_SPLIT_MIN, bytes: the size from which a file of manifests
 * is read in parts, 0 for never; the tests set 1 to cut every file
 * they can.
 */
static size_t
split_min(void)
{
	const char		*s;
	char			*end;
	unsigned long long	 n;

	if ((s = getenv("IRSALINT_SPLIT_MIN")) == NULL || *s == '\0')
		return SPLIT_MIN;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (*end != '\0' || errno != 0 || *s == '-' || n > SIZE_MAX) {
		warnx("IRSALINT_SPLIT_MIN: '%s' is not a count of bytes", s);
		usage(stderr, 2);
	}
	return (size_t)n;
}

static enum format
parse_format(const char *s)
{
	size_t	 i;

	for (i = 0; format_names[i] != NULL; i++)
		if (strcmp(s, format_names[i]) == 0)
			return (enum format)i;
	warnx("--format: '%s' is not text, json, sarif, github, gitlab, "
	    "dot, diff or mdoc", s);
	usage(stderr, 2);
}

static enum color
parse_color(const char *s)
{
	if (s == NULL || strcmp(s, "always") == 0)
		return COLOR_ALWAYS;
	if (strcmp(s, "never") == 0)
		return COLOR_NEVER;
	if (strcmp(s, "auto") == 0)
		return COLOR_AUTO;
	warnx("--color: '%s' is not auto, always or never", s);
	usage(stderr, 2);
}

/*
 * As gcc and clang: the flag wins; under auto, a non-empty NO_COLOR
 * (no-color.org) or TERM=dumb turns color off, and color is only used
 * when standard output is a terminal.
 */
static int
use_color(enum color c)
{
	const char	*s;

	if (c != COLOR_AUTO)
		return c == COLOR_ALWAYS;
	if ((s = getenv("NO_COLOR")) != NULL && *s != '\0')
		return 0;
	if ((s = getenv("TERM")) != NULL && strcmp(s, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}

static int
explain(const char *id)
{
	const struct rule	*r;

	if ((r = rule_find(id)) == NULL) {
		if ((r = rule_nearest(id)) != NULL)
			warnx("--explain: no rule '%s'; did you mean %s?", id,
			    r->id);
		else
			warnx("--explain: no rule '%s' (see %s --list-rules)",
			    id, progname);
		return 2;
	}
	report_explain(stdout, r);
	return 0;
}

/*
 * What the run checked, on standard error after a text report, so that
 * a silent pass can be told from a run that read nothing of one side:
 * the inputs by kind, the objects the rules judged, and how many
 * ServiceAccounts were cross-checked against their role's trust.
 */
static void
summary(struct arena *a, struct report_checked *c, const struct model *m,
    const struct bindings *bs)
{
	static const char *const kinds[] = { "Terraform", "Terraform source",
	    "CloudFormation", "AWS CLI", "Kubernetes" };
	struct buf	 b = BUF_INIT;
	size_t		 i, k, n[5];
	int		 first = 1;

	memset(c, 0, sizeof(*c));
	n[0] = c->terraform = m->ntf;
	n[1] = c->terraform_sources = m->ntfsrc;
	n[2] = c->cloudformation = m->ncfn;
	n[3] = c->aws_cli = m->naws - m->ncfn;
	n[4] = c->kubernetes = m->nk8s;
	c->unread = m->unread.n;
	c->roles = m->roles.n;
	c->providers = m->providers.n;
	for (i = 0; i < bs->n; i++) {
		if (!bs->v[i].arn_ok && !bs->v[i].arn_pending)
			continue;
		c->named++;
		if (bs->v[i].role == NULL)
			c->elsewhere++;
		else if (bs->v[i].verdict == TRI_UNKNOWN ||
		    bs->v[i].unverified != NULL)
			c->unknown++;
		else
			c->checked++;
	}
	buf_addf(&b, "read %zu file%s (", m->nfiles, m->nfiles == 1 ? "" : "s");
	for (k = 0; k < 5; k++)
		if (n[k] > 0) {
			buf_addf(&b, "%s%zu %s%s", first ? "" : ", ", n[k],
			    kinds[k], k == 1 && n[k] > 1 ? "s" : "");
			first = 0;
		}
	if (m->unread.n > 0)
		buf_addf(&b, "%s%zu with nothing to check, which -v names",
		    first ? "" : ", ", m->unread.n);
	if (m->unread.n > 0)
		first = 0;
	buf_addf(&b, "%s); %zu of %zu ServiceAccount%s naming a role "
	    "cross-checked with its trust", first ? "none readable" : "",
	    c->checked, c->named, c->named == 1 ? "" : "s");
	if (c->elsewhere + c->unknown > 0) {
		buf_adds(&b, " (");
		if (c->elsewhere > 0)
			buf_addf(&b, "%zu role%s not in the inputs",
			    c->elsewhere, c->elsewhere == 1 ? "" : "s");
		if (c->unknown > 0)
			buf_addf(&b, "%s%zu trust%s not known offline",
			    c->elsewhere > 0 ? ", " : "", c->unknown,
			    c->unknown == 1 ? "" : "s");
		buf_addc(&b, ')');
	}
	buf_addf(&b, "; %zu role%s, %zu OIDC provider%s", c->roles,
	    c->roles == 1 ? "" : "s", c->providers,
	    c->providers == 1 ? "" : "s");
	c->line = arena_strdup(a, b.buf);
	buf_release(&b);
}

static void
report(FILE *fp, enum format f, const struct model *m,
    const struct bindings *bs, struct diags *dg, struct report_opts *o)
{
	const char	*s;

	switch (f) {
	case FORMAT_JSON:
		report_json(fp, dg, o);
		break;
	case FORMAT_SARIF:
		report_sarif(fp, dg, o);
		break;
	case FORMAT_GITHUB:
		if ((s = getenv("GITHUB_STEP_SUMMARY")) != NULL &&
		    *s != '\0' && (o->summary = fopen(s, "a")) == NULL)
			warn("GITHUB_STEP_SUMMARY: %s", s);
		report_github(fp, dg, o);
		if (o->summary != NULL && fclose(o->summary) == EOF)
			warn("GITHUB_STEP_SUMMARY: %s", s);
		o->summary = NULL;
		break;
	case FORMAT_GITLAB:
		report_gitlab(fp, dg, o);
		break;
	case FORMAT_DOT:
		report_dot(fp, m, bs, dg, o);
		break;
	case FORMAT_DIFF:
		report_diff(fp, dg, o);
		break;
	default:
		report_text(fp, dg, o);
		break;
	}
}

/* -o FORMAT=PATH or -o PATH (in -f's format); "-": standard output. */
#define MAX_OUTPUTS	8
struct output {
	enum format	 format;
	int		 given;		/* FORMAT= was written */
	const char	*path;
};

static void
parse_output(const char *arg, struct output *o)
{
	const char	*eq = strchr(arg, '=');
	size_t		 i;

	o->given = 0;
	o->path = arg;
	if (eq != NULL)
		for (i = 0; format_names[i] != NULL; i++)
			if (strlen(format_names[i]) == (size_t)(eq - arg) &&
			    strncmp(arg, format_names[i], (size_t)(eq - arg)) ==
			    0 && (enum format)i != FORMAT_MDOC) {
				o->format = (enum format)i;
				o->given = 1;
				o->path = eq + 1;
			}
	if (*o->path == '\0') {
		warnx("-o %s: no file name", arg);
		usage(stderr, 2);
	}
}

static int
rebased(enum format f)
{
	return f == FORMAT_SARIF || f == FORMAT_GITHUB ||
	    f == FORMAT_GITLAB || f == FORMAT_DIFF;
}

/* One report into its file; an error writing it is fatal (exit 2). */
static void
write_output(const struct output *o, enum color color, const struct model *m,
    const struct bindings *bs, struct diags *dg, struct report_opts *ro)
{
	FILE	*fp = stdout;

	if (strcmp(o->path, "-") != 0 && (fp = fopen(o->path, "w")) == NULL)
		err(2, "-o %s", o->path);
	ro->color = o->format == FORMAT_TEXT && fp == stdout &&
	    use_color(color);
	report(fp, o->format, m, bs, dg, ro);
	if (fflush(fp) == EOF || ferror(fp))
		err(2, "%s", fp == stdout ? "stdout" : o->path);
	if (fp != stdout && fclose(fp) == EOF)
		err(2, "-o %s", o->path);
}

/*
 * --changed: the operands are files a commit changes.  The inputs are
 * the whole picture (inputs: or the repository), and a finding is shown
 * when its place or one of its related places is in a changed file, so
 * that a .tf change that breaks a trust fails the hook although the
 * finding is on the ServiceAccount.  Input errors are always shown.
 */
struct changed {
	struct arena	*arena;
	struct strmap	 real;		/* real paths of the changed files */
	struct strmap	 memo;		/* a diag's file: in the set or not */
	char		**given;	/* as named, for "not read" */
	int		 n;
	int		 all;		/* the configuration changed */
	const char	*cfg;		/* its real path, or NULL */
};

static void
changed_init(struct changed *c, struct arena *a, char **argv, int argc,
    const char *cfg_file)
{
	char	 real[PATH_MAX], cfg[PATH_MAX];
	int	 i;

	c->arena = a;
	strmap_init(&c->real);
	strmap_init(&c->memo);
	c->given = argv;
	c->n = argc;
	c->all = 0;
	c->cfg = cfg_file != NULL && realpath(cfg_file, cfg) != NULL ?
	    arena_strdup(a, cfg) : NULL;
	for (i = 0; i < argc; i++) {
		if (realpath(argv[i], real) == NULL)
			continue;
		strmap_add(&c->real, a, arena_strdup(a, real), argv[i]);
		/* Its ignores and rules may change any finding. */
		if (c->cfg != NULL && strcmp(real, c->cfg) == 0)
			c->all = 1;
	}
}

static int
changed_has(struct changed *c, const char *file)
{
	static char		 yes, no;
	const struct strmap_val	*v;
	char			 real[PATH_MAX];
	int			 in;

	if ((v = strmap_get(&c->memo, file)) != NULL)
		return v->v == &yes;
	in = realpath(file, real) != NULL &&
	    strmap_get(&c->real, real) != NULL;
	strmap_add(&c->memo, c->arena, file, in ? &yes : &no);
	return in;
}

static int
changed_keep(const struct diag *d, void *arg)
{
	struct changed		*c = arg;
	const struct related	*r;

	if (c->all || d->rule == NULL || changed_has(c, d->loc.file))
		return 1;
	for (r = d->related; r != NULL; r = r->next)
		if (changed_has(c, r->loc.file))
			return 1;
	return 0;
}

/*
 * Keep the findings about the changed files; say which changed files
 * were not among the inputs (not checked).  Returns the number hidden.
 */
static size_t
changed_filter(struct changed *c, struct diags *dg, const struct model *m,
    int quiet)
{
	char	 real[PATH_MAX];
	size_t	 n;
	int	 i;

	n = diags_keep(dg, changed_keep, c);
	for (i = 0; !quiet && i < c->n; i++)
		if (realpath(c->given[i], real) == NULL)
			fprintf(stderr, "%s: %s: changed file not found: %s\n",
			    progname, c->given[i], strerror(errno));
		else if (c->cfg != NULL && strcmp(real, c->cfg) == 0)
			fprintf(stderr, "%s: %s: the configuration changed, "
			    "so every finding is shown\n", progname,
			    c->given[i]);
		else if (strmap_get(&m->read_paths, real) == NULL)
			fprintf(stderr, "%s: %s: changed, but not among the "
			    "inputs, so not checked\n", progname, c->given[i]);
	strmap_release(&c->memo);
	strmap_release(&c->real);
	return n;
}

/*
 * The repository root as a path from the current directory ("." or
 * "../.."), so that messages name files as the user sees them.
 */
static const char *
rel_root(struct arena *a, const char *root)
{
	char		 here[PATH_MAX];
	const char	*p;
	struct buf	 b = BUF_INIT;
	size_t		 n;

	if (root == NULL)
		return ".";
	if (realpath(".", here) == NULL)
		return root;
	n = strlen(root);
	if (strcmp(here, root) == 0)
		return ".";
	if (strcmp(root, "/") != 0 && (strncmp(here, root, n) != 0 ||
	    here[n] != '/'))
		return root;
	for (p = here + (strcmp(root, "/") == 0 ? 0 : n); *p != '\0'; p++)
		if (*p == '/')
			buf_adds(&b, b.len == 0 ? ".." : "/..");
	p = b.len > 0 ? arena_strndup(a, b.buf, b.len) : ".";
	buf_release(&b);
	return p;
}

static int
fix_unchanged(const char *file, void *arg)
{
	return load_unchanged(arg, file);
}

/*
 * After --fix: this program again, with the same arguments but
 * --fix, on the fixed files.  A fix that failed makes the status 2
 * whatever the lint says (IRSALINT_FIX_FAILED tells the new run).
 */
static char	**saved_argv;

static void
relint(const char *argv0, int failed)
{
	char	**v;
	int	 i, n;

	for (n = 0; saved_argv[n] != NULL; n++)
		continue;
	v = xreallocarray(NULL, (size_t)n + 1, sizeof(*v));
	for (i = 0, n = 0; saved_argv[i] != NULL; i++)
		if (strcmp(saved_argv[i], "--fix") != 0)
			v[n++] = saved_argv[i];
	v[n] = NULL;
	if (failed)
		setenv("IRSALINT_FIX_FAILED", "1", 1);
	execvp(argv0, v);
	err(2, "--fix: cannot run %s again", argv0);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "changed", no_argument, NULL, 'G' },
		{ "color", optional_argument, NULL, 'C' },
		{ "config", required_argument, NULL, 'c' },
		{ "explain", required_argument, NULL, 'E' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "fix", no_argument, NULL, 'X' },
		{ "filename", required_argument, NULL, 'I' },
		{ "format", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "list-rules", no_argument, NULL, 'L' },
		{ "lsp", no_argument, NULL, 'P' },
		{ "namespace", required_argument, NULL, 'n' },
		{ "no-config", no_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "show-suppressed", no_argument, NULL, 's' },
		{ "stdin-filename", required_argument, NULL, 'S' },
		{ "var", required_argument, NULL, 'A' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "var-file", required_argument, NULL, 'W' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct arena		 arena = ARENA_INIT;
	struct config		 cfg;
	struct model		 m;
	struct bindings		 bs;
	struct diags		 dg;
	struct report_opts	 ro;
	struct report_checked	 checked;
	struct load_opts	 lo;
	enum format		 format = FORMAT_TEXT;
	enum color		 color = COLOR_AUTO;
	int			 ch, fail_on = -1, status, s;
	size_t			 i;
	int			 list = 0, no_config = 0, quiet = 0, verbose = 0;
	int			 fix = 0, changed = 0, lsp = 0, nargs = argc;
	unsigned int		 jobs = 0;
	struct changed		 ch_set;
	size_t			 nhidden = 0;
	struct output		 outs[MAX_OUTPUTS];
	const char		*argv0;
	size_t			 nout = 0, k;
	int			 pass;
	const char		*ns = NULL, *stdin_name = NULL;
	const char		*cfg_file = NULL, *explain_id = NULL;

	set_progname(argv[0]);
	report_progname = progname;
	xjson_init();		/* before any thread is started */
	argv0 = argv[0];
	saved_argv = xreallocarray(NULL, (size_t)argc + 1, sizeof(*saved_argv));
	memcpy(saved_argv, argv, ((size_t)argc + 1) * sizeof(*argv));
	/* getopt_long(3) names argv[0] in its messages: the program's name. */
	argv[0] = (char *)progname;
	memset(&ro, 0, sizeof(ro));
	memset(&lo, 0, sizeof(lo));
	files = xreallocarray(NULL, (size_t)argc + 1, sizeof(*files));
	tfv = xreallocarray(NULL, (size_t)argc + 1, sizeof(*tfv));
	while ((ch = getopt_long(argc, argv, "f:hj:n:o:qvV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'C':
			color = parse_color(optarg);
			break;
		case 'G':
			changed = 1;
			break;
		case 'c':
			cfg_file = optarg;
			break;
		case 'E':
			explain_id = optarg;
			break;
		case 'F':
			fail_on = parse_fail_on(optarg);
			break;
		case 'f':
			if (plugin)
				files[nfiles++] = optarg;
			else
				format = parse_format(optarg);
			break;
		case 'I':
			files[nfiles++] = optarg;
			break;
		case 'T':
			format = parse_format(optarg);
			break;
		case 'h':
			usage(stdout, 0);
		case 'j':
			jobs = parse_jobs("-j", optarg);
			break;
		case 'L':
			list = 1;
			break;
		case 'P':
			lsp = 1;
			break;
		case 'n':
			if (*optarg == '\0') {
				warnx("--namespace: empty namespace");
				usage(stderr, 2);
			}
			ns = optarg;
			break;
		case 'N':
			no_config = 1;
			break;
		case 'o':
			if (nout == MAX_OUTPUTS) {
				warnx("-o: at most %d outputs", MAX_OUTPUTS);
				usage(stderr, 2);
			}
			parse_output(optarg, &outs[nout++]);
			break;
		case 'q':
			quiet = 1;
			break;
		case 's':
			ro.show_suppressed = 1;
			break;
		case 'S':
			stdin_name = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'X':
			fix = 1;
			break;
		case 'A':
			if (strchr(optarg, '=') == NULL || *optarg == '=') {
				warnx("--var %s: expected NAME=VALUE", optarg);
				usage(stderr, 2);
			}
			/* FALLTHROUGH */
		case 'W':
			tfv[lo.ntf_vars].text = optarg;
			tfv[lo.ntf_vars++].file = ch == 'W';
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
	for (k = 0; k < nout; k++)
		if (!outs[k].given)
			outs[k].format = format;
	/* The workspace's .irsalint.yaml says what to lint, not options. */
	if (lsp && nargs != 2) {
		warnx("--lsp takes no other option and no path");
		usage(stderr, 2);
	}
	if (lsp)
		return lsp_main();
	if (explain_id != NULL)
		return explain(explain_id);
	if (list) {
		if (format == FORMAT_JSON)
			report_rules_json(stdout);
		else if (format == FORMAT_MDOC)
			report_rules_mdoc(stdout);
		else if (format == FORMAT_TEXT)
			report_rules_text(stdout);
		else {
			warnx("--list-rules: format must be text, json or "
			    "mdoc");
			usage(stderr, 2);
		}
		return 0;
	}
	if (format == FORMAT_MDOC) {
		warnx("--format mdoc: only with --list-rules");
		usage(stderr, 2);
	}
	if (changed && fix) {
		warnx("--changed and --fix exclude each other");
		usage(stderr, 2);
	}
	if (changed && (argc == 0 || nfiles > 0)) {
		warnx("--changed: name the changed files as operands");
		usage(stderr, 2);
	}
	if (cfg_file != NULL && no_config) {
		warnx("--config and --no-config exclude each other");
		usage(stderr, 2);
	}

	/*
	 * A broken configuration is reported with the findings, in every
	 * format, rather than instead of them: config_load() then leaves
	 * the built-in defaults in cfg, the inputs are linted with those,
	 * and its errors make the exit status 2.
	 */
	diags_init(&dg, &arena);
	dg.root = lo.root = config_root(&arena);
	config_init(&cfg, &arena);
	if (!no_config && cfg_file == NULL)
		cfg_file = config_find(&arena);
	if (cfg_file != NULL)
		(void)config_load(&cfg, &arena, cfg_file, &dg);
	if (fail_on < 0)
		fail_on = cfg.fail_on != CONFIG_UNSET ? cfg.fail_on :
		    SEV_WARNING;
	/*
	 * Nothing named: the configuration's inputs, so that every entry
	 * point (a bare run, a hook, the Action) lints the same picture.
	 */
	if (changed) {
		changed_init(&ch_set, &arena, argv, argc, cfg.file);
		argc = 0;
	}
	if (argc == 0 && nfiles == 0) {
		if (cfg.ninputs > 0) {
			argv = (char **)cfg.inputs;
			argc = (int)cfg.ninputs;
		} else if (changed) {
			/* The whole repository, as the hooks document. */
			static char	*root[1];

			root[0] = (char *)rel_root(&arena, dg.root);
			argv = root;
			argc = 1;
		} else if (dg.nerrors == 0) {
			warnx("no input: name a plan, .tf sources, manifests or "
			    "a directory, or list them under inputs: in "
			    ".irsalint.yaml");
			usage(stderr, 2);
		}
	}

	model_init(&m, &arena);
	if (ns != NULL)
		m.default_ns = ns;
	else if (cfg.ns != NULL)
		m.default_ns = cfg.ns;
	m.stdin_name = stdin_name;
	lo.tf_vars = tfv;
	lo.jobs = jobs > 0 ? jobs : default_jobs();
	lo.split_min = split_min();
	m.load_opts = &lo;
	for (i = 0; i < nfiles; i++)
		load_path(&m, &dg, files[i]);
	for (; argc > 0; argc--, argv++)
		load_path(&m, &dg, *argv);
	lo.tf_vars = tfv;
	load_finish(&m, &dg, &lo);
	config_deploy(&cfg, &m);
	model_index(&m);
	bindings_init(&bs);
	engine_run(&m, &dg, &bs);
	suppress_apply(&dg, &m, cfg.file != NULL ? &cfg : NULL);
	if (changed)
		nhidden = changed_filter(&ch_set, &dg, &m, quiet);
	diags_sort(&dg);
	diags_fingerprint(&dg);
	/*
	 * --fix: write the fixes, then lint again what they made, so that
	 * the report and the exit status are those of the fixed files.
	 */
	if (fix) {
		size_t	 nf;
		int	 nl;

		nl = fix_apply(&dg, NULL, stdin_name != NULL ? stdin_name :
		    "<stdin>", fix_unchanged, &m, &nf);
		if (nl > 0)
			fprintf(stderr, "%s: --fix: %d line%s changed in %zu "
			    "file%s; linting them again\n", progname, nl,
			    nl == 1 ? "" : "s", nf, nf == 1 ? "" : "s");
		if (nl > 0 || nl < 0) {
			fflush(stderr);
			relint(argv0, nl < 0);
		}
	}
	ro.nfiles = m.nfiles;
	ro.stdin_name = stdin_name != NULL ? stdin_name : "<stdin>";
	ro.root = dg.root;
	summary(&arena, &checked, &m, &bs);
	ro.checked = &checked;
	/* Without -o, one report on standard output in -f's format. */
	if (nout == 0) {
		outs[0].format = format;
		outs[0].path = "-";
		nout = 1;
	}
	/*
	 * Reports that keep paths as given first; then code scanning,
	 * annotations and GitLab, which name repository paths.
	 */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			diags_rebase(&dg);
		for (k = 0; k < nout; k++)
			if (rebased(outs[k].format) == pass)
				write_output(&outs[k], color, &m, &bs, &dg, &ro);
	}
	format = outs[0].format;
	for (k = 0; k < nout; k++)
		if (strcmp(outs[k].path, "-") == 0)
			format = outs[k].format;
	if (format == FORMAT_TEXT && !quiet && m.nfiles > 0)
		fprintf(stderr, "%s: %s\n", progname, checked.line);
	for (k = 0; verbose && k < m.unread.n; k++)
		fprintf(stderr, "%s: %s: read, but it holds no Kubernetes "
		    "object, Terraform, CloudFormation or AWS CLI output\n",
		    progname, m.unread.v[k]);
	if (format == FORMAT_TEXT && !quiet && nhidden > 0)
		fprintf(stderr, "%s: %zu finding%s outside the changed files "
		    "not shown\n", progname, nhidden, nhidden == 1 ? "" : "s");
	if (format == FORMAT_TEXT && dg.nsuppressed > 0 && !ro.show_suppressed)
		fprintf(stderr, "%s: %zu suppressed finding%s not shown "
		    "(--show-suppressed lists them)\n", progname,
		    dg.nsuppressed, dg.nsuppressed == 1 ? "" : "s");

	status = 0;
	for (s = fail_on; s < SEV__MAX; s++)
		if (dg.count[s] > 0)
			status = 1;
	if (dg.nerrors > 0 || getenv("IRSALINT_FIX_FAILED") != NULL)
		status = 2;
	bindings_release(&bs);
	diags_release(&dg);
	model_release(&m);
	arena_release(&arena);
	return status;
}
