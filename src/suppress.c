/* SPDX-License-Identifier: ISC */
/*
 * Suppressions and configuration applied to findings.  They are
 * applied after the rules ran rather than by not running rules, so that
 * a suppressed finding can still be counted and, with
 * --show-suppressed, listed with the reason it was silenced.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "rule.h"
#include "strmap.h"
#include "suppress.h"
#include "xalloc.h"

/* An irsalint:ignore comment, as suppress_apply() understood it. */
struct ignore_comment {
	const struct comment	*c;
	const struct rule	**rules;	/* NULL-terminated; NULL: all */
	const char		*reason;	/* NULL when not given */
	const struct k8s_obj	*obj;		/* starts at c->target, or NULL */
};

/* An object and its irsalint.io/ignore annotation, parsed. */
struct ignore_obj {
	const struct k8s_obj	*o;
	const struct rule	**rules;	/* NULL-terminated; NULL: all */
	int			 set;		/* the annotation is present */
};

/*
 * What suppress_apply() read from the model: the ignore comments in
 * model order, and, when some object is annotated, every object with
 * its annotation, indexed by name.  The model itself is not written.
 */
struct suppress {
	struct ignore_comment	*cv;		/* xmalloc'd */
	size_t			 ncv;
	struct ignore_obj	*ov;		/* xmalloc'd, or NULL */
	struct strmap		 byname;	/* of ov, in model order */
	struct strmap		 ignored;	/* file: under ignore-paths? */
};

static const struct rule **parse_ids(struct model *, struct diags *,
		    const struct loc *, const char *, size_t, const char *);
static int	looks_like_ignore(const char *);
static int	parse_comment(struct model *, struct diags *,
		    const struct comment *, struct ignore_comment *);
static void	read_comments(struct suppress *, struct model *,
		    struct diags *);
static void	read_annotations(struct suppress *, struct model *,
		    struct diags *);
static int	rules_match(const struct rule *const *, const struct rule *);
static const struct ignore_obj *find_obj(const struct model *,
		    const struct strmap *, const struct diag *, int);
static int	by_annotation(const struct model *, const struct suppress *,
		    const struct diag *);
static int	by_comment(const struct model *, const struct suppress *,
		    const struct diag *, const char **);
static void	link_comments(struct suppress *, const struct model *);
static int	by_config(const struct config *, const struct diag *,
		    const char **);
static int	ignored_path(struct suppress *, struct arena *,
		    const struct config *, const char *);
static size_t	rule_index(const struct rule *);

/*
 * Parse "a,b c" (len bytes) into a NULL-terminated arena array of
 * rules; "all" gives NULL.  Unknown ids are input errors at loc, naming
 * where (what) they were written.  A list of typos gives an empty
 * array, which suppresses nothing: the errors say why.
 */
static const struct rule **
parse_ids(struct model *m, struct diags *dg, const struct loc *loc,
    const char *s, size_t len, const char *what)
{
	const struct rule	**v, *r;
	const char		*end = s + len, *w;
	char			*id;
	size_t			 n = 0, ntok = 0;

	v = arena_alloc(m->arena, (len / 2 + 2) * sizeof(*v));
	while (s < end) {
		while (s < end && strchr(", \t", *s) != NULL)
			s++;
		for (w = s; w < end && strchr(", \t", *w) == NULL; w++)
			continue;
		if (w == s)
			break;
		id = arena_strndup(m->arena, s, (size_t)(w - s));
		s = w;
		ntok++;
		if (strcmp(id, "all") == 0)
			return NULL;
		if ((r = rule_find(id)) == NULL) {
			r = rule_nearest(id);
			diag_error(dg, loc, "unknown rule '%s' in %s%s%s%s", id,
			    what, r != NULL ? "; did you mean " : "",
			    r != NULL ? r->id : "", r != NULL ? "?" : "");
			continue;
		}
		v[n++] = r;
	}
	if (ntok == 0)
		diag_error(dg, loc, "%s names no rule (write a rule id or all)",
		    what);
	v[n] = NULL;
	return v;
}

/*
 * Is the comment meant as an ignore, in another spelling than the one
 * irsalint reads ("irsalint: ignore", "irsalint-ignore",
 * "IRSALINT:ignore", "irsalint:disable", "irsalint:ignore-file")?  Such
 * a comment would silently suppress nothing.
 */
static int
looks_like_ignore(const char *t)
{
	static const char *const verbs[] = { "ignore", "disable", "skip",
	    "nolint", "suppress", "off" };
	size_t	 i;

	if (strncasecmp(t, "irsalint", 8) != 0)
		return 0;
	for (t += 8; *t == ':' || *t == '-' || *t == '_' || *t == ' ' ||
	    *t == '\t'; t++)
		continue;
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strncasecmp(t, verbs[i], strlen(verbs[i])) == 0)
			return 1;
	return 0;
}

/*
 * Read one raw comment as "irsalint:ignore ids -- reason" into *ic:
 * returns 0 when it is something else, such as "irsalint:ignore-file".
 * Unknown ids are input errors at the comment.
 */
static int
parse_comment(struct model *m, struct diags *dg, const struct comment *c,
    struct ignore_comment *ic)
{
	const char	*t = c->text, *e = t + strlen(t), *dash, *ids_end;
	size_t		 n = strlen(COMMENT_IGNORE);

	if (strncmp(t, COMMENT_IGNORE, n) != 0 ||
	    (t[n] != '\0' && strchr(" \t\r", t[n]) == NULL)) {
		if (looks_like_ignore(t))
			diag_error(dg, &c->loc, "'# %.*s%s' is not a comment "
			    "irsalint reads, so it suppresses nothing: write "
			    "'# " COMMENT_IGNORE " RULE -- reason'",
			    (int)(strlen(t) > 60 ? 60 : strlen(t)), t,
			    strlen(t) > 60 ? "..." : "");
		return 0;
	}
	t += n;
	memset(ic, 0, sizeof(*ic));
	ic->c = c;
	for (dash = t; dash + 1 < e && !(dash[0] == '-' && dash[1] == '-');
	    dash++)
		continue;
	ids_end = dash + 1 < e ? dash : e;
	ic->rules = parse_ids(m, dg, &c->loc, t, (size_t)(ids_end - t),
	    "irsalint:ignore comment");
	if (ids_end != e) {
		for (t = dash + 2; t < e && (*t == ' ' || *t == '\t'); t++)
			continue;
		while (e > t && strchr(" \t\r", e[-1]) != NULL)
			e--;
		if (e > t)
			ic->reason = arena_strndup(m->arena, t, (size_t)(e - t));
	}
	return 1;
}

/* Parse every ignore comment of the model, in model order. */
static void
read_comments(struct suppress *sp, struct model *m, struct diags *dg)
{
	size_t	 i;

	if (m->comments.n == 0)
		return;
	sp->cv = xreallocarray(NULL, m->comments.n, sizeof(*sp->cv));
	for (i = 0; i < m->comments.n; i++)
		if (parse_comment(m, dg, m->comments.v[i], &sp->cv[sp->ncv]))
			sp->ncv++;
	link_comments(sp, m);
}

/*
 * Parse every annotation once, reporting its unknown ids; index the
 * objects by name only when some object has one.  The index is made
 * at the first such object: most runs have none, and a table of every
 * object, zeroed, is a fault every 170 objects.
 */
static void
read_annotations(struct suppress *sp, struct model *m, struct diags *dg)
{
	const struct kv_pos	*a;
	struct ignore_obj	*io;
	size_t			 i, j;

	for (i = 0; i < m->objs.n; i++) {
		if ((a = k8s_obj_annotation(m->objs.v[i], ANN_IGNORE)) == NULL)
			continue;
		if (sp->ov == NULL) {
			sp->ov = xcalloc(m->objs.n, sizeof(*sp->ov));
			for (j = 0; j < m->objs.n; j++)
				sp->ov[j].o = m->objs.v[j];
		}
		io = &sp->ov[i];
		io->rules = parse_ids(m, dg, &a->value_loc, a->value,
		    strlen(a->value), "annotation " ANN_IGNORE);
		io->set = 1;
	}
	if (sp->ov == NULL)
		return;
	for (i = 0; i < m->objs.n; i++)
		if (sp->ov[i].o->name != NULL)
			strmap_add(&sp->byname, m->arena, sp->ov[i].o->name,
			    &sp->ov[i]);
}

static int
rules_match(const struct rule *const *v, const struct rule *r)
{
	if (v == NULL)
		return 1;
	for (; *v != NULL; v++)
		if (*v == r)
			return 1;
	return 0;
}

static size_t
rule_index(const struct rule *r)
{
	size_t	 i;

	for (i = 0; rule_table[i] != NULL && rule_table[i] != r; i++)
		continue;
	return i;
}

/*
 * The object a finding is about: same kind, namespace and name, in
 * the finding's file when same_file is set.  byname holds every object
 * by name, in model order.
 */
static const struct ignore_obj *
find_obj(const struct model *m, const struct strmap *byname,
    const struct diag *d, int same_file)
{
	const struct strmap_val	*v;
	const struct ignore_obj	*io;
	const struct k8s_obj	*o;

	if (d->obj.kind == NULL || d->obj.name == NULL)
		return NULL;
	for (v = strmap_get(byname, d->obj.name); v != NULL; v = v->next) {
		io = v->v;
		o = io->o;
		if (strcmp(o->kind_name, d->obj.kind) != 0 ||
		    (d->obj.ns != NULL &&
		    strcmp(k8s_obj_ns(m, o), d->obj.ns) != 0))
			continue;
		if (same_file && strcmp(o->loc.file, d->loc.file) != 0)
			continue;
		return io;
	}
	return NULL;
}

/* irsalint.io/ignore on the finding's object. */
static int
by_annotation(const struct model *m, const struct suppress *sp,
    const struct diag *d)
{
	const struct ignore_obj	*io;

	if ((io = find_obj(m, &sp->byname, d, 1)) == NULL &&
	    (io = find_obj(m, &sp->byname, d, 0)) == NULL)
		return 0;
	return io->set && rules_match(io->rules, d->rule);
}

/*
 * A comment on or above the finding's line, or above its object.  The
 * newest comment that matches gives the reason.
 */
static int
by_comment(const struct model *m, const struct suppress *sp,
    const struct diag *d, const char **why)
{
	const struct ignore_comment	*ic;
	const struct k8s_obj		*o;
	size_t				 i;

	for (i = sp->ncv; i-- > 0; ) {
		ic = &sp->cv[i];
		if (strcmp(ic->c->loc.file, d->loc.file) != 0 ||
		    !rules_match(ic->rules, d->rule))
			continue;
		if (ic->c->target != d->loc.line) {
			if ((o = ic->obj) == NULL || d->obj.kind == NULL ||
			    o->name == NULL ||
			    strcmp(o->name, d->obj.name) != 0 ||
			    strcmp(o->kind_name, d->obj.kind) != 0 ||
			    (d->obj.ns != NULL &&
			    strcmp(k8s_obj_ns(m, o), d->obj.ns) != 0))
				continue;
		}
		*why = ic->reason;
		return 1;
	}
	return 0;
}

/*
 * Link each comment to the object whose first line it precedes, once,
 * so that matching findings to objects costs nothing per finding.
 */
static void
link_comments(struct suppress *sp, const struct model *m)
{
	struct ignore_comment	*ic;
	const struct k8s_obj	*o;
	size_t			 i, j;

	if (sp->ncv == 0)
		return;
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		for (j = 0; j < sp->ncv; j++) {
			ic = &sp->cv[j];
			if (ic->obj == NULL && ic->c->target == o->loc.line &&
			    strcmp(ic->c->loc.file, o->loc.file) == 0)
				ic->obj = o;
		}
	}
	/*
	 * A comment inside an object (above its namespace line, say)
	 * covers that object's findings of its rules too, wherever in the
	 * object they are placed: the object is the last one of the file
	 * that starts at or before the comment's line.
	 */
	for (j = 0; j < sp->ncv; j++) {
		ic = &sp->cv[j];
		if (ic->obj != NULL || ic->c->target == 0 ||
		    ic->c->target == UINT_MAX)	/* none follows */
			continue;
		for (i = 0; i < m->objs.n; i++) {
			o = m->objs.v[i];
			if (o->loc.line <= ic->c->target &&
			    strcmp(ic->c->loc.file, o->loc.file) == 0 &&
			    (ic->obj == NULL || o->loc.line >= ic->obj->loc.line))
				ic->obj = o;
		}
	}
}

static int
by_config(const struct config *c, const struct diag *d, const char **why)
{
	const struct config_ignore	*ig;
	size_t				 i;

	for (i = 0; i < c->nignores; i++) {
		ig = &c->ignores[i];
		if (!rules_match(ig->rules, d->rule))
			continue;
		if (ig->address != NULL) {
			if (d->address == NULL ||
			    !config_glob(ig->address, d->address))
				continue;
		} else if (ig->name == NULL || d->obj.kind == NULL ||
		    strcmp(ig->name, d->obj.name) != 0 ||
		    (ig->kind != NULL && strcasecmp(ig->kind, d->obj.kind) != 0) ||
		    (ig->ns != NULL && (d->obj.ns == NULL ||
		    strcmp(ig->ns, d->obj.ns) != 0)))
			continue;
		*why = ig->reason;
		return 1;
	}
	return 0;
}

/*
 * Is file under ignore-paths?  Patterns are relative to the
 * configuration's directory; the answer is kept per file.
 */
static int
ignored_path(struct suppress *sp, struct arena *a, const struct config *c,
    const char *file)
{
	static char			 yes, no;
	const struct strmap_val		*v;
	int				 in;

	if (c->nignore_paths == 0)
		return 0;
	if ((v = strmap_get(&sp->ignored, file)) != NULL)
		return v->v == &yes;
	in = config_match(c->ignore_paths, c->nignore_paths,
	    config_rel(c, a, file));
	strmap_add(&sp->ignored, a, file, in ? &yes : &no);
	return in;
}

void
suppress_apply(struct diags *dg, struct model *m, const struct config *c)
{
	struct suppress		 sp;
	const char		*why;
	struct diag		*d;
	size_t			 i, ri;

	memset(&sp, 0, sizeof(sp));
	strmap_init(&sp.byname);
	strmap_init(&sp.ignored);
	read_annotations(&sp, m, dg);
	read_comments(&sp, m, dg);
	for (i = dg->n; i-- > 0; ) {
		d = dg->v[i];
		if (c != NULL && ignored_path(&sp, m->arena, c, d->loc.file)) {
			diags_drop(dg, i);
			continue;
		}
		if (d->rule == NULL)
			continue;
		ri = rule_index(d->rule);
		if (c != NULL && !c->enabled[ri]) {
			diags_drop(dg, i);
			continue;
		}
		if (c != NULL && c->severity[ri] != CONFIG_UNSET)
			diag_set_severity(dg, d, (enum severity)c->severity[ri]);
		why = NULL;
		if (sp.ov != NULL && by_annotation(m, &sp, d))
			diag_suppress(dg, d, SUPPRESS_ANNOTATION, NULL);
		else if (by_comment(m, &sp, d, &why))
			diag_suppress(dg, d, SUPPRESS_COMMENT, why);
		else if (c != NULL && by_config(c, d, &why))
			diag_suppress(dg, d, SUPPRESS_CONFIG, why);
	}
	strmap_release(&sp.byname);
	strmap_release(&sp.ignored);
	free(sp.ov);
	free(sp.cv);
}
