/* SPDX-License-Identifier: ISC */
/* Reporters: sorted diagnostics to text for people or JSON for editors. */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

struct diags;

void	report_text(FILE *, const struct diags *);
void	report_json(FILE *, const struct diags *, size_t nfiles);

#endif /* REPORT_H */
