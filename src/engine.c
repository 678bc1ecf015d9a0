/* SPDX-License-Identifier: ISC */
/*
 * The engine: bind every ServiceAccount that names a role, then run
 * each rule of the table over the subjects it checks.
 */
#include <stddef.h>

#include "bind.h"
#include "engine.h"
#include "model.h"
#include "rule.h"

void
engine_run(const struct model *m, struct diags *dg, struct bindings *b)
{
	const struct rule	*r;
	struct check_ctx	 ctx;
	size_t			 i, j;

	bindings_build(b, m);
	rule_ctx_init(&ctx, m, dg, b, RULE_LIKE_BUDGET);
	for (j = 0; (r = rule_table[j]) != NULL; j++) {
		if (r->check_binding != NULL)
			for (i = 0; i < b->n; i++)
				r->check_binding(r, &ctx, &b->v[i]);
		if (r->check_object != NULL)
			for (i = 0; i < m->objs.n; i++)
				r->check_object(r, &ctx, m->objs.v[i]);
		if (r->check_role != NULL)
			for (i = 0; i < m->roles.n; i++)
				r->check_role(r, &ctx, m->roles.v[i]);
		if (r->check_model != NULL)
			r->check_model(r, &ctx);
	}
	rule_ctx_release(&ctx);
}
