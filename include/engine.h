/* SPDX-License-Identifier: ISC */
/* The engine: bind every annotated ServiceAccount and run the rules. */
#ifndef ENGINE_H
#define ENGINE_H

#include "diag.h"

struct binding;
struct k8s_obj;
struct model;
struct rule;
struct iam_role;

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

/* A finding about one Kubernetes object: "Kind ns/name: message". */
struct diag	*engine_report_obj(struct diags *, const struct rule *,
		    enum severity, struct model *, const struct k8s_obj *,
		    const struct loc *, const char *, ...)
		    __attribute__((format(printf, 7, 8)));

/* A finding about a Terraform role, at its file: "address: message". */
struct diag	*engine_report_role(struct diags *, const struct rule *,
		    enum severity, struct model *, const struct iam_role *,
		    const char *, ...)
		    __attribute__((format(printf, 6, 7)));

struct check_ctx;
struct pod_identity;

const struct binding *engine_binding_of(const struct check_ctx *,
		    const struct k8s_obj *);
int		 engine_role_used(const struct check_ctx *,
		    const struct iam_role *);
const struct iam_role *engine_pod_identity_role(const struct model *,
		    const struct pod_identity *);
int		 engine_count_admitted(struct check_ctx *, const char *,
		    size_t *);

#endif /* ENGINE_H */
