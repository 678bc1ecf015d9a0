/* Layering fixture. */
#ifndef TRUST_H
#define TRUST_H

#include "arn.h"

#endif /* TRUST_H */
