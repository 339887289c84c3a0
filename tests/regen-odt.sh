#!/bin/sh
# regen-odt.sh -- the expected ODT content of the test cases.
#
# For every tests/cases/<name>.md, tests/cases/<name>.content.xml is the
# content.xml of `minutes render -f odt`, normalised with xmllint --format.
#
#   regen-odt.sh           rewrites the expected files (read them before
#                          committing them)
#   regen-odt.sh --check   compares with diff -u instead; exits 1 when any
#                          differs; a case without an expected file is
#                          named but is not a failure
#
# Environment: MINUTES (default ./minutes).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${MINUTES:-./minutes}
mode=write
[ "${1:-}" = --check ] && mode=check

tmp=$(mktemp -d "${TMPDIR:-/tmp}/regen-odt.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fail=0
n=0

for f in "$root"/tests/cases/*.md; do
	[ -f "$f" ] || continue
	want=${f%.md}.content.xml
	rm -f "$tmp/out.odt"
	"$MINUTES" render -f odt -o "$tmp/out.odt" "$f" 2>/dev/null
	rc=$?
	if [ $rc -gt 1 ] || [ ! -s "$tmp/out.odt" ]; then
		echo "FAIL: render -f odt $f (exit $rc)"
		fail=1
		continue
	fi
	if ! unzip -p "$tmp/out.odt" content.xml | xmllint --format - \
	    >"$tmp/content.xml"; then
		echo "FAIL: no well-formed content.xml for $f"
		fail=1
		continue
	fi
	n=$((n + 1))
	if [ $mode = write ]; then
		cmp -s "$tmp/content.xml" "$want" ||
		    { cp "$tmp/content.xml" "$want" && echo "wrote $want"; }
	elif [ ! -f "$want" ]; then
		echo "note: no ${want#"$root"/} yet (run tests/regen-odt.sh)"
	elif ! diff -u "$want" "$tmp/content.xml"; then
		echo "FAIL: ${want#"$root"/} differs (see the diff above)"
		fail=1
	fi
done
echo "regen-odt: $n cases ($mode): $([ $fail -eq 0 ] && echo ok || echo FAILED)"
exit $fail
