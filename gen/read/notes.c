/*
 * notes.c -- the pipeline of one notes file: parse, split into meetings
 * (split.c), then extract and validate each meeting.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "extract.h"
#include "notes.h"
#include "parse.h"
#include "split.h"
#include "validate.h"

/* Appends m to out. */
static void
meetings_add(struct meetings *out, struct meeting *m)
{
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	out->v[out->n++] = m;
}

/* Extracts and validates m, then appends it to out. */
static void
meetings_model(struct meetings *out, struct meeting *m, struct diags *d)
{
	extract_meeting(m, d);
	validate_meeting(m, d);
	meetings_add(out, m);
}

void
notes_meetings(const char *source, const char *data, size_t len,
    const struct strlist *meta, struct diags *d, struct meetings *out)
{
	struct meeting *whole = meeting_new(source), **v;
	size_t n, i;

	memset(out, 0, sizeof(*out));
	if (parse_notes(whole, data, len, d) != 0) {
		meetings_add(out, whole);	/* nothing to parse */
		return;
	}
	notes_apply_meta(whole, meta, NULL);
	if ((n = split_meetings(whole, d, &v)) == 0) {
		meetings_model(out, whole, d);
		return;
	}
	for (i = 0; i < n; i++)
		meetings_model(out, v[i], d);
	free(v);
	meeting_free(whole);
}

int
notes_load_meetings(const char *path, const struct strlist *meta,
    struct diags *d, struct meetings *out)
{
	struct meeting *m;
	char *data;
	size_t len;
	int err;

	memset(out, 0, sizeof(*out));
	oom_context(path);
	err = file_read_max(path, MTG_MAX_INPUT, &data, &len);
	if (err == EFBIG) {
		m = meeting_new(path);
		m->body = node_new(MTG_N_DOCUMENT, 1, 1);
		notes_apply_meta(m, meta, NULL);
		diag_add(d, MTG_D_TOO_LARGE, 1, 1, "more than %u MiB",
		    MTG_MAX_INPUT / 1024 / 1024);
		meetings_add(out, m);
		return 0;
	}
	if (err != 0)
		return err;
	notes_meetings(path, data, len, meta, d, out);
	free(data);
	return 0;
}

void
meetings_free(struct meetings *ms)
{
	size_t i;

	for (i = 0; i < ms->n; i++)
		meeting_free(ms->v[i]);
	free(ms->v);
	memset(ms, 0, sizeof(*ms));
}

struct meeting *
meetings_pick(const struct meetings *ms, const char *date)
{
	struct date want, dt, bestdt = {0, 0, 0};
	struct meeting *best = NULL;
	size_t i;

	if (date != NULL && date_parse(date, &want) != 0)
		return NULL;
	for (i = 0; i < ms->n; i++) {
		if (ms->v[i]->date == NULL ||
		    date_parse(ms->v[i]->date, &dt) != 0) {
			if (date == NULL && best == NULL)
				best = ms->v[i];
			continue;
		}
		if (date != NULL) {
			if (date_cmp(&dt, &want) == 0)
				return ms->v[i];
		} else if (best == NULL || bestdt.y == 0 ||
		    date_cmp(&dt, &bestdt) > 0) {
			best = ms->v[i];
			bestdt = dt;
		}
	}
	return best;
}

/* Keeps the meeting meetings_pick() gives for NULL; frees the others. */
static struct meeting *
keep_one(struct meetings *ms)
{
	struct meeting *m = meetings_pick(ms, NULL);
	size_t i;

	for (i = 0; i < ms->n; i++)
		if (ms->v[i] == m)
			ms->v[i] = NULL;
	meetings_free(ms);
	return m;
}

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
	struct meetings ms;

	notes_meetings(source, data, len, meta, d, &ms);
	return keep_one(&ms);
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
	struct meetings ms;

	if ((*err = notes_load_meetings(path, meta, d, &ms)) != 0)
		return NULL;
	return keep_one(&ms);
}
