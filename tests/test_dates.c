/*
 * test_dates.c -- unit tests for dates.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "dates.h"

static struct date
mkdate(int y, int m, int d)
{
	struct date dt;

	dt.y = y;
	dt.m = m;
	dt.d = d;
	return dt;
}

/* Formats a date, or "-" for a failed call, for readable messages. */
static const char *
show(int rc, const struct date *dt, char *buf)
{
	if (rc != 0)
		return "-";
	date_format(dt, buf);
	return buf;
}

static void
expect_parse(const char *s, const char *want)
{
	struct date dt;
	char buf[16];
	int rc;

	rc = date_parse(s, &dt);
	cr_expect_str_eq(show(rc, &dt, buf), want, "date_parse(\"%s\")", s);
}

static void
expect_find(const char *s, const char *want)
{
	struct date dt;
	char buf[16];
	int rc;

	rc = date_find(s, &dt);
	cr_expect_str_eq(show(rc, &dt, buf), want, "date_find(\"%s\")", s);
}

/* want is "yyyy-mm-dd" or "-" for -1. */
static void
expect_due(const char *phrase, const struct date *mt, const char *want)
{
	struct date dt;
	char buf[16], mbuf[16];
	int rc;

	rc = date_resolve_due(phrase, mt, &dt);
	if (mt != NULL)
		date_format(mt, mbuf);
	else
		strcpy(mbuf, "NULL");
	cr_expect_str_eq(show(rc, &dt, buf), want,
	    "date_resolve_due(\"%s\", %s)", phrase, mbuf);
}

/*
 * Expects date_split_due() to keep text[0, strlen(kept)) and to find
 * phrase right there in the text.
 */
static void
expect_split(const char *text, const char *kept, const char *phrase)
{
	size_t cut = 0, ps = 0, pe = 0;
	int rc;

	rc = date_split_due(text, &cut, &ps, &pe);
	cr_expect_eq(rc, 0, "date_split_due(\"%s\") found nothing", text);
	if (rc != 0)
		return;
	cr_expect_eq(cut, strlen(kept), "\"%s\": cut %zu, want %zu", text,
	    cut, strlen(kept));
	cr_expect(strncmp(text, kept, strlen(kept)) == 0, "\"%s\": kept", text);
	cr_expect(ps <= pe && pe <= strlen(text), "\"%s\": bad phrase", text);
	cr_expect_eq(pe - ps, strlen(phrase), "\"%s\": phrase \"%.*s\"",
	    text, (int)(pe - ps), text + ps);
	cr_expect(strncmp(text + ps, phrase, strlen(phrase)) == 0,
	    "\"%s\": phrase \"%.*s\", want \"%s\"", text, (int)(pe - ps),
	    text + ps, phrase);
	cr_expect(cut <= ps, "\"%s\": cut after phrase", text);
}

static void
expect_no_split(const char *text)
{
	size_t cut = 99, ps = 99, pe = 99;

	cr_expect_eq(date_split_due(text, &cut, &ps, &pe), -1,
	    "date_split_due(\"%s\") took \"%.*s\"", text,
	    pe <= strlen(text) && ps <= pe ? (int)(pe - ps) : 0,
	    ps <= strlen(text) ? text + ps : "");
}

/* Calendar arithmetic. */

Test(dates, format)
{
	struct date dt = mkdate(2017, 7, 6);
	char buf[11];

	date_format(&dt, buf);
	cr_assert_str_eq(buf, "2017-07-06");
	dt = mkdate(1900, 12, 31);
	date_format(&dt, buf);
	cr_assert_str_eq(buf, "1900-12-31");
}

Test(dates, format_never_overflows)
{
	struct date dt = mkdate(-2000000000, -2000000000, 2000000000);
	char buf[16];

	memset(buf, 'x', sizeof(buf));
	date_format(&dt, buf);
	cr_assert_eq(strlen(buf), 10);
	cr_assert_eq(buf[11], 'x');
}

Test(dates, cmp)
{
	struct date a = mkdate(2017, 7, 6), b = mkdate(2017, 7, 7);
	struct date c = mkdate(2017, 8, 1), d = mkdate(2018, 1, 1);

	cr_assert_lt(date_cmp(&a, &b), 0);
	cr_assert_gt(date_cmp(&b, &a), 0);
	cr_assert_eq(date_cmp(&a, &a), 0);
	cr_assert_lt(date_cmp(&b, &c), 0);
	cr_assert_lt(date_cmp(&c, &d), 0);
	cr_assert_gt(date_cmp(&d, &a), 0);
}

Test(dates, weekday)
{
	static const struct {
		int	y, m, d, wd;
	} v[] = {
		{ 1970, 1, 1, 3 }, { 2017, 7, 6, 3 }, { 2000, 1, 1, 5 },
		{ 2024, 2, 29, 3 }, { 1900, 1, 1, 0 }, { 2199, 12, 31, 1 },
		{ 2017, 7, 3, 0 }, { 2017, 7, 9, 6 }, { 1969, 12, 31, 2 },
		{ 1600, 3, 1, 2 }
	};
	struct date dt;
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		dt = mkdate(v[i].y, v[i].m, v[i].d);
		cr_expect_eq(date_weekday(&dt), v[i].wd, "%d-%d-%d",
		    v[i].y, v[i].m, v[i].d);
	}
}

Test(dates, add_days)
{
	struct date dt;
	char buf[11];

	dt = mkdate(2017, 7, 6);
	date_add_days(&dt, 1);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2017-07-07");
	dt = mkdate(2017, 12, 31);
	date_add_days(&dt, 1);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2018-01-01");
	dt = mkdate(2024, 2, 28);
	date_add_days(&dt, 1);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2024-02-29");
	dt = mkdate(2023, 2, 28);
	date_add_days(&dt, 1);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2023-03-01");
	dt = mkdate(2024, 3, 1);
	date_add_days(&dt, -1);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2024-02-29");
	dt = mkdate(2017, 7, 6);
	date_add_days(&dt, 36525);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2117-07-07");
	dt = mkdate(2017, 7, 6);
	date_add_days(&dt, -800);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2015-04-28");
	dt = mkdate(2017, 7, 6);
	date_add_days(&dt, 0);
	date_format(&dt, buf);
	cr_expect_str_eq(buf, "2017-07-06");
}

Test(dates, add_days_round_trip)
{
	struct date dt, start = mkdate(1899, 1, 1);
	int i;

	dt = start;
	for (i = 0; i < 120000; i++) {
		struct date prev = dt;

		date_add_days(&dt, 1);
		cr_assert(date_valid(&dt));
		cr_assert_lt(date_cmp(&prev, &dt), 0);
		cr_assert_eq(date_weekday(&dt), (date_weekday(&prev) + 1) % 7);
	}
	date_add_days(&dt, -120000);
	cr_assert_eq(date_cmp(&dt, &start), 0);
}

Test(dates, valid)
{
	struct date dt;

	dt = mkdate(2024, 2, 29);
	cr_expect(date_valid(&dt));
	dt = mkdate(2000, 2, 29);
	cr_expect(date_valid(&dt));
	dt = mkdate(2023, 2, 29);
	cr_expect_not(date_valid(&dt));
	dt = mkdate(1900, 2, 29);
	cr_expect_not(date_valid(&dt));
	dt = mkdate(2017, 6, 31);
	cr_expect_not(date_valid(&dt));
	dt = mkdate(2017, 7, 31);
	cr_expect(date_valid(&dt));
	dt = mkdate(2017, 0, 1);
	cr_expect_not(date_valid(&dt));
	dt = mkdate(2017, 13, 1);
	cr_expect_not(date_valid(&dt));
	dt = mkdate(2017, 1, 0);
	cr_expect_not(date_valid(&dt));
	dt = mkdate(0, 1, 1);
	cr_expect_not(date_valid(&dt));
}

/* date_parse */

Test(dates, parse_forms)
{
	expect_parse("2017-07-06", "2017-07-06");
	expect_parse("2017/07/06", "2017-07-06");
	expect_parse("2017.07.06", "2017-07-06");
	expect_parse("2017-7-6", "2017-07-06");
	expect_parse("6 July 2017", "2017-07-06");
	expect_parse("6 july 2017", "2017-07-06");
	expect_parse("6 JULY 2017", "2017-07-06");
	expect_parse("6 Jul 2017", "2017-07-06");
	expect_parse("6 Jul. 2017", "2017-07-06");
	expect_parse("06 July 2017", "2017-07-06");
	expect_parse("6th July 2017", "2017-07-06");
	expect_parse("6th of July 2017", "2017-07-06");
	expect_parse("1st August 2017", "2017-08-01");
	expect_parse("2nd Aug 2017", "2017-08-02");
	expect_parse("3rd Aug 2017", "2017-08-03");
	expect_parse("25th Jul 2017", "2017-07-25");
	expect_parse("25-Jul-2017", "2017-07-25");
	expect_parse("10 Jan, 2023", "2023-01-10");
	expect_parse("July 6, 2017", "2017-07-06");
	expect_parse("July 6 2017", "2017-07-06");
	expect_parse("Jan 30, 2026", "2026-01-30");
	expect_parse("February 18,2020", "2020-02-18");
	expect_parse("Nov 3rd, 2020", "2020-11-03");
	expect_parse("July 07, 2020", "2020-07-07");
	expect_parse("Sept 19, 2023", "2023-09-19");
	expect_parse("Sep 19, 2023", "2023-09-19");
	expect_parse("September  3, 2025", "2025-09-03");
	expect_parse("Thursday, 6 July 2017", "2017-07-06");
	expect_parse("Thu 6 July 2017", "2017-07-06");
	expect_parse("Friday, April 12, 2019", "2019-04-12");
	expect_parse("Dec 22 & 29, 2020", "2020-12-22");
	expect_parse("6-7 July 2017", "2017-07-06");
	expect_parse("2024-01-10T14:00:00Z", "2024-01-10");
	expect_parse("2024-01-10T14:00", "2024-01-10");
	expect_parse("2024-01-10T14:00:00.123+02:00", "2024-01-10");
}

Test(dates, parse_surroundings)
{
	expect_parse("  2017-07-06  ", "2017-07-06");
	expect_parse("6 July 2017.", "2017-07-06");
	expect_parse("(6 July 2017)", "2017-07-06");
	expect_parse("**2017-07-06**", "2017-07-06");
	expect_parse("\"2017-07-06\"", "2017-07-06");
	expect_parse("\t6 July 2017,\n", "2017-07-06");
}

Test(dates, parse_leap_years)
{
	expect_parse("2024-02-29", "2024-02-29");
	expect_parse("2000-02-29", "2000-02-29");
	expect_parse("29 February 2024", "2024-02-29");
	expect_parse("2023-02-29", "-");
	expect_parse("1900-02-29", "-");
	expect_parse("2100-02-29", "-");
	expect_parse("29 Feb 2023", "-");
}

Test(dates, parse_rejects)
{
	expect_parse("", "-");
	expect_parse("   ", "-");
	expect_parse("July 2017", "-");
	expect_parse("25 July", "-");
	expect_parse("July 25", "-");
	expect_parse("2017", "-");
	expect_parse("2017-07", "-");
	expect_parse("2017-13-01", "-");
	expect_parse("2017-00-10", "-");
	expect_parse("2017-07-00", "-");
	expect_parse("2017-06-31", "-");
	expect_parse("31 June 2017", "-");
	expect_parse("June 31, 2017", "-");
	expect_parse("32 July 2017", "-");
	expect_parse("0 July 2017", "-");
	expect_parse("1899-12-31", "-");
	expect_parse("2200-01-01", "-");
	expect_parse("1 Jan 2200", "-");
	expect_parse("2017-07/06", "-");
	expect_parse("2017 - 07 - 06", "-");
	expect_parse("2017-07-06x", "-");
	expect_parse("6 July 2017 and more", "-");
	expect_parse("see 6 July 2017", "-");
	expect_parse("6 Julyish 2017", "-");
	expect_parse("6 July 17", "-");
	expect_parse("20170706", "-");
	expect_parse("2024-01-10T25", "-");
	expect_parse("TBD", "-");
}

Test(dates, parse_null)
{
	struct date dt;

	cr_assert_eq(date_parse(NULL, &dt), -1);
	cr_assert_eq(date_parse("2017-07-06", NULL), -1);
}

Test(dates, parse_leaves_out_alone_on_failure)
{
	struct date dt = mkdate(1, 2, 3);

	cr_assert_eq(date_parse("31 June 2017", &dt), -1);
	cr_assert_eq(dt.y, 1);
	cr_assert_eq(dt.m, 2);
	cr_assert_eq(dt.d, 3);
}

/* date_find */

Test(dates, find_titles)
{
	expect_find("SSR2 plenary, 6 July 2017", "2017-07-06");
	expect_find("# Kubernetes SIG Apps 2016-07-13", "2016-07-13");
	expect_find("## 2020-06-02", "2020-06-02");
	expect_find("Meeting 59 \xe2\x80\x94 Friday 5 April 2019",
	    "2019-04-05");
	expect_find("# July 13, 2016", "2016-07-13");
	expect_find("# **2024-06-25 \\- Canceled**", "2024-06-25");
	expect_find("# 2019.03.01", "2019-03-01");
	expect_find("- Date: 2019.10.17", "2019-10-17");
	expect_find("* Date: 2024-01-10T14:00:00Z", "2024-01-10");
	expect_find("### Meeting Date/Time: Friday, April 12, 2019 14:00 UTC",
	    "2019-04-12");
	expect_find("### Meeting Date/Time: Sep 12, 2024, 14:00-15:30 UTC",
	    "2024-09-12");
	expect_find("# ASWF TAC Meeting - January 27, 2021", "2021-01-27");
	expect_find("# Academy Software Foundation Technical Advisory Council "
	    "(TAC) Meeting - September  3, 2025", "2025-09-03");
	expect_find("## Dec 22 & 29, 2020 Cancelled", "2020-12-22");
	expect_find("## February 18,2020", "2020-02-18");
	expect_find("## Nov 3rd, 2020", "2020-11-03");
	expect_find("## 10 Jan, 2023 (recording)", "2023-01-10");
	expect_find("## Sept 26, 2023", "2023-09-26");
	expect_find("## April 19th, 2021 [Private Meeting]", "2021-04-19");
	expect_find("title: Triage meeting 2022-05-17", "2022-05-17");
}

Test(dates, find_file_names)
{
	expect_find("2017-07-06-ssr2-plenary.md", "2017-07-06");
	expect_find("T-compiler Meeting Agenda 2024-01-11.md", "2024-01-11");
	expect_find("corpus/real/solid-specification-2024-05-21.md",
	    "2024-05-21");
	expect_find("ipfs-team-mgmt-2016-08-29-libp2p.md", "2016-08-29");
	expect_find("notes2017-07-06.md", "2017-07-06");
	expect_find("minutes_2017_07_06.md", "2017-07-06");
	expect_find("minutes_2017-07_06.md", "-");
}

Test(dates, find_year_apart)
{
	expect_find("# WECG Meetings 2024, Public Notes, Mar 14",
	    "2024-03-14");
	expect_find("# WECG Meetings 2021, Public Notes, Aug 5", "2021-08-05");
	expect_find("# 2026 WECG London F2F, Public Notes, Apr 7",
	    "2026-04-07");
	expect_find("Notes (2024): Mar 14.", "2024-03-14");
	/* The day must end the line and the year must stand alone. */
	expect_find("Notes 2024, Mar 14 draft", "-");
	expect_find("EIP-2028 discussion, May 5", "-");
	expect_find("Release 2024.1, Mar 14", "-");
	expect_find("Notes 2024\nMar 14", "-");
	expect_find("2023 vs 2024, Mar 14", "-");
	expect_find("2024 and 2024 again, Mar 14", "2024-03-14");
	expect_find("Notes 2023, Feb 29", "-");
}

Test(dates, find_first_of_several)
{
	expect_find("2017-07-06 and 2018-01-01", "2017-07-06");
	expect_find("from 1 May 2018 to 2017-07-06", "2018-05-01");
	expect_find("2023-02-29 or rather 2024-02-29", "2024-02-29");
}

Test(dates, find_rejects)
{
	expect_find("", "-");
	expect_find("# 2024 OpenSSF TAC Meeting Notes", "-");
	expect_find("# SIG Node Meeting Notes (2020)", "-");
	expect_find("## Week 14", "-");
	expect_find("ethereum-pm-acd-059.md", "-");
	expect_find("annual-2016-31jan17-en.pdf", "-");
	expect_find("opplan-2016-2020-27jun16-en.pdf", "-");
	expect_find("version v2 May 2017", "-");
	expect_find("Python 1.5 July 2017", "-");
	expect_find("12017-07-06", "-");
	expect_find("April 17th & 18th in Berlin", "-");
	expect_find("31 June 2017", "-");
	expect_find("Mayday 5, 2017", "-");
}

Test(dates, find_null)
{
	struct date dt;

	cr_assert_eq(date_find(NULL, &dt), -1);
	cr_assert_eq(date_find("2017-07-06", NULL), -1);
}

/* date_resolve_due */

Test(dates, due_full_dates)
{
	struct date mt = mkdate(2017, 7, 6);

	expect_due("2017-07-25", &mt, "2017-07-25");
	expect_due("25 Jul 2017", &mt, "2017-07-25");
	expect_due("Jan 30, 2026", &mt, "2026-01-30");
	expect_due("2016-01-01", &mt, "2016-01-01");
	expect_due("by 2017-07-25", &mt, "2017-07-25");
	expect_due("due: 2017-07-25.", &mt, "2017-07-25");
	expect_due("Tuesday, 25 July 2017", &mt, "2017-07-25");
	/* A full date needs no meeting date. */
	expect_due("2017-07-25", NULL, "2017-07-25");
	expect_due("July 25, 2017", NULL, "2017-07-25");
	expect_due("31 June 2017", &mt, "-");
	expect_due("25 July 2250", &mt, "-");
}

Test(dates, due_day_month)
{
	struct date mt = mkdate(2017, 7, 6);

	expect_due("25 July", &mt, "2017-07-25");
	expect_due("July 25", &mt, "2017-07-25");
	expect_due("25 Jul", &mt, "2017-07-25");
	expect_due("25th July", &mt, "2017-07-25");
	expect_due("the 25th of July", &mt, "2017-07-25");
	expect_due("1 August", &mt, "2017-08-01");
	expect_due("1st Aug", &mt, "2017-08-01");
	expect_due("by March 8", &mt, "2018-03-08");
	expect_due("due 20 July", &mt, "2017-07-20");
	expect_due("before 20 July", &mt, "2017-07-20");
	expect_due("deadline: 20 July", &mt, "2017-07-20");
	expect_due("SEPT 5", &mt, "2017-09-05");
	expect_due("Friday 21 July", &mt, "2017-07-21");
	expect_due("Fri, July 21", &mt, "2017-07-21");
	expect_due("20 July EOD", &mt, "2017-07-20");
	expect_due("  25 July.  ", &mt, "2017-07-25");
	expect_due("31 June", &mt, "-");
	expect_due("32 July", &mt, "-");
	expect_due("July", &mt, "-");
	expect_due("25", &mt, "-");
}

Test(dates, due_year_rollover)
{
	struct date dec = mkdate(2017, 12, 14), jul = mkdate(2017, 7, 6);
	struct date jan = mkdate(2018, 1, 5);

	expect_due("10 January", &dec, "2018-01-10");
	expect_due("January 10", &dec, "2018-01-10");
	expect_due("20 December", &dec, "2017-12-20");
	expect_due("1 December", &dec, "2017-12-01");
	expect_due("13 November", &dec, "2017-11-13");
	expect_due("12 November", &dec, "2018-11-12");
	/* 31 days before the meeting is kept, 32 roll over. */
	expect_due("5 June", &jul, "2017-06-05");
	expect_due("4 June", &jul, "2018-06-04");
	expect_due("1 July", &jul, "2017-07-01");
	expect_due("20 December", &jan, "2018-12-20");
	expect_due("10 December", &jan, "2018-12-10");
	expect_due("5 December", &jan, "2018-12-05");
}

Test(dates, due_leap_day)
{
	struct date m1 = mkdate(2023, 12, 20), m2 = mkdate(2023, 2, 10);
	struct date m3 = mkdate(2024, 2, 1), m4 = mkdate(2024, 6, 1);

	expect_due("29 Feb", &m1, "2024-02-29");
	expect_due("29 Feb", &m2, "-");
	expect_due("29 February", &m3, "2024-02-29");
	expect_due("29 Feb", &m4, "-");
	expect_due("28 Feb", &m4, "2025-02-28");
	expect_due("30 Feb", &m3, "-");
}

Test(dates, due_weekdays_from_each_meeting_day)
{
	/* 2017-07-03 is a Monday. */
	static const char *const want_fri[7] = {
		"2017-07-07", "2017-07-07", "2017-07-07", "2017-07-07",
		"2017-07-14", "2017-07-14", "2017-07-14"
	};
	static const char *const want_mon[7] = {
		"2017-07-10", "2017-07-10", "2017-07-10", "2017-07-10",
		"2017-07-10", "2017-07-10", "2017-07-10"
	};
	static const char *const want_tue[7] = {
		"2017-07-04", "2017-07-11", "2017-07-11", "2017-07-11",
		"2017-07-11", "2017-07-11", "2017-07-11"
	};
	static const char *const want_thu[7] = {
		"2017-07-06", "2017-07-06", "2017-07-06", "2017-07-13",
		"2017-07-13", "2017-07-13", "2017-07-13"
	};
	static const char *const want_eow[7] = {
		"2017-07-07", "2017-07-07", "2017-07-07", "2017-07-07",
		"2017-07-14", "2017-07-14", "2017-07-14"
	};
	static const char *const want_next_fri[7] = {
		"2017-07-14", "2017-07-14", "2017-07-14", "2017-07-14",
		"2017-07-14", "2017-07-14", "2017-07-14"
	};
	static const char *const want_next_week[7] = {
		"2017-07-10", "2017-07-11", "2017-07-12", "2017-07-13",
		"2017-07-14", "2017-07-15", "2017-07-16"
	};
	struct date mt;
	int i;

	for (i = 0; i < 7; i++) {
		mt = mkdate(2017, 7, 3 + i);
		cr_assert_eq(date_weekday(&mt), i);
		expect_due("Friday", &mt, want_fri[i]);
		expect_due("by Friday", &mt, want_fri[i]);
		expect_due("by Fri", &mt, want_fri[i]);
		expect_due("this Friday", &mt, want_fri[i]);
		expect_due("Monday", &mt, want_mon[i]);
		expect_due("by EOD Tuesday", &mt, want_tue[i]);
		expect_due("end of day Tuesday", &mt, want_tue[i]);
		expect_due("Tuesday EOD", &mt, want_tue[i]);
		expect_due("COB tues", &mt, want_tue[i]);
		expect_due("Thursday", &mt, want_thu[i]);
		expect_due("end of week", &mt, want_eow[i]);
		expect_due("end of the week", &mt, want_eow[i]);
		expect_due("by the end of the week", &mt, want_eow[i]);
		expect_due("EOW", &mt, want_eow[i]);
		expect_due("next Friday", &mt, want_next_fri[i]);
		expect_due("Friday next week", &mt, want_next_fri[i]);
		expect_due("end of next week", &mt, want_next_fri[i]);
		expect_due("next week", &mt, want_next_week[i]);
	}
}

Test(dates, due_relative)
{
	struct date mt = mkdate(2017, 7, 6), jan31 = mkdate(2024, 1, 31);
	struct date dec = mkdate(2017, 12, 20);

	expect_due("in two weeks", &mt, "2017-07-20");
	expect_due("in 2 weeks", &mt, "2017-07-20");
	expect_due("in 3 days", &mt, "2017-07-09");
	expect_due("in a week", &mt, "2017-07-13");
	expect_due("in one week", &mt, "2017-07-13");
	expect_due("within a week", &mt, "2017-07-13");
	expect_due("in a couple of weeks", &mt, "2017-07-20");
	expect_due("in a fortnight", &mt, "2017-07-20");
	expect_due("in two weeks' time", &mt, "2017-07-20");
	expect_due("in one month", &mt, "2017-08-06");
	expect_due("in 6 months", &mt, "2018-01-06");
	expect_due("in one month", &jan31, "2024-02-29");
	expect_due("next month", &jan31, "2024-02-29");
	expect_due("in twelve days", &dec, "2018-01-01");
	expect_due("tomorrow", &mt, "2017-07-07");
	expect_due("today", &mt, "2017-07-06");
	expect_due("EOD", &mt, "2017-07-06");
	expect_due("by EOD", &mt, "2017-07-06");
	expect_due("end of day", &mt, "2017-07-06");
	expect_due("end of month", &mt, "2017-07-31");
	expect_due("EOM", &jan31, "2024-01-31");
	expect_due("end of next month", &jan31, "2024-02-29");
	expect_due("end of next month", &dec, "2018-01-31");
	expect_due("end of July", &mt, "2017-07-31");
	expect_due("end of February", &dec, "2018-02-28");
	expect_due("end of February 2024", &mt, "2024-02-29");
	expect_due("in 0 days", &mt, "-");
	expect_due("in 1000 days", &mt, "-");
	expect_due("in weeks", &mt, "-");
	expect_due("in two", &mt, "-");
}

Test(dates, due_no_day)
{
	struct date mt = mkdate(2017, 7, 6);
	static const char *const v[] = {
		"TBD", "tbd", "TBC", "ASAP", "asap.", "as soon as possible",
		"ongoing", "Ongoing", "next meeting", "the next meeting",
		"by the next meeting", "next call", "soon", ""
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		expect_due(v[i], &mt, "-");
		expect_due(v[i], NULL, "-");
	}
}

Test(dates, due_not_dates)
{
	struct date mt = mkdate(2017, 7, 6);

	expect_due("the chairs", &mt, "-");
	expect_due("Denise", &mt, "-");
	expect_due("by", &mt, "-");
	expect_due("due", &mt, "-");
	expect_due("Friday afternoon", &mt, "-");
	expect_due("next year", &mt, "-");
	expect_due("7/14", &mt, "-");
	expect_due("25 July or so", &mt, "-");
	expect_due("end of", &mt, "-");
}

Test(dates, due_without_meeting)
{
	expect_due("25 July", NULL, "-");
	expect_due("July 25", NULL, "-");
	expect_due("by Friday", NULL, "-");
	expect_due("end of week", NULL, "-");
	expect_due("next week", NULL, "-");
	expect_due("in two weeks", NULL, "-");
	expect_due("tomorrow", NULL, "-");
	expect_due("EOD", NULL, "-");
	expect_due("end of July", NULL, "-");
	expect_due("end of July 2017", NULL, "2017-07-31");
}

Test(dates, due_bad_meeting_date)
{
	struct date bad = mkdate(2017, 13, 40), out = mkdate(1, 1, 1);

	cr_assert_eq(date_resolve_due("25 July", &bad, &out), -1);
	cr_assert_eq(date_resolve_due("Friday", &bad, &out), -1);
	cr_assert_eq(date_resolve_due("end of month", &bad, &out), -1);
	cr_assert_eq(out.y, 1);
	cr_assert_eq(date_resolve_due("2017-07-25", &bad, &out), 0);
	cr_assert_eq(date_resolve_due(NULL, &bad, &out), -1);
	cr_assert_eq(date_resolve_due("2017-07-25", NULL, NULL), -1);
}

/* date_split_due */

Test(dates, split_offsets)
{
	const char *t = "Draft the plan by Friday";
	size_t cut, ps, pe;

	cr_assert_eq(date_split_due(t, &cut, &ps, &pe), 0);
	cr_assert_eq(cut, 14);
	cr_assert_eq(ps, 18);
	cr_assert_eq(pe, 24);

	t = "Review doc (due 2017-07-25).";
	cr_assert_eq(date_split_due(t, &cut, &ps, &pe), 0);
	cr_assert_eq(cut, 10);
	cr_assert_eq(ps, 16);
	cr_assert_eq(pe, 26);

	t = "Send notes \xe2\x80\x94 due 20 July";
	cr_assert_eq(date_split_due(t, &cut, &ps, &pe), 0);
	cr_assert_eq(cut, 10);
	cr_assert_eq(ps, 19);
	cr_assert_eq(pe, 26);

	t = "by Friday";
	cr_assert_eq(date_split_due(t, &cut, &ps, &pe), 0);
	cr_assert_eq(cut, 0);
	cr_assert_eq(ps, 3);
	cr_assert_eq(pe, 9);
}

Test(dates, split_introducers)
{
	expect_split("Draft the plan by Friday", "Draft the plan", "Friday");
	expect_split("Draft the plan by Friday.", "Draft the plan", "Friday");
	expect_split("Send notes due 20 July", "Send notes", "20 July");
	expect_split("Send notes due: 20 July", "Send notes", "20 July");
	expect_split("Send notes, due by 20 July", "Send notes", "20 July");
	expect_split("Send notes due by 20 July", "Send notes", "20 July");
	expect_split("Send notes before 20 July", "Send notes", "20 July");
	expect_split("Send notes deadline 20 July", "Send notes", "20 July");
	expect_split("Send notes. Deadline: 20 July", "Send notes.",
	    "20 July");
	expect_split("Send notes until 20 July", "Send notes", "20 July");
	expect_split("Send notes, 20 July", "Send notes", "20 July");
	expect_split("Send notes; 20 July", "Send notes", "20 July");
	expect_split("Send notes - 20 July", "Send notes", "20 July");
	expect_split("Send notes -- due 20 July", "Send notes", "20 July");
	expect_split("Send notes \xe2\x80\x93 20 July", "Send notes",
	    "20 July");
	expect_split("Send notes \xe2\x80\x94 due 20 July", "Send notes",
	    "20 July");
	expect_split("Send notes\xe2\x80\x94" "due 20 July", "Send notes",
	    "20 July");
	expect_split("Review doc (due 2017-07-25)", "Review doc",
	    "2017-07-25");
	expect_split("Review doc (due 2017-07-25).", "Review doc",
	    "2017-07-25");
	expect_split("Review doc [due 25 July]", "Review doc", "25 July");
	expect_split("Review doc (25 July)", "Review doc", "25 July");
	expect_split("Review doc (TBD)", "Review doc", "TBD");
	expect_split("Report back in two weeks", "Report back",
	    "in two weeks");
	expect_split("Report back within a week.", "Report back",
	    "within a week");
}

Test(dates, split_phrases)
{
	expect_split("Publish blog by 25 July", "Publish blog", "25 July");
	expect_split("Publish blog by July 25", "Publish blog", "July 25");
	expect_split("Publish blog by 25 Jul 2017", "Publish blog",
	    "25 Jul 2017");
	expect_split("Publish blog by 2017-07-25", "Publish blog",
	    "2017-07-25");
	expect_split("Publish blog by Jan 30, 2026", "Publish blog",
	    "Jan 30, 2026");
	expect_split("Publish blog by March 8", "Publish blog", "March 8");
	expect_split("@RichardLitt will stub out the website // design by "
	    "EOD Tuesday", "@RichardLitt will stub out the website // design",
	    "EOD Tuesday");
	expect_split("Finish by end of week", "Finish", "end of week");
	expect_split("Finish by the end of the week.", "Finish",
	    "the end of the week");
	expect_split("Finish by next week", "Finish", "next week");
	expect_split("Finish by EOD", "Finish", "EOD");
	expect_split("Finish by next Friday", "Finish", "next Friday");
	expect_split("Finish due in 3 days", "Finish", "in 3 days");
	expect_split("Denise to draft \xe2\x80\x94 TBD", "Denise to draft",
	    "TBD");
	expect_split("Contact registrars, ASAP", "Contact registrars",
	    "ASAP");
	expect_split("Keep the wiki current - ongoing",
	    "Keep the wiki current", "ongoing");
	expect_split("Prepare slides before the next meeting",
	    "Prepare slides", "the next meeting");
	expect_split("Prepare slides by next meeting", "Prepare slides",
	    "next meeting");
	expect_split("Fix issue 42 \xe2\x80\x94 due Friday", "Fix issue 42",
	    "Friday");
}

Test(dates, split_picks_the_trailing_phrase)
{
	expect_split("Send to chairs by email by Friday",
	    "Send to chairs by email", "Friday");
	expect_split("Draft plan, circulate by Friday",
	    "Draft plan, circulate", "Friday");
	expect_split("Send the doc to Bob, Alice, by Friday",
	    "Send the doc to Bob, Alice", "Friday");
	expect_split("Review draft by Denise, TBD", "Review draft by Denise",
	    "TBD");
	expect_split("Ask (Bob) and me (by Friday)", "Ask (Bob) and me",
	    "Friday");
	expect_split("Review (see notes) by Friday.", "Review (see notes)",
	    "Friday");
}

Test(dates, split_rejects)
{
	expect_no_split("Review draft by Denise");
	expect_no_split("Decided by the chairs");
	expect_no_split("Approved by the chairs.");
	expect_no_split("Plan due to lack of time");
	expect_no_split("Meet before the call");
	expect_no_split("Write doc by 2");
	expect_no_split("Discuss 25 July, 2017");
	expect_no_split("Send notes 20 July");
	expect_no_split("Fix stand-by Friday");
	expect_no_split("Fix (Bob to do it by Friday)");
	expect_no_split("Review doc (due 2017-07-25");
	expect_no_split("Review doc due 2017-07-25)");
	expect_no_split("Meet 10 \xe2\x80\x93 12 July");
	expect_no_split("Meet 10-12 July");
	expect_no_split("Check the x-ray by-product");
	expect_no_split("Reach out to the folks by July");
	expect_no_split("Send by 31 June");
	expect_no_split("Send notes,");
	expect_no_split("by");
	expect_no_split("");
	expect_no_split("   ...");
}

Test(dates, split_null)
{
	size_t a, b, c;

	cr_assert_eq(date_split_due(NULL, &a, &b, &c), -1);
	cr_assert_eq(date_split_due("x by Friday", NULL, &b, &c), -1);
}

Test(dates, split_long_text)
{
	size_t n = 100000, cut, ps, pe;
	char *t = malloc(n + 32);

	cr_assert_not_null(t);
	memset(t, 'a', n);
	memcpy(t + n, " by 25 July", 12);
	cr_assert_eq(date_split_due(t, &cut, &ps, &pe), 0);
	cr_assert_eq(cut, n);
	cr_assert_eq(ps, n + 4);
	cr_assert_eq(pe, n + 11);
	free(t);
}

/* Hostile input: nothing may crash, hang or report an invalid date. */

static uint32_t
rnd(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static void
poke(const char *s)
{
	struct date dt, mt = mkdate(2017, 7, 6);
	size_t cut, ps, pe, n = strlen(s);

	if (date_parse(s, &dt) == 0)
		cr_assert(date_valid(&dt), "date_parse(\"%s\")", s);
	if (date_find(s, &dt) == 0)
		cr_assert(date_valid(&dt), "date_find(\"%s\")", s);
	if (date_resolve_due(s, &mt, &dt) == 0)
		cr_assert(date_valid(&dt), "date_resolve_due(\"%s\")", s);
	if (date_resolve_due(s, NULL, &dt) == 0)
		cr_assert(date_valid(&dt), "date_resolve_due(\"%s\")", s);
	if (date_split_due(s, &cut, &ps, &pe) == 0)
		cr_assert(cut <= ps && ps < pe && pe <= n, "split(\"%s\")", s);
}

Test(dates, hostile_random_tokens)
{
	static const char *const piece[] = {
		" ", "  ", ",", ".", "-", "/", ":", "(", ")", "[", "]", "&",
		"'", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2", "\xe2\x80", "\xc2",
		"\xc2\xa0", "\xff", "\x80", "\t", "\n", "0", "1", "7", "12",
		"29", "31", "2017", "2024", "1899", "2200", "99999999999",
		"st", "th", "of", "by", "due", "the", "in", "a", "couple",
		"weeks", "days", "month", "next", "end", "week", "EOD", "TBD",
		"July", "feb", "Sept", "Friday", "thu", "T", "Z", "+", "and"
	};
	const size_t np = sizeof(piece) / sizeof(piece[0]);
	char buf[256];
	uint32_t seed = 12345;
	int i, k, len;

	for (i = 0; i < 20000; i++) {
		buf[0] = '\0';
		len = (int)(rnd(&seed) % 12);
		for (k = 0; k < len; k++) {
			const char *p = piece[rnd(&seed) % np];

			if (strlen(buf) + strlen(p) + 1 > sizeof(buf))
				break;
			strcat(buf, p);
		}
		poke(buf);
	}
}

Test(dates, hostile_random_bytes)
{
	char buf[64];
	uint32_t seed = 777;
	int i, k, len;

	for (i = 0; i < 20000; i++) {
		len = (int)(rnd(&seed) % 63);
		for (k = 0; k < len; k++) {
			buf[k] = (char)(rnd(&seed) & 0xff);
			if (buf[k] == '\0')
				buf[k] = ' ';
		}
		buf[len] = '\0';
		poke(buf);
	}
}

static char *
repeat(const char *unit, size_t times)
{
	size_t n = strlen(unit), i;
	char *s = malloc(n * times + 1);

	cr_assert_not_null(s);
	for (i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	s[n * times] = '\0';
	return s;
}

Test(dates, hostile_long_inputs, .timeout = 10)
{
	static const char *const unit[] = {
		"1 ", "by ", "due by ", ", ", " - ", "July ", "25 July ",
		"in ", "(", "a", " ", "2017-", "2017-07-", "end of ",
		"\xe2\x80\x94", "1st of ", "Dec 22 & "
	};
	size_t i;
	char *s;

	for (i = 0; i < sizeof(unit) / sizeof(unit[0]); i++) {
		s = repeat(unit[i], 200000 / strlen(unit[i]));
		poke(s);
		free(s);
	}
}
