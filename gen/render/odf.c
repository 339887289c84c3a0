/*
 * odf.c -- OpenDocument packages: writing the zip container, and reading
 * the styles of a user's reference document.
 *
 * A package is built in memory with libzip: "mimetype" first, stored and
 * without extra fields (ODF 1.3 part 2, 3.3), then the parts, then
 * META-INF/manifest.xml.  Every entry carries the same fixed DOS time and
 * the same compression, so equal parts give equal bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <zip.h>

#include "diag.h"
#include "odf.h"
#include "xmlw.h"

#define MANIFEST_NS	"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define OFFICE_NS	"urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define META_NS		"urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define DC_NS		"http://purl.org/dc/elements/1.1/"
#define ODF_VERSION	"1.3"

/* 1980-01-01 00:00:00, the first DOS time: no time zone can move it. */
#define DOS_DATE	((0 << 9) | (1 << 5) | 1)
#define DOS_TIME	0

/* A reference styles.xml larger than this is refused (a zip bomb). */
#define STYLES_MAX	(32u * 1024 * 1024)

/*
 * Writes META-INF/manifest.xml for the parts into b.
 */
static void
manifest_build(const char *mimetype, const struct odf_part *parts,
    size_t nparts, struct buf *b)
{
	struct xmlw *w = xmlw_new(b);
	size_t i;

	xmlw_declaration(w);
	xmlw_start(w, "manifest:manifest");
	xmlw_attr(w, "xmlns:manifest", MANIFEST_NS);
	xmlw_attr(w, "manifest:version", ODF_VERSION);
	xmlw_start(w, "manifest:file-entry");
	xmlw_attr(w, "manifest:full-path", "/");
	xmlw_attr(w, "manifest:version", ODF_VERSION);
	xmlw_attr(w, "manifest:media-type", mimetype);
	xmlw_end(w);
	for (i = 0; i < nparts; i++) {
		xmlw_start(w, "manifest:file-entry");
		xmlw_attr(w, "manifest:full-path", parts[i].name);
		xmlw_attr(w, "manifest:media-type", parts[i].media_type);
		xmlw_end(w);
	}
	xmlw_finish(w);
	xmlw_free(w);
}

char *
odf_meta_xml(const char *title, size_t *len)
{
	struct buf b = {0};
	struct xmlw *w = xmlw_new(&b);

	xmlw_declaration(w);
	xmlw_start(w, "office:document-meta");
	xmlw_attr(w, "xmlns:office", OFFICE_NS);
	xmlw_attr(w, "xmlns:meta", META_NS);
	xmlw_attr(w, "xmlns:dc", DC_NS);
	xmlw_attr(w, "office:version", ODF_VERSION);
	xmlw_start(w, "office:meta");
	xmlw_el_text(w, "meta:generator", "minutes/" MINUTES_VERSION);
	xmlw_el_text(w, "dc:title", title);
	xmlw_finish(w);
	xmlw_free(w);
	*len = b.len;
	return buf_detach(&b);
}

/*
 * Adds one entry holding data[0..len) (not copied: it must outlive
 * zip_close), stored or deflated, with the fixed time.  Returns 0, or -1
 * after printing an error.
 */
static int
entry_add(zip_t *za, const char *name, const void *data, size_t len,
    int store)
{
	zip_source_t *src;
	zip_int64_t idx;

	if ((src = zip_source_buffer(za, data, len, 0)) == NULL) {
		diag_error(NULL, 0, 0, "cannot add %s to package: %s", name,
		    zip_strerror(za));
		return -1;
	}
	if ((idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		diag_error(NULL, 0, 0, "cannot add %s to package: %s", name,
		    zip_strerror(za));
		zip_source_free(src);
		return -1;
	}
	if (zip_set_file_compression(za, (zip_uint64_t)idx,
	    store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 1) == -1 ||
	    zip_file_set_dostime(za, (zip_uint64_t)idx, DOS_TIME, DOS_DATE,
	    0) == -1) {
		diag_error(NULL, 0, 0, "cannot set up %s in package: %s", name,
		    zip_strerror(za));
		return -1;
	}
	return 0;
}

/* Appends the whole content of the (closed) source src to out. */
static int
source_copy(zip_source_t *src, struct buf *out)
{
	zip_stat_t st;
	char chunk[65536];
	zip_int64_t n;
	int rc = -1;

	if (zip_source_stat(src, &st) == -1 || zip_source_open(src) == -1) {
		diag_error(NULL, 0, 0, "cannot read package back: %s",
		    zip_error_strerror(zip_source_error(src)));
		return -1;
	}
	while ((n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		buf_put(out, chunk, (size_t)n);
	if (n < 0)
		diag_error(NULL, 0, 0, "cannot read package back: %s",
		    zip_error_strerror(zip_source_error(src)));
	else
		rc = 0;
	zip_source_close(src);
	return rc;
}

int
odf_package(const char *mimetype, const struct odf_part *parts,
    size_t nparts, struct buf *out)
{
	zip_error_t err;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	struct buf manifest = {0};
	int rc = -1;
	size_t i;

	zip_error_init(&err);
	manifest_build(mimetype, parts, nparts, &manifest);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &err)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_TRUNCATE, &err)) == NULL) {
		diag_error(NULL, 0, 0, "cannot create package: %s",
		    zip_error_strerror(&err));
		goto out;
	}
	/* Keep the source alive across zip_close to read the bytes back. */
	zip_source_keep(src);
	if (entry_add(za, "mimetype", mimetype, strlen(mimetype), 1) == -1)
		goto out;
	for (i = 0; i < nparts; i++)
		if (entry_add(za, parts[i].name, parts[i].data, parts[i].len,
		    0) == -1)
			goto out;
	if (entry_add(za, "META-INF/manifest.xml", manifest.data,
	    manifest.len, 0) == -1)
		goto out;
	if (zip_close(za) == -1) {
		diag_error(NULL, 0, 0, "cannot write package: %s",
		    zip_strerror(za));
		goto out;
	}
	za = NULL;
	if (source_copy(src, out) == -1)
		goto out;
	rc = 0;
out:
	if (za != NULL)
		zip_discard(za);
	if (src != NULL)
		zip_source_free(src);
	buf_free(&manifest);
	zip_error_fini(&err);
	return rc;
}

/*
 * Reads the entry name of za into *data (NUL-terminated, caller frees),
 * refusing more than max bytes whatever the zip directory claims.
 * Returns 0, 1 when there is no such entry, or -1 after printing an error.
 */
static int
zip_read_entry(zip_t *za, const char *path, const char *name, size_t max,
    char **data, size_t *len)
{
	struct buf b = {0};
	zip_file_t *zf;
	zip_int64_t n;
	char chunk[65536];
	int rc = -1;

	if (zip_name_locate(za, name, 0) < 0)
		return 1;
	if ((zf = zip_fopen(za, name, 0)) == NULL) {
		diag_error(path, 0, 0, "cannot read %s: %s", name,
		    zip_strerror(za));
		return -1;
	}
	while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0) {
		if (b.len + (size_t)n > max) {
			diag_error(path, 0, 0, "%s is larger than %zu bytes",
			    name, max);
			goto out;
		}
		buf_put(&b, chunk, (size_t)n);
	}
	if (n < 0) {
		diag_error(path, 0, 0, "cannot read %s: %s", name,
		    zip_file_strerror(zf));
		goto out;
	}
	buf_put(&b, "", 0);
	*len = b.len;
	*data = buf_detach(&b);
	rc = 0;
out:
	zip_fclose(zf);
	if (rc != 0)
		buf_free(&b);
	return rc;
}

/* The OpenDocument 1.3 schema, built into the program (odf_schema.c). */
extern const unsigned char odf_schema_rng[];
extern const size_t odf_schema_rng_len;

/*
 * Whether data holds "<!DOCTYPE" or "<!ENTITY" as markup: text inside
 * comments, CDATA sections and processing instructions does not count
 * (a comment may well mention a DOCTYPE).
 */
static int
declares_doctype(const char *data, size_t len)
{
	const char *p = data, *end = data + len, *close;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		size_t left = (size_t)(end - p);

		if (left >= 4 && memcmp(p, "<!--", 4) == 0) {
			close = memmem(p + 4, left - 4, "-->", 3);
			if (close == NULL)
				return 0;	/* not well-formed: said later */
			p = close + 3;
		} else if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
			if ((close = memmem(p + 9, left - 9, "]]>", 3)) == NULL)
				return 0;
			p = close + 3;
		} else if (left >= 2 && p[1] == '?') {
			if ((close = memmem(p + 2, left - 2, "?>", 2)) == NULL)
				return 0;
			p = close + 2;
		} else if ((left >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) ||
		    (left >= 8 && memcmp(p, "<!ENTITY", 8) == 0))
			return 1;
		else
			p++;
	}
	return 0;
}

struct schema_error {
	int	 line;
	char	*message;	/* the first error */
};

static void
schema_error_keep(void *arg, xmlErrorPtr e)
{
	struct schema_error *se = arg;

	if (se->message != NULL || e == NULL)
		return;
	se->line = e->line;
	se->message = xstrndup(e->message ? e->message : "invalid",
	    strcspn(e->message ? e->message : "invalid", "\n"));
}

/* libxml2 would print the schema's own warnings: none wanted. */
static void
schema_quiet(void *arg, xmlErrorPtr e)
{
	(void)arg;
	(void)e;
}

/*
 * Validates doc against the OpenDocument 1.3 schema.  The schema is
 * parsed once per process (about 0.1 s), and only when a user's styles
 * are checked.  Returns 0, or -1 after printing an error naming path.
 */
static int
styles_valid(const char *path, xmlDocPtr doc)
{
	static xmlRelaxNGPtr schema;
	xmlRelaxNGParserCtxtPtr pc;
	xmlRelaxNGValidCtxtPtr vc;
	struct schema_error se = { 0, NULL };
	int r;

	if (schema == NULL) {
		pc = xmlRelaxNGNewMemParserCtxt((const char *)odf_schema_rng,
		    (int)odf_schema_rng_len);
		if (pc == NULL)
			goto noschema;
		xmlRelaxNGSetParserStructuredErrors(pc, schema_quiet, NULL);
		schema = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
		if (schema == NULL)
			goto noschema;
	}
	if ((vc = xmlRelaxNGNewValidCtxt(schema)) == NULL)
		goto noschema;
	xmlRelaxNGSetValidStructuredErrors(vc, schema_error_keep, &se);
	r = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (r == 0) {
		free(se.message);
		return 0;
	}
	if (se.line > 0)
		diag_error(path, 0, 0, "styles.xml is not valid OpenDocument "
		    ODF_VERSION ": line %d: %s", se.line,
		    se.message ? se.message : "invalid");
	else
		diag_error(path, 0, 0, "styles.xml is not valid OpenDocument "
		    ODF_VERSION ": %s", se.message ? se.message : "invalid");
	free(se.message);
	return -1;
noschema:
	diag_error(path, 0, 0, "cannot load the OpenDocument schema");
	return -1;
}

/*
 * Checks that data is a well-formed ODF styles part: no document type
 * declaration (so no entities of any kind), and a root
 * office:document-styles.  The parser never loads a DTD, never expands an
 * entity and never touches the network.  Returns 0, or -1 after printing
 * an error naming path.
 */
int
odf_styles_check(const char *path, const char *data, size_t len)
{
	xmlDocPtr doc;
	xmlNodePtr root;
	const xmlError *e;
	const char *msg;
	int rc = -1;

	if (len > INT32_MAX) {
		diag_error(path, 0, 0, "styles.xml is too large");
		return -1;
	}
	/* A DOCTYPE is the only way to declare entities: refuse it unread. */
	if (declares_doctype(data, len)) {
		diag_error(path, 0, 0, "styles.xml declares a document type "
		    "or entities; refusing it");
		return -1;
	}
	xmlResetLastError();
	doc = xmlReadMemory(data, (int)len, "styles.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		e = xmlGetLastError();
		msg = e != NULL && e->message != NULL ? e->message : "";
		diag_error(path, 0, 0,
		    "styles.xml is not well-formed XML%s%.*s",
		    *msg != '\0' ? ": " : "", (int)strcspn(msg, "\n"), msg);
		return -1;
	}
	root = xmlDocGetRootElement(doc);
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		diag_error(path, 0, 0, "styles.xml declares a document type; "
		    "refusing it");
		goto out;
	}
	if (root == NULL || root->ns == NULL ||
	    xmlStrcmp(root->ns->href, BAD_CAST OFFICE_NS) != 0 ||
	    xmlStrcmp(root->name, BAD_CAST "document-styles") != 0) {
		diag_error(path, 0, 0, "styles.xml is not an OpenDocument "
		    "styles part (no office:document-styles)");
		goto out;
	}
	if (styles_valid(path, doc) == -1)
		goto out;
	rc = 0;
out:
	xmlFreeDoc(doc);
	return rc;
}

int
odf_reference_styles(const char *path, char **data, size_t *len)
{
	zip_t *za;
	char *styles = NULL;
	size_t slen = 0;
	int zerr = 0, rc = -1, found;

	if ((za = zip_open(path, ZIP_RDONLY, &zerr)) == NULL) {
		zip_error_t e;

		zip_error_init_with_code(&e, zerr);
		if (zerr == ZIP_ER_NOZIP || zerr == ZIP_ER_INCONS)
			diag_error(path, 0, 0, "not an OpenDocument file "
			    "(not a zip archive)");
		else
			diag_error(path, 0, 0, "cannot open reference "
			    "document: %s", zip_error_strerror(&e));
		zip_error_fini(&e);
		return -1;
	}
	found = zip_read_entry(za, path, "styles.xml", STYLES_MAX, &styles,
	    &slen);
	if (found == 1)
		diag_error(path, 0, 0, "not an OpenDocument file "
		    "(no styles.xml in it)");
	if (found != 0)
		goto out;
	if (odf_styles_check(path, styles, slen) == -1)
		goto out;
	*data = styles;
	*len = slen;
	styles = NULL;
	rc = 0;
out:
	free(styles);
	zip_discard(za);
	return rc;
}
