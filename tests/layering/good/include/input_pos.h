/* Layering fixture. */
#ifndef INPUT_POS_H
#define INPUT_POS_H


#endif /* INPUT_POS_H */
