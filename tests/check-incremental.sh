#!/bin/bash
# Folders, manifest, parallel and incremental builds: a meeting's folder
# does not move when other files are added, removed or renamed; a build
# removes the folders it made for meetings gone and nothing else; -j 2 is
# byte-identical to -j 1; a rebuild re-renders only what changed; a
# progress line on a terminal only.  Prints FAIL lines; exit 1 on any.
set -u
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=1; }

# build ARGS...: minutes build ARGS, stderr in $tmp/err; sets st and
# rendered (the summary's count of meetings rendered)
build() {
	timeout 300 "$MINUTES" build "$@" > /dev/null 2> "$tmp/err"
	st=$?
	rendered=$(sed -n 's/.* meetings\{0,1\}, \([0-9]*\) rendered,.*/\1/p' "$tmp/err" | tail -1)
}
# folders OUT: the meeting folders of OUT, one a line
folders() { (cd "$1" && ls -d -- */ | tr -d /); }

cp -r input "$tmp/in"
build -o "$tmp/out" "$tmp/in"
[ "$st" -eq 0 ] && [ "$rendered" = 3 ] || bad "first build: exit $st, $rendered rendered"
[ "$(folders "$tmp/out" | tr '\n' ' ')" = \
    "2017-06-29-ssr2-johannesburg 2017-07-06-ssr2-plenary 2017-07-20-ssr2-plenary " ] ||
    bad "folders are not <date>-<file>: $(folders "$tmp/out" | tr '\n' ' ')"
[ -f "$tmp/out/.minutes-manifest" ] || bad "no manifest"

# a title change moves nothing and leaves no stale folder
sed -i 's/^title: .*/title: A new title for the call/' "$tmp/in/2017-07-06-ssr2-plenary.md"
build -o "$tmp/out" "$tmp/in"
[ "$(folders "$tmp/out" | wc -l)" -eq 3 ] || bad "a title change made a new folder"

# adding a file moves no other meeting; a foreign file and folder stay
cat > "$tmp/in/extra.md" <<'EOF'
---
title: Extra call
date: 2017-07-06
attendees: [Ann Lee]
---
# Extra call

- [ ] Send the notes @Ann due 2017-07-13
EOF
mkdir "$tmp/out/mine"
echo mine > "$tmp/out/mine/notes.txt"
echo mine > "$tmp/out/README.txt"
folders "$tmp/out" | grep -v '^mine$' > "$tmp/before"
build -o "$tmp/out" "$tmp/in"
# (it and the two meetings either side, whose previous/next links change)
[ "$rendered" = 3 ] || bad "adding one file rendered $rendered meetings, want 3"
folders "$tmp/out" > "$tmp/after"
for f in $(cat "$tmp/before"); do
	grep -qx "$f" "$tmp/after" || bad "adding a file moved $f"
done
grep -qx "2017-07-06-extra" "$tmp/after" || bad "the new meeting's folder: $(cat "$tmp/after")"

# renaming a file: its folder follows, the old one is removed
mv "$tmp/in/extra.md" "$tmp/in/other.md"
build -o "$tmp/out" "$tmp/in"
[ -d "$tmp/out/2017-07-06-other" ] && [ ! -e "$tmp/out/2017-07-06-extra" ] ||
    bad "rename: $(folders "$tmp/out" | tr '\n' ' ')"
grep -q "1 removed" "$tmp/err" || bad "rename: the summary does not count the removal"
# removing a file removes its folder; a folder holding a foreign file
# keeps that file and stays
echo foreign > "$tmp/out/2017-07-06-other/mine.txt"
rm "$tmp/in/other.md"
build -o "$tmp/out" "$tmp/in"
[ "$(ls -A "$tmp/out/2017-07-06-other" 2>/dev/null)" = mine.txt ] ||
    bad "removal: the foreign file's folder: $(ls -A "$tmp/out/2017-07-06-other" 2>&1)"
grep -q "2017-07-06-other: note: folder of a meeting no longer built; kept" "$tmp/err" ||
    bad "removal: no note about the kept folder: $(cat "$tmp/err")"
[ "$(cat "$tmp/out/mine/notes.txt")" = mine ] && [ "$(cat "$tmp/out/README.txt")" = mine ] ||
    bad "a foreign file was touched"
# a forged manifest never makes a build leave the output root or remove
# what it did not make
printf 'minutes-manifest\t1\nmeeting\t..\tx\tx\nmeeting\t../../etc\tx\tx\nmeeting\tmine\tx\tx\nfile\t../README.txt\n' \
    > "$tmp/out/.minutes-manifest"
build -o "$tmp/out" "$tmp/in"
[ "$(cat "$tmp/out/mine/notes.txt")" = mine ] && [ -d "$tmp/out/mine" ] ||
    bad "a forged manifest removed a foreign folder"
[ "$st" -eq 0 ] && [ "$rendered" = 3 ] || bad "a forged manifest: exit $st, $rendered rendered"

# incremental: nothing changed, nothing rendered; one meeting edited,
# one rendered; a template or an option changed, all rendered
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 0 ] || bad "an unchanged rebuild rendered $rendered"
touch "$tmp/in"/*.md
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 0 ] || bad "touching the notes rendered $rendered"
# a new program renders everything again: another file of it, then
# that file changed; the same program again renders nothing
cp "$MINUTES" "$tmp/prog"
real=$MINUTES
MINUTES=$tmp/prog
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 3 ] || bad "another program file rendered $rendered, want 3"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 0 ] || bad "the same program again rendered $rendered"
printf '\0' >> "$tmp/prog"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 3 ] || bad "a changed program rendered $rendered, want 3"
MINUTES=$real
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 3 ] || bad "the first program again rendered $rendered, want 3"
printf '\nA line added after the call.\n' >> "$tmp/in/2017-07-20-ssr2-plenary.md"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 1 ] || bad "editing one meeting rendered $rendered, want 1"
grep -q "A line added after the call" "$tmp/out/2017-07-20-ssr2-plenary/minutes.html" ||
    bad "the edited meeting's minutes do not have the new line"
mkdir -p "$tmp/tpl/html"
cp templates/html/style.css "$tmp/tpl/html/style.css"
build -o "$tmp/out" --templates "$tmp/tpl" "$tmp/in"
[ "$rendered" = 3 ] || bad "a templates folder rendered $rendered, want 3"
build -o "$tmp/out" --templates "$tmp/tpl" "$tmp/in"
[ "$rendered" = 0 ] || bad "the same templates again rendered $rendered"
echo '/* changed */' >> "$tmp/tpl/html/style.css"
build -o "$tmp/out" --templates "$tmp/tpl" "$tmp/in"
[ "$rendered" = 3 ] || bad "a changed template rendered $rendered, want 3"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 "$tmp/in"
[ "$rendered" = 3 ] || bad "a changed option rendered $rendered, want 3"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
[ "$rendered" = 3 ] || bad "a -M option rendered $rendered, want 3"
rm "$tmp/out/2017-07-06-ssr2-plenary/slides.odp"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
[ "$rendered" = 1 ] && [ -f "$tmp/out/2017-07-06-ssr2-plenary/slides.odp" ] ||
    bad "a deleted artefact: $rendered rendered"
# an incremental build gives what a full one gives
build -o "$tmp/full" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
diff -r -x .minutes-manifest -x mine -x README.txt -x 2017-07-06-other \
    "$tmp/full" "$tmp/out" > "$tmp/diff" || bad "incremental differs from full: $(head -5 "$tmp/diff")"

# -j 2 is byte-identical to -j 1, on enough meetings to spread
mkdir "$tmp/many"
for i in $(seq 1 8); do
	for f in input/*.md; do cp "$f" "$tmp/many/$i-$(basename "$f")"; done
done
build -j 1 -o "$tmp/j1" "$tmp/many"
[ "$st" -eq 0 ] && [ "$rendered" = 24 ] || bad "-j 1: exit $st, $rendered rendered"
build -j 2 -o "$tmp/j2" "$tmp/many"
[ "$st" -eq 0 ] && [ "$rendered" = 24 ] || bad "-j 2: exit $st, $rendered rendered"
diff -r "$tmp/j1" "$tmp/j2" > "$tmp/diff" || bad "-j 2 differs from -j 1: $(head -5 "$tmp/diff")"
build -o "$tmp/j0" "$tmp/many"
# few open files allowed: the meetings go in place in batches of 4 (one
# flush each), in one process and in two, with the same files
for j in 1 2; do
	(ulimit -n 72 && build -j $j -o "$tmp/b$j" "$tmp/many" && [ "$st" -eq 0 ] &&
	    [ "$rendered" = 24 ]) || bad "-j $j in batches: $(cat "$tmp/err")"
	diff -r "$tmp/j1" "$tmp/b$j" > "$tmp/diff" ||
	    bad "-j $j in batches differs: $(head -5 "$tmp/diff")"
done
diff -r "$tmp/j1" "$tmp/j0" > /dev/null || bad "the default -j differs from -j 1"
for j in 0 x 257; do
	timeout 60 "$MINUTES" build -j "$j" -o "$tmp/jx" "$tmp/in" 2> "$tmp/err"
	[ $? -eq 2 ] || bad "-j $j is not a usage error"
done

# progress: on a terminal for a build over a second, never elsewhere
mkdir "$tmp/lots"
for i in $(seq 1 30); do
	for f in input/*.md; do cp "$f" "$tmp/lots/$i-$(basename "$f")"; done
done
t0=$(date +%s%N)
script -qec "$MINUTES build -j 1 -o $tmp/p1 $tmp/lots" "$tmp/tty.log" > /dev/null 2>&1 < /dev/null
t1=$(date +%s%N)
if [ $(( (t1 - t0) / 1000000 )) -gt 1500 ]; then
	grep -q "minutes: rendering [0-9]* of 90 meetings" "$tmp/tty.log" ||
	    bad "no progress line on a terminal: $(tail -c 300 "$tmp/tty.log")"
fi
grep -q "90 meetings, 90 rendered" "$tmp/tty.log" || bad "no summary on the terminal"
build -j 1 -o "$tmp/p2" "$tmp/lots"
grep -q "rendering" "$tmp/err" && bad "a progress line when stderr is not a terminal"
rm -rf "$tmp/p1"
script -qec "$MINUTES build -q -j 1 -o $tmp/p1 $tmp/lots" "$tmp/tty.log" > /dev/null 2>&1 < /dev/null
grep -q "rendering\|meetings" "$tmp/tty.log" && bad "-q does not silence the progress and summary"

[ "$fail" -eq 0 ] && echo "incremental builds: all checks pass"
exit $fail
