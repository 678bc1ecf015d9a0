/* SPDX-License-Identifier: ISC */
/*
 * Internal to the Kubernetes loader (load_k8s.c, k8s_pod.c,
 * k8s_eksctl.c, k8s_commit.c): the state of one load and the records an object
 * yields before its document is complete.  Nothing else includes it.
 */
#ifndef K8S_H
#define K8S_H

#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "input.h"
#include "model.h"
#include "xalloc.h"

/* Grow a heap vector by one item. */
#define KL_PUSH(vec, item) do {						\
	if ((vec).n == (vec).cap) {					\
		(vec).cap = (vec).cap ? (vec).cap * 2 : 8;		\
		(vec).v = xreallocarray((vec).v, (vec).cap,		\
		    sizeof(*(vec).v));					\
	}								\
	(vec).v[(vec).n++] = (item);					\
} while (0)

/* Grow an arena vector by one item; the old array stays in the arena. */
#define KL_APUSH(a, vec, item) do {					\
	if ((vec).n == (vec).cap) {					\
		void	*nv_;						\
		(vec).cap = (vec).cap ? (vec).cap * 2 : 4;		\
		nv_ = arena_alloc((a), (vec).cap * sizeof(*(vec).v));	\
		if ((vec).n > 0)					\
			memcpy(nv_, (vec).v, (vec).n * sizeof(*(vec).v)); \
		(vec).v = nv_;						\
	}								\
	(vec).v[(vec).n++] = (item);					\
} while (0)

#define KL_VEC(type)	struct { type *v; size_t n, cap; }

/* The three places a pod spec can stand. */
enum kl_sa {
	SA_POD,		/* spec */
	SA_TEMPLATE,	/* spec.template.spec */
	SA_CRONJOB,	/* spec.jobTemplate.spec.template.spec */
	SA__MAX
};

/* A scalar the loader kept, in the arena. */
struct kl_str {
	const char	*s;
	struct loc	 loc;
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
	SAS_SHAPE	/* path names the node, found what it is */
};

struct kl_sacand {
	enum kl_sa_state	 state;
	const char		*value;
	struct loc		 loc;
	const char		*path;
	const char		*want;
	const char		*found;
};

/* What one candidate pod spec, and its template's metadata, yield. */
struct kl_pod {
	struct kl_sacand		 sa;
	KL_VEC(struct k8s_container)	 cont;
	KL_VEC(struct kv_pos)		 ann;
};

/* A duplicate key of a tracked field. */
struct kl_dup {
	const char	*path;		/* of the field */
	int		 pod;		/* its enum kl_sa, or -1 */
	struct loc	 loc, first;
};

/* A stray key; pod is the candidate pod spec, -1 for the object. */
struct kl_stray {
	struct k8s_key	 k;
	int		 pod;
};

/*
 * The nodes an eksctl ClusterConfig's iam or addons may have, at most:
 * hundreds of times what a real one has, and a bound on what a hostile
 * one makes the loader keep.
 */
#define KL_MAX_TREE	100000
/*
 * The entries of eksctl ClusterConfigs read from one file, at most:
 * aliases can repeat an entry many times in few bytes, and each makes
 * roles, ServiceAccounts or add-ons that live as long as the model.
 */
#define KL_MAX_EKSCTL	100000

/* ---- ACK and Crossplane objects (k8s_iam.c) ---- */

/* Where a key kl_iam_key() is shown stands. */
enum kl_at {
	KL_AT_OTHER,
	KL_AT_TOP,		/* the object's own keys */
	KL_AT_META,		/* metadata */
	KL_AT_SPEC		/* spec */
};

/* The trust policies a kind may hold, by where. */
enum kl_tslot {
	KT_ACK,		/* spec.assumeRolePolicyDocument */
	KT_FP,		/* spec.forProvider.assumeRolePolicy */
	KT_FP_DOC,	/* spec.forProvider.assumeRolePolicyDocument */
	KT_INIT,	/* spec.initProvider.assumeRolePolicy */
	KT_STATUS,	/* status.atProvider.assumeRolePolicy */
	KT__MAX
};

/*
 * A trust policy written in a string, read as the string goes by: the
 * places of its principals and conditions in the file are known only
 * while its lines are at hand.
 */
struct kl_trust {
	int		 set;		/* the key is there */
	const char	*path;		/* spec.forProvider.assumeRolePolicy */
	struct loc	 key_loc;
	struct loc	 loc;		/* the value */
	const char	*found;		/* not a string: what it is */
	const char	*text;		/* the JSON text, else NULL */
	struct policy	*policy;	/* parsed, or NULL */
	const char	*error;		/* why not */
	int		 not_json;	/* error is the JSON's */
	struct loc	 error_loc;
	struct loc	*origins;	/* pcond.origin, pstmt.origin - 1 */
	size_t		 norigins;
};

/*
 * What an object of an IAM kind yields before its kind is known: the
 * keys read of its spec, status and labels as trees (arena), bounded
 * by a budget of nodes.  Problems wait for the kind, as duplicates do.
 */
struct kl_iam {
	struct input_node	*spec;		/* a mapping, or NULL */
	struct input_node	*status;
	struct input_node	*labels;
	struct kl_trust		 trust[KT__MAX];
	const char		*addr;		/* what it declares */
	int			 started;
	size_t			 budget;	/* nodes left */
	int			 over;		/* some values were not read */
	struct loc		 over_loc;
	KL_VEC(struct kl_dup)	 dups;
};

/* One object being read. */
struct kl_pend {
	int			 has_loc;
	struct loc		 loc;		/* first key */
	struct kl_str		 kind;		/* loc: the key */
	struct kl_str		 api;
	struct kl_str		 name;
	struct kl_str		 ns;
	KL_VEC(struct kv_pos)	 ann;
	struct kl_pod		 pod[SA__MAX];
	int			 chosen;	/* pod spec the kind selects */
	KL_VEC(struct kl_stray)	 stray;		/* on the heap */
	KL_VEC(struct kl_dup)	 dups;
	KL_VEC(const char *)	 data_keys;
	const struct input_node	*eksctl_iam;	/* eksctl: iam, whole, */
	const struct input_node	*eksctl_addons;	/* addons, in kl->trees */
	int			 root;		/* of a document: may be a List */
	int			 has_items;	/* items was a sequence */
	struct kl_iam		 iam;
};

/* An error held back until we know whether a root is a List. */
struct kl_deferred {
	struct loc	 loc;
	char		*msg;
};

/* A "# Source: <path>" line of helm template output. */
struct kl_source {
	unsigned int	 line;
	const char	*path;
	struct loc	 loc;
};

struct kload {
	struct model	*m;
	struct arena	*a;		/* the model's */
	struct diags	*dg;
	const char	*file;
	struct input_lines lines;	/* the text, a line at a time, or */
	const char	*json;		/* valid JSON, in memory, read by the
					   JSON scanner (kl_json()) */
	size_t		 jsonlen;
	size_t		 jsonoff;	/* kl_scalar_raw()'s cursor: where */
	unsigned int	 jsonline;	/* this line starts */
	struct input	 in;		/* its events */
	unsigned int	 lineno;	/* of the line being scanned */
	/*
	 * The pending records of the current document, on the heap: the
	 * model keeps their strings and vectors (arena), not the records,
	 * so they are freed once the document is committed.
	 */
	struct {
		struct kl_pend	**v;
		size_t		  n, cap;
		size_t		  kept;	/* allocated: v[n..kept) are free */
	}		 pool;
	size_t		 ndocs;
	int		 defer;		/* hold errors back */
	unsigned int	 prev_line;	/* in.last_line of the last document */
	/*
	 * The current document's source, copied: sources is on the heap
	 * and grows as lines are read, ahead of the document's end.
	 */
	struct kl_source source;
	int		 has_source;
	struct arena	 trees;		/* the document's eksctl trees */
	size_t		 neksctl;	/* eksctl entries read */
	size_t		 src_next;	/* first source not yet passed */
	const char	*src_path;	/* the last source's path (arena) */
	size_t		 src_pathlen;
	KL_VEC(struct kl_source) sources;	/* on the heap: objects copy
						   what they keep of one */
	struct {
		struct kl_deferred	*v;
		size_t			 n, cap;
	}		 deferred;
	struct {
		struct kl_pend	**v;
		size_t		  n, cap;
	}		 items, objs;	/* of the root; of the document */
};

/*
 * The text kept of the last lines, for places inside a trust string:
 * IAM takes trusts of at most 4,096 characters not counting blanks, and
 * written out in YAML, indented, one is some times that; a longer
 * string keeps its own place.  Every byte read is copied once into the
 * window, which stays small enough (twice this and a block) to be
 * written in the processor's cache.
 */
#define KL_KEEP		(128 * 1024)

/*
 * A Kubernetes file that is valid JSON and at most this large is read
 * whole and by the JSON scanner; larger ones, and JSON with a mistake
 * (whose messages are libyaml's), a line at a time by libyaml.
 */
#define KL_JSON_MAX	(64UL * 1024 * 1024)

/* k8s_read.c: the reading primitives every piece uses. */
void		 kl_error(struct kload *, const struct loc *, const char *,
		    ...) __attribute__((format(printf, 3, 4)));
int		 kl_item(struct kload *);
const char	*kl_scalar_dup(struct kload *);
const char	*kl_scalar_value(struct kload *);
const char	*kl_scalar_raw(struct kload *, size_t *);
int		 kl_is_null(const struct kload *);
int		 kl_annotations(struct kload *, void *, const char *, int);

/* k8s_commit.c: from pending records to the model. */
void		 kl_finish_sa(struct kload *, struct kl_pend *);
void		 kl_commit(struct kload *);

/* k8s_pod.c: containers, env and envFrom. */
int		 kl_containers(struct kload *, struct kl_pod *, int);

/*
 * k8s_iam.c: the fields ACK and Crossplane kinds read.  kl_iam_key()
 * reads the value of key k at where when it is one (1, or 0 on an
 * error of the input); -1 leaves it to the caller.
 */
int		 kl_iam_key(struct kload *, struct kl_pend *, enum kl_at,
		    const struct input_key *);
const struct input_node *kl_iget(const struct input_node *, const char *);
const char	*kl_igroup(const char *api);
const char	*kl_istr(struct kload *, const struct input_node *,
		    const char *, const char *);
size_t		 kl_icount(struct kload *, const struct input_node *,
		    enum input_node_type, const char *, const char *);
const char	**kl_istrs(struct kload *, const struct input_node *,
		    const char *, const char *, size_t *);
void		 kl_itrust(struct kload *, struct kl_pend *,
		    struct iam_role *, enum kl_tslot, int);
void		 kl_iam_finish(struct kload *, struct kl_pend *,
		    struct k8s_obj *);
const char	*kl_iname(struct kload *, const struct k8s_obj *, int);

/* k8s_ack.c, k8s_xp.c: an object of their kinds into the model. */
int		 kl_commit_ack(struct kload *, struct kl_pend *,
		    struct k8s_obj *);
int		 kl_commit_xp(struct kload *, struct kl_pend *,
		    struct k8s_obj *);

/*
 * k8s_eksctl.c: what an eksctl ClusterConfig declares, from its iam
 * and addons: roles, ServiceAccounts, the OIDC provider, Pod Identity
 * associations and add-ons.
 */
void		 kl_commit_eksctl(struct kload *, struct kl_pend *);

#endif /* K8S_H */
