/*
 * fuzz_mustache.c -- libFuzzer harness for the Mustache engine: the input
 * is a template, rendered against a fixed context holding strings (some
 * needing escapes), numbers, booleans, lists, nested maps and a lambda-free
 * mix like the minutes' context; any partial name gives a small template
 * of its own, which may include others.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mustache.h"
#include "util.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct mval *ctx;

static struct mval *
person(const char *name, int open)
{
	struct mval *p = mval_map();

	mval_set_str(p, "name", name);
	mval_set(p, "open", mval_bool(open));
	mval_set(p, "count", mval_number(open * 3 + 1));
	return p;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct mval *list, *nested;

	(void)argc;
	(void)argv;
	ctx = mval_map();
	mval_set_str(ctx, "title", "Call <2026-01-08> & \"friends\"");
	mval_set_str(ctx, "group", "SSR2 Review Team");
	mval_set_str(ctx, "empty", "");
	mval_set(ctx, "yes", mval_bool(1));
	mval_set(ctx, "no", mval_bool(0));
	mval_set(ctx, "nothing", mval_null());
	mval_set(ctx, "n", mval_number(42));
	mval_set(ctx, "pi", mval_number(3.14159));
	list = mval_list();
	mval_push(list, person("Ann Lee", 1));
	mval_push(list, person("Bob \xe2\x80\xae Roe", 0));
	mval_push(list, person("Ana Petrovi\xc4\x87", 1));
	mval_set(ctx, "attendees", list);
	list = mval_list();
	mval_push(list, mval_string("one"));
	mval_push(list, mval_string("<two>"));
	mval_set(ctx, "names", list);
	mval_set(ctx, "none", mval_list());
	nested = mval_map();
	mval_set_str(nested, "title", "inner");
	mval_set(nested, "deeper", person("Deep", 1));
	mval_set(ctx, "section", nested);
	return 0;
}

/* Partial NAME: a template that shows NAME and may include "next". */
static char *
partial(const char *name, void *arg, char **err)
{
	(void)arg;
	if (strcmp(name, "none") == 0)
		return NULL;
	if (strcmp(name, "bad") == 0) {
		*err = xstrdup("bad partial name");
		return NULL;
	}
	if (strcmp(name, "self") == 0)
		return xstrdup("[{{> self}}]");
	return xasprintf("<%s>{{title}}{{#yes}}{{> next}}{{/yes}}</%s>\n",
	    strlen(name) < 64 ? name : "long", strlen(name) < 64 ? name :
	    "long");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mustache *t;
	struct buf out = {0};
	char *tmpl, *err = NULL;

	tmpl = xstrndup((const char *)data, size);
	if ((t = mustache_parse(tmpl, &err)) != NULL) {
		(void)mustache_render_parsed(t, ctx, partial, NULL, &out, &err);
		/* A second render: partials kept with the template. */
		free(err);
		err = NULL;
		out.len = 0;
		(void)mustache_render_parsed(t, ctx, partial, NULL, &out, &err);
		mustache_free(t);
	}
	free(err);
	buf_free(&out);
	free(tmpl);
	return 0;
}
