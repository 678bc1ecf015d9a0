/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: bytes into the language server's message reader
 * alone (lsp_rpc.c), without the server behind it, so that the framing
 * gets many more executions than fuzz_lsp gives it.  The first byte
 * chooses how many bytes each read returns and the largest content
 * kept.  Its promises, checked here: every call consumes input or ends
 * it, no content is longer than the largest kept, and what it returns
 * framed again with lsp_write_frame() reads back the same, message for
 * message.  Anything else aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "lsp.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	 mem_write(void *, const char *, size_t);

static int
mem_write(void *arg, const char *p, size_t n)
{
	buf_add(arg, p, n);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t	 chunks[8] = { 1, 2, 3, 7, 64, 4096, 65536,
	    1 << 20 };
	static const size_t	 maxes[4] = { 0, 16, 4096, LSP_MAX_MESSAGE };
	struct lsp_io		 in = { fuzz_mem_read, NULL, NULL, NULL };
	struct lsp_io		 out = { NULL, mem_write, NULL, NULL };
	struct lsp_io		 again = { fuzz_mem_read, NULL, NULL, NULL };
	static struct lsp_reader rd, rd2;	/* 64 KiB each: not per run */
	struct lsp_reader	*r = &rd, *r2 = &rd2;
	struct fuzz_mem		 m, m2;
	struct buf		 framed = BUF_INIT, msg = BUF_INIT,
				 back = BUF_INIT;
	size_t			 max, nmsg = 0, before, calls = 0;
	enum lsp_frame		 f;

	if (size == 0)
		return 0;
	memset(&m, 0, sizeof(m));
	m.chunk = chunks[data[0] & 7];
	max = maxes[(data[0] >> 3) & 3];
	m.s = (const char *)data + 1;
	m.len = size - 1;
	in.arg = &m;
	out.arg = &framed;
	lsp_reader_init(r, &in, max);
	for (;;) {
		before = m.off - (r->len - r->off);
		if (++calls > size + 1)
			abort();	/* a call that reads nothing */
		f = lsp_read_frame(r, &msg);
		if (f == LSP_FRAME_EOF)
			break;
		if (m.off - (r->len - r->off) <= before)
			abort();
		if (f == LSP_FRAME_MSG) {
			if (msg.len > max)
				abort();
			if (lsp_write_frame(&out, msg.buf, msg.len) != 0)
				abort();
			nmsg++;
		}
	}

	/* The messages, framed again, read back one for one. */
	memset(&m2, 0, sizeof(m2));
	m2.chunk = m.chunk;
	m2.s = framed.buf;
	m2.len = framed.len;
	again.arg = &m2;
	lsp_reader_init(r2, &again, LSP_MAX_MESSAGE);
	lsp_reader_init(r, &in, max);
	m.off = 0;
	for (;;) {
		do
			f = lsp_read_frame(r, &msg);
		while (f != LSP_FRAME_MSG && f != LSP_FRAME_EOF);
		if (f == LSP_FRAME_EOF)
			break;
		if (lsp_read_frame(r2, &back) != LSP_FRAME_MSG ||
		    back.len != msg.len ||
		    (msg.len > 0 && memcmp(back.buf, msg.buf, msg.len) != 0))
			abort();
		nmsg--;
	}
	if (nmsg != 0 || lsp_read_frame(r2, &back) != LSP_FRAME_EOF)
		abort();
	buf_release(&framed);
	buf_release(&msg);
	buf_release(&back);
	return 0;
}
