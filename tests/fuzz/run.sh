#!/bin/sh
# Runs each libFuzzer harness for SECONDS from its seed corpus and
# dictionary, and reports executions and executions per second of each and
# in all.  A crash, leak or timeout leaves its input in WORKDIR/NAME/
# artifacts and fails; copy it to tests/fuzz/regressions/NAME/ to keep it.
#   run.sh SECONDS WORKDIR NAME...	(fuzzer WORKDIR/fuzz_NAME)
# MINUTES names the program, used to make the reference-document seeds.
set -u
seconds=$1 work=$2
shift 2
corpus=${MINUTES_CORPUS:-tests/data/corpus}
total=0 fail=0

seeds() {	# seeds NAME DIR: the seed corpus of harness NAME into DIR
	case $1 in
	mustache)
		cp templates/html/*.html templates/html/partials/*.html "$2/" ;;
	cache)
		# The model records of the cache a build of the notes writes,
		# one payload a file (the file's records: kind, key, length
		# and sum, then the payload).
		"$MINUTES" build -q -j 1 -o "$2/out" input/*.md tests/cases/*.md \
		    $([ -d "$corpus" ] && echo "$corpus"/*.md) \
		    2>/dev/null
		python3 - "$2/out/.minutes-cache" "$2" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
p, i = data.index(b'\n') + 1, 0
while p + 81 <= len(data):
    n = int.from_bytes(data[p + 65:p + 73], 'little')
    if data[p:p + 1] == b'M':
        open('%s/model%d' % (sys.argv[2], i), 'wb').write(data[p + 81:p + 81 + n])
        i += 1
    p += 81 + n
PY
		rm -rf "$2/out" ;;
	refdoc)
		i=0
		for f in input/*.md; do
			i=$((i + 1))
			"$MINUTES" render -t odt -o "$2/seed$i.odt" "$f" 2>/dev/null
			"$MINUTES" render -t odp -o "$2/seed$i.odp" "$f" 2>/dev/null
		done ;;
	*)
		cp input/*.md tests/cases/*.md "$2/"
		[ -d "$corpus" ] && cp "$corpus"/*.md "$2/" ;;
	esac
	# Every finding is kept as a seed: render and notes take the notes
	# of parse too.
	for r in "$1" parse; do
		case $1:$r in mustache:parse|refdoc:parse|cache:parse) continue ;; esac
		[ -d "tests/fuzz/regressions/$r" ] &&
		    cp "tests/fuzz/regressions/$r"/* "$2/" 2>/dev/null
	done
	return 0
}

# The corpus a harness grows is kept in memory while it runs: every new
# input is a file created, and on a disk that churns its inodes (a build
# tree) creating them took a fifth of the parse harness's time.  It is
# copied to WORKDIR/NAME/corpus when the run ends, and read from there by
# the next run.
livedir() {
	for d in "${FUZZ_TMPDIR:-}" /dev/shm "${TMPDIR:-/tmp}"; do
		[ -n "$d" ] && [ -d "$d" ] && [ -w "$d" ] &&
		    mktemp -d "$d/minutes-fuzz.XXXXXX" 2>/dev/null && return 0
	done
	return 1
}
live=
trap 'rm -rf "$live"' EXIT
trap 'exit 1' INT TERM HUP

for name in "$@"; do
	dir=$work/$name
	mkdir -p "$dir/corpus" "$dir/seeds" "$dir/artifacts"
	seeds "$name" "$dir/seeds"
	# The read layer's cost grows with the input (about 1.3 us a byte
	# under the sanitizers): its conventions are line-sized, and 512
	# bytes hold a front matter and a few sections, at twice the
	# executions of 1024 for the same coverage.
	case $name in
	mustache) dict=tests/fuzz/mustache.dict max=4096 ;;
	refdoc) dict=tests/fuzz/zip.dict max=65536 ;;
	cache) dict=tests/fuzz/notes.dict max=65536 ;;
	parse) dict=tests/fuzz/notes.dict max=512 ;;
	render) dict=tests/fuzz/notes.dict max=4096 ;;
	*) dict=tests/fuzz/notes.dict max=65536 ;;
	esac
	live=$(livedir) || { echo "fuzz $name: no temporary folder"; exit 1; }
	# -reload=0: one process owns the corpus, so nothing else adds to
	# it; rereading its folder every few seconds only cost executions.
	"$work/fuzz_$name" -max_total_time="$seconds" -max_len="$max" -reload=0 \
	    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict="$dict" -artifact_prefix="$dir/artifacts/" \
	    "$live" "$dir/corpus" "$dir/seeds" > "$dir/log" 2>&1
	st=$?
	cp "$live"/* "$dir/corpus/" 2>/dev/null
	rm -rf "$live"
	live=
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
	runs=${runs:-0}
	total=$((total + runs))
	if [ "$st" -ne 0 ] || [ -n "$(ls -A "$dir/artifacts")" ]; then
		echo "fuzz $name: FAILED (exit $st) after $runs executions; see $dir/log"
		grep -E "ERROR|SUMMARY|Test unit written" "$dir/log" | head -5
		fail=1
	else
		echo "fuzz $name: $runs executions in ${seconds} s, $rate exec/s, corpus $(ls "$dir/corpus" | wc -l) inputs, no crash, leak or timeout"
	fi
done
echo "fuzz: $total executions in all"
exit $fail
