/* SPDX-License-Identifier: ISC */
/* Runs every unit suite; exits non-zero when any test fails. */
#include <stdlib.h>

#include "check_suites.h"

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(arn_suite());
	srunner_add_suite(sr, policy_suite());
	srunner_add_suite(sr, input_suite());
	srunner_add_suite(sr, load_k8s_suite());
	srunner_add_suite(sr, load_tf_suite());
	srunner_add_suite(sr, load_cfn_suite());
	srunner_add_suite(sr, model_suite());
	srunner_add_suite(sr, util_suite());
	srunner_add_suite(sr, rules_suite());
	srunner_add_suite(sr, report_suite());
	srunner_add_suite(sr, config_suite());
	srunner_add_suite(sr, trust_suite());
	srunner_add_suite(sr, hcl_suite());
	srunner_add_suite(sr, tf_eval_suite());
	srunner_add_suite(sr, tf_func_suite());
	srunner_add_suite(sr, tf_doc_suite());
	srunner_add_suite(sr, lsp_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
