# bash completion for claimmark (print it with: claimmark completions bash).
# Commands, options and format names; file names for everything else.

_claimmark() {
    local cur prev command
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    local commands="convert validate stats agree suggest merge completions help"
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$commands --help -h --version -V" -- "$cur"))
        return
    fi
    command="${COMP_WORDS[1]}"
    case "$prev" in
        --to)
            COMPREPLY=($(compgen -W "native w3c spacy doccano label-studio brat" -- "$cur"))
            return ;;
        -o|--output|--conflicts)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --min-agree)
            COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur"))
            return ;;
        --offsets)
            COMPREPLY=($(compgen -W "auto codepoint utf16 grapheme" -- "$cur"))
            return ;;
        --to-offsets)
            COMPREPLY=($(compgen -W "codepoint utf16" -- "$cur"))
            return ;;
    esac
    local options
    case "$command" in
        convert) options="--to --output -o --to-offsets --offsets --skip-invalid --help -h" ;;
        validate) options="--strict --offsets --help -h" ;;
        stats) options="--json --csv --svg --offsets --skip-invalid --help -h" ;;
        agree) options="--json --offsets --help -h" ;;
        suggest) options="--to --output -o --help -h" ;;
        merge) options="--output -o --min-agree --conflicts --strict --offsets --help -h" ;;
        completions)
            COMPREPLY=($(compgen -W "bash zsh fish --help -h" -- "$cur"))
            return ;;
        help)
            COMPREPLY=($(compgen -W "$commands --help -h" -- "$cur"))
            return ;;
        *) return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

complete -o filenames -o bashdefault -F _claimmark claimmark
