/* SPDX-License-Identifier: ISC */
/* The unit suites, one per module, run by check_main.c. */
#ifndef CHECK_SUITES_H
#define CHECK_SUITES_H

#include <check.h>

Suite	*arn_suite(void);
Suite	*policy_suite(void);
Suite	*input_suite(void);
Suite	*load_k8s_suite(void);
Suite	*load_tf_suite(void);
Suite	*load_cfn_suite(void);
Suite	*model_suite(void);
Suite	*util_suite(void);
Suite	*rules_suite(void);
Suite	*report_suite(void);
Suite	*config_suite(void);
Suite	*trust_suite(void);
Suite	*hcl_suite(void);
Suite	*tf_eval_suite(void);
Suite	*tf_func_suite(void);
Suite	*tf_doc_suite(void);
Suite	*lsp_suite(void);

#endif /* CHECK_SUITES_H */
