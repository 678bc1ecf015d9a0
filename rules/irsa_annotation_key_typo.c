/* SPDX-License-Identifier: ISC */
/* Flag annotation keys a few typos away from those the webhook reads. */
#include <ctype.h>
#include <string.h>

#include "bind.h"
#include "model.h"
#include "rule.h"
#include "util.h"

#define KEY_DOMAIN	"eks.amazonaws.com"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);

const struct rule rule_irsa_annotation_key_typo = {
	.id = "irsa-annotation-key-typo",
	.severity = SEV_ERROR,
	.summary = "annotation key is a misspelt eks.amazonaws.com key",
	.explain =
	    "The pod identity webhook looks up its annotations by exact "
	    "key.  eks.amazonaws.com/role_arn, eks.amazonaws.com/rolearn or "
	    "eks.amazon.com/role-arn are ordinary annotations to Kubernetes: "
	    "the ServiceAccount is accepted, the webhook finds no role, and "
	    "the pods run with the node's instance role or no credentials "
	    "at all, without any error.  The same holds for the audience, "
	    "sts-regional-endpoints, token-expiration and skip-containers "
	    "keys.\n"
	    "Fix: spell the key exactly as in the message.",
	.check_object = check
};

static const char *const known[] = {
	ANN_ROLE_ARN, ANN_AUDIENCE, K8S_ANN_STS_REGIONAL, K8S_ANN_TOKEN_EXP,
	K8S_ANN_SKIP
};

/* Lowercase letters and digits only: role_arn, roleArn -> rolearn. */
static void
squash(const char *s, size_t n, char *out, size_t outlen)
{
	size_t	 j = 0;

	for (; n > 0 && *s != '\0'; s++, n--)
		if (isalnum((unsigned char)*s) && j + 1 < outlen)
			out[j++] = (char)tolower((unsigned char)*s);
	out[j] = '\0';
}

/*
 * Is key a misspelling of k?  Either both squash to the same letters,
 * or the domain is within a few edits of eks.amazonaws.com and the
 * name after the slash within one or two of k's (or a cut-off prefix
 * of it, as in eks.amazonaws.com/role).
 */
static int
is_typo(const char *key, const char *k)
{
	char		 a[256], b[256], dom[256];
	const char	*slash = strrchr(key, '/'), *kname;
	size_t		 dl, d, max;

	kname = strchr(k, '/') + 1;
	squash(key, strlen(key), a, sizeof(a));
	squash(k, strlen(k), b, sizeof(b));
	if (strcmp(a, b) == 0)
		return 1;
	squash(kname, strlen(kname), b, sizeof(b));
	if (slash == NULL)
		return strcmp(a, b) == 0;
	dl = (size_t)(slash - key);
	if (dl >= sizeof(dom))
		return 0;
	memcpy(dom, key, dl);
	dom[dl] = '\0';
	if (edit_distance(dom, KEY_DOMAIN, 4) > 4)
		return 0;
	squash(slash + 1, strlen(slash + 1), a, sizeof(a));
	if (strcmp(a, b) == 0)
		return 1;
	max = strlen(b) >= 8 ? 2 : 1;
	if ((d = edit_distance(a, b, max)) <= max)
		return 1;
	return strcmp(dom, KEY_DOMAIN) == 0 && strlen(a) >= 4 &&
	    strncmp(a, b, strlen(a)) == 0;
}

static void
check_list(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o, const struct kv_pos *ann, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < sizeof(known) / sizeof(known[0]); j++)
			if (strcmp(ann[i].key, known[j]) == 0)
				break;
		if (j < sizeof(known) / sizeof(known[0]))
			continue;
		for (j = 0; j < sizeof(known) / sizeof(known[0]); j++)
			if (is_typo(ann[i].key, known[j]))
				break;
		if (j == sizeof(known) / sizeof(known[0]))
			continue;
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &ann[i].key_loc, "annotation key %s is not %s, so the "
		    "webhook ignores it: write %s", ann[i].key, known[j],
		    known[j]);
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	check_list(r, ctx, o, o->annotations, o->nannotations);
	check_list(r, ctx, o, o->tmpl_annotations, o->ntmpl_annotations);
}
