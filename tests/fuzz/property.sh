#!/bin/sh
# The property behind the fuzzer: outputs for inputs it generated still
# validate.  Takes up to N inputs of the fuzz corpus (spread over it in name
# order, so the sample is the same for the same corpus) and runs the DocBook
# and ODF schema checks over them.
#   property.sh CORPUS_DIR [N]
set -u
dir=$1 want=${2:-40}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
total=$(find "$dir" -type f | wc -l)
[ "$total" -gt 0 ] || { echo "FAIL: empty fuzz corpus $dir"; exit 1; }
step=$(( total / want )); [ "$step" -ge 1 ] || step=1
find "$dir" -type f | LC_ALL=C sort | awk -v s="$step" -v n="$want" \
    'NR % s == 0 && c < n { print; c++ }' | {
	i=0
	while read -r f; do
		i=$((i + 1))
		cp "$f" "$tmp/fuzz-$i.md"
	done
}
echo "property: $(ls "$tmp" | wc -l) fuzz-generated inputs"
fail=0
MINUTES_CORPUS=$tmp sh tests/check-docbook.sh || fail=1
MINUTES_CORPUS=$tmp sh tests/check-odf.sh || fail=1
exit $fail
