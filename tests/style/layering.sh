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
set -u
src=${1:-$(dirname "$0")/../../src}
allowed () {
  case $1 in
    base) echo "base" ;;
    text) echo "base text" ;;
    rules) echo "base text rules" ;;
    store) echo "base store" ;;
    formats) echo "base formats" ;;
    project) echo "base text rules store formats project" ;;
    refi) echo "base text rules store formats project refi" ;;
    coding) echo "base text rules store project coding" ;;
    reports) echo "base text rules store formats project coding reports" ;;
    *) echo "" ;;
  esac
}
# system header prefix -> the layers that may include it
system_home () {
  case $1 in
    sqlite3.h) echo "store" ;;
    unicode/*|libvoikko/*|libstemmer.h) echo "text" ;;
    libxml/*|archive.h|archive_entry.h) echo "formats refi" ;;
    cairo*) echo "reports" ;;
    *) echo "any" ;;
  esac
}
breaches=0
files=0
report () {
  echo "$1"
  breaches=$((breaches + 1))
}
for f in $(find "$src/lib" -name '*.c' -o -name '*.h' | sort); do
  files=$((files + 1))
  rel=${f#"$src/lib/"}
  layer=${rel%%/*}
  ok=$(allowed "$layer")
  if [ -z "$ok" ]; then
    report "$rel: not in a layer folder"
    continue
  fi
  grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
    n=${line%%:*}
    inc=$(echo "$line" | sed -n 's/.*#[[:space:]]*include[[:space:]]*\([<"][^>"]*[>"]\).*/\1/p')
    name=$(echo "$inc" | tr -d '<>"')
    case $inc in
      \"*)
        dir=${name%%/*}
        if [ "$dir" = "$name" ]; then
          echo "$rel:$n: includes \"$name\" without its folder"
        elif ! echo " $ok " | grep -q " $dir "; then
          echo "$rel:$n: $layer/ may not include $name (allowed: $ok)"
        fi ;;
      \<*)
        home=$(system_home "$name")
        if [ "$home" != any ] && ! echo " $home " | grep -q " $layer "; then
          echo "$rel:$n: <$name> belongs in $home/, not $layer/"
        fi ;;
    esac
  done
done >"${TMPDIR:-/tmp}/layering.$$"
for f in $(find "$src/cli" -name '*.c' -o -name '*.h' | sort); do
  files=$((files + 1))
  rel=${f#"$src/"}
  grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
    n=${line%%:*}
    inc=$(echo "$line" | sed -n 's/.*#[[:space:]]*include[[:space:]]*\([<"][^>"]*[>"]\).*/\1/p')
    name=$(echo "$inc" | tr -d '<>"')
    case $inc in
      \"*) case $name in
             cli.h|tui.h|tui/*.h|../cli.h) ;;
             *) echo "$rel:$n: the CLI includes \"$name\"; it may use only <teema/...> and its own headers" ;;
           esac ;;
      \<*) case $name in
             sqlite3.h|unicode/*|libvoikko/*|libstemmer.h|libxml/*|archive*.h|cairo*)
               echo "$rel:$n: the CLI includes <$name>; that library belongs to the library's layers" ;;
           esac ;;
    esac
  done
done >>"${TMPDIR:-/tmp}/layering.$$"
cat "${TMPDIR:-/tmp}/layering.$$"
breaches=$(wc -l <"${TMPDIR:-/tmp}/layering.$$")
rm -f "${TMPDIR:-/tmp}/layering.$$"
echo "layering: $files files, $breaches breaches"
[ "$breaches" -eq 0 ]
