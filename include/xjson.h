/* SPDX-License-Identifier: ISC */
/*
 * cJSON's parser, safe to call from several threads at once.  cJSON
 * records the place of its last error in a global, written by every
 * parse, so that two parses at once race; here they take turns.  Every
 * cJSON parse of irsalint goes through xjson_parse() or xjson_parse_in().
 */
#ifndef XJSON_H
#define XJSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct arena;

/*
 * The len bytes at s as JSON, or NULL.  When end is not NULL it is set
 * to the first byte after the value or, on an error, to where the
 * error is (the last byte when the input ran out).  Text after the
 * value is not an error.
 */
cJSON	*xjson_parse(const char *s, size_t len, const char **end);

/*
 * The same, the tree made in the arena a: it goes when a is released,
 * all at once, and is never given to cJSON_Delete() nor changed.  A
 * tree of millions of values is made without a malloc() each and freed
 * without a free() each (nor glibc's merging of the chunks they leave).
 * With a NULL, it is xjson_parse().
 */
cJSON	*xjson_parse_in(struct arena *a, const char *s, size_t len,
	    const char **end);

/*
 * Installs the allocator xjson_parse_in() needs.  main() calls it
 * before it starts a thread; the parses call it too, for programs
 * that do not (the tests), so that the first parse may install it.
 */
void	 xjson_init(void);

#endif /* XJSON_H */
