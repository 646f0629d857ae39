#!/bin/sh
# measure.sh [TEEMA] — every hostile input of issues 13 and 15, made at
# full size in a scratch folder (default /tmp/teema-hostile, some files
# are hundreds of MB), each fed to teema under /usr/bin/time. Prints a
# Markdown table: input, exit status, the first line teema said, seconds
# and peak memory (max RSS). The small versions of these inputs are unit
# tests (tests/unit/test-safety.cpp, tests/data/hostile/); this is the
# full-size check. Needs python3 and /usr/bin/time.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
T=${1:-$here/build/src/cli/teema}
W=${HOSTILE_WORK:-/tmp/teema-hostile}
rm -rf "$W" && mkdir -p "$W" && cd "$W" || exit 1

python3 - <<'PY'
import zipfile, os
def zeros_member(zf, name, mb):
    with zf.open(name, 'w', force_zip64=True) as f:
        block = b"\0" * (1 << 20)
        for _ in range(mb):
            f.write(block)
qde = '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'
with zipfile.ZipFile('unreferenced-400mb.qdpx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('project.qde', qde)
    zeros_member(z, 'sources/unused.txt', 400)
ref = ('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource'
       ' guid="00000000-0000-0000-0000-000000000001" name="z"'
       ' plainTextPath="internal://big.txt"/></Sources></Project>')
with zipfile.ZipFile('referenced-400mb.qdpx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('project.qde', ref)
    zeros_member(z, 'sources/big.txt', 400)
def docx(path, mb):
    para = ('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>H1:</w:t></w:r><w:r><w:t '
            'xml:space="preserve"> ' + 'sana ' * 60 + '</w:t></w:r></w:p>')
    chunk = (para * 1000).encode()
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://'
                    b'schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    b'<w:body>')
            for _ in range(mb * (1 << 20) // len(chunk)):
                f.write(chunk)
            f.write(b'</w:body></w:document>')
docx('document-450mb.docx', 450)
docx('document-1gb.docx', 1024)
with open('one-line-200mb.txt', 'w') as f:
    f.write('H1: ' + 'sana ' * (40 * 1024 * 1024) + '\n')
with open('one-line-60mb.txt', 'w') as f:
    f.write('H1: ' + 'sana ' * (12 * 1024 * 1024) + '\n')
with open('turns-1100000.txt', 'w') as f:
    f.write('H1: sana\n' * 1100000)
with open('only-dashes.txt', 'w') as f:
    f.write('---')
def codebook(path, rule):
    with open(path, 'w') as f:
        f.write('codebook: x\nlanguage: fi\n\ntheme t\n  rule: ' + rule + '\n')
codebook('open-paren.codebook', 'a OR (')
codebook('deep-100000.codebook', '(' * 100000 + 'a' + ')' * 100000)
codebook('terms-1000000.codebook', ' OR '.join(['sana'] * 1000000))
codebook('terms-100000.codebook', ' OR NOT '.join(['sana'] * 50000))
codebook('terms-10000.codebook', ' OR '.join(['w%d' % i for i in range(10000)]))
codebook('backtracking.codebook', 're:/(.*a){25}/')
with open('short-colour.qdc', 'w') as f:
    f.write('<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
            '<Codes><Code guid="11111111-1111-1111-1111-111111111111" '
            'name="c" isCodable="true" color="#0"/></Codes></CodeBook>')
with open('codes-100000.qdc', 'w') as f:
    f.write('<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
            '<Codes>\n')
    for i in range(100000):
        f.write('<Code guid="00000000-0000-0000-0000-%012d" name="Code %d" '
                'isCodable="true"/>\n' % (i, i))
    f.write('</Codes></CodeBook>\n')
with open('backtracking.txt', 'w') as f:
    f.write('---\ninformant: H1\n---\n')
    for i in range(200):
        f.write('H1: ' + 'a' * 60 + 'b %d\n' % i)
with open('nul.csv', 'wb') as f:
    f.write(b'informant,group\nH1,a\0b\n')
with open('informant-twice.csv', 'w') as f:
    f.write('informant,group,informant\nH1,a,H1\n')
PY
truncate -s 100M sparse-100mb.txt
cp "$here"/tests/data/hostile/refi/duplicate-guid.qde .
cp "$here"/tests/data/interop/billion-laughs.qde "$here"/tests/data/interop/xxe.qde \
  "$here"/tests/data/interop/zip-slip.qdpx "$here"/tests/data/interop/bomb.qdpx .
sqlite3 app-v1.db "CREATE TABLE t(x); PRAGMA user_version=1;"
mkdir folder.teema

fresh () { rm -f p.teema p.teema-wal p.teema-shm; "$T" -q -p p.teema init; }
row () { # label, then the command
  label=$1
  shift
  /usr/bin/time -f "%e %M" -o time.txt "$@" >out.txt 2>err.txt
  rc=$?
  said=$(grep -h -v -e '^Command exited' -e '^$' err.txt out.txt | head -1 |
    cut -c1-150 | sed 's/|/\\|/g; s/^[^:]*: //')
  set -- $(tail -1 time.txt)
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rc" "$said" "$1" \
    "$(( $2 / 1024 )) MB"
}

echo "| input | exit | teema said | seconds | peak memory |"
echo "| --- | --- | --- | --- | --- |"
row "rule '('" "$T" rules test '(' x
row "rule 'a OR ('" "$T" rules test 'a OR (' x
fresh; row "codebook rule 'a OR ('" "$T" -p p.teema codebook import open-paren.codebook
fresh; row "rule nested 100,000 deep (codebook)" "$T" -p p.teema codebook import deep-100000.codebook
fresh; row "rule of 1,000,000 terms (codebook)" "$T" -p p.teema codebook import terms-1000000.codebook
fresh; row "rule of 100,000 OR NOT terms (codebook)" "$T" -p p.teema codebook import terms-100000.codebook
fresh; "$T" -q -p p.teema import "$here"/corpora/b2b/H1.txt
"$T" -q -p p.teema codebook import terms-10000.codebook
row "autocode with a 10,000-term rule" "$T" -p p.teema autocode
fresh; "$T" -q -p p.teema import backtracking.txt
"$T" -q -p p.teema codebook import backtracking.codebook
row "re:/(.*a){25}/ on 200 segments" "$T" -p p.teema autocode
row "re:/(.*a){25}/ rules test" "$T" rules test 're:/(.*a){25}/' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab
fresh; row "transcript '---' only" "$T" -p p.teema import only-dashes.txt
fresh; row "200 MB transcript on one line" "$T" -p p.teema import one-line-200mb.txt
fresh; row "60 MB transcript on one line" "$T" -p p.teema import one-line-60mb.txt
fresh; row "1,100,000 turns" "$T" -p p.teema import turns-1100000.txt
fresh; row "100 MB (sparse) text file" "$T" -p p.teema import sparse-100mb.txt
fresh; row "DOCX, document.xml 450 MB" "$T" -p p.teema import document-450mb.docx
fresh; row "DOCX, document.xml 1 GB" "$T" -p p.teema import document-1gb.docx
fresh; row ".qdpx, unreferenced member 400 MB" "$T" -p p.teema import unreferenced-400mb.qdpx
fresh; row ".qdpx, referenced source 400 MB" "$T" -p p.teema import referenced-400mb.qdpx
fresh; row ".qdpx zip bomb member (unreferenced)" "$T" -p p.teema import bomb.qdpx
fresh; row ".qdpx zip slip" "$T" -p p.teema import zip-slip.qdpx
fresh; row ".qde billion laughs" "$T" -p p.teema import billion-laughs.qde
fresh; row ".qde external entity" "$T" -p p.teema import xxe.qde
fresh; row ".qde child repeats ancestor GUID" "$T" -p p.teema import duplicate-guid.qde
fresh; row ".qdc color=\"#0\"" "$T" -p p.teema codebook import short-colour.qdc
fresh; row ".qdc with 100,000 codes" "$T" -p p.teema codebook import codes-100000.qdc
fresh; "$T" -q -p p.teema import "$here"/corpora/b2b/H1.txt
row "CSV with a NUL byte" "$T" -p p.teema informant import nul.csv
row "CSV naming informant twice" "$T" -p p.teema informant import informant-twice.csv
sum=$(sha256sum app-v1.db)
row "SQLite of another program (user_version 1)" "$T" -p app-v1.db segments
row "  ... as merge's other file" "$T" -p p.teema merge app-v1.db
[ "$sum" = "$(sha256sum app-v1.db)" ] && echo "| (app-v1.db byte-identical afterwards) | | | | |"
row "a folder as the project" "$T" -p folder.teema segments
cp p.teema newer.teema && sqlite3 newer.teema "PRAGMA user_version=99" >/dev/null
row "project from a newer schema" "$T" -p newer.teema segments
chmod 444 p.teema
row "read-only project: write" "$T" -p p.teema informant set H1 group=x
chmod 644 p.teema
mkdir ro && cp p.teema ro/ && chmod 555 ro
row "project in a read-only folder: read" "$T" -p ro/p.teema informant list
row "project in a read-only folder: write" "$T" -p ro/p.teema informant set H1 group=x
chmod 755 ro
"$T" -q -p p.teema memo set --segment 1 --coder a "$(printf 'x\033[31m\001y')"
row "memo with ESC and ^A, then export" "$T" -p p.teema export qdpx out.qdpx
rm -rf x && mkdir x && (cd x && unzip -q ../out.qdpx && xmllint --noout ./*.qde) &&
  echo "| (exported .qde is well-formed XML) | | | | |"
