/*
 * test_validate.c -- unit tests for validate_meeting(): every diagnostic
 * of the model check, with its line, column and detail.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "extract.h"
#include "helpers.h"
#include "validate.h"
#include "notes.h"
#include "util.h"

static struct diags vd;

static struct meeting *
check(const char *notes)
{
	diags_free(&vd);
	return test_notes_as("v.md", notes, &vd);
}

static void
finish(struct meeting *m)
{
	meeting_free(m);
	diags_free(&vd);
}

/* The detail of the diagnostic id at line:col, or NULL when absent. */
static const char *
detail(enum diag_id id, int line, int col)
{
	size_t i;

	for (i = 0; i < vd.n; i++)
		if (vd.v[i].id == id && vd.v[i].line == line &&
		    vd.v[i].col == col)
			return vd.v[i].detail != NULL ? vd.v[i].detail : "";
	return NULL;
}

static size_t
count(enum diag_id id)
{
	size_t i, n = 0;

	for (i = 0; i < vd.n; i++)
		n += vd.v[i].id == id;
	return n;
}

static const char head[] =
    "---\n"				/* 1 */
    "date: 2026-04-16\n"		/* 2 */
    "chairs: [Wendy Archer]\n"		/* 3 */
    "attendees: [Wendy Archer, Felix Braun, Nkechi Obi]\n"	/* 4 */
    "apologies: [Rosa Kimura]\n"	/* 5 */
    "---\n";				/* 6 */

static struct meeting *
check_body(const char *body)
{
	char *notes = xasprintf("%s%s", head, body);
	struct meeting *m = check(notes);

	free(notes);
	return m;
}

Test(validate, action_without_owner)
{
	struct meeting *m = check_body(
	    "ACTION: Update the advisory template\n");	/* 7 */
	const char *d = detail(MTG_D_NO_OWNER, 7, 9);

	cr_assert_not_null(d);
	cr_expect_str_eq(d, "\"Update the advisory template\"");
	finish(m);
}

Test(validate, due_that_is_no_date)
{
	struct meeting *m = check_body(
	    "ACTION: Felix to chase the vendor — due whenever\n"	/* 7 */
	    "- [ ] Decide on a vendor @Felix Braun due 31 February\n"	/* 8 */
	    "ACTION: Nkechi to fix it — due TBD\n"		/* 9 */
	    "ACTION: Nkechi to ship it — due next meeting\n"	/* 10 */
	    "ACTION: Nkechi to test it — due ASAP\n");		/* 11 */
	const char *d = detail(MTG_D_DUE_NOT_DATE, 7, 9);

	cr_assert_not_null(d);
	cr_expect_str_eq(d, "whenever");
	d = detail(MTG_D_DUE_NOT_DATE, 8, 7);
	cr_assert_not_null(d);
	cr_expect_str_eq(d, "31 February");
	cr_expect_eq(count(MTG_D_DUE_NOT_DATE), 2);
	finish(m);
}

Test(validate, due_before_the_meeting)
{
	struct meeting *m = check_body(
	    "ACTION: Nkechi to publish the advisory — due 2026-04-01\n"	/* 7 */
	    "- [ ] Rotate the key @Wendy Archer due yesterday\n"	/* 8 */
	    "- [x] Close the ticket @Felix Braun due 2026-04-02\n"	/* 9 */
	    "ACTION: Felix to patch — due 2026-04-16\n");		/* 10 */
	const char *d = detail(MTG_D_DUE_BEFORE, 7, 9);

	cr_assert_not_null(d);
	cr_expect_str_eq(d, "2026-04-01 is before 2026-04-16");
	d = detail(MTG_D_DUE_BEFORE, 8, 7);
	cr_assert_not_null(d);
	cr_expect_str_eq(d, "yesterday (2026-04-15) is before 2026-04-16");
	/* Done, or due on the day: nothing to say. */
	cr_expect_eq(count(MTG_D_DUE_BEFORE), 2);
	finish(m);
}

Test(validate, owner_unknown_and_owner_with_apologies)
{
	struct meeting *m = check_body(
	    "ACTION: Quentin Marsh to confirm the date\n"	/* 7 */
	    "ACTION: Rosa to review the backport\n"		/* 8 */
	    "ACTION: Wendy and ICANN Org to sign\n"		/* 9 */
	    "ACTION: All to read the report\n");		/* 10 */
	const char *d = detail(MTG_D_OWNER_UNKNOWN, 7, 9);

	cr_assert_not_null(d);
	cr_expect_str_eq(d, "Quentin Marsh");
	d = detail(MTG_D_OWNER_APOLOGY, 8, 9);
	cr_assert_not_null(d);
	cr_expect_str_eq(d, "Rosa Kimura");
	cr_expect_eq(count(MTG_D_OWNER_UNKNOWN), 1);
	cr_expect_eq(count(MTG_D_OWNER_APOLOGY), 1);
	finish(m);
}

Test(validate, ambiguous_short_name)
{
	struct meeting *m = check(
	    "Present: Eric Osterweil, Eric Schmidt\n\n"
	    "ACTION: Eric to review the text\n");		/* 3 */
	const char *d = detail(MTG_D_OWNER_UNKNOWN, 3, 9);

	cr_assert_not_null(d);
	cr_expect_str_eq(d, "Eric (fits several people)");
	finish(m);
}

Test(validate, owners_unchecked_without_any_list_of_people)
{
	struct meeting *m = check("Date: 2019-10-17\n\n"
	    "- [ ] boats to comment on #64273\n");

	cr_expect_eq(m->nactions, 1);
	cr_expect_eq(count(MTG_D_OWNER_UNKNOWN), 0);
	finish(m);
}

Test(validate, table_without_owner_column)
{
	struct meeting *m = check_body(
	    "\n"					/* 7 */
	    "| Action | Due |\n"			/* 8 */
	    "|---|---|\n"				/* 9 */
	    "| Circulate the policy | 2026-04-22 |\n");	/* 10 */
	const char *d = detail(MTG_D_TABLE_NO_OWNER, 8, 2);

	cr_assert_not_null(d);
	cr_expect_str_eq(d, "\"Action\"");
	cr_expect_not_null(detail(MTG_D_NO_OWNER, 10, 2));
	finish(m);
}

Test(validate, no_date)
{
	struct meeting *m = check("# Design review\n\nPresent: Ann Lee\n\n"
	    "ACTION: Ann to ask support — due 30 April\n");

	cr_expect_not_null(detail(MTG_D_NO_DATE, 1, 1));
	/* "30 April" needs the meeting's year; the missing date is the
	 * problem, said once. */
	cr_expect_eq(count(MTG_D_DUE_NOT_DATE), 0);
	cr_expect_str_eq(m->actions[0].id, "undated-1");
	finish(m);
}

Test(validate, multi_meeting_note)
{
	struct meeting *m = check(
	    "# Notes 2021\n\n"
	    "## Dec 13, 2021 [Private Meeting]\n\n"	/* 3 */
	    "Attendees: Bob Killen\n\n"
	    "## Dec 6, 2021\n\nAttendees: Paris Pittman\n");
	const char *d = detail(MTG_D_MULTI_MEETING, 3, 1);

	cr_assert_not_null(d);
	cr_expect_str_eq(d, "2 meetings");
	cr_expect_eq(diag_level(MTG_D_MULTI_MEETING), MTG_NOTE);
	finish(m);
}

Test(validate, no_convention)
{
	struct meeting *m = check("# Garden club, 3 March 2026\n\nTulips.\n");

	cr_expect_not_null(detail(MTG_D_NO_CONVENTION, 1, 1));
	cr_expect_eq(count(MTG_D_NO_DATE), 0);
	finish(m);
	m = check("# Garden club, 3 March 2026\n\nPresent: Kate Lee\n");
	cr_expect_eq(count(MTG_D_NO_CONVENTION), 0);
	finish(m);
}

Test(validate, clean_notes_are_clean)
{
	struct meeting *m = check_body(
	    "ACTION: Felix to patch the parser — due 20 April\n"
	    "- [ ] Review the backport @Nkechi Obi due 2026-04-30\n"
	    "DECISION: Ship on Tuesday.\n");

	cr_expect_eq(vd.n, 0, "%zu diagnostics", vd.n);
	finish(m);
}

Test(validate, null_model_is_safe)
{
	diags_init(&vd, "v.md");
	validate_meeting(NULL, &vd);
	extract_meeting(NULL, &vd);
	cr_expect_eq(vd.n, 0);
	diags_free(&vd);
}
