/* SPDX-License-Identifier: ISC */
/*
 * CloudFormation loader: templates in YAML or JSON, written by hand,
 * synthesised by the CDK (cdk.out/<stack>.template.json) or generated
 * by eksctl.  It reads the IAM roles, OIDC providers, EKS clusters, Pod
 * Identity associations and IAM policies that IRSA depends on into the
 * model, evaluating intrinsic functions as far as the template allows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "input.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"
#include "util.h"

/*
 * Unlike the manifest loader, this one builds a tree: intrinsic
 * functions refer across the template (!Ref a parameter, !GetAtt a
 * resource), and templates are small (CloudFormation accepts 1 MB).
 * The tree holds the Parameters, Resources, Mappings and Conditions
 * sections only, is built from the input layer's events (so positions
 * are real in both syntaxes) within bounds on depth, nodes and alias
 * copies, and lives in a private arena released before returning.  It
 * is not the layer's tree (input_tree()): its nodes also hold evaluated
 * values, unknown ones among them, and an alias copies the node it
 * names within this loader's own bounds.
 *
 * A value that depends on the deployment, such as a pseudo parameter
 * (AWS::AccountId), a resource attribute (a cluster's
 * OpenIdConnectIssuerUrl) or a parameter without a default, is unknown,
 * exactly like Terraform's "known after apply": NULL in the model, so
 * that rules say what they could not check instead of passing or
 * failing.  Within a string an unknown part is kept as the byte
 * CFN_UNKNOWN until the string reaches the model, where a string that
 * holds one becomes NULL.  Parameters take their Default, which a
 * deployment may override.
 */

#define CFN_UNKNOWN	'\001'
#define CFN_MAX_NODES	200000	/* a 1 MB template has far fewer */
/*
 * The longest string Fn::Sub or Fn::Join may build: the largest
 * template CloudFormation accepts is 1 MB, and without a bound a short
 * template that repeats a long parameter would expand without end.
 */
#define CFN_MAX_TEXT	LOAD_MAX_SCALAR
/*
 * Values made while parsing and evaluating: intrinsics make new ones
 * (Fn::Split, list parameters), so a bound on the parsed tree alone
 * would not bound memory.
 */
#define CFN_MAX_VALUES	2000000
/* How much of the list of unknowns a message quotes. */
#define CFN_MAX_WHYS	512

enum cn_type {
	CN_NULL,		/* null, ~ or an empty value */
	CN_STR,
	CN_SEQ,
	CN_MAP,
	CN_UNKNOWN,		/* known only once deployed */
	CN_NOVALUE		/* AWS::NoValue: the property is left out */
};

struct cn {
	enum cn_type	 type;
	const char	*key;		/* in a mapping, its key; else NULL */
	const char	*str;		/* CN_STR; CN_UNKNOWN: text or NULL */
	const char	*why;		/* CN_UNKNOWN: what it depends on */
	struct loc	 loc;		/* the value */
	struct loc	 key_loc;	/* its key, in a mapping */
	struct cn	*kids;		/* items or entries, in file order */
	struct cn	*next;
};

struct cfn_anchor {
	const char		*name;
	const struct cn		*node;
	struct cfn_anchor	*next;
};

/* A condition of Conditions, evaluated once (cfn_cond()). */
struct cfn_cond {
	enum tri	 value;
	int		 busy;		/* being evaluated: a cycle */
};

/* One entry of Resources. */
struct cfn_res {
	const char	*id;		/* logical id */
	const char	*type;		/* NULL when not a string */
	const struct cn	*node;		/* the resource's mapping */
	const struct cn	*props;		/* its Properties, or NULL */
	struct iam_role	*role;		/* for an AWS::IAM::Role */
	int		 absent;	/* its Condition is false */
};

struct cfn {
	struct model		*m;
	struct diags		*dg;
	const char		*file;
	struct arena		 a;	/* the tree; released at the end */
	struct input		 in;	/* the template's events */
	size_t			 nodes;
	size_t			 values;	/* made by cn_new() */
	int			 over;	/* values > CFN_MAX_VALUES */
	struct cfn_anchor	*anchors;
	const struct cn		*params;	/* Parameters, or NULL */
	const struct cn		*resources;	/* Resources, or NULL */
	const struct cn		*mappings;	/* Mappings, or NULL */
	const struct cn		*conditions;	/* Conditions, or NULL */
	struct strmap		 cond_state;	/* name to struct cfn_cond */
	struct cfn_res		*res;
	size_t			 nres;
	struct strmap		 param_by_name;	/* of Parameters' entries */
	struct strmap		 res_by_id;	/* of res */
	struct buf		 whys;	/* unknowns met, for messages */
};

static void		 cy_input_error(struct cfn *);
static struct cn	*cy_tagged(struct cfn *, struct cn *, const char *);
static int		 cy_kids(struct cfn *, struct cn *, int);
static struct cn	*cy_node(struct cfn *, int);
static const struct cn	**cy_section(struct cfn *, const char *);
static int		 cy_top(struct cfn *, int);
static struct cn	*cn_new(struct cfn *, enum cn_type, const struct loc *);
static struct cn	*cn_copy(struct cfn *, const struct cn *, int);
static const struct cn	*cn_get(const struct cn *, const char *);
static int		 cn_equal(const struct cn *, const struct cn *);
static struct cn	*ev_node(struct cfn *, const struct cn *, int);
static struct cn	*ev_unknown(struct cfn *, const struct cn *,
			    const char *, const char *);
static struct cn	*ev_fn(struct cfn *, const struct cn *, int);
static struct cn	*ev_ref(struct cfn *, const struct cn *,
			    const char *);
static struct cn	*ev_sub(struct cfn *, const struct cn *, int);
static struct cn	*ev_join(struct cfn *, const struct cn *, int);
static struct cn	*ev_if(struct cfn *, const struct cn *, int);
static struct cn	*ev_find_in_map(struct cfn *, const struct cn *, int);
static enum tri		 cfn_cond(struct cfn *, const struct cn *,
			    const char *, int);
static enum tri		 cond_expr(struct cfn *, const struct cn *, int);
static struct cn	*ev_select(struct cfn *, const struct cn *, int);
static struct cn	*ev_split(struct cfn *, const struct cn *, int);
static struct cn	*ev_bad(struct cfn *, const struct cn *, const char *);
static struct cn	*ev_text(struct cfn *, const struct cn *, struct buf *,
			    const char *);
static int		 text_add(struct buf *, const struct cn *);
static int		 text_long(struct cfn *, const struct cn *,
			    struct buf *);
static void		 json_str(struct buf *, const char *);
static void		 json_add(struct buf *, const struct cn *);
static int		 has_unknown(const char *);
static size_t		 strv_unknowns(struct strv *);
static int		 cfn_unknowns(struct policy *);
static void		 cfn_unknown_blocks(struct cfn *, struct cn *);
static int		 cfn_nonempty(struct cfn *, const struct cn *, int *);
static struct loc	 cfn_res_loc(const struct cfn_res *);
static const struct cfn_res *cfn_arn_of(struct cfn *, const struct cn *);
static void		 cfn_policy_role(struct cfn *, const struct cfn_res *,
			    const struct cn *);
static void		 cfn_resources(struct cfn *);
static const struct cfn_res *cfn_find(const struct cfn *, const char *);
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

/* ---- The tree, from the input layer's events ---- */

/* Say what ended the template's text: an error of the input layer. */
static void
cy_input_error(struct cfn *c)
{
	const struct input_err	*e = &c->in.err;
	struct loc		 loc = e->loc;

	if (e->kind == INPUT_ERR_DEPTH) {
		diag_error(c->dg, &loc, "CloudFormation template: nested "
		    "deeper than %d levels", LOAD_MAX_DEPTH);
		return;
	}
	/* Bad bytes name the file, as this loader always has. */
	if (e->kind == INPUT_ERR_ENCODING)
		loc.line = loc.col = 0;
	diag_error(c->dg, &loc, "cannot parse CloudFormation template: %s",
	    e->problem);
}

static struct cn *
cn_new(struct cfn *c, enum cn_type type, const struct loc *loc)
{
	struct cn	*n = arena_alloc(&c->a, sizeof(*n));

	if (++c->values > CFN_MAX_VALUES && !c->over) {
		c->over = 1;
		diag_error(c->dg, loc, "CloudFormation template: evaluating "
		    "it makes more than %d values", CFN_MAX_VALUES);
	}
	n->type = type;
	n->loc = *loc;
	return n;
}

/*
 * Copy the tree under an alias, so that every node has one parent.
 * Copies count against CFN_MAX_NODES: nested aliases cannot grow the
 * tree exponentially ("billion laughs").  NULL when over the limit.
 */
static struct cn *
cn_copy(struct cfn *c, const struct cn *n, int depth)
{
	struct cn	*d, *k, **tail;
	const struct cn	*s;

	if (++c->nodes > CFN_MAX_NODES || depth > LOAD_MAX_DEPTH)
		return NULL;
	d = cn_new(c, n->type, &n->loc);
	*d = *n;
	d->kids = d->next = NULL;
	tail = &d->kids;
	for (s = n->kids; s != NULL; s = s->next) {
		if ((k = cn_copy(c, s, depth + 1)) == NULL)
			return NULL;
		*tail = k;
		tail = &k->next;
	}
	return d;
}

/*
 * Short-form tags (!Sub, !GetAtt, ...) become the long form, a mapping
 * of one key ("Fn::Sub", "Ref", "Condition"), so that the evaluator
 * sees one syntax.  YAML's own tags (!!str) are left alone.
 */
static struct cn *
cy_tagged(struct cfn *c, struct cn *n, const char *tag)
{
	struct cn	*w;

	if (tag == NULL || tag[0] != '!' || tag[1] == '\0' || tag[1] == '!')
		return n;
	w = cn_new(c, CN_MAP, &n->loc);
	if (strcmp(tag, "!Ref") == 0 || strcmp(tag, "!Condition") == 0)
		n->key = arena_strdup(&c->a, tag + 1);
	else
		n->key = arena_printf(&c->a, "Fn::%s", tag + 1);
	n->key_loc = n->loc;
	w->kids = n;
	return w;
}

/* Build the collection whose start event is current. */
static int
cy_kids(struct cfn *c, struct cn *n, int depth)
{
	const struct input_event	*ev = &c->in.ev;
	enum input_type			 end;
	struct cn			*k, **tail = &n->kids;
	struct loc			 kloc;
	const char			*key;

	end = n->type == CN_MAP ? INPUT_MAP_END : INPUT_SEQ_END;
	for (;;) {
		if (!input_next(&c->in))
			return 0;
		if (ev->type == end)
			break;
		key = NULL;
		if (n->type == CN_MAP) {
			kloc = ev->loc;
			if (ev->type != INPUT_SCALAR) {
				diag_error(c->dg, &kloc, "CloudFormation "
				    "template: a key that is not a string");
				return 0;
			}
			key = arena_strdup(&c->a, ev->s);
			if (!input_next(&c->in))
				return 0;
		}
		if ((k = cy_node(c, depth + 1)) == NULL)
			return 0;
		if (key != NULL) {
			k->key = key;
			k->key_loc = kloc;
		}
		*tail = k;
		tail = &k->next;
	}
	n->loc.end_line = ev->loc.end_line;
	n->loc.end_col = ev->loc.end_col;
	return 1;
}

/*
 * Build the node whose first event is current, leaving its last event
 * current.  Aliases reach us unresolved: one names an anchor of the
 * sections read so far, and becomes a copy of it.  NULL after an
 * error, already reported or left in c->in.err.
 */
static struct cn *
cy_node(struct cfn *c, int depth)
{
	const struct input_event	*ev = &c->in.ev;
	struct cfn_anchor		*an;
	struct cn			*n = NULL;
	struct loc			 loc = ev->loc;
	const char			*tag, *anchor;

	if (depth > LOAD_MAX_DEPTH) {
		diag_error(c->dg, &loc, "CloudFormation template: nested "
		    "deeper than %d levels", LOAD_MAX_DEPTH);
		return NULL;
	}
	if (++c->nodes > CFN_MAX_NODES) {
		diag_error(c->dg, &loc, "CloudFormation template: more than "
		    "%d nodes", CFN_MAX_NODES);
		return NULL;
	}
	if (ev->type == INPUT_ALIAS) {
		for (an = c->anchors; an != NULL; an = an->next)
			if (strcmp(an->name, ev->anchor) == 0)
				break;
		if (an == NULL) {
			diag_error(c->dg, &loc, "CloudFormation template: "
			    "alias *%s names no anchor of Parameters or "
			    "Resources", ev->anchor);
			return NULL;
		}
		if ((n = cn_copy(c, an->node, depth)) == NULL) {
			diag_error(c->dg, &loc, "CloudFormation template: "
			    "aliases expand to more than %d nodes",
			    CFN_MAX_NODES);
			return NULL;
		}
		n->loc = loc;
		return n;
	}
	/* The event's strings go with the next event: copy them first. */
	tag = ev->tag != NULL ? arena_strdup(&c->a, ev->tag) : NULL;
	anchor = ev->anchor != NULL ? arena_strdup(&c->a, ev->anchor) : NULL;
	switch (ev->type) {
	case INPUT_SCALAR:
		n = cn_new(c, input_is_null(ev, 0) ? CN_NULL : CN_STR, &loc);
		n->str = arena_strdup(&c->a, ev->s);
		break;
	case INPUT_SEQ_START:
	case INPUT_MAP_START:
		n = cn_new(c, ev->type == INPUT_MAP_START ? CN_MAP : CN_SEQ,
		    &loc);
		if (!cy_kids(c, n, depth))
			return NULL;
		break;
	default:
		diag_error(c->dg, &loc, "CloudFormation template: unexpected "
		    "YAML event");
		return NULL;
	}
	n = cy_tagged(c, n, tag);
	if (anchor != NULL) {
		an = arena_alloc(&c->a, sizeof(*an));
		an->name = anchor;
		an->node = n;
		an->next = c->anchors;
		c->anchors = an;
	}
	return n;
}

/* The section the key names, NULL for one that is not read. */
static const struct cn **
cy_section(struct cfn *c, const char *key)
{
	if (strcmp(key, "Parameters") == 0)
		return &c->params;
	if (strcmp(key, "Resources") == 0)
		return &c->resources;
	if (strcmp(key, "Mappings") == 0)
		return &c->mappings;
	if (strcmp(key, "Conditions") == 0)
		return &c->conditions;
	return NULL;
}

/*
 * The template's top-level mapping, current event: keep Parameters,
 * Resources, Mappings and Conditions, skip the rest.  `aws
 * cloudformation get-template` wraps a JSON template in
 * {"TemplateBody": ...}; that is followed once.
 */
static int
cy_top(struct cfn *c, int wrapped)
{
	const struct input_event	*ev = &c->in.ev;
	const struct cn			**sect;
	struct cn			*n;
	struct loc			 loc = ev->loc;
	const char			*key;

	if (ev->type != INPUT_MAP_START) {
		diag_error(c->dg, &loc, "CloudFormation template: expected a "
		    "mapping at the top level");
		return 0;
	}
	for (;;) {
		if (!input_next(&c->in))
			return 0;
		if (ev->type == INPUT_MAP_END)
			return 1;
		if (ev->type != INPUT_SCALAR) {
			if (!input_skip(&c->in) || !input_next(&c->in) ||
			    !input_skip(&c->in))
				return 0;
			continue;
		}
		key = arena_strdup(&c->a, ev->s);
		loc = ev->loc;
		if (!input_next(&c->in))
			return 0;
		if ((sect = cy_section(c, key)) != NULL) {
			if ((n = cy_node(c, 1)) == NULL)
				return 0;
			n->key = key;
			n->key_loc = loc;
			*sect = n;
		} else if (strcmp(key, "TemplateBody") == 0 && !wrapped) {
			if (ev->type == INPUT_SCALAR) {
				diag_error(c->dg, &loc, "TemplateBody is a "
				    "string: save the template itself, with "
				    "--query TemplateBody --output text");
				return 0;
			}
			if (!cy_top(c, 1))
				return 0;
		} else if (!input_skip(&c->in))
			return 0;
	}
}

static const struct cn *
cn_get(const struct cn *map, const char *key)
{
	const struct cn	*k;

	if (map == NULL || map->type != CN_MAP)
		return NULL;
	for (k = map->kids; k != NULL; k = k->next)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

static int
cn_equal(const struct cn *a, const struct cn *b)
{
	for (; a != NULL && b != NULL; a = a->next, b = b->next) {
		if (a->type != b->type || a->type == CN_UNKNOWN ||
		    (a->key == NULL) != (b->key == NULL) ||
		    (a->key != NULL && strcmp(a->key, b->key) != 0) ||
		    (a->type == CN_STR && strcmp(a->str, b->str) != 0) ||
		    !cn_equal(a->kids, b->kids))
			return 0;
	}
	return a == NULL && b == NULL;
}

/* ---- Intrinsic functions ---- */

/*
 * An unknown value at n, depending on why (recorded once, for the
 * message that says what could not be checked).  text, when not NULL,
 * is what is known of a string, with CFN_UNKNOWN for the rest.
 */
static struct cn *
ev_unknown(struct cfn *c, const struct cn *n, const char *why,
    const char *text)
{
	struct cn	*u = cn_new(c, CN_UNKNOWN, &n->loc);
	const char	*p;
	size_t		 len = strlen(why);

	u->why = arena_strdup(&c->a, why);
	u->str = text;
	if (len == 0)
		return u;
	/* A message need not quote a thousand names; nor search them. */
	if (c->whys.len >= CFN_MAX_WHYS) {
		if (!str_has_suffix(c->whys.buf, ", ..."))
			buf_adds(&c->whys, ", ...");
		return u;
	}
	for (p = c->whys.buf; (p = strstr(p, why)) != NULL; p += len)
		if ((p == c->whys.buf || p[-1] == ' ') &&
		    (p[len] == ',' || p[len] == '\0'))
			return u;
	buf_addf(&c->whys, "%s%s", c->whys.len > 0 ? ", " : "", why);
	return u;
}

/* A copy of n in the evaluated tree, with intrinsics replaced. */
static struct cn *
ev_node(struct cfn *c, const struct cn *n, int depth)
{
	struct cn	*d, *k, **tail;
	const struct cn	*s;

	if (depth > LOAD_MAX_DEPTH)
		return ev_unknown(c, n, "nesting too deep", NULL);
	/* Over the bound, all is unknown: the error says why. */
	if (c->over)
		return ev_unknown(c, n, "a template too large to evaluate",
		    NULL);
	if (n->type == CN_MAP && n->kids != NULL && n->kids->next == NULL &&
	    (strcmp(n->kids->key, "Ref") == 0 ||
	    strncmp(n->kids->key, "Fn::", 4) == 0))
		return ev_fn(c, n->kids, depth);
	d = cn_new(c, n->type, &n->loc);
	*d = *n;
	d->kids = d->next = NULL;
	tail = &d->kids;
	for (s = n->kids; s != NULL; s = s->next) {
		k = ev_node(c, s, depth + 1);
		if (k->type == CN_NOVALUE)
			continue;
		k->key = s->key;
		k->key_loc = s->key_loc;
		*tail = k;
		tail = &k->next;
	}
	return d;
}

/* A malformed intrinsic: CloudFormation rejects the template. */
static struct cn *
ev_bad(struct cfn *c, const struct cn *fn, const char *shape)
{
	diag_error(c->dg, &fn->key_loc, "CloudFormation template: %s: "
	    "expected %s", fn->key, shape);
	return ev_unknown(c, fn, fn->key, NULL);
}

/* fn is the one entry of an intrinsic's mapping: its key names it. */
static struct cn *
ev_fn(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*a;
	const char	*dot;

	if (strcmp(fn->key, "Ref") == 0) {
		if (fn->type != CN_STR)
			return ev_bad(c, fn, "a name");
		return ev_ref(c, fn, fn->str);
	}
	if (strcmp(fn->key, "Fn::GetAtt") == 0) {
		if (fn->type == CN_STR && (dot = strchr(fn->str, '.')) != NULL)
			return ev_unknown(c, fn, arena_printf(&c->a,
			    "Fn::GetAtt %s", fn->str), NULL);
		a = fn->kids;
		if (fn->type != CN_SEQ || a == NULL || a->next == NULL ||
		    a->type != CN_STR || a->next->type != CN_STR)
			return ev_bad(c, fn, "[resource, attribute]");
		return ev_unknown(c, fn, arena_printf(&c->a,
		    "Fn::GetAtt %s.%s", a->str, a->next->str), NULL);
	}
	if (strcmp(fn->key, "Fn::Sub") == 0)
		return ev_sub(c, fn, depth);
	if (strcmp(fn->key, "Fn::Join") == 0)
		return ev_join(c, fn, depth);
	if (strcmp(fn->key, "Fn::If") == 0)
		return ev_if(c, fn, depth);
	if (strcmp(fn->key, "Fn::Select") == 0)
		return ev_select(c, fn, depth);
	if (strcmp(fn->key, "Fn::Split") == 0)
		return ev_split(c, fn, depth);
	if (strcmp(fn->key, "Fn::FindInMap") == 0)
		return ev_find_in_map(c, fn, depth);
	/* Fn::ImportValue, Fn::GetAZs, ...: not modelled. */
	return ev_unknown(c, fn, fn->key, NULL);
}

/*
 * Ref: a parameter's Default, or the name of a role or cluster of this
 * template when that is written out.  Pseudo parameters other than
 * AWS::NoValue are unknown.
 */
static struct cn *
ev_ref(struct cfn *c, const struct cn *at, const char *name)
{
	const struct strmap_val	*v;
	const struct cn		*p, *def, *type, *nm = NULL;
	const struct cfn_res	*r;
	struct cn		*d, *k, **tail;
	const char		*s, *comma;

	if (strcmp(name, "AWS::NoValue") == 0)
		return cn_new(c, CN_NOVALUE, &at->loc);
	if (strncmp(name, "AWS::", 5) == 0)
		return ev_unknown(c, at, name, NULL);
	if ((v = strmap_get(&c->param_by_name, name)) != NULL) {
		p = v->v;
		def = cn_get(p, "Default");
		type = cn_get(p, "Type");
		if (def == NULL || def->type == CN_NULL)
			return ev_unknown(c, at, arena_printf(&c->a,
			    "parameter %s", name), NULL);
		if (type != NULL && type->type == CN_STR &&
		    strncmp(type->str, "AWS::SSM::", 10) == 0)
			return ev_unknown(c, at, arena_printf(&c->a,
			    "parameter %s (read from SSM)", name), NULL);
		if (def->type != CN_STR)
			return ev_unknown(c, at, arena_printf(&c->a,
			    "parameter %s", name), NULL);
		d = cn_new(c, CN_STR, &def->loc);
		d->str = def->str;
		if (type == NULL || type->type != CN_STR ||
		    (strcmp(type->str, "CommaDelimitedList") != 0 &&
		    strncmp(type->str, "List<", 5) != 0))
			return d;
		/* A list parameter: its Default is comma-separated. */
		d->type = CN_SEQ;
		d->str = NULL;
		tail = &d->kids;
		for (s = def->str; !c->over; s = comma + 1) {
			k = cn_new(c, CN_STR, &def->loc);
			comma = strchr(s, ',');
			k->str = comma != NULL ? arena_strndup(&c->a, s,
			    (size_t)(comma - s)) : s;
			*tail = k;
			tail = &k->next;
			if (comma == NULL)
				break;
		}
		return d;
	}
	if ((r = cfn_find(c, name)) != NULL) {
		if (r->type != NULL && strcmp(r->type, "AWS::IAM::Role") == 0)
			nm = cn_get(r->props, "RoleName");
		else if (r->type != NULL &&
		    strcmp(r->type, "AWS::EKS::Cluster") == 0)
			nm = cn_get(r->props, "Name");
		if (nm != NULL && nm->type == CN_STR) {
			d = cn_new(c, CN_STR, &at->loc);
			d->str = nm->str;
			return d;
		}
		return ev_unknown(c, at, arena_printf(&c->a, "Ref %s", name),
		    NULL);
	}
	diag_error(c->dg, &at->loc, "CloudFormation template: Ref %s names "
	    "no parameter or resource", name);
	return ev_unknown(c, at, arena_printf(&c->a, "Ref %s", name), NULL);
}

/*
 * Append a string part to b: the text of a string, or what is known of
 * an unknown one.  Returns 0 for a value that is not a string.
 */
static int
text_add(struct buf *b, const struct cn *v)
{
	if (v->type == CN_STR)
		buf_adds(b, v->str);
	else if (v->type == CN_UNKNOWN && v->str != NULL)
		buf_adds(b, v->str);
	else if (v->type == CN_UNKNOWN)
		buf_addc(b, CFN_UNKNOWN);
	else
		return 0;
	return 1;
}

/*
 * Whether the string b being built for fn is longer than any template
 * can mean; if so, says so and releases b.
 */
static int
text_long(struct cfn *c, const struct cn *fn, struct buf *b)
{
	if (b->len <= CFN_MAX_TEXT)
		return 0;
	diag_error(c->dg, &fn->key_loc, "CloudFormation template: %s: "
	    "the value expands to more than %lu KiB", fn->key,
	    CFN_MAX_TEXT / 1024);
	buf_release(b);
	return 1;
}

/* The string b as a value: unknown if any part of it is. */
static struct cn *
ev_text(struct cfn *c, const struct cn *at, struct buf *b, const char *why)
{
	struct cn	*v;

	if (why != NULL)
		v = ev_unknown(c, at, why, arena_strdup(&c->a, b->buf));
	else {
		v = cn_new(c, CN_STR, &at->loc);
		v->str = arena_strdup(&c->a, b->buf);
	}
	buf_release(b);
	return v;
}

/* A variable of Fn::Sub's map, evaluated when first used. */
struct sub_var {
	const struct cn	*src;
	struct cn	*val;
};

/*
 * Fn::Sub: "${Name}" is a variable of the optional map, else a Ref;
 * "${Res.Attr}" a GetAtt; "${!Literal}" the text "${Literal}".  The
 * variables are found through a hash map and each is evaluated once,
 * however often the template names it.
 */
static struct cn *
ev_sub(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn		*tpl = fn, *vars = NULL, *k;
	const struct strmap_val	*var;
	struct strmap		 vm;
	struct sub_var		*sv;
	struct buf		 b = BUF_INIT;
	struct cn		*v, *ret = NULL;
	const char		*s, *end, *why = NULL;
	char			*name;

	if (fn->type == CN_SEQ) {
		tpl = fn->kids;
		vars = tpl != NULL ? tpl->next : NULL;
	}
	if (tpl == NULL || tpl->type != CN_STR ||
	    (vars != NULL && vars->type != CN_MAP))
		return ev_bad(c, fn, "a string or [string, {variables}]");
	strmap_init(&vm);
	for (k = vars != NULL ? vars->kids : NULL; k != NULL; k = k->next) {
		sv = arena_alloc(&c->a, sizeof(*sv));
		sv->src = k;
		sv->val = NULL;
		strmap_add(&vm, &c->a, k->key, sv);
	}
	for (s = tpl->str; *s != '\0' && ret == NULL; s = end + 1) {
		if (s[0] != '$' || s[1] != '{' ||
		    (end = strchr(s, '}')) == NULL) {
			buf_addc(&b, *s);
			end = s;
			continue;
		}
		if (s[2] == '!') {
			buf_add(&b, "${", 2);
			end = s + 2;
			continue;
		}
		name = arena_strndup(&c->a, s + 2, (size_t)(end - s - 2));
		if ((var = strmap_get(&vm, name)) != NULL) {
			sv = var->v;
			if (sv->val == NULL)
				sv->val = ev_node(c, sv->src, depth + 1);
			v = sv->val;
		} else if (strchr(name, '.') != NULL &&
		    strncmp(name, "AWS::", 5) != 0)
			v = ev_unknown(c, fn, arena_printf(&c->a,
			    "Fn::GetAtt %s", name), NULL);
		else
			v = ev_ref(c, fn, name);
		if (v->type == CN_UNKNOWN && why == NULL)
			why = v->why;
		if (!text_add(&b, v)) {
			buf_release(&b);
			ret = ev_bad(c, fn, arena_printf(&c->a, "${%s} to be "
			    "a string", name));
		} else if (text_long(c, fn, &b))
			ret = ev_unknown(c, fn, fn->key, NULL);
	}
	strmap_release(&vm);
	return ret != NULL ? ret : ev_text(c, fn, &b, why);
}

/* Fn::Join: [delimiter, [values]]. */
static struct cn *
ev_join(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*delim = fn->kids, *k;
	struct cn	*list;
	struct buf	 b = BUF_INIT;
	const char	*why = NULL;

	if (fn->type != CN_SEQ || delim == NULL || delim->type != CN_STR ||
	    delim->next == NULL || delim->next->next != NULL)
		return ev_bad(c, fn, "[delimiter, [values]]");
	list = ev_node(c, delim->next, depth + 1);
	if (list->type == CN_UNKNOWN)
		return list;
	if (list->type != CN_SEQ)
		return ev_bad(c, fn, "[delimiter, [values]]");
	for (k = list->kids; k != NULL; k = k->next) {
		if (k != list->kids)
			buf_adds(&b, delim->str);
		if (k->type == CN_UNKNOWN && why == NULL)
			why = k->why;
		if (!text_add(&b, k)) {
			buf_release(&b);
			return ev_bad(c, fn, "values that are strings");
		}
		if (text_long(c, fn, &b))
			return ev_unknown(c, fn, fn->key, NULL);
	}
	return ev_text(c, fn, &b, why);
}

/*
 * Fn::If: the branch its condition picks.  A condition that depends on
 * the deployment leaves the value known only when both branches agree.
 */
static struct cn *
ev_if(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*cond = fn->kids;
	struct cn	*a, *b;
	size_t		 len;

	if (fn->type != CN_SEQ || cond == NULL || cond->type != CN_STR ||
	    cond->next == NULL || cond->next->next == NULL ||
	    cond->next->next->next != NULL)
		return ev_bad(c, fn, "[condition, value if true, value if "
		    "false]");
	switch (cfn_cond(c, cond, cond->str, depth + 1)) {
	case TRI_TRUE:
		return ev_node(c, cond->next, depth + 1);
	case TRI_FALSE:
		return ev_node(c, cond->next->next, depth + 1);
	default:
		break;
	}
	len = c->whys.len;
	a = ev_node(c, cond->next, depth + 1);
	b = ev_node(c, cond->next->next, depth + 1);
	if (a->type != CN_UNKNOWN && a->type == b->type &&
	    (a->type != CN_STR || strcmp(a->str, b->str) == 0) &&
	    cn_equal(a->kids, b->kids))
		return a;
	/* What the branches depend on matters less than the condition. */
	if (c->whys.cap > 0) {
		c->whys.len = len;
		c->whys.buf[len] = '\0';
	}
	return ev_unknown(c, fn, arena_printf(&c->a, "condition %s",
	    cond->str), NULL);
}

/*
 * Fn::FindInMap: [map, top-level key, second-level key], with the
 * DefaultValue of the AWS::LanguageExtensions transform as an optional
 * fourth item.  A key that depends on the deployment (AWS::Region, most
 * often) makes the value unknown.
 */
static struct cn *
ev_find_in_map(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*k, *map, *def = NULL, *v;
	struct cn	*arg[3];
	size_t		 i;

	for (i = 0, k = fn->type == CN_SEQ ? fn->kids : NULL; k != NULL &&
	    i < 3; k = k->next, i++)
		arg[i] = ev_node(c, k, depth + 1);
	if (i < 3 || (k != NULL && (k->type != CN_MAP || k->next != NULL ||
	    (def = cn_get(k, "DefaultValue")) == NULL)))
		return ev_bad(c, fn, "[map, key, key] or [map, key, key, "
		    "{DefaultValue: value}]");
	for (i = 0; i < 3; i++) {
		if (arg[i]->type == CN_UNKNOWN)
			return arg[i];
		if (arg[i]->type != CN_STR)
			return ev_bad(c, fn, "[map, key, key] of strings");
	}
	map = cn_get(c->mappings, arg[0]->str);
	v = cn_get(cn_get(map, arg[1]->str), arg[2]->str);
	if (v == NULL && def != NULL)
		v = def;
	if (v != NULL)
		return ev_node(c, v, depth + 1);
	if (map == NULL)
		diag_error(c->dg, &fn->key_loc, "CloudFormation template: "
		    "Fn::FindInMap: Mappings has no map %s", arg[0]->str);
	else
		diag_error(c->dg, &fn->key_loc, "CloudFormation template: "
		    "Fn::FindInMap: map %s has no %s.%s", arg[0]->str,
		    arg[1]->str, arg[2]->str);
	return ev_unknown(c, fn, fn->key, NULL);
}

/*
 * The value of the condition name, written at at: evaluated once, with
 * parameter defaults; unknown when it depends on the deployment.  A
 * condition missing from Conditions, or one that refers to itself, is
 * an error, as CloudFormation rejects the template.
 */
static enum tri
cfn_cond(struct cfn *c, const struct cn *at, const char *name, int depth)
{
	const struct strmap_val	*v;
	const struct cn		*expr;
	struct cfn_cond		*cc;

	if ((v = strmap_get(&c->cond_state, name)) != NULL) {
		cc = v->v;
		if (!cc->busy)
			return cc->value;
		diag_error(c->dg, &at->loc, "CloudFormation template: "
		    "condition %s depends on itself", name);
		return TRI_UNKNOWN;
	}
	if ((expr = cn_get(c->conditions, name)) == NULL) {
		diag_error(c->dg, &at->loc, "CloudFormation template: "
		    "Conditions has no %s", name);
		return TRI_UNKNOWN;
	}
	cc = arena_alloc(&c->a, sizeof(*cc));
	cc->busy = 1;
	strmap_add(&c->cond_state, &c->a, name, cc);
	cc->value = cond_expr(c, expr, depth + 1);
	cc->busy = 0;
	return cc->value;
}

/* A condition function: Fn::Equals, And, Or, Not, or Condition. */
static enum tri
cond_expr(struct cfn *c, const struct cn *n, int depth)
{
	const struct cn	*fn, *k;
	struct cn	*a, *b;
	enum tri	 t;
	size_t		 len;

	if (depth > LOAD_MAX_DEPTH || c->over)
		return TRI_UNKNOWN;
	if (n->type != CN_MAP || (fn = n->kids) == NULL || fn->next != NULL)
		goto bad;
	if (strcmp(fn->key, "Condition") == 0 && fn->type == CN_STR)
		return cfn_cond(c, fn, fn->str, depth + 1);
	if (fn->type != CN_SEQ)
		goto bad;
	if (strcmp(fn->key, "Fn::Equals") == 0) {
		if (fn->kids == NULL || fn->kids->next == NULL ||
		    fn->kids->next->next != NULL)
			goto bad;
		len = c->whys.len;
		a = ev_node(c, fn->kids, depth + 1);
		b = ev_node(c, fn->kids->next, depth + 1);
		/* An unknown operand is said by the value it decides. */
		if (c->whys.cap > 0) {
			c->whys.len = len;
			c->whys.buf[len] = '\0';
		}
		if (a->type == CN_UNKNOWN || b->type == CN_UNKNOWN ||
		    (a->type == CN_STR && has_unknown(a->str)) ||
		    (b->type == CN_STR && has_unknown(b->str)))
			return TRI_UNKNOWN;
		return a->type == b->type && (a->type != CN_STR ||
		    strcmp(a->str, b->str) == 0) && cn_equal(a->kids,
		    b->kids) ? TRI_TRUE : TRI_FALSE;
	}
	if (strcmp(fn->key, "Fn::Not") == 0) {
		if (fn->kids == NULL || fn->kids->next != NULL)
			goto bad;
		return tri_not(cond_expr(c, fn->kids, depth + 1));
	}
	if (strcmp(fn->key, "Fn::And") == 0 || strcmp(fn->key, "Fn::Or") == 0) {
		if (fn->kids == NULL)
			goto bad;
		t = fn->key[4] == 'A' ? TRI_TRUE : TRI_FALSE;
		for (k = fn->kids; k != NULL; k = k->next)
			t = fn->key[4] == 'A' ?
			    tri_and(t, cond_expr(c, k, depth + 1)) :
			    tri_or(t, cond_expr(c, k, depth + 1));
		return t;
	}
bad:
	diag_error(c->dg, &n->loc, "CloudFormation template: a condition "
	    "must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
	return TRI_UNKNOWN;
}

/* Fn::Select: [index, [values]]. */
static struct cn *
ev_select(struct cfn *c, const struct cn *fn, int depth)
{
	struct cn	*idx, *list, *k;
	char		*end;
	long		 i;

	if (fn->type != CN_SEQ || fn->kids == NULL || fn->kids->next == NULL)
		return ev_bad(c, fn, "[index, [values]]");
	idx = ev_node(c, fn->kids, depth + 1);
	list = ev_node(c, fn->kids->next, depth + 1);
	if (idx->type == CN_UNKNOWN)
		return idx;
	if (list->type == CN_UNKNOWN)
		return list;
	if (idx->type != CN_STR || list->type != CN_SEQ)
		return ev_bad(c, fn, "[index, [values]]");
	i = strtol(idx->str, &end, 10);
	for (k = list->kids; k != NULL && i > 0; k = k->next)
		i--;
	if (*idx->str == '\0' || *end != '\0' || i < 0 || k == NULL)
		return ev_bad(c, fn, "an index within the list");
	k->key = NULL;
	k->next = NULL;
	return k;
}

/* Fn::Split: [delimiter, string]. */
static struct cn *
ev_split(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*delim = fn->kids;
	struct cn	*s, *d, *k, **tail;
	const char	*p, *q;
	size_t		 dlen;

	if (fn->type != CN_SEQ || delim == NULL || delim->type != CN_STR ||
	    *delim->str == '\0' || delim->next == NULL)
		return ev_bad(c, fn, "[delimiter, string]");
	s = ev_node(c, delim->next, depth + 1);
	if (s->type == CN_UNKNOWN)
		return s;
	if (s->type != CN_STR)
		return ev_bad(c, fn, "[delimiter, string]");
	d = cn_new(c, CN_SEQ, &fn->loc);
	tail = &d->kids;
	dlen = strlen(delim->str);
	for (p = s->str; !c->over; p = q + dlen) {
		k = cn_new(c, CN_STR, &s->loc);
		q = strstr(p, delim->str);
		k->str = q != NULL ? arena_strndup(&c->a, p, (size_t)(q - p)) :
		    p;
		*tail = k;
		tail = &k->next;
		if (q == NULL)
			break;
	}
	return d;
}

/* ---- From the evaluated tree to the model ---- */

/*
 * Write v as JSON.  An unknown value is written as the string of what
 * is known of it, with \u0001 for the rest, which the policy reader
 * keeps and cfn_unknowns() then turns into NULL.
 */
static void
json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_addf(b, "\\u%04x", (unsigned char)*s);
		else
			buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static void
json_add(struct buf *b, const struct cn *v)
{
	const struct cn	*k;
	char		 unk[2] = { CFN_UNKNOWN, '\0' };

	switch (v->type) {
	case CN_STR:
		json_str(b, v->str);
		break;
	case CN_UNKNOWN:
		json_str(b, v->str != NULL ? v->str : unk);
		break;
	case CN_SEQ:
	case CN_MAP:
		buf_addc(b, v->type == CN_SEQ ? '[' : '{');
		for (k = v->kids; k != NULL; k = k->next) {
			if (k != v->kids)
				buf_addc(b, ',');
			if (v->type == CN_MAP) {
				json_str(b, k->key);
				buf_addc(b, ':');
			}
			json_add(b, k);
		}
		buf_addc(b, v->type == CN_SEQ ? ']' : '}');
		break;
	default:
		buf_adds(b, "null");
		break;
	}
}

static int
has_unknown(const char *s)
{
	return s != NULL && strchr(s, CFN_UNKNOWN) != NULL;
}

/* Turn partly unknown strings of a strv into NULL; count them. */
static size_t
strv_unknowns(struct strv *sv)
{
	size_t	 i, n = 0;

	for (i = 0; i < sv->n; i++)
		if (has_unknown(sv->v[i])) {
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

	if (has_unknown(p->version))
		p->version = NULL;
	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		for (j = 0; j < st->actions.n; j++)
			if (has_unknown(st->actions.v[j]))
				return -1;
		if (has_unknown(st->sid))
			st->sid = NULL;
		n += strv_unknowns(&st->federated) +
		    strv_unknowns(&st->service) + strv_unknowns(&st->aws);
		for (j = 0; j < st->nconds; j++) {
			if (has_unknown(st->conds[j].key)) {
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
	char		 err[256];
	const char	*s;
	int		 n;

	buf_reset(&c->whys);
	doc = ev_node(c, raw, 1);
	if (doc->type == CN_MAP) {
		cfn_unknown_blocks(c, doc);
		json_add(&b, doc);
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
	if (b.len == 0 || (n = policy_parse(c->m->arena, b.buf, b.len,
	    &role->trust, err, sizeof(err))) == -1) {
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
		buf_release(&b);
		return;
	}
	role->policy_json = arena_strdup(c->m->arena, b.buf);
	buf_release(&b);
	if ((n = cfn_unknowns(role->trust)) == -1) {
		role->trust = NULL;
		role->policy_unknown = 1;
		role->unknown_refs = arena_strdup(c->m->arena, c->whys.buf);
	} else
		role->trust_partial = n;
}

static const struct cfn_res *
cfn_find(const struct cfn *c, const char *id)
{
	const struct strmap_val	*v;

	return (v = strmap_get(&c->res_by_id, id)) != NULL ? v->v : NULL;
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
	if (v->type != CN_STR || has_unknown(v->str))
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
		if (k->type == CN_STR && !has_unknown(k->str))
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
static void
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
		else if (strcmp(r->type, "AWS::IAM::Policy") == 0 ||
		    strcmp(r->type, "AWS::IAM::ManagedPolicy") == 0)
			cfn_policy(c, r, "Roles");
		else if (strcmp(r->type, "AWS::IAM::RolePolicy") == 0)
			cfn_policy(c, r, "RoleName");
	}
}

/* ---- Detection and entry point ---- */

/*
 * Is this a CloudFormation template?  JSON: a top-level key
 * AWSTemplateFormatVersion, Resources or TemplateBody.  YAML: one of
 * the first two at the start of a line, where only top-level keys
 * stand; Kubernetes manifests never have them.
 */
int
load_cfn_detect(const char *data, size_t len)
{
	static const char *const keys[] = { "AWSTemplateFormatVersion",
	    "Resources" };
	const char	*q, *end = data + len;
	size_t		 i, k, n;

	for (i = 0; i < len && strchr(" \t\r\n", data[i]) != NULL; i++)
		continue;
	if (i < len && data[i] == '{')
		return load_json_has_key(data, len, keys[0]) ||
		    load_json_has_key(data, len, keys[1]) ||
		    load_json_has_key(data, len, "TemplateBody");
	for (i = 0; i < len; i++) {
		if (i > 0 && data[i - 1] != '\n')
			continue;
		q = data + i;
		if (*q == '"' || *q == '\'')
			q++;
		for (k = 0; k < 2; k++) {
			n = strlen(keys[k]);
			if ((size_t)(end - q) > n &&
			    strncmp(q, keys[k], n) == 0 &&
			    q[n] != '\0' && strchr("\"': \t", q[n]) != NULL)
				return 1;
		}
	}
	return 0;
}

/*
 * Load one template.  A parse error ends it before anything reaches
 * the model: a template is deployed whole or not at all.
 */
void
load_cfn(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	struct cfn	 c;
	const struct cn	*k;
	int		 ok;

	memset(&c, 0, sizeof(c));
	c.m = m;
	c.dg = dg;
	c.file = file;
	buf_init(&c.whys);
	m->naws++;
	/* Aliases reach cy_node(), which copies what they name. */
	input_open(&c.in, file, data, len, 0, LOAD_MAX_DEPTH);
	/* Stream start, then the first document or the end of the stream. */
	ok = input_next(&c.in) && input_next(&c.in);
	if (ok && c.in.ev.type != INPUT_DOC_START) {
		struct loc loc = { file, 0, 0, 0, 0 };

		diag_error(dg, &loc, "CloudFormation template: empty");
		ok = 0;
	}
	ok = ok && input_next(&c.in) && cy_top(&c, 0);
	if (c.in.err.kind != INPUT_OK)
		cy_input_error(&c);
	input_close(&c.in);
	strmap_init(&c.param_by_name);
	strmap_init(&c.res_by_id);
	strmap_init(&c.cond_state);
	if (ok && c.params != NULL && c.params->type == CN_MAP)
		for (k = c.params->kids; k != NULL; k = k->next)
			strmap_add(&c.param_by_name, &c.a, k->key, (void *)k);
	if (ok)
		cfn_resources(&c);
	strmap_release(&c.param_by_name);
	strmap_release(&c.res_by_id);
	strmap_release(&c.cond_state);
	buf_release(&c.whys);
	arena_release(&c.a);
}
