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
 */
int	date_parse(const char *s, struct date *out);

/*
 * Finds the first full date (with a year) anywhere in text, such as a title
 * "SSR2 plenary, 6 July 2017" or a file name "2017-07-06-plenary.md".
 * Returns 0 and fills *out, or -1.
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

#endif
