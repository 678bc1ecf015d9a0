/* SPDX-License-Identifier: ISC */
/*
 * A libyaml event stream with aliases resolved on demand: anchored
 * nodes are recorded as they stream by, within fixed bounds, and an
 * alias the reader asks for is replayed from the recording.
 */
#ifndef YEV_H
#define YEV_H

#include <stddef.h>

#include <yaml.h>

/* Limits on hostile input, documented in irsalint(1). */
#define YEV_MAX_ALIAS_NODES	1000000	/* nodes aliases expand to */
#define YEV_MAX_RECORDED	1000000	/* events kept for replay */

struct yrec;

/* Why yev_next() or yev_deref() failed. */
enum yev_err {
	YEV_OK = 0,
	YEV_ERR_PARSE,		/* libyaml: problem, mark */
	YEV_ERR_READER,		/* libyaml reader: problem, offset */
	YEV_ERR_ALIAS		/* ours: problem, mark */
};

struct yev {
	yaml_parser_t	 parser;
	yaml_event_t	 ev;		/* the current event */
	int		 owned;		/* ev came from the parser */
	int		 replay;	/* record anchors, replay aliases */
	enum yev_err	 err;
	char		 problem[256];
	yaml_mark_t	 mark;		/* YEV_ERR_PARSE, YEV_ERR_ALIAS */
	size_t		 offset;	/* YEV_ERR_READER */

	/* Of the current document; see yev.c. */
	struct yrec	**buckets;	/* completed anchors by name */
	struct yrec	**recs;		/* every recording, for freeing */
	size_t		  nrecs, caprecs;
	struct yrec	**open;		/* collections being recorded */
	size_t		  nopen, capopen;
	struct yframe	 *frames;	/* replays in progress */
	size_t		  nframes, capframes;
	size_t		  expanded;	/* nodes all aliases stand for */
	size_t		  recorded;	/* events held by recordings */
};

/*
 * Without replay the stream is libyaml's own: anchors are not recorded,
 * aliases are not checked, and yev_deref() leaves them to the reader.
 */
void	yev_init(struct yev *, yaml_read_handler_t *, void *, int replay);
void	yev_release(struct yev *);

/* Make the next event current; 0 on error, described in err. */
int	yev_next(struct yev *);

/*
 * If the current event is an alias, replace it with the first event of
 * the node it names and replay the rest of that node from the following
 * yev_next() calls.  Aliases the reader skips are never expanded.
 * Returns 0 on error (undefined anchor, anchor too large to keep).
 */
int	yev_deref(struct yev *);

#endif /* YEV_H */
