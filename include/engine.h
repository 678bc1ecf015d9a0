/* SPDX-License-Identifier: ISC */
/* The engine: bind every annotated ServiceAccount and run the rules. */
#ifndef ENGINE_H
#define ENGINE_H

struct bindings;
struct diags;
struct model;

/*
 * Run every rule of the table over the indexed model (model_index()),
 * adding findings to dg.  The bindings are built into *b, which the
 * caller set up with bindings_init() and frees with bindings_release(),
 * so that a reporter can draw the same bindings the rules judged.
 */
void	engine_run(const struct model *, struct diags *,
	    struct bindings *b);

#endif /* ENGINE_H */
