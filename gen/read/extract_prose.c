/*
 * extract_prose.c -- actions and decisions written as dialogue and prose.
 *
 * Real notes seldom mark their actions: a speaker takes a task ("[patrick]
 * I will post the schedule", "eP: I can take it"), a status bullet names
 * who will do what ("Jun will send the summary", "Peter to add back the
 * SHA", "@kenji reach out to the vendor"), and a decision is an outcome
 * ("There was consensus that …", "which all agreed to", "Approved (6/6)"
 * closing the proposal above it).  prose_scan() reads the text of one
 * block sentence by sentence and takes only what is plainly a commitment
 * or an outcome: questions, hypotheticals ("if", "could", "would") and
 * reports in the past tense are left alone.  What it finds is "weak":
 * an explicit action or decision saying the same wins (prose_dedupe()).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conventions.h"
#include "extract_int.h"
#include "people.h"

/* The text of a block on one line, with where each source line starts. */
struct joined {
	char		*text;
	size_t		*start;		/* offset of line i in text */
	const struct xlines *ls;
	size_t		 from;		/* first line of ls used */
	size_t		 nlines;	/* lines used */
};

static void
join(const struct xlines *ls, size_t from, size_t to, struct joined *j)
{
	struct buf b = {0};
	size_t i;

	j->ls = ls;
	j->from = from;
	j->nlines = to - from;
	j->start = xmalloc((to - from + 1) * sizeof(*j->start));
	buf_put(&b, "", 0);
	for (i = from; i < to; i++) {
		if (b.len > 0)
			buf_putc(&b, ' ');
		j->start[i - from] = b.len;
		buf_puts(&b, ls->v[i].text);
	}
	buf_put(&b, "", 0);
	j->text = buf_detach(&b);
	j->start[to - from] = strlen(j->text);
}

static void
joined_free(struct joined *j)
{
	free(j->text);
	free(j->start);
}

/* The source position of offset off of the joined text. */
static void
joined_pos(const struct joined *j, size_t off, int *line, int *col)
{
	size_t i = 0, nlines = j->nlines;

	while (i + 1 < nlines && j->start[i + 1] <= off)
		i++;
	xline_pos(&j->ls->v[j->from + i], off - j->start[i], line, col);
}

/* --- words ------------------------------------------------------------ */

/* Whether the lower-case text s has the phrase w at a word start. */
static const char *
has_phrase(const char *s, const char *w)
{
	const char *p;
	size_t n = strlen(w);

	for (p = strstr(s, w); p != NULL; p = strstr(p + 1, w))
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return p;
	return NULL;
}

/*
 * Whether s has any phrase of list at a word start: one pass over the
 * places a phrase may start.  Only a place whose byte begins some phrase
 * is held against the list (a list has dozens of phrases; a strstr()
 * each cost more, and so did trying every phrase at every word).
 */
static int
has_any(const char *s, const char *const *list)
{
	const char *const *w;
	unsigned char first[256 / 8] = {0};
	unsigned char b;
	size_t i, n;

	for (w = list; *w != NULL; w++) {
		b = (unsigned char)(*w)[0];
		first[b / 8] |= (unsigned char)(1u << (b % 8));
	}
	for (i = 0; s[i] != '\0'; i++) {
		b = (unsigned char)s[i];
		if (!(first[b / 8] & (1u << (b % 8))) ||
		    (i > 0 && isalnum((unsigned char)s[i - 1])))
			continue;
		for (w = list; *w != NULL; w++) {
			if ((*w)[0] != s[i])
				continue;
			n = strlen(*w);
			if (strncmp(s + i, *w, n) == 0 &&
			    !isalnum((unsigned char)s[i + n]))
				return 1;
		}
	}
	return 0;
}

/* ASCII lower case, same length: offsets into it are offsets into s. */
static char *
fold_text(const char *s, size_t n)
{
	return x_lower(xstrndup(s, n));
}

/* Whether a clause speaks of what might be rather than what will be. */
static int
hypothetical(const char *low)
{
	return has_any(low, conv_hypothetical);
}

/* Verbs that show a report, not a commitment: "@lgierth made a tool". */
static int
base_verb(const char *w, size_t len)
{
	if (len < 2 || !islower((unsigned char)*w))
		return 0;
	if (len > 2 && strncmp(w + len - 2, "ed", 2) == 0)
		return 0;
	if (len > 2 && w[len - 1] == 's' && w[len - 2] != 's')
		return 0;
	if (len > 3 && strncmp(w + len - 3, "ing", 3) == 0)
		return 0;
	return !conv_word_in(conv_not_base_verb, w, len);
}

/* --- speakers ----------------------------------------------------------- */

/* Whether who names one person of the meeting, a speaker of its
 * dialogue, or (handle_ok) is a @handle. */
static int
person(const struct xctx *c, const char *who, int handle_ok)
{
	char *full;
	enum people_kind k;

	if (*who == '@' && handle_ok)
		return 1;
	if (people_list_has(&c->speakers, who[0] == '@' ? who + 1 : who))
		return 1;
	if (c->pp == NULL)
		return 0;
	k = people_resolve(c->pp, who, &full);
	free(full);
	return k == MTG_WHO_PERSON;
}

/* A "[name] " speaker tag of one word at the start of t, or NULL. */
static char *
speaker_tag(const char *t)
{
	const char *end;

	if (*t != '[' || (end = strchr(t, ']')) == NULL || end - t > 30 ||
	    end == t + 1 || end[1] != ' ')
		return NULL;
	if (memchr(t + 1, ' ', (size_t)(end - t - 1)) != NULL ||
	    memchr(t + 1, '/', (size_t)(end - t - 1)) != NULL)
		return NULL;
	return xstrndup(t[1] == '@' ? t + 2 : t + 1,
	    (size_t)(end - t - (t[1] == '@' ? 2 : 1)));
}

/*
 * The length of a "scott: " speaker label of one word at the start of t:
 * a letter, then letters, digits, '-', '_' or '.', two to 20 bytes, and
 * no word of the conventions ("Status:", "Note:", "Action:"); or 0.
 */
static size_t
colon_speaker(const char *t)
{
	char w[24];
	size_t n = 0;

	if (!isalpha((unsigned char)*t))
		return 0;
	while (n < 21 && (isalnum((unsigned char)t[n]) || t[n] == '-' ||
	    t[n] == '_' || t[n] == '.'))
		n++;
	if (n < 2 || n > 20 || t[n] != ':' || t[n + 1] != ' ')
		return 0;
	memcpy(w, t, n);
	w[n] = '\0';
	if (x_classify_label(w) != XK_NONE || conv_word_in(conv_not_tasks,
	    w, n) || conv_word_in(conv_all, w, n) || x_marker_line(t))
		return 0;
	return n;
}

/*
 * The names of the notes' dialogue: "[glazou] …" tags, and a one-word
 * "scott: …" label that opens two lines or more (at most SPEAKERS_MAX
 * of those: the list is searched in a line).  Dialogue names are people
 * of the meeting to person().
 */
#define SPEAKERS_MAX	64

void
prose_speakers(struct xctx *c)
{
	struct strmap seen = {0};
	const struct node *b, *n;
	size_t added = 0;

	for (b = c->first; b != NULL && b != c->stop; b = b->next)
		for (n = b; n != NULL; n = node_walk_next(b, n)) {
			struct xlines ls;
			struct strmap_e *e;
			char *who;
			size_t i, k;

			if (n->type != MTG_N_PARAGRAPH)
				continue;
			xlines_of(n, &ls);
			if (ls.n > 0 && (who = speaker_tag(ls.v[0].text)) != NULL) {
				if (!people_list_has(&c->speakers, who))
					strlist_add(&c->speakers, who);
				free(who);
			}
			for (i = 0; i < ls.n && added < SPEAKERS_MAX; i++) {
				if ((k = colon_speaker(ls.v[i].text)) == 0)
					continue;
				who = x_lower(xstrndup(ls.v[i].text, k));
				e = strmap_get(&seen, who, k, 1);
				if (++e->count == 2 &&
				    !people_list_has(&c->speakers, who)) {
					strlist_add(&c->speakers, who);
					added++;
				}
				free(who);
			}
			xlines_free(&ls);
		}
	strmap_free(&seen);
}

/*
 * A speaker at the start of a block: "[timothy] …", "[CRob] - …",
 * "eP: …", "Michael - …", "@dig: …".  Returns the length of the prefix
 * and sets *who, or returns 0.
 */
static size_t
speaker(const struct xctx *c, const char *t, char **who)
{
	const char *end;
	size_t n, skip;
	char *w;

	*who = NULL;
	if (*t == '[') {
		if ((end = strchr(t, ']')) == NULL || end - t > 40 ||
		    end == t + 1 || end[1] != ' ')
			return 0;
		w = xstrndup(t + 1, (size_t)(end - t - 1));
		skip = (size_t)(end - t) + 2;
		/* "[CRob] - will review", as exported documents write it. */
		if (strncmp(t + skip, "- ", 2) == 0)
			skip += 2;
		else if (strncmp(t + skip, "– ", 4) == 0 ||
		    strncmp(t + skip, "— ", 4) == 0)
			skip += 4;
	} else {
		const char *colon = strchr(t, ':'), *dash = strstr(t, " - ");

		if (colon != NULL && colon - t <= 30 && colon[1] == ' ')
			end = colon, skip = (size_t)(colon - t) + 2;
		else if (dash != NULL && dash - t <= 30)
			end = dash, skip = (size_t)(dash - t) + 3;
		else
			return 0;
		w = xstrndup(t, (size_t)(end - t));
	}
	x_squeeze(w);
	n = strlen(w);
	{
		struct strlist tmp = {0};
		/* "All: +1", "Everyone: no objections" speak as one. */
		int ok = n > 0 && strpbrk(w, "/,&()") == NULL &&
		    ((owner_list_ok(w, n, 1, &tmp) && tmp.n == 1 &&
		    person(c, w, 1)) || conv_word_in(conv_all, w, n));

		strlist_free(&tmp);
		if (!ok) {
			free(w);
			return 0;
		}
	}
	*who = w;
	return skip;
}

char *
prose_voice(const struct xctx *c, const char *t)
{
	struct strlist tmp = {0};
	char *w;
	size_t n = strlen(t);
	int ok;

	if (n < 3 || n > 40 || t[n - 1] != ':')
		return NULL;
	w = xstrndup(t, n - 1);
	x_squeeze(w);
	n = strlen(w);
	/* "(AJ)" */
	if (n > 2 && w[0] == '(' && w[n - 1] == ')') {
		memmove(w, w + 1, n - 2);
		w[n - 2] = '\0';
		n -= 2;
	}
	ok = n > 0 && strpbrk(w, "/,&()") == NULL &&
	    owner_list_ok(w, n, 1, &tmp) && tmp.n == 1 && person(c, w, 1);
	strlist_free(&tmp);
	if (!ok) {
		free(w);
		return NULL;
	}
	return w;
}

/* --- sentences ------------------------------------------------------------ */

/* Whether the '.' at t[i] ends a sentence (not "e.g." nor "Ana P."). */
static int
full_stop(const char *t, size_t i)
{
	size_t k = i;

	if (t[i + 1] != ' ' && t[i + 1] != '\0')
		return 0;
	while (k > 0 && isalpha((unsigned char)t[k - 1]))
		k--;
	if (i - k == 1 && isupper((unsigned char)t[k]))
		return 0;	/* an initial */
	if (i - k <= 3 && k > 0 && t[k - 1] == '.')
		return 0;	/* "e.g." */
	return !conv_word_in(conv_abbrev, t + k, i - k);
}

/* The end of the sentence starting at s: after its '.', '!', '?' or ';'. */
static size_t
sentence_end(const char *t, size_t s)
{
	size_t i;

	for (i = s; t[i] != '\0'; i++)
		if ((t[i] == '!' || t[i] == '?' || t[i] == ';') &&
		    (t[i + 1] == ' ' || t[i + 1] == '\0'))
			return i + 1;
		else if (t[i] == '.' && full_stop(t, i))
			return i + 1;
	return i;
}

/* Whether a sentence is a question: its last mark, past closing quotes,
 * brackets and emphasis, is '?' ("Will projects be able to say “here's
 * our plan?”"). */
static int
asks(const char *s)
{
	size_t n = strlen(s);

	for (;;) {
		while (n > 0 && strchr(" \"')]*_", s[n - 1]) != NULL)
			n--;
		if (n >= 3 && (strncmp(s + n - 3, "”", 3) == 0 ||
		    strncmp(s + n - 3, "’", 3) == 0))
			n -= 3;
		else
			break;
	}
	return n > 0 && s[n - 1] == '?';
}

/* --- commitments ------------------------------------------------------- */

/* "I will" and its spellings: the speaker takes a task. */
static size_t
self_commitment(const char *low)
{
	size_t i, n;

	for (i = 0; conv_self_commit[i] != NULL; i++) {
		n = strlen(conv_self_commit[i]);
		if (strncmp(low, conv_self_commit[i], n) == 0)
			return n;
	}
	return 0;
}

/* "David Morin": two or three capitalised words, no group. */
static int
full_name(const char *s)
{
	const char *p;
	size_t words = 1;

	for (p = s; *p != '\0'; p++)
		if (*p == ' ') {
			words++;
			if (!isupper((unsigned char)p[1]) &&
			    (unsigned char)p[1] < 0xc3)
				return 0;
		}
	return words >= 2 && words <= 3 && (isupper((unsigned char)*s) ||
	    (unsigned char)*s >= 0xc3) && !people_is_group(NULL, s);
}

static int subject_owners(const struct xctx *, const char *, size_t,
    struct strlist *);

/*
 * "Name will verb", "Name to verb", "A and B agreed to verb": returns the
 * offset of the verb and fills owners, or 0.  All owners must be people
 * of the meeting or @handles (one unknown capitalised name may join known
 * ones: "Wes and Ulises will").
 */
static size_t
named_commitment(const struct xctx *c, const char *s, const char *low,
    struct strlist *owners)
{
	size_t best = 0, blen = 0, i;
	const char *p;

	for (i = 0; conv_commit_verbs[i] != NULL; i++) {
		p = strstr(low, conv_commit_verbs[i]);
		if (p == NULL || p == low || p - low > 60)
			continue;
		if (best == 0 || (size_t)(p - low) < best) {
			best = (size_t)(p - low);
			blen = strlen(conv_commit_verbs[i]);
		}
	}
	if (best == 0)
		return 0;
	p = s + best + blen;
	i = strcspn(p, " ,.;:");
	if (!islower((unsigned char)*p) || conv_word_in(conv_not_verb, p, i))
		return 0;
	return subject_owners(c, s, best, owners) ? best + blen : 0;
}

/*
 * Whether s[0..len) names the people of a commitment, all of them people
 * of the meeting or @handles (one unknown capitalised name may join known
 * ones: "Wes and Ulises will"); then adds them to owners.
 */
static int
subject_owners(const struct xctx *c, const char *s, size_t len,
    struct strlist *owners)
{
	struct strlist tmp = {0};
	size_t i, known_n = 0;
	int ok;

	ok = owner_list_ok(s, len, 0, &tmp);
	if (!ok) {
		/* "glazou will file an issue": a lower-case name the notes
		 * use as a speaker, or a @handle. */
		strlist_free(&tmp);
		ok = owner_list_ok(s, len, 1, &tmp) && tmp.n == 1 &&
		    (*s == '@' || person(c, tmp.v[0], 0));
	}
	for (i = 0; ok && i < tmp.n; i++) {
		if (person(c, tmp.v[i], 0) || s[0] == '@' ||
		    full_name(tmp.v[i]))
			known_n++;
		else if (people_is_group(NULL, tmp.v[i]))
			ok = 0;
	}
	if (!ok || known_n == 0 || known_n + 1 < tmp.n) {
		strlist_free(&tmp);
		return 0;
	}
	for (i = 0; i < tmp.n; i++)
		strlist_add_unique(owners, tmp.v[i]);
	strlist_free(&tmp);
	return 1;
}

/*
 * "Adrian is taking this forward to establish meetings": a task taken
 * in the present progressive, with a phrase of conv_progressive_commit
 * (pairs: the phrase, its base form).  Returns the action's text in the
 * base form ("Take this forward to establish meetings"; caller frees)
 * and fills owners, or NULL.  "Ana is taking notes" takes nothing.
 */
static char *
progressive_commitment(const struct xctx *c, const char *s, const char *low,
    struct strlist *owners)
{
	static const char *const be[] = { " is ", " are ", NULL };
	const char *p;
	size_t i, k, n;

	for (i = 0; be[i] != NULL; i++) {
		if ((p = strstr(low, be[i])) == NULL || p == low || p - low > 60)
			continue;
		for (k = 0; conv_progressive_commit[k] != NULL; k += 2) {
			n = strlen(conv_progressive_commit[k]);
			if (strncmp(p + strlen(be[i]), conv_progressive_commit[k],
			    n) != 0 || isalnum((unsigned char)p[strlen(be[i]) +
			    n]))
				continue;
			if (!subject_owners(c, s, (size_t)(p - low), owners))
				return NULL;
			p = s + (p - low) + strlen(be[i]) + n;
			return xasprintf("%s%.*s", conv_progressive_commit[k + 1],
			    (int)sentence_end(p, 0), p);
		}
	}
	return NULL;
}

/* Whether the lower-case text states a condition: "if" (not the "if" of
 * "see if"), "unless", "whether". */
static int
condition(const char *low)
{
	const char *p;
	size_t i, n;

	if (has_phrase(low, "unless") != NULL ||
	    has_phrase(low, "whether") != NULL)
		return 1;
	for (p = has_phrase(low, "if"); p != NULL;
	    p = has_phrase(p + 2, "if")) {
		for (i = 0; conv_indirect_if[i] != NULL; i++) {
			n = strlen(conv_indirect_if[i]) - 2;
			if ((size_t)(p - low) >= n &&
			    strncmp(p - n, conv_indirect_if[i], n) == 0)
				break;
		}
		if (conv_indirect_if[i] == NULL)
			return 1;
	}
	return 0;
}

/*
 * The subject of a sentence: people of the meeting, @handles or full
 * names, or a single name before a verb of reporting ("John indicated"),
 * then a word in lower case.  Returns the length of the subject and
 * fills owners, or returns 0; *reported says the verb reports speech.
 */
static size_t
sentence_subject(const struct xctx *c, const char *s, struct strlist *owners,
    int *reported)
{
	const char *p;
	size_t e, i, vl;

	for (p = strchr(s, ' '); p != NULL && p - s <= 80;
	    p = strchr(p + 1, ' ')) {
		struct strlist tmp = {0};
		int ok, rep;

		e = (size_t)(p - s);
		if (!islower((unsigned char)p[1]))
			continue;
		vl = strcspn(p + 1, " ,.;:");
		if ((vl == 3 && strncmp(p + 1, "and", 3) == 0) ||
		    (vl == 6 && strncmp(p + 1, "and/or", 6) == 0))
			continue;	/* "A, B and C" goes on */
		rep = conv_word_in(conv_report_verbs, p + 1, vl);
		ok = owner_list_ok(s, e, 0, &tmp);
		for (i = 0; ok && i < tmp.n; i++)
			ok = !people_is_group(NULL, tmp.v[i]) &&
			    (person(c, tmp.v[i], 1) || *s == '@' ||
			    full_name(tmp.v[i]) || (rep && tmp.n == 1));
		if (ok)
			for (i = 0; i < tmp.n; i++)
				strlist_add_unique(owners, tmp.v[i]);
		strlist_free(&tmp);
		if (ok) {
			*reported = rep;
			return e;
		}
		return 0;	/* the first lower-case word ends the subject */
	}
	return 0;
}

/*
 * A commitment joined to the subject of its sentence: "Tobie has comments
 * and will swing back", "John indicated …, and agreed to share examples",
 * "A, B and C mentioned that they would find some time".  Returns the
 * offset of the verb and fills owners, or returns 0.  Conditions and
 * hypotheticals count from the commitment on (the sentence's own "if" is
 * a condition only at its start).
 */
static size_t
joined_commitment(const struct xctx *c, const char *s, const char *low,
    struct strlist *owners)
{
	struct strlist who = {0};
	const char *p, *best = NULL;
	size_t subj, i, v = 0, vl;
	int reported = 0;

	if (strncmp(low, "if ", 3) == 0 || strncmp(low, "unless ", 7) == 0 ||
	    (subj = sentence_subject(c, s, &who, &reported)) == 0)
		goto out;
	for (i = 0; conv_joined_commit[i] != NULL; i++) {
		/* "that they would": speech reported only. */
		if (!reported && strstr(conv_joined_commit[i], " that ") != NULL)
			continue;
		p = strstr(low + subj, conv_joined_commit[i]);
		if (p != NULL && (best == NULL || p < best)) {
			best = p;
			v = (size_t)(p - low) + strlen(conv_joined_commit[i]);
		}
	}
	if (best == NULL || condition(best) || hypothetical(low + v))
		goto out;
	/* After "will" the verb is bare ("swing"): only no "be", "have". */
	vl = strcspn(s + v, " ,.;:");
	if (!islower((unsigned char)s[v]) ||
	    conv_word_in(conv_not_verb, s + v, vl)) {
		v = 0;
		goto out;
	}
	for (i = 0; i < who.n; i++)
		strlist_add_unique(owners, who.v[i]);
	strlist_free(&who);
	return v;
out:
	strlist_free(&who);
	return 0;
}

/*
 * A request to people by name or to a group: "All TAC members, please
 * vote on the form", "Sam, please send the slides".  Returns the offset
 * of the verb and fills owners (the group as written), or returns 0.
 */
static size_t
addressed_request(const struct xctx *c, const char *s, const char *low,
    struct strlist *owners)
{
	const char *p = strstr(low, ", please ");
	size_t n, v, vl, words = 1, i;
	char *who;
	int ok;

	if (p == NULL || (n = (size_t)(p - low)) == 0 || n > 40 ||
	    !isupper((unsigned char)*s))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
		else if (!isalnum((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != '@')
			return 0;
	v = n + 9;
	vl = strcspn(s + v, " ,.;:");
	if (words > 4 || !islower((unsigned char)s[v]) ||
	    conv_word_in(conv_not_verb, s + v, vl) ||
	    conv_word_in(conv_not_request_verb, s + v, vl) ||
	    condition(low) || hypothetical(low))
		return 0;
	who = xstrndup(s, n);
	ok = people_is_group(c->m, who) || person(c, who, 1);
	if (ok)
		strlist_add_unique(owners, who);
	free(who);
	return ok ? v : 0;
}

/*
 * "Let's have TAC votes on the PR." and below it "All TAC members,
 * please vote on the form": the group is asked to do what was proposed;
 * the proposal is decided.  prev is the item before the request (its
 * line c->context_line), verb the verb asked for.
 */
static void
proposal_acted_on(struct xctx *c, const char *prev, const char *verb)
{
	static const char *const lets[] = { "let's ", "let’s ", "let us ",
	    NULL };
	char *low, *w;
	const char *p = NULL;
	size_t i, vl = strcspn(verb, " ,.;:"), e;

	if (prev == NULL || prev != c->context || c->context_line == 0 ||
	    vl < 3)
		return;
	low = fold_text(prev, strlen(prev));
	for (i = 0; lets[i] != NULL && p == NULL; i++)
		for (p = strstr(low, lets[i]); p != NULL && p > low &&
		    isalnum((unsigned char)p[-1]); p = strstr(p + 1, lets[i]))
			;
	if (p == NULL) {
		free(low);
		return;
	}
	e = sentence_end(low, (size_t)(p - low));
	w = fold_text(verb, vl);
	for (i = (size_t)(p - low); i + vl <= e; i++)
		if ((i == 0 || !isalnum((unsigned char)low[i - 1])) &&
		    strncmp(low + i, w, vl) == 0 &&
		    (!isalnum((unsigned char)low[i + vl]) ||
		    (low[i + vl] == 's' && !isalnum((unsigned char)
		    low[i + vl + 1])))) {
			char *d = xstrndup(prev + (p - low), e - (size_t)(p - low));

			decision_commit_weak(c, d, c->context_line);
			free(d);
			break;
		}
	free(w);
	free(low);
}

/* Whether the task t, said in prose, is only talk: "will discuss this
 * offline" ("talk to the board", "discuss it with Jilayne" are tasks). */
static int
talk_only(const char *t)
{
	size_t vl = strcspn(t, " ,.;");

	return conv_word_in(conv_talk_verbs, t, vl) &&
	    strstr(t, " with ") == NULL && strncmp(t + vl, " to ", 4) != 0;
}

/* Whether a verb with what follows it has an object: "post the notes",
 * not "drift away as things settle". */
static int
verb_with_object(const char *v)
{
	static const char *const det[] = { "the ", "a ", "an ", "our ",
	    "their ", "his ", "her ", "its ", "this ", "that ", "these ",
	    "those ", "my ", "your ", "some ", NULL };
	size_t vl = strcspn(v, " ,.;:"), i;

	if (!base_verb(v, vl) || conv_word_in(conv_not_verb, v, vl) ||
	    v[vl] != ' ')
		return 0;
	for (i = 0; det[i] != NULL; i++)
		if (str_has_prefix_ci(v + vl + 1, det[i]))
			return 1;
	return 0;
}

/*
 * Whether the task t, said in prose, is only being at a meeting: "listen
 * in the background", "attend the board meeting", "sit in on the next
 * calls".  "Listen to the recording" and "attend to the backlog" are
 * tasks, and so is a second verb with its object ("tune in to the call
 * and post the notes").
 */
static int
attending_only(const char *t)
{
	const char *p;
	size_t i, n = 0;

	for (i = 0; conv_attend_verbs[i] != NULL; i++) {
		n = strlen(conv_attend_verbs[i]);
		if (str_has_prefix_ci(t, conv_attend_verbs[i]) &&
		    !isalnum((unsigned char)t[n]))
			break;
	}
	if (conv_attend_verbs[i] == NULL ||
	    (strchr(conv_attend_verbs[i], ' ') == NULL &&
	    strncasecmp(t + n, " to ", 4) == 0))
		return 0;
	for (p = strstr(t, " and "); p != NULL; p = strstr(p + 1, " and "))
		if (verb_with_object(p + 5))
			return 0;
	return 1;
}

/* Whether the task t, said in prose, is only a turn at an event with
 * nothing said of what: "will present", "will speak" ("present the
 * survey results" is a task). */
static int
bare_turn(const char *t)
{
	return conv_word_in(conv_turn_verbs, t, strlen(t));
}

/* Commits a weak action with text t[0..n), owners and position. */
static void
weak_action(struct xctx *c, const char *t, size_t n, struct strlist *owners,
    int line, int col)
{
	struct pend p;
	size_t k;

	static const char *const the_task[] = { "on the action item of ",
	    "the action item of ", "on the action of ", "the action of ", NULL };
	size_t i;

	/* "can take on the action item of talking to Node" */
	for (i = 0; the_task[i] != NULL; i++)
		if (n > strlen(the_task[i]) && strncasecmp(t, the_task[i],
		    strlen(the_task[i])) == 0) {
			t += strlen(the_task[i]);
			n -= strlen(the_task[i]);
			break;
		}
	memset(&p, 0, sizeof(p));
	p.text = xstrndup(t, n);
	trim_tail(p.text);
	k = strlen(p.text);
	while (k > 0 && (p.text[k - 1] == '.' || p.text[k - 1] == '!'))
		p.text[--k] = '\0';
	if (k < 3 || attending_only(p.text) || bare_turn(p.text)) {
		pend_free(&p);
		return;
	}
	p.owners = *owners;
	memset(owners, 0, sizeof(*owners));
	p.line = line;
	p.col = col;
	p.weak = XW_PROSE;
	action_parse_text(c->pp, &p);
	action_commit(c, &p);
	pend_free(&p);
}

/* --- decisions ------------------------------------------------------------ */

/* "Myles: Lets land these at stage 0": "lets" for "let's" only where a
 * proposal starts, not the verb of "the docs lets you". */
static int
lets_first(const char *low)
{
	const char *colon = strstr(low, ": ");

	return strncmp(low, "lets ", 5) == 0 || (colon != NULL &&
	    colon - low <= 30 && strncmp(colon + 2, "lets ", 5) == 0);
}

/*
 * Whether a clause after a comma opens with a phrase of conv_decided,
 * with no subject of its own: "…, decided not to do it, staying with
 * 2.0.x" reports the group's choice ("Ana decided to step down" is hers,
 * "haven't decided to" none).
 */
static int
decided_clause(const char *low)
{
	const char *p;
	size_t i;

	for (p = strstr(low, ", "); p != NULL; p = strstr(p + 2, ", "))
		for (i = 0; conv_decided[i] != NULL; i++)
			if (strncmp(p + 2, conv_decided[i],
			    strlen(conv_decided[i])) == 0)
				return 1;
	return 0;
}

/*
 * Whether a sentence is an outcome: 2 when it states one ("There was
 * consensus that …"), 1 when it only records assent and the decision is
 * the proposal before it ("Approved (6/6)", "(No objections.)",
 * "General agreement from all teams"), 0 otherwise.
 */
static int
outcome(const char *low, const char *prev_low)
{
	char *bare;
	size_t i;
	int k = 0;

	if (has_any(low, conv_not_outcome) || strchr(low, '?') != NULL ||
	    has_phrase(low, "if") != NULL)
		return 0;
	/* "could have every enum coercible, but we decided against it": an
	 * alternative recalled, no outcome of the meeting. */
	if (conv_word_in(conv_hypothetical, low, strcspn(low, " ,")))
		return 0;
	bare = x_drop_parens(xstrdup(low));
	x_strip_label(bare);
	while (*bare != '\0' && !isalnum((unsigned char)bare[strlen(bare) - 1]) &&
	    bare[strlen(bare) - 1] != '+')
		bare[strlen(bare) - 1] = '\0';
	for (i = 0; conv_assent[i] != NULL && k == 0; i++)
		if (strcmp(bare, conv_assent[i]) == 0 ||
		    (str_has_prefix_ci(bare, conv_assent[i]) &&
		    bare[strlen(conv_assent[i])] == ' ' &&
		    conv_word_in(conv_assent_by, bare + strlen(conv_assent[i]) +
		    1, strcspn(bare + strlen(conv_assent[i]) + 1, " "))))
			k = 1;
	if (k == 0 && *bare == '\0' && has_phrase(low, "no objections"))
		k = 1;
	/* "All: No objections to merging this in as Stage 1." */
	if (k == 0 && (strncmp(bare, "no objections to ", 17) == 0 ||
	    strncmp(bare, "no objection to ", 16) == 0))
		k = 2;
	/* "+1", "Sounds good": assent only to a proposal. */
	for (i = 0; conv_assent_to_proposal[i] != NULL && k == 0; i++)
		if (strcmp(bare, conv_assent_to_proposal[i]) == 0 &&
		    prev_low != NULL && (has_any(prev_low, conv_proposal) ||
		    lets_first(prev_low)))
			k = 1;
	free(bare);
	if (k == 0 && (has_any(low, conv_outcome) ||
	    strncmp(low, "agreed to ", 10) == 0 ||
	    strncmp(low, "agreed that ", 12) == 0 || decided_clause(low)))
		k = 2;
	return k;
}

/*
 * A question the group put to itself ("…, should we keep using this
 * process?", "Do we turn it into a PR?") and the answer below it
 * ("Generally, yes.", "… we will turn this into a PR"): returns the
 * decision (caller frees), or NULL.  The question opens its clause; its
 * verb must decide something ("Do we have a date?" only asks).
 */
static char *
answered(const char *ans, const char *prev)
{
	char *q, *a, *out = NULL, *we;
	const char *p = NULL, *end;
	size_t i, n, vl = 0, al;

	if (prev == NULL)
		return NULL;
	q = fold_text(prev, strlen(prev));
	/* "All: yes, ok to close.", "Mdawson & Myles: sounds like a good
	 * idea": whoever answers. */
	if ((p = strstr(ans, ": ")) != NULL && p - ans <= 30 &&
	    memchr(ans, '.', (size_t)(p - ans)) == NULL)
		ans = p + 2;
	p = NULL;
	a = fold_text(ans, strlen(ans));
	for (i = 0; conv_group_question[i] != NULL && p == NULL; i++)
		for (p = strstr(q, conv_group_question[i]); p != NULL;
		    p = strstr(p + 1, conv_group_question[i]))
			if (p == q || (p - q >= 2 && strchr(",-—:?",
			    p[-2]) != NULL && p[-1] == ' ') || (p - q >= 3 &&
			    strncmp(p - 3, "— ", 3) == 0)) {
				p += strlen(conv_group_question[i]);
				break;
			}
	if (p == NULL || (end = strchr(p, '?')) == NULL)
		goto out;
	/* "Do we have consensus to close #37?" asks to close it. */
	for (i = 0; conv_consensus_to[i] != NULL; i++)
		if (strncmp(p, conv_consensus_to[i],
		    strlen(conv_consensus_to[i])) == 0) {
			p += strlen(conv_consensus_to[i]);
			break;
		}
	vl = strcspn(p, " ?,");
	if (vl < 2 || conv_word_in(conv_not_decided_verb, p, vl) ||
	    conv_word_in(conv_not_verb, p, vl))
		goto out;
	/* "Generally, yes.": the question is the decision. */
	al = strcspn(a, ".!;");
	for (i = 0; conv_yes[i] != NULL; i++) {
		n = strlen(conv_yes[i]);
		if (strncmp(a, conv_yes[i], n) == 0 && (al == n ||
		    a[n] == ',' || a[n] == '.' || a[n] == '!' ||
		    a[n] == '\0'))
			break;
	}
	if (conv_yes[i] != NULL) {
		out = xstrndup(prev + (p - q), (size_t)(end - p));
		if (islower((unsigned char)*out))
			*out = (char)toupper((unsigned char)*out);
		goto out;
	}
	/* "… we will turn this into a PR": the answer, with the verb. */
	for (we = strstr(a, "we will "); we != NULL; we = strstr(we + 1,
	    "we will "))
		if (strncmp(we + 8, p, vl) == 0 && !isalpha((unsigned char)
		    we[8 + vl])) {
			out = xstrndup(ans, sentence_end(ans, 0));
			break;
		}
out:
	free(q);
	free(a);
	return out;
}

/* Whether who, a speaker, chairs the meeting (chair, moderator, host). */
static int
chair_speaks(const struct xctx *c, const char *who)
{
	char *full = NULL;
	int yes;

	if (c->pp == NULL || c->m->chairs.n == 0)
		return 0;
	yes = people_resolve(c->pp, who, &full) == MTG_WHO_PERSON &&
	    people_list_has(&c->m->chairs, full);
	free(full);
	return yes;
}

/*
 * "Tim: so let's keep the 19th.": the chair's "let's" with a verb that
 * settles something ends the discussion with a decision; returns the
 * offset of that verb in the folded sentence, or 0.  "Let's move on",
 * "let's discuss it offline", "let's keep going" settle nothing.
 */
static size_t
chair_lets(const char *low)
{
	static const char *const lets[] = { "let's ", "let’s ", "lets ",
	    "let us ", NULL };
	size_t i, v = 0, vl, nl;

	for (i = 0; lets[i] != NULL; i++)
		if (strncmp(low, lets[i], strlen(lets[i])) == 0) {
			v = strlen(lets[i]);
			break;
		}
	if (v == 0 || asks(low) || hypothetical(low))
		return 0;
	vl = strcspn(low + v, " ,.;:!");
	if (vl < 2 || conv_word_in(conv_lets_not_decided, low + v, vl) ||
	    strncmp(low + v, "make sure", 9) == 0 ||
	    conv_word_in(conv_not_verb, low + v, vl))
		return 0;
	/* "let's keep going", "let's keep discussing" */
	nl = low[v + vl] == ' ' ? strcspn(low + v + vl + 1, " ,.;:!") : 0;
	if (nl > 3 && strncmp(low + v + vl + 1 + nl - 3, "ing", 3) == 0)
		return 0;
	return v;
}

/*
 * Whether the first or the last sentence of the folded text prev
 * proposes something a reply can agree to ("Let's keep the 19th.", "We
 * can schedule another session. It'd be better than nothing.", "Shall we
 * close #12?"): "Martin: Agreed." closes that, not a speech whose
 * proposal, if any, lies in its middle.
 */
static int
proposes(const char *prev_low)
{
	size_t s = 0, e, first = 0, last = 0;
	int n = 0;

	for (s = 0; prev_low[s] != '\0'; s = e) {
		while (prev_low[s] == ' ')
			s++;
		if (prev_low[s] == '\0')
			break;
		e = sentence_end(prev_low, s);
		if (n++ == 0)
			first = e;
		last = s;
	}
	if (n == 0)
		return 0;
	{
		char *one = xstrndup(prev_low, first);
		int yes = has_any(one, conv_proposal) ||
		    has_any(one, conv_group_question) || lets_first(one);

		free(one);
		if (yes)
			return 1;
	}
	return has_any(prev_low + last, conv_proposal) ||
	    has_any(prev_low + last, conv_group_question) ||
	    lets_first(prev_low + last);
}

/*
 * "Any objections to a merge now? No? Okay.", "Any objections to moving
 * the call to Thursdays? Hearing none.": a call for objections that its
 * speaker closes at once, none heard (a word of conv_unheard, then only words of
 * conv_unheard_after), decides what was put.  Returns the
 * decision's text ("Merge now (no objection)"; caller frees) or NULL.
 * A call with no object, or closed with more ("Okay, let's wait"), is
 * none.
 */
static char *
unheard_objection(const char *t)
{
	static const char *const call[] = { "any objections to ",
	    "any objection to ", NULL };
	static const char *const det[] = { "a ", "an ", "the ", NULL };
	const char *obj, *p;
	size_t e, i, n, words = 0;
	char *d;

	for (i = 0; call[i] != NULL; i++)
		if (str_has_prefix_ci(t, call[i]))
			break;
	if (call[i] == NULL)
		return NULL;
	obj = t + strlen(call[i]);
	e = sentence_end(t, 0);
	if (e == 0 || t[e - 1] != '?' || t + e <= obj + 1)
		return NULL;
	for (p = t + e; *p != '\0'; p += n) {
		p += strspn(p, " .,!?");
		if ((n = strcspn(p, " .,!?")) == 0)
			break;
		if (!conv_word_in(words++ == 0 ? conv_unheard :
		    conv_unheard_after, p, n))
			return NULL;
	}
	if (words == 0)
		return NULL;
	for (i = 0; det[i] != NULL; i++)
		if (str_has_prefix_ci(obj, det[i])) {
			obj += strlen(det[i]);
			break;
		}
	n = (size_t)(t + e - 1 - obj);
	if (n == 0)
		return NULL;
	d = xasprintf("%c%.*s (no objection)", toupper((unsigned char)*obj),
	    (int)n - 1, obj + 1);
	return d;
}

/*
 * "Next step is to fill out the WG template …", "the next steps are to
 * move the tutorials …": the group's next step, stated; returns the
 * offset of its verb in the lower-case sentence low, or 0.  A verb must
 * follow ("is to be decided" states none).
 */
static size_t
next_step_is(const char *low)
{
	size_t i, n, vl;

	for (i = 0; conv_next_step_is[i] != NULL; i++) {
		n = strlen(conv_next_step_is[i]);
		if (strncmp(low, conv_next_step_is[i], n) != 0)
			continue;
		vl = strcspn(low + n, " ,.;:");
		if (!islower((unsigned char)low[n]) ||
		    !base_verb(low + n, vl) ||
		    conv_word_in(conv_not_verb, low + n, vl))
			return 0;
		return n;
	}
	return 0;
}

/* --- the block -------------------------------------------------------------- */

/* Whether a sentence trails off ("I can take action to..."). */
static int
truncated(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return (n >= 3 && strncmp(s + n - 3, "...", 3) == 0) ||
	    (n >= 3 && strncmp(s + n - 3, "…", 3) == 0);
}

/* Clause starts inside a sentence: after ", ", " - ", ": ", " that ". */
static size_t
next_clause(const char *t, size_t i, size_t end)
{
	static const char *const seps[] = {
		", ", " - ", " – ", " — ", ": ", " that ", NULL
	};
	size_t best = end, k;
	const char *p;

	for (k = 0; seps[k] != NULL; k++) {
		p = strstr(t + i, seps[k]);
		if (p != NULL && (size_t)(p - t) < best)
			best = (size_t)(p - t) + strlen(seps[k]);
	}
	return best;
}

/* Whether a bare "will" at t[i] follows "that": the "will" of a
 * relative clause ("a proposal that will make things better") or of
 * "that" itself ("I think that will break"), no speaker's task. */
static int
that_will(const char *t, size_t i)
{
	return i >= 6 && strncmp(t + i - 6, " that ", 6) == 0 &&
	    strncasecmp(t + i, "will ", 5) == 0;
}

/* Whether a bare "Will add a changelog" may start at t[i]: at the start
 * of a sentence or after a dash, not after "that" ("a platform that
 * will convert …") or a comma. */
static int
bare_will_start(const char *t, size_t i)
{
	return i == 0 || (i >= 3 && strncmp(t + i - 3, " - ", 3) == 0) ||
	    (i >= 5 && (strncmp(t + i - 5, " – ", 5) == 0 ||
	    strncmp(t + i - 5, " — ", 5) == 0));
}

/* The bytes of a bullet written as text at t ("- ", "– ", "• "): the
 * points of a table cell joined by <br>, of which a decision is the
 * point.  (Commitments keep their reading: "- Will move the branch" in a
 * team's update is its status.) */
static size_t
text_bullet(const char *t)
{
	if (t[0] == '-' && t[1] == ' ')
		return 2;
	if (strncmp(t, "– ", 4) == 0 || strncmp(t, "• ", 4) == 0)
		return 4;
	return 0;
}

static size_t
skip_fillers(const char *t, size_t i)
{
	size_t k;

	for (;;) {
		while (t[i] == ' ' || t[i] == '*' || t[i] == '_' || t[i] == '"' ||
		    strncmp(t + i, "“", 3) == 0)
			i += t[i] == ' ' || t[i] == '*' || t[i] == '_' ||
			    t[i] == '"' ? 1 : 3;
		for (k = 0; conv_fillers[k] != NULL; k++)
			if (str_has_prefix_ci(t + i, conv_fillers[k]))
				break;
		if (conv_fillers[k] == NULL)
			return i;
		i += strlen(conv_fillers[k]);
	}
}

/*
 * "Sam: will do" answering "Ana: Could someone update the wiki?" in the
 * line before: the speaker takes the request.  body is the text after
 * the speaker.  Records the action (the request, owned by who) and
 * returns 1 when the answer is one and the line before asks for one.
 */
static int
accepts_request(struct xctx *c, const struct joined *j, size_t body,
    const char *who, const char *prev)
{
	char *ans, *req = NULL, *other = NULL;
	const char *ask;
	size_t n, i, skip;
	int line, col, yes;

	ans = fold_text(j->text + body, strlen(j->text + body));
	n = strlen(ans);
	while (n > 0 && strchr(" .!", ans[n - 1]) != NULL)
		ans[--n] = '\0';
	yes = conv_word_in(conv_accept, ans, n);
	free(ans);
	if (!yes || prev == NULL)
		return 0;
	/* The request: after the asker's name, after "Could someone". */
	skip = speaker(c, prev, &other);
	free(other);
	req = fold_text(prev + skip, strlen(prev + skip));
	for (i = 0; conv_request[i] != NULL; i++) {
		size_t rl = strlen(conv_request[i]);

		if (strncmp(req, conv_request[i], rl) == 0)
			break;
	}
	if (conv_request[i] != NULL) {
		struct strlist owners = {0};

		ask = prev + skip + strlen(conv_request[i]);
		strlist_add(&owners, who);
		joined_pos(j, body, &line, &col);
		weak_action(c, ask, sentence_end(ask, 0), &owners, line, col);
		strlist_free(&owners);
	}
	free(req);
	return conv_request[i] != NULL;
}

/* Words after a subject that are no verb of a task: the commitments
 * themselves are read by named_commitment(). */
static const char *const modals[] = {
	"will", "can", "could", "should", "would", "shall", "must", "may",
	"might", "to", "agreed", "and", "or", NULL
};

static void	prose_run(struct xctx *, const struct xlines *, size_t,
		    size_t, int, const char *);

/* Whether a line opens with the ">" of a quote the parser left in a
 * paragraph (lines indented under a list item): somebody's words from
 * elsewhere, a GitHub comment, not the meeting's. */
static int
quoted_line(const char *t)
{
	return t[0] == '>' && (t[1] == '\0' || t[1] == ' ');
}

void
prose_scan(struct xctx *c, const struct xlines *ls, size_t from, size_t to,
    int item_start, const char *prev)
{
	char *who = NULL;
	size_t i, k;

	/* Dialogue: a line that opens with a speaker is an utterance of
	 * its own, the line before it what it answers.  Each run of lines
	 * from one speaker's line to the next is read on its own, in a
	 * loop: a paragraph of 40,000 utterances is no deeper a call.
	 * Quoted lines end a run and are not read. */
	for (i = from; i < to; i++) {
		if (quoted_line(ls->v[i].text)) {
			prose_run(c, ls, from, i, item_start, prev);
			from = i + 1;
			item_start = 0;
			prev = NULL;
			continue;
		}
		if (i == from)
			continue;
		k = speaker(c, ls->v[i].text, &who);
		free(who);
		who = NULL;
		if (k > 0) {
			prose_run(c, ls, from, i, item_start, prev);
			from = i;
			item_start = 0;
			prev = ls->v[i - 1].text;
		}
	}
	prose_run(c, ls, from, to, item_start, prev);
}

/* Lines [from, to) of ls, of which only the first may open with a
 * speaker: prev is the line before, item_start as for prose_scan(). */
static void
prose_run(struct xctx *c, const struct xlines *ls, size_t from, size_t to,
    int item_start, const char *prev)
{
	struct joined j;
	struct buf dec = {0};
	char *who = NULL, *prev_low;
	size_t s, e, body, n;
	int dec_line = 0, dec_col = 0, line, col;

	if (from >= to)
		return;
	prev_low = prev != NULL ? fold_text(prev, strlen(prev)) : NULL;
	join(ls, from, to, &j);
	body = speaker(c, j.text, &who);
	/* "* (AJ):" over "* Will create an issue for the agenda" */
	if (who == NULL && c->voice != NULL)
		who = xstrdup(c->voice);
	if (who != NULL && accepts_request(c, &j, body, who, prev)) {
		free(prev_low);
		free(who);
		joined_free(&j);
		return;
	}
	/* "@kenji reach out to the CDN vendor" */
	if (item_start && body == 0 && j.text[0] == '@') {
		size_t h = 1 + strspn(j.text + 1, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");
		size_t vl = j.text[h] == ' ' ?
		    strcspn(j.text + h + 1, " ,.;:") : 0;
		char *low = fold_text(j.text, strlen(j.text));

		if (j.text[h] == ' ' && h > 2 &&
		    base_verb(j.text + h + 1, vl) &&
		    !conv_word_in(conv_not_verb, j.text + h + 1, vl) &&
		    j.text[sentence_end(j.text, 0) - 1] != '?' &&
		    !hypothetical(low)) {
			struct strlist o = {0};
			char *handle = xstrndup(j.text + 1, h - 1);

			strlist_add(&o, handle);
			free(handle);
			joined_pos(&j, 0, &line, &col);
			weak_action(c, j.text + h + 1,
			    sentence_end(j.text, h + 1) - h - 1, &o, line, col);
			strlist_free(&o);
		}
		free(low);
	}
	/* A line of an "Action Items:" paragraph: "Dan & Jory talk to JSF
	 * projects", people of the meeting and a verb. */
	if (item_start == 2 && body == 0 && j.text[0] != '@') {
		struct strlist o = {0};
		int rep = 0;
		size_t v = sentence_subject(c, j.text, &o, &rep), vl;

		if (v > 0 && !rep) {
			v++;
			vl = strcspn(j.text + v, " ,.;:");
			if (base_verb(j.text + v, vl) &&
			    !conv_word_in(conv_not_verb, j.text + v, vl) &&
			    !conv_word_in(modals, j.text + v, vl) &&
			    !asks(j.text) && !hypothetical(j.text + v)) {
				joined_pos(&j, 0, &line, &col);
				weak_action(c, j.text + v,
				    sentence_end(j.text, v) - v, &o, line, col);
			}
		}
		strlist_free(&o);
	}
	/* The answer to the group's question above. */
	{
		char *ans = answered(j.text + body, prev);

		if (ans != NULL) {
			joined_pos(&j, body, &line, &col);
			trim_tail(ans);
			decision_commit_weak(c, ans, line);
			free(ans);
		}
	}
	/* The speaker's own call for objections, none heard. */
	{
		char *d = unheard_objection(j.text + body);

		if (d != NULL) {
			joined_pos(&j, body, &line, &col);
			decision_commit_weak(c, d, line);
			free(d);
		}
	}
	for (s = body; j.text[s] != '\0'; s = e) {
		size_t cl;
		char *sent, *low;
		const char *why;
		int kind, question, took;
		size_t lv = 0, v0;

		s = skip_fillers(j.text, s);
		if (j.text[s] == '\0')
			break;
		e = sentence_end(j.text, s);
		sent = xstrndup(j.text + s, e - s);
		low = fold_text(sent, strlen(sent));
		n = strlen(sent);
		question = asks(sent);
		/* Outcomes: one decision per block, its sentences joined. */
		kind = outcome(low, prev_low);
		/* "[simeon] No objections to speccing it": one voice, not
		 * the meeting's ("All: No objections to …"). */
		if (kind == 2 && who != NULL && strncmp(low, "no objection", 12) ==
		    0 && !conv_word_in(conv_all, who, strlen(who)))
			kind = 0;
		/* "Martin: Agreed." after a long speech: one voice agrees
		 * with a proposal, or with nothing the meeting decides. */
		if (kind == 1 && who != NULL && !conv_word_in(conv_all, who,
		    strlen(who)) && (prev_low == NULL || !proposes(prev_low)))
			kind = 0;
		if (kind == 0 && who != NULL && (lv = chair_lets(low)) > 0 &&
		    chair_speaks(c, who))
			kind = 3;
		/* "- Lets work out timing in GitHub issue": a bullet of
		 * the minutes, nobody named, is the group's "let's". */
		if (kind == 0 && who == NULL && item_start == 1 && s == body &&
		    (lv = chair_lets(low)) > 0)
			kind = 3;
		if (kind != 0) {
			const char *text = kind == 1 && prev != NULL ? prev :
			    kind == 3 ? sent + lv : sent;
			char *up = NULL;

			if (kind == 3 && islower((unsigned char)*text)) {
				up = xstrdup(text);
				*up = (char)toupper((unsigned char)*up);
				text = up;
			}

			/* "Doug: Could put …": the proposal, not its
			 * speaker. */
			if (text == prev) {
				char *pw = NULL;

				text += speaker(c, prev, &pw);
				free(pw);
			}
			/* "- Agreement that …", a point of a table cell:
			 * the point, not its dash. */
			text += text_bullet(text);
			if (kind >= 2 || prev != NULL) {
				if (dec.len == 0)
					joined_pos(&j, s, &dec_line, &dec_col);
				else
					buf_putc(&dec, ' ');
				buf_puts(&dec, text);
			}
			free(up);
		}
		/* Commitments: in each clause of a sentence that is no
		 * question and no condition. */
		why = question ? "a question" : condition(low) ?
		    "a condition" : truncated(sent) ? "trails off" : NULL;
		took = 0;
		/* "Next step is to …": the group's, nobody named. */
		if (why == NULL && (v0 = next_step_is(low)) > 0) {
			struct strlist none = {0};

			joined_pos(&j, s, &line, &col);
			weak_action(c, sent + v0, n - v0, &none, line, col);
			strlist_free(&none);
			took = 1;
		}
		for (cl = 0; cl < n && !took; cl = next_clause(sent, cl, n)) {
			struct strlist owners = {0};
			size_t at = skip_fillers(sent, cl), v, vl;
			size_t clen = next_clause(sent, at, n) - at;
			char *clow = xstrndup(low + at, clen);
			const char *no = why != NULL ? why :
			    hypothetical(clow) ? "a hypothetical" : NULL;

			free(clow);
			clow = low + at;
			if (no != NULL) {
				/* Say what looked like a task but was not
				 * taken (shown by check -v). */
				if (named_commitment(c, sent + at, clow,
				    &owners) > 0 || (who != NULL &&
				    self_commitment(clow) > 0)) {
					joined_pos(&j, s + at, &line, &col);
					diag_add(c->d, MTG_D_NOT_TAKEN, line, col,
					    "%s: \"%.60s\"", no, sent);
					strlist_free(&owners);
					break;
				}
				continue;
			}
			if ((v = named_commitment(c, sent + at, clow,
			    &owners)) > 0) {
				if (talk_only(sent + at + v)) {
					strlist_free(&owners);
					continue;
				}
			} else if ((v = self_commitment(clow)) > 0 &&
			    !that_will(sent, at) &&
			    (who != NULL || (strncmp(clow, "will ", 5) == 0 &&
			    bare_will_start(sent, cl)))) {
				vl = strcspn(sent + at + v, " ,.;:");
				if (!islower((unsigned char)sent[at + v]) ||
				    conv_word_in(conv_not_verb, sent + at + v, vl))
					continue;
				/* "Will add a changelog": nobody named. */
				if (who != NULL)
					strlist_add(&owners, who);
				if (talk_only(sent + at + v)) {
					strlist_free(&owners);
					continue;
				}
			} else {
				char *pt = progressive_commitment(c, sent + at,
				    clow, &owners);

				if (pt == NULL)
					continue;
				joined_pos(&j, s + at, &line, &col);
				weak_action(c, pt, strlen(pt), &owners, line,
				    col);
				free(pt);
				strlist_free(&owners);
				took = 1;
				break;
			}
			joined_pos(&j, s + at, &line, &col);
			weak_action(c, sent + at + v, n - at - v, &owners, line,
			    col);
			strlist_free(&owners);
			took = 1;
			break;
		}
		if (!took && !question) {
			struct strlist owners = {0};
			size_t v = who == NULL ?
			    joined_commitment(c, sent, low, &owners) : 0;

			if (v == 0 && (v = addressed_request(c, sent, low,
			    &owners)) > 0)
				proposal_acted_on(c, prev, sent + v);
			if (v > 0) {
				joined_pos(&j, s, &line, &col);
				weak_action(c, sent + v, n - v, &owners, line,
				    col);
			}
			strlist_free(&owners);
		}
		free(low);
		free(sent);
	}
	if (dec.len > 0) {
		buf_put(&dec, "", 0);
		x_squeeze(dec.data);
		decision_commit_weak(c, dec.data, dec_line);
	}
	buf_free(&dec);
	free(prev_low);
	free(who);
	joined_free(&j);
	(void)dec_col;
}

/* --- repeats -------------------------------------------------------------- */

/* Words too common to tell two statements apart. */
static const char *const common_words[] = {
	"the", "and", "for", "with", "that", "this", "from", "will", "into",
	"are", "was", "our", "their", "its", "all", "any", "some", "can",
	"has", "have", "not", "but", "also", "about", "when", "then", NULL
};

/* The content words of a text, folded; numbers and "#12" kept apart. */
static void
words_of(const char *text, struct strlist *words, struct strlist *refs)
{
	char *t = str_fold(text, strlen(text)), *p = t, *w;

	x_lower(t);
	while (*p != '\0') {
		size_t n;
		int ref = *p == '#';

		if (ref)
			p++;
		n = 0;
		while (isalnum((unsigned char)p[n]))
			n++;
		if (n == 0) {
			/* A lone '#' is already passed: it may end t. */
			if (!ref)
				p++;
			continue;
		}
		w = xstrndup(p, n);
		if (ref || isdigit((unsigned char)*w))
			strlist_add_unique(refs, w);
		else if (n >= 3 && !conv_word_in(common_words, w, n))
			strlist_add_unique(words, w);
		free(w);
		p += n;
	}
	free(t);
}

/*
 * Whether two statements say the same: most words of the shorter one are
 * in the other (overlap coefficient at least 0.5, three words or more)
 * and they cite the same numbers, if both cite any.
 */
static int
same_statement(const char *a, const char *b)
{
	struct strlist wa = {0}, wb = {0}, ra = {0}, rb = {0};
	size_t i, both = 0, small;
	int yes;

	words_of(a, &wa, &ra);
	words_of(b, &wb, &rb);
	for (i = 0; i < wa.n; i++)
		if (strlist_has(&wb, wa.v[i]))
			both++;
	small = wa.n < wb.n ? wa.n : wb.n;
	yes = small >= 3 && both * 2 >= small;
	if (yes && ra.n > 0 && rb.n > 0) {
		for (i = 0; i < ra.n && yes; i++)
			yes = strlist_has(&rb, ra.v[i]);
		yes = yes && ra.n == rb.n;
	}
	strlist_free(&wa);
	strlist_free(&wb);
	strlist_free(&ra);
	strlist_free(&rb);
	return yes;
}

static int
same_owners(const struct strlist *a, const struct strlist *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!people_list_has(b, a->v[i]))
			return 0;
	return 1;
}

/* Pairs of a table row and another item compared at most: a table of
 * many rows beside many items keeps its rows as they are, rather than
 * take quadratic time.  Pairs of a prose item and another have a budget
 * as large: past it, the prose items left stay as they are. */
#define REPEAT_PAIRS	100000

/*
 * Marks XW_REPEAT each weak item that repeats a marked one or an earlier
 * one, compares with the items left only; a table row is not compared
 * with another row.  same(i, k) says whether i repeats k.
 */
static void
mark_repeats(struct xctx *c, unsigned char *weak, size_t n,
    int (*same)(const struct xctx *, size_t, size_t))
{
	size_t i, j, k, ncand = 0, *cand, budget = REPEAT_PAIRS;

	/* The items a table row may restate: all but the rows. */
	cand = xcalloc(n + 1, sizeof(*cand));
	for (i = 0; i < n; i++)
		if (weak[i] != XW_TABLE)
			cand[ncand++] = i;
	for (i = 0; i < n; i++) {
		if (weak[i] == XW_PROSE) {
			for (k = 0; weak[i] != XW_REPEAT && k < n &&
			    budget > 0; k++) {
				if (k == i || weak[k] == XW_REPEAT ||
				    (weak[k] != XW_MARKED && k > i))
					continue;
				budget--;
				if (same(c, i, k))
					weak[i] = XW_REPEAT;
			}
		} else if (weak[i] == XW_TABLE && ncand > 0 &&
		    (n - ncand) * ncand <= REPEAT_PAIRS) {
			for (j = 0; weak[i] != XW_REPEAT && j < ncand; j++) {
				k = cand[j];
				if (weak[k] != XW_REPEAT &&
				    (weak[k] == XW_MARKED || k < i) &&
				    same(c, i, k))
					weak[i] = XW_REPEAT;
			}
		}
	}
	free(cand);
}

/* An action's text with its due phrase, as the notes state it. */
static char *
statement_of(const struct action *a)
{
	return a->due_text != NULL ? xasprintf("%s %s", a->text, a->due_text) :
	    xstrdup(a->text);
}

/* The length of the first word of s: the verb of an action's text. */
static size_t
verb_len(const char *s)
{
	size_t n = 0;

	while (isalpha((unsigned char)s[n]) || s[n] == '-')
		n++;
	return n;
}

/* Whether the texts share a content word after their first. */
static int
share_a_word(const char *a, const char *b)
{
	struct strlist wa = {0}, wb = {0}, ra = {0}, rb = {0};
	size_t i;
	int yes = 0;

	words_of(a + verb_len(a), &wa, &ra);
	words_of(b + verb_len(b), &wb, &rb);
	for (i = 0; i < wa.n && !yes; i++)
		yes = strlist_has(&wb, wa.v[i]);
	strlist_free(&wa);
	strlist_free(&wb);
	strlist_free(&ra);
	strlist_free(&rb);
	return yes;
}

/*
 * Whether the weak action w restates the task of a in other words: the
 * same verb and the owners of w among those of a, with a word of the
 * object in common ("Clean up some PRs" and "Clean up AI-related PRs"),
 * or, nobody named, an owner of a mentioned ("Will work with
 * @RichardLitt on it" and "@lgierth and @RichardLitt work on …").
 */
static int
same_task(const struct xctx *c, const struct action *w,
    const struct action *a)
{
	size_t i, n = verb_len(w->text);
	const char *p;
	int mentions = 0;

	if (n < 2 || n != verb_len(a->text) ||
	    strncasecmp(w->text, a->text, n) != 0 || a->owners.n == 0)
		return 0;
	for (i = 0; i < w->owners.n; i++)
		if (!people_list_has(&a->owners, w->owners.v[i]))
			return 0;
	if (w->owners.n > 0)
		return share_a_word(w->text, a->text);
	for (p = strchr(w->text, '@'); p != NULL && !mentions;
	    p = strchr(p + 1, '@')) {
		size_t hl = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
		char *h, *full = NULL;

		if (hl == 0)
			continue;
		h = xstrndup(p + 1, hl);
		if (people_list_has(&a->owners, h))
			mentions = 1;
		else if (c->pp != NULL) {
			people_resolve(c->pp, h, &full);
			mentions = people_list_has(&a->owners, full);
		}
		free(full);
		free(h);
	}
	return mentions;
}

/*
 * Whether the summary-table row r restates the action a: all but one of
 * its content words are in a's text, at least three ("Open a list thread
 * about the mirror" for "Ana will open a thread on the list about the new
 * mirror"), no number cited apart, and the same owners where both name
 * any (a row's "All" for a request to everyone).  A row that only shares
 * the verb and a word is another task ("Ask the provider about credits").
 */
static int
same_row(const struct action *r, const struct action *a)
{
	struct strlist wr = {0}, wa = {0}, rr = {0}, ra = {0};
	size_t i, missing = 0;
	int yes;

	words_of(r->text, &wr, &rr);
	words_of(a->text, &wa, &ra);
	for (i = 0; i < wr.n; i++)
		if (!strlist_has(&wa, wr.v[i]))
			missing++;
	yes = wr.n >= 3 && missing <= 1;
	for (i = 0; i < rr.n && yes && ra.n > 0; i++)
		yes = strlist_has(&ra, rr.v[i]);
	if (yes && r->owners.n > 0 && a->owners.n > 0)
		yes = same_owners(&r->owners, &a->owners);
	strlist_free(&wr);
	strlist_free(&wa);
	strlist_free(&rr);
	strlist_free(&ra);
	return yes;
}

static int
same_action(const struct xctx *c, size_t i, size_t k)
{
	const struct action *a = &c->m->actions[i], *b = &c->m->actions[k];
	char *sa, *sb;
	int yes;

	if (c->weak_actions[i] == XW_TABLE)
		return same_row(a, b);
	if (same_task(c, a, b))
		return 1;
	if (!same_owners(&a->owners, &b->owners))
		return 0;
	sa = statement_of(a);
	sb = statement_of(b);
	yes = same_statement(sa, sb);
	free(sa);
	free(sb);
	return yes;
}

static int
same_decision(const struct xctx *c, size_t i, size_t k)
{
	return same_statement(c->m->decisions[i].text,
	    c->m->decisions[k].text);
}

void
prose_dedupe(struct xctx *c)
{
	struct meeting *m = c->m;
	size_t i, w;

	if (m->nactions > 0) {
		mark_repeats(c, c->weak_actions, m->nactions, same_action);
		for (i = 0, w = 0; i < m->nactions; i++) {
			struct action *a = &m->actions[i];

			if (c->weak_actions[i] == XW_REPEAT) {
				action_clear(a);
				continue;
			}
			m->actions[w++] = *a;
		}
		m->nactions = w;
	}
	if (m->ndecisions > 0) {
		mark_repeats(c, c->weak_decisions, m->ndecisions,
		    same_decision);
		for (i = 0, w = 0; i < m->ndecisions; i++) {
			if (c->weak_decisions[i] == XW_REPEAT) {
				free(m->decisions[i].text);
				continue;
			}
			m->decisions[w++] = m->decisions[i];
		}
		m->ndecisions = w;
	}
}
