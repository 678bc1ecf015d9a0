/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of the language server's framing (lsp_rpc.c), of its
 * positions and URIs (lsp_pos.c), and of its limits without a
 * workspace; tests/lsp.sh drives the server with one.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "lsp.h"

/* Input from memory, step bytes a read, to split headers anywhere. */
struct mem {
	const char	*s;
	size_t		 len, off, step;
};

static ssize_t
mem_read(void *arg, char *p, size_t n)
{
	struct mem	*m = arg;

	if (n > m->step)
		n = m->step;
	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(p, m->s + m->off, n);
	m->off += n;
	return (ssize_t)n;
}

static struct mem	 mem;
static struct lsp_io	 io = { mem_read, NULL, NULL, &mem };
static struct lsp_reader rd;
static struct buf	 out = BUF_INIT;

static void
feed(const char *s, size_t step, size_t max)
{
	mem.s = s;
	mem.len = strlen(s);
	mem.off = 0;
	mem.step = step;
	lsp_reader_init(&rd, &io, max);
}

#define ck_frame(want, text) do {					\
	ck_assert_int_eq(lsp_read_frame(&rd, &out), (want));		\
	if ((want) == LSP_FRAME_MSG)					\
		ck_assert_str_eq(out.buf, (text));			\
} while (0)

START_TEST(frames_are_read_whatever_the_reads)
{
	static const char in[] = "Content-Length: 2\r\n\r\n{}"
	    "\r\ncontent-length:3\r\nContent-Type: application/"
	    "vscode-jsonrpc; charset=utf-8\r\n\r\n[1]"
	    "Content-Length: 1\n\n1";
	size_t	 step;

	for (step = 1; step <= sizeof(in); step++) {
		feed(in, step, 100);
		ck_frame(LSP_FRAME_MSG, "{}");
		ck_frame(LSP_FRAME_MSG, "[1]");
		ck_frame(LSP_FRAME_MSG, "1");
		ck_frame(LSP_FRAME_EOF, NULL);
	}
	buf_release(&out);
}
END_TEST

START_TEST(bad_headers_are_skipped_in_step)
{
	struct buf	 in = BUF_INIT;
	size_t		 i;

	buf_adds(&in, "garbage\r\n\r\n"
	    "Content-Length: 2\r\nContent-Length: 3\r\n\r\n"
	    "Content-Type: x\r\n\r\n"
	    "Content-Length: 1x\r\n\r\n"
	    "Content-Length: 99999999999999999999999\r\n\r\n"
	    "Content-Length: 4\r\n\r\nnext");
	feed(in.buf, 7, 100);
	for (i = 0; i < 5; i++)
		ck_frame(LSP_FRAME_BAD, NULL);
	ck_frame(LSP_FRAME_MSG, "next");
	ck_frame(LSP_FRAME_EOF, NULL);
	/* A header line too long, and too many lines. */
	buf_reset(&in);
	for (i = 0; i < LSP_MAX_HEADER + 10; i++)
		buf_addc(&in, 'X');
	buf_adds(&in, ": y\r\nContent-Length: 1\r\n\r\n1");
	for (i = 0; i <= LSP_MAX_HEADERS; i++)
		buf_adds(&in, "X-A: b\r\n");
	buf_adds(&in, "Content-Length: 1\r\n\r\n2Content-Length: 1\r\n\r\n3");
	/* Both are bad, but their lengths are known: in step after each. */
	feed(in.buf, 4096, 100);
	ck_frame(LSP_FRAME_BAD, NULL);
	ck_frame(LSP_FRAME_BAD, NULL);
	ck_frame(LSP_FRAME_MSG, "3");
	ck_frame(LSP_FRAME_EOF, NULL);
	buf_release(&in);
	buf_release(&out);
}
END_TEST

START_TEST(long_messages_are_skipped_and_ends_are_ends)
{
	feed("Content-Length: 11\r\n\r\n{\"a\":12345}Content-Length: 2\r\n\r\n"
	    "{}Content-Length: 5\r\n\r\n{}", 3, 10);
	ck_frame(LSP_FRAME_TOOBIG, NULL);
	ck_frame(LSP_FRAME_MSG, "{}");
	ck_frame(LSP_FRAME_EOF, NULL);
	feed("Content-Length: 5\r\n", 3, 10);
	ck_frame(LSP_FRAME_EOF, NULL);
	feed("", 3, 10);
	ck_frame(LSP_FRAME_EOF, NULL);
	buf_release(&out);
}
END_TEST

START_TEST(characters_count_utf16_units_or_code_points)
{
	/* a, e-acute (2 bytes), U+1F600 (4 bytes, 2 UTF-16 units), b. */
	static const char s[] = "x\na\xc3\xa9\xf0\x9f\x98\x80" "b\r\nlast";
	struct arena	 a = ARENA_INIT;
	struct lsp_text	 t;

	lsp_text_index(&t, &a, s, sizeof(s) - 1);
	ck_assert_uint_eq(t.nlines, 3);
	/* b is column 4 of line 2. */
	ck_assert_uint_eq(lsp_char_of(&t, 2, 4, 1), 4);
	ck_assert_uint_eq(lsp_char_of(&t, 2, 4, 0), 3);
	ck_assert_uint_eq(lsp_char_of(&t, 2, 3, 1), 2);
	/* Past the end of the line ("\r" is not in it), and unknown. */
	ck_assert_uint_eq(lsp_char_of(&t, 2, 7, 1), 7);
	ck_assert_uint_eq(lsp_char_of(&t, 9, 4, 1), 3);
	ck_assert_uint_eq(lsp_char_of(NULL, 2, 4, 1), 3);
	ck_assert_uint_eq(lsp_col_of(&t, 1, 4, 1), 4);
	ck_assert_uint_eq(lsp_col_of(&t, 1, 3, 1), 3);	/* half a pair */
	ck_assert_uint_eq(lsp_col_of(&t, 1, 2, 1), 3);
	ck_assert_uint_eq(lsp_col_of(&t, 1, 3, 0), 4);
	ck_assert_uint_eq(lsp_col_of(&t, 1, 8, 1), 8);
	ck_assert_uint_eq(lsp_line_end_col(&t, 2), 5);
	ck_assert_uint_eq(lsp_line_end_col(&t, 3), 5);
	/* Byte offsets: b is at byte 2 + 7, the line ends before "\r". */
	ck_assert_uint_eq(lsp_offset_of(&t, 1, 4, 1), 9);
	ck_assert_uint_eq(lsp_offset_of(&t, 1, 3, 0), 9);
	ck_assert_uint_eq(lsp_offset_of(&t, 1, 99, 1), 10);
	ck_assert_uint_eq(lsp_offset_of(&t, 2, 2, 1), 14);
	ck_assert_uint_eq(lsp_offset_of(&t, 7, 0, 1), sizeof(s) - 1);
	arena_release(&a);
}
END_TEST

START_TEST(file_uris_decode_and_encode)
{
	struct buf	 b = BUF_INIT;

	ck_assert_int_eq(lsp_uri_path("file:///tmp/a%20b/%C3%BC", &b), 0);
	ck_assert_str_eq(b.buf, "/tmp/a b/\xc3\xbc");
	ck_assert_int_eq(lsp_uri_path("FILE://localhost/x?q#f", &b), 0);
	ck_assert_str_eq(b.buf, "/x");
	ck_assert_int_eq(lsp_uri_path("file:/y", &b), 0);
	ck_assert_str_eq(b.buf, "/y");
	ck_assert_int_eq(lsp_uri_path("file://host/x", &b), -1);
	ck_assert_int_eq(lsp_uri_path("untitled:Untitled-1", &b), -1);
	ck_assert_int_eq(lsp_uri_path("file:///a%00b", &b), -1);
	ck_assert_int_eq(lsp_uri_path("file:///a%zz", &b), -1);
	ck_assert_int_eq(lsp_uri_path("file:///a%2", &b), -1);
	ck_assert_int_eq(lsp_uri_path("file:relative", &b), -1);
	lsp_path_uri("/tmp/a b/\xc3\xbc:#%", &b);
	ck_assert_str_eq(b.buf, "file:///tmp/a%20b/%C3%BC%3A%23%25");
	buf_release(&b);
}
END_TEST

START_TEST(json_strings_are_valid_utf8)
{
	struct buf	 b = BUF_INIT;

	lsp_utf8("ok \xc3\xa9 \xf0\x9f\x98\x80", &b);
	ck_assert_str_eq(b.buf, "ok \xc3\xa9 \xf0\x9f\x98\x80");
	lsp_utf8("\xff|\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80|\xe2\x82", &b);
	ck_assert_str_eq(b.buf, "\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd");
	buf_release(&b);
}
END_TEST

/* A session in memory: the client's bytes in, the server's out. */
struct session {
	struct mem	 in;
	struct buf	 out;
};

static ssize_t
session_read(void *arg, char *p, size_t n)
{
	return mem_read(&((struct session *)arg)->in, p, n);
}

static int
session_write(void *arg, const char *p, size_t n)
{
	buf_add(&((struct session *)arg)->out, p, n);
	return 0;
}

/* The n messages, each framed, into b. */
static void
frames(struct buf *b, const char *const *v, size_t n)
{
	size_t	 i;

	buf_reset(b);
	for (i = 0; i < n; i++)
		buf_addf(b, "Content-Length: %zu\r\n\r\n%s", strlen(v[i]),
		    v[i]);
}

/*
 * The server proper, without a workspace: a message over the limit is
 * refused and its content skipped, the next is read in step; a request
 * before initialize is refused; exit without shutdown is status 1, and
 * after it 0.
 */
START_TEST(the_server_refuses_what_is_too_long_and_goes_on)
{
	static const char *const in[] = {
	    "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"initialize\","
	    "\"params\":{\"capabilities\":{}}}",
	    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}",
	    "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}" };
	static const char *const want[] = {
	    "{\"id\":null,\"error\":{\"code\":-32600,\"message\":\"a "
	    "message longer than 64 bytes is not read\"},\"jsonrpc\":\"2.0\"}",
	    "{\"id\":1,\"error\":{\"code\":-32002,\"message\":\"the server "
	    "is not initialized\"},\"jsonrpc\":\"2.0\"}" };
	static const char *const in2[] = {
	    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}",
	    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}",
	    "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
	    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}" };
	const struct lsp_opts	 opts = { ".", 64, 0 };
	struct session		 S;
	struct lsp_io		 sio = { session_read, session_write, NULL,
	    &S };
	struct buf		 b = BUF_INIT, w = BUF_INIT;

	memset(&S, 0, sizeof(S));
	S.out = (struct buf)BUF_INIT;
	frames(&b, in, 3);
	S.in.s = b.buf;
	S.in.len = b.len;
	S.in.step = 5;
	ck_assert_int_eq(lsp_serve(&sio, &opts), 1);
	frames(&w, want, 2);
	ck_assert_str_eq(S.out.buf, w.buf);

	/* Nothing is read after exit. */
	buf_reset(&S.out);
	frames(&b, in2, 4);
	S.in.s = b.buf;
	S.in.len = b.len;
	S.in.off = 0;
	ck_assert_int_eq(lsp_serve(&sio, &opts), 0);
	ck_assert_ptr_nonnull(strstr(S.out.buf, "\"id\":2,\"result\":null"));
	ck_assert_ptr_null(strstr(S.out.buf, "\"id\":3"));
	buf_release(&S.out);
	buf_release(&b);
	buf_release(&w);
}
END_TEST

/*
 * Open documents past the bound are linted as on disk, and the client
 * is told once; closing them gives their bytes back.
 */
START_TEST(open_documents_are_bounded)
{
	char			 dir[] = "/tmp/irsalint-lsp-XXXXXX";
	struct lsp_opts		 opts = { NULL, 0, 64 };
	struct session		 S;
	struct lsp_io		 sio = { session_read, session_write, NULL,
	    &S };
	struct buf		 b = BUF_INIT, m[7];
	const char		*v[7];
	const char		*p;
	size_t			 i;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	opts.root = dir;
	for (i = 0; i < 7; i++)
		m[i] = (struct buf)BUF_INIT;
	buf_addf(&m[0], "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
	    "\"initialize\",\"params\":{\"capabilities\":{}}}");
	/* 40 bytes each: the second goes past 64. */
	for (i = 1; i <= 3; i++)
		buf_addf(&m[i], "{\"jsonrpc\":\"2.0\",\"method\":"
		    "\"textDocument/didOpen\",\"params\":{\"textDocument\":"
		    "{\"uri\":\"file://%s/%zu.yaml\",\"version\":1,"
		    "\"text\":\"# 4567890123456789012345678901234567890\"}}}",
		    dir, i);
	buf_addf(&m[4], "{\"jsonrpc\":\"2.0\",\"method\":"
	    "\"textDocument/didClose\",\"params\":{\"textDocument\":"
	    "{\"uri\":\"file://%s/1.yaml\"}}}", dir);
	buf_addf(&m[5], "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
	    "\"shutdown\"}");
	buf_addf(&m[6], "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	for (i = 0; i < 7; i++)
		v[i] = m[i].buf;
	memset(&S, 0, sizeof(S));
	S.out = (struct buf)BUF_INIT;
	frames(&b, v, 7);
	S.in.s = b.buf;
	S.in.len = b.len;
	S.in.step = 4096;
	ck_assert_int_eq(lsp_serve(&sio, &opts), 0);
	/* Said once, naming the first document that did not fit. */
	ck_assert_ptr_nonnull(p = strstr(S.out.buf, "window/showMessage"));
	ck_assert_ptr_null(strstr(p + 1, "window/showMessage"));
	ck_assert_ptr_nonnull(strstr(S.out.buf, "/2.yaml and those opened"));
	buf_release(&S.out);
	buf_release(&b);
	for (i = 0; i < 7; i++)
		buf_release(&m[i]);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

Suite *
lsp_suite(void)
{
	Suite	*s = suite_create("lsp");
	TCase	*tc = tcase_create("lsp");

	tcase_add_test(tc, frames_are_read_whatever_the_reads);
	tcase_add_test(tc, bad_headers_are_skipped_in_step);
	tcase_add_test(tc, long_messages_are_skipped_and_ends_are_ends);
	tcase_add_test(tc, characters_count_utf16_units_or_code_points);
	tcase_add_test(tc, file_uris_decode_and_encode);
	tcase_add_test(tc, json_strings_are_valid_utf8);
	tcase_add_test(tc, the_server_refuses_what_is_too_long_and_goes_on);
	tcase_add_test(tc, open_documents_are_bounded);
	suite_add_tcase(s, tc);
	return s;
}
