/* SPDX-License-Identifier: ISC */
/* The rule table, expanded from rules.def so it cannot drift. */
#include <stddef.h>
#include <string.h>

#include "rule.h"
#include "rule_list.h"

const struct rule *const rule_table[] = {
#define RULE(name)	&rule_##name,
#include "rules.def"
#undef RULE
	NULL
};

const struct rule *
rule_find(const char *id)
{
	size_t	 i;

	for (i = 0; rule_table[i] != NULL; i++)
		if (strcmp(rule_table[i]->id, id) == 0)
			return rule_table[i];
	return NULL;
}
