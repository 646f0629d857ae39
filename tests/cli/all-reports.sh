# all-reports.sh — sourced by the scale golden cases: on the project
# p.teema (imported and autocoded by the caller), adds a few human codings
# and memos, then runs every report, chart, quote list, search, agreement,
# evaluation and export with their main options. Small outputs are shown
# whole; large ones as a line count, a checksum and their first lines.
# Dates (codings and memos carry the time they were made) are masked.
# The caller sets inf (an informant to filter on) and seg_a, seg_b (two
# of its segment ids) first.
mask () { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/DATE/g'; }
say () { echo "== $*" | sed "s|$TEEMA|teema|"; }
run () {
  say "$@"
  { "$@" 2>&1; echo "(exit $?)"; } | mask
}
big () {
  say "$@" "(lines, md5, head)"
  { "$@" 2>&1; echo "(exit $?)"; } | mask >big.out
  wc -l <big.out
  md5sum <big.out | cut -c1-32
  head -4 big.out | cut -c1-160
}
P="$TEEMA -p p.teema"
# Human codings: anna and ben code every 10th/12th segment they see, with a
# parent, a child and a top-level theme, so agreement and --gold have data.
ids=$($P segments --format tsv | tail -n +2 | cut -f1)
n=0
for id in $ids; do
  n=$((n + 1))
  if [ $((n % 10)) = 0 ]; then
    $TEEMA -q -p p.teema coding add --segment "$id" --theme trust --coder anna
    $TEEMA -q -p p.teema coding add --segment "$id" --theme price --coder ben
  fi
  if [ $((n % 12)) = 0 ]; then
    $TEEMA -q -p p.teema coding add --segment "$id" --theme trust --coder ben
    $TEEMA -q -p p.teema coding add --segment "$id" --theme experience --coder anna
  fi
  [ $n -lt 120 ] || break
done
$TEEMA -q -p p.teema memo set --segment "$seg_a" --coder anna "Tärkeä kohta <luottamus>"
$TEEMA -q -p p.teema memo set --segment "$seg_b" --coder ben "Hinta & laatu"
$TEEMA -q -p p.teema informant set "$inf" date=2026-01-02 role=myyjä
run $P informant list
run $P informant list --format tsv
big $P segments
big $P segments --all --format tsv
run $P segments --informant "$inf" --format csv
big $P coding list
run $P coding list --coder anna --informant "$inf"
run $P memo list
run $P report themes
run $P report themes --format csv
run $P report themes --by group
run $P report themes --by group --format json
run $P report themes --coder anna --lang en --format md
run $P report themes --coder rules --format tsv
run $P report compare
run $P report compare --format csv
run $P report compare --coder anna --lang en
run $P report keyness
run $P report keyness --top 5 --min-freq 1 --format tsv
run $P report cooccurrence
run $P report cooccurrence --jaccard --format csv
run $P report cooccurrence --coder ben
run $P report saturation
run $P report saturation --order date --coder rules --format csv
big $P quotes --theme trust
run $P quotes --theme trust --informant "$inf" --no-children --format csv
big $P quotes --theme experience --group customer --format tsv
run $P quotes --theme price --coder ben
big $P quotes --all
big $P quotes --all --coder anna --lang en
run $P chart heatmap h.svg
big cat h.svg
run $P chart heatmap --counts --lang en h2.svg
big cat h2.svg
run $P chart bars b.svg
big cat b.svg
run $P agreement --coders anna,ben
run $P agreement --coders anna,ben --disagreements --format tsv
run $P agreement --coders anna,rules --all-segments
run $P evaluate --gold anna
run $P evaluate --gold anna --all-segments --format csv
big $P search 'lemma:luottamus'
big $P search 'part:suhde OR root:luottaa' --width 20
run $P search 'lemma:hinta' --informant "$inf"
big $P search 'kokemu* NOT lemma:asiakas' --group customer
big $P search '"pitää lupaus" OR lemma:tuntea NEAR/4 lemma:asiakas'
big $P search 're:/hinta\w*/'
run $P search 'lemma:zzzzyyy'
run $P autocode
run $P export qdpx out.qdpx
unzip -l out.qdpx | awk 'NR > 3 && $4 != "" { print $1, $4 }' | sort -k2 | head -12
echo "== project.qde (lines, md5)"
unzip -p out.qdpx project.qde | mask >qde.out
wc -l <qde.out
md5sum <qde.out | cut -c1-32
echo "== sources (md5 of each, sorted)"
mkdir qdpx && (cd qdpx && unzip -q ../out.qdpx) && cat qdpx/sources/*.txt | md5sum | cut -c1-32
printf 'dump\nkeys j\ndump\nkeys q\n' >keys
echo "== code"
TERM=xterm-256color $P code --coder anna --script keys --size 100x30 | mask
TERM=xterm-256color $P code --coder anna --theme trust --informant "$inf" --script keys --size 100x30 | mask
