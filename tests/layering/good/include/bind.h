/* Layering fixture. */
#ifndef BIND_H
#define BIND_H

#include "trust.h"
#include "policy.h"

#endif /* BIND_H */
