/*
 * complete.c -- the facts renderers need, computed once on the model.
 *
 * After extraction, before the checks of validate.c: the H1 that repeats
 * the title, each agenda item's section (the minutes that belong to it),
 * each owner, rapporteur and team member resolved to a full name and a
 * kind, each action's overdue mark at the meeting date, the paragraphs
 * that are speaker notes, and the slide row limit.  Renderers read these
 * and derive nothing.
 *
 * Agenda items are matched to sections by normalised title: lower case,
 * words only, leading numbers dropped ("3. Updates" is "updates").  An
 * item matches the section of the same title, else the section named by
 * the item's text before a colon ("Demo: Ann" finds "Demo"), else the one
 * whose text before a colon is the same, else the longest section title
 * that starts the item's title.  Titles are kept sorted, so matching costs
 * a few binary searches per item, never a scan of every section.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "people.h"
#include "validate.h"

#define AGENDA_MAX_DEPTH 64

struct key {
	char		*key;	/* normalised title, or its part before ':' */
	int		 head;	/* 1: the part before ':' */
	size_t		 sec;	/* index into m->sections */
};

struct keys {
	const struct meeting	*m;
	struct key		*v;	/* sorted by key_cmp() */
	size_t			 n;
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
	const struct key *x = a, *y = b;
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
 * Returns its index, or -1.
 */
static int
key_find(const struct keys *ks, int head, const char *key, int line)
{
	size_t lo = 0, hi = ks->n, mid, i;
	struct key k = { (char *)key, head, 0 };

	if (*key == '\0')
		return -1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (key_cmp(&ks->v[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < ks->n && ks->v[i].head == head &&
	    strcmp(ks->v[i].key, key) == 0; i++)
		if (ks->m->sections[ks->v[i].sec].line > line)
			return (int)ks->v[i].sec;
	if (lo < ks->n && ks->v[lo].head == head &&
	    strcmp(ks->v[lo].key, key) == 0)
		return (int)ks->v[lo].sec;
	return -1;
}

/* The index of the section holding the minutes of agenda title, or -1. */
static int
section_of(const struct keys *ks, const char *title, int line)
{
	char *full, *head;
	size_t len;
	int sec;

	if (title == NULL || ks->n == 0)
		return -1;
	full = normalise(title, strlen(title));
	head = normalise_head(title);
	sec = key_find(ks, 0, full, line);
	if (sec == -1 && head != NULL)
		sec = key_find(ks, 0, head, line);
	if (sec == -1 && head != NULL)
		sec = key_find(ks, 1, head, line);
	/* The longest section title that is a word prefix of the item. */
	for (len = strlen(full); sec == -1 && len > 0; len--) {
		if (full[len] != ' ')
			continue;
		full[len] = '\0';
		sec = key_find(ks, 0, full, line);
	}
	free(full);
	free(head);
	return sec;
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
 * "Release sync"), or NULL.
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

/* The sections an agenda item can name, sorted for key_find(). */
static void
keys_build(struct keys *ks, const struct meeting *m)
{
	const struct section *s;
	size_t i, cap = 0;
	char *key, *head;

	memset(ks, 0, sizeof(*ks));
	ks->m = m;
	for (i = 0; i < m->nsections; i++) {
		s = &m->sections[i];
		if (s->title == NULL || s->heading == NULL ||
		    s->heading == m->title_node)
			continue;
		/* The agenda's own heading is no item's minutes. */
		key = normalise(s->title, strlen(s->title));
		if (strcmp(key, "agenda") == 0) {
			free(key);
			continue;
		}
		ks->v = xgrow(ks->v, &cap, ks->n + 2, sizeof(*ks->v));
		ks->v[ks->n].key = key;
		ks->v[ks->n].head = 0;
		ks->v[ks->n++].sec = i;
		if ((head = normalise_head(s->title)) != NULL) {
			ks->v[ks->n].key = head;
			ks->v[ks->n].head = 1;
			ks->v[ks->n++].sec = i;
		}
	}
	if (ks->n > 0)
		qsort(ks->v, ks->n, sizeof(*ks->v), key_cmp);
}

static void
keys_free(struct keys *ks)
{
	size_t i;

	for (i = 0; i < ks->n; i++)
		free(ks->v[i].key);
	free(ks->v);
}

static void
agenda_sections(const struct keys *ks, struct agenda_item *v, size_t n,
    int depth)
{
	size_t i;

	for (i = 0; i < n && depth < AGENDA_MAX_DEPTH; i++) {
		v[i].section = section_of(ks, v[i].title, v[i].line);
		agenda_sections(ks, v[i].items, v[i].nitems, depth + 1);
	}
}

/*
 * Resolves name (an owner, rapporteur or member as written) in place to
 * the full name it stands for; returns what it is.
 */
static enum people_kind
resolve(const struct people *pp, char **name)
{
	char *full = NULL;
	enum people_kind k = people_resolve(pp, *name, &full);

	if (k == MTG_WHO_PERSON && strcasecmp(full, *name) != 0)
		k = MTG_WHO_ALIAS;
	if (k == MTG_WHO_PERSON || k == MTG_WHO_ALIAS) {
		free(*name);
		*name = full;
	} else
		free(full);
	return k;
}

/* The bytes of the "Note:" label that makes paragraph n speaker notes. */
static int
note_label(const struct node *n)
{
	const struct node *t;

	if (n->type != MTG_N_PARAGRAPH)
		return 0;
	for (t = n->first; t != NULL && t->type != MTG_N_TEXT; t = t->first)
		if (t->type != MTG_N_STRONG && t->type != MTG_N_EMPH)
			return 0;
	if (t == NULL || t->text == NULL || !str_has_prefix_ci(t->text,
	    "note:"))
		return 0;
	return 5 + (int)strspn(t->text + 5, " \t");
}

/*
 * The index of the notes' own Decisions section when it holds every
 * decision of the model (they were read from its list), or -1: pages then
 * link to it instead of listing the same decisions again.
 */
static int
decisions_section(const struct meeting *m)
{
	const struct section *s = NULL;
	size_t i, j, at = 0;
	int end = INT_MAX;

	if (m->ndecisions == 0)
		return -1;
	for (i = 0; i < m->nsections && s == NULL; i++)
		if (m->sections[i].title != NULL &&
		    str_has_prefix_ci(m->sections[i].title, "decision")) {
			s = &m->sections[i];
			at = i;
		}
	if (s == NULL || s->heading == NULL || s->heading == m->title_node)
		return -1;
	for (j = at + 1; j < m->nsections; j++)
		if (m->sections[j].level <= s->level) {
			end = m->sections[j].line;
			break;
		}
	for (i = 0; i < m->ndecisions; i++)
		if (m->decisions[i].line <= s->line ||
		    m->decisions[i].line >= end)
			return -1;
	return (int)at;
}

void
complete_meeting(struct meeting *m, const struct people *pp)
{
	struct keys ks;
	struct node *n;
	struct date meeting, due;
	size_t i, k;
	int dated = m->date != NULL && date_parse(m->date, &meeting) == 0;

	m->title_node = title_heading(m);
	keys_build(&ks, m);
	agenda_sections(&ks, m->agenda, m->nagenda, 0);
	keys_free(&ks);
	for (i = 0; i < m->nactions; i++) {
		struct action *a = &m->actions[i];

		/* Extraction resolved the owners it took and said what each
		 * is; owners that came another way are resolved here. */
		a->owner_kind = xrealloc(a->owner_kind, (a->owners.n + 1) *
		    sizeof(*a->owner_kind));
		for (k = a->nowner_kind; k < a->owners.n; k++)
			a->owner_kind[k] = resolve(pp, &a->owners.v[k]);
		a->nowner_kind = a->owners.n;
		/* Never today's date: a build is the same on any day. */
		a->overdue = mtg_status_pending(a->status) && a->due != NULL &&
		    dated && date_parse(a->due, &due) == 0 &&
		    date_cmp(&due, &meeting) < 0;
	}
	for (i = 0; i < m->nteams; i++) {
		if (m->teams[i].rapporteur != NULL)
			(void)resolve(pp, &m->teams[i].rapporteur);
		for (k = 0; k < m->teams[i].members.n; k++)
			(void)resolve(pp, &m->teams[i].members.v[k]);
	}
	/* Top-level paragraphs and those of lists and quotes alike. */
	for (n = m->body; n != NULL;
	    n = (struct node *)node_walk_next(m->body, n))
		if (n->type == MTG_N_PARAGRAPH)
			n->note = note_label(n);
	m->decisions_section = decisions_section(m);
	m->slide_rows = m->max_rows > 0 ? m->max_rows : MTG_SLIDE_ROWS;
}
