/* Layering fixture. */
#include <stdlib.h>
#include "xalloc.h"
