/*
 * build.c -- every artefact of every meeting into an output folder.
 *
 * Nothing is written outside outdir: folder names come from build_slug(),
 * which keeps only [a-z0-9-], and every file is written to a temporary name
 * in its folder and renamed into place.  A build holds an exclusive lock on
 * outdir/.minutes.lock, so two builds into one folder run one after the
 * other, and a build may remove the temporaries a killed one left behind.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "notes.h"

#define SLUG_MAX 64

char *
build_slug(const char *date, const char *title)
{
	struct buf b = {0};
	const char *p;
	size_t start;
	int dash = 0;

	buf_puts(&b, date != NULL ? date : "undated");
	start = b.len;
	for (p = title ? title : ""; *p != '\0' && b.len - start < SLUG_MAX;
	    p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash || b.len == start)
				buf_putc(&b, '-');
			buf_putc(&b, c);
			dash = 0;
		} else
			dash = 1;
	}
	/* A date-only slug repeats nothing; keep it as it is. */
	return buf_detach(&b);
}

int
build_status(const struct diags *d, int strict)
{
	int worst = diags_worst(d);

	if (worst == MTG_ERROR || (strict && worst == MTG_WARNING))
		return MTG_EXIT_INPUT;
	return MTG_EXIT_OK;
}

static int
mkdir_one(const char *path)
{
	if (mkdir(path, 0755) == -1 && errno != EEXIST) {
		diag_error(path, 0, 0, "cannot create folder: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds path, or the *.md files of folder path in name order, to files. */
static int
collect(const char *path, struct strlist *files)
{
	struct stat st;
	struct dirent *e;
	DIR *dir;
	size_t first = files->n, len;

	if (stat(path, &st) == -1) {
		diag_error(path, 0, 0, "%s", strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		strlist_add(files, path);
		return 0;
	}
	if ((dir = opendir(path)) == NULL) {
		diag_error(path, 0, 0, "%s", strerror(errno));
		return -1;
	}
	while ((e = readdir(dir)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		files->v = xgrow(files->v, &files->cap, files->n + 1,
		    sizeof(*files->v));
		files->v[files->n++] = xasprintf("%s/%s", path, e->d_name);
	}
	closedir(dir);
	qsort(files->v + first, files->n - first, sizeof(*files->v),
	    name_cmp);
	return 0;
}

/* Whether file is NAME.tmp.* for a NAME of names (NULL-terminated). */
static int
stale_name(const char *file, const char *const *names)
{
	size_t len;

	for (; *names != NULL; names++) {
		len = strlen(*names);
		if (strncmp(file, *names, len) == 0 &&
		    strncmp(file + len, ".tmp.", 5) == 0)
			return 1;
	}
	return 0;
}

/*
 * Removes dir/NAME.tmp.* for each NAME of names: the temporary files of a
 * build that was killed.  One pass over the folder for all the names.
 */
static void
remove_stale(const char *dir, const char *const *names)
{
	struct dirent *e;
	DIR *d;
	char *path;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (!stale_name(e->d_name, names))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
}

/*
 * Takes the build lock of outdir, waiting for another build to finish.
 * Returns the descriptor holding it, or -1 after printing an error.
 */
static int
lock_outdir(const char *outdir)
{
	char *path = xasprintf("%s/.minutes.lock", outdir);
	int fd;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd == -1) {
		diag_error(path, 0, 0, "cannot lock: %s", strerror(errno));
		free(path);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		fprintf(stderr, "minutes: %s: waiting for another build\n",
		    outdir);
		while (flock(fd, LOCK_EX) == -1) {
			if (errno != EINTR) {
				diag_error(path, 0, 0, "cannot lock: %s",
				    strerror(errno));
				close(fd);
				free(path);
				return -1;
			}
		}
	}
	free(path);
	return fd;
}

/*
 * Renders one meeting into its folder; returns an enum mtg_exit.  The
 * artefacts are written to temporary files and put in place together
 * when the meeting is done (or when a format fails, those before it).
 */
static int
build_one(const char *outdir, const struct meeting *m,
    const struct render_opts *opts, struct strmap *used)
{
	const struct format *f;
	const char **names;
	struct file_set set = {0};
	struct buf out = {0};
	char *slug, *dir = NULL, *path, *failed;
	int rc = MTG_EXIT_IO, n, err;
	size_t i;

	slug = build_slug(m->date, m->title);
	for (n = 2; strmap_get(used, slug, strlen(slug), 0) != NULL; n++) {
		char *again = xasprintf("%s-%d", slug, n);

		free(slug);
		slug = again;
	}
	strmap_get(used, slug, strlen(slug), 1);
	dir = xasprintf("%s/%s", outdir, slug);
	if (mkdir_one(dir) == -1)
		goto out;
	for (i = 0; formats[i].name != NULL; i++)
		continue;
	names = xcalloc(i + 1, sizeof(*names));
	for (i = 0; formats[i].name != NULL; i++)
		names[i] = formats[i].filename;
	remove_stale(dir, names);
	free(names);
	for (f = formats; f->name != NULL; f++) {
		out.len = 0;
		if (f->render(m, opts, &out) == -1)
			goto out;
		path = xasprintf("%s/%s", dir, f->filename);
		err = file_set_add(&set, path, out.data ? out.data : "",
		    out.len);
		if (err != 0) {
			diag_error(path, 0, 0, "cannot write: %s",
			    strerror(err));
			free(path);
			goto out;
		}
		free(path);
	}
	rc = MTG_EXIT_OK;
out:
	if ((err = file_set_commit(&set, &failed)) != 0) {
		diag_error(failed, 0, 0, "cannot write: %s", strerror(err));
		rc = MTG_EXIT_IO;
	}
	free(failed);
	render_cache_end_meeting(opts->cache);
	buf_free(&out);
	free(dir);
	free(slug);
	return rc;
}

/* Writes outdir/style.css from the HTML templates. */
static int
build_style(const char *outdir, const struct render_opts *opts)
{
	char *css, *path;
	size_t len;
	int err;

	if (format_find("html") == NULL)
		return MTG_EXIT_OK;
	if (template_read(opts, "html/style.css", &css, &len) == -1)
		return MTG_EXIT_IO;
	remove_stale(outdir, (const char *const []){ "style.css", NULL });
	path = xasprintf("%s/style.css", outdir);
	err = file_write_atomic(path, css, len);
	if (err != 0)
		diag_error(path, 0, 0, "cannot write: %s", strerror(err));
	free(path);
	free(css);
	return err != 0 ? MTG_EXIT_IO : MTG_EXIT_OK;
}

int
build_run(const char *outdir, char *const inputs[], size_t ninputs,
    const struct render_opts *opts, int strict)
{
	struct strlist files = {0};
	struct strmap used = {0};		/* folder names taken */
	struct render_opts o = *opts;
	int rc = MTG_EXIT_OK, one, err, lock = -1;
	size_t i;

	o.standalone = 0;
	o.cache = render_cache_new();
	for (i = 0; i < ninputs; i++)
		if (collect(inputs[i], &files) == -1)
			rc = MTG_EXIT_IO;
	if (mkdir_one(outdir) == -1 || (lock = lock_outdir(outdir)) == -1) {
		rc = MTG_EXIT_IO;
		goto out;
	}
	for (i = 0; i < files.n; i++) {
		struct diags d;
		struct meeting *m;

		diags_init(&d, files.v[i]);
		m = notes_load(files.v[i], &d, &err);
		if (m == NULL) {
			diag_error(files.v[i], 0, 0, "%s", strerror(err));
			rc = MTG_EXIT_IO;
			diags_free(&d);
			continue;
		}
		diags_print(&d, stderr);
		one = build_status(&d, strict);
		if (one > rc)
			rc = one;
		one = build_one(outdir, m, &o, &used);
		if (one > rc)
			rc = one;
		meeting_free(m);
		diags_free(&d);
	}
	one = build_style(outdir, &o);
	if (one > rc)
		rc = one;
out:
	if (lock != -1)
		close(lock);
	render_cache_free(o.cache);
	strlist_free(&files);
	strmap_free(&used);
	return rc;
}
