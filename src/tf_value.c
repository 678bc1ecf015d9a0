/* SPDX-License-Identifier: ISC */
/*
 * The Terraform JSON loader's reading of values: paths of keys, the
 * type of a value for messages, strings kept in the arena, what
 * after_unknown marks, arrays of strings with unknown elements.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"
#include "tf.h"
#include "util.h"

/*
 * Where the objects of the resource being read stand: the file of a
 * plan (line 0), or the block in the sources (c->at).
 */
void
tf_loc(const struct tf_ctx *c, struct loc *loc)
{
	if (c->at != NULL) {
		*loc = *c->at;
		return;
	}
	memset(loc, 0, sizeof(*loc));
	loc->file = c->file;
}

/* Follow a NULL-terminated path of object keys; NULL where it breaks. */
const cJSON *
tf_get(const cJSON *j, ...)
{
	va_list		 ap;
	const char	*key;

	va_start(ap, j);
	while (j != NULL && (key = va_arg(ap, const char *)) != NULL)
		j = cJSON_GetObjectItemCaseSensitive(j, key);
	va_end(ap);
	return j;
}

/* A JSON value's type in words, for messages. */
const char *
tf_type(const cJSON *v)
{
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsArray(v))
		return "an array";
	return "an object";
}

/*
 * Like tf_str, for the attributes the rules depend on: a value of the
 * wrong type is an input error, never a silent "unknown".
 */
const char *
tf_attr(struct tf_ctx *c, const struct tf_res *r, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(r->values, key);
	struct loc	 loc;

	tf_loc(c, &loc);

	if (v != NULL && !cJSON_IsString(v) && !cJSON_IsNull(v))
		diag_error(c->dg, &loc, "%s: %s is %s, not a string",
		    r->address, key, tf_type(v));
	return tf_str(c, r->values, key);
}

const char *
tf_str(struct tf_ctx *c, const cJSON *obj, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return NULL;
	return arena_strdup(c->m->arena, v->valuestring);
}

/* Is attribute key marked unknown-until-apply in after_unknown? */
int
tf_unknown(const cJSON *unknown, const char *key)
{
	if (unknown == NULL)
		return 0;
	if (cJSON_IsTrue(unknown))
		return 1;
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(unknown, key));
}

/*
 * Strings of a JSON array into an arena strv.  A null element, or one
 * that after_unknown marks, is unknown until apply: it becomes NULL.
 */
void
tf_strv(struct tf_ctx *c, const cJSON *arr, const cJSON *unk,
    struct strv *out)
{
	const cJSON	*e;
	size_t		 i = 0;

	out->n = 0;
	out->v = arena_alloc(c->m->arena, ((size_t)cJSON_GetArraySize(arr) +
	    1) * sizeof(char *));
	cJSON_ArrayForEach(e, arr) {
		if (cJSON_IsString(e) && !cJSON_IsTrue(cJSON_GetArrayItem(unk,
		    (int)i)))
			out->v[out->n++] = arena_strdup(c->m->arena,
			    e->valuestring);
		else
			out->v[out->n++] = NULL;
		i++;
	}
}
