/*
 * extract_int.h -- shared by the extract_*.c files and people.c; not an
 * interface for the rest of the program.
 */
#ifndef MINUTES_EXTRACT_INT_H
#define MINUTES_EXTRACT_INT_H

#include <stddef.h>

#include "conventions.h"
#include "dates.h"
#include "diag.h"
#include "model.h"

struct people;

/* --- lines of inline text, mapped back to source positions --- */

struct xseg {
	size_t	 off;		/* offset in the line's text */
	int	 line;		/* source line and column of text[off] */
	int	 col;
};

struct xline {
	char		*text;
	int		 line;		/* source line of the line */
	struct xseg	*segs;
	size_t		 nsegs, segscap;
};

struct xlines {
	struct xline	*v;
	size_t		 n, cap;
};

/*
 * Splits the inline content of a paragraph, heading or table cell into
 * lines at soft and hard breaks; <br> also breaks a line.  The lines are
 * plain text (emphasis marks gone, links by their text).
 */
void	xlines_of(const struct node *, struct xlines *);
void	xlines_free(struct xlines *);
/* The source line and column of offset off of a line. */
void	xline_pos(const struct xline *, size_t off, int *line, int *col);

/* --- small string helpers --- */

/* The plain text of n on one line, trimmed; caller frees. */
char	*x_text(const struct node *);
/* Lowercases ASCII letters in place; returns s. */
char	*x_lower(char *);
/* Collapses runs of white space to one space and trims; in place. */
char	*x_squeeze(char *);
/* ASCII case-insensitive comparison of s with the word w at s. */
int	 x_word_at(const char *s, const char *w);
/* Strips trailing ':' and white space, and leading/trailing '*' '_'. */
char	*x_strip_label(char *);
/* Removes parenthesised parts "(…)" and "[…]" from s, in place. */
char	*x_drop_parens(char *);
/* The first paragraph child of an item, or NULL. */
const struct node *x_item_para(const struct node *item);

/* --- the extraction state --- */


struct xctx {
	struct meeting		*m;
	struct diags		*d;
	struct date		 date;		/* the meeting date */
	int			 has_date;
	const struct node	*first;		/* modelled blocks [first, stop) */
	const struct node	*stop;
	int			 fill_present;	/* body may fill attendees */
	int			 fill_apologies;
	int			 fill_absent;
	int			 fill_chairs;
	int			 fill_staff;
	int			 fill_observers;
	int			 fill_scribes;
	struct people		*pp;		/* who is who, for owners */
	struct strlist		 speakers;	/* "[glazou]": names of dialogue */
	const char		*context;	/* text of the item before */
	int			 context_line;	/* its source line */
	const char		*topic;		/* text of the item it is in */
	const char		*voice;		/* the speaker that item names
						 * ("* (AJ):"), or NULL */
	int			 listing;	/* an Action items list, no
						 * attendance: see lead_owner() */
	struct strlist		 handles;	/* pairs: handle, full name */
	struct strmap		 seen_actions;	/* dedupe keys -> index + 1 */
	struct strmap		 seen_decisions;
	size_t			 status_to;	/* index + 1 of the marked
						 * action a "**Status**: Done"
						 * paragraph below sets, or 0 */
	size_t			 status_seen;	/* actions and decisions then */
	/* Per action and decision, an enum xweak. */
	unsigned char		*weak_actions;
	size_t			 weak_acap;
	unsigned char		*weak_decisions;
	size_t			 weak_dcap;
};

/*
 * How firmly an action or decision was stated.  A weak one is dropped
 * when it restates another (prose_dedupe()).  Rows of a summary table
 * restate the body in fewer words, but never each other: two rows are
 * two items however alike.
 */
enum xweak {
	XW_MARKED,		/* a marked or listed item */
	XW_PROSE,		/* read from prose */
	XW_REPEAT,		/* found to restate another: dropped */
	XW_TABLE		/* a row of a table without ids */
};

/* Classifies a heading or label text ("Action items", "Regrets"). */
enum xkind	 x_classify_label(const char *);
/*
 * Whether a paragraph's text says how agenda items are given ("Agenda
 * Items should be entered no less than 24 hours prior to call."): the
 * agenda follows it, as it follows an "Agenda:" label.
 */
int		 x_agenda_note(const char *);

/* An action being assembled before it joins the model. */
struct pend {
	char		*text;
	struct strlist	 owners;	/* as written */
	char		*due_text;
	char		*id;		/* a numbered id kept from the notes */
	enum mtg_status	 status;
	int		 line, col;
	int		 from_table;
	enum xweak	 weak;
	int		 listed;	/* an item of an Action items list of
					 * notes with no attendance */
};

void	pend_free(struct pend *);

/* extract_owners.c: owners and due dates in the text of an action. */

/*
 * Whether s[0..len) is a list of owners ("A, B and C", "@a / @b"); adds
 * them to owners when it is.  lenient admits one lower-case handle.
 */
int	owner_list_ok(const char *s, size_t len, int lenient,
	    struct strlist *owners);
/* A leading owner: returns the length of "Name to " to cut, or 0.
 * listed: the text is an item of an Action items list of notes with no
 * attendance, where "Name: task" names its owner (a capitalised name or
 * a handle) though the meeting knows no name. */
size_t	lead_owner(const struct people *, const char *, struct strlist *,
	    int listed);
/* A trailing "@Name": returns where it starts, or 0. */
size_t	trail_at_owner(const char *, struct strlist *);
/* Trims spaces and separators left when a clause is cut; in place. */
void	trim_tail(char *);
/* Whether a status cell or line says done ("Done", "closed", "✓"). */
int	done_word(const char *);
/* Whether a status cell or line names a status (done, in progress,
 * dropped, open); sets *st when it does. */
int	x_status_word(const char *, enum mtg_status *st);
/* A due phrase at the end of t, as date_split_due(), or an explicit
 * "due X" whose X is no date. */
int	x_due_phrase(const char *t, size_t *cut, size_t *ps, size_t *pe);
/* Takes owners, a due phrase and a done mark out of p->text. */
void	action_parse_text(const struct people *, struct pend *);

/* extract_commit.c: the model side of actions and decisions. */

/* Adds p as an action unless it repeats an earlier one (then fills in
 * what that one lacked); takes p's strings it keeps. */
/* Returns the action's index + 1 in the model (an earlier one it
 * repeats), or 0 when there is none. */
size_t	action_commit(struct xctx *, struct pend *);
void	decision_commit(struct xctx *, const char *id, const char *text,
	    int line);

/* A decision read from prose: an explicit one saying the same wins. */
void	decision_commit_weak(struct xctx *, const char *text, int line);

/* extract_tables.c: action, team and decision tables; returns 1 when the
 * table was one of them. */
int	scan_table(struct xctx *, const struct node *table, enum xkind ctx);

/* extract_prose.c: commitments and outcomes in dialogue and prose. */

/*
 * Reads lines [from, to) of a block as sentences: a speaker taking a
 * task, "Name will verb", an outcome ("consensus that …"); records them
 * as weak actions and decisions.  item_start: the block opens a list
 * item ("@kenji reach out …"); 2: a line under an "Action Items:" label
 * ("Dan & Jory talk to …").  prev: the text of the block before, the
 * proposal an assent line ("Approved (6/6)") closes; may be NULL.
 */
void	prose_scan(struct xctx *, const struct xlines *, size_t from,
	    size_t to, int item_start, const char *prev);
/* Drops weak actions and decisions that repeat another one. */
void	prose_dedupe(struct xctx *);
/* Collects the "[name]" speakers of dialogue in the modelled blocks. */
void	prose_speakers(struct xctx *);
/* The speaker a list item of its own names ("* (AJ):", "- Michael:"),
 * whose sub-items are what they said; NULL for none.  Caller frees. */
char	*prose_voice(const struct xctx *, const char *item_text);
/* The text of the item before item, or of the item it is nested in;
 * NULL for none.  Caller frees. */
char	*x_item_before(const struct node *item);
/* Whether a line starts with an action or decision marker. */
int	 x_marker_line(const char *);

/* extract_attend.c: attendance from lines, sections, lists and tables. */
void	extract_attendance(struct xctx *);

/* extract_actions.c: actions, decisions and teams, in one walk. */
void	extract_actions(struct xctx *);
/* Gives every action without a numbered id its "<date>-<n>" id. */
void	extract_actions_finish(struct xctx *);

#endif
