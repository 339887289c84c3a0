/*
 * main.c -- the command line: build, render, check, help.
 *
 * One table of options drives getopt_long, each command's help and the
 * check that an option belongs to the command it is given to.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "next.h"
#include "dates.h"
#include "extract.h"
#include "notes.h"
#include "render.h"

#ifndef MINUTES_DATADIR
#define MINUTES_DATADIR "/usr/local/share/minutes"
#endif

/* The commands, as bits: which command an option belongs to. */
enum {
	C_BUILD = 1 << 0,
	C_RENDER = 1 << 1,
	C_CHECK = 1 << 2,
	C_NEXT = 1 << 3,
	C_ALL = C_BUILD | C_RENDER | C_CHECK | C_NEXT
};

enum {
	OPT_TEMPLATES = 256,
	OPT_REFERENCE_ODT,
	OPT_REFERENCE_ODP,
	OPT_UNSAFE,
	OPT_STRICT,
	OPT_MAX_ROWS,
	OPT_LIST_FORMATS,
	OPT_STANDALONE,
	OPT_EMBED_CSS,
	OPT_BASE_URL,
	OPT_MEETING,
	OPT_AS_OF,
	OPT_DATE,
	OPT_FORCE
};

static const struct optspec {
	const char	*name;		/* long name */
	int		 val;		/* short letter, or OPT_* */
	const char	*arg;		/* argument's name, or NULL */
	unsigned	 cmds;		/* C_* it applies to */
	const char	*help;
} optspecs[] = {
	{ "to", 't', "FORMAT", C_RENDER,
	    "output format (default: from the -o file name)" },
	{ "format", 'f', "FORMAT", C_RENDER, "the same as --to" },
	{ "output", 'o', "PATH", C_BUILD | C_RENDER | C_NEXT,
	    "output file (render; - is the standard output)\n"
	    "or folder (build)" },
	{ "jobs", 'j', "N", C_BUILD,
	    "render N meetings at once (default: one per CPU)" },
	{ "meeting", OPT_MEETING, "DATE", C_RENDER,
	    "of a file of several meetings (one per dated\n"
	    "heading), the one of DATE; default: the latest" },
	{ "list-formats", OPT_LIST_FORMATS, NULL, C_RENDER,
	    "print the output formats, one a line, and exit" },
	{ "metadata", 'M', "KEY=VALUE", C_ALL,
	    "set or override a front-matter key,\n"
	    "e.g. -M date=2017-07-06" },
	{ "templates", OPT_TEMPLATES, "DIR", C_BUILD | C_RENDER,
	    "templates and styles replacing the built-in ones\n"
	    "(a copy to edit: " MINUTES_DATADIR "/templates)" },
	{ "reference-odt", OPT_REFERENCE_ODT, "FILE", C_BUILD | C_RENDER,
	    "take ODT styles from document FILE" },
	{ "reference-odp", OPT_REFERENCE_ODP, "FILE", C_BUILD | C_RENDER,
	    "take ODP styles from presentation FILE" },
	{ "standalone", OPT_STANDALONE, NULL, C_BUILD,
	    "inline the stylesheet into every HTML page" },
	{ "embed-css", OPT_EMBED_CSS, NULL, C_BUILD,
	    "the same as --standalone" },
	{ "base-url", OPT_BASE_URL, "URL", C_BUILD | C_RENDER,
	    "where the output is published: the blog draft's\n"
	    "links become absolute" },
	{ "unsafe", OPT_UNSAFE, NULL, C_BUILD | C_RENDER,
	    "let raw HTML in the notes through" },
	{ "max-rows", OPT_MAX_ROWS, "N", C_BUILD | C_RENDER,
	    "table rows or list lines per slide" },
	{ "date", OPT_DATE, "DATE", C_NEXT,
	    "the next meeting's date, yyyy-mm-dd" },
	{ "force", OPT_FORCE, NULL, C_NEXT,
	    "write over files that exist" },
	{ "as-of", OPT_AS_OF, "DATE", C_BUILD | C_RENDER,
	    "what is overdue on DATE, yyyy-mm-dd (default:\n"
	    "the latest meeting's date)" },
	{ "strict", OPT_STRICT, NULL, C_ALL,
	    "warnings make the exit status 1" },
	{ "quiet", 'q', NULL, C_ALL, "print errors only" },
	{ "verbose", 'v', NULL, C_ALL, "say what is read and written" },
	{ "help", 'h', NULL, C_ALL, "print this help and exit" },
	{ "version", 'V', NULL, C_ALL, "print the version and exit" },
	{ NULL, 0, NULL, 0, NULL }
};

static const struct command {
	const char	*name;
	unsigned	 bit;
	const char	*synopsis;
	const char	*about;
} commands[] = {
	{ "build", C_BUILD, "build [-o DIR] [-j N] [OPTIONS] [INPUT...]",
	    "renders every meeting of INPUT (notes files or folders of *.md;\n"
	    "default input/) into DIR/<date>-<file>/ (default out/), one file\n"
	    "per format, and DIR/style.css; re-renders only what changed\n"
	    "since the last build; prints one summary line" },
	{ "render", C_RENDER, "render [-t FORMAT] [-o FILE] [OPTIONS] NOTES.md",
	    "writes one format of one meeting to FILE or the standard output;\n"
	    "NOTES.md may be - for the standard input.  Without -t the format\n"
	    "comes from the name of FILE (.html .xml .odt .odp .json, or a\n"
	    "name ending like agenda.html or slides.html)" },
	{ "check", C_CHECK, "check [--strict] [-M KEY=VALUE] NOTES.md...",
	    "prints diagnostics only; the exit status says if clean" },
	{ "next", C_NEXT, "next [-o FILE] [--date DATE] [--force] [INPUT...]",
	    "writes the notes of the series' next meeting (default: in the\n"
	    "first INPUT folder): standing agenda items and a review table\n"
	    "of every open action; and its agenda as FILE.agenda.html, .odt" },
	{ NULL, 0, NULL, NULL }
};

/* What one run was asked to do. */
struct cli {
	const struct command *cmd;
	const char	*format;	/* -t, or NULL */
	const char	*output;	/* -o, or NULL */
	struct strlist	 meta;		/* -M KEY=VALUE, in order */
	const char	*meeting;	/* --meeting DATE, or NULL */
	int		 strict;
	int		 verbosity;	/* -1 -q, 0, 1 -v */
	int		 standalone;
	int		 jobs;		/* -j, or 0: one per CPU */
	int		 max_rows;	/* --max-rows, or 0 */
	const char	*base_url;
	struct render_opts ropts;
	const char	*date;		/* next --date */
	int		 force;		/* next --force */
};

static const struct command *
command_find(const char *name)
{
	const struct command *c;

	for (c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static void
list_formats(FILE *f, const char *sep)
{
	const struct format *fmt;

	for (fmt = formats; fmt->name != NULL; fmt++)
		fprintf(f, "%s%s", fmt->name, fmt[1].name != NULL ? sep : "\n");
}

/* The help of one command, or of them all when cmd is NULL. */
static void
usage(FILE *f, const struct command *cmd)
{
	const struct optspec *o;
	const struct format *fmt;
	const struct command *c;
	const char *p;
	char left[64];

	for (c = commands; c->name != NULL; c++)
		if (cmd == NULL || cmd == c)
			fprintf(f, "%s minutes %s\n",
			    c == commands || cmd != NULL ? "usage:" : "      ",
			    c->synopsis);
	if (cmd == NULL)
		fputs("       minutes help [COMMAND] | --help | --version\n",
		    f);
	fputc('\n', f);
	for (c = commands; c->name != NULL; c++) {
		if (cmd != NULL && cmd != c)
			continue;
		fprintf(f, "%-8s", c->name);
		for (p = c->about; *p != '\0'; p++) {
			fputc(*p, f);
			if (*p == '\n')
				fputs("        ", f);
		}
		fputc('\n', f);
	}
	fputs("\noptions:\n", f);
	for (o = optspecs; o->name != NULL; o++) {
		if (cmd != NULL && !(o->cmds & cmd->bit))
			continue;
		if (o->val < 256)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->val,
			    o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "  %-26s", left);
		for (p = o->help; *p != '\0'; p++) {
			fputc(*p, f);
			if (*p == '\n')
				fprintf(f, "%28s", "");
		}
		fputc('\n', f);
	}
	if (cmd == NULL || (cmd->bit & (C_RENDER | C_BUILD))) {
		fputs("\nformats (render -t; build writes them all):\n", f);
		for (fmt = formats; fmt->name != NULL; fmt++)
			fprintf(f, "  %-13s%-18s %s\n", fmt->name,
			    fmt->filename, fmt->help);
	}
	fputs("\nexit status: 0 success, 1 errors in the input (or warnings\n"
	    "with --strict), 2 usage error, 3 I/O or system failure.\n"
	    "See minutes(1): man minutes.\n", f);
}

/* Prints "minutes: MESSAGE" and a hint; returns MTG_EXIT_USAGE. */
static int
usage_error(const struct command *cmd, const char *fmt, const char *arg)
{
	fputs("minutes: ", stderr);
	fprintf(stderr, fmt, arg);
	if (cmd != NULL)
		fprintf(stderr, "\nminutes: try 'minutes help %s'\n",
		    cmd->name);
	else
		fputs("\nminutes: try 'minutes --help'\n", stderr);
	return MTG_EXIT_USAGE;
}

static int
unknown_format(const char *name)
{
	fprintf(stderr, "minutes: unknown format: %s; formats: ", name);
	list_formats(stderr, " ");
	return MTG_EXIT_USAGE;
}

/* Whether s is a real day written yyyy-mm-dd. */
static int
is_iso_date(const char *s)
{
	struct date d;

	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    date_parse(s, &d) == 0;
}

/* Returns 1 if path is a folder; otherwise says why not and returns 0. */
static int
is_dir(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1) {
		diag_error(path, 0, 0, "%s", strerror(errno));
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(path, 0, 0, "%s", strerror(ENOTDIR));
		return 0;
	}
	return 1;
}

/* Whether s ends with suffix. */
static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/*
 * The format an output file name asks for: the format whose file name the
 * name ends with ("x-agenda.html" is the agenda; the longest such file
 * name wins), else the one format with the name's extension, else among
 * several the one whose file is "minutes.EXT".  NULL when none fits.
 */
static const struct format *
format_for_path(const char *path)
{
	const struct format *f, *best = NULL, *byext = NULL, *minutes = NULL;
	const char *base = strrchr(path, '/'), *dot, *fdot;
	size_t bestlen = 0;
	int next = 0;

	base = base != NULL ? base + 1 : path;
	for (f = formats; f->name != NULL; f++) {
		size_t flen = strlen(f->filename);

		if ((strcmp(base, f->filename) == 0 ||
		    (ends_with(base, f->filename) &&
		    strchr("-_.", base[strlen(base) - flen - 1]) != NULL)) &&
		    flen > bestlen) {
			best = f;
			bestlen = flen;
		}
	}
	if (best != NULL)
		return best;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return NULL;
	for (f = formats; f->name != NULL; f++) {
		fdot = strrchr(f->filename, '.');
		if (fdot == NULL || strcmp(fdot, dot) != 0)
			continue;
		byext = f;
		next++;
		if (strncmp(f->filename, "minutes.", 8) == 0)
			minutes = f;
	}
	if (next == 1)
		return byext;
	return minutes;
}

/* Whether a format's artefact is a zip archive (ODF). */
static int
format_is_zip(const struct format *f)
{
	return ends_with(f->filename, ".odt") || ends_with(f->filename, ".odp");
}

/*
 * Reads the standard input whole, up to MTG_MAX_INPUT bytes.  Returns 0,
 * or an errno value (EFBIG when it holds more) with nothing allocated.
 */
static int
read_stdin(char **data, size_t *len)
{
	struct buf b = {0};
	char chunk[65536];
	ssize_t n;

	while ((n = read(STDIN_FILENO, chunk, sizeof(chunk))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			buf_free(&b);
			return errno;
		}
		if ((size_t)n > MTG_MAX_INPUT - b.len) {
			buf_free(&b);
			return EFBIG;
		}
		buf_put(&b, chunk, (size_t)n);
	}
	buf_put(&b, "", 0);
	*len = b.len;
	*data = buf_detach(&b);
	return 0;
}

/*
 * Reads and models one notes file ("-": the standard input, named <stdin>
 * in diagnostics) into its meetings, with d initialised for it.  Returns
 * 0, or -1 after printing why the file cannot be read.
 */
static int
load(const struct cli *c, const char *path, struct diags *d,
    struct meetings *ms)
{
	char *data;
	size_t len;
	int err;

	if (strcmp(path, "-") == 0) {
		diags_init(d, "<stdin>");
		if ((err = read_stdin(&data, &len)) == EFBIG) {
			notes_meetings("<stdin>", "", 0, &c->meta, d, ms);
			diags_free(d);
			diags_init(d, "<stdin>");
			diag_add(d, MTG_D_TOO_LARGE, 1, 1, "more than %u MiB",
			    MTG_MAX_INPUT / 1024 / 1024);
			return 0;
		}
		if (err != 0) {
			diag_error("<stdin>", 0, 0, "%s", strerror(err));
			return -1;
		}
		notes_meetings("<stdin>", data, len, &c->meta, d, ms);
		free(data);
	} else {
		diags_init(d, path);
		err = notes_load_meetings(path, &c->meta, d, ms);
		if (err != 0) {
			diag_error(path, 0, 0, "%s", strerror(err));
			return -1;
		}
	}
	if (c->verbosity > 0)
		fprintf(stderr, "minutes: read %s\n", d->file);
	return 0;
}

/*
 * The meeting render shows: --meeting DATE's, or the latest.  NULL after
 * naming the dates there are when no meeting has DATE.
 */
static const struct meeting *
pick(const struct cli *c, const char *file, const struct meetings *ms)
{
	const struct meeting *m = meetings_pick(ms, c->meeting);
	size_t i;

	if (m != NULL)
		return m;
	fprintf(stderr, "minutes: %s: no meeting of %s; there %s", file,
	    c->meeting, ms->n == 1 ? "is" : "are");
	for (i = 0; i < ms->n; i++)
		fprintf(stderr, " %s", ms->v[i]->date != NULL ?
		    ms->v[i]->date : "(undated)");
	fputc('\n', stderr);
	return NULL;
}

/*
 * Renders job j into path atomically, or to stdout when path is NULL or
 * "-": nothing is left of a file when rendering fails.
 */
static int
write_output(const struct cli *c, const char *path, struct render_job *j)
{
	struct made mk = { render_job_make, j, 0, 0 };
	int err;

	if (path == NULL || strcmp(path, "-") == 0) {
		err = made_into(STDOUT_FILENO, &mk);
		path = "<stdout>";
		if (mk.failed)
			return MTG_EXIT_IO;
		if (err != 0) {
			diag_error(path, 0, 0, "%s", strerror(err));
			return MTG_EXIT_IO;
		}
	} else {
		err = file_write_atomic_fn(path, made_into, &mk);
		if (mk.failed)
			return MTG_EXIT_IO;
		if (err != 0) {
			diag_error(path, 0, 0, "cannot write: %s",
			    file_strerror(err));
			return MTG_EXIT_IO;
		}
	}
	if (c->verbosity > 0)
		fprintf(stderr, "minutes: wrote %s (%zu bytes)\n", path,
		    mk.len);
	return MTG_EXIT_OK;
}

static int
cmd_render(struct cli *c, char *const files[], int nfiles)
{
	const struct format *f;
	const struct meeting *m;
	struct meetings ms;
	struct diags d;
	struct render_job job = {0};
	int rc, st;

	if (c->format != NULL) {
		if ((f = format_find(c->format)) == NULL)
			return unknown_format(c->format);
	} else if (c->output != NULL && strcmp(c->output, "-") != 0) {
		if ((f = format_for_path(c->output)) == NULL) {
			fprintf(stderr, "minutes: no format for %s; give "
			    "-t FORMAT, one of: ", c->output);
			list_formats(stderr, " ");
			return MTG_EXIT_USAGE;
		}
	} else {
		fputs("minutes: render needs -t FORMAT or -o FILE; "
		    "formats: ", stderr);
		list_formats(stderr, " ");
		return MTG_EXIT_USAGE;
	}
	if (nfiles != 1)
		return usage_error(c->cmd, "%s", "render takes one notes file "
		    "(- for the standard input)");
	if ((c->output == NULL || strcmp(c->output, "-") == 0) &&
	    format_is_zip(f) && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "minutes: %s is a zip archive and is not "
		    "written to a terminal; use -o FILE\n", f->name);
		return MTG_EXIT_USAGE;
	}
	if (c->output != NULL && strcmp(c->output, "-") != 0 &&
	    (file_same(c->output, strcmp(files[0], "-") == 0 ? "/dev/stdin" :
	    files[0]) || (c->ropts.reference_odt != NULL &&
	    file_same(c->output, c->ropts.reference_odt)) ||
	    (c->ropts.reference_odp != NULL &&
	    file_same(c->output, c->ropts.reference_odp)))) {
		diag_error(c->output, 0, 0, "%s", file_strerror(FILE_ESAME));
		return MTG_EXIT_USAGE;
	}
	if (load(c, files[0], &d, &ms) == -1) {
		diags_free(&d);
		return MTG_EXIT_IO;
	}
	build_print_diags(&d, c->verbosity);
	st = build_status(&d, c->strict);
	if ((m = pick(c, d.file, &ms)) == NULL)
		rc = MTG_EXIT_USAGE;
	else {
		job.f = f;
		job.m = m;
		job.opts = &c->ropts;
		rc = write_output(c, c->output, &job);
	}
	if (rc == MTG_EXIT_OK)
		rc = st;
	render_end();
	meetings_free(&ms);
	diags_free(&d);
	return rc;
}

static int
cmd_check(struct cli *c, char *const files[], int nfiles)
{
	int i, rc = MTG_EXIT_OK, one;

	if (nfiles == 0)
		return usage_error(c->cmd, "%s",
		    "check needs at least one notes file");
	for (i = 0; i < nfiles; i++) {
		struct diags d;
		struct meetings ms;

		if (load(c, files[i], &d, &ms) == -1)
			rc = MTG_EXIT_IO;
		else {
			build_print_diags(&d, c->verbosity);
			for (size_t k = 0; c->verbosity > 0 && k < ms.n; k++) {
				char *sum = extract_summary(ms.v[k]);

				fprintf(stderr, "minutes: %s: %s%s%s\n", files[i],
				    ms.n > 1 && ms.v[k]->date != NULL ?
				    ms.v[k]->date : "", ms.n > 1 &&
				    ms.v[k]->date != NULL ? ": " : "", sum);
				free(sum);
			}
			one = build_status(&d, c->strict);
			if (one > rc)
				rc = one;
			meetings_free(&ms);
		}
		diags_free(&d);
	}
	return rc;
}

static int
cmd_build(struct cli *c, char *const files[], int nfiles)
{
	static char *const defaults[] = { "input", NULL };
	struct build_opts bo = {0};

	bo.outdir = c->output != NULL ? c->output : "out";
	bo.strict = c->strict;
	bo.verbosity = c->verbosity;
	bo.base_url = c->base_url;
	bo.meta = &c->meta;
	bo.jobs = c->jobs;
	c->ropts.standalone = c->standalone;
	if (nfiles == 0)
		return build_run(&bo, defaults, 1, &c->ropts);
	return build_run(&bo, files, (size_t)nfiles, &c->ropts);
}

static int
cmd_next(struct cli *c, char *const files[], int nfiles)
{
	static char *const defaults[] = { "input", NULL };
	struct next_opts no = {0};

	no.output = c->output;
	no.date = c->date;
	no.force = c->force;
	no.verbosity = c->verbosity;
	no.meta = &c->meta;
	if (nfiles == 0)
		return next_run(&no, defaults, 1, &c->ropts);
	return next_run(&no, files, (size_t)nfiles, &c->ropts);
}

/*
 * Checks every -M option: KEY=VALUE with a key, and the value valid as
 * front matter (diagnostics name the option "-M" and its place).  Returns
 * MTG_EXIT_OK, or MTG_EXIT_USAGE after printing why.
 */
static int
check_meta(const struct cli *c)
{
	struct meeting *m;
	struct diags d;
	size_t i;
	int rc;

	for (i = 0; i < c->meta.n; i++) {
		const char *eq = strchr(c->meta.v[i], '=');

		if (eq == NULL || eq == c->meta.v[i])
			return usage_error(c->cmd, "-M wants KEY=VALUE, not "
			    "'%s'", c->meta.v[i]);
	}
	diags_init(&d, "-M");
	m = meeting_new("-M");
	rc = notes_apply_meta(m, &c->meta, &d);
	build_print_diags(&d, c->verbosity);
	if (rc == 0 && c->strict && build_status(&d, 1) != MTG_EXIT_OK)
		rc = -1;
	meeting_free(m);
	diags_free(&d);
	return rc == 0 ? MTG_EXIT_OK : MTG_EXIT_USAGE;
}

/* Whether url is an absolute http(s) address. */
static int
url_ok(const char *url)
{
	const char *p;

	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return 0;
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == 0x7f)
			return 0;
	return strlen(strchr(url, ':') + 3) > 0;
}

/* Parses the options of c->cmd; returns -1 to go on, or an exit status. */
static int
parse_options(struct cli *c, int argc, char *argv[])
{
	struct option longopts[sizeof(optspecs) / sizeof(optspecs[0])];
	char shortopts[64], *end;
	const struct optspec *o;
	size_t i, k = 0;
	int ch;
	long n;

	for (i = 0; optspecs[i].name != NULL; i++) {
		o = &optspecs[i];
		longopts[i] = (struct option){ o->name, o->arg ?
		    required_argument : no_argument, NULL, o->val };
		if (o->val < 256) {
			shortopts[k++] = (char)o->val;
			if (o->arg)
				shortopts[k++] = ':';
		}
	}
	longopts[i] = (struct option){ NULL, 0, NULL, 0 };
	shortopts[k] = '\0';
	/* getopt's own messages then start "minutes:". */
	argv[0] = "minutes";
	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) !=
	    -1) {
		for (o = optspecs; o->name != NULL && o->val != ch; o++)
			continue;
		if (o->name == NULL) {
			fprintf(stderr, "minutes: try 'minutes help %s'\n",
			    c->cmd->name);
			return MTG_EXIT_USAGE;
		}
		if (!(o->cmds & c->cmd->bit)) {
			fprintf(stderr, "minutes: %s: --%s is not an option "
			    "of %s\n", c->cmd->name, o->name, c->cmd->name);
			fprintf(stderr, "minutes: try 'minutes help %s'\n",
			    c->cmd->name);
			return MTG_EXIT_USAGE;
		}
		switch (ch) {
		case 't':
		case 'f':
			c->format = optarg;
			break;
		case 'o':
			if (*optarg == '\0')
				return usage_error(c->cmd, "%s",
				    "-o wants a file name");
			c->output = optarg;
			break;
		case 'M':
			strlist_add(&c->meta, optarg);
			break;
		case 'q':
			c->verbosity = -1;
			break;
		case 'j':
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || errno != 0 ||
			    n < 1 || n > 256)
				return usage_error(c->cmd, "-j wants a number "
				    "from 1 to 256, not %s", optarg);
			c->jobs = (int)n;
			break;
		case 'v':
			c->verbosity = 1;
			break;
		case OPT_MEETING:
			if (date_parse(optarg, &(struct date){0, 0, 0}) != 0)
				return usage_error(c->cmd, "--meeting wants "
				    "a date, not '%s'", optarg);
			c->meeting = optarg;
			break;
		case OPT_LIST_FORMATS:
			list_formats(stdout, "\n");
			return MTG_EXIT_OK;
		case OPT_TEMPLATES:
			c->ropts.templates = optarg;
			break;
		case OPT_REFERENCE_ODT:
			c->ropts.reference_odt = optarg;
			break;
		case OPT_REFERENCE_ODP:
			c->ropts.reference_odp = optarg;
			break;
		case OPT_STANDALONE:
		case OPT_EMBED_CSS:
			c->standalone = 1;
			break;
		case OPT_BASE_URL:
			if (!url_ok(optarg))
				return usage_error(c->cmd, "--base-url wants "
				    "an http or https address, not '%s'",
				    optarg);
			c->base_url = optarg;
			break;
		case OPT_UNSAFE:
			c->ropts.unsafe = 1;
			break;
		case OPT_DATE:
			if (!is_iso_date(optarg))
				return usage_error(c->cmd, "--date wants a "
				    "date yyyy-mm-dd, not %s", optarg);
			c->date = optarg;
			break;
		case OPT_FORCE:
			c->force = 1;
			break;
		case OPT_AS_OF:
			if (!is_iso_date(optarg))
				return usage_error(c->cmd, "--as-of wants a "
				    "date yyyy-mm-dd, not %s", optarg);
			c->ropts.as_of = optarg;
			break;
		case OPT_STRICT:
			c->strict = 1;
			break;
		case OPT_MAX_ROWS:
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || errno != 0 ||
			    n < 1 || n > 1000)
				return usage_error(c->cmd, "--max-rows wants "
				    "a number from 1 to 1000, not %s", optarg);
			c->max_rows = (int)n;
			break;
		case 'h':
			usage(stdout, c->cmd);
			return MTG_EXIT_OK;
		case 'V':
			puts("minutes " MINUTES_VERSION);
			return MTG_EXIT_OK;
		}
	}
	return -1;
}

int
main(int argc, char *argv[])
{
	struct cli c;
	const char *name;
	int rc;

	xmalloc_tune();
	memset(&c, 0, sizeof(c));
	file_guard_signals();
	if (argc < 2)
		return usage_error(NULL, "%s", "missing command: build, "
		    "render, check or help");
	name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		usage(stdout, NULL);
		return MTG_EXIT_OK;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		puts("minutes " MINUTES_VERSION);
		return MTG_EXIT_OK;
	}
	if (strcmp(name, "help") == 0) {
		if (argc == 2) {
			usage(stdout, NULL);
			return MTG_EXIT_OK;
		}
		if (argc > 3 || (c.cmd = command_find(argv[2])) == NULL)
			return usage_error(NULL, "help: unknown command: %s",
			    argv[2]);
		usage(stdout, c.cmd);
		return MTG_EXIT_OK;
	}
	if ((c.cmd = command_find(name)) == NULL)
		return usage_error(NULL, "unknown command: %s", name);

	if ((rc = parse_options(&c, argc - 1, argv + 1)) != -1)
		goto out;
	argc -= 1 + optind;
	argv += 1 + optind;
	if (c.ropts.templates != NULL && !is_dir(c.ropts.templates)) {
		rc = MTG_EXIT_IO;
		goto out;
	}
	/* --max-rows is front matter given on the command line, after every
	 * -M (whose places it leaves as they are): the model resolves it. */
	if (c.max_rows > 0) {
		char *rows = xasprintf("slides={max_rows: %d}", c.max_rows);

		strlist_add(&c.meta, rows);
		free(rows);
	}
	if ((rc = check_meta(&c)) != MTG_EXIT_OK)
		goto out;
	c.ropts.base_url = c.base_url;
	switch (c.cmd->bit) {
	case C_CHECK:
		rc = cmd_check(&c, argv, argc);
		break;
	case C_NEXT:
		rc = cmd_next(&c, argv, argc);
		break;
	case C_RENDER:
		c.ropts.standalone = 1;
		rc = cmd_render(&c, argv, argc);
		break;
	default:
		rc = cmd_build(&c, argv, argc);
		break;
	}
out:
	strlist_free(&c.meta);
	return rc;
}
