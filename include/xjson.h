/* SPDX-License-Identifier: ISC */
/*
 * cJSON's parser, safe to call from several threads at once.  cJSON
 * records the place of its last error in a global, written by every
 * parse, so that two parses at once race; here they take turns.  Every
 * cJSON parse of irsalint goes through xjson_parse().
 */
#ifndef XJSON_H
#define XJSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

/*
 * The len bytes at s as JSON, or NULL.  When end is not NULL it is set
 * to the first byte after the value or, on an error, to where the
 * error is (the last byte when the input ran out).  Text after the
 * value is not an error.
 */
cJSON	*xjson_parse(const char *s, size_t len, const char **end);

#endif /* XJSON_H */
