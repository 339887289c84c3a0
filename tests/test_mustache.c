/*
 * test_mustache.c -- the Mustache engine against the official spec files,
 * and its handling of malformed templates.
 *
 * The spec folder is tests/data/mustache from the project root, or
 * $MUSTACHE_SPEC_DIR.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <json-c/json.h>

#include "mustache.h"
#include "util.h"

/* Returns the value tree for a JSON value, freed with mval_free(). */
static struct mval *
from_json(struct json_object *j)
{
	struct mval *v;
	size_t i, n;

	switch (json_object_get_type(j)) {
	case json_type_boolean:
		return mval_bool(json_object_get_boolean(j));
	case json_type_int:
	case json_type_double:
		return mval_number(json_object_get_double(j));
	case json_type_string:
		return mval_string(json_object_get_string(j));
	case json_type_array:
		v = mval_list();
		n = json_object_array_length(j);
		for (i = 0; i < n; i++)
			mval_push(v, from_json(json_object_array_get_idx(j, i)));
		return v;
	case json_type_object:
		v = mval_map();
		json_object_object_foreach(j, key, val)
			mval_set(v, key, from_json(val));
		return v;
	default:
		return mval_null();
	}
}

/* Partial callback over a JSON object of name: template. */
static char *
json_partial(const char *name, void *arg, char **err)
{
	struct json_object *parts = arg, *t;

	(void)err;

	if (parts == NULL || !json_object_object_get_ex(parts, name, &t))
		return NULL;
	return xstrdup(json_object_get_string(t));
}

/*
 * Partial callback over a NULL-terminated array of name, template pairs; a
 * NULL template refuses the name.
 */
static char *
table_partial(const char *name, void *arg, char **err)
{
	const char *const *t = arg;

	for (; t[0] != NULL; t += 2)
		if (strcmp(t[0], name) == 0) {
			if (t[1] == NULL)	/* a name refused */
				*err = xasprintf("refused \"%s\"", name);
			return t[1] != NULL ? xstrdup(t[1]) : NULL;
		}
	return NULL;
}

/*
 * Runs every test of spec file NAME.json, one expectation each, and checks
 * that the file holds the number of tests it is known to hold.
 */
static void
run_spec(const char *name, size_t want)
{
	const char *dir = getenv("MUSTACHE_SPEC_DIR");
	struct json_object *root, *tests, *t, *o, *parts;
	struct mval *data;
	struct buf out = {0};
	char *path, *err;
	const char *tname, *tmpl, *expected, *got;
	size_t i, n;
	int rc;

	if (dir == NULL)
		dir = "tests/data/mustache";
	path = xasprintf("%s/%s.json", dir, name);
	root = json_object_from_file(path);
	cr_assert(root != NULL, "cannot read %s", path);
	cr_assert(json_object_object_get_ex(root, "tests", &tests) &&
	    json_object_is_type(tests, json_type_array),
	    "%s: no tests array", path);
	n = json_object_array_length(tests);
	cr_expect(n == want, "%s: %zu tests, expected %zu", path, n, want);

	for (i = 0; i < n; i++) {
		t = json_object_array_get_idx(tests, i);
		json_object_object_get_ex(t, "name", &o);
		tname = json_object_get_string(o);
		json_object_object_get_ex(t, "template", &o);
		tmpl = json_object_get_string(o);
		json_object_object_get_ex(t, "expected", &o);
		expected = json_object_get_string(o);
		if (!json_object_object_get_ex(t, "partials", &parts))
			parts = NULL;
		data = json_object_object_get_ex(t, "data", &o) ?
		    from_json(o) : NULL;

		err = NULL;
		out.len = 0;
		if (out.data != NULL)
			out.data[0] = '\0';
		rc = mustache_render(tmpl, data, json_partial, parts, &out,
		    &err);
		got = out.data != NULL ? out.data : "";
		cr_expect(rc == 0 && strcmp(got, expected) == 0,
		    "%s: \"%s\": rc %d (%s)\n--- expected\n%s\n--- got\n%s",
		    name, tname, rc, err != NULL ? err : "no error",
		    expected, got);
		free(err);
		mval_free(data);
	}
	buf_free(&out);
	json_object_put(root);
	free(path);
}

Test(mustache, spec_comments)
{
	run_spec("comments", 12);
}

Test(mustache, spec_delimiters)
{
	run_spec("delimiters", 14);
}

Test(mustache, spec_interpolation)
{
	run_spec("interpolation", 42);
}

Test(mustache, spec_inverted)
{
	run_spec("inverted", 22);
}

Test(mustache, spec_partials)
{
	run_spec("partials", 12);
}

Test(mustache, spec_sections)
{
	run_spec("sections", 34);
}

/*
 * Renders tmpl against ctx with the partials in table (may be NULL).
 * Returns the output or, when rendering fails, the error, prefixed by
 * "ERR " -- owned by the caller.
 */
static char *
render(const char *tmpl, const struct mval *ctx, const char *const *table)
{
	struct buf out = {0};
	char *err = NULL, *s;

	if (mustache_render(tmpl, ctx, table != NULL ? table_partial : NULL,
	    (void *)table, &out, &err) == -1) {
		cr_expect(err != NULL, "failure without an error for \"%s\"",
		    tmpl);
		s = xasprintf("ERR %s", err != NULL ? err : "");
		free(err);
		buf_free(&out);
		return s;
	}
	cr_expect(err == NULL, "error set on success: %s", err);
	free(err);
	return buf_detach(&out);
}

/* Expects render(tmpl, ctx, table) to give want. */
static void
check(const char *tmpl, const struct mval *ctx, const char *const *table,
    const char *want)
{
	char *got = render(tmpl, ctx, table);

	cr_expect_str_eq(got, want, "template \"%s\"", tmpl);
	free(got);
}

Test(mustache, unclosed_tag)
{
	check("ab\n  {{name", NULL, NULL, "ERR 2:3: unclosed tag");
	check("{{", NULL, NULL, "ERR 1:1: unclosed tag");
	check("x{{{a}}", NULL, NULL, "ERR 1:2: unclosed tag");
	check("\n\n\t{{! comment }", NULL, NULL, "ERR 3:2: unclosed tag");
	check("{{=<% %>=}}\n<%a}}", NULL, NULL, "ERR 2:1: unclosed tag");
	check("\xc3\xa9t\xc3\xa9 {{x", NULL, NULL, "ERR 1:5: unclosed tag");
}

Test(mustache, unclosed_section)
{
	check("x\n{{#a}}y", NULL, NULL, "ERR 2:1: unclosed section \"a\"");
	check("{{#a}}{{^b}}{{/b}}", NULL, NULL,
	    "ERR 1:1: unclosed section \"a\"");
	check("{{#a}}\n {{/b}}", NULL, NULL,
	    "ERR 2:2: closing tag \"b\" does not match open section \"a\"");
	check("a {{/a}}", NULL, NULL,
	    "ERR 1:3: closing tag \"a\" without an open section");
}

Test(mustache, bad_delimiters)
{
	check("{{=<% =}}", NULL, NULL, "ERR 1:1: bad set-delimiter tag");
	check("{{=<% %> x=}}", NULL, NULL, "ERR 1:1: bad set-delimiter tag");
	check("{{==}}", NULL, NULL, "ERR 1:1: bad set-delimiter tag");
	check("{{=<% %>", NULL, NULL, "ERR 1:1: unclosed tag");
	check("{{}}", NULL, NULL, "ERR 1:1: tag without a name");
	check("{{=| |=}}|#a|x|/a|", NULL, NULL, "");
}

Test(mustache, recursive_partial)
{
	static const char *const loop[] = { "p", "x{{>p}}", NULL };
	static const char *const pair[] = {
		"a", "{{>b}}", "b", "\n  {{>a}}\n", NULL
	};
	char *got;

	got = render("\n {{>p}}", NULL, loop);
	cr_expect(strncmp(got, "ERR 2:2: in partial \"p\": ", 25) == 0 &&
	    strstr(got, "nested more than 100 deep") != NULL, "got %s", got);
	free(got);
	got = render("{{>a}}", NULL, pair);
	cr_expect(strncmp(got, "ERR 1:1: ", 9) == 0 &&
	    strstr(got, "nested more than 100 deep") != NULL, "got %s", got);
	free(got);
}

Test(mustache, partial_errors)
{
	static const char *const bad[] = { "p", "ok\n{{#s}}", NULL };

	check("x\n  {{>p}}\n", NULL, bad,
	    "ERR 2:3: in partial \"p\": 2:1: unclosed section \"s\"");
	check("{{>missing}}|", NULL, bad, "|");
	check("{{>p}}", NULL, NULL, "");
}

/* Sections nested over the same list: bounded work, then an error. */
Test(mustache, nested_lists_bounded)
{
	struct mval *ctx = mval_map(), *list = mval_list();
	struct buf t = {0};
	char *got;
	int i;

	for (i = 0; i < 3; i++)
		mval_push(list, mval_string("x"));
	mval_set(ctx, "l", list);
	for (i = 0; i < 40; i++)
		buf_puts(&t, "{{#l}}.");
	for (i = 0; i < 40; i++)
		buf_puts(&t, "{{/l}}");
	got = render(t.data, ctx, NULL);
	cr_expect(strncmp(got, "ERR 1:", 6) == 0 &&
	    strstr(got, "too much work for the data") != NULL, "got %.80s", got);
	free(got);
	/* Three deep is 1 + 3 + 9 + 27 dots: well within. */
	got = render("{{#l}}{{#l}}{{#l}}.{{/l}}{{/l}}{{/l}}", ctx, NULL);
	cr_expect_str_eq(got, "...........................");
	free(got);
	buf_free(&t);
	mval_free(ctx);
}

/* A name the callback refuses fails the render at its tag. */
Test(mustache, partial_refused)
{
	static const char *const refuse[] = {
		"p", "x\n {{>r}}", "r", NULL, NULL
	};

	check("a\n b{{> r }}c", NULL, refuse, "ERR 2:3: refused \"r\"");
	check("{{>p}}", NULL, refuse,
	    "ERR 1:1: in partial \"p\": 2:2: refused \"r\"");
}

Test(mustache, missing_and_null)
{
	struct mval *m = mval_map();

	mval_set(m, "none", mval_null());
	mval_set_str(m, "skipped", NULL);
	mval_set(mval_set(m, "a", mval_map()), "b", mval_string("B"));
	check("[{{none}}{{{none}}}{{&none}}{{missing}}{{skipped}}]", m, NULL,
	    "[]");
	check("[{{a.x}}{{a.b.c}}{{x.y}}{{a.b}}]", m, NULL, "[B]");
	check("[{{#none}}x{{/none}}{{^none}}y{{/none}}]", m, NULL, "[y]");
	check("[{{x}}{{.}}{{#x}}1{{/x}}{{^x}}2{{/x}}]", NULL, NULL, "[2]");
	mval_free(m);
}

Test(mustache, values)
{
	struct mval *m = mval_map(), *l;

	mval_set(m, "p", mval_number(1.21));
	mval_set(m, "i", mval_number(85));
	mval_set(m, "n", mval_number(-0.1));
	mval_set(m, "big", mval_number(1e21));
	mval_set(m, "t", mval_bool(1));
	mval_set(m, "q", mval_string("it's <b>"));
	mval_set(m, "e", mval_string(""));
	mval_set(m, "z", mval_number(0));
	l = mval_set(m, "l", mval_list());
	mval_push(l, mval_string("x"));
	mval_push(l, mval_number(2));
	mval_set(m, "i", mval_number(86));	/* replaces */
	check("{{p}} {{i}} {{n}} {{big}} {{t}}", m, NULL,
	    "1.21 86 -0.1 1e+21 true");
	check("{{q}}|{{{q}}}", m, NULL, "it&#39;s &lt;b&gt;|it's <b>");
	check("{{#e}}E{{/e}}{{^e}}e{{/e}}{{#z}}Z{{/z}}", m, NULL, "eZ");
	check("{{#l}}<{{.}}>{{/l}}", m, NULL, "<x><2>");
	cr_expect(mval_push(m, mval_null()) == NULL);
	cr_expect(mval_set(l, "k", mval_null()) == NULL);
	mval_free(m);
	mval_free(NULL);
}

Test(mustache, many_keys)
{
	struct mval *m = mval_map();
	char key[32], *got;
	int i;

	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		mval_set(m, key, mval_number(i));
	}
	for (i = 0; i < 5000; i += 7) {
		snprintf(key, sizeof(key), "{{k%d}}", i);
		got = render(key, m, NULL);
		cr_expect(atoi(got) == i, "%s gave %s", key, got);
		free(got);
	}
	mval_free(m);
}

Test(mustache, deep_sections)
{
	struct buf t = {0};
	char *got;
	int i;

	for (i = 0; i < 2000; i++)
		buf_puts(&t, "{{#a}}");
	got = render(t.data, NULL, NULL);
	cr_expect(strstr(got, "nested too deeply") != NULL, "got %.60s", got);
	free(got);
	buf_free(&t);
}

/* Items of the lazy lists below: a map of "n", and under "sub" a lazy
 * list of *arg items when deep is set. */
static int lazy_made;

struct lazy_arg {
	int	n;
	int	deep;
};

static struct mval *
lazy_item(const void *arg, size_t i)
{
	const struct lazy_arg *a = arg;
	struct mval *it = mval_map();

	lazy_made++;
	mval_set(it, "n", mval_number((double)i));
	if (a->deep) {
		struct lazy_arg *sub = xmalloc(sizeof(*sub));

		sub->n = 2;
		sub->deep = 0;
		mval_set(it, "sub", mval_list_lazy(2, 2, lazy_item, sub));
	}
	return it;
}

static struct mval *
lazy_list(int n, int deep)
{
	struct lazy_arg *a = xmalloc(sizeof(*a));

	a->n = n;
	a->deep = deep;
	return mval_list_lazy((size_t)n, (size_t)n * (deep ? 5 : 2),
	    lazy_item, a);
}

/* A lazy list renders like the list of the same items, nested ones
 * too; its items are made as rendered and freed (LeakSanitizer and
 * valgrind see any kept). */
Test(mustache, lazy_list_renders_each_item)
{
	struct mval *ctx = mval_map(), *empty = mval_map();

	mval_set(ctx, "l", lazy_list(3, 1));
	mval_set(empty, "l", lazy_list(0, 0));
	lazy_made = 0;
	check("{{#l}}[{{n}}:{{#sub}}{{n}}{{/sub}}]{{/l}}", ctx, NULL,
	    "[0:01][1:01][2:01]");
	cr_expect_eq(lazy_made, 3 + 3 * 2);
	check("{{^l}}none{{/l}}{{#l}}x{{/l}}", empty, NULL, "none");
	check("{{^l}}none{{/l}}", ctx, NULL, "");
	/* Made again at each render: nothing is kept. */
	lazy_made = 0;
	check("{{#l}}{{n}}{{/l}}|{{#l}}{{n}}{{/l}}", ctx, NULL, "012|012");
	cr_expect_eq(lazy_made, 6);
	/* Nothing can be pushed onto one. */
	cr_expect_null(mval_push(mval_set(ctx, "m", lazy_list(1, 0)),
	    mval_string("x")));
	mval_free(ctx);
	mval_free(empty);
}

/* The values a lazy list declares bound the work of a render. */
Test(mustache, lazy_list_work_bounded)
{
	struct mval *ctx = mval_map();
	struct buf t = {0};
	char *got;
	int i;

	mval_set(ctx, "l", lazy_list(3, 0));
	for (i = 0; i < 40; i++)
		buf_puts(&t, "{{#l}}.");
	for (i = 0; i < 40; i++)
		buf_puts(&t, "{{/l}}");
	got = render(t.data, ctx, NULL);
	cr_expect(strncmp(got, "ERR 1:", 6) == 0 &&
	    strstr(got, "too much work for the data") != NULL, "got %.80s", got);
	free(got);
	buf_free(&t);
	mval_free(ctx);
}

/* A string taken, not copied, renders like a copy and is freed with
 * its value. */
Test(mustache, string_taken)
{
	struct mval *ctx = mval_map();
	char *s = xstrdup("<b>taken</b>");

	mval_set(ctx, "s", mval_string_take(s));
	mval_set(ctx, "e", mval_string_take(xstrdup("")));
	check("{{{s}}} {{s}}{{#e}}x{{/e}}{{^e}}!{{/e}}", ctx, NULL,
	    "<b>taken</b> &lt;b&gt;taken&lt;/b&gt;!");
	mval_free(ctx);
}
