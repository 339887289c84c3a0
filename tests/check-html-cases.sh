#!/bin/sh
# Expected HTML of tests/cases: for each NAME.md with a NAME.html, the
# minutes page `minutes build` writes must equal it byte for byte (see
# tests/regen-html.sh).  Run from the project root; MINUTES names the
# program.
set -u
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
for md in tests/cases/*.md; do
	name=$(basename "$md" .md)
	[ -f "tests/cases/$name.html" ] || continue
	n=$((n + 1))
	"$MINUTES" build -o "$tmp/$name" "$md" >/dev/null 2>&1
	st=$?
	if [ "$st" -gt 1 ]; then
		echo "FAIL $md: build exited $st"
		fail=1
		continue
	fi
	out=$(find "$tmp/$name" -name minutes.html | head -n 1)
	if [ -z "$out" ]; then
		echo "FAIL $md: no minutes.html"
		fail=1
	elif ! diff -u "tests/cases/$name.html" "$out"; then
		echo "FAIL $md: HTML differs from tests/cases/$name.html"
		fail=1
	fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no expected HTML in tests/cases"; exit 1; }
echo "html cases: $n checked"
exit $fail
