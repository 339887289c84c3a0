/*
 * diag.c -- the diagnostics table and its printer.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

static const struct {
	enum diag_level	 level;
	const char	*message;
} diag_table[MTG_D__MAX] = {
	[MTG_D_EMPTY] = { MTG_ERROR, "empty input" },
	[MTG_D_UTF8] = { MTG_ERROR, "invalid UTF-8; the bytes are replaced by U+FFFD" },
	[MTG_D_NUL] = { MTG_ERROR, "NUL byte in input; replaced by U+FFFD" },
	[MTG_D_YAML] = { MTG_ERROR, "front matter is not valid YAML" },
	[MTG_D_YAML_SHAPE] = { MTG_WARNING, "front matter value has the wrong shape" },
	[MTG_D_YAML_KEY] = { MTG_NOTE, "unknown front matter key" },
	[MTG_D_NO_DATE] = { MTG_WARNING, "no meeting date (front matter date, Date: line, title or file name)" },
	[MTG_D_BAD_DATE] = { MTG_ERROR, "meeting date is not a date" },
	[MTG_D_NO_OWNER] = { MTG_WARNING, "action item without owner" },
	[MTG_D_DUE_NOT_DATE] = { MTG_WARNING, "due date is not a date" },
	[MTG_D_DUE_BEFORE] = { MTG_WARNING, "due date is before the meeting" },
	[MTG_D_OWNER_UNKNOWN] = { MTG_WARNING, "owner is not an attendee, chair, apology or known alias" },
	[MTG_D_OWNER_APOLOGY] = { MTG_NOTE, "owner sent apologies" },
	[MTG_D_TABLE_NO_OWNER] = { MTG_WARNING, "table looks like an action table but has no owner column" },
	[MTG_D_MULTI_MEETING] = { MTG_NOTE, "file holds several meetings, one per dated heading" },
	[MTG_D_NO_CONVENTION] = { MTG_NOTE, "no action items, decisions or attendance recognised" },
	[MTG_D_TOO_DEEP] = { MTG_WARNING, "nesting too deep; deeper levels are flattened" },
	[MTG_D_TOO_LARGE] = { MTG_ERROR, "file too large for meeting notes; not read" },
	[MTG_D_TABLE_WIDE] = { MTG_WARNING, "table too wide for its size; kept as text" },
	[MTG_D_YAML_LIMIT] = { MTG_ERROR, "front matter too deep or too large; not read" },
	[MTG_D_BIDI] = { MTG_WARNING, "unpaired bidirectional control character; removed" },
	[MTG_D_AMPLIFY] = { MTG_ERROR, "links expand the notes far beyond their size; nothing rendered" },
	[MTG_D_NOT_TAKEN] = { MTG_NOTE, "looks like an action item but was not taken" },
	[MTG_D_SERIES_NEAR] = { MTG_NOTE, "action resembles an open action of an earlier meeting; not merged (write its id to merge)" },
	[MTG_D_SERIES_AMBIGUOUS] = { MTG_WARNING, "action matches several open actions; not merged (write the id of the one meant)" },
	[MTG_D_SERIES_UNKNOWN] = { MTG_WARNING, "action id names no action of an earlier meeting; kept as a new action" },
};

static const char *const level_names[] = { "note", "warning", "error" };

/*
 * Writes s to f with every control character escaped: C0 and DEL as
 * \xHH, C1 (U+0080..U+009F) as \uHHHH.  Text from the notes reaches
 * these lines (file names, YAML errors, keys); raw, an ESC could clear
 * the screen or forge an "all passed" line, a BEL ring, a CR overwrite.
 */
void
diag_fputs(const char *s, FILE *f)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fprintf(f, "\\u%04x", p[1]);
			p++;
		} else
			putc(*p, f);
	}
}

void
diags_init(struct diags *d, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->file = xstrdup(file);
}

void
diags_free(struct diags *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		free(d->v[i].detail);
	free(d->v);
	free(d->file);
	memset(d, 0, sizeof(*d));
}

void
diag_add(struct diags *d, enum diag_id id, int line, int col,
    const char *detail, ...)
{
	struct diag *g;
	va_list ap;
	int n;

	if (d == NULL)
		return;
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof(*d->v));
	g = &d->v[d->n++];
	g->id = id;
	g->line = line;
	g->col = col;
	g->detail = NULL;
	if (detail != NULL) {
		va_start(ap, detail);
		n = vsnprintf(NULL, 0, detail, ap);
		va_end(ap);
		if (n >= 0) {
			g->detail = xmalloc((size_t)n + 1);
			va_start(ap, detail);
			vsnprintf(g->detail, (size_t)n + 1, detail, ap);
			va_end(ap);
		}
	}
}

enum diag_level
diag_level(enum diag_id id)
{
	return diag_table[id].level;
}

const char *
diag_message(enum diag_id id)
{
	return diag_table[id].message;
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x < y ? -1 : x > y;
}

void
diags_print(const struct diags *d, FILE *f)
{
	struct diag *sorted;
	size_t i;

	if (d->n == 0)
		return;
	sorted = xmalloc(d->n * sizeof(*sorted));
	memcpy(sorted, d->v, d->n * sizeof(*sorted));
	/* qsort is not stable; diag_cmp falls back to the array position. */
	qsort(sorted, d->n, sizeof(*sorted), diag_cmp);
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &sorted[i];

		fputs("minutes: ", f);
		diag_fputs(d->file, f);
		fprintf(f, ":%d:%d: %s: %s%s", g->line, g->col,
		    level_names[diag_level(g->id)], diag_message(g->id),
		    g->detail ? ": " : "");
		if (g->detail != NULL)
			diag_fputs(g->detail, f);
		putc('\n', f);
	}
	free(sorted);
}

int
diags_worst(const struct diags *d)
{
	int worst = -1;
	size_t i;

	for (i = 0; i < d->n; i++)
		if ((int)diag_level(d->v[i].id) > worst)
			worst = (int)diag_level(d->v[i].id);
	return worst;
}

void
diag_error(const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	fputs("minutes: ", stderr);
	if (file != NULL) {
		diag_fputs(file, stderr);
		if (line > 0)
			fprintf(stderr, ":%d:%d", line, col);
		fputs(": ", stderr);
	}
	fputs("error: ", stderr);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0) {
		msg = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
		diag_fputs(msg, stderr);
		free(msg);
	}
	fputc('\n', stderr);
}
