/*
 * conventions.c -- the words of the notes conventions, one table each.
 *
 * Lists are NULL-terminated and in lower case; README's "Notes format"
 * section shows them and tests/test_extract.c checks that it does.
 */
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

/* --- dialogue and prose ---------------------------------------------------- */

const char *const conv_commit_verbs[] = {
	" will ", " to ", " is going to ", " are going to ", " agreed to ",
	" volunteered to ", " volunteers to ", " offered to ", " will take ",
	" can take ", NULL
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
	"speak", "answer", "guess", "try", "just", "definitely", NULL
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

const char *const conv_not_outcome[] = {
	"no consensus", "not agreed", "no agreement", "disagree",
	"disagreed", "not in agreement", "lack of consensus",
	"without consensus", "not reached", "not approved", "no decision",
	"not decided", "not yet agreed", "previous meeting",
	"previous meetings", "last meeting", "previously", "in the past",
	"last week", NULL
};

const char *const conv_assent[] = {
	"approved", "carried", "agreed", "accepted", "adopted", "passed",
	"consensus", "general agreement", "agreement", "no objections",
	"no objection", "unanimous", "approved unanimously",
	"carried unanimously", "motion carried", "motion passed",
	"+1 votes", "so resolved", NULL
};

const char *const conv_assent_by[] = {
	"by", "from", "of", "with", "unanimously", NULL
};

const char *const conv_assent_to_proposal[] = {
	"+1", "sounds good", "sounds good to me", "i think we can agree on that",
	"we can agree on that", "agree", "works for me", "lgtm",
	"fine by me", "fine with me", "that works", "next week works",
	"works", NULL
};

const char *const conv_proposal[] = {
	"let's", "let’s", "let us", "propose", "proposal", "to summarize",
	"to summarise", "any objection", "any objections", "we should",
	"how about", NULL
};

/* --- agenda ------------------------------------------------------------------ */

const char *const conv_topics_headings[] = {
	"topics", "discussion topics", "topics discussed", "discussion",
	"discussions", "agenda items", "items", NULL
};

const char *const conv_not_topic[] = {
	"links", "link", "links shared", "meeting info", "meeting details",
	"meeting information", "details", "notes", "meeting notes", "minutes",
	"chat", "recording", "next meeting", "next call", "upcoming meetings",
	"resources", "references", "logistics", "housekeeping", "summary",
	"tl;dr", "tldr", "queue", NULL
};
