#!/bin/sh
# Expected-output cases: for each tests/cases/NAME.md, the JSON model must
# equal NAME.json and the diagnostics of `check` must equal NAME.stderr.
# Run from the project root; MINUTES names the program.
set -u
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
for md in tests/cases/*.md; do
	base=${md%.md}
	n=$((n + 1))
	"$MINUTES" render -f json "$md" > "$tmp/out.json" 2>/dev/null
	st=$?
	if [ "$st" -gt 1 ]; then
		echo "FAIL $md: render exited $st"
		fail=1
	fi
	if ! diff -u "$base.json" "$tmp/out.json"; then
		echo "FAIL $md: JSON differs from $base.json"
		fail=1
	fi
	"$MINUTES" check "$md" 2> "$tmp/out.stderr"
	st=$?
	if [ "$st" -gt 1 ]; then
		echo "FAIL $md: check exited $st"
		fail=1
	fi
	if ! diff -u "$base.stderr" "$tmp/out.stderr"; then
		echo "FAIL $md: diagnostics differ from $base.stderr"
		fail=1
	fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no cases found"; exit 1; }
echo "cases: $n checked"
exit $fail
