"""NashFast from Python through ctypes (standard library only).

    import nashfast
    lib = nashfast.NashFast("out/libnashfast.so")       # or set NASHFAST_LIB
    eqs, info = lib.solve_game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
    batch = lib.solve2x2(a00, a01, a10, a11, b00, b01, b10, b11)   # sequences or array('d') of n payoffs each
    mc = lib.montecarlo2x2(10**6, seed=1, dist="uniform")          # an McSummary: mc.equilibria_hist[3] / mc.games ...

Run as a script it checks itself against the library (Battle of the Sexes, a 10^6-game batch, a 10^6-game Monte
Carlo run, bad calls) and, with --compare FILE, re-solves the games and re-runs the Monte Carlo studies the C
example dumped and compares the answers:

    python3 examples/python/nashfast.py --lib out/libnashfast.so [--compare dump.txt]

Failures raise NashFastError, carrying the NF_E_* code and the library's message.
"""

import ctypes
import math
import os
import random
import sys
from array import array

NF_OK, NF_E_NULL, NF_E_SIZE, NF_E_CAPACITY, NF_E_NAN, NF_E_METHOD, NF_E_UNSUPPORTED, NF_E_NOMEM = 0, -1, -2, -3, -4, -5, -6, -7
NF_E_ARGUMENT = -8
NF_DIST_UNIFORM, NF_DIST_NORMAL, NF_DIST_INTEGER, NF_DIST_COVARIANT = 0, 1, 2, 3
NF_MC_EQUILIBRIA_BINS, NF_MC_PURE_BINS, NF_MC_PROBABILITY_BINS = 6, 5, 20
NF_E_INTERNAL = -99
NF_FLAG_DEGENERATE, NF_FLAG_COMPLETELY_MIXED, NF_FLAG_INVALID = 1, 2, 4
METHODS = {"auto": 0, "2x2": 1, "pure": 2, "support": 3, "vertex": 4, "lemke-howson": 5, "reference": 6}
NF_ABI_VERSION = 1

_d, _f, _u8, _i32, _i64 = ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_uint8), ctypes.c_int32, ctypes.c_int64


class GameInfo(ctypes.Structure):
    """nf_game_info: count, method used, degenerate, complete."""
    _fields_ = [("count", ctypes.c_int32), ("method", ctypes.c_int32), ("degenerate", ctypes.c_int32), ("complete", ctypes.c_int32)]


class McDistribution(ctypes.Structure):
    """nf_mc_distribution (24 bytes): kind (NF_DIST_*), lo, hi (NF_DIST_INTEGER), reserved (0), rho (NF_DIST_COVARIANT)."""
    _fields_ = [("kind", ctypes.c_int32), ("lo", ctypes.c_int32), ("hi", ctypes.c_int32), ("reserved", ctypes.c_int32),
                ("rho", ctypes.c_double)]


class McSummary(ctypes.Structure):
    """nf_mc_summary (504 bytes): the statistics of a nf_montecarlo2x2 run (see include/nashfast.h)."""
    _fields_ = [("games", ctypes.c_int64), ("invalid_games", ctypes.c_int64), ("degenerate_games", ctypes.c_int64),
                ("completely_mixed_games", ctypes.c_int64), ("equilibria", ctypes.c_int64), ("pure_equilibria", ctypes.c_int64),
                ("equilibria_hist", ctypes.c_int64 * NF_MC_EQUILIBRIA_BINS), ("pure_hist", ctypes.c_int64 * NF_MC_PURE_BINS),
                ("p_hist", ctypes.c_int64 * NF_MC_PROBABILITY_BINS), ("q_hist", ctypes.c_int64 * NF_MC_PROBABILITY_BINS),
                ("mean_equilibria", ctypes.c_double), ("mean_pure_equilibria", ctypes.c_double),
                ("mean_row_payoff", ctypes.c_double), ("mean_col_payoff", ctypes.c_double),
                ("elapsed_seconds", ctypes.c_double), ("games_per_second", ctypes.c_double)]

    def statistics(self):
        """Every field except the two timings, as a flat list (57 counts, then the 4 means)."""
        out = []
        for name, _ in self._fields_[:-2]:
            value = getattr(self, name)
            out.extend(list(value) if isinstance(value, ctypes.Array) else [value])
        return out


assert ctypes.sizeof(McDistribution) == 24 and ctypes.sizeof(McSummary) == 504 and McSummary.mean_equilibria.offset == 57 * 8


class NashFastError(Exception):
    """A negative status from the library: .code is the NF_E_* value, the message is nf_last_error()."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class Batch2x2:
    """Answers of a 2x2 batch: arrays mask, count, flags (bytes), p, q, row_payoff, col_payoff (floats or None)."""

    def __init__(self, n, typecode, payoffs):
        self.mask, self.count, self.flags = array("B", bytes(n)), array("B", bytes(n)), array("B", bytes(n))
        self.p, self.q = array(typecode, bytes(n * array(typecode).itemsize)), array(typecode, bytes(n * array(typecode).itemsize))
        self.row_payoff = array(typecode, self.p) if payoffs else None
        self.col_payoff = array(typecode, self.p) if payoffs else None


def _ptr(buffer, ctype):
    """A pointer into an array.array (no copy), or NULL for None."""
    if buffer is None:
        return None
    if len(buffer) == 0:
        buffer = array(buffer.typecode, [0])  # a valid pointer for an empty batch
    return ctypes.cast((ctype * len(buffer)).from_buffer(buffer), ctypes.POINTER(ctype))


class NashFast:
    """The loaded libnashfast.so."""

    def __init__(self, path=None):
        path = path or os.environ.get("NASHFAST_LIB") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "libnashfast.so")
        lib = self._lib = ctypes.CDLL(path)
        lib.nf_last_error.restype = ctypes.c_char_p
        lib.nf_last_error.argtypes = []
        lib.nf_abi_version.restype = _i32
        lib.nf_version.restype = _i32
        lib.nf_version_string.restype = ctypes.c_char_p
        for name, fp, fc in (("nf_solve2x2_f64", _d, ctypes.c_double), ("nf_solve2x2_f32", _f, ctypes.c_float)):
            fn = getattr(lib, name)
            fn.restype = _i32
            fn.argtypes = [fp] * 8 + [_u8] * 3 + [fp] * 4 + [_i64]
        lib.nf_solve_game.restype = _i32
        lib.nf_solve_game.argtypes = [_d, _d, _i32, _i32, _i32, _d, _i32, ctypes.POINTER(GameInfo)]
        lib.nf_montecarlo2x2.restype = _i32
        lib.nf_montecarlo2x2.argtypes = [_i64, ctypes.c_uint64, ctypes.POINTER(McDistribution), _i32, ctypes.POINTER(McSummary)]
        if lib.nf_abi_version() != NF_ABI_VERSION:
            raise RuntimeError(f"{path} has ABI {lib.nf_abi_version()}, this module expects {NF_ABI_VERSION}")

    @property
    def version(self):
        return self._lib.nf_version_string().decode()

    def last_error(self):
        return self._lib.nf_last_error().decode("utf-8")

    def _check(self, rc):
        if rc < 0:
            raise NashFastError(rc, self.last_error())
        return rc

    def solve2x2_raw(self, inputs, out, n, single=False):
        """Calls nf_solve2x2_f64/f32 with 8 input arrays (or None) and a Batch2x2 (or None-filled fields); returns the status."""
        fp = ctypes.c_float if single else ctypes.c_double
        fn = self._lib.nf_solve2x2_f32 if single else self._lib.nf_solve2x2_f64
        return fn(*[_ptr(x, fp) for x in inputs], _ptr(out.mask, ctypes.c_uint8), _ptr(out.count, ctypes.c_uint8),
                  _ptr(out.flags, ctypes.c_uint8), _ptr(out.p, fp), _ptr(out.q, fp), _ptr(out.row_payoff, fp),
                  _ptr(out.col_payoff, fp), n)

    def solve2x2(self, a00, a01, a10, a11, b00, b01, b10, b11, payoffs=True, single=False):
        """Solves a batch of 2x2 games given as eight equal-length sequences; returns a Batch2x2."""
        typecode = "f" if single else "d"
        inputs = [x if isinstance(x, array) and x.typecode == typecode else array(typecode, x) for x in (a00, a01, a10, a11, b00, b01, b10, b11)]
        n = len(inputs[0])
        if any(len(x) != n for x in inputs):
            raise ValueError("all eight payoff sequences must have the same length")
        out = Batch2x2(n, typecode, payoffs)
        self._check(self.solve2x2_raw(inputs, out, n, single))
        return out

    def solve_game(self, a, b, method="auto"):
        """All equilibria of the game with payoff matrices a, b (lists of rows): ([(x, y, row_payoff, col_payoff)], GameInfo)."""
        m, n = len(a), len(a[0]) if a else 0
        flat_a = array("d", [v for row in a for v in row])
        flat_b = array("d", [v for row in b for v in row])
        code = METHODS[method] if isinstance(method, str) else method
        info = GameInfo()
        capacity = 8
        while True:
            out = array("d", bytes(8 * max(1, capacity * (m + n + 2))))
            rc = self._lib.nf_solve_game(_ptr(flat_a, ctypes.c_double), _ptr(flat_b, ctypes.c_double), m, n, code,
                                         _ptr(out, ctypes.c_double), capacity, ctypes.byref(info))
            if rc == NF_E_CAPACITY and info.count > capacity:
                capacity = info.count  # the library said how many there are
                continue
            self._check(rc)
            w = m + n + 2
            return [(list(out[k * w:k * w + m]), list(out[k * w + m:k * w + m + n]), out[k * w + m + n], out[k * w + m + n + 1]) for k in range(rc)], info


    def montecarlo2x2(self, games, seed=20111112, dist="normal", lo=0, hi=0, rho=0.0, threads=0):
        """A fused Monte Carlo run over `games` random 2x2 games; returns an McSummary.

        dist: "uniform", "normal", "int" (payoffs lo..hi) or "covariant" (correlation rho), or an NF_DIST_* code.
        threads: 0 = one per core. The statistics depend only on (games, seed, dist), never on threads."""
        kinds = {"uniform": NF_DIST_UNIFORM, "normal": NF_DIST_NORMAL, "int": NF_DIST_INTEGER, "covariant": NF_DIST_COVARIANT}
        d = McDistribution(kinds[dist] if isinstance(dist, str) else dist, lo, hi, 0, rho)
        summary = McSummary()
        self._check(self._lib.nf_montecarlo2x2(games, seed, ctypes.byref(d), threads, ctypes.byref(summary)))
        return summary


# ------------------------------------------------------------------------------------------------------------------
# Self-check (python3 nashfast.py --lib PATH [--compare FILE])

class _Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}: {detail}")


def _expect_error(check, nf, fn, code, needle, what):
    try:
        fn()
        check(False, what, "no error raised")
    except NashFastError as e:
        check(e.code == code and needle in e.message, what, f"got {e.code} '{e.message}', expected {code} mentioning '{needle}'")
        print(f"     -> {e.code}: {e.message}")


def _pure_mask(a, b):
    m = 0
    for i in (0, 1):
        for j in (0, 1):
            if a[2 * i + j] >= a[2 * (1 - i) + j] and b[2 * i + j] >= b[2 * i + 1 - j]:
                m |= 1 << (2 * i + j)
    return m


def _self_check(nf, check):
    check(nf._lib.nf_abi_version() == NF_ABI_VERSION and nf._lib.nf_version() > 0, "version", nf.version)
    print(f"     libnashfast {nf.version}")

    # Battle of the Sexes.
    for single in (False, True):
        r = nf.solve2x2([3], [0], [0], [2], [2], [0], [0], [3], single=single)
        tol = 1e-6 if single else 1e-15
        check(r.count[0] == 3 and r.mask[0] == 9 and r.flags[0] == NF_FLAG_COMPLETELY_MIXED and abs(r.p[0] - 0.6) < tol
              and abs(r.q[0] - 0.4) < tol and abs(r.row_payoff[0] - 1.2) < tol and abs(r.col_payoff[0] - 1.2) < tol,
              f"BoS {'f32' if single else 'f64'} batch: 3 equilibria, p = 3/5, q = 2/5", (list(r.mask), list(r.count), list(r.p)))
    for method, used in (("auto", 1), ("reference", 6)):
        eqs, info = nf.solve_game([[3, 0], [0, 2]], [[2, 0], [0, 3]], method)
        expected = [([1, 0], [1, 0], 3, 2), ([0.6, 0.4], [0.4, 0.6], 1.2, 1.2), ([0, 1], [0, 1], 2, 3)]
        found = all(any(all(abs(x - y) < 1e-15 for x, y in zip(e[0] + e[1] + [e[2], e[3]], f[0] + f[1] + [f[2], f[3]])) for f in eqs) for e in expected)
        check(len(eqs) == 3 and found and info.method == used and info.degenerate == 0 and info.complete == 1,
              f"BoS solve_game {method}: the three equilibria", eqs)

    # 10^6 random games: invariants.
    n = 1_000_000
    rnd = random.Random(20261125)
    cols = [array("d", [rnd.uniform(-1, 1) for _ in range(n)]) for _ in range(8)]
    r = nf.solve2x2(*cols)
    bad = 0
    worst = 0.0
    mixed = 0
    for k in range(n):
        a = (cols[0][k], cols[1][k], cols[2][k], cols[3][k])
        b = (cols[4][k], cols[5][k], cols[6][k], cols[7][k])
        f = r.flags[k]
        is_mixed = 1 if f & NF_FLAG_COMPLETELY_MIXED else 0
        if f & NF_FLAG_DEGENERATE or r.mask[k] != _pure_mask(a, b) or r.count[k] != bin(r.mask[k]).count("1") + is_mixed or r.count[k] % 2 != 1:
            bad += 1
            continue
        if is_mixed:
            mixed += 1
            p, q = r.p[k], r.q[k]
            if not (0 < p < 1 and 0 < q < 1):
                bad += 1
                continue
            r0, r1 = q * a[0] + (1 - q) * a[1], q * a[2] + (1 - q) * a[3]
            c0, c1 = p * b[0] + (1 - p) * b[2], p * b[1] + (1 - p) * b[3]
            worst = max(worst, abs(r0 - r1), abs(c0 - c1), abs(r.row_payoff[k] - r0), abs(r.col_payoff[k] - c0))
        elif not (math.isnan(r.p[k]) and math.isnan(r.q[k])):
            bad += 1
    check(bad == 0, "10^6-game batch: mask = best-response check, count odd = pure + mixed, 0 < p, q < 1", f"{bad} games wrong")
    # Payoffs in [-1, 1): 1e-12 is thousands of ulps.
    check(worst < 1e-12 and mixed > n // 20, "10^6-game batch: mixed equilibria make both players indifferent", f"worst residual {worst}")
    print(f"     {n} games, {mixed} completely mixed, worst residual {worst:.3g}")

    # Non-finite payoffs: flagged per slot, not an error.
    r = nf.solve2x2([3, float("nan")], [0, 0], [0, 0], [2, 2], [2, 2], [0, float("inf")], [0, 0], [3, 3])
    check(r.flags[0] == NF_FLAG_COMPLETELY_MIXED and r.flags[1] == NF_FLAG_INVALID and r.count[1] == 0 and math.isnan(r.p[1]),
          "batch with a NaN game: that slot NF_FLAG_INVALID, the other solved", list(r.flags))

    # Bad calls.
    one = array("d", [1.0])
    out = Batch2x2(1, "d", True)
    ins = [one] * 8
    _expect_error(check, nf, lambda: nf._check(nf.solve2x2_raw([None] + ins[1:], out, 1)), NF_E_NULL, "'a00'", "batch: a00 NULL -> NF_E_NULL")
    nulls = Batch2x2(1, "d", False)
    nulls.count = None
    _expect_error(check, nf, lambda: nf._check(nf.solve2x2_raw(ins, nulls, 1)), NF_E_NULL, "'count'", "batch: count NULL -> NF_E_NULL")
    half = Batch2x2(1, "d", True)
    half.row_payoff = None
    _expect_error(check, nf, lambda: nf._check(nf.solve2x2_raw(ins, half, 1)), NF_E_NULL, "'row_payoff'", "batch: only col_payoff -> NF_E_NULL")
    _expect_error(check, nf, lambda: nf._check(nf.solve2x2_raw(ins, out, -5)), NF_E_SIZE, "n is -5", "batch: n = -5 -> NF_E_SIZE")
    check(nf.solve2x2_raw(ins, out, 0) == NF_OK and nf.last_error() == "", "batch: n = 0 -> NF_OK, no error")
    _expect_error(check, nf, lambda: nf.solve_game([], [], "auto"), NF_E_SIZE, "0x0", "game: 0x0 -> NF_E_SIZE")
    _expect_error(check, nf, lambda: nf.solve_game([[1, float("nan")]], [[1, 2]]), NF_E_NAN, "a[1]", "game: NaN payoff -> NF_E_NAN")
    _expect_error(check, nf, lambda: nf.solve_game([[1, 2]], [[1, float("inf")]]), NF_E_NAN, "b[1]", "game: inf payoff -> NF_E_NAN")
    _expect_error(check, nf, lambda: nf.solve_game([[1, 2]], [[1, 2]], 99), NF_E_METHOD, "99", "game: method 99 -> NF_E_METHOD")
    _expect_error(check, nf, lambda: nf.solve_game([[1, 2, 3]], [[1, 2, 3]], "2x2"), NF_E_METHOD, "1x3", "game: 2x2 on 1x3 -> NF_E_METHOD")
    a = array("d", [3, 0, 0, 2])
    b = array("d", [2, 0, 0, 3])
    info = GameInfo()
    buf = array("d", [-7.0] * 6)
    rc = nf._lib.nf_solve_game(_ptr(a, ctypes.c_double), _ptr(b, ctypes.c_double), 2, 2, 0, _ptr(buf, ctypes.c_double), 1, ctypes.byref(info))
    check(rc == NF_E_CAPACITY and info.count == 3 and buf[0] == -7.0 and "3 equilibria" in nf.last_error(),
          "game: capacity 1 for BoS -> NF_E_CAPACITY, count 3, buffer untouched", (rc, info.count, nf.last_error()))
    rc = nf._lib.nf_solve_game(None, _ptr(b, ctypes.c_double), 2, 2, 0, _ptr(buf, ctypes.c_double), 1, None)
    check(rc == NF_E_NULL and "'a'" in nf.last_error(), "game: a NULL -> NF_E_NULL", (rc, nf.last_error()))
    rc = nf._lib.nf_solve_game(_ptr(a, ctypes.c_double), _ptr(b, ctypes.c_double), 2, 2, 0, None, 4, None)
    check(rc == NF_E_NULL and "'out'" in nf.last_error(), "game: out NULL, capacity 4 -> NF_E_NULL", (rc, nf.last_error()))


def _within_4_sigma(observed, n, prob):
    return abs(observed - n * prob) <= 4 * math.sqrt(n * prob * (1 - prob))


def _montecarlo_check(nf, check):
    n = 1_000_000
    s = nf.montecarlo2x2(n, seed=20261125, dist="uniform")
    eq, pure = list(s.equilibria_hist), list(s.pure_hist)
    print(f"     {s.games} games in {s.elapsed_seconds:.3f} s: equilibria 0..4,5+ = {eq}; pure 0..4 = {pure}; "
          f"completely mixed {s.completely_mixed_games}; mean equilibria {s.mean_equilibria:.6f}")
    check(s.games == n and s.invalid_games == 0 and s.degenerate_games == 0 and sum(eq) == n and sum(pure) == n
          and sum(k * c for k, c in enumerate(eq)) == s.equilibria and sum(k * c for k, c in enumerate(pure)) == s.pure_equilibria
          and sum(s.p_hist) == s.completely_mixed_games == sum(s.q_hist) and s.mean_equilibria == s.equilibria / n,
          "Monte Carlo: 10^6 uniform games, counts add up", s.statistics())
    # Continuous iid payoffs: 3 equilibria w.p. 1/8 (else 1); 0, 1, 2 pure w.p. 1/8, 3/4, 1/8; completely mixed w.p. 1/4.
    check(_within_4_sigma(eq[3], n, 1 / 8) and eq[3] + eq[1] == n, "Monte Carlo: P(3 equilibria) within 4 sigma of 1/8", eq)
    check(_within_4_sigma(pure[0], n, 1 / 8) and _within_4_sigma(pure[2], n, 1 / 8) and _within_4_sigma(s.completely_mixed_games, n, 1 / 4),
          "Monte Carlo: P(0 pure) = P(2 pure) = 1/8, P(completely mixed) = 1/4, within 4 sigma", (pure, s.completely_mixed_games))
    check(nf.montecarlo2x2(n, seed=20261125, dist="uniform", threads=1).statistics() == s.statistics(),
          "Monte Carlo: threads = 1 gives the same statistics")
    _expect_error(check, nf, lambda: nf.montecarlo2x2(-1), NF_E_SIZE, "games is -1", "Monte Carlo: games = -1 -> NF_E_SIZE")
    _expect_error(check, nf, lambda: nf.montecarlo2x2(10, dist=9), NF_E_ARGUMENT, "kind 9", "Monte Carlo: kind 9 -> NF_E_ARGUMENT")
    _expect_error(check, nf, lambda: nf.montecarlo2x2(10, dist="covariant", rho=float("nan")), NF_E_ARGUMENT, "rho is NaN",
                  "Monte Carlo: rho NaN -> NF_E_ARGUMENT")
    _expect_error(check, nf, lambda: nf.montecarlo2x2(10, dist="int", lo=1, hi=0), NF_E_ARGUMENT, "lo is 1",
                  "Monte Carlo: lo > hi -> NF_E_ARGUMENT")
    _expect_error(check, nf, lambda: nf.montecarlo2x2(10, threads=-1), NF_E_ARGUMENT, "threads is -1", "Monte Carlo: threads = -1 -> NF_E_ARGUMENT")
    rc = nf._lib.nf_montecarlo2x2(10, 1, None, 0, ctypes.byref(McSummary()))
    check(rc == NF_E_NULL and "'dist'" in nf.last_error(), "Monte Carlo: dist NULL -> NF_E_NULL", (rc, nf.last_error()))
    rc = nf._lib.nf_montecarlo2x2(10, 1, ctypes.byref(McDistribution()), 0, None)
    check(rc == NF_E_NULL and "'summary'" in nf.last_error(), "Monte Carlo: summary NULL -> NF_E_NULL", (rc, nf.last_error()))


def _parse(token):
    return float(token.replace("Infinity", "inf"))


def _compare(nf, check, path):
    """Re-solves the games dumped by the C example and expects bit-identical answers (same library, same inputs)."""
    batch_lines, game_lines, mc_lines = [], [], []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "MC":
                mc_lines.append(parts[1:])
            elif parts and parts[0] == "B2":
                batch_lines.append([_parse(t) for t in parts[1:]])
            elif parts and parts[0] == "G":
                game_lines.append([_parse(t) for t in parts[1:]])
    cols = [array("d", [l[e] for l in batch_lines]) for e in range(8)]
    r = nf.solve2x2(*cols)

    def same(x, y):
        return x == y or (math.isnan(x) and math.isnan(y))

    bad = [k for k, l in enumerate(batch_lines)
           if (r.mask[k], r.count[k], r.flags[k]) != (l[8], l[9], l[10])
           or not all(same(x, y) for x, y in zip((r.p[k], r.q[k], r.row_payoff[k], r.col_payoff[k]), l[11:15]))]
    check(len(batch_lines) > 0 and not bad, f"compare: {len(batch_lines)} batch games equal the C program's answers", bad[:10])
    bad = []
    for g, l in enumerate(game_lines):
        m, n, method = int(l[0]), int(l[1]), int(l[2])
        a = [l[3 + i * n:3 + (i + 1) * n] for i in range(m)]
        b = [l[3 + m * n + i * n:3 + m * n + (i + 1) * n] for i in range(m)]
        at = 3 + 2 * m * n
        eqs, info = nf.solve_game(a, b, method)
        flat = [v for e in eqs for v in e[0] + e[1] + [e[2], e[3]]]
        if [len(eqs), info.count, info.method, info.degenerate, info.complete] != [int(v) for v in l[at:at + 5]] or flat != l[at + 5:]:
            bad.append(g)
    check(len(game_lines) > 0 and not bad, f"compare: {len(game_lines)} m x n solves equal the C program's answers", bad[:10])
    # MC kind lo hi rho seed games threads, then 57 counts and 4 means: the same run from Python, the same summary.
    bad = []
    for r, l in enumerate(mc_lines):
        s = nf.montecarlo2x2(int(l[5]), seed=int(l[4]), dist=int(l[0]), lo=int(l[1]), hi=int(l[2]), rho=_parse(l[3]), threads=int(l[6]))
        expected = [int(v) for v in l[7:64]] + [_parse(v) for v in l[64:68]]
        if s.statistics() != expected:
            bad.append(r)
    check(len(mc_lines) >= 4 and not bad, f"compare: {len(mc_lines)} Monte Carlo summaries equal the C program's", bad)


def main(argv):
    lib_path, compare = None, None
    k = 1
    while k < len(argv):
        if argv[k] == "--lib" and k + 1 < len(argv):
            lib_path, k = argv[k + 1], k + 2
        elif argv[k] == "--compare" and k + 1 < len(argv):
            compare, k = argv[k + 1], k + 2
        else:
            print(f"usage: {argv[0]} [--lib PATH] [--compare FILE]", file=sys.stderr)
            return 2
    nf = NashFast(lib_path)
    check = _Checks()
    _self_check(nf, check)
    _montecarlo_check(nf, check)
    if compare:
        _compare(nf, check, compare)
    print(f"{check.passed} passed, {check.failed} failed")
    return 0 if check.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
