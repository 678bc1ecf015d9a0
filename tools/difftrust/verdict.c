/* SPDX-License-Identifier: ISC */
/*
 * The irsalint side of the differential trust test: for each case, a
 * Terraform plan with one role (and optionally the OIDC provider and
 * the EKS cluster of the token's issuer) and a ServiceAccount naming
 * the role go through the loaders and the binder, and the binding's
 * verdict is printed.  tools/difftrust/README.md describes the cases.
 *
 *	verdict [-f cases.jsonl]
 *	verdict [-cp] [-a aud] [-i issuer] -t trust ns name
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "policy.h"

#define ACCOUNT		"111122223333"
#define ROLE_ARN	"arn:aws:iam::" ACCOUNT ":role/r"

/* One case, as a line of the JSONL file holds it. */
struct dcase {
	const char	*id;
	const char	*trust;		/* policy JSON text */
	const char	*issuer;	/* the token's, without scheme */
	const char	*ns;
	const char	*name;
	const char	*aud;		/* NULL: the webhook's default */
	int		 provider;	/* an OIDC provider for issuer */
	int		 cluster;	/* an EKS cluster with issuer */
};

/* What the binder made of a case. */
struct dverdict {
	const char	*verdict;	/* "allow", "deny", "unknown", "error" */
	const char	*unverified;	/* NULL when everything was checked */
	unsigned int	 fail;		/* FAIL_* of the closest statement */
	long		 closest;	/* its index, -1: none */
	const char	*error;		/* why "error" */
};

static cJSON	*add_resource(cJSON *, const char *, const char *);
static char	*plan_json(const struct dcase *);
static void	 add_url(cJSON *, const char *, const char *,
		    const char *);
static void	 sa_yaml(struct buf *, const struct dcase *);
static void	 yaml_quote(struct buf *, const char *);
static void	 run_case(const struct dcase *, struct arena *,
		    struct dverdict *);
static const char *jstr(const cJSON *, const char *);
static int	 jtrue(const cJSON *, const char *);
static int	 case_parse(const char *, struct dcase *, cJSON **, char **,
		    char *, size_t);
static void	 print_flat(const char *);
static void	 run_file(FILE *);
static char	*slurp(FILE *, const char *);
static void	 usage(void) __attribute__((noreturn));

/* Add key: prefix followed by issuer to the object o. */
static void
add_url(cJSON *o, const char *key, const char *prefix, const char *issuer)
{
	struct buf	 b = BUF_INIT;

	buf_addf(&b, "%s%s", prefix, issuer);
	cJSON_AddStringToObject(o, key, b.buf);
	buf_release(&b);
}

/*
 * Append a resource to be created to the plan's resource_changes and
 * return its "after" object, for the caller to fill.
 */
static cJSON *
add_resource(cJSON *rcs, const char *type, const char *address)
{
	cJSON	*rc, *change, *actions;

	rc = cJSON_CreateObject();
	cJSON_AddStringToObject(rc, "address", address);
	cJSON_AddStringToObject(rc, "mode", "managed");
	cJSON_AddStringToObject(rc, "type", type);
	change = cJSON_AddObjectToObject(rc, "change");
	actions = cJSON_AddArrayToObject(change, "actions");
	cJSON_AddItemToArray(actions, cJSON_CreateString("create"));
	cJSON_AddItemToArray(rcs, rc);
	return cJSON_AddObjectToObject(change, "after");
}

/*
 * The plan text for a case; the caller frees it.  The role's ARN is
 * known, so irsalint knows its account.  The cluster is what tells it
 * the token's issuer: model_index() takes the issuers of the clusters,
 * not the URLs of the providers.
 */
static char *
plan_json(const struct dcase *c)
{
	cJSON	*top, *rcs, *after, *arr, *o;
	char	*s;

	top = cJSON_CreateObject();
	cJSON_AddStringToObject(top, "format_version", "1.2");
	rcs = cJSON_AddArrayToObject(top, "resource_changes");
	after = add_resource(rcs, "aws_iam_role", "aws_iam_role.r");
	cJSON_AddStringToObject(after, "name", "r");
	cJSON_AddStringToObject(after, "path", "/");
	cJSON_AddStringToObject(after, "arn", ROLE_ARN);
	cJSON_AddStringToObject(after, "assume_role_policy", c->trust);
	if (c->provider && c->issuer != NULL) {
		after = add_resource(rcs, "aws_iam_openid_connect_provider",
		    "aws_iam_openid_connect_provider.p");
		add_url(after, "url", "https://", c->issuer);
		add_url(after, "arn", "arn:aws:iam::" ACCOUNT ":oidc-provider/",
		    c->issuer);
		arr = cJSON_AddArrayToObject(after, "client_id_list");
		cJSON_AddItemToArray(arr,
		    cJSON_CreateString("sts.amazonaws.com"));
	}
	if (c->cluster && c->issuer != NULL) {
		after = add_resource(rcs, "aws_eks_cluster", "aws_eks_cluster.c");
		cJSON_AddStringToObject(after, "name", "c");
		arr = cJSON_AddArrayToObject(after, "identity");
		o = cJSON_CreateObject();
		cJSON_AddItemToArray(arr, o);
		arr = cJSON_AddArrayToObject(o, "oidc");
		o = cJSON_CreateObject();
		cJSON_AddItemToArray(arr, o);
		add_url(o, "issuer", "https://", c->issuer);
	}
	if ((s = cJSON_PrintUnformatted(top)) == NULL)
		err(1, NULL);
	cJSON_Delete(top);
	return s;
}

/* A YAML double-quoted scalar, so that no name can change the shape. */
static void
yaml_quote(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/* The ServiceAccount: role-arn always, audience when the case sets one. */
static void
sa_yaml(struct buf *b, const struct dcase *c)
{
	buf_adds(b, "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
	    "  name: ");
	yaml_quote(b, c->name);
	buf_adds(b, "\n  namespace: ");
	yaml_quote(b, c->ns);
	buf_adds(b, "\n  annotations:\n    " ANN_ROLE_ARN ": " ROLE_ARN "\n");
	if (c->aud != NULL) {
		buf_adds(b, "    " ANN_AUDIENCE ": ");
		yaml_quote(b, c->aud);
		buf_addc(b, '\n');
	}
}

/*
 * The pipeline main() runs, up to the bindings: load, index, bind.
 * Strings in *v are the arena's, valid until it is released.
 */
static void
run_case(const struct dcase *c, struct arena *a, struct dverdict *v)
{
	struct model		 m;
	struct diags		 dg;
	struct bindings		 bs;
	struct buf		 yaml = BUF_INIT;
	const struct binding	*b;
	char			*plan;
	size_t			 i;

	memset(v, 0, sizeof(*v));
	v->closest = -1;
	model_init(&m, a);
	diags_init(&dg, a);
	plan = plan_json(c);
	load_tf(&m, &dg, "plan.json", plan, strlen(plan));
	free(plan);
	sa_yaml(&yaml, c);
	load_k8s(&m, &dg, "sa.yaml", yaml.buf, yaml.len);
	buf_release(&yaml);
	model_index(&m);
	bindings_init(&bs);
	bindings_build(&bs, &m);
	if (dg.nerrors > 0 || bs.n != 1 || bs.v[0].role == NULL) {
		v->verdict = "error";
		v->error = "no binding to the role";
		for (i = 0; i < dg.n; i++)
			if (dg.v[i]->rule == NULL) {
				v->error = dg.v[i]->msg;
				break;
			}
	} else {
		b = &bs.v[0];
		v->verdict = b->verdict == TRI_TRUE ? "allow" :
		    b->verdict == TRI_FALSE ? "deny" : "unknown";
		v->unverified = b->unverified;
		v->fail = b->fail;
		if (b->closest != NULL)
			v->closest = (long)b->closest->index;
	}
	bindings_release(&bs);
	diags_release(&dg);
	model_release(&m);
}

/* A string member, or NULL when absent or not a string. */
static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int
jtrue(const cJSON *o, const char *key)
{
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/*
 * Parse one JSONL line into *c.  c's strings point into *tree and
 * *trust, which the caller frees with cJSON_Delete() and free(), also
 * on failure.  A numeric id is printed into idbuf.  Returns -1 on a
 * malformed line or one that lacks a field.
 */
static int
case_parse(const char *line, struct dcase *c, cJSON **tree, char **trust,
    char *idbuf, size_t idlen)
{
	const cJSON	*t, *id;

	memset(c, 0, sizeof(*c));
	*trust = NULL;
	if ((*tree = cJSON_Parse(line)) == NULL)
		return -1;
	id = cJSON_GetObjectItemCaseSensitive(*tree, "id");
	if (cJSON_IsNumber(id)) {
		(void)snprintf(idbuf, idlen, "%.0f", id->valuedouble);
		c->id = idbuf;
	} else
		c->id = jstr(*tree, "id");
	/* The trust as an object, or already as the text of one. */
	t = cJSON_GetObjectItemCaseSensitive(*tree, "trust");
	if (cJSON_IsString(t))
		*trust = strdup(t->valuestring);
	else if (t != NULL)
		*trust = cJSON_PrintUnformatted(t);
	c->trust = *trust;
	c->issuer = jstr(*tree, "issuer");
	c->ns = jstr(*tree, "ns");
	c->name = jstr(*tree, "name");
	c->aud = jstr(*tree, "aud");
	c->provider = jtrue(*tree, "provider_in_inputs");
	c->cluster = jtrue(*tree, "cluster_in_inputs");
	/* The webhook's default needs no annotation, unless asked for. */
	if (c->aud != NULL && strcmp(c->aud, "sts.amazonaws.com") == 0 &&
	    !jtrue(*tree, "aud_annotated"))
		c->aud = NULL;
	if (c->id == NULL || c->trust == NULL || c->ns == NULL ||
	    c->name == NULL)
		return -1;
	return 0;
}

/* A tab, then s on one line: tabs and newlines become blanks. */
static void
print_flat(const char *s)
{
	putchar('\t');
	for (; *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

/*
 * One output line per input line: id, verdict, unverified (0 or 1),
 * the closest statement's FAIL_* bits and its index ("-": none), and
 * for "error" why.  A line that is not a case prints "error" with its
 * line number as id.
 */
static void
run_file(FILE *fp)
{
	struct arena	 a = ARENA_INIT;
	struct dcase	 c;
	struct dverdict	 v;
	cJSON		*tree;
	char		*line = NULL, *trust, idbuf[32];
	size_t		 cap = 0;
	ssize_t		 len;
	unsigned long	 lineno = 0;

	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len <= 1)
			continue;
		if (case_parse(line, &c, &tree, &trust, idbuf,
		    sizeof(idbuf)) == -1) {
			printf("line%lu\terror\t0\t0\t-\n", lineno);
		} else {
			run_case(&c, &a, &v);
			printf("%s\t%s\t%d\t%#x\t", c.id, v.verdict,
			    v.unverified != NULL, v.fail);
			if (v.closest >= 0)
				printf("%ld", v.closest);
			else
				printf("-");
			if (v.error != NULL)
				print_flat(v.error);
			putchar('\n');
		}
		free(trust);
		cJSON_Delete(tree);
		arena_release(&a);
	}
	if (ferror(fp))
		err(2, "read");
	free(line);
}

/* All of fp, NUL-terminated; the caller frees it. */
static char *
slurp(FILE *fp, const char *name)
{
	struct buf	 b = BUF_INIT;
	char		 chunk[8192];
	size_t		 n;

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp))
		err(2, "%s", name);
	return buf_detach(&b, NULL);
}

static void
usage(void)
{
	fprintf(stderr, "usage: verdict [-f cases.jsonl]\n"
	    "       verdict [-cp] [-a aud] [-i issuer] -t trust|@file "
	    "namespace name\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct arena	 a = ARENA_INIT;
	struct dcase	 c;
	struct dverdict	 v;
	FILE		*fp;
	char		*trust = NULL;
	const char	*file = NULL;
	int		 ch;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt(argc, argv, "a:cf:i:pt:")) != -1)
		switch (ch) {
		case 'a':
			c.aud = optarg;
			break;
		case 'c':
			c.cluster = 1;
			break;
		case 'f':
			file = optarg;
			break;
		case 'i':
			c.issuer = optarg;
			break;
		case 'p':
			c.provider = 1;
			break;
		case 't':
			c.trust = optarg;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;

	if (c.trust == NULL) {
		if (argc != 0)
			usage();
		if (file == NULL || strcmp(file, "-") == 0)
			run_file(stdin);
		else {
			if ((fp = fopen(file, "r")) == NULL)
				err(2, "%s", file);
			run_file(fp);
			fclose(fp);
		}
		return 0;
	}

	/* One case from the command line, told in words. */
	if (argc != 2 || file != NULL || ((c.cluster || c.provider) &&
	    c.issuer == NULL))
		usage();
	if (c.trust[0] == '@') {
		if ((fp = fopen(c.trust + 1, "r")) == NULL)
			err(2, "%s", c.trust + 1);
		c.trust = trust = slurp(fp, c.trust + 1);
		fclose(fp);
	}
	c.id = "cli";
	c.ns = argv[0];
	c.name = argv[1];
	run_case(&c, &a, &v);
	printf("verdict: %s\n", v.verdict);
	if (v.error != NULL)
		printf("error: %s\n", v.error);
	if (v.unverified != NULL)
		printf("unverified: %s\n", v.unverified);
	if (v.closest >= 0)
		printf("closest: statement %ld, fail %#x\n", v.closest + 1,
		    v.fail);
	arena_release(&a);
	free(trust);
	return strcmp(v.verdict, "allow") == 0 ? 0 : 1;
}
