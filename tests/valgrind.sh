#!/bin/sh
# Runs every expected-output case and example meeting through every format
# under valgrind; any memory error or leak fails.
set -u
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
formats=$("$MINUTES" render --list-formats) || { echo "FAIL: no format list"; exit 1; }
fail=0 n=0
for md in tests/cases/*.md input/*.md; do
	for f in $formats; do
		n=$((n + 1))
		valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite,indirect \
		    "$MINUTES" render -f "$f" -o "$tmp/out" "$md" \
		    2> "$tmp/log" >/dev/null
		if [ $? -eq 99 ]; then
			echo "FAIL valgrind: render -f $f $md"
			cat "$tmp/log"
			fail=1
		fi
	done
done
[ "$n" -gt 0 ] || { echo "FAIL: nothing run"; exit 1; }
echo "valgrind: $n runs"
exit $fail
