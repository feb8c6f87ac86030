#!/usr/bin/env bash
# bench/peers/publish-aot.sh — an optional Native AOT build of the nashfast CLI (no JIT at run time).
#
# Why: run-peers.sh times `nashfast solve` on 20 small games in one process, and under the JIT the first game pays for
# compiling the solver (60-100 ms for a 10x10 game with payoffs 0..3, against 1-3 ms once compiled), which dominates
# the mean per game at these sizes. The native binary starts with everything compiled.
#
# Usage: bench/peers/publish-aot.sh [--portable] [OUTDIR]     (default OUTDIR: src/NashFast.Cli/bin/Release/aot)
#   --portable   code for any x64 CPU (the default targets this machine's instruction sets, like the JIT does)
# Then:  NASHFAST=OUTDIR/nashfast bench/peers/run-peers.sh ...
# Needs clang and zlib1g-dev (Debian/Ubuntu: apt-get install -y clang zlib1g-dev) and the ILCompiler packages from
# NuGet (restored by dotnet publish). Linux x64 only. Parquet.Net is not annotated for AOT: see NashFast.Cli.csproj.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
isa=(-p:IlcInstructionSet=native)
out=
for a in "$@"; do
  case "$a" in
    --portable) isa=() ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "publish-aot.sh: unknown option $a" >&2; exit 2 ;;
    *) out=$a ;;
  esac
done
out=${out:-$repo/src/NashFast.Cli/bin/Release/aot}
for tool in clang dotnet; do
  command -v "$tool" >/dev/null 2>&1 || { echo "publish-aot.sh: $tool is required (apt-get install -y clang zlib1g-dev)" >&2; exit 2; }
done
dotnet publish "$repo/src/NashFast.Cli" -c Release -r linux-x64 -p:PublishAot=true "${isa[@]}" -o "$out"
cp "$out/NashFast.Cli" "$out/nashfast"
echo "native nashfast: $out/nashfast"
