/*
 * odf.c -- OpenDocument packages: writing the zip container, and reading
 * the styles of a user's reference document.
 *
 * A package is built in memory with libzip: "mimetype" first, stored and
 * without extra fields (ODF 1.3 part 2, 3.3), then the parts, then
 * META-INF/manifest.xml.  Every entry carries the same fixed DOS time and
 * the same compression, so equal parts give equal bytes.
 *
 * Parts are deflated here, with zlib, as they are added (an XML part as
 * its writer produces it, so that it is never whole in memory), through
 * one deflate stream reset for each part; libzip copies the deflated
 * bytes into the archive as they are.  Parts that many packages share
 * (styles.xml, the manifest, meta.xml of the same title) are deflated
 * once per process, and so is the constant start of a part (the
 * automatic styles of content.xml): it ends on a sync flush, a byte
 * boundary after which a fresh deflate stream goes on (its matches
 * never reach back into the start), so the entry is one valid stream.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <zip.h>
#define ZLIB_CONST
#include <zlib.h>

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

/* --- deflating ------------------------------------------------------ */

/* One deflated part. */
struct zpart {
	char		*name;
	char		*media_type;
	struct buf	 z;		/* raw deflate data */
	unsigned long	 crc;		/* CRC-32 of the part */
	size_t		 size;		/* bytes before compression */
	const struct zpart *shared;	/* the bytes are those of this one */
};

struct odf_pkg {
	char		*mimetype;
	struct zpart	*v;
	size_t		 n;
	size_t		 cap;
	struct xmlw	*w;		/* part being written, or NULL */
	const struct buf *redo;		/* bytes the writer writes again */
	size_t		 redo_off;	/* how many of them it has */
};

/*
 * The one deflate stream of the process, reset for each part: level 1,
 * as fast as deflate goes, raw (the zip entry has its own header).
 * Memory level 6, a hash of 8 K entries instead of 32 K: a reset clears
 * the hash, a quarter of the bytes, and parts of some tens of kilobytes
 * deflate to within a few bytes of what the default gives.
 */
static z_stream zs;
static int zs_ready;

/* Starts deflating a part into p. */
static void
z_begin(struct zpart *p)
{
	if (!zs_ready) {
		if (deflateInit2(&zs, 1, Z_DEFLATED, -MAX_WBITS, 6,
		    Z_DEFAULT_STRATEGY) != Z_OK)
			xmlw_oom();
		zs_ready = 1;
	} else if (deflateReset(&zs) != Z_OK)
		xmlw_oom();
	p->crc = crc32(0L, Z_NULL, 0);
	p->size = 0;
}

/* Deflates data[0..len) into p->z; flush is Z_NO_FLUSH or Z_FINISH. */
static void
z_put(struct zpart *p, const char *data, size_t len, int flush)
{
	size_t chunk;
	int rc, f;

	p->crc = crc32_z(p->crc, (const Bytef *)data, len);
	p->size += len;
	do {
		/* avail_in is an unsigned int: feed large parts in pieces. */
		chunk = len > (1u << 30) ? 1u << 30 : len;
		zs.next_in = (const Bytef *)data;
		zs.avail_in = (uInt)chunk;
		data += chunk;
		len -= chunk;
		f = len > 0 ? Z_NO_FLUSH : flush;
		do {
			if (p->z.cap - p->z.len < 65536)
				p->z.data = xgrow(p->z.data, &p->z.cap,
				    p->z.len + 65536, 1);
			zs.next_out = (Bytef *)p->z.data + p->z.len;
			zs.avail_out = (uInt)(p->z.cap - p->z.len);
			rc = deflate(&zs, f);
			if (rc == Z_STREAM_ERROR)
				xmlw_oom();
			p->z.len = (size_t)((char *)zs.next_out - p->z.data);
		} while (zs.avail_in > 0 || zs.avail_out == 0 ||
		    (f == Z_FINISH && rc != Z_STREAM_END));
	} while (len > 0);
}

static void
zpart_free(struct zpart *p)
{
	free(p->name);
	free(p->media_type);
	buf_free(&p->z);
}

/*
 * Parts many packages share, deflated once: styles.xml and the manifest
 * of each kind of package, and meta.xml, which the three packages of a
 * meeting share when they have the same title.  SHARED_MAX of them are
 * kept, each with a copy of its bytes to compare with; the one used
 * longest ago makes room for a new one.
 */
#define SHARED_MAX	8

static struct shared {
	struct zpart	 part;
	char		*data;
	size_t		 len;
	unsigned long	 used;		/* when last used: a clock tick */
} shared[SHARED_MAX];
static unsigned long shared_clock;

/* The deflated form of part name holding data[0..len): kept or made. */
static const struct zpart *
shared_get(const char *name, const char *media_type, const char *data,
    size_t len)
{
	struct shared *s, *old = &shared[0];
	size_t i;

	for (i = 0; i < SHARED_MAX; i++) {
		s = &shared[i];
		if (s->data != NULL && s->len == len &&
		    strcmp(s->part.name, name) == 0 &&
		    strcmp(s->part.media_type, media_type) == 0 &&
		    memcmp(s->data, data, len) == 0) {
			s->used = ++shared_clock;
			return &s->part;
		}
		if (s->used < old->used)
			old = s;
	}
	s = old;
	zpart_free(&s->part);
	free(s->data);
	memset(&s->part, 0, sizeof(s->part));
	s->part.name = xstrdup(name);
	s->part.media_type = xstrdup(media_type);
	s->data = xmalloc(len + 1);
	memcpy(s->data, data, len);
	s->len = len;
	s->used = ++shared_clock;
	z_begin(&s->part);
	z_put(&s->part, data, len, Z_FINISH);
	return &s->part;
}

/* Makes p (named and typed already) a copy of the deflated part q. */
static void
zpart_copy(struct zpart *p, const struct zpart *q)
{
	p->crc = q->crc;
	p->size = q->size;
	/* A copy: the shared one may be replaced before p is written. */
	p->z.len = 0;
	buf_put(&p->z, q->z.data, q->z.len);
}

/* --- packages ------------------------------------------------------- */

struct odf_pkg *
odf_pkg_new(const char *mimetype)
{
	struct odf_pkg *k = xcalloc(1, sizeof(*k));

	k->mimetype = xstrdup(mimetype);
	return k;
}

void
odf_pkg_free(struct odf_pkg *k)
{
	size_t i;

	if (k == NULL)
		return;
	for (i = 0; i < k->n; i++)
		zpart_free(&k->v[i]);
	free(k->v);
	xmlw_free(k->w);
	free(k->mimetype);
	free(k);
}

/* A new part at the end of k. */
static struct zpart *
part_new(struct odf_pkg *k, const char *name, const char *media_type)
{
	struct zpart *p;

	k->v = xgrow(k->v, &k->cap, k->n + 1, sizeof(*k->v));
	p = &k->v[k->n++];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	p->media_type = xstrdup(media_type);
	return p;
}

void
odf_pkg_add(struct odf_pkg *k, const char *name, const char *media_type,
    const char *data, size_t len)
{
	struct zpart *p = part_new(k, name, media_type);

	z_begin(p);
	z_put(p, data, len, Z_FINISH);
}

void
odf_pkg_add_shared(struct odf_pkg *k, const char *name,
    const char *media_type, const char *data, size_t len)
{
	const struct zpart *q = shared_get(name, media_type, data, len);

	zpart_copy(part_new(k, name, media_type), q);
}

/*
 * The writer's sink: deflates what it writes into the last part, except
 * while it writes again the start of the part, deflated already: those
 * bytes must be the start's own, or the part would not be what was
 * written.
 */
static void
part_sink(void *arg, const char *data, size_t len)
{
	struct odf_pkg *k = arg;

	if (k->redo != NULL) {
		if (len > k->redo->len - k->redo_off ||
		    memcmp(k->redo->data + k->redo_off, data, len) != 0) {
			diag_error(NULL, 0, 0, "ODF writer: %s does not "
			    "start as its kept start", k->v[k->n - 1].name);
			abort();
		}
		k->redo_off += len;
		return;
	}
	z_put(&k->v[k->n - 1], data, len, Z_NO_FLUSH);
}

/* A constant start of parts, written and deflated once. */
struct kept_start {
	const struct odf_start *key;
	struct buf	 xml;		/* its bytes */
	struct zpart	 z;		/* deflated, ending on a sync flush */
	struct kept_start *next;
};

static struct kept_start *kept_starts;

/* The kept start of key, made on first use. */
static const struct kept_start *
start_get(const struct odf_start *key)
{
	struct kept_start *ks;
	struct xmlw *w;
	size_t depth;

	for (ks = kept_starts; ks != NULL; ks = ks->next)
		if (ks->key == key)
			return ks;
	ks = xcalloc(1, sizeof(*ks));
	ks->key = key;
	w = xmlw_new(&ks->xml);
	key->open(w);
	depth = xmlw_depth(w);
	key->body(w);
	if (xmlw_depth(w) != depth) {
		diag_error(NULL, 0, 0, "ODF writer: a constant start leaves "
		    "elements open");
		abort();
	}
	xmlw_flush(w);
	xmlw_free(w);
	z_begin(&ks->z);
	z_put(&ks->z, ks->xml.data, ks->xml.len, Z_SYNC_FLUSH);
	ks->next = kept_starts;
	kept_starts = ks;
	return ks;
}

struct xmlw *
odf_pkg_xml_begin(struct odf_pkg *k, const char *name,
    const struct odf_start *start)
{
	const struct kept_start *ks = start != NULL ? start_get(start) :
	    NULL;
	struct zpart *p = part_new(k, name, "text/xml");

	z_begin(p);
	k->w = xmlw_new_sink(part_sink, k);
	if (ks != NULL) {
		zpart_copy(p, &ks->z);
		k->redo = &ks->xml;
		k->redo_off = 0;
		start->open(k->w);
		xmlw_flush(k->w);
		k->redo = NULL;
	}
	return k->w;
}

void
odf_pkg_xml_end(struct odf_pkg *k, struct xmlw *w)
{
	xmlw_finish(w);
	xmlw_free(w);
	k->w = NULL;
	z_put(&k->v[k->n - 1], "", 0, Z_FINISH);
}

/* Writes META-INF/manifest.xml for the parts of k into b. */
static void
manifest_build(const struct odf_pkg *k, struct buf *b)
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
	xmlw_attr(w, "manifest:media-type", k->mimetype);
	xmlw_end(w);
	for (i = 0; i < k->n; i++) {
		xmlw_start(w, "manifest:file-entry");
		xmlw_attr(w, "manifest:full-path", k->v[i].name);
		xmlw_attr(w, "manifest:media-type", k->v[i].media_type);
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

/* A libzip source over a deflated part, read as it stands. */
struct zsrc {
	const struct zpart *p;
	size_t		 off;
};

static zip_int64_t
zsrc_cb(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct zsrc *z = arg;
	zip_stat_t *st;
	size_t n;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		z->off = 0;
		return 0;
	case ZIP_SOURCE_READ:
		n = z->p->z.len - z->off;
		if (n > len)
			n = (size_t)len;
		memcpy(data, z->p->z.data + z->off, n);
		z->off += n;
		return (zip_int64_t)n;
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT:
		/* Already deflated, with its CRC: libzip copies it. */
		st = data;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
		    ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
		st->size = z->p->size;
		st->comp_size = z->p->z.len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->crc = (zip_uint32_t)z->p->crc;
		return sizeof(*st);
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(NULL, data, len);
	case ZIP_SOURCE_FREE:
		free(z);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

/*
 * Adds entry name: src (given to libzip, which frees it), with the fixed
 * time; store selects no compression.  Returns 0, or -1 after printing
 * an error.
 */
static int
entry_add(zip_t *za, const char *name, zip_source_t *src, int store)
{
	zip_int64_t idx;

	if (src == NULL) {
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
	if ((store && zip_set_file_compression(za, (zip_uint64_t)idx,
	    ZIP_CM_STORE, 0) == -1) ||
	    zip_file_set_dostime(za, (zip_uint64_t)idx, DOS_TIME, DOS_DATE,
	    0) == -1) {
		diag_error(NULL, 0, 0, "cannot set up %s in package: %s", name,
		    zip_strerror(za));
		return -1;
	}
	return 0;
}

/* Adds the deflated part p (which must outlive zip_close). */
static int
zpart_add(zip_t *za, const struct zpart *p)
{
	struct zsrc *z = xcalloc(1, sizeof(*z));
	zip_source_t *src;

	z->p = p;
	if ((src = zip_source_function(za, zsrc_cb, z)) == NULL)
		free(z);
	return entry_add(za, p->name, src, 0);
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
odf_pkg_write(struct odf_pkg *k, struct buf *out)
{
	zip_error_t err;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	struct buf manifest = {0};
	struct zpart *mp;
	int rc = -1;
	size_t i;

	zip_error_init(&err);
	manifest_build(k, &manifest);
	/*
	 * The manifest is the last part; it does not list itself.  Packages
	 * of the same parts have the same one: deflated once.
	 */
	mp = part_new(k, "META-INF/manifest.xml", "text/xml");
	zpart_copy(mp, shared_get(mp->name, mp->media_type, manifest.data,
	    manifest.len));
	k->n--;
	if ((src = zip_source_buffer_create(NULL, 0, 0, &err)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_TRUNCATE, &err)) == NULL) {
		diag_error(NULL, 0, 0, "cannot create package: %s",
		    zip_error_strerror(&err));
		goto out;
	}
	/* Keep the source alive across zip_close to read the bytes back. */
	zip_source_keep(src);
	if (entry_add(za, "mimetype", zip_source_buffer(za, k->mimetype,
	    strlen(k->mimetype), 0), 1) == -1)
		goto out;
	for (i = 0; i <= k->n; i++)
		if (zpart_add(za, &k->v[i]) == -1)
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
	k->n++;			/* the manifest, freed with k */
	buf_free(&manifest);
	zip_error_fini(&err);
	return rc;
}

int
odf_package(const char *mimetype, const struct odf_part *parts,
    size_t nparts, struct buf *out)
{
	struct odf_pkg *k = odf_pkg_new(mimetype);
	size_t i;
	int rc;

	for (i = 0; i < nparts; i++)
		odf_pkg_add(k, parts[i].name, parts[i].media_type,
		    parts[i].data, parts[i].len);
	rc = odf_pkg_write(k, out);
	odf_pkg_free(k);
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
