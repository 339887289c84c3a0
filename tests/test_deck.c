/*
 * test_deck.c -- the slide deck's structure and pagination.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "deck.h"
#include "diag.h"
#include "helpers.h"
#include "notes.h"
#include "util.h"

/* The deck of notes text s with limit rows per slide. */
static struct deck *
deck_of(const char *s, int limit, struct meeting **mp)
{
	/* The deck points into the meeting: the last one stays. */
	static struct meeting *kept;
	struct meeting *m = test_notes(s);
	struct deck *d = deck_new(m, limit > 0 ? limit : deck_limit(m));

	if (mp != NULL)
		*mp = m;
	else {
		meeting_free(kept);
		kept = m;
	}
	return d;
}

/* The i-th section slide (from 0), or NULL. */
static const struct slide *
section(struct deck *d, size_t i)
{
	size_t k;

	for (k = 0; k < d->nslides; k++)
		if (d->slides[k].kind == DECK_SECTION && i-- == 0)
			return deck_slide(d, k);
	return NULL;
}

static size_t
nsections(const struct deck *d)
{
	size_t k, n = 0;

	for (k = 0; k < d->nslides; k++)
		if (d->slides[k].kind == DECK_SECTION)
			n++;
	return n;
}

/* The first node of type t in a depth-first walk of root, or NULL. */
static const struct node *
find(const struct node *root, enum node_type t)
{
	const struct node *n;

	for (n = root; n != NULL; n = node_walk_next(root, n))
		if (n->type == t)
			return n;
	return NULL;
}

static size_t
count(const struct node *root, enum node_type t)
{
	const struct node *n;
	size_t c = 0;

	for (n = root; n != NULL; n = node_walk_next(root, n))
		if (n->type == t)
			c++;
	return c;
}

static size_t
nkids(const struct node *n)
{
	const struct node *k;
	size_t c = 0;

	for (k = n != NULL ? n->first : NULL; k != NULL; k = k->next)
		c++;
	return c;
}

/* Notes with one H2 section holding a table of n rows. */
static char *
table_notes(const char *front, int n, int cellchars)
{
	struct buf b = {0};
	int i, k;

	buf_puts(&b, front);
	buf_puts(&b, "# Meeting\n\n## Actions\n\n| Action | Owner | Due |\n"
	    "|---|---|---|\n");
	for (i = 1; i <= n; i++) {
		buf_printf(&b, "| Item %d", i);
		for (k = 0; k < cellchars; k++)
			buf_putc(&b, k % 7 == 6 ? ' ' : 'x');
		buf_printf(&b, " | Owner %d | 25 July |\n", i);
	}
	return buf_detach(&b);
}

/* The body rows of the table on slide s. */
static size_t
body_rows(const struct slide *s)
{
	const struct node *t = find(s->body, MTG_N_TABLE);

	cr_assert_not_null(t);
	cr_assert(t->first != NULL && t->first->header,
	    "every slide of a table repeats its header row");
	return nkids(t) - 1;
}

Test(deck, exact_fit_is_one_slide)
{
	char *s = table_notes("", 10, 0);
	struct deck *d = deck_of(s, 10, NULL);

	cr_assert_eq(nsections(d), 1);
	cr_assert_str_eq(section(d, 0)->title, "Actions");
	cr_assert_eq(body_rows(section(d, 0)), 10);
	cr_assert_eq(section(d, 0)->units, 10);
	deck_free(d);
	free(s);
}

Test(deck, one_row_over_is_two_slides)
{
	char *s = table_notes("", 11, 0);
	struct deck *d = deck_of(s, 10, NULL);

	cr_assert_eq(nsections(d), 2);
	cr_assert_str_eq(section(d, 0)->title, "Actions (1 of 2)");
	cr_assert_str_eq(section(d, 1)->title, "Actions (2 of 2)");
	cr_assert_str_eq(section(d, 1)->heading, "Actions");
	cr_assert_eq(body_rows(section(d, 0)), 10);
	cr_assert_eq(body_rows(section(d, 1)), 1);
	deck_free(d);
	free(s);
}

Test(deck, seed_split_ten_and_six)
{
	char *s = table_notes("", 16, 120);
	struct deck *d = deck_of(s, 0, NULL);

	cr_assert_eq(nsections(d), 2);
	cr_assert_eq(body_rows(section(d, 0)), 10);
	cr_assert_eq(body_rows(section(d, 1)), 6);
	deck_free(d);
	free(s);
}

Test(deck, many_pages_numbered)
{
	char *s = table_notes("", 95, 0);
	struct deck *d = deck_of(s, 10, NULL);
	char want[64];
	size_t i;

	cr_assert_eq(nsections(d), 10);
	for (i = 0; i < 10; i++) {
		snprintf(want, sizeof(want), "Actions (%zu of 10)", i + 1);
		cr_assert_str_eq(section(d, i)->title, want);
		cr_assert_eq(section(d, i)->page, (int)i + 1);
		cr_assert_eq(section(d, i)->npages, 10);
		cr_assert_eq(body_rows(section(d, i)), i < 9 ? 10 : 5);
	}
	deck_free(d);
	free(s);
}

Test(deck, limit_from_front_matter_and_options)
{
	char *s = table_notes("---\ntitle: T\nslides:\n  max_rows: 3\n---\n",
	    7, 0);
	struct strlist meta = {0};
	struct diags dg;
	struct meeting *m;
	struct deck *d = deck_of(s, 0, &m);
	const struct deck *shared;

	cr_assert_eq(m->max_rows, 3);
	cr_assert_eq(deck_limit(m), 3);
	cr_assert_eq(nsections(d), 3);
	cr_assert_eq(body_rows(section(d, 2)), 1);
	deck_free(d);
	meeting_free(m);
	/* --max-rows is this -M, after the others: it beats front matter
	 * and -M, and the model holds the result. */
	strlist_add(&meta, "slides={max_rows: 4}");
	strlist_add(&meta, "slides={max_rows: 5}");
	diags_init(&dg, "test.md");
	m = notes_model_meta("test.md", s, strlen(s), &meta, &dg);
	cr_assert_eq(m->slide_rows, 5, "--max-rows beats front matter");
	cr_assert_eq(deck_limit(m), 5);
	shared = deck_for(m);
	cr_assert_eq(shared->limit, 5);
	cr_assert_eq(nsections(shared), 2);
	cr_assert_eq(deck_for(m), shared, "one deck per meeting");
	deck_cache_free();
	meeting_free(m);
	diags_free(&dg);
	strlist_free(&meta);
	free(s);
}

/* The program's slides for --max-rows: what the command line gives the
 * model, in both decks. */
Test(deck, max_rows_on_the_command_line)
{
	char *s = table_notes("---\ntitle: T\nslides:\n  max_rows: 3\n---\n",
	    7, 0);
	char dir[] = "/tmp/deck-rows.XXXXXX", *path, *cmd, *out = NULL;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	path = xasprintf("%s/notes.md", dir);
	cr_assert_not_null(f = fopen(path, "w"));
	fputs(s, f);
	fclose(f);
	cmd = xasprintf("render -t slides -o - %s", path);
	cr_assert_eq(test_run(cmd, &out, NULL), 0);
	cr_assert(strstr(out, "Actions (1 of 3)") != NULL, "front matter: 3 rows");
	free(out);
	free(cmd);
	cmd = xasprintf("render -t slides -o - --max-rows 5 -M "
	    "'slides={max_rows: 2}' %s", path);
	cr_assert_eq(test_run(cmd, &out, NULL), 0);
	cr_assert(strstr(out, "Actions (1 of 2)") != NULL &&
	    strstr(out, "Actions (2 of 2)") != NULL,
	    "--max-rows 5 beats the front matter and -M");
	free(out);
	free(cmd);
	cmd = xasprintf("build -q -o %s/out --max-rows 5 %s && "
	    "unzip -p %s/out/*/slides.odp content.xml", dir, path, dir);
	cr_assert_eq(test_run(cmd, &out, NULL), 0);
	cr_assert(strstr(out, "Actions (2 of 2)") != NULL &&
	    strstr(out, "(1 of 3)") == NULL, "the ODP deck has the same limit");
	free(out);
	free(cmd);
	cmd = xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(path);
	free(s);
}

Test(deck, default_limit)
{
	struct meeting *m = test_notes("# T\n\n## A\n\ntext\n");

	cr_assert_eq(deck_limit(m), MTG_SLIDE_ROWS);
	cr_assert_eq(MTG_SLIDE_ROWS, 10);
	meeting_free(m);
}

Test(deck, long_cell_counts_several_rows)
{
	struct meeting *m;
	char *s = table_notes("", 1, 450);
	const struct node *t;

	m = test_notes(s);
	for (t = m->body->first; t != NULL && t->type != MTG_N_TABLE;
	    t = t->next)
		continue;
	cr_assert_not_null(t);
	/* "Item 1" and 450 more characters: three rows' worth. */
	cr_assert_eq(deck_units(t, 10), 3);
	meeting_free(m);
	free(s);
}

/* The text of the cells of column col over slides [from, from + n). */
static char *
column_text(struct deck *d, size_t from, size_t n, int col)
{
	struct buf b = {0};
	const struct node *t, *r, *c;
	char *s;
	size_t i;
	int k;

	buf_puts(&b, "");
	for (i = from; i < from + n; i++) {
		t = find(section(d, i)->body, MTG_N_TABLE);
		for (r = t->first->next; r != NULL; r = r->next) {
			for (c = r->first, k = 0; c != NULL && k < col; k++)
				c = c->next;
			cr_assert_not_null(c,
			    "a continued row keeps its columns");
			s = node_text(c);
			buf_puts(&b, s);
			free(s);
		}
	}
	return buf_detach(&b);
}

Test(deck, over_long_cell_continues)
{
	char *s = table_notes("", 1, 5000), *want, *got;
	struct deck *d = deck_of(s, 10, NULL);
	struct buf b = {0};
	int k;

	cr_assert_geq(nsections(d), 3);
	cr_assert_str_eq(section(d, 0)->title, "Actions (1 of 3)");
	buf_puts(&b, "Item 1");
	for (k = 0; k < 5000; k++)
		buf_putc(&b, k % 7 == 6 ? ' ' : 'x');
	want = buf_detach(&b);
	got = column_text(d, 0, nsections(d), 0);
	cr_assert_str_eq(got, want, "the long cell is continued, not cut");
	free(got);
	got = column_text(d, 0, nsections(d), 1);
	cr_assert_str_eq(got, "Owner 1", "the other cells are kept once");
	free(got);
	free(want);
	deck_free(d);
	free(s);
}

Test(deck, over_long_paragraph_continues)
{
	struct buf b = {0}, got = {0};
	struct deck *d;
	char *s, *t;
	size_t i;
	int k;

	buf_puts(&b, "# T\n\n## Talk\n\n");
	for (k = 0; k < 2000; k++)
		buf_puts(&b, k % 2 ? "word " : "*emph word* ");
	buf_puts(&b, "end.\n");
	s = buf_detach(&b);
	d = deck_of(s, 10, NULL);
	cr_assert_gt(nsections(d), 1);
	buf_puts(&got, "");
	for (i = 0; i < nsections(d); i++) {
		cr_assert_leq(section(d, i)->units, 10);
		cr_assert_eq(count(section(d, i)->body, MTG_N_PARAGRAPH), 1);
		t = node_text(section(d, i)->body);
		buf_puts(&got, t);
		free(t);
	}
	buf_puts(&b, "");
	for (k = 0; k < 2000; k++)
		buf_puts(&b, k % 2 ? "word " : "emph word ");
	buf_puts(&b, "end.");
	cr_assert_str_eq(got.data, b.data, "nothing is cut");
	buf_free(&b);
	buf_free(&got);
	deck_free(d);
	free(s);
}

Test(deck, word_without_spaces_continues)
{
	struct buf b = {0};
	struct deck *d;
	char *s, *t;
	size_t i, total = 0;
	int k;

	buf_puts(&b, "# T\n\n## Blob\n\n");
	for (k = 0; k < 3000; k++)
		buf_puts(&b, "\xc3\xa9");	/* é: never split inside */
	buf_puts(&b, "\n");
	s = buf_detach(&b);
	d = deck_of(s, 10, NULL);
	cr_assert_gt(nsections(d), 1);
	for (i = 0; i < nsections(d); i++) {
		t = node_text(section(d, i)->body);
		cr_assert_eq(utf8_invalid_at(t, strlen(t)), (size_t)-1);
		total += strlen(t);
		free(t);
	}
	cr_assert_eq(total, 6000);
	deck_free(d);
	free(s);
}

/* Notes whose one section is a list of n items of k sub-items each. */
static char *
list_notes(int n, int k, int ordered)
{
	struct buf b = {0};
	int i, j;

	buf_puts(&b, "# T\n\n## List\n\n");
	for (i = 1; i <= n; i++) {
		if (ordered)
			buf_printf(&b, "%d. item %d\n", i, i);
		else
			buf_printf(&b, "- item %d\n", i);
		for (j = 1; j <= k; j++)
			buf_printf(&b, "%s- sub %d.%d\n",
			    ordered ? "   " : "  ", i, j);
	}
	return buf_detach(&b);
}

Test(deck, nested_list_splits_between_top_items)
{
	char *s = list_notes(4, 3, 0);
	struct deck *d = deck_of(s, 10, NULL);
	const struct node *l;
	size_t i, subs = 0;

	/* Each item is 4 lines: two items a slide. */
	cr_assert_eq(nsections(d), 2);
	for (i = 0; i < 2; i++) {
		l = find(section(d, i)->body, MTG_N_LIST);
		cr_assert_eq(nkids(l), 2);
		cr_assert_eq(section(d, i)->units, 8);
		subs += count(section(d, i)->body, MTG_N_ITEM) - 2;
	}
	cr_assert_eq(subs, 12, "no nested item is lost");
	deck_free(d);
	free(s);
}

Test(deck, list_exact_fit)
{
	char *s = list_notes(10, 0, 0);
	struct deck *d = deck_of(s, 10, NULL);

	cr_assert_eq(nsections(d), 1);
	deck_free(d);
	free(s);
	s = list_notes(11, 0, 0);
	d = deck_of(s, 10, NULL);
	cr_assert_eq(nsections(d), 2);
	cr_assert_str_eq(section(d, 1)->title, "List (2 of 2)");
	deck_free(d);
	free(s);
}

Test(deck, item_larger_than_a_slide_continues)
{
	char *s = list_notes(2, 14, 0);
	struct deck *d = deck_of(s, 10, NULL);
	size_t i, items = 0;

	/* 1 + 14 lines, then 1 + 14: continued, never cut. */
	cr_assert_geq(nsections(d), 3);
	for (i = 0; i < nsections(d); i++) {
		cr_assert_leq(section(d, i)->units, 10);
		items += count(section(d, i)->body, MTG_N_ITEM);
	}
	/* 30 items, plus the two top items opened again where continued. */
	cr_assert_geq(items, 30);
	deck_free(d);
	free(s);
}

Test(deck, ordered_list_keeps_numbering)
{
	char *s = list_notes(15, 0, 1);
	struct deck *d = deck_of(s, 10, NULL);
	const struct node *l;

	cr_assert_eq(nsections(d), 2);
	l = find(section(d, 1)->body, MTG_N_LIST);
	cr_assert(l->ordered);
	cr_assert_eq(l->start, 11);
	deck_free(d);
	free(s);
}

Test(deck, code_block_continues)
{
	struct buf b = {0};
	struct deck *d;
	char *s;
	size_t i;
	int k;

	buf_puts(&b, "# T\n\n## Code\n\n```\n");
	for (k = 0; k < 25; k++)
		buf_printf(&b, "line %d\n", k);
	buf_puts(&b, "```\n");
	s = buf_detach(&b);
	d = deck_of(s, 10, NULL);
	cr_assert_eq(nsections(d), 3);
	buf_puts(&b, "");
	for (i = 0; i < 3; i++)
		buf_puts(&b, find(section(d, i)->body,
		    MTG_N_CODE_BLOCK)->text);
	cr_assert_eq(strncmp(b.data, "line 0\nline 1\n", 14), 0);
	cr_assert_eq(b.len, strlen(s) - strlen("# T\n\n## Code\n\n```\n```\n"));
	buf_free(&b);
	deck_free(d);
	free(s);
}

Test(deck, note_paragraphs_are_speaker_notes)
{
	struct deck *d = deck_of("# T\n\n## A\n\nShown.\n\n"
	    "Note: say this aloud.\n\nAlso shown.\n", 10, NULL);
	char *body, *nt;

	cr_assert_eq(nsections(d), 1);
	body = node_text(section(d, 0)->body);
	nt = node_text(section(d, 0)->notes);
	cr_assert_str_eq(body, "Shown.Also shown.");
	cr_assert_str_eq(nt, "say this aloud.");
	free(body);
	free(nt);
	deck_free(d);
}

Test(deck, thematic_breaks_start_slides)
{
	struct deck *d = deck_of("# T\n\n## A\n\none\n\n---\n\ntwo\n\n---\n\n"
	    "### B\n\nthree\n\n---\n\n## C\n\n---\n\nfour\n", 10, NULL);

	cr_assert_eq(nsections(d), 4);
	cr_assert_str_eq(section(d, 0)->title, "A (1 of 2)");
	cr_assert_str_eq(section(d, 1)->title, "A (2 of 2)");
	cr_assert_str_eq(section(d, 2)->title, "B");
	/* A break right after a heading starts nothing. */
	cr_assert_str_eq(section(d, 3)->title, "C");
	deck_free(d);
}

Test(deck, headings_below_h2_stay_inside)
{
	struct deck *d = deck_of("# T\n\n## A\n\n### sub\n\ntext\n\n"
	    "#### deeper\n\nmore\n\n## B\n\nb\n", 10, NULL);

	cr_assert_eq(nsections(d), 2);
	cr_assert_eq(count(section(d, 0)->body, MTG_N_HEADING), 2);
	cr_assert_eq(section(d, 0)->units, 4);
	deck_free(d);
}

Test(deck, heading_kept_with_what_follows)
{
	struct buf b = {0};
	struct deck *d;
	char *s;
	size_t i;
	const struct node *last;

	buf_puts(&b, "# T\n\n## A\n\n");
	for (i = 0; i < 9; i++)
		buf_printf(&b, "para %zu\n\n", i);
	buf_puts(&b, "### Sub\n\nafter\n");
	s = buf_detach(&b);
	d = deck_of(s, 10, NULL);
	cr_assert_eq(nsections(d), 2);
	for (i = 0; i < 2; i++) {
		last = node_last(section(d, i)->body);
		cr_assert_neq(last->type, MTG_N_HEADING,
		    "no slide ends with a heading");
	}
	deck_free(d);
	free(s);
}

Test(deck, table_section_moves_prose_to_notes)
{
	char *s = table_notes("", 12, 0), *t;
	struct buf b = {0};
	struct deck *d;

	buf_puts(&b, s);
	buf_puts(&b, "\nDiscussion went on at length.\n");
	free(s);
	s = buf_detach(&b);
	/* Put an intro paragraph before the table too. */
	t = strstr(s, "| Action");
	buf_put(&b, s, (size_t)(t - s));
	buf_puts(&b, "Intro text.\n\n");
	buf_puts(&b, t);
	free(s);
	s = buf_detach(&b);

	d = deck_of(s, 10, NULL);
	cr_assert_eq(nsections(d), 2);
	cr_assert_eq(body_rows(section(d, 0)), 10);
	cr_assert_eq(body_rows(section(d, 1)), 2);
	cr_assert_eq(count(section(d, 0)->body, MTG_N_PARAGRAPH), 0);
	t = node_text(section(d, 0)->notes);
	cr_assert_str_eq(t, "Intro text.");
	free(t);
	t = node_text(section(d, 1)->notes);
	cr_assert_str_eq(t, "Discussion went on at length.");
	free(t);
	deck_free(d);
	free(s);
}

Test(deck, small_table_section_keeps_prose)
{
	struct deck *d = deck_of("# T\n\n## A\n\nIntro.\n\n| a | b |\n"
	    "|---|---|\n| 1 | 2 |\n\nAfter.\n", 10, NULL);

	cr_assert_eq(nsections(d), 1);
	cr_assert_eq(count(section(d, 0)->body, MTG_N_PARAGRAPH), 2);
	cr_assert_null(section(d, 0)->notes->first);
	deck_free(d);
}

Test(deck, title_and_agenda_slides)
{
	struct meeting *m;
	struct deck *d = deck_of("---\ntitle: Plenary\ngroup: RT\n"
	    "date: 2017-07-06\n---\n# Plenary\n\nScribe: J.\n\n## Agenda\n\n"
	    "1. One\n2. Two\n   1. Two a\n   2. Two b\n\n## One\n\nx\n\n"
	    "## Two\n\ny\n", 10, &m);
	char *t;

	cr_assert_eq(d->slides[0].kind, DECK_TITLE);
	cr_assert_str_eq(d->slides[0].title, "Plenary");
	t = node_text(deck_slide(d, 0)->body);
	/* The group, the date, the header's roles. */
	cr_assert_str_eq(t, "RT6 July 2017Scribe: J");
	free(t);
	t = node_text(deck_slide(d, 0)->notes);
	cr_assert_str_eq(t, "Scribe: J.", "text before the sections");
	free(t);
	cr_assert_eq(d->slides[1].kind, DECK_AGENDA);
	cr_assert_str_eq(d->slides[1].title, "Agenda");
	t = node_text(deck_slide(d, 1)->body);
	cr_assert_str_eq(t, "OneTwoTwo aTwo b", "nothing folded or cut");
	free(t);
	cr_assert_eq(count(deck_slide(d, 1)->body, MTG_N_LIST), 2,
	    "sub-items stay a nested list");
	cr_assert_eq(d->nslides, 4);
	cr_assert_str_eq(d->slides[2].title, "One");
	cr_assert_str_eq(d->slides[3].title, "Two");
	deck_free(d);
	meeting_free(m);
}

Test(deck, agenda_made_from_sections)
{
	struct deck *d = deck_of("# T\n\n## One\n\nx\n\n## Two\n\ny\n", 10,
	    NULL);
	char *t;

	cr_assert_eq(d->slides[1].kind, DECK_AGENDA);
	t = node_text(deck_slide(d, 1)->body);
	cr_assert_str_eq(t, "OneTwo");
	free(t);
	deck_free(d);
}

Test(deck, notes_without_sections)
{
	struct deck *d = deck_of("Just a line of notes.\n", 10, NULL);

	cr_assert_eq(d->nslides, 2);
	cr_assert_eq(d->slides[0].kind, DECK_TITLE);
	cr_assert_eq(d->slides[1].kind, DECK_SECTION);
	deck_free(d);
	d = deck_of("", 10, NULL);
	cr_assert_eq(d->nslides, 1);
	deck_free(d);
}

Test(deck, every_slide_within_limit)
{
	static const int limits[] = { 1, 2, 3, 7, 10, 25 };
	char *s = list_notes(9, 5, 1);
	struct deck *d;
	size_t i, k;

	for (k = 0; k < sizeof(limits) / sizeof(limits[0]); k++) {
		d = deck_of(s, limits[k], NULL);
		for (i = 0; i < d->nslides; i++)
			cr_assert_leq(d->slides[i].units, limits[k],
			    "slide %zu with limit %d", i, limits[k]);
		deck_free(d);
	}
	free(s);
}

Test(deck, units_of_text_and_lists)
{
	struct buf b = {0};
	struct meeting *m;
	const struct node *n;
	int k;

	buf_puts(&b, "# T\n\n## A\n\n");
	for (k = 0; k < 40; k++)
		buf_puts(&b, "word ");	/* 200 characters: three lines */
	buf_puts(&b, "\n\n- one\n  - one.one\n  - one.two\n- two\n\n"
	    "### Sub\n");
	m = test_notes(b.data);
	n = find(m->body, MTG_N_PARAGRAPH);
	cr_assert_eq(deck_units(n, 10), 3);
	n = find(m->body, MTG_N_LIST);
	cr_assert_eq(deck_units(n, 10), 4, "nested items count");
	cr_assert_eq(deck_units(node_last(m->body), 10), 1, "a heading is a line");
	meeting_free(m);
	buf_free(&b);
}

Test(deck, agenda_titles)
{
	struct deck *d = deck_of("# Call\n\n## One\n\nx\n\n"
	    "## Next meeting agenda\n\n- later\n", 10, NULL);

	/* The next meeting's agenda is a section like any other. */
	cr_assert_eq(d->slides[1].kind, DECK_AGENDA);
	cr_assert_str_eq(d->slides[d->nslides - 1].title,
	    "Next meeting agenda");
	deck_free(d);
	d = deck_of("# Call\n\n## One\n\nx\n\n## Draft agenda:\n\n- a\n", 10,
	    NULL);
	cr_assert_eq(d->nslides, 3);
	cr_assert_str_eq(d->slides[1].title, "Draft agenda:");
	cr_assert_eq(d->slides[1].kind, DECK_AGENDA);
	deck_free(d);
}

Test(deck, images_become_links)
{
	struct deck *d = deck_of("# T\n\n## A\n\n"
	    "![a chart](https://example.org/c.png)\n", 10, NULL);
	const struct node *l;

	cr_assert_null(find(section(d, 0)->body, MTG_N_IMAGE),
	    "a deck loads nothing from the network");
	l = find(section(d, 0)->body, MTG_N_LINK);
	cr_assert_not_null(l);
	cr_assert_str_eq(l->url, "https://example.org/c.png");
	cr_assert_str_eq(l->first->text, "[a chart]");
	deck_free(d);
}

Test(deck, titles_are_clean_text)
{
	struct deck *d = deck_of("# T\n\n## A  \x01 *b*\tc\n\nx\n", 10, NULL);

	cr_assert_str_eq(section(d, 0)->title, "A \xef\xbf\xbd b c");
	deck_free(d);
}

/*
 * A nested agenda stays nested on the agenda slides, and one longer than
 * a slide continues "(1 of 2)" like any list, each item once, uncut.
 */
Test(deck, nested_agenda_stays_nested)
{
	struct buf b = {0};
	struct deck *d;
	const struct node *n;
	size_t i, k, items = 0;
	char *t;

	buf_puts(&b, "# Call\n\n## Agenda\n\n");
	for (i = 1; i <= 4; i++) {
		buf_printf(&b, "%zu. Topic %zu\n", i, i);
		for (k = 1; k <= 3; k++)
			buf_printf(&b, "   - Sub-item %zu.%zu\n", i, k);
	}
	buf_puts(&b, "\n## Topic 1\n\nx\n");
	d = deck_of(b.data, 10, NULL);
	cr_assert_eq(d->slides[1].kind, DECK_AGENDA);
	cr_assert_str_eq(d->slides[1].title, "Agenda (1 of 2)");
	cr_assert_str_eq(d->slides[2].title, "Agenda (2 of 2)");
	for (i = 1; i <= 2; i++) {
		for (n = deck_slide(d, i)->body; n != NULL;
		    n = node_walk_next(deck_slide(d, i)->body, n)) {
			if (n->type != MTG_N_TEXT)
				continue;
			cr_assert_null(strchr(n->text, '('), "%s", n->text);
			items++;
		}
		n = find(deck_slide(d, i)->body, MTG_N_LIST);
		cr_assert(n != NULL && n->ordered);
		cr_assert_not_null(find(n->first, MTG_N_LIST),
		    "agenda slide %zu has nested items", i);
	}
	cr_assert_eq(items, 16, "every item and sub-item once");
	t = node_text(deck_slide(d, 2)->body);
	cr_assert(strstr(t, "Sub-item 4.3") != NULL, "%s", t);
	free(t);
	deck_free(d);
	buf_free(&b);
}

/*
 * A nested list continued on the next slide reopens its items there; an
 * authored item with no text is left out: no slide shows a marker beside
 * nothing.
 */
Test(deck, no_blank_items)
{
	struct deck *d = deck_of("# T\n\n## A\n\n- one\n  - one.one\n"
	    "    - a\n    - b\n    - c\n    - d\n- \n- two\n  -\n", 3,
	    NULL);
	const struct node *n, *k;
	size_t i, items = 0;

	for (i = 0; i < d->nslides; i++)
		for (n = deck_slide(d, i)->body; n != NULL;
		    n = node_walk_next(deck_slide(d, i)->body, n)) {
			if (n->type != MTG_N_ITEM)
				continue;
			items++;
			cr_assert_not_null(n->first, "slide %zu: empty item", i);
			for (k = n->first; k != NULL &&
			    k->type == MTG_N_PARAGRAPH; k = k->next)
				cr_assert_not_null(k->first, "slide %zu", i);
		}
	/* one, one.one, a-d, two; the first two again where continued. */
	cr_assert_geq(items, 7);
	n = find(section(d, nsections(d) - 1)->body, MTG_N_LIST);
	cr_assert_null(find(node_last(n), MTG_N_LIST), "two's blank sub-list");
	deck_free(d);
}

/*
 * An item whose sub-items outgrow a slide continues between sub-items:
 * a sub-item that would cross the slide's end moves whole to the next
 * slide instead of breaking mid-sentence.
 */
Test(deck, nested_items_break_between_items)
{
	struct buf b = {0};
	struct deck *d;
	const struct node *n;
	char *t, want[32];
	size_t i, k, found;

	buf_puts(&b, "# T\n\n## A\n\n- Top\n");
	for (k = 1; k <= 12; k++) {
		buf_printf(&b, "  - Sub-item %02zu ", k);
		for (i = 0; i < 24; i++)
			buf_puts(&b, "word ");	/* two lines each */
		buf_puts(&b, "end\n");
	}
	d = deck_of(b.data, 10, NULL);
	cr_assert_gt(nsections(d), 2);
	for (k = 1; k <= 12; k++) {
		snprintf(want, sizeof(want), "Sub-item %02zu ", k);
		found = 0;
		for (i = 0; i < nsections(d); i++)
			for (n = section(d, i)->body; n != NULL;
			    n = node_walk_next(section(d, i)->body, n)) {
				if (n->type != MTG_N_PARAGRAPH)
					continue;
				t = node_text(n);
				if (strncmp(t, want, strlen(want)) == 0) {
					found++;
					cr_assert(strstr(t, " end") != NULL,
					    "sub-item %zu cut: %s", k, t);
				}
				free(t);
			}
		cr_assert_eq(found, 1, "sub-item %zu on one slide", k);
	}
	deck_free(d);
	buf_free(&b);
}

/*
 * The agenda and the actions the deck makes itself are paginated like
 * notes: each item and row once, in order, the numbering going on and
 * the header row on every actions slide.
 */
Test(deck, made_agenda_and_actions_continue)
{
	struct buf b = {0};
	struct meeting *m;
	struct deck *d;
	const struct node *n, *r;
	size_t i, agenda = 0, actions = 0, items = 0, rows = 0;
	char want[64], *t;

	buf_puts(&b, "# Call\n\n");
	for (i = 1; i <= 25; i++)
		buf_printf(&b, "## Section %zu\n\nACTION: Ann Lee to do task "
		    "%zu.\n\n", i, i);
	d = deck_of(b.data, 10, &m);
	cr_assert_eq(m->nactions, 25);
	for (i = 0; i < d->nslides; i++) {
		const struct slide *s = deck_slide(d, i);

		if (s->kind == DECK_AGENDA) {
			n = find(s->body, MTG_N_LIST);
			cr_assert(n != NULL && n->ordered);
			cr_assert_eq(n->start, (int)items + 1);
			for (r = n->first; r != NULL; r = r->next) {
				snprintf(want, sizeof(want), "Section %zu",
				    ++items);
				t = node_text(r);
				cr_assert_str_eq(t, want);
				free(t);
			}
			agenda++;
		} else if (s->kind == DECK_ACTIONS) {
			n = find(s->body, MTG_N_TABLE);
			cr_assert_not_null(n);
			cr_assert(n->first != NULL && n->first->header,
			    "actions slide %zu has the header row", actions);
			for (r = n->first->next; r != NULL; r = r->next) {
				snprintf(want, sizeof(want), "task %zu.",
				    ++rows);
				t = node_text(r);
				cr_assert(strstr(t, want) != NULL, "%s: %s",
				    want, t);
				free(t);
			}
			actions++;
		}
	}
	cr_assert_eq(items, 25);
	cr_assert_eq(agenda, 3);
	cr_assert_eq(rows, 25);
	cr_assert_eq(actions, 3);
	cr_assert_str_eq(d->slides[d->nslides - 1].title,
	    "Action items (3 of 3)");
	deck_free(d);
	meeting_free(m);
	buf_free(&b);
}

/* Every node of t, one a line: type, numbers and text; caller frees. */
static char *
dump(const struct node *t)
{
	struct buf b = {0};
	const struct node *n;

	buf_puts(&b, "");
	for (n = t; n != NULL; n = node_walk_next(t, n))
		buf_printf(&b, "%d %d %d %d %s\n", (int)n->type,
		    n->type == MTG_N_LIST ? n->start : 0, (int)n->header,
		    n->first != NULL, !node_is_link(n->type) &&
		    n->text != NULL ? n->text : "");
	return buf_detach(&b);
}

/*
 * The slides are made a few at a time, where they are asked for: any
 * order gives the same slides as the order of the deck (starting in the
 * middle of a list, a table, a row cut between slides, a paragraph), and
 * the deck never holds the copies of all of them.
 */
Test(deck, slides_made_on_demand_in_any_order)
{
	struct buf b = {0};
	struct meeting *m;
	struct deck *d;
	char **want;
	size_t i, n, held;
	int k;

	buf_puts(&b, "# Meeting\n\n## List\n\n");
	for (k = 1; k <= 400; k++) {
		buf_printf(&b, "%d. item %d", k, k);
		if (k % 37 == 0)
			for (i = 0; i < 300; i++)
				buf_puts(&b, " word");
		buf_puts(&b, k % 50 == 0 ? "\n   - sub a\n   - sub b\n" : "\n");
	}
	buf_puts(&b, "\n## Table\n\nProse that moves to the notes.\n\n"
	    "| A | B |\n|---|---|\n");
	for (k = 1; k <= 300; k++) {
		buf_printf(&b, "| row %d", k);
		if (k % 41 == 0)
			for (i = 0; i < 700; i++)
				buf_puts(&b, " cell");
		buf_printf(&b, " | b%d |\n", k);
	}
	buf_puts(&b, "\nNote: say it\n\n## Text\n\n");
	for (k = 0; k < 3000; k++)
		buf_puts(&b, k % 400 == 399 ? "end.\n\n" : "text ");
	d = deck_of(b.data, 0, &m);
	n = d->nslides;
	cr_assert_gt(n, 3 * 32, "a deck of many slides: %zu", n);
	want = xcalloc(n, sizeof(*want));
	for (i = 0; i < n; i++) {
		const struct slide *s = deck_slide(d, i);
		char *body = dump(s->body), *notes = dump(s->notes);

		want[i] = xasprintf("%s--\n%s", body, notes);
		free(body);
		free(notes);
	}
	for (i = held = 0; i < n; i++)
		held += d->slides[i].body != NULL;
	cr_assert_leq(held, 1 + 32, "%zu of %zu slides held", held, n);
	for (k = 0; k < 2; k++)
		for (i = 0; i < n; i++) {
			size_t at = k == 0 ? n - 1 - i : i * 7 % n;
			const struct slide *s = deck_slide(d, at);
			char *body = dump(s->body), *notes = dump(s->notes);
			char *got = xasprintf("%s--\n%s", body, notes);

			cr_assert_str_eq(got, want[at], "slide %zu", at);
			free(got);
			free(body);
			free(notes);
		}
	for (i = 0; i < n; i++)
		free(want[i]);
	free(want);
	deck_free(d);
	meeting_free(m);
	buf_free(&b);
}

/*
 * The agenda and actions slides made from the model are made from a few
 * of its items or rows at a time, in pieces of the model: many of them,
 * over many stretches of slides, still give every item and row once, in
 * order, numbered on, and the same slides in any order.
 */
Test(deck, made_agenda_and_actions_in_stretches)
{
	struct buf b = {0};
	struct meeting *m;
	struct deck *d;
	const struct node *n, *r;
	size_t i, k, nitems = 0, rows = 0;
	char want[64], *t, **dumps;

	buf_puts(&b, "# Call\n\n");
	for (i = 1; i <= 700; i++) {
		buf_printf(&b, "## Section %zu\n\nACTION: Ann Lee to do task "
		    "%zu.", i, i);
		for (k = 0; i % 9 == 0 && k < 40; k++)
			buf_puts(&b, " more words");
		buf_puts(&b, "\n\n");
	}
	d = deck_of(b.data, 3, &m);
	cr_assert_eq(m->nagenda, 700);
	cr_assert_eq(m->nactions, 700);
	dumps = xcalloc(d->nslides, sizeof(*dumps));
	for (i = 0; i < d->nslides; i++) {
		const struct slide *s = deck_slide(d, i);

		dumps[i] = dump(s->body);
		if (s->kind == DECK_AGENDA) {
			n = find(s->body, MTG_N_LIST);
			cr_assert_not_null(n);
			cr_assert_eq(n->start, (int)nitems + 1);
			for (r = n->first; r != NULL; r = r->next) {
				snprintf(want, sizeof(want), "Section %zu",
				    ++nitems);
				t = node_text(r);
				cr_assert_str_eq(t, want);
				free(t);
			}
		} else if (s->kind == DECK_ACTIONS) {
			n = find(s->body, MTG_N_TABLE);
			cr_assert(n != NULL && n->first != NULL &&
			    n->first->header);
			for (r = n->first->next; r != NULL; r = r->next) {
				snprintf(want, sizeof(want), "task %zu.",
				    ++rows);
				t = node_text(r);
				cr_assert(strstr(t, want) != NULL, "%s: %s",
				    want, t);
				free(t);
			}
		}
	}
	cr_assert_eq(nitems, 700);
	cr_assert_eq(rows, 700);
	for (i = 0; i < d->nslides; i++) {
		size_t at = i * 37 % d->nslides;
		char *got = dump(deck_slide(d, at)->body);

		cr_assert_str_eq(got, dumps[at], "slide %zu", at);
		free(got);
	}
	for (i = 0; i < d->nslides; i++)
		free(dumps[i]);
	free(dumps);
	deck_free(d);
	meeting_free(m);
	buf_free(&b);
}
