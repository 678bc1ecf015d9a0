/* SPDX-License-Identifier: ISC */
/*
 * The positioned input layer: YAML or JSON text as a stream of events
 * that carry their positions, a cursor to walk that stream, and a small
 * positioned tree for readers that want one.  Two backends produce the
 * same events: libyaml through yev.c, which reads YAML and therefore
 * JSON, and the JSON scanner of jscan.c.  Loaders see only this header,
 * so that which backend reads a text can change without touching them.
 * The layer rests on the base modules (diag, buf, arena, xalloc) and
 * the parsers' wrappers only: it knows nothing of the model or of any
 * loader.
 */
#ifndef INPUT_H
#define INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "jscan.h"
#include "yev.h"

struct arena;

/* ---- Positions ---- */

/*
 * Positions are 1-based lines and columns; a column counts code points
 * (UTF-8 lead bytes), as libyaml's marks do, and a line ends at '\n'.
 * input_loc_from_offset() sets loc's line and col to those of byte off
 * of the text; input_loc_advance() goes on from *loc, the position of
 * offset *at (at most off), moving both to off, so that a reader that
 * places many things in text order counts each byte once.
 */
void	input_loc_from_offset(const char *, size_t, size_t, struct loc *);
void	input_loc_advance(const char *, size_t, size_t *, struct loc *,
	    size_t);

/* A position that counts on through one text. */
struct input_pos {
	const char	*data;
	size_t		 len;
	size_t		 off;		/* loc is the position of this offset */
	struct loc	 loc;
	int		 ascii;		/* no byte of data is above 0x7f */
	size_t		 line_start;	/* of loc's line, when ascii */
};

void		input_pos_init(struct input_pos *, const char *file,
		    const char *, size_t);
/* The position of off; cheap when offsets come in increasing order. */
struct loc	input_pos_at(struct input_pos *, size_t off);

/* ---- Events ---- */

enum input_type {
	INPUT_NONE = 0,
	INPUT_STREAM_START,
	INPUT_STREAM_END,
	INPUT_DOC_START,
	INPUT_DOC_END,
	INPUT_ALIAS,
	INPUT_SCALAR,
	INPUT_SEQ_START,
	INPUT_SEQ_END,
	INPUT_MAP_START,
	INPUT_MAP_END
};

/* The current event; its strings are valid until the next one. */
struct input_event {
	enum input_type	 type;
	const char	*s;		/* INPUT_SCALAR: NUL-terminated text */
	size_t		 len;		/* of s, NUL bytes within counted */
	int		 plain;		/* a plain scalar: may be null */
	int		 style;		/* INPUT_STYLE_* of a scalar */
	const char	*tag;		/* "!Ref", "tag:yaml.org,2002:str"... */
	const char	*anchor;	/* &name defined; INPUT_ALIAS: *name */
	int		 replayed;	/* part of an alias being replayed */
	struct loc	 loc;		/* first character to past the last */
};

/* How a scalar is written; JSON strings are double-quoted. */
enum input_style {
	INPUT_STYLE_PLAIN = 0,
	INPUT_STYLE_SINGLE,		/* 'text' */
	INPUT_STYLE_DOUBLE,		/* "text" */
	INPUT_STYLE_LITERAL,		/* | */
	INPUT_STYLE_FOLDED		/* > */
};

/*
 * Is this scalar event a null?  Three readers answered three ways
 * before this function served them all, and each keeps its answer
 * through the flags, so that no output changed:
 *
 *  0	CloudFormation (load_cfn.c): an untagged plain scalar that is
 *	empty, ~, null, Null or NULL (YAML 1.2's core schema).  A tag
 *	makes it a value: `!Ref null` is a reference, not a null.
 *  INPUT_NULL_ANY_TAG
 *	Kubernetes (load_k8s.c): the same words, plain, whatever the tag
 *	says; replayed aliases carry no tag, so a tag could not count.
 *  INPUT_NULL_ANY_CASE
 *	The configuration file (config.c, which still reads libyaml
 *	itself): libyaml's plain_implicit test, under which the
 *	non-specific tag "!" counts as no tag in any style, and "null" in
 *	any case (nULL too).
 *
 * The text is compared as a C string, as all three did: a NUL ends it.
 */
#define INPUT_NULL_ANY_TAG	0x01
#define INPUT_NULL_ANY_CASE	0x02

int		 input_is_null(const struct input_event *, unsigned int);

/*
 * What a reader found where it wanted something else, for messages
 * "expected a mapping, found a sequence": "a mapping", "a sequence",
 * "an alias" or "a scalar".
 */
const char	*input_found(const struct input_event *);

/* ---- Errors ---- */

/*
 * The layer finds errors and readers word them: each loader has its
 * own way to say "nested too deeply", and the goldens hold it.
 */
enum input_err_kind {
	INPUT_OK = 0,
	INPUT_ERR_SYNTAX,	/* the backend's grammar: problem, loc */
	INPUT_ERR_ENCODING,	/* bytes that are not text: problem, loc */
	INPUT_ERR_ALIAS,	/* an alias not resolved: problem, loc */
	INPUT_ERR_DEPTH,	/* more than maxdepth collections: loc */
	INPUT_ERR_KEY,		/* input_tree(): a key that is not a scalar */
	INPUT_ERR_LIMIT		/* input_tree(): over its node budget */
};

struct input_err {
	enum input_err_kind	 kind;
	struct loc		 loc;	/* where; line 0 when unknown */
	char			 problem[256];
};

/* ---- Sources ---- */

/*
 * Text handed to libyaml in blocks of whole lines, from memory or a
 * stream.  libyaml's reader checks the encoding of all it is given
 * before the parser goes on, so a block that held a bad byte would
 * report it before the documents ahead of it were seen: a block holds
 * only lines of printable ASCII, and any other line is handed alone, as
 * every line once was.  A block is at most INPUT_LINES_BLOCK bytes (or
 * one longer line) and INPUT_LINES_RING / 2 lines, so that the last
 * INPUT_LINES_RING line starts, kept to place errors that libyaml gives
 * as a byte offset, cover the block being read and the one before.
 * Streaming keeps a block in memory, not the file; each line that
 * holds a '#' is shown to hook as its block is made (comment scanners:
 * libyaml drops comments), a block ahead of the parser at most, and
 * every line after one for which hook returned nonzero, until it
 * returns 0 again.
 */
#define INPUT_LINES_BLOCK	16384
#define INPUT_LINES_RING	256

struct input_lines {
	/* Set by the reader after input_lines_mem() or _stream(). */
	size_t		 max_line;	/* a longer line ends the input */
	size_t		 max_size;	/* a longer stream ends the input */
	/*
	 * A part of a file, streamed from where fp stands: at most limit
	 * bytes are read, and its first line is line line_base + 1 (for
	 * lines, hook and events alike).  SIZE_MAX and 0 otherwise.
	 */
	size_t		 limit;
	unsigned int	 line_base;
	int		(*hook)(void *, unsigned int, const char *, size_t);
	void		*arg;		/* for hook */
	int		 hook_all;	/* show hook the next line, '#' or not
					   (at first: yes) */
	size_t		 keep;		/* keep the last lines' text, at
					   least this many bytes of it
					   before the block being read */
	int		 scan_each;	/* tests: each line through
					   input_line_scan(), as the lines
					   of a block are not otherwise */

	unsigned int	 lineno;	/* lines read so far */
	int		 too_big;	/* the stream passed max_size */
	int		 line_too_long;	/* a line passed max_line */

	const char	*data;		/* the input, when in memory */
	size_t		 len;
	size_t		 off;		/* bytes handed to libyaml */
	size_t		 pos;		/* in memory: the next line's start */
	FILE		*fp;		/* the input, when streamed */
	const char	*pre;		/* read from fp before the reader */
	size_t		 prelen;
	char		*rb;		/* read from fp, not yet in lines */
	size_t		 rbcap, rblen;
	size_t		 rbpos;		/* the next line's start in rb */
	int		 eof;		/* fp has no more */
	size_t		 nread;		/* bytes read from fp */
	const char	*cur;		/* the block being handed to libyaml */
	size_t		 curlen, curoff;
	struct {
		size_t		 off;	/* offset of a line's start */
		unsigned int	 line;
	}		 ring[INPUT_LINES_RING];
	char		*win;		/* the kept lines' text (keep) */
	size_t		 winlen, wincap;
	size_t		*winoff;	/* where each kept line starts */
	size_t		 nwin, capwin;
	unsigned int	 winfirst;	/* the line of winoff[0] */
};

void	input_lines_mem(struct input_lines *, const char *, size_t);
/*
 * The line at s of the avail bytes there: its length through its
 * newline in *n (avail when there is none) and what it holds.  portable:
 * eight bytes at a time even where SSE2 is at hand (tests compare the
 * two).
 */
#define INPUT_LINE_NL		0x1	/* it ends with a newline */
#define INPUT_LINE_PLAIN	0x2	/* printable ASCII, tab, CR only */
#define INPUT_LINE_HASH		0x4	/* a '#' is before the newline */
unsigned int input_line_scan(const char *s, size_t avail, size_t *n,
	    int portable);
/* pre holds the prelen bytes already read from the stream. */
void	input_lines_stream(struct input_lines *, FILE *, const char *pre,
	    size_t prelen);
void	input_lines_release(struct input_lines *);
/*
 * The text of lines first to last (1-based, newlines included) when
 * keep is set and they are among the last kept: a pointer valid until
 * the next line is read, and its length in *len; NULL otherwise.  A
 * line longer than keep is never kept.
 */
const char *input_lines_text(const struct input_lines *, unsigned int first,
	    unsigned int last, size_t *len);
/* The same for the lines of a scalar event (through its end). */
const char *input_lines_scalar(const struct input_lines *,
	    const struct input_event *, size_t *len);

/* ---- The input and its cursor ---- */

/*
 * How input_open() reads.  With INPUT_REPLAY, input_deref() replays an
 * alias from yev.c's recording; without it, aliases reach the reader
 * as INPUT_ALIAS events, and no anchor is recorded.  INPUT_YAML and
 * INPUT_JSON choose the backend, which the layer chooses otherwise.
 */
#define INPUT_REPLAY	0x01
#define INPUT_YAML	0x02	/* libyaml, whatever the text */
#define INPUT_JSON	0x04	/* the JSON scanner; the text must be JSON */

struct input_backend;

/* Backend state, the layer's own. */
struct input_yaml {
	struct yev		 y;
	const char		*data;		/* from memory, or */
	size_t			 len, off;
	struct input_lines	*lines;		/* a line at a time */
};

struct input_json {
	struct jscan		 j;
	int			 phase;		/* see input_json.c */
	unsigned char		*stack;		/* open containers: '{' '[' */
	size_t			 nstack, capstack;
	struct buf		 text;		/* the current scalar */
	struct input_pos	 pos;
};

struct input {
	const char		*file;
	unsigned int		 flags;
	unsigned int		 maxdepth;	/* for input_enter() */
	struct input_event	 ev;		/* the current event */
	unsigned int		 depth;		/* collections entered */
	unsigned int		 last_line;	/* see input_next() */
	struct input_err	 err;		/* the first error */
	const struct input_backend *be;
	struct input_yaml	 yaml;
	struct input_json	 json;
};

/*
 * Open text in memory, which must outlive the input.  Unless flags
 * name a backend, the layer chooses: today always libyaml, whose
 * messages the loaders' goldens hold; the JSON scanner is faster on
 * JSON, and choosing it for JSON text is a change to input_open() only.
 * The JSON scanner needs the text in memory, so input_open_lines()
 * always reads with libyaml.
 */
void	input_open(struct input *, const char *file, const char *, size_t,
	    unsigned int flags, unsigned int maxdepth);
void	input_open_lines(struct input *, const char *file,
	    struct input_lines *, unsigned int flags, unsigned int maxdepth);
void	input_close(struct input *);

/*
 * The cursor.  Each call returns 0 after an error, described in
 * in->err for the reader to word; the input is then at its end.
 *
 * input_next() makes the next event current.  It also keeps last_line,
 * the line where the last scalar or alias read from the text (not
 * replayed) ends: where a document's content ended, for readers that
 * match comments to documents.
 */
int	input_next(struct input *);
/* If the current event is an alias, replay it (INPUT_REPLAY only). */
int	input_deref(struct input *);
/* Open the collection at the current event: INPUT_ERR_DEPTH if deep. */
int	input_enter(struct input *);
/*
 * Skip the node whose first event is current, leaving its last event
 * current.  Aliases within are skipped, never expanded.
 */
int	input_skip(struct input *);
/*
 * Step through a sequence already entered: 1 with the next item's
 * first event current, aliases resolved; 2 when the sequence has ended
 * (and is left).
 */
int	input_item(struct input *);

/* Keys longer than this are never among those a reader asks for. */
#define INPUT_KEY_MAX	1024

/* A key just read: its text, when a short scalar, and where it is. */
struct input_key {
	char		 s[INPUT_KEY_MAX];
	int		 ok;		/* a scalar without NUL that fits */
	int		 merge;		/* the YAML merge key << */
	const char	*found;		/* what the key is, for messages */
	struct loc	 loc;
};

/*
 * Step through a mapping already entered: 1 with the key in k and the
 * first event of its value current, aliases resolved; 2 at the end of
 * the mapping (which is left).
 */
int	input_entry(struct input *, struct input_key *);

/* ---- Places inside a scalar ---- */

/* The longest value input_scalar_locs() maps, in bytes. */
#define INPUT_SCALAR_MAP_MAX	(256 * 1024)

/*
 * Where places inside a scalar's value are in the file, for a document
 * held in a string (a trust policy in a manifest).  ev is the scalar
 * event, current; text holds the file's lines from its first to its
 * last (input_lines_scalar()).  at[0..n-1] are places given as lines and
 * columns of the value itself, as a reader of the value's own text
 * counts them (the JSON backend over it); out[] gets the file's place
 * of each, the file's name that of ev.  The scalar's style says how
 * its text spells the value: indentation and folding of block
 * scalars, quotes, escapes and folded line breaks.  Returns 1, or 0
 * with out[] unset when the text does not spell the value so (a tag,
 * an alias replayed elsewhere, a place outside the value): no position
 * is invented.
 */
int	input_scalar_locs(const char *text, size_t textlen,
	    const struct input_event *ev, const struct loc *at, size_t n,
	    struct loc *out);

/* ---- The tree ---- */

enum input_node_type {
	INPUT_NODE_NULL,
	INPUT_NODE_SCALAR,
	INPUT_NODE_SEQ,
	INPUT_NODE_MAP
};

/* A node and its position; strings and nodes live in an arena. */
struct input_node {
	enum input_node_type	 type;
	const char		*s;	/* scalars and nulls: the text */
	size_t			 len;
	const char		*tag;	/* NULL: none */
	int			 plain;	/* a plain scalar (in JSON: not a
					   string) */
	const char		*key;	/* an entry of a mapping: its key */
	struct loc		 key_loc;
	struct loc		 loc;	/* to the end of the node */
	struct input_node	*kids;	/* items or entries, in text order */
	struct input_node	*next;
	size_t			 n;	/* kids */
};

/*
 * Build the node whose first event is current, leaving its last event
 * current.  Keys must be scalars; aliases are replayed with
 * INPUT_REPLAY and an error otherwise; nulls are told by nullflags
 * (input_is_null()).  Each node costs one of *budget: none left is
 * INPUT_ERR_LIMIT.  NULL after an error.
 */
struct input_node	*input_tree(struct input *, struct arena *,
			    unsigned int nullflags, size_t *budget);
/* The entry of a mapping with this key, the first if several. */
const struct input_node	*input_node_get(const struct input_node *,
			    const char *);
/* input_found() for nodes; a null is "nothing". */
const char		*input_node_found(const struct input_node *);

/* ---- Between the layer and its backends; readers use the above ---- */

struct input_backend {
	int	(*next)(struct input *);	/* fill in->ev, or in->err */
	int	(*deref)(struct input *);
	void	(*release)(struct input *);
};

/* Record the first error (at the current event if loc is NULL); 0. */
int	input_error(struct input *, enum input_err_kind, const struct loc *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));
void	input_yaml_open(struct input *);
void	input_json_open(struct input *, const char *, size_t);
/* A libyaml read handler over struct input_lines; the offset's line. */
int	input_lines_read(void *, unsigned char *, size_t, size_t *);
struct loc input_lines_loc(const struct input_lines *, const char *file,
	    size_t off);

#endif /* INPUT_H */
