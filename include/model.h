/* SPDX-License-Identifier: ISC */
/*
 * The in-memory model every loader fills and every rule reads: the
 * Kubernetes objects and the Terraform resources that IRSA wires
 * together.  All strings and structs live in the model's arena.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>

#include "diag.h"

struct arena;
struct policy;
struct suppress_comment;

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
	K8S_CRONJOB
};

/* A key and its scalar value, with where each stands. */
struct kv_pos {
	const char	*key;
	const char	*value;
	struct loc	 key_loc;	/* end_col is the end of the key */
	struct loc	 value_loc;	/* end_col is the end of the value */
};

struct k8s_obj {
	enum k8s_kind	 kind;
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
	const char	*sa_name;	/* workloads: pod spec serviceAccountName */
	struct loc	 sa_loc;	/* value of serviceAccountName */
};

/* ---- Terraform side ---- */

struct tf_role {
	const char	*address;	/* module.x["k"].aws_iam_role.this[0] */
	struct loc	 loc;		/* the input file, line 0 */
	const char	*name;		/* NULL when unknown or unset */
	const char	*name_prefix;	/* NULL when unset */
	const char	*path;		/* "/" when unset */
	const char	*arn;		/* NULL until apply */
	const char	*policy_json;	/* assume_role_policy; NULL: unknown */
	struct policy	*trust;		/* parsed policy_json, or NULL */
	const char	*trust_error;	/* why policy_json did not parse */
	int		 name_unknown;	/* known only after apply */
	int		 policy_unknown;
};

struct tf_provider {
	const char	*address;
	struct loc	 loc;
	const char	*url;		/* scheme stripped; NULL: unknown */
	const char	*arn;		/* NULL: unknown */
	const char	**client_ids;	/* client_id_list */
	size_t		 nclient_ids;
	int		 client_ids_unknown;
};

struct tf_cluster {
	const char	*address;
	struct loc	 loc;
	const char	*name;
	const char	*issuer;	/* https://...; NULL: unknown */
};

/* aws_iam_role_policy_attachment or aws_iam_role_policy. */
struct tf_role_policy {
	const char	*address;
	struct loc	 loc;
	const char	*role;		/* role name; NULL: unknown */
	const char	*policy_arn;	/* attachments only */
	int		 is_inline;
};

#define MODEL_VEC(type, name)	struct { type **v; size_t n, cap; } name

struct model {
	struct arena	*arena;
	const char	*default_ns;	/* namespace for objects without one */
	const char	*stdin_name;	/* file name to report for "-" */
	size_t		 nfiles;	/* inputs read */
	size_t		 ntf;		/* of which Terraform JSON */
	MODEL_VEC(struct k8s_obj, objs);
	MODEL_VEC(struct tf_role, roles);
	MODEL_VEC(struct tf_provider, providers);
	MODEL_VEC(struct tf_cluster, clusters);
	MODEL_VEC(struct tf_role_policy, role_policies);
	struct suppress_comment *suppress;	/* suppress.c, newest first */
};

void	model_init(struct model *, struct arena *);
void	model_release(struct model *);

/* Each returns a zeroed arena struct already appended to the model. */
struct k8s_obj		*model_add_obj(struct model *);
struct tf_role		*model_add_role(struct model *);
struct tf_provider	*model_add_provider(struct model *);
struct tf_cluster	*model_add_cluster(struct model *);
struct tf_role_policy	*model_add_role_policy(struct model *);

enum k8s_kind	 k8s_kind_from_name(const char *);
/* The namespace an object lands in: its own, else the model default. */
const char	*k8s_obj_ns(const struct model *, const struct k8s_obj *);
const struct kv_pos *k8s_obj_annotation(const struct k8s_obj *,
		    const char *key);

#endif /* MODEL_H */
