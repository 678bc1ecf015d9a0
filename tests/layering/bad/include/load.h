/* Layering fixture. */
#ifndef LOAD_H
#define LOAD_H


#endif /* LOAD_H */
