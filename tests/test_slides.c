/*
 * test_slides.c -- the HTML deck and the OpenDocument presentation.
 *
 * Unit tests of both renderers, and the scripts that check every input
 * with Chromium, xmllint and LibreOffice.  The expected slide titles of
 * tests/cases and tests/golden are compared by tests/regress.sh.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <zip.h>

#include "deck.h"
#include "diag.h"
#include "helpers.h"
#include "notes.h"
#include "render.h"
#include "util.h"

static const char seed_path[] = "input/2017-07-06-ssr2-plenary.md";

/* The deck's titles, one a line; caller frees. */
static char *
titles(const struct deck *d)
{
	struct buf b = {0};
	size_t i;

	buf_puts(&b, "");
	for (i = 0; i < d->nslides; i++) {
		buf_puts(&b, d->slides[i].title);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

/* The seed meeting's deck has the seed's shape. */
Test(slides, seed_shape)
{
	struct diags d;
	struct meeting *m;
	struct deck *dk;
	char *t;
	int err;

	diags_init(&d, seed_path);
	m = notes_load(seed_path, &d, &err);
	cr_assert_not_null(m);
	dk = deck_new(m, deck_limit(m));
	t = titles(dk);
	cr_assert_eq(dk->slides[0].kind, DECK_TITLE);
	/* Its agenda keeps its five sub-items nested: eleven lines. */
	cr_assert_eq(dk->slides[1].kind, DECK_AGENDA);
	cr_assert_eq(dk->slides[2].kind, DECK_AGENDA);
	cr_assert(strstr(t, "\nAgenda (1 of 2)\nAgenda (2 of 2)\n") != NULL,
	    "%s", t);
	cr_assert(strstr(t, "recap & review of action items (1 of 2)\n") !=
	    NULL, "%s", t);
	cr_assert(strstr(t, "recap & review of action items (2 of 2)\n") !=
	    NULL, "%s", t);
	cr_assert(strstr(t, "\nUpdates from subtopic teams\n") != NULL);
	cr_assert(strstr(t, "Recommendation 10") != NULL);
	cr_assert(strstr(t, "\nTrello Demonstration\n") != NULL);
	cr_assert(strstr(t, "\nAOB\n") != NULL);
	free(t);
	deck_free(dk);
	meeting_free(m);
	diags_free(&d);
}

Test(slides, one_section_per_slide)
{
	struct meeting *m = test_notes("# T\n\n## One\n\nx\n\n## Two\n\n"
	    "Note: secret words\n\ny <b>z</b>\n\n[bad](javascript:alert(1)) "
	    "![pic](https://example.org/a.png)\n");
	struct render_opts o = {0};
	struct buf a = {0}, b = {0};
	struct deck *d = deck_new(m, 10);

	cr_assert_eq(render_slides(m, &o, &a), 0);
	cr_assert_eq(test_count(a.data, a.len, "<section class=\"slide\""),
	    d->nslides);
	cr_assert_eq(test_count(a.data, a.len, "class=\"slide-title\""),
	    d->nslides);
	cr_assert(test_count(a.data, a.len, "id=\"slide-4\"") == 1);
	cr_assert(test_count(a.data, a.len, "<aside class=\"notes\">") == 1);
	cr_assert(test_count(a.data, a.len, "secret words") == 1);
	/* Untrusted notes: raw HTML escaped, script links and images gone. */
	cr_assert(test_count(a.data, a.len, "<b>z") == 0);
	cr_assert(test_count(a.data, a.len, "javascript:") == 0);
	cr_assert(test_count(a.data, a.len, "<img") == 0);
	cr_assert(test_count(a.data, a.len, "[pic]") == 1);
	/* Self-contained and byte-stable. */
	cr_assert(test_count(a.data, a.len, "<link") == 0);
	cr_assert(test_count(a.data, a.len, " src=") == 0);
	cr_assert(test_count(a.data, a.len, "@media print") == 1);
	cr_assert_eq(render_slides(m, &o, &b), 0);
	cr_assert(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	buf_free(&a);
	buf_free(&b);
	deck_free(d);
	meeting_free(m);
}

Test(slides, template_replaceable)
{
	char *dir = test_tmpdir();
	struct meeting *m = test_notes("# T\n\n## A & B\n\nx\n");
	struct render_opts o = {0};
	struct buf out = {0};

	test_put_file(dir, "html/slides.html",
	    "{{count}}:{{#slides}}[{{number}} {{title}}]{{/slides}}");
	o.templates = dir;
	cr_assert_eq(render_slides(m, &o, &out), 0);
	buf_putc(&out, '\0');
	cr_assert_str_eq(out.data, "3:[1 T][2 Agenda][3 A &amp; B]");
	test_put_file(dir, "html/slides.html", "{{#slides}}");
	template_cache_free();	/* templates are read once per process */
	out.len = 0;
	cr_assert_eq(render_slides(m, &o, &out), -1, "a broken template "
	    "is an error");
	test_rmtree(dir);
	free(dir);
	buf_free(&out);
	meeting_free(m);
}

/* The named part of the ODF package in odp; caller frees. */
static char *
odp_part(const struct buf *odp, const char *name)
{
	zip_source_t *src;
	zip_t *za;
	zip_file_t *zf;
	zip_stat_t st;
	zip_error_t ze;
	char *data;

	zip_error_init(&ze);
	src = zip_source_buffer_create(odp->data, odp->len, 0, &ze);
	cr_assert_not_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	cr_assert_not_null(za);
	cr_assert_eq(zip_stat(za, name, 0, &st), 0, "%s", name);
	data = xcalloc(1, st.size + 1);
	zf = zip_fopen(za, name, 0);
	cr_assert_not_null(zf);
	cr_assert_eq(zip_fread(zf, data, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_close(za);
	return data;
}

Test(odp, pages_frames_and_notes)
{
	struct meeting *m = test_notes("# T\n\n## Table\n\n| a | b |\n|---|---|\n"
	    "| 1 | 2 |\n\nNote: say it\n\n## List\n\n- x\n- y\n");
	struct render_opts o = {0};
	struct buf a = {0}, b = {0};
	struct deck *d = deck_new(m, 10);
	char *c;

	cr_assert_eq(render_odp(m, &o, &a), 0);
	cr_assert(a.len > 100 && memcmp(a.data, "PK", 2) == 0);
	cr_assert(memcmp(a.data + 30, "mimetype", 8) == 0);
	c = odp_part(&a, "content.xml");
	cr_assert_eq(test_count(c, strlen(c), "<draw:page "), d->nslides);
	cr_assert_eq(test_count(c, strlen(c),
	    "presentation:class=\"title\""), d->nslides);
	cr_assert_eq(test_count(c, strlen(c), "<table:table "), 1);
	cr_assert_eq(test_count(c, strlen(c), "<presentation:notes"), 1);
	cr_assert(strstr(c, "say it") != NULL);
	cr_assert(strstr(c, "draw:master-page-name=\"Default\"") != NULL);
	free(c);
	cr_assert_eq(render_odp(m, &o, &b), 0);
	cr_assert(a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	    "the same notes give the same bytes");
	buf_free(&a);
	buf_free(&b);
	deck_free(d);
	meeting_free(m);
}

Test(odp, master_of_the_styles)
{
	char *dir = test_tmpdir();
	struct meeting *m = test_notes("# T\n\n## A\n\nx\n");
	struct render_opts o = {0};
	struct buf out = {0};
	char *c;

	test_put_file(dir, "odp/styles.xml", "<?xml version=\"1.0\"?>\n"
	    "<office:document-styles xmlns:office=\"urn:oasis:names:tc:"
	    "opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:"
	    "tc:opendocument:xmlns:style:1.0\" xmlns:fo=\"urn:oasis:names:tc:"
	    "opendocument:xmlns:xsl-fo-compatible:1.0\" office:version="
	    "\"1.3\"><office:automatic-styles><style:page-layout style:name="
	    "\"P4\"><style:page-layout-properties fo:page-width=\"25.4cm\" "
	    "fo:page-height=\"19.05cm\"/></style:page-layout>"
	    "</office:automatic-styles><office:master-styles>"
	    "<style:master-page style:name=\"Corporate\" "
	    "style:page-layout-name=\"P4\"/></office:master-styles>"
	    "</office:document-styles>\n");
	o.templates = dir;
	cr_assert_eq(render_odp(m, &o, &out), 0);
	c = odp_part(&out, "content.xml");
	cr_assert(strstr(c, "draw:master-page-name=\"Corporate\"") != NULL);
	cr_assert(strstr(c, "presentation:style-name=\"Corporate-title\"") !=
	    NULL);
	/* 4:3 pages: the title frame is 25.4 / 28 of 25.2 cm wide. */
	cr_assert(strstr(c, "svg:width=\"22.860cm\"") != NULL);
	free(c);

	test_put_file(dir, "odp/styles.xml", "<not-closed>");
	out.len = 0;
	cr_assert_eq(render_odp(m, &o, &out), -1);
	test_rmtree(dir);
	free(dir);
	buf_free(&out);
	meeting_free(m);
}

Test(odp, reference_presentation)
{
	char path[] = "/tmp/minutes-ref-XXXXXX";
	struct meeting *m = test_notes("# T\n\n## A\n\nx\n");
	struct render_opts o = {0};
	struct buf ref = {0}, out = {0};
	int fd;

	cr_assert_eq(render_odp(m, &o, &ref), 0);
	cr_assert((fd = mkstemp(path)) != -1);
	close(fd);
	cr_assert_eq(file_write_atomic(path, ref.data, ref.len), 0);
	o.reference_odp = path;
	cr_assert_eq(render_odp(m, &o, &out), 0);
	cr_assert(out.len == ref.len && memcmp(out.data, ref.data,
	    out.len) == 0, "our own styles, read back, change nothing");
	o.reference_odp = "/nonexistent/ref.odp";
	out.len = 0;
	cr_assert_eq(render_odp(m, &o, &out), -1);
	unlink(path);
	buf_free(&ref);
	buf_free(&out);
	meeting_free(m);
}

Test(slides, html_and_odp_of_every_input, .timeout = 900)
{
	cr_assert_eq(system("sh tests/check-slides.sh"), 0,
	    "tests/check-slides.sh failed");
}

Test(odp, valid_and_opened_by_libreoffice, .timeout = 900)
{
	cr_assert_eq(system("sh tests/check-odp.sh"), 0,
	    "tests/check-odp.sh failed");
}
