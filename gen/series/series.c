/*
 * series.c -- one identity per action across the meetings of a series.
 *
 * Meetings are taken in date order.  Each action of a meeting is either
 * a review of an action an earlier meeting raised, or a new action:
 *   1. an id written in the notes ("58.1", an ID column, "(2017-06-29-4)")
 *      that an earlier meeting raised names that action;
 *   2. otherwise the same text (case, spacing and punctuation folded) and
 *      the same owners as exactly one action still open is that action;
 *      several such actions are a warning, and nothing is merged;
 *   3. otherwise an open action with the same owners and most of the
 *      same words is only named in a note: it is never merged on a guess.
 * A review updates the status, due date and owners and is kept in the
 * action's history.  Lookups go through hash maps, and a near match
 * compares with a bounded number of actions, so the work stays linear in
 * the number of actions.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "series.h"

/* Near matches: at most this many actions with the same owners are
 * compared, and at most this many words of each. */
#define NEAR_TRIES	256
#define NEAR_WORDS	64

struct series *
series_new(void)
{
	return xcalloc(1, sizeof(struct series));
}

static void
event_free(struct series_event *e)
{
	free(e->text);
	strlist_free(&e->owners);
	free(e->due);
	free(e->due_text);
}

static void
people_free(struct series *s)
{
	size_t i;

	for (i = 0; i < s->npeople; i++)
		free(s->people[i].seen);
	free(s->people);
	s->people = NULL;
	s->npeople = s->peoplecap = 0;
}

void
series_free(struct series *s)
{
	size_t i, j;

	if (s == NULL)
		return;
	for (i = 0; i < s->nmt; i++)
		free(s->mt[i].folder);
	free(s->mt);
	for (i = 0; i < s->nact; i++) {
		struct series_action *a = &s->act[i];

		free(a->id);
		free(a->text);
		strlist_free(&a->owners);
		free(a->due);
		free(a->due_text);
		for (j = 0; j < a->nev; j++)
			event_free(&a->ev[j]);
		free(a->ev);
	}
	free(s->act);
	free(s->dec);
	people_free(s);
	free(s->as_of);
	strmap_free(&s->ids);
	strmap_free(&s->texts);
	strmap_free(&s->owners);
	free(s);
}

void
series_add(struct series *s, const struct meeting *m, struct diags *d)
{
	struct series_meeting *sm;

	s->mt = xgrow(s->mt, &s->mtcap, s->nmt + 1, sizeof(*s->mt));
	sm = &s->mt[s->nmt++];
	sm->m = m;
	sm->w = NULL;
	sm->d = d;
	sm->folder = NULL;
}

void
series_add_writable(struct series *s, struct meeting *m, struct diags *d)
{
	series_add(s, m, d);
	s->mt[s->nmt - 1].w = m;
}

static int
strcmp_null(const char *a, const char *b, int null_last)
{
	if (a == NULL || b == NULL)
		return a == b ? 0 : (a == NULL) == null_last ? 1 : -1;
	return strcmp(a, b);
}

int
series_meeting_cmp(const struct meeting *a, const struct meeting *b)
{
	int c;

	if ((c = strcmp_null(a->date, b->date, 1)) != 0)
		return c;
	if ((c = strcmp_null(a->time, b->time, 0)) != 0)
		return c;
	return strcmp_null(a->source, b->source, 0);
}

static int
meeting_cmp(const void *a, const void *b)
{
	return series_meeting_cmp(((const struct series_meeting *)a)->m,
	    ((const struct series_meeting *)b)->m);
}

void
series_order(struct series *s)
{
	if (s->nmt > 1)
		qsort(s->mt, s->nmt, sizeof(*s->mt), meeting_cmp);
}

const char *
series_group(const struct series *s)
{
	size_t i;

	for (i = 0; i < s->nmt; i++)
		if (s->mt[i].m->group != NULL)
			return s->mt[i].m->group;
	return s->nmt > 0 && s->mt[0].m->title != NULL ? s->mt[0].m->title :
	    "minutes";
}

const char *
series_group_of(const struct series *s, size_t i)
{
	return s->mt[i].m->group != NULL ? s->mt[i].m->group : "";
}

void
series_groups(const struct series *s, struct strlist *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = s->nmt; i-- > 0;)
		if (s->mt[i].m->group != NULL)
			strlist_add_unique(out, s->mt[i].m->group);
}

const char *
series_date(const struct series *s, size_t i)
{
	return s->mt[i].m->date != NULL ? s->mt[i].m->date : "undated";
}

static int
person_cmp(const void *a, const void *b)
{
	return strcmp(((const struct series_person *)a)->name,
	    ((const struct series_person *)b)->name);
}

/*
 * Adds meeting i's word p of each person of l, unless the meeting said
 * something of them already (attendees and chairs come first); index
 * maps a name to its person's index + 1.
 */
static void
people_add(struct series *s, struct strmap *index, size_t i,
    const struct strlist *l, enum series_presence p)
{
	struct series_person *sp;
	struct strmap_e *e;
	size_t k;

	for (k = 0; k < l->n; k++) {
		e = strmap_get(index, l->v[k], strlen(l->v[k]), 1);
		if (e->count == 0) {
			s->people = xgrow(s->people, &s->peoplecap,
			    s->npeople + 1, sizeof(*s->people));
			sp = &s->people[s->npeople++];
			memset(sp, 0, sizeof(*sp));
			sp->name = l->v[k];
			e->count = (int)s->npeople;
		}
		sp = &s->people[e->count - 1];
		if (sp->nseen > 0 && sp->seen[sp->nseen - 1].meeting == i)
			continue;
		sp->seen = xgrow(sp->seen, &sp->seencap, sp->nseen + 1,
		    sizeof(*sp->seen));
		sp->seen[sp->nseen].meeting = i;
		sp->seen[sp->nseen].p = p;
		sp->nseen++;
		sp->count[p]++;
	}
}

/* The people of the ordered meetings, each once, with what each meeting
 * says of them: one pass over the attendance of every meeting. */
static void
people_build(struct series *s)
{
	struct strmap index = {0};
	size_t i;

	people_free(s);
	for (i = 0; i < s->nmt; i++) {
		const struct meeting *m = s->mt[i].m;

		people_add(s, &index, i, &m->attendees, SERIES_PRESENT);
		people_add(s, &index, i, &m->chairs, SERIES_PRESENT);
		people_add(s, &index, i, &m->apologies, SERIES_APOLOGIES);
		people_add(s, &index, i, &m->absent, SERIES_ABSENT);
	}
	if (s->npeople > 1)
		qsort(s->people, s->npeople, sizeof(*s->people), person_cmp);
	strmap_free(&index);
}

/* --- keys ----------------------------------------------------------------- */

/* Appends the letters and digits of s, folded to lower case. */
static void
put_folded(struct buf *b, const char *s)
{
	char small[256], *f, *p, *w;
	size_t len = strlen(s);

	/* Most names and action texts fold on the stack. */
	f = len < sizeof(small) ? small : xmalloc(len + 1);
	str_fold_into(f, s, len);
	for (p = w = f; *p != '\0'; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			*w++ = *p;
	buf_put(b, f, (size_t)(w - f));
	if (f != small)
		free(f);
}

static int
str_pcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The owners, folded and sorted: "alainaina|icannorg".  Caller frees. */
static char *
owners_key(const struct strlist *owners)
{
	struct buf b = {0}, all = {0};
	const char *small[8], **v = small;
	size_t *at, i;

	buf_put(&b, "", 0);
	if (owners->n <= 1) {		/* most actions: nothing to sort */
		if (owners->n == 1)
			put_folded(&b, owners->v[0]);
		return buf_detach(&b);
	}
	/* Each folded name followed by a NUL in one buffer, then sorted. */
	at = xcalloc(owners->n, sizeof(*at));
	for (i = 0; i < owners->n; i++) {
		at[i] = all.len;
		put_folded(&all, owners->v[i]);
		buf_putc(&all, '\0');
	}
	if (owners->n > sizeof(small) / sizeof(small[0]))
		v = xcalloc(owners->n, sizeof(*v));
	for (i = 0; i < owners->n; i++)
		v[i] = all.data + at[i];
	qsort(v, owners->n, sizeof(*v), str_pcmp);
	for (i = 0; i < owners->n; i++) {
		if (i > 0)
			buf_putc(&b, '|');
		buf_puts(&b, v[i]);
	}
	if (v != small)
		free(v);
	free(at);
	buf_free(&all);
	return buf_detach(&b);
}

/* The text and owners key: folded text, '#', the owners' key okey. */
static char *
text_key(const char *text, const char *okey)
{
	struct buf b = {0};

	buf_put(&b, "", 0);
	put_folded(&b, text);
	buf_putc(&b, '#');
	buf_puts(&b, okey);
	return buf_detach(&b);
}

/*
 * Splits s, folded, into at most NEAR_WORDS words of 3 or more letters
 * (short words say little about which action is meant), *n of them into
 * w; they point into the folded copy returned (caller frees).
 */
static char *
words_of(const char *s, char **w, size_t *n)
{
	char *f = str_fold(s, strlen(s)), *p = f, *start;

	*n = 0;
	while (*p != '\0' && *n < NEAR_WORDS) {
		while (*p != '\0' && !isalnum((unsigned char)*p) &&
		    (unsigned char)*p < 0x80)
			p++;
		start = p;
		while (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			p++;
		if (p - start >= 3)
			w[(*n)++] = start;
		if (*p != '\0')
			*p++ = '\0';	/* a separator: the word ends */
	}
	return f;
}

size_t
series_words_shared(const char *a, const char *b, size_t *pna, size_t *pnb)
{
	char *wa[NEAR_WORDS], *wb[NEAR_WORDS], *fa, *fb;
	size_t na, nb, i, j, common = 0;

	fa = words_of(a, wa, &na);
	fb = words_of(b, wb, &nb);
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (strcmp(wa[i], wb[j]) == 0) {
				common++;
				break;
			}
	free(fa);
	free(fb);
	*pna = na;
	*pnb = nb;
	return common;
}

/* Whether texts a and b share most of their words: at least two thirds
 * of the longer one's. */
static int
near_text(const char *a, const char *b)
{
	size_t na, nb, common = series_words_shared(a, b, &na, &nb);

	return common > 0 && common * 3 >= (na > nb ? na : nb) * 2;
}

/* --- the register --------------------------------------------------------- */

static struct series_event *
add_event(struct series_action *sa, size_t meeting, const struct action *a)
{
	struct series_event *e;
	size_t i;

	/* Most actions have one or two events: room for one to start. */
	if (sa->evcap == 0) {
		sa->ev = xmalloc(sizeof(*sa->ev));
		sa->evcap = 1;
	}
	sa->ev = xgrow(sa->ev, &sa->evcap, sa->nev + 1, sizeof(*sa->ev));
	e = &sa->ev[sa->nev++];
	memset(e, 0, sizeof(*e));
	e->meeting = meeting;
	e->line = a->line;
	e->text = xstrdup(a->text);
	for (i = 0; i < a->owners.n; i++)
		strlist_add(&e->owners, a->owners.v[i]);
	e->due = a->due != NULL ? xstrdup(a->due) : NULL;
	e->due_text = a->due_text != NULL ? xstrdup(a->due_text) : NULL;
	e->status = a->status;
	return e;
}

/* Files action index k under its id, its text and its owners. */
static void
file_action(struct series *s, size_t k)
{
	struct series_action *sa = &s->act[k];
	struct strmap_e *e;
	char *key, *okey;

	strmap_get(&s->ids, sa->id, strlen(sa->id), 1)->count = (int)k + 1;
	okey = owners_key(&sa->owners);
	key = text_key(sa->text, okey);
	e = strmap_get(&s->texts, key, strlen(key), 1);
	sa->same_text = (size_t)e->count;
	e->count = (int)k + 1;
	free(key);
	e = strmap_get(&s->owners, okey, strlen(okey), 1);
	sa->same_owners = (size_t)e->count;
	e->count = (int)k + 1;
	free(okey);
}

/* A new action of meeting i with the given id (taken). */
static size_t
raise_action(struct series *s, size_t i, const struct action *a, char *id)
{
	struct series_action *sa;
	size_t k, j;

	s->act = xgrow(s->act, &s->actcap, s->nact + 1, sizeof(*s->act));
	k = s->nact++;
	sa = &s->act[k];
	memset(sa, 0, sizeof(*sa));
	sa->id = id;
	sa->text = xstrdup(a->text);
	for (j = 0; j < a->owners.n; j++)
		strlist_add(&sa->owners, a->owners.v[j]);
	sa->due = a->due != NULL ? xstrdup(a->due) : NULL;
	sa->due_text = a->due_text != NULL ? xstrdup(a->due_text) : NULL;
	sa->status = a->status;
	sa->raised = i;
	sa->line = a->line;
	sa->closed = mtg_status_pending(a->status) ? SERIES_NONE : i;
	add_event(sa, i, a);
	file_action(s, k);
	return k;
}

static int
same_str(const char *a, const char *b)
{
	return strcmp_null(a, b, 0) == 0;
}

static int
same_list(const struct strlist *a, const struct strlist *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!strlist_has(b, a->v[i]))
			return 0;
	return 1;
}

/*
 * Meeting i reviews action k: what the row or line says replaces the
 * status, and the due date and owners when it gives them.
 */
static void
review(struct series *s, size_t i, size_t k, const struct action *a)
{
	struct series_action *sa = &s->act[k];
	struct series_event *e = add_event(sa, i, a);
	size_t j;

	if (a->status != sa->status) {
		sa->status = a->status;
		e->changed = 1;
	}
	if (a->due_text != NULL && (!same_str(a->due, sa->due) ||
	    (a->due == NULL && !same_str(a->due_text, sa->due_text)))) {
		free(sa->due);
		free(sa->due_text);
		sa->due = a->due != NULL ? xstrdup(a->due) : NULL;
		sa->due_text = xstrdup(a->due_text);
		e->changed = 1;
	}
	if (a->owners.n > 0 && !same_list(&a->owners, &sa->owners)) {
		strlist_free(&sa->owners);
		for (j = 0; j < a->owners.n; j++)
			strlist_add(&sa->owners, a->owners.v[j]);
		e->changed = 1;
	}
	if (e->changed)
		sa->sequence++;
	if (mtg_status_pending(sa->status)) {
		sa->closed = SERIES_NONE;
		sa->carried++;
	} else if (e->changed || sa->closed == SERIES_NONE)
		sa->closed = i;
}

/* Where action k was raised: "ID (FILE:LINE)".  Caller frees. */
static char *
place(const struct series *s, size_t k)
{
	const struct series_action *sa = &s->act[k];

	return xasprintf("%s (%s:%d)", sa->id, s->mt[sa->raised].m->source,
	    sa->line);
}

/* Whether action k, raised before meeting i, is still open. */
static int
candidate(const struct series *s, size_t i, size_t k)
{
	return s->act[k].raised < i && mtg_status_pending(s->act[k].status);
}

/*
 * The open action of an earlier meeting than i with the same text and
 * owners as a: returns its index, or SERIES_NONE (with a warning when
 * there are several).
 */
static size_t
match_text(struct series *s, size_t i, const struct action *a, int *several)
{
	struct strmap_e *e;
	struct buf b = {0};
	size_t k, found = SERIES_NONE, n = 0;
	char *okey = owners_key(&a->owners), *key = text_key(a->text, okey),
	    *p;

	e = strmap_get(&s->texts, key, strlen(key), 0);
	free(key);
	free(okey);
	for (k = e != NULL ? (size_t)e->count : 0; k > 0;
	    k = s->act[k - 1].same_text)
		if (candidate(s, i, k - 1)) {
			found = k - 1;
			n++;
		}
	*several = n > 1;
	if (n <= 1)
		return found;
	/* Several: the warning names them all, in the same order. */
	n = 0;
	for (k = (size_t)e->count; k > 0; k = s->act[k - 1].same_text) {
		if (!candidate(s, i, k - 1))
			continue;
		p = place(s, k - 1);
		buf_puts(&b, n++ > 0 ? ", " : "");
		buf_puts(&b, p);
		free(p);
	}
	diag_add(s->mt[i].d, MTG_D_SERIES_AMBIGUOUS, a->line, a->col, "%s",
	    b.data);
	buf_free(&b);
	return SERIES_NONE;
}

/* Notes the first open action of an earlier meeting with a's owners and
 * most of its words. */
static void
match_near(struct series *s, size_t i, const struct action *a)
{
	struct strmap_e *e;
	size_t k, tries = 0;
	char *key = owners_key(&a->owners), *p;

	e = strmap_get(&s->owners, key, strlen(key), 0);
	free(key);
	for (k = e != NULL ? (size_t)e->count : 0; k > 0 && tries < NEAR_TRIES;
	    k = s->act[k - 1].same_owners, tries++) {
		const struct series_action *sa = &s->act[k - 1];

		if (sa->raised >= i || !mtg_status_pending(sa->status) ||
		    !near_text(a->text, sa->text))
			continue;
		p = place(s, k - 1);
		diag_add(s->mt[i].d, MTG_D_SERIES_NEAR, a->line, a->col,
		    "%s", p);
		free(p);
		return;
	}
}

/* Whether id has the form of an assigned id, "<yyyy-mm-dd>-<n>", of a
 * date before date. */
static int
earlier_date_id(const char *id, const char *date)
{
	size_t n = strlen(id);

	return n > 11 && id[4] == '-' && id[7] == '-' && id[10] == '-' &&
	    strspn(id, "0123456789-") == n && date != NULL &&
	    strncmp(id, date, 10) < 0;
}

/* A fresh "<date>-<n>" id for meeting i; *n counts its new actions. */
static char *
fresh_id(struct series *s, size_t i, size_t *n)
{
	const char *date = series_date(s, i);
	size_t size = strlen(date) + 24;	/* '-', a number, NUL */
	char *id = xmalloc(size);

	for (;;) {
		snprintf(id, size, "%s-%zu", date, ++*n);
		if (strmap_get(&s->ids, id, strlen(id), 0) == NULL)
			return id;
	}
}

/* Writes the series' view of action k back into a meeting's action. */
static void
write_back(struct series *s, size_t i, size_t k, struct action *a)
{
	const struct series_action *sa = &s->act[k];
	size_t j;

	free(a->id);
	a->id = xstrdup(sa->id);
	if (sa->raised != i) {
		free(a->raised_in);
		free(a->raised_date);
		a->raised_in = s->mt[sa->raised].folder != NULL ?
		    xstrdup(s->mt[sa->raised].folder) : NULL;
		a->raised_date = xstrdup(series_date(s, sa->raised));
	}
	/* "ACTION 58.1: done" shows what it reviews. */
	if (*a->text == '\0') {
		free(a->text);
		a->text = xstrdup(sa->text);
	}
	if (a->owners.n == 0)
		for (j = 0; j < sa->owners.n; j++)
			strlist_add(&a->owners, sa->owners.v[j]);
	if (a->due_text == NULL && sa->due_text != NULL) {
		a->due_text = xstrdup(sa->due_text);
		a->due = sa->due != NULL ? xstrdup(sa->due) : NULL;
	}
}

/* The actions of meeting i, in the order of its notes. */
static void
follow_meeting(struct series *s, size_t i)
{
	const struct meeting *m = s->mt[i].m;
	struct strmap_e *e;
	size_t j, k, n = 0;
	int several;

	for (j = 0; j < m->nactions; j++) {
		const struct action *a = &m->actions[j];

		k = SERIES_NONE;
		if (a->id_given) {
			e = strmap_get(&s->ids, a->id, strlen(a->id), 0);
			if (e != NULL && s->act[e->count - 1].raised < i)
				k = (size_t)e->count - 1;
			else if (e == NULL && earlier_date_id(a->id, m->date))
				diag_add(s->mt[i].d, MTG_D_SERIES_UNKNOWN,
				    a->line, a->col, "%s", a->id);
		} else if (*a->text != '\0') {
			k = match_text(s, i, a, &several);
			if (k == SERIES_NONE && !several)
				match_near(s, i, a);
		}
		if (k != SERIES_NONE)
			review(s, i, k, a);
		else if (a->id_given &&
		    strmap_get(&s->ids, a->id, strlen(a->id), 0) == NULL)
			k = raise_action(s, i, a, xstrdup(a->id));
		else
			k = raise_action(s, i, a, fresh_id(s, i, &n));
		if (s->mt[i].w != NULL)
			write_back(s, i, k, &s->mt[i].w->actions[j]);
	}
}

/* Meeting i of the series as a neighbour links to it, or NULL. */
static struct meeting_ref *
neighbour(const struct series *s, size_t i)
{
	const struct meeting *m = s->mt[i].m;
	struct meeting_ref *r;

	if (s->mt[i].folder == NULL)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->folder = xstrdup(s->mt[i].folder);
	r->title = xstrdup(m->title != NULL && *m->title != '\0' ? m->title :
	    series_date(s, i));
	r->date = m->date != NULL ? xstrdup(m->date) : NULL;
	return r;
}

/*
 * Writes into each writable meeting with a folder its neighbours in the
 * series order, and that the archive pages sit one folder up.
 */
static void
link_neighbours(struct series *s)
{
	struct meeting *w;
	size_t i;

	for (i = 0; i < s->nmt; i++) {
		if ((w = s->mt[i].w) == NULL || s->mt[i].folder == NULL)
			continue;
		meeting_ref_free(w->prev);
		meeting_ref_free(w->next);
		w->prev = i > 0 ? neighbour(s, i - 1) : NULL;
		w->next = i + 1 < s->nmt ? neighbour(s, i + 1) : NULL;
		w->archived = 1;
	}
}

int
series_build(struct series *s, const char *as_of)
{
	struct date d;
	size_t i, j;

	free(s->as_of);
	s->as_of = NULL;
	if (as_of != NULL) {
		if (date_parse(as_of, &d) == -1)
			return -1;
		s->as_of = xstrdup(as_of);
	} else
		for (i = s->nmt; i > 0 && s->as_of == NULL; i--)
			if (s->mt[i - 1].m->date != NULL)
				s->as_of = xstrdup(s->mt[i - 1].m->date);
	for (i = 0; i < s->nmt; i++) {
		const struct meeting *m = s->mt[i].m;

		follow_meeting(s, i);
		for (j = 0; j < m->ndecisions; j++) {
			s->dec = xgrow(s->dec, &s->deccap, s->ndec + 1,
			    sizeof(*s->dec));
			s->dec[s->ndec].meeting = i;
			s->dec[s->ndec].text = m->decisions[j].text;
			s->dec[s->ndec].line = m->decisions[j].line;
			s->ndec++;
		}
	}
	for (i = 0; i < s->nact; i++) {
		struct series_action *sa = &s->act[i];

		sa->overdue = mtg_status_pending(sa->status) && sa->due != NULL &&
		    s->as_of != NULL && strcmp(sa->due, s->as_of) < 0;
	}
	people_build(s);
	link_neighbours(s);
	return 0;
}
