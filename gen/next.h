/*
 * next.h -- minutes next: the next meeting's notes skeleton and agenda.
 */
#ifndef MINUTES_NEXT_H
#define MINUTES_NEXT_H

#include <stddef.h>

#include "render.h"
#include "util.h"

struct next_opts {
	const char	*output;	/* -o FILE, or NULL: beside the notes */
	const char	*date;		/* --date yyyy-mm-dd, or NULL */
	int		 force;		/* --force: overwrite existing files */
	int		 verbosity;	/* -1 errors only, 0 normal, 1 verbose */
	const struct strlist *meta;	/* -M KEY=VALUE overrides, or NULL */
};

/*
 * Reads every meeting of the inputs as one series and writes the notes
 * skeleton of the next meeting to no->output (default: the first input
 * folder, "<date>-<slug>.md"), and its agenda beside it as
 * NAME.agenda.html and NAME.agenda.odt.  Never overwrites a file unless
 * no->force.  Returns an enum mtg_exit.
 */
int	next_run(const struct next_opts *, char *const inputs[],
	    size_t ninputs, const struct render_opts *);

#endif
