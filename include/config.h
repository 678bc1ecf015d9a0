/* SPDX-License-Identifier: ISC */
/*
 * .irsalint.yaml: which rules run and how severe they are, the default
 * namespace, and what is ignored.  Mistakes in it are errors with a
 * position, because a typo must never silently disable a check.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stddef.h>

struct arena;
struct diags;
struct loc;
struct model;
struct rule;

#define CONFIG_NAME	".irsalint.yaml"
#define CONFIG_UNSET	(-1)

/* One entry of "ignores": findings of some rules about one thing. */
struct config_ignore {
	const struct rule	**rules;	/* NULL-terminated; NULL: all */
	const char		*kind;		/* kubernetes; NULL: any */
	const char		*ns;		/* NULL: any */
	const char		*name;		/* kubernetes object name */
	const char		*address;	/* terraform address, or NULL */
	const char		*reason;	/* NULL when not given */
};

/*
 * One entry of "clusters": the manifests that deploy to a cluster and
 * its issuer, so that a trust naming another cluster's is refused.
 */
struct config_cluster {
	const char		*name;
	const char		*issuer;	/* scheme and trailing / cut */
	struct loc		*loc;		/* its name in the file */
	const char		**manifests;	/* patterns, as ignore-paths */
	size_t			 nmanifests;
};

struct config {
	const char		*file;		/* NULL: no config file */
	const char		*dir;		/* its directory, a real path */
	const char		*ns;		/* default namespace or NULL */
	int			 fail_on;	/* severity, SEV__MAX: never */
	signed char		*enabled;	/* by rule_table index */
	int			*severity;	/* same; CONFIG_UNSET: default */
	const char		**ignore_paths;
	size_t			 nignore_paths;
	/*
	 * inputs: what to lint when the command line names nothing,
	 * each path relative to the configuration file's directory.
	 */
	const char		**inputs;
	size_t			 ninputs;
	struct config_ignore	*ignores;
	size_t			 nignores;
	struct config_cluster	*clusters;
	size_t			 nclusters;
};

/*
 * Set *c to the defaults (every rule on at its own severity).  Arrays
 * live in the arena.
 */
void		 config_init(struct config *, struct arena *);

/*
 * Read file into *c, which config_init() set.  Every mistake is an
 * input error in dg (diag_error()), at its line and column, or at line
 * 0 when it has no position (the file cannot be read).  Returns 0, or
 * -1 after errors: then *c is back at the built-in defaults of
 * config_init(), file NULL, so that nothing of a broken configuration
 * applies.
 */
int		 config_load(struct config *, struct arena *, const char *file,
		    struct diags *);

/* The same from text in memory (the fuzz target); file names it. */
int		 config_parse(struct config *, struct arena *, const char *file,
		    const char *data, size_t len, struct diags *);

/*
 * Look for CONFIG_NAME in the current directory, then its parents,
 * stopping after a directory that holds .git (the repository root) or
 * at /.  Returns an arena path relative to the current directory
 * ("../.irsalint.yaml"), or NULL.
 */
const char	*config_find(struct arena *);

/* Does path match glob pat ("*", "?", "**" across directories)? */
int		 config_glob(const char *pat, const char *path);

/*
 * file as a path relative to the configuration's directory, with ".."
 * where it is outside ("../k8s/sa.yaml"), whatever the spelling and the
 * current directory; file as given when it names no file ("<stdin>").
 * What ignore-paths and clusters[].manifests are matched against.
 */
const char	*config_rel(const struct config *, struct arena *,
		    const char *file);

/* Does the file (config_rel()) match one of the n patterns? */
int		 config_match(const char *const *pats, size_t n,
		    const char *rel);

/*
 * The repository root, a real path: the directory of the .irsalint.yaml
 * found upward from the current directory, else the git top level,
 * else the current directory.  Fingerprints and the paths of SARIF,
 * GitHub and GitLab reports are relative to it, and Terraform sources
 * are read only inside it.
 */
const char	*config_root(struct arena *);

/*
 * The configuration's clusters into the model, and for each file that
 * holds a ServiceAccount the clusters whose manifests it is among;
 * after the load, before the engine runs.
 */
void		 config_deploy(const struct config *, struct model *);

#endif /* CONFIG_H */
