/*
 * helpers.c -- what the test files share (see helpers.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "notes.h"
#include "util.h"

struct meeting *
test_notes(const char *s)
{
	struct diags d;
	struct meeting *m;

	m = test_notes_as("test.md", s, &d);
	diags_free(&d);
	return m;
}

struct meeting *
test_notes_as(const char *source, const char *s, struct diags *d)
{
	diags_init(d, source);
	return notes_model(source, s, strlen(s), d);
}

const char *
test_prog(void)
{
	const char *p = getenv("MINUTES");

	return p != NULL ? p : "./minutes";
}

/* Reads the file at path into *s (when s is not NULL), then removes it. */
static void
take(const char *path, char **s)
{
	char *data;
	size_t len;

	cr_assert_eq(file_read(path, &data, &len), 0, "%s", path);
	unlink(path);
	if (s != NULL)
		*s = data;
	else
		free(data);
}

int
test_run(const char *args, char **out, char **err)
{
	char *dir = test_tmpdir(), *cmd, *po, *pe;
	int st;

	po = xasprintf("%s/out", dir);
	pe = xasprintf("%s/err", dir);
	cmd = xasprintf("timeout 60 %s %s > %s 2> %s", test_prog(), args,
	    po, pe);
	st = system(cmd);
	take(po, out);
	take(pe, err);
	rmdir(dir);
	free(cmd);
	free(po);
	free(pe);
	free(dir);
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);
}

char *
test_tmpdir(void)
{
	char *dir = xstrdup("/tmp/minutes-test-XXXXXX");

	cr_assert_not_null(mkdtemp(dir), "mkdtemp");
	return dir;
}

void
test_rmtree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	cr_assert_eq(system(cmd), 0, "%s", cmd);
	free(cmd);
}

void
test_put_file(const char *dir, const char *name, const char *s)
{
	char *path = xasprintf("%s/%s", dir, name), *slash;

	slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0755);
	*slash = '/';
	cr_assert_eq(file_write_atomic(path, s, strlen(s)), 0, "%s", path);
	free(path);
}

char *
test_scratch(const char *data, size_t len)
{
	char *path = xstrdup("/tmp/minutes-notes-XXXXXX.md");
	int fd = mkstemps(path, 3);

	cr_assert_neq(fd, -1);
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

size_t
test_count(const char *hay, size_t n, const char *needle)
{
	size_t c = 0, k = strlen(needle);
	const char *p = hay, *end = hay + n;

	while ((p = memmem(p, (size_t)(end - p), needle, k)) != NULL) {
		c++;
		p += k;
	}
	return c;
}
