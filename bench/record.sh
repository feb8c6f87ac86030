#!/usr/bin/env bash
# bench/record.sh — record results of record: run the suites on the current commit and keep the markdown under
# bench/results/<machine>/<date>-<commit>.md (see bench/results/README.md).
#
# Usage: bench/record.sh [--machine NAME] [--filter GLOB...] [--isa-jobs|--kernel-jobs] [--results-dir DIR] [-- BDN-ARGS]
#   --machine NAME     folder name for this machine (default: $NASHFAST_MACHINE, else `hostname -s`)
#   --filter GLOB...   suites to run (default '*')
#   --isa-jobs, --kernel-jobs   job sets of NashFast.Benchmarks (default: the house job)
#   --results-dir DIR  where machine folders live (default: bench/results); tests point it elsewhere
# The working tree must be clean: a result of record names the exact commit that produced it.
# Exit code: 0 recorded; 1 a benchmark failed (nothing recorded); 2 bad usage or a dirty tree.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

machine=${NASHFAST_MACHINE:-$(hostname -s)}
results=bench/results
filters=()
jobs=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --machine) machine=$2; shift 2 ;;
    --results-dir) results=$2; shift 2 ;;
    --filter) shift; while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do filters+=("$1"); shift; done ;;
    --isa-jobs|--kernel-jobs) jobs=("$1"); shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "record.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#filters[@]} -gt 0 ] || filters=('*')
case "$machine" in ''|*/*|.*) echo "record.sh: bad machine name '$machine'" >&2; exit 2 ;; esac
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "record.sh: the working tree has uncommitted changes; commit first (a result of record names its commit)" >&2
  exit 2
fi

sha=$(git rev-parse --short=10 HEAD)
stamp=$(date -u '+%Y-%m-%d')
art=$(mktemp -d "${TMPDIR:-/tmp}/nashfast-record.XXXXXX")
trap 'rm -rf "$art"' EXIT

echo "== build (Release) at $sha"
dotnet build bench/NashFast.Benchmarks -c Release --nologo -v q >"$art/build.txt" 2>&1 \
  || { tail -n 30 "$art/build.txt"; echo "record.sh: build failed" >&2; exit 1; }
echo "== run ${jobs[*]} --filter ${filters[*]} ${extra[*]}"
if ! dotnet bench/NashFast.Benchmarks/bin/Release/net10.0/NashFast.Benchmarks.dll \
    "${jobs[@]}" --filter "${filters[@]}" --artifacts "$art" "${extra[@]}" >"$art/run.txt" 2>&1; then
  tail -n 40 "$art/run.txt"; echo "record.sh: a benchmark failed; nothing recorded" >&2; exit 1
fi

dir="$results/$machine"
mkdir -p "$dir"
if [ ! -f "$dir/README.md" ]; then
  # The machine's page: filled from BenchmarkDotNet's environment block; describe the machine's setup by hand.
  env_block=$(sed -n '/^BenchmarkDotNet v/,/^$/p' "$art/run.txt" | head -n 12)
  {
    echo "# Results of record: $machine"
    echo
    echo "Benchmark results measured on this machine, one file per run: \`<date>-<commit>.md\` (see ../README.md)."
    echo "Compare files of this folder with each other only: absolute times do not travel between machines."
    echo
    echo "## Machine (as BenchmarkDotNet saw it on the first recorded run)"
    echo
    echo '```'
    echo "$env_block"
    echo '```'
    echo
    echo "## Setup notes"
    echo
    echo "(Fill in: how the machine was kept quiet, power settings, anything unusual.)"
  } >"$dir/README.md"
fi

out="$dir/$stamp-$sha.md"
{
  echo "# Benchmarks at $sha on $machine, $stamp"
  echo
  echo "- date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- commit: $(git rev-parse HEAD) ($(git log -1 --format=%s | sed 's/|/\\|/g'))"
  echo "- command: bench/record.sh ${jobs[*]} --filter ${filters[*]} ${extra[*]}"
  echo "- result: $(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$art/run.txt" | tail -n 1)"
  for f in $(find "$art/results" -name '*-report-github.md' | sort); do
    echo
    echo "## $(basename "$f" -report-github.md)"
    echo
    cat "$f"
  done
} >"$out"
echo "recorded: $out"
