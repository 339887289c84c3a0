#!/bin/bash
# The safety rows of README's bad-input table: files that are not
# artefacts are never damaged, what is not notes is never published, and
# any input costs bounded time and memory.  Each case gives its documented
# exit status and diagnostic, never a crash and never a hang (timeout).
set -u
MINUTES=${MINUTES:-./minutes}
case $MINUTES in /*) ;; *) MINUTES=$PWD/$MINUTES ;; esac
tmp=$(mktemp -d) || exit 1
# The device cases mount a scratch /dev over the real one, which would hide
# a working folder under /dev (TMPDIR=/dev/shm): work in /tmp then.
case $tmp in /dev/*) rmdir "$tmp"; tmp=$(mktemp -d /tmp/check-safety.XXXXXX) || exit 1 ;; esac
trap 'rm -rf "$tmp"' EXIT
fail=0

# expect STATUS PATTERN -- ARGS...: runs minutes ARGS, checks its exit
# status and that stderr matches the extended regular expression PATTERN.
expect() {
	local want=$1 pat=$2 st
	shift 3
	timeout 60 "$MINUTES" "$@" > "$tmp/stdout" 2> "$tmp/stderr"
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

bad() { echo "FAIL $*"; fail=1; }

# leftovers DIR: fails when a temporary file is left under DIR.
leftovers() {
	if [ -n "$(find "$1" -name '*.tmp.*' 2>/dev/null)" ]; then
		bad "temporaries left in $1: $(find "$1" -name '*.tmp.*' | head -3)"
	fi
}

printf '# Call 2026-01-08\n\nPresent: Ann Lee, Bob Roe\n\n## Actions\n\n- [ ] Ann Lee to send the notes\n' > "$tmp/ok.md"
printf 'root:SECRET-SHADOW-LINE:19000::::::\n' > "$tmp/secret"

# --- 1. -o naming a device, FIFO or standard output --------------------
# In a private mount namespace with a scratch /dev: the real one is never
# touched.
if unshare -m --propagation private true 2>/dev/null; then
	MINUTES=$MINUTES OK=$tmp/ok.md OUT=$tmp/dev.out \
	    unshare -m --propagation private bash -c '
	set -u
	mount -t tmpfs tmpfs /dev || exit 90
	mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 &&
	    mknod -m 660 /dev/loop7 b 7 7 && mkfifo /dev/fifo &&
	    ln -s /proc/self/fd/1 /dev/stdout || exit 90
	f=0
	timeout 20 "$MINUTES" render -f json -o /dev/null "$OK" 2>/dev/null ||
	    { echo "FAIL -o /dev/null: exit $?"; f=1; }
	[ -c /dev/null ] || { echo "FAIL -o /dev/null: not a device now"; f=1; }
	timeout 20 "$MINUTES" render -f json -o /dev/full "$OK" 2> /dev/fifo.err
	st=$?
	[ "$st" -eq 3 ] && grep -q "/dev/full: error: cannot write: No space left" /dev/fifo.err ||
	    { echo "FAIL -o /dev/full: exit $st"; cat /dev/fifo.err; f=1; }
	[ -c /dev/full ] || { echo "FAIL -o /dev/full: not a device now"; f=1; }
	timeout 20 "$MINUTES" render -f json -o /dev/stdout "$OK" > "$OUT" 2>/dev/null ||
	    { echo "FAIL -o /dev/stdout: exit $?"; f=1; }
	grep -q "\"title\"" "$OUT" || { echo "FAIL -o /dev/stdout: nothing written"; f=1; }
	[ -L /dev/stdout ] || { echo "FAIL -o /dev/stdout: not a link now"; f=1; }
	timeout 20 cat /dev/fifo > "$OUT.fifo" &
	timeout 20 "$MINUTES" render -f json -o /dev/fifo "$OK" 2>/dev/null ||
	    { echo "FAIL -o FIFO: exit $?"; f=1; }
	wait
	[ -p /dev/fifo ] || { echo "FAIL -o FIFO: not a FIFO now"; f=1; }
	grep -q "\"title\"" "$OUT.fifo" || { echo "FAIL -o FIFO: nothing read"; f=1; }
	timeout 20 "$MINUTES" render -f json -o /dev/loop7 "$OK" 2> /dev/fifo.err
	st=$?
	[ "$st" -eq 3 ] && grep -q "loop7: error: cannot write: not a regular file" /dev/fifo.err ||
	    { echo "FAIL -o block device: exit $st"; cat /dev/fifo.err; f=1; }
	[ -b /dev/loop7 ] || { echo "FAIL -o block device: not a device now"; f=1; }
	ls -A /dev | grep -q "tmp" && { echo "FAIL temporaries in /dev: $(ls -A /dev)"; f=1; }
	exit $f'
	st=$?
	[ "$st" -eq 90 ] && echo "SKIP devices: cannot make a scratch /dev"
	[ "$st" -ne 0 ] && [ "$st" -ne 90 ] && fail=1
else
	echo "SKIP -o to a device: unshare -m is not permitted here"
fi

# --- 2. -o naming an input ---------------------------------------------
cp "$tmp/ok.md" "$tmp/in.md"
sum=$(sha256sum < "$tmp/in.md")
expect 2 "in.md: error: the same file as an input; refused" -- render -f html -o "$tmp/in.md" "$tmp/in.md"
(cd "$tmp" && expect 2 "the same file as an input" -- render -f html -o ./in.md in.md)
ln "$tmp/in.md" "$tmp/hard.md"
expect 2 "hard.md: error: the same file as an input" -- render -f html -o "$tmp/hard.md" "$tmp/in.md"
ln -s in.md "$tmp/soft.md"
expect 2 "the same file as an input" -- render -f html -o "$tmp/in.md" "$tmp/soft.md"
[ "$(sha256sum < "$tmp/in.md")" = "$sum" ] || bad "render -o overwrote its input"
# build: an artefact path that is also an input
"$MINUTES" build -o "$tmp/b2" "$tmp/in.md" 2>/dev/null
art=$(find "$tmp/b2" -name meeting.json | head -1)
cp "$art" "$tmp/art.before"
expect 3 "error: cannot write meeting.json: the same file as an input" -- build -o "$tmp/b2" "$tmp/in.md" "$art"
cmp -s "$art" "$tmp/art.before" || bad "build overwrote an input that is an artefact path"

# --- 3. links and special files in an input folder ---------------------
mkdir "$tmp/walk"
cp "$tmp/ok.md" "$tmp/walk/a.md"
ln -s "$tmp/secret" "$tmp/walk/shadow.md"
mkfifo "$tmp/walk/fifo.md"
expect 0 "walk/shadow.md: warning: a symbolic link; skipped" -- build -o "$tmp/w" "$tmp/walk"
grep -q "walk/fifo.md: warning: not a regular file; skipped" "$tmp/stderr" || bad "FIFO in a folder not skipped"
grep -rq SECRET-SHADOW "$tmp/w" && bad "a symlinked *.md in a folder was published"
[ -n "$(find "$tmp/w" -name minutes.html)" ] || bad "the regular notes of the folder were not built"
# named on the command line, a link is read (the user chose it); a FIFO
# with no writer is end of file at once, not a hang
ln -s "$tmp/ok.md" "$tmp/chosen.md"
expect 0 "" -- check "$tmp/chosen.md"
expect 1 "fifo.md:1:1: error: empty input" -- check "$tmp/walk/fifo.md"

# --- 4. links and special files in --templates --------------------------
mkdir -p "$tmp/tpl/html" "$tmp/tpl2" "$tmp/realhtml"
ln -s "$tmp/secret" "$tmp/tpl/html/style.css"
expect 3 "tpl/html/style.css: error: a symbolic link; refused" -- build --templates "$tmp/tpl" -o "$tmp/t1" "$tmp/ok.md"
grep -rq SECRET-SHADOW "$tmp/t1" 2>/dev/null && bad "a symlinked template was published"
printf 'body{}\n' > "$tmp/realhtml/style.css"
ln -s "$tmp/realhtml" "$tmp/tpl2/html"
expect 3 "tpl2/html/style.css: error: a symbolic link; refused" -- render -f html --templates "$tmp/tpl2" -o "$tmp/t2.html" "$tmp/ok.md"
rm "$tmp/tpl/html/style.css"
mkfifo "$tmp/tpl/html/style.css"
expect 3 "style.css: error: not a regular file; refused" -- render -f html --templates "$tmp/tpl" -o "$tmp/t3.html" "$tmp/ok.md"
rm "$tmp/tpl/html/style.css"
printf 'body{color:red}\n' > "$tmp/tpl/html/style.css"
ln -s "$tmp/tpl" "$tmp/tpl-link"
expect 0 "" -- build --templates "$tmp/tpl-link" -o "$tmp/t4" "$tmp/ok.md"
grep -q "color:red" "$tmp/t4/style.css" || bad "a templates folder named by a link was not used"

# --- 6. modes follow the umask; a replaced file keeps its mode ----------
mode() { stat -c %a "$1"; }
(umask 022 && "$MINUTES" render -f json -o "$tmp/m1.json" "$tmp/ok.md")
[ "$(mode "$tmp/m1.json")" = 644 ] || bad "umask 022: mode $(mode "$tmp/m1.json"), want 644"
(umask 077 && "$MINUTES" render -f json -o "$tmp/m2.json" "$tmp/ok.md")
[ "$(mode "$tmp/m2.json")" = 600 ] || bad "umask 077: mode $(mode "$tmp/m2.json"), want 600"
printf 'old\n' > "$tmp/m3.json"
chmod 600 "$tmp/m3.json"
(umask 022 && "$MINUTES" render -f json -o "$tmp/m3.json" "$tmp/ok.md")
[ "$(mode "$tmp/m3.json")" = 600 ] || bad "replaced 0600 file: mode $(mode "$tmp/m3.json"), want 600"
(umask 027 && "$MINUTES" build -o "$tmp/m4" "$tmp/ok.md" 2>/dev/null)
for f in $(find "$tmp/m4" -type f ! -name .minutes.lock); do
	[ "$(mode "$f")" = 640 ] || bad "build, umask 027: $f mode $(mode "$f"), want 640"
done
art=$(find "$tmp/m4" -name minutes.html)
chmod 600 "$art"
(umask 022 && "$MINUTES" build -o "$tmp/m4" "$tmp/ok.md" 2>/dev/null)
[ "$(mode "$art")" = 600 ] || bad "build replaced a 0600 artefact: mode $(mode "$art"), want 600"

# --- 7. temporaries on every exit ---------------------------------------
# ulimit -f: the write fails with EFBIG and is reported; nothing left
mkdir "$tmp/fs"
(ulimit -f 1 && exec "$MINUTES" render -f html -o "$tmp/fs/big.html" "$tmp/ok.md") 2> "$tmp/stderr"
st=$?
[ "$st" -eq 3 ] && grep -q "big.html: error: cannot write: File too large" "$tmp/stderr" ||
    { bad "ulimit -f: exit $st"; cat "$tmp/stderr"; }
leftovers "$tmp/fs"
[ -e "$tmp/fs/big.html" ] && bad "ulimit -f: a partial file was left"
# SIGTERM, SIGINT, SIGHUP at points of a build (the early ones while the
# workers start): no temporaries left, and
# the process still dies of the signal
mkdir "$tmp/many"
for i in $(seq 1 40); do
	awk -v i="$i" 'BEGIN { printf "# Call %d 2026-01-08\n\nPresent: Ann Lee\n\n", i
	    for (k = 0; k < 400; k++) printf "- [ ] Ann Lee to do thing %d of %d\n", k, i }' > "$tmp/many/m$i.md"
done
for sig in TERM INT HUP TERM INT HUP; do
	for delay in 0.02 0.05 0.15 0.3 0.6; do
		rm -rf "$tmp/sig"
		# A background job ignores SIGINT; setsid gives it a fresh start.
		setsid "$MINUTES" build -o "$tmp/sig" "$tmp/many" 2>/dev/null &
		pid=$!
		sleep "$delay"
		kill -"$sig" "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		st=$?
		leftovers "$tmp/sig"
		[ "$st" -ne 0 ] && [ "$st" -lt 128 ] && bad "SIG$sig: exit $st"
	done
done
# out of memory: the file is named, nothing is left (not under ASan,
# whose shadow memory does not fit a small address space)
if [ -z "${ASAN_OPTIONS:-}" ]; then
	awk 'BEGIN { print "# Big 2026-01-08\n"; for (i = 0; i < 300000; i++) printf "- [ ] Ann Lee to do thing %d, see [x](http://e.org/%d)\n", i, i }' > "$tmp/oom.md"
	mkdir "$tmp/oomout"
	(ulimit -v 400000 && exec "$MINUTES" build -o "$tmp/oomout" "$tmp/oom.md") 2> "$tmp/stderr"
	st=$?
	[ "$st" -eq 3 ] && grep -q "oom.md: error: out of memory" "$tmp/stderr" ||
	    { bad "out of memory: exit $st"; head -3 "$tmp/stderr"; }
	leftovers "$tmp/oomout"
fi

# --- 8, 9. user styles are checked: well-formed, no DOCTYPE, valid ODF ----
# refodt NAME STYLES-FILE: a reference ODT holding that styles.xml
refodt() {
	rm -rf "$tmp/ref" && mkdir -p "$tmp/ref"
	printf 'application/vnd.oasis.opendocument.text' > "$tmp/ref/mimetype"
	cp "$2" "$tmp/ref/styles.xml"
	(cd "$tmp/ref" && zip -q -X -0 "../$1" mimetype && zip -q -X "../$1" styles.xml)
}
good=templates/odt/styles.xml
[ -f "$good" ] || good=$(dirname "$0")/../templates/odt/styles.xml
sed 's/<office:styles>/<office:styles><text:bogus\/>/' "$good" > "$tmp/invalid.xml"
sed 's/ office:version="1.3"//' "$good" > "$tmp/noversion.xml"
sed 's|<office:styles>|<office:styles><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>|' "$good" > "$tmp/xinclude.xml"
grep -q 'office:version="1.3"' "$good" || bad "the default styles carry no office:version"
for v in invalid noversion xinclude; do
	refodt "$v.odt" "$tmp/$v.xml"
	expect 3 "$v.odt: error: styles.xml is not valid OpenDocument 1.3" -- render -t odt --reference-odt "$tmp/$v.odt" -o "$tmp/$v-out.odt" "$tmp/ok.md"
	[ -e "$tmp/$v-out.odt" ] && bad "$v: an invalid package was written"
done
# a DOCTYPE named in a comment is only text
sed 's|<office:styles>|<!-- not a <!DOCTYPE x> at all --><office:styles>|' "$good" > "$tmp/comment.xml"
refodt comment.odt "$tmp/comment.xml"
expect 0 "" -- render -t odt --reference-odt "$tmp/comment.odt" -o "$tmp/comment-out.odt" "$tmp/ok.md"
# --templates: the ODT styles are checked like the ODP ones
for f in odt odp; do
	mkdir -p "$tmp/stpl/$f"
	printf 'junk, not XML\n' > "$tmp/stpl/$f/styles.xml"
	expect 3 "stpl: error: styles.xml is not well-formed XML" -- render -t "$f" --templates "$tmp/stpl" -o "$tmp/stpl.$f" "$tmp/ok.md"
	printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3">&e;</office:document-styles>\n' > "$tmp/stpl/$f/styles.xml"
	expect 3 "stpl: error: styles.xml declares a document type" -- render -t "$f" --templates "$tmp/stpl" -o "$tmp/stpl.$f" "$tmp/ok.md"
	[ -e "$tmp/stpl.$f" ] && bad "--templates $f: bad styles were packaged"
done

# --- 10. link schemes: one allow-list for every format -----------------
printf '# Call 2026-01-08\n\nPresent: Ann\n\n[run](vnd.sun.star.script:Standard.Module1.Evil?language=Basic&location=document) [m](macro:///Standard.Module1.X) [js](JavaScript:alert(1)) [f](file:///etc/passwd) [ok](https://e.org/) [mail](mailto:a@e.org) [rel](notes/x.html)\n' > "$tmp/macro.md"
for t in html docbook odt odp; do
	"$MINUTES" render -t "$t" -o "$tmp/macro.$t" "$tmp/macro.md" 2>/dev/null
	case $t in odt|odp) unzip -p "$tmp/macro.$t" content.xml > "$tmp/macro.txt" ;;
	*) cp "$tmp/macro.$t" "$tmp/macro.txt" ;; esac
	grep -Eiq 'href="(vnd\.sun|macro:|javascript|file:)' "$tmp/macro.txt" && bad "$t: a macro or script link is live"
	grep -q 'href="https://e.org/"' "$tmp/macro.txt" || bad "$t: the https link was lost"
	grep -q 'href="mailto:a@e.org"' "$tmp/macro.txt" || bad "$t: the mailto link was lost"
done

# --- 11. output amplification --------------------------------------------
awk 'BEGIN { u = "http://e.org/"; for (i = 0; i < 10000; i++) u = u "a"
    print "# Amp 2026-01-08\n\n[r]: " u "\n"; for (i = 0; i < 10000; i++) printf "[x][r] "; print "" }' > "$tmp/amp.md"
expect 1 "amp.md:[0-9]+:[0-9]+: error: links expand the notes far beyond their size" -- build -o "$tmp/ampout" "$tmp/amp.md"
[ "$(du -sk "$tmp/ampout" | cut -f1)" -lt 2048 ] || bad "amplification: $(du -sh "$tmp/ampout" | cut -f1) written"

# --- 12. wide tables: bounded before cmark-gfm pads them -----------------
awk 'BEGIN { print "# Wide 2026-01-08\n\nPresent: Ann\n"; h = "|"; d = "|"
    for (i = 0; i < 20000; i++) { h = h "h|"; d = d "-|" }; print h; print d
    for (i = 0; i < 1000; i++) printf "|x%d|\n", i }' > "$tmp/wide.md"
SECONDS=0
expect 0 "wide.md:6:1: warning: table too wide for its size; kept as text: 20000 columns" -- render -t json -o "$tmp/wide.json" "$tmp/wide.md"
[ "$SECONDS" -le 10 ] || bad "wide table: $SECONDS s"
# an ordinary table is still one, alignment and all
printf '# T 2026-01-08\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n' > "$tmp/tbl.md"
"$MINUTES" render -t html -o "$tmp/tbl.html" "$tmp/tbl.md" 2>/dev/null
grep -q '<td style="text-align: right">3' "$tmp/tbl.html" || bad "an ordinary table lost its alignment"

# --- 13. front matter nesting and size -------------------------------------
awk 'BEGIN { s = ""; for (i = 0; i < 200000; i++) s = s "["; t = s; gsub(/\[/, "]", t)
    print "---\ntitle: " s t "\n---\n# X 2026-01-08" }' > "$tmp/deepfm.md"
SECONDS=0
expect 1 "deepfm.md:2:[0-9]+: error: front matter too deep or too large; not read: nested more than 64 deep" -- check "$tmp/deepfm.md"
[ "$SECONDS" -le 5 ] || bad "deep front matter: $SECONDS s"
awk 'BEGIN { print "---"; for (i = 0; i < 60000; i++) printf "k%d: %s\n", i, "value value value"; print "---\n# X 2026-01-08" }' > "$tmp/bigfm.md"
expect 1 "bigfm.md:2:1: error: front matter too deep or too large; not read: more than 1024 KiB" -- check "$tmp/bigfm.md"

# --- 16. control characters in diagnostics ----------------------------------
printf -- '---\ntitle: x\ndate: 2026-01-08\n"col\\e[2J\\aour\\r": blue\n---\n# Call\n\nPresent: Ann\n' > "$tmp/ctl.md"
expect 0 'unknown front matter key: col\\x1b\[2J\\x07our\\x0d' -- check "$tmp/ctl.md"
LC_ALL=C grep -q "$(printf '[\033\007\r]')" "$tmp/stderr" && bad "a raw control character reached standard error"
mkdir -p "$tmp/ctlwalk"
printf '# Call\n' > "$tmp/ctlwalk/$(printf 'x\033]0;owned\007.md')"
expect 0 'ctlwalk/x\\x1b\]0;owned\\x07\.md' -- check "$tmp/ctlwalk/"*.md
LC_ALL=C grep -q "$(printf '[\033\007]')" "$tmp/stderr" && bad "a raw control character of a file name reached standard error"

# --- 17. bidi controls: unpaired ones removed, names isolated in HTML -------
printf '# Call 2026-01-08\n\nPresent: Ann \342\200\256Lee, Bob Roe, Carol Poe\n\nok \342\201\247isolated\342\201\251 and \342\200\253embedded\342\200\254 stay\n' > "$tmp/bidi.md"
expect 0 "bidi.md:3:14: warning: unpaired bidirectional control character; removed" -- check "$tmp/bidi.md"
for t in json html docbook odt; do
	"$MINUTES" render -t "$t" -o "$tmp/bidi.$t" "$tmp/bidi.md" 2>/dev/null
	case $t in odt) unzip -p "$tmp/bidi.odt" content.xml > "$tmp/bidi.txt" ;;
	*) cp "$tmp/bidi.$t" "$tmp/bidi.txt" ;; esac
	grep -q "$(printf '\342\200\256')" "$tmp/bidi.txt" && bad "$t: the unpaired U+202E reached the output"
	[ "$t" = json ] || grep -q "$(printf '\342\201\247isolated\342\201\251')" "$tmp/bidi.txt" ||
	    bad "$t: a paired isolate was removed"
done
grep -q '<dd><bdi>Ann Lee</bdi>, <bdi>Bob Roe</bdi>, <bdi>Carol Poe</bdi></dd>' "$tmp/bidi.html" || bad "html: names are not isolated"
grep -q '<h1 dir="auto">' "$tmp/bidi.html" || bad "html: the title is not isolated"

# --- 18. NUL escapes in YAML ---------------------------------------------------
printf -- '---\ntitle: "Budget\\0 secret"\ndate: 2026-01-08\n---\n# X\n\nPresent: Ann\n' > "$tmp/nulfm.md"
expect 1 "nulfm.md:2:8: error: NUL byte in input; replaced by U\+FFFD" -- render -t json -o "$tmp/nulfm.json" "$tmp/nulfm.md"
grep -q "\"title\": \"Budget$(printf '\357\277\275') secret\"" "$tmp/nulfm.json" || bad "NUL escape: the title was cut"

# --- 19. smaller ---------------------------------------------------------
expect 2 "^minutes: .*-o wants a" -- render -f json -o "" "$tmp/ok.md"
expect 2 "^minutes: .*-o wants a" -- build -o "" "$tmp/ok.md"
cp "$tmp/ok.md" "$tmp/stdin.md"
timeout 20 "$MINUTES" render -f html -o "$tmp/stdin.md" - < "$tmp/stdin.md" 2> "$tmp/stderr"
st=$?
[ "$st" -eq 2 ] && cmp -s "$tmp/ok.md" "$tmp/stdin.md" || bad "-o naming the file on standard input: exit $st"

# a bad partial name is reported at its template, line and column, and in
# a partial at the outermost tag, then where in the partial
mkdir -p "$tmp/ptpl/html/partials"
printf '<!DOCTYPE html>\n<title>{{title}}</title>\n<p>{{> Bad.Name}}</p>\n' > "$tmp/ptpl/html/minutes.html"
expect 3 '^minutes: [^ ]*ptpl/html/minutes\.html:3:4: error: bad partial name "Bad\.Name": use letters' -- render -t html --templates "$tmp/ptpl" -o "$tmp/p.html" "$tmp/ok.md"
[ -e "$tmp/p.html" ] && bad "bad partial name: output written"
printf '<!DOCTYPE html>\n<title>{{title}}</title>\n  {{> inner}}\n' > "$tmp/ptpl/html/minutes.html"
printf 'x\n{{>../up}}\n' > "$tmp/ptpl/html/partials/inner.html"
expect 3 '^minutes: [^ ]*ptpl/html/minutes\.html:3:3: error: in partial "inner": 2:1: bad partial name "\.\./up"' -- render -t html --templates "$tmp/ptpl" -o "$tmp/p.html" "$tmp/ok.md"

[ "$fail" -eq 0 ] && echo "safety: all rows pass"
exit $fail
