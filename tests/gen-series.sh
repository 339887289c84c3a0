# gen-series.sh -- sourced by the check scripts (sh or bash): a generated
# series of weekly meetings of one group.
#
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
