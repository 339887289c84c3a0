/*
 * fuzz_notes.c -- libFuzzer harness: arbitrary bytes through front matter,
 * parsing, extraction, validation and every renderer of the format table,
 * all in memory.
 */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "notes.h"
#include "render.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct render_opts opts = {0};
	const struct format *f;
	struct meeting *m;
	struct diags d;

	diags_init(&d, "fuzz.md");
	m = notes_model("fuzz.md", (const char *)data, size, &d);
	for (f = formats; f->name != NULL; f++) {
		struct buf out = {0};

		opts.standalone = (f - formats) % 2;
		(void)f->render(m, &opts, &out);
		buf_free(&out);
	}
	meeting_free(m);
	diags_free(&d);
	return 0;
}
