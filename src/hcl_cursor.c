/* SPDX-License-Identifier: ISC */
/*
 * The HCL parsers' cursor over the lexer's tokens, with what every
 * parser does at a token: compare it, describe it, report an error at
 * it, skip to a closer after one.  Outside the brackets that make
 * newlines blanks (p->nl == 0) a newline is a token; inside,
 * hcl_peek() steps over it.  The array ends with HCL_T_EOF, which the
 * cursor never passes.
 */
#include <stdarg.h>
#include <string.h>

#include "arena.h"
#include "hcl.h"
#include "hcl_impl.h"

static int	is_open(int);
static int	is_close(int);

static const char *const tok_names[] = {
	"end of file", "a newline", "a name", "a number", "'{'", "'}'",
	"'['", "']'", "'('", "')'", "'='", "':'", "'::'", "'?'", "','",
	"'.'", "'...'", "'=>'", "'+'", "'-'", "'*'", "'/'", "'%'", "'=='",
	"'!='", "'<'", "'<='", "'>'", "'>='", "'&&'", "'||'", "'!'",
	"a string", "'\"'", "a heredoc", "the end of the heredoc", "text",
	"'${'", "'%{'", "'}'", "an invalid character"
};

const struct hcl_tok *
hcl_peek(struct hcl_parser *p)
{
	while (!p->nl && p->toks[p->i].type == HCL_T_NEWLINE)
		p->i++;
	return &p->toks[p->i];
}

const struct hcl_tok *
hcl_next(struct hcl_parser *p)
{
	const struct hcl_tok	*t = hcl_peek(p);

	if (t->type != HCL_T_EOF)
		p->i++;
	return t;
}

/* Is t the name word? */
int
hcl_is(struct hcl_parser *p, const struct hcl_tok *t, const char *word)
{
	size_t	 n = strlen(word);

	return t->type == HCL_T_IDENT && t->r.end.off - t->r.start.off == n &&
	    memcmp(p->data + t->r.start.off, word, n) == 0;
}

static int
is_open(int type)
{
	return type == HCL_T_LBRACE || type == HCL_T_LBRACK ||
	    type == HCL_T_LPAREN || type == HCL_T_OQUOTE ||
	    type == HCL_T_OHEREDOC || type == HCL_T_TINTERP ||
	    type == HCL_T_TCONTROL;
}

static int
is_close(int type)
{
	return type == HCL_T_RBRACE || type == HCL_T_RBRACK ||
	    type == HCL_T_RPAREN || type == HCL_T_CQUOTE ||
	    type == HCL_T_CHEREDOC || type == HCL_T_TEND;
}

/*
 * Recovery: move to the next token of this type at this level of
 * nesting, without reading it; stop before a closer of an enclosing
 * level or at the end of the file.  Newlines match only when type is
 * HCL_T_NEWLINE, whatever p->nl says.
 */
void
hcl_skip_to(struct hcl_parser *p, int type)
{
	const struct hcl_tok	*t;
	size_t			 depth = 0;

	for (;; p->i++) {
		t = &p->toks[p->i];
		if (t->type == HCL_T_EOF) {
			if (depth > 0 || type != HCL_T_NEWLINE)
				p->swallowed = 1;
			return;
		}
		if (depth == 0 && t->type == type)
			return;
		if (is_open(t->type))
			depth++;
		else if (is_close(t->type)) {
			if (depth == 0)
				return;
			depth--;
		}
	}
}

/*
 * s[0..n) in double quotes for a message, cut after 40 bytes at the
 * start of a character: a name may be a megabyte long.
 */
const char *
hcl_quote(struct hcl_parser *p, const char *s, size_t n)
{
	size_t	 k = n;

	if (p->stop)
		return "";	/* no message will be printed */
	if (k > 40)
		for (k = 40; k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80; k--)
			continue;
	return arena_printf(p->arena, "\"%.*s%s\"", (int)k, s,
	    k < n ? "..." : "");
}

/* What t is, for an error message: "'='", "\"name\"", "a newline". */
const char *
hcl_tok_desc(struct hcl_parser *p, const struct hcl_tok *t)
{
	const char	*s = p->data + t->r.start.off;
	size_t		 n = t->r.end.off - t->r.start.off;

	if (t->type == HCL_T_IDENT)
		return hcl_quote(p, s, n);
	if (t->type == HCL_T_NUMBER && !p->stop)
		return arena_printf(p->arena, "number %.*s%s",
		    (int)(n > 40 ? 40 : n), s, n > 40 ? "..." : "");
	if (t->type >= sizeof(tok_names) / sizeof(tok_names[0]))
		return "a token";
	return tok_names[t->type];
}

/*
 * A syntax error at token t.  One per statement: what follows the
 * first error of an attribute is mostly its consequence, and so is a
 * syntax error in a statement where the lexer found one (a string left
 * open swallows the '}' of an interpolation).  Nothing at a bad token
 * or a made-up closer, which the lexer has reported, nor at the end of
 * a file something unclosed has swallowed.
 */
void
hcl_perr(struct hcl_parser *p, const struct hcl_tok *t, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;
	size_t	 i;

	if (p->stmt_err || p->stop)
		return;
	p->stmt_err = 1;
	if (t->type == HCL_T_BAD || (t->flags & HCL_TF_MISSING) ||
	    (t->type == HCL_T_EOF && p->swallowed))
		return;
	for (i = 0; i < p->nlexerr; i++)
		if (p->lexerr[i] >= p->stmt_start &&
		    p->lexerr[i] <= t->r.end.off)
			return;
	va_start(ap, fmt);
	msg = arena_vprintf(p->arena, fmt, ap);
	va_end(ap);
	hcl_error(p, &t->r, "%s", msg);
}

/*
 * Read the closer (of type) of the bracket token open opened; if
 * something else stands there, report it and skip to the closer.  The
 * range is empty, where the closer should be, when there is none.
 */
struct hcl_range
hcl_closer(struct hcl_parser *p, int type, const struct hcl_tok *open,
    const char *what)
{
	const struct hcl_tok	*t = hcl_peek(p);
	struct hcl_range	 r;
	int			 c;

	c = type == HCL_T_RPAREN ? ')' : type == HCL_T_RBRACK ? ']' : '}';
	if (t->type != type) {
		if (t->type != HCL_T_EOF)
			hcl_perr(p, t, "expected '%c' to close the %s opened "
			    "at %u:%u, found %s", c, what, open->r.start.line,
			    open->r.start.col, hcl_tok_desc(p, t));
		else if (!p->swallowed)
			hcl_perr(p, open, "unclosed %s: this '%c' has no "
			    "matching '%c'", what,
			    p->data[open->r.start.off], c);
		hcl_skip_to(p, type);
		t = hcl_peek(p);
		if (t->type != type) {
			r.start = r.end = t->r.start;
			return r;
		}
	}
	hcl_next(p);
	return t->r;
}

/* The text of t, in the arena. */
const char *
hcl_tok_text(struct hcl_parser *p, const struct hcl_tok *t)
{
	return arena_strndup(p->arena, p->data + t->r.start.off,
	    t->r.end.off - t->r.start.off);
}
