/*
 * parse.h -- notes text to front matter fields and a document tree.
 *
 * The only module that knows cmark-gfm and libyaml.
 */
#ifndef MINUTES_PARSE_H
#define MINUTES_PARSE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/*
 * Parses notes held in data[0..len): repairs invalid UTF-8 and NUL bytes
 * (each replaced by U+FFFD, with a diagnostic naming its line and column),
 * reads the YAML front matter into m's metadata (title, group, date, time,
 * location, attendance lists, people, slides.max_rows) and parses the rest
 * as GitHub-flavoured Markdown into m->body, with line numbers of the file.
 * Returns 0, or -1 when there is nothing to parse (an empty file), with m
 * still holding an empty body.
 */
int	parse_notes(struct meeting *m, const char *data, size_t len,
	    struct diags *);

/*
 * Sets or overrides one front-matter key of m, as `-M KEY=VALUE` does:
 * value is read as YAML and checked as the front matter's value of key
 * would be, with diagnostics at line (the option's place on the command
 * line) in d, which may be NULL.  A list key replaces the list.  Returns 0,
 * or -1 when the value gave an error.
 */
int	parse_meta(struct meeting *m, const char *key, const char *value,
	    int line, struct diags *d);

/* Deepest nesting of block containers kept; deeper ones are flattened. */
#define MTG_MAX_DEPTH 64

#endif
