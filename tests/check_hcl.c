/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of the HCL parser: every construct of the native syntax
 * with its positions, precedence, templates and heredocs, and the
 * errors, with their positions, that hostile or broken input gets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "comment.h"
#include "diag.h"
#include "hcl.h"
#include "load.h"

static struct arena	 a;
static struct diags	 dg;
static struct hcl_file	*f;

static void
setup(void)
{
	memset(&a, 0, sizeof(a));
	diags_init(&dg, &a);
	f = NULL;
}

static void
teardown(void)
{
	diags_release(&dg);
	arena_release(&a);
}

static struct hcl_file *
parsen(const char *s, size_t len)
{
	f = hcl_parse(&a, &dg, "t.tf", s, len);
	ck_assert_ptr_nonnull(f);
	return f;
}

static struct hcl_file *
parse(const char *s)
{
	return parsen(s, strlen(s));
}

/* Parse s, which must have no error. */
static struct hcl_file *
parse_ok(const char *s)
{
	size_t	 i;

	parse(s);
	for (i = 0; i < dg.n; i++)
		fprintf(stderr, "unexpected: %u:%u: %s\n", dg.v[i]->loc.line,
		    dg.v[i]->loc.col, dg.v[i]->msg);
	ck_assert_uint_eq(dg.n, 0);
	return f;
}

/* The errors, sorted, one "line:col-line:col: msg" a line. */
static const char *
errs(void)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 i;

	diags_sort(&dg);
	for (i = 0; i < dg.n; i++)
		buf_addf(&b, "%u:%u-%u:%u: %s\n", dg.v[i]->loc.line,
		    dg.v[i]->loc.col, dg.v[i]->loc.end_line,
		    dg.v[i]->loc.end_col, dg.v[i]->msg);
	s = arena_strdup(&a, b.buf);
	buf_release(&b);
	return s;
}

static const struct hcl_expr *
attr(const struct hcl_body *b, const char *name)
{
	const struct hcl_attr	*at = hcl_attr_get(b, name);

	ck_assert_msg(at != NULL, "no attribute %s", name);
	return at->expr;
}

static const char *
dump(const struct hcl_expr *e)
{
	struct buf	 b = BUF_INIT;
	const char	*s;

	hcl_dump_expr(&b, e);
	s = arena_strdup(&a, b.buf);
	buf_release(&b);
	return s;
}

/* The printed form of the expression of "x = src". */
static const char *
expr_of(const char *src)
{
	struct buf	 b = BUF_INIT;

	buf_addf(&b, "x = %s\n", src);
	parse_ok(arena_strdup(&a, b.buf));
	buf_release(&b);
	return dump(attr(&f->body, "x"));
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*fp;
	char	*s;
	long	 n;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	s = arena_alloc(&a, (size_t)n + 1);
	ck_assert_uint_eq(fread(s, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return s;
}

#define ck_pos(p, l, c)	do {						\
	ck_assert_uint_eq((p).line, (l));				\
	ck_assert_uint_eq((p).col, (c));				\
} while (0)
#define ck_range(r, l1, c1, l2, c2)	do {				\
	ck_pos((r).start, (l1), (c1));					\
	ck_pos((r).end, (l2), (c2));					\
} while (0)

START_TEST(limits_agree_with_the_loaders)
{
	ck_assert_int_eq(HCL_MAX_DEPTH, LOAD_MAX_DEPTH);
	ck_assert_str_eq(HCL_COMMENT_NAME, COMMENT_NAME);
}
END_TEST

START_TEST(empty_and_comment_only_files)
{
	parse_ok("");
	ck_assert_uint_eq(f->body.nattrs + f->body.nblocks, 0);
	parse_ok("# hash\n// slash\n/* block\n comment */\n");
	ck_assert_uint_eq(f->body.nattrs + f->body.nblocks, 0);
	parse_ok("a = 1 # trailing");
	ck_assert_uint_eq(f->body.nattrs, 1);
}
END_TEST

START_TEST(comments_of_three_forms_are_blanks)
{
	parse_ok("a = 1 // one\nb /* inline */ = 2 # two\n/* x\n */ c = 3\n");
	ck_assert_str_eq(dump(attr(&f->body, "a")), "1");
	ck_assert_str_eq(dump(attr(&f->body, "b")), "2");
	ck_assert_str_eq(dump(attr(&f->body, "c")), "3");
	ck_assert_uint_eq(f->ncomments, 0);
}
END_TEST

START_TEST(irsalint_comments_are_kept_raw)
{
	const struct hcl_comment	*c;

	parse_ok("# irsalint:ignore rule-a\n\na = 1\nb = 2 // IRSALINT:ignore "
	    "rule-b\r\n/* irsalint: block */ c = 3\n# not ours\n"
	    "#irsalint last\n");
	ck_assert_uint_eq(f->ncomments, 4);
	c = &f->comments[0];
	ck_assert_str_eq(c->text, "irsalint:ignore rule-a");
	ck_range(c->range, 1, 1, 1, 25);
	ck_assert_uint_eq(c->target, 3);
	c = &f->comments[1];
	ck_assert_str_eq(c->text, "IRSALINT:ignore rule-b\r");
	ck_pos(c->range.start, 4, 7);
	ck_assert_uint_eq(c->target, 4);
	c = &f->comments[2];
	ck_assert_str_eq(c->text, "irsalint: block ");
	ck_range(c->range, 5, 1, 5, 22);
	ck_assert_uint_eq(c->target, 5);
	ck_assert_uint_eq(f->comments[3].target, 0);
}
END_TEST

START_TEST(block_positions_of_type_labels_braces)
{
	const struct hcl_block	*k;
	const struct hcl_attr	*at;

	parse_ok("resource \"aws_iam_role\" app {\n  name = \"x\"\n}\n");
	ck_assert_uint_eq(f->body.nblocks, 1);
	k = &f->body.blocks[0];
	ck_assert_str_eq(k->type, "resource");
	ck_range(k->type_range, 1, 1, 1, 9);
	ck_assert_uint_eq(k->nlabels, 2);
	ck_assert_str_eq(k->labels[0].text, "aws_iam_role");
	ck_assert_int_eq(k->labels[0].quoted, 1);
	ck_range(k->labels[0].range, 1, 10, 1, 24);
	ck_assert_str_eq(k->labels[1].text, "app");
	ck_assert_int_eq(k->labels[1].quoted, 0);
	ck_range(k->labels[1].range, 1, 25, 1, 28);
	ck_range(k->open, 1, 29, 1, 30);
	ck_range(k->close, 3, 1, 3, 2);
	ck_range(k->range, 1, 1, 3, 2);
	ck_assert_uint_eq(k->open.start.off, 28);
	at = &k->body.attrs[0];
	ck_assert_str_eq(at->name, "name");
	ck_range(at->name_range, 2, 3, 2, 7);
	ck_range(at->eq, 2, 8, 2, 9);
	ck_range(at->expr->range, 2, 10, 2, 13);
	ck_range(at->range, 2, 3, 2, 13);
}
END_TEST

START_TEST(bodies_keep_file_order_and_nesting)
{
	const struct hcl_body	*b;

	parse_ok("a = 1\nx {\n  y {\n    z = 2\n  }\n  w = 3\n}\nb = 4\n");
	ck_assert_uint_eq(f->body.nattrs, 2);
	ck_assert_str_eq(f->body.attrs[0].name, "a");
	ck_assert_str_eq(f->body.attrs[1].name, "b");
	b = &f->body.blocks[0].body;
	ck_assert_uint_eq(b->nattrs, 1);
	ck_assert_uint_eq(b->nblocks, 1);
	ck_assert_str_eq(b->blocks[0].body.attrs[0].name, "z");
	ck_range(b->range, 2, 4, 7, 1);
}
END_TEST

START_TEST(one_line_blocks)
{
	parse_ok("a { b = 1 }\nc {}\nd \"x\" y { e = [1, 2] }\n");
	ck_assert_uint_eq(f->body.nblocks, 3);
	ck_assert_str_eq(dump(f->body.blocks[0].body.attrs[0].expr), "1");
	ck_assert_uint_eq(f->body.blocks[1].body.nattrs, 0);
	ck_range(f->body.blocks[1].close, 2, 4, 2, 5);
	ck_assert_uint_eq(f->body.blocks[2].nlabels, 2);
}
END_TEST

START_TEST(identifiers_may_hold_dashes)
{
	parse_ok("caller-id = data.aws_caller_identity.caller-id.account_id\n"
	    "minus = a - b\n");
	ck_assert_str_eq(f->body.attrs[0].name, "caller-id");
	ck_assert_str_eq(dump(attr(&f->body, "caller-id")),
	    "data.aws_caller_identity.caller-id.account_id");
	/* Without blanks, "a-b" is one name. */
	ck_assert_str_eq(expr_of("a-b"), "a-b");
	ck_assert_str_eq(expr_of("a - b"), "(- a b)");
}
END_TEST

START_TEST(literals_numbers_bools_null)
{
	const struct hcl_expr	*e;

	ck_assert_str_eq(expr_of("[1, 1.5, 1e3, 2.5E-3, 7e+2, true, false, "
	    "null]"), "(tuple 1 1.5 1e3 2.5E-3 7e+2 true false null)");
	parse_ok("t = true\nn = null\nd = 3.25\n");
	e = attr(&f->body, "t");
	ck_assert_int_eq(e->kind, HCL_EXPR_LITERAL);
	ck_assert_int_eq(e->u.lit.kind, HCL_LIT_BOOL);
	ck_assert_int_eq(e->u.lit.b, 1);
	ck_assert_int_eq(attr(&f->body, "n")->u.lit.kind, HCL_LIT_NULL);
	e = attr(&f->body, "d");
	ck_assert_int_eq(e->u.lit.kind, HCL_LIT_NUMBER);
	ck_assert_str_eq(e->u.lit.text, "3.25");
	ck_range(e->range, 3, 5, 3, 9);
}
END_TEST

START_TEST(tuples_with_trailing_comma_and_newlines)
{
	const struct hcl_expr	*e;

	ck_assert_str_eq(expr_of("[1, \"a\", [], ]"),
	    "(tuple 1 (tmpl \"a\") (tuple))");
	ck_assert_str_eq(expr_of("[\n  1,\n  2\n]"), "(tuple 1 2)");
	parse_ok("x = [\n 1,\n 2,\n]\n");
	e = attr(&f->body, "x");
	ck_assert_int_eq(e->kind, HCL_EXPR_TUPLE);
	ck_assert_uint_eq(e->u.tuple.n, 2);
	ck_range(e->range, 1, 5, 4, 2);
	ck_range(e->u.tuple.v[1]->range, 3, 2, 3, 3);
}
END_TEST

START_TEST(objects_keys_and_separators)
{
	const struct hcl_expr	*e;
	const struct hcl_item	*it;

	parse_ok("x = {\n  bare = 1\n  \"quoted\" : 2\n  (var.k) = 3, o = 4,\n"
	    "  true = 5\n}\n");
	e = attr(&f->body, "x");
	ck_assert_int_eq(e->kind, HCL_EXPR_OBJECT);
	ck_assert_uint_eq(e->u.object.n, 5);
	it = &e->u.object.v[0];
	ck_assert_str_eq(it->key_name, "bare");
	ck_range(it->key->range, 2, 3, 2, 7);
	ck_range(it->sep, 2, 8, 2, 9);
	ck_assert_int_eq(it->colon, 0);
	it = &e->u.object.v[1];
	ck_assert_ptr_null(it->key_name);
	ck_assert_str_eq(hcl_expr_string(it->key, NULL), "quoted");
	ck_assert_int_eq(it->colon, 1);
	it = &e->u.object.v[2];
	ck_assert_ptr_null(it->key_name);
	ck_assert_int_eq(it->key->kind, HCL_EXPR_PAREN);
	ck_assert_str_eq(dump(it->key), "(paren var.k)");
	ck_assert_str_eq(e->u.object.v[3].key_name, "o");
	ck_assert_str_eq(e->u.object.v[4].key_name, "true");
	ck_assert_str_eq(expr_of("{}"), "(object)");
	ck_assert_str_eq(expr_of("{ a = 1, b = 2 }"), "(object (a 1) (b 2))");
	ck_assert_str_eq(expr_of("{ a.b = 1 }"), "(object (a.b 1))");
}
END_TEST

START_TEST(function_calls_expand_and_provider_functions)
{
	const struct hcl_expr	*e;

	ck_assert_str_eq(expr_of("f()"), "(call f)");
	ck_assert_str_eq(expr_of("f(1, 2, )"), "(call f 1 2)");
	ck_assert_str_eq(expr_of("concat(a, list...)"),
	    "(call concat a list...)");
	ck_assert_str_eq(expr_of("f(\n  1,\n  2\n)"), "(call f 1 2)");
	parse_ok("x = provider::aws::arn_parse(var.arn).account_id\n");
	e = attr(&f->body, "x");
	ck_assert_int_eq(e->kind, HCL_EXPR_RELATIVE);
	e = e->u.trav.base;
	ck_assert_int_eq(e->kind, HCL_EXPR_CALL);
	ck_assert_str_eq(e->u.call.name, "provider::aws::arn_parse");
	ck_range(e->u.call.name_range, 1, 5, 1, 29);
	ck_range(e->u.call.open, 1, 29, 1, 30);
	ck_range(e->u.call.close, 1, 37, 1, 38);
	ck_assert_uint_eq(e->u.call.nargs, 1);
	ck_assert_int_eq(e->u.call.expand, 0);
}
END_TEST

START_TEST(for_expressions_tuple_and_object)
{
	const struct hcl_expr	*e;
	const struct hcl_for	*fx;

	ck_assert_str_eq(expr_of("[for s in var.l : upper(s) if s != \"\"]"),
	    "(for-tuple _ s var.l (call upper s) (if (!= s (tmpl))))");
	ck_assert_str_eq(expr_of("[for i, v in l : v]"),
	    "(for-tuple i v l v)");
	ck_assert_str_eq(expr_of("{for k, v in m : v => k...}"),
	    "(for-object k v m v k...)");
	ck_assert_str_eq(expr_of("{\n  for k, v in m : k => v\n  if v != null\n}"),
	    "(for-object k v m k v (if (!= v null)))");
	/* A "for" not first is a key or a variable like any other. */
	ck_assert_str_eq(expr_of("{a = 1, for = 2}"), "(object (a 1) (for 2))");
	ck_assert_str_eq(expr_of("[(for), 1]"), "(tuple (paren for) 1)");
	parse_ok("x = {for k, v in m : k => v}\n");
	e = attr(&f->body, "x");
	fx = &e->u.forx;
	ck_assert_int_eq(fx->object, 1);
	ck_assert_str_eq(fx->key, "k");
	ck_range(fx->key_range, 1, 10, 1, 11);
	ck_assert_str_eq(fx->value, "v");
	ck_range(fx->value_range, 1, 13, 1, 14);
	ck_assert_ptr_null(fx->cond);
	ck_range(e->range, 1, 5, 1, 29);
}
END_TEST

START_TEST(conditionals_group_to_the_right)
{
	ck_assert_str_eq(expr_of("a ? b : c ? d : e"), "(? a b (? c d e))");
	ck_assert_str_eq(expr_of("a ? b ? c : d : e"), "(? a (? b c d) e)");
	ck_assert_str_eq(expr_of("a || b ? c + 1 : d"),
	    "(? (|| a b) (+ c 1) d)");
	ck_assert_str_eq(expr_of("(a\n  ? b\n  : c)"), "(paren (? a b c))");
}
END_TEST

START_TEST(unary_binds_tightest)
{
	ck_assert_str_eq(expr_of("-a * b"), "(* (- a) b)");
	ck_assert_str_eq(expr_of("!a == b"), "(== (! a) b)");
	ck_assert_str_eq(expr_of("!!a"), "(! (! a))");
	ck_assert_str_eq(expr_of("- -1"), "(- (- 1))");
	ck_assert_str_eq(expr_of("-a.b[0]"), "(- a.b[0])");
}
END_TEST

START_TEST(binary_precedence_and_associativity)
{
	ck_assert_str_eq(expr_of("a || b && c"), "(|| a (&& b c))");
	ck_assert_str_eq(expr_of("a && b || c"), "(|| (&& a b) c)");
	ck_assert_str_eq(expr_of("a == b && c != d"),
	    "(&& (== a b) (!= c d))");
	ck_assert_str_eq(expr_of("a == b < c"), "(== a (< b c))");
	ck_assert_str_eq(expr_of("a < b + c"), "(< a (+ b c))");
	ck_assert_str_eq(expr_of("a >= b - c * d"), "(>= a (- b (* c d)))");
	ck_assert_str_eq(expr_of("a > b <= c"), "(<= (> a b) c)");
	ck_assert_str_eq(expr_of("a + b * c"), "(+ a (* b c))");
	ck_assert_str_eq(expr_of("a * b + c"), "(+ (* a b) c)");
	ck_assert_str_eq(expr_of("a - b - c"), "(- (- a b) c)");
	ck_assert_str_eq(expr_of("a / b * c % d"), "(% (* (/ a b) c) d)");
	ck_assert_str_eq(expr_of("a == b == c"), "(== (== a b) c)");
	ck_assert_str_eq(expr_of("(a + b) * c"), "(* (paren (+ a b)) c)");
	ck_assert_str_eq(expr_of("a || b || c"), "(|| (|| a b) c)");
}
END_TEST

START_TEST(operators_keep_their_positions)
{
	const struct hcl_expr	*e;

	parse_ok("x = a + b * c\n");
	e = attr(&f->body, "x");
	ck_assert_int_eq(e->kind, HCL_EXPR_BINARY);
	ck_assert_int_eq(e->u.op.op, HCL_OP_ADD);
	ck_range(e->u.op.op_range, 1, 7, 1, 8);
	ck_range(e->range, 1, 5, 1, 14);
	ck_range(e->u.op.rhs->range, 1, 9, 1, 14);
	ck_range(e->u.op.rhs->u.op.op_range, 1, 11, 1, 12);
	ck_assert_str_eq(hcl_op_name(HCL_OP_LE), "<=");
	ck_assert_str_eq(hcl_op_name(HCL_OP_NOT), "!");
}
END_TEST

START_TEST(references_of_every_kind)
{
	static const char *const refs[] = {
		"var.x", "local.y", "module.m.out", "each.key", "each.value.name",
		"count.index", "path.module", "aws_iam_role.x.arn",
		"data.aws_iam_policy_document.t.json", "aws_iam_role.this[0].arn",
		"module.irsa[\"a\"].iam_role_arn", "terraform.workspace"
	};
	size_t	 i;

	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
		ck_assert_str_eq(expr_of(refs[i]), i == 10 ?
		    "module.irsa[(tmpl \"a\")].iam_role_arn" : refs[i]);
}
END_TEST

START_TEST(traversal_steps_and_splats)
{
	const struct hcl_expr	*e;
	const struct hcl_trav	*t;

	parse_ok("x = aws_iam_role.x[count.index].arn\n");
	e = attr(&f->body, "x");
	ck_assert_int_eq(e->kind, HCL_EXPR_TRAVERSAL);
	t = &e->u.trav;
	ck_assert_str_eq(t->root, "aws_iam_role");
	ck_range(t->root_range, 1, 5, 1, 17);
	ck_assert_uint_eq(t->nsteps, 3);
	ck_assert_int_eq(t->steps[0].kind, HCL_STEP_ATTR);
	ck_assert_str_eq(t->steps[0].name, "x");
	ck_range(t->steps[0].range, 1, 17, 1, 19);
	ck_assert_int_eq(t->steps[1].kind, HCL_STEP_INDEX);
	ck_assert_str_eq(dump(t->steps[1].index), "count.index");
	ck_range(t->steps[1].range, 1, 19, 1, 32);
	ck_assert_str_eq(t->steps[2].name, "arn");
	ck_range(e->range, 1, 5, 1, 36);

	parse_ok("l = foo.0.1.bar\ns = a.*.b.c\nf = a[*].b[0]\n");
	t = &attr(&f->body, "l")->u.trav;
	ck_assert_uint_eq(t->nsteps, 3);
	ck_assert_int_eq(t->steps[0].kind, HCL_STEP_LEGACY);
	ck_assert_str_eq(t->steps[0].name, "0");
	ck_assert_int_eq(t->steps[1].kind, HCL_STEP_LEGACY);
	ck_assert_str_eq(t->steps[1].name, "1");
	t = &attr(&f->body, "s")->u.trav;
	ck_assert_int_eq(t->steps[0].kind, HCL_STEP_SPLAT_ATTR);
	ck_range(t->steps[0].range, 2, 6, 2, 8);
	t = &attr(&f->body, "f")->u.trav;
	ck_assert_int_eq(t->steps[0].kind, HCL_STEP_SPLAT_FULL);
	ck_range(t->steps[0].range, 3, 6, 3, 9);
	ck_assert_int_eq(t->steps[2].kind, HCL_STEP_INDEX);
	ck_assert_str_eq(dump(attr(&f->body, "f")), "a[*].b[0]");
}
END_TEST

START_TEST(steps_after_any_expression)
{
	const struct hcl_expr	*e;

	ck_assert_str_eq(expr_of("f(x)[0].y"), "(call f x)[0].y");
	ck_assert_str_eq(expr_of("[1, 2][0]"), "(tuple 1 2)[0]");
	ck_assert_str_eq(expr_of("(a).b"), "(paren a).b");
	ck_assert_str_eq(expr_of("{a = 1}.a"), "(object (a 1)).a");
	parse_ok("x = f(x)[*].id\n");
	e = attr(&f->body, "x");
	ck_assert_int_eq(e->kind, HCL_EXPR_RELATIVE);
	ck_assert_int_eq(e->u.trav.base->kind, HCL_EXPR_CALL);
	ck_assert_ptr_null(e->u.trav.root);
	ck_range(e->range, 1, 5, 1, 15);
}
END_TEST

START_TEST(template_parts_and_positions)
{
	const struct hcl_expr		*e;
	const struct hcl_tmpl_expr	*x;

	parse_ok("x = \"a-${var.b}-c\"\n");
	e = attr(&f->body, "x");
	ck_assert_int_eq(e->kind, HCL_EXPR_TEMPLATE);
	x = &e->u.tmpl;
	ck_assert_int_eq(x->heredoc, 0);
	ck_range(x->open, 1, 5, 1, 6);
	ck_range(x->close, 1, 18, 1, 19);
	ck_assert_uint_eq(x->body.nparts, 3);
	ck_assert_int_eq(x->body.parts[0].kind, HCL_PART_LITERAL);
	ck_assert_str_eq(x->body.parts[0].text, "a-");
	ck_range(x->body.parts[0].range, 1, 6, 1, 8);
	ck_assert_int_eq(x->body.parts[1].kind, HCL_PART_INTERP);
	ck_range(x->body.parts[1].seq[0].range, 1, 8, 1, 16);
	ck_range(x->body.parts[1].expr->range, 1, 10, 1, 15);
	ck_assert_str_eq(x->body.parts[2].text, "-c");
	ck_assert_ptr_null(hcl_expr_string(e, NULL));
	ck_assert_str_eq(expr_of("\"\""), "(tmpl)");
	ck_assert_str_eq(hcl_expr_string(attr(&f->body, "x"), NULL), "");
}
END_TEST

START_TEST(template_unwraps_a_lone_interpolation)
{
	const struct hcl_expr	*e;

	parse_ok("a = \"${var.x}\"\nb = \"${var.x}y\"\nc = (\"${(z)}\")\n");
	e = hcl_expr_unwrap(attr(&f->body, "a"));
	ck_assert_int_eq(e->kind, HCL_EXPR_TRAVERSAL);
	ck_assert_str_eq(dump(e), "var.x");
	e = attr(&f->body, "b");
	ck_assert_ptr_eq(hcl_expr_unwrap(e), e);
	ck_assert_str_eq(dump(hcl_expr_unwrap(attr(&f->body, "c"))), "z");
}
END_TEST

START_TEST(escapes_are_decoded)
{
	const char	*s;
	size_t		 len;

	parse_ok("x = \"t\\t n\\n r\\r q\\\" b\\\\ \\u00e9 \\U0001F600\"\n"
	    "y = \"a\\u0000b\"\nz = \"$${x} %%{y} $x %x\"\n");
	ck_assert_str_eq(hcl_expr_string(attr(&f->body, "x"), NULL),
	    "t\t n\n r\r q\" b\\ \xc3\xa9 \xf0\x9f\x98\x80");
	s = hcl_expr_string(attr(&f->body, "y"), &len);
	ck_assert_uint_eq(len, 3);
	ck_assert_int_eq(memcmp(s, "a\0b", 3), 0);
	ck_assert_str_eq(hcl_expr_string(attr(&f->body, "z"), NULL),
	    "${x} %{y} $x %x");
}
END_TEST

START_TEST(directives_if_else_for_and_strip_markers)
{
	const struct hcl_expr	*e;
	const struct hcl_part	*pt;

	parse_ok("x = \"%{ if a ~}  yes  %{~ else ~} no %{~ endif }\"\n");
	e = attr(&f->body, "x");
	ck_assert_uint_eq(e->u.tmpl.body.nparts, 1);
	pt = &e->u.tmpl.body.parts[0];
	ck_assert_int_eq(pt->kind, HCL_PART_IF);
	ck_assert_str_eq(dump(pt->expr), "a");
	ck_assert_uint_eq(pt->then.nparts, 1);
	ck_assert_str_eq(pt->then.parts[0].text, "yes");
	ck_assert_str_eq(pt->els.parts[0].text, "no");
	ck_range(pt->seq[0].range, 1, 6, 1, 16);
	ck_assert_int_eq(pt->seq[0].strip_before, 0);
	ck_assert_int_eq(pt->seq[0].strip_after, 1);
	ck_assert_int_eq(pt->seq[1].strip_before, 1);
	ck_assert_int_eq(pt->seq[1].strip_after, 1);
	ck_assert_int_eq(pt->seq[2].strip_before, 1);
	ck_assert_int_eq(pt->seq[2].strip_after, 0);
	ck_range(pt->seq[2].range, 1, 38, 1, 49);
	ck_range(pt->range, 1, 6, 1, 49);

	parse_ok("x = \"%{for k, v in m}${k}=${v};%{endfor}\"\n");
	pt = &attr(&f->body, "x")->u.tmpl.body.parts[0];
	ck_assert_int_eq(pt->kind, HCL_PART_FOR);
	ck_assert_str_eq(pt->key, "k");
	ck_assert_str_eq(pt->value, "v");
	ck_assert_str_eq(dump(pt->expr), "m");
	ck_assert_uint_eq(pt->then.nparts, 4);
	ck_assert_str_eq(expr_of("\"%{if a}b%{endif}\""),
	    "(tmpl (%if a (then \"b\") (else)))");
	ck_assert_str_eq(expr_of("\"%{for v in l}%{if v}${v}%{endif}%{endfor}\""),
	    "(tmpl (%for _ v l (do (%if v (then (${ v)) (else)))))");
}
END_TEST

START_TEST(strip_markers_trim_only_adjacent_literals)
{
	ck_assert_str_eq(expr_of("\"hello ${~ \"world\" }\""),
	    "(tmpl \"hello\" (${~ (tmpl \"world\")))");
	ck_assert_str_eq(expr_of("\"${\"hello\" ~}${\" world\"}\""),
	    "(tmpl (${ (tmpl \"hello\") ~) (${ (tmpl \" world\")))");
	ck_assert_str_eq(expr_of("\"a ${~x~} \\n b\""),
	    "(tmpl \"a\" (${~ x ~) \"b\")");
}
END_TEST

START_TEST(heredocs_plain_and_flush)
{
	const struct hcl_expr		*e;
	const struct hcl_tmpl_expr	*x;

	parse_ok("a = <<EOT\n    kept\n  EOT\nb = 1\n");
	e = attr(&f->body, "a");
	x = &e->u.tmpl;
	ck_assert_int_eq(x->heredoc, 1);
	ck_assert_int_eq(x->flush, 0);
	ck_assert_str_eq(x->marker, "EOT");
	ck_range(x->open, 1, 5, 1, 10);
	ck_range(x->close, 3, 3, 3, 6);
	ck_range(e->range, 1, 5, 3, 6);
	ck_assert_str_eq(hcl_expr_string(e, NULL), "    kept\n");
	ck_range(x->body.parts[0].range, 2, 1, 3, 1);
	ck_assert_str_eq(dump(attr(&f->body, "b")), "1");

	/* The specification's suite: hclsyntax/spec.md, specsuite. */
	ck_assert_str_eq(expr_of("<<-EOT\n    Foo\n      Bar\n    Baz\n  EOT"),
	    "(heredoc- EOT \"Foo\\n  Bar\\nBaz\\n\")");
	ck_assert_str_eq(expr_of("<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT"),
	    "(heredoc- EOT \"  Foo\\nBar\\n  Baz\\n\")");
	ck_assert_str_eq(expr_of("<<-EOT\n    Foo\n  ${b}\n    Baz\n  EOT"),
	    "(heredoc- EOT \"  Foo\\n\" (${ b) \"\\n  Baz\\n\")");
	ck_assert_str_eq(expr_of("<<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT"),
	    "(heredoc- EOT \"Foo\\n Bar\\n Baz\\n\")");
	ck_assert_str_eq(expr_of("<<-EOT\n    Foo\n\n    Bar\n  EOT"),
	    "(heredoc- EOT \"Foo\\n\\nBar\\n\")");
	ck_assert_str_eq(expr_of("<<-EOT\n   \xe2\x80\x83\xe2\x80\x83" "Foo\n"
	    "    Bar\nEOT"), "(heredoc- EOT \"\xe2\x80\x83" "Foo\\nBar\\n\")");
	ck_assert_str_eq(expr_of("<<EOT\n    NOT EOT\n  EOTX\nEOT"),
	    "(heredoc EOT \"    NOT EOT\\n  EOTX\\n\")");
	ck_assert_str_eq(expr_of("<<EOT\nEOT"), "(heredoc EOT)");
	/* No escapes in a heredoc, but "$${" still. */
	ck_assert_str_eq(expr_of("<<EOT\na\\nb $${c}\nEOT"),
	    "(heredoc EOT \"a\\\\nb ${c}\\n\")");
}
END_TEST

START_TEST(heredoc_directives_with_strip_markers)
{
	ck_assert_str_eq(expr_of("<<-EOS\n  #!/bin/sh\n"
	    "  %{ for ns in var.ns ~}\n  kubectl create ns ${ns}\n"
	    "  %{ endfor ~}\n  echo done\nEOS"),
	    "(heredoc- EOS \"#!/bin/sh\\n\" (%for _ ns var.ns (do "
	    "\"kubectl create ns \" (${ ns) \"\\n\")) \"echo done\\n\")");
}
END_TEST

/*
 * In a heredoc a strip marker trims its own line only: HCL reads the
 * text a line at a time.  terraform 1.11 console, templatefile() of
 * "a\n   %{~ if true }b%{ endif ~}   \n   c\n" is "a\nb   c\n".
 */
START_TEST(heredoc_strip_markers_trim_one_line)
{
	ck_assert_str_eq(expr_of("<<EOT\na\n   %{~ if true }b%{ endif ~}   "
	    "\n   c\nEOT"),
	    "(heredoc EOT \"a\\n\" (%if true (then \"b\") (else)) "
	    "\"   c\\n\")");
	/*
	 * A marker that opens its line takes the line before's newline:
	 * terraform 1.11 console, templatefile() of "a  \n${~x}\n" with
	 * x = "X" is "aX\n", of "a  \n\n${~x}\n" is "a  \nX\n" (the
	 * specsuite check with hashicorp/hcl found it).
	 */
	ck_assert_str_eq(expr_of("<<EOT\na  \n${~x}\nEOT"),
	    "(heredoc EOT \"a\" (${~ x) \"\\n\")");
	ck_assert_str_eq(expr_of("<<EOT\na  \n\n${~x}\nEOT"),
	    "(heredoc EOT \"a  \\n\" (${~ x) \"\\n\")");
}
END_TEST

/*
 * A template file as templatefile() reads it: all text, no markers;
 * what is open inside it at the end is an error, nothing else.
 */
START_TEST(template_files)
{
	struct buf	 b = BUF_INIT;
	struct hcl_expr	*e;
	size_t		 n;

	e = hcl_parse_template(&a, &dg, "t.tpl", "x ${y}\nEOF\n", 11, &n);
	ck_assert_msg(n == 0, "%s", errs());
	hcl_dump_expr(&b, e);
	ck_assert_str_eq(b.buf, "(heredoc  \"x \" (${ y) \"\\nEOF\\n\")");
	buf_reset(&b);
	e = hcl_parse_template(&a, &dg, "t.tpl", "", 0, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(e->kind, HCL_EXPR_TEMPLATE);
	ck_assert_uint_eq(e->u.tmpl.body.nparts, 0);
	/* A comment inside an interpolation (found by fuzz_hcl: a leak). */
	e = hcl_parse_template(&a, &dg, "t.tpl", "${x # c\n}", 9, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(e->kind, HCL_EXPR_TEMPLATE);
	e = hcl_parse_template(&a, &dg, "t.tpl", "open ${x", 8, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(errs(), "1:9-1:9: unterminated interpolation: the "
	    "\"${\" at 1:6 has no closing '}'\n");
	buf_release(&b);
}
END_TEST

START_TEST(heredoc_with_crlf_and_inside_a_call)
{
	parse_ok("a = <<EOF\r\nline\r\nEOF\r\nb = f(<<X\n1\nX\n, 2)\n");
	ck_assert_str_eq(hcl_expr_string(attr(&f->body, "a"), NULL),
	    "line\r\n");
	ck_assert_str_eq(dump(attr(&f->body, "b")),
	    "(call f (heredoc X \"1\\n\") 2)");
	ck_pos(f->body.attrs[1].name_range.start, 4, 1);
}
END_TEST

START_TEST(columns_count_code_points_bom_stripped)
{
	const struct hcl_expr	*e;

	parse_ok("\xef\xbb\xbf" "a = \"\xe6\x97\xa5\xe6\x9c\xac\" + b\n"
	    "\xc3\xbc = 1\n");
	ck_assert_uint_eq(f->body.attrs[0].name_range.start.off, 3);
	ck_range(f->body.attrs[0].name_range, 1, 1, 1, 2);
	e = attr(&f->body, "a");
	ck_range(e->u.op.rhs->range, 1, 12, 1, 13);
	ck_assert_str_eq(f->body.attrs[1].name, "\xc3\xbc");
	ck_range(f->body.attrs[1].name_range, 2, 1, 2, 2);
}
END_TEST

START_TEST(crlf_line_endings)
{
	parse_ok("a = 1\r\nb {\r\n  c = 2\r\n}\r\n");
	ck_pos(f->body.blocks[0].body.attrs[0].name_range.start, 3, 3);
	ck_range(f->body.blocks[0].close, 4, 1, 4, 2);
}
END_TEST

START_TEST(error_unterminated_string)
{
	parse("a = \"abc\nb = 2\n");
	ck_assert_str_eq(errs(), "1:9-1:10: unterminated string: the string "
	    "opened at 1:5 has no closing quote on its line\n");
	/* The next line is still read. */
	ck_assert_str_eq(dump(attr(&f->body, "b")), "2");
	ck_assert_str_eq(hcl_expr_string(attr(&f->body, "a"), NULL), "abc");
	teardown();
	setup();
	parse("a = \"abc");
	ck_assert_str_eq(errs(), "1:9-1:9: unterminated string: the string "
	    "opened at 1:5 has no closing quote\n");
}
END_TEST

START_TEST(error_unterminated_heredoc)
{
	parse("x {\n  a = <<-EOF\n  foo\n  EOFX\n");
	ck_assert_str_eq(errs(), "2:7-2:13: unterminated heredoc: no line "
	    "after this one holds only its marker \"EOF\"\n");
	ck_assert_uint_eq(f->nerrors, 1);
}
END_TEST

START_TEST(error_unclosed_braces)
{
	parse("a {\n  b = 1\n");
	ck_assert_str_eq(errs(), "1:3-1:4: unclosed block \"a\": this '{' "
	    "has no matching '}'\n");
	ck_assert_str_eq(dump(f->body.blocks[0].body.attrs[0].expr), "1");
	teardown();
	setup();
	parse("a = [1, 2\n");
	ck_assert_str_eq(errs(), "1:5-1:6: unclosed tuple: this '[' has no "
	    "matching ']'\n");
	teardown();
	setup();
	parse("a = f(1,\n");
	ck_assert_str_eq(errs(), "1:6-1:7: unclosed argument list: this '(' "
	    "has no matching ')'\n");
	teardown();
	setup();
	parse("}\na = 1\n");
	ck_assert_str_eq(errs(), "1:1-1:2: unexpected '}': no block is open\n");
}
END_TEST

START_TEST(error_bad_escape)
{
	parse("a = \"x\\qy\"\nb = \"\\u12\"\nc = \"\\uD800\"\n");
	ck_assert_str_eq(errs(), "1:7-1:9: invalid escape sequence \"\\q\": a "
	    "string knows \\n, \\r, \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN\n"
	    "2:6-2:10: invalid escape sequence: \\u needs 4 hexadecimal digits\n"
	    "3:6-3:12: invalid escape sequence \"\\uD800\": not a Unicode "
	    "character\n");
	ck_assert_uint_eq(f->body.nattrs, 3);
}
END_TEST

START_TEST(error_invalid_utf8_and_nul)
{
	static const char	 s[] = "a = \"\xff\xfe\"\n# \xc3\n"
	    "b = 1\x00\nc = 2\n";

	parsen(s, sizeof(s) - 1);
	ck_assert_str_eq(errs(),
	    "1:6-1:8: invalid UTF-8: byte 0xff... is not text; save the file "
	    "as UTF-8\n"
	    "2:3-2:4: invalid UTF-8: byte 0xc3 is not text; save the file as "
	    "UTF-8\n"
	    "3:6-3:7: NUL byte: a .tf file is text\n");
	ck_assert_str_eq(dump(attr(&f->body, "c")), "2");
}
END_TEST

START_TEST(error_depth_exceeded)
{
	struct buf	 b = BUF_INIT;
	int		 i;

	buf_adds(&b, "a = ");
	for (i = 0; i < 300; i++)
		buf_addc(&b, '[');
	parse(b.buf);
	ck_assert_str_eq(errs(), "1:261-1:262: nested too deeply: more than "
	    "256 levels\n");
	teardown();
	setup();
	buf_reset(&b);
	buf_adds(&b, "a = ");
	for (i = 0; i < 300; i++)
		buf_adds(&b, "\"${");
	parse(b.buf);
	ck_assert_str_eq(errs(), "1:389-1:389: nested too deeply: more than "
	    "256 strings and interpolations inside each other\n");
	teardown();
	setup();
	buf_reset(&b);
	buf_adds(&b, "a = x");
	for (i = 0; i < 300; i++)
		buf_adds(&b, " + x");
	parse(b.buf);
	ck_assert_str_eq(errs(), "1:5-1:1030: expression nested too deeply: "
	    "more than 256 levels\n");
	teardown();
	setup();
	buf_reset(&b);
	for (i = 0; i < 300; i++)
		buf_adds(&b, "a {\n");
	parse(b.buf);
	ck_assert_str_eq(errs(), "257:3-257:4: nested too deeply: more than "
	    "256 levels\n");
	buf_release(&b);
}
END_TEST

START_TEST(error_duplicate_attribute)
{
	parse("a = 1\nb = 2\na = 3\nx {\n  a = 4\n}\n");
	ck_assert_str_eq(errs(), "3:1-3:2: duplicate attribute \"a\": already "
	    "set at 1:1\n");
	ck_assert_uint_eq(f->body.nattrs, 3);
	ck_assert_str_eq(dump(hcl_attr_get(&f->body, "a")->expr), "1");
}
END_TEST

START_TEST(error_missing_equals)
{
	parse("description \"value\"\nname\ny : 2\n");
	ck_assert_str_eq(errs(),
	    "1:20-2:1: missing '=' after \"description\", or '{' to open a "
	    "block\n"
	    "2:5-3:1: missing '=' after \"name\", or '{' to open a block\n"
	    "3:3-3:4: missing '=' after \"y\": HCL assigns with '=', not ':'\n");
}
END_TEST

START_TEST(error_recovery_reports_each_statement)
{
	const struct hcl_body	*b;
	char			*s;
	size_t			 len;

	s = slurp("testdata/hcl/recovery.tf", &len);
	parsen(s, len);
	ck_assert_str_eq(errs(),
	    "2:15-2:17: invalid escape sequence \"\\q\": a string knows \\n, "
	    "\\r, \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN\n"
	    "6:9-7:1: missing value: \"name\" = needs an expression on the "
	    "same line\n"
	    "8:13-8:14: expected ',' or ']' in the tuple opened at 8:10, "
	    "found number 2\n"
	    "12:20-12:21: unterminated string: the string opened at 12:7 has "
	    "no closing quote on its line\n"
	    "14:3-14:4: duplicate attribute \"d\": already set at 13:3\n");
	ck_assert_uint_eq(f->body.nblocks, 3);
	b = &f->body.blocks[1].body;
	ck_assert_str_eq(dump(attr(b, "ok")), "true");
	ck_assert_str_eq(dump(attr(b, "b")), "(tuple 1)");
	ck_assert_str_eq(dump(attr(&f->body.blocks[2].body, "d")), "1");
	ck_assert_uint_eq(f->nerrors, 5);
}
END_TEST

START_TEST(error_cascades_are_cut)
{
	/* A newline ends an expression: one error, not one per line. */
	parse("a = 1 +\n  2\nb = 3\n");
	ck_assert_str_eq(errs(), "1:8-2:1: expected an expression, found a "
	    "newline: an expression that spans lines needs parentheses\n");
	ck_assert_str_eq(dump(attr(&f->body, "b")), "3");
	teardown();
	setup();
	parse("a = 'x'\nc = ${x}\nd = 1\nb = \"${x\"\n");
	ck_assert_str_eq(errs(),
	    "1:5-1:8: invalid character '\\'': HCL strings are in double "
	    "quotes\n"
	    "2:5-2:7: interpolation outside a string: \"${\" goes inside "
	    "double quotes\n"
	    "4:10-4:11: unterminated string: the string opened at 4:9 has no "
	    "closing quote on its line\n"
	    "5:1-5:1: unterminated interpolation: the \"${\" at 4:6 has no "
	    "closing '}'\n");
	ck_assert_str_eq(dump(attr(&f->body, "d")), "1");
}
END_TEST

START_TEST(error_one_line_blocks)
{
	/* The specification suite's single_oneline_invalid.hcl. */
	parse("a { b = \"foo\", c = \"bar\" }\na { b = \"foo\"\n}\n"
	    "a { b = \"foo\"\n  c = \"bar\" }\na { b = \"foo\"\n  c = \"bar\"\n}\n"
	    "a { d {} }\n");
	ck_assert_str_eq(errs(),
	    "1:14-1:15: a one-line block holds one attribute: give the block "
	    "a line for each\n"
	    "2:14-3:1: a one-line block must end with '}' on the same line as "
	    "its attribute\n"
	    "4:14-5:1: a one-line block must end with '}' on the same line as "
	    "its attribute\n"
	    "6:14-7:1: a one-line block must end with '}' on the same line as "
	    "its attribute\n"
	    "9:5-9:8: a one-line block cannot hold a block: give the outer "
	    "block a line for each\n");
	ck_assert_uint_eq(f->body.nblocks, 5);
	teardown();
	setup();
	parse("a = \"a value\", b = \"b value\"\n");
	ck_assert_str_eq(errs(), "1:14-1:15: expected a newline after the "
	    "value of \"a\", found ',': attributes are separated by newlines\n");
}
END_TEST

START_TEST(error_templates_directives)
{
	parse("x = \"%{ if a }b%{ endfor }\"\ny = \"%{endif}\"\n"
	    "z = \"%{ foo }\"\nw = \"${a b}\"\nl \"${x}\" {\n}\n");
	ck_assert_str_eq(errs(),
	    "1:16-1:18: missing %{endif} for the %{if} at 1:6\n"
	    "2:6-2:8: unexpected %{endif}: no %{if} is open\n"
	    "3:9-3:12: expected if, for, else, endif or endfor after '%{', "
	    "found \"foo\"\n"
	    "4:10-4:11: expected '}' to close the interpolation opened at 4:6, "
	    "found \"b\"\n"
	    "5:4-5:6: a block label is a plain string: found '${' in it\n");
	ck_assert_uint_eq(f->body.nattrs, 4);
}
END_TEST

START_TEST(error_expressions)
{
	parse("a = 1 2\nb = c ? d\nd = [for x in y : x => 1]\n"
	    "e = {for k in m : k}\nf = provider::aws\ng = f(a..., b)\n"
	    "h = a.\ni = <<EOF x\nj = @\n");
	ck_assert_str_eq(errs(),
	    "1:7-1:8: expected a newline after the value of \"a\", found number "
	    "2\n"
	    "2:10-3:1: expected ':' in the conditional expression, found a "
	    "newline: an expression that spans lines needs parentheses\n"
	    "3:21-3:23: unexpected '=>' in a tuple for: a key and value need "
	    "{for ...}\n"
	    "4:20-4:21: expected '=>' between the key and the value of an "
	    "object for, found '}'\n"
	    "5:18-6:1: expected '(' after the function name "
	    "\"provider::aws\": a name with '::' calls a provider function\n"
	    "6:11-6:12: expected ')' after '...': only the last argument can "
	    "be expanded\n"
	    "7:7-8:1: expected an attribute name after '.', found a newline\n"
	    "8:5-8:10: invalid heredoc: the line must end after the marker "
	    "\"EOF\"\n"
	    "9:5-9:6: invalid character '@'\n");
}
END_TEST

START_TEST(error_messages_cut_long_names)
{
	struct buf	 b = BUF_INIT;
	int		 i;

	for (i = 0; i < 1000; i++)
		buf_addc(&b, 'n');
	buf_adds(&b, "\n");
	parse(b.buf);
	buf_release(&b);
	ck_assert_str_eq(errs(), "1:1001-2:1: missing '=' after "
	    "\"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...\", or '{' to open a "
	    "block\n");
}
END_TEST

START_TEST(error_too_many_errors)
{
	struct buf	 b = BUF_INIT;
	int		 i;

	for (i = 0; i < 30; i++)
		buf_adds(&b, "a b c\n");
	parse(b.buf);
	buf_release(&b);
	ck_assert_uint_eq(dg.n, HCL_MAX_ERRORS + 1);
	ck_assert_uint_eq(f->nerrors, HCL_MAX_ERRORS + 1);
	diags_sort(&dg);
	ck_assert_str_eq(dg.v[HCL_MAX_ERRORS]->msg,
	    "too many errors: giving up on this file after 20");
	ck_assert_uint_eq(dg.v[HCL_MAX_ERRORS]->loc.line, 21);
}
END_TEST

START_TEST(hostile_long_lines_and_big_templates)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	/* A long line and a long string are fine up to the limit... */
	buf_adds(&b, "a = \"");
	for (i = 0; i < HCL_MAX_TEMPLATE - 10; i++)
		buf_addc(&b, 'x');
	buf_adds(&b, "\"\nb = [");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "1,");
	buf_adds(&b, "]\n");
	parse_ok(b.buf);
	ck_assert_uint_eq(attr(&f->body, "b")->u.tuple.n, 100000);
	teardown();
	setup();
	/* ... and a string past it is skipped whole. */
	buf_reset(&b);
	buf_adds(&b, "a = \"");
	for (i = 0; i < HCL_MAX_TEMPLATE + 10; i++)
		buf_addc(&b, 'x');
	buf_adds(&b, "\"\nc = 1\n");
	parse(b.buf);
	ck_assert_str_eq(errs(), "1:5-1:6: string too long: 1048588 bytes, "
	    "more than 1048576\n");
	ck_assert_int_eq(attr(&f->body, "a")->kind, HCL_EXPR_INVALID);
	ck_assert_str_eq(dump(attr(&f->body, "c")), "1");
	buf_release(&b);
}
END_TEST

START_TEST(realistic_irsa_file)
{
	const struct hcl_block		*k, *d, *c;
	const struct hcl_expr		*e;
	const struct hcl_template	*t;
	char				*s;
	size_t				 len, i;

	s = slurp("testdata/hcl/irsa.tf", &len);
	parsen(s, len);
	ck_assert_str_eq(errs(), "");
	ck_assert_uint_eq(f->body.nblocks, 7);
	/* The role's heredoc trust policy, indentation stripped. */
	k = &f->body.blocks[2];
	ck_assert_str_eq(k->type, "resource");
	ck_assert_str_eq(k->labels[1].text, "lbc");
	e = attr(&k->body, "assume_role_policy");
	ck_assert_int_eq(e->u.tmpl.flush, 1);
	t = &e->u.tmpl.body;
	ck_assert_uint_eq(t->nparts, 9);
	ck_assert(strncmp(t->parts[0].text, "{\n  \"Version\": \"2012-10-17\"",
	    27) == 0);
	ck_assert_str_eq(dump(t->parts[1].expr), "local.oidc_provider_arn");
	ck_range(t->parts[1].seq[0].range, 24, 27, 24, 53);
	ck_assert_str_eq(dump(t->parts[3].expr), "local.oidc_provider");
	ck_assert_str_eq(t->parts[8].text, "\"\n        }\n      }\n"
	    "    }\n  ]\n}\n");
	/* Its irsalint comment applies to the attribute. */
	ck_assert_uint_eq(f->ncomments, 1);
	ck_assert_str_eq(f->comments[0].text,
	    "irsalint:ignore irsa-trust-missing-aud");
	ck_assert_uint_eq(f->comments[0].target, 17);
	ck_pos(hcl_attr_get(&k->body, "assume_role_policy")->name_range.start,
	    17, 3);
	/* A policy document of dynamic statement blocks. */
	k = &f->body.blocks[3];
	ck_assert_str_eq(k->labels[0].text, "aws_iam_policy_document");
	d = &k->body.blocks[0];
	ck_assert_str_eq(d->type, "dynamic");
	ck_assert_str_eq(d->labels[0].text, "statement");
	ck_assert_str_eq(dump(attr(&d->body, "for_each")),
	    "var.service_accounts");
	c = &d->body.blocks[0];
	ck_assert_str_eq(c->type, "content");
	ck_assert_uint_eq(c->body.nblocks, 3);
	e = attr(&c->body.blocks[1].body, "values");
	ck_assert_str_eq(dump(e), "(for-tuple _ sa statement.value.names "
	    "(tmpl \"system:serviceaccount:\" (${ statement.key) \":\" "
	    "(${ sa)))");
	ck_assert_str_eq(dump(attr(&c->body.blocks[1].body, "test")),
	    "(? statement.value.wildcard (tmpl \"StringLike\") "
	    "(tmpl \"StringEquals\"))");
	/* A module called for each addon. */
	k = &f->body.blocks[5];
	ck_assert_str_eq(k->type, "module");
	ck_assert_str_eq(dump(attr(&k->body, "for_each")),
	    "(for-object k v var.addons k v (if v.enabled))");
	e = attr(&k->body, "role_policy_arns");
	ck_assert_str_eq(dump(e->u.object.v[0].value),
	    "aws_iam_policy.addon[each.key].arn");
	for (i = 0; i < f->body.nblocks; i++)
		ck_assert_uint_le(f->body.blocks[i].range.end.line, 96);
}
END_TEST

Suite *
hcl_suite(void)
{
	Suite	*s = suite_create("hcl");
	TCase	*tc = tcase_create("syntax");
	TCase	*te = tcase_create("errors");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_checked_fixture(te, setup, teardown);
	tcase_set_timeout(te, 60);
	tcase_add_test(tc, limits_agree_with_the_loaders);
	tcase_add_test(tc, empty_and_comment_only_files);
	tcase_add_test(tc, comments_of_three_forms_are_blanks);
	tcase_add_test(tc, irsalint_comments_are_kept_raw);
	tcase_add_test(tc, block_positions_of_type_labels_braces);
	tcase_add_test(tc, bodies_keep_file_order_and_nesting);
	tcase_add_test(tc, one_line_blocks);
	tcase_add_test(tc, identifiers_may_hold_dashes);
	tcase_add_test(tc, literals_numbers_bools_null);
	tcase_add_test(tc, tuples_with_trailing_comma_and_newlines);
	tcase_add_test(tc, objects_keys_and_separators);
	tcase_add_test(tc, function_calls_expand_and_provider_functions);
	tcase_add_test(tc, for_expressions_tuple_and_object);
	tcase_add_test(tc, conditionals_group_to_the_right);
	tcase_add_test(tc, unary_binds_tightest);
	tcase_add_test(tc, binary_precedence_and_associativity);
	tcase_add_test(tc, operators_keep_their_positions);
	tcase_add_test(tc, references_of_every_kind);
	tcase_add_test(tc, traversal_steps_and_splats);
	tcase_add_test(tc, steps_after_any_expression);
	tcase_add_test(tc, template_parts_and_positions);
	tcase_add_test(tc, template_unwraps_a_lone_interpolation);
	tcase_add_test(tc, escapes_are_decoded);
	tcase_add_test(tc, directives_if_else_for_and_strip_markers);
	tcase_add_test(tc, strip_markers_trim_only_adjacent_literals);
	tcase_add_test(tc, heredocs_plain_and_flush);
	tcase_add_test(tc, heredoc_directives_with_strip_markers);
	tcase_add_test(tc, heredoc_strip_markers_trim_one_line);
	tcase_add_test(tc, template_files);
	tcase_add_test(tc, heredoc_with_crlf_and_inside_a_call);
	tcase_add_test(tc, columns_count_code_points_bom_stripped);
	tcase_add_test(tc, crlf_line_endings);
	tcase_add_test(tc, realistic_irsa_file);
	tcase_add_test(te, error_unterminated_string);
	tcase_add_test(te, error_unterminated_heredoc);
	tcase_add_test(te, error_unclosed_braces);
	tcase_add_test(te, error_bad_escape);
	tcase_add_test(te, error_invalid_utf8_and_nul);
	tcase_add_test(te, error_depth_exceeded);
	tcase_add_test(te, error_duplicate_attribute);
	tcase_add_test(te, error_missing_equals);
	tcase_add_test(te, error_recovery_reports_each_statement);
	tcase_add_test(te, error_cascades_are_cut);
	tcase_add_test(te, error_one_line_blocks);
	tcase_add_test(te, error_templates_directives);
	tcase_add_test(te, error_expressions);
	tcase_add_test(te, error_messages_cut_long_names);
	tcase_add_test(te, error_too_many_errors);
	tcase_add_test(te, hostile_long_lines_and_big_templates);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, te);
	return s;
}
