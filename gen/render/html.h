/*
 * html.h -- HTML escaping, link safety and the document tree as HTML.
 *
 * Shared by every HTML output (minutes, agenda, blog, slide deck).  Notes
 * are untrusted: text is always escaped, raw HTML is escaped unless
 * opts->unsafe, and links or images whose URL could run script
 * (javascript:, vbscript:, data:, however spelt) lose their URL but keep
 * their text.  Output is valid HTML5 for any tree.
 */
#ifndef MINUTES_HTML_H
#define MINUTES_HTML_H

#include "model.h"
#include "render.h"

/*
 * Appends s escaped for HTML text and attribute values (& < > " '), with
 * each code point HTML forbids (C0 and C1 controls other than tab, newline,
 * form feed and carriage return, and noncharacters) replaced by U+FFFD.
 */
void	html_escape(struct buf *, const char *s);
void	html_escape_len(struct buf *, const char *s, size_t len);

/*
 * Returns a copy of s with the code points HTML forbids replaced by U+FFFD,
 * not otherwise escaped: for values that a template escapes itself.
 * Returns NULL for NULL; caller frees.
 */
char	*html_clean(const char *s);
/* Whether html_clean(s) would be s itself: nothing in s to replace. */
int	html_is_clean(const char *s);

/*
 * Returns 1 when url may become an href or src: its scheme, read the way a
 * browser reads it (case-insensitive, leading white space and control
 * characters skipped, tabs and newlines inside ignored), is not javascript,
 * vbscript, data or another script scheme, nothing but a letter, digit,
 * '+', '-' or '.' comes before a scheme's colon, and no '&' (an entity
 * left undecoded) comes before the first '/', '?' or '#'.  Returns 0
 * otherwise.
 */
int	html_url_safe(const char *url);

/*
 * Returns url as it should stand in an href or src attribute (before
 * attribute escaping), or NULL when it must not become a link: unsafe by
 * html_url_safe(), or a web URL no browser could follow (an empty or
 * malformed host, a bad port, user name or password).  Spaces, quotes and
 * other characters a URL may not hold are percent-encoded.  Caller frees.
 */
char	*html_href(const char *url);

/*
 * Anchors: which nodes of the tree carry an id.  A heading listed here
 * gets id="ID"; a list item gets a link to "#ID" around (or after) its
 * first paragraph, which is how an agenda links to the minutes of each
 * item.  Ids are borrowed, not copied: they must outlive the renders.
 */
struct html_anchor {
	const struct node	*node;
	const char		*id;
};

struct html_anchors {
	struct html_anchor	*v;
	size_t			 n;
	size_t			 cap;
	int			 sorted;	/* set by html_anchors_sort() */
	int			 level;		/* last heading level written */
};

void	html_anchors_add(struct html_anchors *, const struct node *,
	    const char *id);
/*
 * Adds the id of every section of m (m->sections[i].id on the heading
 * m->sections[i].heading), skipping ids that are empty, hold characters
 * other than [a-z0-9-], or repeat an earlier one, so ids stay unique.
 */
void	html_anchors_sections(struct html_anchors *, const struct meeting *);
/* Sorts for lookups; call after the last add. */
void	html_anchors_sort(struct html_anchors *);
/* The id of node n, or NULL. */
const char *html_anchors_find(const struct html_anchors *,
	    const struct node *n);
/* Frees the array (not the ids); the struct may be reused. */
void	html_anchors_free(struct html_anchors *);

/*
 * Appends block n (a document, paragraph, heading, list, table, ...) and
 * its whole subtree as HTML.  Headings get no id.  A heading is never more
 * than one level below the heading before it (the HTML checker rejects a
 * skipped level): "## A" then "#### B" gives <h2> then <h3>.
 */
void	html_block(struct buf *, const struct node *n,
	    const struct render_opts *);
/*
 * The same, with ids and agenda links from anchors (none when NULL), whose
 * level field carries the last heading level from one call to the next:
 * set it to the level of the page's own heading before the notes (1 under
 * an <h1>), or 0 for no limit on the first heading.
 */
void	html_block_anchored(struct buf *, const struct node *n,
	    const struct render_opts *, struct html_anchors *);
/*
 * Appends the inline children of parent (a paragraph, heading or table
 * cell) as HTML: no enclosing element.
 */
void	html_inlines(struct buf *, const struct node *parent,
	    const struct render_opts *);

#endif
