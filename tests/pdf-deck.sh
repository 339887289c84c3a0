# pdf-deck.sh -- sourced by the deck checks; the caller defines fail().
#
# pdf_deck_check PDF TITLES LABEL CLIENT: the PDF a client printed of a
# deck has one page per line of the file TITLES, and holds every title.
# Titles are compared without white space and hyphens: pdftotext puts
# spaces around CJK text and joins "2026-04-" and "09" across lines.
pdf_deck_check() {
	_want=$(wc -l < "$2")
	_got=$(pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ "$_got" != "$_want" ]; then
		fail "$3: $4 printed $_got pages for $_want slides"
	fi
	pdftotext -enc UTF-8 "$1" - 2>/dev/null | tr -d ' \t\n\f\r-' \
	    > "$1.text"
	while IFS= read -r _t; do
		_squeezed=$(printf '%s' "$_t" | tr -d ' \t-')
		if ! grep -qF -e "$_squeezed" "$1.text"; then
			fail "$3: slide title missing from the $4 PDF: $_t"
		fi
	done < "$2"
}
