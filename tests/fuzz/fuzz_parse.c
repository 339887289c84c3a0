/*
 * fuzz_parse.c -- libFuzzer harness for the read layer alone: front
 * matter, Markdown parsing, extraction and validation, in memory.  The
 * fast one: no renderer, so it reaches deep into the notes conventions.
 */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "notes.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meeting *m;
	struct diags d;

	diags_init(&d, "fuzz.md");
	m = notes_model("fuzz.md", (const char *)data, size, &d);
	(void)diags_worst(&d);
	meeting_free(m);
	diags_free(&d);
	return 0;
}
