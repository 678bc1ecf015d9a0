/* SPDX-License-Identifier: ISC */
/* Unit tests for the role and OIDC provider ARN parsers. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "arn.h"
#include "check_suites.h"

static void	 role_err(const char *, const char *);

/* Assert that s fails to parse as a role ARN with exactly msg. */
static void
role_err(const char *s, const char *msg)
{
	struct arena	 a = ARENA_INIT;
	struct role_arn	 r;
	char		 err[256];

	memset(&r, 0, sizeof(r));
	err[0] = '\0';
	ck_assert_int_eq(arn_parse_role(&a, s, &r, err, sizeof(err)), -1);
	ck_assert_str_eq(err, msg);
	ck_assert_ptr_null(r.name);
	arena_release(&a);
}

START_TEST(arn_parses_role_without_path)
{
	struct arena	 a = ARENA_INIT;
	struct role_arn	 r;
	char		 err[256];

	ck_assert_int_eq(arn_parse_role(&a,
	    "arn:aws:iam::111122223333:role/AwsLoadBalancerController",
	    &r, err, sizeof(err)), 0);
	ck_assert_str_eq(r.partition, "aws");
	ck_assert_str_eq(r.account, "111122223333");
	ck_assert_str_eq(r.path, "/");
	ck_assert_str_eq(r.name, "AwsLoadBalancerController");
	arena_release(&a);
}
END_TEST

START_TEST(arn_parses_path)
{
	struct arena	 a = ARENA_INIT;
	struct role_arn	 r;
	char		 err[256];

	ck_assert_int_eq(arn_parse_role(&a,
	    "arn:aws:iam::111122223333:role/eks/team/x", &r, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(r.path, "/eks/team/");
	ck_assert_str_eq(r.name, "x");
	ck_assert_int_eq(arn_parse_role(&a,
	    "arn:aws:iam::111122223333:role/service-role/a+b=c,d.e@f_g-h",
	    &r, err, sizeof(err)), 0);
	ck_assert_str_eq(r.path, "/service-role/");
	ck_assert_str_eq(r.name, "a+b=c,d.e@f_g-h");
	arena_release(&a);
}
END_TEST

START_TEST(arn_parses_each_partition)
{
	static const char *const parts[] = {
		"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
		"aws-iso-e", "aws-iso-f", "aws-eusc"
	};
	struct arena	 a = ARENA_INIT;
	struct role_arn	 r;
	char		 s[128], err[256];
	size_t		 i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		snprintf(s, sizeof(s), "arn:%s:iam::123456789012:role/r",
		    parts[i]);
		ck_assert_int_eq(arn_parse_role(&a, s, &r, err, sizeof(err)),
		    0);
		ck_assert_str_eq(r.partition, parts[i]);
	}
	arena_release(&a);
}
END_TEST

START_TEST(arn_accepts_64_char_name)
{
	struct arena	 a = ARENA_INIT;
	struct role_arn	 r;
	char		 s[256], err[256];

	snprintf(s, sizeof(s), "arn:aws:iam::123456789012:role/%s",
	    "0123456789012345678901234567890123456789012345678901234567890123");
	ck_assert_int_eq(arn_parse_role(&a, s, &r, err, sizeof(err)), 0);
	ck_assert_uint_eq(strlen(r.name), 64);
	arena_release(&a);
}
END_TEST

START_TEST(arn_rejects_unrendered_account)
{
	role_err("arn:aws:iam::{local.account_id}:role/"
	    "AwsLoadBalancerController",
	    "account '{local.account_id}' is not 12 digits "
	    "(an unrendered template expression?)");
	role_err("arn:aws:iam::${data.aws_caller_identity.current}:role/x",
	    "account '${data.aws_caller_identity.current}' is not 12 digits "
	    "(an unrendered template expression?)");
}
END_TEST

START_TEST(arn_rejects_short_account)
{
	role_err("arn:aws:iam::12345678901:role/x",
	    "account '12345678901' is not 12 digits");
	role_err("arn:aws:iam::1234567890123:role/x",
	    "account '1234567890123' is not 12 digits");
	role_err("arn:aws:iam:::role/x", "account '' is not 12 digits");
}
END_TEST

START_TEST(arn_rejects_unsubstituted_variable)
{
	role_err("${CARTS_IAM_ROLE}",
	    "'${CARTS_IAM_ROLE}' is not an ARN (an unsubstituted variable?)");
	role_err("$ROLE", "'$ROLE' is not an ARN (an unsubstituted variable?)");
}
END_TEST

START_TEST(arn_rejects_non_arn)
{
	role_err("xyz", "'xyz' does not start with 'arn:'");
	role_err("ARN:aws:iam::123456789012:role/x",
	    "'ARN:aws:iam::123456789012:role/x' does not start with 'arn:'");
	role_err("", "ARN is empty");
}
END_TEST

START_TEST(arn_rejects_field_count)
{
	role_err("arn:aws:iam:123456789012:role/x",
	    "expected 6 colon-separated fields "
	    "arn:partition:iam::account:role/name, found 5");
	role_err("arn:aws:iam::123456789012:role/x:y",
	    "expected 6 colon-separated fields "
	    "arn:partition:iam::account:role/name, found 7");
	role_err("arn:", "expected 6 colon-separated fields "
	    "arn:partition:iam::account:role/name, found 2");
}
END_TEST

START_TEST(arn_rejects_partition)
{
	role_err("arn:foo:iam::123456789012:role/x",
	    "partition 'foo' is not an AWS partition");
	role_err("arn:AWS:iam::123456789012:role/x",
	    "partition 'AWS' is not an AWS partition");
	role_err("arn:aws_cn:iam::123456789012:role/x",
	    "partition 'aws_cn' is not an AWS partition");
	role_err("arn::iam::123456789012:role/x",
	    "partition '' is not an AWS partition");
}
END_TEST

START_TEST(arn_rejects_service)
{
	role_err("arn:aws:sts::123456789012:role/x",
	    "service 'sts' is not 'iam'");
	role_err("arn:aws:IAM::123456789012:role/x",
	    "service 'IAM' is not 'iam'");
}
END_TEST

START_TEST(arn_rejects_region)
{
	role_err("arn:aws:iam:us-east-1:123456789012:role/x",
	    "region 'us-east-1' must be empty for IAM");
}
END_TEST

START_TEST(arn_rejects_non_role_resource)
{
	role_err("arn:aws:iam::123456789012:user/bob",
	    "resource 'user/bob' is not a role (expected 'role/...')");
	role_err("arn:aws:iam::123456789012:role",
	    "resource 'role' is not a role (expected 'role/...')");
}
END_TEST

START_TEST(arn_rejects_invalid_name_char)
{
	role_err("arn:aws:iam::123456789012:role/a b",
	    "role name 'a b' has invalid character ' '");
	role_err("arn:aws:iam::123456789012:role/a*",
	    "role name 'a*' has invalid character '*'");
	role_err("arn:aws:iam::123456789012:role/a\tb",
	    "role name 'a?b' has invalid character '\\x09'");
	role_err("arn:aws:iam::123456789012:role/${var.name}",
	    "role name '${var.name}' has invalid character '$' "
	    "(an unrendered template expression?)");
}
END_TEST

START_TEST(arn_rejects_empty_name)
{
	role_err("arn:aws:iam::123456789012:role/", "role name is empty");
	role_err("arn:aws:iam::123456789012:role/eks/", "role name is empty");
}
END_TEST

START_TEST(arn_rejects_long_name)
{
	role_err("arn:aws:iam::123456789012:role/"
	    "01234567890123456789012345678901234567890123456789012345678901234",
	    "role name is longer than 64 characters");
}
END_TEST

START_TEST(arn_rejects_empty_path_segment)
{
	role_err("arn:aws:iam::123456789012:role//x",
	    "role path '//' has an empty segment");
	role_err("arn:aws:iam::123456789012:role/a//x",
	    "role path '/a//' has an empty segment");
	role_err("arn:aws:iam::123456789012:role/a b/x",
	    "role path segment 'a b' has invalid character ' '");
}
END_TEST

START_TEST(arn_rejects_whitespace)
{
	role_err(" arn:aws:iam::123456789012:role/x",
	    "leading or trailing whitespace");
	role_err("arn:aws:iam::123456789012:role/x\n",
	    "leading or trailing whitespace");
}
END_TEST

START_TEST(arn_truncates_error_safely)
{
	struct arena	 a = ARENA_INIT;
	struct role_arn	 r;
	char		 err[8];

	ck_assert_int_eq(arn_parse_role(&a, "arn:aws:sts::1:role/x", &r, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "service");
	ck_assert_int_eq(arn_parse_role(&a, "x", &r, NULL, 0), -1);
	arena_release(&a);
}
END_TEST

START_TEST(arn_parses_oidc)
{
	struct arena	 a = ARENA_INIT;
	struct oidc_arn	 o;
	char		 err[256];

	ck_assert_int_eq(arn_parse_oidc(&a, "arn:aws-cn:iam::111122223333:"
	    "oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC",
	    &o, err, sizeof(err)), 0);
	ck_assert_str_eq(o.partition, "aws-cn");
	ck_assert_str_eq(o.account, "111122223333");
	ck_assert_str_eq(o.issuer,
	    "oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC");
	arena_release(&a);
}
END_TEST

START_TEST(arn_rejects_bad_oidc)
{
	struct arena	 a = ARENA_INIT;
	struct oidc_arn	 o;
	char		 err[256];

	ck_assert_int_eq(arn_parse_oidc(&a,
	    "arn:aws:iam::111122223333:oidc-provider/", &o, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "OIDC provider issuer is empty");
	ck_assert_int_eq(arn_parse_oidc(&a,
	    "arn:aws:iam::111122223333:role/x", &o, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "resource 'role/x' is not an OIDC provider "
	    "(expected 'oidc-provider/...')");
	ck_assert_int_eq(arn_parse_oidc(&a,
	    "arn:aws:iam::{account}:oidc-provider/x", &o, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "account '{account}' is not 12 digits "
	    "(an unrendered template expression?)");
	ck_assert_int_eq(arn_parse_oidc(&a, "arn:aws:iam::111122223333",
	    &o, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "expected 6 colon-separated fields "
	    "arn:partition:iam::account:oidc-provider/issuer, found 5");
	ck_assert_int_eq(arn_parse_oidc(&a,
	    "arn:aws:iam::111122223333:oidc-provider/a b", &o, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err,
	    "OIDC provider issuer 'a b' has invalid character ' '");
	arena_release(&a);
}
END_TEST

Suite *
arn_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("arn");
	tc = tcase_create("role");
	tcase_add_test(tc, arn_parses_role_without_path);
	tcase_add_test(tc, arn_parses_path);
	tcase_add_test(tc, arn_parses_each_partition);
	tcase_add_test(tc, arn_accepts_64_char_name);
	tcase_add_test(tc, arn_rejects_unrendered_account);
	tcase_add_test(tc, arn_rejects_short_account);
	tcase_add_test(tc, arn_rejects_unsubstituted_variable);
	tcase_add_test(tc, arn_rejects_non_arn);
	tcase_add_test(tc, arn_rejects_field_count);
	tcase_add_test(tc, arn_rejects_partition);
	tcase_add_test(tc, arn_rejects_service);
	tcase_add_test(tc, arn_rejects_region);
	tcase_add_test(tc, arn_rejects_non_role_resource);
	tcase_add_test(tc, arn_rejects_invalid_name_char);
	tcase_add_test(tc, arn_rejects_empty_name);
	tcase_add_test(tc, arn_rejects_long_name);
	tcase_add_test(tc, arn_rejects_empty_path_segment);
	tcase_add_test(tc, arn_rejects_whitespace);
	tcase_add_test(tc, arn_truncates_error_safely);
	suite_add_tcase(s, tc);
	tc = tcase_create("oidc");
	tcase_add_test(tc, arn_parses_oidc);
	tcase_add_test(tc, arn_rejects_bad_oidc);
	suite_add_tcase(s, tc);
	return s;
}
