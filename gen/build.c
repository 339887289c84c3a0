/*
 * build.c -- every artefact of every meeting into an output folder.
 *
 * Nothing is written outside outdir: folder names come from
 * build_folder_name(), which keeps only [a-z0-9-], every folder and file
 * under outdir is opened from its descriptor without following a link,
 * and every file is written to a temporary name
 * in its folder and renamed into place.  A build holds an exclusive lock on
 * the output root, so two builds into one folder run one after the other,
 * and a build may remove the temporaries a killed one left behind.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <signal.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "cache.h"
#include "manifest.h"
#include "notes.h"
#include "series.h"

#define SLUG_MAX 64

char *
build_slug(const char *date, const char *title)
{
	struct buf b = {0};
	size_t len;

	buf_puts(&b, date != NULL ? date : "undated");
	/* The '-' counts within SLUG_MAX; a date-only slug stays as it is. */
	len = b.len;
	buf_putc(&b, '-');
	buf_put_slug(&b, title, SLUG_MAX - 1);
	if (b.len == len + 1)
		b.len = len;
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

	if (d->n == 0)
		return;
	if (verbosity > 0) {
		diags_print(d, stderr);
		return;
	}
	/* Quiet: errors only; default: all but the notes of -v. */
	errs = *d;
	errs.v = xcalloc(d->n + 1, sizeof(*errs.v));
	for (i = errs.n = 0; i < d->n; i++)
		if (diag_level(d->v[i].id) == MTG_ERROR || (verbosity == 0 &&
		    d->v[i].id != MTG_D_NOT_TAKEN))
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
		/* The folder says a name is a regular file (not a link):
		 * no lstat() of it. */
		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 3, ".md") != 0 ||
		    (e->d_type != DT_REG &&
		    !file_walk_regular(path, e->d_name)))
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

int
build_collect(const char *path, struct strlist *files)
{
	return collect(path, files);
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
	/* The copy shares the folder's offset, which an earlier pass left
	 * at the end. */
	rewinddir(d);
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
	const char	*source;	/* its notes file */
	const char	*heading;	/* a split file's heading of this
					   meeting, or NULL: the whole file */
	size_t		 part;		/* its place among its file's */
	struct cache_tree tree;		/* what its model still lacks, left
					   in the cache until it is rendered */
	char		*folder;	/* its folder under the output root */
	char		 notes[65];	/* the key of its notes' bytes */
	char		 series[65];	/* the key of what the series wrote
					   into it (key_series()) */
	char		 key[65];	/* what its artefacts are made from */
	char		 stamp[MANIFEST_STAMP];	/* its folder's, when this
					   build saw all its artefacts there
					   and left them, or "" */
	int		 render;	/* 1: rendered by this build */
	int		 rc;		/* enum mtg_exit of its rendering */
	size_t		 files;		/* files it wrote */
};

/* What a build did, for the summary line. */
struct build_stats {
	size_t		 meetings;
	size_t		 rendered;	/* meetings rendered, not kept */
	size_t		 removed;	/* folders of meetings gone */
	size_t		 files;		/* artefacts written */
	size_t		 open;		/* open action items */
	size_t		 warnings;
	size_t		 errors;	/* in the notes, and failures */
	struct timespec	 start;
	int		 progress;	/* a progress line is on the terminal */
};

/* A notes file a worker read ahead of the build's reading. */
struct ahead {
	char		 notes[65];	/* the key of the bytes it read, or
					   "": not read ahead */
	struct buf	 model;		/* cache_encode_model() of them, or
					   empty: the cache has their model */
	int		 decoded;	/* 1: model decoded into d and ms as
					   it arrived, -1: it does not decode */
	struct diags	 d;
	struct meetings	 ms;
};

/* The state of one build, shared by its passes. */
struct build {
	const struct build_opts *bo;
	struct render_opts	 o;
	int			 root;	/* the output root, open */
	struct build_meeting	*v;
	size_t			 n;
	struct manifest		 old;	/* what the last build made */
	struct cache		*cache;	/* models and chapters kept */
	struct ahead		*ahead;	/* per notes file: parsed ahead by
					   a worker, or NULL */
	struct stat		*st;	/* per notes file: its stat(), */
	char			*st_ok;	/* when st_ok says it was taken */
	struct timespec		 now;	/* the clock when the build began */
	char			 model[65]; /* build_model_key() */
	char			 common[65]; /* build_common_key() */
	char			 pages[65]; /* build_series_keys(), or "" */
	char			 book[65];
	int			 cache_written; /* build_cache_write() ran */
	size_t			 parsed; /* notes files parsed, not cached */
	size_t			 unread; /* notes files not read: unchanged */
	struct strlist		 root_files; /* files made at the root */
	struct file_ids		 inputs; /* never written over */
	struct build_stats	 stats;
};

static double
elapsed(const struct build_stats *s)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - s->start.tv_sec) +
	    (double)(now.tv_nsec - s->start.tv_nsec) / 1e9;
}

/*
 * On a terminal, once a build has taken a second, one line that says how
 * far rendering is, rewritten in place; done == total clears it.
 */
static void
progress(struct build *b, size_t done, size_t total)
{
	static double last;
	double t;

	if (b->bo->verbosity < 0 || !isatty(STDERR_FILENO))
		return;
	if (done == total) {
		if (b->stats.progress)
			fputs("\r\033[K", stderr);
		b->stats.progress = 0;
		return;
	}
	t = elapsed(&b->stats);
	if (t < 1.0 || (b->stats.progress && t - last < 0.1))
		return;
	last = t;
	b->stats.progress = 1;
	fprintf(stderr, "\rminutes: rendering %zu of %zu meetings\033[K",
	    done, total);
}

/*
 * Meetings rendered but not yet in place: each one's artefacts written to
 * temporary files in its folder (kept open).  A batch is made durable
 * with one flush for all its meetings, then each meeting's files are
 * renamed into place together: every artefact is the complete old or the
 * complete new one at any moment.  A batch is as large as the open
 * folders allow (batch_max()).
 */
struct pending {
	size_t		 i;		/* the meeting, in b->v */
	int		 rc;		/* enum mtg_exit of its rendering */
	int		 dfd;		/* its folder, open */
	char		*dir;		/* its folder's path */
	struct file_set	 set;
};

struct batch {
	struct pending	*v;
	size_t		 n, max;
};

/* What became of one meeting (from a worker process, through a pipe):
 * meeting index, status, files. */
struct result {
	size_t	 i;
	int	 rc;
	size_t	 files;
};

/*
 * The meetings a batch holds: one open folder each, within the limit of
 * open files less a margin for the libraries, at most 512.
 */
static size_t
batch_max(void)
{
	struct rlimit rl;
	rlim_t n = 512;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		n = rl.rlim_cur > 64 ? (rl.rlim_cur - 64) / 2 : 1;
	return n < 1 ? 1 : n > 512 ? 512 : (size_t)n;
}

/*
 * Gives meeting bm what a model from the cache leaves undecoded until the
 * meeting is rendered (its sections, links and document tree).  When
 * those bytes do not decode, its notes are parsed again and used if they
 * are still the bytes it was read from.  Returns 0, or -1 (said) when
 * the meeting cannot be rendered.
 */
static int
build_tree(const struct build *b, struct build_meeting *bm)
{
	struct meeting *m, *to = bm->m;
	struct meetings ms = {0};
	struct diags d;
	struct key k;
	char *data = NULL, notes[65];
	size_t len;
	int ok = 0;

	if (bm->tree.data == NULL)
		return 0;
	if (cache_decode_tree(&bm->tree, to) == 0) {
		bm->tree.data = NULL;
		return 0;
	}
	bm->tree.data = NULL;
	diags_init(&d, bm->source);
	if (file_read_max(bm->source, MTG_MAX_INPUT, &data, &len) == 0) {
		key_init(&k);
		key_int(&k, (long)len);
		key_put(&k, data, len);
		key_hex(&k, notes);
		if (strcmp(notes, bm->notes) == 0) {
			oom_context(bm->source);
			notes_meetings(bm->source, data, len, b->bo->meta, &d,
			    &ms);
		}
	}
	/* The parsed meeting's part moves over, its arena with it. */
	if (bm->part < ms.n && (m = ms.v[bm->part])->nsections ==
	    bm->tree.nsections) {
		meeting_take_tree(to, m);
		ok = 1;
	}
	meetings_free(&ms);
	diags_free(&d);
	free(data);
	if (!ok)
		diag_error(bm->source, 0, 0, "not rendered: its notes changed "
		    "while the build ran");
	return ok ? 0 : -1;
}

static void	build_cache_write(struct build *);

/*
 * Once the series' artefacts are made, the cache has every record this
 * build looks up or puts: it is written then, and what this build put
 * into it (chapters, models) freed before the meetings are rendered.
 */
static void
build_cache_done(struct build *b, struct series *s)
{
	size_t i;

	build_cache_write(b);
	cache_release(b->cache);
	for (i = 0; i < s->nmt; i++) {
		s->mt[i].chapter = NULL;
		s->mt[i].chapter_len = 0;
	}
	s->appendices = NULL;
	s->appendices_len = 0;
}

/*
 * Renders one meeting into temporary files in its folder, as the next
 * entry of batch bt; returns an enum mtg_exit.  When a format fails, the
 * artefacts before it are still put in place with the batch.
 */
static int
build_one(const struct build *b, size_t idx, struct batch *bt)
{
	const struct build_opts *bo = b->bo;
	const struct build_meeting *bm = &b->v[idx];
	const struct format *f;
	const char **names;
	struct pending *p;
	struct render_opts o = b->o;
	char *url = NULL;
	int err;
	size_t i, n;

	p = &bt->v[bt->n++];
	memset(p, 0, sizeof(*p));
	p->i = idx;
	p->rc = MTG_EXIT_IO;
	oom_context(bm->m->source);
	p->dir = xasprintf("%s/%s", bo->outdir, bm->folder);
	if ((p->dfd = open_folder(b->root, bm->folder, p->dir)) == -1 ||
	    build_tree(b, &b->v[idx]) == -1)
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
	remove_stale(p->dfd, names);
	free(names);
	for (f = formats; f->name != NULL; f++) {
		struct render_job job = { f, bm->m, &o };
		struct made mk = { render_job_make, &job, 0, 0 };

		err = file_ids_has_at(&b->inputs, p->dfd, f->filename) ?
		    FILE_ESAME : file_set_addat_fn(&p->set, p->dfd, p->dir,
		    f->filename, made_into, &mk);
		if (mk.failed)
			goto out;
		if (err != 0) {
			diag_error(p->dir, 0, 0, "cannot write %s: %s",
			    f->filename, write_error(err));
			goto out;
		}
	}
	p->rc = MTG_EXIT_OK;
out:
	free(url);
	return p->rc;
}

/*
 * Syncs the folders of the meetings of bt that put files in place (whose
 * res[k].files > 0): one syncfs() per file system, which makes their
 * renames durable.  A meeting on a file system that fails it fails.
 */
static void
batch_sync_folders(struct batch *bt, struct result *res)
{
	struct stat st;
	dev_t *devs = xcalloc(bt->n + 1, sizeof(*devs));
	int *ok = xcalloc(bt->n + 1, sizeof(*ok));
	size_t k, d, ndevs = 0;

	for (k = 0; k < bt->n; k++) {
		if (res[k].files == 0 || fstat(bt->v[k].dfd, &st) == -1)
			continue;
		for (d = 0; d < ndevs && devs[d] != st.st_dev; d++)
			continue;
		if (d == ndevs) {
			devs[ndevs] = st.st_dev;
			ok[ndevs++] = syncfs(bt->v[k].dfd) == 0;
			if (!ok[d])
				diag_error(bt->v[k].dir, 0, 0, "cannot write: "
				    "%s", strerror(errno));
		}
		if (!ok[d]) {
			res[k].rc = MTG_EXIT_IO;
			res[k].files = 0;
		}
	}
	free(ok);
	free(devs);
}

/*
 * Puts the meetings of batch bt in place: one flush for all their files,
 * then each meeting's files renamed together, then one flush for the
 * folders.  Fills res[k] for each meeting of the batch; returns their
 * number and empties the batch.
 */
static size_t
batch_commit(const struct build *b, struct batch *bt, struct result *res)
{
	struct file_set **sets;
	struct pending *p;
	char *failed;
	size_t k, n;
	int err;

	sets = xcalloc(bt->n + 1, sizeof(*sets));
	for (k = 0; k < bt->n; k++)
		sets[k] = &bt->v[k].set;
	file_sets_sync(sets, bt->n);
	free(sets);
	for (k = 0; k < bt->n; k++) {
		p = &bt->v[k];
		n = p->set.n;
		res[k].i = p->i;
		res[k].rc = p->rc;
		res[k].files = 0;
		if ((err = file_set_commit(&p->set, &failed)) != 0) {
			diag_error(failed, 0, 0, "cannot write: %s",
			    write_error(err));
			res[k].rc = MTG_EXIT_IO;
		} else
			res[k].files = n;
		free(failed);
	}
	batch_sync_folders(bt, res);
	for (k = 0; k < bt->n; k++) {
		p = &bt->v[k];
		if (res[k].files > 0 && b->bo->verbosity > 0)
			fprintf(stderr, "minutes: wrote %s/ (%zu files)\n",
			    p->dir, res[k].files);
		if (p->dfd != -1)
			close(p->dfd);
		free(p->dir);
	}
	n = bt->n;
	bt->n = 0;
	return n;
}

/* The build's entry of the series' i-th meeting, or NULL. */
static struct build_meeting *
series_meeting(const struct build *b, const struct series *s, size_t i)
{
	size_t k;

	/* The series holds the meetings in the build's order. */
	if (i < b->n && b->v[i].m == s->mt[i].m)
		return &b->v[i];
	for (k = 0; k < b->n; k++)
		if (b->v[k].m == s->mt[i].m)
			return &b->v[k];
	return NULL;
}

/*
 * Gives each meeting of the series its archive.xml chapter: the one the
 * cache holds under the meeting's key (which names everything its
 * artefacts are made from), else rendered now and put in the cache.
 * Returns an enum mtg_exit: MTG_EXIT_IO when a meeting's model could not
 * be completed for it (said, see build_tree()).
 */
static int
build_chapters(struct build *b, struct series *s)
{
	struct buf out = {0};
	struct build_meeting *bm;
	size_t i, len;
	int rc = MTG_EXIT_OK;

	for (i = 0; i < s->nmt; i++) {
		if ((bm = series_meeting(b, s, i)) == NULL)
			continue;
		s->mt[i].chapter = cache_get_chapter(b->cache, bm->key, &len);
		if (s->mt[i].chapter == NULL && build_tree(b, bm) == -1) {
			/* Not made: the build fails, archive.xml with it. */
			s->mt[i].chapter = "";
			len = 0;
			rc = MTG_EXIT_IO;
		} else if (s->mt[i].chapter == NULL) {
			render_archive_chapter(s, i, &out);
			cache_put_chapter(b->cache, bm->key, &out);
			s->mt[i].chapter = cache_get_chapter(b->cache, bm->key,
			    &len);
		}
		s->mt[i].chapter_len = s->mt[i].chapter != NULL ? len : 0;
	}
	buf_free(&out);
	return rc;
}

static void	key_series(struct key *, const struct meeting *);

/* Whether name at the root is a regular file a build may keep. */
static int
root_present(const struct build *b, const char *name)
{
	struct stat st;

	return fstatat(b->root, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode) && !file_ids_has_at(&b->inputs, b->root, name);
}

/*
 * The keys of the series' artefacts, into b->pages and b->book: the
 * pages (series.json to attendance.html) read the series and what the
 * meetings say besides their document tree, under the options every
 * artefact is made with; archive.xml adds each meeting's chapter, whose
 * key is the meeting's own.
 */
static void
build_series_keys(struct build *b, const struct series *s)
{
	const struct build_meeting *bm;
	struct buf sum = {0};
	struct key k;
	size_t i;

	key_init(&k);
	key_str(&k, "pages");
	key_str(&k, b->common);
	key_int(&k, (long)s->nmt);
	for (i = 0; i < s->nmt; i++) {
		sum.len = 0;
		cache_encode_summary(&sum, s->mt[i].m);
		key_str(&k, s->mt[i].folder);
		key_int(&k, (long)sum.len);
		key_put(&k, sum.data, sum.len);
		/* What the series wrote into it, as its own key has it. */
		if ((bm = series_meeting(b, s, i)) != NULL)
			key_str(&k, bm->series);
		else
			key_series(&k, s->mt[i].m);
	}
	key_hex(&k, b->pages);
	buf_free(&sum);
	key_init(&k);
	key_str(&k, "book");
	key_str(&k, b->pages);
	for (i = 0; i < b->n; i++)
		key_str(&k, b->v[i].key);
	key_hex(&k, b->book);
}

/*
 * The appendices of archive.xml: from the cache under the key of the
 * pages (they read what the pages read), else rendered and put there.
 */
static void
build_appendices(struct build *b, struct series *s, const char *key)
{
	struct buf out = {0};

	s->appendices = cache_get_chapter(b->cache, key, &s->appendices_len);
	if (s->appendices != NULL)
		return;
	render_archive_appendices(s, &out);
	cache_put_chapter(b->cache, key, &out);
	s->appendices = cache_get_chapter(b->cache, key, &s->appendices_len);
}

/* The series' artefacts at the output root, in the order they are put in
 * place; series_names[SERIES_BOOK] is archive.xml. */
static const char *const series_names[] = {
	"series.json", "actions.csv", "actions.ics", "index.html",
	"actions.html", "decisions.html", "attendance.html", "archive.xml",
	NULL
};
#define SERIES_FILES	8
#define SERIES_BOOK	7

/* The series' artefacts made, not yet written. */
struct series_out {
	struct file_set	 set;		/* the artefacts made, in temporary
					 * files */
	int		 rc;			/* enum mtg_exit */
	int		 keep_pages, keep_book;	/* kept as they are */
};

/* One artefact of the series. */
struct series_file {
	size_t			 i;	/* its index in series_names */
	const struct series	*s;
	const struct render_opts *o;
	int			(*page)(const struct series *,
				    const struct render_opts *, struct buf *);
};

static int
series_file_make(void *arg, struct buf *out)
{
	const struct series_file *f = arg;

	if (f->i == 0) {
		series_json(f->s, out);
		return 0;
	}
	return f->page != NULL ? f->page(f->s, f->o, out) :
	    f->i == 1 ? render_series_csv(f->s, out) :
	    render_series_ics(f->s, out);
}

/*
 * Makes the series' artefacts into so: series.json, actions.csv,
 * actions.ics, the archive pages (index.html, actions.html,
 * decisions.html, attendance.html) and archive.xml.  The pages are kept
 * as they are when their key is the one the last build wrote them with,
 * and archive.xml likewise; what they are made from stays in the cache.
 * Reads the series only: it runs while the workers render the meetings.
 */
static void
build_series_make(struct build *b, struct series *s, struct series_out *so)
{
	static int (*const pages[])(const struct series *,
	    const struct render_opts *, struct buf *) = {
		NULL, NULL, NULL, render_archive_index,
		render_archive_actions, render_archive_decisions,
		render_archive_attendance, render_archive_xml
	};
	struct key k;
	char appendices[65];
	size_t i;

	memset(so, 0, sizeof(*so));
	so->rc = MTG_EXIT_OK;
	build_series_keys(b, s);
	key_init(&k);
	key_str(&k, "appendices");
	key_str(&k, b->pages);
	key_hex(&k, appendices);
	so->keep_pages = strcmp(b->old.pages, b->pages) == 0;
	for (i = 0; so->keep_pages && i < SERIES_BOOK; i++)
		so->keep_pages = root_present(b, series_names[i]);
	/* Kept only when the cache holds what it is made from, for the
	 * next build that needs them (a build that ran meanwhile may have
	 * written it). */
	so->keep_book = strcmp(b->old.book, b->book) == 0 &&
	    root_present(b, series_names[SERIES_BOOK]) &&
	    cache_has(b->cache, CACHE_CHAPTER, appendices);
	for (i = 0; so->keep_book && i < b->n; i++)
		so->keep_book = cache_has(b->cache, CACHE_CHAPTER, b->v[i].key);
	if (so->keep_book) {
		for (i = 0; i < b->n; i++)
			cache_keep(b->cache, CACHE_CHAPTER, b->v[i].key);
		cache_keep(b->cache, CACHE_CHAPTER, appendices);
	} else {
		so->rc = build_chapters(b, s);
		build_appendices(b, s, appendices);
	}
	remove_stale(b->root, series_names);
	for (i = 0; i < SERIES_FILES && so->rc == MTG_EXIT_OK; i++) {
		struct series_file f = { i, s, &b->o, pages[i] };
		struct made mk = { series_file_make, &f, 0, 0 };
		int err;

		if (i < SERIES_BOOK ? so->keep_pages : so->keep_book)
			continue;
		err = file_set_addat_fn(&so->set, b->root, b->bo->outdir,
		    series_names[i], made_into, &mk);
		if (mk.failed) {
			so->rc = MTG_EXIT_IO;
		} else if (err != 0) {
			diag_error(b->bo->outdir, 0, 0, "cannot write %s: %s",
			    series_names[i], write_error(err));
			so->rc = MTG_EXIT_IO;
		}
	}
}

/*
 * Writes what build_series_make() made at the output root, put in place
 * together.  Returns an enum mtg_exit; frees so's buffers.
 */
static int
build_series_write(struct build *b, struct series_out *so)
{
	char *failed = NULL;
	int rc = so->rc, err;
	size_t i, n;

	if (rc != MTG_EXIT_OK)
		file_set_abort(&so->set);
	n = so->set.n;
	if ((err = file_set_commit(&so->set, &failed)) != 0) {
		diag_error(failed, 0, 0, "cannot write: %s", write_error(err));
		rc = MTG_EXIT_IO;
	} else if (rc == MTG_EXIT_OK) {
		b->stats.files += n;
		for (i = 0; series_names[i] != NULL; i++)
			strlist_add_unique(&b->root_files, series_names[i]);
		if (b->bo->verbosity > 0)
			fprintf(stderr, "minutes: %s %s/series.json, actions.csv, "
			    "actions.ics and the archive pages; %s archive.xml\n",
			    so->keep_pages ? "kept" : "wrote", b->bo->outdir,
			    so->keep_book ? "kept" : "wrote");
	}
	if (rc != MTG_EXIT_OK)
		b->pages[0] = b->book[0] = '\0';
	free(failed);
	return rc;
}

/* Meetings in series order: by date, then time, then file name. */
static int
meeting_order(const void *a, const void *b)
{
	return series_meeting_cmp(((const struct build_meeting *)a)->m,
	    ((const struct build_meeting *)b)->m);
}

/* Writes outdir/style.css from the HTML templates. */
static int
build_style(struct build *b)
{
	struct file_set set = {0};
	char *css, *failed = NULL;
	size_t len;
	int err;

	if (format_find("html") == NULL)
		return MTG_EXIT_OK;
	if (template_read(&b->o, "html/style.css", &css, &len) == -1)
		return MTG_EXIT_IO;
	remove_stale(b->root, (const char *const []){ "style.css", NULL });
	err = file_set_addat(&set, b->root, b->bo->outdir, "style.css", css,
	    len);
	if (err == 0)
		err = file_set_commit(&set, &failed);
	if (err != 0)
		diag_error(b->bo->outdir, 0, 0, "cannot write style.css: %s",
		    write_error(err));
	else {
		b->stats.files++;
		strlist_add_unique(&b->root_files, "style.css");
		if (b->bo->verbosity > 0)
			fprintf(stderr, "minutes: wrote %s/style.css\n",
			    b->bo->outdir);
	}
	free(failed);
	free(css);
	return err != 0 ? MTG_EXIT_IO : MTG_EXIT_OK;
}

char *
build_folder_name(const char *date, const char *source, const char *heading)
{
	struct buf b = {0}, file = {0};
	const char *base = source != NULL ? strrchr(source, '/') : NULL;
	char *stem;
	size_t len;

	base = base != NULL ? base + 1 : (source != NULL ? source : "");
	len = strlen(base);
	if (len > 3 && strcasecmp(base + len - 3, ".md") == 0)
		len -= 3;
	stem = xstrndup(base, len);
	buf_put_slug(&file, stem, SLUG_MAX);
	free(stem);
	if (date == NULL)
		date = "undated";
	/* "2017-07-06-plenary.md" already says its date. */
	if (file.len > 0 && strncmp(file.data, date, strlen(date)) == 0)
		buf_put(&b, file.data, file.len);
	else {
		buf_puts(&b, date);
		if (file.len > 0) {
			buf_putc(&b, '-');
			buf_put(&b, file.data, file.len);
		}
	}
	if (heading != NULL && *heading != '\0') {
		len = b.len;
		buf_putc(&b, '-');
		buf_put_slug(&b, heading, SLUG_MAX / 2);
		if (b.len == len + 1)
			b.len = len;
	}
	buf_free(&file);
	return buf_detach(&b);
}

/*
 * Gives each meeting its folder, from its date and its own source (file
 * name, and heading for a meeting of a split file): nothing another file
 * of the build says.  Meetings whose names collide (one file name in two
 * input folders) each take a suffix from a hash of their own source path
 * and heading; the same file given twice takes a plain counter.
 */
static void
build_folders(struct build_meeting *v, size_t n)
{
	struct strmap seen = {0}, used = {0};
	struct strmap_e *e;
	struct key k;
	char hex[65], *name;
	size_t i, c;

	for (i = 0; i < n; i++) {
		v[i].folder = build_folder_name(v[i].m->date, v[i].source,
		    v[i].heading);
		strmap_get(&seen, v[i].folder, strlen(v[i].folder), 1)->count++;
	}
	for (i = 0; i < n; i++) {
		e = strmap_get(&seen, v[i].folder, strlen(v[i].folder), 0);
		if (e->count > 1) {
			key_init(&k);
			key_str(&k, v[i].source);
			key_str(&k, v[i].heading);
			key_hex(&k, hex);
			name = xasprintf("%s-%.8s", v[i].folder, hex);
			free(v[i].folder);
			v[i].folder = name;
		}
		for (c = 2; strmap_get(&used, v[i].folder,
		    strlen(v[i].folder), 0) != NULL; c++) {
			name = xasprintf("%s-%zu", v[i].folder, c);
			if (strmap_get(&used, name, strlen(name), 0) == NULL) {
				free(v[i].folder);
				v[i].folder = name;
				break;
			}
			free(name);
		}
		strmap_get(&used, v[i].folder, strlen(v[i].folder), 1);
	}
	strmap_free(&seen);
	strmap_free(&used);
}

/*
 * The key of everything every meeting's artefacts are made from besides
 * its notes: the program itself, the options that change an artefact,
 * the -M overrides, the templates and the reference documents.
 */
static void
build_common_key(const struct build *b, char hex[65])
{
	const struct render_opts *o = &b->o;
	struct key k;
	size_t i;

	key_init(&k);
	key_program(&k);
	key_int(&k, o->unsafe);
	key_int(&k, o->standalone);
	key_str(&k, o->as_of);
	key_str(&k, b->bo->base_url);
	for (i = 0; b->bo->meta != NULL && i < b->bo->meta->n; i++)
		key_str(&k, b->bo->meta->v[i]);
	key_str(&k, o->templates);
	if (o->templates != NULL)
		key_tree(&k, o->templates);
	key_str(&k, o->reference_odt);
	if (o->reference_odt != NULL)
		key_file(&k, o->reference_odt);
	key_str(&k, o->reference_odp);
	if (o->reference_odp != NULL)
		key_file(&k, o->reference_odp);
	key_hex(&k, hex);
}

/*
 * What the series wrote into a meeting (its actions' ids, where a
 * reviewed action was raised, what a bare id took from the earlier
 * meeting; its previous and next meetings): the part of its artefacts
 * that other meetings decide.
 */
static void
key_series(struct key *k, const struct meeting *m)
{
	size_t i, j;

	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		key_str(k, a->id);
		key_str(k, a->raised_in);
		key_str(k, a->raised_date);
		key_str(k, a->text);
		key_str(k, a->due);
		key_str(k, a->due_text);
		key_int(k, (int)a->status);
		for (j = 0; j < a->owners.n; j++)
			key_str(k, a->owners.v[j]);
	}
	/* Its minutes link the neighbours by folder, title and date. */
	key_int(k, m->archived);
	for (j = 0; j < 2; j++) {
		const struct meeting_ref *r = j == 0 ? m->prev : m->next;

		key_int(k, r != NULL);
		if (r != NULL) {
			key_str(k, r->folder);
			key_str(k, r->title);
			key_str(k, r->date);
		}
	}
}

/*
 * The key of one meeting's artefacts: the common key, its folder, its
 * source, its notes' bytes and what the series wrote into it (bm->series,
 * made here once for this key and the pages' one).  Whatever else a meeting's artefacts come
 * to read (other meetings of a series) must be added here.
 */
static void
build_meeting_key(const char *common, struct build_meeting *bm)
{
	struct key k;

	key_init(&k);
	key_series(&k, bm->m);
	key_hex(&k, bm->series);
	key_init(&k);
	key_str(&k, common);
	key_str(&k, bm->folder);
	key_str(&k, bm->source);
	key_str(&k, bm->heading);
	key_str(&k, bm->notes);
	key_str(&k, bm->series);
	key_hex(&k, bm->key);
}

static int
file_id_cmp(const void *a, const void *b)
{
	const struct file_id *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/*
 * Whether name is an artefact of a meeting not yet seen (marked in seen),
 * a regular file that is not an input (ids: the inputs' ids, sorted by
 * file_id_cmp(); id: the folder's device and the entry's inode, type).
 * Returns 1 for a good one, 0 for a name that is none, -1 for a bad one.
 */
static int
artefact_entry(int dfd, const struct file_ids *ids, struct file_id id,
    const char *name, unsigned char type, char *seen)
{
	struct stat st;
	size_t i;

	for (i = 0; formats[i].name != NULL && strcmp(name,
	    formats[i].filename) != 0; i++)
		continue;
	if (formats[i].name == NULL || seen[i])
		return 0;
	seen[i] = 1;
	if (type == DT_UNKNOWN) {
		if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
			return -1;
		type = S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
		id.dev = st.st_dev;
		id.ino = st.st_ino;
	}
	/* An artefact that is an input is rendered, to be refused. */
	if (type != DT_REG || (ids->n > 0 && bsearch(&id, ids->v, ids->n,
	    sizeof(*ids->v), file_id_cmp) != NULL))
		return -1;
	return 1;
}

/*
 * Whether every artefact of the meeting is in its folder, a regular file
 * that is not an input (ids: the inputs' ids, sorted by file_id_cmp());
 * the folder's stamp into stamp.  The folder's entries say each file's
 * type and inode (a file system that does not say the type is asked, for
 * that file); they are read with getdents64() until every artefact is
 * seen: an open, a stat, one read and a close a folder.
 */
static int
artefacts_present(const struct build *b, const struct file_ids *ids,
    const char *folder, char stamp[MANIFEST_STAMP])
{
	struct file_id id;
	struct dirent64 *e;
	struct stat st;
	char *seen;
	union { struct dirent64 e; char b[8192]; } dents;
	size_t nf, found = 0;
	ssize_t got, off;
	int dfd, ok = 1, one;

	dfd = openat(b->root, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (dfd == -1)
		return 0;
	if (fstat(dfd, &st) == -1) {
		close(dfd);
		return 0;
	}
	manifest_stamp(&st, stamp);
	for (nf = 0; formats[nf].name != NULL; nf++)
		continue;
	seen = xcalloc(nf + 1, 1);
	id.dev = st.st_dev;
	while (ok && found < nf &&
	    (got = getdents64(dfd, dents.b, sizeof(dents.b))) > 0)
		for (off = 0; ok && off < got; off += e->d_reclen) {
			e = (struct dirent64 *)(void *)(dents.b + off);
			id.ino = e->d_ino;
			one = artefact_entry(dfd, ids, id, e->d_name,
			    e->d_type, seen);
			ok = one != -1;
			found += one == 1;
		}
	close(dfd);
	free(seen);
	return ok && found == nf;
}

/*
 * Whether the artefacts of meeting bm, which the last build made from the
 * same key (its manifest entry e), are all still there: its folder's
 * stamp is the one the manifest recorded (nothing in it was made,
 * removed or renamed since), else its folder is read.
 */
static int
artefacts_kept(const struct build *b, const struct file_ids *ids,
    const struct manifest_meeting *e, struct build_meeting *bm)
{
	struct stat st;

	if (fstatat(b->root, bm->folder, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		manifest_stamp(&st, bm->stamp);
		if (manifest_unchanged(&b->old, e, &st, bm->stamp))
			return 1;
	}
	if (artefacts_present(b, ids, bm->folder, bm->stamp))
		return 1;
	bm->stamp[0] = '\0';
	return 0;
}

/* Marks the meetings whose key or artefacts changed since the last build. */
static void
build_plan(struct build *b)
{
	const struct manifest_meeting *e;
	struct file_ids ids = b->inputs;
	size_t i;

	/* One sorted copy of the inputs' ids for all the lookups. */
	ids.v = xcalloc(ids.n + 1, sizeof(*ids.v));
	if (ids.n > 0)
		memcpy(ids.v, b->inputs.v, ids.n * sizeof(*ids.v));
	qsort(ids.v, ids.n, sizeof(*ids.v), file_id_cmp);
	build_common_key(b, b->common);
	for (i = 0; i < b->n; i++) {
		build_meeting_key(b->common, &b->v[i]);
		e = manifest_find(&b->old, b->v[i].folder);
		b->v[i].render = e == NULL || strcmp(e->key, b->v[i].key) != 0 ||
		    !artefacts_kept(b, &ids, e, &b->v[i]);
	}
	free(ids.v);
}

static int
write_full(int fd, const void *p, size_t len)
{
	const char *c = p;
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, c, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * While workers run, a fatal signal to the build goes to them too: the
 * build waits for them (each removes its own temporary files) and then
 * ends as its own handler says.  A worker dies with the build (SIGTERM
 * when the build is killed outright).
 */
static const int worker_sigs[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction worker_saved[3];
static pid_t *worker_pids;
static volatile sig_atomic_t nworkers;
static pid_t build_pid;

static void
on_signal_with_workers(int sig)
{
	sig_atomic_t k;
	size_t i;

	if (getpid() == build_pid) {
		for (k = 0; k < nworkers; k++)
			kill(worker_pids[k], sig);
		for (k = 0; k < nworkers; k++)
			while (waitpid(worker_pids[k], NULL, 0) == -1 &&
			    errno == EINTR)
				continue;
	}
	for (i = 0; i < 3; i++)
		if (worker_sigs[i] == sig)
			break;
	if (i < 3 && worker_saved[i].sa_handler != SIG_DFL &&
	    worker_saved[i].sa_handler != SIG_IGN &&
	    worker_saved[i].sa_handler != on_signal_with_workers) {
		worker_saved[i].sa_handler(sig);
		return;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Installs (on) or takes back (!on) the handler above. */
static void
workers_guard(int on)
{
	struct sigaction sa;
	size_t i;

	for (i = 0; i < 3; i++) {
		if (!on) {
			sigaction(worker_sigs[i], &worker_saved[i], NULL);
			continue;
		}
		sigaction(worker_sigs[i], NULL, &worker_saved[i]);
		if (worker_saved[i].sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal_with_workers;
		sigemptyset(&sa.sa_mask);
		sigaction(worker_sigs[i], &sa, NULL);
	}
}

/*
 * The next meeting a worker renders: the next one no worker has taken
 * (next, shared by the workers), so that a worker slowed by the main
 * process making the series' artefacts meanwhile renders fewer; without
 * a shared counter, mine (every jobs-th meeting from the worker's own).
 */
static size_t
take_meeting(size_t *next, size_t mine)
{
	return next != NULL ? __atomic_fetch_add(next, 1, __ATOMIC_RELAXED) :
	    mine;
}

/* A counter from 0 the worker processes share, or NULL. */
static size_t *
shared_counter(void)
{
	size_t *p = mmap(NULL, sizeof(*p), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	*p = 0;
	return p;
}

static void
shared_counter_free(size_t *p)
{
	if (p != NULL)
		munmap(p, sizeof(*p));
}

/*
 * Renders the meetings marked for rendering, in batches put in place with
 * one flush each (struct batch), in jobs worker processes (each takes
 * the next meeting no worker has taken, take_meeting()) that report each
 * result through a pipe once its batch is in place; jobs <= 1 renders
 * here.  The artefacts do not depend on which process made them.  A worker that dies leaves its meetings failed.  The
 * series' artefacts are made into so meanwhile (build_series_make()).
 */
static void
build_render(struct build *b, int jobs, struct series *s,
    struct series_out *so)
{
	struct batch bt = {0};
	struct result r, *res;
	size_t *todo, ntodo = 0, i, i2, k2, nres, done = 0, *next;
	pid_t *pids;
	sigset_t blocked, unblocked;
	int fds[2], k, status;
	ssize_t got;

	todo = xcalloc(b->n + 1, sizeof(*todo));
	for (i = 0; i < b->n; i++) {
		b->v[i].rc = MTG_EXIT_OK;
		if (b->v[i].render) {
			b->v[i].rc = MTG_EXIT_IO;	/* until it reports */
			todo[ntodo++] = i;
		}
	}
	if (jobs > (int)ntodo)
		jobs = (int)ntodo;
	bt.max = batch_max();
	bt.v = xcalloc(bt.max, sizeof(*bt.v));
	res = xcalloc(bt.max, sizeof(*res));
	if (jobs <= 1 || pipe(fds) == -1) {
		build_series_make(b, s, so);
		build_cache_done(b, s);
		for (i = 0; i < ntodo; i++) {
			(void)build_one(b, todo[i], &bt);
			progress(b, i + 1, ntodo);
			if (bt.n < bt.max && i + 1 < ntodo)
				continue;
			nres = batch_commit(b, &bt, res);
			for (k2 = 0; k2 < nres; k2++) {
				b->v[res[k2].i].rc = res[k2].rc;
				b->v[res[k2].i].files = res[k2].files;
			}
		}
		free(res);
		free(bt.v);
		free(todo);
		return;
	}
	fflush(NULL);
	sigemptyset(&blocked);
	for (k = 0; k < 3; k++)
		sigaddset(&blocked, worker_sigs[k]);
	pids = xcalloc((size_t)jobs, sizeof(*pids));
	next = shared_counter();
	worker_pids = pids;
	build_pid = getpid();
	workers_guard(1);
	for (k = 0; k < jobs; k++) {
		/* Blocked until the worker is counted: a signal in between
		 * would leave it running after the build ends. */
		sigprocmask(SIG_BLOCK, &blocked, &unblocked);
		if ((pids[k] = fork()) == -1) {
			sigprocmask(SIG_SETMASK, &unblocked, NULL);
			diag_error(NULL, 0, 0, "cannot start a worker: %s",
			    strerror(errno));
			break;
		}
		if (pids[k] == 0) {
			workers_guard(0);
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			sigprocmask(SIG_SETMASK, &unblocked, NULL);
			if (getppid() != build_pid)
				_exit(MTG_EXIT_IO);
			close(fds[0]);
			for (i = take_meeting(next, (size_t)k); i < ntodo;
			    i = i2) {
				(void)build_one(b, todo[i], &bt);
				i2 = take_meeting(next, i + (size_t)jobs);
				if (bt.n < bt.max && i2 < ntodo)
					continue;
				nres = batch_commit(b, &bt, res);
				/* One write a record: each stays whole
				 * (PIPE_BUF) between the workers'. */
				for (k2 = 0; k2 < nres; k2++)
					if (write_full(fds[1], &res[k2],
					    sizeof(*res)) == -1)
						_exit(MTG_EXIT_IO);
			}
			fflush(NULL);
			_exit(0);
		}
		nworkers = k + 1;
		sigprocmask(SIG_SETMASK, &unblocked, NULL);
	}
	close(fds[1]);
	/* The series' artefacts made here while the workers render; the
	 * pipe holds what they report meanwhile. */
	fcntl(fds[0], F_SETPIPE_SZ, 1024 * 1024);
	build_series_make(b, s, so);
	build_cache_done(b, s);
	/* A record is far below PIPE_BUF: written and read whole. */
	while ((got = read(fds[0], &r, sizeof(r))) != 0) {
		if (got == -1 && errno == EINTR)
			continue;
		if (got != (ssize_t)sizeof(r) || r.i >= b->n)
			break;
		b->v[r.i].rc = r.rc;
		b->v[r.i].files = r.files;
		progress(b, ++done, ntodo);
	}
	close(fds[0]);
	progress(b, ntodo, ntodo);
	for (k = 0; k < nworkers; k++)
		while (waitpid(pids[k], &status, 0) == -1 && errno == EINTR)
			continue;
	workers_guard(0);
	nworkers = 0;
	worker_pids = NULL;
	for (i = 0; i < ntodo; i++)
		if (b->v[todo[i]].rc == MTG_EXIT_IO &&
		    b->v[todo[i]].files == 0 && done < ntodo)
			diag_error(b->v[todo[i]].source, 0, 0, "not rendered: "
			    "its worker process ended early");
	shared_counter_free(next);
	free(pids);
	free(res);
	free(bt.v);
	free(todo);
}

/*
 * Removes the folders the last build made for meetings this build does
 * not have: in each, only the files a build makes (and their temporary
 * files), then the folder if that left it empty.  Anything else is never
 * touched; a folder that still holds other files stays, with a note.
 */
static void
build_remove_gone(struct build *b)
{
	struct strmap now = {0};
	const struct format *f;
	const char **names;
	struct stat st;
	char *path;
	size_t i, j;
	int dfd;

	for (i = 0; i < b->n; i++)
		strmap_get(&now, b->v[i].folder, strlen(b->v[i].folder), 1);
	for (i = 0; formats[i].name != NULL; i++)
		continue;
	names = xcalloc(i + 1, sizeof(*names));
	for (i = 0; formats[i].name != NULL; i++)
		names[i] = formats[i].filename;
	for (i = 0; i < b->old.n; i++) {
		const char *folder = b->old.v[i].folder;

		if (strmap_get(&now, folder, strlen(folder), 0) != NULL)
			continue;
		strmap_get(&now, folder, strlen(folder), 1);
		dfd = openat(b->root, folder, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
		if (dfd == -1)
			continue;
		remove_stale(dfd, names);
		for (f = formats; f->name != NULL; f++)
			if (fstatat(dfd, f->filename, &st,
			    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
				unlinkat(dfd, f->filename, 0);
		close(dfd);
		path = xasprintf("%s/%s", b->bo->outdir, folder);
		if (unlinkat(b->root, folder, AT_REMOVEDIR) == 0) {
			b->stats.removed++;
			if (b->bo->verbosity > 0)
				fprintf(stderr, "minutes: removed %s/\n", path);
		} else if (b->bo->verbosity >= 0)
			fprintf(stderr, "minutes: %s: note: folder of a meeting "
			    "no longer built; kept, it holds other files\n",
			    path);
		free(path);
	}
	for (j = 0; j < b->old.files.n; j++)
		if (!strlist_has(&b->root_files, b->old.files.v[j]) &&
		    fstatat(b->root, b->old.files.v[j], &st,
		    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
			unlinkat(b->root, b->old.files.v[j], 0);
	free(names);
	strmap_free(&now);
}

/*
 * Writes the cache: the models and chapters of this build's meetings.
 * A cache that cannot be written costs the next build time only: said
 * with -v, not an error.  An input standing at its name is left alone.
 */
static void
build_cache_write(struct build *b)
{
	size_t hits[CACHE__MAX], puts[CACHE__MAX];
	int err;

	if (b->cache_written)
		return;
	b->cache_written = 1;
	if (file_ids_has_at(&b->inputs, b->root, CACHE_NAME))
		return;
	err = cache_write(b->cache, b->root, b->bo->outdir);
	if (b->bo->verbosity <= 0)
		return;
	cache_counts(b->cache, hits, puts);
	fprintf(stderr, "minutes: %s: %zu notes file%s parsed, %zu from "
	    "the cache; %zu part%s of archive.xml rendered, %zu from the "
	    "cache; %zu notes file%s unchanged, not read\n", b->bo->outdir,
	    b->parsed, b->parsed == 1 ? "" : "s", hits[CACHE_MODEL],
	    puts[CACHE_CHAPTER], puts[CACHE_CHAPTER] == 1 ? "" : "s",
	    hits[CACHE_CHAPTER], b->unread, b->unread == 1 ? "" : "s");
	if (err != 0)
		fprintf(stderr, "minutes: %s/" CACHE_NAME ": not written: "
		    "%s\n", b->bo->outdir, strerror(err));
}

/* Records what this build made; returns an enum mtg_exit. */
static int
build_record(struct build *b)
{
	struct manifest mf;
	size_t i;
	int err;

	memset(&mf, 0, sizeof(mf));
	for (i = 0; i < b->n; i++)
		manifest_add(&mf, b->v[i].folder, b->v[i].rc == MTG_EXIT_OK ?
		    b->v[i].key : "-", b->v[i].source, b->v[i].render ? "" :
		    b->v[i].stamp);
	for (i = 0; i < b->root_files.n; i++)
		strlist_add_unique(&mf.files, b->root_files.v[i]);
	memcpy(mf.pages, b->pages, sizeof(mf.pages));
	memcpy(mf.book, b->book, sizeof(mf.book));
	remove_stale(b->root, (const char *const []){ MANIFEST_NAME,
	    CACHE_NAME, NULL });
	err = manifest_write(b->root, b->bo->outdir, &mf);
	build_cache_write(b);
	/* The root's files renamed and folders removed, on the disk. */
	if (err == 0 && fsync(b->root) == -1 && errno != EINVAL)
		err = errno;
	if (err != 0)
		diag_error(b->bo->outdir, 0, 0, "cannot write "
		    MANIFEST_NAME ": %s", write_error(err));
	manifest_free(&mf);
	return err != 0 ? MTG_EXIT_IO : MTG_EXIT_OK;
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
	fprintf(stderr, "minutes: %s: %zu meeting%s, %zu rendered, ",
	    bo->outdir, s->meetings, s->meetings == 1 ? "" : "s", s->rendered);
	if (s->removed > 0)
		fprintf(stderr, "%zu removed, ", s->removed);
	fprintf(stderr, "%zu file%s, %zu action%s open, %zu warning%s, "
	    "%zu error%s, %.2f s\n",
	    s->files, s->files == 1 ? "" : "s",
	    s->open, s->open == 1 ? "" : "s",
	    s->warnings, s->warnings == 1 ? "" : "s",
	    s->errors, s->errors == 1 ? "" : "s", elapsed(s));
}

/*
 * What every model is read with: the program and the -M overrides (the
 * only options reading sees).
 */
static void
build_model_key(struct build *b)
{
	struct key k;
	size_t i;

	key_init(&k);
	key_str(&k, "model");
	key_program(&k);
	for (i = 0; b->bo->meta != NULL && i < b->bo->meta->n; i++)
		key_str(&k, b->bo->meta->v[i]);
	key_hex(&k, b->model);
}

/*
 * The key of the model of a notes file: what every model is read with,
 * the file's path (a date may come from its name) and the key of its
 * bytes.
 */
static void
model_key(const struct build *b, const char *path, const char *notes,
    char hex[65])
{
	struct key k;

	key_init(&k);
	key_str(&k, b->model);
	key_str(&k, path);
	key_str(&k, notes);
	key_hex(&k, hex);
}

/*
 * The model a worker parsed ahead (a), decoded as it arrived, moved into
 * *d and *ms and put in the cache under hex; 0, or -1 when it did not
 * decode (or was used already).
 */
static int
ahead_model(struct build *b, struct ahead *a, const char *hex,
    struct diags *d, struct meetings *ms)
{
	size_t i;

	if (a->decoded != 1)
		return -1;
	/* The diagnostics and meetings move over; the model is used once. */
	for (i = 0; i < a->d.n; i++) {
		d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof(*d->v));
		d->v[d->n++] = a->d.v[i];
	}
	a->d.n = 0;
	diags_free(&a->d);
	*ms = a->ms;
	memset(&a->ms, 0, sizeof(a->ms));
	a->decoded = -1;
	cache_put_encoded(b->cache, hex, a->model.data, a->model.len);
	buf_free(&a->model);
	b->parsed++;
	return 0;
}

/*
 * The meetings of the notes file path into *ms and its diagnostics into
 * *d: from the cache when it holds the model of these bytes, else parsed
 * (and put in the cache).  notes receives the key of the file's bytes;
 * *trees, for meetings from the cache, the part of each left undecoded
 * (else NULL).  Returns 0 or an errno value, as notes_load_meetings().
 */
static int
read_notes(struct build *b, size_t idx, const char *path, struct diags *d,
    struct meetings *ms, char notes[65], struct cache_tree **trees)
{
	struct ahead *a = b->ahead != NULL ? &b->ahead[idx] : NULL;
	const struct stat *st = b->st_ok[idx] ? &b->st[idx] : NULL;
	struct key k;
	char *data, hex[65];
	size_t len;
	int err;

	memset(ms, 0, sizeof(*ms));
	/* Read (after st was taken) and parsed, or found in the cache, by
	 * a worker: not read again. */
	if (a != NULL && a->notes[0] != '\0') {
		memcpy(notes, a->notes, 65);
		if (st != NULL)
			cache_put_notes(b->cache, path, st, notes, &b->now);
		model_key(b, path, notes, hex);
		if (a->model.len > 0 ? ahead_model(b, a, hex, d, ms) ==
		    0 : cache_get_model(b->cache, hex, path, d, ms,
		    trees) == 0)
			return 0;
	}
	/* Unchanged since the cache recorded it: not read at all. */
	if (st != NULL && cache_get_notes(b->cache, path, st, notes) == 0) {
		model_key(b, path, notes, hex);
		if (cache_get_model(b->cache, hex, path, d, ms, trees) == 0) {
			b->unread++;
			return 0;
		}
	}
	err = file_read_max(path, MTG_MAX_INPUT, &data, &len);
	if (err != 0) {
		/* Too large: notes_load_meetings() says so, uncached. */
		key_init(&k);
		key_file(&k, path);
		key_hex(&k, notes);
		b->parsed++;
		return notes_load_meetings(path, b->bo->meta, d, ms);
	}
	key_init(&k);
	key_int(&k, (long)len);
	key_put(&k, data, len);
	key_hex(&k, notes);
	if (st != NULL)
		cache_put_notes(b->cache, path, st, notes, &b->now);
	model_key(b, path, notes, hex);
	if (cache_get_model(b->cache, hex, path, d, ms, trees) == 0) {
		free(data);
		return 0;
	}
	/* Parsed by a worker from these very bytes. */
	if (a != NULL && a->model.len > 0 && strcmp(a->notes, notes) == 0 &&
	    ahead_model(b, a, hex, d, ms) == 0) {
		free(data);
		return 0;
	}
	oom_context(path);
	notes_meetings(path, data, len, b->bo->meta, d, ms);
	free(data);
	cache_put_model(b->cache, hex, d, ms);
	b->parsed++;
	return 0;
}

/* A notes file to read ahead: its place in the build's list, path. */
struct todo_notes {
	size_t		 file;
	const char	*path;
};

/* What a worker sends for each file it read: the key of its bytes, then
 * len bytes of their model (none: the cache has it). */
struct ahead_head {
	size_t		 file;
	size_t		 len;
	char		 notes[65];
};

/*
 * A worker's part of the parsing ahead: the files of todo it takes
 * (take_meeting()), each parsed and encoded into the pipe fd.  Never
 * returns.
 */
static void
ahead_worker(const struct build *b, const struct todo_notes *todo,
    size_t ntodo, int jobs, int k, size_t *next, int fd)
{
	struct ahead_head h;
	struct meetings ms;
	struct diags d;
	struct buf out = {0};
	struct key key;
	char *data, hex[65];
	size_t i, len;

	for (i = take_meeting(next, (size_t)k); i < ntodo;
	    i = take_meeting(next, i + (size_t)jobs)) {
		/* A file that cannot be read is build_read()'s to report. */
		if (file_read_max(todo[i].path, MTG_MAX_INPUT, &data,
		    &len) != 0)
			continue;
		memset(&h, 0, sizeof(h));
		key_init(&key);
		key_int(&key, (long)len);
		key_put(&key, data, len);
		key_hex(&key, h.notes);
		out.len = 0;
		model_key(b, todo[i].path, h.notes, hex);
		if (!cache_has(b->cache, CACHE_MODEL, hex)) {
			diags_init(&d, todo[i].path);
			oom_context(todo[i].path);
			notes_meetings(todo[i].path, data, len, b->bo->meta,
			    &d, &ms);
			cache_encode_model(&out, &d, &ms);
			meetings_free(&ms);
			diags_free(&d);
		}
		free(data);
		h.file = todo[i].file;
		h.len = out.len;
		if (write_full(fd, &h, sizeof(h)) == -1 ||
		    write_full(fd, out.data, out.len) == -1)
			_exit(MTG_EXIT_IO);
	}
	_exit(0);
}

/* Frees what a's model decoded into, if it was not used. */
static void
ahead_drop(struct ahead *a)
{
	if (a->decoded == 1) {
		meetings_free(&a->ms);
		diags_free(&a->d);
	}
	a->decoded = 0;
}

/*
 * Takes the records that arrived in got (one worker's pipe) into
 * b->ahead; keeps a record not yet whole.  Returns -1 on a record that
 * makes no sense (the worker's output is then dropped).
 */
static int
ahead_take(struct build *b, const struct strlist *files, struct buf *got,
    size_t *off)
{
	struct ahead_head h;
	struct ahead *a;
	size_t nfiles = files->n;

	while (got->len - *off >= sizeof(h)) {
		memcpy(&h, got->data + *off, sizeof(h));
		if (h.file >= nfiles || h.len > got->len)
			return h.file >= nfiles ? -1 : 0;
		if (got->len - *off - sizeof(h) < h.len)
			return 0;
		if (strnlen(h.notes, sizeof(h.notes)) != 64)
			return -1;
		a = &b->ahead[h.file];
		memcpy(a->notes, h.notes, sizeof(h.notes));
		buf_free(&a->model);
		ahead_drop(a);
		buf_put(&a->model, got->data + *off + sizeof(h), h.len);
		/* Decoded now, while the workers parse the next files. */
		if (h.len > 0) {
			diags_init(&a->d, files->v[h.file]);
			a->decoded = cache_decode_model(a->model.data,
			    a->model.len, files->v[h.file], &a->d,
			    &a->ms) == 0 ? 1 : -1;
			if (a->decoded == -1)
				diags_free(&a->d);
		}
		*off += sizeof(h) + h.len;
	}
	return 0;
}

/*
 * With jobs >= 2, reads ahead in jobs worker processes the notes files
 * not known unchanged, each worker hashing them, parsing those the cache
 * has no model of, and sending the keys and encoded models through a
 * pipe (b->ahead); build_read() then takes them in file order, exactly
 * as it would have read and parsed them.  Anything that goes
 * wrong here only leaves files for build_read() to parse itself.
 */
static void
build_parse_ahead(struct build *b, const struct strlist *files, int jobs)
{
	struct todo_notes *todo;
	struct buf *got;
	struct pollfd *pfd;
	char notes[65], hex[65], chunk[65536];
	size_t ntodo = 0, i, *off, *next;
	pid_t *pids;
	sigset_t blocked, unblocked;
	int *fds, fdp[2], kk, open_fds, status;
	ssize_t n;

	if (jobs < 2 || files->n < 4)
		return;
	b->ahead = xcalloc(files->n + 1, sizeof(*b->ahead));
	todo = xcalloc(files->n + 1, sizeof(*todo));
	/* The files unchanged since the cache recorded them stay; the
	 * others are read (and hashed, and parsed when the cache has no
	 * model of their bytes) by the workers. */
	for (i = 0; i < files->n; i++) {
		if (b->st_ok[i] && cache_get_notes(b->cache, files->v[i],
		    &b->st[i], notes) == 0) {
			model_key(b, files->v[i], notes, hex);
			if (cache_has(b->cache, CACHE_MODEL, hex))
				continue;
		}
		todo[ntodo].file = i;
		todo[ntodo++].path = files->v[i];
	}
	if (jobs > (int)ntodo / 2)
		jobs = (int)ntodo / 2;
	if (jobs < 2)
		goto out;
	fflush(NULL);
	sigemptyset(&blocked);
	for (kk = 0; kk < 3; kk++)
		sigaddset(&blocked, worker_sigs[kk]);
	pids = xcalloc((size_t)jobs, sizeof(*pids));
	fds = xcalloc((size_t)jobs, sizeof(*fds));
	next = shared_counter();
	worker_pids = pids;
	build_pid = getpid();
	workers_guard(1);
	for (kk = 0; kk < jobs; kk++) {
		if (pipe(fdp) == -1)
			break;
		sigprocmask(SIG_BLOCK, &blocked, &unblocked);
		if ((pids[kk] = fork()) == -1) {
			sigprocmask(SIG_SETMASK, &unblocked, NULL);
			close(fdp[0]);
			close(fdp[1]);
			break;
		}
		if (pids[kk] == 0) {
			workers_guard(0);
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			sigprocmask(SIG_SETMASK, &unblocked, NULL);
			if (getppid() != build_pid)
				_exit(MTG_EXIT_IO);
			close(fdp[0]);
			/* The pipes of the workers before it are closed. */
			for (open_fds = 0; open_fds < kk; open_fds++)
				close(fds[open_fds]);
			ahead_worker(b, todo, ntodo, jobs, kk, next, fdp[1]);
		}
		close(fdp[1]);
		fds[kk] = fdp[0];
		nworkers = kk + 1;
		sigprocmask(SIG_SETMASK, &unblocked, NULL);
	}
	/* The files of workers that could not start stay for build_read(). */
	pfd = xcalloc((size_t)nworkers + 1, sizeof(*pfd));
	got = xcalloc((size_t)nworkers + 1, sizeof(*got));
	off = xcalloc((size_t)nworkers + 1, sizeof(*off));
	for (kk = 0; kk < nworkers; kk++) {
		pfd[kk].fd = fds[kk];
		pfd[kk].events = POLLIN;
	}
	for (open_fds = nworkers; open_fds > 0;) {
		if (poll(pfd, (nfds_t)nworkers, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (kk = 0; kk < nworkers; kk++) {
			if (pfd[kk].fd == -1 || pfd[kk].revents == 0)
				continue;
			n = read(pfd[kk].fd, chunk, sizeof(chunk));
			if (n == -1 && errno == EINTR)
				continue;
			if (n > 0) {
				buf_put(&got[kk], chunk, (size_t)n);
				if (ahead_take(b, files, &got[kk],
				    &off[kk]) == 0)
					continue;
			}
			close(pfd[kk].fd);
			pfd[kk].fd = -1;
			open_fds--;
		}
	}
	for (kk = 0; kk < nworkers; kk++) {
		if (pfd[kk].fd != -1)
			close(pfd[kk].fd);
		buf_free(&got[kk]);
		while (waitpid(pids[kk], &status, 0) == -1 && errno == EINTR)
			continue;
	}
	workers_guard(0);
	nworkers = 0;
	worker_pids = NULL;
	shared_counter_free(next);
	free(off);
	free(got);
	free(pfd);
	free(fds);
	free(pids);
out:
	free(todo);
}

/*
 * Reads every notes file into b->v, one entry per meeting (a file of
 * several meetings gives several, each with its heading; the file's
 * diagnostics stay with the first), printing the diagnostics of each
 * file.  Returns the worst enum mtg_exit: MTG_EXIT_IO when a file could
 * not be read.
 */
static int
build_read(struct build *b, const struct strlist *files)
{
	const struct build_opts *bo = b->bo;
	struct meetings ms;
	struct diags d;
	struct cache_tree *trees;
	char notes[65];
	int rc = MTG_EXIT_OK, one, err;
	size_t i, k, cap = 0, parsed;

	for (i = 0; i < files->n; i++) {
		diags_init(&d, files->v[i]);
		parsed = b->parsed;
		trees = NULL;
		err = read_notes(b, i, files->v[i], &d, &ms, notes, &trees);
		if (err != 0) {
			diag_error(files->v[i], 0, 0, "%s", strerror(err));
			diags_free(&d);
			b->stats.errors++;
			rc = MTG_EXIT_IO;
			continue;
		}
		if (bo->verbosity > 0)
			fprintf(stderr, "minutes: read %s%s\n", files->v[i],
			    b->parsed == parsed ? " (cached)" : "");
		build_print_diags(&d, bo->verbosity);
		count_diags(&d, &b->stats);
		one = build_status(&d, bo->strict);
		if (one > rc)
			rc = one;
		b->v = xgrow(b->v, &cap, b->n + ms.n, sizeof(*b->v));
		for (k = 0; k < ms.n; k++) {
			struct build_meeting *bm = &b->v[b->n++];

			memset(bm, 0, sizeof(*bm));
			bm->m = ms.v[k];
			bm->source = files->v[i];
			bm->heading = bm->m->part;
			bm->part = k;
			if (trees != NULL)
				bm->tree = trees[k];
			memcpy(bm->notes, notes, sizeof(bm->notes));
			if (k == 0)
				bm->d = d;
			else
				diags_init(&bm->d, files->v[i]);
		}
		free(ms.v);
		free(trees);
	}
	return rc;
}

/*
 * The cache of the output root, if the root exists: read before the
 * notes, so before the lock is taken (the file is replaced by a rename,
 * never rewritten in place, so it reads whole or not at all).
 */
static struct cache *
build_cache_read(const char *outdir)
{
	struct cache *c;
	int fd;

	fd = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	c = cache_read(fd, outdir);
	if (fd != -1)
		close(fd);
	return c;
}

/* Opens (making it if need be) and locks the output root. */
static int
build_open_root(struct build *b)
{
	const char *outdir = b->bo->outdir;

	if (mkdir_one(outdir) == -1)
		return -1;
	b->root = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (b->root == -1) {
		diag_error(outdir, 0, 0, "%s", strerror(errno));
		return -1;
	}
	return lock_outdir(outdir, b->root);
}

/* The number of processes -j 0 means: the CPUs online, at most 64. */
static int
default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/*
 * The passes of a build, in order: collect the notes files; read every
 * meeting (nothing is created when one cannot be read); give each its
 * folder; take the lock and read what the last build made; render each
 * meeting whose inputs changed (in parallel with -j); write the artefacts
 * of the output root; remove what the last build made for meetings gone;
 * record what this build made.
 */
int
build_run(const struct build_opts *bo, char *const inputs[], size_t ninputs,
    const struct render_opts *opts)
{
	struct strlist files = {0};
	struct series *s = series_new();
	struct diags *sd = NULL;
	struct series_out so;
	struct build b;
	int rc = MTG_EXIT_OK, one;
	size_t i;

	memset(&b, 0, sizeof(b));
	b.bo = bo;
	b.o = *opts;
	b.root = -1;
	clock_gettime(CLOCK_MONOTONIC, &b.stats.start);
	for (i = 0; i < ninputs; i++)
		if (collect(inputs[i], &files) == -1)
			rc = MTG_EXIT_IO;
	if (rc != MTG_EXIT_OK)
		goto out;

	/* One stat() a notes file: the inputs never written over, and the
	 * identity that spares reading an unchanged file. */
	clock_gettime(CLOCK_REALTIME, &b.now);
	b.st = xcalloc(files.n + 1, sizeof(*b.st));
	b.st_ok = xcalloc(files.n + 1, sizeof(*b.st_ok));
	for (i = 0; i < files.n; i++)
		if (stat(files.v[i], &b.st[i]) == 0) {
			b.st_ok[i] = 1;
			file_ids_add_stat(&b.inputs, &b.st[i]);
		}
	file_ids_add(&b.inputs, opts->reference_odt);
	file_ids_add(&b.inputs, opts->reference_odp);
	b.cache = build_cache_read(bo->outdir);
	build_model_key(&b);
	build_parse_ahead(&b, &files, bo->jobs > 0 ? bo->jobs : default_jobs());
	if ((rc = build_read(&b, &files)) == MTG_EXIT_IO)
		goto out;
	/* The series decides the ids and links every meeting shows. */
	qsort(b.v, b.n, sizeof(*b.v), meeting_order);
	build_folders(b.v, b.n);
	sd = xcalloc(b.n + 1, sizeof(*sd));
	for (i = 0; i < b.n; i++) {
		diags_init(&sd[i], b.v[i].d.file);
		series_add_writable(s, b.v[i].m, &sd[i]);
		s->mt[i].folder = xstrdup(b.v[i].folder);
	}
	series_build(s, opts->as_of);
	for (i = 0; i < b.n; i++) {
		build_print_diags(&sd[i], bo->verbosity);
		count_diags(&sd[i], &b.stats);
		if ((one = build_status(&sd[i], bo->strict)) > rc)
			rc = one;
	}
	for (i = 0; i < s->nact; i++)
		if (mtg_status_pending(s->act[i].status))
			b.stats.open++;

	if (build_open_root(&b) == -1) {
		rc = MTG_EXIT_IO;
		goto out;
	}
	manifest_read(b.root, &b.old);
	build_plan(&b);
	build_render(&b, bo->jobs > 0 ? bo->jobs : default_jobs(), s, &so);
	for (i = 0; i < b.n; i++) {
		if (b.v[i].rc > rc)
			rc = b.v[i].rc;
		if (b.v[i].rc == MTG_EXIT_IO)
			b.stats.errors++;
		b.stats.meetings++;
		b.stats.rendered += (size_t)b.v[i].render;
		b.stats.files += b.v[i].files;
	}
	one = build_series_write(&b, &so);
	if (one == MTG_EXIT_IO)
		b.stats.errors++;
	if (one > rc)
		rc = one;
	one = build_style(&b);
	if (one == MTG_EXIT_IO)
		b.stats.errors++;
	if (one > rc)
		rc = one;
	build_remove_gone(&b);
	if ((one = build_record(&b)) > rc)
		rc = one;
	if (bo->verbosity >= 0)
		print_summary(bo, &b.stats);
out:
	if (b.root != -1)
		close(b.root);
	for (i = 0; i < b.n; i++) {
		meeting_free(b.v[i].m);
		diags_free(&b.v[i].d);
		free(b.v[i].folder);
	}
	for (i = 0; sd != NULL && i < b.n; i++)
		diags_free(&sd[i]);
	free(sd);
	series_free(s);
	free(b.v);
	manifest_free(&b.old);
	cache_free(b.cache);
	for (i = 0; b.ahead != NULL && i < files.n; i++) {
		buf_free(&b.ahead[i].model);
		ahead_drop(&b.ahead[i]);
	}
	free(b.ahead);
	free(b.st);
	free(b.st_ok);
	strlist_free(&b.root_files);
	file_ids_free(&b.inputs);
	render_end();
	strlist_free(&files);
	return rc;
}
