/*
 * test_archive.c -- the archive pages a build writes at the output root:
 * every meeting linked from index.html with its charts, every action of
 * the register in actions.html under its status and each owner, every
 * decision and every person of the series, and nothing executable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <json-c/json.h>

#include "helpers.h"
#include "util.h"

static char *dir;

static char *
slurp(const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *data = NULL;
	size_t len;

	cr_assert_eq(file_read_max(path, 64u << 20, &data, &len), 0,
	    "no %s", path);
	free(path);
	return data;
}

static void
build(void)
{
	char *cmd;

	dir = test_tmpdir();
	cmd = xasprintf("build -q -o %s input", dir);
	cr_assert_leq(test_run(cmd, NULL, NULL), 1);
	free(cmd);
}

static void
clean(void)
{
	test_rmtree(dir);
	free(dir);
}

TestSuite(archive, .init = build, .fini = clean);

Test(archive, index_links_every_meeting_with_charts)
{
	char *idx = slurp("index.html"), *sj = slurp("series.json");
	json_object *root = json_tokener_parse(sj), *mts, *m, *v;
	size_t i, n;
	char *href;

	cr_assert_not_null(root);
	cr_assert(json_object_object_get_ex(root, "meetings", &mts));
	n = json_object_array_length(mts);
	cr_assert_eq(n, 3, "input/ holds 3 meetings, series.json %zu", n);
	for (i = 0; i < n; i++) {
		m = json_object_array_get_idx(mts, i);
		cr_assert(json_object_object_get_ex(m, "folder", &v));
		href = xasprintf("href=\"%s/minutes.html\"",
		    json_object_get_string(v));
		/* The latest meeting is linked from the head too. */
		cr_expect_eq(test_count(idx, strlen(idx), href),
		    i + 1 == n ? 2 : 1, "index.html links %s", href);
		free(href);
	}
	/* Newest first; the latest link is the 20 July call. */
	cr_expect_lt(strstr(idx, "20 July 2017"), strstr(idx, "29 June 2017"));
	cr_expect_not_null(strstr(idx, "class=\"latest\"><a href=\""
	    "2017-07-20"));
	cr_expect_eq(test_count(idx, strlen(idx), "<svg "), 2);
	cr_expect_eq(test_count(idx, strlen(idx), "<polyline "), 3);
	cr_expect_not_null(strstr(idx, "<caption>The figures of the charts"));
	cr_expect_null(strstr(idx, "<script"));
	/* make run builds input/ the same way: the index links the other
	 * archive pages and the book, and each is there. */
	for (i = 0; i < 4; i++) {
		static const char *const pages[] = { "actions.html",
		    "decisions.html", "attendance.html", "archive.xml" };
		char *path = xasprintf("%s/%s", dir, pages[i]);

		href = xasprintf("<a href=\"%s\"", pages[i]);
		cr_expect_not_null(strstr(idx, href), "index.html: no %s", href);
		cr_expect_eq(access(path, R_OK), 0, "no %s", path);
		free(href);
		free(path);
	}
	json_object_put(root);
	free(sj);
	free(idx);
}

Test(archive, register_lists_every_action)
{
	char *page = slurp("actions.html"), *sj = slurp("series.json");
	json_object *root = json_tokener_parse(sj), *acts, *a, *v, *owners;
	size_t i, k, n, open = 0;
	char *cell;

	cr_assert(json_object_object_get_ex(root, "actions", &acts));
	n = json_object_array_length(acts);
	cr_assert_gt(n, 0);
	for (i = 0; i < n; i++) {
		a = json_object_array_get_idx(acts, i);
		json_object_object_get_ex(a, "id", &v);
		cell = xasprintf("<td class=\"id\">%s</td>",
		    json_object_get_string(v));
		json_object_object_get_ex(a, "owners", &owners);
		/* Once under its status, once under each owner; overdue
		 * ones once more. */
		k = test_count(page, strlen(page), cell);
		cr_expect_geq(k, 1 + json_object_array_length(owners),
		    "%s appears %zu times", cell, k);
		free(cell);
		json_object_object_get_ex(a, "status", &v);
		open += strcmp(json_object_get_string(v), "open") == 0 ||
		    strcmp(json_object_get_string(v), "in-progress") == 0;
	}
	/* Open means still to be done: open or in progress. */
	cell = xasprintf("<h2>Open (%zu)</h2>", open);
	cr_expect_not_null(strstr(page, cell), "no %s", cell);
	free(cell);
	cr_expect_not_null(strstr(page, "id=\"by-person\""));
	cr_expect_null(strstr(page, "<script"));
	json_object_put(root);
	free(sj);
	free(page);
}

Test(archive, decisions_and_attendance)
{
	char *dec = slurp("decisions.html"), *att = slurp("attendance.html");

	cr_expect_gt(test_count(dec, strlen(dec), "<td><time datetime="), 0);
	cr_expect_not_null(strstr(att, "<th scope=\"row\">Denise Michel</th>"));
	cr_expect_gt(test_count(att, strlen(att), "<td class=\"present\">"),
	    0);
	cr_expect_gt(test_count(att, strlen(att), "<td class=\"apologies\">"),
	    0);
	free(dec);
	free(att);
}

/* The href of the first link marked rel="REL" in page, or NULL. */
static char *
rel_href(const char *page, const char *rel)
{
	char *mark = xasprintf("\" rel=\"%s\"", rel);
	const char *end = strstr(page, mark), *start;

	free(mark);
	if (end == NULL)
		return NULL;
	for (start = end; start > page && start[-1] != '"'; start--)
		continue;
	return xstrndup(start, (size_t)(end - start));
}

Test(archive, minutes_link_previous_next_and_index)
{
	char *sj = slurp("series.json"), *page, *name, *href, *want, *path;
	json_object *root = json_tokener_parse(sj), *mts, *v;
	const char *folder[3];
	size_t i, n;

	cr_assert(json_object_object_get_ex(root, "meetings", &mts));
	n = json_object_array_length(mts);
	cr_assert_eq(n, 3);
	for (i = 0; i < n; i++) {
		json_object_object_get_ex(json_object_array_get_idx(mts, i),
		    "folder", &v);
		folder[i] = json_object_get_string(v);
	}
	for (i = 0; i < n; i++) {
		name = xasprintf("%s/minutes.html", folder[i]);
		page = slurp(name);
		cr_expect_eq(test_count(page, strlen(page),
		    "<a href=\"../index.html\">"), 1, "%s: index link", name);
		/* The first has no previous meeting, the last no next. */
		href = rel_href(page, "prev");
		if (i == 0)
			cr_expect_null(href, "%s: a previous link", name);
		else {
			want = xasprintf("../%s/minutes.html", folder[i - 1]);
			cr_expect_str_eq(href != NULL ? href : "", want);
			free(want);
		}
		free(href);
		href = rel_href(page, "next");
		if (i + 1 == n)
			cr_expect_null(href, "%s: a next link", name);
		else {
			want = xasprintf("../%s/minutes.html", folder[i + 1]);
			cr_expect_str_eq(href != NULL ? href : "", want);
			free(want);
			/* The link resolves from the meeting's folder. */
			path = xasprintf("%s/%s/%s", dir, folder[i], href);
			cr_expect_eq(access(path, R_OK), 0, "%s", path);
			free(path);
		}
		free(href);
		free(page);
		free(name);
	}
	path = xasprintf("%s/%s/../index.html", dir, folder[0]);
	cr_expect_eq(access(path, R_OK), 0, "%s", path);
	free(path);
	json_object_put(root);
	free(sj);
}

Test(archive, one_file_rendered_has_no_series_links)
{
	char *out = NULL;

	cr_assert_eq(test_run("render -t html input/2017-07-06-ssr2-plenary.md",
	    &out, NULL), 0);
	cr_expect_null(strstr(out, "<nav class=\"series-nav\""));
	cr_expect_null(strstr(out, "rel=\"prev\""));
	cr_expect_null(strstr(out, "href=\"../index.html\""));
	free(out);
}

/* tests/check-archive.sh: links across meetings in incremental builds. */
Test(archive_check, shell_checks, .timeout = 600)
{
	cr_assert_eq(system("bash tests/check-archive.sh"), 0,
	    "tests/check-archive.sh failed");
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/*
 * A build holding meetings of two groups (and one naming none): the index
 * has one section per group, in the order of their newest meetings, each
 * listing its own meetings only; the pages are titled with both groups.
 */
Test(groups, index_has_one_section_per_group)
{
	char *tmp = test_tmpdir(), *cmd, *path, *idx = NULL, *a, *b, *c;
	size_t len;

	path = xasprintf("%s/in", tmp);
	cr_assert_eq(mkdir(path, 0777), 0);
	free(path);
	path = xasprintf("%s/in/a1.md", tmp);
	write_file(path, "---\ngroup: Alpha WG\ndate: 2024-01-10\n---\n"
	    "# Alpha call one\n\nPresent: Ann Lee\n");
	free(path);
	path = xasprintf("%s/in/b1.md", tmp);
	write_file(path, "---\ngroup: Beta RT\ndate: 2024-01-17\n---\n"
	    "# Beta call one\n\nPresent: Bob Roe\n");
	free(path);
	path = xasprintf("%s/in/a2.md", tmp);
	write_file(path, "---\ngroup: Alpha WG\ndate: 2024-01-24\n---\n"
	    "# Alpha call two\n\nPresent: Ann Lee\n");
	free(path);
	path = xasprintf("%s/in/n1.md", tmp);
	write_file(path, "---\ndate: 2024-01-03\n---\n"
	    "# Loose call\n\nPresent: Cy Doe\n");
	free(path);
	cmd = xasprintf("build -q -o %s/out %s/in", tmp, tmp);
	cr_assert_leq(test_run(cmd, NULL, NULL), 1);
	free(cmd);
	path = xasprintf("%s/out/index.html", tmp);
	cr_assert_eq(file_read_max(path, 1u << 20, &idx, &len), 0);
	free(path);

	cr_expect_not_null(strstr(idx, "<title>Alpha WG, Beta RT: "
	    "meetings</title>"));
	a = strstr(idx, "<section id=\"group-1\">\n<h2>Alpha WG: 2 meetings");
	b = strstr(idx, "<section id=\"group-2\">\n<h2>Beta RT: 1 meeting");
	c = strstr(idx, "<section id=\"group-3\">\n<h2>Meetings of no group: "
	    "1 meeting");
	cr_assert(a != NULL && b != NULL && c != NULL && a < b && b < c,
	    "sections: %p %p %p", (void *)a, (void *)b, (void *)c);
	cr_expect_null(strstr(idx, "id=\"group-4\""));
	/* Each meeting in its own group's section, newest first. */
	cr_expect(strstr(a, "Alpha call two") < strstr(a, "Alpha call one"));
	cr_expect(strstr(a, "Alpha call one") < b);
	cr_expect(strstr(b, "Beta call one") < c);
	cr_expect(strstr(c, "Loose call") != NULL);
	cr_expect_null(strstr(b, "Alpha call"));
	cr_expect_null(strstr(c, "Alpha call"));
	cr_expect_null(strstr(c, "Beta call"));
	free(idx);
	test_rmtree(tmp);
	free(tmp);
}

/*
 * A series whose matrix of people by meetings would be too large to
 * read or write: 100 meetings of 30 people each, none at two meetings
 * (3,000 people, 300,000 cells).  The page shows every person and the
 * latest meetings that fit 250,000 cells (83), says so, and counts every
 * meeting; archive.xml still lists every person.
 */
Test(archive_large, attendance_matrix_cut_to_the_latest_meetings)
{
	char *tmp = test_tmpdir(), *path, *cmd, *att, *book, *row;
	struct buf notes = {0};
	size_t i, k;

	buf_puts(&notes, "# Big group\n\n");
	for (i = 0; i < 100; i++) {
		buf_printf(&notes, "## 2020-%02zu-%02zu\n\nPresent: ",
		    1 + i / 28, 1 + i % 28);
		for (k = 0; k < 30; k++)
			buf_printf(&notes, "%sP%03zu Q%02zu", k > 0 ? ", " : "",
			    i, k);
		/* Someone present and sending apologies is present. */
		buf_puts(&notes, ", Ann Lee\n\nApologies: Ann Lee\n\n");
	}
	path = xasprintf("%s/big.md", tmp);
	cr_assert_eq(file_write_atomic(path, notes.data, notes.len), 0);
	cmd = xasprintf("build -q -j 1 -o %s/out %s", tmp, path);
	cr_assert_leq(test_run(cmd, NULL, NULL), 1);
	dir = xasprintf("%s/out", tmp);
	att = slurp("attendance.html");
	book = slurp("archive.xml");
	cr_expect_not_null(strstr(att, "<p class=\"note\">The table shows the "
	    "latest 83 of the 100 meetings; the counts cover them all."));
	/* The columns: the person, 83 meetings, three counts. */
	cr_expect_eq(test_count(att, strlen(att), "<th scope=\"col\">"), 87);
	cr_expect_eq(test_count(att, strlen(att), "<th scope=\"row\">"), 3001);
	cr_expect_eq(test_count(att, strlen(att), "<td class=\"present\">"),
	    83 * 30 + 83);
	cr_expect_eq(test_count(att, strlen(att), "<td class=\"apologies\">"),
	    0);
	/* The first meeting is not shown, but its people are, counted. */
	row = strstr(att, "<th scope=\"row\">P000 Q00</th>");
	cr_assert_not_null(row);
	cr_expect_eq(strncmp(strstr(row, "<td class=\"none\">"),
	    "<td class=\"none\"></td>", 22), 0);
	row = strstr(att, "<th scope=\"row\">Ann Lee</th>");
	cr_assert_not_null(row);
	row = strstr(row, "</td>\n<td>");
	cr_assert_not_null(row);
	cr_expect_eq(strncmp(row, "</td>\n<td>100</td>\n<td>0</td>\n<td>0</td>",
	    37), 0, "Ann Lee's counts: %.40s", row);
	cr_expect_not_null(strstr(book, "P000 Q00"));
	cr_expect_not_null(strstr(book, "100 of 100"));
	cr_expect_eq(test_count(book, strlen(book), "1 of 100"), 3000);
	free(att);
	free(book);
	free(cmd);
	free(path);
	buf_free(&notes);
	test_rmtree(tmp);
	free(tmp);
	free(dir);
	dir = NULL;
}
