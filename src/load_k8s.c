/* SPDX-License-Identifier: ISC */
/* Load Kubernetes YAML or JSON manifests into the model, streaming events. */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "xalloc.h"

/*
 * The loader reads libyaml events and never builds a node tree: a
 * manifest may be large, and the rules need a handful of fields per
 * object.  A static table names the fields and the mappings that lead
 * to them; everything else is skipped event by event.  libyaml also
 * parses JSON, so nothing here depends on the input syntax.
 *
 * What an object yields is kept in a heap "pending" record until its
 * document is complete, then copied into the model's arena, so that a
 * document cut short by a parse error leaves nothing behind.
 */

#define KL_PUSH(vec, item) do {						\
	if ((vec).n == (vec).cap) {					\
		(vec).cap = (vec).cap ? (vec).cap * 2 : 8;		\
		(vec).v = xreallocarray((vec).v, (vec).cap,		\
		    sizeof(*(vec).v));					\
	}								\
	(vec).v[(vec).n++] = (item);					\
} while (0)

/* The three places a pod spec's serviceAccountName can stand. */
enum kl_sa {
	SA_POD,		/* spec */
	SA_TEMPLATE,	/* spec.template.spec */
	SA_CRONJOB,	/* spec.jobTemplate.spec.template.spec */
	SA__MAX
};
#define SAM_POD		(1U << SA_POD)
#define SAM_TEMPLATE	(1U << SA_TEMPLATE)
#define SAM_CRONJOB	(1U << SA_CRONJOB)
#define SAM_ALL		(SAM_POD | SAM_TEMPLATE | SAM_CRONJOB)

enum kl_want {
	WANT_SCALAR,
	WANT_MAP,
	WANT_ANNOTATIONS,
	WANT_ITEMS
};

enum kl_slot {
	SLOT_NONE,
	SLOT_KIND,
	SLOT_API,
	SLOT_NAME,
	SLOT_NS,
	SLOT_SA
};

/* A field the loader reads, as a child of another (-1: the object). */
struct kl_field {
	const char	*path;		/* for messages */
	const char	*key;
	int		 parent;	/* index in kl_fields */
	enum kl_want	 want;
	enum kl_slot	 slot;		/* where a scalar goes */
	unsigned int	 samask;	/* serviceAccountName candidates below */
};

enum {
	F_KIND, F_API, F_ITEMS, F_META, F_NAME, F_NS, F_ANNOT,
	F_SPEC, F_SPEC_SA, F_TMPL, F_TMPL_SPEC, F_TMPL_SA,
	F_JT, F_JT_SPEC, F_JT_TMPL, F_JT_TMPL_SPEC, F_JT_SA,
	F__MAX
};

static const struct kl_field kl_fields[F__MAX] = {
	[F_KIND] = { "kind", "kind", -1, WANT_SCALAR, SLOT_KIND, 0 },
	[F_API] = { "apiVersion", "apiVersion", -1, WANT_SCALAR,
	    SLOT_API, 0 },
	[F_ITEMS] = { "items", "items", -1, WANT_ITEMS, SLOT_NONE, 0 },
	[F_META] = { "metadata", "metadata", -1, WANT_MAP, SLOT_NONE, 0 },
	[F_NAME] = { "metadata.name", "name", F_META, WANT_SCALAR,
	    SLOT_NAME, 0 },
	[F_NS] = { "metadata.namespace", "namespace", F_META, WANT_SCALAR,
	    SLOT_NS, 0 },
	[F_ANNOT] = { "metadata.annotations", "annotations", F_META,
	    WANT_ANNOTATIONS, SLOT_NONE, 0 },
	[F_SPEC] = { "spec", "spec", -1, WANT_MAP, SLOT_NONE, SAM_ALL },
	[F_SPEC_SA] = { "spec.serviceAccountName", "serviceAccountName",
	    F_SPEC, WANT_SCALAR, SLOT_SA, SAM_POD },
	[F_TMPL] = { "spec.template", "template", F_SPEC, WANT_MAP,
	    SLOT_NONE, SAM_TEMPLATE },
	[F_TMPL_SPEC] = { "spec.template.spec", "spec", F_TMPL, WANT_MAP,
	    SLOT_NONE, SAM_TEMPLATE },
	[F_TMPL_SA] = { "spec.template.spec.serviceAccountName",
	    "serviceAccountName", F_TMPL_SPEC, WANT_SCALAR, SLOT_SA,
	    SAM_TEMPLATE },
	[F_JT] = { "spec.jobTemplate", "jobTemplate", F_SPEC, WANT_MAP,
	    SLOT_NONE, SAM_CRONJOB },
	[F_JT_SPEC] = { "spec.jobTemplate.spec", "spec", F_JT, WANT_MAP,
	    SLOT_NONE, SAM_CRONJOB },
	[F_JT_TMPL] = { "spec.jobTemplate.spec.template", "template",
	    F_JT_SPEC, WANT_MAP, SLOT_NONE, SAM_CRONJOB },
	[F_JT_TMPL_SPEC] = { "spec.jobTemplate.spec.template.spec", "spec",
	    F_JT_TMPL, WANT_MAP, SLOT_NONE, SAM_CRONJOB },
	[F_JT_SA] = {
	    "spec.jobTemplate.spec.template.spec.serviceAccountName",
	    "serviceAccountName", F_JT_TMPL_SPEC, WANT_SCALAR, SLOT_SA,
	    SAM_CRONJOB },
};

/* What a field of each want is, for messages. */
static const char *const kl_want_names[] = {
	"a scalar", "a mapping", "a mapping", "a sequence"
};

/* A scalar the loader kept; s is heap-owned by the pending record. */
struct kl_str {
	char		*s;
	struct loc	 loc;
};

struct kl_ann {
	char		*key;
	char		*value;
	struct loc	 key_loc;
	struct loc	 value_loc;
};

/*
 * serviceAccountName as seen at one candidate path.  Which path counts
 * depends on kind, which may come last, so problems on the way are
 * remembered and reported only for the path the kind selects: a CRD
 * may well have a scalar spec.template.
 */
enum kl_sa_state {
	SAS_NONE,
	SAS_VALUE,
	SAS_ALIAS,	/* path names the aliased node */
	SAS_SHAPE	/* path names the node, found what it is */
};

struct kl_sacand {
	enum kl_sa_state	 state;
	char			*value;
	struct loc		 loc;
	const char		*path;
	const char		*want;
	const char		*found;
};

/* One object being read; freed by kl_pend_free(). */
struct kl_pend {
	int			 has_loc;
	struct loc		 loc;		/* first key */
	struct kl_str		 kind;		/* loc: the key */
	struct kl_str		 api;
	struct kl_str		 name;
	struct kl_str		 ns;
	struct {
		struct kl_ann	*v;
		size_t		 n, cap;
	}			 ann;
	struct kl_sacand	 sa[SA__MAX];
	int			 root;		/* of a document: may be a List */
	int			 has_items;	/* items was a sequence */
};

/* An error held back until we know whether a root is a List. */
struct kl_deferred {
	struct loc	 loc;
	char		*msg;
};

struct kload {
	struct model	*m;
	struct diags	*dg;
	const char	*file;
	const char	*data;
	size_t		 len;
	size_t		 off;		/* bytes handed to libyaml */
	yaml_parser_t	 parser;
	yaml_event_t	 ev;		/* the current event */
	int		 have_ev;
	unsigned int	 depth;		/* open collections */
	int		 defer;		/* hold errors back */
	struct {
		struct kl_deferred	*v;
		size_t			 n, cap;
	}		 deferred;
	struct {
		struct kl_pend	**v;
		size_t		  n, cap;
	}		 items, objs;	/* of the root; of the document */
};

static int		 kl_read(void *, unsigned char *, size_t, size_t *);
static struct loc	 kl_loc(const struct kload *, yaml_mark_t,
			    yaml_mark_t);
static struct loc	 kl_ev_loc(const struct kload *);
static struct loc	 kl_offset_loc(const struct kload *, size_t);
static void		 kl_error(struct kload *, const struct loc *,
			    const char *, ...)
			    __attribute__((format(printf, 3, 4)));
static void		 kl_deferred_end(struct kload *, int);
static int		 kl_next(struct kload *);
static int		 kl_enter(struct kload *);
static int		 kl_skip(struct kload *);
static const char	*kl_found(const yaml_event_t *);
static int		 kl_is_null(const yaml_event_t *);
static int		 kl_key_is(const yaml_event_t *, const char *);
static int		 kl_ends_with_list(const char *);
static char		*kl_scalar_dup(const yaml_event_t *);
static void		 kl_str_set(struct kl_str *, char *, struct loc);
static void		 kl_pend_free(struct kl_pend *);
static void		 kl_pends_clear(struct kload *, int);
static int		 kl_document(struct kload *);
static int		 kl_object(struct kload *, struct kl_pend *);
static int		 kl_map(struct kload *, struct kl_pend *, int);
static int		 kl_value(struct kload *, struct kl_pend *, int,
			    struct loc);
static void		 kl_scalar(struct kload *, struct kl_pend *, int,
			    struct loc);
static void		 kl_sa_mark(struct kl_pend *, int, enum kl_sa_state,
			    struct loc, const char *);
static int		 kl_annotations(struct kload *, struct kl_pend *);
static int		 kl_ann_value(struct kload *, struct kl_pend *,
			    char *, struct loc);
static int		 kl_items(struct kload *, struct kl_pend *);
static void		 kl_finish(struct kload *, struct kl_pend *);
static void		 kl_finish_sa(struct kload *, struct kl_pend *);
static void		 kl_commit(struct kload *);
static const char	*kl_arena_str(struct kload *, const char *);

/*
 * Hand libyaml the input a line at a time.  Its reader checks the
 * encoding of everything it is given before the parser goes on, so a
 * whole buffer at once would report a bad byte before the documents
 * ahead of it were seen, and they could not be kept.
 */
static int
kl_read(void *arg, unsigned char *buf, size_t size, size_t *nread)
{
	struct kload	*kl = arg;
	const char	*nl;
	size_t		 n = kl->len - kl->off;

	if (n > size)
		n = size;
	if ((nl = memchr(kl->data + kl->off, '\n', n)) != NULL)
		n = (size_t)(nl - (kl->data + kl->off)) + 1;
	memcpy(buf, kl->data + kl->off, n);
	kl->off += n;
	*nread = n;
	return 1;
}

static struct loc
kl_loc(const struct kload *kl, yaml_mark_t s, yaml_mark_t e)
{
	struct loc	 l;

	l.file = kl->file;
	l.line = (unsigned int)s.line + 1;
	l.col = (unsigned int)s.column + 1;
	l.end_line = (unsigned int)e.line + 1;
	l.end_col = (unsigned int)e.column + 1;
	return l;
}

static struct loc
kl_ev_loc(const struct kload *kl)
{
	return kl_loc(kl, kl->ev.start_mark, kl->ev.end_mark);
}

/*
 * libyaml gives reader errors (bad encoding) as a byte offset only;
 * count lines and UTF-8 characters up to it rather than invent a mark.
 */
static struct loc
kl_offset_loc(const struct kload *kl, size_t off)
{
	struct loc	 l;
	size_t		 i;

	memset(&l, 0, sizeof(l));
	l.file = kl->file;
	l.line = l.col = 1;
	for (i = 0; i < off && i < kl->len; i++) {
		if (kl->data[i] == '\n') {
			l.line++;
			l.col = 1;
		} else if (((unsigned char)kl->data[i] & 0xc0) != 0x80)
			l.col++;
	}
	return l;
}

/* Report an input error now, or hold it while kl->defer is set. */
static void
kl_error(struct kload *kl, const struct loc *loc, const char *fmt, ...)
{
	struct kl_deferred	 d;
	va_list			 ap;
	int			 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	d.loc = *loc;
	d.msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	d.msg[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(d.msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (kl->defer) {
		KL_PUSH(kl->deferred, d);
		return;
	}
	diag_error(kl->dg, &d.loc, "%s", d.msg);
	free(d.msg);
}

/* Report (emit != 0) or drop the errors held back. */
static void
kl_deferred_end(struct kload *kl, int emit)
{
	size_t	 i;

	for (i = 0; i < kl->deferred.n; i++) {
		if (emit)
			diag_error(kl->dg, &kl->deferred.v[i].loc, "%s",
			    kl->deferred.v[i].msg);
		free(kl->deferred.v[i].msg);
	}
	kl->deferred.n = 0;
}

/* Move to the next event; 0 after a parse error, already reported. */
static int
kl_next(struct kload *kl)
{
	yaml_parser_t	*p = &kl->parser;
	struct loc	 loc;

	if (kl->have_ev)
		yaml_event_delete(&kl->ev);
	kl->have_ev = 0;
	if (yaml_parser_parse(p, &kl->ev)) {
		kl->have_ev = 1;
		return 1;
	}
	if (p->error == YAML_MEMORY_ERROR)
		errx(1, "out of memory");
	if (p->error == YAML_READER_ERROR)
		loc = kl_offset_loc(kl, p->problem_offset);
	else
		loc = kl_loc(kl, p->problem_mark, p->problem_mark);
	/* A zero-width mark: no end to give. */
	loc.end_line = loc.end_col = 0;
	kl->defer = 0;
	kl_error(kl, &loc, "cannot parse YAML: %s%s%s",
	    p->problem != NULL ? p->problem : "unknown error",
	    p->context != NULL ? " " : "",
	    p->context != NULL ? p->context : "");
	return 0;
}

/* Open the collection at the current event; 0 when nested too deep. */
static int
kl_enter(struct kload *kl)
{
	struct loc	 loc;

	if (++kl->depth <= LOAD_MAX_DEPTH)
		return 1;
	loc = kl_ev_loc(kl);
	kl->defer = 0;
	kl_error(kl, &loc, "nesting deeper than %d levels", LOAD_MAX_DEPTH);
	return 0;
}

/*
 * Skip the node that starts at the current event, leaving its last
 * event current.  Aliases are skipped, never expanded.
 */
static int
kl_skip(struct kload *kl)
{
	unsigned int	 base = kl->depth;

	if (kl->ev.type != YAML_MAPPING_START_EVENT &&
	    kl->ev.type != YAML_SEQUENCE_START_EVENT)
		return 1;
	if (!kl_enter(kl))
		return 0;
	while (kl->depth > base) {
		if (!kl_next(kl))
			return 0;
		switch (kl->ev.type) {
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (!kl_enter(kl))
				return 0;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			kl->depth--;
			break;
		default:
			break;
		}
	}
	return 1;
}

static const char *
kl_found(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	case YAML_ALIAS_EVENT:
		return "an alias";
	default:
		return "a scalar";
	}
}

/* A plain null ("", ~, null): the field is unset, as in Kubernetes. */
static int
kl_is_null(const yaml_event_t *ev)
{
	const char	*s = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return strcmp(s, "") == 0 || strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	    strcmp(s, "NULL") == 0;
}

/* Compare with the length: a scalar may hold a NUL. */
static int
kl_key_is(const yaml_event_t *ev, const char *key)
{
	size_t	 n = strlen(key);

	return ev->data.scalar.length == n &&
	    memcmp(ev->data.scalar.value, key, n) == 0;
}

static int
kl_ends_with_list(const char *kind)
{
	size_t	 n = strlen(kind);

	return n >= 4 && strcmp(kind + n - 4, "List") == 0;
}

static char *
kl_scalar_dup(const yaml_event_t *ev)
{
	return xstrndup((const char *)ev->data.scalar.value,
	    ev->data.scalar.length);
}

/* Replace the string; s becomes owned by ks (NULL: unset). */
static void
kl_str_set(struct kl_str *ks, char *s, struct loc loc)
{
	free(ks->s);
	ks->s = s;
	ks->loc = loc;
}

static void
kl_pend_free(struct kl_pend *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	free(p->kind.s);
	free(p->api.s);
	free(p->name.s);
	free(p->ns.s);
	for (i = 0; i < p->ann.n; i++) {
		free(p->ann.v[i].key);
		free(p->ann.v[i].value);
	}
	free(p->ann.v);
	for (i = 0; i < SA__MAX; i++)
		free(p->sa[i].value);
	free(p);
}

/* Drop the pending items, and the document's objects too if all. */
static void
kl_pends_clear(struct kload *kl, int all)
{
	size_t	 i;

	for (i = 0; i < kl->items.n; i++)
		kl_pend_free(kl->items.v[i]);
	kl->items.n = 0;
	if (!all)
		return;
	for (i = 0; i < kl->objs.n; i++)
		kl_pend_free(kl->objs.v[i]);
	kl->objs.n = 0;
}

/*
 * Read one document, DOCUMENT_START being current, through its
 * DOCUMENT_END; its objects reach the model only once it is complete.
 */
static int
kl_document(struct kload *kl)
{
	struct kl_pend	*p;

	if (!kl_next(kl))
		return 0;
	if (kl->ev.type == YAML_MAPPING_START_EVENT) {
		if (!kl_enter(kl))
			return 0;
		p = xcalloc(1, sizeof(*p));
		p->root = 1;
		if (!kl_object(kl, p))
			return 0;
	} else if (!kl_skip(kl))
		return 0;
	if (!kl_next(kl))
		return 0;
	kl_commit(kl);
	return 1;
}

/*
 * Read an object's mapping, MAPPING_START being current, and finish
 * it.  p is handed over: it is committed later or freed here.
 */
static int
kl_object(struct kload *kl, struct kl_pend *p)
{
	int	 ok;

	ok = kl_map(kl, p, -1);
	if (ok)
		kl_finish(kl, p);
	else
		kl_pend_free(p);
	return ok;
}

/*
 * Read a mapping whose tracked fields are the children of parent (-1:
 * the object itself) through its MAPPING_END; the rest is skipped.
 */
static int
kl_map(struct kload *kl, struct kl_pend *p, int parent)
{
	struct loc	 key_loc;
	int		 f;

	for (;;) {
		if (!kl_next(kl))
			return 0;
		if (kl->ev.type == YAML_MAPPING_END_EVENT) {
			kl->depth--;
			return 1;
		}
		key_loc = kl_ev_loc(kl);
		if (parent == -1 && !p->has_loc) {
			p->loc = key_loc;
			p->has_loc = 1;
		}
		f = -1;
		if (kl->ev.type == YAML_SCALAR_EVENT)
			for (f = F__MAX - 1; f >= 0; f--)
				if (kl_fields[f].parent == parent &&
				    kl_key_is(&kl->ev, kl_fields[f].key))
					break;
		if (!kl_skip(kl) || !kl_next(kl))
			return 0;
		if (f == -1 || (f == F_ITEMS && !p->root)) {
			if (!kl_skip(kl))
				return 0;
		} else if (!kl_value(kl, p, f, key_loc))
			return 0;
	}
}

/* Read the value of field f, its first event being current. */
static int
kl_value(struct kload *kl, struct kl_pend *p, int f, struct loc key_loc)
{
	const struct kl_field	*fd = &kl_fields[f];
	const char		*want = kl_want_names[fd->want];
	struct loc		 loc = kl_ev_loc(kl);
	yaml_event_type_t	 t = kl->ev.type;

	if (t == YAML_ALIAS_EVENT) {
		if (fd->samask != 0)
			kl_sa_mark(p, f, SAS_ALIAS, loc, NULL);
		else
			kl_error(kl, &loc, "aliases are not supported here: %s",
			    fd->path);
		return 1;
	}
	if (t == YAML_SCALAR_EVENT && fd->want == WANT_SCALAR) {
		kl_scalar(kl, p, f, key_loc);
		return 1;
	}
	if (t == YAML_MAPPING_START_EVENT && fd->want == WANT_MAP)
		return kl_enter(kl) && kl_map(kl, p, f);
	if (t == YAML_MAPPING_START_EVENT && fd->want == WANT_ANNOTATIONS)
		return kl_enter(kl) && kl_annotations(kl, p);
	if (t == YAML_SEQUENCE_START_EVENT && fd->want == WANT_ITEMS)
		return kl_items(kl, p);
	if (fd->samask != 0)
		kl_sa_mark(p, f, SAS_SHAPE, loc, kl_found(&kl->ev));
	else if (f == F_ITEMS && p->kind.s == NULL) {
		/* Only a List needs items; hold the error till kind. */
		kl->defer = 1;
		kl_error(kl, &loc, "%s: expected %s, found %s", fd->path,
		    want, kl_found(&kl->ev));
		kl->defer = 0;
	} else if (f != F_ITEMS || kl_ends_with_list(p->kind.s))
		kl_error(kl, &loc, "%s: expected %s, found %s", fd->path,
		    want, kl_found(&kl->ev));
	return kl_skip(kl);
}

/* Keep the scalar of field f; a plain null leaves the field unset. */
static void
kl_scalar(struct kload *kl, struct kl_pend *p, int f, struct loc key_loc)
{
	const yaml_event_t	*ev = &kl->ev;
	struct loc		 loc = kl_ev_loc(kl);
	char			*s = NULL;
	struct kl_sacand	*c;

	if (!kl_is_null(ev))
		s = kl_scalar_dup(ev);
	switch (kl_fields[f].slot) {
	case SLOT_KIND:
		kl_str_set(&p->kind, s, key_loc);
		break;
	case SLOT_API:
		kl_str_set(&p->api, s, loc);
		break;
	case SLOT_NAME:
		kl_str_set(&p->name, s, loc);
		break;
	case SLOT_NS:
		/* An empty namespace means the default one, quoted or not. */
		if (s != NULL && s[0] == '\0') {
			free(s);
			s = NULL;
		}
		kl_str_set(&p->ns, s, loc);
		break;
	case SLOT_SA:
		c = &p->sa[f == F_SPEC_SA ? SA_POD :
		    f == F_TMPL_SA ? SA_TEMPLATE : SA_CRONJOB];
		free(c->value);
		c->value = s;
		c->state = s != NULL ? SAS_VALUE : SAS_NONE;
		c->loc = loc;
		break;
	default:
		free(s);
		break;
	}
}

/* Record a problem at field f for each candidate path below it. */
static void
kl_sa_mark(struct kl_pend *p, int f, enum kl_sa_state st, struct loc loc,
    const char *found)
{
	size_t	 i;

	for (i = 0; i < SA__MAX; i++) {
		if ((kl_fields[f].samask & (1U << i)) == 0)
			continue;
		free(p->sa[i].value);
		p->sa[i].value = NULL;
		p->sa[i].state = st;
		p->sa[i].loc = loc;
		p->sa[i].path = kl_fields[f].path;
		p->sa[i].want = kl_want_names[kl_fields[f].want];
		p->sa[i].found = found;
	}
}

/*
 * Read metadata.annotations, MAPPING_START being current: scalar keys
 * to scalar values, in file order, duplicates kept.
 */
static int
kl_annotations(struct kload *kl, struct kl_pend *p)
{
	const char	*path = kl_fields[F_ANNOT].path;
	struct loc	 loc;
	char		*key;

	for (;;) {
		if (!kl_next(kl))
			return 0;
		if (kl->ev.type == YAML_MAPPING_END_EVENT) {
			kl->depth--;
			return 1;
		}
		loc = kl_ev_loc(kl);
		if (kl->ev.type == YAML_SCALAR_EVENT) {
			key = kl_scalar_dup(&kl->ev);
			if (!kl_next(kl) || !kl_ann_value(kl, p, key, loc))
				return 0;
			continue;
		}
		if (kl->ev.type == YAML_ALIAS_EVENT)
			kl_error(kl, &loc, "aliases are not supported here: %s",
			    path);
		else
			kl_error(kl, &loc, "%s: expected a scalar key, found %s",
			    path, kl_found(&kl->ev));
		if (!kl_skip(kl) || !kl_next(kl) || !kl_skip(kl))
			return 0;
	}
}

/* Read an annotation's value; key (heap) is handed over. */
static int
kl_ann_value(struct kload *kl, struct kl_pend *p, char *key,
    struct loc key_loc)
{
	const char	*path = kl_fields[F_ANNOT].path;
	struct loc	 loc = kl_ev_loc(kl);
	struct kl_ann	 a;

	if (kl->ev.type == YAML_SCALAR_EVENT) {
		a.key = key;
		a.value = kl_scalar_dup(&kl->ev);
		a.key_loc = key_loc;
		a.value_loc = loc;
		KL_PUSH(p->ann, a);
		return 1;
	}
	if (kl->ev.type == YAML_ALIAS_EVENT)
		kl_error(kl, &loc, "aliases are not supported here: %s.%s",
		    path, key);
	else
		kl_error(kl, &loc, "%s.%s: expected a scalar value, found %s",
		    path, key, kl_found(&kl->ev));
	free(key);
	return kl_skip(kl);
}

/*
 * Read the items of a root object, SEQUENCE_START being current.  If
 * the root's kind is still unknown, the items are read tentatively:
 * objects and errors are held until the root ends.  A root known not
 * to be a List has its items skipped.
 */
static int
kl_items(struct kload *kl, struct kl_pend *root)
{
	struct kl_pend	*p;
	int		 ok = 1;

	if (root->kind.s != NULL && !kl_ends_with_list(root->kind.s))
		return kl_skip(kl);
	root->has_items = 1;
	if (!kl_enter(kl))
		return 0;
	kl->defer = root->kind.s == NULL;
	while (ok) {
		if (!(ok = kl_next(kl)))
			break;
		if (kl->ev.type == YAML_SEQUENCE_END_EVENT) {
			kl->depth--;
			break;
		}
		if (kl->ev.type != YAML_MAPPING_START_EVENT) {
			ok = kl_skip(kl);
			continue;
		}
		if (!(ok = kl_enter(kl)))
			break;
		/* Items are not roots: their own items are not read. */
		p = xcalloc(1, sizeof(*p));
		ok = kl_object(kl, p);
	}
	kl->defer = 0;
	return ok;
}

/*
 * An object's mapping has ended: drop it without a kind, pick its
 * serviceAccountName, and queue it; a List root queues its items.
 * p is handed over.
 */
static void
kl_finish(struct kload *kl, struct kl_pend *p)
{
	int	 list;

	if (p->kind.s == NULL) {
		if (p->root) {
			kl_deferred_end(kl, 0);
			kl_pends_clear(kl, 0);
		}
		kl_pend_free(p);
		return;
	}
	kl_finish_sa(kl, p);
	if (!p->root) {
		KL_PUSH(kl->items, p);
		return;
	}
	list = kl_ends_with_list(p->kind.s);
	kl_deferred_end(kl, list);
	if (list && p->has_items) {
		size_t	 i;

		for (i = 0; i < kl->items.n; i++)
			KL_PUSH(kl->objs, kl->items.v[i]);
		kl->items.n = 0;
		kl_pend_free(p);
		return;
	}
	kl_pends_clear(kl, 0);
	KL_PUSH(kl->objs, p);
}

/* Keep the serviceAccountName of the path the kind selects. */
static void
kl_finish_sa(struct kload *kl, struct kl_pend *p)
{
	struct kl_sacand	*c;
	size_t			 i;

	switch (k8s_kind_from_name(p->kind.s)) {
	case K8S_POD:
		i = SA_POD;
		break;
	case K8S_DEPLOYMENT:
	case K8S_STATEFULSET:
	case K8S_DAEMONSET:
	case K8S_REPLICASET:
	case K8S_JOB:
		i = SA_TEMPLATE;
		break;
	case K8S_CRONJOB:
		i = SA_CRONJOB;
		break;
	default:
		return;
	}
	c = &p->sa[i];
	if (c->state == SAS_ALIAS)
		kl_error(kl, &c->loc, "aliases are not supported here: %s",
		    c->path);
	else if (c->state == SAS_SHAPE)
		kl_error(kl, &c->loc, "%s: expected %s, found %s", c->path,
		    c->want, c->found);
	else if (c->state == SAS_VALUE) {
		/* Mark the winner: only it is copied to the model. */
		for (i = 0; i < SA__MAX; i++)
			if (&p->sa[i] != c)
				p->sa[i].state = SAS_NONE;
		return;
	}
	for (i = 0; i < SA__MAX; i++)
		p->sa[i].state = SAS_NONE;
}

static const char *
kl_arena_str(struct kload *kl, const char *s)
{
	return s != NULL ? arena_strdup(kl->m->arena, s) : NULL;
}

/* The document is complete: copy its objects into the model. */
static void
kl_commit(struct kload *kl)
{
	struct kl_pend	*p;
	struct k8s_obj	*o;
	struct kv_pos	*kv;
	size_t		 i, j;

	for (i = 0; i < kl->objs.n; i++) {
		p = kl->objs.v[i];
		o = model_add_obj(kl->m);
		o->kind = k8s_kind_from_name(p->kind.s);
		o->kind_name = kl_arena_str(kl, p->kind.s);
		o->kind_loc = p->kind.loc;
		o->loc = p->loc;
		o->api_version = kl_arena_str(kl, p->api.s);
		o->name = kl_arena_str(kl, p->name.s);
		o->name_loc = p->name.loc;
		o->ns = kl_arena_str(kl, p->ns.s);
		o->ns_loc = p->ns.loc;
		for (j = 0; j < SA__MAX; j++)
			if (p->sa[j].state == SAS_VALUE) {
				o->sa_name = kl_arena_str(kl, p->sa[j].value);
				o->sa_loc = p->sa[j].loc;
			}
		if (p->ann.n > 0)
			o->annotations = arena_alloc(kl->m->arena,
			    p->ann.n * sizeof(*o->annotations));
		for (j = 0; j < p->ann.n; j++) {
			kv = &o->annotations[j];
			kv->key = kl_arena_str(kl, p->ann.v[j].key);
			kv->value = kl_arena_str(kl, p->ann.v[j].value);
			kv->key_loc = p->ann.v[j].key_loc;
			kv->value_loc = p->ann.v[j].value_loc;
		}
		o->nannotations = p->ann.n;
		kl_pend_free(p);
	}
	kl->objs.n = 0;
}

/*
 * Load a stream of Kubernetes manifests.  Input errors become
 * diagnostics; a parse error or too deep a nesting ends the file but
 * keeps the objects of the documents complete before it.
 */
void
load_k8s(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	struct kload	 kl;

	memset(&kl, 0, sizeof(kl));
	kl.m = m;
	kl.dg = dg;
	kl.file = file;
	kl.data = data;
	kl.len = len;
	if (!yaml_parser_initialize(&kl.parser))
		errx(1, "out of memory");
	yaml_parser_set_input(&kl.parser, kl_read, &kl);
	while (kl_next(&kl) && kl.ev.type != YAML_STREAM_END_EVENT)
		if (kl.ev.type == YAML_DOCUMENT_START_EVENT &&
		    !kl_document(&kl))
			break;
	if (kl.have_ev)
		yaml_event_delete(&kl.ev);
	yaml_parser_delete(&kl.parser);
	kl_deferred_end(&kl, 0);
	kl_pends_clear(&kl, 1);
	free(kl.deferred.v);
	free(kl.items.v);
	free(kl.objs.v);
}
