/* Layering fixture. */
#include "engine.h"
#include "load.h"
#include "report.h"
#include "suppress.h"
#include "bind.h"
