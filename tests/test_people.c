/*
 * test_people.c -- unit tests for people.c: names cleaned, owner lists
 * split, short forms resolved, groups recognised.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "people.h"

static void
expect_clean(const char *entry, const char *want, const char *want_handle)
{
	char *handle = NULL, *got = people_clean_name(entry, &handle, NULL);

	if (want == NULL)
		cr_expect_null(got, "clean(\"%s\") = \"%s\"", entry,
		    got ? got : "");
	else {
		cr_assert_not_null(got, "clean(\"%s\") is NULL", entry);
		cr_expect_str_eq(got, want, "clean(\"%s\")", entry);
	}
	if (want_handle == NULL)
		cr_expect_null(handle, "handle of \"%s\"", entry);
	else {
		cr_assert_not_null(handle, "no handle in \"%s\"", entry);
		cr_expect_str_eq(handle, want_handle, "handle of \"%s\"", entry);
	}
	free(got);
	free(handle);
}

Test(people, clean_drops_affiliations)
{
	expect_clean("Rob Wu (Mozilla)", "Rob Wu", NULL);
	expect_clean("Ryan Haning, Microsoft", "Ryan Haning", NULL);
	expect_clean("Sean Cooper (TSC) - DNEG", "Sean Cooper", NULL);
	expect_clean("Kimball Thurston - Chairperson, Weta Digital Limited",
	    "Kimball Thurston", NULL);
	expect_clean("Cary Gooding ( delegate for Michael O’Gorman, Cisco )",
	    "Cary Gooding", NULL);
	expect_clean("Oluebube Princess Egbuna(She/her)",
	    "Oluebube Princess Egbuna", NULL);
	expect_clean("Tomislav Jovanovic (Mozilla) ***", "Tomislav Jovanovic",
	    NULL);
	expect_clean("12. Richard Worth (Capital One)", "Richard Worth", NULL);
	expect_clean("Žarko Kecić", "Žarko Kecić", NULL);
}

Test(people, clean_keeps_handles_aside)
{
	expect_clean("Michael Dawson (@mhdawson)", "Michael Dawson", "mhdawson");
	expect_clean("Divy Tolia (@designmoreweb", "Divy Tolia",
	    "designmoreweb");
	expect_clean("@lidel", "lidel", "lidel");
	expect_clean("@Admin-DataRoads (Jared)", "Jared", "Admin-DataRoads");
}

Test(people, clean_refuses_placeholders_and_sentences)
{
	expect_clean("N/A - Meeting not public", NULL, NULL);
	expect_clean("name", NULL, NULL);
	expect_clean("", NULL, NULL);
	expect_clean("Put a mark here if you prefer this time slot please",
	    NULL, NULL);
}

Test(people, clean_notices_the_chair)
{
	int chair = 0;
	char *n = people_clean_name("Hannah Schulz — Chair, Fernwerk GmbH",
	    NULL, &chair);

	cr_assert_str_eq(n, "Hannah Schulz");
	cr_expect_eq(chair, 1);
	free(n);
	n = people_clean_name("Aeva Black (Microsoft, TAC Vice Chair)", NULL,
	    &chair);
	cr_assert_str_eq(n, "Aeva Black");
	cr_expect_eq(chair, 0);
	free(n);
}

static void
expect_split(const char *s, const char *const *want, size_t n)
{
	struct strlist l = {0};
	size_t i;

	people_split_owners(s, &l);
	cr_assert_eq(l.n, n, "split(\"%s\"): %zu owners, want %zu", s, l.n, n);
	for (i = 0; i < n; i++)
		cr_expect_str_eq(l.v[i], want[i], "split(\"%s\")[%zu]", s, i);
	strlist_free(&l);
}

Test(people, split_owner_lists)
{
	static const char *const a[] = { "Denise Michel", "James Gannon",
	    "Boban Krsic" };
	static const char *const b[] = { "ICANN Org", "Co-Chairs" };
	static const char *const c[] = { "Allan", "Brendan" };
	static const char *const d[] = { "diasdavid", "richard" };
	static const char *const e[] = { "Elf Pavlik", "Roberto" };
	static const char *const f[] = { "klueska" };
	static const char *const g[] = { "dawnchen" };
	static const char *const h[] = { "ICANN Org", "Co-Chairs" };

	expect_split("Denise Michel, James Gannon and Boban Krsic", a, 3);
	expect_split("ICANN Org, Co-Chairs", b, 2);
	expect_split("Allan / Brendan", c, 2);
	expect_split("@diasdavid and @richard", d, 2);
	expect_split("Elf Pavlik & Roberto", e, 2);
	expect_split("klueska (nvidia)", f, 1);
	expect_split("(dawnchen@)", g, 1);
	expect_split("@ICANN Org @Co-Chairs", h, 2);
}

static struct meeting *
sample(void)
{
	struct meeting *m = meeting_new("t.md");
	struct person *p;

	strlist_add(&m->chairs, "Denise Michel");
	strlist_add(&m->attendees, "Kerry-Ann Barrett");
	strlist_add(&m->attendees, "Eric Osterweil");
	strlist_add(&m->attendees, "Eric Schmidt");
	strlist_add(&m->attendees, "Ram Krishna Pariyar");
	strlist_add(&m->attendees, "David A. Wheeler");
	strlist_add(&m->attendees, "Agustín Benito Bethencourt");
	strlist_add(&m->attendees, "Sarven Capadisli");
	strlist_add(&m->attendees, "Felix Klock");
	strlist_add(&m->apologies, "Geoff Huston");
	p = meeting_add_person(m, "Žarko Kecić");
	strlist_add(&p->aliases, "Zarko");
	m->group = xstrdup("SSR2 Review Team");
	return m;
}

static void
expect_resolve(const struct people *pp, const char *w, enum people_kind k,
    const char *full)
{
	char *got = NULL;
	enum people_kind kind = people_resolve(pp, w, &got);

	cr_expect_eq(kind, k, "resolve(\"%s\") kind %d, want %d", w, kind, k);
	cr_expect_str_eq(got, full, "resolve(\"%s\")", w);
	free(got);
}

Test(people, resolve_short_forms)
{
	struct meeting *m = sample();
	struct people *pp = people_new(m);

	expect_resolve(pp, "Denise Michel", MTG_WHO_PERSON, "Denise Michel");
	expect_resolve(pp, "denise michel", MTG_WHO_PERSON, "Denise Michel");
	expect_resolve(pp, "Denise", MTG_WHO_PERSON, "Denise Michel");
	expect_resolve(pp, "Kerry-Ann", MTG_WHO_PERSON, "Kerry-Ann Barrett");
	expect_resolve(pp, "Ram Krishna", MTG_WHO_PERSON,
	    "Ram Krishna Pariyar");
	expect_resolve(pp, "Zarko", MTG_WHO_PERSON, "Žarko Kecić");
	expect_resolve(pp, "Geoff", MTG_WHO_PERSON, "Geoff Huston");
	expect_resolve(pp, "David Wheeler", MTG_WHO_PERSON,
	    "David A. Wheeler");
	expect_resolve(pp, "Agustin", MTG_WHO_PERSON,
	    "Agustín Benito Bethencourt");
	expect_resolve(pp, "SC", MTG_WHO_PERSON, "Sarven Capadisli");
	expect_resolve(pp, "Felix K", MTG_WHO_PERSON, "Felix Klock");
	expect_resolve(pp, "@Denise", MTG_WHO_PERSON, "Denise Michel");
	/* Two Erics: the short form stays as written. */
	expect_resolve(pp, "Eric", MTG_WHO_AMBIGUOUS, "Eric");
	expect_resolve(pp, "Quentin", MTG_WHO_UNKNOWN, "Quentin");
	expect_resolve(pp, "ICANN Org", MTG_WHO_GROUP, "ICANN Org");
	people_free(pp);
	meeting_free(m);
}

Test(people, abbreviated_names_keep_their_period_and_meet_full_names)
{
	struct meeting *m = meeting_new("x.md");
	struct people *pp;
	char *full;

	expect_clean("Ana P.", "Ana P.", NULL);
	expect_clean("Ana Pereira.", "Ana Pereira", NULL);
	strlist_add(&m->attendees, "Ana P.");
	strlist_add(&m->attendees, "Sam Kaur");
	strlist_add(&m->attendees, "Jo B.");
	strlist_add(&m->attendees, "Jo Brand");
	pp = people_new(m);
	cr_expect_eq(people_resolve(pp, "Ana Pereira", &full), MTG_WHO_PERSON);
	cr_expect_str_eq(full, "Ana P.");
	free(full);
	cr_expect_eq(people_resolve(pp, "Ana P", &full), MTG_WHO_PERSON);
	cr_expect_str_eq(full, "Ana P.");
	free(full);
	cr_expect_eq(people_resolve(pp, "Sam K.", &full), MTG_WHO_PERSON);
	cr_expect_str_eq(full, "Sam Kaur");
	free(full);
	/* Another surname, or another first name: no match. */
	cr_expect_eq(people_resolve(pp, "Ana Silva", &full), MTG_WHO_UNKNOWN);
	free(full);
	cr_expect_eq(people_resolve(pp, "Anna Pereira", &full),
	    MTG_WHO_UNKNOWN);
	free(full);
	/* "Jo Brand" is there by name; "Jo Baker" may be "Jo B.". */
	cr_expect_eq(people_resolve(pp, "Jo Brand", &full), MTG_WHO_PERSON);
	cr_expect_str_eq(full, "Jo Brand");
	free(full);
	people_free(pp);
	meeting_free(m);
}

Test(people, handles_added_as_aliases)
{
	struct meeting *m = sample();
	struct people *pp = people_new(m);

	people_add_alias(pp, "@dkb", "Denise Michel");
	expect_resolve(pp, "@dkb", MTG_WHO_PERSON, "Denise Michel");
	expect_resolve(pp, "dkb", MTG_WHO_PERSON, "Denise Michel");
	people_free(pp);
	meeting_free(m);
	people_free(NULL);
}

Test(people, groups)
{
	struct meeting *m = sample();
	static const char *const groups[] = {
		"All", "all", "Everyone", "ICANN Org", "SSR2-RT", "Co-Chairs",
		"Browsers", "Cat Herders", "TAC", "SSR2 Review Team", "Chrome",
		"All participants", NULL
	};
	static const char *const people[] = {
		"Denise Michel", "Alexey", "Vitalik", "Kate", "CRob", NULL
	};
	size_t i;

	for (i = 0; groups[i] != NULL; i++)
		cr_expect(people_is_group(m, groups[i]), "\"%s\" is a group",
		    groups[i]);
	for (i = 0; people[i] != NULL; i++)
		cr_expect(!people_is_group(m, people[i]),
		    "\"%s\" is no group", people[i]);
	meeting_free(m);
}

Test(people, list_has_ignores_case)
{
	struct strlist l = {0};

	strlist_add(&l, "Rob Wu");
	cr_expect(people_list_has(&l, "rob wu"));
	cr_expect(!people_list_has(&l, "Rob"));
	strlist_free(&l);
}
