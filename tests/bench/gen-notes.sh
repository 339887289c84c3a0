#!/bin/sh
# Deterministic notes generator for the benchmark.
#   gen-notes.sh big BYTES FILE     one notes file of about BYTES bytes
#   gen-notes.sh series N DIR       N meetings of one weekly series
set -eu
mode=$1
case $mode in
big)
	awk -v bytes="$2" 'BEGIN {
		print "---\ntitle: Long plenary\ndate: 2026-01-08\nattendees: [Ann Lee, Bob Stone, Chen Wu]\n---\n"
		print "# Long plenary\n\n## Agenda\n1. Reports\n2. Actions\n"
		n = 0; size = 0
		while (size < bytes) {
			n++
			s = sprintf("## Topic %d\n\nDiscussion of item %d with *emphasis*, `code` and a [link](https://example.org/%d).\n\n- point one of %d\n  - nested detail %d\n- point two\n\n| Action | Owner | Due |\n|---|---|---|\n| Follow up on topic %d | Ann Lee | 2026-02-%02d |\n\nACTION: Bob to report on topic %d by Friday\n\n", n, n, n, n, n, n, (n % 28) + 1, n)
			printf "%s", s
			size += length(s)
		}
	}' > "$3"
	;;
series)
	mkdir -p "$3"
	awk -v n="$2" -v dir="$3" 'BEGIN {
		split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
		y = 2000; m = 1; d = 6
		for (i = 1; i <= n; i++) {
			f = sprintf("%s/%05d.md", dir, i)
			date = sprintf("%04d-%02d-%02d", y, m, d)
			printf "---\ntitle: Weekly call %d\ngroup: Bench WG\ndate: %s\nchairs: [Ann Lee]\nattendees: [Ann Lee, Bob Stone, Chen Wu, Dana Ruiz]\napologies: [Eve Park]\n---\n\n# Weekly call %d\n\n## Agenda\n1. Review of action items\n2. Reports\n3. AOB\n\n## Review of action items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Draft the report %d | Ann Lee | %s | Open |\n| Send the minutes %d | Bob Stone, Chen Wu | TBD | Done |\n\n## Reports\n\nDana reported on progress; see https://example.org/r/%d.\n\n- [ ] Update the tracker @Dana Ruiz due %s\n\nDECISION: Continue with plan %d.\n\n## AOB\n\nNone.\n", i, date, i, i, date, i, i, date, i > f
			close(f)
			d += 7
			if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) md = 29; else md = mdays[m]
			if (d > md) { d -= md; m++; if (m > 12) { m = 1; y++ } }
		}
	}'
	;;
*)
	echo "usage: gen-notes.sh big BYTES FILE | series N DIR" >&2
	exit 2
	;;
esac
