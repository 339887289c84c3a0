/*
 * conventions.c -- the words of the notes conventions, one table each.
 *
 * Lists are NULL-terminated and in lower case; README's "Notes format"
 * section shows them (conv_docs) and tests/test_extract.c checks that it
 * does.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "conventions.h"

int
conv_word_in(const char *const *list, const char *w, size_t len)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == len && strncasecmp(*list, w, len) == 0)
			return 1;
	return 0;
}

/* Whether c is trimmed from the end of a label. */
static int
label_edge(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' ||
	    c == '*' || c == '_' || c == '.';
}

static int
space_at(const char *s)
{
	return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0);
}

/*
 * As x_strip_label() would leave it, without a copy of s: white space
 * (a no-break space too) in runs of one, the label marks ':' '*' '_' '.'
 * gone from the ends.  No word of a list is this long.
 */
int
conv_is(const char *const *list, const char *s)
{
	char t[128];
	size_t n = 0;
	int space = 0;

	for (; *s != '\0'; s++) {
		if (space_at(s)) {
			if ((unsigned char)*s == 0xc2)
				s++;
			space = 1;
			continue;
		}
		if (n == 0 && (*s == '*' || *s == '_'))
			continue;
		if (space && n > 0)
			t[n++] = ' ';
		space = 0;
		t[n++] = *s;
		if (n >= sizeof(t) - 1)
			return 0;
	}
	while (n > 0 && label_edge(t[n - 1]))
		n--;
	return conv_word_in(list, t, n);
}

/* A word and its length. */
#define W(s)	(s), sizeof(s) - 1

/* --- labels ------------------------------------------------------------------ */

const struct conv_word conv_labels[] = {
	{ W("action items"), XK_ACTIONS },
	{ W("action item"), XK_ACTIONS },
	{ W("actions"), XK_ACTIONS },
	{ W("actions required"), XK_ACTIONS },
	{ W("actionables"), XK_ACTIONS },
	{ W("ais"), XK_ACTIONS },
	{ W("next steps"), XK_ACTIONS },
	{ W("todos"), XK_ACTIONS },
	{ W("todo"), XK_ACTIONS },
	{ W("to do"), XK_ACTIONS },
	{ W("to-do"), XK_ACTIONS },
	{ W("follow-ups"), XK_ACTIONS },
	{ W("follow ups"), XK_ACTIONS },
	{ W("decisions"), XK_DECISIONS },
	{ W("decisions made"), XK_DECISIONS },
	{ W("resolutions"), XK_DECISIONS },
	{ W("agreements"), XK_DECISIONS },
	{ W("attendees"), XK_PRESENT },
	{ W("attendance"), XK_PRESENT },
	{ W("present"), XK_PRESENT },
	{ W("participants"), XK_PRESENT },
	{ W("in attendance"), XK_PRESENT },
	{ W("members present"), XK_PRESENT },
	{ W("attending"), XK_PRESENT },
	{ W("roll call"), XK_PRESENT },
	{ W("regrets"), XK_APOLOGIES },
	{ W("apologies"), XK_APOLOGIES },
	{ W("apologies/absences"), XK_APOLOGIES },
	{ W("absent"), XK_ABSENT },
	{ W("absentees"), XK_ABSENT },
	{ W("not present"), XK_ABSENT },
	{ W("chair"), XK_CHAIRS },
	{ W("chairs"), XK_CHAIRS },
	{ W("co-chairs"), XK_CHAIRS },
	{ W("cochairs"), XK_CHAIRS },
	{ W("co-chair"), XK_CHAIRS },
	{ W("chairperson"), XK_CHAIRS },
	{ W("host"), XK_CHAIRS },
	{ W("hosts"), XK_CHAIRS },
	{ W("moderator"), XK_CHAIRS },
	{ W("facilitator"), XK_CHAIRS },
	{ W("lead"), XK_CHAIRS },
	{ W("bosun"), XK_CHAIRS },
	{ W("staff"), XK_STAFF },
	{ W("secretariat"), XK_STAFF },
	{ W("support staff"), XK_STAFF },
	{ W("org"), XK_STAFF },
	{ W("observers"), XK_OBSERVERS },
	{ W("guests"), XK_OBSERVERS },
	{ W("scribe"), XK_OTHER_ROLE },
	{ W("scribes"), XK_OTHER_ROLE },
	{ W("notetaker"), XK_OTHER_ROLE },
	{ W("note taker"), XK_OTHER_ROLE },
	{ W("note-taker"), XK_OTHER_ROLE },
	{ W("notes"), XK_NONE },
	{ W("secretary"), XK_OTHER_ROLE },
	{ W("minutes"), XK_OTHER_ROLE },
	{ W("agenda"), XK_AGENDA },
	{ W("draft agenda"), XK_AGENDA },
	{ W("proposed agenda"), XK_AGENDA },
	{ NULL, 0, XK_NONE }
};

const struct conv_word conv_markers[] = {
	{ W("action items"), XK_ACTIONS },
	{ W("action item"), XK_ACTIONS },
	{ W("actions"), XK_ACTIONS },
	{ W("action"), XK_ACTIONS },
	{ W("ai"), XK_ACTIONS },
	{ W("todo"), XK_ACTIONS },
	{ W("to-do"), XK_ACTIONS },
	{ W("to do"), XK_ACTIONS },
	{ W("next steps"), XK_ACTIONS },
	{ W("next step"), XK_ACTIONS },
	{ W("decisions"), XK_DECISIONS },
	{ W("decision"), XK_DECISIONS },
	{ W("resolved"), XK_DECISIONS },
	{ W("resolution"), XK_DECISIONS },
	{ W("agreed"), XK_DECISIONS },
	{ W("decided"), XK_DECISIONS },
	{ W("consensus"), XK_DECISIONS },
	{ W("conclusion"), XK_DECISIONS },
	{ W("outcome"), XK_DECISIONS },
	{ NULL, 0, XK_NONE }
};

/* Decision markers that may head a finding of the talk, and the phrases
 * that make what follows them one ("Conclusion: … is needed"). */
const char *const conv_finding_markers[] = {
	"conclusion", "outcome", NULL
};

const char *const conv_findings[] = {
	"would", "could", "might", "is needed", "are needed", NULL
};

const struct conv_word conv_code_labels[] = {
	{ W("todo"), XK_ACTIONS },
	{ W("action"), XK_ACTIONS },
	{ W("action item"), XK_ACTIONS },
	{ W("agreed"), XK_DECISIONS },
	{ W("decision"), XK_DECISIONS },
	{ W("decided"), XK_DECISIONS },
	{ NULL, 0, XK_NONE }
};

const char *const conv_empty_list[] = {
	"none", "n/a", "na", "nothing", "-", "—", "tbd", "no actions",
	"no action items", "no new action items", "none this week",
	"no new actions", NULL
};

/* Labels whose list may outline a presented plan's stages ("Next Steps:"
 * over "Feedback: …", "Roll Out: …"), not the meeting's actions. */
const char *const conv_plan_labels[] = {
	"next steps", "next step", NULL
};

const char *const conv_not_tasks[] = {
	"note", "notes", "nb", "n.b.", "fyi", "reminder", "context",
	"background", "info", NULL
};

/* --- table headers ------------------------------------------------------------ */

const struct conv_word conv_columns[] = {
	{ W("decision"), COL_DECISION },
	{ W("decisions"), COL_DECISION },
	{ W("team members"), COL_MEMBERS },
	{ W("volunteers"), COL_MEMBERS },
	{ W("volunteer"), COL_MEMBERS },
	{ W("members"), COL_MEMBERS },
	{ W("participants"), COL_MEMBERS },
	{ W("subtopic"), COL_TEAM },
	{ W("sub-topic"), COL_TEAM },
	{ W("topic"), COL_TEAM },
	{ W("team"), COL_TEAM },
	{ W("subteam"), COL_TEAM },
	{ W("sub-team"), COL_TEAM },
	{ W("workstream"), COL_TEAM },
	{ W("work stream"), COL_TEAM },
	{ W("subgroup"), COL_TEAM },
	{ W("sub-group"), COL_TEAM },
	{ W("track"), COL_TEAM },
	{ W("rapporteur"), COL_LEAD },
	{ W("rapporteurs"), COL_LEAD },
	{ W("leader"), COL_LEAD },
	{ W("lead"), COL_LEAD },
	{ W("leads"), COL_LEAD },
	{ W("coordinator"), COL_LEAD },
	{ W("convenor"), COL_LEAD },
	{ W("convener"), COL_LEAD },
	{ W("chair"), COL_LEAD },
	{ W("action"), COL_ACTION },
	{ W("actions"), COL_ACTION },
	{ W("task"), COL_ACTION },
	{ W("tasks"), COL_ACTION },
	{ W("todo"), COL_ACTION },
	{ W("to-do"), COL_ACTION },
	{ W("to do"), COL_ACTION },
	{ W("request"), COL_ACTION },
	{ W("deliverable"), COL_ACTION },
	{ W("owner"), COL_OWNER },
	{ W("owners"), COL_OWNER },
	{ W("assignee"), COL_OWNER },
	{ W("assignees"), COL_OWNER },
	{ W("assigned"), COL_OWNER },
	{ W("who"), COL_OWNER },
	{ W("responsible"), COL_OWNER },
	{ W("person"), COL_OWNER },
	{ W("by whom"), COL_OWNER },
	{ W("due"), COL_DUE },
	{ W("deadline"), COL_DUE },
	{ W("date"), COL_DUE },
	{ W("when"), COL_DUE },
	{ W("by"), COL_DUE },
	{ W("target"), COL_DUE },
	{ W("eta"), COL_DUE },
	{ W("status"), COL_STATUS },
	{ W("state"), COL_STATUS },
	{ W("done"), COL_STATUS },
	{ W("complete"), COL_STATUS },
	{ W("progress"), COL_STATUS },
	{ W("item"), COL_ITEM },
	{ W("what"), COL_ITEM },
	{ W("consensus"), COL_CONSENSUS },
	{ W("agreed"), COL_CONSENSUS },
	{ W("description"), COL_TEXT },
	{ W("details"), COL_TEXT },
	{ W("summary"), COL_TEXT },
	{ W("resolution"), COL_TEXT },
	{ W("id"), COL_ID },
	{ W("#"), COL_ID },
	{ W("no."), COL_ID },
	{ W("no"), COL_ID },
	{ W("ref"), COL_ID },
	{ NULL, 0, COL_NONE }
};

/* Whether a column word ends at s[n]: no letter or digit follows. */
static int
word_ends(const char *s, size_t n)
{
	return !isalnum((unsigned char)s[n]);
}

/*
 * The column a header names: the first row of conv_columns found in it
 * as a word (no letter or digit just before or after).  The header is
 * walked once: each place a word may start is tried against the rows
 * that start with its letter, and the earliest row found wins.
 */
enum conv_col
conv_column(const char *header)
{
	const char *h = header;
	size_t i, best = (size_t)-1, n;

	/* As x_strip_label(): the ends of a label do not count. */
	while (*h == ' ' || *h == '*' || *h == '_')
		h++;
	n = strlen(h);
	while (n > 0 && label_edge(h[n - 1]))
		n--;
	for (i = 0; i < n; i++) {
		int c = tolower((unsigned char)h[i]);
		size_t k;

		if (i > 0 && isalnum((unsigned char)h[i - 1]))
			continue;
		for (k = 0; conv_columns[k].word != NULL && k < best; k++) {
			const struct conv_word *w = &conv_columns[k];

			if (w->word[0] == c && w->len <= n - i &&
			    strncasecmp(h + i, w->word, w->len) == 0 &&
			    (i + w->len == n || word_ends(h, i + w->len)))
				best = k;
		}
	}
	return best == (size_t)-1 ? COL_NONE : conv_columns[best].kind;
}

const char *const conv_presence_columns[] = {
	"present", "present?", "attended", "attended?", "attendance",
	"attending", "here", "x", "in attendance", "joined", NULL
};

const char *const conv_absent_marks[] = {
	"(absent)", "(not present)", "(did not attend)", " - absent",
	" - not present", " — absent", " — not present", " – absent",
	" – not present", ": absent", ": not present", NULL
};

/* Chair labels naming another role: kind indexes conv_chair_role_names,
 * the model's words for them. */
const struct conv_word conv_chair_roles[] = {
	{ W("host"), 0 }, { W("hosts"), 0 }, { W("facilitator"), 1 },
	{ W("facilitators"), 1 }, { W("moderator"), 2 },
	{ W("moderators"), 2 }, { NULL, 0, 0 }
};
const char *const conv_chair_role_names[] = {
	"host", "facilitator", "moderator", NULL
};

/* Words that make the part after a comma an organisation: "Chair: Ana
 * Silva, Example Foundation" is one person. */
const char *const conv_org_words[] = {
	"foundation", "inc", "ltd", "llc", "gmbh", "corp", "corporation",
	"company", "university", "institute", "association", "labs",
	"consortium", "society", "ag", "bv", "plc", "co", NULL
};

/* What parentheses or a dash after a name say that is no organisation:
 * how the person took part ("Geoff Huston (remote)"). */
const char *const conv_not_orgs[] = {
	"remote", "remotely", "online", "virtual", "in person", "in-person",
	"on site", "onsite", "by phone", "phone", "dial-in", "zoom", "video",
	"guest", "observer", "late", "left early", "partly", "partial", NULL
};

/* Trailing markers of someone the notes name but who was not there: a
 * summary's "Key participants" table lists "Philip (mentioned)". */
const char *const conv_mention_marks[] = {
	"(mentioned)", "(mentioned only)", "(only mentioned)", NULL
};

/* --- status, due dates, names ------------------------------------------------- */

const char *const conv_done_words[] = {
	"done", "closed", "complete", "completed", "finished", "resolved",
	"yes", "y", "x", "[x]", "✓", "✔", "✅", "☑", "✔️", "☑️",
	/* Emoji codes, their closing ':' taken as a label's. */
	":heavy_check_mark", ":white_check_mark", ":ballot_box_with_check",
	"merged", "fixed", NULL
};

const struct conv_word conv_status_words[] = {
	{ W("in progress"), MTG_IN_PROGRESS },
	{ W("in-progress"), MTG_IN_PROGRESS },
	{ W("ongoing"), MTG_IN_PROGRESS },
	{ W("started"), MTG_IN_PROGRESS },
	{ W("underway"), MTG_IN_PROGRESS },
	{ W("under way"), MTG_IN_PROGRESS },
	{ W("wip"), MTG_IN_PROGRESS },
	{ W("partly done"), MTG_IN_PROGRESS },
	{ W("dropped"), MTG_DROPPED },
	{ W("cancelled"), MTG_DROPPED },
	{ W("canceled"), MTG_DROPPED },
	{ W("withdrawn"), MTG_DROPPED },
	{ W("superseded"), MTG_DROPPED },
	{ W("obsolete"), MTG_DROPPED },
	{ W("abandoned"), MTG_DROPPED },
	{ W("won't do"), MTG_DROPPED },
	{ W("wontfix"), MTG_DROPPED },
	{ W("not needed"), MTG_DROPPED },
	{ W("open"), MTG_OPEN },
	{ W("not started"), MTG_OPEN },
	{ W("reopened"), MTG_OPEN },
	{ W("re-opened"), MTG_OPEN },
	{ W("pending"), MTG_OPEN },
	{ W("outstanding"), MTG_OPEN },
	{ W("carried over"), MTG_OPEN },
	{ W("overdue"), MTG_OPEN },
	{ NULL, 0, MTG_OPEN }
};

const char *const conv_due_placeholders[] = {
	"tbd", "tbc", "tba", "asap", "ongoing", "n/a", "na", "none", "open",
	"next meeting", "before next meeting", "by next meeting",
	"next call", "before the next meeting", "by the next meeting",
	"before next call", "soon", "later", "continuous", "recurring",
	"weekly", "as needed", "when possible", "this week", "next week",
	"end of week", "eow", "eod", "tomorrow", "today", "-", NULL
};

int
conv_due_placeholder(const char *s)
{
	return conv_is(conv_due_placeholders, s);
}

int
conv_resolve_due(const char *phrase, const struct date *meeting,
    struct date *out)
{
	const char *p = phrase;

	while (*p == ' ')
		p++;
	if (strncasecmp(p, "by ", 3) == 0)
		p += 3;
	/* date_resolve_due() looks forward only. */
	if (meeting != NULL && strncasecmp(p, "yesterday", 9) == 0 &&
	    strspn(p + 9, " .") == strlen(p + 9)) {
		*out = *meeting;
		date_add_days(out, -1);
		return 0;
	}
	return date_resolve_due(phrase, meeting, out);
}

const char *const conv_name_placeholders[] = {
	"n/a", "na", "none", "name", "names", "tbd", "tba", "nobody", "-",
	"--", "...", "…", "?", "x", "todo", "add yourself", "your name",
	"name here", "meeting not public", NULL
};

/* --- dialogue and prose ---------------------------------------------------- */

const char *const conv_commit_verbs[] = {
	" will ", " to ", " is going to ", " are going to ", " agreed to ",
	" volunteered to ", " volunteers to ", " offered to ", " will take ",
	" can take ", NULL
};

/* Pairs: a present progressive that takes a task ("Adrian is taking this
 * forward"), and its base form, the action's first words. */
const char *const conv_progressive_commit[] = {
	"taking this forward", "Take this forward",
	"taking it forward", "Take it forward",
	"taking that forward", "Take that forward",
	"taking this on", "Take this on", "taking it on", "Take it on",
	"taking over", "Take over", "taking care of", "Take care of",
	"taking ownership of", "Take ownership of",
	"taking the lead on", "Take the lead on",
	"following up on", "Follow up on", "following up with", "Follow up with",
	"picking this up", "Pick this up",
	"picking it up", "Pick it up", NULL
};

/* Verbs of talk: in prose, a task only with someone to talk to ("Kate
 * will discuss this with Jilayne", not "will discuss this offline"). */
const char *const conv_talk_verbs[] = {
	"discuss", "talk", "chat", "debate", NULL
};

/* Being at a meeting, no task ("Will listen in the background", "I will
 * attend the board meeting"); "listen to", "attend to" are tasks. */
const char *const conv_attend_verbs[] = {
	"listen in", "listen", "attend", "sit in", "tune in", "lurk",
	"observe", NULL
};

/* Closing a call for objections nobody answered: "No? Okay.", "Hearing
 * none."; the first word, then the words that may follow it. */
const char *const conv_unheard[] = {
	"no", "none", "nope", "nobody", "hearing", "seeing", NULL
};

const char *const conv_unheard_after[] = {
	"no", "none", "nope", "nobody", "hearing", "seeing", "heard",
	"objections", "objection", "okay", "ok", "great", "good", "then",
	NULL
};

/* A sentence stating the group's next step; a verb follows. */
const char *const conv_next_step_is[] = {
	"next step is to ", "the next step is to ", "next steps are to ",
	"the next steps are to ", "next step will be to ",
	"the next step will be to ", NULL
};

/* A turn at an event, no task when nothing follows ("Ana will present",
 * "Ben will speak"). */
const char *const conv_turn_verbs[] = {
	"present", "speak", "talk", "attend", "join", "participate", NULL
};

const char *const conv_report_verbs[] = {
	"said", "says", "mentioned", "indicated", "noted", "explained",
	"shared", "stated", "confirmed", "replied", "responded", NULL
};

const char *const conv_joined_commit[] = {
	" and will ", " and agreed to ", " and volunteered to ",
	" and offered to ", " and is going to ", " that they will ",
	" that they would ", " that he will ", " that he would ",
	" that she will ", " that she would ", NULL
};

const char *const conv_indirect_if[] = {
	"see if", "check if", "ask if", "find out if", "checking if",
	"asking if", "seeing if", NULL
};

const char *const conv_not_request_verb[] = {
	"note", "see", "find", "refer", "be", "remember", "welcome", "excuse",
	"ignore", "enjoy", "join", NULL
};

const char *const conv_all[] = {
	"all", "everyone", "everybody", "group", "the group", "room", NULL
};

const char *const conv_self_commit[] = {
	"i will ", "i'll ", "i’ll ", "i am going to ", "i'm going to ",
	"i’m going to ", "i can ", "i volunteer to ", "i am happy to ",
	"i'm happy to ", "i’m happy to ", "i'd be happy to ",
	"i’d be happy to ", "i shall ", "will ", NULL
};

const char *const conv_not_verb[] = {
	"the", "a", "an", "be", "this", "that", "these", "those", "all",
	"each", "every", "our", "their", "his", "her", "its", "my", "your",
	"me", "us", "them", "him", "it", "date", "now", "have", "not", "also",
	"probably", "likely", "still", "only", "see", "understand", "imagine",
	"agree", "say", "think", "happen", "need", "get", "live", "tell",
	"speak", "answer", "guess", "try", "just", "definitely",
	/* A stance taken, no task: "I will object on that". */
	"object", "disagree", "oppose", "abstain", NULL
};

const char *const conv_not_base_verb[] = {
	"is", "was", "are", "were", "has", "had", "have", "made", "did",
	"said", "got", "went", "sent", "took", "gave", "wrote", "ran",
	"found", "brought", "thought", "told", "left", "met", "began",
	"built", "saw", "knew", "came", "kept", "led", "held", "will",
	"would", "can", "could", "should", "may", "might", "must", "and",
	"or", "the", "a", "an", "to", "for", "in", "on", "at", "of", "with",
	"from", "by", "as", "not", "no", "also", "just", "still", "already",
	"thinks", "says", "mentioned", "asked", "noted", NULL
};

const char *const conv_hypothetical[] = {
	"would", "could", "might", "maybe", "perhaps", "possibly", "may",
	"wondering", "wonder", "hopefully", "ideally", "if possible", NULL
};

const char *const conv_abbrev[] = {
	"e.g", "i.e", "vs", "etc", "approx", "mr", "mrs", "ms", "dr", "st",
	"fig", "cf", "incl", "jr", "sr", "prof", NULL
};

const char *const conv_fillers[] = {
	"and ", "so ", "then ", "also ", "result: ", "outcome: ",
	"next step: ", "ok, ", "okay, ", "yes, ", "sure, ", "great, ", NULL
};

const char *const conv_outcome[] = {
	"consensus that", "consensus to", "consensus on", "consensus is",
	"consensus was", "consensus reached", "agreement that",
	"agreement to", "agreement on", "general agreement", "agreed that",
	"it was agreed", "we agreed", "we decided", "it was decided",
	"the group agreed", "the group decided", "all agreed",
	"everyone agreed", "all in agreement",
	"decision was made", "proposal is accepted", "proposal was accepted",
	"proposal accepted", "settled on", "settling on", "resolved to",
	"was approved", "were approved", "is approved", "approved by",
	"carried by", "plan is to", NULL
};

/* A clause after a comma that reports the group's choice, no subject
 * of its own ("…, decided not to do it"). */
const char *const conv_decided[] = {
	"decided to ", "decided not to ", "decided against ", NULL
};

const char *const conv_not_outcome[] = {
	"no consensus", "not agreed", "no agreement", "disagree",
	"disagreed", "not in agreement", "lack of consensus",
	"without consensus", "not reached", "not approved", "no decision",
	"not decided", "not yet agreed", "being approved", "be approved",
	"being accepted", "be accepted", "be agreed", "be decided",
	/* hedged: "everybody is sort of agreed that …" */
	"sort of agreed", "kind of agreed", "sort of agree", "kind of agree",
	"sort of in agreement", "kind of in agreement", "more or less agreed",
	"sort of a consensus", "kind of a consensus", "previous meeting",
	"previous meetings", "last meeting", "previously", "in the past",
	"last week", NULL
};

const char *const conv_assent[] = {
	"approved", "carried", "agreed", "accepted", "adopted", "passed",
	"consensus", "general agreement", "agreement", "no objections",
	"no objection", "unanimous", "approved unanimously",
	"carried unanimously", "motion carried", "motion passed",
	"+1 votes", "so resolved", "resolved", "this is resolved",
	"this was resolved", "that is resolved", "this is agreed",
	"this was agreed", "this is approved", "this was approved", NULL
};

const char *const conv_assent_by[] = {
	"by", "from", "of", "with", "unanimously", NULL
};

const char *const conv_assent_to_proposal[] = {
	"+1", "sounds good", "sounds good to me", "i think we can agree on that",
	"we can agree on that", "agree", "works for me", "lgtm",
	"fine by me", "fine with me", "that works", "next week works",
	"works", "agrees", "agreed", "good idea", "good approach",
	"agrees that would be a good approach", "that would be a good approach",
	"agrees that is a good approach", "reasonable compromise", NULL
};

const char *const conv_proposal[] = {
	"let's", "let’s", "let us", "propose", "proposal", "to summarize",
	"to summarise", "summarizing", "summarising", "in summary", "any objection", "any objections", "we should",
	"how about", "we can", "could put", "could use", "could add", NULL
};

/* The verbs of a chair's "let's" that settle nothing: "let's move on". */
const char *const conv_lets_not_decided[] = {
	"move", "go", "discuss", "talk", "take", "see", "wait", "start",
	"continue", "look", "hear", "get", "do", "skip", "come", "jump",
	"switch", "give", "try", "figure", "check", "think", "chat", "spend",
	"focus", "pause", "break", "wrap", "end", "begin", "review", "circle",
	"follow", "revisit", "dig", "say", "assume", "hope", "imagine",
	"not", "first", "quickly", "also", "now", "then", "pick", "return",
	"head", "turn", "bring", "pull", "open", "put", "table", "defer",
	"punt", "park", "sync", "let", NULL
};

const char *const conv_group_question[] = {
	"should we ", "shall we ", "do we ", "can we ", "will we ", NULL
};

const char *const conv_not_decided_verb[] = {
	"have", "know", "think", "understand", "want", "see", "need", "agree",
	"care", "mean", "like", NULL
};

const char *const conv_consensus_to[] = {
	"have consensus to ", "have agreement to ", "agree to ", NULL
};

const char *const conv_yes[] = {
	"yes", "yes.", "yes!", "generally, yes", "generally yes", "yep",
	"yes, agreed", "sounds like a good idea", "sounds good", "good idea",
	NULL
};

const char *const conv_accept[] = {
	"will do", "will do it", "sure, will do", "ok, will do",
	"okay, will do", "yes, will do", "i will do it", "i'll do it",
	"i’ll do it", "i will do that", "i'll do that", "i’ll do that",
	"i can do it", "i can do that", "i'll take it", "i’ll take it",
	"i'll take that", "i’ll take that", "i can take it",
	"i can take that", "i'll take this", "i’ll take this", "on it",
	"i'm on it", "i’m on it", "can do", "i'll handle it",
	"i’ll handle it", "i'll take care of it", "i’ll take care of it",
	NULL
};

const char *const conv_request[] = {
	"could someone ", "can someone ", "could somebody ", "can somebody ",
	"would someone ", "will someone ", "can anyone ", "could anyone ",
	"someone needs to ", "somebody needs to ", "someone should ",
	"somebody should ", "someone has to ", "we need someone to ",
	"need someone to ", "need a volunteer to ", "any volunteer to ",
	"any volunteers to ", "who can ", "who will ", "who wants to ",
	NULL
};

/* --- agenda ------------------------------------------------------------------ */

const char *const conv_topics_headings[] = {
	"topics", "discussion topics", "topics discussed", "discussion",
	"discussions", "agenda items", "items", NULL
};

/* Action headings that, before the topics, are an item of the meeting:
 * the review of the actions. */
const char *const conv_review_headings[] = {
	"action items", "actions", "action item review", "action items review",
	"review of action items", "review action items", "previous action items",
	"open action items", "action review", NULL
};

const char *const conv_title_words[] = {
	"minutes", "meeting", "notes", "agenda", "call", "sync", "standup",
	"stand-up", "retrospective", "retro", "workshop", "summit", "session",
	"council", "committee", "board", "assembly", NULL
};

const char *const conv_not_topic[] = {
	"links", "link", "links shared", "meeting info", "meeting details",
	"meeting information", "details", "notes", "meeting notes", "minutes",
	"chat", "recording", "next meeting", "next call", "upcoming meetings",
	"resources", "references", "logistics", "housekeeping", "summary",
	"tl;dr", "tldr", "queue", NULL
};

const char *const conv_period_headings[] = {
	"week", "sprint", "iteration", "milestone", "phase", NULL
};

int
conv_period_heading(const char *s)
{
	size_t n = strcspn(s, " #0123456789"), d;

	if (n == 0 || !conv_word_in(conv_period_headings, s, n))
		return 0;
	s += n;
	s += strspn(s, " ");
	if (*s == '#')
		s++;
	d = strspn(s, "0123456789");
	return d > 0 && d < 4 && strspn(s + d, " :.*_") == strlen(s + d);
}

/* --- README ------------------------------------------------------------------- */

const struct conv_doc conv_docs[] = {
	{ "Action item headings and labels", NULL, conv_labels, XK_ACTIONS },
	{ "Decision headings and labels", NULL, conv_labels, XK_DECISIONS },
	{ "Attendee headings and labels", NULL, conv_labels, XK_PRESENT },
	{ "Apology headings and labels", NULL, conv_labels, XK_APOLOGIES },
	{ "Absentee headings and labels", NULL, conv_labels, XK_ABSENT },
	{ "Chair labels", NULL, conv_labels, XK_CHAIRS },
	{ "Staff labels", NULL, conv_labels, XK_STAFF },
	{ "Observer labels", NULL, conv_labels, XK_OBSERVERS },
	{ "Scribe labels", NULL, conv_labels, XK_OTHER_ROLE },
	{ "Agenda headings and labels", NULL, conv_labels, XK_AGENDA },
	{ "Labels of no list", NULL, conv_labels, XK_NONE },
	{ "Action line markers", NULL, conv_markers, XK_ACTIONS },
	{ "Decision line markers", NULL, conv_markers, XK_DECISIONS },
	{ "Decision markers that may head a finding", conv_finding_markers,
	    NULL, 0 },
	{ "A finding after them", conv_findings, NULL, 0 },
	{ "Trailing action labels", NULL, conv_code_labels, XK_ACTIONS },
	{ "Trailing decision labels", NULL, conv_code_labels, XK_DECISIONS },
	{ "An empty list", conv_empty_list, NULL, 0 },
	{ "Items of an action list that are no task", conv_not_tasks, NULL, 0 },
	{ "Labels that may head a plan's stages", conv_plan_labels, NULL, 0 },
	{ "Action columns", NULL, conv_columns, COL_ACTION },
	{ "Item columns", NULL, conv_columns, COL_ITEM },
	{ "Owner columns", NULL, conv_columns, COL_OWNER },
	{ "Due date columns", NULL, conv_columns, COL_DUE },
	{ "Status columns", NULL, conv_columns, COL_STATUS },
	{ "Id columns", NULL, conv_columns, COL_ID },
	{ "Decision columns", NULL, conv_columns, COL_DECISION },
	{ "Description columns", NULL, conv_columns, COL_TEXT },
	{ "Consensus columns", NULL, conv_columns, COL_CONSENSUS },
	{ "Team columns", NULL, conv_columns, COL_TEAM },
	{ "Team lead columns", NULL, conv_columns, COL_LEAD },
	{ "Team member columns", NULL, conv_columns, COL_MEMBERS },
	{ "Presence columns", conv_presence_columns, NULL, 0 },
	{ "Not there", conv_absent_marks, NULL, 0 },
	{ "Named, not at the meeting", conv_mention_marks, NULL, 0 },
	{ "Organisations after a comma", conv_org_words, NULL, 0 },
	{ "Not an organisation", conv_not_orgs, NULL, 0 },
	{ "Done", conv_done_words, NULL, 0 },
	{ "In progress", NULL, conv_status_words, MTG_IN_PROGRESS },
	{ "Dropped", NULL, conv_status_words, MTG_DROPPED },
	{ "Open", NULL, conv_status_words, MTG_OPEN },
	{ "Due dates that name no date", conv_due_placeholders, NULL, 0 },
	{ "Placeholders for names", conv_name_placeholders, NULL, 0 },
	{ "Commitment verbs", conv_commit_verbs, NULL, 0 },
	{ "A speaker taking a task", conv_self_commit, NULL, 0 },
	{ "Everyone speaking", conv_all, NULL, 0 },
	{ "No task after \"please\"", conv_not_request_verb, NULL, 0 },
	{ "Tasks taken in the present progressive, each with its base form",
	    conv_progressive_commit, NULL, 0 },
	{ "Talk, a task only with someone", conv_talk_verbs, NULL, 0 },
	{ "Being at a meeting, no task", conv_attend_verbs, NULL, 0 },
	{ "A turn at an event, no task alone", conv_turn_verbs, NULL, 0 },
	{ "The group's next step", conv_next_step_is, NULL, 0 },
	{ "None heard, after a call for objections", conv_unheard, NULL, 0 },
	{ "Then, closing the call", conv_unheard_after, NULL, 0 },
	{ "Verbs reporting a speaker", conv_report_verbs, NULL, 0 },
	{ "A commitment joined to its subject", conv_joined_commit, NULL, 0 },
	{ "An \"if\" that asks, not a condition", conv_indirect_if, NULL, 0 },
	{ "No verb after \"will\" / \"to\"", conv_not_verb, NULL, 0 },
	{ "No verb in the base form", conv_not_base_verb, NULL, 0 },
	{ "Hypotheticals", conv_hypothetical, NULL, 0 },
	{ "Abbreviations", conv_abbrev, NULL, 0 },
	{ "Fillers", conv_fillers, NULL, 0 },
	{ "Outcomes", conv_outcome, NULL, 0 },
	{ "No outcome", conv_not_outcome, NULL, 0 },
	{ "A decision after a comma", conv_decided, NULL, 0 },
	{ "Assent lines", conv_assent, NULL, 0 },
	{ "Verbs of a chair's \"let's\" that decide nothing",
	    conv_lets_not_decided, NULL, 0 },
	{ "After an assent word", conv_assent_by, NULL, 0 },
	{ "Assent to a proposal", conv_assent_to_proposal, NULL, 0 },
	{ "Proposals", conv_proposal, NULL, 0 },
	{ "Questions a \"yes\" decides", conv_group_question, NULL, 0 },
	{ "No decision after \"should we\"", conv_not_decided_verb, NULL, 0 },
	{ "Answers that say yes", conv_yes, NULL, 0 },
	{ "A question for consensus", conv_consensus_to, NULL, 0 },
	{ "Taking the request above", conv_accept, NULL, 0 },
	{ "Requests anyone may take", conv_request, NULL, 0 },
	{ "Headings of topics", conv_topics_headings, NULL, 0 },
	{ "Headings of no topic", conv_not_topic, NULL, 0 },
	{ "Action headings reviewed before the topics", conv_review_headings,
	    NULL, 0 },
	{ "A first line that is a title", conv_title_words, NULL, 0 },
	{ "Numbered periods of a plan", conv_period_headings, NULL, 0 },
	{ NULL, NULL, NULL, 0 }
};
