/* Layering fixture: loaders meet only in load.h. */
#include "load_cfn.h"
#include "tf_eval.h"
