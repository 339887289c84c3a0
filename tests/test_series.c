/*
 * test_series.c -- the series across meetings: actions.ics read back by
 * libical (every VTODO, stable UIDs, SEQUENCE growing with a change), and
 * the shell checks of tests/check-series.sh (byte-stable builds, --as-of,
 * minutes next, actions.csv through LibreOffice Calc).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <libical/ical.h>

#include "helpers.h"
#include "util.h"

/* Builds the notes of inputs into a new folder; returns its actions.ics. */
static char *
build_ics(const char *inputs, char **dir)
{
	char *args, *out, *err, *path, *ics;
	size_t len;

	*dir = test_tmpdir();
	args = xasprintf("build -q -o %s/out %s", *dir, inputs);
	cr_assert_leq(test_run(args, &out, &err), 1, "%s", err);
	path = xasprintf("%s/out/actions.ics", *dir);
	cr_assert_eq(file_read(path, &ics, &len), 0);
	free(args);
	free(out);
	free(err);
	free(path);
	return ics;
}

/* The SEQUENCE of the VTODO whose UID starts with uid, or -1. */
static int
sequence_of(icalcomponent *cal, const char *uid)
{
	icalcomponent *c;

	for (c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT))
		if (strncmp(icalcomponent_get_uid(c), uid, strlen(uid)) == 0)
			return icalcomponent_get_sequence(c);
	return -1;
}

Test(series, ics_read_by_libical)
{
	char *dir, *ics = build_ics("tests/series/review", &dir), *again, *d2;
	icalcomponent *cal, *c;
	size_t n = 0;

	cal = icalparser_parse_string(ics);
	cr_assert_not_null(cal, "libical cannot parse actions.ics");
	cr_expect_eq(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	cr_expect_eq(icalcomponent_count_errors(cal), 0,
	    "libical reports errors in actions.ics");
	for (c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT)) {
		cr_expect_not_null(icalcomponent_get_uid(c));
		cr_expect_not_null(icalcomponent_get_summary(c));
		n++;
	}
	/* One VTODO per action of the register. */
	cr_expect_eq(n, test_count(ics, strlen(ics), "BEGIN:VTODO"));
	cr_expect_eq(n, 14);
	/* Moved and re-owned in the second meeting; closed in the first. */
	cr_expect_eq(sequence_of(cal, "2024-03-07-4@infra-wg"), 1);
	cr_expect_eq(sequence_of(cal, "12.3@infra-wg"), 1);

	/* The same UIDs from a second build; from the first meeting alone
	 * the same action, not yet changed, has the lower SEQUENCE. */
	again = build_ics("tests/series/review", &d2);
	cr_expect_str_eq(again, ics, "two builds give different actions.ics");
	free(again);
	test_rmtree(d2);
	free(d2);
	again = build_ics("tests/series/review/b-first.md", &d2);
	icalcomponent_free(cal);
	cal = icalparser_parse_string(again);
	cr_assert_not_null(cal);
	cr_expect_eq(sequence_of(cal, "2024-03-07-4@infra-wg"), 0);
	cr_expect_eq(sequence_of(cal, "12.3@infra-wg"), 0);
	icalcomponent_free(cal);
	free(again);
	test_rmtree(d2);
	free(d2);
	free(ics);
	test_rmtree(dir);
	free(dir);
}

Test(series, shell_checks, .timeout = 400)
{
	cr_assert_eq(system("sh tests/check-series.sh"), 0);
}
