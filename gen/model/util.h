/*
 * util.h -- memory, growing buffers, string lists, UTF-8 and file helpers.
 *
 * Memory policy, stated once: every allocation goes through x*alloc(), which
 * prints a message and exits with status 3 when memory runs out.  Nothing else
 * in the program checks for NULL from these.
 */
#ifndef MINUTES_UTIL_H
#define MINUTES_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>

/*
 * ASCII character classes, whatever the locale: notes, URLs and dates
 * are classified byte by byte, and <ctype.h> would follow LC_CTYPE.
 */
static inline int ascii_digit(int c) { return c >= '0' && c <= '9'; }
static inline int ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int ascii_alnum(int c) { return ascii_alpha(c) || ascii_digit(c); }
static inline int ascii_hex(int c)
{
	return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Allocator settings for long builds; called first thing in main. */
void	 xmalloc_tune(void);
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
/* Grow an array to hold at least want elements of size sz; doubles capacity. */
void	*xgrow(void *, size_t *cap, size_t want, size_t sz);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* A growing byte buffer; data is always NUL-terminated once non-empty. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	struct buf_sink *sink;	/* NULL: it holds everything put in it */
};

/*
 * Where the bytes of an output buffer go as it fills: a buffer given a
 * sink holds BUF_SINK_SIZE bytes at most (more only for one larger
 * piece), and writes them to fd whenever it is full, so that an output
 * is never held whole.  Such a buffer is only appended to: its data
 * holds what is not written yet, and len counts that only.
 */
struct buf_sink {
	int	 fd;
	int	 err;		/* the first write error (errno), or 0 */
	size_t	 total;		/* bytes put in the buffer */
};

#define BUF_SINK_SIZE	65536

/*
 * Output made through a buffer with a sink: make(arg, out) puts the
 * bytes in out, which writes them out a buffer's worth at a time.  Given
 * to made_into(), the producer of file_write_atomic_fn() and
 * file_set_addat_fn().
 */
struct made {
	int	(*make)(void *arg, struct buf *out);	/* 0, or -1 when it
							 * failed, and said why */
	void	*arg;
	int	 failed;	/* make() returned -1 */
	size_t	 len;		/* bytes made */
};

/* Writes what made m makes to fd; returns 0, the write's error value,
 * or -1 when make() failed. */
int	 made_into(int fd, void *m);

/* Gives b (empty) sink s, which must outlive its use. */
void	 buf_set_sink(struct buf *b, struct buf_sink *s);
/* Writes what b holds to its sink; returns its sink's error, or 0. */
int	 buf_flush(struct buf *b);

void	 buf_put(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
/*
 * Appends s (NULL: nothing) as a slug: its ASCII letters in lower case
 * and digits, each run of other bytes one '-' between them, while fewer
 * than max bytes have been appended.
 */
void	 buf_put_slug(struct buf *, const char *s, size_t max);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Returns the contents as a NUL-terminated string owned by the caller. */
char	*buf_detach(struct buf *);
void	 buf_free(struct buf *);

/* A list of owned strings. */
struct strlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

void	 strlist_add(struct strlist *, const char *);
/* Adds s unless an equal string is already present; returns 1 if added. */
int	 strlist_add_unique(struct strlist *, const char *);
int	 strlist_has(const struct strlist *, const char *);
/* In a list of pairs (key, value, key, value...): key's value, or NULL. */
const char *strlist_pair(const struct strlist *, const char *key);
void	 strlist_free(struct strlist *);

/* A string-keyed hash map (keys are copied; values are borrowed). */
struct strmap_e {
	char		*key;		/* NULL: empty slot */
	const void	*val;
	int		 count;		/* free for the caller's use */
};

struct strmap {
	struct strmap_e	*v;
	size_t		 n;		/* used slots */
	size_t		 cap;		/* a power of two, or 0 */
};

/*
 * Finds key[0..len) in the map; with add, inserts it (val NULL, count 0)
 * when absent.  Returns the entry, or NULL when absent and !add.  The
 * pointer is valid until the next insertion.
 */
struct strmap_e	*strmap_get(struct strmap *, const char *key, size_t len,
		    int add);
void		 strmap_free(struct strmap *);

/*
 * Returns the offset of the first invalid UTF-8 sequence in s[0..len), or
 * (size_t)-1 when the whole buffer is valid.  Overlong forms, surrogates and
 * code points above U+10FFFF are invalid.
 */
size_t	 utf8_invalid_at(const char *, size_t);

/* Trims ASCII white space at both ends, in place; returns s. */
char	*str_trim(char *);
/*
 * s[0..len) in ASCII lower case with the accents of Latin letters dropped
 * and curly apostrophes made straight; other bytes kept.  Caller frees.
 */
char	*str_fold(const char *s, size_t len);
/* str_fold() into k, which has room for len + 1 bytes; returns the
 * length written (the text ends at a NUL byte, if it held one). */
size_t	 str_fold_into(char *k, const char *s, size_t len);
/* ASCII case-insensitive prefix test. */
int	 str_has_prefix_ci(const char *, const char *);

/*
 * Error values of the file helpers beyond errno's (negative, so never an
 * errno value); file_strerror() says them, and errno values too.
 */
#define FILE_ENOTREG	(-1000)		/* not a regular file */
#define FILE_ESYMLINK	(-1001)		/* a symbolic link */
#define FILE_ESAME	(-1002)		/* the output is an input */
const char	*file_strerror(int);

/*
 * Reads a whole file into *data (NUL-terminated, owned by the caller) and
 * its length into *len.  Returns 0, or an error value with nothing
 * allocated.  A regular file, FIFO or terminal is read; a FIFO is opened
 * without waiting for a writer (no writer: end of file at once); anything
 * else gives FILE_ENOTREG.
 */
int	 file_read(const char *, char **data, size_t *len);
/* The same, failing with EFBIG when the file holds more than max bytes. */
int	 file_read_max(const char *, size_t max, char **data, size_t *len);
/*
 * Reads root/rel, following no symbolic link below root: each folder of
 * rel and the file itself must be a real folder and a regular file
 * (FILE_ESYMLINK, FILE_ENOTREG otherwise).  root itself may be a link.
 */
int	 file_read_under(const char *root, const char *rel, size_t max,
	    char **data, size_t *len);
/*
 * Whether dir/name, an entry met walking a folder, is a regular file
 * (not followed if a link); if not, prints a warning that it is skipped.
 */
int	 file_walk_regular(const char *dir, const char *name);

/* Whether paths a and b name one existing file (same device and inode). */
int	 file_same(const char *a, const char *b);
/* A set of files by device and inode: the inputs of a run. */
struct file_ids {
	struct file_id {
		dev_t	 dev;
		ino_t	 ino;
	}		*v;
	size_t		 n;
	size_t		 cap;
};
/* Adds the file at path (nothing when it does not exist). */
void	 file_ids_add(struct file_ids *, const char *path);
/* The same for the file of st (a stat() of it). */
struct stat;
void	 file_ids_add_stat(struct file_ids *, const struct stat *st);
/* Whether path names a file of the set. */
int	 file_ids_has(const struct file_ids *, const char *path);
/* The same for name in the open folder dir, not followed if a link. */
int	 file_ids_has_at(const struct file_ids *, int dir, const char *name);
void	 file_ids_free(struct file_ids *);

/*
 * Writes len bytes to path.  A regular file (or none) is replaced
 * atomically: a temporary file in the same folder, fsync, then rename
 * over path; the new file has the old one's mode, or 0666 less the
 * umask.  A link to a regular file replaces the file and keeps the link.
 * A character device or FIFO (/dev/null, a terminal) is written in place,
 * never renamed over; our own standard output by any name (/dev/stdout)
 * is written as standard output; anything else gives FILE_ENOTREG.
 * Returns 0, or an error value; on failure the old file (if any) is
 * untouched and no temporary file is left behind.
 */
int	 file_write_atomic(const char *path, const char *data, size_t len);
/*
 * The same, the bytes written by produce(fd, arg) to the descriptor of
 * the file (or of the temporary, or of standard output) as it makes
 * them; it returns 0 or an error value, which fails the whole.
 */
int	 file_write_atomic_fn(const char *path, int (*produce)(int, void *),
	    void *arg);

/*
 * Makes the temporary files of the helpers below go away on SIGINT,
 * SIGTERM and SIGHUP (the process then dies of the signal as before),
 * and ignores SIGXFSZ, so that a write past ulimit -f fails with EFBIG
 * and is reported.  Out of memory removes them too.
 */
void	 file_guard_signals(void);
/*
 * The file mapped at [p, p + len) is being read: a SIGBUS there means
 * another program cut it short meanwhile.  The process then ends with
 * "minutes: NAME: error: changed while it was read", its temporaries
 * removed, and exit status 3, instead of dying of the signal.  One
 * mapping at a time (the last one guarded); map_unguard(p) before it is
 * unmapped.
 */
void	 map_guard(const void *p, size_t len, const char *name);
void	 map_unguard(const void *p);
/* Names file in the out-of-memory message from now on (NULL: none). */
void	 oom_context(const char *file);
/*
 * What xmalloc() does when memory runs out (the message, the temporaries
 * removed, exit 3), for the callers of libraries that report it instead.
 */
void	 xoom(void) __attribute__((noreturn));

/* The mode of a new file: 0666 less the umask, as open(2) would give. */
mode_t	 new_file_mode(void);
/*
 * Creates a new temporary file "name.tmp.XXXXXX" in the open folder dir,
 * never through a symbolic link, mode 0600, listed so that a fatal signal
 * or running out of memory removes it.  *tmp is its path, dirpath/name
 * and the suffix (name relative to dir from strlen(dirpath) + 1).
 * Returns the descriptor, or -1 with errno set and nothing made.
 */
int	 tmp_create_at(int dir, const char *dirpath, const char *name,
	    char **tmp);
/* Takes tmp, renamed into place or removed, off that list and frees it. */
void	 tmp_done(char *tmp);

/*
 * Files written atomically as a group: each goes to a temporary file
 * beside it, and file_set_commit() makes all of them durable at once,
 * then renames each over its path.  Zero the struct to start.
 */
struct file_set {
	struct file_set_file {
		char	*path;		/* where the file goes */
		char	*tmp;		/* its temporary file, written and
					   closed */
		int	 dir;		/* folder path and tmp are in, or
					   AT_FDCWD */
		size_t	 off;		/* their names relative to dir start
					   at path + off and tmp + off */
	}		*v;
	size_t		 n;
	size_t		 cap;
	int		 synced;	/* its files are on the disk */
};

/*
 * Writes len bytes to a temporary file for path, with the mode of the
 * regular file it will replace, or 0666 less the umask.  Returns 0, or an
 * error value with nothing added and no temporary file left behind; where
 * path is a link, a device, a FIFO or a folder, FILE_ESYMLINK,
 * FILE_ENOTREG or EISDIR: only a regular file is ever replaced.
 */
int	 file_set_add(struct file_set *, const char *path, const char *data,
	    size_t len);
/*
 * The same for the file name (no '/') in the open folder dir, whose path
 * dirpath is used in the paths kept (and reported) only: the temporary
 * file is created with openat(O_EXCL | O_NOFOLLOW) and renamed with
 * renameat() in dir, so no symbolic link is ever followed below it.  A
 * link, folder or other non-regular file standing at name gives ELOOP,
 * EISDIR or EEXIST.  dir must stay open until the commit.
 */
int	 file_set_addat(struct file_set *, int dir, const char *dirpath,
	    const char *name, const char *data, size_t len);
/* The same, the bytes written by produce(fd, arg) as it makes them (see
 * file_write_atomic_fn). */
int	 file_set_addat_fn(struct file_set *, int dir, const char *dirpath,
	    const char *name, int (*produce)(int, void *), void *arg);
/*
 * Syncs the files added (unless file_sets_sync() did), then renames each
 * into place, in the order they were added.  Returns 0, or an errno value with *failed set to the path
 * (owned by the caller) that failed: the files before it are in place,
 * it and the ones after are not, and their old files are untouched.
 * Either way the set is emptied and no temporary file is left.
 */
int	 file_set_commit(struct file_set *, char **failed);
/*
 * Makes the files of the n sets durable at once, with one syncfs() per
 * file system: their commits then only rename.  A set it could not flush
 * is synced file by file at its commit.
 */
void	 file_sets_sync(struct file_set *const *, size_t n);
/* Empties the set, removing its temporary files; nothing is put in place. */
void	 file_set_abort(struct file_set *);

/*
 * Appends s as a JSON string (control characters, '"' and '\\' escaped;
 * the text is valid UTF-8 already), or null when s is NULL; and a list of
 * such strings.
 */
void	 buf_json_str(struct buf *, const char *s);
void	 buf_json_strlist(struct buf *, const struct strlist *);

#endif
