/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's reader of the Crossplane AWS providers' IAM
 * kinds: Role, RolePolicyAttachment, RolePolicy and
 * OpenIDConnectProvider of the Upbound provider (iam.aws.upbound.io,
 * cluster-scoped, and iam.aws.m.upbound.io, namespaced; package/crds of
 * crossplane-contrib/provider-upjet-aws) and of the older community
 * provider (iam.aws.crossplane.io; crossplane-contrib/provider-aws).
 * Compositions, composite resources and claims are said to be unread:
 * the roles they make exist only once rendered.
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
#include "util.h"

#define XP_EXTERNAL_NAME	"crossplane.io/external-name"
#define XP_APIEXT		"apiextensions.crossplane.io"

/* The three providers' API groups. */
enum xp_fam {
	XP_UP,		/* iam.aws.upbound.io: cluster-scoped */
	XP_UPM,		/* iam.aws.m.upbound.io: namespaced */
	XP_OLD		/* iam.aws.crossplane.io: the community provider */
};

/* What each calls the fields that differ. */
static const struct xp_names {
	const char	*group;
	const char	*trust;		/* in forProvider */
	const char	*role, *role_ref, *role_sel;
	const char	*client_ids;
	int		 init;		/* has initProvider */
	int		 namespaced;
} xp_names[] = {
	{ "iam.aws.upbound.io", "assumeRolePolicy", "role", "roleRef",
	    "roleSelector", "clientIdList", 1, 0 },
	{ "iam.aws.m.upbound.io", "assumeRolePolicy", "role", "roleRef",
	    "roleSelector", "clientIdList", 1, 1 },
	{ "iam.aws.crossplane.io", "assumeRolePolicyDocument", "roleName",
	    "roleNameRef", "roleNameSelector", "clientIDList", 0, 0 }
};

static const char	*xp_role_addr(struct kload *, enum xp_fam,
			    const char *, const char *);
static const struct input_node *xp_field(const struct kl_pend *,
			    enum xp_fam, const char *, const char **);
static int		 xp_observe_only(struct kload *, struct kl_pend *,
			    const char *);
static int		 xp_has_policies(struct kload *, struct kl_pend *,
			    const char *);
static void		 xp_labels(struct kload *, struct kl_pend *,
			    struct k8s_obj *);
static void		 xp_role(struct kload *, struct kl_pend *,
			    struct k8s_obj *, enum xp_fam);
static void		 xp_attachment(struct kload *, struct kl_pend *,
			    struct k8s_obj *, enum xp_fam);
static void		 xp_provider(struct kload *, struct kl_pend *,
			    struct k8s_obj *, enum xp_fam);
static void		 xp_unrendered(struct kload *, struct kl_pend *,
			    struct k8s_obj *, const char *);
static int		 xp_composite(const struct kl_pend *);
static void		 xp_note(struct model *, const struct k8s_obj *,
			    const char *);

/*
 * The address of a Crossplane Role: its kind and name, with the
 * namespace when namespaced, and the community provider named, so
 * that a reference finds the Role of its own provider.
 */
static const char *
xp_role_addr(struct kload *kl, enum xp_fam fam, const char *ns,
    const char *name)
{
	return arena_printf(kl->a, "Crossplane Role %s%s%s%s",
	    fam == XP_UPM ? ns : "", fam == XP_UPM ? "/" : "", name,
	    fam == XP_OLD ? " (provider-aws)" : "");
}

/*
 * spec.forProvider.<key>, else spec.initProvider.<key> (which the
 * Upbound provider merges in when it creates the resource); *path
 * names the one found.
 */
static const struct input_node *
xp_field(const struct kl_pend *p, enum xp_fam fam, const char *key,
    const char **path)
{
	const struct input_node	*n;

	*path = "spec.forProvider";
	n = kl_iget(kl_iget(p->iam.spec, "forProvider"), key);
	if ((n == NULL || n->type == INPUT_NODE_NULL) && xp_names[fam].init) {
		*path = "spec.initProvider";
		n = kl_iget(kl_iget(p->iam.spec, "initProvider"), key);
	}
	return n;
}

/*
 * spec.managementPolicies without "*", Create or Update: Crossplane
 * only observes the role, whose trust is then the deployed one.
 */
static int
xp_observe_only(struct kload *kl, struct kl_pend *p, const char *addr)
{
	const char	**v;
	size_t		 i, n;

	if ((v = kl_istrs(kl, kl_iget(p->iam.spec, "managementPolicies"),
	    "spec.managementPolicies", addr, &n)) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(v[i], "*") == 0 || strcmp(v[i], "Create") == 0 ||
		    strcmp(v[i], "Update") == 0)
			return 0;
	return 1;
}

/*
 * The Upbound Role's own policies: managedPolicyArns (or references to
 * Policy objects) and inlinePolicy entries that hold a policy.
 */
static int
xp_has_policies(struct kload *kl, struct kl_pend *p, const char *addr)
{
	static const char *const where[] = { "forProvider", "initProvider" };
	const struct input_node	*fp, *n, *k;
	const char		*path;
	size_t			 i;
	int			 has = 0;

	for (i = 0; i < 2; i++) {
		fp = kl_iget(p->iam.spec, where[i]);
		path = arena_printf(kl->a, "spec.%s.", where[i]);
		has |= kl_icount(kl, kl_iget(fp, "managedPolicyArns"),
		    INPUT_NODE_SEQ, arena_printf(kl->a, "%smanagedPolicyArns",
		    path), addr) > 0;
		has |= kl_icount(kl, kl_iget(fp, "managedPolicyArnsRefs"),
		    INPUT_NODE_SEQ, arena_printf(kl->a,
		    "%smanagedPolicyArnsRefs", path), addr) > 0;
		n = kl_iget(fp, "managedPolicyArnsSelector");
		has |= n != NULL && n->type == INPUT_NODE_MAP;
		n = kl_iget(fp, "inlinePolicy");
		if (kl_icount(kl, n, INPUT_NODE_SEQ, arena_printf(kl->a,
		    "%sinlinePolicy", path), addr) == 0)
			continue;
		for (k = n->kids; k != NULL; k = k->next)
			if ((n = kl_iget(k, "policy")) != NULL &&
			    n->type == INPUT_NODE_SCALAR && *n->s != '\0')
				has = 1;
	}
	return has;
}

/* metadata.labels of a Role, for the selectors that may choose it. */
static void
xp_labels(struct kload *kl, struct kl_pend *p, struct k8s_obj *o)
{
	const struct input_node	*k;
	struct kv_pos		*v;
	struct k8s_more		*x;

	if (p->iam.labels == NULL || p->iam.labels->type != INPUT_NODE_MAP)
		return;
	x = k8s_obj_more(kl->a, o);
	v = arena_alloc(kl->a, (p->iam.labels->n + 1) * sizeof(*v));
	for (k = p->iam.labels->kids; k != NULL; k = k->next) {
		if (k->type != INPUT_NODE_SCALAR)
			continue;
		v[x->nlabels].key = k->key;
		v[x->nlabels].value = k->s;
		v[x->nlabels].key_loc = k->key_loc;
		v[x->nlabels].value_loc = k->loc;
		x->nlabels++;
	}
	x->labels = v;
}

/*
 * A Role.  Crossplane has no name field: the IAM role's name is the
 * crossplane.io/external-name annotation, which the managed resource
 * reconciler sets to metadata.name when absent (upjet's
 * NameAsIdentifier for aws_iam_role).  The account comes from the
 * trust's Federated provider ARNs, or status.atProvider.arn once
 * exported.
 */
static void
xp_role(struct kload *kl, struct kl_pend *p, struct k8s_obj *o,
    enum xp_fam fam)
{
	const struct xp_names	*nm = &xp_names[fam];
	const struct kv_pos	*ext;
	const struct input_node	*n;
	struct iam_role		*r;
	const char		*path, *where, *arn;
	struct role_arn		 ra;
	char			 err[128];
	enum kl_tslot		 slot;
	int			 observe;

	r = model_add_role(kl->m, SRC_KUBERNETES);
	r->obj = o;
	ext = k8s_obj_annotation(o, XP_EXTERNAL_NAME);
	if (ext != NULL && *ext->value != '\0') {
		r->name = ext->value;
		r->loc = ext->value_loc;
	} else {
		r->name = o->name;
		r->loc = o->name != NULL ? o->name_loc : o->kind_loc;
	}
	r->loc.end_line = r->loc.end_col = 0;
	r->name_unknown = r->name == NULL;
	r->address = xp_role_addr(kl, fam, k8s_obj_ns(kl->m, o),
	    o->name != NULL ? o->name : "(unnamed)");
	p->iam.addr = r->address;
	if (r->name == NULL)
		kl_error(kl, &o->kind_loc, "%s: no metadata.name and no %s "
		    "annotation: the IAM role has no name", r->address,
		    XP_EXTERNAL_NAME);
	n = xp_field(p, fam, "path", &where);
	if ((path = kl_istr(kl, n, arena_printf(kl->a, "%s.path", where),
	    r->address)) != NULL) {
		if (*path == '/' && path[strlen(path) - 1] == '/')
			r->path = path;
		else
			kl_error(kl, &n->loc, "%s: %s.path %s: an IAM path "
			    "begins and ends with /, as /irsa/", r->address,
			    where, path);
	}
	if (fam != XP_OLD)
		r->has_policies = xp_has_policies(kl, p, r->address);
	n = kl_iget(kl_iget(p->iam.status, "atProvider"), "arn");
	if ((arn = kl_istr(kl, n, "status.atProvider.arn",
	    r->address)) != NULL) {
		if (arn_parse_role(kl->a, arn, &ra, err, sizeof(err)) == 0)
			r->arn = arn;
		else
			kl_error(kl, &n->loc, "%s: status.atProvider.arn: %s",
			    r->address, err);
	}
	xp_labels(kl, p, o);
	observe = xp_observe_only(kl, p, r->address);
	slot = fam == XP_OLD ? KT_FP_DOC : p->iam.trust[KT_FP].set ? KT_FP :
	    KT_INIT;
	if (observe && !p->iam.trust[slot].set) {
		/* What is attached is AWS's too. */
		r->policies_unknown = 1;
		kl_itrust(kl, p, r, KT_STATUS, 1);
		if (r->policy_unknown)
			r->unknown_refs = "the existing role that Crossplane "
			    "only observes";
		return;
	}
	if (!p->iam.trust[slot].set)
		kl_error(kl, &o->kind_loc, "%s: no spec.forProvider.%s%s: "
		    "the trust policy is required; write it there as JSON in "
		    "a string%s", r->address, nm->trust, nm->init ?
		    " (nor spec.initProvider.assumeRolePolicy)" : "",
		    p->iam.trust[fam == XP_OLD ? KT_FP : KT_FP_DOC].set ?
		    fam == XP_OLD ? " (assumeRolePolicy is the Upbound "
		    "provider's name for it)" : " (assumeRolePolicyDocument "
		    "is the community provider's name for it)" : "");
	kl_itrust(kl, p, r, slot, 0);
}

/*
 * A RolePolicyAttachment or RolePolicy: the role it is for is named
 * (role), referenced by its object's name (roleRef), or selected by
 * labels (roleSelector), in that order, as Crossplane resolves
 * references only for a field not set.  A reference yields the Role's
 * external name, so it is kept as the Role's address; a selector is
 * resolved once every input is read (load_k8s_finish()).
 */
static void
xp_attachment(struct kload *kl, struct kl_pend *p, struct k8s_obj *o,
    enum xp_fam fam)
{
	const struct xp_names	*nm = &xp_names[fam];
	const struct input_node	*n, *ref, *sel, *ml, *k;
	struct role_policy	*rp;
	struct kv_pos		*v;
	const char		*addr, *where, *name, *ns, *s;
	size_t			 i;

	addr = p->iam.addr = arena_printf(kl->a, "Crossplane %s %s",
	    o->kind_name, kl_iname(kl, o, nm->namespaced));
	n = xp_field(p, fam, nm->role, &where);
	name = kl_istr(kl, n, arena_printf(kl->a, "%s.%s", where, nm->role),
	    addr);
	ref = xp_field(p, fam, nm->role_ref, &where);
	sel = xp_field(p, fam, nm->role_sel, &where);
	if (name == NULL && (ref == NULL || ref->type == INPUT_NODE_NULL) &&
	    (sel == NULL || sel->type == INPUT_NODE_NULL)) {
		kl_error(kl, &o->kind_loc, "%s: no spec.forProvider.%s, %s or "
		    "%s: Crossplane cannot tell which role the policy is for",
		    addr, nm->role, nm->role_ref, nm->role_sel);
		return;
	}
	rp = model_add_role_policy(kl->m, SRC_KUBERNETES);
	rp->address = addr;
	rp->loc = o->kind_loc;
	rp->is_inline = strcmp(o->kind_name, "RolePolicy") == 0;
	rp->policy_arn = kl_istr(kl, kl_iget(kl_iget(p->iam.spec,
	    "forProvider"), "policyArn"), "spec.forProvider.policyArn", addr);
	if (name != NULL) {
		rp->role = name;
		rp->loc = n->loc;
	} else if (ref != NULL && ref->type != INPUT_NODE_NULL) {
		rp->loc = ref->loc;
		name = kl_istr(kl, kl_iget(ref, "name"), arena_printf(kl->a,
		    "%s.%s.name", where, nm->role_ref), addr);
		ns = nm->namespaced ? kl_istr(kl, kl_iget(ref, "namespace"),
		    arena_printf(kl->a, "%s.%s.namespace", where,
		    nm->role_ref), addr) : NULL;
		if (ref->type != INPUT_NODE_MAP)
			kl_error(kl, &ref->loc, "%s: %s.%s: expected a "
			    "mapping, found %s", addr, where, nm->role_ref,
			    input_node_found(ref));
		if (name != NULL)
			rp->role_ref = xp_role_addr(kl, fam, ns != NULL ? ns :
			    k8s_obj_ns(kl->m, o), name);
	} else {
		rp->loc = sel->loc;
		if (sel->type != INPUT_NODE_MAP) {
			kl_error(kl, &sel->loc, "%s: %s.%s: expected a "
			    "mapping, found %s", addr, where, nm->role_sel,
			    input_node_found(sel));
			rp->loc.end_line = rp->loc.end_col = 0;
			return;
		}
		/*
		 * matchControllerRef chooses among the objects of the same
		 * composite: none here, so the role is not known.
		 */
		if ((k = kl_iget(sel, "matchControllerRef")) != NULL &&
		    k->type == INPUT_NODE_SCALAR && strcmp(k->s, "true") == 0) {
			rp->loc.end_line = rp->loc.end_col = 0;
			return;
		}
		rp->match_group = nm->group;
		if (nm->namespaced) {
			s = kl_istr(kl, kl_iget(sel, "namespace"),
			    arena_printf(kl->a, "%s.%s.namespace", where,
			    nm->role_sel), addr);
			rp->match_ns = s != NULL ? s : k8s_obj_ns(kl->m, o);
		}
		ml = kl_iget(sel, "matchLabels");
		if (kl_icount(kl, ml, INPUT_NODE_MAP, arena_printf(kl->a,
		    "%s.%s.matchLabels", where, nm->role_sel), addr) > 0) {
			v = arena_alloc(kl->a, ml->n * sizeof(*v));
			for (i = 0, k = ml->kids; k != NULL; k = k->next) {
				if (k->type != INPUT_NODE_SCALAR)
					continue;
				v[i].key = k->key;
				v[i].value = k->s;
				v[i].key_loc = k->key_loc;
				v[i].value_loc = k->loc;
				i++;
			}
			rp->match = v;
			rp->nmatch = i;
		}
	}
	rp->loc.end_line = rp->loc.end_col = 0;
}

/* An OpenIDConnectProvider: url and the client IDs, its audiences. */
static void
xp_provider(struct kload *kl, struct kl_pend *p, struct k8s_obj *o,
    enum xp_fam fam)
{
	const struct xp_names	*nm = &xp_names[fam];
	const struct input_node	*n;
	struct oidc_provider	*pv;
	struct oidc_arn		 oa;
	const char		*url, *where, *arn;
	char			 err[128];
	size_t			 nids;

	pv = model_add_provider(kl->m, SRC_KUBERNETES);
	pv->address = arena_printf(kl->a, "Crossplane OpenIDConnectProvider "
	    "%s", kl_iname(kl, o, nm->namespaced));
	p->iam.addr = pv->address;
	pv->loc = o->kind_loc;
	n = xp_field(p, fam, "url", &where);
	if ((url = kl_istr(kl, n, arena_printf(kl->a, "%s.url", where),
	    pv->address)) != NULL) {
		pv->url = strip_scheme(url);
		pv->loc = n->loc;
	} else if (n == NULL || n->type == INPUT_NODE_NULL)
		kl_error(kl, &o->kind_loc, "%s: no spec.forProvider.url: the "
		    "issuer URL of the cluster (https://oidc.eks...) is "
		    "required", pv->address);
	pv->loc.end_line = pv->loc.end_col = 0;
	n = xp_field(p, fam, nm->client_ids, &where);
	pv->client_ids = kl_istrs(kl, n, arena_printf(kl->a, "%s.%s", where,
	    nm->client_ids), pv->address, &nids);
	pv->nclient_ids = nids;
	if (pv->client_ids == NULL)
		pv->client_ids = arena_alloc(kl->a, sizeof(char *));
	n = kl_iget(kl_iget(p->iam.status, "atProvider"), "arn");
	if ((arn = kl_istr(kl, n, "status.atProvider.arn",
	    pv->address)) != NULL &&
	    arn_parse_oidc(kl->a, arn, &oa, err, sizeof(err)) == 0)
		pv->arn = arn;
}

/* Say that an object's roles are made by a Composition, unread. */
static void
xp_note(struct model *m, const struct k8s_obj *o, const char *msg)
{
	struct tf_gap	*g;

	g = model_add_unrendered(m);
	g->loc = o->kind_loc;
	g->loc.end_line = g->loc.end_col = 0;
	g->address = o->name;
	g->msg = msg;
	g->note = 1;
}

/* Does spec hold the fields of a composite resource or a claim? */
static int
xp_composite(const struct kl_pend *p)
{
	static const char *const keys[] = { "compositionRef",
	    "compositionRevisionRef", "compositionRevisionSelector",
	    "compositionSelector", "compositionUpdatePolicy" };
	const struct input_node	*n;
	size_t			 i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (kl_iget(p->iam.spec, keys[i]) != NULL)
			return 1;
	n = kl_iget(p->iam.spec, "crossplane");
	return n != NULL && n->type == INPUT_NODE_MAP;
}

/*
 * A Composition, a CompositeResourceDefinition, or a composite
 * resource or claim told by its spec: what a Composition makes is not
 * in the inputs until crossplane render makes it.
 */
static void
xp_unrendered(struct kload *kl, struct kl_pend *p, struct k8s_obj *o,
    const char *g)
{
	struct k8s_xrd	*x;
	const char	*name = o->name != NULL ? o->name : "(unnamed)";

	if (g != NULL && strcmp(g, XP_APIEXT) == 0 &&
	    strcmp(o->kind_name, "Composition") == 0) {
		xp_note(kl->m, o, arena_printf(kl->a, "Composition %s makes "
		    "its resources only for a composite resource that uses it, "
		    "so the IAM roles it composes are not read; lint what it "
		    "renders: crossplane render xr.yaml %s functions.yaml | "
		    "irsalint ... -", name, kl->file));
		return;
	}
	if (g != NULL && strcmp(g, XP_APIEXT) == 0 &&
	    strcmp(o->kind_name, "CompositeResourceDefinition") == 0) {
		x = model_add_xrd(kl->m);
		x->obj = o;
		name = arena_printf(kl->a, "CompositeResourceDefinition %s",
		    name);
		x->group = kl_istr(kl, kl_iget(p->iam.spec, "group"),
		    "spec.group", name);
		x->kind = kl_istr(kl, kl_iget(kl_iget(p->iam.spec, "names"),
		    "kind"), "spec.names.kind", name);
		x->claim = kl_istr(kl, kl_iget(kl_iget(p->iam.spec,
		    "claimNames"), "kind"), "spec.claimNames.kind", name);
		return;
	}
	if (g == NULL && xp_composite(p))
		xp_note(kl->m, o, arena_printf(kl->a, "%s %s is a Crossplane "
		    "composite resource or claim: the resources its "
		    "Composition makes, IAM roles among them, are not read; "
		    "lint what they render: crossplane render %s "
		    "composition.yaml functions.yaml | irsalint ... -",
		    o->kind_name, kl_iname(kl, o, o->ns != NULL), kl->file));
}

int
kl_commit_xp(struct kload *kl, struct kl_pend *p, struct k8s_obj *o)
{
	const char	*g = kl_igroup(p->api.s);
	size_t		 i;

	for (i = 0; g != NULL && i < sizeof(xp_names) / sizeof(xp_names[0]);
	    i++)
		if (strcmp(g, xp_names[i].group) == 0)
			break;
	if (g == NULL || i == sizeof(xp_names) / sizeof(xp_names[0])) {
		xp_unrendered(kl, p, o, g);
		return 0;
	}
	if (strcmp(p->kind.s, "Role") == 0)
		xp_role(kl, p, o, (enum xp_fam)i);
	else if (strcmp(p->kind.s, "RolePolicyAttachment") == 0 ||
	    strcmp(p->kind.s, "RolePolicy") == 0)
		xp_attachment(kl, p, o, (enum xp_fam)i);
	else if (strcmp(p->kind.s, "OpenIDConnectProvider") == 0)
		xp_provider(kl, p, o, (enum xp_fam)i);
	else
		return 1;
	kl_iam_finish(kl, p, o);
	return 1;
}

/* ---- Once every input is read ---- */

/* Does the object have every label of the selector? */
static int
xp_matches(const struct k8s_obj *o, const struct role_policy *rp)
{
	size_t	 i, j;

	for (i = 0; i < rp->nmatch; i++) {
		for (j = o->more->nlabels; j > 0; j--)
			if (strcmp(o->more->labels[j - 1].key,
			    rp->match[i].key) == 0)
				break;
		if (j == 0 || strcmp(o->more->labels[j - 1].value,
		    rp->match[i].value) != 0)
			return 0;
	}
	return 1;
}

/*
 * Resolve the selectors of attachments: Crossplane takes the first
 * Role the API server lists, in name order, that has the labels; none
 * in the inputs leaves the role unknown.  Objects of the kinds a
 * CompositeResourceDefinition defines are composites or claims.
 */
void
load_k8s_finish(struct model *m, struct diags *dg)
{
	const struct iam_role	*r, *best;
	struct role_policy	*rp;
	const struct k8s_obj	*o;
	const struct k8s_xrd	*x;
	const char		*slash;
	size_t			 i, j, k, n;

	(void)dg;
	for (i = 0; i < m->role_policies.n; i++) {
		rp = m->role_policies.v[i];
		if (rp->match_group == NULL || rp->role_ref != NULL)
			continue;
		n = strlen(rp->match_group);
		for (best = NULL, j = 0; j < m->roles.n; j++) {
			r = m->roles.v[j];
			if ((o = r->obj) == NULL || o->name == NULL ||
			    o->api_version == NULL ||
			    strncmp(o->api_version, rp->match_group, n) != 0 ||
			    o->api_version[n] != '/' ||
			    (rp->match_ns != NULL &&
			    strcmp(k8s_obj_ns(m, o), rp->match_ns) != 0) ||
			    !xp_matches(o, rp))
				continue;
			if (best == NULL ||
			    strcmp(o->name, best->obj->name) < 0)
				best = r;
		}
		if (best != NULL)
			rp->role_ref = best->address;
	}
	for (i = 0; i < m->xrds.n; i++) {
		x = m->xrds.v[i];
		if (x->group == NULL || x->kind == NULL)
			continue;
		n = strlen(x->group);
		for (j = 0; j < m->objs.n; j++) {
			o = m->objs.v[j];
			if (o->kind != K8S_OTHER || o->api_version == NULL ||
			    (slash = strchr(o->api_version, '/')) == NULL ||
			    (size_t)(slash - o->api_version) != n ||
			    strncmp(o->api_version, x->group, n) != 0 ||
			    (strcmp(o->kind_name, x->kind) != 0 &&
			    (x->claim == NULL ||
			    strcmp(o->kind_name, x->claim) != 0)))
				continue;
			for (k = 0; k < m->unrendered.n; k++)
				if (m->unrendered.v[k]->loc.file ==
				    o->kind_loc.file &&
				    m->unrendered.v[k]->loc.line ==
				    o->kind_loc.line)
					break;
			if (k < m->unrendered.n)
				continue;
			xp_note(m, o, arena_printf(m->arena, "%s %s%s%s is a "
			    "composite resource or claim of %s: the resources "
			    "its Composition makes, IAM roles among them, are "
			    "not read; lint what they render: crossplane "
			    "render %s composition.yaml functions.yaml | "
			    "irsalint ... -", o->kind_name,
			    o->ns != NULL ? o->ns : "",
			    o->ns != NULL ? "/" : "",
			    o->name != NULL ? o->name : "(unnamed)",
			    x->obj->name != NULL ? x->obj->name : x->group,
			    o->kind_loc.file));
		}
	}
}
