/*
 * render_odt.c -- the minutes and the agenda as OpenDocument text.
 *
 * content.xml and meta.xml are built here with libxml2; styles.xml is
 * templates/odt/styles.xml, or the styles of the user's --reference-odt
 * document.  Such a document should define these common styles (any it
 * lacks fall back to LibreOffice's defaults; the output stays valid):
 *
 *   paragraph  Title, Subtitle, Text_20_body, Heading_20_1 .. Heading_20_6,
 *              Quotations, Preformatted_20_Text, Horizontal_20_Line,
 *              Table_20_Contents, Table_20_Heading
 *   list       List_20_1 (bullets), Numbering_20_123 (numbers)
 *
 * (the names LibreOffice gives "Text Body", "Heading 1", "List 1",
 * "Numbering 123" and so on).  Spans, tables and cells use automatic
 * styles that content.xml carries itself.
 *
 * meta.xml holds the title and a fixed generator but no dates, and the
 * package has fixed entry times, so the same notes give the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "diag.h"
#include "odf.h"
#include "odt_body.h"
#include "present.h"
#include "render.h"

#define MIME_ODT	"application/vnd.oasis.opendocument.text"

/* One content.xml being built. */
struct odt_doc {
	xmlDocPtr	 doc;
	xmlNodePtr	 text;		/* office:text */
	struct odt_ns	 ns;
	struct odt_body	 b;
};

/* Starts content.xml: root, automatic styles and an empty office:text. */
static void
doc_begin(struct odt_doc *d)
{
	xmlNodePtr root, automatic, body;

	memset(d, 0, sizeof(*d));
	d->doc = xo_doc_new();
	root = xo_el(&d->b.xo, NULL, NULL, "document-content");
	xmlDocSetRootElement(d->doc, root);
	odt_ns_declare(root, &d->ns);
	xmlSetNs(root, d->ns.office);
	xo_attr(root, d->ns.office, "version", "1.3");
	d->b.ns = &d->ns;
	d->b.st = &odt_styles_text;
	automatic = xo_el(&d->b.xo, root, d->ns.office, "automatic-styles");
	odt_automatic_styles(&d->b, automatic);
	body = xo_el(&d->b.xo, root, d->ns.office, "body");
	d->text = xo_el(&d->b.xo, body, d->ns.office, "text");
}

static void
doc_free(struct odt_doc *d)
{
	xmlFreeDoc(d->doc);
	buf_free(&d->b.xo.text);
}

/* The title of the document: the meeting's, or a stand-in. */
static const char *
title_of(const struct meeting *m)
{
	return m->title != NULL && *m->title != '\0' ? m->title :
	    "Meeting notes";
}

/* Adds a label/value row to the details grid, when value is set. */
static void
detail_row(struct odt_doc *d, xmlNodePtr grid, const char *label,
    const char *value)
{
	xmlNodePtr row, p;

	if (value == NULL || *value == '\0')
		return;
	row = odt_table_row(&d->b, grid, 0);
	p = odt_table_cell(&d->b, row, 0, NULL);
	xo_text(&d->b.xo, odt_span(&d->b, p, "MtgStrong"), label);
	odt_table_cell(&d->b, row, 0, value);
}

static void
detail_names(struct odt_doc *d, xmlNodePtr grid, const char *label,
    const struct strlist *l)
{
	char *s = present_names(l);

	detail_row(d, grid, label, s);
	free(s);
}

/*
 * The title block: title, subtitle, and a grid of the meeting's details;
 * attendance too unless agenda is set.
 */
static void
title_block(struct odt_doc *d, const struct meeting *m, const char *subtitle,
    int agenda)
{
	xmlNodePtr grid;
	char *date;

	odt_para(&d->b, d->text, "Title", title_of(m));
	if (subtitle != NULL && *subtitle != '\0')
		odt_para(&d->b, d->text, "Subtitle", subtitle);
	grid = odt_table(&d->b, d->text, 2, 0);
	if (agenda)
		detail_row(d, grid, "Group", m->group);
	date = present_date_long(m->date);
	detail_row(d, grid, "Date", date);
	free(date);
	detail_row(d, grid, "Time", m->time);
	detail_row(d, grid, "Location", m->location);
	detail_names(d, grid, m->chairs.n > 1 ? "Chairs" : "Chair",
	    &m->chairs);
	if (!agenda) {
		detail_names(d, grid, "Present", &m->attendees);
		detail_names(d, grid, "Apologies", &m->apologies);
		detail_names(d, grid, "Absent", &m->absent);
		detail_names(d, grid, "Staff", &m->staff);
		detail_names(d, grid, "Observers", &m->observers);
	}
	if (grid->last == NULL || xmlStrcmp(grid->last->name,
	    BAD_CAST "table-row") != 0) {
		/* No details at all: a table needs a row; drop it instead. */
		xmlUnlinkNode(grid);
		xmlFreeNode(grid);
	}
}

/* The level for sections added after the notes: that of their sections. */
static int
summary_level(const struct meeting *m, const struct node *skip)
{
	const struct node *n;
	int level = 7;

	if (m->body == NULL)
		return 1;
	for (n = m->body->first; n != NULL; n = n->next)
		if (n != skip && n->type == MTG_N_HEADING && n->level < level)
			level = n->level;
	return level == 7 ? 1 : level;
}

/* The action-item table: every action, or with open_only the pending ones,
 * each under its own id. */
static void
actions_table(struct odt_doc *d, const struct meeting *m, int open_only)
{
	static const unsigned widths[] = { 12, 40, 22, 14, 12 };
	xmlNodePtr t, row;
	size_t i;
	char *s;

	t = odt_table(&d->b, d->text, 5, 1);
	odt_table_widths(&d->b, t, widths, 5);
	row = odt_table_row(&d->b, t, 1);
	odt_table_cell(&d->b, row, 1, "ID");
	odt_table_cell(&d->b, row, 1, "Action");
	odt_table_cell(&d->b, row, 1, "Owner");
	odt_table_cell(&d->b, row, 1, "Due");
	odt_table_cell(&d->b, row, 1, "Status");
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		if (open_only && !mtg_status_pending(a->status))
			continue;
		row = odt_table_row(&d->b, t, 0);
		odt_table_cell(&d->b, row, 0, present_id(a));
		odt_table_cell(&d->b, row, 0, a->text);
		odt_table_cell(&d->b, row, 0, s = present_names(&a->owners));
		free(s);
		odt_table_cell(&d->b, row, 0, s = present_due(a));
		free(s);
		odt_table_cell(&d->b, row, 0, present_status(a->status));
	}
}

static void
teams_table(struct odt_doc *d, const struct meeting *m)
{
	static const unsigned widths[] = { 3, 2, 5 };
	xmlNodePtr t, row;
	size_t i;
	char *members;

	t = odt_table(&d->b, d->text, 3, 1);
	odt_table_widths(&d->b, t, widths, 3);
	row = odt_table_row(&d->b, t, 1);
	odt_table_cell(&d->b, row, 1, "Subtopic team");
	odt_table_cell(&d->b, row, 1, "Rapporteur");
	odt_table_cell(&d->b, row, 1, "Members");
	for (i = 0; i < m->nteams; i++) {
		row = odt_table_row(&d->b, t, 0);
		odt_table_cell(&d->b, row, 0, m->teams[i].name);
		odt_table_cell(&d->b, row, 0, m->teams[i].rapporteur);
		members = present_names(&m->teams[i].members);
		odt_table_cell(&d->b, row, 0, members);
		free(members);
	}
}

/* The agenda as nested numbered lists (depth bounded by the parser). */
static void
agenda_list(struct odt_doc *d, xmlNodePtr parent,
    const struct agenda_item *v, size_t n)
{
	xmlNodePtr list, li;
	size_t i;

	list = xo_el(&d->b.xo, parent, d->ns.text, "list");
	xo_attr(list, d->ns.text, "style-name", d->b.st->numbers);
	for (i = 0; i < n; i++) {
		li = xo_el(&d->b.xo, list, d->ns.text, "list-item");
		odt_para(&d->b, li, d->b.st->para, v[i].title);
		if (v[i].nitems > 0)
			agenda_list(d, li, v[i].items, v[i].nitems);
	}
}

/*
 * Serialises content.xml, adds meta.xml and the styles (from the
 * reference document or the template) and packages them into out.
 * Returns 0, or -1 after printing an error.
 */
static int
odt_finish(struct odt_doc *d, const struct meeting *m,
    const struct render_opts *opts, struct buf *out)
{
	struct odf_part parts[3];
	char *content = NULL, *meta = NULL, *styles = NULL;
	size_t clen, mlen, slen;
	int rc = -1;

	xo_flush(&d->b.xo);
	if (opts != NULL && opts->reference_odt != NULL) {
		if (odf_reference_styles(opts->reference_odt, &styles,
		    &slen) == -1)
			goto out;
	} else if (template_read(opts, "odt/styles.xml", &styles,
	    &slen) == -1)
		goto out;
	content = xo_dump(d->doc, &clen);
	meta = odf_meta_xml(title_of(m), &mlen);
	parts[0] = (struct odf_part){ "content.xml", "text/xml", content,
	    clen };
	parts[1] = (struct odf_part){ "styles.xml", "text/xml", styles,
	    slen };
	parts[2] = (struct odf_part){ "meta.xml", "text/xml", meta, mlen };
	if (odf_package(MIME_ODT, parts, 3, out) == -1)
		goto out;
	rc = 0;
out:
	free(content);
	free(meta);
	free(styles);
	return rc;
}

/*
 * The minutes: title block with attendance, the notes, then summaries of
 * the decisions and of the action items (one table for all of them), and
 * the subtopic teams.
 */
int
render_odt(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct odt_doc d;
	xmlNodePtr list, li;
	int level, rc;
	size_t i;

	doc_begin(&d);
	title_block(&d, m, m->group, 0);
	d.b.skip = m->title_node;
	level = summary_level(m, d.b.skip);
	if (m->body != NULL)
		odt_blocks(&d.b, d.text, m->body->first);
	if (m->ndecisions > 0) {
		odt_heading(&d.b, d.text, level, "Summary of decisions");
		list = xo_el(&d.b.xo, d.text, d.ns.text, "list");
		xo_attr(list, d.ns.text, "style-name", d.b.st->numbers);
		for (i = 0; i < m->ndecisions; i++) {
			li = xo_el(&d.b.xo, list, d.ns.text, "list-item");
			odt_para(&d.b, li, d.b.st->para, m->decisions[i].text);
		}
	}
	if (m->nactions > 0) {
		odt_heading(&d.b, d.text, level,
		    "Summary of action items");
		actions_table(&d, m, 0);
	}
	if (m->nteams > 0) {
		odt_heading(&d.b, d.text, level, "Subtopic teams");
		teams_table(&d, m);
	}
	rc = odt_finish(&d, m, opts, out);
	doc_free(&d);
	return rc;
}

/*
 * The agenda: title block without attendance, the agenda items, and the
 * action items still open.
 */
int
render_agenda_odt(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct odt_doc d;
	size_t i, open = 0;
	int rc;

	doc_begin(&d);
	title_block(&d, m, "Agenda", 1);
	odt_heading(&d.b, d.text, 1, "Agenda");
	if (m->nagenda > 0)
		agenda_list(&d, d.text, m->agenda, m->nagenda);
	else
		odt_para(&d.b, d.text, d.b.st->para,
		    "No agenda items were found in the notes.");
	for (i = 0; i < m->nactions; i++)
		if (mtg_status_pending(m->actions[i].status))
			open++;
	odt_heading(&d.b, d.text, 1, "Open action items");
	if (open > 0)
		actions_table(&d, m, 1);
	else
		odt_para(&d.b, d.text, d.b.st->para, "No open action items.");
	rc = odt_finish(&d, m, opts, out);
	doc_free(&d);
	return rc;
}
