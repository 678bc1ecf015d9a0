/* SPDX-License-Identifier: ISC */
/*
 * What the readers of tf_k8s.c and tf_k8s_helm.c share: a new
 * ServiceAccount of the Terraform side, one the inputs cannot decide,
 * the position of a value in the resource, and what an unknown value
 * depends on.
 */

#include <string.h>

#include "arena.h"
#include "input.h"

#include "tf_k8s.h"

/*
 * Where a string or an unknown of the sources was written, else
 * fallback.
 */
void
tfk_place(const struct kx *x, const cJSON *n, const struct loc *fallback,
    struct loc *out)
{
	*out = *fallback;
	if ((cJSON_IsString(n) || cJSON_IsRaw(n)) && n->valueint > 0 &&
	    (size_t)n->valueint <= x->c->nraw_locs)
		*out = x->c->raw_locs[n->valueint - 1];
	/* A value in a .tf file is never offered a fix. */
	out->end_line = out->end_col = 0;
}

/* An unknown's why (arena), or NULL when not said (a plan). */
const char *
tfk_why_of(const struct kx *x, const cJSON *n)
{
	if (!cJSON_IsRaw(n) || n->valuestring == NULL ||
	    *n->valuestring == '\0')
		return NULL;
	return arena_strdup(x->c->m->arena, n->valuestring);
}

/* A value's type in words, unknowns included. */
const char *
tfk_what(const cJSON *n)
{
	if (cJSON_IsRaw(n))
		return "unknown";
	return tf_type(n);
}

const char *
tf_why_role(struct model *m, const char *why)
{
	const char	*dot, *p;

	if (why == NULL || (p = strstr(why, "aws_iam_role.")) == NULL ||
	    strchr(why, ',') != NULL || strchr(why, ' ') != NULL)
		return NULL;
	if ((dot = strrchr(p, '.')) == NULL || dot < p + 13)
		return NULL;
	if (strcmp(dot, ".arn") != 0 && strcmp(dot, ".name") != 0 &&
	    strcmp(dot, ".id") != 0 && strcmp(dot, ".unique_id") != 0)
		return NULL;
	return arena_strndup(m->arena, why, (size_t)(dot - why));
}

struct tf_sa *
tfk_sa_new(struct kx *x)
{
	struct tf_sa	*t = model_add_tf_sa(x->c->m);

	t->address = arena_strdup(x->c->m->arena, x->r->address);
	t->type = arena_strdup(x->c->m->arena, x->r->type);
	t->loc = t->at = t->name_loc = t->ns_loc = x->res;
	return t;
}

/* No ServiceAccount can be told: why, at loc; chart when it decides. */
void
tfk_sa_undecided(struct kx *x, struct tf_sa *t, const struct loc *loc,
    int chart, const char *msg)
{
	if (t->undecided != NULL)
		return;
	t->undecided = arena_strdup(x->c->m->arena, msg);
	t->undecided_loc = *loc;
	t->chart = chart;
}
