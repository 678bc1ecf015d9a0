/* Layering fixture. */
#ifndef DIAG_H
#define DIAG_H


#endif /* DIAG_H */
