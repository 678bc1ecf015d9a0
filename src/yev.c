/* SPDX-License-Identifier: ISC */
/* YAML events with aliases replayed on demand, within fixed bounds. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <err.h>
#include <yaml.h>

#include "xalloc.h"
#include "yev.h"

/*
 * Kubernetes resolves anchors and aliases before it sees an object, so
 * `metadata: *m` on a ServiceAccount is as real as the text it names.
 * Building a node tree to resolve them would defeat the streaming
 * loader, so instead every anchored node is recorded, event by event,
 * while it streams past; yev_deref() replays a recording where the
 * reader wants the value.  An alias the reader skips costs nothing.
 *
 * Two bounds keep hostile input cheap.  Each alias parsed adds the
 * size of the node it stands for to a per-document total, and a total
 * above YEV_MAX_ALIAS_NODES rejects the document as soon as the alias
 * that crosses it is read: a "billion laughs" file fails in
 * milliseconds, as kubectl's YAML decoder refuses it too.  Recordings
 * together keep at most YEV_MAX_RECORDED events; a larger anchor is
 * dropped and only an attempt to read through it is an error.
 * Anchors are scoped to their document, as YAML says.
 */

struct yitem {
	yaml_event_type_t	 type;
	char			*value;		/* scalars */
	size_t			 length;
	yaml_scalar_style_t	 style;
	yaml_mark_t		 start, end;
	struct yrec		*target;	/* aliases */
};

struct yrec {
	char		*anchor;
	struct yitem	*v;
	size_t		 n, cap;
	size_t		 size;		/* events it expands to */
	unsigned int	 depth;		/* open collections, while recording */
	int		 dropped;	/* too large: not kept */
	struct yrec	*hnext;		/* same hash bucket, older */
};

struct yframe {
	struct yrec	*r;
	size_t		 pos;
};

#define YEV_MAX_FRAMES	1024
#define YEV_BUCKETS	4096	/* a power of two */

static size_t		 sat_add(size_t, size_t);
static const char	*ev_anchor(const yaml_event_t *);
static unsigned int	 anchor_hash(const char *);
static struct yrec	*yev_lookup(const struct yev *, const char *);
static void		 yev_publish(struct yev *, struct yrec *);
static void		 yev_reset(struct yev *);
static int		 yev_fail(struct yev *, yaml_mark_t, const char *, ...)
			    __attribute__((format(printf, 3, 4)));
static void		 rec_push(struct yev *, struct yrec *,
			    const yaml_event_t *, struct yrec *);
static void		 rec_drop(struct yev *, struct yrec *);
static int		 yev_account(struct yev *);
static void		 yev_replay(struct yev *, const struct yitem *);

static size_t
sat_add(size_t a, size_t b)
{
	return a + b < a ? SIZE_MAX : a + b;
}

static const char *
ev_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

void
yev_init(struct yev *y, yaml_read_handler_t *read, void *arg, int replay)
{
	memset(y, 0, sizeof(*y));
	if (!yaml_parser_initialize(&y->parser))
		errx(2, "out of memory");
	yaml_parser_set_input(&y->parser, read, arg);
	/* y->buckets waits for the first anchor: most files have none. */
	y->replay = replay;
}

void
yev_release(struct yev *y)
{
	if (y->owned)
		yaml_event_delete(&y->ev);
	yaml_parser_delete(&y->parser);
	yev_reset(y);
	free(y->recs);
	free(y->open);
	free(y->frames);
	free(y->buckets);
	memset(y, 0, sizeof(*y));
}

static unsigned int
anchor_hash(const char *s)
{
	unsigned int	 h = 2166136261U;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619U;
	return h & (YEV_BUCKETS - 1);
}

/*
 * The anchor most recently completed under this name: chains are
 * newest first, so a redefined anchor shadows the old one as in YAML.
 */
static struct yrec *
yev_lookup(const struct yev *y, const char *name)
{
	struct yrec	*r;

	if (y->buckets == NULL)
		return NULL;
	for (r = y->buckets[anchor_hash(name)]; r != NULL; r = r->hnext)
		if (strcmp(r->anchor, name) == 0)
			return r;
	return NULL;
}

/* The recording is complete: aliases after this point may name it. */
static void
yev_publish(struct yev *y, struct yrec *r)
{
	unsigned int	 h = anchor_hash(r->anchor);

	if (y->buckets == NULL)
		y->buckets = xcalloc(YEV_BUCKETS, sizeof(*y->buckets));
	r->hnext = y->buckets[h];
	y->buckets[h] = r;
}

/* Forget the document's anchors. */
static void
yev_reset(struct yev *y)
{
	size_t	 i;

	for (i = 0; i < y->nrecs; i++) {
		rec_drop(y, y->recs[i]);
		free(y->recs[i]->anchor);
		free(y->recs[i]);
	}
	/* Buckets are only filled by anchors: most documents have none. */
	if (y->nrecs > 0 && y->buckets != NULL)
		memset(y->buckets, 0, YEV_BUCKETS * sizeof(*y->buckets));
	y->nrecs = y->nopen = y->nframes = 0;
	y->expanded = y->recorded = 0;
}

static int
yev_fail(struct yev *y, yaml_mark_t mark, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(y->problem, sizeof(y->problem), fmt, ap);
	va_end(ap);
	y->err = YEV_ERR_ALIAS;
	y->mark = mark;
	return 0;
}

static void
rec_drop(struct yev *y, struct yrec *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].value);
	free(r->v);
	y->recorded -= r->n;
	r->v = NULL;
	r->n = r->cap = 0;
}

/* Append a copy of ev to r, or drop r when the budget is spent. */
static void
rec_push(struct yev *y, struct yrec *r, const yaml_event_t *ev,
    struct yrec *target)
{
	struct yitem	*it;

	if (r->dropped)
		return;
	if (y->recorded >= YEV_MAX_RECORDED) {
		rec_drop(y, r);
		r->dropped = 1;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	it = &r->v[r->n++];
	memset(it, 0, sizeof(*it));
	it->type = ev->type;
	it->start = ev->start_mark;
	it->end = ev->end_mark;
	it->target = target;
	if (ev->type == YAML_SCALAR_EVENT) {
		it->length = ev->data.scalar.length;
		it->value = xmalloc(it->length + 1);
		memcpy(it->value, ev->data.scalar.value, it->length);
		it->value[it->length] = '\0';
		it->style = ev->data.scalar.style;
	}
	y->recorded++;
}

/* Bookkeeping for an event fresh from the parser; 0 on error. */
static int
yev_account(struct yev *y)
{
	const yaml_event_t	*ev = &y->ev;
	struct yrec		*target = NULL, *r;
	const char		*anchor;
	size_t			 i, size = 1;

	if (ev->type == YAML_DOCUMENT_START_EVENT)
		yev_reset(y);
	if (ev->type == YAML_ALIAS_EVENT) {
		anchor = (const char *)ev->data.alias.anchor;
		if ((target = yev_lookup(y, anchor)) == NULL)
			return yev_fail(y, ev->start_mark, "alias *%s names "
			    "no anchor before it", anchor);
		size = target->size;
		y->expanded = sat_add(y->expanded, size);
		if (y->expanded > YEV_MAX_ALIAS_NODES)
			return yev_fail(y, ev->start_mark, "aliases expand to "
			    "more than %d nodes (a \"billion laughs\" "
			    "document?)", YEV_MAX_ALIAS_NODES);
	}
	for (i = 0; i < y->nopen; i++) {
		r = y->open[i];
		r->size = sat_add(r->size, size);
		rec_push(y, r, ev, target);
		if (ev->type == YAML_MAPPING_START_EVENT ||
		    ev->type == YAML_SEQUENCE_START_EVENT)
			r->depth++;
		else if (ev->type == YAML_MAPPING_END_EVENT ||
		    ev->type == YAML_SEQUENCE_END_EVENT)
			r->depth--;
	}
	while (y->nopen > 0 && y->open[y->nopen - 1]->depth == 0)
		yev_publish(y, y->open[--y->nopen]);
	if ((anchor = ev_anchor(ev)) == NULL)
		return 1;
	r = xcalloc(1, sizeof(*r));
	r->anchor = xstrdup(anchor);
	r->size = 1;
	if (y->nrecs == y->caprecs) {
		y->caprecs = y->caprecs ? y->caprecs * 2 : 8;
		y->recs = xreallocarray(y->recs, y->caprecs,
		    sizeof(*y->recs));
	}
	y->recs[y->nrecs++] = r;
	rec_push(y, r, ev, NULL);
	if (ev->type == YAML_SCALAR_EVENT) {
		yev_publish(y, r);
		return 1;
	}
	r->depth = 1;
	if (y->nopen == y->capopen) {
		y->capopen = y->capopen ? y->capopen * 2 : 8;
		y->open = xreallocarray(y->open, y->capopen,
		    sizeof(*y->open));
	}
	y->open[y->nopen++] = r;
	return 1;
}

/* Make a recorded event current; its strings stay with the recording. */
static void
yev_replay(struct yev *y, const struct yitem *it)
{
	memset(&y->ev, 0, sizeof(y->ev));
	y->ev.type = it->type;
	y->ev.start_mark = it->start;
	y->ev.end_mark = it->end;
	if (it->type == YAML_SCALAR_EVENT) {
		y->ev.data.scalar.value = (yaml_char_t *)it->value;
		y->ev.data.scalar.length = it->length;
		y->ev.data.scalar.style = it->style;
		y->ev.data.scalar.plain_implicit =
		    it->style == YAML_PLAIN_SCALAR_STYLE;
	} else if (it->type == YAML_ALIAS_EVENT)
		y->ev.data.alias.anchor = (yaml_char_t *)it->target->anchor;
	y->owned = 0;
}

int
yev_next(struct yev *y)
{
	struct yframe	*f;

	if (y->owned)
		yaml_event_delete(&y->ev);
	y->owned = 0;
	while (y->nframes > 0) {
		f = &y->frames[y->nframes - 1];
		if (f->pos < f->r->n) {
			yev_replay(y, &f->r->v[f->pos++]);
			return 1;
		}
		y->nframes--;
	}
	if (!yaml_parser_parse(&y->parser, &y->ev)) {
		if (y->parser.error == YAML_MEMORY_ERROR)
			errx(2, "out of memory");
		y->err = y->parser.error == YAML_READER_ERROR ?
		    YEV_ERR_READER : YEV_ERR_PARSE;
		snprintf(y->problem, sizeof(y->problem), "%s%s%s",
		    y->parser.problem != NULL ? y->parser.problem :
		    "unknown error", y->parser.context != NULL ? " " : "",
		    y->parser.context != NULL ? y->parser.context : "");
		y->mark = y->parser.problem_mark;
		y->offset = y->parser.problem_offset;
		return 0;
	}
	y->owned = 1;
	return y->replay ? yev_account(y) : 1;
}

int
yev_deref(struct yev *y)
{
	struct yrec	*target;
	struct yframe	*f;
	yaml_mark_t	 mark = y->ev.start_mark;
	const char	*name;

	if (y->ev.type != YAML_ALIAS_EVENT || !y->replay)
		return 1;
	name = (const char *)y->ev.data.alias.anchor;
	/* A replayed alias was resolved when it was recorded. */
	if (y->owned)
		target = yev_lookup(y, name);
	else {
		f = &y->frames[y->nframes - 1];
		target = f->r->v[f->pos - 1].target;
	}
	if (target == NULL)
		return yev_fail(y, mark, "alias *%s names no anchor before it",
		    name);
	if (target->dropped)
		return yev_fail(y, mark, "anchor &%s is too large to expand "
		    "here (more than %d events)", name, YEV_MAX_RECORDED);
	if (y->nframes >= YEV_MAX_FRAMES)
		return yev_fail(y, mark, "aliases nested deeper than %d "
		    "levels", YEV_MAX_FRAMES);
	if (y->nframes == y->capframes) {
		y->capframes = y->capframes ? y->capframes * 2 : 8;
		y->frames = xreallocarray(y->frames, y->capframes,
		    sizeof(*y->frames));
	}
	y->frames[y->nframes].r = target;
	y->frames[y->nframes].pos = 0;
	y->nframes++;
	return yev_next(y);
}
