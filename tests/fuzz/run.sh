#!/bin/sh
# run.sh [SECONDS] [HARNESS...] — runs libFuzzer harnesses one after the
# other, each for SECONDS (default 600), on a seed corpus built from the
# files under tests/ (and ../shared/refi when present), with the harness's
# dictionary. Needs the fuzz build:
#   CC=clang CXX=clang++ meson setup build-fuzz -Dfuzz=true \
#     -Db_sanitize=address,undefined -Db_lundef=false
#   ninja -C build-fuzz
# Work files (corpus, crash artifacts, logs) go to $FUZZ_WORK (default
# /tmp/teema-fuzz). Prints one line per harness: runs, seconds, exec/s,
# and whether it found anything; exits 1 if any harness crashed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
work=${FUZZ_WORK:-/tmp/teema-fuzz}
secs=${1:-600}
[ $# -gt 0 ] && shift
harnesses=${*:-transcript subtitles docx refi qdc codebook rule csv split words}
shared=$root/../shared/refi

seed () { # harness dir: copies the seed files of a harness into dir
  h=$1; d=$2
  case $h in
    transcript)
      cp "$root"/corpora/b2b/* "$root"/tests/data/messy/*.txt "$d" ;;
    subtitles)
      cp "$root"/tests/data/interop/interview.vtt \
        "$root"/tests/data/interop/interview.srt "$d" ;;
    docx)
      for f in "$root"/tests/data/interop/interview.docx \
        "$root"/tests/data/interop/interview.odt "$root"/tests/data/messy/*.docx \
        "$root"/tests/data/messy/*.odt; do
        b=$(basename "$f")
        cp "$f" "$d/$b"
        unzip -p "$f" word/document.xml >"$d/$b.xml" 2>/dev/null ||
          unzip -p "$f" content.xml >"$d/$b.xml" 2>/dev/null
      done ;;
    refi)
      cp "$root"/tests/data/interop/*.qde "$root"/tests/data/interop/*.qdpx "$d"
      [ -d "$shared" ] && cp "$shared"/samples/*.qde "$shared"/samples/*.qdpx "$d" ;;
    qdc)
      [ -d "$shared" ] && cp "$shared"/samples/*.qdc "$d"
      [ -d "$shared" ] && for f in "$shared"/samples/*.qde; do
        sed -n '/<CodeBook/,/<\/CodeBook>/p' "$f" >"$d/$(basename "$f").qdc"
      done ;;
    codebook)
      cp "$root"/codebooks/*.codebook "$root"/tests/devset/*.codebook "$d" ;;
    rule)
      awk -F'\t' 'NR > 1 && $1 !~ /^#/ { f = sprintf("%s/rule-%03d", d, NR);
        printf "%s\n%s", $1, $3 > f; close (f) }' d="$d" \
        "$root"/tests/rules/rules.tsv ;;
    csv)
      cp "$root"/tests/data/interop/*.csv "$d" ;;
    words) # the word index and totals of the bundled corpus's documents
      p=$d/.p.teema
      b=$root/build/src/cli/teema
      if [ -x "$b" ] && "$b" -q -p "$p" init &&
        "$b" -q -p "$p" import "$root"/corpora/b2b/*.txt >/dev/null; then
        sqlite3 "$p" "SELECT document_id, hex(words) FROM document_words;
          SELECT -document_id, hex(totals) FROM document_totals" |
          while IFS='|' read -r id hex; do
            printf '%s' "$hex" | xxd -r -p >"$d/doc$id"
          done
      fi
      rm -f "$p" "$p-wal" "$p-shm" ;;
    split) # one seed per paragraph of the transcripts
      cat "$root"/corpora/b2b/*.txt "$root"/tests/data/messy/*.txt |
        awk -v d="$d" 'BEGIN { RS = "" } { f = sprintf("%s/p-%04d", d, NR);
          printf "%s", $0 > f; close (f) }' ;;
  esac
  # Every input that once broke this harness is a seed too.
  [ -d "$root/tests/data/hostile/$h" ] && cp "$root/tests/data/hostile/$h"/* "$d"
  return 0
}

failed=0
for h in $harnesses; do
  exe=$build/tests/fuzz/fuzz-$h
  [ -x "$exe" ] || { echo "$h: no $exe (build with -Dfuzz=true)"; failed=1; continue; }
  mkdir -p "$work/$h/corpus" "$work/$h/seeds" "$work/$h/artifacts"
  seed "$h" "$work/$h/seeds" 2>/dev/null
  log=$work/$h/fuzz.log
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    "$exe" "$work/$h/corpus" "$work/$h/seeds" -dict="$here/dict/$h.dict" \
    -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/$h/artifacts/" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  took=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log")
  [ -n "$took" ] || took=$secs
  rate=$(( ${runs:-0} / (took > 0 ? took : 1) ))
  if [ "$rc" = 0 ]; then
    echo "$h: ${runs:-0} runs in ${took} s, $rate exec/s, clean"
  else
    failed=1
    echo "$h: FOUND a problem after ${runs:-?} runs; see $log and $work/$h/artifacts/"
  fi
done
exit $failed
