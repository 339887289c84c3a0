/*
 * render_archive.c -- the archive pages at the output root: index.html
 * (every meeting, newest first, with charts of open and overdue actions
 * and of attendance), actions.html (the register), decisions.html and
 * attendance.html.
 *
 * The pages come from Mustache templates (templates/html/archive-*.html)
 * like the minutes, and share style.css.  They read the series and the
 * meetings' finished models; display rules come from present.c.  Charts
 * are inline SVG written here, each with a table of its figures beside it
 * for screen readers and print.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "htmlmodel.h"
#include "present.h"
#include "series.h"

#define put htmlmodel_put

/* The link to file in meeting i's folder, or NULL when it has none. */
static char *
meeting_href(const struct series *s, size_t i, const char *file)
{
	return s->mt[i].folder != NULL ?
	    xasprintf("%s/%s", s->mt[i].folder, file) : NULL;
}

/*
 * What a page shows of each meeting it links (its date in words, the
 * link to its minutes), made once a page for each meeting linked: a
 * register links the same meetings thousands of times.
 */
struct refs {
	const struct series *s;
	char		**date_text;	/* per meeting, NULL: not made yet */
	char		**href;		/* the minutes, or NULL */
	struct mval	**map;		/* the four fields, for lists */
};

static void
refs_init(struct refs *r, const struct series *s)
{
	r->s = s;
	r->date_text = xcalloc(s->nmt + 1, sizeof(*r->date_text));
	r->href = xcalloc(s->nmt + 1, sizeof(*r->href));
	r->map = xcalloc(s->nmt + 1, sizeof(*r->map));
}

static void
refs_free(struct refs *r)
{
	size_t i;

	for (i = 0; i < r->s->nmt; i++) {
		free(r->date_text[i]);
		free(r->href[i]);
		mval_free(r->map[i]);
	}
	free(r->date_text);
	free(r->href);
	free(r->map);
}

/* Puts meeting i's title, date, date in words and link into v. */
static void
put_meeting_ref(struct mval *v, struct refs *r, size_t i)
{
	const struct series *s = r->s;
	const struct meeting *m = s->mt[i].m;

	if (r->date_text[i] == NULL) {
		r->date_text[i] = present_date(m->date);
		if (r->date_text[i] == NULL)
			r->date_text[i] = xstrdup(series_date(s, i));
		r->href[i] = meeting_href(s, i, "minutes.html");
	}
	put(v, "meeting_title", m->title != NULL ? m->title :
	    series_date(s, i));
	put(v, "meeting_date", series_date(s, i));
	put(v, "meeting_date_text", r->date_text[i]);
	put(v, "meeting_href", r->href[i]);
}

/* A map of put_meeting_ref()'s fields for meeting i, shared (a new
 * reference each call). */
static struct mval *
meeting_ref_map(struct refs *r, size_t i)
{
	if (r->map[i] == NULL) {
		r->map[i] = mval_map();
		put_meeting_ref(r->map[i], r, i);
	}
	return mval_ref(r->map[i]);
}

/* Whether action a is pending after meeting i: its last word by then. */
static int
pending_after(const struct series_action *a, size_t i, const char **due)
{
	enum mtg_status st = MTG_OPEN;
	size_t k;
	int seen = 0;

	*due = NULL;
	for (k = 0; k < a->nev && a->ev[k].meeting <= i; k++) {
		st = a->ev[k].status;
		if (a->ev[k].due != NULL)
			*due = a->ev[k].due;
		seen = 1;
	}
	return seen && mtg_status_pending(st);
}

struct tally {
	size_t	open, overdue, present;
	size_t	raised, closed;		/* actions, at this meeting */
};

/*
 * Whether the dated meetings of s come first, in date order: then the
 * meetings after which an action due on a date is overdue are one run.
 * Returns the number of dated meetings, or SERIES_NONE.
 */
static size_t
dated_in_order(const struct series *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nmt; i++) {
		const char *d = s->mt[i].m->date;

		if (d == NULL)
			continue;
		if (n != i || (i > 0 && strcmp(s->mt[i - 1].m->date, d) > 0))
			return SERIES_NONE;
		n++;
	}
	return n;
}

/* Whether action a's events come in meeting order. */
static int
events_in_order(const struct series_action *a)
{
	size_t k;

	for (k = 1; k < a->nev; k++)
		if (a->ev[k].meeting < a->ev[k - 1].meeting)
			return 0;
	return 1;
}

/*
 * Action a counted into the open and overdue figures of the meetings
 * after which it is pending: each event's word holds from its meeting to
 * the next event's, so a run of meetings at a time, added to the
 * differences open[] and late[] (ndated meetings with dates come first,
 * in order: the overdue ones of a run are found by bisection).
 */
static void
count_runs(const struct series *s, const struct series_action *a,
    size_t ndated, long *open, long *late)
{
	const char *due = NULL;
	size_t k, from, to, lo, hi, mid;

	for (k = 0; k < a->nev; k++) {
		if (a->ev[k].due != NULL)
			due = a->ev[k].due;
		from = a->ev[k].meeting;
		to = k + 1 < a->nev ? a->ev[k + 1].meeting : s->nmt;
		if (from >= to || from >= s->nmt ||
		    !mtg_status_pending(a->ev[k].status))
			continue;
		open[from]++;
		open[to]--;
		if (due == NULL || from >= ndated)
			continue;
		/* The first meeting of the run dated after due. */
		lo = from;
		hi = to < ndated ? to : ndated;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (strcmp(due, s->mt[mid].m->date) < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
		hi = to < ndated ? to : ndated;
		if (lo < hi) {
			late[lo]++;
			late[hi]--;
		}
	}
}

/*
 * Open and overdue actions after each meeting, and who was there: linear
 * in the meetings and the actions' events (count_runs()); an action
 * whose events are out of meeting order, or a series whose dates are,
 * is counted meeting by meeting.
 */
static struct tally *
tallies(const struct series *s)
{
	struct tally *t = xcalloc(s->nmt + 1, sizeof(*t));
	long *open = xcalloc(s->nmt + 1, sizeof(*open));
	long *late = xcalloc(s->nmt + 1, sizeof(*late));
	size_t ndated = dated_in_order(s), i, k;
	long o = 0, l = 0;
	const char *due;

	for (k = 0; k < s->nact; k++) {
		t[s->act[k].raised].raised++;
		if (s->act[k].closed != SERIES_NONE)
			t[s->act[k].closed].closed++;
		if (ndated != SERIES_NONE && events_in_order(&s->act[k])) {
			count_runs(s, &s->act[k], ndated, open, late);
			continue;
		}
		for (i = 0; i < s->nmt; i++) {
			if (!pending_after(&s->act[k], i, &due))
				continue;
			t[i].open++;
			if (due != NULL && s->mt[i].m->date != NULL &&
			    strcmp(due, s->mt[i].m->date) < 0)
				t[i].overdue++;
		}
	}
	for (i = 0; i < s->nmt; i++) {
		const struct meeting *m = s->mt[i].m;

		o += open[i];
		l += late[i];
		t[i].open += (size_t)o;
		t[i].overdue += (size_t)l;
		t[i].present = m->attendees.n + m->chairs.n;
		for (k = 0; k < m->chairs.n; k++)
			if (strlist_has(&m->attendees, m->chairs.v[k]))
				t[i].present--;
	}
	free(open);
	free(late);
	return t;
}

/*
 * An SVG line chart of n series of figures over the meetings: one
 * polyline each, the first and last date under the axis.  label names it
 * for assistive technology; the table beside it holds every figure.
 */
static char *
chart(const struct series *s, const char *label, const char *const *names,
    const char *const *colours, size_t nseries,
    size_t (*get)(const struct tally *, size_t), const struct tally *t)
{
	const int w = 640, h = 200, l = 40, r = 10, top = 10, bottom = 30;
	struct buf b = {0};
	size_t i, k, max = 1;
	double x, y;

	for (i = 0; i < s->nmt; i++)
		for (k = 0; k < nseries; k++)
			if (get(&t[i], k) > max)
				max = get(&t[i], k);
	buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
	    "aria-label=\"", w, h, w, h);
	html_escape(&b, label);
	buf_puts(&b, "\">\n");
	buf_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#555\"/>\n", l, h - bottom, w - r, h - bottom);
	buf_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#555\"/>\n", l, top, l, h - bottom);
	buf_printf(&b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
	    "text-anchor=\"end\">%zu</text>\n", l - 4, top + 10, max);
	buf_printf(&b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
	    "text-anchor=\"end\">0</text>\n", l - 4, h - bottom);
	for (k = 0; k < nseries; k++) {
		buf_printf(&b, "<polyline fill=\"none\" stroke=\"%s\" "
		    "stroke-width=\"2\" points=\"", colours[k]);
		for (i = 0; i < s->nmt; i++) {
			x = l + (s->nmt > 1 ? (double)i * (w - l - r) /
			    (double)(s->nmt - 1) : (w - l - r) / 2.0);
			y = h - bottom - (double)get(&t[i], k) *
			    (h - top - bottom) / (double)max;
			buf_printf(&b, "%s%.1f,%.1f", i > 0 ? " " : "", x, y);
		}
		buf_puts(&b, "\"/>\n");
		buf_printf(&b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "fill=\"%s\">", l + 8 + (int)k * 120, top + 12, colours[k]);
		html_escape(&b, names[k]);
		buf_puts(&b, "</text>\n");
	}
	if (s->nmt > 0) {
		buf_printf(&b, "<text x=\"%d\" y=\"%d\" font-size=\"12\">",
		    l, h - 10);
		html_escape(&b, series_date(s, 0));
		buf_printf(&b, "</text>\n<text x=\"%d\" y=\"%d\" "
		    "font-size=\"12\" text-anchor=\"end\">", w - r, h - 10);
		html_escape(&b, series_date(s, s->nmt - 1));
		buf_puts(&b, "</text>\n");
	}
	buf_puts(&b, "</svg>");
	return buf_detach(&b);
}

static size_t
get_actions(const struct tally *t, size_t k)
{
	return k == 0 ? t->open : t->overdue;
}

static size_t
get_present(const struct tally *t, size_t k)
{
	(void)k;
	return t->present;
}

/* The context every archive page shares: group, stylesheet, nav. */
static struct mval *
base(const struct series *s, const struct render_opts *opts,
    const char *page)
{
	struct mval *ctx = mval_map();
	struct strlist groups;
	char *names;

	series_groups(s, &groups);
	if (groups.n > 1) {
		names = present_names(&groups);
		put(ctx, "group", names);
		free(names);
	} else
		put(ctx, "group", series_group(s));
	strlist_free(&groups);
	put(ctx, "page", page);
	mval_set(ctx, "nmeetings", mval_number((double)s->nmt));
	if (htmlmodel_put_style(ctx, opts, "style.css") == -1) {
		mval_free(ctx);
		return NULL;
	}
	return ctx;
}

static int
page(const struct render_opts *opts, const char *name, struct mval *ctx,
    struct buf *out)
{
	int rc;

	if (ctx == NULL)
		return -1;
	rc = htmlmodel_page(opts, name, ctx, out);
	mval_free(ctx);
	return rc;
}

/* Whether a meeting of s names no group. */
static int
has_groupless(const struct series *s)
{
	size_t i;

	for (i = 0; i < s->nmt; i++)
		if (s->mt[i].m->group == NULL)
			return 1;
	return 0;
}

/* Meeting i's row of the index, its tally t. */
static void
index_row(struct mval *v, struct refs *r, size_t i, const struct tally *t)
{
	const struct series *s = r->s;
	const struct meeting *m = s->mt[i].m;
	char *chairs, *h;

	put_meeting_ref(v, r, i);
	chairs = present_names(&m->chairs);
	put(v, "chairs", chairs);
	free(chairs);
	mval_set(v, "present", mval_number((double)t->present));
	mval_set(v, "raised", mval_number((double)t->raised));
	mval_set(v, "closed", mval_number((double)t->closed));
	mval_set(v, "decisions", mval_number((double)m->ndecisions));
	put(v, "agenda_href", h = meeting_href(s, i, "agenda.html"));
	free(h);
	put(v, "slides_href", h = meeting_href(s, i, "slides.html"));
	free(h);
	put(v, "odt_href", h = meeting_href(s, i, "minutes.odt"));
	free(h);
}

int
render_archive_index(const struct series *s,
    const struct render_opts *opts, struct buf *out)
{
	static const char *const act_names[] = { "open", "overdue" };
	static const char *const act_colours[] = { "#1f5fa8", "#b3261e" };
	static const char *const att_names[] = { "present" };
	static const char *const att_colours[] = { "#2e7d32" };
	struct mval *ctx = base(s, opts, "index"), *list, *v, *rows, *sections;
	struct strlist groups;
	struct refs r;
	struct tally *t;
	size_t i, g;
	char *svg, *h;

	if (ctx == NULL)
		return -1;
	t = tallies(s);
	refs_init(&r, s);
	/* One section per group, in the order of their newest meetings;
	 * a build of one group has one section without a name. */
	series_groups(s, &groups);
	if (groups.n <= 1)
		strlist_free(&groups);
	else if (has_groupless(s))
		strlist_add(&groups, "");
	sections = mval_set(ctx, "sections", mval_list());
	for (g = 0; g < (groups.n > 0 ? groups.n : 1); g++) {
		struct mval *sec = mval_push(sections, mval_map());
		size_t n = 0;

		if (groups.n > 0) {
			put(sec, "name", groups.v[g][0] != '\0' ? groups.v[g] :
			    "Meetings of no group");
			put(sec, "id", h = xasprintf("group-%zu", g + 1));
			free(h);
		}
		list = mval_set(sec, "meetings", mval_list());
		for (i = s->nmt; i-- > 0;) {
			if (groups.n > 0 &&
			    strcmp(series_group_of(s, i), groups.v[g]) != 0)
				continue;
			index_row(mval_push(list, mval_map()), &r, i, &t[i]);
			n++;
		}
		put(sec, "count", h = xasprintf("%zu meeting%s", n,
		    n == 1 ? "" : "s"));
		free(h);
	}
	strlist_free(&groups);
	mval_set(ctx, "has_meetings", mval_bool(s->nmt > 0));
	if (s->nmt > 0) {
		put(ctx, "latest_href", h = meeting_href(s, s->nmt - 1,
		    "minutes.html"));
		free(h);
	}
	rows = mval_set(ctx, "figures", mval_list());
	for (i = 0; i < s->nmt; i++) {
		v = mval_push(rows, mval_map());
		put(v, "date", series_date(s, i));
		mval_set(v, "open", mval_number((double)t[i].open));
		mval_set(v, "overdue", mval_number((double)t[i].overdue));
		mval_set(v, "present", mval_number((double)t[i].present));
	}
	svg = chart(s, "Open and overdue actions after each meeting",
	    act_names, act_colours, 2, get_actions, t);
	mval_set(ctx, "chart_actions", mval_string(svg));
	free(svg);
	svg = chart(s, "People present at each meeting", att_names,
	    att_colours, 1, get_present, t);
	mval_set(ctx, "chart_attendance", mval_string(svg));
	free(svg);
	free(t);
	refs_free(&r);
	return page(opts, "html/archive-index.html", ctx, out);
}

/* One action of the register as the pages show it. */
static struct mval *
action_map(struct refs *r, const struct series_action *a)
{
	struct mval *v = mval_map(), *rev;
	struct action shown = {0};
	char *due, *owners;
	size_t k;

	put(v, "id", a->id);
	put(v, "text", a->text);
	owners = present_names(&a->owners);
	put(v, "owners", owners);
	free(owners);
	shown.due = a->due;
	shown.due_text = a->due_text;
	due = present_due(&shown);
	put(v, "due", due);
	free(due);
	put(v, "status", present_status(a->status));
	mval_set(v, "overdue", mval_bool(a->overdue));
	put_meeting_ref(v, r, a->raised);
	mval_set(v, "carried", mval_number((double)a->carried));
	rev = mval_set(v, "reviews", mval_list());
	for (k = 1; k < a->nev; k++)
		mval_push(rev, meeting_ref_map(r, a->ev[k].meeting));
	mval_set(v, "has_reviews", mval_bool(a->nev > 1));
	return v;
}

/*
 * Actions of the register (their indexes in which), made one at a time
 * as the page renders them: a register of thousands of actions holds the
 * values of one.  r, the page's, is kept until the page is written.
 */
struct reg_arg {
	struct refs	*r;
	size_t		 n;
	size_t		 values;	/* of action_map(), in all */
	size_t		 which[];
};

static struct reg_arg *
reg_arg_new(struct refs *r, size_t n)
{
	struct reg_arg *a = xmalloc(sizeof(*a) + (n + 1) * sizeof(a->which[0]));

	a->r = r;
	a->n = a->values = 0;
	return a;
}

/* Adds action i of the series; the values are a bound of action_map()'s,
 * which bound the work of the render. */
static void
reg_arg_add(struct reg_arg *a, size_t i)
{
	a->which[a->n++] = i;
	a->values += 16 + 6 * a->r->s->act[i].nev;
}

static struct mval *
reg_item(const void *arg, size_t i)
{
	const struct reg_arg *a = arg;

	/* r only keeps the meetings' dates and links once made. */
	return action_map(a->r, &a->r->s->act[a->which[i]]);
}

/* A titled group of the actions of a (a status or a person) into list;
 * the group takes a. */
static void
group_add(struct mval *list, const char *title, const char *id,
    struct reg_arg *a)
{
	struct mval *g = mval_push(list, mval_map());

	put(g, "title", title);
	put(g, "id", id);
	mval_set(g, "count", mval_number((double)a->n));
	mval_set(g, "actions", mval_list_lazy(a->n, a->values, reg_item, a));
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct names of list l added to names (seen keeps it linear). */
static void
names_add(struct strlist *names, struct strmap *seen,
    const struct strlist *l)
{
	struct strmap_e *e;
	size_t i;

	for (i = 0; i < l->n; i++) {
		e = strmap_get(seen, l->v[i], strlen(l->v[i]), 1);
		if (e->count++ == 0)
			strlist_add(names, l->v[i]);
	}
}

int
render_archive_actions(const struct series *s,
    const struct render_opts *opts, struct buf *out)
{
	struct mval *ctx = base(s, opts, "actions"), *groups, *people;
	struct reg_arg *st[4];
	struct section {
		struct reg_arg	*a;
		size_t		 count;
		size_t		 last;		/* the last action in it, + 1 */
	} *sec;
	struct strmap seen = {0};
	struct strlist names = {0};
	struct refs *r;
	size_t i, k, n;
	char *title, *id;
	int rc, pass;

	if (ctx == NULL)
		return -1;
	r = xmalloc(sizeof(*r));
	refs_init(r, s);
	for (k = 0; k < 4; k++)
		st[k] = reg_arg_new(r, s->nact);
	for (i = 0; i < s->nact; i++) {
		const struct series_action *a = &s->act[i];

		k = a->status == MTG_DONE ? 2 : a->status == MTG_DROPPED ? 3 :
		    0;
		reg_arg_add(st[k], i);
		if (k == 0 && a->overdue)
			reg_arg_add(st[1], i);
		names_add(&names, &seen, &a->owners);
	}
	groups = mval_set(ctx, "groups", mval_list());
	group_add(groups, present_status(MTG_OPEN), "open", st[0]);
	title = xasprintf("Overdue as of %s", s->as_of != NULL ? s->as_of :
	    "the latest meeting");
	group_add(groups, title, "overdue", st[1]);
	free(title);
	group_add(groups, present_status(MTG_DONE), "done", st[2]);
	group_add(groups, present_status(MTG_DROPPED), "dropped", st[3]);
	/* One section per person; an action of two owners is under both. */
	if (names.n > 1)
		qsort(names.v, names.n, sizeof(*names.v), name_cmp);
	sec = xcalloc(names.n + 1, sizeof(*sec));
	/* seen now maps a name to its section's index + 1. */
	for (n = 0; n < names.n; n++)
		strmap_get(&seen, names.v[n], strlen(names.v[n]), 0)->count =
		    (int)n + 1;
	/* Each action under each of its owners once: counted, then put. */
	for (pass = 0; pass < 2; pass++) {
		for (n = 0; n < names.n; n++) {
			sec[n].last = 0;
			if (pass == 1)
				sec[n].a = reg_arg_new(r, sec[n].count);
		}
		for (i = 0; i < s->nact; i++)
			for (k = 0; k < s->act[i].owners.n; k++) {
				const char *o = s->act[i].owners.v[k];

				n = (size_t)strmap_get(&seen, o, strlen(o),
				    0)->count - 1;
				if (sec[n].last == i + 1)
					continue;
				sec[n].last = i + 1;
				if (pass == 0)
					sec[n].count++;
				else
					reg_arg_add(sec[n].a, i);
			}
	}
	people = mval_set(ctx, "people", mval_list());
	for (n = 0; n < names.n; n++) {
		id = xasprintf("p-%zu", n + 1);
		group_add(people, names.v[n], id, sec[n].a);
		free(id);
	}
	free(sec);
	strmap_free(&seen);
	strlist_free(&names);
	rc = page(opts, "html/archive-actions.html", ctx, out);
	refs_free(r);
	free(r);
	return rc;
}

int
render_archive_decisions(const struct series *s,
    const struct render_opts *opts, struct buf *out)
{
	struct mval *ctx = base(s, opts, "decisions"), *list, *v;
	struct refs r;
	size_t i;

	if (ctx == NULL)
		return -1;
	refs_init(&r, s);
	list = mval_set(ctx, "decisions", mval_list());
	for (i = s->ndec; i-- > 0;) {
		v = mval_push(list, mval_map());
		put(v, "text", s->dec[i].text);
		put_meeting_ref(v, &r, s->dec[i].meeting);
	}
	refs_free(&r);
	mval_set(ctx, "has_decisions", mval_bool(s->ndec > 0));
	return page(opts, "html/archive-decisions.html", ctx, out);
}

/*
 * The attendance matrix shows at most MATRIX_CELLS cells: every person,
 * and as many of the latest meetings as fit (at least one); the counts
 * beside it cover every meeting.  A page of people by meetings grows as
 * their product, which notes of a few hundred kilobytes could make
 * hundreds of megabytes.
 */
#define MATRIX_CELLS	250000

/* The rows of the matrix, made one at a time: the meetings from first
 * on, of the people of s. */
struct matrix {
	const struct series	*s;
	size_t			 first;
};

static struct mval *
matrix_row(const void *arg, size_t k)
{
	static const char *const marks[] = {
		[SERIES_UNLISTED] = "", [SERIES_PRESENT] = "present",
		[SERIES_APOLOGIES] = "apologies", [SERIES_ABSENT] = "absent"
	};
	const struct matrix *mx = arg;
	const struct series_person *sp = &mx->s->people[k];
	struct mval *r = mval_map(), *c, *cell;
	enum series_presence p;
	size_t i, j = 0;

	put(r, "name", sp->name);
	c = mval_set(r, "cells", mval_list());
	while (j < sp->nseen && sp->seen[j].meeting < mx->first)
		j++;
	for (i = mx->first; i < mx->s->nmt; i++) {
		p = SERIES_UNLISTED;
		if (j < sp->nseen && sp->seen[j].meeting == i)
			p = sp->seen[j++].p;
		cell = mval_push(c, mval_map());
		put(cell, "mark", marks[p]);
		put(cell, "class", p != SERIES_UNLISTED ? marks[p] : "none");
	}
	mval_set(r, "present", mval_number((double)sp->count[SERIES_PRESENT]));
	mval_set(r, "apologies",
	    mval_number((double)sp->count[SERIES_APOLOGIES]));
	mval_set(r, "absent", mval_number((double)sp->count[SERIES_ABSENT]));
	return r;
}

int
render_archive_attendance(const struct series *s,
    const struct render_opts *opts, struct buf *out)
{
	struct mval *ctx = base(s, opts, "attendance"), *cols;
	struct matrix *mx;
	struct refs refs;
	size_t i, shown = s->nmt;

	if (ctx == NULL)
		return -1;
	if (s->npeople > 0 && shown > MATRIX_CELLS / s->npeople)
		shown = MATRIX_CELLS / s->npeople > 0 ?
		    MATRIX_CELLS / s->npeople : 1;
	mx = xmalloc(sizeof(*mx));
	mx->s = s;
	mx->first = s->nmt - shown;
	refs_init(&refs, s);
	cols = mval_set(ctx, "meetings", mval_list());
	for (i = mx->first; i < s->nmt; i++)
		put_meeting_ref(mval_push(cols, mval_map()), &refs, i);
	refs_free(&refs);
	mval_set(ctx, "people", mval_list_lazy(s->npeople,
	    s->npeople * (4 + 3 * shown), matrix_row, mx));
	mval_set(ctx, "has_people", mval_bool(s->npeople > 0));
	mval_set(ctx, "matrix_cut", mval_bool(shown < s->nmt));
	mval_set(ctx, "matrix_shown", mval_number((double)shown));
	mval_set(ctx, "matrix_meetings", mval_number((double)s->nmt));
	return page(opts, "html/archive-attendance.html", ctx, out);
}
