/* SPDX-License-Identifier: ISC */
/*
 * Diagnostics: every finding of a rule and every input error the user
 * sees.  They are collected, sorted, then handed to a reporter.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdarg.h>
#include <stddef.h>

struct arena;
struct rule;

enum severity {
	SEV_NOTE = 0,
	SEV_WARNING,
	SEV_ERROR,
	SEV__MAX
};

/* A position in an input file.  Positions are 1-based. */
struct loc {
	const char	*file;		/* arena string, never NULL */
	unsigned int	 line;		/* 0: the file as a whole */
	unsigned int	 col;		/* 0: unknown */
	unsigned int	 end_line;	/* 0: same as line */
	unsigned int	 end_col;	/* exclusive; 0: unknown */
};

/* A second place that explains a finding: printed as a "note:" line. */
struct related {
	struct loc	 loc;
	const char	*address;	/* Terraform address or NULL */
	const char	*msg;
	struct related	*next;
};

/* The Kubernetes object a finding is about, if any. */
struct diag_object {
	const char	*kind;
	const char	*ns;		/* NULL for cluster-scoped or unknown */
	const char	*name;
};

/*
 * A fix: replace the text in loc (end_col exclusive, on one line) by
 * text.  Only attached when the right value is known for certain.
 */
struct edit {
	struct loc	 loc;
	const char	*text;
	struct edit	*next;
};

struct fix {
	const char	*desc;		/* "set the namespace to kube-system" */
	struct edit	*edits;		/* in the order added */
};

/* Why a finding is not reported. */
enum suppress_kind {
	SUPPRESS_NONE = 0,
	SUPPRESS_ANNOTATION,		/* irsalint.io/ignore on the object */
	SUPPRESS_COMMENT,		/* # irsalint:ignore in the file */
	SUPPRESS_CONFIG			/* ignores or ignore-paths */
};

struct diag {
	struct loc		 loc;
	const struct rule	*rule;		/* NULL for input errors */
	enum severity		 sev;
	const char		*msg;		/* arena string */
	struct diag_object	 obj;		/* kind NULL: none */
	const char		*address;	/* Terraform address or NULL */
	struct related		*related;	/* in the order added */
	struct fix		*fix;		/* NULL: none known */
	enum suppress_kind	 suppressed;
	const char		*reason;	/* of the suppression, or NULL */
	const char		*fingerprint;	/* set by diags_fingerprint() */
};

struct diags {
	struct arena	*arena;		/* owns every string of every diag */
	struct diag	**v;
	size_t		 n, cap;
	size_t		 count[SEV__MAX];	/* findings by severity */
	size_t		 nerrors;		/* input errors */
	size_t		 nsuppressed;		/* not in count[] */
	/*
	 * The repository root (a real path), or NULL: fingerprints name
	 * files relative to it, whatever the spelling on the command line.
	 */
	const char	*root;
};

void		 diags_init(struct diags *, struct arena *);
void		 diags_release(struct diags *);
void		 diags_adopt(struct diags *dst, struct diags *src);
struct diag	*diag_add(struct diags *, const struct rule *,
		    const struct loc *, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
struct diag	*diag_push(struct diags *, const struct rule *,
		    enum severity, const struct loc *, const char *);
struct diag	*diag_vadd(struct diags *, const struct rule *,
		    enum severity, const struct loc *, const char *, va_list)
		    __attribute__((format(printf, 5, 0)));
struct diag	*diag_error(struct diags *, const struct loc *,
		    const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 diag_related(struct diags *, struct diag *,
		    const struct loc *, const char *, const char *, ...)
		    __attribute__((format(printf, 5, 6)));
void		 diag_fix(struct diags *, struct diag *, const struct loc *,
		    const char *text, const char *desc, ...)
		    __attribute__((format(printf, 5, 6)));
void		 diag_fix_scalar(struct diags *, struct diag *,
		    const struct loc *, const char *old, const char *new,
		    const char *desc);
void		 diag_suppress(struct diags *, struct diag *,
		    enum suppress_kind, const char *reason);
void		 diag_set_severity(struct diags *, struct diag *,
		    enum severity);
void		 diags_drop(struct diags *, size_t);
size_t		 diags_keep(struct diags *,
		    int (*)(const struct diag *, void *), void *);
void		 diags_sort(struct diags *);
void		 diags_fingerprint(struct diags *);
/* Every file of every diagnostic as a path relative to dg->root. */
void		 diags_rebase(struct diags *);
const char	*severity_name(enum severity);

#endif /* DIAG_H */
