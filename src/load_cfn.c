/* SPDX-License-Identifier: ISC */
/*
 * CloudFormation loader: templates in YAML or JSON, written by hand,
 * synthesised by the CDK (cdk.out/<stack>.template.json) or generated
 * by eksctl.  It reads the IAM roles, OIDC providers, EKS clusters, Pod
 * Identity associations and IAM policies that IRSA depends on into the
 * model, evaluating intrinsic functions as far as the template allows.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cfn.h"
#include "comment.h"
#include "diag.h"
#include "input.h"
#include "load.h"
#include "model.h"
#include "strmap.h"

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

static void		 cy_input_error(struct cfn *);
static struct cn	*cy_tagged(struct cfn *, struct cn *, const char *);
static int		 cy_kids(struct cfn *, struct cn *, int);
static struct cn	*cy_alias(struct cfn *, int);
static struct cn	*cy_node(struct cfn *, int);
static const struct cn	**cy_section(struct cfn *, const char *);
static int		 cy_top(struct cfn *, int);
static struct cn	*cn_copy(struct cfn *, const struct cn *, int);

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
 * An alias, the current event: it names an anchor of the sections read
 * so far (the layer leaves aliases to us), and becomes a copy of it.
 */
static struct cn *
cy_alias(struct cfn *c, int depth)
{
	const struct input_event	*ev = &c->in.ev;
	const struct cfn_anchor		*an;
	struct cn			*n;

	for (an = c->anchors; an != NULL; an = an->next)
		if (strcmp(an->name, ev->anchor) == 0)
			break;
	if (an == NULL) {
		diag_error(c->dg, &ev->loc, "CloudFormation template: alias "
		    "*%s names no anchor of Parameters or Resources",
		    ev->anchor);
		return NULL;
	}
	if ((n = cn_copy(c, an->node, depth)) == NULL) {
		diag_error(c->dg, &ev->loc, "CloudFormation template: "
		    "aliases expand to more than %d nodes", CFN_MAX_NODES);
		return NULL;
	}
	n->loc = ev->loc;
	return n;
}

/*
 * Build the node whose first event is current, leaving its last event
 * current.  NULL after an error, already reported or left in c->in.err.
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
	if (ev->type == INPUT_ALIAS)
		return cy_alias(c, depth);
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

/* ---- Entry point ---- */

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
	size_t		 i;
	int		 ok;

	memset(&c, 0, sizeof(c));
	c.m = m;
	c.dg = dg;
	c.file = file;
	buf_init(&c.whys);
	m->naws++;
	m->ncfn++;
	/* irsalint comments of a YAML template work as in manifests. */
	comment_scan(m, file, data, len);
	/*
	 * A JSON template is read as CloudFormation reads it, by the JSON
	 * scanner: libyaml would take YAML's flow syntax too (a trailing
	 * comma, an unquoted key).  Aliases of a YAML one reach cy_node(),
	 * which copies what they name.
	 */
	for (i = 0; i < len && strchr(" \t\r\n", data[i]) != NULL; i++)
		continue;
	input_open(&c.in, file, data, len, i < len && data[i] == '{' ?
	    INPUT_JSON : 0, LOAD_MAX_DEPTH);
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
