/* SPDX-License-Identifier: ISC */
/*
 * The Terraform JSON loader's links through the plan's configuration:
 * data.aws_iam_policy_document instances rendered as trusts, and the
 * references an unknown trust, attachment or association makes, with
 * module calls and instance keys, to the resources they name.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"
#include "tf.h"
#include "util.h"

static void	tf_doc_stmt(struct tf_ctx *c, const cJSON *j, const cJSON *unk,
		    struct pstmt *st);
static const struct tf_doc *tf_doc_find(const struct tf_ctx *c,
		    const char *address);
static const char	*tf_skip_index(const char *p);
static const cJSON	*tf_config_of(struct tf_ctx *c, const cJSON *cfg,
		    const char *addr, const char **prefix, const char **res,
		    const char **index);
static const cJSON	*tf_config_refs(struct tf_ctx *c, const cJSON *root_cfg,
		    const char *address, const char *attr, const char **prefix,
		    const char **index);
static const cJSON	*tf_config_res(struct tf_ctx *c, const cJSON *root_cfg,
		    const char *address, const char **prefix,
		    const char **index);
static const char	*tf_ref_arn(struct tf_ctx *c, const cJSON *refs,
		    const char *prefix);
static void	tf_link_addon(struct tf_ctx *c, struct eks_addon *a,
		    const cJSON *root_cfg);
static void	tf_link_sa(struct tf_ctx *c, struct tf_sa *t,
		    const cJSON *root_cfg);
static size_t	tf_refs_distinct(struct tf_ctx *c, const cJSON *refs,
		    const char **v);
static void	tf_link_trust(struct tf_ctx *c, struct iam_role *r,
		    const cJSON *root_cfg);
static void	tf_link_pod_identity(struct tf_ctx *c, struct pod_identity *p,
		    const cJSON *root_cfg);
static int	tf_ref_role(struct tf_ctx *c, const char *ref, int dyn,
		    const char *prefix, const char *index,
		    struct iam_role **role, const char **all);
static void	tf_attach(struct tf_ctx *c, struct role_policy *p, int *first,
		    const struct iam_role *role);
static void	tf_link_policy(struct tf_ctx *c, struct role_policy *p,
		    const cJSON *root_cfg);

/* One statement of a policy document data source, as IAM would see it. */
static void
tf_doc_stmt(struct tf_ctx *c, const cJSON *j, const cJSON *unk,
    struct pstmt *st)
{
	const cJSON	*e, *eu, *ids;
	const char	*type, *effect;
	struct strv	 sv;
	struct pcond	*pc;
	size_t		 i, n;

	st->sid = tf_str(c, j, "sid");
	effect = tf_str(c, j, "effect");
	st->allow = effect == NULL || strcmp(effect, "Allow") == 0;
	st->deny = effect != NULL && strcmp(effect, "Deny") == 0;
	tf_strv(c, cJSON_GetObjectItemCaseSensitive(j, "actions"),
	    cJSON_GetObjectItemCaseSensitive(unk, "actions"), &st->actions);
	if (st->actions.n == 0 && cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(j, "not_actions")) > 0) {
		st->not_action = 1;
		tf_strv(c, cJSON_GetObjectItemCaseSensitive(j, "not_actions"),
		    cJSON_GetObjectItemCaseSensitive(unk, "not_actions"),
		    &st->actions);
	}
	st->has_not_principal = cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(j, "not_principals")) > 0;
	st->has_resource = cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(j, "resources")) > 0 ||
	    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j,
	    "not_resources")) > 0;
	i = 0;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(j,
	    "principals")) {
		eu = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(unk,
		    "principals"), (int)i++);
		type = tf_str(c, e, "type");
		ids = cJSON_GetObjectItemCaseSensitive(e, "identifiers");
		tf_strv(c, ids, cJSON_GetObjectItemCaseSensitive(eu,
		    "identifiers"), &sv);
		if (type == NULL)
			continue;
		if (strcmp(type, "Federated") == 0)
			st->federated = sv;
		else if (strcmp(type, "Service") == 0)
			st->service = sv;
		else if (strcmp(type, "AWS") == 0 || strcmp(type, "*") == 0) {
			st->aws = sv;
			for (n = 0; n < sv.n; n++)
				if (sv.v[n] != NULL && strcmp(sv.v[n], "*") == 0)
					st->principal_star = 1;
		}
	}
	n = (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j,
	    "condition"));
	st->conds = arena_alloc(c->m->arena, (n + 1) * sizeof(*st->conds));
	i = 0;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(j, "condition")) {
		eu = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(unk,
		    "condition"), (int)i++);
		pc = &st->conds[st->nconds];
		if ((type = tf_str(c, e, "test")) == NULL)
			continue;
		pcond_set_op(pc, type);
		pc->key = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(eu,
		    "variable")) ? NULL : tf_str(c, e, "variable");
		tf_strv(c, cJSON_GetObjectItemCaseSensitive(e, "values"),
		    cJSON_GetObjectItemCaseSensitive(eu, "values"),
		    &pc->values);
		st->nconds++;
	}
}

/*
 * Remember a data.aws_iam_policy_document.  A fully known one has its
 * rendered "json"; one read during apply has only what is known of its
 * statements, described by after_unknown.
 */
void
tf_doc(struct tf_ctx *c, const char *address, const cJSON *values,
    const cJSON *unknown)
{
	struct tf_doc	*d;
	const cJSON	*sts, *e;
	const char	*json;
	char		 err[256];
	size_t		 i = 0;

	if (!cJSON_IsObject(values))
		return;
	d = arena_alloc(c->m->arena, sizeof(*d));
	d->address = address;
	json = tf_str(c, values, "json");
	if (json != NULL && policy_parse(c->m->arena, json, strlen(json),
	    &d->policy, err, sizeof(err)) == 0) {
		strmap_add(&c->doc_by_address, c->m->arena, address, d);
		return;
	}
	d->partial = unknown != NULL;
	d->policy = arena_alloc(c->m->arena, sizeof(*d->policy));
	sts = cJSON_GetObjectItemCaseSensitive(values, "statement");
	d->policy->st = arena_alloc(c->m->arena,
	    ((size_t)cJSON_GetArraySize(sts) + 1) * sizeof(struct pstmt));
	cJSON_ArrayForEach(e, sts) {
		d->policy->st[i].index = i;
		tf_doc_stmt(c, e, cJSON_GetArrayItem(
		    cJSON_GetObjectItemCaseSensitive(unknown, "statement"),
		    (int)i), &d->policy->st[i]);
		i++;
	}
	d->policy->n = i;
	strmap_add(&c->doc_by_address, c->m->arena, address, d);
}

/* The document at address, the one read last when read twice. */
static const struct tf_doc *
tf_doc_find(const struct tf_ctx *c, const char *address)
{
	const struct strmap_val	*v;

	if ((v = strmap_get(&c->doc_by_address, address)) == NULL)
		return NULL;
	while (v->next != NULL)
		v = v->next;
	return v->v;
}

/*
 * Past the instance key at p, [0] or ["k"], if there is one; keys in
 * quotes may hold dots, brackets and escaped quotes.
 */
static const char *
tf_skip_index(const char *p)
{
	int	 quoted = 0;

	if (*p != '[')
		return p;
	for (p++; *p != '\0' && (quoted || *p != ']'); p++) {
		if (*p == '\\' && quoted && p[1] != '\0')
			p++;
		else if (*p == '"')
			quoted = !quoted;
	}
	return *p == ']' ? p + 1 : p;
}

/*
 * Split an instance address into its module instance path and the
 * configuration of the module that declares the resource:
 * module.a["k"].module.b[0].aws_iam_role.this[0] gives the prefix
 * module.a["k"].module.b[0]., the module_calls a → b, and the resource
 * aws_iam_role.this with index [0].  Keys in quotes may hold dots and
 * brackets.
 */
static const cJSON *
tf_config_of(struct tf_ctx *c, const cJSON *cfg, const char *addr,
    const char **prefix, const char **res, const char **index)
{
	const char	*p = addr, *name, *q;
	char		*mod;

	while (strncmp(p, "module.", 7) == 0 && cfg != NULL) {
		name = p + 7;
		for (q = name; *q != '\0' && *q != '.' && *q != '['; q++)
			continue;
		mod = arena_strndup(c->m->arena, name, (size_t)(q - name));
		q = tf_skip_index(q);
		if (*q != '.')
			return NULL;
		p = q + 1;
		cfg = tf_get(cfg, "module_calls", mod, "module",
		    (const char *)NULL);
	}
	*prefix = arena_strndup(c->m->arena, addr, (size_t)(p - addr));
	q = strchr(p, '[');
	*res = q != NULL ? arena_strndup(c->m->arena, p, (size_t)(q - p)) : p;
	*index = q != NULL ? q : "";
	return cfg;
}

/*
 * The references of attribute attr in the configuration of the
 * resource instance at address, with the instance's module prefix.
 */
static const cJSON *
tf_config_refs(struct tf_ctx *c, const cJSON *root_cfg, const char *address,
    const char *attr, const char **prefix, const char **index)
{
	return tf_get(tf_config_res(c, root_cfg, address, prefix, index),
	    "expressions", attr, "references", (const char *)NULL);
}

/*
 * The configuration of the resource instance at address, with the
 * instance's module prefix and index; NULL when not found.
 */
static const cJSON *
tf_config_res(struct tf_ctx *c, const cJSON *root_cfg, const char *address,
    const char **prefix, const char **index)
{
	const cJSON	*cfg, *res;
	const char	*rname = NULL, *caddr;

	*prefix = *index = NULL;
	cfg = tf_config_of(c, root_cfg, address, prefix, &rname, index);
	if (cfg == NULL || *prefix == NULL)
		return NULL;
	cJSON_ArrayForEach(res, cJSON_GetObjectItemCaseSensitive(cfg,
	    "resources")) {
		caddr = tf_str(c, res, "address");
		if (caddr != NULL && strcmp(caddr, rname) == 0)
			return res;
	}
	return NULL;
}

/*
 * The role whose ARN one of refs is, aws_iam_role.x.arn giving
 * aws_iam_role.x, in the module instance at prefix; NULL for none.
 */
static const char *
tf_ref_arn(struct tf_ctx *c, const cJSON *refs, const char *prefix)
{
	const cJSON	*ref;
	const char	*v;
	size_t		 len;

	cJSON_ArrayForEach(ref, refs) {
		if (!cJSON_IsString(ref) ||
		    strncmp(ref->valuestring, "aws_iam_role.", 13) != 0)
			continue;
		v = ref->valuestring;
		len = strlen(v);
		if (len > 4 && strcmp(v + len - 4, ".arn") == 0)
			return arena_printf(c->m->arena, "%s%.*s", prefix,
			    (int)(len - 4), v);
	}
	return NULL;
}

/*
 * The references of list refs worth saying, in their order, into v
 * (room for the list's size); returns how many.  Terraform lists a
 * reference as often as the expression uses it, and right after a
 * reference to a resource's attribute, aws_iam_role.x[0].arn, the
 * resource itself, aws_iam_role.x[0] then aws_iam_role.x.  A later copy
 * adds nothing, nor does a prefix of the reference before it that ends
 * where that one goes on with "." or "[".  Strings point into refs.
 */
static size_t
tf_refs_distinct(struct tf_ctx *c, const cJSON *refs, const char **v)
{
	const cJSON	*ref;
	const char	*s, *prev = NULL;
	struct strmap	 seen;
	size_t		 n = 0, len;
	int		 inside;

	strmap_init(&seen);
	cJSON_ArrayForEach(ref, refs) {
		if (!cJSON_IsString(ref))
			continue;
		s = ref->valuestring;
		len = strlen(s);
		inside = prev != NULL && strncmp(prev, s, len) == 0 &&
		    (prev[len] == '.' || prev[len] == '[');
		if (!inside && strmap_get(&seen, s) == NULL) {
			strmap_add(&seen, c->m->arena, s, NULL);
			v[n++] = s;
		}
		prev = s;
	}
	strmap_release(&seen);
	return n;
}

/*
 * A role whose trust is unknown in the plan: follow the configuration
 * (expressions.assume_role_policy.references) to the policy document it
 * is rendered from, and take the trust from there as far as it is
 * known.  Otherwise keep what it depends on, to say so.
 */
static void
tf_link_trust(struct tf_ctx *c, struct iam_role *r, const cJSON *root_cfg)
{
	const cJSON		*refs, *ref;
	const struct tf_doc	*d;
	const char		*prefix, *index, *doc;
	struct buf		 deps = BUF_INIT;
	const char		**v;
	size_t			 len, n, i;

	refs = tf_config_refs(c, root_cfg, r->address, "assume_role_policy",
	    &prefix, &index);
	v = arena_alloc(c->m->arena, ((size_t)cJSON_GetArraySize(refs) + 1) *
	    sizeof(*v));
	n = tf_refs_distinct(c, refs, v);
	for (i = 0; i < n; i++)
		buf_addf(&deps, "%s%s", i > 0 ? ", " : "", v[i]);
	cJSON_ArrayForEach(ref, refs) {
		if (!cJSON_IsString(ref))
			continue;
		if (strncmp(ref->valuestring, "data.aws_iam_policy_document.",
		    29) != 0 || r->trust != NULL)
			continue;
		doc = ref->valuestring;
		len = strlen(doc);
		if (len > 5 && strcmp(doc + len - 5, ".json") == 0)
			len -= 5;
		d = tf_doc_find(c, arena_printf(c->m->arena, "%s%.*s", prefix,
		    (int)len, doc));
		if (d == NULL && strchr(doc, '[') == NULL)
			d = tf_doc_find(c, arena_printf(c->m->arena, "%s%.*s%s",
			    prefix, (int)len, doc, index));
		if (d == NULL)
			continue;
		r->trust = d->policy;
		r->trust_partial = d->partial;
		r->trust_from = d->address;
	}
	if (deps.len > 0)
		r->unknown_refs = arena_strdup(c->m->arena, deps.buf);
	buf_release(&deps);
}

/*
 * A Pod Identity association whose role_arn is unknown: remember the
 * address of the role it references, e.g. aws_iam_role.app.arn gives
 * aws_iam_role.app.
 */
static void
tf_link_pod_identity(struct tf_ctx *c, struct pod_identity *p,
    const cJSON *root_cfg)
{
	const cJSON	*refs;
	const char	*prefix, *index;

	refs = tf_config_refs(c, root_cfg, p->address, "role_arn", &prefix,
	    &index);
	p->role_ref = tf_ref_arn(c, refs, prefix);
}

int
tf_addon_unknown(const struct eks_addon *a)
{
	size_t	 i;

	if (a->role.key != NULL && a->role.value == NULL)
		return 1;
	for (i = 0; i < a->npias; i++)
		if (a->pias[i].role_arn == NULL)
			return 1;
	return 0;
}

/*
 * An add-on whose role, or an association's, is unknown: the role its
 * configuration references.  The plan lists the associations as a set,
 * in another order than the configuration's blocks: a block is told by
 * its service_account, else by being the only one.
 */
static void
tf_link_addon(struct tf_ctx *c, struct eks_addon *a, const cJSON *root_cfg)
{
	const cJSON		*res, *blocks, *b, *one;
	struct eks_addon_pia	*pia;
	const char		*prefix, *index, *sa;
	size_t			 i;

	if ((res = tf_config_res(c, root_cfg, a->address, &prefix,
	    &index)) == NULL)
		return;
	if (a->role.key != NULL && a->role.value == NULL)
		a->role_ref = tf_ref_arn(c, tf_get(res, "expressions",
		    "service_account_role_arn", "references",
		    (const char *)NULL), prefix);
	blocks = tf_get(res, "expressions", "pod_identity_association",
	    (const char *)NULL);
	for (i = 0; i < a->npias; i++) {
		pia = &a->pias[i];
		if (pia->role_arn != NULL)
			continue;
		one = cJSON_GetArraySize(blocks) == 1 ?
		    cJSON_GetArrayItem(blocks, 0) : NULL;
		cJSON_ArrayForEach(b, blocks) {
			sa = tf_str(c, tf_get(b, "service_account",
			    (const char *)NULL), "constant_value");
			if (sa != NULL && pia->sa != NULL &&
			    strcmp(sa, pia->sa) == 0)
				one = b;
		}
		pia->role_ref = tf_ref_arn(c, tf_get(one, "role_arn",
		    "references", (const char *)NULL), prefix);
	}
}

/*
 * The role of this file that one reference of a role or roles attribute
 * names, in the module instance at prefix, where the attachment's own
 * instance key is index: aws_iam_role.x.id and aws_iam_role.x[0].name
 * name one role; aws_iam_role.x (Terraform leaves out what follows an
 * index it cannot know) is aws_iam_role.x[count.index] or [each.key]
 * when the expression uses one (dyn), and otherwise every instance, as
 * in aws_iam_role.x[*].id.  Returns 1 and sets *role for one role; 2
 * for every instance, setting *all to how their addresses begin; 0 when
 * ref is count.index or each.key; -1 for anything else, which leaves
 * the attribute unresolved.
 *
 * XXX aws_iam_role.x[count.index + 1] looks like aws_iam_role.x with
 * count.index in the configuration, and is taken for it.
 */
static int
tf_ref_role(struct tf_ctx *c, const char *ref, int dyn, const char *prefix,
    const char *index, struct iam_role **role, const char **all)
{
	const struct strmap_val	*v;
	const char		*name, *key, *rest, *addr;

	if (strcmp(ref, "count.index") == 0 || strcmp(ref, "each.key") == 0)
		return 0;
	if (strncmp(ref, "aws_iam_role.", 13) != 0)
		return -1;
	name = ref + 13;
	for (key = name; *key != '\0' && *key != '.' && *key != '['; key++)
		continue;
	rest = tf_skip_index(key);
	if (key == name || (*rest != '\0' && strcmp(rest, ".id") != 0 &&
	    strcmp(rest, ".name") != 0))
		return -1;
	addr = arena_printf(c->m->arena, "%s%.*s", prefix, (int)(rest - ref),
	    ref);
	if ((v = strmap_get(&c->role_by_address, addr)) == NULL &&
	    key == rest && dyn && *index != '\0')
		v = strmap_get(&c->role_by_address, arena_printf(c->m->arena,
		    "%s%s", addr, index));
	if (v != NULL) {
		*role = v->v;
		return 1;
	}
	if (key != rest || *rest != '\0')
		return -1;
	*all = arena_printf(c->m->arena, "%s[", addr);
	return 2;
}

/* Attach p, or a copy of it, to role; first says p is still free. */
static void
tf_attach(struct tf_ctx *c, struct role_policy *p, int *first,
    const struct iam_role *role)
{
	struct role_policy	*q = p;

	if (!*first) {
		q = model_add_role_policy(c->m, SRC_TERRAFORM);
		*q = *p;
	}
	*first = 0;
	q->role = role->name;
	q->role_ref = role->name == NULL ? role->address : NULL;
}

/*
 * An attachment whose role is unknown in the plan, typically role =
 * aws_iam_role.x.id: follow the configuration to the role resource and
 * record the attachment against its name, or its address when the name
 * too is unknown.  The roles of an aws_iam_policy_attachment each get
 * one.  Anything but references to roles of this plan, such as a
 * variable or a conditional between two roles, leaves it unknown.
 *
 * XXX Literal names in a list of roles with references vanish from the
 * plan (the whole set is unknown) and from the configuration (it lists
 * only references); such roles get no attachment.
 */
static void
tf_link_policy(struct tf_ctx *c, struct role_policy *p, const cJSON *root_cfg)
{
	const cJSON	*refs;
	const char	*prefix, *index, **v, *all;
	struct iam_role	*role, *one = NULL;
	size_t		 n, i, j, len;
	int		 multi = 0, dyn = 0, first = 1, r;

	if ((refs = tf_config_refs(c, root_cfg, p->address, "role", &prefix,
	    &index)) == NULL) {
		refs = tf_config_refs(c, root_cfg, p->address, "roles",
		    &prefix, &index);
		multi = 1;
	}
	v = arena_alloc(c->m->arena, ((size_t)cJSON_GetArraySize(refs) + 1) *
	    sizeof(*v));
	if ((n = tf_refs_distinct(c, refs, v)) == 0)
		return;
	for (i = 0; i < n; i++)
		if (strcmp(v[i], "count.index") == 0 ||
		    strcmp(v[i], "each.key") == 0)
			dyn = 1;
	/* Resolve every reference before changing anything. */
	for (i = 0; i < n; i++) {
		r = tf_ref_role(c, v[i], dyn, prefix, index, &role, &all);
		if (r == -1 || (r == 2 && !multi) ||
		    (r == 1 && !multi && one != NULL && one != role))
			return;
		if (r == 1)
			one = role;
	}
	for (i = 0; i < n; i++) {
		r = tf_ref_role(c, v[i], dyn, prefix, index, &role, &all);
		if (r == 1)
			tf_attach(c, p, &first, role);
		if (r != 2)
			continue;
		len = strlen(all);
		for (j = c->first_role; j < c->m->roles.n; j++)
			if (strncmp(c->m->roles.v[j]->address, all, len) == 0)
				tf_attach(c, p, &first, c->m->roles.v[j]);
	}
}

/*
 * A ServiceAccount whose role-arn annotation is known only after
 * apply: the role the expression that gives it references.  A map of
 * annotations or a manifest is one expression; a release's set block
 * is told by its name, and a set list or the values are one
 * expression each.
 */
static void
tf_link_sa(struct tf_ctx *c, struct tf_sa *t, const cJSON *root_cfg)
{
	const cJSON	*res, *ex, *b, *refs = NULL;
	const char	*prefix, *index, *name;

	if ((res = tf_config_res(c, root_cfg, t->address, &prefix,
	    &index)) == NULL)
		return;
	ex = tf_get(res, "expressions", (const char *)NULL);
	if (strcmp(t->type, "kubernetes_manifest") == 0)
		refs = tf_get(ex, "manifest", "references", (const char *)NULL);
	else if (strcmp(t->type, "helm_release") != 0)
		refs = tf_get(cJSON_GetArrayItem(tf_get(ex, "metadata",
		    (const char *)NULL), 0), "annotations", "references",
		    (const char *)NULL);
	else if (t->role_set == NULL)
		refs = tf_get(ex, "values", "references", (const char *)NULL);
	else if (cJSON_IsArray(b = tf_get(ex, "set", (const char *)NULL))) {
		cJSON_ArrayForEach(b, tf_get(ex, "set", (const char *)NULL)) {
			name = tf_str(c, tf_get(b, "name", (const char *)NULL),
			    "constant_value");
			if (name != NULL && strcmp(name, t->role_set) == 0)
				refs = tf_get(b, "value", "references",
				    (const char *)NULL);
		}
	} else
		refs = tf_get(ex, "set", "references", (const char *)NULL);
	t->role_ref = tf_ref_arn(c, refs, prefix);
}

/*
 * What the plan leaves unknown and its configuration can tell: trusts,
 * the roles of Pod Identity associations, of EKS add-ons and of policy
 * attachments.
 */
void
tf_link(struct tf_ctx *c, const cJSON *configuration)
{
	const cJSON	*cfg = tf_get(configuration, "root_module",
			    (const char *)NULL);
	size_t		 i, n;

	for (i = c->first_role; i < c->m->roles.n; i++)
		if (c->m->roles.v[i]->policy_unknown)
			tf_link_trust(c, c->m->roles.v[i], cfg);
	for (i = c->first_pod_identity; i < c->m->pod_identities.n; i++)
		if (c->m->pod_identities.v[i]->role_arn == NULL)
			tf_link_pod_identity(c, c->m->pod_identities.v[i], cfg);
	for (i = c->first_addon; i < c->m->addons.n; i++)
		if (tf_addon_unknown(c->m->addons.v[i]))
			tf_link_addon(c, c->m->addons.v[i], cfg);
	for (i = c->first_tf_sa; i < c->m->tf_sas.n; i++)
		if (tf_sa_unknown(c->m->tf_sas.v[i]))
			tf_link_sa(c, c->m->tf_sas.v[i], cfg);
	for (i = c->first_role; i < c->m->roles.n; i++)
		strmap_add(&c->role_by_address, c->m->arena,
		    c->m->roles.v[i]->address, c->m->roles.v[i]);
	/* tf_link_policy may add attachments, which need nothing more. */
	n = c->m->role_policies.n;
	for (i = c->first_role_policy; i < n; i++)
		if (c->m->role_policies.v[i]->role == NULL)
			tf_link_policy(c, c->m->role_policies.v[i], cfg);
}
