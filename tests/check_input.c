/* SPDX-License-Identifier: ISC */
/* Unit tests for the input layer and its two backends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "diag.h"
#include "input.h"

static char	*events(const char *, unsigned int, int);
static void	 ck_same_events(const char *, unsigned int, const char *,
		    unsigned int, int);
static int	 null_of(const char *, unsigned int);
static char	*walk(const char *, unsigned int);
static struct input_node *tree(struct arena *, const char *, unsigned int,
		    size_t, struct input_err *);
static int	 hook(void *, unsigned int, const char *, size_t);
static int	 hook_some(void *, unsigned int, const char *, size_t);
static unsigned int scan_ref(const char *, size_t, size_t *);
static char	*place(const char *, size_t, unsigned int, unsigned int);

static const char *const type_names[] = {
	"none", "stream", "/stream", "doc", "/doc", "alias", "scalar",
	"seq", "/seq", "map", "/map"
};

/*
 * The events of text read with the given backend, one per line, with
 * positions when pos is set; an error ends the list.  Caller frees.
 */
static char *
events(const char *text, unsigned int flags, int pos)
{
	struct input	 in;
	struct buf	 b = BUF_INIT;

	input_open(&in, "t", text, strlen(text), flags, 256);
	while (input_next(&in)) {
		buf_adds(&b, type_names[in.ev.type]);
		if (in.ev.type == INPUT_SCALAR)
			buf_addf(&b, " %s%s", in.ev.plain ? "" : "'",
			    in.ev.s);
		if (pos)
			buf_addf(&b, " %u:%u-%u:%u", in.ev.loc.line,
			    in.ev.loc.col, in.ev.loc.end_line,
			    in.ev.loc.end_col);
		buf_addc(&b, '\n');
		if (in.ev.type == INPUT_STREAM_END)
			break;
	}
	if (in.err.kind != INPUT_OK)
		buf_addf(&b, "error %d %u:%u %s\n", in.err.kind,
		    in.err.loc.line, in.err.loc.col, in.err.problem);
	input_close(&in);
	return buf_detach(&b, NULL);
}

static void
ck_same_events(const char *a, unsigned int fa, const char *b,
    unsigned int fb, int pos)
{
	char	*ea = events(a, fa, pos), *eb = events(b, fb, pos);

	ck_assert_str_eq(ea, eb);
	free(ea);
	free(eb);
}

START_TEST(positions_count_code_points)
{
	const char	*s = "a\n\303\251t\303\251 x\n";
	struct input_pos p;
	struct loc	 l;

	memset(&l, 0, sizeof(l));
	input_loc_from_offset(s, strlen(s), 8, &l);
	ck_assert_uint_eq(l.line, 2);
	ck_assert_uint_eq(l.col, 5);
	input_pos_init(&p, "t", s, strlen(s));
	l = input_pos_at(&p, 8);
	ck_assert_uint_eq(l.line, 2);
	ck_assert_uint_eq(l.col, 5);
	ck_assert_str_eq(l.file, "t");
	/* Behind the last offset asked for: counted again from the top. */
	l = input_pos_at(&p, 1);
	ck_assert_uint_eq(l.line, 1);
	ck_assert_uint_eq(l.col, 2);
	l = input_pos_at(&p, 100);
	ck_assert_uint_eq(l.line, 3);
	ck_assert_uint_eq(l.col, 1);
}
END_TEST

/*
 * Lines skipped by memchr and code points counted eight bytes at a
 * time, against a byte at a time: random text of ASCII, two- to
 * four-byte UTF-8, stray continuation bytes and newlines, every
 * offset, from the top and counting on.
 */
START_TEST(positions_count_as_byte_at_a_time)
{
	static const char *const bits[] = { "a", "xyz", "\n", "\303\251",
	    "\342\202\254", "\360\237\232\200", "\200", "\277\277", " ",
	    "\t" };
	char		 s[200];
	struct input_pos p;
	struct loc	 l, want;
	unsigned int	 seed = 7, n;
	size_t		 len, off, i, k;

	/* Half the texts ASCII only, which input_pos_at() counts apart. */
	for (n = 0; n < 600; n++) {
		len = 0;
		while (len + 4 < sizeof(s) && rand_r(&seed) % 60 != 0) {
			k = (size_t)rand_r(&seed) % (n % 2 == 0 ? 3 :
			    sizeof(bits) / sizeof(bits[0]));
			if (n % 2 == 0 && k == 1 && rand_r(&seed) % 2)
				k = 8 + (size_t)rand_r(&seed) % 2;
			memcpy(s + len, bits[k], strlen(bits[k]));
			len += strlen(bits[k]);
		}
		input_pos_init(&p, "t", s, len);
		if (n % 2 == 0)
			ck_assert(p.ascii);
		for (off = 0; off <= len + 1; off++) {
			want.line = want.col = 1;
			for (i = 0; i < off && i < len; i++)
				if (s[i] == '\n') {
					want.line++;
					want.col = 1;
				} else if (((unsigned char)s[i] & 0xC0) != 0x80)
					want.col++;
			input_loc_from_offset(s, len, off, &l);
			ck_assert_uint_eq(l.line, want.line);
			ck_assert_uint_eq(l.col, want.col);
			l = input_pos_at(&p, off);
			ck_assert_uint_eq(l.line, want.line);
			ck_assert_uint_eq(l.col, want.col);
		}
	}
}
END_TEST

START_TEST(yaml_marks_count_code_points)
{
	char	*e = events("k: \303\251t\303\251\nv: x\n", 0, 1);

	ck_assert_str_eq(e, "stream 1:1-1:1\ndoc 1:1-1:1\nmap 1:1-1:1\n"
	    "scalar k 1:1-1:2\nscalar \303\251t\303\251 1:4-1:7\n"
	    "scalar v 2:1-2:2\nscalar x 2:4-2:5\n/map 3:1-3:1\n"
	    "/doc 3:1-3:1\n/stream 3:1-3:1\n");
	free(e);
}
END_TEST

/* One scalar event of this text, for the null tests. */
static int
null_of(const char *text, unsigned int flags)
{
	struct input	 in;
	int		 r = -1;

	input_open(&in, "t", text, strlen(text), 0, 256);
	while (input_next(&in) && in.ev.type != INPUT_STREAM_END)
		if (in.ev.type == INPUT_SCALAR) {
			r = input_is_null(&in.ev, flags);
			break;
		}
	input_close(&in);
	return r;
}

START_TEST(null_test_keeps_each_readers_answer)
{
	static const struct {
		const char	*text;
		int		 core, any_tag, any_case;
	} t[] = {
		{ "~", 1, 1, 1 },
		{ "null", 1, 1, 1 },
		{ "Null", 1, 1, 1 },
		{ "NULL", 1, 1, 1 },
		{ "nULL", 0, 0, 1 },
		{ "- ", 1, 1, 1 },		/* an empty item */
		{ "\"null\"", 0, 0, 0 },
		{ "''", 0, 0, 0 },
		{ "!!str null", 0, 1, 0 },
		{ "!Ref null", 0, 1, 0 },
		{ "! null", 0, 1, 1 },
		{ "! 'null'", 0, 0, 1 },
		{ "nil", 0, 0, 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_msg(null_of(t[i].text, 0) == t[i].core,
		    "core %s", t[i].text);
		ck_assert_msg(null_of(t[i].text, INPUT_NULL_ANY_TAG) ==
		    t[i].any_tag, "any tag %s", t[i].text);
		ck_assert_msg(null_of(t[i].text, INPUT_NULL_ANY_CASE) ==
		    t[i].any_case, "any case %s", t[i].text);
	}
	/* JSON's null is plain, its strings are not. */
	ck_assert_int_eq(null_of("[null]", 0), 1);
	ck_assert_int_eq(null_of("[\"\"]", 0), 0);
}
END_TEST

START_TEST(yaml_and_json_give_the_same_events)
{
	static const char yaml[] =
	    "apiVersion: v1\n"
	    "kind: ServiceAccount\n"
	    "metadata:\n"
	    "  name: \"app\\u00e9\"\n"
	    "  annotations: {}\n"
	    "  labels: [a, 1, true, ~]\n"
	    "data:\n"
	    "  - x: \"tab\\there\"\n";
	static const char json[] =
	    "{\"apiVersion\": \"v1\", \"kind\": \"ServiceAccount\",\n"
	    " \"metadata\": {\"name\": \"app\\u00e9\", \"annotations\": {},\n"
	    "  \"labels\": [\"a\", 1, true, null]},\n"
	    " \"data\": [{\"x\": \"tab\\there\"}]}\n";
	char	*ey = events(yaml, INPUT_YAML, 0);
	char	*ej = events(json, INPUT_JSON, 0);

	/* YAML's plain keys and strings are JSON's quoted ones. */
	ck_assert_str_eq(ey, "stream\ndoc\nmap\nscalar apiVersion\n"
	    "scalar v1\nscalar kind\nscalar ServiceAccount\n"
	    "scalar metadata\nmap\nscalar name\nscalar 'app\303\251\n"
	    "scalar annotations\nmap\n/map\nscalar labels\nseq\nscalar a\n"
	    "scalar 1\nscalar true\nscalar ~\n/seq\n/map\nscalar data\nseq\n"
	    "map\nscalar x\nscalar 'tab\there\n/map\n/seq\n/map\n/doc\n"
	    "/stream\n");
	ck_assert_str_eq(ej, "stream\ndoc\nmap\nscalar 'apiVersion\n"
	    "scalar 'v1\nscalar 'kind\nscalar 'ServiceAccount\n"
	    "scalar 'metadata\nmap\nscalar 'name\nscalar 'app\303\251\n"
	    "scalar 'annotations\nmap\n/map\nscalar 'labels\nseq\n"
	    "scalar 'a\nscalar 1\nscalar true\nscalar null\n/seq\n/map\n"
	    "scalar 'data\nseq\nmap\nscalar 'x\nscalar 'tab\there\n/map\n"
	    "/seq\n/map\n/doc\n/stream\n");
	free(ey);
	free(ej);
}
END_TEST

/* The JSON scanner gives libyaml's events and positions for JSON. */
START_TEST(json_backend_matches_libyaml_on_json)
{
	static const char *const texts[] = {
		"",
		"   ",
		"\n",
		"\"x\"",
		"  {\"a\": [1, \"x\\u00e9\", true, null], \"b\": {}}",
		"{\"a\": 1}\n\n",
		"{\"\303\251\": \"\303\251\",\n  \"k\": [[], [{}], -1.5e3]}\n",
		"[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00e9\"]",
		"{\"a\":1}\r\n",
	};
	size_t	 i;
	char	*e;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		ck_same_events(texts[i], INPUT_YAML, texts[i], INPUT_JSON, 1);
	/* Except that UTF-16 pairs are JSON, and libyaml refuses them. */
	e = events("[\"\\ud83d\\ude00\"]", INPUT_JSON, 0);
	ck_assert_str_eq(e, "stream\ndoc\nseq\nscalar '\360\237\230\200\n"
	    "/seq\n/doc\n/stream\n");
	free(e);
}
END_TEST

START_TEST(json_errors_have_positions)
{
	char	*e;

	e = events("{\"a\": 1,\n \"b\" 2}", INPUT_JSON, 0);
	ck_assert_ptr_nonnull(strstr(e, "error 1 2:6 expected ':'\n"));
	free(e);
	e = events("[1, 2", INPUT_JSON, 0);
	ck_assert_ptr_nonnull(strstr(e, "error 1 1:6 unexpected end of "
	    "input\n"));
	free(e);
	e = events("{} x", INPUT_JSON, 0);
	ck_assert_ptr_nonnull(strstr(e, "error 1 1:4 unexpected text "
	    "after the JSON value\n"));
	free(e);
	e = events("[\"\\udc00\"]", INPUT_JSON, 0);
	ck_assert_ptr_nonnull(strstr(e, "error 1 1:3 \\u escape of half a "
	    "UTF-16 pair\n"));
	free(e);
}
END_TEST

/* Walk with the cursor: keys of the top mapping, items counted. */
static char *
walk(const char *text, unsigned int flags)
{
	struct input		 in;
	struct input_key	 k;
	struct buf		 b = BUF_INIT;
	int			 r;

	input_open(&in, "t", text, strlen(text), flags, 256);
	if (!input_next(&in) || !input_next(&in) || !input_next(&in) ||
	    in.ev.type != INPUT_MAP_START || !input_enter(&in))
		goto out;
	while ((r = input_entry(&in, &k)) == 1) {
		buf_addf(&b, "%s@%u:", k.s, k.loc.line);
		if (in.ev.type == INPUT_SEQ_START && input_enter(&in)) {
			while ((r = input_item(&in)) == 1) {
				buf_addf(&b, " %s", input_found(&in.ev));
				if (!input_skip(&in))
					goto out;
			}
			if (r == 0)
				goto out;
		} else {
			buf_addf(&b, " %s", input_found(&in.ev));
			if (!input_skip(&in))
				goto out;
		}
		buf_addc(&b, '\n');
	}
	buf_addf(&b, "end %d depth %u\n", r, in.depth);
out:
	input_close(&in);
	return buf_detach(&b, NULL);
}

START_TEST(cursor_walks_both_backends_alike)
{
	char	*a = walk("a: 1\nb:\n  - x\n  - {y: 1}\n  - [z]\nc: {d: e}\n",
		    INPUT_YAML);
	char	*b = walk("{\"a\": 1,\n\"b\": [\n\"x\",\n{\"y\": 1}, "
		    "[\"z\"]],\n\n\"c\": {\"d\": \"e\"}}", INPUT_JSON);

	ck_assert_str_eq(a, "a@1: a scalar\nb@2: a scalar a mapping "
	    "a sequence\nc@6: a mapping\nend 2 depth 0\n");
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}
END_TEST

START_TEST(cursor_replays_aliases_only_when_asked)
{
	static const char text[] = "base: &b [1]\nuse: *b\n<<: *b\n";
	char	*a = walk(text, INPUT_REPLAY);
	char	*b = walk(text, 0);

	ck_assert_str_eq(a, "base@1: a scalar\nuse@2: a scalar\n<<@3: "
	    "a scalar\nend 2 depth 0\n");
	ck_assert_str_eq(b, "base@1: a scalar\nuse@2: an alias\n<<@3: "
	    "an alias\nend 2 depth 0\n");
	free(a);
	free(b);
}
END_TEST

START_TEST(cursor_bounds_depth)
{
	struct input	 in;
	const char	*text = "[[[[1]]]]";

	input_open(&in, "t", text, strlen(text), INPUT_JSON, 3);
	ck_assert(input_next(&in) && input_next(&in) && input_next(&in));
	ck_assert_int_eq(input_skip(&in), 0);
	ck_assert_int_eq(in.err.kind, INPUT_ERR_DEPTH);
	ck_assert_uint_eq(in.err.loc.col, 4);
	ck_assert_uint_eq(in.err.loc.end_col, 5);
	/* After an error the input stays at its end. */
	ck_assert_int_eq(input_next(&in), 0);
	input_close(&in);
}
END_TEST

/* The tree of text's root, in the arena a. */
static struct input_node *
tree(struct arena *a, const char *text, unsigned int flags, size_t budget,
    struct input_err *err)
{
	struct input		 in;
	struct input_node	*n = NULL;

	input_open(&in, "t", text, strlen(text), flags, 256);
	if (input_next(&in) && input_next(&in) && input_next(&in))
		n = input_tree(&in, a, 0, &budget);
	*err = in.err;
	input_close(&in);
	return n;
}

START_TEST(tree_is_the_same_from_yaml_and_json)
{
	struct arena		 a = ARENA_INIT;
	struct input_err	 err;
	const struct input_node	*y, *j, *k;

	y = tree(&a, "role:\n  arn: x\n  ids: [a, b]\nnone: ~\n", INPUT_YAML,
	    100, &err);
	j = tree(&a, "{\"role\": {\"arn\": \"x\",\n  \"ids\": [\"a\", \"b\"]},"
	    "\n\"none\": null}", INPUT_JSON, 100, &err);
	ck_assert_ptr_nonnull(y);
	ck_assert_ptr_nonnull(j);
	ck_assert_uint_eq(y->n, 2);
	ck_assert_uint_eq(j->n, 2);
	k = input_node_get(input_node_get(y, "role"), "ids");
	ck_assert_uint_eq(k->n, 2);
	ck_assert_str_eq(k->kids->next->s, "b");
	ck_assert_uint_eq(k->loc.line, 3);
	ck_assert_uint_eq(k->loc.end_col, 14);
	ck_assert_uint_eq(k->key_loc.col, 3);
	k = input_node_get(input_node_get(j, "role"), "ids");
	ck_assert_uint_eq(k->n, 2);
	ck_assert_str_eq(k->kids->next->s, "b");
	ck_assert_uint_eq(k->loc.line, 2);
	ck_assert_uint_eq(k->loc.col, 10);
	ck_assert_uint_eq(k->loc.end_col, 20);
	ck_assert_str_eq(input_node_found(input_node_get(y, "none")),
	    "nothing");
	ck_assert_str_eq(input_node_found(input_node_get(j, "none")),
	    "nothing");
	ck_assert_str_eq(input_node_found(input_node_get(j, "role")),
	    "a mapping");
	ck_assert_ptr_null(input_node_get(j, "nope"));
	arena_release(&a);
}
END_TEST

START_TEST(tree_reports_what_it_cannot_build)
{
	struct arena		 a = ARENA_INIT;
	struct input_err	 err;
	struct input_node	*n;

	n = tree(&a, "a: &x [1, 2]\nb: *x\n", INPUT_REPLAY, 100, &err);
	ck_assert_ptr_nonnull(n);
	ck_assert_uint_eq(n->kids->next->n, 2);
	n = tree(&a, "a: &x [1, 2]\nb: *x\n", 0, 100, &err);
	ck_assert_ptr_null(n);
	ck_assert_int_eq(err.kind, INPUT_ERR_ALIAS);
	ck_assert_uint_eq(err.loc.line, 2);
	n = tree(&a, "? [k]\n: v\n", 0, 100, &err);
	ck_assert_ptr_null(n);
	ck_assert_int_eq(err.kind, INPUT_ERR_KEY);
	n = tree(&a, "[1, 2, 3]", INPUT_JSON, 3, &err);
	ck_assert_ptr_null(n);
	ck_assert_int_eq(err.kind, INPUT_ERR_LIMIT);
	ck_assert_uint_eq(err.loc.col, 8);
	arena_release(&a);
}
END_TEST

/* Every line is shown to a hook that asks for every line. */
static int
hook(void *arg, unsigned int lineno, const char *s, size_t n)
{
	buf_addf(arg, "%u[%.*s]", lineno, (int)n, s);
	return 1;
}

START_TEST(lines_show_each_line_and_place_bad_bytes)
{
	static const char text[] = "a: 1\nb: \"\303\251\"\n\nc: \377\n";
	struct input_lines	 l;
	struct input		 in;
	struct buf		 b = BUF_INIT;
	FILE			*fp;

	ck_assert_ptr_nonnull(fp = fmemopen((void *)text, sizeof(text) - 1,
	    "r"));
	input_lines_stream(&l, fp, text, 3);
	fseek(fp, 3, SEEK_SET);
	l.hook = hook;
	l.arg = &b;
	input_open_lines(&in, "t", &l, 0, 256);
	while (input_next(&in) && in.ev.type != INPUT_STREAM_END)
		continue;
	ck_assert_str_eq(b.buf, "1[a: 1]2[b: \"\303\251\"]3[]4[c: \377]");
	ck_assert_int_eq(in.err.kind, INPUT_ERR_ENCODING);
	ck_assert_uint_eq(in.err.loc.line, 4);
	ck_assert_uint_eq(in.err.loc.col, 4);
	input_close(&in);
	input_lines_release(&l);
	fclose(fp);
	buf_release(&b);
}
END_TEST

/* The line scan done a byte at a time: what input_line_scan() must say. */
static unsigned int
scan_ref(const char *s, size_t avail, size_t *n)
{
	unsigned int	 flags = INPUT_LINE_PLAIN;
	unsigned char	 c;
	size_t		 i;

	for (i = 0; i < avail; i++) {
		c = (unsigned char)s[i];
		if (c == '\n') {
			*n = i + 1;
			return flags | INPUT_LINE_NL;
		}
		if (c == '#')
			flags |= INPUT_LINE_HASH;
		if ((c < 0x20 || c > 0x7e) && c != '\t' && c != '\r')
			flags &= ~INPUT_LINE_PLAIN;
	}
	*n = avail;
	return flags;
}

/*
 * Both ways of scanning a line (sixteen bytes at a time with SSE2,
 * eight without) say what the byte loop says: random lines of the bytes
 * each tells apart, at every alignment, ending at the end of the buffer
 * or not.  The buffer is allocated to its length, so that ASan and
 * valgrind see a read past it.
 */
START_TEST(line_scan_matches_the_byte_loop)
{
	static const unsigned char	 alpha[] = "ab #\n\t\r\177\200\377"
	    "\000\037\040\176\043";
	unsigned int	 seed = 7, k, want, got, seen = 0;
	size_t		 len, i, off, wn, gn;
	char		*buf;
	int		 portable;

	for (k = 0; k < 100000; k++) {
		len = (size_t)rand_r(&seed) % 70;
		ck_assert_ptr_nonnull(buf = malloc(len + 1));
		for (i = 0; i < len; i++)
			buf[i] = (char)(rand_r(&seed) % 4 != 0 ? 'a' + i % 26 :
			    alpha[rand_r(&seed) % (sizeof(alpha) - 1)]);
		off = len > 0 ? (size_t)rand_r(&seed) % len : 0;
		want = scan_ref(buf + off, len - off, &wn);
		seen |= want;
		for (portable = 0; portable < 2; portable++) {
			gn = 0;
			got = input_line_scan(buf + off, len - off, &gn,
			    portable);
			ck_assert_uint_eq(got, want);
			ck_assert_uint_eq(gn, wn);
		}
		free(buf);
	}
	/* Every flag was seen set (and, being random, clear). */
	ck_assert_uint_eq(seen, INPUT_LINE_NL | INPUT_LINE_PLAIN |
	    INPUT_LINE_HASH);
}
END_TEST

/* A hook that wants every line after one that says "want". */
static int
hook_some(void *arg, unsigned int lineno, const char *s, size_t n)
{
	buf_addf(arg, "%u[%.*s]", lineno, (int)n, s);
	return n >= 4 && memcmp(s + n - 4, "want", 4) == 0;
}

/*
 * Everything the reader does with text, call by call: each block's
 * length and lines, the hook's lines (hook_some), the kept text of the
 * block's lines, the ring's places, and the limits it met.  scan_each
 * takes every line through input_line_scan().  Caller frees.
 */
static char *
transcript(const char *text, size_t len, int stream, int scan_each,
    size_t size, size_t max_line, size_t max_size)
{
	struct input_lines	 l;
	struct buf		 b = BUF_INIT;
	unsigned char		 out[70000];
	unsigned int		 before, ln;
	const char		*kept;
	size_t			 n, klen;
	FILE			*fp = NULL;

	if (stream) {
		ck_assert_ptr_nonnull(fp = fmemopen((void *)text, len, "r"));
		input_lines_stream(&l, fp, NULL, 0);
		l.max_size = max_size;
	} else
		input_lines_mem(&l, text, len);
	l.max_line = max_line;
	l.keep = 300;
	l.scan_each = scan_each;
	l.hook = hook_some;
	l.arg = &b;
	for (;;) {
		before = l.lineno;
		ck_assert_int_eq(input_lines_read(&l, out, size, &n), 1);
		if (n == 0)
			break;
		buf_addf(&b, " %zu/%u:", n, l.lineno - before);
		buf_add(&b, (const char *)out, n);
		for (ln = before + 1; ln <= l.lineno; ln++) {
			buf_addf(&b, "@%zu", l.ring[ln % INPUT_LINES_RING].off);
			if ((kept = input_lines_text(&l, ln, ln, &klen)) != NULL)
				buf_add(&b, kept, klen);
		}
	}
	buf_addf(&b, " end %d %d %u", l.line_too_long, l.too_big, l.lineno);
	input_lines_release(&l);
	if (fp != NULL)
		fclose(fp);
	return buf_detach(&b, NULL);
}

/*
 * Lines taken from a block without a scan of their own (the printable
 * ones after its first line) are taken as the scan of each takes them:
 * the same blocks, hook lines, kept text and places, from memory and
 * streamed, with lines of every kind, long ones and limits.
 */
START_TEST(lines_of_a_block_as_each_scanned)
{
	static const char *const parts[] = { "key: value", "  - item",
	    "# Source: x/y.yaml", "a: '#'", "t:\tx", "crlf: 1\r",
	    "\303\251: 1", "\001", "\177", "b", "", "want",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };
	static const size_t sizes[] = { 16384, 7, 100, 65536 };
	char		*text, *a, *c;
	size_t		 n, i, k, max_line, max_size;
	unsigned int	 seed = 99, round;
	int		 stream;

	ck_assert_ptr_nonnull(text = malloc(60000));
	for (round = 0; round < 400; round++) {
		n = 0;
		k = round % 20 == 0 ? 3000 : rand_r(&seed) % 300;
		for (i = 0; i < k && n < 50000; i++) {
			if (rand_r(&seed) % 50 == 0) {
				memset(text + n, 'z', 700);
				n += 700;
			} else
				n += (size_t)snprintf(text + n, 60000 - n,
				    "%s", parts[rand_r(&seed) % (sizeof(parts) /
				    sizeof(parts[0]))]);
			if (rand_r(&seed) % 40 != 0)
				text[n++] = '\n';
		}
		max_line = rand_r(&seed) % 4 == 0 ? 500 : 100000;
		max_size = rand_r(&seed) % 4 == 0 ? n / 2 : (size_t)-1;
		for (stream = 0; stream < 2; stream++) {
			a = transcript(text, n, stream, 0,
			    sizes[round % 4], max_line, max_size);
			c = transcript(text, n, stream, 1,
			    sizes[round % 4], max_line, max_size);
			ck_assert_msg(strcmp(a, c) == 0, "round %u%s: %.300s "
			    "| %.300s", round, stream ? " streamed" : "", a, c);
			free(a);
			free(c);
		}
	}
	free(text);
}
END_TEST

/*
 * The hook sees the first line, then the lines with a '#' (comments,
 * helm's "# Source:"), and every line after one it asked for more at.
 */
START_TEST(lines_show_the_hook_what_it_asks_for)
{
	static const char text[] = "a: 1\nb: 2\n# c want\nd: 3\ne: 4\n"
	    "f: '#'\ng: 5\n";
	struct input_lines	 l;
	struct input		 in;
	struct buf		 b = BUF_INIT;
	FILE			*fp;
	int			 stream;

	for (stream = 0; stream < 2; stream++) {
		fp = NULL;
		if (stream) {
			ck_assert_ptr_nonnull(fp = fmemopen((void *)text,
			    sizeof(text) - 1, "r"));
			input_lines_stream(&l, fp, NULL, 0);
		} else
			input_lines_mem(&l, text, sizeof(text) - 1);
		l.hook = hook_some;
		l.arg = &b;
		input_open_lines(&in, "t", &l, 0, 256);
		while (input_next(&in) && in.ev.type != INPUT_STREAM_END)
			continue;
		ck_assert_int_eq(in.err.kind, INPUT_OK);
		ck_assert_str_eq(b.buf, "1[a: 1]3[# c want]4[d: 3]6[f: '#']");
		input_close(&in);
		input_lines_release(&l);
		if (fp != NULL)
			fclose(fp);
		buf_release(&b);
	}
}
END_TEST

/*
 * What input_lines_read() hands libyaml, call by call, read from memory
 * or (stream) from a FILE: each call's length and its lines' count,
 * "5/1 7/1", for calls of size bytes.
 */
static char *
blocks(const char *text, size_t len, int stream, size_t size)
{
	struct input_lines	 l;
	struct buf		 b = BUF_INIT, got = BUF_INIT;
	unsigned char		*out = malloc(size);
	unsigned int		 before;
	size_t			 n;
	FILE			*fp = NULL;

	ck_assert_ptr_nonnull(out);
	if (stream) {
		ck_assert_ptr_nonnull(fp = fmemopen((void *)text, len, "r"));
		input_lines_stream(&l, fp, NULL, 0);
	} else
		input_lines_mem(&l, text, len);
	l.max_line = 100000;
	for (;;) {
		before = l.lineno;
		ck_assert_int_eq(input_lines_read(&l, out, size, &n), 1);
		if (n == 0)
			break;
		buf_add(&got, (const char *)out, n);
		buf_addf(&b, "%s%zu/%u", b.len > 0 ? " " : "", n,
		    l.lineno - before);
	}
	/* Every byte handed, in order. */
	ck_assert_uint_eq(got.len, l.line_too_long ? got.len : len);
	ck_assert_int_eq(memcmp(got.buf, text, got.len), 0);
	if (l.line_too_long)
		buf_adds(&b, " too long");
	input_lines_release(&l);
	if (fp != NULL)
		fclose(fp);
	buf_release(&got);
	free(out);
	return buf_detach(&b, NULL);
}

#define CK_BLOCKS2(text, len, size, want, wants) do {			\
	char	*got_;							\
	int	 s_;							\
									\
	for (s_ = 0; s_ < 2; s_++) {					\
		got_ = blocks((text), (len), s_, (size));		\
		ck_assert_str_eq(got_, s_ ? (wants) : (want));		\
		free(got_);						\
	}								\
} while (0)
#define CK_BLOCKS(text, len, size, want)				\
	CK_BLOCKS2(text, len, size, want, want)

/*
 * Lines go to libyaml in blocks of printable lines; any other line
 * goes alone, so that its bad byte is reported only once the parser
 * has had all before it, as when every line went alone.
 */
START_TEST(lines_go_in_blocks_of_printable_lines)
{
	char	*text;
	size_t	 n = 0, i;

	CK_BLOCKS("a: 1\nb: 2\n", 10, 16384, "10/2");
	/* Streamed, a last line with no newline waits for the end. */
	CK_BLOCKS2("a: 1\nb: 2", 9, 16384, "9/2", "5/1 4/1");
	/* Not ASCII, a control byte, DEL: alone. */
	CK_BLOCKS("a: 1\nb: \303\251\nc: 3\nd: 4\n", 21, 16384,
	    "5/1 6/1 10/2");
	CK_BLOCKS("a: 1\n\001\nc: 3\n", 12, 16384, "5/1 2/1 5/1");
	CK_BLOCKS("a: 1\nb: \177\n", 10, 16384, "5/1 5/1");
	CK_BLOCKS("a\000b\n", 4, 16384, "4/1");
	/* Tabs and CRLF are printable; 8 bytes at a time, and the rest. */
	CK_BLOCKS("key:\t\"0123456789abcdef\"\r\nb: 2\r\n", 31, 16384,
	    "31/2");
	CK_BLOCKS("0123456789abcdef0123456789abcdef\200\n", 34, 16384,
	    "34/1");
	/* A block handed in parts when libyaml asks for less. */
	CK_BLOCKS("a: 1\nb: 2\n", 10, 4, "4/2 4/0 2/0");

	text = malloc(300000);
	ck_assert_ptr_nonnull(text);
	/* At most INPUT_LINES_RING / 2 lines... */
	for (i = 0; i < 300; i++)
		n += (size_t)snprintf(text + n, 300000 - n, "k%03zu: 1\n", i);
	CK_BLOCKS(text, n, 16384, "1024/128 1024/128 352/44");
	/* ...and INPUT_LINES_BLOCK bytes, but for one longer line. */
	memset(text, 'x', 20000);
	text[9999] = text[19999] = '\n';
	CK_BLOCKS(text, 20000, 65536, "10000/1 10000/1");
	memset(text, 'x', 200000);
	text[99999] = '\n';
	/* Streamed, rb grows for a line longer than it. */
	CK_BLOCKS(text, 100000, 200000, "100000/1");
	CK_BLOCKS(text, 100001, 200000, "100000/1 1/1");
	/* A line longer than max_line ends the input before it. */
	text[4] = '\n';
	text[99999] = 'x';
	CK_BLOCKS(text, 200000, 200000, "5/1 too long");
	free(text);
}
END_TEST

/*
 * Where the place line:col of the value of key "doc" is in text, read a
 * line at a time with keep bytes kept: "L:C", or "none".  Caller frees.
 */
static char *
place(const char *text, size_t keep, unsigned int line, unsigned int col)
{
	struct input_lines	 l;
	struct input		 in;
	struct buf		 b = BUF_INIT;
	struct loc		 at, out;
	const char		*raw;
	size_t			 len;
	int			 next = 0;

	input_lines_mem(&l, text, strlen(text));
	l.keep = keep;
	input_open_lines(&in, "t", &l, INPUT_REPLAY, 256);
	memset(&at, 0, sizeof(at));
	at.line = line;
	at.col = col;
	buf_adds(&b, "none");
	while (input_next(&in) && in.ev.type != INPUT_STREAM_END) {
		if (in.ev.type == INPUT_ALIAS && !input_deref(&in))
			break;
		if (in.ev.type != INPUT_SCALAR)
			continue;
		if (next) {
			if ((raw = input_lines_scalar(&l, &in.ev, &len)) !=
			    NULL &&
			    input_scalar_locs(raw, len, &in.ev, &at, 1, &out)) {
				buf_reset(&b);
				buf_addf(&b, "%u:%u", out.line, out.col);
				ck_assert_str_eq(out.file, "t");
			}
			break;
		}
		next = strcmp(in.ev.s, "doc") == 0;
	}
	input_close(&in);
	input_lines_release(&l);
	return buf_detach(&b, NULL);
}

#define CK_PLACE(text, keep, line, col, want) do {			\
	char	*got_ = place((text), (keep), (line), (col));		\
	ck_assert_str_eq(got_, (want));					\
	free(got_);							\
} while (0)

START_TEST(scalar_places_follow_each_style)
{
	/* Literal: the indentation goes. */
	CK_PLACE("doc: |\n  {\n    \"a\": \"x\"\n  }\n", 4096, 2, 3, "3:5");
	/* Folded as ACK writes it, more indented lines kept. */
	CK_PLACE("spec:\n  doc: >\n    {\n      \"Version\":\"2012-10-17\",\n"
	    "      \"Statement\": [{\n        \"Effect\":\"Allow\"\n"
	    "      }]\n    }\n", 4096, 4, 5, "6:9");
	/* Folded lines of text become one. */
	CK_PLACE("doc: >\n  one\n  two\n", 4096, 1, 5, "3:3");
	/* An indentation indicator keeps leading spaces. */
	CK_PLACE("doc: |2\n    x\n   y\n", 4096, 2, 2, "3:4");
	/* Double-quoted, as kubectl -o json writes it: escapes. */
	CK_PLACE("doc: \"{\\\"a\\\": \\\"x\\u00e9\\\", \\\"b\\\": 1}\"\n",
	    4096, 1, 13, "1:28");
	/* A folded line break is a space; an escaped one nothing. */
	CK_PLACE("doc: \"{\\\"a\\\":   \n  \\\"b\\\"}\"\n", 4096, 1, 7, "2:3");
	CK_PLACE("doc: \"ab\\\n   cd\"\n", 4096, 1, 3, "2:4");
	/* Plain and single-quoted. */
	CK_PLACE("doc: one\n  two\n", 4096, 1, 5, "2:3");
	CK_PLACE("doc: 'it''s {\"x\"}'\n", 4096, 1, 6, "1:13");
	CK_PLACE("x: 1\ndoc:   \"\303\251t\303\251\"\n", 4096, 1, 3, "2:11");
	/* CRLF line ends. */
	CK_PLACE("doc: |\r\n  {\r\n    \"a\"\r\n  }\r\n", 4096, 2, 3, "3:5");
}
END_TEST

START_TEST(scalar_places_are_never_invented)
{
	/* A place outside the value. */
	CK_PLACE("doc: |\n  {}\n", 4096, 1, 9, "none");
	CK_PLACE("doc: |\n  {}\n", 4096, 3, 1, "none");
	/* Lines no longer kept, or never. */
	CK_PLACE("doc: |\n  {\n    \"a\": \"x\"\n  }\n", 8, 2, 3, "none");
	CK_PLACE("doc: |\n  {\n    \"a\": \"x\"\n  }\n", 0, 2, 3, "none");
	/* An alias replayed stands where the alias is: no value there. */
	CK_PLACE("a: &x \"ab\"\ndoc: *x\n", 4096, 1, 2, "none");
	/* A tab where the value has none: no guess. */
	CK_PLACE("doc: \"a\tb\"\n", 4096, 1, 3, "1:9");
}
END_TEST

START_TEST(lines_keep_the_last_lines)
{
	struct input_lines	 l;
	struct input		 in;
	const char		*s;
	char			*text;
	size_t			 len, n = 0, i, lim = 10 + INPUT_LINES_BLOCK;

	/* 8,000 lines of 10 bytes, far more than twice keep + a block. */
	ck_assert_ptr_nonnull(text = malloc(80001));
	for (i = 0; i < 8000; i++)
		n += (size_t)snprintf(text + n, 80001 - n, "k%05zu: 1\n", i);
	input_lines_mem(&l, text, n);
	l.keep = 10;
	input_open_lines(&in, "t", &l, 0, 256);
	while (input_next(&in) && in.ev.type != INPUT_STREAM_END)
		continue;
	/* Twice keep + a block kept at most, then keep + a block and on. */
	ck_assert_uint_le(l.wincap, 2 * lim + 1);
	ck_assert_ptr_nonnull(s = input_lines_text(&l, 8000 - lim / 10 + 1,
	    8000, &len));
	ck_assert_uint_eq(len, lim / 10 * 10);
	ck_assert_int_eq(memcmp(s, text + n - len, len), 0);
	ck_assert_ptr_nonnull(s = input_lines_text(&l, 8000, 8000, &len));
	ck_assert_uint_eq(len, 10);
	ck_assert_int_eq(memcmp(s, "k07999: 1\n", 10), 0);
	ck_assert_ptr_null(input_lines_text(&l, 1, 8000, &len));
	ck_assert_ptr_null(input_lines_text(&l, 8000 - 2 * lim / 10, 8000,
	    &len));
	ck_assert_ptr_null(input_lines_text(&l, 8000, 8001, &len));
	ck_assert_ptr_null(input_lines_text(&l, 5000, 4000, &len));
	input_close(&in);
	input_lines_release(&l);
	free(text);
}
END_TEST

/*
 * The window grows with what it keeps, not to keep at once: a small
 * file costs a small window, and text kept across a growth is intact.
 */
START_TEST(lines_window_grows_as_needed)
{
	struct input_lines	 l;
	struct input		 in;
	char			*text, want[32];
	const char		*s;
	size_t			 len, n = 0, i;

	text = malloc(128 * 1024);
	ck_assert_ptr_nonnull(text);
	for (i = 0; i < 8000; i++)
		n += (size_t)snprintf(text + n, 128 * 1024 - n, "k%zu: %zu\n",
		    i, i);
	input_lines_mem(&l, "a: 1\n", 5);
	l.keep = 1024 * 1024;
	input_open_lines(&in, "t", &l, 0, 256);
	while (input_next(&in) && in.ev.type != INPUT_STREAM_END)
		continue;
	ck_assert_uint_le(l.wincap, 4096);
	input_close(&in);
	input_lines_release(&l);

	input_lines_mem(&l, text, n);
	l.keep = 1024 * 1024;
	input_open_lines(&in, "t", &l, 0, 256);
	while (input_next(&in) && in.ev.type != INPUT_STREAM_END)
		continue;
	ck_assert_uint_ge(l.wincap, n);
	ck_assert_uint_lt(l.wincap, 4 * n);
	ck_assert_ptr_nonnull(s = input_lines_text(&l, 1, 8000, &len));
	ck_assert_uint_eq(len, n);
	ck_assert_int_eq(memcmp(s, text, n), 0);
	snprintf(want, sizeof(want), "k7999: 7999\n");
	ck_assert_ptr_nonnull(s = input_lines_text(&l, 8000, 8000, &len));
	ck_assert_uint_eq(len, strlen(want));
	ck_assert_int_eq(memcmp(s, want, len), 0);
	input_close(&in);
	input_lines_release(&l);

	/* Never more than 2 * (keep + a block) + 1, however long. */
	input_lines_mem(&l, text, n);
	l.keep = 5000;
	input_open_lines(&in, "t", &l, 0, 256);
	while (input_next(&in) && in.ev.type != INPUT_STREAM_END)
		continue;
	ck_assert_uint_eq(l.wincap, 2 * (5000 + INPUT_LINES_BLOCK) + 1);
	ck_assert_ptr_nonnull(s = input_lines_text(&l, 8000, 8000, &len));
	ck_assert_int_eq(memcmp(s, want, len), 0);
	input_close(&in);
	input_lines_release(&l);
	free(text);
}
END_TEST

Suite *
input_suite(void)
{
	Suite	*s = suite_create("input");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, positions_count_code_points);
	tcase_add_test(tc, positions_count_as_byte_at_a_time);
	tcase_add_test(tc, yaml_marks_count_code_points);
	tcase_add_test(tc, null_test_keeps_each_readers_answer);
	tcase_add_test(tc, yaml_and_json_give_the_same_events);
	tcase_add_test(tc, json_backend_matches_libyaml_on_json);
	tcase_add_test(tc, json_errors_have_positions);
	tcase_add_test(tc, cursor_walks_both_backends_alike);
	tcase_add_test(tc, cursor_replays_aliases_only_when_asked);
	tcase_add_test(tc, cursor_bounds_depth);
	tcase_add_test(tc, tree_is_the_same_from_yaml_and_json);
	tcase_add_test(tc, tree_reports_what_it_cannot_build);
	tcase_add_test(tc, lines_show_each_line_and_place_bad_bytes);
	tcase_add_test(tc, line_scan_matches_the_byte_loop);
	tcase_add_test(tc, lines_show_the_hook_what_it_asks_for);
	tcase_add_test(tc, lines_go_in_blocks_of_printable_lines);
	tcase_add_test(tc, lines_of_a_block_as_each_scanned);
	tcase_add_test(tc, lines_keep_the_last_lines);
	tcase_add_test(tc, lines_window_grows_as_needed);
	tcase_add_test(tc, scalar_places_follow_each_style);
	tcase_add_test(tc, scalar_places_are_never_invented);
	suite_add_tcase(s, tc);
	return s;
}
