/* SPDX-License-Identifier: ISC */
/*
 * Terraform's JSON configuration syntax (*.tf.json), read into the same
 * tree as the native syntax, so that the sources loader evaluates both
 * alike.  The rules are HCL's JSON syntax specification (hashicorp/hcl
 * json/spec.md) as Terraform applies it:
 *  - the root object's keys are block types: resource and data take two
 *    labels, variable, output, module and provider one, locals and
 *    terraform none; each label is one level of object, and the body
 *    at the last may be an array of bodies (blocks of the same labels);
 *  - in a body, a string is a template ("${var.x}"), a number, a bool
 *    and null are literals, an array a tuple, an object an object;
 *  - a variable's default is a literal value (no template), and its
 *    type is a string holding a type expression ("list(string)");
 *  - "//" keys are comments;
 *  - a key of a body is a nested block when the configuration language
 *    says so.  JSON cannot tell a block from an object attribute: HCL
 *    asks the provider's schema, which irsalint does not have, so the
 *    block types the rules need are named here (a policy document's
 *    statement, principals and condition, dynamic with its content,
 *    lifecycle, a role's inline_policy, Kubernetes metadata, an EKS
 *    add-on's pod_identity_association).
 * Every expression is placed at its JSON value: a template's parts at
 * the string that holds them.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "hcl.h"
#include "input.h"
#include "load.h"

#include "tf_src.h"

#define TF_JSON_MAX_NODES	10000000

struct jctx {
	struct arena	*a;
	struct diags	*dg;
	const char	*file;
	size_t		 nerrors;
};

static int	 is_block_key(const char *);
static struct hcl_range range_of(const struct loc *);
static struct hcl_expr *expr(struct jctx *, const struct input_node *, int,
		    unsigned int);
static void	 body(struct jctx *, const struct input_node *,
		    struct hcl_body *, const char *, unsigned int);

static const char *const block_keys[] = {
	"condition", "connection", "content", "dynamic", "inline_policy",
	"lifecycle", "metadata", "not_principals", "pod_identity_association",
	"principals",
	"provisioner", "spec", "statement", "timeouts", "validation"
};

static int
is_block_key(const char *k)
{
	size_t	 i;

	for (i = 0; i < sizeof(block_keys) / sizeof(block_keys[0]); i++)
		if (strcmp(k, block_keys[i]) == 0)
			return 1;
	return 0;
}

static struct hcl_range
range_of(const struct loc *l)
{
	struct hcl_range	 r;

	memset(&r, 0, sizeof(r));
	r.start.line = r.end.line = l->line;
	r.start.col = l->col;
	r.end.col = l->end_col > 0 ? l->end_col : l->col;
	if (l->end_line > 0)
		r.end.line = l->end_line;
	return r;
}

static void
jerr(struct jctx *c, const struct loc *l, const char *msg)
{
	c->nerrors++;
	diag_error(c->dg, l, "%s", msg);
}

/* Every node of e and below placed at r: where its JSON string is. */
static void
place(struct hcl_expr *e, const struct hcl_range *r, unsigned int depth)
{
	struct hcl_part	*p;
	size_t		 i;

	if (e == NULL || depth > HCL_MAX_DEPTH)
		return;
	e->range = *r;
	switch (e->kind) {
	case HCL_EXPR_TEMPLATE:
		for (i = 0; i < e->u.tmpl.body.nparts; i++) {
			p = &e->u.tmpl.body.parts[i];
			p->range = *r;
			place(p->expr, r, depth + 1);
		}
		break;
	case HCL_EXPR_TUPLE:
		for (i = 0; i < e->u.tuple.n; i++)
			place(e->u.tuple.v[i], r, depth + 1);
		break;
	case HCL_EXPR_OBJECT:
		for (i = 0; i < e->u.object.n; i++) {
			place(e->u.object.v[i].key, r, depth + 1);
			place(e->u.object.v[i].value, r, depth + 1);
		}
		break;
	case HCL_EXPR_CALL:
		for (i = 0; i < e->u.call.nargs; i++)
			place(e->u.call.args[i], r, depth + 1);
		break;
	case HCL_EXPR_FOR:
		place(e->u.forx.coll, r, depth + 1);
		place(e->u.forx.kexpr, r, depth + 1);
		place(e->u.forx.vexpr, r, depth + 1);
		place(e->u.forx.cond, r, depth + 1);
		break;
	case HCL_EXPR_COND:
		place(e->u.cond.cond, r, depth + 1);
		place(e->u.cond.then, r, depth + 1);
		place(e->u.cond.els, r, depth + 1);
		break;
	case HCL_EXPR_UNARY:
	case HCL_EXPR_BINARY:
		e->u.op.op_range = *r;
		place(e->u.op.lhs, r, depth + 1);
		place(e->u.op.rhs, r, depth + 1);
		break;
	case HCL_EXPR_TRAVERSAL:
	case HCL_EXPR_RELATIVE:
		e->u.trav.root_range = *r;
		place(e->u.trav.base, r, depth + 1);
		for (i = 0; i < e->u.trav.nsteps; i++) {
			e->u.trav.steps[i].range = *r;
			place(e->u.trav.steps[i].index, r, depth + 1);
		}
		break;
	case HCL_EXPR_PAREN:
		place(e->u.paren, r, depth + 1);
		break;
	default:
		break;
	}
}

static struct hcl_expr *
node(struct jctx *c, enum hcl_expr_kind kind, const struct input_node *n)
{
	struct hcl_expr	*e = arena_alloc(c->a, sizeof(*e));

	e->kind = kind;
	e->range = range_of(&n->loc);
	e->height = 1;
	return e;
}

/* A string that is only text: no template, as a variable's default. */
static struct hcl_expr *
literal_string(struct jctx *c, const struct input_node *n)
{
	struct hcl_expr	*e = node(c, HCL_EXPR_TEMPLATE, n);
	struct hcl_part	*p;

	if (n->len == 0)
		return e;
	p = arena_alloc(c->a, sizeof(*p));
	p->kind = HCL_PART_LITERAL;
	p->range = e->range;
	p->text = n->s;
	p->len = n->len;
	e->u.tmpl.body.parts = p;
	e->u.tmpl.body.nparts = 1;
	return e;
}

/*
 * A JSON value as an expression: strings are templates unless literal
 * (a variable's default), "type" strings are type expressions.
 */
static struct hcl_expr *
expr(struct jctx *c, const struct input_node *n, int literal,
    unsigned int depth)
{
	struct hcl_expr		*e;
	const struct input_node	*k;
	struct hcl_range	 r;
	struct diags		 tmp;
	size_t			 i, nerr = 0;

	if (depth > HCL_MAX_DEPTH) {
		jerr(c, &n->loc, "nested too deeply");
		return node(c, HCL_EXPR_INVALID, n);
	}
	switch (n->type) {
	case INPUT_NODE_NULL:
		e = node(c, HCL_EXPR_LITERAL, n);
		e->u.lit.kind = HCL_LIT_NULL;
		e->u.lit.text = "null";
		return e;
	case INPUT_NODE_SCALAR:
		if (n->plain && (strcmp(n->s, "true") == 0 ||
		    strcmp(n->s, "false") == 0)) {
			e = node(c, HCL_EXPR_LITERAL, n);
			e->u.lit.kind = HCL_LIT_BOOL;
			e->u.lit.b = n->s[0] == 't';
			e->u.lit.text = n->s;
			return e;
		}
		if (n->plain) {
			e = node(c, HCL_EXPR_LITERAL, n);
			e->u.lit.kind = HCL_LIT_NUMBER;
			e->u.lit.text = n->s;
			return e;
		}
		if (literal || (strstr(n->s, "${") == NULL &&
		    strstr(n->s, "%{") == NULL))
			return literal_string(c, n);
		/*
		 * The template's own errors are at positions in the
		 * string's text: say them at the string, naming where in it.
		 */
		diags_init(&tmp, c->a);
		e = hcl_parse_template(c->a, &tmp, c->file, n->s, n->len,
		    &nerr);
		for (i = 0; i < tmp.n; i++) {
			c->nerrors++;
			diag_error(c->dg, &n->loc, "in this string, at "
			    "character %u of its text: %s", tmp.v[i]->loc.col,
			    tmp.v[i]->msg);
		}
		diags_release(&tmp);
		r = range_of(&n->loc);
		place(e, &r, 0);
		return e;
	case INPUT_NODE_SEQ:
		e = node(c, HCL_EXPR_TUPLE, n);
		e->u.tuple.v = arena_alloc(c->a, (n->n + 1) *
		    sizeof(*e->u.tuple.v));
		for (i = 0, k = n->kids; k != NULL; k = k->next, i++)
			e->u.tuple.v[i] = expr(c, k, literal, depth + 1);
		e->u.tuple.n = i;
		return e;
	case INPUT_NODE_MAP:
		e = node(c, HCL_EXPR_OBJECT, n);
		e->u.object.v = arena_alloc(c->a, (n->n + 1) *
		    sizeof(*e->u.object.v));
		for (i = 0, k = n->kids; k != NULL; k = k->next) {
			if (strcmp(k->key, "//") == 0)
				continue;
			e->u.object.v[i].key_name = k->key;
			e->u.object.v[i].key = node(c, HCL_EXPR_TRAVERSAL, k);
			e->u.object.v[i].key->range = range_of(&k->key_loc);
			e->u.object.v[i].key->u.trav.root = k->key;
			e->u.object.v[i].value = expr(c, k, literal,
			    depth + 1);
			i++;
		}
		e->u.object.n = i;
		return e;
	}
	return node(c, HCL_EXPR_INVALID, n);
}

/* A type given as a string, "map(string)": a type expression. */
static struct hcl_expr *
type_expr(struct jctx *c, const struct input_node *n)
{
	struct hcl_file	*f;
	struct hcl_range r;
	char		*text;

	if (n->type != INPUT_NODE_SCALAR || n->plain)
		return expr(c, n, 1, 0);
	text = arena_printf(c->a, "t = %s\n", n->s);
	f = hcl_parse(c->a, c->dg, c->file, text, strlen(text));
	c->nerrors += f->nerrors;
	if (f->body.nattrs != 1)
		return expr(c, n, 1, 0);
	r = range_of(&n->loc);
	place(f->body.attrs[0].expr, &r, 0);
	return f->body.attrs[0].expr;
}

/* Append block type with labels and body n to b (growing arrays). */
static void
add_block(struct jctx *c, struct hcl_body *b, const char *type,
    const struct loc *type_loc, const char **labels,
    const struct loc *label_locs, size_t nlabels, const struct input_node *n,
    unsigned int depth)
{
	struct hcl_block	*nb, *blk;
	size_t			 i;

	nb = arena_alloc(c->a, (b->nblocks + 1) * sizeof(*nb));
	if (b->nblocks > 0)
		memcpy(nb, b->blocks, b->nblocks * sizeof(*nb));
	blk = &nb[b->nblocks];
	blk->type = type;
	/* Placed at its name, the last label, as a native block's line. */
	blk->type_range = range_of(nlabels > 0 ? &label_locs[nlabels - 1] :
	    type_loc);
	blk->range = range_of(&n->loc);
	blk->open = blk->close = blk->range;
	blk->labels = arena_alloc(c->a, (nlabels + 1) *
	    sizeof(*blk->labels));
	for (i = 0; i < nlabels; i++) {
		blk->labels[i].text = labels[i];
		blk->labels[i].range = range_of(&label_locs[i]);
		blk->labels[i].quoted = 1;
	}
	blk->nlabels = nlabels;
	body(c, n, &blk->body, type, depth + 1);
	b->blocks = nb;
	b->nblocks++;
}

/* One body object (or an array of them) of a block with its labels. */
static void
blocks_of(struct jctx *c, struct hcl_body *b, const char *type,
    const struct loc *type_loc, const char **labels,
    const struct loc *label_locs, size_t nlabels,
    const struct input_node *n, unsigned int depth)
{
	const struct input_node	*k;

	if (n->type == INPUT_NODE_SEQ) {
		for (k = n->kids; k != NULL; k = k->next)
			if (k->type == INPUT_NODE_MAP)
				add_block(c, b, type, type_loc, labels,
				    label_locs, nlabels, k, depth);
			else
				jerr(c, &k->loc, "a block's body must be an "
				    "object");
		return;
	}
	if (n->type != INPUT_NODE_MAP) {
		jerr(c, &n->loc, "a block's body must be an object");
		return;
	}
	add_block(c, b, type, type_loc, labels, label_locs, nlabels, n,
	    depth);
}

/*
 * Labels, one object level each, then the body: resource "t" "n" is
 * {"resource": {"t": {"n": {...}}}}.
 */
static void
labelled(struct jctx *c, struct hcl_body *b, const char *type,
    const struct loc *type_loc, const struct input_node *n, size_t want,
    const char **labels, struct loc *label_locs, size_t have,
    unsigned int depth)
{
	const struct input_node	*k;

	if (have == want) {
		blocks_of(c, b, type, type_loc, labels, label_locs, have, n,
		    depth);
		return;
	}
	if (n->type != INPUT_NODE_MAP) {
		jerr(c, &n->loc, arena_printf(c->a, "%s: expected an object "
		    "whose keys are its labels", type));
		return;
	}
	for (k = n->kids; k != NULL; k = k->next) {
		if (strcmp(k->key, "//") == 0)
			continue;
		labels[have] = k->key;
		label_locs[have] = k->key_loc;
		labelled(c, b, type, type_loc, k, want, labels, label_locs,
		    have + 1, depth);
	}
}

/* The attributes and nested blocks of body object n. */
static void
body(struct jctx *c, const struct input_node *n, struct hcl_body *b,
    const char *type, unsigned int depth)
{
	const struct input_node	*k;
	struct hcl_attr		*na;
	const char		*labels[2];
	struct loc		 label_locs[2];

	memset(b, 0, sizeof(*b));
	b->range = range_of(&n->loc);
	if (depth > HCL_MAX_DEPTH) {
		jerr(c, &n->loc, "nested too deeply");
		return;
	}
	for (k = n->kids; k != NULL; k = k->next) {
		if (strcmp(k->key, "//") == 0)
			continue;
		if (is_block_key(k->key) && (k->type == INPUT_NODE_MAP ||
		    k->type == INPUT_NODE_SEQ)) {
			/* dynamic "name" { ... }: one label. */
			if (strcmp(k->key, "dynamic") == 0)
				labelled(c, b, k->key, &k->key_loc, k, 1,
				    labels, label_locs, 0, depth);
			else
				blocks_of(c, b, k->key, &k->key_loc, NULL,
				    NULL, 0, k, depth);
			continue;
		}
		na = arena_alloc(c->a, (b->nattrs + 1) * sizeof(*na));
		if (b->nattrs > 0)
			memcpy(na, b->attrs, b->nattrs * sizeof(*na));
		na[b->nattrs].name = k->key;
		na[b->nattrs].name_range = range_of(&k->key_loc);
		na[b->nattrs].range = na[b->nattrs].name_range;
		if (strcmp(type, "variable") == 0 &&
		    strcmp(k->key, "type") == 0)
			na[b->nattrs].expr = type_expr(c, k);
		else
			na[b->nattrs].expr = expr(c, k, strcmp(type,
			    "variable") == 0 || (strcmp(type, "module") == 0 &&
			    strcmp(k->key, "source") == 0), depth + 1);
		na[b->nattrs].eq = na[b->nattrs].name_range;
		b->attrs = na;
		b->nattrs++;
	}
}

struct hcl_file *
tf_json_parse(struct arena *a, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	static const struct {
		const char	*type;
		size_t		 nlabels;
	} types[] = {
		{ "resource", 2 }, { "data", 2 }, { "variable", 1 },
		{ "output", 1 }, { "module", 1 }, { "provider", 1 },
		{ "locals", 0 }, { "terraform", 0 }, { "moved", 0 },
		{ "import", 0 }, { "check", 1 }, { "removed", 0 }
	};
	struct jctx		 c = { a, dg, file, 0 };
	struct hcl_file		*f;
	struct input		 in;
	struct input_node	*root = NULL;
	const struct input_node	*k;
	const char		*labels[2];
	struct loc		 label_locs[2], loc = { file, 0, 0, 0, 0 };
	size_t			 budget = TF_JSON_MAX_NODES, i;

	f = arena_alloc(a, sizeof(*f));
	f->name = file;
	f->data = data;
	f->len = len;
	input_open(&in, file, data, len, INPUT_JSON, LOAD_MAX_DEPTH);
	if (input_next(&in) && input_next(&in) && input_next(&in))
		root = input_tree(&in, a, 0, &budget);
	if (root == NULL) {
		if (in.err.loc.line > 0)
			loc = in.err.loc;
		jerr(&c, &loc, arena_printf(a, "not Terraform JSON: %s",
		    in.err.problem[0] != '\0' ? in.err.problem :
		    "expected an object"));
		input_close(&in);
		f->nerrors = c.nerrors;
		return f;
	}
	input_close(&in);
	if (root->type != INPUT_NODE_MAP) {
		jerr(&c, &root->loc, "not Terraform JSON: the top level must "
		    "be an object of block types");
		f->nerrors = c.nerrors;
		return f;
	}
	f->body.range = range_of(&root->loc);
	for (k = root->kids; k != NULL; k = k->next) {
		if (strcmp(k->key, "//") == 0)
			continue;
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcmp(k->key, types[i].type) == 0)
				break;
		if (i == sizeof(types) / sizeof(types[0])) {
			jerr(&c, &k->key_loc, arena_printf(a, "\"%s\" is not "
			    "a block type of Terraform's configuration",
			    k->key));
			continue;
		}
		if (strcmp(k->key, "locals") == 0 && k->type == INPUT_NODE_SEQ)
			blocks_of(&c, &f->body, k->key, &k->key_loc, NULL,
			    NULL, 0, k, 1);
		else
			labelled(&c, &f->body, k->key, &k->key_loc, k,
			    types[i].nlabels, labels, label_locs, 0, 1);
	}
	f->nerrors = c.nerrors;
	return f;
}
