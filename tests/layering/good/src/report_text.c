/* Layering fixture. */
#include <stdio.h>
#include "report.h"
#include "rule.h"
#include "model.h"
