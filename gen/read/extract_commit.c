/*
 * extract_commit.c -- the model side of actions and decisions: what the
 * readers of lists, lines, tables and prose find joins the model here.
 * Duplicates (a summary repeating the body) are merged through a hash
 * map, so extraction stays linear in the size of the notes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"
#include "people.h"

/*
 * The key under which repeats of an action or decision meet: "#58.1" for
 * a numbered one, else its letters and digits (punctuation and spacing
 * differ between a summary and the body) and those of its owners, so
 * that "Alice to review the doc" and "Bob to review the doc" stay two.
 */
static char *
dedupe_key(const char *id, const char *text, const struct strlist *owners)
{
	struct buf b = {0};
	const char *p;
	size_t i;

	if (id != NULL)
		return xasprintf("#%s", id);
	buf_put(&b, "", 0);
	for (p = text; *p != '\0'; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			buf_putc(&b, tolower((unsigned char)*p));
	for (i = 0; owners != NULL && i < owners->n; i++) {
		buf_putc(&b, '|');
		for (p = owners->v[i]; *p != '\0'; p++)
			if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
				buf_putc(&b, tolower((unsigned char)*p));
	}
	return buf_detach(&b);
}

/*
 * Returns the number (1-based index) of an earlier mention of the same
 * numbered id (idkey, NULL when there is no id), or of the same text and
 * owners (key), or 0.  Two different numbered ids never meet, whatever
 * their text.
 */
static int
seen(struct strmap *map, const char *idkey, const char *key)
{
	const struct strmap_e *e;

	if (idkey != NULL) {
		e = strmap_get(map, idkey, strlen(idkey), 0);
		if (e != NULL)
			return e->count;
	}
	e = strmap_get(map, key, strlen(key), 0);
	if (e == NULL || (idkey != NULL && e->val != NULL))
		return 0;
	return e->count;
}

/* Files an action or decision under its id and its text; val marks
 * text filed by a numbered one. */
static void
remember(struct strmap *map, const char *idkey, const char *key, int n)
{
	struct strmap_e *e;

	if (idkey != NULL)
		strmap_get(map, idkey, strlen(idkey), 1)->count = n;
	e = strmap_get(map, key, strlen(key), 1);
	if (e->count == 0) {
		e->count = n;
		e->val = idkey != NULL ? map : NULL;
	}
}

/* Owner lists longer than this are kept unique through a map. */
#define FEW_OWNERS	8

/* Resolves and adds owners, each once (a map keeps a long list linear). */
static void
add_owners(struct xctx *c, struct action *a, const struct strlist *owners)
{
	struct strmap seen = {0};
	size_t i;

	for (i = 0; i < owners->n; i++) {
		char *full;
		struct strmap_e *e;

		enum people_kind k = people_resolve(c->pp, owners->v[i], &full);
		size_t n = a->owners.n;

		if (k == MTG_WHO_PERSON && strcasecmp(full, owners->v[i]) != 0)
			k = MTG_WHO_ALIAS;
		if (owners->n <= FEW_OWNERS) {
			if (!strlist_has(&a->owners, full))
				strlist_add(&a->owners, full);
		} else {
			e = strmap_get(&seen, full, strlen(full), 1);
			if (e->count++ == 0)
				strlist_add(&a->owners, full);
		}
		/* What each owner is, beside it (complete.c fills the rest). */
		if (a->owners.n > n && a->nowner_kind == n) {
			a->owner_kind = xrealloc(a->owner_kind, a->owners.n *
			    sizeof(*a->owner_kind));
			a->owner_kind[a->nowner_kind++] = k;
		}
		free(full);
	}
	strmap_free(&seen);
}

/* Adds p to the model unless it repeats an earlier action. */
size_t
action_commit(struct xctx *c, struct pend *p)
{
	struct meeting *m = c->m;
	struct action *a;
	struct date due;
	char iso[16], *idkey, *key;
	int dup;
	size_t at;

	/* An id alone ("ACTION 58.1: done") reviews an earlier action. */
	if (p->text == NULL || (*p->text == '\0' && p->id == NULL))
		return 0;
	idkey = p->id != NULL ? dedupe_key(p->id, NULL, NULL) : NULL;
	key = dedupe_key(NULL, p->text, &p->owners);
	if ((dup = seen(&c->seen_actions, idkey, key)) > 0) {
		/* Seen before: the first mention wins, a later one may only
		 * fill in what it lacked. */
		a = &m->actions[dup - 1];
		if (a->owners.n == 0)
			add_owners(c, a, &p->owners);
		if (a->due_text == NULL && p->due_text != NULL) {
			a->due_text = xstrdup(p->due_text);
			if (conv_resolve_due(p->due_text, c->has_date ?
			    &c->date : NULL, &due) == 0) {
				date_format(&due, iso);
				a->due = xstrdup(iso);
			}
		}
		if (p->status != MTG_OPEN)
			a->status = p->status;
		if (*a->text == '\0' && *p->text != '\0') {
			free(a->text);
			a->text = p->text;
			p->text = NULL;
		}
		if (p->weak == XW_MARKED)
			c->weak_actions[dup - 1] = XW_MARKED;
		at = (size_t)dup;
		goto out;
	}
	remember(&c->seen_actions, idkey, key, (int)m->nactions + 1);
	a = meeting_add_action(m);
	c->weak_actions = xgrow(c->weak_actions, &c->weak_acap, m->nactions,
	    1);
	c->weak_actions[m->nactions - 1] = (unsigned char)p->weak;
	a->text = p->text;
	p->text = NULL;
	add_owners(c, a, &p->owners);
	if (p->due_text != NULL && *p->due_text != '\0') {
		a->due_text = xstrdup(p->due_text);
		if (conv_resolve_due(p->due_text, c->has_date ? &c->date : NULL,
		    &due) == 0) {
			date_format(&due, iso);
			a->due = xstrdup(iso);
		}
	}
	a->status = p->status;
	a->line = p->line;
	a->col = p->col;
	if (p->id != NULL) {
		a->id = p->id;
		a->id_given = 1;
		p->id = NULL;
	}
	at = m->nactions;
out:
	free(idkey);
	free(key);
	return at;
}

static void
decision_add(struct xctx *c, const char *id, const char *text, int line,
    int weak)
{
	struct meeting *m = c->m;
	char *idkey, *key;
	int dup;

	if (text == NULL || *text == '\0')
		return;
	idkey = id != NULL ? dedupe_key(id, NULL, NULL) : NULL;
	key = dedupe_key(NULL, text, NULL);
	if ((dup = seen(&c->seen_decisions, idkey, key)) == 0) {
		remember(&c->seen_decisions, idkey, key,
		    (int)m->ndecisions + 1);
		meeting_add_decision(m, text, line);
		c->weak_decisions = xgrow(c->weak_decisions, &c->weak_dcap,
		    m->ndecisions, 1);
		c->weak_decisions[m->ndecisions - 1] = weak ? XW_PROSE :
		    XW_MARKED;
	} else if (!weak && (size_t)dup <= m->ndecisions)
		c->weak_decisions[dup - 1] = XW_MARKED;
	free(idkey);
	free(key);
}

void
decision_commit(struct xctx *c, const char *id, const char *text, int line)
{
	decision_add(c, id, text, line, 0);
}

void
decision_commit_weak(struct xctx *c, const char *text, int line)
{
	decision_add(c, NULL, text, line, 1);
}
