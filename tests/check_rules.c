/* SPDX-License-Identifier: ISC */
/* Unit tests of the rule table: ids unique, sorted, documented. */
#include <ctype.h>
#include <string.h>

#include "check_suites.h"
#include "rule.h"

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

Suite *
rules_suite(void)
{
	Suite	*s = suite_create("rules");
	TCase	*tc = tcase_create("table");

	tcase_add_test(tc, rules_are_sorted_and_unique);
	tcase_add_test(tc, rule_ids_are_lowercase_kebab_case);
	tcase_add_test(tc, rules_are_documented);
	tcase_add_test(tc, rule_find_by_id);
	suite_add_tcase(s, tc);
	return s;
}
