/*
 * conventions.h -- the words of the notes conventions, in one place.
 *
 * Every label, marker, column synonym and placeholder word extraction
 * knows is a row of a table in conventions.c; a new convention is one row
 * there.  README's notes-format section lists the same tables and a test
 * checks it against them.
 */
#ifndef MINUTES_CONVENTIONS_H
#define MINUTES_CONVENTIONS_H

#include <stddef.h>

#include "dates.h"
#include "model.h"

/* Whether w[0..len) is a word of list (ASCII case ignored). */
int	 conv_word_in(const char *const *list, const char *w, size_t len);
/* Whether s, trimmed of ':' '*' '_' '.' and spaces, is a word of list
 * (ASCII case ignored). */
int	 conv_is(const char *const *list, const char *s);

/*
 * A word of a table whose rows say what the word names: an enum xkind
 * (labels, markers), an enum conv_col (table headers) or an enum
 * mtg_status (status words), as the table's comment says.
 */
struct conv_word {
	const char	*word;		/* lower case */
	size_t		 len;		/* strlen(word) */
	int		 kind;
};

/* --- labels: headings, "Label:" lines and sections, line markers --- */

/* What a heading, label or marker names. */
enum xkind {
	XK_NONE,
	XK_ACTIONS,
	XK_DECISIONS,
	XK_PRESENT,
	XK_APOLOGIES,
	XK_ABSENT,
	XK_CHAIRS,
	XK_STAFF,
	XK_OBSERVERS,
	XK_AGENDA,
	XK_OTHER_ROLE		/* scribe, note taker: known names, no list */
};

/* The last words of a heading or label ("Summary of Action Items",
 * "Voting Member Regrets"), in the order they are tried; enum xkind. */
extern const struct conv_word conv_labels[];
/* Line markers ("ACTION:", "AI:", "RESOLVED:"), in the order they are
 * tried; enum xkind. */
extern const struct conv_word conv_markers[];
/* Trailing code-span labels ("… `ToDo` `Agreed`"); enum xkind. */
extern const struct conv_word conv_code_labels[];
/* "Conclusion:" over "… is needed", "… would help": a finding. */
extern const char *const conv_finding_markers[];
extern const char *const conv_findings[];
/* The whole text of a list item saying the list is empty ("None"). */
extern const char *const conv_empty_list[];
/* Labels of an item of an Action items list that is no task ("Note:"). */
extern const char *const conv_not_tasks[];
/* Labels whose titled items may be a presented plan's stages. */
extern const char *const conv_plan_labels[];

/* --- table headers --- */

/* What a column of a table holds. */
enum conv_col {
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
	COL_ID,			/* the group's own number of an action */
	COL_CONSENSUS,		/* "Meeting consensus?": a mark per decision */
	COL__MAX
};

/* Column synonyms, searched as words of a header cell; the first row
 * that matches wins; enum conv_col. */
extern const struct conv_word conv_columns[];
/* The column kind a header cell names ("Owner(s)", "Due date"). */
enum conv_col	 conv_column(const char *header);
/* Headers of an attendance table's presence column ("Present?"). */
extern const char *const conv_presence_columns[];
/* The ends of an attendance entry of someone not there ("(absent)"). */
extern const char *const conv_absent_marks[];
extern const char *const conv_mention_marks[];
extern const char *const conv_org_words[];
extern const char *const conv_not_orgs[];
extern const struct conv_word conv_chair_roles[];
extern const char *const conv_chair_role_names[];

/* --- status, due dates, names --- */

/* Words of a status cell or line that mean done ("Done", "✅"). */
extern const char *const conv_done_words[];
/* The other status words ("in progress", "dropped"); enum mtg_status. */
extern const struct conv_word conv_status_words[];
/* Due texts that deliberately name no date ("TBD", "next meeting"). */
extern const char *const conv_due_placeholders[];
/* Whether a due text is one of conv_due_placeholders. */
int	 conv_due_placeholder(const char *);
/* Due words date_resolve_due() does not know ("yesterday"), before it. */
int	 conv_resolve_due(const char *phrase, const struct date *meeting,
	    struct date *out);
/* What attendance lists hold instead of names ("TBD", "add yourself"). */
extern const char *const conv_name_placeholders[];

/* --- dialogue and prose (extract_prose.c) --- */

/* "Name will verb": the verbs that make a commitment of a name. */
extern const char *const conv_commit_verbs[];
/* "John indicated that …": a single name before these is a speaker. */
extern const char *const conv_report_verbs[];
/* "Tobie has comments and will swing back", "A and B mentioned that they
 * would find time": a commitment of the sentence's subject. */
extern const char *const conv_joined_commit[];
/* "will swing back to see if …": an indirect question, no condition. */
extern const char *const conv_indirect_if[];
/* "…, should we keep using this process?" answered "Generally, yes." or
 * "we will keep …": the group's question, decided. */
extern const char *const conv_lets_not_decided[];
extern const char *const conv_talk_verbs[];
extern const char *const conv_attend_verbs[];
extern const char *const conv_turn_verbs[];
extern const char *const conv_next_step_is[];
/* "Any objections to X? No? Okay.": the call closed, none heard. */
extern const char *const conv_unheard[];
extern const char *const conv_unheard_after[];
extern const char *const conv_progressive_commit[];
extern const char *const conv_review_headings[];
extern const char *const conv_group_question[];
/* "Do we have a date?": verbs whose "yes" states a fact, no decision. */
extern const char *const conv_not_decided_verb[];
/* "Do we have consensus to close #37?": the question is to close it. */
extern const char *const conv_consensus_to[];
/* The first words of an answer that says yes. */
extern const char *const conv_yes[];
/* "All, please note the new time": verbs after "please" that ask for no
 * task. */
extern const char *const conv_not_request_verb[];
/* "All: +1": names of the whole meeting speaking as one. */
extern const char *const conv_all[];
/* "I will", "I'll", "I can": a speaker taking a task. */
extern const char *const conv_self_commit[];
/* Words after "will" / "to" that show no assignment ("will be"). */
extern const char *const conv_not_verb[];
/* Words that are no verb in the base form ("@x made a tool"). */
extern const char *const conv_not_base_verb[];
/* Words that make a clause a hypothetical ("could", "maybe"). */
extern const char *const conv_hypothetical[];
/* Abbreviations whose '.' ends no sentence. */
extern const char *const conv_abbrev[];
/* Words at a sentence start that carry no meaning ("So", "Result:"). */
extern const char *const conv_fillers[];
/* Phrases of an outcome ("consensus that", "which all agreed"). */
extern const char *const conv_outcome[];
/* Phrases that deny an outcome ("no consensus"). */
extern const char *const conv_not_outcome[];
extern const char *const conv_decided[];
/* A line that only records assent: the decision is the proposal above. */
extern const char *const conv_assent[];
/* "Carried by …", "+1 votes from …": words after an assent word. */
extern const char *const conv_assent_by[];
/* Assent that closes only a proposal ("+1", "Sounds good"). */
extern const char *const conv_assent_to_proposal[];
/* Phrases that make a line a proposal ("Let's", "Any objection"). */
extern const char *const conv_proposal[];
/* A whole answer taking the request of the line before ("Will do"). */
extern const char *const conv_accept[];
/* Openings of a request anyone may take ("Could someone …"). */
extern const char *const conv_request[];

/* --- agenda --- */

/* Headings whose sub-headings are the topics ("Topics", "Discussion"). */
extern const char *const conv_topics_headings[];
/* Headings that are no topic of an agenda ("Links", "Meeting info"). */
extern const char *const conv_not_topic[];
/* Notes with no heading: a first line naming one of these ("Minutes of
 * the 12th steering meeting, March 3rd, 2021") is their title. */
extern const char *const conv_title_words[];
/* Periods of a plan whose numbered headings ("Week 3", "Sprint 12") are
 * parts of the section above, not topics. */
extern const char *const conv_period_headings[];
/* Whether a heading text is a period and a number ("Week 3"). */
int	 conv_period_heading(const char *);

/* --- the tables as README's "Notes format" section lists them --- */

struct conv_doc {
	const char		*title;		/* the row's first cell */
	const char *const	*words;		/* a plain list, or */
	const struct conv_word	*table;		/* the rows of table … */
	int			 kind;		/* … of this kind */
};

/* NULL-terminated. */
extern const struct conv_doc conv_docs[];

#endif
