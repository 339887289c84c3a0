/*
 * links.c -- the allow-list of link schemes, the same for every format.
 *
 * A deny-list is always one scheme short: javascript: was refused, but
 * LibreOffice runs vnd.sun.star.script: and macro: links as macros.  Only
 * the schemes that meeting minutes link to are let through.
 */
#include <stddef.h>
#include <string.h>

#include "links.h"
#include "util.h"

/* Characters a browser drops from anywhere in a URL. */
static int
url_ignored(int c)
{
	return c == '\t' || c == '\n' || c == '\r';
}

/*
 * Reads the scheme of url the way a browser does into scheme (lower case,
 * at most size - 1 characters).  Returns 1 when there is a well-formed
 * scheme, 0 when the URL is relative (no colon before / ? # or the end),
 * -1 when a colon follows something that is not a scheme, or when an '&'
 * comes before the first / ? # (an entity such as "javascript&#58;" left
 * undecoded: no reason to let it near a browser).
 */
int
link_url_scheme(const char *url, char *scheme, size_t size,
    const char **rest)
{
	const unsigned char *p = (const unsigned char *)url;
	size_t n = 0;
	int bad = 0, amp = 0, c;

	while (*p != '\0' && *p <= 0x20)
		p++;
	for (; *p != '\0'; p++) {
		c = *p;
		if (url_ignored(c))
			continue;
		if (c == ':')
			break;
		if (c == '/' || c == '?' || c == '#')
			return amp ? -1 : 0;
		if (c == '&')
			amp = 1;
		if (ascii_alpha(c) || (n > 0 && (ascii_digit(c) || c == '+' ||
		    c == '-' || c == '.'))) {
			if (n + 1 < size)
				scheme[n] = (char)(c | 0x20);
			else
				bad = 1;	/* longer than any we allow */
			n++;
		} else
			bad = 1;
	}
	scheme[n < size ? n : size - 1] = '\0';
	if (*p == '\0')
		return amp ? -1 : 0;
	if (rest != NULL)
		*rest = (const char *)p + 1;
	return bad || n == 0 ? -1 : 1;
}

int
link_url_allowed(const char *url)
{
	static const char *const allowed[] = {
		"http", "https", "mailto", "ftp", "tel", NULL
	};
	char scheme[16];
	size_t i;
	int r;

	if (url == NULL)
		return 0;
	if ((r = link_url_scheme(url, scheme, sizeof(scheme), NULL)) <= 0)
		return r == 0;
	for (i = 0; allowed[i] != NULL; i++)
		if (strcmp(scheme, allowed[i]) == 0)
			return 1;
	return 0;
}
