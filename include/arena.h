/* SPDX-License-Identifier: ISC */
/*
 * A bump allocator for the model: everything a loader keeps lives here
 * and is freed at once by arena_release(); nothing is freed piecemeal.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;	/* newest block first */
	size_t			 total;	/* bytes handed out, for limits */
};

#define ARENA_INIT	{ NULL, 0 }

void	*arena_alloc(struct arena *, size_t);	/* zeroed */
void	*arena_raw(struct arena *, size_t);	/* not zeroed */
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 arena_adopt(struct arena *dst, struct arena *src);
void	 arena_release(struct arena *);

#endif /* ARENA_H */
