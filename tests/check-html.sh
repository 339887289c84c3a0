#!/bin/sh
# The Nu HTML checker over every HTML page minutes writes.  For each notes
# file of input/, tests/cases/, tests/hostile/ and the real corpus: the
# minutes (html), the agenda, the blog preview, and the blog fragment
# wrapped in a minimal HTML5 document; plus the pages of a build of input/
# (stylesheet linked, not inlined) and the archive pages of a generated
# 30-meeting series.  vnu runs once on all of them with
# --errors-only; any error fails.  vnu-jar is installed with npm into
# $VNU_DIR (default build/vnu) the first time.  Run from the project root;
# MINUTES names the program, MINUTES_CORPUS the real notes.
set -u
MINUTES=${MINUTES:-./minutes}
CORPUS=${MINUTES_CORPUS:-tests/data/corpus}
VNU_DIR=${VNU_DIR:-build/vnu}
jar=$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar

if ! command -v java >/dev/null 2>&1; then
	echo "FAIL: java not found (Debian: default-jre-headless)"
	exit 1
fi
if [ ! -f "$jar" ]; then
	mkdir -p "$VNU_DIR" &&
	npm install --prefix "$VNU_DIR" --ignore-scripts --no-audit \
	    --no-fund vnu-jar >/dev/null 2>&1
	if [ ! -f "$jar" ]; then
		echo "FAIL: cannot install vnu-jar into $VNU_DIR"
		exit 1
	fi
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0 pages=0

# render FORMAT NOTES OUT: a render that exits 0 or 1 (input warnings or
# errors) must still write its page.
render() {
	"$MINUTES" render -f "$1" -o "$3" "$2" 2>/dev/null
	st=$?
	if [ "$st" -gt 1 ] || [ ! -s "$3" ]; then
		echo "FAIL $2: render -f $1 exited $st"
		fail=1
		return 1
	fi
	pages=$((pages + 1))
	return 0
}

for md in input/*.md tests/cases/*.md tests/hostile/*.md "$CORPUS"/*.md; do
	[ -f "$md" ] || continue
	n=$((n + 1))
	case $md in
	input/*)	tag=input ;;
	tests/cases/*)	tag=case ;;
	tests/*)	tag=hostile ;;
	*)		tag=corpus ;;
	esac
	base=$tmp/$tag-$(basename "$md" .md)
	render html "$md" "$base.minutes.html"
	render agenda "$md" "$base.agenda.html"
	render blog-preview "$md" "$base.blog-preview.html"
	if render blog "$md" "$base.blog.frag"; then
		{
			printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
			printf '<meta charset="utf-8">\n<title>Blog fragment</title>\n'
			printf '</head>\n<body>\n'
			cat "$base.blog.frag"
			printf '</body>\n</html>\n'
		} > "$base.blog.html"
		rm -f "$base.blog.frag"
	fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no notes files found"; exit 1; }

# A build links ../style.css instead of inlining it.
"$MINUTES" build -o "$tmp/build" input >/dev/null 2>&1
st=$?
if [ "$st" -gt 1 ]; then
	echo "FAIL: build of input/ exited $st"
	fail=1
fi
for f in "$tmp"/build/*/minutes.html "$tmp"/build/*/agenda.html \
    "$tmp"/build/*/blog-preview.html; do
	[ -f "$f" ] || continue
	cp "$f" "$tmp/build-$(basename "$(dirname "$f")")-$(basename "$f")"
	pages=$((pages + 1))
done
[ -f "$tmp/build/style.css" ] || { echo "FAIL: build wrote no style.css"; fail=1; }
# The archive pages at the output root.
for f in index actions decisions attendance; do
	if [ ! -s "$tmp/build/$f.html" ]; then
		echo "FAIL: build wrote no $f.html"
		fail=1
		continue
	fi
	cp "$tmp/build/$f.html" "$tmp/archive-$f.html"
	pages=$((pages + 1))
done
# The archive pages of a generated 30-meeting series, and the minutes of
# one of its meetings (previous and next links).
. tests/gen-series.sh
mkdir "$tmp/gen30"
gen_series "$tmp/gen30" 30
"$MINUTES" build -q -o "$tmp/build30" "$tmp/gen30" >/dev/null 2>&1 ||
    { echo "FAIL: build of a 30-meeting series exited $?"; fail=1; }
for f in index actions decisions attendance 2021-03-04-weekly/minutes; do
	if cp "$tmp/build30/$f.html" "$tmp/series30-$(echo "$f" | tr / -).html"; then
		pages=$((pages + 1))
	else
		fail=1
	fi
done

# One run of the checker on every page: it starts slowly.
if ! java -jar "$jar" --errors-only "$tmp"/*.html > "$tmp/vnu.out" 2>&1; then
	sed "s|$tmp/||g" "$tmp/vnu.out"
	echo "FAIL: the Nu HTML checker found errors"
	fail=1
fi
echo "html: $n notes files, $pages pages checked with vnu"
exit $fail
