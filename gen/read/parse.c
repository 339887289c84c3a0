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

#include "conventions.h"
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

/* --- bidirectional controls -------------------------------------------- */

/*
 * The kind of the bidi control at s[0..3), if any: 1 an embedding or
 * override (LRE RLE LRO RLO), 2 an isolate (LRI RLI FSI), -1 PDF (ends an
 * embedding), -2 PDI (ends an isolate), 0 none.
 */
static int
bidi_kind(const unsigned char *s, size_t left)
{
	if (left < 3 || s[0] != 0xe2)
		return 0;
	if (s[1] == 0x80 && s[2] >= 0xaa && s[2] <= 0xae)
		return s[2] == 0xac ? -1 : 1;
	if (s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)
		return s[2] == 0xa9 ? -2 : 2;
	return 0;
}

/*
 * Removes, in place, every bidi control of s[0..*len) that is not paired
 * within its line: an embedding or override without its PDF, an isolate
 * without its PDI, and closers without an opener.  One left open would
 * reverse the rest of a line (an attendee list) wherever it is shown.
 * Reports each line where one was removed.
 */
static void
strip_bidi(char *text, size_t *len, struct diags *d)
{
	unsigned char *s = (unsigned char *)text;
	size_t i = 0, w = 0, n = *len, line_start = 0, *stack = NULL;
	size_t depth = 0, cap = 0, k, j;
	unsigned char *drop = NULL;
	int line = 1, kind;

	if (memchr(text, 0xe2, n) == NULL)
		return;
	drop = xcalloc(n + 1, 1);
	while (i <= n) {
		if (i == n || s[i] == '\n') {
			/* Openers still open at the end of the line. */
			for (k = 0; k < depth; k++)
				drop[stack[k]] = 1;
			depth = 0;
			if (i == n)
				break;
			line++;
			line_start = ++i;
			continue;
		}
		kind = bidi_kind(s + i, n - i);
		if (kind > 0) {
			stack = xgrow(stack, &cap, depth + 1, sizeof(*stack));
			stack[depth++] = i;
		} else if (kind == -1) {
			if (depth > 0 && bidi_kind(s + stack[depth - 1], 3) == 1)
				depth--;
			else
				drop[i] = 1;
		} else if (kind == -2) {
			for (k = depth; k > 0; k--)
				if (bidi_kind(s + stack[k - 1], 3) == 2)
					break;
			if (k == 0)
				drop[i] = 1;
			else {
				/* Embeddings left open inside the isolate. */
				for (j = k; j < depth; j++)
					drop[stack[j]] = 1;
				depth = k - 1;
			}
		}
		i += kind != 0 ? 3 : 1;
	}
	/* Compact, reporting the first removal of each line. */
	line = 1;
	line_start = 0;
	{
		int said = 0;

		for (i = 0; i < n;) {
			if (drop[i]) {
				if (!said)
					diag_add(d, MTG_D_BIDI, line,
					    (int)(i - line_start + 1), NULL);
				said = 1;
				i += 3;
				continue;
			}
			if (s[i] == '\n') {
				line++;
				line_start = i + 1;
				said = 0;
			}
			s[w++] = s[i++];
		}
	}
	s[w] = '\0';
	*len = w;
	free(drop);
	free(stack);
}

/* --- wide tables ---------------------------------------------------------- */

/* A table may hold this many padded cells per byte of its text. */
#define TABLE_CELLS_PER_BYTE	8
#define TABLE_CELLS_FREE	65536

/*
 * The number of columns of a table delimiter row s[0..len) such as
 * "|---|:--:|", or 0 when it is not one.
 */
static size_t
delimiter_cols(const char *s, size_t len)
{
	size_t i = 0, cols = 0;
	int pipes = 0, dashes;

	while (len > 0 && (s[len - 1] == '\r' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t'))
		len--;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && s[i] == '|') {
		i++;
		pipes++;
	}
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= len)
			break;
		if (s[i] == ':')
			i++;
		for (dashes = 0; i < len && s[i] == '-'; i++)
			dashes++;
		if (dashes == 0)
			return 0;
		if (i < len && s[i] == ':')
			i++;
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		cols++;
		if (i >= len)
			break;
		if (s[i] != '|')
			return 0;
		i++;
		pipes++;
	}
	return pipes > 0 ? cols : 0;
}

static int
blank_line(const char *s, size_t len)
{
	return strspn(s, " \t\r") >= len;
}

/*
 * cmark-gfm pads every row of a table to the width of its header: 20,000
 * columns and 1,000 one-cell rows (84 KB) make 20 million cells.  Before
 * cmark sees the text, each delimiter row whose table would hold more
 * padded cells than TABLE_CELLS_PER_BYTE per byte of the table's text
 * gets a backslash before its first '-', so the table stays text (the
 * escaped '-' shows as itself).  Returns the new text (caller frees),
 * or NULL when no table needed it.  One pass: the end of the current
 * block is found once, not once per row.
 */
static char *
tame_wide_tables(const char *s, size_t len, int off, struct diags *d,
    size_t *outlen)
{
	struct buf b = {0};
	size_t i = 0, e, prev = 0, copied = 0, block_end = 0, rows, cols;
	size_t block_end_line = 0, j, k, dash;
	int line = 1;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);

		e = nl != NULL ? (size_t)(nl - s) : len;
		if (memchr(s + i, '|', e - i) != NULL &&
		    memchr(s + i, '-', e - i) != NULL &&
		    (cols = delimiter_cols(s + i, e - i)) > 1) {
			/* Rows: the lines up to the next blank one. */
			if (block_end <= i) {
				block_end_line = (size_t)line;
				for (j = e; j < len;) {
					const char *n2 = memchr(s + j + 1,
					    '\n', j + 1 < len ? len - j - 1 : 0);

					k = n2 != NULL ? (size_t)(n2 - s) : len;
					block_end_line++;
					if (j + 1 >= len || blank_line(s + j + 1,
					    k - j - 1))
						break;
					j = k;
				}
				block_end = j;
			}
			rows = block_end_line - (size_t)line + 1;
			if (cols > (TABLE_CELLS_FREE + TABLE_CELLS_PER_BYTE *
			    (block_end - prev)) / rows) {
				dash = i + (size_t)((const char *)memchr(s + i,
				    '-', e - i) - (s + i));
				buf_put(&b, s + copied, dash - copied);
				buf_putc(&b, '\\');
				copied = dash;
				diag_add(d, MTG_D_TABLE_WIDE, line + off, 1,
				    "%zu columns", cols);
			}
		}
		prev = i;
		i = e + 1;
		line++;
	}
	if (b.data == NULL)
		return NULL;
	buf_put(&b, s + copied, len - copied);
	*outlen = b.len;
	return buf_detach(&b);
}

/* --- front matter ----------------------------------------------------- */

/* Bounds on the front matter: libyaml's cost grows with the square of
 * the nesting of flow collections, and its loader recurses. */
#define FM_MAX_DEPTH	64
#define FM_MAX_SIZE	(1024 * 1024)

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

/* "host: John Mertic", "facilitators: [Ana, Ben]": chairs with the role
 * of the key (the body's "Host:" line does the same). */
static int
fm_chair_role(struct fm *f, const char *key, const yaml_node_t *n)
{
	struct meeting *m = f->m;
	struct strlist names = {0};
	const char *role = NULL;
	size_t i;

	for (i = 0; conv_chair_roles[i].word != NULL && role == NULL; i++)
		if (strcmp(key, conv_chair_roles[i].word) == 0)
			role = conv_chair_role_names[conv_chair_roles[i].kind];
	if (role == NULL)
		return 0;
	fm_names(f, key, n, &names);
	for (i = 0; i < names.n; i++) {
		strlist_add_unique(&m->chairs, names.v[i]);
		if (strlist_pair(&m->roles, names.v[i]) == NULL) {
			strlist_add(&m->roles, names.v[i]);
			strlist_add(&m->roles, role);
		}
	}
	strlist_free(&names);
	return 1;
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
	else if (fm_chair_role(f, key, v))
		;
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
 * Whether the YAML in s[0..len) nests collections deeper than
 * FM_MAX_DEPTH; then says so.  libyaml's event parser keeps no more than
 * that depth, so this costs linear time; a syntax error is left for the
 * loader to report.
 */
static int
fm_too_deep(const char *s, size_t len, int off, struct diags *d)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0, deep = 0, done = 0;

	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, len);
	while (!done && !deep && yaml_parser_parse(&parser, &ev)) {
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > FM_MAX_DEPTH) {
				deep = 1;
				diag_add(d, MTG_D_YAML_LIMIT,
				    (int)ev.start_mark.line + 1 + off,
				    (int)ev.start_mark.column + 1,
				    "nested more than %d deep", FM_MAX_DEPTH);
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return deep;
}

/*
 * A "\0" escape in a YAML string gives a NUL inside the value, which
 * would cut it short everywhere downstream: each NUL becomes U+FFFD, and
 * is reported like a NUL byte in the notes.
 */
static void
fm_repair_nul(struct fm *f)
{
	yaml_node_t *n;
	struct buf b = {0};
	size_t i;

	for (n = f->doc->nodes.start; n < f->doc->nodes.top; n++) {
		if (n->type != YAML_SCALAR_NODE ||
		    memchr(n->data.scalar.value, '\0',
		    n->data.scalar.length) == NULL)
			continue;
		b.len = 0;
		for (i = 0; i < n->data.scalar.length; i++)
			if (n->data.scalar.value[i] == '\0')
				buf_puts(&b, replacement);
			else
				buf_putc(&b, n->data.scalar.value[i]);
		diag_add(f->d, MTG_D_NUL, fm_line(f, n), fm_col(n),
		    "a \\0 escape in the front matter");
		/* libyaml frees values with free(). */
		free(n->data.scalar.value);
		n->data.scalar.value = (yaml_char_t *)xstrndup(b.data,
		    b.len);
		n->data.scalar.length = b.len;
	}
	buf_free(&b);
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

	if (len > FM_MAX_SIZE) {
		diag_add(d, MTG_D_YAML_LIMIT, off + 1, 1, "more than %d KiB",
		    FM_MAX_SIZE / 1024);
		return;
	}
	if (fm_too_deep(s, len, off, d))
		return;
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
	fm_repair_nul(&f);
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

/* A copy of s in a, or NULL. */
static char *
dup_or_null(struct arena *a, const char *s)
{
	return s != NULL ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* A copy of s in a; "" for NULL. */
static char *
dup_or_empty(struct arena *a, const char *s)
{
	return dup_or_null(a, s != NULL ? s : "");
}

/* Fills the type-specific fields of n from c, their strings in a. */
static void
node_fill(struct node *n, cmark_node *c, size_t idx, struct arena *a)
{
	uint8_t *aligns;
	cmark_node *row, *table;
	const char *u;

	switch (n->type) {
	case MTG_N_TEXT:
	case MTG_N_CODE:
	case MTG_N_HTML_INLINE:
	case MTG_N_HTML_BLOCK:
		n->text = dup_or_empty(a, cmark_node_get_literal(c));
		break;
	case MTG_N_CODE_BLOCK:
		u = cmark_node_get_literal(c);
		node_set_pair(n, a, u != NULL ? u : "",
		    cmark_node_get_fence_info(c));
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
		u = cmark_node_get_url(c);
		node_set_pair(n, a, u != NULL ? u : "",
		    cmark_node_get_title(c));
		break;
	case MTG_N_TABLE_ROW:
		n->header = cmark_gfm_extensions_get_table_row_is_header(c);
		break;
	case MTG_N_TABLE_CELL:
		row = cmark_node_parent(c);
		table = row ? cmark_node_parent(row) : NULL;
		if (table == NULL)
			break;
		aligns = cmark_gfm_extensions_get_table_alignments(table);
		if (aligns != NULL &&
		    idx < (size_t)cmark_gfm_extensions_get_table_columns(table)) {
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
/* What the copy of one piece of the notes passes on to the next. */
struct conv {
	size_t		 link_budget;	/* link destination bytes allowed */
	size_t		 links;		/* link destination bytes seen */
	int		 warned;	/* nesting too deep was reported */
	int		 over;		/* the link budget was exceeded */
	struct diags	*d;
	struct arena	*arena;		/* holds the nodes and their text */
	const char	*src;		/* the piece's text */
	size_t		 srclen;
	size_t		 at;		/* offset of line src_line in src */
	int		 src_line;	/* 1-based, in the piece */
};

/*
 * The number an ordered item writes at line, column col of the piece
 * ("3." is 3), which cmark keeps for the list only.  Items come in
 * order, so the line cursor only moves on: linear in the piece.
 */
static int
item_number(struct conv *cv, int line, int col)
{
	size_t i;
	int v = 0;

	while (cv->src_line < line && cv->at < cv->srclen) {
		const char *nl = memchr(cv->src + cv->at, '\n',
		    cv->srclen - cv->at);

		if (nl == NULL)
			return 0;
		cv->at = (size_t)(nl - cv->src) + 1;
		cv->src_line++;
	}
	for (i = cv->at + (size_t)(col > 0 ? col - 1 : 0);
	    i < cv->srclen && cv->src[i] >= '0' && cv->src[i] <= '9' &&
	    v < 100000000; i++)
		v = v * 10 + (cv->src[i] - '0');
	return v;
}

static struct node *
convert(cmark_node *root, int off, struct conv *cv)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	struct node *top = NULL, *cur = NULL, *n;
	unsigned char *skipped = NULL;	/* per cmark depth: was it dropped */
	size_t depth = 0, cap = 0, kept = 0, cell = 0;
	const char *u;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node *prev;
		enum node_type t = node_type_of(c);
		int leaf = cmark_node_first_child(c) == NULL &&
		    (t == MTG_N_TEXT || t == MTG_N_CODE || t == MTG_N_SOFTBREAK ||
		    t == MTG_N_LINEBREAK || t == MTG_N_HTML_INLINE ||
		    t == MTG_N_HTML_BLOCK || t == MTG_N_CODE_BLOCK ||
		    t == MTG_N_THEMATIC_BREAK);

		/*
		 * Each node, once copied with all it holds, goes back to the
		 * allocator when the iterator enters its next sibling (it is
		 * past it), so the cmark tree and ours are never both whole
		 * in memory: ours reuses its space.  An item of a long list
		 * goes as soon as the next one is entered.
		 */
		if (ev == CMARK_EVENT_ENTER && depth > 0 &&
		    (prev = cmark_node_previous(c)) != NULL)
			cmark_node_free(prev);
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			if (!skipped[depth]) {
				kept--;
				cur = cur->parent;
			}
			continue;
		}
		if (t == MTG_N_LINK || t == MTG_N_IMAGE) {
			/* A reference link repeats its destination at each
			 * use: 10 KB used 10,000 times is 100 MB. */
			cv->links += strlen((u = cmark_node_get_url(c)) ?
			    u : "");
			cv->links += strlen((u = cmark_node_get_title(c)) ?
			    u : "");
			if (cv->links > cv->link_budget) {
				cv->over = 1;
				diag_add(cv->d, MTG_D_AMPLIFY,
				    cmark_node_get_start_line(c) + off,
				    cmark_node_get_start_column(c),
				    "link destinations exceed %zu KiB",
				    cv->link_budget / 1024);
				break;
			}
		}
		if (t == MTG_N_TABLE_ROW)
			cell = 0;
		n = arena_node(cv->arena, t, cmark_node_get_start_line(c) + off,
		    cmark_node_get_start_column(c));
		node_fill(n, c, cell, cv->arena);
		if (t == MTG_N_ITEM && cmark_node_get_list_type(
		    cmark_node_parent(c)) == CMARK_ORDERED_LIST)
			n->number = item_number(cv,
			    cmark_node_get_start_line(c),
			    cmark_node_get_start_column(c));
		if (t == MTG_N_TABLE_CELL)
			cell++;
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
			if (!cv->warned)
				diag_add(cv->d, MTG_D_TOO_DEEP, n->line,
				    n->col, NULL);
			cv->warned = 1;
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

/* Link destinations and titles may total this many bytes per byte of
 * notes, and this many more. */
#define LINK_BYTES_PER_BYTE	8
#define LINK_BYTES_FREE		(1024 * 1024)

/*
 * The notes are parsed in pieces of about this many bytes: cmark-gfm's
 * tree of a piece is copied and freed before the next piece is parsed,
 * so its tree (about 75 bytes per byte of a table) is never whole.
 */
#ifndef PIECE_BYTES		/* -DPIECE_BYTES=1 cuts wherever it may */
#define PIECE_BYTES		(64 * 1024)
#endif

/*
 * Whether the notes s[0..len) may be parsed in pieces at all: a link
 * reference definition ("[label]: url") serves the whole document, and
 * a lone CR ends a line for cmark but not for the line count of a piece.
 */
static int
piece_splittable(const char *s, size_t len)
{
	const char *cr = s;

	if (len <= PIECE_BYTES || memmem(s, len, "]:", 2) != NULL)
		return 0;
	while ((cr = memchr(cr, '\r', len - (size_t)(cr - s))) != NULL) {
		if ((size_t)(cr - s) + 1 >= len || cr[1] != '\n')
			return 0;
		cr++;
	}
	return 1;
}

/*
 * Whether the line at s may start a piece, the line before it being
 * blank: no block can go on into it but a fenced code block or an HTML
 * block left open (see piece_closed()).  Indented lines may go on with a
 * list item or indented code, and list markers with a list; a setext
 * underline and a table row have nothing to follow after a blank line.
 */
static int
piece_may_start(char c)
{
	return c != ' ' && c != '\t' && c != '\r' && c != '\n' &&
	    c != '-' && c != '+' && c != '*' && c != '=' &&
	    !(c >= '0' && c <= '9');
}

/*
 * The marker of a list item starting the line at s (of len bytes to the
 * end of the notes) in column 1: '-', '+' or '*' for a bullet, '.' or
 * ')' for an ordered item, 0 when the line starts none (a thematic break
 * such as "- - -" is no item).
 */
static char
item_marker(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	char c = s[0];

	if (c == '-' || c == '+' || c == '*') {
		if (len < 2 || (s[1] != ' ' && s[1] != '\t'))
			return 0;
		/* Three or more of c and nothing else: a break. */
		for (i = 0; i < len && s[i] != '\n'; i++)
			if (s[i] == c)
				n++;
			else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
				return c;
		return n >= 3 ? 0 : c;
	}
	while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 || i + 1 >= len || (s[i] != '.' && s[i] != ')') ||
	    (s[i + 1] != ' ' && s[i + 1] != '\t'))
		return 0;
	return s[i];
}

/* How a piece ends: where the next begins. */
struct cut {
	size_t	 at;		/* offset of the next piece, or len */
	char	 marker;	/* the next piece starts with an item of the
				 * list this one ends with (item_marker()),
				 * or 0: after a blank line */
	int	 blank;		/* a blank line comes before that item */
};

/*
 * The first line at or after from that may start a piece: after a blank
 * line, one no open block can take (piece_may_start()); or a list item
 * in column 1, which continues the list the piece ends with (one list
 * as long as the notes is cut between its items).  c->at is len when
 * there is none.
 */
static void
piece_cut(const char *s, size_t len, size_t from, struct cut *c)
{
	const char *nl;
	size_t i, prev;
	int blank;

	c->at = len;
	c->marker = 0;
	c->blank = 0;
	if (from >= len)
		return;
	/* The start of the line holding from - 1. */
	prev = from;
	while (prev > 0 && s[prev - 1] != '\n')
		prev--;
	for (;;) {
		nl = memchr(s + prev, '\n', len - prev);
		if (nl == NULL)
			return;
		i = (size_t)(nl - s) + 1;
		blank = blank_line(s + prev, i - 1 - prev);
		if (i >= len)
			return;
		if (i >= from && blank && piece_may_start(s[i])) {
			c->at = i;
			return;
		}
		if (i >= from && (c->marker = item_marker(s + i,
		    len - i)) != 0) {
			c->at = i;
			c->blank = blank;
			return;
		}
		prev = i;
	}
}

/*
 * Whether the piece s[0..len) whose cmark tree is root, of lines lines,
 * ended where cut c says the next piece may begin.  A fenced code block
 * or an HTML block (the kinds a blank line does not end) that runs to
 * the last line of the piece was still open, and would have taken the
 * lines after it.  An item that starts the next piece must continue the
 * piece's last block: a list of the same marker.
 */
static int
piece_closed(cmark_node *root, int lines, const char *s, size_t len,
    const struct cut *c)
{
	cmark_node *last = cmark_node_last_child(root), *item;
	cmark_node_type t;
	size_t i;
	int line;

	if (c->marker != 0) {
		if (last == NULL || cmark_node_get_type(last) !=
		    CMARK_NODE_LIST)
			return 0;
		if (c->marker == '.' || c->marker == ')')
			return cmark_node_get_list_type(last) ==
			    CMARK_ORDERED_LIST &&
			    cmark_node_get_list_delim(last) ==
			    (c->marker == '.' ? CMARK_PERIOD_DELIM :
			    CMARK_PAREN_DELIM);
		if (cmark_node_get_list_type(last) != CMARK_BULLET_LIST ||
		    (item = cmark_node_last_child(last)) == NULL)
			return 0;
		/* The bullet of the last item, in the text. */
		for (i = 0, line = 1; i < len &&
		    line < cmark_node_get_start_line(item); i++)
			if (s[i] == '\n')
				line++;
		i += (size_t)cmark_node_get_start_column(item) - 1;
		return i < len && s[i] == c->marker;
	}
	if (last == NULL)
		return 1;
	t = cmark_node_get_type(last);
	if (t != CMARK_NODE_CODE_BLOCK && t != CMARK_NODE_HTML_BLOCK)
		return 1;
	return cmark_node_get_end_line(last) < lines;
}

/* cmark-gfm's tree of s[0..len) with our four extensions. */
static cmark_node *
cmark_parse(const char *s, size_t len)
{
	static const char *const exts[] = {
		"table", "tasklist", "autolink", "strikethrough", NULL
	};
	/* Our allocator: out of memory says which file and removes the
	 * temporaries, where cmark's own would abort. */
	static cmark_mem mem = { xcalloc, xrealloc, free };
	cmark_parser *p;
	cmark_node *root;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &mem);
	for (i = 0; exts[i] != NULL; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);

		if (e != NULL)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, s, len);
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	return root;
}

/*
 * Moves the children of piece to the end of top, then frees piece.  When
 * c says piece starts with items of the list top ends with, its first
 * list's items join that list, which is loose when either was or a blank
 * line came between them.
 */
static void
piece_join(struct node *top, struct node *piece, const struct cut *c)
{
	struct node *n, *next, *list = piece->first, *end = node_last(top);

	n = piece->first;
	if (c->marker != 0 && list != NULL && list->type == MTG_N_LIST &&
	    end != NULL && end->type == MTG_N_LIST) {
		for (n = list->first; n != NULL; n = next) {
			next = n->next;
			node_append(end, n);
		}
		end->tight = end->tight && list->tight && !c->blank;
		n = list->next;		/* the list its items left: dropped */
	}
	for (; n != NULL; n = next) {
		next = n->next;
		node_append(top, n);
	}
	piece->first = NULL;
	node_free(piece);
}

/*
 * Our tree of the Markdown s[0..len), whose first line is file line
 * off + 1.  Parsed in pieces that end at a blank line before a line
 * that no open block can take (the tree is the one of the whole text):
 * a piece whose last block was still open is parsed again, twice as
 * long, so that even one block as long as the notes costs linear time.
 */
static struct node *
parse_markdown(const char *s, size_t len, int off, struct diags *d,
    struct arena *arena)
{
	cmark_node *root;
	struct node *top = NULL, *piece;
	struct conv cv = { 0, 0, 0, 0, d, arena, NULL, 0, 0, 1 };
	struct cut cut = { 0, 0, 0 }, prev = { 0, 0, 0 };
	char *tamed;
	size_t tlen, start, end, want;
	int lines, split;

	if ((tamed = tame_wide_tables(s, len, off, d, &tlen)) != NULL) {
		s = tamed;
		len = tlen;
	}
	cv.link_budget = LINK_BYTES_FREE + LINK_BYTES_PER_BYTE * len;
	split = piece_splittable(s, len);
	for (start = 0; start < len || top == NULL;) {
		want = PIECE_BYTES;
		for (;;) {
			if (split)
				piece_cut(s + start, len - start, want, &cut);
			else
				cut.at = len - start;
			end = start + cut.at;
			lines = count_lines(s + start, end - start);
			root = cmark_parse(s + start, end - start);
			if (end == len || piece_closed(root, lines, s + start,
			    end - start, &cut))
				break;
			cmark_node_free(root);
			want *= 2;
		}
		cv.src = s + start;
		cv.srclen = end - start;
		cv.at = 0;
		cv.src_line = 1;
		piece = convert(root, off, &cv);
		cmark_node_free(root);
		if (top == NULL)
			top = piece;
		else
			piece_join(top, piece, &prev);
		prev = cut;
		off += lines;
		start = end;
		if (cv.over)
			break;
	}
	if (cv.over) {
		node_free(top);
		top = node_new(MTG_N_DOCUMENT, 1, 1);
	}
	free(tamed);
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
	strip_bidi(text, &tlen, d);
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
	if (m->arena == NULL)
		m->arena = arena_new();
	m->body = parse_markdown(text + body, tlen - body, off, d, m->arena);
	if (strspn(text, " \t\r\n") == tlen)
		diag_add(d, MTG_D_EMPTY, 1, 1, NULL);
	else
		rc = 0;
	free(text);
	return rc;
}
