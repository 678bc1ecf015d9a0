/* SPDX-License-Identifier: ISC */
/* Load Kubernetes YAML or JSON manifests into the model, streaming events. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "input.h"
#include "jscan.h"
#include "k8s.h"
#include "load.h"
#include "model.h"
#include "comment.h"
#include "util.h"
#include "xalloc.h"

/*
 * The loader reads the input layer's events and never builds a node
 * tree: a manifest may be large, and the rules need a handful of fields
 * per object.  A static table names the fields and the mappings that
 * lead to them; everything else is skipped event by event.  Nothing
 * here depends on the input syntax.  Aliases are replayed by the layer,
 * only where a field the table names is read.
 *
 * What an object yields is kept in a "pending" record until its
 * document is complete, and only then enters the model, so that a
 * document cut short by a parse error leaves no object behind.  The
 * pending records live in the model's arena: what a failed document
 * leaves there is bounded by the input size and freed with the rest.
 */

/* The pod specs (enum kl_sa) a field leads to, as a mask. */
#define SAM_POD		(1U << SA_POD)
#define SAM_TEMPLATE	(1U << SA_TEMPLATE)
#define SAM_CRONJOB	(1U << SA_CRONJOB)
#define SAM_ALL		(SAM_POD | SAM_TEMPLATE | SAM_CRONJOB)

enum kl_want {
	WANT_SCALAR,
	WANT_MAP,
	WANT_ANNOTATIONS,
	WANT_ITEMS,
	WANT_CONTAINERS,
	WANT_TREE,		/* any node, kept whole (eksctl) */
	WANT_KEYS		/* a mapping whose keys are kept */
};

enum kl_slot {
	SLOT_NONE,
	SLOT_KIND,
	SLOT_API,
	SLOT_NAME,
	SLOT_NS,
	SLOT_SA,
	SLOT_INIT,		/* initContainers */
	SLOT_IAM,		/* eksctl iam */
	SLOT_ADDONS		/* eksctl addons */
};

/* A field the loader reads, as a child of another (-1: the object). */
struct kl_field {
	const char	*path;		/* for messages */
	const char	*key;
	int		 parent;	/* index in kl_fields */
	enum kl_want	 want;
	enum kl_slot	 slot;		/* where a scalar goes */
	unsigned int	 samask;	/* serviceAccountName candidates below */
	int		 pod;		/* enum kl_sa of a pod spec part; -1 */
};

enum {
	F_KIND, F_API, F_ITEMS, F_META, F_NAME, F_NS, F_ANNOT,
	F_SPEC, F_SPEC_SA, F_SPEC_CONT, F_SPEC_INIT,
	F_TMPL, F_TMPL_META, F_TMPL_ANNOT, F_TMPL_SPEC, F_TMPL_SA,
	F_TMPL_CONT, F_TMPL_INIT,
	F_JT, F_JT_SPEC, F_JT_TMPL, F_JT_TMPL_META, F_JT_TMPL_ANNOT,
	F_JT_TMPL_SPEC, F_JT_SA, F_JT_CONT, F_JT_INIT,
	F_IAM, F_ADDONS, F_DATA, F_SDATA,
	F__MAX
};

#define TM	SAM_TEMPLATE
#define CJ	SAM_CRONJOB
static const struct kl_field kl_fields[F__MAX] = {
	[F_KIND] = { "kind", "kind", -1, WANT_SCALAR, SLOT_KIND, 0, -1 },
	[F_API] = { "apiVersion", "apiVersion", -1, WANT_SCALAR,
	    SLOT_API, 0, -1 },
	[F_ITEMS] = { "items", "items", -1, WANT_ITEMS, SLOT_NONE, 0, -1 },
	[F_META] = { "metadata", "metadata", -1, WANT_MAP, SLOT_NONE, 0,
	    -1 },
	[F_NAME] = { "metadata.name", "name", F_META, WANT_SCALAR,
	    SLOT_NAME, 0, -1 },
	[F_NS] = { "metadata.namespace", "namespace", F_META, WANT_SCALAR,
	    SLOT_NS, 0, -1 },
	[F_ANNOT] = { "metadata.annotations", "annotations", F_META,
	    WANT_ANNOTATIONS, SLOT_NONE, 0, -1 },
	[F_SPEC] = { "spec", "spec", -1, WANT_MAP, SLOT_NONE, SAM_ALL, -1 },
	[F_SPEC_SA] = { "spec.serviceAccountName", "serviceAccountName",
	    F_SPEC, WANT_SCALAR, SLOT_SA, SAM_POD, SA_POD },
	[F_SPEC_CONT] = { "spec.containers", "containers", F_SPEC,
	    WANT_CONTAINERS, SLOT_NONE, 0, SA_POD },
	[F_SPEC_INIT] = { "spec.initContainers", "initContainers", F_SPEC,
	    WANT_CONTAINERS, SLOT_INIT, 0, SA_POD },
	[F_TMPL] = { "spec.template", "template", F_SPEC, WANT_MAP,
	    SLOT_NONE, TM, -1 },
	[F_TMPL_META] = { "spec.template.metadata", "metadata", F_TMPL,
	    WANT_MAP, SLOT_NONE, 0, SA_TEMPLATE },
	[F_TMPL_ANNOT] = { "spec.template.metadata.annotations",
	    "annotations", F_TMPL_META, WANT_ANNOTATIONS, SLOT_NONE, 0,
	    SA_TEMPLATE },
	[F_TMPL_SPEC] = { "spec.template.spec", "spec", F_TMPL, WANT_MAP,
	    SLOT_NONE, TM, -1 },
	[F_TMPL_SA] = { "spec.template.spec.serviceAccountName",
	    "serviceAccountName", F_TMPL_SPEC, WANT_SCALAR, SLOT_SA, TM,
	    SA_TEMPLATE },
	[F_TMPL_CONT] = { "spec.template.spec.containers", "containers",
	    F_TMPL_SPEC, WANT_CONTAINERS, SLOT_NONE, 0, SA_TEMPLATE },
	[F_TMPL_INIT] = { "spec.template.spec.initContainers",
	    "initContainers", F_TMPL_SPEC, WANT_CONTAINERS, SLOT_INIT, 0,
	    SA_TEMPLATE },
	[F_JT] = { "spec.jobTemplate", "jobTemplate", F_SPEC, WANT_MAP,
	    SLOT_NONE, CJ, -1 },
	[F_JT_SPEC] = { "spec.jobTemplate.spec", "spec", F_JT, WANT_MAP,
	    SLOT_NONE, CJ, -1 },
	[F_JT_TMPL] = { "spec.jobTemplate.spec.template", "template",
	    F_JT_SPEC, WANT_MAP, SLOT_NONE, CJ, -1 },
	[F_JT_TMPL_META] = { "spec.jobTemplate.spec.template.metadata",
	    "metadata", F_JT_TMPL, WANT_MAP, SLOT_NONE, 0, SA_CRONJOB },
	[F_JT_TMPL_ANNOT] = {
	    "spec.jobTemplate.spec.template.metadata.annotations",
	    "annotations", F_JT_TMPL_META, WANT_ANNOTATIONS, SLOT_NONE, 0,
	    SA_CRONJOB },
	[F_JT_TMPL_SPEC] = { "spec.jobTemplate.spec.template.spec", "spec",
	    F_JT_TMPL, WANT_MAP, SLOT_NONE, CJ, -1 },
	[F_JT_SA] = {
	    "spec.jobTemplate.spec.template.spec.serviceAccountName",
	    "serviceAccountName", F_JT_TMPL_SPEC, WANT_SCALAR, SLOT_SA, CJ,
	    SA_CRONJOB },
	[F_JT_CONT] = { "spec.jobTemplate.spec.template.spec.containers",
	    "containers", F_JT_TMPL_SPEC, WANT_CONTAINERS, SLOT_NONE, 0,
	    SA_CRONJOB },
	[F_JT_INIT] = {
	    "spec.jobTemplate.spec.template.spec.initContainers",
	    "initContainers", F_JT_TMPL_SPEC, WANT_CONTAINERS, SLOT_INIT, 0,
	    SA_CRONJOB },
	[F_IAM] = { "iam", "iam", -1, WANT_TREE, SLOT_IAM, 0, -1 },
	[F_ADDONS] = { "addons", "addons", -1, WANT_TREE, SLOT_ADDONS, 0,
	    -1 },
	[F_DATA] = { "data", "data", -1, WANT_KEYS, SLOT_NONE, 0, -1 },
	[F_SDATA] = { "stringData", "stringData", -1, WANT_KEYS, SLOT_NONE,
	    0, -1 },
};
#undef TM
#undef CJ

/* What a field of each want is, for messages. */
static const char *const kl_want_names[] = {
	"a scalar", "a mapping", "a mapping", "a sequence", "a sequence",
	"anything", "a mapping"
};

static void		 kl_deferred_end(struct kload *, int);
static void		 kl_input_error(struct kload *);
static int		 kl_ends_with_list(const char *);
static void		 kl_source_line(struct kload *, const char *, size_t);
static int		 kl_newline(void *, unsigned int, const char *, size_t);
static void		 kl_init(struct kload *, struct model *, struct diags *,
			    const char *);
static void		 kl_doc_source(struct kload *, unsigned int);
static void		 kl_pends_clear(struct kload *, int);
static struct kl_pend	*kl_pend_new(struct kload *);
static void		 kl_pool_free(struct kload *, int);
static int		 kl_document(struct kload *);
static int		 kl_object(struct kload *, struct kl_pend *);
static int		 kl_map(struct kload *, struct kl_pend *, int);
static int		 kl_merge(struct kload *, struct kl_pend *, int);
static int		 kl_field(int, const struct input_key *);
static void		 kl_stray(struct kload *, struct kl_pend *, int,
			    const struct input_key *);
static int		 kl_value(struct kload *, struct kl_pend *, int,
			    struct loc);
static void		 kl_scalar(struct kload *, struct kl_pend *, int,
			    struct loc);
static void		 kl_sa_mark(struct kl_pend *, int, enum kl_sa_state,
			    struct loc, const char *);
static int		 kl_tree(struct kload *, struct kl_pend *,
			    enum kl_slot);
static int		 kl_keys(struct kload *, struct kl_pend *);
static int		 kl_items(struct kload *, struct kl_pend *);
static void		 kl_finish(struct kload *, struct kl_pend *);

/*
 * A line of input goes by: show it to the comment scanners (helm's
 * "# Source:", irsalint:ignore), as the events carry no comments.  The
 * lines without a '#' need not be shown, but while a comment waits for
 * the line it applies to.
 */
static int
kl_newline(void *arg, unsigned int lineno, const char *s, size_t len)
{
	struct kload	*kl = arg;

	kl->lineno = lineno;
	kl_source_line(kl, s, len);
	return comment_line(kl->m, kl->file, kl->lineno, s, s + len);
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

/* Report the error that ended the input, never held back. */
static void
kl_input_error(struct kload *kl)
{
	const struct input_err	*e = &kl->in.err;

	kl->defer = 0;
	switch (e->kind) {
	case INPUT_ERR_ALIAS:
		kl_error(kl, &e->loc, "%s", e->problem);
		break;
	case INPUT_ERR_DEPTH:
		kl_error(kl, &e->loc, "nesting deeper than %d levels",
		    LOAD_MAX_DEPTH);
		break;
	case INPUT_ERR_LIMIT:
		kl_error(kl, &e->loc, "iam or addons of more than %d nodes; "
		    "the rest of the file is not read", KL_MAX_TREE);
		break;
	default:
		kl_error(kl, &e->loc, "cannot parse %s: %s",
		    kl->json != NULL ? "JSON" : "YAML", e->problem);
		break;
	}
}


static int
kl_ends_with_list(const char *kind)
{
	size_t	 n = strlen(kind);

	return n >= 4 && strcmp(kind + n - 4, "List") == 0;
}

/*
 * libyaml drops comments, so find helm's "# Source: <template>" lines
 * in the raw text; kl_doc_source() matches them to documents by line.
 */
/* Note a helm "# Source: <template>" line as it is read. */
static void
kl_source_line(struct kload *kl, const char *p, size_t n)
{
	static const char	 tag[] = "# Source: ";
	struct kl_source	 s;

	if (n > 0 && p[n - 1] == '\r')
		n--;
	if (n <= sizeof(tag) - 1 || memcmp(p, tag, sizeof(tag) - 1) != 0)
		return;
	p += sizeof(tag) - 1;
	n -= sizeof(tag) - 1;
	memset(&s, 0, sizeof(s));
	s.line = kl->lineno;
	/*
	 * A chart's template rendered many times (a range over a list)
	 * repeats its line: the objects share one copy of the path.
	 */
	if (kl->src_path != NULL && kl->src_pathlen == n &&
	    memcmp(kl->src_path, p, n) == 0)
		s.path = kl->src_path;
	else {
		s.path = kl->src_path = arena_strndup(kl->a, p, n);
		kl->src_pathlen = n;
	}
	s.loc.file = kl->file;
	s.loc.line = s.loc.end_line = kl->lineno;
	s.loc.col = 1;
	s.loc.end_col = (unsigned int)(n + sizeof(tag) - 1) + 1;
	/* The sources before src_next are passed: none is read again. */
	if (kl->src_next == kl->sources.n)
		kl->sources.n = kl->src_next = 0;
	KL_PUSH(kl->sources, s);
}

/*
 * The document whose root starts on line root: its source is the last
 * "# Source:" line between the previous document's content and root.
 */
static void
kl_doc_source(struct kload *kl, unsigned int root)
{
	const struct kl_source	*s;

	/*
	 * Sources and documents both come in line order: walk the sources
	 * once, keeping the last one between the previous document's
	 * content and this root.
	 */
	kl->has_source = 0;
	for (; kl->src_next < kl->sources.n; kl->src_next++) {
		s = &kl->sources.v[kl->src_next];
		if (s->line >= root)
			break;
		if (s->line > kl->prev_line) {
			kl->source = *s;
			kl->has_source = 1;
		}
	}
}

/* Drop the pending items, and the document's objects too if all. */
static void
kl_pends_clear(struct kload *kl, int all)
{
	kl->items.n = 0;
	if (all)
		kl->objs.n = 0;
}

/*
 * Read one document, DOCUMENT_START being current, through its
 * DOCUMENT_END; its objects reach the model only once it is complete.
 */
/*
 * A pending record, zeroed: one freed by the document before if there
 * is one (a record is some 1.5 KiB, which malloc(3) keeps in no fast
 * cache: taking it anew for each document costs more than zeroing it).
 */
static struct kl_pend *
kl_pend_new(struct kload *kl)
{
	struct kl_pend	*p;

	if (kl->pool.n < kl->pool.kept) {
		p = kl->pool.v[kl->pool.n++];
		memset(p, 0, sizeof(*p));
		return p;
	}
	p = xcalloc(1, sizeof(*p));
	KL_PUSH(kl->pool, p);
	kl->pool.kept = kl->pool.n;
	return p;
}

/* The document's records are done with: kept for the next (all: freed). */
static void
kl_pool_free(struct kload *kl, int all)
{
	size_t	 i;

	for (i = 0; i < kl->pool.n; i++) {
		free(kl->pool.v[i]->stray.v);
		kl->pool.v[i]->stray.v = NULL;
	}
	kl->pool.n = 0;
	if (!all)
		return;
	for (i = 0; i < kl->pool.kept; i++)
		free(kl->pool.v[i]);
	kl->pool.kept = 0;
}

static int
kl_document(struct kload *kl)
{
	struct kl_pend	*p;
	struct loc	 loc;

	if (!input_next(&kl->in) || !input_deref(&kl->in))
		return 0;
	if (++kl->ndocs > LOAD_MAX_DOCUMENTS) {
		loc = kl->in.ev.loc;
		kl_error(kl, &loc, "more than %d documents; the rest of the "
		    "file is not read", LOAD_MAX_DOCUMENTS);
		return 0;
	}
	kl_doc_source(kl, kl->in.ev.loc.line);
	if (kl->in.ev.type == INPUT_MAP_START) {
		if (!input_enter(&kl->in))
			return 0;
		p = kl_pend_new(kl);
		p->root = 1;
		if (!kl_object(kl, p))
			return 0;
	} else if (!input_skip(&kl->in))
		return 0;
	if (!input_next(&kl->in))
		return 0;
	kl->prev_line = kl->in.last_line;
	kl_commit(kl);
	kl_pool_free(kl, 0);
	arena_release(&kl->trees);
	return 1;
}

/* Read an object's mapping, MAPPING_START being current, and finish it. */
static int
kl_object(struct kload *kl, struct kl_pend *p)
{
	p->chosen = -1;
	if (!kl_map(kl, p, -1))
		return 0;
	kl_finish(kl, p);
	return 1;
}

/*
 * The fields under each parent (kl_kids[parent + 1], -1 after the
 * last), made from kl_fields once, whichever thread loads first.
 */
static signed char	 kl_kids[F__MAX + 1][F__MAX + 1];
static pthread_once_t	 kl_kids_once = PTHREAD_ONCE_INIT;

static void
kl_kids_init(void)
{
	size_t	 n[F__MAX + 1] = { 0 };
	int	 f, p;

	for (f = 0; f < F__MAX; f++) {
		p = kl_fields[f].parent + 1;
		kl_kids[p][n[p]++] = (signed char)f;
	}
	for (p = 0; p <= F__MAX; p++)
		kl_kids[p][n[p]] = -1;
}

/* The field of this key under parent, or -1. */
static int
kl_field(int parent, const struct input_key *k)
{
	const signed char	*f;

	if (!k->ok)
		return -1;
	(void)pthread_once(&kl_kids_once, kl_kids_init);
	for (f = kl_kids[parent + 1]; *f >= 0; f++)
		if (kl_fields[*f].key[0] == k->s[0] &&
		    strcmp(kl_fields[*f].key, k->s) == 0)
			return *f;
	return -1;
}

/*
 * Keep a key the table does not know, where a misspelt one would be
 * silently dropped: the object's own keys and those of the metadata
 * of the object and of its pod template.
 */
static void
kl_stray(struct kload *kl, struct kl_pend *p, int parent,
    const struct input_key *k)
{
	struct kl_stray	 s;

	if (!k->ok)
		return;
	s.pod = -1;
	if (parent == -1)
		s.k.where = K8S_AT_TOP;
	else if (parent == F_META)
		s.k.where = K8S_AT_META;
	else if (parent == F_TMPL_META || parent == F_JT_TMPL_META) {
		s.k.where = K8S_AT_TEMPLATE_META;
		s.pod = kl_fields[parent].pod;
	} else
		return;
	/* A field of ObjectMeta as written is no misspelling of one. */
	if (s.k.where != K8S_AT_TOP && k8s_meta_field(k->s))
		return;
	s.k.key = arena_strdup(kl->a, k->s);
	s.k.loc = k->loc;
	KL_PUSH(p->stray, s);
}

/*
 * Read a mapping whose tracked fields are the children of parent (-1:
 * the object itself) through its MAPPING_END; the rest is skipped.  A
 * tracked key given twice is recorded, and the later value wins, as
 * Kubernetes decodes it.
 */
static int
kl_map(struct kload *kl, struct kl_pend *p, int parent)
{
	struct input_key	 k;
	struct kl_dup		 d;
	struct loc		 seen[F__MAX];
	unsigned char		 have[F__MAX];
	int			 f, r;

	memset(have, 0, sizeof(have));
	for (;;) {
		if ((r = input_entry(&kl->in, &k)) != 1)
			return r == 2;
		if (parent == -1 && !p->has_loc) {
			p->loc = k.loc;
			p->has_loc = 1;
		}
		if (k.merge) {
			if (!kl_merge(kl, p, parent))
				return 0;
			continue;
		}
		f = kl_field(parent, &k);
		if (f == -1)
			kl_stray(kl, p, parent, &k);
		if (f == -1 && (r = kl_iam_key(kl, p, parent == -1 ?
		    KL_AT_TOP : parent == F_META ? KL_AT_META :
		    parent == F_SPEC ? KL_AT_SPEC : KL_AT_OTHER, &k)) != -1) {
			if (r == 0)
				return 0;
			continue;
		}
		if (f == -1 || (f == F_ITEMS && !p->root)) {
			if (!input_skip(&kl->in))
				return 0;
			continue;
		}
		if (have[f]) {
			d.path = kl_fields[f].path;
			d.pod = kl_fields[f].pod;
			d.loc = k.loc;
			d.first = seen[f];
			KL_APUSH(kl->a, p->dups, d);
		}
		have[f] = 1;
		seen[f] = k.loc;
		if (!kl_value(kl, p, f, k.loc))
			return 0;
	}
}

/*
 * A merge key "<<: *base" or "<<: [*a, *b]": read the mappings named
 * as if their keys stood here.  Like the YAML decoder Kubernetes uses,
 * keys are applied in order, so a later key wins either way.
 */
static int
kl_merge(struct kload *kl, struct kl_pend *p, int parent)
{
	int	 r;

	if (kl->in.ev.type == INPUT_MAP_START)
		return input_enter(&kl->in) && kl_map(kl, p, parent);
	if (kl->in.ev.type != INPUT_SEQ_START)
		return 1;
	if (!input_enter(&kl->in))
		return 0;
	while ((r = kl_item(kl)) == 1)
		if (!kl_map(kl, p, parent))
			return 0;
	return r == 2;
}

/* Read the value of field f, its first event being current. */
static int
kl_value(struct kload *kl, struct kl_pend *p, int f, struct loc key_loc)
{
	const struct kl_field	*fd = &kl_fields[f];
	const char		*want = kl_want_names[fd->want];
	struct loc		 loc = kl->in.ev.loc;
	enum input_type	 t = kl->in.ev.type;
	int			 pod = fd->pod;

	if (t == INPUT_SCALAR && fd->want == WANT_SCALAR) {
		kl_scalar(kl, p, f, key_loc);
		return 1;
	}
	if (fd->want == WANT_TREE)
		return kl_tree(kl, p, fd->slot);
	if (t == INPUT_MAP_START) {
		switch (fd->want) {
		case WANT_MAP:
			return input_enter(&kl->in) && kl_map(kl, p, f);
		case WANT_ANNOTATIONS:
			return input_enter(&kl->in) && kl_annotations(kl,
			    pod < 0 ? (void *)&p->ann : (void *)&p->pod[pod].ann,
			    fd->path, pod >= 0);
		case WANT_KEYS:
			return input_enter(&kl->in) && kl_keys(kl, p);
		default:
			break;
		}
	}
	if (t == INPUT_SEQ_START) {
		switch (fd->want) {
		case WANT_ITEMS:
			return kl_items(kl, p);
		case WANT_CONTAINERS:
			return input_enter(&kl->in) &&
			    kl_containers(kl, &p->pod[pod],
			    fd->slot == SLOT_INIT);
		default:
			break;
		}
	}
	/* A null mapping or list is an empty one, as to Kubernetes. */
	if (kl_is_null(kl))
		return input_skip(&kl->in);
	/*
	 * XXX A misshapen container list or template metadata is skipped
	 * without a word: its kind is not known yet, and the API server
	 * rejects it anyway.
	 */
	if (fd->samask != 0)
		kl_sa_mark(p, f, SAS_SHAPE, loc, input_found(&kl->in.ev));
	else if (pod >= 0 || fd->want == WANT_CONTAINERS ||
	    fd->want == WANT_KEYS)
		;
	else if (f == F_ITEMS && p->kind.s == NULL) {
		/* Only a List needs items; hold the error till kind. */
		kl->defer = 1;
		kl_error(kl, &loc, "%s: expected %s, found %s", fd->path,
		    want, input_found(&kl->in.ev));
		kl->defer = 0;
	} else if (f != F_ITEMS || kl_ends_with_list(p->kind.s))
		kl_error(kl, &loc, "%s: expected %s, found %s", fd->path,
		    want, input_found(&kl->in.ev));
	return input_skip(&kl->in);
}

/* Keep the scalar of field f; a plain null leaves the field unset. */
static void
kl_scalar(struct kload *kl, struct kl_pend *p, int f, struct loc key_loc)
{
	struct loc		 loc = kl->in.ev.loc;
	const char		*s = kl_scalar_value(kl);
	struct kl_sacand	*c;

	switch (kl_fields[f].slot) {
	case SLOT_KIND:
		p->kind.s = s;
		p->kind.loc = key_loc;
		break;
	case SLOT_API:
		p->api.s = s;
		p->api.loc = loc;
		break;
	case SLOT_NAME:
		p->name.s = s;
		p->name.loc = loc;
		break;
	case SLOT_NS:
		/* An empty namespace means the default one, quoted or not. */
		p->ns.s = s != NULL && *s != '\0' ? s : NULL;
		p->ns.loc = loc;
		break;
	case SLOT_SA:
		c = &p->pod[kl_fields[f].pod].sa;
		c->value = s;
		c->state = s != NULL ? SAS_VALUE : SAS_NONE;
		c->loc = loc;
		break;
	default:
		break;
	}
}

/* Record a problem at field f for each candidate path below it. */
static void
kl_sa_mark(struct kl_pend *p, int f, enum kl_sa_state st, struct loc loc,
    const char *found)
{
	struct kl_sacand	*c;
	size_t			 i;

	for (i = 0; i < SA__MAX; i++) {
		if ((kl_fields[f].samask & (1U << i)) == 0)
			continue;
		c = &p->pod[i].sa;
		c->value = NULL;
		c->state = st;
		c->loc = loc;
		c->path = kl_fields[f].path;
		c->want = kl_want_names[kl_fields[f].want];
		c->found = found;
	}
}

/*
 * Keep the whole value of an eksctl field as a tree, whatever it is:
 * only once the kind is known can its shape be judged (k8s_eksctl.c).
 * The later of two keys wins, as for every field.  The trees live until
 * their document is committed, which copies what it keeps.
 */
static int
kl_tree(struct kload *kl, struct kl_pend *p, enum kl_slot slot)
{
	const struct input_node	*n;
	size_t			 budget = KL_MAX_TREE;

	if ((n = input_tree(&kl->in, &kl->trees, INPUT_NULL_ANY_TAG,
	    &budget)) == NULL)
		return 0;
	if (slot == SLOT_IAM)
		p->eksctl_iam = n;
	else
		p->eksctl_addons = n;
	return 1;
}

/* Keep the keys of data or stringData, the mapping entered. */
static int
kl_keys(struct kload *kl, struct kl_pend *p)
{
	struct input_key	 k;
	int			 r;

	while ((r = input_entry(&kl->in, &k)) == 1) {
		if (k.ok)
			KL_APUSH(kl->a, p->data_keys, arena_strdup(kl->a, k.s));
		if (!input_skip(&kl->in))
			return 0;
	}
	return r == 2;
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
	int		 r;

	if (root->kind.s != NULL && !kl_ends_with_list(root->kind.s))
		return input_skip(&kl->in);
	root->has_items = 1;
	if (!input_enter(&kl->in))
		return 0;
	kl->defer = root->kind.s == NULL;
	while ((r = kl_item(kl)) == 1) {
		/* Items are not roots: their own items are not read. */
		p = kl_pend_new(kl);
		if (!kl_object(kl, p)) {
			r = 0;
			break;
		}
	}
	kl->defer = 0;
	return r == 2;
}

/*
 * An object's mapping has ended: drop it without a kind, pick its pod
 * spec, and queue it; a List root queues its items.
 */
static void
kl_finish(struct kload *kl, struct kl_pend *p)
{
	int	 list;
	size_t	 i;

	if (p->kind.s == NULL) {
		if (p->root) {
			kl_deferred_end(kl, 0);
			kl_pends_clear(kl, 0);
		}
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
		for (i = 0; i < kl->items.n; i++)
			KL_PUSH(kl->objs, kl->items.v[i]);
		kl->items.n = 0;
		return;
	}
	kl_pends_clear(kl, 0);
	KL_PUSH(kl->objs, p);
}

/*
 * Load a stream of Kubernetes manifests.  Input errors become
 * diagnostics; a parse error, too deep a nesting or too many aliases
 * end the file but keep the objects of the documents complete before.
 */
static void
kl_run(struct kload *kl)
{
	struct loc	 loc = { kl->file, 0, 0, 0, 0 };

	kl->lines.max_line = LOAD_MAX_LINE;
	kl->lines.max_size = LOAD_MAX_FILE_SIZE;
	kl->lines.keep = KL_KEEP;
	kl->lines.hook = kl_newline;
	kl->lines.arg = kl;
	/*
	 * Valid JSON has no comments and no helm "# Source:" lines: no
	 * line need be shown to the scanners.
	 */
	if (kl->json != NULL)
		input_open(&kl->in, kl->file, kl->json, kl->jsonlen,
		    INPUT_JSON | INPUT_REPLAY, LOAD_MAX_DEPTH);
	else
		input_open_lines(&kl->in, kl->file, &kl->lines, INPUT_REPLAY,
		    LOAD_MAX_DEPTH);
	while (input_next(&kl->in) && kl->in.ev.type != INPUT_STREAM_END)
		if (kl->in.ev.type == INPUT_DOC_START &&
		    !kl_document(kl))
			break;
	if (kl->in.err.kind != INPUT_OK)
		kl_input_error(kl);
	input_close(&kl->in);
	kl_deferred_end(kl, 0);
	kl_pends_clear(kl, 1);
	comment_finish(kl->m);
	if (kl->lines.too_big)
		diag_error(kl->dg, &loc, "file is larger than %lu MiB",
		    LOAD_MAX_FILE_SIZE / (1024 * 1024));
	if (kl->lines.line_too_long) {
		loc.line = kl->lines.lineno + 1;
		diag_error(kl->dg, &loc, "line longer than %lu MiB; the rest "
		    "of the file is not read", LOAD_MAX_LINE / (1024 * 1024));
	}
	free(kl->deferred.v);
	free(kl->items.v);
	free(kl->objs.v);
	input_lines_release(&kl->lines);
	free(kl->sources.v);
	kl_pool_free(kl, 1);
	arena_release(&kl->trees);
	free(kl->pool.v);
}

/*
 * Is the text to be read by the JSON scanner?  It must start as an
 * object and be at most KL_JSON_MAX long; then a file named *.json is
 * JSON, as kubectl reads it (a trailing comma or an unquoted key is an
 * error), and any other is when it is valid JSON to its end: YAML's
 * flow style starts with a brace too, and libyaml reads it.
 */
static int
kl_json(const char *file, const char *data, size_t len)
{
	struct jscan	 j;
	struct jspan	 sp;
	size_t		 i;

	for (i = 0; i < len && strchr(" \t\r\n", data[i]) != NULL &&
	    data[i] != '\0'; i++)
		continue;
	if (i == len || data[i] != '{' || len > KL_JSON_MAX)
		return 0;
	if (str_has_suffix(file, ".json"))
		return 1;
	jscan_init(&j, data, len, LOAD_MAX_DEPTH);
	return jscan_value(&j, &sp) == 0 && jscan_end(&j) == 0;
}

/* A loader's state for file, into m and dg. */
static void
kl_init(struct kload *kl, struct model *m, struct diags *dg, const char *file)
{
	memset(kl, 0, sizeof(*kl));
	kl->m = m;
	kl->a = m->arena;
	kl->dg = dg;
	kl->file = file;
}

void
load_k8s(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	struct kload	 kl;

	kl_init(&kl, m, dg, file);
	m->nk8s++;
	input_lines_mem(&kl.lines, data, len);
	if (kl_json(file, data, len)) {
		kl.json = data;
		kl.jsonlen = len;
	}
	kl_run(&kl);
}

/*
 * Stream manifests from fp; pre holds the prelen bytes already read
 * from it to tell the format.
 */
void
load_k8s_stream(struct model *m, struct diags *dg, const char *file,
    FILE *fp, const char *pre, size_t prelen)
{
	struct kload	 kl;
	struct buf	 b = BUF_INIT;
	char		 chunk[65536];
	size_t		 i, n;

	/*
	 * JSON is read whole, to be read by the JSON scanner when it is
	 * valid, unless it is larger than KL_JSON_MAX: then a line at a
	 * time, from what was read so far.
	 */
	for (i = 0; i < prelen && strchr(" \t\r\n", pre[i]) != NULL &&
	    pre[i] != '\0'; i++)
		continue;
	if (i < prelen && pre[i] == '{') {
		buf_add(&b, pre, prelen);
		while (b.len <= KL_JSON_MAX &&
		    (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			buf_add(&b, chunk, n);
		if (b.len <= KL_JSON_MAX && !ferror(fp)) {
			load_k8s(m, dg, file, b.buf, b.len);
			buf_release(&b);
			return;
		}
		pre = b.buf;
		prelen = b.len;
	}
	kl_init(&kl, m, dg, file);
	m->nk8s++;
	input_lines_stream(&kl.lines, fp, pre, prelen);
	kl_run(&kl);
	buf_release(&b);
}

size_t
load_k8s_part(struct model *m, struct diags *dg, const char *file, FILE *fp,
    size_t len, unsigned int line_base)
{
	struct kload	 kl;

	kl_init(&kl, m, dg, file);
	input_lines_stream(&kl.lines, fp, NULL, 0);
	kl.lines.limit = len;
	kl.lines.lineno = kl.lines.line_base = line_base;
	kl_run(&kl);
	return kl.ndocs;
}
