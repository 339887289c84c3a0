#!/bin/bash
# The benchmark: our times against reference tools measured in the same
# run, as medians of RUNS runs.  Prints a table and the ratio lines.
set -eu
MINUTES=${MINUTES:-./minutes}
RUNS=${RUNS:-5}
corpus=${MINUTES_CORPUS:-tests/data/corpus}
seed=input/2017-07-06-ssr2-plenary.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median_time CMD...: prints the median wall time of RUNS runs, in seconds.
median_time() {
	local i t0 t1 times=()
	for ((i = 0; i < RUNS; i++)); do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s.%N)
		times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
	done
	printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 }
	    END { if (NR % 2) m = v[(NR + 1) / 2];
	          else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
	          printf "%.4f\n", m }'
}

# peak_rss CMD...: peak resident set size of one run, in MiB.
peak_rss() {
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 |
	    awk '{ printf "%.1f", $1 / 1024 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
row() { printf '%-44s %12s %12s %10s\n' "$@"; }

all_formats() {	# every artefact of one notes file
	"$MINUTES" build -o "$work/one" "$1"
}
pandoc_three() {
	pandoc -f gfm -s -t html -o "$work/p.html" "$1" &&
	pandoc -f gfm -s -t docbook5 -o "$work/p.xml" "$1" &&
	pandoc -f gfm -t odt -o "$work/p.odt" "$1"
}
corpus_ours() {
	"$MINUTES" build -o "$work/corpus" "$corpus"
}
corpus_lowdown() {
	local f
	for f in "$corpus"/*.md; do
		lowdown -s -thtml "$f" > "$work/l.html"
	done
}

sh tests/bench/gen-notes.sh big 1048576 "$work/big.md"

row "case" "ours (s)" "ref (s)" "ratio"
ours=$(median_time all_formats "$seed")
ref=$(median_time pandoc_three "$seed")
pandoc_ratio=$(ratio "$ref" "$ours")
row "seed meeting, all artefacts vs pandoc" "$ours" "$ref" "${pandoc_ratio}x"

ours=$(median_time "$MINUTES" render -f html -o "$work/big.html" "$work/big.md")
ref=$(median_time cmark-gfm -e table "$work/big.md")
cmark_ratio=$(ratio "$ours" "$ref")
row "1 MB notes, HTML vs cmark-gfm -e table" "$ours" "$ref" "${cmark_ratio}x"

ours=$(median_time corpus_ours)
ref=$(median_time corpus_lowdown)
lowdown_ratio=$(ratio "$ref" "$ours")
row "real corpus, all formats vs lowdown html" "$ours" "$ref" "${lowdown_ratio}x"

# full_build J IN OUT: a build from nothing; incr_build J IN OUT: one
# meeting of IN edited, then a rebuild (only that meeting is rendered).
full_build() { rm -rf "$3"; "$MINUTES" build -q -j "$1" -o "$3" "$2"; }
edits=0
incr_build() {
	edits=$((edits + 1))
	f=$(ls "$2"/*.md | head -1)
	printf '\nEdit %d after the call.\n' "$edits" >> "$f"
	"$MINUTES" build -q -j "$1" -o "$3" "$2"
}

echo
printf '%-10s %4s %12s %16s %14s %12s %8s\n' meetings -j "full (s)" \
    "per meeting (ms)" "peak RSS (MiB)" "1 edit (s)" "% full"
for n in 100 1000 10000; do
	sh tests/bench/gen-notes.sh series "$n" "$work/series-$n"
	RUNS_SAVED=$RUNS
	[ "$n" -ge 1000 ] && RUNS=1
	for j in 1 2; do
		t=$(median_time full_build "$j" "$work/series-$n" "$work/out-$n")
		rm -rf "$work/out-$n"
		rss=$(peak_rss "$MINUTES" build -q -j "$j" -o "$work/out-$n" \
		    "$work/series-$n")
		inc=$(median_time incr_build "$j" "$work/series-$n" "$work/out-$n")
		per=$(awk -v t="$t" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / n }')
		pct=$(awk -v a="$inc" -v b="$t" 'BEGIN { printf "%.1f", 100 * a / b }')
		printf '%-10s %4s %12s %16s %14s %12s %8s\n' "$n" "$j" "$t" "$per" \
		    "$rss" "$inc" "$pct"
	done
	RUNS=$RUNS_SAVED
	rm -rf "$work/out-$n" "$work/series-$n"
done
echo
echo "pandoc ratio: ${pandoc_ratio}x"
echo "cmark-gfm ratio: ${cmark_ratio}x"
echo "lowdown ratio: ${lowdown_ratio}x"
