/* Layering fixture. */
#ifndef POLICY_H
#define POLICY_H
#include "arn.h"
#endif
