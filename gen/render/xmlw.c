/*
 * xmlw.c -- the XML writer, on libxml2's streaming xmlTextWriter.
 *
 * Nothing is built in memory: each call goes to the writer, which escapes
 * text and values and hands the bytes to the sink in chunks of a few
 * kilobytes.  Text is gathered per element and written in one call when
 * the next element starts or the current one ends, so that a paragraph of
 * many Markdown text runs costs one escaping pass.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

#include "diag.h"
#include "links.h"
#include "xmlw.h"

/* One open element. */
struct level {
	size_t		 children;	/* elements written inside it */
	int		 only;		/* element-only: line breaks */
};

struct xmlw {
	xmlTextWriterPtr w;
	xmlw_sink	 sink;
	void		*arg;
	struct buf	 text;		/* pending text, cleaned */
	struct level	*lv;		/* open elements, lv[0] the outside */
	size_t		 depth;		/* elements open */
	size_t		 cap;
	int		(*element_only)(const char *);
};

void
xmlw_oom(void)
{
	xoom();
}

/* --- libxml2's own messages ---------------------------------------- */

/*
 * Errors the library raises itself.  Running out of memory exits like
 * xmalloc(); parser and validator errors are left to the callers, which
 * read them with xmlGetLastError() and report them with the file's name;
 * anything else becomes one diagnostic line.
 */
static void
lib_error(void *arg, xmlErrorPtr e)
{
	const char *msg;

	(void)arg;
	if (e == NULL)
		return;
	if (e->domain == XML_FROM_MEMORY || e->code == XML_ERR_NO_MEMORY)
		xmlw_oom();
	switch (e->domain) {
	case XML_FROM_PARSER:
	case XML_FROM_NAMESPACE:
	case XML_FROM_DTD:
	case XML_FROM_VALID:
	case XML_FROM_RELAXNGP:
	case XML_FROM_RELAXNGV:
	case XML_FROM_SCHEMASP:
	case XML_FROM_SCHEMASV:
	case XML_FROM_URI:
		return;
	default:
		break;
	}
	if (e->level < XML_ERR_ERROR)
		return;
	msg = e->message != NULL ? e->message : "unknown error";
	diag_error(e->file, e->file != NULL ? e->line : 0, 0,
	    "XML library: %.*s", (int)strcspn(msg, "\n"), msg);
}

/*
 * Messages libxml2 prints without a structured error (printf pieces):
 * gathered until a newline, then one diagnostic line each.
 */
static void
lib_generic(void *arg, const char *fmt, ...)
{
	static struct buf line;
	va_list ap;
	char piece[512];
	char *nl;

	(void)arg;
	va_start(ap, fmt);
	vsnprintf(piece, sizeof(piece), fmt, ap);
	va_end(ap);
	if (strstr(piece, "emory") != NULL)	/* "Memory allocation failed" */
		xmlw_oom();
	buf_puts(&line, piece);
	while (line.len > 0 && (nl = memchr(line.data, '\n',
	    line.len)) != NULL) {
		*nl = '\0';
		if (nl != line.data)
			diag_error(NULL, 0, 0, "XML library: %s", line.data);
		memmove(line.data, nl + 1, line.len - (size_t)(nl + 1 -
		    line.data));
		line.len -= (size_t)(nl + 1 - line.data);
		line.data[line.len] = '\0';
	}
}

void
xmlw_route_errors(void)
{
	xmlSetStructuredErrorFunc(NULL, lib_error);
	xmlSetGenericErrorFunc(NULL, lib_generic);
}

/* --- cleaning -------------------------------------------------------- */

/* 1 when s[i] starts a character XML 1.0 forbids (s[0..len) UTF-8). */
static int
forbidden(const unsigned char *p, size_t i, size_t len)
{
	return (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
	    p[i] != '\r') || (p[i] == 0xef && i + 2 < len &&
	    p[i + 1] == 0xbf && (p[i + 2] == 0xbe || p[i + 2] == 0xbf));
}

/*
 * Appends s[0..len) to b without the characters XML 1.0 forbids.  The
 * input is valid UTF-8 (the parser repaired it), so a byte below 0x20 is
 * always a control character, and U+FFFE/U+FFFF are EF BF BE/BF.
 */
static void
clean_put(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		if (forbidden(p, i, len)) {
			buf_put(b, s + run, i - run);
			if (p[i] == 0xef)
				i += 2;
			run = i + 1;
		}
	}
	buf_put(b, s + run, len - run);
}

/* The length of the start of s[0..len) that clean_put() keeps as it is. */
static size_t
clean_span(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < len; i++)
		if (forbidden(p, i, len))
			break;
	return i;
}

char *
xmlw_clean(const char *text)
{
	struct buf b = {0};

	clean_put(&b, text != NULL ? text : "", text != NULL ?
	    strlen(text) : 0);
	return buf_detach(&b);
}

/* --- the writer ------------------------------------------------------ */

static int
out_write(void *ctx, const char *data, int len)
{
	struct xmlw *x = ctx;

	if (len > 0)
		x->sink(x->arg, data, (size_t)len);
	return len;
}

static void
buf_sink(void *arg, const char *data, size_t len)
{
	buf_put(arg, data, len);
}

struct xmlw *
xmlw_new_sink(xmlw_sink sink, void *arg)
{
	struct xmlw *x = xcalloc(1, sizeof(*x));
	xmlOutputBufferPtr out;

	xmlw_route_errors();
	x->sink = sink;
	x->arg = arg;
	x->lv = xgrow(NULL, &x->cap, 16, sizeof(*x->lv));
	memset(&x->lv[0], 0, sizeof(x->lv[0]));
	if ((out = xmlOutputBufferCreateIO(out_write, NULL, x,
	    NULL)) == NULL)
		xmlw_oom();
	/* The writer owns out from here, and frees it. */
	if ((x->w = xmlNewTextWriter(out)) == NULL)
		xmlw_oom();
	return x;
}

struct xmlw *
xmlw_new(struct buf *out)
{
	return xmlw_new_sink(buf_sink, out);
}

void
xmlw_free(struct xmlw *x)
{
	if (x == NULL)
		return;
	xmlFreeTextWriter(x->w);
	buf_free(&x->text);
	free(x->lv);
	free(x);
}

/* Checks a writer call: it fails only when memory runs out. */
static void
ok(int rc)
{
	if (rc < 0)
		xmlw_oom();
}

void
xmlw_declaration(struct xmlw *x)
{
	/*
	 * Written as it stands: the writer's own would pass all output
	 * through a UTF-8 to UTF-8 converter.
	 */
	ok(xmlTextWriterWriteRaw(x->w,
	    BAD_CAST "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
}

void
xmlw_set_layout(struct xmlw *x, int (*element_only)(const char *))
{
	x->element_only = element_only;
}

/* Writes the pending text to the current element. */
static void
text_flush(struct xmlw *x)
{
	if (x->text.len == 0)
		return;
	ok(xmlTextWriterWriteString(x->w, BAD_CAST x->text.data));
	x->text.len = 0;
	x->text.data[0] = '\0';
}

void
xmlw_start(struct xmlw *x, const char *name)
{
	struct level *up;

	text_flush(x);
	up = &x->lv[x->depth];
	up->children++;
	if (up->only)
		ok(xmlTextWriterWriteRaw(x->w, BAD_CAST "\n"));
	x->lv = xgrow(x->lv, &x->cap, x->depth + 2, sizeof(*x->lv));
	x->depth++;
	x->lv[x->depth].children = 0;
	x->lv[x->depth].only = x->element_only != NULL &&
	    x->element_only(name);
	ok(xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void
xmlw_attr(struct xmlw *x, const char *name, const char *value)
{
	size_t len = value != NULL ? strlen(value) : 0;
	char *v = NULL;

	if (x->text.len > 0) {
		/* A caller's mistake: attributes come before content. */
		diag_error(NULL, 0, 0, "XML writer: attribute %s after text",
		    name);
		abort();
	}
	/* Most values (style names, numbers) need no cleaning: no copy. */
	if (clean_span(value, len) < len)
		v = xmlw_clean(value);
	ok(xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
	    BAD_CAST (v != NULL ? v : value != NULL ? value : "")));
	free(v);
}

void
xmlw_attrf(struct xmlw *x, const char *name, const char *fmt, ...)
{
	va_list ap;
	char v[64];
	char *big = NULL;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(v, sizeof(v), fmt, ap);
	va_end(ap);
	if (n < 0)
		xmlw_oom();
	if ((size_t)n >= sizeof(v)) {
		big = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	xmlw_attr(x, name, big != NULL ? big : v);
	free(big);
}

void
xmlw_textn(struct xmlw *x, const char *text, size_t len)
{
	if (text != NULL && len > 0)
		clean_put(&x->text, text, len);
}

void
xmlw_text(struct xmlw *x, const char *text)
{
	if (text != NULL)
		xmlw_textn(x, text, strlen(text));
}

void
xmlw_end(struct xmlw *x)
{
	text_flush(x);
	if (x->depth == 0)
		return;
	if (x->lv[x->depth].only && x->lv[x->depth].children > 0)
		ok(xmlTextWriterWriteRaw(x->w, BAD_CAST "\n"));
	x->depth--;
	ok(xmlTextWriterEndElement(x->w));
}

void
xmlw_raw(struct xmlw *x, const char *data, size_t len)
{
	struct level *up;

	text_flush(x);
	up = &x->lv[x->depth];
	up->children++;
	if (up->only)
		ok(xmlTextWriterWriteRaw(x->w, BAD_CAST "\n"));
	while (len > 0) {
		int n = len > 1u << 30 ? 1 << 30 : (int)len;

		ok(xmlTextWriterWriteRawLen(x->w, BAD_CAST data, n));
		data += n;
		len -= (size_t)n;
	}
}

void
xmlw_el_text(struct xmlw *x, const char *name, const char *text)
{
	xmlw_start(x, name);
	xmlw_text(x, text);
	xmlw_end(x);
}

size_t
xmlw_depth(const struct xmlw *x)
{
	return x->depth;
}

size_t
xmlw_children(const struct xmlw *x)
{
	return x->lv[x->depth].children;
}

void
xmlw_flush(struct xmlw *x)
{
	text_flush(x);
	/* Nothing raw, but the writer closes a start tag before it. */
	ok(xmlTextWriterWriteRawLen(x->w, BAD_CAST "", 0));
	ok(xmlTextWriterFlush(x->w));
}

void
xmlw_finish(struct xmlw *x)
{
	while (x->depth > 0)
		xmlw_end(x);
	text_flush(x);
	ok(xmlTextWriterEndDocument(x->w));
	ok(xmlTextWriterFlush(x->w));
}

/* --- link targets ---------------------------------------------------- */

/* RFC 3986 characters that may stand in a URI as they are. */
static int
uri_char(unsigned char c)
{
	return ascii_alnum(c) || (c != '\0' &&
	    strchr("-._~:/?#@!$&'()*+,;=", c) != NULL);
}

char *
xmlw_href(const char *url)
{
	struct buf b = {0};
	const unsigned char *p;
	xmlURIPtr uri;
	char *s, *clean, *q;

	if (url == NULL)
		return NULL;
	clean = str_trim(xmlw_clean(url));
	/* Browsers drop tabs and newlines from URLs: "java\tscript:". */
	for (s = q = clean; *s != '\0'; s++)
		if (*s != '\t' && *s != '\n' && *s != '\r')
			*q++ = *s;
	*q = '\0';
	if (!link_url_allowed(clean)) {		/* links.c: every format */
		free(clean);
		return NULL;
	}
	if (*clean == '\0') {
		free(clean);
		return NULL;
	}
	for (p = (const unsigned char *)clean; *p != '\0'; p++) {
		if (uri_char(*p))
			buf_putc(&b, *p);
		else if (*p == '%' && ascii_hex(p[1]) && ascii_hex(p[2]))
			buf_putc(&b, '%');
		else
			buf_printf(&b, "%%%02X", *p);
	}
	free(clean);
	s = buf_detach(&b);
	if ((uri = xmlParseURI(s)) == NULL) {
		free(s);
		return NULL;
	}
	xmlFreeURI(uri);
	return s;
}
