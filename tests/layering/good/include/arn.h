/* Layering fixture. */
#ifndef ARN_H
#define ARN_H


#endif /* ARN_H */
