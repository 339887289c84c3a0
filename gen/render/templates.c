/*
 * templates.c -- finds a template: the user's folder first, then the
 * copy built into the program.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "render.h"
#include "templates.h"

int
template_read(const struct render_opts *o, const char *name, char **data,
    size_t *len)
{
	const struct embedded_file *e;
	char *path;
	int err;

	if (o != NULL && o->templates != NULL) {
		path = xasprintf("%s/%s", o->templates, name);
		/* No link is followed inside the folder, and only regular
		 * files are read: a link there could publish any file of
		 * the machine as out/style.css. */
		err = file_read_under(o->templates, name, SIZE_MAX, data, len);
		if (err == 0) {
			free(path);
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
			return 0;
		}
	}
	diag_error(NULL, 0, 0, "no template %s", name);
	return -1;
}
