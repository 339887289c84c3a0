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

/* Whether w[0..len) is a word of list (ASCII case ignored). */
int	 conv_word_in(const char *const *list, const char *w, size_t len);

/* --- dialogue and prose (extract_prose.c) --- */

/* "Name will verb": the verbs that make a commitment of a name. */
extern const char *const conv_commit_verbs[];
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
/* A line that only records assent: the decision is the proposal above. */
extern const char *const conv_assent[];
/* "Carried by …", "+1 votes from …": words after an assent word. */
extern const char *const conv_assent_by[];
/* Assent that closes only a proposal ("+1", "Sounds good"). */
extern const char *const conv_assent_to_proposal[];
/* Phrases that make a line a proposal ("Let's", "Any objection"). */
extern const char *const conv_proposal[];

/* --- agenda --- */

/* Headings whose sub-headings are the topics ("Topics", "Discussion"). */
extern const char *const conv_topics_headings[];
/* Headings that are no topic of an agenda ("Links", "Meeting info"). */
extern const char *const conv_not_topic[];

#endif
