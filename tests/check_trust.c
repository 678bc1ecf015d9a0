/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of trust evaluation as a binding sees it: a role's trust
 * and a ServiceAccount, and IAM's verdict on whether the pod's token
 * may assume the role.  Each row cites what decides it.  Every row is
 * also evaluated with its statements, condition operators, condition
 * keys and values shuffled: IAM's answer does not depend on order, so
 * neither may irsalint's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "check_suites.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "trust.h"

#define ISS	"oidc.eks.eu-west-1.amazonaws.com/id/5C4E8A2F9B7D1E3A6F0C2B8D4E7A9F13"
#define ISS2	"oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF"
#define PROV	"arn:aws:iam::111122223333:oidc-provider/" ISS
#define PROV2	"arn:aws:iam::111122223333:oidc-provider/" ISS2
#define XPROV	"arn:aws:iam::444455556666:oidc-provider/" ISS
#define GHPROV	"arn:aws:iam::111122223333:oidc-provider/" \
		"token.actions.githubusercontent.com"
#define SUB	"system:serviceaccount:apps:api"
#define WI	"\"Action\":\"sts:AssumeRoleWithWebIdentity\""
#define FED(p)	"\"Principal\":{\"Federated\":\"" p "\"}"
#define ALLOW	"{\"Effect\":\"Allow\","
#define DENY	"{\"Effect\":\"Deny\","

struct trust_row {
	const char	*why;		/* what decides it */
	const char	*trust;		/* the Statement array */
	const char	*sa;		/* SA name in namespace apps */
	int		 cluster;	/* the inputs hold the cluster of ISS */
	enum tri	 want;
};

static const struct trust_row rows[] = {
	{ "baseline: sub and aud as AWS's examples write them",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\",\"" ISS ":aud\":\"sts.amazonaws.com\"}}}]",
	    "api", 0, TRI_TRUE },
	{ "item 1: a denial with no value near the subject is a denial",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"system:serviceaccount:apps:x\"}}}]",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    0, TRI_FALSE },
	/*
	 * Items 2 and 4: STS passes only <issuer>:sub and <issuer>:aud of
	 * a ServiceAccount token (IAM reference, "Available keys for OIDC
	 * federation"); any other claim, and any key of another issuer,
	 * is absent from the request, and an absent key makes a positive
	 * operator false and Null "true" true (IAM reference, "Condition
	 * operators", "... if the key is not present ... false").
	 */
	{ "item 2: amr is passed for Cognito only",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\",\"" ISS ":amr\":\"authenticated\"}}}]",
	    "api", 0, TRI_FALSE },
	{ "item 2: email is passed for Google only",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"},\"StringLike\":{\"" ISS
	    ":email\":\"*@example.com\"}}}]", "api", 0, TRI_FALSE },
	{ "item 2: Null true on an absent claim holds",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"},\"Null\":{\"" ISS ":azp\":\"true\"}}}]",
	    "api", 0, TRI_TRUE },
	/*
	 * Item 3: IAM reference, "Single-valued vs. multivalued context
	 * keys": ForAnyValue on a missing key returns false, negated
	 * operator or not; re:Post QU9HFmDzP0QGuU-fd7rS6B7w for IfExists.
	 */
	{ "item 3: ForAnyValue with a negated operator, key absent",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"},\"ForAnyValue:StringNotEquals\":{\"" ISS
	    ":azp\":\"other\"}}}]", "api", 0, TRI_FALSE },
	{ "item 3: ForAnyValue...IfExists, key absent",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"},\"ForAnyValue:StringLikeIfExists\":{\""
	    ISS ":email\":\"*\"}}}]", "api", 0, TRI_FALSE },
	{ "item 4: Principal * and another issuer's aud, cluster known",
	    "[" ALLOW "\"Principal\":\"*\"," WI ",\"Condition\":{"
	    "\"StringEquals\":{\"" ISS2 ":aud\":\"sts.amazonaws.com\"}}}]",
	    "api", 1, TRI_FALSE },
	{ "item 4: Principal * and Null true on another issuer's aud",
	    "[" ALLOW "\"Principal\":\"*\"," WI ",\"Condition\":{"
	    "\"StringEquals\":{\"" ISS ":sub\":\"" SUB "\"},\"Null\":{\""
	    ISS2 ":aud\":\"true\"}}}]", "api", 1, TRI_TRUE },
	/*
	 * Items 5 and 6: IAM reference, "Policy evaluation logic": an
	 * explicit Deny in any statement overrides every Allow, and any
	 * Allow that applies suffices; statements are not ordered.
	 */
	{ "item 5: a Deny for any principal refuses",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"}}}," DENY "\"Principal\":\"*\","
	    "\"Action\":\"sts:*\",\"Condition\":{\"StringLike\":{\"" ISS
	    ":sub\":\"system:serviceaccount:apps:*\"}}}]", "api", 0,
	    TRI_FALSE },
	{ "item 5: a Deny of another cluster's provider does not apply",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"}}}," DENY FED(PROV2) "," WI "}]", "api", 1,
	    TRI_TRUE },
	{ "item 6: another account's provider first, the right one second",
	    "[" ALLOW FED(XPROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"}}}," ALLOW FED(PROV) "," WI
	    ",\"Condition\":{\"StringEquals\":{\"" ISS ":sub\":\"" SUB
	    "\"}}}]", "api", 0, TRI_TRUE },
	{ "item 6: another account's provider only",
	    "[" ALLOW FED(XPROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"}}}]", "api", 0, TRI_FALSE },
	{ "item 7: a Deny that cannot be evaluated offline",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"}}}," DENY FED(PROV) "," WI
	    ",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":"
	    "\"10.0.0.0/8\"}}}]", "api", 0, TRI_UNKNOWN },
	{ "item 7: an Allow that cannot be evaluated offline",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"},\"IpAddress\":{\"aws:SourceIp\":"
	    "\"10.0.0.0/8\"}}}]", "api", 0, TRI_UNKNOWN },
	{ "item 8: GitHub Actions never issues a pod's token",
	    "[" ALLOW FED(GHPROV) "," WI ",\"Condition\":{\"StringEquals\":{"
	    "\"token.actions.githubusercontent.com:sub\":\"" SUB "\"}}}]",
	    "api", 0, TRI_FALSE },
	{ "item 8: another cluster's issuer than the inputs'",
	    "[" ALLOW FED(PROV2) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS2 ":sub\":\"" SUB "\"}}}]", "api", 1, TRI_FALSE },
	/*
	 * Item 9: IAM reference, "ARN condition operators": the ARN is
	 * matched component by component, so a subject, which is not an
	 * ARN, matches no ARN pattern.
	 */
	{ "item 9: ArnLike on sub never matches",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"ArnLike\":{\"" ISS
	    ":sub\":\"system:serviceaccount:apps:*\"}}}]", "api", 0,
	    TRI_FALSE },
	{ "item 9: ArnNotLike on sub is undocumented: unknown",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":\"" SUB "\"},\"ArnNotLike\":{\"" ISS
	    ":sub\":\"arn:*\"}}}]", "api", 0, TRI_UNKNOWN },
	{ "values are OR'ed, in any order",
	    "[" ALLOW FED(PROV) "," WI ",\"Condition\":{\"StringEquals\":{\""
	    ISS ":sub\":[\"system:serviceaccount:a:b\",\"" SUB
	    "\",\"system:serviceaccount:c:d\"],\"" ISS ":aud\":["
	    "\"x\",\"sts.amazonaws.com\"]}}}]", "api", 0, TRI_TRUE },
};

/* aws eks describe-cluster of the cluster whose issuer is ISS. */
static const char cl[] = "{\"cluster\":{\"name\":\"prod\",\"arn\":"
    "\"arn:aws:eks:eu-west-1:111122223333:cluster/prod\","
    "\"identity\":{\"oidc\":{\"issuer\":\"https://" ISS "\"}}}}";

/*
 * The role "app" with the trust (a Statement array), the cluster of ISS
 * when cluster is set, and a ServiceAccount apps/<name> bound to the
 * role for each of the n names, loaded into m and indexed.
 */
static void
load_case(struct model *m, struct diags *dg, struct arena *a,
    const char *trust, const char *const *names, size_t n, int cluster)
{
	struct buf	 role = BUF_INIT, sa = BUF_INIT;
	size_t		 i;

	buf_addf(&role, "{\"Role\":{\"Path\":\"/\",\"RoleName\":\"app\","
	    "\"Arn\":\"arn:aws:iam::111122223333:role/app\","
	    "\"AssumeRolePolicyDocument\":{\"Version\":\"2012-10-17\","
	    "\"Statement\":%s}}}", trust);
	for (i = 0; i < n; i++)
		buf_addf(&sa, "---\nkind: ServiceAccount\nmetadata:\n"
		    "  name: %s\n  namespace: apps\n  annotations:\n"
		    "    eks.amazonaws.com/role-arn:"
		    " arn:aws:iam::111122223333:role/app\n", names[i]);
	model_init(m, a);
	diags_init(dg, a);
	load_aws(m, dg, "role.json", role.buf, role.len);
	if (cluster)
		load_aws(m, dg, "cluster.json", cl, sizeof(cl) - 1);
	if (n > 0)
		load_k8s(m, dg, "sa.yaml", sa.buf, sa.len);
	ck_assert_msg(dg->n == 0, "input error: %s", dg->n ?
	    dg->v[0]->msg : "");
	model_index(m);
	buf_release(&role);
	buf_release(&sa);
}

/* The verdict of the binding of SA apps/<name> against the trust. */
static enum tri
verdict(const char *trust, const char *name, int cluster)
{
	struct arena	 a = ARENA_INIT;
	struct model	 m;
	struct diags	 dg;
	struct bindings	 bs;
	enum tri	 t;

	load_case(&m, &dg, &a, trust, &name, 1, cluster);
	bindings_init(&bs);
	bindings_build(&bs, &m);
	ck_assert_uint_eq(bs.n, 1);
	ck_assert_ptr_nonnull(bs.v[0].role);
	t = bs.v[0].verdict;
	bindings_release(&bs);
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
	return t;
}

/* A small deterministic generator, so that failures reproduce. */
static unsigned long
next(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return *s >> 33;
}

/* Shuffle the children of an array or object, then of each child. */
static void
shuffle(cJSON *j, unsigned long *seed)
{
	cJSON	*v[64], *c;
	size_t	 n = 0, i, k;

	if (!cJSON_IsArray(j) && !cJSON_IsObject(j))
		return;
	while ((c = j->child) != NULL && n < 64)
		v[n++] = cJSON_DetachItemViaPointer(j, c);
	for (i = n; i > 1; i--) {
		k = next(seed) % i;
		c = v[i - 1];
		v[i - 1] = v[k];
		v[k] = c;
	}
	for (i = 0; i < n; i++) {
		shuffle(v[i], seed);
		cJSON_AddItemToArray(j, v[i]);
	}
}

START_TEST(trust_verdict_truth_table)
{
	const struct trust_row	*r = &rows[_i];
	enum tri		 t;

	t = verdict(r->trust, r->sa, r->cluster);
	ck_assert_msg(t == r->want, "%s: got %d, want %d", r->why, (int)t,
	    (int)r->want);
}
END_TEST

START_TEST(trust_verdict_ignores_order)
{
	const struct trust_row	*r = &rows[_i];
	unsigned long		 seed = 20261201UL + (unsigned long)_i;
	cJSON			*j;
	char			*s;
	int			 k;

	for (k = 0; k < 24; k++) {
		if ((j = cJSON_Parse(r->trust)) == NULL)
			ck_abort_msg("%s: the row is not JSON", r->why);
		shuffle(j, &seed);
		if ((s = cJSON_PrintUnformatted(j)) == NULL)
			ck_abort_msg("out of memory");
		ck_assert_msg(verdict(s, r->sa, r->cluster) == r->want,
		    "%s: shuffled to %s", r->why, s);
		cJSON_free(s);
		cJSON_Delete(j);
	}
}
END_TEST

/*
 * Several ServiceAccounts bound to one role in one run, so that what
 * the binder keeps of each statement (trust_eval_stmt_memo()) serves
 * those after the first: each must be judged as if it were alone, its
 * failure the same too.
 */
START_TEST(trust_verdict_alone_or_with_others)
{
	static const char *const names[] = { "api", "x", "aaaaaaaaaaaaaaaa",
	    "worker", "api", NULL };
	const struct trust_row	*r = &rows[_i];
	const char		*nm[sizeof(names) / sizeof(names[0])];
	struct arena		 a = ARENA_INIT;
	struct model		 m;
	struct diags		 dg;
	struct bindings		 bs, one;
	size_t			 i, k, n = sizeof(names) / sizeof(names[0]);

	memcpy(nm, names, sizeof(names));
	nm[n - 1] = r->sa;
	load_case(&m, &dg, &a, r->trust, nm, n, r->cluster);
	bindings_init(&bs);
	bindings_build(&bs, &m);
	ck_assert_uint_eq(bs.n, n);
	for (i = 0; i < bs.n; i++) {
		/* The same model, the binder's keeping started anew. */
		bindings_init(&one);
		bindings_build(&one, &m);
		for (k = 0; k < one.n; k++)
			if (one.v[k].sa == bs.v[i].sa)
				break;
		ck_assert_uint_lt(k, one.n);
		ck_assert_msg(bs.v[i].verdict == one.v[k].verdict &&
		    bs.v[i].fail == one.v[k].fail &&
		    bs.v[i].unverified == one.v[k].unverified &&
		    bs.v[i].closest == one.v[k].closest &&
		    bs.v[i].sub_cond == one.v[k].sub_cond &&
		    bs.v[i].aud_cond == one.v[k].aud_cond,
		    "%s: %s judged otherwise among others", r->why,
		    bs.v[i].sa->name);
		bindings_release(&one);
	}
	for (i = 0; i < bs.n; i++)
		if (strcmp(bs.v[i].sa->name, r->sa) == 0)
			ck_assert_msg(bs.v[i].verdict == r->want, "%s: got %d",
			    r->why, (int)bs.v[i].verdict);
	bindings_release(&bs);
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}
END_TEST

/*
 * trust_eval_stmt_memo() with one memo per statement through a run of
 * requests that differ in issuer, account, subject and audience: each
 * answer field for field what trust_eval_stmt() gives the request
 * alone.
 */
START_TEST(trust_memo_answers_as_alone)
{
	static const char *const iss[] = { ISS, ISS2, NULL };
	static const char *const acct[] = { "111122223333", "444455556666",
	    NULL };
	static const char *const subs[] = { SUB,
	    "system:serviceaccount:apps:x", "system:serviceaccount:a:b", "" };
	static const char *const auds[] = { "sts.amazonaws.com", "x" };
	const struct trust_row	*r = &rows[_i];
	struct arena		 a = ARENA_INIT;
	struct model		 m;
	struct diags		 dg;
	const struct policy	*p;
	struct trust_memo	 memo[8];
	struct trust_req	 req;
	struct trust_eval	 e1, e2;
	unsigned long		 seed = 77 + (unsigned long)_i;
	size_t			 i, k;

	load_case(&m, &dg, &a, r->trust, NULL, 0, 0);
	ck_assert_uint_eq(m.roles.n, 1);
	p = m.roles.v[0]->trust;
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_le(p->n, 8);
	memset(memo, 0, sizeof(memo));
	for (k = 0; k < 400; k++) {
		req.issuer = iss[next(&seed) % 3];
		req.assumed = req.issuer != NULL && next(&seed) % 4 == 0;
		req.account = acct[next(&seed) % 3];
		req.partition = req.account != NULL ? "aws" : NULL;
		req.sub = subs[next(&seed) % 4];
		req.aud = auds[next(&seed) % 2];
		/* Runs of the same issuer and account, as roles have. */
		for (i = 0; i < p->n; i++) {
			trust_eval_stmt(&m, &p->st[i], &req, &e1);
			trust_eval_stmt_memo(&m, &p->st[i], &req, &e2,
			    &memo[i]);
			ck_assert_msg(e1.t == e2.t && e1.fail == e2.fail &&
			    e1.unverified == e2.unverified &&
			    e1.fed == e2.fed && e1.other_fed == e2.other_fed &&
			    e1.bad_key == e2.bad_key &&
			    e1.sub_cond == e2.sub_cond &&
			    e1.aud_cond == e2.aud_cond &&
			    e1.other_cond == e2.other_cond,
			    "%s: statement %zu, request %zu answered otherwise",
			    r->why, i, k);
		}
	}
	for (i = 0; i < 8; i++)
		trust_memo_release(&memo[i]);
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}
END_TEST

/* The subject of a namespace and name, short or past any buffer. */
START_TEST(trust_subject_joins_namespace_and_name)
{
	struct arena	 a = ARENA_INIT;
	char		 name[2000];

	ck_assert_str_eq(trust_subject(&a, "apps", "api"),
	    "system:serviceaccount:apps:api");
	ck_assert_str_eq(trust_subject(&a, "", ""),
	    "system:serviceaccount::");
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	ck_assert_str_eq(trust_subject(&a, "ns", name),
	    arena_printf(&a, "system:serviceaccount:ns:%s", name));
	name[489] = '\0';	/* 22 + 2 + 1 + 489 = 514 bytes */
	ck_assert_str_eq(trust_subject(&a, "ns", name),
	    arena_printf(&a, "system:serviceaccount:ns:%s", name));
	name[486] = '\0';	/* 511: the longest put together */
	ck_assert_str_eq(trust_subject(&a, "ns", name),
	    arena_printf(&a, "system:serviceaccount:ns:%s", name));
	arena_release(&a);
}
END_TEST

Suite *
trust_suite(void)
{
	Suite	*s = suite_create("trust");
	TCase	*tc = tcase_create("verdict");

	tcase_add_loop_test(tc, trust_verdict_truth_table, 0,
	    (int)(sizeof(rows) / sizeof(rows[0])));
	tcase_add_loop_test(tc, trust_verdict_ignores_order, 0,
	    (int)(sizeof(rows) / sizeof(rows[0])));
	tcase_add_loop_test(tc, trust_verdict_alone_or_with_others, 0,
	    (int)(sizeof(rows) / sizeof(rows[0])));
	tcase_add_test(tc, trust_subject_joins_namespace_and_name);
	tcase_add_loop_test(tc, trust_memo_answers_as_alone, 0,
	    (int)(sizeof(rows) / sizeof(rows[0])));
	suite_add_tcase(s, tc);
	return s;
}
