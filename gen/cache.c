/*
 * cache.c -- models and archive chapters kept between builds.
 *
 * The file:
 *
 *	"minutes-cache\t3\n"
 *	record*:  KIND (1 byte: 'M' model, 'C' chapter, 'N' notes file)
 *	          KEY (64 hex digits)
 *	          LEN (8 bytes, little-endian)
 *	          SUM (8 bytes, little-endian: sum64() of the payload)
 *	          PAYLOAD (LEN bytes)
 *
 * A chapter's payload is its XML as archive.xml holds it.  A notes
 * file's record (KEY: the key of its path) holds the file's identity,
 * seven 8-byte little-endian numbers (device, inode, size, modification
 * and change times in seconds and nanoseconds), then the 64 hex digits
 * of the key of its bytes: a file whose identity is the same is not read
 * again.  A model's
 * payload is the diagnostics and meetings of one notes file in the
 * encoding below: unsigned numbers as LEB128 varints, signed ones
 * zigzagged first, a string as its length + 1 (0 for NULL) and its
 * bytes, a list as its count and its entries; the document tree in
 * pre-order, each node followed by its children, a node that the model
 * points at (a section's heading, the title) by its pre-order number.
 *
 * Decoding trusts nothing: every count is bounded by the bytes left,
 * every string is checked (no NUL; UTF-8 where the parser would have
 * repaired it), every enum is in range, every index points at what it
 * must, and the tree is one the parser makes (a table holds rows, a row
 * cells, a paragraph inlines...), no deeper than CACHE_MAX_DEPTH.  A
 * record that fails any check is not used: the notes are parsed again.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "cache.h"
#include "manifest.h"
#include "model.h"

#define CACHE_MAGIC	"minutes-cache\t3\n"	/* 3: notes files' identities */
#define CACHE_MAGIC_LEN	(sizeof(CACHE_MAGIC) - 1)
#define CACHE_HEAD	(1 + 64 + 8 + 8)	/* kind, key, len, sum */
#define CACHE_MAX_DEPTH	256	/* deeper trees are parsed each time */
#define ANY		INT32_MIN, INT32_MAX	/* a line or column */
#define CACHE_MAX_FILE	(1024u * 1024 * 1024)

static const char kind_char[CACHE__MAX] = { 'M', 'C', 'N' };
#define NOTES_LEN	(7 * 8 + 64)	/* a notes file's record */

/* One record: in the file read, or put by this build. */
struct record {
	enum cache_kind	 kind;
	char		 key[65];
	const char	*data;		/* payload: into the file, or owned */
	size_t		 len;
	int		 owned;		/* data is ours to free (put) */
	int		 keep;		/* found or put: written again */
	int		 checked;	/* 1 sum good, -1 bad, 0 not yet */
};

struct cache {
	const char	*file;		/* the file's bytes, mapped, or NULL */
	size_t		 filelen;
	int		 copied;	/* file was read into memory, not
					   mapped (a file system that cannot) */
	struct record	*v;
	size_t		 n, cap;
	size_t		 nfile;		/* records read from the file */
	struct strmap	 index;		/* kind + key -> record + 1 */
	size_t		 hits[CACHE__MAX], puts[CACHE__MAX];
	int		 released;	/* cache_release(): written, and
					   what was put freed */
};

/* --- checksum -------------------------------------------------------- */

/*
 * A 64-bit checksum of data, eight bytes a step: it catches a torn or
 * damaged file, not a forged one (decoding guards against that).
 */
static uint64_t
sum64(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len, w;
	size_t i, k;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 29;
	}
	for (w = 0, k = 0; i < len; i++, k++)
		w |= (uint64_t)p[i] << (8 * k);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 32;
	return h;
}

static void
set_le64(char *p, uint64_t v)
{
	size_t i;

	for (i = 0; i < 8; i++)
		p[i] = (char)(v >> (8 * i));
}

static uint64_t
get_le64(const char *p)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)(unsigned char)p[i] << (8 * i);
	return v;
}

/* --- encoding -------------------------------------------------------- */

static void
put_u(struct buf *b, uint64_t v)
{
	char c[10];
	size_t n = 0;

	do {
		c[n] = (char)(v & 0x7f);
		v >>= 7;
		if (v != 0)
			c[n] |= (char)0x80;
		n++;
	} while (v != 0);
	buf_put(b, c, n);
}

static void
put_i(struct buf *b, long v)
{
	put_u(b, v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1);
}

static void
put_s(struct buf *b, const char *s)
{
	size_t len;

	if (s == NULL) {
		put_u(b, 0);
		return;
	}
	len = strlen(s);
	put_u(b, (uint64_t)len + 1);
	buf_put(b, s, len);
}

static void
put_list(struct buf *b, const struct strlist *l)
{
	size_t i;

	put_u(b, l->n);
	for (i = 0; i < l->n; i++)
		put_s(b, l->v[i]);
}

static void
put_agenda(struct buf *b, const struct agenda_item *v, size_t n)
{
	size_t i;

	put_u(b, n);
	for (i = 0; i < n; i++) {
		put_s(b, v[i].title);
		put_i(b, v[i].line);
		put_i(b, v[i].section);
		put_agenda(b, v[i].items, v[i].nitems);
	}
}

/* A place in the pre-order walk of a tree: a node and its number. */
struct walk {
	const struct node	*root;
	const struct node	*at;
	long			 k;
};

/*
 * The pre-order number of node want in w's tree, or -1.  The walk goes on
 * from where the last call left it, so asking for nodes in document order
 * (the sections' headings, then the title's) walks the tree once; a node
 * behind it starts the walk again from the root.
 */
static long
node_number(struct walk *w, const struct node *want)
{
	int from_root;

	if (want == NULL)
		return -1;
	for (from_root = w->at == w->root; ; from_root = 1) {
		for (; w->at != NULL;
		    w->at = node_walk_next(w->root, w->at), w->k++)
			if (w->at == want)
				return w->k;
		w->at = w->root;
		w->k = 0;
		if (from_root)
			return -1;
	}
}

static void
put_node(struct buf *b, const struct node *n)
{
	const struct node *c;
	size_t nkids = 0;
	int link = node_is_link(n->type);

	for (c = n->first; c != NULL; c = c->next)
		nkids++;
	/* Four strings and two numbers, of which a node holds two and one
	 * (they share their place in it). */
	put_u(b, (uint64_t)n->type);
	put_s(b, link ? NULL : n->text);
	put_s(b, link ? n->url : NULL);
	put_s(b, link ? node_title(n) : NULL);
	put_s(b, link ? NULL : node_info(n));
	put_i(b, n->level);
	put_i(b, n->ordered);
	put_i(b, n->type == MTG_N_LIST ? n->start : 0);
	put_i(b, n->tight);
	put_u(b, (uint64_t)n->task);
	put_i(b, n->header);
	put_u(b, (uint64_t)n->align);
	put_i(b, n->line);
	put_i(b, n->col);
	put_i(b, n->type == MTG_N_PARAGRAPH ? n->note : 0);
	put_u(b, nkids);
}

/* The tree of root in pre-order (node_walk_next() is that order). */
static void
put_tree(struct buf *b, const struct node *root)
{
	const struct node *n;

	put_u(b, root != NULL);
	for (n = root; n != NULL; n = node_walk_next(root, n))
		put_node(b, n);
}

static void	put_sections(struct buf *, const struct meeting *,
		    struct walk *);

/* Meeting m; tree: with its document tree and what points into it
 * (sections, links, the title's heading). */
static void
put_meeting(struct buf *b, const struct meeting *m, int tree)
{
	size_t i, j;

	put_s(b, m->part);
	put_s(b, m->title);
	put_s(b, m->group);
	put_s(b, m->date);
	put_s(b, m->time);
	put_s(b, m->location);
	put_list(b, &m->chairs);
	put_list(b, &m->attendees);
	put_list(b, &m->apologies);
	put_list(b, &m->absent);
	put_list(b, &m->staff);
	put_list(b, &m->observers);
	put_list(b, &m->scribes);
	put_list(b, &m->roles);
	put_list(b, &m->affiliations);
	put_u(b, m->npeople);
	for (i = 0; i < m->npeople; i++) {
		put_s(b, m->people[i].name);
		put_list(b, &m->people[i].aliases);
	}
	put_agenda(b, m->agenda, m->nagenda);
	put_u(b, m->nactions);
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		put_s(b, a->id);
		put_s(b, a->text);
		put_list(b, &a->owners);
		put_u(b, a->owner_kind != NULL);
		put_u(b, a->nowner_kind);
		for (j = 0; j < a->nowner_kind; j++)
			put_u(b, (uint64_t)a->owner_kind[j]);
		put_s(b, a->due);
		put_s(b, a->due_text);
		put_u(b, (uint64_t)a->status);
		put_i(b, a->overdue);
		put_i(b, a->line);
		put_i(b, a->col);
		put_i(b, a->id_given);
		put_s(b, a->raised_in);
		put_s(b, a->raised_date);
	}
	put_u(b, m->nteams);
	for (i = 0; i < m->nteams; i++) {
		put_s(b, m->teams[i].name);
		put_s(b, m->teams[i].rapporteur);
		put_list(b, &m->teams[i].members);
		put_i(b, m->teams[i].line);
	}
	put_u(b, m->ndecisions);
	for (i = 0; i < m->ndecisions; i++) {
		put_s(b, m->decisions[i].text);
		put_i(b, m->decisions[i].line);
	}
	if (tree) {
		/* The sections' count, then the part a build decodes only
		 * for a meeting it renders, after its length. */
		struct buf t = {0};
		struct walk w = { m->body, m->body, 0 };

		put_u(b, m->nsections);
		put_sections(&t, m, &w);
		put_tree(&t, m->body);
		put_i(&t, node_number(&w, m->title_node));
		put_u(b, t.len);
		buf_put(b, t.data, t.len);
		buf_free(&t);
	}
	put_i(b, m->decisions_section);
	put_u(b, m->nmeetings);
	put_i(b, m->max_rows);
	put_i(b, m->slide_rows);
}

/* The sections (their count written before) and links of m: what comes
 * before the tree; w numbers the sections' headings. */
static void
put_sections(struct buf *b, const struct meeting *m, struct walk *w)
{
	size_t i;

	for (i = 0; i < m->nsections; i++) {
		put_s(b, m->sections[i].title);
		put_s(b, m->sections[i].id);
		put_i(b, m->sections[i].level);
		put_i(b, m->sections[i].line);
		put_i(b, node_number(w, m->sections[i].heading));
	}
	put_u(b, m->nlinks);
	for (i = 0; i < m->nlinks; i++) {
		put_s(b, m->links[i].url);
		put_s(b, m->links[i].text);
		put_i(b, m->links[i].line);
	}
}

void
cache_encode_summary(struct buf *out, const struct meeting *m)
{
	put_meeting(out, m, 0);
}

void
cache_encode_model(struct buf *out, const struct diags *d,
    const struct meetings *ms)
{
	size_t i;

	put_u(out, d->n);
	for (i = 0; i < d->n; i++) {
		put_u(out, (uint64_t)d->v[i].id);
		put_i(out, d->v[i].line);
		put_i(out, d->v[i].col);
		put_s(out, d->v[i].detail);
	}
	put_u(out, ms->n);
	for (i = 0; i < ms->n; i++)
		put_meeting(out, ms->v[i], 1);
}

/* --- decoding -------------------------------------------------------- */

struct rd {
	const unsigned char *p, *end;
	int		 bad;		/* a check failed: stop */
};

static uint64_t
get_u(struct rd *r)
{
	uint64_t v = 0;
	unsigned shift = 0;

	while (!r->bad) {
		if (r->p == r->end || shift > 63) {
			r->bad = 1;
			break;
		}
		v |= (uint64_t)(*r->p & 0x7f) << shift;
		if ((*r->p++ & 0x80) == 0)
			return v;
		shift += 7;
	}
	return 0;
}

/* A signed number within [lo, hi]. */
static long
get_i(struct rd *r, long lo, long hi)
{
	uint64_t u = get_u(r);
	long v;

	if (u >> 1 > (uint64_t)INT32_MAX) {
		r->bad = 1;
		return 0;
	}
	v = (u & 1) ? -(long)(u >> 1) - 1 : (long)(u >> 1);
	if (v < lo || v > hi) {
		r->bad = 1;
		return 0;
	}
	return v;
}

/* An unsigned number below lim. */
static size_t
get_below(struct rd *r, uint64_t lim)
{
	uint64_t u = get_u(r);

	if (u >= lim) {
		r->bad = 1;
		return 0;
	}
	return (size_t)u;
}

/* A count of entries that take a byte at least each. */
static size_t
get_count(struct rd *r)
{
	return get_below(r, (uint64_t)(r->end - r->p) + 1);
}

/*
 * A string left where it lies: its bytes (not NUL-terminated) and their
 * length in *len, or NULL (none, or bad); utf8: it must be valid UTF-8
 * (what came from the notes, which the parser repaired).
 */
static const char *
get_span(struct rd *r, int utf8, size_t *len)
{
	uint64_t n = get_u(r);
	const char *s;

	*len = 0;
	if (r->bad || n == 0)
		return NULL;
	n--;
	if (n > (uint64_t)(r->end - r->p)) {
		r->bad = 1;
		return NULL;
	}
	s = (const char *)r->p;
	if (memchr(s, '\0', (size_t)n) != NULL ||
	    (utf8 && utf8_invalid_at(s, (size_t)n) != (size_t)-1)) {
		r->bad = 1;
		return NULL;
	}
	r->p += n;
	*len = (size_t)n;
	return s;
}

/* get_span(), copied and NUL-terminated; caller frees. */
static char *
get_s(struct rd *r, int utf8)
{
	size_t len;
	const char *s = get_span(r, utf8, &len);

	return s != NULL ? xstrndup(s, len) : NULL;
}

static void
get_list(struct rd *r, struct strlist *l)
{
	size_t n = get_count(r), i;
	char *s;

	for (i = 0; i < n && !r->bad; i++) {
		if ((s = get_s(r, 1)) == NULL) {
			r->bad = 1;
			break;
		}
		l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
		l->v[l->n++] = s;
	}
}

/* Whether s is NULL or an ISO date yyyy-mm-dd with a month and a day. */
static int
iso_ok(const char *s)
{
	size_t i;
	int mon, day;

	if (s == NULL)
		return 1;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	mon = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	return mon >= 1 && mon <= 12 && day >= 1 && day <= 31;
}

static int
is_block(enum node_type t)
{
	switch (t) {
	case MTG_N_PARAGRAPH:
	case MTG_N_HEADING:
	case MTG_N_LIST:
	case MTG_N_BLOCKQUOTE:
	case MTG_N_CODE_BLOCK:
	case MTG_N_HTML_BLOCK:
	case MTG_N_THEMATIC_BREAK:
	case MTG_N_TABLE:
		return 1;
	default:
		return 0;
	}
}

static int
is_inline(enum node_type t)
{
	return t >= MTG_N_TEXT && t < MTG_N__MAX;
}

/*
 * Whether a node of type child may sit in one of type parent, as the
 * parser nests them (a list whose levels were flattened holds items in
 * items).
 */
static int
nests(enum node_type parent, enum node_type child)
{
	switch (parent) {
	case MTG_N_DOCUMENT:
	case MTG_N_BLOCKQUOTE:
		return is_block(child);
	case MTG_N_ITEM:
		return is_block(child) || child == MTG_N_ITEM;
	case MTG_N_LIST:
		return child == MTG_N_ITEM;
	case MTG_N_TABLE:
		return child == MTG_N_TABLE_ROW;
	case MTG_N_TABLE_ROW:
		return child == MTG_N_TABLE_CELL;
	case MTG_N_PARAGRAPH:
	case MTG_N_HEADING:
	case MTG_N_TABLE_CELL:
	case MTG_N_EMPH:
	case MTG_N_STRONG:
	case MTG_N_STRIKE:
	case MTG_N_LINK:
	case MTG_N_IMAGE:
		return is_inline(child);
	default:
		return 0;
	}
}

/* Whether the parser always gives a node of type t its text. */
static int
needs_text(enum node_type t)
{
	return t == MTG_N_TEXT || t == MTG_N_CODE || t == MTG_N_HTML_INLINE ||
	    t == MTG_N_HTML_BLOCK || t == MTG_N_CODE_BLOCK;
}

/* One node of arena a, not yet linked; its child count in *nkids. */
static struct node *
get_node(struct rd *r, struct arena *a, size_t *nkids)
{
	struct node *n;
	enum node_type t;
	const char *str[4];		/* text, url, title, info */
	char *first, *second;
	size_t len[4];
	int i, link, start, note;

	t = (enum node_type)get_below(r, MTG_N__MAX);
	if (r->bad)
		return NULL;
	n = arena_node(a, t, 0, 0);
	for (i = 0; i < 4; i++)
		str[i] = get_span(r, 1, &len[i]);
	/* A node has room for two of them (put_node()), the second only
	 * with the first and in a code block, link or image. */
	link = node_is_link(t);
	i = link ? 1 : 0;
	first = str[i] != NULL ? arena_strndup(a, str[i], len[i]) : NULL;
	i = link ? 2 : 3;
	second = str[i] != NULL ? arena_strndup(a, str[i], len[i]) : NULL;
	if (second == NULL)
		n->text = first;
	else
		node_set_pair(n, a, first, second);
	if (str[link ? 0 : 1] != NULL || str[link ? 3 : 2] != NULL ||
	    (second != NULL && (first == NULL ||
	    (!link && t != MTG_N_CODE_BLOCK))))
		r->bad = 1;
	n->level = (int)get_i(r, 0, 6);
	n->ordered = (int)get_i(r, 0, 1);
	start = (int)get_i(r, INT32_MIN, INT32_MAX);
	n->tight = (int)get_i(r, 0, 1);
	n->task = (enum mtg_task)get_below(r, MTG_TASK_DONE + 1);
	n->header = (int)get_i(r, 0, 1);
	n->align = (enum mtg_align)get_below(r, MTG_ALIGN_RIGHT + 1);
	n->line = (int)get_i(r, ANY);
	n->col = (int)get_i(r, ANY);
	note = (int)get_i(r, ANY);
	*nkids = get_count(r);
	if (t == MTG_N_LIST)
		n->start = start;
	else if (t == MTG_N_PARAGRAPH)
		n->note = note;
	if ((needs_text(t) && n->text == NULL) ||
	    (link && n->url == NULL) ||
	    (t == MTG_N_HEADING && n->level < 1) ||
	    (start != 0 && t != MTG_N_LIST) ||
	    (note != 0 && t != MTG_N_PARAGRAPH))
		r->bad = 1;
	return n;
}

/*
 * The tree, rebuilt iteratively, with its nodes in pre-order into
 * *order (*norder of them; caller frees) for the model's pointers.
 */
static struct node *
get_tree(struct rd *r, struct arena *a, struct node ***order,
    size_t *norder)
{
	struct stack { struct node *n; size_t left; } *st = NULL;
	struct node *root = NULL, *n;
	size_t depth = 0, cap = 0, ocap = 0, kids;

	*order = NULL;
	*norder = 0;
	if (get_below(r, 2) == 0)
		return NULL;
	do {
		if ((n = get_node(r, a, &kids)) == NULL)
			break;
		*order = xgrow(*order, &ocap, *norder + 1, sizeof(**order));
		(*order)[(*norder)++] = n;
		if (root == NULL) {
			root = n;
			if (n->type != MTG_N_DOCUMENT)
				r->bad = 1;
		} else {
			node_append(st[depth - 1].n, n);
			st[depth - 1].left--;
			if (!nests(st[depth - 1].n->type, n->type))
				r->bad = 1;
		}
		if (kids > 0) {
			if (depth >= CACHE_MAX_DEPTH) {
				r->bad = 1;
				break;
			}
			st = xgrow(st, &cap, depth + 1, sizeof(*st));
			st[depth].n = n;
			st[depth++].left = kids;
		}
		while (depth > 0 && st[depth - 1].left == 0)
			depth--;
	} while (depth > 0 && !r->bad);
	free(st);
	return root;
}

/* The node numbered k of order, which must be a heading; or NULL for -1. */
static const struct node *
get_heading(struct rd *r, struct node **order, size_t norder)
{
	long k = get_i(r, -1, INT32_MAX);

	if (r->bad || k == -1)
		return NULL;
	if ((size_t)k >= norder || order[k]->type != MTG_N_HEADING) {
		r->bad = 1;
		return NULL;
	}
	return order[k];
}

static void
get_agenda(struct rd *r, struct agenda_item **v, size_t *n, size_t *cap,
    int depth)
{
	struct agenda_item *a;
	size_t k, count = get_count(r);
	char *title;

	if (depth > 64 && count > 0)
		r->bad = 1;
	for (k = 0; k < count && !r->bad; k++) {
		title = get_s(r, 1);
		if (title == NULL)
			r->bad = 1;
		a = agenda_add_item(v, n, cap, title != NULL ? title : "", 0);
		free(title);
		a->line = (int)get_i(r, ANY);
		a->section = (int)get_i(r, -1, INT32_MAX);
		get_agenda(r, &a->items, &a->nitems, &a->itemscap, depth + 1);
	}
}

/* Whether the agenda items' sections all lie below nsections. */
static int
agenda_ok(const struct agenda_item *v, size_t n, size_t nsections)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((v[i].section != -1 && (size_t)v[i].section >= nsections) ||
		    !agenda_ok(v[i].items, v[i].nitems, nsections))
			return 0;
	return 1;
}

/*
 * The part of a meeting's record that t holds (its sections, links,
 * document tree and title heading) into m, which has none yet: returns
 * 0, or -1 with m as it was when the bytes are not such a part or do not
 * give t->nsections sections.
 */
static int
get_tree_part(const struct cache_tree *t, struct meeting *m)
{
	struct rd rd = { (const unsigned char *)t->data,
	    (const unsigned char *)t->data + t->len, 0 }, *r = &rd;
	struct node **order = NULL;
	size_t norder = 0, i, n = t->nsections;
	long *heads = xcalloc(n + 1, sizeof(*heads));
	int own = 0;

	/* Sections point into the tree, which comes after them. */
	for (i = 0; i < n && !r->bad; i++) {
		struct section *s = meeting_add_section(m);

		s->title = get_s(r, 1);
		s->id = get_s(r, 1);
		s->level = (int)get_i(r, 0, 6);
		s->line = (int)get_i(r, ANY);
		heads[i] = get_i(r, -1, INT32_MAX);
		if (s->id == NULL || s->title == NULL)
			r->bad = 1;
	}
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		struct link *l;

		m->links = xgrow(m->links, &m->linkscap, m->nlinks + 1,
		    sizeof(*m->links));
		l = &m->links[m->nlinks++];
		l->url = get_s(r, 1);
		l->text = get_s(r, 1);
		l->line = (int)get_i(r, ANY);
		if (l->url == NULL)
			r->bad = 1;
	}
	/* The nodes and their strings in one arena, freed at once. */
	if (!r->bad && m->arena == NULL) {
		m->arena = arena_new();
		own = 1;
	}
	if (!r->bad)
		m->body = get_tree(r, m->arena, &order, &norder);
	for (i = 0; i < m->nsections && !r->bad; i++) {
		if (heads[i] == -1)
			continue;
		if ((size_t)heads[i] >= norder ||
		    order[heads[i]]->type != MTG_N_HEADING)
			r->bad = 1;
		else
			m->sections[i].heading = order[heads[i]];
	}
	free(heads);
	if (!r->bad)
		m->title_node = get_heading(r, order, norder);
	free(order);
	if (!r->bad && (r->p != r->end || m->nsections != t->nsections))
		r->bad = 1;
	if (!r->bad)
		return 0;
	meeting_free_tree(m);
	if (own) {
		arena_free(m->arena);
		m->arena = NULL;
	}
	return -1;
}

/* A meeting; lazy: its tree part left undecoded, into *lazy. */
static struct meeting *
get_meeting(struct rd *r, const char *source, struct cache_tree *lazy)
{
	struct meeting *m = meeting_new(source);
	struct cache_tree tree;
	size_t i, j, n, nsections;

	m->part = get_s(r, 1);
	m->title = get_s(r, 1);
	m->group = get_s(r, 1);
	m->date = get_s(r, 1);
	m->time = get_s(r, 1);
	m->location = get_s(r, 1);
	get_list(r, &m->chairs);
	get_list(r, &m->attendees);
	get_list(r, &m->apologies);
	get_list(r, &m->absent);
	get_list(r, &m->staff);
	get_list(r, &m->observers);
	get_list(r, &m->scribes);
	get_list(r, &m->roles);
	get_list(r, &m->affiliations);
	if (!iso_ok(m->date))
		r->bad = 1;
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		char *name = get_s(r, 1);
		struct person *p;

		if (name == NULL) {
			r->bad = 1;
			break;
		}
		p = meeting_add_person(m, name);
		free(name);
		get_list(r, &p->aliases);
	}
	get_agenda(r, &m->agenda, &m->nagenda, &m->agendacap, 1);
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		struct action *a = meeting_add_action(m);
		int has_kinds;

		a->id = get_s(r, 1);
		a->text = get_s(r, 1);
		get_list(r, &a->owners);
		has_kinds = (int)get_below(r, 2);
		a->nowner_kind = get_below(r, (uint64_t)a->owners.n + 1);
		if (has_kinds || a->nowner_kind > 0)
			a->owner_kind = xcalloc(a->nowner_kind + 1,
			    sizeof(*a->owner_kind));
		if (!has_kinds && a->nowner_kind > 0)
			r->bad = 1;
		for (j = 0; j < a->nowner_kind && !r->bad; j++)
			a->owner_kind[j] = (enum people_kind)get_below(r,
			    MTG_WHO__MAX);
		a->due = get_s(r, 1);
		a->due_text = get_s(r, 1);
		a->status = (enum mtg_status)get_below(r, MTG_STATUS__MAX);
		a->overdue = (int)get_i(r, 0, 1);
		a->line = (int)get_i(r, ANY);
		a->col = (int)get_i(r, ANY);
		a->id_given = (int)get_i(r, 0, 1);
		a->raised_in = get_s(r, 1);
		a->raised_date = get_s(r, 1);
		if (!iso_ok(a->due) || !iso_ok(a->raised_date) ||
		    (a->raised_in != NULL && !manifest_folder_ok(a->raised_in)))
			r->bad = 1;
	}
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		struct team *t = meeting_add_team(m);

		t->name = get_s(r, 1);
		t->rapporteur = get_s(r, 1);
		get_list(r, &t->members);
		t->line = (int)get_i(r, ANY);
	}
	n = get_count(r);
	for (i = 0; i < n && !r->bad; i++) {
		char *text = get_s(r, 1);
		int line = (int)get_i(r, ANY);

		if (text == NULL)
			r->bad = 1;
		else
			meeting_add_decision(m, text, line);
		free(text);
	}
	/* The sections' count, then the part that points into the tree:
	 * decoded now, or left for cache_decode_tree(). */
	nsections = get_count(r);
	n = get_count(r);
	tree.data = (const char *)r->p;
	tree.len = n;
	tree.nsections = nsections;
	if (!r->bad)
		r->p += n;
	if (!r->bad && lazy != NULL)
		*lazy = tree;
	else if (!r->bad && get_tree_part(&tree, m) == -1)
		r->bad = 1;
	m->decisions_section = (int)get_i(r, -1, INT32_MAX);
	m->nmeetings = (size_t)get_below(r, (uint64_t)SIZE_MAX);
	m->max_rows = (int)get_i(r, INT32_MIN, INT32_MAX);
	m->slide_rows = (int)get_i(r, INT32_MIN, INT32_MAX);
	if (!r->bad && ((m->decisions_section != -1 &&
	    (size_t)m->decisions_section >= nsections) ||
	    !agenda_ok(m->agenda, m->nagenda, nsections)))
		r->bad = 1;
	return m;
}

static int	decode_model(const char *, size_t, const char *,
		    struct diags *, struct meetings *, struct cache_tree **);

int
cache_decode_model(const char *data, size_t len, const char *source,
    struct diags *d, struct meetings *out)
{
	return decode_model(data, len, source, d, out, NULL);
}

int
cache_decode_tree(const struct cache_tree *t, struct meeting *m)
{
	if (t->data == NULL)
		return 0;
	return get_tree_part(t, m);
}

/*
 * cache_decode_model(); trees: NULL, or where each meeting's tree part
 * is left undecoded (an array of the meetings' number, caller frees).
 */
static int
decode_model(const char *data, size_t len, const char *source,
    struct diags *d, struct meetings *out, struct cache_tree **trees)
{
	struct rd r = { (const unsigned char *)data,
	    (const unsigned char *)data + len, 0 };
	struct diags got;
	struct meetings ms = {0};
	struct cache_tree *lazy;
	struct diag *g;
	size_t n, i;

	diags_init(&got, source);
	n = get_count(&r);
	for (i = 0; i < n && !r.bad; i++) {
		got.v = xgrow(got.v, &got.cap, got.n + 1, sizeof(*got.v));
		g = &got.v[got.n++];
		g->id = (enum diag_id)get_below(&r, MTG_D__MAX);
		g->line = (int)get_i(&r, ANY);
		g->col = (int)get_i(&r, ANY);
		g->detail = get_s(&r, 0);
	}
	n = get_count(&r);
	if (n == 0)
		r.bad = 1;
	ms.v = xcalloc(n + 1, sizeof(*ms.v));
	lazy = trees != NULL ? xcalloc(n + 1, sizeof(*lazy)) : NULL;
	for (i = 0; i < n && !r.bad; i++) {
		ms.v[ms.n] = get_meeting(&r, source, lazy != NULL ?
		    &lazy[ms.n] : NULL);
		ms.n++;
	}
	if (r.p != r.end)
		r.bad = 1;
	if (r.bad) {
		meetings_free(&ms);
		diags_free(&got);
		free(lazy);
		return -1;
	}
	if (trees != NULL)
		*trees = lazy;
	for (i = 0; i < got.n; i++) {
		d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof(*d->v));
		d->v[d->n++] = got.v[i];
	}
	free(got.v);
	free(got.file);
	*out = ms;
	return 0;
}

/* --- the file -------------------------------------------------------- */

/* The index key of a record: its kind's letter and its key. */
static size_t
index_key(char ik[66], enum cache_kind kind, const char *key)
{
	ik[0] = kind_char[kind];
	memcpy(ik + 1, key, 64);
	ik[65] = '\0';
	return 65;
}

static int
hex64_ok(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return 1;
}

/* Adds a record; a second one under the same kind and key replaces it. */
static struct record *
add_record(struct cache *c, enum cache_kind kind, const char *key)
{
	struct strmap_e *e;
	struct record *rec;
	char ik[66];

	e = strmap_get(&c->index, ik, index_key(ik, kind, key), 1);
	if (e->count > 0) {
		rec = &c->v[e->count - 1];
		if (rec->owned)
			free((char *)rec->data);
	} else {
		c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof(*c->v));
		rec = &c->v[c->n++];
		e->count = (int)c->n;
	}
	memset(rec, 0, sizeof(*rec));
	rec->kind = kind;
	memcpy(rec->key, key, 64);
	rec->key[64] = '\0';
	return rec;
}

static struct record *
find_record(struct cache *c, enum cache_kind kind, const char *key)
{
	struct strmap_e *e;
	struct record *rec;
	char ik[66];

	if (strlen(key) != 64)
		return NULL;
	e = strmap_get(&c->index, ik, index_key(ik, kind, key), 0);
	if (e == NULL || e->count <= 0)
		return NULL;
	rec = &c->v[e->count - 1];
	if (rec->checked == 0 && !rec->owned)
		rec->checked = sum64(rec->data, rec->len) ==
		    get_le64(rec->data - 8) ? 1 : -1;
	return rec->owned || rec->checked == 1 ? rec : NULL;
}

/*
 * Maps all of the open file fd, at most CACHE_MAX_FILE bytes, to be read
 * (the page cache's own pages: nothing is copied).  NULL when it is not
 * a regular file of that size, or cannot be mapped.
 */
static const char *
map_all(int fd, size_t *len)
{
	struct stat st;
	void *p;

	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)CACHE_MAGIC_LEN ||
	    (uint64_t)st.st_size > CACHE_MAX_FILE)
		return NULL;
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		return NULL;
	*len = (size_t)st.st_size;
	return p;
}

/* The same read into memory, where the file cannot be mapped (*copied). */
static const char *
read_all(int fd, size_t *len)
{
	struct stat st;
	char *data;
	size_t got = 0;
	ssize_t n;

	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)CACHE_MAGIC_LEN ||
	    (uint64_t)st.st_size > CACHE_MAX_FILE)
		return NULL;
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		n = read(fd, data + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	*len = got;
	return data;
}

struct cache *
cache_read(int root, const char *dirpath)
{
	struct cache *c = xcalloc(1, sizeof(*c));
	struct record *rec;
	enum cache_kind kind;
	const char *p, *end;
	uint64_t len;
	char *path;
	int fd;

	fd = openat(root, CACHE_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK);
	if (fd == -1)
		return c;
	if ((c->file = map_all(fd, &c->filelen)) == NULL &&
	    (c->file = read_all(fd, &c->filelen)) != NULL)
		c->copied = 1;
	close(fd);
	if (c->file == NULL)
		return c;
	if (!c->copied) {
		path = xasprintf("%s/%s", dirpath, CACHE_NAME);
		map_guard(c->file, c->filelen, path);
		free(path);
	}
	if (memcmp(c->file, CACHE_MAGIC, CACHE_MAGIC_LEN) != 0)
		return c;
	p = c->file + CACHE_MAGIC_LEN;
	end = c->file + c->filelen;
	/* A record that does not frame ends the file: the rest is lost. */
	while ((size_t)(end - p) >= CACHE_HEAD) {
		for (kind = 0; kind < CACHE__MAX && kind_char[kind] != *p;
		    kind++)
			continue;
		len = get_le64(p + 65);
		if (kind == CACHE__MAX || !hex64_ok(p + 1) ||
		    len > (uint64_t)(end - p - CACHE_HEAD))
			break;
		rec = add_record(c, kind, p + 1);
		rec->data = p + CACHE_HEAD;
		rec->len = (size_t)len;
		p += CACHE_HEAD + len;
	}
	c->nfile = c->n;
	return c;
}

int
cache_get_model(struct cache *c, const char *key, const char *source,
    struct diags *d, struct meetings *out, struct cache_tree **trees)
{
	struct record *rec = find_record(c, CACHE_MODEL, key);

	if (rec == NULL || decode_model(rec->data, rec->len, source, d,
	    out, trees) == -1)
		return -1;
	if (!rec->keep)
		c->hits[CACHE_MODEL]++;
	rec->keep = 1;
	return 0;
}

static void
put_record(struct cache *c, enum cache_kind kind, const char *key,
    char *data, size_t len)
{
	struct record *rec;

	if (strlen(key) != 64 || !hex64_ok(key)) {
		free(data);
		return;
	}
	rec = add_record(c, kind, key);
	rec->data = data;
	rec->len = len;
	rec->owned = 1;
	rec->keep = 1;
	c->puts[kind]++;
}

int
cache_has(struct cache *c, enum cache_kind kind, const char *key)
{
	struct strmap_e *e;
	char ik[66];

	if (strlen(key) != 64)
		return 0;
	e = strmap_get(&c->index, ik, index_key(ik, kind, key), 0);
	return e != NULL && e->count > 0 && c->v[e->count - 1].checked != -1;
}

/* A record of len bytes copied from data (which may hold NULs). */
static void
put_copy(struct cache *c, enum cache_kind kind, const char *key,
    const char *data, size_t len)
{
	char *copy = xmalloc(len + 1);

	memcpy(copy, data, len);
	copy[len] = '\0';
	put_record(c, kind, key, copy, len);
}

/* A record of b's bytes, taken (b is left empty) and cut to their size. */
static void
put_buf(struct cache *c, enum cache_kind kind, const char *key,
    struct buf *b)
{
	size_t len = b->len, cap = b->cap;
	char *data = buf_detach(b);

	if (cap != len + 1)
		data = xrealloc(data, len + 1);
	data[len] = '\0';
	put_record(c, kind, key, data, len);
}

void
cache_put_encoded(struct cache *c, const char *key, const char *data,
    size_t len)
{
	put_copy(c, CACHE_MODEL, key, data, len);
}

void
cache_put_model(struct cache *c, const char *key, const struct diags *d,
    const struct meetings *ms)
{
	struct buf b = {0};

	cache_encode_model(&b, d, ms);
	put_buf(c, CACHE_MODEL, key, &b);
}

const char *
cache_get_chapter(struct cache *c, const char *key, size_t *len)
{
	struct record *rec = find_record(c, CACHE_CHAPTER, key);

	if (rec == NULL)
		return NULL;
	if (!rec->keep)
		c->hits[CACHE_CHAPTER]++;
	rec->keep = 1;
	*len = rec->len;
	return rec->data;
}

void
cache_put_chapter(struct cache *c, const char *key, struct buf *xml)
{
	put_buf(c, CACHE_CHAPTER, key, xml);
}

/* The key of the record of the notes file path. */
static void
notes_record_key(const char *path, char hex[65])
{
	struct key k;

	key_init(&k);
	key_str(&k, "notes file");
	key_str(&k, path);
	key_hex(&k, hex);
}

/* A notes file's identity, as its record holds it. */
static void
notes_identity(const struct stat *st, char id[7 * 8])
{
	const uint64_t v[7] = {
		(uint64_t)st->st_dev, (uint64_t)st->st_ino,
		(uint64_t)st->st_size,
		(uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec,
		(uint64_t)st->st_ctim.tv_sec, (uint64_t)st->st_ctim.tv_nsec
	};
	size_t i, j;

	for (i = 0; i < 7; i++)
		for (j = 0; j < 8; j++)
			id[8 * i + j] = (char)(v[i] >> (8 * j));
}

int
cache_get_notes(struct cache *c, const char *path, const struct stat *st,
    char notes[65])
{
	struct record *rec;
	char hex[65], id[7 * 8];

	if (!S_ISREG(st->st_mode))
		return -1;
	notes_record_key(path, hex);
	rec = find_record(c, CACHE_NOTES, hex);
	if (rec == NULL || rec->len != NOTES_LEN)
		return -1;
	notes_identity(st, id);
	if (memcmp(rec->data, id, sizeof(id)) != 0 ||
	    !hex64_ok(rec->data + sizeof(id)))
		return -1;
	memcpy(notes, rec->data + sizeof(id), 64);
	notes[64] = '\0';
	if (!rec->keep)
		c->hits[CACHE_NOTES]++;
	rec->keep = 1;
	return 0;
}

void
cache_put_notes(struct cache *c, const char *path, const struct stat *st,
    const char *notes, const struct timespec *now)
{
	char hex[65], *data;

	/* A time not before now - 1 s: a change within the same tick of
	 * the file system's clock could keep size and times. */
	if (!S_ISREG(st->st_mode) || strlen(notes) != 64 ||
	    !hex64_ok(notes) ||
	    st->st_mtim.tv_sec >= now->tv_sec - 1 ||
	    st->st_ctim.tv_sec >= now->tv_sec - 1)
		return;
	notes_record_key(path, hex);
	data = xmalloc(NOTES_LEN + 1);
	notes_identity(st, data);
	memcpy(data + 7 * 8, notes, 64);
	data[NOTES_LEN] = '\0';
	put_record(c, CACHE_NOTES, hex, data, NOTES_LEN);
}

void
cache_keep(struct cache *c, enum cache_kind kind, const char *key)
{
	struct strmap_e *e;
	char ik[66];

	if (strlen(key) != 64)
		return;
	e = strmap_get(&c->index, ik, index_key(ik, kind, key), 0);
	if (e != NULL && e->count > 0)
		c->v[e->count - 1].keep = 1;
}

void
cache_counts(const struct cache *c, size_t hits[CACHE__MAX],
    size_t puts[CACHE__MAX])
{
	memcpy(hits, c->hits, sizeof(c->hits));
	memcpy(puts, c->puts, sizeof(c->puts));
}

/*
 * Writes the n pieces of v to fd, as few writev() calls as IOV_MAX
 * allows; v is used up.  Returns 0 or an errno value.
 */
static int
write_pieces(int fd, struct iovec *v, size_t n)
{
	ssize_t w;
	size_t left;

	while (n > 0) {
		if ((w = writev(fd, v, n > IOV_MAX ? IOV_MAX : (int)n)) == -1) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		for (left = (size_t)w; n > 0 && left >= v->iov_len; v++, n--)
			left -= v->iov_len;
		if (n > 0) {
			v->iov_base = (char *)v->iov_base + left;
			v->iov_len -= left;
		}
	}
	return 0;
}

/* Records by kind, then key: the file does not depend on the order of
 * the lookups, so a build and a rebuild write the same bytes. */
static int
record_cmp(const void *a, const void *b)
{
	const struct record *x = *(const struct record *const *)a;
	const struct record *y = *(const struct record *const *)b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->key, y->key);
}

int
cache_write(struct cache *c, int root, const char *dirpath)
{
	const struct record **kept;
	struct iovec *iov;
	char *tmp, *heads;
	const char *rel;
	size_t i, n = 0;
	int fd, err;

	if (c->released)
		return 0;
	kept = xcalloc(c->n + 1, sizeof(*kept));
	for (i = 0; i < c->n; i++)
		if (c->v[i].keep)
			kept[n++] = &c->v[i];
	/* Every record of the file used and nothing new: nothing to do. */
	if (c->puts[CACHE_MODEL] + c->puts[CACHE_CHAPTER] +
	    c->puts[CACHE_NOTES] == 0 && n == c->nfile && c->file != NULL) {
		free(kept);
		return 0;
	}
	qsort(kept, n, sizeof(*kept), record_cmp);
	/* Each record's head here, its payload where it lies: one writev()
	 * of all (as IOV_MAX allows), no copy of the payloads. */
	heads = xmalloc(n * CACHE_HEAD + 1);
	iov = xcalloc(2 * n + 2, sizeof(*iov));
	iov[0].iov_base = (void *)CACHE_MAGIC;
	iov[0].iov_len = CACHE_MAGIC_LEN;
	for (i = 0; i < n; i++) {
		const struct record *rec = kept[i];
		char *head = heads + i * CACHE_HEAD;

		head[0] = kind_char[rec->kind];
		memcpy(head + 1, rec->key, 64);
		set_le64(head + 65, rec->len);
		/* A sum the file held and that was checked is still good. */
		set_le64(head + 73, !rec->owned && rec->checked == 1 ?
		    get_le64(rec->data - 8) : sum64(rec->data, rec->len));
		iov[1 + 2 * i].iov_base = head;
		iov[1 + 2 * i].iov_len = CACHE_HEAD;
		iov[2 + 2 * i].iov_base = (void *)rec->data;
		iov[2 + 2 * i].iov_len = rec->len;
	}
	free(kept);
	/* A temporary that a fatal signal removes, as the artefacts'. */
	if ((fd = tmp_create_at(root, dirpath, CACHE_NAME, &tmp)) == -1) {
		err = errno;
		free(iov);
		free(heads);
		return err;
	}
	rel = tmp + strlen(dirpath) + 1;
	err = write_pieces(fd, iov, 1 + 2 * n);
	if (err == 0 && fchmod(fd, 0644 & new_file_mode()) == -1)
		err = errno;
	if (close(fd) == -1 && err == 0)
		err = errno;
	if (err == 0 && renameat(root, rel, root, CACHE_NAME) == -1)
		err = errno;
	if (err != 0)
		unlinkat(root, rel, 0);
	tmp_done(tmp);
	free(iov);
	free(heads);
	return err;
}

void
cache_release(struct cache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].owned) {
			free((char *)c->v[i].data);
			c->v[i].data = NULL;
			c->v[i].len = 0;
			c->v[i].owned = 0;
			c->v[i].checked = -1;	/* found no more */
		}
	c->released = 1;
}

void
cache_free(struct cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		if (c->v[i].owned)
			free((char *)c->v[i].data);
	free(c->v);
	strmap_free(&c->index);
	if (c->copied)
		free((char *)c->file);
	else if (c->file != NULL) {
		map_unguard(c->file);
		munmap((void *)c->file, c->filelen);
	}
	free(c);
}
