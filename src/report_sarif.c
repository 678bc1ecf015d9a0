/* SPDX-License-Identifier: ISC */
/*
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * GitHub reads only part of SARIF and is stricter than the schema in a
 * few places, which shape this file: "results" is always present, even
 * empty (upload-sarif refuses a run without it); every rule carries
 * help text and Markdown and a "security-severity" that is a number in
 * a string; the primary location is the Kubernetes manifest, because
 * the plan JSON is generated in CI and rarely committed, so an alert
 * there could not be shown; the Terraform side goes into related and
 * logical locations, which are valid SARIF that GitHub ignores; and
 * partialFingerprints come from the finding's identity, not its line,
 * so that alerts survive edits above them.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "rule.h"

#define SARIF_SCHEMA	"https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_DESC_MAX	1024	/* GitHub's limit on descriptions */

static void	sarif_rule(struct buf *, const struct rule *);
static void	sarif_full_desc(struct buf *, const char *);
static void	sarif_markdown(struct buf *, const struct rule *);
static void	sarif_region_body(struct buf *, const struct loc *);
static void	sarif_region(struct buf *, const struct loc *);
static void	sarif_phys(struct buf *, const struct loc *);
static void	sarif_logical(struct buf *, const char *);
static void	sarif_result(struct buf *, const struct diag *);
static void	sarif_fix(struct buf *, const struct fix *);
static void	sarif_errors(struct buf *, const struct diags *,
		    const struct report_opts *);
static const char *sarif_level(enum severity);
static const char *sarif_security(enum severity);

#define json_str	report_json_str

static const char *
sarif_level(enum severity s)
{
	return severity_name(s);	/* "error", "warning", "note" */
}

/* GitHub: >= 7.0 high, 4.0-6.9 medium, 0.1-3.9 low. */
static const char *
sarif_security(enum severity s)
{
	switch (s) {
	case SEV_NOTE:
		return "2.0";
	case SEV_WARNING:
		return "5.0";
	default:
		return "7.5";
	}
}

/*
 * The explanation up to "Fix:", cut at a sentence boundary to fit
 * GitHub's 1024 characters.
 */
static void
sarif_full_desc(struct buf *b, const char *explain)
{
	struct buf	 t = BUF_INIT;
	const char	*end, *p;
	size_t		 len;

	if ((end = strstr(explain, "\nFix:")) == NULL)
		end = explain + strlen(explain);
	len = (size_t)(end - explain);
	if (len > SARIF_DESC_MAX) {
		for (p = explain + SARIF_DESC_MAX - 1; p > explain; p--)
			if (p[0] == '.' && p[1] == ' ')
				break;
		len = p > explain ? (size_t)(p - explain) + 1 : SARIF_DESC_MAX;
	}
	buf_add(&t, explain, len);
	json_str(b, t.buf);
	buf_release(&t);
}

/*
 * help.markdown: the summary as a heading, the explanation with
 * Markdown's special characters escaped outside `code spans` (so that
 * "<namespace>" is not taken for HTML), and "Fix:" in bold.
 */
static void
sarif_markdown(struct buf *b, const struct rule *r)
{
	struct buf	 t = BUF_INIT;
	const char	*p;
	int		 code = 0;

	buf_addf(&t, "**%s** (%s)\n\n", r->id, r->summary);
	for (p = r->explain; *p != '\0'; p++) {
		if (*p == '`')
			code = !code;
		if (*p == '\n' && strncmp(p + 1, "Fix:", 4) == 0) {
			buf_adds(&t, "\n\n**Fix:**");
			p += 4;
			continue;
		}
		if (!code && strchr("\\*_<>[]#|", *p) != NULL)
			buf_addc(&t, '\\');
		buf_addc(&t, *p);
	}
	json_str(b, t.buf);
	buf_release(&t);
}

/* id "irsa-trust-sub-mismatch" gives name "IrsaTrustSubMismatch". */
static void
sarif_rule(struct buf *b, const struct rule *r)
{
	const char	*p;
	int		 up = 1;

	buf_adds(b, "{\"id\":");
	json_str(b, r->id);
	buf_adds(b, ",\"name\":\"");
	for (p = r->id; *p != '\0'; p++) {
		if (*p == '-') {
			up = 1;
			continue;
		}
		buf_addc(b, up && *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
		up = 0;
	}
	buf_adds(b, "\",\"shortDescription\":{\"text\":");
	json_str(b, r->summary);
	buf_adds(b, "},\"fullDescription\":{\"text\":");
	sarif_full_desc(b, r->explain);
	buf_adds(b, "},\"help\":{\"text\":");
	json_str(b, r->explain);
	buf_adds(b, ",\"markdown\":");
	sarif_markdown(b, r);
	buf_addf(b, "},\"defaultConfiguration\":{\"level\":\"%s\"},"
	    "\"properties\":{\"tags\":[\"security\",\"irsa\",\"eks\"],"
	    "\"precision\":\"high\",\"security-severity\":\"%s\"}}",
	    sarif_level(r->severity), sarif_security(r->severity));
}

/* The members of a region object; line must be >= 1. */
static void
sarif_region_body(struct buf *b, const struct loc *l)
{
	buf_addf(b, "\"startLine\":%u", l->line);
	if (l->col > 0)
		buf_addf(b, ",\"startColumn\":%u", l->col);
	buf_addf(b, ",\"endLine\":%u", l->end_line ? l->end_line : l->line);
	if (l->end_col > 0)
		buf_addf(b, ",\"endColumn\":%u", l->end_col);
}

/* A region needs startLine >= 1: a whole file (line 0) has none. */
static void
sarif_region(struct buf *b, const struct loc *l)
{
	if (l->line == 0)
		return;
	buf_adds(b, ",\"region\":{");
	sarif_region_body(b, l);
	buf_addc(b, '}');
}

static void
sarif_phys(struct buf *b, const struct loc *l)
{
	buf_adds(b, "\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"");
	report_uri(b, l->file);
	buf_adds(b, "\"}");
	sarif_region(b, l);
	buf_addc(b, '}');
}

static void
sarif_logical(struct buf *b, const char *address)
{
	buf_adds(b, ",\"logicalLocations\":[{\"fullyQualifiedName\":");
	json_str(b, address);
	buf_adds(b, ",\"kind\":\"resource\"}]");
}

/* One fix; edits of one file share an artifactChange. */
static void
sarif_fix(struct buf *b, const struct fix *f)
{
	const struct edit	*e;

	buf_adds(b, ",\"fixes\":[{\"description\":{\"text\":");
	json_str(b, f->desc);
	buf_adds(b, "},\"artifactChanges\":[");
	for (e = f->edits; e != NULL; e = e->next) {
		buf_adds(b, "{\"artifactLocation\":{\"uri\":\"");
		report_uri(b, e->loc.file);
		buf_adds(b, "\"},\"replacements\":[");
		for (;;) {
			buf_adds(b, "{\"deletedRegion\":{");
			sarif_region_body(b, &e->loc);
			buf_adds(b, "},\"insertedContent\":{\"text\":");
			json_str(b, e->text);
			buf_adds(b, "}}");
			if (e->next == NULL ||
			    strcmp(e->next->loc.file, e->loc.file) != 0)
				break;
			e = e->next;
			buf_addc(b, ',');
		}
		buf_adds(b, "]}");
		if (e->next != NULL)
			buf_addc(b, ',');
	}
	buf_adds(b, "]}]");
}

static void
sarif_result(struct buf *b, const struct diag *d)
{
	const struct related	*r;
	int			 id = 0;

	buf_adds(b, "{\"ruleId\":");
	json_str(b, d->rule->id);
	buf_addf(b, ",\"ruleIndex\":%zu,\"level\":\"%s\",\"message\":"
	    "{\"text\":", report_rule_index(d->rule), sarif_level(d->sev));
	json_str(b, d->msg);
	buf_adds(b, "},\"locations\":[{");
	sarif_phys(b, &d->loc);
	/* A finding about a role alone has no manifest to point at. */
	if (d->obj.kind == NULL && d->address != NULL)
		sarif_logical(b, d->address);
	buf_adds(b, "}]");
	if (d->related != NULL) {
		buf_adds(b, ",\"relatedLocations\":[");
		for (r = d->related; r != NULL; r = r->next) {
			buf_addf(b, "{\"id\":%d,", id++);
			sarif_phys(b, &r->loc);
			if (r->address != NULL)
				sarif_logical(b, r->address);
			buf_adds(b, ",\"message\":{\"text\":");
			json_str(b, r->msg);
			buf_adds(b, r->next != NULL ? "}}," : "}}");
		}
		buf_addc(b, ']');
	}
	buf_addf(b, ",\"partialFingerprints\":{\"primaryLocationLineHash\":"
	    "\"%.16s:1\",\"irsalint/v1\":\"%s\"}", d->fingerprint,
	    d->fingerprint);
	if (d->fix != NULL)
		sarif_fix(b, d->fix);
	if (d->suppressed != SUPPRESS_NONE) {
		buf_addf(b, ",\"suppressions\":[{\"kind\":\"%s\"",
		    d->suppressed == SUPPRESS_CONFIG ? "external" : "inSource");
		if (d->reason != NULL) {
			buf_adds(b, ",\"justification\":");
			json_str(b, d->reason);
		}
		buf_adds(b, "}]");
	}
	buf_addc(b, '}');
}

/* Input errors are tool execution notifications, not results. */
static void
sarif_errors(struct buf *b, const struct diags *dg,
    const struct report_opts *o)
{
	const char	*sep = "";
	size_t		 i;

	buf_addf(b, "\"invocations\":[{\"executionSuccessful\":%s,"
	    "\"toolExecutionNotifications\":[",
	    dg->nerrors == 0 ? "true" : "false");
	for (i = 0; i < dg->n; i++) {
		if (dg->v[i]->rule != NULL)
			continue;
		buf_adds(b, sep);
		buf_adds(b, "\n{\"level\":\"error\",\"message\":{\"text\":");
		json_str(b, dg->v[i]->msg);
		buf_adds(b, "},\"locations\":[{");
		sarif_phys(b, &dg->v[i]->loc);
		buf_adds(b, "}]}");
		sep = ",";
	}
	buf_adds(b, "]");
	/* What the run read and checked, in the invocation's bag. */
	if (o->checked != NULL) {
		buf_adds(b, ",\"properties\":{\"checked\":");
		report_checked_json(b, o->checked);
		buf_addc(b, '}');
	}
	buf_adds(b, "}],\n");
}

void
report_sarif(FILE *fp, const struct diags *dg, const struct report_opts *o)
{
	struct buf	 b = BUF_INIT;
	const char	*sep = "";
	size_t		 i;

	buf_adds(&b, "{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\","
	    "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"irsalint\","
	    "\"version\":\"" IRSALINT_VERSION "\",\"semanticVersion\":\""
	    IRSALINT_VERSION "\",");
	/* Optional in SARIF: only a build that knows its home names it. */
	if (IRSALINT_URI[0] != '\0') {
		buf_adds(&b, "\"informationUri\":");
		report_json_str(&b, IRSALINT_URI);
		buf_addc(&b, ',');
	}
	buf_adds(&b, "\"rules\":[");
	for (i = 0; rule_table[i] != NULL; i++) {
		buf_adds(&b, i > 0 ? ",\n" : "\n");
		sarif_rule(&b, rule_table[i]);
	}
	buf_adds(&b, "]}},\n\"automationDetails\":{\"id\":\"irsalint/\"},"
	    "\"columnKind\":\"unicodeCodePoints\",\n");
	sarif_errors(&b, dg, o);
	buf_adds(&b, "\"results\":[");
	for (i = 0; i < dg->n; i++) {
		if (dg->v[i]->rule == NULL || !report_listed(dg->v[i], o))
			continue;
		buf_adds(&b, sep);
		buf_addc(&b, '\n');
		sarif_result(&b, dg->v[i]);
		sep = ",";
	}
	buf_adds(&b, "]}]}\n");
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&b);
}
