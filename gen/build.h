/*
 * build.h -- every artefact of every meeting into an output folder.
 */
#ifndef MINUTES_BUILD_H
#define MINUTES_BUILD_H

#include <stddef.h>

#include "diag.h"
#include "render.h"

/* Exit statuses, worst last. */
enum mtg_exit {
	MTG_EXIT_OK = 0,	/* success */
	MTG_EXIT_INPUT = 1,	/* the input has errors (or warnings, --strict) */
	MTG_EXIT_USAGE = 2,	/* usage error */
	MTG_EXIT_IO = 3		/* an I/O or system failure */
};

/*
 * Writes a folder name for the meeting into a new string: "<date>-<slug of
 * title>" using only [a-z0-9-], never empty, never "." or "..".  Caller
 * frees.
 */
char	*build_slug(const char *date, const char *title);

/*
 * Builds every input (a notes file, or a folder whose *.md files are taken
 * in name order) into outdir/<slug>/, one file per format of the format
 * table, plus outdir/style.css.  Diagnostics are printed as they come.
 * Returns an enum mtg_exit.
 */
int	build_run(const char *outdir, char *const inputs[], size_t ninputs,
	    const struct render_opts *, int strict);

/* The exit status for a file's diagnostics (MTG_EXIT_OK or _INPUT). */
int	build_status(const struct diags *, int strict);

#endif
