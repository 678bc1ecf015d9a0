/* SPDX-License-Identifier: ISC */
/*
 * HCL2 native syntax, the language of Terraform's .tf files: text into
 * a syntax tree in which every node knows where it was written.
 * Nothing is evaluated: a reference stays a reference and a template
 * keeps its parts, so that a later stage can trace any value back to
 * the text.  Part of the input layer, written from the specification
 * (hashicorp/hcl hclsyntax/spec.md).
 *
 * Every string and struct of the tree lives in the arena given to
 * hcl_parse(); the tree never points into the input except through
 * hcl_file.data.  Strings are NUL-terminated; a template literal also
 * has a length, because "\u0000" may put a NUL inside it.
 */
#ifndef HCL_H
#define HCL_H

#include <stddef.h>

struct arena;
struct buf;
struct diags;
struct loc;

/*
 * Limits on hostile input.  HCL_MAX_DEPTH is LOAD_MAX_DEPTH, which the
 * input layer cannot include: it bounds the nesting of blocks, of
 * expressions and of templates together, and the height of every
 * expression (struct hcl_expr.height), so that a walker recursing over
 * a tree goes at most that deep per expression.  The caller bounds the
 * size of a file (LOAD_MAX_FILE_SIZE).
 */
#define HCL_MAX_DEPTH		256
#define HCL_MAX_TOKENS		10000000	/* per file */
#define HCL_MAX_NODES		10000000	/* expressions, per file */
#define HCL_MAX_TEMPLATE	(1024UL * 1024)	/* source bytes of one
						   string or heredoc */
#define HCL_MAX_ERRORS		20		/* per file, then one "too
						   many errors" */

/* A comment is kept when its text starts with this, in any case. */
#define HCL_COMMENT_NAME	"irsalint"

/* A place in the input. */
struct hcl_pos {
	size_t		 off;	/* bytes from the start of the data */
	unsigned int	 line;	/* 1-based */
	unsigned int	 col;	/* 1-based, in code points; a tab is one */
};

/* A span of the input; end is exclusive.  Empty when start == end. */
struct hcl_range {
	struct hcl_pos	 start;	/* the first byte */
	struct hcl_pos	 end;	/* just past the last one */
};

enum hcl_expr_kind {
	HCL_EXPR_INVALID = 0,	/* where a syntax error was; no fields */
	HCL_EXPR_LITERAL,	/* u.lit: a number, a bool or null */
	HCL_EXPR_TEMPLATE,	/* u.tmpl: a quoted string or a heredoc */
	HCL_EXPR_TUPLE,		/* u.tuple: [a, b] */
	HCL_EXPR_OBJECT,	/* u.object: {k = v} */
	HCL_EXPR_CALL,		/* u.call: f(a, b) */
	HCL_EXPR_FOR,		/* u.forx: [for ...] or {for ...} */
	HCL_EXPR_COND,		/* u.cond: c ? a : b */
	HCL_EXPR_UNARY,		/* u.op: -x, !x */
	HCL_EXPR_BINARY,	/* u.op: a + b */
	HCL_EXPR_TRAVERSAL,	/* u.trav: a variable and its steps */
	HCL_EXPR_RELATIVE,	/* u.trav: steps after another expression */
	HCL_EXPR_PAREN		/* u.paren: (x) */
};

enum hcl_lit_kind {
	HCL_LIT_NUMBER,
	HCL_LIT_BOOL,
	HCL_LIT_NULL
};

struct hcl_lit {
	enum hcl_lit_kind	 kind;	/* number, bool or null */
	const char		*text;	/* as written: "1.5e3", "true" */
	int			 b;	/* HCL_LIT_BOOL: the value */
};

/*
 * A "${" or "%{" sequence of a template, from its opening characters
 * to its "}".  A strip marker removes the white space (newlines too)
 * of the adjacent literal, and the literal's text already has it
 * removed.
 */
struct hcl_seq {
	struct hcl_range	 range;		/* "${" or "%{" through "}" */
	int			 strip_before;	/* "${~" or "%{~" */
	int			 strip_after;	/* "~}" */
};

/* The parts of a template, or of a directive's branch, in order. */
struct hcl_template {
	struct hcl_part		*parts;		/* in written order */
	size_t			 nparts;	/* 0: an empty string */
	unsigned int		 height;	/* 1 + the highest part */
};

enum hcl_part_kind {
	HCL_PART_LITERAL,	/* text */
	HCL_PART_INTERP,	/* ${expr} */
	HCL_PART_IF,		/* %{if expr}then%{else}els%{endif} */
	HCL_PART_FOR		/* %{for key, value in expr}then%{endfor} */
};

struct hcl_part {
	enum hcl_part_kind	 kind;	/* which fields below are set */
	/*
	 * LITERAL: the text as written; the others: from the first
	 * sequence's start to the last one's end.
	 */
	struct hcl_range	 range;
	/*
	 * LITERAL: the value, with escapes decoded (quoted strings only),
	 * "$${" and "%%{" turned into "${" and "%{", a flush heredoc's
	 * indentation and strip markers' white space removed.
	 */
	const char		*text;	/* LITERAL: arena, NUL-terminated */
	size_t			 len;	/* LITERAL: bytes of text */
	/*
	 * INTERP: seq[0] is the interpolation.  IF: seq[0] "%{if}",
	 * seq[1] "%{else}" (empty range without one), seq[2] "%{endif}".
	 * FOR: seq[0] "%{for}", seq[2] "%{endfor}".  A missing closing
	 * directive leaves an empty range.
	 */
	struct hcl_seq		 seq[3];	/* see above */
	struct hcl_expr		*expr;	/* INTERP: the value; IF: the
					   condition; FOR: the collection */
	struct hcl_template	 then;	/* IF: when true; FOR: the body */
	struct hcl_template	 els;	/* IF: when false (may be empty) */
	const char		*key;	/* FOR: the key name or NULL */
	const char		*value;	/* FOR: the value name */
	struct hcl_range	 key_range;	/* FOR: of key, if any */
	struct hcl_range	 value_range;	/* FOR: of value */
};

struct hcl_tmpl_expr {
	struct hcl_template	 body;		/* the parts */
	int			 heredoc;	/* <<EOF or <<-EOF */
	int			 flush;		/* <<-EOF */
	const char		*marker;	/* heredoc: "EOF" */
	struct hcl_range	 open;		/* '"' or "<<EOF" */
	struct hcl_range	 close;		/* '"' or the closing
						   marker; empty when
						   missing */
};

struct hcl_tuple {
	struct hcl_expr		**v;	/* the items, in order */
	size_t			  n;	/* how many */
};

/* An item of an object constructor. */
struct hcl_item {
	struct hcl_expr		*key;		/* never NULL */
	/*
	 * A bare identifier key is a literal key, not a variable: its
	 * name (key is then a traversal without steps).  NULL for any
	 * other key, including "(name)", which evaluates name.
	 */
	const char		*key_name;
	struct hcl_range	 sep;		/* '=' or ':' */
	int			 colon;		/* sep is ':' */
	struct hcl_expr		*value;		/* never NULL */
};

struct hcl_object {
	struct hcl_item		*v;	/* the items, in order */
	size_t			 n;	/* how many */
};

struct hcl_call {
	const char		*name;	/* "lookup", "provider::aws::arn_parse" */
	struct hcl_range	 name_range;	/* all of it, "::" included */
	struct hcl_expr		**args;		/* in order */
	size_t			  nargs;	/* how many */
	int			  expand;	/* "..." after the last one */
	struct hcl_range	  open, close;	/* the parentheses; close
						   empty when missing */
};

struct hcl_for {
	const char		*key;	/* NULL when only one name is given */
	const char		*value;	/* the one name, or the second */
	struct hcl_range	 key_range;	/* of key, if any */
	struct hcl_range	 value_range;	/* of value */
	struct hcl_expr		*coll;	/* after "in" */
	struct hcl_expr		*kexpr;	/* object form: before "=>"; else NULL */
	struct hcl_expr		*vexpr;	/* the element, or the value */
	struct hcl_expr		*cond;	/* after "if", or NULL */
	int			 object;	/* {for ...} */
	int			 group;		/* "..." after the value */
};

/* cond ? then : els, none of them NULL */
struct hcl_cond {
	struct hcl_expr		*cond;	/* before '?' */
	struct hcl_expr		*then;	/* between '?' and ':' */
	struct hcl_expr		*els;	/* after ':' */
};

enum hcl_op {
	HCL_OP_NEG,		/* unary - */
	HCL_OP_NOT,		/* unary ! */
	HCL_OP_MUL, HCL_OP_DIV, HCL_OP_MOD,
	HCL_OP_ADD, HCL_OP_SUB,
	HCL_OP_GT, HCL_OP_GE, HCL_OP_LT, HCL_OP_LE,
	HCL_OP_EQ, HCL_OP_NE,
	HCL_OP_AND,
	HCL_OP_OR
};

struct hcl_opx {
	enum hcl_op		 op;		/* which one */
	struct hcl_range	 op_range;	/* the operator */
	struct hcl_expr		*lhs;		/* NULL for a unary one */
	struct hcl_expr		*rhs;		/* the operand of a unary one */
};

enum hcl_step_kind {
	HCL_STEP_ATTR,		/* .name */
	HCL_STEP_INDEX,		/* [expr] */
	HCL_STEP_LEGACY,	/* .0, an index written as an attribute */
	HCL_STEP_SPLAT_ATTR,	/* .* */
	HCL_STEP_SPLAT_FULL	/* [*] */
};

/*
 * Steps are in written order.  The steps after a splat apply to each
 * element: after ".*" the attribute steps up to the next index or
 * splat, after "[*]" every step up to the next splat.
 */
struct hcl_step {
	enum hcl_step_kind	 kind;	/* which fields below are set */
	struct hcl_range	 range;	/* from the '.' or '[' */
	const char		*name;	/* ATTR: the name; LEGACY: the digits */
	struct hcl_expr		*index;	/* INDEX: the key */
};

/* "aws_iam_role.app.arn": root "aws_iam_role", steps .app and .arn. */
struct hcl_trav {
	const char		*root;	/* TRAVERSAL: the variable */
	struct hcl_range	 root_range;	/* TRAVERSAL: of root */
	struct hcl_expr		*base;	/* RELATIVE: what the steps apply to */
	struct hcl_step		*steps;		/* in written order */
	size_t			 nsteps;	/* RELATIVE: at least one */
};

struct hcl_expr {
	enum hcl_expr_kind	 kind;		/* which member of u is set */
	struct hcl_range	 range;		/* all of the expression */
	unsigned int		 height;	/* 1 + the highest child; at
						   most HCL_MAX_DEPTH */
	union {
		struct hcl_lit		 lit;		/* LITERAL */
		struct hcl_tmpl_expr	 tmpl;		/* TEMPLATE */
		struct hcl_tuple	 tuple;		/* TUPLE */
		struct hcl_object	 object;	/* OBJECT */
		struct hcl_call		 call;		/* CALL */
		struct hcl_for		 forx;		/* FOR */
		struct hcl_cond		 cond;		/* COND */
		struct hcl_opx		 op;		/* UNARY, BINARY */
		struct hcl_trav		 trav;		/* TRAVERSAL, RELATIVE */
		struct hcl_expr		*paren;		/* PAREN: the inside */
	} u;
};

/* name = expr */
struct hcl_attr {
	const char		*name;		/* "assume_role_policy" */
	struct hcl_range	 name_range;	/* of name */
	struct hcl_range	 eq;		/* the '=' */
	struct hcl_expr		*expr;		/* never NULL */
	struct hcl_range	 range;		/* name through expr */
};

struct hcl_label {
	const char		*text;	/* decoded */
	struct hcl_range	 range;	/* quotes included */
	int			 quoted;	/* "x" rather than a bare x */
};

/*
 * Attributes and blocks, each in file order.  An attribute set twice
 * is an error, and both are kept.
 */
struct hcl_body {
	struct hcl_attr		*attrs;		/* in file order */
	size_t			 nattrs;	/* how many */
	struct hcl_block	*blocks;	/* in file order */
	size_t			 nblocks;	/* how many */
	struct hcl_range	 range;	/* the file, or between the braces */
};

/* type label... { body } */
struct hcl_block {
	const char		*type;	/* "resource" */
	struct hcl_range	 type_range;	/* of type */
	struct hcl_label	*labels;	/* "aws_iam_role", "app" */
	size_t			 nlabels;	/* how many */
	struct hcl_range	 open;	/* '{' */
	struct hcl_range	 close;	/* '}'; empty when missing */
	struct hcl_body		 body;	/* what the braces hold */
	struct hcl_range	 range;	/* type through '}' */
};

/*
 * A comment whose text starts with HCL_COMMENT_NAME, as written; what
 * it means is for a later stage to decide.
 */
struct hcl_comment {
	struct hcl_range	 range;	/* opener through the end */
	const char		*text;	/* after the opener ("#", "//" or
					   slash-star) and blanks, to the
					   end of the line, a '\r' kept, or
					   to the closing star-slash */
	/*
	 * The line the comment applies to: its own for a trailing
	 * comment, else the next line with content; 0 when none follows.
	 */
	unsigned int		 target;
};

struct hcl_file {
	const char		*name;		/* as given to hcl_parse() */
	const char		*data;		/* the input, not copied */
	size_t			 len;		/* its length */
	struct hcl_body		 body;		/* the file's */
	struct hcl_comment	*comments;	/* in file order */
	size_t			 ncomments;	/* how many */
	size_t			 nerrors;	/* errors reported */
};

/*
 * Parse a file.  Errors go to dg as diag_error() at their position,
 * at most HCL_MAX_ERRORS of them; the parser recovers at the next line
 * or closing brace, so the tree holds everything it could read.  Never
 * returns NULL.  file is an arena string the tree keeps; data need
 * only outlive the use of hcl_file.data.
 */
struct hcl_file	*hcl_parse(struct arena *, struct diags *, const char *file,
		    const char *data, size_t len);

/*
 * A template file (what templatefile() reads): all of it a template,
 * as a heredoc's body without its markers.  Never returns NULL; the
 * errors, as hcl_parse()'s, in *nerrors when it is not NULL.
 */
struct hcl_expr	*hcl_parse_template(struct arena *, struct diags *,
		    const char *file, const char *data, size_t len,
		    size_t *nerrors);

/* The diagnostic position of a range of f. */
void		 hcl_loc(const struct hcl_file *, const struct hcl_range *,
		    struct loc *);

/* The first attribute named name in b, or NULL. */
const struct hcl_attr *hcl_attr_get(const struct hcl_body *, const char *);

/*
 * The value of a template made of literals only ("name", or a heredoc
 * without interpolations), with its length in *len if len is not NULL;
 * NULL for any other expression.
 */
const char	*hcl_expr_string(const struct hcl_expr *, size_t *len);

/*
 * What an expression stands for without its wrapping: the expression
 * of a template that is exactly one interpolation ("${x}" is x, not a
 * string), and the inside of parentheses, repeatedly.
 */
const struct hcl_expr *hcl_expr_unwrap(const struct hcl_expr *);

const char	*hcl_op_name(enum hcl_op);	/* "+", "&&", "!" */

/*
 * A printed form for tests and tools: one line per attribute, blocks
 * indented, expressions as S-expressions: (+ a (* b c)), (call f a b...),
 * (tmpl "text" (${ x)), var.x[0].*.id; no positions.
 */
void		 hcl_dump_body(struct buf *, const struct hcl_body *);
void		 hcl_dump_expr(struct buf *, const struct hcl_expr *);

#endif /* HCL_H */
