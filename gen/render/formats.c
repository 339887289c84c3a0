/*
 * formats.c -- the table of output formats.
 */
#include <string.h>

#include "deck.h"
#include "htmlmodel.h"
#include "render.h"

const struct format formats[] = {
	{ "json", "meeting.json", render_json,
	    "the meeting model (stable, versioned)" },
	{ "html", "minutes.html", render_html,
	    "the minutes as a standalone HTML5 page" },
	{ "agenda", "agenda.html", render_agenda,
	    "the agenda and open action items as an HTML5 page" },
	{ "blog", "blog.html", render_blog,
	    "a blog draft: an HTML fragment for a website's editor" },
	{ "blog-preview", "blog-preview.html", render_blog_preview,
	    "the blog draft in a page with the stylesheet" },
	{ "docbook", "minutes.xml", render_docbook, "minutes, DocBook 5" },
	{ "odt", "minutes.odt", render_odt, "minutes, OpenDocument text" },
	{ "agenda-odt", "agenda.odt", render_agenda_odt, "agenda, OpenDocument" },
	{ "slides", "slides.html", render_slides,
	    "the slide deck as one self-contained HTML file" },
	{ "odp", "slides.odp", render_odp,
	    "the slide deck as an OpenDocument presentation" },
	{ "csv", "actions.csv", render_csv,
	    "the action items as CSV (RFC 4180), for spreadsheets" },
	{ "ics", "actions.ics", render_ics,
	    "the action items as iCalendar to-dos (VTODO)" },
	{ NULL, NULL, NULL, NULL }
};

const struct format *
format_find(const char *name)
{
	const struct format *f;

	for (f = formats; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int
render_job_make(void *job, struct buf *out)
{
	const struct render_job *j = job;

	return j->f->render(j->m, j->opts, out);
}

void
render_end(void)
{
	htmlmodel_context_free();
	deck_cache_free();
	template_cache_free();
}
