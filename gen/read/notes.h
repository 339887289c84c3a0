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

/* The largest notes file read: far beyond any meeting's notes. */
#define MTG_MAX_INPUT (64u * 1024 * 1024)

/*
 * Reads and models the notes file at path.  A file larger than
 * MTG_MAX_INPUT is not read: it gives an empty model and an error.  Returns NULL with *err set to
 * an errno value when the file cannot be read (missing, a directory,
 * unreadable); the caller reports it.
 */
struct meeting	*notes_load(const char *path, struct diags *, int *err);

#endif
