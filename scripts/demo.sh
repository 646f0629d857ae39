#!/bin/sh
# The main job on the bundled material: a new project in out/, the sample
# corpus imported, coded with the shipped codebook's rules, the theme ×
# informant and group reports printed, a quotes file written, and every
# report, chart and the quotes as DOCX written by 'report all'.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build.sh
T=build/src/cli/teema
mkdir -p out
P=out/demo.teema
rm -f "$P" "$P-wal" "$P-shm"
$T -p "$P" init
$T -p "$P" codebook import codebooks/b2b-asiakaskokemus.codebook
$T -p "$P" import corpora/b2b/*.txt corpora/b2b/*.md
$T -p "$P" autocode
echo
$T -p "$P" report themes --by informant
echo
$T -p "$P" report themes --by group
$T -p "$P" quotes --all --output out/quotes.md
$T -p "$P" report themes --format csv --output out/themes-by-informant.csv
$T -q -p "$P" report all --out out/raportit
echo
echo "Wrote out/quotes.md (quotes per theme, thesis convention),"
echo "out/themes-by-informant.csv and every report, chart and the quotes as"
echo "DOCX in out/raportit (see out/raportit/index.md); the project is $P."
