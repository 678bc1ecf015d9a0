/* SPDX-License-Identifier: ISC */
/*
 * The body of every fuzz target.  Manifests, plans, CloudFormation
 * templates and AWS CLI output go through the whole pipeline (loader,
 * engine, every rule, suppressions) against a fixed counterpart, so
 * that the rules see hostile models too, and one reporter, chosen by
 * the input's length, prints them.  A trust policy is parsed and
 * evaluated against a fixed request.  The input layer is also fuzzed
 * alone, so that its JSON backend, which no loader reads with yet, and
 * its tree meet hostile text too.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "diag.h"
#include "engine.h"
#include "fuzz.h"
#include "input.h"
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
	struct report_opts opts = { 1, 1, 2, NULL };
	static FILE	*null;

	model_init(&m, &a);
	diags_init(&dg, &a);
	switch (kind) {
	case FUZZ_K8S:
		load_tf(&m, &dg, "plan.json", plan, sizeof(plan) - 1);
		load_k8s(&m, &dg, "fuzz.yaml", data, len);
		break;
	case FUZZ_TF:
		load_tf(&m, &dg, "fuzz.json", data, len);
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
			for (j = 0; j < p->st[i].nconds; j++)
				(void)pcond_eval(&p->st[i].conds[j], &ctx);
		}
	arena_release(&a);
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

void
fuzz_run(enum fuzz_kind kind, const uint8_t *data, size_t len)
{
	if (kind == FUZZ_POLICY)
		policy((const char *)data, len);
	else if (kind == FUZZ_INPUT)
		input((const char *)data, len);
	else
		pipeline((const char *)data, len, kind);
}
