#!/bin/bash
# The output root is never left through a symbolic link: a link where a
# meeting's folder, an artefact, style.css or the old lock file should be
# is an error and its target is not touched.  Meetings whose folder names
# collide take a suffix from their own path, for any number of them.
# Prints FAIL lines.
set -u
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=1; }

mkdir -p "$tmp/in" "$tmp/target"
cat > "$tmp/in/call.md" <<'EOF'
---
title: Plenary call
date: 2026-01-08
attendees: [Ann Lee]
---
# Plenary call

- [ ] Send the notes @Ann due 2026-01-15
EOF
folder=2026-01-08-call
echo precious > "$tmp/target/minutes.html"

# build OUT: runs a build of $tmp/in into OUT; sets st and $tmp/err
build() {
	timeout 120 "$MINUTES" build -o "$1" "$tmp/in" > /dev/null 2> "$tmp/err"
	st=$?
}
# untouched: the link's target folder holds only what we put there
untouched() {
	[ "$(ls -A "$tmp/target")" = minutes.html ] &&
	    [ "$(cat "$tmp/target/minutes.html")" = precious ] ||
	    bad "$1: the link's target was written: $(ls -A "$tmp/target")"
}

# a link where a meeting's folder should be
mkdir "$tmp/o1"
ln -s "$tmp/target" "$tmp/o1/$folder"
build "$tmp/o1"
[ "$st" -eq 3 ] || bad "folder link: exit $st, want 3"
grep -q "$folder: error: cannot create folder: a symbolic link stands there; not followed" \
    "$tmp/err" || bad "folder link: $(cat "$tmp/err")"
untouched "folder link"
[ -L "$tmp/o1/$folder" ] || bad "folder link: the link was replaced"

# a link where an artefact should be, and where style.css should be
mkdir -p "$tmp/o2/$folder"
ln -s "$tmp/target/minutes.html" "$tmp/o2/$folder/minutes.html"
build "$tmp/o2"
[ "$st" -eq 3 ] && grep -q "cannot write minutes.html: a symbolic link stands there" "$tmp/err" ||
    bad "artefact link: exit $st: $(cat "$tmp/err")"
untouched "artefact link"
mkdir "$tmp/o3"
ln -s "$tmp/target/style.css" "$tmp/o3/style.css"
build "$tmp/o3"
[ "$st" -eq 3 ] && grep -q "cannot write style.css: a symbolic link" "$tmp/err" ||
    bad "style.css link: exit $st: $(cat "$tmp/err")"
untouched "style.css link"
[ -e "$tmp/target/style.css" ] && bad "style.css link: its target was created"

# a link where the lock file of older builds was: refused, not created
mkdir "$tmp/o4"
ln -s "$tmp/target/lock" "$tmp/o4/.minutes.lock"
build "$tmp/o4"
[ "$st" -eq 3 ] && grep -q "cannot lock: .minutes.lock is not a regular file" "$tmp/err" ||
    bad "lock link: exit $st: $(cat "$tmp/err")"
[ -e "$tmp/target/lock" ] && bad "lock link: its target was created"
untouched "lock link"

# the output root itself may be a link: the user named it
ln -s "$tmp/o5real" "$tmp/o5"
mkdir "$tmp/o5real"
build "$tmp/o5"
[ "$st" -eq 0 ] && [ -f "$tmp/o5real/$folder/minutes.html" ] ||
    bad "an output root that is a link: exit $st: $(cat "$tmp/err")"

# 150 notes files of one name in 150 folders: each its own folder, named
# from its own path, never a longer and longer name, never a failure
for i in $(seq 1 150); do
	mkdir -p "$tmp/dup/d$i"
	cp "$tmp/in/call.md" "$tmp/dup/d$i/call.md"
done
timeout 300 "$MINUTES" build -q -o "$tmp/o6" "$tmp"/dup/d* 2> "$tmp/err"
st=$?
[ "$st" -eq 0 ] || bad "150 duplicates: exit $st: $(head -3 "$tmp/err")"
n=$(ls "$tmp/o6" | grep -c "^$folder")
[ "$n" -eq 150 ] || bad "150 duplicates: $n folders"
long=$(ls "$tmp/o6" | grep -Ev "^($folder-[0-9a-f]{8}|style\.css|series\.json|actions\.csv|actions\.ics|index\.html|actions\.html|decisions\.html|attendance\.html|archive\.xml)\$")
[ -z "$long" ] || bad "150 duplicates: names beyond <name>-<hash>: $(echo "$long" | head -3)"
# the same meeting's folder whichever others are built with it
timeout 60 "$MINUTES" build -q -o "$tmp/o7" "$tmp/dup/d7" "$tmp/dup/d99" 2> "$tmp/err"
for d in d7 d99; do
	h=$(grep -l "dup/$d/call.md" "$tmp"/o6/*/meeting.json | xargs dirname | xargs basename)
	[ -d "$tmp/o7/$h" ] || bad "the folder of $d changed with the other inputs: $(ls "$tmp/o7")"
done

[ "$fail" -eq 0 ] && echo "output folder: all checks pass"
exit $fail
