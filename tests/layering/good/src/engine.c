/* Layering fixture. */
#include "engine.h"
#include "bind.h"
#include "rule.h"
