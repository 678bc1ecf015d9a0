/* Layering fixture. */
#include "cfn_eval.h"
#include "load.h"
#include "policy.h"
#include "yev.h"
