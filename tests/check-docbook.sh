#!/bin/sh
# check-docbook.sh -- every DocBook article minutes writes is valid DocBook
# 5.0 and converts to HTML.
#
# Renders `-f docbook` for input/*.md, tests/cases/*.md and the real notes
# of the corpus; validates all of them against DocBook's RELAX NG schema in
# one xmllint call; converts each with docbook-xsl-ns's html/docbook.xsl,
# where any message on stderr is a failure.  Prints what failed; the exit
# status is 0 only when everything passed.
#
# Environment: MINUTES (default ./minutes), MINUTES_CORPUS (default
# tests/data/corpus from the project root), DOCBOOK_RNG, DOCBOOK_XSL.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${MINUTES:-./minutes}
corpus=${MINUTES_CORPUS:-$root/tests/data/corpus}
rng=${DOCBOOK_RNG:-/usr/share/xml/docbook/schema/rng/5.0/docbook.rng}
xsl=${DOCBOOK_XSL:-/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl}

for tool in xmllint xsltproc; do
	command -v $tool >/dev/null 2>&1 ||
	    { echo "FAIL: $tool not found"; exit 1; }
done
for f in "$rng" "$xsl"; do
	[ -f "$f" ] || { echo "FAIL: $f not found"; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-docbook.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir "$tmp/xml" "$tmp/html"
fail=0
n=0

for f in "$root"/input/*.md "$root"/tests/cases/*.md "$corpus"/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	out=$tmp/xml/$n.xml
	"$MINUTES" render -f docbook -o "$out" "$f" 2>"$tmp/stderr"
	rc=$?
	# 1 says the notes have errors; the article is written all the same.
	if [ $rc -gt 1 ] || [ ! -s "$out" ]; then
		echo "FAIL: render $f (exit $rc)"
		sed 's/^/  /' "$tmp/stderr"
		rm -f "$out"
		fail=1
		continue
	fi
	printf '%s\n' "$f" >"$tmp/xml/$n.src"
done
[ "$n" -gt 0 ] || { echo "FAIL: no notes found"; exit 1; }
set -- "$tmp"/xml/*.xml
[ -f "$1" ] || { echo "FAIL: nothing rendered"; exit 1; }

# Names the notes behind a rendered file.
src() {
	cat "$tmp/xml/$(basename "$1" .xml).src"
}

if ! xmllint --noout --relaxng "$rng" "$@" >"$tmp/valid" 2>&1; then
	grep 'fails to validate' "$tmp/valid" | while read -r x _; do
		echo "FAIL: invalid DocBook from $(src "$x")"
		grep -F "$x:" "$tmp/valid" | head -5 | sed 's/^/  /'
	done
	fail=1
fi

for x in "$@"; do
	h=$tmp/html/$(basename "$x" .xml).html
	if ! xsltproc --nonet --output "$h" "$xsl" "$x" 2>"$tmp/xslt" ||
	    [ -s "$tmp/xslt" ] || [ ! -s "$h" ]; then
		echo "FAIL: xsltproc on the DocBook of $(src "$x")"
		head -5 "$tmp/xslt" | sed 's/^/  /'
		fail=1
	fi
done

[ $fail -eq 0 ] && result=ok || result=FAILED
echo "check-docbook: $# articles from $n notes files: $result"
exit $fail
