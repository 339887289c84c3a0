#!/bin/bash
# The archive across meetings: the previous/next links of each meeting's
# minutes follow the series when meetings are added or retitled (an
# incremental build re-renders the neighbours whose links changed, and
# only those); archive.xml, for input/, tests/series/*, a generated
# 30-meeting series and the whole corpus as one series, is valid DocBook
# 5 (RELAX NG), holds one chapter per meeting with the text of its
# minutes.xml, and converts with docbook-xsl-ns without a message; the
# archive pages of input/ and of the 30-meeting series, opened in headless
# Chromium at 1280 and 600 pixels wide: a screenshot of sane size, every
# meeting linked (and every link resolving), the SVG charts of index.html
# drawn with a non-zero size, and nothing out past the right edge of the
# page's text (a wide table scrolls in its own box).
# Prints FAIL lines; exit 1 on any.  Run from the project root; MINUTES
# names the program, MINUTES_CORPUS the real notes, DOCBOOK_RNG and
# DOCBOOK_XSL the schema and stylesheet, CHROMIUM the browser.
set -u
MINUTES=${MINUTES:-./minutes}
CORPUS=${MINUTES_CORPUS:-tests/data/corpus}
rng=${DOCBOOK_RNG:-/usr/share/xml/docbook/schema/rng/5.0/docbook.rng}
xsl=${DOCBOOK_XSL:-/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl}
CHROMIUM=${CHROMIUM:-chromium}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=1; }

# build ARGS...: minutes build ARGS, stderr in $tmp/err; sets st and
# rendered (the summary's count of meetings rendered)
build() {
	timeout 300 "$MINUTES" build "$@" > /dev/null 2> "$tmp/err"
	st=$?
	rendered=$(sed -n 's/.* meetings\{0,1\}, \([0-9]*\) rendered,.*/\1/p' "$tmp/err" | tail -1)
}
# meeting DATE TITLE: notes of a small meeting
meeting() {
	printf -- '---\ntitle: %s\ndate: %s\nattendees: [Ann Lee, Bob Ray]\n---\n# %s\n\n- [ ] Send the notes @Ann due %s\n' \
	    "$2" "$1" "$2" "$1"
}
# links FOLDER: the prev and next hrefs of FOLDER's minutes, one a line
links() {
	grep -o 'href="[^"]*" rel="\(prev\|next\)"' "$tmp/out/$1/minutes.html" |
	    sed 's/href="\([^"]*\)" rel="\(.*\)"/\2 \1/'
}

mkdir "$tmp/in"
meeting 2020-01-09 "January call" > "$tmp/in/2020-01-09-call.md"
meeting 2020-03-12 "March call" > "$tmp/in/2020-03-12-call.md"
meeting 2020-04-09 "April call" > "$tmp/in/2020-04-09-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$st" -eq 0 ] && [ "$rendered" = 3 ] || bad "first build: exit $st, $rendered rendered"
[ "$(links 2020-01-09-call)" = "next ../2020-03-12-call/minutes.html" ] ||
    bad "January links: $(links 2020-01-09-call | tr '\n' ' ')"

# a meeting added between two: it and both neighbours are rendered,
# the meeting after them is not
meeting 2020-04-30 "Late April call" > "$tmp/in/2020-04-30-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 2 ] || bad "a meeting added last rendered $rendered, want 2 (it and the one before)"
cp "$tmp/out/2020-01-09-call/minutes.html" "$tmp/jan.html"
meeting 2020-02-13 "February call" > "$tmp/in/2020-02-13-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$st" -eq 0 ] && [ "$rendered" = 3 ] ||
    bad "a meeting added between two: exit $st, $rendered rendered, want 3"
[ "$(links 2020-01-09-call | tr '\n' ' ')" = "next ../2020-02-13-call/minutes.html " ] ||
    bad "January after February was added: $(links 2020-01-09-call | tr '\n' ' ')"
[ "$(links 2020-02-13-call | tr '\n' ' ')" = \
    "prev ../2020-01-09-call/minutes.html next ../2020-03-12-call/minutes.html " ] ||
    bad "February: $(links 2020-02-13-call | tr '\n' ' ')"
[ "$(links 2020-03-12-call | head -1)" = "prev ../2020-02-13-call/minutes.html" ] ||
    bad "March after February was added: $(links 2020-03-12-call | tr '\n' ' ')"
grep -q 'February call' "$tmp/out/2020-01-09-call/minutes.html" ||
    bad "January's minutes do not name the February call"

# a retitled meeting: its neighbours show the new title
sed -i 's/^title: .*/title: February plenary/' "$tmp/in/2020-02-13-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 3 ] || bad "a retitled meeting rendered $rendered, want 3"
grep -q 'February plenary' "$tmp/out/2020-03-12-call/minutes.html" ||
    bad "March does not show February's new title"

# removing it links January and March again; every link resolves
rm "$tmp/in/2020-02-13-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 2 ] || bad "a meeting removed rendered $rendered, want 2"
cmp -s "$tmp/jan.html" "$tmp/out/2020-01-09-call/minutes.html" ||
    bad "January differs from before February was added"
for f in "$tmp"/out/*/minutes.html; do
	for h in $(grep -o 'href="\.\./[^"#]*"' "$f" | sed 's/href="\(.*\)"/\1/'); do
		[ -f "$(dirname "$f")/$h" ] || bad "$f links $h, which does not exist"
	done
done
# and an incremental build gives what a full one gives
build -o "$tmp/full" "$tmp/in"
diff -r -x .minutes-manifest -x .minutes-cache "$tmp/full" "$tmp/out" > "$tmp/diff" ||
    bad "incremental differs from full: $(head -5 "$tmp/diff")"

. tests/gen-series.sh
mkdir "$tmp/gen30"
gen_series "$tmp/gen30" 30

# archive.xml
for tool in xmllint xsltproc; do
	command -v $tool > /dev/null 2>&1 || bad "$tool not found"
done
[ -f "$rng" ] && [ -f "$xsl" ] || bad "no DocBook schema or stylesheet: $rng $xsl"
books=0
for dir in input tests/series/*/ "$tmp/gen30" "$CORPUS"; do
	dir=${dir%/}
	[ -d "$dir" ] || continue
	rm -rf "$tmp/book"
	timeout 300 "$MINUTES" build -q -o "$tmp/book" "$dir" > /dev/null 2>&1
	st=$?
	x=$tmp/book/archive.xml
	if [ "$st" -gt 1 ] || [ ! -s "$x" ]; then
		bad "$dir: build exited $st, archive.xml: $(ls -l "$x" 2>&1)"
		continue
	fi
	books=$((books + 1))
	xmllint --noout --relaxng "$rng" "$x" > "$tmp/valid" 2>&1 ||
	    bad "$dir: archive.xml is not valid DocBook 5: $(grep -v validates "$tmp/valid" | head -5)"
	# one chapter per meeting, in the order of series.json, each with
	# the text of the meeting's own minutes.xml
	folders=$(grep -o '"folder": "[^"]*"' "$tmp/book/series.json" |
	    sed 's/"folder": "\(.*\)"/\1/')
	nmt=$(printf '%s\n' "$folders" | grep -c .)
	nch=$(xmllint --xpath 'count(/*/*[local-name()="chapter"])' "$x")
	[ "$nch" = "$nmt" ] || bad "$dir: $nch chapters for $nmt meetings"
	k=0
	for f in $folders; do
		k=$((k + 1))
		[ "$k" -le 5 ] || break
		id=$(xmllint --xpath "string(/*/*[local-name()=\"chapter\"][$k]/@xml:id)" "$x")
		[ "$id" = "m-$f" ] || bad "$dir: chapter $k is $id, want m-$f"
		xmllint --xpath "string(/*/*[local-name()=\"chapter\"][$k])" "$x" > "$tmp/chapter.txt"
		xmllint --xpath 'string(/*)' "$tmp/book/$f/minutes.xml" > "$tmp/article.txt"
		cmp -s "$tmp/chapter.txt" "$tmp/article.txt" ||
		    bad "$dir: chapter $k does not hold the text of $f/minutes.xml"
	done
	for a in register decisions attendance; do
		[ "$(xmllint --xpath "count(//*[local-name()=\"appendix\"][@xml:id=\"$a\"])" "$x")" = 1 ] ||
		    bad "$dir: no appendix $a"
	done
	# every link resolves, no id twice
	xmllint --xpath '//@linkend' "$x" 2>/dev/null | sed 's/ linkend="\([^"]*\)"/\1\n/g' |
	    grep . | sort -u > "$tmp/ends"
	xmllint --xpath '//@*[local-name()="id"]' "$x" 2>/dev/null |
	    sed 's/ xml:id="\([^"]*\)"/\1\n/g' | grep . | sort > "$tmp/ids"
	[ -z "$(uniq -d "$tmp/ids")" ] || bad "$dir: ids used twice: $(uniq -d "$tmp/ids" | head -3)"
	[ -z "$(comm -23 "$tmp/ends" "$tmp/ids")" ] ||
	    bad "$dir: links to no id: $(comm -23 "$tmp/ends" "$tmp/ids" | head -3)"
	# docbook-xsl-ns: the corpus book is large and slow to convert;
	# it is checked by the schema above
	[ "$dir" = "$CORPUS" ] && continue
	if ! xsltproc --nonet --output "$tmp/book.html" "$xsl" "$x" 2> "$tmp/xslt" ||
	    [ -s "$tmp/xslt" ] || [ ! -s "$tmp/book.html" ]; then
		bad "$dir: xsltproc on archive.xml: $(head -5 "$tmp/xslt")"
	fi
done
[ "$books" -ge 4 ] || bad "only $books archive books built"
# the register of the generated series holds as many open actions as
# the build's summary counts, every decision and every person
x=$tmp/book/archive.xml
rm -rf "$tmp/book"
build -o "$tmp/book" "$tmp/gen30"
open=$(sed -n 's/.* \([0-9]*\) actions\{0,1\} open,.*/\1/p' "$tmp/err" | tail -1)
got=$(xmllint --xpath 'count(//*[@xml:id="register-open"]//*[local-name()="tbody"]/*)' "$x")
[ "$got" = "$open" ] || bad "gen30: the register's open section has $got rows, series.json $open open"
got=$(xmllint --xpath 'count(//*[@xml:id="decisions"]//*[local-name()="tbody"]/*)' "$x")
[ "$got" = 30 ] || bad "gen30: $got decisions in the appendix, want 30"
got=$(xmllint --xpath 'count(//*[@xml:id="attendance"]//*[local-name()="tbody"]/*)' "$x")
[ "$got" = 6 ] || bad "gen30: $got people in the attendance appendix, want 6"

# --- the archive pages in Chromium ----------------------------------------
# The probe, run in the page once it is laid out: what lies past the
# right edge of the body's text (not inside a box that scrolls), whether
# the page scrolls sideways, each SVG's size and how many of its lines
# are drawn, and every link.
cat > "$tmp/probe.js" <<'EOF'
<script>
(function () {
	var de = document.documentElement, body = document.body;
	var right = body.getBoundingClientRect().right -
	    parseFloat(getComputedStyle(body).paddingRight);
	var over = [], svgs = [], hrefs = {}, broken = [];

	function scrolls(e) {
		var p, o;

		for (p = e.parentElement; p && p !== body; p = p.parentElement) {
			o = getComputedStyle(p).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden")
				return true;
		}
		return false;
	}
	Array.prototype.forEach.call(body.querySelectorAll("*"), function (e) {
		var r = e.getBoundingClientRect();

		if ((r.width === 0 && r.height === 0) || r.right <= right + 1 ||
		    scrolls(e))
			return;
		over.push(e.nodeName + "=" + Math.round(r.right));
	});
	Array.prototype.forEach.call(document.querySelectorAll("svg"), function (s) {
		var r = s.getBoundingClientRect(), lines = 0;

		Array.prototype.forEach.call(s.querySelectorAll("polyline"),
		    function (p) {
			var b = p.getBoundingClientRect();

			if (p.points.numberOfItems > 0 && b.width > 0)
				lines++;
		});
		svgs.push(Math.round(r.width) + "x" + Math.round(r.height) + "/" +
		    lines);
	});
	// A date or a column's heading link laid over two lines, or a word
	// of a name or a link broken inside (not at a hyphen).
	Array.prototype.forEach.call(body.querySelectorAll("time, th a"),
	    function (e) {
		if (e.getClientRects().length > 1)
			broken.push(e.textContent);
	});
	Array.prototype.forEach.call(body.querySelectorAll("td a, td.owners"),
	    function (e) {
		var w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), t, m,
		    re, r;

		while ((t = w.nextNode()) !== null)
			for (re = /[^\s\-\u2010-\u2015]+/g; (m = re.exec(t.data)) !== null;) {
				r = document.createRange();
				r.setStart(t, m.index);
				r.setEnd(t, m.index + m[0].length);
				if (r.getClientRects().length > 1)
					broken.push(m[0]);
			}
	});
	Array.prototype.forEach.call(document.querySelectorAll("a[href]"),
	    function (a) { hrefs[a.getAttribute("href")] = 1; });
	body.setAttribute("data-probe", "scroll=" +
	    (de.scrollWidth > de.clientWidth ? de.scrollWidth : 0) +
	    " over=" + over.length + " broken=" + broken.length +
	    " svg=" + (svgs.join(",") || "-") +
	    (over.length ? " | " + over.slice(0, 4).join(" ") : "") +
	    (broken.length ? " | " + broken.slice(0, 4).join(" ") : ""));
	body.setAttribute("data-links", Object.keys(hrefs).join(" "));
})();
</script>
EOF
# chromium ARGS...: headless, offline, a profile of its own
chromium() {
	rm -rf "$tmp/profile"
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --disable-quic \
	    --user-data-dir="$tmp/profile" "$@" 2> /dev/null
}
# png_size FILE: "WIDTHxHEIGHT" from the PNG header
png_size() {
	od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", \
	    (($1 * 256 + $2) * 256 + $3) * 256 + $4, \
	    (($5 * 256 + $6) * 256 + $7) * 256 + $8 }'
}
command -v "$CHROMIUM" > /dev/null 2>&1 || bad "$CHROMIUM not found"
npages=0
for dir in input "$tmp/gen30" "$CORPUS"; do
	out=$tmp/pages-$(basename "$dir")
	timeout 300 "$MINUTES" build -q -o "$out" "$dir" > /dev/null 2>&1
	folders=$(grep -o '"folder": "[^"]*"' "$out/series.json" |
	    sed 's/"folder": "\(.*\)"/\1/')
	# the folders of the meetings that raised an action
	raised=$(grep -o '"raised": {"meeting": [0-9]*' "$out/series.json" |
	    sed 's/.* //' | sort -un | while read -r i; do
		printf '%s\n' "$folders" | sed -n "$((i + 1))p"; done)
	# and those that took a decision
	decided=$(grep -o '{"meeting": [0-9]*, "date": "[^"]*", "line": [0-9]*, "text"' \
	    "$out/series.json" | sed 's/{"meeting": \([0-9]*\),.*/\1/' |
	    sort -un | while read -r i; do
		printf '%s\n' "$folders" | sed -n "$((i + 1))p"; done)
	for page in index actions decisions attendance; do
		name="$(basename "$dir") $page.html"
		[ -s "$out/$page.html" ] || { bad "$name: not written"; continue; }
		npages=$((npages + 1))
		rm -f "$tmp/shot.png"
		chromium --window-size=1280,900 --screenshot="$tmp/shot.png" \
		    "file://$out/$page.html" > /dev/null
		size=$(wc -c < "$tmp/shot.png" 2>/dev/null || echo 0)
		# a blank page of that size is a few KB
		[ "$(png_size "$tmp/shot.png" 2>/dev/null)" = 1280x900 ] &&
		    [ "$size" -gt 20000 ] && [ "$size" -lt 5000000 ] ||
		    bad "$name: screenshot $(png_size "$tmp/shot.png" 2>/dev/null), $size bytes"
		sed -e "/<\/body>/{
r $tmp/probe.js
}" "$out/$page.html" > "$out/probe.html"
		for w in 1280 600; do
			chromium --window-size=$w,900 --dump-dom \
			    "file://$out/probe.html" > "$tmp/dom"
			got=$(sed -n 's/.*data-probe="\([^"]*\)".*/\1/p' "$tmp/dom")
			case $page in
			index)	want="scroll=0 over=0 broken=0 svg=*x*/2,*x*/1" ;;
			*)	want="scroll=0 over=0 broken=0 svg=-" ;;
			esac
			case $got in
			$want)	;;
			*)	bad "$name at $w px: ${got:-no probe result}" ;;
			esac
			case $got in
			*svg=0x*|*x0/*|*,0x*) bad "$name at $w px: a chart of no size: $got" ;;
			esac
		done
		links=$(sed -n 's/.*data-links="\([^"]*\)".*/\1/p' "$tmp/dom")
		for h in $links; do
			case $h in
			http:*|https:*|mailto:*|\#*) continue ;;
			esac
			[ -f "$out/${h%%#*}" ] || bad "$name links $h: no such file"
		done
		case $page in
		actions) want=$raised ;;
		decisions) want=$decided ;;
		*) want=$folders ;;
		esac
		for f in $want; do
			case " $links " in
			*" $f/minutes.html "*) ;;
			*) bad "$name does not link $f/minutes.html" ;;
			esac
		done
	done
	rm -f "$out/probe.html"
done
[ "$npages" -eq 12 ] || bad "$npages archive pages opened in Chromium, want 12"

[ "$fail" -eq 0 ] && echo "archive: all checks pass ($books archive books, $npages pages in Chromium)"
exit $fail
