#!/bin/sh
# bench/scale.sh [SIZES...] — teema at project scale: reports, charts,
# quotes, search, agreement, export and the coder's first screen on
# generated projects (default 100000 1000000 10000000 words).
#
# For each size it generates a corpus (bench/gen-corpus, fixed seed),
# imports it, autocodes it (cold, then warm: best of three), adds a second
# coder "anna" (the rule codings of every 7th segment and price on every
# 11th, written with the sqlite3 shell, so that agreement and evaluation
# have two coders), then times every command warm: the best of
# $BENCH_RUNS runs (default 3) of the whole process, with its peak memory.
# Each command is set against a baseline run on a copy of the same project:
# the sqlite3 shell running the equivalent query (the aggregate a report
# prints, the rows a quote list or export writes; for keyness, reading the
# vocabulary's analyses and every document's word totals), or grep -c on the
# transcripts for search. Each ratio is command / baseline, once by elapsed
# time and once by CPU time (user + system); a baseline under 5 ms counts as
# 5 ms. On a shared machine other work stretches elapsed times of both
# alike, while CPU times move less.
#
# Environment: TEEMA (the binary; default: build it), BENCH_DIR (where
# corpora and projects are kept between runs; default /tmp/teema-bench),
# BENCH_FRESH=1 (re-import even when a project exists), BENCH_RUNS.
# Output: one table row per size and command, in Markdown.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
if [ -z "${TEEMA:-}" ]; then
  sh scripts/build.sh
  TEEMA=$ROOT/build/src/cli/teema
fi
GEN=${GEN_CORPUS:-$ROOT/build/bench/gen-corpus}
SIZES=${*:-100000 1000000 10000000}
WORK=${BENCH_DIR:-/tmp/teema-bench}
RUNS=${BENCH_RUNS:-3}
CODEBOOK=$ROOT/codebooks/b2b-asiakaskokemus.codebook
mkdir -p "$WORK"

# timed CMD... -> "seconds peak_kb cpu_seconds" of one run (output
# discarded).
timed () {
  env time -f '%e %M %U %S' -o "$WORK/.time" "$@" >"$WORK/.out" \
    2>"$WORK/.err" ||
    { echo "failed: $*" >&2; cat "$WORK/.err" >&2; exit 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$WORK/.time"
}

# best CMD... -> "seconds peak_kb cpu_seconds", the fastest of $RUNS runs.
best () {
  b="999999 0 0"
  i=0
  while [ $i -lt "$RUNS" ]; do
    r=$(timed "$@")
    if [ "$(echo "$r $b" | awk '{ print ($1 < $4) }')" = 1 ]; then b=$r; fi
    i=$((i + 1))
  done
  echo "$b"
}

ratio () { # a b -> a / b, b at least 5 ms
  echo "$1 $2" | awk '{ b = $2 > 0.005 ? $2 : 0.005; printf "%.1f", $1 / b }'
}

row () { # words name "s kb cpu" "baseline_s baseline_kb baseline_cpu" or -
  set -- "$1" "$2" $3 $4
  if [ "$6" = - ]; then
    printf '| %s | %s | %.2f | %.2f | %.0f | - | - | - | - |\n' "$1" "$2" \
      "$3" "$5" "$(echo "$4 / 1024" | bc -l)"
    return
  fi
  printf '| %s | %s | %.2f | %.2f | %.0f | %.2f | %.2f | %s | %s |\n' \
    "$1" "$2" "$3" "$5" "$(echo "$4 / 1024" | bc -l)" "$6" "$8" \
    "$(ratio "$3" "$6")" "$(ratio "$5" "$8")"
}

sql () { sqlite3 "$BASE" "$1" >/dev/null; }

# The baselines: what each command computes, as one query.
UP="WITH RECURSIVE up (id, anc) AS (SELECT id, id FROM theme UNION
 SELECT up.id, p.id FROM up JOIN theme t ON t.id = up.anc
 JOIN theme p ON p.code = t.parent COLLATE NOCASE)"
PAIRS="$UP, pairs AS (SELECT DISTINCT up.anc AS theme, c.segment_id AS seg
 FROM coding c JOIN up ON up.id = c.theme_id)"
Q_THEMES="$PAIRS SELECT p.theme, d.informant_id, count(*), sum(s.n_words)
 FROM pairs p JOIN segment s ON s.id = p.seg AND s.interviewer = 0
 JOIN document d ON d.id = s.document_id GROUP BY p.theme, d.informant_id"
Q_GROUPS="$PAIRS SELECT p.theme, i.grp, count(*), sum(s.n_words),
 count(DISTINCT i.id) FROM pairs p
 JOIN segment s ON s.id = p.seg AND s.interviewer = 0
 JOIN document d ON d.id = s.document_id JOIN informant i
 ON i.id = d.informant_id GROUP BY p.theme, i.grp"
Q_SATURATION="SELECT s.document_id, c.theme_id, min(s.ordinal) FROM coding c
 JOIN segment s ON s.id = c.segment_id AND s.interviewer = 0
 GROUP BY s.document_id, c.theme_id"
Q_COOC="WITH p AS (SELECT DISTINCT c.segment_id AS seg, c.theme_id AS theme
 FROM coding c JOIN segment s ON s.id = c.segment_id AND s.interviewer = 0)
 SELECT a.theme, b.theme, count(*) FROM p a JOIN p b ON b.seg = a.seg
 AND b.theme > a.theme GROUP BY a.theme, b.theme"
Q_QUOTES="$UP SELECT DISTINCT s.document_id, s.ordinal, t.text FROM coding c
 JOIN up ON up.id = c.theme_id JOIN theme a ON a.id = up.anc
 JOIN segment s ON s.id = c.segment_id AND s.interviewer = 0
 JOIN segment_text t ON t.segment_id = s.id WHERE a.code = 'trust'
 ORDER BY s.document_id, s.ordinal"
Q_QUOTES_ALL="SELECT DISTINCT th.ordinal, s.document_id, s.ordinal, t.text
 FROM coding c JOIN theme th ON th.id = c.theme_id
 JOIN segment s ON s.id = c.segment_id AND s.interviewer = 0
 JOIN segment_text t ON t.segment_id = s.id
 ORDER BY th.ordinal, s.document_id, s.ordinal"
Q_AGREE="SELECT c.segment_id, c.theme_id, count(DISTINCT c.coder_id)
 FROM coding c JOIN coder k ON k.id = c.coder_id
 JOIN segment s ON s.id = c.segment_id AND s.interviewer = 0
 WHERE k.name IN ('anna', 'rules') GROUP BY c.segment_id, c.theme_id"
Q_KEYNESS="SELECT count(*), sum(length(a.data)) FROM word w
 JOIN analysis a ON a.backend GLOB 'voikko-fi*' AND a.form = w.form;
 SELECT i.grp, count(*), sum(length(t.totals)) FROM document_totals t
 JOIN document d ON d.id = t.document_id
 JOIN informant i ON i.id = d.informant_id GROUP BY i.grp"
Q_INFORMANTS="SELECT d.informant_id, count(*), sum(s.n_words) FROM segment s
 JOIN document d ON d.id = s.document_id WHERE s.interviewer = 0
 GROUP BY d.informant_id"
Q_EXPORT="SELECT c.*, s.start, s.end FROM coding c JOIN segment s
 ON s.id = c.segment_id; SELECT text FROM document_text"
Q_FIRST="SELECT s.*, t.text FROM segment s JOIN segment_text t
 ON t.segment_id = s.id WHERE s.interviewer = 0 ORDER BY s.document_id,
 s.ordinal LIMIT 1"

baseline () { # name query -> "seconds kb cpu" (best of $RUNS), or -
  if [ "$HAS_SCHEMA" = 0 ]; then echo -; return; fi
  best sqlite3 "$BASE" "$2"
}

prepare () { # words dir
  n=$1 dir=$2
  if [ ! -d "$dir/txt" ]; then
    "$GEN" "$n" "$dir/txt" corpora/b2b/*.txt corpora/b2b/*.md >/dev/null
  fi
  P=$dir/p.teema
  if [ -f "$P" ] && [ -z "${BENCH_FRESH:-}" ]; then
    return
  fi
  rm -f "$P" "$P-wal" "$P-shm"
  $TEEMA -q -p "$P" init
  $TEEMA -q -p "$P" codebook import "$CODEBOOK"
  row "$n" import "$(timed $TEEMA -q -p "$P" import "$dir"/txt/*.txt)" -
  row "$n" "autocode (cold)" "$(timed $TEEMA -q -p "$P" autocode)" -
  row "$n" "autocode (warm)" "$(best $TEEMA -q -p "$P" autocode)" -
  sqlite3 "$P" "INSERT INTO coder (name) VALUES ('anna');
    INSERT INTO coding (segment_id, theme_id, coder_id, start, end, created_at)
    SELECT c.segment_id, c.theme_id, (SELECT id FROM coder WHERE name = 'anna'),
      c.start, c.end, c.created_at FROM coding c WHERE c.segment_id % 7 = 0;
    INSERT OR IGNORE INTO coding (segment_id, theme_id, coder_id, start, end,
      created_at) SELECT s.id, (SELECT id FROM theme WHERE code = 'price'),
      (SELECT id FROM coder WHERE name = 'anna'), s.start, s.end, 'x'
      FROM segment s WHERE s.id % 11 = 0 AND s.interviewer = 0;"
}

echo "| words | command | seconds | CPU s | peak MiB | baseline s | baseline CPU s | ratio | CPU ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in $SIZES; do
  dir=$WORK/c$n
  prepare "$n" "$dir"
  P=$dir/p.teema
  T="$TEEMA -q -p $P"
  # Warm the project once (a migration, an index build) before timing.
  $T report themes >/dev/null
  $T search 'lemma:luottamus' >/dev/null
  BASE=$dir/base.teema
  rm -f "$BASE" "$BASE-wal" "$BASE-shm"
  sqlite3 "$P" ".backup '$BASE'"
  HAS_SCHEMA=$(sqlite3 "$BASE" "SELECT count(*) FROM sqlite_master WHERE name = 'document_totals'")
  cd "$dir"
  b=$(baseline themes "$Q_THEMES")
  row "$n" "report themes" "$(best $T report themes)" "$b"
  row "$n" "report themes --format csv" "$(best $T report themes --format csv)" "$b"
  row "$n" "chart heatmap (svg)" "$(best $T chart heatmap h.svg)" "$b"
  b=$(baseline groups "$Q_GROUPS")
  row "$n" "report themes --by group" "$(best $T report themes --by group)" "$b"
  row "$n" "report compare" "$(best $T report compare)" "$b"
  row "$n" "chart bars (svg)" "$(best $T chart bars b.svg)" "$b"
  row "$n" "report keyness" "$(best $T report keyness)" "$(baseline keyness "$Q_KEYNESS")"
  row "$n" "report saturation" "$(best $T report saturation)" "$(baseline saturation "$Q_SATURATION")"
  row "$n" "report cooccurrence" "$(best $T report cooccurrence)" "$(baseline cooc "$Q_COOC")"
  row "$n" "quotes --theme trust" "$(best $T quotes --theme trust)" "$(baseline quotes "$Q_QUOTES")"
  b=$(baseline quotes_all "$Q_QUOTES_ALL")
  row "$n" "quotes --all" "$(best $T quotes --all -o q.md)" "$b"
  row "$n" "quotes --all -o q.docx" "$(best $T quotes --all -o q.docx)" "$b"
  b=$(baseline agree "$Q_AGREE")
  row "$n" "agreement --coders anna,rules" "$(best $T agreement --coders anna,rules)" "$b"
  row "$n" "evaluate --gold anna" "$(best $T evaluate --gold anna)" "$b"
  row "$n" "informant list" "$(best $T informant list)" "$(baseline informants "$Q_INFORMANTS")"
  g=$(best sh -c "cat txt/*.txt | grep -c -i -E 'luottamu'")
  row "$n" "search lemma:luottamus" "$(best $T search 'lemma:luottamus')" "$g"
  g=$(best sh -c "cat txt/*.txt | grep -c -i -E 'suhte|suhde'")
  row "$n" "search part:suhde" "$(best $T search 'part:suhde')" "$g"
  row "$n" "export qdpx" "$(best $T export qdpx out.qdpx)" "$(baseline export "$Q_EXPORT")"
  printf 'dump\nkeys q\n' >keys
  row "$n" "code (first screen)" "$(best env TERM=xterm-256color $T code --coder anna --script keys)" "$(baseline first "$Q_FIRST")"
  cd "$ROOT"
done
