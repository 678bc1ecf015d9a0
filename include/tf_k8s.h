/* SPDX-License-Identifier: ISC */
/*
 * What the pieces of Terraform's Kubernetes side share, and nothing
 * outside src/tf_k8s*.c includes: the resource being read and the
 * helpers of tf_k8s_util.c; tf_k8s.c calls tf_k8s_helm.c for
 * helm_release, and both call tf_k8s_util.c.
 */
#ifndef TF_K8S_H
#define TF_K8S_H

#include <cjson/cJSON.h>

#include "model.h"
#include "tf.h"

#define ANN_ROLE	"eks.amazonaws.com/role-arn"

/* One resource being read. */
struct kx {
	struct tf_ctx		*c;
	const struct tf_res	*r;
	const cJSON		*raw;	/* unknowns as cJSON_Raw */
	struct loc		 res;	/* the resource */
};

void		 tfk_place(const struct kx *, const cJSON *,
		    const struct loc *, struct loc *);
const char	*tfk_why_of(const struct kx *, const cJSON *);
const char	*tfk_what(const cJSON *);
struct tf_sa	*tfk_sa_new(struct kx *);
void		 tfk_sa_undecided(struct kx *, struct tf_sa *,
		    const struct loc *, int, const char *);
void		 tfk_helm(struct kx *);

#endif
