#!/bin/sh
# check-lo-odt.sh -- LibreOffice opens every ODT minutes writes and keeps
# its text.
#
# Renders `-f odt` and `-f agenda-odt` for input/*.md, tests/cases/*.md
# and the real notes of the corpus (LO_CORPUS=0 leaves those out),
# converts all of them to PDF with ONE headless soffice call under a user
# profile of its own (start-up is the expensive part), then checks that
# each PDF exists and that pdftotext finds the words of the meeting's title
# and of the first action item in it.  The words to look for are read from
# each document's content.xml: the Title paragraph and the first body row
# of the table headed "Action".  soffice exits 0 even when a conversion
# fails, hence the checks of the PDFs.
#
# Environment: MINUTES (default ./minutes), MINUTES_CORPUS, LO_CORPUS,
# SOFFICE (default soffice), LO_TIMEOUT (seconds, default 240).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${MINUTES:-./minutes}
corpus=${MINUTES_CORPUS:-$root/tests/data/corpus}
SOFFICE=${SOFFICE:-soffice}

for tool in "$SOFFICE" pdftotext unzip xmllint; do
	command -v "$tool" >/dev/null 2>&1 ||
	    { echo "FAIL: $tool not found"; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-lo-odt.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir "$tmp/odt" "$tmp/pdf" "$tmp/profile"
fail=0
n=0

set -- "$root"/input/*.md "$root"/tests/cases/*.md
[ "${LO_CORPUS:-1}" = 1 ] && set -- "$@" "$corpus"/*.md
for f in "$@"; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	for fmt in odt agenda-odt; do
		out=$tmp/odt/$n-$fmt.odt
		"$MINUTES" render -f $fmt -o "$out" "$f" 2>"$tmp/stderr"
		rc=$?
		if [ $rc -gt 1 ] || [ ! -s "$out" ]; then
			echo "FAIL: render -f $fmt $f (exit $rc)"
			sed 's/^/  /' "$tmp/stderr"
			rm -f "$out"
			fail=1
			continue
		fi
		printf '%s (%s)\n' "$f" $fmt >"$tmp/odt/$n-$fmt.src"
	done
done
set -- "$tmp"/odt/*.odt
[ -f "$1" ] || { echo "FAIL: nothing rendered"; exit 1; }

start=$(date +%s)
timeout "${LO_TIMEOUT:-240}" "$SOFFICE" \
    -env:UserInstallation="file://$tmp/profile" --headless --norestore \
    --convert-to pdf --outdir "$tmp/pdf" "$@" >"$tmp/soffice.log" 2>&1
rc=$?
echo "check-lo-odt: soffice converted $# documents in" \
    "$(($(date +%s) - start)) s (exit $rc)"

# The title paragraph; the second cell of the first body row of the table
# whose second header cell says "Action".
title_xpath='string(//*[local-name()="p"]
    [@*[local-name()="style-name"]="Title"])'
action_xpath='string((//*[local-name()="table"]
    [*[local-name()="table-header-rows"]/*/*[2]="Action"]
    /*[local-name()="table-row"])[1]/*[2])'

# The words (letters and digits, four or more) of text, at most six; a
# no-break space (which PDF text gives as a space) separates words too.
words() {
	printf '%s\n' "$1" | sed 's/\xc2\xa0/ /g' |
	    tr -s '[:space:][:punct:]' '\n' | awk 'length($0) >= 4' | head -6
}

for odt in "$@"; do
	base=$(basename "$odt" .odt)
	what=$(cat "$tmp/odt/$base.src")
	pdf=$tmp/pdf/$base.pdf
	if [ ! -s "$pdf" ]; then
		echo "FAIL: no PDF for $what"
		fail=1
		continue
	fi
	if ! pdftotext -enc UTF-8 "$pdf" - 2>/dev/null |
	    sed 's/\xc2\xa0/ /g' | tr -s '[:space:]' ' ' >"$tmp/text"; then
		echo "FAIL: pdftotext failed on the PDF of $what"
		fail=1
		continue
	fi
	unzip -p "$odt" content.xml >"$tmp/content.xml"
	title=$(xmllint --xpath "$title_xpath" "$tmp/content.xml" 2>/dev/null)
	action=$(xmllint --xpath "$action_xpath" "$tmp/content.xml" 2>/dev/null)
	if [ -z "$title" ]; then
		echo "FAIL: no title in the content of $what"
		fail=1
	fi
	for w in $(words "$title") $(words "$action"); do
		if ! grep -qF -- "$w" "$tmp/text"; then
			echo "FAIL: '$w' missing from the PDF of $what"
			fail=1
		fi
	done
done

[ $fail -ne 0 ] && sed 's/^/  soffice: /' "$tmp/soffice.log" | head -20
[ $fail -eq 0 ] && result=ok || result=FAILED
echo "check-lo-odt: $# documents from $n notes files: $result"
exit $fail
