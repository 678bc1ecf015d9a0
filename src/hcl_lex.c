/* SPDX-License-Identifier: ISC */
/*
 * The HCL lexer.
 *
 * The lexer turns the whole file into an array of tokens before any
 * parsing, because HCL's lexing needs no feedback from the parser: a
 * stack of modes tells expression text from template text.  A '"'
 * pushes a string, "${" and "%{" push an expression that a '}' pops
 * once the braces opened inside it are closed, and "<<EOF" pushes a
 * heredoc that a line holding only its marker pops.  The stack is an
 * array bounded by HCL_MAX_DEPTH, so a storm of "${" costs no C stack.
 *
 * Text (comments, template literals) is checked for UTF-8 and NUL
 * bytes here, once; the parsers never see a bad byte, only an
 * HCL_T_BAD token where one stood between tokens.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "hcl.h"
#include "hcl_impl.h"
#include "xalloc.h"

enum mode_kind {
	M_NORMAL,		/* the file's expressions and bodies */
	M_INTERP,		/* inside "${" or "%{" */
	M_QUOTED,		/* inside '"' */
	M_HEREDOC
};

struct mode {
	enum mode_kind	 kind;
	size_t		 braces;	/* M_INTERP: '{' still open inside */
	size_t		 opener;	/* the opening token's index */
	const char	*marker;	/* M_HEREDOC: "EOF" in the input */
	size_t		 mlen;
	unsigned int	 indent;	/* M_HEREDOC: least indentation yet */
	int		 bol;		/* M_HEREDOC: at the start of a line */
};

struct lexer {
	struct hcl_parser	*p;
	const char		*s;	/* the data */
	const char		*end;
	struct hcl_pos		 pos;	/* of the next byte */
	struct mode		 modes[HCL_MAX_DEPTH + 1];
	int			 top;	/* modes[top] is current */
	int			 done;	/* a limit stopped the lexer */
	int			 line_tok;	/* a token on this line */
	size_t			 waiting;	/* first comment lacking a
						   target */
};

static int	 at(const struct lexer *, size_t);
static void	 skip(struct lexer *, size_t);
static void	 newline(struct lexer *);
static void	 skip_text(struct lexer *, size_t);
static void	 bad_bytes(struct lexer *);
static void	 text_char(struct lexer *);
static unsigned int cols(const char *, const char *, size_t);
static void	 lerr(struct lexer *, const struct hcl_pos *, size_t,
		    const char *, ...) __attribute__((format(printf, 4, 5)));
static struct hcl_tok *emit(struct lexer *, int, int,
		    const struct hcl_pos *);
static void	 op(struct lexer *, int, size_t);
static int	 push(struct lexer *, enum mode_kind);
static void	 pop(struct lexer *);
static void	 comment(struct lexer *, size_t, int);
static void	 keep_comment(struct lexer *, const struct hcl_pos *,
		    const char *, const char *, int);
static int	 id_char(unsigned long);
static size_t	 ident_len(const struct lexer *, size_t, size_t *);
static void	 ident(struct lexer *);
static void	 number(struct lexer *);
static void	 invalid(struct lexer *);
static void	 single_quoted(struct lexer *);
static void	 heredoc_open(struct lexer *);
static int	 heredoc_close(struct lexer *, struct mode *,
		    const struct hcl_pos *, int);
static void	 heredoc_indent(struct lexer *, struct mode *);
static void	 seq_open(struct lexer *, int);
static void	 literal(struct lexer *, const struct hcl_pos *, int);
static void	 escape(struct lexer *);
static void	 close_template(struct lexer *, const struct mode *, int);
static int	 punct(struct lexer *);
static int	 blank(struct lexer *, int, int);
static void	 brace(struct lexer *, struct mode *, int);
static void	 lex_normal(struct lexer *);
static void	 lex_quoted(struct lexer *);
static void	 lex_heredoc(struct lexer *);
static void	 lex_eof(struct lexer *);

/* The byte k past the cursor, or -1 past the end. */
static int
at(const struct lexer *lx, size_t k)
{
	if (k >= (size_t)(lx->end - lx->s) - lx->pos.off)
		return -1;
	return (unsigned char)lx->s[lx->pos.off + k];
}

/* Step over n ASCII bytes that are not newlines. */
static void
skip(struct lexer *lx, size_t n)
{
	lx->pos.off += n;
	lx->pos.col += (unsigned int)n;
}

static void
newline(struct lexer *lx)
{
	lx->pos.off++;
	lx->pos.line++;
	lx->pos.col = 1;
	lx->line_tok = 0;
}

/* Step over n bytes of valid UTF-8 without newlines. */
static void
skip_text(struct lexer *lx, size_t n)
{
	const char	*q = lx->s + lx->pos.off, *e = q + n;

	for (; q < e; q++)
		if (((unsigned char)*q & 0xC0) != 0x80)
			lx->pos.col++;
	lx->pos.off += n;
}

/*
 * The columns n bytes at s take, counted as the lexer moves: a code
 * point each, and each byte that is not UTF-8.
 */
static unsigned int
cols(const char *s, const char *end, size_t n)
{
	const char	*e = s + n;
	unsigned long	 c;
	unsigned int	 k = 0;
	size_t		 len;

	if (e > end)
		e = end;
	for (; s < e; s += len, k++)
		if ((len = hcl_utf8(s, e, &c)) == 0)
			len = 1;
	return k;
}

static void
lerr(struct lexer *lx, const struct hcl_pos *start, size_t n,
    const char *fmt, ...)
{
	struct hcl_range	 r;
	va_list			 ap;
	char			*msg;

	r.start = *start;
	r.end = *start;
	r.end.off += n;
	r.end.col += cols(lx->s + start->off, lx->end, n);
	va_start(ap, fmt);
	msg = arena_vprintf(lx->p->arena, fmt, ap);
	va_end(ap);
	hcl_error(lx->p, &r, "%s", msg);
}

/*
 * Report and step over the bad bytes at the cursor, a NUL or a run of
 * bytes that are not UTF-8, as one error: a Latin-1 file gets one
 * error per word, not per byte.  Each bad byte counts as a column.
 */
static void
bad_bytes(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	unsigned long	 c;
	size_t		 n = 0;
	int		 b = at(lx, 0);

	if (b == 0) {
		lerr(lx, &start, 1, "NUL byte: a .tf file is text");
		skip(lx, 1);
		return;
	}
	while (lx->pos.off + n < (size_t)(lx->end - lx->s) &&
	    lx->s[lx->pos.off + n] != '\0' &&
	    hcl_utf8(lx->s + lx->pos.off + n, lx->end, &c) == 0)
		n++;
	lerr(lx, &start, n, "invalid UTF-8: byte 0x%02x%s is not text; "
	    "save the file as UTF-8", (unsigned int)b, n > 1 ? "..." : "");
	skip(lx, n);
}

/*
 * Step over the character at the cursor in text: a comment or a
 * template literal.
 */
static void
text_char(struct lexer *lx)
{
	unsigned long	 c;
	size_t		 n;
	int		 b = at(lx, 0);

	if (b == '\n')
		newline(lx);
	else if (b > 0 && b < 0x80)
		skip(lx, 1);
	else if (b == 0 ||
	    (n = hcl_utf8(lx->s + lx->pos.off, lx->end, &c)) == 0)
		bad_bytes(lx);
	else {
		lx->pos.off += n;
		lx->pos.col++;
	}
}

/*
 * Append a token from start to the cursor.  Any token but a newline is
 * content, the line that comments alone on theirs apply to.  The
 * pointer is good until the next emit().
 */
static struct hcl_tok *
emit(struct lexer *lx, int type, int flags, const struct hcl_pos *start)
{
	struct hcl_parser	*p = lx->p;
	struct hcl_comment	*c = p->comments.v;
	struct hcl_tok		*t;

	if (p->ntoks == p->captoks) {
		p->captoks = p->captoks != 0 ? p->captoks * 2 : 1024;
		p->toks = xreallocarray(p->toks, p->captoks, sizeof(*t));
	}
	t = &p->toks[p->ntoks++];
	t->type = (unsigned char)type;
	t->flags = (unsigned char)flags;
	t->aux = 0;
	t->r.start = *start;
	t->r.end = lx->pos;
	if (type != HCL_T_NEWLINE && type != HCL_T_EOF) {
		for (; lx->waiting < p->comments.n; lx->waiting++)
			c[lx->waiting].target = start->line;
		lx->line_tok = 1;
	}
	return t;
}

static void
op(struct lexer *lx, int type, size_t n)
{
	struct hcl_pos	 start = lx->pos;

	skip(lx, n);
	emit(lx, type, 0, &start);
}

/*
 * Push a mode opened by the token just emitted; 0 and the lexer stops
 * when the stack is full.  Callers check first, so that no opening
 * token is left without its closer.
 */
static int
push(struct lexer *lx, enum mode_kind kind)
{
	struct mode	*m;

	if (lx->top >= HCL_MAX_DEPTH) {
		lerr(lx, &lx->pos, 0, "nested too deeply: more than %d "
		    "strings and interpolations inside each other",
		    HCL_MAX_DEPTH);
		lx->done = 1;
		lx->p->stop = 1;
		return 0;
	}
	m = &lx->modes[++lx->top];
	memset(m, 0, sizeof(*m));
	m->kind = kind;
	m->opener = lx->p->ntoks;	/* the token about to be emitted */
	return 1;
}

static void
pop(struct lexer *lx)
{
	if (lx->top > 0)
		lx->top--;
}

/*
 * A comment at the cursor, its opener olen bytes long.  A line comment
 * counts as the newline that ends it; a block comment is a blank.
 */
static void
comment(struct lexer *lx, size_t olen, int block)
{
	struct hcl_pos	 start = lx->pos, nl;
	const char	*text, *tend;
	int		 trailing = lx->line_tok;

	skip(lx, olen);
	text = lx->s + lx->pos.off;
	if (block) {
		while (at(lx, 0) != -1 && !(at(lx, 0) == '*' &&
		    at(lx, 1) == '/'))
			text_char(lx);
		tend = lx->s + lx->pos.off;
		if (at(lx, 0) == -1)
			lerr(lx, &start, 2, "unterminated comment: this "
			    "'/*' has no closing '*/'");
		else
			skip(lx, 2);
	} else {
		while (at(lx, 0) != -1 && at(lx, 0) != '\n')
			text_char(lx);
		tend = lx->s + lx->pos.off;
	}
	keep_comment(lx, &start, text, tend, trailing);
	if (block)
		return;
	nl = lx->pos;
	if (at(lx, 0) == '\n')
		newline(lx);
	emit(lx, HCL_T_NEWLINE, 0, &nl);
}

/*
 * Keep a comment that names irsalint, from its opener at start; its
 * text runs from text to tend.  Only those are kept: a large tree of
 * Terraform must not fill memory with comments nobody reads.
 */
static void
keep_comment(struct lexer *lx, const struct hcl_pos *start,
    const char *text, const char *tend, int trailing)
{
	struct hcl_parser	*p = lx->p;
	struct hcl_comment	*c;
	size_t			 n = strlen(HCL_COMMENT_NAME);

	while (text < tend && (*text == ' ' || *text == '\t'))
		text++;
	if ((size_t)(tend - text) < n ||
	    strncasecmp(text, HCL_COMMENT_NAME, n) != 0)
		return;
	c = hcl_vec_push(&p->comments, sizeof(*c));
	c->range.start = *start;
	c->range.end = lx->pos;
	c->text = arena_strndup(p->arena, text, (size_t)(tend - text));
	if (trailing) {
		c->target = start->line;
		lx->waiting = p->comments.n;
	}
}

/*
 * Whether a character past ASCII may be part of a name.
 *
 * XXX Unicode's ID_Start and ID_Continue would take tables; names
 * outside ASCII are rare in Terraform, so every character past U+007F
 * counts as a letter but white space, and the punctuation, symbols
 * and emoji of the common blocks.
 */
static int
id_char(unsigned long c)
{
	if (hcl_is_space(c) || c == 0xFEFF)
		return 0;
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	if (c == 0xD7 || c == 0xF7)
		return 0;
	return !((c >= 0x2000 && c <= 0x2BFF) ||
	    (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xE000 && c <= 0xF8FF) ||
	    (c >= 0xFFF0 && c <= 0xFFFF) ||
	    (c >= 0x1F000 && c <= 0x1FAFF));
}

/*
 * The length in bytes of the name k bytes past the cursor, 0 if none
 * starts there; its length in code points goes to *ncp.  A name starts
 * with a letter or '_' and goes on with letters, digits, '_' and '-'.
 */
static size_t
ident_len(const struct lexer *lx, size_t k, size_t *ncp)
{
	const char	*q = lx->s + lx->pos.off + k, *e = lx->end, *s = q;
	unsigned long	 c;
	size_t		 n;

	*ncp = 0;
	while (q < e) {
		c = (unsigned char)*q;
		if (c < 0x80) {
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' &&
			    c <= 'Z') || c == '_' || (q > s && ((c >= '0' &&
			    c <= '9') || c == '-'))))
				break;
			n = 1;
		} else if ((n = hcl_utf8(q, e, &c)) == 0 || !id_char(c))
			break;
		q += n;
		(*ncp)++;
	}
	return (size_t)(q - s);
}

static void
ident(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	size_t		 ncp, n;

	n = ident_len(lx, 0, &ncp);
	lx->pos.off += n;
	lx->pos.col += (unsigned int)ncp;
	emit(lx, HCL_T_IDENT, 0, &start);
}

/*
 * digit+ ('.' digit+)? ([eE] [+-]? digit+)?.  After a '.', digits
 * only: "foo.0.1" is two legacy indexes, not an index and a number.
 */
static void
number(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	struct hcl_parser *p = lx->p;
	size_t		 n = 0, k;
	int		 after_dot;

	after_dot = p->ntoks > 0 && p->toks[p->ntoks - 1].type == HCL_T_DOT;
	while (at(lx, n) >= '0' && at(lx, n) <= '9')
		n++;
	if (!after_dot && at(lx, n) == '.' && at(lx, n + 1) >= '0' &&
	    at(lx, n + 1) <= '9')
		for (n++; at(lx, n) >= '0' && at(lx, n) <= '9'; n++)
			continue;
	if (!after_dot && (at(lx, n) == 'e' || at(lx, n) == 'E')) {
		k = n + 1;
		if (at(lx, k) == '+' || at(lx, k) == '-')
			k++;
		if (at(lx, k) >= '0' && at(lx, k) <= '9')
			for (n = k; at(lx, n) >= '0' && at(lx, n) <= '9'; n++)
				continue;
	}
	skip(lx, n);
	emit(lx, HCL_T_NUMBER, 0, &start);
}

/* A character that starts no token: report it, make it a bad token. */
static void
invalid(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	unsigned long	 c;
	size_t		 n;
	int		 b = at(lx, 0);

	if (b == 0 || (n = hcl_utf8(lx->s + lx->pos.off, lx->end, &c)) == 0)
		bad_bytes(lx);
	else if (b == '\'') {
		single_quoted(lx);
		return;
	} else if (b == ';') {
		lerr(lx, &start, 1, "invalid character ';': a newline ends "
		    "an attribute");
		skip(lx, 1);
	} else if (b > 0x20 && b < 0x7F) {
		lerr(lx, &start, 1, "invalid character '%c'", b);
		skip(lx, 1);
	} else {
		lerr(lx, &start, 1, "invalid character U+%04lX", c);
		if (b == '\r')
			skip(lx, 1);
		else
			skip_text(lx, n);
	}
	emit(lx, HCL_T_BAD, 0, &start);
}

/*
 * A string in single quotes, as other languages write them: one error
 * and one bad token for all of it, up to the closing quote on its line.
 */
static void
single_quoted(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	size_t		 n;

	for (n = 1; at(lx, n) != -1 && at(lx, n) != '\n' && at(lx, n) != '\'';
	    n++)
		continue;
	if (at(lx, n) != '\'')
		n = 1;
	else
		n++;
	lerr(lx, &start, n, "invalid character '\\'': HCL strings are in "
	    "double quotes");
	skip(lx, 1);
	while (lx->pos.off < start.off + n)
		text_char(lx);
	emit(lx, HCL_T_BAD, 0, &start);
}

/*
 * "<<EOF" or "<<-EOF" and its newline.  The token covers the opener
 * without the newline, which belongs to the heredoc, not to the body.
 */
static void
heredoc_open(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	struct mode	*m;
	size_t		 k, n, ncp, nl = 0;
	int		 flush;

	flush = at(lx, 2) == '-';
	k = flush ? 3 : 2;
	n = ident_len(lx, k, &ncp);
	if (n > 0 && at(lx, k + n) == '\n')
		nl = 1;
	else if (n > 0 && at(lx, k + n) == '\r' && at(lx, k + n + 1) == '\n')
		nl = 2;
	if (nl == 0) {
		if (n == 0)
			lerr(lx, &start, k, "invalid heredoc: a marker name "
			    "must follow '<<'");
		else
			lerr(lx, &start, k + n, "invalid heredoc: the line must "
			    "end after the marker %s", hcl_quote(lx->p,
			    lx->s + lx->pos.off + k, n));
		skip(lx, k);
		emit(lx, HCL_T_BAD, 0, &start);
		return;
	}
	if (!push(lx, M_HEREDOC))
		return;
	m = &lx->modes[lx->top];
	m->marker = lx->s + lx->pos.off + k;
	m->mlen = n;
	m->bol = 1;
	m->indent = UINT_MAX;
	skip(lx, k);
	lx->pos.off += n;
	lx->pos.col += (unsigned int)ncp;
	emit(lx, HCL_T_OHEREDOC, flush ? HCL_TF_FLUSH : 0, &start);
	if (nl == 2)
		skip(lx, 1);
	newline(lx);
}

/*
 * At the start of a heredoc line: if it holds only the marker (after
 * blanks), end the literal before it, emit the closing marker and pop.
 */
static int
heredoc_close(struct lexer *lx, struct mode *m, const struct hcl_pos *lit,
    int flags)
{
	struct hcl_pos	 start;
	struct hcl_tok	*o;
	size_t		 k = 0, ncp;
	int		 c;

	if (m->marker == NULL)		/* a template file: no marker */
		return 0;
	while (at(lx, k) == ' ' || at(lx, k) == '\t')
		k++;
	if ((size_t)(lx->end - lx->s) - lx->pos.off - k < m->mlen ||
	    memcmp(lx->s + lx->pos.off + k, m->marker, m->mlen) != 0)
		return 0;
	c = at(lx, k + m->mlen);
	if (c != -1 && c != '\n' && !(c == '\r' &&
	    at(lx, k + m->mlen + 1) == '\n'))
		return 0;
	literal(lx, lit, flags);
	skip(lx, k);
	start = lx->pos;
	(void)ident_len(lx, 0, &ncp);
	lx->pos.off += m->mlen;
	lx->pos.col += (unsigned int)ncp;
	emit(lx, HCL_T_CHEREDOC, 0, &start);
	o = &lx->p->toks[m->opener];
	if (o->flags & HCL_TF_FLUSH)
		o->aux = m->indent == UINT_MAX ? 0 : m->indent;
	close_template(lx, m, 1);
	pop(lx);
	return 1;
}

/*
 * At the start of a line of a flush heredoc: its blanks, in code
 * points, bound the indentation to strip unless the line is blank.
 * A line that starts with an interpolation counts: its text is there.
 */
static void
heredoc_indent(struct lexer *lx, struct mode *m)
{
	const char	*q = lx->s + lx->pos.off, *e = lx->end;
	unsigned long	 c;
	size_t		 n;
	unsigned int	 cols = 0;

	while (q < e && (n = hcl_utf8(q, e, &c)) != 0 && hcl_is_hspace(c)) {
		q += n;
		cols++;
	}
	if (q == e || *q == '\n' || (*q == '\r' && q + 1 < e && q[1] == '\n'))
		return;
	if (cols < m->indent)
		m->indent = cols;
}

/* "${" or "%{" (c is '$' or '%') at the cursor, with a strip marker. */
static void
seq_open(struct lexer *lx, int c)
{
	struct hcl_pos	 start = lx->pos;
	int		 strip = at(lx, 2) == '~';

	if (!push(lx, M_INTERP))
		return;
	skip(lx, strip ? 3 : 2);
	emit(lx, c == '$' ? HCL_T_TINTERP : HCL_T_TCONTROL,
	    strip ? HCL_TF_STRIP : 0, &start);
}

/* The literal text from start to the cursor, if any. */
static void
literal(struct lexer *lx, const struct hcl_pos *start, int flags)
{
	if (lx->pos.off > start->off)
		emit(lx, HCL_T_TLIT, flags, start);
}

/*
 * A backslash in a quoted string: check the escape and step over it.
 * The parser decodes it later from the same bytes.
 */
static void
escape(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	unsigned long	 v = 0;
	size_t		 need, k;
	int		 d = at(lx, 1), h;

	if (d == 'n' || d == 'r' || d == 't' || d == '"' || d == '\\') {
		skip(lx, 2);
		return;
	}
	if (d != 'u' && d != 'U') {
		if (d > 0x20 && d < 0x7F)
			lerr(lx, &start, 2, "invalid escape sequence \"\\%c\": "
			    "a string knows \\n, \\r, \\t, \\\", \\\\, \\uNNNN "
			    "and \\UNNNNNNNN", d);
		else
			lerr(lx, &start, 1, "invalid escape sequence: '\\' "
			    "must be followed by n, r, t, \", \\, u or U");
		skip(lx, 1);
		return;
	}
	need = d == 'u' ? 4 : 8;
	for (k = 0; k < need; k++) {
		h = at(lx, 2 + k);
		if (h >= '0' && h <= '9')
			v = v * 16 + (unsigned long)(h - '0');
		else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
			v = v * 16 + (unsigned long)((h | 0x20) - 'a' + 10);
		else
			break;
	}
	if (k < need)
		lerr(lx, &start, 2 + k, "invalid escape sequence: \\%c needs "
		    "%zu hexadecimal digits", d, need);
	else if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		lerr(lx, &start, 2 + k, "invalid escape sequence \"\\%c%.*s\": "
		    "not a Unicode character", d, (int)need,
		    lx->s + lx->pos.off + 2);
	skip(lx, 2 + k);
}

/*
 * A string or heredoc ends: past the size limit, the parser skips it.
 * One left open at the end of the file has been reported as such.
 */
static void
close_template(struct lexer *lx, const struct mode *m, int report)
{
	struct hcl_tok	*o = &lx->p->toks[m->opener];
	size_t		 n = lx->pos.off - o->r.start.off;

	if (n <= HCL_MAX_TEMPLATE)
		return;
	o->flags |= HCL_TF_TOOBIG;
	if (report)
		hcl_error(lx->p, &o->r, "%s too long: %zu bytes, more than %lu",
		    o->type == HCL_T_OQUOTE ? "string" : "heredoc", n,
		    HCL_MAX_TEMPLATE);
}

/* Operators, a longer one before any that is its prefix. */
static const struct {
	const char	*s;
	int		 type;
} ops[] = {
	{ "...", HCL_T_ELLIPSIS }, { "==", HCL_T_EQEQ }, { "=>", HCL_T_ARROW },
	{ "!=", HCL_T_NEQ }, { "<=", HCL_T_LE }, { ">=", HCL_T_GE },
	{ "&&", HCL_T_AND }, { "||", HCL_T_OR }, { "::", HCL_T_DCOLON },
	{ "=", HCL_T_EQ }, { "!", HCL_T_BANG }, { "<", HCL_T_LT },
	{ ">", HCL_T_GT }, { ".", HCL_T_DOT }, { ":", HCL_T_COLON },
	{ "?", HCL_T_QUESTION }, { "(", HCL_T_LPAREN }, { ")", HCL_T_RPAREN },
	{ "[", HCL_T_LBRACK }, { "]", HCL_T_RBRACK }, { ",", HCL_T_COMMA },
	{ "+", HCL_T_PLUS }, { "-", HCL_T_MINUS }, { "*", HCL_T_STAR },
	{ "/", HCL_T_SLASH }, { "%", HCL_T_PERCENT }
};

/* An operator at the cursor: emit it and return 1. */
static int
punct(struct lexer *lx)
{
	size_t	 i, n, left = (size_t)(lx->end - lx->s) - lx->pos.off;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		n = strlen(ops[i].s);
		if (n <= left && memcmp(lx->s + lx->pos.off, ops[i].s, n) == 0) {
			op(lx, ops[i].type, n);
			return 1;
		}
	}
	return 0;
}

/*
 * Blanks, a newline or a comment at the cursor: step over it and
 * return 1.
 */
static int
blank(struct lexer *lx, int c, int d)
{
	struct hcl_pos	 start = lx->pos;

	if (c == ' ' || c == '\t')
		skip(lx, 1);
	else if (c == '\n' || (c == '\r' && d == '\n')) {
		if (c == '\r')
			skip(lx, 1);
		newline(lx);
		emit(lx, HCL_T_NEWLINE, 0, &start);
	} else if (c == '#')
		comment(lx, 1, 0);
	else if (c == '/' && (d == '/' || d == '*'))
		comment(lx, 2, d == '*');
	else
		return 0;
	return 1;
}

/*
 * A brace at the cursor.  In an interpolation or directive, braces are
 * counted, and the '}' (or "~}") that closes none ends it.
 */
static void
brace(struct lexer *lx, struct mode *m, int c)
{
	struct hcl_pos	 start = lx->pos;
	int		 interp = m->kind == M_INTERP;

	if (c == '{') {
		op(lx, HCL_T_LBRACE, 1);
		if (interp)
			m->braces++;
	} else if (interp && m->braces == 0) {
		skip(lx, c == '~' ? 2 : 1);
		emit(lx, HCL_T_TEND, c == '~' ? HCL_TF_STRIP : 0, &start);
		pop(lx);
	} else if (c == '~')
		invalid(lx);
	else {
		op(lx, HCL_T_RBRACE, 1);
		if (interp)
			m->braces--;
	}
}

/* One token, or blanks, of expression text (M_NORMAL, M_INTERP). */
static void
lex_normal(struct lexer *lx)
{
	struct mode	*m = &lx->modes[lx->top];
	struct hcl_pos	 start = lx->pos;
	size_t		 ncp;
	int		 c = at(lx, 0), d = at(lx, 1);

	if (blank(lx, c, d))
		return;
	if (c == '{' || c == '}' || (c == '~' && d == '}'))
		brace(lx, m, c);
	else if (c == '"') {
		if (push(lx, M_QUOTED))
			op(lx, HCL_T_OQUOTE, 1);
	} else if (c == '$' && d == '{') {
		/*
		 * Terraform 0.11's habit.  Lexed as an interpolation, so
		 * that its '}' closes it, not the block around it.
		 */
		lerr(lx, &start, 2, "interpolation outside a string: \"${\" "
		    "goes inside double quotes");
		seq_open(lx, c);
	} else if (c == '<' && d == '<')
		heredoc_open(lx);
	else if (punct(lx))
		return;
	else if (c >= '0' && c <= '9')
		number(lx);
	else if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0x80 && ident_len(lx, 0, &ncp) > 0))
		ident(lx);
	else
		invalid(lx);
}

/*
 * The literal text of a quoted string up to what ends it: the closing
 * quote, an interpolation or directive, the end of the line (an error:
 * strings end on their line) or of the file (left to lex_eof()).
 */
static void
lex_quoted(struct lexer *lx)
{
	struct hcl_pos	 start = lx->pos;
	struct hcl_tok	*o;
	int		 c, d;

	for (;;) {
		c = at(lx, 0);
		d = at(lx, 1);
		if (c == -1) {
			literal(lx, &start, 0);
			return;
		}
		if (c == '\n' || (c == '\r' && d == '\n')) {
			literal(lx, &start, 0);
			o = &lx->p->toks[lx->modes[lx->top].opener];
			lerr(lx, &lx->pos, 1, "unterminated string: the string "
			    "opened at %u:%u has no closing quote on its line",
			    o->r.start.line, o->r.start.col);
			emit(lx, HCL_T_CQUOTE, HCL_TF_MISSING, &lx->pos);
			pop(lx);
			return;
		}
		if (c == '"') {
			literal(lx, &start, 0);
			op(lx, HCL_T_CQUOTE, 1);
			close_template(lx, &lx->modes[lx->top], 1);
			pop(lx);
			return;
		}
		if (c == '\\')
			escape(lx);
		else if ((c == '$' || c == '%') && d == c && at(lx, 2) == '{')
			skip(lx, 3);
		else if ((c == '$' || c == '%') && d == '{') {
			literal(lx, &start, 0);
			seq_open(lx, c);
			return;
		} else
			text_char(lx);
	}
}

/* Heredoc text, line by line, up to an interpolation or the marker. */
static void
lex_heredoc(struct lexer *lx)
{
	struct mode	*m = &lx->modes[lx->top];
	struct hcl_pos	 start = lx->pos;
	int		 flags, c, d;

	flags = HCL_TF_HEREDOC | (m->bol ? HCL_TF_BOL : 0);
	for (;;) {
		if (m->bol) {
			if (heredoc_close(lx, m, &start, flags))
				return;
			if (lx->p->toks[m->opener].flags & HCL_TF_FLUSH)
				heredoc_indent(lx, m);
			m->bol = 0;
		}
		c = at(lx, 0);
		d = at(lx, 1);
		if (c == -1) {
			literal(lx, &start, flags);
			return;
		}
		if (c == '\n') {
			newline(lx);
			m->bol = 1;
		} else if ((c == '$' || c == '%') && d == c && at(lx, 2) == '{')
			skip(lx, 3);
		else if ((c == '$' || c == '%') && d == '{') {
			literal(lx, &start, flags);
			seq_open(lx, c);
			return;
		} else
			text_char(lx);
	}
}

/*
 * The end of the file: report the innermost string, heredoc or
 * interpolation left open (the outer ones are open because of it),
 * close them all with made-up tokens, and end with HCL_T_EOF.
 */
static void
lex_eof(struct lexer *lx)
{
	struct mode	*m;
	struct hcl_tok	*o;
	int		 type;

	/* A template file ends at the end of the file, as it should. */
	if (lx->top == 1 && lx->modes[1].kind == M_HEREDOC &&
	    lx->modes[1].marker == NULL && !lx->done) {
		close_template(lx, &lx->modes[1], 1);
		emit(lx, HCL_T_CHEREDOC, 0, &lx->pos);
		lx->top = 0;
	}
	if (lx->top > 0 && !lx->done) {
		m = &lx->modes[lx->top];
		o = &lx->p->toks[m->opener];
		if (m->kind == M_QUOTED)
			lerr(lx, &lx->pos, 0, "unterminated string: the "
			    "string opened at %u:%u has no closing quote",
			    o->r.start.line, o->r.start.col);
		else if (m->kind == M_HEREDOC && m->marker == NULL)
			;	/* only what is open inside it is an error */
		else if (m->kind == M_HEREDOC)
			hcl_error(lx->p, &o->r, "unterminated heredoc: no "
			    "line after this one holds only its marker %s",
			    hcl_quote(lx->p, m->marker, m->mlen));
		else
			lerr(lx, &lx->pos, 0, "unterminated %s: the \"%s\" at "
			    "%u:%u has no closing '}'",
			    o->type == HCL_T_TINTERP ? "interpolation" :
			    "directive", o->type == HCL_T_TINTERP ? "${" : "%{",
			    o->r.start.line, o->r.start.col);
		lx->p->swallowed = 1;
	}
	for (; lx->top > 0; lx->top--) {
		m = &lx->modes[lx->top];
		type = m->kind == M_QUOTED ? HCL_T_CQUOTE :
		    m->kind == M_HEREDOC ? HCL_T_CHEREDOC : HCL_T_TEND;
		if (m->kind != M_INTERP)
			close_template(lx, m, 0);
		emit(lx, type, HCL_TF_MISSING, &lx->pos);
	}
	emit(lx, HCL_T_EOF, 0, &lx->pos);
}

/*
 * Fill p->toks from p->data.  A UTF-8 byte order mark is skipped; the
 * positions after it start at column 1 but keep their byte offsets.
 */
void
hcl_lex(struct hcl_parser *p)
{
	struct lexer	 lx;

	memset(&lx, 0, sizeof(lx));
	lx.p = p;
	lx.s = p->data;
	lx.end = p->data + p->len;
	lx.pos.line = 1;
	lx.pos.col = 1;
	lx.modes[0].kind = M_NORMAL;
	if (p->len >= 3 && memcmp(p->data, "\xEF\xBB\xBF", 3) == 0)
		lx.pos.off = 3;
	p->lexing = 1;
	/*
	 * A template file (templatefile()) is all template text: a
	 * heredoc from the first byte to the end, without markers.
	 */
	if (p->template_file && push(&lx, M_HEREDOC)) {
		lx.modes[lx.top].bol = 1;
		lx.modes[lx.top].indent = UINT_MAX;
		emit(&lx, HCL_T_OHEREDOC, 0, &lx.pos);
	}
	while (lx.pos.off < p->len && !lx.done) {
		if (p->ntoks >= HCL_MAX_TOKENS) {
			lerr(&lx, &lx.pos, 0, "too many tokens: a file may "
			    "hold %d", HCL_MAX_TOKENS);
			p->stop = 1;
			break;
		}
		switch (lx.modes[lx.top].kind) {
		case M_QUOTED:
			lex_quoted(&lx);
			break;
		case M_HEREDOC:
			lex_heredoc(&lx);
			break;
		default:
			lex_normal(&lx);
			break;
		}
	}
	lex_eof(&lx);
	p->lexing = 0;
}
