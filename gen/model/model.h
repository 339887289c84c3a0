/*
 * model.h -- the meeting model: plain structs that own their strings.
 *
 * The parser builds a document tree (struct node) that mirrors the Markdown
 * without depending on cmark; extraction reads that tree and fills a struct
 * meeting.  Renderers see only a const struct meeting.
 */
#ifndef MINUTES_MODEL_H
#define MINUTES_MODEL_H

#include <stddef.h>
#include <string.h>

#include "util.h"

enum node_type {
	/* blocks */
	MTG_N_DOCUMENT,
	MTG_N_PARAGRAPH,
	MTG_N_HEADING,		/* level */
	MTG_N_LIST,		/* ordered, start, tight */
	MTG_N_ITEM,		/* task */
	MTG_N_BLOCKQUOTE,
	MTG_N_CODE_BLOCK,	/* text, info */
	MTG_N_HTML_BLOCK,	/* text: raw HTML, escaped unless unsafe */
	MTG_N_THEMATIC_BREAK,
	MTG_N_TABLE,		/* first child is the header row */
	MTG_N_TABLE_ROW,	/* header */
	MTG_N_TABLE_CELL,	/* align */
	/* inlines */
	MTG_N_TEXT,		/* text */
	MTG_N_SOFTBREAK,
	MTG_N_LINEBREAK,
	MTG_N_CODE,		/* text */
	MTG_N_HTML_INLINE,	/* text */
	MTG_N_EMPH,
	MTG_N_STRONG,
	MTG_N_STRIKE,
	MTG_N_LINK,		/* url, title */
	MTG_N_IMAGE,		/* url, title; children are the alt text */
	MTG_N__MAX
};

enum mtg_align {
	MTG_ALIGN_NONE,
	MTG_ALIGN_LEFT,
	MTG_ALIGN_CENTER,
	MTG_ALIGN_RIGHT
};

enum mtg_task {
	MTG_TASK_NONE,		/* an ordinary list item */
	MTG_TASK_OPEN,		/* - [ ] */
	MTG_TASK_DONE		/* - [x] */
};

/*
 * A node of the document tree.  Small fields are packed, and fields of
 * types that never meet share their place (56 bytes on 64-bit systems):
 * a table of small cells is a node per cell and per text, several per
 * byte of the notes.  Links and images have a url and a title, the other
 * types a text and an info string; node_is_link() says which pair a node
 * holds.  The second string of a pair, rare, is kept after the first in
 * one allocation (node_set_pair(), node_info()).  The last child is the
 * first child's back link, so a node has no field for it: node_last()
 * and node_prev() read the two.
 */
struct node {
	struct node	*parent;
	struct node	*first;		/* first child */
	struct node	*next;		/* next sibling */
	struct node	*back;		/* previous sibling; for the first
					 * child, the last child */
	union {
		char	*text;		/* literal text (TEXT, CODE, *_BLOCK,
					 * HTML) */
		char	*url;		/* LINK, IMAGE */
	};
	int		 line;		/* 1-based source line */
	int		 col;		/* 1-based source column */
	union {
		int	 start;		/* LIST: first number */
		int	 number;	/* ITEM of a numbered list: its own
					 * number as written (a list may
					 * number 1, 2, 3, then 1, 2 again);
					 * for extraction, not cached */
		int	 note;		/* PARAGRAPH: speaker notes; the
					 * bytes of its label ("Note: ") */
	};
	enum node_type	 type : 8;
	unsigned	 level : 4;	/* HEADING: 1..6 */
	unsigned	 ordered : 1;	/* LIST: numbered */
	unsigned	 tight : 1;	/* LIST: no blank lines between items */
	unsigned	 header : 1;	/* TABLE_ROW: the header row */
	enum mtg_task	 task : 2;	/* ITEM */
	enum mtg_align	 align : 2;	/* TABLE_CELL */
	unsigned	 in_arena : 1;	/* it and its strings belong to an
					 * arena, and so do its children */
	unsigned	 pair : 1;	/* text (or url) is followed by a
					 * second string: CODE_BLOCK's fence
					 * info, LINK's or IMAGE's title */
};

/*
 * An arena: the nodes and strings of one parsed notes file, given back
 * all at once.  The meetings split from one file share it; each holds a
 * reference.
 */
struct arena;

struct arena	*arena_new(void);
/* Another reference to a; returns a. */
struct arena	*arena_ref(struct arena *a);
/* Drops a reference; the last one frees the arena.  NULL is safe. */
void		 arena_free(struct arena *a);
/* A copy of s[0..len), NUL-terminated, in a. */
char		*arena_strndup(struct arena *a, const char *s, size_t len);
/* A node of a (node_free() leaves it to the arena). */
struct node	*arena_node(struct arena *a, enum node_type, int line, int col);

/* Whether nodes of type t hold a url and a title (not a text and info). */
#define node_is_link(t)	((t) == MTG_N_LINK || (t) == MTG_N_IMAGE)

/* The fence info string of a code block, or NULL. */
static inline const char *
node_info(const struct node *n)
{
	return n->pair ? n->text + strlen(n->text) + 1 : NULL;
}

/* The title of a link or image, or NULL. */
static inline const char *
node_title(const struct node *n)
{
	return node_info(n);
}

/*
 * Sets the text (or url) of n and its info (or title), either NULL, as
 * one string: in arena a, or n's own (a NULL).  A NULL text with an info
 * becomes "".
 */
void		 node_set_pair(struct node *n, struct arena *a,
		    const char *text, const char *info);

/* The last child of n, or NULL. */
static inline struct node *
node_last(const struct node *n)
{
	return n->first != NULL ? n->first->back : NULL;
}

/* The sibling before n, or NULL for a first child (or a root). */
static inline struct node *
node_prev(const struct node *n)
{
	return n->parent != NULL && n->parent->first != n ? n->back : NULL;
}

struct node	*node_new(enum node_type, int line, int col);
void		 node_append(struct node *parent, struct node *child);
/* Frees n and its whole subtree (iteratively: any depth is safe). */
void		 node_free(struct node *);
/* The plain text of n's inlines (links keep their text); caller frees. */
char		*node_text(const struct node *);
/* Next node of a depth-first walk of root, or NULL at the end. */
const struct node *node_walk_next(const struct node *root,
		    const struct node *n);

struct agenda_item {
	char			*title;
	int			 line;
	int			 section;	/* index into sections of its
						 * minutes, or -1 */
	struct agenda_item	*items;		/* nested items */
	size_t			 nitems;
	size_t			 itemscap;
};

enum mtg_status {
	MTG_OPEN,
	MTG_DONE,
	MTG_IN_PROGRESS,
	MTG_DROPPED,
	MTG_STATUS__MAX
};

/* The status as the JSON model spells it: "open", "done", "in-progress",
 * "dropped". */
const char	*mtg_status_name(enum mtg_status);
/* Whether an action of this status is still to be done. */
int		 mtg_status_pending(enum mtg_status);

/* What an owner, rapporteur or team member as written turned out to be. */
enum people_kind {
	MTG_WHO_UNKNOWN,	/* nobody the meeting names */
	MTG_WHO_PERSON,		/* a person, named in full */
	MTG_WHO_GROUP,		/* a group ("ICANN Org", "All", "Browsers") */
	MTG_WHO_AMBIGUOUS,	/* a short form that fits several people */
	MTG_WHO_ALIAS,		/* a person, named by a short form or alias */
	MTG_WHO__MAX
};

/* "person", "alias", "group", "ambiguous", "unknown". */
const char	*mtg_who_name(enum people_kind);

struct action {
	char		*id;		/* "<date>-<n>", or a numbered id kept */
	char		*text;
	struct strlist	 owners;	/* full names where resolved */
	enum people_kind *owner_kind;	/* what each owner is (validate) */
	size_t		 nowner_kind;	/* owners extraction gave a kind */
	char		*due;		/* ISO yyyy-mm-dd, or NULL */
	char		*due_text;	/* as written, or NULL if none */
	enum mtg_status	 status;
	int		 overdue;	/* pending, due before the meeting */
	int		 line;
	int		 col;
	int		 id_given;	/* id written in the notes, not assigned */
	char		*raised_in;	/* series: folder of the earlier meeting
					 * that raised it, or NULL */
	char		*raised_date;	/* series: that meeting's date, or NULL */
};

struct team {
	char		*name;
	char		*rapporteur;	/* full name where resolved */
	struct strlist	 members;	/* full names where resolved */
	int		 line;
};

struct decision {
	char	*text;
	int	 line;
};

struct section {
	char	*title;
	char	*id;		/* unique anchor: [a-z0-9-]+ */
	int	 level;
	int	 line;
	const struct node *heading; /* the MTG_N_HEADING in body */
};

struct link {
	char	*url;
	char	*text;
	int	 line;
};

/* One front-matter `people` entry: a full name and its short forms. */
struct person {
	char		*name;
	struct strlist	 aliases;
};

/* series: a neighbouring meeting of the series, as the minutes link it. */
struct meeting_ref {
	char	*folder;	/* its output folder, beside this one's */
	char	*title;		/* its title, or its date */
	char	*date;		/* ISO yyyy-mm-dd, or NULL */
};

struct meeting {
	unsigned long	 serial;	/* unique in the process: caches of
					 * derived output key on it */
	char		*source;	/* path as given */
	char		*part;		/* of a file of several meetings: its
					 * heading, unique in the file; or NULL */
	char		*title;
	char		*group;
	char		*date;		/* ISO yyyy-mm-dd, or NULL */
	char		*time;
	char		*location;
	struct strlist	 chairs;
	struct strlist	 attendees;
	struct strlist	 apologies;
	struct strlist	 absent;
	struct strlist	 staff;
	struct strlist	 observers;
	struct strlist	 scribes;	/* scribe, secretary, note taker */
	struct strlist	 roles;		/* pairs: one of chairs, the role
					 * the notes give it when not chair:
					 * "host", "facilitator",
					 * "moderator" */
	struct strlist	 affiliations;	/* pairs: a name of the lists above,
					 * the organisation the notes give
					 * with it ("Chair: Ana Silva,
					 * Example Foundation") */
	struct person	*people;
	size_t		 npeople, peoplecap;
	struct agenda_item *agenda;
	size_t		 nagenda, agendacap;
	struct action	*actions;
	size_t		 nactions, actionscap;
	struct team	*teams;
	size_t		 nteams, teamscap;
	struct decision	*decisions;
	size_t		 ndecisions, decisionscap;
	struct section	*sections;
	size_t		 nsections, sectionscap;
	struct link	*links;
	size_t		 nlinks, linkscap;
	struct node	*body;		/* the notes without front matter */
	struct arena	*arena;		/* holds the nodes parse_notes() made,
					 * or NULL */
	const struct node *title_node;	/* the H1 of body that repeats the
					 * title: pages print the title
					 * themselves and skip it */
	int		 decisions_section; /* index of the notes' own
					 * Decisions section when it holds
					 * every decision, or -1 */
	size_t		 nmeetings;	/* meetings of the file (split.c) */
	int		 max_rows;	/* slides: front matter, 0 = not set */
	int		 slide_rows;	/* slides: rows per slide, resolved */
	/* Written by the series of a build; NULL and 0 for one file. */
	struct meeting_ref *prev;	/* the meeting before, or NULL */
	struct meeting_ref *next;	/* the meeting after, or NULL */
	int		 archived;	/* its folder sits under the archive
					 * root (../index.html) */
};

/* Rows or lines per slide when neither front matter nor --max-rows say. */
#define MTG_SLIDE_ROWS 10

struct meeting	*meeting_new(const char *source);
void		 meeting_free(struct meeting *);
/* The tree part of m (sections, links, body, title heading): frees it,
 * leaving m without one; or moves it from one meeting to another that
 * has the same notes (from keeps none). */
void		 meeting_free_tree(struct meeting *m);
void		 meeting_take_tree(struct meeting *to, struct meeting *from);
/* Frees a series' reference to a meeting; NULL is safe. */
void		 meeting_ref_free(struct meeting_ref *);

struct agenda_item *agenda_add_item(struct agenda_item **, size_t *n,
		    size_t *cap, const char *title, int line);
struct action	*meeting_add_action(struct meeting *);
/* Frees what action a owns and zeroes it (it stays in its array). */
void		 action_clear(struct action *a);
struct team	*meeting_add_team(struct meeting *);
void		 meeting_add_decision(struct meeting *, const char *, int);
struct section	*meeting_add_section(struct meeting *);
void		 meeting_add_link(struct meeting *, const char *url,
		    const char *text, int line);
struct person	*meeting_add_person(struct meeting *, const char *name);

#endif
