/* SPDX-License-Identifier: ISC */
/* Flag role-arn annotations that name no role of the inputs. */
#include "arena.h"
#include "bind.h"
#include "buf.h"
#include "diag.h"
#include "model.h"
#include "rule.h"
#include "trust.h"

static void	meant(const struct rule *, struct check_ctx *,
		    const struct binding *);
static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);

const struct rule rule_irsa_role_not_found = {
	.id = "irsa-role-not-found",
	.severity = SEV_ERROR,
	.summary = "role-arn annotation names no role in the inputs",
	.explain =
	    "The annotation names a role that none of the Terraform, "
	    "CloudFormation or AWS CLI inputs "
	    "creates: no aws_iam_role with that ARN, or with that name, path "
	    "and account.  STS then answers the pod's "
	    "AssumeRoleWithWebIdentity with AccessDenied (\"Not authorized "
	    "to perform sts:AssumeRoleWithWebIdentity\"), because a role "
	    "that does not exist trusts nobody.  When a role in the inputs "
	    "is close (a name within a few typos, or differing only in "
	    "case) this is an "
	    "error and the message names it.  A role whose trust admits "
	    "exactly this ServiceAccount (its namespace and name, from the "
	    "cluster's issuer when the inputs name the cluster) is named "
	    "first, whatever its spelling: that is almost certainly the role "
	    "meant, as when a chart's values default the role name "
	    "external-dns while the tutorial created external-dns-irsa-role.  "
	    "When nothing is close or admits it, it is a warning, since the "
	    "role may be managed outside these inputs.\n"
	    "Fix: copy the ARN from the role Terraform creates, including "
	    "its path, or pass the plan that creates the role.",
	.check_binding = check
};

/* How the nearest role differs, and what its ARN is. */
static const char *
near_text(const struct model *m, const struct binding *b)
{
	const struct iam_role	*n = b->near;

	switch (b->near_kind) {
	case NEAR_CASE:
		return arena_printf(m->arena, "did you mean %s (%s)? the name "
		    "differs in case", n->name, n->address);
	default:
		return arena_printf(m->arena, "did you mean %s (%s)?", n->name,
		    n->address);
	}
}

/*
 * The roles whose trust admits this ServiceAccount: one is named with
 * its ARN as the fix; several are listed, with no fix.
 */
static void
meant(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct buf		 names = BUF_INIT;
	const char		*spell = "", *issuer = "";
	struct diag		*d;
	size_t			 i;

	for (i = 0; i < b->nmeant; i++)
		buf_addf(&names, "%s%s", i == 0 ? "" : i + 1 == b->nmeant ?
		    " and " : ", ", bind_role_name(m, b->meant[i]));
	if (b->near != NULL && b->near != b->meant[0])
		spell = arena_printf(m->arena, "; the closest name is %s (%s)",
		    b->near->name, b->near->address);
	else if (b->near != NULL && b->near_kind == NEAR_CASE)
		spell = "; the name differs in case";
	if (!b->cluster_issuer)
		issuer = " (the issuer was not checked: the inputs name no "
		    "cluster)";
	if (b->nmeant == 1)
		d = rule_report(ctx->dg, r, r->severity, m, b,
		    &b->ann->value_loc, "no role %s in the inputs; did you "
		    "mean %s? its trust admits exactly this ServiceAccount%s%s",
		    b->ann->value, names.buf, issuer, spell);
	else
		d = rule_report(ctx->dg, r, r->severity, m, b,
		    &b->ann->value_loc, "no role %s in the inputs; %s trust "
		    "exactly this ServiceAccount%s: which did you mean?%s",
		    b->ann->value, names.buf, issuer, spell);
	buf_release(&names);
	for (i = 0; i < b->nmeant; i++)
		diag_related(ctx->dg, d, &b->meant[i]->loc,
		    b->meant[i]->address, "role %s is defined here, and its "
		    "trust admits %s", b->meant[i]->name != NULL ?
		    b->meant[i]->name : "(name known after apply)", b->sub);
	/* The role meant is what the finding is about, ARN known or not. */
	if (b->nmeant == 1)
		d->address = b->meant[0]->address;
	if (b->nmeant == 1 && b->meant_arn != NULL) {
		diag_fix_scalar(ctx->dg, d, &b->ann->value_loc, b->ann->value,
		    b->meant_arn, arena_printf(m->arena, "use the ARN of %s",
		    b->meant[0]->address));
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diags	*dg = ctx->dg;

	struct diag	*d;

	if (!b->arn_ok || ctx->m->roles.n == 0 || b->role != NULL ||
	    b->generated != NULL ||
	    (b->near != NULL && (b->near_kind == NEAR_PATH ||
	    b->near_kind == NEAR_ACCOUNT)))
		return;
	if (b->nmeant > 0) {
		meant(r, ctx, b);
		return;
	}
	if (b->near == NULL) {
		rule_report(dg, r, SEV_WARNING, m, b, &b->ann->value_loc,
		    "no role %s in the inputs (it may be managed "
		    "elsewhere)", b->ann->value);
		return;
	}
	d = rule_report(dg, r, r->severity, m, b, &b->ann->value_loc,
	    "no role %s in the inputs; %s", b->ann->value,
	    near_text(m, b));
	diag_related(dg, d, &b->near->loc, b->near->address,
	    "role %s is defined here", b->near->name);
	/*
	 * The name is near, but a fix must not trade this finding for
	 * another: only when the role's trust admits this ServiceAccount.
	 */
	if (b->near_arn != NULL && b->near->trust != NULL &&
	    trust_admits_sub(m, b->near, b->sub))
		diag_fix_scalar(dg, d, &b->ann->value_loc, b->ann->value,
		    b->near_arn, arena_printf(m->arena, "use the ARN of %s",
		    b->near->address));
}
