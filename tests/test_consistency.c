/*
 * test_consistency.c -- one action reads the same in every format.
 *
 * One meeting with open, done, overdue and undated actions is rendered in
 * every format that lists actions (the decks included); each output is parsed (HTML with
 * libxml2's HTML parser, DocBook and ODF content with its XML parser, the
 * JSON model with json-c, CSV as RFC 4180, iCalendar with libical), and
 * every action must appear with the same id, owners, due text and
 * status.  The expectations come from the JSON model and the rules
 * written out here, not from the presentation code under test.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <json-c/json.h>
#include <libical/ical.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <zip.h>

#include "helpers.h"
#include "render.h"

static const char notes[] =
    "---\n"
    "title: Consistency check\n"
    "group: Example Review Team\n"
    "date: 2017-07-06\n"
    "attendees: [Denise Michel, Eric Osterweil, Kerry-Ann Barrett]\n"
    "people:\n"
    "  Kerry-Ann Barrett: [KAB]\n"
    "---\n"
    "# Consistency check\n"
    "\n"
    "## Agenda\n"
    "1. Review of action items\n"
    "2. Any other business\n"
    "\n"
    "## Review of action items\n"
    "\n"
    "| Action | Owner | Due | Status |\n"
    "|---|---|---|---|\n"
    "| Draft the terms of reference | Denise | 20 July 2017 | Open |\n"
    "| Circulate the slides | Eric | 1 July 2017 | Open |\n"
    "| Book the room | KAB | TBD | Open |\n"
    "| Send the minutes | Denise, Eric | 5 July 2017 | Done |\n"
    "\n"
    "- [ ] Ask the board for a budget @Eric Osterweil due 2017-07-27\n"
    "- [x] Share the recording @Kerry-Ann Barrett\n"
    "\n"
    "## Any other business\n"
    "\n"
    "None.\n";

/* One action as every format must show it. */
struct want {
	char	id[64];
	char	owners[256];
	char	due[64];	/* as written, else the date in words */
	char	status[32];	/* "Open", "Done", "In progress" */
	char	code[32];	/* the model's status: "open", "done" */
	char	iso[16];	/* the due date, ISO, or "" */
	char	text[256];
	int	pending;
};

static struct want wants[16];
static size_t nwants;

static void
render(render_fn fn, struct buf *out)
{
	struct meeting *m = test_notes(notes);
	struct render_opts o = {0};

	o.standalone = 1;
	cr_assert_eq(fn(m, &o, out), 0);
	buf_put(out, "", 0);	/* data is NUL-terminated, never NULL */
	meeting_free(m);
}

/* "6 July 2017" for an ISO date: the rule the formats must follow. */
static void
date_words(const char *iso, char *out, size_t size)
{
	static const char *const months[] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int y, mo, d;

	cr_assert_eq(sscanf(iso, "%4d-%2d-%2d", &y, &mo, &d), 3);
	snprintf(out, size, "%d %s %d", d, months[mo - 1], y);
}

/* Reads what the JSON model says of each action. */
static void
wants_load(void)
{
	struct buf b = {0};
	json_object *root, *actions, *a, *v;
	size_t i, k;

	render(render_json, &b);
	root = json_tokener_parse(b.data);
	cr_assert_not_null(root);
	cr_assert(json_object_object_get_ex(root, "actions", &actions));
	nwants = json_object_array_length(actions);
	cr_assert_eq(nwants, 6, "the notes hold 6 actions, the model %zu",
	    nwants);
	for (i = 0; i < nwants; i++) {
		struct want *w = &wants[i];
		const char *s;

		a = json_object_array_get_idx(actions, i);
		json_object_object_get_ex(a, "id", &v);
		snprintf(w->id, sizeof(w->id), "%s", json_object_get_string(v));
		json_object_object_get_ex(a, "owners", &v);
		w->owners[0] = '\0';
		for (k = 0; k < json_object_array_length(v); k++) {
			if (k > 0)
				strcat(w->owners, ", ");
			strcat(w->owners, json_object_get_string(
			    json_object_array_get_idx(v, k)));
		}
		json_object_object_get_ex(a, "text", &v);
		snprintf(w->text, sizeof(w->text), "%s",
		    json_object_get_string(v));
		json_object_object_get_ex(a, "due", &v);
		snprintf(w->iso, sizeof(w->iso), "%s",
		    json_object_is_type(v, json_type_null) ? "" :
		    json_object_get_string(v));
		json_object_object_get_ex(a, "due_text", &v);
		w->due[0] = '\0';
		if (!json_object_is_type(v, json_type_null))
			snprintf(w->due, sizeof(w->due), "%s",
			    json_object_get_string(v));
		else {
			json_object_object_get_ex(a, "due", &v);
			if (!json_object_is_type(v, json_type_null))
				date_words(json_object_get_string(v), w->due,
				    sizeof(w->due));
		}
		json_object_object_get_ex(a, "status", &v);
		s = json_object_get_string(v);
		snprintf(w->code, sizeof(w->code), "%s", s);
		w->pending = strcmp(s, "open") == 0 ||
		    strcmp(s, "in-progress") == 0;
		snprintf(w->status, sizeof(w->status), "%s",
		    strcmp(s, "in-progress") == 0 ? "In progress" : s);
		w->status[0] = (char)toupper((unsigned char)w->status[0]);
	}
	json_object_put(root);
	buf_free(&b);
}

/* The text of n with runs of white space made one space, trimmed. */
static char *
text_of(xmlNodePtr n)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *s = strdup(c != NULL ? (const char *)c : ""), *p, *q;
	int space = 0;

	xmlFree(c);
	for (p = q = s; *p != '\0'; p++) {
		if (isspace((unsigned char)*p)) {
			space = q > s;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = 0;
		*q++ = *p;
	}
	*q = '\0';
	return s;
}

/* Table rows of a document as cell texts: rows[r][c], ncells[r]. */
struct rows {
	char	*cell[64][8];
	int	 ncells[64];
	int	 n;
};

static void
rows_of(xmlDocPtr doc, struct rows *r)
{
	xmlXPathContextPtr x = xmlXPathNewContext(doc);
	xmlXPathObjectPtr rows, cells;
	int i, k;

	memset(r, 0, sizeof(*r));
	rows = xmlXPathEvalExpression(BAD_CAST "//*[local-name()='tr' or "
	    "local-name()='row' or local-name()='table-row']", x);
	cr_assert_not_null(rows);
	for (i = 0; rows->nodesetval != NULL &&
	    i < rows->nodesetval->nodeNr && r->n < 64; i++) {
		x->node = rows->nodesetval->nodeTab[i];
		cells = xmlXPathEvalExpression(BAD_CAST "*[local-name()='td' "
		    "or local-name()='th' or local-name()='entry' or "
		    "local-name()='table-cell']", x);
		for (k = 0; cells->nodesetval != NULL &&
		    k < cells->nodesetval->nodeNr && k < 8; k++)
			r->cell[r->n][k] = text_of(
			    cells->nodesetval->nodeTab[k]);
		r->ncells[r->n++] = k;
		xmlXPathFreeObject(cells);
	}
	xmlXPathFreeObject(rows);
	xmlXPathFreeContext(x);
}

static void
rows_free(struct rows *r)
{
	int i, k;

	for (i = 0; i < r->n; i++)
		for (k = 0; k < r->ncells[i]; k++)
			free(r->cell[i][k]);
}

/*
 * Every action (or every pending one, with pending_only) has one row in
 * doc: id, text, owners, due, status; the due cell may add an overdue
 * mark after the date.  No other row carries an action's id.
 */
static void
check_rows(const char *what, xmlDocPtr doc, int pending_only)
{
	struct rows r;
	size_t i;
	int k, found;

	cr_assert_not_null(doc, "%s does not parse", what);
	rows_of(doc, &r);
	for (i = 0; i < nwants; i++) {
		const struct want *w = &wants[i];

		for (k = 0, found = 0; k < r.n; k++) {
			if (r.ncells[k] < 5 || strcmp(r.cell[k][0], w->id) != 0)
				continue;
			found++;
			cr_expect_str_eq(r.cell[k][2], w->owners,
			    "%s: owners of %s", what, w->id);
			cr_expect_eq(strncmp(r.cell[k][3], w->due,
			    strlen(w->due)), 0, "%s: due of %s is \"%s\", "
			    "not \"%s\"", what, w->id, r.cell[k][3], w->due);
			cr_expect_str_eq(r.cell[k][4], w->status,
			    "%s: status of %s", what, w->id);
		}
		cr_expect_eq(found, pending_only && !w->pending ? 0 : 1,
		    "%s: %d rows for %s", what, found, w->id);
	}
	rows_free(&r);
}

static xmlDocPtr
html_doc(render_fn fn)
{
	struct buf b = {0};
	xmlDocPtr doc;

	render(fn, &b);
	doc = htmlReadMemory(b.data, (int)b.len, "x.html", "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	buf_free(&b);
	return doc;
}

static xmlDocPtr
xml_doc(const char *data, size_t len)
{
	return xmlReadMemory(data, (int)len, "x.xml", NULL, XML_PARSE_NONET);
}

/* content.xml of the package fn writes, parsed. */
static xmlDocPtr
odf_content(render_fn fn)
{
	struct buf pkg = {0}, b = {0};
	zip_error_t err;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *zf;
	char chunk[8192];
	zip_int64_t n;
	xmlDocPtr doc;

	render(fn, &pkg);
	zip_error_init(&err);
	src = zip_source_buffer_create(pkg.data, pkg.len, 0, &err);
	cr_assert_not_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY, &err);
	cr_assert_not_null(za);
	zf = zip_fopen(za, "content.xml", 0);
	cr_assert_not_null(zf);
	while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0)
		buf_put(&b, chunk, (size_t)n);
	zip_fclose(zf);
	zip_discard(za);
	zip_error_fini(&err);
	doc = xml_doc(b.data, b.len);
	buf_free(&b);
	buf_free(&pkg);
	return doc;
}

TestSuite(consistency, .init = wants_load);

Test(consistency, the_model_holds_every_kind)
{
	size_t i;
	int overdue = 0, undated = 0, done = 0;

	for (i = 0; i < nwants; i++) {
		done += !wants[i].pending;
		undated += strcmp(wants[i].due, "TBD") == 0;
		overdue += strcmp(wants[i].due, "1 July 2017") == 0;
	}
	cr_assert(done == 2 && undated == 1 && overdue == 1);
	cr_assert_str_eq(wants[0].id, "2017-07-06-1");
	cr_assert_str_eq(wants[0].owners, "Denise Michel");
	cr_assert_str_eq(wants[3].owners, "Denise Michel, Eric Osterweil");
	cr_assert_str_eq(wants[4].due, "2017-07-27");
	cr_assert_str_eq(wants[5].due, "");
}

Test(consistency, html_minutes_and_agenda)
{
	xmlDocPtr doc = html_doc(render_html);

	check_rows("minutes.html", doc, 0);
	xmlFreeDoc(doc);
	doc = html_doc(render_agenda);
	check_rows("agenda.html", doc, 1);
	xmlFreeDoc(doc);
}

Test(consistency, docbook)
{
	struct buf b = {0};
	xmlDocPtr doc;

	render(render_docbook, &b);
	doc = xml_doc(b.data, b.len);
	check_rows("minutes.xml", doc, 0);
	xmlFreeDoc(doc);
	buf_free(&b);
}

Test(consistency, odt_minutes_and_agenda)
{
	xmlDocPtr doc = odf_content(render_odt);

	check_rows("minutes.odt", doc, 0);
	xmlFreeDoc(doc);
	doc = odf_content(render_agenda_odt);
	check_rows("agenda.odt", doc, 1);
	xmlFreeDoc(doc);
}

/* The decks end with the actions, one table row each. */
Test(consistency, slides_html_and_odp)
{
	xmlDocPtr doc = html_doc(render_slides);

	check_rows("slides.html", doc, 0);
	xmlFreeDoc(doc);
	doc = odf_content(render_odp);
	check_rows("slides.odp", doc, 0);
	xmlFreeDoc(doc);
}

/* The blog lists pending actions: id, owners, text and due in one item. */
Test(consistency, blog)
{
	struct buf b = {0};
	size_t i;
	char *p, *end;

	render(render_blog, &b);
	for (i = 0; i < nwants; i++) {
		const struct want *w = &wants[i];

		p = strstr(b.data, w->id);
		if (!w->pending) {
			cr_expect_null(p, "blog: done action %s listed", w->id);
			continue;
		}
		cr_assert_not_null(p, "blog: no %s", w->id);
		end = strstr(p, "</li>");
		cr_assert_not_null(end);
		while (p > b.data && strncmp(p, "<li>", 4) != 0)
			p--;
		*end = '\0';
		cr_expect_not_null(strstr(p, w->owners), "blog: owners of %s",
		    w->id);
		if (*w->due != '\0')
			cr_expect_not_null(strstr(p, w->due), "blog: due of %s",
			    w->id);
		*end = '<';
	}
	buf_free(&b);
}

/*
 * CSV (RFC 4180 fields, as LibreOffice reads them) into cells: one row
 * per line of the file, quotes undone.  Returns the number of rows.
 */
static int
csv_rows(const char *p, char *cell[16][12], int maxrows)
{
	struct buf f = {0};
	int r = 0, c = 0, quoted = 0;

	for (; *p != '\0' && r < maxrows; p++) {
		if (quoted) {
			if (*p == '"' && p[1] == '"')
				buf_put(&f, p++, 1);
			else if (*p == '"')
				quoted = 0;
			else
				buf_put(&f, p, 1);
			continue;
		}
		if (*p == '"') {
			quoted = 1;
			continue;
		}
		if (*p == ',' || *p == '\n' || (*p == '\r' && p[1] == '\n')) {
			buf_put(&f, "", 1);
			if (c < 12)
				cell[r][c++] = strdup(f.data);
			f.len = 0;
			if (*p == '\r')
				p++;
			if (*p == '\n') {
				r++;
				c = 0;
			}
			continue;
		}
		buf_put(&f, p, 1);
	}
	buf_free(&f);
	return r;
}

/* The CSV register: every action once, with the model's own values. */
Test(consistency, csv)
{
	struct buf b = {0};
	char *cell[16][12] = {{0}};
	char owners[256], *q;
	int n, r, k;
	size_t i;

	render(render_csv, &b);
	n = csv_rows(b.data, cell, 16);
	cr_assert_eq(n, (int)nwants + 1, "csv: %d rows", n);
	cr_assert_str_eq(cell[0][0], "id");
	cr_assert_str_eq(cell[0][2], "owners");
	cr_assert_str_eq(cell[0][3], "status");
	cr_assert_str_eq(cell[0][4], "due");
	for (i = 0; i < nwants; i++) {
		const struct want *w = &wants[i];

		for (r = 1; r < n && strcmp(cell[r][0], w->id) != 0; r++)
			continue;
		cr_assert_lt(r, n, "csv: no %s", w->id);
		cr_expect_str_eq(cell[r][1], w->text, "csv: text of %s", w->id);
		/* Owners are joined with "; " in CSV, ", " elsewhere. */
		snprintf(owners, sizeof(owners), "%s", cell[r][2]);
		while ((q = strstr(owners, "; ")) != NULL)
			*q = ',';
		cr_expect_str_eq(owners, w->owners, "csv: owners of %s",
		    w->id);
		cr_expect_str_eq(cell[r][3], w->code, "csv: status of %s",
		    w->id);
		cr_expect_str_eq(cell[r][4], *w->iso != '\0' ? w->iso :
		    w->due, "csv: due of %s", w->id);
	}
	for (r = 0; r < n; r++)
		for (k = 0; k < 12; k++)
			free(cell[r][k]);
	buf_free(&b);
}

/* The iCalendar to-dos, read by libical: one per action. */
Test(consistency, ics)
{
	struct buf b = {0};
	icalcomponent *cal, *c;
	struct icaltimetype due;
	char iso[16], uid[96];
	size_t i, found;

	render(render_ics, &b);
	cal = icalparser_parse_string(b.data);
	cr_assert_not_null(cal, "ics: libical does not parse it");
	for (i = 0; i < nwants; i++) {
		const struct want *w = &wants[i];

		snprintf(uid, sizeof(uid), "%s@", w->id);
		found = 0;
		for (c = icalcomponent_get_first_component(cal,
		    ICAL_VTODO_COMPONENT); c != NULL;
		    c = icalcomponent_get_next_component(cal,
		    ICAL_VTODO_COMPONENT)) {
			if (strncmp(icalcomponent_get_uid(c), uid,
			    strlen(uid)) != 0)
				continue;
			found++;
			cr_expect_str_eq(icalcomponent_get_summary(c), w->text,
			    "ics: summary of %s", w->id);
			cr_expect_eq(icalcomponent_get_status(c), w->pending ?
			    ICAL_STATUS_NEEDSACTION : ICAL_STATUS_COMPLETED,
			    "ics: status of %s", w->id);
			cr_expect_not_null(strstr(icalcomponent_get_description(c),
			    w->owners), "ics: owners of %s", w->id);
			due = icalcomponent_get_due(c);
			if (*w->iso == '\0') {
				cr_expect(icaltime_is_null_time(due),
				    "ics: %s has a due date", w->id);
				continue;
			}
			snprintf(iso, sizeof(iso), "%04d-%02d-%02d", due.year,
			    due.month, due.day);
			cr_expect_str_eq(iso, w->iso, "ics: due of %s", w->id);
		}
		cr_expect_eq(found, 1, "ics: %zu to-dos for %s", found, w->id);
	}
	icalcomponent_free(cal);
	buf_free(&b);
}
