/*
 * html.c -- HTML escaping, link safety and the document tree as HTML.
 *
 * The tree renderer follows cmark's HTML writer in shape (one element per
 * line, tight list items without <p>), but it owns the safety rules:
 * raw HTML is escaped unless opts->unsafe, URLs pass html_href(), and every
 * code point HTML forbids becomes U+FFFD, so the output stays valid HTML5
 * whatever the notes hold.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "links.h"

/* Deeper than the parser ever nests; past it a subtree becomes text. */
#define HTML_MAX_DEPTH	256

static const char replacement[] = "\xef\xbf\xbd";	/* U+FFFD */

/*
 * Decodes the UTF-8 sequence at p (at most left bytes).  Returns its
 * length and sets *cp, or returns 0 for an invalid sequence.
 */
static size_t
utf8_decode(const unsigned char *p, size_t left, unsigned long *cp)
{
	size_t len, i;
	unsigned long c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
	} else
		return 0;
	if (len > left)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	*cp = c;
	return len;
}

/* Code points HTML forbids in text and attribute values. */
static int
forbidden(unsigned long c)
{
	if (c < 0x20)
		return c != '\t' && c != '\n' && c != '\f' && c != '\r';
	if (c >= 0x7f && c <= 0x9f)
		return 1;
	if (c >= 0xfdd0 && c <= 0xfdef)
		return 1;
	return (c & 0xfffe) == 0xfffe;
}

/*
 * Appends s[0..len) with forbidden code points and invalid UTF-8 replaced
 * by U+FFFD, escaping & < > " ' when escape is set.  Runs of ordinary
 * bytes are copied in one call.
 */
static void
put_text(struct buf *b, const char *s, size_t len, int escape)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, n;
	unsigned long c;
	const char *rep;

	buf_put(b, "", 0);
	while (i < len) {
		/* Most text is printable ASCII that stays as it is. */
		if (p[i] >= 0x20 && p[i] < 0x7f && !(escape &&
		    (p[i] == '&' || p[i] == '<' || p[i] == '>' ||
		    p[i] == '"' || p[i] == '\''))) {
			i++;
			continue;
		}
		rep = NULL;
		n = utf8_decode(p + i, len - i, &c);
		if (n == 0) {
			rep = replacement;
			n = 1;
		} else if (forbidden(c))
			rep = replacement;
		else if (escape) {
			switch (c) {
			case '&':  rep = "&amp;"; break;
			case '<':  rep = "&lt;"; break;
			case '>':  rep = "&gt;"; break;
			case '"':  rep = "&quot;"; break;
			case '\'': rep = "&#39;"; break;
			default:   break;
			}
		}
		if (rep != NULL) {
			buf_put(b, s + run, i - run);
			buf_puts(b, rep);
			run = i + n;
		}
		i += n;
	}
	buf_put(b, s + run, len - run);
}

void
html_escape_len(struct buf *b, const char *s, size_t len)
{
	put_text(b, s, len, 1);
}

void
html_escape(struct buf *b, const char *s)
{
	if (s != NULL)
		put_text(b, s, strlen(s), 1);
}

int
html_is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s,
	    *end = p + strlen(s);
	size_t n;
	unsigned long c;

	while (p < end) {
		if (*p >= 0x20 && *p < 0x7f) {
			p++;
			continue;
		}
		n = utf8_decode(p, (size_t)(end - p), &c);
		if (n == 0 || forbidden(c))
			return 0;
		p += n;
	}
	return 1;
}

char *
html_clean(const char *s)
{
	struct buf b = {0};

	if (s == NULL)
		return NULL;
	put_text(&b, s, strlen(s), 0);
	return buf_detach(&b);
}

/* --- URLs --------------------------------------------------------------- */

/* The one allow-list of every format (links.c). */
int
html_url_safe(const char *url)
{
	return link_url_allowed(url);
}

/*
 * Checks the authority (host and port) of a web URL, s[0..len).  Returns 1
 * when a browser and the HTML checker accept it: a non-empty host without
 * empty labels or forbidden characters, no user name or password, a port
 * of digits only.
 */
static int
authority_ok(const char *s, size_t len)
{
	size_t i = 0, label = 0, port;
	unsigned char c;

	if (len > 0 && s[0] == '[') {
		for (i = 1; i < len && s[i] != ']'; i++)
			if (!ascii_hex((unsigned char)s[i]) && s[i] != ':' &&
			    s[i] != '.')
				return 0;
		if (i >= len || i == 1)
			return 0;
		i++;
	} else {
		for (; i < len && s[i] != ':'; i++) {
			c = (unsigned char)s[i];
			if (c == '.') {
				if (label == 0)
					return 0;
				label = 0;
				continue;
			}
			if (c == '%') {
				if (i + 2 >= len || !ascii_hex(s[i + 1]) ||
				    !ascii_hex(s[i + 2]))
					return 0;
			} else if (!(c >= 0x80 || ascii_alpha(c) || ascii_digit(c) ||
			    strchr("-_~!$&'()*+,;=", c) != NULL))
				return 0;
			label++;
		}
		if (i == 0)
			return 0;
	}
	if (i == len)
		return 1;
	if (s[i] != ':')
		return 0;
	for (port = 0, i++; i < len; i++) {
		if (!ascii_digit((unsigned char)s[i]))
			return 0;
		port = port * 10 + (size_t)(s[i] - '0');
		if (port > 65535)
			return 0;
	}
	return 1;
}

/* Schemes whose URLs must have a host ("special" in the URL standard). */
static int
scheme_has_host(const char *scheme)
{
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	    strcmp(scheme, "ftp") == 0 || strcmp(scheme, "ws") == 0 ||
	    strcmp(scheme, "wss") == 0;
}

/* Characters percent-encoded outside the host. */
static int
url_encoded(unsigned char c)
{
	return c <= 0x20 || c == 0x7f || strchr("\"<>\\^`{|}[]", c) != NULL;
}

char *
html_href(const char *url)
{
	static const char hexdigits[] = "0123456789ABCDEF";
	struct buf b = {0}, clean = {0};
	char scheme[32];
	const char *rest, *s, *host;
	size_t len, i, hostlen, run, n;
	int r, hash = 0;

	if (!html_url_safe(url))
		return NULL;
	/* What a browser reads: no tabs or newlines, no outer blanks. */
	while (*url != '\0' && (unsigned char)*url <= 0x20)
		url++;
	buf_put(&clean, "", 0);
	for (s = url; *s != '\0'; s += n + (s[n] != '\0')) {
		n = strcspn(s, "\t\n\r");	/* a browser drops these */
		buf_put(&clean, s, n);
	}
	while (clean.len > 0 &&
	    (unsigned char)clean.data[clean.len - 1] <= 0x20)
		clean.data[--clean.len] = '\0';
	s = clean.data;
	len = clean.len;
	r = link_url_scheme(s, scheme, sizeof(scheme), &rest);
	i = r == 1 ? (size_t)(rest - s) : 0;
	if ((r == 1 && scheme_has_host(scheme)) ||
	    (r == 0 && s[0] == '/' && s[1] == '/')) {
		if (s[i] != '/' || s[i + 1] != '/')
			goto bad;
		host = s + i + 2;
		hostlen = strcspn(host, "/?#\\");
		if (!authority_ok(host, hostlen))
			goto bad;
		i += 2 + hostlen;
	}
	/* Scheme and host as they are, then runs of characters that need
	 * no encoding copied at once. */
	for (run = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '#' && !hash) {
			hash = 1;
			continue;
		}
		if (!(c == '#' || url_encoded(c) || (c == '%' &&
		    (i + 2 >= len || !ascii_hex(s[i + 1]) || !ascii_hex(s[i + 2])))))
			continue;
		buf_put(&b, s + run, i - run);
		buf_putc(&b, '%');
		buf_putc(&b, hexdigits[c >> 4]);
		buf_putc(&b, hexdigits[c & 0xf]);
		run = i + 1;
	}
	buf_put(&b, s + run, len - run);
	buf_free(&clean);
	buf_put(&b, "", 0);
	return buf_detach(&b);
bad:
	buf_free(&clean);
	buf_free(&b);
	return NULL;
}

/* --- anchors ------------------------------------------------------------ */

void
html_anchors_add(struct html_anchors *a, const struct node *n,
    const char *id)
{
	a->v = xgrow(a->v, &a->cap, a->n + 1, sizeof(*a->v));
	a->v[a->n].node = n;
	a->v[a->n].id = id;
	a->n++;
	a->sorted = 0;
}

static int
anchor_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct html_anchor *)a)->node;
	uintptr_t y = (uintptr_t)((const struct html_anchor *)b)->node;

	return x < y ? -1 : x > y;
}

void
html_anchors_sort(struct html_anchors *a)
{
	if (a->n > 1)
		qsort(a->v, a->n, sizeof(*a->v), anchor_cmp);
	a->sorted = 1;
}

const char *
html_anchors_find(const struct html_anchors *a, const struct node *n)
{
	struct html_anchor key, *hit;

	if (a == NULL || a->n == 0 || !a->sorted)
		return NULL;
	key.node = n;
	key.id = NULL;
	hit = bsearch(&key, a->v, a->n, sizeof(*a->v), anchor_cmp);
	return hit != NULL ? hit->id : NULL;
}

void
html_anchors_free(struct html_anchors *a)
{
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
	a->sorted = 0;
	a->level = 0;
}

/* An id we are willing to print: [a-z0-9-]+. */
static int
id_ok(const char *id)
{
	if (id == NULL || *id == '\0')
		return 0;
	for (; *id != '\0'; id++)
		if (!((*id >= 'a' && *id <= 'z') || ascii_digit(*id) ||
		    *id == '-'))
			return 0;
	return 1;
}

struct id_ref {
	const char	*id;
	size_t		 idx;
};

static int
id_ref_cmp(const void *a, const void *b)
{
	const struct id_ref *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * Sorting the ids finds repeats in O(n log n); of equal ids only the one
 * earliest in the document is kept.
 */
void
html_anchors_sections(struct html_anchors *a, const struct meeting *m)
{
	struct id_ref *refs;
	unsigned char *keep;
	size_t i, n = 0;

	if (m->nsections == 0)
		return;
	refs = xcalloc(m->nsections, sizeof(*refs));
	keep = xcalloc(m->nsections, 1);
	for (i = 0; i < m->nsections; i++) {
		if (m->sections[i].heading == NULL ||
		    !id_ok(m->sections[i].id))
			continue;
		refs[n].id = m->sections[i].id;
		refs[n].idx = i;
		n++;
	}
	qsort(refs, n, sizeof(*refs), id_ref_cmp);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(refs[i].id, refs[i - 1].id) != 0)
			keep[refs[i].idx] = 1;
	for (i = 0; i < m->nsections; i++)
		if (keep[i])
			html_anchors_add(a, m->sections[i].heading,
			    m->sections[i].id);
	free(refs);
	free(keep);
}

/* --- the tree ----------------------------------------------------------- */

struct writer {
	struct buf			*out;
	const struct render_opts	*opts;
	const struct html_anchors	*anchors;
	int				*level;	/* last heading written */
};

static void	block(struct writer *, const struct node *, int);
static void	inlines(struct writer *, const struct node *, int);

/* Ends the current line unless the output is at a line start. */
static void
cr(struct buf *b)
{
	if (b->len > 0 && b->data[b->len - 1] != '\n')
		buf_putc(b, '\n');
}

/* The plain text of a subtree, escaped; walking it needs no recursion. */
static void
plain(struct writer *w, const struct node *n)
{
	char *s = node_text(n);

	html_escape(w->out, s);
	free(s);
}

static void
attr(struct buf *b, const char *name, const char *value)
{
	buf_putc(b, ' ');
	buf_puts(b, name);
	buf_puts(b, "=\"");
	html_escape(b, value);
	buf_putc(b, '"');
}

/*
 * Does the subtree hold a link that will be written (an <a> must not nest
 * in another)?
 */
static int
has_link(const struct node *root)
{
	const struct node *n;
	char *href;

	for (n = root; n != NULL; n = node_walk_next(root, n)) {
		if (n->type != MTG_N_LINK)
			continue;
		href = html_href(n->url);
		free(href);
		if (href != NULL)
			return 1;
	}
	return 0;
}

static void
raw_or_text(struct writer *w, const char *s)
{
	if (s == NULL)
		return;
	if (w->opts != NULL && w->opts->unsafe)
		buf_puts(w->out, s);
	else
		html_escape(w->out, s);
}

static void
inline_one(struct writer *w, const struct node *n, int depth)
{
	struct buf *o = w->out;
	char *href, *alt;

	switch (n->type) {
	case MTG_N_TEXT:
		html_escape(o, n->text);
		break;
	case MTG_N_SOFTBREAK:
		buf_putc(o, '\n');
		break;
	case MTG_N_LINEBREAK:
		buf_puts(o, "<br>\n");
		break;
	case MTG_N_CODE:
		buf_puts(o, "<code>");
		html_escape(o, n->text);
		buf_puts(o, "</code>");
		break;
	case MTG_N_HTML_INLINE:
		raw_or_text(w, n->text);
		break;
	case MTG_N_EMPH:
		buf_puts(o, "<em>");
		inlines(w, n, depth + 1);
		buf_puts(o, "</em>");
		break;
	case MTG_N_STRONG:
		buf_puts(o, "<strong>");
		inlines(w, n, depth + 1);
		buf_puts(o, "</strong>");
		break;
	case MTG_N_STRIKE:
		buf_puts(o, "<del>");
		inlines(w, n, depth + 1);
		buf_puts(o, "</del>");
		break;
	case MTG_N_LINK:
		if ((href = html_href(n->url)) == NULL) {
			inlines(w, n, depth + 1);
			break;
		}
		buf_puts(o, "<a");
		attr(o, "href", href);
		if (node_title(n) != NULL && *node_title(n) != '\0')
			attr(o, "title", node_title(n));
		buf_putc(o, '>');
		inlines(w, n, depth + 1);
		buf_puts(o, "</a>");
		free(href);
		break;
	case MTG_N_IMAGE:
		alt = node_text(n);
		if ((href = html_href(n->url)) == NULL || *href == '\0')
			html_escape(o, alt);
		else {
			buf_puts(o, "<img");
			attr(o, "src", href);
			attr(o, "alt", alt);
			if (node_title(n) != NULL && *node_title(n) != '\0')
				attr(o, "title", node_title(n));
			buf_putc(o, '>');
		}
		free(href);
		free(alt);
		break;
	default:
		/* A block where an inline belongs: keep its text. */
		plain(w, n);
		break;
	}
}

static void
inlines(struct writer *w, const struct node *parent, int depth)
{
	const struct node *c;

	if (depth > HTML_MAX_DEPTH) {
		plain(w, parent);
		return;
	}
	for (c = parent->first; c != NULL; c = c->next)
		inline_one(w, c, depth);
}

/*
 * A paragraph; inside an item of a tight list it has no <p>.  The first
 * paragraph of a task item starts with its box, and that of an item with
 * an anchor (an agenda item) links to the item's section.
 */
static void
paragraph(struct writer *w, const struct node *n, int depth)
{
	const struct node *item = n->parent;
	const char *id = NULL;
	int tight = 0, first = 0;

	if (item != NULL && item->type == MTG_N_ITEM) {
		tight = item->parent != NULL && item->parent->tight;
		first = item->first == n;
		if (first)
			id = html_anchors_find(w->anchors, item);
	}
	if (!tight) {
		cr(w->out);
		buf_puts(w->out, "<p>");
	}
	if (first && item->task != MTG_TASK_NONE)
		buf_puts(w->out, item->task == MTG_TASK_DONE ?
		    "<span class=\"task-box\">\xe2\x98\x91</span> " :
		    "<span class=\"task-box\">\xe2\x98\x90</span> ");
	if (id != NULL && !has_link(n)) {
		buf_puts(w->out, "<a href=\"#");
		html_escape(w->out, id);
		buf_puts(w->out, "\">");
		inlines(w, n, depth + 1);
		buf_puts(w->out, "</a>");
	} else {
		inlines(w, n, depth + 1);
		if (id != NULL) {
			buf_puts(w->out, " <a class=\"goto\" href=\"#");
			html_escape(w->out, id);
			buf_puts(w->out, "\" title=\"The minutes of this "
			    "item\">\xc2\xa7</a>");
		}
	}
	if (!tight)
		buf_puts(w->out, "</p>\n");
}

static void
children(struct writer *w, const struct node *n, int depth)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		block(w, c, depth + 1);
}

static void
item(struct writer *w, const struct node *n, int depth)
{
	const struct node *c;

	cr(w->out);
	if (n->task == MTG_TASK_DONE)
		buf_puts(w->out, "<li class=\"task done\">");
	else if (n->task == MTG_TASK_OPEN)
		buf_puts(w->out, "<li class=\"task\">");
	else
		buf_puts(w->out, "<li>");
	if (n->task != MTG_TASK_NONE &&
	    (n->first == NULL || n->first->type != MTG_N_PARAGRAPH))
		buf_puts(w->out, n->task == MTG_TASK_DONE ?
		    "<span class=\"task-box\">\xe2\x98\x91</span> " :
		    "<span class=\"task-box\">\xe2\x98\x90</span> ");
	for (c = n->first; c != NULL; c = c->next) {
		if (c->type != MTG_N_PARAGRAPH)
			cr(w->out);
		block(w, c, depth + 1);
	}
	buf_puts(w->out, "</li>\n");
}

static void
table_row(struct writer *w, const struct node *row, size_t ncols, int depth)
{
	const struct node *c;
	const char *tag = row->header ? "th" : "td";
	size_t i = 0;

	buf_puts(w->out, "<tr>\n");
	for (c = row->first; c != NULL && i < ncols; c = c->next, i++) {
		buf_putc(w->out, '<');
		buf_puts(w->out, tag);
		switch (c->align) {
		case MTG_ALIGN_LEFT:
			buf_puts(w->out, " style=\"text-align: left\"");
			break;
		case MTG_ALIGN_CENTER:
			buf_puts(w->out, " style=\"text-align: center\"");
			break;
		case MTG_ALIGN_RIGHT:
			buf_puts(w->out, " style=\"text-align: right\"");
			break;
		default:
			break;
		}
		buf_putc(w->out, '>');
		inlines(w, c, depth + 1);
		buf_puts(w->out, row->header ? "</th>\n" : "</td>\n");
	}
	/* A short row still fills every column. */
	for (; i < ncols; i++)
		buf_puts(w->out, row->header ? "<th></th>\n" : "<td></td>\n");
	buf_puts(w->out, "</tr>\n");
}

/*
 * The header row sets the number of columns; rows are padded or cut to
 * it (cmark-gfm already does so; the checker insists).
 */
static void
table(struct writer *w, const struct node *n, int depth)
{
	const struct node *row = n->first, *c;
	size_t ncols = 0;

	if (row != NULL)
		for (c = row->first; c != NULL; c = c->next)
			ncols++;
	cr(w->out);
	buf_puts(w->out, "<table>\n");
	if (row != NULL && row->type == MTG_N_TABLE_ROW && row->header) {
		buf_puts(w->out, "<thead>\n");
		table_row(w, row, ncols, depth);
		buf_puts(w->out, "</thead>\n");
		row = row->next;
	}
	if (row != NULL) {
		buf_puts(w->out, "<tbody>\n");
		for (; row != NULL; row = row->next)
			if (row->type == MTG_N_TABLE_ROW)
				table_row(w, row, ncols, depth);
		buf_puts(w->out, "</tbody>\n");
	}
	buf_puts(w->out, "</table>\n");
}

static void
code_block(struct writer *w, const struct node *n)
{
	const char *info = node_info(n);
	size_t len;

	cr(w->out);
	buf_puts(w->out, "<pre><code");
	if (info != NULL && (len = strcspn(info, " \t\r\n")) > 0) {
		buf_puts(w->out, " class=\"language-");
		html_escape_len(w->out, info, len);
		buf_putc(w->out, '"');
	}
	buf_putc(w->out, '>');
	html_escape(w->out, n->text);
	buf_puts(w->out, "</code></pre>\n");
}

/* Raw HTML: itself for trusted notes, else shown as the text it is. */
static void
html_block_raw(struct writer *w, const struct node *n)
{
	size_t len = n->text != NULL ? strlen(n->text) : 0;

	cr(w->out);
	if (w->opts != NULL && w->opts->unsafe) {
		buf_put(w->out, n->text != NULL ? n->text : "", len);
		cr(w->out);
		return;
	}
	while (len > 0 && n->text[len - 1] == '\n')
		len--;
	buf_puts(w->out, "<pre class=\"raw-html\">");
	html_escape_len(w->out, n->text != NULL ? n->text : "", len);
	buf_puts(w->out, "</pre>\n");
}

static void
block(struct writer *w, const struct node *n, int depth)
{
	struct buf *o = w->out;
	const char *id;
	int level;

	if (depth > HTML_MAX_DEPTH) {
		cr(o);
		buf_puts(o, "<p>");
		plain(w, n);
		buf_puts(o, "</p>\n");
		return;
	}
	switch (n->type) {
	case MTG_N_DOCUMENT:
		children(w, n, depth);
		break;
	case MTG_N_PARAGRAPH:
		paragraph(w, n, depth);
		break;
	case MTG_N_HEADING:
		/* Never deeper than one below the heading before. */
		level = n->level < 1 ? 1 : n->level > 6 ? 6 : n->level;
		if (*w->level > 0 && level > *w->level + 1)
			level = *w->level + 1;
		*w->level = level;
		cr(o);
		buf_puts(o, "<h");
		buf_putc(o, '0' + level);
		if ((id = html_anchors_find(w->anchors, n)) != NULL)
			attr(o, "id", id);
		buf_putc(o, '>');
		inlines(w, n, depth + 1);
		buf_puts(o, "</h");
		buf_putc(o, '0' + level);
		buf_puts(o, ">\n");
		break;
	case MTG_N_LIST:
		cr(o);
		if (!n->ordered)
			buf_puts(o, "<ul>\n");
		else if (n->start != 1)
			buf_printf(o, "<ol start=\"%d\">\n", n->start);
		else
			buf_puts(o, "<ol>\n");
		children(w, n, depth);
		buf_puts(o, n->ordered ? "</ol>\n" : "</ul>\n");
		break;
	case MTG_N_ITEM:
		item(w, n, depth);
		break;
	case MTG_N_BLOCKQUOTE:
		cr(o);
		buf_puts(o, "<blockquote>\n");
		children(w, n, depth);
		cr(o);
		buf_puts(o, "</blockquote>\n");
		break;
	case MTG_N_CODE_BLOCK:
		code_block(w, n);
		break;
	case MTG_N_HTML_BLOCK:
		html_block_raw(w, n);
		break;
	case MTG_N_THEMATIC_BREAK:
		cr(o);
		buf_puts(o, "<hr>\n");
		break;
	case MTG_N_TABLE:
		table(w, n, depth);
		break;
	case MTG_N_TABLE_ROW:
	case MTG_N_TABLE_CELL:
		/* Only inside a table; alone, their text. */
		cr(o);
		buf_puts(o, "<p>");
		plain(w, n);
		buf_puts(o, "</p>\n");
		break;
	default:
		/* An inline where a block belongs: wrap it in a paragraph. */
		cr(o);
		buf_puts(o, "<p>");
		inline_one(w, n, depth);
		buf_puts(o, "</p>\n");
		break;
	}
}

void
html_block_anchored(struct buf *out, const struct node *n,
    const struct render_opts *opts, struct html_anchors *anchors)
{
	int level = 0;
	struct writer w = { out, opts, anchors,
	    anchors != NULL ? &anchors->level : &level };

	if (n != NULL)
		block(&w, n, 0);
}

void
html_block(struct buf *out, const struct node *n,
    const struct render_opts *opts)
{
	int level = 0;
	struct writer w = { out, opts, NULL, &level };

	if (n != NULL)
		block(&w, n, 0);
}

void
html_inlines(struct buf *out, const struct node *parent,
    const struct render_opts *opts)
{
	int level = 0;
	struct writer w = { out, opts, NULL, &level };

	if (parent != NULL)
		inlines(&w, parent, 0);
}
