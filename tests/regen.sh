#!/bin/sh
# Rewrites the expected JSON and diagnostics of tests/cases from the
# current program.  Read every change (git diff) before committing it.
set -eu
MINUTES=${MINUTES:-./minutes}
for md in tests/cases/*.md; do
	base=${md%.md}
	"$MINUTES" render -f json "$md" > "$base.json" 2>/dev/null || true
	"$MINUTES" check "$md" 2> "$base.stderr" || true
done
for extra in tests/regen-*.sh; do
	[ -f "$extra" ] && sh "$extra"
done
exit 0
