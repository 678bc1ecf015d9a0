/* Layering fixture. */
#include "cfn_eval.h"
#include "load.h"
#include "input_pos.h"
