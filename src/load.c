/* SPDX-License-Identifier: ISC */
/*
 * Input dispatch: walk PATH arguments, tell each file's format by its
 * content, and hand the bytes to the loader it calls for.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "input.h"
#include "load.h"
#include "load_pool.h"
#include "model.h"
#include "strmap.h"
#include "util.h"
#include "xalloc.h"

/*
 * A file read by a thread of the pool (-j): into a model, diagnostics
 * and arena of its own, merged into the run's in the order the files
 * were found, so that the model is the one a single thread builds.
 */
struct load_job {
	const char		*path;		/* as reported */
	FILE			*fp;		/* standard input, or NULL */
	int			 named;
	const char		*default_ns;	/* the run's model's */
	const char		*stdin_name;
	const struct load_opts	*opts;
	struct load_walk	*walk;		/* the walk that found it */
	struct load_jobs	*jobs;		/* its pool's */
	struct load_out		*out;		/* what it read, once run */
	size_t			 files;		/* load_file's answer */
	char			*aws;		/* AWS CLI output, to load */
	size_t			 aws_len;
	struct load_aws_parse	 aws_parse;	/* its JSON, parsed here */
	struct stat		*fill;		/* the file's stat(2) as it is
						   opened, for --fix, or NULL */
	/* A part of a file read in parts, or NULL, and which part. */
	struct load_split	*split;
	struct load_part	 part;
	size_t			 ipart;
	size_t			 ndocs;		/* the part's documents */
};

/*
 * A stream of manifests read in parts on the pool's threads.  The
 * parts come back in order; once the last is back they are merged as
 * one file, or, when any reported an error, a bound was passed, or the
 * run's objects would pass theirs, dropped and the file read again on
 * the caller's thread: its model and messages are the ones one thread
 * reading the whole file makes.
 */
struct load_split {
	struct load_job		**parts;
	size_t			  n;
	struct stat		 *fill;
};

/* An entry of a directory being walked: its name, its d_type. */
struct dent {
	char		*name;
	unsigned char	 type;
};

/* What a job read: allocated when it runs, not while it waits. */
struct load_out {
	struct model		 m;
	struct diags		 dg;
};

/* A directory named on the command line, and how many files it gave. */
struct load_walk {
	struct loc		 loc;
	size_t			 files;
	struct load_walk	*next;
};

/*
 * The state of a parallel load, in the run's model (model.h).  Each
 * thread allocates from an arena of its own, kept across its jobs (a
 * fresh arena a file would leave most of a block unused for each small
 * file), and adopted into the run's once the threads have stopped.
 */
struct load_jobs {
	struct load_pool	*pool;
	struct arena		 arenas[LOAD_MAX_JOBS];	/* one a thread */
	struct load_walk	*walks;		/* to check when merged */
};

/* What content sniffing found an input to be. */
enum input_kind {
	INPUT_K8S,
	INPUT_TERRAFORM,
	INPUT_CFN,
	INPUT_AWS
};

static size_t	load_dir(struct model *, struct diags *, const char *, int,
		    struct load_walk *);
static size_t	read_file(struct model *, struct diags *, const char *,
		    FILE *, int, struct load_walk *, struct stat *);
static void	job_run(void *, unsigned int);
static int	split_file(struct model *, const char *, int,
		    struct load_walk *, struct stat *);
static int	split_ok(const char *, const char *, size_t, int);
static void	split_merge(struct model *, struct diags *,
		    struct load_split *);
static void	job_merge(struct model *, struct diags *, struct load_job *);
static void	jobs_drain(struct model *, struct diags *);
static size_t	read_file_here(struct model *, struct diags *, const char *,
		    int, struct stat *);
static void	walk_empty(struct diags *, const struct loc *);
static int	seen_real(struct model *, const char *, const struct stat *,
		    struct stat **);
static int	ent_cmp(const void *, const void *);
static int	in_root(const struct model *, const char *);
static size_t	load_file(struct model *, struct diags *, struct load_job *,
		    const char *,
		    FILE *, int);
static int	blank(const char *, size_t);
static int	named_not_json(struct diags *, const struct loc *,
		    const char *, size_t);
static int	load_wanted(const char *);
static int	name_cmp(const void *, const void *);
static enum input_kind sniff(const char *, size_t);
static int	is_terraform(const char *, size_t);
static int	json_is_cfn(unsigned int);
static int	json_is_aws(unsigned int);
static size_t	skip_space(const char *, size_t);
static int	yaml_is_cfn(const char *, size_t);
static const char *dir_of(struct model *, const char *);
static int	unrendered(struct model *, struct diags *, const char *,
		    const char *const *, size_t);
static char	*read_small(const struct model *, const char *, size_t *);
static int	jsonc(const char *, size_t);
static size_t	load_jsonc(struct model *, struct diags *, const char *,
		    FILE *, const char *, size_t);
static int	already_read(struct model *, struct diags *, const char *);
static int	outside_root(struct model *, struct diags *, const char *);
static size_t	load_stdin_tf(struct model *, struct diags *, const char *,
		    FILE *, const char *, size_t);

/*
 * The top-level keys that tell formats apart, found in one pass over a
 * JSON input (a file of thousands of roles was scanned once per key).
 */
enum {
	JK_AWSTFV, JK_RESOURCES, JK_TEMPLATEBODY,	/* CloudFormation */
	JK_APIVERSION,					/* Kubernetes */
	JK_ROLE, JK_ROLES, JK_OIDCLIST, JK_URL, JK_CLIENTIDS, JK_CLUSTER,
	JK_ASSOCIATION, JK_ASSOCIATIONS,		/* AWS CLI */
	JK_N
};
static const char *const json_keys[JK_N] = {
	"AWSTemplateFormatVersion", "Resources", "TemplateBody",
	"apiVersion",
	"Role", "Roles", "OpenIDConnectProviderList", "Url", "ClientIDList",
	"cluster", "association", "associations"
};
#define JK(b)	(1U << (b))
/* Any one of these makes a CloudFormation template, whatever else. */
#define JK_CFN	(JK(JK_AWSTFV) | JK(JK_RESOURCES) | JK(JK_TEMPLATEBODY))

/*
 * Content sniffing: every decision about which loader reads an input
 * is taken here, from its bytes, so that the loaders never look at
 * each other's formats.  Terraform JSON is recognised by its own
 * top-level keys near the start of a JSON object: "format_version" and
 * "terraform_version" in `show -json` output, "terraform_version" and
 * "lineage" in a raw state.  CloudFormation templates and AWS CLI
 * output are told by their own top-level keys.  Everything else is
 * taken for Kubernetes YAML or JSON.
 */
static enum input_kind
sniff(const char *data, size_t len)
{
	size_t		 i = skip_space(data, len);
	unsigned int	 k;

	if (i == len || data[i] != '{')
		return yaml_is_cfn(data, len) ? INPUT_CFN : INPUT_K8S;
	if (is_terraform(data + i, len - i))
		return INPUT_TERRAFORM;
	/* A template's first key is most often AWSTemplateFormatVersion. */
	k = load_json_top_keys(data, len, json_keys, JK_N, JK_CFN);
	if (json_is_cfn(k))
		return INPUT_CFN;
	if (json_is_aws(k))
		return INPUT_AWS;
	return INPUT_K8S;
}

/*
 * Terraform's own keys near the start of a JSON object (data starts at
 * its brace).
 */
static int
is_terraform(const char *data, size_t len)
{
	static const char	 tv[] = "\"terraform_version\"";
	static const char	 fv[] = "\"format_version\"";
	size_t			 n = len < 4096 ? len : 4096;

	/* strstr() of the first 4 KiB, which stopped at a NUL byte. */
	if (memchr(data, '\0', n) != NULL)
		n = (size_t)((const char *)memchr(data, '\0', n) - data);
	return mem_find(data, n, tv, sizeof(tv) - 1) != NULL ||
	    mem_find(data, n, fv, sizeof(fv) - 1) != NULL;
}

/*
 * Scan JSON text for a key of its top-level object, outside strings
 * and nested values.  Keys are compared as written, escapes included.
 */
int
load_json_has_key(const char *data, size_t len, const char *key)
{
	return load_json_top_keys(data, len, &key, 1, 1) != 0;
}

unsigned int
load_json_top_keys(const char *data, size_t len, const char *const *keys,
    size_t nkeys, unsigned int stop)
{
	/* The bytes that change what the scan is in. */
	static const unsigned char special[256] = {
		['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1, ['"'] = 1
	};
	const char	*q;
	size_t		 i, k, start, bs;
	unsigned int	 found = 0;
	int		 depth = 0, seen = 0, hit;

	for (i = 0; i < len; i++) {
		while (i < len && !special[(unsigned char)data[i]])
			i++;
		if (i == len)
			break;
		if (data[i] == '{' || data[i] == '[')
			seen = ++depth;
		else if (data[i] == '}' || data[i] == ']')
			depth--;
		else {
			/*
			 * The string ends at the first quote after an even
			 * run of backslashes: each escapes the next byte.
			 */
			start = ++i;
			for (;;) {
				if ((q = memchr(data + i, '"', len - i)) ==
				    NULL) {
					i = len;
					break;
				}
				i = (size_t)(q - data);
				for (bs = 0; i - bs > start &&
				    data[i - bs - 1] == '\\'; bs++)
					continue;
				if (bs % 2 == 0)
					break;
				i++;
			}
			if (depth != 1 || i >= len)
				continue;
			for (hit = -1, k = 0; k < nkeys && hit == -1; k++)
				if (strlen(keys[k]) == i - start &&
				    memcmp(data + start, keys[k], i - start) == 0)
					hit = (int)k;
			if (hit == -1)
				continue;
			for (i++; i < len && strchr(" \t\r\n", data[i]) != NULL;
			    i++)
				continue;
			if (i < len && data[i] == ':') {
				found |= 1U << hit;
				if (found & stop)
					break;
			}
			i--;
		}
		if (depth <= 0 && seen)
			break;
	}
	return found;
}

static int
json_is_cfn(unsigned int k)
{
	return (k & JK_CFN) != 0;
}

/*
 * Is this the JSON output of one of the AWS CLI commands load_aws.c
 * reads: aws iam get-role, list-roles, get-open-id-connect-provider,
 * list-open-id-connect-providers, aws eks describe-cluster,
 * list-pod-identity-associations, describe-pod-identity-association?
 * A Kubernetes JSON manifest (apiVersion) never is.
 */
static int
json_is_aws(unsigned int k)
{
	if (k & JK(JK_APIVERSION))
		return 0;
	return (k & (JK(JK_ROLE) | JK(JK_ROLES) | JK(JK_OIDCLIST) |
	    JK(JK_CLUSTER) | JK(JK_ASSOCIATION) | JK(JK_ASSOCIATIONS))) != 0 ||
	    (k & (JK(JK_URL) | JK(JK_CLIENTIDS))) ==
	    (JK(JK_URL) | JK(JK_CLIENTIDS));
}

/* The first byte that is not white space, or len. */
static size_t
skip_space(const char *data, size_t len)
{
	size_t	 i;

	for (i = 0; i < len && strchr(" \t\r\n", data[i]) != NULL; i++)
		continue;
	return i;
}

/*
 * A CloudFormation template in YAML: AWSTemplateFormatVersion or
 * Resources at the start of a line, where only top-level keys stand;
 * Kubernetes manifests never have them.
 */
static int
yaml_is_cfn(const char *data, size_t len)
{
	static const char	 afv[] = "AWSTemplateFormatVersion";
	static const char	 res[] = "Resources";
	const char	*q, *nl, *end = data + len;
	size_t		 n;

	for (q = data; q < end; q = nl + 1) {
		if (*q == '"' || *q == '\'')
			q++;
		/* Most lines start with neither key's first letter. */
		n = q == end ? 0 : *q == 'A' ? sizeof(afv) - 1 :
		    *q == 'R' ? sizeof(res) - 1 : 0;
		if (n > 0 && (size_t)(end - q) > n &&
		    memcmp(q, n == sizeof(afv) - 1 ? afv : res, n) == 0 &&
		    q[n] != '\0' && strchr("\"': \t", q[n]) != NULL)
			return 1;
		if ((nl = memchr(q, '\n', (size_t)(end - q))) == NULL)
			break;
	}
	return 0;
}

/*
 * Is this a CloudFormation template?  JSON: a top-level key
 * AWSTemplateFormatVersion, Resources or TemplateBody; YAML: see
 * yaml_is_cfn().
 */
int
load_cfn_detect(const char *data, size_t len)
{
	size_t	 i = skip_space(data, len);

	if (i < len && data[i] == '{')
		return json_is_cfn(load_json_top_keys(data, len, json_keys,
		    JK_N, JK_CFN));
	return yaml_is_cfn(data, len);
}

int
load_aws_detect(const char *data, size_t len)
{
	size_t	 i = skip_space(data, len);

	if (i == len || data[i] != '{')
		return 0;
	return json_is_aws(load_json_top_keys(data, len, json_keys, JK_N,
	    JK(JK_APIVERSION)));
}

void
load_buffer(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	m->nfiles++;
	switch (sniff(data, len)) {
	case INPUT_TERRAFORM:
		load_tf(m, dg, file, data, len);
		break;
	case INPUT_CFN:
		load_cfn(m, dg, file, data, len);
		break;
	case INPUT_AWS:
		load_aws(m, dg, file, data, len);
		break;
	default:
		load_k8s(m, dg, file, data, len);
		break;
	}
}

/*
 * Inputs people pass by mistake, which would otherwise be read as YAML
 * that holds no object and pass without a word: say what to lint
 * instead.  head is the first n bytes of the file.
 */
static int
wrong_input(struct diags *dg, const struct loc *loc, const char *head,
    size_t n)
{
	/* Each starts with a 'T' or an 'N', which most lines do not. */
#define PLAN_LINE(s)	{ s, sizeof(s) - 1 }
	static const struct {
		const char	*s;
		size_t		 len;
	} text_plan[] = {
	    PLAN_LINE("Terraform will perform the following actions"),
	    PLAN_LINE("Terraform used the selected providers"),
	    PLAN_LINE("Terraform detected the following changes"),
	    PLAN_LINE("No changes. Your infrastructure matches the "
		"configuration.")
	};
#undef PLAN_LINE
	const char	*p, *end = head + n;
	size_t		 i, len;

	if (n >= 4 && memcmp(head, "PK\003\004", 4) == 0) {
		diag_error(dg, loc, "a binary Terraform plan (a zip file): "
		    "lint its JSON, terraform show -json %s > plan.json",
		    loc->file);
		return 1;
	}
	if (str_has_suffix(loc->file, ".tfvars") ||
	    str_has_suffix(loc->file, ".hcl")) {
		diag_error(dg, loc, "%s is not an input: name the directory "
		    "of the Terraform module, and give variables files with "
		    "--var-file", loc->file);
		return 1;
	}
	for (p = head; p < end; p = memchr(p, '\n', (size_t)(end - p)),
	    p = p != NULL ? p + 1 : end) {
		/* Past color: terraform plan colors unless -no-color. */
		while (end - p > 2 && p[0] == '\033' && p[1] == '[') {
			for (p += 2; p < end && *p != 'm' && *p != '\n'; p++)
				continue;
			if (p < end && *p == 'm')
				p++;
		}
		if (p == end || (*p != 'T' && *p != 'N'))
			continue;
		for (i = 0; i < sizeof(text_plan) / sizeof(text_plan[0]);
		    i++) {
			len = text_plan[i].len;
			if ((size_t)(end - p) >= len &&
			    memcmp(p, text_plan[i].s, len) == 0) {
				diag_error(dg, loc, "the text output of "
				    "terraform plan: lint its JSON, "
				    "terraform plan -out=tfplan && terraform "
				    "show -json tfplan > plan.json");
				return 1;
			}
		}
	}
	return 0;
}

/*
 * Read an input.  Its first bytes tell the format: Terraform JSON,
 * CloudFormation templates and AWS CLI output are read whole, manifests are streamed a line at
 * a time, so that memory does not grow with them.
 */
/* Is the text nothing but white space? */
static int
blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strchr(" \t\r\n", s[i]) == NULL)
			return 0;
	return 1;
}

/*
 * A file named on the command line as .json must hold JSON (comments
 * allowed, as in tsconfig.json): YAML would read "this is not json {"
 * as a scalar and find nothing, silently.  Files found by a walk are
 * not held to this, so that a repository's other JSON files pass.
 */
static int
named_not_json(struct diags *dg, const struct loc *loc, const char *head,
    size_t n)
{
	size_t	 i;

	if (!str_has_suffix(loc->file, ".json"))
		return 0;
	for (i = 0; i < n && strchr(" \t\r\n", head[i]) != NULL; i++)
		continue;
	if (i == n || head[i] == '{' || head[i] == '[' ||
	    (i + 1 < n && head[i] == '/' && (head[i + 1] == '/' ||
	    head[i + 1] == '*')))
		return 0;
	diag_error(dg, loc, "not JSON: a .json file must start with '{' or "
	    "'['; name YAML as .yaml");
	return 1;
}

static size_t
load_file(struct model *m, struct diags *dg, struct load_job *job,
    const char *file, FILE *fp, int named)
{
	struct buf	 b = BUF_INIT;
	struct loc	 loc = { file, 0, 0, 0, 0 };
	struct stat	 st;
	char		 chunk[65536];
	size_t		 n, nobjs, nerr;
	enum input_kind	 kind;

	/*
	 * A template may put Resources after a long Parameters section:
	 * sniff the first 64 KiB, not 4.
	 */
	n = fread(chunk, 1, sizeof(chunk), fp);
	if (ferror(fp)) {
		diag_error(dg, &loc, "cannot read: %s", strerror(errno));
		return 0;
	}
	if (wrong_input(dg, &loc, chunk, n)) {
		m->nfiles++;
		return 1;
	}
	/*
	 * An input named on purpose that holds nothing is a mistake
	 * upstream (helm template failed, a redirection truncated the
	 * file): never a silent pass.
	 */
	if (named && n < sizeof(chunk) && blank(chunk, n)) {
		diag_error(dg, &loc, fp == stdin ? "standard input is empty: "
		    "did the command that feeds it (helm template, kustomize "
		    "build) fail?" : "the file is empty: nothing to lint");
		return 0;
	}
	if (named && named_not_json(dg, &loc, chunk, n))
		return 0;
	/* Terraform source on standard input: a root module of its own. */
	if (fp == stdin && (str_has_suffix(file, ".tf") ||
	    str_has_suffix(file, ".tf.json")))
		return load_stdin_tf(m, dg, file, fp, chunk, n);
	m->nfiles++;
	kind = sniff(chunk, n);
	if (kind == INPUT_K8S && str_has_suffix(file, ".json") &&
	    jsonc(chunk, n))
		return load_jsonc(m, dg, file, fp, chunk, n);
	if (kind == INPUT_K8S) {
		nobjs = m->objs.n;
		nerr = dg->nerrors;
		load_k8s_stream(m, dg, file, fp, chunk, n);
		if (ferror(fp))
			diag_error(dg, &loc, "cannot read: %s",
			    strerror(errno));
		/*
		 * YAML or JSON without a Kubernetes object (a compose file,
		 * a workflow, chart values): not an error, so that a list of
		 * changed files can be passed, but counted apart and named
		 * with -v, never taken for a checked manifest.
		 */
		if (m->objs.n == nobjs && dg->nerrors == nerr) {
			m->nk8s--;
			m->unread.v = xreallocarray(m->unread.v,
			    m->unread.n + 1, sizeof(*m->unread.v));
			m->unread.v[m->unread.n++] = file;
		}
		return 1;
	}
	buf_add(&b, chunk, n);
	/* A large file's buffer made at its size, at once. */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size >= BUF_HUGE &&
	    (uintmax_t)st.st_size <= LOAD_MAX_FILE_SIZE)
		buf_grow_huge(&b, (size_t)st.st_size - b.len);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (b.len + n > LOAD_MAX_FILE_SIZE) {
			diag_error(dg, &loc, "file is larger than %lu MiB",
			    LOAD_MAX_FILE_SIZE / (1024 * 1024));
			buf_release(&b);
			return 0;
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(fp)) {
		diag_error(dg, &loc, "cannot read: %s", strerror(errno));
		buf_release(&b);
		return 0;
	}
	/*
	 * The first bytes chose a loader that reads files whole; the whole
	 * file decides which, and is AWS CLI output unless something else.
	 */
	kind = sniff(b.buf, b.len);
	if (kind == INPUT_TERRAFORM)
		load_tf(m, dg, file, b.buf, b.len);
	else if (kind == INPUT_CFN)
		load_cfn(m, dg, file, b.buf, b.len);
	else if (job != NULL) {
		/*
		 * AWS CLI outputs complete each other (a provider's ARN in
		 * one, its client IDs in another): read when merged, in
		 * order, into the run's model.
		 */
		job->aws = buf_detach(&b, &job->aws_len);
		load_aws_parse(job->aws, job->aws_len, &job->aws_parse);
		return 1;
	} else
		load_aws(m, dg, file, b.buf, b.len);
	buf_release(&b);
	return 1;
}

static size_t
load_stdin_tf(struct model *m, struct diags *dg, const char *file, FILE *fp,
    const char *chunk, size_t n)
{
	struct buf	 b = BUF_INIT;
	struct loc	 loc = { file, 0, 0, 0, 0 };
	char		 more[65536];

	buf_add(&b, chunk, n);
	while ((n = fread(more, 1, sizeof(more), fp)) > 0) {
		if (b.len + n > LOAD_MAX_FILE_SIZE) {
			diag_error(dg, &loc, "file is larger than %lu MiB",
			    LOAD_MAX_FILE_SIZE / (1024 * 1024));
			buf_release(&b);
			return 0;
		}
		buf_add(&b, more, n);
	}
	load_tf_buffer(m, dg, file, b.buf != NULL ? b.buf : "", b.len,
	    m->load_opts);
	buf_release(&b);
	return 1;
}

static int
load_wanted(const char *name)
{
	return str_has_suffix(name, ".yaml") || str_has_suffix(name, ".yml") ||
	    str_has_suffix(name, ".json") || str_has_suffix(name, ".tfstate");
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory's entries by name, as name_cmp() orders names. */
static int
ent_cmp(const void *a, const void *b)
{
	const struct dent	*x = a, *y = b;

	return name_cmp(&x->name, &y->name);
}

/*
 * Recurse into a directory in sorted order, so that output does not
 * depend on the file system.  Hidden entries and .terraform (provider
 * caches) are skipped, and symbolic links to directories are not
 * followed, so a link loop cannot trap the walk.
 */
static size_t
load_dir(struct model *m, struct diags *dg, const char *dir, int depth,
    struct load_walk *walk)
{
	struct loc	 loc = { dir, 0, 0, 0, 0 };
	struct dirent	*de;
	struct stat	 st, *fill;
	DIR		*dp;
	struct dent	*ents = NULL;
	char		**names, *path;
	size_t		 n = 0, cap = 0, i, files = 0;
	int		 has_tf = 0, rdir_ok, reg, st_known;
	char		 rdir[PATH_MAX], rbuf[PATH_MAX];
	const char	*real;

	if (depth > LOAD_MAX_DIR_DEPTH) {
		diag_error(dg, &loc, "directories nested deeper than %d levels",
		    LOAD_MAX_DIR_DEPTH);
		return 0;
	}
	if ((dp = opendir(dir)) == NULL) {
		diag_error(dg, &loc, "cannot open directory: %s",
		    strerror(errno));
		return 0;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			ents = xreallocarray(ents, cap, sizeof(*ents));
		}
		ents[n].name = xstrdup(de->d_name);
		/* DT_UNKNOWN where the file system does not say. */
		ents[n++].type = de->d_type;
	}
	closedir(dp);
	if (n > 0)
		qsort(ents, n, sizeof(*ents), ent_cmp);
	names = xreallocarray(NULL, n > 0 ? n : 1, sizeof(*names));
	for (i = 0; i < n; i++)
		names[i] = ents[i].name;
	rdir_ok = realpath(dir, rdir) != NULL && in_root(m, rdir);
	/*
	 * A Helm chart's templates, and a kustomization that transforms
	 * its resources, are not the manifests that are applied: reading
	 * them as they are would check something else.  Say so, at the
	 * file that tells, and read nothing of the directory.
	 */
	if (unrendered(m, dg, dir, (const char *const *)names, n)) {
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
		free(ents);
		return 1;
	}
	/* Files given to the pool are counted when they are merged. */
	if (depth == 0 && m->load_opts != NULL && m->load_opts->jobs > 1) {
		walk = arena_alloc(m->arena, sizeof(*walk));
		walk->loc = loc;
	}
	for (i = 0; i < n; i++) {
		/* "k8s/sa.yaml" in a walk of ".", as git and grep name it. */
		if (strcmp(dir, ".") == 0)
			path = arena_strdup(m->arena, names[i]);
		else
			path = arena_printf(m->arena, "%s%s%s", dir,
			    str_has_suffix(dir, "/") ? "" : "/", names[i]);
		/*
		 * A file of the directory that is not a link is at its real
		 * path under the directory's: no realpath(3) a file.
		 */
		real = NULL;
		if (rdir_ok && (size_t)snprintf(rbuf, sizeof(rbuf), "%s%s%s",
		    rdir, strcmp(rdir, "/") == 0 ? "" : "/", names[i]) <
		    sizeof(rbuf))
			real = rbuf;
		free(names[i]);
		/*
		 * A regular file's stat(2) is taken by its reader, on its
		 * thread, from the file it opens; anything else is looked
		 * at here.
		 */
		st_known = ents[i].type != DT_REG;
		if (st_known && lstat(path, &st) == -1)
			continue;
		if (st_known && S_ISDIR(st.st_mode)) {
			files += load_dir(m, dg, path, depth + 1, walk);
			continue;
		}
		reg = !st_known || S_ISREG(st.st_mode);
		if ((str_has_suffix(path, ".tf") ||
		    str_has_suffix(path, ".tf.json")) && reg && !has_tf) {
			has_tf = 1;
			load_tf_dir(m, dir);
			files++;
		}
		if (!load_wanted(path) || str_has_suffix(path, ".tf.json"))
			continue;
		if (st_known && S_ISLNK(st.st_mode)) {
			real = NULL;
			if (stat(path, &st) == -1)
				continue;
			reg = S_ISREG(st.st_mode);
		}
		if (!reg)
			continue;
		fill = NULL;
		if (real != NULL ? seen_real(m, real, st_known ? &st : NULL,
		    st_known ? NULL : &fill) : already_read(m, dg, path))
			continue;
		files += read_file(m, dg, path, NULL, 0, walk, fill);
	}
	free(names);
	free(ents);
	if (depth > 0)
		return files;
	if (walk != NULL && m->jobs != NULL && m->jobs->pool != NULL) {
		/* Some files are being read: check when they are merged. */
		walk->files += files;
		walk->next = m->jobs->walks;
		m->jobs->walks = walk;
		return files;
	}
	if (files == 0)
		walk_empty(dg, &loc);
	return files;
}

static void
walk_empty(struct diags *dg, const struct loc *loc)
{
	diag_error(dg, loc, "no file was read: the directory holds no "
	    "*.yaml, *.yml, *.json, *.tfstate or *.tf file outside hidden "
	    "directories and .terraform");
}

/*
 * Read one file (fp: standard input, already open; else path is
 * opened), here or, with -j, on a thread of the pool: then 0, and the
 * answer counts in walk when the file is merged.
 */
static size_t
read_file(struct model *m, struct diags *dg, const char *path, FILE *std,
    int named, struct load_walk *walk, struct stat *fill)
{
	struct load_job	*j;

	if (m->load_opts != NULL && m->load_opts->jobs > 1) {
		if (m->jobs == NULL) {
			m->jobs = xcalloc(1, sizeof(*m->jobs));
			m->jobs->pool = load_pool_start(m->load_opts->jobs);
		}
		if (m->jobs->pool != NULL && std == NULL &&
		    split_file(m, path, named, walk, fill))
			return 0;
		if (m->jobs->pool != NULL) {
			j = xcalloc(1, sizeof(*j));
			j->path = path;
			j->fp = std;
			j->named = named;
			j->default_ns = m->default_ns;
			j->stdin_name = m->stdin_name;
			j->opts = m->load_opts;
			j->walk = walk;
			j->jobs = m->jobs;
			j->fill = fill;
			load_pool_add(m->jobs->pool, job_run, j);
			/* What is read already is merged, so as not to pile up. */
			while ((j = load_pool_ready(m->jobs->pool)) != NULL)
				job_merge(m, dg, j);
			return 0;
		}
	}
	if (std != NULL)
		return load_file(m, dg, NULL, path, std, named);
	return read_file_here(m, dg, path, named, fill);
}

/*
 * Could the file whose first n bytes are head be read in parts?  Only
 * what load_file() reads as a stream of YAML manifests: no error to
 * report from its first bytes, not JSON (read whole) and not a file
 * named .json, no byte order mark and no NUL (UTF-16 and -32 hold
 * NULs): a part is read as UTF-8 from its first byte.
 */
static int
split_ok(const char *file, const char *head, size_t n, int named)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 quiet;
	struct loc	 loc = { file, 0, 0, 0, 0 };
	size_t		 i;
	int		 bad;

	if (n == 0 || str_has_suffix(file, ".json") ||
	    memchr(head, '\0', n) != NULL ||
	    (unsigned char)head[0] == 0xef || (unsigned char)head[0] == 0xfe ||
	    (unsigned char)head[0] == 0xff)
		return 0;
	for (i = 0; i < n && strchr(" \t\r\n", head[i]) != NULL; i++)
		continue;
	if (i == n || head[i] == '{' || head[i] == '[' ||
	    sniff(head, n) != INPUT_K8S)
		return 0;
	diags_init(&quiet, &a);
	bad = wrong_input(&quiet, &loc, head, n) ||
	    (named && named_not_json(&quiet, &loc, head, n));
	diags_release(&quiet);
	arena_release(&a);
	return !bad;
}

/*
 * Read path in parts on the pool's threads, when it is a regular file
 * named as an input, of at least split_min bytes that split_ok() takes
 * and that can be cut
 * (load_split_points()); 0 to read it as one.  Four parts a thread, so
 * that the threads share the work whatever else they read (a plan).
 */
static int
split_file(struct model *m, const char *path, int named,
    struct load_walk *walk, struct stat *fill)
{
	const struct load_opts	*o = m->load_opts;
	struct load_part	 parts[LOAD_MAX_PARTS];
	struct load_split	*sp;
	struct load_job		*j;
	struct stat		 st;
	char			 head[65536];
	size_t			 n, k;
	FILE			*fp;

	/*
	 * Not a file a walk found: a tree is read a file a thread already,
	 * and the stat(2) would be one more system call for each file.
	 */
	if (o->split_min == 0 || o->overlay != NULL || walk != NULL ||
	    stat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size < o->split_min ||
	    (uintmax_t)st.st_size > LOAD_MAX_FILE_SIZE)
		return 0;
	if ((fp = load_fopen(o, path)) == NULL)
		return 0;
	n = fread(head, 1, sizeof(head), fp);
	if (ferror(fp) || fstat(fileno(fp), &st) == -1 ||
	    !S_ISREG(st.st_mode) || !split_ok(path, head, n, named) ||
	    (n = load_split_points(fileno(fp), st.st_size,
	    4 * o->jobs < LOAD_MAX_PARTS ? 4 * o->jobs : LOAD_MAX_PARTS,
	    parts)) < 2) {
		fclose(fp);
		return 0;
	}
	fclose(fp);
	if (fill != NULL)
		*fill = st;
	sp = xcalloc(1, sizeof(*sp));
	sp->parts = xcalloc(n, sizeof(*sp->parts));
	sp->n = n;
	sp->fill = fill;
	for (k = 0; k < n; k++) {
		j = xcalloc(1, sizeof(*j));
		j->path = path;
		j->named = named;
		j->default_ns = m->default_ns;
		j->stdin_name = m->stdin_name;
		j->opts = o;
		j->walk = walk;
		j->jobs = m->jobs;
		j->split = sp;
		j->part = parts[k];
		j->ipart = k;
		load_pool_add(m->jobs->pool, job_run, j);
	}
	return 1;
}

/* On thread t of the pool: the file into the job's own model. */
static void
job_run(void *arg, unsigned int t)
{
	struct load_job	*j = arg;
	struct load_out	*o;
	struct loc	 loc = { j->path, 0, 0, 0, 0 };
	FILE		*fp = j->fp;

	o = j->out = xcalloc(1, sizeof(*j->out));
	model_init(&o->m, &j->jobs->arenas[t]);
	o->m.default_ns = j->default_ns;
	o->m.stdin_name = j->stdin_name;
	o->m.load_opts = j->opts;
	diags_init(&o->dg, &j->jobs->arenas[t]);
	if (fp == NULL && (fp = load_fopen(j->opts, j->path)) == NULL) {
		diag_error(&o->dg, &loc, "cannot open: %s", strerror(errno));
		return;
	}
	if (j->split != NULL) {
		if (fseeko(fp, j->part.off, SEEK_SET) == -1)
			diag_error(&o->dg, &loc, "cannot read: %s",
			    strerror(errno));
		else
			j->ndocs = load_k8s_part(&o->m, &o->dg, j->path, fp,
			    j->part.len, j->part.line_base);
		if (ferror(fp))
			diag_error(&o->dg, &loc, "cannot read: %s",
			    strerror(errno));
		fclose(fp);
		return;
	}
	if (j->fill != NULL)
		(void)fstat(fileno(fp), j->fill);
	j->files = load_file(&o->m, &o->dg, j, j->path, fp, j->named);
	if (fp != j->fp)
		fclose(fp);
}

/* Every part of a file is back: merge them as one file, or read it. */
static void
split_merge(struct model *m, struct diags *dg, struct load_split *sp)
{
	struct load_job	*j;
	struct load_out	*o;
	size_t		 k, ndocs = 0, nobjs = 0, files;
	int		 again = m->objs_full;

	for (k = 0; k < sp->n; k++) {
		o = sp->parts[k]->out;
		ndocs += sp->parts[k]->ndocs;
		nobjs += o->m.objs.n;
		if (o->dg.nerrors > 0 || o->m.objs_full)
			again = 1;
	}
	if (ndocs > LOAD_MAX_DOCUMENTS || m->objs.n + nobjs > LOAD_MAX_OBJECTS)
		again = 1;
	for (k = 0; k < sp->n; k++) {
		o = sp->parts[k]->out;
		/* Dropped, what it allocated stays in its thread's arena. */
		if (!again) {
			model_adopt(m, &o->m);
			diags_adopt(dg, &o->dg);
		}
		model_release(&o->m);
		diags_release(&o->dg);
	}
	j = sp->parts[0];
	if (again)
		files = read_file_here(m, dg, j->path, j->named, sp->fill);
	else {
		/* As load_file() counts a stream of manifests. */
		files = 1;
		m->nfiles++;
		if (nobjs > 0)
			m->nk8s++;
		else {
			m->unread.v = xreallocarray(m->unread.v,
			    m->unread.n + 1, sizeof(*m->unread.v));
			m->unread.v[m->unread.n++] = j->path;
		}
	}
	if (j->walk != NULL)
		j->walk->files += files;
	for (k = 0; k < sp->n; k++) {
		free(sp->parts[k]->out);
		free(sp->parts[k]);
	}
	free(sp->parts);
	free(sp);
}

/*
 * A job's file into the run's model, as if read there now.  A file
 * whose objects pass LOAD_MAX_OBJECTS with those before it is read
 * again here, so that the bound stops it where one thread would.
 * Standard input cannot be read twice: its objects past the bound are
 * dropped, with the same error at the first of them.
 */
static void
job_merge(struct model *m, struct diags *dg, struct load_job *j)
{
	struct load_out	*o = j->out;
	struct loc	 loc;
	size_t		 room;

	if (j->split != NULL) {
		/* The parts come back in order: the last merges them all. */
		j->split->parts[j->ipart] = j;
		if (j->ipart + 1 == j->split->n)
			split_merge(m, dg, j->split);
		return;
	}
	if (m->objs_full || o->m.objs_full ||
	    m->objs.n + o->m.objs.n > LOAD_MAX_OBJECTS) {
		if (j->fp == NULL) {
			/* What it allocated stays in its thread's arena. */
			model_release(&o->m);
			diags_release(&o->dg);
			load_aws_parse_free(&j->aws_parse);
			free(j->aws);
			j->files = read_file_here(m, dg, j->path, j->named,
			    j->fill);
			goto out;
		}
		if (!m->objs_full && m->objs.n + o->m.objs.n >
		    LOAD_MAX_OBJECTS) {
			room = LOAD_MAX_OBJECTS - m->objs.n;
			loc = o->m.objs.v[room]->loc;
			o->m.objs.n = room;
			diag_error(&o->dg, &loc, "more than %d Kubernetes "
			    "objects; the rest are not read",
			    LOAD_MAX_OBJECTS);
		} else if (m->objs_full)
			o->m.objs.n = 0;
		m->objs_full = 1;
	}
	model_adopt(m, &o->m);
	diags_adopt(dg, &o->dg);
	model_release(&o->m);
	diags_release(&o->dg);
	if (j->aws != NULL) {
		load_aws_parsed(m, dg, j->path, j->aws, j->aws_len,
		    &j->aws_parse);
		free(j->aws);
	}
out:
	if (j->walk != NULL)
		j->walk->files += j->files;
	free(o);
	free(j);
}

/* Read path here, on the caller's thread. */
static size_t
read_file_here(struct model *m, struct diags *dg, const char *path,
    int named, struct stat *fill)
{
	struct loc	 loc = { path, 0, 0, 0, 0 };
	FILE		*fp;
	size_t		 n;

	if ((fp = load_fopen(m->load_opts, path)) == NULL) {
		diag_error(dg, &loc, "cannot open: %s", strerror(errno));
		return 0;
	}
	if (fill != NULL)
		(void)fstat(fileno(fp), fill);
	n = load_file(m, dg, NULL, path, fp, named);
	fclose(fp);
	return n;
}

/* Every job merged in order, the pool stopped, the walks checked. */
static void
jobs_drain(struct model *m, struct diags *dg)
{
	struct load_job		*j;
	struct load_walk	*w;
	size_t			 i;

	if (m->jobs == NULL)
		return;
	if (m->jobs->pool != NULL) {
		while ((j = load_pool_next(m->jobs->pool)) != NULL)
			job_merge(m, dg, j);
		load_pool_stop(m->jobs->pool);
	}
	for (i = 0; i < LOAD_MAX_JOBS; i++)
		arena_adopt(m->arena, &m->jobs->arenas[i]);
	for (w = m->jobs->walks; w != NULL; w = w->next)
		if (w->files == 0)
			walk_empty(dg, &w->loc);
	free(m->jobs);
	m->jobs = NULL;
}

/*
 * Has the file at path been read already, under any name?  Remembers
 * it if not.  A file that cannot be resolved is not remembered: its
 * error comes when it is opened.
 */
/* Is path outside the repository root?  Then an error says so. */
static int
outside_root(struct model *m, struct diags *dg, const char *path)
{
	struct loc	 loc = { path, 0, 0, 0, 0 };
	struct stat	 st;
	const char	*root;
	char		 real[PATH_MAX];

	root = m->load_opts != NULL ? m->load_opts->root : NULL;
	/* Devices and pipes (/dev/null, <(helm template ...)) hold no files. */
	if (root == NULL || strcmp(root, "/") == 0 ||
	    stat(path, &st) == -1 || (!S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) || realpath(path, real) == NULL)
		return 0;
	if (in_root(m, real))
		return 0;
	diag_error(dg, &loc, "not read: it is outside the repository (or a "
	    "link that leads out of it); lint from the repository that "
	    "holds it");
	return 1;
}

static int
already_read(struct model *m, struct diags *dg, const char *path)
{
	char	 real[PATH_MAX];

	if (realpath(path, real) == NULL)
		return 0;
	/*
	 * Nothing outside the repository is read: a link in a pull
	 * request (k8s/x.yaml -> ~/.aws/credentials) must not carry a
	 * file of the machine into the report.  Where it leads is not
	 * said either.
	 */
	if (outside_root(m, dg, path))
		return 1;
	return seen_real(m, real, NULL, NULL);
}

/*
 * Has the file at the real path real been read already?  Remembers it
 * if not, with st (its stat(2), or NULL to ask) for what --fix checks
 * before it writes: the file as it was read.  With later, nothing is
 * asked: *later is where the reader puts the stat of the file it opens.
 */
static int
seen_real(struct model *m, const char *real, const struct stat *st,
    struct stat **later)
{
	struct stat	*keep;

	if (strmap_get(&m->read_paths, real) != NULL)
		return 1;
	keep = arena_alloc(m->arena, sizeof(*keep));
	if (st != NULL)
		*keep = *st;
	else if (later != NULL)
		*later = keep;
	else if (stat(real, keep) == -1)
		keep = NULL;
	strmap_add(&m->read_paths, m->arena, arena_strdup(m->arena, real),
	    keep);
	return 0;
}

/* Is the real path real inside the repository root (or is there none)? */
static int
in_root(const struct model *m, const char *real)
{
	const char	*root;
	size_t		 n;

	root = m->load_opts != NULL ? m->load_opts->root : NULL;
	if (root == NULL || strcmp(root, "/") == 0)
		return 1;
	n = strlen(root);
	return strncmp(real, root, n) == 0 &&
	    (real[n] == '/' || real[n] == '\0');
}

/*
 * Is dir a Helm chart (Chart.yaml) or a kustomization that transforms
 * what it lists (any key but apiVersion, kind and resources)?  Then it
 * is noted, for the rule irsa-inputs-unrendered, and not read.
 */
static int
unrendered(struct model *m, struct diags *dg, const char *dir,
    const char *const *names, size_t n)
{
	static const char *const kust[] = { "kustomization.yaml",
	    "kustomization.yml", "Kustomization" };
	struct tf_gap	*g;
	struct input	 in;
	struct input_key k;
	const char	*path, *key = NULL;
	char		*data;
	size_t		 i, j, len;
	int		 r;

	(void)dg;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], "Chart.yaml") == 0) {
			g = model_add_unrendered(m);
			g->loc.file = arena_printf(m->arena, "%s/Chart.yaml",
			    dir);
			g->loc.line = g->loc.col = 1;
			g->address = dir;
			g->msg = arena_printf(m->arena, "%s is a Helm chart: its "
			    "templates are not manifests until rendered, so "
			    "none of it is read; lint what it renders: helm "
			    "template RELEASE %s | irsalint ... -", dir, dir);
			return 1;
		}
	for (i = 0; i < n; i++)
		for (j = 0; j < sizeof(kust) / sizeof(kust[0]); j++) {
			if (strcmp(names[i], kust[j]) != 0)
				continue;
			path = arena_printf(m->arena, "%s/%s", dir, names[i]);
			if ((data = read_small(m, path, &len)) == NULL)
				return 0;
			input_open(&in, path, data, len, 0, LOAD_MAX_DEPTH);
			memset(&k, 0, sizeof(k));
			if (input_next(&in) && input_next(&in) &&
			    input_next(&in) && in.ev.type == INPUT_MAP_START &&
			    input_enter(&in))
				while ((r = input_entry(&in, &k)) == 1) {
					if (!k.ok || (strcmp(k.s, "resources") &&
					    strcmp(k.s, "apiVersion") &&
					    strcmp(k.s, "kind"))) {
						key = arena_strdup(m->arena,
						    k.ok ? k.s : "?");
						break;
					}
					if (!input_skip(&in))
						break;
				}
			input_close(&in);
			free(data);
			if (key == NULL)
				return 0;	/* resources alone: read them */
			g = model_add_unrendered(m);
			g->loc = k.loc;
			g->loc.file = path;
			g->address = dir;
			g->msg = arena_printf(m->arena, "%s is a kustomization "
			    "whose %s changes what it lists, so none of it is "
			    "read as it is; lint what it builds: kubectl "
			    "kustomize %s | irsalint ... -", dir, key, dir);
			return 1;
		}
	return 0;
}

/* A small file's bytes (a kustomization), or NULL. */
static char *
read_small(const struct model *m, const char *path, size_t *len)
{
	FILE	*fp;
	char	*data;

	if ((fp = load_fopen(m->load_opts, path)) == NULL)
		return NULL;
	data = xmalloc(1024 * 1024 + 1);
	*len = fread(data, 1, 1024 * 1024, fp);
	fclose(fp);
	data[*len] = '\0';
	return data;
}

/*
 * Does JSON text have comments (// or slash-star outside strings), as
 * tsconfig.json, .devcontainer.json and renovate.json may?
 */
static int
jsonc(const char *s, size_t n)
{
	size_t	 i;
	int	 str = 0;

	for (i = 0; i + 1 < n; i++) {
		if (str) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				str = 0;
		} else if (s[i] == '"')
			str = 1;
		else if (s[i] == '/' && (s[i + 1] == '/' || s[i + 1] == '*'))
			return 1;
	}
	return 0;
}

/*
 * JSON with comments and trailing commas: blanked out, newlines kept so
 * that positions stay, then read as JSON.  A file of a repository such
 * as tsconfig.json then holds nothing to check instead of failing the
 * run; a manifest written so is read.
 */
static size_t
load_jsonc(struct model *m, struct diags *dg, const char *file, FILE *fp,
    const char *chunk, size_t n)
{
	struct buf	 b = BUF_INIT;
	char		 more[65536], *s;
	size_t		 i, j, len, nobjs = m->objs.n, nerr = dg->nerrors;
	int		 str = 0;

	buf_add(&b, chunk, n);
	while ((n = fread(more, 1, sizeof(more), fp)) > 0 &&
	    b.len + n <= LOAD_MAX_FILE_SIZE)
		buf_add(&b, more, n);
	s = b.buf;
	len = b.len;
	for (i = 0; i < len; i++) {
		if (str) {
			if (s[i] == '\\' && i + 1 < len)
				i++;
			else if (s[i] == '"')
				str = 0;
			continue;
		}
		if (s[i] == '"')
			str = 1;
		else if (s[i] == '/' && i + 1 < len && s[i + 1] == '/') {
			for (; i < len && s[i] != '\n'; i++)
				s[i] = ' ';
		} else if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
			/* Find its end first, then blank it, newlines kept. */
			for (j = i + 2; j + 1 < len && !(s[j] == '*' &&
			    s[j + 1] == '/'); j++)
				continue;
			j = j + 1 < len ? j + 2 : len;
			for (; i < j; i++)
				if (s[i] != '\n')
					s[i] = ' ';
			i--;
		} else if (s[i] == ',') {
			for (j = i + 1; j < len && strchr(" \t\r\n", s[j]) !=
			    NULL; j++)
				continue;
			if (j < len && (s[j] == '}' || s[j] == ']'))
				s[i] = ' ';
		}
	}
	load_k8s(m, dg, file, s, len);
	if (m->objs.n == nobjs && dg->nerrors == nerr) {
		m->nk8s--;
		m->unread.v = xreallocarray(m->unread.v, m->unread.n + 1,
		    sizeof(*m->unread.v));
		m->unread.v[m->unread.n++] = file;
	}
	buf_release(&b);
	return 1;
}

int
load_unchanged(const struct model *m, const char *path)
{
	const struct strmap_val	*v;
	const struct stat	*then;
	struct stat		 now;
	char			 real[PATH_MAX];

	if (realpath(path, real) == NULL ||
	    (v = strmap_get(&m->read_paths, real)) == NULL ||
	    (then = v->v) == NULL || stat(real, &now) == -1)
		return 0;
	return now.st_size == then->st_size &&
	    now.st_mtim.tv_sec == then->st_mtim.tv_sec &&
	    now.st_mtim.tv_nsec == then->st_mtim.tv_nsec &&
	    now.st_ino == then->st_ino;
}

/* The directory of a file's path, "." for a bare name. */
static const char *
dir_of(struct model *m, const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return ".";
	if (slash == path)
		return "/";
	return arena_strndup(m->arena, path, (size_t)(slash - path));
}

void
load_tf_dir(struct model *m, const char *dir)
{
	size_t	 i;

	for (i = 0; i < m->tf_dirs.n; i++)
		if (strcmp(m->tf_dirs.v[i], dir) == 0)
			return;
	m->tf_dirs.v = xreallocarray(m->tf_dirs.v, m->tf_dirs.n + 1,
	    sizeof(*m->tf_dirs.v));
	m->tf_dirs.v[m->tf_dirs.n++] = arena_strdup(m->arena, dir);
}

void
load_finish(struct model *m, struct diags *dg, const struct load_opts *opts)
{
	jobs_drain(m, dg);
	load_tf_sources(m, dg, m->tf_dirs.v, m->tf_dirs.n, opts);
	load_k8s_finish(m, dg);
	load_roles_merge(m);
	load_implied(m);
}

size_t
load_path(struct model *m, struct diags *dg, const char *arg)
{
	struct loc	 loc;
	struct stat	 st;
	const char	*path;

	path = arena_strdup(m->arena, arg);
	loc.file = path;
	loc.line = loc.col = loc.end_line = loc.end_col = 0;
	if (strcmp(arg, "-") == 0) {
		loc.file = path = m->stdin_name != NULL ?
		    m->stdin_name : "<stdin>";
		return read_file(m, dg, path, stdin, 1, NULL, NULL);
	}
	if (stat(path, &st) == -1) {
		diag_error(dg, &loc, "cannot open: %s", strerror(errno));
		return 0;
	}
	if (S_ISDIR(st.st_mode)) {
		if (outside_root(m, dg, path))
			return 0;
		return load_dir(m, dg, path, 0, NULL);
	}
	/* A .tf file is its directory's: Terraform's unit is the module. */
	if (str_has_suffix(path, ".tf") || str_has_suffix(path, ".tf.json")) {
		if (outside_root(m, dg, path))
			return 0;
		load_tf_dir(m, dir_of(m, path));
		return 1;
	}
	/* A file named twice (sa.yaml ./sa.yaml) is one input. */
	if (already_read(m, dg, path))
		return 1;
	return read_file(m, dg, path, NULL, 1, NULL, NULL);
}
