#!/bin/sh
# Rewrites the expected HTML of tests/cases: NAME.html is the minutes page
# of NAME.md as `minutes build` writes it (stylesheet linked, not inlined,
# so a change to the CSS alone touches no case).  Run by tests/regen.sh
# (make regen); read every change (git diff) before committing it.
set -eu
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for md in tests/cases/*.md; do
	name=$(basename "$md" .md)
	"$MINUTES" build -o "$tmp/$name" "$md" >/dev/null 2>&1 || true
	out=$(find "$tmp/$name" -name minutes.html | head -n 1)
	[ -n "$out" ] && cp "$out" "tests/cases/$name.html"
done
exit 0
