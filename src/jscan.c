/* SPDX-License-Identifier: ISC */
/* A JSON scanner that validates and locates values without building them. */
#include <string.h>

#include "jscan.h"

static void	ws(struct jscan *);
static int	fail(struct jscan *, const char *);
static int	string(struct jscan *);
static int	number(struct jscan *);
static int	literal(struct jscan *, const char *);
static int	skip(struct jscan *);

void
jscan_init(struct jscan *j, const char *text, size_t len, int maxdepth)
{
	j->base = j->p = text;
	j->end = text + len;
	j->depth = 0;
	j->maxdepth = maxdepth;
	j->err = j->errpos = NULL;
}

static void
ws(struct jscan *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

/* Record the first error only: later ones follow from it. */
static int
fail(struct jscan *j, const char *msg)
{
	if (j->err == NULL) {
		j->err = msg;
		j->errpos = j->p;
	}
	return -1;
}

static int
string(struct jscan *j)
{
	static const char	 hex[] = "0123456789abcdefABCDEF";
	int			 i;

	j->p++;		/* the opening quote */
	while (j->p < j->end) {
		if (*j->p == '"') {
			j->p++;
			return 0;
		}
		if ((unsigned char)*j->p < 0x20)
			return fail(j, "control character in a string");
		if (*j->p == '\\') {
			if (++j->p == j->end)
				break;
			if (*j->p == 'u') {
				for (i = 1; i <= 4; i++)
					if (j->p + i >= j->end ||
					    strchr(hex, j->p[i]) == NULL ||
					    j->p[i] == '\0')
						return fail(j, "bad \\u escape");
				j->p += 4;
			} else if (strchr("\"\\/bfnrt", *j->p) == NULL ||
			    *j->p == '\0')
				return fail(j, "bad escape in a string");
		}
		j->p++;
	}
	return fail(j, "unterminated string");
}

static int
digits(struct jscan *j)
{
	const char	*s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s ? 0 : fail(j, "bad number");
}

static int
number(struct jscan *j)
{
	if (*j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (digits(j) == -1)
		return -1;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (digits(j) == -1)
			return -1;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (digits(j) == -1)
			return -1;
	}
	return 0;
}

static int
literal(struct jscan *j, const char *word)
{
	size_t	 n = strlen(word);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
		return fail(j, "expected a value");
	j->p += n;
	return 0;
}

/* Skip one value, checking its grammar. */
static int
skip(struct jscan *j)
{
	int	 r;

	ws(j);
	if (j->p == j->end)
		return fail(j, "unexpected end of input");
	switch (*j->p) {
	case '{':
		if (jscan_object(j) == -1)
			return -1;
		while ((r = jscan_member(j, NULL, NULL)) == 1)
			if (skip(j) == -1)
				return -1;
		return r;
	case '[':
		if (jscan_array(j) == -1)
			return -1;
		while ((r = jscan_element(j)) == 1)
			if (skip(j) == -1)
				return -1;
		return r;
	case '"':
		return string(j);
	case 't':
		return literal(j, "true");
	case 'f':
		return literal(j, "false");
	case 'n':
		return literal(j, "null");
	default:
		if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
			return number(j);
		return fail(j, "expected a value");
	}
}

int
jscan_value(struct jscan *j, struct jspan *span)
{
	ws(j);
	span->start = j->p;
	if (skip(j) == -1)
		return -1;
	span->end = j->p;
	return 0;
}

int
jscan_peek(struct jscan *j)
{
	ws(j);
	return j->p < j->end ? *j->p : 0;
}

/*
 * Containers: a "first" flag is kept in the sign of nothing; instead the
 * scanner looks at the previous significant character to tell whether a
 * comma is due.  That character is always right behind the white space
 * before the current position.
 */
static int
after_open(const struct jscan *j, char open)
{
	const char	*q = j->p;

	while (q > j->base && (q[-1] == ' ' || q[-1] == '\t' ||
	    q[-1] == '\n' || q[-1] == '\r'))
		q--;
	return q > j->base && q[-1] == open;
}

int
jscan_object(struct jscan *j)
{
	ws(j);
	if (j->p == j->end || *j->p != '{')
		return fail(j, "expected an object");
	if (++j->depth > j->maxdepth)
		return fail(j, "nested too deeply");
	j->p++;
	return 0;
}

int
jscan_member(struct jscan *j, const char **key, size_t *keylen)
{
	const char	*k, *comma;

	if (j->err != NULL)
		return -1;
	ws(j);
	if (j->p < j->end && *j->p == '}') {
		j->p++;
		j->depth--;
		return 0;
	}
	if (!after_open(j, '{')) {
		if (j->p == j->end || *j->p != ',')
			return fail(j, j->p == j->end ?
			    "unexpected end of input" : "expected ',' or '}'");
		comma = j->p++;
		ws(j);
		if (j->p < j->end && *j->p == '}') {
			j->p = comma;
			return fail(j, "a comma before '}': JSON has no "
			    "trailing commas");
		}
	}
	if (j->p == j->end || *j->p != '"')
		return fail(j, j->p == j->end ? "unexpected end of input" :
		    "expected a string as key");
	k = j->p + 1;
	if (string(j) == -1)
		return -1;
	if (key != NULL) {
		*key = k;
		*keylen = (size_t)(j->p - 1 - k);
	}
	ws(j);
	if (j->p == j->end || *j->p != ':')
		return fail(j, j->p == j->end ? "unexpected end of input" :
		    "expected ':'");
	j->p++;
	return 1;
}

int
jscan_array(struct jscan *j)
{
	ws(j);
	if (j->p == j->end || *j->p != '[')
		return fail(j, "expected an array");
	if (++j->depth > j->maxdepth)
		return fail(j, "nested too deeply");
	j->p++;
	return 0;
}

int
jscan_element(struct jscan *j)
{
	const char	*comma;

	if (j->err != NULL)
		return -1;
	ws(j);
	if (j->p < j->end && *j->p == ']') {
		j->p++;
		j->depth--;
		return 0;
	}
	if (!after_open(j, '[')) {
		if (j->p == j->end || *j->p != ',')
			return fail(j, j->p == j->end ?
			    "unexpected end of input" : "expected ',' or ']'");
		comma = j->p++;
		ws(j);
		if (j->p < j->end && *j->p == ']') {
			j->p = comma;
			return fail(j, "a comma before ']': JSON has no "
			    "trailing commas");
		}
	}
	ws(j);
	if (j->p == j->end)
		return fail(j, "unexpected end of input");
	return 1;
}

int
jscan_end(struct jscan *j)
{
	ws(j);
	return j->p == j->end ? 0 :
	    fail(j, "unexpected text after the JSON value");
}

int
jscan_key_is(const char *key, size_t len, const char *s)
{
	return strlen(s) == len && memcmp(key, s, len) == 0;
}
