#!/bin/sh
# check-odp.sh -- the presentations (slides.odp) are valid and open.
#
# For each notes file of input/, tests/cases and the corpus of real notes:
# "mimetype" is the package's first entry, stored; content.xml (its
# LibreOffice extensions removed, as extended conformance allows),
# styles.xml and meta.xml validate against the OpenDocument 1.3 schema and
# META-INF/manifest.xml against the manifest schema (one xmllint call for
# each schema).  Then one LibreOffice call converts the presentations of
# input/, tests/cases and a W3C and a Kubernetes file of the corpus to PDF:
# each PDF has one page per slide and holds the title of every slide, and
# what it shows is read back (odp_looks_check below).
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
# The corpus notes whose presentations LibreOffice shows too: ordered
# lists past 10, nested lists, many tables.
LO_W3C=w3c-webextensions-2021-08-05
LO_K8S=kubernetes-community-sig-node-2020

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

# ODF's extended conformance: a document may hold foreign elements and
# attributes and must be valid once they are removed.  The presentations
# use one foreign namespace, LibreOffice's loext (Impress fills table
# cells only from loext:graphic-properties); any other still fails.
cat > "$tmp/strict.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0">
<xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
<xsl:template match="loext:*|@loext:*"/>
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
	xsltproc -o "$dir/content.strict.xml" "$tmp/strict.xsl" \
	    "$dir/content.xml"
	for p in content.strict.xml styles.xml meta.xml; do
		echo "$dir/$p" >> "$tmp/parts"
	done
	echo "$dir/META-INF/manifest.xml" >> "$tmp/manifests"
	echo "$f" > "$dir/source"
	xsltproc "$tmp/titles.xsl" "$dir/content.xml" > "$dir/titles" \
	    2>/dev/null
	case $f in
	input/*|tests/cases/*|"$CORPUS"/$LO_W3C.md|"$CORPUS"/$LO_K8S.md)
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

# The text of each slide, one "PAGE<tab>KIND<tab>TEXT" line a paragraph:
# KIND C for a table cell, T for any other text shown (not the notes).
cat > "$tmp/cells.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
<xsl:for-each select="//draw:page">
<xsl:variable name="n" select="position()"/>
<xsl:for-each select="draw:frame//text:p|draw:frame//text:h">
<xsl:value-of select="$n"/>
<xsl:choose><xsl:when test="ancestor::table:table-cell"><xsl:text>&#9;C&#9;</xsl:text></xsl:when><xsl:otherwise><xsl:text>&#9;T&#9;</xsl:text></xsl:otherwise></xsl:choose>
<xsl:value-of select="normalize-space(.)"/>
<xsl:text>&#10;</xsl:text>
</xsl:for-each>
</xsl:for-each>
</xsl:template>
</xsl:stylesheet>
EOF

# Whether gray PGM file $1 has a row, below the top fifth (the title),
# with at least half its pixels between gray levels $2 and $3: a fill or a
# rule across the table, which no line of text makes.
pgm_row() {
	# pdftoppm writes a header of three lines: P5, width height, 255.
	_wh=$(head -n 2 "$1" | sed -n '2p')
	_len=$(head -n 3 "$1" | wc -c)
	od -An -tu1 -v -j "$_len" "$1" | awk -v w="${_wh% *}" \
	    -v h="${_wh#* }" -v lo="$2" -v hi="$3" '
	{ for (i = 1; i <= NF; i++) {
		if (y >= h / 5 && $i >= lo && $i <= hi) n++
		if (++x == w) { if (n >= w / 2) found = 1; x = 0; n = 0; y++ }
	} }
	END { exit !found }'
}

# The looks of LibreOffice's rendering of presentation $1 (PDF $2, text
# lines of $3 from cells.xsl), read back from the PDF:
# - no table word broken: every word of 3 ASCII letters or more in a table cell
#   is as often whole in the page's text (pdftotext -layout) as the slide
#   holds it (a column narrower than its word breaks it: "Rapporte/ur");
# - a list number never touches its text ("11.July");
# - a task item's box is its marker: no bullet before it;
# - the first slide with a table shows, at 100 dpi, a row of header fill
#   (#12395b) and a rule (#9fb3c8) across at least half the page.
odp_looks_check() {
	pdftotext -layout "$2" "$2.layout" 2>/dev/null
	if grep -Eq '^[[:space:]]*[0-9]+\.[[:alpha:]]' "$2.layout"; then
		fail "$1: a list number touches its text in the LibreOffice PDF: $(grep -Em1 '^[[:space:]]*[0-9]+\.[[:alpha:]]' "$2.layout" | sed 's/^ *//' | cut -c1-60)"
	fi
	if grep -Eq '(•|–)[[:space:]]*(☐|☑)' "$2.layout"; then
		fail "$1: a task item shows a bullet and its box in the LibreOffice PDF"
	fi
	_pages=$(awk -F '\t' '$2 == "C" { print $1 }' "$3" | sort -un)
	for _pg in $_pages; do
		pdftotext -layout -f "$_pg" -l "$_pg" "$2" - 2>/dev/null |
		    tr -cs 'A-Za-z' '\n' | awk 'length >= 3' |
		    sort | uniq -c > "$2.got"
		awk -F '\t' -v pg="$_pg" '$1 == pg { print $2 "\t" $3 }' "$3" |
		    awk -F '\t' '{
			n = split($2, w, /[^A-Za-z]+/)
			for (i = 1; i <= n; i++) if (length(w[i]) >= 3) {
				all[w[i]]++
				if ($1 == "C") cell[w[i]] = 1
			}
		    } END { for (x in cell) print all[x], x }' > "$2.want"
		_broken=$(awk 'NR == FNR { got[$2] = $1; next }
		    (got[$2] + 0) < $1 { printf "%s ", $2 }' "$2.got" "$2.want")
		if [ -n "$_broken" ]; then
			fail "$1: slide $_pg: table words broken in the LibreOffice PDF: $_broken"
		fi
	done
	_first=$(echo "$_pages" | head -n 1)
	[ -n "$_first" ] || return 0
	pdftoppm -r 100 -gray -f "$_first" -l "$_first" "$2" "$2.page"
	_pgm=$(ls "$2".page*.pgm 2>/dev/null | head -n 1)
	if [ -z "$_pgm" ]; then
		fail "$1: pdftoppm rendered no page $_first"
		return
	fi
	# Gray levels: #12395b is 49, #9fb3c8 is 176.
	pgm_row "$_pgm" 35 65 ||
		fail "$1: slide $_first: no table header fill in the LibreOffice PDF"
	pgm_row "$_pgm" 160 192 ||
		fail "$1: slide $_first: no table rule in the LibreOffice PDF"
}

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
	xsltproc "$tmp/cells.xsl" "$dir/content.xml" > "$dir/cells" \
	    2>/dev/null
	odp_looks_check "$src" "$pdf" "$dir/cells"
	c=$((c + 1))
done
[ "$c" -gt 0 ] || fail "LibreOffice converted nothing"
echo "check-odp: $c presentations converted by LibreOffice, one page per slide, titles present, tables, numbers and task boxes read back"

if [ "$fails" -gt 0 ]; then
	echo "check-odp: $fails checks failed" >&2
	exit 1
fi
echo "check-odp: all passed"
