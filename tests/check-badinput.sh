#!/bin/bash
# The bad-input matrix of README: each row is one check here.  Every case
# must give its documented exit status and diagnostic, never a crash (exit
# status above 3) and never a hang (each run is limited by timeout).
set -u
MINUTES=${MINUTES:-./minutes}
tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail=0

# expect STATUS PATTERN -- ARGS...: runs minutes ARGS, checks its exit
# status and that stderr matches the extended regular expression PATTERN.
expect() {
	local want=$1 pat=$2 st
	shift 3
	timeout 120 "$MINUTES" "$@" > "$tmp/stdout" 2> "$tmp/stderr"
	st=$?
	if [ "$st" -ne "$want" ]; then
		echo "FAIL minutes $*: exit $st, want $want"
		sed 's/^/    /' "$tmp/stderr" | head -5
		fail=1
	elif [ -n "$pat" ] && ! grep -Eq -- "$pat" "$tmp/stderr"; then
		echo "FAIL minutes $*: stderr does not match /$pat/"
		sed 's/^/    /' "$tmp/stderr" | head -5
		fail=1
	fi
}

# missing file, directory as file
expect 3 "nosuch.md: error: No such file or directory" -- check "$tmp/nosuch.md"
expect 3 "error: Is a directory" -- check "$tmp"

# unreadable file (as root, read it as an unprivileged user)
printf '# x\n' > "$tmp/secret.md"
chmod 000 "$tmp/secret.md"
if [ "$(id -u)" -eq 0 ]; then
	chmod 755 "$tmp"
	st=0
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$MINUTES" check "$tmp/secret.md" 2> "$tmp/stderr" || st=$?
	if [ "$st" -ne 3 ] || ! grep -q "secret.md: error: Permission denied" "$tmp/stderr"; then
		echo "FAIL unreadable file: exit $st"; cat "$tmp/stderr"; fail=1
	fi
else
	expect 3 "secret.md: error: Permission denied" -- check "$tmp/secret.md"
fi
chmod 644 "$tmp/secret.md"

# empty file, white space only
: > "$tmp/empty.md"
expect 1 "empty.md:1:1: error: empty input" -- check "$tmp/empty.md"
printf '\n  \n\t\n' > "$tmp/blank.md"
expect 1 "blank.md:1:1: error: empty input" -- check "$tmp/blank.md"

# binary junk: deterministic bytes of every value
awk 'BEGIN { for (i = 0; i < 65536; i++) printf "%c", (i * 7919 + 13) % 256 }' \
    LC_ALL=C > "$tmp/junk.md"
expect 1 "junk.md:[0-9]+:[0-9]+: error: (invalid UTF-8|NUL byte)" -- render -f json -o "$tmp/junk.json" "$tmp/junk.md"

# NUL bytes in text
printf '# Call 2026-01-08\n\nab\0cd\n' > "$tmp/nul.md"
expect 1 "nul.md:3:3: error: NUL byte" -- check "$tmp/nul.md"

# invalid UTF-8, named by line and column; no invalid byte in the output
printf '# Call 2026-01-08\n\nok\ncaf\xe9 au lait\n' > "$tmp/latin1.md"
expect 1 "latin1.md:4:4: error: invalid UTF-8" -- render -f json -o "$tmp/latin1.json" "$tmp/latin1.md"
if LC_ALL=C grep -q "$(printf '\xe9')" "$tmp/latin1.json"; then
	echo "FAIL invalid byte reached the output"; fail=1
fi

# a 100 MB file: refused with a diagnostic, not read
truncate -s 100M "$tmp/huge.md"
expect 1 "huge.md:1:1: error: file too large" -- check "$tmp/huge.md"

# 10,000-deep nesting of lists and quotes
awk 'BEGIN { print "# Deep 2026-01-08\n"; s = ""; for (i = 0; i < 10000; i++) s = s "> "; print s "quote\n"
    s = ""; for (i = 0; i < 10000; i++) s = s "- "; print s "item" }' > "$tmp/deep.md"
expect 0 "warning: nesting too deep" -- render -f json -o "$tmp/deep.json" "$tmp/deep.md"

# a 200,000-row table
awk 'BEGIN { print "# Big 2026-01-08\n\nPresent: Ann Lee\n\n| Action | Owner | Due |\n|---|---|---|"
    for (i = 0; i < 200000; i++) printf "| task %d | Ann Lee | 2026-02-01 |\n", i }' > "$tmp/rows.md"
expect 0 "" -- render -f json -o "$tmp/rows.json" "$tmp/rows.md"

# a paragraph of 40,000 utterances ("Ann Lee: I will …"), each read as a
# run of its own: no call as deep as the paragraph is long
awk 'BEGIN { print "# Talk 2026-01-08\n\nPresent: Ann Lee, Bob Roe\n\n## Notes\n"
    for (i = 0; i < 40000; i++) printf "Ann Lee: I will send summary %d to the list.\n", i }' > "$tmp/talk.md"
expect 0 "" -- check "$tmp/talk.md"

# broken front matter: line and column of the YAML error
printf -- '---\ntitle: Call\nchairs: [Ann, Bob\n---\n# Call\n' > "$tmp/fm.md"
expect 1 "fm.md:[45]:[0-9]+: error: front matter is not valid YAML" -- check "$tmp/fm.md"

# unknown front-matter key: a note, exit 0
printf -- '---\ntitle: Call\ndate: 2026-01-08\ncolour: blue\n---\n# Call\n\nPresent: Ann\n' > "$tmp/key.md"
expect 0 "key.md:4:1: note: unknown front matter key: colour" -- check "$tmp/key.md"

# an output folder that cannot be made (its parent is a file)
printf '# Call 2026-01-08\n\nPresent: Ann\n' > "$tmp/ok.md"
expect 3 "cannot create folder" -- build -o "$tmp/ok.md/out" "$tmp/ok.md"

# a full disk: the write fails, the status says so
timeout 60 "$MINUTES" render -f json "$tmp/ok.md" > /dev/full 2> "$tmp/stderr"
st=$?
if [ "$st" -ne 3 ] || ! grep -q "No space left on device" "$tmp/stderr"; then
	echo "FAIL full disk: exit $st"; cat "$tmp/stderr"; fail=1
fi

# a template with an unclosed tag: named with its line and column
mkdir -p "$tmp/tpl/html"
printf '<!DOCTYPE html>\n<title>{{title</title>\n' > "$tmp/tpl/html/minutes.html"
expect 3 "minutes.html:2:8: error: .*unclosed" -- render -f html --templates "$tmp/tpl" -o "$tmp/t.html" "$tmp/ok.md"
[ -e "$tmp/t.html" ] && { echo "FAIL: output written despite the template error"; fail=1; }

# a templates folder that does not exist
expect 3 "nosuch-templates: error: No such file or directory" -- render -f html --templates "$tmp/nosuch-templates" "$tmp/ok.md"

# a reference ODT/ODP that is not a zip
printf 'not a zip at all\n' > "$tmp/ref.odt"
expect 3 "ref.odt: error: " -- render -f odt --reference-odt "$tmp/ref.odt" -o "$tmp/r.odt" "$tmp/ok.md"
expect 3 "ref.odt: error: " -- render -f odp --reference-odp "$tmp/ref.odt" -o "$tmp/r.odp" "$tmp/ok.md"

# a reference document whose styles.xml is an entity bomb, or loads an
# external entity: refused, nothing expanded, nothing fetched
mkdir -p "$tmp/bomb"
printf 'application/vnd.oasis.opendocument.text' > "$tmp/bomb/mimetype"
cat > "$tmp/bomb/styles.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&lol4;</office:document-styles>
XML
(cd "$tmp/bomb" && zip -q -X -0 ../bomb.odt mimetype && zip -q -X ../bomb.odt styles.xml)
expect 3 "bomb.odt: error: " -- render -f odt --reference-odt "$tmp/bomb.odt" -o "$tmp/b.odt" "$tmp/ok.md"
cat > "$tmp/bomb/styles.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&ext;</office:document-styles>
XML
rm -f "$tmp/xxe.odt"
(cd "$tmp/bomb" && zip -q -X -0 ../xxe.odt mimetype && zip -q -X ../xxe.odt styles.xml)
expect 3 "xxe.odt: error: " -- render -f odt --reference-odt "$tmp/xxe.odt" -o "$tmp/x.odt" "$tmp/ok.md"
if [ -e "$tmp/x.odt" ] && unzip -p "$tmp/x.odt" styles.xml | grep -q 'root:'; then
	echo "FAIL: external entity expanded"; fail=1
fi

[ "$fail" -eq 0 ] && echo "bad input: all rows pass"
exit $fail
