/* SPDX-License-Identifier: ISC */
/*
 * gcc-style text: "file:line:col: severity: message [rule-id]", with
 * related locations as "note:" lines; no line:col for a whole file.
 */
#include <stdio.h>

#include "diag.h"
#include "report.h"
#include "rule.h"

static void
print_loc(FILE *fp, const struct loc *loc)
{
	fputs(loc->file, fp);
	if (loc->line > 0) {
		fprintf(fp, ":%u", loc->line);
		if (loc->col > 0)
			fprintf(fp, ":%u", loc->col);
	}
	fputs(": ", fp);
}

void
report_text(FILE *fp, const struct diags *dg)
{
	const struct diag	*d;
	const struct related	*r;
	size_t			 i;

	for (i = 0; i < dg->n; i++) {
		d = dg->v[i];
		print_loc(fp, &d->loc);
		fprintf(fp, "%s: %s", severity_name(d->sev), d->msg);
		if (d->rule != NULL)
			fprintf(fp, " [%s]", d->rule->id);
		fputc('\n', fp);
		for (r = d->related; r != NULL; r = r->next) {
			print_loc(fp, &r->loc);
			fputs("note: ", fp);
			if (r->address != NULL)
				fprintf(fp, "%s: ", r->address);
			fprintf(fp, "%s\n", r->msg);
		}
	}
}
