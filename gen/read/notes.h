/*
 * notes.h -- one notes file in, one checked meeting model out.
 */
#ifndef MINUTES_NOTES_H
#define MINUTES_NOTES_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/*
 * Models notes held in memory: parse, extract, validate.  source names
 * them in the model and in diagnostics.  Never returns NULL.
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
 * Reads and models the notes file at path.  A file larger than
 * MTG_MAX_INPUT is not read: it gives an empty model and an error.  Returns NULL with *err set to
 * an errno value when the file cannot be read (missing, a directory,
 * unreadable); the caller reports it.
 */
struct meeting	*notes_load(const char *path, struct diags *, int *err);
/* The same with metadata overrides, as notes_model_meta(). */
struct meeting	*notes_load_meta(const char *path, const struct strlist *meta,
		    struct diags *, int *err);

#endif
