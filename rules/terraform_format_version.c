/* SPDX-License-Identifier: ISC */
/* Note Terraform JSON of a format version newer than this program knows. */
#include <stdlib.h>

#include "diag.h"
#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *);

const struct rule rule_terraform_format_version = {
	.id = "terraform-format-version",
	.severity = SEV_NOTE,
	.summary = "Terraform JSON format version is newer than irsalint knows",
	.explain =
	    "irsalint reads the JSON of `terraform show -json` in format "
	    "versions 0.1 to 1.2 (Terraform 0.12 to today, and OpenTofu).  "
	    "Terraform promises that a new minor version only adds keys; a "
	    "new major version may change what irsalint reads.  Such a file "
	    "is read as far as it is understood, and this note says so, "
	    "because a finding that is missing could be due to the format.\n"
	    "Fix: upgrade irsalint, or tell its developers about the new "
	    "format.",
	.check_model = check
};

static void
check(const struct rule *r, struct check_ctx *ctx)
{
	const struct tf_file	*f;
	size_t			 i;

	for (i = 0; i < ctx->m->tf_files.n; i++) {
		f = ctx->m->tf_files.v[i];
		if (f->format_version == NULL ||
		    strtol(f->format_version, NULL, 10) <= 1)
			continue;
		diag_add(ctx->dg, r, &f->loc, "%s format_version %s is newer "
		    "than this irsalint knows (0.1 to 1.2); read as far as it "
		    "is understood", f->kind, f->format_version);
	}
}
