/* SPDX-License-Identifier: ISC */
/*
 * YAML comments that name irsalint, found in the raw text of an input
 * and kept in the model as written (struct comment); what they mean is
 * decided later, by suppress.c.  Part of the input layer.
 */
#ifndef COMMENT_H
#define COMMENT_H

#include <stddef.h>

struct model;

/* A comment is kept when its text starts with this, in any case. */
#define COMMENT_NAME	"irsalint"

/*
 * One line [s, e) of a YAML file, without its newline, as the loader
 * reads it.  file is an arena string that the model may keep.  Nonzero
 * when a comment waits for the next line with content: until it has
 * been shown that line, the loader must show it every line; otherwise
 * only those that hold a '#'.
 */
int	comment_line(struct model *, const char *file, unsigned int line,
	    const char *s, const char *e);
/* The end of a file: comments still waiting for a line apply to none. */
void	comment_finish(struct model *);
/* A whole file: comment_line() for each line, then comment_finish(). */
void	comment_scan(struct model *, const char *file, const char *data,
	    size_t len);

#endif /* COMMENT_H */
