/* SPDX-License-Identifier: ISC */
/* Helpers shared by the reporters: JSON strings, URIs, rule indices. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "rule.h"

/* Append s as a JSON string literal, escaping per RFC 8259. */
void
report_json_str(struct buf *b, const char *s)
{
	const unsigned char	*p, *run;

	buf_addc(b, '"');
	for (p = (const unsigned char *)s; ; p++) {
		/* Copy the bytes that need no escape in one piece. */
		for (run = p; *p >= 0x20 && *p != 0x7f && *p != '"' &&
		    *p != '\\'; p++)
			continue;
		if (p > run)
			buf_add(b, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		switch (*p) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		default:
			buf_addf(b, "\\u%04x", *p);
			break;
		}
	}
	buf_addc(b, '"');
}

/*
 * Append a file name as a URI reference (RFC 3986): relative names
 * stay relative, so that code scanning resolves them against the
 * repository root; "./" is dropped; absolute names become file://
 * URIs.  Every byte outside the unreserved set and "/" is
 * percent-encoded, which also keeps UTF-8 names valid.
 */
void
report_uri(struct buf *b, const char *path)
{
	const unsigned char	*p;

	while (strncmp(path, "./", 2) == 0)
		path += 2;
	if (*path == '/')
		buf_adds(b, "file://");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			buf_addc(b, (char)*p);
		else
			buf_addf(b, "%%%02X", *p);
	}
}

/* Position of r in rule_table, which SARIF's ruleIndex refers to. */
size_t
report_rule_index(const struct rule *r)
{
	size_t	 i;

	for (i = 0; rule_table[i] != NULL; i++)
		if (rule_table[i] == r)
			break;
	return i;
}

/* Is d shown at all: always, unless suppressed and not asked for. */
int
report_listed(const struct diag *d, const struct report_opts *o)
{
	return d->suppressed == SUPPRESS_NONE || o->show_suppressed;
}

const char *
report_suppress_name(int kind)
{
	switch (kind) {
	case SUPPRESS_ANNOTATION:
		return "annotation";
	case SUPPRESS_COMMENT:
		return "comment";
	case SUPPRESS_CONFIG:
		return "config";
	default:
		return "none";
	}
}

void
report_checked_json(struct buf *b, const struct report_checked *c)
{
	buf_addf(b, "{\"files\":{\"terraform\":%zu,\"terraform_sources\":%zu,"
	    "\"cloudformation\":%zu,"
	    "\"aws_cli\":%zu,\"kubernetes\":%zu,\"nothing_to_check\":%zu},"
	    "\"serviceaccounts_with_role\":"
	    "%zu,\"cross_checked\":%zu,\"role_not_in_inputs\":%zu,"
	    "\"trust_unknown\":%zu,\"roles\":%zu,\"oidc_providers\":%zu}",
	    c->terraform, c->terraform_sources, c->cloudformation, c->aws_cli,
	    c->kubernetes, c->unread, c->named, c->checked, c->elsewhere,
	    c->unknown, c->roles, c->providers);
}
