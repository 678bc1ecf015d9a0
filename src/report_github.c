/* SPDX-License-Identifier: ISC */
/*
 * GitHub Actions workflow commands ("::error file=...::message"), one
 * per finding, and a Markdown summary for $GITHUB_STEP_SUMMARY.
 *
 * Everything printed here may come from a manifest in a pull request,
 * that is, from an attacker: the runner reads stdout line by line and
 * obeys any line that starts with "::".  So every message is escaped
 * as the Actions toolkit does (%, CR, LF) and every property value
 * also has ':' and ',' escaped, so that no value can end a property,
 * end the command, or start a new line; and the Markdown summary
 * backslash-escapes all punctuation so that no value becomes a link,
 * an image or HTML.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "rule.h"

static void	gh_escape(struct buf *, const char *, int);
static void	gh_command(struct buf *, const struct diag *);
static void	gh_summary(FILE *, const struct diags *,
		    const struct report_opts *);
static void	md_escape(struct buf *, const char *);

/* The toolkit's escapeData(), or escapeProperty() when prop is set. */
static void
gh_escape(struct buf *b, const char *s, int prop)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '%':
			buf_adds(b, "%25");
			break;
		case '\r':
			buf_adds(b, "%0D");
			break;
		case '\n':
			buf_adds(b, "%0A");
			break;
		case ':':
			buf_adds(b, prop ? "%3A" : ":");
			break;
		case ',':
			buf_adds(b, prop ? "%2C" : ",");
			break;
		default:
			buf_addc(b, *s);
		}
	}
}

static void
gh_command(struct buf *b, const struct diag *d)
{
	const struct related	*r;
	struct buf		 t = BUF_INIT;
	const char		*cmd;

	if (d->suppressed != SUPPRESS_NONE)
		cmd = "notice";
	else
		cmd = severity_name(d->sev);
	buf_addf(b, "::%s file=", cmd);
	gh_escape(b, d->loc.file, 1);
	if (d->loc.line > 0) {
		buf_addf(b, ",line=%u", d->loc.line);
		if (d->loc.col > 0)
			buf_addf(b, ",col=%u", d->loc.col);
		if (d->loc.end_line > 0)
			buf_addf(b, ",endLine=%u", d->loc.end_line);
		if (d->loc.end_col > 0)
			buf_addf(b, ",endColumn=%u", d->loc.end_col);
	}
	if (d->rule != NULL)
		buf_addf(&t, "irsalint %s%s", d->rule->id,
		    d->suppressed != SUPPRESS_NONE ? " (suppressed)" : "");
	else
		buf_adds(&t, "irsalint input error");
	buf_adds(b, ",title=");
	gh_escape(b, t.buf, 1);
	buf_adds(b, "::");
	gh_escape(b, d->msg, 0);
	for (r = d->related; r != NULL; r = r->next) {
		buf_reset(&t);
		buf_addf(&t, "\nnote: %s", r->loc.file);
		/* The place of the note, as gcc writes it, when it has one. */
		if (r->loc.line > 0)
			buf_addf(&t, ":%u", r->loc.line);
		if (r->loc.line > 0 && r->loc.col > 0)
			buf_addf(&t, ":%u", r->loc.col);
		buf_addf(&t, ": %s%s%s", r->address != NULL ? r->address : "",
		    r->address != NULL ? ": " : "", r->msg);
		gh_escape(b, t.buf, 0);
	}
	if (d->fix != NULL) {
		buf_reset(&t);
		buf_addf(&t, "\nfix: %s", d->fix->desc);
		gh_escape(b, t.buf, 0);
	}
	buf_addc(b, '\n');
	buf_release(&t);
}

/* Backslash-escape all ASCII punctuation; line breaks become spaces. */
static void
md_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n' || *s == '\r')
			buf_addc(b, ' ');
		else if (strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", *s) != NULL)
			buf_addf(b, "\\%c", *s);
		else
			buf_addc(b, *s);
	}
}

/* The step summary: counts, then a table of what is listed. */
static void
gh_summary(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	struct buf		 b = BUF_INIT;
	const struct diag	*d;
	size_t			 i, n = 0;

	buf_addf(&b, "## irsalint\n\n%zu error%s, %zu warning%s, %zu note%s, "
	    "%zu suppressed, %zu input error%s in %zu file%s.\n",
	    dg->count[SEV_ERROR], dg->count[SEV_ERROR] == 1 ? "" : "s",
	    dg->count[SEV_WARNING], dg->count[SEV_WARNING] == 1 ? "" : "s",
	    dg->count[SEV_NOTE], dg->count[SEV_NOTE] == 1 ? "" : "s",
	    dg->nsuppressed, dg->nerrors, dg->nerrors == 1 ? "" : "s",
	    o->nfiles, o->nfiles == 1 ? "" : "s");
	if (o->checked != NULL)
		buf_addf(&b, "\n%s.\n", o->checked->line);
	for (i = 0; i < dg->n; i++) {
		d = dg->v[i];
		if (!report_listed(d, o))
			continue;
		if (n++ == 0)
			buf_adds(&b, "\n| Severity | Rule | Location | Message |\n"
			    "| --- | --- | --- | --- |\n");
		buf_addf(&b, "| %s | ", d->suppressed != SUPPRESS_NONE ?
		    "suppressed" : severity_name(d->sev));
		if (d->rule != NULL)
			buf_addf(&b, "`%s`", d->rule->id);
		buf_adds(&b, " | ");
		md_escape(&b, d->loc.file);
		if (d->loc.line > 0)
			buf_addf(&b, "\\:%u", d->loc.line);
		buf_adds(&b, " | ");
		md_escape(&b, d->msg);
		buf_adds(&b, " |\n");
	}
	buf_addc(&b, '\n');
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&b);
}

void
report_github(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < dg->n; i++)
		if (report_listed(dg->v[i], o))
			gh_command(&b, dg->v[i]);
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&b);
	/* The summary may be the same file (a test's /dev/stdout). */
	fflush(fp);
	if (o->summary != NULL)
		gh_summary(o->summary, dg, o);
}
