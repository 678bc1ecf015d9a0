/* SPDX-License-Identifier: ISC */
/* cJSON's parser, one parse at a time (see xjson.h). */
#include <pthread.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "xjson.h"

static pthread_mutex_t	 parse_lock = PTHREAD_MUTEX_INITIALIZER;

cJSON *
xjson_parse(const char *s, size_t len, const char **end)
{
	const char	*e = NULL;
	cJSON		*j;

	(void)pthread_mutex_lock(&parse_lock);
	j = cJSON_ParseWithLengthOpts(s, len, &e, 0);
	(void)pthread_mutex_unlock(&parse_lock);
	if (end != NULL)
		*end = e;
	return j;
}
