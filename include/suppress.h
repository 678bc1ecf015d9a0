/* SPDX-License-Identifier: ISC */
/*
 * Suppressions: the irsalint.io/ignore annotation, "# irsalint:ignore"
 * comments, and .irsalint.yaml (rules off, severities, ignores, ignored
 * paths), applied to the findings after the rules ran.
 */
#ifndef SUPPRESS_H
#define SUPPRESS_H

#include <stddef.h>

#include "diag.h"

struct config;
struct k8s_obj;
struct diags;
struct model;

#define ANN_IGNORE	"irsalint.io/ignore"
#define COMMENT_IGNORE	"irsalint:ignore"

/* One "# irsalint:ignore a,b -- reason" comment. */
struct suppress_comment {
	struct loc		 loc;		/* the comment */
	unsigned int		 target;	/* the line it applies to */
	const struct rule	**rules;	/* NULL-terminated; NULL: all */
	const char		*reason;	/* NULL when not given */
	const struct k8s_obj	*obj;		/* starts at target, or NULL */
	struct suppress_comment	*next;
};

/*
 * Find the ignore comments in the raw text of a YAML file and keep
 * them in the model (arena).  Unknown rule ids are input errors at the
 * comment.  Called by the loader for every Kubernetes input.
 */
void	suppress_scan(struct model *, struct diags *, const char *file,
	    const char *data, size_t len);
/* The same, a line at a time, for a loader that streams its input. */
void	suppress_line(struct model *, struct diags *, const char *file,
	    unsigned int line, const char *s, const char *e);
void	suppress_finish(struct model *);

/*
 * After the rules ran: drop findings of disabled rules and every
 * diagnostic in an ignored path, apply severity overrides, and mark
 * findings suppressed by annotation, comment or config.  Also checks
 * the rule ids of every ignore annotation.  c may be NULL.
 */
void	suppress_apply(struct diags *, struct model *, const struct config *);

#endif /* SUPPRESS_H */
