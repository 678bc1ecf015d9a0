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

#define SUPPRESS_NOWHERE	UINT_MAX

static const struct rule **parse_ids(struct model *, struct diags *,
		    const struct loc *, const char *, size_t, const char *);
static void	scan_line(struct model *, struct diags *, const char *,
		    unsigned int, const char *, const char *);
static int	rules_match(const struct rule *const *, const struct rule *);
static const struct k8s_obj *find_obj(const struct model *,
		    const struct strmap *, const struct diag *, int);
static int	by_annotation(const struct model *, const struct strmap *,
		    const struct diag *);
static int	by_comment(const struct model *, const struct diag *,
		    const char **);
static void	link_comments(struct model *);
static int	by_config(const struct config *, const struct diag *,
		    const char **);
static int	ignored_path(const struct config *, const char *);
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
			diag_error(dg, loc, "unknown rule '%s' in %s", id, what);
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
 * Scan one line [s, e) for "# irsalint:ignore ids -- reason".  A '#'
 * starts a YAML comment at the start of a line or after a blank, and
 * not inside a quoted scalar.  A comment alone on its line applies to
 * the next line with content: until that line is seen its target is
 * 0, and such comments are always at the head of the model's list.  A
 * trailing comment applies to its own line.
 *
 * XXX Quotes are only tracked within the line: a '#' on a continuation
 * line of a multi-line quoted scalar is taken for a comment.
 */
static void
scan_line(struct model *m, struct diags *dg, const char *file,
    unsigned int line, const char *s, const char *e)
{
	struct suppress_comment	*c;
	const char		*p, *hash = NULL, *t, *dash, *ids_end;
	char			 q = 0;
	int			 content = 0;
	unsigned int		 col = 1;
	struct loc		 loc;

	/* Most lines have no comment and no comment waits for them. */
	if (memchr(s, '#', (size_t)(e - s)) == NULL &&
	    (m->suppress == NULL || m->suppress->target != 0))
		return;
	for (p = s; p < e && hash == NULL; p++) {
		if (q != 0) {
			if (*p == '\\' && q == '"' && p + 1 < e)
				p++;
			else if (*p == q)
				q = 0;
		} else if (*p == '#' && (p == s || p[-1] == ' ' ||
		    p[-1] == '\t'))
			hash = p;
		else if (*p == '"' || *p == '\'')
			q = *p;
		if (hash == NULL && *p != ' ' && *p != '\t' && *p != '\r')
			content = 1;
	}
	if (content)
		for (c = m->suppress; c != NULL && c->target == 0; c = c->next)
			c->target = line;
	if (hash == NULL)
		return;
	for (t = hash + 1; t < e && (*t == ' ' || *t == '\t'); t++)
		continue;
	if ((size_t)(e - t) < strlen(COMMENT_IGNORE) ||
	    strncmp(t, COMMENT_IGNORE, strlen(COMMENT_IGNORE)) != 0)
		return;
	t += strlen(COMMENT_IGNORE);
	if (t < e && strchr(" \t\r", *t) == NULL)
		return;		/* irsalint:ignore-something else */
	for (p = s; p < hash; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			col++;
	memset(&loc, 0, sizeof(loc));
	loc.file = file;
	loc.line = line;
	loc.col = col;
	c = arena_alloc(m->arena, sizeof(*c));
	c->loc = loc;
	for (dash = t; dash + 1 < e && !(dash[0] == '-' && dash[1] == '-');
	    dash++)
		continue;
	ids_end = dash + 1 < e ? dash : e;
	c->rules = parse_ids(m, dg, &loc, t, (size_t)(ids_end - t),
	    "irsalint:ignore comment");
	if (ids_end != e) {
		for (t = dash + 2; t < e && (*t == ' ' || *t == '\t'); t++)
			continue;
		while (e > t && strchr(" \t\r", e[-1]) != NULL)
			e--;
		if (e > t)
			c->reason = arena_strndup(m->arena, t, (size_t)(e - t));
	}
	c->target = content ? line : 0;
	c->next = m->suppress;
	m->suppress = c;
}

/* One line of a YAML file, as the loader reads it (no newline). */
void
suppress_line(struct model *m, struct diags *dg, const char *file,
    unsigned int line, const char *s, const char *e)
{
	scan_line(m, dg, file, line, s, e);
}

/* The end of a file: comments still waiting apply to nothing. */
void
suppress_finish(struct model *m)
{
	struct suppress_comment	*c;

	for (c = m->suppress; c != NULL && c->target == 0; c = c->next)
		c->target = SUPPRESS_NOWHERE;
}

void
suppress_scan(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	const char		*s = data, *end = data + len, *nl;
	unsigned int		 line = 1;

	for (; s < end; s = nl + 1, line++) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		scan_line(m, dg, file, line, s, nl);
		if (nl == end)
			break;
	}
	suppress_finish(m);
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
static const struct k8s_obj *
find_obj(const struct model *m, const struct strmap *byname,
    const struct diag *d, int same_file)
{
	const struct strmap_val	*v;
	const struct k8s_obj	*o;

	if (d->obj.kind == NULL || d->obj.name == NULL)
		return NULL;
	for (v = strmap_get(byname, d->obj.name); v != NULL; v = v->next) {
		o = v->v;
		if (strcmp(o->kind_name, d->obj.kind) != 0 ||
		    (d->obj.ns != NULL &&
		    strcmp(k8s_obj_ns(m, o), d->obj.ns) != 0))
			continue;
		if (same_file && strcmp(o->loc.file, d->loc.file) != 0)
			continue;
		return o;
	}
	return NULL;
}

/* irsalint.io/ignore on the finding's object (parsed by suppress_apply). */
static int
by_annotation(const struct model *m, const struct strmap *byname,
    const struct diag *d)
{
	const struct k8s_obj	*o;

	if ((o = find_obj(m, byname, d, 1)) == NULL &&
	    (o = find_obj(m, byname, d, 0)) == NULL)
		return 0;
	return o->ignore_set && rules_match(o->ignore_rules, d->rule);
}

/* A comment on or above the finding's line, or above its object. */
static int
by_comment(const struct model *m, const struct diag *d, const char **why)
{
	const struct suppress_comment	*c;
	const struct k8s_obj		*o;

	for (c = m->suppress; c != NULL; c = c->next) {
		if (strcmp(c->loc.file, d->loc.file) != 0 ||
		    !rules_match(c->rules, d->rule))
			continue;
		if (c->target != d->loc.line) {
			if ((o = c->obj) == NULL || d->obj.kind == NULL ||
			    o->name == NULL ||
			    strcmp(o->name, d->obj.name) != 0 ||
			    strcmp(o->kind_name, d->obj.kind) != 0 ||
			    (d->obj.ns != NULL &&
			    strcmp(k8s_obj_ns(m, o), d->obj.ns) != 0))
				continue;
		}
		*why = c->reason;
		return 1;
	}
	return 0;
}

/*
 * Link each comment to the object whose first line it precedes, once,
 * so that matching findings to objects costs nothing per finding.
 */
static void
link_comments(struct model *m)
{
	struct suppress_comment	*c;
	const struct k8s_obj	*o;
	size_t			 i;

	if (m->suppress == NULL)
		return;
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		for (c = m->suppress; c != NULL; c = c->next)
			if (c->obj == NULL && c->target == o->loc.line &&
			    strcmp(c->loc.file, o->loc.file) == 0)
				c->obj = o;
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

static int
ignored_path(const struct config *c, const char *file)
{
	size_t	 i;

	for (i = 0; i < c->nignore_paths; i++)
		if (config_glob(c->ignore_paths[i], file))
			return 1;
	return 0;
}

void
suppress_apply(struct diags *dg, struct model *m, const struct config *c)
{
	const struct kv_pos	*a;
	const char		*why;
	struct diag		*d;
	struct k8s_obj		*o;
	struct strmap		 byname;
	size_t			 i, ri;
	int			 annotated = 0;

	/*
	 * Parse every annotation once, reporting its unknown ids; index
	 * the objects by name only when some object has one.
	 */
	for (i = 0; i < m->objs.n; i++) {
		o = m->objs.v[i];
		if ((a = k8s_obj_annotation(o, ANN_IGNORE)) == NULL)
			continue;
		o->ignore_rules = parse_ids(m, dg, &a->value_loc, a->value,
		    strlen(a->value), "annotation " ANN_IGNORE);
		o->ignore_set = 1;
		annotated = 1;
	}
	strmap_init(&byname);
	if (annotated)
		for (i = 0; i < m->objs.n; i++)
			if (m->objs.v[i]->name != NULL)
				strmap_add(&byname, m->arena,
				    m->objs.v[i]->name, m->objs.v[i]);
	link_comments(m);
	for (i = dg->n; i-- > 0; ) {
		d = dg->v[i];
		if (c != NULL && ignored_path(c, d->loc.file)) {
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
		if (annotated && by_annotation(m, &byname, d))
			diag_suppress(dg, d, SUPPRESS_ANNOTATION, NULL);
		else if (by_comment(m, d, &why))
			diag_suppress(dg, d, SUPPRESS_COMMENT, why);
		else if (c != NULL && by_config(c, d, &why))
			diag_suppress(dg, d, SUPPRESS_CONFIG, why);
	}
	strmap_release(&byname);
}
