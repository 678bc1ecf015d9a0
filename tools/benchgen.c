/* SPDX-License-Identifier: ISC */
/*
 * Benchmark input generator: writes a Terraform plan (terraform show
 * -json shape) and Kubernetes manifests of a requested size, with a
 * known number of injected IRSA mismatches listed in a third file, and
 * the Terraform sources (tf/, .tf files) that the plan was planned from;
 * with -k, the other input shapes of tests/bench.sh (issue 19).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "benchgen.h"

/*
 * The output depends only on the size asked for: a fixed-seed PRNG, a
 * fixed timestamp, no environment.  Each "app" is an IRSA pair, a
 * ServiceAccount and Deployment in the manifests and a module instance
 * with role, attachment and policy document in the plan; ConfigMaps,
 * Services, S3 buckets and security groups come along as noise.  Apps
 * are emitted while both files are short of the target; then the
 * shorter one is padded with noise alone.
 *
 * The sources in tf/ describe the same objects as the plan: a local
 * module modules/irsa (policy document, role, attachment) called with
 * for_each over a map of apps in locals, one file of locals a team, and
 * the providers, buckets and security groups as resources over locals
 * too.  Sources are far denser than a plan (one map entry of a few
 * hundred bytes stands for an app's kilobytes of plan), so the tree is
 * a small fraction of the plan's size.
 *
 * Every INJECT_EVERY-th app carries one mistake, cycling through the
 * kinds of benchgen.h; each mistake makes irsalint report exactly one finding
 * of the named rule.
 */

#define AWS_PROVIDER	"registry.terraform.io/hashicorp/aws"
#define TF_VERSION	"1.11.4"
#define TF_CHUNK	(1024 * 1024)	/* start another file of locals */
#define VPC_ID		"vpc-0a1b2c3d4e5f60718"
#define HELM_NS		"apps"		/* -n of the helm shape */

/* A section of the plan, built in memory until its size is known. */
struct sect {
	FILE	*fp;
	char	*buf;
	size_t	 len;
	size_t	 n;		/* items written: a comma before the next */
};

enum {
	S_PV_ROOT, S_PV_CHILD, S_RC, S_PS_ROOT, S_PS_CHILD, S_RA, S__MAX
};

struct app {
	size_t		 id;
	char		 ns[32];	/* namespace the trust names */
	char		 sa[64];
	char		 role[80];
	char		 key[128];	/* for_each key of module.irsa */
	const char	*path;		/* role path */
	const char	*issuer;
	int		 exists;	/* no-op: the role is in prior state */
	int		 two_subs;	/* sub condition lists a canary SA */
	enum mistake	 ms;
};

/* The shapes of tests/bench.sh this file makes (-k). */
enum shape {
	SH_PAIR,		/* plan.json, manifests.yaml and tf/ */
	SH_ANNOT,		/* the pair, more annotations per object */
	SH_TREE,		/* plan.json, k8s/<ns>/<one object>.yaml */
	SH_HELM,		/* the pair, namespaces left to -n */
	SH__MAX
};

struct gen {
	enum shape	 shape;
	FILE		*yaml;
	struct sect	 s[S__MAX];
	uint64_t	 rng;
	size_t		 target;
	size_t		 napps, nbuckets, nsgs, ncms, nsvcs;
	size_t		 count[MS__MAX];
	/* The sources: the open files of locals and how many were made. */
	char		*tfdir;
	FILE		*tf_team, *tf_bucket, *tf_sg;
	size_t		 team, nteams, nbucketf, nsgf;
	/* The tree shape: its directory and the file being written. */
	char		*k8sdir;
	FILE		*doc;
	size_t		 nfiles, tree_bytes;
	size_t		 nnamed;	/* ServiceAccounts with a role ARN */
};

static uint32_t	 rnd(struct gen *);
static void	 sect_open(struct sect *);
static FILE	*item(struct gen *, int);
static size_t	 plan_size(struct gen *);
static size_t	 yaml_size(struct gen *);
static char	*xvprintf(const char *, va_list);
static char	*xprintf(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
static void	 json_esc(FILE *, const char *);
static void	 json_strf(FILE *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	 trust_parts(const struct app *, const char **,
		    const char **, const char **);
static void	 trust_policy(FILE *, const struct app *);
static void	 role_values(FILE *, const struct app *, int);
static void	 attach_values(FILE *, const struct app *, int);
static void	 res_head(FILE *, const struct app *, const char *,
		    const char *, const char *, const char *);
static void	 app_planned(struct gen *, const struct app *);
static void	 app_changes(struct gen *, const struct app *);
static void	 app_prior(struct gen *, const struct app *);
static FILE	*doc(struct gen *, const char *, const char *,
		    const char *);
static void	 doc_close(struct gen *);
static void	 namespace(struct gen *, FILE *, const char *, int);
static void	 annotations(struct gen *, FILE *, int, int, const char *,
		    const char *, const char *);
static void	 app_manifests(struct gen *, const struct app *);
static void	 noise_configmap(struct gen *, const char *, const char *);
static void	 noise_service(struct gen *, const char *, const char *);
static void	 noise_bucket(struct gen *);
static void	 sg_rules(struct gen *, FILE *, size_t);
static void	 sg_values(struct gen *, FILE *, size_t, uint64_t);
static void	 noise_sg(struct gen *);
static void	 providers(struct gen *);
static void	 app_make(struct gen *, struct app *, size_t);
static void	 app_emit(struct gen *, size_t);
static void	 configuration(FILE *);
static void	 sect_copy(FILE *, struct sect *);
static void	 plan_write(struct gen *, FILE *);
static FILE	*tf_open(struct gen *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	 tf_close(FILE *);
static void	 tf_clean(const char *);
static void	 tf_app(struct gen *, const struct app *);
static FILE	*tf_chunk(struct gen *, FILE **, size_t *, const char *,
		    const char *);
static void	 tf_bucket(struct gen *, const char *, unsigned);
static void	 tf_sg(struct gen *, size_t, uint64_t);
static void	 tf_module(struct gen *);
static void	 tf_root(struct gen *);
static void	 gen_plan(const char *, unsigned long, enum shape);
static void	 usage(void) __attribute__((noreturn));

static uint32_t
rnd(struct gen *g)
{
	return bench_rnd(&g->rng);
}

static void
sect_open(struct sect *s)
{
	memset(s, 0, sizeof(*s));
	if ((s->fp = open_memstream(&s->buf, &s->len)) == NULL)
		err(1, "open_memstream");
}

/* Start an item of a JSON array section; returns its stream. */
static FILE *
item(struct gen *g, int which)
{
	struct sect	*s = &g->s[which];

	if (s->n++ > 0)
		fputc(',', s->fp);
	return s->fp;
}

static size_t
plan_size(struct gen *g)
{
	size_t	 i, n = 0;

	for (i = 0; i < S__MAX; i++)
		n += (size_t)ftell(g->s[i].fp);
	return n;
}

static size_t
yaml_size(struct gen *g)
{
	if (g->shape == SH_TREE)
		return g->tree_bytes + (g->doc != NULL ?
		    (size_t)ftell(g->doc) : 0);
	return (size_t)ftell(g->yaml);
}

/* Format into a new heap string; the caller frees it. */
static char *
xvprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	char	*s;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		errx(1, "vsnprintf failed");
	if ((s = malloc((size_t)n + 1)) == NULL)
		err(1, NULL);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *
xprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvprintf(fmt, ap);
	va_end(ap);
	return s;
}

/* Write s as the body of a JSON string (without the quotes). */
static void
json_esc(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		if (*s == '\n') {
			fputs("\\n", fp);
			continue;
		}
		fputc(*s, fp);
	}
}

/* A JSON string value holding the formatted text. */
static void
json_strf(FILE *fp, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvprintf(fmt, ap);
	va_end(ap);
	fputc('"', fp);
	json_esc(fp, s);
	fputc('"', fp);
	free(s);
}

/*
 * The trust policy of an app's role, minified with sorted keys as the
 * AWS provider normalises it; the mistakes that live in the trust are
 * made here.
 */
static void
trust_parts(const struct app *a, const char **scheme, const char **aud,
    const char **action)
{
	*scheme = a->ms == MS_KEY_ISSUER ? "https://" : "";
	*aud = a->ms == MS_AUD ? "sts.amazon.com" : "sts.amazonaws.com";
	*action = a->ms == MS_ACTION ? "sts:AssumeRole" :
	    "sts:AssumeRoleWithWebIdentity";
}

static void
trust_policy(FILE *fp, const struct app *a)
{
	const char	*scheme, *aud, *action;
	char		 sub[256];

	trust_parts(a, &scheme, &aud, &action);
	if (a->two_subs)
		snprintf(sub, sizeof(sub), "[\"system:serviceaccount:%s:%s\","
		    "\"system:serviceaccount:%s:%s-canary\"]", a->ns, a->sa,
		    a->ns, a->sa);
	else
		snprintf(sub, sizeof(sub), "\"system:serviceaccount:%s:%s\"",
		    a->ns, a->sa);
	json_strf(fp, "{\"Statement\":[{\"Action\":\"%s\",\"Condition\":"
	    "{\"StringEquals\":{\"%s%s:aud\":\"%s\",\"%s%s:sub\":%s}},"
	    "\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
	    "\"arn:aws:iam::" ACCOUNT ":oidc-provider/%s\"}}],"
	    "\"Version\":\"2012-10-17\"}", action, scheme, a->issuer, aud,
	    scheme, a->issuer, sub, a->issuer);
}

/* The attribute values of an app's role; known adds apply-time ones. */
static void
role_values(FILE *fp, const struct app *a, int known)
{
	fputs("{\"assume_role_policy\":", fp);
	trust_policy(fp, a);
	if (known)
		fprintf(fp, ",\"arn\":\"arn:aws:iam::" ACCOUNT ":role%s%s\","
		    "\"create_date\":\"2025-03-14T09:26:53Z\","
		    "\"id\":\"%s\",\"inline_policy\":[],"
		    "\"managed_policy_arns\":[\"arn:aws:iam::" ACCOUNT
		    ":policy/%s-access\"],\"name_prefix\":\"\","
		    "\"unique_id\":\"AROAQ%015zuX\"", a->path, a->role, a->role,
		    a->role, a->id);
	fprintf(fp, ",\"description\":\"IRSA role for %s/%s\","
	    "\"force_detach_policies\":true,\"max_session_duration\":3600,"
	    "\"name\":\"%s\",\"path\":\"%s\",\"permissions_boundary\":null,"
	    "\"tags\":{\"Environment\":\"prod\",\"Team\":\"%s\"},"
	    "\"tags_all\":{\"Environment\":\"prod\",\"ManagedBy\":"
	    "\"terraform\",\"Team\":\"%s\"}}", a->ns, a->sa, a->role,
	    a->path, a->ns, a->ns);
}

static void
attach_values(FILE *fp, const struct app *a, int known)
{
	fprintf(fp, "{\"policy_arn\":\"arn:aws:iam::" ACCOUNT
	    ":policy/%s-access\",\"role\":\"%s\"", a->role, a->role);
	if (known)
		fprintf(fp, ",\"id\":\"%s-2025031409265300000001\"", a->role);
	fputc('}', fp);
}

/*
 * The head of a resource object of module.irsa["key"], through
 * "provider_name"; each (a for_each key) or count index 0.
 */
static void
res_head(FILE *fp, const struct app *a, const char *mode, const char *type,
    const char *name, const char *each)
{
	fprintf(fp, "{\"address\":\"module.irsa[\\\"%s\\\"].%s%s.%s",
	    a->key, strcmp(mode, "data") == 0 ? "data." : "", type, name);
	if (each != NULL)
		fprintf(fp, "[\\\"%s\\\"]\"", each);
	else
		fputs("[0]\"", fp);
	fprintf(fp, ",\"mode\":\"%s\",\"type\":\"%s\",\"name\":\"%s\"",
	    mode, type, name);
	if (each != NULL)
		fprintf(fp, ",\"index\":\"%s\"", each);
	else
		fputs(",\"index\":0", fp);
	fputs(",\"provider_name\":\"" AWS_PROVIDER "\"", fp);
}

/* planned_values: module.irsa["key"] with its role and attachment. */
static void
app_planned(struct gen *g, const struct app *a)
{
	FILE	*fp = item(g, S_PV_CHILD);

	fputs("{\"resources\":[", fp);
	res_head(fp, a, "managed", "aws_iam_role", "this", NULL);
	fputs(",\"schema_version\":0,\"values\":", fp);
	role_values(fp, a, a->exists);
	fputs(",\"sensitive_values\":{\"inline_policy\":[],"
	    "\"managed_policy_arns\":[],\"tags\":{},\"tags_all\":{}}},", fp);
	res_head(fp, a, "managed", "aws_iam_role_policy_attachment", "this",
	    "access");
	fputs(",\"schema_version\":0,\"values\":", fp);
	attach_values(fp, a, a->exists);
	fprintf(fp, ",\"sensitive_values\":{}}],"
	    "\"address\":\"module.irsa[\\\"%s\\\"]\"}", a->key);
}

/* resource_changes: the role and its attachment, created or kept. */
static void
app_changes(struct gen *g, const struct app *a)
{
	FILE	*fp;

	fp = item(g, S_RC);
	res_head(fp, a, "managed", "aws_iam_role", "this", NULL);
	fprintf(fp, ",\"module_address\":\"module.irsa[\\\"%s\\\"]\","
	    "\"change\":{\"actions\":[\"%s\"],\"before\":", a->key,
	    a->exists ? "no-op" : "create");
	if (a->exists)
		role_values(fp, a, 1);
	else
		fputs("null", fp);
	fputs(",\"after\":", fp);
	role_values(fp, a, a->exists);
	if (a->exists)
		fputs(",\"after_unknown\":{\"inline_policy\":[],"
		    "\"managed_policy_arns\":[false],\"tags\":{},"
		    "\"tags_all\":{}},\"before_sensitive\":{\"inline_policy\":"
		    "[],\"managed_policy_arns\":[],\"tags\":{},\"tags_all\":{}}",
		    fp);
	else
		fputs(",\"after_unknown\":{\"arn\":true,\"create_date\":true,"
		    "\"id\":true,\"inline_policy\":true,\"managed_policy_arns\":"
		    "true,\"name_prefix\":true,\"tags\":{},\"tags_all\":{},"
		    "\"unique_id\":true},\"before_sensitive\":false", fp);
	fputs(",\"after_sensitive\":{\"inline_policy\":[],"
	    "\"managed_policy_arns\":[],\"tags\":{},\"tags_all\":{}}}}", fp);

	fp = item(g, S_RC);
	res_head(fp, a, "managed", "aws_iam_role_policy_attachment", "this",
	    "access");
	fprintf(fp, ",\"module_address\":\"module.irsa[\\\"%s\\\"]\","
	    "\"change\":{\"actions\":[\"%s\"],\"before\":", a->key,
	    a->exists ? "no-op" : "create");
	if (a->exists)
		attach_values(fp, a, 1);
	else
		fputs("null", fp);
	fputs(",\"after\":", fp);
	attach_values(fp, a, a->exists);
	fprintf(fp, ",\"after_unknown\":{%s},\"before_sensitive\":%s,"
	    "\"after_sensitive\":{}}}", a->exists ? "" : "\"id\":true",
	    a->exists ? "{}" : "false");

	fp = item(g, S_RA);
	fprintf(fp, "{\"resource\":\"module.irsa[\\\"%s\\\"].aws_iam_role."
	    "this[0]\",\"attribute\":[\"arn\"]}", a->key);
}

/*
 * prior_state: the module's policy document data source, read at plan
 * time (pretty and minified JSON, and the statement list), and, for a
 * role that exists, the role and attachment as they are.
 */
static void
app_prior(struct gen *g, const struct app *a)
{
	FILE		*fp = item(g, S_PS_CHILD);
	const char	*scheme, *aud, *action;
	char		*pretty, sub[512], subs[512];

	trust_parts(a, &scheme, &aud, &action);
	/* The provider prints a one-element list as a string. */
	if (a->two_subs) {
		snprintf(sub, sizeof(sub), "[\n            "
		    "\"system:serviceaccount:%s:%s\",\n            "
		    "\"system:serviceaccount:%s:%s-canary\"\n          ]",
		    a->ns, a->sa, a->ns, a->sa);
		snprintf(subs, sizeof(subs), "\"system:serviceaccount:%s:%s\","
		    "\"system:serviceaccount:%s:%s-canary\"", a->ns, a->sa,
		    a->ns, a->sa);
	} else {
		snprintf(sub, sizeof(sub), "\"system:serviceaccount:%s:%s\"",
		    a->ns, a->sa);
		snprintf(subs, sizeof(subs), "%s", sub);
	}
	pretty = xprintf("{\n  \"Version\": \"2012-10-17\",\n"
	    "  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
	    "      \"Action\": \"%s\",\n"
	    "      \"Principal\": {\n        \"Federated\": \"arn:aws:iam::"
	    ACCOUNT ":oidc-provider/%s\"\n      },\n      \"Condition\": {\n"
	    "        \"StringEquals\": {\n          \"%s%s:aud\": "
	    "\"%s\",\n          \"%s%s:sub\": "
	    "%s\n        }\n      }\n    }\n"
	    "  ]\n}", action, a->issuer, scheme, a->issuer, aud, scheme,
	    a->issuer, sub);
	fputs("{\"resources\":[", fp);
	res_head(fp, a, "data", "aws_iam_policy_document", "this", NULL);
	fprintf(fp, ",\"schema_version\":0,\"values\":{\"id\":\"%zu\","
	    "\"json\":", 1000000000 + a->id * 7919 % 999999999);
	json_strf(fp, "%s", pretty);
	fputs(",\"minified_json\":", fp);
	trust_policy(fp, a);
	fprintf(fp, ",\"override_policy_documents\":null,\"policy_id\":null,"
	    "\"source_policy_documents\":null,\"statement\":[{\"actions\":"
	    "[\"%s\"],\"condition\":[{\"test\":\"StringEquals\","
	    "\"values\":[\"%s\"],\"variable\":\"%s%s:aud\"},{\"test\":"
	    "\"StringEquals\",\"values\":[%s],"
	    "\"variable\":\"%s%s:sub\"}],"
	    "\"effect\":\"Allow\",\"not_actions\":[],\"not_principals\":[],"
	    "\"not_resources\":[],\"principals\":[{\"identifiers\":["
	    "\"arn:aws:iam::" ACCOUNT ":oidc-provider/%s\"],\"type\":"
	    "\"Federated\"}],\"resources\":[],\"sid\":\"\"}],\"version\":"
	    "\"2012-10-17\"},\"sensitive_values\":{\"statement\":[{}]}}",
	    action, aud, scheme, a->issuer, subs, scheme, a->issuer,
	    a->issuer);
	free(pretty);
	if (a->exists) {
		fputc(',', fp);
		res_head(fp, a, "managed", "aws_iam_role", "this", NULL);
		fputs(",\"schema_version\":0,\"values\":", fp);
		role_values(fp, a, 1);
		fputs(",\"sensitive_values\":{}},", fp);
		res_head(fp, a, "managed", "aws_iam_role_policy_attachment",
		    "this", "access");
		fputs(",\"schema_version\":0,\"values\":", fp);
		attach_values(fp, a, 1);
		fputs(",\"sensitive_values\":{}}", fp);
	}
	fprintf(fp, "],\"address\":\"module.irsa[\\\"%s\\\"]\"}", a->key);
}

/*
 * The file the next object goes to: the one stream of manifests, or, in
 * the tree shape, a file of its own under k8s/<namespace>/, numbered so
 * that names never collide.
 */
static FILE *
doc(struct gen *g, const char *ns, const char *name, const char *kind)
{
	char	 path[4096];

	if (g->shape != SH_TREE)
		return g->yaml;
	doc_close(g);
	snprintf(path, sizeof(path), "%s/%s", g->k8sdir, ns);
	bench_mkdir(path);
	snprintf(path, sizeof(path), "%s/%s/%05zu-%s-%s.yaml", g->k8sdir, ns,
	    g->nfiles++, name, kind);
	if ((g->doc = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	return g->doc;
}

static void
doc_close(struct gen *g)
{
	if (g->doc == NULL)
		return;
	g->tree_bytes += (size_t)ftell(g->doc);
	bench_close(g->doc, "k8s tree");
	g->doc = NULL;
}

/*
 * metadata.namespace, which the helm shape leaves to -n unless the
 * chart hard-codes it (force).
 */
static void
namespace(struct gen *g, FILE *fp, const char *ns, int force)
{
	if (g->shape != SH_HELM || force)
		fprintf(fp, "  namespace: %s\n", ns);
}

/*
 * The annotations helm, Argo CD and teams add to every object, for the
 * annot shape; head opens the mapping for an object that has none.
 * None is near an eks.amazonaws.com/ key, so none is a finding.
 */
static void
annotations(struct gen *g, FILE *fp, int indent, int head, const char *ns,
    const char *name, const char *kind)
{
	uint32_t	 wave, rev, c0, c1;

	if (g->shape != SH_ANNOT)
		return;
	wave = rnd(g) % 5;
	rev = rnd(g) % 10;
	c0 = rnd(g);
	c1 = rnd(g);
	if (head)
		fprintf(fp, "%*sannotations:\n", indent, "");
	indent += 2;
	fprintf(fp, "%*smeta.helm.sh/release-name: %s\n"
	    "%*smeta.helm.sh/release-namespace: %s\n"
	    "%*sargocd.argoproj.io/tracking-id: %s:/%s:%s/%s\n"
	    "%*sargocd.argoproj.io/sync-wave: \"%u\"\n"
	    "%*skubernetes.io/change-cause: helm upgrade %s --version 1.4.%u\n"
	    "%*sowner.example.com/team: %s@example.com\n"
	    "%*sowner.example.com/runbook: https://runbooks.example.com/%s/%s\n"
	    "%*schecksum/values: %08x%08x\n",
	    indent, "", name, indent, "", ns, indent, "", name, kind, ns, name,
	    indent, "", wave, indent, "", name, rev, indent, "", ns, indent, "",
	    ns, name, indent, "", c0, c1);
}

/*
 * The ServiceAccount (and its canary's, which the trust admits too)
 * and the Deployment that runs as it, as helm template renders them;
 * the annotation mistakes are made here.  A chart that puts its
 * ServiceAccount in another namespace hard-codes it everywhere.
 */
static void
app_manifests(struct gen *g, const struct app *a)
{
	FILE		*fp;
	char		 ns[48], role[96], arn[192];
	const char	*w;
	uint32_t	 sum[4];
	size_t		 i;
	int		 force = a->ms == MS_SUB_NAMESPACE;

	snprintf(ns, sizeof(ns), "%s%s", a->ns, force ? "-staging" : "");
	if (a->ms == MS_ROLE_TYPO) {
		/* Double the word's first letter: "irsa-oorders-..". */
		w = a->role + strlen("irsa-");
		snprintf(role, sizeof(role), "%.*s%c%s",
		    (int)(w - a->role), a->role, *w, w);
	} else
		snprintf(role, sizeof(role), "%s", a->role);
	if (a->ms == MS_ARN_MALFORMED)
		snprintf(arn, sizeof(arn), a->id % 2 ?
		    "arn:aws:iam::{local.account_id}:role%s%s" :
		    "arn:aws:iam::11112222333:role%s%s", a->path, role);
	else
		snprintf(arn, sizeof(arn), "arn:aws:iam::" ACCOUNT ":role%s%s",
		    a->path, role);
	if (a->ms != MS_ARN_MALFORMED)
		g->nnamed += 1 + (a->two_subs != 0);
	fp = doc(g, ns, a->sa, "serviceaccount");
	fprintf(fp, "---\n# Source: %s/templates/serviceaccount.yaml\n"
	    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
	    "  name: %s\n", a->sa, a->sa);
	namespace(g, fp, ns, force);
	fprintf(fp, "  labels:\n"
	    "    app.kubernetes.io/name: %s\n"
	    "    app.kubernetes.io/instance: %s\n"
	    "    app.kubernetes.io/managed-by: Helm\n"
	    "    helm.sh/chart: %s-1.4.%zu\n  annotations:\n"
	    "    eks.amazonaws.com/role-arn: %s\n"
	    "    eks.amazonaws.com/sts-regional-endpoints: \"true\"\n",
	    a->sa, a->sa, a->sa, a->id % 10, arn);
	annotations(g, fp, 2, 0, ns, a->sa, "ServiceAccount");
	if (a->two_subs) {
		fprintf(fp, "---\n# Source: %s/templates/canary.yaml\n"
		    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
		    "  name: %s-canary\n", a->sa, a->sa);
		namespace(g, fp, ns, force);
		fprintf(fp, "  annotations:\n"
		    "    eks.amazonaws.com/role-arn: %s\n", arn);
		annotations(g, fp, 2, 0, ns, a->sa, "ServiceAccount");
	}
	fp = doc(g, ns, a->sa, "deployment");
	for (i = 0; i < 4; i++)
		sum[i] = rnd(g);
	fprintf(fp, "---\n# Source: %s/templates/deployment.yaml\n"
	    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
	    "  name: %s\n", a->sa, a->sa);
	namespace(g, fp, ns, force);
	fprintf(fp, "  labels:\n"
	    "    app.kubernetes.io/name: %s\n"
	    "    app.kubernetes.io/managed-by: Helm\n", a->sa);
	annotations(g, fp, 2, 1, ns, a->sa, "Deployment");
	fprintf(fp, "spec:\n  replicas: %zu\n  revisionHistoryLimit: 5\n"
	    "  selector:\n    matchLabels:\n"
	    "      app.kubernetes.io/name: %s\n"
	    "  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n"
	    "      maxSurge: 25%%\n      maxUnavailable: 0\n"
	    "  template:\n    metadata:\n      labels:\n"
	    "        app.kubernetes.io/name: %s\n      annotations:\n"
	    "        checksum/config: %08x%08x%08x%08x\n"
	    "        prometheus.io/scrape: \"true\"\n"
	    "        prometheus.io/port: \"9090\"\n",
	    2 + a->id % 4, a->sa, a->sa, sum[0], sum[1], sum[2], sum[3]);
	annotations(g, fp, 6, 0, ns, a->sa, "Pod");
	fprintf(fp, "    spec:\n      serviceAccountName: %s\n"
	    "      securityContext:\n        runAsNonRoot: true\n"
	    "        runAsUser: 10001\n        fsGroup: 10001\n", a->sa);
	fprintf(fp, "      containers:\n        - name: %s\n"
	    "          image: \"" ACCOUNT ".dkr.ecr." REGION
	    ".amazonaws.com/%s:v2.%zu.%u\"\n"
	    "          imagePullPolicy: IfNotPresent\n"
	    "          args: [\"--config=/etc/%s/application.yaml\", "
	    "\"--log-level=info\"]\n          ports:\n"
	    "            - name: http\n              containerPort: 8080\n"
	    "              protocol: TCP\n            - name: metrics\n"
	    "              containerPort: 9090\n          env:\n"
	    "            - name: AWS_REGION\n              value: " REGION "\n"
	    "            - name: QUEUE_URL\n              value: "
	    "https://sqs." REGION ".amazonaws.com/" ACCOUNT "/%s-jobs\n"
	    "            - name: BUCKET\n              value: %s-data-%zu\n"
	    "            - name: POD_NAME\n              valueFrom:\n"
	    "                fieldRef:\n"
	    "                  fieldPath: metadata.name\n"
	    "          resources:\n            requests:\n"
	    "              cpu: %um\n              memory: %uMi\n"
	    "            limits:\n              memory: %uMi\n"
	    "          readinessProbe:\n            httpGet:\n"
	    "              path: /healthz\n              port: http\n"
	    "            periodSeconds: 10\n          volumeMounts:\n"
	    "            - name: config\n              mountPath: /etc/%s\n"
	    "      volumes:\n        - name: config\n          configMap:\n"
	    "            name: %s-config\n",
	    a->sa, a->sa, a->id % 30, rnd(g) % 20, a->sa, a->sa, a->sa, a->id,
	    100 + rnd(g) % 900, 128 << (rnd(g) % 4), 256 << (rnd(g) % 4),
	    a->sa, a->sa);
}

/* A ConfigMap with an application config file, as noise. */
static void
noise_configmap(struct gen *g, const char *ns, const char *name)
{
	FILE	*fp = doc(g, ns, name, "configmap");
	size_t	 i, n = 8 + rnd(g) % 16;

	fprintf(fp, "---\n# Source: %s/templates/configmap.yaml\n"
	    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
	    "  name: %s-config\n", name, name);
	namespace(g, fp, ns, 0);
	annotations(g, fp, 2, 1, ns, name, "ConfigMap");
	fprintf(fp, "data:\n  LOG_FORMAT: json\n  FEATURE_FLAGS: \"%s,%s\"\n"
	    "  application.yaml: |\n    server:\n      port: 8080\n"
	    "      shutdown: graceful\n    upstreams:\n",
	    bench_words[rnd(g) % BENCH_NWORDS],
	    bench_words[rnd(g) % BENCH_NWORDS]);
	for (i = 0; i < n; i++)
		fprintf(fp, "      - name: %s-%u\n        url: http://%s.%s.svc"
		    ".cluster.local:%u/v1\n        timeoutMs: %u\n",
		    bench_words[i % BENCH_NWORDS], rnd(g) % 100,
		    bench_words[i % BENCH_NWORDS], ns, 8000 + rnd(g) % 100,
		    100 * (1 + rnd(g) % 50));
	g->ncms++;
}

static void
noise_service(struct gen *g, const char *ns, const char *name)
{
	FILE	*fp = doc(g, ns, name, "service");

	fprintf(fp, "---\n# Source: %s/templates/service.yaml\n"
	    "apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\n", name,
	    name);
	namespace(g, fp, ns, 0);
	fprintf(fp, "  labels:\n    app.kubernetes.io/name: %s\n", name);
	annotations(g, fp, 2, 1, ns, name, "Service");
	fprintf(fp, "spec:\n  type: ClusterIP\n  ports:\n    - port: 80\n"
	    "      targetPort: http\n      protocol: TCP\n      name: http\n"
	    "    - port: 9090\n      targetPort: metrics\n      name: metrics\n"
	    "  selector:\n    app.kubernetes.io/name: %s\n", name);
	g->nsvcs++;
}

/* An S3 bucket being created: unrelated to IRSA, and bulky. */
static void
noise_bucket(struct gen *g)
{
	char	 name[64];
	FILE	*fp;
	size_t	 id = g->nbuckets++;
	unsigned cc = rnd(g) % 1000;

	snprintf(name, sizeof(name), "acme-%s-%06zu",
	    bench_words[id % BENCH_NWORDS], id);
	tf_bucket(g, name, cc);
	fp = item(g, S_PV_ROOT);
	fprintf(fp, "{\"address\":\"aws_s3_bucket.data[\\\"%s\\\"]\","
	    "\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"data\","
	    "\"index\":\"%s\",\"provider_name\":\"" AWS_PROVIDER "\","
	    "\"schema_version\":0,\"values\":{\"bucket\":\"%s\","
	    "\"force_destroy\":false,\"object_lock_enabled\":false,\"tags\":"
	    "{\"CostCenter\":\"cc-%u\",\"DataClass\":\"internal\"},"
	    "\"tags_all\":{\"CostCenter\":\"cc-%u\",\"DataClass\":"
	    "\"internal\",\"ManagedBy\":\"terraform\"},\"timeouts\":null},"
	    "\"sensitive_values\":{\"cors_rule\":[],\"grant\":[],"
	    "\"lifecycle_rule\":[],\"logging\":[],\"object_lock_configuration\""
	    ":[],\"replication_configuration\":[],"
	    "\"server_side_encryption_configuration\":[],\"tags\":{},"
	    "\"tags_all\":{},\"versioning\":[],\"website\":[]}}", name, name,
	    name, cc, cc);
	fp = item(g, S_RC);
	fprintf(fp, "{\"address\":\"aws_s3_bucket.data[\\\"%s\\\"]\","
	    "\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"data\","
	    "\"index\":\"%s\",\"provider_name\":\"" AWS_PROVIDER "\","
	    "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":"
	    "{\"bucket\":\"%s\",\"force_destroy\":false,"
	    "\"object_lock_enabled\":false,\"tags\":{\"CostCenter\":"
	    "\"cc-%u\",\"DataClass\":\"internal\"},\"tags_all\":"
	    "{\"CostCenter\":\"cc-%u\",\"DataClass\":\"internal\","
	    "\"ManagedBy\":\"terraform\"},\"timeouts\":null},\"after_unknown\":"
	    "{\"acceleration_status\":true,\"acl\":true,\"arn\":true,"
	    "\"bucket_domain_name\":true,\"bucket_prefix\":true,"
	    "\"bucket_regional_domain_name\":true,\"cors_rule\":true,"
	    "\"grant\":true,\"hosted_zone_id\":true,\"id\":true,"
	    "\"lifecycle_rule\":true,\"logging\":true,"
	    "\"object_lock_configuration\":true,\"policy\":true,\"region\":"
	    "true,\"replication_configuration\":true,\"request_payer\":true,"
	    "\"server_side_encryption_configuration\":true,\"tags\":{},"
	    "\"tags_all\":{},\"versioning\":true,\"website\":true,"
	    "\"website_domain\":true,\"website_endpoint\":true},"
	    "\"before_sensitive\":false,\"after_sensitive\":{\"cors_rule\":[],"
	    "\"grant\":[],\"lifecycle_rule\":[],\"logging\":[],"
	    "\"object_lock_configuration\":[],\"replication_configuration\":[],"
	    "\"server_side_encryption_configuration\":[],\"tags\":{},"
	    "\"tags_all\":{},\"versioning\":[],\"website\":[]}}}", name, name,
	    name, cc, cc);
}

/* The ingress list of a security group: the bulk of its attributes. */
static void
sg_rules(struct gen *g, FILE *fp, size_t n)
{
	size_t		 i;
	unsigned	 b, c;

	fputs("[", fp);
	for (i = 0; i < n; i++) {
		b = rnd(g) % 256;
		c = rnd(g) % 256;
		fprintf(fp, "%s{\"cidr_blocks\":[\"10.%u.%u.0/24\"],"
		    "\"description\":\"%s from %s\",\"from_port\":%u,"
		    "\"ipv6_cidr_blocks\":[],\"prefix_list_ids\":[],"
		    "\"protocol\":\"tcp\",\"security_groups\":[],\"self\":false,"
		    "\"to_port\":%u}", i ? "," : "", b, c,
		    bench_words[i % BENCH_NWORDS],
		    bench_words[(i + 7) % BENCH_NWORDS], 8000 + (unsigned)i,
		    8000 + (unsigned)i);
	}
	fputs("]", fp);
}

/* The attributes of security group id, the same each time. */
static void
sg_values(struct gen *g, FILE *fp, size_t id, uint64_t seed)
{
	g->rng = seed;
	fprintf(fp, "{\"arn\":\"arn:aws:ec2:" REGION ":" ACCOUNT
	    ":security-group/sg-0%016zx\",\"description\":\"service "
	    "%zu\",\"egress\":[{\"cidr_blocks\":[\"0.0.0.0/0\"],"
	    "\"description\":\"\",\"from_port\":0,\"ipv6_cidr_blocks\":"
	    "[],\"prefix_list_ids\":[],\"protocol\":\"-1\","
	    "\"security_groups\":[],\"self\":false,\"to_port\":0}],"
	    "\"id\":\"sg-0%016zx\",\"ingress\":", id * 2654435761U, id,
	    id * 2654435761U);
	sg_rules(g, fp, 4 + id % 9);
	fprintf(fp, ",\"name\":\"svc-%zu\",\"owner_id\":\"" ACCOUNT
	    "\",\"revoke_rules_on_delete\":false,\"tags\":{},"
	    "\"tags_all\":{},\"timeouts\":null,\"vpc_id\":"
	    "\"vpc-0a1b2c3d4e5f60718\"}", id);
}

/*
 * A security group that exists and is kept (no-op): in planned_values,
 * resource_changes (before and after) and prior_state.
 */
static void
noise_sg(struct gen *g)
{
	static const char *const sens = "{\"egress\":[{}],\"ingress\":[],"
	    "\"tags\":{},\"tags_all\":{}}";
	static const int	 where[] = { S_PV_ROOT, S_RC, S_PS_ROOT };
	size_t			 id = g->nsgs++, k;
	uint64_t		 seed = g->rng;
	FILE			*fp;

	for (k = 0; k < 3; k++) {
		fp = item(g, where[k]);
		fprintf(fp, "{\"address\":\"aws_security_group.svc[%zu]\","
		    "\"mode\":\"managed\",\"type\":\"aws_security_group\","
		    "\"name\":\"svc\",\"index\":%zu,\"provider_name\":\""
		    AWS_PROVIDER "\",", id, id);
		if (where[k] == S_RC) {
			fputs("\"change\":{\"actions\":[\"no-op\"],"
			    "\"before\":", fp);
			sg_values(g, fp, id, seed);
			fputs(",\"after\":", fp);
			sg_values(g, fp, id, seed);
			fprintf(fp, ",\"after_unknown\":{},\"before_sensitive\":"
			    "%s,\"after_sensitive\":%s}}", sens, sens);
		} else {
			fputs("\"schema_version\":1,\"values\":", fp);
			sg_values(g, fp, id, seed);
			fprintf(fp, ",\"sensitive_values\":%s}", sens);
		}
	}
	tf_sg(g, id, seed);
}

/* The OIDC providers of the clusters: they exist and are kept. */
static void
providers(struct gen *g)
{
	FILE	*fp;
	size_t	 i, k;
	char	 v[1024];

	for (i = 0; i < BENCH_NCLUSTERS; i++) {
		snprintf(v, sizeof(v), "{\"arn\":\"arn:aws:iam::" ACCOUNT
		    ":oidc-provider/%s\",\"client_id_list\":"
		    "[\"sts.amazonaws.com\"],\"id\":\"arn:aws:iam::" ACCOUNT
		    ":oidc-provider/%s\",\"tags\":{},\"tags_all\":{},"
		    "\"thumbprint_list\":[\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"],"
		    "\"url\":\"https://%s\"}", bench_issuers[i], bench_issuers[i],
		    bench_issuers[i]);
		for (k = 0; k < 3; k++) {
			fp = item(g, k == 0 ? S_PV_ROOT : k == 1 ? S_RC :
			    S_PS_ROOT);
			fprintf(fp, "{\"address\":\"aws_iam_openid_connect_"
			    "provider.cluster[%zu]\",\"mode\":\"managed\","
			    "\"type\":\"aws_iam_openid_connect_provider\","
			    "\"name\":\"cluster\",\"index\":%zu,"
			    "\"provider_name\":\"" AWS_PROVIDER "\",", i, i);
			if (k == 1)
				fprintf(fp, "\"change\":{\"actions\":[\"no-op\"],"
				    "\"before\":%s,\"after\":%s,\"after_unknown\":"
				    "{},\"before_sensitive\":{},\"after_sensitive\":"
				    "{}}}", v, v);
			else
				fprintf(fp, "\"schema_version\":0,\"values\":%s,"
				    "\"sensitive_values\":{}}", v);
		}
	}
}

/* Make app number id, choosing its names and, maybe, its mistake. */
static void
app_make(struct gen *g, struct app *a, size_t id)
{
	const char	*w = bench_words[rnd(g) % BENCH_NWORDS];

	memset(a, 0, sizeof(*a));
	a->id = id;
	if (g->shape == SH_HELM)
		snprintf(a->ns, sizeof(a->ns), "%s", HELM_NS);
	else
		snprintf(a->ns, sizeof(a->ns), "team-%03zu", id / 20);
	snprintf(a->sa, sizeof(a->sa), "%s-%06zu", w, id);
	snprintf(a->role, sizeof(a->role), "irsa-%s-%06zu", w, id);
	snprintf(a->key, sizeof(a->key), "%s/%s", a->ns, a->sa);
	a->path = id % 10 == 3 ? "/eks/" : "/";
	a->issuer = bench_issuers[id % BENCH_NCLUSTERS];
	a->exists = rnd(g) % 5 == 0;
	a->ms = MS_NONE;
	if (id % INJECT_EVERY == INJECT_FIRST) {
		a->ms = (enum mistake)(id / INJECT_EVERY % MS__MAX);
		g->count[a->ms]++;
	}
	/* A mistake stays one finding: its app has no canary. */
	a->two_subs = id % 10 == 5 && a->ms == MS_NONE;
}

static void
app_emit(struct gen *g, size_t id)
{
	struct app	 a;

	app_make(g, &a, id);
	tf_app(g, &a);
	app_manifests(g, &a);
	app_planned(g, &a);
	app_changes(g, &a);
	app_prior(g, &a);
	noise_configmap(g, a.ns, a.sa);
	noise_service(g, a.ns, a.sa);
	if (id % 2 == 0)
		noise_bucket(g);
	if (id % 3 == 0)
		noise_sg(g);
	/* Keep the manifests in step with the plan; a tree is padded later. */
	while (g->shape != SH_TREE && yaml_size(g) < plan_size(g))
		noise_configmap(g, a.ns, bench_words[g->ncms % BENCH_NWORDS]);
}

/*
 * configuration: what the modules and resources were written as; its
 * size does not grow with the number of instances.
 */
static void
configuration(FILE *fp)
{
	fputs("\"configuration\":{\"provider_config\":{\"aws\":{\"name\":"
	    "\"aws\",\"full_name\":\"" AWS_PROVIDER "\",\"version_constraint\":"
	    "\"~> 5.0\",\"expressions\":{\"region\":{\"constant_value\":\""
	    REGION "\"}}}},\"root_module\":{\"resources\":["
	    "{\"address\":\"aws_iam_openid_connect_provider.cluster\","
	    "\"mode\":\"managed\",\"type\":\"aws_iam_openid_connect_provider\","
	    "\"name\":\"cluster\",\"provider_config_key\":\"aws\","
	    "\"expressions\":{\"client_id_list\":{\"constant_value\":"
	    "[\"sts.amazonaws.com\"]},\"url\":{\"references\":"
	    "[\"local.issuers\"]}},\"schema_version\":0,\"count_expression\":"
	    "{\"references\":[\"local.issuers\"]}},"
	    "{\"address\":\"aws_s3_bucket.data\",\"mode\":\"managed\",\"type\":"
	    "\"aws_s3_bucket\",\"name\":\"data\",\"provider_config_key\":"
	    "\"aws\",\"expressions\":{\"bucket\":{\"references\":[\"each.key\"]}"
	    "},\"schema_version\":0,\"for_each_expression\":{\"references\":"
	    "[\"local.buckets\"]}},"
	    "{\"address\":\"aws_security_group.svc\",\"mode\":\"managed\","
	    "\"type\":\"aws_security_group\",\"name\":\"svc\","
	    "\"provider_config_key\":\"aws\",\"expressions\":{\"name\":"
	    "{\"references\":[\"count.index\"]},\"vpc_id\":{\"constant_value\":"
	    "\"vpc-0a1b2c3d4e5f60718\"}},\"schema_version\":1,"
	    "\"count_expression\":{\"references\":[\"local.nsg\"]}}],"
	    "\"module_calls\":{\"irsa\":{\"source\":\"./modules/irsa\","
	    "\"expressions\":{\"role_name\":{\"references\":"
	    "[\"each.value.role\",\"each.value\"]},\"role_path\":"
	    "{\"references\":[\"each.value.path\",\"each.value\"]},"
	    "\"oidc_provider_arn\":{\"references\":[\"local.account_id\","
	    "\"local.issuers\",\"each.value.cluster\",\"each.value\"]},"
	    "\"oidc_issuer\":{\"references\":[\"each.value.oidc_issuer\","
	    "\"each.value\",\"local.issuers\",\"each.value.cluster\"]},"
	    "\"namespace_service_accounts\":{\"references\":"
	    "[\"each.value.namespace\",\"each.value\","
	    "\"each.value.service_accounts\"]},\"role_policy_arns\":"
	    "{\"references\":[\"local.account_id\",\"each.value.role\","
	    "\"each.value\"]}},"
	    "\"for_each_expression\":{\"references\":[\"local.irsa_apps\"]},"
	    "\"module\":{\"resources\":[{\"address\":\"aws_iam_role.this\","
	    "\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"this\","
	    "\"provider_config_key\":\"aws\",\"expressions\":{"
	    "\"assume_role_policy\":{\"references\":[\"data.aws_iam_policy_"
	    "document.this[0].json\",\"data.aws_iam_policy_document.this[0]\","
	    "\"data.aws_iam_policy_document.this\"]},\"force_detach_policies\":"
	    "{\"constant_value\":true},\"name\":"
	    "{\"references\":[\"var.role_name\"]},\"path\":{\"references\":"
	    "[\"var.role_path\"]}},\"schema_version\":0,\"count_expression\":"
	    "{\"references\":[\"var.create_role\"]}},{\"address\":"
	    "\"aws_iam_role_policy_attachment.this\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role_policy_attachment\",\"name\":\"this\","
	    "\"provider_config_key\":\"aws\",\"expressions\":{\"policy_arn\":"
	    "{\"references\":[\"each.value\"]},\"role\":{\"references\":"
	    "[\"aws_iam_role.this[0].name\",\"aws_iam_role.this[0]\","
	    "\"aws_iam_role.this\"]}},\"schema_version\":0,"
	    "\"for_each_expression\":{\"references\":[\"var.role_policy_arns\","
	    "\"var.create_role\"]}},{\"address\":"
	    "\"data.aws_iam_policy_document.this\",\"mode\":"
	    "\"data\",\"type\":\"aws_iam_policy_document\",\"name\":\"this\","
	    "\"provider_config_key\":\"aws\",\"schema_version\":0,"
	    "\"count_expression\":{\"references\":[\"var.create_role\"]}}],"
	    "\"variables\":{\"role_name\":{},\"role_path\":"
	    "{\"default\":\"/\"},\"role_description\":{\"default\":null},"
	    "\"create_role\":{\"default\":true},\"oidc_provider_arn\":{},"
	    "\"oidc_issuer\":{},\"namespace_service_accounts\":{},"
	    "\"audience\":{\"default\":\"sts.amazonaws.com\"},"
	    "\"assume_role_action\":{\"default\":"
	    "\"sts:AssumeRoleWithWebIdentity\"},\"tags\":{\"default\":{}},"
	    "\"role_policy_arns\":{\"default\":{}}}}}}}}", fp);
}

static void
sect_copy(FILE *out, struct sect *s)
{
	if (fflush(s->fp) == EOF)
		err(1, "memstream");
	if (s->len > 0 && fwrite(s->buf, 1, s->len, out) != s->len)
		err(1, "write plan");
}

/* Put the plan together from its sections, on one line. */
static void
plan_write(struct gen *g, FILE *out)
{
	fputs("{\"format_version\":\"1.2\",\"terraform_version\":\""
	    TF_VERSION "\",\"planned_values\":{\"root_module\":"
	    "{\"resources\":[", out);
	sect_copy(out, &g->s[S_PV_ROOT]);
	fputs("],\"child_modules\":[", out);
	sect_copy(out, &g->s[S_PV_CHILD]);
	fputs("]}},\"resource_changes\":[", out);
	sect_copy(out, &g->s[S_RC]);
	fputs("],\"prior_state\":{\"format_version\":\"1.0\","
	    "\"terraform_version\":\"" TF_VERSION "\",\"values\":"
	    "{\"root_module\":{\"resources\":[", out);
	sect_copy(out, &g->s[S_PS_ROOT]);
	fputs("],\"child_modules\":[", out);
	sect_copy(out, &g->s[S_PS_CHILD]);
	fputs("]}}},", out);
	configuration(out);
	fputs(",\"relevant_attributes\":[", out);
	sect_copy(out, &g->s[S_RA]);
	fputs("],\"timestamp\":\"2026-11-28T15:54:33Z\",\"applyable\":true,"
	    "\"complete\":true,\"errored\":false}\n", out);
}

/*
 * The Terraform sources.  tf_open creates tfdir/<name>; the sources are
 * written as terraform fmt would leave them.
 */
static FILE *
tf_open(struct gen *g, const char *fmt, ...)
{
	va_list	 ap;
	char	*name, *path;
	FILE	*fp;

	va_start(ap, fmt);
	name = xvprintf(fmt, ap);
	va_end(ap);
	path = xprintf("%s/%s", g->tfdir, name);
	if ((fp = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	free(name);
	free(path);
	return fp;
}

static void
tf_close(FILE *fp)
{
	if (fp != NULL && (fflush(fp) == EOF || ferror(fp) ||
	    fclose(fp) == EOF))
		err(1, "write sources");
}

/* Make directory dir and remove the .tf files a former run left in it. */
static void
tf_clean(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	size_t		 n;
	char		 path[4096];

	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		err(1, "%s", dir);
	if ((d = opendir(dir)) == NULL)
		err(1, "%s", dir);
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 3 || strcmp(e->d_name + n - 3, ".tf") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (unlink(path) == -1)
			err(1, "%s", path);
	}
	closedir(d);
}

/*
 * An app is an entry of its team's map of apps, in a file of its own
 * team; main.tf merges the maps into the for_each of module.irsa.  The
 * mistakes of the trust are overrides of the entry.
 */
static void
tf_app(struct gen *g, const struct app *a)
{
	size_t	 team = a->id / 20;
	FILE	*fp;

	if (g->tfdir == NULL)
		return;
	if (g->tf_team == NULL || team != g->team) {
		if (g->tf_team != NULL) {
			fputs("  }\n}\n", g->tf_team);
			tf_close(g->tf_team);
		}
		g->team = team;
		g->nteams++;
		g->tf_team = tf_open(g, "irsa-%s.tf", a->ns);
		fprintf(g->tf_team, "# IRSA roles of %s: one instance of "
		    "module.irsa each (main.tf).\nlocals {\n"
		    "  irsa_team_%03zu = {\n", a->ns, team);
	}
	fp = g->tf_team;
	fprintf(fp, "    \"%s\" = {\n      namespace        = \"%s\"\n"
	    "      service_accounts = [\"%s\"%s%s%s]\n"
	    "      role             = \"%s\"\n      path             = \"%s\"\n"
	    "      cluster          = %zu\n", a->key, a->ns, a->sa,
	    a->two_subs ? ", \"" : "", a->two_subs ? a->sa : "",
	    a->two_subs ? "-canary\"" : "", a->role, a->path,
	    a->id % BENCH_NCLUSTERS);
	if (a->ms == MS_AUD)
		fputs("      audience         = \"sts.amazon.com\"\n", fp);
	else if (a->ms == MS_KEY_ISSUER)
		fprintf(fp, "      oidc_issuer      = \"https://%s\"\n",
		    a->issuer);
	else if (a->ms == MS_ACTION)
		fputs("      action           = \"sts:AssumeRole\"\n", fp);
	fputs("    }\n", fp);
}

/* A file of locals that grew past TF_CHUNK is closed, another opened. */
static FILE *
tf_chunk(struct gen *g, FILE **fpp, size_t *nfiles, const char *stem,
    const char *open)
{
	if (*fpp != NULL && ftell(*fpp) > TF_CHUNK) {
		fprintf(*fpp, "  %s\n}\n", *open == '{' ? "}" : "]");
		tf_close(*fpp);
		*fpp = NULL;
	}
	if (*fpp == NULL) {
		*fpp = tf_open(g, "%s-%03zu.tf", stem, *nfiles);
		fprintf(*fpp, "locals {\n  %s_%03zu = %s\n", stem, *nfiles, open);
		(*nfiles)++;
	}
	return *fpp;
}

static void
tf_bucket(struct gen *g, const char *name, unsigned cc)
{
	FILE	*fp;

	if (g->tfdir == NULL)
		return;
	fp = tf_chunk(g, &g->tf_bucket, &g->nbucketf, "buckets", "{");
	fprintf(fp, "    \"%s\" = { cost_center = \"cc-%u\" }\n", name, cc);
}

/* Security group id: its ingress rules, drawn as sg_rules draws them. */
static void
tf_sg(struct gen *g, size_t id, uint64_t seed)
{
	FILE		*fp;
	uint64_t	 saved = g->rng;
	size_t		 i, n = 4 + id % 9;
	unsigned	 b, c;

	if (g->tfdir == NULL)
		return;
	fp = tf_chunk(g, &g->tf_sg, &g->nsgf, "security_groups", "[");
	g->rng = seed;
	fprintf(fp, "    [ # svc-%zu\n", id);
	for (i = 0; i < n; i++) {
		b = rnd(g) % 256;
		c = rnd(g) % 256;
		fprintf(fp, "      { cidr = \"10.%u.%u.0/24\", port = %zu, "
		    "description = \"%s from %s\" },\n", b, c, 8000 + i,
		    bench_words[i % BENCH_NWORDS],
		    bench_words[(i + 7) % BENCH_NWORDS]);
	}
	fputs("    ],\n", fp);
	g->rng = saved;
}

/* modules/irsa: shaped like terraform-aws-iam's IRSA role module. */
static void
tf_module(struct gen *g)
{
	FILE	*fp;

	fp = tf_open(g, "modules/irsa/main.tf");
	fputs("data \"aws_iam_policy_document\" \"this\" {\n"
	    "  count = var.create_role ? 1 : 0\n\n"
	    "  statement {\n    effect  = \"Allow\"\n"
	    "    actions = [var.assume_role_action]\n\n"
	    "    principals {\n      type        = \"Federated\"\n"
	    "      identifiers = [var.oidc_provider_arn]\n    }\n\n"
	    "    condition {\n      test     = \"StringEquals\"\n"
	    "      variable = \"${var.oidc_issuer}:sub\"\n"
	    "      values   = [for sa in var.namespace_service_accounts : "
	    "\"system:serviceaccount:${sa}\"]\n    }\n\n"
	    "    condition {\n      test     = \"StringEquals\"\n"
	    "      variable = \"${var.oidc_issuer}:aud\"\n"
	    "      values   = [var.audience]\n    }\n  }\n}\n\n"
	    "resource \"aws_iam_role\" \"this\" {\n"
	    "  count = var.create_role ? 1 : 0\n\n"
	    "  name               = var.role_name\n"
	    "  path               = var.role_path\n"
	    "  description        = var.role_description\n"
	    "  assume_role_policy = data.aws_iam_policy_document.this[0].json\n\n"
	    "  force_detach_policies = true\n"
	    "  max_session_duration  = 3600\n"
	    "  tags                  = var.tags\n}\n\n"
	    "resource \"aws_iam_role_policy_attachment\" \"this\" {\n"
	    "  for_each = { for k, v in var.role_policy_arns : k => v if "
	    "var.create_role }\n\n"
	    "  role       = aws_iam_role.this[0].name\n"
	    "  policy_arn = each.value\n}\n", fp);
	tf_close(fp);

	fp = tf_open(g, "modules/irsa/variables.tf");
	fputs("variable \"create_role\" {\n  description = \"Whether to "
	    "create the role\"\n  type        = bool\n  default     = true\n}\n\n"
	    "variable \"role_name\" {\n  type = string\n}\n\n"
	    "variable \"role_path\" {\n  type    = string\n  default = \"/\"\n}\n\n"
	    "variable \"role_description\" {\n  type    = string\n"
	    "  default = null\n}\n\n"
	    "variable \"oidc_provider_arn\" {\n  description = \"ARN of the "
	    "cluster's IAM OIDC provider\"\n  type        = string\n}\n\n"
	    "variable \"oidc_issuer\" {\n  description = \"The issuer without "
	    "https://, as the trust's condition keys name it\"\n"
	    "  type        = string\n}\n\n"
	    "variable \"namespace_service_accounts\" {\n  description = "
	    "\"namespace:name of the ServiceAccounts that may assume the "
	    "role\"\n  type        = list(string)\n}\n\n"
	    "variable \"audience\" {\n  type    = string\n"
	    "  default = \"sts.amazonaws.com\"\n}\n\n"
	    "variable \"assume_role_action\" {\n  type    = string\n"
	    "  default = \"sts:AssumeRoleWithWebIdentity\"\n}\n\n"
	    "variable \"role_policy_arns\" {\n  type    = map(string)\n"
	    "  default = {}\n}\n\n"
	    "variable \"tags\" {\n  type    = map(string)\n  default = {}\n}\n",
	    fp);
	tf_close(fp);

	fp = tf_open(g, "modules/irsa/outputs.tf");
	fputs("output \"iam_role_arn\" {\n"
	    "  value = try(aws_iam_role.this[0].arn, \"\")\n}\n\n"
	    "output \"iam_role_name\" {\n"
	    "  value = try(aws_iam_role.this[0].name, \"\")\n}\n", fp);
	tf_close(fp);
}

/* The root module's own files, once the files of locals are known. */
static void
tf_root(struct gen *g)
{
	FILE	*fp;
	size_t	 i;

	fputs("  }\n}\n", g->tf_team);
	tf_close(g->tf_team);
	fputs("  }\n}\n", g->tf_bucket);
	tf_close(g->tf_bucket);
	fputs("  ]\n}\n", g->tf_sg);
	tf_close(g->tf_sg);

	fp = tf_open(g, "versions.tf");
	fputs("# Generated by tools/benchgen for make bench: the sources of "
	    "plan.json.\nterraform {\n  required_version = \">= 1.5\"\n\n"
	    "  required_providers {\n    aws = {\n"
	    "      source  = \"hashicorp/aws\"\n      version = \"~> 5.0\"\n"
	    "    }\n  }\n}\n\nprovider \"aws\" {\n  region = \"" REGION "\"\n\n"
	    "  default_tags {\n    tags = {\n      ManagedBy = \"terraform\"\n"
	    "    }\n  }\n}\n", fp);
	tf_close(fp);

	fp = tf_open(g, "main.tf");
	fputs("locals {\n  account_id = \"" ACCOUNT "\"\n\n"
	    "  # The clusters' OIDC issuers, without https://.\n"
	    "  issuers = [\n", fp);
	for (i = 0; i < BENCH_NCLUSTERS; i++)
		fprintf(fp, "    \"%s\",\n", bench_issuers[i]);
	fputs("  ]\n\n  irsa_apps = merge(\n", fp);
	for (i = 0; i < g->nteams; i++)
		fprintf(fp, "    local.irsa_team_%03zu,\n", g->team + 1 -
		    g->nteams + i);
	fputs("  )\n}\n\n"
	    "resource \"aws_iam_openid_connect_provider\" \"cluster\" {\n"
	    "  count = length(local.issuers)\n\n"
	    "  url             = \"https://${local.issuers[count.index]}\"\n"
	    "  client_id_list  = [\"sts.amazonaws.com\"]\n"
	    "  thumbprint_list = [\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"]\n"
	    "}\n\n"
	    "module \"irsa\" {\n  source   = \"./modules/irsa\"\n"
	    "  for_each = local.irsa_apps\n\n"
	    "  role_name        = each.value.role\n"
	    "  role_path        = each.value.path\n"
	    "  role_description = \"IRSA role for ${each.value.namespace}/"
	    "${each.value.service_accounts[0]}\"\n\n"
	    "  oidc_provider_arn = \"arn:aws:iam::${local.account_id}:"
	    "oidc-provider/${local.issuers[each.value.cluster]}\"\n"
	    "  oidc_issuer       = try(each.value.oidc_issuer, "
	    "local.issuers[each.value.cluster])\n"
	    "  namespace_service_accounts = [\n"
	    "    for sa in each.value.service_accounts : "
	    "\"${each.value.namespace}:${sa}\"\n  ]\n"
	    "  audience           = try(each.value.audience, "
	    "\"sts.amazonaws.com\")\n"
	    "  assume_role_action = try(each.value.action, "
	    "\"sts:AssumeRoleWithWebIdentity\")\n\n"
	    "  role_policy_arns = {\n    access = \"arn:aws:iam::"
	    "${local.account_id}:policy/${each.value.role}-access\"\n  }\n\n"
	    "  tags = {\n    Environment = \"prod\"\n"
	    "    Team        = each.value.namespace\n  }\n}\n", fp);
	tf_close(fp);

	fp = tf_open(g, "s3.tf");
	fputs("locals {\n  buckets = merge(\n", fp);
	for (i = 0; i < g->nbucketf; i++)
		fprintf(fp, "    local.buckets_%03zu,\n", i);
	fputs("  )\n}\n\nresource \"aws_s3_bucket\" \"data\" {\n"
	    "  for_each = local.buckets\n\n  bucket        = each.key\n"
	    "  force_destroy = false\n\n  tags = {\n"
	    "    CostCenter = each.value.cost_center\n"
	    "    DataClass  = \"internal\"\n  }\n}\n", fp);
	tf_close(fp);

	fp = tf_open(g, "security_groups.tf");
	fputs("locals {\n  security_groups = concat(\n", fp);
	for (i = 0; i < g->nsgf; i++)
		fprintf(fp, "    local.security_groups_%03zu,\n", i);
	fputs("  )\n}\n\nresource \"aws_security_group\" \"svc\" {\n"
	    "  count = length(local.security_groups)\n\n"
	    "  name        = \"svc-${count.index}\"\n"
	    "  description = \"service ${count.index}\"\n"
	    "  vpc_id      = \"" VPC_ID "\"\n\n"
	    "  dynamic \"ingress\" {\n"
	    "    for_each = local.security_groups[count.index]\n\n"
	    "    content {\n      description = ingress.value.description\n"
	    "      from_port   = ingress.value.port\n"
	    "      to_port     = ingress.value.port\n"
	    "      protocol    = \"tcp\"\n"
	    "      cidr_blocks = [ingress.value.cidr]\n    }\n  }\n\n"
	    "  egress {\n    from_port   = 0\n    to_port     = 0\n"
	    "    protocol    = \"-1\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n"
	    "  }\n}\n", fp);
	tf_close(fp);
}

static void
usage(void)
{
	fputs("usage: benchgen [-k shape] [-s size] [-o directory]\n",
	    stderr);
	exit(2);
}

/*
 * The plan and manifests shapes.  The pair is size MiB of each, with
 * the sources in tf/; annot and helm the same size of another kind of
 * manifests; the tree a plan of size / 10 * 2 MiB and size * 500 small
 * files of manifests, most of them ConfigMaps, as in a GitOps
 * repository.  The tree's directory must not hold a former run's files.
 */
static void
gen_plan(const char *dir, unsigned long size, enum shape shape)
{
	struct gen		 g;
	struct bench_expect	 e;
	FILE			*fp;
	char			 path[4096], kinds[64], what[256];
	size_t			 i, id = 0, ntree = 0;

	memset(&g, 0, sizeof(g));
	g.shape = shape;
	g.rng = 0x9e3779b97f4a7c15ULL;
	g.target = size * 1024 * 1024;
	if (shape == SH_TREE) {
		g.target = size * 2 * 1024 * 1024 / 10;
		ntree = size * 500;
	}
	for (i = 0; i < S__MAX; i++)
		sect_open(&g.s[i]);
	if (shape == SH_PAIR) {
		g.tfdir = xprintf("%s/tf", dir);
		tf_clean(g.tfdir);
		snprintf(path, sizeof(path), "%s/tf/modules", dir);
		tf_clean(path);
		snprintf(path, sizeof(path), "%s/tf/modules/irsa", dir);
		tf_clean(path);
		tf_module(&g);
	}
	if (shape == SH_TREE) {
		g.k8sdir = xprintf("%s/k8s", dir);
		bench_mkdir(g.k8sdir);
		g.yaml = NULL;
	} else {
		g.yaml = bench_open(dir, "manifests.yaml", path, sizeof(path));
		fputs("# Generated by tools/benchgen for make bench.\n",
		    g.yaml);
	}
	providers(&g);
	/* Configuration and framing: about 6 KB, not in the sections. */
	while ((shape == SH_TREE || yaml_size(&g) < g.target) &&
	    plan_size(&g) + 6144 < g.target)
		app_emit(&g, id++);
	g.napps = id;
	if (shape == SH_TREE) {
		/* Each team's directory gets its share of ConfigMaps. */
		for (i = 0; g.nfiles < ntree; i++) {
			snprintf(what, sizeof(what), "%s-%05zu",
			    bench_words[i % BENCH_NWORDS], i);
			snprintf(path, sizeof(path), "team-%03zu",
			    i % (g.napps / 20 + 1));
			noise_configmap(&g, path, what);
		}
		doc_close(&g);
		free(g.k8sdir);
	} else {
		while (yaml_size(&g) < g.target)
			noise_configmap(&g, "platform",
			    bench_words[g.ncms % BENCH_NWORDS]);
		bench_close(g.yaml, path);
	}
	while (plan_size(&g) + 6144 < g.target)
		noise_bucket(&g);
	if (shape == SH_PAIR) {
		tf_chunk(&g, &g.tf_bucket, &g.nbucketf, "buckets", "{");
		tf_chunk(&g, &g.tf_sg, &g.nsgf, "security_groups", "[");
		tf_root(&g);
		free(g.tfdir);
	}

	fp = bench_open(dir, "plan.json", path, sizeof(path));
	plan_write(&g, fp);
	bench_close(fp, path);
	for (i = 0; i < S__MAX; i++) {
		fclose(g.s[i].fp);
		free(g.s[i].buf);
	}

	memset(&e, 0, sizeof(e));
	for (i = 0; i < MS__MAX; i++) {
		e.rule[i] = bench_mistake_rule[i];
		e.count[i] = g.count[i];
	}
	e.nrules = MS__MAX;
	e.files = shape == SH_TREE ? 1 + g.nfiles : 2;
	snprintf(kinds, sizeof(kinds), "1 Terraform, %zu Kubernetes",
	    e.files - 1);
	e.kinds = kinds;
	/* A misspelt role is not in the inputs; the others are checked. */
	e.named = g.nnamed;
	e.checked = g.nnamed - g.count[MS_ROLE_TYPO];
	e.roles = g.napps;
	e.providers = BENCH_NCLUSTERS;
	snprintf(what, sizeof(what), "apps %zu, configmaps %zu, services %zu, "
	    "buckets %zu, security groups %zu", g.napps, g.ncms, g.nsvcs,
	    g.nbuckets, g.nsgs);
	bench_expected(dir, what, &e);
}

int
main(int argc, char *argv[])
{
	static const char *const shapes[] = { "pair", "annot", "tree",
	    "helm", "awscli", "cfn", "fanout" };
	const char	*dir = ".", *shape = "pair";
	char		*end;
	unsigned long	 size = 1;
	size_t		 k;
	int		 ch;

	while ((ch = getopt(argc, argv, "k:o:s:")) != -1) {
		switch (ch) {
		case 'k':
			shape = optarg;
			break;
		case 'o':
			dir = optarg;
			break;
		case 's':
			size = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || size == 0 ||
			    size > 4096)
				errx(2, "-s: size, 1 to 4096");
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	for (k = 0; k < sizeof(shapes) / sizeof(shapes[0]); k++)
		if (strcmp(shape, shapes[k]) == 0)
			break;
	switch (k) {
	case SH_PAIR:
	case SH_ANNOT:
	case SH_TREE:
	case SH_HELM:
		gen_plan(dir, size, (enum shape)k);
		break;
	case SH__MAX:
		shape_awscli(dir, size);
		break;
	case SH__MAX + 1:
		shape_cfn(dir, size);
		break;
	case SH__MAX + 2:
		shape_fanout(dir, size);
		break;
	default:
		errx(2, "-k: unknown shape %s", shape);
	}
	return 0;
}
