/*
 * deck.h -- the slide deck of a meeting, shared by the HTML deck and the
 * OpenDocument presentation so that both show the same slides.
 *
 * A deck is a title slide, an agenda slide, then one slide per H1 or H2
 * section of the notes (a top-level `---` also starts a slide).  A section
 * too long for one slide continues on the next under the same title,
 * numbered "(1 of 2)", "(2 of 2)".  The rules, in full:
 *
 * Measure.  The limit is a number of rows or lines per slide, as the model
 * resolved it: --max-rows, else slides.max_rows of -M or of the front
 * matter, else MTG_SLIDE_ROWS.  A table
 * row counts one row for every DECK_ROW_CHARS characters of its longest
 * cell (at least one); the header row is free and is repeated on every
 * slide a table continues on.  A paragraph, heading or list item counts
 * one line for every DECK_LINE_CHARS characters; a code block one per
 * source line; a list the lines of all its items, nested ones included.
 *
 * Split.  A block that fits on the current slide goes there; one that fits
 * on a slide of its own moves to the next; a bigger one fills the slide
 * and continues on the next, breaking between table rows and top-level
 * list items where it can.  A single row, item or paragraph larger than a
 * whole slide is continued too, between its sub-items or paragraphs where
 * it can (one that would cross the slide's end moves whole to the next),
 * else between lines (a paragraph between words): nothing is ever cut.  A heading stays with
 * what follows it.  Ordered lists continue their numbering.
 *
 * Speaker notes.  A top-level paragraph starting "Note:" (the reveal.js
 * convention) is speaker notes, not slide text.  So is the text before the
 * first section (shown on the title slide's notes) when there are
 * sections.  And when a section holding a table does not fit one slide,
 * its tables are what the slides show: its other blocks (prose, lists,
 * quotes, code, and headings followed by no table) move to the speaker
 * notes, where the presenter still has them, and only the tables are
 * paginated.  This is how a review of action items looks on screen.
 *
 * Actions.  The last slide lists the model's actions as every format
 * shows them: id, text, owners, due and status (present.h), a table
 * paginated like any other.  A meeting with no actions has none.
 *
 * Agenda.  The first H1/H2 section named "Agenda" (or "... agenda") is
 * the agenda slide, moved to second place; else the model's agenda items
 * make one; else the titles of the section slides do.  A deck with none
 * of these has no agenda slide.  Sub-items stay nested under their item,
 * and a long agenda continues like any list: nothing is folded or cut.
 */
#ifndef MINUTES_DECK_H
#define MINUTES_DECK_H

#include <stddef.h>

#include "model.h"
#include "render.h"

#define DECK_LINE_CHARS		90	/* characters in one line of text */
#define DECK_ROW_CHARS		200	/* characters of a cell in one row */

enum slide_kind {
	DECK_TITLE,		/* meeting title, group, date */
	DECK_AGENDA,
	DECK_SECTION,
	DECK_ACTIONS		/* the model's actions, last */
};

struct slide {
	enum slide_kind	 kind;
	char		*title;		/* full title, "(k of n)" included;
					 * heading itself when n is 1 */
	char		*heading;	/* the title without "(k of n)" */
	int		 page;		/* k, from 1 */
	int		 npages;	/* n: slides sharing the heading */
	int		 units;		/* rows or lines used */
	int		 oversize;	/* units > limit: renderers shrink */
	int		 line;		/* source line of the heading, or 0 */
	int		 cont;		/* continues the slide before it */
	struct node	*body;		/* MTG_N_DOCUMENT: what it shows;
					 * NULL until deck_slide() makes it */
	struct node	*notes;		/* MTG_N_DOCUMENT: speaker notes;
					 * the same */
};

struct deck_part;		/* where the slides of a part come from */
struct deck_made;		/* the part whose slides are made now */

struct deck {
	struct slide	*slides;
	size_t		 nslides;
	size_t		 cap;
	int		 limit;		/* rows or lines per slide */
	struct deck_part *parts;	/* in the order of their slides */
	size_t		 nparts, partscap;
	struct node	**own;		/* trees made for the deck (its
					 * agenda and actions) */
	size_t		 nown, owncap;
	struct deck_made *made;		/* NULL: no slide made yet */
	const struct meeting *m;	/* what the slides are made from */
};

/*
 * The rows-per-slide limit of m, as the model resolved it (slide_rows),
 * or MTG_SLIDE_ROWS for a model that was not completed.
 */
int		 deck_limit(const struct meeting *);

/*
 * Builds the deck of m with limit rows or lines per slide (at least 1):
 * every slide's kind, titles and measure, paginated.  What the slides
 * show is made when deck_slide() asks for it, a few slides at a time, so
 * that the deck never holds a copy of all the notes: the deck points
 * into m->body, and m must outlive its use (deck_free() reads nothing of
 * m).  Never returns NULL; free with deck_free().
 */
struct deck	*deck_new(const struct meeting *, int limit);
void		 deck_free(struct deck *);
/*
 * Slide i of d (i < d->nslides) with its body and notes made: trees the
 * deck owns, copied from the notes, kept until a slide of another
 * stretch of slides is asked for (asking in order makes each once); an
 * empty body or notes is one document shared by all slides, so none may
 * be changed.
 */
const struct slide *deck_slide(struct deck *d, size_t i);
/*
 * The deck of m with its own limit, made at the first call for m and kept
 * (for the formats of one meeting) until the next meeting's or
 * deck_cache_free(); the caller does not free it.  m must not change
 * between calls.
 */
struct deck	*deck_for(const struct meeting *);
void		 deck_cache_free(void);

/*
 * The number of rows or lines block n counts on a slide (a table's header
 * row not included), as the pagination measures it.
 */
int		 deck_units(const struct node *n, int limit);

#endif
