/*
 * render_odp.c -- the slide deck as an OpenDocument presentation.
 *
 * The deck (deck.c) becomes one draw:page per slide: a title frame, then
 * the slide's blocks stacked down the page, text in outline frames and
 * each table as a table:table in a draw:frame of its own, and the speaker
 * notes in presentation:notes.  content.xml and meta.xml are written
 * here through the XML writer (xmlw.h); styles.xml (master page, page layouts, presentation
 * styles) is templates/odp/styles.xml or the styles of the user's
 * --reference-odp presentation.  Frames are placed in proportion to the
 * size of that styles.xml's first master page, and take its presentation
 * styles (MASTER-title, MASTER-outline1, ...); the formatting of headings,
 * lists, quotes, code and table cells inside them is automatic styles of
 * content.xml, since presentations apply no common paragraph styles.
 *
 * content.xml is written in two passes over the same layout code: the
 * first only measures the tables, whose column widths are automatic
 * styles that must come before the pages.
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
#include "xmlw.h"

#define MIME_ODP	"application/vnd.oasis.opendocument.presentation"
#define NS_PRESENTATION	"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
/*
 * LibreOffice's extension namespace: Impress fills a table cell only
 * from loext:graphic-properties, which ODF 1.3 lacks for cells, so the
 * cell styles carry it beside the standard properties (a foreign element:
 * the package is an extended conforming one, as Impress saves it).
 */
#define NS_LOEXT	\
    "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
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
#define CELL_PT		12.0	/* the largest size of table text */
#define CELL_PAD	0.5	/* a cell's padding and rules, both sides */
#define PT_CM		(2.54 / 72)

/* The colours of the HTML deck's tables. */
#define RULE_COLOR	"#9fb3c8"
#define HEAD_FILL	"#12395b"
#define BAND_FILL	"#f0f4f8"

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
	  "L_Bullets", "L_Numbers", 0, 1, "L_Tasks", "O_Cell", "O_Head" },
	{ "P_Body", { "P_H1", "P_H2", "P_H3", "P_H4", "P_H5", "P_H6" },
	  "P_Quote", "P_Code", "P_Rule", "P_Cell1", "P_Head1",
	  "L_Bullets", "L_Numbers", 0, 1, "L_Tasks", "O_Cell", "O_Head" },
	{ "P_Body", { "P_H1", "P_H2", "P_H3", "P_H4", "P_H5", "P_H6" },
	  "P_Quote", "P_Code", "P_Rule", "P_Cell2", "P_Head2",
	  "L_Bullets", "L_Numbers", 0, 1, "L_Tasks", "O_Cell", "O_Head" }
};

/* Numbered list styles by the digits of their largest number. */
#define NUMBER_WIDTHS	4
static const char *const numbers_style[NUMBER_WIDTHS] = {
	"L_Numbers", "L_Numbers2", "L_Numbers3", "L_Numbers4"
};

/* The master page the slides use, and its size. */
struct master {
	char	*name;
	double	 w, h;		/* cm */
};

/* One content.xml being written. */
struct odp {
	struct xmlw	*w;
	struct odt_body	 b;		/* b.measure: the first pass */
	struct master	 mp;
	struct odt_cols	 cols;		/* widths of odt_blocks() tables */
	double		*colw;		/* table frame columns, cm, in order */
	size_t		 ncolw;
	size_t		 capcolw;
	size_t		 ncols;		/* column styles written so far */
	struct odt_styles st;		/* the styles of the block at hand */
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

/*
 * The master page of the last styles read, with a copy of those styles:
 * every meeting of a build brings the same ones, parsed only once.
 */
static struct {
	char		*styles;
	size_t		 len;
	struct master	 mp;
} last_master;

/* master_read(), through last_master. */
static int
master_get(const char *styles, size_t len, const char *file,
    struct master *mp)
{
	if (last_master.styles == NULL || last_master.len != len ||
	    memcmp(last_master.styles, styles, len) != 0) {
		if (master_read(styles, len, file, mp) == -1)
			return -1;
		free(last_master.styles);
		free(last_master.mp.name);
		last_master.styles = xmalloc(len + 1);
		memcpy(last_master.styles, styles, len);
		last_master.len = len;
		last_master.mp = *mp;
		last_master.mp.name = xstrdup(mp->name);
		return 0;
	}
	*mp = last_master.mp;
	mp->name = xstrdup(last_master.mp.name);
	return 0;
}

/* --- frames ------------------------------------------------------------ */

static void
attr_cm(struct odp *o, const char *name, double cm)
{
	xmlw_attrf(o->w, name, "%.3fcm", cm);
}

/*
 * Starts a frame at (x, y) of size w x h, in design centimetres scaled
 * to the master page.  class is a presentation class ("title",
 * "outline", ...) whose master style the frame takes, or NULL for a
 * plain frame of graphic style "Slide_20_Table".
 */
static void
frame_start(struct odp *o, const char *class, double x, double y, double w,
    double h)
{
	double sx = o->mp.w / PAGE_W, sy = o->mp.h / PAGE_H;

	xmlw_start(o->w, "draw:frame");
	if (class != NULL)
		xmlw_attrf(o->w, "presentation:style-name", "%s-%s",
		    o->mp.name, strcmp(class, "outline") == 0 ? "outline1" :
		    class);
	else
		xmlw_attr(o->w, "draw:style-name", "Slide_20_Table");
	xmlw_attr(o->w, "draw:layer", "layout");
	attr_cm(o, "svg:width", w * sx);
	attr_cm(o, "svg:height", h * sy);
	attr_cm(o, "svg:x", x * sx);
	attr_cm(o, "svg:y", y * sy);
	if (class != NULL) {
		xmlw_attr(o->w, "presentation:class", class);
		xmlw_attr(o->w, "presentation:user-transformed", "true");
	}
}

/* Starts a frame of class and its text box; end both with box_end(). */
static void
box_start(struct odp *o, const char *class, double x, double y, double w,
    double h)
{
	frame_start(o, class, x, y, w, h);
	xmlw_start(o->w, "draw:text-box");
}

static void
box_end(struct odp *o)
{
	xmlw_end(o->w);
	xmlw_end(o->w);
}

/* The digits of the largest number of the ordered lists in n. */
static int
number_digits(const struct node *n)
{
	const struct node *k, *it;
	long last, max = 1;
	int d = 1;

	for (k = n; k != NULL; k = node_walk_next(n, k)) {
		if (k->type != MTG_N_LIST || !k->ordered)
			continue;
		last = k->start;
		for (it = k->first; it != NULL; it = it->next)
			last++;
		if (last - 1 > max)
			max = last - 1;
	}
	for (; max >= 10 && d < NUMBER_WIDTHS; max /= 10)
		d++;
	return d;
}

/*
 * Writes (or measures) block n alone, not its siblings, its lists
 * numbered with labels wide enough for their numbers.
 */
static void
one_block(struct odp *o, const struct node *n)
{
	struct node one = *n;

	one.next = NULL;
	o->st = odp_styles[0];
	o->st.numbers = numbers_style[number_digits(n) - 1];
	o->b.st = &o->st;
	odt_blocks(&o->b, &one);
	o->b.st = &odp_styles[0];
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

/*
 * The width of code point c in em of the deck's sans-serif font, on the
 * wide side: DejaVu Sans, which LibreOffice takes where Liberation Sans
 * is missing, is the wider of the two, and an estimate that came out
 * narrower than the text would break its words.
 */
static double
char_em(unsigned long c)
{
	if (c == ' ' || c == '\t')
		return 0.32;
	if (c >= 0x2e80)
		return 1.0;		/* CJK and other wide scripts */
	if (c >= 0x80)
		return 0.7;
	if (strchr("iljI.,:;!|'`()[]", (int)c) != NULL)
		return 0.4;
	if (strchr("frt-/", (int)c) != NULL)
		return 0.45;
	if (c == 'm' || c == 'M' || c == 'W' || c == 'w' || c == '@')
		return 1.0;
	if (c >= 'A' && c <= 'Z')
		return 0.78;
	return 0.65;
}

/*
 * The widths in cm of the plain text of cell c at pt points (bold for a
 * header), all of it on one line and its longest word (a run without
 * white space): a column narrower than that word would break it.
 */
static void
cell_widths(const struct node *c, double pt, int bold, double *all,
    double *word)
{
	char *s = node_text(c);
	const unsigned char *q = (const unsigned char *)s;
	double em = pt * PT_CM * (bold ? 1.08 : 1.0), w = 0, cur = 0;
	unsigned long cp;
	size_t n, i;

	*word = 0;
	while (*q != '\0') {
		n = *q < 0x80 ? 1 : *q < 0xe0 ? 2 : *q < 0xf0 ? 3 : 4;
		cp = n == 1 ? *q : *q & (0x3f >> (n - 1));
		for (i = 1; i < n && q[i] != '\0'; i++)
			cp = cp << 6 | (q[i] & 0x3f);
		q += i;
		w += char_em(cp) * em;
		if (cp == ' ' || cp == '\t' || cp == '\n') {
			cur = 0;
			continue;
		}
		cur += char_em(cp) * em;
		if (cur > *word)
			*word = cur;
	}
	*all = w;
	free(s);
}

/*
 * Column widths for table t, ncols columns on width cm, at text size k
 * (1 = CELL_PT): as wide as their longest cell where they all fit;
 * else each at least as wide as its longest word and, room allowing,
 * as 14 characters, the rest of the width shared in proportion to what
 * they lack.  Only words that cannot all fit side by side (long
 * addresses) are broken.  Fills widths[] (cm) and returns the estimated
 * height of the table in cm.
 */
static double
table_layout(const struct node *t, size_t ncols, double width, double k,
    double *widths)
{
	const struct node *r, *c;
	double *want, *word, *least, *all, total = 0, least_sum = 0;
	double word_sum = 0, lack = 0, height = 0, lines, l, a, w, em14;
	size_t i, nrows = 0, row;

	for (r = t->first; r != NULL; r = r->next)
		nrows++;
	want = xcalloc(ncols, sizeof(*want));
	word = xcalloc(ncols, sizeof(*word));
	least = xcalloc(ncols, sizeof(*least));
	all = xcalloc(nrows * ncols + 1, sizeof(*all));
	for (r = t->first, row = 0; r != NULL; r = r->next, row++)
		for (c = r->first, i = 0; c != NULL && i < ncols;
		    c = c->next, i++) {
			cell_widths(c, CELL_PT * k, r->header, &a, &w);
			all[row * ncols + i] = a;
			if (a + CELL_PAD > want[i])
				want[i] = a + CELL_PAD;
			if (w + CELL_PAD > word[i])
				word[i] = w + CELL_PAD;
		}
	em14 = 14 * 0.65 * CELL_PT * k * PT_CM + CELL_PAD;
	for (i = 0; i < ncols; i++) {
		if (want[i] < 1)
			want[i] = 1;
		if (word[i] > want[i])
			word[i] = want[i];
		least[i] = want[i] < em14 ? want[i] : em14;
		if (least[i] < word[i])
			least[i] = word[i];
		total += want[i];
		least_sum += least[i];
		word_sum += word[i];
		lack += want[i] - least[i];
	}
	for (i = 0; i < ncols; i++) {
		if (total <= width)
			widths[i] = want[i] * width / total;
		else if (word_sum >= width)
			widths[i] = word[i] * width / word_sum;
		else if (least_sum >= width)
			widths[i] = word[i] + (least[i] - word[i]) *
			    (width - word_sum) / (least_sum - word_sum);
		else
			widths[i] = least[i] + (want[i] - least[i]) *
			    (width - least_sum) / lack;
	}
	for (r = t->first, row = 0; r != NULL; r = r->next, row++) {
		lines = 1;
		for (i = 0; i < ncols; i++) {
			l = widths[i] > CELL_PAD ? all[row * ncols + i] /
			    (widths[i] - CELL_PAD) : 1;
			l = (double)(size_t)(l + 0.999);
			if (l > lines)
				lines = l;
		}
		height += lines * ROW_LINE_H * k + ROW_PAD;
	}
	free(want);
	free(word);
	free(least);
	free(all);
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
 * Writes table t in a frame of its own at y, its text at the size that
 * fits room cm; returns the frame's height.  Columns get absolute widths
 * (presentations lay tables out by them), automatic styles co1, co2, ...
 * in the order of the tables: the measuring pass notes the widths in
 * that order.  Header rows are ordinary rows in bold: presentations have
 * no header row groups.  Cells take the deck's cell styles (rules, a
 * filled header row, banded rows) as Impress writes them: it ignores the
 * table-cell properties.
 */
static double
table_frame(struct odp *o, const struct node *t, double y, double room)
{
	const struct node *r, *c;
	double *widths, height, sx = o->mp.w / PAGE_W;
	size_t ncols = table_cols(t), i, k;
	char **names;
	int size;

	if (ncols == 0)
		return 0;
	widths = xcalloc(ncols, sizeof(*widths));
	size = table_size(t, ncols, room, widths, &height);
	if (o->b.measure) {
		odt_table_measure(&o->b, ncols, NULL);
		o->colw = xgrow(o->colw, &o->capcolw, o->ncolw + ncols,
		    sizeof(*o->colw));
		for (i = 0; i < ncols; i++)
			o->colw[o->ncolw++] = widths[i] * sx;
		free(widths);
		return height;
	}
	o->st = odp_styles[size];
	o->b.st = &o->st;
	frame_start(o, NULL, MARGIN_X, y, PAGE_W - 2 * MARGIN_X, height);
	names = xcalloc(ncols, sizeof(*names));
	for (i = 0; i < ncols; i++)
		names[i] = xasprintf("co%zu", ++o->ncols);
	odt_table_start(&o->b, ncols, 1, NULL, (const char *const *)names);
	for (i = 0; i < ncols; i++)
		free(names[i]);
	free(names);
	for (r = t->first, k = 0; r != NULL; r = r->next) {
		/* Body rows banded as in the HTML deck. */
		o->st.cell_box = !r->header && k++ % 2 == 1 ? "O_Band" :
		    "O_Cell";
		odt_table_row_start(&o->b, 0);
		for (c = r->first, i = 0; c != NULL && i < ncols;
		    c = c->next, i++) {
			odt_cell_start(&o->b, r->header);
			odt_inlines(&o->b, c);
			odt_cell_end(&o->b);
		}
		for (; i < ncols; i++)
			odt_table_cell(&o->b, r->header, NULL);
		xmlw_end(o->w);
	}
	odt_table_end(&o->b);
	xmlw_end(o->w);
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
slide_body(struct odp *o, const struct slide *s, int limit)
{
	const struct node *n, *run;
	double *after, y = BODY_Y, h, rest, end = BODY_Y + BODY_H;
	size_t count = 0, i, j;

	/* after[i]: the estimated height of blocks i, i + 1, ... to the end. */
	for (n = s->body->first; n != NULL; n = n->next)
		count++;
	after = xcalloc(count + 1, sizeof(*after));
	for (n = node_last(s->body), i = count; n != NULL;
	    n = node_prev(n), i--)
		after[i - 1] = after[i] + (n->type == MTG_N_TABLE ? 2 :
		    deck_units(n, limit) * LINE_H);

	for (n = s->body->first, i = 0; n != NULL; n = n->next, i++) {
		if (n->type == MTG_N_TABLE) {
			rest = after[i + 1];
			if (rest > (end - y) / 2)
				rest = (end - y) / 2;
			y += table_frame(o, n, y, end - y - rest) + GAP;
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
		if (!o->b.measure)
			box_start(o, "outline", MARGIN_X, y,
			    PAGE_W - 2 * MARGIN_X, h);
		for (; run != n->next; run = run->next)
			one_block(o, run);
		if (!o->b.measure)
			box_end(o);
		y += h + GAP;
	}
	free(after);
}

/* The speaker notes of slide number (from 1), when it has any. */
static void
slide_notes(struct odp *o, const struct slide *s, size_t number)
{
	if (s->notes->first == NULL)
		return;
	if (o->b.measure) {
		odt_blocks(&o->b, s->notes->first);
		return;
	}
	xmlw_start(o->w, "presentation:notes");
	xmlw_start(o->w, "draw:page-thumbnail");
	xmlw_attr(o->w, "draw:layer", "layout");
	xmlw_attr(o->w, "svg:width", "16.8cm");
	xmlw_attr(o->w, "svg:height", "9.45cm");
	xmlw_attr(o->w, "svg:x", "2.1cm");
	xmlw_attr(o->w, "svg:y", "2cm");
	xmlw_attrf(o->w, "draw:page-number", "%zu", number);
	xmlw_attr(o->w, "presentation:class", "page");
	xmlw_end(o->w);
	xmlw_start(o->w, "draw:frame");
	xmlw_attrf(o->w, "presentation:style-name", "%s-notes", o->mp.name);
	xmlw_attr(o->w, "draw:layer", "layout");
	xmlw_attr(o->w, "svg:width", "16.8cm");
	xmlw_attr(o->w, "svg:height", "15.5cm");
	xmlw_attr(o->w, "svg:x", "2.1cm");
	xmlw_attr(o->w, "svg:y", "12.5cm");
	xmlw_attr(o->w, "presentation:class", "notes");
	xmlw_start(o->w, "draw:text-box");
	odt_blocks(&o->b, s->notes->first);
	xmlw_end(o->w);
	xmlw_end(o->w);
	xmlw_end(o->w);
}

/*
 * Writes the page of slide s, number from 1; when measuring, walks the
 * same blocks without writing.
 */
static void
slide_page(struct odp *o, const struct slide *s, size_t number, int limit)
{
	if (o->b.measure) {
		if (s->kind == DECK_TITLE)
			odt_blocks(&o->b, s->body->first);
		else
			slide_body(o, s, limit);
		slide_notes(o, s, number);
		return;
	}
	xmlw_start(o->w, "draw:page");
	xmlw_attrf(o->w, "draw:name", "page%zu", number);
	xmlw_attr(o->w, "draw:master-page-name", o->mp.name);
	xmlw_attr(o->w, "presentation:presentation-page-layout-name",
	    s->kind == DECK_TITLE ? "AL1T0" : "AL2T1");
	if (s->kind == DECK_TITLE) {
		box_start(o, "title", MARGIN_X, 4.5, PAGE_W - 2 * MARGIN_X,
		    3.5);
		odt_para(&o->b, NULL, s->title);
		box_end(o);
		box_start(o, "subtitle", MARGIN_X, 8.3, PAGE_W - 2 * MARGIN_X,
		    4.5);
		odt_blocks(&o->b, s->body->first);
		box_end(o);
	} else {
		box_start(o, "title", MARGIN_X, TITLE_Y, PAGE_W - 2 * MARGIN_X,
		    TITLE_H);
		odt_para(&o->b, NULL, s->title);
		box_end(o);
		slide_body(o, s, limit);
	}
	slide_notes(o, s, number);
	xmlw_end(o->w);
}

/* --- the package ---------------------------------------------------------- */

/* Starts an automatic style. */
static void
auto_style(struct odp *o, const char *name, const char *family)
{
	xmlw_start(o->w, "style:style");
	xmlw_attr(o->w, "style:name", name);
	xmlw_attr(o->w, "style:family", family);
}

/*
 * A paragraph style: bottom margin, and text properties when given;
 * extra[] are more paragraph properties (name, value; NULL-ended) and
 * textextra[] more text properties.
 */
static void
para_style(struct odp *o, const char *name, const char *margin,
    const char *size, const char *weight, const char *color,
    const char *const *extra, const char *const *textextra)
{
	auto_style(o, name, "paragraph");
	xmlw_start(o->w, "style:paragraph-properties");
	xmlw_attr(o->w, "fo:margin-top", "0cm");
	xmlw_attr(o->w, "fo:margin-bottom", margin);
	for (; extra != NULL && *extra != NULL; extra += 2)
		xmlw_attr(o->w, extra[0], extra[1]);
	xmlw_end(o->w);
	if (size != NULL || weight != NULL || color != NULL ||
	    textextra != NULL) {
		xmlw_start(o->w, "style:text-properties");
		if (size != NULL)
			xmlw_attr(o->w, "fo:font-size", size);
		if (weight != NULL)
			xmlw_attr(o->w, "fo:font-weight", weight);
		if (color != NULL)
			xmlw_attr(o->w, "fo:color", color);
		for (; textextra != NULL && *textextra != NULL;
		    textextra += 2)
			xmlw_attr(o->w, textextra[0], textextra[1]);
		xmlw_end(o->w);
	}
	xmlw_end(o->w);
}

/* The kinds of list styles. */
enum list_kind { LIST_BULLETS, LIST_NUMBERS, LIST_TASKS };

/*
 * A list style of ten levels: bullets, numbers with a label wide enough
 * for digits digits (right-aligned and followed by a space: "9." and
 * "10." line up and neither touches its text), or for task items, which
 * take it as their style-override, no label: the item's box stands
 * where a bullet would.
 */
static void
list_style(struct odp *o, const char *name, enum list_kind kind, int digits)
{
	static const char *const bullets[] = { "\xe2\x80\xa2", "\xe2\x80\x93" };
	int i;

	xmlw_start(o->w, "text:list-style");
	xmlw_attr(o->w, "style:name", name);
	for (i = 1; i <= 10; i++) {
		xmlw_start(o->w, kind != LIST_BULLETS ?
		    "text:list-level-style-number" :
		    "text:list-level-style-bullet");
		xmlw_attrf(o->w, "text:level", "%d", i);
		if (kind == LIST_NUMBERS) {
			xmlw_attr(o->w, "style:num-suffix", ". ");
			xmlw_attr(o->w, "style:num-format", "1");
		} else if (kind == LIST_TASKS)
			xmlw_attr(o->w, "style:num-format", "");
		else
			xmlw_attr(o->w, "text:bullet-char",
			    bullets[(i - 1) % 2]);
		xmlw_start(o->w, "style:list-level-properties");
		attr_cm(o, "text:space-before", (i - 1) * 0.9);
		if (kind == LIST_NUMBERS) {
			xmlw_attr(o->w, "fo:text-align", "end");
			attr_cm(o, "text:min-label-width",
			    0.45 + 0.45 * digits);
		} else
			attr_cm(o, "text:min-label-width",
			    kind == LIST_TASKS ? 0 : 0.9);
		xmlw_end(o->w);
		xmlw_start(o->w, "style:text-properties");
		xmlw_attr(o->w, "fo:font-size", "100%");
		xmlw_end(o->w);
		xmlw_end(o->w);
	}
	xmlw_end(o->w);
}

/*
 * A cell style as Impress writes one: fill in loext:graphic-properties,
 * rules in the paragraph properties, and the same in the standard
 * table-cell properties for other readers.
 */
static void
cell_style(struct odp *o, const char *name, const char *fill)
{
	auto_style(o, name, "table-cell");
	xmlw_start(o->w, "style:table-cell-properties");
	xmlw_attr(o->w, "fo:background-color", fill);
	xmlw_attr(o->w, "fo:border", "0.75pt solid " RULE_COLOR);
	xmlw_attr(o->w, "fo:padding", "0.12cm");
	xmlw_end(o->w);
	xmlw_start(o->w, "loext:graphic-properties");
	xmlw_attr(o->w, "draw:fill", "solid");
	xmlw_attr(o->w, "draw:fill-color", fill);
	xmlw_attr(o->w, "fo:padding-top", "0.12cm");
	xmlw_attr(o->w, "fo:padding-bottom", "0.12cm");
	xmlw_attr(o->w, "fo:padding-left", "0.2cm");
	xmlw_attr(o->w, "fo:padding-right", "0.2cm");
	xmlw_end(o->w);
	xmlw_start(o->w, "style:paragraph-properties");
	xmlw_attr(o->w, "fo:border", "0.75pt solid " RULE_COLOR);
	xmlw_end(o->w);
	xmlw_end(o->w);
}

/*
 * The automatic styles of the text in frames.  Sizes of body text are
 * left to the presentation styles of the master (a reference
 * presentation's fonts apply), except in tables, which have none.
 */
static void
text_styles(struct odp *o)
{
	static const char *const quote_p[] = { "fo:margin-left", "0.8cm",
	    NULL };
	static const char *const quote_t[] = { "fo:font-style", "italic",
	    NULL };
	static const char *const code_t[] = { "fo:font-family",
	    "'Liberation Mono'", "style:font-family-generic", "modern",
	    "style:font-pitch", "fixed", NULL };
	static const char *const rule_p[] = { "fo:border-bottom",
	    "1pt solid #9fb3c8", NULL };
	char name[32];		/* "P_Cell" or "P_Head" and any int */
	int i;

	para_style(o, "P_Body", "0.15cm", NULL, NULL, NULL, NULL, NULL);
	for (i = 1; i <= 6; i++) {
		snprintf(name, sizeof(name), "P_H%d", i);
		para_style(o, name, "0.15cm", NULL, "bold", "#2b6cb0", NULL,
		    NULL);
	}
	para_style(o, "P_Quote", "0.15cm", NULL, NULL, "#333333", quote_p,
	    quote_t);
	para_style(o, "P_Code", "0cm", "80%", NULL, NULL, NULL, code_t);
	para_style(o, "P_Rule", "0.15cm", NULL, NULL, NULL, rule_p, NULL);
	for (i = 0; i < CELL_SIZES; i++) {
		snprintf(name, sizeof(name), "P_Cell%d", i);
		para_style(o, name, "0cm", cell_pt[i], NULL, NULL, NULL, NULL);
		snprintf(name, sizeof(name), "P_Head%d", i);
		para_style(o, name, "0cm", cell_pt[i], "bold", "#ffffff",
		    NULL, NULL);
	}
	list_style(o, "L_Bullets", LIST_BULLETS, 0);
	list_style(o, "L_Tasks", LIST_TASKS, 0);
	for (i = 1; i <= NUMBER_WIDTHS; i++)
		list_style(o, numbers_style[i - 1], LIST_NUMBERS, i);
	cell_style(o, "O_Head", HEAD_FILL);
	cell_style(o, "O_Cell", "#ffffff");
	cell_style(o, "O_Band", BAND_FILL);
}

/* The column styles of the table frames, co1, co2, ... as measured. */
static void
column_styles(struct odp *o)
{
	size_t i;

	for (i = 0; i < o->ncolw; i++) {
		xmlw_start(o->w, "style:style");
		xmlw_attrf(o->w, "style:name", "co%zu", i + 1);
		xmlw_attr(o->w, "style:family", "table-column");
		xmlw_start(o->w, "style:table-column-properties");
		attr_cm(o, "style:column-width", o->colw[i]);
		xmlw_end(o->w);
		xmlw_end(o->w);
	}
}

/* content.xml up to its automatic styles, left open. */
static void
content_open(struct xmlw *w)
{
	static const char *const more[] = {
		"xmlns:presentation", NS_PRESENTATION,
		"xmlns:loext", NS_LOEXT,
		NULL
	};

	odt_content_open(w, more);
}

/* The automatic styles every deck has: those of the text in frames. */
static void
content_styles(struct xmlw *w)
{
	struct odp o;

	memset(&o, 0, sizeof(o));
	o.w = o.b.w = w;
	o.b.st = &odp_styles[0];
	odt_automatic_styles(&o.b);
	text_styles(&o);
}

/* The start of every content.xml, written and deflated once. */
static const struct odf_start content_start = {
	content_open, content_styles
};

/*
 * Starts content.xml in pkg: root, automatic styles (with the column
 * widths measured), office:presentation left open.
 */
static void
doc_begin(struct odp *o, struct odf_pkg *pkg)
{
	o->b.measure = 0;
	o->b.ntables = 0;
	o->w = o->b.w = odf_pkg_xml_begin(pkg, "content.xml",
	    &content_start);
	odt_column_styles(&o->b, &o->cols);
	column_styles(o);
	xmlw_end(o->w);
	xmlw_start(o->w, "office:body");
	xmlw_start(o->w, "office:presentation");
}

int
render_odp(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct odp o;
	struct deck *d = NULL;
	struct odf_pkg *pkg = NULL;
	char *meta = NULL, *styles = NULL;
	const char *file;
	size_t mlen, slen, i;
	int rc = -1;

	memset(&o, 0, sizeof(o));
	if (opts != NULL && opts->reference_odp != NULL) {
		file = opts->reference_odp;
		if (odf_reference_styles(file, &styles, &slen) == -1)
			goto out;
	} else {
		file = "odp/styles.xml";
		if (template_read(opts, file, &styles, &slen) == -1 ||
		    (opts != NULL && opts->templates != NULL &&
		    odf_styles_check(opts->templates, styles, slen) == -1))
			goto out;
	}
	if (master_get(styles, slen, file, &o.mp) == -1)
		goto out;

	d = deck_for(m);
	o.b.st = &odp_styles[0];
	o.b.measure = 1;
	o.b.cols = &o.cols;
	for (i = 0; i < d->nslides; i++)
		slide_page(&o, deck_slide(d, i), i + 1, d->limit);
	pkg = odf_pkg_new(MIME_ODP);
	doc_begin(&o, pkg);
	for (i = 0; i < d->nslides; i++)
		slide_page(&o, deck_slide(d, i), i + 1, d->limit);
	odf_pkg_xml_end(pkg, o.w);
	o.w = o.b.w = NULL;

	meta = odf_meta_xml(d->slides[0].title, &mlen);
	odf_pkg_add_shared(pkg, "styles.xml", "text/xml", styles, slen);
	odf_pkg_add_shared(pkg, "meta.xml", "text/xml", meta, mlen);
	if (odf_pkg_write(pkg, out) == -1)
		goto out;
	rc = 0;
out:
	odf_pkg_free(pkg);
	odt_cols_free(&o.cols);
	free(o.colw);
	free(o.mp.name);
	free(meta);
	free(styles);
	return rc;
}
