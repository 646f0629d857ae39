#!/bin/sh
# install.sh BUILD_DIR — 'meson install --destdir' into a temporary folder,
# then checks what a user gets:
#   1. the installed files (tests/install-files.txt; the public headers and
#      the codebooks are checked against include/teema and codebooks/);
#   2. the library exports the public API only (no teema_noun__verb);
#   3. a program builds against the installed headers, pkg-config file and
#      library, and runs;
#   4. the installed binary runs, and speaks Finnish from the installed
#      catalogue;
#   5. the man page has a section for every command of 'teema --help';
#   6. the installed bash completion completes commands and options.
# Prints what differs and exits 1 on any failure.
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest=$work/root
fail=0
bad () {
  echo "install: $*"
  fail=1
}

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

# 1. The file list, with the prefix and library folder named.
bin=$(find "$dest" -path '*/bin/teema')
prefix=$(dirname "$(dirname "$bin")")
lib=$(dirname "$(find "$dest" -name 'libteema.so.0')")
(cd "$dest" && find . -type f -o -type l) | sed "s,^\.,$dest," |
  sed -e "s,^$lib/,LIBDIR/," -e "s,^$prefix/,PREFIX/," | sort >"$work/files"
echo "The files installed:"
sed 's/^/  /' "$work/files"
headers=$(cd "$src/include/teema" && ls *.h | sed 's,^,PREFIX/include/teema/,')
codebooks=$(cd "$src/codebooks" && ls | sed 's,^,PREFIX/share/teema/codebooks/,')
printf '%s\n%s\n' "$headers" "$codebooks" | sort >"$work/variable"
grep -E '^PREFIX/(include/teema|share/teema/codebooks)/' "$work/files" |
  diff "$work/variable" - >"$work/diff" ||
  bad "headers or codebooks differ from the sources: $(cat "$work/diff")"
grep -vE '^PREFIX/(include/teema|share/teema/codebooks)/' "$work/files" |
  diff "$src/tests/install-files.txt" - >"$work/diff" ||
  bad "installed files differ from tests/install-files.txt: $(cat "$work/diff")"

# 2. The public API only.
if nm -D --defined-only "$lib/libteema.so.0" | grep -q ' teema_[a-z0-9_]*__'; then
  bad "libteema exports internals: $(nm -D --defined-only "$lib/libteema.so.0" |
    grep -o 'teema_[a-z0-9_]*__[a-z0-9_]*' | head -3)"
fi

# 3. A program against the installed library, through pkg-config.
mkdir "$work/pc"
sed "s,^prefix=.*,prefix=$prefix," "$lib/pkgconfig/teema.pc" >"$work/pc/teema.pc"
cat >"$work/use.c" <<'C'
#include <stdio.h>
#include <teema/teema.h>

int
main (void)
{
  TeemaAnalyzer *az = teema_analyzer_new ("fi", NULL);
  TeemaNameKey *key = teema_name_key_parse ("Jarkko = Matti", -1, "k", NULL);
  TeemaPseudonymOptions opt = { key, FALSE, NULL };
  char *out = teema_names_pseudonymise (az, &opt, "Soitin Jarkolle.", NULL);
  puts (out);
  g_free (out);
  teema_name_key_free (key);
  teema_analyzer_free (az);
  return 0;
}
C
flags=$(PKG_CONFIG_PATH="$work/pc" pkg-config --cflags --libs teema)
libdir_flag="-L$lib"
# shellcheck disable=SC2086
if ! cc "$work/use.c" -o "$work/use" $flags $libdir_flag 2>"$work/cc.log"; then
  bad "a program does not build against the installed teema: $(cat "$work/cc.log")"
else
  out=$(LD_LIBRARY_PATH="$lib" "$work/use")
  [ "$out" = "Soitin Matille." ] || bad "the program printed '$out'"
  echo "A program built with 'pkg-config --cflags --libs teema' printed: $out"
fi

# 4. The installed binary.
version=$(LD_LIBRARY_PATH="$lib" "$bin" --version) || bad "teema --version failed"
echo "Installed: $version"
mo=$(find "$dest" -name teema.mo)
fi_help=$(LD_LIBRARY_PATH="$lib" "$bin" --lang fi --help | head -1)
[ "$fi_help" = "Käyttö: teema [-p PROJEKTI] KOMENTO [VALITSIMET...]" ] ||
  bad "teema --lang fi --help printed '$fi_help' (catalogue: $mo)"
echo "In Finnish: $fi_help"

# 5. The manual page names every command.
man=$(find "$dest" -name teema.1)
for cmd in $(LD_LIBRARY_PATH="$lib" "$bin" --lang en --help |
  sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p'); do
  grep -q "^\.SS \"$cmd" "$man" || bad "teema.1 has no section for '$cmd'"
done

# 6. Bash completion of commands, subcommands and options.
completion=$(find "$dest" -path '*/bash-completion/completions/teema')
got=$(LD_LIBRARY_PATH="$lib" bash -c '
  . "$1"
  try () {
    read -ra COMP_WORDS <<< "$2"
    [[ $2 == *" " ]] && COMP_WORDS+=("")
    COMP_WORDS[0]=$3
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _teema
    echo "$2=> ${COMPREPLY[*]}"
  }
  try x "teema rep" "$2"
  try x "teema report " "$2"
  try x "teema quotes --max" "$2"
  try x "teema -p p.teema names --tem" "$2"' sh "$completion" "$bin")
echo "$got" | sed 's/^/  completion: /'
echo "$got" | grep -qx 'teema rep=> report' || bad "no 'report' for 'teema rep'"
echo "$got" | grep -q '^teema report => themes compare keyness .* all$' ||
  bad "no report subcommands"
echo "$got" | grep -qx 'teema quotes --max=> --max-length' ||
  bad "no --max-length for 'teema quotes --max'"
echo "$got" | grep -qx 'teema -p p.teema names --tem=> --template' ||
  bad "no --template after a global option"

[ $fail = 0 ] && echo "install: ok"
exit $fail
