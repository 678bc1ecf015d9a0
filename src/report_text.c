/* SPDX-License-Identifier: ISC */
/*
 * gcc-style text: "file:line:col: severity: message [rule-id]", with
 * related locations as "note:" lines; no line:col for a whole file.
 * Colors, when asked for, are gcc's defaults, so a terminal shows
 * irsalint's diagnostics like the compiler's.
 */
#include <stdio.h>

#include "diag.h"
#include "report.h"
#include "rule.h"

/* gcc's GCC_COLORS defaults: locus=01 error=01;31 warning=01;35 note=01;36 */
#define SGR_BOLD	"\033[01m\033[K"
#define SGR_ERROR	"\033[01;31m\033[K"
#define SGR_WARNING	"\033[01;35m\033[K"
#define SGR_NOTE	"\033[01;36m\033[K"
#define SGR_RESET	"\033[m\033[K"

static void	put_safe(FILE *, const char *);
static void	print_loc(FILE *, const struct loc *, int);
static void	print_sev(FILE *, const char *, const char *, int);
static const char *sev_color(enum severity);

static void
print_loc(FILE *fp, const struct loc *loc, int color)
{
	if (color)
		fputs(SGR_BOLD, fp);
	put_safe(fp, loc->file);
	if (loc->line > 0) {
		fprintf(fp, ":%u", loc->line);
		if (loc->col > 0)
			fprintf(fp, ":%u", loc->col);
	}
	fputc(':', fp);
	if (color)
		fputs(SGR_RESET, fp);
	fputc(' ', fp);
}

static void
print_sev(FILE *fp, const char *word, const char *sgr, int color)
{
	if (color)
		fprintf(fp, "%s%s:" SGR_RESET " ", sgr, word);
	else
		fprintf(fp, "%s: ", word);
}

static const char *
sev_color(enum severity s)
{
	switch (s) {
	case SEV_NOTE:
		return SGR_NOTE;
	case SEV_WARNING:
		return SGR_WARNING;
	default:
		return SGR_ERROR;
	}
}

/*
 * Print text from the inputs: control characters become \xNN, so that a
 * crafted manifest cannot move the cursor, recolor or retitle the
 * terminal or CI log that shows this report, nor start a line of its own.
 */
static void
put_safe(FILE *fp, const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\x%02x", *p);
		else
			putc(*p, fp);
}

void
report_text(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	const struct diag	*d;
	const struct related	*r;
	size_t			 i;

	for (i = 0; i < dg->n; i++) {
		d = dg->v[i];
		if (!report_listed(d, o))
			continue;
		print_loc(fp, &d->loc, o->color);
		print_sev(fp, severity_name(d->sev), sev_color(d->sev),
		    o->color);
		put_safe(fp, d->msg);
		if (d->rule != NULL)
			fprintf(fp, o->color ? " [%s%s" SGR_RESET "]" : " [%s%s]",
			    o->color ? sev_color(d->sev) : "", d->rule->id);
		if (d->suppressed != SUPPRESS_NONE) {
			fprintf(fp, " (suppressed by %s%s",
			    report_suppress_name(d->suppressed),
			    d->reason != NULL ? ": " : "");
			put_safe(fp, d->reason != NULL ? d->reason : "");
			fputc(')', fp);
		}
		fputc('\n', fp);
		for (r = d->related; r != NULL; r = r->next) {
			print_loc(fp, &r->loc, o->color);
			print_sev(fp, "note", SGR_NOTE, o->color);
			if (r->address != NULL) {
				put_safe(fp, r->address);
				fputs(": ", fp);
			}
			put_safe(fp, r->msg);
			fputc('\n', fp);
		}
	}
}
