/*
 * docbook.h -- the DocBook 5 writer of one meeting (render_docbook.c),
 * shared by minutes.xml (an article) and archive.xml (a book of one
 * chapter per meeting, render_archive_xml.c).
 */
#ifndef MINUTES_DOCBOOK_H
#define MINUTES_DOCBOOK_H

#include "model.h"
#include "xmlw.h"

/*
 * Writes meeting m through w as one DocBook element name ("article",
 * "chapter"): its info, the details, the notes as sections, decisions,
 * action items and teams.  id (or NULL) is the element's xml:id and
 * prefixes the ids of its sections ("ID.s-ANCHOR"; an id without a dot
 * never meets them), so that the meetings of one document never share an
 * id; root also declares the DocBook namespaces on it.
 */
void	docbook_meeting(struct xmlw *, const struct meeting *,
	    const char *name, const char *id, int root);
/* Declares the DocBook and XLink namespaces and version 5.0 on the
 * element just started. */
void	docbook_namespaces(struct xmlw *);
/* Whether DocBook element name holds elements only: the layout function
 * for xmlw_set_layout(). */
int	docbook_element_only(const char *name);

#endif
