/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of Terraform's functions (tf_func.c).  Arguments are made
 * with the value constructors; a result is compared as jsonencode()
 * writes it, an unknown as "?" and its reason, an error as "!" and the
 * message.  Unless a case says otherwise, the expected value is what
 * terraform 1.11 console printed for the same call.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "diag.h"
#include "tf_src.h"

static struct arena	 a;
static struct diags	 dg;
static struct tf_ev	 ev;
static struct tf_at	 at;

static void
setup(void)
{
	memset(&a, 0, sizeof(a));
	diags_init(&dg, &a);
	memset(&ev, 0, sizeof(ev));
	ev.arena = &a;
	ev.dg = &dg;
	memset(&at, 0, sizeof(at));
}

static void
teardown(void)
{
	diags_release(&dg);
	arena_release(&a);
}

static struct tfv *
S(const char *s)
{
	return tfv_strz(&ev, s);
}

static struct tfv *
N(double d)
{
	return tfv_num(&ev, d);
}

static struct tfv *
B(int b)
{
	return tfv_bool(&ev, b);
}

static struct tfv *
NUL(void)
{
	return tfv_null(&ev);
}

static struct tfv *
U(const char *why)
{
	return tfv_unknown(&ev, why, NULL);
}

/* A list of n values. */
static struct tfv *
L(size_t n, ...)
{
	struct tfv	*l = tfv_list(&ev, n, 0);
	va_list		 ap;
	size_t		 i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		l->v[i] = va_arg(ap, struct tfv *);
	va_end(ap);
	return l;
}

/* A list of n strings. */
static struct tfv *
LS(size_t n, ...)
{
	struct tfv	*l = tfv_list(&ev, n, 0);
	va_list		 ap;
	size_t		 i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		l->v[i] = S(va_arg(ap, const char *));
	va_end(ap);
	return l;
}

/* A map of n keys and values: M(2, "a", v, "b", w). */
static struct tfv *
M(size_t n, ...)
{
	const char	**k = arena_alloc(&a, (n + 1) * sizeof(*k));
	struct tfv	**v = arena_alloc(&a, (n + 1) * sizeof(*v));
	va_list		 ap;
	size_t		 i;

	va_start(ap, n);
	for (i = 0; i < n; i++) {
		k[i] = va_arg(ap, const char *);
		v[i] = va_arg(ap, struct tfv *);
	}
	va_end(ap);
	return tfv_map(&ev, k, v, n);
}

static struct tfv *
callv(const char *name, size_t n, va_list ap)
{
	struct tf_call	 c;
	struct tfv	**args = arena_alloc(&a, (n + 1) * sizeof(*args));
	size_t		 i;

	for (i = 0; i < n; i++)
		args[i] = va_arg(ap, struct tfv *);
	memset(&c, 0, sizeof(c));
	c.name = name;
	c.args = args;
	c.nargs = n;
	c.at = &at;
	return tf_func(&ev, &c);
}

static struct tfv *
call(const char *name, size_t n, ...)
{
	struct tfv	*v;
	va_list		 ap;

	va_start(ap, n);
	v = callv(name, n, ap);
	va_end(ap);
	return v;
}

/*
 * The result in words: its JSON; "?why" for an unknown; "!msg" for an
 * error, which must have been reported once; "NULL" for a function
 * tf_func does not know.
 */
static const char *
show(const struct tfv *v)
{
	struct buf	 b = BUF_INIT;
	const char	*s;

	if (v == NULL)
		return "NULL";
	if (v->kind == TFV_UNKNOWN && (v->flags & TFV_ERROR)) {
		ck_assert_uint_ge(dg.nerrors, 1);
		return arena_printf(&a, "!%s", dg.v[dg.n - 1]->msg);
	}
	if (v->kind == TFV_UNKNOWN)
		return arena_printf(&a, "?%s", v->why);
	tfv_json(&b, v);
	s = arena_strdup(&a, b.buf);
	buf_release(&b);
	return s;
}

/* Call and compare: EQ("\"x\"", "upper", 1, S("x")). */
static void
EQ(const char *want, const char *name, size_t n, ...)
{
	struct tfv	*v;
	va_list		 ap;
	size_t		 before = dg.nerrors;

	va_start(ap, n);
	v = callv(name, n, ap);
	va_end(ap);
	ck_assert_str_eq(show(v), want);
	/* Only an error reports, and once. */
	if (want[0] == '!')
		ck_assert_uint_eq(dg.nerrors, before + 1);
	else
		ck_assert_uint_eq(dg.nerrors, before);
}

/* As EQ, for a result that must be an error: only its start. */
static void
ERR(const char *prefix, const char *name, size_t n, ...)
{
	struct tfv	*v;
	va_list		 ap;
	size_t		 before = dg.nerrors;
	const char	*s;

	va_start(ap, n);
	v = callv(name, n, ap);
	va_end(ap);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert(v->flags & TFV_ERROR);
	ck_assert_uint_eq(dg.nerrors, before + 1);
	s = dg.v[dg.n - 1]->msg;
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		ck_abort_msg("error \"%s\" does not start \"%s\"", s, prefix);
}

START_TEST(unknown_function_is_null)
{
	/* Not a Terraform function irsalint evaluates: the caller's. */
	EQ("NULL", "templatefile", 2, S("a"), S("b"));
	EQ("NULL", "nosuchfunction", 0);
}
END_TEST

START_TEST(argument_counts)
{
	/* terraform 1.11 console: lookup({a="x"}) is "Not enough
	 * function arguments"; irsalint's message names the counts. */
	EQ("!lookup: expects 2 or 3 arguments, got 1", "lookup", 1,
	    M(1, "a", S("x")));
	EQ("!upper: expects 1 argument, got 2", "upper", 2, S("a"), S("b"));
	EQ("!join: expects at least 2 arguments, got 1", "join", 1, S(","));
	EQ("!range: expects 1 to 3 arguments, got 0", "range", 0);
	/* A wrong count is an error even with unknown arguments. */
	EQ("!substr: expects 3 arguments, got 1", "substr", 1, U("var.x"));
}
END_TEST

START_TEST(lookup_finds_and_defaults)
{
	/* terraform 1.11 console: lookup({a="x", b="y"}, "b") */
	EQ("\"y\"", "lookup", 2, M(2, "a", S("x"), "b", S("y")), S("b"));
	/* terraform 1.11 console: lookup({a="x"}, "c", "d") */
	EQ("\"d\"", "lookup", 3, M(1, "a", S("x")), S("c"), S("d"));
	/* terraform 1.11 console: lookup({a=1, b="x"}, "a") is 1 */
	EQ("1", "lookup", 2, M(2, "a", N(1), "b", S("x")), S("a"));
}
END_TEST

START_TEST(lookup_errors)
{
	/* terraform 1.11 console: lookup({a="x"}, "c") is an error */
	ERR("lookup: the map has no key \"c\"", "lookup", 2,
	    M(1, "a", S("x")), S("c"));
	EQ("!lookup: argument 1 must be a map, not a list", "lookup", 2,
	    LS(1, "a"), S("a"));
}
END_TEST

START_TEST(lookup_unknown)
{
	EQ("?var.tags", "lookup", 2, M(1, "a", U("var.tags")), S("a"));
	EQ("?var.key", "lookup", 2, M(1, "a", S("x")), U("var.key"));
	EQ("?var.m", "lookup", 2, U("var.m"), S("a"));
	/* The value found is all the result depends on. */
	EQ("\"x\"", "lookup", 2, M(2, "a", U("var.a"), "b", S("x")), S("b"));
}
END_TEST

START_TEST(merge_later_wins)
{
	/* terraform 1.11 console:
	 * jsonencode(merge({a=1,b=2},{b=3,c=4},{a=5})) */
	EQ("{\"a\":5,\"b\":3,\"c\":4}", "merge", 3,
	    M(2, "a", N(1), "b", N(2)), M(2, "b", N(3), "c", N(4)),
	    M(1, "a", N(5)));
	/* terraform 1.11 console: jsonencode(merge()) */
	EQ("{}", "merge", 0);
	/* terraform 1.11 console: jsonencode(merge({a=1}, null)) */
	EQ("{\"a\":1}", "merge", 2, M(1, "a", N(1)), NUL());
	/* terraform 1.11 console: merge is shallow,
	 * jsonencode(merge({a={x=1}}, {a={y=2}})) */
	EQ("{\"a\":{\"y\":2}}", "merge", 2, M(1, "a", M(1, "x", N(1))),
	    M(1, "a", M(1, "y", N(2))));
}
END_TEST

START_TEST(merge_unknowns)
{
	struct tfv	*v;

	/* A map with an unknown value merges: the keys are known. */
	v = call("merge", 2, M(1, "a", U("var.a")), M(1, "b", N(2)));
	ck_assert_int_eq(v->kind, TFV_MAP);
	ck_assert_uint_eq(v->n, 2);
	ck_assert_int_eq(tfv_get(v, "a")->kind, TFV_UNKNOWN);
	/* An unknown map does not. */
	EQ("?var.tags", "merge", 2, M(1, "a", N(1)), U("var.tags"));
	EQ("!merge: argument 2 must be a map, not a string", "merge", 2,
	    M(0), S("x"));
}
END_TEST

START_TEST(split_edge_cases)
{
	/* terraform 1.11 console: jsonencode(split(",", "a,b,,c")) */
	EQ("[\"a\",\"b\",\"\",\"c\"]", "split", 2, S(","), S("a,b,,c"));
	/* terraform 1.11 console: jsonencode(split(",", "")) */
	EQ("[\"\"]", "split", 2, S(","), S(""));
	/* terraform 1.11 console: jsonencode(split("", "abc")) */
	EQ("[\"a\",\"b\",\"c\"]", "split", 2, S(""), S("abc"));
	/* terraform 1.11 console: jsonencode(split(",", ",a,")) */
	EQ("[\"\",\"a\",\"\"]", "split", 2, S(","), S(",a,"));
	/* terraform 1.11 console: jsonencode(split(",", "abc")) */
	EQ("[\"abc\"]", "split", 2, S(","), S("abc"));
	/* An empty separator splits code points, not bytes. */
	EQ("[\"\xc3\xa9\",\"x\"]", "split", 2, S(""), S("\xc3\xa9x"));
}
END_TEST

START_TEST(split_unknown_and_errors)
{
	EQ("?module.eks.oidc", "split", 2, S("/"), U("module.eks.oidc"));
	EQ("!split: argument 2 must be a string, not a list", "split", 2,
	    S(","), LS(1, "a"));
}
END_TEST

START_TEST(join_lists)
{
	/* terraform 1.11 console: join(",", ["a","b"]) */
	EQ("\"a,b\"", "join", 2, S(","), LS(2, "a", "b"));
	/* terraform 1.11 console: join(",", []) */
	EQ("\"\"", "join", 2, S(","), L(0));
	/* terraform 1.11 console: join("-", ["a"], ["b","c"]) */
	EQ("\"a-b-c\"", "join", 3, S("-"), LS(1, "a"), LS(2, "b", "c"));
	/* terraform 1.11 console: join(",", [1, true]) */
	EQ("\"1,true\"", "join", 2, S(","), L(2, N(1), B(1)));
}
END_TEST

START_TEST(join_errors)
{
	/* terraform 1.11 console: join(",", {a="b"}) is an error */
	EQ("!join: argument 2 must be a list of strings, not a map", "join",
	    2, S(","), M(1, "a", S("b")));
	/* terraform 1.11 console: join(",", ["a", null]) is an error */
	EQ("!join: element 1 of argument 2 is null", "join", 2, S(","),
	    L(2, S("a"), NUL()));
	EQ("?var.names", "join", 2, S(","), L(2, S("a"), U("var.names")));
}
END_TEST

START_TEST(jsonencode_nested)
{
	/* terraform 1.11 console: jsonencode({a = "<>&", b = 1.5,
	 * c = [1, 2e3, 0.1], d = {z=1, a=true}, e = null}) */
	EQ("\"{\\\"a\\\":\\\"\\\\u003c\\\\u003e\\\\u0026\\\",\\\"b\\\":1.5,"
	    "\\\"c\\\":[1,2000,0.1],\\\"d\\\":{\\\"a\\\":true,\\\"z\\\":1},"
	    "\\\"e\\\":null}\"", "jsonencode", 1,
	    M(5, "a", S("<>&"), "b", N(1.5), "c", L(3, N(1), N(2e3), N(0.1)),
	    "d", M(2, "z", N(1), "a", B(1)), "e", NUL()));
	/* terraform 1.11 console: jsonencode(1e21) */
	EQ("\"1000000000000000000000\"", "jsonencode", 1, N(1e21));
	/*
	 * terraform 1.11 console: jsonencode(0.1 + 0.2) is "0.3", as
	 * Terraform computes in decimal; irsalint's numbers are doubles
	 * printed with 15 significant digits, which gives the same here
	 * (and not for a literal 0.30000000000000004, which no
	 * configuration of IRSA writes).
	 */
	EQ("\"0.3\"", "jsonencode", 1, N(0.1 + 0.2));
	/* terraform 1.11 console: jsonencode("\u2028") */
	EQ("\"\\\"\\\\u2028\\\"\"", "jsonencode", 1, S("\xe2\x80\xa8"));
}
END_TEST

START_TEST(jsonencode_keeps_the_structure_of_unknowns)
{
	struct tfv	*doc, *v;

	doc = M(2, "Version", S("2012-10-17"), "Principal",
	    U("module.eks.oidc_provider_arn"));
	v = call("jsonencode", 1, doc);
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert(!(v->flags & TFV_ERROR));
	ck_assert_str_eq(v->why, "module.eks.oidc_provider_arn");
	ck_assert_ptr_eq(v->json_of, doc);
	/* A wholly unknown argument too. */
	v = call("jsonencode", 1, U("var.doc"));
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert_str_eq(v->why, "var.doc");
}
END_TEST

START_TEST(jsondecode_values_and_errors)
{
	/* terraform 1.11 console:
	 * jsonencode(jsondecode("{\"a\":[1,2,{\"b\":null}]}")) */
	EQ("{\"a\":[1,2,{\"b\":null}]}", "jsondecode", 1,
	    S("{\"a\":[1,2,{\"b\":null}]}"));
	EQ("\"x\"", "jsondecode", 1, S(" \"x\" "));
	/* terraform 1.11 console: jsondecode("{bad") is an error */
	ERR("jsondecode: the string is not JSON", "jsondecode", 1,
	    S("{bad"));
	ERR("jsondecode: the string is not JSON", "jsondecode", 1,
	    S("{} x"));
	EQ("?data.x.json", "jsondecode", 1, U("data.x.json"));
}
END_TEST

START_TEST(format_strings_and_width)
{
	/* terraform 1.11 console: format("%-5s|", "ab") */
	EQ("\"ab   |\"", "format", 2, S("%-5s|"), S("ab"));
	/* terraform 1.11 console: format("%5s|", "ab") */
	EQ("\"   ab|\"", "format", 2, S("%5s|"), S("ab"));
	/* terraform 1.11 console: format("%05s|", "ab") */
	EQ("\"000ab|\"", "format", 2, S("%05s|"), S("ab"));
	/* terraform 1.11 console: format("%.3s", "abcdef") */
	EQ("\"abc\"", "format", 2, S("%.3s"), S("abcdef"));
	/* terraform 1.11 console: format("%8.2s|", "héllo"): code points */
	EQ("\"      h\xc3\xa9|\"", "format", 2, S("%8.2s|"),
	    S("h\xc3\xa9llo"));
	/* terraform 1.11 console: format("%s", 12) */
	EQ("\"12\"", "format", 2, S("%s"), N(12));
	/* terraform 1.11 console: format("%s", true) */
	EQ("\"true\"", "format", 2, S("%s"), B(1));
	/* terraform 1.11 console: format("%[2]s %[1]s", "a", "b") */
	EQ("\"b a\"", "format", 3, S("%[2]s %[1]s"), S("a"), S("b"));
	/* terraform 1.11 console: format("%%") */
	EQ("\"%\"", "format", 1, S("%%"));
}
END_TEST

START_TEST(format_integers)
{
	/* terraform 1.11 console: format("%05d", 42) */
	EQ("\"00042\"", "format", 2, S("%05d"), N(42));
	/* terraform 1.11 console: format("%5d|%-5d|", 42, 42) */
	EQ("\"   42|42   |\"", "format", 3, S("%5d|%-5d|"), N(42), N(42));
	/* terraform 1.11 console: format("%+d", 5) */
	EQ("\"+5\"", "format", 2, S("%+d"), N(5));
	/* terraform 1.11 console: format("% d", 5) */
	EQ("\" 5\"", "format", 2, S("% d"), N(5));
	/* terraform 1.11 console: format("%.3d", 5) */
	EQ("\"005\"", "format", 2, S("%.3d"), N(5));
	/* terraform 1.11 console: format("%-05d|", 5) */
	EQ("\"5    |\"", "format", 2, S("%-05d|"), N(5));
	/* terraform 1.11 console: format("%d", "12") */
	EQ("\"12\"", "format", 2, S("%d"), S("12"));
	/* terraform 1.11 console: format("%x", 255), "%X", "%o", "%b" */
	EQ("\"ff FF 10 101\"", "format", 5, S("%x %X %o %b"), N(255),
	    N(255), N(8), N(5));
	/* terraform 1.11 console: format("%x", -255) */
	EQ("\"-ff\"", "format", 2, S("%x"), N(-255));
	/* terraform 1.11 console: format("%d", 9223372036854775808),
	 * format("%d", 1e21): past 64 bits, and exact (a double holds
	 * these; Terraform's numbers hold more). */
	EQ("\"9223372036854775808 1000000000000000000000\"", "format", 3,
	    S("%d %d"), N(9223372036854775808.0), N(1e21));
}
END_TEST

START_TEST(format_floats_bools_values)
{
	/* terraform 1.11 console: format("%f", 1.5) */
	EQ("\"1.500000\"", "format", 2, S("%f"), N(1.5));
	/* terraform 1.11 console: format("%.2f", 3.14159) */
	EQ("\"3.14\"", "format", 2, S("%.2f"), N(3.14159));
	/* terraform 1.11 console: format("%10.3f|", 3.14159) */
	EQ("\"     3.142|\"", "format", 2, S("%10.3f|"), N(3.14159));
	/* terraform 1.11 console: format("%08.3f", -3.14159) */
	EQ("\"-003.142\"", "format", 2, S("%08.3f"), N(-3.14159));
	/* terraform 1.11 console: format("%e", 1.5) */
	EQ("\"1.500000e+00\"", "format", 2, S("%e"), N(1.5));
	/* terraform 1.11 console: format("%+.1e", 12345.678) */
	EQ("\"+1.2e+04\"", "format", 2, S("%+.1e"), N(12345.678));
	/* terraform 1.11 console: format("%g", 123456789) */
	EQ("\"1.23456789e+08\"", "format", 2, S("%g"), N(123456789));
	/* terraform 1.11 console: format("%g", 0.00001) */
	EQ("\"1e-05\"", "format", 2, S("%g"), N(0.00001));
	/* terraform 1.11 console: format("%.3g", 3.14159) */
	EQ("\"3.14\"", "format", 2, S("%.3g"), N(3.14159));
	/* terraform 1.11 console: format("%t", true), "%5t|" */
	EQ("\"true|\"", "format", 2, S("%5t|"), B(1));
	/* terraform 1.11 console: format("%t", "true") */
	EQ("\"true\"", "format", 2, S("%t"), S("true"));
	/* terraform 1.11 console: format("%v %v %v", 1, true, "x") */
	EQ("\"1 true x\"", "format", 4, S("%v %v %v"), N(1), B(1), S("x"));
	/* terraform 1.11 console: format("%v", 1234567), 123456, 1e21 */
	EQ("\"1.234567e+06 123456 1e+21 0.0001 1e-05\"", "format", 6,
	    S("%v %v %v %v %v"), N(1234567), N(123456), N(1e21),
	    N(0.0001), N(0.00001));
	/* terraform 1.11 console: format("%5v|", 42), "%-10v|" */
	EQ("\"   42|ab        |\"", "format", 3, S("%5v|%-10v|"), N(42),
	    S("ab"));
	/* terraform 1.11 console: format("%v", [1234567, "a"]) */
	EQ("\"[1234567,\\\"a\\\"]\"", "format", 2, S("%v"),
	    L(2, N(1234567), S("a")));
	/* terraform 1.11 console: format("%#v", "a") */
	EQ("\"\\\"a\\\"\"", "format", 2, S("%#v"), S("a"));
}
END_TEST

START_TEST(format_flags_more)
{
	/* terraform 1.11 console: format("%+5d|", -3) */
	EQ("\"   -3|\"", "format", 2, S("%+5d|"), N(-3));
	/* terraform 1.11 console: format("%#x %#o %#b", 255, 8, 5) */
	EQ("\"0xff 010 0b101\"", "format", 4, S("%#x %#o %#b"), N(255),
	    N(8), N(5));
	/* terraform 1.11 console: format("%-+5d|", 3) */
	EQ("\"+3   |\"", "format", 2, S("%-+5d|"), N(3));
	/* terraform 1.11 console: format("%.0f", 2.5): to even */
	EQ("\"2\"", "format", 2, S("%.0f"), N(2.5));
	/* terraform 1.11 console: format("%05v|", 42) */
	EQ("\"00042|\"", "format", 2, S("%05v|"), N(42));
	/* terraform 1.11 console: format("%-6.2f|", 3.14159) */
	EQ("\"3.14  |\"", "format", 2, S("%-6.2f|"), N(3.14159));
	/* terraform 1.11 console: format("%G", 1e21), format("%E", 1.5) */
	EQ("\"1E+21 1.500000E+00\"", "format", 3, S("%G %E"), N(1e21),
	    N(1.5));
	/* terraform 1.11 console: format("%v", -1.5), format("%v", 1e-7) */
	EQ("\"-1.5 1e-07\"", "format", 3, S("%v %v"), N(-1.5), N(1e-7));
	/* terraform 1.11 console: format("%10s|", "héllo"),
	 * format("%.1s", "héllo") */
	EQ("\"     h\xc3\xa9llo|h\"", "format", 3, S("%10s|%.1s"),
	    S("h\xc3\xa9llo"), S("h\xc3\xa9llo"));
	/* terraform 1.11 console: format("%s", 0.1), format("%d", -0.0) */
	EQ("\"0.1 0\"", "format", 3, S("%s %d"), N(0.1), N(-0.0));
}
END_TEST

START_TEST(format_quotes)
{
	/* terraform 1.11 console: format("%q", "a\"b") */
	EQ("\"\\\"a\\\\\\\"b\\\"\"", "format", 2, S("%q"), S("a\"b"));
	/* terraform 1.11 console: format("%q", "a\nb\tc") */
	EQ("\"\\\"a\\\\nb\\\\tc\\\"\"", "format", 2, S("%q"),
	    S("a\nb\tc"));
	/* terraform 1.11 console: format("%q", 1) */
	EQ("\"\\\"1\\\"\"", "format", 2, S("%q"), N(1));
	/* terraform 1.11 console: format("%-8q|", "ab") */
	EQ("\"\\\"ab\\\"    |\"", "format", 2, S("%-8q|"), S("ab"));
	/* terraform 1.11 console: format("%q", "é\u2028") */
	EQ("\"\\\"\xc3\xa9\\\\u2028\\\"\"", "format", 2, S("%q"),
	    S("\xc3\xa9\xe2\x80\xa8"));
}
END_TEST

START_TEST(format_errors)
{
	/* terraform 1.11 console: format("%d", 1.5): an integer */
	ERR("format: unsupported value for \"%d\" at 0: an integer is "
	    "required", "format", 2, S("%d"), N(1.5));
	/* terraform 1.11 console: format("%d", "x") */
	ERR("format: unsupported value for \"%d\" at 0: a number is "
	    "required", "format", 2, S("%d"), S("x"));
	/* terraform 1.11 console: format("%s") */
	ERR("format: not enough arguments for \"%s\" at 0: need index 1 "
	    "but have 0 total", "format", 1, S("%s"));
	/* terraform 1.11 console: format("%s %s", "a") */
	ERR("format: not enough arguments for \"%s\" at 3: need index 2",
	    "format", 2, S("%s %s"), S("a"));
	/* terraform 1.11 console: format("%s", "a", "b") */
	ERR("format: too many arguments; only 1 used", "format", 3, S("%s"),
	    S("a"), S("b"));
	/* terraform 1.11 console: format("%y", 1) */
	ERR("format: unsupported format verb 'y' in \"%y\" at offset 0",
	    "format", 2, S("%y"), N(1));
	/* terraform 1.11 console: format("%", 1) */
	ERR("format: invalid format string", "format", 2, S("%"), N(1));
	/* terraform 1.11 console: format("%s", [1]): string required */
	ERR("format: unsupported value for \"%s\" at 0: a string is "
	    "required", "format", 2, S("%s"), L(1, N(1)));
	/* terraform 1.11 console: format("%x", "hi") */
	ERR("format: unsupported value for \"%x\" at 0: a number",
	    "format", 2, S("%x"), S("hi"));
}
END_TEST

START_TEST(format_unknown)
{
	EQ("?var.name", "format", 3, S("%s-%s"), S("a"), U("var.name"));
	EQ("?var.fmt", "format", 2, U("var.fmt"), S("a"));
	/* terraform 1.11 console: format("%v", null) is unknown too. */
	EQ("?format() of a null value", "format", 2, S("%v"), NUL());
}
END_TEST

START_TEST(formatlist_in_step)
{
	/* terraform 1.11 console:
	 * jsonencode(formatlist("%s-%s", ["a","b"], "x")) */
	EQ("[\"a-x\",\"b-x\"]", "formatlist", 3, S("%s-%s"),
	    LS(2, "a", "b"), S("x"));
	/* terraform 1.11 console: jsonencode(formatlist("%s", [])) */
	EQ("[]", "formatlist", 2, S("%s"), L(0));
	/* terraform 1.11 console: jsonencode(formatlist("%s", "a")) */
	EQ("[\"a\"]", "formatlist", 2, S("%s"), S("a"));
	/* terraform 1.11 console:
	 * formatlist("%s-%s", ["a","b"], ["1","2","3"]) is an error */
	ERR("formatlist: argument 3 has length 3, which is inconsistent "
	    "with argument 2 of length 2", "formatlist", 3, S("%s-%s"),
	    LS(2, "a", "b"), LS(3, "1", "2", "3"));
	EQ("?var.ns", "formatlist", 2, S("system:serviceaccount:%s"),
	    L(1, U("var.ns")));
}
END_TEST

START_TEST(length_of_each_kind)
{
	/* terraform 1.11 console: length("héllo") */
	EQ("5", "length", 1, S("h\xc3\xa9llo"));
	/* terraform 1.11 console: length([1,2]), length({a=1}) */
	EQ("2", "length", 1, L(2, N(1), N(2)));
	EQ("1", "length", 1, M(1, "a", N(1)));
	/* terraform 1.11 console: length("a\r\nb"): CR LF is one */
	EQ("3", "length", 1, S("a\r\nb"));
	/* terraform 1.11 console: length(5) is an error */
	EQ("!length: argument 1 must be a string, a list or a map, not a "
	    "number", "length", 1, N(5));
	/* terraform 1.11 console: length(null) is an error */
	ERR("length: argument 1 must be", "length", 1, NUL());
}
END_TEST

START_TEST(length_known_with_unknown_elements)
{
	/* Terraform knows how many elements a list has before it knows
	 * them. */
	EQ("2", "length", 1, L(2, U("var.a"), S("b")));
	EQ("1", "length", 1, M(1, "k", U("var.v")));
	EQ("?var.list", "length", 1, U("var.list"));
	/* A combining mark: Terraform counts grapheme clusters, and
	 * irsalint does not guess. */
	EQ("?length() of a string whose characters irsalint cannot count",
	    "length", 1, S("e\xcc\x81"));
}
END_TEST

START_TEST(coalesce_skips_null_and_empty)
{
	/* terraform 1.11 console: coalesce("", "b") */
	EQ("\"b\"", "coalesce", 2, S(""), S("b"));
	/* terraform 1.11 console: coalesce(null, "", "c") */
	EQ("\"c\"", "coalesce", 3, NUL(), S(""), S("c"));
	/* terraform 1.11 console: coalesce(1, "a") is "1" */
	EQ("\"1\"", "coalesce", 2, N(1), S("a"));
	/* terraform 1.11 console: coalesce("a", 1) */
	EQ("\"a\"", "coalesce", 2, S("a"), N(1));
	EQ("3", "coalesce", 2, NUL(), N(3));
	/* terraform 1.11 console: coalesce("", "") is an error */
	ERR("coalesce: no non-null, non-empty-string arguments", "coalesce",
	    2, S(""), S(""));
	ERR("coalesce: all arguments must have the same type", "coalesce",
	    2, S("a"), L(0));
	/* terraform 1.11 console: coalesce(true, 1) is an error */
	ERR("coalesce: all arguments must have the same type", "coalesce",
	    2, B(1), N(1));
}
END_TEST

START_TEST(coalesce_unknown_only_before_the_answer)
{
	EQ("?var.name", "coalesce", 2, U("var.name"), S("b"));
	EQ("?var.name", "coalesce", 3, S(""), U("var.name"), S("b"));
	/* The first non-empty argument decides; what follows does not
	 * matter. */
	EQ("\"a\"", "coalesce", 2, S("a"), U("var.name"));
}
END_TEST

START_TEST(coalescelist_first_non_empty)
{
	/* terraform 1.11 console:
	 * jsonencode(coalescelist([], ["a"], ["b"])) */
	EQ("[\"a\"]", "coalescelist", 3, L(0), LS(1, "a"), LS(1, "b"));
	/* terraform 1.11 console: coalescelist([], []) is an error */
	ERR("coalescelist: no non-empty list", "coalescelist", 2, L(0),
	    L(0));
	EQ("?var.l", "coalescelist", 2, U("var.l"), LS(1, "b"));
	/* Known once a non-empty list is: its elements need not be. */
	ck_assert_uint_eq(call("coalescelist", 2, L(1, U("var.x")),
	    LS(1, "b"))->n, 1);
}
END_TEST

START_TEST(concat_lists)
{
	struct tfv	*v;

	/* terraform 1.11 console: jsonencode(concat(["a"], [], ["b","c"])) */
	EQ("[\"a\",\"b\",\"c\"]", "concat", 3, LS(1, "a"), L(0),
	    LS(2, "b", "c"));
	/* terraform 1.11 console: jsonencode(concat(["a"],[1])): a tuple */
	EQ("[\"a\",1]", "concat", 2, LS(1, "a"), L(1, N(1)));
	/* terraform 1.11 console: concat() is an error */
	EQ("!concat: expects at least 1 argument, got 0", "concat", 0);
	EQ("!concat: argument 2 must be a list, not a string", "concat", 2,
	    L(0), S("a"));
	/* Unknown elements stay where they are. */
	v = call("concat", 2, L(1, U("var.a")), LS(1, "b"));
	ck_assert_int_eq(v->kind, TFV_LIST);
	ck_assert_int_eq(v->v[0]->kind, TFV_UNKNOWN);
	EQ("?var.l", "concat", 2, U("var.l"), LS(1, "b"));
}
END_TEST

START_TEST(replace_plain)
{
	/* terraform 1.11 console: replace("hello world", "o", "0") */
	EQ("\"hell0 w0rld\"", "replace", 3, S("hello world"), S("o"),
	    S("0"));
	/* terraform 1.11 console: replace("abc", "", "-") */
	EQ("\"-a-b-c-\"", "replace", 3, S("abc"), S(""), S("-"));
	/* A lone "/" is not a pattern. */
	EQ("\"a-b\"", "replace", 3, S("a/b"), S("/"), S("-"));
	EQ("\"https://oidc\"", "replace", 3, S("https://oidc"), S("x"),
	    S("y"));
	/*
	 * A "-" first in a class is itself (cloudposse null-label):
	 * terraform 1.11 console: replace("eg-app", "/[^-a-z]/", "") and
	 * replace("a-b_c", "/[-_]/", ".")
	 */
	EQ("\"eg-app\"", "replace", 3, S("eg-app"), S("/[^-a-z]/"), S(""));
	EQ("\"a.b.c\"", "replace", 3, S("a-b_c"), S("/[-_]/"), S("."));
}
END_TEST

START_TEST(replace_regex_backrefs)
{
	/* terraform 1.11 console: replace("hello", "/(l+)/", "[$1]") */
	EQ("\"he[ll]o\"", "replace", 3, S("hello"), S("/(l+)/"),
	    S("[$1]"));
	/* terraform 1.11 console: replace("hello", "/(h)(e)/", "${2}${1}")
	 * gives "21llo": in an HCL string "${2}" is a template, so the
	 * replacement it passes is "21"; irsalint gets "${2}${1}" only
	 * when it was written "$${2}$${1}", which Terraform reads as
	 * backreferences: "ehllo". */
	EQ("\"ehllo\"", "replace", 3, S("hello"), S("/(h)(e)/"),
	    S("${2}${1}"));
	/* terraform 1.11 console: replace("abc", "/b/", "$$") */
	EQ("\"a$c\"", "replace", 3, S("abc"), S("/b/"), S("$$"));
	/* terraform 1.11 console: replace("abc", "/(b)/", "$1x"): the
	 * group named "1x" does not exist */
	EQ("\"ac\"", "replace", 3, S("abc"), S("/(b)/"), S("$1x"));
	/* terraform 1.11 console: replace("abc", "/(b)/", "$2") */
	EQ("\"ac\"", "replace", 3, S("abc"), S("/(b)/"), S("$2"));
	/* terraform 1.11 console:
	 * replace("arn:aws:iam::123:role/x",
	 *     "/^arn:aws:iam::([0-9]+):.*$/", "$1") */
	EQ("\"123\"", "replace", 3, S("arn:aws:iam::123:role/x"),
	    S("/^arn:aws:iam::([0-9]+):.*$/"), S("$1"));
}
END_TEST

START_TEST(replace_regex_empty_matches)
{
	/* terraform 1.11 console: replace("abc", "//", "-") */
	EQ("\"-a-b-c-\"", "replace", 3, S("abc"), S("//"), S("-"));
	/* terraform 1.11 console: replace("aaa", "/a*\/", "x") */
	EQ("\"x\"", "replace", 3, S("aaa"), S("/a*/"), S("x"));
	/* The usual IRSA one: the scheme off an issuer URL. */
	EQ("\"oidc.eks.amazonaws.com/id/X\"", "replace", 3,
	    S("https://oidc.eks.amazonaws.com/id/X"), S("/^https?:\\/\\//"),
	    S(""));
}
END_TEST

START_TEST(replace_regex_beyond_the_subset_is_unknown)
{
	static const char *const pats[] = {
		"/\\d+/", "/\\w/", "/\\s/", "/\\bx/", "/a*?/", "/(?i)a/",
		"/(?P<n>a)/", "/a|b/", "/(ab)+/", "/a**/", "/[\\d]/", "/\\pL/"
	};
	size_t	 i;

	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		EQ("?replace() with a regular expression irsalint cannot "
		    "evaluate", "replace", 3, S("a1 b"), S(pats[i]), S("x"));
	/* "." is one code point in RE2, one byte to regexec. */
	EQ("?replace() with a regular expression irsalint cannot evaluate",
	    "replace", 3, S("\xc3\xa9"), S("/./"), S("x"));
	/* On ASCII text it is the same. */
	EQ("\"xx\"", "replace", 3, S("ab"), S("/./"), S("x"));
	EQ("?var.url", "replace", 3, U("var.url"), S("/^https:\\/\\//"),
	    S(""));
}
END_TEST

START_TEST(regex_and_regexall)
{
	/* terraform 1.11 console:
	 * jsonencode(regex("([a-z]+)-([0-9]+)", "abc-123")) */
	EQ("[\"abc\",\"123\"]", "regex", 2, S("([a-z]+)-([0-9]+)"),
	    S("abc-123"));
	/* terraform 1.11 console: jsonencode(regex("[a-z]+", "123abc")) */
	EQ("\"abc\"", "regex", 2, S("[a-z]+"), S("123abc"));
	/* terraform 1.11 console: regex("x", "abc") is an error */
	ERR("regex: the pattern did not match", "regex", 2, S("x"),
	    S("abc"));
	/* terraform 1.11 console:
	 * jsonencode(regexall("[a-z]+", "ab 12 cd")) */
	EQ("[\"ab\",\"cd\"]", "regexall", 2, S("[a-z]+"), S("ab 12 cd"));
	/* terraform 1.11 console:
	 * jsonencode(regexall("([a-z])([0-9])", "a1 b2")) */
	EQ("[[\"a\",\"1\"],[\"b\",\"2\"]]", "regexall", 2,
	    S("([a-z])([0-9])"), S("a1 b2"));
	EQ("?regex() with a regular expression irsalint cannot evaluate",
	    "regex", 2, S("\\d"), S("1"));
}
END_TEST

START_TEST(one_slice)
{
	/* terraform 1.11 console: one([]) is null, one(["a"]) */
	EQ("null", "one", 1, L(0));
	EQ("\"a\"", "one", 1, LS(1, "a"));
	/* terraform 1.11 console: one(["a","b"]) is an error */
	ERR("one: the list must have zero or one elements", "one", 1,
	    LS(2, "a", "b"));
	EQ("?var.x", "one", 1, L(1, U("var.x")));
	/* terraform 1.11 console:
	 * jsonencode(slice(["a","b","c","d"], 1, 3)) */
	EQ("[\"b\",\"c\"]", "slice", 3, LS(4, "a", "b", "c", "d"), N(1),
	    N(3));
	/* terraform 1.11 console: slice(["a","b","c","d"], 4, 4) */
	EQ("[]", "slice", 3, LS(4, "a", "b", "c", "d"), N(4), N(4));
}
END_TEST

START_TEST(slice_bounds)
{
	struct tfv	*l = LS(4, "a", "b", "c", "d");

	/* terraform 1.11 console: slice(l, 2, 1), (l, 1, 5), (l, -1, 2),
	 * (["a","b"], 1.5, 2) are errors */
	ERR("slice: the start index must not be greater than the end",
	    "slice", 3, l, N(2), N(1));
	ERR("slice: the end index must not be greater than the length",
	    "slice", 3, l, N(1), N(5));
	ERR("slice: the start index must not be less than zero", "slice",
	    3, l, N(-1), N(2));
	ERR("slice: argument 2 must be a whole number", "slice", 3, l,
	    N(1.5), N(2));
	EQ("?var.n", "slice", 3, l, N(0), U("var.n"));
}
END_TEST

START_TEST(conversions_to_collections)
{
	/* terraform 1.11 console: jsonencode(toset(["b","a","b"])) */
	EQ("[\"a\",\"b\"]", "toset", 1, LS(3, "b", "a", "b"));
	/* terraform 1.11 console: jsonencode(toset([1, "a"])) */
	EQ("[\"1\",\"a\"]", "toset", 1, L(2, N(1), S("a")));
	/* terraform 1.11 console: jsonencode(toset([])) */
	EQ("[]", "toset", 1, L(0));
	ck_assert(call("toset", 1, LS(1, "a"))->flags & TFV_SET);
	/* terraform 1.11 console: jsonencode(tolist(toset(["b","a"]))) */
	EQ("[\"a\",\"b\"]", "tolist", 1, call("toset", 1, LS(2, "b", "a")));
	ck_assert(!(call("tolist", 1, call("toset", 1, LS(1, "a")))->flags &
	    TFV_SET));
	/* terraform 1.11 console: jsonencode(tomap({a=1, b="x"})) */
	EQ("{\"a\":\"1\",\"b\":\"x\"}", "tomap", 1,
	    M(2, "a", N(1), "b", S("x")));
	/* terraform 1.11 console: tomap({a=1, b=[1]}) is an error */
	ERR("tomap: the elements must all be of one type", "tomap", 1,
	    M(2, "a", N(1), "b", L(1, N(1))));
	EQ("?var.x", "toset", 1, L(1, U("var.x")));
}
END_TEST

START_TEST(conversions_to_primitives)
{
	/* terraform 1.11 console: tostring(null) is null */
	EQ("null", "tostring", 1, NUL());
	/* terraform 1.11 console: tostring(1.5), tostring(true) */
	EQ("\"1.5\"", "tostring", 1, N(1.5));
	EQ("\"true\"", "tostring", 1, B(1));
	/* terraform 1.11 console: tostring([1]) is an error */
	ERR("tostring: cannot convert a list to a string", "tostring", 1,
	    L(1, N(1)));
	/* terraform 1.11 console: tonumber("12.5"), "1e3", "+1", ".5" */
	EQ("12.5", "tonumber", 1, S("12.5"));
	EQ("1000", "tonumber", 1, S("1e3"));
	EQ("1", "tonumber", 1, S("+1"));
	EQ("0.5", "tonumber", 1, S(".5"));
	EQ("null", "tonumber", 1, NUL());
	/* terraform 1.11 console: tonumber("0x10"), " 1", "abc" fail */
	ERR("tonumber: cannot convert \"0x10\"", "tonumber", 1, S("0x10"));
	ERR("tonumber: cannot convert \" 1\"", "tonumber", 1, S(" 1"));
	ERR("tonumber: cannot convert \"inf\"", "tonumber", 1, S("inf"));
	/* terraform 1.11 console: tobool("true"), tobool(null) */
	EQ("true", "tobool", 1, S("true"));
	EQ("null", "tobool", 1, NUL());
	/* terraform 1.11 console: tobool("yes"), tobool(1) fail */
	ERR("tobool: cannot convert \"yes\"", "tobool", 1, S("yes"));
	ERR("tobool: cannot convert a number", "tobool", 1, N(1));
	EQ("?var.b", "tobool", 1, U("var.b"));
}
END_TEST

START_TEST(basename_dirname)
{
	/* terraform 1.11 console: basename of "/a/b/c.txt", "a/b/", "",
	 * "/", "a//" */
	EQ("\"c.txt\"", "basename", 1, S("/a/b/c.txt"));
	EQ("\"b\"", "basename", 1, S("a/b/"));
	EQ("\".\"", "basename", 1, S(""));
	EQ("\"/\"", "basename", 1, S("/"));
	EQ("\"a\"", "basename", 1, S("a//"));
	/* terraform 1.11 console: dirname of "/a/b/c.txt", "c.txt",
	 * "a/b/", "/", "", "/a/../b/c", "a//b" */
	EQ("\"/a/b\"", "dirname", 1, S("/a/b/c.txt"));
	EQ("\".\"", "dirname", 1, S("c.txt"));
	EQ("\"a/b\"", "dirname", 1, S("a/b/"));
	EQ("\"/\"", "dirname", 1, S("/"));
	EQ("\".\"", "dirname", 1, S(""));
	EQ("\"/b\"", "dirname", 1, S("/a/../b/c"));
	EQ("\"a\"", "dirname", 1, S("a//b"));
}
END_TEST

START_TEST(distinct_compact)
{
	/* terraform 1.11 console:
	 * jsonencode(distinct(["a","b","a","c","b"])) */
	EQ("[\"a\",\"b\",\"c\"]", "distinct", 1,
	    LS(5, "a", "b", "a", "c", "b"));
	/* terraform 1.11 console: jsonencode(distinct([1, "1"])) */
	EQ("[\"1\"]", "distinct", 1, L(2, N(1), S("1")));
	EQ("[\"b\",\"a\"]", "distinct", 1, LS(3, "b", "a", "b"));
	/* terraform 1.11 console: distinct([true, 1]) is an error */
	ERR("distinct: the elements must all be of one type", "distinct", 1,
	    L(2, B(1), N(1)));
	/* terraform 1.11 console:
	 * jsonencode(compact(["a", "", null, "b"])) */
	EQ("[\"a\",\"b\"]", "compact", 1, L(4, S("a"), S(""), NUL(),
	    S("b")));
	/* Whether an unknown string is empty is not known. */
	EQ("?var.x", "compact", 1, L(2, S("a"), U("var.x")));
}
END_TEST

START_TEST(flatten_nesting)
{
	/* terraform 1.11 console:
	 * jsonencode(flatten([[1,[2,[3]]],[],4])) */
	EQ("[1,2,3,4]", "flatten", 1, L(3, L(2, N(1), L(2, N(2),
	    L(1, N(3)))), L(0), N(4)));
	/* terraform 1.11 console: jsonencode(flatten([[[]]])) */
	EQ("[]", "flatten", 1, L(1, L(1, L(0))));
	/* terraform 1.11 console: jsonencode(flatten([{a=1},[2]])) */
	EQ("[{\"a\":1},2]", "flatten", 1, L(2, M(1, "a", N(1)),
	    L(1, N(2))));
	/* An unknown element might be a list. */
	EQ("?var.x", "flatten", 1, L(2, LS(1, "a"), U("var.x")));
	/* A map with an unknown inside is an element as it is. */
	ck_assert_uint_eq(call("flatten", 1, L(1, L(1, M(1, "k",
	    U("var.v")))))->n, 1);
}
END_TEST

START_TEST(element_wraps_around)
{
	struct tfv	*l = LS(3, "a", "b", "c");

	/* terraform 1.11 console: element(l, 1), element(l, 3),
	 * element(l, 4), element(l, 5) */
	EQ("\"b\"", "element", 2, l, N(1));
	EQ("\"a\"", "element", 2, l, N(3));
	EQ("\"b\"", "element", 2, l, N(4));
	EQ("\"c\"", "element", 2, l, N(5));
	/* terraform 1.11 console: element(["a"], "1") */
	EQ("\"a\"", "element", 2, LS(1, "a"), S("1"));
	/* terraform 1.11 console: element(toset(["a"]), 0) is an error */
	EQ("!element: argument 1 must be a list, not a set", "element", 2,
	    call("toset", 1, LS(1, "a")), N(0));
	/* terraform 1.11 console: element([], 0) is an error */
	ERR("element: the list is empty", "element", 2, L(0), N(0));
	/* terraform 1.11 console: element(l, -1) panics; an error here */
	ERR("element: the index must not be negative", "element", 2, l,
	    N(-1));
	/* terraform 1.11 console: element(l, 1.5) is an error */
	ERR("element: argument 2 must be a whole number", "element", 2, l,
	    N(1.5));
	/* The element is known when the list and the index are. */
	EQ("\"b\"", "element", 2, L(2, U("var.a"), S("b")), N(1));
	EQ("?var.i", "element", 2, l, U("var.i"));
}
END_TEST

START_TEST(index_contains)
{
	/* terraform 1.11 console: index(["a","b","c"], "b") */
	EQ("1", "index", 2, LS(3, "a", "b", "c"), S("b"));
	/* terraform 1.11 console: index(["a","b"], "z") is an error, and
	 * index([1,2], "2") too: no conversion */
	ERR("index: the item is not in the list", "index", 2,
	    LS(2, "a", "b"), S("z"));
	ERR("index: the item is not in the list", "index", 2,
	    L(2, N(1), N(2)), S("2"));
	/* terraform 1.11 console: contains(["a","b"], "b"), "c" */
	EQ("true", "contains", 2, LS(2, "a", "b"), S("b"));
	EQ("false", "contains", 2, LS(2, "a", "b"), S("c"));
	/* terraform 1.11 console: contains([1,2], "1") */
	EQ("false", "contains", 2, L(2, N(1), N(2)), S("1"));
	EQ("?var.l", "contains", 2, L(1, U("var.l")), S("a"));
}
END_TEST

START_TEST(trims)
{
	/* terraform 1.11 console: trim("?!hello?!", "!?") */
	EQ("\"hello\"", "trim", 2, S("?!hello?!"), S("!?"));
	/* terraform 1.11 console: trim("ééhié", "é"): code points */
	EQ("\"hi\"", "trim", 2, S("\xc3\xa9\xc3\xa9hi\xc3\xa9"),
	    S("\xc3\xa9"));
	/* terraform 1.11 console: trim("  ab  ", " ") */
	EQ("\"ab\"", "trim", 2, S("  ab  "), S(" "));
	EQ("\"\"", "trim", 2, S("xxx"), S("x"));
	/* terraform 1.11 console: trimspace("  \n\t hello \r\n ") */
	EQ("\"hello\"", "trimspace", 1, S("  \n\t hello \r\n "));
	/* terraform 1.11 console: trimspace("\u00a0x\u00a0") */
	EQ("\"x\"", "trimspace", 1, S("\xc2\xa0x\xc2\xa0"));
	/* terraform 1.11 console: trimprefix("helloworld", "hello"),
	 * trimprefix("hello", "x"), trimsuffix("helloworld", "world") */
	EQ("\"world\"", "trimprefix", 2, S("helloworld"), S("hello"));
	EQ("\"hello\"", "trimprefix", 2, S("hello"), S("x"));
	EQ("\"hello\"", "trimsuffix", 2, S("helloworld"), S("world"));
	/* terraform 1.11 console: chomp("hello\r\n\n"), chomp("hello\r") */
	EQ("\"hello\"", "chomp", 1, S("hello\r\n\n"));
	EQ("\"hello\"", "chomp", 1, S("hello\r"));
	EQ("?var.s", "trimspace", 1, U("var.s"));
}
END_TEST

START_TEST(zipmap_keys_values)
{
	struct tfv	*v;

	/* terraform 1.11 console: jsonencode(zipmap(["a","b"], [1,2])) */
	EQ("{\"a\":1,\"b\":2}", "zipmap", 2, LS(2, "a", "b"),
	    L(2, N(1), N(2)));
	/* terraform 1.11 console: jsonencode(zipmap(["a","a"], [1,2])) */
	EQ("{\"a\":2}", "zipmap", 2, LS(2, "a", "a"), L(2, N(1), N(2)));
	/* terraform 1.11 console: zipmap(["a","b"], [1]) is an error */
	ERR("zipmap: the number of keys (2) does not match the number of "
	    "values (1)", "zipmap", 2, LS(2, "a", "b"), L(1, N(1)));
	/* Known keys with unknown values: a map. */
	v = call("zipmap", 2, LS(1, "a"), L(1, U("var.v")));
	ck_assert_int_eq(v->kind, TFV_MAP);
	EQ("?var.k", "zipmap", 2, L(1, U("var.k")), L(1, N(1)));
	/* terraform 1.11 console: jsonencode(keys({b=1, a=2})),
	 * jsonencode(values({b=1, a=2})) */
	EQ("[\"a\",\"b\"]", "keys", 1, M(2, "b", N(1), "a", N(2)));
	EQ("[2,1]", "values", 1, M(2, "b", N(1), "a", N(2)));
	/* keys() of a map with unknown values is known. */
	EQ("[\"x\"]", "keys", 1, M(1, "x", U("var.v")));
	EQ("?var.m", "keys", 1, U("var.m"));
	EQ("!keys: argument 1 must be a map, not a list", "keys", 1, L(0));
}
END_TEST

START_TEST(case_functions)
{
	/* terraform 1.11 console: lower("HeLLo"), upper("hello"),
	 * upper("ab-c1") */
	EQ("\"hello\"", "lower", 1, S("HeLLo"));
	EQ("\"HELLO\"", "upper", 1, S("hello"));
	EQ("\"AB-C1\"", "upper", 1, S("ab-c1"));
	/* terraform 1.11 console: lower("ÀB") is "àb"; irsalint does not
	 * know Unicode's cases. */
	EQ("?lower() of a string beyond ASCII", "lower", 1, S("\xc3\x80" "B"));
	/* terraform 1.11 console: title("hello world-foo_bar baz") */
	EQ("\"Hello World-Foo_bar Baz\"", "title", 1,
	    S("hello world-foo_bar baz"));
	/* terraform 1.11 console: title("HELLO") */
	EQ("\"HELLO\"", "title", 1, S("HELLO"));
	/* terraform 1.11 console: title("a—b c\u00a0d"): an em dash is
	 * not a separator, a no-break space is */
	EQ("\"A\xe2\x80\x94" "b C\xc2\xa0" "D\"", "title", 1,
	    S("a\xe2\x80\x94" "b c\xc2\xa0" "d"));
	/* terraform 1.11 console: title("élan vital") is "Élan Vital" */
	EQ("?title() of a word starting beyond ASCII", "title", 1,
	    S("\xc3\xa9lan vital"));
}
END_TEST

START_TEST(substr_code_points)
{
	/* terraform 1.11 console: substr("hello world", 1, 4) */
	EQ("\"ello\"", "substr", 3, S("hello world"), N(1), N(4));
	/* terraform 1.11 console: substr("hello world", -5, 3) */
	EQ("\"wor\"", "substr", 3, S("hello world"), N(-5), N(3));
	/* terraform 1.11 console: substr("hello world", 6, -1) */
	EQ("\"world\"", "substr", 3, S("hello world"), N(6), N(-1));
	/* terraform 1.11 console: substr("hello", 10, 2), (-10, 2),
	 * (2, 100), (0, 0), (1, -2) */
	EQ("\"\"", "substr", 3, S("hello"), N(10), N(2));
	EQ("\"he\"", "substr", 3, S("hello"), N(-10), N(2));
	EQ("\"llo\"", "substr", 3, S("hello"), N(2), N(100));
	EQ("\"\"", "substr", 3, S("hello"), N(0), N(0));
	EQ("\"ello\"", "substr", 3, S("hello"), N(1), N(-2));
	/* terraform 1.11 console: substr("héllo", 1, 2) */
	EQ("\"\xc3\xa9l\"", "substr", 3, S("h\xc3\xa9llo"), N(1), N(2));
	EQ("?var.s", "substr", 3, U("var.s"), N(0), N(1));
}
END_TEST

START_TEST(set_functions)
{
	/* terraform 1.11 console:
	 * jsonencode(setintersection(["a","b","c"], ["b","c","d"])) */
	EQ("[\"b\",\"c\"]", "setintersection", 2, LS(3, "a", "b", "c"),
	    LS(3, "b", "c", "d"));
	/* terraform 1.11 console: jsonencode(setintersection(["a"])) */
	EQ("[\"a\"]", "setintersection", 1, LS(1, "a"));
	/* terraform 1.11 console: jsonencode(setunion(["b"], ["a","b"])) */
	EQ("[\"a\",\"b\"]", "setunion", 2, LS(1, "b"), LS(2, "a", "b"));
	/* terraform 1.11 console: jsonencode(setunion(["a"],[1])) */
	EQ("[\"1\",\"a\"]", "setunion", 2, LS(1, "a"), L(1, N(1)));
	/* terraform 1.11 console:
	 * jsonencode(setsubtract(["a","b","c"], ["b"])) */
	EQ("[\"a\",\"c\"]", "setsubtract", 2, LS(3, "a", "b", "c"),
	    LS(1, "b"));
	EQ("[]", "setsubtract", 2, LS(2, "a", "b"), LS(2, "a", "b"));
	EQ("?var.s", "setunion", 2, LS(1, "a"), L(1, U("var.s")));
}
END_TEST

START_TEST(string_tests)
{
	/* terraform 1.11 console: startswith("hello", "he"),
	 * startswith("hello", ""), endswith("hello", "lo"),
	 * strcontains("hello", "ell") */
	EQ("true", "startswith", 2, S("hello"), S("he"));
	EQ("true", "startswith", 2, S("hello"), S(""));
	EQ("false", "startswith", 2, S("he"), S("hello"));
	EQ("true", "endswith", 2, S("hello"), S("lo"));
	EQ("true", "strcontains", 2, S("hello"), S("ell"));
	EQ("false", "strcontains", 2, S("hello"), S("x"));
	EQ("?var.s", "startswith", 2, U("var.s"), S("arn:"));
}
END_TEST

START_TEST(range_steps)
{
	/* terraform 1.11 console: jsonencode(range(5)), range(1, 10, 3),
	 * range(10, 1, -3), range(0), range(5, 1), range(1, 1),
	 * range(3, 0, -1), range(-1) */
	EQ("[0,1,2,3,4]", "range", 1, N(5));
	EQ("[1,4,7]", "range", 3, N(1), N(10), N(3));
	EQ("[10,7,4]", "range", 3, N(10), N(1), N(-3));
	EQ("[]", "range", 1, N(0));
	EQ("[5,4,3,2]", "range", 2, N(5), N(1));
	EQ("[]", "range", 2, N(1), N(1));
	EQ("[3,2,1]", "range", 3, N(3), N(0), N(-1));
	EQ("[0]", "range", 1, N(-1));
	/* terraform 1.11 console: range(1, 5, -1) is an error */
	ERR("range: the end must be less than the start when the step is "
	    "negative", "range", 3, N(1), N(5), N(-1));
	ERR("range: the step must not be zero", "range", 3, N(1), N(5),
	    N(0));
	/* terraform 1.11 console: range(0, 2000): more than 1024 values */
	ERR("range: more than 1024 values", "range", 2, N(0), N(2000));
	EQ("?var.n", "range", 1, U("var.n"));
}
END_TEST

START_TEST(sort_reverse)
{
	/* terraform 1.11 console:
	 * jsonencode(sort(["b","a","C","10","9"])) */
	EQ("[\"10\",\"9\",\"C\",\"a\",\"b\"]", "sort", 1,
	    LS(5, "b", "a", "C", "10", "9"));
	/* terraform 1.11 console: jsonencode(sort([3, 1, 2])): strings */
	EQ("[\"1\",\"2\",\"3\"]", "sort", 1, L(3, N(3), N(1), N(2)));
	/* terraform 1.11 console: sort(["b", null]) is an error */
	ERR("sort: argument 1 must be a list of strings; element 1 is null",
	    "sort", 1, L(2, S("b"), NUL()));
	/* terraform 1.11 console: jsonencode(reverse(["a","b","c"])) */
	EQ("[\"c\",\"b\",\"a\"]", "reverse", 1, LS(3, "a", "b", "c"));
	EQ("[]", "reverse", 1, L(0));
	EQ("?var.l", "sort", 1, L(1, U("var.l")));
}
END_TEST

START_TEST(numbers)
{
	/* terraform 1.11 console: abs(-3.5), min(3, 1, 2),
	 * max(3, "10", 2), ceil(1.2), floor(-1.2), ceil(-0.5), max(1) */
	EQ("3.5", "abs", 1, N(-3.5));
	EQ("1", "min", 3, N(3), N(1), N(2));
	EQ("10", "max", 3, N(3), S("10"), N(2));
	EQ("2", "ceil", 1, N(1.2));
	EQ("-2", "floor", 1, N(-1.2));
	EQ("0", "ceil", 1, N(-0.5));
	EQ("1", "max", 1, N(1));
	/* terraform 1.11 console: min() is an error */
	EQ("!min: expects at least 1 argument, got 0", "min", 0);
	EQ("!abs: argument 1 must be a number, not a string", "abs", 1,
	    S("x"));
	EQ("?var.n", "max", 2, N(1), U("var.n"));
}
END_TEST

START_TEST(alltrue_anytrue)
{
	/* terraform 1.11 console: alltrue([]), alltrue([true, "true"]),
	 * anytrue([]), anytrue([false, true]), alltrue([true, null]),
	 * anytrue([null, true]) */
	EQ("true", "alltrue", 1, L(0));
	EQ("true", "alltrue", 1, L(2, B(1), S("true")));
	EQ("false", "anytrue", 1, L(0));
	EQ("true", "anytrue", 1, L(2, B(0), B(1)));
	EQ("false", "alltrue", 1, L(2, B(1), NUL()));
	EQ("true", "anytrue", 1, L(2, NUL(), B(1)));
	/* A known false decides alltrue (a true anytrue) even with
	 * unknowns, as in Terraform; otherwise the unknown does. */
	EQ("false", "alltrue", 1, L(2, U("var.a"), B(0)));
	EQ("true", "anytrue", 1, L(2, U("var.a"), B(1)));
	EQ("?var.a", "alltrue", 1, L(2, U("var.a"), B(1)));
	EQ("!alltrue: argument 1 must be a list of bools; element 0 is a "
	    "list", "alltrue", 1, L(1, L(0)));
}
END_TEST

START_TEST(sensitive_is_identity)
{
	struct tfv	*v = S("x"), *u = U("var.secret");

	/* terraform 1.11 console: nonsensitive(sensitive("x")) is "x" */
	ck_assert_ptr_eq(call("sensitive", 1, v), v);
	ck_assert_ptr_eq(call("nonsensitive", 1, v), v);
	ck_assert_ptr_eq(call("sensitive", 1, u), u);
}
END_TEST

START_TEST(hashes_and_base64)
{
	/* terraform 1.11 console: md5("hello"), sha1("hello"),
	 * sha256("hello") */
	EQ("\"5d41402abc4b2a76b9719d911017c592\"", "md5", 1, S("hello"));
	EQ("\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"", "sha1", 1,
	    S("hello"));
	EQ("\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b"
	    "9824\"", "sha256", 1, S("hello"));
	/* The empty string and one of 64 bytes, which pads to a block
	 * more (FIPS 180-4 and RFC 1321 test values). */
	EQ("\"d41d8cd98f00b204e9800998ecf8427e\"", "md5", 1, S(""));
	EQ("\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852"
	    "b855\"", "sha256", 1, S(""));
	EQ("\"84983e441c3bd26ebaae4aa1f95129e5e54670f1\"", "sha1", 1,
	    S("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
	/* terraform 1.11 console: base64encode("hello"),
	 * base64decode("aGVsbG8=") */
	EQ("\"aGVsbG8=\"", "base64encode", 1, S("hello"));
	EQ("\"hello\"", "base64decode", 1, S("aGVsbG8="));
	EQ("\"YQ==\"", "base64encode", 1, S("a"));
	EQ("\"a\"", "base64decode", 1, S("YQ=="));
	/* terraform 1.11 console: base64decode("aGVsbG8") is an error */
	ERR("base64decode: the string is not base64", "base64decode", 1,
	    S("aGVsbG8"));
	ERR("base64decode: the result is not UTF-8", "base64decode", 1,
	    S("/w=="));
	EQ("?var.s", "md5", 1, U("var.s"));
}
END_TEST

/* A resource's instance: only some of its attributes are written. */
static struct tfv *
instance(void)
{
	struct tfv	*m;

	m = M(1, "arn", S("arn:aws:iam::1:role/x"));
	m->flags |= TFV_OPEN;
	m->why = "aws_iam_role.x";
	return m;
}

START_TEST(open_instance_maps)
{
	struct tfv	*v;

	/* What is written is known; what is not is known after apply. */
	EQ("\"arn:aws:iam::1:role/x\"", "lookup", 2, instance(), S("arn"));
	EQ("?aws_iam_role.x", "lookup", 2, instance(), S("name"));
	EQ("?aws_iam_role.x", "lookup", 3, instance(), S("name"), S("d"));
	/* Its set of keys is not known. */
	EQ("?aws_iam_role.x", "keys", 1, instance());
	EQ("?aws_iam_role.x", "values", 1, instance());
	EQ("?aws_iam_role.x", "length", 1, instance());
	EQ("?aws_iam_role.x", "merge", 2, instance(), M(0));
	EQ("?aws_iam_role.x", "format", 2, S("%v"), instance());
	EQ("?aws_iam_role.x", "tomap", 1, instance());
	v = call("jsonencode", 1, L(1, instance()));
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert_str_eq(v->why, "aws_iam_role.x");
	ck_assert_ptr_nonnull(v->json_of);
	/* As an element it is a value like another. */
	EQ("1", "length", 1, L(1, instance()));
	ck_assert_uint_eq(call("flatten", 1, L(1, instance()))->n, 1);
}
END_TEST

START_TEST(to_number_is_decimal_only)
{
	double	 d;

	/* terraform 1.11 console: tonumber("0x10") and tonumber(" 1")
	 * fail, tonumber("1e3") is 1000. */
	ck_assert_int_eq(tfv_to_number(S("0x10"), &d), -1);
	ck_assert_int_eq(tfv_to_number(S("inf"), &d), -1);
	ck_assert_int_eq(tfv_to_number(S("nan"), &d), -1);
	ck_assert_int_eq(tfv_to_number(S(" 1"), &d), -1);
	ck_assert_int_eq(tfv_to_number(S("1e3"), &d), 0);
	ck_assert(d == 1000);
}
END_TEST

START_TEST(errors_carry_the_position)
{
	struct tfv	*v;

	at.range.start.line = 7;
	v = call("upper", 1, L(0));
	ck_assert(v->flags & TFV_ERROR);
	ck_assert_ptr_eq(v->at, &at);
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_str_eq(dg.v[0]->msg,
	    "upper: argument 1 must be a string, not a list");
	/* An error argument is not reported again: it is unknown, and
	 * still an error. */
	v = call("lower", 1, v);
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert(v->flags & TFV_ERROR);
	ck_assert_uint_eq(dg.nerrors, 1);
}
END_TEST

START_TEST(budget_is_bounded)
{
	struct tfv	*l, *v;
	size_t		 i;

	/* A list made of itself, shared, 40 levels deep: 2^40 values
	 * when walked out.  jsonencode must stop at the budget or the
	 * size, not walk it. */
	l = S("x");
	for (i = 0; i < 40; i++)
		l = L(2, l, l);
	v = call("jsonencode", 1, l);
	ck_assert(v->flags & TFV_ERROR);
	ck_assert_uint_eq(dg.nerrors, 1);
	/* Once the budget is spent, every call is an error, reported
	 * no more. */
	ev.work = TF_MAX_WORK;
	ev.over = 1;
	v = call("upper", 1, S("a"));
	ck_assert(v->flags & TFV_ERROR);
	ck_assert_uint_le(dg.nerrors, 2);
}
END_TEST

START_TEST(budget_exhausted_mid_call)
{
	struct tfv	*v;

	/* Nearly spent: a big split runs out and says so, once. */
	ev.work = TF_MAX_WORK - 10;
	v = call("split", 2, S(","), S(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"));
	ck_assert(v->flags & TFV_ERROR);
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_assert_str_eq(dg.v[0]->msg, "split: evaluation budget exhausted");
}
END_TEST

START_TEST(limits_on_results)
{
	struct tfv	*big, *l;
	size_t		 i;
	char		*s;

	/* 1 MiB joined 20 times is past TF_MAX_STRING. */
	s = arena_alloc(&a, 1024 * 1024 + 1);
	memset(s, 'x', 1024 * 1024);
	big = S(s);
	l = tfv_list(&ev, 20, 0);
	for (i = 0; i < 20; i++)
		l->v[i] = big;
	ERR("join: the result is longer than", "join", 2, S(""), l);
	/* A list nested deeper than HCL_MAX_DEPTH. */
	l = L(0);
	for (i = 0; i < HCL_MAX_DEPTH + 5; i++)
		l = L(1, l);
	ERR("flatten: more than", "flatten", 1, l);
	ERR("upper: argument 1 is nested deeper than 256", "upper", 1, l);
}
END_TEST

START_TEST(hostile_shared_values_stay_bounded)
{
	struct tfv	*l, *v;
	size_t		 i;

	/* 2^60 elements when walked out.  An unknown before it must not
	 * send the reasons' walk through it. */
	l = S("x");
	for (i = 0; i < 60; i++)
		l = L(2, l, l);
	v = call("format", 3, S("%s%v"), U("var.a"), l);
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	v = call("element", 2, L(1, l), U("var.i"));
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	ck_assert_str_eq(v->why, "var.i");
	v = call("zipmap", 2, L(2, U("var.k"), l), L(2, N(1), N(2)));
	ck_assert_int_eq(v->kind, TFV_UNKNOWN);
	/* Shallow functions do not look inside at all. */
	EQ("2", "length", 1, l);
	ck_assert_uint_eq(call("concat", 2, l, l)->n, 4);
}
END_TEST

START_TEST(hostile_regex_and_formatlist)
{
	struct tfv	*big, *l;
	char		*s;
	size_t		 i;

	/* regexec may take time square in the text: long texts are not
	 * run. */
	s = arena_alloc(&a, 20001);
	memset(s, 'a', 20000);
	big = S(s);
	EQ("?replace() with a regular expression irsalint cannot evaluate",
	    "replace", 3, big, S("/a*b/"), S("x"));
	EQ("?regexall() with a regular expression irsalint cannot evaluate",
	    "regexall", 2, S("a"), big);
	/* The same long argument in every row of a formatlist. */
	s = arena_alloc(&a, 1024 * 1024 + 1);
	memset(s, 'x', 1024 * 1024);
	l = tfv_list(&ev, 20, 0);
	for (i = 0; i < 20; i++)
		l->v[i] = S("a");
	ERR("formatlist: the result is longer than", "formatlist", 3,
	    S("%s%s"), l, S(s));
	/* A width past Go's limit. */
	EQ("?format() with a width or precision over a million", "format",
	    2, S("%99999999d"), N(1));
	/* An empty match between every byte: the output is bounded. */
	ERR("replace: the result is longer than", "replace", 3, big, S(""),
	    S(s));
}
END_TEST

Suite *
tf_func_suite(void)
{
	Suite	*s = suite_create("tf_func");
	TCase	*tc = tcase_create("functions");
	TCase	*tl = tcase_create("limits");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_checked_fixture(tl, setup, teardown);
	tcase_set_timeout(tl, 60);
	tcase_add_test(tc, unknown_function_is_null);
	tcase_add_test(tc, argument_counts);
	tcase_add_test(tc, lookup_finds_and_defaults);
	tcase_add_test(tc, lookup_errors);
	tcase_add_test(tc, lookup_unknown);
	tcase_add_test(tc, merge_later_wins);
	tcase_add_test(tc, merge_unknowns);
	tcase_add_test(tc, split_edge_cases);
	tcase_add_test(tc, split_unknown_and_errors);
	tcase_add_test(tc, join_lists);
	tcase_add_test(tc, join_errors);
	tcase_add_test(tc, jsonencode_nested);
	tcase_add_test(tc, jsonencode_keeps_the_structure_of_unknowns);
	tcase_add_test(tc, jsondecode_values_and_errors);
	tcase_add_test(tc, format_strings_and_width);
	tcase_add_test(tc, format_integers);
	tcase_add_test(tc, format_floats_bools_values);
	tcase_add_test(tc, format_flags_more);
	tcase_add_test(tc, format_quotes);
	tcase_add_test(tc, format_errors);
	tcase_add_test(tc, format_unknown);
	tcase_add_test(tc, formatlist_in_step);
	tcase_add_test(tc, length_of_each_kind);
	tcase_add_test(tc, length_known_with_unknown_elements);
	tcase_add_test(tc, coalesce_skips_null_and_empty);
	tcase_add_test(tc, coalesce_unknown_only_before_the_answer);
	tcase_add_test(tc, coalescelist_first_non_empty);
	tcase_add_test(tc, concat_lists);
	tcase_add_test(tc, replace_plain);
	tcase_add_test(tc, replace_regex_backrefs);
	tcase_add_test(tc, replace_regex_empty_matches);
	tcase_add_test(tc, replace_regex_beyond_the_subset_is_unknown);
	tcase_add_test(tc, regex_and_regexall);
	tcase_add_test(tc, one_slice);
	tcase_add_test(tc, slice_bounds);
	tcase_add_test(tc, conversions_to_collections);
	tcase_add_test(tc, conversions_to_primitives);
	tcase_add_test(tc, basename_dirname);
	tcase_add_test(tc, distinct_compact);
	tcase_add_test(tc, flatten_nesting);
	tcase_add_test(tc, element_wraps_around);
	tcase_add_test(tc, index_contains);
	tcase_add_test(tc, trims);
	tcase_add_test(tc, zipmap_keys_values);
	tcase_add_test(tc, case_functions);
	tcase_add_test(tc, substr_code_points);
	tcase_add_test(tc, set_functions);
	tcase_add_test(tc, string_tests);
	tcase_add_test(tc, range_steps);
	tcase_add_test(tc, sort_reverse);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, alltrue_anytrue);
	tcase_add_test(tc, sensitive_is_identity);
	tcase_add_test(tc, hashes_and_base64);
	tcase_add_test(tc, open_instance_maps);
	tcase_add_test(tc, to_number_is_decimal_only);
	tcase_add_test(tc, errors_carry_the_position);
	tcase_add_test(tl, budget_is_bounded);
	tcase_add_test(tl, budget_exhausted_mid_call);
	tcase_add_test(tl, limits_on_results);
	tcase_add_test(tl, hostile_shared_values_stay_bounded);
	tcase_add_test(tl, hostile_regex_and_formatlist);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tl);
	return s;
}
