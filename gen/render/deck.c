/*
 * deck.c -- the slide deck: sections to slides, and their pagination.
 *
 * Each part of the notes (a section, or what a `---` starts) is paginated
 * in two walks over the same blocks.  The first measures: it cuts the
 * content into pieces (a table row, one line of a paragraph or list item,
 * one line of code), each with a weight in rows or lines and the ids of
 * the top-level block and the group (row, item, paragraph) it belongs to.
 * pack() then gives every piece a page.  The second walk copies the blocks
 * into one tree per page: containers (lists, items, tables, quotes,
 * paragraphs, emphasis) are copied lazily, when something first goes into
 * them on a page, so a container cut by a page break is simply opened
 * again on the next page (a table with its header row, an ordered list
 * with its numbering).  Both walks share their code, so they agree on
 * where every piece starts, and both are linear in the size of the notes.
 *
 * deck_new() measures and packs every part, which gives each slide its
 * title and measure; the copying walk waits for deck_slide(), and then
 * makes DECK_WINDOW pages of one part only: it starts at the top-level
 * block (and the row or item of it) where the first of them starts, and
 * stops where the last ends.  So the deck holds the copies of a few
 * slides at a time, never of all the notes, and making every slide in
 * order is still linear.
 *
 * The agenda and actions slides made from the model (gen parts) have no
 * tree kept: it is made a few hundred items or rows at a time to
 * measure, and for the slides made at a time of the items or rows they
 * show, so that neither costs memory in proportion to the notes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "deck.h"
#include "present.h"

/* The smallest thing pagination moves. */
struct piece {
	int	weight;		/* rows or lines */
	int	block;		/* top-level block; a heading shares the next */
	int	group;		/* row, item, paragraph: kept whole if it can */
	int	lead;		/* starts a paragraph, item, row: not a line
				 * that wraps one */
	int	page;		/* from 0, set by pack() */
};

/* Pages the copying walk makes at a time. */
#define DECK_WINDOW	32
/* Children of a top-level block between two the walk can start at: it
 * passes the ones in between, as few as a slide shows. */
#define DECK_KID_EVERY	16

/*
 * Where a child of a top-level block (a row, an item) starts among the
 * pieces, so that the copying walk can start at it.
 */
struct kid {
	const struct node *n;
	const struct node *parent;	/* the top-level block */
	size_t		 at;		/* its first piece */
	size_t		 pos;		/* its place among the block's
					 * children, blank ones and a table's
					 * header row counted */
	int		 index;		/* the block's nopened before it */
};

/* A container open in the walk, and its copy on the current page. */
struct open {
	const struct node *orig;
	struct node	*copy;		/* NULL until something goes in it */
	int		 index;		/* place among the parent's children */
	int		 nopened;	/* children opened under it so far */
	int		 made;		/* copied on some page already */
};

struct pager {
	int		 emit;		/* 0: measure, 1: copy into pages */
	int		 limit;
	struct piece	*pc;
	size_t		 npc, pccap;
	size_t		 at;		/* emit: pieces passed so far */
	int		 block;		/* measure: id of the current block */
	int		 group;		/* measure: id of the current group */
	int		 sticky;	/* after a heading: keep with next */
	int		 fresh;		/* next group: the block's own first */
	int		 col;		/* characters in the current line */
	int		 lastsp;	/* the last character was white space */
	int		 wrap;		/* the piece to come wraps a line */
	struct open	*path;
	size_t		 depth, pathcap;
	struct node	**pages;	/* emit: a MTG_N_DOCUMENT per page,
					 * from page lo */
	size_t		 npages, pagescap;
	int		 lo, hi;	/* emit: the pages made, [lo, hi) */
	int		 cur;		/* emit: page of the piece at hand */
	int		 skip;		/* emit: that piece is not made (before
					 * lo, or at hi or after) */
	int		 done;		/* emit: a piece at hi or after came */
	int		 record;	/* measure: fill kids */
	const struct node *kidof;	/* measure: block of the last child */
	size_t		 nth;		/* measure: its children so far */
	struct kid	*kids;
	size_t		 nkids, kidscap;
	const struct kid *jump;		/* emit: the child to start at */
};

/* A part of the notes that becomes one or more slides. */
struct part {
	char		 *title;
	int		  line;
	int		  cont;		/* continues the previous part */
	int		  agenda;	/* a section named Agenda */
	const struct node **v;		/* its top-level blocks */
	size_t		  n, cap;
};

/* A part the deck makes from the model, not from the notes. */
enum deck_gen {
	DECK_GEN_NONE,
	DECK_GEN_AGENDA,		/* the model's agenda items */
	DECK_GEN_ACTIONS		/* the model's actions */
};

/*
 * The blocks of a part the deck keeps, to make its slides from.  A gen
 * part keeps its measure instead: its tree is made again for each
 * stretch of slides, of the children (items, rows) they show only.
 */
struct deck_part {
	const struct node **v;		/* its top-level blocks; for gen,
					 * none */
	size_t		  n;
	enum deck_gen	  gen;
	size_t		  slide0;	/* its first slide */
	size_t		  npages;
	struct piece	 *pc;		/* gen: its pieces, paged */
	size_t		  npc;
	struct kid	 *kids;		/* gen: where its children start
					 * (n and parent NULL) */
	size_t		  nkids;
};

/* The part whose slides are made now: its pieces, measured again. */
struct deck_made {
	size_t		  part;		/* index in the deck's parts */
	int		  measured;	/* part is measured */
	struct pager	  p;
	const struct node **shown;	/* its blocks on the slides */
	size_t		  nshown;
	size_t		 *first;	/* first piece of each, and npc */
	const struct node **notes;	/* its blocks in the speaker notes */
	size_t		 *notepos;	/* shown blocks before each */
	size_t		  nnotes;
	size_t		  lo, hi;	/* slides made now: [lo, hi) */
	int		  borrowed;	/* p.pc and p.kids are the gen
					 * part's */
	struct arena	 *arena;	/* of a gen part: the tree of the
					 * slides made now */
	struct kid	  jump;		/* gen: the child of that tree the
					 * copying starts at */
};

static struct node *gen_tree(const struct meeting *, enum deck_gen,
		    struct arena *, size_t, size_t);

/* --- copies of nodes ---------------------------------------------------- */

/* A copy of n without its children; caller frees with node_free(). */
static struct node *
node_copy(const struct node *n)
{
	struct node *c = node_new(n->type, n->line, n->col);

	node_set_pair(c, NULL, n->text, node_info(n));	/* or url, title */
	c->level = n->level;
	c->ordered = n->ordered;
	/* Not the speaker notes' label: a copy is part of a slide. */
	if (n->type == MTG_N_LIST)
		c->start = n->start;
	c->tight = n->tight;
	c->task = n->task;
	c->header = n->header;
	c->align = n->align;
	return c;
}

static struct node *
text_node(enum node_type type, const char *s, size_t len)
{
	struct node *t = node_new(type, 0, 0);

	t->text = xstrndup(s, len);
	return t;
}

/*
 * An image as a link to it showing its alt text in brackets: a deck that
 * loaded pictures from the network would not be self-contained.
 */
static struct node *
image_link(const struct node *n)
{
	struct node *l = node_new(MTG_N_LINK, n->line, n->col);
	char *alt = node_text(n), *s;

	node_set_pair(l, NULL, n->url != NULL ? n->url : "", node_title(n));
	s = xasprintf("[%s]", *alt != '\0' ? alt : "image");
	node_append(l, text_node(MTG_N_TEXT, s, strlen(s)));
	free(s);
	free(alt);
	return l;
}

/*
 * A copy of n and its subtree, images made links; caller frees.
 * Recursion is bounded by the nesting the parser allows.
 */
static struct node *
node_copy_deep(const struct node *n)
{
	struct node *c;
	const struct node *k;

	if (n->type == MTG_N_IMAGE)
		return image_link(n);
	c = node_copy(n);
	for (k = n->first; k != NULL; k = k->next)
		node_append(c, node_copy_deep(k));
	return c;
}

/* A node of a tree the deck makes: in arena a, or of its own (a NULL). */
static struct node *
gen_node(struct arena *a, enum node_type type)
{
	return a != NULL ? arena_node(a, type, 0, 0) : node_new(type, 0, 0);
}

/*
 * A block (a paragraph, a table cell) holding text, for the slides the
 * deck writes itself; in arena a, or of its own (a NULL).
 */
static struct node *
text_block(struct arena *a, enum node_type type, const char *s)
{
	struct node *b = gen_node(a, type), *t;

	if (a != NULL) {
		t = arena_node(a, MTG_N_TEXT, 0, 0);
		t->text = arena_strndup(a, s, strlen(s));
	} else
		t = text_node(MTG_N_TEXT, s, strlen(s));
	node_append(b, t);
	return b;
}

/*
 * The same in arena a for text s of the model or a constant, which
 * outlives the tree: s is not copied.
 */
static struct node *
text_ref(struct arena *a, enum node_type type, const char *s)
{
	struct node *b = arena_node(a, type, 0, 0);
	struct node *t = arena_node(a, MTG_N_TEXT, 0, 0);

	t->text = (char *)s;
	node_append(b, t);
	return b;
}

static size_t
nchildren(const struct node *n)
{
	const struct node *k;
	size_t i = 0;

	for (k = n->first; k != NULL; k = k->next)
		i++;
	return i;
}

/* Whether code point c may stand in both HTML and XML text. */
static int
cp_ok(unsigned long c)
{
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
		return 0;
	if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
		return 0;
	return 1;
}

/*
 * A copy of s on one line, for a title: runs of white space become one
 * space, trimmed, and code points HTML or XML forbid become U+FFFD, so
 * that both renderers show the very same title.  s is valid UTF-8 (the
 * parser repairs the notes).  Caller frees.
 */
static char *
title_clean(const char *s)
{
	struct buf b = {0};
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;
	size_t n, i;
	int sp = 0;

	buf_put(&b, "", 0);
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f') {
			sp = b.len > 0;
			p++;
			continue;
		}
		n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		c = n == 1 ? *p : *p & (0x3f >> (n - 1));
		for (i = 1; i < n && p[i] != '\0'; i++)
			c = c << 6 | (p[i] & 0x3f);
		if (sp)
			buf_putc(&b, ' ');
		sp = 0;
		if (i == n && cp_ok(c))
			buf_put(&b, (const char *)p, n);
		else
			buf_puts(&b, "\xef\xbf\xbd");
		p += i;
	}
	return buf_detach(&b);
}

/* The plain text of n as a title (see title_clean()); caller frees. */
static char *
plain_title(const struct node *n)
{
	char *s = node_text(n), *t;

	t = title_clean(s);
	free(s);
	return t;
}

/* --- the walk ------------------------------------------------------------ */

/* Pads the rows the page ends in. */
static void
end_page(struct pager *p)
{
	size_t i, have, want;

	for (i = 0; i < p->depth; i++) {
		struct open *o = &p->path[i];

		/* A row cut in a cell keeps its columns: pad it. */
		if (o->copy == NULL || o->orig->type != MTG_N_TABLE_ROW)
			continue;
		have = nchildren(o->copy);
		want = nchildren(o->orig);
		for (; have < want; have++)
			node_append(o->copy, node_new(MTG_N_TABLE_CELL, 0, 0));
	}
}

/* Starts a new page; copies of open containers are made again on demand. */
static void
new_page(struct pager *p)
{
	size_t i;

	end_page(p);
	for (i = 0; i < p->depth; i++)
		p->path[i].copy = NULL;
	p->pages = xgrow(p->pages, &p->pagescap, p->npages + 1,
	    sizeof(*p->pages));
	p->pages[p->npages++] = node_new(MTG_N_DOCUMENT, 0, 0);
}

/* Whether the next piece goes on another page than the current one. */
static int
will_switch(const struct pager *p)
{
	return p->emit && p->at < p->npc && p->pc[p->at].page != p->cur;
}

/* Starts a piece of weight w: a new line, row or item. */
static void
piece(struct pager *p, int w)
{
	struct piece *c;

	p->col = 0;
	p->lastsp = 0;
	if (p->emit) {
		if (p->at >= p->npc)
			return;
		p->cur = p->pc[p->at++].page;
		if (p->cur >= p->hi) {
			if (!p->skip)
				end_page(p);
			p->skip = p->done = 1;
		} else if (p->cur < p->lo)
			p->skip = 1;
		else {
			p->skip = 0;
			while (p->cur + 1 > p->lo + (int)p->npages)
				new_page(p);
		}
		return;
	}
	p->pc = xgrow(p->pc, &p->pccap, p->npc + 1, sizeof(*p->pc));
	c = &p->pc[p->npc++];
	c->weight = w;
	c->block = p->block;
	c->group = p->group;
	c->lead = !p->wrap;
	c->page = 0;
}

/* Starts a piece that continues the line before: its paragraph wraps. */
static void
piece_line(struct pager *p)
{
	p->wrap = 1;
	piece(p, 1);
	p->wrap = 0;
}

/* Adds w to the weight of the current piece (an atomic thing too big). */
static void
piece_grow(struct pager *p, int w)
{
	if (!p->emit && p->npc > 0)
		p->pc[p->npc - 1].weight += w;
}

/* Starts a new group inside a block (a row, an item). */
static void
new_group(struct pager *p)
{
	if (p->fresh) {
		p->fresh = 0;
		return;
	}
	p->group++;
}

/*
 * Starts a new top-level block, with a group of its own, unless it follows
 * a heading: then the heading joins its first group and its block.
 */
static void
new_block(struct pager *p)
{
	if (!p->sticky) {
		p->block++;
		p->group++;
	}
	p->sticky = 0;
	p->fresh = 1;
}

/* The copy of path entry i, made for this page. */
static struct node *
open_copy(struct pager *p, size_t i)
{
	struct open *o = &p->path[i];
	struct node *c = node_copy(o->orig);
	const struct node *k;

	switch (o->orig->type) {
	case MTG_N_TABLE:
		/* The header row, on every page the table is on. */
		k = o->orig->first;
		if (k != NULL && k->type == MTG_N_TABLE_ROW && k->header)
			node_append(c, node_copy_deep(k));
		break;
	case MTG_N_LIST:
		/* Numbering goes on from the item being continued. */
		if (i + 1 < p->depth)
			c->start = o->orig->start + p->path[i + 1].index;
		break;
	default:
		break;
	}
	return c;
}

/* Makes the copies of the open containers that this page lacks. */
static void
materialize(struct pager *p)
{
	struct node *parent;
	const struct node *k;
	size_t i, have;
	int j;

	if (p->npages == 0)
		new_page(p);
	for (i = 0; i < p->depth; i++) {
		if (p->path[i].copy != NULL)
			continue;
		parent = i == 0 ? p->pages[p->npages - 1] : p->path[i - 1].copy;
		if (p->path[i].orig->type == MTG_N_TABLE_CELL &&
		    parent->type == MTG_N_TABLE_ROW) {
			/* Empty cells keep a continued cell in its column. */
			have = nchildren(parent);
			k = p->path[i - 1].orig->first;
			for (j = 0; k != NULL && (size_t)j < have; j++)
				k = k->next;
			for (; k != NULL && (int)have < p->path[i].index;
			    k = k->next, have++)
				node_append(parent, node_copy(k));
		}
		p->path[i].copy = open_copy(p, i);
		p->path[i].made = 1;
		node_append(parent, p->path[i].copy);
	}
}

/*
 * Notes where child k of top-level block n, at place pos among its
 * children, starts (measure; every DECK_KID_EVERY-th child), or moves
 * the walk to the child the copying starts at; returns the child to go
 * on with.
 */
static const struct node *
kid_at(struct pager *p, const struct node *n, const struct node *k,
    size_t pos)
{
	struct kid *c;

	if (p->depth != 1)
		return k;
	if (!p->emit) {
		if (p->kidof != n) {
			p->kidof = n;
			p->nth = 0;
		}
		if (p->record && p->nth++ % DECK_KID_EVERY == 0) {
			p->kids = xgrow(p->kids, &p->kidscap, p->nkids + 1,
			    sizeof(*p->kids));
			c = &p->kids[p->nkids++];
			c->n = k;
			c->parent = n;
			c->at = p->npc;
			c->pos = pos;
			c->index = p->path[0].nopened;
		}
		return k;
	}
	if (p->jump == NULL || p->jump->parent != n)
		return k;
	k = p->jump->n;
	p->at = p->jump->at;
	p->path[0].nopened = p->jump->index;
	p->jump = NULL;
	return k;
}

/* Appends n (owned) where the walk is, on the current page. */
static void
put(struct pager *p, struct node *n)
{
	if (!p->emit || p->skip) {
		node_free(n);
		return;
	}
	materialize(p);
	if (p->depth == 0)
		node_append(p->pages[p->npages - 1], n);
	else
		node_append(p->path[p->depth - 1].copy, n);
}

static void
open_node(struct pager *p, const struct node *n)
{
	struct open *o;
	int index = 0;

	if (p->depth > 0)
		index = p->path[p->depth - 1].nopened++;
	p->path = xgrow(p->path, &p->pathcap, p->depth + 1, sizeof(*p->path));
	o = &p->path[p->depth++];
	o->orig = n;
	o->copy = NULL;
	o->index = index;
	o->nopened = 0;
	o->made = 0;
}

/* Closes the innermost container; an empty one still appears once. */
static void
close_node(struct pager *p)
{
	if (p->emit && !p->skip && !p->path[p->depth - 1].made)
		materialize(p);
	p->depth--;
}

/* --- inlines ------------------------------------------------------------- */

/* Breaks the line before the character at hand when the line is full. */
static int
line_full(const struct pager *p, int width)
{
	return p->col >= width && (p->lastsp || p->col >= width + width / 2);
}

/*
 * Walks a text or code run, starting a new line piece whenever the line is
 * full: after white space, or anywhere (between characters) in a run too
 * long to wait for one.
 */
static void
walk_text(struct pager *p, const struct node *n, int width)
{
	const char *s = n->text != NULL ? n->text : "";
	size_t i, start = 0;
	unsigned char c;

	for (i = 0; s[i] != '\0'; i++) {
		c = (unsigned char)s[i];
		if ((c & 0xc0) == 0x80)
			continue;
		if (line_full(p, width)) {
			if (will_switch(p) && i > start) {
				put(p, text_node(n->type, s + start,
				    i - start));
				start = i;
			}
			piece_line(p);
		}
		p->col++;
		p->lastsp = c == ' ' || c == '\t' || c == '\n';
	}
	if (i > start)
		put(p, text_node(n->type, s + start, i - start));
}

static void walk_inlines(struct pager *, const struct node *, int);

/* Counts the characters of n's text. */
static int
text_chars(const struct node *n)
{
	char *s = node_text(n);
	int chars = 0;
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars++;
	free(s);
	return chars;
}

static void
walk_inline(struct pager *p, const struct node *n, int width)
{
	int chars;

	switch (n->type) {
	case MTG_N_TEXT:
	case MTG_N_CODE:
		walk_text(p, n, width);
		break;
	case MTG_N_EMPH:
	case MTG_N_STRONG:
	case MTG_N_STRIKE:
	case MTG_N_LINK:
		open_node(p, n);
		walk_inlines(p, n, width);
		close_node(p);
		break;
	case MTG_N_SOFTBREAK:
	case MTG_N_LINEBREAK:
		put(p, node_copy(n));
		p->col++;
		p->lastsp = 1;
		break;
	default:
		/* Images and raw HTML: never split. */
		if (p->col > 0 && p->col >= width)
			piece_line(p);
		chars = n->type == MTG_N_HTML_INLINE ?
		    (int)strlen(n->text ? n->text : "") : text_chars(n);
		if (p->col + chars > width + width / 2)
			piece_grow(p, (p->col + chars) / width);
		p->col += chars;
		p->lastsp = 0;
		put(p, node_copy_deep(n));
		break;
	}
}

static void
walk_inlines(struct pager *p, const struct node *parent, int width)
{
	const struct node *k;

	for (k = parent->first; k != NULL && !p->done; k = k->next)
		walk_inline(p, k, width);
}

/* --- blocks -------------------------------------------------------------- */

/* A copy of code or raw HTML block n holding s[0..len) of its text. */
static struct node *
lines_copy(const struct node *n, const char *s, size_t len)
{
	struct node *c = node_copy(n);
	char *t = xstrndup(s, len);

	free(c->text);
	node_set_pair(c, NULL, t, node_info(n));
	free(t);
	return c;
}

/*
 * Walks the lines of a code or raw HTML block: one piece per line, a long
 * line one per DECK_LINE_CHARS characters.  A block cut by a page break
 * becomes two blocks.
 */
static void
walk_lines(struct pager *p, const struct node *n)
{
	const char *s = n->text != NULL ? n->text : "";
	size_t i, start = 0;
	int col = 0, first = 1;

	for (i = 0; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (first || col >= DECK_LINE_CHARS ||
		    (i > 0 && s[i - 1] == '\n')) {
			if (will_switch(p) && i > start) {
				put(p, lines_copy(n, s + start, i - start));
				start = i;
			}
			if (first)
				piece(p, 1);
			else
				piece_line(p);
			col = 0;
			first = 0;
		}
		col++;
	}
	if (first)
		piece(p, 1);
	put(p, lines_copy(n, s + start, i - start));
}

/* Characters of the longest cell of row r. */
static int
row_chars(const struct node *r)
{
	const struct node *c;
	int n, max = 0;

	for (c = r->first; c != NULL; c = c->next)
		if ((n = text_chars(c)) > max)
			max = n;
	return max;
}

static int
row_units(const struct node *r)
{
	int chars = row_chars(r);

	return chars <= DECK_ROW_CHARS ? 1 :
	    (chars + DECK_ROW_CHARS - 1) / DECK_ROW_CHARS;
}

static void walk_block(struct pager *, const struct node *);

/*
 * A row larger than a slide: its cells are walked one after another, one
 * piece per DECK_ROW_CHARS characters, so that it can continue.
 */
static void
walk_row_split(struct pager *p, const struct node *r)
{
	const struct node *c;

	open_node(p, r);
	piece(p, 1);
	for (c = r->first; c != NULL && !p->done; c = c->next) {
		open_node(p, c);
		p->col = 0;
		p->lastsp = 0;
		walk_inlines(p, c, DECK_ROW_CHARS);
		close_node(p);
	}
	close_node(p);
}

/*
 * Walks child k, at place pos, of n (a table, list, item or quote); the
 * copying may start at another (kid_at()).  Returns the child walked.
 */
static const struct node *
walk_kid(struct pager *p, const struct node *n, const struct node *k,
    size_t pos)
{
	int w;

	k = kid_at(p, n, k, pos);
	if (p->depth == 1)
		new_group(p);
	if (n->type != MTG_N_TABLE || k->type != MTG_N_TABLE_ROW)
		walk_block(p, k);
	else if ((w = row_units(k)) <= p->limit) {
		piece(p, w);
		put(p, node_copy_deep(k));
	} else
		walk_row_split(p, k);
	return k;
}

/* Whether r is table t's header row, which walk_table() passes. */
static int
is_header(const struct node *t, const struct node *r)
{
	return r == t->first && r->type == MTG_N_TABLE_ROW && r->header;
}

static void
walk_table(struct pager *p, const struct node *t)
{
	const struct node *r, *next;
	size_t pos;
	int any = 0;

	open_node(p, t);
	for (r = t->first, pos = 0; r != NULL && !p->done; r = next, pos++) {
		/* The header row stays: every page's copy repeats it. */
		if (is_header(t, r)) {
			next = r->next;
			continue;
		}
		r = walk_kid(p, t, r, pos);
		next = r->next;
		any = 1;
	}
	if (!any)
		piece(p, 1);
	close_node(p);
}

/*
 * Whether list or item n shows nothing but a marker: an item with no text
 * (the notes' "- " lines), or holding only such items.  Recursion is
 * bounded by the nesting the parser allows.
 */
static int
blank(const struct node *n)
{
	const struct node *k;

	switch (n->type) {
	case MTG_N_LIST:
	case MTG_N_ITEM:
		for (k = n->first; k != NULL; k = k->next)
			if (!blank(k))
				return 0;
		return 1;
	case MTG_N_PARAGRAPH:
		for (k = n->first; k != NULL; k = k->next)
			if (k->type != MTG_N_SOFTBREAK && (k->type != MTG_N_TEXT ||
			    (k->text != NULL &&
			    k->text[strspn(k->text, " \t\n")] != '\0')))
				return 0;
		return 1;
	default:
		return 0;
	}
}

/*
 * Walks the children of a list, item or quote.  Blank items of a list
 * are left out: on a slide they would be a marker beside nothing.
 */
static void
walk_children(struct pager *p, const struct node *n)
{
	const struct node *k, *next;
	size_t pos;

	open_node(p, n);
	if (n->first == NULL)
		piece(p, 1);
	for (k = n->first, pos = 0; k != NULL && !p->done; k = next, pos++) {
		next = k->next;
		if (n->type == MTG_N_LIST && blank(k))
			continue;
		k = walk_kid(p, n, k, pos);
		next = k->next;
	}
	close_node(p);
}

static void
walk_block(struct pager *p, const struct node *n)
{
	switch (n->type) {
	case MTG_N_PARAGRAPH:
	case MTG_N_HEADING:
	case MTG_N_TABLE_CELL:
		open_node(p, n);
		piece(p, 1);
		walk_inlines(p, n, DECK_LINE_CHARS);
		close_node(p);
		if (n->type == MTG_N_HEADING && p->depth == 0)
			p->sticky = 1;
		break;
	case MTG_N_CODE_BLOCK:
	case MTG_N_HTML_BLOCK:
		walk_lines(p, n);
		break;
	case MTG_N_LIST:
		if (blank(n))
			break;
		walk_children(p, n);
		break;
	case MTG_N_ITEM:
	case MTG_N_BLOCKQUOTE:
	case MTG_N_DOCUMENT:
		walk_children(p, n);
		break;
	case MTG_N_TABLE:
		walk_table(p, n);
		break;
	case MTG_N_TABLE_ROW:
		walk_row_split(p, n);
		break;
	default:
		/* A thematic break inside a container; stray inlines. */
		piece(p, 1);
		put(p, node_copy_deep(n));
		break;
	}
}

/* --- packing ------------------------------------------------------------- */

static int
sum_weight(const struct piece *pc, size_t from, size_t to)
{
	int w = 0;

	for (; from < to; from++)
		w += pc[from].weight;
	return w;
}

/*
 * Gives every piece a page.  A block goes whole on the current page if it
 * fits, else whole on the next if it fits a page; else its groups are
 * placed the same way one by one, and a group larger than a page is cut
 * between pieces: before the paragraph, item or row inside it that would
 * cross the page's end, when that began on the page after something
 * else, else between lines.  Returns the number of pages.
 */
static int
pack(struct piece *pc, size_t n, int limit)
{
	size_t i = 0, j, k, x, b, top = 0;
	int page = 0, used = 0, w;

	while (i < n) {
		for (j = i; j < n && pc[j].block == pc[i].block; j++)
			continue;
		w = sum_weight(pc, i, j);
		if (used > 0 && used + w > limit && w <= limit) {
			page++;
			used = 0;
			top = i;
		}
		if (used + w <= limit) {
			for (x = i; x < j; x++)
				pc[x].page = page;
			used += w;
			i = j;
			continue;
		}
		while (i < j) {
			for (k = i; k < j && pc[k].group == pc[i].group; k++)
				continue;
			w = sum_weight(pc, i, k);
			if (used > 0 && used + w > limit && w <= limit) {
				page++;
				used = 0;
				top = i;
			}
			for (x = i; x < k; x++) {
				if (used > 0 && used + pc[x].weight > limit) {
					for (b = x; b > top && b > i + 1 &&
					    !pc[b].lead; b--)
						continue;
					if (b <= top || b <= i || !pc[b].lead)
						b = x;
					page++;
					used = 0;
					top = b;
					for (; b < x; b++) {
						pc[b].page = page;
						used += pc[b].weight;
					}
				}
				pc[x].page = page;
				used += pc[x].weight;
			}
			i = k;
		}
	}
	return page + 1;
}

/* --- parts --------------------------------------------------------------- */

static void
part_add(struct part *pt, const struct node *n)
{
	pt->v = xgrow(pt->v, &pt->cap, pt->n + 1, sizeof(*pt->v));
	pt->v[pt->n++] = n;
}

/* Whether paragraph n is speaker notes (the model marks them). */
static int
is_note(const struct node *n)
{
	return n->type == MTG_N_PARAGRAPH && n->note > 0;
}

/* A copy of note paragraph n without its label; caller frees. */
static struct node *
note_copy(const struct node *n)
{
	struct node *c = node_copy_deep(n), *t;
	size_t skip = (size_t)n->note;

	for (t = c->first; t != NULL && t->type != MTG_N_TEXT; t = t->first)
		continue;
	if (t != NULL && t->text != NULL && strlen(t->text) >= skip)
		memmove(t->text, t->text + skip, strlen(t->text + skip) + 1);
	return c;
}

/*
 * Whether part title s names this meeting's agenda: "Agenda", "Draft
 * agenda:", "Meeting agenda"; not "Next meeting agenda".
 */
static int
is_agenda_title(const char *s)
{
	static const char *const other[] = { "next ", "future ", "previous ",
	    "last ", NULL };
	size_t len = strlen(s), i;

	while (len > 0 && (s[len - 1] == ':' || s[len - 1] == ' '))
		len--;
	if (len < 6 || strncasecmp(s + len - 6, "agenda", 6) != 0)
		return 0;
	for (i = 0; other[i] != NULL; i++)
		if (str_has_prefix_ci(s, other[i]))
			return 0;
	return len == 6 || s[len - 7] == ' ';
}

/* The rows or lines of blocks v[0..n) as pieces, measured. */
static void
measure(struct pager *p, const struct node *const *v, size_t n,
    size_t *first)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (first != NULL)
			first[i] = p->npc;
		new_block(p);
		walk_block(p, v[i]);
	}
}

static void
pager_reset(struct pager *p)
{
	p->npc = 0;
	p->at = 0;
	p->block = p->group = 0;
	p->sticky = p->fresh = 0;
	p->depth = 0;
	p->emit = 0;
	p->skip = p->done = 0;
	p->jump = NULL;
}

/*
 * The empty document of every slide whose body or notes are empty (most
 * notes, and the body of a section that is only its heading): one node
 * instead of one per slide.  Never changed, never freed.
 */
static struct node empty_doc = { .type = MTG_N_DOCUMENT };

/* Tree t (owned), or the shared empty document for an empty or NULL t. */
static struct node *
doc_or_empty(struct node *t)
{
	if (t != NULL && t->first != NULL)
		return t;
	node_free(t);
	return &empty_doc;
}

static void
add_slide(struct deck *d, enum slide_kind kind, const char *heading,
    int line, struct node *body, struct node *notes, int units)
{
	struct slide *s;

	d->slides = xgrow(d->slides, &d->cap, d->nslides + 1,
	    sizeof(*d->slides));
	s = &d->slides[d->nslides++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->heading = xstrdup(heading);
	s->line = line;
	/* NULL: made by deck_slide(). */
	s->body = body != NULL ? doc_or_empty(body) : NULL;
	s->notes = notes != NULL ? doc_or_empty(notes) : NULL;
	s->units = units;
	s->oversize = units > d->limit;
	s->page = s->npages = 1;
}

/*
 * Chooses what the slides of part pt show: every top-level block but
 * "Note:" paragraphs, or, when that holds a table and does not fit one
 * slide, only its tables and the headings that lead to one.  Fills
 * shown[] and returns its length; the other blocks go in order into
 * notes[], each with the number of shown blocks before it in notepos[].
 */
static size_t
choose(struct pager *p, const struct deck_part *pt,
    const struct node **shown, const struct node **notes, size_t *notepos,
    size_t *nnotes)
{
	size_t i, k, n = 0;
	int tables = 0, total, keep;

	for (i = 0; i < pt->n; i++) {
		if (is_note(pt->v[i]))
			continue;
		if (pt->v[i]->type == MTG_N_TABLE)
			tables = 1;
		shown[n++] = pt->v[i];
	}
	pager_reset(p);
	measure(p, shown, n, NULL);
	total = sum_weight(p->pc, 0, p->npc);

	n = 0;
	*nnotes = 0;
	for (i = 0; i < pt->n; i++) {
		const struct node *b = pt->v[i];

		keep = !is_note(b);
		if (keep && tables && total > p->limit &&
		    b->type != MTG_N_TABLE) {
			keep = 0;
			if (b->type == MTG_N_HEADING) {
				for (k = i + 1; k < pt->n &&
				    pt->v[k]->type != MTG_N_HEADING &&
				    pt->v[k]->type != MTG_N_TABLE; k++)
					continue;
				keep = k < pt->n &&
				    pt->v[k]->type == MTG_N_TABLE;
			}
		}
		if (keep) {
			shown[n++] = b;
			continue;
		}
		notes[*nnotes] = b;
		notepos[(*nnotes)++] = n;
	}
	return n;
}

/* Room in w for the blocks of a part of n blocks. */
static void
made_alloc(struct deck_made *w, size_t n)
{
	free(w->shown);
	free(w->notes);
	free(w->notepos);
	free(w->first);
	w->shown = xcalloc(n + 1, sizeof(*w->shown));
	w->notes = xcalloc(n + 1, sizeof(*w->notes));
	w->notepos = xcalloc(n + 1, sizeof(*w->notepos));
	w->first = xcalloc(n + 1, sizeof(*w->first));
}

/*
 * Measures the blocks of part pt in w: which are shown, where each starts
 * among the pieces, the page of every piece.  Returns the number of
 * pages.
 */
static size_t
made_measure(struct deck_made *w, const struct deck_part *pt, int limit,
    int record)
{
	struct pager *p = &w->p;

	p->limit = limit;
	made_alloc(w, pt->n);
	w->nshown = choose(p, pt, w->shown, w->notes, w->notepos, &w->nnotes);
	pager_reset(p);
	p->nkids = 0;
	p->kidof = NULL;
	p->record = record;
	measure(p, w->shown, w->nshown, w->first);
	p->record = 0;
	w->first[w->nshown] = p->npc;
	return (size_t)pack(p->pc, p->npc, limit);
}

/* Children of a gen tree made at a time to measure it. */
#define DECK_GEN_BATCH	256

/*
 * Measures the tree of m that gen makes (a list or a table) as walk_block()
 * would, its children made DECK_GEN_BATCH at a time in an arena freed
 * after them: the whole tree is never made.
 */
static void
measure_gen(struct pager *p, const struct meeting *m, enum deck_gen gen)
{
	struct arena *top = arena_new(), *ar;
	/* The list, or the table with its header row: no children. */
	const struct node *t = gen_tree(m, gen, top, 0, 0), *k, *b;
	size_t from, pos = gen == DECK_GEN_ACTIONS ? 1 : 0;
	size_t n = gen == DECK_GEN_ACTIONS ? m->nactions + 1 : m->nagenda;
	int any = 0;

	new_block(p);
	open_node(p, t);
	for (from = pos; from < n && !p->done; from += DECK_GEN_BATCH) {
		ar = arena_new();
		b = gen_tree(m, gen, ar, from, from + DECK_GEN_BATCH);
		for (k = b->first; k != NULL && !p->done; k = k->next) {
			if (is_header(b, k))
				continue;
			if (t->type != MTG_N_LIST || !blank(k)) {
				walk_kid(p, t, k, pos);
				any = 1;
			}
			pos++;
		}
		arena_free(ar);
	}
	/* An empty table still takes a row; a list of blank items
	 * nothing (walk_block()). */
	if (t->type == MTG_N_TABLE && !any)
		piece(p, 1);
	close_node(p);
	arena_free(top);
}

/*
 * Measures gen's tree of m in w, its children recorded: the pieces and
 * children a gen part keeps.  Returns the number of pages.
 */
static size_t
made_measure_gen(struct deck_made *w, const struct meeting *m,
    enum deck_gen gen, int limit)
{
	struct pager *p = &w->p;

	p->limit = limit;
	made_alloc(w, 1);
	w->nshown = 1;
	w->nnotes = 0;
	pager_reset(p);
	p->nkids = 0;
	p->kidof = NULL;
	p->record = 1;
	measure_gen(p, m, gen);
	p->record = 0;
	w->first[1] = p->npc;
	return (size_t)pack(p->pc, p->npc, limit);
}

/*
 * Takes the measure of gen part dp (one block, the tree made for each
 * stretch of its slides): w borrows its pieces and children.
 */
static void
made_borrow(struct deck_made *w, const struct deck_part *dp, int limit)
{
	free(w->p.pc);
	free(w->p.kids);
	w->p.limit = limit;
	w->p.pc = dp->pc;
	w->p.npc = w->p.pccap = dp->npc;
	w->p.kids = dp->kids;
	w->p.nkids = w->p.kidscap = dp->nkids;
	w->borrowed = 1;
	made_alloc(w, 1);
	w->nshown = 1;
	w->first[1] = dp->npc;
	w->nnotes = 0;
}

/* Gives a gen part's pieces and children back to it. */
static void
made_unborrow(struct deck_made *w)
{
	if (!w->borrowed)
		return;
	w->p.pc = NULL;
	w->p.npc = w->p.pccap = 0;
	w->p.kids = NULL;
	w->p.nkids = w->p.kidscap = 0;
	w->borrowed = 0;
}

static void
made_free(struct deck_made *w)
{
	if (w == NULL)
		return;
	made_unborrow(w);
	free(w->p.pc);
	free(w->p.path);
	free(w->p.pages);
	free(w->p.kids);
	free(w->shown);
	free(w->notes);
	free(w->notepos);
	free(w->first);
	arena_free(w->arena);
	free(w);
}

/*
 * Paginates the blocks of part pt into slides of d, one per page, with
 * their measure; their bodies and notes are made by deck_slide() (a part
 * without blocks has its one empty slide at once).  The deck keeps pt's
 * blocks (pt->v is the deck's now); for gen, pt has none, and the deck
 * keeps the measure of the tree made from the model.  The slides after
 * the first (all of them when pt continues the part before) are marked
 * as continuing.
 */
static void
paginate(struct deck *d, struct part *pt, enum slide_kind kind,
    enum deck_gen gen)
{
	struct deck_made w = {0};
	struct deck_part *dp;
	size_t i, k, npages;
	int *units;

	if (pt->n == 0 && gen == DECK_GEN_NONE) {
		/* A heading and nothing else: one empty slide, made now. */
		add_slide(d, kind, pt->title, pt->line,
		    node_new(MTG_N_DOCUMENT, 0, 0),
		    node_new(MTG_N_DOCUMENT, 0, 0), 0);
		d->slides[d->nslides - 1].cont = pt->cont;
		return;
	}
	d->parts = xgrow(d->parts, &d->partscap, d->nparts + 1,
	    sizeof(*d->parts));
	dp = &d->parts[d->nparts++];
	memset(dp, 0, sizeof(*dp));
	dp->v = pt->v;
	dp->n = pt->n;
	dp->gen = DECK_GEN_NONE;
	dp->slide0 = d->nslides;
	pt->v = NULL;
	pt->n = pt->cap = 0;

	npages = gen != DECK_GEN_NONE ? made_measure_gen(&w, d->m, gen,
	    d->limit) : made_measure(&w, dp, d->limit, 0);
	dp->npages = npages;
	units = xcalloc(npages, sizeof(*units));
	for (k = 0; k < w.p.npc; k++)
		units[w.p.pc[k].page] += w.p.pc[k].weight;
	for (i = 0; i < npages; i++) {
		add_slide(d, kind, pt->title, pt->line, NULL, NULL, units[i]);
		d->slides[d->nslides - 1].cont = i > 0 || pt->cont;
	}
	free(units);
	if (gen != DECK_GEN_NONE) {
		for (k = 0; k < w.p.nkids; k++)
			w.p.kids[k].n = w.p.kids[k].parent = NULL;
		dp->gen = gen;
		dp->pc = w.p.pc;
		dp->npc = w.p.npc;
		dp->kids = w.p.kids;
		dp->nkids = w.p.nkids;
	} else {
		free(w.p.pc);
		free(w.p.kids);
	}
	free(w.p.path);
	free(w.shown);
	free(w.notes);
	free(w.notepos);
	free(w.first);
}

/* The page of part w's notes block k. */
static int
note_page(const struct deck_made *w, size_t k)
{
	size_t pos = w->first[w->notepos[k]];

	return pos > 0 ? w->p.pc[pos - 1].page : 0;
}

/* Gives the slides made from w back, their bodies and notes NULL. */
static void
unmake(struct deck *d, struct deck_made *w)
{
	size_t i;

	for (i = w->lo; i < w->hi; i++) {
		struct slide *s = &d->slides[i];

		if (s->body != &empty_doc)
			node_free(s->body);
		if (s->notes != &empty_doc)
			node_free(s->notes);
		s->body = s->notes = NULL;
	}
	w->lo = w->hi = 0;
}

/*
 * The tree of gen part w for the slides made now, of pages before hi,
 * whose first piece is in child a - 1 of the ones measured (none: a is
 * 0): from that child to the one where page hi starts, and where the
 * copying starts in it.
 */
static void
gen_window(const struct deck *d, struct deck_made *w, size_t a, int hi)
{
	const struct pager *p = &w->p;
	struct node *t;
	size_t e, k, lo, up, mid, from = 0, to = SIZE_MAX;

	/* e: the first piece of page hi; k: the first child from it. */
	for (lo = 0, up = p->npc; lo < up; ) {
		mid = lo + (up - lo) / 2;
		if (p->pc[mid].page < hi)
			lo = mid + 1;
		else
			up = mid;
	}
	e = lo;
	for (lo = 0, up = p->nkids; lo < up; ) {
		mid = lo + (up - lo) / 2;
		if (p->kids[mid].at < e)
			lo = mid + 1;
		else
			up = mid;
	}
	k = lo;
	if (a > 0) {
		from = p->kids[a - 1].pos;
		if (k < p->nkids)
			to = p->kids[k].pos + 1;
	}
	arena_free(w->arena);
	w->arena = arena_new();
	t = gen_tree(d->m, d->parts[w->part].gen, w->arena, from, to);
	w->shown[0] = t;
	if (a == 0)
		return;
	w->jump = p->kids[a - 1];
	w->jump.parent = t;
	w->jump.n = t->first;
	if (t->type == MTG_N_TABLE && t->first != NULL && t->first->header)
		w->jump.n = t->first->next;
	w->p.jump = &w->jump;
}

/*
 * Makes the bodies and notes of slides [lo, hi) of part w (lo < hi,
 * counted in the part): the copying walk from the block, and the child
 * of it, where the first piece of page lo starts.
 */
static void
make_pages(struct deck *d, struct deck_made *w, int lo, int hi)
{
	const struct deck_part *dp = &d->parts[w->part];
	struct pager *p = &w->p;
	struct node **nts;
	size_t s, a, b, mid, bi, k, j;

	/* The first piece of page lo, and the block it is in. */
	for (a = 0, b = p->npc; a < b; ) {
		mid = a + (b - a) / 2;
		if (p->pc[mid].page < lo)
			a = mid + 1;
		else
			b = mid;
	}
	s = a;
	bi = w->nshown;
	if (s < p->npc) {
		for (a = 0, b = w->nshown; a + 1 < b; ) {
			mid = a + (b - a) / 2;
			if (w->first[mid] <= s)
				a = mid;
			else
				b = mid;
		}
		bi = a;
	}
	/* The row or item of it where that piece is. */
	p->jump = NULL;
	for (a = 0, b = p->nkids; a < b; ) {
		mid = a + (b - a) / 2;
		if (p->kids[mid].at <= s)
			a = mid + 1;
		else
			b = mid;
	}
	if (dp->gen != DECK_GEN_NONE)
		gen_window(d, w, a, hi);
	else if (a > 0 && bi < w->nshown &&
	    p->kids[a - 1].parent == w->shown[bi])
		p->jump = &p->kids[a - 1];

	p->emit = 1;
	p->lo = lo;
	p->hi = hi;
	p->cur = -1;
	p->skip = lo > 0;
	p->done = 0;
	p->depth = 0;
	p->npages = 0;
	p->sticky = p->fresh = 0;
	p->at = bi < w->nshown ? w->first[bi] : p->npc;
	for (; bi < w->nshown && !p->done; bi++)
		walk_block(p, w->shown[bi]);
	p->jump = NULL;
	while ((int)p->npages < hi - lo)
		new_page(p);

	nts = xcalloc((size_t)(hi - lo), sizeof(*nts));
	for (a = 0, b = w->nnotes; a < b; ) {
		mid = a + (b - a) / 2;
		if (note_page(w, mid) < lo)
			a = mid + 1;
		else
			b = mid;
	}
	for (k = a; k < w->nnotes && note_page(w, k) < hi; k++) {
		j = (size_t)(note_page(w, k) - lo);
		if (nts[j] == NULL)
			nts[j] = node_new(MTG_N_DOCUMENT, 0, 0);
		node_append(nts[j], is_note(w->notes[k]) ?
		    note_copy(w->notes[k]) : node_copy_deep(w->notes[k]));
	}
	for (j = 0; j < (size_t)(hi - lo); j++) {
		struct slide *sl = &d->slides[dp->slide0 + (size_t)lo + j];

		sl->body = doc_or_empty(p->pages[j]);
		sl->notes = doc_or_empty(nts[j]);
	}
	free(nts);
	w->lo = dp->slide0 + (size_t)lo;
	w->hi = dp->slide0 + (size_t)hi;
}

const struct slide *
deck_slide(struct deck *d, size_t i)
{
	struct slide *s = &d->slides[i];
	struct deck_made *w;
	size_t a, b, mid, k, n;

	if (s->body != NULL)
		return s;
	if ((w = d->made) == NULL)
		w = d->made = xcalloc(1, sizeof(*w));
	unmake(d, w);
	/* The part of slide i: the last starting at or before it. */
	for (a = 0, b = d->nparts; a + 1 < b; ) {
		mid = a + (b - a) / 2;
		if (d->parts[mid].slide0 <= i)
			a = mid;
		else
			b = mid;
	}
	if (!w->measured || w->part != a) {
		made_unborrow(w);
		if (d->parts[a].gen != DECK_GEN_NONE)
			made_borrow(w, &d->parts[a], d->limit);
		else
			(void)made_measure(w, &d->parts[a], d->limit, 1);
		w->part = a;
		w->measured = 1;
	}
	k = i - d->parts[a].slide0;
	n = d->parts[a].npages - k;
	make_pages(d, w, (int)k, (int)(k + (n < DECK_WINDOW ? n :
	    DECK_WINDOW)));
	return s;
}

/* --- the deck ------------------------------------------------------------ */

/* The title slide: meeting title, group, date and time, location, the
 * roles of the header. */
static void
title_slide(struct deck *d, const struct meeting *m, const char *title,
    const struct part *pre)
{
	struct node *body = node_new(MTG_N_DOCUMENT, 0, 0);
	struct node *notes = node_new(MTG_N_DOCUMENT, 0, 0);
	struct present_role roles[PRESENT_ROLES];
	char *date = NULL, *s;
	size_t i, nroles;

	if (m->group != NULL && *m->group != '\0')
		node_append(body, text_block(NULL, MTG_N_PARAGRAPH, m->group));
	if (m->date != NULL)
		if ((date = present_date(m->date)) == NULL)
			date = xstrdup(m->date);
	if (date != NULL && m->time != NULL && *m->time != '\0') {
		s = xasprintf("%s, %s", date, m->time);
		free(date);
		date = s;
	} else if (date == NULL && m->time != NULL && *m->time != '\0')
		date = xstrdup(m->time);
	if (date != NULL)
		node_append(body, text_block(NULL, MTG_N_PARAGRAPH, date));
	free(date);
	if (m->location != NULL && *m->location != '\0')
		node_append(body, text_block(NULL, MTG_N_PARAGRAPH, m->location));
	nroles = present_roles(m, roles);
	for (i = 0; i < nroles; i++) {
		char *names = present_names(&roles[i].names);

		s = xasprintf("%s: %s", roles[i].label, names);
		node_append(body, text_block(NULL, MTG_N_PARAGRAPH, s));
		free(s);
		free(names);
	}
	present_roles_free(roles, nroles);
	for (i = 0; i < pre->n; i++)
		node_append(notes, is_note(pre->v[i]) ? note_copy(pre->v[i]) :
		    node_copy_deep(pre->v[i]));
	add_slide(d, DECK_TITLE, title, 0, body, notes, 0);
}

/* An agenda item of the model, its sub-items a nested list, in arena ar. */
static struct node *
agenda_item(struct arena *ar, const struct agenda_item *a)
{
	struct node *it = gen_node(ar, MTG_N_ITEM), *l;
	size_t i;

	node_append(it, text_ref(ar, MTG_N_PARAGRAPH, a->title));
	if (a->nitems > 0) {
		l = gen_node(ar, MTG_N_LIST);
		for (i = 0; i < a->nitems; i++)
			node_append(l, agenda_item(ar, &a->items[i]));
		node_append(it, l);
	}
	return it;
}

static void
part_free(struct part *pt)
{
	free(pt->title);
	free(pt->v);
	memset(pt, 0, sizeof(*pt));
}

static struct part *
parts_add(struct part **v, size_t *n, size_t *cap, const char *title,
    int line)
{
	struct part *pt;

	*v = xgrow(*v, cap, *n + 1, sizeof(**v));
	pt = &(*v)[(*n)++];
	memset(pt, 0, sizeof(*pt));
	pt->title = xstrdup(title);
	pt->line = line;
	return pt;
}

/*
 * Cuts m->body into the preamble (pre) and parts: an H1 or H2 starts a
 * part, and so does a top-level thematic break, titled by a heading right
 * after it or else continuing the title before it (the meeting's title
 * for a break in the preamble, which then becomes the first part).  The
 * first H1 before any part is the meeting's title and belongs to none,
 * unless it names the agenda.
 */
static void
cut_parts(const struct meeting *m, const char *title, struct part *pre,
    struct part **parts, size_t *nparts, size_t *partscap)
{
	const struct node *b;
	struct part *cur = pre;
	int title_seen = 0, brk = 0, agenda;
	char *t;

	if (m->body == NULL)
		return;
	for (b = m->body->first; b != NULL; b = b->next) {
		if (b->type == MTG_N_HEADING && b->level == 1 && !title_seen &&
		    *nparts == 0 && !brk) {
			/* "# Agenda" is not the meeting's title. */
			title_seen = 1;
			t = plain_title(b);
			agenda = is_agenda_title(t);
			free(t);
			if (!agenda)
				continue;
		}
		if (b->type == MTG_N_THEMATIC_BREAK) {
			/* A break right after a heading or break: nothing. */
			if (cur->n > 0)
				brk = 1;
			continue;
		}
		if (b->type == MTG_N_HEADING && (b->level <= 2 || brk)) {
			t = plain_title(b);
			cur = parts_add(parts, nparts, partscap,
			    *t != '\0' ? t : "(untitled)", b->line);
			free(t);
			cur->agenda = b->level <= 2 &&
			    is_agenda_title(cur->title);
			brk = 0;
			continue;
		}
		if (brk) {
			if (cur == pre) {
				/* The preamble is the first slide. */
				cur = parts_add(parts, nparts, partscap,
				    title, 0);
				cur->v = pre->v;
				cur->n = pre->n;
				cur->cap = pre->cap;
				pre->v = NULL;
				pre->n = pre->cap = 0;
			}
			cur = parts_add(parts, nparts, partscap, cur->title,
			    b->line);
			cur->cont = 1;
			brk = 0;
		}
		part_add(cur, b);
	}
}

/* Gives every slide its "(k of n)" among the slides continuing it. */
static void
number_slides(struct deck *d)
{
	size_t i, j, k;

	for (i = 0; i < d->nslides; i = j) {
		for (j = i + 1; j < d->nslides && d->slides[j].cont; j++)
			continue;
		for (k = i; k < j; k++) {
			d->slides[k].page = (int)(k - i) + 1;
			d->slides[k].npages = (int)(j - i);
		}
	}
	for (i = 0; i < d->nslides; i++) {
		struct slide *s = &d->slides[i];

		/* A slide of its own shares its heading as its title. */
		s->title = s->npages > 1 ? xasprintf("%s (%d of %d)",
		    s->heading, s->page, s->npages) : s->heading;
	}
}

int
deck_limit(const struct meeting *m)
{
	/* Resolved by the model (complete.c): front matter, -M and
	 * --max-rows, else the default. */
	if (m != NULL && m->slide_rows > 0)
		return m->slide_rows;
	return MTG_SLIDE_ROWS;
}

/* Keeps tree t (owned), made for d, until deck_free(). */
static void
deck_keep(struct deck *d, struct node *t)
{
	d->own = xgrow(d->own, &d->owncap, d->nown + 1, sizeof(*d->own));
	d->own[d->nown++] = t;
}

/*
 * The table of the model's actions, one row each, in arena ar: its
 * header row and the rows at places [from, to) among its children (the
 * header row is the first).
 */
static struct node *
actions_tree(const struct meeting *m, struct arena *ar, size_t from,
    size_t to)
{
	const enum node_type cell = MTG_N_TABLE_CELL;
	struct node *table, *row;
	size_t i, k;
	char *s;

	table = gen_node(ar, MTG_N_TABLE);
	row = gen_node(ar, MTG_N_TABLE_ROW);
	row->header = 1;
	for (k = 0; k < 5; k++)
		node_append(row, text_ref(ar, cell, present_action_heads[k]));
	node_append(table, row);
	for (i = from > 0 ? from - 1 : 0; i < m->nactions && i + 1 < to; i++) {
		const struct action *a = &m->actions[i];

		row = gen_node(ar, MTG_N_TABLE_ROW);
		node_append(row, text_ref(ar, cell, present_id(a)));
		node_append(row, text_ref(ar, cell,
		    a->text != NULL ? a->text : ""));
		node_append(row, text_block(ar, cell,
		    s = present_names(&a->owners)));
		free(s);
		node_append(row, text_block(ar, cell, s = present_due(a)));
		free(s);
		node_append(row, text_ref(ar, cell, present_status(a->status)));
		node_append(table, row);
	}
	return table;
}

/*
 * The list of the model's agenda items [from, to), in arena ar (NULL:
 * its own).
 */
static struct node *
agenda_tree(const struct meeting *m, struct arena *ar, size_t from,
    size_t to)
{
	struct node *list = gen_node(ar, MTG_N_LIST);
	size_t i;

	list->ordered = 1;
	list->start = 1;
	list->tight = 1;
	for (i = from; i < m->nagenda && i < to; i++)
		node_append(list, agenda_item(ar, &m->agenda[i]));
	return list;
}

/*
 * The tree of a part the deck makes from the model (gen), in arena ar,
 * with its children at places [from, to) only (and a table's header
 * row): never whole, but a few hundred children at a time to measure
 * it, then for each stretch of its slides the children they show.
 */
static struct node *
gen_tree(const struct meeting *m, enum deck_gen gen, struct arena *ar,
    size_t from, size_t to)
{
	return gen == DECK_GEN_ACTIONS ? actions_tree(m, ar, from, to) :
	    agenda_tree(m, ar, from, to);
}

/*
 * Paginates the part of the one tree t the deck made and keeps, or for
 * gen (t NULL) of the tree of the model that gen makes (gen_tree()).
 */
static void
paginate_tree(struct deck *d, const char *title, struct node *t,
    enum deck_gen gen, enum slide_kind kind)
{
	struct part pt = {0};

	pt.title = xstrdup(title);
	if (t != NULL) {
		part_add(&pt, t);
		deck_keep(d, t);
	}
	paginate(d, &pt, kind, gen);
	part_free(&pt);
}

/* The slides of the model's actions, one table row each. */
static void
actions_made(struct deck *d, const struct meeting *m)
{
	if (m->nactions == 0)
		return;
	paginate_tree(d, "Action items", NULL, DECK_GEN_ACTIONS, DECK_ACTIONS);
}

/*
 * The agenda slide made from the model's agenda, or else from the titles
 * of the parts; nothing when there are neither.
 */
static void
agenda_made(struct deck *d, const struct meeting *m,
    const struct part *parts, size_t nparts)
{
	struct node *list, *it;
	size_t i;

	if (m->nagenda > 0) {
		paginate_tree(d, "Agenda", NULL, DECK_GEN_AGENDA, DECK_AGENDA);
		return;
	}
	for (i = 0; i < nparts; i++)
		if (!parts[i].cont && parts[i].line > 0)
			break;
	if (i == nparts)
		return;
	list = agenda_tree(m, NULL, 0, 0);	/* no items of the model */
	for (i = 0; i < nparts; i++)
		if (!parts[i].cont && parts[i].line > 0) {
			it = node_new(MTG_N_ITEM, 0, 0);
			node_append(it, text_block(NULL, MTG_N_PARAGRAPH,
			    parts[i].title));
			node_append(list, it);
		}
	paginate_tree(d, "Agenda", list, DECK_GEN_NONE, DECK_AGENDA);
}

struct deck *
deck_new(const struct meeting *m, int limit)
{
	struct deck *d = xcalloc(1, sizeof(*d));
	struct part pre = {0}, *parts = NULL;
	const struct node *b;
	size_t nparts = 0, partscap = 0, i, agenda, end;
	char *title = NULL;

	d->limit = limit > 0 ? limit : MTG_SLIDE_ROWS;
	d->m = m;
	if (m->title != NULL && *m->title != '\0')
		title = title_clean(m->title);
	for (b = m->body ? m->body->first : NULL; title == NULL && b != NULL;
	    b = b->next)
		if (b->type == MTG_N_HEADING && b->level == 1) {
			title = plain_title(b);
			if (is_agenda_title(title)) {
				free(title);
				title = NULL;
			}
			break;
		}
	if (title == NULL || *title == '\0') {
		free(title);
		title = title_clean(m->date != NULL ? m->date :
		    "Meeting notes");
	}

	cut_parts(m, title, &pre, &parts, &nparts, &partscap);
	if (nparts == 0 && pre.n > 0) {
		/* No sections: the notes themselves are the slides. */
		parts_add(&parts, &nparts, &partscap, title, 0);
		parts[0].v = pre.v;
		parts[0].n = pre.n;
		parts[0].cap = pre.cap;
		pre.v = NULL;
		pre.n = pre.cap = 0;
	}
	title_slide(d, m, title, &pre);

	/* The agenda part, and the parts that continue it, come second. */
	for (agenda = 0; agenda < nparts && !parts[agenda].agenda; agenda++)
		continue;
	for (end = agenda + 1; end < nparts && parts[end].cont; end++)
		continue;
	if (agenda < nparts) {
		for (i = agenda; i < end; i++)
			paginate(d, &parts[i], DECK_AGENDA, DECK_GEN_NONE);
	} else
		agenda_made(d, m, parts, nparts);
	for (i = 0; i < nparts; i++)
		if (agenda >= nparts || i < agenda || i >= end)
			paginate(d, &parts[i], DECK_SECTION,
			    DECK_GEN_NONE);
	actions_made(d, m);
	number_slides(d);

	for (i = 0; i < nparts; i++)
		part_free(&parts[i]);
	free(parts);
	part_free(&pre);
	free(title);
	return d;
}

void
deck_free(struct deck *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nslides; i++) {
		struct slide *s = &d->slides[i];

		if (s->title != s->heading)
			free(s->title);
		free(s->heading);
		if (s->body != &empty_doc)
			node_free(s->body);
		if (s->notes != &empty_doc)
			node_free(s->notes);
	}
	free(d->slides);
	for (i = 0; i < d->nparts; i++) {
		free(d->parts[i].v);
		free(d->parts[i].pc);
		free(d->parts[i].kids);
	}
	free(d->parts);
	for (i = 0; i < d->nown; i++)
		node_free(d->own[i]);
	free(d->own);
	made_free(d->made);
	free(d);
}

/*
 * The last deck made in this thread: the HTML deck and the presentation
 * of one meeting show the same slides, so they share it.  A deck depends
 * on the meeting only (its limit is the model's).
 */
static _Thread_local struct {
	unsigned long	 serial;	/* of the meeting, 0: none */
	struct deck	*deck;
} last;

struct deck *
deck_for(const struct meeting *m)
{
	if (last.deck == NULL || last.serial != m->serial) {
		deck_free(last.deck);
		last.deck = deck_new(m, deck_limit(m));
		last.serial = m->serial;
	}
	return last.deck;
}

void
deck_cache_free(void)
{
	deck_free(last.deck);
	last.deck = NULL;
	last.serial = 0;
}

int
deck_units(const struct node *n, int limit)
{
	struct pager p = {0};
	int w;

	p.limit = limit > 0 ? limit : MTG_SLIDE_ROWS;
	pager_reset(&p);
	measure(&p, &n, 1, NULL);
	w = sum_weight(p.pc, 0, p.npc);
	free(p.pc);
	free(p.path);
	return w;
}
