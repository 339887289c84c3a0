#!/bin/sh
# check-memory.sh -- memory bounded by the input, in every format.
#
# Renders every format of three generated notes files of MEM_BYTES each
# (default 1,000,000): headings (one section and one slide each), bullets
# (one list), and small tables; /usr/bin/time gives the peak resident
# size.  Prints each figure as bytes of memory per byte of input and fails
# when one is over its bound: FACTOR times the input plus FLOOR for the
# program itself (libraries, tables, kept heap).  The target is 20 for
# every format; the cases below that do not meet it yet are held to the
# figure they have now at 1 MB and 5 MB, plus a margin, so that a growth
# fails here (bytes of memory per byte of input above the floor, at
# 5 MB: tables 20.3 (JSON) to 21.7 (HTML) and 22.4 (ODP), heading decks
# 24.4 (HTML) and 25.0 (ODP)):
#   - tables: our tree of a table is a node per row, per cell and per
#     cell text, 72 bytes each (about 23 bytes per byte of input), while
#     every output is written as it is made;
#   - the heading decks: a slide per heading, and each slide's title,
#     measure and part are kept for the whole deck; the agenda made of
#     every heading is a tree of 3 nodes an item while its slides are
#     made.  The deck holds no copy of the notes (its slides are made a
#     few at a time) and no output is held whole, so the list decks meet
#     the target.
# MEMORY_STRICT=1 applies the target of 20 to every case.
#
# Then renders the ODP deck under a virtual memory limit too small for it:
# exit 3, only diagnostic lines ("minutes: ..."), never a raw line from a
# library, no output left.  Skipped (exit 0) under AddressSanitizer, whose
# shadow memory is no measure of ours.  Environment: MINUTES (default
# ./minutes), MEM_BYTES.
set -u
MINUTES=${MINUTES:-./minutes}
BYTES=${MEM_BYTES:-1000000}
TARGET=20		# bytes of memory per byte of input
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
over=0

# factor KIND FORMAT: the bound, in bytes per input byte, of that case.
factor() {
	if [ "${MEMORY_STRICT:-0}" = 1 ]; then
		echo $TARGET
		return
	fi
	case $1:$2 in
	tables:*) echo 25 ;;
	heads:slides|heads:odp) echo 28 ;;
	*) echo $TARGET ;;
	esac
}

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

for kind in heads bullets tables; do
	f=$tmp/$kind.md
	size=$(wc -c < "$f")
	for fmt in $("$MINUTES" render --list-formats); do
		fac=$(factor "$kind" "$fmt")
		limit=$((size * fac / 1024 + FLOOR_KB))
		n=$((n + 1))
		# Standard output: no flush to disk in the way.
		/usr/bin/time -f %M -o "$tmp/rss" "$MINUTES" render -f "$fmt" \
		    "$f" > /dev/null 2> "$tmp/stderr"
		st=$?
		if [ "$st" -gt 1 ]; then
			echo "FAIL $fmt $kind: exit $st"
			sed 's/^/    /' "$tmp/stderr" | head -3
			fail=1
			continue
		fi
		rss=$(tail -n 1 "$tmp/rss")
		ratio=$(awk -v r="$rss" -v s="$size" \
		    'BEGIN { printf "%.1f", r * 1024 / s }')
		note=
		if [ "$rss" -gt $((size * TARGET / 1024 + FLOOR_KB)) ]; then
			note=" (over the target of $TARGET)"
			over=$((over + 1))
		fi
		printf 'check-memory: %-12s %-7s %7d KB  %6s x input%s\n' \
		    "$fmt" "$kind" "$rss" "$ratio" "$note"
		if [ "$rss" -gt "$limit" ]; then
			echo "FAIL $fmt $kind: peak $rss KB, bound $limit KB" \
			    "($fac x $size bytes + $FLOOR_KB KB)"
			fail=1
		fi
	done
done

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

[ "$fail" -eq 0 ] && echo "check-memory: $n runs within bounds," \
    "$over over the target of $TARGET; out of memory reported cleanly"
exit $fail
