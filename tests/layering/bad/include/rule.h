/* Layering fixture. */
#ifndef RULE_H
#define RULE_H

#include "diag.h"

#endif /* RULE_H */
