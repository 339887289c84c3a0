/*
 * main.c -- the command line: build, render, check.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "notes.h"
#include "render.h"

enum {
	OPT_TEMPLATES = 256,
	OPT_REFERENCE_ODT,
	OPT_REFERENCE_ODP,
	OPT_UNSAFE,
	OPT_STRICT,
	OPT_MAX_ROWS
};

static const struct option longopts[] = {
	{ "format",		required_argument, NULL, 'f' },
	{ "output",		required_argument, NULL, 'o' },
	{ "templates",		required_argument, NULL, OPT_TEMPLATES },
	{ "reference-odt",	required_argument, NULL, OPT_REFERENCE_ODT },
	{ "reference-odp",	required_argument, NULL, OPT_REFERENCE_ODP },
	{ "unsafe",		no_argument,	   NULL, OPT_UNSAFE },
	{ "strict",		no_argument,	   NULL, OPT_STRICT },
	{ "max-rows",		required_argument, NULL, OPT_MAX_ROWS },
	{ "help",		no_argument,	   NULL, 'h' },
	{ "version",		no_argument,	   NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *f)
{
	const struct format *fmt;

	fputs("usage: minutes build [-o DIR] [--strict] [OPTIONS] [INPUT...]\n"
	    "       minutes render -f FORMAT [-o FILE] [OPTIONS] NOTES.md\n"
	    "       minutes check [--strict] NOTES.md...\n"
	    "       minutes --help | --version\n"
	    "\n"
	    "build   renders every meeting of INPUT (files or folders of *.md;\n"
	    "        default input/) into DIR/<date>-<slug>/ (default out/)\n"
	    "render  writes one format of one meeting to FILE or stdout\n"
	    "check   prints diagnostics only; the exit status says if clean\n"
	    "\n"
	    "options:\n"
	    "  -f, --format FORMAT     output format (render)\n"
	    "  -o, --output PATH       output file (render) or folder (build)\n"
	    "      --templates DIR     templates and styles replacing the built-in ones\n"
	    "      --reference-odt F   take ODT styles from document F\n"
	    "      --reference-odp F   take ODP styles from presentation F\n"
	    "      --unsafe            let raw HTML in the notes through\n"
	    "      --max-rows N        table rows or list lines per slide\n"
	    "      --strict            warnings make the exit status 1\n"
	    "  -h, --help              print this help and exit\n"
	    "  -V, --version           print the version and exit\n"
	    "\n"
	    "formats:\n", f);
	for (fmt = formats; fmt->name != NULL; fmt++)
		fprintf(f, "  %-12s %s\n", fmt->name, fmt->help);
	fputs("\nexit status: 0 success, 1 errors in the input (or warnings\n"
	    "with --strict), 2 usage error, 3 I/O or system failure.\n"
	    "See minutes(1).\n", f);
}

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("minutes: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'minutes --help'.\n", stderr);
	return MTG_EXIT_USAGE;
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

/* Writes out to path atomically, or to stdout when path is NULL. */
static int
write_output(const char *path, const struct buf *out)
{
	int err;

	if (path == NULL) {
		if (out->len > 0 && fwrite(out->data, 1, out->len, stdout) !=
		    out->len) {
			diag_error("stdout", 0, 0, "%s", strerror(errno));
			return MTG_EXIT_IO;
		}
		if (fflush(stdout) == EOF) {
			diag_error("stdout", 0, 0, "%s", strerror(errno));
			return MTG_EXIT_IO;
		}
		return MTG_EXIT_OK;
	}
	err = file_write_atomic(path, out->data ? out->data : "", out->len);
	if (err != 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(err));
		return MTG_EXIT_IO;
	}
	return MTG_EXIT_OK;
}

static int
cmd_render(const char *format, const char *output, char *const files[],
    int nfiles, const struct render_opts *opts, int strict)
{
	const struct format *f;
	struct meeting *m;
	struct diags d;
	struct buf out = {0};
	int rc, err, st;

	if (format == NULL)
		return usage_error("%s", "render needs -f FORMAT");
	if ((f = format_find(format)) == NULL)
		return usage_error("unknown format: %s", format);
	if (nfiles != 1)
		return usage_error("%s", "render takes one notes file");
	diags_init(&d, files[0]);
	if ((m = notes_load(files[0], &d, &err)) == NULL) {
		diag_error(files[0], 0, 0, "%s", strerror(err));
		diags_free(&d);
		return MTG_EXIT_IO;
	}
	diags_print(&d, stderr);
	st = build_status(&d, strict);
	if (f->render(m, opts, &out) == -1)
		rc = MTG_EXIT_IO;
	else
		rc = write_output(output, &out);
	if (rc == MTG_EXIT_OK)
		rc = st;
	buf_free(&out);
	meeting_free(m);
	diags_free(&d);
	return rc;
}

static int
cmd_check(char *const files[], int nfiles, int strict)
{
	int i, rc = MTG_EXIT_OK, one, err;

	if (nfiles == 0)
		return usage_error("%s", "check needs at least one notes file");
	for (i = 0; i < nfiles; i++) {
		struct diags d;
		struct meeting *m;

		diags_init(&d, files[i]);
		if ((m = notes_load(files[i], &d, &err)) == NULL) {
			diag_error(files[i], 0, 0, "%s", strerror(err));
			rc = MTG_EXIT_IO;
		} else {
			diags_print(&d, stderr);
			one = build_status(&d, strict);
			if (one > rc)
				rc = one;
		}
		meeting_free(m);
		diags_free(&d);
	}
	return rc;
}

int
main(int argc, char *argv[])
{
	struct render_opts opts = {0};
	const char *cmd, *format = NULL, *output = NULL;
	char *defaults[] = { "input", NULL }, *end;
	int ch, strict = 0;
	long n;

	if (argc < 2)
		return usage(stderr), MTG_EXIT_USAGE;
	cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
		return usage(stdout), MTG_EXIT_OK;
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		puts("minutes " MINUTES_VERSION);
		return MTG_EXIT_OK;
	}
	if (strcmp(cmd, "build") != 0 && strcmp(cmd, "render") != 0 &&
	    strcmp(cmd, "check") != 0)
		return usage_error("unknown command: %s", cmd);

	argc--;
	argv++;
	while ((ch = getopt_long(argc, argv, "f:o:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_TEMPLATES:
			opts.templates = optarg;
			break;
		case OPT_REFERENCE_ODT:
			opts.reference_odt = optarg;
			break;
		case OPT_REFERENCE_ODP:
			opts.reference_odp = optarg;
			break;
		case OPT_UNSAFE:
			opts.unsafe = 1;
			break;
		case OPT_STRICT:
			strict = 1;
			break;
		case OPT_MAX_ROWS:
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1 ||
			    n > 1000)
				return usage_error("--max-rows wants a number "
				    "from 1 to 1000, not %s", optarg);
			opts.max_rows = (int)n;
			break;
		case 'h':
			usage(stdout);
			return MTG_EXIT_OK;
		case 'V':
			puts("minutes " MINUTES_VERSION);
			return MTG_EXIT_OK;
		default:
			fputs("Try 'minutes --help'.\n", stderr);
			return MTG_EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (opts.templates != NULL && !is_dir(opts.templates))
		return MTG_EXIT_IO;

	if (strcmp(cmd, "check") == 0) {
		if (format != NULL || output != NULL)
			return usage_error("%s", "check takes no -f or -o");
		return cmd_check(argv, argc, strict);
	}
	if (strcmp(cmd, "render") == 0) {
		opts.standalone = 1;
		return cmd_render(format, output, argv, argc, &opts, strict);
	}
	if (format != NULL)
		return usage_error("%s", "build writes every format; -f is for "
		    "render");
	if (argc == 0)
		return build_run(output ? output : "out", defaults, 1, &opts,
		    strict);
	return build_run(output ? output : "out", argv, (size_t)argc, &opts,
	    strict);
}
