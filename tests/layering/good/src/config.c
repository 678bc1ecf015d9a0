/* Layering fixture. */
#include "config.h"
#include "rule.h"
