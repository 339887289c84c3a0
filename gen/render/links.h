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

#endif
