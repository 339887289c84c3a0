/*
 * test_cache.c -- the models a build keeps in its cache (gen/cache.c):
 * a model read back renders every format byte for byte as the parsed one
 * (every expected-output case, the corpus, the examples, the fuzz
 * regressions); a truncated record never decodes; damaged records either
 * decode into a model every renderer takes, or are refused.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "cache.h"
#include "manifest.h"
#include "notes.h"
#include "render.h"

/* The meetings and diagnostics of the notes file at path. */
static void
parse_file(const char *path, struct diags *d, struct meetings *ms)
{
	char *data;
	size_t len;

	cr_assert_eq(file_read(path, &data, &len), 0, "cannot read %s", path);
	diags_init(d, path);
	notes_meetings(path, data, len, NULL, d, ms);
	free(data);
}

/* Every format of m into one buffer, each after its name. */
static void
render_all(const struct meeting *m, struct buf *out)
{
	const struct format *f;
	struct render_opts o = {0};

	for (f = formats; f->name != NULL; f++) {
		buf_puts(out, f->name);
		buf_putc(out, '\n');
		cr_expect_eq(f->render(m, &o, out), 0, "%s: %s failed",
		    m->source, f->name);
	}
}

/*
 * Encodes the model of path, decodes it and checks that the decoded one
 * encodes to the same bytes, has the same diagnostics and renders every
 * format as the parsed one.  Returns 1 when the model decoded; must:
 * it has to.
 */
static int
round_trip(const char *path, int must)
{
	struct diags d, d2;
	struct meetings ms, ms2;
	struct buf e1 = {0}, e2 = {0}, r1 = {0}, r2 = {0};
	size_t i;
	int ok;

	parse_file(path, &d, &ms);
	cache_encode_model(&e1, &d, &ms);
	diags_init(&d2, path);
	ok = cache_decode_model(e1.data, e1.len, path, &d2, &ms2) == 0;
	if (must)
		cr_assert(ok, "%s: the model does not decode", path);
	if (ok) {
		cache_encode_model(&e2, &d2, &ms2);
		cr_assert(e1.len == e2.len && memcmp(e1.data, e2.data,
		    e1.len) == 0, "%s: decoded model encodes otherwise", path);
		cr_assert_eq(d.n, d2.n, "%s: diagnostics", path);
		for (i = 0; i < d.n; i++)
			cr_expect(d.v[i].id == d2.v[i].id &&
			    d.v[i].line == d2.v[i].line &&
			    d.v[i].col == d2.v[i].col, "%s: diagnostic %zu",
			    path, i);
		cr_assert_eq(ms.n, ms2.n);
		for (i = 0; i < ms.n; i++) {
			r1.len = r2.len = 0;
			render_all(ms.v[i], &r1);
			render_all(ms2.v[i], &r2);
			cr_assert(r1.len == r2.len && memcmp(r1.data, r2.data,
			    r1.len) == 0, "%s: meeting %zu renders otherwise",
			    path, i);
		}
		meetings_free(&ms2);
	}
	buf_free(&e1);
	buf_free(&e2);
	buf_free(&r1);
	buf_free(&r2);
	meetings_free(&ms);
	diags_free(&d);
	diags_free(&d2);
	return ok;
}

/* round_trip() on each file of dir (ending .md unless any); the count. */
static size_t
each(const char *dir, int any, int must, size_t *decoded)
{
	struct dirent *e;
	size_t n = 0, len;
	char *path;
	DIR *d;

	cr_assert_not_null(d = opendir(dir), "no %s", dir);
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || (!any && (len < 4 ||
		    strcmp(e->d_name + len - 3, ".md") != 0)))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		*decoded += (size_t)round_trip(path, must);
		free(path);
		n++;
	}
	closedir(d);
	return n;
}

Test(cache, every_case_round_trips)
{
	size_t decoded = 0;

	cr_assert_gt(each("tests/cases", 0, 1, &decoded), 10);
	cr_assert_gt(each("tests/data/corpus", 0, 1, &decoded), 30);
	cr_assert_eq(each("input", 0, 1, &decoded), 3);
	cr_assert_gt(each("tests/series/review", 0, 1, &decoded), 1);
}

/* Fuzz inputs: whatever decodes renders as parsed; most must decode. */
Test(cache, fuzz_regressions_round_trip)
{
	size_t decoded = 0, n;

	n = each("tests/fuzz/regressions/parse", 1, 0, &decoded);
	n += each("tests/hostile", 0, 0, &decoded);
	cr_assert_gt(n, 5);
	cr_expect_geq(decoded * 2, n, "%zu of %zu decode", decoded, n);
}

/* The encoding of the seed meeting, which has a bit of everything. */
static void
seed_record(struct buf *e)
{
	struct diags d;
	struct meetings ms;

	parse_file("input/2017-07-06-ssr2-plenary.md", &d, &ms);
	cache_encode_model(e, &d, &ms);
	meetings_free(&ms);
	diags_free(&d);
}

Test(cache, truncated_never_decodes)
{
	struct buf e = {0};
	struct diags d;
	struct meetings ms;
	size_t len;

	seed_record(&e);
	cr_assert_gt(e.len, 1000);
	for (len = 0; len < e.len; len++) {
		diags_init(&d, "x.md");
		cr_assert_eq(cache_decode_model(e.data, len, "x.md", &d, &ms),
		    -1, "a record cut at %zu of %zu bytes decodes", len,
		    e.len);
		cr_assert_eq(d.n, 0, "a refused record left diagnostics");
		diags_free(&d);
	}
	/* One byte too many is refused as well. */
	buf_putc(&e, 0);
	diags_init(&d, "x.md");
	cr_assert_eq(cache_decode_model(e.data, e.len, "x.md", &d, &ms), -1);
	diags_free(&d);
	buf_free(&e);
}

/*
 * Damaged bytes: each position of the record set to other values; a
 * record that still decodes goes through every renderer (under the
 * sanitizers, any bad pointer or index shows).
 */
Test(cache, damaged_records_refused_or_safe, .timeout = 600)
{
	static const int values[] = { 0x00, 0xff, 0x80, 0x7f, 0x01, 0x3c };
	struct buf e = {0}, out = {0};
	struct diags d;
	struct meetings ms;
	size_t pos, k, i, taken = 0, refused = 0, step;
	char keep;

	seed_record(&e);
	step = e.len / 1500 + 1;
	for (pos = 0; pos < e.len; pos += step) {
		keep = e.data[pos];
		for (k = 0; k < sizeof(values) / sizeof(values[0]); k++) {
			if ((unsigned char)keep == values[k])
				continue;
			e.data[pos] = (char)values[k];
			diags_init(&d, "x.md");
			if (cache_decode_model(e.data, e.len, "x.md", &d,
			    &ms) == -1) {
				refused++;
				cr_assert_eq(d.n, 0);
			} else {
				if (taken++ % 8 == 0)
					for (i = 0; i < ms.n; i++) {
						out.len = 0;
						render_all(ms.v[i], &out);
					}
				meetings_free(&ms);
			}
			diags_free(&d);
		}
		e.data[pos] = keep;
	}
	/* Both outcomes occur: the test sees each path. */
	cr_expect_gt(taken, 0);
	cr_expect_gt(refused, 0);
	buf_free(&out);
	buf_free(&e);
}

/*
 * A key gathers small pieces before hashing them: the digest is still
 * SHA-256 of all the bytes in order, whatever the sizes of the pieces
 * (short ones, one across the gathering buffer, one larger than it).
 */
Test(cache, keys_hash_every_byte_in_order)
{
	static const size_t sizes[] = { 1, 7, 64, 300, 511, 512, 513, 2000,
	    3 };
	struct sha256_ctx ctx;
	struct key k;
	uint8_t d[SHA256_DIGEST_SIZE];
	char *data, want[65], got[65];
	size_t i, off = 0, total = 0;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		total += sizes[i];
	data = xmalloc(total);
	for (i = 0; i < total; i++)
		data[i] = (char)(i * 31 + 7);
	key_init(&k);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		key_put(&k, data + off, sizes[i]);
		off += sizes[i];
	}
	key_hex(&k, got);
	sha256_init(&ctx);
	sha256_update(&ctx, total, (const uint8_t *)data);
	sha256_digest(&ctx, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++)
		snprintf(want + 2 * i, 3, "%02x", d[i]);
	cr_assert_str_eq(got, want);
	/* A string key: its length, a colon, its bytes. */
	key_init(&k);
	key_str(&k, "abc");
	key_int(&k, -12);
	key_hex(&k, got);
	sha256_init(&ctx);
	sha256_update(&ctx, 10, (const uint8_t *)"3:abc3:-12");
	sha256_digest(&ctx, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++)
		snprintf(want + 2 * i, 3, "%02x", d[i]);
	cr_assert_str_eq(got, want);
	free(data);
}

/* A folder's stamp, written without printf, reads as printf would write
 * it: the extremes of every field, negative times, short nanoseconds. */
Test(cache, stamp_as_printf_writes_it)
{
	static const long long secs[] = { 0, -1, -1234567890LL, 1700000000LL,
	    INT64_MAX, INT64_MIN };
	static const long nsecs[] = { 0, 1, 999999999, 5000, 123456789, 7 };
	char got[MANIFEST_STAMP], want[MANIFEST_STAMP];
	struct stat st;
	size_t i, j;

	for (i = 0; i < 6; i++)
		for (j = 0; j < 6; j++) {
			memset(&st, 0, sizeof(st));
			st.st_dev = j % 2 ? (dev_t)UINT64_MAX : (dev_t)i * 77;
			st.st_ino = j % 3 ? (ino_t)UINT64_MAX : (ino_t)j;
			st.st_mtim.tv_sec = (time_t)secs[i];
			st.st_mtim.tv_nsec = nsecs[j];
			st.st_ctim.tv_sec = (time_t)secs[5 - j];
			st.st_ctim.tv_nsec = nsecs[i];
			manifest_stamp(&st, got);
			snprintf(want, sizeof(want), "%ju:%ju:%jd.%09ld:%jd.%09ld",
			    (uintmax_t)st.st_dev, (uintmax_t)st.st_ino,
			    (intmax_t)st.st_mtim.tv_sec,
			    (long)st.st_mtim.tv_nsec,
			    (intmax_t)st.st_ctim.tv_sec,
			    (long)st.st_ctim.tv_nsec);
			cr_assert_str_eq(got, want);
		}
}

/* An empty cache of a new temporary folder, open as *root. */
static struct cache *
empty_cache(int *root, char dir[64])
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, 64, "%s/cache-XXXXXX", t != NULL && *t != '\0' &&
	    strlen(t) < 40 ? t : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_neq(*root = open(dir, O_RDONLY | O_DIRECTORY), -1);
	return cache_read(*root, dir);
}

static void
remove_cache_dir(int root, const char *dir)
{
	unlinkat(root, CACHE_NAME, 0);
	close(root);
	rmdir(dir);
}

/*
 * A model taken from the cache for a build leaves each meeting's tree
 * part undecoded (no sections, links or tree yet); decoded afterwards,
 * the meeting is the parsed one: it encodes to the same bytes.
 */
Test(cache, lazy_tree_parts_decode_as_whole)
{
	static const char *const files[] = {
		"input/2017-07-06-ssr2-plenary.md",
		"input/2017-06-29-ssr2-johannesburg.md",
		"tests/data/corpus/kubernetes-community-steering-2021.md",
	};
	static const char key[] = "00112233445566778899aabbccddeeff"
	    "00112233445566778899aabbccddeeff";
	struct cache *c;
	struct cache_tree *trees;
	struct diags d;
	struct meetings ms, got;
	struct buf e1 = {0}, e2 = {0};
	char dir[64];
	size_t f, i, lazy = 0;
	int root;

	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		parse_file(files[f], &d, &ms);
		e1.len = 0;
		cache_encode_model(&e1, &d, &ms);
		diags_free(&d);
		c = empty_cache(&root, dir);
		cache_put_encoded(c, key, e1.data, e1.len);
		diags_init(&d, files[f]);
		cr_assert_eq(cache_get_model(c, key, files[f], &d, &got,
		    &trees), 0, "%s: not found", files[f]);
		cr_assert_eq(got.n, ms.n);
		for (i = 0; i < got.n; i++) {
			if (ms.v[i]->body != NULL) {
				cr_expect_null(got.v[i]->body,
				    "%s: the tree decoded at once", files[f]);
				lazy++;
			}
			cr_expect_eq(got.v[i]->nsections, 0);
			cr_assert_eq(cache_decode_tree(&trees[i], got.v[i]), 0,
			    "%s: meeting %zu's tree part", files[f], i);
			cr_expect_eq(got.v[i]->nsections, ms.v[i]->nsections);
		}
		e2.len = 0;
		cache_encode_model(&e2, &d, &got);
		cr_assert(e1.len == e2.len && memcmp(e1.data, e2.data,
		    e1.len) == 0, "%s: decoded lazily, encodes otherwise",
		    files[f]);
		free(trees);
		meetings_free(&got);
		meetings_free(&ms);
		diags_free(&d);
		cache_free(c);
		remove_cache_dir(root, dir);
	}
	cr_assert_gt(lazy, 0);
	buf_free(&e1);
	buf_free(&e2);
}

/*
 * The file cut short by another program while a build reads it: the
 * process ends with the message and status 3, not with SIGBUS.
 */
Test(cache, cut_short_while_read)
{
	static const char key[] = "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef";
	struct cache *c;
	struct cache_tree *trees;
	struct diags d;
	struct meetings got;
	struct buf e = {0};
	char dir[64], msg[512], *path;
	ssize_t n;
	int root, fds[2], status;
	pid_t pid;

	seed_record(&e);
	c = empty_cache(&root, dir);
	cache_put_encoded(c, key, e.data, e.len);
	cr_assert_eq(cache_write(c, root, dir), 0);
	cache_free(c);
	c = cache_read(root, dir);
	path = xasprintf("%s/" CACHE_NAME, dir);
	cr_assert_eq(truncate(path, 0), 0);
	cr_assert_eq(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		dup2(fds[1], 2);
		diags_init(&d, "x.md");
		/* Reads the record, which is no longer there. */
		(void)cache_get_model(c, key, "x.md", &d, &got, &trees);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], msg, sizeof(msg) - 1);
	msg[n > 0 ? n : 0] = '\0';
	close(fds[0]);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 3,
	    "status %d", status);
	cr_assert(strstr(msg, CACHE_NAME ": error: changed while it was "
	    "read") != NULL, "message: %s", msg);
	cache_free(c);
	free(path);
	buf_free(&e);
	remove_cache_dir(root, dir);
}

/*
 * A tree part damaged anywhere is refused, leaving the meeting without
 * one (as it was), or decodes into a meeting every renderer takes.
 */
Test(cache, damaged_tree_parts_refused_or_safe, .timeout = 600)
{
	static const int values[] = { 0x00, 0xff, 0x80, 0x01 };
	static const char key[] = "ffeeddccbbaa99887766554433221100"
	    "ffeeddccbbaa99887766554433221100";
	struct cache *c;
	struct cache_tree *trees, t;
	struct diags d;
	struct meetings got;
	struct buf e = {0}, out = {0};
	char dir[64], *copy;
	size_t pos, k, step, taken = 0, refused = 0;
	int root;

	seed_record(&e);
	c = empty_cache(&root, dir);
	cache_put_encoded(c, key, e.data, e.len);
	diags_init(&d, "x.md");
	cr_assert_eq(cache_get_model(c, key, "x.md", &d, &got, &trees), 0);
	cr_assert_eq(got.n, 1);
	cr_assert_gt(trees[0].len, 500);
	copy = xmalloc(trees[0].len);
	step = trees[0].len / 700 + 1;
	for (pos = 0; pos < trees[0].len; pos += step)
		for (k = 0; k < sizeof(values) / sizeof(values[0]); k++) {
			memcpy(copy, trees[0].data, trees[0].len);
			if ((unsigned char)copy[pos] == values[k])
				continue;
			copy[pos] = (char)values[k];
			t = trees[0];
			t.data = copy;
			if (cache_decode_tree(&t, got.v[0]) == -1) {
				refused++;
				cr_assert(got.v[0]->body == NULL &&
				    got.v[0]->nsections == 0 &&
				    got.v[0]->nlinks == 0,
				    "a refused part left something at %zu",
				    pos);
				continue;
			}
			taken++;
			out.len = 0;
			render_all(got.v[0], &out);
			/* Back to no tree part for the next one. */
			meetings_free(&got);
			diags_free(&d);
			diags_init(&d, "x.md");
			free(trees);
			cr_assert_eq(cache_get_model(c, key, "x.md", &d, &got,
			    &trees), 0);
		}
	cr_expect_gt(taken, 0);
	cr_expect_gt(refused, 0);
	free(copy);
	free(trees);
	meetings_free(&got);
	diags_free(&d);
	buf_free(&e);
	buf_free(&out);
	cache_free(c);
	remove_cache_dir(root, dir);
}

/*
 * A notes file's identity: the key recorded for it comes back for the
 * very same identity only (another size, inode, modification or change
 * time is a file to read again), also from the written file; an
 * identity not older than a second is never recorded.
 */
Test(cache, notes_identity_matches_exactly)
{
	static const char notes[] = "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef";
	struct cache *c;
	struct stat st, other;
	struct timespec now;
	char dir[64], got[65];
	int root, i;

	c = empty_cache(&root, dir);
	cr_assert_eq(stat("input/2017-07-06-ssr2-plenary.md", &st), 0);
	now = st.st_ctim.tv_sec > st.st_mtim.tv_sec ? st.st_ctim :
	    st.st_mtim;
	/* Changed this very second: not recorded. */
	cache_put_notes(c, "a.md", &st, notes, &now);
	cr_assert_eq(cache_get_notes(c, "a.md", &st, got), -1);
	now.tv_sec += 5;
	cache_put_notes(c, "a.md", &st, notes, &now);
	cr_assert_eq(cache_get_notes(c, "a.md", &st, got), 0);
	cr_assert_str_eq(got, notes);
	cr_assert_eq(cache_get_notes(c, "b.md", &st, got), -1,
	    "another path");
	for (i = 0; i < 6; i++) {
		other = st;
		switch (i) {
		case 0: other.st_size++; break;
		case 1: other.st_ino++; break;
		case 2: other.st_mtim.tv_nsec ^= 1; break;
		case 3: other.st_ctim.tv_nsec ^= 1; break;
		case 4: other.st_ctim.tv_sec--; break;
		case 5: other.st_dev++; break;
		}
		cr_assert_eq(cache_get_notes(c, "a.md", &other, got), -1,
		    "identity change %d not seen", i);
	}
	cr_assert_eq(cache_write(c, root, dir), 0);
	cache_free(c);
	c = cache_read(root, dir);
	cr_assert_eq(cache_get_notes(c, "a.md", &st, got), 0,
	    "not read back from the file");
	cr_assert_str_eq(got, notes);
	cache_free(c);
	remove_cache_dir(root, dir);
}

/* Runs the shell command made from fmt; its exit status. */
static int
run(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/*
 * Damages the first meeting's tree part of every model in the cache of
 * the output root out (0xff bytes throughout: a part that does not
 * decode, checked here), the records' sums made right, every other
 * record kept.  Returns the models damaged.
 */
static size_t
damage_tree_parts(const char *out)
{
	struct cache *c;
	struct cache_tree *trees, t;
	struct meetings ms;
	struct diags d;
	char key[65], *path, *data, *p, *end, *at;
	size_t len, plen, n = 0;
	int root;

	cr_assert_neq(root = open(out, O_RDONLY | O_DIRECTORY), -1);
	c = cache_read(root, out);
	path = xasprintf("%s/" CACHE_NAME, out);
	cr_assert_eq(file_read(path, &data, &len), 0);
	free(path);
	/* The records: kind, key, length, sum, payload (gen/cache.c). */
	p = strchr(data, '\n') + 1;
	end = data + len;
	for (; end - p >= 81; p += 81 + plen) {
		memcpy(key, p + 1, 64);
		key[64] = '\0';
		plen = 0;
		for (int i = 7; i >= 0; i--)
			plen = plen << 8 | (unsigned char)p[65 + i];
		cr_assert_leq(plen, (size_t)(end - p - 81));
		cache_keep(c, p[0] == 'M' ? CACHE_MODEL : p[0] == 'C' ?
		    CACHE_CHAPTER : CACHE_NOTES, key);
		if (p[0] != 'M')
			continue;
		diags_init(&d, "x.md");
		cr_assert_eq(cache_get_model(c, key, "x.md", &d, &ms,
		    &trees), 0);
		cr_assert_gt(ms.n, 0);
		cr_assert_gt(trees[0].len, 0);
		at = memmem(p + 81, plen, trees[0].data, trees[0].len);
		cr_assert_not_null(at, "the tree part is not in its record");
		memset(at, 0xff, trees[0].len);
		t = trees[0];
		t.data = at;
		cr_assert_eq(cache_decode_tree(&t, ms.v[0]), -1,
		    "the damaged tree part decodes");
		cache_put_encoded(c, key, p + 81, plen);
		n++;
		free(trees);
		meetings_free(&ms);
		diags_free(&d);
	}
	cr_assert_eq(p, end, "the cache ends inside a record");
	cr_assert_eq(cache_write(c, root, out), 0);
	cache_free(c);
	free(data);
	close(root);
	return n;
}

/*
 * A build that takes a model from the cache whose tree part does not
 * decode parses those notes again for the meetings it renders: the same
 * artefacts as a build without a cache, at -j 1 and with workers.
 */
Test(cache, build_parses_again_a_tree_part_that_does_not_decode,
    .timeout = 300)
{
	const char *bin = getenv("MINUTES"), *t = getenv("TMPDIR");
	char dir[64], out[600], err[600];
	char *log;
	size_t len;
	int j;

	if (bin == NULL || *bin == '\0')
		bin = "./minutes";
	snprintf(dir, sizeof(dir), "%s/tree-XXXXXX", t != NULL &&
	    *t != '\0' && strlen(t) < 40 ? t : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(run("mkdir %s/in && cp input/*.md %s/in", dir, dir), 0);
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(err, sizeof(err), "%s/err", dir);
	for (j = 1; j <= 2; j++) {
		cr_assert_eq(run("rm -rf %s/ref %s/out", dir, dir), 0);
		cr_assert_eq(run("%s build -q -j %d -o %s/ref %s/in", bin, j,
		    dir, dir), 0);
		cr_assert_eq(run("%s build -q -j %d -o %s/out %s/in", bin, j,
		    dir, dir), 0);
		cr_assert_eq(damage_tree_parts(out), 3);
		/* Every meeting rendered again, from the cached models. */
		cr_assert_eq(run("rm -r %s/2017-*", out), 0);
		cr_assert_eq(run("%s build -v -j %d -o %s/out %s/in 2> %s",
		    bin, j, dir, dir, err), 0, "-j %d: the build failed", j);
		cr_assert_eq(file_read(err, &log, &len), 0);
		cr_assert_not_null(strstr(log, "0 notes files parsed, 3 from "
		    "the cache"), "-j %d: the models were not the cache's: %s",
		    j, log);
		cr_assert_not_null(strstr(log, "3 meetings, 3 rendered"),
		    "-j %d: %s", j, log);
		free(log);
		cr_assert_eq(run("diff -r -x " CACHE_NAME " %s/ref %s/out",
		    dir, dir), 0, "-j %d: not the artefacts of a build "
		    "without a cache", j);
	}
	cr_assert_eq(run("rm -rf %s", dir), 0);
}
