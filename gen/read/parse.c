/*
 * parse.c -- notes text to front matter fields and a document tree.
 *
 * The only code that includes cmark-gfm.h or yaml.h.  Markdown is parsed by
 * cmark-gfm with the table, tasklist, autolink and strikethrough extensions,
 * then copied into our own struct node tree so that nothing downstream
 * depends on cmark.  Front matter is read with libyaml's document loader.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <yaml.h>

#include "dates.h"
#include "parse.h"

/* Exported by libcmark-gfm-extensions but declared in no header. */
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static const char replacement[] = "\xef\xbf\xbd";	/* U+FFFD */

/*
 * Copies data into a NUL-terminated buffer in which every invalid UTF-8
 * sequence and every NUL byte is replaced by U+FFFD, reporting each (once
 * per line) with its line and 1-based byte column.  Caller frees.
 */
/*
 * Advances *line and *linestart from offset *pos to offset to, counting the
 * newlines in between.
 */
static void
count_to(const char *data, size_t to, size_t *pos, int *line,
    size_t *linestart)
{
	const char *nl;

	while (*pos < to &&
	    (nl = memchr(data + *pos, '\n', to - *pos)) != NULL) {
		(*line)++;
		*pos = (size_t)(nl - data) + 1;
		*linestart = *pos;
	}
	*pos = to;
}

static char *
repair_utf8(const char *data, size_t len, struct diags *d, size_t *outlen)
{
	struct buf b = {0};
	size_t i = 0, run, bad, counted = 0, linestart = 0;
	const char *nul;
	int line = 1, lastline = 0;
	enum diag_id why;

	buf_put(&b, "", 0);
	while (i < len) {
		run = utf8_invalid_at(data + i, len - i);
		if (run == (size_t)-1)
			run = len - i;
		/* A NUL byte is valid UTF-8 but no text. */
		nul = memchr(data + i, '\0', run);
		if (nul != NULL)
			run = (size_t)(nul - (data + i));
		buf_put(&b, data + i, run);
		i += run;
		if (i >= len)
			break;
		bad = i;
		why = data[bad] == '\0' ? MTG_D_NUL : MTG_D_UTF8;
		count_to(data, bad, &counted, &line, &linestart);
		if (line != lastline)
			diag_add(d, why, line, (int)(bad - linestart + 1), NULL);
		lastline = line;
		buf_puts(&b, replacement);
		i++;
	}
	*outlen = b.len;
	return buf_detach(&b);
}

/* The length of the front matter block including both fences, or 0. */
static size_t
front_matter_end(const char *s, size_t len, size_t *yaml_start,
    size_t *yaml_end)
{
	size_t i, linestart;

	if (len < 4 || strncmp(s, "---", 3) != 0 ||
	    (s[3] != '\n' && strncmp(s + 3, "\r\n", 2) != 0))
		return 0;
	i = s[3] == '\n' ? 4 : 5;
	*yaml_start = i;
	while (i < len) {
		linestart = i;
		while (i < len && s[i] != '\n')
			i++;
		if (i < len)
			i++;
		if ((strncmp(s + linestart, "---", 3) == 0 ||
		    strncmp(s + linestart, "...", 3) == 0) &&
		    (linestart + 3 == i || s[linestart + 3] == '\n' ||
		    s[linestart + 3] == '\r')) {
			*yaml_end = linestart;
			return i;
		}
	}
	return 0;
}

static int
count_lines(const char *s, size_t len)
{
	int n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			n++;
	return n;
}

/* --- front matter ----------------------------------------------------- */

struct fm {
	yaml_document_t	*doc;
	struct meeting	*m;
	struct diags	*d;
	int		 off;	/* file line of the first YAML line, less one */
};

static int
fm_line(const struct fm *f, const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1 + f->off;
}

static int
fm_col(const yaml_node_t *n)
{
	return (int)n->start_mark.column + 1;
}

static const char *
scalar(const yaml_node_t *n)
{
	return n != NULL && n->type == YAML_SCALAR_NODE ?
	    (const char *)n->data.scalar.value : NULL;
}

static void
fm_shape(struct fm *f, const yaml_node_t *n, const char *key, const char *want)
{
	diag_add(f->d, MTG_D_YAML_SHAPE, fm_line(f, n), fm_col(n),
	    "%s should be %s", key, want);
}

static void
fm_string(struct fm *f, const char *key, const yaml_node_t *n, char **dst)
{
	const char *s = scalar(n);

	if (s == NULL) {
		fm_shape(f, n, key, "a string");
		return;
	}
	free(*dst);
	*dst = str_trim(xstrdup(s));
}

/* Adds one name, or a comma-separated string of names, to l. */
static void
add_names(struct strlist *l, const char *s)
{
	char *copy = xstrdup(s), *p = copy, *comma;

	for (;;) {
		comma = strchr(p, ',');
		if (comma != NULL)
			*comma = '\0';
		str_trim(p);
		if (*p != '\0')
			strlist_add_unique(l, p);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	free(copy);
}

static void
fm_names(struct fm *f, const char *key, const yaml_node_t *n,
    struct strlist *l)
{
	yaml_node_item_t *it;
	const char *s;

	if ((s = scalar(n)) != NULL) {
		add_names(l, s);
		return;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		fm_shape(f, n, key, "a list of names");
		return;
	}
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		const yaml_node_t *e = yaml_document_get_node(f->doc, *it);

		if ((s = scalar(e)) != NULL)
			add_names(l, s);
		else
			fm_shape(f, e, key, "a list of names");
	}
}

static void
fm_people(struct fm *f, const yaml_node_t *n)
{
	yaml_node_pair_t *p;

	if (n->type == YAML_SEQUENCE_NODE) {
		/* A plain list of full names: known people without aliases. */
		struct strlist names = {0};
		size_t i;

		fm_names(f, "people", n, &names);
		for (i = 0; i < names.n; i++)
			meeting_add_person(f->m, names.v[i]);
		strlist_free(&names);
		return;
	}
	if (n->type != YAML_MAPPING_NODE) {
		fm_shape(f, n, "people", "a map of names to short forms");
		return;
	}
	for (p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(f->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(f->doc, p->value);
		struct person *who;
		char *name;

		if (scalar(k) == NULL) {
			fm_shape(f, k, "people", "a map of names to short forms");
			continue;
		}
		name = str_trim(xstrdup(scalar(k)));
		who = meeting_add_person(f->m, name);
		free(name);
		if (v->type == YAML_SCALAR_NODE && *scalar(v) == '\0')
			continue;
		fm_names(f, "people", v, &who->aliases);
	}
}

static void
fm_slides(struct fm *f, const yaml_node_t *n)
{
	yaml_node_pair_t *p;

	if (n->type != YAML_MAPPING_NODE) {
		fm_shape(f, n, "slides", "a map");
		return;
	}
	for (p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(f->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(f->doc, p->value);
		const char *s = scalar(v);
		char *end;
		long rows;

		if (scalar(k) == NULL || strcmp(scalar(k), "max_rows") != 0) {
			diag_add(f->d, MTG_D_YAML_KEY, fm_line(f, k),
			    fm_col(k), "slides.%s",
			    scalar(k) ? scalar(k) : "?");
			continue;
		}
		rows = s ? strtol(s, &end, 10) : 0;
		if (s == NULL || *end != '\0' || rows < 1 || rows > 1000)
			fm_shape(f, v, "slides.max_rows",
			    "a number from 1 to 1000");
		else
			f->m->max_rows = (int)rows;
	}
}

static void
fm_date(struct fm *f, const yaml_node_t *n)
{
	struct date dt;
	char iso[16];
	const char *s = scalar(n);

	if (s == NULL || date_parse(s, &dt) == -1) {
		diag_add(f->d, MTG_D_BAD_DATE, fm_line(f, n), fm_col(n),
		    "%s", s ? s : "not a string");
		return;
	}
	date_format(&dt, iso);
	free(f->m->date);
	f->m->date = xstrdup(iso);
}

/* Keys recognised in front matter, and keys real notes carry that we
 * knowingly ignore (no diagnostic). */
static const char *const ignored_keys[] = {
	"tags", "type", "note_id", "layout", "description", "author",
	"authors", "permalink", "categories", "minutes",
	"agenda", "url", "lang", NULL
};

static void
fm_key(struct fm *f, const char *key, const yaml_node_t *k,
    const yaml_node_t *v)
{
	struct meeting *m = f->m;
	size_t i;

	if (strcmp(key, "title") == 0)
		fm_string(f, key, v, &m->title);
	else if (strcmp(key, "group") == 0)
		fm_string(f, key, v, &m->group);
	else if (strcmp(key, "date") == 0)
		fm_date(f, v);
	else if (strcmp(key, "time") == 0)
		fm_string(f, key, v, &m->time);
	else if (strcmp(key, "location") == 0)
		fm_string(f, key, v, &m->location);
	else if (strcmp(key, "chairs") == 0 || strcmp(key, "chair") == 0)
		fm_names(f, key, v, &m->chairs);
	else if (strcmp(key, "attendees") == 0 || strcmp(key, "present") == 0)
		fm_names(f, key, v, &m->attendees);
	else if (strcmp(key, "apologies") == 0 || strcmp(key, "regrets") == 0)
		fm_names(f, key, v, &m->apologies);
	else if (strcmp(key, "absent") == 0)
		fm_names(f, key, v, &m->absent);
	else if (strcmp(key, "staff") == 0)
		fm_names(f, key, v, &m->staff);
	else if (strcmp(key, "observers") == 0)
		fm_names(f, key, v, &m->observers);
	else if (strcmp(key, "scribe") == 0 || strcmp(key, "scribes") == 0 ||
	    strcmp(key, "secretary") == 0 || strcmp(key, "notetaker") == 0)
		fm_names(f, key, v, &m->scribes);
	else if (strcmp(key, "people") == 0)
		fm_people(f, v);
	else if (strcmp(key, "slides") == 0)
		fm_slides(f, v);
	else {
		for (i = 0; ignored_keys[i] != NULL; i++)
			if (strcmp(key, ignored_keys[i]) == 0)
				return;
		diag_add(f->d, MTG_D_YAML_KEY, fm_line(f, k), fm_col(k),
		    "%s", key);
	}
}

/*
 * Loads the YAML in s[0..len), whose first line is file line off + 1, and
 * sets the meeting's metadata.  A syntax error is reported at its position.
 */
static void
parse_front_matter(struct meeting *m, const char *s, size_t len, int off,
    struct diags *d)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	yaml_node_pair_t *p;
	struct fm f = { &doc, m, d, off };

	if (!yaml_parser_initialize(&parser)) {
		diag_add(d, MTG_D_YAML, off + 1, 1, "cannot start parser");
		return;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, len);
	if (!yaml_parser_load(&parser, &doc)) {
		diag_add(d, MTG_D_YAML, (int)parser.problem_mark.line + 1 + off,
		    (int)parser.problem_mark.column + 1, "%s%s%s",
		    parser.problem ? parser.problem : "syntax error",
		    parser.context ? " " : "",
		    parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return;
	}
	root = yaml_document_get_root_node(&doc);
	if (root != NULL && root->type == YAML_MAPPING_NODE) {
		for (p = root->data.mapping.pairs.start;
		    p < root->data.mapping.pairs.top; p++) {
			const yaml_node_t *k = yaml_document_get_node(&doc,
			    p->key);
			const yaml_node_t *v = yaml_document_get_node(&doc,
			    p->value);

			if (scalar(k) == NULL)
				fm_shape(&f, k, "a key", "a string");
			else
				fm_key(&f, scalar(k), k, v);
		}
	} else if (root != NULL && !(root->type == YAML_SCALAR_NODE &&
	    root->data.scalar.length == 0))
		diag_add(d, MTG_D_YAML_SHAPE, off + 1, 1,
		    "front matter should be a map of keys to values");
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
}

/* Moves *src into *dst when src was set, freeing the old *dst. */
static void
take_string(char **dst, char **src)
{
	if (*src == NULL)
		return;
	free(*dst);
	*dst = *src;
	*src = NULL;
}

/* Swaps the lists when src was set: dst then holds src's names only. */
static void
take_names(struct strlist *dst, struct strlist *src)
{
	struct strlist t;

	if (src->n == 0)
		return;
	t = *dst;
	*dst = *src;
	*src = t;
}

int
parse_meta(struct meeting *m, const char *key, const char *value, int line,
    struct diags *d)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *v;
	struct meeting *s = meeting_new("");
	struct fm f = { &doc, s, d, line - 1 };
	size_t i, first = d != NULL ? d->n : 0;
	int rc = -1;

	if (!yaml_parser_initialize(&parser))
		goto out;
	yaml_parser_set_input_string(&parser, (const unsigned char *)value,
	    strlen(value));
	if (!yaml_parser_load(&parser, &doc)) {
		diag_add(d, MTG_D_YAML, line,
		    (int)parser.problem_mark.column + 1, "%s",
		    parser.problem ? parser.problem : "syntax error");
		yaml_parser_delete(&parser);
		goto out;
	}
	if ((v = yaml_document_get_root_node(&doc)) == NULL) {
		/* An empty value is the empty string. */
		yaml_document_delete(&doc);
		yaml_document_initialize(&doc, NULL, NULL, NULL, 1, 1);
		yaml_document_add_scalar(&doc, NULL, (yaml_char_t *)"", 0,
		    YAML_PLAIN_SCALAR_STYLE);
		v = yaml_document_get_root_node(&doc);
	}
	fm_key(&f, key, v, v);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	rc = 0;
	if (d != NULL)
		for (i = first; i < d->n; i++)
			if (diag_level(d->v[i].id) == MTG_ERROR)
				rc = -1;
	take_string(&m->title, &s->title);
	take_string(&m->group, &s->group);
	take_string(&m->date, &s->date);
	take_string(&m->time, &s->time);
	take_string(&m->location, &s->location);
	take_names(&m->chairs, &s->chairs);
	take_names(&m->attendees, &s->attendees);
	take_names(&m->apologies, &s->apologies);
	take_names(&m->absent, &s->absent);
	take_names(&m->staff, &s->staff);
	take_names(&m->observers, &s->observers);
	take_names(&m->scribes, &s->scribes);
	for (i = 0; i < s->npeople; i++) {
		struct person *p = meeting_add_person(m, s->people[i].name);
		size_t j;

		for (j = 0; j < s->people[i].aliases.n; j++)
			strlist_add_unique(&p->aliases,
			    s->people[i].aliases.v[j]);
	}
	if (s->max_rows != 0)
		m->max_rows = s->max_rows;
out:
	meeting_free(s);
	return rc;
}

/* --- Markdown body ---------------------------------------------------- */

static enum node_type
node_type_of(cmark_node *c)
{
	cmark_node_type t = cmark_node_get_type(c);

	if (t == CMARK_NODE_TABLE)
		return MTG_N_TABLE;
	if (t == CMARK_NODE_TABLE_ROW)
		return MTG_N_TABLE_ROW;
	if (t == CMARK_NODE_TABLE_CELL)
		return MTG_N_TABLE_CELL;
	if (t == CMARK_NODE_STRIKETHROUGH)
		return MTG_N_STRIKE;
	switch (t) {
	case CMARK_NODE_DOCUMENT:	return MTG_N_DOCUMENT;
	case CMARK_NODE_BLOCK_QUOTE:	return MTG_N_BLOCKQUOTE;
	case CMARK_NODE_LIST:		return MTG_N_LIST;
	case CMARK_NODE_ITEM:		return MTG_N_ITEM;
	case CMARK_NODE_CODE_BLOCK:	return MTG_N_CODE_BLOCK;
	case CMARK_NODE_HTML_BLOCK:	return MTG_N_HTML_BLOCK;
	case CMARK_NODE_HEADING:	return MTG_N_HEADING;
	case CMARK_NODE_THEMATIC_BREAK:	return MTG_N_THEMATIC_BREAK;
	case CMARK_NODE_TEXT:		return MTG_N_TEXT;
	case CMARK_NODE_SOFTBREAK:	return MTG_N_SOFTBREAK;
	case CMARK_NODE_LINEBREAK:	return MTG_N_LINEBREAK;
	case CMARK_NODE_CODE:		return MTG_N_CODE;
	case CMARK_NODE_HTML_INLINE:	return MTG_N_HTML_INLINE;
	case CMARK_NODE_EMPH:		return MTG_N_EMPH;
	case CMARK_NODE_STRONG:		return MTG_N_STRONG;
	case CMARK_NODE_LINK:		return MTG_N_LINK;
	case CMARK_NODE_IMAGE:		return MTG_N_IMAGE;
	default:			return MTG_N_PARAGRAPH;
	}
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Fills the type-specific fields of n from c. */
static void
node_fill(struct node *n, cmark_node *c)
{
	uint8_t *aligns;
	cmark_node *row, *table, *k;
	int idx;

	switch (n->type) {
	case MTG_N_TEXT:
	case MTG_N_CODE:
	case MTG_N_HTML_INLINE:
	case MTG_N_HTML_BLOCK:
		n->text = xstrdup(cmark_node_get_literal(c) ?
		    cmark_node_get_literal(c) : "");
		break;
	case MTG_N_CODE_BLOCK:
		n->text = xstrdup(cmark_node_get_literal(c) ?
		    cmark_node_get_literal(c) : "");
		n->info = dup_or_null(cmark_node_get_fence_info(c));
		break;
	case MTG_N_HEADING:
		n->level = cmark_node_get_heading_level(c);
		break;
	case MTG_N_LIST:
		n->ordered = cmark_node_get_list_type(c) == CMARK_ORDERED_LIST;
		n->start = cmark_node_get_list_start(c);
		n->tight = cmark_node_get_list_tight(c);
		break;
	case MTG_N_ITEM:
		if (strcmp(cmark_node_get_type_string(c), "tasklist") == 0)
			n->task = cmark_gfm_extensions_get_tasklist_item_checked(c)
			    ? MTG_TASK_DONE : MTG_TASK_OPEN;
		break;
	case MTG_N_LINK:
	case MTG_N_IMAGE:
		n->url = xstrdup(cmark_node_get_url(c) ?
		    cmark_node_get_url(c) : "");
		n->title = dup_or_null(cmark_node_get_title(c));
		break;
	case MTG_N_TABLE_ROW:
		n->header = cmark_gfm_extensions_get_table_row_is_header(c);
		break;
	case MTG_N_TABLE_CELL:
		row = cmark_node_parent(c);
		table = row ? cmark_node_parent(row) : NULL;
		if (table == NULL)
			break;
		idx = 0;
		for (k = cmark_node_previous(c); k; k = cmark_node_previous(k))
			idx++;
		aligns = cmark_gfm_extensions_get_table_alignments(table);
		if (aligns != NULL &&
		    idx < cmark_gfm_extensions_get_table_columns(table)) {
			switch (aligns[idx]) {
			case 'l': n->align = MTG_ALIGN_LEFT; break;
			case 'c': n->align = MTG_ALIGN_CENTER; break;
			case 'r': n->align = MTG_ALIGN_RIGHT; break;
			default: break;
			}
		}
		break;
	default:
		break;
	}
}

/* Container types flattened beyond MTG_MAX_DEPTH. */
static int
flattenable(enum node_type t)
{
	return t == MTG_N_LIST || t == MTG_N_ITEM || t == MTG_N_BLOCKQUOTE ||
	    t == MTG_N_EMPH || t == MTG_N_STRONG || t == MTG_N_STRIKE;
}

/*
 * Copies the cmark tree into our own, adding off to every line number.
 * Lists, items, quotes and emphasis nested deeper than MTG_MAX_DEPTH are
 * dropped, their content kept in the deepest container, so that every
 * renderer may recurse safely.  An item is dropped with its list, never
 * alone, so a list holds only items.
 */
static struct node *
convert(cmark_node *root, int off, struct diags *d)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	struct node *top = NULL, *cur = NULL, *n;
	unsigned char *skipped = NULL;	/* per cmark depth: was it dropped */
	size_t depth = 0, cap = 0, kept = 0;
	int warned = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		enum node_type t = node_type_of(c);
		int leaf = cmark_node_first_child(c) == NULL &&
		    (t == MTG_N_TEXT || t == MTG_N_CODE || t == MTG_N_SOFTBREAK ||
		    t == MTG_N_LINEBREAK || t == MTG_N_HTML_INLINE ||
		    t == MTG_N_HTML_BLOCK || t == MTG_N_CODE_BLOCK ||
		    t == MTG_N_THEMATIC_BREAK);

		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			if (!skipped[depth]) {
				kept--;
				cur = cur->parent;
			}
			continue;
		}
		n = node_new(t, cmark_node_get_start_line(c) + off,
		    cmark_node_get_start_column(c));
		node_fill(n, c);
		if (top == NULL) {
			top = cur = n;
			if (!leaf) {
				skipped = xgrow(skipped, &cap, depth + 1, 1);
				skipped[depth++] = 0;
				kept++;
			}
			continue;
		}
		if (leaf) {
			node_append(cur, n);
			continue;
		}
		skipped = xgrow(skipped, &cap, depth + 1, 1);
		if (flattenable(t) && (kept >= MTG_MAX_DEPTH ||
		    (t == MTG_N_ITEM && depth > 0 && skipped[depth - 1]))) {
			if (!warned)
				diag_add(d, MTG_D_TOO_DEEP, n->line, n->col,
				    NULL);
			warned = 1;
			node_free(n);
			skipped[depth++] = 1;
			continue;
		}
		node_append(cur, n);
		cur = n;
		skipped[depth++] = 0;
		kept++;
	}
	cmark_iter_free(it);
	free(skipped);
	return top;
}

static struct node *
parse_markdown(const char *s, size_t len, int off, struct diags *d)
{
	static const char *const exts[] = {
		"table", "tasklist", "autolink", "strikethrough", NULL
	};
	cmark_parser *p;
	cmark_node *root;
	struct node *top;
	size_t i;

	/* Our allocator: out of memory says which file and removes the
	 * temporaries, where cmark's own would abort. */
	static cmark_mem mem = { xcalloc, xrealloc, free };

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &mem);
	for (i = 0; exts[i] != NULL; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);

		if (e != NULL)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, s, len);
	root = cmark_parser_finish(p);
	top = convert(root, off, d);
	cmark_node_free(root);
	cmark_parser_free(p);
	return top;
}

int
parse_notes(struct meeting *m, const char *data, size_t len,
    struct diags *d)
{
	char *text;
	size_t tlen, ys = 0, ye = 0, body;
	int off = 0, rc = -1;

	text = repair_utf8(data, len, d, &tlen);
	/* A UTF-8 byte order mark is not part of the notes. */
	if (tlen >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		memmove(text, text + 3, tlen - 2);
		tlen -= 3;
	}
	body = front_matter_end(text, tlen, &ys, &ye);
	if (body > 0) {
		parse_front_matter(m, text + ys, ye - ys, 1, d);
		off = count_lines(text, body);
	}
	m->body = parse_markdown(text + body, tlen - body, off, d);
	if (strspn(text, " \t\r\n") == tlen)
		diag_add(d, MTG_D_EMPTY, 1, 1, NULL);
	else
		rc = 0;
	free(text);
	return rc;
}
