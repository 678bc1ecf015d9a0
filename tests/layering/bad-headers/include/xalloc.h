/* Layering fixture: guard names differ. */
#ifndef XALLOC_H
#define XALLOC_HH
#endif
