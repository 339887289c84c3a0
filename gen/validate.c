/*
 * validate.c -- checks of the finished model, between extract and render.
 */
#include <stdlib.h>

#include "extract.h"

void
validate_meeting(const struct meeting *m, struct diags *d)
{
	(void)m;
	(void)d;
}
