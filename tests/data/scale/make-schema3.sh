#!/bin/sh
# make-schema3.sh TEEMA — writes schema3.teema.gz: a project made by teema
# with schema 3 (the aside table of import --replace; commit 2bc6192, main
# before the scale rework was merged), for the migration test
# tests/cli/cases/migrate-schema3. Run it with that commit's binary. The
# project has what schema 3 brought: partial codings, a theme added
# without a codebook file, a rejected rule coding (written with SQL: only
# the terminal coder rejects), and a document replaced by an edited
# version with a coding and a memo set aside, so that the replaced
# document's segments have ids after the other document's.
set -eu
T=$1
here=$(cd "$(dirname "$0")" && pwd)
B=$here/../../../corpora/b2b
work=$(mktemp -d)
P=$work/schema3.teema
$T -q -p "$P" init
$T -q -p "$P" codebook import "$here/b2b.codebook"
$T -q -p "$P" import "$B/H1.txt" "$B/A1.txt"
$T -q -p "$P" autocode
$T -q -p "$P" coding add --segment 2 --theme trust --coder anna
$T -q -p "$P" coding add --segment 4 --theme experience --coder anna
$T -q -p "$P" coding add --segment 6 --theme price --coder ben --sentences 2-3
$T -q -p "$P" coding add --segment 8 --theme trust --coder ben --from 10 --to 60
$T -q -p "$P" theme add työolot --parent management --label-fi Työolot
$T -q -p "$P" coding add --segment 10 --theme työolot --coder anna
$T -q -p "$P" memo set --segment 2 --coder anna "Ennen päivitystä"
$T -q -p "$P" memo set --segment 4 --coder ben "Tämä vuoro poistuu"
$T -q -p "$P" informant set H1 date=2025-11-01 role=myyjä
sqlite3 "$P" "INSERT INTO rejection (segment_id, theme_id, coder_id, created_at)
  SELECT c.segment_id, c.theme_id, (SELECT id FROM coder WHERE name = 'anna'),
   '2026-01-05T10:00:00Z' FROM coding c JOIN coder k ON k.id = c.coder_id
  WHERE k.name = 'rules' ORDER BY c.segment_id, c.theme_id LIMIT 2;"
# The edited transcript: a sentence added to the first answer, the second
# answer (coded and with a memo) deleted.
mkdir "$work/edited"
sed -e '10s/$/ Tää lause on lisätty jälkeenpäin./' -e '13d' "$B/H1.txt" \
  >"$work/edited/H1.txt"
$T -q -p "$P" import --replace "$work/edited/H1.txt"
sqlite3 "$P" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
gzip -9 -n -c "$P" >"$here/schema3.teema.gz"
rm -rf "$work"
