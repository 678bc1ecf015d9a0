/* Layering fixture: the engine is no rule's business. */
#include "engine.h"
#include "nowhere.h"
