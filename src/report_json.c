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

static void	json_loc(struct buf *, const struct loc *, int);
static void	json_fix(struct buf *, const struct fix *);
static void	json_finding(struct buf *, const struct diag *);

#define json_str	report_json_str

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

/* {"description":..., "edits":[{file, line, column, ..., "text"}]} */
static void
json_fix(struct buf *b, const struct fix *f)
{
	const struct edit	*e;

	buf_adds(b, ",\"fix\":{\"description\":");
	json_str(b, f->desc);
	buf_adds(b, ",\"edits\":[");
	for (e = f->edits; e != NULL; e = e->next) {
		buf_addc(b, '{');
		json_loc(b, &e->loc, 1);
		buf_adds(b, ",\"text\":");
		json_str(b, e->text);
		buf_addc(b, '}');
		if (e->next != NULL)
			buf_addc(b, ',');
	}
	buf_adds(b, "]}");
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
	buf_adds(b, ",\"fingerprint\":");
	json_str(b, d->fingerprint);
	if (d->fix != NULL)
		json_fix(b, d->fix);
	if (d->suppressed != SUPPRESS_NONE) {
		buf_adds(b, ",\"suppressed\":{\"kind\":");
		json_str(b, report_suppress_name(d->suppressed));
		if (d->reason != NULL) {
			buf_adds(b, ",\"reason\":");
			json_str(b, d->reason);
		}
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
report_json(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	struct buf	 b = BUF_INIT;
	const char	*sep = "";
	size_t		 i;

	buf_adds(&b, "{\"schemaVersion\":1,\"tool\":{\"name\":\"irsalint\","
	    "\"version\":\"" IRSALINT_VERSION "\"},\n\"findings\":[");
	for (i = 0; i < dg->n; i++) {
		if (dg->v[i]->rule == NULL || !report_listed(dg->v[i], o))
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
	    "\"warning\":%zu,\"note\":%zu,\"suppressed\":%zu", o->nfiles,
	    dg->count[SEV_ERROR], dg->count[SEV_WARNING], dg->count[SEV_NOTE],
	    dg->nsuppressed);
	if (o->checked != NULL) {
		buf_adds(&b, ",\"checked\":");
		report_checked_json(&b, o->checked);
	}
	buf_adds(&b, "}}\n");
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&b);
}
