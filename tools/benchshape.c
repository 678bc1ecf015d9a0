/* SPDX-License-Identifier: ISC */
/*
 * Benchmark shapes without a Terraform plan's bulk: what AWS CLI and
 * kubectl print of a live account and cluster, a CloudFormation JSON
 * template with manifests, and many ServiceAccounts sharing one role.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchgen.h"

#define FANOUT_SUBJECTS	200	/* sub patterns of the fanout's trust */

/*
 * An IRSA pair of these shapes: a ServiceAccount and the role it
 * names, with the mistake injected into one of them (INJECT_EVERY, as
 * for the plan's apps, cycling through the kinds of benchgen.h).
 */
struct pair {
	size_t		 id;
	char		 ns[32];	/* the ServiceAccount's namespace */
	char		 tns[48];	/* the namespace its trust admits */
	char		 sa[64];
	char		 role[80];
	char		 arn[192];	/* the annotation */
	const char	*path;
	enum mistake	 ms;
};

/* A generated file, written minified in memory, then pretty-printed. */
struct out {
	FILE	*fp;
	char	*buf;
	size_t	 len;
};

static void	 pair_make(struct pair *, size_t, uint64_t *, size_t *);
static void	 trust(FILE *, const struct pair *, const char *);
static void	 out_open(struct out *);
static void	 out_write(struct out *, const char *, const char *, int);
static void	 indent(FILE *, int, int);
static void	 expect_pairs(struct bench_expect *, const size_t *);
static void	 yaml_sa(FILE *, const struct pair *, const char *);
static void	 tf_resource(FILE *, const char *, const char *,
		    const char *, int);

/*
 * Pair id: ServiceAccount <word>-<id> in team-<id / 20>, role
 * irsa-<word>-<id>; rng picks the word, count[] tallies the mistakes.
 */
static void
pair_make(struct pair *p, size_t id, uint64_t *rng, size_t *count)
{
	const char	*w = bench_words[bench_rnd(rng) % BENCH_NWORDS];
	char		 role[96];

	memset(p, 0, sizeof(*p));
	p->id = id;
	p->ms = MS_NONE;
	if (id % INJECT_EVERY == INJECT_FIRST) {
		p->ms = (enum mistake)(id / INJECT_EVERY % MS__MAX);
		count[p->ms]++;
	}
	snprintf(p->ns, sizeof(p->ns), "team-%03zu", id / 20);
	snprintf(p->tns, sizeof(p->tns), "%s%s", p->ns,
	    p->ms == MS_SUB_NAMESPACE ? "-staging" : "");
	snprintf(p->sa, sizeof(p->sa), "%s-%06zu", w, id);
	snprintf(p->role, sizeof(p->role), "irsa-%s-%06zu", w, id);
	p->path = id % 10 == 3 ? "/eks/" : "/";
	/* Double the word's first letter: "irsa-oorders-..". */
	if (p->ms == MS_ROLE_TYPO)
		snprintf(role, sizeof(role), "irsa-%c%s", *w,
		    p->role + strlen("irsa-"));
	else
		snprintf(role, sizeof(role), "%s", p->role);
	snprintf(p->arn, sizeof(p->arn), "arn:aws:iam::%s:role%s%s",
	    p->ms == MS_ARN_MALFORMED ? "11112222333" : ACCOUNT, p->path,
	    role);
}

/* The trust of p's role for issuer, minified; the trust's mistakes. */
static void
trust(FILE *fp, const struct pair *p, const char *issuer)
{
	const char	*scheme = p->ms == MS_KEY_ISSUER ? "https://" : "";

	fprintf(fp, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
	    "\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::" ACCOUNT
	    ":oidc-provider/%s\"},\"Action\":\"%s\",\"Condition\":"
	    "{\"StringEquals\":{\"%s%s:aud\":\"%s\",\"%s%s:sub\":"
	    "\"system:serviceaccount:%s:%s\"}}}]}", issuer,
	    p->ms == MS_ACTION ? "sts:AssumeRole" :
	    "sts:AssumeRoleWithWebIdentity", scheme, issuer,
	    p->ms == MS_AUD ? "sts.amazon.com" : "sts.amazonaws.com", scheme,
	    issuer, p->tns, p->sa);
}

static void
out_open(struct out *o)
{
	memset(o, 0, sizeof(*o));
	if ((o->fp = open_memstream(&o->buf, &o->len)) == NULL)
		err(1, "open_memstream");
}

static void
indent(FILE *fp, int width, int depth)
{
	fputc('\n', fp);
	fprintf(fp, "%*s", width * depth, "");
}

/*
 * Write the minified JSON of o to dir/name, pretty-printed as the AWS
 * CLI, kubectl and CloudFormation print it: width spaces an level, one
 * member or element a line, "key": value, empty {} and [] kept on one
 * line.  Frees o.
 */
static void
out_write(struct out *o, const char *dir, const char *name, int width)
{
	FILE		*fp;
	char		 path[4096];
	const char	*s;
	int		 depth = 0, str = 0;

	if (fclose(o->fp) == EOF)
		err(1, "memstream");
	fp = bench_open(dir, name, path, sizeof(path));
	for (s = o->buf; *s != '\0'; s++) {
		if (str) {
			fputc(*s, fp);
			if (*s == '\\' && s[1] != '\0')
				fputc(*++s, fp);
			else if (*s == '"')
				str = 0;
			continue;
		}
		switch (*s) {
		case '"':
			str = 1;
			fputc('"', fp);
			break;
		case '{':
		case '[':
			fputc(*s, fp);
			if (s[1] == '}' || s[1] == ']')
				fputc(*++s, fp);
			else
				indent(fp, width, ++depth);
			break;
		case '}':
		case ']':
			indent(fp, width, --depth);
			fputc(*s, fp);
			break;
		case ',':
			fputc(',', fp);
			indent(fp, width, depth);
			break;
		case ':':
			fputs(": ", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
	fputc('\n', fp);
	bench_close(fp, path);
	free(o->buf);
}

/* The findings and the ServiceAccounts named and checked of the pairs. */
static void
expect_pairs(struct bench_expect *e, const size_t *count)
{
	size_t	 i;

	for (i = 0; i < MS__MAX; i++) {
		e->rule[i] = bench_mistake_rule[i];
		e->count[i] = count[i];
	}
	e->nrules = MS__MAX;
	/* A malformed ARN names no role; a misspelt one is not there. */
	e->named -= count[MS_ARN_MALFORMED];
	e->checked = e->named - count[MS_ROLE_TYPO];
}

/*
 * aws iam list-roles of an account (size * 1,000 roles) and kubectl
 * get serviceaccounts -A -o json of one of its clusters (size * 400
 * ServiceAccounts, one a namespace its "default").  Of the roles, one
 * is each annotated ServiceAccount's; the rest are half the other
 * cluster's IRSA roles, half service roles of EC2, Lambda and EKS.
 */
void
shape_awscli(const char *dir, unsigned long size)
{
	static const char *const svc[] = { "ec2.amazonaws.com",
	    "lambda.amazonaws.com", "eks.amazonaws.com" };
	struct bench_expect	 e;
	struct out		 roles, sas;
	struct pair		 p;
	uint64_t		 rng = 0x2545f4914f6cdd1dULL;
	size_t			 count[MS__MAX] = { 0 }, other[MS__MAX];
	size_t			 i, nsa, nroles, n = 0;
	char			 what[128];

	nsa = size * 400;
	nroles = size * 1000;
	memset(&e, 0, sizeof(e));
	out_open(&roles);
	out_open(&sas);
	fputs("{\"Roles\":[", roles.fp);
	fputs("{\"apiVersion\":\"v1\",\"items\":[", sas.fp);
	for (i = 0; i < nsa; i++) {
		pair_make(&p, i, &rng, count);
		fprintf(sas.fp, "%s{\"apiVersion\":\"v1\",\"kind\":"
		    "\"ServiceAccount\",\"metadata\":{", i > 0 ? "," : "");
		if (i % 20 != 0)
			fprintf(sas.fp, "\"annotations\":{\"eks.amazonaws.com/"
			    "role-arn\":\"%s\",\"meta.helm.sh/release-name\":"
			    "\"%s\",\"meta.helm.sh/release-namespace\":\"%s\"},",
			    p.arn, p.sa, p.ns);
		fprintf(sas.fp, "\"creationTimestamp\":\"2025-0%zu-1%zuT0%zu:"
		    "%02zu:17Z\",", 1 + i % 9, i % 10, i % 10, i % 60);
		if (i % 20 != 0)
			fprintf(sas.fp, "\"labels\":{\"app.kubernetes.io/"
			    "managed-by\":\"Helm\",\"app.kubernetes.io/name\":"
			    "\"%s\"},", p.sa);
		fprintf(sas.fp, "\"name\":\"%s\",\"namespace\":\"%s\","
		    "\"resourceVersion\":\"%zu\",\"uid\":"
		    "\"%08x-%04x-4%03x-a%03x-%012zx\"}}",
		    i % 20 ? p.sa : "default", p.ns, 40000 + i * 7,
		    bench_rnd(&rng), bench_rnd(&rng) & 0xffff,
		    bench_rnd(&rng) & 0xfff, bench_rnd(&rng) & 0xfff,
		    (i * 2654435761U) & 0xffffffffffffU);
		if (i % 20 == 0)
			continue;
		e.named++;
		fprintf(roles.fp, "%s{\"Path\":\"%s\",\"RoleName\":\"%s\","
		    "\"RoleId\":\"AROAQ%015zuX\",\"Arn\":\"arn:aws:iam::"
		    ACCOUNT ":role%s%s\",\"CreateDate\":"
		    "\"2024-11-0%zuT10:%02zu:31+00:00\","
		    "\"AssumeRolePolicyDocument\":", n++ > 0 ? "," : "",
		    p.path, p.role, i, p.path, p.role, 1 + i % 9, i % 60);
		trust(roles.fp, &p, bench_issuers[0]);
		fputs(",\"Description\":\"\",\"MaxSessionDuration\":3600}",
		    roles.fp);
	}
	for (i = 0; n < nroles; i++, n++) {
		fputs(",", roles.fp);
		if (i % 2 == 0) {
			/* The other cluster's: a ServiceAccount not here. */
			pair_make(&p, nsa + i, &rng, other);
			fprintf(roles.fp, "{\"Path\":\"/\",\"RoleName\":\"%s\","
			    "\"RoleId\":\"AROAQ%015zuY\",\"Arn\":"
			    "\"arn:aws:iam::" ACCOUNT ":role/%s\","
			    "\"CreateDate\":\"2023-06-1%zuT08:%02zu:05+00:00\","
			    "\"AssumeRolePolicyDocument\":", p.role, i,
			    p.role, i % 10, i % 60);
			p.ms = MS_NONE;
			trust(roles.fp, &p, bench_issuers[1]);
		} else {
			fprintf(roles.fp, "{\"Path\":\"/service-role/\","
			    "\"RoleName\":\"svc-%s-%06zu\",\"RoleId\":"
			    "\"AROAQ%015zuZ\",\"Arn\":\"arn:aws:iam::" ACCOUNT
			    ":role/service-role/svc-%s-%06zu\",\"CreateDate\":"
			    "\"2022-02-2%zuT16:%02zu:44+00:00\","
			    "\"AssumeRolePolicyDocument\":{\"Version\":"
			    "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
			    "\"Principal\":{\"Service\":\"%s\"},\"Action\":"
			    "\"sts:AssumeRole\"}]}", bench_words[i %
			    BENCH_NWORDS], i, i, bench_words[i % BENCH_NWORDS],
			    i, i % 10, i % 60, svc[i / 2 % 3]);
		}
		fputs(",\"Description\":\"\",\"MaxSessionDuration\":3600}",
		    roles.fp);
	}
	fputs("]}", roles.fp);
	fputs("],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}",
	    sas.fp);
	out_write(&roles, dir, "roles.json", 4);
	out_write(&sas, dir, "serviceaccounts.json", 4);

	expect_pairs(&e, count);
	e.files = 2;
	e.kinds = "1 AWS CLI, 1 Kubernetes";
	e.roles = nroles;
	e.providers = 0;
	snprintf(what, sizeof(what), "roles %zu, ServiceAccounts %zu",
	    nroles, nsa);
	bench_expected(dir, what, &e);
}

/* The ServiceAccount of p, as chart renders it. */
static void
yaml_sa(FILE *fp, const struct pair *p, const char *chart)
{
	fprintf(fp, "---\n# Source: %s/templates/serviceaccount.yaml\n"
	    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
	    "  name: %s\n  namespace: %s\n  labels:\n"
	    "    app.kubernetes.io/name: %s\n"
	    "    app.kubernetes.io/managed-by: Helm\n  annotations:\n"
	    "    eks.amazonaws.com/role-arn: %s\n", chart, p->sa, p->ns,
	    p->sa, p->arn);
}

/*
 * A CloudFormation JSON template of size * 600 resources: the cluster's
 * OIDC provider, then, in turn, an IRSA role, a resource of another
 * kind (bucket, queue, topic, security group) and one of IAM or logs
 * (a managed policy, a Lambda function's role, a log group); and the
 * manifests of the IRSA roles' ServiceAccounts.  Trusts name the
 * provider by its ARN, as most templates do.
 */
void
shape_cfn(const char *dir, unsigned long size)
{
	struct bench_expect	 e;
	struct out		 t;
	struct pair		 p;
	FILE			*yaml;
	uint64_t		 rng = 0x6a09e667f3bcc908ULL;
	size_t			 count[MS__MAX] = { 0 }, k, nres, nroles = 0;
	char			 path[4096], what[128];
	const char		*w;

	nres = size * 600;
	memset(&e, 0, sizeof(e));
	out_open(&t);
	yaml = bench_open(dir, "manifests.yaml", path, sizeof(path));
	fputs("# Generated by tools/benchgen -k cfn for make bench.\n", yaml);
	fprintf(t.fp, "{\"AWSTemplateFormatVersion\":\"2010-09-09\","
	    "\"Description\":\"IRSA roles of the prod cluster and their "
	    "resources (generated by tools/benchgen for make bench)\","
	    "\"Resources\":{\"ClusterOIDCProvider\":{\"Type\":"
	    "\"AWS::IAM::OIDCProvider\",\"Properties\":{\"Url\":"
	    "\"https://%s\",\"ClientIdList\":[\"sts.amazonaws.com\"],"
	    "\"ThumbprintList\":[\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"]"
	    "}}", bench_issuers[0]);
	for (k = 0; k + 1 < nres; k++) {
		w = bench_words[k % BENCH_NWORDS];
		fputc(',', t.fp);
		switch (k % 3 == 0 ? 0 : k % 3 == 1 ? 1 + k / 3 % 4 :
		    5 + k / 3 % 3) {
		case 0:
			pair_make(&p, k / 3, &rng, count);
			yaml_sa(yaml, &p, p.sa);
			e.named++;
			nroles++;
			fprintf(t.fp, "\"IrsaRole%06zu\":{\"Type\":"
			    "\"AWS::IAM::Role\",\"Properties\":{\"RoleName\":"
			    "\"%s\",\"Path\":\"%s\",\"Description\":\"IRSA "
			    "role for %s/%s\",\"AssumeRolePolicyDocument\":",
			    k / 3, p.role, p.path, p.ns, p.sa);
			trust(t.fp, &p, bench_issuers[0]);
			fprintf(t.fp, ",\"ManagedPolicyArns\":[\"arn:aws:iam::"
			    ACCOUNT ":policy/%s-access\"],\"Tags\":[{\"Key\":"
			    "\"Team\",\"Value\":\"%s\"}]}}", p.role, p.ns);
			break;
		case 1:
			fprintf(t.fp, "\"DataBucket%06zu\":{\"Type\":"
			    "\"AWS::S3::Bucket\",\"DeletionPolicy\":\"Retain\","
			    "\"Properties\":{\"BucketName\":\"acme-%s-%06zu\","
			    "\"VersioningConfiguration\":{\"Status\":"
			    "\"Enabled\"},\"BucketEncryption\":{"
			    "\"ServerSideEncryptionConfiguration\":[{"
			    "\"ServerSideEncryptionByDefault\":{"
			    "\"SSEAlgorithm\":\"aws:kms\"}}]}}}", k, w, k);
			break;
		case 2:
			fprintf(t.fp, "\"JobQueue%06zu\":{\"Type\":"
			    "\"AWS::SQS::Queue\",\"Properties\":{\"QueueName\":"
			    "\"%s-jobs-%06zu\",\"VisibilityTimeout\":%u,"
			    "\"MessageRetentionPeriod\":1209600}}", k, w, k,
			    30 + bench_rnd(&rng) % 300);
			break;
		case 3:
			fprintf(t.fp, "\"EventTopic%06zu\":{\"Type\":"
			    "\"AWS::SNS::Topic\",\"Properties\":{\"TopicName\":"
			    "\"%s-events-%06zu\",\"KmsMasterKeyId\":"
			    "\"alias/aws/sns\"}}", k, w, k);
			break;
		case 4:
			fprintf(t.fp, "\"ServiceSG%06zu\":{\"Type\":"
			    "\"AWS::EC2::SecurityGroup\",\"Properties\":{"
			    "\"GroupDescription\":\"%s %zu\",\"VpcId\":"
			    "\"vpc-0a1b2c3d4e5f60718\",\"SecurityGroupIngress\":"
			    "[{\"IpProtocol\":\"tcp\",\"FromPort\":8080,"
			    "\"ToPort\":8080,\"CidrIp\":\"10.%u.%u.0/24\"}]}}", k,
			    w, k, bench_rnd(&rng) % 256, bench_rnd(&rng) % 256);
			break;
		case 5:
			fprintf(t.fp, "\"AccessPolicy%06zu\":{\"Type\":"
			    "\"AWS::IAM::ManagedPolicy\",\"Properties\":{"
			    "\"ManagedPolicyName\":\"%s-%06zu-access\","
			    "\"PolicyDocument\":{\"Version\":\"2012-10-17\","
			    "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
			    "[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":"
			    "\"arn:aws:s3:::acme-%s-%06zu/*\"}]}}}", k, w, k, w,
			    k);
			break;
		case 6:
			nroles++;
			fprintf(t.fp, "\"FunctionRole%06zu\":{\"Type\":"
			    "\"AWS::IAM::Role\",\"Properties\":{"
			    "\"AssumeRolePolicyDocument\":{\"Version\":"
			    "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
			    "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
			    "\"Action\":\"sts:AssumeRole\"}]},"
			    "\"ManagedPolicyArns\":[\"arn:aws:iam::aws:policy/"
			    "service-role/AWSLambdaBasicExecutionRole\"]}}", k);
			break;
		default:
			fprintf(t.fp, "\"FunctionLogs%06zu\":{\"Type\":"
			    "\"AWS::Logs::LogGroup\",\"Properties\":{"
			    "\"LogGroupName\":\"/aws/lambda/%s-%06zu\","
			    "\"RetentionInDays\":30}}", k, w, k);
			break;
		}
	}
	fputs("}}", t.fp);
	out_write(&t, dir, "template.json", 2);
	bench_close(yaml, path);

	expect_pairs(&e, count);
	e.files = 2;
	e.kinds = "1 CloudFormation, 1 Kubernetes";
	e.roles = nroles;
	e.providers = 1;
	snprintf(what, sizeof(what), "resources %zu, IRSA roles %zu", nres,
	    e.named + count[MS_ARN_MALFORMED]);
	bench_expected(dir, what, &e);
}

/*
 * A resource of the fanout's plan, kept as it is (no-op): its entry in
 * planned_values.root_module.resources (rc 0) or in resource_changes.
 */
static void
tf_resource(FILE *fp, const char *type, const char *name, const char *values,
    int rc)
{
	fprintf(fp, "{\"address\":\"%s.%s\",\"mode\":\"managed\","
	    "\"type\":\"%s\",\"name\":\"%s\",\"provider_name\":"
	    "\"registry.terraform.io/hashicorp/aws\",", type, name, type, name);
	if (rc)
		fprintf(fp, "\"change\":{\"actions\":[\"no-op\"],\"before\":"
		    "%s,\"after\":%s,\"after_unknown\":{},\"before_sensitive\":"
		    "{},\"after_sensitive\":{}}}", values, values);
	else
		fprintf(fp, "\"schema_version\":0,\"values\":%s,"
		    "\"sensitive_values\":{}}", values);
}

/*
 * size * 2,000 ServiceAccounts of batch jobs, job-<id> in batch-<id %
 * 200>, all annotated with the one role batch-jobs of a plan, whose
 * trust admits system:serviceaccount:batch-<k>:job-* for each of the
 * 200 namespaces.  Every 50th is a mistake, one finding of
 * irsa-trust-sub-mismatch: a namespace the trust does not list, or a
 * name outside the pattern.
 */
void
shape_fanout(const char *dir, unsigned long size)
{
	struct bench_expect	 e;
	struct pair		 p;
	FILE			*fp, *tr;
	char			*trust = NULL, *role = NULL, prov[512];
	char			 path[4096], what[128];
	const char		*v[3];
	const char		*iss = bench_issuers[0], *s;
	size_t			 i, k, n, len = 0, bad = 0;

	n = size * 2000;
	if ((tr = open_memstream(&trust, &len)) == NULL)
		err(1, "open_memstream");
	fprintf(tr, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
	    "\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::"
	    ACCOUNT ":oidc-provider/%s\"},\"Action\":"
	    "\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":"
	    "{\"%s:aud\":\"sts.amazonaws.com\"},\"StringLike\":{\"%s:sub\":[",
	    iss, iss, iss);
	for (k = 0; k < FANOUT_SUBJECTS; k++)
		fprintf(tr, "%s\"system:serviceaccount:batch-%03zu:job-*\"",
		    k > 0 ? "," : "", k);
	fputs("]}}}]}", tr);
	if (fclose(tr) == EOF)
		err(1, "memstream");

	/* The values of the provider, the role and its attachment. */
	if ((tr = open_memstream(&role, &len)) == NULL)
		err(1, "open_memstream");
	fputs("{\"arn\":\"arn:aws:iam::" ACCOUNT ":role/batch-jobs\","
	    "\"assume_role_policy\":\"", tr);
	for (s = trust; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', tr);
		fputc(*s, tr);
	}
	fputs("\",\"description\":\"batch jobs of every team\","
	    "\"id\":\"batch-jobs\",\"max_session_duration\":3600,"
	    "\"name\":\"batch-jobs\",\"path\":\"/\",\"tags\":{}}", tr);
	if (fclose(tr) == EOF)
		err(1, "memstream");
	free(trust);
	v[1] = role;
	snprintf(prov, sizeof(prov), "{\"arn\":\"arn:aws:iam::" ACCOUNT
	    ":oidc-provider/%s\",\"client_id_list\":[\"sts.amazonaws.com\"],"
	    "\"thumbprint_list\":[\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"],"
	    "\"url\":\"https://%s\"}", iss, iss);
	v[0] = prov;
	v[2] = "{\"id\":\"batch-jobs-20250314092653000000001\","
	    "\"policy_arn\":\"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\","
	    "\"role\":\"batch-jobs\"}";
	fp = bench_open(dir, "plan.json", path, sizeof(path));
	fputs("{\"format_version\":\"1.2\",\"terraform_version\":"
	    "\"1.11.4\",\"planned_values\":{\"root_module\":{\"resources\":[",
	    fp);
	for (k = 0; k < 2; k++) {
		tf_resource(fp, "aws_iam_openid_connect_provider", "cluster",
		    v[0], k);
		fputc(',', fp);
		tf_resource(fp, "aws_iam_role", "batch", v[1], k);
		fputc(',', fp);
		tf_resource(fp, "aws_iam_role_policy_attachment", "batch",
		    v[2], k);
		fputs(k == 0 ? "]}},\"resource_changes\":[" : "]", fp);
	}
	fputs(",\"timestamp\":\"2026-11-28T15:54:33Z\",\"applyable\":false,"
	    "\"complete\":true,\"errored\":false}\n", fp);
	bench_close(fp, path);
	free(role);

	fp = bench_open(dir, "manifests.yaml", path, sizeof(path));
	fputs("# Generated by tools/benchgen -k fanout for make bench.\n", fp);
	memset(&p, 0, sizeof(p));
	snprintf(p.arn, sizeof(p.arn), "arn:aws:iam::" ACCOUNT
	    ":role/batch-jobs");
	for (i = 0; i < n; i++) {
		snprintf(p.ns, sizeof(p.ns), "batch-%03zu",
		    i % FANOUT_SUBJECTS);
		snprintf(p.sa, sizeof(p.sa), "job-%06zu", i);
		if (i % 50 == 17) {
			bad++;
			if (i / 50 % 2 == 0)
				snprintf(p.ns, sizeof(p.ns), "batch-%03zu",
				    FANOUT_SUBJECTS + i / 50 % 100);
			else
				snprintf(p.sa, sizeof(p.sa), "task-%06zu", i);
		}
		yaml_sa(fp, &p, "batch-job");
	}
	bench_close(fp, path);

	memset(&e, 0, sizeof(e));
	e.rule[0] = bench_mistake_rule[MS_SUB_NAMESPACE];
	e.count[0] = bad;
	e.nrules = 1;
	e.files = 2;
	e.kinds = "1 Terraform, 1 Kubernetes";
	e.named = e.checked = n;
	e.roles = e.providers = 1;
	snprintf(what, sizeof(what), "ServiceAccounts %zu, trust subjects %d",
	    n, FANOUT_SUBJECTS);
	bench_expected(dir, what, &e);
}
