/*
 * render_csv.c -- the action register as CSV (RFC 4180): a header row,
 * then one row per action; CRLF line ends, UTF-8, fields quoted when they
 * hold a comma, a quote or a line break.
 *
 * A cell a spreadsheet would read as a formula (starting with '=', '+',
 * '-', '@', TAB or CR) gets a leading apostrophe, as OWASP recommends for
 * CSV injection: Calc and Excel then show it as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "series.h"

static void
csv_cell(struct buf *o, const char *s, int last)
{
	int quote;

	if (s == NULL)
		s = "";
	quote = strpbrk(s, ",\"\r\n") != NULL ||
	    (*s != '\0' && strchr("=+-@\t\r", *s) != NULL);
	if (quote)
		buf_putc(o, '"');
	if (*s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		buf_putc(o, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(o, '"');
		buf_putc(o, *s);
	}
	if (quote)
		buf_putc(o, '"');
	buf_puts(o, last ? "\r\n" : ",");
}

static char *
joined(const struct strlist *l)
{
	struct buf b = {0};
	size_t i;

	buf_put(&b, "", 0);
	for (i = 0; i < l->n; i++) {
		buf_puts(&b, i > 0 ? "; " : "");
		buf_puts(&b, l->v[i]);
	}
	return buf_detach(&b);
}

int
render_series_csv(const struct series *s, struct buf *o)
{
	static const char *const head[] = {
		"id", "text", "owners", "status", "due", "overdue", "raised",
		"source", "reviewed", "closed", "carried", NULL
	};
	struct buf rev = {0};
	size_t i, j;
	char *owners, carried[24];

	for (i = 0; head[i] != NULL; i++)
		csv_cell(o, head[i], head[i + 1] == NULL);
	for (i = 0; i < s->nact; i++) {
		const struct series_action *sa = &s->act[i];
		char *src = xasprintf("%s:%d", s->mt[sa->raised].m->source,
		    sa->line);

		csv_cell(o, sa->id, 0);
		csv_cell(o, sa->text, 0);
		owners = joined(&sa->owners);
		csv_cell(o, owners, 0);
		free(owners);
		csv_cell(o, mtg_status_name(sa->status), 0);
		csv_cell(o, sa->due != NULL ? sa->due : sa->due_text, 0);
		csv_cell(o, sa->overdue ? "yes" : "", 0);
		csv_cell(o, series_date(s, sa->raised), 0);
		csv_cell(o, src, 0);
		free(src);
		rev.len = 0;
		buf_put(&rev, "", 0);
		for (j = 1; j < sa->nev; j++) {
			buf_puts(&rev, j > 1 ? "; " : "");
			buf_puts(&rev, series_date(s, sa->ev[j].meeting));
		}
		csv_cell(o, rev.data, 0);
		csv_cell(o, sa->closed != SERIES_NONE ?
		    series_date(s, sa->closed) : "", 0);
		snprintf(carried, sizeof(carried), "%zu", sa->carried);
		csv_cell(o, carried, 1);
	}
	buf_free(&rev);
	return 0;
}

/* One meeting's actions, as a series of that meeting alone. */
int
render_csv(const struct meeting *m, const struct render_opts *opts,
    struct buf *o)
{
	struct series *s = series_new();
	int rc = -1;

	series_add(s, m, NULL);
	if (series_build(s, opts->as_of) == 0)
		rc = render_series_csv(s, o);
	else
		diag_error(NULL, 0, 0, "--as-of %s is not a date",
		    opts->as_of);
	series_free(s);
	return rc;
}
