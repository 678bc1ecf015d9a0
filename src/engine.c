/* SPDX-License-Identifier: ISC */
/*
 * The engine: bind every ServiceAccount that names a role, then run
 * each subject through the rules of the table that check its kind.
 */
#include <stddef.h>
#include <stdlib.h>

#include "bind.h"
#include "engine.h"
#include "model.h"
#include "rule.h"
#include "xalloc.h"

void
engine_run(const struct model *m, struct diags *dg, struct bindings *b)
{
	const struct rule	*r, **rb, **ro, **rr;
	struct check_ctx	 ctx;
	size_t			 i, j, n, nb = 0, no = 0, nr = 0;

	bindings_build(b, m);
	rule_ctx_init(&ctx, m, dg, b, RULE_LIKE_BUDGET);
	/*
	 * Each subject goes through every rule that checks its kind while
	 * it is in the cache, rather than every rule walking the whole
	 * model: the report's order is not the order of the checks (the
	 * diagnostics are sorted), and no rule reads another's findings.
	 */
	for (n = 0; rule_table[n] != NULL; n++)
		continue;
	rb = xreallocarray(NULL, 3 * (n + 1), sizeof(*rb));
	ro = rb + n + 1;
	rr = ro + n + 1;
	for (j = 0; (r = rule_table[j]) != NULL; j++) {
		if (r->check_binding != NULL)
			rb[nb++] = r;
		if (r->check_object != NULL)
			ro[no++] = r;
		if (r->check_role != NULL)
			rr[nr++] = r;
	}
	for (i = 0; i < b->n; i++)
		for (j = 0; j < nb; j++)
			rb[j]->check_binding(rb[j], &ctx, &b->v[i]);
	for (i = 0; i < m->objs.n; i++)
		for (j = 0; j < no; j++)
			ro[j]->check_object(ro[j], &ctx, m->objs.v[i]);
	for (i = 0; i < m->roles.n; i++)
		for (j = 0; j < nr; j++)
			rr[j]->check_role(rr[j], &ctx, m->roles.v[i]);
	for (j = 0; (r = rule_table[j]) != NULL; j++)
		if (r->check_model != NULL)
			r->check_model(r, &ctx);
	free(rb);
	rule_ctx_release(&ctx);
}
