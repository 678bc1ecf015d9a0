/* SPDX-License-Identifier: ISC */
/* Flag trust subjects whose ServiceAccount is missing or uses another role. */
#include <stdio.h>
#include <string.h>

#include "bind.h"
#include "diag.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "trust.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_irsa_trust_orphan_subject = {
	.id = "irsa-trust-orphan-subject",
	.severity = SEV_WARNING,
	.summary = "trust names a ServiceAccount the manifests do not define, "
	    "or one that uses another role",
	.explain =
	    "Read the other way round, a trust subject "
	    "system:serviceaccount:<ns>:<name> is a promise that this "
	    "ServiceAccount exists and uses the role.  When a chart renames "
	    "its ServiceAccount or moves it to another namespace, the trust "
	    "keeps the old subject and the new one gets AccessDenied; when "
	    "the ServiceAccount exists but is annotated with another role, "
	    "one of the two is stale.  Checked only for roles that some "
	    "ServiceAccount of the inputs names, so that partial inputs "
	    "stay quiet, and for the roles an eksctl ClusterConfig makes "
	    "with roleOnly: true, whose ServiceAccount eksctl leaves to "
	    "another input (a chart, a manifest) that must then be there.\n"
	    "Fix: make the subject and the ServiceAccount agree, and remove "
	    "subjects no longer used.",
	.check_model = check
};

/* The ServiceAccount a subject system:serviceaccount:<ns>:<name> names. */
static const struct k8s_obj *
find_sa(const struct model *m, const char *sub)
{
	char		 ns[256];
	const char	*p, *name;
	size_t		 len;

	if (!trust_subject_split(sub, &p, &len, &name) || len >= sizeof(ns))
		return NULL;
	memcpy(ns, p, len);
	ns[len] = '\0';
	return model_find_sa(m, ns, name);
}

static void
check_subject(const struct rule *r, struct check_ctx *ctx,
    const struct iam_role *role, const char *sub)
{
	const struct k8s_obj	*o;
	const struct binding	*b;
	struct diag		*d;

	if ((o = find_sa(ctx->m, sub)) == NULL && role->role_only) {
		d = diag_add(ctx->dg, r, &role->role_only_loc, "%s: roleOnly "
		    "makes the role and no ServiceAccount, and the inputs hold "
		    "no %s for it: pass the manifest or chart that creates the "
		    "ServiceAccount, or let eksctl create it (roleOnly: false)",
		    role->address, sub);
		d->address = role->address;
		return;
	}
	if (o == NULL) {
		rule_report_role(ctx->dg, r, r->severity, ctx->m, role,
		    "the trust policy admits %s, but no such ServiceAccount is "
		    "in the manifests", sub);
		return;
	}
	b = rule_binding_of(ctx, o);
	if (b == NULL)
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &o->name_loc, "the trust policy of %s admits this "
		    "ServiceAccount, but it has no eks.amazonaws.com/role-arn "
		    "annotation", role->address);
	else if (b->role != role && b->arn_ok)
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &b->ann->value_loc, "the trust policy of %s admits this "
		    "ServiceAccount, but it is annotated with %s",
		    role->address, b->ann->value);
}

/*
 * A role some ServiceAccount fails to assume has its mismatch reported
 * at that ServiceAccount already; its subjects are not repeated here.
 */
static void
check(const struct rule *r, struct check_ctx *ctx)
{
	struct strmap		 mismatched;
	const struct iam_role	*role;
	const struct pstmt	*st;
	const struct pcond	*c;
	const char		*issuer;
	size_t			 i, j, k, l;

	strmap_init(&mismatched);
	for (i = 0; i < ctx->b->n; i++)
		if (ctx->b->v[i].role != NULL &&
		    ctx->b->v[i].verdict == TRI_FALSE)
			strmap_add(&mismatched, ctx->m->arena,
			    ctx->b->v[i].role->address, NULL);

	for (i = 0; i < ctx->m->roles.n; i++) {
		role = ctx->m->roles.v[i];
		if (role->trust == NULL || (!rule_role_used(ctx, role) &&
		    !role->role_only) ||
		    strmap_get(&mismatched, role->address) != NULL)
			continue;
		for (j = 0; j < role->trust->n; j++) {
			st = &role->trust->st[j];
			if (!trust_stmt_is_irsa(ctx->m, st, 1))
				continue;
			for (k = 0; k < st->nconds; k++) {
				c = &st->conds[k];
				if (c->base != COND_STRING_EQUALS ||
				    c->flags != 0 || trust_claim(ctx->m->arena,
				    c, &issuer) != CLAIM_SUB)
					continue;
				for (l = 0; l < c->values.n; l++)
					if (c->values.v[l] != NULL)
						check_subject(r, ctx, role,
						    c->values.v[l]);
			}
		}
	}
	strmap_release(&mismatched);
}
