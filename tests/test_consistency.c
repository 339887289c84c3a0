/*
 * test_consistency.c -- one action reads the same in every format.
 *
 * One meeting with open, done, overdue and undated actions is rendered in
 * every format that lists actions; each output is parsed (HTML with
 * libxml2's HTML parser, DocBook and ODF content with its XML parser, the
 * JSON model with json-c), and every action must appear with the same id,
 * owners, due text and status.  The expectations come from the JSON model
 * and the rules written out here, not from the presentation code under
 * test.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <json-c/json.h>
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
