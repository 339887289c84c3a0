/*
 * render_archive_xml.c -- archive.xml at the output root: the whole
 * series as one DocBook 5 book.
 *
 * One chapter per meeting, oldest first, written by the same writer as
 * each meeting's minutes.xml (docbook.h), so a chapter holds what the
 * article holds; then the register (open, overdue, done, dropped), the
 * decisions and the attendance as appendices, each action and decision
 * linked to the chapter of the meeting that raised or reviewed it.  Ids
 * are the meeting's folder behind "m-", so a chapter's sections never
 * share an id with another's.  Display rules come from present.c.
 */
#include <stdlib.h>
#include <string.h>

#include "docbook.h"
#include "present.h"
#include "render.h"
#include "series.h"

/* The xml:id of meeting i's chapter; caller frees. */
static char *
chapter_id(const struct series *s, size_t i)
{
	return s->mt[i].folder != NULL ? xasprintf("m-%s", s->mt[i].folder) :
	    xasprintf("m-%zu", i + 1);
}

/* Starts an informaltable of ncols columns and writes its header row. */
static void
table_start(struct xmlw *w, const char *const *labels, size_t ncols)
{
	size_t i;

	xmlw_start(w, "informaltable");
	xmlw_attr(w, "frame", "all");
	xmlw_start(w, "tgroup");
	xmlw_attrf(w, "cols", "%zu", ncols);
	xmlw_attr(w, "colsep", "1");
	xmlw_attr(w, "rowsep", "1");
	xmlw_start(w, "thead");
	xmlw_start(w, "row");
	for (i = 0; i < ncols; i++)
		xmlw_el_text(w, "entry", labels[i]);
	xmlw_end(w);
	xmlw_end(w);
	xmlw_start(w, "tbody");
}

/* Ends the tbody, the tgroup and the table. */
static void
table_end(struct xmlw *w)
{
	xmlw_end(w);
	xmlw_end(w);
	xmlw_end(w);
}

/*
 * The book's series and each meeting's link as made once: the
 * appendices link the same meetings thousands of times.
 */
struct book {
	const struct series *s;
	char		**id;		/* chapter ids, NULL: not made yet */
	char		**date;		/* dates in words */
};

/* A link to meeting i's chapter that reads as the meeting's date. */
static void
meeting_link(struct xmlw *w, struct book *bk, size_t i)
{
	const struct series *s = bk->s;

	if (bk->id[i] == NULL) {
		bk->id[i] = chapter_id(s, i);
		bk->date[i] = present_date(s->mt[i].m->date);
		if (bk->date[i] == NULL)
			bk->date[i] = xstrdup(series_date(s, i));
	}
	xmlw_start(w, "link");
	xmlw_attr(w, "linkend", bk->id[i]);
	xmlw_text(w, bk->date[i]);
	xmlw_end(w);
}

/* Starts <name xml:id="id"><title>title</title>. */
static void
titled(struct xmlw *w, const char *name, const char *id, const char *title)
{
	xmlw_start(w, name);
	xmlw_attr(w, "xml:id", id);
	xmlw_el_text(w, "title", title);
}

/* The register's part of action a: 0 open, 2 done, 3 dropped; overdue
 * open actions are also under 1. */
static int
part_of(const struct series_action *a, int part)
{
	switch (part) {
	case 0:
		return mtg_status_pending(a->status);
	case 1:
		return mtg_status_pending(a->status) && a->overdue;
	case 2:
		return a->status == MTG_DONE;
	default:
		return a->status == MTG_DROPPED;
	}
}

/* One row of the register. */
static void
register_row(struct xmlw *w, struct book *bk, const struct series_action *a)
{
	struct action shown = {0};
	char *text;
	size_t k;

	xmlw_start(w, "row");
	xmlw_el_text(w, "entry", a->id);
	xmlw_el_text(w, "entry", a->text);
	xmlw_el_text(w, "entry", text = present_names(&a->owners));
	free(text);
	shown.due = a->due;
	shown.due_text = a->due_text;
	xmlw_el_text(w, "entry", text = present_due(&shown));
	free(text);
	xmlw_el_text(w, "entry", present_status(a->status));
	xmlw_start(w, "entry");
	meeting_link(w, bk, a->raised);
	xmlw_end(w);
	xmlw_start(w, "entry");
	for (k = 1; k < a->nev; k++) {
		if (k > 1)
			xmlw_text(w, ", ");
		meeting_link(w, bk, a->ev[k].meeting);
	}
	xmlw_end(w);
	xmlw_end(w);
}

/* The register: one section per part, each a table or "None.". */
static void
register_appendix(struct xmlw *w, struct book *bk)
{
	const struct series *s = bk->s;
	static const char *const labels[] = { "ID", "Action", "Owners", "Due",
	    "Status", "Raised", "Reviewed" };
	static const char *const ids[] = { "register-open",
	    "register-overdue", "register-done", "register-dropped" };
	static const enum mtg_status parts[] = { MTG_OPEN, MTG_OPEN,
	    MTG_DONE, MTG_DROPPED };
	char *title;
	size_t i, n;
	int part;

	titled(w, "appendix", "register", "Action register");
	xmlw_start(w, "para");
	xmlw_text(w, "Every action item of the series, as of ");
	xmlw_text(w, s->as_of != NULL ? s->as_of : "the latest meeting");
	xmlw_text(w, ": its owners, due date and status, the meeting that "
	    "raised it and the meetings that reviewed it.");
	xmlw_end(w);
	for (part = 0; part < 4; part++) {
		for (i = n = 0; i < s->nact; i++)
			n += (size_t)part_of(&s->act[i], part);
		title = part == 1 ? xasprintf("Overdue as of %s (%zu)",
		    s->as_of != NULL ? s->as_of : "the latest meeting", n) :
		    xasprintf("%s (%zu)", present_status(parts[part]), n);
		titled(w, "section", ids[part], title);
		free(title);
		if (n == 0)
			xmlw_el_text(w, "para", "None.");
		else {
			table_start(w, labels, 7);
			for (i = 0; i < s->nact; i++)
				if (part_of(&s->act[i], part))
					register_row(w, bk, &s->act[i]);
			table_end(w);
		}
		xmlw_end(w);
	}
	xmlw_end(w);
}

/* Every decision, newest first, with its meeting. */
static void
decisions_appendix(struct xmlw *w, struct book *bk)
{
	const struct series *s = bk->s;
	static const char *const labels[] = { "Meeting", "Decision" };
	size_t i;

	titled(w, "appendix", "decisions", "Decisions");
	if (s->ndec == 0)
		xmlw_el_text(w, "para", "No decisions were recorded.");
	else {
		table_start(w, labels, 2);
		for (i = s->ndec; i-- > 0;) {
			xmlw_start(w, "row");
			xmlw_start(w, "entry");
			meeting_link(w, bk, s->dec[i].meeting);
			xmlw_end(w);
			xmlw_el_text(w, "entry", s->dec[i].text);
			xmlw_end(w);
		}
		table_end(w);
	}
	xmlw_end(w);
}

/* The meetings where person sp was p, linked, into the current entry. */
static void
presence_entry(struct xmlw *w, struct book *bk,
    const struct series_person *sp, enum series_presence p)
{
	size_t j, n = 0;

	xmlw_start(w, "entry");
	for (j = 0; j < sp->nseen; j++) {
		if (sp->seen[j].p != p)
			continue;
		if (n++ > 0)
			xmlw_text(w, ", ");
		meeting_link(w, bk, sp->seen[j].meeting);
	}
	xmlw_end(w);
}

/*
 * Attendance: per person, how many meetings they were present at, and
 * which meetings they sent apologies to or missed (a matrix of people by
 * meetings does not fit a printed page once the series is long).
 */
static void
attendance_appendix(struct xmlw *w, struct book *bk)
{
	const struct series *s = bk->s;
	static const char *const labels[] = { "Person", "Present",
	    "Apologies", "Absent" };
	const struct series_person *sp;
	char *count;
	size_t k;

	titled(w, "appendix", "attendance", "Attendance");
	if (s->npeople == 0)
		xmlw_el_text(w, "para", "No attendance was recorded.");
	else {
		table_start(w, labels, 4);
		for (k = 0; k < s->npeople; k++) {
			sp = &s->people[k];
			xmlw_start(w, "row");
			xmlw_el_text(w, "entry", sp->name);
			count = xasprintf("%zu of %zu",
			    sp->count[SERIES_PRESENT], s->nmt);
			xmlw_el_text(w, "entry", count);
			free(count);
			presence_entry(w, bk, sp, SERIES_APOLOGIES);
			presence_entry(w, bk, sp, SERIES_ABSENT);
			xmlw_end(w);
		}
		table_end(w);
	}
	xmlw_end(w);
}

/* Ends a fragment: the line break that ends a document is the book's to
 * write. */
static void
fragment_end(struct xmlw *w, struct buf *out, size_t start)
{
	xmlw_finish(w);
	xmlw_free(w);
	if (out->len > start && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
}

void
render_archive_chapter(const struct series *s, size_t i, struct buf *out)
{
	struct xmlw *w;
	char *id = chapter_id(s, i);
	size_t start = out->len;

	w = xmlw_new(out);
	xmlw_set_layout(w, docbook_element_only);
	docbook_meeting(w, s->mt[i].m, "chapter", id, 0);
	fragment_end(w, out, start);
	free(id);
}

void
render_archive_appendices(const struct series *s, struct buf *out)
{
	void (*const parts[])(struct xmlw *, struct book *) = {
		register_appendix, decisions_appendix, attendance_appendix
	};
	struct book bk;
	struct xmlw *w;
	size_t i, start;

	bk.s = s;
	bk.id = xcalloc(s->nmt + 1, sizeof(*bk.id));
	bk.date = xcalloc(s->nmt + 1, sizeof(*bk.date));
	/* Each on its own, a line apart, as the book's children are. */
	for (i = 0; i < 3; i++) {
		if (i > 0)
			buf_putc(out, '\n');
		start = out->len;
		w = xmlw_new(out);
		xmlw_set_layout(w, docbook_element_only);
		parts[i](w, &bk);
		fragment_end(w, out, start);
	}
	for (i = 0; i < s->nmt; i++) {
		free(bk.id[i]);
		free(bk.date[i]);
	}
	free(bk.id);
	free(bk.date);
}

int
render_archive_xml(const struct series *s, const struct render_opts *opts,
    struct buf *out)
{
	struct buf part = {0};
	struct xmlw *w;
	size_t i;

	(void)opts;
	w = xmlw_new(out);
	xmlw_set_layout(w, docbook_element_only);
	xmlw_declaration(w);
	xmlw_start(w, "book");
	docbook_namespaces(w);
	xmlw_start(w, "info");
	xmlw_el_text(w, "title", series_group(s));
	xmlw_el_text(w, "subtitle", "The archive of the meetings");
	if (s->as_of != NULL)
		xmlw_el_text(w, "date", s->as_of);
	xmlw_end(w);
	/* Every chapter, and the appendices, made on their own, so that
	 * one made by an earlier build is the same bytes. */
	for (i = 0; i < s->nmt; i++) {
		if (s->mt[i].chapter != NULL) {
			xmlw_raw(w, s->mt[i].chapter, s->mt[i].chapter_len);
			continue;
		}
		part.len = 0;
		render_archive_chapter(s, i, &part);
		xmlw_raw(w, part.data != NULL ? part.data : "", part.len);
	}
	if (s->appendices != NULL)
		xmlw_raw(w, s->appendices, s->appendices_len);
	else {
		part.len = 0;
		render_archive_appendices(s, &part);
		xmlw_raw(w, part.data, part.len);
	}
	buf_free(&part);
	xmlw_finish(w);
	xmlw_free(w);
	return 0;
}
