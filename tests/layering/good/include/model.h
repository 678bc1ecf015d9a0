/* Layering fixture. */
#ifndef MODEL_H
#define MODEL_H

#include "diag.h"
#include "policy.h"

#endif /* MODEL_H */
