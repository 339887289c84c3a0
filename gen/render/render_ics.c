/*
 * render_ics.c -- the action register as iCalendar (RFC 5545): one VTODO
 * per action.
 *
 * The UID comes from the group and the action id only (no host name, no
 * clock), so a calendar that imports the file again updates its to-dos
 * instead of adding new ones; SEQUENCE counts the meetings that changed
 * the action, so the newer version wins.  DTSTAMP is the date of the
 * meeting that last spoke of the action: two builds are byte-identical.
 * Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "series.h"

#define ICS_FOLD	75

/* Appends one content line, folded, with its CRLF. */
static void
ics_line(struct buf *o, const char *line)
{
	size_t len = strlen(line), room = ICS_FOLD, n;

	while (len > room) {
		n = room;
		while (n > 0 && ((unsigned char)line[n] & 0xc0) == 0x80)
			n--;
		buf_put(o, line, n);
		buf_puts(o, "\r\n ");
		line += n;
		len -= n;
		room = ICS_FOLD - 1;
	}
	buf_put(o, line, len);
	buf_puts(o, "\r\n");
}

/* Appends s as a TEXT value: '\\', ';', ',' and line breaks escaped. */
static void
ics_text(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			buf_putc(b, '\\');
		if (*s == '\n')
			buf_puts(b, "\\n");
		else if (*s != '\r' && ((unsigned char)*s >= 0x20 || *s == '\t'))
			buf_putc(b, *s);
	}
}

/* "NAME:" and text, as one folded line. */
static void
ics_prop(struct buf *o, const char *name, const char *text)
{
	struct buf b = {0};

	buf_puts(&b, name);
	buf_putc(&b, ':');
	ics_text(&b, text);
	ics_line(o, b.data);
	buf_free(&b);
}

/* Appends s keeping [A-Za-z0-9.-] and writing other bytes as %XX. */
static void
uid_part(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-')
			buf_putc(b, c);
		else
			buf_printf(b, "%%%02X", c);
	}
}

/* The group's name in lower case, runs of other bytes as one '-':
 * "SSR2 Review Team" is "ssr2-review-team". */
static void
group_part(struct buf *b, const char *s)
{
	size_t start = b->len;

	buf_put_slug(b, s, SIZE_MAX);
	if (b->len == start)
		buf_puts(b, "group");
}

/* "2017-07-25" as "20170725"; returns buf. */
static char *
basic_date(const char *iso, char *buf)
{
	size_t i, n = 0;

	for (i = 0; iso[i] != '\0' && n < 8; i++)
		if (iso[i] != '-')
			buf[n++] = iso[i];
	buf[n] = '\0';
	return buf;
}

static const char *const ics_status[MTG_STATUS__MAX] = {
	[MTG_OPEN] = "NEEDS-ACTION",
	[MTG_DONE] = "COMPLETED",
	[MTG_IN_PROGRESS] = "IN-PROCESS",
	[MTG_DROPPED] = "CANCELLED"
};

static void
ics_todo(struct buf *o, const struct series *s, const char *group,
    const struct series_action *sa)
{
	const struct series_meeting *raised = &s->mt[sa->raised];
	const char *last = s->mt[sa->ev[sa->nev - 1].meeting].m->date;
	struct buf b = {0};
	char day[16];
	size_t i;

	ics_line(o, "BEGIN:VTODO");
	buf_puts(&b, "UID:");
	uid_part(&b, sa->id);
	buf_putc(&b, '@');
	group_part(&b, group);
	buf_puts(&b, ".minutes");
	ics_line(o, b.data);
	b.len = 0;
	buf_printf(&b, "DTSTAMP:%sT000000Z", last != NULL ?
	    basic_date(last, day) : "19700101");
	ics_line(o, b.data);
	if (raised->m->date != NULL) {
		b.len = 0;
		buf_printf(&b, "CREATED:%sT000000Z",
		    basic_date(raised->m->date, day));
		ics_line(o, b.data);
	}
	ics_prop(o, "SUMMARY", sa->text);
	b.len = 0;
	buf_printf(&b, "Action %s, raised in %s (%s:%d).", sa->id,
	    raised->m->title != NULL ? raised->m->title : series_date(s,
	    sa->raised), raised->m->source, sa->line);
	if (sa->owners.n > 0) {
		buf_puts(&b, "\nOwners: ");
		for (i = 0; i < sa->owners.n; i++) {
			buf_puts(&b, i > 0 ? ", " : "");
			buf_puts(&b, sa->owners.v[i]);
		}
		buf_putc(&b, '.');
	}
	if (sa->due == NULL && sa->due_text != NULL)
		buf_printf(&b, "\nDue: %s.", sa->due_text);
	if (raised->folder != NULL)
		buf_printf(&b, "\nMinutes: %s/minutes.html", raised->folder);
	ics_prop(o, "DESCRIPTION", b.data);
	if (sa->due != NULL) {
		b.len = 0;
		buf_printf(&b, "DUE;VALUE=DATE:%s", basic_date(sa->due, day));
		ics_line(o, b.data);
	}
	b.len = 0;
	buf_printf(&b, "STATUS:%s", ics_status[sa->status]);
	ics_line(o, b.data);
	if (sa->status == MTG_DONE && sa->closed != SERIES_NONE &&
	    s->mt[sa->closed].m->date != NULL) {
		b.len = 0;
		buf_printf(&b, "COMPLETED:%sT000000Z",
		    basic_date(s->mt[sa->closed].m->date, day));
		ics_line(o, b.data);
	}
	b.len = 0;
	buf_printf(&b, "SEQUENCE:%d", sa->sequence);
	ics_line(o, b.data);
	ics_line(o, "END:VTODO");
	buf_free(&b);
}

int
render_series_ics(const struct series *s, struct buf *o)
{
	const char *group = series_group(s);
	struct buf b = {0};
	size_t i;

	ics_line(o, "BEGIN:VCALENDAR");
	ics_line(o, "VERSION:2.0");
	ics_line(o, "PRODID:-//minutes//minutes " MINUTES_VERSION "//EN");
	ics_line(o, "CALSCALE:GREGORIAN");
	buf_puts(&b, "X-WR-CALNAME:");
	ics_text(&b, group);
	buf_puts(&b, " action items");
	ics_line(o, b.data);
	buf_free(&b);
	for (i = 0; i < s->nact; i++)
		ics_todo(o, s, group, &s->act[i]);
	ics_line(o, "END:VCALENDAR");
	return 0;
}

/* One meeting's actions, as a series of that meeting alone. */
int
render_ics(const struct meeting *m, const struct render_opts *opts,
    struct buf *o)
{
	struct series *s = series_new();
	int rc = -1;

	series_add(s, m, NULL);
	if (series_build(s, opts->as_of) == 0)
		rc = render_series_ics(s, o);
	else
		diag_error(NULL, 0, 0, "--as-of %s is not a date",
		    opts->as_of);
	series_free(s);
	return rc;
}
