/*
 * odt_body.c -- Markdown document trees as OpenDocument text elements,
 * and the XML output helpers the ODF and DocBook renderers share.
 *
 * Everything is built with libxml2's tree API; text and attribute values
 * go in as data (escaped when serialised), never as markup.
 *
 * Where ODF is stricter than Markdown: a list item holds only paragraphs,
 * headings and lists, so a table inside a list item becomes one paragraph
 * per row; images become their alt text linked to the image (a document
 * that loads pictures from the network would not be offline).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parserInternals.h>	/* xmlStringTextNoenc */
#include <libxml/uri.h>

#include "odt_body.h"

#define NS_OFFICE	"urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE	"urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT		"urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE	"urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO		"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_XLINK	"http://www.w3.org/1999/xlink"
#define NS_DRAW		"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_SVG		"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_DC		"http://purl.org/dc/elements/1.1/"
#define NS_META		"urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

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
	1
};

/* --- XML output --------------------------------------------------- */

void
xo_oom(void)
{
	fputs("minutes: out of memory\n", stderr);
	exit(3);
}

/*
 * Appends s[0..len) to b without the characters XML 1.0 forbids.  The
 * input is valid UTF-8 (the parser repaired it), so a byte below 0x20 is
 * always a control character, and U+FFFE/U+FFFF are EF BF BE/BF.
 */
static void
clean_put(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r') || (p[i] == 0xef && i + 2 < len &&
		    p[i + 1] == 0xbf && (p[i + 2] == 0xbe ||
		    p[i + 2] == 0xbf))) {
			buf_put(b, s + run, i - run);
			if (p[i] == 0xef)
				i += 2;
			run = i + 1;
		}
	}
	buf_put(b, s + run, len - run);
}

char *
xo_clean(const char *text)
{
	struct buf b = {0};

	clean_put(&b, text != NULL ? text : "", text != NULL ?
	    strlen(text) : 0);
	return buf_detach(&b);
}

void
xo_flush(struct xo *x)
{
	xmlNodePtr t;

	if (x->target != NULL && x->text.len > 0) {
		if ((t = xmlNewTextLen(BAD_CAST x->text.data,
		    (int)x->text.len)) == NULL)
			xo_oom();
		if (xmlAddChild(x->target, t) == NULL)
			xo_oom();
	}
	x->text.len = 0;
	x->target = NULL;
}

xmlDocPtr
xo_doc_new(void)
{
	xmlDocPtr doc;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (doc->dict = xmlDictCreate()) == NULL)
		xo_oom();
	return doc;
}

xmlNodePtr
xo_el(struct xo *x, xmlNodePtr parent, xmlNsPtr ns, const char *name)
{
	xmlNodePtr e;

	xo_flush(x);
	if ((e = xmlNewDocNode(parent != NULL ? parent->doc : NULL, ns,
	    BAD_CAST name, NULL)) == NULL)
		xo_oom();
	if (parent != NULL && xmlAddChild(parent, e) == NULL)
		xo_oom();
	return e;
}

/* The length of the start of s[0..len) that clean_put() keeps as it is. */
static size_t
clean_span(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < len; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r') || (p[i] == 0xef && i + 2 < len &&
		    p[i + 1] == 0xbf && (p[i + 2] == 0xbe ||
		    p[i + 2] == 0xbf)))
			break;
	return i;
}

void
xo_attr(xmlNodePtr e, xmlNsPtr ns, const char *name, const char *value)
{
	size_t len = value != NULL ? strlen(value) : 0;
	char *v = NULL;

	/* Most values (style names, numbers) need no cleaning: no copy. */
	if (clean_span(value, len) < len)
		v = xo_clean(value);
	if (xmlNewNsProp(e, ns, BAD_CAST name,
	    BAD_CAST (v != NULL ? v : value != NULL ? value : "")) == NULL)
		xo_oom();
	free(v);
}

void
xo_textn(struct xo *x, xmlNodePtr parent, const char *text, size_t len)
{
	if (x->target != parent)
		xo_flush(x);
	x->target = parent;
	clean_put(&x->text, text, len);
}

void
xo_text(struct xo *x, xmlNodePtr parent, const char *text)
{
	if (text != NULL)
		xo_textn(x, parent, text, strlen(text));
}

/* ASCII only, whatever the locale. */
static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static int
is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* RFC 3986 characters that may stand in a URI as they are. */
static int
uri_char(unsigned char c)
{
	return is_alnum(c) || (c != '\0' &&
	    strchr("-._~:/?#@!$&'()*+,;=", c) != NULL);
}

char *
xo_href(const char *url)
{
	static const char *const bad[] = { "javascript:", "vbscript:",
	    "data:", NULL };
	struct buf b = {0};
	const unsigned char *p;
	xmlURIPtr uri;
	char *s, *clean, *q;
	size_t i;

	if (url == NULL)
		return NULL;
	clean = str_trim(xo_clean(url));
	/* Browsers drop tabs and newlines from URLs: "java\tscript:". */
	for (s = q = clean; *s != '\0'; s++)
		if (*s != '\t' && *s != '\n' && *s != '\r')
			*q++ = *s;
	*q = '\0';
	for (i = 0; bad[i] != NULL; i++)
		if (str_has_prefix_ci(clean, bad[i])) {
			free(clean);
			return NULL;
		}
	if (*clean == '\0') {
		free(clean);
		return NULL;
	}
	for (p = (const unsigned char *)clean; *p != '\0'; p++) {
		if (uri_char(*p))
			buf_putc(&b, *p);
		else if (*p == '%' && is_hex(p[1]) && is_hex(p[2]))
			buf_putc(&b, '%');
		else
			buf_printf(&b, "%%%02X", *p);
	}
	free(clean);
	s = buf_detach(&b);
	if ((uri = xmlParseURI(s)) == NULL) {
		free(s);
		return NULL;
	}
	xmlFreeURI(uri);
	return s;
}

/*
 * Appends s escaped as libxml2 escapes text (attr 0: & < > and CR) or an
 * attribute value in double quotes (attr 1: also " and the white space
 * that attribute normalisation would eat).  UTF-8 is written as it is.
 */
static void
dump_escaped(struct buf *b, const char *s, int attr)
{
	const char *run = s, *rep;

	for (;; s++) {
		s += strcspn(s, attr ? "&<>\r\"\n\t" : "&<>\r");
		if (*s == '\0')
			break;
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '\r':
			rep = "&#13;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\n':
			rep = attr ? "&#10;" : NULL;
			break;
		case '\t':
			rep = attr ? "&#9;" : NULL;
			break;
		default:
			rep = NULL;
			break;
		}
		if (rep == NULL)
			continue;
		buf_put(b, run, (size_t)(s - run));
		buf_puts(b, rep);
		run = s + 1;
	}
	buf_put(b, run, (size_t)(s - run));
}

/* Appends "prefix:name", or "name" without a prefix. */
static void
dump_qname(struct buf *b, const xmlNs *ns, const xmlChar *name)
{
	if (ns != NULL && ns->prefix != NULL) {
		buf_puts(b, (const char *)ns->prefix);
		buf_putc(b, ':');
	}
	buf_puts(b, (const char *)name);
}

/*
 * Appends the start tag of element e, without its closing '>'.  Returns
 * 0, or -1 when e holds something dump_doc() does not write.
 */
static int
dump_start(struct buf *b, const xmlNode *e)
{
	const xmlNs *ns;
	const xmlAttr *a;
	const xmlNode *t;

	buf_putc(b, '<');
	dump_qname(b, e->ns, e->name);
	for (ns = e->nsDef; ns != NULL; ns = ns->next) {
		if (ns->type != XML_LOCAL_NAMESPACE || ns->href == NULL ||
		    xmlStrEqual(ns->prefix, BAD_CAST "xml"))
			continue;
		if (xmlStrchr(ns->href, '"') != NULL)
			return -1;
		buf_puts(b, " xmlns");
		if (ns->prefix != NULL) {
			buf_putc(b, ':');
			buf_puts(b, (const char *)ns->prefix);
		}
		buf_puts(b, "=\"");
		buf_puts(b, (const char *)ns->href);
		buf_putc(b, '"');
	}
	for (a = e->properties; a != NULL; a = a->next) {
		buf_putc(b, ' ');
		dump_qname(b, a->ns, a->name);
		buf_puts(b, "=\"");
		for (t = a->children; t != NULL; t = t->next) {
			if (t->type != XML_TEXT_NODE)
				return -1;
			if (t->content != NULL)
				dump_escaped(b, (const char *)t->content, 1);
		}
		buf_putc(b, '"');
	}
	return 0;
}

/*
 * Serialises doc into b as xmlDocDumpMemoryEnc(doc, ..., "UTF-8") does,
 * for the trees this program builds: one root element holding elements
 * and text.  Returns 0, or -1 for anything else (b then holds junk).
 */
static int
dump_doc(struct buf *b, const xmlDoc *doc)
{
	const xmlNode *root = doc->children, *n;

	if (root == NULL || root->next != NULL ||
	    root->type != XML_ELEMENT_NODE || doc->standalone != -1 ||
	    doc->version == NULL || !xmlStrEqual(doc->version, BAD_CAST "1.0"))
		return -1;
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	/* Depth first without recursion: down to the first child, else
	 * close elements on the way up to the next sibling. */
	for (n = root; n != NULL; ) {
		if (n->type == XML_TEXT_NODE) {
			if (n->name == xmlStringTextNoenc)
				return -1;
			if (n->content != NULL)
				dump_escaped(b, (const char *)n->content, 0);
		} else if (n->type != XML_ELEMENT_NODE ||
		    dump_start(b, n) == -1)
			return -1;
		else if (n->children != NULL) {
			buf_putc(b, '>');
			n = n->children;
			continue;
		} else
			buf_puts(b, "/>");
		while (n != root && n->next == NULL) {
			n = n->parent;
			buf_puts(b, "</");
			dump_qname(b, n->ns, n->name);
			buf_putc(b, '>');
		}
		n = n == root ? NULL : n->next;
	}
	buf_putc(b, '\n');
	return 0;
}

/*
 * libxml2's serialiser goes through output buffers and an encoder for
 * every few bytes, and was the largest single cost of the ODF and DocBook
 * renderers; dump_doc() writes the same bytes straight into a buffer and
 * leaves other trees to libxml2.
 */
char *
xo_dump(xmlDocPtr doc, size_t *len)
{
	struct buf b = {0};
	xmlChar *mem = NULL;
	char *s;
	int n = 0;

	if (dump_doc(&b, doc) == 0) {
		*len = b.len;
		return buf_detach(&b);
	}
	buf_free(&b);
	xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
	if (mem == NULL)
		xo_oom();
	s = xstrndup((const char *)mem, (size_t)n);
	*len = (size_t)n;
	xmlFree(mem);
	return s;
}

/* --- namespaces and automatic styles -------------------------------- */

static xmlNsPtr
ns_new(xmlNodePtr root, const char *href, const char *prefix)
{
	xmlNsPtr ns;

	if ((ns = xmlNewNs(root, BAD_CAST href, BAD_CAST prefix)) == NULL)
		xo_oom();
	return ns;
}

void
odt_ns_declare(xmlNodePtr root, struct odt_ns *ns)
{
	ns->office = ns_new(root, NS_OFFICE, "office");
	ns->style = ns_new(root, NS_STYLE, "style");
	ns->text = ns_new(root, NS_TEXT, "text");
	ns->table = ns_new(root, NS_TABLE, "table");
	ns->fo = ns_new(root, NS_FO, "fo");
	ns->xlink = ns_new(root, NS_XLINK, "xlink");
	ns->draw = ns_new(root, NS_DRAW, "draw");
	ns->svg = ns_new(root, NS_SVG, "svg");
	ns->dc = ns_new(root, NS_DC, "dc");
	ns->meta = ns_new(root, NS_META, "meta");
}

/* Adds <style:style name family [parent]> to parent; returns it. */
static xmlNodePtr
style_new(struct odt_body *b, xmlNodePtr parent, const char *name,
    const char *family, const char *base)
{
	xmlNodePtr s;

	s = xo_el(&b->xo, parent, b->ns->style, "style");
	xo_attr(s, b->ns->style, "name", name);
	xo_attr(s, b->ns->style, "family", family);
	if (base != NULL)
		xo_attr(s, b->ns->style, "parent-style-name", base);
	return s;
}

/* Adds <style:NAME-properties> with one attribute ns:attr=value. */
static xmlNodePtr
props(struct odt_body *b, xmlNodePtr style, const char *kind, xmlNsPtr ns,
    const char *attr, const char *value)
{
	xmlNodePtr p;

	p = xo_el(&b->xo, style, b->ns->style, kind);
	if (attr != NULL)
		xo_attr(p, ns, attr, value);
	return p;
}

/* A cell style: padding, and rules on every side when boxed. */
static void
cell_style(struct odt_body *b, xmlNodePtr a, const char *name, int boxed,
    const char *bg)
{
	xmlNodePtr s, p;

	s = style_new(b, a, name, "table-cell", NULL);
	p = props(b, s, "table-cell-properties", b->ns->fo, "padding",
	    boxed ? "0.1cm" : "0.05cm");
	if (boxed)
		xo_attr(p, b->ns->fo, "border", "0.5pt solid #808080");
	if (bg != NULL)
		xo_attr(p, b->ns->fo, "background-color", bg);
}

void
odt_automatic_styles(struct odt_body *b, xmlNodePtr a)
{
	const struct odt_ns *ns = b->ns;
	xmlNodePtr s, p;
	static const char *const aligns[] = { "center", "end" };
	size_t i;

	b->automatic = a;
	s = style_new(b, a, "MtgEmphasis", "text", NULL);
	props(b, s, "text-properties", ns->fo, "font-style", "italic");
	s = style_new(b, a, "MtgStrong", "text", NULL);
	props(b, s, "text-properties", ns->fo, "font-weight", "bold");
	s = style_new(b, a, "MtgStrike", "text", NULL);
	props(b, s, "text-properties", ns->style, "text-line-through-style",
	    "solid");
	s = style_new(b, a, "MtgCode", "text", NULL);
	p = props(b, s, "text-properties", ns->fo, "font-family",
	    "'Liberation Mono'");
	xo_attr(p, ns->style, "font-family-generic", "modern");
	xo_attr(p, ns->style, "font-pitch", "fixed");

	s = style_new(b, a, "MtgTable", "table", NULL);
	p = props(b, s, "table-properties", ns->style, "width", "170mm");
	xo_attr(p, ns->table, "align", "margins");
	xo_attr(p, ns->fo, "margin-top", "0.1cm");
	xo_attr(p, ns->fo, "margin-bottom", "0.2cm");
	s = style_new(b, a, "MtgGrid", "table", NULL);
	p = props(b, s, "table-properties", ns->style, "width", "170mm");
	xo_attr(p, ns->table, "align", "margins");
	xo_attr(p, ns->fo, "margin-bottom", "0.3cm");
	s = style_new(b, a, "MtgGridLabel", "table-column", NULL);
	props(b, s, "table-column-properties", ns->style, "column-width",
	    "35mm");
	s = style_new(b, a, "MtgGridValue", "table-column", NULL);
	props(b, s, "table-column-properties", ns->style, "column-width",
	    "135mm");
	cell_style(b, a, "MtgCell", 1, NULL);
	cell_style(b, a, "MtgHeadCell", 1, "#dde4ee");
	cell_style(b, a, "MtgGridCell", 0, NULL);

	for (i = 0; i < 2; i++) {
		char *name;

		name = xasprintf("MtgCell_%s", aligns[i]);
		s = style_new(b, a, name, "paragraph", b->st->cell);
		props(b, s, "paragraph-properties", ns->fo, "text-align",
		    aligns[i]);
		free(name);
		name = xasprintf("MtgHeadCell_%s", aligns[i]);
		s = style_new(b, a, name, "paragraph", b->st->cell_head);
		props(b, s, "paragraph-properties", ns->fo, "text-align",
		    aligns[i]);
		free(name);
	}
}

/* --- inlines -------------------------------------------------------- */

xmlNodePtr
odt_span(struct odt_body *b, xmlNodePtr p, const char *style)
{
	xmlNodePtr s;

	s = xo_el(&b->xo, p, b->ns->text, "span");
	xo_attr(s, b->ns->text, "style-name", style);
	return s;
}

/*
 * Appends text keeping its spaces, tabs and line breaks, which ODF would
 * otherwise collapse: a run of spaces becomes one space and a text:s for
 * the rest (all of it at the start of a line), a tab text:tab, a newline
 * text:line-break.  A final newline is dropped.
 */
static void
text_preserved(struct odt_body *b, xmlNodePtr p, const char *s)
{
	size_t i = 0, run, n = strlen(s);
	xmlNodePtr e;
	int linestart = 1;
	char count[32];

	if (n > 0 && s[n - 1] == '\n')
		n--;
	while (i < n) {
		run = strcspn(s + i, " \t\n");
		if (i + run > n)
			run = n - i;
		if (run > 0) {
			xo_textn(&b->xo, p, s + i, run);
			i += run;
			linestart = 0;
			continue;
		}
		if (s[i] == '\t') {
			xo_el(&b->xo, p, b->ns->text, "tab");
			i++;
			linestart = 0;
			continue;
		}
		if (s[i] == '\n') {
			xo_el(&b->xo, p, b->ns->text, "line-break");
			i++;
			linestart = 1;
			continue;
		}
		for (run = 0; i + run < n && s[i + run] == ' '; run++)
			;
		i += run;
		if (!linestart) {
			xo_textn(&b->xo, p, " ", 1);
			run--;
		}
		linestart = 0;
		if (run == 0)
			continue;
		e = xo_el(&b->xo, p, b->ns->text, "s");
		if (run > 1) {
			snprintf(count, sizeof(count), "%zu", run);
			xo_attr(e, b->ns->text, "c", count);
		}
	}
}

static void	inlines(struct odt_body *, xmlNodePtr, const struct node *,
		    int);

/* A link, or only its text when the URL is unusable or in a link. */
static void
link_inline(struct odt_body *b, xmlNodePtr p, const struct node *c,
    int in_link)
{
	xmlNodePtr a;
	char *href;

	href = in_link ? NULL : xo_href(c->url);
	if (href == NULL) {
		inlines(b, p, c, in_link);
		return;
	}
	a = xo_el(&b->xo, p, b->ns->text, "a");
	xo_attr(a, b->ns->xlink, "type", "simple");
	xo_attr(a, b->ns->xlink, "href", href);
	if (c->first != NULL)
		inlines(b, a, c, 1);
	else
		xo_text(&b->xo, a, c->url);
	free(href);
}

/* An image as its alt text in brackets, linked to the image. */
static void
image_inline(struct odt_body *b, xmlNodePtr p, const struct node *c,
    int in_link)
{
	xmlNodePtr e = p;
	char *href, *alt;

	alt = node_text(c);
	href = in_link ? NULL : xo_href(c->url);
	if (href != NULL) {
		e = xo_el(&b->xo, p, b->ns->text, "a");
		xo_attr(e, b->ns->xlink, "type", "simple");
		xo_attr(e, b->ns->xlink, "href", href);
	}
	e = odt_span(b, e, "MtgEmphasis");
	xo_text(&b->xo, e, "[");
	xo_text(&b->xo, e, *alt != '\0' ? alt : "image");
	xo_text(&b->xo, e, "]");
	free(alt);
	free(href);
}

/* Appends inline c to p; in_link stops links nesting. */
static void
inline_one(struct odt_body *b, xmlNodePtr p, const struct node *c,
    int in_link)
{
	switch (c->type) {
	case MTG_N_TEXT:
		xo_text(&b->xo, p, c->text);
		break;
	case MTG_N_SOFTBREAK:
		xo_text(&b->xo, p, " ");
		break;
	case MTG_N_LINEBREAK:
		xo_el(&b->xo, p, b->ns->text, "line-break");
		break;
	case MTG_N_CODE:
	case MTG_N_HTML_INLINE:
		text_preserved(b, odt_span(b, p, "MtgCode"),
		    c->text != NULL ? c->text : "");
		break;
	case MTG_N_EMPH:
		inlines(b, odt_span(b, p, "MtgEmphasis"), c, in_link);
		break;
	case MTG_N_STRONG:
		inlines(b, odt_span(b, p, "MtgStrong"), c, in_link);
		break;
	case MTG_N_STRIKE:
		inlines(b, odt_span(b, p, "MtgStrike"), c, in_link);
		break;
	case MTG_N_LINK:
		link_inline(b, p, c, in_link);
		break;
	case MTG_N_IMAGE:
		image_inline(b, p, c, in_link);
		break;
	default:
		/* A block where an inline was expected: its text. */
		if (c->text != NULL)
			xo_text(&b->xo, p, c->text);
		inlines(b, p, c, in_link);
		break;
	}
}

static void
inlines(struct odt_body *b, xmlNodePtr p, const struct node *n, int in_link)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		inline_one(b, p, c, in_link);
}

void
odt_inlines(struct odt_body *b, xmlNodePtr p, const struct node *n)
{
	inlines(b, p, n, 0);
	xo_flush(&b->xo);
}

/* --- blocks --------------------------------------------------------- */

xmlNodePtr
odt_para(struct odt_body *b, xmlNodePtr parent, const char *style,
    const char *text)
{
	xmlNodePtr p;

	p = xo_el(&b->xo, parent, b->ns->text, "p");
	if (style != NULL)
		xo_attr(p, b->ns->text, "style-name", style);
	if (text != NULL)
		xo_text(&b->xo, p, text);
	return p;
}

/* A heading element of level 1-6: text:h when outlining, else text:p. */
static xmlNodePtr
heading_new(struct odt_body *b, xmlNodePtr parent, int level)
{
	xmlNodePtr h;
	char lv[4];

	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	if (!b->st->outline)
		return odt_para(b, parent, b->st->heading[level - 1], NULL);
	h = xo_el(&b->xo, parent, b->ns->text, "h");
	xo_attr(h, b->ns->text, "style-name", b->st->heading[level - 1]);
	snprintf(lv, sizeof(lv), "%d", level);
	xo_attr(h, b->ns->text, "outline-level", lv);
	return h;
}

xmlNodePtr
odt_heading(struct odt_body *b, xmlNodePtr parent, int level,
    const char *text)
{
	xmlNodePtr h = heading_new(b, parent, level);

	xo_text(&b->xo, h, text);
	return h;
}

/* Where blocks go and what they may be. */
struct where {
	const char	*para;		/* paragraph style here */
	int		 in_list;	/* only text:p, text:h, text:list */
	const char	*prefix;	/* task box for the next paragraph */
};

static void	blocks(struct odt_body *, xmlNodePtr, const struct node *,
		    struct where *);

/* The paragraph for the next block: consumes a pending task box. */
static xmlNodePtr
para_here(struct odt_body *b, xmlNodePtr parent, const char *style,
    struct where *w)
{
	xmlNodePtr p = odt_para(b, parent, style, NULL);

	if (w->prefix != NULL) {
		xo_text(&b->xo, p, w->prefix);
		w->prefix = NULL;
	}
	return p;
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

xmlNodePtr
odt_table(struct odt_body *b, xmlNodePtr parent, size_t ncols, int boxed)
{
	xmlNodePtr t, col;
	char name[32], n[32];

	b->ntables++;
	snprintf(name, sizeof(name), "Table%d", b->ntables);
	t = xo_el(&b->xo, parent, b->ns->table, "table");
	xo_attr(t, b->ns->table, "name", name);
	xo_attr(t, b->ns->table, "style-name",
	    boxed ? "MtgTable" : "MtgGrid");
	if (!boxed && ncols == 2) {
		col = xo_el(&b->xo, t, b->ns->table, "table-column");
		xo_attr(col, b->ns->table, "style-name", "MtgGridLabel");
		col = xo_el(&b->xo, t, b->ns->table, "table-column");
		xo_attr(col, b->ns->table, "style-name", "MtgGridValue");
		return t;
	}
	col = xo_el(&b->xo, t, b->ns->table, "table-column");
	if (ncols > 1) {
		snprintf(n, sizeof(n), "%zu", ncols);
		xo_attr(col, b->ns->table, "number-columns-repeated", n);
	}
	return t;
}

void
odt_table_widths(struct odt_body *b, xmlNodePtr table,
    const unsigned *weights, size_t ncols)
{
	xmlNodePtr c, next, first, col, s;
	char *name, *tname, w[32];
	unsigned long sum = 0, h;
	size_t i;

	if (b->automatic == NULL || ncols == 0)
		return;
	for (c = table->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name,
		    BAD_CAST "table-column") == 0) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	for (i = 0; i < ncols; i++)
		sum += weights[i] > 0 ? weights[i] : 1;
	first = table->children;
	tname = (char *)xmlGetNsProp(table, BAD_CAST "name",
	    BAD_CAST NS_TABLE);
	for (i = 0; i < ncols; i++) {
		name = xasprintf("%s.c%zu", tname != NULL ? tname : "Table",
		    i + 1);
		s = style_new(b, b->automatic, name, "table-column", NULL);
		/*
		 * Absolute widths only: LibreOffice 7.4 ignores them all
		 * when relative ones are given as well.
		 */
		h = TABLE_WIDTH_MM * 100UL * (weights[i] > 0 ? weights[i] :
		    1) / sum;
		snprintf(w, sizeof(w), "%lu.%02lumm", h / 100, h % 100);
		props(b, s, "table-column-properties", b->ns->style,
		    "column-width", w);
		col = xo_el(&b->xo, NULL, b->ns->table, "table-column");
		xo_attr(col, b->ns->table, "style-name", name);
		if (first != NULL) {
			if (xmlAddPrevSibling(first, col) == NULL)
				xo_oom();
		} else if (xmlAddChild(table, col) == NULL)
			xo_oom();
		free(name);
	}
	xmlFree(tname);
}

xmlNodePtr
odt_table_row(struct odt_body *b, xmlNodePtr table, int header)
{
	xmlNodePtr parent = table, last = table->last;

	if (header) {
		if (last != NULL && xmlStrcmp(last->name,
		    BAD_CAST "table-header-rows") == 0)
			parent = last;
		else
			parent = xo_el(&b->xo, table, b->ns->table,
			    "table-header-rows");
	}
	return xo_el(&b->xo, parent, b->ns->table, "table-row");
}

/* A cell of row; returns its paragraph, styled for align. */
static xmlNodePtr
cell_new(struct odt_body *b, xmlNodePtr row, int header,
    enum mtg_align align)
{
	xmlNodePtr cell, table = row->parent;
	xmlChar *ts;
	const char *style;
	int boxed = 1;

	if (table != NULL && xmlStrcmp(table->name,
	    BAD_CAST "table-header-rows") == 0)
		table = table->parent;
	if (table != NULL && (ts = xmlGetNsProp(table, BAD_CAST "style-name",
	    BAD_CAST NS_TABLE)) != NULL) {
		boxed = xmlStrcmp(ts, BAD_CAST "MtgGrid") != 0;
		xmlFree(ts);
	}
	cell = xo_el(&b->xo, row, b->ns->table, "table-cell");
	xo_attr(cell, b->ns->table, "style-name", !boxed ? "MtgGridCell" :
	    header ? "MtgHeadCell" : "MtgCell");
	xo_attr(cell, b->ns->office, "value-type", "string");
	if (align == MTG_ALIGN_CENTER)
		style = header ? "MtgHeadCell_center" : "MtgCell_center";
	else if (align == MTG_ALIGN_RIGHT)
		style = header ? "MtgHeadCell_end" : "MtgCell_end";
	else
		style = header ? b->st->cell_head : b->st->cell;
	return odt_para(b, cell, style, NULL);
}

xmlNodePtr
odt_table_cell(struct odt_body *b, xmlNodePtr row, int header,
    const char *text)
{
	xmlNodePtr p = cell_new(b, row, header, MTG_ALIGN_NONE);

	if (text != NULL)
		xo_text(&b->xo, p, text);
	return p;
}

/* A Markdown table as table:table, ragged rows padded with empty cells. */
static void
table_block(struct odt_body *b, xmlNodePtr parent, const struct node *t)
{
	const struct node *r, *c;
	xmlNodePtr table, row;
	unsigned *weights;
	size_t ncols = table_columns(t), i, len;
	char *s;

	if (ncols == 0)
		return;
	table = odt_table(b, parent, ncols, 1);
	/* Columns as wide as their longest cell, within limits. */
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
	odt_table_widths(b, table, weights, ncols);
	free(weights);
	for (r = t->first; r != NULL; r = r->next) {
		row = odt_table_row(b, table, r->header && r == t->first);
		i = 0;
		for (c = r->first; c != NULL; c = c->next, i++)
			odt_inlines(b, cell_new(b, row, r->header, c->align),
			    c);
		for (; i < ncols; i++)
			cell_new(b, row, r->header, MTG_ALIGN_NONE);
	}
}

/* A table where ODF allows none: one paragraph per row, cells by " | ". */
static void
table_lines(struct odt_body *b, xmlNodePtr parent, const struct node *t,
    struct where *w)
{
	const struct node *r, *c;
	xmlNodePtr p, into;

	for (r = t->first; r != NULL; r = r->next) {
		p = para_here(b, parent, w->para, w);
		into = r->header ? odt_span(b, p, "MtgStrong") : p;
		for (c = r->first; c != NULL; c = c->next) {
			if (c != r->first)
				xo_text(&b->xo, into, " | ");
			inlines(b, into, c, 0);
		}
		xo_flush(&b->xo);
	}
}

static void
list_block(struct odt_body *b, xmlNodePtr parent, const struct node *l,
    struct where *w)
{
	const struct node *it;
	xmlNodePtr list, li;
	struct where in;
	char n[32];

	list = xo_el(&b->xo, parent, b->ns->text, "list");
	xo_attr(list, b->ns->text, "style-name",
	    l->ordered ? b->st->numbers : b->st->bullets);
	for (it = l->first; it != NULL; it = it->next) {
		li = xo_el(&b->xo, list, b->ns->text, "list-item");
		if (it == l->first && l->ordered && l->start != 1) {
			snprintf(n, sizeof(n), "%d", l->start < 0 ? 0 :
			    l->start);
			xo_attr(li, b->ns->text, "start-value", n);
		}
		in.para = w->para;
		in.in_list = 1;
		in.prefix = it->task == MTG_TASK_DONE ? box_done :
		    it->task == MTG_TASK_OPEN ? box_open : NULL;
		blocks(b, li, it->first, &in);
		if (li->children == NULL)
			para_here(b, li, in.para, &in);
	}
}

static void
blocks(struct odt_body *b, xmlNodePtr parent, const struct node *n,
    struct where *w)
{
	struct where q;
	xmlNodePtr p;

	for (; n != NULL; n = n->next) {
		if (n == b->skip)
			continue;
		switch (n->type) {
		case MTG_N_PARAGRAPH:
			p = para_here(b, parent, w->para, w);
			odt_inlines(b, p, n);
			break;
		case MTG_N_HEADING:
			if (w->prefix != NULL)
				para_here(b, parent, w->para, w);
			p = heading_new(b, parent, n->level);
			odt_inlines(b, p, n);
			break;
		case MTG_N_LIST:
			if (w->prefix != NULL)
				para_here(b, parent, w->para, w);
			list_block(b, parent, n, w);
			break;
		case MTG_N_BLOCKQUOTE:
			q = *w;
			q.para = b->st->quote;
			blocks(b, parent, n->first, &q);
			w->prefix = q.prefix;
			break;
		case MTG_N_CODE_BLOCK:
		case MTG_N_HTML_BLOCK:
			if (w->prefix != NULL)
				para_here(b, parent, w->para, w);
			p = odt_para(b, parent, b->st->code, NULL);
			text_preserved(b, p, n->text != NULL ? n->text : "");
			xo_flush(&b->xo);
			break;
		case MTG_N_THEMATIC_BREAK:
			para_here(b, parent, b->st->rule, w);
			break;
		case MTG_N_TABLE:
			if (w->in_list || !b->st->tables) {
				table_lines(b, parent, n, w);
				break;
			}
			if (w->prefix != NULL)
				para_here(b, parent, w->para, w);
			table_block(b, parent, n);
			break;
		default:
			/* An inline where a block was expected. */
			p = para_here(b, parent, w->para, w);
			inline_one(b, p, n, 0);
			xo_flush(&b->xo);
			break;
		}
	}
	xo_flush(&b->xo);
}

void
odt_blocks(struct odt_body *b, xmlNodePtr parent, const struct node *first)
{
	struct where w = { b->st->para, 0, NULL };

	blocks(b, parent, first, &w);
}

/* Returns meta.xml: title and generator, no dates; caller frees. */
char *
odf_meta_xml(const char *title, size_t *len)
{
	struct odt_ns ns;
	struct xo xo = {0};
	xmlDocPtr doc;
	xmlNodePtr root, meta, e;
	char *s;

	doc = xo_doc_new();
	root = xo_el(&xo, NULL, NULL, "document-meta");
	xmlDocSetRootElement(doc, root);
	odt_ns_declare(root, &ns);
	xmlSetNs(root, ns.office);
	xo_attr(root, ns.office, "version", "1.3");
	meta = xo_el(&xo, root, ns.office, "meta");
	e = xo_el(&xo, meta, ns.meta, "generator");
	xo_text(&xo, e, "minutes/" MINUTES_VERSION);
	e = xo_el(&xo, meta, ns.dc, "title");
	xo_text(&xo, e, title);
	xo_flush(&xo);
	s = xo_dump(doc, len);
	xmlFreeDoc(doc);
	buf_free(&xo.text);
	return s;
}
