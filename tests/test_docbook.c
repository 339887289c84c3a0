/*
 * test_docbook.c -- the DocBook article: validity against DocBook 5.0's
 * RELAX NG schema for awkward notes (heading jumps, headings inside lists
 * and quotes, empty sections, raw HTML, images, odd URLs, control
 * characters, deep nesting), escaping, stable bytes, and the script that
 * validates and converts the article of every example and corpus file.
 *
 * Run from the project root; the schema is $DOCBOOK_RNG or Debian's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "diag.h"
#include "helpers.h"
#include "notes.h"
#include "render.h"

static const char notes_plain[] =
    "---\n"
    "title: \"Plenary <&> call\"\n"
    "group: Review Team\n"
    "date: 2017-07-06\n"
    "time: 14:00 UTC\n"
    "chairs: [Denise Michel, Emily Taylor]\n"
    "attendees: [Denise Michel, Emily Taylor, James Gannon]\n"
    "apologies: [Geoff Huston]\n"
    "---\n"
    "# Plenary <&> call\n"
    "\n"
    "## Agenda\n"
    "\n"
    "1. Welcome\n"
    "2. Subtopic teams\n"
    "\n"
    "## Action items\n"
    "\n"
    "| Action | Owner | Due |\n"
    "|---|---|---|\n"
    "| Draft the work plan | Denise Michel | 25 July |\n"
    "\n"
    "## Subtopic teams\n"
    "\n"
    "| Subtopic | Rapporteur | Volunteers |\n"
    "|---|---|---|\n"
    "| DNS Security | Geoff | Emily, James |\n"
    "\n"
    "See [the wiki](https://example.org/wiki) and [teams](#subtopic-teams).\n"
    "\n"
    "DECISION: Keep the 06:00 slot.\n";

static const char notes_awkward[] =
    "---\n"
    "title: \"Awkward \\\"notes\\\"\"\n"
    "date: 2024-01-02\n"
    "---\n"
    "Text before any heading.\n"
    "\n"
    "### Starts at three\n"
    "\n"
    "# Top\n"
    "\n"
    "###### Six deep\n"
    "\n"
    "## Empty\n"
    "\n"
    "## Empty too\n"
    "\n"
    "---\n"
    "\n"
    "## Items\n"
    "\n"
    "- [ ] open task\n"
    "- [x] done task\n"
    "- item with\n"
    "  ### heading in item\n"
    "  > quote in item\n"
    "  > # heading in quote\n"
    "\n"
    "  | a | b |\n"
    "  |---|---|\n"
    "  | 1 |\n"
    "\n"
    "  ```c  extra info\n"
    "  code   with   spaces\n"
    "  ```\n"
    "- \n"
    "- [ ] ---\n"
    "- [x] > quoted task\n"
    "\n"
    "> \n"
    "\n"
    "> ## heading only\n"
    "\n"
    "5. five\n"
    "\n"
    "[empty]() <http://ex.com/\xc3\xa4> [js](javascript:alert(1)) "
    "[JS](JavaScript:alert(1)) [pct](http://x/%zz) "
    "[uni](http://\xe4\xbe\x8b.jp/\xe3\x83\x91) [frag](#top) "
    "[frag2](#missing) [hash](#) ![alt *text*](img.png) "
    "![](javascript:x) [![img in link](a.png)](http://x) "
    "[sp](<http://a b/c d>) [q](http://x/\"'<>{}|\\^`) "
    "[data](data:text/html,<b>x</b>)\n"
    "~~struck~~ *em **strong*** `code` <span>raw</span> line  \n"
    "break\n"
    "\n"
    "<div>\n"
    "raw html block\n"
    "</div>\n"
    "\n"
    "| h1 | h2 | h3 |\n"
    "|:--|:-:|--:|\n"
    "| a | | c |\n"
    "| only |\n"
    "\n"
    "| only header |\n"
    "|---|\n"
    "\n"
    "# ![image](title.png) in a heading [link](http://x)\n"
    "\n"
    "Controls: \x01 \x0b \x0c here; non-characters \xef\xbf\xbe.\n"
    "\n"
    "ACTION: fix \x02 it\n";

/* Renders notes as DocBook; returns the article, caller frees. */
static char *
docbook(const char *notes)
{
	struct meeting *m = test_notes(notes);
	struct render_opts o = {0};
	struct buf out = {0};

	cr_assert_eq(render_docbook(m, &o, &out), 0);
	meeting_free(m);
	cr_assert_not_null(out.data);
	return buf_detach(&out);
}

/* Returns 0 when xml is valid DocBook 5.0. */
static int
docbook_check(const char *xml)
{
	const char *rng = getenv("DOCBOOK_RNG");
	xmlRelaxNGParserCtxtPtr pc;
	xmlRelaxNGValidCtxtPtr vc;
	xmlRelaxNGPtr schema;
	xmlDocPtr doc;
	int rc;

	if (rng == NULL)
		rng = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng";
	pc = xmlRelaxNGNewParserCtxt(rng);
	cr_assert_not_null(pc);
	schema = xmlRelaxNGParse(pc);
	cr_assert_not_null(schema, "cannot load %s", rng);
	vc = xmlRelaxNGNewValidCtxt(schema);
	doc = xmlReadMemory(xml, (int)strlen(xml), "minutes.xml", NULL,
	    XML_PARSE_NONET);
	cr_assert_not_null(doc, "not well-formed:\n%s", xml);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlFreeDoc(doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	xmlRelaxNGFreeParserCtxt(pc);
	return rc;
}

Test(docbook, plain_notes, .timeout = 60)
{
	char *x = docbook(notes_plain);

	cr_expect_eq(docbook_check(x), 0, "%s", x);
	cr_expect_not_null(strstr(x, "<title>Plenary &lt;&amp;&gt; call"
	    "</title>"));
	cr_expect_not_null(strstr(x, "<date>2017-07-06</date>"));
	cr_expect_not_null(strstr(x, "<personname>Denise Michel</personname>"));
	cr_expect_not_null(strstr(x,
	    "xlink:href=\"https://example.org/wiki\""));
	/* The repeated title heading is not a section of its own. */
	cr_expect_null(strstr(x, "<section><title>Plenary"));
	cr_expect_not_null(strstr(x, "Draft the work plan"));
	cr_expect_not_null(strstr(x, "<informaltable"));
	free(x);
}

Test(docbook, awkward_notes, .timeout = 60)
{
	char *x = docbook(notes_awkward);

	cr_expect_eq(docbook_check(x), 0, "%s", x);
	cr_expect_null(strstr(x, "javascript"), "script link kept");
	cr_expect_null(strstr(x, "JavaScript:"), "script link kept");
	cr_expect_null(strstr(x, "data:"), "data link kept");
	cr_expect_null(strstr(x, "\x01"));
	cr_expect_null(strstr(x, "&#1;"));
	cr_expect_null(strstr(x, "\xef\xbf\xbe"));
	cr_expect_null(strstr(x, "linkend=\"s-missing\""));
	cr_expect_not_null(strstr(x, "xlink:href=\"http://ex.com/%C3%A4\""));
	cr_expect_not_null(strstr(x, "role=\"strikethrough\""));
	cr_expect_not_null(strstr(x, "\xe2\x98\x90 open task"));
	cr_expect_not_null(strstr(x, "\xe2\x98\x91 done task"));
	cr_expect_not_null(strstr(x, "startingnumber=\"5\""));
	cr_expect_not_null(strstr(x, ">&lt;span&gt;</literal>raw"));
	cr_expect_not_null(strstr(x, "&lt;div&gt;"));
	cr_expect_not_null(strstr(x, "<textobject><phrase>alt text</phrase>"));
	free(x);
}

Test(docbook, deep_nesting, .timeout = 60)
{
	struct buf notes = {0};
	char *x;
	int i;

	buf_puts(&notes, "# Deep\n\n");
	for (i = 0; i < 80; i++)
		buf_printf(&notes, "%*s- level %d\n", 2 * i, "", i);
	buf_puts(&notes, "\n");
	for (i = 0; i < 80; i++)
		buf_putc(&notes, '>');
	buf_puts(&notes, " deep quote\n\n");
	for (i = 0; i < 80; i++)
		buf_puts(&notes, "1. ");
	buf_puts(&notes, "numbers\n");
	x = docbook(notes.data);
	cr_expect_eq(docbook_check(x), 0);
	free(x);
	buf_free(&notes);
}

Test(docbook, empty_and_headings_only, .timeout = 60)
{
	char *x;

	x = docbook("");
	cr_expect_eq(docbook_check(x), 0, "%s", x);
	free(x);
	x = docbook("# A\n## B\n### C\n#### D\n##### E\n###### F\n# G\n");
	cr_expect_eq(docbook_check(x), 0, "%s", x);
	free(x);
	x = docbook("###### Deepest first\n# Then the top\n");
	cr_expect_eq(docbook_check(x), 0, "%s", x);
	free(x);
}

/* The info credits each chair with the role the notes give it. */
Test(docbook, chairs_credited_with_their_roles, .timeout = 60)
{
	char *x = docbook("# Steering\n\nHost: John Mertic\nChair: Ana Silva\n"
	    "Facilitator: Dee Moss\n");

	cr_expect_eq(docbook_check(x), 0, "%s", x);
	cr_expect_not_null(strstr(x, "<othercredit class=\"other\" "
	    "otherclass=\"host\">\n<personname>John Mertic</personname>\n"
	    "<contrib>Host</contrib>"), "%s", x);
	cr_expect_not_null(strstr(x, "otherclass=\"chair\">\n"
	    "<personname>Ana Silva</personname>\n<contrib>Chair</contrib>"));
	cr_expect_not_null(strstr(x, "otherclass=\"facilitator\">\n"
	    "<personname>Dee Moss</personname>\n"
	    "<contrib>Facilitator</contrib>"));
	free(x);
}

Test(docbook, byte_stable)
{
	char *a = docbook(notes_awkward), *b = docbook(notes_awkward);

	cr_expect_str_eq(a, b);
	free(a);
	free(b);
}

Test(docbook, check_docbook_script, .timeout = 600)
{
	cr_assert_eq(system("sh tests/check-docbook.sh"), 0);
}
