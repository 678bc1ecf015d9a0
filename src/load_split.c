/* SPDX-License-Identifier: ISC */
/*
 * Where a large stream of manifests may be cut into parts that threads
 * read at once: at a document marker, "---" at the start of a line,
 * where one document ends and the next begins whatever the two hold.
 * Not after a comment line, which applies to the line after it (an
 * irsalint:ignore before the marker, helm's "# Source:"), nor after a
 * directive, which belongs to the document the marker starts.  Each
 * part's first line number is counted here, so that every position of
 * a part reads as it would in the whole file.
 */
#include <sys/types.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"
#include "xalloc.h"

#define SPLIT_BUF	(1024 * 1024)	/* read at once; a marker is
					   looked for this far at most */
#define SPLIT_BACK	4096		/* and read from this far back */

enum line_kind { LK_BLANK, LK_COMMENT, LK_DIRECTIVE, LK_MARKER, LK_OTHER };

static int	 fill(int, char *, size_t, off_t, size_t *);
static int	 odd_break(const unsigned char *, size_t, size_t);
static int	 count_lines(int, char *, off_t, off_t, size_t *);
static enum line_kind kind_of(const char *, size_t);
static int	 find_marker(int, char *, off_t, off_t, off_t *, size_t *);

/* Up to n bytes at off; 0 at the end, -1 on an error. */
static int
fill(int fd, char *buf, size_t n, off_t off, size_t *got)
{
	ssize_t	 r;

	*got = 0;
	while (*got < n) {
		r = pread(fd, buf + *got, n - *got, off + (off_t)*got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			return -1;
		if (r == 0)
			break;
		*got += (size_t)r;
	}
	return 0;
}

/*
 * Does s[0..n) hold a line break other than LF and CR LF?  libyaml
 * counts a lone CR, NEL, LS and PS as line breaks too, where the lines
 * shown to the comment scanners count LF alone: before a cut, the two
 * numberings would part, so there is no cut after one.  The bytes up to
 * s[avail] may be looked at; a sequence cut by avail counts as one.
 */
static int
odd_break(const unsigned char *s, size_t n, size_t avail)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((s[i] == '\r' && (i + 1 >= avail || s[i + 1] != '\n')) ||
		    (s[i] == 0xc2 && (i + 1 >= avail || s[i + 1] == 0x85)) ||
		    (s[i] == 0xe2 && (i + 2 >= avail || (s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xa8 || s[i + 2] == 0xa9)))))
			return 1;
	return 0;
}

/*
 * The newlines in [from, to), added to *n; -1 on an error or an odd
 * line break (odd_break()).  Two bytes more are read than counted, so
 * that a CR LF, NEL, LS or PS across the end of a block is seen whole.
 */
static int
count_lines(int fd, char *buf, off_t from, off_t to, size_t *n)
{
	const unsigned char	*u = (const unsigned char *)buf;
	size_t			 got, have, i, c, odd;

	while (from < to) {
		got = (size_t)(to - from) < SPLIT_BUF - 2 ?
		    (size_t)(to - from) : SPLIT_BUF - 2;
		if (fill(fd, buf, got + 2, from, &have) == -1 || have == 0)
			return -1;
		if (got > have)
			got = have;
		for (i = c = odd = 0; i < got; i++) {
			c += u[i] == '\n';
			odd |= (u[i] == '\r') | (u[i] == 0xc2) | (u[i] == 0xe2);
		}
		if (odd && odd_break(u, got, have))
			return -1;
		*n += c;
		from += (off_t)got;
	}
	return 0;
}

/* A line without its newline. */
static enum line_kind
kind_of(const char *s, size_t n)
{
	size_t	 i;

	if (n >= 3 && memcmp(s, "---", 3) == 0 && (n == 3 || s[3] == ' ' ||
	    s[3] == '\t' || s[3] == '\r'))
		return LK_MARKER;
	if (n > 0 && s[0] == '%')
		return LK_DIRECTIVE;
	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r');
	    i++)
		continue;
	if (i == n)
		return LK_BLANK;
	return s[i] == '#' ? LK_COMMENT : LK_OTHER;
}

/*
 * The first marker line that starts at or after pos (pos > 0) and
 * within SPLIT_BUF of it, after a line with content that is neither a
 * comment nor a directive: its offset in *at, the newlines in [pos,
 * *at) in *nl.  0 when there is none, -1 when an odd line break comes
 * before it (odd_break()), after which no cut is made.  The lines are
 * read from up to SPLIT_BACK bytes before pos, so that the line before
 * a marker just after pos is known too.
 */
static int
find_marker(int fd, char *buf, off_t pos, off_t size, off_t *at, size_t *nl)
{
	const char	*p, *e, *end;
	off_t		 from = pos > SPLIT_BACK ? pos - SPLIT_BACK : 0, ls;
	size_t		 got;
	enum line_kind	 k, prev = LK_BLANK;
	int		 known = 0;

	if (fill(fd, buf, SPLIT_BUF, from, &got) == -1 || got == 0)
		return 0;
	end = buf + got;
	*nl = 0;
	p = buf;
	/* Past the line from starts within, unless from is a start. */
	if (from > 0) {
		if ((p = memchr(buf, '\n', got)) == NULL)
			return 0;
		if (from + (p - buf) >= pos)
			(*nl)++;
		p++;
	}
	for (; p < end; p = e + 1) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			/* A last line is whole only at the end of the file. */
			if (from + (off_t)got != size)
				return 0;
			e = end;
		}
		ls = from + (off_t)(p - buf);
		k = kind_of(p, (size_t)(e - p));
		if (ls >= pos && k == LK_MARKER && known &&
		    prev != LK_COMMENT && prev != LK_DIRECTIVE) {
			*at = ls;
			return odd_break((const unsigned char *)buf +
			    (pos - from), (size_t)(ls - pos),
			    got - (size_t)(pos - from)) ? -1 : 1;
		}
		if (k != LK_BLANK) {
			prev = k;
			known = 1;
		}
		if (e == end)
			break;
		if (from + (off_t)(e - buf) >= pos)
			(*nl)++;
	}
	return 0;
}

size_t
load_split_points(int fd, off_t size, size_t n, struct load_part *parts)
{
	char	*buf;
	off_t	 pos = 0, target, at;
	size_t	 m = 1, i, k, lines = 0, more;
	int	 r;

	parts[0].off = 0;
	parts[0].line_base = 0;
	if (n < 2 || size < 2)
		goto out;
	buf = xmalloc(SPLIT_BUF);
	for (k = 1; k < n; k++) {
		target = (off_t)((double)size * (double)k / (double)n);
		if (target <= pos)
			continue;
		if (count_lines(fd, buf, pos, target, &lines) == -1)
			break;
		pos = target;
		if ((r = find_marker(fd, buf, pos, size, &at, &more)) == -1)
			break;
		if (r == 0)
			continue;
		lines += more;
		pos = at;
		if (lines > UINT_MAX / 2)
			break;
		parts[m].off = at;
		parts[m].line_base = (unsigned int)lines;
		m++;
	}
	free(buf);
out:
	for (i = 0; i < m; i++)
		parts[i].len = (size_t)((i + 1 < m ? parts[i + 1].off : size) -
		    parts[i].off);
	return m;
}
