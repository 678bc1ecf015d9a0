/* SPDX-License-Identifier: ISC */
/* Flag keys given twice in a mapping the linter reads. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "rule.h"
#include "xalloc.h"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);

const struct rule rule_irsa_duplicate_key = {
	.id = "irsa-duplicate-key",
	.severity = SEV_WARNING,
	.summary = "mapping key given twice; the last one wins",
	.explain =
	    "YAML forbids a key twice in one mapping, but the decoder "
	    "Kubernetes uses keeps the last value without a word (kubectl "
	    "at most warns).  A second namespace: or role-arn annotation, "
	    "often left by a merge or a copy, silently replaces the first, "
	    "and the reader of the file sees the wrong one.  irsalint, like "
	    "Kubernetes, uses the last value.\n"
	    "Fix: delete the key that should not be there.",
	.check_object = check
};

static const struct kv_pos *sort_base;

static int
by_key(const void *a, const void *b)
{
	const struct kv_pos	*x = &sort_base[*(const size_t *)a];
	const struct kv_pos	*y = &sort_base[*(const size_t *)b];
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* Sort indices by key, so that each repeat is next to the one before. */
static void
check_ann(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o, const struct kv_pos *ann, size_t n,
    const char *path)
{
	struct diag	*d;
	size_t		*ix, i;

	if (n < 2)
		return;
	ix = xreallocarray(NULL, n, sizeof(*ix));
	for (i = 0; i < n; i++)
		ix[i] = i;
	sort_base = ann;
	qsort(ix, n, sizeof(*ix), by_key);
	for (i = 1; i < n; i++) {
		if (strcmp(ann[ix[i]].key, ann[ix[i - 1]].key) != 0)
			continue;
		d = rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &ann[ix[i]].key_loc, "%s key %s is given twice; this "
		    "value wins, as in Kubernetes", path, ann[ix[i]].key);
		diag_related(ctx->dg, d, &ann[ix[i - 1]].key_loc, NULL,
		    "the value given before");
	}
	free(ix);
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	const struct k8s_dup	*dup;
	struct diag		*d;
	size_t			 i;

	for (i = 0; i < o->more->ndups; i++) {
		dup = &o->more->dups[i];
		d = rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &dup->loc, "key %s is given twice; this value wins, "
		    "as in Kubernetes", dup->path);
		diag_related(ctx->dg, d, &dup->first, NULL,
		    "the value given before");
	}
	check_ann(r, ctx, o, o->annotations, o->nannotations,
	    "metadata.annotations");
	check_ann(r, ctx, o, o->more->tmpl_annotations,
	    o->more->ntmpl_annotations, "pod template annotation");
}
