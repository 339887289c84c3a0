/*
 * render_json.c -- the model dump, DESIGN.md's stable interface.
 *
 * Key order is fixed and output is byte-stable.  Strings are valid UTF-8
 * (the parser repaired the input); control characters are escaped.
 */
#include <stdio.h>
#include <string.h>

#include "render.h"

static void
json_key(struct buf *o, const char *indent, const char *key)
{
	buf_puts(o, indent);
	buf_json_str(o, key);
	buf_puts(o, ": ");
}

/* Agenda items nest; depth is bounded by the parser's nesting cap. */
static void
json_agenda(struct buf *o, const struct meeting *m,
    const struct agenda_item *v, size_t n, int depth)
{
	size_t i;

	if (n == 0) {
		buf_puts(o, "[]");
		return;
	}
	buf_puts(o, "[\n");
	for (i = 0; i < n; i++) {
		buf_printf(o, "%*s{\"title\": ", 4 + 4 * depth, "");
		buf_json_str(o, v[i].title);
		buf_puts(o, ", \"section\": ");
		buf_json_str(o, v[i].section >= 0 ?
		    m->sections[v[i].section].id : NULL);
		buf_printf(o, ", \"line\": %d, \"items\": ", v[i].line);
		json_agenda(o, m, v[i].items, v[i].nitems, depth + 1);
		buf_puts(o, i + 1 < n ? "},\n" : "}\n");
	}
	buf_printf(o, "%*s]", 2 + 4 * depth, "");
}

/* A list of pairs as an object: {"Ana Silva": "Example Foundation"}. */
static void
json_pairs(struct buf *o, const struct strlist *pairs)
{
	size_t i;

	buf_putc(o, '{');
	for (i = 0; i + 1 < pairs->n; i += 2) {
		if (i > 0)
			buf_puts(o, ", ");
		buf_json_str(o, pairs->v[i]);
		buf_puts(o, ": ");
		buf_json_str(o, pairs->v[i + 1]);
	}
	buf_putc(o, '}');
}

int
render_json(const struct meeting *m, const struct render_opts *opts,
    struct buf *o)
{
	size_t i, k;

	(void)opts;
	buf_puts(o, "{\n  \"schema\": 1,\n");
	json_key(o, "  ", "source"); buf_json_str(o, m->source); buf_puts(o, ",\n");
	json_key(o, "  ", "title"); buf_json_str(o, m->title); buf_puts(o, ",\n");
	json_key(o, "  ", "group"); buf_json_str(o, m->group); buf_puts(o, ",\n");
	json_key(o, "  ", "date"); buf_json_str(o, m->date); buf_puts(o, ",\n");
	json_key(o, "  ", "time"); buf_json_str(o, m->time); buf_puts(o, ",\n");
	json_key(o, "  ", "location"); buf_json_str(o, m->location);
	buf_puts(o, ",\n");
	json_key(o, "  ", "chairs"); buf_json_strlist(o, &m->chairs);
	buf_puts(o, ",\n");
	json_key(o, "  ", "attendees"); buf_json_strlist(o, &m->attendees);
	buf_puts(o, ",\n");
	json_key(o, "  ", "apologies"); buf_json_strlist(o, &m->apologies);
	buf_puts(o, ",\n");
	json_key(o, "  ", "absent"); buf_json_strlist(o, &m->absent);
	buf_puts(o, ",\n");
	json_key(o, "  ", "staff"); buf_json_strlist(o, &m->staff);
	buf_puts(o, ",\n");
	json_key(o, "  ", "observers"); buf_json_strlist(o, &m->observers);
	buf_puts(o, ",\n");
	json_key(o, "  ", "scribes"); buf_json_strlist(o, &m->scribes);
	buf_puts(o, ",\n");
	json_key(o, "  ", "roles"); json_pairs(o, &m->roles);
	buf_puts(o, ",\n");
	json_key(o, "  ", "affiliations"); json_pairs(o, &m->affiliations);
	buf_puts(o, ",\n");

	json_key(o, "  ", "agenda");
	json_agenda(o, m, m->agenda, m->nagenda, 0);
	buf_puts(o, ",\n");

	buf_puts(o, m->nactions ? "  \"actions\": [\n" : "  \"actions\": [");
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		buf_puts(o, "    {\"id\": "); buf_json_str(o, a->id);
		buf_puts(o, ", \"text\": "); buf_json_str(o, a->text);
		buf_puts(o, ", \"owners\": "); buf_json_strlist(o, &a->owners);
		buf_puts(o, ", \"owner_kinds\": [");
		for (k = 0; k < a->owners.n; k++)
			buf_printf(o, "%s\"%s\"", k > 0 ? ", " : "",
			    mtg_who_name(k < a->nowner_kind ?
			    a->owner_kind[k] : MTG_WHO_UNKNOWN));
		buf_puts(o, "], \"due\": "); buf_json_str(o, a->due);
		buf_puts(o, ", \"due_text\": "); buf_json_str(o, a->due_text);
		buf_printf(o, ", \"overdue\": %s, \"status\": \"%s\", "
		    "\"line\": %d}%s\n", a->overdue ? "true" : "false",
		    mtg_status_name(a->status), a->line,
		    i + 1 < m->nactions ? "," : "");
	}
	buf_puts(o, m->nactions ? "  ],\n" : "],\n");

	buf_puts(o, m->nteams ? "  \"teams\": [\n" : "  \"teams\": [");
	for (i = 0; i < m->nteams; i++) {
		const struct team *t = &m->teams[i];

		buf_puts(o, "    {\"name\": "); buf_json_str(o, t->name);
		buf_puts(o, ", \"rapporteur\": "); buf_json_str(o, t->rapporteur);
		buf_puts(o, ", \"members\": "); buf_json_strlist(o, &t->members);
		buf_printf(o, ", \"line\": %d}%s\n", t->line,
		    i + 1 < m->nteams ? "," : "");
	}
	buf_puts(o, m->nteams ? "  ],\n" : "],\n");

	buf_puts(o, m->ndecisions ? "  \"decisions\": [\n" :
	    "  \"decisions\": [");
	for (i = 0; i < m->ndecisions; i++) {
		buf_puts(o, "    {\"text\": ");
		buf_json_str(o, m->decisions[i].text);
		buf_printf(o, ", \"line\": %d}%s\n", m->decisions[i].line,
		    i + 1 < m->ndecisions ? "," : "");
	}
	buf_puts(o, m->ndecisions ? "  ],\n" : "],\n");

	buf_puts(o, m->nsections ? "  \"sections\": [\n" :
	    "  \"sections\": [");
	for (i = 0; i < m->nsections; i++) {
		buf_puts(o, "    {\"title\": ");
		buf_json_str(o, m->sections[i].title);
		buf_puts(o, ", \"id\": ");
		buf_json_str(o, m->sections[i].id);
		buf_printf(o, ", \"level\": %d, \"line\": %d}%s\n",
		    m->sections[i].level, m->sections[i].line,
		    i + 1 < m->nsections ? "," : "");
	}
	buf_puts(o, m->nsections ? "  ],\n" : "],\n");

	buf_puts(o, m->nlinks ? "  \"links\": [\n" : "  \"links\": [");
	for (i = 0; i < m->nlinks; i++) {
		buf_puts(o, "    {\"url\": ");
		buf_json_str(o, m->links[i].url);
		buf_puts(o, ", \"text\": ");
		buf_json_str(o, m->links[i].text);
		buf_printf(o, ", \"line\": %d}%s\n", m->links[i].line,
		    i + 1 < m->nlinks ? "," : "");
	}
	buf_puts(o, m->nlinks ? "  ]\n" : "]\n");
	buf_puts(o, "}\n");
	return 0;
}
