/*
 * test_odt.c -- the OpenDocument package and the ODT renderers: the zip
 * container (mimetype first and stored, a manifest naming every part,
 * equal bytes for equal notes), reference documents that are not what
 * they claim, schema validity of awkward notes, and the scripts that
 * validate and convert every ODT of the examples and the corpus.
 *
 * Run from the project root.  The ODF schemas are tests/data/schemas/odf,
 * or $ODF_SCHEMAS; the program for the command-line checks is $MINUTES.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <zip.h>

#include "diag.h"
#include "helpers.h"
#include "notes.h"
#include "odf.h"
#include "render.h"
#include "xmlw.h"

#define MIME_ODT "application/vnd.oasis.opendocument.text"

static const char seed_notes[] =
    "---\n"
    "title: \"Plenary <&> call\"\n"
    "group: Review Team\n"
    "date: 2017-07-06\n"
    "chairs: [Denise Michel]\n"
    "attendees: [Denise Michel, James Gannon]\n"
    "---\n"
    "# Plenary <&> call\n"
    "\n"
    "## Agenda\n"
    "\n"
    "1. Welcome\n"
    "2. Action items\n"
    "\n"
    "## Action items\n"
    "\n"
    "| Action | Owner | Due |\n"
    "|---|---|---|\n"
    "| Draft the work plan | Denise Michel | 25 July |\n"
    "\n"
    "- [ ] Circulate the form @James Gannon due 2017-07-20\n"
    "\n"
    "DECISION: Keep the 06:00 slot.\n";

/* Notes that try every construct ODF is stricter about than Markdown. */
static const char torture_notes[] =
    "---\n"
    "title: \"Torture \\\"test\\\" <&>\"\n"
    "date: 2024-01-02\n"
    "---\n"
    "### Starts at three\n"
    "\n"
    "# Top\n"
    "\n"
    "###### Six deep\n"
    "\n"
    "## Empty\n"
    "\n"
    "## Items\n"
    "\n"
    "- [ ] open task\n"
    "- [x] done task\n"
    "- item with\n"
    "  ### heading in item\n"
    "  > quote in item\n"
    "  > # heading in quote\n"
    "\n"
    "  | a | b |\n"
    "  |---|---|\n"
    "  | 1 |\n"
    "\n"
    "  ```c\n"
    "    code   with   spaces\n"
    "  \ttab\n"
    "  ```\n"
    "- \n"
    "- [ ] ```\n"
    "      code first in a task\n"
    "      ```\n"
    "\n"
    "> quote\n"
    "> ## heading\n"
    "> - list in quote\n"
    ">\n"
    "> | x |\n"
    "> |---|\n"
    "\n"
    "5. five\n"
    "6. six\n"
    "\n"
    "0. zero\n"
    "\n"
    "[empty]() <http://ex.com/\xc3\xa4> [js](javascript:alert(1)) "
    "[pct](http://x/%zz) [uni](http://\xe4\xbe\x8b.jp/\xe3\x83\x91) "
    "[frag](#top) [frag2](#missing) ![alt *text*](img.png) "
    "![](javascript:x) [![img in link](a.png)](http://x) "
    "[sp](<http://a b/c d>) [q](http://x/\"'<>{}|\\^`)\n"
    "~~struck~~ *em **strong*** `code   x` <span>raw</span> line  \n"
    "break\n"
    "\n"
    "<div>\n"
    "raw html block\n"
    "</div>\n"
    "\n"
    "| h1 | h2 | h3 |\n"
    "|:--|:-:|--:|\n"
    "| a | | c |\n"
    "| only |\n"
    "\n"
    "---\n"
    "\n"
    "| only header |\n"
    "|---|\n"
    "\n"
    "Controls: \x01 \x0b \x0c here; non-characters \xef\xbf\xbe\xef\xbf\xbf.\n"
    "\n"
    "    indented code\n"
    "\n"
    "ACTION: Denise to fix \x01 it \xe2\x80\x94 due 20 July\n";

/* The schema folder. */
static const char *
schema_dir(void)
{
	const char *s = getenv("ODF_SCHEMAS");

	return s != NULL ? s : "tests/data/schemas/odf";
}

/* Renders notes with fn into out; returns fn's status. */
static int
render(render_fn fn, const char *notes, const struct render_opts *o,
    struct buf *out)
{
	struct meeting *m = test_notes(notes);
	struct render_opts none = {0};
	int rc;

	rc = fn(m, o != NULL ? o : &none, out);
	meeting_free(m);
	return rc;
}

/* Returns entry name of the package in pkg (caller frees), or NULL. */
static char *
entry(const struct buf *pkg, const char *name, size_t *len)
{
	zip_error_t err;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *zf;
	struct buf b = {0};
	char chunk[8192];
	zip_int64_t n;

	zip_error_init(&err);
	src = zip_source_buffer_create(pkg->data, pkg->len, 0, &err);
	cr_assert_not_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY, &err);
	cr_assert_not_null(za, "package does not open: %s",
	    zip_error_strerror(&err));
	if ((zf = zip_fopen(za, name, 0)) == NULL) {
		zip_discard(za);
		zip_error_fini(&err);
		return NULL;
	}
	while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0)
		buf_put(&b, chunk, (size_t)n);
	cr_assert_geq(n, 0);
	zip_fclose(zf);
	zip_discard(za);
	zip_error_fini(&err);
	buf_put(&b, "", 0);
	*len = b.len;
	return buf_detach(&b);
}

/* Returns 0 when xml is valid against the schema file rng. */
static int
rng_check(const char *rng, const char *xml, size_t len)
{
	xmlRelaxNGParserCtxtPtr pc;
	xmlRelaxNGValidCtxtPtr vc;
	xmlRelaxNGPtr schema;
	xmlDocPtr doc;
	int rc;

	pc = xmlRelaxNGNewParserCtxt(rng);
	cr_assert_not_null(pc);
	schema = xmlRelaxNGParse(pc);
	cr_assert_not_null(schema, "cannot load %s", rng);
	vc = xmlRelaxNGNewValidCtxt(schema);
	doc = xmlReadMemory(xml, (int)len, "part.xml", NULL, XML_PARSE_NONET);
	cr_assert_not_null(doc, "not well-formed:\n%s", xml);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlFreeDoc(doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	xmlRelaxNGFreeParserCtxt(pc);
	return rc;
}

/* Validates content.xml, styles.xml, meta.xml and the manifest of pkg. */
static void
package_valid(const struct buf *pkg)
{
	static const char *const parts[] = { "content.xml", "styles.xml",
	    "meta.xml", NULL };
	char *rng, *mrng, *x;
	size_t len, i;

	rng = xasprintf("%s/OpenDocument-v1.3-schema.rng", schema_dir());
	mrng = xasprintf("%s/OpenDocument-v1.3-manifest-schema.rng",
	    schema_dir());
	for (i = 0; parts[i] != NULL; i++) {
		x = entry(pkg, parts[i], &len);
		cr_assert_not_null(x, "no %s", parts[i]);
		cr_expect_eq(rng_check(rng, x, len), 0, "invalid %s", parts[i]);
		free(x);
	}
	x = entry(pkg, "META-INF/manifest.xml", &len);
	cr_assert_not_null(x);
	cr_expect_eq(rng_check(mrng, x, len), 0, "invalid manifest");
	free(x);
	free(rng);
	free(mrng);
}

Test(odt, mimetype_first_and_stored)
{
	struct buf out = {0};
	size_t n = strlen(MIME_ODT);
	const unsigned char *p;

	cr_assert_eq(render(render_odt, seed_notes, NULL, &out), 0);
	p = (const unsigned char *)out.data;
	cr_assert_gt(out.len, 38 + n);
	/* Local header: signature, method 0 (stored), name, no extra. */
	cr_expect_eq(memcmp(p, "PK\x03\x04", 4), 0);
	cr_expect_eq(p[8] | p[9] << 8, 0, "mimetype is compressed");
	cr_expect_eq((size_t)(p[18] | p[19] << 8), n, "compressed size");
	cr_expect_eq(p[26] | p[27] << 8, 8, "name length");
	cr_expect_eq(p[28] | p[29] << 8, 0, "extra field present");
	cr_expect_eq(memcmp(p + 30, "mimetype", 8), 0);
	cr_expect_eq(memcmp(p + 38, MIME_ODT, n), 0);
	buf_free(&out);
}

Test(odt, manifest_lists_every_part)
{
	struct buf out = {0};
	zip_error_t err;
	zip_source_t *src;
	zip_t *za;
	zip_int64_t i, n;
	xmlDocPtr doc;
	xmlNodePtr e, root;
	char *man, *name;
	size_t len;
	int found, root_entry = 0;

	cr_assert_eq(render(render_agenda_odt, seed_notes, NULL, &out), 0);
	man = entry(&out, "META-INF/manifest.xml", &len);
	cr_assert_not_null(man);
	doc = xmlReadMemory(man, (int)len, "manifest.xml", NULL,
	    XML_PARSE_NONET);
	cr_assert_not_null(doc);
	root = xmlDocGetRootElement(doc);
	for (e = root->children; e != NULL; e = e->next) {
		xmlChar *path, *type;

		if (e->type != XML_ELEMENT_NODE)
			continue;
		path = xmlGetProp(e, BAD_CAST "full-path");
		type = xmlGetProp(e, BAD_CAST "media-type");
		cr_assert_not_null(path);
		cr_assert_not_null(type);
		if (xmlStrcmp(path, BAD_CAST "/") == 0) {
			root_entry = 1;
			cr_expect_str_eq((char *)type, MIME_ODT);
		}
		xmlFree(path);
		xmlFree(type);
	}
	cr_expect(root_entry, "no entry for the package itself");

	zip_error_init(&err);
	src = zip_source_buffer_create(out.data, out.len, 0, &err);
	za = zip_open_from_source(src, ZIP_RDONLY, &err);
	cr_assert_not_null(za);
	n = zip_get_num_entries(za, 0);
	cr_expect_eq(n, 5);
	for (i = 0; i < n; i++) {
		name = (char *)zip_get_name(za, (zip_uint64_t)i, 0);
		if (strcmp(name, "mimetype") == 0 ||
		    strcmp(name, "META-INF/manifest.xml") == 0)
			continue;
		found = 0;
		for (e = root->children; e != NULL; e = e->next) {
			xmlChar *path = xmlGetProp(e, BAD_CAST "full-path");

			if (path != NULL && xmlStrcmp(path, BAD_CAST name) == 0)
				found = 1;
			xmlFree(path);
		}
		cr_expect(found, "%s is not in the manifest", name);
	}
	zip_discard(za);
	zip_error_fini(&err);
	xmlFreeDoc(doc);
	free(man);
	buf_free(&out);
}

Test(odt, byte_stable)
{
	struct buf a = {0}, b = {0};

	cr_assert_eq(render(render_odt, seed_notes, NULL, &a), 0);
	cr_assert_eq(render(render_odt, seed_notes, NULL, &b), 0);
	cr_assert_eq(a.len, b.len);
	cr_expect_eq(memcmp(a.data, b.data, a.len), 0);
	buf_free(&a);
	buf_free(&b);
	cr_assert_eq(render(render_agenda_odt, seed_notes, NULL, &a), 0);
	setenv("TZ", "Pacific/Kiritimati", 1);
	cr_assert_eq(render(render_agenda_odt, seed_notes, NULL, &b), 0);
	unsetenv("TZ");
	cr_assert_eq(a.len, b.len);
	cr_expect_eq(memcmp(a.data, b.data, a.len), 0);
	buf_free(&a);
	buf_free(&b);
}

Test(odt, meta_has_title_and_no_date)
{
	struct buf out = {0};
	char *meta;
	size_t len;

	cr_assert_eq(render(render_odt, seed_notes, NULL, &out), 0);
	meta = entry(&out, "meta.xml", &len);
	cr_assert_not_null(meta);
	cr_expect_not_null(strstr(meta, "<dc:title>Plenary &lt;&amp;&gt; "
	    "call</dc:title>"), "%s", meta);
	cr_expect_not_null(strstr(meta, "<meta:generator>minutes/"));
	cr_expect_null(strstr(meta, "date"));
	free(meta);
	buf_free(&out);
}

Test(odt, seed_content)
{
	struct buf out = {0};
	char *c;
	size_t len;

	cr_assert_eq(render(render_odt, seed_notes, NULL, &out), 0);
	package_valid(&out);
	c = entry(&out, "content.xml", &len);
	cr_assert_not_null(c);
	/* The title escaped once, not pasted; a heading with a level. */
	cr_expect_not_null(strstr(c, ">Plenary &lt;&amp;&gt; call<"));
	cr_expect_not_null(strstr(c, "text:outline-level=\"2\""));
	cr_expect_not_null(strstr(c, "Draft the work plan"));
	cr_expect_not_null(strstr(c, "Circulate the form"));
	cr_expect_not_null(strstr(c, "Keep the 06:00 slot."));
	free(c);
	buf_free(&out);
}

Test(odt, awkward_notes_stay_valid, .timeout = 60)
{
	struct buf out = {0};
	char *c;
	size_t len;

	cr_assert_eq(render(render_odt, torture_notes, NULL, &out), 0);
	package_valid(&out);
	c = entry(&out, "content.xml", &len);
	cr_expect_null(strstr(c, "javascript"), "script link kept");
	cr_expect_null(strstr(c, "\x01"));
	cr_expect_null(strstr(c, "&#1;"));
	cr_expect_not_null(strstr(c, "xlink:href=\"http://ex.com/%C3%A4\""));
	cr_expect_not_null(strstr(c, "<text:s text:c=\"2\"/>"));
	cr_expect_not_null(strstr(c, "<text:tab/>"));
	cr_expect_not_null(strstr(c, "\xe2\x98\x90 open task"));
	cr_expect_not_null(strstr(c, "\xe2\x98\x91 done task"));
	cr_expect_not_null(strstr(c, "text:start-value=\"5\""));
	free(c);
	buf_free(&out);
	cr_assert_eq(render(render_agenda_odt, torture_notes, NULL, &out), 0);
	package_valid(&out);
	buf_free(&out);
}

/* Nesting at and beyond the parser's cap, of lists and of quotes. */
Test(odt, deep_nesting_stays_valid, .timeout = 60)
{
	struct buf notes = {0}, out = {0};
	int i;

	buf_puts(&notes, "# Deep\n\n");
	for (i = 0; i < 80; i++)
		buf_printf(&notes, "%*s- level %d\n", 2 * i, "", i);
	buf_puts(&notes, "\n");
	for (i = 0; i < 80; i++)
		buf_putc(&notes, '>');
	buf_puts(&notes, " deep quote\n\n");
	for (i = 0; i < 80; i++)
		buf_puts(&notes, "1. ");
	buf_puts(&notes, "numbers\n");
	cr_assert_eq(render(render_odt, notes.data, NULL, &out), 0);
	package_valid(&out);
	buf_free(&out);
	buf_free(&notes);
}

Test(odt, empty_notes)
{
	struct buf out = {0};

	cr_assert_eq(render(render_odt, "", NULL, &out), 0);
	package_valid(&out);
	buf_free(&out);
	cr_assert_eq(render(render_agenda_odt, "\n", NULL, &out), 0);
	package_valid(&out);
	buf_free(&out);
}

/* A scratch folder and the zip files made in it. */
static char tmpdir[] = "/tmp/test-odt.XXXXXX";

static void
tmp_setup(void)
{
	cr_assert_not_null(mkdtemp(tmpdir));
	/* The refusals these tests provoke are printed; keep them quiet. */
	cr_redirect_stderr();
}

static void
tmp_teardown(void)
{
	test_rmtree(tmpdir);
}

/* Writes a zip at dir/name holding the given entries; returns its path. */
static char *
make_zip(const char *name, const char *const *entries)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	zip_source_t *src;
	zip_t *za;
	int err;

	za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	cr_assert_not_null(za);
	for (; entries[0] != NULL; entries += 2) {
		src = zip_source_buffer(za, entries[1], strlen(entries[1]), 0);
		cr_assert_not_null(src);
		cr_assert_geq(zip_file_add(za, entries[0], src, 0), 0);
	}
	cr_assert_eq(zip_close(za), 0);
	return path;
}

/* Writes data to tmpdir/name; returns its path. */
static char *
make_file(const char *name, const char *data)
{
	test_put_file(tmpdir, name, data);
	return xasprintf("%s/%s", tmpdir, name);
}

static const char user_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-styles "
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "office:version=\"1.3\"><office:styles>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\">"
    "<style:text-properties fo:font-size=\"30pt\"/></style:style>"
    "</office:styles></office:document-styles>\n";

/* Renders the seed with --reference-odt path; returns the status. */
static int
render_ref(const char *path, struct buf *out)
{
	struct render_opts o = {0};

	o.reference_odt = path;
	return render(render_odt, seed_notes, &o, out);
}

Test(odt, reference_styles_taken, .init = tmp_setup, .fini = tmp_teardown)
{
	const char *const entries[] = { "mimetype", MIME_ODT,
	    "styles.xml", user_styles, NULL };
	struct buf out = {0};
	char *path, *styles;
	size_t len;

	path = make_zip("mine.odt", entries);
	cr_assert_eq(render_ref(path, &out), 0);
	styles = entry(&out, "styles.xml", &len);
	cr_assert_not_null(styles);
	cr_expect_str_eq(styles, user_styles);
	package_valid(&out);
	free(styles);
	free(path);
	buf_free(&out);
}

Test(odt, reference_not_a_zip, .init = tmp_setup, .fini = tmp_teardown)
{
	struct buf out = {0};
	char *path, *data = NULL;
	size_t len;

	path = make_file("plain.odt", "this is not a zip archive\n");
	cr_expect_eq(odf_reference_styles(path, &data, &len), -1);
	cr_expect_null(data);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	path = xasprintf("%s/missing.odt", tmpdir);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	buf_free(&out);
}

Test(odt, reference_without_styles, .init = tmp_setup,
    .fini = tmp_teardown)
{
	const char *const entries[] = { "mimetype", MIME_ODT,
	    "content.xml", "<x/>", NULL };
	struct buf out = {0};
	char *path;

	path = make_zip("nostyles.odt", entries);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	buf_free(&out);
}

Test(odt, reference_entity_bomb, .init = tmp_setup, .fini = tmp_teardown,
    .timeout = 20)
{
	static const char bomb[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE office:document-styles [\n"
	    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    "]>\n"
	    "<office:document-styles "
	    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
	    "&g;</office:document-styles>\n";
	const char *const entries[] = { "styles.xml", bomb, NULL };
	struct buf out = {0};
	char *path;

	path = make_zip("bomb.odt", entries);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	buf_free(&out);
}

Test(odt, reference_external_entity, .init = tmp_setup,
    .fini = tmp_teardown)
{
	static const char xxe[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE office:document-styles [\n"
	    " <!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
	    "]>\n"
	    "<office:document-styles "
	    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
	    "&x;</office:document-styles>\n";
	static const char dtd[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE office:document-styles\n"
	    " SYSTEM \"http://127.0.0.1:9/x.dtd\">\n"
	    "<office:document-styles "
	    "xmlns:office="
	    "\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>\n";
	const char *const e1[] = { "styles.xml", xxe, NULL };
	const char *const e2[] = { "styles.xml", dtd, NULL };
	const char *const e3[] = { "styles.xml", "<not closed", NULL };
	const char *const e4[] = { "styles.xml", "<x:y xmlns:x=\"urn:x\"/>",
	    NULL };
	struct buf out = {0};
	char *path;

	path = make_zip("xxe.odt", e1);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	path = make_zip("dtd.odt", e2);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	path = make_zip("broken.odt", e3);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	path = make_zip("other.odt", e4);
	cr_expect_eq(render_ref(path, &out), -1);
	free(path);
	buf_free(&out);
}

/* The program exits 3 when the reference document is refused. */
Test(odt, reference_exit_status, .init = tmp_setup, .fini = tmp_teardown,
    .timeout = 30)
{
	char *ref, *notes, *args;
	int st;

	if (access(test_prog(), X_OK) != 0)
		cr_skip_test("MINUTES is not set to the program");
	ref = make_file("plain.odt", "not a zip\n");
	notes = make_file("notes.md", seed_notes);
	args = xasprintf("render -f odt --reference-odt '%s' "
	    "-o '%s/out.odt' '%s'", ref, tmpdir, notes);
	st = test_run(args, NULL, NULL);
	cr_expect_eq(st, 3, "status %d", st);
	free(args);
	free(ref);
	free(notes);
}

Test(odt, package_api)
{
	const struct odf_part parts[] = {
		{ "content.xml", "text/xml", "<a/>", 4 },
		{ "Pictures/x.png", "image/png", "PNG", 3 },
	};
	struct buf a = {0}, b = {0};
	char *x;
	size_t len;

	cr_assert_eq(odf_package(MIME_ODT, parts, 2, &a), 0);
	cr_assert_eq(odf_package(MIME_ODT, parts, 2, &b), 0);
	cr_assert_eq(a.len, b.len);
	cr_expect_eq(memcmp(a.data, b.data, a.len), 0);
	x = entry(&a, "Pictures/x.png", &len);
	cr_expect_str_eq(x, "PNG");
	free(x);
	x = entry(&a, "META-INF/manifest.xml", &len);
	cr_expect_not_null(strstr(x, "manifest:full-path=\"Pictures/x.png\" "
	    "manifest:media-type=\"image/png\""));
	free(x);
	buf_free(&a);
	buf_free(&b);
}

/*
 * A part shared by many packages (styles.xml) is deflated once and its
 * bytes reused; a part written through the writer is deflated as it is
 * written.  Every entry must read back as it went in, and equal packages
 * must be equal bytes whichever of the shared parts was cached.
 */
Test(odt, package_shared_and_streamed)
{
	struct buf a = {0}, b = {0}, c = {0}, big = {0};
	struct odf_pkg *k;
	struct xmlw *w;
	char *x;
	size_t len, i;
	int round;

	for (i = 0; i < 200000; i++)
		buf_printf(&big, "<p>%zu &amp; more</p>", i);
	for (round = 0; round < 3; round++) {
		struct buf *out = round == 0 ? &a : round == 1 ? &b : &c;

		k = odf_pkg_new(MIME_ODT);
		w = odf_pkg_xml_begin(k, "content.xml", NULL);
		xmlw_declaration(w);
		xmlw_start(w, "root");
		for (i = 0; i < 200000; i++) {
			xmlw_start(w, "p");
			xmlw_attrf(w, "n", "%zu", i);
			xmlw_text(w, "x & y");
			xmlw_end(w);
		}
		odf_pkg_xml_end(k, w);
		/* Round 1 shares another part first: the cache holds both. */
		if (round == 1)
			odf_pkg_add_shared(k, "other.xml", "text/xml", "<o/>",
			    4);
		odf_pkg_add_shared(k, "styles.xml", "text/xml", big.data,
		    big.len);
		cr_assert_eq(odf_pkg_write(k, out), 0);
		odf_pkg_free(k);
	}
	cr_assert_eq(a.len, c.len);
	cr_expect_eq(memcmp(a.data, c.data, a.len), 0);
	x = entry(&b, "styles.xml", &len);
	cr_assert_eq(len, big.len);
	cr_expect_eq(memcmp(x, big.data, len), 0);
	free(x);
	x = entry(&b, "other.xml", &len);
	cr_expect_str_eq(x, "<o/>");
	free(x);
	x = entry(&a, "content.xml", &len);
	cr_expect_not_null(strstr(x, "<p n=\"199999\">x &amp; y</p></root>"));
	cr_expect_eq(strncmp(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	    38), 0);
	free(x);
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	buf_free(&big);
}

/* A start for the test below: a root left open, then many elements. */
static void
start_open(struct xmlw *w)
{
	xmlw_declaration(w);
	xmlw_start(w, "root");
	xmlw_attr(w, "a", "1");
	xmlw_start(w, "styles");
}

static void
start_body(struct xmlw *w)
{
	int i;

	for (i = 0; i < 3000; i++) {
		xmlw_start(w, "s");
		xmlw_attrf(w, "n", "%d", i);
		xmlw_end(w);
	}
}

/* The rest of the part, after the start; number tells the packages apart. */
static void
start_rest(struct xmlw *w, int number)
{
	xmlw_start(w, "s");
	xmlw_attrf(w, "n", "own%d", number);
	xmlw_end(w);
	xmlw_end(w);
	xmlw_el_text(w, "body", "x & y");
}

/*
 * A part begun with a kept start is, unzipped, the part written whole:
 * the first package makes the start, the later ones reuse it, each with
 * its own rest after it; the packages stay byte-stable.
 */
Test(odt, package_kept_start)
{
	static const struct odf_start start = { start_open, start_body };
	struct buf whole = {0}, out = {0}, again = {0};
	struct odf_pkg *k;
	struct xmlw *w;
	char *x;
	size_t len;
	int i;

	for (i = 0; i < 3; i++) {
		whole.len = 0;
		w = xmlw_new(&whole);
		start_open(w);
		start_body(w);
		start_rest(w, i);
		xmlw_finish(w);
		xmlw_free(w);

		out.len = 0;
		k = odf_pkg_new(MIME_ODT);
		w = odf_pkg_xml_begin(k, "content.xml", &start);
		start_rest(w, i);
		odf_pkg_xml_end(k, w);
		cr_assert_eq(odf_pkg_write(k, &out), 0);
		odf_pkg_free(k);
		x = entry(&out, "content.xml", &len);
		cr_assert_eq(len, whole.len, "package %d: %zu bytes, not %zu",
		    i, len, whole.len);
		cr_expect_eq(memcmp(x, whole.data, len), 0, "package %d", i);
		free(x);
		if (i == 0) {
			buf_put(&again, out.data, out.len);
		} else if (i == 2) {
			/* The same rest again: the same bytes. */
			k = odf_pkg_new(MIME_ODT);
			w = odf_pkg_xml_begin(k, "content.xml", &start);
			start_rest(w, 0);
			odf_pkg_xml_end(k, w);
			out.len = 0;
			cr_assert_eq(odf_pkg_write(k, &out), 0);
			odf_pkg_free(k);
			cr_assert_eq(out.len, again.len);
			cr_expect_eq(memcmp(out.data, again.data, out.len), 0);
		}
	}
	buf_free(&whole);
	buf_free(&out);
	buf_free(&again);
}

/*
 * Shared parts (and the manifest, shared by packages of the same parts)
 * give the bytes the same parts deflated afresh give, whichever were
 * cached: more distinct parts than the cache holds, interleaved with
 * parts that come back, each package against one built without sharing.
 */
Test(odt, package_shared_same_as_fresh)
{
	struct buf fresh = {0}, cached = {0};
	struct odf_pkg *k;
	char meta[64], *x;
	size_t len;
	int i, pass;

	for (i = 0; i < 40; i++) {
		/* Titles come back: 0..12, then again. */
		snprintf(meta, sizeof(meta), "<meta><t>Title %d</t></meta>",
		    i % 13);
		for (pass = 0; pass < 2; pass++) {
			struct buf *out = pass == 0 ? &fresh : &cached;

			out->len = 0;
			k = odf_pkg_new(i % 2 ? MIME_ODT :
			    "application/vnd.oasis.opendocument.presentation");
			odf_pkg_add(k, "content.xml", "text/xml", "<c/>", 4);
			if (pass == 0) {
				odf_pkg_add(k, "styles.xml", "text/xml",
				    "<s/>", 4);
				odf_pkg_add(k, "meta.xml", "text/xml", meta,
				    strlen(meta));
			} else {
				odf_pkg_add_shared(k, "styles.xml",
				    "text/xml", "<s/>", 4);
				odf_pkg_add_shared(k, "meta.xml", "text/xml",
				    meta, strlen(meta));
			}
			cr_assert_eq(odf_pkg_write(k, out), 0);
			odf_pkg_free(k);
		}
		cr_assert_eq(fresh.len, cached.len, "package %d", i);
		cr_assert_eq(memcmp(fresh.data, cached.data, fresh.len), 0,
		    "package %d differs", i);
		x = entry(&cached, "meta.xml", &len);
		cr_expect_str_eq(x, meta);
		free(x);
	}
	buf_free(&fresh);
	buf_free(&cached);
}

Test(odt, check_odf_script, .timeout = 600)
{
	cr_assert_eq(system("sh tests/check-odf.sh"), 0);
}

Test(odt, libreoffice_converts, .timeout = 600)
{
	cr_assert_eq(system("sh tests/check-lo-odt.sh"), 0);
}
