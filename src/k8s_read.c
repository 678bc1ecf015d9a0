/* SPDX-License-Identifier: ISC */
/*
 * The Kubernetes loader's reading primitives, shared by the document
 * walker and the readers of pod specs and eksctl configs: errors that
 * a tentative read can hold back, mappings of a sequence, scalars kept
 * within their bound, annotations.  They call nothing else of the
 * loader, so its pieces depend on them and never on each other's
 * callers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "input.h"
#include "k8s.h"
#include "load.h"
#include "model.h"
#include "xalloc.h"

/* Report an input error now, or hold it while kl->defer is set. */
void
kl_error(struct kload *kl, const struct loc *loc, const char *fmt, ...)
{
	struct kl_deferred	 d;
	va_list			 ap;
	int			 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	d.loc = *loc;
	d.msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	d.msg[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(d.msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (kl->defer) {
		KL_PUSH(kl->deferred, d);
		return;
	}
	diag_error(kl->dg, &d.loc, "%s", d.msg);
	free(d.msg);
}

/*
 * Step through a sequence already entered to its next mapping, and
 * enter it; other items are skipped.  Returns 1 with the mapping
 * entered, 2 when the sequence has ended (and is left), 0 on error.
 */
int
kl_item(struct kload *kl)
{
	int	 r;

	while ((r = input_item(&kl->in)) == 1) {
		if (kl->in.ev.type == INPUT_MAP_START)
			return input_enter(&kl->in);
		if (!input_skip(&kl->in))
			return 0;
	}
	return r;
}

const char *
kl_scalar_dup(struct kload *kl)
{
	struct loc	 loc;
	size_t		 n = kl->in.ev.len;

	/* Kept scalars are names and annotation values: bound them. */
	if (n > LOAD_MAX_SCALAR) {
		loc = kl->in.ev.loc;
		kl_error(kl, &loc, "value longer than %lu KiB; only its start "
		    "is kept", LOAD_MAX_SCALAR / 1024);
		n = LOAD_MAX_SCALAR;
	}
	return arena_strndup(kl->a, kl->in.ev.s, n);
}

/*
 * A plain null ("", ~, null): the field is unset, as in Kubernetes.
 * A tag does not count (INPUT_NULL_ANY_TAG): see input_is_null().
 */
int
kl_is_null(const struct kload *kl)
{
	return input_is_null(&kl->in.ev, INPUT_NULL_ANY_TAG);
}

/* The current scalar, NULL for a null or for anything else. */
const char *
kl_scalar_value(struct kload *kl)
{
	if (kl->in.ev.type != INPUT_SCALAR || kl_is_null(kl))
		return NULL;
	return kl_scalar_dup(kl);
}

/*
 * The text of the lines of the current scalar, newlines included, as
 * input_lines_scalar() gives it; NULL when it is not at hand.  From
 * JSON in memory, the lines are found from where the last call left
 * off: scalars come in file order.
 */
const char *
kl_scalar_raw(struct kload *kl, size_t *len)
{
	const struct input_event *ev = &kl->in.ev;
	const char	*nl;
	unsigned int	 last = ev->loc.end_line, n;
	size_t		 start, end;

	if (kl->json == NULL)
		return input_lines_scalar(&kl->lines, ev, len);
	if (last > ev->loc.line && ev->loc.end_col <= 1)
		last--;
	if (ev->loc.line == 0 || last < ev->loc.line)
		return NULL;
	if (kl->jsonline == 0 || kl->jsonline > ev->loc.line) {
		kl->jsonline = 1;
		kl->jsonoff = 0;
	}
	while (kl->jsonline < ev->loc.line) {
		if ((nl = memchr(kl->json + kl->jsonoff, '\n',
		    kl->jsonlen - kl->jsonoff)) == NULL)
			return NULL;
		kl->jsonoff = (size_t)(nl - kl->json) + 1;
		kl->jsonline++;
	}
	start = end = kl->jsonoff;
	for (n = last - ev->loc.line + 1; n > 0; n--) {
		if ((nl = memchr(kl->json + end, '\n',
		    kl->jsonlen - end)) == NULL) {
			end = kl->jsonlen;
			break;
		}
		end = (size_t)(nl - kl->json) + 1;
	}
	*len = end - start;
	return kl->json + start;
}

/*
 * Read annotations, MAPPING_START being current and entered: scalar
 * keys to scalar values, in file order, duplicates kept (the rules
 * report them; the last wins).  vec is a KL_VEC(struct kv_pos).
 * Problems are reported unless quiet.
 */
int
kl_annotations(struct kload *kl, void *vec, const char *path, int quiet)
{
	KL_VEC(struct kv_pos)	*ann = vec, got = { NULL, 0, 0 };
	struct kv_pos		 a, *v;
	struct input_key	 k;
	struct loc		 loc;
	int			 r;

	for (;;) {
		if ((r = input_entry(&kl->in, &k)) != 1) {
			r = r == 2;
			break;
		}
		loc = kl->in.ev.loc;
		if (!k.ok) {
			if (!quiet)
				kl_error(kl, &k.loc, "%s: expected a scalar "
				    "key, found %s", path, k.found);
		} else if (kl->in.ev.type == INPUT_SCALAR) {
			a.key = arena_strdup(kl->a, k.s);
			a.value = k8s_annotation_read(k.s) ?
			    kl_scalar_dup(kl) : "";
			a.key_loc = k.loc;
			a.value_loc = loc;
			KL_PUSH(got, a);
		} else if (!quiet)
			kl_error(kl, &loc, "%s.%s: expected a scalar value, "
			    "found %s", path, k.s, input_found(&kl->in.ev));
		if (!input_skip(&kl->in)) {
			r = 0;
			break;
		}
	}
	/* Gathered on the heap, kept in the arena at their exact size. */
	if (got.n > 0) {
		v = arena_alloc(kl->a, (ann->n + got.n) * sizeof(*v));
		if (ann->n > 0)
			memcpy(v, ann->v, ann->n * sizeof(*v));
		memcpy(v + ann->n, got.v, got.n * sizeof(*v));
		ann->v = v;
		ann->n += got.n;
		ann->cap = ann->n;
	}
	free(got.v);
	return r;
}
