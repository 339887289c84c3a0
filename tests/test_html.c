/*
 * test_html.c -- the HTML outputs: escaping, link safety, the notes tree
 * as HTML, action-item marks, templates; and, through scripts, the Nu HTML
 * checker over every example and real notes file and a hostile notes
 * file built into a folder.  The expected HTML of tests/cases is compared
 * by tests/regress.sh (test_cli.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "html.h"
#include "model.h"
#include "parse.h"
#include "render.h"
#include "util.h"
#include "validate.h"

/*
 * Completes a model built by hand, as validate does for notes: the facts
 * renderers read (agenda sections, overdue marks, the title heading).
 */
static void
finish(struct meeting *m)
{
	struct diags d;

	diags_init(&d, "test.md");
	validate_meeting(m, &d);
	diags_free(&d);
}

/* Parses md into a meeting without extraction: the tree only. */
static struct meeting *
parse(const char *md)
{
	struct meeting *m = meeting_new("test.md");
	struct diags d;

	diags_init(&d, "test.md");
	parse_notes(m, md, strlen(md), &d);
	diags_free(&d);
	return m;
}

/* The body of md as HTML; caller frees. */
static char *
body_html(const char *md, int unsafe)
{
	struct render_opts o = {0};
	struct meeting *m = parse(md);
	struct buf b = {0};

	o.unsafe = unsafe;
	buf_put(&b, "", 0);
	html_block(&b, m->body, &o);
	meeting_free(m);
	return buf_detach(&b);
}

static char *
escaped(const char *s)
{
	struct buf b = {0};

	buf_put(&b, "", 0);
	html_escape(&b, s);
	return buf_detach(&b);
}

#define assert_has(hay, needle) \
	cr_assert(strstr((hay), (needle)) != NULL, \
	    "missing \"%s\" in:\n%s", (needle), (hay))
#define assert_lacks(hay, needle) \
	cr_assert(strstr((hay), (needle)) == NULL, \
	    "unexpected \"%s\" in:\n%s", (needle), (hay))

/* --- escaping ----------------------------------------------------------- */

Test(html, escape_specials)
{
	char *s = escaped("<a href=\"x\">Tom & Jerry's</a>");

	cr_assert_str_eq(s,
	    "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
	free(s);
}

Test(html, escape_keeps_utf8_and_white_space)
{
	char *s = escaped("Žarko – “ok”\tcol\nnext\r\f");

	cr_assert_str_eq(s, "Žarko – “ok”\tcol\nnext\r\f");
	free(s);
}

Test(html, escape_replaces_forbidden_code_points)
{
	/* C0, DEL, C1, noncharacters and broken UTF-8 all become U+FFFD. */
	char *s = escaped("a\x01" "b\x7f" "c\xc2\x85" "d\xef\xb7\x90"
	    "e\xef\xbf\xbe" "f\xf0\x9f\xbf\xbf" "g\xff" "h\xe2\x82");

	cr_assert_str_eq(s, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd"
	    "d\xef\xbf\xbd" "e\xef\xbf\xbd" "f\xef\xbf\xbd" "g\xef\xbf\xbd"
	    "h\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
}

Test(html, clean_does_not_escape)
{
	char *s = html_clean("<b> & \x02");

	cr_assert_str_eq(s, "<b> & \xef\xbf\xbd");
	free(s);
	cr_assert_null(html_clean(NULL));
}

/* --- URLs --------------------------------------------------------------- */

static const char *const hostile_urls[] = {
	"javascript:alert(1)",
	"JaVaScRiPt:alert(1)",
	"JAVASCRIPT:alert(1)",
	" javascript:alert(1)",
	"\t\n javascript:alert(1)",
	"\x01\x02javascript:alert(1)",
	"\x1fjavascript:alert(1)",
	"java\tscript:alert(1)",
	"java\nscript:alert(1)",
	"java\rscript:alert(1)",
	"j\ta\nv\ra\tscript:alert(1)",
	"javascript\t:alert(1)",
	"vbscript:msgbox(1)",
	"VBScript:msgbox(1)",
	" vbscript:msgbox(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"DATA:text/html,<script>alert(1)</script>",
	"  data:image/svg+xml,<svg onload=alert(1)>",
	"d\ata:text/html,x",
	"livescript:alert(1)",
	"javascript&#58;alert(1)",
	"javascript&colon;alert(1)",
	"&#106;avascript:alert(1)",
	"&#x6A;avascript:alert(1)",
	"jav&#x09;ascript:alert(1)",
	"java\xe2\x80\x8bscript:alert(1)",	/* zero-width space */
	"java script:alert(1)",
	/* Not on the allow-list: LibreOffice macros, local files, the rest. */
	"vnd.sun.star.script:Standard.Module1.Main?language=Basic",
	"macro:///Standard.Module1.Main",
	"file:///etc/passwd",
	"irc://irc.libera.chat/minutes",
	NULL
};

Test(html, hostile_urls_are_unsafe)
{
	size_t i;

	for (i = 0; hostile_urls[i] != NULL; i++) {
		cr_expect_eq(html_url_safe(hostile_urls[i]), 0,
		    "accepted %s", hostile_urls[i]);
		cr_expect_null(html_href(hostile_urls[i]),
		    "href for %s", hostile_urls[i]);
	}
	cr_assert_eq(html_url_safe(NULL), 0);
}

Test(html, ordinary_urls_are_safe)
{
	static const char *const ok[] = {
		"https://example.com/a?b=c#d", "HTTP://EXAMPLE.ORG",
		"mailto:someone@example.org", "ftp://ftp.example.org/pub",
		"/relative/path", "page.html", "#section", "?q=1", "",
		"tel:+1-555-0100",
		"https://example.com/javascript:alert", "./javascript:x",
		NULL
	};
	size_t i;

	for (i = 0; ok[i] != NULL; i++)
		cr_expect_eq(html_url_safe(ok[i]), 1, "refused %s", ok[i]);
}

Test(html, href_normalises_for_the_checker)
{
	static const struct {
		const char *in, *out;	/* out NULL: no link */
	} t[] = {
		{ "https://x.org/a b", "https://x.org/a%20b" },
		{ "https://x.org/a#b#c", "https://x.org/a#b%23c" },
		{ "https://x.org/%zz%41", "https://x.org/%25zz%41" },
		{ "https://x.org/a[1]|{x}",
		    "https://x.org/a%5B1%5D%7C%7Bx%7D" },
		{ "https://x.org/a\\b", "https://x.org/a%5Cb" },
		{ " https://x.org/\t", "https://x.org/" },
		{ "https://x.\norg/", "https://x.org/" },
		{ "mailto:a b@x.org", "mailto:a%20b@x.org" },
		{ "https://[2001:db8::1]:8080/x",
		    "https://[2001:db8::1]:8080/x" },
		{ "https://x.org:8080", "https://x.org:8080" },
		{ "https://exämple.com/ä", "https://exämple.com/ä" },
		{ "//x.org/x", "//x.org/x" },
		{ "http://", NULL },
		{ "https:///x", NULL },
		{ "https://user:pw@example.com/", NULL },
		{ "https://example.com:port/", NULL },
		{ "https://example.com:99999/", NULL },
		{ "https://a..b/", NULL },
		{ "https://ex ample.com/", NULL },
		{ "http:example.com", NULL },
	};
	size_t i;
	char *h;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		h = html_href(t[i].in);
		if (t[i].out == NULL)
			cr_expect_null(h, "%s gave %s", t[i].in, h);
		else
			cr_expect(h != NULL && strcmp(h, t[i].out) == 0,
			    "%s gave %s, not %s", t[i].in, h ? h : "NULL",
			    t[i].out);
		free(h);
	}
}

/* --- the tree ----------------------------------------------------------- */

Test(html, nested_lists)
{
	char *h = body_html("- one\n  - two\n    1. three\n    2. four\n"
	    "- five\n\nText.\n\n3. three\n4. four\n", 0);

	assert_has(h, "<ul>\n<li>one\n<ul>\n<li>two\n<ol>\n"
	    "<li>three</li>\n<li>four</li>\n</ol>\n</li>\n</ul>\n</li>\n"
	    "<li>five</li>\n</ul>\n");
	assert_has(h, "<ol start=\"3\">\n<li>three</li>\n");
	free(h);
}

Test(html, loose_list_items_have_paragraphs)
{
	char *h = body_html("1. one\n\n2. two\n", 0);

	cr_assert_str_eq(h, "<ol>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n"
	    "</li>\n</ol>\n");
	free(h);
}

Test(html, table_alignment_is_style)
{
	char *h = body_html("| a | b | c | d |\n|:--|:-:|--:|---|\n"
	    "| 1 | 2 | 3 | 4 |\n| short |\n", 0);

	assert_has(h, "<thead>\n<tr>\n<th style=\"text-align: left\">a</th>");
	assert_has(h, "<th style=\"text-align: center\">b</th>");
	assert_has(h, "<th style=\"text-align: right\">c</th>");
	assert_has(h, "<th>d</th>");
	assert_has(h, "<td style=\"text-align: right\">3</td>");
	/* A short row is filled to four cells. */
	assert_has(h, "<td style=\"text-align: left\">short</td>\n"
	    "<td style=\"text-align: center\"></td>\n"
	    "<td style=\"text-align: right\"></td>\n<td></td>\n</tr>");
	assert_lacks(h, "align=");
	free(h);
}

Test(html, code_blocks_and_spans)
{
	char *h = body_html("Use `a < b` here.\n\n```c extra\nif (a < b && c)\n"
	    "```\n\n    indented <x>\n", 0);

	assert_has(h, "<p>Use <code>a &lt; b</code> here.</p>");
	assert_has(h, "<pre><code class=\"language-c\">if (a &lt; b &amp;&amp; "
	    "c)\n</code></pre>");
	assert_has(h, "<pre><code>indented &lt;x&gt;\n</code></pre>");
	free(h);
}

Test(html, emphasis_links_and_breaks)
{
	char *h = body_html("*em* **strong** ~~gone~~ "
	    "[site](https://example.org \"The site\")  \nnext\n", 0);

	assert_has(h, "<em>em</em> <strong>strong</strong> <del>gone</del> "
	    "<a href=\"https://example.org\" title=\"The site\">site</a><br>\n"
	    "next");
	free(h);
}

Test(html, images_keep_alt_text)
{
	char *h = body_html("![A *fine* cat](cat.png \"Cat\") and "
	    "![evil](javascript:alert(1)) and ![x](data:image/png;base64,AA)\n",
	    0);

	assert_has(h, "<img src=\"cat.png\" alt=\"A fine cat\" title=\"Cat\">");
	assert_has(h, " and evil and x</p>");
	assert_lacks(h, "javascript");
	assert_lacks(h, "data:");
	free(h);
}

Test(html, hostile_links_keep_their_text)
{
	char *h = body_html("[click](javascript:alert(1)) "
	    "[two](JaVaScRiPt:alert(1)) [three](&#106;avascript:alert(1)) "
	    "[four](vbscript:x) [five](data:text/html,x) "
	    "<javascript:alert(1)>\n", 0);

	assert_has(h, "<p>click two three four five ");
	assert_lacks(h, "<a");
	assert_lacks(h, "href");
	free(h);
}

Test(html, raw_html_escaped_unless_unsafe)
{
	const char *md = "<script>alert(1)</script>\n\n"
	    "Text <b onclick=\"x()\">bold</b> <img src=x onerror=alert(1)>\n\n"
	    "<iframe src=\"https://evil.example\"></iframe>\n";
	char *h = body_html(md, 0);

	assert_has(h, "<pre class=\"raw-html\">&lt;script&gt;alert(1)"
	    "&lt;/script&gt;</pre>");
	assert_has(h, "Text &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt; "
	    "&lt;img src=x onerror=alert(1)&gt;");
	assert_has(h, "&lt;iframe");
	assert_lacks(h, "<script");
	assert_lacks(h, "<b ");
	assert_lacks(h, "<iframe");
	free(h);

	h = body_html(md, 1);
	assert_has(h, "<script>alert(1)</script>\n");
	assert_has(h, "Text <b onclick=\"x()\">bold</b>");
	assert_has(h, "<iframe src=\"https://evil.example\"></iframe>");
	free(h);
}

Test(html, task_items_and_quotes)
{
	char *h = body_html("- [ ] open task\n- [x] done task\n\n> quoted\n"
	    "\n---\n", 0);

	assert_has(h, "<li class=\"task\"><span class=\"task-box\">\xe2\x98\x90"
	    "</span> open task</li>");
	assert_has(h, "<li class=\"task done\"><span class=\"task-box\">"
	    "\xe2\x98\x91</span> done task</li>");
	assert_has(h, "<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n");
	free(h);
}

Test(html, inlines_of_a_block)
{
	struct meeting *m = parse("Hello *you* & <me>\n");
	struct buf b = {0};

	buf_put(&b, "", 0);
	html_inlines(&b, m->body->first, NULL);
	cr_assert_str_eq(b.data, "Hello <em>you</em> &amp; &lt;me&gt;");
	buf_free(&b);
	meeting_free(m);
}

/* Headings carry the section ids: valid ones, each once. */
Test(html, heading_ids_are_unique)
{
	struct meeting *m = parse("## One\n\n## Two\n\n## Three\n\n## Four\n");
	struct html_anchors a = {0};
	struct buf b = {0};
	const struct node *h;
	const char *ids[] = { "one", "one", "Bad Id", "four" };
	struct section *s;
	size_t i = 0;

	for (h = m->body->first; h != NULL; h = h->next, i++) {
		s = meeting_add_section(m);
		s->title = node_text(h);
		s->id = xstrdup(ids[i]);
		s->level = 2;
		s->heading = h;
	}
	html_anchors_sections(&a, m);
	html_anchors_sort(&a);
	buf_put(&b, "", 0);
	html_block_anchored(&b, m->body, NULL, &a);
	cr_assert_str_eq(b.data, "<h2 id=\"one\">One</h2>\n<h2>Two</h2>\n"
	    "<h2>Three</h2>\n<h2 id=\"four\">Four</h2>\n");
	buf_free(&b);
	html_anchors_free(&a);
	meeting_free(m);
}

/* The checker rejects a skipped heading level; the first may be any. */
Test(html, heading_levels_never_skip)
{
	char *h = body_html("#### A\n\n## B\n\n#### C\n\n###### D\n\n# E\n",
	    0);

	cr_assert_str_eq(h, "<h4>A</h4>\n<h2>B</h2>\n<h3>C</h3>\n<h4>D</h4>\n"
	    "<h1>E</h1>\n");
	free(h);
}

/* --- whole pages from a model built by hand ---------------------------- */

static struct action *
add_action(struct meeting *m, const char *text, const char *owner,
    const char *due, const char *due_text, enum mtg_status st)
{
	struct action *a = meeting_add_action(m);

	a->id = xasprintf("2017-07-06-%zu", m->nactions);
	a->text = xstrdup(text);
	if (owner != NULL)
		strlist_add(&a->owners, owner);
	a->due = due ? xstrdup(due) : NULL;
	a->due_text = due_text ? xstrdup(due_text) : NULL;
	a->status = st;
	return a;
}

static struct meeting *
sample(void)
{
	struct meeting *m = parse("# Plenary\n\n## Agenda\n\n1. Welcome\n"
	    "2. Demo: Ann Lee\n\n## Welcome\n\nHello.\n\n## Demo\n\nShown.\n");
	const struct node *n;
	struct section *s;

	m->title = xstrdup("Plenary");
	m->group = xstrdup("Review <Team>");
	m->date = xstrdup("2017-07-06");
	m->time = xstrdup("14:00 UTC");
	strlist_add(&m->chairs, "Ann Lee");
	strlist_add(&m->attendees, "Ann Lee");
	strlist_add(&m->attendees, "Bo Chen");
	strlist_add(&m->apologies, "Cy Dee");
	for (n = m->body->first; n != NULL; n = n->next) {
		if (n->type != MTG_N_HEADING)
			continue;
		s = meeting_add_section(m);
		s->title = node_text(n);
		s->id = xstrdup(n->level == 1 ? "plenary" :
		    strcmp(s->title, "Agenda") == 0 ? "agenda" :
		    strcmp(s->title, "Welcome") == 0 ? "welcome" : "demo");
		s->level = n->level;
		s->line = n->line;
		s->heading = n;
	}
	agenda_add_item(&m->agenda, &m->nagenda, &m->agendacap, "Welcome", 5);
	agenda_add_item(&m->agenda, &m->nagenda, &m->agendacap,
	    "Demo: Ann Lee", 6);
	add_action(m, "Late one", "Ann Lee", "2017-07-01", "1 July", MTG_OPEN);
	add_action(m, "Future one", "Bo Chen", "2017-07-25", "25 July",
	    MTG_OPEN);
	add_action(m, "Done late", "Bo Chen", "2017-07-01", "1 July",
	    MTG_DONE);
	add_action(m, "Undated", "Cy Dee", NULL, "TBD", MTG_OPEN);
	add_action(m, "No due at all <b>", NULL, NULL, NULL, MTG_OPEN);
	meeting_add_decision(m, "We agree & go.", 9);
	meeting_add_link(m, "https://example.org/x", "Example", 9);
	meeting_add_link(m, "javascript:alert(1)", "Bad link", 9);
	finish(m);
	return m;
}

static char *
render(int (*fn)(const struct meeting *, const struct render_opts *,
    struct buf *), const struct meeting *m, int standalone)
{
	struct render_opts o = {0};
	struct buf b = {0};

	o.standalone = standalone;
	cr_assert_eq(fn(m, &o, &b), 0);
	buf_put(&b, "", 0);
	return buf_detach(&b);
}

Test(html, overdue_and_tbd_marks)
{
	struct meeting *m = sample();
	char *h = render(render_html, m, 1);

	assert_has(h, "<tr class=\"open overdue\">\n<td class=\"id\">"
	    "2017-07-06-1</td>\n<td class=\"text\">Late one</td>");
	assert_has(h, "<time datetime=\"2017-07-01\">1 July</time> <strong "
	    "class=\"overdue-mark\">Overdue</strong>");
	/* Done is never overdue; the future one is plain. */
	cr_assert_eq(test_count(h, strlen(h), "class=\"overdue-mark\">Overdue<"), 1);
	assert_has(h, "<tr class=\"done\">");
	assert_has(h, "<tr class=\"open\">\n<td class=\"id\">2017-07-06-2"
	    "</td>");
	assert_has(h, "<tr class=\"open undated\">");
	cr_assert_eq(test_count(h, strlen(h), "<span class=\"tbd\""), 2);
	assert_has(h, ">TBD</span>");
	assert_has(h, ">no date</span>");
	assert_has(h, "No due at all &lt;b&gt;");
	assert_has(h, "<span class=\"none\">no owner</span>");
	assert_has(h, "5 in all, 4 open, <strong class=\"overdue-mark\">1 "
	    "overdue</strong>");
	free(h);
	meeting_free(m);
}

Test(html, minutes_page_shape)
{
	struct meeting *m = sample();
	char *h = render(render_html, m, 1), *again;

	cr_assert(strncmp(h, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0);
	assert_has(h, "<style>");
	assert_lacks(h, "<link rel=\"stylesheet\"");
	assert_has(h, "<p class=\"kicker\" dir=\"auto\">Review &lt;Team&gt;"
	    "</p>");
	assert_has(h, "<dd><time datetime=\"2017-07-06\">6 July 2017</time>"
	    "</dd>");
	assert_has(h, "<dd><bdi>Ann Lee</bdi>, <bdi>Bo Chen</bdi></dd>");
	/* The title heading is not repeated; the agenda links its items. */
	cr_assert_eq(test_count(h, strlen(h), "<h1"), 1);
	assert_has(h, "<li><a href=\"#welcome\">Welcome</a></li>");
	assert_has(h, "<li><a href=\"#demo\">Demo: Ann Lee</a></li>");
	assert_has(h, "<h2 id=\"welcome\">Welcome</h2>");
	assert_has(h, "<li>We agree &amp; go.</li>");
	assert_has(h, "<a href=\"https://example.org/x\">Example</a>");
	assert_has(h, "<li>Bad link</li>");
	assert_lacks(h, "javascript");
	/* Byte-stable. */
	again = render(render_html, m, 1);
	cr_assert_str_eq(h, again);
	free(again);
	free(h);
	meeting_free(m);
}

/* An agenda item holding a link of its own gets a separate § link. */
Test(html, agenda_item_with_a_link)
{
	struct meeting *m = parse("# Plenary — 6 July 2017\n\n## Agenda\n\n"
	    "- [Budget](https://x.org/b)\n\n## Budget\n\nText.\n");
	const struct node *n;
	struct section *s;
	char *h;

	m->title = xstrdup("Plenary");
	for (n = m->body->first; n != NULL; n = n->next) {
		if (n->type != MTG_N_HEADING)
			continue;
		s = meeting_add_section(m);
		s->title = node_text(n);
		s->id = xasprintf("s%d", n->line);
		s->level = n->level;
		s->line = n->line;
		s->heading = n;
	}
	agenda_add_item(&m->agenda, &m->nagenda, &m->agendacap, "Budget", 5);
	finish(m);
	h = render(render_html, m, 0);
	assert_has(h, "<li><a href=\"https://x.org/b\">Budget</a> <a "
	    "class=\"goto\" href=\"#s7\" title=\"The minutes of this item\">"
	    "\xc2\xa7</a></li>");
	/* The heading that repeats the title and date is left out. */
	assert_lacks(h, "id=\"s1\"");
	free(h);
	meeting_free(m);
}

Test(html, build_pages_link_the_stylesheet)
{
	struct meeting *m = sample();
	char *h = render(render_html, m, 0);

	assert_has(h, "<link rel=\"stylesheet\" href=\"../style.css\">");
	assert_lacks(h, "<style>");
	free(h);
	meeting_free(m);
}

Test(html, agenda_page_has_open_actions_only)
{
	struct meeting *m = sample();
	char *h = render(render_agenda, m, 1);

	assert_has(h, "<li>Welcome\n</li>");
	assert_has(h, "Late one");
	assert_has(h, "Undated");
	assert_lacks(h, "Done late");
	assert_has(h, "4 open, <strong class=\"overdue-mark\">1 overdue");
	free(h);
	meeting_free(m);
}

Test(html, blog_is_a_fragment_and_preview_a_page)
{
	struct meeting *m = sample();
	char *h = render(render_blog, m, 0), *p;

	cr_assert(strncmp(h, "<article", 8) == 0);
	assert_lacks(h, "<html");
	assert_lacks(h, "<script");
	assert_lacks(h, "<style");
	assert_has(h, "The Review &lt;Team&gt; met on 6 July 2017 at 14:00 "
	    "UTC. "
	    "The meeting was chaired by Ann Lee, with 2 participants. "
	    "Apologies: Cy Dee. The discussion covered Welcome and Demo: Ann "
	    "Lee. The meeting recorded 1 decision. 4 action items remain "
	    "open.");
	assert_lacks(h, "Done late");
	assert_has(h, "<li><strong>Ann Lee</strong>: Late one (due <time "
	    "datetime=\"2017-07-01\">1 July</time>) <span class=\"id\">"
	    "[2017-07-06-1]</span></li>");
	assert_has(h, "<a href=\"minutes.html\">");
	p = render(render_blog_preview, m, 1);
	cr_assert(strncmp(p, "<!DOCTYPE html>", 15) == 0);
	assert_has(p, "<style>");
	assert_has(p, h);
	free(p);
	free(h);
	meeting_free(m);
}

Test(html, empty_meeting_renders)
{
	struct meeting *m = meeting_new("empty.md");
	char *h = render(render_html, m, 1);

	assert_has(h, "<h1 dir=\"auto\">Meeting notes</h1>");
	free(h);
	h = render(render_agenda, m, 0);
	assert_has(h, "The notes list no agenda.");
	free(h);
	h = render(render_blog, m, 0);
	assert_has(h, "The group met.");
	free(h);
	meeting_free(m);
}

/* --- templates ---------------------------------------------------------- */

/* A templates folder whose html/minutes.html is minutes. */
static char *
write_templates(const char *minutes)
{
	char *dir = test_tmpdir();

	test_put_file(dir, "html/minutes.html", minutes);
	return dir;
}

static void
remove_templates(char *dir)
{
	test_rmtree(dir);
	free(dir);
}

Test(html, user_templates_replace_the_built_in_ones)
{
	struct meeting *m = sample();
	struct render_opts o = {0};
	struct buf b = {0};
	char *dir = write_templates("T={{title}} G={{group}}\n");

	o.templates = dir;
	cr_assert_eq(render_html(m, &o, &b), 0);
	buf_put(&b, "", 0);
	cr_assert_str_eq(b.data, "T=Plenary G=Review &lt;Team&gt;\n");
	buf_free(&b);
	remove_templates(dir);
	meeting_free(m);
}

Test(html, broken_template_is_an_error)
{
	struct meeting *m = sample();
	struct render_opts o = {0};
	struct buf b = {0};
	char *dir = write_templates("line one\n{{#open}} never closed\n");

	o.templates = dir;
	cr_assert_eq(render_html(m, &o, &b), -1);
	buf_free(&b);
	remove_templates(dir);

	dir = write_templates("{{> ../../etc/passwd}}\n");
	o.templates = dir;
	cr_assert_eq(render_html(m, &o, &b), -1);
	buf_free(&b);
	remove_templates(dir);
	meeting_free(m);
}

/* --- whole runs, through scripts ---------------------------------------- */

Test(html, nu_checker_accepts_every_page, .timeout = 1200)
{
	cr_assert_eq(system("sh tests/check-html.sh"), 0);
}

Test(html, hostile_notes_give_nothing_executable, .timeout = 300)
{
	cr_assert_eq(system("sh tests/check-hostile.sh"), 0);
}

/* The header of every format names each role, and people with the
 * organisation the notes give with them. */
Test(html, every_header_names_the_roles_and_affiliations)
{
	static int (*const fns[])(const struct meeting *,
	    const struct render_opts *, struct buf *) = {
		render_html, render_agenda, render_docbook, render_blog,
		render_slides, render_json
	};
	struct diags d;
	struct meeting *m = test_notes_as("roles.md",
	    "---\nscribe: Bo Lind\n---\n\n# Steering, 2025-10-15\n\n"
	    "Chair: Ana Silva, Example Foundation\n"
	    "Host: John Mertic - Linux Foundation\n\n"
	    "## Attendees\n\n- Gus Hall, Acme Corp\n", &d);
	size_t i;

	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		char *h = render(fns[i], m, 1);

		if (fns[i] == render_json) {
			assert_has(h, "\"roles\": {\"John Mertic\": \"host\"}");
			assert_has(h, "\"Ana Silva\": \"Example Foundation\"");
		} else {
			assert_has(h, "Ana Silva (Example Foundation)");
			assert_has(h, "Host");
			assert_has(h, "John Mertic (Linux Foundation)");
			assert_has(h, "Scribe");
			assert_has(h, "Bo Lind");
		}
		if (fns[i] != render_json && fns[i] != render_agenda &&
		    fns[i] != render_slides && fns[i] != render_blog)
			assert_has(h, "Gus Hall (Acme Corp)");
		free(h);
	}
	meeting_free(m);
	diags_free(&d);
}
