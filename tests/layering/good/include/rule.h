/* Layering fixture. */
#ifndef RULE_H
#define RULE_H

#include "diag.h"
#include "../rules/rules.def"

#endif /* RULE_H */
