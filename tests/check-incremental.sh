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
# A folder whose stamp is the one the manifest recorded is not read; the
# manifest made older than every folder (as a build long ago) leaves the
# stamps trusted, and anything removed, replaced or added in a folder
# since is still seen.
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
grep -q "	2017-07-06-ssr2-plenary	.*	[0-9]*:[0-9]*:[0-9.]*:[0-9.]*$" \
    "$tmp/out/.minutes-manifest" || bad "a kept folder has no stamp in the manifest"
touch -d '+1 minute' "$tmp/out/.minutes-manifest"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
[ "$rendered" = 0 ] || bad "stamps trusted: $rendered rendered, want 0"
touch -d '+1 minute' "$tmp/out/.minutes-manifest"
rm "$tmp/out/2017-07-06-ssr2-plenary/minutes.odt"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
[ "$rendered" = 1 ] && [ -f "$tmp/out/2017-07-06-ssr2-plenary/minutes.odt" ] ||
    bad "an artefact deleted from a stamped folder: $rendered rendered"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
touch -d '+1 minute' "$tmp/out/.minutes-manifest"
echo victim > "$tmp/victim"
rm "$tmp/out/2017-07-06-ssr2-plenary/agenda.html"
ln -s "$tmp/victim" "$tmp/out/2017-07-06-ssr2-plenary/agenda.html"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
[ "$rendered" = 1 ] && grep -q "agenda.html: a symbolic link stands there" "$tmp/err" &&
    [ "$(cat "$tmp/victim")" = victim ] ||
    bad "an artefact replaced by a symlink in a stamped folder: $rendered rendered"
rm "$tmp/out/2017-07-06-ssr2-plenary/agenda.html"
build -o "$tmp/out" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
# an incremental build gives what a full one gives
build -o "$tmp/full" --templates "$tmp/tpl" --max-rows 4 -M group=X "$tmp/in"
diff -r -x .minutes-manifest -x .minutes-cache -x mine -x README.txt \
    -x 2017-07-06-other "$tmp/full" "$tmp/out" > "$tmp/diff" || bad "incremental differs from full: $(head -5 "$tmp/diff")"

# unchanged notes are not read again: the cache keeps their identity
# (inode, size, modification and change times), recorded once a file is
# over a second old; an edit in place that keeps the size and sets the
# modification time back is still seen, by its change time
# unread: the -v count of notes files not read
unread() { sed -n 's/.*; \([0-9]*\) notes files\{0,1\} unchanged, not read$/\1/p' "$tmp/err"; }
mkdir "$tmp/id"
cp input/*.md "$tmp/id/"
sleep 2
build -v -o "$tmp/ido" "$tmp/id"
[ "$(unread)" = 0 ] && [ "$rendered" = 3 ] || bad "identity: a first build: $(unread) not read, $rendered rendered"
build -v -o "$tmp/ido" "$tmp/id"
[ "$(unread)" = 3 ] && [ "$rendered" = 0 ] || bad "identity: a rebuild: $(unread) of 3 not read, $rendered rendered"
f=$tmp/id/2017-07-20-ssr2-plenary.md
mt=$(stat -c %y "$f") size=$(stat -c %s "$f") ino=$(stat -c %i "$f")
off=$(grep -bo 'Johannesburg' "$f" | head -1 | cut -d: -f1)
[ -n "$off" ] || bad "identity: no word to edit in $f"
printf 'J0HANNESBURG' | dd of="$f" bs=1 seek="$off" conv=notrunc 2> /dev/null
touch -d "$mt" "$f"
[ "$(stat -c %y "$f") $(stat -c %s "$f") $(stat -c %i "$f")" = "$mt $size $ino" ] ||
    bad "identity: the edit changed the size, modification time or inode"
build -v -o "$tmp/ido" "$tmp/id"
[ "$rendered" = 1 ] && [ "$(unread)" = 2 ] ||
    bad "identity: an edit keeping size and times: $rendered rendered (want 1), $(unread) not read (want 2)"
grep -q 'J0HANNESBURG' "$tmp/ido/2017-07-20-ssr2-plenary/minutes.html" ||
    bad "identity: the edited meeting's minutes do not have the edit"
# and touching one file's times alone reads that file again, renders none
sleep 2
build -v -o "$tmp/ido" "$tmp/id"
touch "$tmp/id/2017-06-29-ssr2-johannesburg.md"
build -v -o "$tmp/ido" "$tmp/id"
[ "$rendered" = 0 ] && [ "$(unread)" = 2 ] ||
    bad "identity: a touched file: $rendered rendered, $(unread) not read (want 0, 2)"

# the cache of models and archive chapters (.minutes-cache): a rebuild
# parses only the notes that changed, splices the chapters of unchanged
# meetings into archive.xml, and gives what a clean build gives; a
# damaged, foreign or hostile cache is never trusted, and changes nothing
# but the time a build takes.
# vbuild ARGS...: build -v ARGS; sets counts to "PARSED CACHED PARTS"
# (notes files parsed and taken from the cache; parts of archive.xml,
# a chapter per meeting and the appendices, rendered) and pages to
# "kept" or "wrote" (the series pages)
vbuild() {
	build -v "$@"
	counts=$(sed -n 's/.*: \([0-9]*\) notes files\{0,1\} parsed, \([0-9]*\) from the cache; \([0-9]*\) parts\{0,1\} of archive.xml rendered.*/\1 \2 \3/p' "$tmp/err")
	pages=$(sed -n 's/^minutes: \([a-z]*\) .*series.json, actions.csv, actions.ics and the archive pages.*/\1/p' "$tmp/err")
}
# same A B: A and B hold the same files, byte for byte, but the cache and
# the folders' stamps in the manifest (a rebuild records the stamps of the
# folders it kept)
unstamped() { sed 's/^\(meeting	[^	]*	[^	]*	[^	]*\)	.*/\1/' "$1"; }
same() {
	diff -r -x .minutes-cache -x .minutes-manifest "$1" "$2" > "$tmp/diff" &&
	    diff <(unstamped "$1/.minutes-manifest") \
	    <(unstamped "$2/.minutes-manifest") > "$tmp/diff"
}
mkdir "$tmp/c"
cp input/*.md tests/data/corpus/*.md "$tmp/c/"
nc=$(ls "$tmp/c" | wc -l)
vbuild -o "$tmp/cc" "$tmp/c"
[ "$st" -eq 0 ] || [ "$st" -eq 1 ] || bad "cache: first build: exit $st"
set -- $counts
[ "${1:-x}" = "$nc" ] && [ "$2" = 0 ] && [ "$3" -gt "$nc" ] ||
    bad "cache: a first build: $counts (want $nc parsed, 0 cached)"
[ -f "$tmp/cc/.minutes-cache" ] || bad "cache: no .minutes-cache"
chapters=$3
vbuild -o "$tmp/cc" "$tmp/c"
[ "$counts" = "0 $nc 0" ] && [ "$rendered" = 0 ] && [ "$pages" = kept ] ||
    bad "cache: an unchanged rebuild: $counts, $rendered rendered, pages $pages"
build -o "$tmp/cf" "$tmp/c"
same "$tmp/cf" "$tmp/cc" || bad "cache: rebuild differs from a clean build: $(head -5 "$tmp/diff")"
# every meeting rendered again from cached models, each chapter again
vbuild --standalone -o "$tmp/cc" "$tmp/c"
[ "$counts" = "0 $nc $chapters" ] ||
    bad "cache: an option changed: $counts (want 0 $nc $chapters)"
build --standalone -o "$tmp/cs" "$tmp/c"
same "$tmp/cs" "$tmp/cc" || bad "cache: rendered from cached models differs: $(head -5 "$tmp/diff")"
# one file's prose edited: that file alone parsed, its chapter alone
# rendered, the series pages kept (nothing they show changed)
printf '\nOne more line.\n' >> "$tmp/c/2017-06-29-ssr2-johannesburg.md"
vbuild --standalone -o "$tmp/cc" "$tmp/c"
[ "$counts" = "1 $((nc - 1)) 1" ] && [ "$rendered" = 1 ] && [ "$pages" = kept ] ||
    bad "cache: prose edited: $counts, $rendered rendered, pages $pages (want 1 $((nc - 1)) 1, 1, kept)"
rm -rf "$tmp/cs"
build --standalone -o "$tmp/cs" "$tmp/c"
same "$tmp/cs" "$tmp/cc" || bad "cache: prose edited differs: $(head -5 "$tmp/diff")"
# a decision added: the pages and the appendices are made again
printf '\nDECISION: One more decision.\n' >> "$tmp/c/2017-06-29-ssr2-johannesburg.md"
vbuild --standalone -o "$tmp/cc" "$tmp/c"
[ "$counts" = "1 $((nc - 1)) 2" ] && [ "$rendered" = 1 ] && [ "$pages" = wrote ] ||
    bad "cache: a decision added: $counts, $rendered rendered, pages $pages (want 1 $((nc - 1)) 2, 1, wrote)"
grep -q "One more decision" "$tmp/cc/decisions.html" ||
    bad "cache: the new decision is not in decisions.html"
rm -rf "$tmp/cs"
build --standalone -o "$tmp/cs" "$tmp/c"
build -o "$tmp/cn" "$tmp/c"
same "$tmp/cs" "$tmp/cc" || bad "cache: a decision added differs: $(head -5 "$tmp/diff")"
# a page removed is made again, the others kept as they are
rm "$tmp/cc/actions.html"
vbuild --standalone -o "$tmp/cc" "$tmp/c"
[ "$pages" = wrote ] && same "$tmp/cs" "$tmp/cc" ||
    bad "cache: a removed page: pages $pages: $(head -5 "$tmp/diff")"
# damaged caches, each followed by builds that render every meeting
# (options toggled), compared with clean builds
# flip FILE OFFSET: the byte at OFFSET inverted
flip() {
	_b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
	printf "\\$(printf %03o $((255 - _b)))" |
	    dd of="$1" bs=1 seek="$2" conv=notrunc 2> /dev/null
}
size=$(stat -c %s "$tmp/cc/.minutes-cache")
cp "$tmp/cc/.minutes-cache" "$tmp/good-cache"
std=
for damage in truncate flip-front flip-middle flip-end header garbage empty; do
	cp "$tmp/good-cache" "$tmp/cc/.minutes-cache"
	case $damage in
	truncate) truncate -s $((size / 2)) "$tmp/cc/.minutes-cache" ;;
	flip-front) flip "$tmp/cc/.minutes-cache" 200 ;;
	flip-middle) flip "$tmp/cc/.minutes-cache" $((size / 2)) ;;
	flip-end) flip "$tmp/cc/.minutes-cache" $((size - 3)) ;;
	header) printf 'minutes-cache\t9\n' | dd of="$tmp/cc/.minutes-cache" bs=1 conv=notrunc 2> /dev/null ;;
	garbage) head -c "$size" /dev/urandom > "$tmp/cc/.minutes-cache" ;;
	empty) : > "$tmp/cc/.minutes-cache" ;;
	esac
	if [ -z "$std" ]; then std=--standalone want=$tmp/cs; else std= want=$tmp/cn; fi
	vbuild $std -o "$tmp/cc" "$tmp/c"
	[ "$st" -le 1 ] || bad "cache: $damage: exit $st: $(tail -3 "$tmp/err")"
	set -- $counts
	# what was damaged is made again; a file not read at all, all of it
	case $damage in
	header|garbage|empty) [ "${1:-x}" = "$nc" ] ||
	    bad "cache: $damage: $counts (want $nc parsed)" ;;
	*) [ "$(( ${1:-0} + ${3:-0} ))" -ge 1 ] ||
	    bad "cache: $damage: nothing made again: $counts" ;;
	esac
	same "$want" "$tmp/cc" || bad "cache: $damage: differs from a clean build: $(head -5 "$tmp/diff")"
	vbuild $std -o "$tmp/cc" "$tmp/c"
	[ "$counts" = "0 $nc 0" ] || bad "cache: $damage: not made whole again: $counts"
done
# a link or a folder where the cache goes: not followed, not an error
echo victim > "$tmp/victim"
rm "$tmp/cc/.minutes-cache"
ln -s "$tmp/victim" "$tmp/cc/.minutes-cache"
vbuild -o "$tmp/cc" "$tmp/c"
[ "$(cat "$tmp/victim")" = victim ] || bad "cache: a link was followed"
[ -f "$tmp/cc/.minutes-cache" ] && [ ! -L "$tmp/cc/.minutes-cache" ] ||
    bad "cache: the link was not replaced by the cache"
same "$tmp/cn" "$tmp/cc" || bad "cache: a link: differs: $(head -5 "$tmp/diff")"
rm "$tmp/cc/.minutes-cache"
mkdir "$tmp/cc/.minutes-cache"
vbuild -o "$tmp/cc" "$tmp/c"
[ "$st" -le 1 ] && grep -q "minutes-cache: not written" "$tmp/err" ||
    bad "cache: a folder in the way: exit $st: $(tail -2 "$tmp/err")"
same "$tmp/cn" "$tmp/cc" || bad "cache: a folder in the way: differs: $(head -5 "$tmp/diff")"
rmdir "$tmp/cc/.minutes-cache"

# -j 2 is byte-identical to -j 1, on enough meetings to spread
mkdir "$tmp/many"
for i in $(seq 1 8); do
	for f in input/*.md; do cp "$f" "$tmp/many/$i-$(basename "$f")"; done
done
build -j 1 -o "$tmp/j1" "$tmp/many"
[ "$st" -eq 0 ] && [ "$rendered" = 24 ] || bad "-j 1: exit $st, $rendered rendered"
build -j 2 -o "$tmp/j2" "$tmp/many"
[ "$st" -eq 0 ] && [ "$rendered" = 24 ] || bad "-j 2: exit $st, $rendered rendered"
diff -r -x .minutes-cache "$tmp/j1" "$tmp/j2" > "$tmp/diff" || bad "-j 2 differs from -j 1: $(head -5 "$tmp/diff")"
# the notes are parsed ahead in the workers: the same files, and the
# diagnostics in file order as -j 1 prints them (the corpus has files of
# several meetings and many warnings)
mkdir "$tmp/mixed"
cp "$tmp"/many/*.md tests/data/corpus/*.md "$tmp/mixed/"
build -j 1 -o "$tmp/m1" "$tmp/mixed"
[ "$st" -le 1 ] || bad "-j 1 mixed: exit $st"
sed "s|$tmp/m1|OUT|; s/, [0-9.]* s$//" "$tmp/err" > "$tmp/err1"
build -j 2 -o "$tmp/m2" "$tmp/mixed"
[ "$st" -le 1 ] || bad "-j 2 mixed: exit $st"
sed "s|$tmp/m2|OUT|; s/, [0-9.]* s$//" "$tmp/err" > "$tmp/err2"
diff -r -x .minutes-cache "$tmp/m1" "$tmp/m2" > "$tmp/diff" || bad "-j 2 mixed differs from -j 1: $(head -5 "$tmp/diff")"
diff "$tmp/err1" "$tmp/err2" > "$tmp/diff" || bad "-j 2 says otherwise than -j 1: $(head -5 "$tmp/diff")"
grep -q "warning" "$tmp/err1" || bad "-j: no diagnostics to compare"
build -o "$tmp/j0" "$tmp/many"
# few open files allowed: the meetings go in place in batches of 4 (one
# flush each), in one process and in two, with the same files
for j in 1 2; do
	(ulimit -n 72 && build -j $j -o "$tmp/b$j" "$tmp/many" && [ "$st" -eq 0 ] &&
	    [ "$rendered" = 24 ]) || bad "-j $j in batches: $(cat "$tmp/err")"
	diff -r -x .minutes-cache "$tmp/j1" "$tmp/b$j" > "$tmp/diff" ||
	    bad "-j $j in batches differs: $(head -5 "$tmp/diff")"
done
diff -r -x .minutes-cache "$tmp/j1" "$tmp/j0" > /dev/null || bad "the default -j differs from -j 1"
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
