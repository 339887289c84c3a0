/*
 * manifest.c -- what a build made in its output root, and content keys.
 *
 * The file is plain text, one record a line, fields separated by tabs:
 *
 *	minutes-manifest	1
 *	meeting	FOLDER	KEY	SOURCE
 *	file	NAME
 *	pages	KEY		(the series pages: series.json ... attendance.html)
 *	book	KEY		(archive.xml)
 *
 * SOURCE is informative only (its tabs and control characters become
 * spaces); nothing read from the manifest is trusted beyond a folder
 * name of [a-z0-9-] and a root file name of [a-z0-9.-].
 */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "manifest.h"

void
key_init(struct key *k)
{
	sha256_init(&k->ctx);
	k->n = 0;
}

void
key_put(struct key *k, const void *data, size_t len)
{
	if (k->n + len > sizeof(k->buf)) {
		sha256_update(&k->ctx, k->n, k->buf);
		k->n = 0;
		if (len >= sizeof(k->buf)) {
			sha256_update(&k->ctx, len, data);
			return;
		}
	}
	memcpy(k->buf + k->n, data, len);
	k->n += len;
}

/*
 * Writes n in decimal, then c, ending at end (exclusive); returns where
 * it starts.  A key takes thousands of numbers a build: no printf.
 */
static char *
decimal(char *end, unsigned long n, int c)
{
	char *p = end;

	*--p = (char)c;
	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	return p;
}

void
key_int(struct key *k, long n)
{
	char s[32], *p;

	p = decimal(s + sizeof(s), n < 0 ? 0ul - (unsigned long)n :
	    (unsigned long)n, '\0');
	if (n < 0)
		*--p = '-';
	key_str(k, p);
}

void
key_str(struct key *k, const char *s)
{
	char len[32], *p;
	size_t n;

	if (s == NULL)
		s = "";
	n = strlen(s);
	p = decimal(len + sizeof(len), n, ':');
	key_put(k, p, (size_t)(len + sizeof(len) - p));
	key_put(k, s, n);
}

void
key_file(struct key *k, const char *path)
{
	char *data;
	size_t len;

	if (file_read(path, &data, &len) != 0) {
		key_str(k, "unreadable");
		return;
	}
	key_int(k, (long)len);
	key_put(k, data, len);
	free(data);
}

/*
 * dl_iterate_phdr() callback: puts the GNU build id of the program (the
 * first object, whose name is empty) into the key; returns 1 when it was
 * found, which ends the walk.
 */
static int
put_build_id(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct key *k = arg;
	const ElfW(Nhdr) *nh;
	const char *p, *end;
	size_t i, step;

	(void)size;
	if (info->dlpi_name != NULL && info->dlpi_name[0] != '\0')
		return 0;
	for (i = 0; i < info->dlpi_phnum; i++) {
		if (info->dlpi_phdr[i].p_type != PT_NOTE)
			continue;
		p = (const char *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
		end = p + info->dlpi_phdr[i].p_memsz;
		while ((size_t)(end - p) >= sizeof(*nh)) {
			nh = (const ElfW(Nhdr) *)(const void *)p;
			step = sizeof(*nh) + ((nh->n_namesz + 3) & ~3u) +
			    ((nh->n_descsz + 3) & ~3u);
			if (step > (size_t)(end - p))
				break;
			if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
			    memcmp(p + sizeof(*nh), "GNU", 4) == 0) {
				key_str(k, "build-id");
				key_int(k, (long)nh->n_descsz);
				key_put(k, p + sizeof(*nh) + 4, nh->n_descsz);
				return 1;
			}
			p += step;
		}
	}
	return 0;
}

/*
 * The program: its GNU build id (a hash of the linked program that the
 * linker writes into it) where it has one, and the identity of the file
 * it runs from (device, inode, size, modification time), so that a
 * program rebuilt, replaced or copied is a new one.  Hashing the whole
 * binary instead cost more than rendering a meeting.
 */
void
key_program(struct key *k)
{
	struct timespec now;
	struct stat st;
	int id;

	key_str(k, "minutes " MINUTES_VERSION);
	id = dl_iterate_phdr(put_build_id, k);
	if (stat("/proc/self/exe", &st) == 0) {
		key_int(k, (long)st.st_dev);
		key_int(k, (long)st.st_ino);
		key_int(k, (long)st.st_size);
		key_int(k, (long)st.st_mtim.tv_sec);
		key_int(k, st.st_mtim.tv_nsec);
	} else if (id == 0) {
		/* Nothing tells this program from another: a key of its
		 * own, so that everything is rendered again. */
		clock_gettime(CLOCK_REALTIME, &now);
		key_int(k, (long)now.tv_sec);
		key_int(k, now.tv_nsec);
		key_int(k, (long)getpid());
	}
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* key_tree() of dir, whose names are reported relative to rel. */
static void
key_tree_at(struct key *k, const char *dir, const char *rel, int depth)
{
	struct strlist names = {0};
	struct dirent *e;
	struct stat st;
	DIR *d;
	char *path, *r;
	size_t i;

	if (depth > 16 || (d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			strlist_add(&names, e->d_name);
	closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), name_cmp);
	for (i = 0; i < names.n; i++) {
		path = xasprintf("%s/%s", dir, names.v[i]);
		r = xasprintf("%s%s", rel, names.v[i]);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			free(r);
			r = xasprintf("%s%s/", rel, names.v[i]);
			key_tree_at(k, path, r, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			key_str(k, r);
			key_file(k, path);
		}
		free(r);
		free(path);
	}
	strlist_free(&names);
}

void
key_tree(struct key *k, const char *dir)
{
	key_tree_at(k, dir, "", 0);
}

void
key_hex(struct key *k, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t d[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_update(&k->ctx, k->n, k->buf);
	k->n = 0;
	sha256_digest(&k->ctx, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}

int
manifest_folder_ok(const char *s)
{
	const char *p;

	if (*s == '\0' || strspn(s, "-") == strlen(s))
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return 0;
	return 1;
}

/* A root file name as a build makes them: [a-z0-9.-]+, no leading dot. */
static int
file_name_ok(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '.')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.'))
			return 0;
	return 1;
}

/* Whether s is a stamp as manifest_stamp() writes them. */
static int
stamp_ok(const char *s)
{
	return strlen(s) < MANIFEST_STAMP &&
	    strspn(s, "0123456789:.") == strlen(s);
}

/* Whether s is a key as key_hex() writes them. */
static int
key_ok(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

void
manifest_add(struct manifest *mf, const char *folder, const char *key,
    const char *source, const char *stamp)
{
	struct manifest_meeting *e;
	char *p;

	mf->v = xgrow(mf->v, &mf->cap, mf->n + 1, sizeof(*mf->v));
	e = &mf->v[mf->n++];
	e->folder = xstrdup(folder);
	e->key = xstrdup(key);
	e->source = xstrdup(source != NULL ? source : "");
	for (p = e->source; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	e->stamp = xstrdup(stamp != NULL && stamp_ok(stamp) ? stamp : "");
}

/* Writes t as "SECONDS.NNNNNNNNN", then c, ending at end; as decimal(). */
static char *
stamp_time(char *end, const struct timespec *t, int c)
{
	unsigned long ns = (unsigned long)t->tv_nsec % 1000000000ul;
	char *p = end;
	int i;

	*--p = (char)c;
	for (i = 0; i < 9; i++, ns /= 10)
		*--p = (char)('0' + ns % 10);
	p = decimal(p, t->tv_sec < 0 ? 0ul - (unsigned long)t->tv_sec :
	    (unsigned long)t->tv_sec, '.');
	if (t->tv_sec < 0)
		*--p = '-';
	return p;
}

/* "DEV:INODE:MTIME:CTIME", the times as stamp_time() writes them; one a
 * meeting a build, so no printf either. */
void
manifest_stamp(const struct stat *st, char stamp[MANIFEST_STAMP])
{
	char s[MANIFEST_STAMP], *p = s + sizeof(s);

	p = stamp_time(p, &st->st_ctim, '\0');
	p = stamp_time(p, &st->st_mtim, ':');
	p = decimal(p, (unsigned long)st->st_ino, ':');
	p = decimal(p, (unsigned long)st->st_dev, ':');
	memcpy(stamp, p, (size_t)(s + sizeof(s) - p));
}

static int
older(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

int
manifest_unchanged(const struct manifest *mf,
    const struct manifest_meeting *e, const struct stat *st,
    const char *stamp)
{
	if (e == NULL || e->stamp[0] == '\0' || !S_ISDIR(st->st_mode))
		return 0;
	return strcmp(stamp, e->stamp) == 0 &&
	    older(&st->st_mtim, &mf->written) &&
	    older(&st->st_ctim, &mf->written);
}

/* Looked up through an index of folder names, built at the first lookup. */
const struct manifest_meeting *
manifest_find(struct manifest *mf, const char *folder)
{
	struct strmap_e *e;
	size_t i;

	if (mf->indexed != mf->n) {
		for (i = mf->indexed; i < mf->n; i++) {
			e = strmap_get(&mf->index, mf->v[i].folder,
			    strlen(mf->v[i].folder), 1);
			e->count = (int)i + 1;
		}
		mf->indexed = mf->n;
	}
	e = strmap_get(&mf->index, folder, strlen(folder), 0);
	return e != NULL && e->count > 0 ? &mf->v[e->count - 1] : NULL;
}

void
manifest_read(int root, struct manifest *mf)
{
	char *data = NULL, *line, *next, *f[5];
	struct stat st;
	struct buf b = {0};
	char chunk[65536];
	ssize_t n;
	size_t k;
	int fd;

	memset(mf, 0, sizeof(*mf));
	fd = openat(root, MANIFEST_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK);
	if (fd == -1)
		return;
	if (fstat(fd, &st) == 0)
		mf->written = st.st_mtim;
	while ((n = read(fd, chunk, sizeof(chunk))) > 0 &&
	    b.len < 256u * 1024 * 1024)
		buf_put(&b, chunk, (size_t)n);
	close(fd);
	buf_put(&b, "", 0);
	data = buf_detach(&b);
	if (strncmp(data, "minutes-manifest\t1\n", 19) != 0) {
		free(data);
		return;
	}
	for (line = data; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		for (k = 0; k < 5; k++) {
			f[k] = line;
			if (line != NULL && (line = strchr(line, '\t')) != NULL)
				*line++ = '\0';
		}
		if (strcmp(f[0], "meeting") == 0 && f[3] != NULL &&
		    manifest_folder_ok(f[1]))
			manifest_add(mf, f[1], f[2], f[3], f[4]);
		else if (strcmp(f[0], "file") == 0 && f[1] != NULL &&
		    file_name_ok(f[1]))
			strlist_add_unique(&mf->files, f[1]);
		else if ((strcmp(f[0], "pages") == 0 ||
		    strcmp(f[0], "book") == 0) && f[1] != NULL &&
		    key_ok(f[1]))
			memcpy(f[0][0] == 'p' ? mf->pages : mf->book, f[1], 65);
	}
	free(data);
}

int
manifest_write(int root, const char *rootpath, const struct manifest *mf)
{
	struct file_set set = {0};
	struct buf b = {0};
	char *failed = NULL;
	size_t i;
	int err;

	buf_puts(&b, "minutes-manifest\t1\n");
	for (i = 0; i < mf->n; i++)
		buf_printf(&b, "meeting\t%s\t%s\t%s%s%s\n", mf->v[i].folder,
		    mf->v[i].key, mf->v[i].source,
		    mf->v[i].stamp[0] != '\0' ? "\t" : "", mf->v[i].stamp);
	for (i = 0; i < mf->files.n; i++)
		buf_printf(&b, "file\t%s\n", mf->files.v[i]);
	if (mf->pages[0] != '\0')
		buf_printf(&b, "pages\t%s\n", mf->pages);
	if (mf->book[0] != '\0')
		buf_printf(&b, "book\t%s\n", mf->book);
	err = file_set_addat(&set, root, rootpath, MANIFEST_NAME, b.data,
	    b.len);
	if (err == 0)
		err = file_set_commit(&set, &failed);
	free(failed);
	buf_free(&b);
	return err;
}

void
manifest_free(struct manifest *mf)
{
	size_t i;

	for (i = 0; i < mf->n; i++) {
		free(mf->v[i].folder);
		free(mf->v[i].key);
		free(mf->v[i].source);
		free(mf->v[i].stamp);
	}
	free(mf->v);
	strlist_free(&mf->files);
	strmap_free(&mf->index);
	memset(mf, 0, sizeof(*mf));
}
