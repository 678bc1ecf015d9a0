/* SPDX-License-Identifier: ISC */
/*
 * Roles that several inputs describe.  An IAM role is its account,
 * path and name (IAM names are unique regardless of case): the same
 * role declared by two inputs (two Terraform roots, Terraform and ACK,
 * ACK and Crossplane) or declared and also observed (AWS CLI output)
 * is one role, whatever each input calls it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "load.h"
#include "model.h"
#include "strmap.h"
#include "xalloc.h"

static const char	*role_key(const struct model *,
			    const struct iam_role *);
static int		 same_object(const struct iam_role *,
			    const struct iam_role *);
static void		 merge_group(struct model *, struct iam_role **,
			    size_t, unsigned char *);

/*
 * "partition:account:path:name" with the name in lower case, or NULL
 * when the role's name or account is not known: such a role may be
 * any, so it is never taken for another.
 */
static const char *
role_key(const struct model *m, const struct iam_role *r)
{
	const char	*part, *acct;
	char		*k, *p;

	if (r->name == NULL || r->name_unknown ||
	    !model_role_account(m, r, &part, &acct))
		return NULL;
	k = arena_printf(m->arena, "%s:%s:%s:%s", part, acct, r->path,
	    r->name);
	for (p = k + strlen(k) - strlen(r->name); *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

/*
 * Two descriptions of one object of one input kind: a plan and the
 * state of one configuration, list-roles and get-role output of one
 * role.  Neither declares the role twice.
 */
static int
same_object(const struct iam_role *a, const struct iam_role *b)
{
	return a->src == b->src && a->address != NULL && b->address != NULL &&
	    strcmp(a->address, b->address) == 0;
}

/*
 * The roles g[0..n-1] are one.  The first declaration is the one
 * ServiceAccounts are bound to; later declarations point at it.  The
 * first observation merges into it, giving the ARN it lacks; without
 * a declaration, observations of one ARN are one role.  Roles merged
 * away are marked in gone, by index.
 */
static void
merge_group(struct model *m, struct iam_role **g, size_t n,
    unsigned char *gone)
{
	struct iam_role	*decl = NULL, *obs = NULL;
	struct strmap	 seen;
	const char	*k;
	size_t		 i;

	/* Declarations by kind of input and address, seen once each. */
	strmap_init(&seen);
	for (i = 0; i < n; i++) {
		if (g[i]->src == SRC_AWS_CLI)
			continue;
		k = g[i]->address == NULL ? NULL : arena_printf(m->arena,
		    "%d %s", (int)g[i]->src, g[i]->address);
		if (k != NULL && strmap_get(&seen, k) != NULL)
			continue;
		if (k != NULL)
			strmap_add_kept(&seen, m->arena, k, g[i]);
		if (decl == NULL)
			decl = g[i];
		else
			g[i]->dup_of = decl;
	}
	strmap_release(&seen);
	for (i = 0; i < n; i++) {
		if (g[i]->src != SRC_AWS_CLI)
			continue;
		if (obs == NULL) {
			obs = g[i];
			if (decl == NULL)
				continue;
			decl->observed = obs;
			if (decl->arn == NULL)
				decl->arn = obs->arn;
			gone[obs->index] = 1;
			continue;
		}
		/* Another page of the same output: one role. */
		if (!same_object(obs, g[i]))
			continue;
		if (obs->trust == NULL && g[i]->trust != NULL && decl == NULL) {
			obs->policy_json = g[i]->policy_json;
			obs->trust = g[i]->trust;
			obs->policy_unknown = 0;
		}
		gone[g[i]->index] = 1;
	}
}

void
load_roles_merge(struct model *m)
{
	struct strmap		 by;
	const struct strmap_val	*v, *w;
	struct iam_role		**g;
	unsigned char		*gone, *done;
	const char		**keys;
	size_t			 i, j, n;

	if (m->roles.n < 2)
		return;
	strmap_init(&by);
	keys = xreallocarray(NULL, m->roles.n, sizeof(*keys));
	gone = xcalloc(m->roles.n, 1);
	done = xcalloc(m->roles.n, 1);
	g = xreallocarray(NULL, m->roles.n, sizeof(*g));
	for (i = 0; i < m->roles.n; i++) {
		if ((keys[i] = role_key(m, m->roles.v[i])) != NULL)
			strmap_add_kept(&by, m->arena, keys[i],
			    m->roles.v[i]);
	}
	for (i = 0; i < m->roles.n; i++) {
		if (keys[i] == NULL || done[i])
			continue;
		v = strmap_get(&by, keys[i]);
		for (n = 0, w = v; w != NULL; w = w->next) {
			g[n] = w->v;
			done[g[n++]->index] = 1;
		}
		if (n > 1)
			merge_group(m, g, n, gone);
	}
	for (i = j = 0; i < m->roles.n; i++)
		if (!gone[i]) {
			m->roles.v[j] = m->roles.v[i];
			m->roles.v[j]->index = j;
			j++;
		}
	m->roles.n = j;
	free(g);
	free(done);
	free(gone);
	free(keys);
	strmap_release(&by);
}
