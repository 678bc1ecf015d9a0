/* SPDX-License-Identifier: ISC */
/*
 * The text of an HCL template literal: the escapes of a quoted string
 * decoded, a flush heredoc's indentation removed, "$${" and "%%{" made
 * "${" and "%{", and the white space next to a strip marker trimmed.
 * The lexer has checked the escapes and reported the bad ones; here a
 * bad one is kept as written.
 */
#include <string.h>

#include "arena.h"
#include "hcl.h"
#include "hcl_impl.h"

static const char	*dedent(const char *, const char *, unsigned int);
static const char	*unescape(const char *, const char *, char **);
static size_t		 put_utf8(char *, unsigned long);
static size_t		 trim(char *, size_t, int, int, int);

/*
 * Step over up to n blanks at the start of a heredoc line, never over
 * its newline.
 */
static const char *
dedent(const char *s, const char *e, unsigned int n)
{
	unsigned long	 c;
	size_t		 len;

	for (; n > 0 && s < e; n--) {
		if ((len = hcl_utf8(s, e, &c)) == 0 || !hcl_is_hspace(c))
			break;
		s += len;
	}
	return s;
}

static size_t
put_utf8(char *o, unsigned long c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/*
 * Decode the escape at s (a backslash) into *op and return what
 * follows it.  Every escape is at least as long as its value, so the
 * output never outgrows the input.  "\uD800" becomes U+FFFD.
 */
static const char *
unescape(const char *s, const char *e, char **op)
{
	unsigned long	 v = 0;
	size_t		 need, k;
	int		 h;

	if (e - s >= 2)
		switch (s[1]) {
		case 'n':
			*(*op)++ = '\n';
			return s + 2;
		case 'r':
			*(*op)++ = '\r';
			return s + 2;
		case 't':
			*(*op)++ = '\t';
			return s + 2;
		case '"':
		case '\\':
			*(*op)++ = s[1];
			return s + 2;
		case 'u':
		case 'U':
			need = s[1] == 'u' ? 4 : 8;
			if ((size_t)(e - s) < need + 2)
				break;
			for (k = 0; k < need; k++) {
				h = (unsigned char)s[2 + k];
				if (h >= '0' && h <= '9')
					h -= '0';
				else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
					h = (h | 0x20) - 'a' + 10;
				else
					break;
				v = v * 16 + (unsigned long)h;
			}
			if (k < need)
				break;
			if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
				v = 0xFFFD;
			*op += put_utf8(*op, v);
			return s + 2 + need;
		default:
			break;
		}
	*(*op)++ = *s;
	return s + 1;
}

/*
 * Remove the white space (newlines too) at the start of s[0..len) if
 * lead, at its end if trail; return the new length.  A heredoc's text
 * is a literal per line to HCL, so there lead strips at most through
 * the first newline, and trail strips the last line's blanks, and its
 * newline too when the marker opens the next line (terraform 1.11:
 * "a\n   %{~ if true }b%{ endif ~}   \n   c" is "a\nb   c", and
 * "a  \n${~x}" is "aX", "a  \n\n${~x}" is "a  \nX").
 */
static size_t
trim(char *s, size_t len, int lead, int trail, int lines)
{
	unsigned long	 c;
	size_t		 i = 0, n, j;

	/*
	 * A heredoc's last line piece ends with its newline when the marker
	 * opens a line: that newline goes with the piece's blanks.
	 */
	if (trail && lines && len > 0 && s[len - 1] == '\n') {
		len--;
		if (len > 0 && s[len - 1] == '\r')
			len--;
	}
	while (trail && len > 0) {
		for (j = len - 1; j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80;
		    j--)
			continue;
		if (hcl_utf8(s + j, s + len, &c) == 0 || !hcl_is_space(c) ||
		    (lines && c == '\n'))
			break;
		len = j;
	}
	while (lead && i < len && (n = hcl_utf8(s + i, s + len, &c)) != 0 &&
	    hcl_is_space(c)) {
		i += n;
		if (lines && c == '\n')
			break;
	}
	if (i > 0)
		memmove(s, s + i, len - i);
	s[len - i] = '\0';
	return len - i;
}

/*
 * The text of literal token t, in the arena, NUL-terminated, its
 * length in *lenp.  lead and trail: a strip marker stands before or
 * after it.  indent: the blanks to remove at the start of each line of
 * a flush heredoc (its lines are those after each newline, and the
 * first one when t starts a line).
 */
const char *
hcl_tmpl_text(struct hcl_parser *p, const struct hcl_tok *t, int lead,
    int trail, unsigned int indent, size_t *lenp)
{
	const char	*s = p->data + t->r.start.off;
	const char	*e = p->data + t->r.end.off;
	char		*out, *o;
	int		 heredoc = (t->flags & HCL_TF_HEREDOC) != 0;
	int		 bol = heredoc && (t->flags & HCL_TF_BOL);
	int		 c;

	out = o = arena_alloc(p->arena, (size_t)(e - s) + 1);
	while (s < e) {
		if (bol && indent > 0)
			s = dedent(s, e, indent);
		bol = 0;
		if (s == e)
			break;
		c = (unsigned char)*s;
		if (c == '\n') {
			*o++ = *s++;
			bol = heredoc;
		} else if ((c == '$' || c == '%') && e - s >= 3 &&
		    s[1] == c && s[2] == '{') {
			*o++ = (char)c;
			*o++ = '{';
			s += 3;
		} else if (c == '\\' && !heredoc)
			s = unescape(s, e, &o);
		else
			*o++ = *s++;
	}
	*o = '\0';
	*lenp = trim(out, (size_t)(o - out), lead, trail, heredoc);
	return out;
}
