/* SPDX-License-Identifier: ISC */
/*
 * A growable string with git strbuf's invariants: buf is never NULL
 * and always NUL-terminated.
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>

struct buf {
	char	*buf;
	size_t	 len;
	size_t	 cap;	/* 0 while buf points at the static empty string */
};

extern char	buf_empty[];
#define BUF_INIT	{ buf_empty, 0, 0 }

void	 buf_init(struct buf *);
void	 buf_grow(struct buf *, size_t);
#define BUF_HUGE	(2UL * 1024 * 1024)
void	 buf_grow_huge(struct buf *, size_t);
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *);
void	 buf_release(struct buf *);
char	*buf_detach(struct buf *, size_t *);	/* caller frees */

#endif /* BUF_H */
