/*
 * extract.c -- the notes conventions: document tree to meeting model.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"

void
extract_meeting(struct meeting *m, struct diags *d)
{
	(void)m;
	(void)d;
}
