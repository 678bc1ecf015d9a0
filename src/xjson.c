/* SPDX-License-Identifier: ISC */
/* cJSON's parser, one parse at a time (see xjson.h). */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "xjson.h"

static pthread_mutex_t	 parse_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t	 hooks_once = PTHREAD_ONCE_INIT;

/*
 * The arena of the parse this thread is in, if it is in one of
 * xjson_parse_in(): what cJSON allocates then is the tree's (and what
 * it frees then, a failed parse's part of it, goes with the arena).
 * Everywhere else cJSON allocates and frees as malloc(3) does.
 */
static _Thread_local struct arena	*parse_arena;

static void *
hook_malloc(size_t n)
{
	struct arena	*a = parse_arena;

	return a != NULL ? arena_raw(a, n) : malloc(n);
}

static void
hook_free(void *p)
{
	if (parse_arena == NULL)
		free(p);
}

static void
hooks_install(void)
{
	cJSON_Hooks	 h = { hook_malloc, hook_free };

	cJSON_InitHooks(&h);
}

void
xjson_init(void)
{
	(void)pthread_once(&hooks_once, hooks_install);
}

cJSON *
xjson_parse(const char *s, size_t len, const char **end)
{
	return xjson_parse_in(NULL, s, len, end);
}

/* a NULL: the tree is malloc(3)'s, for cJSON_Delete(). */
cJSON *
xjson_parse_in(struct arena *a, const char *s, size_t len, const char **end)
{
	const char	*e = NULL;
	cJSON		*j;

	xjson_init();
	(void)pthread_mutex_lock(&parse_lock);
	parse_arena = a;
	j = cJSON_ParseWithLengthOpts(s, len, &e, 0);
	parse_arena = NULL;
	(void)pthread_mutex_unlock(&parse_lock);
	if (end != NULL)
		*end = e;
	return j;
}
