/* SPDX-License-Identifier: ISC */
/*
 * Graphviz: the IRSA wiring as a picture.  ServiceAccounts point to the
 * roles they name, roles to the OIDC providers their trust federates.
 * A link with findings is red and labeled with the rules that fired;
 * an annotation that names no known role points to a dashed node
 * holding the ARN as written.  Unlike the other reporters this one
 * reads the model and the engine's bindings, because a picture also
 * needs what is right; it draws the bindings the rules judged rather
 * than binding again, so that the two always agree.
 */
#include <stdio.h>
#include <string.h>

#include "bind.h"
#include "buf.h"
#include "diag.h"
#include "model.h"
#include "report.h"
#include "rule.h"
#include "util.h"

#define RED	"#c62828"

static void	dot_str(struct buf *, const char *);
static void	dot_rules(struct buf *, const struct diags *,
		    const struct report_opts *, const struct k8s_obj *,
		    const struct model *, const char *);
static void	dot_trust(struct buf *, const struct model *, size_t);

/* A DOT quoted string; "\n" in s is written as a line break. */
static void
dot_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		if (*s == '\n')
			buf_adds(b, "\\n");
		else if ((unsigned char)*s >= 0x20)
			buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/*
 * The ids of the listed findings about a ServiceAccount (or, when sa is
 * NULL, about the Terraform address), joined by newlines.
 */
static void
dot_rules(struct buf *b, const struct diags *dg, const struct report_opts *o,
    const struct k8s_obj *sa, const struct model *m, const char *address)
{
	const struct diag	*d;
	size_t			 i;

	for (i = 0; i < dg->n; i++) {
		d = dg->v[i];
		if (d->rule == NULL || !report_listed(d, o))
			continue;
		if (sa != NULL && (d->obj.kind == NULL ||
		    strcmp(d->obj.kind, "ServiceAccount") != 0 ||
		    strcmp(d->obj.name, sa->name) != 0 || d->obj.ns == NULL ||
		    strcmp(d->obj.ns, k8s_obj_ns(m, sa)) != 0))
			continue;
		if (sa == NULL && (d->obj.kind != NULL || d->address == NULL ||
		    strcmp(d->address, address) != 0))
			continue;
		if (strstr(b->buf, d->rule->id) != NULL)
			continue;
		if (b->len > 0)
			buf_addc(b, '\n');
		buf_adds(b, d->rule->id);
	}
}

/* Edges from role ri to every provider its trust federates. */
static void
dot_trust(struct buf *b, const struct model *m, size_t ri)
{
	const struct iam_role		*r = m->roles.v[ri];
	const struct oidc_provider	*p;
	const struct oidc_principal	*op;
	size_t				 i, j, k;

	if (r->trust == NULL)
		return;
	for (i = 0; i < r->trust->n; i++)
		for (j = 0; j < r->trust->st[i].federated.n; j++) {
			if (r->trust->st[i].federated.v[j] == NULL ||
			    !(op = model_oidc(m,
			    r->trust->st[i].federated.v[j]))->valid)
				continue;
			for (k = 0; k < m->providers.n; k++) {
				p = m->providers.v[k];
				if ((p->arn != NULL && strcmp(p->arn,
				    r->trust->st[i].federated.v[j]) == 0) ||
				    (p->url != NULL &&
				    strcmp(p->url, op->oa.issuer) == 0)) {
					buf_addf(b, "  r%zu -> p%zu;\n", ri, k);
					break;
				}
			}
		}
}

void
report_dot(FILE *fp, const struct model *m, const struct bindings *bs,
    const struct diags *dg, const struct report_opts *o)
{
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	const struct binding	*bd;
	const struct k8s_obj	*sa;
	size_t			 i, nsa = 0;

	buf_adds(&b, "digraph irsalint {\n  rankdir=LR;\n"
	    "  node [fontname=\"Helvetica\", fontsize=10];\n"
	    "  edge [fontname=\"Helvetica\", fontsize=9];\n");
	for (i = 0; i < m->providers.n; i++) {
		buf_reset(&t);
		buf_addf(&t, "%s\n%s", m->providers.v[i]->address,
		    m->providers.v[i]->url != NULL ? m->providers.v[i]->url :
		    "(url known after apply)");
		buf_addf(&b, "  p%zu [shape=box, style=\"rounded,filled\", "
		    "fillcolor=\"#eeeeee\", label=", i);
		dot_str(&b, t.buf);
		buf_adds(&b, "];\n");
	}
	for (i = 0; i < m->roles.n; i++) {
		buf_reset(&t);
		dot_rules(&t, dg, o, NULL, m, m->roles.v[i]->address);
		buf_addf(&b, "  r%zu [shape=ellipse%s, label=", i,
		    t.len > 0 ? ", color=\"" RED "\", fontcolor=\"" RED "\"" :
		    "");
		buf_reset(&t);
		buf_addf(&t, "%s\n%s", m->roles.v[i]->address,
		    m->roles.v[i]->name != NULL ? m->roles.v[i]->name :
		    "(name known after apply)");
		dot_rules(&t, dg, o, NULL, m, m->roles.v[i]->address);
		dot_str(&b, t.buf);
		buf_adds(&b, "];\n");
		dot_trust(&b, m, i);
	}
	for (i = 0; i < bs->n; i++) {
		bd = &bs->v[i];
		sa = bd->sa;
		buf_reset(&t);
		buf_addf(&t, "ServiceAccount\n%s/%s", k8s_obj_ns(m, sa),
		    sa->name);
		buf_addf(&b, "  s%zu [shape=box, label=", nsa);
		dot_str(&b, t.buf);
		buf_adds(&b, "];\n");
		buf_reset(&t);
		dot_rules(&t, dg, o, sa, m, NULL);
		if (bd->role == NULL) {
			buf_addf(&b, "  a%zu [shape=box, style=dashed, "
			    "color=\"" RED "\", fontcolor=\"" RED "\", label=",
			    nsa);
			dot_str(&b, bd->ann->value);
			buf_addf(&b, "];\n  s%zu -> a%zu", nsa, nsa);
		} else
			buf_addf(&b, "  s%zu -> r%zu", nsa, bd->role->index);
		if (t.len > 0) {
			buf_adds(&b, " [color=\"" RED "\", fontcolor=\"" RED
			    "\", penwidth=2, label=");
			dot_str(&b, t.buf);
			buf_addc(&b, ']');
		}
		buf_adds(&b, ";\n");
		if (bd->role == NULL && bd->near != NULL)
			buf_addf(&b, "  a%zu -> r%zu [style=dotted, "
			    "label=\"did you mean\"];\n", nsa, bd->near->index);
		nsa++;
	}
	buf_adds(&b, "}\n");
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&t);
	buf_release(&b);
}
