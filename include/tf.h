/* SPDX-License-Identifier: ISC */
/*
 * Internal to the Terraform JSON loader (load_tf.c, tf_value.c,
 * tf_link.c): the resource and context types and the helpers its
 * pieces share.  Nothing else includes it.
 */
#ifndef TF_H
#define TF_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "strmap.h"

struct diags;
struct eks_addon;
struct loc;
struct model;
struct policy;
struct strv;
struct tf_sa;

/* One resource instance as the three formats present it. */
struct tf_res {
	const char	*address;
	const char	*type;
	const cJSON	*values;	/* attributes; never NULL */
	const cJSON	*unknown;	/* after_unknown, or NULL */
};

/* A data.aws_iam_policy_document instance, for unknown trusts. */
struct tf_doc {
	const char	*address;
	struct policy	*policy;
	int		 partial;	/* parts unknown until apply */
};

struct tf_ctx {
	struct model	*m;
	struct diags	*dg;
	const char	*file;
	struct strmap	 doc_by_address;	/* policy documents, by address */
	const char	*data;		/* the whole input, for positions */
	size_t		 len;
	size_t		 first_role;	/* this file's roles start here */
	size_t		 first_pod_identity;
	size_t		 first_role_policy;
	size_t		 first_addon;
	size_t		 first_tf_sa;
	struct strmap	 role_by_address;	/* this file's, when linking */
	const struct loc *at;		/* sources: the resource's block */
	/*
	 * Sources, for the Kubernetes and Helm resources (tf_k8s.c): the
	 * instance with each unknown a cJSON_Raw holding what it depends
	 * on and each string's place, locs[valueint - 1]; yaml, parallel
	 * to a release's values, the structure yamlencode() encodes where
	 * the text is not written (else null).  NULL for a plan.
	 */
	const cJSON	*raw;
	const struct loc *raw_locs;
	size_t		 nraw_locs;
	const cJSON	*raw_yaml;
};

/*
 * load_tf.c: one resource instance into the model, as a plan shows it;
 * the sources loader (tf_src.c) hands its evaluated resources here too.
 */
void		 tf_resource(struct tf_ctx *, const struct tf_res *);

/*
 * tf_k8s.c: kubernetes_service_account(_v1), kubernetes_manifest and
 * helm_release as the ServiceAccounts they declare.
 */
int		 tf_k8s_wanted(const char *type);
void		 tf_k8s_resource(struct tf_ctx *, const struct tf_res *);
/* The role an unknown's why names: "aws_iam_role.x.arn" -> its address. */
const char	*tf_why_role(struct model *, const char *why);

/* tf_value.c: reading values out of the cJSON tree. */
void		 tf_loc(const struct tf_ctx *, struct loc *);
const cJSON	*tf_get(const cJSON *, ...);
const char	*tf_type(const cJSON *);
const char	*tf_attr(struct tf_ctx *, const struct tf_res *, const char *);
const char	*tf_str(struct tf_ctx *, const cJSON *, const char *);
int		 tf_unknown(const cJSON *, const char *);
void		 tf_strv(struct tf_ctx *, const cJSON *, const cJSON *,
		    struct strv *);

/* tf_link.c: policy documents, and links through the configuration. */
void		 tf_doc(struct tf_ctx *, const char *, const cJSON *,
		    const cJSON *);
void		 tf_link(struct tf_ctx *, const cJSON *);
/* Does an add-on name a role whose ARN is known only after apply? */
int		 tf_addon_unknown(const struct eks_addon *);
/* Does a ServiceAccount's role-arn reference a role not found yet? */
int		 tf_sa_unknown(const struct tf_sa *);

#endif /* TF_H */
