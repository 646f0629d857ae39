#!/bin/sh
# po-complete.sh — fails when the Finnish catalogue lags behind the code:
#   1. every source file that marks a string (_, N_, C_, NC_, ngettext)
#      is listed in po/POTFILES, so xgettext sees it;
#   2. the strings xgettext finds now (with po/meson.build's keywords),
#      merged into po/fi.po, leave no message untranslated or fuzzy:
#      a new or changed English string fails here until it is translated;
#   3. msgfmt --check accepts fi.po (the format specifiers of every
#      translation match the English ones).
# Prints what is missing; refresh with 'ninja -C build teema-update-po',
# translate, and run again.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

cd "$src"
for f in $(grep -rlE '\b(N?C?_|g_dngettext|cli_count) \(' src --include='*.c' --include='*.h' | sort); do
  grep -qx "$f" po/POTFILES || { echo "po: $f marks strings but is not in po/POTFILES"; fail=1; }
done

# The keywords meson's 'glib' preset gives xgettext, and ours.
keywords=$(grep -o "'--keyword=[^']*'" po/meson.build | tr -d "'")
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 --language=C -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 \
  -kg_dngettext:2,3 -kg_dpgettext2:2c,3 $keywords \
  --files-from=po/POTFILES -o "$work/teema.pot"
msgmerge --quiet --no-fuzzy-matching -o "$work/fi.po" po/fi.po "$work/teema.pot"
msgattrib --untranslated --no-obsolete "$work/fi.po" -o "$work/untranslated.po"
msgattrib --only-fuzzy --no-obsolete "$work/fi.po" -o "$work/fuzzy.po"
for kind in untranslated fuzzy; do
  if [ -s "$work/$kind.po" ]; then
    echo "po: $kind messages in po/fi.po:"
    grep '^msgid ' "$work/$kind.po" | grep -v '^msgid ""$' | sed 's/^/  /'
    fail=1
  fi
done
stats=$(msgfmt --check --statistics -o /dev/null "$work/fi.po" 2>&1) || {
  echo "po: msgfmt --check: $stats"
  fail=1
}
echo "po: fi.po: $stats"
exit $fail
