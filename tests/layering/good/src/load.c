/* Layering fixture. */
#include "load.h"
#include "model.h"
