/* SPDX-License-Identifier: ISC */
/*
 * The CloudFormation loader's resource readers: IAM roles and their
 * trust policies, OIDC providers, EKS clusters, Pod Identity
 * associations, EKS add-ons and IAM policies, from the evaluated tree
 * to the model.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "cfn.h"
#include "diag.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"
#include "util.h"

static size_t		 json_str_len(const char *);
static size_t		 json_len(const struct cn *);
static cJSON		*json_tree(const struct cn *);
static void		 cfn_trust_read(struct cfn *, struct iam_role *,
			    const struct cn *, int, const char *);
static size_t		 strv_unknowns(struct strv *);
static int		 cfn_unknowns(struct policy *);
static void		 cfn_unknown_blocks(struct cfn *, struct cn *);
static int		 cfn_nonempty(struct cfn *, const struct cn *, int *);
static struct loc	 cfn_res_loc(const struct cfn_res *);
static const struct cfn_res *cfn_arn_of(struct cfn *, const struct cn *);
static void		 cfn_policy_role(struct cfn *, const struct cfn_res *,
			    const struct cn *);
static const char	*cfn_str(struct cfn *, const struct cn *, int *);
static void		 cfn_role(struct cfn *, struct cfn_res *);
static void		 cfn_trust(struct cfn *, struct iam_role *,
			    const struct cn *);
static void		 cfn_provider(struct cfn *, const struct cfn_res *);
static void		 cfn_cluster(struct cfn *, const struct cfn_res *);
static void		 cfn_pod_identity(struct cfn *,
			    const struct cfn_res *);
static void		 cfn_policy(struct cfn *, const struct cfn_res *,
			    const char *);
static void		 cfn_addon_arn(struct cfn *, const struct cn *,
			    const char **, const char **);
static int		 cfn_not_str(struct cfn *, const struct cfn_res *,
			    const struct cn *, const char *);
static void		 cfn_addon(struct cfn *, const struct cfn_res *);

/*
 * A trust policy mapping is read as a cJSON tree (json_tree()), with
 * no text; its size is that of its text as JSON, strings escaped as
 * few as JSON allows (a quote or backslash two bytes, a control byte
 * six, as \u0001 for the unknown marker) and nothing but punctuation
 * between them: what the bound on a document's size measures.
 */
static size_t
json_str_len(const char *s)
{
	const uint64_t	 ones = 0x0101010101010101ULL;
	const uint64_t	 highs = 0x8080808080808080ULL;
	size_t		 len = strlen(s), n = len + 2, i = 0;
	uint64_t	 w, q, b;

	/*
	 * Eight bytes at a time while none needs escaping: (x - ones * c)
	 * & ~x & highs is nonzero exactly when some byte of x is below c;
	 * with c = 1 that is a zero byte of w ^ ones * '"' (a quote in w)
	 * or of w ^ ones * '\\' (a backslash), with c = 0x20 a control
	 * byte of w itself.
	 */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		q = w ^ (ones * '"');
		b = w ^ (ones * '\\');
		if ((((q - ones) & ~q) | ((b - ones) & ~b) |
		    ((w - ones * 0x20) & ~w)) & highs)
			break;
	}
	for (; i < len; i++)
		n += s[i] == '"' || s[i] == '\\' ? 1 :
		    (unsigned char)s[i] < 0x20 ? 5 : 0;
	return n;
}

/* The length of v as that text. */
static size_t
json_len(const struct cn *v)
{
	const struct cn	*k;
	size_t		 n;

	switch (v->type) {
	case CN_STR:
		return json_str_len(v->str);
	case CN_UNKNOWN:
		return v->str != NULL ? json_str_len(v->str) : 3;
	case CN_SEQ:
	case CN_MAP:
		n = 2;
		for (k = v->kids; k != NULL; k = k->next) {
			n += json_len(k) + (k != v->kids);
			if (v->type == CN_MAP)
				n += json_str_len(k->key) + 1;
		}
		return n;
	default:
		return 4;
	}
}

/*
 * v as the cJSON tree cJSON would parse of that text, keys and strings
 * pointing into v (the policy reader copies what it keeps, and the tree
 * goes before v does); NULL when out of memory.  An unknown value is
 * the string of what is known of it, with \001 for the rest, which the
 * policy reader keeps and cfn_unknowns() then turns into NULL.
 */
static cJSON *
json_tree(const struct cn *v)
{
	static const char	 unk[2] = { CFN_UNKNOWN, '\0' };
	const struct cn		*k;
	cJSON			*t, *kid;

	switch (v->type) {
	case CN_STR:
		return cJSON_CreateStringReference(v->str);
	case CN_UNKNOWN:
		return cJSON_CreateStringReference(v->str != NULL ? v->str :
		    unk);
	case CN_SEQ:
	case CN_MAP:
		if ((t = v->type == CN_SEQ ? cJSON_CreateArray() :
		    cJSON_CreateObject()) == NULL)
			return NULL;
		for (k = v->kids; k != NULL; k = k->next) {
			if ((kid = json_tree(k)) == NULL) {
				cJSON_Delete(t);
				return NULL;
			}
			if (v->type == CN_SEQ)
				cJSON_AddItemToArray(t, kid);
			else
				cJSON_AddItemToObjectCS(t, k->key, kid);
		}
		return t;
	default:
		return cJSON_CreateNull();
	}
}

/* Turn partly unknown strings of a strv into NULL; count them. */
static size_t
strv_unknowns(struct strv *sv)
{
	size_t	 i, n = 0;

	for (i = 0; i < sv->n; i++)
		if (cfn_has_unknown(sv->v[i])) {
			sv->v[i] = NULL;
			n++;
		}
	return n;
}

/*
 * Make unknown strings of a parsed trust NULL where the rules expect
 * unknown values (principals, condition keys and values), as the
 * Terraform loader does.  Returns how many there were, or -1 when an
 * Action is unknown: the rules cannot tell what the statement allows.
 */
static int
cfn_unknowns(struct policy *p)
{
	struct pstmt	*st;
	size_t		 i, j, n = 0;

	if (cfn_has_unknown(p->version))
		p->version = NULL;
	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		for (j = 0; j < st->actions.n; j++)
			if (cfn_has_unknown(st->actions.v[j]))
				return -1;
		if (cfn_has_unknown(st->sid))
			st->sid = NULL;
		n += strv_unknowns(&st->federated) +
		    strv_unknowns(&st->service) + strv_unknowns(&st->aws);
		for (j = 0; j < st->nconds; j++) {
			if (cfn_has_unknown(st->conds[j].key)) {
				st->conds[j].key = NULL;
				n++;
			}
			n += strv_unknowns(&st->conds[j].values);
		}
	}
	return n > 0;
}

/*
 * An operator whose whole block is unknown, as the CDK writes with
 * CfnJson ("StringEquals": {"Fn::GetAtt": [...]}), becomes one
 * condition whose key and value are unknown, so that the statement is
 * still read.
 */
static void
cfn_unknown_blocks(struct cfn *c, struct cn *doc)
{
	const struct cn	*sts;
	struct cn	*st, *cond, *op, *u;

	if ((sts = cn_get(doc, "Statement")) == NULL)
		return;
	st = sts->type == CN_MAP ? (struct cn *)sts : sts->kids;
	for (; st != NULL; st = sts->type == CN_MAP ? NULL : st->next) {
		cond = (struct cn *)cn_get(st, "Condition");
		if (cond == NULL || cond->type != CN_MAP)
			continue;
		for (op = cond->kids; op != NULL; op = op->next) {
			if (op->type != CN_UNKNOWN)
				continue;
			u = cn_new(c, CN_UNKNOWN, &op->loc);
			u->key = "\001";
			op->type = CN_MAP;
			op->kids = u;
		}
	}
}

/*
 * The trust policy of a role.  An object is written out as JSON for
 * policy_parse(), which knows IAM's grammar; a string is taken as the
 * JSON text.  When what is unknown keeps the document from being read,
 * the whole trust is unknown, and unknown_refs says what it depends on.
 */
static void
cfn_trust(struct cfn *c, struct iam_role *role, const struct cn *raw)
{
	struct buf	 b = BUF_INIT;
	struct cn	*doc;
	cJSON		*tree;
	char		 err[256];
	const char	*s;
	int		 n;

	buf_reset(&c->whys);
	doc = ev_node(c, raw, 1);
	if (doc->type == CN_MAP) {
		cfn_unknown_blocks(c, doc);
		if ((tree = json_tree(doc)) == NULL) {
			snprintf(err, sizeof(err), "out of memory");
			n = -1;
		} else {
			n = policy_from_json(c->m->arena, tree, json_len(doc),
			    &role->trust, err, sizeof(err));
			cJSON_Delete(tree);
		}
		cfn_trust_read(c, role, raw, n, err);
		return;
	} else if (doc->type == CN_STR || (doc->type == CN_UNKNOWN &&
	    doc->str != NULL)) {
		/* Unknown parts of a !Sub'ed JSON string, escaped. */
		for (s = doc->str; *s != '\0'; s++)
			if (*s == CFN_UNKNOWN)
				buf_adds(&b, "\\u0001");
			else
				buf_addc(&b, *s);
	} else if (doc->type != CN_UNKNOWN) {
		diag_error(c->dg, &raw->loc, "%s: AssumeRolePolicyDocument is "
		    "not a policy document", role->address);
		role->trust_error = "not a policy document";
		return;
	}
	snprintf(err, sizeof(err), "the document is empty");
	n = b.len == 0 ? -1 : policy_parse(c->m->arena, b.buf, b.len,
	    &role->trust, err, sizeof(err));
	if (n != -1)
		role->policy_json = arena_strdup(c->m->arena, b.buf);
	buf_release(&b);
	cfn_trust_read(c, role, raw, n, err);
}

/* What reading the trust gave (rc, err), made the role's. */
static void
cfn_trust_read(struct cfn *c, struct iam_role *role, const struct cn *raw,
    int rc, const char *err)
{
	int	 n;

	if (rc == -1) {
		role->trust = NULL;
		if (c->whys.len > 0) {
			role->policy_unknown = 1;
			role->unknown_refs = arena_strdup(c->m->arena,
			    c->whys.buf);
		} else {
			role->trust_error = arena_strdup(c->m->arena, err);
			diag_error(c->dg, &raw->loc, "%s: "
			    "AssumeRolePolicyDocument is not a valid policy: "
			    "%s", role->address, err);
		}
		return;
	}
	if ((n = cfn_unknowns(role->trust)) == -1) {
		role->trust = NULL;
		role->policy_unknown = 1;
		role->unknown_refs = arena_strdup(c->m->arena, c->whys.buf);
	} else
		role->trust_partial = n;
}

/*
 * A property's value as a model string: NULL when absent, unknown or
 * not a string.  *unknown, when given, says whether it was unknown.
 */
static const char *
cfn_str(struct cfn *c, const struct cn *raw, int *unknown)
{
	struct cn	*v;

	if (unknown != NULL)
		*unknown = 0;
	if (raw == NULL)
		return NULL;
	v = ev_node(c, raw, 1);
	if (v->type == CN_UNKNOWN && unknown != NULL)
		*unknown = 1;
	if (v->type != CN_STR || cfn_has_unknown(v->str))
		return NULL;
	return arena_strdup(c->m->arena, v->str);
}

/* Does a list property (ManagedPolicyArns, Policies) hold anything? */
static int
cfn_nonempty(struct cfn *c, const struct cn *raw, int *unknown)
{
	struct cn	*v;

	if (raw == NULL)
		return 0;
	v = ev_node(c, raw, 1);
	if (v->type == CN_UNKNOWN)
		*unknown = 1;
	return v->type == CN_SEQ && v->kids != NULL;
}

static struct loc
cfn_res_loc(const struct cfn_res *r)
{
	struct loc	 l = r->node->key_loc;

	l.end_line = l.end_col = 0;
	return l;
}

/*
 * AWS::IAM::Role.  Without RoleName CloudFormation names the role
 * <stack>-<logical id>-<random>: like a Terraform name_prefix, it is
 * known only once deployed, and irsa-role-name-generated applies.
 */
static void
cfn_role(struct cfn *c, struct cfn_res *r)
{
	struct iam_role	*role;
	const struct cn	*p = r->props;
	const char	*path;
	int		 unknown, unk_policies = 0;

	role = r->role = model_add_role(c->m, SRC_CLOUDFORMATION);
	role->address = arena_printf(c->m->arena, "AWS::IAM::Role %s", r->id);
	role->loc = cfn_res_loc(r);
	role->name = cfn_str(c, cn_get(p, "RoleName"), &unknown);
	role->name_unknown = role->name == NULL;
	if ((path = cfn_str(c, cn_get(p, "Path"), &unknown)) != NULL)
		role->path = path;
	else if (unknown) {
		/* XXX Binding needs the path: an unknown one hides the name. */
		role->name = NULL;
		role->name_unknown = 1;
	}
	role->has_policies = cfn_nonempty(c, cn_get(p, "ManagedPolicyArns"),
	    &unk_policies) | cfn_nonempty(c, cn_get(p, "Policies"),
	    &unk_policies);
	role->policies_unknown = unk_policies;
	if (cn_get(p, "AssumeRolePolicyDocument") == NULL) {
		diag_error(c->dg, &role->loc, "%s: no AssumeRolePolicyDocument",
		    role->address);
		return;
	}
	cfn_trust(c, role, cn_get(p, "AssumeRolePolicyDocument"));
}

/* AWS::IAM::OIDCProvider; its Arn holds the account, never known here. */
static void
cfn_provider(struct cfn *c, const struct cfn_res *r)
{
	struct oidc_provider	*pv;
	const struct cn		*raw;
	struct cn		*ids, *k;
	const char		*url;
	size_t			 n = 0;

	pv = model_add_provider(c->m, SRC_CLOUDFORMATION);
	pv->address = arena_printf(c->m->arena, "AWS::IAM::OIDCProvider %s",
	    r->id);
	pv->loc = cfn_res_loc(r);
	if ((url = cfn_str(c, cn_get(r->props, "Url"), NULL)) != NULL)
		pv->url = strip_scheme(url);
	/* Without ClientIdList the provider accepts no audience at all. */
	if ((raw = cn_get(r->props, "ClientIdList")) == NULL) {
		pv->client_ids = arena_alloc(c->m->arena, sizeof(char *));
		return;
	}
	ids = ev_node(c, raw, 1);
	if (ids->type != CN_SEQ) {
		pv->client_ids_unknown = 1;
		return;
	}
	for (k = ids->kids; k != NULL; k = k->next)
		n++;
	pv->client_ids = arena_alloc(c->m->arena, (n + 1) * sizeof(char *));
	for (k = ids->kids; k != NULL; k = k->next)
		if (k->type == CN_STR && !cfn_has_unknown(k->str))
			pv->client_ids[pv->nclient_ids++] =
			    arena_strdup(c->m->arena, k->str);
		else
			pv->client_ids_unknown = 1;
}

/* AWS::EKS::Cluster; its issuer is an attribute, known once created. */
static void
cfn_cluster(struct cfn *c, const struct cfn_res *r)
{
	struct eks_cluster	*k;

	k = model_add_cluster(c->m, SRC_CLOUDFORMATION);
	k->address = arena_printf(c->m->arena, "AWS::EKS::Cluster %s", r->id);
	k->loc = cfn_res_loc(r);
	k->name = cfn_str(c, cn_get(r->props, "Name"), NULL);
}

/*
 * The role of this template whose ARN v is: !GetAtt X.Arn (either
 * form) or !Sub "${X.Arn}".  NULL for anything else.
 */
static const struct cfn_res *
cfn_arn_of(struct cfn *c, const struct cn *v)
{
	const struct cfn_res	*r;
	const struct cn		*a;
	const char		*id = NULL, *s;
	size_t			 len;

	if (v == NULL || v->type != CN_MAP || v->kids == NULL ||
	    v->kids->next != NULL)
		return NULL;
	a = v->kids;
	if (strcmp(a->key, "Fn::GetAtt") == 0 && a->type == CN_SEQ &&
	    a->kids != NULL && a->kids->type == CN_STR &&
	    a->kids->next != NULL && a->kids->next->type == CN_STR &&
	    strcmp(a->kids->next->str, "Arn") == 0)
		id = a->kids->str;
	else if (strcmp(a->key, "Fn::GetAtt") == 0 && a->type == CN_STR &&
	    str_has_suffix(a->str, ".Arn"))
		id = arena_strndup(&c->a, a->str, strlen(a->str) - 4);
	else if (strcmp(a->key, "Fn::Sub") == 0 && a->type == CN_STR &&
	    strncmp(a->str, "${", 2) == 0 && str_has_suffix(a->str, ".Arn}")) {
		s = a->str + 2;
		len = strlen(s) - 5;
		if (memchr(s, '}', len) == NULL)
			id = arena_strndup(&c->a, s, len);
	}
	if (id == NULL || (r = cfn_find(c, id)) == NULL || r->role == NULL)
		return NULL;
	return r;
}

/* AWS::EKS::PodIdentityAssociation. */
static void
cfn_pod_identity(struct cfn *c, const struct cfn_res *r)
{
	struct pod_identity	*p;
	const struct cfn_res	*role;
	const struct cn		*arn = cn_get(r->props, "RoleArn");

	p = model_add_pod_identity(c->m, SRC_CLOUDFORMATION);
	p->address = arena_printf(c->m->arena,
	    "AWS::EKS::PodIdentityAssociation %s", r->id);
	p->loc = cfn_res_loc(r);
	p->cluster = cfn_str(c, cn_get(r->props, "ClusterName"), NULL);
	p->ns = cfn_str(c, cn_get(r->props, "Namespace"), NULL);
	p->sa = cfn_str(c, cn_get(r->props, "ServiceAccount"), NULL);
	if ((role = cfn_arn_of(c, arn)) != NULL)
		p->role_ref = role->role->address;
	else
		p->role_arn = cfn_str(c, arn, NULL);
}

/*
 * An add-on's ARN property: a string, or the ARN of a role of this
 * template (!GetAtt X.Arn), into *arn or *ref; both NULL when unknown.
 */
static void
cfn_addon_arn(struct cfn *c, const struct cn *raw, const char **arn,
    const char **ref)
{
	const struct cfn_res	*role;

	*arn = *ref = NULL;
	if ((role = cfn_arn_of(c, raw)) != NULL)
		*ref = role->role->address;
	else
		*arn = cfn_str(c, raw, NULL);
}

/* Is the value of raw not a string (nor unknown)?  Says so. */
static int
cfn_not_str(struct cfn *c, const struct cfn_res *r, const struct cn *raw,
    const char *what)
{
	const struct cn	*v;

	if (raw == NULL)
		return 0;
	v = ev_node(c, raw, 1);
	if (v->type == CN_STR || v->type == CN_UNKNOWN || v->type == CN_NULL ||
	    v->type == CN_NOVALUE)
		return 0;
	diag_error(c->dg, &raw->loc, "AWS::EKS::Addon %s: %s is %s, not a "
	    "string", r->id, what, v->type == CN_SEQ ? "a list" : "a mapping");
	return 1;
}

/*
 * AWS::EKS::Addon: the add-on, the role it is given and its
 * PodIdentityAssociations, each at its property.
 */
static void
cfn_addon(struct cfn *c, const struct cfn_res *r)
{
	struct eks_addon	*ad;
	struct eks_addon_pia	*pia;
	const struct cn		*raw, *k;
	size_t			 n = 0;

	ad = model_add_addon(c->m, SRC_CLOUDFORMATION);
	ad->address = arena_printf(c->m->arena, "AWS::EKS::Addon %s", r->id);
	ad->loc = ad->name_loc = cfn_res_loc(r);
	if ((raw = cn_get(r->props, "AddonName")) == NULL)
		diag_error(c->dg, &ad->loc, "AWS::EKS::Addon %s: no AddonName; "
		    "the add-on needs one", r->id);
	else if (!cfn_not_str(c, r, raw, "AddonName")) {
		ad->name = cfn_str(c, raw, NULL);
		ad->name_loc = raw->loc;
	}
	ad->cluster = cfn_str(c, cn_get(r->props, "ClusterName"), NULL);
	ad->ns = cfn_str(c, cn_get(cn_get(r->props, "NamespaceConfig"),
	    "Namespace"), NULL);
	if ((raw = cn_get(r->props, "ServiceAccountRoleArn")) != NULL &&
	    !cfn_not_str(c, r, raw, "ServiceAccountRoleArn")) {
		ad->role.key = "ServiceAccountRoleArn";
		ad->role.key_loc = raw->key_loc;
		ad->role.value_loc = raw->loc;
		cfn_addon_arn(c, raw, &ad->role.value, &ad->role_ref);
		/* A plain string only may be replaced by a fix. */
		if (raw->type != CN_STR)
			ad->role.value_loc.end_line =
			    ad->role.value_loc.end_col = 0;
	}
	if ((raw = cn_get(r->props, "PodIdentityAssociations")) == NULL)
		return;
	if (raw->type != CN_SEQ) {
		diag_error(c->dg, &raw->loc, "AWS::EKS::Addon %s: "
		    "PodIdentityAssociations is not a list", r->id);
		return;
	}
	for (k = raw->kids; k != NULL; k = k->next)
		n++;
	ad->pias = arena_alloc(c->m->arena, (n + 1) * sizeof(*ad->pias));
	for (n = 0, k = raw->kids; k != NULL; k = k->next, n++) {
		pia = &ad->pias[ad->npias];
		if (k->type != CN_MAP || cn_get(k, "RoleArn") == NULL ||
		    cn_get(k, "ServiceAccount") == NULL) {
			diag_error(c->dg, &k->loc, "AWS::EKS::Addon %s: "
			    "PodIdentityAssociations[%zu] needs RoleArn and "
			    "ServiceAccount", r->id, n);
			continue;
		}
		if (cfn_not_str(c, r, cn_get(k, "ServiceAccount"),
		    "ServiceAccount") || cfn_not_str(c, r, cn_get(k, "RoleArn"),
		    "RoleArn"))
			continue;
		pia->loc = k->loc;
		pia->sa = cfn_str(c, cn_get(k, "ServiceAccount"), NULL);
		cfn_addon_arn(c, cn_get(k, "RoleArn"), &pia->role_arn,
		    &pia->role_ref);
		ad->npias++;
	}
}

/*
 * One role a policy is for.  A !Ref to a role of this template marks
 * that role as having a policy; a name becomes an attachment by name,
 * as in Terraform; an unknown name an attachment to an unknown role.
 */
static void
cfn_policy_role(struct cfn *c, const struct cfn_res *r, const struct cn *k)
{
	struct role_policy	*rp;
	const struct cfn_res	*target;

	if (k->type == CN_MAP && k->kids != NULL && k->kids->next == NULL &&
	    strcmp(k->kids->key, "Ref") == 0 && k->kids->type == CN_STR &&
	    (target = cfn_find(c, k->kids->str)) != NULL &&
	    target->role != NULL) {
		target->role->has_policies = 1;
		return;
	}
	rp = model_add_role_policy(c->m, SRC_CLOUDFORMATION);
	rp->address = arena_printf(c->m->arena, "%s %s", r->type, r->id);
	rp->loc = cfn_res_loc(r);
	rp->role = cfn_str(c, k, NULL);
	rp->is_inline = strcmp(r->type, "AWS::IAM::ManagedPolicy") != 0;
}

/*
 * AWS::IAM::Policy and AWS::IAM::ManagedPolicy (Roles: [...]), and
 * AWS::IAM::RolePolicy (RoleName).
 */
static void
cfn_policy(struct cfn *c, const struct cfn_res *r, const char *prop)
{
	const struct cn	*raw, *k;

	if ((raw = cn_get(r->props, prop)) == NULL)
		return;
	if (strcmp(prop, "RoleName") == 0) {
		cfn_policy_role(c, r, raw);
		return;
	}
	if (raw->type != CN_SEQ)
		raw = ev_node(c, raw, 1);
	if (raw->type != CN_SEQ) {
		cfn_policy_role(c, r, raw);
		return;
	}
	for (k = raw->kids; k != NULL; k = k->next)
		cfn_policy_role(c, r, k);
}

/*
 * Read Resources: first every role, so that policies and associations
 * can refer to them, then the rest.
 */
void
cfn_resources(struct cfn *c)
{
	const struct cn	*k, *t;
	struct cfn_res	*r;
	size_t		 i;

	if (c->resources == NULL || c->resources->type != CN_MAP) {
		struct loc loc = { c->file, 0, 0, 0, 0 };

		diag_error(c->dg, c->resources != NULL ? &c->resources->loc :
		    &loc, "CloudFormation template: Resources is %s",
		    c->resources != NULL ? "not a mapping" : "missing");
		return;
	}
	for (k = c->resources->kids; k != NULL; k = k->next)
		c->nres++;
	c->res = arena_alloc(&c->a, (c->nres + 1) * sizeof(*c->res));
	for (i = 0, k = c->resources->kids; k != NULL; k = k->next, i++) {
		r = &c->res[i];
		r->id = k->key;
		r->node = k;
		t = cn_get(k, "Type");
		r->type = t != NULL && t->type == CN_STR ? t->str : NULL;
		r->props = cn_get(k, "Properties");
		strmap_add(&c->res_by_id, &c->a, r->id, r);
		if (r->type == NULL)
			diag_error(c->dg, &k->key_loc, "CloudFormation "
			    "template: resource %s has no Type", r->id);
	}
	/* A resource whose condition is false is not created. */
	for (i = 0; i < c->nres; i++) {
		r = &c->res[i];
		if ((t = cn_get(r->node, "Condition")) == NULL)
			continue;
		if (t->type != CN_STR)
			diag_error(c->dg, &t->loc, "CloudFormation template: "
			    "resource %s: Condition is not a name", r->id);
		else
			r->absent = cfn_cond(c, t, t->str, 1) == TRI_FALSE;
	}
	for (i = 0; i < c->nres; i++)
		if (c->res[i].type != NULL && !c->res[i].absent &&
		    strcmp(c->res[i].type, "AWS::IAM::Role") == 0)
			cfn_role(c, &c->res[i]);
	for (i = 0; i < c->nres; i++) {
		r = &c->res[i];
		if (r->type == NULL || r->absent)
			continue;
		if (strcmp(r->type, "AWS::IAM::OIDCProvider") == 0)
			cfn_provider(c, r);
		else if (strcmp(r->type, "AWS::EKS::Cluster") == 0)
			cfn_cluster(c, r);
		else if (strcmp(r->type, "AWS::EKS::PodIdentityAssociation") ==
		    0)
			cfn_pod_identity(c, r);
		else if (strcmp(r->type, "AWS::EKS::Addon") == 0)
			cfn_addon(c, r);
		else if (strcmp(r->type, "AWS::IAM::Policy") == 0 ||
		    strcmp(r->type, "AWS::IAM::ManagedPolicy") == 0)
			cfn_policy(c, r, "Roles");
		else if (strcmp(r->type, "AWS::IAM::RolePolicy") == 0)
			cfn_policy(c, r, "RoleName");
	}
}
