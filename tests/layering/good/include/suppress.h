/* Layering fixture. */
#ifndef SUPPRESS_H
#define SUPPRESS_H

#include "config.h"

#endif /* SUPPRESS_H */
