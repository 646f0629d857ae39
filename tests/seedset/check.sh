#!/bin/sh
# Self-check of the seed set: the header, 6 tab-separated fields a row,
# unique ids, a known group, and theme ids that exist in the codebook.
# Usage: sh tests/seedset/check.sh  (from the repository root)
cb=codebooks/b2b-asiakaskokemus.codebook
for f in tests/seedset/seedset.tsv tests/seedset/seedset-reported.tsv; do
  iconv -f UTF-8 -t UTF-8 "$f" >/dev/null || { echo "$f: not UTF-8"; exit 1; }
  ! grep -q "$(printf '\r')" "$f" || { echo "$f: CR found"; exit 1; }
  awk -F'\t' -v f="$f" 'NR==FNR { split($0,c," "); if (c[1]=="theme") ok[c[2]]=1; next }
    FNR==1 { if ($0!="id\tgroup\tspeaker\tthemes\ttext\treason") { print f": bad header"; bad=1 } next }
    { if (NF!=6) { print f":"FNR": "NF" fields"; bad=1 }
      if (seen[$1]++) { print f":"FNR": duplicate id "$1; bad=1 }
      if ($2!="employee" && $2!="customer") { print f":"FNR": bad group "$2; bad=1 }
      if ($4!="-") { n=split($4,t,","); for (i=1;i<=n;i++) if (!(t[i] in ok)) { print f":"FNR": unknown theme "t[i]; bad=1 } }
      if (split($5,w," ")<4) { print f":"FNR": under 4 words"; bad=1 } }
    END { if (bad) exit 1; print f": " FNR-1 " rows OK" }' "$cb" "$f" || exit 1
done
