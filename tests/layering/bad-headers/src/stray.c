/* Layering fixture: a file of no module. */
