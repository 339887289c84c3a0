/*
 * notes.c -- the pipeline of one notes file: parse, extract, validate.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "notes.h"
#include "parse.h"
#include "validate.h"

struct meeting *
notes_model(const char *source, const char *data, size_t len,
    struct diags *d)
{
	return notes_model_meta(source, data, len, NULL, d);
}

struct meeting *
notes_model_meta(const char *source, const char *data, size_t len,
    const struct strlist *meta, struct diags *d)
{
	struct meeting *m = meeting_new(source);

	if (parse_notes(m, data, len, d) == 0) {
		notes_apply_meta(m, meta, NULL);
		extract_meeting(m, d);
		validate_meeting(m, d);
	}
	return m;
}

int
notes_apply_meta(struct meeting *m, const struct strlist *meta,
    struct diags *d)
{
	const char *eq;
	char *key;
	size_t i;
	int rc = 0;

	for (i = 0; meta != NULL && i < meta->n; i++) {
		if ((eq = strchr(meta->v[i], '=')) == NULL)
			continue;
		key = xstrndup(meta->v[i], (size_t)(eq - meta->v[i]));
		if (parse_meta(m, key, eq + 1, (int)i + 1, d) == -1)
			rc = -1;
		free(key);
	}
	return rc;
}

struct meeting *
notes_load(const char *path, struct diags *d, int *err)
{
	return notes_load_meta(path, NULL, d, err);
}

struct meeting *
notes_load_meta(const char *path, const struct strlist *meta,
    struct diags *d, int *err)
{
	struct meeting *m;
	char *data;
	size_t len;

	oom_context(path);
	*err = file_read_max(path, MTG_MAX_INPUT, &data, &len);
	if (*err == EFBIG) {
		*err = 0;
		m = meeting_new(path);
		m->body = node_new(MTG_N_DOCUMENT, 1, 1);
		notes_apply_meta(m, meta, NULL);
		diag_add(d, MTG_D_TOO_LARGE, 1, 1, "more than %u MiB",
		    MTG_MAX_INPUT / 1024 / 1024);
		return m;
	}
	if (*err != 0)
		return NULL;
	m = notes_model_meta(path, data, len, meta, d);
	free(data);
	return m;
}
