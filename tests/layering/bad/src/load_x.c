/* Layering fixture. */
#include "load.h"
#include "rule.h"
