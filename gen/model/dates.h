/*
 * dates.h -- calendar dates as meeting notes write them.
 */
#ifndef MINUTES_DATES_H
#define MINUTES_DATES_H

#include <stddef.h>

struct date {
	int	y;	/* 4-digit year */
	int	m;	/* 1..12 */
	int	d;	/* 1..31, valid for the month */
};

/*
 * Parses s, which must be a date and nothing else (surrounding white space
 * and punctuation such as a trailing '.' aside): ISO "2017-07-06",
 * "6 July 2017", "July 6, 2017", "Jan 30, 2026", "6th July 2017",
 * "Thursday, 6 July 2017", "2017/07/06".  Returns 0 and fills *out, or -1.
 * Also accepted: "2017.07.06", "2017_07_06", "25-Jul-2017", "10 Jan, 2023",
 * "6th of July 2017", "Sept 19, 2023", a span "Dec 22 & 29, 2020" (its
 * first day) and an ISO date-time "2024-01-10T14:00:00Z" (its date).  Month
 * and weekday names are English, in full or by three letters, in any case;
 * a weekday is not checked against the date.  Years must lie in 1900..2199.
 */
int	date_parse(const char *s, struct date *out);

/*
 * Finds the first full date (with a year) anywhere in text, such as a title
 * "SSR2 plenary, 6 July 2017" or a file name "2017-07-06-plenary.md".
 * Returns 0 and fills *out, or -1.
 * Failing that, a one-line text that ends in a day and month and holds one
 * year standing alone elsewhere, "WECG Meetings 2024, Public Notes, Mar 14",
 * gives that day of that year.
 */
int	date_find(const char *text, struct date *out);

/*
 * Resolves a due-date phrase against the meeting date (NULL if unknown):
 * ISO dates; "25 July" / "July 25" / "25 Jul 2017" (a missing year comes from
 * the meeting date, and rolls over to the next year when the day would fall
 * more than 31 days before the meeting); "Jan 30, 2026"; "by March 8";
 * weekday phrases "by Friday", "by EOD Tuesday", "Tuesday" (the first such
 * day after the meeting); "end of week" (the Friday of the meeting's week,
 * or the next one); "in two weeks" / "in 3 days" / "next week" (relative to
 * the meeting).  Returns 0 and fills *out when the phrase names a day; -1
 * when it is text that names no day ("TBD", "ASAP", "ongoing",
 * "next meeting"), or when a relative phrase has no meeting date.
 *
 * In detail, after leading "due", "by", "before", "deadline", "until", ":"
 * and "the": "the first such day after" means strictly after, so "Friday"
 * from a Friday meeting is a week later; "EOD Tuesday", "Tuesday EOD",
 * "COB Tuesday" are Tuesday; "this Friday" is "Friday"; "next Friday" and
 * "Friday next week" are the Friday of the week after the meeting's (weeks
 * run Monday to Sunday).  "End of week", "end of the week", "EOW" and
 * "this week" are the Friday of the meeting's week for a meeting Monday to
 * Thursday, else the next Friday; "end of next week" is the Friday of the
 * week after the meeting's.  "Next week" is 7 days after the meeting,
 * "next month" the same day a month later (clamped to the month's end, as
 * for "in one month"); "in N days|weeks|fortnights|months" and "within
 * ..." count N as digits, "a", "an", "one".."twelve" or "a couple of".
 * "Today", "EOD" and "end of day" are the meeting day, "tomorrow" the day
 * after; "end of month"/"EOM" the meeting month's last day, "end of July"
 * July's last day (the year as for "25 July").  A missing year that names
 * no day that year ("29 February" in 2023) gives -1.  No-day phrases are
 * "TBD", "TBC", "TBA", "ASAP", "as soon as possible", "ongoing", "soon",
 * "next meeting", "next call", "next time".
 */
int	date_resolve_due(const char *phrase, const struct date *meeting,
	    struct date *out);

/*
 * Looks for a due-date phrase at the end of an action text, introduced by
 * "due", "by", "before", "deadline", an em dash or a comma ("Draft the plan
 * by Friday", "Send notes — due 20 July", "Review doc (due 2017-07-25)").
 * Returns 0 and sets [*cut, len) to the part to remove from the text
 * (including the introducing word and punctuation) and [*ps, *pe) to the
 * phrase itself (without "due"/"by"), or -1 when there is none.
 * Only phrases that date_resolve_due() accepts, or the words TBD, ASAP,
 * ongoing, "next meeting", "end of week" and "EOD", are recognised, so that
 * "by the chairs" is never taken for a date.
 *
 * In detail: the introducers are the words "due", "by", "before",
 * "deadline", "until" (each may be followed by more of them, "on" and ':',
 * as in "due: by"), a ',' or ';', a '-', "--" or en dash with white space
 * on both sides, an em dash, and a '(' or '[' whose closing bracket ends
 * the text; a dash between numbers ("Meet 10 - 12 July") is a span and
 * introduces nothing.  "in"/"within" introduce themselves ("Report back
 * in two weeks" cuts " in two weeks").  *cut is moved back over white
 * space, so text[0, *cut) is the action without trailing white space;
 * trailing '.', ';' and '!' after the phrase belong to the cut, but are not
 * part of [*ps, *pe).  Only the last 96 bytes of the text are searched; the
 * leftmost introducer there whose phrase is recognised wins, so ", due by
 * 25 July" is cut whole and [*ps, *pe) is "25 July".  A phrase that merely
 * needs a meeting date counts as recognised.
 */
int	date_split_due(const char *text, size_t *cut, size_t *ps, size_t *pe);

/* Writes "yyyy-mm-dd" into buf (at least 11 bytes). */
void	date_format(const struct date *, char *buf);
/* <0, 0, >0 as a is before, equal to or after b. */
int	date_cmp(const struct date *a, const struct date *b);
/* Adds n days (n may be negative). */
void	date_add_days(struct date *, int n);
/* 0 = Monday .. 6 = Sunday. */
int	date_weekday(const struct date *);
/* Returns 1 when the fields name a real day of a year 1..9999, else 0. */
int	date_valid(const struct date *);

#endif
