/* SPDX-License-Identifier: ISC */
/*
 * Positions inside a YAML scalar's value: which line and column of the
 * file each byte of the value comes from, following the scalar's style
 * (indentation and folding of block scalars, quotes, escapes and
 * folded line breaks of flow scalars), so that a document held in a
 * string (a trust policy in a manifest) is placed where it is written.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"
#include "xalloc.h"

/* A line and column of the file. */
struct lc {
	unsigned int	 line;
	unsigned int	 col;
};

/* A walk of the raw text and the value side by side. */
struct walk {
	const char	*t;		/* the file's text */
	size_t		 tn, ti;
	struct lc	 at;		/* the place of t[ti] */
	const char	*v;		/* the value */
	size_t		 vn, vi;
	struct lc	*pos;		/* of each value byte, and its end */
};

static void	step(struct walk *);
static int	put(struct walk *, struct lc, const char *, size_t);
static int	is_break(const struct walk *);
static int	skip_break(struct walk *);
static int	escape(struct walk *);
static int	flow(struct walk *, int);
static int	block(struct walk *);
static size_t	utf8(unsigned long, char *);
static int	hexval(const char *, size_t, unsigned long *);
static int	value_offset(const char *, size_t, unsigned int, unsigned int,
		    size_t *);

/* Pass one byte of the text, counting lines and code points. */
static void
step(struct walk *w)
{
	if (w->ti >= w->tn)
		return;
	if (w->t[w->ti] == '\n') {
		w->at.line++;
		w->at.col = 1;
	} else if (((unsigned char)w->t[w->ti] & 0xC0) != 0x80)
		w->at.col++;
	w->ti++;
}

/* The next n value bytes are s, written at place p. */
static int
put(struct walk *w, struct lc p, const char *s, size_t n)
{
	size_t	 i;

	if (n > w->vn - w->vi || memcmp(w->v + w->vi, s, n) != 0)
		return 0;
	for (i = 0; i < n; i++)
		w->pos[w->vi++] = p;
	return 1;
}

static int
is_break(const struct walk *w)
{
	return w->ti < w->tn && (w->t[w->ti] == '\n' ||
	    (w->t[w->ti] == '\r' && w->ti + 1 < w->tn &&
	    w->t[w->ti + 1] == '\n'));
}

/* Pass a line break, \n or \r\n. */
static int
skip_break(struct walk *w)
{
	if (!is_break(w))
		return 0;
	if (w->t[w->ti] == '\r')
		step(w);
	step(w);
	return 1;
}

static size_t
utf8(unsigned long c, char *b)
{
	if (c < 0x80) {
		b[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	if (c > 0x10FFFF)
		return 0;
	b[0] = (char)(0xF0 | (c >> 18));
	b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	b[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

static int
hexval(const char *s, size_t n, unsigned long *out)
{
	size_t	 i;
	int	 d;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return 0;
		*out = *out * 16 + (unsigned long)d;
	}
	return 1;
}

/*
 * A backslash of a double-quoted scalar, current: the bytes it stands
 * for (YAML 1.2 section 5.7), all placed at the backslash.  An escaped
 * line break stands for nothing, and the next line's indentation goes
 * with it.
 */
static int
escape(struct walk *w)
{
	static const char	 one[] = "0abt\tnvfre \"/\\";
	static const char	 val[] = "\0\a\b\t\t\n\v\f\r\033 \"/\\";
	const char		*p;
	struct lc		 at = w->at;
	unsigned long		 c;
	size_t			 n, len;
	char			 b[4];

	step(w);
	if (w->ti >= w->tn)
		return 0;
	if (skip_break(w)) {
		while (w->ti < w->tn && (w->t[w->ti] == ' ' ||
		    w->t[w->ti] == '\t'))
			step(w);
		return 1;
	}
	c = (unsigned char)w->t[w->ti];
	if (c != '\0' && (p = strchr(one, (int)c)) != NULL) {
		step(w);
		return put(w, at, &val[p - one], 1);
	}
	switch (c) {
	case 'N':
		c = 0x85;
		n = 0;
		break;
	case '_':
		c = 0xA0;
		n = 0;
		break;
	case 'L':
		c = 0x2028;
		n = 0;
		break;
	case 'P':
		c = 0x2029;
		n = 0;
		break;
	case 'x':
		n = 2;
		break;
	case 'u':
		n = 4;
		break;
	case 'U':
		n = 8;
		break;
	default:
		return 0;
	}
	step(w);
	if (n > 0) {
		if (n > w->tn - w->ti || !hexval(w->t + w->ti, n, &c))
			return 0;
		while (n-- > 0)
			step(w);
	}
	if ((len = utf8(c, b)) == 0)
		return 0;
	return put(w, at, b, len);
}

/*
 * A plain or quoted scalar, its first character current.  Trailing
 * blanks of a line are no part of the value; a line break and the next
 * line's indentation are one space, or n - 1 newlines for n breaks.
 */
static int
flow(struct walk *w, int style)
{
	struct lc	 at;
	size_t		 j, nb;
	char		 q = style == INPUT_STYLE_SINGLE ? '\'' : '"';
	char		 c;

	if (style != INPUT_STYLE_PLAIN) {
		if (w->ti >= w->tn || w->t[w->ti] != q)
			return 0;
		step(w);
	}
	while (w->vi < w->vn) {
		if (w->ti >= w->tn)
			return 0;
		c = w->t[w->ti];
		at = w->at;
		if (style == INPUT_STYLE_DOUBLE && c == '\\') {
			if (!escape(w))
				return 0;
		} else if (style == INPUT_STYLE_DOUBLE && c == '"')
			return 0;
		else if (style == INPUT_STYLE_SINGLE && c == '\'') {
			if (w->ti + 1 >= w->tn || w->t[w->ti + 1] != '\'' ||
			    !put(w, at, "'", 1))
				return 0;
			step(w);
			step(w);
		} else if (c == ' ' || c == '\t') {
			for (j = w->ti; j < w->tn && (w->t[j] == ' ' ||
			    w->t[j] == '\t'); j++)
				continue;
			if (j < w->tn && (w->t[j] == '\n' || w->t[j] == '\r'))
				while (w->ti < j)
					step(w);
			else {
				if (!put(w, at, &c, 1))
					return 0;
				step(w);
			}
		} else if (c == '\n' || c == '\r') {
			for (nb = 0; skip_break(w); nb++)
				while (w->ti < w->tn && (w->t[w->ti] == ' ' ||
				    w->t[w->ti] == '\t'))
					step(w);
			if (nb == 0)
				return 0;
			if (nb == 1 && !put(w, at, " ", 1))
				return 0;
			for (; nb > 1; nb--)
				if (!put(w, at, "\n", 1))
					return 0;
		} else {
			if (!put(w, at, &c, 1))
				return 0;
			step(w);
		}
	}
	return 1;
}

/*
 * A literal or folded block scalar, its indicator current.  The
 * content is indented by the spaces the first line with content has,
 * less those that begin the value (an indentation indicator).  Lines
 * are the value's bytes as written; each line break is the value's
 * newline or, folded, its space, or nothing before an empty line.
 */
static int
block(struct walk *w)
{
	size_t	 j, sp, lead, ind, k;
	struct lc at;

	while (w->ti < w->tn && w->t[w->ti] != '\n')
		step(w);
	if (!skip_break(w))
		return 0;
	/* The first line with content, past empty ones. */
	for (j = w->ti; ; ) {
		for (sp = 0; j + sp < w->tn && w->t[j + sp] == ' '; sp++)
			continue;
		if (j + sp >= w->tn)
			return 0;
		if (w->t[j + sp] != '\n' && w->t[j + sp] != '\r')
			break;
		j += sp;
		while (j < w->tn && w->t[j] != '\n')
			j++;
		j++;
	}
	for (k = 0; k < w->vn && w->v[k] == '\n'; k++)
		continue;
	for (lead = 0; k + lead < w->vn && w->v[k + lead] == ' '; lead++)
		continue;
	if (lead > sp)
		return 0;
	ind = sp - lead;
	while (w->vi < w->vn) {
		for (k = 0; k < ind && w->ti < w->tn && w->t[w->ti] == ' '; k++)
			step(w);
		if (k < ind && !is_break(w))
			return 0;	/* less indented: the scalar ended */
		while (w->vi < w->vn && w->ti < w->tn && !is_break(w)) {
			if (!put(w, w->at, w->t + w->ti, 1))
				return 0;
			step(w);
		}
		if (w->vi == w->vn)
			break;
		at = w->at;
		if (!skip_break(w))
			return 0;
		if (w->v[w->vi] == '\n' || w->v[w->vi] == ' ')
			w->pos[w->vi++] = at;
	}
	return 1;
}

/*
 * The offset in the value of its line line and column col, counted as
 * input_loc_from_offset() counts them.
 */
static int
value_offset(const char *v, size_t n, unsigned int line, unsigned int col,
    size_t *off)
{
	unsigned int	 l = 1, c = 1;
	size_t		 i;

	for (i = 0; i <= n; i++) {
		if (l == line && c == col) {
			*off = i;
			return 1;
		}
		if (i == n || l > line)
			break;
		if (v[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)v[i] & 0xC0) != 0x80)
			c++;
	}
	return 0;
}

int
input_scalar_locs(const char *text, size_t textlen,
    const struct input_event *ev, const struct loc *at, size_t n,
    struct loc *out)
{
	struct walk	 w;
	size_t		 i, off;
	int		 ok;

	if (ev->type != INPUT_SCALAR || ev->len > INPUT_SCALAR_MAP_MAX ||
	    ev->loc.line == 0 || ev->loc.col == 0)
		return 0;
	memset(&w, 0, sizeof(w));
	w.t = text;
	w.tn = textlen;
	w.at.line = ev->loc.line;
	w.at.col = 1;
	w.v = ev->s;
	w.vn = ev->len;
	while (w.ti < w.tn && w.at.col < ev->loc.col && w.t[w.ti] != '\n')
		step(&w);
	if (w.at.col != ev->loc.col)
		return 0;
	w.pos = xreallocarray(NULL, w.vn + 1, sizeof(*w.pos));
	if (ev->style == INPUT_STYLE_LITERAL || ev->style == INPUT_STYLE_FOLDED)
		ok = block(&w);
	else
		ok = flow(&w, ev->style);
	w.pos[w.vn] = w.at;
	for (i = 0; ok && i < n; i++)
		if (!value_offset(w.v, w.vn, at[i].line, at[i].col, &off))
			ok = 0;
	for (i = 0; ok && i < n; i++) {
		(void)value_offset(w.v, w.vn, at[i].line, at[i].col, &off);
		out[i] = ev->loc;
		out[i].line = w.pos[off].line;
		out[i].col = w.pos[off].col;
		out[i].end_line = out[i].end_col = 0;
	}
	free(w.pos);
	return ok;
}
