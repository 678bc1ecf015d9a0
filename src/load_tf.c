/* SPDX-License-Identifier: ISC */
/*
 * Terraform JSON loader: `terraform show -json` of a plan or of state,
 * and the raw terraform.tfstate (version 4) file.  It copies the IAM and
 * EKS resources IRSA depends on into the model and frees the cJSON tree.
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "util.h"

/* One resource instance as the three formats present it. */
struct tf_res {
	const char	*address;
	const char	*type;
	const cJSON	*values;	/* attributes; never NULL */
	const cJSON	*unknown;	/* after_unknown, or NULL */
};

struct tf_ctx {
	struct model	*m;
	struct diags	*dg;
	const char	*file;
};

static void		 tf_resource(struct tf_ctx *, const struct tf_res *);
static void		 tf_module(struct tf_ctx *, const cJSON *, int);
static void		 tf_plan(struct tf_ctx *, const cJSON *);
static void		 tf_rawstate(struct tf_ctx *, const cJSON *);
static const char	*tf_str(struct tf_ctx *, const cJSON *, const char *);
static int		 tf_unknown(const cJSON *, const char *);
static void		 tf_offset_loc(const char *, size_t, size_t,
			    struct loc *);

static const char *
tf_str(struct tf_ctx *c, const cJSON *obj, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return NULL;
	return arena_strdup(c->m->arena, v->valuestring);
}

/* Is attribute key marked unknown-until-apply in after_unknown? */
static int
tf_unknown(const cJSON *unknown, const char *key)
{
	if (unknown == NULL)
		return 0;
	if (cJSON_IsTrue(unknown))
		return 1;
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(unknown, key));
}

static void
tf_role(struct tf_ctx *c, const struct tf_res *r)
{
	struct tf_role	*role;
	const char	*path;
	char		 err[256];

	role = model_add_role(c->m);
	role->address = arena_strdup(c->m->arena, r->address);
	role->loc.file = c->file;
	role->name = tf_str(c, r->values, "name");
	role->name_unknown = role->name == NULL && tf_unknown(r->unknown, "name");
	role->name_prefix = tf_str(c, r->values, "name_prefix");
	if ((path = tf_str(c, r->values, "path")) != NULL)
		role->path = path;
	role->arn = tf_str(c, r->values, "arn");
	role->policy_json = tf_str(c, r->values, "assume_role_policy");
	if (role->policy_json == NULL) {
		role->policy_unknown = tf_unknown(r->unknown,
		    "assume_role_policy");
		return;
	}
	if (policy_parse(c->m->arena, role->policy_json,
	    strlen(role->policy_json), &role->trust, err, sizeof(err)) == -1) {
		role->trust = NULL;
		role->trust_error = arena_strdup(c->m->arena, err);
		diag_error(c->dg, &role->loc,
		    "%s: assume_role_policy is not a valid policy: %s",
		    role->address, err);
	}
}

static void
tf_provider(struct tf_ctx *c, const struct tf_res *r)
{
	struct tf_provider	*p;
	const cJSON		*ids, *id;
	const char		*url;
	size_t			 n;

	p = model_add_provider(c->m);
	p->address = arena_strdup(c->m->arena, r->address);
	p->loc.file = c->file;
	if ((url = tf_str(c, r->values, "url")) != NULL)
		p->url = strip_scheme(url);
	p->arn = tf_str(c, r->values, "arn");
	ids = cJSON_GetObjectItemCaseSensitive(r->values, "client_id_list");
	if (!cJSON_IsArray(ids)) {
		p->client_ids_unknown = tf_unknown(r->unknown, "client_id_list");
		return;
	}
	n = (size_t)cJSON_GetArraySize(ids);
	p->client_ids = arena_alloc(c->m->arena, (n + 1) * sizeof(char *));
	cJSON_ArrayForEach(id, ids)
		if (cJSON_IsString(id))
			p->client_ids[p->nclient_ids++] =
			    arena_strdup(c->m->arena, id->valuestring);
		else
			p->client_ids_unknown = 1;
}

static void
tf_cluster(struct tf_ctx *c, const struct tf_res *r)
{
	struct tf_cluster	*k;
	const cJSON		*id, *oidc;

	k = model_add_cluster(c->m);
	k->address = arena_strdup(c->m->arena, r->address);
	k->loc.file = c->file;
	k->name = tf_str(c, r->values, "name");
	id = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r->values,
	    "identity"), 0);
	oidc = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(id,
	    "oidc"), 0);
	if (oidc != NULL)
		k->issuer = tf_str(c, oidc, "issuer");
}

static void
tf_role_policy(struct tf_ctx *c, const struct tf_res *r, int is_inline)
{
	struct tf_role_policy	*p;

	p = model_add_role_policy(c->m);
	p->address = arena_strdup(c->m->arena, r->address);
	p->loc.file = c->file;
	p->role = tf_str(c, r->values, "role");
	p->policy_arn = tf_str(c, r->values, "policy_arn");
	p->is_inline = is_inline;
}

/* Keep the resource types the model knows; ignore every other one. */
static void
tf_resource(struct tf_ctx *c, const struct tf_res *r)
{
	if (!cJSON_IsObject(r->values))
		return;
	if (strcmp(r->type, "aws_iam_role") == 0)
		tf_role(c, r);
	else if (strcmp(r->type, "aws_iam_openid_connect_provider") == 0)
		tf_provider(c, r);
	else if (strcmp(r->type, "aws_eks_cluster") == 0)
		tf_cluster(c, r);
	else if (strcmp(r->type, "aws_iam_role_policy_attachment") == 0)
		tf_role_policy(c, r, 0);
	else if (strcmp(r->type, "aws_iam_role_policy") == 0)
		tf_role_policy(c, r, 1);
}

/*
 * A module of the values representation (planned_values, or state
 * shown as JSON): managed resources, then child modules, recursively.
 * Deposed objects are skipped: they are on their way out.
 */
static void
tf_module(struct tf_ctx *c, const cJSON *mod, int depth)
{
	const cJSON	*res, *child;
	struct tf_res	 r;
	const char	*mode;

	if (depth > LOAD_MAX_DEPTH || !cJSON_IsObject(mod))
		return;
	cJSON_ArrayForEach(res, cJSON_GetObjectItemCaseSensitive(mod,
	    "resources")) {
		mode = tf_str(c, res, "mode");
		if (mode == NULL || strcmp(mode, "managed") != 0 ||
		    cJSON_GetObjectItemCaseSensitive(res, "deposed_key") != NULL)
			continue;
		r.address = tf_str(c, res, "address");
		r.type = tf_str(c, res, "type");
		r.values = cJSON_GetObjectItemCaseSensitive(res, "values");
		r.unknown = NULL;
		if (r.address != NULL && r.type != NULL)
			tf_resource(c, &r);
	}
	cJSON_ArrayForEach(child, cJSON_GetObjectItemCaseSensitive(mod,
	    "child_modules"))
		tf_module(c, child, depth + 1);
}

/*
 * A plan: resource_changes says what each resource will be after apply
 * and which attributes are still unknown.  Objects being deleted or
 * forgotten, and deposed objects, will not exist afterwards.
 */
static void
tf_plan(struct tf_ctx *c, const cJSON *root)
{
	const cJSON	*rcs, *rc, *change, *actions, *a;
	struct tf_res	 r;
	const char	*mode;
	int		 stays;

	rcs = cJSON_GetObjectItemCaseSensitive(root, "resource_changes");
	if (!cJSON_IsArray(rcs)) {
		tf_module(c, cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(root, "planned_values"),
		    "root_module"), 0);
		return;
	}
	cJSON_ArrayForEach(rc, rcs) {
		mode = tf_str(c, rc, "mode");
		if (mode == NULL || strcmp(mode, "managed") != 0 ||
		    cJSON_GetObjectItemCaseSensitive(rc, "deposed") != NULL)
			continue;
		change = cJSON_GetObjectItemCaseSensitive(rc, "change");
		actions = cJSON_GetObjectItemCaseSensitive(change, "actions");
		stays = 0;
		cJSON_ArrayForEach(a, actions)
			if (cJSON_IsString(a) &&
			    strcmp(a->valuestring, "delete") != 0 &&
			    strcmp(a->valuestring, "forget") != 0)
				stays = 1;
		if (!stays)
			continue;
		r.address = tf_str(c, rc, "address");
		r.type = tf_str(c, rc, "type");
		r.values = cJSON_GetObjectItemCaseSensitive(change, "after");
		r.unknown = cJSON_GetObjectItemCaseSensitive(change,
		    "after_unknown");
		if (r.address != NULL && r.type != NULL)
			tf_resource(c, &r);
	}
}

/* Raw terraform.tfstate, version 4: one entry per resource. */
static void
tf_rawstate(struct tf_ctx *c, const cJSON *root)
{
	const cJSON	*res, *inst, *key;
	struct tf_res	 r;
	const char	*mode, *module, *type, *name;

	cJSON_ArrayForEach(res, cJSON_GetObjectItemCaseSensitive(root,
	    "resources")) {
		mode = tf_str(c, res, "mode");
		module = tf_str(c, res, "module");
		type = tf_str(c, res, "type");
		name = tf_str(c, res, "name");
		if (mode == NULL || strcmp(mode, "managed") != 0 ||
		    type == NULL || name == NULL)
			continue;
		cJSON_ArrayForEach(inst, cJSON_GetObjectItemCaseSensitive(res,
		    "instances")) {
			if (cJSON_GetObjectItemCaseSensitive(inst,
			    "deposed") != NULL)
				continue;
			key = cJSON_GetObjectItemCaseSensitive(inst,
			    "index_key");
			if (cJSON_IsNumber(key))
				r.address = arena_printf(c->m->arena,
				    "%s%s%s.%s[%d]", module ? module : "",
				    module ? "." : "", type, name,
				    key->valueint);
			else if (cJSON_IsString(key))
				r.address = arena_printf(c->m->arena,
				    "%s%s%s.%s[\"%s\"]", module ? module : "",
				    module ? "." : "", type, name,
				    key->valuestring);
			else
				r.address = arena_printf(c->m->arena,
				    "%s%s%s.%s", module ? module : "",
				    module ? "." : "", type, name);
			r.type = type;
			r.values = cJSON_GetObjectItemCaseSensitive(inst,
			    "attributes");
			r.unknown = NULL;
			tf_resource(c, &r);
		}
	}
}

/* Turn a byte offset into a 1-based line and column. */
static void
tf_offset_loc(const char *data, size_t len, size_t off, struct loc *loc)
{
	size_t	 i;

	loc->line = 1;
	loc->col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (data[i] == '\n') {
			loc->line++;
			loc->col = 1;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80)
			loc->col++;
	}
}

void
load_tf(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	struct tf_ctx	 c = { m, dg, file };
	struct loc	 loc = { file, 0, 0, 0, 0 };
	const char	*end = NULL;
	cJSON		*root;

	m->ntf++;
	root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
	if (root == NULL) {
		/*
		 * cJSON points at the last byte when it ran out of input;
		 * report the end itself.  XXX A real error in the very last
		 * byte is reported as a truncation too.
		 */
		end = cJSON_GetErrorPtr();
		if (end != NULL && len > 0 && end == data + len - 1)
			end = data + len;
	} else
		while (end != NULL && end < data + len &&
		    strchr(" \t\r\n", *end) != NULL)
			end++;
	if (root == NULL || end != data + len) {
		if (end != NULL && end >= data && end <= data + len)
			tf_offset_loc(data, len, (size_t)(end - data), &loc);
		diag_error(dg, &loc, "cannot parse Terraform JSON: %s",
		    root != NULL ? "unexpected text after the JSON value" :
		    end != NULL && end == data + len ?
		    "unexpected end of input" : "invalid JSON");
		cJSON_Delete(root);
		return;
	}
	if (!cJSON_IsObject(root))
		diag_error(dg, &loc, "Terraform JSON: expected an object at "
		    "the top level");
	else if (cJSON_GetObjectItemCaseSensitive(root, "values") != NULL)
		tf_module(&c, cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(root, "values"),
		    "root_module"), 0);
	else if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root,
	    "resources")))
		tf_rawstate(&c, root);
	else
		tf_plan(&c, root);
	cJSON_Delete(root);
}
