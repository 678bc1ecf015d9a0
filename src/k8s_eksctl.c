/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's reader of an eksctl ClusterConfig: the roles,
 * ServiceAccounts, OIDC provider, Pod Identity associations and
 * add-ons its iam and addons make, as eksctl makes them.
 *
 * What eksctl does is read from its source, eksctl-io/eksctl @ 99984adb
 * (2026-08): pkg/apis/eksctl.io/v1alpha5/iam.go (the fields),
 * defaults.go (a ServiceAccount's namespace is "default"),
 * validation.go and pkg/ctl/cmdutils/{configfile,pod_identity_
 * association}.go (what it refuses), pkg/cfn/manager/create_tasks.go
 * (attachRoleARN: no role made; roleOnly: no ServiceAccount),
 * pkg/cfn/builder/iam.go and pkg/iam/oidc/api.go (the trust it writes),
 * pkg/actions/podidentityassociation/creator.go (createServiceAccount)
 * and v1alpha5/addon.go (addons).  A config eksctl refuses is an input
 * error here, at the field, and the entry makes nothing.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "arn.h"
#include "diag.h"
#include "input.h"
#include "k8s.h"
#include "load.h"
#include "model.h"
#include "policy.h"

#define ANN_ROLE	"eks.amazonaws.com/role-arn"
#define WEB_IDENTITY	"sts:AssumeRoleWithWebIdentity"
/* The audience eksctl's trusts and providers name (oidc/api.go). */
#define EKSCTL_AUD	"sts.amazonaws.com"

/* One ClusterConfig being committed. */
struct ectx {
	struct kload	*kl;
	struct kl_pend	*p;
	const char	*cluster;	/* metadata.name, or NULL */
	const char	*origin;	/* "eksctl ClusterConfig NAME" */
};

static const struct input_node *eget(const struct input_node *,
		    const char *);
static int	eis(struct ectx *, const struct input_node *,
		    enum input_node_type, const char *, const char *);
static const char *estr(struct ectx *, const struct input_node *,
		    const char *, const char *, struct loc *);
static int	ebool(struct ectx *, const struct input_node *, const char *,
		    const char *, struct loc *);
static int	enonempty(struct ectx *, const struct input_node *,
		    const char *, const char *);
static struct k8s_obj *eobj(struct ectx *, const struct loc *,
		    const char *, const struct loc *, const char *,
		    const struct loc *);
static void	eannotations(struct ectx *, const struct input_node *,
		    const char *, struct k8s_obj *, const struct input_node *);
static struct policy *etrust(struct arena *, const char *, const char *,
		    const char *);
static void	eattached(struct ectx *, const char *, const char *,
		    const struct input_node *);
static void	esa(struct ectx *, const struct input_node *, size_t);
static void	epia(struct ectx *, const struct input_node *, size_t);
static void	eaddon(struct ectx *, const struct input_node *, size_t);
static void	eaddon_pias(struct ectx *, struct eks_addon *,
		    const struct input_node *, const char *);
static void	eoidc(struct ectx *, const struct input_node *);
static int	ecount(struct ectx *, const struct input_node *);
static void	eseq(struct ectx *, const struct input_node *, const char *,
		    void (*)(struct ectx *, const struct input_node *, size_t));

/*
 * The value of key in map, the later of two as eksctl decodes it; a
 * merge key "<<: *base" or "<<: [*a, *b]" brings the keys of the
 * mappings it names in where it stands, as the loader reads them.
 */
static const struct input_node *
eget(const struct input_node *map, const char *key)
{
	const struct input_node	*k, *m, *v, *last = NULL;

	if (map == NULL || map->type != INPUT_NODE_MAP)
		return NULL;
	for (k = map->kids; k != NULL; k = k->next) {
		if (strcmp(k->key, key) == 0)
			last = k;
		else if (strcmp(k->key, "<<") == 0 &&
		    k->type == INPUT_NODE_MAP && (v = eget(k, key)) != NULL)
			last = v;
		else if (strcmp(k->key, "<<") == 0 && k->type == INPUT_NODE_SEQ)
			for (m = k->kids; m != NULL; m = m->next)
				if ((v = eget(m, key)) != NULL)
					last = v;
	}
	return last;
}

/*
 * Is n a node of type t: 1; absent or null: 0; anything else: -1,
 * said at n as "<path>.<key>: expected ..., found ...".
 */
static int
eis(struct ectx *e, const struct input_node *n, enum input_node_type t,
    const char *path, const char *key)
{
	static const char *const want[] = { "nothing", "a scalar",
	    "a sequence", "a mapping" };

	if (n == NULL || n->type == INPUT_NODE_NULL)
		return 0;
	if (n->type == t)
		return 1;
	kl_error(e->kl, &n->loc, "%s%s%s: expected %s, found %s", path,
	    *path != '\0' && *key != '\0' ? "." : "", key, want[t],
	    input_node_found(n));
	return -1;
}

/*
 * A scalar field of map as an arena string, bounded as every scalar
 * the loader keeps, and where it is in *loc; NULL when absent, null or
 * not a scalar (said).
 */
static const char *
estr(struct ectx *e, const struct input_node *map, const char *key,
    const char *path, struct loc *loc)
{
	const struct input_node	*n = eget(map, key);
	size_t			 len;

	if (eis(e, n, INPUT_NODE_SCALAR, path, key) != 1)
		return NULL;
	if (loc != NULL)
		*loc = n->loc;
	if ((len = n->len) > LOAD_MAX_SCALAR) {
		kl_error(e->kl, &n->loc, "value longer than %lu KiB; only its "
		    "start is kept", LOAD_MAX_SCALAR / 1024);
		len = LOAD_MAX_SCALAR;
	}
	return arena_strndup(e->kl->a, n->s, len);
}

/*
 * A boolean field: 1 or 0, and -1 when absent or not a boolean (said).
 * eksctl decodes YAML 1.1 (sigs.k8s.io/yaml), where yes, on and their
 * capitalised forms are booleans too; a quoted "true" is a string,
 * which eksctl refuses.
 */
static int
ebool(struct ectx *e, const struct input_node *map, const char *key,
    const char *path, struct loc *loc)
{
	static const char *const yes[] = { "y", "Y", "yes", "Yes", "YES",
	    "true", "True", "TRUE", "on", "On", "ON" };
	static const char *const no[] = { "n", "N", "no", "No", "NO",
	    "false", "False", "FALSE", "off", "Off", "OFF" };
	const struct input_node	*n = eget(map, key);
	size_t			 i;

	if (eis(e, n, INPUT_NODE_SCALAR, path, key) != 1)
		return -1;
	if (loc != NULL)
		*loc = n->loc;
	for (i = 0; n->plain && i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcmp(n->s, yes[i]) == 0)
			return 1;
		if (strcmp(n->s, no[i]) == 0)
			return 0;
	}
	kl_error(e->kl, &n->loc, "%s.%s: expected true or false, found "
	    "\"%.*s\"", path, key, n->len > 64 ? 64 : (int)n->len, n->s);
	return -1;
}

/* Is the sequence or mapping at key there and not empty? */
static int
enonempty(struct ectx *e, const struct input_node *map, const char *key,
    const char *path)
{
	const struct input_node	*n = eget(map, key);

	if (n == NULL || n->type == INPUT_NODE_NULL)
		return 0;
	if (n->type == INPUT_NODE_SCALAR) {
		(void)eis(e, n, strcmp(key, "attachPolicyARNs") == 0 ?
		    INPUT_NODE_SEQ : INPUT_NODE_MAP, path, key);
		return 0;
	}
	return n->n > 0;
}

/*
 * A ServiceAccount eksctl creates, at loc, in namespace ns ("default"
 * when unset: defaults.go), or NULL once the model holds as many
 * objects as it may.
 */
static struct k8s_obj *
eobj(struct ectx *e, const struct loc *loc, const char *name,
    const struct loc *name_loc, const char *ns, const struct loc *ns_loc)
{
	struct model	*m = e->kl->m;
	struct k8s_obj	*o;

	if (m->objs.n >= LOAD_MAX_OBJECTS) {
		if (!m->objs_full)
			kl_error(e->kl, loc, "more than %d Kubernetes objects; "
			    "the rest are not read", LOAD_MAX_OBJECTS);
		m->objs_full = 1;
		return NULL;
	}
	o = model_add_obj(m);
	o->kind = K8S_SERVICEACCOUNT;
	o->kind_name = "ServiceAccount";
	o->api_version = "v1";
	o->loc = o->kind_loc = *loc;
	o->name = name;
	o->name_loc = *name_loc;
	o->ns = ns != NULL && *ns != '\0' ? ns : "default";
	/*
	 * A namespace not written is placed at the name, with no end, so
	 * that no fix is offered there (it would replace the name).
	 */
	if (ns != NULL && *ns != '\0')
		o->ns_loc = *ns_loc;
	else {
		o->ns_loc = *name_loc;
		o->ns_loc.end_line = o->ns_loc.end_col = 0;
	}
	if (e->origin != NULL)
		k8s_obj_more(e->kl->a, o)->origin = e->origin;
	if (e->kl->has_source) {
		o->source = e->kl->source.path;
		o->source_loc = e->kl->source.loc;
	}
	return o;
}

/*
 * metadata.annotations of a ServiceAccount item, scalars to scalars,
 * then the role-arn annotation eksctl sets from arn if not NULL.
 */
static void
eannotations(struct ectx *e, const struct input_node *meta,
    const char *path, struct k8s_obj *o, const struct input_node *arn)
{
	KL_VEC(struct kv_pos)	 ann = { NULL, 0, 0 };
	const struct input_node	*n = eget(meta, "annotations"), *k;
	struct kv_pos		 a;
	const char		*apath;

	apath = arena_printf(e->kl->a, "%s.metadata", path);
	if (eis(e, n, INPUT_NODE_MAP, apath, "annotations") == 1) {
		apath = arena_printf(e->kl->a, "%s.metadata.annotations",
		    path);
		for (k = n->kids; k != NULL; k = k->next) {
			if (eis(e, k, INPUT_NODE_SCALAR, apath, k->key) != 1)
				continue;
			a.key = arena_strdup(e->kl->a, k->key);
			a.value = arena_strndup(e->kl->a, k->s, k->len >
			    LOAD_MAX_SCALAR ? LOAD_MAX_SCALAR : k->len);
			a.key_loc = k->key_loc;
			a.value_loc = k->loc;
			KL_APUSH(e->kl->a, ann, a);
		}
	}
	if (arn != NULL) {
		a.key = ANN_ROLE;
		a.value = arena_strndup(e->kl->a, arn->s, arn->len >
		    LOAD_MAX_SCALAR ? LOAD_MAX_SCALAR : arn->len);
		a.key_loc = arn->key_loc;
		a.value_loc = arn->loc;
		KL_APUSH(e->kl->a, ann, a);
	}
	o->annotations = ann.v;
	o->nannotations = ann.n;
}

/*
 * The trust eksctl writes for a ServiceAccount's role (oidc/api.go
 * MakeAssumeRolePolicyDocumentWithServiceAccountConditions): Allow
 * sts:AssumeRoleWithWebIdentity to the cluster's OIDC provider with
 * StringEquals <issuer>:sub = system:serviceaccount:<ns>:<name> and
 * <issuer>:aud = sts.amazonaws.com; with a subjectPattern, ...
 * AllowingWildcard: StringLike sub = system:serviceaccount:<ns>:
 * <pattern>, eksctl prefixing the pattern itself whatever it holds.
 * The provider's ARN and issuer are the cluster's, known once eksctl
 * runs: the Federated principal and the keys' issuer are unknown, the
 * keys' ends known.
 */
static struct policy *
etrust(struct arena *a, const char *ns, const char *name,
    const char *pattern)
{
	struct policy	*p = arena_alloc(a, sizeof(*p));
	struct pstmt	*st;
	struct pcond	*c;

	p->version = "2012-10-17";
	p->st = st = arena_alloc(a, sizeof(*st));
	p->n = 1;
	st->allow = 1;
	st->actions.v = arena_alloc(a, sizeof(char *));
	st->actions.v[st->actions.n++] = WEB_IDENTITY;
	st->federated.v = arena_alloc(a, sizeof(char *));
	st->federated.v[st->federated.n++] = NULL;
	st->conds = c = arena_alloc(a, 2 * sizeof(*c));
	st->nconds = 2;
	pcond_set_op(&c[0], pattern != NULL ? "StringLike" : "StringEquals");
	c[0].key_end = ":sub";
	c[0].values.v = arena_alloc(a, sizeof(char *));
	c[0].values.v[c[0].values.n++] = arena_printf(a,
	    "system:serviceaccount:%s:%s", ns, pattern != NULL ? pattern :
	    name);
	pcond_set_op(&c[1], "StringEquals");
	c[1].key_end = ":aud";
	c[1].values.v = arena_alloc(a, sizeof(char *));
	c[1].values.v[c[1].values.n++] = EKSCTL_AUD;
	return p;
}

/*
 * iam.serviceAccounts[i]: unless attachRoleARN names an existing role,
 * a role named roleName (else by CloudFormation) with eksctl's trust;
 * unless roleOnly, the ServiceAccount, annotated with that role.
 */
static void
esa(struct ectx *e, const struct input_node *item, size_t i)
{
	struct arena		*a = e->kl->a;
	const struct input_node	*meta;
	struct iam_role		*r = NULL;
	struct k8s_obj		*o;
	struct k8s_more		*x;
	struct loc		 name_loc, ns_loc, arn_loc, only_loc, loc;
	const char		*path, *mpath, *name, *ns, *arn, *rname;
	const char		*pattern;
	int			 only, policies;

	path = arena_printf(a, "iam.serviceAccounts[%zu]", i);
	mpath = arena_printf(a, "%s.metadata", path);
	meta = eget(item, "metadata");
	if (eis(e, meta, INPUT_NODE_MAP, path, "metadata") == -1)
		return;
	name = estr(e, meta, "name", mpath, &name_loc);
	ns = estr(e, meta, "namespace", mpath, &ns_loc);
	arn = estr(e, item, "attachRoleARN", path, &arn_loc);
	rname = estr(e, item, "roleName", path, &loc);
	pattern = estr(e, item, "subjectPattern", path, &loc);
	only = ebool(e, item, "roleOnly", path, &only_loc) == 1;
	policies = enonempty(e, item, "attachPolicyARNs", path) |
	    enonempty(e, item, "attachPolicy", path) |
	    enonempty(e, item, "wellKnownPolicies", path);
	if (name == NULL || *name == '\0') {
		kl_error(e->kl, meta != NULL ? &meta->loc : &item->loc,
		    "%s.name: missing; eksctl needs the ServiceAccount's "
		    "name", mpath);
		return;
	}
	if (!policies && arn == NULL) {
		kl_error(e->kl, &item->loc, "%s: none of attachPolicyARNs, "
		    "attachPolicy, wellKnownPolicies and attachRoleARN is "
		    "set; eksctl needs one of them", path);
		return;
	}
	if (arn != NULL && (only || rname != NULL)) {
		kl_error(e->kl, &arn_loc, "%s.attachRoleARN: eksctl refuses "
		    "roleName and roleOnly with an existing role: remove "
		    "them, or attachRoleARN", path);
		return;
	}
	if (arn == NULL) {
		r = model_add_role(e->kl->m, SRC_EKSCTL);
		r->address = arena_printf(a, "%s %s", e->origin, path);
		r->loc = item->loc;
		r->name = rname;
		r->name_unknown = rname == NULL;
		/* The namespace eksctl creates it in (ns_loc unset). */
		r->trust = etrust(a, ns != NULL && *ns != '\0' ? ns :
		    "default", name, pattern);
		r->trust_partial = 1;
		r->trust_loc = item->loc;
		r->has_policies = policies;
		r->role_only = only;
		r->role_only_loc = only_loc;
		r->cluster_origin = e->origin;
	} else
		eattached(e, path, arn, eget(item, "attachRoleARN"));
	if (only || (o = eobj(e, &item->loc, name, &name_loc, ns,
	    &ns_loc)) == NULL)
		return;
	/* eksctl's annotation wins over one of metadata (SetAnnotations). */
	eannotations(e, meta, path, o, arn != NULL ?
	    eget(item, "attachRoleARN") : NULL);
	if (r == NULL)
		return;
	x = k8s_obj_more(e->kl->a, o);
	x->role_pending = 1;
	x->role_ref = r->address;
	x->role_field.key = ANN_ROLE;
	x->role_field.value = r->address;
	x->role_field.key_loc = x->role_field.value_loc = name_loc;
}

/*
 * attachRoleARN: eksctl makes no role and annotates the ServiceAccount
 * with this one, which exists already.  Its trust is in no input
 * unless another declares the role; load_finish() keeps this one only
 * when none does.
 */
static void
eattached(struct ectx *e, const char *path, const char *arn,
    const struct input_node *n)
{
	struct iam_role	*r;
	struct role_arn	 ra;
	char		 err[128];

	if (arn_parse_role(e->kl->a, arn, &ra, err, sizeof(err)) == -1)
		return;		/* irsa-role-arn-malformed says why */
	r = model_add_role(e->kl->m, SRC_EKSCTL);
	r->address = arena_printf(e->kl->a, "%s %s.attachRoleARN", e->origin,
	    path);
	r->loc = n->loc;
	r->arn = arn;
	r->name = ra.name;
	r->path = ra.path;
	r->policies_unknown = 1;
	r->trust_elsewhere = "eksctl's attachRoleARN names an existing "
	    "role, which no input declares";
}

/*
 * iam.podIdentityAssociations[i]: the association, with roleARN or a
 * role eksctl makes (unknown here); with createServiceAccount, eksctl
 * creates the ServiceAccount too, unannotated.
 */
static void
epia(struct ectx *e, const struct input_node *item, size_t i)
{
	struct pod_identity	*pi;
	struct loc		 ns_loc, sa_loc, loc;
	const char		*path, *ns, *sa, *arn;
	int			 create;

	path = arena_printf(e->kl->a, "iam.podIdentityAssociations[%zu]", i);
	ns = estr(e, item, "namespace", path, &ns_loc);
	sa = estr(e, item, "serviceAccountName", path, &sa_loc);
	arn = estr(e, item, "roleARN", path, &loc);
	create = ebool(e, item, "createServiceAccount", path, &loc) == 1;
	if (ns == NULL || *ns == '\0' || sa == NULL || *sa == '\0') {
		kl_error(e->kl, &item->loc, "%s.%s: missing; eksctl needs "
		    "the namespace and serviceAccountName of an association",
		    path, ns == NULL || *ns == '\0' ? "namespace" :
		    "serviceAccountName");
		return;
	}
	if (arn == NULL && !enonempty(e, item, "permissionPolicyARNs", path) &&
	    !enonempty(e, item, "permissionPolicy", path) &&
	    !enonempty(e, item, "wellKnownPolicies", path)) {
		kl_error(e->kl, &item->loc, "%s: none of roleARN, "
		    "permissionPolicy, permissionPolicyARNs and "
		    "wellKnownPolicies is set; eksctl needs one of them", path);
		return;
	}
	pi = model_add_pod_identity(e->kl->m, SRC_EKSCTL);
	pi->address = arena_printf(e->kl->a, "%s %s", e->origin, path);
	pi->loc = item->loc;
	pi->cluster = e->cluster;
	pi->ns = ns;
	pi->sa = sa;
	pi->role_arn = arn;
	if (create)
		(void)eobj(e, &item->loc, sa, &sa_loc, ns, &ns_loc);
}

/*
 * addons[i] (v1alpha5/addon.go): the add-on, for load_finish() to make
 * its ServiceAccounts.  serviceAccountRoleARN names its role; with
 * attachPolicyARNs, attachPolicy or wellKnownPolicies eksctl makes one
 * (create.go createRoleForIRSA), known only after apply.
 */
static void
eaddon(struct ectx *e, const struct input_node *item, size_t i)
{
	struct eks_addon	*ad;
	const struct input_node	*n;
	struct loc		 name_loc, loc;
	const char		*path, *name, *arn, *ns, *key;

	path = arena_printf(e->kl->a, "addons[%zu]", i);
	name = estr(e, item, "name", path, &name_loc);
	arn = estr(e, item, "serviceAccountRoleARN", path, &loc);
	n = eget(item, "namespaceConfig");
	ns = eis(e, n, INPUT_NODE_MAP, path, "namespaceConfig") == 1 ?
	    estr(e, n, "namespace", arena_printf(e->kl->a,
	    "%s.namespaceConfig", path), &loc) : NULL;
	if (name == NULL || *name == '\0') {
		kl_error(e->kl, &item->loc, "%s.name: missing; eksctl needs "
		    "the add-on's name", path);
		return;
	}
	ad = model_add_addon(e->kl->m, SRC_EKSCTL);
	ad->address = arena_printf(e->kl->a, "%s %s", e->origin, path);
	ad->loc = item->loc;
	ad->name = name;
	ad->name_loc = name_loc;
	ad->cluster = e->cluster;
	ad->cluster_origin = e->origin;
	ad->ns = ns != NULL && *ns != '\0' ? ns : NULL;
	if (arn != NULL) {
		n = eget(item, "serviceAccountRoleARN");
		ad->role.key = "serviceAccountRoleARN";
		ad->role.value = arn;
		ad->role.key_loc = n->key_loc;
		ad->role.value_loc = n->loc;
	} else if ((n = eget(item, key = "attachPolicyARNs")) != NULL ||
	    (n = eget(item, key = "attachPolicy")) != NULL ||
	    (n = eget(item, key = "wellKnownPolicies")) != NULL) {
		ad->role.key = key;
		ad->role.key_loc = ad->role.value_loc = n->key_loc;
	}
	eaddon_pias(e, ad, eget(item, "podIdentityAssociations"), path);
}

/* An add-on's podIdentityAssociations, each in its own namespace. */
static void
eaddon_pias(struct ectx *e, struct eks_addon *ad, const struct input_node *seq,
    const char *path)
{
	const struct input_node	*k;
	struct eks_addon_pia	*pia;
	struct loc		 loc;
	const char		*ipath;
	size_t			 i;

	if (eis(e, seq, INPUT_NODE_SEQ, path, "podIdentityAssociations") != 1)
		return;
	ad->pias = arena_alloc(e->kl->a, seq->n * sizeof(*ad->pias));
	for (i = 0, k = seq->kids; k != NULL; k = k->next, i++) {
		ipath = arena_printf(e->kl->a,
		    "%s.podIdentityAssociations[%zu]", path, i);
		if (!ecount(e, k))
			return;
		if (eis(e, k, INPUT_NODE_MAP, ipath, "") != 1)
			continue;
		pia = &ad->pias[ad->npias];
		pia->ns = estr(e, k, "namespace", ipath, &loc);
		pia->sa = estr(e, k, "serviceAccountName", ipath, &loc);
		pia->role_arn = estr(e, k, "roleARN", ipath, &loc);
		pia->loc = k->loc;
		if (pia->ns == NULL || pia->sa == NULL) {
			kl_error(e->kl, &k->loc, "%s.%s: missing; eksctl needs "
			    "the namespace and serviceAccountName of an "
			    "association", ipath, pia->ns == NULL ?
			    "namespace" : "serviceAccountName");
			continue;
		}
		ad->npias++;
	}
}

/*
 * iam.withOIDC: true: eksctl creates the cluster's IAM OIDC provider,
 * for the audience sts.amazonaws.com (oidc/api.go CreateProvider); its
 * issuer is known once the cluster is.
 */
static void
eoidc(struct ectx *e, const struct input_node *iam)
{
	struct oidc_provider	*pv;
	struct loc		 loc;

	if (ebool(e, iam, "withOIDC", "iam", &loc) != 1)
		return;
	pv = model_add_provider(e->kl->m, SRC_EKSCTL);
	pv->address = arena_printf(e->kl->a, "%s iam.withOIDC", e->origin);
	pv->loc = loc;
	pv->client_ids = arena_alloc(e->kl->a, 2 * sizeof(char *));
	pv->client_ids[pv->nclient_ids++] = EKSCTL_AUD;
}

/* One more entry read, at n: 0 once over KL_MAX_EKSCTL (said once). */
static int
ecount(struct ectx *e, const struct input_node *n)
{
	if (e->kl->neksctl++ == KL_MAX_EKSCTL)
		kl_error(e->kl, &n->loc, "more than %d eksctl entries; the rest "
		    "are not read", KL_MAX_EKSCTL);
	return e->kl->neksctl <= KL_MAX_EKSCTL;
}

/* Each mapping of the sequence seq, the field at path, to fn. */
static void
eseq(struct ectx *e, const struct input_node *seq, const char *path,
    void (*fn)(struct ectx *, const struct input_node *, size_t))
{
	const struct input_node	*k;
	char			 ipath[64];
	size_t			 i;

	if (eis(e, seq, INPUT_NODE_SEQ, "", path) != 1)
		return;
	for (i = 0, k = seq->kids; k != NULL; k = k->next, i++) {
		if (!ecount(e, k))
			return;
		(void)snprintf(ipath, sizeof(ipath), "%s[%zu]", path, i);
		if (eis(e, k, INPUT_NODE_MAP, ipath, "") == 1)
			fn(e, k, i);
	}
}

/*
 * An eksctl ClusterConfig is complete: what its iam and addons make
 * enters the model.
 */
void
kl_commit_eksctl(struct kload *kl, struct kl_pend *p)
{
	struct ectx	 e;

	if (p->api.s == NULL || strncmp(p->api.s, "eksctl.io/", 10) != 0)
		return;
	e.kl = kl;
	e.p = p;
	e.cluster = p->name.s;
	e.origin = arena_printf(kl->a, "eksctl ClusterConfig %s",
	    p->name.s != NULL ? p->name.s : "(unnamed)");
	if (eis(&e, p->eksctl_iam, INPUT_NODE_MAP, "", "iam") == 1) {
		eoidc(&e, p->eksctl_iam);
		eseq(&e, eget(p->eksctl_iam, "serviceAccounts"),
		    "iam.serviceAccounts", esa);
		eseq(&e, eget(p->eksctl_iam, "podIdentityAssociations"),
		    "iam.podIdentityAssociations", epia);
	}
	eseq(&e, p->eksctl_addons, "addons", eaddon);
}
