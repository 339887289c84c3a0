/*
 * test_fuzzregress.c -- every input kept under tests/fuzz/regressions/ runs
 * through the code of its harness in the ordinary suite, so the sanitizer
 * and valgrind runs see them too: notes through every renderer, templates
 * through the Mustache engine, reference documents through the reader.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "notes.h"
#include "odf.h"
#include "mustache.h"
#include "render.h"

/* Calls fn on each file of tests/fuzz/regressions/sub; returns the count. */
static size_t
each(const char *sub, void (*fn)(const char *))
{
	char *dir = xasprintf("tests/fuzz/regressions/%s", sub), *path;
	struct dirent *e;
	size_t n = 0;
	DIR *d;

	cr_assert_not_null(d = opendir(dir), "no %s", dir);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		fn(path);
		free(path);
		n++;
	}
	closedir(d);
	free(dir);
	return n;
}

static void
notes_everywhere(const char *path)
{
	const struct format *f;
	struct render_opts opts = {0};
	struct diags d;
	struct meeting *m;
	char *data;
	size_t len;

	cr_assert_eq(file_read(path, &data, &len), 0, "cannot read %s", path);
	diags_init(&d, path);
	m = notes_model(path, data, len, &d);
	for (f = formats; f->name != NULL; f++) {
		struct buf out = {0};

		opts.standalone = 1;
		cr_expect_eq(f->render(m, &opts, &out), 0, "%s: %s failed",
		    path, f->name);
		buf_free(&out);
	}
	meeting_free(m);
	diags_free(&d);
	free(data);
}

static char *
partial(const char *name, void *arg, char **err)
{
	(void)arg;
	(void)err;
	return strcmp(name, "self") == 0 ? xstrdup("[{{> self}}]") :
	    xasprintf("<%s>", name);
}

static void
template_runs(const char *path)
{
	struct mval *ctx = mval_map();
	struct buf out = {0};
	char *data, *err = NULL;
	size_t len;

	cr_assert_eq(file_read(path, &data, &len), 0, "cannot read %s", path);
	mval_set_str(ctx, "title", "x");
	/* Malformed or not, never a crash; deep partials end in an error. */
	(void)mustache_render(data, ctx, partial, NULL, &out, &err);
	free(err);
	buf_free(&out);
	mval_free(ctx);
	free(data);
}

static void
reference_read(const char *path)
{
	char *styles = NULL;
	size_t len;

	if (odf_reference_styles(path, &styles, &len) == 0)
		free(styles);
}

Test(fuzzregress, notes_inputs_render_in_every_format, .timeout = 300)
{
	cr_expect_gt(each("parse", notes_everywhere), 0);
}

Test(fuzzregress, templates_never_crash_the_engine)
{
	cr_expect_gt(each("mustache", template_runs), 0);
}

Test(fuzzregress, reference_documents_are_read_or_refused)
{
	cr_expect_gt(each("refdoc", reference_read), 0);
}
