/*
 * odt_body.c -- Markdown document trees as OpenDocument text elements.
 *
 * Everything is written through the XML writer as it goes; text and
 * attribute values go in as data (escaped by the writer), never as markup.
 *
 * Where ODF is stricter than Markdown: a list item holds only paragraphs,
 * headings and lists, so a table inside a list item becomes one paragraph
 * per row; images become their alt text linked to the image (a document
 * that loads pictures from the network would not be offline).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odt_body.h"

/* The width of every table: an A4 page less 2 cm margins. */
#define TABLE_WIDTH_MM	170

static const char box_open[] = "\xe2\x98\x90 ";		/* U+2610 */
static const char box_done[] = "\xe2\x98\x91 ";		/* U+2611 */

const struct odt_styles odt_styles_text = {
	"Text_20_body",
	{ "Heading_20_1", "Heading_20_2", "Heading_20_3", "Heading_20_4",
	  "Heading_20_5", "Heading_20_6" },
	"Quotations",
	"Preformatted_20_Text",
	"Horizontal_20_Line",
	"Table_20_Contents",
	"Table_20_Heading",
	"List_20_1",
	"Numbering_20_123",
	1,
	1,
	NULL,
	NULL,
	NULL
};

/* --- namespaces and automatic styles -------------------------------- */

void
odt_content_open(struct xmlw *w, const char *const *more)
{
	static const char *const ns[][2] = {
		{ "xmlns:office",
		  "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
		{ "xmlns:style",
		  "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
		{ "xmlns:text",
		  "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
		{ "xmlns:table",
		  "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
		{ "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:"
		  "xsl-fo-compatible:1.0" },
		{ "xmlns:xlink", "http://www.w3.org/1999/xlink" },
		{ "xmlns:draw",
		  "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
		{ "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:"
		  "svg-compatible:1.0" },
		{ "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
		{ "xmlns:meta",
		  "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" }
	};
	size_t i;

	xmlw_declaration(w);
	xmlw_start(w, "office:document-content");
	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
		xmlw_attr(w, ns[i][0], ns[i][1]);
	for (; more != NULL && *more != NULL; more += 2)
		xmlw_attr(w, more[0], more[1]);
	xmlw_attr(w, "office:version", "1.3");
	xmlw_start(w, "office:automatic-styles");
}

/* Starts <style:style name family [parent]>. */
static void
style_start(struct odt_body *b, const char *name, const char *family,
    const char *base)
{
	xmlw_start(b->w, "style:style");
	xmlw_attr(b->w, "style:name", name);
	xmlw_attr(b->w, "style:family", family);
	if (base != NULL)
		xmlw_attr(b->w, "style:parent-style-name", base);
}

/*
 * Starts <style:KIND> with one attribute attr=value (none when attr is
 * NULL); more may follow before xmlw_end().
 */
static void
props_start(struct odt_body *b, const char *kind, const char *attr,
    const char *value)
{
	xmlw_start(b->w, kind);
	if (attr != NULL)
		xmlw_attr(b->w, attr, value);
}

/* A whole style holding one properties element with one attribute. */
static void
style_one(struct odt_body *b, const char *name, const char *family,
    const char *base, const char *kind, const char *attr, const char *value)
{
	style_start(b, name, family, base);
	props_start(b, kind, attr, value);
	xmlw_end(b->w);
	xmlw_end(b->w);
}

/* A cell style: padding, and rules on every side when boxed. */
static void
cell_style(struct odt_body *b, const char *name, int boxed, const char *bg)
{
	style_start(b, name, "table-cell", NULL);
	props_start(b, "style:table-cell-properties", "fo:padding",
	    boxed ? "0.1cm" : "0.05cm");
	if (boxed)
		xmlw_attr(b->w, "fo:border", "0.5pt solid #808080");
	if (bg != NULL)
		xmlw_attr(b->w, "fo:background-color", bg);
	xmlw_end(b->w);
	xmlw_end(b->w);
}

void
odt_cols_free(struct odt_cols *c)
{
	if (c == NULL)
		return;
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* The name of the column style of column col (from 1) of table n. */
static void
col_name(char *s, size_t len, int table, size_t col)
{
	snprintf(s, len, "Table%d.c%zu", table, col);
}

void
odt_automatic_styles(struct odt_body *b)
{
	static const char *const aligns[] = { "center", "end" };
	char name[32];
	size_t i;

	style_one(b, "MtgEmphasis", "text", NULL, "style:text-properties",
	    "fo:font-style", "italic");
	style_one(b, "MtgStrong", "text", NULL, "style:text-properties",
	    "fo:font-weight", "bold");
	style_one(b, "MtgStrike", "text", NULL, "style:text-properties",
	    "style:text-line-through-style", "solid");
	style_start(b, "MtgCode", "text", NULL);
	props_start(b, "style:text-properties", "fo:font-family",
	    "'Liberation Mono'");
	xmlw_attr(b->w, "style:font-family-generic", "modern");
	xmlw_attr(b->w, "style:font-pitch", "fixed");
	xmlw_end(b->w);
	xmlw_end(b->w);

	style_start(b, "MtgTable", "table", NULL);
	props_start(b, "style:table-properties", "style:width", "170mm");
	xmlw_attr(b->w, "table:align", "margins");
	xmlw_attr(b->w, "fo:margin-top", "0.1cm");
	xmlw_attr(b->w, "fo:margin-bottom", "0.2cm");
	xmlw_end(b->w);
	xmlw_end(b->w);
	style_start(b, "MtgGrid", "table", NULL);
	props_start(b, "style:table-properties", "style:width", "170mm");
	xmlw_attr(b->w, "table:align", "margins");
	xmlw_attr(b->w, "fo:margin-bottom", "0.3cm");
	xmlw_end(b->w);
	xmlw_end(b->w);
	style_one(b, "MtgGridLabel", "table-column", NULL,
	    "style:table-column-properties", "style:column-width", "35mm");
	style_one(b, "MtgGridValue", "table-column", NULL,
	    "style:table-column-properties", "style:column-width", "135mm");
	cell_style(b, "MtgCell", 1, NULL);
	cell_style(b, "MtgHeadCell", 1, "#dde4ee");
	cell_style(b, "MtgGridCell", 0, NULL);

	for (i = 0; i < 2; i++) {
		snprintf(name, sizeof(name), "MtgCell_%s", aligns[i]);
		style_one(b, name, "paragraph", b->st->cell,
		    "style:paragraph-properties", "fo:text-align", aligns[i]);
		snprintf(name, sizeof(name), "MtgHeadCell_%s", aligns[i]);
		style_one(b, name, "paragraph", b->st->cell_head,
		    "style:paragraph-properties", "fo:text-align", aligns[i]);
	}

}

void
odt_column_styles(struct odt_body *b, const struct odt_cols *cols)
{
	char name[48], w[32];
	size_t i;

	for (i = 0; cols != NULL && i < cols->n; i++) {
		col_name(name, sizeof(name), cols->v[i].table,
		    cols->v[i].col);
		/*
		 * Absolute widths only: LibreOffice 7.4 ignores them all
		 * when relative ones are given as well.
		 */
		snprintf(w, sizeof(w), "%lu.%02lumm", cols->v[i].width / 100,
		    cols->v[i].width % 100);
		style_one(b, name, "table-column", NULL,
		    "style:table-column-properties", "style:column-width", w);
	}
}

/* --- inlines -------------------------------------------------------- */

void
odt_span_start(struct odt_body *b, const char *style)
{
	xmlw_start(b->w, "text:span");
	xmlw_attr(b->w, "text:style-name", style);
}

/* An empty element. */
static void
empty(struct odt_body *b, const char *name)
{
	xmlw_start(b->w, name);
	xmlw_end(b->w);
}

/*
 * Writes text keeping its spaces, tabs and line breaks, which ODF would
 * otherwise collapse: a run of spaces becomes one space and a text:s for
 * the rest (all of it at the start of a line), a tab text:tab, a newline
 * text:line-break.  A final newline is dropped.
 */
static void
text_preserved(struct odt_body *b, const char *s)
{
	size_t i = 0, run, n = strlen(s);
	int linestart = 1;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	while (i < n) {
		run = strcspn(s + i, " \t\n");
		if (i + run > n)
			run = n - i;
		if (run > 0) {
			xmlw_textn(b->w, s + i, run);
			i += run;
			linestart = 0;
			continue;
		}
		if (s[i] == '\t') {
			empty(b, "text:tab");
			i++;
			linestart = 0;
			continue;
		}
		if (s[i] == '\n') {
			empty(b, "text:line-break");
			i++;
			linestart = 1;
			continue;
		}
		for (run = 0; i + run < n && s[i + run] == ' '; run++)
			;
		i += run;
		if (!linestart) {
			xmlw_textn(b->w, " ", 1);
			run--;
		}
		linestart = 0;
		if (run == 0)
			continue;
		xmlw_start(b->w, "text:s");
		if (run > 1)
			xmlw_attrf(b->w, "text:c", "%zu", run);
		xmlw_end(b->w);
	}
}

static void	inlines(struct odt_body *, const struct node *, int);

/* Starts a link to href. */
static void
link_start(struct odt_body *b, const char *href)
{
	xmlw_start(b->w, "text:a");
	xmlw_attr(b->w, "xlink:type", "simple");
	xmlw_attr(b->w, "xlink:href", href);
}

/* A link, or only its text when the URL is unusable or in a link. */
static void
link_inline(struct odt_body *b, const struct node *c, int in_link)
{
	char *href;

	href = in_link ? NULL : xmlw_href(c->url);
	if (href == NULL) {
		inlines(b, c, in_link);
		return;
	}
	link_start(b, href);
	if (c->first != NULL)
		inlines(b, c, 1);
	else
		xmlw_text(b->w, c->url);
	xmlw_end(b->w);
	free(href);
}

/* An image as its alt text in brackets, linked to the image. */
static void
image_inline(struct odt_body *b, const struct node *c, int in_link)
{
	char *href, *alt;

	alt = node_text(c);
	href = in_link ? NULL : xmlw_href(c->url);
	if (href != NULL)
		link_start(b, href);
	odt_span_start(b, "MtgEmphasis");
	xmlw_text(b->w, "[");
	xmlw_text(b->w, *alt != '\0' ? alt : "image");
	xmlw_text(b->w, "]");
	xmlw_end(b->w);
	if (href != NULL)
		xmlw_end(b->w);
	free(alt);
	free(href);
}

/* Writes the inlines under c in a span of style. */
static void
span_inlines(struct odt_body *b, const char *style, const struct node *c,
    int in_link)
{
	odt_span_start(b, style);
	inlines(b, c, in_link);
	xmlw_end(b->w);
}

/* Writes inline c; in_link stops links nesting. */
static void
inline_one(struct odt_body *b, const struct node *c, int in_link)
{
	switch (c->type) {
	case MTG_N_TEXT:
		xmlw_text(b->w, c->text);
		break;
	case MTG_N_SOFTBREAK:
		xmlw_text(b->w, " ");
		break;
	case MTG_N_LINEBREAK:
		empty(b, "text:line-break");
		break;
	case MTG_N_CODE:
	case MTG_N_HTML_INLINE:
		odt_span_start(b, "MtgCode");
		text_preserved(b, c->text != NULL ? c->text : "");
		xmlw_end(b->w);
		break;
	case MTG_N_EMPH:
		span_inlines(b, "MtgEmphasis", c, in_link);
		break;
	case MTG_N_STRONG:
		span_inlines(b, "MtgStrong", c, in_link);
		break;
	case MTG_N_STRIKE:
		span_inlines(b, "MtgStrike", c, in_link);
		break;
	case MTG_N_LINK:
		link_inline(b, c, in_link);
		break;
	case MTG_N_IMAGE:
		image_inline(b, c, in_link);
		break;
	default:
		/* A block where an inline was expected: its text. */
		if (c->text != NULL)
			xmlw_text(b->w, c->text);
		inlines(b, c, in_link);
		break;
	}
}

static void
inlines(struct odt_body *b, const struct node *n, int in_link)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		inline_one(b, c, in_link);
}

void
odt_inlines(struct odt_body *b, const struct node *n)
{
	inlines(b, n, 0);
}

/* --- blocks --------------------------------------------------------- */

void
odt_para_start(struct odt_body *b, const char *style)
{
	xmlw_start(b->w, "text:p");
	if (style != NULL)
		xmlw_attr(b->w, "text:style-name", style);
}

void
odt_para(struct odt_body *b, const char *style, const char *text)
{
	odt_para_start(b, style);
	xmlw_text(b->w, text);
	xmlw_end(b->w);
}

/* Starts a heading of level 1-6: text:h when outlining, else text:p. */
static void
heading_start(struct odt_body *b, int level)
{
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	if (!b->st->outline) {
		odt_para_start(b, b->st->heading[level - 1]);
		return;
	}
	xmlw_start(b->w, "text:h");
	xmlw_attr(b->w, "text:style-name", b->st->heading[level - 1]);
	xmlw_attrf(b->w, "text:outline-level", "%d", level);
}

void
odt_heading(struct odt_body *b, int level, const char *text)
{
	heading_start(b, level);
	xmlw_text(b->w, text);
	xmlw_end(b->w);
}

/* Where blocks go and what they may be. */
struct where {
	const char	*para;		/* paragraph style here */
	int		 in_list;	/* only text:p, text:h, text:list */
	const char	*prefix;	/* task box for the next paragraph */
};

static void	blocks(struct odt_body *, const struct node *, struct where *);

/* Starts the paragraph for the next block: consumes a pending task box. */
static void
para_here(struct odt_body *b, const char *style, struct where *w)
{
	odt_para_start(b, style);
	if (w->prefix != NULL) {
		xmlw_text(b->w, w->prefix);
		w->prefix = NULL;
	}
}

/* A pending task box alone in a paragraph, before a block of another kind. */
static void
prefix_para(struct odt_body *b, struct where *w)
{
	if (w->prefix != NULL) {
		para_here(b, w->para, w);
		xmlw_end(b->w);
	}
}

static size_t
table_columns(const struct node *t)
{
	const struct node *r, *c;
	size_t n, max = 0;

	for (r = t->first; r != NULL; r = r->next) {
		n = 0;
		for (c = r->first; c != NULL; c = c->next)
			n++;
		if (n > max)
			max = n;
	}
	return max;
}

/* The widths of ncols columns in proportion to weights, in 0.01 mm. */
static void
col_widths(const unsigned *weights, size_t ncols, unsigned long *h)
{
	unsigned long sum = 0;
	size_t i;

	for (i = 0; i < ncols; i++)
		sum += weights[i] > 0 ? weights[i] : 1;
	for (i = 0; i < ncols; i++)
		h[i] = TABLE_WIDTH_MM * 100UL * (weights[i] > 0 ?
		    weights[i] : 1) / sum;
}

void
odt_table_measure(struct odt_body *b, size_t ncols, const unsigned *weights)
{
	struct odt_cols *c = b->cols;
	unsigned long *h;
	size_t i;

	b->ntables++;
	if (c == NULL || weights == NULL || ncols == 0)
		return;
	h = xcalloc(ncols, sizeof(*h));
	col_widths(weights, ncols, h);
	c->v = xgrow(c->v, &c->cap, c->n + ncols, sizeof(*c->v));
	for (i = 0; i < ncols; i++)
		c->v[c->n++] = (struct odt_col){ b->ntables, i + 1, h[i] };
	free(h);
}

void
odt_table_start(struct odt_body *b, size_t ncols, int boxed,
    const unsigned *weights, const char *const *colstyles)
{
	char name[48];
	size_t i;

	snprintf(name, sizeof(name), "Table%d", ++b->ntables);
	b->boxed = boxed;
	b->in_header = 0;
	xmlw_start(b->w, "table:table");
	xmlw_attr(b->w, "table:name", name);
	xmlw_attr(b->w, "table:style-name", boxed ? "MtgTable" : "MtgGrid");
	if (colstyles != NULL || weights != NULL) {
		for (i = 0; i < ncols; i++) {
			if (colstyles == NULL)
				col_name(name, sizeof(name), b->ntables,
				    i + 1);
			xmlw_start(b->w, "table:table-column");
			xmlw_attr(b->w, "table:style-name", colstyles != NULL ?
			    colstyles[i] : name);
			xmlw_end(b->w);
		}
		return;
	}
	if (!boxed && ncols == 2) {
		xmlw_start(b->w, "table:table-column");
		xmlw_attr(b->w, "table:style-name", "MtgGridLabel");
		xmlw_end(b->w);
		xmlw_start(b->w, "table:table-column");
		xmlw_attr(b->w, "table:style-name", "MtgGridValue");
		xmlw_end(b->w);
		return;
	}
	xmlw_start(b->w, "table:table-column");
	if (ncols > 1)
		xmlw_attrf(b->w, "table:number-columns-repeated", "%zu",
		    ncols);
	xmlw_end(b->w);
}

void
odt_table_row_start(struct odt_body *b, int header)
{
	if (header && !b->in_header) {
		xmlw_start(b->w, "table:table-header-rows");
		b->in_header = 1;
	} else if (!header && b->in_header) {
		xmlw_end(b->w);
		b->in_header = 0;
	}
	xmlw_start(b->w, "table:table-row");
}

void
odt_table_end(struct odt_body *b)
{
	if (b->in_header)
		xmlw_end(b->w);
	b->in_header = 0;
	xmlw_end(b->w);
}

/* Starts a cell and its paragraph, styled for align. */
static void
cell_start(struct odt_body *b, int header, enum mtg_align align)
{
	const char *style;

	xmlw_start(b->w, "table:table-cell");
	xmlw_attr(b->w, "table:style-name", !b->boxed ? "MtgGridCell" :
	    header ? (b->st->head_box != NULL ? b->st->head_box :
	    "MtgHeadCell") : b->st->cell_box != NULL ? b->st->cell_box :
	    "MtgCell");
	xmlw_attr(b->w, "office:value-type", "string");
	if (align == MTG_ALIGN_CENTER)
		style = header ? "MtgHeadCell_center" : "MtgCell_center";
	else if (align == MTG_ALIGN_RIGHT)
		style = header ? "MtgHeadCell_end" : "MtgCell_end";
	else
		style = header ? b->st->cell_head : b->st->cell;
	odt_para_start(b, style);
}

void
odt_cell_start(struct odt_body *b, int header)
{
	cell_start(b, header, MTG_ALIGN_NONE);
}

void
odt_cell_end(struct odt_body *b)
{
	xmlw_end(b->w);
	xmlw_end(b->w);
}

void
odt_table_cell(struct odt_body *b, int header, const char *text)
{
	cell_start(b, header, MTG_ALIGN_NONE);
	xmlw_text(b->w, text);
	odt_cell_end(b);
}

/*
 * The column weights of Markdown table t: as wide as their longest cell,
 * within limits.  Caller frees.
 */
static unsigned *
table_weights(const struct node *t, size_t ncols)
{
	const struct node *r, *c;
	unsigned *weights;
	size_t i, len;
	char *s;

	weights = xcalloc(ncols, sizeof(*weights));
	for (r = t->first; r != NULL; r = r->next)
		for (c = r->first, i = 0; c != NULL; c = c->next, i++) {
			s = node_text(c);
			len = strlen(s);
			free(s);
			len = len < 4 ? 4 : len > 40 ? 40 : len;
			if (len > weights[i])
				weights[i] = (unsigned)len;
		}
	return weights;
}

/* A Markdown table as table:table, ragged rows padded with empty cells. */
static void
table_block(struct odt_body *b, const struct node *t)
{
	const struct node *r, *c;
	unsigned *weights;
	size_t ncols = table_columns(t), i;

	if (ncols == 0)
		return;
	weights = table_weights(t, ncols);
	if (b->measure) {
		odt_table_measure(b, ncols, weights);
		free(weights);
		return;
	}
	odt_table_start(b, ncols, 1, weights, NULL);
	free(weights);
	for (r = t->first; r != NULL; r = r->next) {
		odt_table_row_start(b, r->header && r == t->first);
		i = 0;
		for (c = r->first; c != NULL; c = c->next, i++) {
			cell_start(b, r->header, c->align);
			odt_inlines(b, c);
			odt_cell_end(b);
		}
		for (; i < ncols; i++) {
			cell_start(b, r->header, MTG_ALIGN_NONE);
			odt_cell_end(b);
		}
		xmlw_end(b->w);
	}
	odt_table_end(b);
}

/* A table where ODF allows none: one paragraph per row, cells by " | ". */
static void
table_lines(struct odt_body *b, const struct node *t, struct where *w)
{
	const struct node *r, *c;

	for (r = t->first; r != NULL; r = r->next) {
		para_here(b, w->para, w);
		if (r->header)
			odt_span_start(b, "MtgStrong");
		for (c = r->first; c != NULL; c = c->next) {
			if (c != r->first)
				xmlw_text(b->w, " | ");
			inlines(b, c, 0);
		}
		if (r->header)
			xmlw_end(b->w);
		xmlw_end(b->w);
	}
}

static void
list_block(struct odt_body *b, const struct node *l, struct where *w)
{
	const struct node *it;
	struct where in;

	xmlw_start(b->w, "text:list");
	xmlw_attr(b->w, "text:style-name",
	    l->ordered ? b->st->numbers : b->st->bullets);
	for (it = l->first; it != NULL; it = it->next) {
		xmlw_start(b->w, "text:list-item");
		if (it->task != MTG_TASK_NONE && b->st->tasks != NULL)
			xmlw_attr(b->w, "text:style-override", b->st->tasks);
		if (it == l->first && l->ordered && l->start != 1)
			xmlw_attrf(b->w, "text:start-value", "%d",
			    l->start < 0 ? 0 : l->start);
		in.para = w->para;
		in.in_list = 1;
		in.prefix = it->task == MTG_TASK_DONE ? box_done :
		    it->task == MTG_TASK_OPEN ? box_open : NULL;
		blocks(b, it->first, &in);
		if (xmlw_children(b->w) == 0) {
			para_here(b, in.para, &in);
			xmlw_end(b->w);
		}
		xmlw_end(b->w);
	}
	xmlw_end(b->w);
}

/*
 * The measuring pass of blocks(): the same walk, noting only the widths
 * of the tables that blocks() writes as tables.  Tables in lists become
 * lines, so lists are not entered.
 */
static void
blocks_measure(struct odt_body *b, const struct node *n, struct where *w)
{
	for (; n != NULL; n = n->next) {
		if (n == b->skip)
			continue;
		if (n->type == MTG_N_BLOCKQUOTE)
			blocks_measure(b, n->first, w);
		else if (n->type == MTG_N_TABLE && !w->in_list &&
		    b->st->tables)
			table_block(b, n);
	}
}

static void
blocks(struct odt_body *b, const struct node *n, struct where *w)
{
	struct where q;

	for (; n != NULL; n = n->next) {
		if (n == b->skip)
			continue;
		switch (n->type) {
		case MTG_N_PARAGRAPH:
			para_here(b, w->para, w);
			odt_inlines(b, n);
			xmlw_end(b->w);
			break;
		case MTG_N_HEADING:
			prefix_para(b, w);
			heading_start(b, n->level);
			odt_inlines(b, n);
			xmlw_end(b->w);
			break;
		case MTG_N_LIST:
			prefix_para(b, w);
			list_block(b, n, w);
			break;
		case MTG_N_BLOCKQUOTE:
			q = *w;
			q.para = b->st->quote;
			blocks(b, n->first, &q);
			w->prefix = q.prefix;
			break;
		case MTG_N_CODE_BLOCK:
		case MTG_N_HTML_BLOCK:
			prefix_para(b, w);
			odt_para_start(b, b->st->code);
			text_preserved(b, n->text != NULL ? n->text : "");
			xmlw_end(b->w);
			break;
		case MTG_N_THEMATIC_BREAK:
			para_here(b, b->st->rule, w);
			xmlw_end(b->w);
			break;
		case MTG_N_TABLE:
			if (w->in_list || !b->st->tables) {
				table_lines(b, n, w);
				break;
			}
			prefix_para(b, w);
			table_block(b, n);
			break;
		default:
			/* An inline where a block was expected. */
			para_here(b, w->para, w);
			inline_one(b, n, 0);
			xmlw_end(b->w);
			break;
		}
	}
}

void
odt_blocks(struct odt_body *b, const struct node *first)
{
	struct where w = { b->st->para, 0, NULL };

	if (b->measure)
		blocks_measure(b, first, &w);
	else
		blocks(b, first, &w);
}
