#!/bin/bash
# Nothing lost: a build killed with SIGKILL at many points leaves every
# artefact either complete old or complete new, never partial or missing;
# two builds into one folder at once both succeed; inputs are never written.
set -u
MINUTES=${MINUTES:-./minutes}
POINTS=${KILL_POINTS:-25}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

# sums DIR: "path checksum" of every artefact, sorted; the manifest's
# without the folders' stamps (a rebuild records those of the folders it
# kept)
sums() {
	(cd "$1" && find . -type f ! -name '.minutes.lock' ! -name '*.tmp.*' \
	    ! -name .minutes-manifest -exec sha256sum {} + |
	    awk '{ print $2, $1 }' | LC_ALL=C sort
	[ ! -f .minutes-manifest ] || echo "./.minutes-manifest $(sed \
	    's/^\(meeting	[^	]*	[^	]*	[^	]*\)	.*/\1/' .minutes-manifest |
	    sha256sum)")
}

cp -r input "$tmp/in"
"$MINUTES" build -o "$tmp/old" "$tmp/in" 2>/dev/null
for f in "$tmp"/in/*.md; do
	printf '\nA paragraph added after the call.\n' >> "$f"
done
# Every build below finds the notes over a second old, so that each one
# records their identities in the cache alike (cache.h, cache_put_notes())
# and a rebuild's cache is the new one, byte for byte.
sleep 2
before=$(cd "$tmp/in" && sha256sum ./*.md)
t0=$(date +%s%N)
"$MINUTES" build -o "$tmp/new" "$tmp/in" 2>/dev/null
t1=$(date +%s%N)
span=$(( (t1 - t0) / 1000 ))	# microseconds for a whole build
sums "$tmp/old" > "$tmp/old.sums"
sums "$tmp/new" > "$tmp/new.sums"
if cmp -s "$tmp/old.sums" "$tmp/new.sums"; then
	echo "FAIL: the new notes give the same artefacts"; exit 1
fi

for ((k = 0; k <= POINTS; k++)); do
	rm -rf "$tmp/victim"
	cp -r "$tmp/old" "$tmp/victim"
	"$MINUTES" build -o "$tmp/victim" "$tmp/in" 2>/dev/null &
	pid=$!
	sleep "$(awk -v u=$((span * k / POINTS)) 'BEGIN { printf "%.6f", u / 1e6 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	sums "$tmp/victim" > "$tmp/victim.sums"
	# every artefact of the old build is still there ...
	if [ "$(cut -d' ' -f1 "$tmp/victim.sums")" != "$(cut -d' ' -f1 "$tmp/old.sums")" ]; then
		echo "FAIL kill point $k: artefacts missing or added"
		diff <(cut -d' ' -f1 "$tmp/old.sums") <(cut -d' ' -f1 "$tmp/victim.sums")
		fail=1
	fi
	# ... and each is the complete old or the complete new one
	while read -r path sum; do
		if ! grep -qxF "$path $sum" "$tmp/old.sums" &&
		    ! grep -qxF "$path $sum" "$tmp/new.sums"; then
			echo "FAIL kill point $k: $path is neither old nor new"
			fail=1
		fi
	done < "$tmp/victim.sums"
done

# a later build finishes the job and clears what the killed one left
"$MINUTES" build -o "$tmp/victim" "$tmp/in" 2>/dev/null
if [ -n "$(find "$tmp/victim" -name '*.tmp.*')" ]; then
	echo "FAIL: temporary files left after a complete build"; fail=1
fi
sums "$tmp/victim" > "$tmp/victim.sums"
cmp -s "$tmp/victim.sums" "$tmp/new.sums" || { echo "FAIL: rebuild differs"; fail=1; }

# the same for what a build killed while writing the root's own files left
# there: a build with nothing to render still clears each of them
for f in .minutes-manifest .minutes-cache style.css index.html archive.xml; do
	: > "$tmp/victim/$f.tmp.Ab12Cd"
done
"$MINUTES" build -o "$tmp/victim" "$tmp/in" 2>/dev/null
left=$(cd "$tmp/victim" && find . -maxdepth 1 -name '*.tmp.*')
[ -z "$left" ] || { echo "FAIL: temporary files left at the root:" $left; fail=1; }

# two builds into one folder at once
rm -rf "$tmp/both"
"$MINUTES" build -o "$tmp/both" "$tmp/in" 2>/dev/null & a=$!
"$MINUTES" build -o "$tmp/both" "$tmp/in" 2>/dev/null & b=$!
wait "$a"; sa=$?
wait "$b"; sb=$?
if [ "$sa" -ne 0 ] || [ "$sb" -ne 0 ]; then
	echo "FAIL concurrent builds: exit $sa and $sb"; fail=1
fi
sums "$tmp/both" > "$tmp/both.sums"
cmp -s "$tmp/both.sums" "$tmp/new.sums" || { echo "FAIL: concurrent builds differ"; fail=1; }

# inputs are never written
after=$(cd "$tmp/in" && sha256sum ./*.md)
[ "$before" = "$after" ] || { echo "FAIL: an input changed"; fail=1; }

[ "$fail" -eq 0 ] && echo "kill: $((POINTS + 1)) kill points, concurrent builds, inputs intact"
exit $fail
