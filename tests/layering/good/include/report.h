/* Layering fixture. */
#ifndef REPORT_H
#define REPORT_H

#include "diag.h"

#endif /* REPORT_H */
