/*
 * fuzz_cache.c -- libFuzzer harness for the cache's decoder: the bytes of
 * a model record as the cache file in an output root may hold them (the
 * output root is not trusted).  What decodes is encoded again, and that
 * encoding must decode to the same encoding: the decoder takes only what
 * the encoder could have written.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "diag.h"
#include "notes.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Decodes data[0..len) and encodes it again into out; -1: not a model. */
static int
round_trip(const char *data, size_t len, struct buf *out)
{
	struct meetings ms = {0};
	struct diags d;
	int rc;

	diags_init(&d, "fuzz.md");
	rc = cache_decode_model(data, len, "fuzz.md", &d, &ms);
	if (rc == 0) {
		cache_encode_model(out, &d, &ms);
		meetings_free(&ms);
	}
	diags_free(&d);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf once = {0}, twice = {0};

	if (round_trip((const char *)data, size, &once) == 0) {
		if (round_trip(once.data != NULL ? once.data : "", once.len,
		    &twice) != 0 || twice.len != once.len ||
		    (once.len > 0 && memcmp(once.data, twice.data, once.len) != 0))
			abort();	/* what was encoded does not decode back */
	}
	buf_free(&once);
	buf_free(&twice);
	return 0;
}
