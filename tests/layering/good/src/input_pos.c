/* Layering fixture. */
#include "input_pos.h"
#include "xalloc.h"
