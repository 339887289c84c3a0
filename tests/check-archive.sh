#!/bin/bash
# The archive across meetings: the previous/next links of each meeting's
# minutes follow the series when meetings are added or retitled (an
# incremental build re-renders the neighbours whose links changed, and
# only those); archive.xml, for input/, tests/series/*, a generated
# 30-meeting series and the whole corpus as one series, is valid DocBook
# 5 (RELAX NG), holds one chapter per meeting with the text of its
# minutes.xml, and converts with docbook-xsl-ns without a message.
# Prints FAIL lines; exit 1 on any.  Run from the project root; MINUTES
# names the program, MINUTES_CORPUS the real notes, DOCBOOK_RNG and
# DOCBOOK_XSL the schema and stylesheet.
set -u
MINUTES=${MINUTES:-./minutes}
CORPUS=${MINUTES_CORPUS:-tests/data/corpus}
rng=${DOCBOOK_RNG:-/usr/share/xml/docbook/schema/rng/5.0/docbook.rng}
xsl=${DOCBOOK_XSL:-/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl}
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

# gen_series DIR N: N weekly meetings of one group, each raising two
# actions and closing some raised before, with one person away
gen_series() {
	_people="Ann Lee|Bob Ray|Chen Wei|Dana Cruz|Eli Moss|Fay Noor"
	for _k in $(seq 1 "$2"); do
		_d=$(date -u -d "2021-01-07 + $(( (_k - 1) * 7 )) days" +%F)
		_due=$(date -u -d "$_d + 14 days" +%F)
		_soon=$(date -u -d "$_d + 7 days" +%F)
		_away=$(echo "$_people" | cut -d'|' -f$(( _k % 6 + 1 )))
		_present=$(echo "$_people" | tr '|' '\n' | grep -vx "$_away" |
		    paste -sd, - | sed 's/,/, /g')
		{
			printf -- '---\ntitle: Weekly call %d\n' "$_k"
			printf 'group: Generated Working Group\ndate: %s\n' "$_d"
			printf 'chairs: [Ann Lee]\nattendees: [%s]\n' "$_present"
			printf 'apologies: [%s]\n---\n# Weekly call %d\n\n' "$_away" "$_k"
			printf '## Agenda\n\n1. Review of actions\n2. Reports\n\n'
			printf '## Review of actions\n\n'
			[ "$_k" -gt 1 ] &&
			    printf -- '- [x] Review section %d @Bob Ray\n' $(( _k - 1 ))
			[ "$_k" -gt 2 ] && [ $(( _k % 2 )) -eq 1 ] &&
			    printf -- '- [x] Draft report part %d @Ann Lee\n' $(( _k - 2 ))
			printf -- '- [ ] Draft report part %d @Ann Lee due %s\n' "$_k" "$_due"
			printf -- '- [ ] Review section %d @Bob Ray due %s\n\n' "$_k" "$_soon"
			printf '## Reports\n\nDECISION: Adopt proposal %d.\n' "$_k"
		} > "$1/$_d-weekly.md"
	done
}
mkdir "$tmp/gen30"
gen_series "$tmp/gen30" 30

# archive.xml
for tool in xmllint xsltproc; do
	command -v $tool > /dev/null 2>&1 || bad "$tool not found"
done
[ -f "$rng" ] && [ -f "$xsl" ] || bad "no DocBook schema or stylesheet: $rng $xsl"
books=0
for dir in input tests/series/*/ "$tmp/gen30" "$CORPUS"; do
	dir=${dir%/}
	[ -d "$dir" ] || continue
	rm -rf "$tmp/book"
	timeout 300 "$MINUTES" build -q -o "$tmp/book" "$dir" > /dev/null 2>&1
	st=$?
	x=$tmp/book/archive.xml
	if [ "$st" -gt 1 ] || [ ! -s "$x" ]; then
		bad "$dir: build exited $st, archive.xml: $(ls -l "$x" 2>&1)"
		continue
	fi
	books=$((books + 1))
	xmllint --noout --relaxng "$rng" "$x" > "$tmp/valid" 2>&1 ||
	    bad "$dir: archive.xml is not valid DocBook 5: $(grep -v validates "$tmp/valid" | head -5)"
	# one chapter per meeting, in the order of series.json, each with
	# the text of the meeting's own minutes.xml
	folders=$(grep -o '"folder": "[^"]*"' "$tmp/book/series.json" |
	    sed 's/"folder": "\(.*\)"/\1/')
	nmt=$(printf '%s\n' "$folders" | grep -c .)
	nch=$(xmllint --xpath 'count(/*/*[local-name()="chapter"])' "$x")
	[ "$nch" = "$nmt" ] || bad "$dir: $nch chapters for $nmt meetings"
	k=0
	for f in $folders; do
		k=$((k + 1))
		[ "$k" -le 5 ] || break
		id=$(xmllint --xpath "string(/*/*[local-name()=\"chapter\"][$k]/@xml:id)" "$x")
		[ "$id" = "m-$f" ] || bad "$dir: chapter $k is $id, want m-$f"
		xmllint --xpath "string(/*/*[local-name()=\"chapter\"][$k])" "$x" > "$tmp/chapter.txt"
		xmllint --xpath 'string(/*)' "$tmp/book/$f/minutes.xml" > "$tmp/article.txt"
		cmp -s "$tmp/chapter.txt" "$tmp/article.txt" ||
		    bad "$dir: chapter $k does not hold the text of $f/minutes.xml"
	done
	for a in register decisions attendance; do
		[ "$(xmllint --xpath "count(//*[local-name()=\"appendix\"][@xml:id=\"$a\"])" "$x")" = 1 ] ||
		    bad "$dir: no appendix $a"
	done
	# every link resolves, no id twice
	xmllint --xpath '//@linkend' "$x" 2>/dev/null | sed 's/ linkend="\([^"]*\)"/\1\n/g' |
	    grep . | sort -u > "$tmp/ends"
	xmllint --xpath '//@*[local-name()="id"]' "$x" 2>/dev/null |
	    sed 's/ xml:id="\([^"]*\)"/\1\n/g' | grep . | sort > "$tmp/ids"
	[ -z "$(uniq -d "$tmp/ids")" ] || bad "$dir: ids used twice: $(uniq -d "$tmp/ids" | head -3)"
	[ -z "$(comm -23 "$tmp/ends" "$tmp/ids")" ] ||
	    bad "$dir: links to no id: $(comm -23 "$tmp/ends" "$tmp/ids" | head -3)"
	# docbook-xsl-ns: the corpus book is large and slow to convert;
	# it is checked by the schema above
	[ "$dir" = "$CORPUS" ] && continue
	if ! xsltproc --nonet --output "$tmp/book.html" "$xsl" "$x" 2> "$tmp/xslt" ||
	    [ -s "$tmp/xslt" ] || [ ! -s "$tmp/book.html" ]; then
		bad "$dir: xsltproc on archive.xml: $(head -5 "$tmp/xslt")"
	fi
done
[ "$books" -ge 4 ] || bad "only $books archive books built"
# the register of the generated series holds as many open actions as
# the build's summary counts, every decision and every person
x=$tmp/book/archive.xml
rm -rf "$tmp/book"
build -o "$tmp/book" "$tmp/gen30"
open=$(sed -n 's/.* \([0-9]*\) actions\{0,1\} open,.*/\1/p' "$tmp/err" | tail -1)
got=$(xmllint --xpath 'count(//*[@xml:id="register-open"]//*[local-name()="tbody"]/*)' "$x")
[ "$got" = "$open" ] || bad "gen30: the register's open section has $got rows, series.json $open open"
got=$(xmllint --xpath 'count(//*[@xml:id="decisions"]//*[local-name()="tbody"]/*)' "$x")
[ "$got" = 30 ] || bad "gen30: $got decisions in the appendix, want 30"
got=$(xmllint --xpath 'count(//*[@xml:id="attendance"]//*[local-name()="tbody"]/*)' "$x")
[ "$got" = 6 ] || bad "gen30: $got people in the attendance appendix, want 6"

[ "$fail" -eq 0 ] && echo "archive: all checks pass ($books archive books)"
exit $fail
