#!/bin/sh
# valgrind.sh [TEEMA] — the CLI golden cases with every teema run under
# valgrind memcheck (on request; slow). A memory error or a definite leak
# makes that teema exit 99, so its case fails; the logs are kept in
# $VALGRIND_LOGS (default /tmp/teema-valgrind), one per run.
set -u
here=$(cd "$(dirname "$0")" && pwd)
teema=$(cd "$(dirname "${1:-$here/../../build/src/cli/teema}")" && pwd)/$(basename "${1:-teema}")
logs=${VALGRIND_LOGS:-/tmp/teema-valgrind}
rm -rf "$logs" && mkdir -p "$logs/bin"
cat >"$logs/bin/teema" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
  --suppressions="$here/valgrind.supp" \\
  --errors-for-leak-kinds=definite --log-file="$logs/run.%p.log" \\
  "$teema" "\$@"
WRAP
chmod +x "$logs/bin/teema"
sh "$here/run-golden.sh" "$logs/bin/teema" "$here/cases"
rc=$?
found=$(cat "$logs"/run.*.log 2>/dev/null | grep -c 'definitely lost\|Invalid \|uninitialised')
echo "valgrind: $found reports (logs in $logs)"
[ "$rc" = 0 ] && [ "$found" = 0 ]
