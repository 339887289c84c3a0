#!/bin/bash
# The command line as a pandoc or lowdown user meets it: format from -t or
# from the -o name, standard input and output, zip archives refused to a
# terminal, "minutes:" on every message, -q and -v, help, -M, the build's
# summary line and output root, --standalone, --base-url, make install,
# bash completion and the man page.  Prints FAIL lines; exit 1 on any.
set -u
MINUTES=${MINUTES:-./minutes}
MINUTES=$(cd "$(dirname "$MINUTES")" && pwd)/$(basename "$MINUTES")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
notes=input/2017-07-06-ssr2-plenary.md

bad() { echo "FAIL $*"; fail=1; }

# run ARGS...: minutes ARGS with stdout in $tmp/out, stderr in $tmp/err;
# sets st.
run() {
	timeout 120 "$MINUTES" "$@" > "$tmp/out" 2> "$tmp/err"
	st=$?
}

# every line of $tmp/err starts "minutes:"
prefixed() {
	if grep -qv '^minutes: ' "$tmp/err"; then
		bad "$*: a message without the minutes: prefix:"
		grep -v '^minutes: ' "$tmp/err" | head -3 | sed 's/^/    /'
	fi
}

# --- format selection --------------------------------------------------
formats=$("$MINUTES" render --list-formats)
[ "$(echo "$formats" | wc -l)" -ge 10 ] || bad "--list-formats: $formats"
for f in $formats; do
	"$MINUTES" render -q -t "$f" -o "$tmp/ref.$f" "$notes" ||
	    bad "render -t $f: exit $?"
	"$MINUTES" render -q -f "$f" -o "$tmp/syn.$f" "$notes"
	cmp -s "$tmp/ref.$f" "$tmp/syn.$f" || bad "-f $f differs from -t $f"
done
# every extension and file name the format is taken from
while read -r name f; do
	run render -q -o "$tmp/$name" "$notes"
	[ "$st" -eq 0 ] || { bad "render -o $name: exit $st"; continue; }
	cmp -s "$tmp/$name" "$tmp/ref.$f" ||
	    bad "render -o $name is not the $f format"
done <<'EOF'
x.html html
minutes.html html
x.xml docbook
x.odt odt
x.odp odp
x.json json
meeting.json json
agenda.html agenda
2017-07-06-agenda.html agenda
slides.html slides
call_slides.html slides
blog.html blog
blog-preview.html blog-preview
agenda.odt agenda-odt
EOF
run render -o "$tmp/x.pdf" "$notes"
[ "$st" -eq 2 ] || bad "render -o x.pdf: exit $st, want 2"
grep -q "no format for .*x.pdf.*json html" "$tmp/err" ||
    bad "render -o x.pdf does not list the formats: $(cat "$tmp/err")"
prefixed "render -o x.pdf"
[ -e "$tmp/x.pdf" ] && bad "render -o x.pdf wrote a file"
run render "$notes"
[ "$st" -eq 2 ] && grep -q "needs -t FORMAT.*formats: json" "$tmp/err" ||
    bad "render without -t or -o: exit $st: $(cat "$tmp/err")"
run render -t nosuch "$notes"
[ "$st" -eq 2 ] && grep -q "unknown format: nosuch; formats: json" "$tmp/err" ||
    bad "render -t nosuch: exit $st"

# --- standard input and output -----------------------------------------
for f in html odt docbook slides; do
	"$MINUTES" render -q -t "$f" - < "$notes" > "$tmp/stdin.$f" ||
	    bad "render -t $f -: exit $?"
	cmp -s "$tmp/stdin.$f" "$tmp/ref.$f" ||
	    bad "render -t $f - < notes differs from the file's output"
	"$MINUTES" render -q -t "$f" -o - "$notes" > "$tmp/dash.$f"
	cmp -s "$tmp/dash.$f" "$tmp/ref.$f" || bad "render -o - differs ($f)"
done
"$MINUTES" render -t json - < "$notes" | grep -q '"source": "<stdin>"' ||
    bad "the model of standard input is not named <stdin>"
printf '# Call\n\nNo date here.\n' | "$MINUTES" check - 2> "$tmp/err"
grep -q '^minutes: <stdin>:1:1: warning: no meeting date' "$tmp/err" ||
    bad "diagnostics of standard input: $(cat "$tmp/err")"

# zip formats are refused to a terminal, other formats are not
for f in odt odp agenda-odt; do
	script -qec "$MINUTES render -t $f $notes" "$tmp/tty.log" \
	    > /dev/null 2>&1 < /dev/null
	st=$?
	[ "$st" -eq 2 ] || bad "render -t $f to a terminal: exit $st, want 2"
	grep -q "minutes: $f is a zip archive.*use -o FILE" "$tmp/tty.log" ||
	    bad "render -t $f to a terminal: no hint: $(head -c 300 "$tmp/tty.log")"
	grep -q 'PK' "$tmp/tty.log" && bad "zip bytes reached the terminal ($f)"
done
script -qec "$MINUTES render -t json $notes" "$tmp/tty.log" \
    > /dev/null 2>&1 < /dev/null || bad "render -t json to a terminal: exit $?"
grep -q '"schema": 1' "$tmp/tty.log" || bad "json did not reach the terminal"

# --- messages ------------------------------------------------------------
for args in "" "frobnicate" "render --bogus $notes" "check -o x $notes" \
    "render -t json" "check" "help nosuch" "render -t json --max-rows 0 $notes" \
    "check /nonexistent.md" "build --to json" "render -M nokey $notes"; do
	run $args
	[ "$st" -eq 2 ] || [ "$st" -eq 3 ] || bad "minutes $args: exit $st"
	[ -s "$tmp/err" ] || bad "minutes $args: no message"
	prefixed "minutes $args"
done
run build -o "$tmp/msg" input
prefixed "build"

# -q: errors only; -v: what was read and written
printf '# Call\n\nNo date here.\n' > "$tmp/warn.md"
run check "$tmp/warn.md"
grep -q "warning:" "$tmp/err" || bad "the warning case gives no warning"
run check -q "$tmp/warn.md"
[ "$st" -eq 0 ] && [ ! -s "$tmp/err" ] || bad "check -q: exit $st: $(cat "$tmp/err")"
printf '# Call 2026-01-08\n\nab\0cd\n- [ ] no owner\n' > "$tmp/err.md"
run check -q "$tmp/err.md"
[ "$st" -eq 1 ] && grep -q "error: NUL byte" "$tmp/err" &&
    ! grep -q "warning:" "$tmp/err" || bad "check -q with an error: $(cat "$tmp/err")"
run build -q -o "$tmp/quiet" input
[ "$st" -eq 0 ] && [ ! -s "$tmp/err" ] || bad "build -q is not quiet: $(cat "$tmp/err")"
run render -v -t html -o "$tmp/v.html" "$notes"
grep -q "^minutes: read $notes" "$tmp/err" &&
    grep -q "^minutes: wrote $tmp/v.html" "$tmp/err" || bad "render -v: $(cat "$tmp/err")"
run build -v -o "$tmp/verbose" input
[ "$(grep -c '^minutes: read ' "$tmp/err")" -eq 3 ] &&
    grep -q "^minutes: wrote $tmp/verbose/style.css" "$tmp/err" ||
    bad "build -v: $(cat "$tmp/err")"

# help: minutes help COMMAND is COMMAND --help, to stdout, exit 0
for c in build render check; do
	"$MINUTES" help "$c" > "$tmp/h1" || bad "help $c: exit $?"
	"$MINUTES" "$c" --help > "$tmp/h2" || bad "$c --help: exit $?"
	cmp -s "$tmp/h1" "$tmp/h2" || bad "help $c differs from $c --help"
	grep -q "^usage: minutes $c" "$tmp/h1" || bad "help $c: no usage line"
done
grep -q -- "--standalone" "$tmp/h1" && bad "check's help lists build options"
"$MINUTES" help > "$tmp/h1" && "$MINUTES" --help > "$tmp/h2" &&
    cmp -s "$tmp/h1" "$tmp/h2" || bad "help differs from --help"
"$MINUTES" help build | grep -q "copy to edit: .*share/minutes/templates" ||
    bad "--templates help does not say where the templates are"

# --- build: summary, nothing but artefacts, nothing when it fails --------
run build -o "$tmp/b" input
[ "$st" -eq 0 ] || bad "build: exit $st"
grep -Eq "^minutes: $tmp/b: 3 meetings, 3 rendered, 45 files, [0-9]+ actions open, [0-9]+ warnings?, 0 errors, [0-9.]+ s$" \
    "$tmp/err" || bad "build summary: $(tail -1 "$tmp/err")"
extra=$(cd "$tmp/b" && find . ! -name . ! -name style.css ! -name .minutes-manifest \
    ! -name .minutes-cache ! -name series.json ! -name actions.csv \
    ! -name actions.ics ! -name index.html ! -name actions.html \
    ! -name decisions.html ! -name attendance.html ! -name archive.xml \
    ! -path './20*' -o -name '*.tmp.*' -o -name '.*' ! -name . \
    ! -name .minutes-manifest ! -name .minutes-cache)
[ -z "$extra" ] || bad "build left non-artefacts: $extra"
run build -o "$tmp/fail" "$tmp/nosuch.md"
[ "$st" -eq 3 ] || bad "build of a missing input: exit $st"
[ -e "$tmp/fail" ] && bad "a failed build created $(find "$tmp/fail")"
run build -o "$tmp/fail" input "$tmp/nosuch.md"
[ -e "$tmp/fail" ] && bad "a build with one missing input created the output root"
mkdir "$tmp/empty"
run build -o "$tmp/empty" "$tmp/nosuch-dir"
[ "$st" -eq 3 ] && [ -z "$(ls -A "$tmp/empty")" ] ||
    bad "a failed build wrote into an existing root: $(ls -A "$tmp/empty")"
# a lock file an older build left is removed
touch "$tmp/b/.minutes.lock"
run build -o "$tmp/b" input
[ -e "$tmp/b/.minutes.lock" ] && bad "the old lock file stays in the published tree"

# --standalone: the stylesheet inside every HTML page, not linked
run build --standalone -o "$tmp/sa" input
for p in "$tmp"/sa/*/minutes.html "$tmp"/sa/*/agenda.html; do
	grep -q '<style' "$p" && ! grep -q 'href="../style.css"' "$p" ||
	    bad "--standalone: $p links its stylesheet"
done
grep -q 'href="../style.css"' "$tmp"/b/2017-07-06*/minutes.html ||
    bad "without --standalone the pages do not share style.css"
run build --embed-css -o "$tmp/ec" input
diff -r "$tmp/sa" "$tmp/ec" > /dev/null || bad "--embed-css differs from --standalone"

# --base-url: the blog draft's link becomes absolute
grep -q 'href="minutes.html"' "$tmp"/b/2017-07-06*/blog.html ||
    bad "the blog's link without --base-url is not relative"
run build --base-url https://example.org/rt/ -o "$tmp/url" input
d=$(cd "$tmp/url" && ls -d 2017-07-06*)
grep -q "href=\"https://example.org/rt/$d/minutes.html\"" "$tmp/url/$d/blog.html" ||
    bad "--base-url: $(grep -o 'href="[^"]*"' "$tmp/url/$d/blog.html")"
run render -t blog --base-url https://example.org/rt/m "$notes"
grep -q 'href="https://example.org/rt/m/minutes.html"' "$tmp/out" ||
    bad "render --base-url: $(grep -o 'href="[^"]*"' "$tmp/out")"
for u in 'javascript:alert(1)' 'ftp://x' 'https://x/"onload="y' ''; do
	run render -t blog --base-url "$u" "$notes"
	[ "$st" -eq 2 ] || bad "--base-url '$u': exit $st, want 2"
done

# -M: front matter overridden for this run, checked as front matter is
run render -t json -M date=2017-07-09 -M 'group=SSR2 RT' -M 'chairs=[Ann Lee, Bob Ray]' "$notes"
grep -q '"date": "2017-07-09"' "$tmp/out" && grep -q '"group": "SSR2 RT"' "$tmp/out" &&
    grep -q '"chairs": \["Ann Lee", "Bob Ray"\]' "$tmp/out" || bad "-M does not override"
grep -q '"id": "2017-07-09-' "$tmp/out" || bad "-M date: action ids keep the old date"
run render -t json -M date=2017-13-45 "$notes"
[ "$st" -eq 2 ] && grep -q "^minutes: -M:1:1: error: meeting date is not a date: 2017-13-45" "$tmp/err" ||
    bad "-M with a bad date: exit $st: $(cat "$tmp/err")"
run check -M title=x -M colour=blue "$notes"
grep -q "^minutes: -M:2:1: note: unknown front matter key: colour" "$tmp/err" ||
    bad "-M unknown key: $(cat "$tmp/err")"
run check -M 'title=[unclosed' "$notes"
[ "$st" -eq 2 ] && grep -q "^minutes: -M:1:[0-9]*: error: front matter is not valid YAML" "$tmp/err" ||
    bad "-M with broken YAML: exit $st: $(cat "$tmp/err")"
run build -o "$tmp/meta" -M 'group=Another Group' input
grep -l '"group": "Another Group"' "$tmp"/meta/*/meeting.json | wc -l | grep -qx 3 ||
    bad "build -M does not reach every meeting"

# --- make install, bash completion, man page -----------------------------
if command -v make > /dev/null && [ -f Makefile ]; then
	make -s -o "$MINUTES" install BIN="$MINUTES" DESTDIR="$tmp/root" \
	    > "$tmp/make.log" 2>&1 || { bad "make install"; cat "$tmp/make.log"; }
	r=$tmp/root/usr/local
	[ -x "$r/bin/minutes" ] || bad "make install: no bin/minutes"
	[ -f "$r/share/man/man1/minutes.1" ] || bad "make install: no man page"
	[ -f "$r/share/bash-completion/completions/minutes" ] ||
	    bad "make install: no bash completion"
	n=$(find templates -type f | wc -l)
	m=$(find "$r/share/minutes/templates" -type f 2>/dev/null | wc -l)
	[ "$n" -eq "$m" ] || bad "make install: $m of $n templates"
	cmp -s templates/html/style.css "$r/share/minutes/templates/html/style.css" ||
	    bad "make install: style.css differs"
	run build --templates "$r/share/minutes/templates" -o "$tmp/inst" input
	[ "$st" -eq 0 ] || bad "the installed templates do not build"
fi

comp() {	# comp WORDS...: the completions of the last word
	bash -c '. tools/minutes.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
	    _minutes; printf "%s\n" "${COMPREPLY[@]}"' minutes "$@" 2>/dev/null
}
PATH=$(dirname "$MINUTES"):$PATH
[ "$(comp minutes '' | sort | tr '\n' ' ')" = "--help --version build check help render " ] ||
    bad "completion of commands: $(comp minutes '' | tr '\n' ' ')"
comp minutes render -t '' | grep -qx odp || bad "completion of formats"
comp minutes render --s | grep -qx -- --strict || bad "completion of options"
comp minutes build --st | grep -qx -- --standalone || bad "completion of build options"
comp minutes check input/2017-07-0 | grep -q 'ssr2-plenary.md' ||
    bad "completion of files: $(comp minutes check input/2017-07-0)"

man=gen/minutes.1
mandoc -Tlint -W warning "$man" || bad "mandoc -Tlint"
for c in build render check help; do
	grep -q "^\.Cm $c\$" "$man" || bad "man page: no command $c"
done
for f in $formats; do
	grep -q "^\.It Cm $f\$" "$man" || bad "man page: no format $f"
done
for o in $("$MINUTES" --help | grep -o -- '--[a-z-]*' | sort -u); do
	grep -q "Fl -${o#--}\\b" "$man" || bad "man page: no option $o"
done
for o in $("$MINUTES" --help | grep -o -- '^  -[a-zA-Z]' | sort -u); do
	grep -q "Fl ${o#-}\\b" "$man" || bad "man page: no option $o"
done

[ "$fail" -eq 0 ] && echo "command line: all checks pass"
exit $fail
