#!/bin/sh
# The whole test suite. Builds (installing packages if needed), then:
#   1. every GoogleTest executable and the CLI golden cases (release build);
#   2. the layering rules, the Finnish catalogue (no untranslated or
#      fuzzy message: tests/po-complete.sh), the shape of the hand-coded
#      test sets (tests/sets/check-all.sh), clang-format on every C and
#      C++ file, and 'meson install --destdir' (tests/install.sh);
#   3. the library and CLI built with -Werror;
#   4. the unit tests and golden cases again, built with AddressSanitizer
#      and UndefinedBehaviorSanitizer (leaks checked).
# `--quick` runs 1 and 2 only. Ends with one line "N passed, N failed"
# (", K skipped" is added when tests skipped, e.g. without ../shared).
# Exits non-zero if anything failed.
set -u
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
pass=0
fail=0
skip=0
results=build/test-results

count () { # label passed failed skipped
  if [ "$4" -gt 0 ]; then
    echo "$1: $2 passed, $3 failed, $4 skipped"
  else
    echo "$1: $2 passed, $3 failed"
  fi
  pass=$((pass + $2))
  fail=$((fail + $3))
  skip=$((skip + $4))
}

xml_attr () { # file attribute
  grep -o "$2=\"[0-9]*\"" "$1" 2>/dev/null | head -1 | tr -dc 0-9
}

# run_suite BUILD_DIR PREFIX: the unit tests and golden cases of one build.
run_suite () {
  dir=$1
  prefix=$2
  mkdir -p "$results"
  for t in "$dir"/tests/test-*; do
    [ -f "$t" ] && [ -x "$t" ] || continue
    name=$prefix$(basename "$t")
    xml="$results/$name.xml"
    rm -f "$xml"
    "$t" --gtest_brief=1 --gtest_output="xml:$xml" >"$results/$name.log" 2>&1
    rc=$?
    p=$(xml_attr "$xml" tests)
    f=$(xml_attr "$xml" failures)
    e=$(xml_attr "$xml" errors)
    d=$(xml_attr "$xml" disabled)
    s=$(grep -c '<skipped' "$xml" 2>/dev/null)
    p=${p:-0}; f=${f:-0}; e=${e:-0}; d=${d:-0}; s=${s:-0}
    if [ "$rc" != 0 ] && [ "$f" = 0 ] && [ "$e" = 0 ]; then
      e=1 # crashed, or a sanitizer report after the tests
    fi
    ok=$((p - f - e - d - s))
    [ "$ok" -ge 0 ] || ok=0
    count "$name" "$ok" $((f + e)) "$s"
    [ "$rc" = 0 ] || sed 's/^/    /' "$results/$name.log" | tail -60
    [ "$s" = 0 ] || grep -A1 'Skipped$' "$results/$name.log" |
      grep -v -e '^--$' -e 'Skipped$' | sort -u | sed 's/^/    skipped: /'
  done
  log="$results/${prefix}golden.log"
  sh tests/cli/run-golden.sh "$dir/src/cli/teema" tests/cli/cases >"$log" 2>&1
  grc=$?
  last=$(tail -1 "$log")
  gp=$(echo "$last" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  gf=$(echo "$last" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  gs=$(echo "$last" | sed -n 's/.* \([0-9]*\) skipped.*/\1/p')
  [ -n "$gp" ] || { gp=0; gf=1; }
  [ "$grc" = 0 ] || grep -v -e '^PASS' -e '^SKIP' "$log" | sed 's/^/    /'
  grep '^SKIP' "$log" | sed 's/^SKIP /    skipped: /'
  count "${prefix}cli-golden" "$gp" "${gf:-0}" "${gs:-0}"
}

# A check that is one test: label, then the command.
run_check () {
  label=$1
  shift
  mkdir -p "$results"
  if "$@" >"$results/$label.log" 2>&1; then
    count "$label" 1 0 0
  else
    count "$label" 0 1 0
    sed 's/^/    /' "$results/$label.log" | tail -40
  fi
}

format_check () {
  files=$(git ls-files 'src/*.c' 'src/*.h' 'include/*.h' 'tests/*.cpp' \
    'tests/*.h' 'tests/*.c' 'bench/*.c' 2>/dev/null)
  [ -n "$files" ] || files=$(find src include tests bench -name '*.[ch]' \
    -o -name '*.cpp')
  # shellcheck disable=SC2086
  clang-format --dry-run --Werror $files
}

sh scripts/build.sh || { echo "0 passed, 1 failed"; exit 1; }
run_suite build ""
run_check layering sh tests/style/layering.sh src
run_check po-complete sh tests/po-complete.sh
run_check test-sets sh tests/sets/check-all.sh
run_check clang-format format_check
run_check install sh tests/install.sh build

if [ "$quick" = 0 ]; then
  if [ ! -f build-werror/build.ninja ]; then
    meson setup build-werror --buildtype=debugoptimized -Dwerror=true \
      >/dev/null
  fi
  run_check werror-build ninja -C build-werror
  if [ ! -f build-asan/build.ninja ]; then
    meson setup build-asan --buildtype=debug \
      -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
  fi
  if ninja -C build-asan >"$results/asan-build.log" 2>&1; then
    export ASAN_OPTIONS=detect_leaks=1
    export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_suite build-asan "asan:"
  else
    count "asan-build" 0 1 0
    tail -40 "$results/asan-build.log" | sed 's/^/    /'
  fi
fi

if [ "$skip" -gt 0 ]; then
  echo "$pass passed, $fail failed, $skip skipped"
else
  echo "$pass passed, $fail failed"
fi
[ "$fail" = 0 ]
