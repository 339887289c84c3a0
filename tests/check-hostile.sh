#!/bin/sh
# A hostile notes file (script tags, event attributes, javascript:,
# vbscript: and data: links and images in every spelling, iframes, a title
# full of ../) built with `minutes build -o DIR`: no HTML output may hold
# anything executable, and nothing may be written outside DIR.
#
# Checks on every *.html written: no <iframe>, <object>, <embed>, <form>,
# <base>, <meta http-equiv>, no on* attribute (xmllint), no href, src,
# action, formaction, data or poster whose value, with white space and
# control characters removed and case folded, starts javascript:,
# vbscript: or data:.  The minutes, agenda and blog pages may hold no
# <script>, <style> or <svg> at all; another page (a slide deck) may have
# its own script, but none holding a payload of the notes.
# Run from the project root; MINUTES names the program.
set -u
MINUTES=${MINUTES:-./minutes}
MINUTES=$(cd "$(dirname "$MINUTES")" && pwd)/$(basename "$MINUTES")
NOTES=$(pwd)/tests/hostile/hostile.md
command -v xmllint >/dev/null 2>&1 || {
	echo "FAIL: xmllint not found (Debian: libxml2-utils)"
	exit 1
}

base=$(mktemp -d) || exit 1
scratch=$(mktemp -d) || exit 1
trap 'rm -rf "$base" "$scratch"' EXIT
fail=0

# scan DIR: checks every *.html under DIR; prints what it finds and
# returns 1 when anything is executable.
scan() {
	bad=0
	n=0
	for f in $(find "$1" -name '*.html' | LC_ALL=C sort); do
		n=$((n + 1))
		name=${f#"$1/"}
		case $(basename "$f") in
		minutes.html|agenda.html|blog.html|blog-preview.html) mine=1 ;;
		*) mine=0 ;;
		esac
		for tag in iframe object embed form base frame frameset applet; do
			if grep -qi "<$tag[[:space:]/>]" "$f"; then
				echo "$name: <$tag> element"
				bad=1
			fi
		done
		if grep -qi '<meta[^>]*http-equiv' "$f"; then
			echo "$name: <meta http-equiv>"
			bad=1
		fi
		if [ "$mine" = 1 ]; then
			for tag in script style svg math; do
				if grep -qi "<$tag[[:space:]/>]" "$f"; then
					echo "$name: <$tag> element"
					bad=1
				fi
			done
		elif tr '\n' ' ' < "$f" | grep -io '<script[^>]*>[^<]*' |
		    grep -qi 'XSS'; then
			echo "$name: a script holds a payload of the notes"
			bad=1
		fi
		# Attributes as a browser reads them: xmllint's HTML parser
		# decodes entities.  Its complaints about HTML5 are noise.
		ev=$(xmllint --html --xpath "//@*[starts-with(translate(name(),\
'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'on')]" \
		    "$f" 2>/dev/null)
		if [ -n "$ev" ]; then
			echo "$name: event attributes:$ev"
			bad=1
		fi
		urls=$(xmllint --html --xpath "//@*[local-name()='href' or \
local-name()='src' or local-name()='action' or local-name()='formaction' or \
local-name()='data' or local-name()='poster' or local-name()='srcset' or \
local-name()='background' or local-name()='cite']" "$f" 2>/dev/null |
		    tr -d '\000-\040' | tr 'A-Z' 'a-z')
		# A deck may embed its own raster images.
		[ "$mine" = 1 ] || urls=$(printf '%s' "$urls" | sed \
		    's/src="data:image\/\(png\|jpeg\|gif\|webp\)[;,][^"]*"//g')
		if printf '%s' "$urls" |
		    grep -Eq '="(javascript|vbscript|livescript|data):'; then
			echo "$name: script URL in an attribute:"
			printf '%s\n' "$urls" | grep -Eo \
			    '[a-z]+="(javascript|vbscript|livescript|data):[^"]{0,30}'
			bad=1
		fi
	done
	if [ "$n" -eq 0 ]; then
		echo "no HTML written"
		bad=1
	fi
	echo "hostile: $n HTML files checked"
	return $bad
}

# The output folder sits eight levels down, deeper than the title climbs,
# so that anything a ../ steers out of it still lands inside $base, where
# the listing sees it.
deep=$base/1/2/3/4/5/6/7/8
mkdir -p "$deep/cwd" "$deep/out"
listing() {
	(cd "$base" && find . -path ./1/2/3/4/5/6/7/8/out -prune -o -print |
	    LC_ALL=C sort)
}
listing > "$scratch/before"
(cd "$deep/cwd" && "$MINUTES" build -o ../out "$NOTES") \
    > "$scratch/stdout" 2> "$scratch/stderr"
st=$?
listing > "$scratch/after"
if [ "$st" -gt 1 ]; then
	echo "FAIL: build exited $st"
	cat "$scratch/stderr"
	fail=1
fi
if ! diff -u "$scratch/before" "$scratch/after"; then
	echo "FAIL: files written outside the output folder"
	fail=1
fi
if ! scan "$deep/out"; then
	echo "FAIL: executable content in the HTML outputs"
	fail=1
fi

# The payloads must still be there, as text.
m=$(find "$deep/out" -name minutes.html | head -n 1)
if [ -z "$m" ]; then
	echo "FAIL: no minutes.html"
	fail=1
else
	for text in '&lt;script&gt;alert(&#39;XSS-block&#39;)' \
	    '&lt;iframe src=' '&lt;img src=x onerror=' 'XSS-title' \
	    '>a</' '>k</'; do
		if ! grep -qF "$text" "$m"; then
			echo "FAIL minutes.html: lost the text $text"
			fail=1
		fi
	done
fi

# The checks themselves: with --unsafe the raw HTML gets through, and
# the scan must see it.
(cd "$deep/cwd" && "$MINUTES" build --unsafe -o "$scratch/unsafe" \
    "$NOTES") > /dev/null 2>&1
if scan "$scratch/unsafe" > "$scratch/unsafe.log"; then
	echo "FAIL: the scan missed the raw HTML of an --unsafe build"
	fail=1
fi
exit $fail
