/* SPDX-License-Identifier: ISC */
/*
 * helm_release: the ServiceAccount a release's values and set blocks
 * give the chart under helm create's convention (serviceAccount.create,
 * .name, .annotations), merged as the Helm provider merges them (see
 * tf_k8s.c for the provider's sources), or undecided with the reason.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "input.h"
#include "load.h"
#include "xalloc.h"

#include "tf_k8s.h"
/* Nodes of one values document, and annotations of one release. */
#define HELM_MAX_NODES	100000
#define HELM_MAX_ANN	10000

/* What a Helm value is, as the decision needs to know it. */
enum hkind {
	HV_NONE = 0,		/* not given */
	HV_NULL,
	HV_STR,
	HV_TRUE,
	HV_FALSE,
	HV_MAP,
	HV_OTHER,		/* a number, a list */
	HV_UNKNOWN		/* known only after apply */
};

struct hval {
	enum hkind	 k;
	const char	*s;		/* HV_STR */
	const char	*why;		/* HV_UNKNOWN: what it depends on */
	struct loc	 loc;
};

struct hann {
	const char	*key;		/* arena */
	struct hval	 v;
};

/* serviceAccount of the values, as merged so far. */
struct hstate {
	enum hkind	 sa;
	struct hval	 name, create;
	struct hval	 ann;		/* annotations as a whole */
	struct hann	**av;		/* arena structs, in order */
	size_t		 an, acap;
	struct strmap	 aidx;		/* key -> its struct hann */
	int		 over;		/* HELM_MAX_ANN reached */
	int		 bad;		/* a values document Helm refuses */
	const char	*unknown;	/* what of the values is unknown */
	const char	*unknown_why;
	struct loc	 unknown_loc;
};

static void	 hv_of(const struct kx *, const cJSON *, const struct loc *,
		    struct hval *);
static cJSON	*yaml_scalar(const struct input_node *);
static cJSON	*yaml_json(const struct input_node *);
static void	 hs_clear_sa(struct hstate *, enum hkind);
static void	 hs_put(struct kx *, struct hstate *, const char *,
		    const struct hval *);
static void	 hs_apply(struct kx *, struct hstate *, const cJSON *,
		    const struct loc *);
static cJSON	*yaml_sa(struct kx *, const char *, size_t, const char *,
		    const struct loc *, int *);
static int	 sv_path(const char *, char **, size_t, size_t *);
static void	 sv_value(struct arena *, const char *, const char *,
		    struct hval *);
static void	 hs_set(struct kx *, struct hstate *, const cJSON *,
		    const char *, size_t, struct tf_sa *);
static void	 helm_values(struct kx *, struct hstate *);
static void	 helm_decide(struct kx *, struct hstate *, struct tf_sa *);
static void	 helm_unknown(struct kx *, struct tf_sa *, const char *,
		    const char *, const struct loc *);

/* A value of the values as the decision reads it. */
static void
hv_of(const struct kx *x, const cJSON *n, const struct loc *at,
    struct hval *v)
{
	memset(v, 0, sizeof(*v));
	tfk_place(x, n, at, &v->loc);
	if (n == NULL)
		v->k = HV_NONE;
	else if (cJSON_IsNull(n))
		v->k = HV_NULL;
	else if (cJSON_IsString(n)) {
		v->k = HV_STR;
		v->s = arena_strdup(x->c->m->arena, n->valuestring);
	} else if (cJSON_IsTrue(n))
		v->k = HV_TRUE;
	else if (cJSON_IsFalse(n))
		v->k = HV_FALSE;
	else if (cJSON_IsObject(n))
		v->k = HV_MAP;
	else if (cJSON_IsRaw(n)) {
		v->k = HV_UNKNOWN;
		v->why = tfk_why_of(x, n);
	} else
		v->k = HV_OTHER;
}

/* serviceAccount is set to something of kind k: what it held goes. */
static void
hs_clear_sa(struct hstate *hs, enum hkind k)
{
	memset(&hs->name, 0, sizeof(hs->name));
	memset(&hs->create, 0, sizeof(hs->create));
	memset(&hs->ann, 0, sizeof(hs->ann));
	hs->an = 0;
	strmap_release(&hs->aidx);
	strmap_init(&hs->aidx);
	hs->sa = k;
}

/* One annotation, over an earlier one of the same key. */
static void
hs_put(struct kx *x, struct hstate *hs, const char *key, const struct hval *v)
{
	const struct strmap_val	*sv;
	struct hann		*h;

	if ((sv = strmap_get(&hs->aidx, key)) != NULL) {
		((struct hann *)sv->v)->v = *v;
		return;
	}
	if (hs->an >= HELM_MAX_ANN) {
		hs->over = 1;
		return;
	}
	if (hs->an == hs->acap) {
		hs->acap = hs->acap == 0 ? 8 : hs->acap * 2;
		hs->av = xreallocarray(hs->av, hs->acap, sizeof(*hs->av));
	}
	h = arena_alloc(x->c->m->arena, sizeof(*h));
	h->key = arena_strdup(x->c->m->arena, key);
	h->v = *v;
	hs->av[hs->an++] = h;
	strmap_add(&hs->aidx, x->c->m->arena, h->key, h);
}

/*
 * Merge the serviceAccount value n of one values document over what
 * the earlier ones gave, as mergeMaps() does: maps merge, anything
 * else replaces.
 */
static void
hs_apply(struct kx *x, struct hstate *hs, const cJSON *n,
    const struct loc *at)
{
	const cJSON	*e, *a;
	struct hval	 v;

	hv_of(x, n, at, &v);
	if (v.k != HV_MAP) {
		hs_clear_sa(hs, v.k);
		if (v.k == HV_UNKNOWN)
			hs->name = v;
		return;
	}
	if (hs->sa != HV_MAP)
		hs_clear_sa(hs, HV_MAP);
	cJSON_ArrayForEach(e, n) {
		if (strcmp(e->string, "name") == 0)
			hv_of(x, e, at, &hs->name);
		else if (strcmp(e->string, "create") == 0)
			hv_of(x, e, at, &hs->create);
		else if (strcmp(e->string, "annotations") != 0)
			continue;
		else if (!cJSON_IsObject(e)) {
			hv_of(x, e, at, &hs->ann);
			hs->an = 0;
			strmap_release(&hs->aidx);
			strmap_init(&hs->aidx);
		} else {
			if (hs->ann.k != HV_MAP) {
				hs->an = 0;
				strmap_release(&hs->aidx);
				strmap_init(&hs->aidx);
			}
			hv_of(x, e, at, &hs->ann);
			cJSON_ArrayForEach(a, e) {
				hv_of(x, a, at, &v);
				hs_put(x, hs, a->string, &v);
			}
		}
	}
}

/* A YAML scalar as sigs.k8s.io/yaml types it (YAML 1.1 words). */
static cJSON *
yaml_scalar(const struct input_node *n)
{
	static const char *const yes[] = { "y", "Y", "yes", "Yes", "YES",
	    "true", "True", "TRUE", "on", "On", "ON", NULL };
	static const char *const no[] = { "n", "N", "no", "No", "NO",
	    "false", "False", "FALSE", "off", "Off", "OFF", NULL };
	size_t	 i;

	if (n->type == INPUT_NODE_NULL)
		return cJSON_CreateNull();
	if (n->plain && n->tag == NULL)
		for (i = 0; yes[i] != NULL; i++) {
			if (strcmp(n->s, yes[i]) == 0)
				return cJSON_CreateTrue();
			if (strcmp(n->s, no[i]) == 0)
				return cJSON_CreateFalse();
		}
	return cJSON_CreateString(n->s);
}

/* A node of the YAML tree as cJSON; the caller frees it. */
static cJSON *
yaml_json(const struct input_node *n)
{
	const struct input_node	*k;
	cJSON			*j;

	if (n->type == INPUT_NODE_SEQ)
		return cJSON_CreateArray();	/* HV_OTHER: not looked in */
	if (n->type != INPUT_NODE_MAP)
		return yaml_scalar(n);
	/*
	 * A key given twice stays twice: hs_apply() reads the entries in
	 * order, so that the later wins, in time linear in the keys.
	 */
	j = cJSON_CreateObject();
	for (k = n->kids; k != NULL; k = k->next)
		cJSON_AddItemToObject(j, k->key, yaml_json(k));
	return j;
}

/*
 * The serviceAccount of the YAML text of values[i] (its first document,
 * as Helm's yaml.Unmarshal reads it) as cJSON, or NULL when it has none;
 * *bad when the text is not a mapping of values, said at loc.
 */
static cJSON *
yaml_sa(struct kx *x, const char *text, size_t len, const char *which,
    const struct loc *loc, int *bad)
{
	struct input		 in;
	struct input_node	*root = NULL;
	const struct input_node	*k, *sa = NULL;
	size_t			 budget = HELM_MAX_NODES;
	cJSON			*j = NULL;

	*bad = 0;
	input_open(&in, loc->file, text, len, INPUT_YAML | INPUT_REPLAY,
	    LOAD_MAX_DEPTH);
	if (input_next(&in) && input_next(&in)) {
		if (in.ev.type == INPUT_STREAM_END) {
			input_close(&in);
			return NULL;
		}
		if (input_next(&in))
			root = input_tree(&in, x->c->m->arena,
			    INPUT_NULL_ANY_TAG, &budget);
	}
	if (root == NULL) {
		*bad = 1;
		diag_error(x->c->dg, loc, "%s: %s is not YAML: %s",
		    x->r->address, which, in.err.kind == INPUT_ERR_LIMIT ?
		    "it has too many nodes" : in.err.kind == INPUT_ERR_DEPTH ?
		    "nested too deeply" : in.err.problem[0] != '\0' ?
		    in.err.problem : "not a document");
		input_close(&in);
		return NULL;
	}
	input_close(&in);
	if (root->type == INPUT_NODE_NULL)
		return NULL;
	if (root->type != INPUT_NODE_MAP) {
		*bad = 1;
		diag_error(x->c->dg, loc, "%s: %s is %s, not a mapping of "
		    "values", x->r->address, which, input_node_found(root));
		return NULL;
	}
	for (k = root->kids; k != NULL; k = k->next)
		if (strcmp(k->key, "serviceAccount") == 0)
			sa = k;
	if (sa != NULL)
		j = yaml_json(sa);
	return j;
}

/*
 * Split a set name as Helm's strvals does: at each dot a backslash does
 * not escape, the backslashes dropped.  Up to max parts in v (arena
 * strings); -1 for a name with a list index ([), which is not read.
 */
static int
sv_path(const char *name, char **v, size_t max, size_t *n)
{
	char		*out, *o;
	const char	*p;

	*n = 0;
	out = xstrdup(name);
	v[(*n)++] = o = out;
	for (p = name; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			*o++ = *++p;
			continue;
		}
		if (*p == '[') {
			free(out);
			return -1;
		}
		if (*p == '.') {
			*o++ = '\0';
			if (*n == max) {
				free(out);
				return -1;
			}
			v[(*n)++] = o;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return 0;
}

/*
 * A set value as strvals reads it: up to an unescaped comma (which
 * starts another name=value pair), backslashes dropped, and "true",
 * "false" and "null" typed unless type is "string".  XXX pairs after
 * a comma and the {a,b} list form are not read.
 */
static void
sv_value(struct arena *a, const char *s, const char *type, struct hval *v)
{
	char	*o;

	o = arena_alloc(a, strlen(s) + 1);
	v->s = o;
	for (; *s != '\0' && *s != ','; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		*o++ = *s;
	}
	*o = '\0';
	v->k = HV_STR;
	if (type != NULL && strcmp(type, "string") == 0)
		return;
	if (strcmp(v->s, "true") == 0)
		v->k = HV_TRUE;
	else if (strcmp(v->s, "false") == 0)
		v->k = HV_FALSE;
	else if (strcmp(v->s, "null") == 0)
		v->k = HV_NULL;
	else if (*v->s == '{')
		v->k = HV_OTHER;
}

/*
 * One entry e of set, set_list or set_sensitive (which, i), when it
 * names serviceAccount or below; a value known only after apply
 * stays unknown.
 */
static void
hs_set(struct kx *x, struct hstate *hs, const cJSON *e, const char *which,
    size_t i, struct tf_sa *t)
{
	const cJSON	*name, *value, *type;
	char		*parts[4];
	const char	*ty;
	struct hval	 v;
	struct loc	 loc;
	size_t		 n;
	int		 list = strcmp(which, "set_list") == 0;

	name = cJSON_GetObjectItemCaseSensitive(e, "name");
	value = cJSON_GetObjectItemCaseSensitive(e, "value");
	type = cJSON_GetObjectItemCaseSensitive(e, "type");
	tfk_place(x, value, &x->res, &loc);
	if (cJSON_IsRaw(e) || cJSON_IsRaw(name)) {
		hs->unknown = arena_printf(x->c->m->arena, "%s[%zu]", which,
		    i);
		hs->unknown_loc = loc;
		return;
	}
	if (!cJSON_IsObject(e) || !cJSON_IsString(name)) {
		diag_error(x->c->dg, &loc, "%s: %s[%zu] %s", x->r->address,
		    which, i, cJSON_IsObject(e) ? "has no name string" :
		    "is not an object of name and value");
		return;
	}
	tfk_place(x, name, &loc, &loc);
	tfk_place(x, value, &loc, &loc);
	if (strncmp(name->valuestring, "serviceAccount", 14) != 0 ||
	    (name->valuestring[14] != '\0' && name->valuestring[14] != '.'))
		return;
	if (sv_path(name->valuestring, parts, 4, &n) == -1)
		return;
	memset(&v, 0, sizeof(v));
	v.loc = loc;
	ty = cJSON_IsString(type) ? type->valuestring : NULL;
	if (list || (ty != NULL && strcmp(ty, "literal") == 0))
		v.k = HV_OTHER;
	else if (cJSON_IsRaw(value)) {
		v.k = HV_UNKNOWN;
		v.why = tfk_why_of(x, value);
	} else if (cJSON_IsString(value))
		sv_value(x->c->m->arena, value->valuestring, ty, &v);
	else if (value == NULL || cJSON_IsNull(value)) {
		v.k = HV_STR;
		v.s = "";
	} else
		v.k = HV_OTHER;
	if (strcmp(parts[0], "serviceAccount") != 0)
		goto out;
	if (n == 1) {
		hs_clear_sa(hs, v.k);
		goto out;
	}
	if (hs->sa != HV_MAP)
		hs_clear_sa(hs, HV_MAP);
	if (n > 2 && strcmp(parts[1], "annotations") != 0)
		v.k = HV_MAP;	/* name.x=: a map, no longer a name */
	if (strcmp(parts[1], "name") == 0)
		hs->name = v;
	else if (strcmp(parts[1], "create") == 0)
		hs->create = v;
	else if (strcmp(parts[1], "annotations") == 0 && n == 2) {
		hs->ann = v;
		hs->an = 0;
		strmap_release(&hs->aidx);
		strmap_init(&hs->aidx);
	} else if (strcmp(parts[1], "annotations") == 0) {
		if (hs->ann.k != HV_MAP) {
			hs->an = 0;
			strmap_release(&hs->aidx);
			strmap_init(&hs->aidx);
			hs->ann.k = HV_MAP;
			hs->ann.loc = loc;
		}
		if (n > 3)
			v.k = HV_MAP;
		hs_put(x, hs, parts[2], &v);
		if (strcmp(parts[2], ANN_ROLE) == 0)
			t->role_set = arena_strdup(x->c->m->arena,
			    name->valuestring);
	}
out:
	free(parts[0]);
}

/*
 * The values documents in order, each merged over the ones before; in
 * the sources, one that yamlencode() makes is its structure.
 */
static void
helm_values(struct kx *x, struct hstate *hs)
{
	const cJSON	*vals, *e, *y;
	struct loc	 loc;
	char		 which[48];
	cJSON		*sa;
	size_t		 i = 0;
	int		 bad;

	vals = cJSON_GetObjectItemCaseSensitive(x->raw, "values");
	if (vals == NULL || cJSON_IsNull(vals))
		return;
	if (cJSON_IsRaw(vals)) {
		hs->unknown = "values";
		hs->unknown_why = tfk_why_of(x, vals);
		tfk_place(x, vals, &x->res, &hs->unknown_loc);
		return;
	}
	if (!cJSON_IsArray(vals)) {
		diag_error(x->c->dg, &x->res, "%s: values is %s, not a list "
		    "of YAML strings", x->r->address, tfk_what(vals));
		hs->bad = 1;
		return;
	}
	cJSON_ArrayForEach(e, vals) {
		(void)snprintf(which, sizeof(which), "values[%zu]", i);
		y = cJSON_GetArrayItem(x->c->raw_yaml, (int)i++);
		tfk_place(x, e, &x->res, &loc);
		if (y != NULL && !cJSON_IsNull(y)) {
			if (!cJSON_IsObject(y)) {
				diag_error(x->c->dg, &loc, "%s: %s is "
				    "yamlencode() of %s, not of a map of "
				    "values", x->r->address, which, tfk_what(y));
				hs->bad = 1;
			} else if ((sa = cJSON_GetObjectItemCaseSensitive(y,
			    "serviceAccount")) != NULL)
				hs_apply(x, hs, sa, &loc);
			continue;
		}
		if (cJSON_IsNull(e))
			continue;
		if (cJSON_IsRaw(e)) {
			hs->unknown = arena_strdup(x->c->m->arena, which);
			hs->unknown_why = tfk_why_of(x, e);
			hs->unknown_loc = loc;
			continue;
		}
		if (!cJSON_IsString(e)) {
			diag_error(x->c->dg, &loc, "%s: %s is %s, not a YAML "
			    "string", x->r->address, which, tfk_what(e));
			hs->bad = 1;
			continue;
		}
		sa = yaml_sa(x, e->valuestring, strlen(e->valuestring), which,
		    &loc, &bad);
		hs->bad |= bad;
		if (sa != NULL)
			hs_apply(x, hs, sa, &loc);
		cJSON_Delete(sa);
	}
}

/* Say the release is undecided, with what it depends on. */
static void
helm_unknown(struct kx *x, struct tf_sa *t, const char *what_, const char *why,
    const struct loc *loc)
{
	tfk_sa_undecided(x, t, loc, 0, arena_printf(x->c->m->arena, "%s is "
	    "known only after apply%s%s%s, so the ServiceAccount the chart "
	    "values configure is not known", what_,
	    why != NULL ? " (it depends on " : "", why != NULL ? why : "",
	    why != NULL ? ")" : ""));
}

/*
 * What the merged values say: a ServiceAccount named and annotated
 * with a role, the chart's choice, or not known; nothing when the
 * values give no role-arn annotation (and none is unknown).
 */
static void
helm_decide(struct kx *x, struct hstate *hs, struct tf_sa *t)
{
	struct model		*m = x->c->m;
	const struct strmap_val	*sv;
	const struct hann	*role = NULL;
	struct kv_pos		*a;
	size_t			 i, n = 0;

	if (hs->ann.k == HV_MAP && (sv = strmap_get(&hs->aidx, ANN_ROLE)) !=
	    NULL)
		role = sv->v;
	if (role == NULL || role->v.k == HV_NONE || role->v.k == HV_NULL) {
		if (hs->unknown != NULL)
			helm_unknown(x, t, hs->unknown, hs->unknown_why,
			    &hs->unknown_loc);
		else if (hs->ann.k == HV_UNKNOWN)
			helm_unknown(x, t, "serviceAccount.annotations",
			    hs->ann.why, &hs->ann.loc);
		else if (hs->sa == HV_UNKNOWN)
			helm_unknown(x, t, "serviceAccount", hs->name.why,
			    &hs->name.loc);
		return;
	}
	t->at = t->loc = role->v.loc;
	if (role->v.k == HV_UNKNOWN) {
		t->role_pending = 1;
		t->role_ref = tf_why_role(m, role->v.why);
		t->role_field.key = ANN_ROLE;
		t->role_field.key_loc = t->role_field.value_loc = role->v.loc;
	} else if (role->v.k != HV_STR) {
		diag_error(x->c->dg, &role->v.loc, "%s: serviceAccount."
		    "annotations[\"%s\"] is not a string", x->r->address,
		    ANN_ROLE);
		return;
	}
	if (hs->unknown != NULL)
		helm_unknown(x, t, hs->unknown, hs->unknown_why,
		    &hs->unknown_loc);
	else if (hs->create.k == HV_UNKNOWN)
		helm_unknown(x, t, "serviceAccount.create", hs->create.why,
		    &hs->create.loc);
	else if (hs->create.k == HV_FALSE)
		tfk_sa_undecided(x, t, &hs->create.loc, 1, "serviceAccount.create "
		    "is false: the chart makes no ServiceAccount, and the "
		    "role-arn annotation given to it is not applied");
	else if (hs->name.k == HV_UNKNOWN)
		helm_unknown(x, t, "serviceAccount.name", hs->name.why,
		    &hs->name.loc);
	else if (hs->name.k != HV_STR || *hs->name.s == '\0')
		tfk_sa_undecided(x, t, &role->v.loc, 1, "the values give "
		    "serviceAccount a role but no name: the chart names the "
		    "ServiceAccount (often after the release)");
	if (t->undecided != NULL)
		return;
	t->name = arena_strdup(m->arena, hs->name.s);
	t->name_loc = hs->name.loc;
	t->annotations = arena_alloc(m->arena, (hs->an + 1) *
	    sizeof(*t->annotations));
	for (i = 0; i < hs->an; i++) {
		if (hs->av[i]->v.k != HV_STR)
			continue;
		a = &t->annotations[n++];
		a->key = hs->av[i]->key;
		a->value = arena_strdup(m->arena, hs->av[i]->v.s);
		a->key_loc = a->value_loc = hs->av[i]->v.loc;
	}
	t->nannotations = n;
}

/*
 * helm_release: its namespace, the values merged in Helm's order
 * (values, set, set_list, set_sensitive), and what they say of
 * serviceAccount.
 */
void
tfk_helm(struct kx *x)
{
	static const char *const sets[] = { "set", "set_list",
	    "set_sensitive" };
	struct model	*m = x->c->m;
	struct hstate	 hs;
	struct tf_sa	*t;
	const cJSON	*ns, *l, *e;
	const char	*why;
	struct loc	 loc;
	size_t		 i, k;

	memset(&hs, 0, sizeof(hs));
	strmap_init(&hs.aidx);
	t = tfk_sa_new(x);
	helm_values(x, &hs);
	for (k = 0; k < sizeof(sets) / sizeof(sets[0]); k++) {
		l = cJSON_GetObjectItemCaseSensitive(x->raw, sets[k]);
		if (l == NULL || cJSON_IsNull(l))
			continue;
		if (cJSON_IsRaw(l)) {
			hs.unknown = sets[k];
			hs.unknown_why = tfk_why_of(x, l);
			tfk_place(x, l, &x->res, &hs.unknown_loc);
			continue;
		}
		if (!cJSON_IsArray(l)) {
			diag_error(x->c->dg, &x->res, "%s: %s is %s, not a "
			    "list", x->r->address, sets[k], tfk_what(l));
			hs.bad = 1;
			continue;
		}
		i = 0;
		cJSON_ArrayForEach(e, l)
			hs_set(x, &hs, e, sets[k], i++, t);
	}
	if (hs.over) {
		diag_error(x->c->dg, &x->res, "%s: serviceAccount.annotations "
		    "has more than %d keys, more than any chart needs; the "
		    "release is not read", x->r->address, HELM_MAX_ANN);
		hs.bad = 1;
	}
	if (!hs.bad)
		helm_decide(x, &hs, t);
	free(hs.av);
	strmap_release(&hs.aidx);
	if (hs.bad || (t->name == NULL && t->undecided == NULL)) {
		m->tf_sas.n--;		/* no ServiceAccount of its own */
		return;
	}
	ns = cJSON_GetObjectItemCaseSensitive(x->raw, "namespace");
	tfk_place(x, ns, &x->res, &loc);
	t->ns_loc = loc;
	if (cJSON_IsString(ns))
		t->ns = arena_strdup(m->arena, ns->valuestring);
	else if (ns == NULL || cJSON_IsNull(ns))
		t->ns = "default";
	else if (cJSON_IsRaw(ns)) {
		why = tfk_why_of(x, ns);
		helm_unknown(x, t, "namespace", why, &loc);
	} else {
		diag_error(x->c->dg, &loc, "%s: namespace is %s, not a "
		    "string", x->r->address, tfk_what(ns));
		m->tf_sas.n--;
	}
}
