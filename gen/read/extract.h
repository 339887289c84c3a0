/*
 * extract.h -- the notes conventions: document tree to meeting model.
 */
#ifndef MINUTES_EXTRACT_H
#define MINUTES_EXTRACT_H

#include "diag.h"
#include "model.h"

/*
 * Reads m->body (and the metadata parse_notes() took from front matter) and
 * fills in everything the conventions of DESIGN.md describe: title and date
 * fallbacks, attendance, agenda, action items, teams, decisions, sections
 * and links.  Raises the diagnostics that only extraction can see (such as
 * an action table without an owner column).
 */
void	extract_meeting(struct meeting *, struct diags *);

/*
 * What extraction recognised, for `check -v`: "12 attendees, 2 apologies,
 * 6 agenda items, 9 actions (2 without owner), 3 decisions, 1 team".
 * Caller frees.
 */
char	*extract_summary(const struct meeting *);

#endif
