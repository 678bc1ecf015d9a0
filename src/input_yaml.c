/* SPDX-License-Identifier: ISC */
/* The input layer's libyaml backend, over the event stream of yev.c. */
#include <string.h>

#include <yaml.h>

#include "diag.h"
#include "input.h"
#include "yev.h"

static int	yaml_read_mem(void *, unsigned char *, size_t, size_t *);
static int	yaml_style(yaml_scalar_style_t);
static void	yaml_fill(struct input *);
static int	yaml_fail(struct input *);
static int	yaml_next(struct input *);
static int	yaml_deref(struct input *);
static void	yaml_release(struct input *);

static const struct input_backend yaml_backend = {
	yaml_next, yaml_deref, yaml_release
};

/* As libyaml's own string handler: the text as it asks for it. */
static int
yaml_read_mem(void *arg, unsigned char *buf, size_t size, size_t *nread)
{
	struct input_yaml	*iy = arg;
	size_t			 n = iy->len - iy->off;

	if (n > size)
		n = size;
	if (n > 0)
		memcpy(buf, iy->data + iy->off, n);
	iy->off += n;
	*nread = n;
	return 1;
}

void
input_yaml_open(struct input *in)
{
	in->be = &yaml_backend;
	if (in->yaml.lines != NULL)
		yev_init(&in->yaml.y, input_lines_read, in->yaml.lines,
		    (in->flags & INPUT_REPLAY) != 0);
	else
		yev_init(&in->yaml.y, yaml_read_mem, &in->yaml,
		    (in->flags & INPUT_REPLAY) != 0);
}

static void
yaml_release(struct input *in)
{
	yev_release(&in->yaml.y);
}

static int
yaml_style(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
		return INPUT_STYLE_SINGLE;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		return INPUT_STYLE_DOUBLE;
	case YAML_LITERAL_SCALAR_STYLE:
		return INPUT_STYLE_LITERAL;
	case YAML_FOLDED_SCALAR_STYLE:
		return INPUT_STYLE_FOLDED;
	default:
		return INPUT_STYLE_PLAIN;
	}
}

/*
 * Make yev's current event the layer's.  Marks are 0-based and count
 * characters, so a column is a code point as input_loc_advance() has it.
 */
static void
yaml_fill(struct input *in)
{
	const struct yev	*y = &in->yaml.y;
	const yaml_event_t	*e = &y->ev;
	struct input_event	*ev = &in->ev;
	unsigned int		 base = in->yaml.lines != NULL ?
				    in->yaml.lines->line_base : 0;

	ev->loc.line = (unsigned int)e->start_mark.line + 1 + base;
	ev->loc.col = (unsigned int)e->start_mark.column + 1;
	ev->loc.end_line = (unsigned int)e->end_mark.line + 1 + base;
	ev->loc.end_col = (unsigned int)e->end_mark.column + 1;
	ev->replayed = !y->owned;
	ev->s = NULL;
	ev->len = 0;
	ev->plain = 0;
	ev->style = INPUT_STYLE_PLAIN;
	ev->tag = ev->anchor = NULL;
	switch (e->type) {
	case YAML_STREAM_START_EVENT:
		ev->type = INPUT_STREAM_START;
		break;
	case YAML_STREAM_END_EVENT:
		ev->type = INPUT_STREAM_END;
		break;
	case YAML_DOCUMENT_START_EVENT:
		ev->type = INPUT_DOC_START;
		break;
	case YAML_DOCUMENT_END_EVENT:
		ev->type = INPUT_DOC_END;
		break;
	case YAML_ALIAS_EVENT:
		ev->type = INPUT_ALIAS;
		ev->anchor = (const char *)e->data.alias.anchor;
		break;
	case YAML_SCALAR_EVENT:
		ev->type = INPUT_SCALAR;
		ev->s = (const char *)e->data.scalar.value;
		ev->len = e->data.scalar.length;
		ev->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		ev->style = yaml_style(e->data.scalar.style);
		ev->tag = (const char *)e->data.scalar.tag;
		ev->anchor = (const char *)e->data.scalar.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
		ev->type = INPUT_SEQ_START;
		ev->tag = (const char *)e->data.sequence_start.tag;
		ev->anchor = (const char *)e->data.sequence_start.anchor;
		break;
	case YAML_SEQUENCE_END_EVENT:
		ev->type = INPUT_SEQ_END;
		break;
	case YAML_MAPPING_START_EVENT:
		ev->type = INPUT_MAP_START;
		ev->tag = (const char *)e->data.mapping_start.tag;
		ev->anchor = (const char *)e->data.mapping_start.anchor;
		break;
	case YAML_MAPPING_END_EVENT:
		ev->type = INPUT_MAP_END;
		break;
	default:
		ev->type = INPUT_NONE;
		break;
	}
}

/*
 * The error yev met.  libyaml gives reader errors (bad encoding) as a
 * byte offset only: count lines and characters up to it rather than
 * invent a mark.  Marks are points: there is no end to give.
 */
static int
yaml_fail(struct input *in)
{
	const struct yev	*y = &in->yaml.y;
	struct loc		 loc;
	enum input_err_kind	 kind;

	memset(&loc, 0, sizeof(loc));
	loc.file = in->file;
	if (y->err == YEV_ERR_READER) {
		kind = INPUT_ERR_ENCODING;
		if (in->yaml.lines != NULL)
			loc = input_lines_loc(in->yaml.lines, in->file,
			    y->offset);
		else
			input_loc_from_offset(in->yaml.data, in->yaml.len,
			    y->offset, &loc);
	} else {
		kind = y->err == YEV_ERR_ALIAS ? INPUT_ERR_ALIAS :
		    INPUT_ERR_SYNTAX;
		loc.line = (unsigned int)y->mark.line + 1 +
		    (in->yaml.lines != NULL ? in->yaml.lines->line_base : 0);
		loc.col = (unsigned int)y->mark.column + 1;
	}
	return input_error(in, kind, &loc, "%s", y->problem);
}

static int
yaml_next(struct input *in)
{
	if (!yev_next(&in->yaml.y))
		return yaml_fail(in);
	yaml_fill(in);
	return 1;
}

static int
yaml_deref(struct input *in)
{
	if (!yev_deref(&in->yaml.y))
		return yaml_fail(in);
	yaml_fill(in);
	return 1;
}
