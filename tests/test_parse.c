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
#include "notes.h"
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

static size_t
nchildren_of(const struct node *n)
{
	const struct node *c;
	size_t k = 0;

	for (c = n->first; c != NULL; c = c->next)
		k++;
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

/* Strings and nodes of an arena keep their contents while it fills
 * many blocks, a string larger than a block among them. */
Test(arena, holds_what_it_was_given)
{
	struct arena *a = arena_new();
	struct node *root = arena_node(a, MTG_N_DOCUMENT, 1, 1), *n;
	char big[100000], want[32];
	char *s;
	int i;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (i = 0; i < 50000; i++) {
		n = arena_node(a, MTG_N_TEXT, i + 2, 1);
		snprintf(want, sizeof(want), "text %d", i);
		n->text = arena_strndup(a, want, strlen(want));
		node_append(root, n);
		if (i == 20000) {
			s = arena_strndup(a, big, strlen(big));
			cr_assert_eq(strlen(s), sizeof(big) - 1);
		}
	}
	for (i = 0, n = root->first; n != NULL; n = n->next, i++) {
		snprintf(want, sizeof(want), "text %d", i);
		cr_assert_str_eq(n->text, want);
		cr_assert_eq(n->line, i + 2);
		cr_assert(n->in_arena);
		cr_assert_eq(n->first, NULL);
	}
	cr_assert_eq(i, 50000);
	cr_assert_str_eq(s, big);
	/* node_free() leaves arena nodes to their arena. */
	node_free(root);
	arena_free(arena_ref(a));
	cr_assert_str_eq(root->first->text, "text 0");
	arena_free(a);
}

/* The meetings of one file share its arena: each stays whole when the
 * others are freed. */
Test(arena, meetings_of_one_file_share_it)
{
	static const char notes[] =
	    "# Group 2024\n\n## 2024-01-08\n\nfirst text\n\n"
	    "## 2024-01-15\n\nsecond text\n";
	struct meetings ms;
	struct diags d = {0};
	char *text;

	notes_meetings("two.md", notes, strlen(notes), NULL, &d, &ms);
	cr_assert_eq(ms.n, 2);
	cr_assert_not_null(ms.v[0]->arena);
	cr_assert_eq(ms.v[0]->arena, ms.v[1]->arena);
	meeting_free(ms.v[0]);
	ms.v[0] = NULL;
	cr_assert_not_null(find(ms.v[1]->body, MTG_N_TEXT, 0));
	text = node_text(ms.v[1]->body);
	cr_assert_not_null(strstr(text, "second text"));
	free(text);
	meetings_free(&ms);
	diags_free(&d);
}

/* A tight list is one tight list, cut between its items. */
Test(parse, tight_list_across_pieces)
{
	int n;
	char *s = notes("# Pieces 2026-01-08\n\n", "- item %d\n", "", &n);
	struct meeting *m = test_notes(s);
	const struct node *l = find(m->body, MTG_N_LIST, 0);

	cr_assert_eq(count(m->body, MTG_N_LIST), 1);
	cr_assert_eq(count(m->body, MTG_N_ITEM), (size_t)n);
	cr_assert_eq(l->tight, 1);
	cr_assert_eq(l->ordered, 0);
	meeting_free(m);
	free(s);
}

/* One blank line between two items anywhere makes the whole list loose,
 * a new bullet a new list, and an ordered list keeps its first number. */
Test(parse, list_markers_and_blank_lines_across_pieces)
{
	struct buf b = {0};
	struct meeting *m;
	const struct node *l;
	int i;

	buf_puts(&b, "# Pieces 2026-01-08\n\n");
	for (i = 1; b.len < LONG; i++)
		buf_printf(&b, "- item %d\n%s", i, i == 9000 ? "\n" : "");
	for (i = 1; i <= 20000; i++)
		buf_printf(&b, "%c bullet %d\n", i <= 10000 ? '*' : '+', i);
	buf_puts(&b, "\nafter\n\n");
	for (i = 7; b.len < 3 * LONG; i++)
		buf_printf(&b, "%d%c ordered\n", i, b.len < 2 * LONG + 100000 ?
		    '.' : ')');
	m = test_notes(b.data);
	cr_assert_eq(count(m->body, MTG_N_LIST), 5);
	l = find(m->body, MTG_N_LIST, 0);
	cr_assert_eq(l->tight, 0, "a blank line between items: loose");
	cr_assert_eq(find(m->body, MTG_N_LIST, 1)->tight, 1);
	cr_assert_eq(nchildren_of(find(m->body, MTG_N_LIST, 1)), 10000);
	cr_assert_eq(nchildren_of(find(m->body, MTG_N_LIST, 2)), 10000);
	l = find(m->body, MTG_N_LIST, 3);
	cr_assert_eq(l->ordered, 1);
	cr_assert_eq(l->start, 7);
	cr_assert_eq(l->tight, 1);
	cr_assert_eq(find(m->body, MTG_N_LIST, 4)->ordered, 1);
	meeting_free(m);
	buf_free(&b);
}

/* A list item in column 1 continues the list before it only with the
 * same bullet, and a blank line before it makes the list loose: here
 * both stand at the first place a piece may end. */
Test(parse, list_cut_checked_against_the_list)
{
	char *s;
	struct meeting *m;
	const struct node *l;
	const char *marks[] = { "* star %d\n", "\n- item %d\n" };
	int i;

	for (i = 0; i < 2; i++) {
		s = notes("# Pieces 2026-01-08\n\n- item 0\n",
		    "  continued %d\n", "", NULL);
		{
			struct buf b = {0};
			int k;

			buf_puts(&b, s);
			for (k = 1; b.len < 2 * LONG; k++)
				buf_printf(&b, k == 1 ? marks[i] :
				    marks[i] + (i == 1), k);
			free(s);
			s = buf_detach(&b);
		}
		m = test_notes(s);
		l = find(m->body, MTG_N_LIST, 0);
		if (i == 0) {
			cr_assert_eq(count(m->body, MTG_N_LIST), 2,
			    "a new bullet starts a new list");
			cr_assert_eq(nchildren_of(l), 1);
		} else {
			cr_assert_eq(count(m->body, MTG_N_LIST), 1);
			cr_assert_eq(l->tight, 0, "a blank line: loose");
		}
		meeting_free(m);
		free(s);
	}
}
