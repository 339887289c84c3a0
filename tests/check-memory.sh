#!/bin/sh
# check-memory.sh -- memory bounded by the input, in every format.
#
# Renders every format of three generated notes files of MEM_BYTES each
# (default 1,000,000): headings (one section and one slide each), bullets
# (one list), small tables, and ACTION lines (one action each: the pages
# make each action's values as they write it); /usr/bin/time gives the peak resident
# size.  Prints each figure as bytes of memory per byte of input and fails
# when one is over the bound: TARGET (20) times the input plus FLOOR for
# the program itself (libraries, tables, kept heap), the same for every
# format and input.  Every output is written as it is made, the deck
# holds no copy of the notes (its slides are made a few at a time) and
# no tree of its agenda or actions (made a few items at a time), so the
# largest part is the tree of the notes: a node of 56 bytes per row, per
# cell and per cell text of a table.  Bytes of memory per byte of input
# above the floor, at 5 MB: headings 11.0 (pages and exports) to 12.7
# (blog), 15.1 (ODP deck) and 15.7 (HTML deck); bullets 2.3; tables 15.1
# to 16.5 (HTML) and 17.5 (ODP).
#
# Then builds each file the same way, and a larger file of headings
# within a bound on CPU time.
#
# Then renders the ODP deck under a virtual memory limit too small for it:
# exit 3, only diagnostic lines ("minutes: ..."), never a raw line from a
# library, no output left.  Skipped (exit 0) under AddressSanitizer, whose
# shadow memory is no measure of ours.  Environment: MINUTES (default
# ./minutes), MEM_BYTES.
set -u
MINUTES=${MINUTES:-./minutes}
BYTES=${MEM_BYTES:-1000000}
TARGET=20		# bytes of memory per byte of input, every format
FLOOR_KB=40960		# the program itself

if [ -n "${ASAN_OPTIONS:-}" ]; then
	echo "check-memory: skipped under AddressSanitizer"
	exit 0
fi
[ -x /usr/bin/time ] || { echo "FAIL: /usr/bin/time not found"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-memory.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fail=0
n=0

head_notes='# Large meeting 2026-01-08\n\nPresent: Ann Lee, Bob Roe\n'
printf "$head_notes" > "$tmp/heads.md"
awk -v b="$BYTES" 'BEGIN { s = 0; n = 0; while (s < b) { n++
	l = sprintf("## Heading number %d\n\n", n); printf "%s", l
	s += length(l) } }' >> "$tmp/heads.md"
printf "$head_notes\n## Notes\n\n" > "$tmp/bullets.md"
awk -v b="$BYTES" 'BEGIN { s = 0; n = 0; while (s < b) { n++
	l = sprintf("- bullet point number %d\n", n); printf "%s", l
	s += length(l) } }' >> "$tmp/bullets.md"
printf "$head_notes\n## Notes\n\n" > "$tmp/tables.md"
awk -v b="$BYTES" 'BEGIN { s = 0; n = 0; while (s < b) { n++
	l = sprintf("| A%d | B | C |\n|---|---|---|\n| x %d | y | z |\n" \
	    "| u | v | w |\n\n", n, n); printf "%s", l
	s += length(l) } }' >> "$tmp/tables.md"

printf "$head_notes\n## Actions\n\n" > "$tmp/actions.md"
awk -v b="$BYTES" 'BEGIN { s = 0; n = 0; while (s < b) { n++
	l = sprintf("- ACTION: Ann Lee to review document number %d\n", n)
	printf "%s", l; s += length(l) } }' >> "$tmp/actions.md"

# measure NAME KIND FILE ARGS...: runs minutes ARGS and holds its peak
# resident size to the bound for FILE, the input of kind KIND.
measure() {
	name=$1 kind=$2 size=$(wc -c < "$3")
	shift 3
	limit=$((size * TARGET / 1024 + FLOOR_KB))
	n=$((n + 1))
	/usr/bin/time -f %M -o "$tmp/rss" "$MINUTES" "$@" > /dev/null \
	    2> "$tmp/stderr"
	st=$?
	if [ "$st" -gt 1 ]; then
		echo "FAIL $name $kind: exit $st"
		sed 's/^/    /' "$tmp/stderr" | head -3
		fail=1
		return
	fi
	rss=$(tail -n 1 "$tmp/rss")
	ratio=$(awk -v r="$rss" -v s="$size" \
	    'BEGIN { printf "%.1f", r * 1024 / s }')
	printf 'check-memory: %-12s %-7s %7d KB  %6s x input\n' \
	    "$name" "$kind" "$rss" "$ratio"
	if [ "$rss" -gt "$limit" ]; then
		echo "FAIL $name $kind: peak $rss KB, bound $limit KB" \
		    "($TARGET x $size bytes + $FLOOR_KB KB)"
		fail=1
	fi
}

# Every format of each file, to standard output: no flush to disk in
# the way.
for kind in heads bullets tables actions; do
	for fmt in $("$MINUTES" render --list-formats); do
		measure "$fmt" "$kind" "$tmp/$kind.md" render -f "$fmt" \
		    "$tmp/$kind.md"
	done
done

# A build of each file (every artefact, the series pages, the cache),
# within the same bound: each artefact written as it is made, none held
# whole, and the cache written and what it was given freed before the
# meetings are rendered.
for kind in heads bullets tables actions; do
	rm -rf "$tmp/out"
	measure build "$kind" "$tmp/$kind.md" build -q -j 1 -o "$tmp/out" \
	    "$tmp/$kind.md"
done

# A build is held to a cost in time too, measured in CPU seconds: a file
# of COST_BYTES (3,000,000) of headings builds in a few seconds, within
# COST_SECONDS (30); numbering each section's heading in the cache by a
# walk of the whole tree took over 90.
COST_BYTES=${COST_BYTES:-3000000}
COST_SECONDS=${COST_SECONDS:-30}
printf "$head_notes" > "$tmp/cost.md"
awk -v b="$COST_BYTES" 'BEGIN { s = 0; n = 0; while (s < b) { n++
	l = sprintf("## Heading number %d\n\n", n); printf "%s", l
	s += length(l) } }' >> "$tmp/cost.md"
rm -rf "$tmp/out"
(ulimit -t "$COST_SECONDS"; exec "$MINUTES" build -q -j 1 -o "$tmp/out" \
    "$tmp/cost.md") > /dev/null 2> "$tmp/stderr"
st=$?
if [ "$st" -gt 1 ]; then
	echo "FAIL build of $COST_BYTES bytes of headings: exit $st" \
	    "(over $COST_SECONDS CPU seconds: killed by SIGXCPU)"
	sed 's/^/    /' "$tmp/stderr" | head -3
	fail=1
fi
n=$((n + 1))

# Out of memory: diagnostics only, exit 3, nothing left.
(ulimit -v 60000; exec "$MINUTES" render -f odp -o "$tmp/out.odp" \
    "$tmp/heads.md") > /dev/null 2> "$tmp/stderr"
st=$?
if [ "$st" -ne 3 ]; then
	echo "FAIL odp under ulimit -v: exit $st, want 3"
	fail=1
fi
if grep -qv '^minutes: ' "$tmp/stderr"; then
	echo "FAIL odp under ulimit -v: a line that is not a diagnostic:"
	grep -v '^minutes: ' "$tmp/stderr" | head -3 | sed 's/^/    /'
	fail=1
fi
if ! grep -q 'heads.md: error: out of memory' "$tmp/stderr"; then
	echo "FAIL odp under ulimit -v: no out-of-memory diagnostic"
	sed 's/^/    /' "$tmp/stderr" | head -3
	fail=1
fi
[ -e "$tmp/out.odp" ] && { echo "FAIL odp under ulimit -v: output left"; fail=1; }

[ "$fail" -eq 0 ] && echo "check-memory: $n runs within $TARGET x input" \
    "+ $FLOOR_KB KB; out of memory reported cleanly"
exit $fail
