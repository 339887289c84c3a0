/*
 * series.h -- the meetings of a group as one series: each action's life
 * from the meeting that raised it to the one that closed it.
 *
 * The series reads finished meeting models (after validate) and knows
 * nothing of Markdown or of output formats.  It orders the meetings by
 * date, then time, then file name, follows every action across them and
 * writes back into each meeting what the renderers need: the id of an
 * action reviewed from an earlier meeting, and where it was raised.
 */
#ifndef MINUTES_SERIES_H
#define MINUTES_SERIES_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "util.h"

#define SERIES_SCHEMA	1	/* series.json "schema" */
#define SERIES_NONE	((size_t)-1)

struct series_meeting {
	const struct meeting *m;	/* borrowed; outlives the series */
	struct meeting	*w;		/* m, to write the series back, or NULL */
	struct diags	*d;		/* its diagnostics, borrowed, or NULL */
	char		*folder;	/* output folder name, or NULL */
	const char	*chapter;	/* its archive.xml chapter as made
					   before (borrowed), or NULL */
	size_t		 chapter_len;
};

/* What one meeting said about an action. */
struct series_event {
	size_t		 meeting;	/* index into series meetings */
	int		 line;
	char		*text;		/* the text as written there */
	struct strlist	 owners;
	char		*due;		/* ISO date, or NULL */
	char		*due_text;
	enum mtg_status	 status;
	int		 changed;	/* status, due or owners changed */
};

struct series_action {
	char		*id;
	char		*text;		/* as raised */
	struct strlist	 owners;	/* current */
	char		*due;		/* current ISO due date, or NULL */
	char		*due_text;	/* current, as written, or NULL */
	enum mtg_status	 status;	/* current */
	size_t		 raised;	/* meeting index */
	int		 line;		/* where it was raised */
	size_t		 closed;	/* meeting that closed it, or SERIES_NONE */
	size_t		 carried;	/* later reviews that left it open */
	int		 sequence;	/* changes since it was raised */
	int		 overdue;	/* open and due before the as-of date */
	struct series_event *ev;	/* history, raising meeting first */
	size_t		 nev, evcap;
	/* Matching (series.c): chains of actions sharing a key, index + 1. */
	size_t		 same_text;	/* same text and owners */
	size_t		 same_owners;	/* same owners */
};

struct series_decision {
	size_t		 meeting;
	const char	*text;		/* borrowed from the meeting */
	int		 line;
};

struct series {
	struct series_meeting	*mt;
	size_t			 nmt, mtcap;
	struct series_action	*act;
	size_t			 nact, actcap;
	struct series_decision	*dec;
	size_t			 ndec, deccap;
	char			*as_of;		/* ISO date, or NULL */
	struct strmap		 ids;		/* action id -> index + 1 */
	struct strmap		 texts;		/* text+owners key -> chain */
	struct strmap		 owners;	/* owners key -> chain */
	struct series_person	*people;	/* by series_build(), in
						   byte order of their names */
	size_t			 npeople, peoplecap;
	const char		*appendices;	/* archive.xml's appendices as
						   made before (borrowed), or
						   NULL */
	size_t			 appendices_len;
};

struct series	*series_new(void);
/* Frees the series; the meetings it was given stay the caller's. */
void		 series_free(struct series *);
/* Adds a meeting; d (or NULL) receives the series' diagnostics of it. */
void		 series_add(struct series *, const struct meeting *,
		    struct diags *);
/* The same, and series_build() writes the series' ids and links into m. */
void		 series_add_writable(struct series *, struct meeting *,
		    struct diags *);
/* <0, 0, >0 as meeting a comes before, with or after b in a series:
 * by date (undated last), then time, then source. */
int		 series_meeting_cmp(const struct meeting *,
		    const struct meeting *);
/* Orders the meetings by series_meeting_cmp(). */
void		 series_order(struct series *);
/*
 * Follows the actions across the ordered meetings, raising diagnostics
 * for near matches and ambiguous ones, and writes the series ids and
 * where each reviewed action was raised back into the meetings; a
 * meeting with a folder also gets its previous and next meetings (the
 * links of its minutes) and is marked as archived.  as_of
 * (ISO date, or NULL: the latest meeting's date) decides what is
 * overdue.  Returns 0, or -1 when as_of is not a date.
 */
int		 series_build(struct series *, const char *as_of);

/* What a meeting of the series says of a person. */
enum series_presence {
	SERIES_UNLISTED,	/* not named in its attendance */
	SERIES_PRESENT,		/* an attendee or a chair */
	SERIES_APOLOGIES,
	SERIES_ABSENT,
	SERIES_PRESENCE__MAX
};

/*
 * A person the meetings' attendance names (chairs, attendees, apologies,
 * absent), and what each meeting that names them says: an attendee or a
 * chair is present, whatever else the meeting says.
 */
struct series_person {
	const char		*name;		/* borrowed from a meeting */
	size_t			 count[SERIES_PRESENCE__MAX];	/* meetings
						 * of each presence (none for
						 * SERIES_UNLISTED) */
	struct series_seen {
		size_t			 meeting;
		enum series_presence	 p;
	}			*seen;		/* in meeting order */
	size_t			 nseen, seencap;
};

/* The group's name: the first meeting's group, or its title. */
const char	*series_group(const struct series *);
/*
 * The groups of the meetings, newest meeting first, each once, into
 * *out (empty when no meeting names its group); the caller frees it.
 */
void		 series_groups(const struct series *, struct strlist *out);
/* Meeting i's group, or "" when it names none. */
const char	*series_group_of(const struct series *, size_t i);
/* The date shown for meeting i, or "undated". */
const char	*series_date(const struct series *, size_t i);

/*
 * The words of 3 letters or more (case and accents folded) that a and b
 * share; *na and *nb get how many each has (at most 64 are read).
 */
size_t		 series_words_shared(const char *a, const char *b, size_t *na,
		    size_t *nb);

/* series_json.c: the series model as JSON (SERIES_SCHEMA). */
void		 series_json(const struct series *, struct buf *);

#endif
