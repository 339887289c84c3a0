/*
 * diag.h -- the one table of diagnostics.
 *
 * Library code records diagnostics in a struct diags; the command line
 * prints them as "minutes: FILE:LINE:COL: LEVEL: MESSAGE" and derives the
 * exit status from the worst level seen.
 */
#ifndef MINUTES_DIAG_H
#define MINUTES_DIAG_H

#include <stdio.h>

enum diag_level {
	MTG_NOTE,
	MTG_WARNING,
	MTG_ERROR
};

enum diag_id {
	MTG_D_EMPTY,		/* empty input */
	MTG_D_UTF8,		/* invalid UTF-8 */
	MTG_D_NUL,		/* NUL byte in input */
	MTG_D_YAML,		/* front matter syntax error */
	MTG_D_YAML_SHAPE,	/* front matter key of the wrong shape */
	MTG_D_YAML_KEY,		/* unknown front matter key */
	MTG_D_NO_DATE,		/* no meeting date found */
	MTG_D_BAD_DATE,		/* front matter date is not a date */
	MTG_D_NO_OWNER,		/* action without owner */
	MTG_D_DUE_NOT_DATE,	/* due date that is not a date */
	MTG_D_DUE_BEFORE,	/* due date before the meeting */
	MTG_D_OWNER_UNKNOWN,	/* owner neither attendee, chair nor alias */
	MTG_D_OWNER_APOLOGY,	/* owner sent apologies */
	MTG_D_TABLE_NO_OWNER,	/* action-like table without owner column */
	MTG_D_MULTI_MEETING,	/* file holds several meetings */
	MTG_D_NO_CONVENTION,	/* no actions, decisions or attendance */
	MTG_D_TOO_DEEP,		/* nesting too deep, flattened */
	MTG_D_TOO_LARGE,	/* input file too large to read */
	MTG_D_TABLE_WIDE,	/* table too wide for its size; kept as text */
	MTG_D_YAML_LIMIT,	/* front matter too deep or too large */
	MTG_D_BIDI,		/* unpaired bidi control, removed */
	MTG_D_AMPLIFY,		/* links expand far beyond the notes */
	MTG_D_NOT_TAKEN,	/* looks like an action, not taken (check -v) */
	MTG_D_SERIES_NEAR,	/* action resembles an open one; not merged */
	MTG_D_SERIES_AMBIGUOUS,	/* action matches several open ones */
	MTG_D_SERIES_UNKNOWN,	/* an id no earlier meeting raised */
	MTG_D__MAX
};

struct diag {
	enum diag_id	 id;
	int		 line;
	int		 col;
	char		*detail;	/* appended to the message, or NULL */
};

struct diags {
	char		*file;		/* name printed before each line */
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
};

void		 diags_init(struct diags *, const char *file);
void		 diags_free(struct diags *);
/* Records a diagnostic; detail is printf-style and may be NULL. */
void		 diag_add(struct diags *, enum diag_id, int line, int col,
		    const char *detail, ...)
		    __attribute__((format(printf, 5, 6)));
enum diag_level	 diag_level(enum diag_id);
const char	*diag_message(enum diag_id);
/* Writes s with its control characters escaped (\x1b, \u009b). */
void		 diag_fputs(const char *s, FILE *f);
/* Prints all diagnostics in line order to f, control characters escaped. */
void		 diags_print(const struct diags *, FILE *f);
/* The worst level recorded, or -1 when there is none. */
int		 diags_worst(const struct diags *);
/*
 * Prints one error now, outside any struct diags: "minutes: FILE:LINE:COL:
 * error: MESSAGE", or "minutes: FILE: error: MESSAGE" when line is 0, or
 * "minutes: error: MESSAGE" when file is NULL.
 */
void		 diag_error(const char *file, int line, int col,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
