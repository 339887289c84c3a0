/*
 * dates.c -- calendar dates as meeting notes write them.
 *
 * Text is UTF-8 read with ASCII-only character classes, so nothing here
 * depends on the locale.  A small lexer cuts text into numbers, ASCII
 * words and punctuation; every pattern looks a bounded number of tokens
 * ahead, so scanning a text costs time linear in its length, and no
 * function reads a byte outside the text it is given.
 */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "util.h"

#define YEAR_MIN	1900	/* a year written in text must lie in */
#define YEAR_MAX	2199	/* YEAR_MIN..YEAR_MAX */
#define NUM_CAP		1000000	/* numbers stop growing here */
#define COUNT_MAX	999	/* largest N in "in N days" */
#define DUE_WINDOW	96	/* bytes at the end of an action searched */

/* Values of T_PUNCT tokens that are not ASCII. */
#define CP_ENDASH	0x2013
#define CP_EMDASH	0x2014
#define CP_OTHER	0xfffd

enum tkind {
	T_END,
	T_NUM,
	T_WORD,
	T_PUNCT
};

struct tok {
	enum tkind	 kind;
	size_t		 off;	/* first byte, as an offset into the text */
	size_t		 len;	/* length in bytes */
	int		 val;	/* T_NUM: value (capped); T_PUNCT: character */
	int		 sp;	/* follows white space or starts the text */
};

struct text {
	const char	*s;
	size_t		 n;	/* only s[0..n) is ever read */
};

enum due_kind {
	DUE_NODAY,	/* names no day: TBD, ASAP, next meeting */
	DUE_DATE,	/* a full date */
	DUE_DAYMONTH,	/* day and month, the year from the meeting */
	DUE_MONTHEND,	/* last day of a month, the year from the meeting */
	DUE_WEEKDAY,	/* first such weekday after the meeting */
	DUE_NEXTWEEKDAY, /* that weekday in the week after the meeting's */
	DUE_EOW,	/* a Friday: n = 0 end of week, 1 end of next week */
	DUE_EOM,	/* last day of the month n months after the meeting's */
	DUE_DAYS,	/* n days after the meeting */
	DUE_MONTHS	/* the same day n months after the meeting */
};

struct due {
	enum due_kind	 kind;
	struct date	 date;	/* DUE_DATE */
	int		 m;	/* month: DUE_DAYMONTH, DUE_MONTHEND */
	int		 d;	/* day: DUE_DAYMONTH */
	int		 n;	/* weekday 0..6 (Monday 0), or a count */
};

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const wday_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

static const char *const count_names[12] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve"
};

/* Phrases that stand for a due date but name no day. */
static const char *const noday_phrases[] = {
	"tbd", "tbc", "tba", "asap", "as soon as possible", "ongoing",
	"soon", "next meeting", "next call", "next time"
};

/* Phrases meaning the end of the working day. */
static const char *const eod_phrases[] = {
	"eod", "cob", "eob", "end of day", "end of the day",
	"close of business", "end of business"
};

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/*
 * Returns 1 when s[off] starts the text or follows white space (ASCII or
 * a no-break space), else 0.
 */
static int
space_before(const struct text *tx, size_t off)
{
	const unsigned char *u = (const unsigned char *)tx->s;

	if (off == 0 || is_space(u[off - 1]))
		return 1;
	return off >= 2 && u[off - 2] == 0xc2 && u[off - 1] == 0xa0;
}

/* Returns 1 when s[off] is white space (ASCII or a no-break space). */
static int
space_at(const struct text *tx, size_t off)
{
	const unsigned char *u = (const unsigned char *)tx->s;

	if (off >= tx->n)
		return 0;
	return is_space(u[off]) ||
	    (u[off] == 0xc2 && off + 1 < tx->n && u[off + 1] == 0xa0);
}

/*
 * Reads the token at or after pos (white space skipped) into *t and
 * returns the offset just past it; at the end of the text t->kind is
 * T_END and the offset is tx->n.  A run of digits is one T_NUM, a run of
 * ASCII letters one T_WORD; anything else is one T_PUNCT per character,
 * a UTF-8 sequence counting as one character.
 */
static size_t
lex(const struct text *tx, size_t pos, struct tok *t)
{
	const unsigned char *u = (const unsigned char *)tx->s;
	size_t p = pos, k;

	while (p < tx->n) {
		if (is_space(u[p]))
			p++;
		else if (u[p] == 0xc2 && p + 1 < tx->n && u[p + 1] == 0xa0)
			p += 2;
		else
			break;
	}
	t->off = p;
	t->len = 0;
	t->val = 0;
	t->sp = space_before(tx, p);
	if (p >= tx->n) {
		t->kind = T_END;
		return p;
	}
	k = p;
	if (ascii_digit(u[k])) {
		t->kind = T_NUM;
		for (; k < tx->n && ascii_digit(u[k]); k++)
			if (t->val < NUM_CAP)
				t->val = t->val * 10 + (u[k] - '0');
	} else if (ascii_alpha(u[k])) {
		t->kind = T_WORD;
		while (k < tx->n && ascii_alpha(u[k]))
			k++;
	} else {
		t->kind = T_PUNCT;
		t->val = u[k++];
		if (t->val >= 0x80) {
			while (k < tx->n && k - p < 4 && (u[k] & 0xc0) == 0x80)
				k++;
			if (k - p == 3 && u[p] == 0xe2 && u[p + 1] == 0x80 &&
			    u[p + 2] == 0x93)
				t->val = CP_ENDASH;
			else if (k - p == 3 && u[p] == 0xe2 &&
			    u[p + 1] == 0x80 && u[p + 2] == 0x94)
				t->val = CP_EMDASH;
			else
				t->val = CP_OTHER;
		}
	}
	t->len = k - p;
	return k;
}

/* Returns 1 when nothing but white space is left from pos on. */
static int
at_end(const struct text *tx, size_t pos)
{
	struct tok t;

	(void)lex(tx, pos, &t);
	return t.kind == T_END;
}

/* Returns 1 when t is the word w[0..n) (lower case), case aside. */
static int
word_is_n(const struct text *tx, const struct tok *t, const char *w,
    size_t n)
{
	size_t i;

	if (t->kind != T_WORD || t->len != n)
		return 0;
	for (i = 0; i < n; i++)
		if (ascii_lower((unsigned char)tx->s[t->off + i]) != w[i])
			return 0;
	return 1;
}

static int
word_is(const struct text *tx, const struct tok *t, const char *w)
{
	return word_is_n(tx, t, w, strlen(w));
}

/*
 * Consumes the words of phrase (lower case, single spaces between) when
 * they all come next, moving *pos past them; returns 1 if it did, else 0
 * with *pos untouched.
 */
static int
eat_words(const struct text *tx, size_t *pos, const char *phrase)
{
	struct tok t;
	const char *w = phrase;
	size_t p = *pos, e, k;

	/* Phrases are tried by the dozen: first see whether the next
	 * letter is the phrase's, before lexing anything. */
	while (p < tx->n && (is_space((unsigned char)tx->s[p]) ||
	    (tx->s[p] == '\xc2' && p + 1 < tx->n &&
	    tx->s[p + 1] == '\xa0')))
		p += is_space((unsigned char)tx->s[p]) ? 1 : 2;
	if (*w != '\0' && (p >= tx->n ||
	    ascii_lower((unsigned char)tx->s[p]) != *w))
		return 0;
	while (*w != '\0') {
		k = strcspn(w, " ");
		e = lex(tx, p, &t);
		if (!word_is_n(tx, &t, w, k))
			return 0;
		p = e;
		w += k;
		if (*w == ' ')
			w++;
	}
	*pos = p;
	return 1;
}

/* Like eat_words() for the first of n phrases that matches. */
static int
eat_any(const struct text *tx, size_t *pos, const char *const *v,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (eat_words(tx, pos, v[i]))
			return 1;
	return 0;
}

/*
 * Consumes the punctuation character c (a CP_* value or an ASCII byte),
 * which must follow *pos directly when adjacent is set; returns 1 if it
 * did.
 */
static int
eat_punct(const struct text *tx, size_t *pos, int c, int adjacent)
{
	struct tok t;
	size_t e;

	e = lex(tx, *pos, &t);
	if (t.kind != T_PUNCT || t.val != c || (adjacent && t.off != *pos))
		return 0;
	*pos = e;
	return 1;
}

static int
is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Returns the number of days in month m of year y, 0 for a bad month. */
static int
days_in_month(long long y, int m)
{
	static const int dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && is_leap(y))
		return 29;
	return dim[m - 1];
}

/*
 * Returns the number of days from 1970-01-01 to y-m-d in the proleptic
 * Gregorian calendar (H. Hinnant's algorithm); fields out of range are
 * carried arithmetically.
 */
static long long
days_from_civil(long long y, long long m, long long d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil(). */
static void
civil_from_days(long long z, struct date *dt)
{
	long long era, doe, yoe, doy, mp, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	m = mp < 10 ? mp + 3 : mp - 9;
	dt->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	dt->m = (int)m;
	dt->y = (int)(yoe + era * 400 + (m <= 2));
}

static long long
date_days(const struct date *dt)
{
	return days_from_civil(dt->y, dt->m, dt->d);
}

/*
 * Fills *out with y-m-d and returns 1 when that is a day of the calendar
 * and y lies in YEAR_MIN..YEAR_MAX; else returns 0.
 */
static int
make_date(int y, int m, int d, struct date *out)
{
	if (y < YEAR_MIN || y > YEAR_MAX || d < 1 ||
	    d > days_in_month(y, m))
		return 0;
	out->y = y;
	out->m = m;
	out->d = d;
	return 1;
}

/* Returns 1..12 when t names a month (in full, by 3 letters or "Sept"). */
static int
month_of(const struct text *tx, const struct tok *t)
{
	int i;

	/* Every word of a text is tried: a month name has 3 ("may") to 9
	 * ("september") letters, and begins with one of j f m a s o n d. */
	if (t->kind != T_WORD || t->len < 3 || t->len > 9 ||
	    strchr("jfmasond", ascii_lower((unsigned char)tx->s[t->off])) ==
	    NULL)
		return 0;
	for (i = 0; i < 12; i++)
		if (word_is(tx, t, month_names[i]) ||
		    word_is_n(tx, t, month_names[i], 3))
			return i + 1;
	if (word_is(tx, t, "sept"))
		return 9;
	return 0;
}

/* Returns 0..6 (Monday 0) when t names a weekday, else -1. */
static int
wday_of(const struct text *tx, const struct tok *t)
{
	int i;

	/* 3 ("mon") to 9 ("wednesday") letters, from m t w f s. */
	if (t->kind != T_WORD || t->len < 3 || t->len > 9 ||
	    strchr("mtwfs", ascii_lower((unsigned char)tx->s[t->off])) == NULL)
		return -1;
	for (i = 0; i < 7; i++)
		if (word_is(tx, t, wday_names[i]) ||
		    word_is_n(tx, t, wday_names[i], 3))
			return i;
	if (word_is(tx, t, "tues"))
		return 1;
	if (word_is(tx, t, "weds"))
		return 2;
	if (word_is(tx, t, "thur") || word_is(tx, t, "thurs"))
		return 3;
	return -1;
}

/* Consumes a month name and a '.' after it; returns 1..12, or 0. */
static int
m_month(const struct text *tx, size_t *pos)
{
	struct tok t;
	size_t e;
	int m;

	e = lex(tx, *pos, &t);
	if ((m = month_of(tx, &t)) == 0)
		return 0;
	(void)eat_punct(tx, &e, '.', 1);
	*pos = e;
	return m;
}

/*
 * Consumes a weekday name, a '.' after it and then a ','; returns 0..6,
 * or -1.
 */
static int
m_weekday(const struct text *tx, size_t *pos)
{
	struct tok t;
	size_t e;
	int wd;

	e = lex(tx, *pos, &t);
	if ((wd = wday_of(tx, &t)) < 0)
		return -1;
	(void)eat_punct(tx, &e, '.', 1);
	(void)eat_punct(tx, &e, ',', 0);
	*pos = e;
	return wd;
}

/*
 * Consumes a day of the month, one or two digits with an optional
 * ordinal suffix ("25th"); returns 1..31, or 0.
 */
static int
m_day1(const struct text *tx, size_t *pos)
{
	struct tok t, u;
	size_t e, f;

	e = lex(tx, *pos, &t);
	if (t.kind != T_NUM || t.len > 2 || t.val < 1 || t.val > 31)
		return 0;
	f = lex(tx, e, &u);
	if (u.off == e && (word_is(tx, &u, "st") || word_is(tx, &u, "nd") ||
	    word_is(tx, &u, "rd") || word_is(tx, &u, "th")))
		e = f;
	*pos = e;
	return t.val;
}

/*
 * Consumes a day of the month, or a span of days ("22 & 29", "6-7",
 * "17th and 18th"), of which the first counts; returns 1..31, or 0.
 */
static int
m_day(const struct text *tx, size_t *pos)
{
	size_t p = *pos, q;
	int d;

	if ((d = m_day1(tx, &p)) == 0)
		return 0;
	q = p;
	if ((eat_punct(tx, &q, '&', 0) || eat_punct(tx, &q, '-', 0) ||
	    eat_punct(tx, &q, CP_ENDASH, 0) || eat_words(tx, &q, "and") ||
	    eat_words(tx, &q, "to")) && m_day1(tx, &q) != 0)
		p = q;
	*pos = p;
	return d;
}

/* Consumes a four-digit year in YEAR_MIN..YEAR_MAX; returns it, or 0. */
static int
m_year(const struct text *tx, size_t *pos)
{
	struct tok t;
	size_t e;

	e = lex(tx, *pos, &t);
	if (t.kind != T_NUM || t.len != 4 || t.val < YEAR_MIN ||
	    t.val > YEAR_MAX)
		return 0;
	*pos = e;
	return t.val;
}

/*
 * Consumes a number of at most two digits that follows *pos directly;
 * returns it, or -1.
 */
static int
m_num2(const struct text *tx, size_t *pos)
{
	struct tok t;
	size_t e;

	e = lex(tx, *pos, &t);
	if (t.kind != T_NUM || t.off != *pos || t.len > 2)
		return -1;
	*pos = e;
	return t.val;
}

/*
 * Consumes "yyyy-mm-dd", "yyyy/mm/dd", "yyyy.mm.dd" or "yyyy_mm_dd"
 * (month and day may have one digit) and fills *out; returns 1, or 0.
 */
static int
m_iso(const struct text *tx, size_t *pos, struct date *out)
{
	struct tok t;
	size_t p = *pos, q;
	int y, m, d, sep;

	p = lex(tx, p, &t);
	if (t.kind != T_NUM || t.len != 4)
		return 0;
	y = t.val;
	q = p;
	p = lex(tx, p, &t);
	if (t.kind != T_PUNCT || t.off != q ||
	    (t.val != '-' && t.val != '/' && t.val != '.' && t.val != '_'))
		return 0;
	sep = t.val;
	if ((m = m_num2(tx, &p)) < 0 || !eat_punct(tx, &p, sep, 1) ||
	    (d = m_num2(tx, &p)) < 0 || !make_date(y, m, d, out))
		return 0;
	*pos = p;
	return 1;
}

/*
 * Consumes a full date with a year: ISO, "6 July 2017", "6th of July,
 * 2017", "25-Jul-2017", "July 6, 2017", "Dec 22 & 29, 2020".  Fills *out
 * and returns 1, or returns 0.
 */
static int
m_full(const struct text *tx, size_t *pos, struct date *out)
{
	size_t p;
	int y, m, d;

	p = *pos;
	if (m_iso(tx, &p, out)) {
		*pos = p;
		return 1;
	}
	p = *pos;
	if ((d = m_day(tx, &p)) != 0) {
		(void)eat_punct(tx, &p, '-', 1);
		(void)eat_words(tx, &p, "of");
		if ((m = m_month(tx, &p)) != 0) {
			if (!eat_punct(tx, &p, '-', 1))
				(void)eat_punct(tx, &p, ',', 0);
			if ((y = m_year(tx, &p)) != 0 &&
			    make_date(y, m, d, out)) {
				*pos = p;
				return 1;
			}
		}
	}
	p = *pos;
	if ((m = m_month(tx, &p)) != 0 && (d = m_day(tx, &p)) != 0) {
		(void)eat_punct(tx, &p, ',', 0);
		if ((y = m_year(tx, &p)) != 0 && make_date(y, m, d, out)) {
			*pos = p;
			return 1;
		}
	}
	return 0;
}

/*
 * Consumes a day and month without a year ("25 July", "July 25", "the
 * 25th of July" without the "the") and sets *m and *d; the day must exist
 * in some year (29 February does).  Returns 1, or 0.
 */
static int
m_daymonth(const struct text *tx, size_t *pos, int *m, int *d)
{
	size_t p;
	int dd, mm;

	p = *pos;
	if ((dd = m_day(tx, &p)) != 0) {
		(void)eat_punct(tx, &p, '-', 1);
		(void)eat_words(tx, &p, "of");
		if ((mm = m_month(tx, &p)) != 0)
			goto found;
	}
	p = *pos;
	if ((mm = m_month(tx, &p)) != 0 && (dd = m_day(tx, &p)) != 0)
		goto found;
	return 0;
found:
	if (dd > days_in_month(2000, mm))
		return 0;
	*m = mm;
	*d = dd;
	*pos = p;
	return 1;
}

/*
 * Consumes "yyyy-mm-dd" followed directly by a time, as in
 * "2024-01-10T14:00:00Z" or "2024-01-10T14:00+02:00", and fills *out;
 * returns 1, or 0.
 */
static int
m_isotime(const struct text *tx, size_t *pos, struct date *out)
{
	struct tok t;
	size_t p = *pos, e;
	struct date d;

	if (!m_iso(tx, &p, &d))
		return 0;
	e = lex(tx, p, &t);
	if (t.off != p || !word_is(tx, &t, "t"))
		return 0;
	p = e;
	if (m_num2(tx, &p) < 0 || !eat_punct(tx, &p, ':', 1) ||
	    m_num2(tx, &p) < 0)
		return 0;
	if (eat_punct(tx, &p, ':', 1)) {
		if (m_num2(tx, &p) < 0)
			return 0;
		if (eat_punct(tx, &p, '.', 1)) {
			e = lex(tx, p, &t);
			if (t.kind != T_NUM || t.off != p)
				return 0;
			p = e;
		}
	}
	e = lex(tx, p, &t);
	if (t.off == p && word_is(tx, &t, "z"))
		p = e;
	else if (eat_punct(tx, &p, '+', 1) || eat_punct(tx, &p, '-', 1)) {
		if (m_num2(tx, &p) < 0)
			return 0;
		if (eat_punct(tx, &p, ':', 1) && m_num2(tx, &p) < 0)
			return 0;
	}
	*out = d;
	*pos = p;
	return 1;
}

/*
 * Returns the length of s[0..n) without trailing white space and
 * sentence punctuation.
 */
static size_t
trim_end(const char *s, size_t n)
{
	while (n > 0 && (is_space((unsigned char)s[n - 1]) ||
	    s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' ||
	    s[n - 1] == '!' || s[n - 1] == '?'))
		n--;
	return n;
}

/*
 * Moves pos past words that introduce a due date: "due", "by", "before",
 * "deadline", "until", "on", "no later than" and colons, in any order;
 * returns the new position.
 */
static size_t
skip_intro(const struct text *tx, size_t pos)
{
	static const char *const intro[] = {
		"due", "by", "before", "deadline", "until", "till", "on",
		"no later than"
	};

	while (eat_any(tx, &pos, intro, sizeof(intro) / sizeof(intro[0])) ||
	    eat_punct(tx, &pos, ':', 0))
		continue;
	return pos;
}

/*
 * Consumes a count: digits (1..COUNT_MAX), "a", "an", "one".."twelve" or
 * "a couple of"; returns it, or 0.
 */
static int
m_count(const struct text *tx, size_t *pos)
{
	struct tok t;
	size_t e;
	int i;

	if (eat_words(tx, pos, "a couple of") ||
	    eat_words(tx, pos, "a couple") || eat_words(tx, pos, "couple of"))
		return 2;
	e = lex(tx, *pos, &t);
	if (t.kind == T_NUM) {
		if (t.val < 1 || t.val > COUNT_MAX)
			return 0;
		*pos = e;
		return t.val;
	}
	if (word_is(tx, &t, "a") || word_is(tx, &t, "an")) {
		*pos = e;
		return 1;
	}
	for (i = 0; i < 12; i++)
		if (word_is(tx, &t, count_names[i])) {
			*pos = e;
			return i + 1;
		}
	return 0;
}

/*
 * Consumes "in N days|weeks|fortnights|months" or "within ...", with an
 * optional "time" after ("in two weeks' time"), and fills *du; returns 1,
 * or 0.
 */
static int
m_relative(const struct text *tx, size_t *pos, struct due *du)
{
	size_t p = *pos;
	int n;

	if (!eat_words(tx, &p, "in") && !eat_words(tx, &p, "within"))
		return 0;
	if ((n = m_count(tx, &p)) == 0)
		return 0;
	du->kind = DUE_DAYS;
	if (eat_words(tx, &p, "day") || eat_words(tx, &p, "days"))
		du->n = n;
	else if (eat_words(tx, &p, "week") || eat_words(tx, &p, "weeks"))
		du->n = n * 7;
	else if (eat_words(tx, &p, "fortnight") ||
	    eat_words(tx, &p, "fortnights"))
		du->n = n * 14;
	else if (eat_words(tx, &p, "month") || eat_words(tx, &p, "months")) {
		du->kind = DUE_MONTHS;
		du->n = n;
	} else
		return 0;
	(void)eat_punct(tx, &p, '\'', 1);
	(void)eat_words(tx, &p, "time");
	*pos = p;
	return 1;
}

/*
 * Consumes the body of a due phrase that names a day (the introducing
 * words and "EOD" already skipped) and fills *du; returns 1, or 0.
 */
static int
m_dueday(const struct text *tx, size_t *pos, struct due *du)
{
	size_t p = *pos, q;
	int wd, next, y;

	(void)m_weekday(tx, &p);
	q = p;
	if (m_full(tx, &q, &du->date)) {
		du->kind = DUE_DATE;
		goto found;
	}
	q = p;
	if (m_daymonth(tx, &q, &du->m, &du->d)) {
		du->kind = DUE_DAYMONTH;
		goto found;
	}

	q = p = *pos;
	next = eat_words(tx, &q, "next");
	if (!next)
		(void)eat_words(tx, &q, "this");
	if ((wd = m_weekday(tx, &q)) >= 0) {
		if (eat_words(tx, &q, "next week"))
			next = 1;
		else
			(void)eat_words(tx, &q, "this week");
		du->kind = next ? DUE_NEXTWEEKDAY : DUE_WEEKDAY;
		du->n = wd;
		goto found;
	}

	q = p;
	du->n = 0;
	if (eat_words(tx, &q, "eow") || eat_words(tx, &q, "this week") ||
	    eat_words(tx, &q, "end of week") ||
	    eat_words(tx, &q, "end of the week") ||
	    eat_words(tx, &q, "end of this week")) {
		du->kind = DUE_EOW;
		goto found;
	}
	if (eat_words(tx, &q, "end of next week")) {
		du->kind = DUE_EOW;
		du->n = 1;
		goto found;
	}
	if (eat_words(tx, &q, "eom") || eat_words(tx, &q, "end of month") ||
	    eat_words(tx, &q, "end of the month") ||
	    eat_words(tx, &q, "end of this month")) {
		du->kind = DUE_EOM;
		goto found;
	}
	if (eat_words(tx, &q, "end of next month")) {
		du->kind = DUE_EOM;
		du->n = 1;
		goto found;
	}
	if (eat_words(tx, &q, "end of")) {
		if ((du->m = m_month(tx, &q)) == 0)
			return 0;
		du->kind = DUE_MONTHEND;
		if ((y = m_year(tx, &q)) != 0 && make_date(y, du->m,
		    days_in_month(y, du->m), &du->date))
			du->kind = DUE_DATE;
		goto found;
	}
	if (eat_words(tx, &q, "next week")) {
		du->kind = DUE_DAYS;
		du->n = 7;
		goto found;
	}
	if (eat_words(tx, &q, "next month")) {
		du->kind = DUE_MONTHS;
		du->n = 1;
		goto found;
	}
	if (eat_words(tx, &q, "tomorrow")) {
		du->kind = DUE_DAYS;
		du->n = 1;
		goto found;
	}
	if (eat_words(tx, &q, "today") || eat_words(tx, &q, "tonight")) {
		du->kind = DUE_DAYS;
		goto found;
	}
	if (m_relative(tx, &q, du))
		goto found;
	return 0;
found:
	*pos = q;
	return 1;
}

/*
 * Parses the due phrase s[0..n) into *du.  Returns 0 when it names a day
 * or is one of the phrases that name none (du->kind DUE_NODAY), else -1.
 */
static int
parse_due(const char *s, size_t n, struct due *du)
{
	struct text tx;
	size_t p, q;
	int eod;

	tx.s = s;
	tx.n = trim_end(s, n);
	p = skip_intro(&tx, 0);
	(void)eat_words(&tx, &p, "the");
	eod = eat_any(&tx, &p, eod_phrases,
	    sizeof(eod_phrases) / sizeof(eod_phrases[0]));
	if (eod) {
		(void)eat_words(&tx, &p, "on");
		if (at_end(&tx, p)) {
			du->kind = DUE_DAYS;
			du->n = 0;
			return 0;
		}
	} else {
		q = p;
		if (eat_any(&tx, &q, noday_phrases,
		    sizeof(noday_phrases) / sizeof(noday_phrases[0])) &&
		    at_end(&tx, q)) {
			du->kind = DUE_NODAY;
			return 0;
		}
	}
	if (!m_dueday(&tx, &p, du))
		return -1;
	if (!eod)
		(void)eat_any(&tx, &p, eod_phrases,
		    sizeof(eod_phrases) / sizeof(eod_phrases[0]));
	return at_end(&tx, p) ? 0 : -1;
}

/* Adds n months to *dt, clamping the day to the length of the month. */
static void
add_months(struct date *dt, int n)
{
	long long m0, y;
	int m, dim;

	m0 = (long long)dt->y * 12 + (dt->m - 1) + n;
	y = m0 >= 0 ? m0 / 12 : (m0 - 11) / 12;
	m = (int)(m0 - y * 12) + 1;
	dt->y = (int)y;
	dt->m = m;
	if (dt->d > (dim = days_in_month(y, m)))
		dt->d = dim;
}

/*
 * Places day d (0: the last day) of month m in the meeting's year, or
 * the next one when that would be more than 31 days before the meeting.
 * Returns 0 and fills *out, or -1 when the day does not exist that year.
 */
static int
infer_year(int m, int d, const struct date *mt, struct date *out)
{
	long long y = mt->y;
	int dd;

	dd = d == 0 || d > days_in_month(y, m) ? days_in_month(y, m) : d;
	if (days_from_civil(y, m, dd) < date_days(mt) - 31)
		y++;
	dd = d == 0 ? days_in_month(y, m) : d;
	if (dd > days_in_month(y, m))
		return -1;
	out->y = (int)y;
	out->m = m;
	out->d = dd;
	return 0;
}

/*
 * Turns a parsed due phrase into a day, given the meeting date mt (NULL
 * if unknown).  Returns 0 and fills *out, or -1.
 */
static int
eval_due(const struct due *du, const struct date *mt, struct date *out)
{
	struct date r;
	int wd, delta;

	if (du->kind == DUE_NODAY)
		return -1;
	if (du->kind == DUE_DATE) {
		*out = du->date;
		return 0;
	}
	if (mt == NULL || !date_valid(mt))
		return -1;
	r = *mt;
	wd = date_weekday(mt);
	switch (du->kind) {
	case DUE_DAYMONTH:
		return infer_year(du->m, du->d, mt, out);
	case DUE_MONTHEND:
		return infer_year(du->m, 0, mt, out);
	case DUE_WEEKDAY:
		delta = (du->n - wd + 7) % 7;
		date_add_days(&r, delta == 0 ? 7 : delta);
		break;
	case DUE_NEXTWEEKDAY:
		date_add_days(&r, 7 - wd + du->n);
		break;
	case DUE_EOW:
		date_add_days(&r, du->n == 0 && wd <= 3 ? 4 - wd : 11 - wd);
		break;
	case DUE_EOM:
		r.d = 1;
		add_months(&r, du->n);
		r.d = days_in_month(r.y, r.m);
		break;
	case DUE_DAYS:
		date_add_days(&r, du->n);
		break;
	case DUE_MONTHS:
		add_months(&r, du->n);
		break;
	default:
		return -1;
	}
	*out = r;
	return 0;
}

int
date_parse(const char *s, struct date *out)
{
	struct text tx;
	struct date d;
	size_t p = 0, n;

	if (s == NULL || out == NULL)
		return -1;
	n = strlen(s);
	while (n > 0 && (is_space((unsigned char)s[n - 1]) ||
	    strchr(".,;:!?)]*_\"'", s[n - 1]) != NULL))
		n--;
	while (p < n && (is_space((unsigned char)s[p]) ||
	    strchr("([*_\"'", s[p]) != NULL))
		p++;
	tx.s = s;
	tx.n = n;
	(void)m_weekday(&tx, &p);
	if (!m_isotime(&tx, &p, &d) && !m_full(&tx, &p, &d))
		return -1;
	if (!at_end(&tx, p))
		return -1;
	*out = d;
	return 0;
}

/*
 * Returns 1 when a date may start at token t: a day number must not
 * continue a word ("v2 May 2017") or a decimal ("1.5 July 2017"); a
 * four-digit year may ("notes2017-07-06.md").
 */
static int
date_may_start(const struct text *tx, const struct tok *t)
{
	const unsigned char *u = (const unsigned char *)tx->s;
	size_t o = t->off;

	/* A date that opens with a word opens with its month. */
	if (t->kind == T_WORD)
		return month_of(tx, t) != 0;
	if (t->kind == T_NUM && t->len == 4)
		return 1;
	if (t->kind != T_NUM)
		return 0;
	if (o > 0 && ascii_alpha(u[o - 1]))
		return 0;
	return !(o >= 2 && (u[o - 1] == '.' || u[o - 1] == ',') &&
	    ascii_digit(u[o - 2]));
}

/*
 * Returns the year of token t when it stands alone, as in "Meetings
 * 2024, Notes" (not "EIP-2028", "2024.1" or "v2024"); else 0.
 */
static int
lone_year(const struct text *tx, const struct tok *t)
{
	const unsigned char *u = (const unsigned char *)tx->s;
	size_t e = t->off + t->len;
	int c;

	if (t->kind != T_NUM || t->len != 4 || t->val < YEAR_MIN ||
	    t->val > YEAR_MAX)
		return 0;
	if (t->off > 0) {
		c = u[t->off - 1];
		if (ascii_alnum(c) || strchr("-/.:+", c) != NULL)
			return 0;
	}
	if (e < tx->n) {
		c = u[e];
		if (ascii_alnum(c) || strchr("-/:+", c) != NULL ||
		    (c == '.' && e + 1 < tx->n && ascii_digit(u[e + 1])))
			return 0;
	}
	return t->val;
}

/*
 * For a one-line text holding no full date: a day and month that end
 * the text, with the year standing alone elsewhere on the line, as in
 * "WECG Meetings 2024, Public Notes, Mar 14".  Every lone year on the
 * line must be the same.  Returns 0 and fills *out, or -1.
 */
static int
find_split(const char *text, size_t n, struct date *out)
{
	struct text tx, head;
	struct tok t;
	size_t p, q, end;
	int y = 0, yy, m = 0, d = 0, mm, dd;

	if (memchr(text, '\n', n) != NULL)
		return -1;
	tx.s = text;
	tx.n = n;
	head.s = text;
	end = n;
	while (end > 0 && (unsigned char)text[end - 1] < 0x80 &&
	    !ascii_alnum((unsigned char)text[end - 1]))
		end--;
	head.n = end;
	for (p = 0; ; p = t.off + t.len) {
		(void)lex(&tx, p, &t);
		if (t.kind == T_END)
			break;
		if ((yy = lone_year(&tx, &t)) != 0) {
			if (y != 0 && yy != y)
				return -1;
			y = yy;
		}
		q = t.off;
		if (m == 0 && t.off < end && date_may_start(&head, &t) &&
		    m_daymonth(&head, &q, &mm, &dd) && at_end(&head, q)) {
			m = mm;
			d = dd;
		}
	}
	if (y == 0 || m == 0 || !make_date(y, m, d, out))
		return -1;
	return 0;
}

int
date_find(const char *text, struct date *out)
{
	struct text tx;
	struct tok t;
	size_t p, q;

	if (text == NULL || out == NULL)
		return -1;
	tx.s = text;
	tx.n = strlen(text);
	for (p = 0; ; p = t.off + t.len) {
		(void)lex(&tx, p, &t);
		if (t.kind == T_END)
			break;
		q = t.off;
		if (date_may_start(&tx, &t) && m_full(&tx, &q, out))
			return 0;
	}
	return find_split(text, tx.n, out);
}

int
date_resolve_due(const char *phrase, const struct date *meeting,
    struct date *out)
{
	struct due du;

	if (phrase == NULL || out == NULL)
		return -1;
	if (parse_due(phrase, strlen(phrase), &du) == -1)
		return -1;
	return eval_due(&du, meeting, out);
}

/*
 * Returns 1 when token t, in a text ending at e, introduces a due phrase
 * and sets *ps and *pe to where that phrase starts and ends; else 0.
 */
static int
due_intro(const struct text *tx, const struct tok *t, size_t *ps,
    size_t *pe)
{
	const unsigned char *u = (const unsigned char *)tx->s;
	struct tok v;
	size_t p, c, e = tx->n;
	int close;

	p = t->off + t->len;
	if (t->kind == T_WORD) {
		if (!t->sp)
			return 0;
		if (word_is(tx, t, "in") || word_is(tx, t, "within"))
			p = t->off;
		else if (word_is(tx, t, "due") || word_is(tx, t, "by") ||
		    word_is(tx, t, "before") || word_is(tx, t, "deadline") ||
		    word_is(tx, t, "until"))
			p = skip_intro(tx, t->off);
		else
			return 0;
	} else if (t->kind == T_PUNCT) {
		switch (t->val) {
		case ',':
		case ';':
		case CP_EMDASH:
			break;
		case '-':
			(void)eat_punct(tx, &p, '-', 1);
			/* FALLTHROUGH */
		case CP_ENDASH:
			if (!t->sp || p >= e || !space_at(tx, p))
				return 0;
			break;
		case '(':
		case '[':
			close = t->val == '(' ? ')' : ']';
			if (tx->s[e - 1] != close)
				return 0;
			e--;
			break;
		default:
			return 0;
		}
		p = skip_intro(tx, p);
	} else
		return 0;
	(void)lex(tx, p, &v);
	if (v.off >= e)
		return 0;
	if (t->kind == T_PUNCT && (t->val == '-' || t->val == CP_ENDASH ||
	    t->val == CP_EMDASH) && v.kind == T_NUM) {
		/* "10 - 12 July" is a span of days, not a due date. */
		for (c = t->off; c > 0 && t->off - c < 4 && is_space(u[c - 1]);
		    c--)
			continue;
		if (c > 0 && ascii_digit(u[c - 1]))
			return 0;
	}
	*ps = v.off;
	*pe = v.off + trim_end(tx->s + v.off, e - v.off);
	return *pe > *ps;
}

int
date_split_due(const char *text, size_t *cut, size_t *ps, size_t *pe)
{
	struct text tx;
	struct tok t;
	struct due du;
	const unsigned char *u = (const unsigned char *)text;
	size_t e, p, s0, e0, c;

	if (text == NULL || cut == NULL || ps == NULL || pe == NULL)
		return -1;
	e = strlen(text);
	while (e > 0 && (is_space(u[e - 1]) || u[e - 1] == '.' ||
	    u[e - 1] == ';' || u[e - 1] == '!'))
		e--;
	if (e == 0)
		return -1;
	tx.s = text;
	tx.n = e;
	p = e > DUE_WINDOW ? e - DUE_WINDOW : 0;
	while (p > 0 && p < e && ((u[p] & 0xc0) == 0x80 ||
	    (ascii_alnum(u[p - 1]) && ascii_alnum(u[p]))))
		p++;
	for (; ; p = t.off + t.len) {
		(void)lex(&tx, p, &t);
		if (t.kind == T_END)
			break;
		if (!due_intro(&tx, &t, &s0, &e0) ||
		    parse_due(text + s0, e0 - s0, &du) == -1)
			continue;
		for (c = t.off; c > 0 && is_space(u[c - 1]); c--)
			continue;
		*cut = c;
		*ps = s0;
		*pe = e0;
		return 0;
	}
	return -1;
}

/* Appends the last n digits of v to *p. */
static void
put_digits(char **p, int v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--) {
		(*p)[i] = (char)('0' + v % 10);
		v /= 10;
	}
	*p += n;
}

/*
 * The same as snprintf(buf, 11, "%04d-%02d-%02d") for the dates there
 * are (years 0 to 9999); no printf for every action of the notes.
 */
void
date_format(const struct date *dt, char *buf)
{
	if (dt->y < 0 || dt->y > 9999 || dt->m < 0 || dt->m > 99 ||
	    dt->d < 0 || dt->d > 99) {
		(void)snprintf(buf, 11, "%04d-%02d-%02d", dt->y, dt->m, dt->d);
		return;
	}
	put_digits(&buf, dt->y, 4);
	*buf++ = '-';
	put_digits(&buf, dt->m, 2);
	*buf++ = '-';
	put_digits(&buf, dt->d, 2);
	*buf = '\0';
}

int
date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

void
date_add_days(struct date *dt, int n)
{
	civil_from_days(date_days(dt) + n, dt);
}

int
date_weekday(const struct date *dt)
{
	long long z = date_days(dt);

	/* 1970-01-01 was a Thursday. */
	return (int)(((z % 7) + 7 + 3) % 7);
}

int
date_valid(const struct date *dt)
{
	return dt->y >= 1 && dt->y <= 9999 && dt->d >= 1 &&
	    dt->d <= days_in_month(dt->y, dt->m);
}
