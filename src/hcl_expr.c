/* SPDX-License-Identifier: ISC */
/*
 * HCL expressions and templates: recursive descent over the lexer's
 * tokens, with the specification's precedence.  The conditional binds
 * loosest and groups to the right; the binary operators are parsed by
 * precedence climbing, so that a chain "a + b + c" is a loop, not a
 * recursion, and groups to the left; unary operators bind tightest but
 * for the postfix steps of a term.
 *
 * Newlines end an attribute, so they are tokens at body level and in
 * an object's items (where they also separate items), and blanks
 * inside parentheses, brackets, interpolations and for expressions:
 * each construct sets p->nl and restores it when done.
 *
 * Every construct that recurses passes through expr() or a directive,
 * which count the depth (hcl_enter()), and every node records its
 * height (hcl_done()), so neither this parser nor a walker of its tree can
 * go deeper than HCL_MAX_DEPTH per expression.  After an error a
 * construct skips to its closing bracket and returns what it has;
 * hcl_perr() reports only the first error of a statement.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "hcl.h"
#include "hcl_impl.h"

/* How the literals of a template are decoded. */
struct tctx {
	unsigned int	 indent;	/* flush heredoc: blanks to remove */
};

/* Why tseq() stopped. */
enum tstop {
	TS_END,		/* at the template's end, or a token no part starts */
	TS_ELSE,	/* at %{else} */
	TS_ENDIF,
	TS_ENDFOR
};

static const char	*nl_hint(const struct hcl_tok *);
static struct hcl_expr	*expr(struct hcl_parser *);
static int		 prec(int, enum hcl_op *);
static struct hcl_expr	*binary(struct hcl_parser *, int);
static struct hcl_expr	*unary(struct hcl_parser *);
static int		 dot_step(struct hcl_parser *, struct hcl_vec *);
static void		 index_step(struct hcl_parser *, struct hcl_vec *);
static struct hcl_expr	*postfix(struct hcl_parser *);
static struct hcl_expr	*term(struct hcl_parser *);
static struct hcl_expr	*ident_term(struct hcl_parser *);
static struct hcl_expr	*call(struct hcl_parser *, const struct hcl_tok *);
static void		 call_args(struct hcl_parser *, struct hcl_call *);
static struct hcl_expr	*paren(struct hcl_parser *);
static struct hcl_expr	*tuple(struct hcl_parser *);
static struct hcl_expr	*object(struct hcl_parser *);
static int		 object_item(struct hcl_parser *, struct hcl_vec *,
			    const struct hcl_tok *);
static struct hcl_expr	*for_expr(struct hcl_parser *,
			    const struct hcl_tok *, int);
static int		 for_names(struct hcl_parser *, const char **,
			    struct hcl_range *, const char **,
			    struct hcl_range *);
static struct hcl_expr	*template(struct hcl_parser *);
static const struct hcl_tok *keyword(struct hcl_parser *);
static enum tstop	 tseq(struct hcl_parser *, struct hcl_vec *,
			    const struct tctx *);
static void		 lit_part(struct hcl_parser *, struct hcl_vec *,
			    const struct tctx *);
static void		 seq_end(struct hcl_parser *, const struct hcl_tok *,
			    struct hcl_seq *, const char *);
static void		 interp_part(struct hcl_parser *, struct hcl_vec *);
static void		 bare_directive(struct hcl_parser *, struct hcl_seq *);
static void		 if_part(struct hcl_parser *, struct hcl_vec *,
			    const struct tctx *);
static void		 for_part(struct hcl_parser *, struct hcl_vec *,
			    const struct tctx *);

struct hcl_expr *
hcl_parse_expr(struct hcl_parser *p)
{
	return expr(p);
}

/* What to add to an error at t when a newline cut an expression. */
static const char *
nl_hint(const struct hcl_tok *t)
{
	return t->type == HCL_T_NEWLINE ? ": an expression that spans lines "
	    "needs parentheses" : "";
}

/* Expression = Binary ("?" Expression ":" Expression)? */
static struct hcl_expr *
expr(struct hcl_parser *p)
{
	const struct hcl_tok	*t = hcl_peek(p);
	struct hcl_expr		*e, *c;

	if (!hcl_enter(p, &t->r))
		return hcl_invalid_at(p, t);
	e = binary(p, 1);
	t = hcl_peek(p);
	if (t->type == HCL_T_QUESTION) {
		hcl_next(p);
		c = hcl_node(p, HCL_EXPR_COND, &e->range);
		c->u.cond.cond = e;
		c->u.cond.then = expr(p);
		t = hcl_peek(p);
		if (t->type == HCL_T_COLON) {
			hcl_next(p);
			c->u.cond.els = expr(p);
		} else {
			hcl_perr(p, t, "expected ':' in the conditional "
			    "expression, found %s%s", hcl_tok_desc(p, t),
			    nl_hint(t));
			c->u.cond.els = hcl_invalid_at(p, t);
		}
		c->range.end = c->u.cond.els->range.end;
		e = hcl_done(p, c);
	}
	p->depth--;
	return e;
}

/* The precedence of a binary operator token, 0 if it is none. */
static int
prec(int type, enum hcl_op *op)
{
	switch (type) {
	case HCL_T_OR:		*op = HCL_OP_OR;	return 1;
	case HCL_T_AND:		*op = HCL_OP_AND;	return 2;
	case HCL_T_EQEQ:	*op = HCL_OP_EQ;	return 3;
	case HCL_T_NEQ:		*op = HCL_OP_NE;	return 3;
	case HCL_T_GT:		*op = HCL_OP_GT;	return 4;
	case HCL_T_GE:		*op = HCL_OP_GE;	return 4;
	case HCL_T_LT:		*op = HCL_OP_LT;	return 4;
	case HCL_T_LE:		*op = HCL_OP_LE;	return 4;
	case HCL_T_PLUS:	*op = HCL_OP_ADD;	return 5;
	case HCL_T_MINUS:	*op = HCL_OP_SUB;	return 5;
	case HCL_T_STAR:	*op = HCL_OP_MUL;	return 6;
	case HCL_T_SLASH:	*op = HCL_OP_DIV;	return 6;
	case HCL_T_PERCENT:	*op = HCL_OP_MOD;	return 6;
	default:
		return 0;
	}
}

/* The operators of precedence min and tighter, left-associative. */
static struct hcl_expr *
binary(struct hcl_parser *p, int min)
{
	const struct hcl_tok	*t;
	struct hcl_expr		*lhs, *e;
	enum hcl_op		 op;
	int			 pr;

	lhs = unary(p);
	for (;;) {
		t = hcl_peek(p);
		if ((pr = prec(t->type, &op)) == 0 || pr < min)
			return lhs;
		hcl_next(p);
		e = hcl_node(p, HCL_EXPR_BINARY, &lhs->range);
		e->u.op.op = op;
		e->u.op.op_range = t->r;
		e->u.op.lhs = lhs;
		e->u.op.rhs = binary(p, pr + 1);
		e->range.end = e->u.op.rhs->range.end;
		lhs = hcl_done(p, e);
	}
}

static struct hcl_expr *
unary(struct hcl_parser *p)
{
	const struct hcl_tok	*t = hcl_peek(p);
	struct hcl_expr		*e;

	if (t->type != HCL_T_MINUS && t->type != HCL_T_BANG)
		return postfix(p);
	hcl_next(p);
	if (!hcl_enter(p, &t->r))
		return hcl_invalid_at(p, t);
	e = hcl_node(p, HCL_EXPR_UNARY, &t->r);
	e->u.op.op = t->type == HCL_T_MINUS ? HCL_OP_NEG : HCL_OP_NOT;
	e->u.op.op_range = t->r;
	e->u.op.rhs = unary(p);
	e->range.end = e->u.op.rhs->range.end;
	p->depth--;
	return hcl_done(p, e);
}

/* ".name", ".0" or ".*" after the '.' at the cursor; 0 on error. */
static int
dot_step(struct hcl_parser *p, struct hcl_vec *steps)
{
	const struct hcl_tok	*dot = hcl_next(p), *t = hcl_peek(p);
	struct hcl_step		*s;
	enum hcl_step_kind	 kind;

	if (t->type == HCL_T_IDENT)
		kind = HCL_STEP_ATTR;
	else if (t->type == HCL_T_NUMBER)
		kind = HCL_STEP_LEGACY;
	else if (t->type == HCL_T_STAR)
		kind = HCL_STEP_SPLAT_ATTR;
	else {
		hcl_perr(p, t, "expected an attribute name after '.', found "
		    "%s", hcl_tok_desc(p, t));
		return 0;
	}
	hcl_next(p);
	s = hcl_vec_push(steps, sizeof(*s));
	s->kind = kind;
	s->range.start = dot->r.start;
	s->range.end = t->r.end;
	if (kind != HCL_STEP_SPLAT_ATTR)
		s->name = hcl_tok_text(p, t);
	return 1;
}

/* "[expr]" or "[*]" at the cursor; newlines inside are blanks. */
static void
index_step(struct hcl_parser *p, struct hcl_vec *steps)
{
	const struct hcl_tok	*open = hcl_next(p), *t;
	struct hcl_step		 s;
	struct hcl_range	 r;
	int			 nl = p->nl;

	memset(&s, 0, sizeof(s));
	p->nl = 0;
	t = hcl_peek(p);
	if (t->type == HCL_T_STAR) {
		hcl_next(p);
		s.kind = HCL_STEP_SPLAT_FULL;
	} else {
		s.kind = HCL_STEP_INDEX;
		s.index = expr(p);
	}
	r = hcl_closer(p, HCL_T_RBRACK, open, s.kind == HCL_STEP_INDEX ?
	    "index" : "splat");
	p->nl = nl;
	s.range.start = open->r.start;
	s.range.end = r.end;
	*(struct hcl_step *)hcl_vec_push(steps, sizeof(s)) = s;
}

/* A term and its steps: attributes, indexes and splats. */
static struct hcl_expr *
postfix(struct hcl_parser *p)
{
	struct hcl_expr		*e = term(p), *r;
	struct hcl_vec		 steps = HCL_VEC_INIT;
	const struct hcl_tok	*t;

	for (;;) {
		t = hcl_peek(p);
		if (t->type == HCL_T_DOT) {
			if (!dot_step(p, &steps))
				break;
		} else if (t->type == HCL_T_LBRACK)
			index_step(p, &steps);
		else
			break;
	}
	if (steps.n == 0)
		return e;
	if (e->kind == HCL_EXPR_TRAVERSAL && e->u.trav.nsteps == 0)
		r = e;
	else {
		r = hcl_node(p, HCL_EXPR_RELATIVE, &e->range);
		r->u.trav.base = e;
	}
	r->range.end = ((struct hcl_step *)steps.v)[steps.n - 1].range.end;
	r->u.trav.steps = hcl_vec_finish(p, &steps, sizeof(struct hcl_step));
	r->u.trav.nsteps = steps.n;
	return hcl_done(p, r);
}

static struct hcl_expr *
term(struct hcl_parser *p)
{
	const struct hcl_tok	*t = hcl_peek(p);
	struct hcl_expr		*e;

	switch (t->type) {
	case HCL_T_NUMBER:
		hcl_next(p);
		e = hcl_node(p, HCL_EXPR_LITERAL, &t->r);
		e->u.lit.kind = HCL_LIT_NUMBER;
		e->u.lit.text = hcl_tok_text(p, t);
		return e;
	case HCL_T_IDENT:
		return ident_term(p);
	case HCL_T_OQUOTE:
	case HCL_T_OHEREDOC:
		return template(p);
	case HCL_T_LPAREN:
		return paren(p);
	case HCL_T_LBRACK:
		return tuple(p);
	case HCL_T_LBRACE:
		return object(p);
	case HCL_T_TINTERP:
		/* "${" outside a string: the lexer has said so. */
		p->stmt_err = 1;
		hcl_next(p);
		hcl_skip_to(p, HCL_T_TEND);
		hcl_next(p);
		return hcl_invalid_at(p, t);
	default:
		hcl_perr(p, t, "expected an expression, found %s%s",
		    hcl_tok_desc(p, t), nl_hint(t));
		return hcl_invalid_at(p, t);
	}
}

/* A name: a call, true, false, null, or a variable. */
static struct hcl_expr *
ident_term(struct hcl_parser *p)
{
	const struct hcl_tok	*t = hcl_next(p), *n = hcl_peek(p);
	struct hcl_expr		*e;

	if (n->type == HCL_T_LPAREN || n->type == HCL_T_DCOLON)
		return call(p, t);
	if (hcl_is(p, t, "true") || hcl_is(p, t, "false") ||
	    hcl_is(p, t, "null")) {
		e = hcl_node(p, HCL_EXPR_LITERAL, &t->r);
		e->u.lit.kind = hcl_is(p, t, "null") ? HCL_LIT_NULL :
		    HCL_LIT_BOOL;
		e->u.lit.b = hcl_is(p, t, "true");
		e->u.lit.text = hcl_tok_text(p, t);
		return e;
	}
	e = hcl_node(p, HCL_EXPR_TRAVERSAL, &t->r);
	e->u.trav.root = hcl_tok_text(p, t);
	e->u.trav.root_range = t->r;
	return e;
}

/*
 * A function call whose name starts at t: "f(...)" or, for provider
 * functions, "provider::aws::arn_parse(...)".
 */
static struct hcl_expr *
call(struct hcl_parser *p, const struct hcl_tok *t)
{
	struct buf		 name = BUF_INIT;
	const struct hcl_tok	*n;
	struct hcl_expr		*e;
	struct hcl_call		*c;
	int			 bad = 0;

	e = hcl_node(p, HCL_EXPR_CALL, &t->r);
	c = &e->u.call;
	c->name_range = t->r;
	buf_add(&name, p->data + t->r.start.off, t->r.end.off - t->r.start.off);
	while ((n = hcl_peek(p))->type == HCL_T_DCOLON) {
		hcl_next(p);
		n = hcl_peek(p);
		if (n->type != HCL_T_IDENT) {
			bad = 1;
			break;
		}
		hcl_next(p);
		buf_adds(&name, "::");
		buf_add(&name, p->data + n->r.start.off,
		    n->r.end.off - n->r.start.off);
		c->name_range.end = n->r.end;
	}
	c->name = arena_strndup(p->arena, name.buf, name.len);
	buf_release(&name);
	if (bad || n->type != HCL_T_LPAREN) {
		if (bad)
			hcl_perr(p, n, "expected a function name after "
			    "'::', found %s", hcl_tok_desc(p, n));
		else
			hcl_perr(p, n, "expected '(' after the function name "
			    "%s: a name with '::' calls a provider function",
			    hcl_quote(p, c->name, strlen(c->name)));
		e->kind = HCL_EXPR_INVALID;
		memset(&e->u, 0, sizeof(e->u));
		return e;
	}
	call_args(p, c);
	e->range.end = c->close.end;
	return hcl_done(p, e);
}

/* "(" arguments ")" at the cursor; newlines inside are blanks. */
static void
call_args(struct hcl_parser *p, struct hcl_call *c)
{
	const struct hcl_tok	*open = hcl_next(p), *t;
	struct hcl_vec		 args = HCL_VEC_INIT;
	int			 nl = p->nl;

	p->nl = 0;
	c->open = open->r;
	for (;;) {
		t = hcl_peek(p);
		if (t->type == HCL_T_RPAREN || t->type == HCL_T_EOF)
			break;
		*(struct hcl_expr **)hcl_vec_push(&args, sizeof(void *)) =
		    expr(p);
		t = hcl_peek(p);
		if (t->type == HCL_T_ELLIPSIS) {
			hcl_next(p);
			c->expand = 1;
			t = hcl_peek(p);
			if (t->type != HCL_T_RPAREN && t->type != HCL_T_EOF) {
				hcl_perr(p, t, "expected ')' after '...': only "
				    "the last argument can be expanded");
				hcl_skip_to(p, HCL_T_RPAREN);
			}
			break;
		}
		if (t->type == HCL_T_COMMA) {
			hcl_next(p);
			continue;
		}
		if (t->type != HCL_T_RPAREN && t->type != HCL_T_EOF) {
			hcl_perr(p, t, "expected ',' or ')' after an argument "
			    "of %s, found %s", hcl_quote(p, c->name,
			    strlen(c->name)), hcl_tok_desc(p, t));
			hcl_skip_to(p, HCL_T_RPAREN);
		}
		break;
	}
	c->close = hcl_closer(p, HCL_T_RPAREN, open, "argument list");
	c->args = hcl_vec_finish(p, &args, sizeof(void *));
	c->nargs = args.n;
	p->nl = nl;
}

static struct hcl_expr *
paren(struct hcl_parser *p)
{
	const struct hcl_tok	*open = hcl_next(p);
	struct hcl_expr		*e;
	int			 nl = p->nl;

	p->nl = 0;
	e = hcl_node(p, HCL_EXPR_PAREN, &open->r);
	e->u.paren = expr(p);
	e->range.end = hcl_closer(p, HCL_T_RPAREN, open, "parenthesis").end;
	p->nl = nl;
	return hcl_done(p, e);
}

/* "[" items "]" or "[for ...]"; items need commas, newlines are blanks. */
static struct hcl_expr *
tuple(struct hcl_parser *p)
{
	const struct hcl_tok	*open = hcl_next(p), *t;
	struct hcl_vec		 v = HCL_VEC_INIT;
	struct hcl_expr		*e;
	int			 nl = p->nl;

	p->nl = 0;
	if (hcl_is(p, hcl_peek(p), "for")) {
		e = for_expr(p, open, 0);
		p->nl = nl;
		return e;
	}
	e = hcl_node(p, HCL_EXPR_TUPLE, &open->r);
	for (;;) {
		t = hcl_peek(p);
		if (t->type == HCL_T_RBRACK || t->type == HCL_T_EOF)
			break;
		*(struct hcl_expr **)hcl_vec_push(&v, sizeof(void *)) =
		    expr(p);
		t = hcl_peek(p);
		if (t->type == HCL_T_COMMA) {
			hcl_next(p);
			continue;
		}
		if (t->type != HCL_T_RBRACK && t->type != HCL_T_EOF) {
			hcl_perr(p, t, "expected ',' or ']' in the tuple "
			    "opened at %u:%u, found %s", open->r.start.line,
			    open->r.start.col, hcl_tok_desc(p, t));
			hcl_skip_to(p, HCL_T_RBRACK);
		}
		break;
	}
	e->range.end = hcl_closer(p, HCL_T_RBRACK, open, "tuple").end;
	e->u.tuple.v = hcl_vec_finish(p, &v, sizeof(void *));
	e->u.tuple.n = v.n;
	p->nl = nl;
	return hcl_done(p, e);
}

/*
 * "{" items "}" or "{for ...}".  Items are separated by commas or
 * newlines, so newlines are tokens here, but a "for" may come after
 * one.
 */
static struct hcl_expr *
object(struct hcl_parser *p)
{
	const struct hcl_tok	*open = hcl_next(p), *t;
	struct hcl_vec		 v = HCL_VEC_INIT;
	struct hcl_expr		*e;
	int			 nl = p->nl;

	p->nl = 0;
	if (hcl_is(p, hcl_peek(p), "for")) {
		e = for_expr(p, open, 1);
		p->nl = nl;
		return e;
	}
	p->nl = 1;
	e = hcl_node(p, HCL_EXPR_OBJECT, &open->r);
	for (;;) {
		t = hcl_peek(p);
		if (t->type == HCL_T_NEWLINE) {
			hcl_next(p);
			continue;
		}
		if (t->type == HCL_T_RBRACE || t->type == HCL_T_EOF ||
		    !object_item(p, &v, open))
			break;
	}
	e->range.end = hcl_closer(p, HCL_T_RBRACE, open, "object").end;
	e->u.object.v = hcl_vec_finish(p, &v, sizeof(struct hcl_item));
	e->u.object.n = v.n;
	p->nl = nl;
	return hcl_done(p, e);
}

/*
 * One "key = value" of the object opened at open, and its separator;
 * 0 after the last item or an error.  A bare name followed by '=' or
 * ':' is a literal key; any other key is an expression.
 */
static int
object_item(struct hcl_parser *p, struct hcl_vec *v,
    const struct hcl_tok *open)
{
	const struct hcl_tok	*t = hcl_peek(p);
	struct hcl_item		 it;
	int			 sep;

	memset(&it, 0, sizeof(it));
	sep = p->toks[p->i + 1].type;
	if (t->type == HCL_T_IDENT && (sep == HCL_T_EQ || sep == HCL_T_COLON)) {
		hcl_next(p);
		it.key = hcl_node(p, HCL_EXPR_TRAVERSAL, &t->r);
		it.key->u.trav.root = it.key_name = hcl_tok_text(p, t);
		it.key->u.trav.root_range = t->r;
	} else
		it.key = expr(p);
	t = hcl_peek(p);
	if (t->type != HCL_T_EQ && t->type != HCL_T_COLON) {
		hcl_perr(p, t, "expected '=' or ':' after the key in the object "
		    "opened at %u:%u, found %s", open->r.start.line,
		    open->r.start.col, hcl_tok_desc(p, t));
		hcl_skip_to(p, HCL_T_RBRACE);
		return 0;
	}
	hcl_next(p);
	it.sep = t->r;
	it.colon = t->type == HCL_T_COLON;
	it.value = expr(p);
	*(struct hcl_item *)hcl_vec_push(v, sizeof(it)) = it;
	t = hcl_peek(p);
	if (t->type == HCL_T_COMMA || t->type == HCL_T_NEWLINE) {
		hcl_next(p);
		return 1;
	}
	if (t->type != HCL_T_RBRACE && t->type != HCL_T_EOF) {
		hcl_perr(p, t, "expected ',' or a newline between the items of "
		    "the object opened at %u:%u, found %s",
		    open->r.start.line, open->r.start.col, hcl_tok_desc(p, t));
		hcl_skip_to(p, HCL_T_RBRACE);
	}
	return 0;
}

/* "for" key? value "in": the names, into *key (or NULL) and *value. */
static int
for_names(struct hcl_parser *p, const char **key, struct hcl_range *kr,
    const char **value, struct hcl_range *vr)
{
	const struct hcl_tok	*t;
	int			 n;

	hcl_next(p);		/* for */
	for (n = 0; n < 2; n++) {
		t = hcl_peek(p);
		if (t->type != HCL_T_IDENT) {
			hcl_perr(p, t, "expected a name after '%s', found %s",
			    n == 0 ? "for" : ",", hcl_tok_desc(p, t));
			return 0;
		}
		hcl_next(p);
		*value = hcl_tok_text(p, t);
		*vr = t->r;
		if (hcl_peek(p)->type != HCL_T_COMMA)
			break;
		hcl_next(p);
		*key = *value;
		*kr = *vr;
	}
	t = hcl_peek(p);
	if (!hcl_is(p, t, "in")) {
		hcl_perr(p, t, "expected 'in' after the names of the for, "
		    "found %s", hcl_tok_desc(p, t));
		return 0;
	}
	hcl_next(p);
	return 1;
}

/*
 * [for k, v in coll : vexpr if cond] or, with object set,
 * {for k, v in coll : kexpr => vexpr... if cond}, the bracket open
 * read.  Any error makes the whole an invalid node.
 */
static struct hcl_expr *
for_expr(struct hcl_parser *p, const struct hcl_tok *open, int object)
{
	const struct hcl_tok	*t;
	struct hcl_expr		*e;
	struct hcl_for		*f;
	int			 close = object ? HCL_T_RBRACE : HCL_T_RBRACK;

	e = hcl_node(p, HCL_EXPR_FOR, &open->r);
	f = &e->u.forx;
	f->object = object;
	if (!for_names(p, &f->key, &f->key_range, &f->value, &f->value_range))
		goto fail;
	f->coll = expr(p);
	if ((t = hcl_peek(p))->type != HCL_T_COLON) {
		hcl_perr(p, t, "expected ':' after the collection of the for, "
		    "found %s", hcl_tok_desc(p, t));
		goto fail;
	}
	hcl_next(p);
	if (object) {
		f->kexpr = expr(p);
		if ((t = hcl_peek(p))->type != HCL_T_ARROW) {
			hcl_perr(p, t, "expected '=>' between the key and the "
			    "value of an object for, found %s",
			    hcl_tok_desc(p, t));
			goto fail;
		}
		hcl_next(p);
	}
	f->vexpr = expr(p);
	t = hcl_peek(p);
	if (object && t->type == HCL_T_ELLIPSIS) {
		hcl_next(p);
		f->group = 1;
		t = hcl_peek(p);
	}
	if (!object && t->type == HCL_T_ARROW) {
		hcl_perr(p, t, "unexpected '=>' in a tuple for: a key and "
		    "value need {for ...}");
		goto fail;
	}
	if (hcl_is(p, t, "if")) {
		hcl_next(p);
		f->cond = expr(p);
	}
	e->range.end = hcl_closer(p, close, open, "for expression").end;
	return hcl_done(p, e);
fail:
	e->kind = HCL_EXPR_INVALID;
	memset(&e->u, 0, sizeof(e->u));
	hcl_skip_to(p, close);
	e->range.end = hcl_closer(p, close, open, "for expression").end;
	return e;
}

/*
 * A quoted string or a heredoc.  A directive that closes nothing
 * (%{endif} without %{if}) is reported and stepped over.
 */
static struct hcl_expr *
template(struct hcl_parser *p)
{
	const struct hcl_tok	*open = hcl_next(p), *t;
	struct hcl_vec		 parts = HCL_VEC_INIT;
	struct hcl_tmpl_expr	*x;
	struct hcl_expr		*e;
	const struct hcl_tok	*k;
	struct tctx		 cx;
	size_t			 skip;
	int			 close;

	e = hcl_node(p, HCL_EXPR_TEMPLATE, &open->r);
	x = &e->u.tmpl;
	x->open = open->r;
	x->heredoc = open->type == HCL_T_OHEREDOC;
	close = x->heredoc ? HCL_T_CHEREDOC : HCL_T_CQUOTE;
	cx.indent = 0;
	if (x->heredoc) {
		x->flush = (open->flags & HCL_TF_FLUSH) != 0;
		skip = x->flush ? 3 : 2;
		/* A template file's opener is empty: it has no marker. */
		x->marker = open->r.end.off - open->r.start.off < skip ? "" :
		    arena_strndup(p->arena, p->data + open->r.start.off +
		    skip, open->r.end.off - open->r.start.off - skip);
		cx.indent = x->flush ? open->aux : 0;
	}
	if (open->flags & HCL_TF_TOOBIG) {
		/* Reported by the lexer. */
		e->kind = HCL_EXPR_INVALID;
		memset(&e->u, 0, sizeof(e->u));
		hcl_skip_to(p, close);
		t = hcl_next(p);
		e->range.end = t->r.end;
		return e;
	}
	while (tseq(p, &parts, &cx) != TS_END) {
		k = keyword(p);
		t = hcl_next(p);
		hcl_perr(p, t, "unexpected %%{%s}: no %%{%s} is open",
		    hcl_is(p, k, "else") ? "else" : hcl_is(p, k, "endif") ?
		    "endif" : "endfor", hcl_is(p, k, "endfor") ? "for" : "if");
		hcl_skip_to(p, HCL_T_TEND);
		(void)hcl_next(p);
	}
	t = hcl_peek(p);
	if (t->type == close) {
		hcl_next(p);
		x->close = t->r;
	} else
		x->close.start = x->close.end = t->r.start;
	e->range.end = x->close.end;
	x->body = hcl_finish_tmpl(p, &parts);
	return hcl_done(p, e);
}

/* The keyword after the "%{" at the cursor (newlines are blanks). */
static const struct hcl_tok *
keyword(struct hcl_parser *p)
{
	size_t	 i;

	for (i = p->i + 1; p->toks[i].type == HCL_T_NEWLINE; i++)
		continue;
	return &p->toks[i];
}

/*
 * Template parts into v, up to the end of the template or a directive
 * that ends an enclosing one (%{else}, %{endif}, %{endfor}), left
 * unread: the return value says which.
 */
static enum tstop
tseq(struct hcl_parser *p, struct hcl_vec *v, const struct tctx *cx)
{
	const struct hcl_tok	*t, *k;

	for (;;) {
		t = hcl_peek(p);
		if (t->type == HCL_T_TLIT)
			lit_part(p, v, cx);
		else if (t->type == HCL_T_TINTERP)
			interp_part(p, v);
		else if (t->type != HCL_T_TCONTROL)
			return TS_END;
		else if (hcl_is(p, (k = keyword(p)), "else"))
			return TS_ELSE;
		else if (hcl_is(p, k, "endif"))
			return TS_ENDIF;
		else if (hcl_is(p, k, "endfor"))
			return TS_ENDFOR;
		else if (hcl_is(p, k, "if"))
			if_part(p, v, cx);
		else if (hcl_is(p, k, "for"))
			for_part(p, v, cx);
		else {
			hcl_perr(p, k, "expected if, for, else, endif or "
			    "endfor after '%%{', found %s", hcl_tok_desc(p, k));
			hcl_next(p);
			hcl_skip_to(p, HCL_T_TEND);
			(void)hcl_next(p);
		}
	}
}

/*
 * A literal part.  The strip markers that trim it are on the tokens
 * next to it: a "~}" before, a "${~" or "%{~" after.
 */
static void
lit_part(struct hcl_parser *p, struct hcl_vec *v, const struct tctx *cx)
{
	const struct hcl_tok	*t = hcl_next(p), *prev = t - 1, *next = t + 1;
	struct hcl_part		*pt;
	int			 lead, trail;

	lead = prev->type == HCL_T_TEND && (prev->flags & HCL_TF_STRIP);
	trail = (next->type == HCL_T_TINTERP ||
	    next->type == HCL_T_TCONTROL) && (next->flags & HCL_TF_STRIP);
	pt = hcl_vec_push(v, sizeof(*pt));
	pt->kind = HCL_PART_LITERAL;
	pt->range = t->r;
	pt->text = hcl_tmpl_text(p, t, lead, trail, cx->indent, &pt->len);
}

/*
 * The '}' that ends the sequence opened by open, into seq: report and
 * skip what stands before it.
 */
static void
seq_end(struct hcl_parser *p, const struct hcl_tok *open,
    struct hcl_seq *seq, const char *what)
{
	const struct hcl_tok	*t = hcl_peek(p);

	if (t->type != HCL_T_TEND) {
		hcl_perr(p, t, "expected '}' to close the %s opened at %u:%u, "
		    "found %s", what, open->r.start.line, open->r.start.col,
		    hcl_tok_desc(p, t));
		hcl_skip_to(p, HCL_T_TEND);
		t = hcl_peek(p);
	}
	seq->range.start = open->r.start;
	seq->strip_before = (open->flags & HCL_TF_STRIP) != 0;
	if (t->type == HCL_T_TEND) {
		hcl_next(p);
		seq->range.end = t->r.end;
		seq->strip_after = (t->flags & HCL_TF_STRIP) != 0;
	} else
		seq->range.end = t->r.start;
}

static void
interp_part(struct hcl_parser *p, struct hcl_vec *v)
{
	const struct hcl_tok	*open = hcl_next(p);
	struct hcl_part		 pt;
	int			 nl = p->nl;

	memset(&pt, 0, sizeof(pt));
	p->nl = 0;
	pt.kind = HCL_PART_INTERP;
	pt.expr = expr(p);
	seq_end(p, open, &pt.seq[0], "interpolation");
	p->nl = nl;
	pt.range = pt.seq[0].range;
	*(struct hcl_part *)hcl_vec_push(v, sizeof(pt)) = pt;
}

/* %{else}, %{endif} or %{endfor} at the cursor. */
static void
bare_directive(struct hcl_parser *p, struct hcl_seq *seq)
{
	const struct hcl_tok	*open = hcl_next(p);
	int			 nl = p->nl;

	p->nl = 0;
	hcl_next(p);
	seq_end(p, open, seq, "directive");
	p->nl = nl;
}

/* %{if cond}...%{else}...%{endif} at the cursor. */
static void
if_part(struct hcl_parser *p, struct hcl_vec *v, const struct tctx *cx)
{
	const struct hcl_tok	*open = hcl_peek(p), *t;
	struct hcl_vec		 then = HCL_VEC_INIT, els = HCL_VEC_INIT;
	struct hcl_part		 pt;
	enum tstop		 why;
	int			 nl = p->nl;

	if (!hcl_enter(p, &open->r))
		return;
	memset(&pt, 0, sizeof(pt));
	pt.kind = HCL_PART_IF;
	hcl_next(p);
	p->nl = 0;
	hcl_next(p);		/* if */
	pt.expr = expr(p);
	seq_end(p, open, &pt.seq[0], "%{if}");
	p->nl = nl;
	why = tseq(p, &then, cx);
	if (why == TS_ELSE) {
		bare_directive(p, &pt.seq[1]);
		why = tseq(p, &els, cx);
	}
	if (why == TS_ENDIF)
		bare_directive(p, &pt.seq[2]);
	else {
		t = hcl_peek(p);
		hcl_perr(p, t, "missing %%{endif} for the %%{if} at %u:%u",
		    open->r.start.line, open->r.start.col);
		pt.seq[2].range.start = pt.seq[2].range.end = t->r.start;
	}
	pt.then = hcl_finish_tmpl(p, &then);
	pt.els = hcl_finish_tmpl(p, &els);
	pt.range.start = open->r.start;
	pt.range.end = pt.seq[2].range.end;
	*(struct hcl_part *)hcl_vec_push(v, sizeof(pt)) = pt;
	p->depth--;
}

/* %{for k, v in coll}...%{endfor} at the cursor. */
static void
for_part(struct hcl_parser *p, struct hcl_vec *v, const struct tctx *cx)
{
	const struct hcl_tok	*open = hcl_peek(p), *t;
	struct hcl_vec		 body = HCL_VEC_INIT;
	struct hcl_part		 pt;
	int			 nl = p->nl;

	if (!hcl_enter(p, &open->r))
		return;
	memset(&pt, 0, sizeof(pt));
	pt.kind = HCL_PART_FOR;
	pt.value = "";
	hcl_next(p);
	p->nl = 0;
	if (for_names(p, &pt.key, &pt.key_range, &pt.value, &pt.value_range))
		pt.expr = expr(p);
	else
		pt.expr = hcl_invalid_at(p, hcl_peek(p));
	seq_end(p, open, &pt.seq[0], "%{for}");
	p->nl = nl;
	if (tseq(p, &body, cx) == TS_ENDFOR)
		bare_directive(p, &pt.seq[2]);
	else {
		t = hcl_peek(p);
		hcl_perr(p, t, "missing %%{endfor} for the %%{for} at %u:%u",
		    open->r.start.line, open->r.start.col);
		pt.seq[2].range.start = pt.seq[2].range.end = t->r.start;
	}
	pt.then = hcl_finish_tmpl(p, &body);
	pt.range.start = open->r.start;
	pt.range.end = pt.seq[2].range.end;
	*(struct hcl_part *)hcl_vec_push(v, sizeof(pt)) = pt;
	p->depth--;
}
