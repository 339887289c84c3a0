/*
 * odf.h -- OpenDocument packages (ODT, ODP): the zip container and the
 * reference documents users bring their styles in.
 */
#ifndef MINUTES_ODF_H
#define MINUTES_ODF_H

#include <stddef.h>

#include "util.h"
#include "xmlw.h"

/*
 * A package being assembled: parts are added in order, each deflated as
 * it is added (one deflate stream, reset for each part); then
 * odf_pkg_write() zips them.
 */
struct odf_pkg;

struct odf_pkg	*odf_pkg_new(const char *mimetype);
void		 odf_pkg_free(struct odf_pkg *);
/*
 * The start of an XML part that is the same in every package of a kind:
 * open() writes the declaration and starts the elements that stay open,
 * body() writes complete elements inside them (the constant automatic
 * styles of content.xml).  Give it a static lifetime: it is the key of
 * its cache.
 */
struct odf_start {
	void	(*open)(struct xmlw *);
	void	(*body)(struct xmlw *);
};

/*
 * Starts part name (media type text/xml), written through the returned
 * writer, whose output is deflated as it comes: the part is never whole
 * in memory.  With start, the part begins with it: its bytes are written
 * and deflated once per process, and the writer returned stands after
 * them (open() runs again for the writer's state, its output checked
 * against the bytes kept and dropped; body() does not).  End the part
 * with odf_pkg_xml_end(), which finishes the writer and frees it.
 */
struct xmlw	*odf_pkg_xml_begin(struct odf_pkg *, const char *name,
		    const struct odf_start *start);
void		 odf_pkg_xml_end(struct odf_pkg *, struct xmlw *);
/* Adds part name of media_type holding data[0..len). */
void		 odf_pkg_add(struct odf_pkg *, const char *name,
		    const char *media_type, const char *data, size_t len);
/*
 * Adds a part that many packages share, such as styles.xml or meta.xml:
 * deflated once for the process (the last few such parts are kept,
 * compared by name, media type and bytes) and reused.
 */
void		 odf_pkg_add_shared(struct odf_pkg *, const char *name,
		    const char *media_type, const char *data, size_t len);
/*
 * Writes the package into out: "mimetype" first and stored
 * (uncompressed), then the parts, then META-INF/manifest.xml listing
 * them, every entry with the same fixed time so the bytes are stable.
 * Returns 0, or -1 after printing an error.
 */
int		 odf_pkg_write(struct odf_pkg *, struct buf *out);

/* A whole package at once, from parts in memory (odf_pkg_add() each). */
struct odf_part {
	const char	*name;		/* "content.xml" */
	const char	*media_type;	/* "text/xml" */
	const char	*data;
	size_t		 len;
};

int		 odf_package(const char *mimetype,
		    const struct odf_part *parts, size_t nparts,
		    struct buf *out);

/*
 * Reads styles.xml out of the ODF document at path (a user's reference
 * document), refusing anything that is not a zip holding a well-formed
 * styles.xml; XML is read with entity expansion, DTD loading and network
 * access off.  Returns 0 with *data owned by the caller, or -1 after
 * printing an error naming path.
 */
int	odf_reference_styles(const char *path, char **data, size_t *len);

/*
 * meta.xml of an ODT or ODP package: the title and a fixed generator, no
 * dates, so the bytes are stable.  Returns it with its length in *len;
 * caller frees.
 */
char	*odf_meta_xml(const char *title, size_t *len);

/*
 * Checks a styles part from the user (a reference document's, or one of
 * --templates): well-formed, no document type or entity (a DOCTYPE in a
 * comment is only text), root office:document-styles, and valid against
 * the OpenDocument 1.3 schema built into the program.  Returns 0, or -1
 * after printing an error naming path.
 */
int	odf_styles_check(const char *path, const char *data, size_t len);

#endif
