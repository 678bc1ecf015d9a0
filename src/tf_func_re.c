/* SPDX-License-Identifier: ISC */
/*
 * regex() and regexall(), and the regular expressions replace() takes
 * between slashes.
 */
#include <regex.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

#include "tf_fn.h"

static int		 re_translate(struct buf *, const char *, size_t,
			    size_t *, int *);
static int		 isalnum_(char);
static int		 interval_ok(const char *, size_t);
static struct tfv	*re_match(struct tf_ev *, const struct re *,
			    const char *, const regmatch_t *);

/*
 * Terraform's patterns are RE2's; irsalint runs them with POSIX
 * regcomp(3) only when both read them alike.  The two differ on
 * alternation and on repeated groups (RE2 takes the first match that
 * its preferences give, POSIX the longest), on escapes (\d, \w, \s,
 * \b are RE2's; GNU gives some other meanings), on (?flags) and named
 * groups, non-greedy and possessive repetition, and "." (no newline
 * in RE2).  So: no "|", a repetition only after one character, a
 * class or ".", and an escape only of punctuation; "." becomes
 * "[^\n]".  Anything else is an unknown, never a guess.  Without a
 * locale regexec(3) reads bytes: a pattern that matches one character
 * of several (".", "[^a]") is bytewise, for the caller to refuse on
 * text beyond ASCII.
 */
static int
re_translate(struct buf *b, const char *p, size_t len, size_t *ngroups,
    int *bytewise)
{
	size_t	 i, k, depth = 0;
	int	 atom = 0;	/* 1 after one character or class */
	char	 ch;

	*ngroups = 0;
	*bytewise = 0;
	for (i = 0; i < len; ) {
		ch = p[i];
		switch (ch) {
		case '\0':
			return -1;
		case '\\':
			if (++i >= len)
				return -1;
			ch = p[i++];
			if (ch == 'n' || ch == 't') {
				buf_addc(b, ch == 'n' ? '\n' : '\t');
				atom = 1;
				break;
			}
			if ((unsigned char)ch >= 0x80 ||
			    !(ch >= '!' && ch <= '~') ||
			    (ch >= '0' && ch <= '9') ||
			    (ch >= 'a' && ch <= 'z') ||
			    (ch >= 'A' && ch <= 'Z'))
				return -1;
			if (strchr(".[]()*+?{}|^$\\", ch) != NULL)
				buf_addc(b, '\\');
			buf_addc(b, ch);
			atom = 1;
			break;
		case '.':
			buf_adds(b, "[^\n]");
			*bytewise = 1;
			atom = 1;
			i++;
			break;
		case '[':
			buf_addc(b, p[i++]);
			if (i < len && p[i] == '^') {
				buf_addc(b, p[i++]);
				*bytewise = 1;
			}
			/* A "]" or a "-" first is itself, in both. */
			if (i < len && (p[i] == ']' || p[i] == '-'))
				buf_addc(b, p[i++]);
			for (; i < len && p[i] != ']'; i++) {
				ch = p[i];
				if (ch == '[' && i + 1 < len && p[i + 1] == ':') {
					for (k = i + 2; k < len && p[k] >= 'a' &&
					    p[k] <= 'z'; k++)
						continue;
					if (k + 1 >= len || p[k] != ':' ||
					    p[k + 1] != ']')
						return -1;
					buf_add(b, p + i, k + 2 - i);
					i = k + 1;
					continue;
				}
				if (ch == '\\' || ch == '[' || ch == '\0' ||
				    (unsigned char)ch >= 0x80)
					return -1;
				/* "-" only in a range of two letters or
				 * digits, or last. */
				if (ch == '-' && !(i + 1 < len &&
				    p[i + 1] == ']') && !(i > 0 &&
				    i + 1 < len && isalnum_(p[i - 1]) &&
				    isalnum_(p[i + 1]) && p[i - 1] <= p[i + 1]))
					return -1;
				buf_addc(b, ch);
			}
			if (i >= len)
				return -1;
			buf_addc(b, p[i++]);
			atom = 1;
			break;
		case '(':
			if (i + 1 < len && p[i + 1] == '?')
				return -1;
			buf_addc(b, p[i++]);
			depth++;
			(*ngroups)++;
			atom = 0;
			break;
		case ')':
			if (depth-- == 0)
				return -1;
			buf_addc(b, p[i++]);
			atom = 0;	/* a repeated group differs */
			break;
		case '|':
			return -1;
		case '*':
		case '+':
		case '?':
			if (!atom)
				return -1;
			buf_addc(b, p[i++]);
			atom = 0;	/* no "*?", "**", "*+" */
			break;
		case '{':
			/* {n}, {n,} or {n,m}, up to RE2's 1000; else a
			 * "{" is itself in RE2. */
			for (k = i + 1; k < len && ((p[k] >= '0' &&
			    p[k] <= '9') || p[k] == ','); k++)
				continue;
			if (k < len && p[k] == '}' && k > i + 1 &&
			    p[i + 1] != ',' && interval_ok(p + i + 1,
			    k - i - 1)) {
				if (!atom)
					return -1;
				buf_add(b, p + i, k + 1 - i);
				i = k + 1;
				atom = 0;
				break;
			}
			buf_adds(b, "\\{");
			i++;
			atom = 1;
			break;
		case '}':
			buf_adds(b, "\\}");
			i++;
			atom = 1;
			break;
		case '^':
		case '$':
			buf_addc(b, p[i++]);
			atom = 0;
			break;
		default:
			if ((unsigned char)ch >= 0x80) {
				/* Several bytes: a repetition would take
				 * the last one only. */
				for (k = i + 1; k < len &&
				    ((unsigned char)p[k] & 0xc0) == 0x80; k++)
					continue;
				buf_add(b, p + i, k - i);
				i = k;
				atom = 0;
				break;
			}
			buf_addc(b, p[i++]);
			atom = 1;
		}
	}
	return depth == 0 && *ngroups < 10 ? 0 : -1;
}

static int
isalnum_(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* "n", "n," or "n,m" with n <= m <= 1000. */
static int
interval_ok(const char *s, size_t len)
{
	long	 n = 0, m = -1;
	size_t	 i;
	int	 comma = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == ',') {
			if (comma++)
				return 0;
			continue;
		}
		if (comma) {
			m = (m < 0 ? 0 : m) * 10 + (s[i] - '0');
			if (m > 1000)
				return 0;
		} else if ((n = n * 10 + (s[i] - '0')) > 1000)
			return 0;
	}
	return m < 0 || n <= m;
}

int
tff_re_compile(struct re *re, const char *p, size_t len)
{
	struct buf	 b = BUF_INIT;
	int		 r;

	if (len > RE_MAX_PATTERN ||
	    re_translate(&b, p, len, &re->ngroups, &re->bytewise) == -1) {
		buf_release(&b);
		return -1;
	}
	r = regcomp(&re->re, b.buf, REG_EXTENDED);
	buf_release(&b);
	return r == 0 ? 0 : -1;
}

/* The first match at or after s[pos], offsets from s; 0 when found. */
int
tff_re_exec(const struct re *re, const char *s, size_t len, size_t pos,
    regmatch_t *m)
{
	size_t	 i;
	int	 r;

	(void)len;
	r = regexec(&re->re, s + pos, re->ngroups + 1, m,
	    pos > 0 ? REG_NOTBOL : 0);
	if (r != 0)
		return r;
	for (i = 0; i <= re->ngroups; i++)
		if (m[i].rm_so >= 0) {
			m[i].rm_so += (regoff_t)pos;
			m[i].rm_eo += (regoff_t)pos;
		}
	return 0;
}

/*
 * Go's Regexp.Expand of the replacement: $1 or ${1} is a group, $$ a
 * "$"; $name or ${name} names a group, which irsalint's patterns have
 * none of, so it is empty (as "$1x" is: the name is "1x"); a "$" that
 * starts no name is itself.
 */
void
tff_re_expand(struct buf *b, const char *t, size_t tlen, const char *s,
    const regmatch_t *m, size_t ngroups)
{
	size_t	 i, k, from, to, g;
	int	 brace, digits;

	for (i = 0; i < tlen; ) {
		if (t[i] != '$') {
			buf_addc(b, t[i++]);
			continue;
		}
		if (i + 1 < tlen && t[i + 1] == '$') {
			buf_addc(b, '$');
			i += 2;
			continue;
		}
		brace = i + 1 < tlen && t[i + 1] == '{';
		from = k = i + 1 + (size_t)brace;
		for (digits = 1; k < tlen && (isalnum_(t[k]) || t[k] == '_');
		    k++)
			if (t[k] < '0' || t[k] > '9')
				digits = 0;
		to = k;
		if (to == from || (brace && (k >= tlen || t[k] != '}'))) {
			buf_addc(b, '$');
			i++;
			continue;
		}
		i = brace ? k + 1 : k;
		if (!digits || to - from > 4)
			continue;
		for (g = 0, k = from; k < to; k++)
			g = g * 10 + (size_t)(t[k] - '0');
		if (g <= ngroups && m[g].rm_so >= 0)
			buf_add(b, s + m[g].rm_so,
			    (size_t)(m[g].rm_eo - m[g].rm_so));
	}
}

/*
 * Can regexec(3) read s as RE2 would?  Not past RE_MAX_TEXT, nor past
 * a NUL, where it stops; nor beyond ASCII when the pattern has a "."
 * or a "[^...]", which take a byte there, not a code point.
 */
int
tff_re_text_ok(const struct re *re, const char *s, size_t len)
{
	size_t	 i;

	if (len > RE_MAX_TEXT)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == '\0' || (re->bytewise && (s[i] & 0x80)))
			return 0;
	return 1;
}

struct tfv *
tff_re_unknown(struct tf_ev *ev, const struct tf_call *c)
{
	return tfv_unknown(ev, arena_printf(ev->arena, "%s() with a regular "
	    "expression irsalint cannot evaluate", c->name), c->at);
}

/* One match: the text, or the list of its groups when it has some. */
static struct tfv *
re_match(struct tf_ev *ev, const struct re *re, const char *s,
    const regmatch_t *m)
{
	struct tfv	*l;
	size_t		 g;

	if (re->ngroups == 0)
		return tfv_str(ev, s + m[0].rm_so,
		    (size_t)(m[0].rm_eo - m[0].rm_so));
	l = tfv_list(ev, re->ngroups, 0);
	for (g = 1; g <= re->ngroups; g++)
		l->v[g - 1] = m[g].rm_so < 0 ? tfv_null(ev) : tfv_str(ev,
		    s + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
	return l;
}

/* regex() and regexall(): Go's FindStringSubmatch and FindAll...(-1). */
struct tfv *
tf_fn_regex(struct tf_ev *ev, const struct tf_call *c)
{
	struct re	 re;
	regmatch_t	 m[10];
	const char	*pat, *s;
	size_t		 plen, len, i, pos = 0, n = 0, cap = 0;
	long		 prev = -1;
	struct tfv	*e, **all = NULL, **grow, *l;
	uint32_t	 cp;
	int		 every = strcmp(c->name, "regexall") == 0;

	if ((e = tff_get_str(ev, c, 0, &pat, &plen)) != NULL ||
	    (e = tff_get_str(ev, c, 1, &s, &len)) != NULL)
		return e;
	if (tff_re_compile(&re, pat, plen) == -1)
		return tff_re_unknown(ev, c);
	if (!tff_re_text_ok(&re, s, len)) {
		regfree(&re.re);
		return tff_re_unknown(ev, c);
	}
	if (!every) {
		if (tff_re_exec(&re, s, len, 0, m) != 0) {
			regfree(&re.re);
			return tf_error(ev, c->at, "regex: the pattern did "
			    "not match any part of the string");
		}
		e = re_match(ev, &re, s, m);
		regfree(&re.re);
		return e;
	}
	while (pos <= len && tff_re_exec(&re, s, len, pos, m) == 0) {
		/* An empty match right after a match does not count. */
		if ((size_t)m[0].rm_eo == pos && (long)m[0].rm_so == prev)
			;
		else {
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				grow = arena_alloc(ev->arena,
				    cap * sizeof(*grow));
				if (n > 0)
					memcpy(grow, all, n * sizeof(*all));
				all = grow;
			}
			all[n++] = re_match(ev, &re, s, m);
		}
		if ((size_t)m[0].rm_eo == pos) {
			i = pos;
			if (i < len && tff_u8dec(s, len, &i, &cp) == -1)
				i++;
			pos = i > pos ? i : pos + 1;
		} else
			pos = (size_t)m[0].rm_eo;
		prev = m[0].rm_eo;
		if (n > TF_MAX_ELEMS || tf_spend(ev, 1)) {
			regfree(&re.re);
			return n > TF_MAX_ELEMS ? tf_error(ev, c->at,
			    "regexall: more than %lu matches", TF_MAX_ELEMS) :
			    tff_over(ev, c);
		}
	}
	regfree(&re.re);
	l = tfv_list(ev, n, 0);
	if (n > 0)
		memcpy(l->v, all, n * sizeof(*all));
	return l;
}

struct tfv *
tf_fn_regexall(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_fn_regex(ev, c);
}

