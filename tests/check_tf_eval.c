/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of the Terraform sources evaluator (tf_eval.c, tf_val.c):
 * expressions against what Terraform computes, unknowns that spread
 * and say what they wait for, errors at their positions, and the
 * bounds that hostile input meets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "diag.h"
#include "hcl.h"
#include "load.h"
#include "model.h"
#include "tf_src.h"

static struct arena	 a;
static struct diags	 dg;
static struct tf_ev	 ev;

static void
setup(void)
{
	memset(&a, 0, sizeof(a));
	diags_init(&dg, &a);
	memset(&ev, 0, sizeof(ev));
	ev.arena = &a;
	ev.dg = &dg;
}

static void
teardown(void)
{
	diags_release(&dg);
	arena_release(&a);
}

/* var.NAME is unknown, as a root variable without a value is. */
static struct tfv *
test_lookup(struct tf_ev *e, const struct tf_env *env,
    const struct hcl_trav *t, const struct tf_at *at, size_t *used)
{
	(void)env;
	if (strcmp(t->root, "var") != 0 || t->nsteps == 0)
		return NULL;
	*used = 1;
	return tfv_unknown(e, arena_printf(e->arena, "var.%s",
	    t->steps[0].name), at);
}

/* The value of expression s, as "x = s" in a file. */
static struct tfv *
eval(const char *s)
{
	struct hcl_file	*f;
	struct tf_env	 env;
	char		*text;

	text = arena_printf(&a, "x = %s\n", s);
	f = hcl_parse(&a, &dg, "t.tf", text, strlen(text));
	ck_assert_uint_eq(f->nerrors, 0);
	ck_assert_uint_eq(f->body.nattrs, 1);
	memset(&env, 0, sizeof(env));
	env.file = f;
	env.lookup = test_lookup;
	return tf_eval(&ev, &env, f->body.attrs[0].expr);
}

static const char *
json(const struct tfv *v)
{
	struct buf	 b = BUF_INIT;
	const char	*s;

	tfv_json(&b, v);
	s = arena_strdup(&a, b.buf);
	buf_release(&b);
	return s;
}

/*
 * Each expected value is what Terraform 1.11.4 prints for
 * jsonencode(<expr>) in terraform console.
 */
static const struct {
	const char	*expr;
	const char	*want;
} known[] = {
	{ "\"a${\"b\"}c\"",
	    "\"abc\"" },
	{ "\"%{if true}yes%{else}no%{endif}\"",
	    "\"yes\"" },
	{ "\"%{for x in [\"a\",\"b\"]}[${x}]%{endfor}\"",
	    "\"[a][b]\"" },
	{ "\"x %{~ if false }y%{ else ~} z %{~ endif} w\"",
	    "\"xz w\"" },
	{ "1 + 2 * 3",
	    "7" },
	{ "-5 % 3",
	    "-2" },
	{ "7 / 2",
	    "3.5" },
	{ "(1 + 2) * 3",
	    "9" },
	{ "\"1\" == 1",
	    "false" },
	{ "[1, 2] == [1, 2]",
	    "true" },
	{ "{a = 1} == {a = 1}",
	    "true" },
	{ "true && !false || false",
	    "true" },
	{ "1 < 2 ? \"lt\" : \"ge\"",
	    "\"lt\"" },
	{ "[for x in [1, 2, 3] : x * 2]",
	    "[2,4,6]" },
	{ "[for i, x in [\"a\", \"b\"] : \"${i}=${x}\"]",
	    "[\"0=a\",\"1=b\"]" },
	{ "{for k, v in {a = 1, b = 2} : v => k}",
	    "{\"1\":\"a\",\"2\":\"b\"}" },
	{ "{for x in [\"a\", \"b\", \"a\"] : x => x...}",
	    "{\"a\":[\"a\",\"a\"],\"b\":[\"b\"]}" },
	{ "[for x in [1, 2, 3, 4] : x if x % 2 == 0]",
	    "[2,4]" },
	{ "[{a = 1}, {a = 2}][*].a",
	    "[1,2]" },
	{ "[{a = 1}, {a = 2}].*.a",
	    "[1,2]" },
	{ "[[1, 2], [3, 4]][1][0]",
	    "3" },
	{ "{k = \"v\"}[\"k\"]",
	    "\"v\"" },
	{ "[10, 20].1",
	    "20" },
	{ "{\"quoted key\" = 1, bare = 2}",
	    "{\"bare\":2,\"quoted key\":1}" },
	{ "\"\\u00e9\\n\\t\\\"$${x}%%{y}\"",
	    "\"é\\n\\t\\\"${x}%{y}\"" },
	{ "\"${1.5}\"",
	    "1.5" },
	{ "\"${10 / 4}\"",
	    "2.5" },
	{ "\"${1e3}\"",
	    "1000" },
	{ "\"${true}\"",
	    "true" },
	{ "\"${0.1 + 0.2}\"",
	    "0.3" },
	{ "{b = 1, a = 2, c = {z = 1, y = 2}}",
	    "{\"a\":2,\"b\":1,\"c\":{\"y\":2,\"z\":1}}" },
	{ "[1, \"a\", true, null]",
	    "[1,\"a\",true,null]" },
	{ "5 - 10",
	    "-5" },
	{ "2 > 1 && 3 >= 3 && 1 <= 0",
	    "false" },
	{ "!(1 == 2)",
	    "true" },
	{ "\"${-0.5}\"",
	    "-0.5" },
	{ "\"%{for k, v in {b = 2, a = 1}}${k}${v},%{endfor}\"",
	    "\"a1,b2,\"" },
	{ "{for i, v in [\"x\", \"y\"] : v => i}",
	    "{\"x\":0,\"y\":1}" },
	{ "null",
	    "null" },
	{ "\"<&>\"",
	    "\"\\u003c\\u0026\\u003e\"" },
};

START_TEST(test_known)
{
	struct tfv	*v;

	v = eval(known[_i].expr);
	ck_assert_msg(tfv_known(v), "%s: unknown: %s", known[_i].expr,
	    v->why);
	ck_assert_msg(strcmp(json(v), known[_i].want) == 0, "%s: got %s, "
	    "want %s", known[_i].expr, json(v), known[_i].want);
	ck_assert_uint_eq(dg.nerrors, 0);
}
END_TEST

/* Unknowns spread, and say what they depend on. */
static const struct {
	const char	*expr;
	const char	*why;
} unknown[] = {
	{ "var.a", "var.a" },
	{ "\"${var.a}:sub\"", "var.a" },
	{ "\"${var.a}${var.b}\"", "var.a, var.b" },
	{ "var.a + 1", "var.a" },
	{ "var.a == \"x\"", "var.a" },
	{ "var.a ? 1 : 2", "var.a" },
	{ "[for x in var.a : x]", "var.a" },
	{ "var.a[0]", "var.a" },
	{ "[1, 2][var.a]", "var.a" },
	{ "var.a[*].b", "var.a" },
	{ "!var.a", "var.a" },
	{ "try(var.a, \"fallback\")", "var.a" },
	{ "can(var.a)", "var.a" },
	{ "\"%{if var.a}x%{endif}\"", "var.a" },
};

START_TEST(test_unknown)
{
	struct tfv	*v;

	v = eval(unknown[_i].expr);
	ck_assert_msg(v->kind == TFV_UNKNOWN, "%s: known as %s",
	    unknown[_i].expr, json(v));
	ck_assert_msg(strcmp(v->why, unknown[_i].why) == 0, "%s: why %s",
	    unknown[_i].expr, v->why);
	ck_assert_uint_eq(dg.nerrors, 0);
}
END_TEST

/* A known condition picks its branch: the other may be unknown. */
START_TEST(test_partial)
{
	struct tfv	*v;

	v = eval("true ? \"x\" : var.a");
	ck_assert_int_eq(v->kind, TFV_STRING);
	v = eval("[\"x\", var.a]");
	ck_assert_int_eq(v->kind, TFV_LIST);
	ck_assert(!tfv_known(v));
	ck_assert_str_eq(tfv_first_unknown(v)->why, "var.a");
	/*
	 * Kinds differ, whatever is unknown inside (terraform 1.11 plans
	 * count = [aws_iam_policy.p.arn] != null ? 1 : 0 as one instance).
	 */
	v = eval("[var.a] != null");
	ck_assert_int_eq(v->kind, TFV_BOOL);
	ck_assert_int_eq(v->b, 1);
	v = eval("[var.a] == [1, 2]");
	ck_assert_int_eq(v->kind, TFV_BOOL);
	ck_assert_int_eq(v->b, 0);
	ck_assert_int_eq(eval("var.a == null")->kind, TFV_UNKNOWN);
	ck_assert_int_eq(eval("[var.a] == [1]")->kind, TFV_UNKNOWN);
	/*
	 * An unknown string is one element of flatten(), as Terraform,
	 * knowing its type, keeps it (terraform 1.11 plans count =
	 * length(flatten([aws_iam_policy.p.arn])) as 1); an unknown of
	 * any type may be a list.
	 */
	v = eval("length(flatten([\"${var.a}-x\", [\"b\"]]))");
	ck_assert_int_eq(v->kind, TFV_NUMBER);
	ck_assert(v->num == 2);
	ck_assert_int_eq(eval("length(flatten([var.a]))")->kind, TFV_UNKNOWN);
	/* An unknown key keeps its value for a trust to read. */
	v = eval("{\"${var.a}:sub\" = \"system:serviceaccount:ns:sa\"}");
	ck_assert_int_eq(v->kind, TFV_MAP);
	ck_assert_uint_eq(v->n, 1);
	ck_assert_int_eq(v->v[0]->kind, TFV_UNKNOWN);
	ck_assert(v->v[0]->flags & TFV_UKEY);
	ck_assert_str_eq(v->v[0]->json_of->s, "system:serviceaccount:ns:sa");
	/* try() takes the first that is not an error. */
	v = eval("try([1][5], \"fallback\")");
	ck_assert_str_eq(v->s, "fallback");
	ck_assert_uint_eq(dg.nerrors, 0);
	v = eval("can([1][5])");
	ck_assert_int_eq(v->kind, TFV_BOOL);
	ck_assert_int_eq(v->b, 0);
	ck_assert_uint_eq(dg.nerrors, 0);
}
END_TEST

/* Errors Terraform reports too, at the expression's line and column. */
static const struct {
	const char	*expr;
	const char	*msg;	/* a part of the message */
	unsigned int	 col;	/* of "x = <expr>" */
} errors[] = {
	{ "[1, 2][2]", "out of range", 11 },
	{ "1 / 0", "division by zero", 7 },
	{ "nosuch", "unknown name", 5 },
	{ "{a = 1}.b", "no attribute \"b\"", 12 },
	{ "\"a${[1]}\"", "not a string", 9 },
	{ "1 + \"a\"", "needs numbers", 7 },
	{ "{for x in [1, 1] : x => x}", "twice", 24 },
	{ "[for x in 5 : x]", "needs a list", 15 },
	{ "null ? 1 : 2", "not a bool", 5 },
	{ "try([1][2])", "no argument", 5 },
};

START_TEST(test_errors)
{
	struct tfv	*v;
	size_t		 i;

	v = eval(errors[_i].expr);
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert(v->flags & TFV_ERROR);
	ck_assert_uint_ge(dg.nerrors, 1);
	for (i = 0; i < dg.n; i++)
		if (strstr(dg.v[i]->msg, errors[_i].msg) != NULL)
			break;
	ck_assert_msg(i < dg.n, "%s: no error with \"%s\"; first: %s",
	    errors[_i].expr, errors[_i].msg, dg.v[0]->msg);
	ck_assert_uint_eq(dg.v[i]->loc.line, 1);
	ck_assert_msg(dg.v[i]->loc.col == errors[_i].col, "%s: col %u",
	    errors[_i].expr, dg.v[i]->loc.col);
}
END_TEST

/* A for expression that multiplies stops at the budget, said once. */
START_TEST(test_budget)
{
	struct tfv	*v;

	ev.work = TF_MAX_WORK - 100;
	v = eval("[for a in [1,2,3,4,5,6,7,8,9,10] : [for b in "
	    "[1,2,3,4,5,6,7,8,9,10] : [for c in [1,2,3,4,5,6,7,8,9,10] : "
	    "\"${a}${b}${c}\"]]]");
	ck_assert_int_eq(ev.over, 1);
	ck_assert(!tfv_known(v));
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_ptr_nonnull(strstr(dg.v[0]->msg, "evaluation stopped"));
}
END_TEST

/*
 * Strings in JSON as Terraform writes them: terraform 1.11 console,
 * jsonencode(jsondecode("\"a\\u0008b\\u000cc\\u0001d\\u2028e<\"")) is
 * "a\bb\fc\u0001d\u2028e\u003c", and a bad UTF-8 byte is U+FFFD.
 */
START_TEST(test_json_strings)
{
	ck_assert_str_eq(json(tfv_strz(&ev, "a\bb\fc\001d\342\200\250e<")),
	    "\"a\\bb\\fc\\u0001d\\u2028e\\u003c\"");
	ck_assert_str_eq(json(tfv_strz(&ev, "caf\303")), "\"caf\\ufffd\"");
}
END_TEST

/* Numbers print as Terraform prints them. */
START_TEST(test_numbers)
{
	ck_assert_str_eq(tfv_num_text(&ev, 1), "1");
	ck_assert_str_eq(tfv_num_text(&ev, -0.5), "-0.5");
	ck_assert_str_eq(tfv_num_text(&ev, 1e21), "1000000000000000000000");
	ck_assert_str_eq(tfv_num_text(&ev, 0.1 + 0.2), "0.3");
}
END_TEST

Suite *
tf_eval_suite(void)
{
	Suite	*s = suite_create("tf_eval");
	TCase	*tc = tcase_create("tf_eval");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_known, 0,
	    sizeof(known) / sizeof(known[0]));
	tcase_add_loop_test(tc, test_unknown, 0,
	    sizeof(unknown) / sizeof(unknown[0]));
	tcase_add_test(tc, test_partial);
	tcase_add_loop_test(tc, test_errors, 0,
	    sizeof(errors) / sizeof(errors[0]));
	tcase_add_test(tc, test_budget);
	tcase_add_test(tc, test_numbers);
	tcase_add_test(tc, test_json_strings);
	suite_add_tcase(s, tc);
	return s;
}
