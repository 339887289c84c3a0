#!/bin/sh
# Runs the libFuzzer harness for FUZZ_SECONDS from a seed corpus of the
# example notes, the expected-output cases, the regression inputs and the
# real notes.  A crash leaves its input in $B/fuzz/artifacts and fails.
#   run.sh FUZZER SECONDS WORKDIR
set -eu
fuzzer=$1 seconds=$2 work=$3
corpus=${MINUTES_CORPUS:-tests/data/corpus}
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
cp input/*.md tests/cases/*.md "$work/seeds/"
[ -d "$corpus" ] && cp "$corpus"/*.md "$work/seeds/"
cp tests/fuzz/regressions/* "$work/seeds/" 2>/dev/null || true
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "$work/seeds"
