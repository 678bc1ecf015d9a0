/* SPDX-License-Identifier: ISC */
/*
 * Benchmark input generator: writes a Terraform plan (terraform show
 * -json shape) and Kubernetes manifests of a requested size, with a
 * known number of injected IRSA mismatches listed in a third file.
 */
#include <err.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * The output depends only on the size asked for: a fixed-seed PRNG, a
 * fixed timestamp, no environment.  Each "app" is an IRSA pair, a
 * ServiceAccount and Deployment in the manifests and a module instance
 * with role, attachment and policy document in the plan; ConfigMaps,
 * Services, S3 buckets and security groups come along as noise.  Apps
 * are emitted while both files are short of the target; then the
 * shorter one is padded with noise alone.
 *
 * Every INJECT_EVERY-th app carries one mistake, cycling through the
 * kinds below; each mistake makes irsalint report exactly one finding
 * of the named rule.
 */

#define ACCOUNT		"111122223333"
#define REGION		"us-west-2"
#define AWS_PROVIDER	"registry.terraform.io/hashicorp/aws"
#define TF_VERSION	"1.11.4"
#define INJECT_EVERY	12
#define INJECT_FIRST	7

enum mistake {
	MS_NONE = -1,
	MS_SUB_NAMESPACE,	/* SA in another namespace than the trust */
	MS_ROLE_TYPO,		/* annotation misspells the role name */
	MS_ARN_MALFORMED,	/* annotation is not a role ARN */
	MS_AUD,			/* trust's aud is not sts.amazonaws.com */
	MS_KEY_ISSUER,		/* condition keys keep https:// */
	MS_ACTION,		/* trust allows sts:AssumeRole only */
	MS__MAX
};

static const char *const mistake_rule[MS__MAX] = {
	"irsa-trust-sub-mismatch",
	"irsa-role-not-found",
	"irsa-role-arn-malformed",
	"irsa-trust-aud-mismatch",
	"irsa-trust-key-issuer-mismatch",
	"irsa-trust-action",
};

static const char *const words[] = {
	"api", "billing", "catalog", "checkout", "events", "exporter",
	"fulfilment", "gateway", "indexer", "ingest", "inventory", "ledger",
	"mailer", "orders", "payments", "pricing", "reports", "search",
	"scheduler", "shipping", "thumbnailer", "tracker", "uploader", "worker"
};
#define NWORDS	(sizeof(words) / sizeof(words[0]))

static const char *const issuers[] = {
	"oidc.eks." REGION ".amazonaws.com/id/B1E2D3C4A5F60718293A4B5C6D7E8F90",
	"oidc.eks." REGION ".amazonaws.com/id/0A9B8C7D6E5F40312A3B4C5D6E7F8091"
};
#define NCLUSTERS	2

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

struct gen {
	FILE		*yaml;
	struct sect	 s[S__MAX];
	uint64_t	 rng;
	size_t		 target;
	size_t		 napps, nbuckets, nsgs, ncms, nsvcs;
	size_t		 count[MS__MAX];
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
static FILE	*open_out(const char *, const char *, char *, size_t);
static void	 close_out(FILE *, const char *);
static void	 usage(void) __attribute__((noreturn));

/* xorshift64*: deterministic, and good enough for picking words. */
static uint32_t
rnd(struct gen *g)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return (uint32_t)((g->rng * 2685821657736338717ULL) >> 32);
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
	char		*pretty;

	trust_parts(a, &scheme, &aud, &action);
	pretty = xprintf("{\n  \"Version\": \"2012-10-17\",\n"
	    "  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
	    "      \"Action\": \"%s\",\n"
	    "      \"Principal\": {\n        \"Federated\": \"arn:aws:iam::"
	    ACCOUNT ":oidc-provider/%s\"\n      },\n      \"Condition\": {\n"
	    "        \"StringEquals\": {\n          \"%s%s:aud\": "
	    "\"%s\",\n          \"%s%s:sub\": "
	    "\"system:serviceaccount:%s:%s\"\n        }\n      }\n    }\n"
	    "  ]\n}", action, a->issuer, scheme, a->issuer, aud, scheme,
	    a->issuer, a->ns, a->sa);
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
	    "\"StringEquals\",\"values\":[\"system:serviceaccount:%s:%s\"],"
	    "\"variable\":\"%s%s:sub\"}],"
	    "\"effect\":\"Allow\",\"not_actions\":[],\"not_principals\":[],"
	    "\"not_resources\":[],\"principals\":[{\"identifiers\":["
	    "\"arn:aws:iam::" ACCOUNT ":oidc-provider/%s\"],\"type\":"
	    "\"Federated\"}],\"resources\":[],\"sid\":\"\"}],\"version\":"
	    "\"2012-10-17\"},\"sensitive_values\":{\"statement\":[{}]}}",
	    action, aud, scheme, a->issuer, a->ns, a->sa, scheme, a->issuer,
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
 * The ServiceAccount (and its canary's, which the trust admits too)
 * and the Deployment that runs as it, as helm template renders them;
 * the annotation mistakes are made here.
 */
static void
app_manifests(struct gen *g, const struct app *a)
{
	FILE		*fp = g->yaml;
	char		 ns[48], role[96], arn[192];
	const char	*w;

	snprintf(ns, sizeof(ns), "%s%s", a->ns,
	    a->ms == MS_SUB_NAMESPACE ? "-staging" : "");
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
	fprintf(fp, "---\n# Source: %s/templates/serviceaccount.yaml\n"
	    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
	    "  name: %s\n  namespace: %s\n  labels:\n"
	    "    app.kubernetes.io/name: %s\n"
	    "    app.kubernetes.io/instance: %s\n"
	    "    app.kubernetes.io/managed-by: Helm\n"
	    "    helm.sh/chart: %s-1.4.%zu\n  annotations:\n"
	    "    eks.amazonaws.com/role-arn: %s\n"
	    "    eks.amazonaws.com/sts-regional-endpoints: \"true\"\n",
	    a->sa, a->sa, ns, a->sa, a->sa, a->sa, a->id % 10, arn);
	if (a->two_subs)
		fprintf(fp, "---\n# Source: %s/templates/canary.yaml\n"
		    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
		    "  name: %s-canary\n  namespace: %s\n  annotations:\n"
		    "    eks.amazonaws.com/role-arn: %s\n", a->sa, a->sa, ns,
		    arn);
	fprintf(fp, "---\n# Source: %s/templates/deployment.yaml\n"
	    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
	    "  name: %s\n  namespace: %s\n  labels:\n"
	    "    app.kubernetes.io/name: %s\n"
	    "    app.kubernetes.io/managed-by: Helm\n"
	    "spec:\n  replicas: %zu\n  revisionHistoryLimit: 5\n"
	    "  selector:\n    matchLabels:\n"
	    "      app.kubernetes.io/name: %s\n"
	    "  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n"
	    "      maxSurge: 25%%\n      maxUnavailable: 0\n"
	    "  template:\n    metadata:\n      labels:\n"
	    "        app.kubernetes.io/name: %s\n      annotations:\n"
	    "        checksum/config: %08x%08x%08x%08x\n"
	    "        prometheus.io/scrape: \"true\"\n"
	    "        prometheus.io/port: \"9090\"\n"
	    "    spec:\n      serviceAccountName: %s\n"
	    "      securityContext:\n        runAsNonRoot: true\n"
	    "        runAsUser: 10001\n        fsGroup: 10001\n",
	    a->sa, a->sa, ns, a->sa, 2 + a->id % 4, a->sa, a->sa,
	    rnd(g), rnd(g), rnd(g), rnd(g), a->sa);
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
	FILE	*fp = g->yaml;
	size_t	 i, n = 8 + rnd(g) % 16;

	fprintf(fp, "---\n# Source: %s/templates/configmap.yaml\n"
	    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
	    "  name: %s-config\n  namespace: %s\n"
	    "data:\n  LOG_FORMAT: json\n  FEATURE_FLAGS: \"%s,%s\"\n"
	    "  application.yaml: |\n    server:\n      port: 8080\n"
	    "      shutdown: graceful\n    upstreams:\n", name, name, ns,
	    words[rnd(g) % NWORDS], words[rnd(g) % NWORDS]);
	for (i = 0; i < n; i++)
		fprintf(fp, "      - name: %s-%u\n        url: http://%s.%s.svc"
		    ".cluster.local:%u/v1\n        timeoutMs: %u\n",
		    words[i % NWORDS], rnd(g) % 100, words[i % NWORDS], ns,
		    8000 + rnd(g) % 100, 100 * (1 + rnd(g) % 50));
	g->ncms++;
}

static void
noise_service(struct gen *g, const char *ns, const char *name)
{
	fprintf(g->yaml, "---\n# Source: %s/templates/service.yaml\n"
	    "apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\n"
	    "  namespace: %s\n  labels:\n    app.kubernetes.io/name: %s\n"
	    "spec:\n  type: ClusterIP\n  ports:\n    - port: 80\n"
	    "      targetPort: http\n      protocol: TCP\n      name: http\n"
	    "    - port: 9090\n      targetPort: metrics\n      name: metrics\n"
	    "  selector:\n    app.kubernetes.io/name: %s\n", name, name, ns,
	    name, name);
	g->nsvcs++;
}

/* An S3 bucket being created: unrelated to IRSA, and bulky. */
static void
noise_bucket(struct gen *g)
{
	char	 name[64];
	FILE	*fp;
	size_t	 id = g->nbuckets++;

	snprintf(name, sizeof(name), "acme-%s-%06zu", words[id % NWORDS], id);
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
	    name, rnd(g) % 1000, rnd(g) % 1000);
	fp = item(g, S_RC);
	fprintf(fp, "{\"address\":\"aws_s3_bucket.data[\\\"%s\\\"]\","
	    "\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"data\","
	    "\"index\":\"%s\",\"provider_name\":\"" AWS_PROVIDER "\","
	    "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":"
	    "{\"bucket\":\"%s\",\"force_destroy\":false,"
	    "\"object_lock_enabled\":false,\"tags\":{\"DataClass\":"
	    "\"internal\"},\"tags_all\":{\"DataClass\":\"internal\","
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
	    name);
}

/* The ingress list of a security group: the bulk of its attributes. */
static void
sg_rules(struct gen *g, FILE *fp, size_t n)
{
	size_t	 i;

	fputs("[", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s{\"cidr_blocks\":[\"10.%u.%u.0/24\"],"
		    "\"description\":\"%s from %s\",\"from_port\":%u,"
		    "\"ipv6_cidr_blocks\":[],\"prefix_list_ids\":[],"
		    "\"protocol\":\"tcp\",\"security_groups\":[],\"self\":false,"
		    "\"to_port\":%u}", i ? "," : "", rnd(g) % 256, rnd(g) % 256,
		    words[i % NWORDS], words[(i + 7) % NWORDS], 8000 + (unsigned)i,
		    8000 + (unsigned)i);
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
}

/* The OIDC providers of the clusters: they exist and are kept. */
static void
providers(struct gen *g)
{
	FILE	*fp;
	size_t	 i, k;
	char	 v[1024];

	for (i = 0; i < NCLUSTERS; i++) {
		snprintf(v, sizeof(v), "{\"arn\":\"arn:aws:iam::" ACCOUNT
		    ":oidc-provider/%s\",\"client_id_list\":"
		    "[\"sts.amazonaws.com\"],\"id\":\"arn:aws:iam::" ACCOUNT
		    ":oidc-provider/%s\",\"tags\":{},\"tags_all\":{},"
		    "\"thumbprint_list\":[\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"],"
		    "\"url\":\"https://%s\"}", issuers[i], issuers[i],
		    issuers[i]);
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
	const char	*w = words[rnd(g) % NWORDS];

	memset(a, 0, sizeof(*a));
	a->id = id;
	snprintf(a->ns, sizeof(a->ns), "team-%03zu", id / 20);
	snprintf(a->sa, sizeof(a->sa), "%s-%06zu", w, id);
	snprintf(a->role, sizeof(a->role), "irsa-%s-%06zu", w, id);
	snprintf(a->key, sizeof(a->key), "%s/%s", a->ns, a->sa);
	a->path = id % 10 == 3 ? "/eks/" : "/";
	a->issuer = issuers[id % NCLUSTERS];
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
	/* Keep the manifests in step with the plan. */
	while (yaml_size(g) < plan_size(g))
		noise_configmap(g, a.ns, words[g->ncms % NWORDS]);
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
	    "\"module_calls\":{\"irsa\":{\"source\":"
	    "\"terraform-aws-modules/iam/aws//modules/"
	    "iam-role-for-service-accounts-eks\",\"expressions\":{\"role_name\":"
	    "{\"references\":[\"each.value.role\",\"each.value\"]},"
	    "\"role_path\":{\"references\":[\"each.value.path\",\"each.value\"]},"
	    "\"oidc_providers\":{\"references\":[\"aws_iam_openid_connect_"
	    "provider.cluster\",\"each.value.namespace_service_accounts\"]}},"
	    "\"for_each_expression\":{\"references\":[\"local.irsa_apps\"]},"
	    "\"module\":{\"resources\":[{\"address\":\"aws_iam_role.this\","
	    "\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"this\","
	    "\"provider_config_key\":\"aws\",\"expressions\":{"
	    "\"assume_role_policy\":{\"references\":[\"data.aws_iam_policy_"
	    "document.this[0].json\",\"data.aws_iam_policy_document.this[0]\","
	    "\"data.aws_iam_policy_document.this\"]},\"force_detach_policies\":"
	    "{\"references\":[\"var.force_detach_policies\"]},\"name\":"
	    "{\"references\":[\"var.role_name\"]},\"path\":{\"references\":"
	    "[\"var.role_path\"]}},\"schema_version\":0,\"count_expression\":"
	    "{\"references\":[\"var.create_role\"]}},{\"address\":"
	    "\"aws_iam_role_policy_attachment.this\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role_policy_attachment\",\"name\":\"this\","
	    "\"provider_config_key\":\"aws\",\"expressions\":{\"policy_arn\":"
	    "{\"references\":[\"each.value\"]},\"role\":{\"references\":"
	    "[\"aws_iam_role.this[0].name\",\"aws_iam_role.this[0]\","
	    "\"aws_iam_role.this\"]}},\"schema_version\":0,"
	    "\"for_each_expression\":{\"references\":[\"var.role_policy_arns\"]"
	    "}},{\"address\":\"data.aws_iam_policy_document.this\",\"mode\":"
	    "\"data\",\"type\":\"aws_iam_policy_document\",\"name\":\"this\","
	    "\"provider_config_key\":\"aws\",\"schema_version\":0,"
	    "\"count_expression\":{\"references\":[\"var.create_role\"]}}],"
	    "\"variables\":{\"role_name\":{\"default\":null},\"role_path\":"
	    "{\"default\":\"/\"},\"create_role\":{\"default\":true},"
	    "\"force_detach_policies\":{\"default\":false},"
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

static FILE *
open_out(const char *dir, const char *name, char *path, size_t len)
{
	FILE	*fp;

	snprintf(path, len, "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	return fp;
}

static void
close_out(FILE *fp, const char *path)
{
	if (fflush(fp) == EOF || ferror(fp) || fclose(fp) == EOF)
		err(1, "%s", path);
}

static void
usage(void)
{
	fputs("usage: benchgen [-s megabytes] [-o directory]\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct gen	 g;
	FILE		*fp;
	const char	*dir = ".";
	char		 path[4096], *end;
	unsigned long	 mb = 1;
	size_t		 i, id = 0;
	int		 ch;

	while ((ch = getopt(argc, argv, "o:s:")) != -1) {
		switch (ch) {
		case 'o':
			dir = optarg;
			break;
		case 's':
			mb = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || mb == 0 ||
			    mb > 4096)
				errx(2, "-s: size in megabytes, 1 to 4096");
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	memset(&g, 0, sizeof(g));
	g.rng = 0x9e3779b97f4a7c15ULL;
	g.target = mb * 1024 * 1024;
	for (i = 0; i < S__MAX; i++)
		sect_open(&g.s[i]);
	g.yaml = open_out(dir, "manifests.yaml", path, sizeof(path));
	fputs("# Generated by tools/benchgen for make bench.\n", g.yaml);
	providers(&g);
	/* Configuration and framing: about 6 KB, not in the sections. */
	while (yaml_size(&g) < g.target && plan_size(&g) + 6144 < g.target)
		app_emit(&g, id++);
	g.napps = id;
	while (yaml_size(&g) < g.target)
		noise_configmap(&g, "platform", words[g.ncms % NWORDS]);
	while (plan_size(&g) + 6144 < g.target)
		noise_bucket(&g);
	close_out(g.yaml, path);

	fp = open_out(dir, "plan.json", path, sizeof(path));
	plan_write(&g, fp);
	close_out(fp, path);
	for (i = 0; i < S__MAX; i++) {
		fclose(g.s[i].fp);
		free(g.s[i].buf);
	}

	fp = open_out(dir, "expected", path, sizeof(path));
	fprintf(fp, "# rule findings (apps %zu, configmaps %zu, services %zu, "
	    "buckets %zu, security groups %zu)\n", g.napps, g.ncms, g.nsvcs,
	    g.nbuckets, g.nsgs);
	for (i = 0; i < MS__MAX; i++)
		fprintf(fp, "%s %zu\n", mistake_rule[i], g.count[i]);
	close_out(fp, path);
	return 0;
}
