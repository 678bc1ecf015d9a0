/* SPDX-License-Identifier: ISC */
/* Strict parsers for IAM role and OIDC provider ARNs, with precise errors. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "arn.h"
#include "util.h"

#define ARN_NFIELDS	6
#define ARN_QUOTEMAX	64	/* bytes of a quoted part shown in errors */
#define ROLE_NAMEMAX	64
#define ROLE_PATHMAX	512

/* The colon-separated fields of an ARN, pointing into the input. */
struct arn_fields {
	const char	*f[ARN_NFIELDS];
	size_t		 len[ARN_NFIELDS];
};

enum {
	F_ARN, F_PARTITION, F_SERVICE, F_REGION, F_ACCOUNT, F_RESOURCE
};

static void	 seterr(char *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	 quote(char *, size_t, const char *, size_t);
static void	 showchar(char *, size_t, unsigned char);
static const char *hint(const char *, size_t);
static int	 is_space(unsigned char);
static int	 is_rolechar(unsigned char);
static int	 split(const char *, struct arn_fields *, const char *,
		    char *, size_t);
static int	 check_common(const char *, struct arn_fields *, const char *,
		    char *, size_t);
static int	 check_partition(const struct arn_fields *, char *, size_t);
static int	 check_account(const struct arn_fields *, char *, size_t);
static int	 check_chars(const char *, const char *, size_t, char *,
		    size_t);
static int	 check_path(const char *, size_t, char *, size_t);

/*
 * Format an error into err, which may be shorter than the message:
 * snprintf truncates safely.  Control characters from the input are
 * replaced so that a hostile ARN cannot send escapes to a terminal.
 */
static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	for (p = err; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
}

/* Copy at most ARN_QUOTEMAX bytes of s into buf, marking a cut with "...". */
static void
quote(char *buf, size_t bufsz, const char *s, size_t len)
{
	if (len > ARN_QUOTEMAX)
		snprintf(buf, bufsz, "%.*s...", ARN_QUOTEMAX, s);
	else
		snprintf(buf, bufsz, "%.*s", (int)len, s);
}

/* Render one byte for a message: itself when printable, else \xHH. */
static void
showchar(char *buf, size_t bufsz, unsigned char c)
{
	if (c > 0x20 && c < 0x7f)
		snprintf(buf, bufsz, "%c", c);
	else if (c == ' ')
		snprintf(buf, bufsz, " ");
	else
		snprintf(buf, bufsz, "\\x%02x", c);
}

/*
 * Most bad ARNs in manifests are templates that were never rendered
 * (Helm "{{ }}", Terraform "${ }", HCL locals "{local.x}"), so say so.
 */
static const char *
hint(const char *s, size_t len)
{
	if (memchr(s, '{', len) != NULL || memchr(s, '$', len) != NULL)
		return " (an unrendered template expression?)";
	return "";
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/* IAM's character set for role names and path segments. */
static int
is_rolechar(unsigned char c)
{
	return c != '\0' && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || strchr("+=,.@_-", c) != NULL);
}

/*
 * Split s at colons into exactly six fields.  For an OIDC provider the
 * sixth field takes the remainder, colons included (an issuer is free
 * text); for a role every colon counts, as a role ARN has none past the
 * account.  shape names the resource form in the message.
 */
static int
split(const char *s, struct arn_fields *af, const char *shape, char *err,
    size_t errlen)
{
	int		 rest = strcmp(shape, "role/name") != 0;
	const char	*p = s, *c;
	size_t		 n = 0;

	for (;;) {
		c = strchr(p, ':');
		if (n == ARN_NFIELDS - 1 && rest)
			c = NULL;
		if (n < ARN_NFIELDS) {
			af->f[n] = p;
			af->len[n] = c == NULL ? strlen(p) : (size_t)(c - p);
		}
		n++;
		if (c == NULL)
			break;
		p = c + 1;
	}
	if (n != ARN_NFIELDS) {
		seterr(err, errlen, "expected 6 colon-separated fields "
		    "arn:partition:iam::account:%s, found %zu", shape, n);
		return -1;
	}
	return 0;
}

/* AWS partitions are "aws" and "aws-" followed by a region family. */
static int
check_partition(const struct arn_fields *af, char *err, size_t errlen)
{
	const char	*p = af->f[F_PARTITION];
	size_t		 len = af->len[F_PARTITION], i;
	char		 q[ARN_QUOTEMAX + 4];

	if (len >= 3 && strncmp(p, "aws", 3) == 0) {
		for (i = 3; i < len; i++)
			if (!((p[i] >= 'a' && p[i] <= 'z') ||
			    (p[i] >= '0' && p[i] <= '9') || p[i] == '-'))
				break;
		if (i == len)
			return 0;
	}
	quote(q, sizeof(q), p, len);
	seterr(err, errlen, "partition '%s' is not an AWS partition%s", q,
	    hint(p, len));
	return -1;
}

static int
check_account(const struct arn_fields *af, char *err, size_t errlen)
{
	const char	*p = af->f[F_ACCOUNT];
	size_t		 len = af->len[F_ACCOUNT], i;
	char		 q[ARN_QUOTEMAX + 4];

	for (i = 0; i < len; i++)
		if (p[i] < '0' || p[i] > '9')
			break;
	if (len == 12 && i == len)
		return 0;
	quote(q, sizeof(q), p, len);
	seterr(err, errlen, "account '%s' is not 12 digits%s", q,
	    hint(p, len));
	return -1;
}

/*
 * The checks shared by both ARN kinds, in field order so that the
 * first wrong part is the one reported.  Fills af on success; shape is
 * the resource form, "role/name" or "oidc-provider/issuer".
 */
static int
check_common(const char *s, struct arn_fields *af, const char *shape,
    char *err, size_t errlen)
{
	size_t	 len;
	char	 q[ARN_QUOTEMAX + 4];

	len = strlen(s);
	if (len == 0) {
		seterr(err, errlen, "ARN is empty");
		return -1;
	}
	if (is_space(s[0]) || is_space(s[len - 1])) {
		seterr(err, errlen, "leading or trailing whitespace");
		return -1;
	}
	if (!str_has_prefix(s, "arn:")) {
		quote(q, sizeof(q), s, len);
		if (s[0] == '$' || strstr(s, "${") != NULL ||
		    strstr(s, "{{") != NULL)
			seterr(err, errlen, "'%s' is not an ARN "
			    "(an unsubstituted variable?)", q);
		else
			seterr(err, errlen, "'%s' does not start with 'arn:'",
			    q);
		return -1;
	}
	if (split(s, af, shape, err, errlen) == -1)
		return -1;
	if (check_partition(af, err, errlen) == -1)
		return -1;
	if (af->len[F_SERVICE] != 3 ||
	    strncmp(af->f[F_SERVICE], "iam", 3) != 0) {
		quote(q, sizeof(q), af->f[F_SERVICE], af->len[F_SERVICE]);
		seterr(err, errlen, "service '%s' is not 'iam'", q);
		return -1;
	}
	if (af->len[F_REGION] != 0) {
		quote(q, sizeof(q), af->f[F_REGION], af->len[F_REGION]);
		seterr(err, errlen, "region '%s' must be empty for IAM", q);
		return -1;
	}
	return check_account(af, err, errlen);
}

/*
 * Check that s[0..len) uses only role characters; what names the part
 * in the message ("role name").  The first bad character is shown.
 */
static int
check_chars(const char *what, const char *s, size_t len, char *err,
    size_t errlen)
{
	size_t	 i;
	char	 q[ARN_QUOTEMAX + 4], c[8];

	for (i = 0; i < len; i++) {
		if (is_rolechar((unsigned char)s[i]))
			continue;
		quote(q, sizeof(q), s, len);
		showchar(c, sizeof(c), (unsigned char)s[i]);
		seterr(err, errlen, "%s '%s' has invalid character '%s'%s",
		    what, q, c, hint(s, len));
		return -1;
	}
	return 0;
}

/* Check the path segments between "role/" and the name: p[0..len). */
static int
check_path(const char *p, size_t len, char *err, size_t errlen)
{
	const char	*seg, *end = p + len, *slash;
	char		 q[ARN_QUOTEMAX + 4];

	if (len + 2 > ROLE_PATHMAX) {
		seterr(err, errlen, "role path is longer than %d characters",
		    ROLE_PATHMAX);
		return -1;
	}
	/* The loop runs at least once: "role//x" has one, empty, segment. */
	for (seg = p;; seg = slash + 1) {
		slash = memchr(seg, '/', (size_t)(end - seg));
		if (slash == NULL)
			slash = end;
		if (slash == seg) {
			quote(q, sizeof(q), p, len);
			seterr(err, errlen, "role path '/%s/' has an empty "
			    "segment", q);
			return -1;
		}
		if (check_chars("role path segment", seg,
		    (size_t)(slash - seg), err, errlen) == -1)
			return -1;
		if (slash == end)
			return 0;
	}
}

/*
 * Parse a role ARN, at least as strictly as the EKS pod identity
 * webhook, which rejects anything not matching
 * ^arn:aws[a-z0-9-]*:iam::\d{12}:role\/[\w-\/.@+=,]+$.  Strings in *out
 * live in the arena; *out is untouched on failure.
 */
int
arn_parse_role(struct arena *a, const char *s, struct role_arn *out,
    char *err, size_t errlen)
{
	struct arn_fields	 af;
	const char		*res, *name, *slash;
	size_t			 rlen, nlen;
	char			 q[ARN_QUOTEMAX + 4];

	if (s == NULL)
		s = "";
	if (check_common(s, &af, "role/name", err, errlen) == -1)
		return -1;
	res = af.f[F_RESOURCE];
	rlen = af.len[F_RESOURCE];
	if (!str_has_prefix(res, "role/")) {
		quote(q, sizeof(q), res, rlen);
		seterr(err, errlen, "resource '%s' is not a role "
		    "(expected 'role/...')%s", q, hint(res, rlen));
		return -1;
	}
	res += 5;
	rlen -= 5;
	slash = strrchr(res, '/');
	name = slash == NULL ? res : slash + 1;
	nlen = rlen - (size_t)(name - res);
	if (slash != NULL &&
	    check_path(res, (size_t)(slash - res), err, errlen) == -1)
		return -1;
	if (nlen == 0) {
		seterr(err, errlen, "role name is empty");
		return -1;
	}
	if (nlen > ROLE_NAMEMAX) {
		seterr(err, errlen, "role name is longer than %d characters",
		    ROLE_NAMEMAX);
		return -1;
	}
	if (check_chars("role name", name, nlen, err, errlen) == -1)
		return -1;

	out->partition = arena_strndup(a, af.f[F_PARTITION],
	    af.len[F_PARTITION]);
	out->account = arena_strndup(a, af.f[F_ACCOUNT], af.len[F_ACCOUNT]);
	if (slash == NULL)
		out->path = arena_strdup(a, "/");
	else
		out->path = arena_printf(a, "/%.*s/", (int)(slash - res), res);
	out->name = arena_strndup(a, name, nlen);
	return 0;
}

/*
 * Parse an OIDC provider ARN.  The issuer is the host and path after
 * "oidc-provider/", without a scheme, as IAM stores it.
 */
int
arn_parse_oidc(struct arena *a, const char *s, struct oidc_arn *out,
    char *err, size_t errlen)
{
	struct arn_fields	 af;
	const char		*res;
	size_t			 rlen, i;
	char			 q[ARN_QUOTEMAX + 4], c[8];

	if (s == NULL)
		s = "";
	if (check_common(s, &af, "oidc-provider/issuer", err,
	    errlen) == -1)
		return -1;
	res = af.f[F_RESOURCE];
	rlen = af.len[F_RESOURCE];
	if (!str_has_prefix(res, "oidc-provider/")) {
		quote(q, sizeof(q), res, rlen);
		seterr(err, errlen, "resource '%s' is not an OIDC provider "
		    "(expected 'oidc-provider/...')%s", q, hint(res, rlen));
		return -1;
	}
	res += 14;
	rlen -= 14;
	if (rlen == 0) {
		seterr(err, errlen, "OIDC provider issuer is empty");
		return -1;
	}
	for (i = 0; i < rlen; i++) {
		if ((unsigned char)res[i] > 0x20 && res[i] != 0x7f)
			continue;
		quote(q, sizeof(q), res, rlen);
		showchar(c, sizeof(c), (unsigned char)res[i]);
		seterr(err, errlen, "OIDC provider issuer '%s' has invalid "
		    "character '%s'", q, c);
		return -1;
	}

	out->partition = arena_strndup(a, af.f[F_PARTITION],
	    af.len[F_PARTITION]);
	out->account = arena_strndup(a, af.f[F_ACCOUNT], af.len[F_ACCOUNT]);
	out->issuer = arena_strndup(a, res, rlen);
	return 0;
}
