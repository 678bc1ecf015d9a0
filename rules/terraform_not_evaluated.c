/* SPDX-License-Identifier: ISC */
/* Say which parts of Terraform sources could not be evaluated offline. */
#include "diag.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_terraform_not_evaluated = {
	.id = "terraform-not-evaluated",
	.severity = SEV_NOTE,
	.summary = "part of the Terraform sources could not be evaluated "
	    "without a plan",
	.explain =
	    "irsalint evaluates Terraform sources (.tf files) the way "
	    "Terraform would plan them, as far as that is possible without "
	    "cloud credentials.  Some things cannot be known offline: a "
	    "module from the registry or git that terraform init has not "
	    "downloaded, or a count or for_each that depends on a value "
	    "known only after apply (another module's output, a data "
	    "source), or a kubernetes_service_account whose name "
	    "generate_name leaves to the API server.  The roles, OIDC "
	    "providers and attachments such a block declares are then not "
	    "in the model, and a ServiceAccount "
	    "naming one of them would be reported as naming a role that is "
	    "not in the inputs.  This note marks each such block, so that a "
	    "quiet run is never mistaken for a checked one.\n"
	    "Fix: run terraform init -backend=false (no credentials "
	    "needed) so that modules are downloaded into .terraform/modules; "
	    "give the variables a count or for_each depends on with --var "
	    "or --var-file; or lint the plan (terraform show -json) with "
	    "the sources.",
	.check_model = check
};

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct tf_gap	*g;
	struct diag		*d;
	size_t			 i;

	for (i = 0; i < ctx->m->tf_gaps.n; i++) {
		g = ctx->m->tf_gaps.v[i];
		d = diag_add(ctx->dg, r, &g->loc, "%s: %s", g->address,
		    g->msg);
		d->address = g->address;
	}
}
