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
};

void	 buf_put(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
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
void	 strlist_free(struct strlist *);

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
/* ASCII case-insensitive prefix test. */
int	 str_has_prefix_ci(const char *, const char *);

/*
 * Reads a whole file into *data (NUL-terminated, owned by the caller) and
 * its length into *len.  Returns 0, or an errno value with nothing allocated.
 */
int	 file_read(const char *, char **data, size_t *len);
/* The same, failing with EFBIG when the file holds more than max bytes. */
int	 file_read_max(const char *, size_t max, char **data, size_t *len);

/*
 * Writes len bytes to path atomically: a temporary file in the same folder,
 * fsync, then rename over path.  Returns 0, or an errno value; on failure the
 * old file (if any) is untouched and no temporary file is left behind.
 */
int	 file_write_atomic(const char *path, const char *data, size_t len);

#endif
