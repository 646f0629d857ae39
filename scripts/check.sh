#!/bin/sh
# The whole test suite: builds (installing packages if needed), runs every
# GoogleTest executable and the CLI golden cases, and ends with one line
# "N passed, N failed". Exits non-zero if anything failed.
set -u
cd "$(dirname "$0")/.."
sh scripts/build.sh || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p build/test-results
pass=0
fail=0
for t in build/tests/test-*; do
  [ -f "$t" ] && [ -x "$t" ] || continue
  name=$(basename "$t")
  "$t" --gtest_brief=1 --gtest_output="xml:build/test-results/$name.xml" \
    >"build/test-results/$name.log" 2>&1
  rc=$?
  p=$(grep -o 'tests="[0-9]*"' "build/test-results/$name.xml" 2>/dev/null | head -1 | tr -dc 0-9)
  f=$(grep -o 'failures="[0-9]*"' "build/test-results/$name.xml" 2>/dev/null | head -1 | tr -dc 0-9)
  e=$(grep -o 'errors="[0-9]*"' "build/test-results/$name.xml" 2>/dev/null | head -1 | tr -dc 0-9)
  d=$(grep -o 'disabled="[0-9]*"' "build/test-results/$name.xml" 2>/dev/null | head -1 | tr -dc 0-9)
  p=${p:-0}; f=${f:-0}; e=${e:-0}; d=${d:-0}
  if [ "$rc" != 0 ] && [ "$f" = 0 ] && [ "$e" = 0 ]; then
    e=1   # crashed before writing results
  fi
  ok=$((p - f - e - d))
  echo "$name: $ok passed, $((f + e)) failed"
  [ "$rc" = 0 ] || sed 's/^/    /' "build/test-results/$name.log" | tail -60
  pass=$((pass + ok))
  fail=$((fail + f + e))
done
if sh tests/style/layering.sh src >build/test-results/layering.log 2>&1; then
  echo "layering: 1 passed, 0 failed"
  pass=$((pass + 1))
else
  echo "layering: 0 passed, 1 failed"
  sed 's/^/    /' build/test-results/layering.log
  fail=$((fail + 1))
fi
sh tests/cli/run-golden.sh build/src/cli/teema tests/cli/cases \
  >build/test-results/golden.log 2>&1
grc=$?
gp=$(tail -1 build/test-results/golden.log | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
gf=$(tail -1 build/test-results/golden.log | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
[ -n "$gp" ] || { gp=0; gf=1; }
[ "$grc" = 0 ] || grep -v '^PASS' build/test-results/golden.log | sed 's/^/    /'
echo "cli-golden: $gp passed, $gf failed"
pass=$((pass + gp))
fail=$((fail + gf))
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
