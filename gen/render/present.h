/*
 * present.h -- the display rules every format shares.
 *
 * A fact of the model reads the same in every artefact: the meeting date
 * in words, names joined, an action's id, due date and status as shown.
 * Renderers call these and format the result; none has a rule of its own.
 */
#ifndef MINUTES_PRESENT_H
#define MINUTES_PRESENT_H

#include "model.h"

/* "July" for 7; NULL outside 1..12. */
const char	*present_month(int month);

/* "6 July 2017" for "2017-07-06" in a new string; NULL when iso is NULL
 * or no ISO date.  Caller frees. */
char		*present_date(const char *iso);

/* "Thursday 6 July 2017" for "2017-07-06" in a new string; other text as
 * it is; NULL when iso is NULL.  Caller frees. */
char		*present_date_long(const char *iso);

/* The names of l joined with ", " in a new string ("" when none). */
char		*present_names(const struct strlist *l);

/* name as the attendance shows it: "Ana Silva (Example Foundation)"
 * when the notes give an organisation with it, else the name.  A new
 * string; caller frees. */
char		*present_person(const struct meeting *, const char *name);

/* The names of l, each as present_person() shows it, into out (which
 * the caller frees with strlist_free()). */
void		 present_people(const struct meeting *, const struct strlist *l,
		    struct strlist *out);

/* One role of a meeting's header and who holds it. */
struct present_role {
	const char	*label;		/* "Chair", "Hosts", "Scribe" */
	struct strlist	 names;		/* as present_person() shows them */
	int		 chairs;	/* the chairs as such, not a role */
};

/* The label of a chair's role: "Chair", "Host", "Facilitator" or
 * "Moderator" (a static string). */
const char	*present_chair_role(const struct meeting *, const char *name);

/* Chair, host, facilitator, moderator, scribe. */
#define PRESENT_ROLES	5

/*
 * The roles the header of every format shows, in this order: chairs,
 * hosts, facilitators, moderators, scribes; only those someone holds.
 * Returns how many of out it filled; present_roles_free() frees them.
 */
size_t		 present_roles(const struct meeting *,
		    struct present_role out[PRESENT_ROLES]);
void		 present_roles_free(struct present_role *, size_t n);

/*
 * Appends v[0..n) as prose: "a", "a and b", "a, b and c"; items that hold
 * commas themselves are separated by semicolons ("a, b; c; and d").
 */
void		 present_prose_list(struct buf *, char *const *v, size_t n);

/* The action's id as every format prints it ("2017-07-06-3", "#57"). */
const char	*present_id(const struct action *);

/*
 * The due date as shown, in a new string: as the notes wrote it ("25
 * July", "TBD"), else the date in words, else "" when none was given.
 * Caller frees.
 */
char		*present_due(const struct action *);

/*
 * The column headings of a table of actions, in the order every format
 * gives the columns: id, text, owners, due, status.
 */
extern const char *const present_action_heads[5];

/* "Open", "Done", "In progress", "Dropped". */
const char	*present_status(enum mtg_status);

#endif
