/* SPDX-License-Identifier: ISC */
/*
 * The in-memory model every loader fills and every rule reads: the
 * Kubernetes objects and the AWS objects (IAM roles, OIDC providers,
 * EKS clusters) that IRSA wires together, whatever input declared
 * them.  All strings and structs live in the model's arena.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>

#include "arn.h"
#include "diag.h"
#include "strmap.h"

struct arena;
struct eks_addon;
struct load_jobs;
struct load_opts;
struct policy;

/* ---- Kubernetes side ---- */

enum k8s_kind {
	K8S_OTHER = 0,
	K8S_SERVICEACCOUNT,
	K8S_POD,
	K8S_DEPLOYMENT,
	K8S_STATEFULSET,
	K8S_DAEMONSET,
	K8S_REPLICASET,
	K8S_JOB,
	K8S_CRONJOB,
	K8S_NAMESPACE,
	K8S_SECRET,
	K8S_CONFIGMAP
};

/*
 * Annotations the EKS pod identity webhook reads (with its default
 * --annotation-prefix); role-arn and audience are in bind.h.
 */
#define K8S_ANN_STS_REGIONAL	"eks.amazonaws.com/sts-regional-endpoints"
#define K8S_ANN_TOKEN_EXP	"eks.amazonaws.com/token-expiration"
#define K8S_ANN_SKIP		"eks.amazonaws.com/skip-containers"
/* Where the webhook mounts the token, and the path it injects. */
#define K8S_TOKEN_FILE \
	"/var/run/secrets/eks.amazonaws.com/serviceaccount/token"

/* A key and its scalar value, with where each stands. */
struct kv_pos {
	const char	*key;
	const char	*value;
	struct loc	 key_loc;	/* end_col is the end of the key */
	struct loc	 value_loc;	/* end_col is the end of the value */
};

/* One entry of a container's env. */
struct k8s_env {
	const char	*name;
	const char	*value;		/* NULL: unset or valueFrom */
	int		 value_from;	/* valueFrom: known only at run time */
	struct loc	 loc;		/* the name's value */
	struct loc	 value_loc;	/* the value, when set */
};

/* One entry of a container's envFrom. */
struct k8s_env_from {
	const char	*kind;		/* "Secret" or "ConfigMap" */
	const char	*name;		/* NULL when absent */
	const char	*prefix;	/* "" when absent */
	struct loc	 loc;		/* the secretRef/configMapRef key */
};

struct k8s_container {
	const char		*name;	/* NULL when absent */
	struct loc		 loc;	/* the name's value, else the item */
	int			 init;	/* from initContainers */
	struct k8s_env		*env;
	size_t			 nenv;
	struct k8s_env_from	*env_from;
	size_t			 nenv_from;
};

/* Where a key stood that the loader does not model. */
enum k8s_where {
	K8S_AT_TOP,		/* the object's own keys */
	K8S_AT_META,		/* metadata */
	K8S_AT_TEMPLATE_META	/* the pod template's metadata */
};

struct k8s_key {
	const char	*key;
	struct loc	 loc;
	enum k8s_where	 where;
};

/* A key given twice in one mapping: the later one wins. */
struct k8s_dup {
	const char	*path;		/* "metadata.namespace" */
	struct loc	 loc;		/* the later key */
	struct loc	 first;		/* the earlier key */
};

/*
 * What few objects have, kept apart so that the many ServiceAccounts
 * of a large repository are small: an object without any of it points
 * at k8s_no_more, all zeros, which is never written (k8s_obj_more()
 * gives an object one of its own before a field is set).
 */
struct k8s_more {
	int		 role_pending;	/* role ARN known only after apply
					   (see origin below) */
	const char	*sa_name;	/* workloads: pod spec serviceAccountName */
	struct loc	 sa_loc;	/* value of serviceAccountName */

	/* Workloads: the pod template's annotations (a Pod: NULL). */
	struct kv_pos	*tmpl_annotations;
	size_t		 ntmpl_annotations;
	/* Workloads and Pods: containers, then initContainers. */
	struct k8s_container *containers;
	size_t		 ncontainers;
	/* Keys of the object, its metadata, its template's metadata. */
	struct k8s_key	*stray;
	size_t		 nstray;
	struct k8s_dup	*dups;
	size_t		 ndups;
	/* Secret, ConfigMap: keys of data and stringData. */
	const char	**data_keys;
	size_t		 ndata_keys;

	/*
	 * A ServiceAccount another input declares: an eksctl
	 * ClusterConfig (eksctl creates it in metadata.namespace or
	 * "default", and annotates it with attachRoleARN or with a role
	 * it creates), or an EKS add-on, which runs as it and has EKS
	 * annotate it with the add-on's role.  When that role's ARN is
	 * known only after apply (role_pending), role_ref is the address
	 * of the role it will be, if known, and role_field where the
	 * input names that role (value: role_ref); the binder uses it in
	 * place of a role-arn annotation.  addon is set for an add-on's
	 * ServiceAccount, which no manifest declares.
	 */
	const char	*origin;	/* "eksctl ClusterConfig NAME" or NULL */
	/*
	 * metadata.labels, kept only for the objects a Crossplane selector
	 * may choose (its IAM Roles): NULL for others.
	 */
	struct kv_pos	*labels;
	size_t		 nlabels;
	const char	*role_ref;	/* NULL: not known which role */
	struct kv_pos	 role_field;	/* key ANN_ROLE_ARN, when role_ref */
	const struct eks_addon *addon;	/* the add-on's, else NULL */
};

extern const struct k8s_more k8s_no_more;

struct k8s_obj {
	enum k8s_kind	 kind;
	size_t		 index;		/* in the model's objs, once indexed */
	const char	*kind_name;	/* "kind" as written */
	const char	*api_version;	/* NULL when absent */
	const char	*name;		/* metadata.name; NULL when absent */
	const char	*ns;		/* metadata.namespace; NULL when unset */
	struct loc	 loc;		/* the object's first key */
	struct loc	 kind_loc;	/* the "kind" key */
	struct loc	 name_loc;	/* value of metadata.name */
	struct loc	 ns_loc;	/* value of metadata.namespace */
	struct kv_pos	*annotations;	/* metadata.annotations, file order */
	size_t		 nannotations;
	/* The "# Source:" comment of helm template output, if any. */
	const char	*source;
	struct loc	 source_loc;
	const struct k8s_more *more;	/* never NULL */
};

/* ---- AWS side: where each object came from is its src field ---- */

enum src_kind {
	SRC_TERRAFORM = 0,	/* terraform show -json, state */
	SRC_CLOUDFORMATION,	/* a template */
	SRC_AWS_CLI,		/* aws iam / aws eks output */
	SRC_KUBERNETES,		/* an ACK or Crossplane object */
	SRC_EKSCTL		/* an eksctl ClusterConfig */
};

struct iam_role {
	const char	*address;	/* module.x["k"].aws_iam_role.this[0] */
	enum src_kind	 src;		/* the kind of input */
	unsigned int	 tf_root;	/* from .tf sources: 1 + the index of
					   its root module; 0 otherwise */
	size_t		 index;		/* in the model's roles */
	struct loc	 loc;		/* the input file, line 0 */
	const char	*name;		/* NULL when unknown or unset */
	const char	*name_prefix;	/* NULL when unset */
	const char	*path;		/* "/" when unset */
	const char	*arn;		/* NULL until apply */
	const char	*policy_json;	/* assume_role_policy; NULL: unknown,
					   or read from a JSON tree (AWS
					   CLI) with no text of its own */
	struct policy	*trust;		/* parsed policy_json, or NULL */
	const char	*trust_error;	/* why policy_json did not parse */
	int		 name_unknown;	/* known only after apply */
	int		 policy_unknown;
	int		 trust_partial;	/* trust rebuilt with unknown parts */
	const char	*trust_from;	/* data source the trust came from */
	const char	*unknown_refs;	/* what an unknown trust depends on */
	/*
	 * Terraform sources: where the parts of the trust were written,
	 * origins[pcond.origin - 1] (and pstmt.origin); where the trust
	 * is (assume_role_policy) in trust_loc.  Else none, line 0.
	 */
	const struct loc *origins;
	size_t		 norigins;
	struct loc	 trust_loc;
	/*
	 * Terraform sources: the root variables whose defaults the role
	 * was computed from, "var.ns = \"apps\"", and where the first is;
	 * a var-file in CI may give others.  NULL when none.
	 */
	const char	*assumed;
	struct loc	 assumed_loc;
	/*
	 * Terraform sources: the module calls the role was created
	 * through, innermost first ("module.irsa[\"lbc\"] is called here");
	 * NULL for a role of the root module.
	 */
	const struct related *calls;
	int		 has_policies;	/* inline_policy or managed_policy_arns */
	int		 policies_unknown; /* attached elsewhere, e.g. AWS CLI */
	/* The ACK or Crossplane object that declares it, or NULL. */
	const struct k8s_obj *obj;
	/*
	 * Another input's description of the same role (account, path
	 * and name; load_roles.c): dup_of is an earlier declaration, the
	 * one ServiceAccounts are bound to, when this one is not; observed
	 * is the deployed role (AWS CLI output) merged into this
	 * declaration, which keeps the trust that is declared.
	 */
	const struct iam_role *dup_of;
	const struct iam_role *observed;
	/*
	 * eksctl roleOnly: true: the ServiceAccount the trust names is
	 * made by something else than the input that makes the role;
	 * where the field is.
	 */
	int		 role_only;
	struct loc	 role_only_loc;
	/*
	 * eksctl: the trust's unknown provider and issuer are those of
	 * the cluster of the config whose origin this is, filled in when
	 * eksctl creates the role; NULL otherwise.
	 */
	const char	*cluster_origin;
	/*
	 * The role exists, but its trust is in no input (eksctl
	 * attachRoleARN names an existing role): why, in words.
	 */
	const char	*trust_elsewhere;
};

struct oidc_provider {
	const char	*address;
	enum src_kind	 src;		/* the kind of input */
	unsigned int	 tf_root;	/* from .tf sources: 1 + the index of
					   its root module; 0 otherwise */
	struct loc	 loc;
	const char	*url;		/* scheme stripped; NULL: unknown */
	const char	*arn;		/* NULL: unknown */
	const char	**client_ids;	/* client_id_list */
	size_t		 nclient_ids;
	int		 client_ids_unknown;
};

struct eks_cluster {
	const char	*address;
	enum src_kind	 src;		/* the kind of input */
	unsigned int	 tf_root;	/* from .tf sources: 1 + the index of
					   its root module; 0 otherwise */
	struct loc	 loc;
	const char	*name;
	const char	*issuer;	/* https://...; NULL: unknown */
};

/*
 * A cluster of the configuration's clusters: its manifests deploy to
 * it, so the token of a pod they define comes from its issuer.
 */
struct deploy_cluster {
	const char	*name;
	const char	*issuer;	/* scheme stripped */
	struct loc	 loc;		/* its name in the configuration */
};

/* The clusters a file's objects deploy to (all of them). */
struct deploy_set {
	const struct deploy_cluster	**v;
	size_t				  n;
};

/*
 * aws_iam_role_policy_attachment or aws_iam_role_policy, or one role of
 * an aws_iam_policy_attachment.
 */
struct role_policy {
	const char	*address;
	enum src_kind	 src;		/* the kind of input */
	unsigned int	 tf_root;	/* from .tf sources: 1 + the index of
					   its root module; 0 otherwise */
	struct loc	 loc;
	const char	*role;		/* role name; NULL: unknown */
	const char	*role_ref;	/* role's address when only it is known */
	const char	*policy_arn;	/* attachments only */
	int		 is_inline;
	/*
	 * A Crossplane attachment that chooses its role by labels
	 * (roleSelector): load_k8s_finish() sets role_ref to the first
	 * Role of match_group (in match_ns, when namespaced) by name
	 * whose labels hold every one of match.
	 */
	const struct kv_pos *match;
	size_t		 nmatch;
	const char	*match_group;	/* "iam.aws.upbound.io" */
	const char	*match_ns;	/* NULL: cluster-scoped */
};

/* aws_eks_pod_identity_association. */
struct pod_identity {
	const char	*address;
	enum src_kind	 src;		/* the kind of input */
	unsigned int	 tf_root;	/* from .tf sources: 1 + the index of
					   its root module; 0 otherwise */
	struct loc	 loc;
	const char	*cluster;	/* cluster_name; NULL: unknown */
	const char	*ns;		/* namespace */
	const char	*sa;		/* service_account */
	const char	*role_arn;	/* NULL: unknown until apply */
	const char	*role_ref;	/* address of the role it references */
	const struct eks_addon *addon;	/* an EKS add-on's, else NULL */
};

/*
 * An EKS add-on: aws_eks_addon, AWS::EKS::Addon or an entry of eksctl's
 * addons, as written.  load_finish() makes the ServiceAccounts it runs
 * as (model_addon_info()) and its Pod Identity associations from it.
 */
struct eks_addon_pia {
	const char	*ns;		/* eksctl's own namespace, or NULL */
	const char	*sa;		/* service_account; NULL: unknown */
	const char	*role_arn;	/* NULL: unknown until apply */
	const char	*role_ref;	/* address of the role it references */
	struct loc	 loc;		/* the association */
};

struct eks_addon {
	const char	*address;
	enum src_kind	 src;		/* the kind of input */
	unsigned int	 tf_root;	/* from .tf sources: 1 + the index of
					   its root module; 0 otherwise */
	struct loc	 loc;		/* the add-on */
	const char	*name;		/* addon_name; NULL: unknown */
	struct loc	 name_loc;	/* its value; else the add-on */
	const char	*cluster;	/* cluster_name; NULL: unknown */
	const char	*ns;		/* the namespace it is configured
					   into, or NULL for its own */
	/*
	 * service_account_role_arn: key is the field as the input names
	 * it, NULL when absent; value NULL when known only after apply,
	 * with role_ref the address of the role it references, if any.
	 */
	struct kv_pos	 role;
	const char	*role_ref;
	struct eks_addon_pia *pias;	/* pod_identity_association */
	size_t		 npias;
	const char	*cluster_origin;	/* eksctl: as a role's */
};

/*
 * What irsalint knows of an add-on (the table in model.c, each entry
 * with its source): the namespace and ServiceAccounts a role given to
 * the add-on is for, or that it needs no AWS permissions at all.
 */
#define ADDON_MAX_SAS	2
struct eks_addon_info {
	const char	*name;		/* as aws eks create-addon names it */
	int		 needs_iam;	/* 0: needs no role of its own */
	const char	*ns;		/* NULL when !needs_iam */
	const char	*sas[ADDON_MAX_SAS + 1];	/* NULL-terminated */
	const char	*source;	/* where the entry is from */
};

/*
 * A ServiceAccount a Terraform resource declares: kubernetes_service_account
 * or kubernetes_service_account_v1, a kubernetes_manifest of a v1
 * ServiceAccount, or the chart values of a helm_release (tf_k8s.c).
 * load_implied() makes each an object of the model once plans and
 * sources are merged, so that one a plan and its sources both describe
 * is one ServiceAccount.  Positions are the resource's in a plan.
 */
struct tf_sa {
	const char	*address;
	enum src_kind	 src;		/* SRC_TERRAFORM */
	unsigned int	 tf_root;	/* from .tf sources: 1 + the index of
					   its root module; 0 otherwise */
	struct loc	 loc;		/* the resource */
	const char	*type;		/* helm_release, ... */
	struct loc	 at;		/* what declares it: the set entry or
					   values element of a release */
	const char	*name;		/* NULL while undecided */
	struct loc	 name_loc;
	const char	*ns;		/* never NULL once decided */
	struct loc	 ns_loc;
	struct kv_pos	*annotations;	/* known string annotations */
	size_t		 nannotations;
	/*
	 * The role-arn annotation known only after apply: role_ref the
	 * address of the role it references, when known, and role_field
	 * where it is given (value: role_ref).  role_set is the name of
	 * the release's set entry that gives it, for the plan's
	 * configuration to tell which entry references which role.
	 */
	int		 role_pending;
	const char	*role_ref;
	struct kv_pos	 role_field;
	const char	*role_set;
	/*
	 * Why no ServiceAccount can be told offline, in words, with its
	 * place: chart set when the chart decides (lint helm template
	 * output), else a value is known only after apply.  NULL when
	 * decided.
	 */
	const char	*undecided;
	struct loc	 undecided_loc;
	int		 chart;
};

/* One Terraform JSON input. */
struct tf_file {
	struct loc	 loc;		/* the file, line 0 */
	const char	*kind;		/* "plan", "state" or "raw state" */
	const char	*format_version; /* NULL for raw state */
	const char	*terraform_version;
};

/*
 * A part of a Terraform configuration that could not be evaluated
 * without a plan (a module not downloaded, instances that depend on an
 * unknown), so that what it declares is not checked.
 */
struct tf_gap {
	struct loc	 loc;		/* the block */
	const char	*address;	/* module.x, aws_iam_role.y */
	const char	*msg;		/* why, in words */
	int		 note;		/* unrendered: a note, not a warning */
};

/*
 * A Crossplane CompositeResourceDefinition: objects of the kinds it
 * defines are composites or claims, whose roles a Composition makes.
 */
struct k8s_xrd {
	const char	*group;		/* spec.group */
	const char	*kind;		/* spec.names.kind */
	const char	*claim;		/* spec.claimNames.kind, or NULL */
	const struct k8s_obj *obj;
};

/*
 * A Federated principal of a trust parsed as an OIDC provider ARN:
 * model_index() parses each one once, trust_oidc() reads them.
 */
struct oidc_principal {
	int		 valid;		/* an OIDC provider ARN at all */
	struct oidc_arn	 oa;
	const char	*sub_key;	/* "<issuer>:sub" */
};

/*
 * A comment of an input file that names irsalint, as written: the
 * loader keeps the raw fact, suppress.c decides what it means.  text
 * runs from after the '#' and its blanks to the end of the line.
 * target is the line the comment applies to: its own for a trailing
 * comment, else the next line with content; 0 while that line is not
 * read yet, UINT_MAX when there is none.
 */
struct comment {
	struct loc	 loc;		/* the '#' */
	const char	*text;		/* after '#' and blanks (arena) */
	unsigned int	 target;	/* 0: unknown yet, UINT_MAX: none */
};

#define MODEL_VEC(type, name)	struct { type **v; size_t n, cap; } name

struct model {
	struct arena	*arena;
	const char	*default_ns;	/* namespace for objects without one */
	const char	*stdin_name;	/* file name to report for "-" */
	const struct load_opts *load_opts;	/* --var, --var-file */
	size_t		 nfiles;	/* inputs read */
	size_t		 ntf;		/* of which Terraform JSON */
	size_t		 ntfsrc;	/* of which Terraform sources (.tf) */
	size_t		 naws;		/* of which CloudFormation or AWS CLI */
	size_t		 ncfn;		/* ...of which CloudFormation */
	size_t		 nk8s;		/* of which Kubernetes manifests */
	MODEL_VEC(struct k8s_obj, objs);
	MODEL_VEC(struct iam_role, roles);
	MODEL_VEC(struct oidc_provider, providers);
	MODEL_VEC(struct eks_cluster, clusters);
	MODEL_VEC(struct role_policy, role_policies);
	MODEL_VEC(struct tf_file, tf_files);
	MODEL_VEC(struct pod_identity, pod_identities);
	MODEL_VEC(struct eks_addon, addons);
	MODEL_VEC(struct tf_sa, tf_sas);
	MODEL_VEC(struct tf_gap, tf_gaps);
	MODEL_VEC(struct tf_gap, unrendered);	/* charts, kustomizations,
						   Compositions */
	MODEL_VEC(struct k8s_xrd, xrds);
	struct {
		const char	**v;	/* directories of .tf files, as found */
		size_t		  n;
	} tf_dirs;
	struct {
		const char	**v;	/* files read that hold nothing */
		size_t		  n;	/* irsalint reads */
	} unread;
	int		 objs_full;	/* LOAD_MAX_OBJECTS reached */
	/* Built by model_index() once everything is loaded. */
	int		 indexed;
	struct strmap	 role_by_name;
	struct strmap	 role_by_lname;	/* lowercase name */
	struct strmap	 role_by_arn;
	struct strmap	 policy_by_role;	/* role_policies by role name */
	struct strmap	 policy_by_role_ref;	/* ...by role address */
	struct strmap	 role_by_address;
	struct strmap	 pod_identity_by_sa;	/* "ns/sa" of associations */
	/* By role index, made by model_index(): see model_role_arn(). */
	struct role_arn_memo {
		const char	*arn;		/* the role's arn parsed */
		const char	*partition;	/* NULL: it does not parse */
		const char	*account;
	}		*role_arns;
	struct strmap	 runs_as;	/* "ns/name": SAs and what pods use
					   (model_find_sa's index too) */
	struct strmap	 sa_by_name;	/* SA name: its SAs, model order */
	size_t		 nsa;		/* ServiceAccounts, not an add-on's */
	struct strmap	 oidc_by_arn;	/* Federated ARNs of every trust */
	/* Known issuers of the clusters, scheme stripped, in model order. */
	struct {
		const char	**v;
		size_t		  n;
	} cluster_issuers;
	/* The configuration's clusters; file (as given) to deploy_set. */
	MODEL_VEC(struct deploy_cluster, deploy_clusters);
	struct strmap	 deploy_by_file;
	int		 role_policy_unknown;	/* one names no known role */
	MODEL_VEC(struct comment, comments);	/* comment.c, file order */
	struct strmap	 read_paths;	/* load.c: real paths of files read */
	struct load_jobs *jobs;		/* load.c: files read by threads */
};

void	model_init(struct model *, struct arena *);
void	model_release(struct model *);
void	model_adopt(struct model *, const struct model *);

/*
 * Each returns a zeroed arena struct already appended to the model;
 * the AWS objects are marked with the kind of input that declared them.
 */
struct k8s_obj		*model_add_obj(struct model *);
struct k8s_more		*k8s_obj_more(struct arena *, struct k8s_obj *);
struct iam_role		*model_add_role(struct model *,
			    enum src_kind);
struct oidc_provider	*model_add_provider(struct model *,
			    enum src_kind);
struct eks_cluster	*model_add_cluster(struct model *,
			    enum src_kind);
struct deploy_cluster	*model_add_deploy_cluster(struct model *);
void			 model_deploy_file(struct model *, const char *,
			    const struct deploy_cluster **, size_t);
const struct deploy_set	*model_deploy_of(const struct model *,
			    const char *);
struct role_policy	*model_add_role_policy(struct model *,
			    enum src_kind);
struct tf_file		*model_add_tf_file(struct model *);
struct pod_identity	*model_add_pod_identity(struct model *,
			    enum src_kind);
struct eks_addon	*model_add_addon(struct model *, enum src_kind);
struct tf_sa		*model_add_tf_sa(struct model *);
struct comment		*model_add_comment(struct model *);
struct tf_gap		*model_add_tf_gap(struct model *);
struct tf_gap		*model_add_unrendered(struct model *);
struct k8s_xrd		*model_add_xrd(struct model *);

/* The add-on of that name in irsalint's table, or NULL. */
const struct eks_addon_info *model_addon_info(const char *name);
/* The table itself, NULL-terminated by name: for the documentation. */
extern const struct eks_addon_info model_addon_table[];

enum k8s_kind	 k8s_kind_from_name(const char *);
/*
 * The fields of ObjectMeta a manifest may carry, NULL-terminated, and
 * whether key is one of them (as written).
 */
extern const char *const k8s_meta_fields[];
int		 k8s_meta_field(const char *key);
/*
 * Is the value of this annotation read by anything (the EKS webhook's
 * eks.amazonaws.com/, irsalint.io/, ACK's services.k8s.aws/,
 * Crossplane's crossplane.io/)?  Other values are not kept: the rules
 * look at their keys only (misspellings, duplicates, the wrong kind),
 * and kubectl.kubernetes.io/last-applied-configuration holds a copy of
 * the whole object.
 */
int		 k8s_annotation_read(const char *key);
/* Pod and the kinds with a pod template. */
int		 k8s_kind_is_workload(enum k8s_kind);
/* The ServiceAccount a workload's pods run as: "default" when unset. */
const char	*k8s_obj_sa(const struct k8s_obj *);
/* The pod's annotations: a Pod's own, a workload's template's. */
const struct kv_pos *k8s_pod_annotations(const struct k8s_obj *, size_t *);
/*
 * The partition and account of the role's ARN: 0, or -1 when it has
 * none or it does not parse.  model_index() parses each role's once;
 * before it, or for an ARN changed since, it is parsed anew.
 */
int		 model_role_arn(const struct model *, const struct iam_role *,
		    const char **part, const char **acct);
/*
 * The account and partition a role lives in: from its ARN once known,
 * else from the Federated OIDC providers its trust names, when they
 * all agree (IAM requires the provider to be in the role's account).
 * Returns 0 when unknown or ambiguous.
 */
int		 model_role_account(const struct model *,
		    const struct iam_role *, const char **part,
		    const char **acct);
/* Index the model for lookups; call once loading is done. */
void		 model_index(struct model *);
/*
 * The Federated principal fed parsed as an OIDC provider ARN (check
 * valid): from the index, else parsed now without being kept.
 */
const struct oidc_principal *model_oidc(const struct model *,
		    const char *fed);
const struct oidc_principal *model_parse_oidc(const struct model *,
		    const char *fed);
const struct k8s_obj *model_find_sa(const struct model *, const char *ns,
		    const char *name);
/*
 * Does the pod's skip-containers annotation name this container?  The
 * webhook splits the value as one CSV record, spaces kept.
 */
int		 k8s_pod_skips(const struct k8s_obj *, const char *container);
/* Does the ServiceAccount use IRSA: a role-arn, or one eksctl sets? */
int		 k8s_sa_has_role(const struct k8s_obj *);
/* The namespace an object lands in: its own, else the model default. */
const char	*k8s_obj_ns(const struct model *, const struct k8s_obj *);
const struct kv_pos *k8s_obj_annotation(const struct k8s_obj *,
		    const char *key);

#endif /* MODEL_H */
