#!/usr/bin/env bash
# CI step: differential fuzzing of the exact m×n solvers (vertex enumeration on one and two threads, from the exact
# game, the floating-point search alone, auto on doubles and on exact games) against the reference solver, on a fixed
# batch of 300 seeded games (tests/NashFast.Fuzz; about 30 s). The same batch found the games that made auto report
# "nondegenerate" for degenerate games before 2026-11-26. Ends with "N passed, N failed" (one per solver and game).
set -uo pipefail
cd "$(dirname "$0")/../.."
dll=tests/NashFast.Fuzz/bin/Release/net10.0/NashFast.Fuzz.dll
if [ ! -f "$dll" ]; then echo "missing $dll (build Release first)"; echo "0 passed, 1 failed"; exit 1; fi
dotnet "$dll" --seed 1 --games 300
