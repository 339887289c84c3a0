/*
 * split.c -- a file of several meetings into one meeting per dated heading.
 *
 * Many groups keep a year of meetings in one file, each under a heading
 * that starts with its date: "## Dec 13, 2021 [Private Meeting]",
 * "# **2024-12-10**", "### 2021-03-04", a setext "January 14, 2020:".  A
 * file is such a file when two or more of its top-level headings of one
 * level are dated; the highest such level (the smallest number) is the
 * level of the meetings.  A meeting runs from its heading to the next
 * dated heading of that level, or to a heading of a higher level.  A
 * heading that says its meeting did not take place ("Cancelled",
 * "Canceled", "no meeting") is no meeting: its blocks are left out, as is
 * the text before the first meeting (the file's title, a standing agenda).
 *
 * Each meeting gets its heading's date; the file's title (its front
 * matter's, or the heading that opens the file); the standing facts of the
 * front matter (group, time, location, chairs, people, slides); and its
 * heading as its identity within the file (meeting.part, unique in the
 * file).  Attendance is each meeting's own: attendance lists of the front
 * matter are not copied.  The whole runs in time linear in the file.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "split.h"

/*
 * The most meetings made of one file: a daily meeting for ten years.  The
 * dated headings past it stay in the last meeting, so a hostile file of a
 * million headings costs no more than any other file of its size.
 */
#define MTG_MAX_MEETINGS 4000

/* Words a dated heading may start with besides a digit. */
static const char *const month_day[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL
};

/* A dated top-level heading that opens a meeting. */
struct mark {
	struct node	*h;
	struct date	 date;
};

/* Whether heading h starts with a date (after any punctuation such as
 * "**"); the date in *out.  Extraction asks it too (a dated heading is
 * no topic of the agenda). */
int
split_dated_heading(const struct node *h, struct date *out)
{
	char *t = node_text(h), *p = t;
	int yes = 0;
	size_t i;

	while (*p != '\0' && !isalnum((unsigned char)*p))
		p++;
	if (isdigit((unsigned char)*p))
		yes = 1;
	for (i = 0; !yes && month_day[i] != NULL; i++)
		if (strncasecmp(p, month_day[i], 3) == 0)
			yes = 1;
	if (yes && date_find(p, out) != 0)
		yes = 0;
	free(t);
	return yes;
}

/* Whether heading h says its meeting did not take place. */
static int
cancelled(const struct node *h)
{
	char *t = node_text(h), *p;
	int yes;

	for (p = t; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	yes = strstr(t, "cancel") != NULL || strstr(t, "no meeting") != NULL;
	free(t);
	return yes;
}

/*
 * The title every meeting of the file shares: the front matter's, or the
 * heading that opens the file when it stands above the meetings (level 1,
 * or higher than theirs) and is not one of them.  NULL when there is
 * none: extraction then finds each meeting's own.
 */
static char *
file_title(const struct meeting *whole, int level, const struct node *first)
{
	const struct node *b = whole->body->first;
	char *t;

	if (whole->title != NULL)
		return xstrdup(whole->title);
	if (b == NULL || b == first || b->type != MTG_N_HEADING ||
	    (b->level != 1 && b->level >= level))
		return NULL;
	t = node_text(b);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

static void
copy_list(struct strlist *to, const struct strlist *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		strlist_add(to, from->v[i]);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* A new meeting of whole's file for the heading at mark, with an empty
 * body. */
static struct meeting *
meeting_of(const struct meeting *whole, const char *title,
    const struct mark *mark)
{
	struct meeting *m = meeting_new(whole->source);
	struct person *p;
	char iso[16];
	size_t i;

	date_format(&mark->date, iso);
	m->date = xstrdup(iso);
	m->title = dup_or_null(title);
	m->group = dup_or_null(whole->group);
	m->time = dup_or_null(whole->time);
	m->location = dup_or_null(whole->location);
	copy_list(&m->chairs, &whole->chairs);
	for (i = 0; i < whole->npeople; i++) {
		p = meeting_add_person(m, whole->people[i].name);
		copy_list(&p->aliases, &whole->people[i].aliases);
	}
	m->max_rows = whole->max_rows;
	m->body = node_new(MTG_N_DOCUMENT, mark->h->line, 1);
	/* The blocks moved into body stay in whole's arena. */
	if (whole->arena != NULL)
		m->arena = arena_ref(whole->arena);
	return m;
}

/* The heading text of the meeting at h, made unique in the file with
 * " (2)", " (3)"… after a heading seen before. */
static char *
part_name(struct strmap *seen, const struct node *h)
{
	char *t = node_text(h), *u;
	struct strmap_e *e = strmap_get(seen, t, strlen(t), 1);
	int n;

	if (e->count++ == 0)
		return t;
	for (n = e->count;; n++) {
		u = xasprintf("%s (%d)", t, n);
		if (strmap_get(seen, u, strlen(u), 0) == NULL)
			break;
		free(u);
	}
	strmap_get(seen, u, strlen(u), 1)->count = 1;
	free(t);
	return u;
}

/* Moves b, a child of from, to the end of to's children. */
static void
move_block(struct node *from, struct node *b, struct node *to)
{
	struct node *prev = node_prev(b);

	if (prev != NULL)
		prev->next = b->next;
	else
		from->first = b->next;
	if (b->next != NULL)
		b->next->back = b->back;	/* the last, for a new first */
	else if (from->first != NULL)
		from->first->back = prev;
	node_append(to, b);
}

/* The note that says how the file was split, at its first meeting. */
static void
note(struct diags *d, const struct node *h, size_t n, size_t cancelled_n,
    size_t held)
{
	struct buf b = {0};

	buf_printf(&b, "%zu meetings", n);
	if (cancelled_n > 0)
		buf_printf(&b, ", %zu cancelled left out", cancelled_n);
	if (held > 0)
		buf_printf(&b, ", %zu past the limit of %u kept in the last",
		    held, MTG_MAX_MEETINGS);
	buf_putc(&b, '\0');
	diag_add(d, MTG_D_MULTI_MEETING, h->line, h->col, "%s", b.data);
	buf_free(&b);
}

size_t
split_meetings(struct meeting *whole, struct diags *d, struct meeting ***out)
{
	struct meeting **v = NULL;
	struct mark *marks = NULL;
	struct strmap seen = {0};
	struct node *b, *next, *stop;
	struct date dt;
	size_t count[7] = {0}, nmarks = 0, cap = 0, held = 0, i;
	int level = 0, l, last;
	char *title = NULL;

	*out = NULL;
	if (whole->body == NULL)
		return 0;
	for (b = whole->body->first; b != NULL; b = b->next)
		if (b->type == MTG_N_HEADING && b->level >= 1 &&
		    b->level <= 6 && split_dated_heading(b, &dt))
			count[b->level]++;
	for (l = 1; l <= 6 && level == 0; l++)
		if (count[l] >= 2)
			level = l;
	if (level == 0)
		return 0;
	for (b = whole->body->first; b != NULL; b = b->next) {
		if (b->type != MTG_N_HEADING || b->level != level ||
		    !split_dated_heading(b, &dt) || cancelled(b))
			continue;
		if (nmarks == MTG_MAX_MEETINGS) {
			held++;
			continue;
		}
		marks = xgrow(marks, &cap, nmarks + 1, sizeof(*marks));
		marks[nmarks].h = b;
		marks[nmarks++].date = dt;
	}
	if (nmarks == 0)
		goto out;	/* every one cancelled: the file as it is */

	title = file_title(whole, level, marks[0].h);
	v = xcalloc(nmarks, sizeof(*v));
	for (i = 0; i < nmarks; i++) {
		v[i] = meeting_of(whole, title, &marks[i]);
		v[i]->part = part_name(&seen, marks[i].h);
		v[i]->nmeetings = nmarks;
		/* Up to the next meeting, a cancelled one, or a heading
		 * above the level; past the limit, the last takes the rest
		 * but for headings above the level. */
		stop = i + 1 < nmarks ? marks[i + 1].h : NULL;
		last = i + 1 == nmarks && held > 0;
		for (b = marks[i].h; b != NULL && b != stop; b = next) {
			next = b->next;
			if (b != marks[i].h && b->type == MTG_N_HEADING &&
			    (b->level < level || (b->level == level && !last &&
			    split_dated_heading(b, &dt))))
				break;
			move_block(whole->body, b, v[i]->body);
		}
	}
	note(d, marks[0].h, nmarks, count[level] - nmarks - held, held);
out:
	free(title);
	free(marks);
	strmap_free(&seen);
	*out = v;
	return nmarks;
}
