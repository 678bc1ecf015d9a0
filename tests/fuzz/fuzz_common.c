/* SPDX-License-Identifier: ISC */
/*
 * The body of every fuzz target.  Manifests, plans, CloudFormation
 * templates and AWS CLI output go through the whole pipeline (loader,
 * engine, every rule, suppressions) against a fixed counterpart, so
 * that the rules see hostile models too, and one reporter, chosen by
 * the input's length, prints them.  A trust policy is parsed and
 * evaluated against a fixed request.  The input layer is also fuzzed
 * alone, so that its JSON backend, which no loader reads with yet, and
 * its tree meet hostile text too.  HCL is parsed, printed, and its
 * tree walked for the parser's promises: every range inside the input
 * and in order, every height within HCL_MAX_DEPTH, every error placed.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "engine.h"
#include "fuzz.h"
#include "input.h"
#include "hcl.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "report.h"
#include "suppress.h"

/* A plan whose role the fuzzed manifests can name. */
static const char plan[] =
    "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":"
    "\"aws_iam_role.app\",\"mode\":\"managed\",\"type\":\"aws_iam_role\","
    "\"change\":{\"actions\":[\"create\"],\"after\":{\"name\":\"app\","
    "\"path\":\"/\",\"assume_role_policy\":\"{\\\"Statement\\\":[{"
    "\\\"Action\\\":\\\"sts:AssumeRoleWithWebIdentity\\\",\\\"Effect\\\":"
    "\\\"Allow\\\",\\\"Principal\\\":{\\\"Federated\\\":\\\"arn:aws:iam::"
    "111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/A\\\"},"
    "\\\"Condition\\\":{\\\"StringLike\\\":{\\\"oidc.eks.us-west-2."
    "amazonaws.com/id/A:sub\\\":\\\"system:serviceaccount:a*:*\\\"}}}]}\"}}}]}";

/* Manifests whose ServiceAccounts the fuzzed plans can trust. */
static const char manifests[] =
    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n"
    "  namespace: apps\n  annotations:\n    eks.amazonaws.com/role-arn: "
    "arn:aws:iam::111122223333:role/app\n";

static void
pipeline(const char *data, size_t len, enum fuzz_kind kind)
{
	struct arena	 a = ARENA_INIT;
	struct model	 m;
	struct bindings	 bs;
	struct diags	 dg;
	struct report_opts opts = { .color = 1, .show_suppressed = 1,
	    .nfiles = 2 };
	static FILE	*null;
	FILE		*fp;
	size_t		 pre;

	model_init(&m, &a);
	diags_init(&dg, &a);
	switch (kind) {
	case FUZZ_K8S:
		load_tf(&m, &dg, "plan.json", plan, sizeof(plan) - 1);
		/*
		 * Named *.json, a text that starts with a brace is read by
		 * the JSON scanner even when it is not valid JSON: the
		 * length's parity picks the name, so both ways are fuzzed.
		 * Its next bit picks memory or a stream, as files are read
		 * (its first bytes read before the loader, as format
		 * detection does).
		 */
		if (len % 4 < 2) {
			load_k8s(&m, &dg, len % 2 ? "fuzz.json" : "fuzz.yaml",
			    data, len);
			break;
		}
		if ((fp = fmemopen((void *)(uintptr_t)data, len, "r")) ==
		    NULL)
			break;
		pre = len < 64 ? len : 64;
		if (fseek(fp, (long)pre, SEEK_SET) == 0)
			load_k8s_stream(&m, &dg, len % 2 ? "fuzz.json" :
			    "fuzz.yaml", fp, data, pre);
		fclose(fp);
		break;
	case FUZZ_TF:
		load_tf(&m, &dg, "fuzz.json", data, len);
		load_k8s(&m, &dg, "sa.yaml", manifests, sizeof(manifests) - 1);
		break;
	case FUZZ_TFSRC:
		/* JSON syntax when it looks like JSON, the native else. */
		load_tf_buffer(&m, &dg, len > 0 && data[0] == '{' ?
		    "fuzz.tf.json" : "fuzz.tf", data, len, NULL);
		load_k8s(&m, &dg, "sa.yaml", manifests, sizeof(manifests) - 1);
		break;
	case FUZZ_CFN:
		load_cfn(&m, &dg, "fuzz.yaml", data, len);
		load_k8s(&m, &dg, "sa.yaml", manifests, sizeof(manifests) - 1);
		break;
	default:
		load_aws(&m, &dg, "fuzz.json", data, len);
		load_k8s(&m, &dg, "sa.yaml", manifests, sizeof(manifests) - 1);
		break;
	}
	/* As main() does. */
	load_finish(&m, &dg, NULL);
	model_index(&m);
	bindings_init(&bs);
	engine_run(&m, &dg, &bs);
	suppress_apply(&dg, &m, NULL);
	diags_sort(&dg);
	diags_fingerprint(&dg);
	/*
	 * One reporter per input, picked by its length, so that each
	 * sees a quarter of the inputs.  Not SARIF: most of its output is
	 * the fixed rule table, and it escapes strings as JSON does.
	 */
	if (null == NULL)
		null = fopen("/dev/null", "w");
	if (null != NULL)
		switch (len % 4) {
		case 0:
			report_text(null, &dg, &opts);
			break;
		case 1:
			report_json(null, &dg, &opts);
			break;
		case 2:
			report_github(null, &dg, &opts);
			break;
		default:
			report_gitlab(null, &dg, &opts);
			break;
		}
	bindings_release(&bs);
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}

static void	policy_index_same(const struct pcond *);

static void
policy(const char *data, size_t len)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p;
	struct req_kv	 kv[3] = {
		{ "oidc.eks.us-west-2.amazonaws.com/id/A:sub",
		    "system:serviceaccount:apps:app" },
		{ "oidc.eks.us-west-2.amazonaws.com/id/A:aud",
		    "sts.amazonaws.com" },
		{ "aws:RequestTag/kubernetes-namespace", "apps" }
	};
	struct req_ctx	 ctx = { kv, 3 };
	char		 err[256];
	size_t		 i, j;

	if (policy_parse(&a, data, len, &p, err, sizeof(err)) == 0)
		for (i = 0; i < p->n; i++) {
			(void)pstmt_action_matches(&p->st[i],
			    "sts:AssumeRoleWithWebIdentity");
			for (j = 0; j < p->st[i].nconds; j++) {
				(void)pcond_eval(&p->st[i].conds[j], &ctx);
				policy_index_same(&p->st[i].conds[j]);
			}
		}
	arena_release(&a);
}

/*
 * A condition's index must answer as trying every value does: for the
 * condition's own values and near misses of them as context values.
 */
static void
policy_index_same(const struct pcond *c)
{
	struct pcond	 plain;
	struct req_kv	 kv;
	struct req_ctx	 ctx = { &kv, 1 };
	char		 near[64];
	size_t		 i, n;

	if (c->index == NULL || c->key == NULL)
		return;
	plain = *c;
	plain.index = NULL;
	kv.key = c->key;
	for (i = 0; i < c->values.n && i < 8; i++) {
		if ((kv.value = c->values.v[i]) == NULL)
			continue;
		if (pcond_eval(c, &ctx) != pcond_eval(&plain, &ctx))
			abort();
		/* The value cut short, and with a byte more. */
		n = strlen(kv.value) < sizeof(near) - 2 ?
		    strlen(kv.value) : sizeof(near) - 2;
		memcpy(near, kv.value, n);
		near[n > 0 ? n - 1 : 0] = '\0';
		kv.value = near;
		if (pcond_eval(c, &ctx) != pcond_eval(&plain, &ctx))
			abort();
		near[n > 0 ? n - 1 : 0] = 'x';
		near[n] = 'y';
		near[n + 1] = '\0';
		if (pcond_eval(c, &ctx) != pcond_eval(&plain, &ctx))
			abort();
	}
}

/* Walk every document into a tree, with each backend and alias policy. */
static void
input(const char *data, size_t len)
{
	static const unsigned int flags[] = { INPUT_JSON, INPUT_REPLAY, 0 };
	struct arena	 a = ARENA_INIT;
	struct input	 in;
	size_t		 i, budget;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		input_open(&in, "fuzz", data, len, flags[i], 64);
		while (input_next(&in) && in.ev.type != INPUT_STREAM_END) {
			if (in.ev.type != INPUT_DOC_START || !input_next(&in))
				continue;
			budget = 100000;
			(void)input_tree(&in, &a, INPUT_NULL_ANY_CASE, &budget);
		}
		input_close(&in);
	}
	arena_release(&a);
}

static void	hcl_range(const struct hcl_range *, size_t);
static void	hcl_tmpl(const struct hcl_template *, size_t);
static void	hcl_expr(const struct hcl_expr *, size_t);
static void	hcl_body(const struct hcl_body *, size_t);

/* A broken promise of the parser is a crash, for the fuzzer to see. */
static void
hcl_range(const struct hcl_range *r, size_t len)
{
	if (r->start.off > r->end.off || r->end.off > len ||
	    r->start.line == 0 || r->start.col == 0 ||
	    r->end.line < r->start.line || (r->end.line == r->start.line &&
	    r->end.col < r->start.col))
		abort();
}

static void
hcl_tmpl(const struct hcl_template *t, size_t len)
{
	const struct hcl_part	*pt;
	size_t			 i;

	for (i = 0; i < t->nparts; i++) {
		pt = &t->parts[i];
		hcl_range(&pt->range, len);
		if (pt->kind == HCL_PART_LITERAL && pt->text[pt->len] != '\0')
			abort();
		if (pt->expr != NULL)
			hcl_expr(pt->expr, len);
		hcl_tmpl(&pt->then, len);
		hcl_tmpl(&pt->els, len);
	}
}

static void
hcl_expr(const struct hcl_expr *e, size_t len)
{
	size_t	 i;

	hcl_range(&e->range, len);
	if (e->height == 0 || e->height > HCL_MAX_DEPTH)
		abort();
	switch (e->kind) {
	case HCL_EXPR_TEMPLATE:
		hcl_tmpl(&e->u.tmpl.body, len);
		break;
	case HCL_EXPR_TUPLE:
		for (i = 0; i < e->u.tuple.n; i++)
			hcl_expr(e->u.tuple.v[i], len);
		break;
	case HCL_EXPR_OBJECT:
		for (i = 0; i < e->u.object.n; i++) {
			hcl_expr(e->u.object.v[i].key, len);
			hcl_expr(e->u.object.v[i].value, len);
		}
		break;
	case HCL_EXPR_CALL:
		for (i = 0; i < e->u.call.nargs; i++)
			hcl_expr(e->u.call.args[i], len);
		break;
	case HCL_EXPR_FOR:
		hcl_expr(e->u.forx.coll, len);
		hcl_expr(e->u.forx.vexpr, len);
		if (e->u.forx.kexpr != NULL)
			hcl_expr(e->u.forx.kexpr, len);
		if (e->u.forx.cond != NULL)
			hcl_expr(e->u.forx.cond, len);
		break;
	case HCL_EXPR_COND:
		hcl_expr(e->u.cond.cond, len);
		hcl_expr(e->u.cond.then, len);
		hcl_expr(e->u.cond.els, len);
		break;
	case HCL_EXPR_UNARY:
	case HCL_EXPR_BINARY:
		if (e->u.op.lhs != NULL)
			hcl_expr(e->u.op.lhs, len);
		hcl_expr(e->u.op.rhs, len);
		break;
	case HCL_EXPR_TRAVERSAL:
	case HCL_EXPR_RELATIVE:
		if ((e->u.trav.root == NULL) == (e->u.trav.base == NULL))
			abort();
		if (e->u.trav.base != NULL)
			hcl_expr(e->u.trav.base, len);
		for (i = 0; i < e->u.trav.nsteps; i++) {
			hcl_range(&e->u.trav.steps[i].range, len);
			if (e->u.trav.steps[i].index != NULL)
				hcl_expr(e->u.trav.steps[i].index, len);
		}
		break;
	case HCL_EXPR_PAREN:
		hcl_expr(e->u.paren, len);
		break;
	default:
		break;
	}
}

static void
hcl_body(const struct hcl_body *b, size_t len)
{
	size_t	 i;

	for (i = 0; i < b->nattrs; i++) {
		hcl_range(&b->attrs[i].range, len);
		hcl_expr(b->attrs[i].expr, len);
	}
	for (i = 0; i < b->nblocks; i++) {
		hcl_range(&b->blocks[i].range, len);
		hcl_body(&b->blocks[i].body, len);
	}
}

static void
hcl(const char *data, size_t len)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 dg;
	struct buf	 b = BUF_INIT;
	struct hcl_file	*f;
	size_t		 i;

	diags_init(&dg, &a);
	f = hcl_parse(&a, &dg, "fuzz.tf", data, len);
	hcl_body(&f->body, len);
	for (i = 0; i < f->ncomments; i++)
		hcl_range(&f->comments[i].range, len);
	if (dg.n != f->nerrors || dg.n > HCL_MAX_ERRORS + 1)
		abort();
	for (i = 0; i < dg.n; i++)
		if (dg.v[i]->loc.line == 0 || dg.v[i]->loc.col == 0)
			abort();
	hcl_dump_body(&b, &f->body);
	/* The same bytes as a template file, as templatefile() reads one. */
	buf_reset(&b);
	hcl_expr(hcl_parse_template(&a, &dg, "fuzz.tpl", data, len, NULL),
	    len);
	buf_release(&b);
	diags_release(&dg);
	arena_release(&a);
}

/* The configuration's reader: every mistake an error, never a crash. */
static void
config(const char *data, size_t len)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 dg;
	struct config	 c;
	size_t		 i;

	diags_init(&dg, &a);
	config_init(&c, &a);
	if (config_parse(&c, &a, "fuzz/.irsalint.yaml", data, len, &dg) ==
	    -1 && dg.nerrors == 0)
		abort();	/* a failure must say why */
	for (i = 0; i < dg.n; i++)
		if (dg.v[i]->msg == NULL)
			abort();
	/* What the patterns are matched against, as a run does. */
	for (i = 0; i < c.nclusters; i++) {
		if (c.clusters[i].name == NULL || c.clusters[i].issuer == NULL ||
		    c.clusters[i].nmanifests == 0)
			abort();
		(void)config_match(c.clusters[i].manifests,
		    c.clusters[i].nmanifests, "k8s/prod/a/sa.yaml");
	}
	(void)config_match(c.ignore_paths, c.nignore_paths,
	    "../vendor/x/y.yaml");
	diags_release(&dg);
	arena_release(&a);
}

void
fuzz_run(enum fuzz_kind kind, const uint8_t *data, size_t len)
{
	if (kind == FUZZ_POLICY)
		policy((const char *)data, len);
	else if (kind == FUZZ_INPUT)
		input((const char *)data, len);
	else if (kind == FUZZ_HCL)
		hcl((const char *)data, len);
	else if (kind == FUZZ_CONFIG)
		config((const char *)data, len);
	else
		pipeline((const char *)data, len, kind);
}

ssize_t
fuzz_mem_read(void *arg, char *p, size_t n)
{
	struct fuzz_mem	*m = arg;

	if (n > m->chunk)
		n = m->chunk;
	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(p, m->s + m->off, n);
	m->off += n;
	return (ssize_t)n;
}
