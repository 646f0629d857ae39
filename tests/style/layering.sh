#!/bin/sh
# layering.sh [SRC_DIR] — fails when a file includes what its layer must not.
#
# The folders of src/lib are layers (see CONTRIBUTING.md). A file may
# include library headers only from its own folder and the folders listed
# for it below, always written with the folder ("store/store.h"). System
# libraries have one home each: SQLite in store/, ICU, Voikko and Snowball
# in text/, libxml2 and libarchive in formats/ and refi/, cairo in
# reports/. The CLI includes only <teema/...> and its own headers.
# Prints one line per breach and "layering: N files, N breaches".
# One awk over every file: a process per include line took half a minute
# on a slow machine.
set -u
src=${1:-$(dirname "$0")/../../src}
lib=$(find "$src/lib" -name '*.c' -o -name '*.h' | sort)
cli=$(find "$src/cli" -name '*.c' -o -name '*.h' | sort)
# shellcheck disable=SC2086 # the file lists split on whitespace
awk -v src="$src" -v nlib="$(echo "$lib" | wc -l)" '
BEGIN {
  allowed["base"] = "base"
  allowed["text"] = "base text"
  allowed["rules"] = "base text rules"
  allowed["store"] = "base store"
  allowed["formats"] = "base formats"
  allowed["project"] = "base text rules store formats project"
  allowed["refi"] = "base text rules store formats project refi"
  allowed["coding"] = "base text rules store project coding"
  allowed["reports"] = "base text rules store formats project coding reports"
}
# The layers that may include system header name, or "any".
function system_home(name) {
  if (name == "sqlite3.h") return "store"
  if (name ~ /^unicode\// || name ~ /^libvoikko\// || name == "libstemmer.h")
    return "text"
  if (name ~ /^libxml\// || name == "archive.h" || name == "archive_entry.h")
    return "formats refi"
  if (name ~ /^cairo/) return "reports"
  return "any"
}
function has(list, word) { return index(" " list " ", " " word " ") > 0 }
function breach(msg) { print msg; breaches++ }
FNR == 1 {
  files++
  in_lib = files <= nlib
  rel = FILENAME
  sub("^" src "/" (in_lib ? "lib/" : ""), "", rel)
  layer = rel; sub(/\/.*/, "", layer)
  ok = in_lib ? allowed[layer] : ""
  if (in_lib && ok == "") breach(rel ": not in a layer folder")
}
/^[[:space:]]*#[[:space:]]*include/ {
  if (!match($0, /[<"][^>"]*[>"]/)) next
  inc = substr($0, RSTART, RLENGTH)
  name = substr(inc, 2, length(inc) - 2)
  quoted = substr(inc, 1, 1) == "\""
  if (!in_lib) {
    if (quoted && name !~ /^(cli\.h|tui\.h|tui\/.*\.h|\.\.\/cli\.h)$/)
      breach(rel ":" FNR ": the CLI includes \"" name "\"; it may use only <teema/...> and its own headers")
    if (!quoted && (name == "sqlite3.h" || name ~ /^(unicode|libvoikko|libxml)\// || name == "libstemmer.h" || name ~ /^archive.*\.h$/ || name ~ /^cairo/))
      breach(rel ":" FNR ": the CLI includes <" name ">; that library belongs to the library'"'"'s layers")
    next
  }
  if (ok == "") next
  if (quoted) {
    dir = name; sub(/\/.*/, "", dir)
    if (dir == name)
      breach(rel ":" FNR ": includes \"" name "\" without its folder")
    else if (!has(ok, dir))
      breach(rel ":" FNR ": " layer "/ may not include " name " (allowed: " ok ")")
  } else {
    home = system_home(name)
    if (home != "any" && !has(home, layer))
      breach(rel ":" FNR ": <" name "> belongs in " home "/, not " layer "/")
  }
}
END {
  printf "layering: %d files, %d breaches\n", files, breaches
  exit breaches > 0
}' $lib $cli
