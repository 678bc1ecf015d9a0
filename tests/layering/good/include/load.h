/* Layering fixture. */
#ifndef LOAD_H
#define LOAD_H

#include "model.h"

#endif /* LOAD_H */
