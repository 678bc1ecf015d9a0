/* SPDX-License-Identifier: ISC */
/* Unit tests of the Terraform JSON loader: plans, state, raw tfstate. */
#include <string.h>

#include "arena.h"
#include "check_suites.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "policy.h"

static struct arena	 a;
static struct model	 m;
static struct diags	 dg;

static void
setup(void)
{
	memset(&a, 0, sizeof(a));
	model_init(&m, &a);
	diags_init(&dg, &a);
}

static void
teardown(void)
{
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}

static void
load(const char *s)
{
	load_tf(&m, &dg, "plan.json", s, strlen(s));
}

#define TRUST \
	"{\\\"Statement\\\":[{\\\"Action\\\":\\\"sts:AssumeRoleWithWebIdentity\\\"," \
	"\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"Federated\\\":" \
	"\\\"arn:aws:iam::111122223333:oidc-provider/oidc.example/id/A\\\"}}]}"

START_TEST(plan_reads_role_from_resource_changes)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":[{"
	    "\"address\":\"module.m[\\\"k\\\"].aws_iam_role.this[0]\","
	    "\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"this\","
	    "\"change\":{\"actions\":[\"create\"],\"after\":{"
	    "\"name\":\"lbc\",\"path\":\"/eks/\",\"assume_role_policy\":\""
	    TRUST "\"},\"after_unknown\":{\"arn\":true}}}]}");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_str_eq(m.roles.v[0]->address,
	    "module.m[\"k\"].aws_iam_role.this[0]");
	ck_assert_str_eq(m.roles.v[0]->name, "lbc");
	ck_assert_str_eq(m.roles.v[0]->path, "/eks/");
	ck_assert_ptr_null(m.roles.v[0]->arn);
	ck_assert_ptr_nonnull(m.roles.v[0]->trust);
	ck_assert_uint_eq(m.roles.v[0]->trust->n, 1);
	ck_assert_uint_eq(m.ntf, 1);
}
END_TEST

START_TEST(plan_skips_deposed_and_deleted)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":["
	    "{\"address\":\"aws_iam_role.a\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"deposed\":\"5f3c2a1e\","
	    "\"change\":{\"actions\":[\"delete\"],\"after\":null}},"
	    "{\"address\":\"aws_iam_role.b\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":[\"delete\"],"
	    "\"after\":null}},"
	    "{\"address\":\"aws_iam_role.c\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":"
	    "[\"delete\",\"create\"],\"after\":{\"name\":\"c\"}}}]}");
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_str_eq(m.roles.v[0]->address, "aws_iam_role.c");
}
END_TEST

START_TEST(plan_marks_unknown_name_and_trust)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":[{"
	    "\"address\":\"aws_iam_role.k\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":[\"create\"],"
	    "\"after\":{\"name_prefix\":\"karpenter-\"},\"after_unknown\":"
	    "{\"name\":true,\"assume_role_policy\":true}}}]}");
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_ptr_null(m.roles.v[0]->name);
	ck_assert_int_eq(m.roles.v[0]->name_unknown, 1);
	ck_assert_int_eq(m.roles.v[0]->policy_unknown, 1);
	ck_assert_str_eq(m.roles.v[0]->name_prefix, "karpenter-");
}
END_TEST

START_TEST(plan_without_resource_changes_uses_planned_values)
{
	load("{\"format_version\":\"0.1\",\"planned_values\":{\"root_module\":"
	    "{\"child_modules\":[{\"address\":\"module.x\",\"resources\":[{"
	    "\"address\":\"module.x.aws_iam_openid_connect_provider.p\","
	    "\"mode\":\"managed\",\"type\":\"aws_iam_openid_connect_provider\","
	    "\"values\":{\"url\":\"https://oidc.example/id/A\","
	    "\"client_id_list\":[\"sts.amazonaws.com\"]}}]}]}}}");
	ck_assert_uint_eq(m.providers.n, 1);
	ck_assert_str_eq(m.providers.v[0]->url, "oidc.example/id/A");
	ck_assert_uint_eq(m.providers.v[0]->nclient_ids, 1);
	ck_assert_str_eq(m.providers.v[0]->client_ids[0], "sts.amazonaws.com");
}
END_TEST

START_TEST(state_show_skips_deposed_key)
{
	load("{\"format_version\":\"1.0\",\"values\":{\"root_module\":{"
	    "\"resources\":[{\"address\":\"aws_iam_role.r\",\"mode\":"
	    "\"managed\",\"type\":\"aws_iam_role\",\"values\":{\"name\":\"r\","
	    "\"arn\":\"arn:aws:iam::111122223333:role/r\"}},"
	    "{\"address\":\"aws_iam_role.r\",\"mode\":\"managed\",\"type\":"
	    "\"aws_iam_role\",\"deposed_key\":\"5f3c2a1e\",\"values\":"
	    "{\"name\":\"old\"}}]}}}");
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_str_eq(m.roles.v[0]->arn,
	    "arn:aws:iam::111122223333:role/r");
}
END_TEST

START_TEST(raw_state_builds_addresses)
{
	load("{\"version\":4,\"terraform_version\":\"1.11.4\",\"resources\":["
	    "{\"module\":\"module.irsa[\\\"lbc\\\"]\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"name\":\"this\",\"instances\":["
	    "{\"index_key\":0,\"attributes\":{\"name\":\"a\"}},"
	    "{\"index_key\":0,\"deposed\":\"5f3c2a1e\",\"attributes\":"
	    "{\"name\":\"old\"}}]},"
	    "{\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"t\","
	    "\"instances\":[{\"index_key\":\"alpha\",\"attributes\":"
	    "{\"name\":\"b\"}}]},"
	    "{\"mode\":\"data\",\"type\":\"aws_iam_role\",\"name\":\"d\","
	    "\"instances\":[{\"attributes\":{\"name\":\"c\"}}]}]}");
	ck_assert_uint_eq(m.roles.n, 2);
	ck_assert_str_eq(m.roles.v[0]->address,
	    "module.irsa[\"lbc\"].aws_iam_role.this[0]");
	ck_assert_str_eq(m.roles.v[1]->address, "aws_iam_role.t[\"alpha\"]");
}
END_TEST

START_TEST(truncated_json_reports_position)
{
	load("{\"format_version\":\"1.2\",\n\"resource_changes\":[");
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_uint_eq(dg.v[0]->loc.line, 2);
	ck_assert_uint_eq(dg.v[0]->loc.col, 21);
	ck_assert_str_eq(dg.v[0]->msg,
	    "cannot parse Terraform JSON: unexpected end of input");
}
END_TEST

START_TEST(trailing_garbage_is_an_error)
{
	load("{\"format_version\":\"1.2\"} x");
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_uint_eq(dg.v[0]->loc.line, 1);
	ck_assert_uint_eq(dg.v[0]->loc.col, 26);
	ck_assert_str_eq(dg.v[0]->msg,
	    "cannot parse Terraform JSON: unexpected text after the JSON value");
}
END_TEST

START_TEST(invalid_json_reports_position)
{
	load("{\"format_version\":\"1.2\",\n  \"resource_changes\": [}]}");
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_uint_eq(dg.v[0]->loc.line, 2);
	ck_assert_uint_eq(dg.v[0]->loc.col, 24);
	ck_assert_str_eq(dg.v[0]->msg,
	    "cannot parse Terraform JSON: expected a value");
}
END_TEST

START_TEST(bad_trust_policy_is_an_input_error)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":[{"
	    "\"address\":\"aws_iam_role.x\",\"mode\":\"managed\","
	    "\"type\":\"aws_iam_role\",\"change\":{\"actions\":[\"create\"],"
	    "\"after\":{\"name\":\"x\",\"assume_role_policy\":\"[1]\"}}}]}");
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_ptr_null(m.roles.v[0]->trust);
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_uint_eq(dg.v[0]->loc.line, 0);
	ck_assert(strncmp(dg.v[0]->msg, "aws_iam_role.x: assume_role_policy "
	    "is not a valid policy: ", 55) == 0);
}
END_TEST

START_TEST(unknown_trust_is_rebuilt_from_policy_document)
{
	/* A for_each key with a dot and a bracket in it. */
	load("{\"format_version\":\"1.2\",\"resource_changes\":["
	    "{\"address\":\"module.irsa[\\\"a.b[1]\\\"].data.aws_iam_policy_document"
	    ".this[0]\",\"mode\":\"data\",\"type\":\"aws_iam_policy_document\","
	    "\"change\":{\"actions\":[\"read\"],\"after\":{\"statement\":[{"
	    "\"actions\":[\"sts:AssumeRoleWithWebIdentity\"],\"effect\":\"Allow\","
	    "\"condition\":[{\"test\":\"StringEquals\",\"values\":"
	    "[\"system:serviceaccount:a:b\"]}],\"principals\":[{\"type\":"
	    "\"Federated\",\"identifiers\":[null]}]}]},\"after_unknown\":{"
	    "\"statement\":[{\"condition\":[{\"variable\":true}],"
	    "\"principals\":[{\"identifiers\":[true]}]}]}}},"
	    "{\"address\":\"module.irsa[\\\"a.b[1]\\\"].aws_iam_role.this[0]\","
	    "\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"change\":{"
	    "\"actions\":[\"create\"],\"after\":{\"name\":\"r\"},"
	    "\"after_unknown\":{\"assume_role_policy\":true}}}],"
	    "\"configuration\":{\"root_module\":{\"module_calls\":{\"irsa\":{"
	    "\"module\":{\"resources\":[{\"address\":\"aws_iam_role.this\","
	    "\"expressions\":{\"assume_role_policy\":{\"references\":["
	    "\"data.aws_iam_policy_document.this[0].json\","
	    "\"data.aws_iam_policy_document.this[0]\"]}}}]}}}}}}");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_int_eq(m.roles.v[0]->policy_unknown, 1);
	ck_assert_ptr_nonnull(m.roles.v[0]->trust);
	ck_assert_int_eq(m.roles.v[0]->trust_partial, 1);
	ck_assert_str_eq(m.roles.v[0]->trust_from,
	    "module.irsa[\"a.b[1]\"].data.aws_iam_policy_document.this[0]");
	ck_assert_uint_eq(m.roles.v[0]->trust->st[0].federated.n, 1);
	ck_assert_ptr_null(m.roles.v[0]->trust->st[0].federated.v[0]);
	ck_assert_ptr_null(m.roles.v[0]->trust->st[0].conds[0].key);
	ck_assert_str_eq(m.roles.v[0]->trust->st[0].conds[0].values.v[0],
	    "system:serviceaccount:a:b");
}
END_TEST

START_TEST(unknown_trust_without_document_keeps_references)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":[{"
	    "\"address\":\"aws_iam_role.r\",\"mode\":\"managed\",\"type\":"
	    "\"aws_iam_role\",\"change\":{\"actions\":[\"create\"],\"after\":"
	    "{\"name\":\"r\"},\"after_unknown\":{\"assume_role_policy\":true}}}],"
	    "\"configuration\":{\"root_module\":{\"resources\":[{\"address\":"
	    "\"aws_iam_role.r\",\"expressions\":{\"assume_role_policy\":{"
	    "\"references\":[\"aws_iam_openid_connect_provider.eks.arn\"]}}}]}}}");
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_ptr_null(m.roles.v[0]->trust);
	ck_assert_str_eq(m.roles.v[0]->unknown_refs,
	    "aws_iam_openid_connect_provider.eks.arn");
}
END_TEST

START_TEST(unknown_trust_lists_each_reference_once)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":[{"
	    "\"address\":\"aws_iam_role.r\",\"mode\":\"managed\",\"type\":"
	    "\"aws_iam_role\",\"change\":{\"actions\":[\"create\"],\"after\":"
	    "{\"name\":\"r\"},\"after_unknown\":{\"assume_role_policy\":true}}}],"
	    "\"configuration\":{\"root_module\":{\"resources\":[{\"address\":"
	    "\"aws_iam_role.r\",\"expressions\":{\"assume_role_policy\":{"
	    "\"references\":[\"aws_iam_openid_connect_provider.eks[0].arn\","
	    "\"aws_iam_openid_connect_provider.eks[0]\","
	    "\"aws_iam_openid_connect_provider.eks\",\"local.issuer\","
	    "\"var.ns\",\"local.issuer\",\"local.issuer_url\"]}}}]}}}");
	ck_assert_str_eq(m.roles.v[0]->unknown_refs,
	    "aws_iam_openid_connect_provider.eks[0].arn, local.issuer, var.ns, "
	    "local.issuer_url");
}
END_TEST

/* A managed resource_changes element being created. */
#define CHANGE(addr, type, after, unknown) \
	"{\"address\":\"" addr "\",\"mode\":\"managed\",\"type\":\"" type \
	"\",\"change\":{\"actions\":[\"create\"],\"after\":" after \
	",\"after_unknown\":" unknown "}}"
#define ESC(s)	"\\\"" s "\\\""

START_TEST(attachment_role_follows_configuration_in_module)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":["
	    CHANGE("module.m[" ESC("k") "].aws_iam_role.this[0]",
	    "aws_iam_role", "{\"name\":\"r\"}", "{}") ","
	    CHANGE("module.m[" ESC("k") "].aws_iam_role.this[1]",
	    "aws_iam_role", "{\"name\":\"s\"}", "{}") ","
	    CHANGE("module.m[" ESC("k") "].aws_iam_role_policy_attachment.a[1]",
	    "aws_iam_role_policy_attachment", "{\"policy_arn\":\"p\"}",
	    "{\"role\":true}") ","
	    CHANGE("module.m[" ESC("k") "].aws_iam_role_policy.i",
	    "aws_iam_role_policy", "{}", "{\"role\":true}") "],"
	    "\"configuration\":{\"root_module\":{\"module_calls\":{\"m\":{"
	    "\"module\":{\"resources\":[{\"address\":"
	    "\"aws_iam_role_policy_attachment.a\",\"expressions\":{\"role\":{"
	    "\"references\":[\"aws_iam_role.this\",\"count.index\"]}}},"
	    "{\"address\":\"aws_iam_role_policy.i\",\"expressions\":{\"role\":{"
	    "\"references\":[\"aws_iam_role.this[0].id\","
	    "\"aws_iam_role.this[0]\",\"aws_iam_role.this\"]}}}]}}}}}}");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.role_policies.n, 2);
	ck_assert_str_eq(m.role_policies.v[0]->role, "s");
	ck_assert_str_eq(m.role_policies.v[0]->policy_arn, "p");
	ck_assert_str_eq(m.role_policies.v[1]->role, "r");
	ck_assert_int_eq(m.role_policies.v[1]->is_inline, 1);
}
END_TEST

START_TEST(attachment_role_with_unknown_name_keeps_address)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":["
	    CHANGE("aws_iam_role.k", "aws_iam_role",
	    "{\"name_prefix\":\"k-\"}", "{\"name\":true}") ","
	    CHANGE("aws_iam_role_policy_attachment.a",
	    "aws_iam_role_policy_attachment", "{}", "{\"role\":true}") "],"
	    "\"configuration\":{\"root_module\":{\"resources\":[{\"address\":"
	    "\"aws_iam_role_policy_attachment.a\",\"expressions\":{\"role\":{"
	    "\"references\":[\"aws_iam_role.k.name\",\"aws_iam_role.k\"]}}}]}}}");
	ck_assert_uint_eq(m.role_policies.n, 1);
	ck_assert_ptr_null(m.role_policies.v[0]->role);
	ck_assert_str_eq(m.role_policies.v[0]->role_ref, "aws_iam_role.k");
}
END_TEST

START_TEST(attachment_role_unresolved_stays_unknown)
{
	/* A variable, a conditional between two roles, a role elsewhere. */
	load("{\"format_version\":\"1.2\",\"resource_changes\":["
	    CHANGE("aws_iam_role.x", "aws_iam_role", "{\"name\":\"x\"}", "{}")
	    "," CHANGE("aws_iam_role.y", "aws_iam_role", "{\"name\":\"y\"}",
	    "{}") ","
	    CHANGE("aws_iam_role_policy_attachment.v",
	    "aws_iam_role_policy_attachment", "{}", "{\"role\":true}") ","
	    CHANGE("aws_iam_role_policy_attachment.c",
	    "aws_iam_role_policy_attachment", "{}", "{\"role\":true}") ","
	    CHANGE("aws_iam_role_policy_attachment.e",
	    "aws_iam_role_policy_attachment", "{}", "{\"role\":true}") "],"
	    "\"configuration\":{\"root_module\":{\"resources\":["
	    "{\"address\":\"aws_iam_role_policy_attachment.v\",\"expressions\":"
	    "{\"role\":{\"references\":[\"aws_iam_role.x.id\","
	    "\"aws_iam_role.x\",\"var.suffix\"]}}},"
	    "{\"address\":\"aws_iam_role_policy_attachment.c\",\"expressions\":"
	    "{\"role\":{\"references\":[\"aws_iam_role.x.id\","
	    "\"aws_iam_role.x\",\"aws_iam_role.y.id\",\"aws_iam_role.y\"]}}},"
	    "{\"address\":\"aws_iam_role_policy_attachment.e\",\"expressions\":"
	    "{\"role\":{\"references\":[\"aws_iam_role.z.id\","
	    "\"aws_iam_role.z\"]}}}]}}}");
	ck_assert_uint_eq(m.role_policies.n, 3);
	ck_assert_ptr_null(m.role_policies.v[0]->role);
	ck_assert_ptr_null(m.role_policies.v[1]->role);
	ck_assert_ptr_null(m.role_policies.v[2]->role);
	ck_assert_ptr_null(m.role_policies.v[2]->role_ref);
}
END_TEST

START_TEST(policy_attachment_attaches_each_role)
{
	load("{\"format_version\":\"1.2\",\"resource_changes\":["
	    CHANGE("aws_iam_role.w[0]", "aws_iam_role", "{\"name\":\"w0\"}",
	    "{}") ","
	    CHANGE("aws_iam_role.w[1]", "aws_iam_role", "{\"name\":\"w1\"}",
	    "{}") ","
	    CHANGE("aws_iam_role.x", "aws_iam_role", "{\"name\":\"x\"}", "{}")
	    "," CHANGE("aws_iam_policy_attachment.known",
	    "aws_iam_policy_attachment", "{\"roles\":[\"a\",\"b\"],"
	    "\"users\":[\"u\"],\"policy_arn\":\"p\"}",
	    "{\"roles\":[false,false]}") ","
	    CHANGE("aws_iam_policy_attachment.users",
	    "aws_iam_policy_attachment", "{\"roles\":null,\"users\":[\"u\"]}",
	    "{}") ","
	    CHANGE("aws_iam_policy_attachment.refs",
	    "aws_iam_policy_attachment", "{\"policy_arn\":\"q\"}",
	    "{\"roles\":true}") "],"
	    "\"configuration\":{\"root_module\":{\"resources\":[{\"address\":"
	    "\"aws_iam_policy_attachment.refs\",\"expressions\":{\"roles\":{"
	    "\"references\":[\"aws_iam_role.x.id\",\"aws_iam_role.x\","
	    "\"aws_iam_role.w\"]}}}]}}}");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.role_policies.n, 5);
	ck_assert_str_eq(m.role_policies.v[0]->role, "a");
	ck_assert_str_eq(m.role_policies.v[1]->role, "b");
	ck_assert_str_eq(m.role_policies.v[1]->policy_arn, "p");
	ck_assert_str_eq(m.role_policies.v[2]->role, "x");
	ck_assert_str_eq(m.role_policies.v[3]->role, "w0");
	ck_assert_str_eq(m.role_policies.v[4]->role, "w1");
	ck_assert_str_eq(m.role_policies.v[4]->policy_arn, "q");
	ck_assert_str_eq(m.role_policies.v[4]->address,
	    "aws_iam_policy_attachment.refs");
}
END_TEST

/* Terraform sources are read through the overlay too (read_all()). */
static const char *
overlay_tf(void *arg, const char *path, size_t *len)
{
	const char	*text = arg;

	if (strcmp(path, "testdata/examples/article/terraform/main.tf") != 0)
		return NULL;
	*len = strlen(text);
	return text;
}

START_TEST(overlay_replaces_a_source_file)
{
	static const char *const dirs[] = { "testdata/examples/article/"
	    "terraform" };
	struct load_opts	 lo;

	memset(&lo, 0, sizeof(lo));
	lo.overlay = overlay_tf;
	lo.overlay_arg = (void *)"resource \"aws_iam_role\" \"buf\" {\n"
	    "  name = \"FromTheBuffer\"\n  assume_role_policy = \"{}\"\n}\n";
	m.load_opts = &lo;
	load_tf_sources(&m, &dg, dirs, 1, &lo);
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_str_eq(m.roles.v[0]->address, "aws_iam_role.buf");
	ck_assert_str_eq(m.roles.v[0]->name, "FromTheBuffer");
	ck_assert_uint_eq(m.roles.v[0]->loc.line, 1);
}
END_TEST

Suite *
load_tf_suite(void)
{
	Suite	*s = suite_create("load_tf");
	TCase	*tc = tcase_create("load_tf");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, plan_reads_role_from_resource_changes);
	tcase_add_test(tc, plan_skips_deposed_and_deleted);
	tcase_add_test(tc, plan_marks_unknown_name_and_trust);
	tcase_add_test(tc, plan_without_resource_changes_uses_planned_values);
	tcase_add_test(tc, state_show_skips_deposed_key);
	tcase_add_test(tc, raw_state_builds_addresses);
	tcase_add_test(tc, truncated_json_reports_position);
	tcase_add_test(tc, trailing_garbage_is_an_error);
	tcase_add_test(tc, invalid_json_reports_position);
	tcase_add_test(tc, bad_trust_policy_is_an_input_error);
	tcase_add_test(tc, unknown_trust_is_rebuilt_from_policy_document);
	tcase_add_test(tc, unknown_trust_without_document_keeps_references);
	tcase_add_test(tc, unknown_trust_lists_each_reference_once);
	tcase_add_test(tc, attachment_role_follows_configuration_in_module);
	tcase_add_test(tc, attachment_role_with_unknown_name_keeps_address);
	tcase_add_test(tc, attachment_role_unresolved_stays_unknown);
	tcase_add_test(tc, policy_attachment_attaches_each_role);
	tcase_add_test(tc, overlay_replaces_a_source_file);
	suite_add_tcase(s, tc);
	return s;
}
