/*
 * cache.h -- what a build keeps beside its manifest so that an unchanged
 * meeting is neither parsed nor rendered into archive.xml again.
 *
 * The cache (.minutes-cache in the output root) holds records, each
 * under a content key (struct key of manifest.h) that names everything
 * it was made from: the model of one notes file (its meetings and their
 * diagnostics, as reading left them, before the series wrote into them),
 * and the archive.xml chapter of one meeting.  The file is untrusted
 * input: every record is checked (framing, checksum, and a model is
 * decoded only into what the parser could have made); anything that does
 * not pass is not used, and the caller parses or renders again.
 */
#ifndef MINUTES_CACHE_H
#define MINUTES_CACHE_H

#include <stddef.h>
#include <sys/stat.h>
#include <time.h>

#include "diag.h"
#include "notes.h"
#include "util.h"

#define CACHE_NAME	".minutes-cache"

enum cache_kind {
	CACHE_MODEL,		/* the meetings of one notes file */
	CACHE_CHAPTER,		/* one meeting's archive.xml chapter, or
				   the appendices of the book */
	CACHE_NOTES,		/* a notes file's identity and the key of
				   its bytes when it had that identity */
	CACHE__MAX
};

struct cache;

/*
 * Reads the cache of the output root open as root (dirpath, for the
 * messages): a missing, foreign or damaged file is an empty cache.  The
 * file is mapped, not copied, until cache_free(): if another program
 * cuts it short meanwhile, the process ends as map_guard() says.  Never
 * fails; free with cache_free().
 */
struct cache	*cache_read(int root, const char *dirpath);
void		 cache_free(struct cache *);

/*
 * The part of a meeting's record that only its rendering reads: its
 * sections, links, document tree and title heading, undecoded (borrowed
 * from the cache, valid until cache_free()); data NULL: none left.
 */
struct cache_tree {
	const char	*data;
	size_t		 len;
	size_t		 nsections;
};

/*
 * The meetings of the notes file source under key (64 hex digits): fills
 * *d (initialised for source by the caller) and *out, and returns 0; or
 * returns -1 with all untouched when the cache has no such record or the
 * record does not decode.  A record found is kept by cache_write().
 * trees NULL: each meeting whole; else each meeting's tree part is left
 * in (*trees)[i] (an array of out->n, caller frees), for
 * cache_decode_tree().
 */
int		 cache_get_model(struct cache *, const char *key,
		    const char *source, struct diags *d, struct meetings *out,
		    struct cache_tree **trees);
/*
 * Decodes the tree part t into m (a meeting cache_get_model() gave
 * without it): returns 0, or -1 with m unchanged when the part does not
 * decode (the caller parses the notes again).
 */
int		 cache_decode_tree(const struct cache_tree *t,
		    struct meeting *m);
/* Whether the cache has a record under kind and key (not yet read). */
int		 cache_has(struct cache *, enum cache_kind, const char *key);
/* Records a model cache_encode_model() encoded: data[0..len), copied. */
void		 cache_put_encoded(struct cache *, const char *key,
		    const char *data, size_t len);
/* Records the meetings of a notes file, and the file's diagnostics. */
void		 cache_put_model(struct cache *, const char *key,
		    const struct diags *, const struct meetings *);
/*
 * The chapter under key, or NULL; *len its length.  Borrowed from the
 * cache, valid until cache_free().
 */
const char	*cache_get_chapter(struct cache *, const char *key,
		    size_t *len);
/* Records a chapter: the bytes of xml, taken (xml is left empty). */
void		 cache_put_chapter(struct cache *, const char *key,
		    struct buf *xml);
/*
 * Writes the records looked up (and found) or put since cache_read(),
 * and no other, into the root open as root (whose path is dirpath), when
 * they differ from what the file holds.  The file is replaced by a rename, without a flush: a
 * cache lost in a crash is only a slower build.  Returns 0 or an errno
 * value.
 */
int		 cache_write(struct cache *, int root, const char *dirpath);
/*
 * Keeps the record under kind and key (if the file has it) for the next
 * build without reading it: what a build did not need this time.
 */
void		 cache_keep(struct cache *, enum cache_kind, const char *key);
/*
 * Once the cache is written: frees what this build put (the chapters
 * rendered, the models parsed), which lookups no longer find; what the
 * file held stays until cache_free() (a meeting's tree part points into
 * it).  cache_write() then writes nothing.
 */
void		 cache_release(struct cache *);
/*
 * The key of the bytes of the notes file path (64 hex digits, into
 * notes) as the cache recorded it for the identity st (a stat() of path
 * taken now): returns 0 when the record is for that very identity (the
 * same file, size, modification and change times), else -1 and the
 * caller reads and hashes the file.  A record found is kept.
 */
int		 cache_get_notes(struct cache *, const char *path,
		    const struct stat *st, char notes[65]);
/*
 * Records notes, the key of the bytes of path read after the stat() st
 * was taken.  Not recorded when st's times are not older than a second
 * before now (a file changed again within the same clock tick would
 * keep its identity), nor for anything but a regular file.
 */
void		 cache_put_notes(struct cache *, const char *path,
		    const struct stat *st, const char *notes,
		    const struct timespec *now);
/* Records found and records put, for the tests and -v. */
void		 cache_counts(const struct cache *, size_t hits[CACHE__MAX],
		    size_t puts[CACHE__MAX]);

/*
 * The encoding of a model record, on its own: the diagnostics d and the
 * meetings of one notes file appended to out.
 */
void		 cache_encode_model(struct buf *out, const struct diags *d,
		    const struct meetings *);
/*
 * What the series and the archive pages read of meeting m, encoded as
 * cache_encode_model() does, without the document tree and what points
 * into it: the key of the pages is made of it.
 */
void		 cache_encode_summary(struct buf *out, const struct meeting *);
/*
 * Decodes data[0..len) as cache_encode_model() made it, for the notes
 * file source: returns 0 with *d (initialised by the caller) and *out
 * filled, or -1 with nothing added when the bytes are not such a record
 * (truncated, out of range, not what the parser makes).
 */
int		 cache_decode_model(const char *data, size_t len,
		    const char *source, struct diags *d, struct meetings *out);

#endif
