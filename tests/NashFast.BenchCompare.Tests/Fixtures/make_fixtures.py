#!/usr/bin/env python3
"""Writes the hand-made BenchCompare fixtures: small BenchmarkDotNet full-JSON reports (the shape of
JsonExporter.Full in BenchmarkDotNet 0.15.8, checked against a real dry run) with seeded, synthetic timings.

Scenarios (folders):
  base/        the reference run
  regression/  Solve 20% slower, Fast 30% faster, Tiny 0.30 -> 0.40 ns (33% but under the 0.5 ns noise floor),
               Removed missing, New added, Broken failed (no measurements), the rest new noise draws
  noise/       the same benchmarks as base, new noise draws only (nothing may be flagged)
  faster/      Fast 30% faster, the rest new noise draws (exit 0 with a "Faster" table)
Every report also holds warm-up, pilot and overhead measurements with wildly different times, so a reader that
does not keep only Workload/Result measurements gets wrong medians.

Run from this folder: python3 make_fixtures.py  (deterministic; the output is committed).
"""
import json
import os
import random

NS = "NashFast.Benchmarks.Fixture"
TYPE = "TwoByTwoFixture"
OPS = 1024
N = 20  # result iterations per benchmark


def host():
    return {
        "BenchmarkDotNetCaption": "BenchmarkDotNet", "BenchmarkDotNetVersion": "0.15.8",
        "OsVersion": "Linux Debian GNU/Linux 12 (bookworm)", "ProcessorName": "Fixture CPU",
        "PhysicalProcessorCount": 1, "PhysicalCoreCount": 2, "LogicalCoreCount": 2,
        "RuntimeVersion": ".NET 10.0.12 (10.0.12, 10.0.1226.42308)", "Architecture": "X64",
        "HasAttachedDebugger": False, "HasRyuJit": True, "Configuration": "RELEASE",
        "DotNetCliVersion": "10.0.401", "ChronometerFrequency": {"Hertz": 1000000000}, "HardwareTimerKind": "Unknown",
    }


def stats(values):
    s = sorted(values)
    n = len(s)
    med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    mean = sum(s) / n
    return {"OriginalValues": values, "N": n, "Min": s[0], "Median": med, "Mean": mean, "Max": s[-1]}


def benchmark(method, games, per_op, rng, failed=False):
    params = f"Games={games}"
    full = f"{NS}.{TYPE}.{method}(Games: {games})"
    b = {
        "DisplayInfo": f"{TYPE}.{method}: House(IterationTime=250ms, LaunchCount=2, MaxIterationCount=30, MinIterationCount=15, WarmupCount=3) [{params}]",
        "Namespace": NS, "Type": TYPE, "Method": method, "MethodTitle": method, "Parameters": params,
        "FullName": full, "HardwareIntrinsics": "AVX2+BMI1+BMI2+F16C+FMA+LZCNT+MOVBE,AVX,SSE3+SSSE3+SSE4.1+SSE4.2+POPCNT",
    }
    if failed:
        b.update({"Statistics": None, "Memory": {"Gen0Collections": 0, "Gen1Collections": 0, "Gen2Collections": 0,
                  "TotalOperations": 0, "BytesAllocatedPerOperation": None}, "Measurements": []})
        return b
    m = []
    for i in range(1, 4):  # pilot, overhead and warm-up: 10x to 50x the real time, must be ignored
        m.append({"IterationMode": "Workload", "IterationStage": "Pilot", "LaunchIndex": 1, "IterationIndex": i, "Operations": OPS, "Nanoseconds": per_op * OPS * 50})
        m.append({"IterationMode": "Overhead", "IterationStage": "Actual", "LaunchIndex": 1, "IterationIndex": i, "Operations": OPS, "Nanoseconds": per_op * OPS * 10})
        m.append({"IterationMode": "Workload", "IterationStage": "Warmup", "LaunchIndex": 1, "IterationIndex": i, "Operations": OPS, "Nanoseconds": per_op * OPS * 20})
    values = []
    for i in range(1, N + 1):
        v = per_op * (1 + rng.gauss(0, 0.02))  # 2% noise
        values.append(round(v, 6))
        m.append({"IterationMode": "Workload", "IterationStage": "Actual", "LaunchIndex": 1 + (i > N // 2), "IterationIndex": i, "Operations": OPS, "Nanoseconds": round(v * OPS + per_op * OPS * 0.01, 3)})
    for i, v in enumerate(values, 1):
        m.append({"IterationMode": "Workload", "IterationStage": "Result", "LaunchIndex": 1 + (i > N // 2), "IterationIndex": i, "Operations": OPS, "Nanoseconds": round(v * OPS, 3)})
    b.update({"Statistics": stats([x * OPS / OPS for x in values]),
              "Memory": {"Gen0Collections": 0, "Gen1Collections": 0, "Gen2Collections": 0, "TotalOperations": OPS * N, "BytesAllocatedPerOperation": 0},
              "Measurements": m, "Metrics": []})
    return b


def write(folder, benchmarks, seed_title):
    os.makedirs(folder, exist_ok=True)
    doc = {"Title": f"{NS}.{TYPE}-{seed_title}", "HostEnvironmentInfo": host(), "Benchmarks": benchmarks}
    with open(os.path.join(folder, f"{NS}.{TYPE}-report-full.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def run(seed, changes, removed=(), added=(), failed=()):
    rng = random.Random(seed)
    base = {("Solve", 1001): 1000.0, ("Reference", 1001): 50000.0, ("Tiny", 3): 0.30,
            ("Fast", 1001): 2000.0, ("Removed", 3): 100.0, ("Broken", 3): 400.0}
    out = []
    for (method, games), t in base.items():
        if method in removed:
            continue
        out.append(benchmark(method, games, t * changes.get(method, 1.0), rng, failed=method in failed))
    for method, games, t in added:
        out.append(benchmark(method, games, t, rng))
    return out


if __name__ == "__main__":
    write("base", run(1, {}), "base")
    write("regression", run(2, {"Solve": 1.20, "Fast": 0.70, "Tiny": 0.40 / 0.30},
                            removed=("Removed",), added=(("New", 5, 300.0),), failed=("Broken",)), "regression")
    write("noise", run(3, {}), "noise")
    write("faster", run(4, {"Fast": 0.70}), "faster")
