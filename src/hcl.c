/* SPDX-License-Identifier: ISC */
/*
 * What the pieces of the HCL parser share: capped error reporting,
 * growing arrays, UTF-8 and white space, nodes and their heights; and
 * the syntax tree's helpers: positions and lookups.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "hcl.h"
#include "hcl_impl.h"
#include "xalloc.h"

static const char *const op_names[] = {
	"-", "!", "*", "/", "%", "+", "-", ">", ">=", "<", "<=", "==", "!=",
	"&&", "||"
};

/*
 * Report an error at r unless a limit has stopped the file.  The
 * (HCL_MAX_ERRORS + 1)th error is replaced by one line saying so, and
 * nothing after it is reported: a binary file fed to the parser would
 * otherwise report an error per byte.
 */
void
hcl_error(struct hcl_parser *p, const struct hcl_range *r, const char *fmt,
    ...)
{
	struct loc	 loc;
	va_list		 ap;

	if (p->stop)
		return;
	loc.file = p->file;
	loc.line = r->start.line;
	loc.col = r->start.col;
	loc.end_line = r->end.line;
	loc.end_col = r->end.col;
	p->nerrors++;
	if (p->lexing && p->nlexerr < sizeof(p->lexerr) / sizeof(p->lexerr[0]))
		p->lexerr[p->nlexerr++] = r->start.off;
	if (p->nerrors > HCL_MAX_ERRORS) {
		diag_error(p->dg, &loc, "too many errors: giving up on this "
		    "file after %d", HCL_MAX_ERRORS);
		p->stop = 1;
		return;
	}
	va_start(ap, fmt);
	diag_vadd(p->dg, NULL, SEV_ERROR, &loc, fmt, ap);
	va_end(ap);
}

/* After a limit's error: the parsers read nothing more, report nothing. */
void
hcl_halt(struct hcl_parser *p, const struct hcl_range *r)
{
	(void)r;
	p->stop = 1;
	p->i = p->ntoks - 1;
}

/*
 * One level deeper into the parsers' recursion, at r; 0 past
 * HCL_MAX_DEPTH, after which the parse stops.  Each hcl_enter() that
 * returns 1 is undone by p->depth--.
 */
int
hcl_enter(struct hcl_parser *p, const struct hcl_range *r)
{
	if (p->depth >= HCL_MAX_DEPTH) {
		hcl_error(p, r, "nested too deeply: more than %d levels",
		    HCL_MAX_DEPTH);
		hcl_halt(p, r);
		return 0;
	}
	p->depth++;
	return 1;
}

/* Append a zeroed element of size bytes and return it. */
void *
hcl_vec_push(struct hcl_vec *v, size_t size)
{
	char	*e;

	if (v->n == v->cap) {
		v->cap = v->cap != 0 ? v->cap * 2 : 8;
		v->v = xreallocarray(v->v, v->cap, size);
	}
	e = (char *)v->v + v->n++ * size;
	memset(e, 0, size);
	return e;
}

/*
 * Copy the elements into the arena and free the vector; v->n stays the
 * count.  NULL when there are none.
 */
void *
hcl_vec_finish(struct hcl_parser *p, struct hcl_vec *v, size_t size)
{
	void	*a = NULL;

	if (v->n > 0) {
		a = arena_alloc(p->arena, v->n * size);
		memcpy(a, v->v, v->n * size);
	}
	free(v->v);
	v->v = NULL;
	v->cap = 0;
	return a;
}

/*
 * Decode the UTF-8 character at s (before end) into *cp and return its
 * length; 0 when it is not valid UTF-8: truncated, overlong, a
 * surrogate or past U+10FFFF.
 */
size_t
hcl_utf8(const char *s, const char *end, unsigned long *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = (size_t)(end - s), len, i;
	unsigned long		 c, min;

	if (n == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/*
 * White space within a line, as Unicode has it: a flush heredoc counts
 * and strips these, one column each.
 */
int
hcl_is_hspace(unsigned long c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' ||
	    c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Any white space, newlines included: what strip markers remove. */
int
hcl_is_space(unsigned long c)
{
	return hcl_is_hspace(c) || c == '\n' || c == '\r' || c == 0x85 ||
	    c == 0x2028 || c == 0x2029;
}

/* A node at r, counted against HCL_MAX_NODES. */
struct hcl_expr *
hcl_node(struct hcl_parser *p, enum hcl_expr_kind kind,
    const struct hcl_range *r)
{
	struct hcl_expr	*e;

	e = arena_alloc(p->arena, sizeof(*e));
	e->kind = kind;
	e->range = *r;
	e->height = 1;
	if (++p->nnodes > HCL_MAX_NODES) {
		hcl_error(p, r, "too many expressions: a file may hold %d",
		    HCL_MAX_NODES);
		hcl_halt(p, r);
	}
	return e;
}

/* An invalid node where t starts, taking no room. */
struct hcl_expr *
hcl_invalid_at(struct hcl_parser *p, const struct hcl_tok *t)
{
	struct hcl_range	 r;

	r.start = r.end = t->r.start;
	return hcl_node(p, HCL_EXPR_INVALID, &r);
}

unsigned int
hcl_hmax(unsigned int h, const struct hcl_expr *e)
{
	return e != NULL && e->height > h ? e->height : h;
}

/*
 * Set e's height from its children.  Past HCL_MAX_DEPTH the node is
 * made invalid and the parse stops: a chain of 300 "+" nests as deep
 * as 300 parentheses, though it costs this parser no recursion.
 */
struct hcl_expr *
hcl_done(struct hcl_parser *p, struct hcl_expr *e)
{
	unsigned int	 h = 0;
	size_t		 i;

	switch (e->kind) {
	case HCL_EXPR_TEMPLATE:
		h = e->u.tmpl.body.height;
		break;
	case HCL_EXPR_TUPLE:
		for (i = 0; i < e->u.tuple.n; i++)
			h = hcl_hmax(h, e->u.tuple.v[i]);
		break;
	case HCL_EXPR_OBJECT:
		for (i = 0; i < e->u.object.n; i++)
			h = hcl_hmax(hcl_hmax(h, e->u.object.v[i].key),
			    e->u.object.v[i].value);
		break;
	case HCL_EXPR_CALL:
		for (i = 0; i < e->u.call.nargs; i++)
			h = hcl_hmax(h, e->u.call.args[i]);
		break;
	case HCL_EXPR_FOR:
		h = hcl_hmax(hcl_hmax(hcl_hmax(hcl_hmax(h, e->u.forx.coll), e->u.forx.kexpr),
		    e->u.forx.vexpr), e->u.forx.cond);
		break;
	case HCL_EXPR_COND:
		h = hcl_hmax(hcl_hmax(hcl_hmax(h, e->u.cond.cond), e->u.cond.then),
		    e->u.cond.els);
		break;
	case HCL_EXPR_UNARY:
	case HCL_EXPR_BINARY:
		h = hcl_hmax(hcl_hmax(h, e->u.op.lhs), e->u.op.rhs);
		break;
	case HCL_EXPR_TRAVERSAL:
	case HCL_EXPR_RELATIVE:
		h = hcl_hmax(h, e->u.trav.base);
		for (i = 0; i < e->u.trav.nsteps; i++)
			h = hcl_hmax(h, e->u.trav.steps[i].index);
		break;
	case HCL_EXPR_PAREN:
		h = hcl_hmax(h, e->u.paren);
		break;
	default:
		break;
	}
	e->height = h + 1;
	if (e->height > HCL_MAX_DEPTH) {
		hcl_error(p, &e->range, "expression nested too deeply: more "
		    "than %d levels", HCL_MAX_DEPTH);
		hcl_halt(p, &e->range);
		e->kind = HCL_EXPR_INVALID;
		memset(&e->u, 0, sizeof(e->u));
		e->height = 1;
	}
	return e;
}

/*
 * The parts collected into a template, with its height: 1 + that of
 * the highest part, itself 1 + that of its highest expression or
 * branch.
 */
struct hcl_template
hcl_finish_tmpl(struct hcl_parser *p, struct hcl_vec *v)
{
	struct hcl_template	 t;
	struct hcl_part		*pt;
	unsigned int		 h = 0, ph;
	size_t			 i;

	t.parts = hcl_vec_finish(p, v, sizeof(struct hcl_part));
	t.nparts = v->n;
	for (i = 0; i < t.nparts; i++) {
		pt = &t.parts[i];
		ph = hcl_hmax(0, pt->expr);
		if (pt->then.height > ph)
			ph = pt->then.height;
		if (pt->els.height > ph)
			ph = pt->els.height;
		if (ph + 1 > h)
			h = ph + 1;
	}
	t.height = h + 1;
	if (t.height > HCL_MAX_DEPTH) {
		if (t.nparts > 0)
			hcl_error(p, &t.parts[0].range, "template nested too "
			    "deeply: more than %d levels", HCL_MAX_DEPTH);
		hcl_halt(p, NULL);
		t.parts = NULL;
		t.nparts = 0;
		t.height = 1;
	}
	return t;
}

void
hcl_loc(const struct hcl_file *f, const struct hcl_range *r,
    struct loc *loc)
{
	loc->file = f->name;
	loc->line = r->start.line;
	loc->col = r->start.col;
	loc->end_line = r->end.line;
	loc->end_col = r->end.col;
}

const struct hcl_attr *
hcl_attr_get(const struct hcl_body *b, const char *name)
{
	size_t	 i;

	for (i = 0; i < b->nattrs; i++)
		if (strcmp(b->attrs[i].name, name) == 0)
			return &b->attrs[i];
	return NULL;
}

const char *
hcl_expr_string(const struct hcl_expr *e, size_t *len)
{
	const struct hcl_template	*t;

	if (e == NULL || e->kind != HCL_EXPR_TEMPLATE)
		return NULL;
	t = &e->u.tmpl.body;
	if (t->nparts > 1 ||
	    (t->nparts == 1 && t->parts[0].kind != HCL_PART_LITERAL))
		return NULL;
	if (len != NULL)
		*len = t->nparts == 1 ? t->parts[0].len : 0;
	return t->nparts == 1 ? t->parts[0].text : "";
}

const struct hcl_expr *
hcl_expr_unwrap(const struct hcl_expr *e)
{
	const struct hcl_template	*t;

	for (;;) {
		if (e->kind == HCL_EXPR_PAREN) {
			e = e->u.paren;
			continue;
		}
		if (e->kind != HCL_EXPR_TEMPLATE)
			return e;
		t = &e->u.tmpl.body;
		if (t->nparts != 1 || t->parts[0].kind != HCL_PART_INTERP)
			return e;
		e = t->parts[0].expr;
	}
}

const char *
hcl_op_name(enum hcl_op op)
{
	if ((size_t)op >= sizeof(op_names) / sizeof(op_names[0]))
		return "?";
	return op_names[op];
}
