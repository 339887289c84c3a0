/*
 * notes.h -- one notes file in, its checked meeting models out: one, or
 * one per dated heading of a file that keeps several meetings (split.c).
 */
#ifndef MINUTES_NOTES_H
#define MINUTES_NOTES_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* The meetings of one notes file, in file order; never empty. */
struct meetings {
	struct meeting	**v;
	size_t		  n;
};

/*
 * Models notes held in memory: parse; apply meta (a list of "KEY=VALUE"
 * strings, or NULL) as front matter; split a file of several meetings
 * into one per dated heading; extract and validate each.  source names
 * them in the models and in diagnostics, which keep the lines of the
 * file.  Fills *out with at least one meeting.
 */
void		 notes_meetings(const char *source, const char *data,
		    size_t len, const struct strlist *meta, struct diags *,
		    struct meetings *out);
/*
 * Reads and models the notes file at path as notes_meetings().  Returns
 * 0, or an errno value when the file cannot be read (missing, a
 * directory, unreadable; the caller reports it) with *out empty.  A file
 * larger than MTG_MAX_INPUT is not read: it gives one empty meeting and
 * an error.
 */
int		 notes_load_meetings(const char *path,
		    const struct strlist *meta, struct diags *,
		    struct meetings *out);
void		 meetings_free(struct meetings *);
/*
 * The meeting a command that shows one meeting of the file shows: the one
 * dated date (any form date_parse() reads), or for NULL the latest (the
 * first of the file among those of that date).  NULL when no meeting has
 * that date.
 */
struct meeting	*meetings_pick(const struct meetings *, const char *date);

/*
 * One meeting of notes held in memory: notes_meetings(), keeping the
 * meeting meetings_pick() gives for NULL (the only one, or the latest).
 * The diagnostics are those of the whole file.  Never returns NULL.
 */
struct meeting	*notes_model(const char *source, const char *data, size_t len,
		    struct diags *);

/*
 * The same, with meta (a list of "KEY=VALUE" strings, or NULL) setting or
 * overriding front-matter keys after the front matter is read, before
 * anything is extracted.  Their diagnostics are not recorded: the command
 * line checks them once with notes_apply_meta().
 */
struct meeting	*notes_model_meta(const char *source, const char *data,
		    size_t len, const struct strlist *meta, struct diags *);

/*
 * Applies meta ("KEY=VALUE" strings; entry i is reported at line i + 1) to
 * m's metadata, with the checks and diagnostics of front matter in d (may
 * be NULL).  Returns 0, or -1 when a value gave an error.
 */
int		 notes_apply_meta(struct meeting *m, const struct strlist *meta,
		    struct diags *);

/* The largest notes file read: far beyond any meeting's notes. */
#define MTG_MAX_INPUT (64u * 1024 * 1024)

/*
 * Reads the notes file at path and keeps one meeting as notes_model().
 * Returns NULL with *err set to an errno value when the file cannot be
 * read, as notes_load_meetings().
 */
struct meeting	*notes_load(const char *path, struct diags *, int *err);
/* The same with metadata overrides, as notes_model_meta(). */
struct meeting	*notes_load_meta(const char *path, const struct strlist *meta,
		    struct diags *, int *err);

#endif
