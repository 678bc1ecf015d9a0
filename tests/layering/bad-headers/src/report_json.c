/* Layering fixture: only report_dot.c may include bind.h. */
#include "bind.h"
