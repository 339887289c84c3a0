/*
 * series_json.c -- series.json: the series model, versioned like the
 * meeting model (README, "The series model").
 *
 * Key order is fixed and the output is byte-stable: it depends on the
 * notes and the as-of date only.  A meeting is named by its index in
 * "meetings" (and its date, for the reader).
 */
#include <stdio.h>
#include <string.h>

#include "series.h"

/* "\"meeting\": 0, \"date\": \"2017-06-29\"" */
static void
json_meeting(struct buf *o, const struct series *s, size_t i)
{
	buf_printf(o, "\"meeting\": %zu, \"date\": ", i);
	buf_json_str(o, s->mt[i].m->date);
}

static void
json_meetings(struct buf *o, const struct series *s)
{
	size_t i, j, raised;

	buf_puts(o, "  \"meetings\": [");
	for (i = 0; i < s->nmt; i++) {
		const struct series_meeting *sm = &s->mt[i];

		for (j = raised = 0; j < s->nact; j++)
			raised += s->act[j].raised == i;
		buf_puts(o, i > 0 ? ",\n" : "\n");
		buf_printf(o, "    {\"index\": %zu, \"date\": ", i);
		buf_json_str(o, sm->m->date);
		buf_puts(o, ", \"time\": ");
		buf_json_str(o, sm->m->time);
		buf_puts(o, ", \"title\": ");
		buf_json_str(o, sm->m->title);
		buf_puts(o, ", \"source\": ");
		buf_json_str(o, sm->m->source);
		buf_puts(o, ", \"folder\": ");
		buf_json_str(o, sm->folder);
		buf_printf(o, ", \"actions\": %zu, \"raised\": %zu}",
		    sm->m->nactions, raised);
	}
	buf_puts(o, s->nmt > 0 ? "\n  ],\n" : "],\n");
}

static void
json_history(struct buf *o, const struct series *s,
    const struct series_action *sa)
{
	size_t j;

	buf_puts(o, ",\n     \"history\": [");
	for (j = 0; j < sa->nev; j++) {
		const struct series_event *e = &sa->ev[j];

		buf_puts(o, j > 0 ? ",\n       {" : "\n       {");
		json_meeting(o, s, e->meeting);
		buf_printf(o, ", \"line\": %d, \"status\": \"%s\"", e->line,
		    mtg_status_name(e->status));
		buf_puts(o, ", \"text\": ");
		buf_json_str(o, e->text);
		buf_puts(o, ", \"owners\": ");
		buf_json_strlist(o, &e->owners);
		buf_puts(o, ", \"due\": ");
		buf_json_str(o, e->due);
		buf_puts(o, ", \"due_text\": ");
		buf_json_str(o, e->due_text);
		buf_printf(o, ", \"changed\": %s}", e->changed ? "true" :
		    "false");
	}
	buf_puts(o, "]}");
}

static void
json_actions(struct buf *o, const struct series *s)
{
	size_t i, j;

	buf_puts(o, "  \"actions\": [");
	for (i = 0; i < s->nact; i++) {
		const struct series_action *sa = &s->act[i];

		buf_puts(o, i > 0 ? ",\n" : "\n");
		buf_puts(o, "    {\"id\": ");
		buf_json_str(o, sa->id);
		buf_puts(o, ", \"text\": ");
		buf_json_str(o, sa->text);
		buf_puts(o, ", \"owners\": ");
		buf_json_strlist(o, &sa->owners);
		buf_printf(o, ",\n     \"status\": \"%s\", \"due\": ",
		    mtg_status_name(sa->status));
		buf_json_str(o, sa->due);
		buf_puts(o, ", \"due_text\": ");
		buf_json_str(o, sa->due_text);
		buf_printf(o, ", \"overdue\": %s,\n     \"raised\": {",
		    sa->overdue ? "true" : "false");
		json_meeting(o, s, sa->raised);
		buf_puts(o, ", \"source\": ");
		buf_json_str(o, s->mt[sa->raised].m->source);
		buf_printf(o, ", \"line\": %d},\n     \"reviewed\": [",
		    sa->line);
		for (j = 1; j < sa->nev; j++) {
			buf_puts(o, j > 1 ? ", " : "");
			buf_json_str(o, series_date(s, sa->ev[j].meeting));
		}
		buf_puts(o, "], \"closed\": ");
		buf_json_str(o, sa->closed != SERIES_NONE ?
		    series_date(s, sa->closed) : NULL);
		buf_printf(o, ", \"carried\": %zu, \"sequence\": %d",
		    sa->carried, sa->sequence);
		json_history(o, s, sa);
	}
	buf_puts(o, s->nact > 0 ? "\n  ],\n" : "],\n");
}

void
series_json(const struct series *s, struct buf *o)
{
	size_t i;

	buf_printf(o, "{\n  \"schema\": %d,\n  \"group\": ", SERIES_SCHEMA);
	buf_json_str(o, series_group(s));
	buf_puts(o, ",\n  \"as_of\": ");
	buf_json_str(o, s->as_of);
	buf_puts(o, ",\n");
	json_meetings(o, s);
	json_actions(o, s);
	buf_puts(o, "  \"decisions\": [");
	for (i = 0; i < s->ndec; i++) {
		buf_puts(o, i > 0 ? ",\n    {" : "\n    {");
		json_meeting(o, s, s->dec[i].meeting);
		buf_printf(o, ", \"line\": %d, \"text\": ", s->dec[i].line);
		buf_json_str(o, s->dec[i].text);
		buf_putc(o, '}');
	}
	buf_puts(o, s->ndec > 0 ? "\n  ]\n}\n" : "]\n}\n");
}
