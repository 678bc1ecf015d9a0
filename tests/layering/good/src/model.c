/* Layering fixture. */
#include "model.h"
#include "arn.h"
