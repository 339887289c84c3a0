/*
 * templates.h -- the default templates and styles built into the program.
 */
#ifndef MINUTES_TEMPLATES_H
#define MINUTES_TEMPLATES_H

#include <stddef.h>

struct embedded_file {
	const char		*name;	/* path under templates/ */
	size_t			 len;
	const unsigned char	*data;	/* len bytes, then a NUL */
};

/* Ended by an entry whose name is NULL. */
extern const struct embedded_file embedded_files[];

#endif
