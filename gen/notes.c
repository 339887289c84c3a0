/*
 * notes.c -- the pipeline of one notes file: parse, extract, validate.
 */
#include <stdlib.h>

#include "extract.h"
#include "notes.h"
#include "parse.h"

struct meeting *
notes_model(const char *source, const char *data, size_t len,
    struct diags *d)
{
	struct meeting *m = meeting_new(source);

	if (parse_notes(m, data, len, d) == 0) {
		extract_meeting(m, d);
		validate_meeting(m, d);
	}
	return m;
}

struct meeting *
notes_load(const char *path, struct diags *d, int *err)
{
	struct meeting *m;
	char *data;
	size_t len;

	if ((*err = file_read(path, &data, &len)) != 0)
		return NULL;
	m = notes_model(path, data, len, d);
	free(data);
	return m;
}
