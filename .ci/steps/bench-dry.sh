#!/usr/bin/env bash
# CI step: run every benchmark once, in-process (NashFast.Benchmarks --dry), so a broken benchmark or a failed
# cross-check (a GlobalSetup that throws) fails CI in seconds. Also checks that the infrastructure still catches a
# failing cross-check (the hidden self-test suite must make the run fail).
#
# Dry mode: HouseJobs.Dry (Job.Dry + InProcessEmitToolchain) and NASHFAST_BENCH_DRY=1, so suites that take their
# sizes from BenchParams run their small sizes only. Artifacts go to a temp dir, never into the repository.
# Output: the benchmarks' own log, then one final line "N passed, N failed" (benchmarks that ran / failed,
# plus one for the self-test). Exit code 0 only when everything passed.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dll=bench/NashFast.Benchmarks/bin/Release/net10.0/NashFast.Benchmarks.dll
art=$(mktemp -d "${TMPDIR:-/tmp}/nashfast-bench-dry.XXXXXX")
trap 'rm -rf "$art"' EXIT

if [ ! -f "$dll" ]; then
  echo "== building bench/NashFast.Benchmarks (Release)"
  if ! dotnet build bench/NashFast.Benchmarks -c Release --nologo -v q >"$art/build.txt" 2>&1; then
    tail -n 30 "$art/build.txt"; echo "benchmark build failed"; echo "0 passed, 1 failed"; exit 1
  fi
fi

passed=0
failed=0

# 1. The self-test: a benchmark whose GlobalSetup cross-check throws must make the run exit 1.
echo "== self-test: a failing cross-check must fail the run"
timeout 120 dotnet "$dll" --selftest --dry --filter '*CrossCheckFails*' --artifacts "$art/selftest" >"$art/selftest.txt" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q 'Cross-check failed' "$art/selftest.txt"; then
  echo "ok: exit 1 and the cross-check message was reported"; passed=$((passed + 1))
else
  tail -n 40 "$art/selftest.txt"
  echo "FAIL: the deliberately failing benchmark gave exit code $rc (expected 1)"; failed=$((failed + 1))
fi

# 2. Every real benchmark once. 170 s bounds a hung benchmark (the whole step should take well under 3 minutes).
echo "== every benchmark, once, in-process"
timeout 170 dotnet "$dll" --dry --filter '*' --artifacts "$art/dry" 2>&1 | tee "$art/dry.txt"
rc=${PIPESTATUS[0]}
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$art/dry.txt" | tail -n 1)
if [ -n "$line" ]; then
  passed=$((passed + $(echo "$line" | awk '{print $1}')))
  failed=$((failed + $(echo "$line" | awk '{print $3}')))
fi
if [ "$rc" -ne 0 ]; then
  if [ "$rc" -eq 124 ]; then echo "FAIL: the dry run timed out"; fi
  grep -E 'Cross-check failed|Exception:' "$art/dry.txt" | head -n 20
  echo "FAIL: dry benchmark run exited with $rc"
  # A crash or timeout before the summary line still counts as a failure.
  if [ -z "$line" ] || [ "$(echo "$line" | awk '{print $3}')" = "0" ]; then failed=$((failed + 1)); fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
