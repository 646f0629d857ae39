#!/bin/sh
# check-all.sh — the shape check of every hand-coded test set
# (tests/sets/setcheck.py): a set whose file was edited by hand into a
# wrong shape fails here rather than being scored wrongly.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
fail=0
for set in trainset trainset2 trainset3 heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15 heldout16 heldout17 heldout18; do
  if python3 "$src/tests/$set/check.py" >/dev/null; then
    echo "ok $set"
  else
    python3 "$src/tests/$set/check.py" | grep ERROR
    fail=1
  fi
done
exit $fail
