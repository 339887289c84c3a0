/*
 * present.c -- the display rules every format shares: one table each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "present.h"

static const char *const months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static const char *const weekdays[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};

const char *const present_action_heads[5] = {
	"ID", "Action", "Owner", "Due", "Status"
};

static const char *const status_labels[MTG_STATUS__MAX] = {
	[MTG_OPEN] = "Open",
	[MTG_DONE] = "Done",
	[MTG_IN_PROGRESS] = "In progress",
	[MTG_DROPPED] = "Dropped"
};

const char *
present_month(int month)
{
	return month >= 1 && month <= 12 ? months[month - 1] : NULL;
}

char *
present_date(const char *iso)
{
	int y, mo, d;
	char tail;

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d%c", &y, &mo, &d,
	    &tail) != 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return NULL;
	return xasprintf("%d %s %d", d, months[mo - 1], y);
}

char *
present_date_long(const char *iso)
{
	struct date d;

	if (iso == NULL)
		return NULL;
	if (date_parse(iso, &d) == -1)
		return xstrdup(iso);
	return xasprintf("%s %d %s %d", weekdays[date_weekday(&d)], d.d,
	    months[d.m - 1], d.y);
}

char *
present_names(const struct strlist *l)
{
	struct buf b = {0};
	size_t i;

	buf_put(&b, "", 0);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, l->v[i]);
	}
	return buf_detach(&b);
}

char *
present_person(const struct meeting *m, const char *name)
{
	const char *org = strlist_pair(&m->affiliations, name);

	return org != NULL ? xasprintf("%s (%s)", name, org) : xstrdup(name);
}

void
present_people(const struct meeting *m, const struct strlist *l,
    struct strlist *out)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		char *s = present_person(m, l->v[i]);

		strlist_add(out, s);
		free(s);
	}
}

/* The model's role of a chair (NULL is plain chair) and its labels. */
static const struct {
	const char *role, *one, *many;
} chair_roles[] = {
	{ NULL, "Chair", "Chairs" },
	{ "host", "Host", "Hosts" },
	{ "facilitator", "Facilitator", "Facilitators" },
	{ "moderator", "Moderator", "Moderators" },
};

static int
same_role(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

const char *
present_chair_role(const struct meeting *m, const char *name)
{
	const char *role = strlist_pair(&m->roles, name);
	size_t r;

	for (r = 0; r < sizeof(chair_roles) / sizeof(chair_roles[0]); r++)
		if (same_role(role, chair_roles[r].role))
			return chair_roles[r].one;
	return chair_roles[0].one;
}

size_t
present_roles(const struct meeting *m, struct present_role out[PRESENT_ROLES])
{
	size_t r, i, n = 0;

	for (r = 0; r < sizeof(chair_roles) / sizeof(chair_roles[0]); r++) {
		struct strlist names = {0};

		for (i = 0; i < m->chairs.n; i++) {
			const char *role = strlist_pair(&m->roles, m->chairs.v[i]);

			if (same_role(role, chair_roles[r].role)) {
				char *s = present_person(m, m->chairs.v[i]);

				strlist_add(&names, s);
				free(s);
			}
		}
		if (names.n == 0)
			continue;
		out[n].label = names.n > 1 ? chair_roles[r].many :
		    chair_roles[r].one;
		out[n].chairs = chair_roles[r].role == NULL;
		out[n++].names = names;
	}
	if (m->scribes.n > 0) {
		memset(&out[n].names, 0, sizeof(out[n].names));
		present_people(m, &m->scribes, &out[n].names);
		out[n].chairs = 0;
		out[n++].label = m->scribes.n > 1 ? "Scribes" : "Scribe";
	}
	return n;
}

void
present_roles_free(struct present_role *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		strlist_free(&v[i].names);
}

/*
 * Appends "a", "a and b", "a, b and c" for v[0..n); items that hold commas
 * themselves are separated by semicolons instead ("a, b; c; and d").
 */
void
present_prose_list(struct buf *b, char *const *v, size_t n)
{
	const char *sep = ", ", *last = " and ";
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr(v[i], ',') != NULL) {
			sep = "; ";
			last = "; and ";
			break;
		}
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == n ? (n == 2 ? " and " : last) :
			    sep);
		buf_puts(b, v[i]);
	}
}

const char *
present_id(const struct action *a)
{
	return a->id != NULL ? a->id : "";
}

char *
present_due(const struct action *a)
{
	char *s;

	if (a->due_text != NULL && *a->due_text != '\0')
		return xstrdup(a->due_text);
	if ((s = present_date(a->due)) != NULL)
		return s;
	return xstrdup("");
}

const char *
present_status(enum mtg_status s)
{
	return s < MTG_STATUS__MAX ? status_labels[s] : status_labels[0];
}
