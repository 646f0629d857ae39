#!/bin/sh
# run-golden.sh TEEMA CASES_DIR — runs the CLI golden cases.
#
# Each case is a directory with `cmd` (a shell script run in a fresh
# temporary directory, with $TEEMA the binary, $SRC the repository and
# $SHARED the ../shared folder), and the expected `stdout`, `stderr`
# (optional: when absent stderr is not compared) and `status` (exit code).
# A case whose cmd exits 77 is skipped (it prints why, e.g. that it needs
# ../shared). Prints PASS/FAIL/SKIP per case, a diff for failures, and
# "N passed, N failed, N skipped".
set -u
TEEMA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CASES=$(cd "$2" && pwd)
SRC=$(cd "$CASES/../../.." && pwd)
SHARED=$(cd "$SRC/.." && pwd)/shared
export TEEMA SRC SHARED
export LC_ALL=C.UTF-8 TEEMA_CODER=tester
# English, and whole tables, whatever the developer's shell says; a case
# that wants Finnish or a width says so itself.
unset TEEMA_PROJECT TEEMA_LANG LANGUAGE COLUMNS
pass=0
fail=0
skip=0
for dir in "$CASES"/*/; do
  name=$(basename "$dir")
  work=$(mktemp -d)
  (cd "$work" && sh "$dir/cmd" >"$work/.out" 2>"$work/.err"; echo $? >"$work/.status")
  if [ "$(cat "$work/.status")" = 77 ] && [ "$(cat "$dir/status" 2>/dev/null)" != 77 ]; then
    skip=$((skip + 1))
    echo "SKIP $name: $(head -1 "$work/.out")"
    rm -rf "$work"
    continue
  fi
  ok=1
  if ! diff -u "$dir/stdout" "$work/.out" >"$work/.diff" 2>&1; then ok=0; fi
  if [ -f "$dir/stderr" ] && ! diff -u "$dir/stderr" "$work/.err" >>"$work/.diff" 2>&1; then ok=0; fi
  want=$(cat "$dir/status" 2>/dev/null || echo 0)
  got=$(cat "$work/.status")
  if [ "$want" != "$got" ]; then
    ok=0
    echo "exit status: want $want, got $got" >>"$work/.diff"
    sed 's/^/  stderr: /' "$work/.err" >>"$work/.diff"
  fi
  if [ $ok = 1 ]; then
    pass=$((pass + 1))
    echo "PASS $name"
  else
    fail=$((fail + 1))
    echo "FAIL $name"
    sed 's/^/    /' "$work/.diff"
  fi
  rm -rf "$work"
done
echo "$pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
