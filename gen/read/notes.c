/*
 * notes.c -- the pipeline of one notes file: parse, extract, validate.
 */
#include <errno.h>
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

	*err = file_read_max(path, MTG_MAX_INPUT, &data, &len);
	if (*err == EFBIG) {
		*err = 0;
		m = meeting_new(path);
		m->body = node_new(MTG_N_DOCUMENT, 1, 1);
		diag_add(d, MTG_D_TOO_LARGE, 1, 1, "more than %u MiB",
		    MTG_MAX_INPUT / 1024 / 1024);
		return m;
	}
	if (*err != 0)
		return NULL;
	m = notes_model(path, data, len, d);
	free(data);
	return m;
}
