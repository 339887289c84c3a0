/*
 * split.h -- a file of several meetings into one meeting per dated heading.
 */
#ifndef MINUTES_SPLIT_H
#define MINUTES_SPLIT_H

#include <stddef.h>

#include "dates.h"
#include "diag.h"
#include "model.h"

/*
 * Splits a parsed notes file (whole, as parse_notes() left it: front
 * matter read, body parsed, nothing extracted) that holds several
 * meetings, one per dated heading, into one meeting per heading.  Returns
 * the number of meetings and a new array of them in *out (the caller
 * frees both), each still to be extracted; or 0 for a file of one
 * meeting, leaving whole as it was.  The blocks of each meeting move out
 * of whole's body with their line numbers, so diagnostics name the lines
 * of the file; what is left in whole (the text before the first meeting,
 * cancelled meetings) is freed with it.
 */
/* Whether heading h starts with a date (after any punctuation such as
 * "**"), as a meeting's heading does; the date in *out. */
int	split_dated_heading(const struct node *h, struct date *out);

size_t	split_meetings(struct meeting *whole, struct diags *,
	    struct meeting ***out);

#endif
