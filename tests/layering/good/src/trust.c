/* Layering fixture. */
#include "trust.h"
#include "model.h"
#include "policy.h"
