/*
 * htmlmodel.c -- the meeting as a Mustache context for the HTML templates.
 *
 * The model says which section holds each agenda item's minutes and which
 * heading repeats the title; this file gives them HTML anchors and builds
 * the context the templates read.  Display rules come from present.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "htmlmodel.h"
#include "present.h"

#define AGENDA_MAX_DEPTH 64

/* The anchor of the section of m that holds item's minutes, or NULL. */
static const char *
agenda_href(const struct meeting *m, const struct agenda_item *item)
{
	const struct section *s;

	if (item->section < 0 || (size_t)item->section >= m->nsections)
		return NULL;
	s = &m->sections[item->section];
	/* Section ids are unique; the page writes each on its heading. */
	return s->heading != NULL && s->heading != m->title_node ?
	    s->id : NULL;
}

const char *
htmlmodel_agenda_href(const struct htmlmodel *hm,
    const struct agenda_item *item)
{
	return agenda_href(hm->m, item);
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
		id = htmlmodel_agenda_href(hm, hit->item);
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
	size_t i;

	memset(hm, 0, sizeof(*hm));
	hm->m = m;
	hm->title_node = m->title_node;
	hm->opts = opts;
	html_anchors_sections(&hm->anchors, m);
	/* The skipped title heading must not be a link target. */
	for (i = 0; i < hm->anchors.n; i++)
		if (hm->anchors.v[i].node == m->title_node)
			hm->anchors.v[i] = hm->anchors.v[--hm->anchors.n];
	html_anchors_sort(&hm->anchors);
	link_agenda(hm);
	html_anchors_sort(&hm->anchors);
}

void
htmlmodel_free(struct htmlmodel *hm)
{
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
 * The names of l as HTML under "KEY_html": each in its own <bdi>, so
 * that one name written right to left (or carrying a bidi control)
 * cannot reorder its neighbours in the browser.
 */
static void
put_names_html(struct mval *map, const char *key, const struct strlist *l)
{
	struct buf b = {0};
	char *k;
	size_t i;

	buf_put(&b, "", 0);
	for (i = 0; i < l->n; i++) {
		buf_puts(&b, i > 0 ? ", <bdi>" : "<bdi>");
		html_escape(&b, l->v[i]);
		buf_puts(&b, "</bdi>");
	}
	k = xasprintf("%s_html", key);
	put(map, k, b.data);
	free(k);
	buf_free(&b);
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
	text = present_names(l);
	put(map, key_text, text);
	free(text);
	put_names_html(map, key, l);
	mval_set(map, has_key, mval_bool(l->n > 0));
}

/* What the items of an agenda list are made from. */
struct agenda_arg {
	const struct meeting	 *m;
	const struct agenda_item *v;	/* the items, of m's agenda */
	int			  depth;
};

static struct mval *agenda_list(const struct meeting *,
    const struct agenda_item *, size_t, int);

/* Whether item v, depth deep, lists the items under it. */
static int
agenda_nested(const struct agenda_item *v, int depth)
{
	return depth + 1 < AGENDA_MAX_DEPTH && v->nitems > 0;
}

/* The number of values the maps of items v[0..n) hold, nested items
 * too: each map, its title and href, its items list and has_items. */
static size_t
agenda_values(const struct meeting *m, const struct agenda_item *v,
    size_t n, int depth)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		k += 3 + (v[i].title != NULL) + (agenda_href(m, &v[i]) != NULL);
		if (agenda_nested(&v[i], depth))
			k += agenda_values(m, v[i].items, v[i].nitems,
			    depth + 1);
	}
	return k;
}

/* Item i of an agenda list: its title, the href of its minutes, and the
 * items under it. */
static struct mval *
agenda_map(const void *arg, size_t i)
{
	const struct agenda_arg *a = arg;
	const struct agenda_item *v = &a->v[i];
	struct mval *it = mval_map();

	put(it, "title", v->title);
	put(it, "href", agenda_href(a->m, v));
	/* Always set: a missing key would be looked up in the parent
	 * item, and a recursive partial would never end. */
	if (agenda_nested(v, a->depth)) {
		mval_set(it, "items", agenda_list(a->m, v->items, v->nitems,
		    a->depth + 1));
		mval_set(it, "has_items", mval_bool(1));
	} else {
		mval_set(it, "items", mval_list());
		mval_set(it, "has_items", mval_bool(0));
	}
	return it;
}

/*
 * The agenda items v[0..n) as a list whose maps are made as the page
 * renders them: an agenda of a heading per line of the notes costs one
 * item's values at a time, not every item's.
 */
static struct mval *
agenda_list(const struct meeting *m, const struct agenda_item *v,
    size_t n, int depth)
{
	struct agenda_arg *a = xmalloc(sizeof(*a));

	a->m = m;
	a->v = v;
	a->depth = depth;
	return mval_list_lazy(n, agenda_values(m, v, n, depth), agenda_map,
	    a);
}

static struct mval *
action_map(const struct action *a)
{
	struct mval *v = mval_map();
	int pending = mtg_status_pending(a->status);
	int tbd = pending && a->due == NULL;
	char *when = present_due(a);

	put(v, "id", present_id(a));
	put(v, "text", a->text);
	put_names(v, "owners", "owners_text", "has_owners", &a->owners);
	put(v, "due", a->due);
	put(v, "due_text", when);
	/* Never empty when the item is pending, so a missing date is seen. */
	put(v, "due_shown", *when != '\0' ? when : tbd ? "no date" : "");
	free(when);
	mval_set(v, "overdue", mval_bool(a->overdue));
	mval_set(v, "tbd", mval_bool(tbd));
	mval_set(v, "done", mval_bool(a->status == MTG_DONE));
	mval_set(v, "open", mval_bool(pending));
	put(v, "status", present_status(a->status));
	put(v, "status_name", mtg_status_name(a->status));
	/* Reviewed here, raised in an earlier meeting of the series. */
	put(v, "raised_in", a->raised_in);
	put(v, "raised_date", a->raised_date);
	mval_set(v, "reviewed", mval_bool(a->raised_in != NULL));
	put(v, "row_class", a->status == MTG_DONE ? "done" :
	    a->status == MTG_DROPPED ? "dropped" :
	    a->overdue ? "open overdue" : tbd ? "open undated" : "open");
	return v;
}

/*
 * The actions of a meeting (all of them, or the pending ones: which
 * holds their indexes), as a list whose maps are made as the page
 * renders them: a meeting of ten thousand actions costs one action's
 * values at a time.
 */
struct actions_arg {
	const struct meeting	*m;
	size_t			 which[];	/* indexes into m->actions */
};

static struct mval *
actions_item(const void *arg, size_t i)
{
	const struct actions_arg *a = arg;

	return action_map(&a->m->actions[a->which[i]]);
}

/* The values of action_map() (a bound: the render's work is bounded by
 * them). */
static size_t
action_values(const struct action *a)
{
	return 24 + 3 * a->owners.n;
}

static void
put_actions(struct mval *ctx, const struct meeting *m)
{
	struct actions_arg *all, *open;
	size_t i, nopen = 0, noverdue = 0, vall = 0, vopen = 0;

	all = xmalloc(sizeof(*all) + m->nactions * sizeof(all->which[0]));
	open = xmalloc(sizeof(*open) + m->nactions * sizeof(open->which[0]));
	all->m = open->m = m;
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		all->which[i] = i;
		vall += action_values(a);
		if (!mtg_status_pending(a->status))
			continue;
		open->which[nopen++] = i;
		vopen += action_values(a);
		if (a->overdue)
			noverdue++;
	}
	mval_set(ctx, "actions", mval_list_lazy(m->nactions, vall,
	    actions_item, all));
	mval_set(ctx, "open_actions", mval_list_lazy(nopen, vopen,
	    actions_item, open));
	mval_set(ctx, "has_actions", mval_bool(m->nactions > 0));
	mval_set(ctx, "has_open_actions", mval_bool(nopen > 0));
	mval_set(ctx, "nactions", mval_number((double)m->nactions));
	mval_set(ctx, "nopen", mval_number((double)nopen));
	mval_set(ctx, "noverdue", mval_number((double)noverdue));
	mval_set(ctx, "has_overdue", mval_bool(noverdue > 0));
}

/* The header's roles (present_roles()) under "roles": label, names. */
static void
put_roles(struct mval *ctx, const struct meeting *m)
{
	struct present_role r[PRESENT_ROLES];
	struct mval *list = mval_list(), *g;
	size_t i, n = present_roles(m, r);

	for (i = 0; i < n; i++) {
		g = mval_push(list, mval_map());
		put(g, "label", r[i].label);
		put_names(g, "names", "names_text", "has_names", &r[i].names);
	}
	present_roles_free(r, n);
	mval_set(ctx, "roles", list);
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
		struct strlist shown = {0};

		if (lists[i]->n == 0)
			continue;
		g = mval_push(list, mval_map());
		put(g, "label", labels[i]);
		present_people(m, lists[i], &shown);
		put_names(g, "names", "names_text", "has_names", &shown);
		strlist_free(&shown);
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

/* A neighbouring meeting under key, or false when there is none. */
static void
put_neighbour(struct mval *ctx, const char *key, const struct meeting_ref *r)
{
	struct mval *v;
	char *href, *date;

	if (r == NULL) {
		mval_set(ctx, key, mval_bool(0));
		return;
	}
	v = mval_set(ctx, key, mval_map());
	href = xasprintf("../%s/minutes.html", r->folder);
	put(v, "href", href);
	put(v, "title", r->title);
	put(v, "date", r->date);
	date = present_date(r->date);
	put(v, "date_text", date);
	free(date);
	free(href);
}

/* The links the series gave the meeting: previous, next, the index. */
static void
put_series(struct mval *ctx, const struct meeting *m)
{
	mval_set(ctx, "archived", mval_bool(m->archived));
	put(ctx, "index_href", m->archived ? "../index.html" : NULL);
	put_neighbour(ctx, "prev", m->prev);
	put_neighbour(ctx, "next", m->next);
}

int
htmlmodel_put_style(struct mval *ctx, const struct render_opts *opts,
    const char *href)
{
	char *css, *s;
	size_t len;

	if (opts == NULL || !opts->standalone) {
		mval_set(ctx, "style_inline", mval_bool(0));
		put(ctx, "stylesheet", href);
		return 0;
	}
	if (template_read(opts, "html/style.css", &css, &len) == -1)
		return -1;
	s = html_clean(css);
	mval_set(ctx, "style_inline", mval_bool(1));
	mval_set(ctx, "css", mval_string(s));
	free(s);
	free(css);
	return 0;
}

void
htmlmodel_put(struct mval *map, const char *key, const char *s)
{
	put(map, key, s);
}

/* The context of hm, built afresh. */
static struct mval *
context_build(const struct htmlmodel *hm)
{
	const struct meeting *m = hm->m;
	struct mval *ctx = mval_map();
	char *s;

	put(ctx, "title", m->title != NULL && *m->title != '\0' ? m->title :
	    m->date != NULL ? m->date : "Meeting notes");
	put(ctx, "group", m->group);
	put(ctx, "date", m->date);
	s = present_date(m->date);
	put(ctx, "date_text", s);
	free(s);
	put(ctx, "time", m->time);
	put(ctx, "location", m->location);
	put_names(ctx, "chairs", "chairs_text", "has_chairs", &m->chairs);
	put_roles(ctx, m);
	mval_set(ctx, "has_meta", mval_bool(m->date != NULL ||
	    (m->time != NULL && *m->time != '\0') ||
	    (m->location != NULL && *m->location != '\0') ||
	    m->chairs.n > 0 || m->scribes.n > 0));
	put_attendance(ctx, m);

	mval_set(ctx, "agenda", agenda_list(m, m->agenda, m->nagenda, 0));
	mval_set(ctx, "has_agenda", mval_bool(m->nagenda > 0));
	put_actions(ctx, m);
	put_rest(ctx, m);
	put_series(ctx, m);

	if (htmlmodel_put_style(ctx, hm->opts, "../style.css") == -1) {
		mval_free(ctx);
		return NULL;
	}
	return ctx;
}

/*
 * The last context built in this thread, shared by the minutes, agenda,
 * blog and slide pages of one meeting: it depends on the meeting and on
 * the stylesheet options only.
 */
static _Thread_local struct {
	unsigned long	 serial;	/* of the meeting, 0: none */
	const char	*templates;	/* the options it was built with */
	int		 standalone;
	struct mval	*base;
} last;

struct mval *
htmlmodel_context(const struct htmlmodel *hm)
{
	const char *templates = hm->opts != NULL ? hm->opts->templates : NULL;
	int standalone = hm->opts != NULL && hm->opts->standalone;

	if (last.base == NULL || last.serial != hm->m->serial ||
	    last.templates != templates || last.standalone != standalone) {
		mval_free(last.base);
		last.serial = hm->m->serial;
		last.templates = templates;
		last.standalone = standalone;
		if ((last.base = context_build(hm)) == NULL)
			return NULL;
	}
	return mval_map_over(last.base);
}

void
htmlmodel_context_free(void)
{
	mval_free(last.base);
	last.base = NULL;
	last.serial = 0;
}

/* --- templates ---------------------------------------------------------- */

struct partials {
	const struct render_opts	*opts;
	int				 failed;
};

/*
 * Partial NAME is html/partials/NAME.html; names are [a-z0-9_-]+, any other
 * is refused in *err (said at the tag, in its template).
 */
static char *
partial_fetch(const char *name, void *arg, char **err)
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
		*err = xasprintf("bad partial name \"%s\": use letters "
		    "a-z, digits, - and _", name);
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

int
htmlmodel_render(const struct htmlmodel *hm, const char *name,
    const struct mval *ctx, struct buf *out)
{
	return htmlmodel_page(hm->opts, name, ctx, out);
}

int
htmlmodel_page(const struct render_opts *opts, const char *name,
    const struct mval *ctx, struct buf *out)
{
	struct partials p = { opts, 0 };
	struct mustache *t;
	const char *source;
	char *err = NULL;
	int rc = -1;

	if ((t = template_mustache(opts, name, &source)) == NULL)
		return -1;
	if (mustache_render_parsed(t, ctx, partial_fetch, &p, out,
	    &err) == -1)
		template_error(source, err);
	else if (!p.failed)
		rc = 0;
	free(err);
	/* A failed template is read again, and its errors said again,
	 * when next used. */
	if (rc == -1)
		template_forget(opts, name);
	return rc;
}
