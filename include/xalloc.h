/* SPDX-License-Identifier: ISC */
/* Allocation wrappers that never return NULL: out of memory is fatal. */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
void	*xmallocarray_big(size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

#endif /* XALLOC_H */
