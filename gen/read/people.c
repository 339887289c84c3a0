/*
 * people.c -- names: cleaning, owner lists, short forms, groups.
 *
 * Resolution uses hash maps keyed by lowercased names, aliases and word
 * prefixes of names, so that it costs the same for a meeting of five
 * people and one of fifty thousand.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"
#include "people.h"

struct people {
	const struct meeting	*m;
	struct strmap		 full;		/* lowercased full name */
	struct strmap		 alias;		/* lowercased alias, handle */
	struct strmap		 prefix;	/* lowercased leading words */
	struct strmap		 initials;	/* "sc" for Sarven Capadisli */
	struct strmap		 abbrev;	/* "ana p" for "Ana P." */
	struct strlist		 owned;		/* names added by aliases */
};

static int
in_list(const char *const *l, const char *s)
{
	/* Lists have dozens of words, and names many words: a word whose
	 * first letter differs is passed without a call. */
	for (; *l != NULL; l++)
		if (tolower((unsigned char)**l) == tolower((unsigned char)*s) &&
		    strcasecmp(*l, s) == 0)
			return 1;
	return 0;
}

static int
has_letter(const char *s)
{
	for (; *s != '\0'; s++)
		if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

static size_t
count_words(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* Trims white space and the punctuation that ends a list entry. */
static char *
trim_punct(char *s)
{
	size_t n;

	x_squeeze(s);
	n = strlen(s);
	while (n > 0 && strchr(".,;:*_|\\", s[n - 1]) != NULL) {
		/* "Ana P.": an initial keeps its period. */
		if (s[n - 1] == '.' && n >= 3 && isupper((unsigned char)s[n - 2]) &&
		    s[n - 3] == ' ')
			break;
		s[--n] = '\0';
	}
	while (*s != '\0' && strchr(",;:*_|\\ ", *s) != NULL)
		memmove(s, s + 1, strlen(s));
	return x_squeeze(s);
}

/* Copies a @handle (without '@') starting at p into a new string. */
static char *
take_handle(const char *p)
{
	size_t n = 0;

	if (*p == '@')
		p++;
	while (isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == '_' ||
	    p[n] == '.')
		n++;
	while (n > 0 && p[n - 1] == '.')
		n--;
	return n > 0 ? xstrndup(p, n) : NULL;
}

/* Whether the affiliation part of an entry says "Chair". */
static int
says_chair(const char *rest)
{
	char *t = x_lower(xstrdup(rest)), *p;
	int yes = 0;

	for (p = strstr(t, "chair"); p != NULL && !yes; p = strstr(p + 1, "chair"))
		if ((p == t || !isalpha((unsigned char)p[-1])) &&
		    (!isalpha((unsigned char)p[5]) ||
		    strncmp(p + 5, "person", 6) == 0 ||
		    strncmp(p + 5, "man", 3) == 0 ||
		    strncmp(p + 5, "woman", 5) == 0) &&
		    !(p - t >= 5 && strncmp(p - 5, "vice ", 5) == 0) &&
		    !(p - t >= 5 && strncmp(p - 5, "vice-", 5) == 0))
			yes = 1;
	free(t);
	return yes;
}

char *
people_clean_name(const char *entry, char **handle, int *chair)
{
	char *s = xstrdup(entry), *p, *at, *h = NULL, *full;
	static const char *const cuts[] = {
		" - ", " – ", " — ", ", ", " | ", " <", " / ", "\t", NULL
	};
	size_t i;

	x_squeeze(s);
	/* Leading numbering "12. " and a leftover checkbox. */
	p = s;
	while (isdigit((unsigned char)*p))
		p++;
	if (p > s && (*p == '.' || *p == ')') && p[1] == ' ')
		memmove(s, p + 2, strlen(p + 2) + 1);
	if (strncmp(s, "[ ] ", 4) == 0 || strncasecmp(s, "[x] ", 4) == 0)
		memmove(s, s + 4, strlen(s + 4) + 1);
	/* A handle in parentheses, closed or not: "Name (@handle)". */
	if ((at = strstr(s, "(@")) != NULL)
		h = take_handle(at + 1);
	else if ((at = strstr(s, "[@")) != NULL)
		h = take_handle(at + 1);
	if (*s == '@') {
		/* "@handle" or "@handle (Name)". */
		free(h);
		h = take_handle(s);
		p = strchr(s, '(');
		if (p != NULL && strchr(p, ')') != NULL && p[1] != '@') {
			char *q = xstrndup(p + 1, (size_t)(strchr(p, ')') - p - 1));

			free(s);
			s = q;
		} else {
			free(s);
			s = xstrdup(h != NULL ? h : "");
		}
	}
	/* Cut at the affiliation: "(Org)", " - Org", ", Org". */
	full = xstrdup(s);
	if ((p = strchr(s, '(')) != NULL)
		*p = '\0';
	if ((p = strchr(s, '[')) != NULL && p != s)
		*p = '\0';
	for (i = 0; cuts[i] != NULL; i++)
		if ((p = strstr(s, cuts[i])) != NULL)
			*p = '\0';
	/* "***" marks and stray emphasis. */
	while ((p = strstr(s, "***")) != NULL)
		memmove(p, p + 3, strlen(p + 3) + 1);
	trim_punct(s);
	if (*s == '@')
		memmove(s, s + 1, strlen(s));
	if (chair != NULL)
		*chair = strlen(full) > strlen(s) &&
		    says_chair(full + strlen(s));
	free(full);
	if (*s == '\0' || !has_letter(s) || in_list(conv_name_placeholders, s) ||
	    count_words(s) > 6 || strstr(s, ": ") != NULL) {
		free(s);
		free(h);
		if (handle != NULL)
			*handle = NULL;
		if (chair != NULL)
			*chair = 0;
		return NULL;
	}
	if (handle != NULL)
		*handle = h;
	else
		free(h);
	return s;
}

char *
people_affiliation(const char *entry)
{
	static const char *const cuts[] = {
		" - ", " – ", " — ", ", ", " | ", NULL
	};
	char *s = x_squeeze(xstrdup(entry)), *org = NULL, *p, *q, *best = NULL;
	size_t i, cl = 0;

	for (i = 0; cuts[i] != NULL; i++)
		if ((p = strstr(s, cuts[i])) != NULL &&
		    (best == NULL || p < best)) {
			best = p;
			cl = strlen(cuts[i]);
		}
	if (best != NULL)
		org = xstrdup(best + cl);
	else if ((p = strchr(s, '(')) != NULL && p[1] != '@' &&
	    (q = strchr(p, ')')) != NULL && memchr(p, '/', (size_t)(q - p)) ==
	    NULL)
		org = xstrndup(p + 1, (size_t)(q - p - 1));
	free(s);
	if (org == NULL)
		return NULL;
	/* "— Chair, Fernwerk GmbH": the role is not the organisation. */
	if (says_chair(org)) {
		p = strstr(org, ", ");
		q = p != NULL ? xstrdup(p + 2) : NULL;
		free(org);
		org = q;
		if (org == NULL || says_chair(org)) {
			free(org);
			return NULL;
		}
	}
	trim_punct(org);
	if (!has_letter(org) || in_list(conv_name_placeholders, org) ||
	    in_list(conv_not_orgs, org)) {
		free(org);
		return NULL;
	}
	return org;
}

/* Cleans one owner of a list: '@' and trailing "(…)" or '@' dropped. */
static void
add_owner(struct strlist *out, const char *s, size_t len)
{
	char *o = xstrndup(s, len), *p;
	size_t n;

	x_squeeze(o);
	if ((p = strchr(o, '(')) != NULL && p != o)
		*p = '\0';
	else if (p == o && (p = strchr(o, ')')) != NULL) {
		/* "(dawnchen@)" */
		memmove(o, o + 1, strlen(o));
		if ((p = strchr(o, ')')) != NULL)
			*p = '\0';
	}
	trim_punct(o);
	while (*o == '@')
		memmove(o, o + 1, strlen(o));
	n = strlen(o);
	while (n > 0 && o[n - 1] == '@')
		o[--n] = '\0';
	trim_punct(o);
	if (*o != '\0' && has_letter(o) && (out->n > 32 || !people_list_has(out, o)))
		strlist_add(out, o);
	free(o);
}

void
people_split_owners(const char *s, struct strlist *out)
{
	const char *p = s, *start = s;
	int depth = 0;

	for (; *p != '\0'; p++) {
		size_t skip = 0;

		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		if (depth > 0)
			continue;
		if (*p == ',' || *p == ';' || *p == '/' || *p == '+')
			skip = 1;
		else if (*p == ' ' && p[1] == '@' && p > s && p[-1] != ',')
			skip = 1;
		else if (*p == ' ' && (strncmp(p, " & ", 3) == 0))
			skip = 3;
		else if (*p == ' ' && strncasecmp(p, " and ", 5) == 0)
			skip = 5;
		if (skip == 0)
			continue;
		add_owner(out, start, (size_t)(p - start));
		p += skip - 1;
		start = p + 1;
	}
	add_owner(out, start, (size_t)(p - start));
}

/* --- index ------------------------------------------------------------ */

/* Files name under key; count says how many different names share it. */
static void
put(struct strmap *map, const char *key, size_t len, const char *name)
{
	char *k = str_fold(key, len);
	struct strmap_e *e = strmap_get(map, k, strlen(k), 1);

	if (e->val == NULL) {
		e->val = name;
		e->count = 1;
	} else if (strcasecmp(e->val, name) != 0)
		e->count++;
	free(k);
}

/* The name without its middle initials, or NULL when it has none. */
static char *
drop_initials(const char *name)
{
	struct buf b = {0};
	const char *w = name, *end;
	int dropped = 0, first = 1;

	while (*w != '\0') {
		end = strchr(w, ' ');
		if (end == NULL)
			end = w + strlen(w);
		if (!first && *end != '\0' && (end - w == 1 ||
		    (end - w == 2 && w[1] == '.')) &&
		    isupper((unsigned char)*w))
			dropped = 1;
		else {
			if (b.len > 0)
				buf_putc(&b, ' ');
			buf_put(&b, w, (size_t)(end - w));
		}
		first = 0;
		w = *end != '\0' ? end + 1 : end;
	}
	if (!dropped) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* "SC" and "eP" are how scribes write Sarven Capadisli, elf Pavlik. */
static void
index_initials(struct people *pp, const char *name)
{
	char ini[8];
	size_t n = 0;
	const char *p;

	for (p = name; *p != '\0'; p++)
		if ((p == name || p[-1] == ' ' || p[-1] == '-') &&
		    isalpha((unsigned char)*p)) {
			if (n + 1 >= sizeof(ini))
				return;
			ini[n++] = *p;
		}
	if (n < 2 || n > 4)
		return;
	put(&pp->initials, ini, n, name);
}

/* Records the full name and each run of its leading words, plus the
 * leading words followed by the next word's initial ("Felix K"). */
static void
index_name(struct people *pp, const char *name)
{
	const char *p;
	char *bare;
	size_t n;

	put(&pp->full, name, strlen(name), name);
	index_initials(pp, name);
	/* "Ana P." (or "Ana P"): a surname cut to its initial, which a full
	 * name given elsewhere ("Ana Pereira") resolves to. */
	n = strlen(name);
	if (n > 0 && name[n - 1] == '.')
		n--;
	if (n >= 3 && isupper((unsigned char)name[n - 1]) && name[n - 2] == ' ') {
		put(&pp->abbrev, name, n, name);
		if (n < strlen(name))
			put(&pp->full, name, n, name);
	}
	/* "MDawson" and "Mdawson" are how notes write Michael Dawson. */
	if ((p = strrchr(name, ' ')) != NULL && p > name &&
	    isalpha((unsigned char)name[0]) && strlen(p + 1) >= 3) {
		char *k = xasprintf("%c%s", name[0], p + 1);

		put(&pp->alias, k, strlen(k), name);
		free(k);
	}
	/* "David A. Wheeler" is also "David Wheeler". */
	if ((bare = drop_initials(name)) != NULL) {
		put(&pp->alias, bare, strlen(bare), name);
		free(bare);
	}
	for (p = name; *p != '\0'; p++) {
		if (*p != ' ' || p == name)
			continue;
		put(&pp->prefix, name, (size_t)(p - name), name);
		if (p[1] != '\0' && p[1] != ' ' && (unsigned char)p[1] < 0x80)
			put(&pp->prefix, name, (size_t)(p - name) + 2, name);
	}
}

static void
index_list(struct people *pp, const struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		index_name(pp, l->v[i]);
}

struct people *
people_new(const struct meeting *m)
{
	struct people *pp = xcalloc(1, sizeof(*pp));
	size_t i, j;

	pp->m = m;
	index_list(pp, &m->chairs);
	index_list(pp, &m->attendees);
	index_list(pp, &m->apologies);
	index_list(pp, &m->absent);
	index_list(pp, &m->staff);
	index_list(pp, &m->observers);
	index_list(pp, &m->scribes);
	for (i = 0; i < m->npeople; i++) {
		index_name(pp, m->people[i].name);
		for (j = 0; j < m->people[i].aliases.n; j++) {
			const char *a = m->people[i].aliases.v[j];

			while (*a == '@')
				a++;
			put(&pp->alias, a, strlen(a), m->people[i].name);
		}
	}
	return pp;
}

void
people_add_alias(struct people *pp, const char *alias, const char *name)
{
	strlist_add(&pp->owned, name);
	while (*alias == '@')
		alias++;
	put(&pp->alias, alias, strlen(alias), pp->owned.v[pp->owned.n - 1]);
}

void
people_free(struct people *pp)
{
	if (pp == NULL)
		return;
	strmap_free(&pp->full);
	strmap_free(&pp->alias);
	strmap_free(&pp->prefix);
	strmap_free(&pp->initials);
	strmap_free(&pp->abbrev);
	strlist_free(&pp->owned);
	free(pp);
}

static const struct strmap_e *
lookup(const struct strmap *map, const char *key)
{
	return strmap_get((struct strmap *)map, key, strlen(key), 0);
}

/* "ana pereira" as "ana p": the entry of an abbreviated name it may be,
 * or NULL.  k is folded. */
static const struct strmap_e *
abbreviated(const struct people *pp, const char *k)
{
	const char *last = strrchr(k, ' ');
	const struct strmap_e *e;
	char *a;

	if (last == NULL || last == k || !isalpha((unsigned char)last[1]) ||
	    strlen(last + 1) < 2)
		return NULL;
	a = xasprintf("%.*s %c", (int)(last - k), k, last[1]);
	e = lookup(&pp->abbrev, a);
	free(a);
	return e;
}

enum people_kind
people_resolve(const struct people *pp, const char *written, char **full)
{
	char *w = xstrdup(written), *k;
	const struct strmap_e *e;
	enum people_kind kind = MTG_WHO_UNKNOWN;
	size_t n;

	x_squeeze(w);
	while (*w == '@')
		memmove(w, w + 1, strlen(w));
	n = strlen(w);
	while (n > 0 && (w[n - 1] == '.' || w[n - 1] == '@'))
		w[--n] = '\0';
	k = str_fold(w, strlen(w));
	*full = NULL;
	if ((e = lookup(&pp->full, k)) != NULL) {
		kind = MTG_WHO_PERSON;
		*full = xstrdup(e->val);
	} else if ((e = lookup(&pp->alias, k)) != NULL)
		kind = e->count == 1 ? MTG_WHO_PERSON : MTG_WHO_AMBIGUOUS;
	else if ((e = lookup(&pp->prefix, k)) != NULL)
		kind = e->count == 1 ? MTG_WHO_PERSON : MTG_WHO_AMBIGUOUS;
	else if (strlen(k) >= 2 && strlen(k) <= 4 && strchr(k, ' ') == NULL &&
	    (e = lookup(&pp->initials, k)) != NULL && e->count == 1)
		kind = MTG_WHO_PERSON;
	else if ((e = abbreviated(pp, k)) != NULL)
		kind = e->count == 1 ? MTG_WHO_PERSON : MTG_WHO_AMBIGUOUS;
	else if (people_is_group(pp->m, w))
		kind = MTG_WHO_GROUP;
	if (*full == NULL)
		*full = xstrdup(kind == MTG_WHO_PERSON ? e->val : w);
	free(k);
	free(w);
	return kind;
}

/* Words that make an owner a group when any word of it is one of them. */
static const char *const group_words[] = {
	"all", "everyone", "everybody", "team", "teams", "group", "groups",
	"org", "organization", "organisation", "staff", "chairs", "co-chairs",
	"cochairs", "committee", "board", "council", "secretariat", "members",
	"editors", "maintainers", "browsers", "browser", "vendors",
	"implementers", "implementors", "herders", "clients", "reviewers",
	"authors", "owners", "leads", "liaisons", "wg", "sig", "tf", "tsc",
	"tac", "rt", "admins", "contributors", "folks", "leadership",
	"steering", "legal", "marketing", "infra", "working", "taskforce",
	"task", "force", "subgroup", "workstream", "volunteers", "rapporteurs",
	"panel", "foundation", "community", "project", "projects", "office",
	"chrome", "firefox", "safari", "edge", "mozilla", "apple", "google",
	"microsoft", "participants", "attendees", "people", NULL
};

/* "SSR2-RT", "TAC", "LF": capitals, digits and '-' only, two or more
 * capitals. */
static int
is_acronym(const char *s)
{
	int caps = 0;

	for (; *s != '\0'; s++) {
		if (isupper((unsigned char)*s))
			caps++;
		else if (!isdigit((unsigned char)*s) && *s != '-' && *s != '&')
			return 0;
	}
	return caps >= 2;
}

int
people_is_group(const struct meeting *m, const char *name)
{
	char *s = xstrdup(name), *w, *save = NULL;
	int group = 0;

	x_squeeze(s);
	if (m != NULL && m->group != NULL && strcasecmp(m->group, s) == 0)
		group = 1;
	else if (is_acronym(s))
		group = 1;
	for (w = strtok_r(s, " ", &save); w != NULL && !group;
	    w = strtok_r(NULL, " ", &save))
		if (in_list(group_words, w))
			group = 1;
	free(s);
	return group;
}

int
people_list_has(const struct strlist *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->v[i], name) == 0)
			return 1;
	return 0;
}
