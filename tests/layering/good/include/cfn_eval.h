/* Layering fixture. */
#ifndef CFN_EVAL_H
#define CFN_EVAL_H

#include "model.h"

#endif /* CFN_EVAL_H */
