/*
 * render_slides.c -- the slide deck as one self-contained HTML file.
 *
 * The deck (deck.c) is filled into templates/html/slides.html, which holds
 * the stylesheet and the little script that navigates, shows the speaker
 * notes and shrinks a slide whose text would overflow.  The context is the
 * one every HTML page gets (htmlmodel.c) plus "slides": for each slide its
 * number, id, kind, title, body and notes (the last two HTML already, for
 * {{{triple}}} tags), and "count", the number of slides.  The slides
 * are a lazy list: each slide's context is made as the template reaches
 * it and freed once written.
 */
#include <stdlib.h>

#include "deck.h"
#include "htmlmodel.h"

static const char *const kinds[] = { "title", "agenda", "section",
    "actions" };

/* The context of one slide; number counts from 1. */
static struct mval *
slide_context(const struct slide *s, size_t number,
    const struct render_opts *opts)
{
	struct mval *v = mval_map();
	struct buf b = {0};
	char *t;

	mval_set(v, "number", mval_number((double)number));
	t = xasprintf("slide-%zu", number);
	mval_set_str(v, "id", t);
	free(t);
	mval_set_str(v, "kind", kinds[s->kind]);
	mval_set(v, "is_title", mval_bool(s->kind == DECK_TITLE));
	t = html_clean(s->title);
	mval_set_str(v, "title", t);
	free(t);
	t = html_clean(s->heading);
	mval_set_str(v, "heading", t);
	free(t);
	mval_set(v, "page", mval_number((double)s->page));
	mval_set(v, "npages", mval_number((double)s->npages));
	mval_set(v, "continued", mval_bool(s->page > 1));
	mval_set(v, "units", mval_number((double)s->units));
	mval_set(v, "oversize", mval_bool(s->oversize));

	buf_put(&b, "", 0);
	html_block(&b, s->body, opts);
	mval_set(v, "body", mval_string(b.data));
	b.len = 0;
	b.data[0] = '\0';
	html_block(&b, s->notes, opts);
	mval_set(v, "notes", mval_string(b.data));
	mval_set(v, "has_notes", mval_bool(b.len > 0));
	buf_free(&b);
	return v;
}

/* What the slides of the lazy "slides" list are made from. */
struct slides_arg {
	struct deck			*d;
	const struct render_opts	*opts;
};

/* The values slide_context() gives a slide: its map and 14 more. */
#define SLIDE_VALUES	15

/* Slide i of the deck, made as the template renders it. */
static struct mval *
slide_item(const void *arg, size_t i)
{
	const struct slides_arg *a = arg;

	return slide_context(deck_slide(a->d, i), i + 1, a->opts);
}

int
render_slides(const struct meeting *m, const struct render_opts *opts,
    struct buf *out)
{
	struct slides_arg *arg;
	struct htmlmodel hm;
	struct deck *d;
	struct mval *ctx;
	char *t;
	int rc = -1;

	htmlmodel_init(&hm, m, opts);
	d = deck_for(m);
	if ((ctx = htmlmodel_context(&hm)) == NULL)
		goto out;
	/* The deck's title is the title slide's. */
	t = html_clean(d->slides[0].title);
	mval_set_str(ctx, "title", t);
	free(t);
	mval_set(ctx, "count", mval_number((double)d->nslides));
	mval_set(ctx, "limit", mval_number((double)d->limit));
	/* One slide's HTML at a time, not the deck's twice over. */
	arg = xmalloc(sizeof(*arg));
	arg->d = d;
	arg->opts = opts;
	mval_set(ctx, "slides", mval_list_lazy(d->nslides,
	    d->nslides * SLIDE_VALUES, slide_item, arg));
	if (htmlmodel_render(&hm, "html/slides.html", ctx, out) == -1)
		goto out;
	rc = 0;
out:
	mval_free(ctx);
	htmlmodel_free(&hm);
	return rc;
}
