/* SPDX-License-Identifier: ISC */
/*
 * Suppressions: the irsalint.io/ignore annotation, "# irsalint:ignore"
 * comments, and .irsalint.yaml (rules off, severities, ignores, ignored
 * paths), applied to the findings after the rules ran.
 */
#ifndef SUPPRESS_H
#define SUPPRESS_H

struct config;
struct diags;
struct model;

#define ANN_IGNORE	"irsalint.io/ignore"
#define COMMENT_IGNORE	"irsalint:ignore"

/*
 * After the rules ran: drop findings of disabled rules and every
 * diagnostic in an ignored path, apply severity overrides, and mark
 * findings suppressed by annotation, comment or config.  The ignore
 * annotations and the raw comments the loaders kept (comment.h) are
 * read here, and their unknown rule ids are input errors at their
 * place.  Nothing is written back into the model; what is parsed lives
 * in its arena.  c may be NULL.
 */
void	suppress_apply(struct diags *, struct model *, const struct config *);

#endif /* SUPPRESS_H */
