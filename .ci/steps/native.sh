#!/usr/bin/env bash
# The C ABI, end to end: publish libnashfast.so with Native AOT (once), compile the C example with gcc and run it
# (Battle of the Sexes, a 10^6-game batch, a 10^6-game Monte Carlo run, bad calls, threads, timing at 4096 and
# 16M games), run the Python ctypes example on the same library, and compare both with the managed API on a fixed
# seeded list of games and Monte Carlo runs (the C program dumps games + answers + summaries;
# tests/NashFast.NativeCheck re-solves and re-runs them managed, the Python example through ctypes). Ends with "N passed, N failed"; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

ok()   { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# Adds the "N passed, N failed" line of a sub-run to the totals; a sub-run without that line, or with a non-zero
# exit and no failure counted, is one failure.
tally() {
  local name=$1 rc=$2 log=$3 line p q
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$line" ]; then fail "$name: no summary line (exit $rc)"; return; fi
  p=$(echo "$line" | awk '{print $1}'); q=$(echo "$line" | awk '{print $3}')
  passed=$((passed + p)); failed=$((failed + q))
  if [ "$rc" -ne 0 ] && [ "$q" -eq 0 ]; then fail "$name: exit $rc"; fi
  echo "     $name: $line"
}

finish() {
  echo "native step took $(( $(date +%s) - start )) s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

echo "--- dotnet publish src/NashFast.Native -c Release -r linux-x64"
t0=$(date +%s)
if dotnet publish src/NashFast.Native -c Release -r linux-x64 -o "$work/lib" > "$work/publish.txt" 2>&1 && [ -f "$work/lib/libnashfast.so" ]; then
  ok "publish produced libnashfast.so ($(( $(date +%s) - t0 )) s)"
else
  tail -n 30 "$work/publish.txt"; fail "publish"; finish
fi

symbols=$(nm -D --defined-only "$work/lib/libnashfast.so")
exports=$(echo "$symbols" | grep -c ' T nf_')
if [ "$exports" -ge 8 ] && echo "$symbols" | grep -cE ' T nf_montecarlo2x2(@|$)' > /dev/null; then ok "libnashfast.so exports $exports nf_* functions, nf_montecarlo2x2 among them"; else fail "libnashfast.so exports $exports nf_* functions"; fi

echo "--- gcc examples/c/nashfast_example.c"
if gcc -O2 -std=c11 -Wall -Wextra -Werror -I include examples/c/nashfast_example.c \
     -L "$work/lib" -lnashfast -Wl,-rpath,'$ORIGIN' -lpthread -lm -o "$work/lib/nashfast_example" 2> "$work/gcc.txt"; then
  ok "the C example compiles with gcc -Wall -Wextra -Werror against include/nashfast.h"
else
  cat "$work/gcc.txt"; fail "gcc"; finish
fi

echo "--- C example"
"$work/lib/nashfast_example" --dump "$work/games.txt" > "$work/c.txt" 2>&1
rc=$?
grep -Ev '^PASS' "$work/c.txt"
tally "C example" "$rc" "$work/c.txt"

echo "--- Python example (ctypes)"
python3 examples/python/nashfast.py --lib "$work/lib/libnashfast.so" --compare "$work/games.txt" > "$work/py.txt" 2>&1
rc=$?
grep -Ev '^PASS|^     -> ' "$work/py.txt"
tally "Python example" "$rc" "$work/py.txt"

echo "--- managed API on the same games"
check=(dotnet run -c Release --project tests/NashFast.NativeCheck)
if [ -f tests/NashFast.NativeCheck/bin/Release/net10.0/NashFast.NativeCheck.dll ]; then check+=(--no-build); fi
"${check[@]}" -- "$work/games.txt" > "$work/managed.txt" 2>&1
rc=$?
cat "$work/managed.txt"
tally "managed cross-check" "$rc" "$work/managed.txt"

finish
