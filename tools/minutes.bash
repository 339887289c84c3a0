# bash completion for minutes(1): commands, options, formats and files.
# Installed by `make install` into share/bash-completion/completions.

_minutes()
{
	local cur prev cmd i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		build|render|check|help) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	case $prev in
	-t|--to|-f|--format)
		COMPREPLY=($(compgen -W "$(minutes render --list-formats 2>/dev/null ||
		    echo json html agenda blog blog-preview docbook odt agenda-odt slides odp)" \
		    -- "$cur"))
		return ;;
	--templates)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--reference-odt)
		COMPREPLY=($(compgen -f -X '!*.odt' -- "$cur") $(compgen -d -- "$cur"))
		return ;;
	--reference-odp)
		COMPREPLY=($(compgen -f -X '!*.odp' -- "$cur") $(compgen -d -- "$cur"))
		return ;;
	-o|--output)
		if [ "$cmd" = build ]; then
			COMPREPLY=($(compgen -d -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		return ;;
	-M|--metadata)
		compopt -o nospace 2>/dev/null
		COMPREPLY=($(compgen -W "title= group= date= time= location= \
		    chairs= attendees= apologies= absent= staff= observers=" \
		    -- "$cur"))
		return ;;
	--max-rows|--base-url)
		return ;;
	esac

	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "build render check help --help --version" \
		    -- "$cur"))
		return
	fi
	local common="-M --metadata --strict -q --quiet -v --verbose -h --help"
	local render="--templates --reference-odt --reference-odp --unsafe \
	    --max-rows --base-url"
	case $cmd in
	help)
		COMPREPLY=($(compgen -W "build render check" -- "$cur"))
		return ;;
	build)
		opts="-o --output --standalone --embed-css $render $common" ;;
	render)
		opts="-t --to -f --format -o --output --list-formats $render $common" ;;
	check)
		opts="$common" ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	elif [ "$cmd" = build ]; then
		COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
	else
		COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
	fi
}
complete -o filenames -F _minutes minutes
