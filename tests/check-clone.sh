#!/bin/sh
# check-clone.sh -- the project needs nothing beside it: clones the
# repository (its committed HEAD) into an empty temporary folder, with no
# sibling folder or anything else next to it, and runs `make test` there,
# then `make run`, whose out/index.html must link the example meetings,
# the archive pages and archive.xml.
#
# Called by .ci/run before the rest.  The clone runs `make test` only
# (not .ci/run), so it never clones again, and the sanitizer and valgrind
# runs stay with the caller; MINUTES_IN_CLONE guards against a caller that
# would run this script from inside a clone all the same.
#
# Environment: JOBS (default 2), the make jobs of the clone's build.
set -eu
if [ -n "${MINUTES_IN_CLONE:-}" ]; then
	echo "check-clone: already in a clone; not cloning again"
	exit 0
fi
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-clone.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

git clone -q --no-hardlinks "$root" "$tmp/minutes"
cd "$tmp/minutes"
echo "check-clone: $(git log -1 --format='%h %s') in $tmp/minutes"
MINUTES_IN_CLONE=1 make -j"${JOBS:-2}" test
echo "check-clone: make test passed in a clone with nothing beside it"
# README's other command: out/index.html links the three example
# meetings and the archive pages and book, all written.
make run > "$tmp/run.log" 2>&1 ||
    { echo "check-clone: FAIL make run:"; tail -5 "$tmp/run.log"; exit 1; }
for f in 2017-06-29-ssr2-johannesburg/minutes.html \
    2017-07-06-ssr2-plenary/minutes.html 2017-07-20-ssr2-plenary/minutes.html \
    actions.html decisions.html attendance.html archive.xml; do
	grep -q "<a href=\"$f\"" out/index.html && [ -s "out/$f" ] ||
	    { echo "check-clone: FAIL make run: out/index.html, $f"; exit 1; }
done
grep -q "<svg " out/index.html ||
    { echo "check-clone: FAIL make run: no chart in out/index.html"; exit 1; }
echo "check-clone: make run wrote out/index.html linking the meetings and the archive"
