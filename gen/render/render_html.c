/*
 * render_html.c -- the minutes as a standalone HTML5 page.
 *
 * The page is templates/html/minutes.html filled from the shared context
 * (htmlmodel.c) plus the notes body rendered by html.c: every section in
 * full, headings carrying their section ids, and the items of the agenda
 * list linked to the sections that hold their minutes.  The level-1
 * heading that repeats the title is left out, since the page has its own.
 */
#include <stdlib.h>

#include "htmlmodel.h"

int
render_html(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct htmlmodel hm;
	struct mval *ctx;
	struct buf body = {0};
	const struct node *n;
	const char *id;
	int rc = -1;

	htmlmodel_init(&hm, m, opts);
	if ((ctx = htmlmodel_context(&hm)) == NULL)
		goto out;
	buf_put(&body, "", 0);
	hm.anchors.level = 1;		/* the notes come under the <h1> */
	if (m->body != NULL)
		for (n = m->body->first; n != NULL; n = n->next)
			if (n != hm.title_node)
				html_block_anchored(&body, n, opts,
				    &hm.anchors);
	if (body.len > 0 && body.data[body.len - 1] == '\n')
		body.data[--body.len] = '\0';
	mval_set(ctx, "has_body", mval_bool(body.len > 0));
	mval_set(ctx, "body", mval_string_take(buf_detach(&body)));
	id = m->decisions_section >= 0 ?
	    m->sections[m->decisions_section].id : NULL;
	mval_set(ctx, "decisions_in_notes", mval_bool(id != NULL));
	mval_set(ctx, "decisions_href", mval_string(id != NULL ? id :
	    "_decisions"));
	/* Without an agenda list in the body, the page lists the agenda. */
	mval_set(ctx, "agenda_nav", mval_bool(m->nagenda > 0 &&
	    !hm.agenda_linked));
	if (htmlmodel_render(&hm, "html/minutes.html", ctx, out) == -1)
		goto out;
	rc = 0;
out:
	mval_free(ctx);
	buf_free(&body);
	htmlmodel_free(&hm);
	return rc;
}
