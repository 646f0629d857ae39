#!/bin/sh
# bench/run.sh [SIZES...] — measures teema on generated corpora.
#
# For each size (words; default 100000 1000000 10000000) it generates a
# corpus from the bundled transcripts, then measures in one run:
#   import     teema import of every file (parse, NFC, segment, count, store)
#   cold       teema autocode on the fresh project: every form analysed
#   warm       teema autocode again: analyses come from the project's
#              cache (best of three runs)
#   icu        bare ICU word segmentation of the same text (baseline)
#   grep       grep -c -i -E with the codebook's keywords (baseline)
# and prints words per second, peak memory (max RSS) and the ratios.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build.sh
T=$(pwd)/build/src/cli/teema
SIZES=${*:-100000 1000000 10000000}
WORK=${BENCH_DIR:-$(mktemp -d)}
KEYWORDS='luottamu|luotet|asiakassuh|kumppan|yhteistyö|vaivat|helpo|sujuv|mittar|mitata|mittaa|palaut|reklama|viestin|tiedot|strategi|henkilöst|osaami|jälkimark|huolto|takuu|hinta|hinno|kilpailut|tarjou|toimitu|asennu|kosketuspist|kehit|parann'

timed () { # timed OUTFILE CMD... -> "seconds maxrss_kb" on stdout
  out=$1; shift
  env time -f '%e %M' -o "$WORK/.time" "$@" >"$out" 2>&1
  cat "$WORK/.time"
}

rate () { awk -v w="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? w / s : 0) }'; }

printf '%-9s %-7s %12s %9s %11s  %s\n' words step words/s seconds "peak MiB" "vs ICU"
for n in $SIZES; do
  dir="$WORK/c$n"
  rm -rf "$dir"; mkdir -p "$dir"
  build/bench/gen-corpus "$n" "$dir/txt" corpora/b2b/*.txt corpora/b2b/*.md >/dev/null
  P="$dir/p.teema"
  $T -q -p "$P" init
  $T -q -p "$P" codebook import codebooks/b2b-asiakaskokemus.codebook
  set -- $(build/bench/icu-words "$dir"/txt/*.txt)
  words=$1 icu_s=$2
  icu_rate=$(rate "$words" "$icu_s")
  printf '%-9s %-7s %12s %9.2f %11s  %s\n' "$words" icu "$icu_rate" "$icu_s" - 1.00
  set -- $(timed "$dir/import.log" $T -q -p "$P" import "$dir"/txt/*.txt)
  printf '%-9s %-7s %12s %9.2f %11.1f  %.2f\n' "$words" import "$(rate "$words" "$1")" "$1" "$(echo "$2 / 1024" | bc -l)" "$(echo "$(rate "$words" "$1") / $icu_rate" | bc -l)"
  set -- $(timed "$dir/cold.log" $T -p "$P" autocode)
  printf '%-9s %-7s %12s %9.2f %11.1f  %.2f\n' "$words" cold "$(rate "$words" "$1")" "$1" "$(echo "$2 / 1024" | bc -l)" "$(echo "$(rate "$words" "$1") / $icu_rate" | bc -l)"
  # Warm: the best of three runs (the machine's other load only slows).
  best_s=999999 best_m=0
  for i in 1 2 3; do
    set -- $(timed "$dir/warm.log" $T -p "$P" autocode)
    if [ "$(echo "$1 < $best_s" | bc)" = 1 ]; then best_s=$1 best_m=$2; fi
  done
  printf '%-9s %-7s %12s %9.2f %11.1f  %.2f\n' "$words" warm "$(rate "$words" "$best_s")" "$best_s" "$(echo "$best_m / 1024" | bc -l)" "$(echo "$(rate "$words" "$best_s") / $icu_rate" | bc -l)"
  set -- $(timed "$dir/grep.log" sh -c "cat '$dir'/txt/*.txt | grep -c -i -E '$KEYWORDS'")
  printf '%-9s %-7s %12s %9.2f %11.1f  %.2f\n' "$words" grep "$(rate "$words" "$1")" "$1" "$(echo "$2 / 1024" | bc -l)" "$(echo "$(rate "$words" "$1") / $icu_rate" | bc -l)"
  tail -1 "$dir/warm.log" | sed 's/^/          autocode: /'
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$dir"
done
