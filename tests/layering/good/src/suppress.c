/* Layering fixture. */
#include "suppress.h"
#include "config.h"
#include "model.h"
