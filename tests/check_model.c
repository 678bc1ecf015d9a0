/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the model's add-on table and for what load_implied()
 * makes of add-ons and of eksctl's attached roles.
 */
#include <string.h>

#include "arena.h"
#include "check_suites.h"
#include "load.h"
#include "model.h"

static struct arena	a;
static struct model	m;

static void
setup(void)
{
	a = (struct arena)ARENA_INIT;
	model_init(&m, &a);
}

static void
teardown(void)
{
	model_release(&m);
	arena_release(&a);
}

/* Sorted, each entry sourced, a namespace and names where IAM is. */
START_TEST(addon_table_complete)
{
	const struct eks_addon_info	*e;

	for (e = model_addon_table; e->name != NULL; e++) {
		ck_assert_ptr_nonnull(e->source);
		if (e[1].name != NULL)
			ck_assert_int_lt(strcmp(e->name, e[1].name), 0);
		if (!e->needs_iam) {
			ck_assert_ptr_null(e->ns);
			ck_assert_ptr_null(e->sas[0]);
			continue;
		}
		ck_assert_ptr_nonnull(e->ns);
		ck_assert_ptr_nonnull(e->sas[0]);
	}
}
END_TEST

START_TEST(addon_info_lookup)
{
	const struct eks_addon_info	*e;

	e = model_addon_info("AWS-EBS-CSI-Driver");
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->sas[0], "ebs-csi-controller-sa");
	ck_assert_str_eq(model_addon_info("aws-efs-csi-driver")->sas[1],
	    "efs-csi-node-sa");
	ck_assert_int_eq(model_addon_info("coredns")->needs_iam, 0);
	ck_assert_ptr_null(model_addon_info("aws-ebs-csi"));
	ck_assert_ptr_null(model_addon_info(""));
}
END_TEST

/*
 * An add-on's ServiceAccounts stand at its role field, annotated with
 * a known ARN, or waiting for the role it references; its associations
 * are in its namespace, or the one configured.
 */
START_TEST(implied_addon_sas)
{
	struct eks_addon	*ad;
	struct loc		 key = { "t.tf", 4, 3, 4, 27 };

	ad = model_add_addon(&m, SRC_TERRAFORM);
	ad->address = "aws_eks_addon.efs";
	ad->name = "aws-efs-csi-driver";
	ad->role.key = "service_account_role_arn";
	ad->role.key_loc = key;
	ad->role_ref = "aws_iam_role.efs";
	ad = model_add_addon(&m, SRC_TERRAFORM);
	ad->address = "aws_eks_addon.cni";
	ad->name = "vpc-cni";
	ad->ns = "networking";
	ad->role.key = "service_account_role_arn";
	ad->role.value = "arn:aws:iam::111122223333:role/cni";
	ad->pias = arena_alloc(&a, sizeof(*ad->pias));
	ad->pias[0].sa = "aws-node";
	ad->pias[0].role_arn = "arn:aws:iam::111122223333:role/cni-pi";
	ad->npias = 1;
	ad = model_add_addon(&m, SRC_TERRAFORM);
	ad->address = "aws_eks_addon.other";
	ad->name = "not-in-the-table";
	ad->role.key = "service_account_role_arn";
	load_implied(&m);
	ck_assert_uint_eq(m.objs.n, 3);
	ck_assert_str_eq(m.objs.v[0]->name, "efs-csi-controller-sa");
	ck_assert_str_eq(m.objs.v[1]->name, "efs-csi-node-sa");
	ck_assert_str_eq(m.objs.v[1]->ns, "kube-system");
	ck_assert_int_eq(m.objs.v[1]->more->role_pending, 1);
	ck_assert_str_eq(m.objs.v[1]->more->role_ref, "aws_iam_role.efs");
	ck_assert_uint_eq(m.objs.v[1]->loc.line, 4);
	ck_assert_uint_eq(m.objs.v[1]->more->role_field.key_loc.col, 3);
	ck_assert_ptr_nonnull(m.objs.v[1]->more->addon);
	ck_assert_str_eq(m.objs.v[2]->ns, "networking");
	ck_assert_str_eq(k8s_obj_annotation(m.objs.v[2],
	    "eks.amazonaws.com/role-arn")->value,
	    "arn:aws:iam::111122223333:role/cni");
	ck_assert_uint_eq(m.objs.v[2]->ns_loc.end_col, 0);
	ck_assert_uint_eq(m.pod_identities.n, 1);
	ck_assert_str_eq(m.pod_identities.v[0]->ns, "networking");
	ck_assert_str_eq(m.pod_identities.v[0]->address, "aws_eks_addon.cni");
}
END_TEST

/* eksctl's stand-in for an attached role goes when an input declares it. */
START_TEST(implied_attached_roles)
{
	struct iam_role	*r;

	r = model_add_role(&m, SRC_EKSCTL);
	r->address = "eksctl a";
	r->arn = "arn:aws:iam::111122223333:role/declared";
	r->name = "declared";
	r->trust_elsewhere = "attached";
	r = model_add_role(&m, SRC_EKSCTL);
	r->address = "eksctl b";
	r->arn = "arn:aws:iam::111122223333:role/alone";
	r->name = "alone";
	r->trust_elsewhere = "attached";
	r = model_add_role(&m, SRC_TERRAFORM);
	r->address = "aws_iam_role.declared";
	r->name = "declared";
	load_implied(&m);
	ck_assert_uint_eq(m.roles.n, 2);
	ck_assert_str_eq(m.roles.v[0]->address, "eksctl b");
	ck_assert_uint_eq(m.roles.v[0]->index, 0);
	ck_assert_str_eq(m.roles.v[1]->address, "aws_iam_role.declared");
	ck_assert_uint_eq(m.roles.v[1]->index, 1);
}
END_TEST

Suite *
model_suite(void)
{
	Suite	*s = suite_create("model");
	TCase	*tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, addon_table_complete);
	tcase_add_test(tc, addon_info_lookup);
	tcase_add_test(tc, implied_addon_sas);
	tcase_add_test(tc, implied_attached_roles);
	suite_add_tcase(s, tc);
	return s;
}
