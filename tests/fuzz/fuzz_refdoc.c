/*
 * fuzz_refdoc.c -- libFuzzer harness for the reference-document reader:
 * the input is the bytes of a --reference-odt file (a zip holding
 * styles.xml), read by odf_reference_styles() through a memory file, so
 * libzip, the entity and DOCTYPE guards, libxml2 and the ODF schema check
 * all see it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "odf.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int mfd = -1;
static char path[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	stderr = fopen("/dev/null", "w");
	if ((mfd = memfd_create("ref.odt", 0)) == -1)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", mfd);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *styles = NULL;
	size_t len;

	if (ftruncate(mfd, 0) == -1 || pwrite(mfd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	if (odf_reference_styles(path, &styles, &len) == 0)
		free(styles);
	return 0;
}
