/* SPDX-License-Identifier: ISC */
/*
 * The expression evaluator of the Terraform sources loader: an HCL
 * expression and the names in scope to a value, as Terraform would
 * compute it, or an unknown that says what it is waiting for.  What a
 * name such as var.x or aws_iam_role.app stands for is the caller's to
 * say (struct tf_env's lookup); everything else is here: literals,
 * templates, operators, conditionals, for expressions, splats, indexes
 * and function calls.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"

#include "tf_src.h"

static struct tfv	*eval1(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_template(struct tf_ev *, const struct tf_env *,
			    const struct hcl_template *, const struct tf_at *);
static struct tfv	*ev_tuple(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_object(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_call(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_for(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_cond(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_op(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_trav(struct tf_ev *, const struct tf_env *,
			    const struct hcl_expr *);
static struct tfv	*ev_steps(struct tf_ev *, const struct tf_env *,
			    struct tfv *, const struct hcl_step *, size_t,
			    const struct tf_at *);
static struct tfv	*ev_index(struct tf_ev *, struct tfv *,
			    struct tfv *, const struct tf_at *);
static struct tfv	*ev_attr(struct tf_ev *, struct tfv *, const char *,
			    const struct tf_at *);
static const struct tf_at *at_of(struct tf_ev *, const struct tf_env *,
			    const struct hcl_range *);
static struct tfv	*str_of(struct tf_ev *, struct tfv *,
			    const struct tf_at *, const char *);

static const struct tf_at *
at_of(struct tf_ev *ev, const struct tf_env *env, const struct hcl_range *r)
{
	struct tf_at	*at;

	at = arena_alloc(ev->arena, sizeof(*at));
	at->file = env->file;
	at->range = *r;
	return at;
}

/* v as a string for a template or an operand; what else is an error. */
static struct tfv *
str_of(struct tf_ev *ev, struct tfv *v, const struct tf_at *at,
    const char *what)
{
	const char	*s;
	size_t		 len;

	if (v->kind == TFV_UNKNOWN || v->kind == TFV_STRING)
		return v;
	if (v->kind == TFV_NULL)
		return tf_error(ev, at, "%s is null, which a string cannot "
		    "hold", what);
	if (tfv_to_string(ev, v, &s, &len) == -1)
		return tf_error(ev, at, "%s is a %s, not a string", what,
		    tfv_kind_name(v));
	return tfv_str(ev, s, len);
}

/* The names a for expression or a template's %{for} binds. */
static const struct tf_env *
bind2(struct tf_ev *ev, const struct tf_env *env, const char *k,
    struct tfv *kv, const char *v, struct tfv *vv)
{
	struct tf_env	*e;
	struct tf_scope	*s;

	e = arena_alloc(ev->arena, sizeof(*e));
	*e = *env;
	s = arena_alloc(ev->arena, 2 * sizeof(*s));
	s[0].name = v;
	s[0].val = vv;
	s[0].next = env->scope;
	if (k != NULL) {
		s[1].name = k;
		s[1].val = kv;
		s[1].next = &s[0];
		e->scope = &s[1];
	} else
		e->scope = &s[0];
	return e;
}

static struct tfv *
ev_template(struct tf_ev *ev, const struct tf_env *env,
    const struct hcl_template *t, const struct tf_at *at)
{
	const struct hcl_part	*p;
	struct buf		 b = BUF_INIT;
	struct tfv		*v, *c, **unk = NULL, *coll;
	const struct tf_env	*e;
	size_t			 i, j, nunk = 0;
	int			 yes;

	/* "${x}" alone is x itself, not x as a string. */
	if (t->nparts == 1 && t->parts[0].kind == HCL_PART_INTERP)
		return tf_eval(ev, env, t->parts[0].expr);
	unk = arena_alloc(ev->arena, (t->nparts + 1) * sizeof(*unk));
	for (i = 0; i < t->nparts; i++) {
		p = &t->parts[i];
		v = NULL;
		switch (p->kind) {
		case HCL_PART_LITERAL:
			buf_add(&b, p->text, p->len);
			continue;
		case HCL_PART_INTERP:
			v = str_of(ev, tf_eval(ev, env, p->expr),
			    at_of(ev, env, &p->expr->range), "an interpolation");
			break;
		case HCL_PART_IF:
			c = tf_eval(ev, env, p->expr);
			if (c->kind == TFV_UNKNOWN) {
				v = c;
				break;
			}
			if (tfv_to_bool(c, &yes) == -1) {
				v = tf_error(ev, at_of(ev, env, &p->expr->range),
				    "the %%{if} condition is a %s, not a bool",
				    tfv_kind_name(c));
				break;
			}
			v = ev_template(ev, env, yes ? &p->then : &p->els, at);
			v = str_of(ev, v, at, "a directive");
			break;
		case HCL_PART_FOR:
			coll = tf_eval(ev, env, p->expr);
			if (coll->kind == TFV_UNKNOWN) {
				v = coll;
				break;
			}
			if (coll->kind != TFV_LIST && coll->kind != TFV_MAP) {
				v = tf_error(ev, at_of(ev, env, &p->expr->range),
				    "%%{for} needs a list or a map, not a %s",
				    tfv_kind_name(coll));
				break;
			}
			for (j = 0; j < coll->n && !ev->over; j++) {
				e = bind2(ev, env, p->key, coll->kind ==
				    TFV_MAP ? tfv_strz(ev, coll->k[j]) :
				    tfv_num(ev, (double)j), p->value,
				    coll->v[j]);
				c = str_of(ev, ev_template(ev, e, &p->then, at),
				    at, "a directive");
				if (c->kind == TFV_UNKNOWN) {
					v = c;
					break;
				}
				buf_add(&b, c->s, c->len);
			}
			if (ev->over)
				v = tf_stopped(ev);
			break;
		}
		if (v == NULL)
			continue;
		if (v->kind == TFV_UNKNOWN)
			unk[nunk++] = v;
		else
			buf_add(&b, v->s, v->len);
		if (tf_spend(ev, 1)) {
			buf_release(&b);
			return tf_over(ev, at);
		}
		if (b.len > TF_MAX_STRING) {
			buf_release(&b);
			return tf_error(ev, at, "a string longer than %lu MiB",
			    TF_MAX_STRING >> 20);
		}
	}
	if (nunk > 0) {
		v = tfv_unknown_of(ev, unk, nunk);
		v->flags |= TFV_USTR;	/* a template makes a string */
		/* What follows the last unknown part is known: ":sub". */
		for (i = t->nparts; i > 0 &&
		    t->parts[i - 1].kind == HCL_PART_LITERAL; i--)
			continue;
		if (i < t->nparts && i > 0) {
			buf_reset(&b);
			for (j = i; j < t->nparts; j++)
				buf_add(&b, t->parts[j].text, t->parts[j].len);
			v->s = arena_strndup(ev->arena, b.buf, b.len);
			v->len = b.len;
		}
	} else
		v = tfv_str(ev, b.buf != NULL ? b.buf : "", b.len);
	buf_release(&b);
	return v;
}

static struct tfv *
ev_tuple(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	struct tfv	*v;
	size_t		 i;

	v = tfv_list(ev, x->u.tuple.n, 0);
	for (i = 0; i < x->u.tuple.n; i++)
		v->v[i] = tf_eval(ev, env, x->u.tuple.v[i]);
	return v;
}

static struct tfv *
ev_object(struct tf_ev *ev, const struct tf_env *env,
    const struct hcl_expr *x)
{
	const struct hcl_item	*it;
	struct tfv		**vals, *k, *u;
	const char		**keys, *s;
	size_t			 i, n = 0, len;

	keys = arena_alloc(ev->arena, (x->u.object.n + 1) * sizeof(*keys));
	vals = arena_alloc(ev->arena, (x->u.object.n + 1) * sizeof(*vals));
	for (i = 0; i < x->u.object.n; i++) {
		it = &x->u.object.v[i];
		if (it->key_name != NULL)
			s = it->key_name;
		else {
			k = tf_eval(ev, env, it->key);
			if (k->kind == TFV_UNKNOWN && (k->flags & TFV_ERROR))
				return k;
			if (k->kind == TFV_UNKNOWN) {
				u = tfv_unknown(ev, k->why, k->at);
				u->flags |= TFV_UKEY;
				u->json_of = tf_eval(ev, env, it->value);
				keys[n] = arena_printf(ev->arena, "\001%zu\001%s", i,
				    k->s != NULL ? k->s : "");
				vals[n++] = u;
				continue;
			}
			if (tfv_to_string(ev, k, &s, &len) == -1)
				return tf_error(ev, at_of(ev, env,
				    &it->key->range), "an object key is a %s, "
				    "not a string", tfv_kind_name(k));
		}
		keys[n] = s;
		vals[n++] = tf_eval(ev, env, it->value);
	}
	return tfv_map(ev, keys, vals, n);
}

/*
 * try() and can() see errors as values, so their arguments are
 * evaluated here, one at a time; every other function gets its
 * arguments evaluated.  A try() whose argument is unknown is unknown:
 * the argument may succeed once known, and its fallback is no better
 * a guess than any other value.
 */
static struct tfv *
ev_call(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	const struct hcl_call	*c = &x->u.call;
	struct tf_call		 call;
	struct tfv		*v, *last;
	const struct tf_at	*at = at_of(ev, env, &x->range);
	size_t			 i, n;

	if (strcmp(c->name, "try") == 0 || strcmp(c->name, "can") == 0) {
		if (c->nargs == 0 || (c->name[0] == 'c' && c->nargs != 1))
			return tf_error(ev, at, "%s: expects %s argument%s, "
			    "got %zu", c->name, c->name[0] == 'c' ? "one" :
			    "at least one", c->name[0] == 'c' ? "" : "s",
			    c->nargs);
		v = NULL;
		for (i = 0; i < c->nargs; i++) {
			ev->quiet++;
			v = tf_eval(ev, env, c->args[i]);
			ev->quiet--;
			if (c->name[0] == 'c') {
				if (v->kind == TFV_UNKNOWN &&
				    !(v->flags & TFV_ERROR))
					return v;
				return tfv_bool(ev, tfv_first_unknown(v) ==
				    NULL || !(tfv_first_unknown(v)->flags &
				    TFV_ERROR));
			}
			if (v->kind == TFV_UNKNOWN && (v->flags & TFV_ERROR))
				continue;
			return v;
		}
		return tf_error(ev, at, "try: no argument could be "
		    "evaluated; the last error: %s", v->why);
	}
	n = c->nargs;
	last = NULL;
	if (c->expand && n > 0) {
		last = tf_eval(ev, env, c->args[n - 1]);
		if (last->kind == TFV_UNKNOWN)
			return last;
		if (last->kind != TFV_LIST)
			return tf_error(ev, at, "%s: the argument before "
			    "\"...\" is a %s, not a list", c->name,
			    tfv_kind_name(last));
		n = n - 1 + last->n;
	}
	call.name = c->name;
	call.nargs = n;
	call.at = at;
	call.args = arena_alloc(ev->arena, (n + 1) * sizeof(*call.args));
	call.arg_at = arena_alloc(ev->arena, (n + 1) * sizeof(*call.arg_at));
	for (i = 0; i < c->nargs - (last != NULL); i++) {
		call.args[i] = tf_eval(ev, env, c->args[i]);
		call.arg_at[i] = at_of(ev, env, &c->args[i]->range);
	}
	for (; last != NULL && i < n; i++) {
		call.args[i] = last->v[i - (c->nargs - 1)];
		call.arg_at[i] = at_of(ev, env, &c->args[c->nargs - 1]->range);
	}
	/* An error in an argument was said where it was made. */
	for (i = 0; i < n; i++)
		if (call.args[i]->kind == TFV_UNKNOWN &&
		    (call.args[i]->flags & TFV_ERROR))
			return call.args[i];
	if (env->call != NULL && (v = env->call(ev, env, &call)) != NULL)
		return v;
	if ((v = tf_func(ev, &call)) != NULL)
		return v;
	return tfv_unknown(ev, arena_printf(ev->arena, "%s(), a function "
	    "irsalint does not evaluate", c->name), at);
}

static struct tfv *
ev_for(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	const struct hcl_for	*f = &x->u.forx;
	const struct tf_env	*e;
	struct tfv		*coll, *c, *k, *v, *out, **vals, *kv, *g;
	const char		**keys, *s;
	size_t			 i, n = 0, len, j;
	int			 yes;

	coll = tf_eval(ev, env, f->coll);
	if (coll->kind == TFV_UNKNOWN)
		return coll;
	if (coll->kind != TFV_LIST && coll->kind != TFV_MAP)
		return tf_error(ev, at_of(ev, env, &f->coll->range),
		    "a for expression needs a list, a set or a map, not a %s",
		    tfv_kind_name(coll));
	keys = arena_alloc(ev->arena, (coll->n + 1) * sizeof(*keys));
	vals = arena_alloc(ev->arena, (coll->n + 1) * sizeof(*vals));
	for (i = 0; i < coll->n && !ev->over; i++) {
		if (coll->kind == TFV_MAP)
			kv = tfv_strz(ev, coll->k[i]);
		else if (coll->flags & TFV_SET)
			kv = coll->v[i];
		else
			kv = tfv_num(ev, (double)i);
		e = bind2(ev, env, f->key, kv, f->value, coll->v[i]);
		if (f->cond != NULL) {
			c = tf_eval(ev, e, f->cond);
			if (c->kind == TFV_UNKNOWN)
				return c;
			if (tfv_to_bool(c, &yes) == -1)
				return tf_error(ev, at_of(ev, env,
				    &f->cond->range), "the for expression's "
				    "if is a %s, not a bool", tfv_kind_name(c));
			if (!yes)
				continue;
		}
		if (f->object) {
			k = tf_eval(ev, e, f->kexpr);
			if (k->kind == TFV_UNKNOWN)
				return k;
			if (tfv_to_string(ev, k, &s, &len) == -1)
				return tf_error(ev, at_of(ev, env,
				    &f->kexpr->range), "a for expression's "
				    "key is a %s, not a string",
				    tfv_kind_name(k));
			keys[n] = s;
		}
		vals[n++] = tf_eval(ev, e, f->vexpr);
	}
	/* Never a list cut short: past the budget nothing is known. */
	if (ev->over)
		return tf_over(ev, at_of(ev, env, &x->range));
	if (!f->object) {
		out = tfv_list(ev, n, 0);
		memcpy(out->v, vals, n * sizeof(*vals));
		return out;
	}
	if (!f->group) {
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (strcmp(keys[i], keys[j]) == 0)
					return tf_error(ev, at_of(ev, env,
					    &f->kexpr->range), "the for "
					    "expression gives key \"%s\" "
					    "twice; add \"...\" to group "
					    "the values", keys[i]);
		return tfv_map(ev, keys, vals, n);
	}
	/* Grouping: each key's values as a list, in order. */
	out = tfv_map(ev, keys, vals, n);
	for (i = 0; i < out->n; i++) {
		for (j = 0, len = 0; j < n; j++)
			len += strcmp(keys[j], out->k[i]) == 0;
		g = tfv_list(ev, len, 0);
		for (j = 0, len = 0; j < n; j++)
			if (strcmp(keys[j], out->k[i]) == 0)
				g->v[len++] = vals[j];
		out->v[i] = g;
	}
	v = out;
	return v;
}

static struct tfv *
ev_cond(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	struct tfv	*c;
	int		 yes;

	c = tf_eval(ev, env, x->u.cond.cond);
	if (c->kind == TFV_UNKNOWN)
		return c;
	if (tfv_to_bool(c, &yes) == -1)
		return tf_error(ev, at_of(ev, env, &x->u.cond.cond->range),
		    "the condition is a %s, not a bool", tfv_kind_name(c));
	return tf_eval(ev, env, yes ? x->u.cond.then : x->u.cond.els);
}

static struct tfv *
ev_op(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	const struct hcl_opx	*o = &x->u.op;
	struct tfv		*a = NULL, *b, *both[2];
	const struct tf_at	*at = at_of(ev, env, &o->op_range);
	double			 p = 0, q;
	int			 ba = 0, bb;

	b = tf_eval(ev, env, o->rhs);
	if (o->lhs != NULL)
		a = tf_eval(ev, env, o->lhs);
	both[0] = a != NULL ? a : b;
	both[1] = b;
	if (o->op == HCL_OP_EQ || o->op == HCL_OP_NE) {
		/*
		 * Values of two kinds are never equal, known or not inside:
		 * [aws_iam_policy.x.arn] != null is true before apply.
		 */
		if (a->kind != TFV_UNKNOWN && b->kind != TFV_UNKNOWN &&
		    (a->kind != b->kind || ((a->kind == TFV_LIST ||
		    a->kind == TFV_MAP) && a->n != b->n)))
			return tfv_bool(ev, o->op == HCL_OP_NE);
		if (!tfv_known(a) || !tfv_known(b))
			return tfv_unknown_of(ev, both, 2);
		return tfv_bool(ev, (tfv_cmp(a, b) == 0 &&
		    (a->kind != TFV_NUMBER || a->num == b->num)) ==
		    (o->op == HCL_OP_EQ));
	}
	if (b->kind == TFV_UNKNOWN || (a != NULL && a->kind == TFV_UNKNOWN))
		return tfv_unknown_of(ev, both, 2);
	switch (o->op) {
	case HCL_OP_NOT:
	case HCL_OP_AND:
	case HCL_OP_OR:
		if (tfv_to_bool(b, &bb) == -1 ||
		    (a != NULL && tfv_to_bool(a, &ba) == -1))
			return tf_error(ev, at, "%s needs bools",
			    hcl_op_name(o->op));
		if (o->op == HCL_OP_NOT)
			return tfv_bool(ev, !bb);
		return tfv_bool(ev, o->op == HCL_OP_AND ? ba && bb : ba || bb);
	default:
		break;
	}
	if (tfv_to_number(b, &q) == -1 ||
	    (a != NULL && tfv_to_number(a, &p) == -1))
		return tf_error(ev, at, "%s needs numbers, not %s",
		    hcl_op_name(o->op), tfv_kind_name(tfv_to_number(b, &q) ==
		    -1 ? b : a));
	switch (o->op) {
	case HCL_OP_NEG:
		return tfv_num(ev, -q);
	case HCL_OP_MUL:
		return tfv_num(ev, p * q);
	case HCL_OP_DIV:
		if (q == 0)
			return tf_error(ev, at, "division by zero");
		return tfv_num(ev, p / q);
	case HCL_OP_MOD:
		if (q == 0)
			return tf_error(ev, at, "modulo by zero");
		return tfv_num(ev, fmod(p, q));
	case HCL_OP_ADD:
		return tfv_num(ev, p + q);
	case HCL_OP_SUB:
		return tfv_num(ev, p - q);
	case HCL_OP_GT:
		return tfv_bool(ev, p > q);
	case HCL_OP_GE:
		return tfv_bool(ev, p >= q);
	case HCL_OP_LT:
		return tfv_bool(ev, p < q);
	case HCL_OP_LE:
		return tfv_bool(ev, p <= q);
	default:
		break;
	}
	return tf_error(ev, at, "operator %s is not evaluated",
	    hcl_op_name(o->op));
}

/* m.name: a map's element; an open instance's unwritten argument. */
static struct tfv *
ev_attr(struct tf_ev *ev, struct tfv *m, const char *name,
    const struct tf_at *at)
{
	struct tfv	*v;

	if (m->kind == TFV_UNKNOWN)
		return m;
	if (m->kind == TFV_MAP) {
		if ((v = tfv_get(m, name)) != NULL)
			return v;
		if (m->flags & TFV_OPEN) {
			v = tfv_unknown(ev, arena_printf(ev->arena,
			    "%s.%s", m->why, name), at);
			/* What the provider computes as text, by its name. */
			if (strcmp(name, "arn") == 0 || strcmp(name, "id") == 0 ||
			    strcmp(name, "name") == 0 ||
			    strcmp(name, "unique_id") == 0 ||
			    strcmp(name, "url") == 0 ||
			    strcmp(name, "account_id") == 0 ||
			    strcmp(name, "partition") == 0 ||
			    strcmp(name, "json") == 0)
				v->flags |= TFV_USTR;
			return v;
		}
		return tf_error(ev, at, "no attribute \"%s\" here; the "
		    "object has %s%s%s", name, m->n > 0 ? m->k[0] : "none",
		    m->n > 1 ? ", " : "", m->n > 1 ? m->k[1] : "");
	}
	if (m->kind == TFV_NULL)
		return tf_error(ev, at, "attribute \"%s\" of a null value",
		    name);
	return tf_error(ev, at, "attribute \"%s\" of a %s", name,
	    tfv_kind_name(m));
}

/* c[k] */
static struct tfv *
ev_index(struct tf_ev *ev, struct tfv *c, struct tfv *k,
    const struct tf_at *at)
{
	struct tfv	*both[2] = { c, k };
	const char	*s;
	size_t		 len;
	double		 d;

	if (k->kind == TFV_UNKNOWN)
		return tfv_unknown_of(ev, both, 2);
	if (c->kind == TFV_UNKNOWN)
		return c;
	if (c->kind == TFV_LIST) {
		if (c->flags & TFV_SET)
			return tf_error(ev, at, "a set has no indexes; "
			    "convert it with tolist()");
		if (tfv_to_number(k, &d) == -1 || d != floor(d))
			return tf_error(ev, at, "a list's index must be a "
			    "whole number, not a %s", tfv_kind_name(k));
		if (d < 0 || d >= (double)c->n)
			return tf_error(ev, at, "index %s is out of range: "
			    "the list has %zu element%s", tfv_num_text(ev, d),
			    c->n, c->n == 1 ? "" : "s");
		return c->v[(size_t)d];
	}
	if (c->kind == TFV_MAP) {
		if (tfv_to_string(ev, k, &s, &len) == -1)
			return tf_error(ev, at, "a map's key must be a "
			    "string, not a %s", tfv_kind_name(k));
		return ev_attr(ev, c, s, at);
	}
	return tf_error(ev, at, "a %s cannot be indexed", tfv_kind_name(c));
}

/* Apply steps to v; after a splat the rest applies to each element. */
static struct tfv *
ev_steps(struct tf_ev *ev, const struct tf_env *env, struct tfv *v,
    const struct hcl_step *st, size_t n, const struct tf_at *at0)
{
	const struct tf_at	*at;
	struct tfv		*out, *k, *l;
	size_t			 i, j, end;

	for (i = 0; i < n; i++) {
		at = at_of(ev, env, &st[i].range);
		switch (st[i].kind) {
		case HCL_STEP_ATTR:
			v = ev_attr(ev, v, st[i].name, at);
			break;
		case HCL_STEP_LEGACY:
			v = ev_index(ev, v, tfv_num(ev, strtod(st[i].name,
			    NULL)), at);
			break;
		case HCL_STEP_INDEX:
			k = tf_eval(ev, env, st[i].index);
			v = ev_index(ev, v, k, at);
			break;
		case HCL_STEP_SPLAT_ATTR:
		case HCL_STEP_SPLAT_FULL:
			/* The steps the splat applies to each element. */
			for (end = i + 1; end < n; end++) {
				if (st[end].kind == HCL_STEP_SPLAT_ATTR ||
				    st[end].kind == HCL_STEP_SPLAT_FULL)
					break;
				if (st[i].kind == HCL_STEP_SPLAT_ATTR &&
				    st[end].kind != HCL_STEP_ATTR)
					break;
			}
			if (v->kind == TFV_UNKNOWN)
				return v;
			if (v->kind == TFV_NULL)
				l = tfv_list(ev, 0, 0);
			else if (v->kind != TFV_LIST) {
				l = tfv_list(ev, 1, 0);
				l->v[0] = v;
			} else
				l = v;
			out = tfv_list(ev, l->n, 0);
			for (j = 0; j < l->n; j++)
				out->v[j] = ev_steps(ev, env, l->v[j],
				    st + i + 1, end - i - 1, at0);
			v = out;
			i = end - 1;
			break;
		}
		if (v->kind == TFV_UNKNOWN && (v->flags & TFV_ERROR))
			return v;
	}
	return v;
}

static struct tfv *
ev_trav(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	const struct hcl_trav	*t = &x->u.trav;
	const struct tf_scope	*s;
	const struct tf_at	*at = at_of(ev, env, &x->range);
	struct tfv		*v;
	size_t			 used = 0;

	if (x->kind == HCL_EXPR_RELATIVE) {
		v = tf_eval(ev, env, t->base);
		return ev_steps(ev, env, v, t->steps, t->nsteps, at);
	}
	for (s = env->scope; s != NULL; s = s->next)
		if (strcmp(s->name, t->root) == 0)
			return ev_steps(ev, env, s->val, t->steps, t->nsteps,
			    at);
	if (env->lookup == NULL ||
	    (v = env->lookup(ev, env, t, at, &used)) == NULL)
		return tf_error(ev, at, "unknown name \"%s\"", t->root);
	if (used >= t->nsteps)	/* no steps left (steps may be NULL) */
		return v;
	return ev_steps(ev, env, v, t->steps + used, t->nsteps - used, at);
}

/* Past the budget: say so once, at the first place it shows. */
struct tfv *
tf_over(struct tf_ev *ev, const struct tf_at *at)
{
	if (ev->over_said)
		return tf_stopped(ev);
	ev->over_said = 1;
	if (ev->over_memory)
		return tf_error(ev, at, "evaluation stopped here: its values "
		    "took more than %zu MiB, so nothing after this is "
		    "evaluated", (TF_MAX_MEMORY + ev->extra_memory) >> 20);
	return tf_error(ev, at, "evaluation stopped here: more than %lu "
	    "steps, so nothing after this is evaluated",
	    TF_MAX_WORK + ev->extra_work);
}

/* What any evaluation is once the budget is spent (said once). */
struct tfv *
tf_stopped(struct tf_ev *ev)
{
	struct tfv	*v;

	v = tfv_unknown(ev, "an evaluation stopped at its budget", NULL);
	v->flags |= TFV_ERROR;
	return v;
}

/*
 * The value of x; a value too large to write out is an error here,
 * where it is made, so that nothing downstream meets one.
 */
struct tfv *
tf_eval(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	struct tfv		*v;
	const struct tfv	*u;

	v = eval1(ev, env, x);
	/* A string made here is placed here, for the notes of findings. */
	if (v->kind == TFV_STRING && v->at == NULL && x != NULL)
		v->at = at_of(ev, env, &x->range);
	if (v->kind != TFV_LIST && v->kind != TFV_MAP)
		return v;
	/* An error anywhere inside is the value's: as Terraform stops. */
	if ((u = tfv_first_unknown(v)) != NULL && (u->flags & TFV_ERROR))
		return (struct tfv *)u;
	if (tfv_size(v) > TF_MAX_SIZE)
		return tf_error(ev, at_of(ev, env, &x->range), "this value "
		    "has more than %lu elements written out, more than any "
		    "configuration needs", TF_MAX_SIZE);
	return v;
}

static struct tfv *
eval1(struct tf_ev *ev, const struct tf_env *env, const struct hcl_expr *x)
{
	const struct tf_at	*at;
	struct tfv		*v;
	size_t			 len;

	if (x == NULL)
		return tfv_null(ev);
	if (tf_spend(ev, 1) || ev->over)
		return tf_over(ev, at_of(ev, env, &x->range));
	switch (x->kind) {
	case HCL_EXPR_INVALID:
		v = tfv_unknown(ev, "a syntax error", NULL);
		v->flags |= TFV_ERROR;
		return v;
	case HCL_EXPR_LITERAL:
		if (x->u.lit.kind == HCL_LIT_NULL)
			return tfv_null(ev);
		if (x->u.lit.kind == HCL_LIT_BOOL)
			return tfv_bool(ev, x->u.lit.b);
		return tfv_num(ev, strtod(x->u.lit.text, NULL));
	case HCL_EXPR_TEMPLATE:
		if (hcl_expr_string(x, &len) != NULL)
			return tfv_str(ev, hcl_expr_string(x, &len), len);
		at = at_of(ev, env, &x->range);
		return ev_template(ev, env, &x->u.tmpl.body, at);
	case HCL_EXPR_TUPLE:
		return ev_tuple(ev, env, x);
	case HCL_EXPR_OBJECT:
		return ev_object(ev, env, x);
	case HCL_EXPR_CALL:
		return ev_call(ev, env, x);
	case HCL_EXPR_FOR:
		return ev_for(ev, env, x);
	case HCL_EXPR_COND:
		return ev_cond(ev, env, x);
	case HCL_EXPR_UNARY:
	case HCL_EXPR_BINARY:
		return ev_op(ev, env, x);
	case HCL_EXPR_TRAVERSAL:
	case HCL_EXPR_RELATIVE:
		return ev_trav(ev, env, x);
	case HCL_EXPR_PAREN:
		return tf_eval(ev, env, x->u.paren);
	}
	return tfv_null(ev);
}
