/* SPDX-License-Identifier: ISC */
/*
 * GitLab Code Quality: a JSON array of Code Climate issues.  GitLab
 * keeps only the first issue of each fingerprint and compares them
 * between the source and target branch to say what a merge request
 * introduces or fixes, so fingerprints are unique within a run and
 * independent of line numbers (see diags_fingerprint()).
 */
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "rule.h"

static void	gl_issue(struct buf *, const struct diag *);
static const char *gl_severity(const struct diag *);

/* GitLab's scale: info, minor, major, critical, blocker. */
static const char *
gl_severity(const struct diag *d)
{
	if (d->rule == NULL)
		return "major";
	if (d->suppressed != SUPPRESS_NONE)
		return "info";
	switch (d->sev) {
	case SEV_NOTE:
		return "info";
	case SEV_WARNING:
		return "minor";
	default:
		return "major";
	}
}

static void
gl_issue(struct buf *b, const struct diag *d)
{
	struct buf	 t = BUF_INIT;
	const char	*path = d->loc.file;

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	buf_adds(b, "{\"type\":\"issue\",\"description\":");
	if (d->suppressed != SUPPRESS_NONE)
		buf_adds(&t, "suppressed: ");
	buf_adds(&t, d->msg);
	report_json_str(b, t.buf);
	buf_release(&t);
	buf_adds(b, ",\"check_name\":");
	report_json_str(b, d->rule != NULL ? d->rule->id : "input-error");
	buf_addf(b, ",\"fingerprint\":\"%s\",\"severity\":\"%s\","
	    "\"categories\":[\"Security\"],\"location\":{\"path\":",
	    d->fingerprint, gl_severity(d));
	report_json_str(b, path);
	/* A whole-file finding is shown on the first line. */
	buf_addf(b, ",\"lines\":{\"begin\":%u}}}",
	    d->loc.line > 0 ? d->loc.line : 1);
}

void
report_gitlab(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	struct buf	 b = BUF_INIT;
	const char	*sep = "";
	size_t		 i;

	buf_addc(&b, '[');
	for (i = 0; i < dg->n; i++) {
		if (!report_listed(dg->v[i], o))
			continue;
		buf_adds(&b, sep);
		buf_addc(&b, '\n');
		gl_issue(&b, dg->v[i]);
		sep = ",";
	}
	buf_adds(&b, "]\n");
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&b);
}
