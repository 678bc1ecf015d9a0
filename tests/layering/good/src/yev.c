/* Layering fixture. */
#include "yev.h"
#include "xalloc.h"
