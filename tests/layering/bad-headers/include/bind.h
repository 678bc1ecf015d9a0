/* Layering fixture. */
#ifndef BIND_H
#define BIND_H
#endif
