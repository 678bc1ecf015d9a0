/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of the rule table (ids unique, sorted, documented) and of
 * the helpers rules share.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "check_suites.h"
#include "diag.h"
#include "engine.h"
#include "load.h"
#include "model.h"
#include "rule.h"
#include "rule_list.h"

START_TEST(rules_are_sorted_and_unique)
{
	size_t	 i;

	for (i = 1; rule_table[i] != NULL; i++)
		ck_assert_msg(strcmp(rule_table[i - 1]->id,
		    rule_table[i]->id) < 0, "%s is not sorted after %s",
		    rule_table[i]->id, rule_table[i - 1]->id);
}
END_TEST

START_TEST(rule_ids_are_lowercase_kebab_case)
{
	const char	*p;
	size_t		 i;

	for (i = 0; rule_table[i] != NULL; i++)
		for (p = rule_table[i]->id; *p != '\0'; p++)
			ck_assert_msg(islower((unsigned char)*p) || *p == '-',
			    "bad character in %s", rule_table[i]->id);
}
END_TEST

START_TEST(rules_are_documented)
{
	size_t	 i;

	for (i = 0; rule_table[i] != NULL; i++) {
		ck_assert_ptr_nonnull(rule_table[i]->summary);
		ck_assert_ptr_nonnull(rule_table[i]->explain);
		ck_assert_msg(strstr(rule_table[i]->explain, "Fix:") != NULL,
		    "%s does not say how to fix it", rule_table[i]->id);
		ck_assert(rule_table[i]->check_binding != NULL ||
		    rule_table[i]->check_object != NULL ||
		    rule_table[i]->check_role != NULL ||
		    rule_table[i]->check_model != NULL);
	}
}
END_TEST

START_TEST(rule_find_by_id)
{
	ck_assert_ptr_eq(rule_find("irsa-trust-sub-mismatch"),
	    &rule_irsa_trust_sub_mismatch);
	ck_assert_ptr_null(rule_find("no-such-rule"));
}
END_TEST

START_TEST(count_admitted_matches_sorted_claims)
{
	static const char sas[] =
	    "kind: ServiceAccount\nmetadata: {name: api, namespace: team-a}\n"
	    "---\nkind: ServiceAccount\nmetadata: {name: web, namespace: team-a}\n"
	    "---\nkind: ServiceAccount\nmetadata: {name: api, namespace: team-b}\n"
	    "---\nkind: ServiceAccount\nmetadata: {name: api, namespace: prod}\n"
	    "---\nkind: ConfigMap\nmetadata: {name: api, namespace: prod}\n";
	struct arena		 a = ARENA_INIT;
	struct model		 m;
	struct diags		 dg;
	struct check_ctx	 ctx;
	size_t			 n;

	model_init(&m, &a);
	diags_init(&dg, &a);
	load_k8s(&m, &dg, "t.yaml", sas, sizeof(sas) - 1);
	ck_assert_uint_eq(dg.n, 0);
	model_index(&m);
	/*
	 * Seven matches: the patterns below that need one match the 3
	 * claims under team- and then all 4; the others are counted from
	 * the sorted claims without matching.
	 */
	rule_ctx_init(&ctx, &m, &dg, NULL, 7);
	ck_assert(rule_count_admitted(&ctx, "system:serviceaccount:*:*", &n));
	ck_assert_uint_eq(n, 4);
	ck_assert(rule_count_admitted(&ctx, "*", &n));
	ck_assert_uint_eq(n, 4);
	ck_assert(rule_count_admitted(&ctx,
	    "system:serviceaccount:team-a:*", &n));
	ck_assert_uint_eq(n, 2);
	ck_assert(rule_count_admitted(&ctx,
	    "system:serviceaccount:team-?:api", &n));
	ck_assert_uint_eq(n, 2);
	ck_assert(rule_count_admitted(&ctx, "system:serviceaccount:*:api",
	    &n));
	ck_assert_uint_eq(n, 3);
	ck_assert(rule_count_admitted(&ctx, "system:serviceaccount:zz:*",
	    &n));
	ck_assert_uint_eq(n, 0);
	/* A memoised count costs no match; a new pattern finds none left. */
	ck_assert(rule_count_admitted(&ctx, "system:serviceaccount:*:api",
	    &n));
	ck_assert_uint_eq(n, 3);
	ck_assert(!rule_count_admitted(&ctx, "system:serviceaccount:*:web",
	    &n));
	ck_assert_uint_eq(n, 0);
	rule_ctx_release(&ctx);
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}
END_TEST

/* A plan and manifests loaded, indexed and run through the engine. */
struct pair_run {
	struct arena	 a;
	struct model	 m;
	struct diags	 dg;
	struct bindings	 bs;
};

/* budget: role names the binder may compare with a misspelt one. */
static void
pair_run(struct pair_run *r, const char *plan, const char *yaml,
    size_t budget)
{
	r->a = (struct arena)ARENA_INIT;
	model_init(&r->m, &r->a);
	diags_init(&r->dg, &r->a);
	load_tf(&r->m, &r->dg, "plan.json", plan, strlen(plan));
	load_k8s(&r->m, &r->dg, "sa.yaml", yaml, strlen(yaml));
	model_index(&r->m);
	bindings_init(&r->bs);
	r->bs.typo_budget = budget;
	engine_run(&r->m, &r->dg, &r->bs);
}

static void
pair_done(struct pair_run *r)
{
	bindings_release(&r->bs);
	diags_release(&r->dg);
	model_release(&r->m);
	arena_release(&r->a);
}

/* The role-not-found message for a misspelt role, n comparisons left. */
static int
suggests_after(size_t n)
{
	static const char plan[] =
	    "{\"format_version\":\"1.2\",\"resource_changes\":[{"
	    "\"address\":\"aws_iam_role.lbc\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":"
	    "[\"create\"],\"after\":{\"name\":\"AwsLoadBalancerController\","
	    "\"path\":\"/\",\"assume_role_policy\":\"{}\"}}}]}";
	static const char sa[] =
	    "kind: ServiceAccount\nmetadata:\n  name: lbc\n"
	    "  namespace: kube-system\n  annotations:\n"
	    "    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:"
	    "role/AwsLoadBalancerControler\n";
	struct pair_run	 r;
	size_t		 i;
	int		 found = -1;

	pair_run(&r, plan, sa, n);
	for (i = 0; i < r.dg.n; i++)
		if (r.dg.v[i]->rule == &rule_irsa_role_not_found)
			found = strstr(r.dg.v[i]->msg, "did you mean "
			    "AwsLoadBalancerController") != NULL;
	pair_done(&r);
	return found;
}

START_TEST(typo_suggestions_stop_at_the_budget)
{
	ck_assert_int_eq(suggests_after(BIND_TYPO_CHECKS), 1);
	/* The finding stays; only the hint is not looked for. */
	ck_assert_int_eq(suggests_after(0), 0);
}
END_TEST

/*
 * Each ServiceAccount's binding, in order, as "role-or-none arn_ok
 * account name verdict near-or-none;": with the manifests yaml beside
 * plan.
 */
static void
bind_summary(const char *plan, const char *yaml, struct buf *out)
{
	struct pair_run		 r;
	const struct binding	*b;
	size_t			 i;

	pair_run(&r, plan, yaml, BIND_TYPO_CHECKS);
	for (i = 0; i < r.bs.n; i++) {
		b = &r.bs.v[i];
		buf_addf(out, "%s %d %s %s %d %s;", b->role != NULL ?
		    b->role->address : "-", b->arn_ok, b->arn.account,
		    b->arn.name, (int)b->verdict, b->near != NULL ?
		    b->near->address : "-");
	}
	pair_done(&r);
}

/*
 * ServiceAccounts that name one role one after another are bound as
 * each would be alone (the binder keeps the last text that named a
 * role by its ARN): the same role by its ARN again, another in between,
 * a misspelt one, and a role whose ARN is known only after apply,
 * found by its name.
 */
START_TEST(bindings_in_a_row_as_each_alone)
{
	static const char plan[] =
	    "{\"format_version\":\"1.2\",\"resource_changes\":["
	    "{\"address\":\"aws_iam_role.x\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":[\"create\"],"
	    "\"after\":{\"name\":\"x\",\"path\":\"/\",\"arn\":"
	    "\"arn:aws:iam::111122223333:role/x\",\"assume_role_policy\":"
	    "\"{}\"}}},"
	    "{\"address\":\"aws_iam_role.y\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":[\"create\"],"
	    "\"after\":{\"name\":\"y\",\"path\":\"/\",\"arn\":"
	    "\"arn:aws:iam::111122223333:role/y\",\"assume_role_policy\":"
	    "\"{}\"}}},"
	    "{\"address\":\"aws_iam_role.w\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":[\"create\"],"
	    "\"after\":{\"name\":\"w\",\"path\":\"/\",\"assume_role_policy\":"
	    "\"{}\"},\"after_unknown\":{\"arn\":true}}}]}";
	static const char *const roles[] = { "x", "x", "xx", "x", "y", "y",
	    "x", "w", "w", "x" };
	struct buf	 y = BUF_INIT, all = BUF_INIT, alone = BUF_INIT, one;
	size_t		 i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		buf_init(&one);
		buf_addf(&one, "---\nkind: ServiceAccount\nmetadata:\n"
		    "  name: sa%zu\n  namespace: ns\n  annotations:\n"
		    "    eks.amazonaws.com/role-arn: arn:aws:iam::"
		    "111122223333:role/%s\n", i, roles[i]);
		buf_add(&y, one.buf, one.len);
		bind_summary(plan, one.buf, &alone);
		buf_release(&one);
	}
	bind_summary(plan, y.buf, &all);
	ck_assert_str_eq(all.buf, alone.buf);
	/* Each way to a role, or to none, is in the row. */
	ck_assert_ptr_nonnull(strstr(all.buf, "aws_iam_role.x 1 "));
	ck_assert_ptr_nonnull(strstr(all.buf, "aws_iam_role.y 1 "));
	ck_assert_ptr_nonnull(strstr(all.buf, "aws_iam_role.w 1 "));
	ck_assert_ptr_nonnull(strstr(all.buf, "- 1 111122223333 xx "));
	buf_release(&y);
	buf_release(&all);
	buf_release(&alone);
}
END_TEST

Suite *
rules_suite(void)
{
	Suite	*s = suite_create("rules");
	TCase	*tc = tcase_create("table");

	tcase_add_test(tc, rules_are_sorted_and_unique);
	tcase_add_test(tc, rule_ids_are_lowercase_kebab_case);
	tcase_add_test(tc, rules_are_documented);
	tcase_add_test(tc, rule_find_by_id);
	tcase_add_test(tc, count_admitted_matches_sorted_claims);
	tcase_add_test(tc, typo_suggestions_stop_at_the_budget);
	tcase_add_test(tc, bindings_in_a_row_as_each_alone);
	suite_add_tcase(s, tc);
	return s;
}
