/* SPDX-License-Identifier: ISC */
/* The model: typed lists of what the loaders found, and lookups. */
#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "arn.h"
#include "model.h"
#include "policy.h"
#include "util.h"
#include "xalloc.h"

static void	index_oidc(struct model *, const struct policy *);

#define VEC_PUSH(vec, item) do {					\
	if ((vec).n == (vec).cap) {					\
		(vec).cap = (vec).cap ? (vec).cap * 2 : 16;		\
		(vec).v = xreallocarray((vec).v, (vec).cap,		\
		    sizeof(*(vec).v));					\
	}								\
	(vec).v[(vec).n++] = (item);					\
} while (0)

void
model_init(struct model *m, struct arena *a)
{
	memset(m, 0, sizeof(*m));
	m->arena = a;
	m->default_ns = "default";
}

void
model_release(struct model *m)
{
	free(m->objs.v);
	free(m->roles.v);
	free(m->role_arns);
	free(m->providers.v);
	free(m->clusters.v);
	free(m->deploy_clusters.v);
	free(m->role_policies.v);
	free(m->tf_files.v);
	free(m->pod_identities.v);
	free(m->addons.v);
	free(m->tf_sas.v);
	free(m->comments.v);
	free(m->tf_gaps.v);
	free(m->unrendered.v);
	free(m->xrds.v);
	free(m->unread.v);
	free(m->tf_dirs.v);
	strmap_release(&m->read_paths);
	strmap_release(&m->deploy_by_file);
	strmap_release(&m->role_by_name);
	strmap_release(&m->role_by_lname);
	strmap_release(&m->role_by_arn);
	strmap_release(&m->policy_by_role);
	strmap_release(&m->policy_by_role_ref);
	strmap_release(&m->role_by_address);
	strmap_release(&m->pod_identity_by_sa);
	strmap_release(&m->runs_as);
	strmap_release(&m->sa_by_name);
	strmap_release(&m->oidc_by_arn);
	memset(m, 0, sizeof(*m));
}

/* Append every item of src's vector to dst's. */
#define VEC_ADOPT(dst, src) do {					\
	size_t	i_;							\
	for (i_ = 0; i_ < (src).n; i_++)				\
		VEC_PUSH(dst, (src).v[i_]);				\
} while (0)

/*
 * Append what a worker loaded into w, a model of its own whose arena
 * the caller adopts into m's, to m: as if it had been loaded into m
 * then.  Roles are numbered again in m's order.  w keeps its vectors,
 * for model_release().
 */
void
model_adopt(struct model *m, const struct model *w)
{
	size_t	 i, first = m->roles.n;

	m->nfiles += w->nfiles;
	m->ntf += w->ntf;
	m->ntfsrc += w->ntfsrc;
	m->naws += w->naws;
	m->ncfn += w->ncfn;
	m->nk8s += w->nk8s;
	VEC_ADOPT(m->objs, w->objs);
	VEC_ADOPT(m->roles, w->roles);
	for (i = first; i < m->roles.n; i++)
		m->roles.v[i]->index = i;
	VEC_ADOPT(m->providers, w->providers);
	VEC_ADOPT(m->clusters, w->clusters);
	VEC_ADOPT(m->role_policies, w->role_policies);
	VEC_ADOPT(m->tf_files, w->tf_files);
	VEC_ADOPT(m->pod_identities, w->pod_identities);
	VEC_ADOPT(m->addons, w->addons);
	VEC_ADOPT(m->tf_sas, w->tf_sas);
	VEC_ADOPT(m->tf_gaps, w->tf_gaps);
	VEC_ADOPT(m->unrendered, w->unrendered);
	VEC_ADOPT(m->xrds, w->xrds);
	VEC_ADOPT(m->comments, w->comments);
	/* tf_dirs and read_paths are the walk's, which stays in m. */
	if (w->unread.n > 0) {
		m->unread.v = xreallocarray(m->unread.v,
		    m->unread.n + w->unread.n, sizeof(*m->unread.v));
		for (i = 0; i < w->unread.n; i++)
			m->unread.v[m->unread.n++] = w->unread.v[i];
	}
	if (w->objs_full)
		m->objs_full = 1;
}

struct k8s_obj *
model_add_obj(struct model *m)
{
	struct k8s_obj	*o = arena_alloc(m->arena, sizeof(*o));

	o->index = m->objs.n;
	o->more = &k8s_no_more;
	VEC_PUSH(m->objs, o);
	return o;
}

const struct k8s_more k8s_no_more;

/* The object's own k8s_more, made at the first field set in it. */
struct k8s_more *
k8s_obj_more(struct arena *a, struct k8s_obj *o)
{
	struct k8s_more	*x;

	if (o->more != &k8s_no_more)
		return (struct k8s_more *)(uintptr_t)o->more;
	x = arena_alloc(a, sizeof(*x));
	o->more = x;
	return x;
}

struct iam_role *
model_add_role(struct model *m, enum src_kind src)
{
	struct iam_role	*r = arena_alloc(m->arena, sizeof(*r));

	r->src = src;
	r->index = m->roles.n;
	r->path = "/";
	VEC_PUSH(m->roles, r);
	return r;
}

struct oidc_provider *
model_add_provider(struct model *m, enum src_kind src)
{
	struct oidc_provider	*p = arena_alloc(m->arena, sizeof(*p));

	p->src = src;
	VEC_PUSH(m->providers, p);
	return p;
}

struct eks_cluster *
model_add_cluster(struct model *m, enum src_kind src)
{
	struct eks_cluster	*c = arena_alloc(m->arena, sizeof(*c));

	c->src = src;
	VEC_PUSH(m->clusters, c);
	return c;
}

struct deploy_cluster *
model_add_deploy_cluster(struct model *m)
{
	struct deploy_cluster	*c;

	c = arena_alloc(m->arena, sizeof(*c));
	VEC_PUSH(m->deploy_clusters, c);
	return c;
}

/* The clusters of file's objects: the n of v (in the arena already). */
void
model_deploy_file(struct model *m, const char *file,
    const struct deploy_cluster **v, size_t n)
{
	struct deploy_set	*ds;

	ds = arena_alloc(m->arena, sizeof(*ds));
	ds->v = v;
	ds->n = n;
	strmap_add(&m->deploy_by_file, m->arena, file, ds);
}

/* The clusters the objects of file deploy to, or NULL: not known. */
const struct deploy_set *
model_deploy_of(const struct model *m, const char *file)
{
	const struct strmap_val	*v;

	if (m->deploy_clusters.n == 0 ||
	    (v = strmap_get(&m->deploy_by_file, file)) == NULL)
		return NULL;
	return v->v;
}

struct role_policy *
model_add_role_policy(struct model *m, enum src_kind src)
{
	struct role_policy	*p = arena_alloc(m->arena, sizeof(*p));

	p->src = src;
	VEC_PUSH(m->role_policies, p);
	return p;
}

struct tf_file *
model_add_tf_file(struct model *m)
{
	struct tf_file	*f = arena_alloc(m->arena, sizeof(*f));

	VEC_PUSH(m->tf_files, f);
	return f;
}

struct pod_identity *
model_add_pod_identity(struct model *m, enum src_kind src)
{
	struct pod_identity	*p = arena_alloc(m->arena, sizeof(*p));

	p->src = src;
	VEC_PUSH(m->pod_identities, p);
	return p;
}

struct eks_addon *
model_add_addon(struct model *m, enum src_kind src)
{
	struct eks_addon	*a = arena_alloc(m->arena, sizeof(*a));

	a->src = src;
	VEC_PUSH(m->addons, a);
	return a;
}

struct tf_sa *
model_add_tf_sa(struct model *m)
{
	struct tf_sa	*t = arena_alloc(m->arena, sizeof(*t));

	t->src = SRC_TERRAFORM;
	VEC_PUSH(m->tf_sas, t);
	return t;
}

struct comment *
model_add_comment(struct model *m)
{
	struct comment	*c = arena_alloc(m->arena, sizeof(*c));

	VEC_PUSH(m->comments, c);
	return c;
}

struct tf_gap *
model_add_tf_gap(struct model *m)
{
	struct tf_gap	*g = arena_alloc(m->arena, sizeof(*g));

	VEC_PUSH(m->tf_gaps, g);
	return g;
}

struct tf_gap *
model_add_unrendered(struct model *m)
{
	struct tf_gap	*g = arena_alloc(m->arena, sizeof(*g));

	VEC_PUSH(m->unrendered, g);
	return g;
}

struct k8s_xrd *
model_add_xrd(struct model *m)
{
	struct k8s_xrd	*x = arena_alloc(m->arena, sizeof(*x));

	VEC_PUSH(m->xrds, x);
	return x;
}

/*
 * The EKS add-ons whose ServiceAccounts are known, sorted by name.  A
 * role given to an add-on (service_account_role_arn) is for the
 * ServiceAccounts below, which EKS annotates with it; those that need
 * no AWS permissions of their own are marked so.  Each entry was read
 * in the EKS User Guide's page on AWS add-ons (awsdocs/amazon-eks-
 * user-guide latest/ug/workloads/workloads-add-ons-available-eks.adoc
 * @ 027430e0: the add-on's name, "Required IAM permissions", and the
 * eksctl create iamserviceaccount command it gives) and in the
 * add-on's own manifests, as source says; irsalint(1) lists the table.
 * An add-on not here gets a note, never a guess.
 */
const struct eks_addon_info model_addon_table[] = {
	{ "amazon-cloudwatch-observability", 1, "amazon-cloudwatch",
	    { "cloudwatch-agent", NULL },
	    "aws-observability/helm-charts@5b2bea61 charts/amazon-"
	    "cloudwatch-observability/templates/cloudwatch-agent-"
	    "serviceaccount.yaml, _helpers.tpl (cloudwatch-agent.name)" },
	{ "aws-ebs-csi-driver", 1, "kube-system",
	    { "ebs-csi-controller-sa", NULL },
	    "kubernetes-sigs/aws-ebs-csi-driver@50cdc8dd deploy/kubernetes/"
	    "base/serviceaccount-csi-controller.yaml, kustomization.yaml" },
	/*
	 * The node plugin mounts with the role too: AWS's own recipe
	 * turns the trust eksctl writes for efs-csi-controller-sa into
	 * StringLike efs-csi-*.
	 */
	{ "aws-efs-csi-driver", 1, "kube-system",
	    { "efs-csi-controller-sa", "efs-csi-node-sa", NULL },
	    "kubernetes-sigs/aws-efs-csi-driver@f4d60674 deploy/kubernetes/"
	    "base/controller-serviceaccount.yaml, @4e0a9d82 node-"
	    "serviceaccount.yaml" },
	{ "aws-fsx-csi-driver", 1, "kube-system",
	    { "fsx-csi-controller-sa", NULL },
	    "kubernetes-sigs/aws-fsx-csi-driver@673a9cbd deploy/kubernetes/"
	    "base/controller-serviceaccount.yaml, kustomization.yaml" },
	{ "aws-guardduty-agent", 0, NULL, { NULL },
	    "the User Guide: \"doesn't require any permissions\"" },
	{ "aws-mountpoint-s3-csi-driver", 1, "kube-system",
	    { "s3-csi-driver-sa", NULL },
	    "awslabs/mountpoint-s3-csi-driver@d4ab85e0 deploy/kubernetes/"
	    "base/node-serviceaccount.yaml, kustomization.yaml" },
	{ "coredns", 0, NULL, { NULL },
	    "the User Guide: \"doesn't require any permissions\"" },
	{ "eks-node-monitoring-agent", 0, NULL, { NULL },
	    "the User Guide: \"doesn't require additional permissions\"" },
	{ "eks-pod-identity-agent", 0, NULL, { NULL },
	    "the User Guide: it uses the permissions of the node's role" },
	{ "kube-proxy", 0, NULL, { NULL },
	    "the User Guide: \"doesn't require any permissions\"" },
	{ "snapshot-controller", 0, NULL, { NULL },
	    "the User Guide: \"doesn't require any permissions\"" },
	{ "vpc-cni", 1, "kube-system", { "aws-node", NULL },
	    "aws/amazon-vpc-cni-k8s@f3efb24f config/master/aws-k8s-cni.yaml" },
	{ NULL, 0, NULL, { NULL }, NULL }
};

/* The EKS API does not tell case apart in add-on names (eksctl). */
const struct eks_addon_info *
model_addon_info(const char *name)
{
	const struct eks_addon_info	*a;

	for (a = model_addon_table; a->name != NULL; a++)
		if (strcasecmp(a->name, name) == 0)
			return a;
	return NULL;
}

/* ServiceAccount first: most objects of the inputs are. */
static const struct {
	const char	*name;
	enum k8s_kind	 kind;
} k8s_kinds[] = {
	{ "ServiceAccount", K8S_SERVICEACCOUNT },
	{ "ConfigMap", K8S_CONFIGMAP },
	{ "CronJob", K8S_CRONJOB },
	{ "DaemonSet", K8S_DAEMONSET },
	{ "Deployment", K8S_DEPLOYMENT },
	{ "Job", K8S_JOB },
	{ "Namespace", K8S_NAMESPACE },
	{ "Pod", K8S_POD },
	{ "ReplicaSet", K8S_REPLICASET },
	{ "Secret", K8S_SECRET },
	{ "StatefulSet", K8S_STATEFULSET },
};

const char *const k8s_meta_fields[] = {
	"annotations", "clusterName", "creationTimestamp",
	"deletionGracePeriodSeconds", "deletionTimestamp", "finalizers",
	"generateName", "generation", "labels", "managedFields", "name",
	"namespace", "ownerReferences", "resourceVersion", "selfLink", "uid",
	NULL
};

int
k8s_meta_field(const char *key)
{
	size_t	 i;

	for (i = 0; k8s_meta_fields[i] != NULL; i++)
		if (key[0] == k8s_meta_fields[i][0] &&
		    strcmp(key, k8s_meta_fields[i]) == 0)
			return 1;
	return 0;
}

int
k8s_annotation_read(const char *key)
{
	static const char *const read[] = { "eks.amazonaws.com/",
	    "irsalint.io/", "services.k8s.aws/", "crossplane.io/" };
	size_t	 i;

	for (i = 0; i < sizeof(read) / sizeof(read[0]); i++)
		if (strncmp(key, read[i], strlen(read[i])) == 0)
			return 1;
	return 0;
}

enum k8s_kind
k8s_kind_from_name(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(k8s_kinds) / sizeof(k8s_kinds[0]); i++)
		if (name[0] == k8s_kinds[i].name[0] &&
		    strcmp(name, k8s_kinds[i].name) == 0)
			return k8s_kinds[i].kind;
	return K8S_OTHER;
}

const char *
k8s_obj_ns(const struct model *m, const struct k8s_obj *o)
{
	return o->ns != NULL ? o->ns : m->default_ns;
}

/* The last annotation with this key wins, as in Kubernetes. */
const struct kv_pos *
k8s_obj_annotation(const struct k8s_obj *o, const char *key)
{
	size_t	 i;

	for (i = o->nannotations; i > 0; i--)
		if (strcmp(o->annotations[i - 1].key, key) == 0)
			return &o->annotations[i - 1];
	return NULL;
}

int
k8s_kind_is_workload(enum k8s_kind k)
{
	switch (k) {
	case K8S_POD:
	case K8S_DEPLOYMENT:
	case K8S_STATEFULSET:
	case K8S_DAEMONSET:
	case K8S_REPLICASET:
	case K8S_JOB:
	case K8S_CRONJOB:
		return 1;
	default:
		return 0;
	}
}

/* The ServiceAccount admission plugin fills in "default" when unset. */
const char *
k8s_obj_sa(const struct k8s_obj *o)
{
	const char	*s = o->more->sa_name;

	return s != NULL && *s != '\0' ? s : "default";
}

const struct kv_pos *
k8s_pod_annotations(const struct k8s_obj *o, size_t *n)
{
	if (o->kind == K8S_POD) {
		*n = o->nannotations;
		return o->annotations;
	}
	*n = o->more->ntmpl_annotations;
	return o->more->tmpl_annotations;
}

const struct k8s_obj *
model_find_sa(const struct model *m, const char *ns, const char *name)
{
	const struct strmap_val	*v;
	const struct k8s_obj	*o;
	char			 key[1024];
	size_t			 i;

	if (m->indexed) {
		if ((size_t)snprintf(key, sizeof(key), "%s/%s", ns, name) >=
		    sizeof(key))
			return NULL;
		/* The last one wins; workloads share the key. */
		o = NULL;
		for (v = strmap_get(&m->runs_as, key); v != NULL; v = v->next)
			if (((const struct k8s_obj *)v->v)->kind ==
			    K8S_SERVICEACCOUNT)
				o = v->v;
		return o;
	}

	for (i = m->objs.n; i > 0; i--) {
		o = m->objs.v[i - 1];
		if (o->kind == K8S_SERVICEACCOUNT && o->name != NULL &&
		    strcmp(o->name, name) == 0 &&
		    strcmp(k8s_obj_ns(m, o), ns) == 0)
			return o;
	}
	return NULL;
}

/* An empty role-arn means no mutation at all (webhook handler.go). */
int
k8s_sa_has_role(const struct k8s_obj *sa)
{
	const struct kv_pos	*a;

	if (sa->more->role_pending)
		return 1;
	a = k8s_obj_annotation(sa, "eks.amazonaws.com/role-arn");
	return a != NULL && *a->value != '\0';
}

int
k8s_pod_skips(const struct k8s_obj *o, const char *name)
{
	const struct kv_pos	*ann;
	const char		*p, *e;
	size_t			 i, n, len = strlen(name);

	ann = k8s_pod_annotations(o, &n);
	for (i = n; i > 0; i--)
		if (strcmp(ann[i - 1].key, K8S_ANN_SKIP) == 0)
			break;
	if (i == 0)
		return 0;
	for (p = ann[i - 1].value; ; p = e + 1) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == len && strncmp(p, name, len) == 0)
			return 1;
		if ((size_t)(e - p) == len + 2 && *p == '"' &&
		    strncmp(p + 1, name, len) == 0 && p[len + 1] == '"')
			return 1;
		if (*e == '\0')
			return 0;
	}
}

/*
 * Build the lookup tables.  Keys are formatted once here, so that the
 * rules never format or compare strings per pair of objects.
 */
const struct oidc_principal *
model_parse_oidc(const struct model *m, const char *fed)
{
	struct oidc_principal	*o;
	char			 err[128];

	o = arena_alloc(m->arena, sizeof(*o));
	if (arn_parse_oidc(m->arena, fed, &o->oa, err, sizeof(err)) == -1)
		return o;
	o->valid = 1;
	o->sub_key = arena_printf(m->arena, "%s:sub", o->oa.issuer);
	return o;
}

const struct oidc_principal *
model_oidc(const struct model *m, const char *fed)
{
	const struct strmap_val	*v;

	if ((v = strmap_get(&m->oidc_by_arn, fed)) != NULL)
		return v->v;
	return model_parse_oidc(m, fed);
}

int
model_role_arn(const struct model *m, const struct iam_role *r,
    const char **part, const char **acct)
{
	const struct role_arn_memo	*memo;
	struct role_arn			 ra;
	char				 err[128];

	if (r->arn == NULL)
		return -1;
	if (m->role_arns != NULL && r->index < m->roles.n &&
	    m->roles.v[r->index] == r &&
	    (memo = &m->role_arns[r->index])->arn == r->arn) {
		if (memo->partition == NULL)
			return -1;
		*part = memo->partition;
		*acct = memo->account;
		return 0;
	}
	if (arn_parse_role(m->arena, r->arn, &ra, err, sizeof(err)) == -1)
		return -1;
	*part = ra.partition;
	*acct = ra.account;
	return 0;
}

int
model_role_account(const struct model *m, const struct iam_role *r,
    const char **part, const char **acct)
{
	const struct oidc_principal	*o;
	size_t				 i, j;

	if (model_role_arn(m, r, part, acct) == 0)
		return 1;
	*part = *acct = NULL;
	for (i = 0; r->trust != NULL && i < r->trust->n; i++)
		for (j = 0; j < r->trust->st[i].federated.n; j++) {
			if (r->trust->st[i].federated.v[j] == NULL)
				continue;
			o = model_oidc(m, r->trust->st[i].federated.v[j]);
			if (!o->valid)
				continue;
			if (*acct != NULL &&
			    (strcmp(*acct, o->oa.account) != 0 ||
			    strcmp(*part, o->oa.partition) != 0))
				return 0;
			*part = o->oa.partition;
			*acct = o->oa.account;
		}
	return *acct != NULL;
}

/* Parse every Federated principal of a trust once for the whole run. */
static void
index_oidc(struct model *m, const struct policy *p)
{
	const char	*fed;
	size_t		 i, j;

	for (i = 0; p != NULL && i < p->n; i++)
		for (j = 0; j < p->st[i].federated.n; j++) {
			fed = p->st[i].federated.v[j];
			if (fed != NULL && strmap_get(&m->oidc_by_arn,
			    fed) == NULL)
				strmap_add_kept(&m->oidc_by_arn, m->arena, fed,
				    (void *)model_parse_oidc(m, fed));
		}
}

void
model_index(struct model *m)
{
	struct strmap_ahead	 by_name, runs_as;
	const struct k8s_obj	*o;
	struct pod_identity	*pi;
	struct iam_role		*r;
	char			*low, *p, *key;
	size_t			 i, nsa = 0, nwl = 0;

	/*
	 * The maps made at their size, not by doubling; each object told
	 * its place, which the merge of the threads' models moved.
	 */
	for (i = 0; i < m->objs.n; i++) {
		m->objs.v[i]->index = i;
		o = m->objs.v[i];
		if (o->kind == K8S_SERVICEACCOUNT && o->name != NULL)
			nsa++;
		else if (k8s_kind_is_workload(o->kind))
			nwl++;
	}
	strmap_reserve(&m->sa_by_name, nsa);
	strmap_reserve(&m->runs_as, nsa + nwl);
	strmap_reserve(&m->role_by_address, m->roles.n);
	strmap_reserve(&m->role_by_arn, m->roles.n);
	strmap_reserve(&m->role_by_name, m->roles.n);
	strmap_reserve(&m->role_by_lname, m->roles.n);
	strmap_ahead_init(&by_name, &m->sa_by_name, m->arena);
	strmap_ahead_init(&runs_as, &m->runs_as, m->arena);
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if (o->kind == K8S_SERVICEACCOUNT && o->more->addon == NULL)
			m->nsa++;
		if (o->kind == K8S_SERVICEACCOUNT && o->name != NULL) {
			key = arena_printf(m->arena, "%s/%s",
			    k8s_obj_ns(m, o), o->name);
			strmap_ahead_add(&by_name, o->name, (void *)o);
			strmap_ahead_add(&runs_as, key, (void *)o);
		} else if (k8s_kind_is_workload(o->kind))
			strmap_ahead_add(&runs_as, arena_printf(m->arena,
			    "%s/%s", k8s_obj_ns(m, o), k8s_obj_sa(o)),
			    (void *)o);
	}
	strmap_ahead_flush(&by_name);
	strmap_ahead_flush(&runs_as);
	for (i = 0; i < m->pod_identities.n; i++) {
		pi = m->pod_identities.v[i];
		if (pi->ns != NULL && pi->sa != NULL)
			strmap_add_kept(&m->pod_identity_by_sa, m->arena,
			    arena_printf(m->arena, "%s/%s", pi->ns, pi->sa),
			    pi);
	}
	free(m->role_arns);
	m->role_arns = xcalloc(m->roles.n + 1, sizeof(*m->role_arns));
	for (i = 0; i < m->roles.n; i++) {
		r = m->roles.v[i];
		if (r->address != NULL)
			strmap_add_kept(&m->role_by_address, m->arena,
			    r->address, r);
		if (r->arn != NULL) {
			strmap_add_kept(&m->role_by_arn, m->arena, r->arn, r);
			model_role_arn(m, r, &m->role_arns[i].partition,
			    &m->role_arns[i].account);
			m->role_arns[i].arn = r->arn;
		}
		if (r->name == NULL)
			continue;
		strmap_add_kept(&m->role_by_name, m->arena, r->name, r);
		low = arena_strdup(m->arena, r->name);
		for (p = low; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		strmap_add_kept(&m->role_by_lname, m->arena, low, r);
	}
	for (i = 0; i < m->roles.n; i++)
		index_oidc(m, m->roles.v[i]->trust);
	/* And the providers' own ARNs, which rules compare accounts of. */
	for (i = 0; i < m->providers.n; i++)
		if (m->providers.v[i]->arn != NULL &&
		    strmap_get(&m->oidc_by_arn, m->providers.v[i]->arn) == NULL)
			strmap_add_kept(&m->oidc_by_arn, m->arena,
			    m->providers.v[i]->arn, (void *)model_parse_oidc(m,
			    m->providers.v[i]->arn));
	m->cluster_issuers.v = arena_alloc(m->arena,
	    (m->clusters.n + 1) * sizeof(*m->cluster_issuers.v));
	for (i = 0; i < m->clusters.n; i++)
		if (m->clusters.v[i]->issuer != NULL)
			m->cluster_issuers.v[m->cluster_issuers.n++] =
			    strip_scheme(m->clusters.v[i]->issuer);
	for (i = 0; i < m->role_policies.n; i++) {
		if (m->role_policies.v[i]->role != NULL)
			strmap_add_kept(&m->policy_by_role, m->arena,
			    m->role_policies.v[i]->role, m->role_policies.v[i]);
		else if (m->role_policies.v[i]->role_ref != NULL)
			strmap_add_kept(&m->policy_by_role_ref, m->arena,
			    m->role_policies.v[i]->role_ref,
			    m->role_policies.v[i]);
		else
			m->role_policy_unknown = 1;
	}
	m->indexed = 1;
}
