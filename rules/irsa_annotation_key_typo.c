/* SPDX-License-Identifier: ISC */
/* Flag annotation keys a few typos away from those the webhook reads. */
#include <ctype.h>
#include <string.h>

#include "bind.h"
#include "model.h"
#include "rule.h"
#include "util.h"

#define KEY_DOMAIN	"eks.amazonaws.com"

static void	check(const struct rule *, struct check_ctx *,
		    const struct k8s_obj *);

const struct rule rule_irsa_annotation_key_typo = {
	.id = "irsa-annotation-key-typo",
	.severity = SEV_ERROR,
	.summary = "annotation key is a misspelt eks.amazonaws.com key",
	.explain =
	    "The pod identity webhook looks up its annotations by exact "
	    "key.  eks.amazonaws.com/role_arn, eks.amazonaws.com/rolearn or "
	    "eks.amazon.com/role-arn are ordinary annotations to Kubernetes: "
	    "the ServiceAccount is accepted, the webhook finds no role, and "
	    "the pods run with the node's instance role or no credentials "
	    "at all, without any error.  The same holds for the audience, "
	    "sts-regional-endpoints, token-expiration and skip-containers "
	    "keys.\n"
	    "Fix: spell the key exactly as in the message.",
	.check_object = check
};

static const char *const known[] = {
	ANN_ROLE_ARN, ANN_AUDIENCE, K8S_ANN_STS_REGIONAL, K8S_ANN_TOKEN_EXP,
	K8S_ANN_SKIP
};

/* Lowercase letters and digits only: role_arn, roleArn -> rolearn. */
static void
squash(const char *s, size_t n, char *out, size_t outlen)
{
	size_t	 j = 0;

	for (; n > 0 && *s != '\0'; s++, n--)
		if (isalnum((unsigned char)*s) && j + 1 < outlen)
			out[j++] = (char)tolower((unsigned char)*s);
	out[j] = '\0';
}

#define NKNOWN	(sizeof(known) / sizeof(known[0]))

/*
 * The known keys squashed, whole and after the slash: made once a run,
 * at the first key that is not one of them (most objects have only
 * eks.amazonaws.com/role-arn).  The rules run on one thread.
 */
struct squashed {
	int	 ready;
	char	 full[NKNOWN][64];
	char	 name[NKNOWN][64];
};

/* One annotation key, squashed once for every known key. */
struct cand {
	char	 all[256];	/* the whole key */
	char	 name[256];	/* after the last slash */
	int	 slash;		/* has one */
	int	 dom_near;	/* its domain within 4 edits of eks... */
	int	 dom_exact;	/* ...or it exactly */
};

static void
cand_init(struct cand *c, const char *key)
{
	const char	*slash = strrchr(key, '/');
	char		 dom[256];
	size_t		 dl;

	squash(key, strlen(key), c->all, sizeof(c->all));
	c->slash = slash != NULL;
	c->dom_near = c->dom_exact = 0;
	c->name[0] = '\0';
	if (slash == NULL)
		return;
	dl = (size_t)(slash - key);
	if (dl >= sizeof(dom))
		return;
	memcpy(dom, key, dl);
	dom[dl] = '\0';
	if (edit_distance(dom, KEY_DOMAIN, 4) > 4)
		return;
	c->dom_near = 1;
	c->dom_exact = strcmp(dom, KEY_DOMAIN) == 0;
	squash(slash + 1, strlen(slash + 1), c->name, sizeof(c->name));
}

/*
 * Is the key of c a misspelling of known key k?  Either both squash to
 * the same letters, or the domain is within a few edits of
 * eks.amazonaws.com and the name after the slash within one or two of
 * k's (or a cut-off prefix of it, as in eks.amazonaws.com/role).
 */
static int
is_typo(const struct cand *c, const struct squashed *sq, size_t k)
{
	const char	*b = sq->name[k];
	size_t		 max;

	if (strcmp(c->all, sq->full[k]) == 0)
		return 1;
	if (!c->slash)
		return strcmp(c->all, b) == 0;
	if (!c->dom_near)
		return 0;
	if (strcmp(c->name, b) == 0)
		return 1;
	max = strlen(b) >= 8 ? 2 : 1;
	if (edit_distance(c->name, b, max) <= max)
		return 1;
	return c->dom_exact && strlen(c->name) >= 4 &&
	    strncmp(c->name, b, strlen(c->name)) == 0;
}

static void
check_list(const struct rule *r, struct check_ctx *ctx,
    const struct k8s_obj *o, const struct kv_pos *ann, size_t n,
    struct squashed *sq)
{
	struct cand	 c;
	size_t		 i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < NKNOWN; j++)
			if (strcmp(ann[i].key, known[j]) == 0)
				break;
		if (j < NKNOWN)
			continue;
		if (!sq->ready) {
			for (j = 0; j < NKNOWN; j++) {
				squash(known[j], strlen(known[j]),
				    sq->full[j], sizeof(sq->full[j]));
				squash(strchr(known[j], '/') + 1,
				    strlen(known[j]), sq->name[j],
				    sizeof(sq->name[j]));
			}
			sq->ready = 1;
		}
		cand_init(&c, ann[i].key);
		for (j = 0; j < NKNOWN; j++)
			if (is_typo(&c, sq, j))
				break;
		if (j == NKNOWN)
			continue;
		rule_report_obj(ctx->dg, r, r->severity, ctx->m, o,
		    &ann[i].key_loc, "annotation key %s is not %s, so the "
		    "webhook ignores it: write %s", ann[i].key, known[j],
		    known[j]);
	}
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct k8s_obj *o)
{
	static struct squashed	 sq;

	check_list(r, ctx, o, o->annotations, o->nannotations, &sq);
	check_list(r, ctx, o, o->more->tmpl_annotations,
	    o->more->ntmpl_annotations, &sq);
}
