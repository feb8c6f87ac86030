#!/usr/bin/env bash
# CI step: differential fuzzing against the reference solver on a fixed batch of 300 seeded games (tests/NashFast.Fuzz,
# about 30 s): vertex enumeration on one and two threads, from the exact game and by the float search alone, auto on
# doubles and on exact games (all exactly), vertex enumeration without the exact rationals (the reference's doubles),
# support enumeration's set when it says complete, every Lemke–Howson path's end, the pure equilibria. The same batch
# found the games that made auto report "nondegenerate" for degenerate games before 2026-11-26. Ends with
# "N passed, N failed" (one per solver and game).
set -uo pipefail
cd "$(dirname "$0")/../.."
dll=tests/NashFast.Fuzz/bin/Release/net10.0/NashFast.Fuzz.dll
if [ ! -f "$dll" ]; then echo "missing $dll (build Release first)"; echo "0 passed, 1 failed"; exit 1; fi
dotnet "$dll" --seed 1 --games 300
