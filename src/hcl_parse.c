/* SPDX-License-Identifier: ISC */
/*
 * The structure of an HCL file: bodies of attributes and blocks, and
 * the entry point hcl_parse().  A newline ends each attribute and each
 * block; a one-line block "a { b = 1 }" holds at most one attribute.
 *
 * Recovery is by statement: after an error in an attribute or a block
 * header the parser skips to the end of the line (over whole brackets)
 * or to the '}' closing the block it is in, and goes on with the next
 * statement, so that each broken line costs one error and the tree
 * keeps everything around it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "hcl.h"
#include "hcl_impl.h"
#include "strmap.h"

/* What a body is part of; a one-line block's body has other rules. */
enum body_kind {
	BODY_FILE,
	BODY_BLOCK,
	BODY_ONELINE
};

/* The attributes and blocks of a body while it is parsed. */
struct body_state {
	struct hcl_vec		 attrs;
	struct hcl_vec		 blocks;
	struct strmap		 names;	/* attribute name -> index + 1 */
	enum body_kind		 kind;
};

static void	 skip_line(struct hcl_parser *);
static void	 body(struct hcl_parser *, struct hcl_body *,
		    const struct hcl_tok *, const struct hcl_tok *,
		    enum body_kind);
static void	 oneline_end(struct hcl_parser *, const struct hcl_tok *);
static void	 item(struct hcl_parser *, struct body_state *);
static void	 attribute(struct hcl_parser *, struct body_state *,
		    const struct hcl_tok *);
static void	 attr_end(struct hcl_parser *, const struct body_state *,
		    const struct hcl_tok *);
static int	 label_string(struct hcl_parser *, struct hcl_label *);
static int	 labels(struct hcl_parser *, struct hcl_vec *,
		    const struct hcl_tok *);
static void	 block(struct hcl_parser *, struct body_state *,
		    const struct hcl_tok *);
static void	 block_end(struct hcl_parser *, const struct body_state *);

/*
 * Recovery: past the end of this line, or up to the '}' it is in.  A
 * stray closer (a ')' with no '(') is stepped over like the rest of
 * the line, so that the caller's loop always moves on.
 */
static void
skip_line(struct hcl_parser *p)
{
	int	 type;

	for (;;) {
		hcl_skip_to(p, HCL_T_NEWLINE);
		type = hcl_peek(p)->type;
		if (type == HCL_T_EOF || type == HCL_T_RBRACE)
			return;
		hcl_next(p);
		if (type == HCL_T_NEWLINE)
			return;
	}
}

struct hcl_file *
hcl_parse(struct arena *a, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	struct hcl_parser	 p;
	struct hcl_file		*f;

	memset(&p, 0, sizeof(p));
	p.arena = a;
	p.dg = dg;
	p.file = file;
	p.data = data;
	p.len = len;
	p.nl = 1;
	f = arena_alloc(a, sizeof(*f));
	f->name = file;
	f->data = data;
	f->len = len;
	hcl_lex(&p);
	body(&p, &f->body, NULL, NULL, BODY_FILE);
	f->body.range.start.off = len >= 3 &&
	    memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	f->body.range.start.line = f->body.range.start.col = 1;
	f->body.range.end = p.toks[p.ntoks - 1].r.end;
	f->comments = hcl_vec_finish(&p, &p.comments,
	    sizeof(struct hcl_comment));
	f->ncomments = p.comments.n;
	f->nerrors = p.nerrors;
	free(p.toks);
	return f;
}

/*
 * A template file, as templatefile() reads one: all of it template
 * text, with interpolations and directives, and nothing after it.
 * Returns the template expression (HCL_EXPR_TEMPLATE, or INVALID where
 * the file could not be read); errors as hcl_parse()'s, at most
 * HCL_MAX_ERRORS.  *nerrors, when not NULL, says how many.
 */
struct hcl_expr *
hcl_parse_template(struct arena *a, struct diags *dg, const char *file,
    const char *data, size_t len, size_t *nerrors)
{
	struct hcl_parser	 p;
	struct hcl_expr		*e;
	const struct hcl_tok	*t;

	memset(&p, 0, sizeof(p));
	p.arena = a;
	p.dg = dg;
	p.file = file;
	p.data = data;
	p.len = len;
	p.template_file = 1;
	hcl_lex(&p);
	e = hcl_parse_expr(&p);
	t = hcl_peek(&p);
	if (t->type != HCL_T_EOF && !p.stop)
		hcl_error(&p, &t->r, "unexpected text after the template");
	if (nerrors != NULL)
		*nerrors = p.nerrors;
	/* Comments inside its interpolations mean nothing to irsalint. */
	free(p.comments.v);
	free(p.toks);
	return e;
}

/*
 * The items of a body into b, up to the '}' (left unread) of the block
 * whose '{' is open and whose type is name, or to the end of the file
 * (open NULL).
 */
static void
body(struct hcl_parser *p, struct hcl_body *b, const struct hcl_tok *open,
    const struct hcl_tok *name, enum body_kind kind)
{
	struct body_state	 st;
	const struct hcl_tok	*t;

	memset(&st, 0, sizeof(st));
	strmap_init(&st.names);
	st.kind = kind;
	for (;;) {
		t = hcl_peek(p);
		if (t->type == HCL_T_NEWLINE && kind != BODY_ONELINE) {
			hcl_next(p);
			continue;
		}
		if (t->type == HCL_T_EOF) {
			p->stmt_err = 0;
			if (open != NULL && !p->swallowed)
				hcl_perr(p, open, "unclosed block %s: this "
				    "'{' has no matching '}'",
				    hcl_tok_desc(p, name));
			break;
		}
		if (t->type == HCL_T_RBRACE) {
			if (open != NULL)
				break;
			p->stmt_err = 0;
			hcl_perr(p, t, "unexpected '}': no block is open");
			hcl_next(p);
			continue;
		}
		if (kind == BODY_ONELINE && st.attrs.n + st.blocks.n > 0) {
			oneline_end(p, t);
			break;
		}
		/*
		 * A line that starts with no name, after a statement that
		 * failed, is most likely the rest of it: "a = b +" then
		 * "c" on the next line.
		 */
		if (t->type != HCL_T_IDENT && p->stmt_err) {
			skip_line(p);
			continue;
		}
		p->stmt_err = 0;
		p->stmt_start = t->r.start.off;
		item(p, &st);
	}
	b->attrs = hcl_vec_finish(p, &st.attrs, sizeof(struct hcl_attr));
	b->nattrs = st.attrs.n;
	b->blocks = hcl_vec_finish(p, &st.blocks, sizeof(struct hcl_block));
	b->nblocks = st.blocks.n;
	strmap_release(&st.names);
}

/*
 * What follows the attribute of a one-line block when it is not '}':
 * an error, and a skip to the '}'.
 */
static void
oneline_end(struct hcl_parser *p, const struct hcl_tok *t)
{
	if (t->type == HCL_T_NEWLINE)
		hcl_perr(p, t, "a one-line block must end with '}' on the "
		    "same line as its attribute");
	else if (t->type == HCL_T_COMMA)
		hcl_perr(p, t, "a one-line block holds one attribute: give "
		    "the block a line for each");
	else
		hcl_perr(p, t, "expected '}' after the attribute of a "
		    "one-line block, found %s", hcl_tok_desc(p, t));
	hcl_skip_to(p, HCL_T_RBRACE);
}

/* One attribute or block, its name at the cursor. */
static void
item(struct hcl_parser *p, struct body_state *st)
{
	const struct hcl_tok	*name = hcl_peek(p), *t;

	if (name->type != HCL_T_IDENT) {
		hcl_perr(p, name, "expected an attribute or a block, found %s",
		    hcl_tok_desc(p, name));
		skip_line(p);
		return;
	}
	hcl_next(p);
	t = hcl_peek(p);
	if (t->type == HCL_T_EQ)
		attribute(p, st, name);
	else if (t->type == HCL_T_IDENT || t->type == HCL_T_OQUOTE ||
	    t->type == HCL_T_LBRACE)
		block(p, st, name);
	else {
		if (t->type == HCL_T_COLON)
			hcl_perr(p, t, "missing '=' after %s: HCL assigns "
			    "with '=', not ':'", hcl_tok_desc(p, name));
		else
			hcl_perr(p, t, "missing '=' after %s, or '{' to "
			    "open a block", hcl_tok_desc(p, name));
		skip_line(p);
	}
}

/*
 * "name = expr", the '=' at the cursor.  The same name twice in a body
 * is an error; both attributes are kept, in file order.
 */
static void
attribute(struct hcl_parser *p, struct body_state *st,
    const struct hcl_tok *name)
{
	const struct strmap_val	*dup;
	const struct hcl_tok	*eq = hcl_next(p), *t;
	const struct hcl_attr	*first;
	struct hcl_attr		 a;

	memset(&a, 0, sizeof(a));
	a.name = hcl_tok_text(p, name);
	a.name_range = name->r;
	a.eq = eq->r;
	t = hcl_peek(p);
	if (t->type == HCL_T_NEWLINE || t->type == HCL_T_EOF)
		hcl_perr(p, t, "missing value: %s = needs an expression "
		    "on the same line", hcl_tok_desc(p, name));
	a.expr = hcl_parse_expr(p);
	a.range.start = name->r.start;
	a.range.end = a.expr->range.end;
	if (a.range.end.off < eq->r.end.off)
		a.range.end = eq->r.end;
	if ((dup = strmap_get(&st->names, a.name)) != NULL) {
		first = (const struct hcl_attr *)st->attrs.v +
		    ((uintptr_t)dup->v - 1);
		hcl_error(p, &a.name_range, "duplicate attribute %s: "
		    "already set at %u:%u", hcl_tok_desc(p, name),
		    first->name_range.start.line, first->name_range.start.col);
	} else
		strmap_add(&st->names, p->arena, a.name,
		    (void *)(uintptr_t)(st->attrs.n + 1));
	*(struct hcl_attr *)hcl_vec_push(&st->attrs, sizeof(a)) = a;
	attr_end(p, st, name);
}

/* An attribute ends at a newline, or, in a one-line block, at '}'. */
static void
attr_end(struct hcl_parser *p, const struct body_state *st,
    const struct hcl_tok *name)
{
	const struct hcl_tok	*t = hcl_peek(p);

	if (st->kind == BODY_ONELINE || t->type == HCL_T_EOF)
		return;
	if (t->type == HCL_T_NEWLINE) {
		hcl_next(p);
		return;
	}
	if (t->type == HCL_T_RBRACE && st->kind == BODY_BLOCK) {
		hcl_perr(p, t, "missing newline after the value of %s: "
		    "the block's '}' goes on a line of its own",
		    hcl_tok_desc(p, name));
		return;
	}
	if (t->type == HCL_T_COMMA)
		hcl_perr(p, t, "expected a newline after the value of %s, "
		    "found ',': attributes are separated by newlines",
		    hcl_tok_desc(p, name));
	else
		hcl_perr(p, t, "expected a newline after the value of %s, "
		    "found %s", hcl_tok_desc(p, name), hcl_tok_desc(p, t));
	skip_line(p);
}

/*
 * A quoted block label at the cursor into lab: a string without
 * interpolations or directives.  0 on error.
 */
static int
label_string(struct hcl_parser *p, struct hcl_label *lab)
{
	const struct hcl_tok	*open = hcl_next(p), *t;
	size_t			 len;
	int			 ok = 1;

	lab->quoted = 1;
	lab->text = "";
	t = hcl_peek(p);
	if (t->type == HCL_T_TLIT && !(open->flags & HCL_TF_TOOBIG)) {
		lab->text = hcl_tmpl_text(p, t, 0, 0, 0, &len);
		hcl_next(p);
		t = hcl_peek(p);
	}
	if (t->type != HCL_T_CQUOTE) {
		if (!(open->flags & HCL_TF_TOOBIG))
			hcl_perr(p, t, "a block label is a plain string: "
			    "found %s in it", hcl_tok_desc(p, t));
		hcl_skip_to(p, HCL_T_CQUOTE);
		t = hcl_peek(p);
		ok = 0;
	}
	lab->range.start = open->r.start;
	lab->range.end = t->type == HCL_T_CQUOTE ? t->r.end : t->r.start;
	if (t->type == HCL_T_CQUOTE)
		hcl_next(p);
	return ok;
}

/*
 * The labels of the block typed type into v, then its '{', left
 * unread; 0 after reporting what stands instead.
 */
static int
labels(struct hcl_parser *p, struct hcl_vec *v, const struct hcl_tok *type)
{
	const struct hcl_tok	*t;
	struct hcl_label	*lab;
	int			 ok = 1;

	while (ok) {
		t = hcl_peek(p);
		if (t->type == HCL_T_OQUOTE)
			ok = label_string(p, hcl_vec_push(v, sizeof(*lab)));
		else if (t->type == HCL_T_IDENT) {
			lab = hcl_vec_push(v, sizeof(*lab));
			lab->text = hcl_tok_text(p, t);
			lab->range = t->r;
			hcl_next(p);
		} else
			break;
	}
	t = hcl_peek(p);
	if (ok && t->type == HCL_T_LBRACE)
		return 1;
	if (v->n == 1 && (t->type == HCL_T_NEWLINE || t->type == HCL_T_EOF))
		hcl_perr(p, t, "missing '=' after %s, or '{' to open a "
		    "block", hcl_tok_desc(p, type));
	else
		hcl_perr(p, t, "expected '{' to open the block %s, found %s",
		    hcl_tok_desc(p, type), hcl_tok_desc(p, t));
	return 0;
}

/*
 * "type label... { body }", the type read: the labels are at the
 * cursor.  A '{' followed by a newline opens a body, anything else a
 * one-line block, which cannot hold a block.
 */
static void
block(struct hcl_parser *p, struct body_state *st, const struct hcl_tok *type)
{
	struct hcl_vec		 v = HCL_VEC_INIT;
	const struct hcl_tok	*t, *open;
	struct hcl_block	 k;
	struct hcl_range	 r;

	memset(&k, 0, sizeof(k));
	k.type = hcl_tok_text(p, type);
	k.type_range = type->r;
	if (!labels(p, &v, type) || st->kind == BODY_ONELINE) {
		if (st->kind == BODY_ONELINE && !p->stmt_err) {
			r.start = type->r.start;
			r.end = hcl_peek(p)->r.end;
			hcl_error(p, &r, "a one-line block cannot hold a "
			    "block: give the outer block a line for each");
		}
		p->stmt_err = 1;
		free(v.v);
		if (st->kind == BODY_ONELINE)
			hcl_skip_to(p, HCL_T_RBRACE);
		else
			skip_line(p);
		return;
	}
	open = hcl_next(p);
	if (!hcl_enter(p, &open->r)) {
		free(v.v);
		return;
	}
	k.open = open->r;
	body(p, &k.body, open, type, hcl_peek(p)->type == HCL_T_NEWLINE ?
	    BODY_BLOCK : BODY_ONELINE);
	p->depth--;
	t = hcl_peek(p);
	k.close.start = k.close.end = t->r.start;
	if (t->type == HCL_T_RBRACE) {
		k.close = t->r;
		hcl_next(p);
		p->stmt_err = 0;
	}
	k.body.range.start = open->r.end;
	k.body.range.end = k.close.start;
	k.range.start = type->r.start;
	k.range.end = k.close.end;
	k.labels = hcl_vec_finish(p, &v, sizeof(struct hcl_label));
	k.nlabels = v.n;
	*(struct hcl_block *)hcl_vec_push(&st->blocks, sizeof(k)) = k;
	if (t->type == HCL_T_RBRACE)
		block_end(p, st);
}

/* After a block's '}': a newline, the end of the file or a '}'. */
static void
block_end(struct hcl_parser *p, const struct body_state *st)
{
	const struct hcl_tok	*t = hcl_peek(p);

	if (t->type == HCL_T_EOF)
		return;
	if (t->type == HCL_T_NEWLINE) {
		hcl_next(p);
		return;
	}
	if (t->type == HCL_T_RBRACE && st->kind == BODY_BLOCK) {
		hcl_perr(p, t, "missing newline after a block's '}': the "
		    "enclosing block's '}' goes on a line of its own");
		return;
	}
	hcl_perr(p, t, "expected a newline after the block's '}', found %s",
	    hcl_tok_desc(p, t));
	skip_line(p);
}
