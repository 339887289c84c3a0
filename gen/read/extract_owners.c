/*
 * extract_owners.c -- owners and due dates inside the text of an action:
 * "Name to verb", "Name will verb", "@a and @b task", "Name: task" (for
 * people the meeting knows), a trailing "(Name)" or "@Name", and a due
 * phrase at the end ("— due 20 July", "by EOD Tuesday").
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"
#include "people.h"

void
pend_free(struct pend *p)
{
	free(p->text);
	strlist_free(&p->owners);
	free(p->due_text);
	free(p->id);
}

/* --- words -------------------------------------------------------------- */

/*
 * First words that never start an owner ("Need to", "Note:", "This
 * will").  Kept in strcmp() order: it is searched by bisection.
 */
static const char *const not_owner[] = {
	"a", "able", "about", "according", "action", "actions", "add",
	"added", "after", "agenda", "agree", "agreed", "already", "also",
	"although", "an", "and", "any", "anybody", "anyone", "apply",
	"approval", "approved", "are", "as", "asap", "ask", "assign", "at",
	"attach", "attempt", "back", "background", "be", "because", "been",
	"before", "begin", "best", "better", "blocked", "bring", "bump",
	"but", "by", "call", "can", "change", "changes", "check", "clarify",
	"close", "closed", "collect", "come", "comment", "comments", "commit",
	"compare", "complete", "completed", "conclusion", "confirm",
	"consensus", "consider", "contact", "context", "continue",
	"contribute", "convert", "coordinate", "copy", "could", "create",
	"decide", "decided", "decision", "decrease", "define", "deploy",
	"determine", "difficult", "discuss", "discussion", "do", "document",
	"done", "downgrade", "download", "draft", "due", "each", "easy",
	"edit", "email", "endeavor", "endeavour", "ensure", "escalate", "every", "everything",
	"expand", "expected", "explain", "explore", "extend", "figure",
	"file", "finalize", "find", "fix", "follow", "follow-up", "followup",
	"for", "forward", "free", "from", "gather", "get", "give", "glad",
	"go", "goal", "goals", "going", "good", "had", "hand", "happy",
	"hard", "has", "have", "he", "help", "here", "hope", "how", "i",
	"identify", "if", "implement", "important", "in", "increase",
	"introduce", "investigate", "invite", "is", "issue", "issues", "it",
	"its", "just", "least", "let", "let's", "lets", "likely", "limit",
	"link", "links", "listen", "look", "make", "may", "maybe", "meeting",
	"meetings", "merge", "might", "migrate", "more", "most", "move",
	"moved", "must", "my", "n/a", "need", "needs", "next", "nice", "no",
	"nobody", "none", "not", "note", "notes", "nothing", "now", "object",
	"ok", "okay", "on", "ongoing", "only", "open", "optional", "or",
	"our", "outcome", "owing", "pass", "pending", "per", "perhaps",
	"ping", "plan", "plans", "please", "point", "port", "possible",
	"post", "prepare", "present", "prior", "probably", "process",
	"proposal", "propose", "provide", "publish", "push", "question",
	"questions", "raise", "reach", "read", "ready", "redirect", "reduce",
	"refer", "relate", "related", "remember", "remind", "reminder",
	"rename", "reply", "report", "request", "required", "reset",
	"resolved", "respond", "restrict", "result", "results", "return",
	"revert", "review", "reviewed", "roll", "rollback", "schedule",
	"send", "sent", "set", "share", "she", "should", "similar", "since",
	"so", "some", "somebody", "someone", "something", "sorry", "speak",
	"start", "status", "still", "submit", "subscribe", "suggestion",
	"summary", "supposed", "switch", "take", "talk", "task", "tasks",
	"tba", "tbc", "tbd", "test", "thank", "thanks", "that", "the",
	"their", "then", "there", "these", "they", "this", "those", "though",
	"time", "to", "today", "todo", "tomorrow", "track", "transfer", "try",
	"unable", "unsubscribe", "until", "up", "update", "updates",
	"upgrade", "upload", "us", "use", "used", "via", "vote", "votes",
	"voting", "wait", "want", "wants", "was", "we", "week", "welcome",
	"were", "what", "when", "where", "whether", "which", "who", "why",
	"will", "wip", "with", "work", "would", "write", "yes", "yesterday",
	"you", "your", NULL
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

/*
 * Compares w[0..len), taken in ASCII lower case, with the lower-case
 * word s, as strcmp() would compare the two strings.
 */
static int
word_cmp(const char *w, size_t len, const char *s)
{
	size_t i;
	int a, b;

	for (i = 0; i < len; i++) {
		a = tolower((unsigned char)w[i]);
		b = (unsigned char)s[i];
		if (a != b || b == '\0')
			return a - b;
	}
	return s[len] == '\0' ? 0 : -1;
}

/* word_in() for not_owner, which is sorted: a few hundred words. */
static int
not_owner_word(const char *w, size_t len)
{
	size_t lo = 0, hi = sizeof(not_owner) / sizeof(not_owner[0]) - 1;
	size_t mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = word_cmp(w, len, not_owner[mid])) == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
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
	/* "dawnchen@": an address-like handle. */
	if (*o != '\0' && o[strlen(o) - 1] == '@')
		o[strlen(o) - 1] = '\0';
	at = *o == '@';
	for (w = o; ok && *w != '\0'; w += wl) {
		while (*w == ' ')
			w++;
		if (*w == '\0')
			break;
		wl = strcspn(w, " ");
		if (*w == '@') {
			if (!handle_word(w + 1, wl - 1) &&
			    !name_start((const unsigned char *)w + 1))
				ok = 0;
		} else if (words == 0 && not_owner_word(w, wl))
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

/* "A, B, and/or C" and "A and/or B" read "A, B and C", "A and B"; in
 * place. */
static void
and_or(char *s)
{
	static const char *const forms[] = { ", and/or ", " and/or ", NULL };
	char *p;
	size_t i;

	for (i = 0; forms[i] != NULL; i++)
		while ((p = strcasestr(s, forms[i])) != NULL) {
			size_t fl = strlen(forms[i]);

			memcpy(p, " and ", 5);
			memmove(p + 5, p + fl, strlen(p + fl) + 1);
		}
}

/*
 * Whether s[0..len) is a list of owners joined by ",", "/", "&", "and";
 * fills owners when it is.
 */
int
owner_list_ok(const char *s, size_t len, int lenient, struct strlist *owners)
{
	char *o = xstrndup(s, len);
	struct strlist parts = {0};
	const char *p, *start;
	int ok = 1, depth = 0;
	size_t i;

	x_squeeze(o);
	and_or(o);
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
		while (*start == ' ' && start < p)
			start++;
		/* ", and": an empty owner between two separators. */
		if (start >= p ||
		    !one_owner_ok(start, (size_t)(p - start), lenient))
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
/* Words before a list of owners any of whom may take the task: "One
 * of pnkfelix, joshtriplett and/or withoutboats should …". */
static const char *const any_of[] = {
	"one of ", "any of ", NULL
};

size_t
lead_owner(const struct people *pp, const char *t, struct strlist *owners,
    int listed)
{
	size_t best = 0, blen = 0, i, n;
	const char *p, *found;

	for (i = 0; any_of[i] != NULL; i++) {
		struct strlist tmp = {0};

		n = strlen(any_of[i]);
		if (strncasecmp(t, any_of[i], n) != 0)
			continue;
		/* Only when a list of two or more follows. */
		best = lead_owner(pp, t + n, &tmp, listed);
		if (best > 0 && tmp.n >= 2) {
			for (i = 0; i < tmp.n; i++)
				strlist_add_unique(owners, tmp.v[i]);
			strlist_free(&tmp);
			return n + best;
		}
		strlist_free(&tmp);
		return 0;
	}

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
		size_t olen = best;
		int ok;

		/* "SC, will respond" */
		while (olen > 0 && t[olen - 1] == ',')
			olen--;
		ok = owner_list_ok(t, olen, 1, &tmp);

		/* "Name: task" and "Name - task" read like "Phase: text"
		 * unless the names are people the meeting knows, or the
		 * capitalised names or handles of an Action items list. */
		for (i = 0; ok && (t[best] == ':' || t[best + 1] == '-') &&
		    i < tmp.n; i++)
			ok = known(pp, tmp.v[i]) || (listed && t[best] == ':' &&
			    (isupper((unsigned char)t[0]) || t[0] == '@' ||
			    (unsigned char)t[0] >= 0xc3));
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

/*
 * "Will provide a template (sent during call)": a closing note that the
 * thing went out says the action is done.  low is the lowered text.
 */
static int
sent_note(const char *low)
{
	const char *o = strrchr(low, '(');
	size_t n = strlen(low);

	while (n > 0 && low[n - 1] == ' ')
		n--;
	if (o == NULL || n == 0 || low[n - 1] != ')' ||
	    strchr(o, ')') != low + n - 1)
		return 0;
	return strncmp(o, "(sent)", 6) == 0 ||
	    strncmp(o, "(sent during ", 13) == 0;
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
size_t
trail_at_owner(const char *t, struct strlist *owners)
{
	const char *p, *at = NULL;
	size_t n = strlen(t);

	/* Owners at the end are short: look at the last 120 bytes only. */
	for (p = n > 120 ? t + n - 120 : t + 1; *p != '\0'; p++)
		if (*p == '@' && p[-1] == ' ' && (isalnum((unsigned char)p[1]) ||
		    (unsigned char)p[1] >= 0x80) && (isalnum((unsigned char)p[2]) ||
		    (unsigned char)p[2] >= 0x80)) {
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

/* A trailing "— Carla" naming people the meeting knows: where it
 * starts, or 0. */
static size_t
trail_dash_owner(const struct people *pp, const char *t,
    struct strlist *owners)
{
	static const char *const dashes[] = { " — ", " – ", " - ", NULL };
	struct strlist tmp = {0};
	const char *p, *last = NULL;
	size_t i, dl = 0;
	int ok;

	for (i = 0; dashes[i] != NULL; i++)
		for (p = strstr(t, dashes[i]); p != NULL;
		    p = strstr(p + 1, dashes[i]))
			if (last == NULL || p > last) {
				last = p;
				dl = strlen(dashes[i]);
			}
	if (last == NULL || last == t)
		return 0;
	ok = owner_list_ok(last + dl, strlen(last + dl), 0, &tmp);
	for (i = 0; ok && i < tmp.n; i++)
		ok = known(pp, tmp.v[i]);
	for (i = 0; ok && i < tmp.n; i++)
		strlist_add_unique(owners, tmp.v[i]);
	strlist_free(&tmp);
	return ok ? (size_t)(last - t) : 0;
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
	return lead_owner(pp, last, owners, 0) > 0;
}

/* Trims spaces and the separators left when a clause is cut away. */
void
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

int
done_word(const char *s)
{
	char *t = x_strip_label(xstrdup(s));
	size_t i;
	int done = 0;

	for (i = 0; conv_done_words[i] != NULL && !done; i++)
		if (strcasecmp(t, conv_done_words[i]) == 0 ||
		    (strlen(conv_done_words[i]) > 2 &&
		    str_has_prefix_ci(t, conv_done_words[i]) &&
		    !isalpha((unsigned char)t[strlen(conv_done_words[i])])))
			done = 1;
	free(t);
	return done;
}

int
x_status_word(const char *s, enum mtg_status *st)
{
	char *t;
	size_t i, wl;
	int found = 0;

	if (done_word(s)) {
		*st = MTG_DONE;
		return 1;
	}
	t = x_strip_label(xstrdup(s));
	for (i = 0; conv_status_words[i].word != NULL && !found; i++) {
		wl = conv_status_words[i].len;
		if (strcasecmp(t, conv_status_words[i].word) == 0 ||
		    (str_has_prefix_ci(t, conv_status_words[i].word) &&
		    !isalpha((unsigned char)t[wl]))) {
			*st = (enum mtg_status)conv_status_words[i].kind;
			found = 1;
		}
	}
	free(t);
	return found;
}

/*
 * An action's own number written with it: "(2017-06-29-4)", "(#57)" or
 * "(58.1)" at the end, "#57:" at the start.  Takes it out of p->text
 * into p->id.  A date in parentheses is no id.
 */
static void
take_id(struct pend *p)
{
	char *t = p->text, *open, *id;
	size_t n = strlen(t), len;

	if (t[0] == '#' && isdigit((unsigned char)t[1])) {
		len = 1 + strspn(t + 1, "0123456789.-");
		while (len > 1 && (t[len - 1] == '.' || t[len - 1] == '-'))
			len--;
		if (t[len] == ':') {
			p->id = xstrndup(t + 1, len - 1);
			len += strspn(t + len, ": ");
			memmove(t, t + len, strlen(t + len) + 1);
		}
		return;
	}
	if (n < 3 || t[n - 1] != ')' || (open = strrchr(t, '(')) == NULL)
		return;
	id = open + 1 + (open[1] == '#');
	len = (size_t)(t + n - 1 - id);
	/* Digits joined by '.' or '-', or any digits after '#'. */
	if (len == 0 || strspn(id, "0123456789.-") != len ||
	    !isdigit((unsigned char)id[0]) ||
	    !isdigit((unsigned char)id[len - 1]) ||
	    (id == open + 1 && strcspn(id, ".-") >= len) ||
	    (len == 10 && id[4] == '-' && id[7] == '-' &&
	    strspn(id, "0123456789") == 4))
		return;
	p->id = xstrndup(id, len);
	*open = '\0';
	trim_tail(t);
}

/*
 * Takes owners, a due date and a done mark out of p->text.  Table
 * actions keep their text and only look for a due date in it when they
 * have no due column.
 */
/*
 * "— due whenever", "(due 31 February)": an explicit due phrase that
 * date_split_due() does not know, kept so that validation can say it is
 * no date.  Returns 0 and sets the cut and the phrase, or -1.
 */
static int
explicit_due(const char *t, size_t *cut, size_t *ps, size_t *pe)
{
	static const char *const intro[] = {
		" — due ", " – due ", " - due ", ", due ", " (due ", " due: ",
		" due ", " deadline: ", " — deadline ", NULL
	};
	const char *p, *best = NULL;
	size_t i, n = strlen(t), bl = 0;

	for (i = 0; intro[i] != NULL; i++)
		if ((p = strstr(t, intro[i])) != NULL) {
			const char *q;

			while ((q = strstr(p + 1, intro[i])) != NULL)
				p = q;
			if (best == NULL || p > best) {
				best = p;
				bl = strlen(intro[i]);
			}
		}
	if (best == NULL)
		return -1;
	*cut = (size_t)(best - t);
	*ps = *cut + bl;
	*pe = n;
	while (*pe > *ps && (t[*pe - 1] == ')' || t[*pe - 1] == '.' ||
	    t[*pe - 1] == ' '))
		(*pe)--;
	/* A phrase, not the rest of a sentence. */
	if (*pe <= *ps || *pe - *ps > 30 || memchr(t + *ps, ',', *pe - *ps))
		return -1;
	return 0;
}

int
x_due_phrase(const char *t, size_t *cut, size_t *ps, size_t *pe)
{
	if (date_split_due(t, cut, ps, pe) == 0)
		return 0;
	return explicit_due(t, cut, ps, pe);
}

void
action_parse_text(const struct people *pp, struct pend *p)
{
	size_t cut, ps, pe, n;
	char *t, *low;

	if (p->id == NULL)
		take_id(p);
	t = p->text;
	if (p->due_text == NULL && x_due_phrase(t, &cut, &ps, &pe) == 0) {
		p->due_text = xstrndup(t + ps, pe - ps);
		x_strip_label(p->due_text);
		t[cut] = '\0';
		trim_tail(t);
	}
	if (!p->from_table || p->owners.n == 0) {
		size_t lead = p->from_table ? 0 : lead_owner(pp, t, &p->owners,
		    p->listed);

		if (lead > 0)
			memmove(t, t + lead, strlen(t + lead) + 1);
		else if ((n = trail_paren_owner(t, &p->owners)) > 0) {
			t[n] = '\0';
			trim_tail(t);
		} else if ((n = trail_at_owner(t, &p->owners)) > 0) {
			t[n] = '\0';
			trim_tail(t);
		} else if ((n = trail_dash_owner(pp, t, &p->owners)) > 0) {
			t[n] = '\0';
			trim_tail(t);
		} else if (!p->from_table)
			dash_owner(pp, t, &p->owners);
		/* Owners first, due date last: "Name to do X by Friday". */
		if (lead > 0 && p->due_text == NULL &&
		    x_due_phrase(t, &cut, &ps, &pe) == 0) {
			p->due_text = xstrndup(t + ps, pe - ps);
			x_strip_label(p->due_text);
			t[cut] = '\0';
			trim_tail(t);
		}
	}
	/* "Larry to action transfer": "action" is the verb. */
	if (strncasecmp(t, "action ", 7) == 0 && islower((unsigned char)t[7]))
		memmove(t, t + 7, strlen(t + 7) + 1);
	low = x_lower(xstrdup(t));
	/* "ACTION 58.1: done" says only how a known action stands. */
	if (p->id != NULL && strlen(t) < 24 && strchr(t, ' ') ==
	    strrchr(t, ' ') && x_status_word(t, &p->status)) {
		*t = '\0';
		free(low);
		return;
	}
	if (strstr(low, "(done") || strstr(low, "(completed") ||
	    strstr(low, "(closed") || strncmp(low, "done:", 5) == 0 ||
	    strncmp(low, "[done]", 6) == 0 || sent_note(low))
		p->status = MTG_DONE;
	free(low);
	x_squeeze(t);
	if (islower((unsigned char)*t))
		*t = (char)toupper((unsigned char)*t);
}
