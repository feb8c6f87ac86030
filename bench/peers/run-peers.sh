#!/usr/bin/env bash
# bench/peers/run-peers.sh — NashFast next to lrsnash (lrslib) on the same seeded random games.
#
# Installs lrsnash when missing (Debian/Ubuntu package lrslib), then runs peers.py: random n x n games with uniform
# integer payoffs 0..1000, written as Gambit .nfg and as lrsnash input; lrsnash per game, `nashfast solve --format
# json --method vertex|auto` per size; checks both give the same extreme equilibria (lrsnash's verified exactly);
# prints a markdown table of the time per game and the ratio.
#
# Usage: bench/peers/run-peers.sh [--sizes 2,3,5,8,11] [--games 20] [--seed 1] [--max-payoff 1000]
#                                 [--method vertex|auto] [--threads N] [--lrs-only] [--workdir DIR]
#   --threads N     nashfast solve --threads (default 1, the CLI's own default; 0 = all cores); lrsnash is single-threaded
#   NASHFAST=path   the nashfast executable (default: src/NashFast.Cli/bin/Release/net10.0/nashfast; build it with
#                   dotnet build src/NashFast.Cli -c Release). Under the JIT the first game of each size includes
#                   compiling the solver (tens of ms), which dominates the mean at these sizes; for the native build
#                   without that cost: bench/peers/publish-aot.sh, then NASHFAST=src/NashFast.Cli/bin/Release/aot/nashfast
#   --lrs-only      run and verify lrsnash only
# Exit code: 0 all agree, 1 a disagreement, 2 a missing tool or bad usage.
# Timings are only meaningful on a quiet machine; record them with the machine and date (bench/results/).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
nashfast=${NASHFAST:-$repo/src/NashFast.Cli/bin/Release/net10.0/nashfast}

lrs_only=0
for a in "$@"; do [ "$a" = --lrs-only ] && lrs_only=1; done

if ! command -v lrsnash >/dev/null 2>&1; then
  echo "run-peers.sh: lrsnash missing; installing the Debian package lrslib" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  if ! { "${sudo_cmd[@]}" apt-get install -y lrslib >/dev/null || { "${sudo_cmd[@]}" apt-get update >/dev/null && "${sudo_cmd[@]}" apt-get install -y lrslib >/dev/null; }; }; then
    echo "run-peers.sh: could not install lrslib (apt-get install -y lrslib); install it and retry" >&2
    exit 2
  fi
fi
command -v python3 >/dev/null 2>&1 || { echo "run-peers.sh: python3 is required" >&2; exit 2; }

if [ "$lrs_only" -eq 0 ] && [ ! -x "$nashfast" ]; then
  echo "run-peers.sh: nashfast executable not found: $nashfast" >&2
  echo "  build it first:  dotnet build src/NashFast.Cli -c Release   (or set NASHFAST=/path/to/nashfast)" >&2
  echo "  or run only the lrsnash half:  $0 --lrs-only" >&2
  exit 2
fi

args=("$@")
[ "$lrs_only" -eq 1 ] || args+=(--nashfast "$nashfast")
echo "machine: $(hostname), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')" >&2
exec python3 "$(dirname "$0")/peers.py" "${args[@]}"
