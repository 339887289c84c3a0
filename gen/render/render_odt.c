/*
 * render_odt.c -- the minutes and the agenda as OpenDocument text.
 *
 * content.xml and meta.xml are written here through the XML writer
 * (xmlw.h), in two passes: the first measures the tables, whose column
 * widths are automatic styles that come before the body; styles.xml is
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
#include "xmlw.h"

#define MIME_ODT	"application/vnd.oasis.opendocument.text"

/* One document being written. */
struct odt_doc {
	struct odf_pkg	*pkg;		/* content.xml deflated as written */
	struct odt_cols	 cols;		/* column widths, from measuring */
	struct odt_body	 b;
};

/* The column weights of the action and team tables. */
static const unsigned action_widths[] = { 12, 40, 22, 14, 12 };
static const unsigned team_widths[] = { 3, 2, 5 };

/* Sets up the measuring pass: d->b.measure until doc_begin(). */
static void
doc_measure(struct odt_doc *d)
{
	memset(d, 0, sizeof(*d));
	d->b.st = &odt_styles_text;
	d->b.measure = 1;
	d->b.cols = &d->cols;
	d->b.ntables = 1;	/* the details grid, always Table1 */
}

/* content.xml up to its automatic styles, left open. */
static void
content_open(struct xmlw *w)
{
	odt_content_open(w, NULL);
}

/* The automatic styles every document has. */
static void
content_styles(struct xmlw *w)
{
	struct odt_body b;

	memset(&b, 0, sizeof(b));
	b.w = w;
	b.st = &odt_styles_text;
	odt_automatic_styles(&b);
}

/* The start of every content.xml, written and deflated once. */
static const struct odf_start content_start = {
	content_open, content_styles
};

/*
 * Starts the writing pass of content.xml: root, automatic styles (with
 * the column widths measured) and office:text, left open.
 */
static void
doc_begin(struct odt_doc *d)
{
	d->b.measure = 0;
	d->b.ntables = 0;
	d->pkg = odf_pkg_new(MIME_ODT);
	d->b.w = odf_pkg_xml_begin(d->pkg, "content.xml", &content_start);
	odt_column_styles(&d->b, &d->cols);
	xmlw_end(d->b.w);
	xmlw_start(d->b.w, "office:body");
	xmlw_start(d->b.w, "office:text");
}

static void
doc_free(struct odt_doc *d)
{
	odf_pkg_free(d->pkg);
	odt_cols_free(&d->cols);
}

/* The title of the document: the meeting's, or a stand-in. */
static const char *
title_of(const struct meeting *m)
{
	return m->title != NULL && *m->title != '\0' ? m->title :
	    "Meeting notes";
}

/*
 * Adds a label/value row to the details grid, when value is set; with
 * grid NULL only says whether it would.  Returns 1 for a row.
 */
static int
detail_row(struct odt_doc *d, int *grid, const char *label,
    const char *value)
{
	if (value == NULL || *value == '\0')
		return 0;
	if (grid == NULL)
		return 1;
	if (!*grid) {
		odt_table_start(&d->b, 2, 0, NULL, NULL);
		*grid = 1;
	}
	odt_table_row_start(&d->b, 0);
	odt_cell_start(&d->b, 0);
	odt_span_start(&d->b, "MtgStrong");
	xmlw_text(d->b.w, label);
	xmlw_end(d->b.w);
	odt_cell_end(&d->b);
	odt_table_cell(&d->b, 0, value);
	xmlw_end(d->b.w);
	return 1;
}

/* The names of l, with the organisations the notes give, as one row. */
static int
detail_names(struct odt_doc *d, int *grid, const char *label,
    const struct meeting *m, const struct strlist *l)
{
	struct strlist shown = {0};
	char *s;
	int rc;

	if (l->n == 0)
		return 0;
	present_people(m, l, &shown);
	s = present_names(&shown);
	rc = detail_row(d, grid, label, s);
	free(s);
	strlist_free(&shown);
	return rc;
}

/*
 * The title block: title, subtitle, and a grid of the meeting's details;
 * attendance too unless agenda is set.
 */
static void
title_block(struct odt_doc *d, const struct meeting *m, const char *subtitle,
    int agenda)
{
	int grid = 0;
	char *date;

	odt_para(&d->b, "Title", title_of(m));
	if (subtitle != NULL && *subtitle != '\0')
		odt_para(&d->b, "Subtitle", subtitle);
	/* The grid starts with its first row: a table needs one. */
	if (agenda)
		detail_row(d, &grid, "Group", m->group);
	date = present_date_long(m->date);
	detail_row(d, &grid, "Date", date);
	free(date);
	detail_row(d, &grid, "Time", m->time);
	detail_row(d, &grid, "Location", m->location);
	{
		struct present_role r[PRESENT_ROLES];
		size_t i, n = present_roles(m, r);

		for (i = 0; i < n; i++)
			detail_names(d, &grid, r[i].label, m, &r[i].names);
		present_roles_free(r, n);
	}
	if (!agenda) {
		detail_names(d, &grid, "Present", m, &m->attendees);
		detail_names(d, &grid, "Apologies", m, &m->apologies);
		detail_names(d, &grid, "Absent", m, &m->absent);
		detail_names(d, &grid, "Staff", m, &m->staff);
		detail_names(d, &grid, "Observers", m, &m->observers);
	}
	if (grid)
		odt_table_end(&d->b);
	else
		d->b.ntables++;		/* the grid keeps its name, Table1 */
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
	size_t i;
	char *s;

	if (d->b.measure) {
		odt_table_measure(&d->b, 5, action_widths);
		return;
	}
	odt_table_start(&d->b, 5, 1, action_widths, NULL);
	odt_table_row_start(&d->b, 1);
	for (i = 0; i < 5; i++)
		odt_table_cell(&d->b, 1, present_action_heads[i]);
	xmlw_end(d->b.w);
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		if (open_only && !mtg_status_pending(a->status))
			continue;
		odt_table_row_start(&d->b, 0);
		odt_table_cell(&d->b, 0, present_id(a));
		odt_table_cell(&d->b, 0, a->text);
		odt_table_cell(&d->b, 0, s = present_names(&a->owners));
		free(s);
		odt_table_cell(&d->b, 0, s = present_due(a));
		free(s);
		odt_table_cell(&d->b, 0, present_status(a->status));
		xmlw_end(d->b.w);
	}
	odt_table_end(&d->b);
}

static void
teams_table(struct odt_doc *d, const struct meeting *m)
{
	size_t i;
	char *members;

	if (d->b.measure) {
		odt_table_measure(&d->b, 3, team_widths);
		return;
	}
	odt_table_start(&d->b, 3, 1, team_widths, NULL);
	odt_table_row_start(&d->b, 1);
	odt_table_cell(&d->b, 1, "Subtopic team");
	odt_table_cell(&d->b, 1, "Rapporteur");
	odt_table_cell(&d->b, 1, "Members");
	xmlw_end(d->b.w);
	for (i = 0; i < m->nteams; i++) {
		odt_table_row_start(&d->b, 0);
		odt_table_cell(&d->b, 0, m->teams[i].name);
		odt_table_cell(&d->b, 0, m->teams[i].rapporteur);
		members = present_names(&m->teams[i].members);
		odt_table_cell(&d->b, 0, members);
		free(members);
		xmlw_end(d->b.w);
	}
	odt_table_end(&d->b);
}

/* The agenda as nested numbered lists (depth bounded by the parser). */
static void
agenda_list(struct odt_doc *d, const struct agenda_item *v, size_t n)
{
	size_t i;

	xmlw_start(d->b.w, "text:list");
	xmlw_attr(d->b.w, "text:style-name", d->b.st->numbers);
	for (i = 0; i < n; i++) {
		xmlw_start(d->b.w, "text:list-item");
		odt_para(&d->b, d->b.st->para, v[i].title);
		if (v[i].nitems > 0)
			agenda_list(d, v[i].items, v[i].nitems);
		xmlw_end(d->b.w);
	}
	xmlw_end(d->b.w);
}

/*
 * Ends content.xml, adds the styles (from the reference document or
 * the template) and meta.xml, and packages them into out.
 * Returns 0, or -1 after printing an error.
 */
static int
odt_finish(struct odt_doc *d, const struct meeting *m,
    const struct render_opts *opts, struct buf *out)
{
	char *meta = NULL, *styles = NULL;
	size_t mlen, slen;
	int rc = -1;

	odf_pkg_xml_end(d->pkg, d->b.w);
	d->b.w = NULL;
	if (opts != NULL && opts->reference_odt != NULL) {
		if (odf_reference_styles(opts->reference_odt, &styles,
		    &slen) == -1)
			goto out;
	} else if (template_read(opts, "odt/styles.xml", &styles,
	    &slen) == -1 || (opts != NULL && opts->templates != NULL &&
	    odf_styles_check(opts->templates, styles, slen) == -1))
		goto out;
	meta = odf_meta_xml(title_of(m), &mlen);
	odf_pkg_add_shared(d->pkg, "styles.xml", "text/xml", styles,
	    slen);
	odf_pkg_add_shared(d->pkg, "meta.xml", "text/xml", meta, mlen);
	if (odf_pkg_write(d->pkg, out) == -1)
		goto out;
	rc = 0;
out:
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
	int level, rc;
	size_t i;

	doc_measure(&d);
	d.b.skip = m->title_node;
	level = summary_level(m, d.b.skip);
	if (m->body != NULL)
		odt_blocks(&d.b, m->body->first);
	if (m->nactions > 0)
		actions_table(&d, m, 0);
	if (m->nteams > 0)
		teams_table(&d, m);

	doc_begin(&d);
	title_block(&d, m, m->group, 0);
	if (m->body != NULL)
		odt_blocks(&d.b, m->body->first);
	if (m->ndecisions > 0) {
		odt_heading(&d.b, level, "Summary of decisions");
		xmlw_start(d.b.w, "text:list");
		xmlw_attr(d.b.w, "text:style-name", d.b.st->numbers);
		for (i = 0; i < m->ndecisions; i++) {
			xmlw_start(d.b.w, "text:list-item");
			odt_para(&d.b, d.b.st->para, m->decisions[i].text);
			xmlw_end(d.b.w);
		}
		xmlw_end(d.b.w);
	}
	if (m->nactions > 0) {
		odt_heading(&d.b, level, "Summary of action items");
		actions_table(&d, m, 0);
	}
	if (m->nteams > 0) {
		odt_heading(&d.b, level, "Subtopic teams");
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

	for (i = 0; i < m->nactions; i++)
		if (mtg_status_pending(m->actions[i].status))
			open++;
	doc_measure(&d);
	if (open > 0)
		actions_table(&d, m, 1);

	doc_begin(&d);
	title_block(&d, m, "Agenda", 1);
	odt_heading(&d.b, 1, "Agenda");
	if (m->nagenda > 0)
		agenda_list(&d, m->agenda, m->nagenda);
	else
		odt_para(&d.b, d.b.st->para,
		    "No agenda items were found in the notes.");
	odt_heading(&d.b, 1, "Open action items");
	if (open > 0)
		actions_table(&d, m, 1);
	else
		odt_para(&d.b, d.b.st->para, "No open action items.");
	rc = odt_finish(&d, m, opts, out);
	doc_free(&d);
	return rc;
}
