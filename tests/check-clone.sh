#!/bin/sh
# check-clone.sh -- the project needs nothing beside it: clones the
# repository (its committed HEAD) into an empty temporary folder, with no
# sibling folder or anything else next to it, and runs `make test` there.
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
