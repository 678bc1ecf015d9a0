/* SPDX-License-Identifier: ISC */
/*
 * The language server, irsalint --lsp: LSP 3.17 over a byte stream of
 * Content-Length framed JSON-RPC messages.  lsp_rpc.c frames messages,
 * lsp_pos.c converts positions and file URIs, lsp.c serves.  Like
 * main.c it sits on top of everything and nothing below includes it.
 */
#ifndef LSP_H
#define LSP_H

#include <stddef.h>
#include <sys/types.h>

struct arena;
struct buf;

/* Limits on what a client can make the server hold, in irsalint(1). */
#define LSP_MAX_MESSAGE	(64UL * 1024 * 1024)	/* content bytes */
#define LSP_MAX_HEADER	1024			/* bytes of a header line */
#define LSP_MAX_HEADERS	32			/* lines of one header */

/* Where the server reads and writes: stdio, or memory for the fuzzer. */
struct lsp_io {
	/* As read(2): bytes read, 0 at the end, -1 on an error. */
	ssize_t	(*read)(void *, char *, size_t);
	/* All len bytes, or -1: the client is gone. */
	int	(*write)(void *, const char *, size_t);
	/* Is more input waiting right now?  NULL: never assumed. */
	int	(*pending)(void *);
	void	 *arg;
};

/* The framing: header lines, a blank line, Content-Length bytes. */
struct lsp_reader {
	const struct lsp_io	*io;
	size_t			 max;		/* content bytes kept */
	size_t			 off, len;	/* unread bytes of buf */
	int			 eof;
	char			 buf[65536];
};

enum lsp_frame {
	LSP_FRAME_MSG,		/* the content is in the buffer */
	LSP_FRAME_EOF,		/* the end, maybe within a message */
	LSP_FRAME_BAD,		/* headers without a valid length: skipped */
	LSP_FRAME_TOOBIG	/* longer than max: its content skipped */
};

void		lsp_reader_init(struct lsp_reader *, const struct lsp_io *,
		    size_t max);
/*
 * The next message's content into out (reset first).  A header that
 * cannot be read is consumed up to its blank line, a message that is
 * too long up to its end, so that the next one is read in step.
 */
enum lsp_frame	lsp_read_frame(struct lsp_reader *, struct buf *out);
/* Are bytes read but not yet framed? */
int		lsp_reader_buffered(const struct lsp_reader *);
/* One message, framed, written whole; 0, or -1 when it cannot be. */
int		lsp_write_frame(const struct lsp_io *, const char *, size_t);

/*
 * A text indexed by line, to convert between irsalint's positions
 * (1-based lines, 1-based columns in code points) and the protocol's
 * (0-based lines, 0-based characters in UTF-16 code units or, with
 * utf-32, code points).  A code point starts at each byte that is not
 * a UTF-8 continuation byte, as irsalint's loaders count them.
 */
struct lsp_text {
	const char	*s;		/* NULL: unknown, taken for ASCII */
	size_t		 len;
	size_t		*lines;		/* where each line starts */
	size_t		 nlines;	/* newlines + 1 */
};

/* Index s[0..len), which must outlive t; the index is in the arena. */
void		lsp_text_index(struct lsp_text *, struct arena *,
		    const char *s, size_t len);
/* The character of 1-based code point column col of 1-based line. */
size_t		lsp_char_of(const struct lsp_text *, unsigned int line,
		    unsigned int col, int utf16);
/* The 1-based code point column of character ch of 0-based line. */
size_t		lsp_col_of(const struct lsp_text *, size_t line, size_t ch,
		    int utf16);
/* The column just past the last code point of 1-based line. */
size_t		lsp_line_end_col(const struct lsp_text *, unsigned int line);
/* The byte offset of a position, clamped to its line and the text. */
size_t		lsp_offset_of(const struct lsp_text *, size_t line,
		    size_t ch, int utf16);

/* The absolute path a file: URI names into out; -1: no such URI. */
int		lsp_uri_path(const char *uri, struct buf *out);
/* The file: URI of an absolute path into out. */
void		lsp_path_uri(const char *path, struct buf *out);
/* s, every byte of it that is not valid UTF-8 as U+FFFD, into out. */
void		lsp_utf8(const char *s, struct buf *out);

/*
 * What open documents may hold in all: past it, a document is linted
 * as its file on disk is, and the client is told once.
 */
#define LSP_MAX_OPEN	(256UL * 1024 * 1024)	/* bytes of their text */
#define LSP_MAX_DOCS	10000			/* documents */

struct lsp_opts {
	const char	*root;		/* NULL: the client's workspace */
	size_t		 max_message;	/* 0: LSP_MAX_MESSAGE */
	size_t		 max_open;	/* 0: LSP_MAX_OPEN */
};

/*
 * Serve until the exit notification or the end of the input.  Returns
 * the exit status: 0 after shutdown then exit, 1 otherwise.  Every
 * byte the server allocates is freed before it returns.
 */
int		lsp_serve(const struct lsp_io *, const struct lsp_opts *);
/* irsalint --lsp: serve on standard input and output. */
int		lsp_main(void);

#endif /* LSP_H */
