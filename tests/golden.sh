#!/bin/sh
# Expected outputs beyond the JSON of tests/cases: the DocBook of every
# case (tests/cases/NAME.xml) and the minutes page, DocBook and model of
# every example meeting (tests/golden/NAME.html, .xml, .json), as `minutes
# build` writes them.
#   golden.sh check   compare, printing a diff for each difference
#   golden.sh write   rewrite them (make regen); read the diff before committing
set -u
mode=${1:-check}
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0

# one EXPECTED ACTUAL: compares or copies one file.
one() {
	n=$((n + 1))
	if [ ! -f "$2" ]; then
		echo "FAIL: $2 was not written"
		fail=1
	elif [ "$mode" = write ]; then
		cp "$2" "$1"
	elif ! diff -u "$1" "$2"; then
		echo "FAIL: $2 differs from $1"
		fail=1
	fi
}

for md in tests/cases/*.md input/*.md; do
	name=$(basename "$md" .md)
	rm -rf "$tmp/out"
	"$MINUTES" build -o "$tmp/out" "$md" >/dev/null 2>&1
	st=$?
	if [ "$st" -gt 1 ]; then
		echo "FAIL $md: build exited $st"
		fail=1
		continue
	fi
	dir=$(dirname "$(find "$tmp/out" -name minutes.xml | head -n 1)")
	case $md in
	tests/cases/*)
		one "tests/cases/$name.xml" "$dir/minutes.xml"
		;;
	input/*)
		one "tests/golden/$name.html" "$dir/minutes.html"
		one "tests/golden/$name.xml" "$dir/minutes.xml"
		one "tests/golden/$name.json" "$dir/meeting.json"
		;;
	esac
done
[ "$n" -gt 0 ] || { echo "FAIL: nothing compared"; exit 1; }
echo "golden: $n files ${mode}"
exit $fail
