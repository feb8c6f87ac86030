#!/usr/bin/env python3
"""Regenerates lrsnash-answers.json: the exact equilibria of the benchmark games, computed by lrsnash.

The games are those of BenchmarkGames.Uniform (C#): payoffs are 20-bit integers drawn from SplitMix64, first every
entry of A row by row, then every entry of B, with seed = 1000 * m + n. This script draws the same numbers, writes
each game in lrsnash's input format ("m n", blank line, A row by row, blank line, B row by row), runs lrsnash
(Debian package lrslib 0.71b, lrsnash v7.1, GMP arithmetic) and stores every equilibrium as exact rational strings.

Usage: apt-get install -y lrslib && python3 make_lrsnash_answers.py > lrsnash-answers.json
"""
import json
import subprocess
import sys
import tempfile

SHAPES = [(8, 8), (10, 10), (12, 12), (5, 10), (10, 5)]
MASK = (1 << 64) - 1


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def game(m, n):
    rng = splitmix64(1000 * m + n)
    a = [next(rng) >> 44 for _ in range(m * n)]
    b = [next(rng) >> 44 for _ in range(m * n)]
    return a, b


def lrsnash(m, n, a, b):
    text = f"{m} {n}\n\n"
    text += "".join(" ".join(str(v) for v in a[i * n:(i + 1) * n]) + "\n" for i in range(m)) + "\n"
    text += "".join(" ".join(str(v) for v in b[i * n:(i + 1) * n]) + "\n" for i in range(m))
    with tempfile.NamedTemporaryFile("w", suffix=".game", delete=False) as f:
        f.write(text)
    out = subprocess.run(["lrsnash", f.name], capture_output=True, text=True, check=True).stdout
    equilibria, column = [], None
    for line in out.splitlines():
        tokens = line.split()
        if not tokens or tokens[0].startswith("*"):
            continue
        if tokens[0] == "2":          # player 2's strategy (n probabilities) and a payoff
            column = tokens[1:1 + n]
        elif tokens[0] == "1":        # player 1's strategy (m probabilities) and a payoff, paired with the last "2"
            equilibria.append({"row": tokens[1:1 + m], "column": column})
    return equilibria, out


def main():
    games = []
    for m, n in SHAPES:
        a, b = game(m, n)
        equilibria, out = lrsnash(m, n, a, b)
        count = [l for l in out.splitlines() if "Number of equilibria" in l]
        games.append({"shape": f"{m}x{n}", "seed": 1000 * m + n, "lrsnash": count[0].strip("* ") if count else "",
                      "equilibria": equilibria})
        print(f"{m}x{n}: {len(equilibria)} equilibria", file=sys.stderr)
    # One equilibrium per line keeps the file small and diffable.
    print('{"source": "lrsnash (lrslib 0.71b, v7.1, GMP) on BenchmarkGames.Uniform; see make_lrsnash_answers.py",')
    print(' "games": [')
    for g, entry in enumerate(games):
        head = {k: v for k, v in entry.items() if k != "equilibria"}
        print("  " + json.dumps(head)[:-1] + ', "equilibria": [')
        lines = [json.dumps(e, separators=(",", ":")) for e in entry["equilibria"]]
        print(",\n".join("   " + l for l in lines))
        print("  ]}" + ("," if g < len(games) - 1 else ""))
    print(" ]}")


if __name__ == "__main__":
    main()
