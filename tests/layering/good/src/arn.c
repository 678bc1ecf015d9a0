/* Layering fixture. */
#include "arn.h"
#include "policy.h"
