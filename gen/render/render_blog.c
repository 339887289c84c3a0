/*
 * render_blog.c -- the post-meeting blog draft.
 *
 * render_blog() writes an HTML fragment for a website's editor: no
 * document wrapper, no script, only elements an editor keeps.  It holds
 * the title, a one-paragraph summary (who met, when, what was covered),
 * the decisions, the open action items with owners and due dates, and a
 * link to the full minutes.  render_blog_preview() wraps that fragment in
 * a page with the stylesheet, to see it before pasting.
 */
#include <stdlib.h>
#include <string.h>

#include "htmlmodel.h"
#include "present.h"

/* Most topics named in the summary before "and N more". */
#define SUMMARY_TOPICS	12

static void
put_count(struct buf *b, size_t n, const char *one, const char *many)
{
	buf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

/* Adds t to topics unless seen holds it (a map keeps long notes linear). */
static void
add_topic(struct strlist *topics, struct strmap *seen, const char *t)
{
	struct strmap_e *e = strmap_get(seen, t, strlen(t), 1);

	if (e->count++ == 0)
		strlist_add(topics, t);
}

/*
 * What the meeting covered: the top-level agenda items, else the titles
 * of the level-2 sections, each once, into topics.
 */
static void
topics_of(const struct meeting *m, struct strlist *topics)
{
	struct strmap seen = {0};
	size_t i;

	if (m->nagenda > 0) {
		for (i = 0; i < m->nagenda; i++)
			if (m->agenda[i].title != NULL &&
			    *m->agenda[i].title != '\0')
				add_topic(topics, &seen, m->agenda[i].title);
		strmap_free(&seen);
		return;
	}
	for (i = 0; i < m->nsections; i++) {
		const char *t = m->sections[i].title;

		if (m->sections[i].level != 2 || t == NULL || *t == '\0' ||
		    str_has_prefix_ci(t, "agenda") ||
		    str_has_prefix_ci(t, "attend") ||
		    str_has_prefix_ci(t, "present"))
			continue;
		add_topic(topics, &seen, t);
	}
	strmap_free(&seen);
}

/*
 * The summary paragraph as plain text (the template escapes it).  Caller
 * frees.
 */
static char *
summary(const struct meeting *m)
{
	struct buf b = {0};
	struct strlist topics = {0};
	struct present_role roles[PRESENT_ROLES];
	char *date = present_date(m->date);
	size_t n, i, nopen, nroles;

	if (m->group != NULL && *m->group != '\0') {
		if (!str_has_prefix_ci(m->group, "the "))
			buf_puts(&b, "The ");
		buf_puts(&b, m->group);
	} else
		buf_puts(&b, "The group");
	buf_puts(&b, " met");
	if (date != NULL)
		buf_printf(&b, " on %s", date);
	if (m->time != NULL && *m->time != '\0')
		buf_printf(&b, " at %s", m->time);
	if (m->location != NULL && *m->location != '\0')
		buf_printf(&b, " \xe2\x80\x94 %s", m->location);
	buf_puts(&b, ".");
	nroles = present_roles(m, roles);
	if (nroles > 0 && roles[0].chairs) {
		buf_puts(&b, " The meeting was chaired by ");
		present_prose_list(&b, roles[0].names.v, roles[0].names.n);
		if (m->attendees.n > 0) {
			buf_puts(&b, ", with ");
			put_count(&b, m->attendees.n, "participant",
			    "participants");
		}
		buf_puts(&b, ".");
	} else if (m->attendees.n > 0) {
		buf_puts(&b, " ");
		put_count(&b, m->attendees.n, "participant took part.",
		    "participants took part.");
	}
	/* The other roles as the header gives them ("Host: John Mertic
	 * (Linux Foundation).", "Scribe: Stephen Mackenzie."). */
	for (i = 0; i < nroles; i++)
		if (!roles[i].chairs) {
			buf_printf(&b, " %s: ", roles[i].label);
			present_prose_list(&b, roles[i].names.v,
			    roles[i].names.n);
			buf_puts(&b, ".");
		}
	present_roles_free(roles, nroles);
	if (m->apologies.n > 0) {
		buf_puts(&b, " Apologies: ");
		present_prose_list(&b, m->apologies.v, m->apologies.n);
		buf_puts(&b, ".");
	}
	topics_of(m, &topics);
	if (topics.n > 0) {
		n = topics.n > SUMMARY_TOPICS ? SUMMARY_TOPICS : topics.n;
		buf_puts(&b, " The discussion covered ");
		present_prose_list(&b, topics.v, n);
		if (n < topics.n)
			buf_printf(&b, ", and %zu more topics", topics.n - n);
		buf_puts(&b, ".");
	}
	for (i = nopen = 0; i < m->nactions; i++)
		if (mtg_status_pending(m->actions[i].status))
			nopen++;
	if (m->ndecisions > 0) {
		buf_puts(&b, " The meeting recorded ");
		put_count(&b, m->ndecisions, "decision.", "decisions.");
	}
	if (nopen > 0) {
		buf_puts(&b, " ");
		put_count(&b, nopen, "action item remains open.",
		    "action items remain open.");
	}
	strlist_free(&topics);
	free(date);
	return buf_detach(&b);
}

/*
 * The address of a file of the meeting's folder as the draft links to it:
 * relative, or under opts->base_url (--base-url) so that the fragment
 * still works once pasted into a website's editor.  Caller frees.
 */
static char *
blog_href(const struct render_opts *opts, const char *file)
{
	const char *base = opts != NULL ? opts->base_url : NULL;
	size_t n;

	if (base == NULL || *base == '\0')
		return xstrdup(file);
	n = strlen(base);
	return xasprintf("%s%s%s", base, base[n - 1] == '/' ? "" : "/", file);
}

/* The fragment, appended to out. */
static int
blog_fragment(const struct htmlmodel *hm, struct buf *out)
{
	struct mval *ctx;
	char *s, *c, *href;
	int rc = -1;

	if ((ctx = htmlmodel_context(hm)) == NULL)
		return -1;
	s = summary(hm->m);
	c = html_clean(s);
	mval_set(ctx, "summary", mval_string(c));
	free(c);
	free(s);
	href = blog_href(hm->opts, "minutes.html");
	mval_set(ctx, "minutes_href", mval_string(href));
	free(href);
	if (htmlmodel_render(hm, "html/blog.html", ctx, out) == -1)
		goto out;
	rc = 0;
out:
	mval_free(ctx);
	return rc;
}

int
render_blog(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct htmlmodel hm;
	int rc;

	htmlmodel_init(&hm, m, opts);
	rc = blog_fragment(&hm, out);
	htmlmodel_free(&hm);
	return rc;
}

int
render_blog_preview(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct htmlmodel hm;
	struct mval *ctx = NULL;
	struct buf frag = {0};
	int rc = -1;

	htmlmodel_init(&hm, m, opts);
	buf_put(&frag, "", 0);
	if (blog_fragment(&hm, &frag) == -1)
		goto out;
	if ((ctx = htmlmodel_context(&hm)) == NULL)
		goto out;
	mval_set(ctx, "blog", mval_string_take(buf_detach(&frag)));
	if (htmlmodel_render(&hm, "html/blog-preview.html", ctx, out) == -1)
		goto out;
	rc = 0;
out:
	mval_free(ctx);
	buf_free(&frag);
	htmlmodel_free(&hm);
	return rc;
}
