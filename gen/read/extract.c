/*
 * extract.c -- the notes conventions: document tree to meeting model.
 *
 * extract_meeting() runs the passes in order: sections and links, the
 * title, the date, attendance (extract_attend.c), the agenda, then action
 * items, decisions and teams (extract_actions.c), over the document of one
 * meeting (a file of several is split first: split.c).  Every pass is
 * linear in the size of the document.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conventions.h"
#include "extract.h"
#include "extract_int.h"
#include "people.h"
#include "split.h"

/* --- sections and links -------------------------------------------------- */

/* "Johannesburg Recap & Review" -> "johannesburg-recap-review". */
static char *
slugify(const char *title)
{
	char *folded = str_fold(title, strlen(title));
	char *s = xmalloc(strlen(folded) + 8), *w = s;
	const char *p;

	for (p = folded; *p != '\0'; p++) {
		if (isalnum((unsigned char)*p))
			*w++ = (char)tolower((unsigned char)*p);
		else if ((unsigned char)*p < 0x80 && w > s && w[-1] != '-')
			*w++ = '-';
	}
	while (w > s && w[-1] == '-')
		w--;
	*w = '\0';
	free(folded);
	if (*s == '\0')
		strcpy(s, "section");
	return s;
}

/*
 * Gives each heading a unique id: the slug, or the slug with "-2",
 * "-3"… when taken.  The map remembers the next suffix to try for each
 * slug, so repeated titles cost no rescans.
 */
static char *
unique_id(struct strmap *used, const char *title)
{
	char *base = slugify(title), *id;
	struct strmap_e *e = strmap_get(used, base, strlen(base), 1);
	int n;

	if (e->count == 0) {
		e->count = 1;
		return base;
	}
	for (n = e->count + 1;; n++) {
		id = xasprintf("%s-%d", base, n);
		if (strmap_get(used, id, strlen(id), 0) == NULL)
			break;
		free(id);
	}
	strmap_get(used, base, strlen(base), 0)->count = n;
	strmap_get(used, id, strlen(id), 1)->count = 1;
	free(base);
	return id;
}

/*
 * The source line of an inline node.  cmark-gfm's extended autolinks
 * ("see https://…") come without a position (column 0): count back to
 * the nearest node that has one, adding the line breaks in between.
 */
static int
node_line(const struct node *n)
{
	int breaks = 0;

	while (n != NULL) {
		if (n->line > 0 && n->col > 0)
			return n->line + breaks;
		if (node_prev(n) == NULL) {
			n = n->parent;
			continue;
		}
		n = node_prev(n);
		if (n->type == MTG_N_SOFTBREAK || n->type == MTG_N_LINEBREAK)
			breaks++;
		else {
			/* The last line of a sibling with children. */
			const struct node *k = n;

			while (node_last(k) != NULL && !(k->line > 0 &&
			    k->col > 0 && k->first == NULL))
				k = node_last(k);
			if (k != n && k->line > 0 && k->col > 0)
				return k->line + breaks;
		}
	}
	return 0;
}

/* Every heading becomes a section with a unique id; every link with a
 * URL is listed, both over the whole file in document order. */
static void
sections_and_links(struct meeting *m)
{
	struct strmap used = {0};
	const struct node *n;

	for (n = m->body; n != NULL; n = node_walk_next(m->body, n)) {
		if (n->type == MTG_N_HEADING) {
			struct section *s = meeting_add_section(m);

			s->title = x_text(n);
			s->id = unique_id(&used, s->title);
			s->level = n->level;
			s->line = n->line;
			s->heading = n;
		} else if (n->type == MTG_N_LINK && n->url != NULL &&
		    *n->url != '\0') {
			char *t = x_text(n);

			meeting_add_link(m, n->url, t, node_line(n));
			free(t);
		}
	}
	strmap_free(&used);
}

/* --- the title ----------------------------------------------------------- */

/* Whether the lower-case text s holds the word w. */
static int
has_word(const char *s, const char *w)
{
	const char *p;
	size_t n = strlen(w);

	for (p = strstr(s, w); p != NULL; p = strstr(p + 1, w))
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	return 0;
}

/*
 * Notes with no heading: a first paragraph of one line that plainly is a
 * title ("Minutes of the 12th steering meeting, March 3rd, 2021"): short,
 * no sentence and no "Label: value" line, naming the kind of meeting
 * (conv_title_words).  Returns it (caller frees) or NULL.
 */
static char *
title_line(const struct node *n)
{
	struct xlines ls;
	char *t = NULL, *low, *colon;
	size_t len, i, w;
	int yes = 0;

	if (n == NULL || n->type != MTG_N_PARAGRAPH)
		return NULL;
	xlines_of(n, &ls);
	if (ls.n == 1) {
		t = x_squeeze(xstrdup(ls.v[0].text));
		len = strlen(t);
		colon = strchr(t, ':');
		yes = len >= 8 && len <= 100 && strchr(".:?!;", t[len - 1]) ==
		    NULL && (colon == NULL || colon - t > 30) &&
		    (isupper((unsigned char)*t) || (unsigned char)*t >= 0xc3);
		low = x_lower(xstrdup(t));
		for (i = 0, w = 0; yes && conv_title_words[i] != NULL; i++)
			if (has_word(low, conv_title_words[i]))
				w++;
		yes = yes && w > 0;
		free(low);
	}
	xlines_free(&ls);
	if (!yes) {
		free(t);
		return NULL;
	}
	return t;
}

/* Without a front-matter title: the first H1, or a first heading that
 * opens the notes and is no section name; with no heading, a first line
 * that is a title.  Leaves NULL otherwise. */
static void
title_fallback(struct meeting *m)
{
	const struct node *n, *any = NULL;

	if (m->title != NULL)
		return;
	/* The first H1, unless an H2 comes before it: then the notes
	 * start with their own heading ("## libp2p … # Week 14"). */
	for (n = m->body->first; n != NULL; n = n->next) {
		if (n->type != MTG_N_HEADING)
			continue;
		if (n->level == 1) {
			any = n;
			break;
		}
		if (n->level == 2)
			break;
	}
	/* No H1 first: a heading that opens the notes and names no
	 * section of the conventions ("## libp2p", not "## Attendees"). */
	if (any == NULL && (n = m->body->first) != NULL &&
	    n->type == MTG_N_HEADING) {
		char *t = x_text(n);

		if (x_classify_label(t) == XK_NONE)
			any = n;
		free(t);
	}
	if (any != NULL) {
		m->title = x_text(any);
		if (*m->title == '\0') {
			free(m->title);
			m->title = NULL;
		}
	}
	if (m->title == NULL && any == NULL)
		m->title = title_line(m->body->first);
}

/* --- the date ------------------------------------------------------------ */

/* date_find, also accepting "2019.10.17". */
static int
find_date(const char *text, struct date *out)
{
	char *t, *p;
	int rc;

	if (date_find(text, out) == 0)
		return 0;
	t = xstrdup(text);
	for (p = t; *p != '\0'; p++)
		if (*p == '.' && p > t && isdigit((unsigned char)p[-1]) &&
		    isdigit((unsigned char)p[1]))
			*p = '-';
	rc = date_find(t, out);
	free(t);
	return rc;
}

/* "Date: 2019.10.17", "Meeting Date/Time: Friday, April 12, 2019". */
static int
date_line(const char *s, struct date *out)
{
	const char *colon = strchr(s, ':');
	char *label;
	int ok;

	if (colon == NULL || colon - s > 40)
		return -1;
	label = x_lower(xstrndup(s, (size_t)(colon - s)));
	ok = strstr(label, "date") != NULL && strstr(label, "next") == NULL &&
	    strstr(label, "due") == NULL && strstr(label, "deadline") == NULL &&
	    strstr(label, "release") == NULL && strstr(label, "target") == NULL;
	free(label);
	if (!ok)
		return -1;
	return find_date(colon + 1, out);
}

/* Whether s starts with "am" or "pm" as a word, in either case. */
static int
ampm(const char *s)
{
	return (s[0] == 'a' || s[0] == 'p' || s[0] == 'A' || s[0] == 'P') &&
	    (s[1] == 'm' || s[1] == 'M') && !isalpha((unsigned char)s[2]);
}

/* The length of a clock time at s ("16:00", "9.30am", "4pm"), or 0. */
static size_t
clock_at(const char *s)
{
	size_t i = 0, d;

	while (isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 2)
		return 0;
	d = i;
	if ((s[i] == ':' || s[i] == '.') && isdigit((unsigned char)s[i + 1]) &&
	    isdigit((unsigned char)s[i + 2]) && !isdigit((unsigned char)s[i + 3]))
		i += 3;
	/* "15.10.2025", "10:30:00" or "2.10.1" are no clock */
	if ((s[i] == '.' || s[i] == ':' || s[i] == '/' || s[i] == '-') &&
	    isdigit((unsigned char)s[i + 1]))
		return 0;
	if (s[i] == ' ' && ampm(s + i + 1))
		i++;
	if (ampm(s + i))
		i += 2;
	/* a bare number is no time; "9.30" only with am or pm */
	if (i == d || (s[d] == '.' && !isalpha((unsigned char)s[i - 1])))
		return 0;
	return i;
}

/*
 * "Date: Wednesday 15 October 2025, 16:00–16:45 UTC (Zoom)": the time
 * (a clock time or range, its zone) and the place (a closing
 * parenthesis, or what follows the time after a comma) fill the meeting's
 * time and location when nothing else gave them.
 */
static void
date_extras(struct meeting *m, const char *v)
{
	static const char *const dashes[] = { "–", "—", "-", " to ", NULL };
	const char *p, *t = NULL, *end = NULL, *rest;
	size_t n, k, i;

	for (p = v; *p != '\0' && t == NULL; p++)
		if ((p == v || p[-1] == ' ' || p[-1] == '(' || p[-1] == ',') &&
		    (n = clock_at(p)) > 0)
			t = p, end = p + n;
	if (t != NULL) {
		/* A range and a zone: "16:00–16:45 UTC", "9am - 10am PT". */
		p = end;
		while (*p == ' ')
			p++;
		for (i = 0; dashes[i] != NULL; i++) {
			k = strlen(dashes[i]);
			if (strncmp(p, dashes[i], k) == 0) {
				const char *q = p + k;

				while (*q == ' ')
					q++;
				if ((n = clock_at(q)) > 0)
					end = q + n;
				break;
			}
		}
		p = end;
		while (*p == ' ')
			p++;
		for (k = 0; isupper((unsigned char)p[k]) || (k > 0 &&
		    (p[k] == '+' || p[k] == '-' || isdigit((unsigned char)p[k])));
		    k++)
			;
		if (k >= 2 && k <= 8 && !isalpha((unsigned char)p[k]))
			end = p + k;
		if (m->time == NULL)
			m->time = xstrndup(t, (size_t)(end - t));
	}
	if (m->location != NULL)
		return;
	n = strlen(v);
	while (n > 0 && v[n - 1] == ' ')
		n--;
	/* "16:00 UTC (Zoom)": after the time, no zone "(UTC)", no
	 * "(Wednesday)" after a date alone. */
	if (end != NULL && n > 2 && v[n - 1] == ')' &&
	    (p = memrchr(v, '(', n)) != NULL && p >= end &&
	    n - (size_t)(p - v) > 2) {
		char *place = x_squeeze(xstrndup(p + 1, n - (size_t)(p - v) - 2));

		for (k = 0; place[k] != '\0' && !islower((unsigned char)place[k]);
		    k++)
			;
		if (place[k] != '\0' && strpbrk(place, "0123456789") == NULL)
			m->location = place;
		else
			free(place);
		return;
	}
	/* "…, 16:00 UTC, Room 4" */
	rest = end;
	if (rest != NULL && (rest[0] == ',' || strncmp(rest, " at ", 4) == 0 ||
	    strncmp(rest, " in ", 4) == 0)) {
		rest += rest[0] == ',' ? 1 : 4;
		while (*rest == ' ')
			rest++;
		if (*rest != '\0' && strlen(rest) <= 60)
			m->location = x_squeeze(xstrdup(rest));
	}
}

static int
block_date_line(const struct node *b, struct date *out, const char **value,
    char **copy)
{
	struct xlines ls;
	size_t i;
	int rc = -1;

	xlines_of(b, &ls);
	for (i = 0; i < ls.n && rc != 0; i++)
		if ((rc = date_line(ls.v[i].text, out)) == 0 && copy != NULL) {
			*copy = xstrdup(ls.v[i].text);
			*value = strchr(*copy, ':') + 1;
		}
	xlines_free(&ls);
	return rc;
}

/* A Date: line in a heading, a paragraph or an item of a top-level list;
 * or, near the top, a paragraph that is nothing but a date. */
static int
body_date(struct xctx *c, struct date *out)
{
	const struct node *b, *item;
	int nblocks = 0;

	const char *v = NULL;
	char *line = NULL;

	for (b = c->first; b != NULL && b != c->stop; b = b->next) {
		if ((b->type == MTG_N_HEADING || b->type == MTG_N_PARAGRAPH) &&
		    block_date_line(b, out, &v, &line) == 0)
			goto found;
		if (b->type == MTG_N_LIST)
			for (item = b->first; item != NULL; item = item->next)
				if (x_item_para(item) != NULL &&
				    block_date_line(x_item_para(item), out, &v,
				    &line) == 0)
					goto found;
	}
	for (b = c->first; b != NULL && b != c->stop && nblocks < 10;
	    b = b->next, nblocks++)
		if (b->type == MTG_N_PARAGRAPH) {
			char *t = x_text(b);
			int rc = date_parse(t, out);

			free(t);
			if (rc == 0)
				return 0;
		}
	return -1;
found:
	date_extras(c->m, v);
	free(line);
	return 0;
}

static void
set_date(struct meeting *m, const struct date *dt)
{
	char iso[16];

	date_format(dt, iso);
	free(m->date);
	m->date = xstrdup(iso);
}

/* --- the agenda ---------------------------------------------------------- */

/*
 * Adds a list's items (their first paragraph) and, nested, their
 * sub-lists; recursion is bounded by the parser's nesting cap.  A
 * numbered list whose numbers go back ("1. 2. 3." then "1. Welcome" with
 * its minutes) holds the agenda up to there only: Markdown makes one list
 * of the agenda and the minutes numbered after it.
 */
static void
agenda_list(struct agenda_item **v, size_t *n, size_t *cap,
    const struct node *list)
{
	const struct node *item, *sub;

	for (item = list->first; item != NULL; item = item->next) {
		const struct node *para = x_item_para(item);
		const struct node *prev = node_prev(item);
		struct agenda_item *a;
		char *t;

		if (list->ordered && prev != NULL &&
		    item->number < prev->number)
			break;
		if (para == NULL)
			continue;
		t = x_text(para);
		if (*t == '\0') {
			free(t);
			continue;
		}
		a = agenda_add_item(v, n, cap, t, item->line);
		free(t);
		for (sub = item->first; sub != NULL; sub = sub->next)
			if (sub->type == MTG_N_LIST)
				agenda_list(&a->items, &a->nitems, &a->itemscap,
				    sub);
	}
}

static int topic_heading(struct xctx *, const struct node *);

/* The list of a "Agenda" heading's section, or its subheadings. */
static int
agenda_section(struct xctx *c, const struct node *h)
{
	struct meeting *m = c->m;
	const struct node *b;
	int sublevel = 0;

	for (b = h->next; b != NULL && b != c->stop; b = b->next) {
		if (b->type == MTG_N_HEADING) {
			if (b->level <= h->level)
				break;
			if (sublevel == 0)
				sublevel = b->level;
			continue;
		}
		if (b->type == MTG_N_LIST && sublevel == 0) {
			agenda_list(&m->agenda, &m->nagenda, &m->agendacap, b);
			return m->nagenda > 0;
		}
	}
	if (sublevel == 0)
		return 0;
	for (b = h->next; b != NULL && b != c->stop; b = b->next) {
		char *t;

		if (b->type != MTG_N_HEADING)
			continue;
		if (b->level < h->level)
			break;
		/* "## Agenda", its items "### …", then "## Next week's
		 * working session", "## Q&A": topics at the level of the
		 * Agenda heading go on with it, up to the first that is none
		 * ("## Upcoming Meetings"). */
		if (b->level == h->level && (m->nagenda == 0 ||
		    !topic_heading(c, b)))
			break;
		if (b->level != sublevel && b->level != h->level)
			continue;
		t = x_text(b);
		if (*t != '\0')
			agenda_add_item(&m->agenda, &m->nagenda, &m->agendacap,
			    t, b->line);
		free(t);
	}
	return m->nagenda > 0;
}

static int
is_agenda_label(const struct node *para)
{
	char *t;
	int yes;
	size_t n;

	if (para == NULL || para->type != MTG_N_PARAGRAPH)
		return 0;
	t = x_text(para);
	n = strlen(t);
	yes = (n > 0 && n < 60 && t[n - 1] == ':' &&
	    x_classify_label(t) == XK_AGENDA) || x_agenda_note(t);
	free(t);
	return yes;
}

static void extract_agenda_list(struct xctx *);

/* Whether the folded text of a heading is a word of list. */
static int
heading_in(const struct node *h, const char *const *list)
{
	char *t = x_strip_label(x_lower(x_text(h)));
	int yes = conv_word_in(list, t, strlen(t));

	free(t);
	return yes;
}

/* Whether a heading can be a topic of the meeting: not its title, no
 * section of the conventions (attendance, actions), no "Links", no
 * numbered period of a plan ("Week 3"). */
static int
topic_heading(struct xctx *c, const struct node *h)
{
	char *t = x_text(h);
	struct date dt;
	int yes = *t != '\0' && x_classify_label(t) == XK_NONE &&
	    (c->m->title == NULL || strcmp(t, c->m->title) != 0) &&
	    !heading_in(h, conv_not_topic) && !split_dated_heading(h, &dt) &&
	    !conv_period_heading(t);

	free(t);
	return yes;
}

/*
 * "# Action items" before "# Shepherded items", "# Triage": reviewing
 * the actions is an item of the meeting when topics follow it at its
 * level; last, it only lists what the meeting decided to do, and a
 * "Summary of actions" first sums them up.
 */
static int
review_heading(struct xctx *c, const struct node *h, int level)
{
	const struct node *b;

	if (!heading_in(h, conv_review_headings))
		return 0;
	for (b = h->next; b != NULL && b != c->stop; b = b->next)
		if (b->type == MTG_N_HEADING && b->level == level &&
		    topic_heading(c, b))
			return 1;
	return 0;
}

/*
 * No agenda list: the sub-headings of a "Topics" heading, or else the
 * topic headings of the first level that has two or more of them.
 */
static int
agenda_from_headings(struct xctx *c)
{
	struct meeting *m = c->m;
	const struct node *b;
	size_t count[7] = {0};
	int l, level = 0;

	for (b = c->first; b != NULL && b != c->stop; b = b->next)
		if (b->type == MTG_N_HEADING &&
		    heading_in(b, conv_topics_headings) && agenda_section(c, b))
			return 1;
	for (b = c->first; b != NULL && b != c->stop; b = b->next)
		if (b->type == MTG_N_HEADING && b->level >= 1 && b->level <= 6 &&
		    topic_heading(c, b))
			count[b->level]++;
	for (l = 1; l <= 6 && level == 0; l++)
		if (count[l] >= 2)
			level = l;
	if (level == 0)
		return 0;
	for (b = c->first; b != NULL && b != c->stop; b = b->next)
		if (b->type == MTG_N_HEADING && b->level == level &&
		    (topic_heading(c, b) || review_heading(c, b, level))) {
			char *t = x_text(b);

			agenda_add_item(&m->agenda, &m->nagenda, &m->agendacap,
			    t, b->line);
			free(t);
		}
	return m->nagenda > 0;
}

/*
 * No agenda and no topic headings: a list whose items are all short
 * titles with the discussion nested under them ("* License Scan Status"
 * over its points) lists the topics.
 */
static void
agenda_from_topic_list(struct xctx *c)
{
	struct meeting *m = c->m;
	const struct node *b, *item, *sub;

	for (b = c->first; b != NULL && b != c->stop; b = b->next) {
		size_t n = 0, ok = 0;

		if (b->type != MTG_N_LIST)
			continue;
		for (item = b->first; item != NULL; item = item->next, n++) {
			const struct node *para = x_item_para(item);
			char *t;
			size_t words = 1, len;
			const char *p;

			for (sub = item->first; sub != NULL &&
			    sub->type != MTG_N_LIST; sub = sub->next)
				;
			if (para == NULL || sub == NULL)
				continue;
			t = x_text(para);
			len = strlen(t);
			for (p = t; *p != '\0'; p++)
				words += *p == ' ';
			if (len > 0 && words <= 8 && strchr(".:?!", t[len - 1]) ==
			    NULL && x_classify_label(t) == XK_NONE &&
			    strchr(t, ':') == NULL)
				ok++;
			free(t);
		}
		if (n >= 2 && ok == n) {
			for (item = b->first; item != NULL; item = item->next) {
				char *t = x_text(x_item_para(item));

				agenda_add_item(&m->agenda, &m->nagenda,
				    &m->agendacap, t, item->line);
				free(t);
			}
			return;
		}
	}
}

/* The first agenda of the meeting: a list under an "Agenda" heading, after
 * an "Agenda:" paragraph or under an "Agenda:" list item; else topics. */
static void
extract_agenda(struct xctx *c)
{
	extract_agenda_list(c);
	if (c->m->nagenda == 0 && !agenda_from_headings(c))
		agenda_from_topic_list(c);
}

static void
extract_agenda_list(struct xctx *c)
{
	struct meeting *m = c->m;
	const struct node *b, *item, *sub;

	for (b = c->first; b != NULL && b != c->stop; b = b->next) {
		if (b->type == MTG_N_HEADING) {
			char *t = x_text(b);
			int yes = x_classify_label(t) == XK_AGENDA;

			free(t);
			if (yes && agenda_section(c, b))
				return;
		} else if (b->type == MTG_N_PARAGRAPH && is_agenda_label(b) &&
		    b->next != NULL && b->next->type == MTG_N_LIST) {
			agenda_list(&m->agenda, &m->nagenda, &m->agendacap,
			    b->next);
			if (m->nagenda > 0)
				return;
		} else if (b->type == MTG_N_LIST) {
			for (item = b->first; item != NULL; item = item->next) {
				if (!is_agenda_label(x_item_para(item)))
					continue;
				for (sub = item->first; sub != NULL;
				    sub = sub->next)
					if (sub->type == MTG_N_LIST)
						agenda_list(&m->agenda,
						    &m->nagenda, &m->agendacap,
						    sub);
				if (m->nagenda > 0)
					return;
			}
		}
	}
}

/* --- marker lines ------------------------------------------------------- */

/*
 * "ACTION: Ana to …\nACTION: Ben to …" in one paragraph: the soft break
 * before each marker line becomes a hard one, so that every format shows
 * one line per action instead of one run-on paragraph.
 */
static void
break_marker_lines(struct meeting *m)
{
	struct node *n, *k;
	struct buf b = {0};

	for (n = m->body; n != NULL;
	    n = (struct node *)node_walk_next(m->body, n)) {
		if (n->type != MTG_N_SOFTBREAK)
			continue;
		b.len = 0;
		for (k = n->next; k != NULL && k->type != MTG_N_SOFTBREAK &&
		    k->type != MTG_N_LINEBREAK && b.len < 80; k = k->next) {
			char *t = node_text(k);

			buf_puts(&b, t);
			free(t);
		}
		buf_put(&b, "", 0);
		if (x_marker_line(b.data))
			n->type = MTG_N_LINEBREAK;
	}
	buf_free(&b);
}

/* --- the whole ----------------------------------------------------------- */

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

void
extract_meeting(struct meeting *m, struct diags *d)
{
	struct xctx c;
	struct date dt;
	size_t i;

	if (m == NULL || m->body == NULL)
		return;
	memset(&c, 0, sizeof(c));
	c.m = m;
	c.d = d;
	c.first = m->body->first;
	c.stop = NULL;
	sections_and_links(m);
	title_fallback(m);
	if (m->nmeetings == 0)
		m->nmeetings = 1;
	if (m->date == NULL) {
		if (body_date(&c, &dt) == 0 ||
		    (m->title != NULL && find_date(m->title, &dt) == 0) ||
		    find_date(base_name(m->source), &dt) == 0)
			set_date(m, &dt);
	}
	if (m->date != NULL && date_parse(m->date, &c.date) == 0)
		c.has_date = 1;
	c.fill_present = m->attendees.n == 0;
	c.fill_apologies = m->apologies.n == 0;
	c.fill_absent = m->absent.n == 0;
	c.fill_chairs = m->chairs.n == 0;
	c.fill_staff = m->staff.n == 0;
	c.fill_observers = m->observers.n == 0;
	c.fill_scribes = m->scribes.n == 0;
	extract_attendance(&c);
	c.pp = people_new(m);
	for (i = 0; i + 1 < c.handles.n; i += 2)
		people_add_alias(c.pp, c.handles.v[i], c.handles.v[i + 1]);
	extract_agenda(&c);
	break_marker_lines(m);
	extract_actions(&c);
	extract_actions_finish(&c);
	people_free(c.pp);
	strlist_free(&c.handles);
	strmap_free(&c.seen_actions);
	strmap_free(&c.seen_decisions);
	strlist_free(&c.speakers);
	free(c.weak_actions);
	free(c.weak_decisions);
}

static void
count_of(struct buf *b, size_t n, const char *one, const char *many)
{
	char num[32];

	snprintf(num, sizeof(num), "%zu ", n);
	if (b->len > 0)
		buf_puts(b, ", ");
	buf_puts(b, num);
	buf_puts(b, n == 1 ? one : many);
}

char *
extract_summary(const struct meeting *m)
{
	struct buf b = {0};
	size_t i, unowned = 0;
	char num[64];

	for (i = 0; i < m->nactions; i++)
		unowned += m->actions[i].owners.n == 0;
	count_of(&b, m->attendees.n + m->chairs.n, "attendee", "attendees");
	count_of(&b, m->apologies.n + m->absent.n, "apology", "apologies");
	count_of(&b, m->nagenda, "agenda item", "agenda items");
	count_of(&b, m->nactions, "action", "actions");
	if (unowned > 0) {
		snprintf(num, sizeof(num), " (%zu without owner)", unowned);
		buf_puts(&b, num);
	}
	count_of(&b, m->ndecisions, "decision", "decisions");
	count_of(&b, m->nteams, "team", "teams");
	if (m->scribes.n > 0)
		count_of(&b, m->scribes.n, "scribe", "scribes");
	buf_put(&b, "", 0);
	return buf_detach(&b);
}
