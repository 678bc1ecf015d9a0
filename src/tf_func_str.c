/* SPDX-License-Identifier: ISC */
/*
 * Terraform's string functions (split, join, replace, substr, the case
 * and trim families, prefixes and suffixes, basename and dirname), on
 * the helpers of tf_func.c.
 */
#include <string.h>

#include "buf.h"
#include "util.h"

#include "tf_fn.h"

static void		 path_clean(struct buf *, const char *, size_t);
static struct tfv	*replace_plain(struct tf_ev *, const struct tf_call *,
			    const char *, size_t, const char *, size_t,
			    const char *, size_t);
static int		 in_cutset(const char *, size_t, const char *,
			    size_t);

struct tfv *
tf_fn_split(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*sep, *s, *p, *q;
	size_t		 slen, len, n, i, k;
	struct tfv	*e, *l = NULL;
	uint32_t	 cp;

	if ((e = tff_get_str(ev, c, 0, &sep, &slen)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &s, &len)) != NULL)
		return e;
	/* Go's strings.Split: an empty separator splits code points. */
	if (slen == 0) {
		for (n = 0, i = 0; i < len; n++)
			if (tff_u8dec(s, len, &i, &cp) == -1)
				i++;
	} else
		for (n = 1, p = s; (q = mem_find(p, len - (size_t)(p - s),
		    sep, slen)) != NULL; n++)
			p = q + slen;
	if (n > TF_MAX_ELEMS)
		return tf_error(ev, c->at, "split: more than %lu elements",
		    TF_MAX_ELEMS);
	if (tf_spend(ev, n))
		return tff_over(ev, c);
	l = tfv_list(ev, n, 0);
	if (slen == 0) {
		for (k = 0, i = 0; i < len; k++) {
			p = s + i;
			if (tff_u8dec(s, len, &i, &cp) == -1)
				i++;
			l->v[k] = tfv_str(ev, p, (size_t)(s + i - p));
		}
		return l;
	}
	for (k = 0, p = s; k + 1 < n; k++) {
		q = mem_find(p, len - (size_t)(p - s), sep, slen);
		l->v[k] = tfv_str(ev, p, (size_t)(q - p));
		p = q + slen;
	}
	l->v[k] = tfv_str(ev, p, len - (size_t)(p - s));
	return l;
}

struct tfv *
tf_fn_join(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*sep, **s;
	size_t		 slen, i, j, *len, total = 0, n = 0;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &sep, &slen)) != NULL)
		return e;
	for (i = 1; i < c->nargs; i++) {
		if (c->args[i]->kind == TFV_NULL)
			return tf_error(ev, c->at, "join: argument %zu is "
			    "null", i + 1);
		for (j = 0; c->args[i]->kind == TFV_LIST &&
		    j < c->args[i]->n; j++)
			if (c->args[i]->v[j]->kind == TFV_NULL)
				return tf_error(ev, c->at, "join: element %zu"
				    " of argument %zu is null", j, i + 1);
		if ((e = tff_get_strs(ev, c, i, &s, &len)) != NULL)
			return e;
		for (j = 0; j < c->args[i]->n; j++) {
			/* Sized first: a join can be far bigger than its
			 * arguments, which share strings. */
			total += len[j] + (n++ > 0 ? slen : 0);
			if (total > TF_MAX_STRING)
				return tf_error(ev, c->at, "join: the result "
				    "is longer than %lu bytes", TF_MAX_STRING);
		}
	}
	if (tf_spend(ev, n + total / 64))
		return tff_over(ev, c);
	for (n = 0, i = 1; i < c->nargs; i++) {
		tff_get_strs(ev, c, i, &s, &len);
		for (j = 0; j < c->args[i]->n; j++) {
			if (n++ > 0)
				buf_add(&b, sep, slen);
			buf_add(&b, s[j], len[j]);
		}
	}
	return tff_result(ev, c, &b);
}

/* Go's strings.Replace of every old by new; an empty old matches
 * before each code point and at the end. */
static struct tfv *
replace_plain(struct tf_ev *ev, const struct tf_call *c, const char *s,
    size_t len, const char *old, size_t olen, const char *new, size_t nlen)
{
	struct buf	 b = BUF_INIT;
	const char	*p = s, *q;
	size_t		 i;
	uint32_t	 cp;

	if (olen == 0) {
		for (i = 0; ; ) {
			buf_add(&b, new, nlen);
			if (i >= len)
				break;
			q = s + i;
			if (tff_u8dec(s, len, &i, &cp) == -1)
				i++;
			buf_add(&b, q, (size_t)(s + i - q));
			if (b.len > TF_MAX_STRING || tf_spend(ev, 1))
				break;
		}
		if (ev->over) {
			buf_release(&b);
			return tff_over(ev, c);
		}
		return tff_result(ev, c, &b);
	}
	while ((q = mem_find(p, len - (size_t)(p - s), old, olen)) != NULL) {
		buf_add(&b, p, (size_t)(q - p));
		buf_add(&b, new, nlen);
		p = q + olen;
		if (b.len > TF_MAX_STRING)
			break;
		if (tf_spend(ev, 1 + nlen / 64)) {
			buf_release(&b);
			return tff_over(ev, c);
		}
	}
	buf_add(&b, p, len - (size_t)(p - s));
	return tff_result(ev, c, &b);
}

/*
 * replace() with a regular expression, as Go's ReplaceAllString: an
 * empty match right after a match is not replaced, and the search
 * moves on at least one code point.
 */
struct tfv *
tf_fn_replace(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	struct re	 re;
	regmatch_t	 m[10];
	const char	*s, *pat, *new;
	size_t		 len, plen, nlen, pos = 0, last = 0, i;
	struct tfv	*e;
	uint32_t	 cp;
	int		 r;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &pat, &plen)) != NULL ||
	    (e = tff_get_str(ev, c, 2, &new, &nlen)) != NULL)
		return e;
	if (plen < 2 || pat[0] != '/' || pat[plen - 1] != '/')
		return replace_plain(ev, c, s, len, pat, plen, new, nlen);
	if (tff_re_compile(&re, pat + 1, plen - 2) == -1)
		return tff_re_unknown(ev, c);
	if (!tff_re_text_ok(&re, s, len)) {
		regfree(&re.re);
		return tff_re_unknown(ev, c);
	}
	while (pos <= len) {
		if ((r = tff_re_exec(&re, s, len, pos, m)) != 0)
			break;
		buf_add(&b, s + last, (size_t)m[0].rm_so - last);
		if ((size_t)m[0].rm_eo > last || m[0].rm_so == 0)
			tff_re_expand(&b, new, nlen, s, m, re.ngroups);
		last = (size_t)m[0].rm_eo;
		i = pos;
		if (i < len && tff_u8dec(s, len, &i, &cp) == -1)
			i++;
		if (i == pos)
			i++;
		pos = i > (size_t)m[0].rm_eo ? i : (size_t)m[0].rm_eo;
		if (b.len > TF_MAX_STRING)
			break;
		if (tf_spend(ev, 1 + nlen / 64)) {
			regfree(&re.re);
			buf_release(&b);
			return tff_over(ev, c);
		}
	}
	regfree(&re.re);
	if (last < len)
		buf_add(&b, s + last, len - last);
	return tff_result(ev, c, &b);
}

struct tfv *
tf_fn_substr(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len, i, from, n;
	long long	 off, cnt, total = 0, k;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_int(ev, c, 1, &off)) != NULL ||
	    (e = tff_get_int(ev, c, 2, &cnt)) != NULL)
		return e;
	if (tf_spend(ev, len / 16))
		return tff_over(ev, c);
	for (i = 0; i < len; total++)
		if (tff_gnext(s, len, &i) == -1)
			return tfv_unknown(ev, "substr() of a string whose "
			    "characters irsalint cannot count", c->at);
	/* A negative offset counts from the end, and stops at the
	 * start; a negative length takes the rest. */
	if (off < 0 && (off += total) < 0)
		off = 0;
	if (off >= total)
		return tfv_strz(ev, "");
	for (i = 0, k = 0; k < off; k++)
		tff_gnext(s, len, &i);
	from = i;
	if (cnt < 0 || cnt > total - off)
		cnt = total - off;
	for (k = 0; k < cnt; k++)
		tff_gnext(s, len, &i);
	n = i - from;
	return tfv_str(ev, s + from, n);
}

struct tfv *
tf_fn_lower(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 len, i;
	struct tfv	*e;
	int		 upper = c->name[0] == 'u';

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = 0; i < len; i++)
		if (s[i] & 0x80)
			return tfv_unknown(ev, upper ? "upper() of a string "
			    "beyond ASCII" : "lower() of a string beyond "
			    "ASCII", c->at);
	buf_add(&b, s, len);
	for (i = 0; i < len; i++)
		if (upper && b.buf[i] >= 'a' && b.buf[i] <= 'z')
			b.buf[i] -= 'a' - 'A';
		else if (!upper && b.buf[i] >= 'A' && b.buf[i] <= 'Z')
			b.buf[i] += 'a' - 'A';
	return tff_result(ev, c, &b);
}

struct tfv *
tf_fn_upper(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_fn_lower(ev, c);
}

/*
 * Go's strings.Title, which Terraform uses: a letter after a separator
 * becomes upper case.  ASCII letters, digits and "_" are not
 * separators, other ASCII is; beyond ASCII only spaces are.  A code
 * point beyond ASCII that starts a word would need Unicode's tables.
 */
struct tfv *
tf_fn_title(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 len, i, j;
	struct tfv	*e;
	uint32_t	 cp;
	int		 sep = 1;
	unsigned char	 ch;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	buf_add(&b, s, len);
	for (i = 0; i < len; ) {
		ch = (unsigned char)s[i];
		if (ch < 0x80) {
			if (sep && ch >= 'a' && ch <= 'z')
				b.buf[i] = (char)(ch - ('a' - 'A'));
			sep = !((ch >= 'a' && ch <= 'z') ||
			    (ch >= 'A' && ch <= 'Z') ||
			    (ch >= '0' && ch <= '9') || ch == '_');
			i++;
			continue;
		}
		j = i;
		if (tff_u8dec(s, len, &j, &cp) == -1 || (sep && !tff_u8space(cp))) {
			buf_release(&b);
			return tfv_unknown(ev, "title() of a word starting "
			    "beyond ASCII", c->at);
		}
		sep = tff_u8space(cp);
		i = j;
	}
	return tff_result(ev, c, &b);
}

/* Is the code point at s[i] one of the cutset's? */
static int
in_cutset(const char *set, size_t slen, const char *s, size_t n)
{
	size_t	 i, j;
	uint32_t cp;

	for (i = 0; i < slen; ) {
		j = i;
		if (tff_u8dec(set, slen, &j, &cp) == -1)
			j = i + 1;
		if (j - i == n && memcmp(set + i, s, n) == 0)
			return 1;
		i = j;
	}
	return 0;
}

/* Go's strings.Trim: code points of the cutset off both ends. */
struct tfv *
tf_fn_trim(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *set;
	size_t		 len, slen, i, j, from, to, last;
	struct tfv	*e;
	uint32_t	 cp;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &set, &slen)) != NULL)
		return e;
	if (tf_spend(ev, len / 16 + slen / 16))
		return tff_over(ev, c);
	for (i = 0; i < len; i = j) {
		j = i;
		if (tff_u8dec(s, len, &j, &cp) == -1)
			j = i + 1;
		if (!in_cutset(set, slen, s + i, j - i))
			break;
	}
	from = i;
	/* From the front again, remembering where the tail of cut code
	 * points starts: UTF-8 cannot be decoded backwards portably. */
	for (to = len, last = len, i = from; i < len; i = j) {
		j = i;
		if (tff_u8dec(s, len, &j, &cp) == -1)
			j = i + 1;
		if (in_cutset(set, slen, s + i, j - i)) {
			if (last == len)
				last = i;
		} else
			last = len;
		to = last;
	}
	if (to < from)
		to = from;
	return tfv_str(ev, s + from, to - from);
}

/* Go's strings.TrimSpace: Unicode white space off both ends. */
struct tfv *
tf_fn_trimspace(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len, i, j, from, to;
	struct tfv	*e;
	uint32_t	 cp;
	int		 sp;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = 0; i < len; i = j) {
		j = i;
		if (tff_u8dec(s, len, &j, &cp) == -1 || !tff_u8space(cp))
			break;
	}
	from = i;
	for (to = from; i < len; i = j) {
		j = i;
		sp = tff_u8dec(s, len, &j, &cp) == 0 && tff_u8space(cp);
		if (j == i)
			j = i + 1;
		if (!sp)
			to = j;
	}
	return tfv_str(ev, s + from, to - from);
}

struct tfv *
tf_fn_trimprefix(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	if (plen <= len && memcmp(s, p, plen) == 0)
		return tfv_str(ev, s + plen, len - plen);
	return tfv_str(ev, s, len);
}

struct tfv *
tf_fn_trimsuffix(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	if (plen <= len && memcmp(s + len - plen, p, plen) == 0)
		return tfv_str(ev, s, len - plen);
	return tfv_str(ev, s, len);
}

/* Every trailing newline, "\n", "\r\n" or "\r", as Terraform's chomp. */
struct tfv *
tf_fn_chomp(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	return tfv_str(ev, s, len);
}

struct tfv *
tf_fn_startswith(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	return tfv_bool(ev, plen <= len && memcmp(s, p, plen) == 0);
}

struct tfv *
tf_fn_endswith(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	return tfv_bool(ev, plen <= len &&
	    memcmp(s + len - plen, p, plen) == 0);
}

struct tfv *
tf_fn_strcontains(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s, *p;
	size_t		 len, plen;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &p, &plen)) != NULL)
		return e;
	if (tf_spend(ev, len / 64))
		return tff_over(ev, c);
	return tfv_bool(ev, mem_find(s, len, p, plen) != NULL);
}

/* Go's path.Base, as Terraform's basename on a Unix host. */
struct tfv *
tf_fn_basename(struct tf_ev *ev, const struct tf_call *c)
{
	const char	*s;
	size_t		 len, i;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (len == 0)
		return tfv_strz(ev, ".");
	while (len > 0 && s[len - 1] == '/')
		len--;
	if (len == 0)
		return tfv_strz(ev, "/");
	for (i = len; i > 0 && s[i - 1] != '/'; i--)
		continue;
	return tfv_str(ev, s + i, len - i);
}

/* Go's filepath.Dir: all but the last element, cleaned. */
struct tfv *
tf_fn_dirname(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 len, i;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = len; i > 0 && s[i - 1] != '/'; i--)
		continue;
	path_clean(&b, s, i);
	return tff_result(ev, c, &b);
}

/* Go's path.Clean of s[0..len) into b, which is empty. */
static void
path_clean(struct buf *b, const char *s, size_t len)
{
	size_t	 r = 0, dotdot = 0;
	int	 rooted;

	if (len == 0) {
		buf_addc(b, '.');
		return;
	}
	if ((rooted = s[0] == '/')) {
		buf_addc(b, '/');
		r = dotdot = 1;
	}
	while (r < len) {
		if (s[r] == '/')
			r++;
		else if (s[r] == '.' && (r + 1 == len || s[r + 1] == '/'))
			r++;
		else if (s[r] == '.' && s[r + 1] == '.' &&
		    (r + 2 == len || s[r + 2] == '/')) {
			r += 2;
			if (b->len > dotdot) {
				/* Back over the last element. */
				b->len--;
				while (b->len > dotdot &&
				    b->buf[b->len] != '/')
					b->len--;
				b->buf[b->len] = '\0';
			} else if (!rooted) {
				if (b->len > 0)
					buf_addc(b, '/');
				buf_adds(b, "..");
				dotdot = b->len;
			}
		} else {
			if ((rooted && b->len != 1) || (!rooted && b->len != 0))
				buf_addc(b, '/');
			for (; r < len && s[r] != '/'; r++)
				buf_addc(b, s[r]);
		}
	}
	if (b->len == 0)
		buf_addc(b, '.');
}

