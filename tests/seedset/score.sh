#!/bin/sh
# Scores a codebook (default: the shipped one) on the development set, on
# both seed-set files and on the trainset, each on its own, and adds to
# each table the pooled (micro) scores over the four themes issue 14 sets
# targets for: relationship, trust, effortlessness and measurement.
# (tests/heldout is not scored here: it is measured once, by the lead.)
# Usage: sh tests/seedset/score.sh [CODEBOOK] [TEEMA]  (from the repository root)
set -eu
cb=${1:-codebooks/b2b-asiakaskokemus.codebook}
teema=${2:-build/src/cli/teema}
for set in tests/devset/devset.tsv tests/seedset/seedset.tsv \
           tests/seedset/seedset-reported.tsv tests/trainset/trainset.tsv \
           tests/trainset2/trainset2.tsv tests/trainset3/trainset3.tsv; do
  echo "== $set"
  "$teema" evaluate --devset "$set" --codebook "$cb"
  "$teema" evaluate --devset "$set" --codebook "$cb" --format tsv | awk -F'\t' '
    $1 == "relationship" || $1 == "trust" || $1 == "effortlessness" ||
    $1 == "measurement" { tp += $4; fp += $5; fn += $6 }
    END {
      p = tp + fp ? tp / (tp + fp) : 0; r = tp + fn ? tp / (tp + fn) : 0
      f = p + r ? 2 * p * r / (p + r) : 0
      printf "(micro over relationship, trust, effortlessness, measurement)" \
             "  tp %d fp %d fn %d  precision %.3f recall %.3f f1 %.3f\n\n",
             tp, fp, fn, p, r, f
    }'
done
