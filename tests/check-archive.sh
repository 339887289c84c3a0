#!/bin/bash
# The archive across meetings: the previous/next links of each meeting's
# minutes follow the series when meetings are added or retitled (an
# incremental build re-renders the neighbours whose links changed, and
# only those).  Prints FAIL lines; exit 1 on any.  Run from the project
# root; MINUTES names the program.
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
# meeting DATE TITLE: notes of a small meeting
meeting() {
	printf -- '---\ntitle: %s\ndate: %s\nattendees: [Ann Lee, Bob Ray]\n---\n# %s\n\n- [ ] Send the notes @Ann due %s\n' \
	    "$2" "$1" "$2" "$1"
}
# links FOLDER: the prev and next hrefs of FOLDER's minutes, one a line
links() {
	grep -o 'href="[^"]*" rel="\(prev\|next\)"' "$tmp/out/$1/minutes.html" |
	    sed 's/href="\([^"]*\)" rel="\(.*\)"/\2 \1/'
}

mkdir "$tmp/in"
meeting 2020-01-09 "January call" > "$tmp/in/2020-01-09-call.md"
meeting 2020-03-12 "March call" > "$tmp/in/2020-03-12-call.md"
meeting 2020-04-09 "April call" > "$tmp/in/2020-04-09-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$st" -eq 0 ] && [ "$rendered" = 3 ] || bad "first build: exit $st, $rendered rendered"
[ "$(links 2020-01-09-call)" = "next ../2020-03-12-call/minutes.html" ] ||
    bad "January links: $(links 2020-01-09-call | tr '\n' ' ')"

# a meeting added between two: it and both neighbours are rendered,
# the meeting after them is not
meeting 2020-04-30 "Late April call" > "$tmp/in/2020-04-30-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 2 ] || bad "a meeting added last rendered $rendered, want 2 (it and the one before)"
cp "$tmp/out/2020-01-09-call/minutes.html" "$tmp/jan.html"
meeting 2020-02-13 "February call" > "$tmp/in/2020-02-13-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$st" -eq 0 ] && [ "$rendered" = 3 ] ||
    bad "a meeting added between two: exit $st, $rendered rendered, want 3"
[ "$(links 2020-01-09-call | tr '\n' ' ')" = "next ../2020-02-13-call/minutes.html " ] ||
    bad "January after February was added: $(links 2020-01-09-call | tr '\n' ' ')"
[ "$(links 2020-02-13-call | tr '\n' ' ')" = \
    "prev ../2020-01-09-call/minutes.html next ../2020-03-12-call/minutes.html " ] ||
    bad "February: $(links 2020-02-13-call | tr '\n' ' ')"
[ "$(links 2020-03-12-call | head -1)" = "prev ../2020-02-13-call/minutes.html" ] ||
    bad "March after February was added: $(links 2020-03-12-call | tr '\n' ' ')"
grep -q 'February call' "$tmp/out/2020-01-09-call/minutes.html" ||
    bad "January's minutes do not name the February call"

# a retitled meeting: its neighbours show the new title
sed -i 's/^title: .*/title: February plenary/' "$tmp/in/2020-02-13-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 3 ] || bad "a retitled meeting rendered $rendered, want 3"
grep -q 'February plenary' "$tmp/out/2020-03-12-call/minutes.html" ||
    bad "March does not show February's new title"

# removing it links January and March again; every link resolves
rm "$tmp/in/2020-02-13-call.md"
build -o "$tmp/out" "$tmp/in"
[ "$rendered" = 2 ] || bad "a meeting removed rendered $rendered, want 2"
cmp -s "$tmp/jan.html" "$tmp/out/2020-01-09-call/minutes.html" ||
    bad "January differs from before February was added"
for f in "$tmp"/out/*/minutes.html; do
	for h in $(grep -o 'href="\.\./[^"#]*"' "$f" | sed 's/href="\(.*\)"/\1/'); do
		[ -f "$(dirname "$f")/$h" ] || bad "$f links $h, which does not exist"
	done
done
# and an incremental build gives what a full one gives
build -o "$tmp/full" "$tmp/in"
diff -r -x .minutes-manifest "$tmp/full" "$tmp/out" > "$tmp/diff" ||
    bad "incremental differs from full: $(head -5 "$tmp/diff")"

[ "$fail" -eq 0 ] && echo "archive: all checks pass"
exit $fail
