# fish completion for claimmark (print it with: claimmark completions fish; save it as
# ~/.config/fish/completions/claimmark.fish). Commands, options and format names.

set -l commands convert validate stats agree merge completions help

complete -c claimmark -f -n "not __fish_seen_subcommand_from $commands" -a convert -d "write the inputs' documents in another format"
complete -c claimmark -f -n "not __fish_seen_subcommand_from $commands" -a validate -d "check files and report every problem and warning"
complete -c claimmark -f -n "not __fish_seen_subcommand_from $commands" -a stats -d "count annotations per label and per source"
complete -c claimmark -f -n "not __fish_seen_subcommand_from $commands" -a agree -d "score submissions against an answer key"
complete -c claimmark -f -n "not __fish_seen_subcommand_from $commands" -a merge -d "merge several annotators' files into a gold set"
complete -c claimmark -f -n "not __fish_seen_subcommand_from $commands" -a completions -d "print a completion script"
complete -c claimmark -f -n "not __fish_seen_subcommand_from $commands" -a help -d "print the help of claimmark or of one command"
complete -c claimmark -n "not __fish_seen_subcommand_from $commands" -s V -l version -d "print the version and exit"
complete -c claimmark -s h -l help -d "print help and exit"

complete -c claimmark -n "__fish_seen_subcommand_from convert" -l to -x -a "native w3c spacy doccano label-studio brat" -d "the format to write"
complete -c claimmark -n "__fish_seen_subcommand_from convert" -s o -l output -r -F -d "write to OUT instead of standard output"
complete -c claimmark -n "__fish_seen_subcommand_from convert" -l to-offsets -x -a "codepoint utf16" -d "how a doccano file counts offsets"
complete -c claimmark -n "__fish_seen_subcommand_from convert validate stats agree merge" -l offsets -x -a "auto codepoint utf16" -d "how the inputs count offsets"
complete -c claimmark -n "__fish_seen_subcommand_from convert stats" -l skip-invalid -d "leave out documents with problems and go on with the others"
complete -c claimmark -n "__fish_seen_subcommand_from validate" -l strict -d "fail (exit 1) on warnings too"
complete -c claimmark -n "__fish_seen_subcommand_from stats" -l json -d "print the counts as JSON"
complete -c claimmark -n "__fish_seen_subcommand_from stats" -l csv -d "print the source × label table as CSV"
complete -c claimmark -n "__fish_seen_subcommand_from stats" -l svg -d "print the source × label chart as SVG"
complete -c claimmark -n "__fish_seen_subcommand_from agree" -l json -d "print the scores and agreement as JSON"
complete -c claimmark -n "__fish_seen_subcommand_from merge" -s o -l output -r -F -d "write the gold set to GOLD"
complete -c claimmark -n "__fish_seen_subcommand_from merge" -l min-agree -x -d "how many annotators must make an annotation exactly"
complete -c claimmark -n "__fish_seen_subcommand_from merge" -l conflicts -r -F -d "write the variants of every conflict group to OUT"
complete -c claimmark -n "__fish_seen_subcommand_from merge" -l strict -d "fail (exit 1) when conflict groups remain"
complete -c claimmark -f -n "__fish_seen_subcommand_from completions" -a "bash zsh fish"
complete -c claimmark -f -n "__fish_seen_subcommand_from help" -a "$commands"
