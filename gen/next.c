/*
 * next.c -- minutes next: the notes skeleton of the next meeting of a
 * series, and its agenda as HTML and ODT.
 *
 * The skeleton carries the series forward: the title pattern, group,
 * time, location, chairs and people of the latest meeting; the date from
 * a "Next call:" line of its notes, --date, or the series' usual interval;
 * the standing agenda items (those of the latest meeting that an earlier
 * one had too); and a review table of every open action with its id,
 * owners and due date and an empty Status column, so that the next build
 * closes what the call closed.  Nothing is ever written over an existing
 * file without --force.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "build.h"
#include "dates.h"
#include "next.h"
#include "notes.h"
#include "series.h"

/* The gap between two meetings when the series has only one. */
#define NEXT_DEFAULT_DAYS	14

/* Days from a to b. */
static int
days_between(const struct date *a, const struct date *b)
{
	struct date t = *a;
	int n = 0;

	while (date_cmp(&t, b) < 0 && n < 3660) {
		date_add_days(&t, 1);
		n++;
	}
	return n;
}

/*
 * The series' usual interval in days: the most frequent gap between
 * consecutive dated meetings, the latest such gap on a tie.
 */
static int
usual_interval(const struct series *s)
{
	int gaps[64], counts[64], ng = 0, best = -1, k, g;
	struct date prev, cur;
	int have = 0;
	size_t i;

	for (i = 0; i < s->nmt; i++) {
		if (s->mt[i].m->date == NULL ||
		    date_parse(s->mt[i].m->date, &cur) == -1)
			continue;
		if (have && (g = days_between(&prev, &cur)) > 0) {
			for (k = 0; k < ng && gaps[k] != g; k++)
				continue;
			if (k == ng && ng < 64) {
				gaps[ng] = g;
				counts[ng++] = 0;
			}
			if (k < ng) {
				counts[k]++;
				/* The latest gap wins a tie. */
				if (best < 0 || counts[k] >= counts[best])
					best = k;
			}
		}
		prev = cur;
		have = 1;
	}
	return best >= 0 ? gaps[best] : NEXT_DEFAULT_DAYS;
}

/* "14:00 UTC" in text: the first HH:MM and a zone word after it. */
static char *
find_time(const char *t)
{
	const char *p;
	size_t n;

	for (p = t; *p != '\0'; p++) {
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])
		    || p[2] != ':' || !isdigit((unsigned char)p[3]) ||
		    !isdigit((unsigned char)p[4]))
			continue;
		n = 5;
		if (strncmp(p + 5, " UTC", 4) == 0 ||
		    strncmp(p + 5, " GMT", 4) == 0)
			n = 9;
		return xstrndup(p, n);
	}
	return NULL;
}

/*
 * A "Next call: Thursday 3 August 2017, 14:00 UTC" line of the notes
 * (also "Next meeting:", "Next plenary call:"): sets *d (after the
 * meeting's date) and *time (or leaves it).  Returns 0 when found.
 */
static int
next_line(const struct meeting *m, const struct date *after, struct date *d,
    char **time)
{
	const struct node *n;
	int found = -1;

	for (n = m->body; n != NULL && found == -1;
	    n = node_walk_next(m->body, n)) {
		char *t, *p, *colon, *label, *comma;
		struct date x;

		if (n->type != MTG_N_PARAGRAPH)
			continue;
		t = node_text(n);
		p = t + strspn(t, " *_-");
		colon = strchr(p, ':');
		if (strncasecmp(p, "next ", 5) != 0 || colon == NULL ||
		    colon - p > 40) {
			free(t);
			continue;
		}
		label = xstrndup(p, (size_t)(colon - p));
		if (strcasestr(label, "call") != NULL ||
		    strcasestr(label, "meeting") != NULL) {
			p = colon + 1;
			if (date_find(p, &x) == -1) {
				if ((comma = strchr(p, ',')) != NULL)
					*comma = '\0';
				if (date_resolve_due(str_trim(p), after,
				    &x) == -1)
					x.y = 0;
				if (comma != NULL)
					*comma = ',';
			}
			if (x.y != 0 && date_cmp(&x, after) > 0) {
				*d = x;
				free(*time);
				if ((*time = find_time(colon + 1)) == NULL &&
				    m->time != NULL)
					*time = xstrdup(m->time);
				found = 0;
			}
		}
		free(label);
		free(t);
	}
	return found;
}

/* The title of the next meeting: the latest title with its date in the
 * same spelling replaced, else "GROUP – D Month YYYY". */
static char *
next_title(const char *title, const char *group, const struct date *old,
    const struct date *new)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"
	};
	char from[3][40], to[3][40], *p;
	int k;

	snprintf(from[0], sizeof(from[0]), "%d %s %d", old->d,
	    months[old->m - 1], old->y);
	snprintf(to[0], sizeof(to[0]), "%d %s %d", new->d,
	    months[new->m - 1], new->y);
	snprintf(from[1], sizeof(from[1]), "%s %d, %d", months[old->m - 1],
	    old->d, old->y);
	snprintf(to[1], sizeof(to[1]), "%s %d, %d", months[new->m - 1],
	    new->d, new->y);
	date_format(old, from[2]);
	date_format(new, to[2]);
	for (k = 0; title != NULL && k < 3; k++)
		if ((p = strstr(title, from[k])) != NULL)
			return xasprintf("%.*s%s%s", (int)(p - title), title,
			    to[k], p + strlen(from[k]));
	return xasprintf("%s – %s", group, to[0]);
}

/* Appends s as a YAML double-quoted scalar. */
static void
yaml_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		if ((unsigned char)*s >= 0x20)
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
yaml_list(struct buf *b, const char *key, const struct strlist *l)
{
	size_t i;

	if (l->n == 0)
		return;
	buf_printf(b, "%s: [", key);
	for (i = 0; i < l->n; i++) {
		buf_puts(b, i > 0 ? ", " : "");
		yaml_str(b, l->v[i]);
	}
	buf_puts(b, "]\n");
}

/* Appends s as the text of a table cell: '|' escaped, breaks as spaces. */
static void
cell(struct buf *b, const char *s)
{
	buf_puts(b, " ");
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '|' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
	buf_puts(b, " |");
}

/* Whether an agenda title is the review of action items (written anew). */
static int
review_item(const char *t)
{
	return strcasestr(t, "action item") != NULL ||
	    strcasestr(t, "actions") != NULL;
}

/* Whether the latest meeting's agenda item t recurs in an earlier one. */
static int
standing(const struct series *s, size_t latest, const char *t)
{
	size_t i, j, common, nt, no;

	for (i = 0; i < latest; i++) {
		const struct meeting *m = s->mt[i].m;

		for (j = 0; j < m->nagenda; j++) {
			common = series_words_shared(t, m->agenda[j].title,
			    &nt, &no);
			if (common > 0 && common * 3 >= 2 * (nt < no ? nt : no))
				return 1;
		}
	}
	return 0;
}

/* The notes of the next meeting, as Markdown. */
static void
skeleton(const struct series *s, size_t latest, const char *iso,
    const char *title, const char *time, struct buf *b)
{
	const struct meeting *m = s->mt[latest].m;
	size_t i, j, n = 1;

	buf_puts(b, "---\ntitle: ");
	yaml_str(b, title);
	if (m->group != NULL) {
		buf_puts(b, "\ngroup: ");
		yaml_str(b, m->group);
	}
	buf_printf(b, "\ndate: %s\n", iso);
	if (time != NULL) {
		buf_puts(b, "time: ");
		yaml_str(b, time);
		buf_putc(b, '\n');
	}
	if (m->location != NULL) {
		buf_puts(b, "location: ");
		yaml_str(b, m->location);
		buf_putc(b, '\n');
	}
	yaml_list(b, "chairs", &m->chairs);
	if (m->npeople > 0) {
		buf_puts(b, "people:\n");
		for (i = 0; i < m->npeople; i++) {
			buf_puts(b, "  ");
			yaml_str(b, m->people[i].name);
			buf_puts(b, ": [");
			for (j = 0; j < m->people[i].aliases.n; j++) {
				buf_puts(b, j > 0 ? ", " : "");
				yaml_str(b, m->people[i].aliases.v[j]);
			}
			buf_puts(b, "]\n");
		}
	}
	buf_printf(b, "---\n\n# %s\n\n## Agenda\n\n", title);
	for (i = 0; i < m->nagenda; i++) {
		const char *t = m->agenda[i].title;

		if (review_item(t) || (latest > 0 && !standing(s, latest, t) &&
		    strcasecmp(t, "AOB") != 0))
			continue;
		/* The review follows the first standing item (roll call). */
		buf_printf(b, "%zu. %s\n", n++, t);
		if (n == 2)
			buf_printf(b, "%zu. Review of open action items\n", n++);
	}
	if (n == 1)
		buf_printf(b, "%zu. Review of open action items\n", n++);
	buf_puts(b, "\n## Review of open action items\n\n");
	buf_puts(b, "| ID | Action | Owner | Due | Status |\n");
	buf_puts(b, "|---|---|---|---|---|\n");
	for (i = 0; i < s->nact; i++) {
		const struct series_action *sa = &s->act[i];
		struct buf o = {0};

		if (!mtg_status_pending(sa->status))
			continue;
		buf_puts(b, "|");
		cell(b, sa->id);
		cell(b, sa->text);
		buf_put(&o, "", 0);
		for (j = 0; j < sa->owners.n; j++) {
			buf_puts(&o, j > 0 ? ", " : "");
			buf_puts(&o, sa->owners.v[j]);
		}
		cell(b, o.data);
		buf_free(&o);
		cell(b, sa->due != NULL ? sa->due : sa->due_text);
		cell(b, sa->status == MTG_IN_PROGRESS ? "In progress" : "");
		buf_putc(b, '\n');
	}
	buf_puts(b, "\n## AOB\n");
}

/* path with its ".md" (if any) replaced by suffix; caller frees. */
static char *
beside(const char *path, const char *suffix)
{
	size_t n = strlen(path);

	if (n > 3 && strcmp(path + n - 3, ".md") == 0)
		n -= 3;
	return xasprintf("%.*s%s", (int)n, path, suffix);
}

/* Writes data to path unless it exists (and !force); enum mtg_exit. */
static int
put_file(const char *path, const char *data, size_t len, int force)
{
	struct stat st;
	int err;

	if (!force && lstat(path, &st) == 0) {
		diag_error(path, 0, 0, "exists; not overwritten (use --force)");
		return MTG_EXIT_IO;
	}
	if ((err = file_write_atomic(path, data, len)) != 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(err));
		return MTG_EXIT_IO;
	}
	return MTG_EXIT_OK;
}

/* The agenda of the new notes, as HTML and ODT beside them. */
static int
put_agendas(const char *path, const char *notes, size_t len,
    const struct next_opts *no, const struct render_opts *ropts)
{
	static const char *const fmts[][2] = {
		{ "agenda", ".agenda.html" }, { "agenda-odt", ".agenda.odt" }
	};
	struct render_opts o = *ropts;
	struct diags d;
	struct meeting *m;
	struct buf out = {0};
	const struct format *f;
	char *file;
	int rc = MTG_EXIT_OK;
	size_t i;

	o.standalone = 1;
	diags_init(&d, path);
	m = notes_model(path, notes, len, &d);
	for (i = 0; i < 2 && rc == MTG_EXIT_OK; i++) {
		if ((f = format_find(fmts[i][0])) == NULL)
			continue;
		out.len = 0;
		file = beside(path, fmts[i][1]);
		if (f->render(m, &o, &out) == -1)
			rc = MTG_EXIT_IO;
		else
			rc = put_file(file, out.data ? out.data : "", out.len,
			    no->force);
		if (rc == MTG_EXIT_OK && no->verbosity > 0)
			fprintf(stderr, "minutes: wrote %s\n", file);
		free(file);
	}
	buf_free(&out);
	meeting_free(m);
	diags_free(&d);
	return rc;
}

int
next_run(const struct next_opts *no, char *const inputs[], size_t ninputs,
    const struct render_opts *ropts)
{
	struct strlist files = {0};
	struct series *s = series_new();
	struct meeting **ms = NULL;
	struct diags *ds = NULL;
	struct date last, when;
	struct buf notes = {0};
	struct stat st;
	char iso[16], *title = NULL, *time = NULL, *path = NULL, *slug, *dir;
	int rc = MTG_EXIT_OK, err;
	size_t i, nm = 0, latest;

	for (i = 0; i < ninputs; i++)
		if (build_collect(inputs[i], &files) == -1)
			rc = MTG_EXIT_IO;
	if (rc != MTG_EXIT_OK)
		goto out;
	ms = xcalloc(files.n + 1, sizeof(*ms));
	ds = xcalloc(files.n + 1, sizeof(*ds));
	for (i = 0; i < files.n; i++) {
		diags_init(&ds[nm], files.v[i]);
		ms[nm] = notes_load_meta(files.v[i], no->meta, &ds[nm], &err);
		if (ms[nm] == NULL) {
			diag_error(files.v[i], 0, 0, "%s", strerror(err));
			diags_free(&ds[nm]);
			rc = MTG_EXIT_IO;
			goto out;
		}
		build_print_diags(&ds[nm], -1);
		series_add(s, ms[nm], &ds[nm]);
		nm++;
	}
	series_order(s);
	series_build(s, NULL);
	for (latest = s->nmt; latest > 0; latest--)
		if (s->mt[latest - 1].m->date != NULL &&
		    date_parse(s->mt[latest - 1].m->date, &last) == 0)
			break;
	if (latest == 0) {
		diag_error(NULL, 0, 0, "next: no dated meeting to follow");
		rc = MTG_EXIT_INPUT;
		goto out;
	}
	latest--;
	time = s->mt[latest].m->time != NULL ?
	    xstrdup(s->mt[latest].m->time) : NULL;
	if (no->date != NULL)
		date_parse(no->date, &when);
	else if (next_line(s->mt[latest].m, &last, &when, &time) == -1) {
		when = last;
		date_add_days(&when, usual_interval(s));
	}
	date_format(&when, iso);
	title = next_title(s->mt[latest].m->title, series_group(s), &last,
	    &when);
	skeleton(s, latest, iso, title, time, &notes);
	if (no->output != NULL)
		path = xstrdup(no->output);
	else {
		dir = stat(inputs[0], &st) == 0 && S_ISDIR(st.st_mode) ?
		    xstrdup(inputs[0]) : NULL;
		if (dir == NULL) {
			const char *sl = strrchr(inputs[0], '/');

			dir = sl != NULL ? xstrndup(inputs[0],
			    (size_t)(sl - inputs[0])) : xstrdup(".");
		}
		slug = build_slug(iso, title);
		path = xasprintf("%s/%s.md", dir, slug);
		free(slug);
		free(dir);
	}
	if ((rc = put_file(path, notes.data, notes.len, no->force)) !=
	    MTG_EXIT_OK)
		goto out;
	/* The agendas are made from the new notes alone: the series and the
	 * meetings it was made from are not held meanwhile. */
	series_free(s);
	s = NULL;
	for (i = 0; i < nm; i++) {
		meeting_free(ms[i]);
		diags_free(&ds[i]);
	}
	nm = 0;
	rc = put_agendas(path, notes.data, notes.len, no, ropts);
	if (rc == MTG_EXIT_OK && no->verbosity >= 0)
		fprintf(stderr, "minutes: %s: the next meeting, %s\n", path,
		    iso);
out:
	for (i = 0; i < nm; i++) {
		meeting_free(ms[i]);
		diags_free(&ds[i]);
	}
	free(ms);
	free(ds);
	series_free(s);
	strlist_free(&files);
	buf_free(&notes);
	free(title);
	free(time);
	free(path);
	return rc;
}
