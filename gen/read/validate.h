/*
 * validate.h -- the pass between extraction and rendering: completes the
 * model with the facts renderers need, then checks it.
 */
#ifndef MINUTES_VALIDATE_H
#define MINUTES_VALIDATE_H

#include "diag.h"
#include "model.h"

struct people;

/*
 * Computes the facts every format shows the same way (complete.c): the
 * title heading, agenda sections, owners, rapporteurs and members
 * resolved through pp, overdue marks, speaker notes, the slide row limit.
 */
void	complete_meeting(struct meeting *, const struct people *pp);

/*
 * Completes m (complete_meeting()) and checks it: actions without owners,
 * due dates that are not dates or fall before the meeting, owners unknown
 * or who sent apologies, a missing date.
 */
void	validate_meeting(struct meeting *, struct diags *);

#endif
