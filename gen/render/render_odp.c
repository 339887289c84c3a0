/*
 * render_odp.c -- the slide deck as an OpenDocument presentation.
 *
 * The deck (deck.c) becomes one draw:page per slide: a title frame, then
 * the slide's blocks stacked down the page, text in outline frames and
 * each table as a table:table in a draw:frame of its own, and the speaker
 * notes in presentation:notes.  content.xml and meta.xml are built here
 * with libxml2; styles.xml (master page, page layouts, presentation
 * styles) is templates/odp/styles.xml or the styles of the user's
 * --reference-odp presentation.  Frames are placed in proportion to the
 * size of that styles.xml's first master page, and take its presentation
 * styles (MASTER-title, MASTER-outline1, ...); the formatting of headings,
 * lists, quotes, code and table cells inside them is automatic styles of
 * content.xml, since presentations apply no common paragraph styles.
 *
 * meta.xml holds the title and a fixed generator but no dates, and the
 * package has fixed entry times, so the same notes give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "deck.h"
#include "diag.h"
#include "odf.h"
#include "odt_body.h"
#include "render.h"

#define MIME_ODP	"application/vnd.oasis.opendocument.presentation"
#define NS_PRESENTATION	"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
#define NS_STYLE	"urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO		\
    "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

/* The design page, in cm; frames are scaled to the master page. */
#define PAGE_W		28.0
#define PAGE_H		15.75
#define MARGIN_X	1.4
#define TITLE_Y		0.5
#define TITLE_H		2.3
#define BODY_Y		3.1
#define BODY_H		11.6
#define GAP		0.3
#define LINE_H		0.85	/* a line of body text, 20pt */
#define ROW_LINE_H	0.5	/* a line of table text, 12pt */
#define ROW_PAD		0.32	/* a table row's padding and rules */
#define CELL_CHAR_W	0.23	/* the width of a character at 12pt */
#define CELL_PAD	0.5	/* a cell's padding, both sides */

/*
 * The styles of the text in the frames: automatic styles of content.xml
 * (text_styles()), since presentations apply no common paragraph or list
 * styles.  Table cells come in three sizes, for tables of growing height.
 */
#define CELL_SIZES	3
static const char *const cell_pt[CELL_SIZES] = { "12pt", "10pt", "8pt" };
static const double cell_scale[CELL_SIZES] = { 1.0, 10.0 / 12, 8.0 / 12 };
static const struct odt_styles odp_styles[CELL_SIZES] = {
	{ "P_Body", { "P_H1", "P_H2", "P_H3", "P_H4", "P_H5", "P_H6" },
	  "P_Quote", "P_Code", "P_Rule", "P_Cell0", "P_Head0",
	  "L_Bullets", "L_Numbers", 0, 1 },
	{ "P_Body", { "P_H1", "P_H2", "P_H3", "P_H4", "P_H5", "P_H6" },
	  "P_Quote", "P_Code", "P_Rule", "P_Cell1", "P_Head1",
	  "L_Bullets", "L_Numbers", 0, 1 },
	{ "P_Body", { "P_H1", "P_H2", "P_H3", "P_H4", "P_H5", "P_H6" },
	  "P_Quote", "P_Code", "P_Rule", "P_Cell2", "P_Head2",
	  "L_Bullets", "L_Numbers", 0, 1 }
};

/* The master page the slides use, and its size. */
struct master {
	char	*name;
	double	 w, h;		/* cm */
};

/* One content.xml being built. */
struct odp {
	xmlDocPtr	 doc;
	xmlNodePtr	 pres;		/* office:presentation */
	xmlNodePtr	 automatic;	/* office:automatic-styles */
	struct odt_ns	 ns;
	xmlNsPtr	 pns;		/* presentation */
	struct odt_body	 b;
	struct master	 mp;
	int		 ncols;		/* column styles so far */
};

/* --- the master page ------------------------------------------------- */

/* A length such as "28cm" or "11in" in cm, or -1. */
static double
length_cm(const char *s)
{
	static const struct { const char *unit; double cm; } units[] = {
		{ "cm", 1.0 }, { "mm", 0.1 }, { "in", 2.54 },
		{ "pt", 2.54 / 72 }, { "pc", 2.54 / 6 }, { "px", 2.54 / 96 }
	};
	char *end;
	double v;
	size_t i;

	if (s == NULL)
		return -1;
	v = strtod(s, &end);
	if (end == s || !(v > 0) || v > 1000)
		return -1;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(end, units[i].unit) == 0)
			return v * units[i].cm;
	return -1;
}

/* The first element below n (depth first) named name in ns, or NULL. */
static xmlNodePtr
find_el(xmlNodePtr n, const char *ns, const char *name, const char *attr,
    const char *value)
{
	xmlNodePtr c, r;
	xmlChar *v;
	int match;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns != NULL && xmlStrcmp(c->ns->href, BAD_CAST ns) == 0 &&
		    xmlStrcmp(c->name, BAD_CAST name) == 0) {
			match = attr == NULL;
			if (!match) {
				v = xmlGetNsProp(c, BAD_CAST attr,
				    BAD_CAST NS_STYLE);
				match = v != NULL &&
				    xmlStrcmp(v, BAD_CAST value) == 0;
				xmlFree(v);
			}
			if (match)
				return c;
		}
		if ((r = find_el(c, ns, name, attr, value)) != NULL)
			return r;
	}
	return NULL;
}

/*
 * Reads the name and page size of the first master page of styles, which
 * is well-formed XML without a document type (a template or a reference
 * already checked).  Missing pieces keep the defaults.  Returns 0, or -1
 * after printing an error naming file.
 */
static int
master_read(const char *styles, size_t len, const char *file,
    struct master *mp)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root, master, layout, props;
	xmlChar *name, *pl, *w, *h;
	double cw, ch;
	int rc = -1;

	mp->name = xstrdup("Default");
	mp->w = PAGE_W;
	mp->h = PAGE_H;
	if (len > 0x7fffffff || memmem(styles, len, "<!DOCTYPE", 9) != NULL) {
		diag_error(file, 0, 0, "styles.xml is too large or declares "
		    "a document type");
		goto out;
	}
	doc = xmlReadMemory(styles, (int)len, "styles.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		diag_error(file, 0, 0, "styles.xml is not well-formed XML");
		goto out;
	}
	rc = 0;
	root = xmlDocGetRootElement(doc);
	if ((master = find_el(root, NS_STYLE, "master-page", NULL,
	    NULL)) == NULL)
		goto out;
	if ((name = xmlGetNsProp(master, BAD_CAST "name",
	    BAD_CAST NS_STYLE)) != NULL) {
		free(mp->name);
		mp->name = xstrdup((const char *)name);
		xmlFree(name);
	}
	pl = xmlGetNsProp(master, BAD_CAST "page-layout-name",
	    BAD_CAST NS_STYLE);
	layout = pl != NULL ? find_el(root, NS_STYLE, "page-layout", "name",
	    (const char *)pl) : NULL;
	xmlFree(pl);
	props = find_el(layout, NS_STYLE, "page-layout-properties", NULL,
	    NULL);
	if (props == NULL)
		goto out;
	w = xmlGetNsProp(props, BAD_CAST "page-width", BAD_CAST NS_FO);
	h = xmlGetNsProp(props, BAD_CAST "page-height", BAD_CAST NS_FO);
	cw = length_cm((const char *)w);
	ch = length_cm((const char *)h);
	if (cw > 0 && ch > 0) {
		mp->w = cw;
		mp->h = ch;
	}
	xmlFree(w);
	xmlFree(h);
out:
	xmlFreeDoc(doc);
	return rc;
}

/* --- frames ------------------------------------------------------------ */

static void
attr_cm(xmlNodePtr e, xmlNsPtr ns, const char *name, double cm)
{
	char v[32];

	snprintf(v, sizeof(v), "%.3fcm", cm);
	xo_attr(e, ns, name, v);
}

/*
 * Appends a frame at (x, y) of size w x h, in design centimetres scaled
 * to the master page.  class is a presentation class ("title",
 * "outline", ...) whose master style the frame takes, or NULL for a
 * plain frame of graphic style "Slide_20_Table".
 */
static xmlNodePtr
frame(struct odp *o, xmlNodePtr page, const char *class, double x,
    double y, double w, double h)
{
	xmlNodePtr f;
	char *style;
	double sx = o->mp.w / PAGE_W, sy = o->mp.h / PAGE_H;

	f = xo_el(&o->b.xo, page, o->ns.draw, "frame");
	if (class != NULL) {
		style = xasprintf("%s-%s", o->mp.name,
		    strcmp(class, "outline") == 0 ? "outline1" : class);
		xo_attr(f, o->pns, "style-name", style);
		free(style);
	} else
		xo_attr(f, o->ns.draw, "style-name", "Slide_20_Table");
	xo_attr(f, o->ns.draw, "layer", "layout");
	attr_cm(f, o->ns.svg, "width", w * sx);
	attr_cm(f, o->ns.svg, "height", h * sy);
	attr_cm(f, o->ns.svg, "x", x * sx);
	attr_cm(f, o->ns.svg, "y", y * sy);
	if (class != NULL) {
		xo_attr(f, o->pns, "class", class);
		xo_attr(f, o->pns, "user-transformed", "true");
	}
	return f;
}

static xmlNodePtr
text_box(struct odp *o, xmlNodePtr frame_el)
{
	return xo_el(&o->b.xo, frame_el, o->ns.draw, "text-box");
}

/* Appends block n alone (not its siblings) to parent. */
static void
one_block(struct odp *o, xmlNodePtr parent, const struct node *n)
{
	struct node one = *n;

	one.next = NULL;
	odt_blocks(&o->b, parent, &one);
}

static size_t
table_cols(const struct node *t)
{
	const struct node *r, *c;
	size_t n, max = 0;

	for (r = t->first; r != NULL; r = r->next) {
		for (n = 0, c = r->first; c != NULL; c = c->next)
			n++;
		if (n > max)
			max = n;
	}
	return max;
}

/* Characters of n's text. */
static size_t
chars(const struct node *n)
{
	char *s = node_text(n);
	size_t i, k = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			k++;
	free(s);
	return k;
}

/*
 * Column widths for table t, ncols columns on width cm, at text size k
 * (1 = 12pt): as wide as their longest cell where they all fit, else each
 * at least wide enough for 14 characters and the rest of the width shared
 * in proportion to what they lack.  Fills widths[] (cm) and returns the
 * estimated height of the table in cm.
 */
static double
table_layout(const struct node *t, size_t ncols, double width, double k,
    double *widths)
{
	const struct node *r, *c;
	double *want, *least, total = 0, least_sum = 0, lack = 0, height = 0;
	double lines, l, perline, cw = CELL_CHAR_W * k;
	size_t i, n;

	want = xcalloc(ncols, sizeof(*want));
	least = xcalloc(ncols, sizeof(*least));
	for (r = t->first; r != NULL; r = r->next)
		for (c = r->first, i = 0; c != NULL && i < ncols;
		    c = c->next, i++)
			if ((l = (double)chars(c) * cw + CELL_PAD) > want[i])
				want[i] = l;
	for (i = 0; i < ncols; i++) {
		if (want[i] < 1)
			want[i] = 1;
		least[i] = want[i] < 14 * cw + CELL_PAD ? want[i] :
		    14 * cw + CELL_PAD;
		total += want[i];
		least_sum += least[i];
		lack += want[i] - least[i];
	}
	for (i = 0; i < ncols; i++) {
		if (total <= width)
			widths[i] = want[i] * width / total;
		else if (least_sum >= width || lack <= 0)
			widths[i] = least[i] * width / least_sum;
		else
			widths[i] = least[i] + (want[i] - least[i]) *
			    (width - least_sum) / lack;
	}
	for (r = t->first; r != NULL; r = r->next) {
		lines = 1;
		for (c = r->first, i = 0; c != NULL && i < ncols;
		    c = c->next, i++) {
			perline = (widths[i] - CELL_PAD) / cw;
			if (perline < 1)
				perline = 1;
			n = chars(c);
			l = (double)(size_t)((double)n / perline + 0.999);
			if (l > lines)
				lines = l;
		}
		height += lines * ROW_LINE_H * k + ROW_PAD;
	}
	free(want);
	free(least);
	return height;
}

/*
 * The text size (an index of cell_pt) at which table t fits in height
 * cm, or the smallest; fills widths[] for it and sets *height.
 */
static int
table_size(const struct node *t, size_t ncols, double room, double *widths,
    double *height)
{
	int size;

	for (size = 0; size < CELL_SIZES; size++) {
		*height = table_layout(t, ncols, PAGE_W - 2 * MARGIN_X,
		    cell_scale[size], widths);
		if (*height <= room)
			break;
	}
	if (size == CELL_SIZES)
		size = CELL_SIZES - 1;
	return size;
}

/*
 * Appends table t to a frame of its own on page at y, its text at the
 * size that fits room cm; returns the frame's height.  Columns get
 * absolute widths (presentations lay tables out by them).  Header rows
 * are ordinary rows in bold: presentations have no header row groups.
 */
static double
table_frame(struct odp *o, xmlNodePtr page, const struct node *t, double y,
    double room)
{
	const struct node *r, *c;
	xmlNodePtr f, table, row, col, s, p, first;
	double *widths, height, sx = o->mp.w / PAGE_W;
	size_t ncols = table_cols(t), i;
	char name[32];
	int size;

	if (ncols == 0)
		return 0;
	widths = xcalloc(ncols, sizeof(*widths));
	size = table_size(t, ncols, room, widths, &height);
	o->b.st = &odp_styles[size];
	f = frame(o, page, NULL, MARGIN_X, y, PAGE_W - 2 * MARGIN_X, height);
	table = odt_table(&o->b, f, ncols, 1);
	/* Replace the generic column with sized ones. */
	while ((first = table->children) != NULL) {
		xmlUnlinkNode(first);
		xmlFreeNode(first);
	}
	for (i = 0; i < ncols; i++) {
		snprintf(name, sizeof(name), "co%d", ++o->ncols);
		s = xo_el(&o->b.xo, o->automatic, o->ns.style, "style");
		xo_attr(s, o->ns.style, "name", name);
		xo_attr(s, o->ns.style, "family", "table-column");
		p = xo_el(&o->b.xo, s, o->ns.style, "table-column-properties");
		attr_cm(p, o->ns.style, "column-width", widths[i] * sx);
		col = xo_el(&o->b.xo, table, o->ns.table, "table-column");
		xo_attr(col, o->ns.table, "style-name", name);
	}
	for (r = t->first; r != NULL; r = r->next) {
		row = odt_table_row(&o->b, table, 0);
		for (c = r->first, i = 0; c != NULL && i < ncols;
		    c = c->next, i++)
			odt_inlines(&o->b, odt_table_cell(&o->b, row, r->header,
			    NULL), c);
		for (; i < ncols; i++)
			odt_table_cell(&o->b, row, r->header, NULL);
	}
	xo_flush(&o->b.xo);
	o->b.st = &odp_styles[0];
	free(widths);
	return height;
}

/*
 * Lays out the body of slide s: runs of text blocks in outline frames,
 * tables in frames of their own, stacked down the page.  Heights are
 * estimates (a line of text, or a table's rows); a table's text is made
 * smaller until it fits the room that the blocks after it leave, and the
 * outline frames shrink their text to fit.
 */
static void
slide_body(struct odp *o, xmlNodePtr page, const struct slide *s, int limit)
{
	const struct node *n, *run;
	xmlNodePtr box;
	double *after, y = BODY_Y, h, rest, end = BODY_Y + BODY_H;
	size_t count = 0, i, j;

	/* after[i]: the estimated height of blocks i, i + 1, ... to the end. */
	for (n = s->body->first; n != NULL; n = n->next)
		count++;
	after = xcalloc(count + 1, sizeof(*after));
	for (n = s->body->last, i = count; n != NULL; n = n->prev, i--)
		after[i - 1] = after[i] + (n->type == MTG_N_TABLE ? 2 :
		    deck_units(n, limit) * LINE_H);

	for (n = s->body->first, i = 0; n != NULL; n = n->next, i++) {
		if (n->type == MTG_N_TABLE) {
			rest = after[i + 1];
			if (rest > (end - y) / 2)
				rest = (end - y) / 2;
			y += table_frame(o, page, n, y, end - y - rest) + GAP;
			continue;
		}
		for (run = n, j = i; n->next != NULL && n->next->type !=
		    MTG_N_TABLE; n = n->next, i++)
			continue;
		h = after[j] - after[i + 1] + 0.2;
		if (n->next == NULL || y + h > end)
			h = end - y;
		if (h < 1)
			h = 1;
		box = text_box(o, frame(o, page, "outline", MARGIN_X, y,
		    PAGE_W - 2 * MARGIN_X, h));
		for (; run != n->next; run = run->next)
			one_block(o, box, run);
		y += h + GAP;
	}
	free(after);
}

/* The speaker notes of slide number (from 1), when it has any. */
static void
slide_notes(struct odp *o, xmlNodePtr page, const struct slide *s,
    size_t number)
{
	xmlNodePtr notes, e, box;
	char n[32], *style;

	if (s->notes->first == NULL)
		return;
	notes = xo_el(&o->b.xo, page, o->pns, "notes");
	e = xo_el(&o->b.xo, notes, o->ns.draw, "page-thumbnail");
	xo_attr(e, o->ns.draw, "layer", "layout");
	xo_attr(e, o->ns.svg, "width", "16.8cm");
	xo_attr(e, o->ns.svg, "height", "9.45cm");
	xo_attr(e, o->ns.svg, "x", "2.1cm");
	xo_attr(e, o->ns.svg, "y", "2cm");
	snprintf(n, sizeof(n), "%zu", number);
	xo_attr(e, o->ns.draw, "page-number", n);
	xo_attr(e, o->pns, "class", "page");
	e = xo_el(&o->b.xo, notes, o->ns.draw, "frame");
	style = xasprintf("%s-notes", o->mp.name);
	xo_attr(e, o->pns, "style-name", style);
	free(style);
	xo_attr(e, o->ns.draw, "layer", "layout");
	xo_attr(e, o->ns.svg, "width", "16.8cm");
	xo_attr(e, o->ns.svg, "height", "15.5cm");
	xo_attr(e, o->ns.svg, "x", "2.1cm");
	xo_attr(e, o->ns.svg, "y", "12.5cm");
	xo_attr(e, o->pns, "class", "notes");
	box = text_box(o, e);
	odt_blocks(&o->b, box, s->notes->first);
}

/* Appends the page of slide s, number from 1. */
static void
slide_page(struct odp *o, const struct slide *s, size_t number, int limit)
{
	xmlNodePtr page, box;
	char n[32];

	page = xo_el(&o->b.xo, o->pres, o->ns.draw, "page");
	snprintf(n, sizeof(n), "page%zu", number);
	xo_attr(page, o->ns.draw, "name", n);
	xo_attr(page, o->ns.draw, "master-page-name", o->mp.name);
	xo_attr(page, o->pns, "presentation-page-layout-name",
	    s->kind == DECK_TITLE ? "AL1T0" : "AL2T1");
	if (s->kind == DECK_TITLE) {
		box = text_box(o, frame(o, page, "title", MARGIN_X, 4.5,
		    PAGE_W - 2 * MARGIN_X, 3.5));
		odt_para(&o->b, box, NULL, s->title);
		box = text_box(o, frame(o, page, "subtitle", MARGIN_X, 8.3,
		    PAGE_W - 2 * MARGIN_X, 4.5));
		odt_blocks(&o->b, box, s->body->first);
	} else {
		box = text_box(o, frame(o, page, "title", MARGIN_X, TITLE_Y,
		    PAGE_W - 2 * MARGIN_X, TITLE_H));
		odt_para(&o->b, box, NULL, s->title);
		slide_body(o, page, s, limit);
	}
	slide_notes(o, page, s, number);
	xo_flush(&o->b.xo);
}

/* --- the package ---------------------------------------------------------- */

/* Adds an automatic style and returns it. */
static xmlNodePtr
auto_style(struct odp *o, const char *name, const char *family)
{
	xmlNodePtr s;

	s = xo_el(&o->b.xo, o->automatic, o->ns.style, "style");
	xo_attr(s, o->ns.style, "name", name);
	xo_attr(s, o->ns.style, "family", family);
	return s;
}

static xmlNodePtr
props(struct odp *o, xmlNodePtr style, const char *kind)
{
	return xo_el(&o->b.xo, style, o->ns.style, kind);
}

/* A paragraph style: bottom margin, and text properties when given. */
static xmlNodePtr
para_style(struct odp *o, const char *name, const char *margin,
    const char *size, const char *weight, const char *color)
{
	xmlNodePtr s, p;

	s = auto_style(o, name, "paragraph");
	p = props(o, s, "paragraph-properties");
	xo_attr(p, o->ns.fo, "margin-top", "0cm");
	xo_attr(p, o->ns.fo, "margin-bottom", margin);
	if (size == NULL && weight == NULL && color == NULL)
		return s;
	p = props(o, s, "text-properties");
	if (size != NULL)
		xo_attr(p, o->ns.fo, "font-size", size);
	if (weight != NULL)
		xo_attr(p, o->ns.fo, "font-weight", weight);
	if (color != NULL)
		xo_attr(p, o->ns.fo, "color", color);
	return s;
}

/* A list style of ten levels, bullets or numbers. */
static void
list_style(struct odp *o, const char *name, int numbers)
{
	static const char *const bullets[] = { "\xe2\x80\xa2", "\xe2\x80\x93" };
	xmlNodePtr l, lv, p;
	char n[16];
	int i;

	l = xo_el(&o->b.xo, o->automatic, o->ns.text, "list-style");
	xo_attr(l, o->ns.style, "name", name);
	for (i = 1; i <= 10; i++) {
		lv = xo_el(&o->b.xo, l, o->ns.text, numbers ?
		    "list-level-style-number" : "list-level-style-bullet");
		snprintf(n, sizeof(n), "%d", i);
		xo_attr(lv, o->ns.text, "level", n);
		if (numbers) {
			xo_attr(lv, o->ns.style, "num-suffix", ".");
			xo_attr(lv, o->ns.style, "num-format", "1");
		} else
			xo_attr(lv, o->ns.text, "bullet-char",
			    bullets[(i - 1) % 2]);
		p = xo_el(&o->b.xo, lv, o->ns.style, "list-level-properties");
		attr_cm(p, o->ns.text, "space-before", (i - 1) * 0.9);
		attr_cm(p, o->ns.text, "min-label-width", 0.9);
		p = xo_el(&o->b.xo, lv, o->ns.style, "text-properties");
		xo_attr(p, o->ns.fo, "font-size", "100%");
	}
}

/*
 * The automatic styles of the text in frames.  Sizes of body text are
 * left to the presentation styles of the master (a reference
 * presentation's fonts apply), except in tables, which have none.
 */
static void
text_styles(struct odp *o)
{
	xmlNodePtr s, p;
	char name[16];
	int i;

	para_style(o, "P_Body", "0.15cm", NULL, NULL, NULL);
	for (i = 1; i <= 6; i++) {
		snprintf(name, sizeof(name), "P_H%d", i);
		para_style(o, name, "0.15cm", NULL, "bold", "#2b6cb0");
	}
	/* para_style()'s last child is the text, its first the paragraph. */
	s = para_style(o, "P_Quote", "0.15cm", NULL, NULL, "#333333");
	xo_attr(s->last, o->ns.fo, "font-style", "italic");
	xo_attr(s->children, o->ns.fo, "margin-left", "0.8cm");
	s = para_style(o, "P_Code", "0cm", "80%", NULL, NULL);
	p = s->last;
	xo_attr(p, o->ns.fo, "font-family", "'Liberation Mono'");
	xo_attr(p, o->ns.style, "font-family-generic", "modern");
	xo_attr(p, o->ns.style, "font-pitch", "fixed");
	s = para_style(o, "P_Rule", "0.15cm", NULL, NULL, NULL);
	xo_attr(s->children, o->ns.fo, "border-bottom", "1pt solid #9fb3c8");
	for (i = 0; i < CELL_SIZES; i++) {
		snprintf(name, sizeof(name), "P_Cell%d", i);
		para_style(o, name, "0cm", cell_pt[i], NULL, NULL);
		snprintf(name, sizeof(name), "P_Head%d", i);
		para_style(o, name, "0cm", cell_pt[i], "bold", "#12395b");
	}
	list_style(o, "L_Bullets", 0);
	list_style(o, "L_Numbers", 1);
}

/* Starts content.xml: root, automatic styles, office:presentation. */
static void
doc_begin(struct odp *o)
{
	xmlNodePtr root, body;

	if ((o->doc = xmlNewDoc(BAD_CAST "1.0")) == NULL) {
		fputs("minutes: out of memory\n", stderr);
		exit(3);
	}
	root = xo_el(&o->b.xo, NULL, NULL, "document-content");
	xmlDocSetRootElement(o->doc, root);
	odt_ns_declare(root, &o->ns);
	if ((o->pns = xmlNewNs(root, BAD_CAST NS_PRESENTATION,
	    BAD_CAST "presentation")) == NULL) {
		fputs("minutes: out of memory\n", stderr);
		exit(3);
	}
	xmlSetNs(root, o->ns.office);
	xo_attr(root, o->ns.office, "version", "1.3");
	o->b.ns = &o->ns;
	o->b.st = &odp_styles[0];
	o->automatic = xo_el(&o->b.xo, root, o->ns.office,
	    "automatic-styles");
	odt_automatic_styles(&o->b, o->automatic);
	text_styles(o);
	body = xo_el(&o->b.xo, root, o->ns.office, "body");
	o->pres = xo_el(&o->b.xo, body, o->ns.office, "presentation");
}

int
render_odp(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct odp o;
	struct deck *d = NULL;
	struct odf_part parts[3];
	char *content = NULL, *meta = NULL, *styles = NULL;
	const char *file;
	size_t clen, mlen, slen, i;
	int rc = -1;

	memset(&o, 0, sizeof(o));
	if (opts != NULL && opts->reference_odp != NULL) {
		file = opts->reference_odp;
		if (odf_reference_styles(file, &styles, &slen) == -1)
			goto out;
	} else {
		file = "odp/styles.xml";
		if (template_read(opts, file, &styles, &slen) == -1)
			goto out;
	}
	if (master_read(styles, slen, file, &o.mp) == -1)
		goto out;

	d = deck_new(m, deck_limit(m, opts));
	doc_begin(&o);
	for (i = 0; i < d->nslides; i++)
		slide_page(&o, &d->slides[i], i + 1, d->limit);
	xo_flush(&o.b.xo);

	content = xo_dump(o.doc, &clen);
	meta = odf_meta_xml(d->slides[0].title, &mlen);
	parts[0] = (struct odf_part){ "content.xml", "text/xml", content,
	    clen };
	parts[1] = (struct odf_part){ "styles.xml", "text/xml", styles,
	    slen };
	parts[2] = (struct odf_part){ "meta.xml", "text/xml", meta, mlen };
	if (odf_package(MIME_ODP, parts, 3, out) == -1)
		goto out;
	rc = 0;
out:
	if (o.doc != NULL)
		xmlFreeDoc(o.doc);
	buf_free(&o.b.xo.text);
	free(o.mp.name);
	deck_free(d);
	free(content);
	free(meta);
	free(styles);
	return rc;
}
