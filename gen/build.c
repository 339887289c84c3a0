/*
 * build.c -- every artefact of every meeting into an output folder.
 *
 * Nothing is written outside outdir: folder names come from build_slug(),
 * which keeps only [a-z0-9-], and every file is written to a temporary name
 * in its folder and renamed into place.  A build holds an exclusive lock on
 * the output root, so two builds into one folder run one after the other,
 * and a build may remove the temporaries a killed one left behind.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
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

void
build_print_diags(const struct diags *d, int verbosity)
{
	struct diags errs;
	size_t i;

	if (verbosity >= 0) {
		diags_print(d, stderr);
		return;
	}
	errs = *d;
	errs.v = xcalloc(d->n + 1, sizeof(*errs.v));
	for (i = errs.n = 0; i < d->n; i++)
		if (diag_level(d->v[i].id) == MTG_ERROR)
			errs.v[errs.n++] = d->v[i];
	diags_print(&errs, stderr);
	free(errs.v);
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
		    strcmp(e->d_name + len - 3, ".md") != 0 ||
		    !file_walk_regular(path, e->d_name))
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
 * Removes NAME.tmp.* for each NAME of names (NULL-terminated) in the open
 * folder dir: the temporary files of a build that was killed.  One pass
 * over the folder for all the names; nothing is followed.
 */
static void
remove_stale(int dir, const char *const *names)
{
	struct dirent *e;
	DIR *d;
	int fd;

	if ((fd = dup(dir)) == -1)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (stale_name(e->d_name, names))
			unlinkat(dir, e->d_name, 0);
	closedir(d);
}

/* The message for a failed write: a link in the way is named as one. */
static const char *
write_error(int err)
{
	return err == ELOOP ? "a symbolic link stands there; not followed" :
	    file_strerror(err);
}

/*
 * Creates (if need be) and opens the folder name under the open folder
 * root, never through a symbolic link: a link, or anything but a folder,
 * where the folder should be is an error.  path names it in messages.
 * Returns the descriptor, or -1 after printing an error.
 */
static int
open_folder(int root, const char *name, const char *path)
{
	struct stat st;
	int fd;

	if (mkdirat(root, name, 0755) == -1 && errno != EEXIST) {
		diag_error(path, 0, 0, "cannot create folder: %s",
		    strerror(errno));
		return -1;
	}
	fd = openat(root, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1) {
		if (fstatat(root, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISLNK(st.st_mode))
			diag_error(path, 0, 0, "cannot create folder: a "
			    "symbolic link stands there; not followed");
		else
			diag_error(path, 0, 0, "cannot create folder: %s",
			    strerror(errno));
		return -1;
	}
	return fd;
}

/*
 * Takes the build lock of the output root: an exclusive flock(2) on the
 * folder itself, so that no lock file lives in the published tree; a
 * build waits for another one to finish.  A lock file an older version
 * left behind is removed (one that is a link or not a file is an error).
 * Returns 0, or -1 after printing an error.
 */
static int
lock_outdir(const char *outdir, int fd)
{
	struct stat st;

	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK) {
			diag_error(outdir, 0, 0, "cannot lock: %s",
			    strerror(errno));
			return -1;
		}
		fprintf(stderr, "minutes: %s: waiting for another build\n",
		    outdir);
		while (flock(fd, LOCK_EX) == -1) {
			if (errno != EINTR) {
				diag_error(outdir, 0, 0, "cannot lock: %s",
				    strerror(errno));
				return -1;
			}
		}
	}
	if (fstatat(fd, ".minutes.lock", &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (!S_ISREG(st.st_mode)) {
			diag_error(outdir, 0, 0, "cannot lock: .minutes.lock "
			    "is not a regular file; not followed");
			return -1;
		}
		unlinkat(fd, ".minutes.lock", 0);
	}
	return 0;
}

/* One meeting of a build, from reading to rendering. */
struct build_meeting {
	struct meeting	*m;
	struct diags	 d;
	char		*folder;	/* its folder under the output root */
};

/* What a build did, for the summary line. */
struct build_stats {
	size_t		 meetings;
	size_t		 files;		/* artefacts written */
	size_t		 open;		/* open action items */
	size_t		 warnings;
	size_t		 errors;	/* in the notes, and failures */
	struct timespec	 start;
};

/*
 * Renders one meeting into its folder; returns an enum mtg_exit.  The
 * artefacts are written to temporary files and put in place together
 * when the meeting is done (or when a format fails, those before it).
 */
static int
build_one(const struct build_opts *bo, int root,
    const struct build_meeting *bm, const struct render_opts *opts,
    struct build_stats *stats, const struct file_ids *inputs)
{
	const struct format *f;
	const char **names;
	struct file_set set = {0};
	struct buf out = {0};
	struct render_opts o = *opts;
	char *dir = NULL, *failed, *url = NULL;
	int rc = MTG_EXIT_IO, err, dfd;
	size_t i, n;

	oom_context(bm->m->source);
	dir = xasprintf("%s/%s", bo->outdir, bm->folder);
	if ((dfd = open_folder(root, bm->folder, dir)) == -1)
		goto out;
	if (bo->base_url != NULL) {
		n = strlen(bo->base_url);
		url = xasprintf("%s%s%s/", bo->base_url,
		    n > 0 && bo->base_url[n - 1] == '/' ? "" : "/",
		    bm->folder);
		o.base_url = url;
	}
	for (i = 0; formats[i].name != NULL; i++)
		continue;
	names = xcalloc(i + 1, sizeof(*names));
	for (i = 0; formats[i].name != NULL; i++)
		names[i] = formats[i].filename;
	remove_stale(dfd, names);
	free(names);
	for (f = formats; f->name != NULL; f++) {
		out.len = 0;
		if (f->render(bm->m, &o, &out) == -1)
			goto out;
		err = file_ids_has_at(inputs, dfd, f->filename) ? FILE_ESAME :
		    file_set_addat(&set, dfd, dir, f->filename,
		    out.data ? out.data : "", out.len);
		if (err != 0) {
			diag_error(dir, 0, 0, "cannot write %s: %s",
			    f->filename, write_error(err));
			goto out;
		}
	}
	rc = MTG_EXIT_OK;
out:
	n = set.n;
	if ((err = file_set_commit(&set, &failed)) != 0) {
		diag_error(failed, 0, 0, "cannot write: %s", write_error(err));
		rc = MTG_EXIT_IO;
	} else {
		stats->files += n;
		if (bo->verbosity > 0)
			fprintf(stderr, "minutes: wrote %s/ (%zu files)\n",
			    dir, n);
	}
	free(failed);
	if (dfd != -1)
		close(dfd);
	render_cache_end_meeting(opts->cache);
	buf_free(&out);
	free(url);
	free(dir);
	return rc;
}

/* Writes outdir/style.css from the HTML templates. */
static int
build_style(const struct build_opts *bo, int root,
    const struct render_opts *opts, struct build_stats *stats)
{
	struct file_set set = {0};
	char *css, *failed = NULL;
	size_t len;
	int err;

	if (format_find("html") == NULL)
		return MTG_EXIT_OK;
	if (template_read(opts, "html/style.css", &css, &len) == -1)
		return MTG_EXIT_IO;
	remove_stale(root, (const char *const []){ "style.css", NULL });
	err = file_set_addat(&set, root, bo->outdir, "style.css", css, len);
	if (err == 0)
		err = file_set_commit(&set, &failed);
	if (err != 0)
		diag_error(bo->outdir, 0, 0, "cannot write style.css: %s",
		    write_error(err));
	else {
		stats->files++;
		if (bo->verbosity > 0)
			fprintf(stderr, "minutes: wrote %s/style.css\n",
			    bo->outdir);
	}
	free(failed);
	free(css);
	return err != 0 ? MTG_EXIT_IO : MTG_EXIT_OK;
}

/*
 * Gives each meeting its folder: its slug, or for the second and later
 * meetings of one slug "<slug>-2", "<slug>-3"... (a plain counter: a name
 * never grows beyond its slug and one number).
 */
static void
build_folders(struct build_meeting *v, size_t n)
{
	struct strmap used = {0};
	char *slug, *name;
	size_t i, k;

	for (i = 0; i < n; i++) {
		slug = build_slug(v[i].m->date, v[i].m->title);
		name = xstrdup(slug);
		for (k = 2; strmap_get(&used, name, strlen(name), 0) != NULL;
		    k++) {
			free(name);
			name = xasprintf("%s-%zu", slug, k);
		}
		strmap_get(&used, name, strlen(name), 1);
		v[i].folder = name;
		free(slug);
	}
	strmap_free(&used);
}

static void
count_diags(const struct diags *d, struct build_stats *stats)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (diag_level(d->v[i].id) == MTG_ERROR)
			stats->errors++;
		else if (diag_level(d->v[i].id) == MTG_WARNING)
			stats->warnings++;
	}
}

static void
print_summary(const struct build_opts *bo, const struct build_stats *s)
{
	struct timespec now;
	double secs;

	clock_gettime(CLOCK_MONOTONIC, &now);
	secs = (double)(now.tv_sec - s->start.tv_sec) +
	    (double)(now.tv_nsec - s->start.tv_nsec) / 1e9;
	fprintf(stderr, "minutes: %s: %zu meeting%s, %zu file%s, %zu action%s "
	    "open, %zu warning%s, %zu error%s, %.2f s\n", bo->outdir,
	    s->meetings, s->meetings == 1 ? "" : "s",
	    s->files, s->files == 1 ? "" : "s",
	    s->open, s->open == 1 ? "" : "s",
	    s->warnings, s->warnings == 1 ? "" : "s",
	    s->errors, s->errors == 1 ? "" : "s", secs);
}

/*
 * Reads every notes file into v (one entry per file read), printing the
 * diagnostics of each.  Returns the worst enum mtg_exit: MTG_EXIT_IO when
 * a file could not be read.
 */
static int
build_read(const struct build_opts *bo, const struct strlist *files,
    struct build_meeting *v, size_t *nv, struct build_stats *stats)
{
	int rc = MTG_EXIT_OK, one, err;
	size_t i;

	*nv = 0;
	for (i = 0; i < files->n; i++) {
		struct build_meeting *bm = &v[*nv];

		diags_init(&bm->d, files->v[i]);
		bm->m = notes_load_meta(files->v[i], bo->meta, &bm->d, &err);
		if (bm->m == NULL) {
			diag_error(files->v[i], 0, 0, "%s", strerror(err));
			diags_free(&bm->d);
			stats->errors++;
			rc = MTG_EXIT_IO;
			continue;
		}
		if (bo->verbosity > 0)
			fprintf(stderr, "minutes: read %s\n", files->v[i]);
		build_print_diags(&bm->d, bo->verbosity);
		count_diags(&bm->d, stats);
		one = build_status(&bm->d, bo->strict);
		if (one > rc)
			rc = one;
		(*nv)++;
	}
	return rc;
}

/*
 * The passes of a build, in order: collect the notes files; read every
 * meeting (nothing is created when one cannot be read); give each its
 * folder; render each meeting; write the artefacts of the output root.
 */
int
build_run(const struct build_opts *bo, char *const inputs[], size_t ninputs,
    const struct render_opts *opts)
{
	struct strlist files = {0};
	struct build_meeting *v = NULL;
	struct build_stats stats;
	struct file_ids ids = {0};	/* inputs: never written over */
	struct render_opts o = *opts;
	int rc = MTG_EXIT_OK, one, root = -1;
	size_t i, j, n = 0;

	memset(&stats, 0, sizeof(stats));
	clock_gettime(CLOCK_MONOTONIC, &stats.start);
	o.cache = render_cache_new();
	for (i = 0; i < ninputs; i++)
		if (collect(inputs[i], &files) == -1)
			rc = MTG_EXIT_IO;
	if (rc != MTG_EXIT_OK)
		goto out;

	for (i = 0; i < files.n; i++)
		file_ids_add(&ids, files.v[i]);
	file_ids_add(&ids, opts->reference_odt);
	file_ids_add(&ids, opts->reference_odp);
	v = xcalloc(files.n + 1, sizeof(*v));
	rc = build_read(bo, &files, v, &n, &stats);
	if (rc == MTG_EXIT_IO)
		goto out;
	build_folders(v, n);

	if (mkdir_one(bo->outdir) == -1) {
		rc = MTG_EXIT_IO;
		goto out;
	}
	root = open(bo->outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root == -1) {
		diag_error(bo->outdir, 0, 0, "%s", strerror(errno));
		rc = MTG_EXIT_IO;
		goto out;
	}
	if (lock_outdir(bo->outdir, root) == -1) {
		rc = MTG_EXIT_IO;
		goto out;
	}
	for (i = 0; i < n; i++) {
		one = build_one(bo, root, &v[i], &o, &stats, &ids);
		if (one > rc)
			rc = one;
		if (one == MTG_EXIT_IO)
			stats.errors++;
		stats.meetings++;
		for (j = 0; j < v[i].m->nactions; j++)
			if (v[i].m->actions[j].status == MTG_OPEN)
				stats.open++;
	}
	one = build_style(bo, root, &o, &stats);
	if (one > rc)
		rc = one;
	if (one == MTG_EXIT_IO)
		stats.errors++;
	if (bo->verbosity >= 0)
		print_summary(bo, &stats);
out:
	if (root != -1)
		close(root);
	for (i = 0; i < n; i++) {
		meeting_free(v[i].m);
		diags_free(&v[i].d);
		free(v[i].folder);
	}
	free(v);
	render_cache_free(o.cache);
	strlist_free(&files);
	file_ids_free(&ids);
	return rc;
}
