#!/bin/sh
# learn-evidence.sh — writes the evidence lines of the shipped codebook
# (codebooks/b2b-asiakaskokemus.codebook) again, from the hand-coded sets
# it was learned from. Learning is deterministic: run on an unchanged
# repository, this changes nothing, which the suite checks.
#
# The sets are every hand-coded set but tests/heldout16 to heldout18,
# which are held out to measure it (see tests/seedset/SCORES.md);
# heldout13 to heldout15 measured the first version once and are learned
# from since. The
# themes are those whose F1 on the blind-written sets rose with evidence
# when each set was coded with what the others taught; personnel did
# not, and keeps its rules alone. Parent themes are coded through their
# sub-themes.
#
# Usage: sh scripts/learn-evidence.sh [TEEMA [OUTPUT]]
set -eu
cd "$(dirname "$0")/.."
TEEMA=${1:-build/src/cli/teema}
OUT=${2:-codebooks/b2b-asiakaskokemus.codebook}
set --
for s in devset seedset trainset trainset2 trainset3 heldout heldout2 \
  heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 \
  heldout11 heldout12 heldout13 heldout14 heldout15; do
  set -- "$@" --devset "tests/$s/$s.tsv"
done
for t in relationship trust effortlessness measurement emotion b2b price \
  touchpoints aftersales strategy communication feedback improvement; do
  set -- "$@" --theme "$t"
done
exec "$TEEMA" rules learn "$@" --codebook codebooks/b2b-asiakaskokemus.codebook \
  --output "$OUT"
