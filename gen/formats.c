/*
 * formats.c -- the table of output formats.
 */
#include <string.h>

#include "render.h"

const struct format formats[] = {
	{ "json", "meeting.json", render_json,
	    "the meeting model (stable, versioned)" },
	{ NULL, NULL, NULL, NULL }
};

const struct format *
format_find(const char *name)
{
	const struct format *f;

	for (f = formats; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
