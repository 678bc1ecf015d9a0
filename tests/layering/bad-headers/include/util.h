/* Layering fixture: no include guard. */
void	util_nothing(void);
