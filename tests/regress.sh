#!/bin/sh
# regress.sh -- the expected outputs, in one loop.
#
# Each notes file has its expected outputs beside a common stem:
#
#   tests/cases/NAME.md    tests/cases/NAME.KIND
#   input/NAME.md          tests/golden/NAME.KIND   (the example meetings)
#
# and the kinds are one table (KINDS below): how each output is made from
# one `minutes build` of the notes file into a scratch folder, or from
# `minutes check`.
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
	"$MINUTES" build -o "$tmp/out" "$md" >/dev/null 2>"$tmp/build.stderr"
	st=$?
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
