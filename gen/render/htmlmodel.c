/*
 * htmlmodel.c -- the meeting as a Mustache context for the HTML templates.
 *
 * Agenda items are matched to sections by normalised title: lower case,
 * words only, leading numbers dropped ("3. Updates" is "updates").  An
 * item matches the section of the same title, else the section named by
 * the item's text before a colon ("Demo: Ann" finds "Demo"), else the one
 * whose text before a colon is the same, else the longest section title
 * that starts the item's title.  Titles are kept sorted, so matching costs
 * a few binary searches per item, never a scan of every section.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "htmlmodel.h"

#define AGENDA_MAX_DEPTH 64

struct hm_key {
	char		*key;	/* normalised title, or its part before ':' */
	int		 head;	/* 1: the part before ':' */
	size_t		 sec;	/* index into m->sections */
	const char	*id;	/* the id its heading carries */
};

/*
 * Returns the length of the non-ASCII space or punctuation at s (U+00A0,
 * U+2000 to U+206F, U+3000), or 0.
 */
static size_t
separator(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	if (len >= 2 && p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (len >= 3 && p[0] == 0xe2 && (p[1] == 0x80 || p[1] == 0x81) &&
	    p[2] >= 0x80 && p[2] <= 0xbf)
		return 3;
	if (len >= 3 && p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/*
 * Normalises s[0..len) for matching: ASCII letters lower-cased, runs of
 * other ASCII characters and of separator() become one space, other
 * non-ASCII bytes are kept, and leading words made of digits only ("3",
 * "3.1") are dropped.  Caller frees.
 */
static char *
normalise(const char *s, size_t len)
{
	struct buf b = {0};
	size_t i, k, start;
	int space = 0, digits = 1;
	unsigned char c;

	buf_put(&b, "", 0);
	start = 0;
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((k = separator(s + i, len - i)) > 0) {
			/* No-break spaces, dashes, curly quotes. */
			space = b.len > 0;
			i += k - 1;
			continue;
		}
		if (c < 0x80 && !(c >= 'a' && c <= 'z') &&
		    !(c >= '0' && c <= '9')) {
			space = b.len > 0;
			continue;
		}
		if (space) {
			/* A word ends: drop it if it was all digits. */
			if (digits && start == 0) {
				b.len = 0;
				b.data[0] = '\0';
			} else {
				buf_putc(&b, ' ');
				start = 1;
			}
			space = 0;
			digits = 1;
		}
		if (!(c >= '0' && c <= '9'))
			digits = 0;
		buf_putc(&b, (char)c);
	}
	return buf_detach(&b);
}

/* The normalised part of title before its first colon, or NULL. */
static char *
normalise_head(const char *title)
{
	const char *colon = strchr(title, ':');

	return colon != NULL && colon > title ?
	    normalise(title, (size_t)(colon - title)) : NULL;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct hm_key *x = a, *y = b;
	int c;

	if (x->head != y->head)
		return x->head - y->head;
	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->sec < y->sec ? -1 : x->sec > y->sec;
}

/*
 * Finds the section whose key (of kind head) is key: of several, the
 * first one after line (a section follows its agenda), else the first.
 * Returns its id, or NULL.
 */
static const char *
key_find(const struct htmlmodel *hm, int head, const char *key, int line)
{
	size_t lo = 0, hi = hm->nkeys, mid, i;
	struct hm_key k = { (char *)key, head, 0, NULL };

	if (*key == '\0')
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (key_cmp(&hm->keys[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < hm->nkeys && hm->keys[i].head == head &&
	    strcmp(hm->keys[i].key, key) == 0; i++)
		if (hm->m->sections[hm->keys[i].sec].line > line)
			return hm->keys[i].id;
	if (lo < hm->nkeys && hm->keys[lo].head == head &&
	    strcmp(hm->keys[lo].key, key) == 0)
		return hm->keys[lo].id;
	return NULL;
}

const char *
htmlmodel_agenda_href(const struct htmlmodel *hm, const char *title,
    int line)
{
	const char *id;
	char *full, *head;
	size_t len;

	if (title == NULL || hm->nkeys == 0)
		return NULL;
	full = normalise(title, strlen(title));
	head = normalise_head(title);
	id = key_find(hm, 0, full, line);
	if (id == NULL && head != NULL)
		id = key_find(hm, 0, head, line);
	if (id == NULL && head != NULL)
		id = key_find(hm, 1, head, line);
	/* The longest section title that is a word prefix of the item. */
	for (len = strlen(full); id == NULL && len > 0; len--) {
		if (full[len] != ' ')
			continue;
		full[len] = '\0';
		id = key_find(hm, 0, full, line);
	}
	free(full);
	free(head);
	return id;
}

/*
 * Is s (normalised: lower case, single spaces) nothing but a date, such as
 * "5 march 2026", "thursday 6th july 2017" or "2017 07 06"?
 */
static int
only_date(const char *s)
{
	static const char *const words[] = {
		"jan", "january", "feb", "february", "mar", "march", "apr",
		"april", "may", "jun", "june", "jul", "july", "aug", "august",
		"sep", "sept", "september", "oct", "october", "nov", "november",
		"dec", "december", "mon", "monday", "tue", "tuesday", "wed",
		"wednesday", "thu", "thursday", "fri", "friday", "sat",
		"saturday", "sun", "sunday", "st", "nd", "rd", "th", "of", NULL
	};
	size_t len, i, k;
	int any = 0;

	while (*s != '\0') {
		len = strcspn(s, " ");
		for (k = 0; k < len && s[k] >= '0' && s[k] <= '9'; k++)
			;
		/* "6th": digits, then an ordinal suffix. */
		if (k > 0 && len - k == 2 && (strncmp(s + k, "st", 2) == 0 ||
		    strncmp(s + k, "nd", 2) == 0 ||
		    strncmp(s + k, "rd", 2) == 0 ||
		    strncmp(s + k, "th", 2) == 0))
			k = len;
		if (k < len) {
			for (i = 0; words[i] != NULL; i++)
				if (strlen(words[i]) == len &&
				    strncmp(s, words[i], len) == 0)
					break;
			if (words[i] == NULL)
				return 0;
		} else
			any = 1;
		s += len;
		s += strspn(s, " ");
	}
	return any;
}

/*
 * The level-1 heading that opens the notes and repeats the title, perhaps
 * followed by the date ("Release sync — 5 March 2026" for the title
 * "Release sync"): the page prints both itself, so the body skips it.
 */
static const struct node *
title_heading(const struct meeting *m)
{
	const struct node *n;
	char *a, *b, *text;
	size_t len;
	int same;

	if (m->body == NULL || m->title == NULL)
		return NULL;
	for (n = m->body->first; n != NULL; n = n->next)
		if (n->type == MTG_N_HEADING)
			break;
	if (n == NULL || n->level != 1)
		return NULL;
	text = node_text(n);
	a = normalise(text, strlen(text));
	b = normalise(m->title, strlen(m->title));
	len = strlen(b);
	same = strcmp(a, b) == 0 || (len > 0 && strncmp(a, b, len) == 0 &&
	    a[len] == ' ' && only_date(a + len + 1));
	free(text);
	free(a);
	free(b);
	return same ? n : NULL;
}

struct line_ref {
	int				 line;
	const struct agenda_item	*item;
	int				 used;
};

static int
line_cmp(const void *a, const void *b)
{
	const struct line_ref *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

static void
flatten(const struct agenda_item *v, size_t n, struct line_ref **refs,
    size_t *nrefs, size_t *cap, int depth)
{
	size_t i;

	for (i = 0; i < n && depth < AGENDA_MAX_DEPTH; i++) {
		*refs = xgrow(*refs, cap, *nrefs + 1, sizeof(**refs));
		(*refs)[*nrefs].line = v[i].line;
		(*refs)[*nrefs].item = &v[i];
		(*refs)[*nrefs].used = 0;
		(*nrefs)++;
		flatten(v[i].items, v[i].nitems, refs, nrefs, cap, depth + 1);
	}
}

/*
 * Finds the list items of the body that the agenda was read from (by
 * line) and anchors each to its section.
 */
static void
link_agenda(struct htmlmodel *hm)
{
	const struct meeting *m = hm->m;
	const struct node *n;
	struct line_ref *refs = NULL, key, *hit;
	size_t nrefs = 0, cap = 0;
	const char *id;

	flatten(m->agenda, m->nagenda, &refs, &nrefs, &cap, 0);
	if (nrefs == 0 || m->body == NULL)
		goto out;
	qsort(refs, nrefs, sizeof(*refs), line_cmp);
	for (n = m->body; n != NULL; n = node_walk_next(m->body, n)) {
		if (n->type != MTG_N_ITEM)
			continue;
		key.line = n->line;
		if ((hit = bsearch(&key, refs, nrefs, sizeof(*refs),
		    line_cmp)) == NULL || hit->used)
			continue;
		hit->used = 1;
		hm->agenda_linked = 1;
		id = htmlmodel_agenda_href(hm, hit->item->title, hit->line);
		if (id != NULL)
			html_anchors_add(&hm->anchors, n, id);
	}
out:
	free(refs);
}

void
htmlmodel_init(struct htmlmodel *hm, const struct meeting *m,
    const struct render_opts *opts)
{
	const struct node *skip = title_heading(m);
	const struct section *s;
	const char *id;
	char *key;
	size_t i, cap = 0;
	char *head;

	memset(hm, 0, sizeof(*hm));
	hm->m = m;
	hm->title_node = skip;
	hm->opts = opts;
	html_anchors_sections(&hm->anchors, m);
	/* The skipped title heading must not be a link target. */
	for (i = 0; i < hm->anchors.n; i++)
		if (hm->anchors.v[i].node == skip)
			hm->anchors.v[i] = hm->anchors.v[--hm->anchors.n];
	html_anchors_sort(&hm->anchors);
	for (i = 0; i < m->nsections; i++) {
		s = &m->sections[i];
		if (s->title == NULL || (id = html_anchors_find(&hm->anchors,
		    s->heading)) == NULL)
			continue;
		/* The agenda's own heading is no item's minutes. */
		key = normalise(s->title, strlen(s->title));
		if (strcmp(key, "agenda") == 0) {
			free(key);
			continue;
		}
		hm->keys = xgrow(hm->keys, &cap, hm->nkeys + 2,
		    sizeof(*hm->keys));
		hm->keys[hm->nkeys].key = key;
		hm->keys[hm->nkeys].head = 0;
		hm->keys[hm->nkeys].id = id;
		hm->keys[hm->nkeys++].sec = i;
		if ((head = normalise_head(s->title)) != NULL) {
			hm->keys[hm->nkeys].key = head;
			hm->keys[hm->nkeys].head = 1;
			hm->keys[hm->nkeys].id = id;
			hm->keys[hm->nkeys++].sec = i;
		}
	}
	if (hm->nkeys > 0)
		qsort(hm->keys, hm->nkeys, sizeof(*hm->keys), key_cmp);
	link_agenda(hm);
	html_anchors_sort(&hm->anchors);
}

void
htmlmodel_free(struct htmlmodel *hm)
{
	size_t i;

	for (i = 0; i < hm->nkeys; i++)
		free(hm->keys[i].key);
	free(hm->keys);
	html_anchors_free(&hm->anchors);
	memset(hm, 0, sizeof(*hm));
}

/* --- the context -------------------------------------------------------- */

/*
 * Sets key to s cleaned for HTML; NULL becomes "", which is false in a
 * section and prints nothing.  Every key is set, even when empty, so that
 * a template never finds a parent's value of the same name instead.
 */
static void
put(struct mval *map, const char *key, const char *s)
{
	char *c;

	if (s == NULL || html_is_clean(s)) {
		mval_set(map, key, mval_string(s));
		return;
	}
	c = html_clean(s);
	mval_set(map, key, mval_string(c));
	free(c);
}

static char *
join(const struct strlist *l, const char *sep)
{
	struct buf b = {0};
	size_t i;

	buf_put(&b, "", 0);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_puts(&b, sep);
		buf_puts(&b, l->v[i]);
	}
	return buf_detach(&b);
}

static struct mval *
names(const struct strlist *l)
{
	struct mval *v = mval_list();
	char *c;
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (html_is_clean(l->v[i])) {
			mval_push(v, mval_string(l->v[i]));
			continue;
		}
		c = html_clean(l->v[i]);
		mval_push(v, mval_string(c));
		free(c);
	}
	return v;
}

/*
 * Sets the list of names l under key, the names joined under key_text
 * ("KEY_text"), and whether there are any under has_key ("has_KEY").
 */
static void
put_names(struct mval *map, const char *key, const char *key_text,
    const char *has_key, const struct strlist *l)
{
	char *text;

	mval_set(map, key, names(l));
	text = join(l, ", ");
	put(map, key_text, text);
	free(text);
	mval_set(map, has_key, mval_bool(l->n > 0));
}

char *
htmlmodel_date_text(const char *iso)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"
	};
	int y, mo, d;
	char tail;

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d%c", &y, &mo, &d,
	    &tail) != 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return NULL;
	return xasprintf("%d %s %d", d, months[mo - 1], y);
}

int
htmlmodel_overdue(const struct meeting *m, const struct action *a)
{
	return a->status == MTG_OPEN && a->due != NULL && m->date != NULL &&
	    strcmp(a->due, m->date) < 0;
}

static struct mval *
agenda_list(const struct htmlmodel *hm, const struct agenda_item *v,
    size_t n, int depth)
{
	struct mval *list = mval_list(), *it;
	size_t i;

	for (i = 0; i < n; i++) {
		it = mval_push(list, mval_map());
		put(it, "title", v[i].title);
		put(it, "href", htmlmodel_agenda_href(hm, v[i].title,
		    v[i].line));
		/* Always set: a missing key would be looked up in the parent
		 * item, and a recursive partial would never end. */
		if (depth + 1 < AGENDA_MAX_DEPTH && v[i].nitems > 0) {
			mval_set(it, "items", agenda_list(hm, v[i].items,
			    v[i].nitems, depth + 1));
			mval_set(it, "has_items", mval_bool(1));
		} else {
			mval_set(it, "items", mval_list());
			mval_set(it, "has_items", mval_bool(0));
		}
	}
	return list;
}

static struct mval *
action_map(const struct meeting *m, const struct action *a)
{
	struct mval *v = mval_map();
	int overdue = htmlmodel_overdue(m, a);
	int tbd = a->status == MTG_OPEN && a->due == NULL;
	char *when = NULL;

	put(v, "id", a->id);
	put(v, "text", a->text);
	put_names(v, "owners", "owners_text", "has_owners", &a->owners);
	put(v, "due", a->due);
	if (a->due_text != NULL && *a->due_text != '\0')
		when = xstrdup(a->due_text);
	else if (a->due != NULL)
		when = htmlmodel_date_text(a->due);
	/* due_text as written (or the date); due_shown never empty when
	 * the item is open, so that a missing date is seen. */
	put(v, "due_text", when);
	put(v, "due_shown", when != NULL ? when : tbd ? "no date" : "");
	free(when);
	mval_set(v, "overdue", mval_bool(overdue));
	mval_set(v, "tbd", mval_bool(tbd));
	mval_set(v, "done", mval_bool(a->status == MTG_DONE));
	mval_set(v, "open", mval_bool(a->status == MTG_OPEN));
	put(v, "status", a->status == MTG_DONE ? "Done" : "Open");
	put(v, "row_class", a->status == MTG_DONE ? "done" :
	    overdue ? "open overdue" : tbd ? "open undated" : "open");
	return v;
}

static void
put_actions(struct mval *ctx, const struct meeting *m)
{
	struct mval *all = mval_list(), *open = mval_list();
	size_t i, nopen = 0, noverdue = 0;

	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];
		struct mval *v = mval_push(all, action_map(m, a));

		if (a->status != MTG_OPEN)
			continue;
		mval_push(open, mval_ref(v));	/* one map in both lists */
		nopen++;
		if (htmlmodel_overdue(m, a))
			noverdue++;
	}
	mval_set(ctx, "actions", all);
	mval_set(ctx, "open_actions", open);
	mval_set(ctx, "has_actions", mval_bool(m->nactions > 0));
	mval_set(ctx, "has_open_actions", mval_bool(nopen > 0));
	mval_set(ctx, "nactions", mval_number((double)m->nactions));
	mval_set(ctx, "nopen", mval_number((double)nopen));
	mval_set(ctx, "noverdue", mval_number((double)noverdue));
	mval_set(ctx, "has_overdue", mval_bool(noverdue > 0));
}

static void
put_attendance(struct mval *ctx, const struct meeting *m)
{
	static const char *const labels[] = {
		"Present", "Apologies", "Absent", "Staff", "Observers"
	};
	const struct strlist *lists[] = {
		&m->attendees, &m->apologies, &m->absent, &m->staff,
		&m->observers
	};
	struct mval *list = mval_list(), *g;
	size_t i;
	int any = 0;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		if (lists[i]->n == 0)
			continue;
		g = mval_push(list, mval_map());
		put(g, "label", labels[i]);
		put_names(g, "names", "names_text", "has_names", lists[i]);
		mval_set(g, "count", mval_number((double)lists[i]->n));
		any = 1;
	}
	mval_set(ctx, "attendance", list);
	mval_set(ctx, "has_attendance", mval_bool(any));
	put_names(ctx, "attendees", "attendees_text", "has_attendees",
	    &m->attendees);
	put_names(ctx, "apologies", "apologies_text", "has_apologies",
	    &m->apologies);
	mval_set(ctx, "nattendees", mval_number((double)m->attendees.n));
}

static void
put_rest(struct mval *ctx, const struct meeting *m)
{
	struct mval *list, *v;
	char *href;
	size_t i;

	list = mval_set(ctx, "decisions", mval_list());
	for (i = 0; i < m->ndecisions; i++) {
		v = mval_push(list, mval_map());
		put(v, "text", m->decisions[i].text);
	}
	mval_set(ctx, "has_decisions", mval_bool(m->ndecisions > 0));

	list = mval_set(ctx, "teams", mval_list());
	for (i = 0; i < m->nteams; i++) {
		v = mval_push(list, mval_map());
		put(v, "name", m->teams[i].name);
		put(v, "rapporteur", m->teams[i].rapporteur);
		put_names(v, "members", "members_text", "has_members",
		    &m->teams[i].members);
	}
	mval_set(ctx, "has_teams", mval_bool(m->nteams > 0));

	list = mval_set(ctx, "links", mval_list());
	for (i = 0; i < m->nlinks; i++) {
		v = mval_push(list, mval_map());
		put(v, "url", m->links[i].url);
		put(v, "text", m->links[i].text != NULL &&
		    *m->links[i].text != '\0' ? m->links[i].text :
		    m->links[i].url);
		href = html_href(m->links[i].url);
		put(v, "href", href);
		mval_set(v, "show_url", mval_bool(href != NULL &&
		    m->links[i].text != NULL && *m->links[i].text != '\0' &&
		    strcmp(m->links[i].text, m->links[i].url) != 0 &&
		    !(str_has_prefix_ci(m->links[i].url, "mailto:") &&
		    strcmp(m->links[i].text, m->links[i].url + 7) == 0)));
		free(href);
	}
	mval_set(ctx, "has_links", mval_bool(m->nlinks > 0));
}

/* The context of hm, built afresh. */
static struct mval *
context_build(const struct htmlmodel *hm)
{
	const struct meeting *m = hm->m;
	struct mval *ctx = mval_map();
	char *s, *css = NULL;
	size_t len;

	put(ctx, "title", m->title != NULL && *m->title != '\0' ? m->title :
	    m->date != NULL ? m->date : "Meeting notes");
	put(ctx, "group", m->group);
	put(ctx, "date", m->date);
	s = htmlmodel_date_text(m->date);
	put(ctx, "date_text", s);
	free(s);
	put(ctx, "time", m->time);
	put(ctx, "location", m->location);
	put_names(ctx, "chairs", "chairs_text", "has_chairs", &m->chairs);
	mval_set(ctx, "chairs_many", mval_bool(m->chairs.n > 1));
	mval_set(ctx, "has_meta", mval_bool(m->date != NULL ||
	    (m->time != NULL && *m->time != '\0') ||
	    (m->location != NULL && *m->location != '\0') ||
	    m->chairs.n > 0));
	put_attendance(ctx, m);

	mval_set(ctx, "agenda", agenda_list(hm, m->agenda, m->nagenda, 0));
	mval_set(ctx, "has_agenda", mval_bool(m->nagenda > 0));
	put_actions(ctx, m);
	put_rest(ctx, m);

	if (hm->opts != NULL && hm->opts->standalone) {
		if (template_read(hm->opts, "html/style.css", &css,
		    &len) == -1) {
			mval_free(ctx);
			return NULL;
		}
		s = html_clean(css);
		mval_set(ctx, "style_inline", mval_bool(1));
		mval_set(ctx, "css", mval_string(s));
		free(s);
		free(css);
	} else {
		mval_set(ctx, "style_inline", mval_bool(0));
		put(ctx, "stylesheet", "../style.css");
	}
	return ctx;
}

struct cached_template {
	char		*name;		/* "html/minutes.html" */
	struct mustache	*t;
};

/*
 * What the HTML pages of a build share: the context of the meeting being
 * rendered, built once for its minutes, agenda, blog and slide pages
 * (each page gets a map of its own over it), and the templates, each read
 * and parsed once for every meeting.
 */
struct render_cache {
	const struct meeting		*m;	/* whose context base is */
	const struct render_opts	*opts;	/* and with which options */
	struct mval			*base;
	struct cached_template		*tmpls;
	size_t				 ntmpls, tmplcap;
};

struct render_cache *
render_cache_new(void)
{
	return xcalloc(1, sizeof(struct render_cache));
}

void
render_cache_end_meeting(struct render_cache *c)
{
	if (c == NULL)
		return;
	mval_free(c->base);
	c->base = NULL;
	c->m = NULL;
	c->opts = NULL;
}

void
render_cache_free(struct render_cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	render_cache_end_meeting(c);
	for (i = 0; i < c->ntmpls; i++) {
		free(c->tmpls[i].name);
		mustache_free(c->tmpls[i].t);
	}
	free(c->tmpls);
	free(c);
}

struct mval *
htmlmodel_context(const struct htmlmodel *hm)
{
	struct render_cache *c = hm->opts != NULL ? hm->opts->cache : NULL;

	if (c == NULL)
		return context_build(hm);
	if (c->base == NULL || c->m != hm->m || c->opts != hm->opts) {
		mval_free(c->base);
		c->m = hm->m;
		c->opts = hm->opts;
		if ((c->base = context_build(hm)) == NULL)
			return NULL;
	}
	return mval_map_over(c->base);
}

/* --- templates ---------------------------------------------------------- */

struct partials {
	const struct render_opts	*opts;
	int				 failed;
};

/* Partial NAME is html/partials/NAME.html; names are [a-z0-9_-]+. */
static char *
partial_fetch(const char *name, void *arg)
{
	struct partials *p = arg;
	char *path, *data;
	const char *c;
	size_t len;

	for (c = name; *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    *c == '-' || *c == '_'))
			break;
	if (*name == '\0' || *c != '\0') {
		diag_error(NULL, 0, 0, "bad partial name \"%s\": use "
		    "letters a-z, digits, - and _", name);
		p->failed = 1;
		return NULL;
	}
	path = xasprintf("html/partials/%s.html", name);
	if (template_read(p->opts, path, &data, &len) == -1) {
		p->failed = 1;
		data = NULL;
	}
	free(path);
	return data;
}

/*
 * Reports template error err (the engine's "LINE:COL: what", or NULL)
 * against the file template name came from.
 */
static void
template_error(const struct htmlmodel *hm, const char *name, char *err)
{
	char *file = NULL, *end;
	long line = 0, col = 0;

	/* Name the file the template came from. */
	if (hm->opts != NULL && hm->opts->templates != NULL) {
		file = xasprintf("%s/%s", hm->opts->templates, name);
		if (access(file, F_OK) == -1) {
			free(file);
			file = NULL;
		}
	}
	if (file == NULL)
		file = xasprintf("templates/%s", name);
	end = err;
	if (err != NULL) {
		line = strtol(err, &end, 10);
		if (*end == ':')
			col = strtol(end + 1, &end, 10);
		if (*end == ':' && line > 0 && col > 0)
			end += strspn(end + 1, " ") + 1;
		else {
			line = col = 0;
			end = err;
		}
	}
	diag_error(file, (int)line, (int)col, "%s",
	    end != NULL ? end : "template error");
	free(file);
}

/*
 * Template name, parsed: from the cache c when it holds it (then *cached
 * is set), else read and parsed.  Returns NULL after printing an error.
 */
static struct mustache *
template_get(const struct htmlmodel *hm, struct render_cache *c,
    const char *name, int *cached)
{
	struct mustache *t;
	char *tmpl, *err = NULL;
	size_t i, len;

	*cached = 0;
	for (i = 0; c != NULL && i < c->ntmpls; i++)
		if (strcmp(c->tmpls[i].name, name) == 0) {
			*cached = 1;
			return c->tmpls[i].t;
		}
	if (template_read(hm->opts, name, &tmpl, &len) == -1)
		return NULL;
	if ((t = mustache_parse(tmpl, &err)) == NULL)
		template_error(hm, name, err);
	free(err);
	free(tmpl);
	if (t != NULL && c != NULL) {
		c->tmpls = xgrow(c->tmpls, &c->tmplcap, c->ntmpls + 1,
		    sizeof(*c->tmpls));
		c->tmpls[c->ntmpls].name = xstrdup(name);
		c->tmpls[c->ntmpls++].t = t;
		*cached = 1;
	}
	return t;
}

/* Drops template t from the cache c, so that it is read again. */
static void
template_forget(struct render_cache *c, const struct mustache *t)
{
	size_t i;

	for (i = 0; i < c->ntmpls; i++)
		if (c->tmpls[i].t == t) {
			free(c->tmpls[i].name);
			mustache_free(c->tmpls[i].t);
			c->tmpls[i] = c->tmpls[--c->ntmpls];
			return;
		}
}

int
htmlmodel_render(const struct htmlmodel *hm, const char *name,
    const struct mval *ctx, struct buf *out)
{
	struct render_cache *c = hm->opts != NULL ? hm->opts->cache : NULL;
	struct partials p = { hm->opts, 0 };
	struct mustache *t;
	char *err = NULL;
	int rc = -1, cached;

	if ((t = template_get(hm, c, name, &cached)) == NULL)
		return -1;
	if (mustache_render_parsed(t, ctx, partial_fetch, &p, out,
	    &err) == -1)
		template_error(hm, name, err);
	else if (!p.failed)
		rc = 0;
	/* A failed template is read again, and its errors said again,
	 * when next used. */
	if (!cached)
		mustache_free(t);
	else if (rc == -1)
		template_forget(c, t);
	free(err);
	return rc;
}
