/* SPDX-License-Identifier: ISC */
/* Flag misspelt metadata keys, which Kubernetes silently drops. */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "rule.h"
#include "util.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);

const struct rule rule_irsa_metadata_key_typo = {
	.id = "irsa-metadata-key-typo",
	.severity = SEV_ERROR,
	.summary = "misspelt metadata key is dropped by Kubernetes",
	.explain =
	    "Kubernetes drops fields it does not know, with at most a "
	    "warning from kubectl: a ServiceAccount with metadata.annorations "
	    "or metadata.anotations is created without any annotation, one "
	    "with meta: instead of metadata: has no name at all, and a pod "
	    "template's misspelt annotations never reach the pods.  The "
	    "webhook then sees no role-arn, and the pods silently run "
	    "without IRSA.\n"
	    "Fix: spell the key as the message suggests.",
	.check_object = check
};

/* Two adjacent characters swapped: one typo, two Levenshtein edits. */
static int
swapped(const char *a, const char *b)
{
	size_t	 i, n = strlen(a);

	if (n != strlen(b))
		return 0;
	for (i = 0; i + 1 < n && a[i] == b[i]; i++)
		continue;
	return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	    strcmp(a + i + 2, b + i + 2) == 0;
}

/* Is key a plausible misspelling of real? */
static int
close_to(const char *key, const char *real)
{
	size_t	 n = strlen(real), max = n <= 5 ? 1 : n < 12 ? 2 : 3;

	return strcasecmp(key, real) == 0 || swapped(key, real) ||
	    edit_distance(key, real, max) <= max;
}

static const char *
meta_suggestion(const char *key)
{
	size_t	 i;

	if (k8s_meta_field(key))
		return NULL;
	for (i = 0; k8s_meta_fields[i] != NULL; i++)
		if (close_to(key, k8s_meta_fields[i]))
			return k8s_meta_fields[i];
	return NULL;
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	const struct k8s_key	*k;
	const char		*want, *where;
	size_t			 i;

	for (i = 0; i < o->more->nstray; i++) {
		k = &o->more->stray[i];
		if (k->where == K8S_AT_TOP) {
			if (!close_to(k->key, "metadata") &&
			    (strlen(k->key) < 4 ||
			    strncmp(k->key, "metadata", strlen(k->key)) != 0))
				continue;
			want = "metadata";
			where = "key";
		} else {
			if ((want = meta_suggestion(k->key)) == NULL)
				continue;
			where = k->where == K8S_AT_META ? "metadata key" :
			    "pod template metadata key";
		}
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o, &k->loc,
		    "%s %s is not a Kubernetes field and is dropped: write %s",
		    where, k->key, want);
	}
}
