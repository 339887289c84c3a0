/*
 * render.h -- the renderers' common entry point and the format table.
 *
 * Every renderer reads a const model and writes its artefact into a buffer,
 * which the caller writes out as it fills (a buffer with a sink) or whole.
 * A renderer returns 0, or -1 after printing an error with diag_error().
 */
#ifndef MINUTES_RENDER_H
#define MINUTES_RENDER_H

#include "model.h"

struct render_opts {
	const char	*templates;	/* --templates DIR, or NULL: built-in */
	const char	*reference_odt;	/* --reference-odt FILE, or NULL */
	const char	*reference_odp;	/* --reference-odp FILE, or NULL */
	int		 unsafe;	/* --unsafe: raw HTML passes through */
	int		 standalone;	/* HTML: inline the stylesheet */
	const char	*base_url;	/* the meeting folder's address, or NULL */
	const char	*as_of;		/* --as-of DATE for overdue, or NULL */
};

typedef int (*render_fn)(const struct meeting *, const struct render_opts *,
    struct buf *);

struct format {
	const char	*name;		/* -f NAME */
	const char	*filename;	/* file name inside a meeting's folder */
	render_fn	 render;
	const char	*help;		/* one line for --help */
};

/* The table of formats, ended by an entry whose name is NULL. */
extern const struct format formats[];
const struct format *format_find(const char *name);

/* One format of one meeting to render. */
struct render_job {
	const struct format	*f;
	const struct meeting	*m;
	const struct render_opts *opts;
};

/* Renders job (a struct render_job) into out: the make() of a struct
 * made (util.h), to write it as it is made. */
int	render_job_make(void *job, struct buf *out);

/* One entry point per format, each in its own render_<format>.c. */
int	render_json(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_html(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_agenda(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_blog(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_blog_preview(const struct meeting *,
	    const struct render_opts *, struct buf *);
int	render_docbook(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_odt(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_agenda_odt(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_slides(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_odp(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_csv(const struct meeting *, const struct render_opts *,
	    struct buf *);
int	render_ics(const struct meeting *, const struct render_opts *,
	    struct buf *);

/* The register of a series (series.h): actions.csv, actions.ics. */
struct series;
int	render_series_csv(const struct series *, struct buf *);
int	render_series_ics(const struct series *, struct buf *);

/* The archive pages of a series at the output root (render_archive.c):
 * index.html, actions.html, decisions.html, attendance.html. */
int	render_archive_index(const struct series *,
	    const struct render_opts *, struct buf *);
int	render_archive_actions(const struct series *,
	    const struct render_opts *, struct buf *);
int	render_archive_decisions(const struct series *,
	    const struct render_opts *, struct buf *);
int	render_archive_attendance(const struct series *,
	    const struct render_opts *, struct buf *);
/*
 * The archive.xml chapter of meeting i of the series, as the book holds
 * it, appended to out.  render_archive_xml() puts a meeting's chapter
 * (s->mt[i].chapter) in as it stands, or makes it with this.
 */
void	render_archive_chapter(const struct series *, size_t i,
	    struct buf *out);
/*
 * The appendices of archive.xml (register, decisions, attendance) as the
 * book holds them, appended to out; s->appendices, when set, is put in
 * as it stands instead.
 */
void	render_archive_appendices(const struct series *, struct buf *out);
/* archive.xml: the series as a DocBook 5 book (render_archive_xml.c). */
int	render_archive_xml(const struct series *,
	    const struct render_opts *, struct buf *);

/*
 * Reads a template or style part, such as "html/minutes.html" or
 * "odt/styles.xml": from opts->templates when set and the file exists
 * there, else from the copy built into the program.  Returns 0 with *data
 * owned by the caller, or -1 after printing an error.
 */
int	template_read(const struct render_opts *, const char *name,
	    char **data, size_t *len);

/*
 * The Mustache template name ("html/minutes.html"), read and parsed once
 * and kept (templates.c owns it); *source names the file it came from.
 * Returns NULL after printing an error naming the file, line and column.
 */
struct mustache;
struct mustache *template_mustache(const struct render_opts *,
	    const char *name, const char **source);
/* Drops name from the cache, so that it is read (and its errors said)
 * again when next used. */
void	template_forget(const struct render_opts *, const char *name);
/* Frees every cached template. */
void	template_cache_free(void);
/* Frees what the renderers keep between calls (templates, the last HTML
 * context); call it when rendering is over. */
void	render_end(void);
/* Reports err, the template engine's "LINE:COL: what" (or NULL), as a
 * diagnostic of file source. */
void	template_error(const char *source, const char *err);

#endif
