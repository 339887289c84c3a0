#!/bin/sh
# check-odp.sh -- the presentations (slides.odp) are valid and open.
#
# For each notes file of input/, tests/cases and the corpus of real notes:
# "mimetype" is the package's first entry, stored; content.xml, styles.xml
# and meta.xml validate against the OpenDocument 1.3 schema and
# META-INF/manifest.xml against the manifest schema (one xmllint call for
# each schema).  Then one LibreOffice call converts the presentations of
# input/ and tests/cases to PDF: each PDF has one page per slide and holds
# the title of every slide.
#
# Environment: MINUTES (default ./minutes), CORPUS (default
# tests/data/corpus), SCHEMAS (default tests/data/schemas/odf),
# SOFFICE (default soffice).  Exits non-zero and names every failed check.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
MINUTES=${MINUTES:-./minutes}
CORPUS=${CORPUS:-tests/data/corpus}
SCHEMAS=${SCHEMAS:-tests/data/schemas/odf}
SOFFICE=${SOFFICE:-soffice}

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
. "$root/tests/pdf-deck.sh"
fails=0

fail() {
	echo "check-odp: FAIL: $*" >&2
	fails=$((fails + 1))
}

# The title frame of each draw:page of content.xml, one a line.
cat > "$tmp/titles.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
<xsl:for-each select="//draw:page">
<xsl:value-of select="normalize-space(draw:frame[@presentation:class='title'])"/>
<xsl:text>&#10;</xsl:text>
</xsl:for-each>
</xsl:template>
</xsl:stylesheet>
EOF

mkdir "$tmp/lo" "$tmp/pdf"
: > "$tmp/parts"
: > "$tmp/manifests"
n=0
for f in input/*.md tests/cases/*.md "$CORPUS"/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	base=$(basename "$f" .md)
	dir="$tmp/$n"
	mkdir "$dir"
	"$MINUTES" render -f odp -o "$dir/slides.odp" "$f" 2>"$tmp/err"
	rc=$?
	if [ $rc -gt 1 ] || [ ! -s "$dir/slides.odp" ]; then
		fail "$f: render -f odp exited $rc: $(head -c 300 "$tmp/err")"
		continue
	fi
	# The first local header: stored (method 0), named "mimetype".
	method=$(od -An -tu2 -j8 -N2 "$dir/slides.odp" | tr -d ' ')
	name=$(dd if="$dir/slides.odp" bs=1 skip=30 count=8 2>/dev/null)
	if [ "$method" != 0 ] || [ "$name" != mimetype ]; then
		fail "$f: mimetype is not the first entry, stored"
	fi
	if ! (cd "$dir" && unzip -q slides.odp content.xml styles.xml \
	    meta.xml META-INF/manifest.xml); then
		fail "$f: slides.odp lacks a part"
		continue
	fi
	for p in content.xml styles.xml meta.xml; do
		echo "$dir/$p" >> "$tmp/parts"
	done
	echo "$dir/META-INF/manifest.xml" >> "$tmp/manifests"
	echo "$f" > "$dir/source"
	xsltproc "$tmp/titles.xsl" "$dir/content.xml" > "$dir/titles" \
	    2>/dev/null
	case $f in
	input/*|tests/cases/*)
		cp "$dir/slides.odp" "$tmp/lo/$n.odp"
		;;
	esac
done
[ "$n" -gt 0 ] || fail "no notes found"

# Schema validation, one call per schema for all the files.
validate() {
	schema=$1
	list=$2
	# shellcheck disable=SC2046
	xmllint --noout --relaxng "$schema" $(cat "$list") \
	    > "$tmp/valid.out" 2>&1
	good=$(grep -c ' validates$' "$tmp/valid.out")
	want=$(wc -l < "$list")
	if [ "$good" -ne "$want" ]; then
		fail "$((want - good)) of $want files do not validate against $(basename "$schema"):"
		grep -v ' validates$' "$tmp/valid.out" | head -20 >&2
	fi
	echo "check-odp: $good of $want files valid against $(basename "$schema")"
}
validate "$SCHEMAS/OpenDocument-v1.3-schema.rng" "$tmp/parts"
validate "$SCHEMAS/OpenDocument-v1.3-manifest-schema.rng" "$tmp/manifests"

# One LibreOffice run converts them all.
"$SOFFICE" -env:UserInstallation="file://$tmp/profile" --headless \
    --convert-to pdf --outdir "$tmp/pdf" "$tmp"/lo/*.odp \
    > "$tmp/soffice.out" 2>&1
c=0
for odp in "$tmp"/lo/*.odp; do
	[ -f "$odp" ] || continue
	k=$(basename "$odp" .odp)
	dir="$tmp/$k"
	src=$(cat "$dir/source")
	pdf="$tmp/pdf/$k.pdf"
	if [ ! -s "$pdf" ]; then
		fail "$src: LibreOffice made no PDF"
		continue
	fi
	pdf_deck_check "$pdf" "$dir/titles" "$src" LibreOffice
	c=$((c + 1))
done
[ "$c" -gt 0 ] || fail "LibreOffice converted nothing"
echo "check-odp: $c presentations converted by LibreOffice, one page per slide, titles present"

if [ "$fails" -gt 0 ]; then
	echo "check-odp: $fails checks failed" >&2
	exit 1
fi
echo "check-odp: all passed"
