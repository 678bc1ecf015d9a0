/* Layering fixture. */
#ifndef CONFIG_H
#define CONFIG_H

#include "rule.h"

#endif /* CONFIG_H */
