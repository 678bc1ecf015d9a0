/* SPDX-License-Identifier: ISC */
/*
 * The printed form of an HCL tree, for tests and tools: one line per
 * attribute, blocks indented, expressions as S-expressions.
 */
#include <string.h>

#include "buf.h"
#include "hcl.h"

static void	dump_str(struct buf *, const char *, size_t);
static void	dump_tmpl(struct buf *, const struct hcl_template *);
static void	dump_part(struct buf *, const struct hcl_part *);
static void	dump_for(struct buf *, const struct hcl_for *);
static void	dump_steps(struct buf *, const struct hcl_trav *);
static void	dump_list(struct buf *, const char *, struct hcl_expr *const *,
		    size_t);
static void	dump_object(struct buf *, const struct hcl_object *);
static void	dump_sexp(struct buf *, const char *, const struct hcl_expr *,
		    const struct hcl_expr *, const struct hcl_expr *);
static void	dump_body_at(struct buf *, const struct hcl_body *, int);
static void	dump_block(struct buf *, const struct hcl_block *, int);

/* A string in double quotes, with C's escapes for what is not text. */
static void
dump_str(struct buf *b, const char *s, size_t len)
{
	size_t	 i;
	int	 c;

	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7F)
			buf_addf(b, "\\x%02x", c);
		else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

static void
dump_tmpl(struct buf *b, const struct hcl_template *t)
{
	size_t	 i;

	for (i = 0; i < t->nparts; i++) {
		buf_addc(b, ' ');
		dump_part(b, &t->parts[i]);
	}
}

static void
dump_part(struct buf *b, const struct hcl_part *p)
{
	switch (p->kind) {
	case HCL_PART_LITERAL:
		dump_str(b, p->text, p->len);
		break;
	case HCL_PART_INTERP:
		buf_adds(b, p->seq[0].strip_before ? "(${~ " : "(${ ");
		hcl_dump_expr(b, p->expr);
		buf_adds(b, p->seq[0].strip_after ? " ~)" : ")");
		break;
	case HCL_PART_IF:
		buf_adds(b, "(%if ");
		hcl_dump_expr(b, p->expr);
		buf_adds(b, " (then");
		dump_tmpl(b, &p->then);
		buf_adds(b, ") (else");
		dump_tmpl(b, &p->els);
		buf_adds(b, "))");
		break;
	case HCL_PART_FOR:
		buf_addf(b, "(%%for %s %s ", p->key != NULL ? p->key : "_",
		    p->value);
		hcl_dump_expr(b, p->expr);
		buf_adds(b, " (do");
		dump_tmpl(b, &p->then);
		buf_adds(b, "))");
		break;
	}
}

static void
dump_for(struct buf *b, const struct hcl_for *f)
{
	buf_addf(b, "(for-%s %s %s ", f->object ? "object" : "tuple",
	    f->key != NULL ? f->key : "_", f->value);
	hcl_dump_expr(b, f->coll);
	if (f->kexpr != NULL) {
		buf_addc(b, ' ');
		hcl_dump_expr(b, f->kexpr);
	}
	buf_addc(b, ' ');
	hcl_dump_expr(b, f->vexpr);
	if (f->group)
		buf_adds(b, "...");
	if (f->cond != NULL) {
		buf_adds(b, " (if ");
		hcl_dump_expr(b, f->cond);
		buf_addc(b, ')');
	}
	buf_addc(b, ')');
}

static void
dump_steps(struct buf *b, const struct hcl_trav *t)
{
	const struct hcl_step	*s;
	size_t			 i;

	for (i = 0; i < t->nsteps; i++) {
		s = &t->steps[i];
		switch (s->kind) {
		case HCL_STEP_ATTR:
		case HCL_STEP_LEGACY:
			buf_addf(b, ".%s", s->name);
			break;
		case HCL_STEP_INDEX:
			buf_addc(b, '[');
			hcl_dump_expr(b, s->index);
			buf_addc(b, ']');
			break;
		case HCL_STEP_SPLAT_ATTR:
			buf_adds(b, ".*");
			break;
		case HCL_STEP_SPLAT_FULL:
			buf_adds(b, "[*]");
			break;
		}
	}
}

static void
dump_list(struct buf *b, const char *head, struct hcl_expr *const *v,
    size_t n)
{
	size_t	 i;

	buf_adds(b, head);
	for (i = 0; i < n; i++) {
		buf_addc(b, ' ');
		hcl_dump_expr(b, v[i]);
	}
}

static void
dump_object(struct buf *b, const struct hcl_object *o)
{
	size_t	 i;

	buf_adds(b, "(object");
	for (i = 0; i < o->n; i++) {
		buf_adds(b, " (");
		hcl_dump_expr(b, o->v[i].key);
		buf_addc(b, ' ');
		hcl_dump_expr(b, o->v[i].value);
		buf_addc(b, ')');
	}
	buf_addc(b, ')');
}

/* (head x y z), skipping the NULL ones. */
static void
dump_sexp(struct buf *b, const char *head, const struct hcl_expr *x,
    const struct hcl_expr *y, const struct hcl_expr *z)
{
	const struct hcl_expr	*v[3] = { x, y, z };
	size_t			 i;

	buf_addf(b, "(%s", head);
	for (i = 0; i < 3; i++)
		if (v[i] != NULL) {
			buf_addc(b, ' ');
			hcl_dump_expr(b, v[i]);
		}
	buf_addc(b, ')');
}

void
hcl_dump_expr(struct buf *b, const struct hcl_expr *e)
{
	switch (e->kind) {
	case HCL_EXPR_INVALID:
		buf_adds(b, "<invalid>");
		break;
	case HCL_EXPR_LITERAL:
		buf_adds(b, e->u.lit.text);
		break;
	case HCL_EXPR_TEMPLATE:
		if (e->u.tmpl.heredoc)
			buf_addf(b, "(heredoc%s %s", e->u.tmpl.flush ? "-" : "",
			    e->u.tmpl.marker);
		else
			buf_adds(b, "(tmpl");
		dump_tmpl(b, &e->u.tmpl.body);
		buf_addc(b, ')');
		break;
	case HCL_EXPR_TUPLE:
		dump_list(b, "(tuple", e->u.tuple.v, e->u.tuple.n);
		buf_addc(b, ')');
		break;
	case HCL_EXPR_OBJECT:
		dump_object(b, &e->u.object);
		break;
	case HCL_EXPR_CALL:
		buf_adds(b, "(call ");
		dump_list(b, e->u.call.name, e->u.call.args, e->u.call.nargs);
		buf_adds(b, e->u.call.expand ? "...)" : ")");
		break;
	case HCL_EXPR_FOR:
		dump_for(b, &e->u.forx);
		break;
	case HCL_EXPR_COND:
		dump_sexp(b, "?", e->u.cond.cond, e->u.cond.then,
		    e->u.cond.els);
		break;
	case HCL_EXPR_UNARY:
	case HCL_EXPR_BINARY:
		dump_sexp(b, hcl_op_name(e->u.op.op), e->u.op.lhs, e->u.op.rhs,
		    NULL);
		break;
	case HCL_EXPR_TRAVERSAL:
		buf_adds(b, e->u.trav.root);
		dump_steps(b, &e->u.trav);
		break;
	case HCL_EXPR_RELATIVE:
		hcl_dump_expr(b, e->u.trav.base);
		dump_steps(b, &e->u.trav);
		break;
	case HCL_EXPR_PAREN:
		buf_adds(b, "(paren ");
		hcl_dump_expr(b, e->u.paren);
		buf_addc(b, ')');
		break;
	}
}

static void
dump_block(struct buf *b, const struct hcl_block *k, int indent)
{
	size_t	 i;

	buf_addf(b, "%*s%s", indent * 2, "", k->type);
	for (i = 0; i < k->nlabels; i++) {
		buf_addc(b, ' ');
		if (k->labels[i].quoted)
			dump_str(b, k->labels[i].text,
			    strlen(k->labels[i].text));
		else
			buf_adds(b, k->labels[i].text);
	}
	buf_adds(b, " {\n");
	dump_body_at(b, &k->body, indent + 1);
	buf_addf(b, "%*s}\n", indent * 2, "");
}

/* Attributes and blocks merged back into file order. */
static void
dump_body_at(struct buf *b, const struct hcl_body *body, int indent)
{
	const struct hcl_attr	*a;
	size_t			 i = 0, j = 0;

	while (i < body->nattrs || j < body->nblocks) {
		if (j == body->nblocks || (i < body->nattrs &&
		    body->attrs[i].range.start.off <
		    body->blocks[j].range.start.off)) {
			a = &body->attrs[i++];
			buf_addf(b, "%*s%s = ", indent * 2, "", a->name);
			hcl_dump_expr(b, a->expr);
			buf_addc(b, '\n');
		} else
			dump_block(b, &body->blocks[j++], indent);
	}
}

void
hcl_dump_body(struct buf *b, const struct hcl_body *body)
{
	dump_body_at(b, body, 0);
}
