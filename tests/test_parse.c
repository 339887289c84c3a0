/*
 * test_parse.c -- notes longer than one piece of the parser (parse.c
 * parses about 64 KiB at a time) give the tree of the whole text: blocks
 * that go on past a piece's end, line numbers, link references.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "util.h"

#define LONG	(200 * 1024)	/* several pieces */

/* The notes: head, then fill repeated (numbered by %d) to LONG bytes,
 * then tail.  Caller frees. */
static char *
notes(const char *head, const char *fill, const char *tail, int *count)
{
	struct buf b = {0};
	int n = 0;

	buf_puts(&b, head);
	while (b.len < LONG)
		buf_printf(&b, fill, ++n);
	buf_puts(&b, tail);
	if (count != NULL)
		*count = n;
	return buf_detach(&b);
}

/* The n-th node of type t in a depth-first walk of root, or NULL. */
static const struct node *
find(const struct node *root, enum node_type t, int n)
{
	const struct node *c;

	for (c = root; c != NULL; c = node_walk_next(root, c))
		if (c->type == t && n-- == 0)
			return c;
	return NULL;
}

static size_t
count(const struct node *root, enum node_type t)
{
	const struct node *c;
	size_t k = 0;

	for (c = root; c != NULL; c = node_walk_next(root, c))
		k += c->type == t;
	return k;
}

/* A section heading in the meeting, by title. */
static int
has_section(const struct meeting *m, const char *title)
{
	size_t i;

	for (i = 0; i < m->nsections; i++)
		if (strstr(m->sections[i].title, title) != NULL)
			return 1;
	return 0;
}

Test(parse, fenced_code_across_pieces)
{
	char *s = notes("# Pieces 2026-01-08\n\nintro\n\n```\n",
	    "\n## inside code %d\n\n", "```\n\n## After\n\ntext\n", NULL);
	struct meeting *m = test_notes(s);
	const struct node *code = find(m->body, MTG_N_CODE_BLOCK, 0);

	cr_assert(!has_section(m, "inside code"));
	cr_assert(has_section(m, "After"));
	cr_assert_not_null(code);
	cr_assert_eq(count(m->body, MTG_N_CODE_BLOCK), 1);
	cr_assert_not_null(strstr(code->text, "## inside code 1\n"));
	cr_assert_eq(strlen(code->text) + strlen("# Pieces 2026-01-08\n\n"
	    "intro\n\n```\n") + strlen("```\n\n## After\n\ntext\n"),
	    strlen(s));
	meeting_free(m);
	free(s);
}

Test(parse, html_comment_and_pre_across_pieces)
{
	char *s = notes("# Pieces 2026-01-08\n\n<!--\n", "\n## hidden %d\n\n",
	    "-->\n\n<pre>\n\n## pre\n\n</pre>\n\n## Shown\n", NULL);
	struct meeting *m = test_notes(s);

	cr_assert(!has_section(m, "hidden"));
	cr_assert(!has_section(m, "pre"));
	cr_assert(has_section(m, "Shown"));
	cr_assert_eq(count(m->body, MTG_N_HTML_BLOCK), 2);
	meeting_free(m);
	free(s);
}

/* A fence never closed holds the rest of the notes, as in one piece. */
Test(parse, unclosed_fence_takes_the_rest)
{
	char *s = notes("# Pieces 2026-01-08\n\n~~~~\n", "\n## not %d\n\n~~~\n",
	    "", NULL);
	struct meeting *m = test_notes(s);

	cr_assert_eq(m->nsections, 1);
	cr_assert_eq(count(m->body, MTG_N_CODE_BLOCK), 1);
	meeting_free(m);
	free(s);
}

/* Headings of every piece keep the lines of the file. */
Test(parse, line_numbers_across_pieces)
{
	int n;
	char *s = notes("# Pieces 2026-01-08\n\n", "## Heading %d\n\ntext\n\n",
	    "", &n);
	struct meeting *m = test_notes(s);
	size_t i;

	cr_assert_eq(m->nsections, (size_t)n + 1);
	for (i = 1; i < m->nsections; i++)
		cr_assert_eq(m->sections[i].line, 3 + 4 * ((int)i - 1),
		    "section %zu at line %d", i, m->sections[i].line);
	meeting_free(m);
	free(s);
}

/* A loose list is one list, whatever its length. */
Test(parse, loose_list_across_pieces)
{
	int n;
	char *s = notes("# Pieces 2026-01-08\n\n", "- item %d\n\n", "", &n);
	struct meeting *m = test_notes(s);

	cr_assert_eq(count(m->body, MTG_N_LIST), 1);
	cr_assert_eq(count(m->body, MTG_N_ITEM), (size_t)n);
	cr_assert_eq(find(m->body, MTG_N_LIST, 0)->tight, 0);
	meeting_free(m);
	free(s);
}

/* A link reference defined at the end serves a link at the start. */
Test(parse, link_reference_across_pieces)
{
	char *s = notes("# Pieces 2026-01-08\n\nsee [the spec]\n\n",
	    "para %d\n\n", "[the spec]: https://example.org/spec\n", NULL);
	struct meeting *m = test_notes(s);
	const struct node *a = find(m->body, MTG_N_LINK, 0);

	cr_assert_not_null(a);
	cr_assert_str_eq(a->url, "https://example.org/spec");
	meeting_free(m);
	free(s);
}
