/* SPDX-License-Identifier: ISC */
/*
 * Loaders: input bytes to model.  Each reports bad input as diag_error()
 * with the best position it has, and keeps going where it can.
 */
#ifndef LOAD_H
#define LOAD_H

#include <sys/types.h>

#include <stddef.h>
#include <stdio.h>

#include "arena.h"

struct diags;
struct model;

/* Limits on hostile input, documented in irsalint(1). */
#define LOAD_MAX_FILE_SIZE	(512UL * 1024 * 1024)
#define LOAD_MAX_DEPTH		256
#define LOAD_MAX_DIR_DEPTH	64
#define LOAD_MAX_LINE		(64UL * 1024 * 1024)	/* bytes */
#define LOAD_MAX_SCALAR		(1024UL * 1024)		/* bytes kept */
#define LOAD_MAX_DOCUMENTS	1000000		/* per file */
#define LOAD_MAX_OBJECTS	10000000	/* Kubernetes, all files */
#define LOAD_MAX_JOBS		64		/* threads reading files, -j */
#define LOAD_MAX_PARTS		256		/* parts of a file, at once */

/*
 * Load one PATH argument: a file, a directory (recursed for *.yaml,
 * *.yml, *.json, *.tfstate; hidden entries and .terraform skipped) or
 * "-" for standard input.  Returns the number of files read.
 */
size_t	load_path(struct model *, struct diags *, const char *);

/* What the command line gives the Terraform sources loader. */
struct load_tf_var {
	const char	*text;		/* NAME=VALUE, or a file's path */
	int		 file;		/* --var-file */
};
struct load_opts {
	const struct load_tf_var *tf_vars;	/* in command-line order */
	size_t			  ntf_vars;
	const char		 *root;		/* the repository root, a real
						   path: what sources may read */
	/*
	 * Where a file's bytes come from when they are not those on disk:
	 * the language server's open buffers.  overlay(overlay_arg, path)
	 * returns the bytes of the file path names and sets *len, or NULL
	 * to read the disk; they stay valid until the load is over.  Only
	 * content is overlaid: which files exist, and whether they are
	 * inside root, is still the disk's answer.  NULL: the disk alone.
	 */
	const char		*(*overlay)(void *, const char *path,
				    size_t *len);
	void			 *overlay_arg;
	/*
	 * Threads that read files, -j: 0 or 1 reads them one at a time
	 * on the caller's thread.  The model built is the same.  With an
	 * overlay, 1: the overlay is not called from other threads.
	 */
	unsigned int		  jobs;
	/*
	 * A regular file of YAML manifests of at least this many bytes
	 * is read in parts, one a thread, cut at document boundaries
	 * (load_split.c); 0: never.  IRSALINT_SPLIT_MIN, for tests.
	 */
	size_t			  split_min;
};

/*
 * Open path for reading as every loader does: from the overlay of
 * opts (which may be NULL) when it has the file, else from disk.
 * NULL with errno set, as fopen(3).
 */
FILE	*load_fopen(const struct load_opts *, const char *path);

/*
 * Record a directory of Terraform sources (*.tf) that load_path()
 * found, or the directory of a named .tf file; load_finish() reads
 * them once every path is walked, since which are root modules depends
 * on all of them.
 */
void	load_tf_dir(struct model *, const char *dir);
void	load_finish(struct model *, struct diags *, const struct load_opts *);
/*
 * load_implied.c: what the inputs imply, once all are read (the last
 * step of load_finish()): the ServiceAccounts and Pod Identity
 * associations of EKS add-ons, and which of the existing roles eksctl
 * attaches are declared by no input.
 */
void	load_implied(struct model *);
/* tf_src.c: evaluate the modules in dirs; the roots into the model. */
void	load_tf_sources(struct model *, struct diags *,
	    const char *const *dirs, size_t n, const struct load_opts *);

/* One .tf file's bytes as a root module alone: stdin, fuzzing. */
void	load_tf_buffer(struct model *, struct diags *, const char *file,
	    const char *data, size_t len, const struct load_opts *);

/*
 * Is the file at path as it was when it was read (size, time, inode)?
 * 0 for a file that was not read as an input.
 */
int	load_unchanged(const struct model *, const char *path);

/* Detect the format by content and call one of the loaders below. */
void	load_buffer(struct model *, struct diags *, const char *file,
	    const char *data, size_t len);

/* file is an arena string that the model may keep. */
void	load_k8s(struct model *, struct diags *, const char *file,
	    const char *data, size_t len);
/* The same, streamed: pre holds bytes already read from the stream. */
void	load_k8s_stream(struct model *, struct diags *, const char *file,
	    FILE *, const char *pre, size_t prelen);
/*
 * Part of a YAML stream, as load.c splits a large file at document
 * boundaries to read it on several threads: len bytes from where fp
 * stands, whose first line is line line_base + 1.  The file is not
 * counted (the caller counts it once); returns the documents read.
 */
size_t	load_k8s_part(struct model *, struct diags *, const char *file,
	    FILE *fp, size_t len, unsigned int line_base);
/*
 * load_split.c: where a stream of manifests in the file open on fd,
 * of size bytes, may be cut into at most n parts that read as the whole
 * does (see there).  parts[0] starts the file; returns how many.
 */
struct load_part {
	off_t		 off;		/* where the part starts */
	size_t		 len;		/* its bytes */
	unsigned int	 line_base;	/* the lines before it */
};
size_t	load_split_points(int fd, off_t size, size_t n,
	    struct load_part *parts);
/*
 * k8s_xp.c: once every input is read, what Kubernetes objects of
 * several files tell together: the Crossplane Roles that selectors
 * choose, and the composites of a CompositeResourceDefinition.
 */
void	load_k8s_finish(struct model *, struct diags *);
/*
 * load_roles.c: once every input is read, the roles several inputs
 * describe (one account, path and name) as one: a later declaration
 * gets dup_of, the first declaration the role observed (AWS CLI), which
 * leaves the model's roles; observations of one ARN are one role.
 */
void	load_roles_merge(struct model *);
void	load_tf(struct model *, struct diags *, const char *file,
	    const char *data, size_t len);
void	load_cfn(struct model *, struct diags *, const char *file,
	    const char *data, size_t len);
void	load_aws(struct model *, struct diags *, const char *file,
	    const char *data, size_t len);
/*
 * load_aws() in two steps, for the threads that read files: the JSON
 * parse alone, on any thread (it touches no model), and the rest on the
 * run's model, in the order of the files, which frees the parse.
 */
struct cJSON;
struct load_aws_parse {
	struct arena	 tree;		/* root's values (xjson_parse_in) */
	struct cJSON	*root;		/* NULL: not valid JSON */
	const char	*end;		/* where cJSON stopped */
	size_t		 nul;		/* the first NUL byte, or len */
};
void	load_aws_parse(const char *data, size_t len, struct load_aws_parse *);
void	load_aws_parsed(struct model *, struct diags *, const char *file,
	    const char *data, size_t len, struct load_aws_parse *);
void	load_aws_parse_free(struct load_aws_parse *);

/*
 * Content sniffing, all of it in load.c, which alone decides what
 * loader reads an input; exported for the unit tests.
 */
int	load_cfn_detect(const char *, size_t);
int	load_aws_detect(const char *, size_t);
/* Does JSON text have an object at the top with this key? */
int	load_json_has_key(const char *, size_t, const char *key);
/*
 * The same for each of nkeys keys (at most 32) in one pass: bit i is
 * set when keys[i] is a key of the top-level object.  The scan stops
 * at the first key whose bit is in stop (0: it reads the whole object),
 * for a caller that needs to know no more once one of those is found.
 */
unsigned int load_json_top_keys(const char *, size_t,
	    const char *const *keys, size_t nkeys, unsigned int stop);

#endif /* LOAD_H */
