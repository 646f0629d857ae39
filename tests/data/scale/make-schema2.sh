#!/bin/sh
# make-schema2.sh TEEMA — writes schema2.teema.gz: a project made by teema
# before the scale rework (schema 2; commit b3dd7de), for the migration
# test tests/cli/cases/migrate-schema2. Run it with that commit's binary.
set -eu
T=$1
here=$(cd "$(dirname "$0")" && pwd)
B=$here/../../../corpora/b2b
work=$(mktemp -d)
P=$work/schema2.teema
$T -q -p "$P" init
$T -q -p "$P" codebook import "$here/b2b.codebook"
$T -q -p "$P" import "$B/H1.txt" "$B/A1.txt"
$T -q -p "$P" autocode
$T -q -p "$P" coding add --segment 2 --theme trust --coder anna
$T -q -p "$P" coding add --segment 4 --theme experience --coder anna
$T -q -p "$P" memo set --segment 2 --coder anna "Ennen päivitystä"
$T -q -p "$P" informant set H1 date=2025-11-01 role=myyjä
sqlite3 "$P" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
gzip -9 -n -c "$P" >"$here/schema2.teema.gz"
rm -rf "$work"
