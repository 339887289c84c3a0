/*
 * extract_attend.c -- attendance from the body of the notes.
 *
 * Front matter comes first: a list it filled is left alone.  Otherwise
 * names come from label lines ("Present: A, B", "**Regrets:**",
 * "Chair: X", as paragraphs, list items or headings), from sections
 * headed Attendees / Present / Apologies / Regrets (lists, checkbox lists
 * where [x] is present and [ ] absent, plain name lines) and from tables
 * with a presence column.  Names lose their affiliations; "(@handle)"
 * becomes a short form of the name.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"
#include "people.h"

struct att {
	struct xctx	*c;
	struct strmap	 seen[XK_OTHER_ROLE + 1];	/* per list */
	struct strmap	 prefixes;	/* leading words of names added */
	int		 strict;	/* names in prose: all capitalised */
	const char	*role;		/* of chairs added: "host", …, or NULL */
};

static int
is_attendance(enum xkind k)
{
	return k >= XK_PRESENT && k <= XK_OTHER_ROLE;
}

/* The list a kind fills, or NULL when front matter already filled it. */
static struct strlist *
list_for(struct xctx *c, enum xkind k)
{
	switch (k) {
	case XK_PRESENT:
		return c->fill_present ? &c->m->attendees : NULL;
	case XK_APOLOGIES:
		return c->fill_apologies ? &c->m->apologies : NULL;
	case XK_ABSENT:
		return c->fill_absent ? &c->m->absent : NULL;
	case XK_CHAIRS:
		return c->fill_chairs ? &c->m->chairs : NULL;
	case XK_STAFF:
		return c->fill_staff ? &c->m->staff : NULL;
	case XK_OBSERVERS:
		return c->fill_observers ? &c->m->observers : NULL;
	case XK_OTHER_ROLE:
		return c->fill_scribes ? &c->m->scribes : NULL;
	default:
		return NULL;
	}
}

/* Whether a word before the last is possessive: "Alain's AI" is
 * someone's tool or stand-in, not a person at the meeting ("O’Neall" is
 * a name). */
static int
possessive(const char *s)
{
	const char *p;

	for (p = strchr(s, ' '); p != NULL; p = strchr(p + 1, ' '))
		if ((p - s >= 2 && strncmp(p - 2, "'s", 2) == 0) ||
		    (p - s >= 4 && strncmp(p - 4, "’s", 4) == 0))
			return 1;
	return 0;
}

/* A name starts with a capital (or a letter outside ASCII) unless it is
 * one handle-like word; it has at most five words, none possessive. */
static int
looks_like_name(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t words = 1;
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (*p == ' ')
			words++;
	if (words > 5 || possessive(s))
		return 0;
	if (isupper(*u) || (*u >= 0xc3 && *u <= 0xdf) ||
	    (*u >= 0xe3 && *u <= 0xed))
		return 1;
	if (words == 1)
		return isalnum(*u) || *u == '_';
	/* "elf Pavlik", "benny Vasquez": a capital further on. */
	if (words <= 3)
		for (p = s; *p != '\0'; p++)
			if (*p == ' ' && isupper((unsigned char)p[1]))
				return 1;
	return 0;
}

/* Every word capitalised, or a name particle: for names in prose. */
static int
strict_name(const char *s)
{
	static const char *const particles[] = {
		"de", "van", "von", "der", "den", "da", "di", "du", "del", "la",
		"le", "al", "bin", "dos", "das", "ter", "ten", NULL
	};
	const char *w;
	size_t i, wl;
	int ok;

	if (strchr(s, ' ') == NULL)
		return 1;
	for (w = s; *w != '\0'; w += wl) {
		while (*w == ' ')
			w++;
		wl = strcspn(w, " ");
		if (wl == 0)
			break;
		ok = isupper((unsigned char)*w) || (unsigned char)*w >= 0xc3;
		for (i = 0; !ok && particles[i] != NULL; i++)
			ok = strlen(particles[i]) == wl &&
			    strncmp(particles[i], w, wl) == 0;
		if (!ok)
			return 0;
	}
	return 1;
}

static size_t trailing_mark(const char *, const char *const *);

/* Keeps what an entry says of the person added as name besides the
 * name: the organisation, and a chair's role ("Host: John Mertic -
 * Linux Foundation"). */
static void
note_person(struct att *a, enum xkind k, const char *name,
    const char *entry)
{
	struct meeting *m = a->c->m;
	char *org;

	if (k == XK_CHAIRS && a->role != NULL &&
	    strlist_pair(&m->roles, name) == NULL) {
		strlist_add(&m->roles, name);
		strlist_add(&m->roles, a->role);
	}
	if (strlist_pair(&m->affiliations, name) == NULL &&
	    (org = people_affiliation(entry)) != NULL) {
		strlist_add(&m->affiliations, name);
		strlist_add(&m->affiliations, org);
		free(org);
	}
}

/*
 * Cleans an entry and adds it to the list of kind k (once, and not when
 * it is the short form of a name already there, nor when the entry only
 * mentions someone: "Philip (mentioned)"); records its handle.
 */
static void
add_name(struct att *a, enum xkind k, const char *entry)
{
	struct xctx *c = a->c;
	struct strlist *l = list_for(c, k);
	struct strmap_e *e;
	char *handle = NULL, *name, *key;
	int chair = 0;

	if (!is_attendance(k) || trailing_mark(entry, conv_mention_marks) > 0)
		return;
	name = people_clean_name(entry, &handle, &chair);
	if (name == NULL || !looks_like_name(name) ||
	    (a->strict && !strict_name(name))) {
		free(name);
		free(handle);
		return;
	}
	/* "Hannah Schulz — Chair, Fernwerk GmbH" also chairs. */
	if (chair && k == XK_PRESENT && c->fill_chairs)
		add_name(a, XK_CHAIRS, name);
	if (handle != NULL && strcasecmp(handle, name) != 0) {
		strlist_add(&c->handles, handle);
		strlist_add(&c->handles, name);
	}
	key = x_lower(xstrdup(name));
	/* "Roberto" after "Roberto S.K. Breitman" is the same person. */
	if (l != NULL && strmap_get(&a->prefixes, key, strlen(key), 0) == NULL) {
		e = strmap_get(&a->seen[k], key, strlen(key), 1);
		if (e->count == 0) {
			e->count = 1;
			strlist_add(l, name);
			note_person(a, k, name, entry);
		}
	}
	if (l != NULL) {
		char *p;

		for (p = key; *p != '\0'; p++)
			if (*p == ' ')
				strmap_get(&a->prefixes, key, (size_t)(p - key),
				    1);
	}
	free(key);
	free(name);
	free(handle);
}

/* Whether a word of the text after the one comma of s names an
 * organisation ("Ana Silva, Example Foundation"). */
static int
org_after_comma(const char *s)
{
	const char *p = strchr(s, ','), *w;
	size_t n;

	if (p == NULL || strchr(p + 1, ',') != NULL)
		return 0;
	for (w = p + 1; *w != '\0'; w += n) {
		while (*w != '\0' && !isalpha((unsigned char)*w))
			w++;
		for (n = 0; isalpha((unsigned char)w[n]); n++)
			;
		if (n > 0 && conv_word_in(conv_org_words, w, n))
			return 1;
	}
	return 0;
}

/* Adds the names of "A, B (Org, Team); C" (separated by ';' when there
 * is one, else by ','; never inside parentheses).  A role line's "Name,
 * Organisation" is one person. */
static void
add_names(struct att *a, enum xkind k, const char *value)
{
	char sep = strchr(value, ';') != NULL ? ';' : ',';
	const char *p, *start = value;
	int depth = 0;

	if ((k == XK_CHAIRS || k == XK_OTHER_ROLE) && sep == ',' &&
	    org_after_comma(value)) {
		add_name(a, k, value);
		return;
	}

	for (p = value;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		if (*p == '\0' || (depth == 0 && *p == sep)) {
			char *one = xstrndup(start, (size_t)(p - start));

			add_name(a, k, one);
			free(one);
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
}

/*
 * Splits "Label: value" when the label names an attendance list; returns
 * its kind and sets *value to the text after the colon, or XK_NONE.
 */
static enum xkind
label_line(struct att *a, const char *s, const char **value)
{
	const char *colon = strchr(s, ':');
	char *label;
	enum xkind k;
	size_t i;

	a->role = NULL;
	if (colon == NULL || colon - s > 50 || colon == s)
		return XK_NONE;
	label = xstrndup(s, (size_t)(colon - s));
	k = x_classify_label(label);
	/* The role a chair label names: "Host:", "Facilitator:". */
	x_strip_label(x_lower(label));
	for (i = 0; k == XK_CHAIRS && conv_chair_roles[i].word != NULL; i++)
		if (strcmp(label, conv_chair_roles[i].word) == 0)
			a->role = conv_chair_role_names[conv_chair_roles[i].kind];
	free(label);
	if (!is_attendance(k))
		return XK_NONE;
	*value = colon + 1;
	while (**value == ' ' || **value == '*' || **value == '_')
		(*value)++;
	return k;
}

/* --- tables --------------------------------------------------------------- */

static int
mark_yes(const char *s)
{
	return strcasecmp(s, "x") == 0 || strcasecmp(s, "yes") == 0 ||
	    strcasecmp(s, "y") == 0 || strcmp(s, "✓") == 0 ||
	    strcmp(s, "✔") == 0 || strcmp(s, "✅") == 0 ||
	    strcasecmp(s, "[x]") == 0 || strcasecmp(s, "present") == 0 ||
	    strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0;
}

static int
mark_any(const char *s)
{
	return *s == '\0' || mark_yes(s) || strcasecmp(s, "no") == 0 ||
	    strcasecmp(s, "n") == 0 || strcmp(s, "-") == 0 ||
	    strcmp(s, "✗") == 0 || strcmp(s, "✘") == 0 || strcmp(s, "❌") == 0 ||
	    strcasecmp(s, "absent") == 0 || strcasecmp(s, "false") == 0 ||
	    strcmp(s, "0") == 0 || strcmp(s, "[ ]") == 0;
}

static char *
cell_text(const struct node *row, int i)
{
	const struct node *c;

	for (c = row->first; c != NULL && i > 0; c = c->next)
		i--;
	return c != NULL ? x_text(c) : xstrdup("");
}

/* Whether every body cell of column i is a presence mark. */
static int
marks_only(const struct node *table, int i)
{
	const struct node *row;
	int any = 0;

	for (row = table->first->next; row != NULL; row = row->next) {
		char *t = cell_text(row, i);
		int ok = mark_any(t);

		any |= *t != '\0';
		free(t);
		if (!ok)
			return 0;
	}
	return any;
}

/* "Present", "Attended?", "Here", "X" (lowercased header text). */
static int
presence_header(const char *h)
{
	const char *const *w;

	for (w = conv_presence_columns; *w != NULL; w++)
		if (strcmp(h, *w) == 0)
			return 1;
	return 0;
}

/* Whether a table has a column headed Present / Attended. */
static int
presence_column(const struct node *table)
{
	const struct node *cell;
	int yes = 0;

	if (table->first == NULL || !table->first->header)
		return 0;
	for (cell = table->first->first; cell != NULL && !yes;
	    cell = cell->next) {
		char *h = x_strip_label(x_lower(x_text(cell)));

		yes = presence_header(h);
		free(h);
	}
	return yes;
}

/*
 * An attendance table: a name column (headed Name, Attendee, Who, or the
 * first one that is not a presence column), an optional presence column
 * (Present, Attended, Here, or an unnamed column of marks) and an
 * optional handle column (GitHub, GH ID, Handle).
 */
static void
attendance_table(struct att *a, const struct node *table, enum xkind k)
{
	const struct node *row, *cell;
	int i, name = -1, pres = -1, handle = -1, first = -1;

	a->role = NULL;
	if (table->first == NULL)
		return;
	for (i = 0, cell = table->first->first; cell != NULL;
	    cell = cell->next, i++) {
		char *h = x_lower(x_text(cell));

		if (pres < 0 && (presence_header(h) ||
		    (*h == '\0' && marks_only(table, i))))
			pres = i;
		else if (name < 0 && (strstr(h, "name") || strstr(h, "attendee") ||
		    strstr(h, "representative") || strstr(h, "delegate") ||
		    strcmp(h, "who") == 0 || strstr(h, "member") ||
		    strstr(h, "participant") || strstr(h, "person")))
			name = i;
		else if (handle < 0 && (strstr(h, "github") ||
		    strstr(h, "gh id") || strstr(h, "handle")))
			handle = i;
		else if (first < 0 && *h != '\0')
			first = i;
		free(h);
	}
	if (name < 0)
		name = first;
	if (name < 0)
		return;
	for (row = table->first->next; row != NULL; row = row->next) {
		char *n = cell_text(row, name), *p = NULL, *h = NULL;
		enum xkind to = k;

		if (pres >= 0 && k == XK_PRESENT) {
			p = cell_text(row, pres);
			to = mark_yes(p) ? XK_PRESENT : XK_ABSENT;
		}
		if (*n != '\0') {
			add_name(a, to, n);
			if (handle >= 0 && *(h = cell_text(row, handle)) != '\0') {
				char *clean = people_clean_name(n, NULL, NULL);

				if (clean != NULL) {
					strlist_add(&a->c->handles, h[0] == '@' ?
					    h + 1 : h);
					strlist_add(&a->c->handles, clean);
				}
				free(clean);
			}
		}
		free(h);
		free(p);
		free(n);
	}
}

/* --- lists ---------------------------------------------------------------- */

static int
has_sublist(const struct node *item)
{
	const struct node *n;

	for (n = item->first; n != NULL; n = n->next)
		if (n->type == MTG_N_LIST)
			return 1;
	return 0;
}

static void scan_list(struct att *, const struct node *, enum xkind, int);

/* Whether all the text of a paragraph is struck through: "~~Ben Ode~~". */
static int
struck(const struct node *para)
{
	const struct node *n;
	int any = 0;

	for (n = para->first; n != NULL; n = n->next) {
		if (n->type == MTG_N_STRIKE)
			any = 1;
		else if (n->type != MTG_N_TEXT || n->text == NULL ||
		    strspn(n->text, " \t") != strlen(n->text))
			return 0;
	}
	return any;
}

/* A trailing marker of marks, "Chidi Obi (absent)", "Dana Wu - not
 * present": returns where the name ends, 0 when there is none. */
static size_t
trailing_mark(const char *s, const char *const *marks)
{
	size_t n = strlen(s), i, ml;

	for (i = 0; marks[i] != NULL; i++) {
		ml = strlen(marks[i]);
		if (n > ml && strcasecmp(s + n - ml, marks[i]) == 0) {
			while (n - ml > 0 && s[n - ml - 1] == ' ')
				ml++;
			return n - ml;
		}
	}
	return 0;
}

static void
scan_sublists(struct att *a, const struct node *item, enum xkind k,
    int depth)
{
	const struct node *n;

	for (n = item->first; n != NULL; n = n->next)
		if (n->type == MTG_N_LIST)
			scan_list(a, n, k, depth + 1);
}

/*
 * Reads one list: label items ("Host: X", "TSC Attendees:") anywhere in
 * the first levels, names in the items when k is an attendance kind.
 */
static void
scan_list(struct att *a, const struct node *list, enum xkind k, int depth)
{
	const struct node *item, *para;
	struct xlines ls;
	const char *value;
	enum xkind lk;
	size_t i;

	if (depth > 3)
		return;
	for (item = list->first; item != NULL; item = item->next) {
		if ((para = x_item_para(item)) == NULL) {
			if (is_attendance(k))
				scan_sublists(a, item, k, depth);
			continue;
		}
		xlines_of(para, &ls);
		if (ls.n > 0 && (lk = label_line(a, ls.v[0].text, &value)) !=
		    XK_NONE) {
			if (*value != '\0')
				add_names(a, lk, value);
			a->strict = 1;
			for (i = 1; i < ls.n; i++)
				add_names(a, lk, ls.v[i].text);
			a->strict = 0;
			scan_sublists(a, item, lk, depth);
		} else if (is_attendance(k) && ls.n > 0) {
			char *t = x_text(para);
			size_t n = strlen(t);

			const char *colon = strchr(ls.v[0].text, ':');

			if (n > 0 && t[n - 1] == ':' && has_sublist(item)) {
				/* "Voting members:" groups names. */
				scan_sublists(a, item, k, depth);
			} else if (colon != NULL && colon[1] == ' ' &&
			    colon - ls.v[0].text < 30 && strchr(colon, ',')) {
				/* "Team members: Josh, Felix, Taylor" */
				add_names(a, k, colon + 1);
			} else if (item->task != MTG_TASK_NONE && k == XK_PRESENT)
				add_name(a, item->task == MTG_TASK_DONE ?
				    XK_PRESENT : XK_ABSENT, ls.v[0].text);
			else if (k == XK_PRESENT && (struck(para) ||
			    (n = trailing_mark(ls.v[0].text,
			    conv_absent_marks)) > 0)) {
				/* "~~Ben Ode~~", "Chidi Obi (absent)" */
				char *name = xstrndup(ls.v[0].text,
				    n > 0 ? n : strlen(ls.v[0].text));

				add_name(a, XK_ABSENT, name);
				free(name);
			} else
				add_name(a, k, ls.v[0].text);
			free(t);
		} else
			scan_sublists(a, item, XK_NONE, depth);
		xlines_free(&ls);
	}
}

/* --- the walk ------------------------------------------------------------- */

/*
 * Reads the label lines of a paragraph; returns the kind of a final
 * label with nothing after it ("Regrets:"), whose names follow in the
 * next block.
 */
static enum xkind
scan_para(struct att *a, const struct node *para, enum xkind section)
{
	struct xlines ls;
	const char *value;
	enum xkind k, pending = XK_NONE, cur = XK_NONE;
	size_t i;

	xlines_of(para, &ls);
	if (ls.n > 0 && x_agenda_note(ls.v[0].text)) {
		/* What follows is the agenda, not names. */
		xlines_free(&ls);
		return XK_AGENDA;
	}
	for (i = 0; i < ls.n; i++) {
		const char *t = ls.v[i].text;

		if ((k = label_line(a, t, &value)) != XK_NONE) {
			cur = k;
			if (*value != '\0')
				add_names(a, k, value);
			else if (i + 1 == ls.n)
				pending = k;
		} else if (cur != XK_NONE) {
			/* "Apologies:\n  Mark Boorer", not "The call ended." */
			a->strict = 1;
			add_names(a, cur, t);
			a->strict = 0;
		}
		else if (is_attendance(section)) {
			size_t n = strlen(t);

			if (n > 0 && t[n - 1] != ':' && strlen(t) < 400) {
				a->strict = 1;
				add_names(a, section, t);
				a->strict = 0;
			}
		}
	}
	xlines_free(&ls);
	return pending;
}

static enum xkind
section_kind(const enum xkind *hk)
{
	int l;

	for (l = 6; l >= 1; l--)
		if (hk[l] != XK_NONE)
			return is_attendance(hk[l]) ? hk[l] : XK_NONE;
	return XK_NONE;
}

/*
 * Front matter lists may say "Maya Chen (@mayac)" too: keep the name,
 * remember the handle.
 */
static void
clean_list(struct xctx *c, struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		char *handle = NULL, *name = people_clean_name(l->v[i], &handle,
		    NULL);

		if (name != NULL && strcmp(name, l->v[i]) != 0) {
			if (handle != NULL) {
				strlist_add(&c->handles, handle);
				strlist_add(&c->handles, name);
			}
			free(l->v[i]);
			l->v[i] = name;
			name = NULL;
		}
		free(name);
		free(handle);
	}
}

void
extract_attendance(struct xctx *c)
{
	struct att a;
	enum xkind hk[7] = { XK_NONE }, pending = XK_NONE, sec;
	const struct node *b;
	const char *value;
	int l;
	size_t i;

	memset(&a, 0, sizeof(a));
	a.c = c;
	clean_list(c, &c->m->chairs);
	clean_list(c, &c->m->attendees);
	clean_list(c, &c->m->apologies);
	clean_list(c, &c->m->absent);
	clean_list(c, &c->m->staff);
	clean_list(c, &c->m->observers);
	clean_list(c, &c->m->scribes);
	for (b = c->first; b != NULL && b != c->stop; b = b->next) {
		enum xkind next = XK_NONE;

		sec = section_kind(hk);
		switch (b->type) {
		case MTG_N_HEADING: {
			char *t = x_text(b);
			enum xkind k;

			if ((k = label_line(&a, t, &value)) != XK_NONE &&
			    *value != '\0') {
				/* "#### Lead: @diasdavid" */
				add_names(&a, k, value);
				k = XK_NONE;
			} else
				k = x_classify_label(t);
			if (b->level >= 1 && b->level <= 6) {
				for (l = b->level; l <= 6; l++)
					hk[l] = XK_NONE;
				hk[b->level] = k;
			}
			free(t);
			break;
		}
		case MTG_N_PARAGRAPH:
			next = scan_para(&a, b, sec);
			break;
		case MTG_N_LIST:
			scan_list(&a, b, pending != XK_NONE ? pending : sec, 0);
			break;
		case MTG_N_THEMATIC_BREAK:
			/* "---" closes the part the headings above open:
			 * "## Scribe\n\n* Alain\n\n---\n\n### Meeting
			 * Guidelines" lists no more scribes. */
			for (l = 1; l <= 6; l++)
				hk[l] = XK_NONE;
			break;
		case MTG_N_TABLE:
			if (is_attendance(pending != XK_NONE ? pending : sec))
				attendance_table(&a, b, pending != XK_NONE ?
				    pending : sec);
			else if (presence_column(b))
				attendance_table(&a, b, XK_PRESENT);
			break;
		default:
			break;
		}
		/* A label's names may follow after an HTML comment. */
		if (b->type != MTG_N_HTML_BLOCK)
			pending = next;
	}
	for (i = 0; i <= XK_OTHER_ROLE; i++)
		strmap_free(&a.seen[i]);
	strmap_free(&a.prefixes);
}
