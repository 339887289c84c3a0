#!/bin/sh
# regress.sh -- the expected outputs, in one loop.
#
# Each notes file has its expected outputs beside a common stem:
#
#   tests/cases/NAME.md    tests/cases/NAME.KIND
#   input/NAME.md          tests/golden/NAME.KIND   (the example meetings)
#   tests/series/NAME/     tests/series/NAME.KIND   (a series of meetings:
#   input/                 tests/golden/KIND         series.json, actions.csv,
#                                                    actions.ics, series.stderr)
#
# and the kinds are one table (KINDS below): how each output is made from
# one `minutes build` of the notes file into a scratch folder (of input/
# as a whole for the example meetings), or from `minutes check`.
#
#   json         meeting.json, the model
#   stderr       the diagnostics of `minutes check`
#   html         minutes.html (stylesheet linked, so a CSS change alone
#                touches no expected file)
#   xml          minutes.xml, the DocBook article
#   content.xml  content.xml of minutes.odt, through xmllint --format
#   slides       the title of each slide of slides.html, one a line
#
#   regress.sh [check]   diffs every expected file that exists (diff -u);
#                        a notes file with no expected file, a run that
#                        exits above 1 or an output not written fails,
#                        naming the file
#   regress.sh write     rewrites the expected files that exist, or every
#                        kind for a notes file with none yet (make regen);
#                        read the diff (git diff tests) before committing
#
# A file that holds several meetings is built into one folder per
# meeting; its expected outputs are those of each meeting in date order,
# each preceded by a line "==> FOLDER <==".
#
# Environment: MINUTES (default ./minutes).  Run from anywhere.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
MINUTES=${MINUTES:-./minutes}
case $MINUTES in /*) ;; *) MINUTES=$root/${MINUTES#./} ;; esac
mode=${1:-check}
case $mode in
check|write) ;;
*) echo "usage: regress.sh [check|write]" >&2; exit 2 ;;
esac

KINDS="json stderr html xml content.xml slides"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/regress.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
fail=0 nsrc=0 nfile=0 nwrote=0

# The title of each <section class="slide">, one a line.
cat > "$tmp/slides.xsl" <<'EOF'
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

# made KIND DIR OUT: writes output KIND of the meeting built in DIR to
# OUT; fails when the build did not write it.
made() {
	case $1 in
	json)	cat "$2/meeting.json" ;;
	html)	cat "$2/minutes.html" ;;
	xml)	cat "$2/minutes.xml" ;;
	content.xml)
		[ -s "$2/minutes.odt" ] &&
		    unzip -p "$2/minutes.odt" content.xml | xmllint --format -
		;;
	slides)
		[ -s "$2/slides.html" ] &&
		    xsltproc --html "$tmp/slides.xsl" "$2/slides.html" \
		    2>/dev/null
		;;
	esac > "$3" 2>/dev/null
}

# output KIND OUT: output KIND of the notes built in $tmp/out into OUT;
# the meetings of a file that holds several follow one another.
output() {
	if [ "$1" = stderr ]; then
		cp "$tmp/check.stderr" "$2"
		return 0
	fi
	set -- "$1" "$2" $(cd "$tmp/out" && ls -d */ 2>/dev/null | LC_ALL=C sort)
	[ $# -gt 2 ] || return 1
	if [ $# -eq 3 ]; then
		made "$1" "$tmp/out/${3%/}" "$2"
		return
	fi
	k=$1 o=$2
	shift 2
	: > "$o"
	for d in "$@"; do
		printf '==> %s <==\n' "${d%/}" >> "$o"
		made "$k" "$tmp/out/${d%/}" "$tmp/one" || return 1
		cat "$tmp/one" >> "$o"
	done
}

for md in tests/cases/*.md input/*.md; do
	[ -f "$md" ] || continue
	name=$(basename "$md" .md)
	case $md in
	tests/cases/*)	stem=tests/cases/$name ;;
	*)		stem=tests/golden/$name ;;
	esac
	nsrc=$((nsrc + 1))
	kinds=
	for k in $KINDS; do
		[ -f "$stem.$k" ] && kinds="$kinds $k"
	done
	if [ -z "$kinds" ]; then
		if [ "$mode" = check ]; then
			echo "FAIL $md: no expected output beside it" \
			    "(make regen writes $stem.*)"
			fail=1
			continue
		fi
		kinds=$KINDS
	fi

	rm -rf "$tmp/out"
	case $md in
	input/*)
		# The example meetings are one series, built together as
		# `make run` does: their ids and links come from it.
		[ -d "$tmp/input" ] || "$MINUTES" build -q -o "$tmp/input" \
		    input >/dev/null 2>"$tmp/build.stderr"
		st=$?
		mkdir "$tmp/out"
		j=$(grep -l "\"source\": \"$md\"" "$tmp"/input/*/meeting.json |
		    head -n 1)
		[ -n "$j" ] && cp -R "$(dirname "$j")" "$tmp/out/"
		;;
	*)
		"$MINUTES" build -o "$tmp/out" "$md" >/dev/null \
		    2>"$tmp/build.stderr"
		st=$?
		;;
	esac
	if [ "$st" -gt 1 ]; then
		echo "FAIL $md: build exited $st: $(head -c 300 "$tmp/build.stderr")"
		fail=1
		continue
	fi
	"$MINUTES" check "$md" 2> "$tmp/check.stderr"
	st=$?
	if [ "$st" -gt 1 ]; then
		echo "FAIL $md: check exited $st"
		fail=1
		continue
	fi

	for k in $kinds; do
		want=$stem.$k
		nfile=$((nfile + 1))
		if ! output "$k" "$tmp/got" ||
		    { [ "$k" != stderr ] && [ ! -s "$tmp/got" ]; }; then
			echo "FAIL $want: $md gave no $k output"
			fail=1
		elif [ "$mode" = write ]; then
			if ! cmp -s "$tmp/got" "$want"; then
				cp "$tmp/got" "$want"
				echo "wrote $want"
				nwrote=$((nwrote + 1))
			fi
		elif ! diff -u "$want" "$tmp/got"; then
			echo "FAIL $want: differs from the output of $md" \
			    "(diff above; make regen rewrites it)"
			fail=1
		fi
	done
done
# The series: each folder tests/series/NAME/ of meetings, and input/, is
# built once as one series; its root artefacts and its diagnostics are
# the expected files tests/series/NAME.KIND (input/: tests/golden/KIND).
SERIES_KINDS="series.json actions.csv actions.ics stderr"
for dir in input tests/series/*/; do
	dir=${dir%/}
	[ -d "$dir" ] || continue
	case $dir in
	input)	stem=tests/golden/ ;;
	*)	stem=$dir. ;;
	esac
	nsrc=$((nsrc + 1))
	rm -rf "$tmp/out"
	"$MINUTES" build -q -o "$tmp/out" "$dir" >/dev/null 2>/dev/null
	st=$?
	"$MINUTES" build -o "$tmp/out" "$dir" 2>&1 >/dev/null |
	    grep -v "^minutes: $tmp/out: " > "$tmp/out.stderr"
	if [ "$st" -gt 1 ]; then
		echo "FAIL $dir: build exited $st"
		fail=1
		continue
	fi
	for k in $SERIES_KINDS; do
		want=$stem$k
		[ "$k" = stderr ] && want=${stem}series.stderr
		got=$tmp/out/$k
		[ "$k" = stderr ] && got=$tmp/out.stderr
		nfile=$((nfile + 1))
		if [ ! -f "$got" ]; then
			echo "FAIL $want: $dir gave no $k"
			fail=1
		elif [ "$mode" = write ]; then
			if ! cmp -s "$got" "$want"; then
				cp "$got" "$want"
				echo "wrote $want"
				nwrote=$((nwrote + 1))
			fi
		elif ! diff -u "$want" "$got"; then
			echo "FAIL $want: differs from the series $dir" \
			    "(diff above; make regen rewrites it)"
			fail=1
		fi
	done
done

if [ "$nsrc" -eq 0 ]; then
	echo "FAIL: no notes files in tests/cases or input"
	exit 1
fi
if [ "$mode" = write ]; then
	echo "regress: $nsrc notes files, $nfile expected files, $nwrote rewritten"
else
	echo "regress: $nsrc notes files, $nfile expected files compared:" \
	    "$([ $fail -eq 0 ] && echo ok || echo FAILED)"
fi
exit $fail
