/*
 * helpers.h -- what the test files share: notes text to a model, the
 * program run with its output captured, scratch files and folders.
 */
#ifndef MINUTES_TEST_HELPERS_H
#define MINUTES_TEST_HELPERS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* The meeting of notes text s named "test.md"; diagnostics dropped. */
struct meeting	*test_notes(const char *s);
/*
 * The meeting of notes text s named source; its diagnostics go to d,
 * which this initialises (the caller frees it with diags_free()).
 */
struct meeting	*test_notes_as(const char *source, const char *s,
		    struct diags *d);

/* The program under test: $MINUTES, or ./minutes. */
const char	*test_prog(void);
/*
 * Runs "PROGRAM ARGS" through the shell (at most 60 s) with stdout and
 * stderr captured into *out and *err (caller frees; either may be NULL);
 * returns the exit status, or 128 + the signal.
 */
int		 test_run(const char *args, char **out, char **err);

/* A new empty folder under /tmp; caller frees the path. */
char		*test_tmpdir(void);
/* Removes dir and everything in it. */
void		 test_rmtree(const char *dir);
/* Writes s to dir/name, making name's parent folder if needed. */
void		 test_put_file(const char *dir, const char *name, const char *s);
/* A new temporary NAME.md holding len bytes of data; caller frees. */
char		*test_scratch(const char *data, size_t len);

/* Occurrences of needle in the n bytes of hay. */
size_t		 test_count(const char *hay, size_t n, const char *needle);

#endif
