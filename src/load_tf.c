/* SPDX-License-Identifier: ISC */
/*
 * Terraform JSON loader: `terraform show -json` of a plan or of state,
 * and the raw terraform.tfstate (version 4) file.  It copies the IAM and
 * EKS resources IRSA depends on into the model and frees the cJSON tree.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "input.h"
#include "jscan.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"
#include "util.h"

#include "tf.h"
#include "xjson.h"



static void
tf_role(struct tf_ctx *c, const struct tf_res *r)
{
	struct iam_role	*role;
	const char	*path;
	char		 err[256];

	role = model_add_role(c->m, SRC_TERRAFORM);
	role->address = arena_strdup(c->m->arena, r->address);
	tf_loc(c, &role->loc);
	role->name = tf_attr(c, r, "name");
	role->name_unknown = role->name == NULL && tf_unknown(r->unknown, "name");
	role->name_prefix = tf_attr(c, r, "name_prefix");
	if ((path = tf_attr(c, r, "path")) != NULL)
		role->path = path;
	role->arn = tf_attr(c, r, "arn");
	role->has_policies = cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(r->values, "inline_policy")) > 0 ||
	    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r->values,
	    "managed_policy_arns")) > 0;
	role->policy_json = tf_attr(c, r, "assume_role_policy");
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
	struct oidc_provider	*p;
	const cJSON		*ids, *id;
	const char		*url;
	size_t			 n;

	p = model_add_provider(c->m, SRC_TERRAFORM);
	p->address = arena_strdup(c->m->arena, r->address);
	tf_loc(c, &p->loc);
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
	struct eks_cluster	*k;
	const cJSON		*id, *oidc;

	k = model_add_cluster(c->m, SRC_TERRAFORM);
	k->address = arena_strdup(c->m->arena, r->address);
	tf_loc(c, &k->loc);
	k->name = tf_str(c, r->values, "name");
	id = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r->values,
	    "identity"), 0);
	oidc = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(id,
	    "oidc"), 0);
	if (oidc != NULL)
		k->issuer = tf_str(c, oidc, "issuer");
}

/* An attachment of r's policy to its role; NULL role when unknown. */
static struct role_policy *
tf_role_policy(struct tf_ctx *c, const struct tf_res *r, int is_inline)
{
	struct role_policy	*p;

	p = model_add_role_policy(c->m, SRC_TERRAFORM);
	p->address = arena_strdup(c->m->arena, r->address);
	tf_loc(c, &p->loc);
	p->role = tf_str(c, r->values, "role");
	p->policy_arn = tf_str(c, r->values, "policy_arn");
	p->is_inline = is_inline;
	return p;
}

/*
 * aws_iam_policy_attachment: one attachment for each role of roles
 * (users and groups do not matter here).  Roles known only after apply
 * leave one attachment naming no role, for tf_link_policy to resolve.
 */
static void
tf_policy_attachment(struct tf_ctx *c, const struct tf_res *r)
{
	struct role_policy	*p;
	const cJSON		*roles, *e;

	roles = cJSON_GetObjectItemCaseSensitive(r->values, "roles");
	if (cJSON_IsArray(roles) && !tf_unknown(r->unknown, "roles")) {
		cJSON_ArrayForEach(e, roles) {
			p = tf_role_policy(c, r, 0);
			p->role = cJSON_IsString(e) ? arena_strdup(c->m->arena,
			    e->valuestring) : NULL;
		}
	} else if (roles == NULL || tf_unknown(r->unknown, "roles"))
		(void)tf_role_policy(c, r, 0);
}

static void
tf_pod_identity(struct tf_ctx *c, const struct tf_res *r)
{
	struct pod_identity	*p;

	p = model_add_pod_identity(c->m, SRC_TERRAFORM);
	p->address = arena_strdup(c->m->arena, r->address);
	tf_loc(c, &p->loc);
	p->cluster = tf_str(c, r->values, "cluster_name");
	p->ns = tf_str(c, r->values, "namespace");
	p->sa = tf_str(c, r->values, "service_account");
	p->role_arn = tf_str(c, r->values, "role_arn");
}

/*
 * aws_eks_addon: the add-on, the role it is given and its
 * pod_identity_association blocks (a set: after_unknown marks the
 * roles known only after apply, element by element).  A plan places
 * nothing: every position is the resource's.
 */
static void
tf_addon(struct tf_ctx *c, const struct tf_res *r)
{
	struct eks_addon	*ad;
	struct eks_addon_pia	*pia;
	const cJSON		*pias, *e, *eu;
	struct loc		 loc;
	int			 i = 0;

	ad = model_add_addon(c->m, SRC_TERRAFORM);
	ad->address = arena_strdup(c->m->arena, r->address);
	tf_loc(c, &ad->loc);
	ad->name_loc = ad->role.key_loc = ad->role.value_loc = ad->loc;
	e = cJSON_GetObjectItemCaseSensitive(r->values, "addon_name");
	if ((ad->name = tf_attr(c, r, "addon_name")) == NULL &&
	    (e == NULL || cJSON_IsNull(e)) &&
	    !tf_unknown(r->unknown, "addon_name"))
		diag_error(c->dg, &ad->loc, "%s: no addon_name; the add-on "
		    "needs one", r->address);
	ad->cluster = tf_str(c, r->values, "cluster_name");
	ad->role.value = tf_attr(c, r, "service_account_role_arn");
	if (ad->role.value != NULL || tf_unknown(r->unknown,
	    "service_account_role_arn"))
		ad->role.key = "service_account_role_arn";
	pias = cJSON_GetObjectItemCaseSensitive(r->values,
	    "pod_identity_association");
	if (pias == NULL || cJSON_IsNull(pias))
		return;
	if (!cJSON_IsArray(pias)) {
		diag_error(c->dg, &ad->loc, "%s: pod_identity_association is "
		    "%s, not a list of blocks", r->address, tf_type(pias));
		return;
	}
	ad->pias = arena_alloc(c->m->arena, ((size_t)cJSON_GetArraySize(pias) +
	    1) * sizeof(*ad->pias));
	cJSON_ArrayForEach(e, pias) {
		eu = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
		    r->unknown, "pod_identity_association"), i++);
		tf_loc(c, &loc);
		if (!cJSON_IsObject(e)) {
			diag_error(c->dg, &loc, "%s: pod_identity_association"
			    "[%d] is %s, not a block", r->address, i - 1,
			    tf_type(e));
			continue;
		}
		pia = &ad->pias[ad->npias];
		pia->loc = loc;
		pia->sa = tf_str(c, e, "service_account");
		pia->role_arn = tf_str(c, e, "role_arn");
		if ((pia->sa == NULL && !tf_unknown(eu, "service_account")) ||
		    (pia->role_arn == NULL && !tf_unknown(eu, "role_arn"))) {
			diag_error(c->dg, &loc, "%s: pod_identity_association"
			    "[%d] has no %s string; the block needs one",
			    r->address, i - 1, pia->sa == NULL ?
			    "service_account" : "role_arn");
			continue;
		}
		ad->npias++;
	}
}

/* Keep the resource types the model knows; ignore every other one. */
void
tf_resource(struct tf_ctx *c, const struct tf_res *r)
{
	struct loc	 loc;

	tf_loc(c, &loc);
	if (strcmp(r->type, "aws_iam_role") != 0 &&
	    strcmp(r->type, "aws_iam_openid_connect_provider") != 0 &&
	    strcmp(r->type, "aws_eks_cluster") != 0 &&
	    strcmp(r->type, "aws_iam_role_policy_attachment") != 0 &&
	    strcmp(r->type, "aws_iam_role_policy") != 0 &&
	    strcmp(r->type, "aws_iam_policy_attachment") != 0 &&
	    strcmp(r->type, "aws_eks_pod_identity_association") != 0 &&
	    strcmp(r->type, "aws_eks_addon") != 0 && !tf_k8s_wanted(r->type))
		return;
	if (!cJSON_IsObject(r->values)) {
		diag_error(c->dg, &loc, "%s: its attributes are %s, not an "
		    "object", r->address, r->values == NULL ? "missing" :
		    tf_type(r->values));
		return;
	}
	if (strcmp(r->type, "aws_iam_role") == 0)
		tf_role(c, r);
	else if (strcmp(r->type, "aws_iam_openid_connect_provider") == 0)
		tf_provider(c, r);
	else if (strcmp(r->type, "aws_eks_cluster") == 0)
		tf_cluster(c, r);
	else if (strcmp(r->type, "aws_iam_role_policy_attachment") == 0)
		(void)tf_role_policy(c, r, 0);
	else if (strcmp(r->type, "aws_iam_role_policy") == 0)
		(void)tf_role_policy(c, r, 1);
	else if (strcmp(r->type, "aws_iam_policy_attachment") == 0)
		tf_policy_attachment(c, r);
	else if (strcmp(r->type, "aws_eks_pod_identity_association") == 0)
		tf_pod_identity(c, r);
	else if (strcmp(r->type, "aws_eks_addon") == 0)
		tf_addon(c, r);
	else
		tf_k8s_resource(c, r);
}

/* A managed resource of the values representation (plan or state). */
static void
tf_value_resource(struct tf_ctx *c, const cJSON *res)
{
	struct tf_res	 r;
	const char	*mode;

	mode = tf_str(c, res, "mode");
	if (mode == NULL || strcmp(mode, "managed") != 0 ||
	    cJSON_GetObjectItemCaseSensitive(res, "deposed_key") != NULL)
		return;
	r.address = tf_str(c, res, "address");
	r.type = tf_str(c, res, "type");
	r.values = cJSON_GetObjectItemCaseSensitive(res, "values");
	r.unknown = NULL;
	if (r.address != NULL && r.type != NULL)
		tf_resource(c, &r);
}

/*
 * A data source of the values representation (prior_state): the policy
 * documents that were fully known when the plan was made.
 */
static void
tf_value_data(struct tf_ctx *c, const cJSON *res)
{
	const char	*mode, *type, *addr;

	mode = tf_str(c, res, "mode");
	type = tf_str(c, res, "type");
	addr = tf_str(c, res, "address");
	if (mode != NULL && strcmp(mode, "data") == 0 && type != NULL &&
	    strcmp(type, "aws_iam_policy_document") == 0 && addr != NULL)
		tf_doc(c, addr, cJSON_GetObjectItemCaseSensitive(res, "values"),
		    NULL);
}

/*
 * One element of a plan's resource_changes: what the resource will be
 * after apply and which attributes are still unknown.  Objects being
 * deleted or forgotten, and deposed objects, will not exist afterwards;
 * a data source read during apply is partly unknown now.
 */
static void
tf_change(struct tf_ctx *c, const cJSON *rc)
{
	const cJSON	*change, *a;
	struct tf_res	 r;
	const char	*mode;
	int		 stays = 0;

	mode = tf_str(c, rc, "mode");
	change = cJSON_GetObjectItemCaseSensitive(rc, "change");
	r.type = tf_str(c, rc, "type");
	r.address = tf_str(c, rc, "address");
	if (mode == NULL || r.type == NULL || r.address == NULL)
		return;
	if (strcmp(mode, "data") == 0 &&
	    strcmp(r.type, "aws_iam_policy_document") == 0) {
		tf_doc(c, r.address, cJSON_GetObjectItemCaseSensitive(change,
		    "after"), cJSON_GetObjectItemCaseSensitive(change,
		    "after_unknown"));
		return;
	}
	if (strcmp(mode, "managed") != 0 ||
	    cJSON_GetObjectItemCaseSensitive(rc, "deposed") != NULL)
		return;
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(change,
	    "actions"))
		if (cJSON_IsString(a) && strcmp(a->valuestring, "delete") != 0 &&
		    strcmp(a->valuestring, "forget") != 0)
			stays = 1;
	if (!stays)
		return;
	r.values = cJSON_GetObjectItemCaseSensitive(change, "after");
	r.unknown = cJSON_GetObjectItemCaseSensitive(change, "after_unknown");
	tf_resource(c, &r);
}

/* One resource of a raw state (version 4), with all its instances. */
static void
tf_raw_resource(struct tf_ctx *c, const cJSON *res)
{
	const cJSON	*inst, *key;
	struct tf_res	 r;
	const char	*mode, *module, *type, *name, *pre, *dot;

	mode = tf_str(c, res, "mode");
	module = tf_str(c, res, "module");
	type = tf_str(c, res, "type");
	name = tf_str(c, res, "name");
	if (mode == NULL || strcmp(mode, "managed") != 0 || type == NULL ||
	    name == NULL)
		return;
	pre = module != NULL ? module : "";
	dot = module != NULL ? "." : "";
	cJSON_ArrayForEach(inst, cJSON_GetObjectItemCaseSensitive(res,
	    "instances")) {
		if (cJSON_GetObjectItemCaseSensitive(inst, "deposed") != NULL)
			continue;
		key = cJSON_GetObjectItemCaseSensitive(inst, "index_key");
		if (cJSON_IsNumber(key))
			r.address = arena_printf(c->m->arena, "%s%s%s.%s[%d]",
			    pre, dot, type, name, key->valueint);
		else if (cJSON_IsString(key))
			r.address = arena_printf(c->m->arena,
			    "%s%s%s.%s[\"%s\"]", pre, dot, type, name,
			    key->valuestring);
		else
			r.address = arena_printf(c->m->arena, "%s%s%s.%s",
			    pre, dot, type, name);
		r.type = type;
		r.values = cJSON_GetObjectItemCaseSensitive(inst, "attributes");
		r.unknown = NULL;
		tf_resource(c, &r);
	}
}

/*
 * The streaming part.  A plan or state is scanned without building a
 * tree; only the array elements that can hold a resource the model
 * keeps (their text names an aws_iam_, aws_eks_ or kubernetes_ type, or
 * helm_release) are parsed with
 * cJSON, one at a time.  This keeps time and memory close to reading
 * the file: most of a large plan is buckets, networks and clusters.
 */
typedef void	(*tf_handler)(struct tf_ctx *, const cJSON *);

static int
tf_wanted(const struct jspan *sp)
{
	size_t	 n = (size_t)(sp->end - sp->start);

	return mem_find(sp->start, n, "\"aws_iam_", 9) != NULL ||
	    mem_find(sp->start, n, "\"aws_eks_", 9) != NULL ||
	    mem_find(sp->start, n, "\"kubernetes_", 12) != NULL ||
	    mem_find(sp->start, n, "\"helm_release\"", 14) != NULL;
}

/* Parse one element the filter let through and hand it on. */
static void
tf_element(struct tf_ctx *c, const struct jspan *sp, tf_handler fn)
{
	cJSON		*e;
	struct loc	 loc = { c->file, 0, 0, 0, 0 };

	if (!tf_wanted(sp))
		return;
	if ((e = xjson_parse(sp->start,
	    (size_t)(sp->end - sp->start), NULL)) == NULL) {
		input_loc_from_offset(c->data, c->len,
		    (size_t)(sp->start - c->data), &loc);
		diag_error(c->dg, &loc, "cannot parse Terraform JSON: invalid "
		    "element");
		return;
	}
	fn(c, e);
	cJSON_Delete(e);
}

/* Every element of the array at the scanner's position. */
static int
tf_each(struct tf_ctx *c, struct jscan *j, tf_handler fn)
{
	struct jspan	 sp;
	int		 r;

	if (jscan_peek(j) != '[') {
		/* Not an array: scan it for errors, use nothing. */
		return jscan_value(j, &sp) == -1 ? -1 : 1;
	}
	if (jscan_array(j) == -1)
		return -1;
	while ((r = jscan_element(j)) == 1) {
		if (jscan_value(j, &sp) == -1)
			return -1;
		tf_element(c, &sp, fn);
	}
	return r;
}

/*
 * A module of the values representation at the scanner's position:
 * its resources, then its child modules, recursively.
 */
static int
tf_stream_module(struct tf_ctx *c, struct jscan *j, tf_handler fn)
{
	struct jspan	 sp;
	const char	*key;
	size_t		 klen;
	int		 r;

	if (jscan_peek(j) != '{')
		return jscan_value(j, &sp);
	if (jscan_object(j) == -1)
		return -1;
	while ((r = jscan_member(j, &key, &klen)) == 1) {
		if (jscan_key_is(key, klen, "resources"))
			r = tf_each(c, j, fn);
		else if (jscan_key_is(key, klen, "child_modules")) {
			if (jscan_peek(j) != '[')
				r = jscan_value(j, &sp);
			else if ((r = jscan_array(j)) == 0)
				while ((r = jscan_element(j)) == 1)
					if (tf_stream_module(c, j, fn) == -1)
						return -1;
		} else
			r = jscan_value(j, &sp);
		if (r == -1)
			return -1;
	}
	return r;
}

/*
 * Scan the module at the end of a NULL-terminated path of object keys
 * inside span, e.g. values → root_module of prior_state.
 */
static void
tf_stream_path(struct tf_ctx *c, const struct jspan *span,
    const char *const *keys, tf_handler fn)
{
	struct jscan	 j;
	struct jspan	 sp;
	const char	*key;
	size_t		 klen;

	if (span->start == NULL)
		return;
	jscan_init(&j, span->start, (size_t)(span->end - span->start),
	    LOAD_MAX_DEPTH);
	for (; *keys != NULL; keys++) {
		if (jscan_peek(&j) != '{' || jscan_object(&j) == -1)
			return;
		while (jscan_member(&j, &key, &klen) == 1 &&
		    !jscan_key_is(key, klen, *keys))
			if (jscan_value(&j, &sp) == -1)
				return;
		if (j.err != NULL || j.p[-1] == '}')
			return;		/* not found */
	}
	(void)tf_stream_module(c, &j, fn);
}

/* Report a scanner error at its position. */
static void
tf_scan_error(struct tf_ctx *c, const struct jscan *j)
{
	struct loc	 loc = { c->file, 0, 0, 0, 0 };
	const char	*msg = j->err;

	input_loc_from_offset(c->data, c->len, (size_t)(j->errpos - c->data),
	    &loc);
	if (strcmp(msg, "nested too deeply") == 0)
		diag_error(c->dg, &loc, "cannot parse Terraform JSON: nested "
		    "deeper than %d levels", LOAD_MAX_DEPTH);
	else
		diag_error(c->dg, &loc, "cannot parse Terraform JSON: %s", msg);
}

/* The top-level values load_tf looks at, as spans of the input. */
struct tf_top {
	struct jspan	 format_version, terraform_version;
	struct jspan	 resource_changes, planned_values, prior_state;
	struct jspan	 values, resources, configuration;
};

/*
 * Scan the whole input once, checking its grammar, and note where the
 * top-level members are.  Returns -1 on an error, left in j.
 */
static int
tf_scan_top(struct jscan *j, struct tf_top *t)
{
	static const struct {
		const char	*key;
		size_t		 off;
	} keys[] = {
		{ "format_version", offsetof(struct tf_top, format_version) },
		{ "terraform_version",
		    offsetof(struct tf_top, terraform_version) },
		{ "resource_changes",
		    offsetof(struct tf_top, resource_changes) },
		{ "planned_values", offsetof(struct tf_top, planned_values) },
		{ "prior_state", offsetof(struct tf_top, prior_state) },
		{ "values", offsetof(struct tf_top, values) },
		{ "resources", offsetof(struct tf_top, resources) },
		{ "configuration", offsetof(struct tf_top, configuration) },
	};
	struct jspan	 sp, *dst;
	const char	*key;
	size_t		 klen, i;
	int		 r;

	memset(t, 0, sizeof(*t));
	if (jscan_object(j) == -1)
		return -1;
	while ((r = jscan_member(j, &key, &klen)) == 1) {
		dst = &sp;
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (jscan_key_is(key, klen, keys[i].key))
				dst = (struct jspan *)((char *)t + keys[i].off);
		if (jscan_value(j, dst) == -1)
			return -1;
	}
	return r == -1 || jscan_end(j) == -1 ? -1 : 0;
}

/* A top-level scalar as an arena string, or NULL. */
static const char *
tf_top_str(struct tf_ctx *c, const struct jspan *sp)
{
	cJSON		*v;
	const char	*s = NULL;

	if (sp->start == NULL || *sp->start != '"')
		return NULL;
	if ((v = xjson_parse(sp->start,
	    (size_t)(sp->end - sp->start), NULL)) != NULL &&
	    cJSON_IsString(v))
		s = arena_strdup(c->m->arena, v->valuestring);
	cJSON_Delete(v);
	return s;
}

/* Stream the elements of a top-level array member. */
static void
tf_stream_array(struct tf_ctx *c, const struct jspan *sp, const char *what,
    tf_handler fn)
{
	struct jscan	 j;
	struct loc	 loc = { c->file, 0, 0, 0, 0 };

	jscan_init(&j, sp->start, (size_t)(sp->end - sp->start),
	    LOAD_MAX_DEPTH);
	if (jscan_peek(&j) != '[') {
		input_loc_from_offset(c->data, c->len,
		    (size_t)(sp->start - c->data), &loc);
		diag_error(c->dg, &loc, "%s is not an array", what);
		return;
	}
	(void)tf_each(c, &j, fn);
}

/*
 * Does any role, association or attachment of this file need the
 * configuration?
 */
static int
tf_needs_links(const struct tf_ctx *c)
{
	size_t	 i;

	for (i = c->first_role; i < c->m->roles.n; i++)
		if (c->m->roles.v[i]->policy_unknown)
			return 1;
	for (i = c->first_pod_identity; i < c->m->pod_identities.n; i++)
		if (c->m->pod_identities.v[i]->role_arn == NULL)
			return 1;
	for (i = c->first_addon; i < c->m->addons.n; i++)
		if (tf_addon_unknown(c->m->addons.v[i]))
			return 1;
	for (i = c->first_role_policy; i < c->m->role_policies.n; i++)
		if (c->m->role_policies.v[i]->role == NULL)
			return 1;
	for (i = c->first_tf_sa; i < c->m->tf_sas.n; i++)
		if (tf_sa_unknown(c->m->tf_sas.v[i]))
			return 1;
	return 0;
}

/*
 * Load one Terraform JSON text into the model; c is set up, and its
 * indexes of policy documents and roles released, by load_tf().
 */
static void
tf_load(struct tf_ctx *c)
{
	static const char *const values_root[] = { "root_module", NULL };
	static const char *const prior_root[] = { "values", "root_module",
	    NULL };
	struct model	*m = c->m;
	struct diags	*dg = c->dg;
	const char	*data = c->data;
	size_t		 len = c->len;
	struct loc	 loc = { c->file, 0, 0, 0, 0 };
	struct tf_file	*f;
	struct tf_top	 t;
	struct jscan	 j;
	const char	*nul;
	cJSON		*cfg;

	m->ntf++;
	if ((nul = memchr(data, '\0', len)) != NULL) {
		input_loc_from_offset(data, len, (size_t)(nul - data), &loc);
		diag_error(dg, &loc, "cannot parse Terraform JSON: a NUL byte");
		return;
	}
	jscan_init(&j, data, len, LOAD_MAX_DEPTH);
	if (jscan_peek(&j) != '{') {
		if (jscan_value(&j, &(struct jspan){ NULL, NULL }) == -1)
			tf_scan_error(c, &j);
		else
			diag_error(dg, &loc, "Terraform JSON: expected an "
			    "object at the top level");
		return;
	}
	if (tf_scan_top(&j, &t) == -1) {
		tf_scan_error(c, &j);
		return;
	}
	c->first_role = m->roles.n;
	c->first_pod_identity = m->pod_identities.n;
	c->first_role_policy = m->role_policies.n;
	c->first_addon = m->addons.n;
	c->first_tf_sa = m->tf_sas.n;
	f = model_add_tf_file(m);
	f->loc = loc;
	f->format_version = tf_top_str(c, &t.format_version);
	f->terraform_version = tf_top_str(c, &t.terraform_version);
	if (t.values.start != NULL) {
		f->kind = "state";
		tf_stream_path(c, &t.values, values_root, tf_value_resource);
		return;
	}
	if (t.resources.start != NULL && *t.resources.start == '[') {
		f->kind = "raw state";
		tf_stream_array(c, &t.resources, "resources", tf_raw_resource);
		return;
	}
	f->kind = "plan";
	if (t.resource_changes.start != NULL)
		tf_stream_array(c, &t.resource_changes, "resource_changes",
		    tf_change);
	else
		tf_stream_path(c, &t.planned_values, values_root,
		    tf_value_resource);
	if (!tf_needs_links(c))
		return;
	/* Known policy documents are in prior_state only. */
	tf_stream_path(c, &t.prior_state, prior_root, tf_value_data);
	if (t.configuration.start == NULL || (cfg = xjson_parse(
	    t.configuration.start, (size_t)(t.configuration.end -
	    t.configuration.start), NULL)) == NULL)
		return;
	tf_link(c, cfg);
	cJSON_Delete(cfg);
}

void
load_tf(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	struct tf_ctx	 c = { .m = m, .dg = dg, .file = file, .data = data,
			    .len = len };

	strmap_init(&c.doc_by_address);
	strmap_init(&c.role_by_address);
	tf_load(&c);
	strmap_release(&c.doc_by_address);
	strmap_release(&c.role_by_address);
}
