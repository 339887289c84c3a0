/*
 * htmlmodel.h -- the meeting as a Mustache context for the HTML templates.
 *
 * The minutes, agenda and blog pages share one context: metadata,
 * attendance, the agenda (each item linked to the section holding its
 * minutes), action items with their overdue and TBD marks, decisions,
 * teams and links.  Every string is cleaned of code points HTML forbids;
 * the templates escape it.  Values that are HTML already (the notes body)
 * are added by the renderer and used with {{{triple}}} tags.
 */
#ifndef MINUTES_HTMLMODEL_H
#define MINUTES_HTMLMODEL_H

#include "html.h"
#include "mustache.h"

struct htmlmodel {
	const struct meeting		*m;
	const struct render_opts	*opts;
	struct html_anchors		 anchors;  /* heading ids, item links */
	const struct node		*title_node; /* H1 the page replaces */
	int				 agenda_linked; /* body agenda found */
};

/*
 * Prepares m for rendering: heading ids, and links from the items of the
 * body's agenda list to the sections the model gives them.  Free with
 * htmlmodel_free().
 */
void	htmlmodel_init(struct htmlmodel *, const struct meeting *,
	    const struct render_opts *);
void	htmlmodel_free(struct htmlmodel *);

/* The anchor of the section holding item's minutes, or NULL. */
const char *htmlmodel_agenda_href(const struct htmlmodel *,
	    const struct agenda_item *item);

/*
 * Returns the context shared by the HTML pages (built once per meeting and
 * kept for its other pages); the caller adds its own keys and frees it
 * with mval_free().  Reads the stylesheet when
 * opts->standalone; returns NULL after an error message when that fails.
 */
struct mval *htmlmodel_context(const struct htmlmodel *);
/* Frees the context kept for the pages of the last meeting. */
void	htmlmodel_context_free(void);

/*
 * Renders template name ("html/minutes.html") against ctx, appending to
 * out; partials come from html/partials/NAME.html.  Returns 0, or -1 after
 * printing an error naming the template, line and column.
 */
int	htmlmodel_render(const struct htmlmodel *, const char *name,
	    const struct mval *ctx, struct buf *out);

/* The same for pages of no one meeting (the archive at the output root). */
int	htmlmodel_page(const struct render_opts *, const char *name,
	    const struct mval *ctx, struct buf *out);

/*
 * Sets the stylesheet keys of ctx: the CSS inline when opts->standalone,
 * else a link to href.  Returns 0, or -1 after an error reading it.
 */
int	htmlmodel_put_style(struct mval *ctx, const struct render_opts *,
	    const char *href);

/* Sets key to s cleaned of what HTML forbids; NULL sets "". */
void	htmlmodel_put(struct mval *map, const char *key, const char *s);

#endif
