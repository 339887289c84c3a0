/*
 * mustache.c -- a Mustache template engine (spec v1.4 core, no lambdas).
 *
 * A template is parsed into a tree in one pass (delimiter changes and the
 * standalone-line rules are settled there), then the tree is walked against
 * a stack of context values.  Partials are fetched through a callback the
 * first time they are used, re-indented when their tag stands alone on its
 * line, parsed, and kept with the template, so that a template parsed once
 * renders many times without parsing anything again.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mustache.h"
#include "util.h"

#define MAX_SECTION_DEPTH	1024	/* open sections in one template */
#define MAX_PARTIAL_DEPTH	100	/* partials rendered inside partials */
#define MAX_RENDER_DEPTH	2048	/* sections and partials together */
/*
 * The work of one render, in steps (a node rendered, a context searched
 * for a name): this many, and this many more per value of the context.
 * Sections nested over the same list repeat it at each level, 3 items
 * 40 deep being 3^40 renders of the innermost; real templates take a few
 * steps per value.
 */
#define STEPS_FREE		(1 << 14)
#define STEPS_PER_VALUE		64

/* Maps of at most this many keys are searched in order, not hashed. */
#define SMALL_MAP	16

/*
 * Owned strings numbered in the order they were added.  The keys share
 * one text buffer, and an index of hash slots is kept only past SMALL_MAP
 * keys: most maps of a template context are small, and they are built
 * about as often as they are searched.
 */
struct strindex {
	struct buf	  text;		/* the keys, each ended by a NUL */
	size_t		 *offs;		/* key number -> offset in text */
	size_t		  n;
	size_t		  cap;
	size_t		 *slots;	/* key number + 1; 0 is free */
	size_t		  nslots;	/* a power of two, or 0 */
};

/*
 * A value.  Small: a template context holds several per item of the
 * notes (an agenda of headings, the actions).
 */
struct mval {
	unsigned char	  type;		/* enum mval_type */
	unsigned char	  lazy;		/* MVAL_LIST made item by item */
	int		  refs;		/* owners besides the first */
	size_t		  n;		/* list items, or map keys */
	union {
		int	  b;		/* MVAL_BOOL */
		double	  num;		/* MVAL_NUMBER */
		char	 *str;		/* MVAL_STRING: allocated with the
					 * value */
		struct {		/* MVAL_LIST, MVAL_MAP */
			struct mval	**items; /* list items, map values */
			size_t		  cap;	/* items allocated */
			struct strindex	 *keys;	/* map keys, numbered as
						 * items; NULL for none */
			const struct mval *defaults; /* map: where absent
						 * keys are found */
		};
		struct {		/* a lazy list */
			mval_item_fn	  item;	/* makes item i */
			void		 *arg;	/* freed with the list */
			size_t		  values; /* the items hold */
		};
	};
};

enum ntype {
	N_TEXT,
	N_VAR,				/* {{name}}, escaped */
	N_RAW,				/* {{{name}}} and {{&name}} */
	N_SECTION,
	N_INVERTED,
	N_PARTIAL
};

struct node {
	enum ntype	 type;
	size_t		 off;		/* where the tag starts in its template */
	const char	*text;		/* N_TEXT: points into the template */
	size_t		 len;		/* N_TEXT: bytes at text */
	char		*name;		/* tag name, trimmed */
	char		*indent;	/* N_PARTIAL: standalone indent, or NULL */
	struct node	*kids;		/* sections: the body */
	struct node	*next;
};

/* A partial fetched and parsed for a template. */
struct partial {
	char		*name;
	char		*indent;	/* "" when the tag was not standalone */
	char		*text;		/* the re-indented source; NULL if none */
	struct node	*tree;		/* points into text */
};

/* A parsed template, and the partials its renders fetched. */
struct mustache {
	char		 *text;		/* the source */
	struct node	 *tree;		/* points into text */
	struct partial	**parts;	/* fetched partials */
	size_t		  partcap;
	struct strindex	  partkeys;	/* numbers parts by indent, name */
};

struct render {
	mustache_partial_fn	  fetch;
	void			 *arg;
	struct buf		 *out;
	const struct mval	**ctx;		/* the context stack, top last */
	size_t			  nctx;
	size_t			  ctxcap;
	struct mustache		 *t;		/* the template and its partials */
	struct buf		  key;		/* scratch for partkeys */
	const char		 *top;		/* the main template */
	size_t			  topoff;	/* outermost partial tag in top */
	int			  pdepth;	/* partials now being rendered */
	int			  depth;	/* sections and partials */
	size_t			  steps;	/* work left */
	char			**err;
};

/*
 * Values.
 */

static struct mval *
mval_new(enum mval_type type)
{
	struct mval *v = xcalloc(1, sizeof(*v));

	v->type = type;
	return v;
}

struct mval *
mval_null(void)
{
	return mval_new(MVAL_NULL);
}

struct mval *
mval_bool(int b)
{
	struct mval *v = mval_new(MVAL_BOOL);

	v->b = b != 0;
	return v;
}

struct mval *
mval_number(double d)
{
	struct mval *v = mval_new(MVAL_NUMBER);

	v->num = d;
	return v;
}

/* The text lives in the same allocation as the value: one malloc. */
struct mval *
mval_string(const char *s)
{
	size_t len = s != NULL ? strlen(s) : 0;
	struct mval *v = xmalloc(sizeof(*v) + len + 1);

	memset(v, 0, sizeof(*v));
	v->type = MVAL_STRING;
	v->str = (char *)(v + 1);
	if (len > 0)
		memcpy(v->str, s, len);
	v->str[len] = '\0';
	return v;
}

struct mval *
mval_string_take(char *s)
{
	struct mval *v = mval_new(MVAL_STRING);

	v->str = s;
	return v;
}

struct mval *
mval_list(void)
{
	return mval_new(MVAL_LIST);
}

struct mval *
mval_map(void)
{
	return mval_new(MVAL_MAP);
}

struct mval *
mval_map_over(const struct mval *defaults)
{
	struct mval *v = mval_new(MVAL_MAP);

	v->defaults = defaults;
	return v;
}

struct mval *
mval_ref(struct mval *v)
{
	if (v != NULL)
		v->refs++;
	return v;
}

struct mval *
mval_list_lazy(size_t n, size_t values, mval_item_fn item, void *arg)
{
	struct mval *v = mval_new(MVAL_LIST);

	v->lazy = 1;
	v->n = n;
	v->values = values;
	v->item = item;
	v->arg = arg;
	return v;
}

struct mval *
mval_push(struct mval *list, struct mval *v)
{
	if (list == NULL || list->type != MVAL_LIST || list->lazy ||
	    v == NULL) {
		mval_free(v);
		return NULL;
	}
	list->items = xgrow(list->items, &list->cap, list->n + 1,
	    sizeof(*list->items));
	list->items[list->n++] = v;
	return v;
}

/* FNV-1a over len bytes of s. */
static size_t
hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

/* Key number k of si and its length. */
static const char *
strindex_key(const struct strindex *si, size_t k, size_t *len)
{
	size_t end = k + 1 < si->n ? si->offs[k + 1] : si->text.len;

	*len = end - si->offs[k] - 1;
	return si->text.data + si->offs[k];
}

/* Whether key number k of si is key[0..len). */
static int
strindex_is(const struct strindex *si, size_t k, const char *key,
    size_t len)
{
	size_t klen;
	const char *s = strindex_key(si, k, &klen);

	return klen == len && memcmp(s, key, len) == 0;
}

/*
 * Returns the number of key (len bytes, not NUL-terminated) in si, or
 * (size_t)-1 when it is absent.
 */
static size_t
strindex_find(const struct strindex *si, const char *key, size_t len)
{
	size_t i, k;

	if (si->nslots == 0) {
		for (k = 0; k < si->n; k++)
			if (strindex_is(si, k, key, len))
				return k;
		return (size_t)-1;
	}
	i = hash(key, len) & (si->nslots - 1);
	while ((k = si->slots[i]) != 0) {
		k--;
		if (strindex_is(si, k, key, len))
			return k;
		i = (i + 1) & (si->nslots - 1);
	}
	return (size_t)-1;
}

/* Puts key number k into the first free slot of its probe sequence. */
static void
strindex_slot(struct strindex *si, size_t k)
{
	size_t j, len;
	const char *s = strindex_key(si, k, &len);

	j = hash(s, len) & (si->nslots - 1);
	while (si->slots[j] != 0)
		j = (j + 1) & (si->nslots - 1);
	si->slots[j] = k + 1;
}

/*
 * Adds a copy of key, which must be absent; past SMALL_MAP keys the slots
 * are kept at most half full.  Returns its number: the count of keys
 * added before it.
 */
static size_t
strindex_add(struct strindex *si, const char *key, size_t len)
{
	size_t i, n = si->nslots ? si->nslots : 4 * SMALL_MAP;

	si->offs = xgrow(si->offs, &si->cap, si->n + 1, sizeof(*si->offs));
	if (si->text.cap == 0)		/* room for a dozen keys at once */
		si->text.data = xgrow(NULL, &si->text.cap, 128, 1);
	si->offs[si->n] = si->text.len;
	buf_put(&si->text, key, len);
	buf_putc(&si->text, '\0');
	si->n++;
	if (si->n <= SMALL_MAP)
		return si->n - 1;
	if (si->n > si->nslots / 2) {
		while (si->n > n / 2)
			n *= 2;
		free(si->slots);
		si->slots = xcalloc(n, sizeof(*si->slots));
		si->nslots = n;
		for (i = 0; i < si->n; i++)
			strindex_slot(si, i);
	} else
		strindex_slot(si, si->n - 1);
	return si->n - 1;
}

static void
strindex_free(struct strindex *si)
{
	buf_free(&si->text);
	free(si->offs);
	free(si->slots);
	memset(si, 0, sizeof(*si));
}

struct mval *
mval_set(struct mval *map, const char *key, struct mval *v)
{
	size_t k, len;

	if (map == NULL || map->type != MVAL_MAP || key == NULL || v == NULL) {
		mval_free(v);
		return NULL;
	}
	len = strlen(key);
	if (map->keys == NULL)
		map->keys = xcalloc(1, sizeof(*map->keys));
	if ((k = strindex_find(map->keys, key, len)) != (size_t)-1) {
		mval_free(map->items[k]);
		map->items[k] = v;
		return v;
	}
	map->items = xgrow(map->items, &map->cap, map->n + 1,
	    sizeof(*map->items));
	map->items[map->n++] = v;
	strindex_add(map->keys, key, len);
	return v;
}

void
mval_set_str(struct mval *map, const char *key, const char *s)
{
	if (s != NULL)
		mval_set(map, key, mval_string(s));
}

void
mval_free(struct mval *v)
{
	size_t i;

	if (v == NULL)
		return;
	if (v->refs > 0) {
		v->refs--;
		return;
	}
	if (v->lazy)
		free(v->arg);
	else if (v->type == MVAL_STRING && v->str != (char *)(v + 1))
		free(v->str);		/* taken, not copied */
	else if (v->type == MVAL_LIST || v->type == MVAL_MAP) {
		for (i = 0; i < v->n; i++)
			mval_free(v->items[i]);
		free(v->items);
		if (v->keys != NULL) {
			strindex_free(v->keys);
			free(v->keys);
		}
	}
	free(v);
}

/*
 * Returns the value of len bytes of key in map, or in the maps it takes
 * its defaults from, or NULL.
 */
static const struct mval *
map_get(const struct mval *map, const char *key, size_t len)
{
	size_t k;

	if (map->type != MVAL_MAP)
		return NULL;
	for (; map != NULL; map = map->defaults)
		if (map->keys != NULL && (k = strindex_find(map->keys, key,
		    len)) != (size_t)-1)
			return map->items[k];
	return NULL;
}

/*
 * Null, false, the empty list and the empty string are false; everything
 * else (0 and the empty map too) is true.
 */
static int
truthy(const struct mval *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case MVAL_NULL:
		return 0;
	case MVAL_BOOL:
		return v->b;
	case MVAL_STRING:
		return v->str[0] != '\0';
	case MVAL_LIST:
		return v->n > 0;
	default:
		return 1;
	}
}

/*
 * Errors.
 */

/* Returns the 1-based line and column (in characters) of off in s. */
static void
position(const char *s, size_t off, int *line, int *col)
{
	size_t i;

	*line = *col = 1;
	for (i = 0; i < off && s[i] != '\0'; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/*
 * Tree.
 */

static void
node_free(struct node *n)
{
	struct node *next;

	for (; n != NULL; n = next) {
		next = n->next;
		node_free(n->kids);
		free(n->name);
		free(n->indent);
		free(n);
	}
}

/*
 * Parser.
 */

enum tag {
	T_VAR, T_RAW, T_TRIPLE, T_SECTION, T_INVERTED, T_CLOSE, T_COMMENT,
	T_PARTIAL, T_DELIM
};

/* A section still open, and where its next child goes. */
struct frame {
	struct node	 *sec;		/* NULL for the template itself */
	struct node	**tail;
};

struct parser {
	const char	*src;
	size_t		 len;
	const char	*otag;		/* the opening delimiter, in src */
	size_t		 olen;
	const char	*ctag;		/* the closing delimiter, in src */
	size_t		 clen;
	size_t		 shift;		/* columns added by re-indenting */
	struct frame	*stack;
	size_t		 nstack;
	size_t		 stackcap;
	char		*err;		/* the first error */
};

/* Records "LINE:COL: message" for offset off unless an error is set. */
static void
parse_error(struct parser *p, size_t off, const char *msg)
{
	int line, col;

	if (p->err != NULL)
		return;
	position(p->src, off, &line, &col);
	if (p->shift > 0 && (size_t)col > p->shift)
		col -= (int)p->shift;
	p->err = xasprintf("%d:%d: %s", line, col, msg);
}

/*
 * Returns the offset of the first match at or after from of c (when c is
 * not NUL) followed by pat, or (size_t)-1.
 */
static size_t
find(const struct parser *p, size_t from, char c, const char *pat,
    size_t plen)
{
	size_t need = plen + (c != '\0');
	const char *s;

	while (from + need <= p->len) {
		s = memchr(p->src + from, c != '\0' ? c : pat[0],
		    p->len - from - need + 1);
		if (s == NULL)
			return (size_t)-1;
		from = (size_t)(s - p->src);
		if (c == '\0' ? memcmp(s, pat, plen) == 0 :
		    memcmp(s + 1, pat, plen) == 0)
			return from;
		from++;
	}
	return (size_t)-1;
}

static int
isblank_c(int c)
{
	return c == ' ' || c == '\t';
}

/* Returns a copy of s[0..len) without white space at either end. */
static char *
trimdup(const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return xstrndup(s, len);
}

/* Appends a new node to the innermost open section and returns it. */
static struct node *
add_node(struct parser *p, enum ntype type, size_t off)
{
	struct frame *f = &p->stack[p->nstack - 1];
	struct node *n = xcalloc(1, sizeof(*n));

	n->type = type;
	n->off = off;
	*f->tail = n;
	f->tail = &n->next;
	return n;
}

static void
add_text(struct parser *p, size_t from, size_t to)
{
	struct node *n;

	if (to <= from)
		return;
	n = add_node(p, N_TEXT, from);
	n->text = p->src + from;
	n->len = to - from;
}

/*
 * Sets the delimiters from the inside of a {{=a b=}} tag, s[0..len).
 * Returns 0, or -1 when there are not exactly two delimiters free of
 * white space and '='.
 */
static int
set_delims(struct parser *p, const char *s, size_t len)
{
	size_t i = 0, a, alen, b, blen;

	while (i < len && isspace((unsigned char)s[i]))
		i++;
	a = i;
	while (i < len && !isspace((unsigned char)s[i]) && s[i] != '=')
		i++;
	alen = i - a;
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	b = i;
	while (i < len && !isspace((unsigned char)s[i]) && s[i] != '=')
		i++;
	blen = i - b;
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	if (alen == 0 || blen == 0 || i != len)
		return -1;
	p->otag = s + a;
	p->olen = alen;
	p->ctag = s + b;
	p->clen = blen;
	return 0;
}

/*
 * Handles one tag whose name (or inside) is src[in..inend), starting at
 * off.  indent is the white space before a standalone tag, or NULL.
 * Returns 0, or -1 with p->err set.
 */
static int
parse_tag(struct parser *p, enum tag t, size_t off, size_t in, size_t inend,
    const char *indent, size_t indentlen)
{
	struct frame *f;
	struct node *n;
	char *name;

	if (t == T_COMMENT)
		return 0;
	if (t == T_DELIM) {
		if (set_delims(p, p->src + in, inend - in) == -1) {
			parse_error(p, off, "bad set-delimiter tag");
			return -1;
		}
		return 0;
	}
	name = trimdup(p->src + in, inend - in);
	if (name[0] == '\0') {
		free(name);
		parse_error(p, off, "tag without a name");
		return -1;
	}
	switch (t) {
	case T_VAR:
		add_node(p, N_VAR, off)->name = name;
		return 0;
	case T_RAW:
	case T_TRIPLE:
		add_node(p, N_RAW, off)->name = name;
		return 0;
	case T_PARTIAL:
		n = add_node(p, N_PARTIAL, off);
		n->name = name;
		if (indent != NULL)
			n->indent = xstrndup(indent, indentlen);
		return 0;
	case T_SECTION:
	case T_INVERTED:
		if (p->nstack > MAX_SECTION_DEPTH) {
			free(name);
			parse_error(p, off, "sections nested too deeply");
			return -1;
		}
		n = add_node(p, t == T_SECTION ? N_SECTION : N_INVERTED, off);
		n->name = name;
		p->stack = xgrow(p->stack, &p->stackcap, p->nstack + 1,
		    sizeof(*p->stack));
		p->stack[p->nstack].sec = n;
		p->stack[p->nstack].tail = &n->kids;
		p->nstack++;
		return 0;
	default:
		break;
	}
	/* T_CLOSE */
	f = &p->stack[p->nstack - 1];
	if (f->sec == NULL || strcmp(f->sec->name, name) != 0) {
		char *msg = f->sec == NULL ?
		    xasprintf("closing tag \"%s\" without an open section",
		    name) :
		    xasprintf("closing tag \"%s\" does not match open "
		    "section \"%s\"", name, f->sec->name);

		parse_error(p, off, msg);
		free(msg);
		free(name);
		return -1;
	}
	free(name);
	p->nstack--;
	return 0;
}

/*
 * Parses src[0..len) with the default delimiters; shift is the number of
 * columns a re-indented partial gained, taken off in messages.  Returns the
 * tree (freed with node_free(); it points into src, which must outlive it),
 * or NULL with *err set (owned by the caller).  An empty template gives an
 * empty tree, which is also NULL, with *err left NULL.
 */
static struct node *
parse(const char *src, size_t len, size_t shift, char **err)
{
	struct parser p;
	struct node *root = NULL;
	size_t pos = 0, ts, q, in, inend, end, ls, eol, i;
	int bol = 1, standalone;
	enum tag t;

	memset(&p, 0, sizeof(p));
	p.src = src;
	p.len = len;
	p.otag = "{{";
	p.olen = 2;
	p.ctag = "}}";
	p.clen = 2;
	p.shift = shift;
	p.stack = xgrow(NULL, &p.stackcap, 1, sizeof(*p.stack));
	p.stack[0].sec = NULL;
	p.stack[0].tail = &root;
	p.nstack = 1;
	*err = NULL;

	while (pos < len) {
		if ((ts = find(&p, pos, '\0', p.otag, p.olen)) == (size_t)-1) {
			add_text(&p, pos, len);
			break;
		}

		/* The kind of tag and where its inside ends. */
		q = ts + p.olen;
		t = T_VAR;
		if (q < len)
			switch (src[q]) {
			case '{':
				t = T_TRIPLE;
				break;
			case '&':
				t = T_RAW;
				break;
			case '#':
				t = T_SECTION;
				break;
			case '^':
				t = T_INVERTED;
				break;
			case '/':
				t = T_CLOSE;
				break;
			case '!':
				t = T_COMMENT;
				break;
			case '>':
				t = T_PARTIAL;
				break;
			case '=':
				t = T_DELIM;
				break;
			default:
				break;
			}
		in = t == T_VAR ? q : q + 1;
		if (t == T_TRIPLE || t == T_DELIM) {
			inend = find(&p, in, t == T_TRIPLE ? '}' : '=',
			    p.ctag, p.clen);
			end = inend + 1 + p.clen;
		} else {
			inend = find(&p, in, '\0', p.ctag, p.clen);
			end = inend + p.clen;
		}
		if (inend == (size_t)-1) {
			parse_error(&p, ts, "unclosed tag");
			goto fail;
		}

		/*
		 * A tag other than an interpolation that is alone on its
		 * line but for blanks takes the whole line with it.
		 */
		standalone = 0;
		ls = ts;
		eol = end;
		if (t != T_VAR && t != T_RAW && t != T_TRIPLE) {
			while (ls > pos && isblank_c((unsigned char)src[ls - 1]))
				ls--;
			if ((ls > pos && src[ls - 1] == '\n') ||
			    (ls == pos && bol)) {
				while (eol < len &&
				    isblank_c((unsigned char)src[eol]))
					eol++;
				if (eol == len)
					standalone = 1;
				else if (src[eol] == '\n') {
					eol++;
					standalone = 1;
				} else if (src[eol] == '\r' && eol + 1 < len &&
				    src[eol + 1] == '\n') {
					eol += 2;
					standalone = 1;
				}
			}
		}
		if (!standalone) {
			ls = ts;
			eol = end;
		}

		add_text(&p, pos, ls);
		if (parse_tag(&p, t, ts, in, inend,
		    standalone ? src + ls : NULL, ts - ls) == -1)
			goto fail;
		pos = eol;
		bol = standalone;
	}

	if (p.nstack > 1) {
		char *msg;

		i = p.nstack - 1;
		msg = xasprintf("unclosed section \"%s\"", p.stack[i].sec->name);
		parse_error(&p, p.stack[i].sec->off, msg);
		free(msg);
		goto fail;
	}
	free(p.stack);
	return root;
fail:
	free(p.stack);
	node_free(root);
	*err = p.err;
	return NULL;
}

/*
 * Renderer.
 */

/* Appends s with & " < > and ' replaced by character references. */
static void
put_escaped(struct buf *out, const char *s)
{
	const char *run = s, *rep;

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_put(out, run, (size_t)(s - run));
		buf_puts(out, rep);
		run = s + 1;
	}
	buf_put(out, run, (size_t)(s - run));
}

/*
 * Writes d into tmp (at least 32 bytes) with the fewest significant
 * digits, from 15 up to 17, that read back as the same number: 1.21 stays
 * "1.21" and 85 stays "85".
 */
static void
format_number(char *tmp, size_t sz, double d)
{
	int prec;

	for (prec = 15; prec < 17; prec++) {
		snprintf(tmp, sz, "%.*g", prec, d);
		if (strtod(tmp, NULL) == d)
			return;
	}
	snprintf(tmp, sz, "%.17g", d);
}

/* Appends v as text; null, lists and maps give nothing. */
static void
interpolate(struct buf *out, const struct mval *v, int escape)
{
	char tmp[64];
	const char *s;

	if (v == NULL)
		return;
	switch (v->type) {
	case MVAL_BOOL:
		s = v->b ? "true" : "false";
		break;
	case MVAL_NUMBER:
		format_number(tmp, sizeof(tmp), v->num);
		s = tmp;
		break;
	case MVAL_STRING:
		s = v->str;
		break;
	default:
		return;
	}
	if (escape)
		put_escaped(out, s);
	else
		buf_puts(out, s);
}

/*
 * Returns the value name stands for, or NULL.  "." is the top of the
 * context stack.  The first part of a dotted name is looked up from the
 * top of the stack down; the other parts only inside what it found.
 */
static const struct mval *
lookup(struct render *r, const char *name)
{
	const struct mval *v = NULL;
	const char *dot;
	size_t len, i;

	if (strcmp(name, ".") == 0)
		return r->nctx > 0 ? r->ctx[r->nctx - 1] : NULL;
	dot = strchr(name, '.');
	len = dot != NULL ? (size_t)(dot - name) : strlen(name);
	for (i = r->nctx; i > 0 && v == NULL; i--) {
		if (r->steps > 0)
			r->steps--;
		v = map_get(r->ctx[i - 1], name, len);
	}
	while (v != NULL && dot != NULL) {
		name = dot + 1;
		dot = strchr(name, '.');
		len = dot != NULL ? (size_t)(dot - name) : strlen(name);
		v = map_get(v, name, len);
	}
	return v;
}

static void
push(struct render *r, const struct mval *v)
{
	r->ctx = xgrow(r->ctx, &r->ctxcap, r->nctx + 1, sizeof(*r->ctx));
	r->ctx[r->nctx++] = v;
}

/*
 * Records, unless an error is already set, "LINE:COL: msg" for node n of
 * the main template (in is NULL), or for one inside partial in: then
 * LINE:COL is the outermost partial tag in the main template, followed by
 * where in the partial things went wrong.
 */
static void
render_error(struct render *r, const struct node *n,
    const struct partial *in, const char *msg)
{
	int line, col, pline, pcol;

	if (*r->err != NULL)
		return;
	if (in == NULL) {
		position(r->top, n->off, &line, &col);
		*r->err = xasprintf("%d:%d: %s", line, col, msg);
		return;
	}
	position(r->top, r->topoff, &line, &col);
	position(in->text, n->off, &pline, &pcol);
	if ((size_t)pcol > strlen(in->indent))
		pcol -= (int)strlen(in->indent);
	*r->err = xasprintf("%d:%d: in partial \"%s\": %d:%d: %s", line, col,
	    in->name, pline, pcol, msg);
}

/*
 * Returns s with indent put before each of its lines (none after a final
 * newline), owned by the caller.
 */
static char *
reindent(const char *s, const char *indent)
{
	struct buf b = {0};
	size_t ilen = strlen(indent);
	const char *nl;

	while (*s != '\0') {
		buf_put(&b, indent, ilen);
		if ((nl = strchr(s, '\n')) == NULL) {
			buf_puts(&b, s);
			break;
		}
		buf_put(&b, s, (size_t)(nl - s) + 1);
		s = nl + 1;
	}
	return buf_detach(&b);
}

static void
partial_free(struct partial *pt)
{
	if (pt == NULL)
		return;
	node_free(pt->tree);
	free(pt->name);
	free(pt->indent);
	free(pt->text);
	free(pt);
}

/*
 * Returns the partial that tag n (in partial in, or the main template)
 * names, fetched and parsed the first time and owned by r, or NULL with
 * the error set (a malformed partial, or a name the callback refused).  A
 * partial the callback does not know is empty.
 */
static const struct partial *
get_partial(struct render *r, const struct node *n, const struct partial *in)
{
	struct partial *pt;
	const char *indent = n->indent != NULL ? n->indent : "";
	char *text, *perr, *msg;
	size_t i;

	/* The same partial at another indentation is another text; an
	 * indent is blanks only, so '|' ends it. */
	r->key.len = 0;
	buf_puts(&r->key, indent);
	buf_putc(&r->key, '|');
	buf_puts(&r->key, n->name);
	if ((i = strindex_find(&r->t->partkeys, r->key.data, r->key.len)) !=
	    (size_t)-1)
		return r->t->parts[i];

	pt = xcalloc(1, sizeof(*pt));
	pt->name = xstrdup(n->name);
	pt->indent = xstrdup(indent);
	perr = NULL;
	text = r->fetch != NULL ? r->fetch(n->name, r->arg, &perr) : NULL;
	if (perr != NULL) {
		/* The callback refused the name: said at the tag. */
		render_error(r, n, in, perr);
		free(perr);
		free(text);
		partial_free(pt);
		return NULL;
	}
	if (text != NULL && indent[0] != '\0') {
		pt->text = reindent(text, indent);
		free(text);
	} else
		pt->text = text;
	if (pt->text != NULL) {
		pt->tree = parse(pt->text, strlen(pt->text), strlen(indent),
		    &perr);
		if (perr != NULL) {
			msg = xasprintf("in partial \"%s\": %s", n->name, perr);
			free(perr);
			render_error(r, n, in, msg);
			free(msg);
			partial_free(pt);
			return NULL;
		}
	}
	r->t->parts = xgrow(r->t->parts, &r->t->partcap, r->t->partkeys.n + 1,
	    sizeof(*r->t->parts));
	r->t->parts[strindex_add(&r->t->partkeys, r->key.data,
	    r->key.len)] = pt;
	return pt;
}

static int	render_nodes(struct render *, const struct node *,
		    const struct partial *);

/* Renders partial tag n found in in (NULL: the main template). */
static int
render_partial(struct render *r, const struct node *n,
    const struct partial *in)
{
	const struct partial *pt;
	char *msg;
	int rc;

	if (r->pdepth == 0)
		r->topoff = n->off;
	if (r->pdepth >= MAX_PARTIAL_DEPTH) {
		msg = xasprintf("partial \"%s\" nested more than %d deep",
		    n->name, MAX_PARTIAL_DEPTH);
		render_error(r, n, in, msg);
		free(msg);
		return -1;
	}
	if ((pt = get_partial(r, n, in)) == NULL)
		return -1;
	r->pdepth++;
	rc = render_nodes(r, pt->tree, pt);
	r->pdepth--;
	return rc;
}

/* Renders section or inverted section n found in in. */
static int
render_section(struct render *r, const struct node *n,
    const struct partial *in)
{
	const struct mval *v = lookup(r, n->name);
	size_t i;

	if (n->type == N_INVERTED)
		return truthy(v) ? 0 : render_nodes(r, n->kids, in);
	if (!truthy(v))
		return 0;
	if (v->type != MVAL_LIST) {
		push(r, v);
		if (render_nodes(r, n->kids, in) == -1)
			return -1;
		r->nctx--;
		return 0;
	}
	for (i = 0; i < v->n; i++) {
		const struct mval *it;
		struct mval *made = NULL;
		int rc;

		/* An item made for this render is freed once rendered. */
		if (v->lazy)
			it = made = v->item(v->arg, i);
		else
			it = v->items[i];
		push(r, it);
		rc = render_nodes(r, n->kids, in);
		mval_free(made);
		if (rc == -1)
			return -1;
		r->nctx--;
	}
	return 0;
}

/*
 * Renders the list of nodes n, from partial in (NULL: the main template).
 * Returns 0, or -1 with the error set.
 */
static int
render_nodes(struct render *r, const struct node *n, const struct partial *in)
{
	int rc;

	for (; n != NULL; n = n->next) {
		if (r->steps == 0) {
			render_error(r, n, in, "too much work for the data: "
			    "sections nested over the same lists?");
			return -1;
		}
		r->steps--;
		switch (n->type) {
		case N_TEXT:
			buf_put(r->out, n->text, n->len);
			break;
		case N_VAR:
		case N_RAW:
			interpolate(r->out, lookup(r, n->name),
			    n->type == N_VAR);
			break;
		case N_SECTION:
		case N_INVERTED:
		case N_PARTIAL:
			if (r->depth >= MAX_RENDER_DEPTH) {
				render_error(r, n, in, "sections and partials "
				    "nested too deeply");
				return -1;
			}
			r->depth++;
			rc = n->type == N_PARTIAL ? render_partial(r, n, in) :
			    render_section(r, n, in);
			r->depth--;
			if (rc == -1)
				return -1;
			break;
		}
	}
	return 0;
}

struct mustache *
mustache_parse(const char *tmpl, char **err)
{
	struct mustache *t = xcalloc(1, sizeof(*t));
	char *msg = NULL;

	t->text = xstrdup(tmpl);
	t->tree = parse(t->text, strlen(t->text), 0, &msg);
	if (msg != NULL) {
		mustache_free(t);
		t = NULL;
	}
	if (err != NULL)
		*err = msg;
	else
		free(msg);
	return t;
}

void
mustache_free(struct mustache *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->partkeys.n; i++)
		partial_free(t->parts[i]);
	free(t->parts);
	strindex_free(&t->partkeys);
	node_free(t->tree);
	free(t->text);
	free(t);
}

/*
 * Returns the number of values in v and all it holds, its defaults too,
 * counting no further than cap.
 */
static size_t
values_in(const struct mval *v, size_t cap)
{
	size_t n = 0, i;

	for (; v != NULL && n < cap;
	    v = v->type == MVAL_MAP ? v->defaults : NULL) {
		n++;
		if (v->lazy)
			n += v->values < cap - n ? v->values : cap - n;
		else if (v->type == MVAL_LIST || v->type == MVAL_MAP)
			for (i = 0; i < v->n && n < cap; i++)
				n += values_in(v->items[i], cap - n);
	}
	return n;
}

int
mustache_render_parsed(struct mustache *t, const struct mval *ctx,
    mustache_partial_fn partial, void *arg, struct buf *out, char **err)
{
	struct render r;
	char *msg = NULL;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	r.fetch = partial;
	r.arg = arg;
	r.out = out;
	r.t = t;
	r.top = t->text;
	r.err = &msg;
	r.steps = STEPS_FREE + STEPS_PER_VALUE * values_in(ctx,
	    ((size_t)-1 - STEPS_FREE) / STEPS_PER_VALUE);
	if (ctx != NULL)
		push(&r, ctx);
	if (render_nodes(&r, t->tree, NULL) == -1)
		goto out;
	rc = 0;
out:
	buf_free(&r.key);
	free(r.ctx);
	if (err != NULL)
		*err = msg;
	else
		free(msg);
	return rc;
}

int
mustache_render(const char *tmpl, const struct mval *ctx,
    mustache_partial_fn partial, void *arg, struct buf *out, char **err)
{
	struct mustache *t;
	int rc;

	if ((t = mustache_parse(tmpl, err)) == NULL)
		return -1;
	rc = mustache_render_parsed(t, ctx, partial, arg, out, err);
	mustache_free(t);
	return rc;
}
