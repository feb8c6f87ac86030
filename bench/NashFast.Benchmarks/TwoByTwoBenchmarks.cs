using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using CommunityToolkit.HighPerformance.Helpers;
using NashFast.Games;
using NashFast.Reference;
using NashFast.TwoByTwo;

namespace NashFast.Benchmarks;

/// <summary>
/// The 2×2 batch solver (structure of arrays, no payoffs): a naive per-game baseline, the scalar kernel, each vector
/// width, the parallel solve, and two copy yardsticks that move the same bytes as the solve. Seeded uniform payoffs in
/// [-1, 1). <see cref="Setup"/> checks every variant before anything is timed and throws on a mismatch.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(double))]
[GenericTypeArguments(typeof(float))]
public class TwoByTwoBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Seed = 20251125;
    private const int ReferenceSample = 64; // ReferenceSolver costs ~1 ms per game

    private T[][] _in = [];
    private byte[] _mask = [], _count = [];
    private Solution2x2Flags[] _flags = [];
    private T[] _p = [], _q = [];
    private byte[] _copySource = [], _copyDestination = [];

    /// <summary>Games per call: 4103 (inputs and outputs fit in L2, odd tail) and 16M (streams from memory); dry runs only the first.</summary>
    [ParamsSource(nameof(GamesValues))]
    public int Games { get; set; }

    /// <summary>The values of <see cref="Games"/>.</summary>
    public static IEnumerable<int> GamesValues => BenchParams.Pick(full: [4103, 16_777_216], dry: [4103]);

    /// <summary>Bytes the solve must move per game: eight payoffs in; P, Q and three bytes out.</summary>
    public static int BytesPerGame => (10 * Marshal.SizeOf<T>()) + 3;

    /// <summary>Fills the inputs and cross-checks every variant (reference on a sample, scalar kernel bitwise on all games).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new System.Random(Seed);
        _in = new T[8][];
        for (int e = 0; e < 8; e++)
        {
            _in[e] = new T[Games];
            for (int k = 0; k < Games; k++)
            {
                _in[e][k] = T.CreateTruncating((2 * rng.NextDouble()) - 1);
            }
        }

        _mask = new byte[Games];
        _count = new byte[Games];
        _flags = new Solution2x2Flags[Games];
        _p = new T[Games];
        _q = new T[Games];

        // Copy yardstick: copying X bytes reads X and writes X, so X = half the bytes the solve moves.
        _copySource = new byte[(long)BytesPerGame * Games / 2];
        _copyDestination = new byte[_copySource.Length];
        rng.NextBytes(_copySource);

        Verify();
    }

    /// <summary>The textbook formula, one game at a time, written naturally with branches (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void Naive() => NaiveSolve(0, Games);

    /// <summary>The scalar kernel (the specification of the vector kernels).</summary>
    [Benchmark]
    public void Scalar() => TwoByTwoSolver.Solve(GamesView, ResultsView, TwoByTwoKernel.Scalar);

    /// <summary>The Vector128 kernel.</summary>
    [Benchmark]
    public void Vector128() => TwoByTwoSolver.Solve(GamesView, ResultsView, TwoByTwoKernel.Vector128);

    /// <summary>The Vector256 kernel.</summary>
    [Benchmark]
    public void Vector256() => TwoByTwoSolver.Solve(GamesView, ResultsView, TwoByTwoKernel.Vector256);

    /// <summary>The Vector512 kernel (in software where not accelerated).</summary>
    [Benchmark]
    public void Vector512() => TwoByTwoSolver.Solve(GamesView, ResultsView, TwoByTwoKernel.Vector512);

    /// <summary>The active kernel over chunks on every core.</summary>
    [Benchmark]
    public void Parallel() => TwoByTwoSolver.SolveParallel(GamesView, ResultsView);

    /// <summary>Machine yardstick, one thread: a copy that reads and writes as many bytes as the solve moves.</summary>
    [Benchmark]
    public void Copy() => _copySource.AsSpan().CopyTo(_copyDestination);

    /// <summary>Machine yardstick, every core: the same copy split into chunks the size of the solver's.</summary>
    [Benchmark]
    public void CopyParallel()
    {
        var action = new CopyChunk(_copySource, _copyDestination, TwoByTwoSolver.ParallelChunkGames * BytesPerGame / 2);
        ParallelHelper.For(0, (int)((_copySource.LongLength + action.Chunk - 1) / action.Chunk), in action);
    }

    private Games2x2<T> GamesView => new(_in[0], _in[1], _in[2], _in[3], _in[4], _in[5], _in[6], _in[7]);

    private Solutions2x2<T> ResultsView => new(_mask, _count, _flags, _p, _q);

    /// <summary>
    /// p = (b11 − b10) / ((b00 − b01) + (b11 − b10)), q = (a11 − a01) / ((a00 − a10) + (a11 − a01)) when each player's
    /// preference flips; pure cells by best-response tests. Ignores the extra extreme equilibria of degenerate games.
    /// </summary>
    private void NaiveSolve(int start, int end)
    {
        T[] a00 = _in[0], a01 = _in[1], a10 = _in[2], a11 = _in[3], b00 = _in[4], b01 = _in[5], b10 = _in[6], b11 = _in[7];
        for (int k = start; k < end; k++)
        {
            int mask = 0;
            if (a00[k] >= a10[k] && b00[k] >= b01[k])
            {
                mask |= 1;
            }

            if (a01[k] >= a11[k] && b01[k] >= b00[k])
            {
                mask |= 2;
            }

            if (a10[k] >= a00[k] && b10[k] >= b11[k])
            {
                mask |= 4;
            }

            if (a11[k] >= a01[k] && b11[k] >= b10[k])
            {
                mask |= 8;
            }

            int count = BitOperations.PopCount((uint)mask);
            Solution2x2Flags flags = a00[k] == a10[k] || a01[k] == a11[k] || b00[k] == b01[k] || b10[k] == b11[k]
                ? Solution2x2Flags.Degenerate : Solution2x2Flags.None;
            bool rowFlips = (a00[k] > a10[k] && a01[k] < a11[k]) || (a00[k] < a10[k] && a01[k] > a11[k]);
            bool colFlips = (b00[k] > b01[k] && b10[k] < b11[k]) || (b00[k] < b01[k] && b10[k] > b11[k]);
            if (rowFlips && colFlips)
            {
                _p[k] = (b11[k] - b10[k]) / ((b00[k] - b01[k]) + (b11[k] - b10[k]));
                _q[k] = (a11[k] - a01[k]) / ((a00[k] - a10[k]) + (a11[k] - a01[k]));
                count++;
                flags |= Solution2x2Flags.CompletelyMixed;
            }
            else
            {
                _p[k] = T.NaN;
                _q[k] = T.NaN;
            }

            _mask[k] = (byte)mask;
            _count[k] = (byte)count;
            _flags[k] = flags;
        }
    }

    private void Verify()
    {
        // The scalar kernel against the exact reference on a sample.
        Scalar();
        CheckAgainstReference("Scalar");
        byte[] mask = (byte[])_mask.Clone(), count = (byte[])_count.Clone();
        Solution2x2Flags[] flags = (Solution2x2Flags[])_flags.Clone();
        T[] p = (T[])_p.Clone(), q = (T[])_q.Clone();

        // Every other variant: bitwise equal to the scalar kernel on every game, and the reference on the sample.
        foreach ((string name, Action run) in new (string, Action)[] { ("Vector128", Vector128), ("Vector256", Vector256), ("Vector512", Vector512), ("Parallel", Parallel) })
        {
            Clear();
            run();
            for (int k = 0; k < Games; k++)
            {
                if (_mask[k] != mask[k] || _count[k] != count[k] || _flags[k] != flags[k] || !SameBits(_p[k], p[k]) || !SameBits(_q[k], q[k]))
                {
                    throw new InvalidOperationException($"{name} differs from the scalar kernel at game {k}.");
                }
            }

            CheckAgainstReference(name);
        }

        // The naive baseline: same answers on every nondegenerate game (it ignores degenerate extras), values within
        // 16 units of roundoff (its denominator adds two same-signed differences, so it does not cancel).
        Clear();
        Naive();
        double tol = 16 * (typeof(T) == typeof(float) ? Math.ScaleB(1, -24) : Math.ScaleB(1, -53));
        for (int k = 0; k < Games; k++)
        {
            if ((flags[k] & Solution2x2Flags.Degenerate) != 0)
            {
                continue;
            }

            bool same = _mask[k] == mask[k] && _count[k] == count[k] && _flags[k] == flags[k]
                     && (T.IsNaN(p[k]) ? T.IsNaN(_p[k]) && T.IsNaN(_q[k]) : Close(_p[k], p[k], tol) && Close(_q[k], q[k], tol));
            if (!same)
            {
                throw new InvalidOperationException($"Naive baseline differs from the scalar kernel at game {k}.");
            }
        }

        CheckAgainstReference("Naive", skipDegenerate: true);
    }

    private void CheckAgainstReference(string name, bool skipDegenerate = false)
    {
        int step = Math.Max(1, Games / ReferenceSample);
        double tol = typeof(T) == typeof(float) ? 1e-5 : 1e-12; // a few roundings of payoffs in [-1, 1), relative to the mix
        for (int k = 0; k < Games; k += step)
        {
            double[] a = [D(_in[0][k]), D(_in[1][k]), D(_in[2][k]), D(_in[3][k])];
            double[] b = [D(_in[4][k]), D(_in[5][k]), D(_in[6][k]), D(_in[7][k])];
            SolveResult exact = ReferenceSolver.Solve(BimatrixGame.FromRowMajor(2, 2, a, b));
            if (skipDegenerate && exact.Degenerate)
            {
                continue;
            }

            int mask = 0;
            Equilibrium? mixed = null;
            foreach (Equilibrium e in exact.Equilibria)
            {
                bool pureRow = e.Row[0] is 0 or 1, pureCol = e.Column[0] is 0 or 1;
                if (pureRow && pureCol)
                {
                    mask |= 1 << ((2 * (e.Row[0] == 1 ? 0 : 1)) + (e.Column[0] == 1 ? 0 : 1));
                }
                else if (!pureRow && !pureCol)
                {
                    mixed = e;
                }
            }

            bool ok = _mask[k] == mask && _count[k] == exact.Equilibria.Count
                   && ((_flags[k] & Solution2x2Flags.Degenerate) != 0) == exact.Degenerate
                   && (mixed is null
                       ? T.IsNaN(_p[k])
                       : Math.Abs(D(_p[k]) - mixed.Row[0]) <= tol && Math.Abs(D(_q[k]) - mixed.Column[0]) <= tol);
            if (!ok)
            {
                throw new InvalidOperationException($"{name} differs from the exact reference at game {k}.");
            }
        }
    }

    private void Clear()
    {
        Array.Clear(_mask);
        Array.Clear(_count);
        Array.Clear(_flags);
        Array.Clear(_p);
        Array.Clear(_q);
    }

    private readonly struct CopyChunk(byte[] source, byte[] destination, int chunk) : IAction
    {
        public int Chunk => chunk;

        public void Invoke(int i)
        {
            int start = i * chunk;
            int length = Math.Min(chunk, source.Length - start);
            source.AsSpan(start, length).CopyTo(destination.AsSpan(start, length));
        }
    }

    private static double D(T x) => double.CreateTruncating(x);

    private static bool SameBits(T x, T y) => typeof(T) == typeof(double)
        ? BitConverter.DoubleToInt64Bits(D(x)) == BitConverter.DoubleToInt64Bits(D(y))
        : BitConverter.SingleToInt32Bits(float.CreateTruncating(x)) == BitConverter.SingleToInt32Bits(float.CreateTruncating(y));

    private static bool Close(T x, T y, double tol) => Math.Abs(D(x) - D(y)) <= tol;
}
