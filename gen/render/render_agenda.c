/*
 * render_agenda.c -- the agenda as an HTML5 page, for members before the
 * call: the meeting's metadata, its agenda, and the open action items to
 * review, overdue ones marked.
 */
#include <stdlib.h>

#include "htmlmodel.h"

int
render_agenda(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct htmlmodel hm;
	struct mval *ctx;
	int rc = -1;

	htmlmodel_init(&hm, m, opts);
	if ((ctx = htmlmodel_context(&hm)) == NULL)
		goto out;
	if (htmlmodel_render(&hm, "html/agenda.html", ctx, out) == -1)
		goto out;
	rc = 0;
out:
	mval_free(ctx);
	htmlmodel_free(&hm);
	return rc;
}
