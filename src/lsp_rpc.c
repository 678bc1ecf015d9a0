/* SPDX-License-Identifier: ISC */
/*
 * The language server's framing: header lines ("Content-Length: N"),
 * a blank line, then N bytes of JSON.  Nothing a client sends can make
 * the reader hold more than a header line and max content bytes, and
 * after a header it cannot read it skips to the next one.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "lsp.h"

enum line {
	LINE_OK,
	LINE_LONG,		/* longer than LSP_MAX_HEADER: cut */
	LINE_EOF
};

static int	 fill(struct lsp_reader *);
static enum line read_line(struct lsp_reader *, char *, size_t *);
static int	 header_value(const char *, const char *, const char **);
static int	 parse_length(const char *, size_t *);
static int	 skip(struct lsp_reader *, size_t);

void
lsp_reader_init(struct lsp_reader *r, const struct lsp_io *io, size_t max)
{
	r->io = io;
	r->max = max;
	r->off = r->len = 0;
	r->eof = 0;
}

int
lsp_reader_buffered(const struct lsp_reader *r)
{
	return r->off < r->len;
}

/* Bytes to read in buf: 1, or 0 at the end (or after an error). */
static int
fill(struct lsp_reader *r)
{
	ssize_t	 n;

	if (r->off < r->len)
		return 1;
	if (r->eof)
		return 0;
	r->off = r->len = 0;
	if ((n = r->io->read(r->io->arg, r->buf, sizeof(r->buf))) <= 0) {
		r->eof = 1;
		return 0;
	}
	r->len = (size_t)n;
	return 1;
}

/*
 * One header line, without its "\r\n" (a bare "\n" is taken too), into
 * line, which holds LSP_MAX_HEADER + 1 bytes; a longer line is read to
 * its end and cut.
 */
static enum line
read_line(struct lsp_reader *r, char *line, size_t *n)
{
	size_t	 len = 0;
	int	 cut = 0;
	char	 c;

	for (;;) {
		if (!fill(r))
			return LINE_EOF;
		if ((c = r->buf[r->off++]) == '\n')
			break;
		if (len < LSP_MAX_HEADER)
			line[len++] = c;
		else
			cut = 1;
	}
	if (!cut && len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	*n = len;
	return cut ? LINE_LONG : LINE_OK;
}

/* Is line the header name (case-insensitive)?  *value: past the ':'. */
static int
header_value(const char *line, const char *name, const char **value)
{
	size_t	 n = strlen(name);

	if (strncasecmp(line, name, n) != 0 || line[n] != ':')
		return 0;
	*value = line + n + 1;
	return 1;
}

/* Decimal digits between blanks; 0 on anything else or an overflow. */
static int
parse_length(const char *s, size_t *v)
{
	size_t	 n = 0;
	int	 digits = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (n > (SIZE_MAX - 9) / 10)
			return 0;
		n = n * 10 + (size_t)(*s - '0');
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (digits == 0 || *s != '\0')
		return 0;
	*v = n;
	return 1;
}

/* Read past n bytes of content; 0 when the input ends first. */
static int
skip(struct lsp_reader *r, size_t n)
{
	size_t	 k;

	while (n > 0) {
		if (!fill(r))
			return 0;
		k = r->len - r->off < n ? r->len - r->off : n;
		r->off += k;
		n -= k;
	}
	return 1;
}

/*
 * Blank lines before a header are passed over, as some clients write
 * one after each message.  A line with a NUL, a line without a ':' or
 * too many lines make the header bad: it is read to its blank line,
 * and its content skipped when its length is known.  Without a length,
 * or with two that differ, there is no content to skip.
 */
enum lsp_frame
lsp_read_frame(struct lsp_reader *r, struct buf *out)
{
	char		 line[LSP_MAX_HEADER + 1];
	const char	*v;
	size_t		 n, len = 0, k, nlines = 0, got;
	enum line	 l;
	int		 have = 0, bad = 0, badlen = 0;

	buf_reset(out);
	for (;;) {
		if ((l = read_line(r, line, &n)) == LINE_EOF)
			return LSP_FRAME_EOF;
		if (l == LINE_OK && n == 0) {
			if (nlines == 0)
				continue;
			break;
		}
		if (++nlines > LSP_MAX_HEADERS)
			bad = 1;
		if (l == LINE_LONG || memchr(line, '\0', n) != NULL ||
		    strchr(line, ':') == NULL)
			bad = 1;
		else if (header_value(line, "Content-Length", &v)) {
			if (!parse_length(v, &k) || (have && k != len))
				badlen = 1;
			else {
				len = k;
				have = 1;
			}
		}
	}
	if (!have || badlen)
		return LSP_FRAME_BAD;
	if (bad || len > r->max) {
		if (!skip(r, len))
			return LSP_FRAME_EOF;
		return bad ? LSP_FRAME_BAD : LSP_FRAME_TOOBIG;
	}
	buf_grow(out, len);
	for (got = 0; got < len; got += k) {
		if (!fill(r))
			return LSP_FRAME_EOF;
		k = r->len - r->off < len - got ? r->len - r->off : len - got;
		buf_add(out, r->buf + r->off, k);
		r->off += k;
	}
	return LSP_FRAME_MSG;
}

int
lsp_write_frame(const struct lsp_io *io, const char *s, size_t len)
{
	struct buf	 b = BUF_INIT;
	int		 r;

	buf_addf(&b, "Content-Length: %zu\r\n\r\n", len);
	buf_add(&b, s, len);
	r = io->write(io->arg, b.buf, b.len);
	buf_release(&b);
	return r;
}
