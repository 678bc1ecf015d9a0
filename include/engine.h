/* SPDX-License-Identifier: ISC */
/* The engine: bind every annotated ServiceAccount and run the rules. */
#ifndef ENGINE_H
#define ENGINE_H

#include <stddef.h>

struct bindings;
struct check_ctx;
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

/*
 * The context rules are given, with a budget of like_budget pattern
 * matches for rule_count_admitted(); engine_run() makes one, and tests
 * of the rule helpers make their own.  Release frees the memos.
 */
void	engine_ctx_init(struct check_ctx *, const struct model *,
	    struct diags *, const struct bindings *, size_t like_budget);
void	engine_ctx_release(struct check_ctx *);

#endif /* ENGINE_H */
