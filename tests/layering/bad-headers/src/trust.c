/* Layering fixture: analysis is one-way, bind on trust. */
#include "bind.h"
