/*
 * templates.c -- finds a template: the user's folder first, then the
 * copy built into the program; parses each Mustache template once.
 *
 * Parsed templates are cached here, by templates folder and name, for the
 * life of the thread (a build renders hundreds of pages from the same
 * few templates); nothing about them travels in the render options.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mustache.h"
#include "render.h"
#include "templates.h"

/*
 * Reads name from the user's folder of o, else from the built-in set;
 * *source is set to the path named in messages ("DIR/name" or
 * "templates/name"; caller frees).  Returns 0, or -1 after an error.
 */
static int
read_from(const struct render_opts *o, const char *name, char **data,
    size_t *len, char **source)
{
	const struct embedded_file *e;
	char *path;
	int err;

	*source = NULL;
	if (o != NULL && o->templates != NULL) {
		path = xasprintf("%s/%s", o->templates, name);
		/* No link is followed inside the folder, and only regular
		 * files are read: a link there could publish any file of
		 * the machine as out/style.css. */
		err = file_read_under(o->templates, name, SIZE_MAX, data, len);
		if (err == 0) {
			*source = path;
			return 0;
		}
		if (err != ENOENT) {
			diag_error(path, 0, 0, "%s", file_strerror(err));
			free(path);
			return -1;
		}
		free(path);
	}
	for (e = embedded_files; e->name != NULL; e++) {
		if (strcmp(e->name, name) == 0) {
			*data = xstrndup((const char *)e->data, e->len);
			*len = e->len;
			*source = xasprintf("templates/%s", name);
			return 0;
		}
	}
	diag_error(NULL, 0, 0, "no template %s", name);
	return -1;
}

int
template_read(const struct render_opts *o, const char *name, char **data,
    size_t *len)
{
	char *source;
	int rc = read_from(o, name, data, len, &source);

	free(source);
	return rc;
}

void
template_error(const char *source, const char *err)
{
	const char *end = err;
	char *e;
	long line = 0, col = 0;

	if (err != NULL) {
		line = strtol(err, &e, 10);
		if (*e == ':')
			col = strtol(e + 1, &e, 10);
		if (*e == ':' && line > 0 && col > 0)
			end = e + strspn(e + 1, " ") + 1;
		else
			line = col = 0;
	}
	diag_error(source, (int)line, (int)col, "%s",
	    end != NULL ? end : "template error");
}

struct cached {
	char		*dir;		/* --templates DIR, or NULL */
	char		*name;		/* "html/minutes.html" */
	char		*source;	/* the file it came from */
	struct mustache	*t;
};

static _Thread_local struct cached *cache;
static _Thread_local size_t ncache, cachecap;

static int
same_dir(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static struct cached *
lookup(const struct render_opts *o, const char *name)
{
	const char *dir = o != NULL ? o->templates : NULL;
	size_t i;

	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].name, name) == 0 &&
		    same_dir(cache[i].dir, dir))
			return &cache[i];
	return NULL;
}

struct mustache *
template_mustache(const struct render_opts *o, const char *name,
    const char **source)
{
	struct cached *c = lookup(o, name);
	struct mustache *t;
	char *tmpl, *err = NULL, *src;
	size_t len;

	if (c != NULL) {
		*source = c->source;
		return c->t;
	}
	if (read_from(o, name, &tmpl, &len, &src) == -1)
		return NULL;
	t = mustache_parse(tmpl, &err);
	free(tmpl);
	if (t == NULL) {
		template_error(src, err);
		free(err);
		free(src);
		return NULL;
	}
	cache = xgrow(cache, &cachecap, ncache + 1, sizeof(*cache));
	c = &cache[ncache++];
	c->dir = o != NULL && o->templates != NULL ? xstrdup(o->templates) :
	    NULL;
	c->name = xstrdup(name);
	c->source = src;
	c->t = t;
	*source = c->source;
	return t;
}

static void
cached_free(struct cached *c)
{
	free(c->dir);
	free(c->name);
	free(c->source);
	mustache_free(c->t);
}

void
template_forget(const struct render_opts *o, const char *name)
{
	struct cached *c = lookup(o, name);

	if (c == NULL)
		return;
	cached_free(c);
	*c = cache[--ncache];
}

void
template_cache_free(void)
{
	size_t i;

	for (i = 0; i < ncache; i++)
		cached_free(&cache[i]);
	free(cache);
	cache = NULL;
	ncache = cachecap = 0;
}
