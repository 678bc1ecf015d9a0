/* SPDX-License-Identifier: ISC */
/*
 * format() and formatlist(): Go's fmt verbs as Terraform's format()
 * reads them, %v %d %f %e %g %s %q %t with flags, widths, precisions
 * and explicit argument indexes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

#include "tf_fn.h"

static void		 go_g(struct buf *, double, int);
static void		 go_quote(struct buf *, const char *, size_t);
static void		 pad(struct buf *, const char *, size_t, long, int,
			    int);
static struct tfv	*do_format(struct tf_ev *, const struct tf_call *,
			    const char *, size_t, struct tfv *const *, size_t,
			    struct buf *);
struct spec;
static void		 pad_num(struct buf *, const char *, size_t,
			    const struct spec *);
static int		 fmt_int(struct buf *, double, int,
			    const struct spec *);
static int		 fmt_index(const char *, size_t, size_t *, size_t *,
			    int *);
static int		 fmt_digits(const char *, size_t, size_t *, long *);

/* Go's %g with the shortest precision that reads back the same. */
static void
go_g(struct buf *b, double d, int upper)
{
	char	 e[64];
	int	 p, exp;

	for (p = 1; p < 17; p++) {
		snprintf(e, sizeof(e), "%.*e", p - 1, d);
		if (strtod(e, NULL) == d)
			break;
	}
	snprintf(e, sizeof(e), "%.*e", p - 1, d);
	exp = atoi(strchr(e, 'e') + 1);
	/* Go prints an exponent from 1e+06 on, and below 1e-04. */
	if (exp < -4 || exp >= 6) {
		if (upper)
			*strchr(e, 'e') = 'E';
		buf_adds(b, e);
	} else
		buf_addf(b, "%.*f", p - 1 - exp > 0 ? p - 1 - exp : 0, d);
}

/* Go's strconv.Quote, for %q. */
static void
go_quote(struct buf *b, const char *s, size_t len)
{
	size_t		 i, j;
	uint32_t	 cp;

	buf_addc(b, '"');
	for (i = 0; i < len; i = j) {
		j = i;
		if (tff_u8dec(s, len, &j, &cp) == -1) {
			buf_addf(b, "\\x%02x", (unsigned char)s[i]);
			j = i + 1;
			continue;
		}
		switch (cp) {
		case '"':
			buf_adds(b, "\\\"");
			continue;
		case '\\':
			buf_adds(b, "\\\\");
			continue;
		case '\a':
			buf_adds(b, "\\a");
			continue;
		case '\b':
			buf_adds(b, "\\b");
			continue;
		case '\f':
			buf_adds(b, "\\f");
			continue;
		case '\n':
			buf_adds(b, "\\n");
			continue;
		case '\r':
			buf_adds(b, "\\r");
			continue;
		case '\t':
			buf_adds(b, "\\t");
			continue;
		case '\v':
			buf_adds(b, "\\v");
			continue;
		}
		if (cp < 0x20 || cp == 0x7f)
			buf_addf(b, "\\x%02x", (unsigned int)cp);
		else if ((cp >= 0x80 && cp <= 0x9f) || cp == 0xad ||
		    (cp >= 0x200b && cp <= 0x200f) || cp == 0x2028 ||
		    cp == 0x2029 || (cp >= 0x2060 && cp <= 0x2064) ||
		    cp == 0xfeff)
			buf_addf(b, "\\u%04x", (unsigned int)cp);
		else
			buf_add(b, s + i, j - i);
	}
	buf_addc(b, '"');
}

/* s padded to width code points, as Go's fmt pads a string. */
static void
pad(struct buf *b, const char *s, size_t len, long width, int minus,
    int zero)
{
	long	 n = 0;
	size_t	 i;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	if (minus)
		buf_add(b, s, len);
	for (; n < width; n++)
		buf_addc(b, zero && !minus ? '0' : ' ');
	if (!minus)
		buf_add(b, s, len);
}

struct spec {
	int	 minus, plus, sharp, space, zero;
	long	 width, prec;	/* -1: none */
};

/* A number's text padded: the sign first, zeros after it. */
static void
pad_num(struct buf *b, const char *s, size_t len, const struct spec *f)
{
	struct buf	 t = BUF_INIT;
	size_t		 sign = 0;

	if (s[0] != '-' && f->plus)
		buf_addc(&t, '+');
	else if (s[0] != '-' && f->space)
		buf_addc(&t, ' ');
	buf_add(&t, s, len);
	if (t.buf[0] == '-' || t.buf[0] == '+' || t.buf[0] == ' ')
		sign = 1;
	if (f->zero && !f->minus && (long)t.len < f->width) {
		buf_add(b, t.buf, sign);
		pad(b, t.buf + sign, t.len - sign, f->width - (long)sign,
		    0, 1);
	} else
		pad(b, t.buf, t.len, f->width, f->minus, 0);
	buf_release(&t);
}

/* %d, %b, %o, %x, %X of a whole number d. 0, or -1 when too big. */
static int
fmt_int(struct buf *b, double d, int verb, const struct spec *f)
{
	struct buf		 t = BUF_INIT;
	char			 dig[80], *p = dig + sizeof(dig) - 1;
	const char		*digits = verb == 'X' ? "0123456789ABCDEF" :
				    "0123456789abcdef";
	unsigned long long	 u;
	unsigned int		 base;
	struct spec		 g = *f;
	long			 n;

	base = verb == 'b' ? 2 : verb == 'o' ? 8 : verb == 'd' ? 10 : 16;
	*p = '\0';
	if (fabs(d) < 1.8e19) {
		u = (unsigned long long)fabs(d);
		do {
			*--p = digits[u % base];
			u /= base;
		} while (u > 0);
	} else if (base == 10 && fabs(d) < 1e300) {
		snprintf(dig, sizeof(dig), "%.0f", fabs(d));
		p = dig;
	} else
		return -1;
	if (d < 0)
		buf_addc(&t, '-');
	if (f->sharp && base != 10)
		buf_adds(&t, base == 2 ? "0b" : base == 8 ? "0" :
		    verb == 'X' ? "0X" : "0x");
	for (n = (long)strlen(p); n < f->prec; n++)
		buf_addc(&t, '0');
	buf_adds(&t, p);
	/* Go drops the 0 flag when a precision is given. */
	if (f->prec >= 0)
		g.zero = 0;
	pad_num(b, t.buf, t.len, &g);
	buf_release(&t);
	return 0;
}

/* An argument index "[n]" at fmt[*i], if there is one. */
static int
fmt_index(const char *fmt, size_t flen, size_t *i, size_t *argi,
    int *explicit)
{
	size_t	 k = 0;

	if (*i >= flen || fmt[*i] != '[')
		return 0;
	for ((*i)++; *i < flen && fmt[*i] >= '0' && fmt[*i] <= '9' &&
	    k < 100000000; (*i)++)
		k = k * 10 + (size_t)(fmt[*i] - '0');
	if (*i >= flen || fmt[*i] != ']' || k == 0)
		return -1;
	(*i)++;
	*argi = k - 1;
	*explicit = 1;
	return 0;
}

/* A width or precision at fmt[*i]; -1 past a million, as Go. */
static int
fmt_digits(const char *fmt, size_t flen, size_t *i, long *n)
{
	for (; *i < flen && fmt[*i] >= '0' && fmt[*i] <= '9'; (*i)++) {
		if (*n < 0)
			*n = 0;
		*n = *n * 10 + (fmt[*i] - '0');
		if (*n > 1000000)
			return -1;
	}
	return 0;
}

/*
 * Terraform's format(): Go's fmt verbs on Terraform values.  Writes
 * into out and returns NULL, or returns an error or an unknown.
 */
static struct tfv *
do_format(struct tf_ev *ev, const struct tf_call *c, const char *fmt,
    size_t flen, struct tfv *const *args, size_t nargs, struct buf *out)
{
	struct buf	 t = BUF_INIT;
	struct spec	 f;
	const struct tfv *v;
	const char	*s;
	char		 cfmt[64];
	size_t		 i = 0, start, argi = 0, used = 0, len, k;
	double		 d;
	int		 explicit = 0, verb, bl;

	while (i < flen) {
		if (fmt[i] != '%') {
			for (k = i; k < flen && fmt[k] != '%'; k++)
				continue;
			buf_add(out, fmt + i, k - i);
			i = k;
			continue;
		}
		start = i++;
		if (i < flen && fmt[i] == '%') {
			buf_addc(out, '%');
			i++;
			continue;
		}
		memset(&f, 0, sizeof(f));
		f.width = f.prec = -1;
		for (; i < flen && strchr("-+# 0", fmt[i]) != NULL &&
		    fmt[i] != '\0'; i++)
			switch (fmt[i]) {
			case '-':
				f.minus = 1;
				break;
			case '+':
				f.plus = 1;
				break;
			case '#':
				f.sharp = 1;
				break;
			case ' ':
				f.space = 1;
				break;
			default:
				f.zero = 1;
			}
		if (fmt_index(fmt, flen, &i, &argi, &explicit) == -1 ||
		    fmt_digits(fmt, flen, &i, &f.width) == -1)
			goto bad_spec;
		if (i < flen && fmt[i] == '.') {
			i++;
			f.prec = 0;
			if (fmt_digits(fmt, flen, &i, &f.prec) == -1)
				goto bad_spec;
		}
		if (fmt_index(fmt, flen, &i, &argi, &explicit) == -1)
			goto bad_spec;
		if (i >= flen)
			return tf_error(ev, c->at, "%s: invalid format string "
			    "starting at offset %zu", c->name, start);
		verb = (unsigned char)fmt[i++];
		if (verb >= 0x80 || strchr("vtbdoxXeEfFgGsq", verb) == NULL)
			return tf_error(ev, c->at, "%s: unsupported format "
			    "verb '%c' in \"%.*s\" at offset %zu", c->name,
			    verb >= 0x80 ? '?' : verb, (int)(i - start),
			    fmt + start, start);
		if (argi >= nargs)
			return tf_error(ev, c->at, "%s: not enough arguments "
			    "for \"%.*s\" at %zu: need index %zu but have %zu "
			    "total", c->name, (int)(i - start), fmt + start,
			    start, argi + 1, nargs);
		v = args[argi++];
		if (argi > used)
			used = argi;
		/* Terraform cannot format a null either. */
		if (v->kind == TFV_NULL)
			return tfv_unknown(ev, "format() of a null value",
			    c->at);
		if (tf_spend(ev, 1 + (f.width > 0 ? (unsigned long)f.width /
		    64 : 0)))
			return tff_over(ev, c);
		buf_reset(&t);
		switch (verb) {
		case 'v':
			if (f.sharp || v->kind == TFV_LIST ||
			    v->kind == TFV_MAP) {
				tfv_json(&t, v);
				pad(out, t.buf, t.len, f.width, f.minus, 0);
			} else if (v->kind == TFV_NUMBER) {
				go_g(&t, v->num, 0);
				pad_num(out, t.buf, t.len, &f);
			} else {
				tfv_to_string(ev, v, &s, &len);
				pad(out, s, len, f.width, f.minus, f.zero);
			}
			break;
		case 's':
		case 'q':
			if (tfv_to_string(ev, v, &s, &len) == -1)
				goto need_str;
			/* A precision is a number of code points. */
			if (f.prec >= 0) {
				for (k = 0; k < len && f.prec >= 0; k++)
					if (((unsigned char)s[k] & 0xc0) !=
					    0x80 && f.prec-- == 0)
						break;
				len = k;
			}
			if (verb == 'q') {
				go_quote(&t, s, len);
				s = t.buf;
				len = t.len;
			}
			pad(out, s, len, f.width, f.minus, f.zero);
			break;
		case 't':
			/* Terraform prints a bool without padding. */
			if (tfv_to_bool(v, &bl) == -1) {
				buf_release(&t);
				return tf_error(ev, c->at, "%s: unsupported "
				    "value for \"%%t\": a bool is required, "
				    "not %s", c->name, tff_a_kind(v));
			}
			buf_adds(out, bl ? "true" : "false");
			break;
		case 'd':
		case 'b':
		case 'o':
		case 'x':
		case 'X':
			if (tff_to_num(v, &d) == -1)
				goto need_num;
			if (d != floor(d)) {
				buf_release(&t);
				return tf_error(ev, c->at, "%s: unsupported "
				    "value for \"%.*s\" at %zu: an integer "
				    "is required", c->name, (int)(i - start),
				    fmt + start, start);
			}
			if (fmt_int(out, d, verb, &f) == -1) {
				buf_release(&t);
				return tfv_unknown(ev, "format() of a number "
				    "irsalint cannot print exactly", c->at);
			}
			break;
		default:
			if (tff_to_num(v, &d) == -1)
				goto need_num;
			if ((verb == 'g' || verb == 'G') && f.prec < 0) {
				go_g(&t, d, verb == 'G');
				pad_num(out, t.buf, t.len, &f);
				break;
			}
			snprintf(cfmt, sizeof(cfmt), "%%%s%s%s%s%s*.*%c",
			    f.minus ? "-" : "", f.plus ? "+" : "",
			    f.sharp ? "#" : "", f.space ? " " : "",
			    f.zero ? "0" : "", verb);
			buf_addf(out, cfmt, f.width < 0 ? 0 : (int)f.width,
			    f.prec < 0 ? 6 : (int)f.prec, d);
		}
		if (out->len > TF_MAX_STRING)
			break;
	}
	buf_release(&t);
	if (!explicit && used < nargs)
		return tf_error(ev, c->at, "%s: too many arguments; only %zu "
		    "used by the format string", c->name, used);
	return NULL;
bad_spec:
	buf_release(&t);
	if (f.width > 1000000 || f.prec > 1000000)
		return tfv_unknown(ev, "format() with a width or precision "
		    "over a million", c->at);
	return tf_error(ev, c->at, "%s: invalid argument index in the format "
	    "string at offset %zu", c->name, start);
need_str:
	buf_release(&t);
	return tf_error(ev, c->at, "%s: unsupported value for \"%.*s\" at "
	    "%zu: a string is required, not %s", c->name, (int)(i - start),
	    fmt + start, start, tff_a_kind(v));
need_num:
	buf_release(&t);
	return tf_error(ev, c->at, "%s: unsupported value for \"%.*s\" at "
	    "%zu: a number is required, not %s", c->name, (int)(i - start),
	    fmt + start, start, tff_a_kind(v));
}

struct tfv *
tf_fn_format(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*fmt;
	size_t		 flen;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &fmt, &flen)) != NULL)
		return e;
	if ((e = do_format(ev, c, fmt, flen, c->args + 1, c->nargs - 1,
	    &b)) != NULL) {
		buf_release(&b);
		return e;
	}
	return tff_result(ev, c, &b);
}

/* format() of each element of the list arguments, in step. */
struct tfv *
tf_fn_formatlist(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*fmt;
	size_t		 flen, i, j, n = 1, first = 0, total = 0;
	struct tfv	*e, *l, **row;

	if ((e = tff_get_str(ev, c, 0, &fmt, &flen)) != NULL)
		return e;
	for (i = 1; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_MAP)
			return tff_bad(ev, c, i, "a list or a string");
		if (c->args[i]->kind != TFV_LIST)
			continue;
		if (first == 0) {
			first = i;
			n = c->args[i]->n;
		} else if (c->args[i]->n != n)
			return tf_error(ev, c->at, "formatlist: argument %zu "
			    "has length %zu, which is inconsistent with "
			    "argument %zu of length %zu", i + 1,
			    c->args[i]->n, first + 1, n);
	}
	if (tf_spend(ev, n * c->nargs))
		return tff_over(ev, c);
	l = tfv_list(ev, n, 0);
	row = arena_alloc(ev->arena, c->nargs * sizeof(*row));
	for (j = 0; j < n; j++) {
		for (i = 1; i < c->nargs; i++)
			row[i - 1] = c->args[i]->kind == TFV_LIST ?
			    c->args[i]->v[j] : c->args[i];
		buf_reset(&b);
		if ((e = do_format(ev, c, fmt, flen, row, c->nargs - 1,
		    &b)) != NULL) {
			buf_release(&b);
			return e;
		}
		/* Each element and all of them: rows may share a long
		 * argument. */
		if (b.len > TF_MAX_STRING || (total += b.len) > TF_MAX_STRING) {
			buf_release(&b);
			return tf_error(ev, c->at, "formatlist: the result is "
			    "longer than %lu bytes", TF_MAX_STRING);
		}
		l->v[j] = tfv_str(ev, b.buf, b.len);
		if (ev->over) {
			buf_release(&b);
			return tff_over(ev, c);
		}
	}
	buf_release(&b);
	return l;
}

