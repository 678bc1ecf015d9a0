/* Layering fixture. */
#include "rule.h"
	#  include "rules.def"
