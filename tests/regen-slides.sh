#!/bin/sh
# regen-slides.sh -- rewrites the expected slide titles: tests/cases/NAME.slides
# for each tests/cases/NAME.md, and tests/golden/NAME.slides for each
# input/NAME.md.  The titles are read from the HTML deck that
# `minutes render -f slides` writes, one a line.  Read every change
# (git diff tests) before keeping it.
#
# Environment: MINUTES (default ./minutes).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
MINUTES=${MINUTES:-./minutes}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/html.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
<xsl:for-each select="//section[@class='slide']">
<xsl:value-of select="normalize-space((.//*[contains(concat(' ', @class, ' '), ' slide-title ')])[1])"/>
<xsl:text>&#10;</xsl:text>
</xsl:for-each>
</xsl:template>
</xsl:stylesheet>
EOF

mkdir -p tests/golden
for f in tests/cases/*.md input/*.md; do
	[ -f "$f" ] || continue
	case $f in
	tests/cases/*)	out=${f%.md}.slides ;;
	*)		out=tests/golden/$(basename "$f" .md).slides ;;
	esac
	"$MINUTES" render -f slides -o "$tmp/deck.html" "$f" 2>/dev/null ||
	    [ $? -eq 1 ]
	xsltproc --html "$tmp/html.xsl" "$tmp/deck.html" 2>/dev/null \
	    > "$tmp/titles"
	if [ ! -s "$tmp/titles" ]; then
		echo "regen-slides: no slides for $f" >&2
		exit 1
	fi
	if ! cmp -s "$tmp/titles" "$out" 2>/dev/null; then
		cp "$tmp/titles" "$out"
		echo "regen-slides: wrote $out"
	fi
done
