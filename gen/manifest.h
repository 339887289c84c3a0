/*
 * manifest.h -- what a build made in its output root, and content keys.
 *
 * The manifest (.minutes-manifest in the output root) lists every folder a
 * build made, with the key of the inputs it was rendered from and, for a
 * folder the build found complete and left, its stamp; and the
 * files it made at the root with the keys of what they were made from.  The next build re-renders only a meeting
 * whose key changed, and removes the folders it made earlier for meetings
 * that no longer exist; it never removes anything the manifest does not
 * name.
 */
#ifndef MINUTES_MANIFEST_H
#define MINUTES_MANIFEST_H

#include <stddef.h>
#include <sys/stat.h>

#include <nettle/sha2.h>

#include "util.h"

#define MANIFEST_NAME	".minutes-manifest"

/*
 * A content key: SHA-256 over what an artefact is made from.  Small
 * pieces are gathered and hashed a block at a time: a key is made of
 * hundreds of short strings.
 */
struct key {
	struct sha256_ctx ctx;
	size_t		 n;		/* bytes waiting in buf */
	unsigned char	 buf[512];
};

void	key_init(struct key *);
void	key_put(struct key *, const void *, size_t);
/* A string with its length, so that ("ab","c") and ("a","bc") differ. */
void	key_str(struct key *, const char *);
void	key_int(struct key *, long);
/* The file's bytes (or a mark that it cannot be read). */
void	key_file(struct key *, const char *path);
/*
 * The program itself: its version, build id and the identity of its file
 * (a new build, copy or install of the program is a new key).
 */
void	key_program(struct key *);
/* Every regular file under dir, by name in order, with its bytes. */
void	key_tree(struct key *, const char *dir);
/* The key as 64 hex digits and a NUL, into hex; ends the key. */
void	key_hex(struct key *, char hex[65]);

struct manifest_meeting {
	char	*folder;	/* [a-z0-9-]+ under the output root */
	char	*key;		/* hex key, or "-" when the render failed */
	char	*source;	/* the notes file, for people reading it */
	char	*stamp;		/* manifest_stamp() of its folder when its
				   artefacts were last seen all there, or "" */
};

struct manifest {
	struct manifest_meeting *v;
	size_t		 n, cap;
	struct strlist	 files;		/* files made at the root */
	char		 pages[65];	/* key of the series pages written
					   (series.json to attendance.html),
					   or "" */
	char		 book[65];	/* key of archive.xml written, or "" */
	struct timespec	 written;	/* when the manifest read was written
					   (its modification time), or 0 */
	struct strmap	 index;		/* folder -> entry + 1 (count) */
	size_t		 indexed;	/* entries in index */
};

/*
 * Reads the manifest of the output root open as root; a missing manifest
 * is an empty one.  Lines that do not parse, or name a folder that is not
 * [a-z0-9-]+, are dropped.  Never fails.
 */
void	manifest_read(int root, struct manifest *);
/* Writes it atomically; returns 0 or an errno value. */
int	manifest_write(int root, const char *rootpath, const struct manifest *);
void	manifest_add(struct manifest *, const char *folder, const char *key,
	    const char *source, const char *stamp);
/*
 * The stamp of a folder: its device, inode and modification and change
 * times.  Creating, removing or renaming anything in a folder changes its
 * stamp, so a folder whose stamp is the one recorded holds the same
 * names.
 */
#define MANIFEST_STAMP	(5 * 21 + 1)
void	manifest_stamp(const struct stat *, char stamp[MANIFEST_STAMP]);
/*
 * Whether a folder whose stat() is now st (manifest_stamp() of it in
 * stamp) still holds what it held when entry e recorded its stamp: the
 * stamps are the same, and they are older than the manifest (a change in
 * the same tick of the clock as the manifest's writing could leave the
 * times as they were).
 */
int	manifest_unchanged(const struct manifest *,
	    const struct manifest_meeting *e, const struct stat *st,
	    const char *stamp);
const struct manifest_meeting *manifest_find(struct manifest *,
	    const char *folder);
void	manifest_free(struct manifest *);
/* Whether s is a folder name a build makes: [a-z0-9-]+, not "-" only. */
int	manifest_folder_ok(const char *s);

#endif
