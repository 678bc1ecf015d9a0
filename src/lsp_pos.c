/* SPDX-License-Identifier: ISC */
/*
 * Positions and names as the protocol has them: characters in UTF-16
 * code units (or code points, when utf-32 is agreed), and files as
 * file: URIs.  irsalint counts columns in code points, so a character
 * outside the Basic Multilingual Plane (4 bytes of UTF-8) is one
 * column but two UTF-16 units: every conversion walks the line.
 */
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "lsp.h"

static size_t	 line_end(const struct lsp_text *, size_t);
static size_t	 next_cp(const char *, size_t, size_t);
static size_t	 units(unsigned char, int);
static int	 hex(int);

void
lsp_text_index(struct lsp_text *t, struct arena *a, const char *s,
    size_t len)
{
	size_t	 i, n = 1;

	t->s = s;
	t->len = len;
	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			n++;
	t->lines = arena_alloc(a, n * sizeof(*t->lines));
	t->lines[0] = 0;
	for (i = 0, n = 1; i < len; i++)
		if (s[i] == '\n')
			t->lines[n++] = i + 1;
	t->nlines = n;
}

/*
 * Where 0-based line i ends: at its newline (or the "\r" before it),
 * or at the end of the text.
 */
static size_t
line_end(const struct lsp_text *t, size_t i)
{
	size_t	 e;

	e = i + 1 < t->nlines ? t->lines[i + 1] - 1 : t->len;
	if (e > t->lines[i] && t->s[e - 1] == '\r' && e < t->len)
		e--;
	return e;
}

/* The byte after the code point at p, within [p, end). */
static size_t
next_cp(const char *s, size_t p, size_t end)
{
	for (p++; p < end && ((unsigned char)s[p] & 0xC0) == 0x80; p++)
		continue;
	return p;
}

/* The characters of the code point that starts with byte b. */
static size_t
units(unsigned char b, int utf16)
{
	return utf16 && b >= 0xF0 && b <= 0xF4 ? 2 : 1;
}

size_t
lsp_char_of(const struct lsp_text *t, unsigned int line, unsigned int col,
    int utf16)
{
	size_t	 p, end, n = 0, c = 1;

	if (col == 0)
		return 0;
	if (!utf16 || t == NULL || t->s == NULL || line == 0 ||
	    line > t->nlines)
		return col - 1;
	end = line_end(t, line - 1);
	for (p = t->lines[line - 1]; c < col && p < end; c++) {
		n += units((unsigned char)t->s[p], utf16);
		p = next_cp(t->s, p, end);
	}
	/* Past the end of the line: one character a column. */
	return n + (col - c);
}

size_t
lsp_col_of(const struct lsp_text *t, size_t line, size_t ch, int utf16)
{
	size_t	 p, end, n = 0, c = 1, w;

	if (!utf16 || t == NULL || t->s == NULL || line >= t->nlines)
		return ch + 1;
	end = line_end(t, line);
	for (p = t->lines[line]; p < end; c++) {
		w = units((unsigned char)t->s[p], utf16);
		/* Within a surrogate pair: the code point it is half of. */
		if (n + w > ch)
			return c;
		n += w;
		p = next_cp(t->s, p, end);
	}
	return c + (ch - n);
}

size_t
lsp_line_end_col(const struct lsp_text *t, unsigned int line)
{
	size_t	 p, end, c = 1;

	if (t->s == NULL || line == 0 || line > t->nlines)
		return 1;
	end = line_end(t, line - 1);
	for (p = t->lines[line - 1]; p < end; p = next_cp(t->s, p, end))
		c++;
	return c;
}

size_t
lsp_offset_of(const struct lsp_text *t, size_t line, size_t ch, int utf16)
{
	size_t	 p, end, n = 0;

	if (t->s == NULL || line >= t->nlines)
		return t->len;
	end = line_end(t, line);
	for (p = t->lines[line]; p < end; p = next_cp(t->s, p, end)) {
		if (n >= ch)
			break;
		n += units((unsigned char)t->s[p], utf16);
	}
	return p;
}

static int
hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * file:///abs/path, file://localhost/abs/path or file:/abs/path, with
 * %XX escapes; a query or fragment ends the path.  Any other host, a
 * bad escape or an escaped NUL is not a file here.
 */
int
lsp_uri_path(const char *uri, struct buf *out)
{
	const char	*p;
	int		 h, l;

	buf_reset(out);
	if (strncasecmp(uri, "file:", 5) != 0)
		return -1;
	p = uri + 5;
	if (p[0] == '/' && p[1] == '/') {
		p += 2;
		if (strncasecmp(p, "localhost", 9) == 0 && p[9] == '/')
			p += 9;
		if (*p != '/')
			return -1;
	}
	if (*p != '/')
		return -1;
	for (; *p != '\0' && *p != '?' && *p != '#'; p++) {
		if (*p != '%') {
			buf_addc(out, *p);
			continue;
		}
		if ((h = hex(p[1])) < 0 || (l = hex(p[2])) < 0 ||
		    h * 16 + l == 0)
			return -1;
		buf_addc(out, (char)(h * 16 + l));
		p += 2;
	}
	return 0;
}

/* Unreserved characters (RFC 3986) and '/' as they are; the rest %XX. */
void
lsp_path_uri(const char *path, struct buf *out)
{
	static const char	 digits[] = "0123456789ABCDEF";
	const unsigned char	*p;

	buf_reset(out);
	buf_adds(out, "file://");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			buf_addc(out, (char)*p);
		else {
			buf_addc(out, '%');
			buf_addc(out, digits[*p >> 4]);
			buf_addc(out, digits[*p & 15]);
		}
	}
}

/*
 * A JSON string must be valid UTF-8, and a message may quote bytes of
 * a file that is not: each byte that does not begin a well-formed
 * sequence (no overlong form, no surrogate, at most U+10FFFF) becomes
 * U+FFFD, as editors show them.
 */
void
lsp_utf8(const char *s, struct buf *out)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		 cp, min;
	size_t			 n, i;

	buf_reset(out);
	while (*p != '\0') {
		if (*p < 0x80) {
			buf_addc(out, (char)*p++);
			continue;
		}
		if (*p >= 0xC2 && *p <= 0xDF)
			n = 1, cp = *p & 0x1F, min = 0x80;
		else if (*p >= 0xE0 && *p <= 0xEF)
			n = 2, cp = *p & 0x0F, min = 0x800;
		else if (*p >= 0xF0 && *p <= 0xF4)
			n = 3, cp = *p & 0x07, min = 0x10000;
		else
			n = 0, cp = 0, min = 1;
		for (i = 1; n > 0 && i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				break;
			cp = cp << 6 | (p[i] & 0x3F);
		}
		if (n == 0 || i <= n || cp < min || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			buf_adds(out, "\xEF\xBF\xBD");
			p++;
			continue;
		}
		buf_add(out, (const char *)p, n + 1);
		p += n + 1;
	}
}
