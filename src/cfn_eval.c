/* SPDX-License-Identifier: ISC */
/*
 * The CloudFormation loader's evaluator: intrinsic functions (Ref,
 * Fn::Sub, Fn::Join, Fn::If, Fn::Select, Fn::Split, Fn::GetAtt), the
 * Conditions they test and the Mappings of Fn::FindInMap, as far as the
 * template alone decides them.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cfn.h"
#include "diag.h"
#include "load.h"
#include "policy.h"
#include "strmap.h"
#include "util.h"

static struct cn	*ev_unknown(struct cfn *, const struct cn *,
			    const char *, const char *);
static struct cn	*ev_fn(struct cfn *, const struct cn *, int);
static struct cn	*ev_ref(struct cfn *, const struct cn *,
			    const char *);
static struct cn	*ev_sub(struct cfn *, const struct cn *, int);
static struct cn	*ev_join(struct cfn *, const struct cn *, int);
static struct cn	*ev_if(struct cfn *, const struct cn *, int);
static struct cn	*ev_find_in_map(struct cfn *, const struct cn *, int);
static enum tri		 cond_expr(struct cfn *, const struct cn *, int);
static struct cn	*ev_select(struct cfn *, const struct cn *, int);
static struct cn	*ev_split(struct cfn *, const struct cn *, int);
static struct cn	*ev_bad(struct cfn *, const struct cn *, const char *);
static struct cn	*ev_text(struct cfn *, const struct cn *, struct buf *,
			    const char *);
static int		 text_add(struct buf *, const struct cn *);
static int		 text_long(struct cfn *, const struct cn *,
			    struct buf *);

/*
 * An unknown value at n, depending on why (recorded once, for the
 * message that says what could not be checked).  text, when not NULL,
 * is what is known of a string, with CFN_UNKNOWN for the rest.
 */
static struct cn *
ev_unknown(struct cfn *c, const struct cn *n, const char *why,
    const char *text)
{
	struct cn	*u = cn_new(c, CN_UNKNOWN, &n->loc);
	const char	*p;
	size_t		 len = strlen(why);

	u->why = arena_strdup(&c->a, why);
	u->str = text;
	if (len == 0)
		return u;
	/* A message need not quote a thousand names; nor search them. */
	if (c->whys.len >= CFN_MAX_WHYS) {
		if (!str_has_suffix(c->whys.buf, ", ..."))
			buf_adds(&c->whys, ", ...");
		return u;
	}
	for (p = c->whys.buf; (p = strstr(p, why)) != NULL; p += len)
		if ((p == c->whys.buf || p[-1] == ' ') &&
		    (p[len] == ',' || p[len] == '\0'))
			return u;
	buf_addf(&c->whys, "%s%s", c->whys.len > 0 ? ", " : "", why);
	return u;
}

/* A copy of n in the evaluated tree, with intrinsics replaced. */
struct cn *
ev_node(struct cfn *c, const struct cn *n, int depth)
{
	struct cn	*d, *k, **tail;
	const struct cn	*s;

	if (depth > LOAD_MAX_DEPTH)
		return ev_unknown(c, n, "nesting too deep", NULL);
	/* Over the bound, all is unknown: the error says why. */
	if (c->over)
		return ev_unknown(c, n, "a template too large to evaluate",
		    NULL);
	if (n->type == CN_MAP && n->kids != NULL && n->kids->next == NULL &&
	    (strcmp(n->kids->key, "Ref") == 0 ||
	    strncmp(n->kids->key, "Fn::", 4) == 0))
		return ev_fn(c, n->kids, depth);
	d = cn_new(c, n->type, &n->loc);
	*d = *n;
	d->kids = d->next = NULL;
	tail = &d->kids;
	for (s = n->kids; s != NULL; s = s->next) {
		k = ev_node(c, s, depth + 1);
		if (k->type == CN_NOVALUE)
			continue;
		k->key = s->key;
		k->key_loc = s->key_loc;
		*tail = k;
		tail = &k->next;
	}
	return d;
}

/* A malformed intrinsic: CloudFormation rejects the template. */
static struct cn *
ev_bad(struct cfn *c, const struct cn *fn, const char *shape)
{
	diag_error(c->dg, &fn->key_loc, "CloudFormation template: %s: "
	    "expected %s", fn->key, shape);
	return ev_unknown(c, fn, fn->key, NULL);
}

/* fn is the one entry of an intrinsic's mapping: its key names it. */
static struct cn *
ev_fn(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*a;
	const char	*dot;

	if (strcmp(fn->key, "Ref") == 0) {
		if (fn->type != CN_STR)
			return ev_bad(c, fn, "a name");
		return ev_ref(c, fn, fn->str);
	}
	if (strcmp(fn->key, "Fn::GetAtt") == 0) {
		if (fn->type == CN_STR && (dot = strchr(fn->str, '.')) != NULL)
			return ev_unknown(c, fn, arena_printf(&c->a,
			    "Fn::GetAtt %s", fn->str), NULL);
		a = fn->kids;
		if (fn->type != CN_SEQ || a == NULL || a->next == NULL ||
		    a->type != CN_STR || a->next->type != CN_STR)
			return ev_bad(c, fn, "[resource, attribute]");
		return ev_unknown(c, fn, arena_printf(&c->a,
		    "Fn::GetAtt %s.%s", a->str, a->next->str), NULL);
	}
	if (strcmp(fn->key, "Fn::Sub") == 0)
		return ev_sub(c, fn, depth);
	if (strcmp(fn->key, "Fn::Join") == 0)
		return ev_join(c, fn, depth);
	if (strcmp(fn->key, "Fn::If") == 0)
		return ev_if(c, fn, depth);
	if (strcmp(fn->key, "Fn::Select") == 0)
		return ev_select(c, fn, depth);
	if (strcmp(fn->key, "Fn::Split") == 0)
		return ev_split(c, fn, depth);
	if (strcmp(fn->key, "Fn::FindInMap") == 0)
		return ev_find_in_map(c, fn, depth);
	/* Fn::ImportValue, Fn::GetAZs, ...: not modelled. */
	return ev_unknown(c, fn, fn->key, NULL);
}

/*
 * Ref: a parameter's Default, or the name of a role or cluster of this
 * template when that is written out.  Pseudo parameters other than
 * AWS::NoValue are unknown.
 */
static struct cn *
ev_ref(struct cfn *c, const struct cn *at, const char *name)
{
	const struct strmap_val	*v;
	const struct cn		*p, *def, *type, *nm = NULL;
	const struct cfn_res	*r;
	struct cn		*d, *k, **tail;
	const char		*s, *comma;

	if (strcmp(name, "AWS::NoValue") == 0)
		return cn_new(c, CN_NOVALUE, &at->loc);
	if (strncmp(name, "AWS::", 5) == 0)
		return ev_unknown(c, at, name, NULL);
	if ((v = strmap_get(&c->param_by_name, name)) != NULL) {
		p = v->v;
		def = cn_get(p, "Default");
		type = cn_get(p, "Type");
		if (def == NULL || def->type == CN_NULL)
			return ev_unknown(c, at, arena_printf(&c->a,
			    "parameter %s", name), NULL);
		if (type != NULL && type->type == CN_STR &&
		    strncmp(type->str, "AWS::SSM::", 10) == 0)
			return ev_unknown(c, at, arena_printf(&c->a,
			    "parameter %s (read from SSM)", name), NULL);
		if (def->type != CN_STR)
			return ev_unknown(c, at, arena_printf(&c->a,
			    "parameter %s", name), NULL);
		d = cn_new(c, CN_STR, &def->loc);
		d->str = def->str;
		if (type == NULL || type->type != CN_STR ||
		    (strcmp(type->str, "CommaDelimitedList") != 0 &&
		    strncmp(type->str, "List<", 5) != 0))
			return d;
		/* A list parameter: its Default is comma-separated. */
		d->type = CN_SEQ;
		d->str = NULL;
		tail = &d->kids;
		for (s = def->str; !c->over; s = comma + 1) {
			k = cn_new(c, CN_STR, &def->loc);
			comma = strchr(s, ',');
			k->str = comma != NULL ? arena_strndup(&c->a, s,
			    (size_t)(comma - s)) : s;
			*tail = k;
			tail = &k->next;
			if (comma == NULL)
				break;
		}
		return d;
	}
	if ((r = cfn_find(c, name)) != NULL) {
		if (r->type != NULL && strcmp(r->type, "AWS::IAM::Role") == 0)
			nm = cn_get(r->props, "RoleName");
		else if (r->type != NULL &&
		    strcmp(r->type, "AWS::EKS::Cluster") == 0)
			nm = cn_get(r->props, "Name");
		if (nm != NULL && nm->type == CN_STR) {
			d = cn_new(c, CN_STR, &at->loc);
			d->str = nm->str;
			return d;
		}
		return ev_unknown(c, at, arena_printf(&c->a, "Ref %s", name),
		    NULL);
	}
	diag_error(c->dg, &at->loc, "CloudFormation template: Ref %s names "
	    "no parameter or resource", name);
	return ev_unknown(c, at, arena_printf(&c->a, "Ref %s", name), NULL);
}

/*
 * Append a string part to b: the text of a string, or what is known of
 * an unknown one.  Returns 0 for a value that is not a string.
 */
static int
text_add(struct buf *b, const struct cn *v)
{
	if (v->type == CN_STR)
		buf_adds(b, v->str);
	else if (v->type == CN_UNKNOWN && v->str != NULL)
		buf_adds(b, v->str);
	else if (v->type == CN_UNKNOWN)
		buf_addc(b, CFN_UNKNOWN);
	else
		return 0;
	return 1;
}

/*
 * Whether the string b being built for fn is longer than any template
 * can mean; if so, says so and releases b.
 */
static int
text_long(struct cfn *c, const struct cn *fn, struct buf *b)
{
	if (b->len <= CFN_MAX_TEXT)
		return 0;
	diag_error(c->dg, &fn->key_loc, "CloudFormation template: %s: "
	    "the value expands to more than %lu KiB", fn->key,
	    CFN_MAX_TEXT / 1024);
	buf_release(b);
	return 1;
}

/* The string b as a value: unknown if any part of it is. */
static struct cn *
ev_text(struct cfn *c, const struct cn *at, struct buf *b, const char *why)
{
	struct cn	*v;

	if (why != NULL)
		v = ev_unknown(c, at, why, arena_strdup(&c->a, b->buf));
	else {
		v = cn_new(c, CN_STR, &at->loc);
		v->str = arena_strdup(&c->a, b->buf);
	}
	buf_release(b);
	return v;
}

/* A variable of Fn::Sub's map, evaluated when first used. */
struct sub_var {
	const struct cn	*src;
	struct cn	*val;
};

/*
 * Fn::Sub: "${Name}" is a variable of the optional map, else a Ref;
 * "${Res.Attr}" a GetAtt; "${!Literal}" the text "${Literal}".  The
 * variables are found through a hash map and each is evaluated once,
 * however often the template names it.
 */
static struct cn *
ev_sub(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn		*tpl = fn, *vars = NULL, *k;
	const struct strmap_val	*var;
	struct strmap		 vm;
	struct sub_var		*sv;
	struct buf		 b = BUF_INIT;
	struct cn		*v, *ret = NULL;
	const char		*s, *end, *why = NULL;
	char			*name;

	if (fn->type == CN_SEQ) {
		tpl = fn->kids;
		vars = tpl != NULL ? tpl->next : NULL;
	}
	if (tpl == NULL || tpl->type != CN_STR ||
	    (vars != NULL && vars->type != CN_MAP))
		return ev_bad(c, fn, "a string or [string, {variables}]");
	strmap_init(&vm);
	for (k = vars != NULL ? vars->kids : NULL; k != NULL; k = k->next) {
		sv = arena_alloc(&c->a, sizeof(*sv));
		sv->src = k;
		sv->val = NULL;
		strmap_add(&vm, &c->a, k->key, sv);
	}
	for (s = tpl->str; *s != '\0' && ret == NULL; s = end + 1) {
		if (s[0] != '$' || s[1] != '{' ||
		    (end = strchr(s, '}')) == NULL) {
			buf_addc(&b, *s);
			end = s;
			continue;
		}
		if (s[2] == '!') {
			buf_add(&b, "${", 2);
			end = s + 2;
			continue;
		}
		name = arena_strndup(&c->a, s + 2, (size_t)(end - s - 2));
		if ((var = strmap_get(&vm, name)) != NULL) {
			sv = var->v;
			if (sv->val == NULL)
				sv->val = ev_node(c, sv->src, depth + 1);
			v = sv->val;
		} else if (strchr(name, '.') != NULL &&
		    strncmp(name, "AWS::", 5) != 0)
			v = ev_unknown(c, fn, arena_printf(&c->a,
			    "Fn::GetAtt %s", name), NULL);
		else
			v = ev_ref(c, fn, name);
		if (v->type == CN_UNKNOWN && why == NULL)
			why = v->why;
		if (!text_add(&b, v)) {
			buf_release(&b);
			ret = ev_bad(c, fn, arena_printf(&c->a, "${%s} to be "
			    "a string", name));
		} else if (text_long(c, fn, &b))
			ret = ev_unknown(c, fn, fn->key, NULL);
	}
	strmap_release(&vm);
	return ret != NULL ? ret : ev_text(c, fn, &b, why);
}

/* Fn::Join: [delimiter, [values]]. */
static struct cn *
ev_join(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*delim = fn->kids, *k;
	struct cn	*list;
	struct buf	 b = BUF_INIT;
	const char	*why = NULL;

	if (fn->type != CN_SEQ || delim == NULL || delim->type != CN_STR ||
	    delim->next == NULL || delim->next->next != NULL)
		return ev_bad(c, fn, "[delimiter, [values]]");
	list = ev_node(c, delim->next, depth + 1);
	if (list->type == CN_UNKNOWN)
		return list;
	if (list->type != CN_SEQ)
		return ev_bad(c, fn, "[delimiter, [values]]");
	for (k = list->kids; k != NULL; k = k->next) {
		if (k != list->kids)
			buf_adds(&b, delim->str);
		if (k->type == CN_UNKNOWN && why == NULL)
			why = k->why;
		if (!text_add(&b, k)) {
			buf_release(&b);
			return ev_bad(c, fn, "values that are strings");
		}
		if (text_long(c, fn, &b))
			return ev_unknown(c, fn, fn->key, NULL);
	}
	return ev_text(c, fn, &b, why);
}

/*
 * Fn::If: the branch its condition picks.  A condition that depends on
 * the deployment leaves the value known only when both branches agree.
 */
static struct cn *
ev_if(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*cond = fn->kids;
	struct cn	*a, *b;
	size_t		 len;

	if (fn->type != CN_SEQ || cond == NULL || cond->type != CN_STR ||
	    cond->next == NULL || cond->next->next == NULL ||
	    cond->next->next->next != NULL)
		return ev_bad(c, fn, "[condition, value if true, value if "
		    "false]");
	switch (cfn_cond(c, cond, cond->str, depth + 1)) {
	case TRI_TRUE:
		return ev_node(c, cond->next, depth + 1);
	case TRI_FALSE:
		return ev_node(c, cond->next->next, depth + 1);
	default:
		break;
	}
	len = c->whys.len;
	a = ev_node(c, cond->next, depth + 1);
	b = ev_node(c, cond->next->next, depth + 1);
	if (a->type != CN_UNKNOWN && a->type == b->type &&
	    (a->type != CN_STR || strcmp(a->str, b->str) == 0) &&
	    cn_equal(a->kids, b->kids))
		return a;
	/* What the branches depend on matters less than the condition. */
	if (c->whys.cap > 0) {
		c->whys.len = len;
		c->whys.buf[len] = '\0';
	}
	return ev_unknown(c, fn, arena_printf(&c->a, "condition %s",
	    cond->str), NULL);
}

/*
 * Fn::FindInMap: [map, top-level key, second-level key], with the
 * DefaultValue of the AWS::LanguageExtensions transform as an optional
 * fourth item.  A key that depends on the deployment (AWS::Region, most
 * often) makes the value unknown.
 */
static struct cn *
ev_find_in_map(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*k, *map, *def = NULL, *v;
	struct cn	*arg[3];
	size_t		 i;

	for (i = 0, k = fn->type == CN_SEQ ? fn->kids : NULL; k != NULL &&
	    i < 3; k = k->next, i++)
		arg[i] = ev_node(c, k, depth + 1);
	if (i < 3 || (k != NULL && (k->type != CN_MAP || k->next != NULL ||
	    (def = cn_get(k, "DefaultValue")) == NULL)))
		return ev_bad(c, fn, "[map, key, key] or [map, key, key, "
		    "{DefaultValue: value}]");
	for (i = 0; i < 3; i++) {
		if (arg[i]->type == CN_UNKNOWN)
			return arg[i];
		if (arg[i]->type != CN_STR)
			return ev_bad(c, fn, "[map, key, key] of strings");
	}
	map = cn_get(c->mappings, arg[0]->str);
	v = cn_get(cn_get(map, arg[1]->str), arg[2]->str);
	if (v == NULL && def != NULL)
		v = def;
	if (v != NULL)
		return ev_node(c, v, depth + 1);
	if (map == NULL)
		diag_error(c->dg, &fn->key_loc, "CloudFormation template: "
		    "Fn::FindInMap: Mappings has no map %s", arg[0]->str);
	else
		diag_error(c->dg, &fn->key_loc, "CloudFormation template: "
		    "Fn::FindInMap: map %s has no %s.%s", arg[0]->str,
		    arg[1]->str, arg[2]->str);
	return ev_unknown(c, fn, fn->key, NULL);
}

/*
 * The value of the condition name, written at at: evaluated once, with
 * parameter defaults; unknown when it depends on the deployment.  A
 * condition missing from Conditions, or one that refers to itself, is
 * an error, as CloudFormation rejects the template.
 */
enum tri
cfn_cond(struct cfn *c, const struct cn *at, const char *name, int depth)
{
	const struct strmap_val	*v;
	const struct cn		*expr;
	struct cfn_cond		*cc;

	if ((v = strmap_get(&c->cond_state, name)) != NULL) {
		cc = v->v;
		if (!cc->busy)
			return cc->value;
		diag_error(c->dg, &at->loc, "CloudFormation template: "
		    "condition %s depends on itself", name);
		return TRI_UNKNOWN;
	}
	if ((expr = cn_get(c->conditions, name)) == NULL) {
		diag_error(c->dg, &at->loc, "CloudFormation template: "
		    "Conditions has no %s", name);
		return TRI_UNKNOWN;
	}
	cc = arena_alloc(&c->a, sizeof(*cc));
	cc->busy = 1;
	strmap_add(&c->cond_state, &c->a, name, cc);
	cc->value = cond_expr(c, expr, depth + 1);
	cc->busy = 0;
	return cc->value;
}

/* A condition function: Fn::Equals, And, Or, Not, or Condition. */
static enum tri
cond_expr(struct cfn *c, const struct cn *n, int depth)
{
	const struct cn	*fn, *k;
	struct cn	*a, *b;
	enum tri	 t;
	size_t		 len;

	if (depth > LOAD_MAX_DEPTH || c->over)
		return TRI_UNKNOWN;
	if (n->type != CN_MAP || (fn = n->kids) == NULL || fn->next != NULL)
		goto bad;
	if (strcmp(fn->key, "Condition") == 0 && fn->type == CN_STR)
		return cfn_cond(c, fn, fn->str, depth + 1);
	if (fn->type != CN_SEQ)
		goto bad;
	if (strcmp(fn->key, "Fn::Equals") == 0) {
		if (fn->kids == NULL || fn->kids->next == NULL ||
		    fn->kids->next->next != NULL)
			goto bad;
		len = c->whys.len;
		a = ev_node(c, fn->kids, depth + 1);
		b = ev_node(c, fn->kids->next, depth + 1);
		/* An unknown operand is said by the value it decides. */
		if (c->whys.cap > 0) {
			c->whys.len = len;
			c->whys.buf[len] = '\0';
		}
		if (a->type == CN_UNKNOWN || b->type == CN_UNKNOWN ||
		    (a->type == CN_STR && cfn_has_unknown(a->str)) ||
		    (b->type == CN_STR && cfn_has_unknown(b->str)))
			return TRI_UNKNOWN;
		return a->type == b->type && (a->type != CN_STR ||
		    strcmp(a->str, b->str) == 0) && cn_equal(a->kids,
		    b->kids) ? TRI_TRUE : TRI_FALSE;
	}
	if (strcmp(fn->key, "Fn::Not") == 0) {
		if (fn->kids == NULL || fn->kids->next != NULL)
			goto bad;
		return tri_not(cond_expr(c, fn->kids, depth + 1));
	}
	if (strcmp(fn->key, "Fn::And") == 0 || strcmp(fn->key, "Fn::Or") == 0) {
		if (fn->kids == NULL)
			goto bad;
		t = fn->key[4] == 'A' ? TRI_TRUE : TRI_FALSE;
		for (k = fn->kids; k != NULL; k = k->next)
			t = fn->key[4] == 'A' ?
			    tri_and(t, cond_expr(c, k, depth + 1)) :
			    tri_or(t, cond_expr(c, k, depth + 1));
		return t;
	}
bad:
	diag_error(c->dg, &n->loc, "CloudFormation template: a condition "
	    "must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
	return TRI_UNKNOWN;
}

/* Fn::Select: [index, [values]]. */
static struct cn *
ev_select(struct cfn *c, const struct cn *fn, int depth)
{
	struct cn	*idx, *list, *k;
	char		*end;
	long		 i;

	if (fn->type != CN_SEQ || fn->kids == NULL || fn->kids->next == NULL)
		return ev_bad(c, fn, "[index, [values]]");
	idx = ev_node(c, fn->kids, depth + 1);
	list = ev_node(c, fn->kids->next, depth + 1);
	if (idx->type == CN_UNKNOWN)
		return idx;
	if (list->type == CN_UNKNOWN)
		return list;
	if (idx->type != CN_STR || list->type != CN_SEQ)
		return ev_bad(c, fn, "[index, [values]]");
	i = strtol(idx->str, &end, 10);
	for (k = list->kids; k != NULL && i > 0; k = k->next)
		i--;
	if (*idx->str == '\0' || *end != '\0' || i < 0 || k == NULL)
		return ev_bad(c, fn, "an index within the list");
	k->key = NULL;
	k->next = NULL;
	return k;
}

/* Fn::Split: [delimiter, string]. */
static struct cn *
ev_split(struct cfn *c, const struct cn *fn, int depth)
{
	const struct cn	*delim = fn->kids;
	struct cn	*s, *d, *k, **tail;
	const char	*p, *q;
	size_t		 dlen;

	if (fn->type != CN_SEQ || delim == NULL || delim->type != CN_STR ||
	    *delim->str == '\0' || delim->next == NULL)
		return ev_bad(c, fn, "[delimiter, string]");
	s = ev_node(c, delim->next, depth + 1);
	if (s->type == CN_UNKNOWN)
		return s;
	if (s->type != CN_STR)
		return ev_bad(c, fn, "[delimiter, string]");
	d = cn_new(c, CN_SEQ, &fn->loc);
	tail = &d->kids;
	dlen = strlen(delim->str);
	for (p = s->str; !c->over; p = q + dlen) {
		k = cn_new(c, CN_STR, &s->loc);
		q = strstr(p, delim->str);
		k->str = q != NULL ? arena_strndup(&c->a, p, (size_t)(q - p)) :
		    p;
		*tail = k;
		tail = &k->next;
		if (q == NULL)
			break;
	}
	return d;
}

int
cfn_has_unknown(const char *s)
{
	return s != NULL && strchr(s, CFN_UNKNOWN) != NULL;
}
