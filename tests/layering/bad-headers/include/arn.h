/* Layering fixture: arn.h and policy.h include each other. */
#ifndef ARN_H
#define ARN_H
#include "policy.h"
#endif
