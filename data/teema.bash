# bash completion for teema                                -*- shell-script -*-
#
# Subcommands and options are read from teema's own --help, so the
# completion always matches the installed binary: 'teema --help' lists the
# commands, 'teema CMD --help' a command's subcommands ("Usage: teema CMD
# SUBCOMMAND") or its options (asked for in English, which the patterns
# below read, whatever the user's language). Values of options that take a
# file, and other arguments, complete as file names.

_teema_words ()
{
  # _teema_words HELP-ARGS...: the subcommands or options those print.
  local help
  help=$("$_teema_bin" --lang en "$@" --help 2>/dev/null)
  case $help in
  "Usage: teema ["*)
    printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
    ;;
  *SUBCOMMAND*)
    printf '%s\n' "$help" | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'
    ;;
  *)
    printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u
    ;;
  esac
}

_teema ()
{
  local cur prev words cword
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  _teema_bin=${COMP_WORDS[0]}
  COMPREPLY=()

  # The command words so far, without global options and their values.
  local -a cmd=()
  local i w skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((skip)); then
      skip=0
      continue
    fi
    case $w in
    -p | --project | --lang | --width) skip=1 ;;
    -*) ;;
    *) cmd+=("$w") ;;
    esac
  done

  case $prev in
  --lang | -l)
    COMPREPLY=($(compgen -W "fi en" -- "$cur"))
    return
    ;;
  -p | --project | -o | --output | --out | -k | --names | --stopwords | \
    -d | --devset | --codebook)
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
    return
    ;;
  esac

  local -a candidates
  if ((${#cmd[@]} == 0)); then
    if [[ $cur == -* ]]; then
      candidates=(--project --quiet --lang --width --help --version)
    else
      candidates=($(_teema_words))
    fi
  elif [[ $cur == -* ]]; then
    candidates=($(_teema_words "${cmd[@]:0:2}"))
    # A command with subcommands lists those, not options.
    [[ ${candidates[0]} == -* ]] || candidates=(--help)
  elif ((${#cmd[@]} == 1)); then
    candidates=($(_teema_words "${cmd[0]}"))
    if [[ ${candidates[0]} == -* ]]; then
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      return
    fi
  else
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
    return
  fi
  COMPREPLY=($(compgen -W "${candidates[*]}" -- "$cur"))
}

complete -F _teema teema
