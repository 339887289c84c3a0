#!/bin/bash
# The benchmark (make bench): our times against reference tools measured
# in the same run, on tmpfs so that no disk flush is timed, as medians of
# RUNS runs (at least 5).  Prints one table:
#
#   case  ours  reference  ratio  target  met?
#
# where every ratio is reference / ours (bigger is better) and a case
# meets its target when its ratio is at least the target.  For the cases
# that have a budget rather than a reference tool (ms per meeting, peak
# memory), the reference is the budget.  Each row is timed by wall clock;
# the last column is the same ratio taken on CPU time (user + system),
# which a loaded machine disturbs less.  Any failed command stops the
# bench with an error: a figure is printed only for work that was done.
#
#   MINUTES       the program (default: the tree's ./minutes)
#   BENCH_BIN     folder of the drivers timeruns and md4c-html (build/bench)
#   RUNS          runs per figure, at least 5 (default 5)
#   BENCH_TMP     a tmpfs folder for inputs and outputs (default /dev/shm)
#   BENCH_SERIES  sizes of the generated series (default 100 1000 10000;
#                 10,000 takes about two minutes of the bench on two cores)
set -Eeuo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
MINUTES=${MINUTES:-$root/minutes}
BENCH_BIN=${BENCH_BIN:-$root/build/bench}
RUNS=${RUNS:-5}
BENCH_TMP=${BENCH_TMP:-/dev/shm}
BENCH_SERIES=${BENCH_SERIES:-100 1000 10000}
seed=$root/input/2017-07-06-ssr2-plenary.md
corpus=$root/tests/data/corpus

die() { echo "bench: $*" >&2; exit 1; }
trap 'echo "bench: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

[ "$RUNS" -ge 5 ] 2>/dev/null || die "RUNS must be a number of at least 5"
for tool in "$MINUTES" "$BENCH_BIN/timeruns" "$BENCH_BIN/md4c-html"; do
	[ -x "$tool" ] || die "$tool: not built (run make bench)"
done
for tool in pandoc cmark-gfm lowdown /usr/bin/time; do
	command -v "$tool" >/dev/null || die "$tool: not installed" \
	    "(tools/install-deps.sh --bench)"
done
[ -f "$seed" ] || die "$seed: missing"
ls "$corpus"/*.md >/dev/null || die "$corpus: no notes"

work=$(mktemp -d "$BENCH_TMP/minutes-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
fs=$(stat -f -c %T "$work")
[ "$fs" = tmpfs ] || [ "$fs" = ramfs ] ||
    die "$work is on $fs, not tmpfs: disk flushes would be timed (BENCH_TMP)"

# Inputs on tmpfs too: the seed meeting, the corpus, 1 MiB of notes, a
# one-line meeting (its date from the file name).
cp "$seed" "$work/seed.md"
mkdir "$work/corpus"
cp "$corpus"/*.md "$work/corpus/"
sh "$here/gen-notes.sh" big 1048576 "$work/big.md"
printf '# Weekly call\n' > "$work/2026-01-08-call.md"
big_bytes=$(wc -c < "$work/big.md")

# -j N is used when the program has it: -j 1 wherever one core is meant.
jobs=0 J1=() J2=()
help=$("$MINUTES" build --help)
if grep -Eq '(^|[[:space:],])-j' <<< "$help"; then
	jobs=1 J1=(-j 1) J2=(-j 2)
fi

# timeit RUNS PREPARE COMMAND...: sets T_WALL and T_CPU to the medians in
# seconds, after WARMUP (default 1) runs not counted.  PREPARE is a shell
# command run untimed before each run, or "".
timeit() {
	local n=$1 prep=$2 out
	shift 2
	if [ -n "$prep" ]; then
		out=$("$BENCH_BIN/timeruns" -n "$n" -w "${WARMUP:-1}" -p "$prep" -- "$@")
	else
		out=$("$BENCH_BIN/timeruns" -n "$n" -w "${WARMUP:-1}" -- "$@")
	fi
	read -r T_WALL T_CPU <<< "$out"
}

# peak_kib COMMAND...: the median over RUNS runs of the peak resident set
# size in KiB, as /usr/bin/time -v reports it.
peak_kib() {
	local i v=()
	for ((i = 0; i < RUNS; i++)); do
		/usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null
		v+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' \
		    "$work/time.txt")")
	done
	printf '%s\n' "${v[@]}" | sort -n | awk '{ v[NR] = $1 } END {
	    if (NR == 0) exit 1
	    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ms SECONDS: milliseconds with three significant figures.
ms() {
	awk -v s="$1" 'BEGIN { v = s * 1000
	    if (v < 10) f = "%.2f ms"; else if (v < 100) f = "%.1f ms";
	    else f = "%.0f ms"; printf f, v }'
}
# pct A B: A as a percentage of B.
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) exit 1; printf "%.1f %%", 100 * a / b }'; }
# div A B: A / B with three significant figures.
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) exit 1; printf "%.3g", a / b }'; }

# row CASE OURS REFERENCE RATIO TARGET CPU_RATIO: one line of the table;
# TARGET is the least ratio that meets it, or "-" for a figure reported.
rows=()
missed=0
row() {
	local met=-
	if [ "$5" != - ]; then
		met=$(awk -v r="$4" -v t="$5" 'BEGIN { print ((r + 0 >= t + 0) ? "met" : "missed") }')
		[ "$met" = met ] || missed=$((missed + 1))
	fi
	rows+=("$(printf '%-50s  %-20s  %-24s  %6s  %6s  %-6s  %6s' \
	    "$1" "$2" "$3" "$4" "$5" "$met" "$6")")
	echo "bench: $1: $2 vs $3" >&2
}

# need_files DIR COUNT: DIR holds COUNT meeting folders with every
# artefact; stops the bench otherwise.
artefacts="meeting.json minutes.html agenda.html blog.html blog-preview.html
minutes.xml minutes.odt agenda.odt slides.html slides.odp"
need_files() {
	local got a
	for a in $artefacts; do
		got=$(find "$1" -mindepth 2 -maxdepth 2 -name "$a" -size +0 | wc -l)
		[ "$got" -eq "$2" ] || die "$1: $got $a, expected $2"
	done
}
need_nonempty() { local f; for f; do [ -s "$f" ] || die "$f: not written"; done; }

fast=$((RUNS * 4))	# cases of a few ms: more runs cost little

# (a) The seed meeting, every artefact, against pandoc writing HTML,
# DocBook 5 and ODT of the same notes.
timeit "$fast" "rm -rf '$work/a'" "$MINUTES" build -q "${J1[@]}" -o "$work/a" "$work/seed.md"
need_files "$work/a" 1
ow=$T_WALL oc=$T_CPU
cat > "$work/pandoc3.sh" <<EOF
set -e
pandoc -f gfm -s -t html -o '$work/p.html' '$work/seed.md'
pandoc -f gfm -s -t docbook5 -o '$work/p.xml' '$work/seed.md'
pandoc -f gfm -t odt -o '$work/p.odt' '$work/seed.md'
EOF
timeit "$RUNS" "rm -f '$work/p.html' '$work/p.xml' '$work/p.odt'" sh "$work/pandoc3.sh"
need_nonempty "$work/p.html" "$work/p.xml" "$work/p.odt"
row "(a) seed meeting, every artefact vs pandoc 3 fmts" "$(ms "$ow")" \
    "$(ms "$T_WALL")" "$(div "$T_WALL" "$ow")" 100 "$(div "$T_CPU" "$oc")"

# (b) 1 MiB of notes to HTML, both writing a file: cmark-gfm with our
# four extensions (target: ours at most 1.5 times theirs, a ratio of at
# least 1/1.5), md4c's GitHub dialect and lowdown as further references.
timeit "$RUNS" "" "$MINUTES" render -q -t html -o "$work/big.html" "$work/big.md"
need_nonempty "$work/big.html"
ow=$T_WALL oc=$T_CPU
ours_big=$(ms "$ow")
cat > "$work/cmark.sh" <<EOF
exec cmark-gfm -e table -e strikethrough -e autolink -e tasklist \
    '$work/big.md' > '$work/big-cmark.html'
EOF
timeit "$RUNS" "" sh "$work/cmark.sh"
need_nonempty "$work/big-cmark.html"
row "(b) 1 MiB notes to HTML vs cmark-gfm, 4 extensions" "$ours_big" \
    "$(ms "$T_WALL")" "$(div "$T_WALL" "$ow")" 0.67 "$(div "$T_CPU" "$oc")"
timeit "$RUNS" "" "$BENCH_BIN/md4c-html" "$work/big.md" "$work/big-md4c.html"
need_nonempty "$work/big-md4c.html"
row "    1 MiB notes to HTML vs md4c (parse speed)" "$ours_big" \
    "$(ms "$T_WALL")" "$(div "$T_WALL" "$ow")" - "$(div "$T_CPU" "$oc")"
timeit "$RUNS" "" lowdown -s -thtml -o "$work/big-lowdown.html" "$work/big.md"
need_nonempty "$work/big-lowdown.html"
row "    1 MiB notes to HTML vs lowdown" "$ours_big" \
    "$(ms "$T_WALL")" "$(div "$T_WALL" "$ow")" - "$(div "$T_CPU" "$oc")"
ncorpus=$(ls "$work/corpus"/*.md | wc -l)
timeit "$RUNS" "rm -rf '$work/co'" "$MINUTES" build -q "${J1[@]}" -o "$work/co" "$work/corpus"
# A yearly file is split into its meetings: at least one folder a file.
nmeet=$(find "$work/co" -mindepth 1 -maxdepth 1 -type d | wc -l)
[ "$nmeet" -ge "$ncorpus" ] || die "corpus: $nmeet meetings from $ncorpus files"
need_files "$work/co" "$nmeet"
ow=$T_WALL oc=$T_CPU
cat > "$work/lowdown.sh" <<EOF
set -e
mkdir -p '$work/lo'
for f in '$work/corpus'/*.md; do
	n=\${f##*/}
	lowdown -s -thtml -o "$work/lo/\${n%.md}.html" "\$f"
done
EOF
timeit "$RUNS" "rm -rf '$work/lo'" sh "$work/lowdown.sh"
[ "$(ls "$work/lo" | wc -l)" -eq "$ncorpus" ] || die "lowdown wrote too few files"
row "    corpus ($ncorpus files, $nmeet meetings) vs lowdown HTML" "$(ms "$ow")" \
    "$(ms "$T_WALL")" "$(div "$T_WALL" "$ow")" - "$(div "$T_CPU" "$oc")"

# (c) Generated series: every artefact, ms per meeting against a budget
# of 1 ms; -j 2 against -j 1; a rebuild after one notes file changed
# against the full build, at -j 1 and -j 2, for every size (target at
# 1,000 meetings: the rebuild under 5 % of the full build, a ratio of at
# least 20).
incremental=unknown
for n in $BENCH_SERIES; do
	s=$work/series-$n o=$work/out-$n
	sh "$here/gen-notes.sh" series "$n" "$s"
	WARMUP=1
	[ "$n" -le 1000 ] || WARMUP=0	# a long run needs no warming up
	timeit "$RUNS" "rm -rf '$o'" "$MINUTES" build -q "${J1[@]}" -o "$o" "$s"
	need_files "$o" "$n"
	w1=$T_WALL c1=$T_CPU
	per1=$(awk -v t="$w1" -v n="$n" 'BEGIN { printf "%.6f", t / n }')
	cper1=$(awk -v t="$c1" -v n="$n" 'BEGIN { printf "%.6f", t / n }')
	row "(c) series of $n, every artefact, -j 1" "$(ms "$per1")/meeting" \
	    "1 ms/meeting budget" "$(div 0.001 "$per1")" 1 "$(div 0.001 "$cper1")"
	if [ "$jobs" = 1 ]; then
		timeit "$RUNS" "rm -rf '$o'" "$MINUTES" build -q "${J2[@]}" -o "$o" "$s"
		need_files "$o" "$n"
		w2=$T_WALL c2=$T_CPU
		per2=$(awk -v t="$T_WALL" -v n="$n" 'BEGIN { printf "%.6f", t / n }')
		row "    series of $n, -j 2 vs -j 1" "$(ms "$per2")/meeting" \
		    "$(ms "$per1")/meeting" "$(div "$per1" "$per2")" 1.8 "-"
	fi
	unset WARMUP
	# Incremental when a build with nothing changed rewrites nothing.
	touch "$work/stamp"
	sleep 0.01
	"$MINUTES" build -q "${J1[@]}" -o "$o" "$s"
	changed=$(find "$o" -mindepth 2 -name meeting.json -newer "$work/stamp" | wc -l)
	if [ "$changed" -eq 0 ]; then
		incremental=yes
		one=$(printf '%s/%05d.md' "$s" $(((n + 1) / 2)))
		target=-
		[ "$n" -ne 1000 ] || target=20
		WARMUP=1
		timeit "$RUNS" "echo 'One more line.' >> '$one'" \
		    "$MINUTES" build -q "${J1[@]}" -o "$o" "$s"
		need_files "$o" "$n"
		row "    series of $n, one file changed, -j 1" \
		    "$(ms "$T_WALL") ($(pct "$T_WALL" "$w1"))" \
		    "$(ms "$w1") full build" "$(div "$w1" "$T_WALL")" "$target" \
		    "$(div "$c1" "$T_CPU")"
		if [ "$jobs" = 1 ]; then
			timeit "$RUNS" "echo 'One more line.' >> '$one'" \
			    "$MINUTES" build -q "${J2[@]}" -o "$o" "$s"
			need_files "$o" "$n"
			row "    series of $n, one file changed, -j 2" \
			    "$(ms "$T_WALL") ($(pct "$T_WALL" "$w2"))" \
			    "$(ms "$w2") full build" "$(div "$w2" "$T_WALL")" \
			    "$target" "$(div "$c2" "$T_CPU")"
		fi
		unset WARMUP
	else
		incremental=no
	fi
	rm -rf "$s" "$o"
done

# (d) Peak memory of each format rendering 1 MiB of notes, against a
# budget of 20 times the input size.
budget_kib=$((20 * big_bytes / 1024))
for f in $("$MINUTES" render --list-formats); do
	kib=$(peak_kib "$MINUTES" render -q -t "$f" -o "$work/d.out" "$work/big.md")
	need_nonempty "$work/d.out"
	rm -f "$work/d.out"
	mult=$(awk -v k="$kib" -v b="$big_bytes" 'BEGIN { printf "%.0f", k * 1024 / b }')
	row "(d) peak memory, $f, 1 MiB notes" \
	    "$(awk -v k="$kib" 'BEGIN { printf "%.1f MiB", k / 1024 }') (${mult}x)" \
	    "$(awk -v k="$budget_kib" 'BEGIN { printf "%.1f MiB", k / 1024 }') (20x input)" \
	    "$(div "$budget_kib" "$kib")" 1 -
done

# (e) Start-up: a one-line meeting against an empty process.
timeit "$fast" "" true
tw=$T_WALL tc=$T_CPU
timeit "$fast" "" "$MINUTES" render -q -t html -o "$work/one.html" "$work/2026-01-08-call.md"
need_nonempty "$work/one.html"
over_render=$(awk -v a="$T_WALL" -v b="$tw" 'BEGIN { printf "%.6f", a - b }')
row "(e) one-line file to HTML vs empty process" "$(ms "$T_WALL")" \
    "$(ms "$tw") (true)" "$(div "$tw" "$T_WALL")" - "$(div "$tc" "$T_CPU")"
timeit "$fast" "rm -rf '$work/e'" "$MINUTES" build -q "${J1[@]}" -o "$work/e" "$work/2026-01-08-call.md"
need_files "$work/e" 1
over_build=$(awk -v a="$T_WALL" -v b="$tw" 'BEGIN { printf "%.6f", a - b }')
row "    one-line file, every artefact vs empty process" "$(ms "$T_WALL")" \
    "$(ms "$tw") (true)" "$(div "$tw" "$T_WALL")" - "$(div "$tc" "$T_CPU")"

echo
echo "minutes bench: medians of $RUNS runs ($fast for the cases of a few ms)," \
    "wall clock, on $fs; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ratio = reference / ours, bigger is better; met when ratio >= target;" \
    "cpu = the same ratio on user + system time"
printf '%-50s  %-20s  %-24s  %6s  %6s  %-6s  %6s\n' case ours reference \
    ratio target met? cpu
printf '%s\n' "${rows[@]}"
echo
echo "start-up over an empty process: $(ms "$over_render") to render one HTML," \
    "$(ms "$over_build") to build every artefact"
[ "$jobs" = 1 ] || echo "-j: not measured, 'minutes build --help' has no -j"
case $incremental in
no) echo "incremental builds: not measured, a rebuild with nothing changed rewrites every meeting" ;;
unknown) echo "incremental builds: not measured, no series (BENCH_SERIES)" ;;
esac
echo "targets missed: $missed"
