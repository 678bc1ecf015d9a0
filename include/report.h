/* SPDX-License-Identifier: ISC */
/*
 * Reporters: sorted diagnostics to text for people, JSON for editors,
 * SARIF for code scanning, workflow commands for GitHub Actions, Code
 * Quality JSON for GitLab, and Graphviz for a picture of the wiring.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

struct bindings;
struct buf;
struct diag;
struct diags;
struct model;
struct rule;

/* What a run read and checked; main computes it from the model. */
struct report_checked {
	size_t		 terraform, cloudformation, aws_cli, kubernetes;
	size_t		 terraform_sources;	/* .tf and .tfvars files */
	size_t		 unread;	/* files holding nothing to check */
	size_t		 named;		/* ServiceAccounts naming a role */
	size_t		 checked;	/* ...cross-checked with its trust */
	size_t		 elsewhere;	/* ...whose role is not in the inputs */
	size_t		 unknown;	/* ...whose trust is not known offline */
	size_t		 roles, providers;
	const char	*line;		/* the same in words */
};

/* What every reporter may need besides the diagnostics. */
struct report_opts {
	int		 color;		/* text: SGR escapes */
	int		 show_suppressed;	/* list suppressed findings */
	size_t		 nfiles;	/* inputs read */
	FILE		*summary;	/* github: $GITHUB_STEP_SUMMARY or NULL */
	const struct report_checked *checked;	/* NULL: not known */
	const char	*stdin_name;	/* diff: what standard input is
					   reported as, never patched */
	const char	*root;		/* diff: the repository root, which
					   the diagnostics' paths are relative
					   to; NULL: the current directory */
};

/* The checked counts as a JSON object, for the JSON and SARIF reports. */
void	report_checked_json(struct buf *, const struct report_checked *);

void	report_text(FILE *, const struct diags *, const struct report_opts *);
void	report_diff(FILE *, const struct diags *, const struct report_opts *);
/* The program's name in the diff report's and --fix's messages. */
extern const char	*report_progname;
/*
 * --fix: write the fixes into their files (paths relative to root),
 * none into a file read from standard input or one unchanged() says
 * has changed since it was read.  Returns the lines changed and sets
 * *nfiles, or -1 after a file could not be fixed (said on stderr).
 */
int	fix_apply(const struct diags *, const char *root,
	    const char *stdin_name, int (*unchanged)(const char *, void *),
	    void *, size_t *nfiles);
void	report_json(FILE *, const struct diags *, const struct report_opts *);
void	report_sarif(FILE *, const struct diags *, const struct report_opts *);
void	report_github(FILE *, const struct diags *,
	    const struct report_opts *);
void	report_gitlab(FILE *, const struct diags *,
	    const struct report_opts *);
/* Draws the bindings the engine built (bind.h) with their findings. */
void	report_dot(FILE *, const struct model *, const struct bindings *,
	    const struct diags *, const struct report_opts *);

/* The rule table as documentation (report_rules.c). */
void	report_rules_text(FILE *);
void	report_rules_json(FILE *);
void	report_rules_mdoc(FILE *);
void	report_explain(FILE *, const struct rule *);

/* Helpers shared by the reporters (report.c). */
void	report_json_str(struct buf *, const char *);
void	report_uri(struct buf *, const char *);
size_t	report_rule_index(const struct rule *);
int	report_listed(const struct diag *, const struct report_opts *);
const char *report_suppress_name(int);

#endif /* REPORT_H */
