/*
 * render_docbook.c -- the minutes as a DocBook 5.0 article.
 *
 * The article's info holds the title, date, group and chairs; a list of
 * the meeting's details comes first; the notes follow, their headings
 * turned into nested sections; decisions, the consolidated action items
 * and the subtopic teams close it as sections of their own, the tables as
 * real tables.  Written through the XML writer (xmlw.h) as it goes; the
 * result validates
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

#include "present.h"
#include "docbook.h"
#include "render.h"

#define NS_DOCBOOK	"http://docbook.org/ns/docbook"
#define NS_XLINK	"http://www.w3.org/1999/xlink"

/* Sections open at once: the article and one per heading level. */
#define SECTIONS_MAX	8

static const char box_open[] = "\xe2\x98\x90 ";		/* U+2610 */
static const char box_done[] = "\xe2\x98\x91 ";		/* U+2611 */

struct db {
	struct xmlw	*w;
	xmlHashTablePtr	 ids;		/* section anchor -> struct section */
	const char	*idp;		/* prefix of its section ids */
};

/* The prefix that makes a section anchor (maybe "1-intro") an NCName. */
#define ID_PREFIX	"s-"

/* Starts a DocBook element. */
static void
el(struct db *d, const char *name)
{
	xmlw_start(d->w, name);
}

/* Ends the current element. */
static void
end(struct db *d)
{
	xmlw_end(d->w);
}

/* Writes <name>text</name>. */
static void
el_text(struct db *d, const char *name, const char *text)
{
	xmlw_el_text(d->w, name, text);
}

/* Starts <name role="role">. */
static void
el_role(struct db *d, const char *name, const char *role)
{
	el(d, name);
	xmlw_attr(d->w, "role", role);
}

static void	inlines(struct db *, const struct node *, int);

/* A link, or only its text when the URL is unusable or in a link. */
static void
link_inline(struct db *d, const struct node *c, int in_link)
{
	char *href, *id;

	href = in_link ? NULL : xmlw_href(c->url);
	if (href != NULL && *href == '#') {
		/* A link into the notes: to a section, or no link. */
		if (d->ids != NULL && xmlHashLookup(d->ids,
		    BAD_CAST href + 1) != NULL) {
			el(d, "link");
			id = xasprintf("%s%s", d->idp, href + 1);
			xmlw_attr(d->w, "linkend", id);
			free(id);
			inlines(d, c, 1);
			end(d);
		} else
			inlines(d, c, in_link);
		free(href);
		return;
	}
	if (href == NULL) {
		inlines(d, c, in_link);
		return;
	}
	el(d, "link");
	xmlw_attr(d->w, "xlink:href", href);
	if (c->first != NULL)
		inlines(d, c, 1);
	else
		xmlw_text(d->w, c->url);
	end(d);
	free(href);
}

/* An image: an inline media object with its alt text, or the alt text. */
static void
image_inline(struct db *d, const struct node *c)
{
	char *href, *alt;

	alt = node_text(c);
	href = xmlw_href(c->url);
	if (href == NULL) {
		el_role(d, "phrase", "image");
		xmlw_text(d->w, alt);
		end(d);
	} else {
		el(d, "inlinemediaobject");
		el(d, "imageobject");
		el(d, "imagedata");
		xmlw_attr(d->w, "fileref", href);
		end(d);
		end(d);
		el(d, "textobject");
		el_text(d, "phrase", alt);
		end(d);
		end(d);
	}
	free(alt);
	free(href);
}

/* Writes the inlines under c in <emphasis [role]>. */
static void
emphasis(struct db *d, const char *role, const struct node *c, int in_link)
{
	el(d, "emphasis");
	if (role != NULL)
		xmlw_attr(d->w, "role", role);
	inlines(d, c, in_link);
	end(d);
}

/* Writes inline c; in_link stops links nesting. */
static void
inline_one(struct db *d, const struct node *c, int in_link)
{
	switch (c->type) {
	case MTG_N_TEXT:
		xmlw_text(d->w, c->text);
		break;
	case MTG_N_SOFTBREAK:
	case MTG_N_LINEBREAK:
		xmlw_text(d->w, "\n");
		break;
	case MTG_N_CODE:
		el_text(d, "literal", c->text);
		break;
	case MTG_N_HTML_INLINE:
		el_role(d, "literal", "html");
		xmlw_text(d->w, c->text);
		end(d);
		break;
	case MTG_N_EMPH:
		emphasis(d, NULL, c, in_link);
		break;
	case MTG_N_STRONG:
		emphasis(d, "strong", c, in_link);
		break;
	case MTG_N_STRIKE:
		emphasis(d, "strikethrough", c, in_link);
		break;
	case MTG_N_LINK:
		link_inline(d, c, in_link);
		break;
	case MTG_N_IMAGE:
		image_inline(d, c);
		break;
	default:
		/* A block where an inline was expected: its text. */
		if (c->text != NULL)
			xmlw_text(d->w, c->text);
		inlines(d, c, in_link);
		break;
	}
}

static void
inlines(struct db *d, const struct node *n, int in_link)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		inline_one(d, c, in_link);
}

/* Inline content of a title: plain text only for images. */
static void
title_inlines(struct db *d, const struct node *n)
{
	const struct node *c;
	char *s;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == MTG_N_IMAGE) {
			s = node_text(c);
			xmlw_text(d->w, s);
			free(s);
		} else
			inline_one(d, c, 0);
	}
}

static void	blocks(struct db *, const struct node *, const char **);

/* Starts a para, with the pending task box if any. */
static void
para_start(struct db *d, const char **prefix)
{
	el(d, "para");
	if (*prefix != NULL) {
		xmlw_text(d->w, *prefix);
		*prefix = NULL;
	}
}

/*
 * Gives the current element an empty para when it holds no more than
 * first elements (a title, the info): no empty blocks.
 */
static void
ensure_block(struct db *d, size_t first)
{
	if (xmlw_children(d->w) <= first) {
		el(d, "para");
		end(d);
	}
}

static void
list_block(struct db *d, const struct node *l)
{
	const struct node *it;
	const char *prefix;

	if (l->first == NULL)
		return;
	el(d, l->ordered ? "orderedlist" : "itemizedlist");
	if (l->ordered && l->start != 1)
		xmlw_attrf(d->w, "startingnumber", "%d", l->start < 0 ? 0 :
		    l->start);
	if (l->tight)
		xmlw_attr(d->w, "spacing", "compact");
	for (it = l->first; it != NULL; it = it->next) {
		el(d, "listitem");
		prefix = it->task == MTG_TASK_DONE ? box_done :
		    it->task == MTG_TASK_OPEN ? box_open : NULL;
		blocks(d, it->first, &prefix);
		if (prefix != NULL) {
			para_start(d, &prefix);
			end(d);
		}
		ensure_block(d, 0);
		end(d);
	}
	end(d);
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

/* Starts an informaltable and its tgroup of ncols columns. */
static void
table_start(struct db *d, size_t ncols)
{
	el(d, "informaltable");
	xmlw_attr(d->w, "frame", "all");
	el(d, "tgroup");
	xmlw_attrf(d->w, "cols", "%zu", ncols);
	xmlw_attr(d->w, "colsep", "1");
	xmlw_attr(d->w, "rowsep", "1");
}

/* Ends the tgroup and the table. */
static void
table_end(struct db *d)
{
	end(d);
	end(d);
}

/* A Markdown table; the header row goes to thead unless it is alone. */
static void
table_block(struct db *d, const struct node *t)
{
	static const char *const align[] = { NULL, "left", "center",
	    "right" };
	const struct node *r, *c;
	size_t ncols = table_columns(t);
	int body = 0, head;

	if (ncols == 0)
		return;
	table_start(d, ncols);
	for (r = t->first; r != NULL; r = r->next) {
		head = r == t->first && r->header && r->next != NULL;
		if (head)
			el(d, "thead");
		else if (!body) {
			el(d, "tbody");
			body = 1;
		}
		el(d, "row");
		for (c = r->first; c != NULL; c = c->next) {
			el(d, "entry");
			if (c->align != MTG_ALIGN_NONE)
				xmlw_attr(d->w, "align", align[c->align]);
			inlines(d, c, 0);
			end(d);
		}
		end(d);
		if (head)
			end(d);
	}
	if (body)
		end(d);
	table_end(d);
}

/* A code block or raw HTML as a program listing. */
static void
code_block(struct db *d, const struct node *n)
{
	char *lang = NULL;
	size_t len;

	el(d, "programlisting");
	if (n->type == MTG_N_HTML_BLOCK)
		xmlw_attr(d->w, "language", "html");
	else if (node_info(n) != NULL && *node_info(n) != '\0') {
		len = strcspn(node_info(n), " \t");
		lang = xstrndup(node_info(n), len);
		if (*lang != '\0')
			xmlw_attr(d->w, "language", lang);
		free(lang);
	}
	if (n->text != NULL) {
		len = strlen(n->text);
		/* The final newline ends the block; it is not content. */
		if (len > 0 && n->text[len - 1] == '\n')
			len--;
		xmlw_textn(d->w, n->text, len);
	}
	end(d);
}

/*
 * Writes block n into the current element, which takes blocks only (the
 * article, a section, a list item or a quote).  *prefix is a task box the
 * first paragraph must start with.
 */
static void
block_one(struct db *d, const struct node *n, const char **prefix)
{
	if (*prefix != NULL && n->type != MTG_N_PARAGRAPH &&
	    n->type != MTG_N_HEADING) {
		para_start(d, prefix);
		end(d);
	}
	switch (n->type) {
	case MTG_N_PARAGRAPH:
		para_start(d, prefix);
		inlines(d, n, 0);
		end(d);
		break;
	case MTG_N_HEADING:
		para_start(d, prefix);
		emphasis(d, "strong", n, 0);
		end(d);
		break;
	case MTG_N_LIST:
		list_block(d, n);
		break;
	case MTG_N_BLOCKQUOTE:
		el(d, "blockquote");
		blocks(d, n->first, prefix);
		ensure_block(d, 0);
		end(d);
		break;
	case MTG_N_CODE_BLOCK:
	case MTG_N_HTML_BLOCK:
		code_block(d, n);
		break;
	case MTG_N_THEMATIC_BREAK:
		/* DocBook has no rule; sections mark the breaks. */
		break;
	case MTG_N_TABLE:
		table_block(d, n);
		break;
	default:
		/* An inline where a block was expected. */
		para_start(d, prefix);
		inline_one(d, n, 0);
		end(d);
		break;
	}
}

/* Writes the blocks n, n->next, ... */
static void
blocks(struct db *d, const struct node *n, const char **prefix)
{
	for (; n != NULL; n = n->next)
		block_one(d, n, prefix);
}

/* The open sections: [0] is the article, whose level is 0. */
struct sections {
	int		 level[SECTIONS_MAX];
	int		 n;
};

/* Closes the innermost section, giving it a block if it has none. */
static void
section_close(struct db *d, struct sections *s)
{
	s->n--;
	ensure_block(d, 1);
	end(d);
}

/*
 * Opens a section of level under the innermost of lower level, with
 * xml:id ID_PREFIX id when id is set, and starts its title: the caller
 * writes the title and ends it.
 */
static void
section_open(struct db *d, struct sections *s, int level, const char *id)
{
	/* Levels rise along the stack, so it holds at most six sections. */
	level = level < 1 ? 1 : level > 6 ? 6 : level;
	while (s->n > 1 && s->level[s->n - 1] >= level)
		section_close(d, s);
	el(d, "section");
	if (id != NULL)
		xmlw_attrf(d->w, "xml:id", "%s%s", d->idp, id);
	s->level[s->n] = level;
	s->n++;
	el(d, "title");
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
		xmlw_oom();
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
			block_one(d, n, &prefix);
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
		section_open(d, s, n->level, id);
		title_inlines(d, n);
		end(d);
	}
}

/*
 * Writes a term and its value to the details list when value is set;
 * with write 0 only says whether it would.  Returns 1 for an entry.
 */
static int
detail(struct db *d, int write, const char *term, const char *value)
{
	if (value == NULL || *value == '\0')
		return 0;
	if (!write)
		return 1;
	el(d, "varlistentry");
	el_text(d, "term", term);
	el(d, "listitem");
	el_text(d, "para", value);
	end(d);
	end(d);
	return 1;
}

/* The names of l, with the organisations the notes give, as one detail. */
static int
detail_names(struct db *d, int write, const char *term,
    const struct meeting *m, const struct strlist *l)
{
	struct strlist shown = {0};
	char *s;
	int rc;

	present_people(m, l, &shown);
	s = present_names(&shown);
	rc = detail(d, write, term, s);
	free(s);
	strlist_free(&shown);
	return rc;
}

/* The roles of the header (present_roles()), a detail each. */
static int
detail_roles(struct db *d, int write, const struct meeting *m)
{
	struct present_role r[PRESENT_ROLES];
	size_t i, n = present_roles(m, r);
	int k = 0;

	for (i = 0; i < n; i++) {
		char *s = present_names(&r[i].names);

		k += detail(d, write, r[i].label, s);
		free(s);
	}
	present_roles_free(r, n);
	return k;
}

/* Writes the article's info. */
static void
info(struct db *d, const struct meeting *m)
{
	size_t i;

	el(d, "info");
	el_text(d, "title", m->title != NULL && *m->title != '\0' ?
	    m->title : "Meeting notes");
	if (m->group != NULL && *m->group != '\0')
		el_text(d, "subtitle", m->group);
	for (i = 0; i < m->chairs.n; i++) {
		const char *role = strlist_pair(&m->roles, m->chairs.v[i]);

		el(d, "othercredit");
		xmlw_attr(d->w, "class", "other");
		xmlw_attr(d->w, "otherclass", role != NULL ? role : "chair");
		el_text(d, "personname", m->chairs.v[i]);
		el_text(d, "contrib", present_chair_role(m, m->chairs.v[i]));
		end(d);
	}
	if (m->date != NULL)
		el_text(d, "date", m->date);
	if (m->group != NULL && *m->group != '\0')
		el_text(d, "orgname", m->group);
	end(d);
}

/*
 * The meeting's details, as a variable list when write is set; returns
 * how many there are (first with write 0: a list needs an entry).
 */
static int
detail_list(struct db *d, int write, const struct meeting *m)
{
	int n = 0;

	n += detail(d, write, "Date", m->date);
	n += detail(d, write, "Time", m->time);
	n += detail(d, write, "Location", m->location);
	n += detail_roles(d, write, m);
	n += detail_names(d, write, "Present", m, &m->attendees);
	n += detail_names(d, write, "Apologies", m, &m->apologies);
	n += detail_names(d, write, "Absent", m, &m->absent);
	n += detail_names(d, write, "Staff", m, &m->staff);
	n += detail_names(d, write, "Observers", m, &m->observers);
	return n;
}

static void
details(struct db *d, const struct meeting *m)
{
	if (detail_list(d, 0, m) == 0)
		return;
	el_role(d, "variablelist", "meeting-details");
	detail_list(d, 1, m);
	end(d);
}

/* Starts a section of role with its title. */
static void
summary_start(struct db *d, const char *role, const char *title)
{
	el_role(d, "section", role);
	el_text(d, "title", title);
}

/* Writes a header row of n entries. */
static void
head_row(struct db *d, const char *const *labels, size_t n)
{
	size_t i;

	el(d, "thead");
	el(d, "row");
	for (i = 0; i < n; i++)
		el_text(d, "entry", labels[i]);
	end(d);
	end(d);
}

static void
actions(struct db *d, const struct meeting *m)
{
	size_t i;
	char *s;

	summary_start(d, "action-items", "Summary of action items");
	table_start(d, 5);
	head_row(d, present_action_heads, 5);
	el(d, "tbody");
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		el(d, "row");
		el_text(d, "entry", present_id(a));
		el_text(d, "entry", a->text);
		el_text(d, "entry", s = present_names(&a->owners));
		free(s);
		el_text(d, "entry", s = present_due(a));
		free(s);
		el_text(d, "entry", present_status(a->status));
		end(d);
	}
	end(d);
	table_end(d);
	end(d);
}

static void
teams(struct db *d, const struct meeting *m)
{
	static const char *const labels[] = { "Subtopic team", "Rapporteur",
	    "Members" };
	size_t i;
	char *members;

	summary_start(d, "teams", "Subtopic teams");
	table_start(d, 3);
	head_row(d, labels, 3);
	el(d, "tbody");
	for (i = 0; i < m->nteams; i++) {
		const struct team *t = &m->teams[i];

		el(d, "row");
		el_text(d, "entry", t->name);
		el_text(d, "entry", t->rapporteur);
		members = present_names(&t->members);
		el_text(d, "entry", members);
		free(members);
		end(d);
	}
	end(d);
	table_end(d);
	end(d);
}

static void
decisions(struct db *d, const struct meeting *m)
{
	size_t i;

	summary_start(d, "decisions", "Summary of decisions");
	el(d, "orderedlist");
	for (i = 0; i < m->ndecisions; i++) {
		el(d, "listitem");
		el_text(d, "para", m->decisions[i].text);
		end(d);
	}
	end(d);
	end(d);
}

int
docbook_element_only(const char *name)
{
	static const char *const names[] = { "article", "book", "chapter",
	    "appendix", "info", "section", "itemizedlist", "orderedlist",
	    "listitem", "blockquote", "variablelist", "varlistentry",
	    "informaltable", "tgroup", "thead", "tbody", "row", "othercredit",
	    NULL };
	size_t i;

	/* Asked at every element: the first letter rules most names out. */
	for (i = 0; names[i] != NULL; i++)
		if (name[0] == names[i][0] && strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

void
docbook_namespaces(struct xmlw *w)
{
	xmlw_attr(w, "xmlns", NS_DOCBOOK);
	xmlw_attr(w, "xmlns:xlink", NS_XLINK);
	xmlw_attr(w, "version", "5.0");
}

void
docbook_meeting(struct xmlw *w, const struct meeting *m, const char *name,
    const char *id, int root)
{
	struct db d;
	struct sections s;
	char *idp = NULL;

	memset(&d, 0, sizeof(d));
	memset(&s, 0, sizeof(s));
	d.w = w;
	d.idp = ID_PREFIX;
	if (id != NULL)
		d.idp = idp = xasprintf("%s." ID_PREFIX, id);
	el(&d, name);
	if (root)
		docbook_namespaces(d.w);
	if (id != NULL)
		xmlw_attr(d.w, "xml:id", id);
	info(&d, m);
	details(&d, m);

	s.n = 1;
	body(&d, &s, m);
	while (s.n > 1)
		section_close(&d, &s);
	if (m->ndecisions > 0)
		decisions(&d, m);
	if (m->nactions > 0)
		actions(&d, m);
	if (m->nteams > 0)
		teams(&d, m);
	/* An article or chapter needs a block: empty notes give an empty
	 * para. */
	ensure_block(&d, 1);
	end(&d);
	xmlHashFree(d.ids, NULL);
	free(idp);
}

/*
 * Writes the DocBook article for m into out, each child of an
 * element-only element on a line of its own, so that the article can be
 * read and diffed.  Returns 0; running out of memory exits.
 */
int
render_docbook(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct xmlw *w;

	(void)opts;
	w = xmlw_new(out);
	xmlw_set_layout(w, docbook_element_only);
	xmlw_declaration(w);
	docbook_meeting(w, m, "article", NULL, 1);
	xmlw_finish(w);
	xmlw_free(w);
	return 0;
}
