/*
 * extract_actions.c -- action items and decisions.
 *
 * One walk over the modelled part of the document tree finds action items
 * in every spelling (tables, task lists, marker lines such as "ACTION:",
 * "**Action item:**", "AI:", "TODO -", lists under an "Action items"
 * heading or label) and decisions ("DECISION:", "RESOLVED:", lists under
 * a Decisions heading, decision tables), in document order; tables go to
 * extract_tables.c, owners and due dates to extract_owners.c.  Owners and
 * due dates are taken out of the action text; extract_commit.c adds what
 * is found to the model.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"

/* --- marker lines --------------------------------------------------------- */


struct marker {
	enum xkind	 kind;
	size_t		 rest;		/* offset of the text after it */
	char		*id;		/* "58.1", or NULL */
	int		 number;	/* a number follows: "Action 1" */
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

/* Words opening what follows "Next step:" when it is no task. */
static int
next_step_not_task(const char *s)
{
	static const char *const open[] = {
		"this ", "that ", "it ", "once ", "if ", "when ", "tbd",
		"none", "no ", "n/a", "see ", NULL
	};
	size_t k;

	s += strspn(s, " *_");
	for (k = 0; open[k] != NULL; k++)
		if (str_has_prefix_ci(s, open[k]))
			return 1;
	return 0;
}

/*
 * Whether the text after a "Conclusion:" states a finding, not a choice:
 * a phrase of conv_findings at a word start ("a second round is needed",
 * "better bindings would bring more contributors"); "would like" is a
 * wish the group states ("no, but we would like a design note").
 */
static int
finding(const char *s)
{
	const char *p;
	size_t k, n;

	for (k = 0; conv_findings[k] != NULL; k++) {
		n = strlen(conv_findings[k]);
		for (p = strcasestr(s, conv_findings[k]); p != NULL;
		    p = strcasestr(p + 1, conv_findings[k])) {
			if ((p > s && isalnum((unsigned char)p[-1])) ||
			    isalnum((unsigned char)p[n]))
				continue;
			if (strncasecmp(p + n, " like", 5) == 0)
				continue;
			return 1;
		}
	}
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
		for (k = 0; conv_markers[k].word != NULL; k++)
			if (x_word_at(s + j, conv_markers[k].word))
				break;
		if (conv_markers[k].word != NULL)
			i = j;
	}
	if (s[i] == '[' || s[i] == '(') {
		bracket = 1;
		i++;
	}
	for (k = 0; conv_markers[k].word != NULL; k++)
		if (x_word_at(s + i, conv_markers[k].word))
			break;
	if (conv_markers[k].word == NULL)
		return XK_NONE;
	wl = conv_markers[k].len;
	if (strcmp(conv_markers[k].word, "ai") == 0 && strncmp(s + i, "AI", 2) != 0)
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
		    ((s[n] == '.' || s[n] == '-') &&
		    isdigit((unsigned char)s[n + 1])))
			n++;
		/* "58.1", "12-01" and "#57" name the action across meetings
		 * and are kept; "Action 1" merely counts the items of one
		 * list. */
		if (n > start && !isalpha((unsigned char)s[n])) {
			mk->number = 1;
			if (strcspn(s + start, ".-") < n - start ||
			    s[start - 1] == '#')
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
	/* "ACTION Denise to …" and "TODO fix it" need no colon; "ACTIONS
	 * REQUIRED" is a title. */
	if (sep == 0 && !bracket && !mk->number &&
	    !(all_upper(s + i, wl) && s[j] == ' ' && wl > 2 &&
	    conv_markers[k].word[wl - 1] != 's')) {
		free(mk->id);
		free(mk->owner);
		memset(mk, 0, sizeof(*mk));
		return XK_NONE;
	}
	j = skip_space(s, j + sep);
	/* "Next Step: PR to …" names a task; "Next Steps: This will be a
	 * future topic", "Next steps: see [notes]" and "Next Steps -
	 * OpenSSF (slides)" do not. */
	if (str_has_prefix_ci(conv_markers[k].word, "next step") &&
	    (bracket || s[i + wl] != ':' || next_step_not_task(s + j))) {
		free(mk->id);
		free(mk->owner);
		memset(mk, 0, sizeof(*mk));
		return XK_NONE;
	}
	/* "Conclusion: a second round of the survey is needed": the
	 * markers of conv_finding_markers, over a finding, mark none. */
	if (conv_word_in(conv_finding_markers, conv_markers[k].word, wl) &&
	    finding(s + j)) {
		free(mk->id);
		free(mk->owner);
		memset(mk, 0, sizeof(*mk));
		return XK_NONE;
	}
	if (s[j] == '\0') {
		free(mk->id);
		free(mk->owner);
		memset(mk, 0, sizeof(*mk));
		return XK_NONE;
	}
	mk->kind = (enum xkind)conv_markers[k].kind;
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
	x_status_word(s, st);
	return 1;
}

/*
 * A sub-item that only says how the action above stands: "done", "✅",
 * "in progress", "Status: dropped, moved to Q3".  A note under the action
 * ("see the thread") is none.
 */
static int
status_item(const char *s, enum mtg_status *st)
{
	char *t;
	size_t i;
	int yes = 0;

	if (status_line(s, st))
		return 1;
	if (conv_is(conv_done_words, s)) {
		*st = MTG_DONE;
		return 1;
	}
	t = x_strip_label(xstrdup(s));
	for (i = 0; conv_status_words[i].word != NULL && !yes; i++)
		if (strcasecmp(t, conv_status_words[i].word) == 0) {
			*st = (enum mtg_status)conv_status_words[i].kind;
			yes = 1;
		}
	free(t);
	return yes;
}

/* Whether the notes say who is at the meeting: then "Name: task" names
 * an owner only when the name is one of them. */
static int
knows_people(const struct meeting *m)
{
	return m->attendees.n > 0 || m->chairs.n > 0 || m->apologies.n > 0 ||
	    m->absent.n > 0 || m->npeople > 0;
}

/* An item that opens with a label of no task ("Note: …", "FYI: …"). */
static int
note_item(const char *t)
{
	size_t n = strcspn(t, ":");

	return t[n] == ':' && n < 12 && conv_word_in(conv_not_tasks, t, n);
}

/* The status a sub-item of item gives its action; st stays when none. */
static void
sub_status(const struct node *item, enum mtg_status *st)
{
	const struct node *list, *sub;

	for (list = item->first; list != NULL; list = list->next) {
		if (list->type != MTG_N_LIST)
			continue;
		for (sub = list->first; sub != NULL; sub = sub->next) {
			const struct node *para = x_item_para(sub);
			char *t;
			int yes;

			if (para == NULL || para->next != NULL)
				continue;
			t = x_text(para);
			yes = status_item(t, st);
			free(t);
			if (yes)
				return;
		}
	}
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

/* "None", "N/A", "No new action items": a list saying it is empty. */
static int
nothing(const char *text)
{
	char *t = x_strip_label(xstrdup(text));
	int yes = *t == '\0' || conv_is(conv_empty_list, t);

	free(t);
	return yes;
}

/*
 * "Need to transfer DNS and website registration" / "TODO - Larry to
 * action transfer": a one-word action takes its object from the item
 * before when that names the word.
 */
static void
borrow_object(struct xctx *c, struct pend *p)
{
	const char *at;
	size_t n = strlen(p->text);
	char *t;

	if (c->context == NULL || n < 3 || strchr(p->text, ' ') != NULL)
		return;
	for (at = strcasestr(c->context, p->text); at != NULL;
	    at = strcasestr(at + 1, p->text))
		if ((at == c->context || at[-1] == ' ') &&
		    (at[n] == ' ' || at[n] == '\0'))
			break;
	if (at == NULL || at[n] == '\0')
		return;
	t = xstrdup(at);
	trim_tail(t);
	if (islower((unsigned char)*t))
		*t = (char)toupper((unsigned char)*t);
	free(p->text);
	p->text = t;
}

/* The length of a "#65188" reference at s, or 0. */
static size_t
issue_ref(const char *s)
{
	size_t n;

	if (*s != '#')
		return 0;
	n = strspn(s + 1, "0123456789");
	return n > 0 && !isalnum((unsigned char)s[1 + n]) ? 1 + n : 0;
}

/*
 * "- [x] #65188 — Stabilize const_constructor" over "- [ ] One of … should
 * check their boxes :)": a task nested under an issue names no issue of
 * its own; it takes the issue's reference ("Check their boxes on #65188"),
 * so that the same words under two issues stay two actions.
 */
static void
refer_topic(struct xctx *c, struct pend *p)
{
	static const char *const smileys[] = { ":)", ":-)", ";)", ":D", NULL };
	size_t n, i, k;
	char *t;

	if (c->topic == NULL || (n = issue_ref(c->topic)) == 0 ||
	    strchr(p->text, '#') != NULL)
		return;
	k = strlen(p->text);
	for (i = 0; smileys[i] != NULL; i++)
		if (k > strlen(smileys[i]) && strcmp(p->text + k -
		    strlen(smileys[i]), smileys[i]) == 0)
			p->text[k - strlen(smileys[i])] = '\0';
	trim_tail(p->text);
	t = xasprintf("%s on %.*s", p->text, (int)n, c->topic);
	free(p->text);
	p->text = t;
}

/*
 * "* VB: Any objections?" closing a list, then "ACTION: SC to merge.": a
 * call for objections nobody answered, and the task it leads to, record
 * the decision ("Merge (no objection)") at the call.
 */
static void
unopposed(struct xctx *c, const struct node *para, const struct xlines *ls)
{
	const struct node *call, *list = node_prev(para);
	struct marker mk;
	struct strlist tmp = {0};
	char *t, *q, *colon;
	size_t cut, n;

	if (list == NULL || list->type != MTG_N_LIST ||
	    node_last(list) == NULL || ls->n == 0 ||
	    (call = x_item_para(node_last(list))) == NULL)
		return;
	q = x_lower(x_text(call));
	colon = strstr(q, ": ");
	t = colon != NULL && colon - q <= 30 ? colon + 2 : q;
	n = strlen(t);
	if (n < 2 || t[n - 1] != '?' || (strncmp(t, "any objection", 13) != 0 &&
	    strncmp(t, "objections?", 11) != 0)) {
		free(q);
		return;
	}
	free(q);
	if (parse_marker(ls->v[0].text, &mk) == XK_ACTIONS) {
		t = xstrdup(ls->v[0].text + mk.rest);
		cut = lead_owner(c->pp, t, &tmp, 0);
		trim_tail(t + cut);
		n = strlen(t + cut);
		while (n > 0 && t[cut + n - 1] == '.')
			t[cut + --n] = '\0';
		if (n > 0) {
			q = xasprintf("%c%s (no objection)",
			    toupper((unsigned char)t[cut]), t + cut + 1);
			decision_commit_weak(c, q, call->line);
			free(q);
		}
		free(t);
		strlist_free(&tmp);
	}
	marker_free(&mk);
}

/* Builds an action from the text after a marker (or a whole item) and
 * commits it; text stays the caller's.  Returns the action's index + 1,
 * or 0. */
static size_t
record_action(struct xctx *c, const char *text, const struct marker *mk,
    enum mtg_status st, int line, int col)
{
	struct pend p;
	size_t at;

	if (nothing(text))
		return 0;
	memset(&p, 0, sizeof(p));
	p.text = xstrdup(text);
	p.status = st;
	p.line = line;
	p.col = col;
	p.listed = c->listing;
	if (mk != NULL && mk->id != NULL)
		p.id = xstrdup(mk->id);
	if (mk != NULL && mk->owner != NULL)
		owner_list_ok(mk->owner, strlen(mk->owner), 1, &p.owners);
	trim_tail(p.text);
	action_parse_text(c->pp, &p);
	borrow_object(c, &p);
	refer_topic(c, &p);
	at = action_commit(c, &p);
	pend_free(&p);
	return at;
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
		const char *last;
		int line, col;

		if (k == XK_NONE)
			continue;
		buf_puts(&b, ls->v[i].text + mk.rest);
		last = ls->v[i].text + mk.rest;
		for (j = i + 1; j < ls->n; j++) {
			struct marker m2;
			enum xkind k2 = parse_marker(ls->v[j].text, &m2);

			marker_free(&m2);
			if (k2 != XK_NONE)
				break;
			if (status_line(ls->v[j].text, &st))
				continue;
			if (!in_item && !continues(ls->v[j].text) &&
			    ends_sentence(last))
				break;
			buf_putc(&b, ' ');
			buf_puts(&b, ls->v[j].text);
			last = ls->v[j].text;
		}
		buf_put(&b, "", 0);
		xline_pos(&ls->v[i], mk.rest, &line, &col);
		if (k == XK_ACTIONS)
			c->status_to = record_action(c, b.data, &mk, st, line,
			    col);
		else {
			x_squeeze(b.data);
			decision_commit(c, mk.id, b.data, line);
			c->status_to = 0;
		}
		c->status_seen = c->m->nactions + c->m->ndecisions;
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
	size_t i;
	int bits = 0;

	for (n = node_last(para); n != NULL; n = node_prev(n)) {
		if (n->type == MTG_N_TEXT && n->text != NULL &&
		    strspn(n->text, " \t") == strlen(n->text))
			continue;
		if (n->type != MTG_N_CODE || n->text == NULL)
			break;
		for (i = 0; conv_code_labels[i].word != NULL; i++)
			if (strcasecmp(n->text, conv_code_labels[i].word) == 0)
				break;
		if (conv_code_labels[i].kind == XK_ACTIONS)
			bits |= 1;
		else if (conv_code_labels[i].kind == XK_DECISIONS)
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
	const struct node *n, *end = node_last(para);
	struct buf b = {0};

	while (end != NULL && (end->type == MTG_N_CODE ||
	    (end->type == MTG_N_TEXT && end->text != NULL &&
	    strspn(end->text, " \t") == strlen(end->text))))
		end = node_prev(end);
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

/* Records the action or decision a paragraph marks with trailing code
 * labels (`ToDo`, `Agreed`); returns whether it had any. */
static int
scan_labels(struct xctx *c, const struct node *para, enum mtg_status st)
{
	int bits = trailing_labels(para);
	char *t;

	if (bits == 0)
		return 0;
	t = text_without_labels(para);
	if (bits & 1)
		record_action(c, t, NULL, st, para->line, para->col);
	if (bits & 2)
		decision_commit(c, NULL, t, para->line);
	free(t);
	return 1;
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
	/* "Should we keep Action items:?", "“Action items:” is a …" */
	if (strchr(text, '?') != NULL || *text == '"' || *text == '\'' ||
	    strncmp(text, "“", 3) == 0 || strncmp(text, "‘", 3) == 0)
		return XK_NONE;
	return x_classify_label(text);
}

static enum xkind
para_label(const struct node *para, int needs_colon)
{
	const struct node *up;
	char *t;
	enum xkind k;

	if (para == NULL || para->type != MTG_N_PARAGRAPH)
		return XK_NONE;
	/* A quoted label is somebody's words, not a heading of actions. */
	for (up = para->parent; up != NULL; up = up->parent)
		if (up->type == MTG_N_BLOCKQUOTE)
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

/* Whether a paragraph is a label of conv_plan_labels ("Next Steps:"). */
static int
plan_label(const struct node *para)
{
	char *t;
	int yes;

	if (para == NULL || para->type != MTG_N_PARAGRAPH)
		return 0;
	t = x_text(para);
	yes = conv_is(conv_plan_labels, t);
	free(t);
	return yes;
}

/*
 * Whether the items of a list are the stages of a presented plan
 * ("Feedback: Socialize and solicit input", "Roll Out: prepare the first
 * repository"): two or more, none a task item, each opening with a
 * capitalised title of one to three words, a colon and a space, where
 * the title names no owner the meeting knows and is no marker.  One item
 * without such a title ("Tag the release candidate") makes the list the
 * meeting's own.
 */
static int
plan_stages(const struct xctx *c, const struct node *list)
{
	const struct node *item, *para;
	size_t n = 0;
	int yes = 1;

	for (item = list->first; item != NULL && yes; item = item->next) {
		struct strlist tmp = {0};
		const char *colon;
		size_t i, words = 1;
		char *t;

		if (item->type != MTG_N_ITEM || item->task != MTG_TASK_NONE ||
		    (para = x_item_para(item)) == NULL)
			return 0;
		t = x_text(para);
		colon = strchr(t, ':');
		if (colon == NULL || colon == t || colon - t > 40 ||
		    colon[1] != ' ' || !isupper((unsigned char)*t))
			yes = 0;
		for (i = 0; yes && t + i < colon; i++)
			if (t[i] == ' ')
				words++;
			else if (isdigit((unsigned char)t[i]))
				yes = 0;
		if (yes && (words > 3 || x_marker_line(t) ||
		    lead_owner(c->pp, t, &tmp, 0) > 0))
			yes = 0;
		strlist_free(&tmp);
		free(t);
		n++;
	}
	return yes && n >= 2;
}

/* The kind of the items of a list: from its label or its heading.  A
 * plan's stages under a "Next Steps:" label are no actions. */
static enum xkind
list_context(const struct xctx *c, const struct node *list,
    const enum xkind *hk)
{
	const struct node *up = list->parent, *before = node_prev(list);
	enum xkind k;

	if (up != NULL && up->type == MTG_N_ITEM) {
		k = para_label(x_item_para(up), 0);
		if (k == XK_ACTIONS && plan_label(x_item_para(up)) &&
		    plan_stages(c, list))
			return XK_NONE;
		/* Sub-tasks of an action item are action items. */
		if (k == XK_NONE && list->first != NULL &&
		    list->first->task != MTG_TASK_NONE && up->parent != NULL &&
		    up->parent->type == MTG_N_LIST &&
		    list_context(c, up->parent, hk) == XK_ACTIONS)
			k = XK_ACTIONS;
		return k;
	}
	if (before != NULL && before->type == MTG_N_PARAGRAPH &&
	    (k = para_label(before, 1)) != XK_NONE) {
		if (k == XK_ACTIONS && plan_label(before) &&
		    plan_stages(c, list))
			return XK_NONE;
		return k;
	}
	if (up != NULL && up->type == MTG_N_DOCUMENT)
		return heading_context(hk);
	return XK_NONE;
}

/* --- list items ----------------------------------------------------------- */

/* Joins lines into one text, leaving out "Status:" lines. */
static char *
join_lines(const struct xlines *ls, size_t from, size_t to, size_t off,
    enum mtg_status *st)
{
	struct buf b = {0};
	size_t i;

	for (i = from; i < to; i++) {
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
 * it names a due date, starts with its owner or ends with a @owner. */
static int
task_is_action(struct xctx *c, const char *text)
{
	struct strlist tmp = {0};
	size_t cut, ps, pe;
	int yes = 0;

	if (x_due_phrase(text, &cut, &ps, &pe) == 0)
		yes = 1;
	else if (lead_owner(c->pp, text, &tmp, 0) > 0)
		yes = 1;
	else if (*text != '#' && !isdigit((unsigned char)*text) &&
	    trail_at_owner(text, &tmp) > 0)
		yes = 1;	/* not "#63599 — Stabilize … @Nicholas M": a
				 * topic and its shepherd */
	strlist_free(&tmp);
	return yes;
}

/* Whether an item holds, in its sub-lists, items with action markers. */
static int
nested_marker(const struct node *item)
{
	const struct node *n;
	struct marker mk;
	int yes = 0;

	for (n = item->first; n != NULL && !yes; n = node_walk_next(item, n)) {
		const struct node *para;
		char *t;

		if (n->type != MTG_N_ITEM || (para = x_item_para(n)) == NULL)
			continue;
		t = x_text(para);
		yes = parse_marker(t, &mk) == XK_ACTIONS;
		marker_free(&mk);
		free(t);
	}
	return yes;
}

/*
 * Reads the first paragraph of a list item: in an actions or decisions
 * list the item is one; elsewhere marker lines and task items that name
 * an owner or a due date are.  Attendance and agenda items are skipped.
 */
char *
x_item_before(const struct node *item)
{
	const struct node *up, *prev = node_prev(item);

	if (prev != NULL)
		return x_item_para(prev) != NULL ?
		    x_text(x_item_para(prev)) : NULL;
	up = item->parent != NULL ? item->parent->parent : NULL;
	if (up != NULL && up->type == MTG_N_ITEM && x_item_para(up) != NULL)
		return x_text(x_item_para(up));
	return NULL;
}

int
x_marker_line(const char *s)
{
	struct marker mk;
	enum xkind k = parse_marker(s, &mk);

	marker_free(&mk);
	return k != XK_NONE;
}

static void scan_item_in(struct xctx *, const struct node *, enum xkind);

/* Reads an item with the text before it at hand (c->context). */
static void
scan_item(struct xctx *c, const struct node *item, enum xkind ctx)
{
	char *before = x_item_before(item), *topic = NULL, *voice = NULL;
	const struct node *up = item->parent != NULL ?
	    item->parent->parent : NULL;

	if (up != NULL && up->type == MTG_N_ITEM && x_item_para(up) != NULL) {
		topic = x_text(x_item_para(up));
		voice = prose_voice(c, topic);
	}
	c->context = before;
	c->context_line = node_prev(item) != NULL ? node_prev(item)->line :
	    up != NULL ? up->line : 0;
	c->topic = topic;
	c->voice = voice;
	scan_item_in(c, item, ctx);
	c->context = NULL;
	c->context_line = 0;
	c->topic = NULL;
	c->voice = NULL;
	free(before);
	free(topic);
	free(voice);
}

static void
scan_item_in(struct xctx *c, const struct node *item, enum xkind ctx)
{
	const struct node *para = x_item_para(item), *prev;
	struct xlines ls, rest = { NULL, 0, 0 };
	struct marker mk;
	enum xkind k;
	enum mtg_status st;
	char *text;
	size_t cut;
	int line, col;

	if (para == NULL)
		return;
	st = item->task == MTG_TASK_DONE ? MTG_DONE : MTG_OPEN;
	sub_status(item, &st);
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
	/* Lines with markers of their own end the item's text. */
	for (cut = 1; cut < ls.n; cut++) {
		struct marker m2;
		enum xkind k2 = parse_marker(ls.v[cut].text, &m2);

		marker_free(&m2);
		if (k2 != XK_NONE)
			break;
	}
	rest.v = ls.v + cut;
	rest.n = ls.n - cut;
	/* A topic whose own action lines are nested under it, and an item
	 * laid out as the topic before it is, with a list of its own. */
	if (ctx == XK_ACTIONS && k == XK_NONE && (nested_marker(item) ||
	    (has_sublist(item) && (prev = node_prev(item)) != NULL &&
	    prev->type == MTG_N_ITEM && nested_marker(prev))))
		ctx = XK_NONE;
	if (ctx == XK_ACTIONS || (ctx == XK_DECISIONS && k == XK_ACTIONS)) {
		text = join_lines(&ls, 0, cut, k != XK_NONE ? mk.rest : 0, &st);
		xline_pos(&ls.v[0], k != XK_NONE ? mk.rest : 0, &line, &col);
		/* "Note: the call is on Tuesday" is no task of the list
		 * (a checkbox makes it one). */
		if (k != XK_NONE || item->task != MTG_TASK_NONE ||
		    !note_item(text)) {
			c->listing = ctx == XK_ACTIONS && k == XK_NONE &&
			    !knows_people(c->m);
			record_action(c, text, k != XK_NONE ? &mk : NULL, st,
			    line, col);
			c->listing = 0;
		}
		free(text);
		scan_lines(c, &rest, 1, MTG_OPEN);
	} else if (ctx == XK_DECISIONS) {
		text = join_lines(&ls, 0, cut, k != XK_NONE ? mk.rest : 0, &st);
		decision_commit(c, mk.id, text, ls.v[0].line);
		free(text);
		scan_lines(c, &rest, 1, MTG_OPEN);
	} else if (ctx >= XK_PRESENT && ctx <= XK_OTHER_ROLE &&
	    ctx != XK_AGENDA) {
		/* Attendance: names, not actions. */
	} else if (k != XK_NONE)
		scan_lines(c, &ls, 1, st);
	else if (item->task != MTG_TASK_NONE && ctx != XK_AGENDA) {
		text = join_lines(&ls, 0, cut, 0, &st);
		if (task_is_action(c, text)) {
			xline_pos(&ls.v[0], 0, &line, &col);
			record_action(c, text, NULL, st, line, col);
		}
		free(text);
		scan_lines(c, &rest, 1, MTG_OPEN);
	} else {
		scan_lines(c, &ls, 1, st);
		if (!scan_labels(c, para, st))
			prose_scan(c, &ls, 0, cut, 1, c->context);
	}
	marker_free(&mk);
	xlines_free(&ls);
}

/* --- prose ------------------------------------------------------------------ */

/* The number of lines before the first that has a marker. */
static size_t
unmarked_lines(const struct xlines *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		struct marker mk;
		enum xkind k = parse_marker(ls->v[i].text, &mk);

		marker_free(&mk);
		if (k != XK_NONE)
			break;
	}
	return i;
}

/* Whether a paragraph opens with an "Action Items:" line over more. */
static int
label_lines(const struct xlines *ls)
{
	return ls->n >= 2 && x_marker_line(ls->v[0].text) == 0 &&
	    label_kind(ls->v[0].text, 1) == XK_ACTIONS;
}

/* Commitments and outcomes in a paragraph's lines before any marker. */
static void
scan_prose_para(struct xctx *c, const struct node *para,
    const struct xlines *ls)
{
	const struct node *before = node_prev(para);
	char *prev = before != NULL && before->type == MTG_N_PARAGRAPH ?
	    x_text(before) : NULL;

	prose_scan(c, ls, 0, unmarked_lines(ls), 0, prev);
	free(prev);
}

/* The cells of a table that holds no actions: each line of a cell on
 * its own ("<br>" separates the points of a summary cell). */
static void
scan_prose_table(struct xctx *c, const struct node *table)
{
	const struct node *row, *cell;
	struct xlines ls;
	size_t i;

	for (row = table->first; row != NULL; row = row->next) {
		if (row->header)
			continue;
		for (cell = row->first; cell != NULL; cell = cell->next) {
			xlines_of(cell, &ls);
			for (i = 0; i < ls.n; i++) {
				struct marker mk;
				enum xkind k = parse_marker(ls.v[i].text, &mk);

				marker_free(&mk);
				if (k == XK_NONE)
					prose_scan(c, &ls, i, i + 1, 0, i > 0 ?
					    ls.v[i - 1].text : NULL);
			}
			xlines_free(&ls);
		}
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

/*
 * A paragraph of its own, "**Status**: Done", below a marked action and
 * the talk about it ("**ACTION 58.4** Lane to provide …", "**Tim**: …",
 * "**Status**: Done"): sets that action's status when nothing was found
 * in between.  A status below a decision, or after a heading, sets none.
 * Returns whether the paragraph was such a line.
 */
static int
status_below(struct xctx *c, const struct xlines *ls)
{
	enum mtg_status st = MTG_OPEN;

	if (ls->n != 1 || !status_line(ls->v[0].text, &st))
		return 0;
	if (c->status_to > 0 &&
	    c->status_seen == c->m->nactions + c->m->ndecisions)
		c->m->actions[c->status_to - 1].status = st;
	return 1;
}

/*
 * Walks the modelled blocks in document order, keeping the kind of the
 * enclosing headings, and hands tables, paragraphs and list items to
 * their readers.  Code and raw HTML are never read.
 */
void
extract_actions(struct xctx *c)
{
	enum xkind hk[7] = { XK_NONE };
	enum xkind lk = XK_NONE;		/* the context of list */
	const struct node *b, *n;
	const struct node *list = NULL;		/* the list of the last item */
	int l;

	prose_speakers(c);
	for (b = c->first; b != NULL && b != c->stop; b = b->next) {
		for (n = b; n != NULL; ) {
			int descend = 0;

			switch (n->type) {
			case MTG_N_HEADING: {
				char *t = x_text(n);

				list = NULL;	/* a list's context may change */
				c->status_to = 0;
				if (n->level >= 1 && n->level <= 6) {
					for (l = n->level; l <= 6; l++)
						hk[l] = XK_NONE;
					hk[n->level] = x_classify_label(t);
				}
				free(t);
				/* "### ACTION: Bob to …" */
				{
					struct xlines ls;

					xlines_of(n, &ls);
					scan_lines(c, &ls, 1, MTG_OPEN);
					xlines_free(&ls);
				}
				break;
			}
			case MTG_N_TABLE:
				if (!scan_table(c, n, heading_context(hk)))
					scan_prose_table(c, n);
				break;
			case MTG_N_PARAGRAPH:
				if (n->parent != NULL &&
				    n->parent->type == MTG_N_ITEM &&
				    n->parent->first == n)
					break;	/* read with its item */
				{
					struct xlines ls;

					xlines_of(n, &ls);
					if (status_below(c, &ls)) {
						xlines_free(&ls);
						break;
					}
					unopposed(c, n, &ls);
					scan_lines(c, &ls, 0, MTG_OPEN);
					if (scan_labels(c, n, MTG_OPEN))
						;
					else if (label_lines(&ls))
						/* "Action Items:" over a
						 * line per action. */
						for (l = 1; l < (int)ls.n; l++)
							prose_scan(c, &ls,
							    (size_t)l,
							    (size_t)l + 1, 2,
							    NULL);
					else
						scan_prose_para(c, n, &ls);
					xlines_free(&ls);
				}
				break;
			case MTG_N_ITEM:
				/* The items of a list share its context. */
				if (n->parent != list) {
					list = n->parent;
					lk = list_context(c, list, hk);
				}
				scan_item(c, n, lk);
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
	size_t i, n = 0;

	prose_dedupe(c);
	/* n counts the actions without a number of their own, as the
	 * series does (series.c). */
	for (i = 0; i < m->nactions; i++) {
		if (m->actions[i].id != NULL)
			continue;
		m->actions[i].id = xasprintf("%s-%zu",
		    m->date != NULL ? m->date : "undated", ++n);
	}
}
