/*
 * mustache.h -- a Mustache template engine (spec v1.4 core: no lambdas,
 * inheritance or dynamic names).
 *
 * Templates are rendered against a tree of values built with the mval_*
 * calls.  HTML escaping of {{name}} is the spec's: & " < > and '.
 *
 * Interpolation: null, a missing name, a list or a map gives nothing; a
 * bool gives "true" or "false"; a number the shortest of "%.15g" to
 * "%.17g" that reads back the same (1.21, 85, 1e+21).
 * Sections: null, false, the empty list and the empty string are false;
 * everything else, 0 and the empty map included, is true.
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
/* A string value that takes s (allocated, not NULL) instead of a copy:
 * a page body is not held twice. */
struct mval	*mval_string_take(char *s);
struct mval	*mval_list(void);
struct mval	*mval_map(void);
/*
 * A map whose absent keys are looked up in defaults (a map), which is
 * borrowed: it must outlive the new map.  Setting a key hides the default
 * of the same name.
 */
struct mval	*mval_map_over(const struct mval *defaults);
/*
 * Returns v with one more owner, so that one value can stand in two
 * lists or maps; each owner frees it with mval_free().
 */
struct mval	*mval_ref(struct mval *v);
/*
 * Item i of a lazy list, made when a section renders it and freed once
 * rendered; arg is the list's.
 */
typedef struct mval *(*mval_item_fn)(const void *arg, size_t i);
/*
 * A list of n items that item() makes one at a time as a section renders
 * them: a list as long as the notes costs the memory of one item.  arg
 * is freed with free() when the list is; values is the number of values
 * the items hold in all, since the work of a render is bounded by the
 * values of its context.  Nothing can be pushed onto it.
 */
struct mval	*mval_list_lazy(size_t n, size_t values, mval_item_fn item,
		    void *arg);
/* Appends v to a list; the list takes ownership.  Returns v. */
struct mval	*mval_push(struct mval *list, struct mval *v);
/*
 * Sets key in a map (replacing any old value); takes ownership of v.
 * Returns v.  Both calls free v and return NULL when given a value of the
 * wrong type to add to.
 */
struct mval	*mval_set(struct mval *map, const char *key, struct mval *v);
/* Shorthands: mval_set(map, key, mval_string(s)), skipped when s is NULL. */
void		 mval_set_str(struct mval *map, const char *key, const char *s);
void		 mval_free(struct mval *);

/*
 * Returns the text of partial `name`, which the engine frees, or NULL when
 * there is none (the spec renders a missing partial as empty).  To refuse
 * the name, returns NULL with *err set to a message (freed by the engine):
 * the render fails with "LINE:COL: message" at the partial's tag.
 */
typedef char	*(*mustache_partial_fn)(const char *name, void *arg,
		    char **err);

/*
 * Renders tmpl against ctx (which may be NULL), appending to out.
 * Partials are fetched once per name and indentation during a render;
 * partial may be NULL, making every partial empty.
 *
 * Returns 0 with *err set to NULL, or -1 with a message "LINE:COL: what"
 * in *err (owned by the caller; err may be NULL) for a template that is
 * malformed: unclosed tag or section, mismatched closing tag, bad
 * delimiters, a tag without a name, sections nested over 1024 deep.  A
 * malformed partial, or partials nested over 100 deep, gives
 * "LINE:COL: in partial "NAME": LINE:COL: what", the first position being
 * the outermost partial tag in tmpl.  Lines and columns count from 1,
 * columns in characters.  On failure out may hold part of the output.
 */
int	mustache_render(const char *tmpl, const struct mval *ctx,
	    mustache_partial_fn partial, void *arg, struct buf *out,
	    char **err);

/*
 * The same in two steps, for a template rendered many times.
 * mustache_parse() returns the parsed template (a copy of tmpl is kept),
 * or NULL with the message in *err as above.  mustache_render_parsed()
 * renders it; partials fetched by one render are kept with the template
 * and not fetched again by the next ones.  Free with mustache_free().
 */
struct mustache;
struct mustache *mustache_parse(const char *tmpl, char **err);
int	mustache_render_parsed(struct mustache *, const struct mval *ctx,
	    mustache_partial_fn partial, void *arg, struct buf *out,
	    char **err);
void	mustache_free(struct mustache *);

#endif
