/*
 * odt_body.h -- Markdown document trees as OpenDocument text elements,
 * for the ODT renderers and for text inside ODP frames; and the checked,
 * escaping XML helpers the ODF and DocBook renderers share.
 */
#ifndef MINUTES_ODT_BODY_H
#define MINUTES_ODT_BODY_H

#include <libxml/tree.h>

#include "model.h"

/* --- XML output shared by the ODF and DocBook renderers -------------- */

/*
 * Text is buffered per target element and written as one text node when
 * another element is added, so that a paragraph made of many Markdown text
 * runs costs linear time.  Every call that creates nodes exits like
 * xmalloc() when libxml2 runs out of memory.
 */
struct xo {
	xmlNodePtr	 target;	/* element the pending text goes to */
	struct buf	 text;		/* pending text, already cleaned */
};

/* Says "out of memory" and exits 3, as xmalloc() does. */
void		 xo_oom(void) __attribute__((noreturn));
/*
 * A new document whose element and attribute names are interned in a
 * dictionary (xo_el() children share one copy of each name, not one
 * each).  Free with xmlFreeDoc().
 */
xmlDocPtr	 xo_doc_new(void);
/* Writes the pending text to its element; call before serialising. */
void		 xo_flush(struct xo *);
/*
 * Appends a new element name in namespace ns to parent (or makes a free
 * one, such as a root, when parent is NULL); returns it.
 */
xmlNodePtr	 xo_el(struct xo *, xmlNodePtr parent, xmlNsPtr ns,
		    const char *name);
/* Sets attribute name on e; value is cleaned and escaped. */
void		 xo_attr(xmlNodePtr e, xmlNsPtr ns, const char *name,
		    const char *value);
/* Appends text (cleaned, escaped on output) to parent. */
void		 xo_text(struct xo *, xmlNodePtr parent, const char *text);
void		 xo_textn(struct xo *, xmlNodePtr parent, const char *text,
		    size_t len);
/*
 * Returns text without the characters XML 1.0 forbids (C0 controls other
 * than tab, newline and carriage return; U+FFFE, U+FFFF).  Caller frees.
 */
char		*xo_clean(const char *text);
/*
 * Returns url made fit for an xsd:anyURI attribute: spaces, quotes,
 * non-ASCII bytes and stray '%' percent-encoded.  Returns NULL (the caller
 * keeps the link text and drops the link) for an empty URL, a script or
 * data: URL, or one that still does not parse.  Caller frees.
 */
char		*xo_href(const char *url);
/*
 * Serialises doc as UTF-8 with an XML declaration, unindented, into a
 * string owned by the caller.
 */
char		*xo_dump(xmlDocPtr doc, size_t *len);

/* --- OpenDocument text ------------------------------------------------ */

/* The namespaces of an ODF part, declared once on its root element. */
struct odt_ns {
	xmlNsPtr	 office, style, text, table, fo, xlink, draw, svg,
			 dc, meta;
};

/* Declares every namespace of struct odt_ns on root and fills ns. */
void		 odt_ns_declare(xmlNodePtr root, struct odt_ns *ns);

/*
 * The style names body content refers to.  The paragraph, list and
 * outline styles are common styles that styles.xml must define (or a
 * reference document; LibreOffice falls back to its defaults for missing
 * ones); the span, table and cell styles are automatic styles, named
 * Mtg*, that odt_automatic_styles() adds to content.xml.
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
};

/* The styles of templates/odt/styles.xml, for text documents. */
extern const struct odt_styles odt_styles_text;

/*
 * Writer state for one part: zero it, set ns and st, call
 * odt_automatic_styles() once, then write; xo_flush() and buf_free() on
 * xo.text when done.
 */
struct odt_body {
	struct xo		 xo;
	const struct odt_ns	*ns;
	const struct odt_styles	*st;
	const struct node	*skip;		/* a block not to write */
	int			 ntables;	/* tables so far, for names */
	xmlNodePtr		 automatic;	/* office:automatic-styles */
};

/*
 * Adds the automatic styles odt_blocks() and the table helpers use (text
 * spans for emphasis, strike-through and code; table, cell and aligned
 * cell paragraph styles) to office:automatic-styles, and keeps automatic
 * for the column styles of tables to come.
 */
void		 odt_automatic_styles(struct odt_body *, xmlNodePtr automatic);

/*
 * Appends the blocks first, first->next, ... (for example a document's
 * children) to parent, which may be office:text, a table cell or a
 * draw:text-box.  Tables inside list items, where ODF allows none, become
 * one paragraph per row.
 */
void		 odt_blocks(struct odt_body *, xmlNodePtr parent,
		    const struct node *first);

/* Appends the inlines under n (a paragraph, heading, cell) to p. */
void		 odt_inlines(struct odt_body *, xmlNodePtr p,
		    const struct node *n);

/* Appends a paragraph of style style holding text (or empty). */
xmlNodePtr	 odt_para(struct odt_body *, xmlNodePtr parent,
		    const char *style, const char *text);

/* Appends a heading of level 1-6 holding text. */
xmlNodePtr	 odt_heading(struct odt_body *, xmlNodePtr parent, int level,
		    const char *text);

/*
 * Appends a text span of style to p: one of the automatic styles
 * "MtgEmphasis", "MtgStrong", "MtgStrike", "MtgCode" (prefixed so that
 * they never meet a reference document's common styles), or any other.
 */
xmlNodePtr	 odt_span(struct odt_body *, xmlNodePtr p, const char *style);

/*
 * Tables built from the model: odt_table() appends a table of ncols
 * columns; odt_table_row() a row (header rows go into the header group,
 * and must come first); odt_table_cell() a cell holding text, returning
 * its paragraph.  boxed selects ruled cells, else a plain layout grid.
 */
xmlNodePtr	 odt_table(struct odt_body *, xmlNodePtr parent,
		    size_t ncols, int boxed);
/*
 * Gives the ncols columns of a table just made by odt_table() widths in
 * proportion to weights (0 counts as 1), through automatic styles.
 */
void		 odt_table_widths(struct odt_body *, xmlNodePtr table,
		    const unsigned *weights, size_t ncols);
xmlNodePtr	 odt_table_row(struct odt_body *, xmlNodePtr table,
		    int header);
xmlNodePtr	 odt_table_cell(struct odt_body *, xmlNodePtr row,
		    int header, const char *text);

/*
 * meta.xml of an ODT or ODP package: the title and a fixed generator, no
 * dates, so the bytes are stable.  Returns it with its length in *len;
 * caller frees.
 */
char	*odf_meta_xml(const char *title, size_t *len);

#endif
