/* SPDX-License-Identifier: ISC */
/* Flag sts-regional-endpoints values the webhook cannot parse. */
#include <string.h>

#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);

const struct rule rule_irsa_sts_regional_invalid = {
	.id = "irsa-sts-regional-invalid",
	.severity = SEV_WARNING,
	.summary = "sts-regional-endpoints is not a boolean the webhook parses",
	.explain =
	    "The webhook reads eks.amazonaws.com/sts-regional-endpoints with "
	    "Go's strconv.ParseBool, which accepts 1, t, T, TRUE, true, "
	    "True, 0, f, F, FALSE, false and False only.  Anything else "
	    "(\"yes\", \"regional\", \" true\") is ignored without a word, "
	    "and the pods keep the cluster's default: usually the global "
	    "STS endpoint, which fails in opt-in regions and private "
	    "networks without internet access.\n"
	    "Fix: write \"true\" or \"false\".",
	.check_object = check
};

static const char *const bools[] = {
	"1", "t", "T", "TRUE", "true", "True",
	"0", "f", "F", "FALSE", "false", "False"
};

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	size_t	 i, j;

	if (o->kind != K8S_SERVICEACCOUNT)
		return;
	for (i = 0; i < o->nannotations; i++) {
		if (strcmp(o->annotations[i].key, K8S_ANN_STS_REGIONAL) != 0)
			continue;
		for (j = 0; j < sizeof(bools) / sizeof(bools[0]); j++)
			if (strcmp(o->annotations[i].value, bools[j]) == 0)
				break;
		if (j < sizeof(bools) / sizeof(bools[0]))
			continue;
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &o->annotations[i].value_loc, "%s '%s' is not a boolean, "
		    "so the webhook ignores it: write \"true\" or \"false\"",
		    K8S_ANN_STS_REGIONAL, o->annotations[i].value);
	}
}
