/*
 * render_docbook.c -- the minutes as a DocBook 5.0 article.
 *
 * The article's info holds the title, date, group and chairs; a list of
 * the meeting's details comes first; the notes follow, their headings
 * turned into nested sections; decisions, the consolidated action items
 * and the subtopic teams close it as sections of their own, the tables as
 * real tables.  Built with libxml2's tree API; the result validates
 * against DocBook's RELAX NG schema for any notes:
 *
 *  - a section needs a title and a block, so an empty one gets an empty
 *    para, and sections nest by heading level whatever the jumps;
 *  - headings inside list items or block quotes, where no section may
 *    start, become bold paragraphs;
 *  - raw HTML is kept as literal text, strike-through is
 *    <emphasis role="strikethrough">, images are inline media objects with
 *    their alt text, task-list items start with a ballot box;
 *  - link targets are made fit for xsd:anyURI or dropped (the text stays),
 *    and script URLs are dropped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "odt_body.h"
#include "present.h"
#include "render.h"

#define NS_DOCBOOK	"http://docbook.org/ns/docbook"
#define NS_XLINK	"http://www.w3.org/1999/xlink"

/* Sections open at once: the article and one per heading level. */
#define SECTIONS_MAX	8

static const char box_open[] = "\xe2\x98\x90 ";		/* U+2610 */
static const char box_done[] = "\xe2\x98\x91 ";		/* U+2611 */

struct db {
	struct xo	 xo;
	xmlNsPtr	 ns;		/* DocBook, the default namespace */
	xmlNsPtr	 xlink;
	xmlNsPtr	 xml;		/* for xml:id */
	xmlHashTablePtr	 ids;		/* section anchor -> struct section */
};

/* The prefix that makes a section anchor (maybe "1-intro") an NCName. */
#define ID_PREFIX	"s-"

/* Appends a DocBook element to parent. */
static xmlNodePtr
el(struct db *d, xmlNodePtr parent, const char *name)
{
	return xo_el(&d->xo, parent, d->ns, name);
}

/* Appends <name>text</name> to parent. */
static xmlNodePtr
el_text(struct db *d, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr e = el(d, parent, name);

	xo_text(&d->xo, e, text);
	return e;
}

static void	inlines(struct db *, xmlNodePtr, const struct node *, int);

/* A link, or only its text when the URL is unusable or in a link. */
static void
link_inline(struct db *d, xmlNodePtr p, const struct node *c, int in_link)
{
	xmlNodePtr a;
	char *href, *id;

	href = in_link ? NULL : xo_href(c->url);
	if (href != NULL && *href == '#') {
		/* A link into the notes: to a section, or no link. */
		if (d->ids != NULL && xmlHashLookup(d->ids,
		    BAD_CAST href + 1) != NULL) {
			a = el(d, p, "link");
			id = xasprintf(ID_PREFIX "%s", href + 1);
			xo_attr(a, NULL, "linkend", id);
			free(id);
			inlines(d, a, c, 1);
		} else
			inlines(d, p, c, in_link);
		free(href);
		return;
	}
	if (href == NULL) {
		inlines(d, p, c, in_link);
		return;
	}
	a = el(d, p, "link");
	xo_attr(a, d->xlink, "href", href);
	if (c->first != NULL)
		inlines(d, a, c, 1);
	else
		xo_text(&d->xo, a, c->url);
	free(href);
}

/* An image: an inline media object with its alt text, or the alt text. */
static void
image_inline(struct db *d, xmlNodePtr p, const struct node *c)
{
	xmlNodePtr m, e;
	char *href, *alt;

	alt = node_text(c);
	href = xo_href(c->url);
	if (href == NULL) {
		e = el(d, p, "phrase");
		xo_attr(e, NULL, "role", "image");
		xo_text(&d->xo, e, alt);
	} else {
		m = el(d, p, "inlinemediaobject");
		e = el(d, el(d, m, "imageobject"), "imagedata");
		xo_attr(e, NULL, "fileref", href);
		el_text(d, el(d, m, "textobject"), "phrase", alt);
	}
	free(alt);
	free(href);
}

/* Appends inline c to p; in_link stops links nesting. */
static void
inline_one(struct db *d, xmlNodePtr p, const struct node *c, int in_link)
{
	xmlNodePtr e;

	switch (c->type) {
	case MTG_N_TEXT:
		xo_text(&d->xo, p, c->text);
		break;
	case MTG_N_SOFTBREAK:
	case MTG_N_LINEBREAK:
		xo_text(&d->xo, p, "\n");
		break;
	case MTG_N_CODE:
		el_text(d, p, "literal", c->text);
		break;
	case MTG_N_HTML_INLINE:
		e = el_text(d, p, "literal", c->text);
		xo_attr(e, NULL, "role", "html");
		break;
	case MTG_N_EMPH:
		inlines(d, el(d, p, "emphasis"), c, in_link);
		break;
	case MTG_N_STRONG:
		e = el(d, p, "emphasis");
		xo_attr(e, NULL, "role", "strong");
		inlines(d, e, c, in_link);
		break;
	case MTG_N_STRIKE:
		e = el(d, p, "emphasis");
		xo_attr(e, NULL, "role", "strikethrough");
		inlines(d, e, c, in_link);
		break;
	case MTG_N_LINK:
		link_inline(d, p, c, in_link);
		break;
	case MTG_N_IMAGE:
		image_inline(d, p, c);
		break;
	default:
		/* A block where an inline was expected: its text. */
		if (c->text != NULL)
			xo_text(&d->xo, p, c->text);
		inlines(d, p, c, in_link);
		break;
	}
}

static void
inlines(struct db *d, xmlNodePtr p, const struct node *n, int in_link)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		inline_one(d, p, c, in_link);
}

/* Inline content of a title: plain text only for images. */
static void
title_inlines(struct db *d, xmlNodePtr t, const struct node *n)
{
	const struct node *c;
	char *s;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == MTG_N_IMAGE) {
			s = node_text(c);
			xo_text(&d->xo, t, s);
			free(s);
		} else
			inline_one(d, t, c, 0);
	}
}

static void	blocks(struct db *, xmlNodePtr, const struct node *,
		    const char **);

/* A new para in parent, starting with the pending task box if any. */
static xmlNodePtr
para_new(struct db *d, xmlNodePtr parent, const char **prefix)
{
	xmlNodePtr p = el(d, parent, "para");

	if (*prefix != NULL) {
		xo_text(&d->xo, p, *prefix);
		*prefix = NULL;
	}
	return p;
}

/* Gives e an empty para when it holds no element: no empty blocks. */
static void
ensure_block(struct db *d, xmlNodePtr e, const xmlNode *after)
{
	const xmlNode *c;

	for (c = after != NULL ? after->next : e->children; c != NULL;
	    c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return;
	el(d, e, "para");
}

static void
list_block(struct db *d, xmlNodePtr parent, const struct node *l)
{
	const struct node *it;
	const char *prefix;
	xmlNodePtr list, li;
	char n[32];

	if (l->first == NULL)
		return;
	list = el(d, parent, l->ordered ? "orderedlist" : "itemizedlist");
	if (l->ordered && l->start != 1) {
		snprintf(n, sizeof(n), "%d", l->start < 0 ? 0 : l->start);
		xo_attr(list, NULL, "startingnumber", n);
	}
	if (l->tight)
		xo_attr(list, NULL, "spacing", "compact");
	for (it = l->first; it != NULL; it = it->next) {
		li = el(d, list, "listitem");
		prefix = it->task == MTG_TASK_DONE ? box_done :
		    it->task == MTG_TASK_OPEN ? box_open : NULL;
		blocks(d, li, it->first, &prefix);
		if (prefix != NULL)
			para_new(d, li, &prefix);
		ensure_block(d, li, NULL);
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

/* An informaltable with a tgroup of ncols columns; returns the tgroup. */
static xmlNodePtr
table_new(struct db *d, xmlNodePtr parent, size_t ncols)
{
	xmlNodePtr t, g;
	char n[32];

	t = el(d, parent, "informaltable");
	xo_attr(t, NULL, "frame", "all");
	g = el(d, t, "tgroup");
	snprintf(n, sizeof(n), "%zu", ncols);
	xo_attr(g, NULL, "cols", n);
	xo_attr(g, NULL, "colsep", "1");
	xo_attr(g, NULL, "rowsep", "1");
	return g;
}

/* A Markdown table; the header row goes to thead unless it is alone. */
static void
table_block(struct db *d, xmlNodePtr parent, const struct node *t)
{
	static const char *const align[] = { NULL, "left", "center",
	    "right" };
	const struct node *r, *c;
	xmlNodePtr g, body = NULL, row, e;
	size_t ncols = table_columns(t);

	if (ncols == 0)
		return;
	g = table_new(d, parent, ncols);
	for (r = t->first; r != NULL; r = r->next) {
		if (r == t->first && r->header && r->next != NULL)
			row = el(d, el(d, g, "thead"), "row");
		else {
			if (body == NULL)
				body = el(d, g, "tbody");
			row = el(d, body, "row");
		}
		for (c = r->first; c != NULL; c = c->next) {
			e = el(d, row, "entry");
			if (c->align != MTG_ALIGN_NONE)
				xo_attr(e, NULL, "align", align[c->align]);
			inlines(d, e, c, 0);
		}
	}
}

/* A code block or raw HTML as a program listing. */
static void
code_block(struct db *d, xmlNodePtr parent, const struct node *n)
{
	xmlNodePtr e;
	char *lang = NULL;
	size_t len;

	e = el(d, parent, "programlisting");
	if (n->type == MTG_N_HTML_BLOCK)
		xo_attr(e, NULL, "language", "html");
	else if (n->info != NULL && *n->info != '\0') {
		len = strcspn(n->info, " \t");
		lang = xstrndup(n->info, len);
		if (*lang != '\0')
			xo_attr(e, NULL, "language", lang);
		free(lang);
	}
	if (n->text != NULL) {
		len = strlen(n->text);
		/* The final newline ends the block; it is not content. */
		if (len > 0 && n->text[len - 1] == '\n')
			len--;
		xo_textn(&d->xo, e, n->text, len);
	}
}

/*
 * Appends block n to parent, which takes blocks only (the article, a
 * section, a list item or a quote).  *prefix is a task box the first
 * paragraph must start with.
 */
static void
block_one(struct db *d, xmlNodePtr parent, const struct node *n,
    const char **prefix)
{
	xmlNodePtr p, q;

	if (*prefix != NULL && n->type != MTG_N_PARAGRAPH &&
	    n->type != MTG_N_HEADING)
		para_new(d, parent, prefix);
	switch (n->type) {
	case MTG_N_PARAGRAPH:
		inlines(d, para_new(d, parent, prefix), n, 0);
		break;
	case MTG_N_HEADING:
		p = el(d, para_new(d, parent, prefix), "emphasis");
		xo_attr(p, NULL, "role", "strong");
		inlines(d, p, n, 0);
		break;
	case MTG_N_LIST:
		list_block(d, parent, n);
		break;
	case MTG_N_BLOCKQUOTE:
		q = el(d, parent, "blockquote");
		blocks(d, q, n->first, prefix);
		ensure_block(d, q, NULL);
		break;
	case MTG_N_CODE_BLOCK:
	case MTG_N_HTML_BLOCK:
		code_block(d, parent, n);
		break;
	case MTG_N_THEMATIC_BREAK:
		/* DocBook has no rule; sections mark the breaks. */
		break;
	case MTG_N_TABLE:
		table_block(d, parent, n);
		break;
	default:
		/* An inline where a block was expected. */
		inline_one(d, para_new(d, parent, prefix), n, 0);
		break;
	}
}

/* Appends the blocks n, n->next, ... to parent. */
static void
blocks(struct db *d, xmlNodePtr parent, const struct node *n,
    const char **prefix)
{
	for (; n != NULL; n = n->next)
		block_one(d, parent, n, prefix);
}

/* The open sections: [0] is the article, whose level is 0. */
struct sections {
	xmlNodePtr	 el[SECTIONS_MAX];
	xmlNodePtr	 title[SECTIONS_MAX];
	int		 level[SECTIONS_MAX];
	int		 n;
};

/* Closes the innermost section, giving it a block if it has none. */
static void
section_close(struct db *d, struct sections *s)
{
	s->n--;
	ensure_block(d, s->el[s->n], s->title[s->n]);
}

/*
 * Opens a section of level under the innermost of lower level, with
 * xml:id ID_PREFIX id when id is set.  Returns its title.
 */
static xmlNodePtr
section_open(struct db *d, struct sections *s, int level, const char *id)
{
	xmlNodePtr sec;
	char *xid;

	/* Levels rise along the stack, so it holds at most six sections. */
	level = level < 1 ? 1 : level > 6 ? 6 : level;
	while (s->n > 1 && s->level[s->n - 1] >= level)
		section_close(d, s);
	sec = el(d, s->el[s->n - 1], "section");
	if (id != NULL) {
		xid = xasprintf(ID_PREFIX "%s", id);
		xo_attr(sec, d->xml, "id", xid);
		free(xid);
	}
	s->el[s->n] = sec;
	s->title[s->n] = el(d, sec, "title");
	s->level[s->n] = level;
	s->n++;
	return s->title[s->n - 1];
}

/* Returns 1 when id may follow ID_PREFIX in an xml:id. */
static int
id_ok(const char *id)
{
	return id != NULL && *id != '\0' && strspn(id,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-._") == strlen(id);
}

/*
 * Collects the anchors of the sections that will be DocBook sections
 * (headings at the top level of the notes, but skip) into d->ids, the
 * first of equal anchors winning, so links to them can be resolved.
 */
static void
ids_collect(struct db *d, const struct meeting *m, const struct node *skip)
{
	const struct section *sec;
	size_t i;

	if ((d->ids = xmlHashCreate(m->nsections > 0 ?
	    (int)m->nsections : 1)) == NULL)
		xo_oom();
	for (i = 0; i < m->nsections; i++) {
		sec = &m->sections[i];
		if (sec->heading == NULL || sec->heading == skip ||
		    sec->heading->parent != m->body || !id_ok(sec->id))
			continue;
		/* Fails for a second equal anchor: it keeps no id. */
		xmlHashAddEntry(d->ids, BAD_CAST sec->id, (void *)sec);
	}
}

/*
 * The notes: blocks before the first heading go to the article, every
 * top-level heading starts a section.  A first level-1 heading that
 * repeats the title is the title, already in info.
 */
static void
body(struct db *d, struct sections *s, const struct meeting *m)
{
	const struct node *n, *skip = NULL;
	const struct section *sec;
	const char *prefix = NULL, *id;
	size_t si = 0;

	if (m->body == NULL)
		return;
	n = m->body->first;
	skip = m->title_node;
	ids_collect(d, m, skip);
	for (; n != NULL; n = n->next) {
		if (n == skip)
			continue;
		if (n->type != MTG_N_HEADING) {
			block_one(d, s->el[s->n - 1], n, &prefix);
			continue;
		}
		/* Sections are in document order: one pass finds them. */
		while (si < m->nsections && m->sections[si].line < n->line)
			si++;
		id = NULL;
		if (si < m->nsections && m->sections[si].heading == n) {
			sec = &m->sections[si];
			if (id_ok(sec->id) && xmlHashLookup(d->ids,
			    BAD_CAST sec->id) == sec)
				id = sec->id;
		}
		title_inlines(d, section_open(d, s, n->level, id), n);
	}
}

/* Adds a term and its value to the details list when value is set. */
static void
detail(struct db *d, xmlNodePtr vl, const char *term, const char *value)
{
	xmlNodePtr e;

	if (value == NULL || *value == '\0')
		return;
	e = el(d, vl, "varlistentry");
	el_text(d, e, "term", term);
	el_text(d, el(d, e, "listitem"), "para", value);
}

static void
detail_names(struct db *d, xmlNodePtr vl, const char *term,
    const struct strlist *l)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, l->v[i]);
	}
	detail(d, vl, term, b.data);
	buf_free(&b);
}

/* Adds the article's info; returns it. */
static xmlNodePtr
info(struct db *d, xmlNodePtr article, const struct meeting *m)
{
	xmlNodePtr inf, oc;
	size_t i;

	inf = el(d, article, "info");
	el_text(d, inf, "title", m->title != NULL && *m->title != '\0' ?
	    m->title : "Meeting notes");
	if (m->group != NULL && *m->group != '\0')
		el_text(d, inf, "subtitle", m->group);
	for (i = 0; i < m->chairs.n; i++) {
		oc = el(d, inf, "othercredit");
		xo_attr(oc, NULL, "class", "other");
		xo_attr(oc, NULL, "otherclass", "chair");
		el_text(d, oc, "personname", m->chairs.v[i]);
		el_text(d, oc, "contrib", "Chair");
	}
	if (m->date != NULL)
		el_text(d, inf, "date", m->date);
	if (m->group != NULL && *m->group != '\0')
		el_text(d, inf, "orgname", m->group);
	return inf;
}

/* The meeting's details as a variable list, if there are any. */
static void
details(struct db *d, xmlNodePtr article, const struct meeting *m)
{
	xmlNodePtr vl;

	vl = el(d, article, "variablelist");
	xo_attr(vl, NULL, "role", "meeting-details");
	detail(d, vl, "Date", m->date);
	detail(d, vl, "Time", m->time);
	detail(d, vl, "Location", m->location);
	detail_names(d, vl, m->chairs.n > 1 ? "Chairs" : "Chair", &m->chairs);
	detail_names(d, vl, "Present", &m->attendees);
	detail_names(d, vl, "Apologies", &m->apologies);
	detail_names(d, vl, "Absent", &m->absent);
	detail_names(d, vl, "Staff", &m->staff);
	detail_names(d, vl, "Observers", &m->observers);
	if (vl->children == NULL) {
		xmlUnlinkNode(vl);
		xmlFreeNode(vl);
	}
}

/* Appends a row of entries to parent (thead or tbody). */
static xmlNodePtr
row_new(struct db *d, xmlNodePtr parent)
{
	return el(d, parent, "row");
}

static void
actions(struct db *d, xmlNodePtr article, const struct meeting *m)
{
	xmlNodePtr sec, g, row, tb;
	char *s;
	size_t i;

	sec = el(d, article, "section");
	xo_attr(sec, NULL, "role", "action-items");
	el_text(d, sec, "title", "Summary of action items");
	g = table_new(d, sec, 5);
	row = row_new(d, el(d, g, "thead"));
	el_text(d, row, "entry", "ID");
	el_text(d, row, "entry", "Action");
	el_text(d, row, "entry", "Owner");
	el_text(d, row, "entry", "Due");
	el_text(d, row, "entry", "Status");
	tb = el(d, g, "tbody");
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		row = row_new(d, tb);
		el_text(d, row, "entry", present_id(a));
		el_text(d, row, "entry", a->text);
		el_text(d, row, "entry", s = present_names(&a->owners));
		free(s);
		el_text(d, row, "entry", s = present_due(a));
		free(s);
		el_text(d, row, "entry", present_status(a->status));
	}
}

static void
teams(struct db *d, xmlNodePtr article, const struct meeting *m)
{
	xmlNodePtr sec, g, row, tb;
	struct buf members = {0};
	size_t i, k;

	sec = el(d, article, "section");
	xo_attr(sec, NULL, "role", "teams");
	el_text(d, sec, "title", "Subtopic teams");
	g = table_new(d, sec, 3);
	row = row_new(d, el(d, g, "thead"));
	el_text(d, row, "entry", "Subtopic team");
	el_text(d, row, "entry", "Rapporteur");
	el_text(d, row, "entry", "Members");
	tb = el(d, g, "tbody");
	for (i = 0; i < m->nteams; i++) {
		const struct team *t = &m->teams[i];

		row = row_new(d, tb);
		el_text(d, row, "entry", t->name);
		el_text(d, row, "entry", t->rapporteur);
		members.len = 0;
		for (k = 0; k < t->members.n; k++) {
			if (k > 0)
				buf_puts(&members, ", ");
			buf_puts(&members, t->members.v[k]);
		}
		el_text(d, row, "entry", members.data != NULL ?
		    members.data : "");
	}
	buf_free(&members);
}

static void
decisions(struct db *d, xmlNodePtr article, const struct meeting *m)
{
	xmlNodePtr sec, list;
	size_t i;

	sec = el(d, article, "section");
	xo_attr(sec, NULL, "role", "decisions");
	el_text(d, sec, "title", "Summary of decisions");
	list = el(d, sec, "orderedlist");
	for (i = 0; i < m->ndecisions; i++)
		el_text(d, el(d, list, "listitem"), "para",
		    m->decisions[i].text);
}

/* Elements whose content is elements only: line breaks there are safe. */
static int
element_only(const xmlNode *e)
{
	static const char *const names[] = { "article", "info", "section",
	    "itemizedlist", "orderedlist", "listitem", "blockquote",
	    "variablelist", "varlistentry", "informaltable", "tgroup",
	    "thead", "tbody", "row", "othercredit", NULL };
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (xmlStrcmp(e->name, BAD_CAST names[i]) == 0)
			return 1;
	return 0;
}

static void
newline_before(xmlNodePtr e)
{
	xmlNodePtr t;

	if ((t = xmlNewText(BAD_CAST "\n")) == NULL ||
	    xmlAddPrevSibling(e, t) == NULL)
		xo_oom();
}

/*
 * Starts each child of an element-only element on a line of its own, so
 * that the article can be read and diffed; mixed content is untouched.
 * Recursion is bounded by the parser's nesting cap.
 */
static void
line_breaks(xmlNodePtr e)
{
	xmlNodePtr c, t;
	int only = element_only(e);

	for (c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (only)
			newline_before(c);
		line_breaks(c);
	}
	if (only && e->children != NULL) {
		if ((t = xmlNewText(BAD_CAST "\n")) == NULL ||
		    xmlAddChild(e, t) == NULL)
			xo_oom();
	}
}

/*
 * Writes the DocBook article for m into out.  Returns 0; running out of
 * memory exits.
 */
int
render_docbook(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct db d;
	struct sections s;
	xmlDocPtr doc;
	xmlNodePtr article, inf;
	char *xml;
	size_t len;

	(void)opts;
	memset(&d, 0, sizeof(d));
	memset(&s, 0, sizeof(s));
	doc = xo_doc_new();
	article = xo_el(&d.xo, NULL, NULL, "article");
	xmlDocSetRootElement(doc, article);
	if ((d.ns = xmlNewNs(article, BAD_CAST NS_DOCBOOK, NULL)) == NULL ||
	    (d.xlink = xmlNewNs(article, BAD_CAST NS_XLINK,
	    BAD_CAST "xlink")) == NULL)
		xo_oom();
	xmlSetNs(article, d.ns);
	if ((d.xml = xmlSearchNs(doc, article, BAD_CAST "xml")) == NULL)
		xo_oom();
	xo_attr(article, NULL, "version", "5.0");
	inf = info(&d, article, m);
	details(&d, article, m);

	s.el[0] = article;
	s.n = 1;
	body(&d, &s, m);
	while (s.n > 1)
		section_close(&d, &s);
	if (m->ndecisions > 0)
		decisions(&d, article, m);
	if (m->nactions > 0)
		actions(&d, article, m);
	if (m->nteams > 0)
		teams(&d, article, m);
	/* An article needs a block: empty notes give an empty para. */
	ensure_block(&d, article, inf);
	xo_flush(&d.xo);
	line_breaks(article);

	xml = xo_dump(doc, &len);
	buf_put(out, xml, len);
	free(xml);
	xmlFreeDoc(doc);
	xmlHashFree(d.ids, NULL);
	buf_free(&d.xo.text);
	return 0;
}
