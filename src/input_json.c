/* SPDX-License-Identifier: ISC */
/*
 * The input layer's JSON backend: the events libyaml would give for
 * the same JSON text, with the same positions, from the validating
 * scanner of jscan.c, which builds nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "input.h"
#include "jscan.h"
#include "xalloc.h"

/*
 * Readers bound their own depth (input_enter()); this bound only keeps
 * the stack of open containers, one byte a level, from growing without
 * end on a reader that walks events itself.
 */
#define JSON_MAX_DEPTH	100000

/* Where the backend is between two events. */
enum {
	P_START,	/* before STREAM_START */
	P_DOC,		/* before DOC_START */
	P_VALUE,	/* a value is due */
	P_IN,		/* within the container on top of the stack */
	P_AFTER,	/* a value is complete */
	P_DOC_END,	/* before DOC_END */
	P_END,		/* before STREAM_END */
	P_DONE
};

static int	json_next(struct input *);
static int	json_deref(struct input *);
static void	json_release(struct input *);
static void	json_event(struct input *, enum input_type, const char *,
		    const char *);
static int	json_scan_error(struct input *);
static int	json_value(struct input *);
static int	json_in(struct input *);
static int	json_string(struct input *, const char *, const char *);
static unsigned int json_hex4(const char *);
static void	json_utf8(struct buf *, unsigned long);
static void	json_end_loc(struct input *);

static const struct input_backend json_backend = {
	json_next, json_deref, json_release
};

void
input_json_open(struct input *in, const char *data, size_t len)
{
	struct input_json	*js = &in->json;

	in->be = &json_backend;
	jscan_init(&js->j, data, len, JSON_MAX_DEPTH);
	js->phase = P_START;
	buf_init(&js->text);
	input_pos_init(&js->pos, in->file, data, len);
}

static void
json_release(struct input *in)
{
	free(in->json.stack);
	in->json.stack = NULL;
	buf_release(&in->json.text);
}

/* JSON has no aliases. */
static int
json_deref(struct input *in)
{
	(void)in;
	return 1;
}

/* Make the text from start to end an event of this type. */
static void
json_event(struct input *in, enum input_type type, const char *start,
    const char *end)
{
	struct input_json	*js = &in->json;
	struct input_event	*ev = &in->ev;
	struct loc		 l;

	ev->type = type;
	ev->tag = ev->anchor = NULL;
	ev->replayed = 0;
	if (type != INPUT_SCALAR) {
		ev->s = NULL;
		ev->len = 0;
		ev->plain = 0;
	}
	ev->style = INPUT_STYLE_PLAIN;
	l = input_pos_at(&js->pos, (size_t)(start - js->j.base));
	ev->loc.line = l.line;
	ev->loc.col = l.col;
	/*
	 * A token holds no newline (jscan refuses control characters in
	 * strings): in ASCII text its end is as many columns on.
	 */
	if (js->pos.ascii) {
		ev->loc.end_line = l.line;
		ev->loc.end_col = l.col + (unsigned int)(end - start);
		return;
	}
	l = input_pos_at(&js->pos, (size_t)(end - js->j.base));
	ev->loc.end_line = l.line;
	ev->loc.end_col = l.col;
}

static int
json_scan_error(struct input *in)
{
	struct input_json	*js = &in->json;
	struct loc		 loc;
	const char		*at = js->j.errpos != NULL ? js->j.errpos :
				    js->j.p;

	loc = input_pos_at(&js->pos, (size_t)(at - js->j.base));
	return input_error(in, INPUT_ERR_SYNTAX, &loc, "%s",
	    js->j.err != NULL ? js->j.err : "invalid JSON");
}

/*
 * Where libyaml ends a stream: past the last character, at the start
 * of the line after it.  DOC_END and STREAM_END both stand there.
 */
static void
json_end_loc(struct input *in)
{
	struct input_json	*js = &in->json;
	struct loc		 l;

	l = input_pos_at(&js->pos, (size_t)(js->j.end - js->j.base));
	if (l.col != 1) {
		l.line++;
		l.col = 1;
	}
	in->ev.loc.line = in->ev.loc.end_line = l.line;
	in->ev.loc.col = in->ev.loc.end_col = l.col;
}

static unsigned int
json_hex4(const char *s)
{
	unsigned int	 v = 0;
	int		 i;

	for (i = 0; i < 4; i++) {
		v <<= 4;
		if (s[i] >= '0' && s[i] <= '9')
			v |= (unsigned int)(s[i] - '0');
		else
			v |= (unsigned int)((s[i] | 0x20) - 'a' + 10);
	}
	return v;
}

static void
json_utf8(struct buf *b, unsigned long c)
{
	if (c < 0x80)
		buf_addc(b, (char)c);
	else if (c < 0x800) {
		buf_addc(b, (char)(0xC0 | (c >> 6)));
		buf_addc(b, (char)(0x80 | (c & 0x3F)));
	} else if (c < 0x10000) {
		buf_addc(b, (char)(0xE0 | (c >> 12)));
		buf_addc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
		buf_addc(b, (char)(0x80 | (c & 0x3F)));
	} else {
		buf_addc(b, (char)(0xF0 | (c >> 18)));
		buf_addc(b, (char)(0x80 | ((c >> 12) & 0x3F)));
		buf_addc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
		buf_addc(b, (char)(0x80 | (c & 0x3F)));
	}
}

/*
 * Decode the string whose quotes are at start and end - 1 (escapes
 * already checked by the scanner) into the event's text.  A \u escape
 * that is half of a UTF-16 pair alone stands for no character: an
 * error, as libyaml and cJSON have it.
 */
static int
json_string(struct input *in, const char *start, const char *end)
{
	struct buf	*b = &in->json.text;
	const char	*p, *run;
	unsigned long	 c, lo;
	struct loc	 loc;

	buf_reset(b);
	for (p = run = start + 1; p < end - 1; ) {
		if (*p != '\\') {
			p++;
			continue;
		}
		buf_add(b, run, (size_t)(p - run));
		if (p[1] != 'u') {
			buf_addc(b, strchr("\"\\/", p[1]) != NULL ? p[1] :
			    p[1] == 'b' ? '\b' : p[1] == 'f' ? '\f' :
			    p[1] == 'n' ? '\n' : p[1] == 'r' ? '\r' : '\t');
			run = p += 2;
			continue;
		}
		c = json_hex4(p + 2);
		if (c >= 0xD800 && c <= 0xDBFF && end - 1 - p >= 12 &&
		    p[6] == '\\' && p[7] == 'u' &&
		    (lo = json_hex4(p + 8)) >= 0xDC00 && lo <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
			p += 6;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			loc = input_pos_at(&in->json.pos,
			    (size_t)(p - in->json.j.base));
			return input_error(in, INPUT_ERR_SYNTAX, &loc,
			    "\\u escape of half a UTF-16 pair");
		}
		json_utf8(b, c);
		run = p += 6;
	}
	buf_add(b, run, (size_t)(p - run));
	in->ev.s = b->buf;
	in->ev.len = b->len;
	in->ev.plain = 0;
	in->ev.style = INPUT_STYLE_DOUBLE;
	return 1;
}

/* The value due: a container's start, or a scalar. */
static int
json_value(struct input *in)
{
	struct input_json	*js = &in->json;
	struct jspan		 sp;
	int			 c = jscan_peek(&js->j);

	if (c == '{' || c == '[') {
		if ((c == '{' ? jscan_object(&js->j) :
		    jscan_array(&js->j)) == -1)
			return json_scan_error(in);
		if (js->nstack == js->capstack) {
			js->capstack = js->capstack ? js->capstack * 2 : 64;
			js->stack = xreallocarray(js->stack, js->capstack, 1);
		}
		js->stack[js->nstack++] = (unsigned char)c;
		json_event(in, c == '{' ? INPUT_MAP_START : INPUT_SEQ_START,
		    js->j.p - 1, js->j.p);
		js->phase = P_IN;
		return 1;
	}
	if (jscan_value(&js->j, &sp) == -1)
		return json_scan_error(in);
	json_event(in, INPUT_SCALAR, sp.start, sp.end);
	js->phase = P_AFTER;
	if (*sp.start == '"')
		return json_string(in, sp.start, sp.end);
	buf_reset(&js->text);
	buf_add(&js->text, sp.start, (size_t)(sp.end - sp.start));
	in->ev.s = js->text.buf;
	in->ev.len = js->text.len;
	in->ev.plain = 1;
	return 1;
}

/*
 * Within a container: a key (its value is due next), the next item,
 * or the container's end.  Returns 1 with an event made, 2 without.
 */
static int
json_in(struct input *in)
{
	struct input_json	*js = &in->json;
	const char		*key;
	size_t			 klen;
	int			 r;

	if (js->stack[js->nstack - 1] == '{') {
		if ((r = jscan_member(&js->j, &key, &klen)) == -1)
			return json_scan_error(in);
		if (r == 1) {
			json_event(in, INPUT_SCALAR, key - 1, key + klen + 1);
			js->phase = P_VALUE;
			return json_string(in, key - 1, key + klen + 1);
		}
	} else {
		if ((r = jscan_element(&js->j)) == -1)
			return json_scan_error(in);
		if (r == 1) {
			js->phase = P_VALUE;
			return 2;
		}
	}
	json_event(in, js->stack[--js->nstack] == '{' ? INPUT_MAP_END :
	    INPUT_SEQ_END, js->j.p - 1, js->j.p);
	js->phase = P_AFTER;
	return 1;
}

static int
json_next(struct input *in)
{
	struct input_json	*js = &in->json;
	int			 r;

	for (;;) {
		switch (js->phase) {
		case P_START:
			json_event(in, INPUT_STREAM_START, js->j.base,
			    js->j.base);
			js->phase = jscan_peek(&js->j) == 0 &&
			    js->j.p == js->j.end ? P_END : P_DOC;
			return 1;
		case P_DOC:
			jscan_peek(&js->j);
			json_event(in, INPUT_DOC_START, js->j.p, js->j.p);
			js->phase = P_VALUE;
			return 1;
		case P_VALUE:
			return json_value(in);
		case P_IN:
			if ((r = json_in(in)) != 2)
				return r;
			break;
		case P_AFTER:
			js->phase = js->nstack > 0 ? P_IN : P_DOC_END;
			break;
		case P_DOC_END:
			if (jscan_end(&js->j) == -1)
				return json_scan_error(in);
			json_event(in, INPUT_DOC_END, js->j.p, js->j.p);
			json_end_loc(in);
			js->phase = P_END;
			return 1;
		case P_END:
			json_event(in, INPUT_STREAM_END, js->j.end, js->j.end);
			json_end_loc(in);
			js->phase = P_DONE;
			return 1;
		default:
			json_event(in, INPUT_NONE, js->j.end, js->j.end);
			return 1;
		}
	}
}
