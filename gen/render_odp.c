/*
 * render_odp.c -- placeholder while the presentation is written.
 */
#include "deck.h"
#include "diag.h"

int
render_odp(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	(void)m;
	(void)opts;
	(void)out;
	diag_error(NULL, 0, 0, "odp: not yet");
	return -1;
}
