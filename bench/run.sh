#!/usr/bin/env bash
# bench/run.sh — did my change make anything slower? Base commit vs working tree, on THIS machine.
#
# Absolute times do not travel between machines, so both sides are measured here, one after the other:
#   1. check out BASE (default: main) into a temporary git worktree and build its benchmarks (Release);
#   2. run the selected suites there, JSON into OUT/base;
#   3. build and run the same suites from the working tree (uncommitted changes included), JSON into OUT/diff;
#   4. compare with bench/NashFast.BenchCompare (built from the working tree): OUT/compare.md, and on stdout.
#
# Usage: bench/run.sh [--base REF] [--filter GLOB]... [--job house|isa|kernel|dry] [--out DIR]
#                     [--threshold 5%] [--noise 0.5ns] [-- ARGS-FOR-NashFast.Benchmarks...]
#   --base REF       commit, branch or tag to compare against (default: main)
#   --filter GLOB    BenchmarkDotNet filter, repeatable (default: '*', every suite), e.g. '*TwoByTwo*'
#   --job J          house  = the house job (results of record; default)
#                    isa    = one job per instruction-set limit (--isa-jobs; for the 2x2 kernel suite)
#                    kernel = one job per NASHFAST_KERNEL value (--kernel-jobs)
#                    dry    = each benchmark once, in-process (smoke test of this script; timings meaningless)
#   --out DIR        where to keep base/, diff/ and compare.md (default: a new temp dir, printed at the end)
#   --threshold T, --noise N   passed to BenchCompare (defaults 5% and 0.5ns)
#   -- ARGS          anything after -- goes to both benchmark runs (e.g. -- --iterationCount 20)
# Exit code: BenchCompare's (0 no regression, 1 regression, 2 bad input); 3 when a benchmark run or build failed.
# Keep the machine quiet while this runs (no builds, no browsers); run it twice if a result surprises you.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

base=main
job=house
out=
filters=()
compare_args=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --filter) filters+=("$2"); shift 2 ;;
    --job) job=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --threshold|--noise) compare_args+=("$1" "$2"); shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
# Filters given after -- (e.g. -- --filter X) replace the default; BenchmarkDotNet takes --filter only once.
for a in "${extra[@]}"; do case "$a" in --filter|-f) [ ${#filters[@]} -eq 0 ] || { echo "run.sh: give --filter before or after --, not both" >&2; exit 2; }; filters=(-); esac; done
[ ${#filters[@]} -gt 0 ] || filters=('*')
case "$job" in
  house) job_args=() ;;
  isa) job_args=(--isa-jobs) ;;
  kernel) job_args=(--kernel-jobs) ;;
  dry) job_args=(--dry) ;;
  *) echo "run.sh: --job must be house, isa, kernel or dry (got '$job')" >&2; exit 2 ;;
esac
if ! base_sha=$(git rev-parse --verify --quiet "$base^{commit}"); then
  echo "run.sh: base '$base' is not a commit" >&2; exit 2
fi
[ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/nashfast-run.XXXXXX")
mkdir -p "$out"
out=$(cd "$out" && pwd)
tree="$out/base-tree"

cleanup() { git worktree remove --force "$tree" >/dev/null 2>&1 || true; }
trap cleanup EXIT

filter_args=(--filter "${filters[@]}")
[ "${filters[0]}" != - ] || filter_args=()

# run_suites SRC_DIR ARTIFACTS_DIR LABEL
run_suites() {
  local src=$1 art=$2 label=$3
  echo "== [$label] build $(git -C "$src" rev-parse --short HEAD)$( [ "$label" = diff ] && [ -n "$(git -C "$src" status --porcelain)" ] && echo ' + uncommitted changes')"
  if ! dotnet build "$src/bench/NashFast.Benchmarks" -c Release --nologo -v q >"$out/$label-build.txt" 2>&1; then
    tail -n 30 "$out/$label-build.txt"; echo "run.sh: [$label] build failed" >&2; exit 3
  fi
  echo "== [$label] run: ${job_args[*]} ${filter_args[*]} ${extra[*]}"
  # The benchmarks' own exit code: non-zero when any benchmark or cross-check failed. Run from the side's own tree:
  # BenchmarkDotNet finds (and rebuilds) the benchmark project by searching from the current directory, so running
  # the base from the working tree's directory would time the working tree's code twice.
  if ! (cd "$src" && dotnet "$src/bench/NashFast.Benchmarks/bin/Release/net10.0/NashFast.Benchmarks.dll" \
      "${job_args[@]}" "${filter_args[@]}" --artifacts "$art" "${extra[@]}") >"$out/$label-run.txt" 2>&1; then
    tail -n 30 "$out/$label-run.txt"; echo "run.sh: [$label] a benchmark failed (log: $out/$label-run.txt)" >&2; exit 3
  fi
  grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out/$label-run.txt" | tail -n 1
}

echo "== base $base ($base_sha) into $tree"
git worktree add --detach --force "$tree" "$base_sha" >/dev/null
run_suites "$tree" "$out/base" base
run_suites "$repo" "$out/diff" diff

echo "== compare"
dotnet build bench/NashFast.BenchCompare -c Release --nologo -v q >"$out/compare-build.txt" 2>&1 \
  || { tail -n 30 "$out/compare-build.txt"; echo "run.sh: BenchCompare build failed" >&2; exit 3; }
set +e
dotnet bench/NashFast.BenchCompare/bin/Release/net10.0/NashFast.BenchCompare.dll "$out/base" "$out/diff" \
  "${compare_args[@]}" --out "$out/compare.md"
rc=$?
set -e
echo
echo "results: $out (base/, diff/, compare.md, logs)"
exit $rc
