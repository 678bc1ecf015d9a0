/* SPDX-License-Identifier: ISC */
/* Run the rule table over every ServiceAccount that names a role. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "engine.h"
#include "model.h"
#include "rule.h"

void
engine_run(struct model *m, struct diags *dg)
{
	const struct kv_pos	*ann;
	const struct k8s_obj	*o;
	struct binding		 b;
	size_t			 i, j;

	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if (o->kind != K8S_SERVICEACCOUNT || o->name == NULL)
			continue;
		if ((ann = k8s_obj_annotation(o, ANN_ROLE_ARN)) == NULL)
			continue;
		bind_sa(&b, m, o, ann);
		for (j = 0; rule_table[j] != NULL; j++)
			rule_table[j]->check(rule_table[j], m, &b, dg);
	}
}

struct diag *
engine_report(struct diags *dg, const struct rule *r, enum severity sev,
    struct model *m, const struct binding *b, const struct loc *loc,
    const char *fmt, ...)
{
	struct diag	*d;
	va_list		 ap;
	char		*msg;

	va_start(ap, fmt);
	msg = arena_vprintf(m->arena, fmt, ap);
	va_end(ap);
	d = diag_push(dg, r, sev, loc, arena_printf(m->arena,
	    "ServiceAccount %s/%s: %s", b->ns, b->sa->name, msg));
	d->obj.kind = "ServiceAccount";
	d->obj.ns = b->ns;
	d->obj.name = b->sa->name;
	if (b->role != NULL) {
		d->address = b->role->address;
		diag_related(dg, d, &b->role->loc, b->role->address,
		    "role %s is defined here", b->role->name != NULL ?
		    b->role->name : "(name known after apply)");
	}
	return d;
}
