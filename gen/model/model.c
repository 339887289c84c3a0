/*
 * model.c -- constructors and destructors of the meeting model.
 */
#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct node *
node_new(enum node_type type, int line, int col)
{
	struct node *n = xcalloc(1, sizeof(*n));

	n->type = type;
	n->line = line;
	n->col = col;
	return n;
}

void
node_append(struct node *parent, struct node *child)
{
	struct node *last = node_last(parent);

	child->parent = parent;
	child->next = NULL;
	if (last != NULL) {
		last->next = child;
		child->back = last;
	} else
		parent->first = child;
	parent->first->back = child;
}

/*
 * Frees the subtree without recursion: children are spliced into the
 * sibling chain of the node being freed, so depth costs nothing.  Nodes
 * of an arena stay for the arena to give back, with their children.
 */
void
node_free(struct node *n)
{
	struct node *next;

	if (n == NULL)
		return;
	n->next = NULL;
	while (n != NULL) {
		next = n->next;
		if (n->in_arena) {
			n = next;
			continue;
		}
		if (n->first != NULL) {
			node_last(n)->next = n->next;
			next = n->first;
		}
		free(n->text);		/* or its url, and the second of a
					 * pair */
		free(n);
		n = next;
	}
}

/* --- arenas ----------------------------------------------------------- */

#define ARENA_FIRST	(4 * 1024)	/* bytes of the first block */
#define ARENA_MAX	(1024 * 1024)	/* blocks grow to this size */

struct arena_block {
	struct arena_block *next;	/* the block filled before */
	size_t		 used;
	size_t		 size;		/* bytes of data */
	max_align_t	 data[];
};

struct arena {
	struct arena_block *top;	/* the block being filled */
	size_t		 grow;		/* bytes of the next block */
	int		 refs;		/* owners besides the first */
};

struct arena *
arena_new(void)
{
	struct arena *a = xcalloc(1, sizeof(*a));

	a->grow = ARENA_FIRST;
	return a;
}

struct arena *
arena_ref(struct arena *a)
{
	a->refs++;
	return a;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	if (a == NULL)
		return;
	if (a->refs > 0) {
		a->refs--;
		return;
	}
	for (b = a->top; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

/*
 * size bytes of a, zeroed, at a multiple of align (a power of two).  A
 * large request gets a block of its own, kept under the block being
 * filled.
 */
static void *
arena_alloc(struct arena *a, size_t size, size_t align)
{
	struct arena_block *b = a->top;
	size_t off = b != NULL ? (b->used + align - 1) & ~(align - 1) : 0;

	if (size > a->grow / 4) {
		b = xmalloc(sizeof(*b) + size);
		b->used = b->size = size;
		if (a->top != NULL) {
			b->next = a->top->next;
			a->top->next = b;
		} else {
			b->next = NULL;
			a->top = b;
		}
		return memset(b->data, 0, size);
	}
	if (b == NULL || off + size > b->size) {
		b = xmalloc(sizeof(*b) + a->grow);
		b->used = 0;
		b->size = a->grow;
		b->next = a->top;
		a->top = b;
		if (a->grow < ARENA_MAX)
			a->grow *= 2;
		off = 0;
	}
	b->used = off + size;
	return memset((char *)b->data + off, 0, size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1, 1);

	memcpy(p, s, len);
	return p;
}

struct node *
arena_node(struct arena *a, enum node_type type, int line, int col)
{
	struct node *n = arena_alloc(a, sizeof(*n), alignof(struct node));

	n->type = type;
	n->line = line;
	n->col = col;
	n->in_arena = 1;
	return n;
}

void
node_set_pair(struct node *n, struct arena *a, const char *text,
    const char *info)
{
	size_t tlen, ilen;
	char *s;

	n->pair = info != NULL;
	if (info == NULL) {
		n->text = text == NULL ? NULL : a != NULL ?
		    arena_strndup(a, text, strlen(text)) : xstrdup(text);
		return;
	}
	if (text == NULL)
		text = "";
	tlen = strlen(text);
	ilen = strlen(info);
	s = a != NULL ? arena_alloc(a, tlen + ilen + 2, 1) :
	    xmalloc(tlen + ilen + 2);
	memcpy(s, text, tlen + 1);
	memcpy(s + tlen + 1, info, ilen + 1);
	n->text = s;
}

const struct node *
node_walk_next(const struct node *root, const struct node *n)
{
	if (n->first != NULL)
		return n->first;
	while (n != root) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

char *
node_text(const struct node *n)
{
	struct buf b = {0};
	const struct node *c;

	for (c = n; c != NULL; c = node_walk_next(n, c)) {
		switch (c->type) {
		case MTG_N_TEXT:
		case MTG_N_CODE:
			if (c->text != NULL)
				buf_puts(&b, c->text);
			break;
		case MTG_N_SOFTBREAK:
		case MTG_N_LINEBREAK:
			buf_putc(&b, ' ');
			break;
		default:
			break;
		}
	}
	return buf_detach(&b);
}

struct meeting *
meeting_new(const char *source)
{
	static atomic_ulong next = 1;
	struct meeting *m = xcalloc(1, sizeof(*m));

	m->serial = atomic_fetch_add(&next, 1);
	m->source = xstrdup(source);
	m->decisions_section = -1;
	return m;
}

static void
agenda_free(struct agenda_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		agenda_free(v[i].items, v[i].nitems);
	}
	free(v);
}

void
meeting_ref_free(struct meeting_ref *r)
{
	if (r == NULL)
		return;
	free(r->folder);
	free(r->title);
	free(r->date);
	free(r);
}

void
meeting_free(struct meeting *m)
{
	size_t i;

	if (m == NULL)
		return;
	free(m->source);
	free(m->part);
	meeting_ref_free(m->prev);
	meeting_ref_free(m->next);
	free(m->title);
	free(m->group);
	free(m->date);
	free(m->time);
	free(m->location);
	strlist_free(&m->chairs);
	strlist_free(&m->attendees);
	strlist_free(&m->apologies);
	strlist_free(&m->absent);
	strlist_free(&m->staff);
	strlist_free(&m->observers);
	strlist_free(&m->scribes);
	strlist_free(&m->roles);
	strlist_free(&m->affiliations);
	for (i = 0; i < m->npeople; i++) {
		free(m->people[i].name);
		strlist_free(&m->people[i].aliases);
	}
	free(m->people);
	agenda_free(m->agenda, m->nagenda);
	for (i = 0; i < m->nactions; i++)
		action_clear(&m->actions[i]);
	free(m->actions);
	for (i = 0; i < m->nteams; i++) {
		free(m->teams[i].name);
		free(m->teams[i].rapporteur);
		strlist_free(&m->teams[i].members);
	}
	free(m->teams);
	for (i = 0; i < m->ndecisions; i++)
		free(m->decisions[i].text);
	free(m->decisions);
	meeting_free_tree(m);
	arena_free(m->arena);
	free(m);
}

static void	meeting_drop_tree(struct meeting *);

void
meeting_free_tree(struct meeting *m)
{
	size_t i;

	for (i = 0; i < m->nsections; i++) {
		free(m->sections[i].title);
		free(m->sections[i].id);
	}
	free(m->sections);
	for (i = 0; i < m->nlinks; i++) {
		free(m->links[i].url);
		free(m->links[i].text);
	}
	free(m->links);
	node_free(m->body);
	meeting_drop_tree(m);
}

/* Forgets m's tree part without freeing it: it is someone else's now. */
static void
meeting_drop_tree(struct meeting *m)
{
	m->sections = NULL;
	m->nsections = m->sectionscap = 0;
	m->links = NULL;
	m->nlinks = m->linkscap = 0;
	m->body = NULL;
	m->title_node = NULL;
}

void
meeting_take_tree(struct meeting *to, struct meeting *from)
{
	meeting_free_tree(to);
	to->sections = from->sections;
	to->nsections = from->nsections;
	to->sectionscap = from->sectionscap;
	to->links = from->links;
	to->nlinks = from->nlinks;
	to->linkscap = from->linkscap;
	to->body = from->body;
	to->title_node = from->title_node;
	/* The tree's nodes may live in from's arena. */
	if (to->arena == NULL && from->arena != NULL)
		to->arena = arena_ref(from->arena);
	meeting_drop_tree(from);
}

struct agenda_item *
agenda_add_item(struct agenda_item **v, size_t *n, size_t *cap,
    const char *title, int line)
{
	struct agenda_item *a;

	*v = xgrow(*v, cap, *n + 1, sizeof(**v));
	a = &(*v)[(*n)++];
	memset(a, 0, sizeof(*a));
	a->title = xstrdup(title);
	a->line = line;
	a->section = -1;
	return a;
}

void
action_clear(struct action *a)
{
	free(a->id);
	free(a->text);
	strlist_free(&a->owners);
	free(a->owner_kind);
	free(a->due);
	free(a->due_text);
	free(a->raised_in);
	free(a->raised_date);
	memset(a, 0, sizeof(*a));
}

struct action *
meeting_add_action(struct meeting *m)
{
	struct action *a;

	m->actions = xgrow(m->actions, &m->actionscap, m->nactions + 1,
	    sizeof(*m->actions));
	a = &m->actions[m->nactions++];
	memset(a, 0, sizeof(*a));
	return a;
}

struct team *
meeting_add_team(struct meeting *m)
{
	struct team *t;

	m->teams = xgrow(m->teams, &m->teamscap, m->nteams + 1,
	    sizeof(*m->teams));
	t = &m->teams[m->nteams++];
	memset(t, 0, sizeof(*t));
	return t;
}

void
meeting_add_decision(struct meeting *m, const char *text, int line)
{
	m->decisions = xgrow(m->decisions, &m->decisionscap,
	    m->ndecisions + 1, sizeof(*m->decisions));
	m->decisions[m->ndecisions].text = xstrdup(text);
	m->decisions[m->ndecisions].line = line;
	m->ndecisions++;
}

struct section *
meeting_add_section(struct meeting *m)
{
	struct section *s;

	m->sections = xgrow(m->sections, &m->sectionscap, m->nsections + 1,
	    sizeof(*m->sections));
	s = &m->sections[m->nsections++];
	memset(s, 0, sizeof(*s));
	return s;
}

void
meeting_add_link(struct meeting *m, const char *url, const char *text,
    int line)
{
	m->links = xgrow(m->links, &m->linkscap, m->nlinks + 1,
	    sizeof(*m->links));
	m->links[m->nlinks].url = xstrdup(url);
	m->links[m->nlinks].text = xstrdup(text);
	m->links[m->nlinks].line = line;
	m->nlinks++;
}

struct person *
meeting_add_person(struct meeting *m, const char *name)
{
	struct person *p;

	m->people = xgrow(m->people, &m->peoplecap, m->npeople + 1,
	    sizeof(*m->people));
	p = &m->people[m->npeople++];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	return p;
}

const char *
mtg_status_name(enum mtg_status s)
{
	static const char *const names[MTG_STATUS__MAX] = {
		[MTG_OPEN] = "open",
		[MTG_DONE] = "done",
		[MTG_IN_PROGRESS] = "in-progress",
		[MTG_DROPPED] = "dropped"
	};

	return s < MTG_STATUS__MAX ? names[s] : "open";
}

int
mtg_status_pending(enum mtg_status s)
{
	return s == MTG_OPEN || s == MTG_IN_PROGRESS;
}

const char *
mtg_who_name(enum people_kind k)
{
	static const char *const names[MTG_WHO__MAX] = {
		[MTG_WHO_UNKNOWN] = "unknown",
		[MTG_WHO_PERSON] = "person",
		[MTG_WHO_GROUP] = "group",
		[MTG_WHO_AMBIGUOUS] = "ambiguous",
		[MTG_WHO_ALIAS] = "alias"
	};

	return k < MTG_WHO__MAX ? names[k] : "unknown";
}
