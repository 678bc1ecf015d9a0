/* SPDX-License-Identifier: ISC */
/*
 * The JSON report, schema version 1.  Editors depend on it: within
 * version 1 keys are only ever added, never renamed or removed.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "rule.h"

/* Append s as a JSON string literal, escaping per RFC 8259. */
static void
json_str(struct buf *b, const char *s)
{
	const unsigned char	*p;

	buf_addc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
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
			if (*p < 0x20 || *p == 0x7f)
				buf_addf(b, "\\u%04x", *p);
			else
				buf_addc(b, (char)*p);
		}
	}
	buf_addc(b, '"');
}

static void
json_loc(struct buf *b, const struct loc *loc, int ends)
{
	buf_adds(b, "\"file\":");
	json_str(b, loc->file);
	buf_addf(b, ",\"line\":%u,\"column\":%u", loc->line, loc->col);
	if (ends && loc->line > 0)
		buf_addf(b, ",\"endLine\":%u,\"endColumn\":%u",
		    loc->end_line ? loc->end_line : loc->line,
		    loc->end_col ? loc->end_col : loc->col);
}

static void
json_finding(struct buf *b, const struct diag *d)
{
	const struct related	*r;

	buf_adds(b, "{\"rule\":");
	json_str(b, d->rule->id);
	buf_adds(b, ",\"severity\":");
	json_str(b, severity_name(d->sev));
	buf_adds(b, ",\"message\":");
	json_str(b, d->msg);
	buf_addc(b, ',');
	json_loc(b, &d->loc, 1);
	if (d->obj.kind != NULL) {
		buf_adds(b, ",\"object\":{\"kind\":");
		json_str(b, d->obj.kind);
		if (d->obj.ns != NULL) {
			buf_adds(b, ",\"namespace\":");
			json_str(b, d->obj.ns);
		}
		buf_adds(b, ",\"name\":");
		json_str(b, d->obj.name);
		buf_addc(b, '}');
	}
	if (d->address != NULL) {
		buf_adds(b, ",\"terraform\":{\"address\":");
		json_str(b, d->address);
		buf_addc(b, '}');
	}
	buf_adds(b, ",\"related\":[");
	for (r = d->related; r != NULL; r = r->next) {
		buf_addc(b, '{');
		json_loc(b, &r->loc, 0);
		if (r->address != NULL) {
			buf_adds(b, ",\"address\":");
			json_str(b, r->address);
		}
		buf_adds(b, ",\"message\":");
		json_str(b, r->msg);
		buf_addc(b, '}');
		if (r->next != NULL)
			buf_addc(b, ',');
	}
	buf_adds(b, "]}");
}

void
report_json(FILE *fp, const struct diags *dg, size_t nfiles)
{
	struct buf	 b = BUF_INIT;
	const char	*sep = "";
	size_t		 i;

	buf_adds(&b, "{\"schemaVersion\":1,\"tool\":{\"name\":\"irsalint\","
	    "\"version\":\"" IRSALINT_VERSION "\"},\n\"findings\":[");
	for (i = 0; i < dg->n; i++) {
		if (dg->v[i]->rule == NULL)
			continue;
		buf_adds(&b, sep);
		buf_addc(&b, '\n');
		json_finding(&b, dg->v[i]);
		sep = ",";
	}
	buf_adds(&b, "],\n\"errors\":[");
	sep = "";
	for (i = 0; i < dg->n; i++) {
		if (dg->v[i]->rule != NULL)
			continue;
		buf_adds(&b, sep);
		buf_adds(&b, "\n{");
		json_loc(&b, &dg->v[i]->loc, 0);
		buf_adds(&b, ",\"message\":");
		json_str(&b, dg->v[i]->msg);
		buf_addc(&b, '}');
		sep = ",";
	}
	buf_addf(&b, "],\n\"summary\":{\"files\":%zu,\"error\":%zu,"
	    "\"warning\":%zu,\"note\":%zu}}\n", nfiles,
	    dg->count[SEV_ERROR], dg->count[SEV_WARNING], dg->count[SEV_NOTE]);
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&b);
}
