/* SPDX-License-Identifier: ISC */
/* The engine: bind every annotated ServiceAccount and run the rules. */
#ifndef ENGINE_H
#define ENGINE_H

#include "diag.h"

struct binding;
struct model;
struct rule;

void		 engine_run(struct model *, struct diags *);

/*
 * Report a finding about a binding's ServiceAccount at loc, with
 * severity sev: the message is prefixed with the object, and the
 * role, when resolved, is attached as the Terraform side.
 */
struct diag	*engine_report(struct diags *, const struct rule *,
		    enum severity, struct model *, const struct binding *,
		    const struct loc *, const char *, ...)
		    __attribute__((format(printf, 7, 8)));

#endif /* ENGINE_H */
