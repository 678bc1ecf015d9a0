/* Layering fixture. */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

#endif /* XALLOC_H */
