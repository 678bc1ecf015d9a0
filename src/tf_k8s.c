/* SPDX-License-Identifier: ISC */
/*
 * Terraform's Kubernetes side: the ServiceAccounts that the
 * resources kubernetes_service_account, kubernetes_service_account_v1,
 * kubernetes_manifest and helm_release declare, from a plan, state or
 * the evaluated sources, into the model's tf_sas (load_implied() makes
 * them objects).
 *
 * What the providers do, as read in their sources:
 *
 *  - hashicorp/kubernetes @ 3a33fb6c, kubernetes/provider.go L259-260:
 *    kubernetes_service_account is kubernetes_service_account_v1;
 *    resource_kubernetes_service_account_v1.go: one required metadata
 *    block (a list of one object in plans); schema_metadata.go
 *    L12-52, L89-117: metadata.name (optional, computed, or
 *    generate_name), metadata.namespace (default "default"),
 *    metadata.annotations (a map of strings).
 *    automount_service_account_token and the secrets do not matter.
 *  - the same, manifest/provider/validate.go L185-227: a
 *    kubernetes_manifest of a namespaced kind without
 *    manifest.metadata.namespace is refused at plan ("Namespace
 *    required"): no default.
 *  - hashicorp/helm @ ecffae07 (v3.1), helm/resource_helm_release.go:
 *    namespace (L424-431) defaults to $HELM_NAMESPACE, else "default"
 *    (L241-253); values (L528) is a list of YAML strings; set (L556) a
 *    list of objects name, value, type (v2: blocks of the same
 *    fields); getValues() (L1434-1538) merges the values in order, each
 *    over the ones before as mergeMaps() does (maps merged, anything
 *    else replaced), then applies set, set_list and set_sensitive in
 *    order through Helm's strvals (a name's dots split it, a backslash
 *    escapes the next character; a value "true", "false" or "null" is
 *    typed unless type is "string").
 *
 * Which chart key names the ServiceAccount is the chart's choice; the
 * convention of helm create (serviceAccount.create, .name,
 * .annotations) is the only one read.  A release that gives the
 * role-arn annotation there is a ServiceAccount when its name is
 * known; when the chart decides (no name, create false) or a value is
 * known only after apply, the release is undecided, and load_implied()
 * notes it: lint helm template output.  Nothing is guessed.
 *
 * This file reads the kubernetes_* resources and dispatches;
 * tf_k8s_helm.c reads helm_release, tf_k8s_util.c holds what both use
 * (include/tf_k8s.h).
 */

#include <string.h>

#include "arena.h"
#include "input.h"

#include "tf_k8s.h"

static cJSON	*rawify(const cJSON *, const cJSON *);
static int	 sa_meta(struct kx *, struct tf_sa *, const cJSON *,
		    const char *, int);
static void	 sa_annotations(struct kx *, struct tf_sa *, const cJSON *,
		    const char *);
static void	 k8s_sa(struct kx *);
static void	 k8s_manifest(struct kx *);

/*
 * A plan's value and its after_unknown mask as one tree, each unknown
 * a cJSON_Raw of "" (a plan does not say what it depends on), as the
 * sources give it.  after omits unknown attributes and map entries,
 * which the mask holds.  The caller frees the tree.
 */
static cJSON *
rawify(const cJSON *v, const cJSON *u)
{
	const cJSON	*e, *m;
	cJSON		*j;
	int		 i = 0;

	if (cJSON_IsTrue(u))
		return cJSON_CreateRaw("");
	if (cJSON_IsArray(v)) {
		j = cJSON_CreateArray();
		cJSON_ArrayForEach(e, v)
			cJSON_AddItemToArray(j, rawify(e,
			    cJSON_GetArrayItem(u, i++)));
		return j;
	}
	if (!cJSON_IsObject(v))
		return cJSON_Duplicate(v, 1);
	j = cJSON_CreateObject();
	cJSON_ArrayForEach(e, v)
		cJSON_AddItemToObject(j, e->string, rawify(e,
		    cJSON_GetObjectItemCaseSensitive(u, e->string)));
	cJSON_ArrayForEach(m, u)
		if (cJSON_IsTrue(m) && m->string != NULL &&
		    cJSON_GetObjectItemCaseSensitive(v, m->string) == NULL)
			cJSON_AddItemToObject(j, m->string,
			    cJSON_CreateRaw(""));
	return j;
}

int
tf_k8s_wanted(const char *type)
{
	return strcmp(type, "kubernetes_service_account") == 0 ||
	    strcmp(type, "kubernetes_service_account_v1") == 0 ||
	    strcmp(type, "kubernetes_manifest") == 0 ||
	    strcmp(type, "helm_release") == 0;
}

int
tf_sa_unknown(const struct tf_sa *t)
{
	return t->role_pending && t->role_ref == NULL;
}

/*
 * Annotations: the known strings, and the role-arn one known only
 * after apply (or the whole map, which may hold it).
 */
static void
sa_annotations(struct kx *x, struct tf_sa *t, const cJSON *ann,
    const char *pre)
{
	struct model	*m = x->c->m;
	const cJSON	*e;
	struct kv_pos	*a;
	struct loc	 loc;
	size_t		 n = 0;

	if (ann == NULL || cJSON_IsNull(ann))
		return;
	if (cJSON_IsRaw(ann)) {
		t->role_pending = 1;
		t->role_ref = tf_why_role(m, tfk_why_of(x, ann));
		t->role_field.key = ANN_ROLE;
		t->role_field.key_loc = t->role_field.value_loc = x->res;
		return;
	}
	if (!cJSON_IsObject(ann)) {
		diag_error(x->c->dg, &x->res, "%s: %sannotations is %s, not "
		    "a map of strings", x->r->address, pre, tfk_what(ann));
		return;
	}
	t->annotations = arena_alloc(m->arena, ((size_t)cJSON_GetArraySize(
	    ann) + 1) * sizeof(*t->annotations));
	cJSON_ArrayForEach(e, ann) {
		tfk_place(x, e, &x->res, &loc);
		if (cJSON_IsRaw(e)) {
			if (strcmp(e->string, ANN_ROLE) != 0)
				continue;
			t->role_pending = 1;
			t->role_ref = tf_why_role(m, tfk_why_of(x, e));
			t->role_field.key = ANN_ROLE;
			t->role_field.key_loc = t->role_field.value_loc = loc;
			continue;
		}
		if (!cJSON_IsString(e)) {
			diag_error(x->c->dg, &loc, "%s: %sannotations[\"%s\"] "
			    "is %s, not a string", x->r->address, pre,
			    e->string, tfk_what(e));
			continue;
		}
		a = &t->annotations[n++];
		a->key = arena_strdup(m->arena, e->string);
		a->value = arena_strdup(m->arena, e->valuestring);
		a->key_loc = a->value_loc = loc;
	}
	t->nannotations = n;
}

/*
 * The name, namespace and annotations of metadata md, "metadata." or
 * "manifest.metadata." in messages; ns_required when there is no
 * default namespace.  0 when the object is not one.
 */
static int
sa_meta(struct kx *x, struct tf_sa *t, const cJSON *md, const char *pre,
    int ns_required)
{
	struct model	*m = x->c->m;
	const cJSON	*name, *ns;
	const char	*why;

	name = cJSON_GetObjectItemCaseSensitive(md, "name");
	ns = cJSON_GetObjectItemCaseSensitive(md, "namespace");
	tfk_place(x, name, &x->res, &t->name_loc);
	tfk_place(x, ns, &x->res, &t->ns_loc);
	if (cJSON_IsString(name))
		t->name = arena_strdup(m->arena, name->valuestring);
	else if (cJSON_IsRaw(name)) {
		why = tfk_why_of(x, name);
		tfk_sa_undecided(x, t, &t->name_loc, 0, arena_printf(m->arena,
		    "%sname is known only after apply%s%s%s, so the "
		    "ServiceAccount's name is not known", pre,
		    why != NULL ? " (it depends on " : "",
		    why != NULL ? why : "", why != NULL ? ")" : ""));
	} else if ((name == NULL || cJSON_IsNull(name)) &&
	    cJSON_IsString(cJSON_GetObjectItemCaseSensitive(md,
	    "generate_name")))
		tfk_sa_undecided(x, t, &x->res, 0, arena_printf(m->arena,
		    "%sgenerate_name has the API server name the "
		    "ServiceAccount at apply, so no trust can name it "
		    "beforehand", pre));
	else {
		diag_error(x->c->dg, &t->name_loc, "%s: %sname is %s, not a "
		    "string; the ServiceAccount needs a name", x->r->address,
		    pre, name == NULL ? "missing" : tfk_what(name));
		return 0;
	}
	if (cJSON_IsString(ns))
		t->ns = arena_strdup(m->arena, ns->valuestring);
	else if (cJSON_IsRaw(ns)) {
		why = tfk_why_of(x, ns);
		tfk_sa_undecided(x, t, &t->ns_loc, 0, arena_printf(m->arena,
		    "%snamespace is known only after apply%s%s%s, so the "
		    "ServiceAccount's namespace is not known", pre,
		    why != NULL ? " (it depends on " : "",
		    why != NULL ? why : "", why != NULL ? ")" : ""));
	} else if ((ns == NULL || cJSON_IsNull(ns)) && !ns_required)
		t->ns = "default";
	else {
		diag_error(x->c->dg, &t->ns_loc, "%s: %snamespace is %s, not "
		    "a string%s", x->r->address, pre, ns == NULL ? "missing" :
		    tfk_what(ns), ns_required ? "; the provider refuses a "
		    "ServiceAccount without a namespace" : "");
		return 0;
	}
	sa_annotations(x, t, cJSON_GetObjectItemCaseSensitive(md,
	    "annotations"), pre);
	return 1;
}

/* kubernetes_service_account(_v1): one metadata block. */
static void
k8s_sa(struct kx *x)
{
	const cJSON	*md;
	struct tf_sa	*t;

	md = cJSON_GetObjectItemCaseSensitive(x->raw, "metadata");
	if (cJSON_IsArray(md)) {
		if (cJSON_GetArraySize(md) != 1) {
			diag_error(x->c->dg, &x->res, "%s: metadata is %d "
			    "blocks; the resource takes one", x->r->address,
			    cJSON_GetArraySize(md));
			return;
		}
		md = cJSON_GetArrayItem(md, 0);
	}
	t = tfk_sa_new(x);
	if (cJSON_IsRaw(md)) {
		tfk_sa_undecided(x, t, &x->res, 0, "metadata is known only after "
		    "apply, so the ServiceAccount is not known");
		return;
	}
	if (!cJSON_IsObject(md)) {
		diag_error(x->c->dg, &x->res, "%s: metadata is %s, not a "
		    "block", x->r->address, md == NULL ? "missing" : tfk_what(md));
		x->c->m->tf_sas.n--;
		return;
	}
	if (!sa_meta(x, t, md, "metadata.", 0))
		x->c->m->tf_sas.n--;
}

/* kubernetes_manifest: only a v1 ServiceAccount is one. */
static void
k8s_manifest(struct kx *x)
{
	const cJSON	*man, *kind, *api, *md;
	struct tf_sa	*t;

	man = cJSON_GetObjectItemCaseSensitive(x->raw, "manifest");
	kind = cJSON_GetObjectItemCaseSensitive(man, "kind");
	api = cJSON_GetObjectItemCaseSensitive(man, "apiVersion");
	if (!cJSON_IsString(kind) || strcmp(kind->valuestring,
	    "ServiceAccount") != 0 || !cJSON_IsString(api) ||
	    strcmp(api->valuestring, "v1") != 0)
		return;
	md = cJSON_GetObjectItemCaseSensitive(man, "metadata");
	t = tfk_sa_new(x);
	if (cJSON_IsRaw(md)) {
		tfk_sa_undecided(x, t, &x->res, 0, "manifest.metadata is known "
		    "only after apply, so the ServiceAccount is not known");
		return;
	}
	if (!cJSON_IsObject(md)) {
		diag_error(x->c->dg, &x->res, "%s: manifest.metadata is %s, "
		    "not an object", x->r->address, md == NULL ? "missing" :
		    tfk_what(md));
		x->c->m->tf_sas.n--;
		return;
	}
	if (!sa_meta(x, t, md, "manifest.metadata.", 1))
		x->c->m->tf_sas.n--;
}

/*
 * One resource of the four types.  In a plan the values and their
 * after_unknown mask are made one tree; the sources hand theirs.
 */
void
tf_k8s_resource(struct tf_ctx *c, const struct tf_res *r)
{
	struct kx	 x;
	cJSON		*own = NULL;

	x.c = c;
	x.r = r;
	tf_loc(c, &x.res);
	x.res.end_line = x.res.end_col = 0;
	if ((x.raw = c->raw) == NULL)
		x.raw = own = rawify(r->values, r->unknown);
	if (strcmp(r->type, "helm_release") == 0)
		tfk_helm(&x);
	else if (strcmp(r->type, "kubernetes_manifest") == 0)
		k8s_manifest(&x);
	else
		k8s_sa(&x);
	cJSON_Delete(own);
}
