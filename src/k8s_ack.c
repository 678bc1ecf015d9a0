/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's reader of AWS Controllers for Kubernetes
 * (iam.services.k8s.aws): Role and OpenIDConnectProvider objects into
 * the model's roles and OIDC providers.  Fields as the iam-controller's
 * CRDs have them (config/crd/bases/iam.services.k8s.aws_roles.yaml and
 * _openidconnectproviders.yaml, v1alpha1).
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "arn.h"
#include "diag.h"
#include "input.h"
#include "k8s.h"
#include "model.h"
#include "util.h"

#define ACK_GROUP	"iam.services.k8s.aws"
/* The ACK runtime's annotations (apis/core/v1alpha1/annotations.go). */
#define ACK_ADOPTION	"services.k8s.aws/adoption-policy"
#define ACK_ADOPT_FIELDS "services.k8s.aws/adoption-fields"

static void		 ack_role(struct kload *, struct kl_pend *,
			    struct k8s_obj *);
static void		 ack_provider(struct kload *, struct kl_pend *,
			    struct k8s_obj *);
static const char	*ack_arn(struct kload *, struct kl_pend *,
			    const char *);
static const char	*ack_adopted_name(struct kload *,
			    const struct kv_pos *);

int
kl_commit_ack(struct kload *kl, struct kl_pend *p, struct k8s_obj *o)
{
	const char	*g = kl_igroup(p->api.s);

	if (g == NULL || strcmp(g, ACK_GROUP) != 0)
		return 0;
	if (strcmp(p->kind.s, "Role") == 0)
		ack_role(kl, p, o);
	else if (strcmp(p->kind.s, "OpenIDConnectProvider") == 0)
		ack_provider(kl, p, o);
	else
		return 1;
	kl_iam_finish(kl, p, o);
	return 1;
}

/* status.ackResourceMetadata.arn, in an exported object. */
static const char *
ack_arn(struct kload *kl, struct kl_pend *p, const char *addr)
{
	return kl_istr(kl, kl_iget(kl_iget(p->iam.status,
	    "ackResourceMetadata"), "arn"), "status.ackResourceMetadata.arn",
	    addr);
}

/*
 * The role name of an adopted Role: adoption-fields is JSON,
 * {"name": "<role>"} for a Role (the iam-controller's e2e tests).
 */
static const char *
ack_adopted_name(struct kload *kl, const struct kv_pos *fields)
{
	struct input		 in;
	struct input_key	 k;
	const char		*name = NULL;

	if (fields == NULL)
		return NULL;
	input_open(&in, kl->file, fields->value, strlen(fields->value),
	    INPUT_JSON, 8);
	if (input_next(&in) && input_next(&in) && input_next(&in) &&
	    in.ev.type == INPUT_MAP_START && input_enter(&in))
		while (input_entry(&in, &k) == 1) {
			if (k.ok && strcmp(k.s, "name") == 0 &&
			    in.ev.type == INPUT_SCALAR && in.ev.len > 0)
				name = arena_strdup(kl->a, in.ev.s);
			if (!input_skip(&in))
				break;
		}
	input_close(&in);
	return name;
}

/*
 * A Role.  spec.name is the IAM role's name and spec.path its path
 * ("/" when unset); the trust is spec.assumeRolePolicyDocument, JSON in
 * a string.  The account is not written anywhere: it comes from the
 * Federated provider ARNs of the trust, as for a plan's role whose ARN
 * is known only after apply, or from status.ackResourceMetadata.arn of
 * an exported object.  A Role the controller adopts (adoption-policy)
 * may have no spec: its trust is the existing role's, unknown here.
 */
static void
ack_role(struct kload *kl, struct kl_pend *p, struct k8s_obj *o)
{
	const struct input_node	*spec = p->iam.spec, *n;
	const struct kv_pos	*adopt;
	struct iam_role		*r;
	const char		*path, *arn;
	struct role_arn		 ra;
	char			 err[128];

	adopt = k8s_obj_annotation(o, ACK_ADOPTION);
	r = model_add_role(kl->m, SRC_KUBERNETES);
	r->address = arena_printf(kl->a, "ACK Role %s", kl_iname(kl, o, 1));
	p->iam.addr = r->address;
	r->obj = o;
	r->loc = o->kind_loc;
	n = kl_iget(spec, "name");
	if ((r->name = kl_istr(kl, n, "spec.name", r->address)) != NULL) {
		r->loc = n->loc;
	} else if (adopt != NULL)
		r->name = ack_adopted_name(kl,
		    k8s_obj_annotation(o, ACK_ADOPT_FIELDS));
	else if (n == NULL || n->type == INPUT_NODE_NULL)
		kl_error(kl, &o->kind_loc, "%s: no spec.name: ACK creates the "
		    "IAM role under that name; set spec.name", r->address);
	r->name_unknown = r->name == NULL;
	n = kl_iget(spec, "path");
	if ((path = kl_istr(kl, n, "spec.path", r->address)) != NULL) {
		if (*path == '/' && path[strlen(path) - 1] == '/')
			r->path = path;
		else
			kl_error(kl, &n->loc, "%s: spec.path %s: an IAM path "
			    "begins and ends with /, as /irsa/", r->address,
			    path);
	}
	r->has_policies = kl_icount(kl, kl_iget(spec, "policies"),
	    INPUT_NODE_SEQ, "spec.policies", r->address) > 0;
	r->has_policies |= kl_icount(kl, kl_iget(spec, "policyRefs"),
	    INPUT_NODE_SEQ, "spec.policyRefs", r->address) > 0;
	r->has_policies |= kl_icount(kl, kl_iget(spec, "inlinePolicies"),
	    INPUT_NODE_MAP, "spec.inlinePolicies", r->address) > 0;
	if ((arn = ack_arn(kl, p, r->address)) != NULL) {
		if (arn_parse_role(kl->a, arn, &ra, err, sizeof(err)) == 0)
			r->arn = arn;
		else
			kl_error(kl, &kl_iget(kl_iget(p->iam.status,
			    "ackResourceMetadata"), "arn")->loc, "%s: "
			    "status.ackResourceMetadata.arn: %s", r->address,
			    err);
	}
	r->loc.end_line = r->loc.end_col = 0;
	if (!p->iam.trust[KT_ACK].set && adopt == NULL)
		kl_error(kl, &o->kind_loc, "%s: no "
		    "spec.assumeRolePolicyDocument: ACK requires the trust "
		    "policy; write it there as JSON in a string", r->address);
	kl_itrust(kl, p, r, KT_ACK, adopt != NULL);
	if (r->policy_unknown) {
		r->unknown_refs = "the existing role that ACK adopts";
		r->policies_unknown = 1;
	}
}

/*
 * An OpenIDConnectProvider: spec.url and spec.clientIDs; without
 * clientIDs, IAM's provider accepts no audience at all.
 */
static void
ack_provider(struct kload *kl, struct kl_pend *p, struct k8s_obj *o)
{
	const struct input_node	*spec = p->iam.spec, *n;
	struct oidc_provider	*pv;
	const char		*url, *arn;
	struct oidc_arn		 oa;
	char			 err[128];
	size_t			 nids;

	pv = model_add_provider(kl->m, SRC_KUBERNETES);
	pv->address = arena_printf(kl->a, "ACK OpenIDConnectProvider %s",
	    kl_iname(kl, o, 1));
	p->iam.addr = pv->address;
	pv->loc = o->kind_loc;
	n = kl_iget(spec, "url");
	if ((url = kl_istr(kl, n, "spec.url", pv->address)) != NULL) {
		pv->url = strip_scheme(url);
		pv->loc = n->loc;
	} else if (n == NULL || n->type == INPUT_NODE_NULL)
		kl_error(kl, &o->kind_loc, "%s: no spec.url: ACK requires the "
		    "issuer URL of the cluster (https://oidc.eks...)",
		    pv->address);
	pv->loc.end_line = pv->loc.end_col = 0;
	pv->client_ids = kl_istrs(kl, kl_iget(spec, "clientIDs"),
	    "spec.clientIDs", pv->address, &nids);
	pv->nclient_ids = nids;
	if (pv->client_ids == NULL)
		pv->client_ids = arena_alloc(kl->a, sizeof(char *));
	if ((arn = ack_arn(kl, p, pv->address)) != NULL &&
	    arn_parse_oidc(kl->a, arn, &oa, err, sizeof(err)) == 0)
		pv->arn = arn;
}
