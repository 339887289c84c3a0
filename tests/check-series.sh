#!/bin/sh
# The series as a user meets it: two builds of input/ are byte-identical;
# --as-of changes only the overdue marks; actions.csv read back by
# LibreOffice Calc has its columns; minutes next writes a skeleton whose
# build reviews every open action, and never overwrites without --force.
# Run from the project root; MINUTES names the program.  Prints FAIL lines.
set -u
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=1; }

# --- byte-stable builds; --as-of changes only overdue marks ----------------
"$MINUTES" build -q -o "$tmp/a" input || bad "build input/: exit $?"
"$MINUTES" build -q -o "$tmp/b" input || bad "second build: exit $?"
diff -r "$tmp/a" "$tmp/b" > /dev/null || bad "two builds of input/ differ"
"$MINUTES" build -q --as-of 2017-08-15 -o "$tmp/c" input ||
    bad "build --as-of: exit $?"
diff "$tmp/a/series.json" "$tmp/c/series.json" |
    grep '^[<>]' | grep -v '"as_of"' | grep -v '"overdue"' > "$tmp/d1"
[ -s "$tmp/d1" ] && bad "--as-of changed more than overdue marks: $(head -2 "$tmp/d1")"
diff "$tmp/a/series.json" "$tmp/c/series.json" | grep -q '"overdue": true' ||
    bad "--as-of 2017-08-15 marked nothing newly overdue"
cmp -s "$tmp/a/actions.ics" "$tmp/c/actions.ics" ||
    bad "--as-of changed actions.ics"
# The CSV: only the overdue column (6th) may differ.
cut -d, -f1-5 "$tmp/a/actions.csv" > "$tmp/ca"
cut -d, -f1-5 "$tmp/c/actions.csv" > "$tmp/cc"
cmp -s "$tmp/ca" "$tmp/cc" || bad "--as-of changed actions.csv beyond overdue"
"$MINUTES" build -q --as-of 2017-13-01 -o "$tmp/x" input 2>/dev/null
[ $? -eq 2 ] || bad "--as-of 2017-13-01 is not a usage error"

# --- actions.csv: RFC 4180 with CRLF, read back by LibreOffice Calc -------
csv=$tmp/a/actions.csv
[ "$(head -c 3 "$csv")" = "id," ] || bad "actions.csv: no header"
n=$(grep -c "$(printf '\r')\$" "$csv")
[ "$n" -eq "$(wc -l < "$csv")" ] || bad "actions.csv: not every line ends in CRLF"
"$MINUTES" build -q -o "$tmp/r" tests/series/review 2>/dev/null
if command -v soffice >/dev/null 2>&1; then
	for f in "$csv" "$tmp/r/actions.csv"; do
		name=$(basename "$(dirname "$f")")
		mkdir -p "$tmp/lo-$name" && cp "$f" "$tmp/lo-$name/in.csv"
		# Read as UTF-8 CSV (comma, double quote), written back as
		# tab-separated text: one field per column Calc saw.
		(cd "$tmp/lo-$name" && HOME="$tmp" timeout 120 soffice \
		    --headless --infilter='CSV:44,34,76,1' \
		    --convert-to 'txt:Text - txt - csv (StarCalc):9,34,76,1' \
		    in.csv > /dev/null 2>&1)
		out=$tmp/lo-$name/in.txt
		if [ ! -s "$out" ]; then
			bad "LibreOffice did not read $f"
			continue
		fi
		awk -F'\t' 'NF != 11 { print NR ": " NF " columns"; exit 1 }' \
		    "$out" > "$tmp/cols" || bad "Calc read $f with the wrong columns: $(cat "$tmp/cols")"
		rows=$(grep -c . "$out")
		[ "$rows" -eq "$(wc -l < "$f")" ] ||
		    bad "Calc read $rows rows of $f, not $(wc -l < "$f")"
		head -1 "$out" | tr -d '"' | grep -q "^id	text	owners	status	due	overdue	raised" ||
		    bad "Calc read a different header from $f"
	done
	# The formula is text for Calc: its cell keeps the apostrophe guard.
	grep -q "'=HYPERLINK" "$tmp/lo-r/in.txt" ||
	    bad "a cell starting with = was not kept inert"
else
	bad "soffice is missing: tools/install-deps.sh --test installs it"
fi

# --- minutes next --------------------------------------------------------
mkdir "$tmp/notes" && cp input/*.md "$tmp/notes/"
"$MINUTES" next -q "$tmp/notes" || bad "next: exit $?"
sk=$(ls "$tmp"/notes/2017-08-03-*.md 2>/dev/null | head -n 1)
[ -n "$sk" ] || bad "next wrote no 2017-08-03 notes: $(ls "$tmp/notes")"
[ -s "${sk%.md}.agenda.html" ] || bad "next wrote no agenda HTML"
[ -s "${sk%.md}.agenda.odt" ] || bad "next wrote no agenda ODT"
"$MINUTES" next -q -o "$sk" "$tmp/notes" 2>/dev/null &&
    bad "next wrote over $sk without --force"
"$MINUTES" next -q --force -o "$tmp/forced.md" --date 2017-08-10 input ||
    bad "next --force --date: exit $?"
grep -q '^date: 2017-08-10$' "$tmp/forced.md" || bad "next --date ignored"
"$MINUTES" build -q -o "$tmp/n" "$tmp/notes" || bad "build with the skeleton: exit $?"
# Every action open after 20 July is reviewed on 3 August, and nothing new.
python3 - "$tmp/a/series.json" "$tmp/n/series.json" <<'PY' || fail=1
import json, sys
before = json.load(open(sys.argv[1]))
after = json.load(open(sys.argv[2]))
want = [a["id"] for a in before["actions"] if a["status"] in ("open", "in-progress")]
last = len(after["meetings"]) - 1
if after["meetings"][last]["date"] != "2017-08-03":
    print("FAIL next: the skeleton is not the 3 August meeting"); sys.exit(1)
got = [a["id"] for a in after["actions"] if "2017-08-03" in a["reviewed"]]
new = [a["id"] for a in after["actions"] if a["raised"]["meeting"] == last]
if got != want or new:
    print("FAIL next: reviewed", got, "want", want, "new", new); sys.exit(1)
PY
[ $fail -eq 0 ] && echo "series: all checks pass"
exit $fail
