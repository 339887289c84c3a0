/*
 * fuzz_render.c -- libFuzzer harness for one renderer on the model of the
 * notes: the first byte picks the format of the format table (and whether
 * the output stands alone), the rest are the notes.  Each input costs one
 * render, not all of them.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "notes.h"
#include "render.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Our error lines, not the sanitizers' reports (straight to fd 2). */
	stderr = fopen("/dev/null", "w");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct render_opts opts = {0};
	const struct format *f;
	struct meeting *m;
	struct buf out = {0};
	struct diags d;
	size_t n;

	if (size < 1)
		return 0;
	for (n = 0; formats[n].name != NULL; n++)
		continue;
	f = &formats[data[0] % n];
	opts.standalone = (data[0] / n) % 2;
	diags_init(&d, "fuzz.md");
	m = notes_model("fuzz.md", (const char *)data + 1, size - 1, &d);
	(void)f->render(m, &opts, &out);
	buf_free(&out);
	meeting_free(m);
	diags_free(&d);
	return 0;
}
