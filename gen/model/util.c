/*
 * util.c -- memory, buffers, string lists, UTF-8 and files.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

static void oom(void) __attribute__((noreturn));

/*
 * Allocator settings for long builds.  By default glibc gives the top of
 * the heap back to the kernel as soon as 128 KiB of it are free and maps
 * each block above 128 KiB on its own, so every meeting of a build
 * faulted its working set in again: 218,000 minor faults for a series
 * of 1,000 meetings, 3,900 with these settings, and a third of the
 * system time.  Up to 16 MiB of free heap is kept; blocks above 4 MiB
 * (large inputs) are still mapped and unmapped on their own.
 */
void
xmalloc_tune(void)
{
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xgrow(void *p, size_t *cap, size_t want, size_t sz)
{
	/* A text starts at 64 bytes: most are a line of the notes, and
	 * growing one from 8 took four reallocations. */
	size_t ncap = *cap ? *cap : sz == 1 ? 64 : 8;

	if (want <= *cap)
		return p;
	while (ncap < want) {
		if (ncap > SIZE_MAX / 2 / sz)
			oom();
		ncap *= 2;
	}
	*cap = ncap;
	return xrealloc(p, ncap * sz);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Formatted once into a small buffer on the stack: most strings fit. */
char *
xasprintf(const char *fmt, ...)
{
	char small[256], *s;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	if ((size_t)n < sizeof(small))
		return xstrndup(small, (size_t)n);
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static int	write_all(int, const char *, size_t);

void
buf_set_sink(struct buf *b, struct buf_sink *s)
{
	b->sink = s;
	b->data = xgrow(b->data, &b->cap, BUF_SINK_SIZE, 1);
	b->len = 0;
	b->data[0] = '\0';
}

int
buf_flush(struct buf *b)
{
	struct buf_sink *k = b->sink;

	if (k->err == 0 && b->len > 0)
		k->err = write_all(k->fd, b->data, b->len);
	b->len = 0;
	b->data[0] = '\0';
	return k->err;
}

int
made_into(int fd, void *arg)
{
	struct made *m = arg;
	struct buf_sink sink = { .fd = fd };
	struct buf out = {0};
	int err = -1;

	buf_set_sink(&out, &sink);
	if (m->make(m->arg, &out) == -1)
		m->failed = 1;
	else
		err = buf_flush(&out);
	m->len = sink.total;
	buf_free(&out);
	return err;
}

/*
 * Makes room for n more bytes in b, a buffer with a sink, by writing out
 * what it holds; returns 1 when s[0..n) was written too, being larger
 * than the buffer.
 */
static int
spill(struct buf *b, const char *s, size_t n)
{
	struct buf_sink *k = b->sink;

	(void)buf_flush(b);
	if (n + 1 <= b->cap)
		return 0;
	k->total += n;
	if (k->err == 0)
		k->err = write_all(k->fd, s, n);
	return 1;
}

void
buf_put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		if (b->sink != NULL && spill(b, s, n))
			return;
		if (b->len + n + 1 > b->cap)
			b->data = xgrow(b->data, &b->cap, b->len + n + 1, 1);
	}
	if (b->sink != NULL)
		b->sink->total += n;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_put_slug(struct buf *b, const char *s, size_t max)
{
	size_t start = b->len;
	int dash = 0;

	for (; s != NULL && *s != '\0' && b->len - start < max; s++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b->len > start)
				buf_putc(b, '-');
			buf_putc(b, c);
			dash = 0;
		} else
			dash = 1;
	}
}

/* Called for every byte of some outputs: no copy call for one byte. */
void
buf_putc(struct buf *b, int c)
{
	if (b->len + 2 > b->cap) {
		if (b->sink != NULL)
			(void)spill(b, "", 0);
		else
			b->data = xgrow(b->data, &b->cap, b->len + 2, 1);
	}
	if (b->sink != NULL)
		b->sink->total++;
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

/* Formatted once into the room the buffer has, again when it had not. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room;
	int n;

	if (b->cap - b->len < 64) {
		if (b->sink != NULL)
			(void)spill(b, "", 0);
		if (b->cap - b->len < 64)
			b->data = xgrow(b->data, &b->cap, b->len + 64, 1);
	}
	room = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	if ((size_t)n >= room) {
		b->data = xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	if (b->sink != NULL)
		b->sink->total += (size_t)n;
	b->len += (size_t)n;
}

char *
buf_detach(struct buf *b)
{
	char *s = b->data;

	if (s == NULL)
		s = xstrdup("");
	else if (b->len < b->cap)
		s[b->len] = '\0';	/* cut short by setting len: ends there */
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
strlist_add(struct strlist *l, const char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = xstrdup(s);
}

int
strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

const char *
strlist_pair(const struct strlist *pairs, const char *key)
{
	size_t i;

	for (i = 0; i + 1 < pairs->n; i += 2)
		if (strcmp(pairs->v[i], key) == 0)
			return pairs->v[i + 1];
	return NULL;
}

int
strlist_add_unique(struct strlist *l, const char *s)
{
	if (strlist_has(l, s))
		return 0;
	strlist_add(l, s);
	return 1;
}

void
strlist_free(struct strlist *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void
strmap_grow(struct strmap *m)
{
	struct strmap_e *old = m->v;
	size_t oldcap = m->cap, i, j, ncap = m->cap ? m->cap * 2 : 64;

	m->v = xcalloc(ncap, sizeof(*m->v));
	m->cap = ncap;
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		j = hash(old[i].key, strlen(old[i].key)) & (ncap - 1);
		while (m->v[j].key != NULL)
			j = (j + 1) & (ncap - 1);
		m->v[j] = old[i];
	}
	free(old);
}

/* Linear probing in a table kept at most half full. */
struct strmap_e *
strmap_get(struct strmap *m, const char *key, size_t len, int add)
{
	size_t j;

	if (m->cap == 0) {
		if (!add)
			return NULL;
		strmap_grow(m);
	}
	j = hash(key, len) & (m->cap - 1);
	while (m->v[j].key != NULL) {
		if (strncmp(m->v[j].key, key, len) == 0 &&
		    m->v[j].key[len] == '\0')
			return &m->v[j];
		j = (j + 1) & (m->cap - 1);
	}
	if (!add)
		return NULL;
	if ((m->n + 1) * 2 > m->cap) {
		strmap_grow(m);
		return strmap_get(m, key, len, add);
	}
	m->v[j].key = xstrndup(key, len);
	m->v[j].val = NULL;
	m->v[j].count = 0;
	m->n++;
	return &m->v[j];
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

size_t
utf8_invalid_at(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n, k;
	uint32_t cp;

	while (i < len) {
		unsigned char c = s[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else
			return i;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += n + 1;
	}
	return (size_t)-1;
}

char *
str_trim(char *s)
{
	size_t n = strlen(s);
	size_t i = 0;

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[i]))
		i++;
	if (i > 0)
		memmove(s, s + i, n - i + 1);
	return s;
}

int
str_has_prefix_ci(const char *s, const char *prefix)
{
	/* Tried with lists of prefixes: fail fast on the first letter. */
	if (*prefix != '\0' && tolower((unsigned char)*s) !=
	    tolower((unsigned char)*prefix))
		return 0;
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* --- temporaries, signals, out of memory ------------------------------ */

/*
 * The temporary files that exist now.  A fatal signal or running out of
 * memory removes them before the process ends; the list is changed with
 * those signals blocked, so the handler always sees a whole list.
 */
static char	**live;
static size_t	  nlive, livecap;
static char	  oom_file[1024];	/* the file being processed */
static const int  fatal_sigs[] = { SIGINT, SIGTERM, SIGHUP };

static void
live_block(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(fatal_sigs) / sizeof(fatal_sigs[0]); i++)
		sigaddset(&set, fatal_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* Called with the fatal signals blocked (live_block). */
static void
live_add(char *tmp)
{
	char **v;

	if (nlive == livecap) {
		/* Not xgrow: its failure would call oom() with the list
		 * half changed. */
		v = realloc(live, (livecap ? livecap * 2 : 16) * sizeof(*v));
		if (v == NULL) {
			unlink(tmp);
			oom();
		}
		live = v;
		livecap = livecap ? livecap * 2 : 16;
	}
	live[nlive++] = tmp;
}

static void
live_del(const char *tmp)
{
	sigset_t old;
	size_t i;

	live_block(&old);
	for (i = nlive; i-- > 0;)
		if (live[i] == tmp) {
			live[i] = live[--nlive];
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Async-signal-safe: unlink() only. */
static void
live_unlink_all(void)
{
	size_t i;

	for (i = 0; i < nlive; i++)
		unlink(live[i]);
	nlive = 0;
}

static void
on_fatal_signal(int sig)
{
	live_unlink_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
file_guard_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	/* A write past ulimit -f fails with EFBIG and is reported. */
	signal(SIGXFSZ, SIG_IGN);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(fatal_sigs) / sizeof(fatal_sigs[0]); i++) {
		/* A signal ignored by whoever started us stays ignored. */
		if (sigaction(fatal_sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal_sigs[i], &sa, NULL);
	}
}

static const char *guard_p;
static size_t	 guard_len;
static char	 guard_msg[PATH_MAX + 64];
static size_t	 guard_msglen;

/* Async-signal-safe: write(), unlink() and _exit() only. */
static void
on_bus_error(int sig, siginfo_t *si, void *uc)
{
	const char *at = si->si_addr;

	(void)uc;
	if (guard_p != NULL && at >= guard_p && at < guard_p + guard_len) {
		if (write(2, guard_msg, guard_msglen) == -1)
			guard_msglen = 0;
		live_unlink_all();
		_exit(3);
	}
	/* Not ours: the access faults again and the default ends it. */
	signal(sig, SIG_DFL);
}

void
map_guard(const void *p, size_t len, const char *name)
{
	struct sigaction sa;
	int n;

	n = snprintf(guard_msg, sizeof(guard_msg), "minutes: %s: error: "
	    "changed while it was read\n", name);
	guard_msglen = n > 0 && (size_t)n < sizeof(guard_msg) ? (size_t)n :
	    strlen(guard_msg);
	guard_len = len;
	guard_p = p;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_bus_error;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
}

void
map_unguard(const void *p)
{
	if (guard_p != p)
		return;
	guard_p = NULL;
	guard_len = 0;
}

void
oom_context(const char *file)
{
	if (file == NULL)
		oom_file[0] = '\0';
	else
		snprintf(oom_file, sizeof(oom_file), "%s", file);
}

static void
oom(void)
{
	live_unlink_all();
	if (oom_file[0] != '\0')
		fprintf(stderr, "minutes: %s: error: out of memory\n",
		    oom_file);
	else
		fputs("minutes: error: out of memory\n", stderr);
	exit(3);
}

void
xoom(void)
{
	oom();
}

/* --- reading ------------------------------------------------------------ */

const char *
file_strerror(int err)
{
	switch (err) {
	case FILE_ENOTREG:
		return "not a regular file; refused";
	case FILE_ESYMLINK:
		return "a symbolic link; refused";
	case FILE_ESAME:
		return "the same file as an input; refused";
	default:
		return strerror(err);
	}
}

int
file_read(const char *path, char **data, size_t *len)
{
	return file_read_max(path, SIZE_MAX, data, len);
}

/* Reads the whole of the open fd (closed here) into *data. */
static int
read_fd(int fd, size_t max, char **data, size_t *len)
{
	struct buf b = {0};
	struct stat st;
	char chunk[65536];
	ssize_t n;
	int err = 0, fl;

	if (fstat(fd, &st) == -1) {
		err = errno;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		err = EISDIR;
		goto out;
	}
	/* A regular file, or a pipe or terminal the user named: never a
	 * disk, a socket or the like. */
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) &&
	    !S_ISCHR(st.st_mode)) {
		err = FILE_ENOTREG;
		goto out;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		err = EFBIG;
		goto out;
	}
	/* Opened without blocking, so that a FIFO with no writer gives
	 * end of file at once; read what a writer sends as it comes. */
	if ((fl = fcntl(fd, F_GETFL)) != -1 && (fl & O_NONBLOCK))
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			err = errno;
			goto out;
		}
		if ((size_t)n > max - b.len) {
			err = EFBIG;
			goto out;
		}
		buf_put(&b, chunk, (size_t)n);
	}
	*len = b.len;
	*data = buf_detach(&b);
out:
	close(fd);
	if (err != 0)
		buf_free(&b);
	return err;
}

int
file_read_max(const char *path, size_t max, char **data, size_t *len)
{
	int fd;

	if (*path == '\0')
		return ENOENT;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK |
	    O_NOCTTY)) == -1)
		return errno;
	return read_fd(fd, max, data, len);
}

int
file_read_under(const char *root, const char *rel, size_t max, char **data,
    size_t *len)
{
	const char *p = rel, *slash;
	char *part;
	int dfd, fd, err;

	if ((dfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return errno;
	for (;;) {
		slash = strchr(p, '/');
		part = slash ? xstrndup(p, (size_t)(slash - p)) : xstrdup(p);
		fd = openat(dfd, part, (slash ? O_DIRECTORY : O_NONBLOCK |
		    O_NOCTTY) | O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		err = errno;
		if (fd == -1 && (err == ELOOP || err == ENOTDIR)) {
			struct stat st;

			/* Say which: a link, or something not a folder. */
			if (fstatat(dfd, part, &st, AT_SYMLINK_NOFOLLOW) == 0)
				err = S_ISLNK(st.st_mode) ? FILE_ESYMLINK :
				    FILE_ENOTREG;
		}
		free(part);
		close(dfd);
		if (fd == -1)
			return err;
		if (slash == NULL)
			break;
		dfd = fd;
		p = slash + 1;
	}
	{
		struct stat st;

		if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
			close(fd);
			return S_ISDIR(st.st_mode) ? EISDIR : FILE_ENOTREG;
		}
	}
	return read_fd(fd, max, data, len);
}

int
file_walk_regular(const char *dir, const char *name)
{
	struct stat st;
	char *path = xasprintf("%s/%s", dir, name);
	const char *what = NULL;

	if (lstat(path, &st) == -1)
		what = strerror(errno);
	else if (S_ISLNK(st.st_mode))
		what = "a symbolic link";
	else if (!S_ISREG(st.st_mode))
		what = "not a regular file";
	if (what != NULL) {
		fputs("minutes: ", stderr);
		diag_fputs(path, stderr);
		fprintf(stderr, ": warning: %s; skipped\n", what);
	}
	free(path);
	return what == NULL;
}

/* --- identity ----------------------------------------------------------- */

int
file_same(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void
file_ids_add(struct file_ids *s, const char *path)
{
	struct stat st;

	if (path != NULL && stat(path, &st) == 0)
		file_ids_add_stat(s, &st);
}

void
file_ids_add_stat(struct file_ids *s, const struct stat *st)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n].dev = st->st_dev;
	s->v[s->n].ino = st->st_ino;
	s->n++;
}

int
file_ids_has(const struct file_ids *s, const char *path)
{
	struct stat st;
	size_t i;

	if (s->n == 0 || stat(path, &st) == -1)
		return 0;
	for (i = 0; i < s->n; i++)
		if (s->v[i].dev == st.st_dev && s->v[i].ino == st.st_ino)
			return 1;
	return 0;
}

int
file_ids_has_at(const struct file_ids *s, int dir, const char *name)
{
	struct stat st;
	size_t i;

	if (s->n == 0 || fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return 0;
	for (i = 0; i < s->n; i++)
		if (s->v[i].dev == st.st_dev && s->v[i].ino == st.st_ino)
			return 1;
	return 0;
}

void
file_ids_free(struct file_ids *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* --- writing ------------------------------------------------------------ */

static int
write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	ssize_t n;

	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		off += (size_t)n;
	}
	return 0;
}

/* Bytes to write, for the producers below. */
struct bytes {
	const char	*data;
	size_t		 len;
};

/* A producer writing the bytes arg points to. */
static int
write_bytes(int fd, void *arg)
{
	const struct bytes *b = arg;

	return write_all(fd, b->data, b->len);
}

mode_t
new_file_mode(void)
{
	static mode_t mask = (mode_t)-1;

	if (mask == (mode_t)-1) {
		mask = umask(0);
		umask(mask);
	}
	return 0666 & ~mask;
}

/*
 * Writes to a device or FIFO that exists at path, in place: renaming a
 * regular file over it would replace the device node itself.  Character
 * devices (/dev/null, a terminal) and FIFOs only.
 */
static int
write_special(const char *path, const struct stat *want,
    int (*produce)(int, void *), void *arg)
{
	struct stat st;
	int fd, err;

	if (S_ISDIR(want->st_mode))
		return EISDIR;
	if (!S_ISCHR(want->st_mode) && !S_ISFIFO(want->st_mode))
		return FILE_ENOTREG;
	if ((fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)) == -1)
		return errno;
	if (fstat(fd, &st) == -1 || st.st_dev != want->st_dev ||
	    st.st_ino != want->st_ino) {
		close(fd);
		return FILE_ENOTREG;
	}
	err = produce(fd, arg);
	if (close(fd) == -1 && err == 0)
		err = errno;
	return err;
}

static int	set_add(struct file_set *, const char *,
		    int (*)(int, void *), void *);

int
file_write_atomic(const char *path, const char *data, size_t len)
{
	struct bytes b = { data, len };

	return file_write_atomic_fn(path, write_bytes, &b);
}

int
file_write_atomic_fn(const char *path, int (*produce)(int, void *),
    void *arg)
{
	struct file_set set = {0};
	struct stat st, lst, out;
	char *failed = NULL, *real = NULL;
	int err;

	if (*path == '\0')
		return ENOENT;
	if (stat(path, &st) == 0) {
		/* -o /dev/stdout, or our standard output by its name. */
		if (fstat(STDOUT_FILENO, &out) == 0 &&
		    st.st_dev == out.st_dev && st.st_ino == out.st_ino)
			return produce(STDOUT_FILENO, arg);
		if (!S_ISREG(st.st_mode))
			return write_special(path, &st, produce, arg);
		/* A link to a regular file: replace the file, keep the
		 * link. */
		if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
			if ((real = realpath(path, NULL)) == NULL)
				return errno;
			path = real;
		}
	} else if (errno != ENOENT)
		return errno;
	else if (lstat(path, &lst) == 0)
		return ENOENT;		/* a link to nothing: not followed */
	if ((err = set_add(&set, path, produce, arg)) == 0)
		err = file_set_commit(&set, &failed);
	free(failed);
	free(real);
	return err;
}

int
file_set_add(struct file_set *s, const char *path, const char *data,
    size_t len)
{
	struct bytes b = { data, len };

	return set_add(s, path, write_bytes, &b);
}

/* file_set_add() of what produce(fd, arg) writes. */
static int
set_add(struct file_set *s, const char *path, int (*produce)(int, void *),
    void *arg)
{
	struct stat st;
	sigset_t sigs;
	mode_t mode = new_file_mode();
	char *tmp;
	int fd, err = 0, old = 0;

	/* Only a regular file is replaced; never a link, a device, a FIFO
	 * or a folder that stands where the file goes. */
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode))
			return FILE_ESYMLINK;
		if (!S_ISREG(st.st_mode))
			return S_ISDIR(st.st_mode) ? EISDIR : FILE_ENOTREG;
		mode = st.st_mode & 0777;
		old = 1;
	}
	tmp = xasprintf("%s.tmp.XXXXXX", path);
	/* Made and listed with the fatal signals held off, so that no
	 * moment has a temporary file the handler does not know. */
	live_block(&sigs);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		err = errno;
		sigprocmask(SIG_SETMASK, &sigs, NULL);
		free(tmp);
		return err;
	}
	live_add(tmp);
	sigprocmask(SIG_SETMASK, &sigs, NULL);
	err = produce(fd, arg);
	if (err == 0 && fchmod(fd, mode) == -1)
		err = errno;
	/* The replacement keeps the owner where we may set it (root). */
	if (err == 0 && old && geteuid() == 0)
		(void)!fchown(fd, st.st_uid, st.st_gid);
	/* Closed now: a set may hold more files than a process may keep
	 * open; the commit syncs them through the file system or anew. */
	if (close(fd) == -1 && err == 0)
		err = errno;
	if (err != 0) {
		unlink(tmp);
		live_del(tmp);
		free(tmp);
		return err;
	}
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n].path = xstrdup(path);
	s->v[s->n].tmp = tmp;
	s->v[s->n].dir = AT_FDCWD;
	s->v[s->n].off = 0;
	s->n++;
	return 0;
}

/*
 * Creates a new file "name.tmp.XXXXXX" in the folder dir, never through a
 * symbolic link; returns its descriptor with *tmp the name (caller frees),
 * or -1 with errno set.
 */
static int
tmp_openat(int dir, const char *name, char **tmp)
{
	static const char chars[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned long seed;
	char *t;
	size_t n;
	int fd, i, k;

	if (seed == 0)
		seed = (unsigned long)getpid() * 2654435761UL ^
		    (unsigned long)time(NULL);
	t = xasprintf("%s.tmp.XXXXXX", name);
	n = strlen(t);
	for (k = 0; k < 1000; k++) {
		for (i = 1; i <= 6; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			t[n - (size_t)i] = chars[(seed >> 33) % (sizeof(chars) - 1)];
		}
		fd = openat(dir, t, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd != -1 || errno != EEXIST) {
			if (fd == -1) {
				free(t);
				return -1;
			}
			*tmp = t;
			return fd;
		}
	}
	free(t);
	errno = EEXIST;
	return -1;
}

int
tmp_create_at(int dir, const char *dirpath, const char *name, char **tmp)
{
	sigset_t sigs;
	char *t;
	int fd;

	/* Made and listed with the fatal signals held off, so that no
	 * moment has a temporary file the handler does not know. */
	live_block(&sigs);
	if ((fd = tmp_openat(dir, name, &t)) == -1) {
		sigprocmask(SIG_SETMASK, &sigs, NULL);
		return -1;
	}
	*tmp = xasprintf("%s/%s", dirpath, t);
	free(t);
	live_add(*tmp);
	sigprocmask(SIG_SETMASK, &sigs, NULL);
	return fd;
}

void
tmp_done(char *tmp)
{
	if (tmp == NULL)
		return;
	live_del(tmp);
	free(tmp);
}

int
file_set_addat(struct file_set *s, int dir, const char *dirpath,
    const char *name, const char *data, size_t len)
{
	struct bytes b = { data, len };

	return file_set_addat_fn(s, dir, dirpath, name, write_bytes, &b);
}

int
file_set_addat_fn(struct file_set *s, int dir, const char *dirpath,
    const char *name, int (*produce)(int, void *), void *arg)
{
	struct stat st;
	mode_t mode = new_file_mode();
	char *full;
	int fd, err = 0, old = 0;

	if (strchr(name, '/') != NULL || *name == '\0')
		return EINVAL;
	/* Only a regular file is replaced: a link is not followed, nor is
	 * it replaced.  The replacement keeps the old file's mode. */
	if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (!S_ISREG(st.st_mode))
			return S_ISLNK(st.st_mode) ? ELOOP :
			    S_ISDIR(st.st_mode) ? EISDIR : EEXIST;
		mode = st.st_mode & 0777;
		old = 1;
	}
	if ((fd = tmp_create_at(dir, dirpath, name, &full)) == -1)
		return errno;
	err = produce(fd, arg);
	if (err == 0 && fchmod(fd, mode) == -1)
		err = errno;
	if (err == 0 && old && geteuid() == 0)
		(void)!fchown(fd, st.st_uid, st.st_gid);
	if (close(fd) == -1 && err == 0)
		err = errno;
	if (err != 0) {
		unlinkat(dir, full + strlen(dirpath) + 1, 0);
		tmp_done(full);
		return err;
	}
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n].path = xasprintf("%s/%s", dirpath, name);
	s->v[s->n].tmp = full;
	s->v[s->n].dir = dir;
	s->v[s->n].off = strlen(dirpath) + 1;
	s->n++;
	return 0;
}

/* A new descriptor on f's temporary file, read only; -1 with errno. */
static int
tmp_open(const struct file_set_file *f)
{
	return openat(f->dir, f->tmp + f->off, O_RDONLY | O_NOFOLLOW |
	    O_CLOEXEC);
}

/* fsync() of f's temporary file; returns 0 or an errno value. */
static int
sync_one(const struct file_set_file *f)
{
	int fd, err = 0;

	if ((fd = tmp_open(f)) == -1)
		return errno;
	if (fsync(fd) == -1)
		err = errno;
	close(fd);
	return err;
}

/*
 * A descriptor on the file system that set s is written to, and its
 * device; -1 when there is none.  *own says whether the caller closes it.
 */
static int
set_fs(const struct file_set *s, dev_t *dev, int *own)
{
	struct stat st;
	int fd;

	*own = s->v[0].dir == AT_FDCWD;
	fd = *own ? tmp_open(&s->v[0]) : s->v[0].dir;
	if (fd == -1)
		return -1;
	if (fstat(fd, &st) == -1) {
		if (*own)
			close(fd);
		return -1;
	}
	*dev = st.st_dev;
	return fd;
}

/*
 * One flush for many sets: a syncfs() per file system they are on.  A
 * set whose file system could not be flushed syncs its files one by one
 * at its commit, which then names the file that fails.
 */
void
file_sets_sync(struct file_set *const *v, size_t n)
{
	dev_t *done = xcalloc(n + 1, sizeof(*done)), dev;
	size_t i, k, ndone = 0;
	int fd, own;

	for (i = 0; i < n; i++) {
		if (v[i]->n == 0 || v[i]->synced)
			continue;
		if ((fd = set_fs(v[i], &dev, &own)) == -1)
			continue;
		for (k = 0; k < ndone && done[k] != dev; k++)
			continue;
		if (k < ndone || syncfs(fd) == 0) {
			v[i]->synced = 1;
			if (k == ndone)
				done[ndone++] = dev;
		}
		if (own)
			close(fd);
	}
	free(done);
}

/*
 * Each file must reach the disk before it replaces the old one.  One
 * fsync per file costs a journal commit and a cache flush each, which
 * was most of the time of a build; a single syncfs() covers every file
 * of the set (file_sets_sync() does it once for many sets).  Where
 * syncfs() fails, each file is synced on its own, so that an error names
 * the file it belongs to.
 */
int
file_set_commit(struct file_set *s, char **failed)
{
	struct file_set_file *f;
	struct file_set *one = s;
	size_t i, bad = s->n;
	int err = 0;

	*failed = NULL;
	if (s->n > 1 && !s->synced)
		file_sets_sync(&one, 1);
	for (i = 0; i < s->n; i++) {
		f = &s->v[i];
		if (err == 0 && !s->synced)
			err = sync_one(f);
		if (err == 0 && renameat(f->dir, f->tmp + f->off, f->dir,
		    f->path + f->off) == -1)
			err = errno;
		if (err != 0 && bad == s->n)
			bad = i;
		if (i >= bad)
			unlinkat(f->dir, f->tmp + f->off, 0);
		live_del(f->tmp);
	}
	for (i = 0; i < s->n; i++) {
		if (i == bad)
			*failed = s->v[i].path;
		else
			free(s->v[i].path);
		free(s->v[i].tmp);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
	return err;
}

/*
 * Drops the files added without putting any in place: their temporary
 * files are removed.
 */
void
file_set_abort(struct file_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		unlinkat(s->v[i].dir, s->v[i].tmp + s->v[i].off, 0);
		live_del(s->v[i].tmp);
		free(s->v[i].tmp);
		free(s->v[i].path);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* Latin letters U+00C0..U+017F without their accents. */
static const char latin1[] =
    "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const char latin_ext_a[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/*
 * A key for comparing names and making ids: ASCII lower case, the
 * accents of Latin letters dropped ("Agustín" and "Agustin" meet), a
 * curly apostrophe made straight; other bytes are kept.  Caller frees.
 */
char *
str_fold(const char *s, size_t len)
{
	char *k = xmalloc(len + 1);

	str_fold_into(k, s, len);
	return k;
}

size_t
str_fold_into(char *k, const char *s, size_t len)
{
	char *w = k;
	const unsigned char *p = (const unsigned char *)s,
	    *end = (const unsigned char *)s + len;

	while (p < end) {
		if (p[0] == 0xc3 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0xbf) {
			*w++ = latin1[p[1] - 0x80];
			p += 2;
		} else if ((p[0] == 0xc4 || p[0] == 0xc5) && p + 1 < end &&
		    p[1] >= 0x80 && p[1] <= 0xbf) {
			*w++ = latin_ext_a[(p[0] - 0xc4) * 64 + p[1] - 0x80];
			p += 2;
		} else if (p[0] == 0xe2 && p + 2 < end && p[1] == 0x80 &&
		    (p[2] == 0x98 || p[2] == 0x99)) {
			*w++ = '\'';
			p += 3;
		} else
			*w++ = (char)*p++;
	}
	*w = '\0';
	for (w = k; *w != '\0'; w++)
		if (*w >= 'A' && *w <= 'Z')
			*w = (char)(*w - 'A' + 'a');
	return (size_t)(w - k);
}

/* JSON for the model dumps (meeting.json, series.json). */
void
buf_json_str(struct buf *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *run = p;

	if (s == NULL) {
		buf_puts(o, "null");
		return;
	}
	buf_putc(o, '"');
	for (; *p != '\0'; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		buf_put(o, (const char *)run, (size_t)(p - run));
		switch (*p) {
		case '"':  buf_puts(o, "\\\""); break;
		case '\\': buf_puts(o, "\\\\"); break;
		case '\n': buf_puts(o, "\\n"); break;
		case '\t': buf_puts(o, "\\t"); break;
		case '\r': buf_puts(o, "\\r"); break;
		default:   buf_printf(o, "\\u%04x", *p); break;
		}
		run = p + 1;
	}
	buf_put(o, (const char *)run, (size_t)(p - run));
	buf_putc(o, '"');
}

void
buf_json_strlist(struct buf *o, const struct strlist *l)
{
	size_t i;

	buf_putc(o, '[');
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_puts(o, ", ");
		buf_json_str(o, l->v[i]);
	}
	buf_putc(o, ']');
}
