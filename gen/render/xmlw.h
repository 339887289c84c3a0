/*
 * xmlw.h -- the one XML writer: every XML part the program writes
 * (DocBook, ODF content, meta and manifest) goes through it.
 *
 * A thin layer over libxml2's streaming xmlTextWriter: elements are
 * written as they are started, nothing is kept but the stack of open
 * elements, and libxml2 escapes text and attribute values.  Names are
 * written as given, prefix included ("text:p"); the namespaces are
 * declared as xmlns attributes of the root.  Text and values are cleaned
 * of the characters XML 1.0 forbids before they are written.  Running out
 * of memory exits as xmalloc() does.
 */
#ifndef MINUTES_XMLW_H
#define MINUTES_XMLW_H

#include <stddef.h>

#include "util.h"

struct xmlw;

/* Where output goes: called with each chunk, in order. */
typedef void	(*xmlw_sink)(void *arg, const char *data, size_t len);

/*
 * A writer appending to out, or handing its output to sink(arg, ...).
 * Free with xmlw_free(), after xmlw_finish() when the part is complete.
 */
struct xmlw	*xmlw_new(struct buf *out);
struct xmlw	*xmlw_new_sink(xmlw_sink sink, void *arg);
void		 xmlw_free(struct xmlw *);

/* Writes the XML declaration (UTF-8); call first, if at all. */
void		 xmlw_declaration(struct xmlw *);
/*
 * Line breaks for a readable document: children of an element for which
 * element_only(name) returns 1 each start on a line of their own, and so
 * does its end tag.  Mixed content is left alone.
 */
void		 xmlw_set_layout(struct xmlw *,
		    int (*element_only)(const char *name));

/* Starts element name inside the current one. */
void		 xmlw_start(struct xmlw *, const char *name);
/* Adds an attribute to the element just started (before its content). */
void		 xmlw_attr(struct xmlw *, const char *name, const char *value);
void		 xmlw_attrf(struct xmlw *, const char *name, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));
/* Appends text to the current element; NULL is nothing. */
void		 xmlw_text(struct xmlw *, const char *text);
void		 xmlw_textn(struct xmlw *, const char *text, size_t len);
/* Ends the current element ("<x/>" when it holds nothing). */
void		 xmlw_end(struct xmlw *);
/* <name>text</name> */
void		 xmlw_el_text(struct xmlw *, const char *name,
		    const char *text);
/*
 * The number of elements open, and the number of elements written so far
 * directly inside the current one.
 */
size_t		 xmlw_depth(const struct xmlw *);
size_t		 xmlw_children(const struct xmlw *);
/*
 * Writes data[0..len) as it stands as the next child of the current
 * element: a well-formed fragment another writer made with the same
 * layout (its line break before it, where the layout wants one).
 */
void		 xmlw_raw(struct xmlw *, const char *data, size_t len);
/*
 * Closes the start tag just written, if any, and hands all output so far
 * to the sink: what follows starts after it.
 */
void		 xmlw_flush(struct xmlw *);
/* Ends every open element and flushes the output. */
void		 xmlw_finish(struct xmlw *);

/* Runs out of memory as xmalloc() does (xoom()). */
void		 xmlw_oom(void) __attribute__((noreturn));
/*
 * Sends libxml2's own error messages through diag_error() instead of
 * letting the library print raw lines; done by xmlw_new() too.
 */
void		 xmlw_route_errors(void);

/*
 * Returns text without the characters XML 1.0 forbids (C0 controls other
 * than tab, newline and carriage return; U+FFFE, U+FFFF).  Caller frees.
 */
char		*xmlw_clean(const char *text);
/*
 * Returns url made fit for an xsd:anyURI attribute: spaces, quotes,
 * non-ASCII bytes and stray '%' percent-encoded.  Returns NULL (the caller
 * keeps the link text and drops the link) for an empty URL, a script or
 * data: URL, or one that still does not parse.  Caller frees.
 */
char		*xmlw_href(const char *url);

#endif
