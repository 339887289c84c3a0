/*
 * extract_tables.c -- tables classified by their header: action tables
 * (Action / Task / Request × Owner / Assignee / Who × Due / Deadline ×
 * Status), subtopic team tables (Subtopic / Team / Workstream × Rapporteur
 * / Lead × Volunteers / Members) and decision tables.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"
#include "people.h"

/* --- tables ---------------------------------------------------------------- */

/* Header cells name their columns through conv_columns (conventions.c). */

static const struct node *
cell_at(const struct node *row, int i)
{
	const struct node *c;

	for (c = row->first; c != NULL && i > 0; c = c->next)
		i--;
	return c;
}

static char *
cell_text(const struct node *row, int i)
{
	const struct node *c;

	if (i < 0 || (c = cell_at(row, i)) == NULL)
		return xstrdup("");
	return x_text(c);
}

/* Removes "1. " numbering from a team name, in place. */
static char *
strip_numbering(char *s)
{
	char *p = s;

	while (isdigit((unsigned char)*p))
		p++;
	if (p > s && (*p == '.' || *p == ')') && p[1] == ' ')
		memmove(s, p + 2, strlen(p + 2) + 1);
	return s;
}

/* Empty due cells and dashes mean no due date at all. */
static int
blank_cell(const char *s)
{
	return *s == '\0' || strcmp(s, "-") == 0 || strcmp(s, "—") == 0 ||
	    strcmp(s, "–") == 0;
}

/* One team per row: name without "1. ", rapporteur as written, members
 * split on commas, semicolons and "and". */
static void
table_teams(struct xctx *c, const struct node *table, const int *cols)
{
	const struct node *row;

	for (row = table->first->next; row != NULL; row = row->next) {
		char *name = strip_numbering(cell_text(row, cols[COL_TEAM]));
		char *lead = cell_text(row, cols[COL_LEAD]);
		char *mem = cell_text(row, cols[COL_MEMBERS]), *p, *s;
		struct team *t;

		if (*name == '\0') {
			free(name);
			free(lead);
			free(mem);
			continue;
		}
		t = meeting_add_team(c->m);
		t->name = name;
		t->rapporteur = *lead != '\0' ? lead : NULL;
		if (t->rapporteur == NULL)
			free(lead);
		t->line = row->line;
		for (s = mem; s != NULL; s = p) {
			char *and = strstr(s, " and ");

			if ((p = strpbrk(s, ",;")) != NULL && (and == NULL ||
			    p < and))
				*p++ = '\0';
			else if (and != NULL) {
				*and = '\0';
				p = and + 5;
			}
			trim_tail(s);
			if (strncmp(s, "and ", 4) == 0)
				memmove(s, s + 4, strlen(s + 4) + 1);
			if (*s != '\0')
				strlist_add(&t->members, s);
		}
		free(mem);
	}
}

/* Whether column col only counts the rows: 1, 2, 3… (or is empty):
 * numbering, not the group's own ids. */
static int
counts_rows(const struct node *table, int col)
{
	const struct node *row;
	char *t, want[24];
	int n = 0, yes = 1;

	for (row = table->first->next; row != NULL && yes; row = row->next) {
		t = cell_text(row, col);
		snprintf(want, sizeof(want), "%d", ++n);
		if (*t != '\0' && strcmp(t, want) != 0 &&
		    !(strlen(t) == strlen(want) + 1 &&
		    strncmp(t, want, strlen(want)) == 0 &&
		    t[strlen(want)] == '.'))
			yes = 0;
		free(t);
	}
	return yes;
}

/* One action per row with text; a table without an owner column is
 * reported at its action header cell, and its actions still kept. */
static void
table_actions(struct xctx *c, const struct node *table, const int *cols)
{
	const struct node *row, *cell;
	int acol = cols[COL_ACTION] >= 0 ? cols[COL_ACTION] : cols[COL_ITEM];
	int ids = cols[COL_ID] >= 0 && !counts_rows(table, cols[COL_ID]);

	if (cols[COL_OWNER] < 0) {
		char *h = cell_text(table->first, acol);

		cell = cell_at(table->first, acol);
		diag_add(c->d, MTG_D_TABLE_NO_OWNER, table->first->line,
		    cell ? cell->col : table->col, "\"%s\"", h);
		free(h);
	}
	for (row = table->first->next; row != NULL; row = row->next) {
		struct pend p;

		memset(&p, 0, sizeof(p));
		p.text = cell_text(row, acol);
		if (*p.text == '\0') {
			pend_free(&p);
			continue;
		}
		p.from_table = 1;
		/* Numbered rows are the register itself, not a summary. */
		p.weak = ids ? XW_MARKED : XW_TABLE;
		p.line = row->line;
		cell = cell_at(row, acol);
		p.col = cell != NULL ? cell->col : row->col;
		if (cols[COL_OWNER] >= 0) {
			char *o = cell_text(row, cols[COL_OWNER]);

			people_split_owners(o, &p.owners);
			free(o);
		}
		if (cols[COL_DUE] >= 0) {
			p.due_text = cell_text(row, cols[COL_DUE]);
			if (blank_cell(p.due_text)) {
				free(p.due_text);
				p.due_text = NULL;
			}
		}
		if (cols[COL_STATUS] >= 0) {
			char *s = cell_text(row, cols[COL_STATUS]);

			x_status_word(s, &p.status);
			free(s);
		}
		if (ids) {
			char *s = cell_text(row, cols[COL_ID]);

			if (*s != '\0' && strcmp(s, "#") != 0)
				p.id = xstrdup(s + (*s == '#'));
			free(s);
		}
		action_parse_text(c->pp, &p);
		/* A due column may say "by 8 March". */
		action_commit(c, &p);
		pend_free(&p);
	}
}

/* One decision per row: its description, or the decision cell. */
static void
table_decisions(struct xctx *c, const struct node *table, const int *cols)
{
	const struct node *row;

	for (row = table->first->next; row != NULL; row = row->next) {
		char *t = cell_text(row, cols[COL_TEXT] >= 0 ? cols[COL_TEXT] :
		    cols[COL_DECISION]);

		/* An item number alone is no decision. */
		if (*t != '\0' && strspn(t, "0123456789. ") < strlen(t))
			decision_commit(c, NULL, t, row->line);
		free(t);
	}
}

/* The text of a cell, its lines ("a<br>b") joined by commas. */
static char *
cell_lines(const struct node *row, int i)
{
	const struct node *c = cell_at(row, i);
	struct xlines ls;
	struct buf b = {0};
	size_t k;

	buf_put(&b, "", 0);
	if (c == NULL)
		return buf_detach(&b);
	xlines_of(c, &ls);
	for (k = 0; k < ls.n; k++) {
		char *t = x_squeeze(xstrdup(ls.v[k].text));

		if (*t != '\0')
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", t);
		free(t);
	}
	xlines_free(&ls);
	return buf_detach(&b);
}

/* The mark of a consensus cell; a row written short of the header has
 * its mark in its last cell ("| X | warn | fix | ✔ |" under five
 * columns).  Caller frees. */
static char *
consensus_mark(const struct node *row, int col)
{
	const struct node *cell;
	char *t = cell_text(row, col), *last = NULL;

	if (*t != '\0')
		return t;
	for (cell = row->first; cell != NULL; cell = cell->next) {
		char *ct = x_text(cell);

		if (*ct != '\0') {
			free(last);
			last = ct;
		} else
			free(ct);
	}
	free(t);
	return last != NULL ? last : xstrdup("");
}

/* A table with a consensus column ("Meeting consensus?"): each row it
 * marks done (✔, "yes") is a decision, its first cell and its
 * resolution ("BARE_TRAIT_OBJECTS: soft deprecation"). */
static void
table_consensus(struct xctx *c, const struct node *table, const int *cols)
{
	const struct node *row;

	for (row = table->first->next; row != NULL; row = row->next) {
		char *mark = consensus_mark(row, cols[COL_CONSENSUS]);
		char *what, *how, *t;

		if (!done_word(mark)) {
			free(mark);
			continue;
		}
		what = cell_text(row, 0);
		how = cols[COL_TEXT] > 0 ? cell_lines(row, cols[COL_TEXT]) :
		    xstrdup("");
		t = *how != '\0' ? xasprintf("%s: %s", what, how) : xstrdup(what);
		if (*what != '\0')
			decision_commit(c, NULL, t, row->line);
		free(t);
		free(how);
		free(what);
		free(mark);
	}
}

/* Classifies a table by its header and takes what it holds. */
int
scan_table(struct xctx *c, const struct node *table, enum xkind ctx)
{
	const struct node *cell;
	int cols[COL__MAX], i;

	if (table->first == NULL || !table->first->header)
		return 0;
	if (ctx >= XK_PRESENT && ctx <= XK_OTHER_ROLE && ctx != XK_AGENDA)
		return 1;	/* attendance tables are read elsewhere */
	for (i = 0; i < COL__MAX; i++)
		cols[i] = -1;
	for (i = 0, cell = table->first->first; cell != NULL;
	    cell = cell->next, i++) {
		char *h = x_text(cell);
		enum conv_col k = conv_column(h);

		if (k != COL_NONE && cols[k] < 0)
			cols[k] = i;
		free(h);
	}
	if (cols[COL_TEAM] >= 0 && cols[COL_MEMBERS] >= 0) {
		table_teams(c, table, cols);
		return 1;
	}
	if (cols[COL_DECISION] >= 0) {
		table_decisions(c, table, cols);
		return 1;
	}
	if (cols[COL_CONSENSUS] > 0 && cols[COL_ACTION] < 0 &&
	    cols[COL_OWNER] < 0) {
		table_consensus(c, table, cols);
		return 1;
	}
	if (cols[COL_ACTION] >= 0 || (cols[COL_ITEM] >= 0 &&
	    (cols[COL_OWNER] >= 0 || ctx == XK_ACTIONS))) {
		/* A "Lead" column of an action table names its owner. */
		if (cols[COL_OWNER] < 0 && cols[COL_LEAD] >= 0)
			cols[COL_OWNER] = cols[COL_LEAD];
		if (cols[COL_OWNER] >= 0 || cols[COL_DUE] >= 0 ||
		    ctx == XK_ACTIONS) {
			table_actions(c, table, cols);
			return 1;
		}
	}
	return 0;
}
