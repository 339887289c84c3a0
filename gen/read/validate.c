/*
 * validate.c -- checks of the finished model, between extract and render.
 *
 * Raises the diagnostics that concern the meeting as a whole: no date,
 * action items without owners, due dates that are no dates or fall before
 * the meeting, owners nobody knows or who sent apologies, and notes in
 * which no convention was recognised at all.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conventions.h"
#include "dates.h"
#include "people.h"
#include "validate.h"

/* A copy of s in ASCII lower case, the key of a set of names. */
static char *
lower_dup(const char *s)
{
	char *t = xstrdup(s), *p;

	for (p = t; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return t;
}

/* The length of at most 60 bytes of s, cut at a character boundary. */
static size_t
short_len(const char *s)
{
	size_t n = strlen(s);

	if (n <= 60)
		return n;
	n = 60;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* Whether a due phrase names a day once the meeting date is known
 * ("30 April", "next week"): without the date it is no error of its own. */
static int
needs_meeting(const char *s)
{
	struct date any = { 2000, 1, 3 }, out;

	return conv_resolve_due(s, &any, &out) == 0;
}

static int
has_attendance(const struct meeting *m)
{
	return m->attendees.n > 0 || m->chairs.n > 0 || m->apologies.n > 0 ||
	    m->absent.n > 0;
}

static void
set_of(struct strmap *set, const struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		char *k = lower_dup(l->v[i]);

		strmap_get(set, k, strlen(k), 1)->count = 1;
		free(k);
	}
}

static int
in_set(struct strmap *set, const char *name)
{
	char *k = lower_dup(name);
	int yes = strmap_get(set, k, strlen(k), 0) != NULL;

	free(k);
	return yes;
}

/* Owners: known people or groups, apologies noted. */
static void
check_owners(const struct action *a, struct strmap *apologies,
    struct strmap *present, int knows_people, struct diags *d)
{
	size_t i;

	for (i = 0; i < a->owners.n; i++) {
		const char *o = a->owners.v[i];
		enum people_kind k = a->owner_kind[i];

		if ((k == MTG_WHO_PERSON || k == MTG_WHO_ALIAS) &&
		    in_set(apologies, o) && !in_set(present, o))
			diag_add(d, MTG_D_OWNER_APOLOGY, a->line, a->col, "%s",
			    o);
		else if (k == MTG_WHO_AMBIGUOUS && knows_people)
			diag_add(d, MTG_D_OWNER_UNKNOWN, a->line, a->col,
			    "%s (fits several people)", o);
		else if (k == MTG_WHO_UNKNOWN && knows_people)
			diag_add(d, MTG_D_OWNER_UNKNOWN, a->line, a->col, "%s",
			    o);
	}
}

void
validate_meeting(struct meeting *m, struct diags *d)
{
	struct strmap apologies = {0}, present = {0};
	struct people *pp;
	struct date meeting;
	int has_date = 0, knows;
	size_t i;

	if (m == NULL)
		return;
	if (m->date == NULL)
		diag_add(d, MTG_D_NO_DATE, 1, 1, NULL);
	else if (date_parse(m->date, &meeting) == 0)
		has_date = 1;
	pp = people_new(m);
	complete_meeting(m, pp);
	set_of(&apologies, &m->apologies);
	set_of(&present, &m->attendees);
	set_of(&present, &m->chairs);
	/* Without any list of people every owner would be "unknown". */
	knows = has_attendance(m) || m->npeople > 0 || m->staff.n > 0;
	for (i = 0; i < m->nactions; i++) {
		const struct action *a = &m->actions[i];

		/* An id alone reviews an action whose owners are known. */
		if (a->owners.n == 0 && !(a->id_given && *a->text == '\0'))
			diag_add(d, MTG_D_NO_OWNER, a->line, a->col, "\"%.*s%s\"",
			    (int)short_len(a->text), a->text,
			    strlen(a->text) > short_len(a->text) ? "…" : "");
		if (a->due_text != NULL && a->due == NULL &&
		    !conv_due_placeholder(a->due_text) &&
		    !(has_date == 0 && needs_meeting(a->due_text)))
			diag_add(d, MTG_D_DUE_NOT_DATE, a->line, a->col, "%s",
			    a->due_text);
		/* A done action may well have been due before. */
		if (a->overdue) {
			if (a->due_text != NULL && strcmp(a->due_text, a->due) != 0)
				diag_add(d, MTG_D_DUE_BEFORE, a->line, a->col,
				    "%s (%s) is before %s", a->due_text, a->due,
				    m->date);
			else
				diag_add(d, MTG_D_DUE_BEFORE, a->line, a->col,
				    "%s is before %s", a->due, m->date);
		}
		check_owners(a, &apologies, &present, knows, d);
	}
	if (m->nactions == 0 && m->ndecisions == 0 && !has_attendance(m))
		diag_add(d, MTG_D_NO_CONVENTION, 1, 1, NULL);
	people_free(pp);
	strmap_free(&apologies);
	strmap_free(&present);
}
