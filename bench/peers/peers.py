#!/usr/bin/env python3
"""NashFast against lrsnash on the same seeded random games (python3 standard library only).

For each size n, writes GAMES random n x n games with uniform integer payoffs in 0..MAX (seeded), each both as a
Gambit .nfg file (payoff version) and in lrsnash's input format ("m n", matrix A, matrix B); runs lrsnash on each
game and `nashfast solve --format json --method METHOD` on all games of a size in one call (JSON Lines); checks that
both return the same set of extreme equilibria; prints a markdown table of time per game and the ratio.

lrsnash's answers are parsed as exact fractions and each one is verified exactly to be an equilibrium with the
stated payoffs (so a parsing slip cannot pass as agreement). NashFast's probabilities are compared with them within
1e-6 absolute, payoffs within 1e-6 x max(1, |payoff|), one-to-one (the corpus's rule, shared/corpus/check.py).

Exit code: 0 when every game agreed (and every lrsnash answer verified), 1 on any disagreement, 2 on bad usage or a
missing tool.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

PROB_TOL = 1e-6
PAYOFF_TOL = 1e-6


def random_game(rng, n, max_payoff):
    a = [[rng.randint(0, max_payoff) for _ in range(n)] for _ in range(n)]
    b = [[rng.randint(0, max_payoff) for _ in range(n)] for _ in range(n)]
    return a, b


def write_nfg(path, a, b, title):
    m, n = len(a), len(a[0])
    cells = []
    for j in range(n):          # Gambit payoff version: the row player's strategy varies fastest
        for i in range(m):
            cells.append(f"{a[i][j]} {b[i][j]}")
    with open(path, "w") as f:
        f.write(f'NFG 1 R "{title}" {{ "Player 1" "Player 2" }} {{ {m} {n} }}\n\n')
        f.write(" ".join(cells) + "\n")


def write_lrs(path, a, b):
    m, n = len(a), len(a[0])
    with open(path, "w") as f:
        f.write(f"{m} {n}\n\n")
        for row in a:
            f.write(" ".join(map(str, row)) + "\n")
        f.write("\n")
        for row in b:
            f.write(" ".join(map(str, row)) + "\n")


def parse_lrsnash(text, m, n):
    """Equilibria from lrsnash output: each block has one or more lines "2 y_1..y_n v" (player 2's strategy, v the
    row player's payoff) followed by one line "1 x_1..x_m u" (player 1's strategy, u the column player's payoff);
    every "2" line pairs with the "1" line that closes its block (degenerate games list several)."""
    eqs = []
    pending = []
    for raw in text.splitlines():
        tok = raw.split()
        if not tok or tok[0].startswith("*"):  # blank lines separate blocks; "*" lines are comments and statistics
            continue
        if tok[0] == "2":
            if len(tok) != n + 2:
                raise ValueError(f"lrsnash line has {len(tok)} fields, expected {n + 2}: {raw!r}")
            pending.append(([Fraction(t) for t in tok[1:n + 1]], Fraction(tok[n + 1])))
        elif tok[0] == "1":
            if len(tok) != m + 2 or not pending:
                raise ValueError(f"unexpected lrsnash line: {raw!r}")
            x = [Fraction(t) for t in tok[1:m + 1]]
            u = Fraction(tok[m + 1])
            for y, v in pending:
                eqs.append((tuple(x), tuple(y), (v, u)))
            pending = []
    if pending:
        raise ValueError("lrsnash output ends with an unpaired strategy of player 2")
    return eqs


def verify_exact(a, b, eq):
    """True when (x, y) is a Nash equilibrium of (a, b) with exactly the stated payoffs."""
    x, y, (v, u) = eq
    m, n = len(a), len(a[0])
    if any(p < 0 for p in x + y) or sum(x) != 1 or sum(y) != 1:
        return False
    row = [sum(a[i][j] * y[j] for j in range(n)) for i in range(m)]   # payoff of each pure row against y
    col = [sum(b[i][j] * x[i] for i in range(m)) for j in range(n)]   # payoff of each pure column against x
    pv = sum(x[i] * row[i] for i in range(m))
    pu = sum(y[j] * col[j] for j in range(n))
    return pv == v and pu == u and max(row) == pv and max(col) == pu


def run_lrsnash(lrs_path, m, n):
    t0 = time.perf_counter()
    p = subprocess.run(["lrsnash", lrs_path], capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"lrsnash failed on {lrs_path} (exit {p.returncode}): {p.stderr.strip()[:500]}")
    cpu = None
    for line in p.stdout.splitlines():   # "*0.009u 0.000s 2188Kb ...": lrsnash's own user+system CPU time
        tok = line.lstrip("*").split()
        if len(tok) >= 2 and tok[0].endswith("u") and tok[1].endswith("s"):
            try:
                cpu = float(tok[0][:-1]) + float(tok[1][:-1])
            except ValueError:
                pass
    return parse_lrsnash(p.stdout, m, n), wall, cpu


def number(v):
    return float(Fraction(v)) if isinstance(v, str) else float(v)


def run_nashfast(exe, files, method, threads):
    t0 = time.perf_counter()
    p = subprocess.run([exe, "solve", *files, "--format", "json", "--method", method, "--threads", str(threads)],
                       capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"nashfast solve failed (exit {p.returncode}): {p.stderr.strip()[:1000]}")
    lines = [ln for ln in p.stdout.splitlines() if ln.strip()]
    if len(lines) != len(files):
        raise RuntimeError(f"nashfast printed {len(lines)} JSON lines for {len(files)} games")
    results = []
    for ln in lines:
        obj = json.loads(ln)
        eqs = [(tuple(number(v) for v in e["row"]), tuple(number(v) for v in e["col"]),
                tuple(number(v) for v in e["payoffs"])) for e in obj["equilibria"]]
        results.append((eqs, float(obj["elapsedMs"]), obj))
    return results, wall


def same_set(exact, approx):
    """One-to-one match of exact (Fraction) and approximate (float) equilibria."""
    if len(exact) != len(approx):
        return False
    left = list(approx)
    for x, y, pay in exact:
        hit = None
        for k, (ax, ay, apay) in enumerate(left):
            if (len(ax) == len(x) and len(ay) == len(y)
                    and all(abs(float(p) - q) <= PROB_TOL for p, q in zip(x + y, ax + ay))
                    and all(abs(float(p) - q) <= PAYOFF_TOL * max(1.0, abs(float(p))) for p, q in zip(pay, apay))):
                hit = k
                break
        if hit is None:
            return False
        left.pop(hit)
    return True


def fmt_ms(seconds):
    return "-" if seconds is None else f"{seconds * 1e3:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2,3,5,8,11", help="comma-separated n for n x n games (default 2,3,5,8,11)")
    ap.add_argument("--games", type=int, default=20, help="games per size (default 20)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--max-payoff", type=int, default=1000, help="payoffs uniform in 0..MAX (default 1000)")
    ap.add_argument("--method", default="vertex", choices=["vertex", "auto"], help="nashfast solve --method (default vertex)")
    ap.add_argument("--threads", type=int, default=1,
                    help="nashfast solve --threads (default 1; 0 = all cores); lrsnash always runs on one")
    ap.add_argument("--nashfast", help="path of the nashfast executable; omit with --lrs-only")
    ap.add_argument("--lrs-only", action="store_true", help="run and verify lrsnash only (no NashFast column)")
    ap.add_argument("--workdir", help="keep the generated games here (default: a temp dir, deleted)")
    args = ap.parse_args()
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(f"peers.py: --sizes must be comma-separated integers, got {args.sizes!r}", file=sys.stderr)
        return 2
    if not sizes or min(sizes) < 1 or args.games < 1 or args.max_payoff < 0 or args.threads < 0:
        print("peers.py: sizes and --games must be positive, --max-payoff and --threads non-negative", file=sys.stderr)
        return 2
    if shutil.which("lrsnash") is None:
        print("peers.py: lrsnash not found (Debian/Ubuntu: apt-get install lrslib)", file=sys.stderr)
        return 2
    if not args.lrs_only and (not args.nashfast or not os.access(args.nashfast, os.X_OK)):
        print(f"peers.py: nashfast executable not found: {args.nashfast!r} "
              "(build it: dotnet build src/NashFast.Cli -c Release), or pass --lrs-only", file=sys.stderr)
        return 2

    work = args.workdir or tempfile.mkdtemp(prefix="nashfast-peers-")
    os.makedirs(work, exist_ok=True)
    rng = random.Random(args.seed)
    rows = []
    ok = True
    try:
        for n in sizes:
            games = []
            for g in range(args.games):
                a, b = random_game(rng, n, args.max_payoff)
                stem = os.path.join(work, f"r{n}x{n}_{g:03d}")
                write_nfg(stem + ".nfg", a, b, f"random {n}x{n} 0..{args.max_payoff}, seed {args.seed}, game {g}")
                write_lrs(stem + ".lrs", a, b)
                games.append((stem, a, b))
            lrs_wall = 0.0
            lrs_cpu = 0.0
            cpu_known = True
            lrs_eqs = []
            verified = 0
            total = 0
            for stem, a, b in games:
                eqs, wall, cpu = run_lrsnash(stem + ".lrs", n, n)
                lrs_wall += wall
                if cpu is None:
                    cpu_known = False
                else:
                    lrs_cpu += cpu
                total += len(eqs)
                bad = [e for e in eqs if not verify_exact(a, b, e)]
                verified += len(eqs) - len(bad)
                if bad or not eqs:
                    ok = False
                    print(f"lrsnash answer for {stem}.lrs failed exact verification ({len(bad)} of {len(eqs)})", file=sys.stderr)
                lrs_eqs.append(eqs)
            row = {"n": n, "games": len(games), "eqs": total, "verified": verified,
                   "lrs_wall": lrs_wall / len(games), "lrs_cpu": lrs_cpu / len(games) if cpu_known else None}
            if not args.lrs_only:
                results, nf_wall = run_nashfast(args.nashfast, [s + ".nfg" for s, _, _ in games], args.method, args.threads)
                agree = 0
                nf_ms = 0.0
                for (stem, _, _), exact, (approx, elapsed_ms, _) in zip(games, lrs_eqs, results):
                    nf_ms += elapsed_ms
                    if same_set(exact, approx):
                        agree += 1
                    else:
                        ok = False
                        print(f"DISAGREE {stem}.nfg: lrsnash {len(exact)} equilibria, nashfast {len(approx)}", file=sys.stderr)
                row.update({"agree": agree, "nf_solver": nf_ms / 1e3 / len(games), "nf_wall": nf_wall / len(games)})
            rows.append(row)
            print(f"n={n}: {len(games)} games, {total} equilibria", file=sys.stderr)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    print(f"Random n x n games, payoffs uniform in 0..{args.max_payoff}, seed {args.seed}, {args.games} games per size; "
          f"times are per game, in ms.")
    print()
    if args.lrs_only:
        print("| n x n | games | equilibria | verified exactly | lrsnash wall | lrsnash CPU |")
        print("|---|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['n']}x{r['n']} | {r['games']} | {r['eqs']} | {r['verified']} | {fmt_ms(r['lrs_wall'])} | {fmt_ms(r['lrs_cpu'])} |")
    else:
        threads = "1 thread" if args.threads == 1 else ("all cores" if args.threads == 0 else f"{args.threads} threads")
        print(f"| n x n | games | equilibria | agree | lrsnash CPU | NashFast solver ({args.method}, {threads}) | ratio | lrsnash wall | NashFast wall (batch) | wall ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            ratio = (f"{r['lrs_cpu'] / r['nf_solver']:.1f}x" if r["lrs_cpu"] is not None and r["nf_solver"] > 0 else "-")
            wall_ratio = f"{r['lrs_wall'] / r['nf_wall']:.1f}x" if r["nf_wall"] > 0 else "-"
            print(f"| {r['n']}x{r['n']} | {r['games']} | {r['eqs']} | {r['agree']}/{r['games']} | {fmt_ms(r['lrs_cpu'])} | "
                  f"{fmt_ms(r['nf_solver'])} | {ratio} | {fmt_ms(r['lrs_wall'])} | {fmt_ms(r['nf_wall'])} | {wall_ratio} |")
        print()
        print("ratio = lrsnash CPU time / NashFast solver time (elapsedMs, in-process); wall = each tool's whole process "
              "(lrsnash: one process per game; NashFast: one process for all games of a size, divided by the count).")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
