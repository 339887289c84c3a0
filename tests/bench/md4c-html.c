/*
 * md4c-html -- the benchmark's parse-speed reference: md4c's HTML renderer
 * with the GitHub dialect (tables, strikethrough, autolinks, task lists:
 * the four extensions minutes turns on), reading NOTES.md whole and
 * writing the HTML to OUT, as `minutes render -o OUT` does.
 *
 *	md4c-html NOTES.md OUT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <md4c-html.h>

/* md_html's output callback: appends to the FILE (errors are seen at fclose). */
static void
put(const MD_CHAR *text, MD_SIZE size, void *arg)
{
	FILE *f = arg;

	fwrite(text, 1, size, f);
}

/* Reads the whole of path into a malloc'ed buffer; NULL on failure. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f;
	char *buf = NULL, *p;
	size_t cap = 0, n = 0, got;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(buf, cap)) == NULL)
				goto fail;
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	*len = n;
	return buf;
fail:
	free(buf);
	fclose(f);
	return NULL;
}

int
main(int argc, char **argv)
{
	FILE *out;
	char *text;
	size_t len;

	if (argc != 3) {
		fprintf(stderr, "usage: md4c-html NOTES.md OUT\n");
		return 2;
	}
	if ((text = slurp(argv[1], &len)) == NULL) {
		fprintf(stderr, "md4c-html: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if ((out = fopen(argv[2], "wb")) == NULL) {
		fprintf(stderr, "md4c-html: %s: %s\n", argv[2], strerror(errno));
		free(text);
		return 1;
	}
	if (md_html(text, (MD_SIZE)len, put, out, MD_DIALECT_GITHUB, 0) != 0) {
		fprintf(stderr, "md4c-html: %s: parse failed\n", argv[1]);
		fclose(out);
		free(text);
		return 1;
	}
	free(text);
	if (ferror(out) | (fclose(out) != 0)) {
		fprintf(stderr, "md4c-html: %s: write failed\n", argv[2]);
		return 1;
	}
	return 0;
}
