/* SPDX-License-Identifier: ISC */
/*
 * Every rule descriptor by name, declared from rules.def: for the
 * table in rules/rules.c and for tests that name a rule.  Nothing else
 * needs them: code finds rules through rule_table and rule_find().
 */
#ifndef RULE_LIST_H
#define RULE_LIST_H

#include "rule.h"

#define RULE(name)	extern const struct rule rule_##name;
#include "../rules/rules.def"
#undef RULE

#endif /* RULE_LIST_H */
