/*
 * test_extract.c -- unit tests for extraction: each convention of
 * DESIGN.md, from a small notes string through notes_model() to the
 * fields of the model.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "conventions.h"
#include "extract.h"
#include "extract_int.h"
#include "notes.h"
#include "util.h"

static struct diags dg;

/* Models notes held in a string; the diagnostics go to dg. */
static struct meeting *
model_as(const char *source, const char *notes)
{
	diags_free(&dg);
	return test_notes_as(source, notes, &dg);
}

static struct meeting *
model(const char *notes)
{
	return model_as("notes.md", notes);
}

static void
done(struct meeting *m)
{
	meeting_free(m);
	diags_free(&dg);
}

/* The action whose text contains s. */
static const struct action *
action(const struct meeting *m, const char *s)
{
	size_t i;

	for (i = 0; i < m->nactions; i++)
		if (strcasestr(m->actions[i].text, s) != NULL)
			return &m->actions[i];
	cr_assert_fail("no action with \"%s\" among %zu", s, m->nactions);
	return NULL;
}

static void
expect_owners(const struct action *a, ...)
{
	va_list ap;
	const char *o;
	size_t n = 0;

	va_start(ap, a);
	while ((o = va_arg(ap, const char *)) != NULL) {
		cr_assert_lt(n, a->owners.n, "\"%s\": too few owners", a->text);
		cr_expect_str_eq(a->owners.v[n], o, "\"%s\": owner %zu",
		    a->text, n);
		n++;
	}
	va_end(ap);
	cr_expect_eq(a->owners.n, n, "\"%s\": %zu owners, want %zu", a->text,
	    a->owners.n, n);
}

static void
expect_due(const struct action *a, const char *due, const char *text)
{
	if (due == NULL)
		cr_expect_null(a->due, "\"%s\": due %s", a->text, a->due);
	else {
		cr_assert_not_null(a->due, "\"%s\": no due", a->text);
		cr_expect_str_eq(a->due, due, "\"%s\": due", a->text);
	}
	if (text == NULL)
		cr_expect_null(a->due_text, "\"%s\": due_text", a->text);
	else {
		cr_assert_not_null(a->due_text, "\"%s\": no due_text", a->text);
		cr_expect_str_eq(a->due_text, text, "\"%s\": due_text", a->text);
	}
}

static int
has_diag(enum diag_id id, int line, int col)
{
	size_t i;

	for (i = 0; i < dg.n; i++)
		if (dg.v[i].id == id && dg.v[i].line == line &&
		    (col == 0 || dg.v[i].col == col))
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

static int
has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

/* --- action tables ------------------------------------------------------ */

static const char seed[] =
    "---\n"
    "title: SSR2 Plenary\n"
    "date: 2017-07-06\n"
    "attendees: [Denise Michel, James Gannon, Boban Krsic, Emily Taylor,"
    " Kerry-Ann Barrett]\n"
    "---\n"
    "# SSR2 Plenary\n"
    "\n"
    "**Review of action items (1 of 2)**\n"
    "\n"
    "| Open Action Item / Request | Owner | Due Date |\n"
    "|---|---|---|\n"
    "| Publish post-meeting blog on ICANN.org. | ICANN Org | 19 July |\n"
    "| Establish staff support. | ICANN Org, Co-Chairs | 11 July |\n"
    "| Share thoughts on top SSR concerns. | SSR2-RT | TBD |\n"
    "\n"
    "**Review of action items (2 of 2)**\n"
    "\n"
    "| Open Action Item / Request | Owner | Due Date |\n"
    "|---|---|---|\n"
    "| Draft the work plan. | Denise Michel, James Gannon, Boban Krsic | TBD |\n"
    "| Review the NDA. | James Gannon, Emily Taylor, Kerry-Ann Barrett | 18 July |\n";

/* White space of every kind folds to one space between words, none at
 * either end; text already so is left as it is. */
Test(extract, squeeze_and_drop_parens)
{
	static const char *const cases[][2] = {
		{ "", "" },
		{ "a", "a" },
		{ "one two", "one two" },
		{ " one", "one" },
		{ "one ", "one" },
		{ "one  two", "one two" },
		{ "one\ttwo\nthree\r\n", "one two three" },
		{ "\xc2\xa0one\xc2\xa0\xc2\xa0two\xc2\xa0", "one two" },
		{ "caf\xc3\xa9 \xc2\xa0 bar", "caf\xc3\xa9 bar" },
		{ "a \n b", "a b" },
		{ "   ", "" },
		{ "\xc2", "\xc2" },
		{ "x\x01 y", "x\x01 y" },
	};
	static const char *const parens[][2] = {
		{ "Attendees (pronouns)", "Attendees" },
		{ "Action items [AIs] ", "Action items" },
		{ "no brackets  here", "no brackets here" },
		{ "a) b", "a) b" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = xstrdup(cases[i][0]);

		cr_expect_str_eq(x_squeeze(s), cases[i][1], "case %zu", i);
		free(s);
	}
	for (i = 0; i < sizeof(parens) / sizeof(parens[0]); i++) {
		char *s = xstrdup(parens[i][0]);

		cr_expect_str_eq(x_drop_parens(s), parens[i][1], "case %zu", i);
		free(s);
	}
}

Test(extract, seed_tables_make_one_list)
{
	struct meeting *m = model(seed);
	const struct action *a;

	cr_assert_eq(m->nactions, 5);
	cr_expect_str_eq(m->actions[0].id, "2017-07-06-1");
	cr_expect_str_eq(m->actions[4].id, "2017-07-06-5");
	a = action(m, "Publish post-meeting");
	cr_expect_str_eq(a->text, "Publish post-meeting blog on ICANN.org.");
	expect_owners(a, "ICANN Org", NULL);
	expect_due(a, "2017-07-19", "19 July");
	cr_expect_eq(a->status, MTG_OPEN);
	cr_expect_eq(a->line, 12);
	expect_owners(action(m, "Establish"), "ICANN Org", "Co-Chairs", NULL);
	expect_due(action(m, "Share thoughts"), NULL, "TBD");
	expect_owners(action(m, "Draft the work plan"), "Denise Michel",
	    "James Gannon", "Boban Krsic", NULL);
	expect_due(action(m, "Review the NDA"), "2017-07-18", "18 July");
	/* TBD is no error; the groups are known. */
	cr_expect_eq(count_diag(MTG_D_DUE_NOT_DATE), 0);
	cr_expect_eq(count_diag(MTG_D_OWNER_UNKNOWN), 0);
	done(m);
}

Test(extract, table_header_synonyms_and_status)
{
	struct meeting *m = model(
	    "Date: 2026-03-05\n\n"
	    "| Task | Assignee | Deadline | State |\n"
	    "|---|---|---|---|\n"
	    "| Move nightly builds | Tom | 2026-02-20 | Done |\n"
	    "| Write the runbook | Lena | Jan 30, 2026 | in progress |\n"
	    "| Ask legal | Sofia | by March 8 | open |\n"
	    "| Retire the mirror | Marcus | 2026-03-31 | ✓ |\n");

	cr_assert_eq(m->nactions, 4);
	cr_expect_eq(action(m, "nightly")->status, MTG_DONE);
	cr_expect_eq(action(m, "runbook")->status, MTG_IN_PROGRESS);
	expect_due(action(m, "runbook"), "2026-01-30", "Jan 30, 2026");
	expect_due(action(m, "legal"), "2026-03-08", "by March 8");
	cr_expect_eq(action(m, "mirror")->status, MTG_DONE);
	expect_owners(action(m, "legal"), "Sofia", NULL);
	done(m);
}

Test(extract, table_without_owner_column)
{
	struct meeting *m = model(
	    "Date: 2026-04-16\n"
	    "\n"
	    "| Action | Due |\n"
	    "|---|---|\n"
	    "| Circulate the policy | 2026-04-22 |\n");

	cr_assert_eq(m->nactions, 1);
	cr_expect_eq(m->actions[0].owners.n, 0);
	expect_due(&m->actions[0], "2026-04-22", "2026-04-22");
	cr_expect(has_diag(MTG_D_TABLE_NO_OWNER, 3, 2));
	cr_expect(has_diag(MTG_D_NO_OWNER, 5, 2));
	done(m);
}

Test(extract, tables_that_are_no_action_tables)
{
	struct meeting *m = model(
	    "Date: 2021-02-24\n\n"
	    "| Lint | Current status | Proposed resolution |\n"
	    "| --- | --- | --- |\n"
	    "| BARE_TRAIT_OBJECTS | warn | soft deprecation |\n\n"
	    "| Team | Updates |\n|---|---|\n| Lighthouse | shipped |\n");

	cr_expect_eq(m->nactions, 0);
	cr_expect_eq(m->nteams, 0);
	done(m);
}

/* --- task lists ---------------------------------------------------------- */

Test(extract, task_list_items)
{
	struct meeting *m = model(
	    "---\ndate: 2017-07-06\n"
	    "attendees: [Denise Michel, Kerry-Ann Barrett]\n"
	    "people:\n  Kerry-Ann Barrett: [KAB]\n---\n"
	    "# Call\n\n"
	    "- [ ] Draft the plan @Denise Michel due 2017-07-25\n"
	    "- [x] Send the NDA @KAB due 20 July\n"
	    "- [ ] Ask legal @Denise @Kerry-Ann by Friday\n");

	cr_assert_eq(m->nactions, 3);
	expect_owners(action(m, "Draft the plan"), "Denise Michel", NULL);
	expect_due(action(m, "Draft the plan"), "2017-07-25", "2017-07-25");
	cr_expect_str_eq(action(m, "Draft")->text, "Draft the plan");
	cr_expect_eq(action(m, "Send the NDA")->status, MTG_DONE);
	expect_owners(action(m, "Send the NDA"), "Kerry-Ann Barrett", NULL);
	expect_owners(action(m, "Ask legal"), "Denise Michel",
	    "Kerry-Ann Barrett", NULL);
	/* 2017-07-06 is a Thursday. */
	expect_due(action(m, "Ask legal"), "2017-07-07", "Friday");
	done(m);
}

Test(extract, checklists_are_no_actions)
{
	struct meeting *m = model(
	    "# Call 2018-02-26\n\n"
	    "## Moderator checklist\n\n"
	    "- [x] Ensure that there is a notetaker\n"
	    "- [x] Start recording\n\n"
	    "## Agenda\n\n"
	    "* [X] Welcome/Intros\n"
	    "* [X] Role of the TSC\n");

	cr_expect_eq(m->nactions, 0);
	cr_expect_eq(m->nagenda, 2);
	done(m);
}

Test(extract, sub_tasks_of_action_items)
{
	struct meeting *m = model(
	    "Date: 2026-02-24\n\n## Action items\n\n"
	    "- [ ] Automate the docs build\n"
	    "  - [ ] Inventory the build steps @oluade due 2026-03-04\n"
	    "  - [x] Get write access to the bucket @mayac\n");

	cr_assert_eq(m->nactions, 3);
	expect_owners(action(m, "write access"), "mayac", NULL);
	cr_expect_eq(action(m, "write access")->status, MTG_DONE);
	done(m);
}

/* --- marker lines -------------------------------------------------------- */

Test(extract, every_marker_spelling)
{
	struct meeting *m = model(
	    "Date: 2026-01-15\n"
	    "Attendees: Alice Moreau, Bob Tanaka, Carla Mendes, Dev Patel,"
	    " Erik Johansson, Farah Siddiqui\n"
	    "\n"
	    "ACTION: Alice to publish the test vectors\n"
	    "\n"
	    "Action: Bob to benchmark the candidates\n"
	    "\n"
	    "Action - Carla to post the agenda\n"
	    "\n"
	    "**Action**: Dev to ask the client teams\n"
	    "\n"
	    "**Action item:** Erik to move the glossary\n"
	    "\n"
	    "AI: Farah to check the links\n"
	    "\n"
	    "TODO: Alice to rename the repo\n"
	    "\n"
	    "todo - Bob to fix the numbering\n"
	    "\n"
	    "**TODO** - Carla to book the room\n"
	    "\n"
	    "* [Action] Dev will start writing the proposal.\n"
	    "* \\[action\\] Verify the verification code (Erik)\n"
	    "* TODO (farah@): figure out the POC\n"
	    "* **Action Item: Alice and Bob to align**\n");

	expect_owners(action(m, "test vectors"), "Alice Moreau", NULL);
	expect_owners(action(m, "benchmark"), "Bob Tanaka", NULL);
	expect_owners(action(m, "post the agenda"), "Carla Mendes", NULL);
	expect_owners(action(m, "client teams"), "Dev Patel", NULL);
	expect_owners(action(m, "glossary"), "Erik Johansson", NULL);
	expect_owners(action(m, "check the links"), "Farah Siddiqui", NULL);
	expect_owners(action(m, "rename the repo"), "Alice Moreau", NULL);
	expect_owners(action(m, "numbering"), "Bob Tanaka", NULL);
	expect_owners(action(m, "book the room"), "Carla Mendes", NULL);
	expect_owners(action(m, "writing the proposal"), "Dev Patel", NULL);
	expect_owners(action(m, "verification code"), "Erik Johansson", NULL);
	expect_owners(action(m, "POC"), "Farah Siddiqui", NULL);
	expect_owners(action(m, "align"), "Alice Moreau", "Bob Tanaka", NULL);
	cr_expect_str_eq(action(m, "test vectors")->text,
	    "Publish the test vectors");
	cr_expect_str_eq(action(m, "verification")->text,
	    "Verify the verification code");
	cr_expect_eq(m->nactions, 13);
	done(m);
}

Test(extract, numbered_ids_kept_and_duplicates_merged)
{
	struct meeting *m = model(
	    "# Core Devs Meeting 59\n"
	    "### Meeting Date/Time: Friday, April 12, 2019 14:00 UTC\n"
	    "\n"
	    "**ACTION 58.1**: Cat Herders to look at updating EIP1.\n"
	    "Status: WIP\n"
	    "\n"
	    "**ACTION 58.3**: Vitalik to format EIP-1559\n"
	    "**Status**: Done\n"
	    "\n"
	    "**ACTION 58.5**: Discuss if ProgPoW should continue to be "
	    "implemented if the audit is not funded.\n"
	    "\n"
	    "# Notes\n"
	    "\n"
	    "**ACTION 58.1** Cat Herders to look at updating EIP1.\n"
	    "\n"
	    "ACTION: Lane to provide a block number.\n"
	    "\n"
	    "- ACTION: Lane to provide a block number.\n");

	cr_assert_eq(m->nactions, 4);
	cr_expect_str_eq(m->actions[0].id, "58.1");
	cr_expect_str_eq(m->actions[1].id, "58.3");
	cr_expect_str_eq(m->actions[2].id, "58.5");
	/* n counts the actions without a number of their own. */
	cr_expect_str_eq(m->actions[3].id, "2019-04-12-1");
	expect_owners(&m->actions[0], "Cat Herders", NULL);
	cr_expect_eq(m->actions[0].status, MTG_IN_PROGRESS);	/* WIP */
	cr_expect_eq(m->actions[1].status, MTG_DONE);
	/* "Discuss if ProgPoW …" names no owner. */
	cr_expect_eq(m->actions[2].owners.n, 0);
	cr_expect_eq(m->actions[0].line, 4);
	cr_expect_eq(m->actions[0].col, 18);
	done(m);
}

Test(extract, repeats_and_look_alikes)
{
	struct meeting *m = model(
	    "Date: 2019-04-12\n"
	    "Present: Alice Moreau, Bob Tanaka\n\n"
	    "### ACTIONS REQUIRED\n\n"
	    "**ACTION 58.6**: Clients should provide updates in the agenda\n\n"
	    "**ACTION 58.7**: Research should provide updates in the agenda\n\n"
	    "ACTION: Alice to review the doc\n\n"
	    "ACTION: Bob to review the doc\n\n"
	    "### ACTION: Alice to review the doc.\n\n"
	    "## Action items\n\n- None\n- N/A\n\n"
	    "## Topic one\n\n- **Action 1:** Alice to call the vendor\n\n"
	    "## Topic two\n\n- **Action 1:** Bob to book the room\n");

	/* Two numbered actions with the same words are two; the same
	 * words for another owner are another action; a repeat is not;
	 * "Action 1" only counts the items of its list. */
	cr_assert_eq(m->nactions, 6);
	cr_expect_str_eq(m->actions[0].id, "58.6");
	cr_expect_str_eq(m->actions[1].id, "58.7");
	expect_owners(&m->actions[2], "Alice Moreau", NULL);
	expect_owners(&m->actions[3], "Bob Tanaka", NULL);
	cr_expect_str_eq(m->actions[4].id, "2019-04-12-3");
	cr_expect_str_eq(m->actions[5].text, "Book the room");
	done(m);
}

Test(extract, hard_wrapped_marker_lines)
{
	struct meeting *m = model(
	    "Date: 2017-06-29\n\n"
	    "DECISION: The slot stays on the calendar; the co-chairs\n"
	    "will bring their review to the 20 July call.\n"
	    "ACTION: Denise to draft the note.\n"
	    "The discussion then moved on.\n");

	cr_assert_eq(m->ndecisions, 1);
	cr_expect_str_eq(m->decisions[0].text, "The slot stays on the calendar;"
	    " the co-chairs will bring their review to the 20 July call.");
	cr_assert_eq(m->nactions, 1);
	cr_expect_str_eq(m->actions[0].text, "Draft the note.");
	cr_expect_eq(m->actions[0].line, 5);
	done(m);
}

/* --- lists under an actions heading or label ----------------------------- */

static void
expect_heading_list(const char *heading)
{
	char *notes = xasprintf("Date: 2016-08-29\n\n## %s\n\n"
	    "- Richard to stub out the website by EOD Tuesday\n"
	    "- Write the release notes\n\n"
	    "## Other\n\n- Not an action\n", heading);
	struct meeting *m = model(notes);

	cr_expect_eq(m->nactions, 2, "under \"%s\": %zu actions", heading,
	    m->nactions);
	if (m->nactions == 2) {
		expect_owners(&m->actions[0], "Richard", NULL);
		/* 2016-08-29 is a Monday. */
		expect_due(&m->actions[0], "2016-08-30", "EOD Tuesday");
		cr_expect_str_eq(m->actions[1].text, "Write the release notes");
	}
	done(m);
	free(notes);
}

Test(extract, lists_under_action_headings)
{
	expect_heading_list("Action items");
	expect_heading_list("Action Items (AIs)");
	expect_heading_list("Actions");
	expect_heading_list("Actionables");
	expect_heading_list("AIs");
	expect_heading_list("Next steps");
	expect_heading_list("6. Summary of Action Items");
}

Test(extract, lists_under_labels)
{
	struct meeting *m = model(
	    "Date: 2022-08-18\n\n"
	    "* Decisions:\n"
	    "    * [x] Meeting cadence set at monthly\n"
	    "    * [x] Meetings are public\n"
	    "* Action Items:\n"
	    "    * [ ] Allan / Brendan to update the releasing docs.\n"
	    "    * [X] Initial meeting notes to be pushed to repo\n"
	    "\n"
	    "**Next steps:**\n\n"
	    "- Kate to send the invite\n");

	cr_expect_eq(m->ndecisions, 2);
	cr_assert_eq(m->nactions, 3);
	expect_owners(action(m, "releasing docs"), "Allan", "Brendan", NULL);
	cr_expect_eq(action(m, "Initial meeting notes")->status, MTG_DONE);
	expect_owners(action(m, "invite"), "Kate", NULL);
	done(m);
}

/* --- owners -------------------------------------------------------------- */

Test(extract, owner_forms)
{
	struct meeting *m = model(
	    "---\ndate: 2016-08-29\n"
	    "attendees: [Richard Litt (@RichardLitt), David Dias (@diasdavid),"
	    " Lars Gierth]\n---\n"
	    "## Action items\n\n"
	    "- [ ] @all Take a look at the new roadmap\n"
	    "- [ ] @RichardLitt will stub out the website\n"
	    "- [ ] @diasdavid and @RichardLitt chat about the roadmap\n"
	    "- [ ] Lars: surface the PM mechanics\n"
	    "- [ ] Publish the notes (Lars)\n"
	    "- [ ] Browsers to ask and circle back\n"
	    "- [ ] Richard/David to review the PR\n"
	    "- [ ] Need to discuss the budget\n"
	    "- [ ] Deploy to staging\n"
	    "- [ ] Note: nothing to add\n");

	expect_owners(action(m, "Take a look"), "all", NULL);
	cr_expect_str_eq(action(m, "Take a look")->text,
	    "Take a look at the new roadmap");
	expect_owners(action(m, "stub out"), "Richard Litt", NULL);
	expect_owners(action(m, "chat about"), "David Dias", "Richard Litt",
	    NULL);
	expect_owners(action(m, "PM mechanics"), "Lars Gierth", NULL);
	expect_owners(action(m, "Publish the notes"), "Lars Gierth", NULL);
	cr_expect_str_eq(action(m, "Publish the notes")->text,
	    "Publish the notes");
	expect_owners(action(m, "circle back"), "Browsers", NULL);
	expect_owners(action(m, "review the PR"), "Richard Litt",
	    "David Dias", NULL);
	cr_expect_eq(action(m, "budget")->owners.n, 0);
	cr_expect_eq(action(m, "staging")->owners.n, 0);
	cr_expect_str_eq(action(m, "staging")->text, "Deploy to staging");
	cr_expect_eq(action(m, "nothing to add")->owners.n, 0);
	cr_expect_eq(count_diag(MTG_D_OWNER_UNKNOWN), 0);
	done(m);
}

Test(extract, aliases_and_first_names)
{
	struct meeting *m = model(
	    "---\ndate: 2017-07-06\n"
	    "chairs: [Denise Michel]\n"
	    "attendees: [Eric Osterweil, Eric Schmidt, Kerry-Ann Barrett]\n"
	    "apologies: [Geoff Huston]\n"
	    "people:\n  Žarko Kecić: [Zarko]\n---\n"
	    "ACTION: Denise to draft the plan\n"
	    "ACTION: Zarko to check the list\n"
	    "ACTION: Geoff to send the paper\n"
	    "ACTION: Eric to review the text\n"
	    "ACTION: Kerry-Ann to chase legal\n");

	expect_owners(action(m, "draft the plan"), "Denise Michel", NULL);
	expect_owners(action(m, "check the list"), "Žarko Kecić", NULL);
	expect_owners(action(m, "send the paper"), "Geoff Huston", NULL);
	/* Two Erics: kept as written, and validation says so. */
	expect_owners(action(m, "review the text"), "Eric", NULL);
	expect_owners(action(m, "chase legal"), "Kerry-Ann Barrett", NULL);
	cr_expect(has_diag(MTG_D_OWNER_APOLOGY, 11, 9));
	cr_expect(has_diag(MTG_D_OWNER_UNKNOWN, 12, 9));
	done(m);
}

/* --- due dates ----------------------------------------------------------- */

Test(extract, due_dates_in_action_text)
{
	struct meeting *m = model(
	    "---\ndate: 2026-03-11\nattendees: [Pieter de Vries, Kwame Mensah,"
	    " Laura Bianchi, Sam Whitfield, Nadia Haddad]\n---\n"
	    "ACTION: Pieter to get the quote by Friday\n"
	    "ACTION: Kwame to open registration by EOD Tuesday\n"
	    "ACTION: Laura to draft the notice — end of week\n"
	    "ACTION: Sam to send the newsletter by next meeting\n"
	    "ACTION: Nadia to ask the board — due in two weeks\n"
	    "ACTION: Pieter to book the venue — due 25 July\n"
	    "ACTION: Kwame to pay the deposit — due 2026-04-01\n"
	    "ACTION: Laura to print the badges — due Jan 30, 2027\n"
	    "ACTION: Sam to call the caterer — due TBD\n"
	    "ACTION: Nadia to fix the sign — due whenever\n");

	/* 2026-03-11 is a Wednesday. */
	expect_due(action(m, "quote"), "2026-03-13", "Friday");
	expect_due(action(m, "registration"), "2026-03-17", "EOD Tuesday");
	expect_due(action(m, "notice"), "2026-03-13", "end of week");
	expect_due(action(m, "newsletter"), NULL, "next meeting");
	expect_due(action(m, "board"), "2026-03-25", "in two weeks");
	expect_due(action(m, "venue"), "2026-07-25", "25 July");
	expect_due(action(m, "deposit"), "2026-04-01", "2026-04-01");
	expect_due(action(m, "badges"), "2027-01-30", "Jan 30, 2027");
	expect_due(action(m, "caterer"), NULL, "TBD");
	expect_due(action(m, "sign"), NULL, "whenever");
	cr_expect_str_eq(action(m, "venue")->text, "Book the venue");
	cr_expect_eq(count_diag(MTG_D_DUE_NOT_DATE), 1);
	done(m);
}

Test(extract, due_year_rolls_over)
{
	struct meeting *m = model(
	    "---\ndate: 2017-12-20\nattendees: [Ann Lee]\n---\n"
	    "| Action | Owner | Due |\n|---|---|---|\n"
	    "| Close the books | Ann | 5 January |\n"
	    "| Send the cards | Ann | 22 December |\n"
	    "| File the report | Ann | 1 December |\n");

	expect_due(action(m, "books"), "2018-01-05", "5 January");
	expect_due(action(m, "cards"), "2017-12-22", "22 December");
	/* Within a month before the meeting: this year, and overdue. */
	expect_due(action(m, "report"), "2017-12-01", "1 December");
	cr_expect(has_diag(MTG_D_DUE_BEFORE, 9, 0));
	done(m);
}

/* --- decisions ------------------------------------------------------------ */

Test(extract, decisions)
{
	struct meeting *m = model(
	    "Date: 2026-02-12\n\n"
	    "DECISION: Minutes approved.\n\n"
	    "RESOLVED: Change the wording.\n\n"
	    "AGREED: Plenary calls every second Thursday.\n\n"
	    "**DECISION 58.1**: Stop the vote.\n\n"
	    "## Decisions\n\n"
	    "- Ben chairs the next call\n"
	    "- Stop the vote.\n\n"
	    "## Notes\n\n"
	    "- Agreed to meet again\n");

	/* "Stop the vote." is said twice: once numbered, once listed;
	 * "Agreed to meet again" is an outcome in prose. */
	cr_assert_eq(m->ndecisions, 6);
	cr_expect_str_eq(m->decisions[0].text, "Minutes approved.");
	cr_expect_eq(m->decisions[0].line, 3);
	cr_expect_str_eq(m->decisions[2].text,
	    "Plenary calls every second Thursday.");
	cr_expect_str_eq(m->decisions[4].text, "Ben chairs the next call");
	cr_expect_str_eq(m->decisions[5].text, "Agreed to meet again");
	cr_expect_eq(m->nactions, 0);
	done(m);
}

Test(extract, decision_table)
{
	struct meeting *m = model(
	    "Date: 2021-05-14\n\n"
	    "| Decision Item | Description | Video ref |\n"
	    "| --- | --- | --- |\n"
	    "| **113.1** | **Baikal Devnet** stays until the testnet forks | "
	    "[8:40](https://example.org) |\n");

	cr_assert_eq(m->ndecisions, 1);
	cr_expect_str_eq(m->decisions[0].text,
	    "Baikal Devnet stays until the testnet forks");
	cr_expect_eq(m->nactions, 0);
	done(m);
}

/* --- teams ---------------------------------------------------------------- */

static void
expect_team_table(const char *header)
{
	char *notes = xasprintf("Date: 2017-07-06\n\n%s\n|---|---|---|\n"
	    "| 1. SSR1 Implementation | Alain | Denise, Alain, Ram Krishna |\n"
	    "| 2. DNS Security | Geoff | Emily and Cathy |\n", header);
	struct meeting *m = model(notes);

	cr_assert_eq(m->nteams, 2, "\"%s\": %zu teams", header, m->nteams);
	cr_expect_str_eq(m->teams[0].name, "SSR1 Implementation");
	cr_expect_str_eq(m->teams[0].rapporteur, "Alain");
	cr_assert_eq(m->teams[0].members.n, 3);
	cr_expect_str_eq(m->teams[0].members.v[2], "Ram Krishna");
	cr_expect_eq(m->teams[1].members.n, 2);
	cr_expect_eq(m->teams[0].line, 5);
	cr_expect_eq(m->nactions, 0);
	done(m);
	free(notes);
}

Test(extract, team_tables)
{
	expect_team_table("| Subtopic | Rapporteur | Volunteers |");
	expect_team_table("| Workstream | Lead | Members |");
	expect_team_table("| Team | Convener | Participants |");
	expect_team_table("| Work stream | Coordinator | Team members |");
	expect_team_table("| Subgroup | Chair | Volunteers |");
	expect_team_table("| Track | Leader | Members |");
}

/* --- agenda --------------------------------------------------------------- */

Test(extract, nested_agenda)
{
	struct meeting *m = model(
	    "# Call 2017-07-06\n\n## Agenda\n\n"
	    "1. Welcome\n"
	    "2. Updates from subtopic teams\n"
	    "   1. SSR1 Implementation\n"
	    "   2. DNS Security\n"
	    "3. AOB\n\n"
	    "## Welcome\n\n- Not agenda\n");

	cr_assert_eq(m->nagenda, 3);
	cr_expect_str_eq(m->agenda[1].title, "Updates from subtopic teams");
	cr_expect_eq(m->agenda[1].line, 6);
	cr_assert_eq(m->agenda[1].nitems, 2);
	cr_expect_str_eq(m->agenda[1].items[1].title, "DNS Security");
	done(m);
}

Test(extract, agenda_spellings)
{
	struct meeting *m = model("Agenda:\n\n* One\n* Two\n");

	cr_expect_eq(m->nagenda, 2);
	done(m);
	m = model("## Agenda: [github issues](https://example.org)\n\n"
	    "* [Issue 50](https://example.org/50): Document the action\n");
	cr_assert_eq(m->nagenda, 1);
	cr_expect_str_eq(m->agenda[0].title, "Issue 50: Document the action");
	done(m);
	m = model("- **Agenda:**\n  - First\n  - Second\n");
	cr_expect_eq(m->nagenda, 2);
	done(m);
}

/* --- attendance ----------------------------------------------------------- */

Test(extract, attendance_lines)
{
	struct meeting *m = model(
	    "# Meeting\n\n"
	    "Present: Alain Aina, Geoff Huston (remote), Noorul Ameen\n\n"
	    "Apologies: Don Blumenthal\n\n"
	    "Co-chairs: Denise Michel, Emily Taylor\n"
	    "The meeting started at 10, as planned.\n\n"
	    "* Chair: Simeon Vincent\n"
	    "* Scribes: Rob Wu\n");

	cr_expect_eq(m->attendees.n, 3);
	cr_expect(has(&m->attendees, "Geoff Huston (remote)") == 0);
	cr_expect(has(&m->attendees, "Geoff Huston"));
	cr_expect(has(&m->attendees, "Noorul Ameen"));
	cr_expect(has(&m->apologies, "Don Blumenthal"));
	cr_expect(has(&m->chairs, "Denise Michel"));
	cr_expect(has(&m->chairs, "Simeon Vincent"));
	cr_expect_eq(m->chairs.n, 3);
	cr_expect(!has(&m->attendees, "Rob Wu"));
	done(m);
}

Test(extract, attendance_semicolons)
{
	struct meeting *m = model(
	    "Attendees: Luke Hinds (Red Hat, TAC); Bob Callaway (Google)\n");

	cr_assert_eq(m->attendees.n, 2);
	cr_expect_str_eq(m->attendees.v[0], "Luke Hinds");
	cr_expect_str_eq(m->attendees.v[1], "Bob Callaway");
	done(m);
}

Test(extract, attendance_sections)
{
	struct meeting *m = model(
	    "# TAC\n\n"
	    "## Voting member attendance\n\n"
	    "* [x] Kimball Thurston - Chairperson, Weta Digital\n"
	    "* [ ] Michael O’Gorman, Cisco Systems Inc.\n"
	    "* [X] Rob Wu (Mozilla)\n\n"
	    "## Other Attendees\n\n"
	    "1. Michael Dawson (@mhdawson)\n"
	    "2. @lidel\n\n"
	    "## Regrets\n\n"
	    "- Bill Ballew, DreamWorks\n\n"
	    "**Steering Attendees**:\n\n"
	    "* Paris Pittman (@parispittman)\n\n"
	    "Apologies:\n  Mark Boorer\n\n"
	    "## Notes\n\n"
	    "- @mhdawson to file the issue\n"
	    "- ACTION: lidel to update the page\n");

	cr_expect(has(&m->attendees, "Kimball Thurston"));
	cr_expect(has(&m->chairs, "Kimball Thurston"));
	cr_expect(has(&m->absent, "Michael O’Gorman"));
	cr_expect(has(&m->attendees, "Rob Wu"));
	cr_expect(has(&m->attendees, "Michael Dawson"));
	cr_expect(has(&m->attendees, "lidel"));
	cr_expect(has(&m->apologies, "Bill Ballew"));
	cr_expect(has(&m->attendees, "Paris Pittman"));
	cr_expect(has(&m->apologies, "Mark Boorer"));
	expect_owners(action(m, "update the page"), "lidel", NULL);
	done(m);
}

Test(extract, not_present_heading_lists_the_absent)
{
	struct meeting *m = model("## Present\n\n- Ana Silva\n\n"
	    "## Not present\n\n- Carl Wu\n\n## Members present\n\n"
	    "- Dan Li\n");

	cr_assert_eq(m->attendees.n, 2);
	cr_expect_str_eq(m->attendees.v[1], "Dan Li");
	cr_assert_eq(m->absent.n, 1);
	cr_expect_str_eq(m->absent.v[0], "Carl Wu");
	done(m);
}

Test(extract, agenda_sections_go_on_at_the_agenda_level)
{
	struct meeting *m = model("# CPC meeting\n\n## Present\n\n- Ana\n\n"
	    "## Agenda\n\n### Announcements\n\ntext\n\n### Budget\n\n"
	    "text\n\n## Next week's working session\n\ntext\n\n"
	    "## Q&A, Other\n\n## Upcoming Meetings\n\n## Late topic\n");

	cr_assert_eq(m->nagenda, 4);
	cr_expect_str_eq(m->agenda[2].title, "Next week's working session");
	cr_expect_str_eq(m->agenda[3].title, "Q&A, Other");
	done(m);
	/* An agenda list ends at the next heading of its level. */
	m = model("## Agenda\n\n- Budget\n\n## Discussion\n\ntext\n");
	cr_assert_eq(m->nagenda, 1);
	done(m);
}

Test(extract, attendance_table_with_presence_column)
{
	struct meeting *m = model(
	    "# TAC 2024-12-10\n\n"
	    "# Attendance (please mark an “X” if you are here)\n\n"
	    "|  | Name/Affiliation | GH ID |\n"
	    "| --- | --- | --- |\n"
	    "| x | Arnaud Le Hors (IBM, **TAC**) | lehors |\n"
	    "|  | Bob Callaway (Google) | bobcallaway |\n\n"
	    "## Reps\n\n"
	    "| Project | Representative | Present |\n|---|---|---|\n"
	    "| ColorKit | Ana Petrović | ✓ |\n"
	    "| ShaderLab | Claire Dubois | No |\n\n"
	    "ACTION: lehors to write the PR\n");

	cr_expect(has(&m->attendees, "Arnaud Le Hors"));
	cr_expect(has(&m->absent, "Bob Callaway"));
	cr_expect(has(&m->attendees, "Ana Petrović"));
	cr_expect(has(&m->absent, "Claire Dubois"));
	expect_owners(action(m, "PR"), "Arnaud Le Hors", NULL);
	cr_expect_eq(m->nactions, 1);
	done(m);
}

Test(extract, front_matter_first)
{
	struct meeting *m = model(
	    "---\ndate: 2017-07-06\nattendees: [Maya Chen (@mayac)]\n"
	    "apologies: [Geoff Huston]\n---\n"
	    "Present: Someone Else\n\n"
	    "- Apologies: Geoff Huston, Don Blumenthal. Noorul was away.\n\n"
	    "ACTION: @mayac to publish the notes\n");

	cr_assert_eq(m->attendees.n, 1);
	cr_expect_str_eq(m->attendees.v[0], "Maya Chen");
	cr_expect_eq(m->apologies.n, 1);
	expect_owners(action(m, "publish"), "Maya Chen", NULL);
	done(m);
}

/* --- title, date ----------------------------------------------------------- */

Test(extract, title_and_date_fallbacks)
{
	struct meeting *m = model_as("notes/2019-03-01.md",
	    "Some text first.\n\n# **OCIO TSC Meeting Notes**\n\n## Part\n");

	cr_expect_str_eq(m->title, "OCIO TSC Meeting Notes");
	cr_expect_str_eq(m->date, "2019-03-01");
	done(m);
	m = model_as("x.md", "# SSR2 plenary, 6 July 2017\n");
	cr_expect_str_eq(m->date, "2017-07-06");
	done(m);
	m = model_as("2020-01-01.md", "# Meeting\n\n- Date: 2019.10.17\n");
	cr_expect_str_eq(m->date, "2019-10-17");
	done(m);
	m = model_as("2020-01-01.md", "# Meeting\n\n"
	    "### Meeting Date/Time: Friday, April 12, 2019 14:00 UTC\n");
	cr_expect_str_eq(m->date, "2019-04-12");
	done(m);
	m = model_as("2020-01-01.md", "<!-- c -->\n\nAugust 5, 2019\n\nHost: X\n");
	cr_expect_str_eq(m->date, "2019-08-05");
	done(m);
	m = model_as("notes.md", "## libp2p\n\n# Week 14\n");
	cr_expect_str_eq(m->title, "libp2p");
	done(m);
	m = model_as("notes.md", "## Attendees\n\n- A B\n");
	cr_expect_null(m->title);
	done(m);
}

/* --- several meetings in one file ------------------------------------------ */

Test(extract, title_from_a_first_line_that_is_one)
{
	struct meeting *m = model_as("notes.md",
	    "Minutes of the 12th steering meeting, March 3rd, 2021\n\n"
	    "Present: Ana Silva, Bob Jones\n");

	cr_expect_str_eq(m->title,
	    "Minutes of the 12th steering meeting, March 3rd, 2021");
	cr_expect_str_eq(m->date, "2021-03-03");
	done(m);
	/* A sentence, a label line, two lines, or no word of a meeting. */
	m = model_as("notes.md", "We met to discuss the budget meeting.\n");
	cr_expect_null(m->title);
	done(m);
	m = model_as("notes.md", "Meeting: the board, 3 March 2021\n");
	cr_expect_null(m->title);
	done(m);
	m = model_as("notes.md", "Steering meeting notes\nAna, Bob and Carl\n");
	cr_expect_null(m->title);
	done(m);
	m = model_as("notes.md", "Budget review with Ana\n\n- Ana: hi\n");
	cr_expect_null(m->title);
	done(m);
}

Test(extract, date_line_with_time_and_place)
{
	struct meeting *m = model("Date: Wednesday 15 October 2025, "
	    "16:00–16:45 UTC (Zoom)\n");

	cr_expect_str_eq(m->date, "2025-10-15");
	cr_expect_str_eq(m->time, "16:00–16:45 UTC");
	cr_expect_str_eq(m->location, "Zoom");
	done(m);
	m = model("Meeting Date/Time: Friday, April 12, 2019 at 4pm in "
	    "Berlin\n");
	cr_expect_str_eq(m->time, "4pm");
	cr_expect_str_eq(m->location, "Berlin");
	done(m);
	m = model("- Date: 2026-03-04, 9am - 10am PT, Room 4\n");
	cr_expect_str_eq(m->time, "9am - 10am PT");
	cr_expect_str_eq(m->location, "Room 4");
	done(m);
	/* Dates alone: no time, and a weekday or zone is no place. */
	m = model("Date: 2019.10.17 (Thursday)\n");
	cr_expect_str_eq(m->date, "2019-10-17");
	cr_expect_null(m->time);
	cr_expect_null(m->location);
	done(m);
	m = model("Date: 2026-03-04 10:30 (UTC)\n");
	cr_expect_str_eq(m->time, "10:30");
	cr_expect_null(m->location);
	done(m);
	/* Front matter wins. */
	m = model("---\ntime: 09:00\nlocation: Room 1\n---\n"
	    "Date: 2026-03-04, 16:00 UTC (Zoom)\n");
	cr_expect_str_eq(m->time, "09:00");
	cr_expect_str_eq(m->location, "Room 1");
	done(m);
}

Test(extract, multi_meeting_file)
{
	struct meeting *m = model(
	    "# SIG Notes (2020)\n\n"
	    "## Future\n\n- ACTION: Someone to do a future thing\n\n"
	    "## Dec 15, 2020 Cancelled\n\nNo agenda.\n\n"
	    "## Dec 8, 2020\n\n"
	    "Attendees: Kim Nguyen, Dario Conti\n\n"
	    "- ACTION: Dario to isolate the flaky tests\n\n"
	    "## Dec 1, 2020\n\n"
	    "Attendees: Mateo Silva\n\n"
	    "- ACTION: Mateo to ask for credentials\n"
	    "- DECISION: Out of scope.\n");

	/* Two meetings (the cancelled one is none); notes_model() keeps
	 * the latest, and only what is under its heading (test_split.c). */
	cr_expect_eq(m->nmeetings, 2);
	cr_expect_str_eq(m->date, "2020-12-08");
	cr_expect_str_eq(m->title, "SIG Notes (2020)");
	cr_expect_str_eq(m->part, "Dec 8, 2020");
	cr_assert_eq(m->nactions, 1);
	expect_owners(&m->actions[0], "Dario Conti", NULL);
	cr_expect_eq(m->attendees.n, 2);
	cr_expect_eq(m->ndecisions, 0);
	cr_expect(has_diag(MTG_D_MULTI_MEETING, 11, 1));
	cr_expect_eq(m->nsections, 1);
	done(m);
}

Test(extract, one_dated_heading_is_one_meeting)
{
	struct meeting *m = model("# July 13, 2016\n\n## 2016 plans\n\n- x\n");

	cr_expect_eq(m->nmeetings, 1);
	cr_expect_null(m->part);
	cr_expect_eq(count_diag(MTG_D_MULTI_MEETING), 0);
	cr_expect_str_eq(m->date, "2016-07-13");
	done(m);
}

/* --- sections and links ----------------------------------------------------- */

Test(extract, section_ids_unique)
{
	struct meeting *m = model(
	    "# Notes\n\n## Same\n\n## Same\n\n## Same-2\n\n## Same\n\n"
	    "## Žarko & “Friends”!\n\n## !!!\n");

	cr_assert_eq(m->nsections, 7);
	cr_expect_str_eq(m->sections[0].id, "notes");
	cr_expect_str_eq(m->sections[1].id, "same");
	cr_expect_str_eq(m->sections[2].id, "same-2");
	cr_expect_str_eq(m->sections[3].id, "same-2-2");
	cr_expect_str_eq(m->sections[4].id, "same-3");
	cr_expect_str_eq(m->sections[5].id, "zarko-friends");
	cr_expect_str_eq(m->sections[6].id, "section");
	cr_expect_eq(m->sections[2].level, 2);
	cr_expect_eq(m->sections[2].line, 5);
	cr_expect_not_null(m->sections[2].heading);
	done(m);
}

Test(extract, links_in_order)
{
	struct meeting *m = model(
	    "See the [wiki](https://example.org/wiki).\n\n"
	    "| a | b |\n|---|---|\n| <https://example.org/t> | x |\n\n"
	    "- mail [us](mailto:a@example.org) and https://example.org/auto\n"
	    "- [empty]()\n");

	cr_assert_eq(m->nlinks, 4);
	cr_expect_str_eq(m->links[0].url, "https://example.org/wiki");
	cr_expect_str_eq(m->links[0].text, "wiki");
	cr_expect_eq(m->links[0].line, 1);
	cr_expect_str_eq(m->links[1].url, "https://example.org/t");
	cr_expect_eq(m->links[1].line, 5);
	cr_expect_str_eq(m->links[3].url, "https://example.org/auto");
	cr_expect_eq(m->links[3].line, 7);
	done(m);
}

/* --- nothing recognised ------------------------------------------------------ */

Test(extract, no_convention)
{
	struct meeting *m = model(
	    "# Garden club, 3 March 2026\n\n"
	    "We talked about tulips. Kate will bring seeds.\n");

	cr_expect_eq(m->nactions, 0);
	cr_expect(has_diag(MTG_D_NO_CONVENTION, 1, 1));
	done(m);
}

Test(extract, empty_and_odd_input)
{
	struct meeting *m = model("");

	cr_expect_eq(m->nactions, 0);
	done(m);
	m = model("ACTION:\n\nAI: \n\n| Action |\n|---|\n|  |\n\n- [ ]\n");
	cr_expect_eq(m->nactions, 0);
	done(m);
}

/* --- dialogue and prose --------------------------------------------------- */

static const char people_list[] =
    "Date: 2026-03-04\n\n"
    "## Attendees\n\n"
    "- Priya Raman\n- Jun Park\n- Sam Kaur\n- Ravi Shah\n\n"
    "## Notes\n\n";

static struct meeting *
model_notes(const char *body)
{
	char *t = xasprintf("%s%s", people_list, body);
	struct meeting *m = model(t);

	free(t);
	return m;
}

Test(extract, commitments_in_dialogue_and_prose)
{
	struct meeting *m = model_notes(
	    "Priya: I can take the first draft.\n\n"
	    "- Jun will send the summary to the list\n"
	    "- [ravi] Good question, I will double-check and follow up.\n"
	    "- New meeting time - Sam will create an issue\n"
	    "- @kenji reach out to the CDN vendor\n"
	    "- The licences need review, Sam Kaur to action the check.\n\n"
	    "Thanh asked about the GPUs. David Morin agreed to follow up "
	    "with\nthe project owners.\n");

	cr_assert_eq(m->nactions, 7);
	expect_owners(action(m, "Take the first draft"), "Priya Raman", NULL);
	cr_expect_eq(action(m, "first draft")->line, 12);
	expect_owners(action(m, "Send the summary to the list"), "Jun Park",
	    NULL);
	expect_owners(action(m, "Double-check and follow up"), "Ravi Shah",
	    NULL);
	expect_owners(action(m, "Create an issue"), "Sam Kaur", NULL);
	expect_owners(action(m, "Reach out to the CDN vendor"), "kenji", NULL);
	/* "to action X" is "to do X". */
	expect_owners(action(m, "The check"), "Sam Kaur", NULL);
	expect_owners(action(m, "Follow up with the project owners"),
	    "David Morin", NULL);
	done(m);
}

Test(extract, no_commitment_in_questions_hypotheticals_reports)
{
	struct meeting *m = model_notes(
	    "Priya: Can you share a demo?\n\n"
	    "- Ravi sent the summary last week\n"
	    "- Jun will be away next week\n"
	    "- If needed, Sam will update the page\n"
	    "- Sam could maybe review it\n"
	    "- Jun: I can take action to...\n"
	    "- @kenji made a prototype\n"
	    "- @kenji is looking into it\n"
	    "- Marketing will help wordsmith the text\n"
	    "- Funding issues will be discussed at the board\n"
	    "- Would Priya be able to chair?\n"
	    "- Thanks to Jun for hosting\n\n"
	    "Jun asked whether Sam will join the call.\n");

	for (size_t i = 0; i < m->nactions; i++)
		cr_expect_fail("taken: \"%s\" (line %d)", m->actions[i].text,
		    m->actions[i].line);
	done(m);
}

Test(extract, outcomes_and_votes)
{
	struct meeting *m = model_notes(
	    "- There was consensus that the API stays frozen.\n"
	    "- Move the call to Tuesdays\n"
	    "  - Approved (6/6)\n"
	    "- Priya suggested fortnightly meetings, which all agreed to.\n"
	    "- We decided to drop the legacy exporter.\n\n"
	    "Let's adopt the charter as drafted.\n\n"
	    "+1 votes from 4 of 5 members\n\n"
	    "Switch to the new tracker.\n\n"
	    "(No objections.)\n");

	cr_assert_eq(m->ndecisions, 6);
	cr_expect_str_eq(m->decisions[0].text,
	    "There was consensus that the API stays frozen.");
	/* A vote line that says only "approved" closes the proposal. */
	cr_expect_str_eq(m->decisions[1].text, "Move the call to Tuesdays");
	cr_expect_eq(m->decisions[1].line, 14);
	cr_expect_str_eq(m->decisions[4].text,
	    "Let's adopt the charter as drafted.");
	cr_expect_str_eq(m->decisions[5].text, "Switch to the new tracker.");
	cr_expect_eq(m->nactions, 0);
	done(m);
}

Test(extract, no_outcome_in_denials_questions_and_reports)
{
	struct meeting *m = model_notes(
	    "- There was no consensus on the name.\n"
	    "- Should we agree on the name?\n"
	    "- If we agree, we publish on Monday.\n"
	    "- In previous meetings we agreed that the manifest comes first.\n"
	    "- Ravi: +1\n"
	    "- The board approved\n");

	for (size_t i = 0; i < m->ndecisions; i++)
		cr_expect_fail("taken: \"%s\"", m->decisions[i].text);
	done(m);
}

Test(extract, prose_repeating_an_action_item_is_one_action)
{
	struct meeting *m = model_notes(
	    "- Jun to clean up some PRs before next week's meeting.\n"
	    "- Courtenay volunteered to look through the Microsoft Learn "
	    "documentation for context definitions.\n\n"
	    "## Action Items\n\n"
	    "- Jun: Clean up AI-related PRs before next meeting.\n"
	    "- Courtenay: Search Microsoft Learn documentation for definitions "
	    "of context.\n\n"
	    "## Decisions\n\n"
	    "- User prompts are included within Context.\n\n"
	    "## Outcomes\n\n"
	    "- User prompts get included within Context (agreed).\n");

	cr_expect_eq(m->nactions, 2);
	expect_owners(action(m, "AI-related PRs"), "Jun Park", NULL);
	cr_expect_eq(m->ndecisions, 1);
	done(m);
}

Test(extract, a_task_restated_in_other_words_is_one_action)
{
	struct meeting *m = model_notes(
	    "- Jun to clean up some PRs before next week's meeting.\n"
	    "- Sam to send the slides.\n"
	    "- @kenji made a pages tool. Will work with @ravi on it.\n\n"
	    "## Action Items\n\n"
	    "- Jun: Clean up AI-related PRs (label WIP; close where "
	    "possible) before next meeting.\n"
	    "- Sam: Send the minutes to the list.\n"
	    "- @kenji and @ravi work on the pages tool.\n");

	/* The same verb, owner and object: one action, the marked one. */
	cr_expect_eq(action(m, "clean up")->line, 18);
	cr_expect_eq(action(m, "work")->line, 20);
	/* The same verb and owner, another object: two actions. */
	cr_expect_str_eq(action(m, "slides")->text, "Send the slides");
	cr_expect_str_eq(action(m, "minutes")->text,
	    "Send the minutes to the list.");
	cr_expect_eq(m->nactions, 4);
	done(m);
}

Test(extract, any_of_a_list_should_is_an_action_of_them_all)
{
	struct meeting *m = model_notes(
	    "- [x] #65188 — Stabilize const_constructor\n"
	    "    - [ ] One of Jun, Sam, and/or Ravi should check their "
	    "boxes :)\n"
	    "- [x] #64325 — Stabilize nested self receivers\n"
	    "    - [ ] One of Jun, Sam, and/or Ravi should check their "
	    "boxes :)\n"
	    "- [ ] One of the tests should pass first\n"
	    "- [ ] One of Jun's PRs should land\n"
	    "- [ ] One of Jun should review\n");

	cr_assert_eq(m->nactions, 2);
	/* Each takes the issue it is nested in. */
	cr_expect_str_eq(m->actions[0].text, "Check their boxes on #65188");
	expect_owners(&m->actions[0], "Jun Park", "Sam Kaur", "Ravi Shah",
	    NULL);
	cr_expect_str_eq(m->actions[1].text, "Check their boxes on #64325");
	done(m);
}

Test(extract, commitments_joined_to_the_subject_of_the_sentence)
{
	struct meeting *m = model_notes(
	    "- Sam has comments and will swing back to see if they are "
	    "addressed\n"
	    "- John indicated that the group might run it if it wishes, and "
	    "agreed to share examples via email.\n"
	    "- @kenji, @ravi and @jun mentioned that they would endeavour to "
	    "find time for the RLS.\n"
	    "- Sam will check if the build passes.\n");

	cr_assert_eq(m->nactions, 4);
	expect_owners(action(m, "Swing back"), "Sam Kaur", NULL);
	expect_owners(action(m, "Share examples via email"), "John", NULL);
	expect_owners(action(m, "find time for the RLS"), "kenji",
	    "Ravi Shah", "Jun Park", NULL);
	/* "check if" asks; it sets no condition. */
	expect_owners(action(m, "Check if the build passes"), "Sam Kaur",
	    NULL);
	done(m);
}

Test(extract, no_joined_commitment_in_reports_conditions_or_things)
{
	struct meeting *m = model_notes(
	    "- Jun said that they would have liked more time\n"
	    "- Jun mentioned that it would be good to refresh the docs\n"
	    "- Jun noted that they would maybe look at it\n"
	    "- Jun thinks that they would review it\n"
	    "- The board met and will decide later\n"
	    "- Ravi has doubts and will not attend\n"
	    "- Sam explained the plan and will be away next week\n"
	    "- If needed, Sam has time and will review it\n"
	    "- Priya said that she would review it if the tests pass\n"
	    "- Does Sam have time and will review it?\n");

	for (size_t i = 0; i < m->nactions; i++)
		cr_expect_fail("taken: \"%s\" (line %d)", m->actions[i].text,
		    m->actions[i].line);
	done(m);
}

Test(extract, requests_to_a_group_or_a_person_are_actions)
{
	struct meeting *m = model_notes(
	    "- Priya: Let's approve the process. All TAC members, please "
	    "vote on the form.\n"
	    "- Sam, please send the slides to the list.\n"
	    "- Everyone, please note the new time.\n"
	    "- Thanks, please send feedback.\n"
	    "- Editors, please be aware of the freeze.\n"
	    "- Reviewers, please could you look at it?\n"
	    "- If you can, everyone, please review the PR.\n");

	cr_assert_eq(m->nactions, 2);
	expect_owners(action(m, "Vote on the form"), "All TAC members", NULL);
	expect_owners(action(m, "Send the slides"), "Sam Kaur", NULL);
	/* The request is no vote on what "let's" proposed. */
	cr_expect_eq(m->ndecisions, 0);
	done(m);
}

Test(extract, decisions_answered_assented_unopposed_and_acted_on)
{
	struct meeting *m = model_notes(
	    "- Process for reviews - given #132, should we keep using this "
	    "process?\n"
	    "  - Generally, yes. It was helpful.\n"
	    "- Do we turn it into a PR?\n"
	    "  - Unless we get comments, we will turn this into a PR.\n"
	    "- Jun: Could put a license file in the test data directory.\n"
	    "- Sam: Agrees that would be a good approach.\n"
	    "- Let's have TAC votes on the PR.\n"
	    "- Priya: All TAC members, please vote on the form.\n"
	    "- Ravi: Any objections?\n\n"
	    "ACTION: Sam to merge.\n");

	cr_assert_eq(m->ndecisions, 5);
	cr_expect_str_eq(m->decisions[0].text, "Keep using this process");
	cr_expect_eq(m->decisions[0].line, 13);
	cr_expect_eq(m->decisions[1].line, 15);
	/* The proposal, without its speaker. */
	cr_expect_str_eq(m->decisions[2].text,
	    "Could put a license file in the test data directory.");
	cr_expect_str_eq(m->decisions[3].text,
	    "Let's have TAC votes on the PR.");
	cr_expect_eq(m->decisions[3].line, 18);
	cr_expect_str_eq(m->decisions[4].text, "Merge (no objection)");
	cr_expect_eq(m->decisions[4].line, 20);
	done(m);
}

Test(extract, no_decision_in_open_answers_facts_or_recalled_options)
{
	struct meeting *m = model_notes(
	    "- Should we keep using this process?\n"
	    "  - Not sure yet.\n"
	    "- Do we have a date?\n"
	    "  - Yes, the 5th.\n"
	    "- Why do we keep this?\n"
	    "  - Yes.\n"
	    "- Do we turn it into a PR?\n"
	    "  - We will discuss it next week.\n"
	    "- Sam: Agrees that would be a good approach.\n"
	    "- could have every enum coercible, but we decided against it\n"
	    "- Let's have TAC votes on the PR.\n"
	    "- Priya: All TAC members, please review the form.\n"
	    "- Ravi: Any objections?\n"
	    "- Jun: I object.\n\n"
	    "ACTION: Sam to merge.\n");

	for (size_t i = 0; i < m->ndecisions; i++)
		cr_expect_fail("taken: \"%s\" (line %d)", m->decisions[i].text,
		    m->decisions[i].line);
	done(m);
}

Test(extract, the_whole_group_speaking_and_initial_surnames)
{
	struct meeting *m = model_notes(
	    "PRaman: Do we have consensus to close #37?\n\n"
	    "All: yes, ok to close.\n\n"
	    "Sam: Lets land these at stage 0.\n\n"
	    "All: +1\n\n"
	    "All: No objections to merging this in as Stage 1.\n\n"
	    "Jun: Should we do a joint blog post?\n\n"
	    "Sam & Ravi: sounds like a good idea.\n\n"
	    "Jpark will take the first draft.\n\n"
	    "Will projects be able to say “here’s our plan?”\n");

	cr_assert_eq(m->ndecisions, 4);
	cr_expect_str_eq(m->decisions[0].text, "Close #37");
	cr_expect_str_eq(m->decisions[1].text, "Lets land these at stage 0.");
	cr_expect_str_eq(m->decisions[2].text,
	    "No objections to merging this in as Stage 1.");
	cr_expect_str_eq(m->decisions[3].text, "Do a joint blog post");
	cr_assert_eq(m->nactions, 1);
	expect_owners(action(m, "Take the first draft"), "Jun Park", NULL);
	done(m);
}

Test(extract, no_group_decision_in_questions_facts_or_one_voice)
{
	struct meeting *m = model_notes(
	    "Are there no objections to merging?\n\n"
	    "Jun: Do we have a date?\n\n"
	    "All: yes.\n\n"
	    "Ravi has no objections to the idea but wants a review.\n\n"
	    "Ravi: No objections to speccing it, except in MV2.\n\n"
	    "Sam: The docs lets you test it.\n\n"
	    "All: +1\n\n"
	    "Phase: will be done next week.\n\n"
	    "- PRs being approved by at least one other person, etc.\n"
	    "- The budget has to be approved by the board.\n"
	    "- I think everybody is sort of agreed that we aim for May.\n");

	for (size_t i = 0; i < m->ndecisions; i++)
		cr_expect_fail("taken: \"%s\" (line %d)", m->decisions[i].text,
		    m->decisions[i].line);
	cr_expect_eq(m->nactions, 0);
	done(m);
}

/* An item that only names a speaker ("* (AJ):", "- Michael:") speaks
 * the items under it; initials name the one attendee who has them. */
Test(extract, a_speaker_item_speaks_its_sub_items)
{
	struct meeting *m = model(
	    "# TSC, 2022-08-18\n\n## Attendance\n\n"
	    "* Allan Johns\n* Stephen Mackenzie\n* Sam Moss\n* Jun Park\n\n"
	    "## Details\n\n"
	    "* (AJ):\n    * Will create an issue for the agenda.\n"
	    "* Jun:\n    * I can draft the charter.\n"
	    "* (SM):\n    * Will send the invite.\n"
	    "* (QX):\n    * Will book the room.\n"
	    "* Notes:\n    * Will publish the notes.\n");

	cr_assert_eq(m->nactions, 5, "%zu actions", m->nactions);
	expect_owners(action(m, "Create an issue for the agenda"),
	    "Allan Johns", NULL);
	expect_owners(action(m, "Draft the charter"), "Jun Park", NULL);
	/* SM: Stephen Mackenzie or Sam Moss; QX: nobody. */
	cr_expect_eq(action(m, "Send the invite")->owners.n, 0);
	cr_expect_eq(action(m, "Book the room")->owners.n, 0);
	cr_expect_eq(action(m, "Publish the notes")->owners.n, 0);
	done(m);
}

/* Talk is a task only with someone to talk to. */
Test(extract, talk_with_nobody_is_no_task)
{
	struct meeting *m = model_notes(
	    "Sam: Sorry, I sidetracked it, will discuss this offline.\n\n"
	    "- Will discuss the exploit and how to harden our processes.\n"
	    "- Jun will talk about the roadmap next time.\n"
	    "- Should it be a new tag? Priya will discuss this with Ravi\n"
	    "- Sam will talk to the board\n");

	cr_assert_eq(m->nactions, 2, "%zu actions", m->nactions);
	expect_owners(action(m, "Discuss this with Ravi"), "Priya Raman",
	    NULL);
	expect_owners(action(m, "Talk to the board"), "Sam Kaur", NULL);
	done(m);
}

/* "Name is taking this forward": a task taken in the present
 * progressive; taking notes, a question, the past and a group are none. */
Test(extract, progressive_commitments)
{
	struct meeting *m = model_notes(
	    "- Can be closed - Jun is taking this forward to set up meetings.\n"
	    "- Priya and Sam are following up with the vendor\n"
	    "- Ravi is taking notes today\n"
	    "- Is Sam taking this forward?\n"
	    "- Sam was taking it on last month\n"
	    "- The board is taking this forward\n"
	    "- Ravi is looking into the website\n");

	cr_assert_eq(m->nactions, 2, "%zu actions", m->nactions);
	expect_owners(action(m, "Take this forward to set up meetings"),
	    "Jun Park", NULL);
	expect_owners(action(m, "Follow up with the vendor"), "Priya Raman",
	    "Sam Kaur", NULL);
	done(m);
}

/* A single voice's "Agreed." closes the proposal it answers, the first
 * or last sentence of the line above; after a speech that proposes
 * nothing there, it decides nothing. */
Test(extract, one_voice_agreeing_closes_a_proposal_only)
{
	struct meeting *m = model_notes(
	    "Sam: It was me who raised it. The context was a plan of "
	    "three hardforks, and others say let's ship when ready. "
	    "That is fine as long as it does not hurt maintenance.\n\n"
	    "Ravi: Agreed.\n\n"
	    "Jun: We can schedule another session next week. It would be "
	    "better than nothing.\n\n"
	    "Priya: Agreed.\n\n"
	    "[ravi] Summarizing, no browsers said no to this.\n\n"
	    "[sam] Agreed.\n\n"
	    "Jun: What time is the call?\n\n"
	    "Sam: Agreed.\n");

	cr_assert_eq(m->ndecisions, 2, "%zu decisions", m->ndecisions);
	cr_expect_str_eq(m->decisions[0].text, "We can schedule another "
	    "session next week. It would be better than nothing.");
	cr_expect_str_eq(m->decisions[1].text,
	    "Summarizing, no browsers said no to this.");
	done(m);
}

/* The chair's "let's" with a verb that settles something decides; the
 * others' "let's", and the chair's "let's move on", do not. */
Test(extract, the_chairs_lets_decides)
{
	struct meeting *m = model(
	    "Date: 2026-03-04\n\n"
	    "Moderator: Tim Beiko\n\n"
	    "Attendees: Ana Silva, Ben Okafor\n\n"
	    "## Notes\n\n"
	    "**Tim**: The deadline right now is the 19th of July.\n\n"
	    "**Ana**: Unless somebody fights the schedule, I keep it.\n\n"
	    "**Tim**: so let's keep the 19th.\n\n"
	    "**Ana**: Let's drop the second test net.\n\n"
	    "**Tim**: Let's move on to the next item.\n\n"
	    "**Tim**: Let's keep going with the list.\n\n"
	    "**Tim**: Let's discuss this offline.\n\n"
	    "**Tim**: Let's say we ship in May.\n\n"
	    "**Tim**: Let's make sure everyone has read it.\n\n"
	    "**Tim**: Should we maybe let's wait?\n");

	cr_assert_eq(m->ndecisions, 1, "%zu decisions", m->ndecisions);
	cr_expect_str_eq(m->decisions[0].text, "Keep the 19th.");
	cr_expect_eq(m->decisions[0].line, 13);
	done(m);
}

Test(extract, lines_under_an_action_items_label_are_one_each)
{
	struct meeting *m = model_notes(
	    "Action Items:\n"
	    "PRaman & Sam can take on the action item of talking to Node\n"
	    "Jun & Ravi talk to JSF projects\n"
	    "Outreach: Hold\n"
	    "We need a proposal - PRaman will take the first draft.\n"
	    "Jun and Ravi discussed the budget\n"
	    "Sam will be away\n");

	cr_assert_eq(m->nactions, 3);
	expect_owners(action(m, "Talking to Node"), "Priya Raman", "Sam Kaur",
	    NULL);
	expect_owners(action(m, "Talk to JSF projects"), "Jun Park",
	    "Ravi Shah", NULL);
	expect_owners(action(m, "Take the first draft"), "Priya Raman", NULL);
	done(m);
	/* Outside such a paragraph, names and a verb report what was said. */
	m = model_notes("Jun & Ravi talk to JSF projects\n");
	cr_expect_eq(m->nactions, 0);
	done(m);
}

Test(extract, speakers_of_dialogue_are_names)
{
	struct meeting *m = model_notes(
	    "- [glazou] We can show results per browser.\n"
	    "- Result: glazou will file an issue to track this.\n"
	    "- [Mélanie/Timothy] sidebarAction stays.\n");

	cr_assert_eq(m->nactions, 1);
	expect_owners(action(m, "File an issue"), "glazou", NULL);
	done(m);
}

/* --- bugs of real notes ----------------------------------------------------- */

Test(extract, task_items_with_owner_beside_an_action_heading)
{
	struct meeting *m = model(
	    "Date: 2026-03-04\n\n"
	    "## Notes\n\n"
	    "- [ ] Update the install guide @kenji\n"
	    "- [x] Tag the release @mara\n"
	    "- [ ] #631 — Stabilize the loader @mara\n\n"
	    "## Action items\n\n"
	    "- Mara to send the notes\n");

	/* The third is a topic with its shepherd, not a task. */
	cr_assert_eq(m->nactions, 3);
	expect_owners(action(m, "install guide"), "kenji", NULL);
	cr_expect_eq(action(m, "Tag the release")->status, MTG_DONE);
	done(m);
}

Test(extract, marker_lines_become_lines)
{
	struct meeting *m = model(
	    "Date: 2026-03-04\n\n"
	    "ACTION: Ana to draft the call\n"
	    "ACTION: Ben to book the room\n"
	    "DECISION: Meet monthly\n");
	const struct node *p = m->body->first, *n;
	int hard = 0, soft = 0;

	cr_assert_eq(m->nactions, 2);
	cr_assert_eq(m->ndecisions, 1);
	while (p != NULL && p->type != MTG_N_PARAGRAPH)
		p = p->next;
	p = p->next;	/* the paragraph of the markers */
	cr_assert_not_null(p);
	for (n = p->first; n != NULL; n = n->next) {
		hard += n->type == MTG_N_LINEBREAK;
		soft += n->type == MTG_N_SOFTBREAK;
	}
	cr_expect_eq(hard, 2);
	cr_expect_eq(soft, 0);
	done(m);
}

Test(extract, quoted_or_questioned_labels_head_no_actions)
{
	struct meeting *m = model(
	    "Date: 2026-03-04\n\n"
	    "> - Action items:\n"
	    ">   - the template keeps this heading\n\n"
	    "- Should we drop Action items:?\n"
	    "  - the list is long\n");

	cr_expect_eq(m->nactions, 0);
	done(m);
}

Test(extract, to_action_keeps_the_object)
{
	struct meeting *m = model(
	    "Host: John Mertic\n\nAttendees:\n  * Larry Gritz\n  * John Mertic\n\n# Notes\n\n"
	    "* Need to transfer DNS and website registration\n"
	    "* **TODO** - Larry Gritz to action transfer\n");

	cr_assert_eq(m->nactions, 1);
	cr_expect_str_eq(m->actions[0].text,
	    "Transfer DNS and website registration");
	expect_owners(&m->actions[0], "Larry Gritz", NULL);
	done(m);
}

/* --- agendas without an agenda list ---------------------------------------- */

Test(extract, topics_heading_gives_the_agenda)
{
	struct meeting *m = model(
	    "# Weekly\n\nDate: 2026-03-04\n\n## Present\n\n- Ana Silva\n\n"
	    "## Announcements\n\n### Meeting Guidelines\n\n- Join the queue\n\n"
	    "## Topics\n\n### Elected chairs\n\ntext\n\n#### Sub point\n\n"
	    "### Security practices\n\ntext\n");

	cr_assert_eq(m->nagenda, 2);
	cr_expect_str_eq(m->agenda[0].title, "Elected chairs");
	cr_expect_eq(m->agenda[0].line, 17);
	cr_expect_str_eq(m->agenda[1].title, "Security practices");
	done(m);
}

Test(extract, topic_headings_when_no_agenda)
{
	struct meeting *m = model(
	    "# Breakout #27\n\n## Meeting info\n\n- Date: 2025.04.29\n"
	    "- Agenda: https://example.org/1505\n\n"
	    "## Client updates\n\ntext\n\n## Attendees\n\n- Ana Silva\n\n"
	    "## Devnet status\n\ntext\n\n## Action items\n\n- Ana to ship\n\n"
	    "## Links Shared\n\n- a PR\n");

	cr_assert_eq(m->nagenda, 2);
	cr_expect_str_eq(m->agenda[0].title, "Client updates");
	cr_expect_str_eq(m->agenda[1].title, "Devnet status");
	done(m);
}

/* Topic headings opening with a review of the actions: that heading is
 * the first item (its list still gives the actions); an "Action items"
 * heading after the last topic is none (topic_headings_when_no_agenda),
 * nor is a "Summary of actions" before them. */
Test(extract, action_review_heading_before_topics_is_an_item)
{
	struct meeting *m = model(
	    "# Meeting details\n\n- Date: 2019.10.17\n\n"
	    "# Action items\n"
	    "* [x] @Felix K to make a recommendation\n"
	    "* [ ] boats to comment on #64273\n"
	    "# Shepherded items\n\n- const evaluation\n\n"
	    "# Triage\n\n- nominated issues\n\n"
	    "# Action items\n\n- Ana to ship the release\n");

	cr_assert_eq(m->nagenda, 3);
	cr_expect_str_eq(m->agenda[0].title, "Action items");
	cr_expect_eq(m->agenda[0].line, 5);
	cr_expect_str_eq(m->agenda[1].title, "Shepherded items");
	cr_expect_str_eq(m->agenda[2].title, "Triage");
	cr_expect_eq(m->nactions, 3);
	done(m);
	m = model("# Call #127\n\nDate: 2026-01-15\n\n"
	    "## Summary of actions\n\n- Alice to publish the vectors\n\n"
	    "## Header format\n\ntext\n\n## Compression\n\ntext\n");
	cr_assert_eq(m->nagenda, 2);
	cr_expect_str_eq(m->agenda[0].title, "Header format");
	done(m);
}

Test(extract, topic_list_when_no_agenda)
{
	struct meeting *m = model(
	    "August 5, 2019\n\n# Notes\n\n"
	    "* License Scan Status\n    - Michael: test files lack notices.\n"
	    "* Committers Policy\n    - PR #785 lists committers.\n");

	cr_assert_eq(m->nagenda, 2);
	cr_expect_str_eq(m->agenda[1].title, "Committers Policy");
	done(m);
}

Test(extract, no_topics_from_reports_or_convention_sections)
{
	struct meeting *m = model(
	    "# July 13, 2016\n\n"
	    "- Michelle gave an introduction and overview of the agenda\n"
	    "- Christian gave a demo of Kube-Lego\n"
	    "  - it requests certificates\n\n"
	    "## Attendees\n\n- Ana Silva\n\n## Action items\n\n- Ana to ship\n\n"
	    "## Notes\n\ntext\n");

	cr_expect_eq(m->nagenda, 0);
	done(m);
}

/* --- what check -v says ------------------------------------------------------- */

Test(extract, near_misses_are_noted_and_summed_up)
{
	struct meeting *m = model_notes(
	    "- If needed, Sam will update the page\n"
	    "- Jun will send the summary?\n"
	    "- Ravi sent the summary last week\n"
	    "- Priya will draft the call\n");
	char *sum;

	cr_expect_eq(m->nactions, 1);
	/* The condition and the question are noted; the report is not. */
	cr_expect_eq(count_diag(MTG_D_NOT_TAKEN), 2);
	cr_expect(has_diag(MTG_D_NOT_TAKEN, 12, 0));
	sum = extract_summary(m);
	cr_expect_str_eq(sum, "4 attendees, 0 apologies, 0 agenda items, "
	    "1 action, 0 decisions, 0 teams");
	free(sum);
	done(m);
}

/* --- roles ---------------------------------------------------------------- */

Test(extract, scribes_in_the_model)
{
	struct meeting *m = model(
	    "Host: John Mertic\n\nSecretary: Kevin Wheatley\n\n"
	    "## Scribes\n\n* Sarven Capadisli\n\n## Notes\n\n"
	    "* Secretary - in view of no volunteers, we might rotate.\n");

	cr_assert_eq(m->scribes.n, 2);
	cr_expect_str_eq(m->scribes.v[0], "Kevin Wheatley");
	cr_expect_str_eq(m->scribes.v[1], "Sarven Capadisli");
	cr_expect(has(&m->chairs, "John Mertic"));
	done(m);
	m = model("---\nscribe: Ana Silva\n---\n# Call\n");
	cr_assert_eq(m->scribes.n, 1);
	cr_expect_str_eq(m->scribes.v[0], "Ana Silva");
	done(m);
}

/* --- accuracy on notes labelled by hand -------------------------------------- */

/* Precision and recall per field over tests/accuracy/ stay at or above the
 * floors this extraction reached (tests/accuracy/floors). */
Test(accuracy, floors_hold, .timeout = 300)
{
	cr_assert_eq(system("python3 tests/accuracy/score.py "
	    "--check tests/accuracy/floors"), 0);
}

/* --- README's table of conventions ----------------------------------------- */

/* The words of one row of conv_docs, trimmed, as README shows them:
 * "`a`, `b`". */
static char *
doc_words(const struct conv_doc *d)
{
	struct buf b = {0};
	size_t i;

	buf_put(&b, "", 0);
	for (i = 0; d->words != NULL && d->words[i] != NULL; i++) {
		char *w = str_trim(xstrdup(d->words[i]));

		buf_printf(&b, "%s`%s`", b.len > 0 ? ", " : "", w);
		free(w);
	}
	for (i = 0; d->table != NULL && d->table[i].word != NULL; i++) {
		if (d->table[i].kind != d->kind)
			continue;
		buf_printf(&b, "%s`%s`", b.len > 0 ? ", " : "",
		    d->table[i].word);
	}
	return buf_detach(&b);
}

/* README's conventions table (part of its notes-format section). */
static const char *
readme_table(const char *readme, const char **end)
{
	const char *sec = strstr(readme, "\n### The conventions table\n");

	cr_assert_not_null(sec, "README has no conventions table");
	*end = strstr(sec + 1, "\n#");
	return sec;
}

/* The second cell of the row "| title | … |" of README's conventions
 * table, or NULL. */
static char *
readme_row(const char *readme, const char *title)
{
	const char *end, *sec = readme_table(readme, &end), *p;
	size_t tl = strlen(title);

	for (p = sec; p != NULL && (end == NULL || p < end);
	    p = strchr(p + 1, '\n')) {
		const char *cell, *eol;

		if (strncmp(p, "\n| ", 3) != 0 || strncmp(p + 3, title, tl) != 0 ||
		    strncmp(p + 3 + tl, " | ", 3) != 0)
			continue;
		cell = p + 3 + tl + 3;
		eol = strchr(cell, '\n');
		if (eol == NULL)
			eol = cell + strlen(cell);
		while (eol > cell && (eol[-1] == ' ' || eol[-1] == '|'))
			eol--;
		return xstrndup(cell, (size_t)(eol - cell));
	}
	return NULL;
}

/* Whether title names a row of conv_docs. */
static int
doc_title(const char *title, size_t len)
{
	size_t i;

	for (i = 0; conv_docs[i].title != NULL; i++)
		if (strlen(conv_docs[i].title) == len &&
		    strncmp(conv_docs[i].title, title, len) == 0)
			return 1;
	return 0;
}

/* README lists every table of conventions.c, word for word, and no row
 * that none of them has. */
Test(extract, readme_lists_the_conventions_table)
{
	char *readme = NULL, *row, *want;
	const char *p, *sec, *end;
	size_t i, len;
	int rows = 0;

	cr_assert_eq(file_read("README.md", &readme, &len), 0);
	for (i = 0; conv_docs[i].title != NULL; i++) {
		want = doc_words(&conv_docs[i]);
		row = readme_row(readme, conv_docs[i].title);
		cr_expect_not_null(row, "README lacks the row:\n| %s | %s |",
		    conv_docs[i].title, want);
		if (row != NULL)
			cr_expect_str_eq(row, want, "README's row \"%s\" differs "
			    "from conventions.c; it should read:\n| %s | %s |",
			    conv_docs[i].title, conv_docs[i].title, want);
		free(row);
		free(want);
	}
	/* A README row no table has. */
	sec = readme_table(readme, &end);
	for (p = sec; p != NULL && (end == NULL || p < end);
	    p = strchr(p + 1, '\n')) {
		const char *bar;

		if (strncmp(p, "\n| ", 3) != 0 ||
		    strncmp(p, "\n| Convention |", 15) == 0 ||
		    (bar = strstr(p + 3, " | ")) == NULL)
			continue;
		rows++;
		cr_expect(doc_title(p + 3, (size_t)(bar - p - 3)),
		    "README lists \"%.*s\", which conventions.c lacks",
		    (int)(bar - p - 3), p + 3);
	}
	cr_expect_eq(rows, (int)i, "README has %d rows, conventions.c %zu",
	    rows, i);
	free(readme);
}

/* --- patterns of real notes (tests/accuracy/patterns) ----------------------- */

Test(extract, numbered_periods_of_a_plan_are_no_topics)
{
	struct meeting *m = model(
	    "# Storage sync\n\n## Release status\n\ntext\n\n"
	    "## Review Milestones\n\n"
	    "## Week 1\n- [x] Ship it\n\n## Sprint #2\n- [ ] Shard\n\n"
	    "## Phase 3:\nNothing\n\n"
	    "## Weekly on-call rota\n\ntext\n\n## Week 3 retro and plans\n\n"
	    "text\n");

	cr_assert_eq(m->nagenda, 4);
	cr_expect_str_eq(m->agenda[0].title, "Release status");
	cr_expect_str_eq(m->agenda[1].title, "Review Milestones");
	/* Not a period and a number alone: topics. */
	cr_expect_str_eq(m->agenda[2].title, "Weekly on-call rota");
	cr_expect_str_eq(m->agenda[3].title, "Week 3 retro and plans");
	done(m);
}

Test(extract, status_sub_item_belongs_to_the_action_above)
{
	struct meeting *m = model(
	    "Present: Ana Pérez, Ben Ode\n\n## Action items\n\n"
	    "- Ana to update the release notes\n  - done\n"
	    "- Ben to book the room\n  **Status**: in progress\n"
	    "- Ana to ask the board\n  - see the thread from March\n"
	    "- Ben to close the wiki\n  - ✅\n"
	    "- Ana to draft the survey\n  - Status: dropped, moved to Q3\n"
	    "- Ben to plan the offsite\n  - done once the venue answers\n"
	    "  - in progress, slowly\n");

	cr_assert_eq(m->nactions, 6);
	cr_expect_eq(action(m, "release notes")->status, MTG_DONE);
	cr_expect_eq(action(m, "book the room")->status, MTG_IN_PROGRESS);
	cr_expect_eq(action(m, "ask the board")->status, MTG_OPEN);
	cr_expect_eq(action(m, "close the wiki")->status, MTG_DONE);
	cr_expect_eq(action(m, "draft the survey")->status, MTG_DROPPED);
	/* A sentence that starts with a status word says no status. */
	cr_expect_eq(action(m, "plan the offsite")->status, MTG_OPEN);
	done(m);
}

Test(extract, name_colon_items_of_an_action_list_name_their_owner)
{
	struct meeting *m = model(
	    "# Infra WG, 3 March 2021\n\n## Action items\n\n"
	    "- Priya: draft the caching proposal\n"
	    "- @kenji: ask the CDN vendor for a quote\n"
	    "- Note: the vendor call is on Tuesday\n"
	    "- release: tag 0.5 once CI is green\n");

	cr_assert_eq(m->nactions, 3);
	expect_owners(action(m, "caching proposal"), "Priya", NULL);
	cr_expect_str_eq(action(m, "caching proposal")->text,
	    "Draft the caching proposal");
	expect_owners(action(m, "CDN vendor"), "kenji", NULL);
	/* A lower-case word is no name. */
	expect_owners(action(m, "tag 0.5"), NULL);
	done(m);
}

Test(extract, name_colon_needs_a_known_name_when_attendance_is_given)
{
	struct meeting *m = model(
	    "# TAC, 27 January 2021\n\nPresent: Ana Silva\n\n"
	    "## Action items\n\n"
	    "- Feedback: Socialize and solicit input\n"
	    "- Ana: ship the survey\n");

	cr_assert_eq(m->nactions, 2);
	expect_owners(action(m, "Feedback: Socialize"), NULL);
	expect_owners(action(m, "survey"), "Ana Silva", NULL);
	done(m);
}

Test(extract, will_do_takes_the_request_of_the_line_before)
{
	struct meeting *m = model(
	    "# Website team, 2022-06-14\n\nAttendees: Ana, Sam, Ravi, Ben\n\n"
	    "Ana: Could someone update the wiki page with the new times?\n"
	    "Sam: will do\n\n"
	    "Ben: Can you share a demo of the new search next week?\n"
	    "Ravi: maybe, if the index is ready\n\n"
	    "Ana: the build is red again.\nSam: will do\n\n"
	    "Ravi sent the summary of the survey last week.\n\n"
	    "Ana: Someone needs to renew the domain before July.\n"
	    "Ben: I'll do it\n");

	cr_assert_eq(m->nactions, 2);
	expect_owners(action(m, "wiki page"), "Sam", NULL);
	cr_expect_eq(action(m, "wiki page")->line, 6);
	expect_owners(action(m, "renew the domain"), "Ben", NULL);
	done(m);
}

Test(extract, each_speaker_line_of_dialogue_is_its_own)
{
	struct meeting *m = model(
	    "# Call, 2022-06-14\n\nAttendees: Ana, Sam\n\n"
	    "Ana: the release slipped a week.\n"
	    "Sam: I will post the new schedule\n");

	cr_assert_eq(m->nactions, 1);
	expect_owners(action(m, "new schedule"), "Sam", NULL);
	done(m);
}

Test(extract, resolved_sub_item_closes_the_item_above)
{
	struct meeting *m = model(
	    "# CPC, 2 April 2024\n\nPresent: Robin Ginn\n\n"
	    "* Decide on the Season of Docs idea\n   * This is resolved!\n"
	    "* Decide on the mentoring budget\n   * Is this resolved?\n"
	    "* Merge conflicts in the website repo\n"
	    "   * Resolved the merge conflicts yesterday.\n");

	cr_assert_eq(m->ndecisions, 1);
	cr_expect(strstr(m->decisions[0].text, "Season of Docs") != NULL,
	    "%s", m->decisions[0].text);
	done(m);
}

Test(extract, rows_a_consensus_column_marks_are_decisions)
{
	struct meeting *m = model(
	    "# Lang team, 2021-02-24\n\n"
	    "| Lint | Current status | Proposed resolution | Bugs | "
	    "Meeting consensus? |\n| --- | --- | --- | --- | --- |\n"
	    "| BARE_TRAIT_OBJECTS | warn | soft deprecation<br>edition error "
	    "| :heavy_check_mark: |\n"
	    "| ELIDED_LIFETIMES | allow | no consensus | | |\n"
	    "| UNUSED_CRATES | allow | deny | #12 | ✅ |\n"
	    "| KEYWORD_IDENTS | allow | warn | #13 | no |\n");

	cr_assert_eq(m->ndecisions, 2);
	cr_expect_str_eq(m->decisions[0].text,
	    "BARE_TRAIT_OBJECTS: soft deprecation, edition error");
	cr_expect_str_eq(m->decisions[1].text, "UNUSED_CRATES: deny");
	cr_expect_eq(m->nactions, 0);
	done(m);
}

Test(extract, presence_markers_put_people_under_absent)
{
	struct meeting *m = model(
	    "# Docs WG, 2024-05-02\n\n## Attendees\n\n- Ana Pérez\n"
	    "- ~~Ben Ode~~\n- Chidi Obi (absent)\n- Dana Wu - not present\n"
	    "- Absent Minded Professor\n- Eve ~~Li~~\n");

	cr_assert_eq(m->attendees.n, 3);
	cr_expect_str_eq(m->attendees.v[0], "Ana Pérez");
	cr_expect_str_eq(m->attendees.v[1], "Absent Minded Professor");
	cr_assert_eq(m->absent.n, 3);
	cr_expect_str_eq(m->absent.v[0], "Ben Ode");
	cr_expect_str_eq(m->absent.v[1], "Chidi Obi");
	cr_expect_str_eq(m->absent.v[2], "Dana Wu");
	done(m);
}

Test(extract, next_step_label_names_a_task)
{
	struct meeting *m = model(
	    "# CPC, 2019-01-21\n\nPresent: Jory Burson, Michael Dawson\n\n"
	    "Jory: I think this fits in a PR for Project Progression.\n"
	    "Next Step: PR to Project Progression to incorporate this\n\n"
	    "- Next Steps: This will be a future discussion topic\n"
	    "- Next steps: see [the notes](https://example.org/notes)\n"
	    "- Next Steps - OpenSSF and Standardization (slides)\n"
	    "- Next step in the review is the spec text\n");

	cr_assert_eq(m->nactions, 1);
	cr_expect_str_eq(action(m, "Project Progression")->text,
	    "PR to Project Progression to incorporate this");
	cr_expect_eq(action(m, "Project Progression")->line, 6);
	done(m);
}

Test(extract, sent_during_the_call_closes_the_action)
{
	struct meeting *m = model(
	    "# CPC, 2019-01-21\n\nPresent: Mike Dolan, Jory Burson\n\n"
	    "Mike Dolan: Will provide a template to Jory (sent during call)\n\n"
	    "Jory: Will forward the survey (sent)\n\n"
	    "Mike Dolan: Will check the email (sent last week) and reply\n\n"
	    "Jory: Will reply to the invites (sent to the list)\n");

	cr_assert_eq(m->nactions, 4);
	cr_expect_eq(action(m, "template")->status, MTG_DONE);
	cr_expect_eq(action(m, "survey")->status, MTG_DONE);
	cr_expect_eq(action(m, "check the email")->status, MTG_OPEN);
	cr_expect_eq(action(m, "invites")->status, MTG_OPEN);
	done(m);
}

Test(extract, summary_table_row_restating_a_bullet_is_one_action)
{
	struct meeting *m = model(
	    "# Infra WG, 2024-06-03\n\nPresent: Ana Pérez, Ben Ode\n\n"
	    "## Hosting\n\n"
	    "- **Action 1:** **Ana Pérez** will open a thread on the list "
	    "about the new mirror.\n"
	    "- Ben offered to ask the provider for a quote on the bigger "
	    "plan.\n\n"
	    "## Summary of action items\n\n"
	    "| Action item | Owner |\n|---|---|\n"
	    "| Open a list thread about the mirror | Ana Pérez |\n"
	    "| Ask the provider for a quote | Ben Ode |\n"
	    "| Ask the provider about the outage credits | Ben Ode |\n"
	    "| Open a list thread about the mirror move | Ben Ode |\n"
	    "| Update the mirror docs for the new host | Ana Pérez |\n"
	    "| Update the mirror docs | Ana Pérez |\n");

	/* The first two rows restate the bullets; a row sharing only the
	 * verb and a word, one with another owner, and two alike rows are
	 * actions of their own. */
	cr_assert_eq(m->nactions, 6);
	cr_expect_eq(action(m, "thread on the list")->line, 7);
	cr_expect_eq(action(m, "quote on the bigger plan")->line, 8);
	cr_expect_eq(action(m, "outage credits")->line, 16);
	cr_expect_eq(action(m, "mirror move")->line, 17);
	cr_expect_eq(action(m, "docs for the new host")->line, 18);
	done(m);
}

Test(extract, a_break_closes_an_attendance_part_and_mentions_are_absent)
{
	struct meeting *m = model(
	    "# Weekly\n\n## Present\n\n* Ben Ode\n\n## Scribe\n\n* Dana Wu\n\n"
	    "---\n\n### Meeting Guidelines\n\n* Join queue to talk.\n\n"
	    "## Key Participants\n\n| Name | Role |\n|---|---|\n"
	    "| **Ben Ode** | Presented |\n"
	    "| **Eli Moss** (mentioned) | Planned speaker |\n"
	    "| **Fay Lund** (mentioned-by) | Wrote the report |\n");

	cr_assert_eq(m->scribes.n, 1);
	cr_expect_str_eq(m->scribes.v[0], "Dana Wu");
	/* "(mentioned-by)" is no marker: Fay Lund stays. */
	cr_assert_eq(m->attendees.n, 2);
	cr_expect_str_eq(m->attendees.v[0], "Ben Ode");
	cr_expect_str_eq(m->attendees.v[1], "Fay Lund");
	done(m);
}

Test(extract, status_paragraph_below_a_marked_action_and_its_talk)
{
	struct meeting *m = model(
	    "# Core devs 59, 2019-04-12\n\n"
	    "**ACTION 58.4** Lane to provide a block number.\n\n"
	    "**Tim**: The vote is closed.\n\n"
	    "**Status**: Done\n\n"
	    "**DECISION 58.2**: Updates go in the comments.\n\n"
	    "**Status**: Dropped\n\n"
	    "**ACTION 58.5** Discuss the audit.\n\n"
	    "## Roadmap\n\n"
	    "**Status**: Done\n\n"
	    "**ACTION 58.6** Vitalik to format the EIP.\n\n"
	    "ACTION: Pooja to send the list.\n\n"
	    "**Status**: WIP\n");

	cr_assert_eq(m->nactions, 4);
	cr_expect_eq(action(m, "block number")->status, MTG_DONE);
	/* Below a decision, after a heading, or past a later action: the
	 * status line sets nothing but the action just above. */
	cr_expect_eq(action(m, "audit")->status, MTG_OPEN);
	cr_expect_eq(action(m, "format the EIP")->status, MTG_OPEN);
	cr_expect_eq(action(m, "send the list")->status, MTG_IN_PROGRESS);
	done(m);
}

Test(extract, a_stance_after_will_is_no_task)
{
	struct meeting *m = model(
	    "# Core devs, 2019-04-12\n\nPresent: Joseph Delong, Martin Holst\n\n"
	    "**Joseph**: I will object on that. It is too quick.\n\n"
	    "**Martin**: I will disagree with a 3-month fork.\n\n"
	    "**Joseph**: I will write up the objections on the forum.\n");

	cr_assert_eq(m->nactions, 1);
	cr_expect_str_eq(action(m, "objections")->owners.v[0],
	    "Joseph Delong");
	done(m);
}

Test(extract, agenda_numbering_restarting_for_the_minutes_ends_it)
{
	struct meeting *m = model(
	    "# Board, 2025-03-03\n\nPresent: Ana Silva, Ben Ode\n\n"
	    "## Agenda\n\n1. Welcome\n2. Budget\n3. AOB\n\n"
	    "1. Welcome\n\n   Ana opened the meeting.\n\n"
	    "2. Budget\n\n   ACTION: Ben to send the budget.\n");

	cr_assert_eq(m->nagenda, 3);
	cr_expect_str_eq(m->agenda[2].title, "AOB");
	cr_expect_eq(m->nactions, 1);
	done(m);

	/* Every item numbered "1." and a list numbered on are one agenda. */
	m = model("# Board, 2025-03-03\n\n## Agenda\n\n"
	    "1. Welcome\n1. Budget\n1. AOB\n");
	cr_expect_eq(m->nagenda, 3);
	done(m);
	m = model("# Board, 2025-03-03\n\n## Agenda\n\n"
	    "1. Welcome\n2. Budget\n\n4. AOB\n5. Close\n");
	cr_expect_eq(m->nagenda, 4);
	done(m);
}

/* The front matter's host, facilitator and moderator keys are chairs
 * with that role, as the body's lines are; no unknown-key warning. */
Test(extract, front_matter_role_keys)
{
	struct meeting *m = model(
	    "---\ndate: 2025-10-15\nchair: Ana Silva\nhost: John Mertic\n"
	    "facilitators: [Dee Moss, Eli Roy]\nmoderator: Fay Wu\n---\n"
	    "# Steering\n");
	size_t i;

	cr_assert_eq(m->chairs.n, 5);
	cr_expect_str_eq(m->chairs.v[1], "John Mertic");
	cr_assert_eq(m->roles.n, 8);
	cr_expect_str_eq(strlist_pair(&m->roles, "John Mertic"), "host");
	cr_expect_str_eq(strlist_pair(&m->roles, "Dee Moss"), "facilitator");
	cr_expect_str_eq(strlist_pair(&m->roles, "Eli Roy"), "facilitator");
	cr_expect_str_eq(strlist_pair(&m->roles, "Fay Wu"), "moderator");
	cr_expect_null(strlist_pair(&m->roles, "Ana Silva"));
	for (i = 0; i < dg.n; i++)
		cr_expect_neq(dg.v[i].id, MTG_D_YAML_KEY, "line %d",
		    dg.v[i].line);
	done(m);
}

Test(extract, a_role_line_keeps_the_affiliation_and_the_role)
{
	struct meeting *m = model(
	    "# Steering, 2025-10-15\n\n"
	    "Chair: Ana Silva, Example Foundation\n"
	    "Host: John Mertic - Linux Foundation\n"
	    "Facilitator: Dee Moss\n"
	    "Scribe: Carl Berg\n\n"
	    "## Attendees\n\n- Gus Hall, Acme Corp\n- Hana Ito (@hana)\n"
	    "- Ivo Lenz (he/him)\n- Jo Park (remote)\n");

	/* "Chair: Ana Silva, Ben Ode" would be two chairs: no word of an
	 * organisation after the comma. */
	cr_assert_eq(m->chairs.n, 3);
	cr_expect_str_eq(m->chairs.v[0], "Ana Silva");
	cr_assert_eq(m->roles.n, 4);
	cr_expect_str_eq(m->roles.v[0], "John Mertic");
	cr_expect_str_eq(m->roles.v[1], "host");
	cr_expect_str_eq(m->roles.v[2], "Dee Moss");
	cr_expect_str_eq(m->roles.v[3], "facilitator");
	cr_assert_eq(m->scribes.n, 1);
	cr_expect_str_eq(m->scribes.v[0], "Carl Berg");
	/* A handle, pronouns and "(remote)" are no organisation. */
	cr_assert_eq(m->affiliations.n, 6);
	cr_expect_str_eq(m->affiliations.v[0], "Ana Silva");
	cr_expect_str_eq(m->affiliations.v[1], "Example Foundation");
	cr_expect_str_eq(m->affiliations.v[3], "Linux Foundation");
	cr_expect_str_eq(m->affiliations.v[4], "Gus Hall");
	cr_expect_str_eq(m->affiliations.v[5], "Acme Corp");
	done(m);

	m = model("# Steering, 2025-10-15\n\nChair: Ana Silva, Ben Ode\n");
	cr_expect_eq(m->chairs.n, 2);
	cr_expect_eq(m->affiliations.n, 0);
	done(m);
}

Test(extract, being_at_a_meeting_is_no_task)
{
	struct meeting *m = model(
	    "# TSC, 2022-09-01\n\n"
	    "Present: Jean Morin, Allan Johns, Ravi Patel\n\n"
	    "* (JM):\n"
	    "    * Will listen in the background and drift away as things "
	    "settle\n"
	    "* Ravi: I will attend the board meeting on Friday.\n"
	    "* Allan will sit in on the next two calls.\n"
	    "* Jean will listen to the recording.\n"
	    "* Ravi will attend to the backlog of reviews.\n"
	    "* Allan will tune in to the release call and post the notes.\n");

	cr_assert_eq(m->nactions, 3, "%zu actions", m->nactions);
	expect_owners(action(m, "recording"), "Jean Morin", NULL);
	expect_owners(action(m, "backlog"), "Ravi Patel", NULL);
	expect_owners(action(m, "post the notes"), "Allan Johns", NULL);
	done(m);
}

Test(extract, a_possessive_entry_names_no_one)
{
	struct meeting *m = model(
	    "# Weekly\n\n## Present\n\n* Alain Bourgeois\n* Gary O’Neall\n"
	    "* D'Arcy Hughes\n\n## Scribe\n\n* Alain's AI\n\n"
	    "## Regrets\n\n* Ted’s stand-in\n* Ted Thibodeau\n");

	cr_assert_eq(m->attendees.n, 3);
	cr_expect_str_eq(m->attendees.v[1], "Gary O’Neall");
	cr_expect_str_eq(m->attendees.v[2], "D'Arcy Hughes");
	cr_expect_eq(m->scribes.n, 0);
	cr_assert_eq(m->apologies.n, 1);
	cr_expect_str_eq(m->apologies.v[0], "Ted Thibodeau");
	done(m);
}

/*
 * A table cell of points joined by <br>, each written "- Point": the
 * decision is the point, without its dash; a dash inside a sentence
 * stays, and a debate is no decision.
 */
Test(extract, a_bullet_written_in_a_table_cell_is_no_part_of_its_text)
{
	struct meeting *m = model(
	    "# PeerDAS call 2025-04-01\n\n"
	    "Present: Ann Lee, Bob Roe\n\n"
	    "| Topic | Summary |\n|---|---|\n"
	    "| **Blobs API** | - Debate about the all-or-nothing approach<br>"
	    "- Agreement that the network should remain stable - even "
	    "without V2 |\n"
	    "| **BPO** | • Consensus that EOF removal does not delay the "
	    "timeline |\n"
	    "| **Fees** | - Debate about -5 gwei as the floor |\n");
	size_t i;

	for (i = 0; i < m->ndecisions; i++)
		cr_log_info("decision: %s", m->decisions[i].text);
	cr_assert_eq(m->ndecisions, 2, "%zu decisions", m->ndecisions);
	cr_expect_str_eq(m->decisions[0].text, "Agreement that the network "
	    "should remain stable - even without V2");
	cr_expect_str_eq(m->decisions[1].text, "Consensus that EOF removal "
	    "does not delay the timeline");
	done(m);
}

Test(extract, a_plan_s_titled_stages_under_next_steps_are_no_actions)
{
	struct meeting *m = model(
	    "# Outreach WG, 2025-03-12\n\n"
	    "Attendees: Maria Lopez, Tom Reed\n\n"
	    "* Ken: overview of his company's programme\n"
	    "    * Next Steps:\n"
	    "        * Pilot: choose two universities\n"
	    "        * Scale Up: open it to every region\n"
	    "* Docs sprint\n"
	    "    * Next steps:\n"
	    "        * Tom: book the room\n"
	    "        * Feedback: ask the writers\n"
	    "* Release\n"
	    "    * Next steps:\n"
	    "        * Tag the release candidate\n"
	    "        * Announce: post the release notes\n\n"
	    "Next steps:\n\n"
	    "- Review: collect the feedback\n"
	    "- Roll Out: prepare the first repository\n");

	cr_assert_eq(m->nactions, 4, "%zu actions", m->nactions);
	expect_owners(action(m, "book the room"), "Tom Reed", NULL);
	expect_owners(action(m, "ask the writers"), NULL);
	expect_owners(action(m, "release candidate"), NULL);
	expect_owners(action(m, "release notes"), NULL);
	done(m);
}

Test(extract, a_bare_turn_at_an_event_is_no_task)
{
	struct meeting *m = model(
	    "# Community day, 2025-02-05\n\n"
	    "Attendees: Ana Costa, Ravi Menon, Ben Okafor\n\n"
	    "* Jim Zeller (LF CEO) will present\n"
	    "* Ana Costa will present.\n"
	    "* Ben will speak\n"
	    "* Ravi will present the survey results next week\n"
	    "* Ben will join the panel on tooling\n");

	cr_assert_eq(m->nactions, 2, "%zu actions", m->nactions);
	expect_owners(action(m, "survey results"), "Ravi Menon", NULL);
	expect_owners(action(m, "panel on tooling"), "Ben Okafor", NULL);
	done(m);
}

Test(extract, quoted_lines_left_in_a_paragraph_are_not_the_meeting_s)
{
	struct meeting *m = model(
	    "# Triage, 2025-06-03\n\n"
	    "Attendees: Josh, Niko\n\n"
	    "- **Initiating Comment**:\n"
	    "        > @bot fcp merge\n"
	    "        >\n"
	    "        > I think we've got consensus on the syntax here.\n"
	    "        > We decided last year to reserve it.\n\n"
	    "- Josh: We agreed to merge this with the lint off.\n");

	cr_assert_eq(m->ndecisions, 1, "%zu decisions", m->ndecisions);
	cr_expect_eq(m->decisions[0].line, 11);
	done(m);
}

Test(extract, a_call_for_objections_closed_with_none_heard_decides)
{
	struct meeting *m = model(
	    "# Triage, 2025-07-08\n\n"
	    "Attendees: Josh, Ana, Ben, Tyler\n\n"
	    "Josh: Any objections to a merge now? No? Okay.\n\n"
	    "Ana: Any objections to moving the call? Hearing none.\n\n"
	    "Ben: Any objections to dropping the prelude?\n"
	    "Tyler: yes, I'd like another week.\n\n"
	    "Ana: Any objections to the logo? No? Okay, let's wait.\n\n"
	    "Josh: Any objections to removing the flag?\n\n"
	    "Josh: Any objections? No? Okay.\n");

	cr_assert_eq(m->ndecisions, 2, "%zu decisions", m->ndecisions);
	cr_expect_str_eq(m->decisions[0].text, "Merge now (no objection)");
	cr_expect_eq(m->decisions[0].line, 5);
	cr_expect_str_eq(m->decisions[1].text,
	    "Moving the call (no objection)");
	done(m);
}

Test(extract, a_conclusion_that_states_a_finding_is_no_decision)
{
	struct meeting *m = model(
	    "# Tooling, 2025-05-14\n\n"
	    "Attendees: Rosa Diaz, Sam Hill\n\n"
	    "- **Conclusion:** A second round of the survey is needed.\n"
	    "- **Conclusion:** Better bindings would bring contributors.\n"
	    "- Outcome: the old parser could stay for a while\n"
	    "- **Decision:** The bindings would move in June.\n"
	    "- Conclusion: wontfix\n"
	    "- conclusion: no, but we would like a design note first\n");

	cr_assert_eq(m->ndecisions, 3, "%zu decisions", m->ndecisions);
	cr_expect_eq(m->decisions[0].line, 8);
	cr_expect_str_eq(m->decisions[1].text, "wontfix");
	cr_expect_eq(m->decisions[2].line, 10);
	done(m);
}

Test(extract, the_next_step_stated_is_the_group_s_action)
{
	struct meeting *m = model(
	    "# TSC, 2025-04-09\n\n"
	    "Attendees: Nora Quinn, Omar Haddad\n\n"
	    "* Next step is to fill out the charter template\n"
	    "* The next step in the review is the packaging section\n"
	    "* Omar: the next steps are to move the tutorials.\n"
	    "* If the survey is positive, the next step is to hire a writer\n"
	    "* Is the next step to ask the board?\n"
	    "* The next step would be to ask legal\n"
	    "* Next step is to be decided\n");

	cr_assert_eq(m->nactions, 2, "%zu actions", m->nactions);
	expect_owners(action(m, "charter template"), NULL);
	cr_expect_str_eq(action(m, "tutorials")->text,
	    "Move the tutorials");
	expect_owners(action(m, "tutorials"), NULL);
	done(m);
}

Test(extract, a_name_that_speaks_twice_is_a_person_of_the_meeting)
{
	struct meeting *m = model(
	    "# Lang design, 2025-08-20\n\n"
	    "Attendees: Josh, Tyler\n\n"
	    "scott: the local would be more obvious.\n\n"
	    "scott: there is no specification question.\n\n"
	    "Scott will remove their concern.\n\n"
	    "Note: the FCP ends on Friday.\n\n"
	    "Note: the comment is from last week.\n\n"
	    "Note will follow.\n\n"
	    "Josh: what's missing is a test suite that will cover it.\n\n"
	    "Tyler: I think that will break the nightly users.\n");

	cr_assert_eq(m->nactions, 1, "%zu actions", m->nactions);
	expect_owners(action(m, "their concern"), "Scott", NULL);
	done(m);
}

Test(extract, a_subjectless_decided_clause_after_a_comma_is_a_decision)
{
	struct meeting *m = model(
	    "# TSC, 2025-09-17\n\n"
	    "Attendees: Mia Novak, Raj Patel, Ana Ruiz\n\n"
	    "* Mia: the bump was discussed, decided not to do it, staying "
	    "with 2.0\n"
	    "* Once the site is ready, decided to move the tutorials there\n"
	    "* Ana decided to step down as release manager\n"
	    "* Raj: we haven't decided to ship the new runner yet\n"
	    "* Raj: not yet decided, to be discussed\n"
	    "* Raj: so, decided to wait for the release?\n"
	    "* If the tests pass, decided to merge it\n");

	cr_assert_eq(m->ndecisions, 2, "%zu decisions", m->ndecisions);
	cr_expect_eq(m->decisions[0].line, 5);
	cr_expect_eq(m->decisions[1].line, 6);
	done(m);
}

Test(extract, a_bullet_opening_let_s_with_a_settling_verb_is_a_decision)
{
	struct meeting *m = model(
	    "# All hands, 2025-10-06\n\n"
	    "Attendees: Ana Ruiz, Ben Cole\n\n"
	    "- 8am on Friday is tough for a lot of people\n"
	    "- Lets work out the timing in the GitHub issue\n"
	    "- Let's move on to the next item\n"
	    "- Ana: let's use the new template\n"
	    "- Let's discuss the colours offline\n"
	    "- Let's see if the designer replies\n");

	cr_assert_eq(m->ndecisions, 1, "%zu decisions", m->ndecisions);
	cr_expect_str_eq(m->decisions[0].text,
	    "Work out the timing in the GitHub issue");
	cr_expect_eq(m->decisions[0].line, 6);
	done(m);
}

/* 6,000 tasks said in prose, no two alike: the search for repeats has a
 * budget of pairs, so the notes read in linear time (without it, in 40
 * seconds). */
Test(extract, many_prose_tasks_read_in_bounded_time, .timeout = 30)
{
	struct buf b = {0};
	struct meeting *m;
	size_t i;

	buf_puts(&b, "# Notes, 2025-01-01\n\n");
	for (i = 0; i < 6000; i++)
		buf_printf(&b, "- Will fix the parser crash number %zu in "
		    "module %zu.\n", i, i * 7);
	buf_put(&b, "", 0);
	m = model(b.data);
	cr_expect_eq(m->nactions, 6000, "%zu actions", m->nactions);
	buf_free(&b);
	done(m);
}
