/*
 * extract_text.c -- text helpers of extraction: a hash map, inline text
 * split into lines with source positions, label cleaning.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"

/* --- lines ---------------------------------------------------------- */

static struct xline *
xlines_new_line(struct xlines *out, int line)
{
	struct xline *l;

	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
	l = &out->v[out->n++];
	memset(l, 0, sizeof(*l));
	l->line = line;
	return l;
}

static void
xline_put(struct xline *l, struct buf *b, const char *s, int line, int col)
{
	if (s == NULL || *s == '\0')
		return;
	/* Extended autolinks come without a position (column 0). */
	if (line > 0 && col > 0) {
		l->segs = xgrow(l->segs, &l->segscap, l->nsegs + 1,
		    sizeof(*l->segs));
		l->segs[l->nsegs].off = b->len;
		l->segs[l->nsegs].line = line;
		l->segs[l->nsegs].col = col;
		l->nsegs++;
		if (l->line == 0)
			l->line = line;
	}
	buf_puts(b, s);
}

static int
is_br(const struct node *n)
{
	const char *t = n->text;

	if (t == NULL || strncmp(t, "<br", 3) != 0)
		return 0;
	t += 3;
	while (*t == ' ' || *t == '/')
		t++;
	return *t == '>';
}

static void
xline_close(struct xline *l, struct buf *b)
{
	buf_put(b, "", 0);
	l->text = buf_detach(b);
}

/* Walks the inlines once; text and code spans keep their positions. */
void
xlines_of(const struct node *block, struct xlines *out)
{
	const struct node *n;
	struct buf b = {0};
	struct xline *l;

	memset(out, 0, sizeof(*out));
	if (block == NULL)
		return;
	l = xlines_new_line(out, block->line);
	l->line = 0;
	for (n = block->first ? block->first : NULL; n != NULL;
	    n = node_walk_next(block, n)) {
		switch (n->type) {
		case MTG_N_TEXT:
		case MTG_N_CODE:
			xline_put(l, &b, n->text, n->line, n->col);
			break;
		case MTG_N_HTML_INLINE:
			if (!is_br(n))
				break;
			/* FALLTHROUGH */
		case MTG_N_SOFTBREAK:
		case MTG_N_LINEBREAK:
			xline_close(l, &b);
			if (l->line == 0)
				l->line = out->n > 1 ? out->v[out->n - 2].line + 1 :
				    block->line;
			l = xlines_new_line(out, 0);
			break;
		default:
			break;
		}
	}
	xline_close(l, &b);
	if (l->line == 0)
		l->line = out->n > 1 ? out->v[out->n - 2].line + 1 :
		    block->line;
}

void
xlines_free(struct xlines *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		free(ls->v[i].text);
		free(ls->v[i].segs);
	}
	free(ls->v);
	memset(ls, 0, sizeof(*ls));
}

void
xline_pos(const struct xline *l, size_t off, int *line, int *col)
{
	size_t lo = 0, hi = l->nsegs;

	*line = l->line;
	*col = 1;
	if (l->nsegs == 0)
		return;
	/* The last segment starting at or before off. */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (l->segs[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = l->segs[lo].line;
	*col = l->segs[lo].col + (off >= l->segs[lo].off ?
	    (int)(off - l->segs[lo].off) : 0);
}

/* --- strings -------------------------------------------------------- */

char *
x_text(const struct node *n)
{
	return x_squeeze(node_text(n));
}

char *
x_lower(char *s)
{
	char *p;

	for (p = s; *p != '\0'; p++)
		*p = (char)ascii_lower((unsigned char)*p);
	return s;
}

char *
x_squeeze(char *s)
{
	char *r = s, *w;
	int space = 0;

	/* Most texts are squeezed already: pass over what stays as it is
	 * (printable bytes other than 0xc2, and single spaces between
	 * them) before writing anything. */
	while (((unsigned char)*r > ' ' && (unsigned char)*r != 0xc2) ||
	    (*r == ' ' && r > s && (unsigned char)r[1] > ' ' &&
	    (unsigned char)r[1] != 0xc2))
		r++;
	w = r;
	if (r == s)
		while (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r')
			r++;
	for (; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = 1;
			continue;
		}
		/* U+00A0 no-break space counts as a space. */
		if ((unsigned char)r[0] == 0xc2 && (unsigned char)r[1] == 0xa0) {
			r++;
			space = 1;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

int
x_word_at(const char *s, const char *w)
{
	size_t n;

	/* Most calls try a list of words on each line: fail fast. */
	if (*w != '\0' && tolower((unsigned char)*s) !=
	    tolower((unsigned char)*w))
		return 0;
	n = strlen(w);
	return strncasecmp(s, w, n) == 0 && !isalnum((unsigned char)s[n]);
}

char *
x_strip_label(char *s)
{
	size_t n;

	x_squeeze(s);
	for (;;) {
		n = strlen(s);
		while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' ' ||
		    s[n - 1] == '*' || s[n - 1] == '_' || s[n - 1] == '.'))
			s[--n] = '\0';
		if (*s == '*' || *s == '_' || *s == ' ')
			memmove(s, s + 1, n);
		else
			break;
	}
	return s;
}

char *
x_drop_parens(char *s)
{
	char *r = s, *w = s;
	int depth = 0;

	if (strpbrk(s, "([") == NULL)
		return x_squeeze(s);	/* nothing to drop */
	for (; *r != '\0'; r++) {
		if (*r == '(' || *r == '[') {
			depth++;
			continue;
		}
		if ((*r == ')' || *r == ']') && depth > 0) {
			depth--;
			continue;
		}
		if (depth == 0)
			*w++ = *r;
	}
	*w = '\0';
	return x_squeeze(s);
}

const struct node *
x_item_para(const struct node *item)
{
	if (item == NULL || item->first == NULL ||
	    item->first->type != MTG_N_PARAGRAPH)
		return NULL;
	return item->first;
}

int
x_agenda_note(const char *text)
{
	while (*text == '*' || *text == '_' || *text == ' ')
		text++;
	return strncasecmp(text, "agenda item", 11) == 0 &&
	    strlen(text) < 400 && strchr(text, '.') != NULL;
}

/*
 * Classifies a heading or label by its words: "Action items (AIs)",
 * "Voting Member Regrets", "Attendees (pronouns)", "Agenda: …".
 */
enum xkind
x_classify_label(const char *text)
{
	const struct conv_word *last = conv_labels, *best = NULL;
	char *s = x_lower(xstrdup(text)), *p, *slash;
	enum xkind k = XK_NONE;
	size_t i, n, words;

	x_strip_label(x_drop_parens(s));
	/* Leading numbering: "6. Summary of Action Items", "3a) …". */
	p = s;
	while (isdigit((unsigned char)*p))
		p++;
	if (p > s && islower((unsigned char)*p) && (p[1] == '.' || p[1] == ')'))
		p++;
	if (p > s && (*p == '.' || *p == ')') && p[1] == ' ')
		memmove(s, p + 2, strlen(p + 2) + 1);
	/* "Agenda: [discussion in #556]" and "Agenda for …" are agendas. */
	if (strncmp(s, "agenda", 6) == 0 && !isalnum((unsigned char)s[6])) {
		free(s);
		return XK_AGENDA;
	}
	/* "Decisions & Action Items", "Action Items/Help Wanted". */
	if ((slash = strpbrk(s, "/&")) != NULL) {
		if (strncmp(s, "action item", 11) == 0 || strncmp(s, "actions", 7) == 0)
			k = XK_ACTIONS;
		free(s);
		return k;
	}
	for (words = 1, p = s; *p != '\0'; p++)
		if (*p == ' ')
			words++;
	n = strlen(s);
	/* The whole label, or its last words ("Voting Member Regrets",
	 * "Summary of Action Items"); the longest that matches ("Not
	 * present" is no "present"). */
	for (i = 0; last[i].word != NULL && words <= 4; i++) {
		size_t w = last[i].len;

		if (n >= w && s[n - 1] == last[i].word[w - 1] &&
		    memcmp(s + n - w, last[i].word, w) == 0 &&
		    (n == w || s[n - w - 1] == ' ' || s[n - w - 1] == '-') &&
		    (best == NULL || w > best->len))
			best = &last[i];
	}
	if (best != NULL) {
		size_t w = best->len;

		k = (enum xkind)best->kind;
		/* "Note" words and "Previous action items" are not this
		 * meeting's; keep the common cases simple. */
		if (n > w && (k == XK_CHAIRS || k == XK_OTHER_ROLE ||
		    k == XK_AGENDA) && strncmp(s, "co-", 3) != 0 &&
		    strncmp(s, "rotating ", 9) != 0 &&
		    strncmp(s, "meeting ", 8) != 0 &&
		    strncmp(s, "draft ", 6) != 0 &&
		    strncmp(s, "proposed ", 9) != 0 &&
		    strncmp(s, "tsc ", 4) != 0)
			k = XK_NONE;
		if (k == XK_ACTIONS && (strstr(s, "previous") ||
		    strstr(s, "last week") || strstr(s, "review of")))
			k = XK_NONE;
	}
	free(s);
	return k;
}
