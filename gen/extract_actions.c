/*
 * extract_actions.c -- action items, decisions and subtopic teams.
 *
 * One walk over the modelled part of the document tree finds action items
 * in every spelling (tables, task lists, marker lines such as "ACTION:",
 * "**Action item:**", "AI:", "TODO -", lists under an "Action items"
 * heading or label) and decisions ("DECISION:", "RESOLVED:", lists under
 * a Decisions heading, decision tables), in document order.  Owners and
 * due dates are taken out of the action text; duplicates (a summary
 * repeating the body) are merged through a hash map, so the walk stays
 * linear in the size of the notes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"
#include "people.h"

/* An action being assembled before it joins the model. */
struct pend {
	char		*text;
	struct strlist	 owners;	/* as written */
	char		*due_text;
	char		*id;		/* a numbered id kept from the notes */
	enum mtg_status	 status;
	int		 line, col;
	int		 from_table;
};

static void
pend_free(struct pend *p)
{
	free(p->text);
	strlist_free(&p->owners);
	free(p->due_text);
	free(p->id);
}

/* --- words -------------------------------------------------------------- */

/* First words that never start an owner ("Need to", "Note:", "This will"). */
static const char *const not_owner[] = {
	"a", "about", "according", "action", "actions", "add", "after",
	"agenda", "agree", "agreed", "already", "also", "although", "an",
	"and", "any", "anybody", "anyone", "approval", "approved", "are", "as",
	"ask", "asap", "at", "attempt", "back", "background", "be", "because",
	"been", "before", "begin", "best", "better", "blocked", "but", "by",
	"call", "can", "change", "changes", "check", "clarify", "close",
	"closed", "collect", "come", "comment", "comments", "compare",
	"complete", "completed", "conclusion", "confirm", "consensus",
	"consider", "contact", "context", "continue", "convert", "coordinate",
	"could", "create", "decide", "decided", "decision", "define",
	"determine", "difficult", "discuss", "discussion", "do", "document",
	"done", "draft", "due", "each", "easy", "edit", "email", "ensure",
	"every", "everything", "expected", "explore", "figure", "file",
	"find", "finalize", "fix", "follow", "follow-up", "followup", "for",
	"from", "gather", "get", "go", "goal", "goals", "going", "good",
	"had", "has", "have", "he", "help", "here", "hope", "how", "i",
	"identify", "if", "implement", "important", "in", "investigate",
	"invite", "is", "issue", "issues", "it", "its", "just", "least",
	"let", "let's", "lets", "likely", "link", "links", "look", "make",
	"may", "maybe", "meeting", "meetings", "merge", "might", "more",
	"most", "move", "must", "my", "n/a", "need", "needs", "next", "no",
	"nobody", "none", "not", "note", "notes", "nothing", "now", "ok",
	"okay", "on", "ongoing", "only", "open", "optional", "or", "our",
	"outcome", "pending", "per", "perhaps", "ping", "plan", "plans",
	"please", "point", "possible", "post", "prepare", "probably",
	"process", "propose", "proposal", "provide", "publish", "question",
	"questions", "reach", "read", "ready", "related", "remember",
	"remind", "reminder", "request", "required", "resolved", "respond",
	"result", "results", "return", "review", "reviewed", "schedule",
	"send", "set", "share", "she", "should", "similar", "since", "so",
	"some", "somebody", "someone", "something", "start", "status",
	"still", "subscribe", "suggestion", "summary", "supposed", "switch",
	"talk", "task", "tasks", "tba", "tbc", "tbd", "test", "thank",
	"thanks", "that", "the", "their", "then", "there", "these", "they",
	"this", "those", "though", "time", "to", "today", "todo", "tomorrow",
	"track", "try", "until", "up", "update", "updates", "us", "use",
	"used", "via", "vote", "votes", "voting", "wait", "want", "wants",
	"was", "we", "week", "welcome", "were", "what", "when", "where",
	"whether", "which", "who", "why", "will", "wip", "with", "work",
	"would", "write", "yes", "yesterday", "you", "your", NULL
};

/* Words after "to" / "will" that show the phrase is no assignment. */
static const char *const not_verb[] = {
	"the", "a", "an", "be", "this", "that", "these", "those", "all",
	"each", "every", "our", "their", "his", "her", "its", "my", "your",
	"me", "us", "them", "him", "it", "date", "now", "have", NULL
};

static int
word_in(const char *const *list, const char *w, size_t len)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == len && strncasecmp(*list, w, len) == 0)
			return 1;
	return 0;
}

/* Name particles allowed in lower case inside a name. */
static const char *const particles[] = {
	"de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le",
	"al", "bin", "ibn", "dos", "das", "y", "ter", "ten", NULL
};

/*
 * Whether the first byte of a word may start a name: an ASCII capital,
 * or a letter outside ASCII (Latin, Greek, Cyrillic, CJK lead bytes) but
 * not punctuation, symbols or emoji.
 */
static int
name_start(const unsigned char *w)
{
	if (isupper(*w))
		return 1;
	return (*w >= 0xc3 && *w <= 0xdf) || (*w >= 0xe3 && *w <= 0xed);
}

/* A handle: letters, digits, '-', '_', '.'. */
static int
handle_word(const char *w, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)w[i]) && w[i] != '-' &&
		    w[i] != '_' && w[i] != '.')
			return 0;
	return 1;
}

/*
 * Whether s[0..len) is one owner: 1-4 capitalised words (particles and
 * initials allowed), an acronym, a @handle, or (lenient) one lower-case
 * handle such as "pnkfelix"; never a word of not_owner first.
 */
static int
one_owner_ok(const char *s, size_t len, int lenient)
{
	char *o = xstrndup(s, len), *p, *w;
	size_t words = 0, wl;
	int ok = 1, at;

	if ((p = strchr(o, '(')) != NULL && p != o) {
		/* "klueska (nvidia)": a trailing parenthesis is affiliation. */
		if (strchr(p, ')') == NULL || strchr(p, ')')[1] != '\0')
			ok = 0;
		*p = '\0';
	}
	x_squeeze(o);
	at = *o == '@';
	for (w = o; ok && *w != '\0'; w += wl) {
		while (*w == ' ')
			w++;
		if (*w == '\0')
			break;
		wl = strcspn(w, " ");
		if (*w == '@') {
			if (!handle_word(w + 1, wl - 1))
				ok = 0;
		} else if (words == 0 && word_in(not_owner, w, wl))
			ok = 0;
		else if (!name_start((const unsigned char *)w) &&
		    !(words > 0 && word_in(particles, w, wl)) &&
		    !(lenient && words == 0 && handle_word(w, wl) &&
		    w[wl] == '\0' && !isdigit((unsigned char)*w)) &&
		    !(at && words > 0 && wl == 1))
			ok = 0;
		words++;
	}
	if (words == 0 || words > 4)
		ok = 0;
	free(o);
	return ok;
}

/*
 * Whether s[0..len) is a list of owners joined by ",", "/", "&", "and";
 * fills owners when it is.
 */
static int
owner_list_ok(const char *s, size_t len, int lenient, struct strlist *owners)
{
	char *o = xstrndup(s, len);
	struct strlist parts = {0};
	const char *p, *start;
	int ok = 1, depth = 0;
	size_t i;

	x_squeeze(o);
	if (*o == '\0' || strlen(o) > 120)
		ok = 0;
	for (p = start = o; ok; p++) {
		size_t skip = 0;

		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		if (*p == '\0')
			skip = 1;
		else if (depth > 0)
			continue;
		else if (*p == ',' || *p == '/' || *p == '+' || *p == ';')
			skip = 1;
		else if (strncmp(p, " @", 2) == 0 && p > o && p[-1] != ',')
			skip = 1;
		else if (strncmp(p, " & ", 3) == 0)
			skip = 3;
		else if (strncasecmp(p, " and ", 5) == 0)
			skip = 5;
		if (skip == 0)
			continue;
		while (*start == ' ')
			start++;
		if (!one_owner_ok(start, (size_t)(p - start), lenient))
			ok = 0;
		if (*p == '\0')
			break;
		p += skip - 1;
		start = p + 1;
	}
	if (ok)
		people_split_owners(o, &parts);
	if (ok && parts.n == 0)
		ok = 0;
	for (i = 0; ok && i < parts.n; i++)
		strlist_add_unique(owners, parts.v[i]);
	strlist_free(&parts);
	free(o);
	return ok;
}

/* --- owners in the action text ----------------------------------------- */

static const char *const connectors[] = {
	" to ", " will ", " should ", " shall ", " must ", " volunteered to ",
	" volunteers to ", " agreed to ", " offered to ", " is to ",
	" are to ", " needs to ", ": ", " - ", NULL
};

/* Whether the word at s is lower case and no article or pronoun. */
static int
verb_ok(const char *s, int colon)
{
	size_t wl;

	while (*s == ' ')
		s++;
	if (*s == '\0')
		return 0;
	if (colon)
		return 1;
	wl = strcspn(s, " ,.;:");
	if (!islower((unsigned char)*s) && *s != '@')
		return 0;
	return !word_in(not_verb, s, wl);
}

/* Whether a written owner is a person or group the meeting knows. */
static int
known(const struct people *pp, const char *who)
{
	char *full;
	enum people_kind k;

	if (pp == NULL)
		return 0;
	k = people_resolve(pp, who, &full);
	free(full);
	return k == MTG_WHO_PERSON || k == MTG_WHO_GROUP;
}

/*
 * Finds a leading owner in t: "Name to verb", "Name will verb",
 * "Name: task", "@a and @b task".  Returns the length of the prefix to
 * remove from the text (owner and connector), 0 when there is none.
 */
static size_t
lead_owner(const struct people *pp, const char *t, struct strlist *owners)
{
	size_t best = 0, blen = 0, i;
	const char *p, *found;

	/* The earliest connector within reach. */
	for (i = 0; connectors[i] != NULL; i++) {
		found = strstr(t, connectors[i]);
		if (found == NULL || found == t || found - t > 100)
			continue;
		if (best == 0 || (size_t)(found - t) < best) {
			best = (size_t)(found - t);
			blen = strlen(connectors[i]);
		}
	}
	if (best > 0 && verb_ok(t + best + blen, t[best] == ':' ||
	    t[best + 1] == '-')) {
		struct strlist tmp = {0};
		int ok = owner_list_ok(t, best, 1, &tmp);

		/* "Name: task" and "Name - task" read like "Phase: text"
		 * unless the names are people the meeting knows. */
		for (i = 0; ok && (t[best] == ':' || t[best + 1] == '-') &&
		    i < tmp.n; i++)
			ok = known(pp, tmp.v[i]);
		for (i = 0; ok && i < tmp.n; i++)
			strlist_add_unique(owners, tmp.v[i]);
		strlist_free(&tmp);
		if (ok)
			return best + blen;
	}
	/* "@a, @b and @c take a look". */
	if (*t != '@')
		return 0;
	for (p = t; *p == '@';) {
		p++;
		while (isalnum((unsigned char)*p) || *p == '-' || *p == '_' ||
		    *p == '.')
			p++;
		if (strncmp(p, ", @", 3) == 0)
			p += 2;
		else if (strncmp(p, " and @", 6) == 0)
			p += 5;
		else if (strncmp(p, " & @", 4) == 0)
			p += 3;
		else if (strncmp(p, " / @", 4) == 0 || strncmp(p, "/@", 2) == 0)
			p = strchr(p, '@');
	}
	if (*p != ' ' && *p != ':' && *p != '\0')
		return 0;
	if (!owner_list_ok(t, (size_t)(p - t), 1, owners))
		return 0;
	while (*p == ':' || *p == ' ' || *p == ',')
		p++;
	return (size_t)(p - t);
}

/* A trailing "(Name)" or "(Name, Name)": returns where it starts, or 0. */
static size_t
trail_paren_owner(const char *t, struct strlist *owners)
{
	size_t n = strlen(t);
	const char *open;

	if (n < 3 || t[n - 1] != ')')
		return 0;
	open = strrchr(t, '(');
	if (open == NULL || open == t)
		return 0;
	if (!owner_list_ok(open + 1, (size_t)(t + n - 1 - open - 1), 0,
	    owners))
		return 0;
	return (size_t)(open - t);
}

/* A trailing "@Name Surname" or "@a, @b": returns where it starts, or 0. */
static size_t
trail_at_owner(const char *t, struct strlist *owners)
{
	const char *p, *at = NULL;

	for (p = t + 1; *p != '\0'; p++)
		if (*p == '@' && p[-1] == ' ') {
			at = p;
			break;
		}
	/* The first @ of a run of owners that reaches the end. */
	for (; at != NULL; at = strstr(at + 1, " @") ? strstr(at + 1, " @") + 1 :
	    NULL) {
		struct strlist tmp = {0};
		int ok = owner_list_ok(at, strlen(at), 0, &tmp);

		if (ok) {
			size_t i;

			for (i = 0; i < tmp.n; i++)
				strlist_add_unique(owners, tmp.v[i]);
		}
		strlist_free(&tmp);
		if (ok)
			return (size_t)(at - t);
	}
	return 0;
}

/* "— Name to verb" after a dash inside the text. */
static int
dash_owner(const struct people *pp, const char *t, struct strlist *owners)
{
	static const char *const dashes[] = { "— ", " - ", " – ", NULL };
	const char *p, *last = NULL;
	size_t i, dl = 0;

	for (i = 0; dashes[i] != NULL; i++)
		for (p = strstr(t, dashes[i]); p != NULL;
		    p = strstr(p + 1, dashes[i]))
			if (last == NULL || p > last) {
				last = p;
				dl = strlen(dashes[i]);
			}
	if (last == NULL)
		return 0;
	last += dl;
	while (*last == ' ')
		last++;
	return lead_owner(pp, last, owners) > 0;
}

/* Trims spaces and the separators left when a clause is cut away. */
static void
trim_tail(char *s)
{
	size_t n;

	x_squeeze(s);
	n = strlen(s);
	for (;;) {
		if (n > 0 && strchr(" ,;:-(*", s[n - 1]) != NULL)
			s[--n] = '\0';
		else if (n >= 3 && (strcmp(s + n - 3, "—") == 0 ||
		    strcmp(s + n - 3, "–") == 0)) {
			n -= 3;
			s[n] = '\0';
		} else
			break;
	}
	x_squeeze(s);
}

static const char *const done_words[] = {
	"done", "closed", "complete", "completed", "finished", "resolved",
	"yes", "y", "x", "[x]", "✓", "✔", "✅", "☑", "merged", "fixed", NULL
};

static int
done_word(const char *s)
{
	char *t = x_strip_label(xstrdup(s));
	size_t i;
	int done = 0;

	for (i = 0; done_words[i] != NULL && !done; i++)
		if (strcasecmp(t, done_words[i]) == 0 ||
		    (strlen(done_words[i]) > 2 &&
		    str_has_prefix_ci(t, done_words[i]) &&
		    !isalpha((unsigned char)t[strlen(done_words[i])])))
			done = 1;
	free(t);
	return done;
}

/*
 * Takes owners, a due date and a done mark out of p->text.  Table
 * actions keep their text and only look for a due date in it when they
 * have no due column.
 */
static void
action_parse_text(const struct people *pp, struct pend *p)
{
	size_t cut, ps, pe, n;
	char *t = p->text, *low;

	if (p->due_text == NULL && date_split_due(t, &cut, &ps, &pe) == 0) {
		p->due_text = xstrndup(t + ps, pe - ps);
		x_strip_label(p->due_text);
		t[cut] = '\0';
		trim_tail(t);
	}
	if (!p->from_table || p->owners.n == 0) {
		size_t lead = p->from_table ? 0 : lead_owner(pp, t, &p->owners);

		if (lead > 0)
			memmove(t, t + lead, strlen(t + lead) + 1);
		else if ((n = trail_paren_owner(t, &p->owners)) > 0) {
			t[n] = '\0';
			trim_tail(t);
		} else if ((n = trail_at_owner(t, &p->owners)) > 0) {
			t[n] = '\0';
			trim_tail(t);
		} else if (!p->from_table)
			dash_owner(pp, t, &p->owners);
		/* Owners first, due date last: "Name to do X by Friday". */
		if (lead > 0 && p->due_text == NULL &&
		    date_split_due(t, &cut, &ps, &pe) == 0) {
			p->due_text = xstrndup(t + ps, pe - ps);
			x_strip_label(p->due_text);
			t[cut] = '\0';
			trim_tail(t);
		}
	}
	low = x_lower(xstrdup(t));
	if (strstr(low, "(done") || strstr(low, "(completed") ||
	    strstr(low, "(closed") || strncmp(low, "done:", 5) == 0 ||
	    strncmp(low, "[done]", 6) == 0)
		p->status = MTG_DONE;
	free(low);
	x_squeeze(t);
	if (islower((unsigned char)*t))
		*t = (char)toupper((unsigned char)*t);
}

/* The key under which duplicates of an action or decision meet. */
static char *
dedupe_key(const char *id, const char *text)
{
	char *k, *p, *w;

	if (id != NULL)
		return xasprintf("#%s", id);
	k = x_lower(xstrdup(text));
	/* Letters and digits only: punctuation and spacing differ between
	 * a summary and the body. */
	for (p = w = k; *p != '\0'; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			*w++ = *p;
	*w = '\0';
	return k;
}

/* Adds p to the model unless it repeats an earlier action. */
static void
action_commit(struct xctx *c, struct pend *p)
{
	struct meeting *m = c->m;
	struct strmap_e *e;
	struct action *a;
	struct date due;
	char *key, iso[16];
	size_t i;

	if (p->text == NULL || *p->text == '\0')
		return;
	key = dedupe_key(p->id, p->text);
	e = strmap_get(&c->seen_actions, key, strlen(key), 1);
	free(key);
	if (e->count > 0) {
		/* Seen before: the first mention wins, a later one may only
		 * fill in what it lacked. */
		a = &m->actions[e->count - 1];
		for (i = 0; a->owners.n == 0 && i < p->owners.n; i++) {
			char *full;

			people_resolve(c->pp, p->owners.v[i], &full);
			strlist_add_unique(&a->owners, full);
			free(full);
		}
		if (a->due_text == NULL && p->due_text != NULL) {
			a->due_text = xstrdup(p->due_text);
			if (date_resolve_due(p->due_text, c->has_date ?
			    &c->date : NULL, &due) == 0) {
				date_format(&due, iso);
				a->due = xstrdup(iso);
			}
		}
		if (p->status == MTG_DONE)
			a->status = MTG_DONE;
		return;
	}
	a = meeting_add_action(m);
	e->count = (int)m->nactions;
	a->text = p->text;
	p->text = NULL;
	for (i = 0; i < p->owners.n; i++) {
		char *full;

		people_resolve(c->pp, p->owners.v[i], &full);
		strlist_add_unique(&a->owners, full);
		free(full);
	}
	if (p->due_text != NULL && *p->due_text != '\0') {
		a->due_text = xstrdup(p->due_text);
		if (date_resolve_due(p->due_text, c->has_date ? &c->date : NULL,
		    &due) == 0) {
			date_format(&due, iso);
			a->due = xstrdup(iso);
		}
	}
	a->status = p->status;
	a->line = p->line;
	a->col = p->col;
	if (p->id != NULL) {
		a->id = p->id;
		p->id = NULL;
	}
}

static void
decision_commit(struct xctx *c, const char *id, const char *text, int line)
{
	struct strmap_e *e;
	char *key;

	if (text == NULL || *text == '\0')
		return;
	key = dedupe_key(id, text);
	e = strmap_get(&c->seen_decisions, key, strlen(key), 1);
	free(key);
	if (e->count > 0)
		return;
	e->count = 1;
	meeting_add_decision(c->m, text, line);
}

/* --- marker lines --------------------------------------------------------- */

static const struct {
	const char	*word;
	enum xkind	 kind;
} markers[] = {
	{ "action items", XK_ACTIONS },
	{ "action item", XK_ACTIONS },
	{ "actions", XK_ACTIONS },
	{ "action", XK_ACTIONS },
	{ "ai", XK_ACTIONS },
	{ "todo", XK_ACTIONS },
	{ "to-do", XK_ACTIONS },
	{ "to do", XK_ACTIONS },
	{ "decisions", XK_DECISIONS },
	{ "decision", XK_DECISIONS },
	{ "resolved", XK_DECISIONS },
	{ "resolution", XK_DECISIONS },
	{ "agreed", XK_DECISIONS },
	{ "decided", XK_DECISIONS },
	{ "consensus", XK_DECISIONS },
	{ NULL, XK_NONE }
};

struct marker {
	enum xkind	 kind;
	size_t		 rest;		/* offset of the text after it */
	char		*id;		/* "58.1", or NULL */
	char		*owner;		/* "TODO (dawnchen@):", or NULL */
};

static int
all_upper(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (islower((unsigned char)s[i]))
			return 0;
	return 1;
}

static size_t
skip_space(const char *s, size_t i)
{
	while (s[i] == ' ')
		i++;
	return i;
}

/* A separator after a marker: ':' or a dash; returns its length or 0. */
static size_t
separator(const char *s)
{
	size_t i = skip_space(s, 0);

	if (s[i] == ':')
		return i + 1;
	if (s[i] == '-' && (i > 0 || s[1] == ' '))
		return i + 1;
	if (strncmp(s + i, "—", 3) == 0 || strncmp(s + i, "–", 3) == 0)
		return i + 3;
	return 0;
}

/*
 * Recognises a marker at the start of a line: "ACTION:", "Action -",
 * "Action item:", "AI:", "TODO (who):", "[action]", "ACTION 58.1:",
 * "DECISION:", "RESOLVED:", "AGREED:", optionally after a "[Speaker]"
 * prefix.  Returns its kind, XK_NONE when the line has none.
 */
static enum xkind
parse_marker(const char *s, struct marker *mk)
{
	size_t i = 0, j, wl, sep;
	int bracket = 0, k;

	memset(mk, 0, sizeof(*mk));
	/* Emphasis the parser left as text: "**AI: … **". */
	i = strspn(s, " *_");
	/* A speaker prefix "[Marko] Action item: …" */
	if (s[i] == '[' && strchr(s + i, ']') != NULL &&
	    strchr(s + i, ']') - (s + i) < 40) {
		const char *close = strchr(s + i, ']');

		j = (size_t)(close - s) + 1;
		j = skip_space(s, j);
		if (s[j] == '-' || s[j] == ':')
			j = skip_space(s, j + 1);
		for (k = 0; markers[k].word != NULL; k++)
			if (x_word_at(s + j, markers[k].word))
				break;
		if (markers[k].word != NULL)
			i = j;
	}
	if (s[i] == '[' || s[i] == '(') {
		bracket = 1;
		i++;
	}
	for (k = 0; markers[k].word != NULL; k++)
		if (x_word_at(s + i, markers[k].word))
			break;
	if (markers[k].word == NULL)
		return XK_NONE;
	wl = strlen(markers[k].word);
	if (strcmp(markers[k].word, "ai") == 0 && strncmp(s + i, "AI", 2) != 0)
		return XK_NONE;
	j = i + wl;
	if (bracket) {
		if (s[j] != ']' && s[j] != ')')
			return XK_NONE;
		j++;
	}
	/* A number: "ACTION 58.1", "Action #3". */
	{
		size_t n = skip_space(s, j), start;

		if (s[n] == '#')
			n++;
		start = n;
		while (isdigit((unsigned char)s[n]) ||
		    (s[n] == '.' && isdigit((unsigned char)s[n + 1])))
			n++;
		if (n > start && !isalpha((unsigned char)s[n])) {
			mk->id = xstrndup(s + start, n - start);
			j = n;
		}
	}
	/* "TODO (dawnchen@):" */
	{
		size_t n = skip_space(s, j);

		if (s[n] == '(' && strchr(s + n, ')') != NULL &&
		    separator(strchr(s + n, ')') + 1) > 0) {
			const char *close = strchr(s + n, ')');

			mk->owner = xstrndup(s + n + 1, (size_t)(close - s) - n - 1);
			j = (size_t)(close - s) + 1;
		}
	}
	sep = separator(s + j);
	if (sep == 0 && !bracket && mk->id == NULL &&
	    !(all_upper(s + i, wl) && s[j] == ' ' && wl > 2)) {
		free(mk->id);
		free(mk->owner);
		memset(mk, 0, sizeof(*mk));
		return XK_NONE;
	}
	j = skip_space(s, j + sep);
	if (s[j] == '\0') {
		free(mk->id);
		free(mk->owner);
		memset(mk, 0, sizeof(*mk));
		return XK_NONE;
	}
	mk->kind = markers[k].kind;
	mk->rest = j;
	return mk->kind;
}

static void
marker_free(struct marker *mk)
{
	free(mk->id);
	free(mk->owner);
}

/* "Status: WIP" / "**Status**: Done" lines after an action. */
static int
status_line(const char *s, enum mtg_status *st)
{
	s += skip_space(s, 0);
	if (strncasecmp(s, "status", 6) != 0)
		return 0;
	s += 6;
	if (*s != ':' && *s != ' ')
		return 0;
	while (*s == ':' || *s == ' ')
		s++;
	if (done_word(s))
		*st = MTG_DONE;
	return 1;
}

/* Whether a line continues the hard-wrapped sentence above it. */
static int
continues(const char *s)
{
	s += skip_space(s, 0);
	return *s != '\0' && !isupper((unsigned char)*s) &&
	    !((unsigned char)*s >= 0xc3 && (unsigned char)*s <= 0xdf) &&
	    *s != '*' && *s != '#' && *s != '[' && *s != '@';
}

/* Whether text ends a sentence (or a label). */
static int
ends_sentence(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n == 0 || strchr(".!?:;", s[n - 1]) != NULL ||
	    (n >= 3 && strcmp(s + n - 3, "”") == 0) || s[n - 1] == '"';
}

static void
record_action(struct xctx *c, const char *text, const struct marker *mk,
    enum mtg_status st, int line, int col)
{
	struct pend p;

	memset(&p, 0, sizeof(p));
	p.text = xstrdup(text);
	p.status = st;
	p.line = line;
	p.col = col;
	if (mk != NULL && mk->id != NULL)
		p.id = xstrdup(mk->id);
	if (mk != NULL && mk->owner != NULL)
		owner_list_ok(mk->owner, strlen(mk->owner), 1, &p.owners);
	trim_tail(p.text);
	action_parse_text(c->pp, &p);
	action_commit(c, &p);
	pend_free(&p);
}

/*
 * Finds marker lines in the lines of a paragraph.  In a list item every
 * following line continues the action; in a paragraph only lines that
 * continue a hard-wrapped sentence do ("Status:" lines set the status).
 */
static void
scan_lines(struct xctx *c, const struct xlines *ls, int in_item,
    enum mtg_status st0)
{
	size_t i, j;

	for (i = 0; i < ls->n; i++) {
		struct marker mk;
		enum xkind k = parse_marker(ls->v[i].text, &mk);
		enum mtg_status st = st0;
		struct buf b = {0};
		int line, col;

		if (k == XK_NONE)
			continue;
		buf_puts(&b, ls->v[i].text + mk.rest);
		for (j = i + 1; j < ls->n; j++) {
			struct marker m2;
			enum xkind k2 = parse_marker(ls->v[j].text, &m2);

			marker_free(&m2);
			if (k2 != XK_NONE)
				break;
			if (status_line(ls->v[j].text, &st))
				continue;
			if (!in_item && !continues(ls->v[j].text) &&
			    ends_sentence(b.data))
				break;
			buf_putc(&b, ' ');
			buf_puts(&b, ls->v[j].text);
		}
		buf_put(&b, "", 0);
		xline_pos(&ls->v[i], mk.rest, &line, &col);
		if (k == XK_ACTIONS)
			record_action(c, b.data, &mk, st, line, col);
		else {
			x_squeeze(b.data);
			decision_commit(c, mk.id, b.data, line);
		}
		buf_free(&b);
		marker_free(&mk);
		i = j - 1;
	}
}

/*
 * HackMD-style trailing labels: "Let's add a contributing.md `Agreed`
 * `ToDo`".  Returns the kinds found as bits (1 action, 2 decision).
 */
static int
trailing_labels(const struct node *para)
{
	const struct node *n;
	int bits = 0;

	for (n = para->last; n != NULL; n = n->prev) {
		if (n->type == MTG_N_TEXT && n->text != NULL &&
		    strspn(n->text, " \t") == strlen(n->text))
			continue;
		if (n->type != MTG_N_CODE || n->text == NULL)
			break;
		if (strcasecmp(n->text, "todo") == 0 ||
		    strcasecmp(n->text, "action") == 0 ||
		    strcasecmp(n->text, "action item") == 0)
			bits |= 1;
		else if (strcasecmp(n->text, "agreed") == 0 ||
		    strcasecmp(n->text, "decision") == 0 ||
		    strcasecmp(n->text, "decided") == 0)
			bits |= 2;
		else
			break;
	}
	return bits;
}

/* The paragraph text without its trailing `label` code spans. */
static char *
text_without_labels(const struct node *para)
{
	const struct node *n, *end = para->last;
	struct buf b = {0};

	while (end != NULL && (end->type == MTG_N_CODE ||
	    (end->type == MTG_N_TEXT && end->text != NULL &&
	    strspn(end->text, " \t") == strlen(end->text))))
		end = end->prev;
	buf_put(&b, "", 0);
	for (n = para->first; n != NULL && end != NULL; n = n->next) {
		char *t = node_text(n);

		buf_puts(&b, t);
		free(t);
		if (n == end)
			break;
	}
	return x_squeeze(buf_detach(&b));
}

static void
scan_labels(struct xctx *c, const struct node *para, enum mtg_status st)
{
	int bits = trailing_labels(para);
	char *t;

	if (bits == 0)
		return;
	t = text_without_labels(para);
	if (bits & 1)
		record_action(c, t, NULL, st, para->line, para->col);
	else if (bits & 2)
		decision_commit(c, NULL, t, para->line);
	free(t);
}

/* --- context: headings, labels ------------------------------------------- */

/*
 * Whether the text of a paragraph is a label for what follows:
 * "Action items:", "**Decisions:**", "Next steps".  Returns its kind.
 */
static enum xkind
label_kind(const char *text, int needs_colon)
{
	size_t n = strlen(text);

	if (n == 0 || n > 60)
		return XK_NONE;
	if (needs_colon && text[n - 1] != ':')
		return XK_NONE;
	return x_classify_label(text);
}

static enum xkind
para_label(const struct node *para, int needs_colon)
{
	char *t;
	enum xkind k;

	if (para == NULL || para->type != MTG_N_PARAGRAPH)
		return XK_NONE;
	t = x_text(para);
	k = label_kind(t, needs_colon);
	free(t);
	return k;
}

/* The innermost classified heading around the current position. */
static enum xkind
heading_context(const enum xkind *hk)
{
	int l;

	for (l = 6; l >= 1; l--)
		if (hk[l] != XK_NONE)
			return hk[l];
	return XK_NONE;
}

/* The kind of the items of a list: from its label or its heading. */
static enum xkind
list_context(const struct node *list, const enum xkind *hk)
{
	const struct node *up = list->parent;
	enum xkind k;

	if (up != NULL && up->type == MTG_N_ITEM)
		return para_label(x_item_para(up), 0);
	if (list->prev != NULL && list->prev->type == MTG_N_PARAGRAPH &&
	    (k = para_label(list->prev, 1)) != XK_NONE)
		return k;
	if (up != NULL && up->type == MTG_N_DOCUMENT)
		return heading_context(hk);
	return XK_NONE;
}

/* --- list items ----------------------------------------------------------- */

/* Joins lines into one text, leaving out "Status:" lines. */
static char *
join_lines(const struct xlines *ls, size_t from, size_t off,
    enum mtg_status *st)
{
	struct buf b = {0};
	size_t i;

	for (i = from; i < ls->n; i++) {
		if (i > from && status_line(ls->v[i].text, st))
			continue;
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, ls->v[i].text + (i == from ? off : 0));
	}
	buf_put(&b, "", 0);
	return x_squeeze(buf_detach(&b));
}

static int
has_sublist(const struct node *item)
{
	const struct node *n;

	for (n = item->first; n != NULL; n = n->next)
		if (n->type == MTG_N_LIST)
			return 1;
	return 0;
}

/* Whether a task item outside any action context is still an action:
 * it names a due date or starts with its owner. */
static int
task_is_action(struct xctx *c, const char *text)
{
	struct strlist tmp = {0};
	size_t cut, ps, pe;
	int yes = 0;

	if (date_split_due(text, &cut, &ps, &pe) == 0)
		yes = 1;
	else if (lead_owner(c->pp, text, &tmp) > 0)
		yes = 1;
	else if (!c->has_action_heading && trail_at_owner(text, &tmp) > 0)
		yes = 1;
	strlist_free(&tmp);
	return yes;
}

static void
scan_item(struct xctx *c, const struct node *item, enum xkind ctx)
{
	const struct node *para = x_item_para(item);
	struct xlines ls;
	struct marker mk;
	enum xkind k;
	enum mtg_status st;
	char *text;
	int line, col;

	if (para == NULL)
		return;
	st = item->task == MTG_TASK_DONE ? MTG_DONE : MTG_OPEN;
	xlines_of(para, &ls);
	if (ls.n == 0 || ls.v[0].text[0] == '\0') {
		xlines_free(&ls);
		return;
	}
	/* A label item: its sub-list carries the kind. */
	text = x_text(para);
	if (label_kind(text, !has_sublist(item)) != XK_NONE &&
	    (has_sublist(item) || text[strlen(text) - 1] == ':')) {
		free(text);
		xlines_free(&ls);
		return;
	}
	free(text);
	k = parse_marker(ls.v[0].text, &mk);
	if (ctx == XK_ACTIONS || (ctx == XK_DECISIONS && k == XK_ACTIONS)) {
		text = join_lines(&ls, 0, k != XK_NONE ? mk.rest : 0, &st);
		xline_pos(&ls.v[0], k != XK_NONE ? mk.rest : 0, &line, &col);
		record_action(c, text, k != XK_NONE ? &mk : NULL, st, line, col);
		free(text);
	} else if (ctx == XK_DECISIONS) {
		text = join_lines(&ls, 0, k != XK_NONE ? mk.rest : 0, &st);
		decision_commit(c, mk.id, text, ls.v[0].line);
		free(text);
	} else if (ctx >= XK_PRESENT && ctx <= XK_OTHER_ROLE &&
	    ctx != XK_AGENDA) {
		/* Attendance: names, not actions. */
	} else if (k != XK_NONE)
		scan_lines(c, &ls, 1, st);
	else if (item->task != MTG_TASK_NONE && ctx != XK_AGENDA) {
		text = join_lines(&ls, 0, 0, &st);
		if (task_is_action(c, text)) {
			xline_pos(&ls.v[0], 0, &line, &col);
			record_action(c, text, NULL, st, line, col);
		}
		free(text);
	} else {
		scan_lines(c, &ls, 1, st);
		scan_labels(c, para, st);
	}
	marker_free(&mk);
	xlines_free(&ls);
}

/* --- tables ---------------------------------------------------------------- */

enum col {
	COL_NONE,
	COL_DECISION,
	COL_TEAM,
	COL_MEMBERS,
	COL_LEAD,
	COL_ACTION,		/* a strong action word */
	COL_OWNER,
	COL_DUE,
	COL_STATUS,
	COL_ITEM,		/* "Item", "Description": action if owners */
	COL_TEXT,		/* "Description", "Details" of a decision */
	COL__MAX
};

static const struct {
	const char	*word;
	enum col	 col;
} col_words[] = {
	{ "decision", COL_DECISION },
	{ "decisions", COL_DECISION },
	{ "team members", COL_MEMBERS },
	{ "volunteers", COL_MEMBERS },
	{ "volunteer", COL_MEMBERS },
	{ "members", COL_MEMBERS },
	{ "participants", COL_MEMBERS },
	{ "subtopic", COL_TEAM },
	{ "sub-topic", COL_TEAM },
	{ "topic", COL_TEAM },
	{ "team", COL_TEAM },
	{ "subteam", COL_TEAM },
	{ "sub-team", COL_TEAM },
	{ "workstream", COL_TEAM },
	{ "work stream", COL_TEAM },
	{ "subgroup", COL_TEAM },
	{ "sub-group", COL_TEAM },
	{ "track", COL_TEAM },
	{ "rapporteur", COL_LEAD },
	{ "rapporteurs", COL_LEAD },
	{ "leader", COL_LEAD },
	{ "lead", COL_LEAD },
	{ "leads", COL_LEAD },
	{ "coordinator", COL_LEAD },
	{ "convenor", COL_LEAD },
	{ "convener", COL_LEAD },
	{ "chair", COL_LEAD },
	{ "action", COL_ACTION },
	{ "actions", COL_ACTION },
	{ "task", COL_ACTION },
	{ "tasks", COL_ACTION },
	{ "todo", COL_ACTION },
	{ "to-do", COL_ACTION },
	{ "to do", COL_ACTION },
	{ "request", COL_ACTION },
	{ "deliverable", COL_ACTION },
	{ "owner", COL_OWNER },
	{ "owners", COL_OWNER },
	{ "assignee", COL_OWNER },
	{ "assignees", COL_OWNER },
	{ "assigned", COL_OWNER },
	{ "who", COL_OWNER },
	{ "responsible", COL_OWNER },
	{ "person", COL_OWNER },
	{ "by whom", COL_OWNER },
	{ "due", COL_DUE },
	{ "deadline", COL_DUE },
	{ "date", COL_DUE },
	{ "when", COL_DUE },
	{ "by", COL_DUE },
	{ "target", COL_DUE },
	{ "eta", COL_DUE },
	{ "status", COL_STATUS },
	{ "state", COL_STATUS },
	{ "done", COL_STATUS },
	{ "complete", COL_STATUS },
	{ "progress", COL_STATUS },
	{ "item", COL_ITEM },
	{ "what", COL_ITEM },
	{ "description", COL_TEXT },
	{ "details", COL_TEXT },
	{ "summary", COL_TEXT },
	{ NULL, COL_NONE }
};

/* The column kind named by a header cell; the first listed word wins. */
static enum col
classify_col(const char *header)
{
	char *h = x_lower(xstrdup(header)), *p;
	enum col best = COL_NONE;
	size_t i, wl;

	x_strip_label(h);
	for (i = 0; col_words[i].word != NULL && best == COL_NONE; i++) {
		wl = strlen(col_words[i].word);
		for (p = strstr(h, col_words[i].word); p != NULL;
		    p = strstr(p + 1, col_words[i].word))
			if ((p == h || !isalnum((unsigned char)p[-1])) &&
			    !isalnum((unsigned char)p[wl])) {
				best = col_words[i].col;
				break;
			}
	}
	free(h);
	return best;
}

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
			if ((p = strpbrk(s, ",;")) != NULL)
				*p++ = '\0';
			trim_tail(s);
			if (*s != '\0')
				strlist_add(&t->members, s);
		}
		free(mem);
	}
}

static void
table_actions(struct xctx *c, const struct node *table, const int *cols)
{
	const struct node *row, *cell;
	int acol = cols[COL_ACTION] >= 0 ? cols[COL_ACTION] : cols[COL_ITEM];

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

			if (done_word(s))
				p.status = MTG_DONE;
			free(s);
		}
		action_parse_text(c->pp, &p);
		/* A due column may say "by 8 March". */
		action_commit(c, &p);
		pend_free(&p);
	}
}

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

/* Classifies a table by its header and takes what it holds. */
static void
scan_table(struct xctx *c, const struct node *table, enum xkind ctx)
{
	const struct node *cell;
	int cols[COL__MAX], i;

	if (table->first == NULL || !table->first->header)
		return;
	if (ctx >= XK_PRESENT && ctx <= XK_OTHER_ROLE && ctx != XK_AGENDA)
		return;	/* attendance tables are read elsewhere */
	for (i = 0; i < COL__MAX; i++)
		cols[i] = -1;
	for (i = 0, cell = table->first->first; cell != NULL;
	    cell = cell->next, i++) {
		char *h = x_text(cell);
		enum col k = classify_col(h);

		if (k != COL_NONE && cols[k] < 0)
			cols[k] = i;
		free(h);
	}
	if (cols[COL_TEAM] >= 0 && cols[COL_MEMBERS] >= 0)
		table_teams(c, table, cols);
	else if (cols[COL_DECISION] >= 0)
		table_decisions(c, table, cols);
	else if (cols[COL_ACTION] >= 0 || (cols[COL_ITEM] >= 0 &&
	    (cols[COL_OWNER] >= 0 || ctx == XK_ACTIONS))) {
		/* A "Lead" column of an action table names its owner. */
		if (cols[COL_OWNER] < 0 && cols[COL_LEAD] >= 0)
			cols[COL_OWNER] = cols[COL_LEAD];
		if (cols[COL_OWNER] >= 0 || cols[COL_DUE] >= 0 ||
		    ctx == XK_ACTIONS)
			table_actions(c, table, cols);
	}
}

/* --- the walk -------------------------------------------------------------- */

static const struct node *
skip_subtree(const struct node *root, const struct node *n)
{
	while (n != root) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

void
extract_actions(struct xctx *c)
{
	enum xkind hk[7] = { XK_NONE };
	const struct node *b, *n;
	int l;

	for (b = c->first; b != NULL && b != c->stop; b = b->next)
		if (b->type == MTG_N_HEADING) {
			char *t = x_text(b);

			if (x_classify_label(t) == XK_ACTIONS)
				c->has_action_heading = 1;
			free(t);
		}
	for (b = c->first; b != NULL && b != c->stop; b = b->next) {
		for (n = b; n != NULL; ) {
			int descend = 0;

			switch (n->type) {
			case MTG_N_HEADING: {
				char *t = x_text(n);

				if (n->level >= 1 && n->level <= 6) {
					for (l = n->level; l <= 6; l++)
						hk[l] = XK_NONE;
					hk[n->level] = x_classify_label(t);
				}
				free(t);
				break;
			}
			case MTG_N_TABLE:
				scan_table(c, n, heading_context(hk));
				break;
			case MTG_N_PARAGRAPH:
				if (n->parent != NULL &&
				    n->parent->type == MTG_N_ITEM &&
				    n->parent->first == n)
					break;	/* read with its item */
				{
					struct xlines ls;

					xlines_of(n, &ls);
					scan_lines(c, &ls, 0, MTG_OPEN);
					xlines_free(&ls);
					scan_labels(c, n, MTG_OPEN);
				}
				break;
			case MTG_N_ITEM:
				scan_item(c, n, list_context(n->parent, hk));
				descend = 1;
				break;
			case MTG_N_CODE_BLOCK:
			case MTG_N_HTML_BLOCK:
				break;
			default:
				descend = 1;
				break;
			}
			n = descend ? node_walk_next(b, n) : skip_subtree(b, n);
		}
	}
}

void
extract_actions_finish(struct xctx *c)
{
	struct meeting *m = c->m;
	size_t i;

	for (i = 0; i < m->nactions; i++) {
		if (m->actions[i].id != NULL)
			continue;
		m->actions[i].id = xasprintf("%s-%zu",
		    m->date != NULL ? m->date : "undated", i + 1);
	}
}
