/* Layering fixture. */
#include "bind.h"
#include "trust.h"
#include "model.h"
