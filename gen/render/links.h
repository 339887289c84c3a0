/*
 * links.h -- which link destinations any format may make live.
 */
#ifndef MINUTES_LINKS_H
#define MINUTES_LINKS_H

/*
 * Whether url may be a live link in any output: a relative reference or
 * fragment, or one of the schemes http, https, mailto, ftp and tel (a
 * dial-in number), read the way a browser reads them (case, leading
 * blanks and control characters, tabs and newlines inside).  Anything else -- javascript:, data:,
 * LibreOffice's vnd.sun.star.script: and macro:, file: -- is shown as
 * text.  The one list for every format.
 */
int	link_url_allowed(const char *url);

/*
 * Reads the scheme of url the way a browser does into scheme (lower case,
 * at most size - 1 characters).  Returns 1 when there is a well-formed
 * scheme (then *rest, unless rest is NULL, points after its colon), 0
 * when the URL is relative, -1 when a colon follows something that is no
 * scheme or an '&' comes before the first / ? # (an entity left
 * undecoded).
 */
int	link_url_scheme(const char *url, char *scheme, size_t size,
	    const char **rest);

#endif
