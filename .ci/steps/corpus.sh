#!/usr/bin/env bash
# CI step: the real `nashfast` executable (Release, built by .ci/run) over the whole corpus in ../shared/corpus,
# once in floating point and once with --exact, checking the equilibrium sets and the degenerate flag.
# Ends with one line "N passed, N failed" (games, summed over both runs); exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
corpus=${NASHFAST_CORPUS:-../shared/corpus}
# A git worktree sits one level deeper (wt/NAME next to shared/).
[ -z "${NASHFAST_CORPUS:-}" ] && [ ! -d "$corpus" ] && [ -d ../../shared/corpus ] && corpus=../../shared/corpus
exe=src/NashFast.Cli/bin/Release/net10.0/nashfast
# Generous: until faster solvers land, auto uses the exact reference, which is slow on the 8x8 and 10x10 games.
timeout=${NASHFAST_CORPUS_TIMEOUT:-900}

if [ ! -x "$exe" ]; then echo "missing $exe (build Release first)"; echo "0 passed, 1 failed"; exit 1; fi
if [ ! -f "$corpus/check.py" ]; then echo "missing $corpus/check.py"; echo "0 passed, 1 failed"; exit 1; fi

passed=0
failed=0
status=0
for mode in float exact; do
  extra=()
  [ "$mode" = exact ] && extra=(--exact)
  echo "=== corpus, $mode ==="
  out=$(mktemp)
  python3 "$corpus/check.py" "$corpus" --jobs 2 -q --timeout "$timeout" --check-degenerate -- \
    "$exe" solve {} --format json "${extra[@]}" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '^SUMMARY:' "$out" | tail -n 1)
  if [ -z "$line" ]; then
    echo "check.py printed no summary (exit $rc)"; failed=$((failed + 1)); status=1
  else
    # SUMMARY: P passed, F failed, E errors, T timeouts (N games)
    p=$(echo "$line" | awk '{print $2}'); f=$(echo "$line" | awk '{print $4}')
    e=$(echo "$line" | awk '{print $6}'); t=$(echo "$line" | awk '{print $8}')
    passed=$((passed + p)); failed=$((failed + f + e + t))
  fi
  [ "$rc" -ne 0 ] && status=1
  rm -f "$out"
done

echo "$passed passed, $failed failed"
exit $status
