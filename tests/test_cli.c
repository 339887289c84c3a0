/*
 * test_cli.c -- the command line as users meet it: exit statuses,
 * diagnostics, the JSON model of every real notes file, expected-output
 * cases.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <json-c/json.h>

#include "helpers.h"
#include "util.h"

static const char *
corpus(void)
{
	const char *p = getenv("MINUTES_CORPUS");

	return p != NULL ? p : "tests/data/corpus";
}

Test(cli, help_goes_to_stdout_and_exits_0)
{
	char *out, *err;

	cr_assert_eq(test_run("--help", &out, &err), 0);
	cr_assert_not_null(strstr(out, "usage: minutes build"));
	cr_assert_not_null(strstr(out, "json"));
	cr_assert_str_empty(err);
	free(out);
	free(err);
	cr_assert_eq(test_run("render --help", NULL, NULL), 0);
}

Test(cli, version)
{
	char *out;

	cr_assert_eq(test_run("--version", &out, NULL), 0);
	cr_assert(strncmp(out, "minutes ", 8) == 0);
	free(out);
}

Test(cli, usage_errors_exit_2)
{
	char *err;

	cr_assert_eq(test_run("", NULL, NULL), 2);
	cr_assert_eq(test_run("frobnicate", &err, NULL), 2);
	free(err);
	cr_assert_eq(test_run("render input/2017-07-06-ssr2-plenary.md", NULL,
	    &err), 2);
	cr_assert_not_null(strstr(err, "-t FORMAT"));
	free(err);
	cr_assert_eq(test_run("render -f nosuch input/2017-07-06-ssr2-plenary.md",
	    NULL, &err), 2);
	cr_assert_not_null(strstr(err, "unknown format: nosuch"));
	free(err);
	cr_assert_eq(test_run("check", NULL, NULL), 2);
	cr_assert_eq(test_run("check --bogus x.md", NULL, NULL), 2);
	cr_assert_eq(test_run("render -f json --max-rows 0 x.md", NULL, NULL), 2);
}

Test(cli, missing_file_is_named_and_exits_3)
{
	char *err;

	cr_assert_eq(test_run("check /nonexistent/notes.md", NULL, &err), 3);
	cr_assert_not_null(strstr(err,
	    "minutes: /nonexistent/notes.md: error: No such file"));
	free(err);
	cr_assert_eq(test_run("render -f json /nonexistent/notes.md", NULL, NULL),
	    3);
}

Test(cli, directory_as_file_exits_3)
{
	char *err;

	cr_assert_eq(test_run("check tests", NULL, &err), 3);
	cr_assert_not_null(strstr(err, "minutes: tests: error: Is a directory"));
	free(err);
}

Test(cli, empty_file_is_an_error)
{
	char *path = test_scratch("", 0), *args, *err;

	args = xasprintf("check %s", path);
	cr_assert_eq(test_run(args, NULL, &err), 1);
	cr_assert_not_null(strstr(err, ":1:1: error: empty input"));
	free(err);
	free(args);
	unlink(path);
	free(path);
}

Test(cli, invalid_utf8_names_line_and_never_reaches_output)
{
	static const char notes[] =
	    "# Call 2026-03-05\n\nfine line\nbad \xff\xfe byte\n";
	char *path = test_scratch(notes, sizeof(notes) - 1), *args, *out, *err;
	json_object *j;

	args = xasprintf("render -f json %s", path);
	cr_assert_eq(test_run(args, &out, &err), 1);
	cr_assert_not_null(strstr(err, ":4:5: error: invalid UTF-8"), "%s",
	    err);
	cr_assert_null(strchr(out, '\xff'));
	j = json_tokener_parse(out);
	cr_assert_not_null(j, "output is not JSON");
	json_object_put(j);
	free(out);
	free(err);
	free(args);
	unlink(path);
	free(path);
}

Test(cli, front_matter_syntax_error_has_line_and_col)
{
	static const char notes[] =
	    "---\ntitle: Call\ndate: 2026-03-05\nchairs: [Ann, Bob\n---\n# x\n";
	char *path = test_scratch(notes, sizeof(notes) - 1), *args, *err;

	args = xasprintf("check %s", path);
	cr_assert_eq(test_run(args, NULL, &err), 1);
	cr_assert_not_null(strstr(err, "error: front matter is not valid YAML"),
	    "%s", err);
	cr_assert_not_null(strstr(err, path));
	free(err);
	free(args);
	unlink(path);
	free(path);
}

Test(cli, strict_turns_warnings_into_status_1)
{
	static const char notes[] = "# Notes without a date\n\nHello.\n";
	char *path = test_scratch(notes, sizeof(notes) - 1), *args;

	args = xasprintf("check %s", path);
	cr_assert_eq(test_run(args, NULL, NULL), 0);
	free(args);
	args = xasprintf("check --strict %s", path);
	cr_assert_eq(test_run(args, NULL, NULL), 1);
	free(args);
	unlink(path);
	free(path);
}

Test(cli, json_model_has_schema_and_shape)
{
	char *out;
	json_object *j, *v;

	cr_assert_eq(test_run("render -f json input/2017-07-06-ssr2-plenary.md",
	    &out, NULL), 0);
	j = json_tokener_parse(out);
	cr_assert_not_null(j);
	cr_assert(json_object_object_get_ex(j, "schema", &v));
	cr_assert_eq(json_object_get_int(v), 1);
	cr_assert(json_object_object_get_ex(j, "actions", &v));
	cr_assert(json_object_is_type(v, json_type_array));
	cr_assert(json_object_object_get_ex(j, "agenda", &v));
	cr_assert(json_object_object_get_ex(j, "teams", &v));
	cr_assert(json_object_object_get_ex(j, "links", &v));
	json_object_put(j);
	free(out);
}

/* Every real notes file: no crash, no timeout, valid JSON out. */
Test(cli, real_corpus_renders_valid_json, .timeout = 600)
{
	DIR *dir = opendir(corpus());
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(dir, "no corpus at %s", corpus());
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		char *args, *out;
		json_object *j, *v;
		int st;

		if (len < 4 || strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		args = xasprintf("render -f json '%s/%s'", corpus(), e->d_name);
		st = test_run(args, &out, NULL);
		cr_expect(st == 0 || st == 1, "%s: exit %d", e->d_name, st);
		j = json_tokener_parse(out);
		cr_expect_not_null(j, "%s: output is not JSON", e->d_name);
		if (j != NULL) {
			cr_expect(json_object_object_get_ex(j, "schema", &v) &&
			    json_object_get_int(v) == 1, "%s", e->d_name);
			json_object_put(j);
		}
		free(out);
		free(args);
		args = xasprintf("check '%s/%s'", corpus(), e->d_name);
		st = test_run(args, NULL, NULL);
		cr_expect(st == 0 || st == 1, "%s: check exit %d", e->d_name,
		    st);
		free(args);
		n++;
	}
	closedir(dir);
	cr_assert_geq(n, 30, "only %d corpus files", n);
}

/*
 * The expected outputs of tests/cases and tests/golden, every kind
 * (model, diagnostics, HTML, DocBook, ODT content, slide titles), in one
 * loop: tests/regress.sh.
 */
Test(cli, expected_outputs, .timeout = 600)
{
	cr_assert_eq(system("sh tests/regress.sh check"), 0,
	    "tests/regress.sh failed (make regen rewrites the expected "
	    "files; read the diff)");
}

/* Format selection, stdin/stdout, messages, help, -M, build, install. */
Test(cli, behaves_like_a_unix_tool, .timeout = 600)
{
	cr_assert_eq(system("bash tests/check-cli.sh"), 0);
}

/* No symbolic link below the output root is followed; plain counters. */
Test(cli, output_folder_follows_no_link, .timeout = 600)
{
	cr_assert_eq(system("bash tests/check-outdir.sh"), 0);
}

/* Stable folders, the manifest, -j, incremental rebuilds, progress. */
Test(cli, parallel_and_incremental_builds, .timeout = 900)
{
	cr_assert_eq(system("bash tests/check-incremental.sh"), 0);
}

Test(cli, man_page_passes_mandoc_lint)
{
	cr_assert_eq(system("mandoc -Tlint -W warning gen/minutes.1"), 0);
}

/* The same notes give the same bytes: two builds of input/ are identical. */
Test(cli, builds_are_byte_stable, .timeout = 300)
{
	char *cmd;

	cmd = xasprintf("set -e; d=$(mktemp -d); "
	    "%s build -o $d/a input 2>/dev/null; "
	    "TZ=Pacific/Kiritimati %s build -o $d/b input 2>/dev/null; "
	    "n=$(find $d/a -type f ! -name .minutes-manifest | wc -l); "
	    "test $n -ge 30; "
	    "diff -r -x .minutes.lock $d/a $d/b; rm -rf $d", test_prog(), test_prog());
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}
