/* SPDX-License-Identifier: ISC */
/*
 * Opening an input: from disk, or from the overlay of the load options
 * (the language server's open buffers), for every loader alike.
 */
#include <err.h>
#include <stdio.h>

#include "load.h"

/*
 * The overlay's bytes go through a memory stream, so that the loaders
 * that stream a file (manifests, a line at a time) read a buffer as
 * they read a file, with no second code path to keep in step.
 */
FILE *
load_fopen(const struct load_opts *opts, const char *path)
{
	static char	 empty[1];
	const char	*data;
	size_t		 len;
	FILE		*fp;

	if (opts == NULL || opts->overlay == NULL ||
	    (data = opts->overlay(opts->overlay_arg, path, &len)) == NULL)
		return fopen(path, "rb");
	/* "r" never writes through the pointer: the cast is safe. */
	if ((fp = fmemopen(len > 0 ? (char *)data : empty, len, "r")) ==
	    NULL)
		err(2, "fmemopen");
	return fp;
}
