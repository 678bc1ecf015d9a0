/* Layering fixture. */
#include "report.h"
#include "bind.h"
