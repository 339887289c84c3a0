#!/bin/sh
# check-slides.sh -- the slide deck, HTML and ODP, for every input.
#
# For each notes file of input/, tests/cases and the corpus of real notes:
# the HTML deck (slides.html) and the presentation (slides.odp) have the
# same slides with the same titles, in the same order, and the HTML deck is
# self-contained (nothing loaded from elsewhere).  For input/ and
# tests/cases, headless Chromium prints the HTML deck to a PDF that has
# exactly one page per slide.  For input/ and the W3C and Kubernetes notes
# of the corpus, a script in the page measures every slide as laid out at
# 1280x720 (see below).
#
# Environment: MINUTES (default ./minutes), CORPUS (default
# tests/data/corpus), CHROMIUM (default chromium).  Run from anywhere;
# exits non-zero and names every failed check.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
MINUTES=${MINUTES:-./minutes}
CORPUS=${CORPUS:-tests/data/corpus}
CHROMIUM=${CHROMIUM:-chromium}

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
. "$root/tests/pdf-deck.sh"
fails=0

fail() {
	echo "check-slides: FAIL: $*" >&2
	fails=$((fails + 1))
}

# The title of each <section class="slide">, one a line.
cat > "$tmp/html.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
<xsl:for-each select="//section[@class='slide']">
<xsl:value-of select="normalize-space((.//*[contains(concat(' ', @class, ' '), ' slide-title ')])[1])"/>
<xsl:text>&#10;</xsl:text>
</xsl:for-each>
</xsl:template>
</xsl:stylesheet>
EOF
# The title frame of each draw:page of content.xml, one a line.
cat > "$tmp/odp.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
<xsl:for-each select="//draw:page">
<xsl:value-of select="normalize-space(draw:frame[@presentation:class='title'])"/>
<xsl:text>&#10;</xsl:text>
</xsl:for-each>
</xsl:template>
</xsl:stylesheet>
EOF

# Renders format $2 of notes $1 to $3; a status of 1 (diagnostics about
# the notes) still writes the output.
render() {
	"$MINUTES" render -f "$2" -o "$3" "$1" 2>"$tmp/err"
	rc=$?
	if [ $rc -gt 1 ] || [ ! -s "$3" ]; then
		fail "$1: render -f $2 exited $rc: $(head -c 300 "$tmp/err")"
		return 1
	fi
	return 0
}

mkdir "$tmp/print" "$tmp/measure"
n=0
for f in input/*.md tests/cases/*.md "$CORPUS"/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	base=$(basename "$f" .md)
	html="$tmp/$n.html"
	odp="$tmp/$n.odp"
	render "$f" slides "$html" || continue
	render "$f" odp "$odp" || continue
	xsltproc --html "$tmp/html.xsl" "$html" > "$tmp/h.txt" 2>/dev/null
	if ! unzip -p "$odp" content.xml > "$tmp/content.xml" 2>/dev/null; then
		fail "$f: slides.odp has no content.xml"
		continue
	fi
	xsltproc "$tmp/odp.xsl" "$tmp/content.xml" > "$tmp/o.txt" 2>/dev/null
	hn=$(wc -l < "$tmp/h.txt")
	on=$(wc -l < "$tmp/o.txt")
	if [ "$hn" -lt 1 ]; then
		fail "$f: the HTML deck has no slides"
		continue
	fi
	if [ "$hn" -ne "$on" ]; then
		fail "$f: $hn slides in HTML, $on in ODP"
	elif ! cmp -s "$tmp/h.txt" "$tmp/o.txt"; then
		fail "$f: slide titles differ between HTML and ODP:"
		diff "$tmp/h.txt" "$tmp/o.txt" | head -10 >&2
	fi
	if grep -Eiq '<(link|img|iframe|object|embed|video|audio|source)[ >/]|<script[^>]+src=' \
	    "$html" || sed -n '/<style>/,/<\/style>/p' "$html" |
	    grep -Eiq '@import|url\('; then
		fail "$f: slides.html loads something from elsewhere"
	fi
	case $f in
	input/*|tests/cases/*)
		cp "$html" "$tmp/print/$base.html"
		cp "$tmp/h.txt" "$tmp/print/$base.titles"
		echo "$hn" > "$tmp/print/$base.count"
		;;
	esac
	case $f in
	input/*|"$CORPUS"/w3c-*|"$CORPUS"/kubernetes-*)
		cp "$html" "$tmp/measure/$base.html"
		;;
	esac
done
[ "$n" -gt 0 ] || fail "no notes found"
echo "check-slides: $n inputs: HTML and ODP decks compared"

# One page per slide when Chromium prints the deck.
p=0
for html in "$tmp"/print/*.html; do
	[ -f "$html" ] || continue
	base=$(basename "$html" .html)
	pdf="$tmp/print/$base.pdf"
	mkdir -p "$tmp/profile.$base"
	"$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --disable-quic \
	    --user-data-dir="$tmp/profile.$base" --print-to-pdf="$pdf" \
	    --no-pdf-header-footer "file://$html" >/dev/null 2>&1
	rm -rf "$tmp/profile.$base"
	if [ ! -s "$pdf" ]; then
		fail "$base: Chromium printed no PDF"
		continue
	fi
	pdf_deck_check "$pdf" "$tmp/print/$base.titles" "$base" Chromium
	p=$((p + 1))
done
[ "$p" -gt 0 ] || fail "nothing printed"
echo "check-slides: $p decks printed by Chromium, one page per slide, titles present"

# The keys move between slides, the hash follows, "s" shows the notes,
# and no slide's text overflows it once the script has fitted it.
cat > "$tmp/probe.js" <<'EOF'
<script>
(function () {
	var out = [], over = 0;
	function key(k, shift) {
		document.dispatchEvent(new KeyboardEvent("keydown",
		    { key: k, shiftKey: !!shift, bubbles: true }));
		out.push(location.hash);
	}
	key("ArrowRight"); key(" "); key("PageDown"); key("ArrowLeft");
	key("PageUp"); key(" ", true); key("ArrowDown"); key("ArrowUp");
	key("End"); key("ArrowRight"); key("Home"); key("ArrowLeft");
	key("s");
	out.push(document.getElementById("notes-panel").hidden ? "-" : "notes");
	key("s");
	out.push(document.getElementById("notes-panel").hidden ? "-" : "notes");
	Array.prototype.forEach.call(document.querySelectorAll(".slide-body"),
	    function (b) { if (b.scrollHeight > b.clientHeight + 1) over++; });
	out.push("overflow=" + over);
	document.body.setAttribute("data-probe", out.join(" "));
})();
</script>
EOF
q=0
for html in "$tmp"/print/20*.html; do
	[ -f "$html" ] || continue
	base=$(basename "$html" .html)
	last=$(cat "$tmp/print/$base.count")
	sed -e "/<\/body>/{
r $tmp/probe.js
}" "$html" > "$tmp/probe.html"
	want="#slide-3 #slide-4 #slide-5 #slide-4 #slide-3 #slide-2 #slide-3"
	want="$want #slide-2 #slide-$last #slide-$last #slide-1 #slide-1"
	want="$want #slide-1 notes #slide-1 - overflow=0"
	mkdir -p "$tmp/profile"
	got=$("$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --disable-quic \
	    --user-data-dir="$tmp/profile" --window-size=1280,720 \
	    --dump-dom "file://$tmp/probe.html#slide-2" 2>/dev/null |
	    sed -n 's/.*data-probe="\([^"]*\)".*/\1/p')
	rm -rf "$tmp/profile"
	if [ "$got" != "$want" ]; then
		fail "$base: in Chromium got '$got', want '$want'"
	fi
	q=$((q + 1))
done
[ "$q" -gt 0 ] || fail "no deck of input/ probed"
echo "check-slides: $q decks probed in Chromium: keys, hash, notes, fitting"

# Every slide as laid out in Chromium at 1280x720, measured by a script
# in the page: no element's box outside its slide (nor, in the body,
# outside the body, which clips), every list marker inside the slide
# (a number's width as the item's font sets it), no item showing a
# marker beside nothing (an item continued from the slide before), no
# task item with a bullet beside its box.  For input/ and the W3C and
# Kubernetes notes of the corpus.
cat > "$tmp/measure.js" <<'EOF'
<script>
/* Measures every slide as laid out: element boxes, list markers, items. */
(function () {
	var canvas = document.createElement("canvas").getContext("2d");
	var bad = { box: 0, marker: 0, empty: 0, task: 0 }, what = [];

	function note(kind, s, text) {
		bad[kind]++;
		if (what.length < 6)
			what.push(kind + "@" + s.id + ":" +
			    text.replace(/\s+/g, " ").slice(0, 40));
	}
	/* The item's own text, its sub-lists left out. */
	function own(li) {
		var t = "";

		Array.prototype.forEach.call(li.childNodes, function (k) {
			if (k.nodeType === 3)
				t += k.nodeValue;
			else if (k.nodeType === 1 && !/^(UL|OL)$/.test(k.nodeName))
				t += k.textContent;
		});
		return t;
	}
	function marker(li, cs) {
		var l = li.parentNode, i = 0, k;

		if (cs.listStyleType === "disc" || cs.listStyleType === "circle" ||
		    cs.listStyleType === "square")
			return "\u2022 ";
		for (k = li.previousElementSibling; k; k = k.previousElementSibling)
			i++;
		return (l.start + i) + ". ";
	}
	Array.prototype.forEach.call(document.querySelectorAll("section.slide"),
	    function (s) {
		var sr = s.getBoundingClientRect();
		var body = s.querySelector(".slide-body");
		var br = body.getBoundingClientRect();
		var k = sr.width / s.offsetWidth;	/* the deck's scale */

		Array.prototype.forEach.call(s.querySelectorAll("*"), function (e) {
			var r = e.getBoundingClientRect();
			var in_body = body.contains(e) && e !== body;
			var b = in_body ? br : sr;

			if (r.width === 0 && r.height === 0)
				return;
			if (r.left < b.left - 1 || r.right > b.right + 1 ||
			    r.top < b.top - 1 || r.bottom > b.bottom + 1)
				note("box", s, e.nodeName + " " + e.textContent);
		});
		Array.prototype.forEach.call(body.querySelectorAll("li"),
		    function (li) {
			var cs = getComputedStyle(li), w;

			if (cs.display !== "list-item" || cs.listStyleType === "none")
				return;
			if (li.querySelector(":scope > .task-box, :scope > p > .task-box"))
				note("task", s, li.textContent);
			if (!/\S/.test(own(li)))
				note("empty", s, li.textContent);
			if (cs.listStylePosition !== "outside")
				return;
			canvas.font = cs.fontStyle + " " + cs.fontWeight + " " +
			    cs.fontSize + " " + cs.fontFamily;
			w = canvas.measureText(marker(li, cs)).width * k;
			if (li.getBoundingClientRect().left - w < br.left - 0.5)
				note("marker", s, marker(li, cs) + li.textContent);
		});
	});
	document.body.setAttribute("data-measure", "box=" + bad.box +
	    " marker=" + bad.marker + " empty=" + bad.empty + " task=" +
	    bad.task + (what.length ? " | " + what.join(" | ") : ""));
})();
</script>
EOF
m=0
for html in "$tmp"/measure/*.html; do
	[ -f "$html" ] || continue
	base=$(basename "$html" .html)
	sed -e "/<\/body>/{
r $tmp/measure.js
}" "$html" > "$tmp/measure.html"
	mkdir -p "$tmp/profile"
	got=$("$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --disable-quic \
	    --user-data-dir="$tmp/profile" --window-size=1280,720 \
	    --dump-dom "file://$tmp/measure.html" 2>/dev/null |
	    sed -n 's/.*data-measure="\([^"]*\)".*/\1/p')
	rm -rf "$tmp/profile"
	if [ "$got" != "box=0 marker=0 empty=0 task=0" ]; then
		fail "$base: measured in Chromium: ${got:-nothing}"
	fi
	m=$((m + 1))
done
[ "$m" -gt 0 ] || fail "no deck measured"
echo "check-slides: $m decks measured in Chromium: boxes, markers, items"

if [ "$fails" -gt 0 ]; then
	echo "check-slides: $fails checks failed" >&2
	exit 1
fi
echo "check-slides: all passed"
