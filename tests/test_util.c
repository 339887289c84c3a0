/*
 * test_util.c -- the shared helpers: an output buffer that writes itself
 * out as it fills.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "util.h"

/* The bytes of file fd from its start; caller frees. */
static char *
slurp(int fd, size_t *len)
{
	struct buf b = {0};
	char chunk[4096];
	ssize_t n;

	buf_put(&b, "", 0);
	cr_assert_eq(lseek(fd, 0, SEEK_SET), 0);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		buf_put(&b, chunk, (size_t)n);
	*len = b.len;
	return buf_detach(&b);
}

/*
 * A buffer with a sink never holds much more than BUF_SINK_SIZE, however
 * much goes in, and what reaches the file is exactly what was put, in
 * order, through every way of putting (a byte, a string, a format, a
 * piece larger than the buffer).
 */
Test(buf, sink_writes_as_it_fills)
{
	struct buf want = {0}, b = {0};
	struct buf_sink sink;
	const char *dir = getenv("TMPDIR");
	char *tmpl, *big, *got;
	size_t i, len, most = 0;
	int fd;

	tmpl = xasprintf("%s/minutes-sink.XXXXXX", dir != NULL ? dir : "/tmp");
	fd = mkstemp(tmpl);
	unlink(tmpl);
	free(tmpl);
	cr_assert_geq(fd, 0);
	memset(&sink, 0, sizeof(sink));
	sink.fd = fd;
	buf_set_sink(&b, &sink);
	big = xcalloc(3 * BUF_SINK_SIZE + 1, 1);
	memset(big, 'x', 3 * BUF_SINK_SIZE);
	for (i = 0; i < 20000; i++) {
		buf_putc(&b, 'a' + (int)(i % 26));
		buf_putc(&want, 'a' + (int)(i % 26));
		buf_printf(&b, "<%zu>", i);
		buf_printf(&want, "<%zu>", i);
		buf_puts(&b, " some text ");
		buf_puts(&want, " some text ");
		if (i % 5000 == 4999) {
			buf_puts(&b, big);
			buf_puts(&want, big);
		}
		if (b.cap > most)
			most = b.cap;
	}
	cr_assert_eq(buf_flush(&b), 0);
	cr_assert_eq(b.len, 0);
	cr_assert_leq(most, BUF_SINK_SIZE, "held %zu bytes", most);
	cr_assert_gt(want.len, 10 * BUF_SINK_SIZE);
	cr_assert_eq(sink.total, want.len);
	got = slurp(fd, &len);
	cr_assert_eq(len, want.len);
	cr_assert(memcmp(got, want.data, len) == 0);
	free(got);
	free(big);
	buf_free(&b);
	buf_free(&want);
	close(fd);
}
