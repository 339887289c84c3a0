/*
 * test_split.c -- files that keep several meetings, one per dated heading:
 * each heading becomes a meeting with its own extraction, diagnostics keep
 * the lines of the file, a file of one meeting is unchanged, and the
 * yearly files of the corpus split into the meetings counted by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "notes.h"
#include "util.h"

static struct diags dg;
static struct meetings ms;

/* The meetings of notes text s; diagnostics in dg. */
static void
split(const char *s)
{
	diags_init(&dg, "year.md");
	notes_meetings("year.md", s, strlen(s), NULL, &dg, &ms);
}

static void
done(void)
{
	meetings_free(&ms);
	diags_free(&dg);
}

/* Whether dg holds diagnostic id at line. */
static int
has_diag(enum diag_id id, int line)
{
	size_t i;

	for (i = 0; i < dg.n; i++)
		if (dg.v[i].id == id && dg.v[i].line == line)
			return 1;
	return 0;
}

static size_t
count_diag(enum diag_id id)
{
	size_t i, n = 0;

	for (i = 0; i < dg.n; i++)
		n += dg.v[i].id == id;
	return n;
}

/* The three heading styles of the issue in one file, with front matter. */
static const char year[] =
    "---\n"					/* 1 */
    "group: Storage Interop\n"
    "chairs: [Kim Nguyen]\n"
    "attendees: [Nobody Here]\n"
    "---\n"					/* 5 */
    "# Storage Interop notes 2020\n"
    "\n"
    "Add your name when you join.  ACTION: nobody to see this\n"
    "\n"
    "January 28, 2020:\n"			/* 10 */
    "-----------------\n"
    "\n"
    "Attendees: Kim Nguyen, Sarah O'Connell\n"
    "Regrets: Dario Conti\n"
    "\n"					/* 15 */
    "- ACTION: Sarah to publish the runner image\n"
    "- DECISION: Versioned buckets are out of scope.\n"
    "\n"
    "## 2020-01-21\n"
    "\n"					/* 20 */
    "Attendees: Kim Nguyen, Dario Conti, Mateo Silva\n"
    "\n"
    "### Actions\n"
    "\n"
    "- ACTION: Dario to isolate the flaky tests - due 2020-01-28\n" /* 25 */
    "- ACTION: fix the calendar\n"
    "- ACTION: Mateo to list the backends - due 2020-01-01\n"
    "\n"
    "## Jan 14, 2020 - cancelled\n"
    "\n"					/* 30 */
    "Attendees: Ghost Writer\n"
    "\n"
    "## Jan 7, 2020\n"
    "\n"
    "Attendees: Rahul Verma\n"		/* 35 */
    "\n"
    "- ACTION: Rahul to draft the charter\n";

Test(split, three_dated_headings_three_meetings)
{
	const struct meeting *a, *b, *c;

	split(year);
	cr_assert_eq(ms.n, 3, "%zu meetings", ms.n);
	a = ms.v[0];
	b = ms.v[1];
	c = ms.v[2];

	/* Each its own date, its heading as identity, the file's title
	 * and standing facts; not the front matter's attendance. */
	cr_expect_str_eq(a->date, "2020-01-28");
	cr_expect_str_eq(b->date, "2020-01-21");
	cr_expect_str_eq(c->date, "2020-01-07");
	cr_expect_str_eq(a->part, "January 28, 2020:");
	cr_expect_str_eq(b->part, "2020-01-21");
	cr_expect_str_eq(c->part, "Jan 7, 2020");
	cr_expect_str_eq(a->source, "year.md");
	cr_expect_str_eq(b->title, "Storage Interop notes 2020");
	cr_expect_str_eq(c->group, "Storage Interop");
	cr_expect_eq(c->chairs.n, 1);
	cr_expect_eq(a->nmeetings, 3);

	/* Attendance and actions of that meeting only. */
	cr_assert_eq(a->attendees.n, 2);
	cr_expect_str_eq(a->attendees.v[1], "Sarah O'Connell");
	cr_assert_eq(a->apologies.n, 1);
	cr_expect_str_eq(a->apologies.v[0], "Dario Conti");
	cr_assert_eq(a->nactions, 1);
	cr_expect_str_eq(a->actions[0].owners.v[0], "Sarah O'Connell");
	cr_expect_str_eq(a->actions[0].id, "2020-01-28-1");
	cr_expect_eq(a->ndecisions, 1);

	cr_assert_eq(b->attendees.n, 3);
	cr_expect_str_eq(b->attendees.v[2], "Mateo Silva");
	cr_expect_eq(b->apologies.n, 0);
	cr_assert_eq(b->nactions, 3);
	cr_expect_str_eq(b->actions[0].owners.v[0], "Dario Conti");
	cr_expect_str_eq(b->actions[0].due, "2020-01-28");
	cr_expect_eq(b->actions[1].owners.n, 0);
	cr_expect_eq(b->actions[0].line, 25);
	cr_expect_eq(b->ndecisions, 0);

	/* After a cancelled meeting, whose lines are in no meeting. */
	cr_assert_eq(c->attendees.n, 1);
	cr_expect_str_eq(c->attendees.v[0], "Rahul Verma");
	cr_assert_eq(c->nactions, 1);
	cr_expect_str_eq(c->actions[0].owners.v[0], "Rahul Verma");
	done();
}

/* Diagnostics of every meeting, at the lines of the file. */
Test(split, diagnostics_keep_the_lines_of_the_file)
{
	split(year);
	cr_expect(has_diag(MTG_D_MULTI_MEETING, 10));
	cr_expect_eq(count_diag(MTG_D_MULTI_MEETING), 1);
	cr_expect(has_diag(MTG_D_NO_OWNER, 26));
	cr_expect(has_diag(MTG_D_DUE_BEFORE, 27));
	cr_expect_eq(count_diag(MTG_D_NO_OWNER), 1,
	    "the preamble's and the cancelled meeting's lines are in none");
	done();
}

Test(split, the_note_says_how)
{
	size_t i;

	split(year);
	for (i = 0; i < dg.n; i++)
		if (dg.v[i].id == MTG_D_MULTI_MEETING)
			cr_expect_str_eq(dg.v[i].detail, "3 meetings, 1 cancelled "
			    "left out");
	done();
}

/* Level three under a heading per year: the year's heading ends the
 * last meeting of the year, and is in no meeting. */
Test(split, level_three_under_years)
{
	split("# Steering\n\n## 2022\n\n### Jan 10, 2022\n\nPresent: Ann Lee\n\n"
	    "## 2021\n\nWhat we did.\n\n### Dec 13, 2021\n\nPresent: Bob Ray\n\n"
	    "#### Actions\n\n- ACTION: Bob to call\n\n"
	    "### Dec 6, 2021\n\nPresent: Cy Do, Di Ek\n");
	cr_assert_eq(ms.n, 3);
	cr_expect_str_eq(ms.v[0]->title, "Steering");
	cr_expect_eq(ms.v[0]->nsections, 1);
	cr_expect_eq(ms.v[1]->nactions, 1);
	cr_expect_eq(ms.v[1]->nsections, 2);
	cr_expect_eq(ms.v[2]->attendees.n, 2);
	cr_expect_str_eq(ms.v[2]->date, "2021-12-06");
	done();
}

/* Levels: the highest level with two dated headings is the meetings'. */
Test(split, ossf_style_level_one)
{
	split("# 2024 TAC Meeting Notes\n\n## Meetings\n\n"
	    "# **2024-12-10**\n\n# Attendance\n\n- Ann Lee\n\n"
	    "### Agenda:\n\n- ACTION: Ann to write it up\n\n"
	    "# **2024-11-26** *- Canceled*\n\nNothing.\n\n"
	    "# **2024-10-29**\n\n# Attendance\n\n- Bob Ray\n- Cy Do\n");
	cr_assert_eq(ms.n, 2);
	cr_expect_str_eq(ms.v[0]->date, "2024-12-10");
	cr_expect_str_eq(ms.v[0]->title, "2024 TAC Meeting Notes");
	cr_expect_eq(ms.v[0]->nactions, 1);
	cr_expect_str_eq(ms.v[1]->date, "2024-10-29");
	cr_expect_eq(ms.v[1]->nactions, 0);
	done();
}

/* A file of one meeting is the same model as before: one meeting, no
 * identity within the file, the whole body, no note. */
Test(split, one_meeting_is_unchanged)
{
	static const char one[] = "# Plenary 6 July 2017\n\n"
	    "## July 13, 2017 follow-up\n\nPresent: Ann Lee\n\n"
	    "ACTION: Ann to write it up\n";
	struct diags d;
	struct meeting *m;

	split(one);
	cr_assert_eq(ms.n, 1);
	cr_expect_null(ms.v[0]->part);
	cr_expect_eq(ms.v[0]->nmeetings, 1);
	cr_expect_str_eq(ms.v[0]->date, "2017-07-06");
	cr_expect_eq(ms.v[0]->nsections, 2);
	cr_expect_eq(count_diag(MTG_D_MULTI_MEETING), 0);
	m = test_notes_as("year.md", one, &d);
	cr_expect_eq(m->nsections, 2);
	cr_expect_eq(m->nactions, 1);
	meeting_free(m);
	diags_free(&d);
	done();
}

/* Every dated heading cancelled: no meeting to split out; the file as
 * it is. */
Test(split, all_cancelled_is_one_file)
{
	split("# Notes\n\n## Dec 22, 2020 Cancelled\n\nNo.\n\n"
	    "## Dec 15, 2020 no meeting\n\nNo.\n");
	cr_assert_eq(ms.n, 1);
	cr_expect_null(ms.v[0]->part);
	cr_expect_eq(ms.v[0]->nsections, 3);
	done();
}

/* Two headings of the same text are two meetings with two identities. */
Test(split, identities_are_unique_in_the_file)
{
	split("## Dec 8, 2020\n\nPresent: Ann Lee\n\n"
	    "## Dec 8, 2020\n\nPresent: Bob Ray\n\n"
	    "## Dec 8, 2020 (2)\n\nPresent: Cy Do\n");
	cr_assert_eq(ms.n, 3);
	cr_expect_str_eq(ms.v[0]->part, "Dec 8, 2020");
	cr_expect_str_eq(ms.v[1]->part, "Dec 8, 2020 (2)");
	cr_expect_str_eq(ms.v[2]->part, "Dec 8, 2020 (2) (2)");
	done();
}

Test(split, pick_by_date_or_the_latest)
{
	split(year);
	cr_expect_eq(meetings_pick(&ms, NULL), ms.v[0]);
	cr_expect_eq(meetings_pick(&ms, "2020-01-21"), ms.v[1]);
	cr_expect_eq(meetings_pick(&ms, "7 January 2020"), ms.v[2]);
	cr_expect_null(meetings_pick(&ms, "2020-01-14"), "cancelled");
	cr_expect_null(meetings_pick(&ms, "not a date"));
	done();
	/* Oldest first in the file: the latest is the last. */
	split("## 2021-01-05\n\nx\n\n## 2021-01-12\n\ny\n");
	cr_expect_eq(meetings_pick(&ms, NULL), ms.v[1]);
	done();
}

/* A hostile file of many dated headings stays bounded. */
Test(split, many_headings_bounded, .timeout = 60)
{
	struct buf b = {0};
	clock_t t0 = clock();
	int i;

	for (i = 0; i < 6000; i++)
		buf_printf(&b, "## %04d-%02d-%02d\n\nPresent: A%d\n\n",
		    2000 + i / 300, 1 + i / 25 % 12, 1 + i % 25, i);
	buf_putc(&b, '\0');
	split(b.data);
	cr_assert_eq(ms.n, 4000);
	cr_expect_eq(ms.v[0]->attendees.n, 1);
	cr_expect_eq(ms.v[3999]->attendees.n, 2001,
	    "the headings past the limit stay in the last meeting");
	cr_expect_lt((double)(clock() - t0) / CLOCKS_PER_SEC, 20.0);
	done();
	buf_free(&b);
}

/* The yearly files of the corpus, their meetings counted by hand. */
static void
corpus_file(const char *name, size_t want, const char *first,
    const char *last)
{
	char *path = xasprintf("tests/data/corpus/%s", name);
	int err;

	diags_init(&dg, path);
	err = notes_load_meetings(path, NULL, &dg, &ms);
	cr_assert_eq(err, 0, "%s", path);
	cr_expect_eq(ms.n, want, "%s: %zu meetings, counted %zu", name, ms.n,
	    want);
	cr_expect_str_eq(ms.v[0]->date, first, "%s", name);
	cr_expect_str_eq(ms.v[ms.n - 1]->date, last, "%s", name);
	free(path);
	done();
}

Test(split, corpus_yearly_files)
{
	/* 24 "## <date> [Private|Public Meeting]" headings. */
	corpus_file("kubernetes-community-steering-2021.md", 24, "2021-12-13",
	    "2021-01-18");
	/* 50 dated "##" headings, "Dec 22 & 29" and "Dec 15" cancelled. */
	corpus_file("kubernetes-community-sig-node-2020.md", 48, "2020-12-08",
	    "2020-01-07");
	/* 46 dated "##" headings (and one empty), "17 Jan" cancelled. */
	corpus_file("kubernetes-community-sig-release-2023.md", 45,
	    "2023-12-19", "2023-01-10");
	/* 25 "# **<date>**" headings, 5 cancelled. */
	corpus_file("ossf-tac-2024.md", 20, "2024-12-10", "2024-01-09");
}

/* render writes the latest meeting, or the one of --meeting. */
Test(split, render_picks_a_meeting, .timeout = 60)
{
	char *path = test_scratch(year, sizeof(year) - 1), *args, *out, *err;

	args = xasprintf("render -t json '%s'", path);
	cr_expect_eq(test_run(args, &out, &err), 0, "warnings only");
	cr_expect_not_null(strstr(out, "\"date\": \"2020-01-28\""), "%s", out);
	free(args);
	free(out);
	free(err);
	args = xasprintf("render -t json --meeting 2020-01-21 '%s'", path);
	test_run(args, &out, &err);
	cr_expect_not_null(strstr(out, "\"date\": \"2020-01-21\""), "%s", out);
	free(args);
	free(out);
	free(err);
	args = xasprintf("render -t json --meeting 2020-01-14 '%s'", path);
	cr_expect_eq(test_run(args, &out, &err), 2);
	cr_expect_not_null(strstr(err, "no meeting of 2020-01-14; there are "
	    "2020-01-28 2020-01-21 2020-01-07"), "%s", err);
	free(args);
	free(out);
	free(err);
	unlink(path);
	free(path);
}
