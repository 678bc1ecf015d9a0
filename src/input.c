/* SPDX-License-Identifier: ISC */
/*
 * The input layer's common part: the null test, the words for what
 * was found, opening a backend, the cursor over the backends' events,
 * and the positioned tree.  Positions and errors are input_pos.c's, so
 * that the backends build on them without calling back here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "diag.h"
#include "input.h"

static struct input_node *tree_node(struct input *, struct arena *,
			    size_t *);
static int		 tree_kids(struct input *, struct arena *,
			    unsigned int, size_t *, struct input_node *);

/* ---- Scalars ---- */

int
input_is_null(const struct input_event *ev, unsigned int flags)
{
	const char	*s = ev->s;
	int		 untagged;

	if (ev->type != INPUT_SCALAR)
		return 0;
	/* Every null starts so: most scalars are told at once. */
	if (*s != '\0' && *s != '~' && *s != 'n' && *s != 'N')
		return 0;
	if (flags & INPUT_NULL_ANY_CASE) {
		/* libyaml's plain_implicit. */
		untagged = (ev->plain && ev->tag == NULL) ||
		    (ev->tag != NULL && strcmp(ev->tag, "!") == 0);
		return untagged && (*s == '\0' || strcmp(s, "~") == 0 ||
		    strcasecmp(s, "null") == 0);
	}
	if (!ev->plain || (ev->tag != NULL && !(flags & INPUT_NULL_ANY_TAG)))
		return 0;
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/* The words of input_found() and input_node_found(). */
static const char *const found_words[] = {
	"a mapping", "a sequence", "an alias", "a scalar", "nothing"
};

const char *
input_found(const struct input_event *ev)
{
	switch (ev->type) {
	case INPUT_MAP_START:
		return found_words[0];
	case INPUT_SEQ_START:
		return found_words[1];
	case INPUT_ALIAS:
		return found_words[2];
	default:
		return found_words[3];
	}
}

const char *
input_node_found(const struct input_node *n)
{
	switch (n->type) {
	case INPUT_NODE_MAP:
		return found_words[0];
	case INPUT_NODE_SEQ:
		return found_words[1];
	case INPUT_NODE_SCALAR:
		return found_words[3];
	default:
		return found_words[4];
	}
}

/* ---- Opening ---- */

void
input_open(struct input *in, const char *file, const char *data, size_t len,
    unsigned int flags, unsigned int maxdepth)
{
	memset(in, 0, sizeof(*in));
	in->file = file;
	in->flags = flags;
	in->maxdepth = maxdepth;
	in->ev.loc.file = file;
	/*
	 * libyaml reads JSON too, and the loaders' messages for bad JSON
	 * are its own; JSON text is read with the scanner only when asked.
	 */
	if (flags & INPUT_JSON)
		input_json_open(in, data, len);
	else {
		in->yaml.data = data;
		in->yaml.len = len;
		input_yaml_open(in);
	}
}

void
input_open_lines(struct input *in, const char *file, struct input_lines *l,
    unsigned int flags, unsigned int maxdepth)
{
	memset(in, 0, sizeof(*in));
	in->file = file;
	in->flags = flags;
	in->maxdepth = maxdepth;
	in->ev.loc.file = file;
	in->yaml.lines = l;
	input_yaml_open(in);
}

void
input_close(struct input *in)
{
	if (in->be != NULL)
		in->be->release(in);
	in->be = NULL;
}

/* ---- The cursor ---- */

int
input_next(struct input *in)
{
	if (in->err.kind != INPUT_OK || !in->be->next(in))
		return 0;
	if (!in->ev.replayed && (in->ev.type == INPUT_SCALAR ||
	    in->ev.type == INPUT_ALIAS))
		in->last_line = in->ev.loc.end_line;
	return 1;
}

int
input_deref(struct input *in)
{
	if (in->ev.type != INPUT_ALIAS || !(in->flags & INPUT_REPLAY))
		return 1;
	return in->be->deref(in);
}

int
input_enter(struct input *in)
{
	if (++in->depth <= in->maxdepth)
		return 1;
	return input_error(in, INPUT_ERR_DEPTH, NULL, NULL);
}

int
input_skip(struct input *in)
{
	unsigned int	 base = in->depth;

	if (in->ev.type != INPUT_MAP_START && in->ev.type != INPUT_SEQ_START)
		return 1;
	if (!input_enter(in))
		return 0;
	while (in->depth > base) {
		if (!input_next(in))
			return 0;
		switch (in->ev.type) {
		case INPUT_MAP_START:
		case INPUT_SEQ_START:
			if (!input_enter(in))
				return 0;
			break;
		case INPUT_MAP_END:
		case INPUT_SEQ_END:
			in->depth--;
			break;
		default:
			break;
		}
	}
	return 1;
}

int
input_item(struct input *in)
{
	if (!input_next(in) || !input_deref(in))
		return 0;
	if (in->ev.type == INPUT_SEQ_END) {
		in->depth--;
		return 2;
	}
	return 1;
}

int
input_entry(struct input *in, struct input_key *k)
{
	const struct input_event	*ev = &in->ev;

	if (!input_next(in) || !input_deref(in))
		return 0;
	if (ev->type == INPUT_MAP_END) {
		in->depth--;
		return 2;
	}
	k->loc = ev->loc;
	k->ok = k->merge = 0;
	k->s[0] = '\0';
	k->found = input_found(ev);
	if (ev->type == INPUT_SCALAR && ev->len < sizeof(k->s) &&
	    memchr(ev->s, '\0', ev->len) == NULL) {
		memcpy(k->s, ev->s, ev->len);
		k->s[ev->len] = '\0';
		k->ok = 1;
		k->merge = ev->len == 2 && memcmp(k->s, "<<", 2) == 0 &&
		    ev->plain;
	}
	if (!input_skip(in) || !input_next(in) || !input_deref(in))
		return 0;
	return 1;
}

/* ---- The tree ---- */

static struct input_node *
tree_node(struct input *in, struct arena *a, size_t *budget)
{
	struct input_node	*n;

	if (*budget == 0) {
		input_error(in, INPUT_ERR_LIMIT, NULL, "more nodes than "
		    "the reader allows");
		return NULL;
	}
	(*budget)--;
	n = arena_alloc(a, sizeof(*n));
	n->loc = in->ev.loc;
	if (in->ev.tag != NULL)
		n->tag = arena_strdup(a, in->ev.tag);
	return n;
}

/* The kids of the collection n, whose start event is current. */
static int
tree_kids(struct input *in, struct arena *a, unsigned int nullflags,
    size_t *budget, struct input_node *n)
{
	struct input_node	*k, **tail = &n->kids;
	struct loc		 kloc;
	char			*ks = NULL;
	int			 r;

	if (!input_enter(in))
		return 0;
	for (;;) {
		if (n->type == INPUT_NODE_SEQ)
			r = input_item(in);
		else {
			/* Not input_entry(): it keeps short keys only. */
			if (!input_next(in) || !input_deref(in))
				return 0;
			if (in->ev.type == INPUT_MAP_END) {
				in->depth--;
				r = 2;
			} else if (in->ev.type != INPUT_SCALAR)
				return input_error(in, INPUT_ERR_KEY, NULL,
				    "a key that is not a scalar");
			else {
				kloc = in->ev.loc;
				ks = arena_strndup(a, in->ev.s, in->ev.len);
				r = input_next(in) && input_deref(in);
			}
		}
		if (r == 0)
			return 0;
		if (r == 2)
			break;
		if ((k = input_tree(in, a, nullflags, budget)) == NULL)
			return 0;
		if (n->type == INPUT_NODE_MAP) {
			k->key = ks;
			k->key_loc = kloc;
		}
		*tail = k;
		tail = &k->next;
		n->n++;
	}
	n->loc.end_line = in->ev.loc.end_line;
	n->loc.end_col = in->ev.loc.end_col;
	return 1;
}

struct input_node *
input_tree(struct input *in, struct arena *a, unsigned int nullflags,
    size_t *budget)
{
	struct input_node	*n;

	if (!input_deref(in))
		return NULL;
	switch (in->ev.type) {
	case INPUT_SCALAR:
		if ((n = tree_node(in, a, budget)) == NULL)
			return NULL;
		n->type = input_is_null(&in->ev, nullflags) ?
		    INPUT_NODE_NULL : INPUT_NODE_SCALAR;
		n->s = arena_strndup(a, in->ev.s, in->ev.len);
		n->len = in->ev.len;
		n->plain = in->ev.plain;
		return n;
	case INPUT_MAP_START:
	case INPUT_SEQ_START:
		if ((n = tree_node(in, a, budget)) == NULL)
			return NULL;
		n->type = in->ev.type == INPUT_MAP_START ? INPUT_NODE_MAP :
		    INPUT_NODE_SEQ;
		return tree_kids(in, a, nullflags, budget, n) ? n : NULL;
	case INPUT_ALIAS:
		input_error(in, INPUT_ERR_ALIAS, NULL, "aliases are not "
		    "supported");
		return NULL;
	default:
		input_error(in, INPUT_ERR_SYNTAX, NULL, "expected a node");
		return NULL;
	}
}

const struct input_node *
input_node_get(const struct input_node *map, const char *key)
{
	const struct input_node	*k;

	if (map == NULL || map->type != INPUT_NODE_MAP)
		return NULL;
	for (k = map->kids; k != NULL; k = k->next)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}
