/* Layering fixture. */
#ifndef ENGINE_H
#define ENGINE_H

#include "rule.h"

#endif /* ENGINE_H */
