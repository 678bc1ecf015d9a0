/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of data "aws_iam_policy_document" (tf_doc.c).  The
 * arguments of each case are those of testdata/tf-doc/NAME.tf, built
 * as the evaluator would hand them over, and the text expected is
 * testdata/tf-doc/NAME.json, which the AWS provider 5.100.0 wrote for
 * that block under Terraform 1.11.  The errors are those of
 * testdata/tf-doc/err-NAME.tf.  Unknowns have no provider output to
 * compare with (it says "known after apply"): those cases check the
 * structure tf_doc.c documents.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check_suites.h"
#include "diag.h"
#include "tf_src.h"

#define END	NULL
#define OIDC	"oidc.eks.us-east-1.amazonaws.com/id/ABC"
#define OIDC_ARN "arn:aws:iam::111122223333:oidc-provider/" OIDC

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

/* ---- building the arguments ---- */

static struct tfv *
str(const char *s)
{
	return tfv_strz(&ev, s);
}

static struct tfv *
unk(const char *why)
{
	return tfv_unknown(&ev, why, NULL);
}

static struct tfv *
vlist(unsigned int flags, struct tfv *first, va_list ap)
{
	struct tfv	*v[64], *l;
	size_t		 n = 0;

	for (v[0] = first; v[n] != NULL; v[n] = va_arg(ap, struct tfv *))
		ck_assert_uint_lt(++n, 64);
	l = tfv_list(&ev, n, flags);
	memcpy(l->v, v, n * sizeof(*v));
	return l;
}

/* A tuple of the values up to END. */
static struct tfv *
list(struct tfv *first, ...)
{
	va_list		 ap;
	struct tfv	*l;

	va_start(ap, first);
	l = vlist(0, first, ap);
	va_end(ap);
	return l;
}

/* Nested blocks of one type: the maps up to END. */
static struct tfv *
blocks(struct tfv *first, ...)
{
	va_list		 ap;
	struct tfv	*l;

	va_start(ap, first);
	l = vlist(TFV_BLOCKS, first, ap);
	va_end(ap);
	return l;
}

/* A list of the strings up to END. */
static struct tfv *
strs(const char *first, ...)
{
	va_list		 ap;
	struct tfv	*v[64], *l;
	const char	*s;
	size_t		 n = 0;

	va_start(ap, first);
	for (s = first; s != NULL; s = va_arg(ap, const char *)) {
		ck_assert_uint_lt(n, 64);
		v[n++] = str(s);
	}
	va_end(ap);
	l = tfv_list(&ev, n, 0);
	memcpy(l->v, v, n * sizeof(*v));
	return l;
}

/* A map of key, value pairs up to a key END. */
static struct tfv *
map(const char *first, ...)
{
	va_list		 ap;
	const char	*k[32];
	struct tfv	*v[32];
	size_t		 n = 0;

	va_start(ap, first);
	for (k[0] = first; k[n] != NULL; k[n] = va_arg(ap, const char *)) {
		v[n] = va_arg(ap, struct tfv *);
		ck_assert_uint_lt(++n, 32);
	}
	va_end(ap);
	return tfv_map(&ev, k, v, n);
}

static struct tfv *
principal(const char *type, struct tfv *ids)
{
	return map("type", str(type), "identifiers", ids, END);
}

static struct tfv *
cond(const char *test, const char *var, struct tfv *values)
{
	return map("test", str(test), "variable", str(var), "values",
	    values, END);
}

/* ---- checking the result ---- */

static char *
slurp(const char *path)
{
	FILE	*fp;
	char	*s;
	long	 n;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	s = arena_alloc(&a, (size_t)n + 1);
	ck_assert_uint_eq(fread(s, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return s;
}

/* The rendering of args must be testdata/tf-doc/name.json. */
static void
ck_doc(const struct tfv *args, const char *name)
{
	struct tfv	*r;
	char		 path[256];

	snprintf(path, sizeof(path), "testdata/tf-doc/%s.json", name);
	r = tf_doc_render(&ev, args, NULL);
	if (dg.n > 0)
		fprintf(stderr, "%s: unexpected: %s\n", name, dg.v[0]->msg);
	ck_assert_uint_eq(dg.nerrors, 0);
	ck_assert_int_eq(r->kind, TFV_STRING);
	ck_assert_str_eq(r->s, slurp(path));
	ck_assert_uint_eq(r->len, strlen(r->s));
}

/* The rendering of args must be the one error naming what. */
static void
ck_err(const struct tfv *args, const char *what)
{
	struct tfv	*r;

	r = tf_doc_render(&ev, args, NULL);
	ck_assert_int_eq(r->kind, TFV_UNKNOWN);
	ck_assert(r->flags & TFV_ERROR);
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_msg(strstr(dg.v[0]->msg, what) != NULL,
	    "\"%s\" not in \"%s\"", what, dg.v[0]->msg);
	ck_assert_msg(strstr(dg.v[0]->msg, "aws_iam_policy_document") !=
	    NULL, "no data source in \"%s\"", dg.v[0]->msg);
}

/* An unknown result, its json_of, and why naming each of the whys. */
static const struct tfv *
ck_unknown(const struct tfv *args, const char *why, int has_json)
{
	struct tfv	*r;
	char		*w, *p;

	r = tf_doc_render(&ev, args, NULL);
	ck_assert_uint_eq(dg.nerrors, 0);
	ck_assert_int_eq(r->kind, TFV_UNKNOWN);
	ck_assert(!(r->flags & TFV_ERROR));
	ck_assert_ptr_null(r->doc);
	w = arena_strdup(&a, why);
	for (p = strtok(w, "|"); p != NULL; p = strtok(NULL, "|"))
		ck_assert_msg(strstr(r->why, p) != NULL,
		    "\"%s\" not in why \"%s\"", p, r->why);
	if (!has_json) {
		ck_assert_ptr_null(r->json_of);
		return NULL;
	}
	ck_assert_ptr_nonnull(r->json_of);
	ck_assert_int_eq(r->json_of->kind, TFV_MAP);
	return r->json_of;
}

/* Statement i of a json_of. */
static const struct tfv *
stmt(const struct tfv *doc, size_t i)
{
	const struct tfv	*l = tfv_get(doc, "Statement");

	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->kind, TFV_LIST);
	ck_assert_uint_gt(l->n, i);
	return l->v[i];
}

static void
ck_str(const struct tfv *v, const char *s)
{
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(v->kind, TFV_STRING);
	ck_assert_str_eq(v->s, s);
}

static void
ck_unk(const struct tfv *v, const char *why)
{
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert_str_eq(v->why, why);
}

static struct tfv *
irsa_statement(struct tfv *ids, struct tfv *sub, struct tfv *aud)
{
	return map("actions", strs("sts:AssumeRoleWithWebIdentity", END),
	    "principals", blocks(map("type", str("Federated"),
	    "identifiers", ids, END), END),
	    "condition", blocks(sub, aud, END), END);
}

/* ---- what the provider renders ---- */

START_TEST(irsa_trust_conditions_share_an_operator)
{
	ck_doc(map("statement", blocks(irsa_statement(strs(OIDC_ARN, END),
	    cond("StringEquals", OIDC ":sub",
	    strs("system:serviceaccount:default:app", END)),
	    cond("StringEquals", OIDC ":aud", strs("sts.amazonaws.com", END))),
	    END), END), "irsa");
}
END_TEST

START_TEST(actions_and_resources_are_sets_in_reverse_order)
{
	ck_doc(map("statement", blocks(map(
	    "actions", strs("s3:GetObject", "ec2:DescribeInstances",
	    "s3:PutObject", "iam:PassRole", "s3:GetObject", END),
	    "resources", strs("arn:aws:s3:::b/*", "arn:aws:s3:::a", "*", END),
	    END), END), END), "actions");
}
END_TEST

START_TEST(one_identifier_is_a_string_several_a_list)
{
	ck_doc(map("statement", blocks(map(
	    "actions", strs("sts:AssumeRole", END),
	    "principals", blocks(
	    principal("AWS", strs("arn:aws:iam::111122223333:root",
	    "arn:aws:iam::444455556666:role/b",
	    "arn:aws:iam::222233334444:root", END)),
	    principal("Service", strs("ec2.amazonaws.com", END)), END),
	    END), END), END), "identifiers");
}
END_TEST

START_TEST(principals_of_one_type_merge_in_set_order)
{
	ck_doc(map("statement", blocks(map(
	    "actions", strs("sts:AssumeRole", END),
	    "principals", blocks(
	    principal("AWS", strs("arn:aws:iam::111122223333:root", END)),
	    principal("AWS", strs("arn:aws:iam::444455556666:root",
	    "arn:aws:iam::222233334444:root", END)),
	    principal("Service", strs("lambda.amazonaws.com",
	    "ec2.amazonaws.com", END)), END),
	    END), END), END), "same_type");
}
END_TEST

START_TEST(principals_order_is_not_the_order_written)
{
	ck_doc(map("statement", blocks(map(
	    "actions", strs("sts:AssumeRole", END),
	    "principals", blocks(
	    principal("AWS", strs("arn:aws:iam::444455556666:root",
	    "arn:aws:iam::222233334444:root", END)),
	    principal("AWS", strs("arn:aws:iam::111122223333:root", END)),
	    END), END), END), END), "same_type_swap");
}
END_TEST

START_TEST(three_principals_of_one_type_either_way)
{
	struct tfv	*p1, *p2, *p3;

	p1 = principal("AWS", strs("a1", "a2", END));
	p2 = principal("AWS", strs("b1", "b2", END));
	p3 = principal("AWS", strs("c1", END));
	ck_doc(map("statement", blocks(map(
	    "actions", strs("sts:AssumeRole", END),
	    "principals", blocks(p1, p2, p3, END), END), END), END),
	    "same_type3");
	ck_doc(map("statement", blocks(map(
	    "actions", strs("sts:AssumeRole", END),
	    "principals", blocks(p3, p2, p1, END), END), END), END),
	    "same_type4");
}
END_TEST

START_TEST(deny_with_a_sid)
{
	ck_doc(map("statement", blocks(map("sid", str("DenyAll"),
	    "effect", str("Deny"), "actions", strs("*", END),
	    "resources", strs("*", END), END), END), END), "deny");
}
END_TEST

START_TEST(not_principals_not_actions_not_resources)
{
	ck_doc(map("statement", blocks(map("effect", str("Deny"),
	    "not_actions", strs("iam:*", "sts:*", END),
	    "not_resources", strs("arn:aws:iam::111122223333:role/admin",
	    END),
	    "not_principals", blocks(principal("AWS",
	    strs("arn:aws:iam::111122223333:root", END)), END),
	    END), END), END), "not_principal");
}
END_TEST

START_TEST(star_principal_alone_is_a_string)
{
	ck_doc(map("statement", blocks(
	    map("actions", strs("s3:GetObject", END), "principals",
	    blocks(principal("*", strs("*", END)), END), END),
	    map("actions", strs("s3:GetObject", END), "principals",
	    blocks(principal("AWS", strs("*", END)), END), END),
	    END), END), "star");
}
END_TEST

START_TEST(version_2008_and_policy_id_and_empty_sid)
{
	ck_doc(map("version", str("2008-10-17"), "policy_id", str("MyPolicy"),
	    "statement", blocks(map("sid", str(""),
	    "actions", strs("s3:ListBucket", END),
	    "resources", strs("arn:aws:s3:::b", END), END), END), END),
	    "version2008");
}
END_TEST

START_TEST(condition_values_keep_order_and_duplicates)
{
	ck_doc(map("statement", blocks(map(
	    "actions", strs("sts:AssumeRoleWithWebIdentity", END),
	    "principals", blocks(principal("Federated",
	    strs("arn:aws:iam::111122223333:oidc-provider/oidc.example.com",
	    END)), END),
	    "condition", blocks(
	    cond("StringLike", "oidc.example.com:sub",
	    strs("system:serviceaccount:ns:b*", "system:serviceaccount:ns:a*",
	    "system:serviceaccount:ns:b*", END)),
	    cond("ForAnyValue:StringLike", "aws:TagKeys",
	    strs("team-*", END)),
	    cond("StringEquals", "oidc.example.com:aud",
	    strs("sts.amazonaws.com", END)), END),
	    END), END), END), "cond_values");
}
END_TEST

START_TEST(conditions_on_one_key_append_in_set_order)
{
	struct tfv	*red, *blue_green, *green_blue;

	red = cond("StringEquals", "aws:PrincipalTag/team", strs("red", END));
	blue_green = cond("StringEquals", "aws:PrincipalTag/team",
	    strs("blue", "green", END));
	green_blue = cond("StringEquals", "aws:PrincipalTag/team",
	    strs("green", "blue", END));
	ck_doc(map("statement", blocks(map("actions",
	    strs("s3:GetObject", END), "condition",
	    blocks(red, blue_green, END), END), END), END), "cond_same_var");
	ck_doc(map("statement", blocks(map("actions",
	    strs("s3:GetObject", END), "condition",
	    blocks(green_blue, red, END), END), END), END),
	    "cond_same_var_swap");
	ck_doc(map("statement", blocks(map("actions",
	    strs("s3:GetObject", END), "condition",
	    blocks(red, green_blue, END), END), END), END), "cond_same_var3");
}
END_TEST

START_TEST(two_single_values_make_a_list)
{
	ck_doc(map("statement", blocks(map("actions",
	    strs("s3:GetObject", END), "condition", blocks(
	    cond("StringEquals", "aws:PrincipalTag/team", strs("a", END)),
	    cond("StringEquals", "aws:PrincipalTag/team", strs("b", END)),
	    cond("StringLike", "aws:PrincipalTag/team",
	    strs("x", "y", END)),
	    cond("StringLike", "aws:PrincipalTag/team", strs("x", END)),
	    END), END), END), END), "cond_two_single");
}
END_TEST

START_TEST(empty_condition_values_are_an_empty_list)
{
	ck_doc(map("statement", blocks(map("condition", blocks(
	    cond("Null", "aws:x", strs(END)), END), END), END), END),
	    "cond_empty");
}
END_TEST

START_TEST(empty_document_is_its_version)
{
	ck_doc(map(END), "empty");
}
END_TEST

START_TEST(empty_statements_are_allow)
{
	ck_doc(map("statement", blocks(map(END),
	    map("actions", strs(END), "resources", strs(END), END), END),
	    END), "bare");
}
END_TEST

START_TEST(policy_variables_in_resources_and_values)
{
	ck_doc(map("statement", blocks(map(
	    "actions", strs("s3:GetObject", END),
	    "resources", strs("arn:aws:s3:::b/&{aws:username}/*", END),
	    "condition", blocks(cond("StringLike", "s3:prefix",
	    strs("&{aws:username}/*", END)), END), END), END), END), "vars");
}
END_TEST

START_TEST(strings_escaped_as_go_does)
{
	ck_doc(map("statement", blocks(map("sid", str("A<B>&C"),
	    "actions", strs("s3:Get\"Object", END),
	    "resources", strs("arn:aws:s3:::b/\\x", END), END), END), END),
	    "escape");
}
END_TEST

START_TEST(statements_keep_their_order)
{
	ck_doc(map("statement", blocks(
	    map("sid", str("One"), "actions", strs("s3:GetObject", END), END),
	    map("sid", str("Two"), "effect", str("Allow"),
	    "actions", strs("s3:PutObject", END),
	    "resources", strs("*", END), END), END), END), "multi");
}
END_TEST

START_TEST(an_empty_principal_type_is_a_key)
{
	ck_doc(map("statement", blocks(map("principals",
	    blocks(principal("", strs("x", END)), END), END), END), END),
	    "emptytype");
}
END_TEST

START_TEST(identifiers_of_blocks_are_not_deduplicated)
{
	ck_doc(map("statement", blocks(map(
	    "actions", strs("sts:AssumeRole", END),
	    "principals", blocks(
	    principal("AWS", strs("x", "y", END)),
	    principal("AWS", strs("x", END)),
	    principal("*", strs("*", END)),
	    principal("Service", strs("&{aws:x}", "ec2.amazonaws.com",
	    "ec2.amazonaws.com", END)), END), END), END), END),
	    "principal_overlap");
}
END_TEST

START_TEST(control_characters_and_line_separators)
{
	ck_doc(map("source_policy_documents", list(str(
	    "{\"Statement\":[{\"Sid\":\"Foo\",\"Principal\":\"foo\","
	    "\"NotPrincipal\":{\"*\":\"*\",\"AWS\":\"x\"},\"Action\":\"\","
	    "\"NotAction\":[]}]}"), END),
	    "statement", blocks(map(
	    "sid", str("a\bb\fc\xe2\x80\xa8" "d\x1f" "e"),
	    "actions", strs("&{x}", END), "not_actions", strs("\xc3\xa9", END),
	    END), END), END), "misc");
}
END_TEST

START_TEST(one_value_after_merging_is_a_string)
{
	struct tfv	*s1, *s2;

	s1 = map("condition", blocks(cond("Bool", "k", strs(END)),
	    cond("Bool", "k", strs("e", END)), END), END);
	s2 = map("condition", blocks(cond("Bool", "k", strs(END)),
	    cond("Bool", "k", strs("a", END)), END), END);
	ck_doc(map("statement", blocks(s1, s2, END), END),
	    "cond_empty_merge");
}
END_TEST

START_TEST(one_identifier_after_merging_stays_a_list)
{
	ck_doc(map("statement", blocks(
	    map("principals", blocks(principal("AWS", strs(END)),
	    principal("AWS", strs("x", END)), END), END),
	    map("principals", blocks(principal("AWS", strs(END)), END), END),
	    END), END), "principal_empty_merge");
}
END_TEST

/* ---- merging other documents ---- */

START_TEST(source_statements_first_replaced_by_sid)
{
	struct tfv	*src;

	src = tf_doc_render(&ev, map("statement", blocks(
	    map("sid", str("Keep"), "actions", strs("s3:ListBucket", END),
	    "resources", strs("arn:aws:s3:::b", END), END),
	    map("sid", str("Replace"), "actions", strs("s3:GetObject", END),
	    "resources", strs("*", END), END),
	    map("actions", strs("ec2:DescribeInstances", END), END),
	    END), END), NULL);
	ck_assert_int_eq(src->kind, TFV_STRING);
	ck_doc(map("source_policy_documents", list(src, END),
	    "statement", blocks(
	    map("sid", str("Replace"), "effect", str("Deny"),
	    "actions", strs("s3:DeleteObject", END), END),
	    map("sid", str("New"), "actions", strs("s3:PutObject", END), END),
	    END), END), "source");
}
END_TEST

START_TEST(override_statements_replace_and_append)
{
	struct tfv	*ovr;

	ovr = tf_doc_render(&ev, map("policy_id", str("Overridden"),
	    "statement", blocks(
	    map("sid", str("Replace"), "actions", strs("kms:Decrypt", END),
	    END),
	    map("actions", strs("sqs:SendMessage", END), END),
	    END), END), NULL);
	ck_assert_int_eq(ovr->kind, TFV_STRING);
	ck_doc(map("override_policy_documents", list(ovr, END),
	    "policy_id", str("Mine"), "statement", blocks(
	    map("sid", str("Replace"), "actions", strs("s3:GetObject", END),
	    END),
	    map("sid", str("Keep"), "actions", strs("s3:PutObject", END), END),
	    END), END), "override");
}
END_TEST

START_TEST(source_json_keeps_its_shapes)
{
	ck_doc(map("source_policy_documents", list(str(
	    "{\"Statement\":[{\"Action\":[\"s3:PutObject\",\"s3:GetObject\"],"
	    "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true},"
	    "\"StringEquals\":{\"aws:a\":\"x\",\"aws:b\":[\"z\",\"y\"]}},"
	    "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
	    "\"arn:aws:iam::1:root\",\"arn:aws:iam::3:root\","
	    "\"arn:aws:iam::2:root\"],\"Service\":\"ec2.amazonaws.com\"},"
	    "\"Resource\":[\"arn:aws:s3:::x\"],\"Sid\":\"Raw\"},"
	    "{\"Action\":\"s3:ListBucket\",\"Effect\":\"Allow\","
	    "\"Principal\":\"*\"}],\"Version\":\"2012-10-17\"}"), END), END),
	    "raw_source");
}
END_TEST

START_TEST(several_sources_and_overrides_in_order)
{
	ck_doc(map("source_policy_documents", list(
	    str("{\"Statement\":[{\"Action\":\"a:1\",\"Effect\":\"Allow\","
	    "\"Sid\":\"A\"}],\"Version\":\"2012-10-17\"}"),
	    str("{\"Statement\":[{\"Action\":\"b:1\",\"Effect\":\"Allow\","
	    "\"Sid\":\"B\"}],\"Version\":\"2012-10-17\"}"), END),
	    "override_policy_documents", list(
	    str("{\"Statement\":[{\"Action\":\"a:2\",\"Effect\":\"Deny\","
	    "\"Sid\":\"A\"},{\"Action\":\"c:1\",\"Effect\":\"Allow\","
	    "\"Sid\":\"C\"}],\"Version\":\"2012-10-17\"}"),
	    str("{\"Statement\":[{\"Action\":\"c:2\",\"Effect\":\"Deny\","
	    "\"Sid\":\"C\"}],\"Version\":\"2012-10-17\"}"), END),
	    "statement", blocks(map("sid", str("B"),
	    "actions", strs("b:2", END), END), END), END), "two_sources");
}
END_TEST

START_TEST(source_without_effect_and_list_of_one_condition)
{
	ck_doc(map("version", str("2008-10-17"),
	    "source_policy_documents", list(str(
	    "{\"Id\":\"FromSource\",\"Statement\":[{\"Action\":[\"s3:*\"],"
	    "\"NotPrincipal\":\"*\",\"Sid\":\"NoEffect\"},{\"Condition\":"
	    "{\"StringEquals\":{\"k\":[\"v\"]}},\"Effect\":\"Deny\","
	    "\"NotAction\":\"a\",\"NotResource\":[\"b\",\"a\"],\"Sid\":\"\"}],"
	    "\"Version\":\"2008-10-17\"}"), END),
	    "override_policy_documents", list(str(
	    "{\"Statement\":[{\"Action\":\"ec2:*\",\"Effect\":\"Deny\","
	    "\"Sid\":\"NoEffect\"}],\"Version\":\"2008-10-17\"}"), END),
	    "statement", blocks(map("sid", str("Mine"),
	    "actions", strs("iam:*", END), END), END), END), "src_noeffect");
}
END_TEST

START_TEST(the_greatest_version_wins_and_empty_source_json)
{
	ck_doc(map("version", str("2008-10-17"), "source_json", str(""),
	    "source_policy_documents", list(str(
	    "{\"Statement\":[{\"Action\":[\"s3:*\"],\"NotPrincipal\":\"*\","
	    "\"Sid\":\"NoEffect\"},{\"Condition\":{\"StringEquals\":{\"k\":"
	    "[]}},\"NotPrincipal\":{\"Service\":\"a\"},\"NotResource\":"
	    "\"&{nr}\",\"Principal\":{\"AWS\":[\"x\"]},\"Resource\":\"r\"}],"
	    "\"Version\":\"2012-10-17\"}"), END), END), "src_shapes");
}
END_TEST

START_TEST(source_keys_in_any_case_and_dropped_values)
{
	ck_doc(map("source_policy_documents", list(tfv_null(&ev), str(
	    "{\"Statement\": [\n"
	    "  {\"Action\": [\"a:1\", \"b:1\"], \"Resource\": [\"r1\", \"r2\"],"
	    " \"Principal\": {\"*\": [\"*\"]}, \"Extra\": 1},\n"
	    "  {\"action\": \"lower\", \"EFFECT\": \"Deny\", \"Principal\": "
	    "{\"AWS\": \"*\"}, \"Condition\": {\"NumericLessThan\": {\"n\": 3},"
	    " \"Bool\": {\"b\": false}}}\n"
	    "]}\n"), END), END), "src_order");
}
END_TEST

/*
 * testdata/tf-doc/random.jsonl: random blocks, each line its name, its
 * arguments (JSON: lists of maps stand for blocks) and the provider's
 * json; {"$ref": NAME} in a list of documents is NAME's json.
 */
START_TEST(random_documents_agree_with_the_provider)
{
	const struct tfv	*line, *args, *want, *name, *l, *ref;
	const char		*names[256];
	struct tfv		*done[256], *r, *nl, *vals[8];
	const char		*keys[8];
	char			*text, *p, *end;
	size_t			 n = 0, j, k, nk;

	text = slurp("testdata/tf-doc/random.jsonl");
	for (p = text; *p != '\0'; p = end + 1) {
		ck_assert_ptr_nonnull(end = strchr(p, '\n'));
		line = tfv_from_json(&ev, p, (size_t)(end - p));
		ck_assert_ptr_nonnull(line);
		name = tfv_get(line, "name");
		want = tfv_get(line, "json");
		args = tfv_get(line, "args");
		ck_assert_ptr_nonnull(args);
		ck_assert_uint_le(args->n, 8);
		for (nk = 0; nk < args->n; nk++) {
			keys[nk] = args->k[nk];
			vals[nk] = args->v[nk];
			if (strstr(keys[nk], "_policy_documents") == NULL)
				continue;
			l = args->v[nk];
			nl = tfv_list(&ev, l->n, 0);
			for (j = 0; j < l->n; j++) {
				ref = tfv_get(l->v[j], "$ref");
				for (k = 0; k < n; k++)
					if (strcmp(names[k], ref->s) == 0)
						break;
				ck_assert_uint_lt(k, n);
				nl->v[j] = done[k];
			}
			vals[nk] = nl;
		}
		r = tf_doc_render(&ev, tfv_map(&ev, keys, vals, nk), NULL);
		ck_assert_uint_eq(dg.nerrors, 0);
		ck_assert_int_eq(r->kind, TFV_STRING);
		ck_assert_msg(strcmp(r->s, want->s) == 0, "%s: got\n%s\n"
		    "want\n%s", name->s, r->s, want->s);
		ck_assert_uint_lt(n, 256);
		names[n] = name->s;
		done[n++] = r;
	}
	ck_assert_uint_eq(n, 130);
}
END_TEST

/* ---- what the provider rejects ---- */

START_TEST(effect_must_be_allow_or_deny)
{
	ck_err(map("statement", blocks(map("effect", str("Maybe"),
	    "actions", strs("s3:*", END), END), END), END),
	    "statement.0.effect");
}
END_TEST

START_TEST(effect_may_not_be_empty)
{
	ck_err(map("statement", blocks(map("effect", str(""), END), END), END),
	    "statement.0.effect");
}
END_TEST

START_TEST(principals_need_a_type)
{
	ck_err(map("statement", blocks(map("actions", strs("s3:*", END),
	    "principals", blocks(map("identifiers", strs("x", END), END),
	    END), END), END), END), "statement.0.principals.0: the argument "
	    "\"type\" is required");
}
END_TEST

START_TEST(not_principals_need_identifiers)
{
	ck_err(map("statement", blocks(map("not_principals",
	    blocks(map("type", str("AWS"), "identifiers", tfv_null(&ev), END),
	    END), END), END), END), "statement.0.not_principals.0: the "
	    "argument \"identifiers\" is required");
}
END_TEST

START_TEST(conditions_need_a_variable)
{
	ck_err(map("statement", blocks(map("condition", blocks(
	    map("test", str("StringEquals"), "values", strs("x", END), END),
	    END), END), END), END), "statement.0.condition.0: the argument "
	    "\"variable\" is required");
}
END_TEST

START_TEST(sids_are_unique)
{
	ck_err(map("statement", blocks(
	    map("sid", str("A"), "actions", strs("s3:*", END), END),
	    map("sid", str("A"), "actions", strs("ec2:*", END), END),
	    END), END), "statement.1.sid: duplicate Sid (A)");
}
END_TEST

START_TEST(policy_variables_need_version_2012)
{
	ck_err(map("version", str("2008-10-17"), "statement", blocks(map(
	    "actions", strs("s3:*", END),
	    "resources", strs("arn:aws:s3:::b/&{aws:username}", END), END),
	    END), END), "statement.0.resources: found &{ sequence");
}
END_TEST

START_TEST(version_is_one_of_two)
{
	ck_err(map("version", str("2010-01-01"), END), "version");
}
END_TEST

START_TEST(source_sids_are_unique_across_documents)
{
	ck_err(map("source_policy_documents", list(
	    str("{\"Statement\":[{\"Action\":\"a:1\",\"Effect\":\"Allow\","
	    "\"Sid\":\"A\"}]}"),
	    str("{\"Statement\":[{\"Action\":\"a:2\",\"Effect\":\"Allow\","
	    "\"Sid\":\"A\"}]}"), END), END),
	    "source_policy_documents.1: statement 0: duplicate Sid (A)");
}
END_TEST

START_TEST(source_sids_are_unique_within_a_document)
{
	ck_err(map("source_policy_documents", list(
	    str("{\"Statement\":[{\"Action\":\"a:1\",\"Effect\":\"Allow\","
	    "\"Sid\":\"A\"},{\"Action\":\"a:2\",\"Effect\":\"Allow\","
	    "\"Sid\":\"A\"}]}"), END), END),
	    "source_policy_documents.0: statement 1: duplicate Sid (A)");
}
END_TEST

START_TEST(other_documents_must_be_json)
{
	ck_err(map("source_policy_documents", list(str("not json"), END),
	    END), "source_policy_documents.0: not valid JSON");
}
END_TEST

START_TEST(override_documents_must_be_json)
{
	ck_err(map("override_policy_documents", list(str("{"), END), END),
	    "override_policy_documents.0: not valid JSON");
}
END_TEST

START_TEST(source_statement_must_be_a_list)
{
	ck_err(map("source_policy_documents", list(str(
	    "{\"Id\":\"FromSource\",\"Statement\":{\"Action\":\"s3:*\","
	    "\"Effect\":\"Allow\",\"Sid\":\"Single\"},\"Version\":"
	    "\"2012-10-17\"}"), END), END),
	    "source_policy_documents.0: Statement is a map, not a list");
}
END_TEST

START_TEST(source_json_must_be_empty)
{
	ck_err(map("source_json", str("{}"), END), "source_json");
}
END_TEST

START_TEST(actions_must_be_a_set)
{
	ck_err(map("statement", blocks(map("actions", str("s3:*"), END), END),
	    END), "statement.0.actions: a set of strings is required");
}
END_TEST

/* ---- unknowns ---- */

START_TEST(unknown_federated_identifiers)
{
	const struct tfv	*doc, *s, *p;

	doc = ck_unknown(map("statement", blocks(irsa_statement(
	    unk("module.eks.oidc_provider_arn"),
	    cond("StringEquals", OIDC ":sub",
	    strs("system:serviceaccount:default:app", END)),
	    cond("StringEquals", OIDC ":aud", strs("sts.amazonaws.com", END))),
	    END), END), "module.eks.oidc_provider_arn", 1);
	ck_str(tfv_get(doc, "Version"), "2012-10-17");
	s = stmt(doc, 0);
	ck_str(tfv_get(s, "Effect"), "Allow");
	ck_str(tfv_get(s, "Action"), "sts:AssumeRoleWithWebIdentity");
	p = tfv_get(s, "Principal");
	ck_assert_int_eq(p->kind, TFV_MAP);
	ck_unk(tfv_get(p, "Federated"), "module.eks.oidc_provider_arn");
	ck_str(tfv_get(tfv_get(tfv_get(s, "Condition"), "StringEquals"),
	    OIDC ":sub"), "system:serviceaccount:default:app");
}
END_TEST

START_TEST(unknown_element_of_identifiers)
{
	const struct tfv	*doc, *ids;

	doc = ck_unknown(map("statement", blocks(map("principals", blocks(
	    principal("AWS", list(str("b"), unk("var.role"), str("a"),
	    str("b"), END)), END), END), END), END), "var.role", 1);
	ids = tfv_get(tfv_get(stmt(doc, 0), "Principal"), "AWS");
	ck_assert_int_eq(ids->kind, TFV_LIST);
	ck_assert_uint_eq(ids->n, 3);
	ck_str(ids->v[0], "b");
	ck_str(ids->v[1], "a");
	ck_unk(ids->v[2], "var.role");
}
END_TEST

/* The entry of m whose key is unknown, "\001N\001<known end>", the i-th. */
static const struct tfv *
unknown_key(const struct tfv *m, size_t i, const char **end)
{
	size_t	 j;

	for (j = 0; m != NULL && j < m->n; j++)
		if (m->k[j][0] == '\001' && i-- == 0) {
			*end = strchr(m->k[j] + 1, '\001') + 1;
			return m->v[j];
		}
	return NULL;
}

START_TEST(unknown_condition_variable_is_the_empty_key)
{
	const struct tfv	*doc, *se, *l;
	const char		*end;

	doc = ck_unknown(map("statement", blocks(irsa_statement(
	    strs(OIDC_ARN, END),
	    map("test", str("StringEquals"), "variable",
	    unk("local.issuer"), "values",
	    strs("system:serviceaccount:default:app", END), END),
	    cond("StringEquals", OIDC ":aud", strs("sts.amazonaws.com", END))),
	    END), END), "local.issuer", 1);
	se = tfv_get(tfv_get(stmt(doc, 0), "Condition"), "StringEquals");
	ck_assert_int_eq(se->kind, TFV_MAP);
	ck_str(tfv_get(se, OIDC ":aud"), "sts.amazonaws.com");
	l = unknown_key(se, 0, &end);
	ck_assert_ptr_nonnull(l);
	ck_assert_str_eq(end, "");
	ck_assert_int_eq(l->kind, TFV_LIST);
	ck_assert_uint_eq(l->n, 1);
	ck_str(l->v[0], "system:serviceaccount:default:app");
	ck_assert_ptr_null(unknown_key(se, 1, &end));
}
END_TEST

/*
 * Two conditions whose variables are unknown stay two (the sub and the
 * aud of an issuer known after apply), each with its known end.
 */
START_TEST(unknown_condition_variables_stay_apart)
{
	const struct tfv	*doc, *se, *l, *sub = NULL, *aud = NULL;
	const char		*end;
	struct tfv		*vs, *va;
	size_t			 i;

	vs = tfv_unknown(&ev, "local.issuer", NULL);
	vs->s = ":sub";
	va = tfv_unknown(&ev, "local.issuer", NULL);
	va->s = ":aud";
	doc = ck_unknown(map("statement", blocks(irsa_statement(
	    strs(OIDC_ARN, END),
	    map("test", str("StringEquals"), "variable", vs, "values",
	    strs("system:serviceaccount:default:app", END), END),
	    map("test", str("StringEquals"), "variable", va, "values",
	    strs("sts.amazonaws.com", END), END)), END), END),
	    "local.issuer", 1);
	se = tfv_get(tfv_get(stmt(doc, 0), "Condition"), "StringEquals");
	for (i = 0; (l = unknown_key(se, i, &end)) != NULL; i++) {
		if (strcmp(end, ":sub") == 0)
			sub = l;
		if (strcmp(end, ":aud") == 0)
			aud = l;
	}
	ck_assert_uint_eq(i, 2);
	ck_assert_ptr_nonnull(sub);
	ck_assert_ptr_nonnull(aud);
	ck_str(sub->v[0], "system:serviceaccount:default:app");
	ck_str(aud->v[0], "sts.amazonaws.com");
}
END_TEST

START_TEST(unknown_condition_values)
{
	const struct tfv	*doc, *se;

	doc = ck_unknown(map("statement", blocks(irsa_statement(
	    strs(OIDC_ARN, END),
	    cond("StringEquals", OIDC ":sub", unk("var.subjects")),
	    cond("StringEquals", OIDC ":aud",
	    list(unk("var.audience"), END))), END), END),
	    "var.subjects|var.audience", 1);
	se = tfv_get(tfv_get(stmt(doc, 0), "Condition"), "StringEquals");
	ck_unk(tfv_get(se, OIDC ":sub"), "var.subjects");
	/* A list of one unknown is written as that one value. */
	ck_unk(tfv_get(se, OIDC ":aud"), "var.audience");
}
END_TEST

START_TEST(unknown_condition_test_is_an_unknown_element)
{
	const struct tfv	*doc, *c, *l;

	doc = ck_unknown(map("statement", blocks(irsa_statement(
	    strs(OIDC_ARN, END),
	    map("test", unk("var.operator"), "variable", str(OIDC ":sub"),
	    "values", strs("system:serviceaccount:default:app", END), END),
	    cond("StringEquals", OIDC ":aud", strs("sts.amazonaws.com", END))),
	    END), END), "var.operator", 1);
	c = tfv_get(stmt(doc, 0), "Condition");
	ck_str(tfv_get(tfv_get(c, "StringEquals"), OIDC ":aud"),
	    "sts.amazonaws.com");
	l = tfv_get(c, "");
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->kind, TFV_LIST);
	ck_assert_uint_eq(l->n, 1);
	ck_unk(l->v[0], "var.operator");
}
END_TEST

START_TEST(unknown_principal_type_hides_the_principal)
{
	const struct tfv	*doc;

	doc = ck_unknown(map("statement", blocks(map("principals", blocks(
	    principal("Service", strs("ec2.amazonaws.com", END)),
	    map("type", unk("var.kind"), "identifiers", strs("x", END), END),
	    END), END), END), END), "var.kind", 1);
	ck_unk(tfv_get(stmt(doc, 0), "Principal"), "var.kind");
}
END_TEST

START_TEST(unknown_actions_sid_effect_and_version)
{
	const struct tfv	*doc, *s, *act;

	doc = ck_unknown(map("version", unk("var.version"),
	    "policy_id", unk("var.id"),
	    "statement", blocks(map("sid", unk("var.sid"),
	    "effect", unk("var.effect"),
	    "actions", list(str("s3:GetObject"), unk("var.action"), END),
	    "resources", unk("aws_s3_bucket.b.arn"), END), END), END),
	    "var.version|var.id|var.sid|var.effect|var.action|"
	    "aws_s3_bucket.b.arn", 1);
	ck_unk(tfv_get(doc, "Version"), "var.version");
	ck_unk(tfv_get(doc, "Id"), "var.id");
	s = stmt(doc, 0);
	ck_unk(tfv_get(s, "Sid"), "var.sid");
	ck_unk(tfv_get(s, "Effect"), "var.effect");
	ck_unk(tfv_get(s, "Resource"), "aws_s3_bucket.b.arn");
	act = tfv_get(s, "Action");
	ck_assert_int_eq(act->kind, TFV_LIST);
	ck_assert_uint_eq(act->n, 2);
	ck_str(act->v[0], "s3:GetObject");
	ck_unk(act->v[1], "var.action");
}
END_TEST

START_TEST(unknown_statements)
{
	const struct tfv	*doc;

	doc = ck_unknown(map("statement", unk("var.statements"), END),
	    "var.statements", 1);
	ck_unk(stmt(doc, 0), "var.statements");
	teardown();
	setup();
	doc = ck_unknown(map("statement", blocks(
	    map("actions", strs("s3:*", END), END),
	    map("condition", unk("var.conditions"), END), END), END),
	    "var.conditions", 1);
	ck_str(tfv_get(stmt(doc, 0), "Action"), "s3:*");
	ck_unk(tfv_get(stmt(doc, 1), "Condition"), "var.conditions");
}
END_TEST

START_TEST(unknown_source_document_hides_the_structure)
{
	ck_unknown(map("source_policy_documents",
	    list(unk("data.aws_iam_policy_document.base.json"), END),
	    "statement", blocks(map("actions", strs("s3:*", END), END), END),
	    END), "data.aws_iam_policy_document.base.json", 0);
	teardown();
	setup();
	ck_unknown(map("override_policy_documents", unk("var.overrides"),
	    END), "var.overrides", 0);
}
END_TEST

START_TEST(unknown_sid_hides_the_structure_only_when_merging)
{
	ck_unknown(map("source_policy_documents", list(str(
	    "{\"Statement\":[{\"Sid\":\"A\",\"Action\":\"a:1\"}]}"), END),
	    "statement", blocks(map("sid", unk("var.sid"), END), END), END),
	    "var.sid", 0);
	teardown();
	setup();
	/* Without a Sid to compare with, it is only appended. */
	ck_unknown(map("source_policy_documents", list(str(
	    "{\"Statement\":[{\"Action\":\"a:1\"}]}"), END),
	    "statement", blocks(map("sid", unk("var.sid"), END), END), END),
	    "var.sid", 1);
}
END_TEST

START_TEST(unknown_arguments_and_errors_in_them)
{
	struct tfv	*r, *e;

	r = tf_doc_render(&ev, unk("var.all"), NULL);
	ck_assert_int_eq(r->kind, TFV_UNKNOWN);
	ck_assert_str_eq(r->why, "var.all");
	ck_assert_ptr_null(r->json_of);
	/* An error already reported stays an error, not reported again. */
	e = tfv_unknown(&ev, "an error", NULL);
	e->flags |= TFV_ERROR;
	r = tf_doc_render(&ev, map("statement", blocks(map("actions",
	    list(e, END), END), END), END), NULL);
	ck_assert_int_eq(r->kind, TFV_UNKNOWN);
	ck_assert(r->flags & TFV_ERROR);
	ck_assert_uint_eq(dg.nerrors, 0);
}
END_TEST

START_TEST(known_parts_of_an_unknown_document_render_alike)
{
	const struct tfv	*doc;
	struct tfv		*args, *r;

	/* The structure of the IRSA trust, and its text, agree. */
	args = map("statement", blocks(irsa_statement(strs(OIDC_ARN, END),
	    cond("StringEquals", OIDC ":sub",
	    strs("system:serviceaccount:default:app", END)),
	    cond("StringEquals", OIDC ":aud", strs("sts.amazonaws.com", END))),
	    map("sid", str("Later"), "actions", unk("var.actions"), END),
	    END), END);
	doc = ck_unknown(args, "var.actions", 1);
	r = tfv_from_json(&ev, slurp("testdata/tf-doc/irsa.json"),
	    strlen(slurp("testdata/tf-doc/irsa.json")));
	ck_assert_ptr_nonnull(r);
	ck_assert(tfv_equal(stmt(doc, 0), stmt(r, 0)));
	ck_unk(tfv_get(stmt(doc, 1), "Action"), "var.actions");
}
END_TEST

Suite *
tf_doc_suite(void)
{
	Suite	*s = suite_create("tf_doc");
	TCase	*tk = tcase_create("provider");
	TCase	*tm = tcase_create("merge");
	TCase	*te = tcase_create("errors");
	TCase	*tu = tcase_create("unknown");

	tcase_add_checked_fixture(tk, setup, teardown);
	tcase_add_checked_fixture(tm, setup, teardown);
	tcase_add_checked_fixture(te, setup, teardown);
	tcase_add_checked_fixture(tu, setup, teardown);
	tcase_add_test(tk, irsa_trust_conditions_share_an_operator);
	tcase_add_test(tk, actions_and_resources_are_sets_in_reverse_order);
	tcase_add_test(tk, one_identifier_is_a_string_several_a_list);
	tcase_add_test(tk, principals_of_one_type_merge_in_set_order);
	tcase_add_test(tk, principals_order_is_not_the_order_written);
	tcase_add_test(tk, three_principals_of_one_type_either_way);
	tcase_add_test(tk, deny_with_a_sid);
	tcase_add_test(tk, not_principals_not_actions_not_resources);
	tcase_add_test(tk, star_principal_alone_is_a_string);
	tcase_add_test(tk, version_2008_and_policy_id_and_empty_sid);
	tcase_add_test(tk, condition_values_keep_order_and_duplicates);
	tcase_add_test(tk, conditions_on_one_key_append_in_set_order);
	tcase_add_test(tk, two_single_values_make_a_list);
	tcase_add_test(tk, empty_condition_values_are_an_empty_list);
	tcase_add_test(tk, empty_document_is_its_version);
	tcase_add_test(tk, empty_statements_are_allow);
	tcase_add_test(tk, policy_variables_in_resources_and_values);
	tcase_add_test(tk, strings_escaped_as_go_does);
	tcase_add_test(tk, statements_keep_their_order);
	tcase_add_test(tk, an_empty_principal_type_is_a_key);
	tcase_add_test(tk, identifiers_of_blocks_are_not_deduplicated);
	tcase_add_test(tk, control_characters_and_line_separators);
	tcase_add_test(tk, one_value_after_merging_is_a_string);
	tcase_add_test(tk, one_identifier_after_merging_stays_a_list);
	tcase_add_test(tk, random_documents_agree_with_the_provider);
	tcase_add_test(tm, source_statements_first_replaced_by_sid);
	tcase_add_test(tm, override_statements_replace_and_append);
	tcase_add_test(tm, source_json_keeps_its_shapes);
	tcase_add_test(tm, several_sources_and_overrides_in_order);
	tcase_add_test(tm, source_without_effect_and_list_of_one_condition);
	tcase_add_test(tm, the_greatest_version_wins_and_empty_source_json);
	tcase_add_test(tm, source_keys_in_any_case_and_dropped_values);
	tcase_add_test(te, effect_must_be_allow_or_deny);
	tcase_add_test(te, effect_may_not_be_empty);
	tcase_add_test(te, principals_need_a_type);
	tcase_add_test(te, not_principals_need_identifiers);
	tcase_add_test(te, conditions_need_a_variable);
	tcase_add_test(te, sids_are_unique);
	tcase_add_test(te, policy_variables_need_version_2012);
	tcase_add_test(te, version_is_one_of_two);
	tcase_add_test(te, source_sids_are_unique_across_documents);
	tcase_add_test(te, source_sids_are_unique_within_a_document);
	tcase_add_test(te, other_documents_must_be_json);
	tcase_add_test(te, override_documents_must_be_json);
	tcase_add_test(te, source_statement_must_be_a_list);
	tcase_add_test(te, source_json_must_be_empty);
	tcase_add_test(te, actions_must_be_a_set);
	tcase_add_test(tu, unknown_federated_identifiers);
	tcase_add_test(tu, unknown_element_of_identifiers);
	tcase_add_test(tu, unknown_condition_variable_is_the_empty_key);
	tcase_add_test(tu, unknown_condition_variables_stay_apart);
	tcase_add_test(tu, unknown_condition_values);
	tcase_add_test(tu, unknown_condition_test_is_an_unknown_element);
	tcase_add_test(tu, unknown_principal_type_hides_the_principal);
	tcase_add_test(tu, unknown_actions_sid_effect_and_version);
	tcase_add_test(tu, unknown_statements);
	tcase_add_test(tu, unknown_source_document_hides_the_structure);
	tcase_add_test(tu, unknown_sid_hides_the_structure_only_when_merging);
	tcase_add_test(tu, unknown_arguments_and_errors_in_them);
	tcase_add_test(tu, known_parts_of_an_unknown_document_render_alike);
	suite_add_tcase(s, tk);
	suite_add_tcase(s, tm);
	suite_add_tcase(s, te);
	suite_add_tcase(s, tu);
	return s;
}
