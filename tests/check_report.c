/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of the reporters' contracts that goldens show only by
 * example: workflow commands cannot be injected, Markdown cannot link,
 * URIs are encoded, fingerprints are unique and stable, fixes quote,
 * and the picture draws the bindings the rules judged.
 */
#include <stdio.h>
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
#include "report.h"
#include "rule.h"
#include "rule_list.h"

#define EVIL	"x\n::error file=a::injected %0A\r\n::warning::y"

static char *
github_run(struct diags *dg, char **summary)
{
	struct report_opts	 o;
	char			*out = NULL, *sum = NULL;
	size_t			 len, slen;
	FILE			*fp, *sp;

	memset(&o, 0, sizeof(o));
	fp = open_memstream(&out, &len);
	sp = open_memstream(&sum, &slen);
	o.summary = sp;
	report_github(fp, dg, &o);
	fclose(fp);
	fclose(sp);
	*summary = sum;
	return out;
}

START_TEST(github_output_cannot_start_a_command)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 dg;
	struct loc	 loc = { "evil,file:name.yaml", 3, 5, 3, 9 };
	struct diag	*d;
	char		*out, *sum;

	diags_init(&dg, &a);
	d = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &loc, "%s", EVIL);
	diag_related(&dg, d, &loc, "aws_iam_role.x", "%s", EVIL);
	diag_error(&dg, &loc, "%s", EVIL);
	diags_fingerprint(&dg);
	out = github_run(&dg, &sum);
	/* Two commands, two lines: nothing else starts a line. */
	ck_assert_ptr_nonnull(strchr(out, '\n'));
	ck_assert_ptr_null(strchr(strchr(strchr(out, '\n') + 1, '\n') + 1,
	    '\n'));
	ck_assert_ptr_null(strchr(out, '\r'));
	ck_assert_ptr_nonnull(strstr(out, "x%0A::error file=a::injected %250A"
	    "%0D%0A::warning::y"));
	ck_assert_ptr_nonnull(strstr(out, "file=evil%2Cfile%3Aname.yaml,"));
	ck_assert_ptr_nonnull(strstr(out, "title=irsalint "
	    "irsa-trust-sub-mismatch::"));
	/* The summary: no raw link, HTML or table syntax from the input. */
	ck_assert_ptr_null(strstr(sum, "\n::"));
	free(out);
	free(sum);
	diags_release(&dg);
	arena_release(&a);
}
END_TEST

START_TEST(github_summary_escapes_markdown)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 dg;
	struct loc	 loc = { "f.yaml", 1, 1, 0, 0 };
	char		*out, *sum;

	diags_init(&dg, &a);
	diag_add(&dg, &rule_irsa_trust_sub_mismatch, &loc,
	    "[x](https://e.invalid) <img src=x> | `c` ![i](j)");
	diags_fingerprint(&dg);
	out = github_run(&dg, &sum);
	ck_assert_ptr_null(strstr(sum, "]("));
	ck_assert_ptr_null(strstr(sum, " <"));
	ck_assert_ptr_null(strstr(sum, " | `c`"));
	ck_assert_ptr_nonnull(strstr(sum, "\\[x\\]\\(https\\:\\/\\/e\\.invalid\\)"));
	free(out);
	free(sum);
	diags_release(&dg);
	arena_release(&a);
}
END_TEST

START_TEST(uri_is_relative_and_percent_encoded)
{
	struct buf	 b = BUF_INIT;

	report_uri(&b, "./k8s/a b%/\xc3\xbc.yaml");
	ck_assert_str_eq(b.buf, "k8s/a%20b%25/%C3%BC.yaml");
	buf_reset(&b);
	report_uri(&b, "/abs/x.yaml");
	ck_assert_str_eq(b.buf, "file:///abs/x.yaml");
	buf_release(&b);
}
END_TEST

START_TEST(json_str_escapes_per_rfc8259)
{
	struct buf	 b = BUF_INIT;

	report_json_str(&b, "");
	ck_assert_str_eq(b.buf, "\"\"");
	buf_reset(&b);
	report_json_str(&b, "plain \xc3\xbc");
	ck_assert_str_eq(b.buf, "\"plain \xc3\xbc\"");
	buf_reset(&b);
	/* Escapes at the start, between runs and at the end. */
	report_json_str(&b, "\"a\\b\n\r\tc\x01\x1f\x7f");
	ck_assert_str_eq(b.buf,
	    "\"\\\"a\\\\b\\n\\r\\tc\\u0001\\u001f\\u007f\"");
	buf_release(&b);
}
END_TEST

START_TEST(fingerprints_are_unique_stable_and_line_free)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 dg;
	struct loc	 l1 = { "sa.yaml", 3, 5, 0, 0 };
	struct loc	 l2 = { "sa.yaml", 30, 5, 0, 0 };
	struct diag	*d1, *d2, *d3;
	char		 f1[40], f2[40];

	diags_init(&dg, &a);
	d1 = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &l1, "m");
	d2 = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &l2, "m");
	d1->obj.kind = d2->obj.kind = "ServiceAccount";
	d1->obj.ns = d2->obj.ns = "ns";
	d1->obj.name = d2->obj.name = "app";
	d3 = diag_add(&dg, &rule_irsa_role_not_found, &l1, "m");
	d3->obj = d1->obj;
	diags_fingerprint(&dg);
	ck_assert_uint_eq(strlen(d1->fingerprint), 32);
	ck_assert_str_ne(d1->fingerprint, d2->fingerprint);
	ck_assert_str_ne(d1->fingerprint, d3->fingerprint);
	strcpy(f1, d1->fingerprint);
	strcpy(f2, d2->fingerprint);
	/* Moving the finding to another line keeps its fingerprint. */
	d1->loc.line = 7;
	diags_fingerprint(&dg);
	ck_assert_str_eq(d1->fingerprint, f1);
	ck_assert_str_eq(d2->fingerprint, f2);
	diags_release(&dg);
	arena_release(&a);
}
END_TEST

START_TEST(fix_scalar_keeps_plain_and_quotes_when_needed)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 dg;
	struct loc	 plain = { "f", 2, 14, 2, 26 };	/* my-namespace */
	struct loc	 quoted = { "f", 2, 14, 2, 28 };	/* "my-namespace" */
	struct loc	 multi = { "f", 2, 14, 3, 2 };
	struct diag	*d;

	diags_init(&dg, &a);
	d = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &plain, "m");
	diag_fix_scalar(&dg, d, &plain, "my-namespace", "kube-system", "x");
	ck_assert_str_eq(d->fix->edits->text, "kube-system");
	d = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &quoted, "m");
	diag_fix_scalar(&dg, d, &quoted, "my-namespace", "kube-system", "x");
	ck_assert_str_eq(d->fix->edits->text, "\"kube-system\"");
	d = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &plain, "m");
	diag_fix_scalar(&dg, d, &plain, "my-namespace", "a: #b\"", "x");
	ck_assert_str_eq(d->fix->edits->text, "\"a: #b\\\"\"");
	d = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &multi, "m");
	diag_fix_scalar(&dg, d, &multi, "my-namespace", "kube-system", "x");
	ck_assert_ptr_null(d->fix);
	diags_release(&dg);
	arena_release(&a);
}
END_TEST

START_TEST(suppress_and_severity_keep_counts)
{
	struct arena	 a = ARENA_INIT;
	struct diags	 dg;
	struct loc	 l = { "f", 1, 1, 0, 0 };
	struct diag	*d;

	diags_init(&dg, &a);
	d = diag_add(&dg, &rule_irsa_trust_sub_mismatch, &l, "m");
	diag_set_severity(&dg, d, SEV_NOTE);
	ck_assert_uint_eq(dg.count[SEV_ERROR], 0);
	ck_assert_uint_eq(dg.count[SEV_NOTE], 1);
	diag_suppress(&dg, d, SUPPRESS_COMMENT, "why");
	ck_assert_uint_eq(dg.count[SEV_NOTE], 0);
	ck_assert_uint_eq(dg.nsuppressed, 1);
	diags_drop(&dg, 0);
	ck_assert_uint_eq(dg.nsuppressed, 0);
	ck_assert_uint_eq(dg.n, 0);
	diags_release(&dg);
	arena_release(&a);
}
END_TEST

/*
 * The DOT picture and the text report of one run, with budget role
 * names left for did-you-mean: does each suggest the misspelt role?
 */
static void
dot_and_text(size_t budget, int *dot_hint, int *text_hint)
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
	struct arena		 a = ARENA_INIT;
	struct model		 m;
	struct diags		 dg;
	struct bindings		 bs;
	struct report_opts	 o;
	char			*dot = NULL, *text = NULL;
	size_t			 len;
	FILE			*fp;

	model_init(&m, &a);
	diags_init(&dg, &a);
	load_tf(&m, &dg, "plan.json", plan, sizeof(plan) - 1);
	load_k8s(&m, &dg, "sa.yaml", sa, sizeof(sa) - 1);
	model_index(&m);
	bindings_init(&bs);
	bs.typo_budget = budget;
	engine_run(&m, &dg, &bs);
	diags_sort(&dg);
	memset(&o, 0, sizeof(o));
	fp = open_memstream(&dot, &len);
	report_dot(fp, &m, &bs, &dg, &o);
	fclose(fp);
	fp = open_memstream(&text, &len);
	report_text(fp, &dg, &o);
	fclose(fp);
	*dot_hint = strstr(dot, "did you mean") != NULL;
	*text_hint = strstr(text, "did you mean AwsLoadBalancerController") !=
	    NULL;
	free(dot);
	free(text);
	bindings_release(&bs);
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}

START_TEST(dot_draws_the_bindings_the_rules_judged)
{
	int	 dot, text;

	dot_and_text(BIND_TYPO_CHECKS, &dot, &text);
	ck_assert(dot && text);
	/* Past the budget neither suggests: the picture does not re-bind. */
	dot_and_text(0, &dot, &text);
	ck_assert(!dot && !text);
}
END_TEST

Suite *
report_suite(void)
{
	Suite	*s = suite_create("report");
	TCase	*tc = tcase_create("contracts");

	tcase_add_test(tc, github_output_cannot_start_a_command);
	tcase_add_test(tc, github_summary_escapes_markdown);
	tcase_add_test(tc, uri_is_relative_and_percent_encoded);
	tcase_add_test(tc, json_str_escapes_per_rfc8259);
	tcase_add_test(tc, fingerprints_are_unique_stable_and_line_free);
	tcase_add_test(tc, fix_scalar_keeps_plain_and_quotes_when_needed);
	tcase_add_test(tc, suppress_and_severity_keep_counts);
	tcase_add_test(tc, dot_draws_the_bindings_the_rules_judged);
	suite_add_tcase(s, tc);
	return s;
}
