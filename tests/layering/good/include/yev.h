/* Layering fixture. */
#ifndef YEV_H
#define YEV_H


#endif /* YEV_H */
