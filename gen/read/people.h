/*
 * people.h -- names in meeting notes: attendance entries cleaned of their
 * affiliations, owner lists split, short forms resolved to full names,
 * groups recognised.
 */
#ifndef MINUTES_PEOPLE_H
#define MINUTES_PEOPLE_H

#include "model.h"

/* An index of everyone a meeting names, for resolving short forms. */
struct people;

/*
 * Cleans one attendance entry: "Rob Wu (Mozilla)" and "Ryan Haning,
 * Microsoft" give "Rob Wu" and "Ryan Haning"; "Michael Dawson (@mhdawson)"
 * gives "Michael Dawson" and sets *handle to "mhdawson"; "@lidel" gives
 * "lidel".  Sets *chair when the part dropped names the person chair
 * ("Hannah Schulz — Chair, Fernwerk GmbH").  Returns NULL for
 * placeholders ("N/A", "name") and text that is no name (a sentence).
 * Caller frees the result and *handle; handle and chair may be NULL.
 */
char	*people_clean_name(const char *entry, char **handle, int *chair);
/*
 * The organisation an attendance entry gives after the name ("Ana Silva,
 * Example Foundation", "Allan Johns - NVIDIA", "Ana Silva (Example
 * Foundation)"), without a chair role written with it; NULL when none
 * (a handle or pronouns in parentheses are none).  Caller frees.
 */
char	*people_affiliation(const char *entry);

/*
 * Splits an owner list written "A, B and C", "A / B", "A & B" or
 * "@a, @b" into names (the '@' dropped, trailing "(Org)" dropped),
 * appended to out.
 */
void	 people_split_owners(const char *, struct strlist *out);

/*
 * Builds the index of a meeting's chairs, attendees, apologies, absent,
 * staff, observers and front-matter people with their aliases.  The
 * meeting must outlive the index.  people_free(NULL) is safe.
 */
struct people	*people_new(const struct meeting *);
void		 people_free(struct people *);
/* Adds a short form (such as a @handle) for a full name. */
void		 people_add_alias(struct people *, const char *alias,
		    const char *name);

/*
 * Resolves an owner as written: an exact (case-insensitive) name, then a
 * front-matter alias or handle, then the only name that starts with the
 * given words ("Kerry-Ann" → "Kerry-Ann Barrett", "Felix K" → "Felix
 * Klock"), then a group.  Sets *full to a new string: the full name for a
 * person, else the name as written.  Caller frees *full.
 */
enum people_kind people_resolve(const struct people *, const char *written,
		    char **full);

/*
 * Whether name is a group rather than a person: "All", "Everyone",
 * "ICANN Org", "Co-Chairs", "SSR2-RT", "Browsers", the meeting's group.
 */
int	 people_is_group(const struct meeting *, const char *name);

/* Whether l holds name, ignoring ASCII case. */
int	 people_list_has(const struct strlist *l, const char *name);

#endif
