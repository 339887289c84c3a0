/*
 * build.h -- every artefact of every meeting into an output folder.
 */
#ifndef MINUTES_BUILD_H
#define MINUTES_BUILD_H

#include <stddef.h>

#include "diag.h"
#include "util.h"
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
 * The folder of a meeting: its date (or "undated") and the slug of its
 * source file's name ("2017-07-06-plenary.md" gives "2017-07-06-plenary",
 * "notes.md" of 6 July "2017-07-06-notes"), and for one meeting of a file
 * holding several, "-" and the slug of its heading.  Only [a-z0-9-], never
 * empty.  Caller frees.
 */
char	*build_folder_name(const char *date, const char *source,
	    const char *heading);

/* What a build is asked to do, besides rendering (struct render_opts). */
struct build_opts {
	const char	*outdir;	/* the output root */
	const char	*base_url;	/* the output root's address, or NULL */
	const struct strlist *meta;	/* -M KEY=VALUE overrides, or NULL */
	int		 strict;	/* warnings make the status 1 */
	int		 verbosity;	/* -1 errors only, 0 normal, 1 verbose */
	int		 jobs;		/* -j: processes; 0: one per CPU */
};

/*
 * Builds every input (a notes file, or a folder whose *.md files are taken
 * in name order) into outdir/<slug>/, one file per format of the format
 * table, plus outdir/style.css.  Every meeting is read before anything is
 * written: when an input cannot be read, nothing is created.  Diagnostics
 * are printed as they come; a summary line ends a build unless quiet.
 * Returns an enum mtg_exit.
 */
int	build_run(const struct build_opts *, char *const inputs[],
	    size_t ninputs, const struct render_opts *);

/* Adds path, or the *.md files of folder path in name order, to files;
 * returns 0, or -1 after printing why. */
int	build_collect(const char *path, struct strlist *files);

/* The exit status for a file's diagnostics (MTG_EXIT_OK or _INPUT). */
int	build_status(const struct diags *, int strict);

/*
 * Prints a file's diagnostics to stderr: all of them, or only the errors
 * when verbosity is below 0 (-q).
 */
void	build_print_diags(const struct diags *, int verbosity);

#endif
