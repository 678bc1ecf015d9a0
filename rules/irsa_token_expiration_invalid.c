/* SPDX-License-Identifier: ISC */
/* Flag token-expiration annotations the webhook ignores or changes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "rule.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);
static void	check_list(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *, const struct kv_pos *, size_t);

const struct rule rule_irsa_token_expiration_invalid = {
	.id = "irsa-token-expiration-invalid",
	.severity = SEV_WARNING,
	.summary = "token-expiration is not an integer from 600 to 86400",
	.explain =
	    "The webhook parses eks.amazonaws.com/token-expiration (on the "
	    "ServiceAccount, or on the pod, which wins) as a base-10 "
	    "integer of seconds.  A value it cannot parse (\"1h\", \"3600s\", "
	    "\" 3600\") is ignored without a word and the default of 86400 "
	    "applies; a value below 600 is raised to 600; a value above "
	    "86400, the longest token EKS means to issue, is passed on "
	    "unchecked.\n"
	    "Fix: write a plain number of seconds from 600 to 86400.",
	.check_object = check
};

/* Go's strconv.ParseInt(s, 10, 64): a sign, then digits, nothing else. */
static int
parse_int(const char *s, long long *v)
{
	const char	*p = s;
	char		*end;

	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	errno = 0;
	*v = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0';
}

static void
check_list(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o, const struct kv_pos *ann, size_t n)
{
	long long	 v;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (strcmp(ann[i].key, K8S_ANN_TOKEN_EXP) != 0)
			continue;
		if (!parse_int(ann[i].value, &v))
			rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
			    &ann[i].value_loc, "%s '%s' is not an integer, "
			    "so the webhook ignores it: write a number of "
			    "seconds", K8S_ANN_TOKEN_EXP, ann[i].value);
		else if (v < 600)
			rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
			    &ann[i].value_loc, "%s %lld is below 600 "
			    "seconds, so the webhook raises it to 600: write "
			    "600 or more", K8S_ANN_TOKEN_EXP, v);
		else if (v > 86400)
			rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
			    &ann[i].value_loc, "%s %lld is above 86400 "
			    "seconds (24 hours), which the webhook does not "
			    "enforce: write 86400 or less", K8S_ANN_TOKEN_EXP,
			    v);
	}
}

/* Where the webhook reads it: the ServiceAccount and the pod. */
static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	const struct kv_pos	*ann;
	size_t			 n;

	if (o->kind == K8S_SERVICEACCOUNT)
		check_list(r, ctx, o, o->annotations, o->nannotations);
	else if (k8s_kind_is_workload(o->kind)) {
		ann = k8s_pod_annotations(o, &n);
		check_list(r, ctx, o, ann, n);
	}
}
