/* Layering fixture. */
#include <string.h>
#include "bind.h"
#include "diag.h"
#include "model.h"
#include "rule.h"
#include "trust.h"
