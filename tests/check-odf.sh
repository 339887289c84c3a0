#!/bin/sh
# check-odf.sh -- every ODT minutes writes is a valid OpenDocument package.
#
# Renders `-f odt` and `-f agenda-odt` for input/*.md, tests/cases/*.md and
# the real notes of the corpus; checks that "mimetype" is the first entry,
# stored, and names the text media type; validates every content.xml,
# styles.xml and meta.xml against the OpenDocument 1.3 schema and every
# META-INF/manifest.xml against the manifest schema (one xmllint call per
# schema).  Prints what failed; exits 0 only when everything passed.
#
# Environment: MINUTES (default ./minutes), MINUTES_CORPUS (default
# tests/data/corpus from the project root), ODF_SCHEMAS (default
# tests/data/schemas/odf).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${MINUTES:-./minutes}
corpus=${MINUTES_CORPUS:-$root/tests/data/corpus}
schemas=${ODF_SCHEMAS:-$root/tests/data/schemas/odf}
rng=$schemas/OpenDocument-v1.3-schema.rng
mrng=$schemas/OpenDocument-v1.3-manifest-schema.rng
mime=application/vnd.oasis.opendocument.text

for tool in xmllint unzip; do
	command -v $tool >/dev/null 2>&1 ||
	    { echo "FAIL: $tool not found"; exit 1; }
done
for f in "$rng" "$mrng"; do
	[ -f "$f" ] || { echo "FAIL: $f not found"; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-odf.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir "$tmp/odt" "$tmp/x"
fail=0
n=0
docs=0

for f in "$root"/input/*.md "$root"/tests/cases/*.md "$corpus"/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	for fmt in odt agenda-odt; do
		name=$n-$fmt
		out=$tmp/odt/$name.odt
		"$MINUTES" render -f $fmt -o "$out" "$f" 2>"$tmp/stderr"
		rc=$?
		# 1 says the notes have errors; the file is written anyway.
		if [ $rc -gt 1 ] || [ ! -s "$out" ]; then
			echo "FAIL: render -f $fmt $f (exit $rc)"
			sed 's/^/  /' "$tmp/stderr"
			fail=1
			continue
		fi
		docs=$((docs + 1))
		printf '%s (%s)\n' "$f" $fmt >"$tmp/x/$name.src"
		first=$(unzip -Z1 "$out" 2>/dev/null | head -1)
		if [ "$first" != mimetype ]; then
			echo "FAIL: $fmt of $f: first entry is '$first'," \
			    "not mimetype"
			fail=1
		fi
		if ! unzip -v "$out" | awk '$NF == "mimetype"' |
		    grep -q ' Stored '; then
			echo "FAIL: $fmt of $f: mimetype is not stored"
			fail=1
		fi
		if [ "$(unzip -p "$out" mimetype)" != $mime ]; then
			echo "FAIL: $fmt of $f: mimetype is not $mime"
			fail=1
		fi
		mkdir "$tmp/x/$name"
		if ! unzip -q "$out" -d "$tmp/x/$name"; then
			echo "FAIL: $fmt of $f: unzip failed"
			fail=1
		fi
		for part in content.xml styles.xml meta.xml \
		    META-INF/manifest.xml; do
			[ -f "$tmp/x/$name/$part" ] && continue
			echo "FAIL: $fmt of $f: no $part"
			fail=1
		done
	done
done
[ "$docs" -gt 0 ] || { echo "FAIL: nothing rendered"; exit 1; }

# Names the notes behind an extracted part.
src() {
	cat "$tmp/x/$(echo "${1#"$tmp"/x/}" | cut -d/ -f1).src"
}

# One xmllint per schema; the names of failing files come back.
validate() {
	schema=$1
	shift
	if ! xmllint --noout --relaxng "$schema" "$@" >"$tmp/valid" 2>&1; then
		grep 'fails to validate' "$tmp/valid" | while read -r x _; do
			echo "FAIL: invalid ${x#"$tmp"/x/*/} of $(src "$x")"
			grep -F "$x:" "$tmp/valid" | head -5 | sed 's/^/  /'
		done
		grep -q 'fails to validate' "$tmp/valid" ||
		    sed 's/^/  /' "$tmp/valid" | head -20
		return 1
	fi
	return 0
}

validate "$rng" "$tmp"/x/*/content.xml "$tmp"/x/*/styles.xml \
    "$tmp"/x/*/meta.xml || fail=1
validate "$mrng" "$tmp"/x/*/META-INF/manifest.xml || fail=1

[ $fail -eq 0 ] && result=ok || result=FAILED
echo "check-odf: $docs packages from $n notes files" \
    "($((docs * 4)) parts validated): $result"
exit $fail
