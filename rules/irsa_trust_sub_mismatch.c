/* SPDX-License-Identifier: ISC */
/* Flag trust policies whose sub condition does not admit the ServiceAccount. */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "bind.h"
#include "model.h"
#include "policy.h"
#include "rule.h"
#include "strmap.h"
#include "util.h"


static void	check(const struct rule *, struct check_ctx *,
		    const struct binding *);
static const char *values_text(const struct model *,
		    const struct pcond *);
static void	fix_namespace(const struct model *, struct diags *, struct diag *,
		    const struct binding *);

const struct rule rule_irsa_trust_sub_mismatch = {
	.id = "irsa-trust-sub-mismatch",
	.severity = SEV_ERROR,
	.summary = "trust policy's sub condition does not admit the "
	    "ServiceAccount",
	.explain =
	    "A pod's token carries the subject "
	    "system:serviceaccount:<namespace>:<name> of its ServiceAccount, "
	    "and the role's trust policy must admit exactly that string in "
	    "its <issuer>:sub condition.  When the ServiceAccount lives in "
	    "another namespace than the trust names (a chart installed with "
	    "-n, a kustomize namespace override), or has another name (a "
	    "Helm fullnameOverride, a renamed SA), nothing fails at deploy "
	    "time: the pod starts, and its first AWS call fails with "
	    "AccessDenied: \"Not authorized to perform "
	    "sts:AssumeRoleWithWebIdentity\".  The message names the "
	    "closest subject the trust allows and whether the namespace, "
	    "the name or both differ.\n"
	    "Fix: change the ServiceAccount's namespace or name to the one "
	    "the trust allows, or add its subject to the trust's sub "
	    "condition.",
	.check_binding = check
};

/* Does one part of a subject match, under the condition's operator? */
static int
part_matches(const struct pcond *c, const char *pat, size_t patlen,
    const char *s)
{
	char	 buf[512];

	if (patlen >= sizeof(buf))
		return 0;
	memcpy(buf, pat, patlen);
	buf[patlen] = '\0';
	if (c->base == COND_STRING_LIKE)
		return str_like(buf, s);
	return strcmp(buf, s) == 0;
}

/*
 * What differs between the subject v the trust allows and the SA; sets
 * *ns_only when only the namespace does.
 */
static const char *
sub_difference(const struct model *m, const struct binding *b, const char *v,
    int *ns_only)
{
	const struct pcond	*c = b->sub_cond;
	const char		*ns, *name;
	size_t			 nslen;
	int			 ns_ok, name_ok;

	if (!trust_subject_split(v, &ns, &nslen, &name) ||
	    strchr(name, ':') != NULL)
		return arena_printf(m->arena, "which does not match %s",
		    b->sub);
	ns_ok = part_matches(c, ns, nslen, b->ns);
	name_ok = part_matches(c, name, strlen(name), b->sa->name);
	*ns_only = !ns_ok && name_ok;
	if (!ns_ok && name_ok)
		return arena_printf(m->arena, "not namespace %s", b->ns);
	if (ns_ok && !name_ok)
		return arena_printf(m->arena, "not name %s", b->sa->name);
	return arena_printf(m->arena, "not %s", b->sub);
}

/*
 * When only the namespace differs, the trust names it literally and the
 * ServiceAccount sets one, the fix is known: that namespace.
 */
static void
fix_namespace(const struct model *m, struct diags *dg, struct diag *d,
    const struct binding *b)
{
	const struct k8s_obj	*o;
	const struct strmap_val	*v;
	const char		*ns, *p, *name;
	size_t			 len;

	if (b->sa->ns == NULL || b->sa->ns_loc.line == 0 ||
	    !trust_subject_split(b->sub_best, &p, &len, &name) ||
	    strchr(name, ':') != NULL || len == 0)
		return;
	ns = arena_strndup(m->arena, p, len);
	if (strchr(ns, '$') != NULL || (strpbrk(ns, "*?") != NULL &&
	    b->sub_cond->base != COND_STRING_EQUALS))
		return;
	if (part_matches(b->sub_cond, p, len, b->ns) ||
	    !part_matches(b->sub_cond, name, strlen(name), b->sa->name))
		return;
	/*
	 * A fix offers every edit it needs or none: moving the
	 * ServiceAccount would leave behind the workloads of its namespace
	 * that run as it, so then there is none.
	 */
	for (v = strmap_get(&m->runs_as, arena_printf(m->arena, "%s/%s",
	    b->ns, b->sa->name)); v != NULL; v = v->next) {
		o = v->v;
		if (k8s_kind_is_workload(o->kind))
			return;
	}
	diag_fix_scalar(dg, d, &b->sa->ns_loc, b->sa->ns, ns,
	    arena_printf(m->arena, "move the ServiceAccount to namespace %s",
	    ns));
}

/*
 * The values of c as a phrase: "a", "a or b", "a, b or 2 more".
 */
static const char *
values_text(const struct model *m, const struct pcond *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 i, n = 0;

	for (i = 0; i < c->values.n; i++) {
		if (c->values.v[i] == NULL)
			continue;
		if (n == 3) {
			buf_addf(&b, " or %zu more", c->values.n - i);
			break;
		}
		buf_addf(&b, "%s%s", n == 0 ? "" : i + 1 == c->values.n ?
		    " or " : ", ", c->values.v[i]);
		n++;
	}
	s = arena_strdup(m->arena, n > 0 ? b.buf : "(values known only "
	    "after apply)");
	buf_release(&b);
	return s;
}

static void
check(const struct rule *r, struct check_ctx *ctx, const struct binding *b)
{
	const struct model	*m = ctx->m;
	struct diags	*dg = ctx->dg;

	const struct pcond	*c = b->sub_cond;
	const char		*v = b->sub_best, *more = "", *op = "";
	const char		*lit = "", *unset = "", *diff;
	int			 ns_only = 0;
	struct diag		*d;

	if (b->verdict != TRI_FALSE || b->closest == NULL ||
	    (b->fail & FAIL_SUB) == 0)
		return;
	if (c->base >= COND_ARN_EQUALS && c->base <= COND_ARN_NOT_LIKE) {
		d = rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s tests sub with %s, which compares ARNs part by part; "
		    "the subject %s is not an ARN, so it never matches: use "
		    "StringEquals or StringLike", bind_trust_name(m, b,
		    b->closest), c->op, b->sub);
		rule_trust_note(dg, d, b->role, c->origin,
		    "the sub condition");
		return;
	}
	if (b->sa->ns == NULL)
		unset = arena_printf(m->arena, "; the ServiceAccount sets no "
		    "namespace, so it was taken to be %s (see -n)", b->ns);
	if (v == NULL) {
		/* No value is near: say what the trust requires. */
		d = rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
		    "%s requires sub %s (%s), which does not admit %s%s",
		    bind_trust_name(m, b, b->closest), values_text(m, c),
		    c->op, b->sub, unset);
		rule_trust_note(dg, d, b->role, c->origin,
		    "the sub condition");
		return;
	}
	if (c->values.n > 1)
		more = arena_printf(m->arena, "closest of %zu subjects",
		    c->values.n);
	if (c->base != COND_STRING_EQUALS || c->flags != 0)
		op = c->op;
	else if (strpbrk(v, "*?") != NULL)
		lit = "; '*' and '?' are literal characters under StringEquals, "
		    "use StringLike for a pattern";
	diff = sub_difference(m, b, b->sub_best, &ns_only);
	/* Only the assumed namespace is wrong: irsa-sa-namespace-unset. */
	if (ns_only && b->sa->ns == NULL)
		return;
	if (*op != '\0' || *more != '\0')
		v = arena_printf(m->arena, "%s (%s%s%s)", v, op,
		    *op != '\0' && *more != '\0' ? ", " : "", more);
	d = rule_report(dg, r, r->severity, m, b, &b->ann->key_loc,
	    "%s allows %s, %s%s%s", bind_trust_name(m, b, b->closest), v,
	    diff, lit, unset);
	rule_trust_note(dg, d, b->role, c->origin, "the sub condition");
	fix_namespace(m, dg, d, b);
}
