/*
 * odt_body.h -- Markdown document trees as OpenDocument text elements,
 * for the ODT renderers and for text inside ODP frames.
 *
 * Everything is written through the XML writer (xmlw.h) as it goes: each
 * function writes into the element open at the time of the call.
 */
#ifndef MINUTES_ODT_BODY_H
#define MINUTES_ODT_BODY_H

#include "model.h"
#include "xmlw.h"

/*
 * Writes content.xml up to its automatic styles, left open: the root
 * declaring the namespaces of an ODF part (office, style, text, table,
 * fo, xlink, draw, svg, dc, meta) and more[] (prefixed name, URI, ...;
 * NULL-ended, or NULL).
 */
void		 odt_content_open(struct xmlw *, const char *const *more);

/*
 * The style names body content refers to.  The paragraph, list and
 * outline styles are common styles that styles.xml must define (or a
 * reference document; LibreOffice falls back to its defaults for missing
 * ones); the span, table and cell styles are automatic styles, named
 * Mtg*, that odt_automatic_styles() writes into content.xml.
 */
struct odt_styles {
	const char	*para;		/* body paragraph */
	const char	*heading[6];	/* heading paragraphs, levels 1-6 */
	const char	*quote;		/* paragraphs of a block quote */
	const char	*code;		/* preformatted (code, raw HTML) */
	const char	*rule;		/* thematic break */
	const char	*cell;		/* table cell paragraph */
	const char	*cell_head;	/* header cell paragraph */
	const char	*bullets;	/* list style, bullets */
	const char	*numbers;	/* list style, numbered */
	int		 outline;	/* headings as text:h with a level */
	int		 tables;	/* tables as table:table, else lines */
	const char	*tasks;		/* list style of a task item, whose
					 * box is its marker, or NULL */
	const char	*cell_box;	/* ruled cell style, NULL: MtgCell */
	const char	*head_box;	/* ruled header cell, NULL: MtgHeadCell */
};

/* The styles of templates/odt/styles.xml, for text documents. */
extern const struct odt_styles odt_styles_text;

/*
 * The column widths of the tables of a part: each column of table N is
 * an automatic style "TableN.cK", which must be written before the body,
 * so a part is written in two passes over the same code: first measuring
 * (odt_body.measure set: odt_blocks() and odt_table_measure() only note
 * the widths here, numbering the tables as the writing pass will), then
 * writing.
 */
struct odt_col {
	int		 table;		/* N of TableN */
	size_t		 col;		/* K, from 1 */
	unsigned long	 width;		/* hundredths of a millimetre */
};

struct odt_cols {
	struct odt_col	*v;
	size_t		 n;
	size_t		 cap;
};

void		 odt_cols_free(struct odt_cols *);

/*
 * Writer state for one part: zero it, set w and st (and skip); measure
 * and cols for the first pass.
 */
struct odt_body {
	struct xmlw		*w;
	const struct odt_styles	*st;
	const struct node	*skip;		/* a block not to write */
	int			 measure;	/* first pass: widths only */
	struct odt_cols		*cols;		/* widths seen when measuring */
	int			 ntables;	/* tables so far, for names:
						   the passes count alike */
	int			 boxed;		/* table open: ruled cells */
	int			 in_header;	/* table-header-rows open */
};

/*
 * Writes the automatic styles odt_blocks() and the table helpers use (text
 * spans for emphasis, strike-through and code; table, cell and aligned
 * cell paragraph styles) into the open office:automatic-styles; and
 * odt_column_styles() one column style per column measured in cols.
 */
void		 odt_automatic_styles(struct odt_body *);
void		 odt_column_styles(struct odt_body *, const struct odt_cols *);

/*
 * Writes the blocks first, first->next, ... (for example a document's
 * children) into the open element, which may be office:text, a table
 * cell or a draw:text-box.  Tables inside list items, where ODF allows
 * none, become one paragraph per row.  When measuring, only notes the
 * column widths of the tables.
 */
void		 odt_blocks(struct odt_body *, const struct node *first);

/* Writes the inlines under n (a paragraph, heading, cell). */
void		 odt_inlines(struct odt_body *, const struct node *n);

/* Starts a paragraph of style style (or none); end it with xmlw_end(). */
void		 odt_para_start(struct odt_body *, const char *style);
/* A whole paragraph of style holding text (or empty). */
void		 odt_para(struct odt_body *, const char *style,
		    const char *text);
/* A whole heading of level 1-6 holding text. */
void		 odt_heading(struct odt_body *, int level, const char *text);

/*
 * Starts a text span of style: one of the automatic styles "MtgEmphasis",
 * "MtgStrong", "MtgStrike", "MtgCode" (prefixed so that they never meet a
 * reference document's common styles), or any other.  End it with
 * xmlw_end().
 */
void		 odt_span_start(struct odt_body *, const char *style);

/*
 * Tables built from the model.  odt_table_start() starts a table of ncols
 * columns (boxed selects ruled cells, else a plain layout grid), its
 * columns as wide as weights say (in proportion, 0 counting as 1; NULL:
 * equal), or styled colstyles[i] when colstyles is set (the caller's own
 * automatic styles).  odt_table_row_start() starts a row (header rows go
 * into the header group, and must come first; end a row with xmlw_end());
 * odt_table_cell() writes a cell holding text; odt_cell_start() starts
 * one for inlines, odt_cell_end() ends it.  odt_table_end() ends the
 * table.  odt_table_measure() is the measuring pass's odt_table_start()
 * (weights NULL: a table without column styles, counted).
 */
void		 odt_table_start(struct odt_body *, size_t ncols, int boxed,
		    const unsigned *weights, const char *const *colstyles);
void		 odt_table_measure(struct odt_body *, size_t ncols,
		    const unsigned *weights);
void		 odt_table_row_start(struct odt_body *, int header);
void		 odt_table_cell(struct odt_body *, int header,
		    const char *text);
void		 odt_cell_start(struct odt_body *, int header);
void		 odt_cell_end(struct odt_body *);
void		 odt_table_end(struct odt_body *);

#endif
