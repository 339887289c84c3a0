/*
 * mustache.h -- a Mustache template engine (spec v1.3 without lambdas).
 *
 * Templates are rendered against a tree of values built with the mval_*
 * calls.  HTML escaping of {{name}} is the spec's: & " < > and '.
 */
#ifndef MINUTES_MUSTACHE_H
#define MINUTES_MUSTACHE_H

#include <stddef.h>

#include "util.h"

enum mval_type {
	MVAL_NULL,
	MVAL_BOOL,
	MVAL_NUMBER,
	MVAL_STRING,
	MVAL_LIST,
	MVAL_MAP
};

struct mval;

struct mval	*mval_null(void);
struct mval	*mval_bool(int);
struct mval	*mval_number(double);
struct mval	*mval_string(const char *);	/* copies */
struct mval	*mval_list(void);
struct mval	*mval_map(void);
/* Appends v to a list; the list takes ownership.  Returns v. */
struct mval	*mval_push(struct mval *list, struct mval *v);
/* Sets key in a map (replacing any old value); takes ownership of v. */
struct mval	*mval_set(struct mval *map, const char *key, struct mval *v);
/* Shorthands: mval_set(map, key, mval_string(s)), skipped when s is NULL. */
void		 mval_set_str(struct mval *map, const char *key, const char *s);
void		 mval_free(struct mval *);

/*
 * Returns the text of partial `name`, owned by the caller, or NULL when
 * there is none (the spec renders a missing partial as empty).
 */
typedef char	*(*mustache_partial_fn)(const char *name, void *arg);

/*
 * Renders tmpl against ctx, appending to out.  Returns 0, or -1 with a
 * message "LINE:COL: what" in *err (owned by the caller) for a template
 * that is malformed (unclosed tag or section, bad delimiters).
 */
int	mustache_render(const char *tmpl, const struct mval *ctx,
	    mustache_partial_fn partial, void *arg, struct buf *out,
	    char **err);

#endif
