/* SPDX-License-Identifier: ISC */
/*
 * Read .irsalint.yaml.  The input layer's events are first turned into
 * a small tree that keeps every node's position, then the tree is
 * checked key by key, so that every mistake is reported at its place,
 * all at once.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "input.h"
#include "model.h"
#include "rule.h"
#include "strmap.h"
#include "util.h"
#include "xalloc.h"

#define CONFIG_MAX_DEPTH	32
#define CONFIG_MAX_SIZE		(1024 * 1024)

enum cnode_type {
	CN_NULL,
	CN_SCALAR,
	CN_MAP,		/* kids alternate key, value */
	CN_SEQ
};

struct cnode {
	enum cnode_type	 type;
	const char	*s;		/* CN_SCALAR */
	struct loc	 loc;
	struct cnode	**kids;
	size_t		 n;
};

/* The state of one config_load(). */
struct cload {
	struct arena	*a;
	struct config	*c;
	const char	*file;		/* arena */
	struct diags	*dg;
	size_t		 nerr;
	struct input	 in;		/* the file, through the input layer */
};

static void		 cparse_text(struct cload *, const char *, size_t);
static void		 cerr(struct cload *, const struct loc *,
			    const char *, ...)
			    __attribute__((format(printf, 3, 4)));
static struct cnode	*cparse(struct cload *, int);
static struct cnode	*cparse_stream(struct cload *);
static int		 cdups(struct cload *, const struct cnode *);
static const char	*ctype(const struct cnode *);
static int		 cbool(struct cload *, const struct cnode *, int *);
static int		 csev(const char *);
static const struct rule *crule(struct cload *, const struct cnode *,
			    size_t *);
static void		 crules(struct cload *, const struct cnode *);
static void		 crule_value(struct cload *, size_t,
			    const struct cnode *);
static void		 cpaths(struct cload *, const struct cnode *);
static const char	*cpattern(struct cload *, const struct cnode *,
			    const char *);
static void		 cclusters(struct cload *, const struct cnode *);
static void		 cignores(struct cload *, const struct cnode *);
static void		 cignore(struct cload *, const struct cnode *,
			    struct config_ignore *);
static void		 ck8s(struct cload *, const struct cnode *,
			    struct config_ignore *);
static const char	*cscalar(struct cload *, const struct cnode *,
			    const char *);
static void		 ctop(struct cload *, const struct cnode *);
static const char	*config_dir(struct arena *, const char *);

/*
 * Report an error as an input error of the run, at loc, or in the file
 * as a whole when loc is NULL, so that every output format carries it.
 */
static void
cerr(struct cload *cl, const struct loc *loc, const char *fmt, ...)
{
	struct loc	 l;
	va_list		 ap;

	memset(&l, 0, sizeof(l));
	l.file = cl->file;
	if (loc != NULL && loc->line > 0) {
		l.line = loc->line;
		l.col = loc->col;
	}
	va_start(ap, fmt);
	diag_vadd(cl->dg, NULL, SEV_ERROR, &l, fmt, ap);
	va_end(ap);
	cl->nerr++;
}

static const char *
ctype(const struct cnode *n)
{
	switch (n->type) {
	case CN_NULL:
		return "nothing";
	case CN_SCALAR:
		return "a scalar";
	case CN_MAP:
		return "a mapping";
	default:
		return "a sequence";
	}
}

/*
 * Build the node that starts at the current event, reading through its
 * end.  Returns NULL after reporting an error; the caller then stops.
 */
static struct cnode *
cparse(struct cload *cl, int depth)
{
	struct input		*in = &cl->in;
	struct cnode		*n, *k, **v = NULL;
	size_t			 cap = 0;
	enum input_type		 end;

	n = arena_alloc(cl->a, sizeof(*n));
	n->loc = in->ev.loc;
	n->loc.end_line = n->loc.end_col = 0;
	switch (in->ev.type) {
	case INPUT_SCALAR:
		n->s = arena_strndup(cl->a, in->ev.s, in->ev.len);
		n->type = input_is_null(&in->ev, INPUT_NULL_ANY_CASE) ?
		    CN_NULL : CN_SCALAR;
		return n;
	case INPUT_MAP_START:
		n->type = CN_MAP;
		end = INPUT_MAP_END;
		break;
	case INPUT_SEQ_START:
		n->type = CN_SEQ;
		end = INPUT_SEQ_END;
		break;
	case INPUT_ALIAS:
		cerr(cl, &n->loc, "aliases are not supported");
		return NULL;
	default:
		cerr(cl, &n->loc, "unexpected YAML event");
		return NULL;
	}
	if (depth > CONFIG_MAX_DEPTH) {
		cerr(cl, &n->loc, "nested deeper than %d levels",
		    CONFIG_MAX_DEPTH);
		return NULL;
	}
	for (;;) {
		if (!input_next(in)) {
			cerr(cl, &in->err.loc, "%s", in->err.problem);
			free(v);
			return NULL;
		}
		if (in->ev.type == end)
			break;
		if ((k = cparse(cl, depth + 1)) == NULL) {
			free(v);
			return NULL;
		}
		if (n->n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[n->n++] = k;
	}
	n->kids = arena_alloc(cl->a, (n->n + 1) * sizeof(*n->kids));
	if (n->n > 0)
		memcpy(n->kids, v, n->n * sizeof(*v));
	free(v);
	/* Reported, and the rest still checked: every mistake at once. */
	if (n->type == CN_MAP)
		(void)cdups(cl, n);
	return n;
}

/*
 * A key given twice in one mapping: YAML keeps the last, so the first
 * is ignored without a word, which a configuration must never do.
 */
static int
cdups(struct cload *cl, const struct cnode *map)
{
	const struct strmap_val	*v;
	const struct cnode	*k, *first;
	struct strmap		 seen;
	size_t			 i;
	int			 ok = 1;

	strmap_init(&seen);
	for (i = 0; i + 1 < map->n; i += 2) {
		k = map->kids[i];
		if (k->type != CN_SCALAR)
			continue;
		if ((v = strmap_get(&seen, k->s)) != NULL) {
			first = v->v;
			cerr(cl, &k->loc, "'%s' is given twice (first at "
			    "%u:%u); YAML would keep only this one", k->s,
			    first->loc.line, first->loc.col);
			ok = 0;
			continue;
		}
		strmap_add(&seen, cl->a, k->s, (void *)k);
	}
	strmap_release(&seen);
	return ok;
}

/* The one document of the stream, or a CN_NULL node when empty. */
static struct cnode *
cparse_stream(struct cload *cl)
{
	struct input	*in = &cl->in;
	struct cnode	*root = NULL;
	int		 docs = 0;

	for (;;) {
		if (!input_next(in)) {
			cerr(cl, &in->err.loc, "%s", in->err.problem);
			return NULL;
		}
		if (in->ev.type == INPUT_STREAM_END)
			break;
		if (in->ev.type == INPUT_DOC_START && docs++ > 0) {
			cerr(cl, &in->ev.loc, "more than one YAML document");
			return NULL;
		}
		if (in->ev.type == INPUT_SCALAR ||
		    in->ev.type == INPUT_MAP_START ||
		    in->ev.type == INPUT_SEQ_START ||
		    in->ev.type == INPUT_ALIAS) {
			if ((root = cparse(cl, 0)) == NULL)
				return NULL;
			continue;
		}
	}
	if (root == NULL) {
		root = arena_alloc(cl->a, sizeof(*root));
		root->type = CN_NULL;
	}
	return root;
}

static int
cbool(struct cload *cl, const struct cnode *n, int *out)
{
	static const char *const yes[] = { "true", "on", "yes", NULL };
	static const char *const no[] = { "false", "off", "no", NULL };
	size_t	 i;

	if (n->type == CN_SCALAR) {
		for (i = 0; yes[i] != NULL; i++)
			if (strcasecmp(n->s, yes[i]) == 0)
				return *out = 1;
		for (i = 0; no[i] != NULL; i++)
			if (strcasecmp(n->s, no[i]) == 0)
				return !(*out = 0);
	}
	cerr(cl, &n->loc, "expected true or false, found %s%s%s%s",
	    ctype(n), n->type == CN_SCALAR ? " '" : "",
	    n->type == CN_SCALAR ? n->s : "", n->type == CN_SCALAR ? "'" : "");
	return 0;
}

/* A severity word, or "never" (SEV__MAX) for fail-on; -1 if neither. */
static int
csev(const char *s)
{
	if (strcmp(s, "error") == 0)
		return SEV_ERROR;
	if (strcmp(s, "warning") == 0)
		return SEV_WARNING;
	if (strcmp(s, "note") == 0)
		return SEV_NOTE;
	if (strcmp(s, "never") == 0)
		return SEV__MAX;
	return -1;
}

/* A scalar, or NULL after an error naming what was expected. */
static const char *
cscalar(struct cload *cl, const struct cnode *n, const char *what)
{
	if (n->type == CN_SCALAR && *n->s != '\0')
		return n->s;
	cerr(cl, &n->loc, "%s: expected %s, found %s", what,
	    "a non-empty scalar", n->type == CN_SCALAR ? "an empty one" :
	    ctype(n));
	return NULL;
}

/* A rule id; unknown ids are errors. */
static const struct rule *
crule(struct cload *cl, const struct cnode *n, size_t *index)
{
	const struct rule	*r;
	size_t			 i;

	if (cscalar(cl, n, "rule id") == NULL)
		return NULL;
	for (i = 0; rule_table[i] != NULL; i++)
		if (strcmp(rule_table[i]->id, n->s) == 0) {
			if (index != NULL)
				*index = i;
			return rule_table[i];
		}
	if ((r = rule_nearest(n->s)) != NULL)
		cerr(cl, &n->loc, "unknown rule '%s'; did you mean %s?", n->s,
		    r->id);
	else
		cerr(cl, &n->loc, "unknown rule '%s' (see irsalint "
		    "--list-rules)", n->s);
	return NULL;
}

/* rules.<id>: on/off, a severity, or {enabled: bool, severity: s}. */
static void
crule_value(struct cload *cl, size_t ri, const struct cnode *v)
{
	const struct cnode	*k, *x;
	size_t			 i;
	int			 b, s;

	if (v->type == CN_SCALAR && (s = csev(v->s)) >= 0 && s < SEV__MAX) {
		cl->c->severity[ri] = s;
		return;
	}
	if (v->type == CN_SCALAR) {
		if (cbool(cl, v, &b))
			cl->c->enabled[ri] = (signed char)b;
		return;
	}
	if (v->type != CN_MAP) {
		cerr(cl, &v->loc, "rules.%s: expected on, off, a severity or "
		    "a mapping, found %s", rule_table[ri]->id, ctype(v));
		return;
	}
	for (i = 0; i + 1 < v->n; i += 2) {
		k = v->kids[i];
		x = v->kids[i + 1];
		if (k->type == CN_SCALAR && strcmp(k->s, "enabled") == 0) {
			if (cbool(cl, x, &b))
				cl->c->enabled[ri] = (signed char)b;
		} else if (k->type == CN_SCALAR &&
		    strcmp(k->s, "severity") == 0) {
			if (x->type != CN_SCALAR || (s = csev(x->s)) < 0 ||
			    s == SEV__MAX)
				cerr(cl, &x->loc, "severity: expected error, "
				    "warning or note");
			else
				cl->c->severity[ri] = s;
		} else
			cerr(cl, &k->loc, "unknown key '%s' in rules.%s "
			    "(expected enabled, severity)",
			    k->type == CN_SCALAR ? k->s : "?",
			    rule_table[ri]->id);
	}
}

static void
crules(struct cload *cl, const struct cnode *n)
{
	size_t	 i, ri;

	if (n->type == CN_NULL)
		return;
	if (n->type != CN_MAP) {
		cerr(cl, &n->loc, "rules: expected a mapping of rule ids, "
		    "found %s", ctype(n));
		return;
	}
	for (i = 0; i + 1 < n->n; i += 2)
		if (crule(cl, n->kids[i], &ri) != NULL)
			crule_value(cl, ri, n->kids[i + 1]);
}

/* ignore-paths: a glob or a list of globs. */
static void
cpaths(struct cload *cl, const struct cnode *n)
{
	const struct cnode	*const *v = &n;
	const char		*p;
	size_t			 i, cnt = 1;

	if (n->type == CN_NULL)
		return;
	if (n->type == CN_SEQ) {
		v = (const struct cnode *const *)n->kids;
		cnt = n->n;
	}
	cl->c->nignore_paths = 0;
	cl->c->ignore_paths = arena_alloc(cl->a, (cnt + 1) *
	    sizeof(*cl->c->ignore_paths));
	for (i = 0; i < cnt; i++)
		if ((p = cpattern(cl, v[i], "ignore-paths")) != NULL)
			cl->c->ignore_paths[cl->c->nignore_paths++] = p;
}

/*
 * A path pattern of ignore-paths or manifests, relative to the
 * configuration's directory.  One that can match nothing is an error,
 * never a pattern that silently covers no file: a trailing "/", an
 * absolute path, syntax that config_glob() does not have ([], {}, \),
 * "**" that is not a whole component.  A leading "./" is dropped.
 */
static const char *
cpattern(struct cload *cl, const struct cnode *n, const char *what)
{
	const char	*p, *q;

	if ((p = cscalar(cl, n, what)) == NULL)
		return NULL;
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	if (*p == '\0') {
		cerr(cl, &n->loc, "%s: an empty pattern matches nothing", what);
		return NULL;
	}
	if (*p == '/') {
		cerr(cl, &n->loc, "%s: %s: an absolute pattern matches "
		    "nothing; patterns are relative to the configuration's "
		    "directory", what, n->s);
		return NULL;
	}
	if (p[strlen(p) - 1] == '/') {
		cerr(cl, &n->loc, "%s: %s: a pattern with a trailing / "
		    "matches nothing; drop it (a directory covers the files "
		    "below it)", what, n->s);
		return NULL;
	}
	if ((q = strpbrk(p, "[]{}\\")) != NULL) {
		cerr(cl, &n->loc, "%s: %s: '%c' is not pattern syntax here "
		    "(only *, ? and **), so this matches nothing", what, n->s,
		    *q);
		return NULL;
	}
	for (q = p; (q = strstr(q, "**")) != NULL; q += 2)
		if ((q != p && q[-1] != '/') || (q[2] != '\0' &&
		    q[2] != '/')) {
			cerr(cl, &n->loc, "%s: %s: ** must be a whole path "
			    "component (a/**/b); use * within one", what,
			    n->s);
			return NULL;
		}
	return p;
}

/*
 * clusters: [{name, issuer, manifests}]: which manifests deploy to
 * which cluster, so that a ServiceAccount's token is known to come
 * from its cluster's issuer.
 */
static void
cclusters(struct cload *cl, const struct cnode *n)
{
	struct config_cluster	*cc;
	const struct cnode	*e, *k, *v, *const *mv;
	const char		*s, *p;
	size_t			 i, j, l, cnt;
	int			 seen;

	if (n->type != CN_SEQ || n->n == 0) {
		cerr(cl, &n->loc, "clusters: expected a list of mappings with "
		    "name, issuer and manifests, found %s", ctype(n));
		return;
	}
	cl->c->nclusters = 0;
	cl->c->clusters = arena_alloc(cl->a, n->n * sizeof(*cl->c->clusters));
	for (i = 0; i < n->n; i++) {
		e = n->kids[i];
		if (e->type != CN_MAP) {
			cerr(cl, &e->loc, "clusters: expected a mapping with "
			    "name, issuer and manifests, found %s", ctype(e));
			continue;
		}
		cc = &cl->c->clusters[cl->c->nclusters];
		memset(cc, 0, sizeof(*cc));
		cc->loc = arena_alloc(cl->a, sizeof(*cc->loc));
		*cc->loc = e->loc;
		seen = 0;
		for (j = 0; j + 1 < e->n; j += 2) {
			k = e->kids[j];
			v = e->kids[j + 1];
			if (k->type == CN_SCALAR)
				seen |= strcmp(k->s, "name") == 0 ? 1 :
				    strcmp(k->s, "issuer") == 0 ? 2 :
				    strcmp(k->s, "manifests") == 0 ? 4 : 0;
			if (k->type != CN_SCALAR) {
				cerr(cl, &k->loc, "expected a scalar key");
			} else if (strcmp(k->s, "name") == 0) {
				if ((cc->name = cscalar(cl, v, "name")) != NULL)
					*cc->loc = v->loc;
			} else if (strcmp(k->s, "issuer") == 0) {
				if ((s = cscalar(cl, v, "issuer")) == NULL)
					continue;
				if (strncmp(s, "https://", 8) == 0)
					s += 8;
				else if (strstr(s, "://") != NULL) {
					cerr(cl, &v->loc, "issuer: %s: an OIDC "
					    "issuer is an https:// URL", v->s);
					continue;
				}
				l = strlen(s);
				while (l > 0 && s[l - 1] == '/')
					l--;
				if (l == 0 || strcspn(s, " \t/") == 0 ||
				    strcspn(s, " \t") < l) {
					cerr(cl, &v->loc, "issuer: %s: expected "
					    "the cluster's issuer URL, e.g. "
					    "https://oidc.eks.<region>.amazonaws"
					    ".com/id/<id>", v->s);
					continue;
				}
				cc->issuer = arena_strndup(cl->a, s, l);
			} else if (strcmp(k->s, "manifests") == 0) {
				mv = &v;
				cnt = 1;
				if (v->type == CN_SEQ) {
					mv = (const struct cnode *const *)
					    v->kids;
					cnt = v->n;
				}
				if (cnt == 0 || v->type == CN_NULL) {
					cerr(cl, &v->loc, "manifests: expected "
					    "a pattern or a list of them");
					continue;
				}
				cc->manifests = arena_alloc(cl->a, cnt *
				    sizeof(*cc->manifests));
				cc->nmanifests = 0;
				for (l = 0; l < cnt; l++)
					if ((p = cpattern(cl, mv[l],
					    "manifests")) != NULL)
						cc->manifests[
						    cc->nmanifests++] = p;
			} else
				cerr(cl, &k->loc, "unknown key '%s' in clusters "
				    "(expected name, issuer, manifests)", k->s);
		}
		/* Given but wrong was said where it is. */
		if (seen != 7)
			cerr(cl, &e->loc, "clusters: an entry needs name, issuer "
			    "and manifests; missing:%s%s%s",
			    (seen & 1) == 0 ? " name" : "",
			    (seen & 2) == 0 ? " issuer" : "",
			    (seen & 4) == 0 ? " manifests" : "");
		for (l = 0; cc->name != NULL && l < cl->c->nclusters; l++)
			if (strcmp(cl->c->clusters[l].name, cc->name) == 0) {
				cerr(cl, cc->loc, "clusters: %s is named twice",
				    cc->name);
				break;
			}
		if (cc->name != NULL && cc->issuer != NULL &&
		    cc->nmanifests > 0 && l == cl->c->nclusters)
			cl->c->nclusters++;
	}
}

/*
 * inputs: a path or a list of them, relative to the configuration
 * file's directory; each must exist, so that a renamed directory is an
 * error here rather than a run that reads less than it should.
 */
static void
cinputs(struct cload *cl, const struct cnode *n)
{
	const struct cnode	*const *v = &n;
	struct stat		 st;
	const char		*slash, *p;
	size_t			 i, cnt = 1;

	if (n->type == CN_SEQ) {
		v = (const struct cnode *const *)n->kids;
		cnt = n->n;
	}
	if (cnt == 0 || n->type == CN_NULL) {
		cerr(cl, &n->loc, "inputs: expected a path or a list of "
		    "paths");
		return;
	}
	cl->c->ninputs = 0;
	cl->c->inputs = arena_alloc(cl->a, (cnt + 1) *
	    sizeof(*cl->c->inputs));
	slash = strrchr(cl->file, '/');
	for (i = 0; i < cnt; i++) {
		if (cscalar(cl, v[i], "inputs") == NULL)
			continue;
		p = v[i]->s;
		if (p[0] != '/' && slash != NULL)
			p = path_tidy(cl->a, arena_printf(cl->a, "%.*s/%s",
			    (int)(slash - cl->file), cl->file, p));
		if (strcmp(v[i]->s, "-") == 0 || stat(p, &st) == -1) {
			cerr(cl, &v[i]->loc, "inputs: %s: %s", v[i]->s,
			    strcmp(v[i]->s, "-") == 0 ? "standard input "
			    "cannot be an input of the configuration" :
			    strerror(errno));
			continue;
		}
		cl->c->inputs[cl->c->ninputs++] = p;
	}
}

/* ignores[].kubernetes: {kind, namespace, name}; name required. */
static void
ck8s(struct cload *cl, const struct cnode *n, struct config_ignore *ig)
{
	const struct cnode	*k, *v;
	size_t			 i;

	if (n->type != CN_MAP) {
		cerr(cl, &n->loc, "kubernetes: expected a mapping with kind, "
		    "namespace and name, found %s", ctype(n));
		return;
	}
	for (i = 0; i + 1 < n->n; i += 2) {
		k = n->kids[i];
		v = n->kids[i + 1];
		if (k->type != CN_SCALAR)
			cerr(cl, &k->loc, "expected a scalar key");
		else if (strcmp(k->s, "kind") == 0)
			ig->kind = cscalar(cl, v, "kind");
		else if (strcmp(k->s, "namespace") == 0)
			ig->ns = cscalar(cl, v, "namespace");
		else if (strcmp(k->s, "name") == 0)
			ig->name = cscalar(cl, v, "name");
		else
			cerr(cl, &k->loc, "unknown key '%s' in kubernetes "
			    "(expected kind, namespace, name)", k->s);
	}
	if (ig->name == NULL)
		cerr(cl, &n->loc, "kubernetes: name is required");
}

static void
cignore(struct cload *cl, const struct cnode *n, struct config_ignore *ig)
{
	const struct cnode	*k, *v;
	size_t			 i, j, nr = 0;
	int			 have = 0;

	if (n->type != CN_MAP) {
		cerr(cl, &n->loc, "ignores: expected a mapping, found %s",
		    ctype(n));
		return;
	}
	for (i = 0; i + 1 < n->n; i += 2) {
		k = n->kids[i];
		v = n->kids[i + 1];
		if (k->type != CN_SCALAR) {
			cerr(cl, &k->loc, "expected a scalar key");
			continue;
		}
		if (strcmp(k->s, "rule") == 0 || strcmp(k->s, "rules") == 0) {
			const struct cnode *const *rv = &v;
			size_t cnt = 1;

			if (ig->rules != NULL) {
				cerr(cl, &k->loc, "ignores: give rule or rules, "
				    "once");
				continue;
			}
			if (v->type == CN_SEQ) {
				rv = (const struct cnode *const *)v->kids;
				cnt = v->n;
			}
			nr = 0;
			ig->rules = arena_alloc(cl->a, (cnt + 1) *
			    sizeof(*ig->rules));
			for (j = 0; j < cnt; j++)
				if ((ig->rules[nr] = crule(cl, rv[j], NULL)) !=
				    NULL)
					nr++;
		} else if (strcmp(k->s, "kubernetes") == 0) {
			ck8s(cl, v, ig);
			have++;
		} else if (strcmp(k->s, "terraform") == 0) {
			ig->address = cscalar(cl, v, "terraform");
			have++;
		} else if (strcmp(k->s, "reason") == 0)
			ig->reason = cscalar(cl, v, "reason");
		else
			cerr(cl, &k->loc, "unknown key '%s' in ignores "
			    "(expected rule, rules, kubernetes, terraform, "
			    "reason)", k->s);
	}
	if (have != 1)
		cerr(cl, &n->loc, "ignores: give exactly one of kubernetes "
		    "and terraform");
}

static void
cignores(struct cload *cl, const struct cnode *n)
{
	size_t	 i;

	if (n->type == CN_NULL)
		return;
	if (n->type != CN_SEQ) {
		cerr(cl, &n->loc, "ignores: expected a sequence, found %s",
		    ctype(n));
		return;
	}
	/* A key given twice is an error already; the later one is read. */
	cl->c->nignores = 0;
	cl->c->ignores = arena_alloc(cl->a, (n->n + 1) *
	    sizeof(*cl->c->ignores));
	for (i = 0; i < n->n; i++)
		cignore(cl, n->kids[i], &cl->c->ignores[cl->c->nignores++]);
}

static void
ctop(struct cload *cl, const struct cnode *n)
{
	const struct cnode	*k, *v;
	size_t			 i;
	int			 s;

	if (n->type == CN_NULL)
		return;
	if (n->type != CN_MAP) {
		cerr(cl, &n->loc, "expected a mapping, found %s", ctype(n));
		return;
	}
	for (i = 0; i + 1 < n->n; i += 2) {
		k = n->kids[i];
		v = n->kids[i + 1];
		if (k->type != CN_SCALAR)
			cerr(cl, &k->loc, "expected a scalar key");
		else if (strcmp(k->s, "version") == 0) {
			if (v->type != CN_SCALAR || strcmp(v->s, "1") != 0)
				cerr(cl, &v->loc, "version: only 1 is known");
		} else if (strcmp(k->s, "fail-on") == 0) {
			if (v->type != CN_SCALAR || (s = csev(v->s)) < 0)
				cerr(cl, &v->loc, "fail-on: expected error, "
				    "warning, note or never");
			else
				cl->c->fail_on = s;
		} else if (strcmp(k->s, "namespace") == 0)
			cl->c->ns = cscalar(cl, v, "namespace");
		else if (strcmp(k->s, "rules") == 0)
			crules(cl, v);
		else if (strcmp(k->s, "ignore-paths") == 0)
			cpaths(cl, v);
		else if (strcmp(k->s, "ignores") == 0)
			cignores(cl, v);
		else if (strcmp(k->s, "inputs") == 0)
			cinputs(cl, v);
		else if (strcmp(k->s, "clusters") == 0)
			cclusters(cl, v);
		else
			cerr(cl, &k->loc, "unknown key '%s' (expected version, "
			    "fail-on, namespace, inputs, clusters, rules, "
			    "ignore-paths, ignores)", k->s);
	}
}

void
config_init(struct config *c, struct arena *a)
{
	size_t	 i, n;

	memset(c, 0, sizeof(*c));
	c->fail_on = CONFIG_UNSET;
	for (n = 0; rule_table[n] != NULL; n++)
		continue;
	c->enabled = arena_alloc(a, n + 1);
	c->severity = arena_alloc(a, (n + 1) * sizeof(*c->severity));
	for (i = 0; i < n; i++) {
		c->enabled[i] = 1;
		c->severity[i] = CONFIG_UNSET;
	}
}

int
config_load(struct config *c, struct arena *a, const char *file,
    struct diags *dg)
{
	struct cload	 cl;
	FILE		*fp;
	char		*data;
	size_t		 len;

	memset(&cl, 0, sizeof(cl));
	cl.a = a;
	cl.c = c;
	cl.file = c->file = arena_strdup(a, file);
	c->dir = config_dir(a, file);
	cl.dg = dg;
	if ((fp = fopen(file, "rb")) == NULL) {
		cerr(&cl, NULL, "cannot open: %s", strerror(errno));
		config_init(c, a);
		return -1;
	}
	data = xmalloc(CONFIG_MAX_SIZE + 1);
	len = fread(data, 1, CONFIG_MAX_SIZE + 1, fp);
	if (ferror(fp))
		cerr(&cl, NULL, "cannot read: %s", strerror(errno));
	else if (len > CONFIG_MAX_SIZE)
		cerr(&cl, NULL, "larger than %d bytes", CONFIG_MAX_SIZE);
	fclose(fp);
	if (cl.nerr == 0)
		cparse_text(&cl, data, len);
	free(data);
	if (cl.nerr == 0)
		return 0;
	/* Nothing of a configuration with mistakes applies. */
	config_init(c, a);
	return -1;
}

/* The configuration's text, already read. */
static void
cparse_text(struct cload *cl, const char *data, size_t len)
{
	struct cnode	*root;

	/* Aliases come as events: the reader refuses them. */
	input_open(&cl->in, cl->file, data, len, INPUT_YAML,
	    CONFIG_MAX_DEPTH + 2);
	if ((root = cparse_stream(cl)) != NULL)
		ctop(cl, root);
	input_close(&cl->in);
}

int
config_parse(struct config *c, struct arena *a, const char *file,
    const char *data, size_t len, struct diags *dg)
{
	struct cload	 cl;

	memset(&cl, 0, sizeof(cl));
	cl.a = a;
	cl.c = c;
	cl.file = c->file = arena_strdup(a, file);
	c->dir = config_dir(a, file);
	cl.dg = dg;
	if (len > CONFIG_MAX_SIZE)
		cerr(&cl, NULL, "larger than %d bytes", CONFIG_MAX_SIZE);
	else
		cparse_text(&cl, data, len);
	if (cl.nerr == 0)
		return 0;
	config_init(c, a);
	return -1;
}

const char *
config_find(struct arena *a)
{
	struct stat	 st;
	char		 up[4096] = "";
	size_t		 depth, len;
	const char	*p;

	for (depth = 0; depth < 64; depth++) {
		p = arena_printf(a, "%s%s", up, CONFIG_NAME);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			return p;
		p = arena_printf(a, "%s.git", up);
		if (stat(p, &st) == 0)
			return NULL;
		p = arena_printf(a, "%s.", up);
		len = strlen(up);
		/* Stop at the root: "/.." is "/" itself. */
		if (stat(arena_printf(a, "%s..", up), &st) == 0) {
			struct stat here;

			if (stat(p, &here) == 0 && here.st_ino == st.st_ino &&
			    here.st_dev == st.st_dev)
				return NULL;
		}
		if (len + 3 >= sizeof(up))
			return NULL;
		memcpy(up + len, "../", 4);
	}
	return NULL;
}

/*
 * Add pattern position p to the set v (n so far, mark[] == gen for the
 * members), with the positions reachable from it without reading: past
 * a '*' or "**" that matches nothing, and past a leading "**" + "/"
 * that matches no directory.
 */
static void
glob_add(const char *pat, size_t p, size_t *v, size_t *n, size_t *mark,
    size_t gen)
{
	while (mark[p] != gen) {
		mark[p] = gen;
		v[(*n)++] = p;
		if (pat[p] == '*' && pat[p + 1] == '*')
			p += pat[p + 2] == '/' ? 3 : 2;
		else if (pat[p] == '*')
			p++;
		else
			break;
	}
}

/*
 * Glob match: '*' and '?' do not cross '/', '**' does.  A pattern also
 * matches every path below a directory it matches, so "vendor" and
 * "vendor/" followed by "**" both ignore everything in vendor/.  The
 * pattern runs as a set of positions advanced one byte of the path at
 * a time, so the time is at most the product of the two lengths: a
 * configuration cannot make it backtrack without end ("*a*a*a*a*b").
 */
int
config_glob(const char *pat, const char *path)
{
	size_t		 plen = strlen(pat), *cur, *next, *mark, *tmp;
	size_t		 i, n = 0, nn, p, gen = 1;
	const char	*q;
	int		 hit = 0;

	while (strncmp(path, "./", 2) == 0)
		path += 2;
	cur = xreallocarray(NULL, 3 * (plen + 1), sizeof(*cur));
	next = cur + plen + 1;
	mark = next + plen + 1;
	for (i = 0; i <= plen; i++)
		mark[i] = 0;
	glob_add(pat, 0, cur, &n, mark, gen);
	for (q = path; n > 0; q++) {
		/* The pattern has matched a directory of the path. */
		if (*q == '\0' || *q == '/')
			for (i = 0; i < n && !hit; i++)
				hit = cur[i] == plen;
		if (hit || *q == '\0')
			break;
		gen++;
		for (i = nn = 0; i < n; i++) {
			p = cur[i];
			if (pat[p] == '*' && pat[p + 1] == '*' &&
			    pat[p + 2] == '/') {
				/* Within the directories: past them at '/'. */
				if (mark[p] != gen) {
					mark[p] = gen;
					next[nn++] = p;
				}
				if (*q == '/')
					glob_add(pat, p + 3, next, &nn, mark,
					    gen);
			} else if (pat[p] == '*' && pat[p + 1] == '*')
				glob_add(pat, p, next, &nn, mark, gen);
			else if (pat[p] == '*') {
				if (*q != '/')
					glob_add(pat, p, next, &nn, mark, gen);
			} else if (pat[p] == '?' ? *q != '/' :
			    pat[p] != '\0' && pat[p] == *q)
				glob_add(pat, p + 1, next, &nn, mark, gen);
		}
		tmp = cur;
		cur = next;
		next = tmp;
		n = nn;
	}
	free(cur < next ? cur : next);
	return hit;
}

/*
 * The repository root: the directory of the .irsalint.yaml found
 * upward from the current directory, else the top of the git work tree
 * that holds it, else the current directory; a real path.
 */
const char *
config_root(struct arena *a)
{
	struct stat	 st, here;
	char		 up[4096] = "", real[PATH_MAX];
	size_t		 depth, len;

	for (depth = 0; depth < 64; depth++) {
		if ((stat(arena_printf(a, "%s%s", up, CONFIG_NAME), &st) == 0 &&
		    S_ISREG(st.st_mode)) ||
		    stat(arena_printf(a, "%s.git", up), &st) == 0)
			return realpath(*up != '\0' ? up : ".", real) != NULL ?
			    arena_strdup(a, real) : NULL;
		if (stat(arena_printf(a, "%s..", up), &st) == 0 &&
		    stat(arena_printf(a, "%s.", up), &here) == 0 &&
		    here.st_ino == st.st_ino && here.st_dev == st.st_dev)
			break;
		len = strlen(up);
		if (len + 3 >= sizeof(up))
			break;
		memcpy(up + len, "../", 4);
	}
	return realpath(".", real) != NULL ? arena_strdup(a, real) : NULL;
}

/* The real path of file's directory, or NULL. */
static const char *
config_dir(struct arena *a, const char *file)
{
	char		 real[PATH_MAX];
	const char	*slash = strrchr(file, '/'), *d;

	d = slash == NULL ? "." : slash == file ? "/" :
	    arena_strndup(a, file, (size_t)(slash - file));
	return realpath(d, real) != NULL ? arena_strdup(a, real) : NULL;
}

const char *
config_rel(const struct config *c, struct arena *a, const char *file)
{
	char		 real[PATH_MAX];
	struct buf	 b = BUF_INIT;
	const char	*d, *f, *r;
	size_t		 common = 0, i;

	if (c->dir == NULL || realpath(file, real) == NULL)
		return file;
	if (strcmp(c->dir, "/") == 0)
		return arena_strdup(a, real + 1);
	/* The longest common directory of dir and the file. */
	d = c->dir;
	f = real;
	for (i = 0; d[i] != '\0' && d[i] == f[i]; i++)
		if (d[i] == '/')
			common = i;
	if (d[i] == '\0' && (f[i] == '/' || f[i] == '\0'))
		common = i;
	for (r = d + common; *r != '\0'; r++)
		if (*r == '/')
			buf_adds(&b, "../");
	buf_adds(&b, f + common + (f[common] == '/'));
	r = arena_strndup(a, b.buf, b.len);
	buf_release(&b);
	return r;
}

int
config_match(const char *const *pats, size_t n, const char *rel)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (config_glob(pats[i], rel))
			return 1;
	return 0;
}

/*
 * The configuration's clusters into the model, and for each file that
 * holds a ServiceAccount the clusters whose manifests it is among.
 */
void
config_deploy(const struct config *c, struct model *m)
{
	const struct deploy_cluster	**v;
	struct deploy_cluster		 *dc;
	const struct k8s_obj		 *o;
	const char			 *rel;
	size_t				  i, k, n;

	if (c->nclusters == 0)
		return;
	for (k = 0; k < c->nclusters; k++) {
		dc = model_add_deploy_cluster(m);
		dc->name = c->clusters[k].name;
		dc->issuer = c->clusters[k].issuer;
		dc->loc = *c->clusters[k].loc;
	}
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if (o->kind != K8S_SERVICEACCOUNT ||
		    strmap_get(&m->deploy_by_file, o->loc.file) != NULL)
			continue;
		rel = config_rel(c, m->arena, o->loc.file);
		v = arena_alloc(m->arena, c->nclusters * sizeof(*v));
		for (k = n = 0; k < c->nclusters; k++)
			if (config_match(c->clusters[k].manifests,
			    c->clusters[k].nmanifests, rel))
				v[n++] = m->deploy_clusters.v[k];
		model_deploy_file(m, o->loc.file, v, n);
	}
}
