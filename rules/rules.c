/* SPDX-License-Identifier: ISC */
/* The rule table, expanded from rules.def so it cannot drift. */
#include <stddef.h>
#include <string.h>

#include "rule.h"
#include "rule_list.h"
#include "util.h"

const struct rule *const rule_table[] = {
#define RULE(name)	&rule_##name,
#include "rules.def"
#undef RULE
	NULL
};

/*
 * The rule whose id is nearest to a mistyped one, within a third of its
 * length in edits, or NULL: for "did you mean" in every place a rule
 * id is typed (--explain, .irsalint.yaml, ignore comments).
 */
const struct rule *
rule_nearest(const char *id)
{
	const struct rule	*best = NULL;
	size_t			 i, d, max = strlen(id) / 3 + 1;

	for (i = 0; rule_table[i] != NULL; i++)
		if ((d = edit_distance(rule_table[i]->id, id, max)) <= max) {
			best = rule_table[i];
			max = d == 0 ? 0 : d - 1;
		}
	return best;
}

const struct rule *
rule_find(const char *id)
{
	size_t	 i;

	for (i = 0; rule_table[i] != NULL; i++)
		if (strcmp(rule_table[i]->id, id) == 0)
			return rule_table[i];
	return NULL;
}
