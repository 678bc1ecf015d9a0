/* SPDX-License-Identifier: ISC */
/*
 * What the pieces of the HCL parser share, and nothing outside
 * src/hcl*.c includes: the tokens hcl_lex.c makes, the parser's state,
 * and the helpers of hcl.c.  The lexer runs over the whole file first;
 * the parsers then walk the token array.
 */
#ifndef HCL_IMPL_H
#define HCL_IMPL_H

#include <stddef.h>

#include "hcl.h"

struct arena;
struct diags;

enum hcl_tok_type {
	HCL_T_EOF = 0,
	HCL_T_NEWLINE,		/* also ends a line comment */
	HCL_T_IDENT,
	HCL_T_NUMBER,
	HCL_T_LBRACE, HCL_T_RBRACE, HCL_T_LBRACK, HCL_T_RBRACK,
	HCL_T_LPAREN, HCL_T_RPAREN,
	HCL_T_EQ,		/* = */
	HCL_T_COLON, HCL_T_DCOLON, HCL_T_QUESTION, HCL_T_COMMA,
	HCL_T_DOT, HCL_T_ELLIPSIS, HCL_T_ARROW,	/* . ... => */
	HCL_T_PLUS, HCL_T_MINUS, HCL_T_STAR, HCL_T_SLASH, HCL_T_PERCENT,
	HCL_T_EQEQ, HCL_T_NEQ, HCL_T_LT, HCL_T_LE, HCL_T_GT, HCL_T_GE,
	HCL_T_AND, HCL_T_OR, HCL_T_BANG,
	HCL_T_OQUOTE,		/* " opening a string */
	HCL_T_CQUOTE,		/* " closing it */
	HCL_T_OHEREDOC,		/* <<EOF or <<-EOF, newline eaten */
	HCL_T_CHEREDOC,		/* the closing marker */
	HCL_T_TLIT,		/* literal text of a template, raw */
	HCL_T_TINTERP,		/* ${ */
	HCL_T_TCONTROL,		/* %{ */
	HCL_T_TEND,		/* } closing ${ or %{ */
	HCL_T_BAD		/* the lexer has reported it */
};

/* Token flags. */
#define HCL_TF_STRIP	0x01	/* "${~", "%{~", "~}" */
#define HCL_TF_FLUSH	0x02	/* "<<-" */
#define HCL_TF_MISSING	0x04	/* a closer the input lacks, made up */
#define HCL_TF_HEREDOC	0x08	/* TLIT of a heredoc: no escapes */
#define HCL_TF_BOL	0x10	/* TLIT starting a line of a heredoc */
#define HCL_TF_TOOBIG	0x20	/* opener of a template past the limit */

/*
 * Templates are always balanced: the lexer makes up a missing closer
 * (HCL_TF_MISSING) after reporting it, so a parser never runs past the
 * end of a string.
 */
struct hcl_tok {
	unsigned char		 type;
	unsigned char		 flags;
	unsigned int		 aux;	/* OHEREDOC with HCL_TF_FLUSH: the
					   indentation to strip */
	struct hcl_range	 r;
};

/* A growing array, copied into the arena when done. */
struct hcl_vec {
	void		*v;
	size_t		 n, cap;
};

#define HCL_VEC_INIT	{ NULL, 0, 0 }

struct hcl_parser {
	struct arena		*arena;
	struct diags		*dg;
	const char		*file;
	const char		*data;
	size_t			 len;
	struct hcl_tok		*toks;	/* xmalloc'ed; freed by hcl_parse() */
	size_t			 ntoks, captoks;
	size_t			 i;	/* the next token */
	int			 nl;	/* newlines are tokens, not blanks */
	unsigned int		 depth;	/* of the parsers' recursion */
	size_t			 nnodes;
	size_t			 nerrors;
	int			 stop;	/* a limit was hit: report nothing more */
	int			 swallowed;	/* something ran to the end of
						   the file unclosed */
	int			 stmt_err;	/* the statement being parsed
						   has reported an error */
	size_t			 stmt_start;	/* its offset */
	int			 lexing;
	int			 template_file;	/* hcl_parse_template() */
	size_t			 lexerr[HCL_MAX_ERRORS + 1];	/* offsets of
						   the lexer's errors */
	size_t			 nlexerr;
	struct hcl_vec		 comments;	/* of struct hcl_comment */
};

/* hcl.c */
void	 hcl_error(struct hcl_parser *, const struct hcl_range *,
	    const char *, ...) __attribute__((format(printf, 3, 4)));
void	 hcl_halt(struct hcl_parser *, const struct hcl_range *);
int	 hcl_enter(struct hcl_parser *, const struct hcl_range *);
void	*hcl_vec_push(struct hcl_vec *, size_t);
void	*hcl_vec_finish(struct hcl_parser *, struct hcl_vec *, size_t);
size_t	 hcl_utf8(const char *, const char *, unsigned long *);
int	 hcl_is_space(unsigned long);
int	 hcl_is_hspace(unsigned long);
struct hcl_expr *hcl_node(struct hcl_parser *, enum hcl_expr_kind,
	    const struct hcl_range *);
struct hcl_expr *hcl_invalid_at(struct hcl_parser *, const struct hcl_tok *);
unsigned int hcl_hmax(unsigned int, const struct hcl_expr *);
struct hcl_expr *hcl_done(struct hcl_parser *, struct hcl_expr *);
struct hcl_template hcl_finish_tmpl(struct hcl_parser *, struct hcl_vec *);

/* hcl_lex.c */
void	 hcl_lex(struct hcl_parser *);

/* hcl_cursor.c */
const struct hcl_tok *hcl_peek(struct hcl_parser *);
const struct hcl_tok *hcl_next(struct hcl_parser *);
int	 hcl_is(struct hcl_parser *, const struct hcl_tok *, const char *);
void	 hcl_skip_to(struct hcl_parser *, int);
const char *hcl_quote(struct hcl_parser *, const char *, size_t);
const char *hcl_tok_desc(struct hcl_parser *, const struct hcl_tok *);
void	 hcl_perr(struct hcl_parser *, const struct hcl_tok *,
	    const char *, ...) __attribute__((format(printf, 3, 4)));
struct hcl_range hcl_closer(struct hcl_parser *, int, const struct hcl_tok *,
	    const char *);
const char *hcl_tok_text(struct hcl_parser *, const struct hcl_tok *);

/* hcl_tmpl.c */
const char *hcl_tmpl_text(struct hcl_parser *, const struct hcl_tok *,
	    int, int, unsigned int, size_t *);

/* hcl_expr.c */
struct hcl_expr *hcl_parse_expr(struct hcl_parser *);

#endif /* HCL_IMPL_H */
