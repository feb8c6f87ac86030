using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NashFast.Random;
using NashFast.TwoByTwo;

namespace NashFast.MonteCarlo;

/// <summary>
/// One worker of the fused 2×2 runner: generates a chunk of games into its own cache-sized structure-of-arrays buffers,
/// solves them with the batch solver and folds the answers into its <see cref="Accumulator"/> — or, for the built-in
/// uniform and normal games on the Vector512 path, does all three in registers (<c>Fused2x2Worker.InRegisters.cs</c>).
/// The buffers are allocated once per worker; the steady state allocates nothing.
/// </summary>
internal sealed partial class Fused2x2Worker
{
    /// <summary>Games per chunk: 2048 games × (8 payoffs + 4 results) × 8 bytes ≈ 200 KiB, inside L2.</summary>
    public const int ChunkGames = 2048;

    private readonly double[] _a00 = new double[ChunkGames], _a01 = new double[ChunkGames], _a10 = new double[ChunkGames], _a11 = new double[ChunkGames];
    private readonly double[] _b00 = new double[ChunkGames], _b01 = new double[ChunkGames], _b10 = new double[ChunkGames], _b11 = new double[ChunkGames];
    private readonly byte[] _mask = new byte[ChunkGames], _count = new byte[ChunkGames];
    private readonly Solution2x2Flags[] _flags = new Solution2x2Flags[ChunkGames];
    private readonly long[] _support = new long[4]; // equilibria by (row support − 1)·2 + (column support − 1)
    private readonly double[] _p = new double[ChunkGames], _q = new double[ChunkGames], _u = new double[ChunkGames], _v = new double[ChunkGames];

    /// <summary>2^51: fixed-point values below this many units are summed in a <see cref="long"/> per chunk.</summary>
    private const double SmallUnits = 2251799813685248.0;

    /// <summary>
    /// Spare slots after the real p and q bins that take the games without a completely mixed equilibrium, in rotation:
    /// one spare slot would make three games in four increment the same counter, a chain of dependent memory updates.
    /// </summary>
    private const int SpareBins = 8;

    private readonly long[] _pBins, _qBins;

    /// <summary>Whether the built-in uniform and normal chunks may run in registers (tests turn it off to compare).</summary>
    private readonly bool _inRegisters; // per-chunk p and q bins plus the spare slots (see Fold)

    public Fused2x2Worker(int bins)
        : this(bins, FoldPath.Auto)
    {
    }

    /// <summary>A worker whose full fold runs on <paramref name="path"/> (tests compare the paths on the same chunks).</summary>
    internal Fused2x2Worker(int bins, FoldPath path, bool inRegisters = true)
    {
        _inRegisters = inRegisters;
        _path = path == FoldPath.Auto ? BestFoldPath() : path;
        Statistics = new Accumulator(bins);
        _pBins = new long[bins + SpareBins];
        _qBins = new long[bins + SpareBins];
    }

    public Accumulator Statistics { get; }

    /// <summary>Moves the support-size counts (kept in plain fields in the hot loop) into <see cref="Statistics"/>.</summary>
    public void Flush()
    {
        for (int k = 0; k < 4; k++)
        {
            if (_support[k] != 0)
            {
                var key = ((k >> 1) + 1, (k & 1) + 1);
                Statistics.Supports[key] = Statistics.Supports.GetValueOrDefault(key) + _support[k];
                _support[k] = 0;
            }
        }
    }

    /// <summary>Generates and solves games <c>[start, end)</c>.</summary>
    public void Run(IGameDistribution distribution, ulong seed, long start, long end, bool pureOnly)
    {
        bool inRegisters = InRegisters(distribution, pureOnly);
        for (long s = start; s < end;)
        {
            if (inRegisters && s % ChunkGames == 0 && end - s >= ChunkGames)
            {
                RunInRegisters(distribution, seed, s);
                s += ChunkGames;
                continue;
            }

            // Through the buffers; on the in-register path only up to the next whole chunk (a ragged shard or tail).
            int n = (int)Math.Min(end - s, inRegisters ? ChunkGames - (s % ChunkGames) : ChunkGames);
            GenerateChunk(distribution, seed, s, n);
            SolveChunk(n, pureOnly);
            FoldChunk(n, pureOnly);
            s += n;
        }
    }

    // The three steps of a chunk, separate so the benchmarks can time each on its own (Run is their only caller here).

    /// <summary>Writes games <c>[first, first + n)</c> into the chunk's payoff buffers (n ≤ <see cref="ChunkGames"/>).</summary>
    internal void GenerateChunk(IGameDistribution distribution, ulong seed, long first, int n) =>
        distribution.Fill2x2(seed, first, new Payoffs2x2(_a00.AsSpan(0, n), _a01.AsSpan(0, n), _a10.AsSpan(0, n), _a11.AsSpan(0, n),
                                                         _b00.AsSpan(0, n), _b01.AsSpan(0, n), _b10.AsSpan(0, n), _b11.AsSpan(0, n)));

    /// <summary>Solves the chunk's first <paramref name="n"/> games into its answer buffers.</summary>
    internal void SolveChunk(int n, bool pureOnly)
    {
        var games = new Games2x2<double>(_a00.AsSpan(0, n), _a01.AsSpan(0, n), _a10.AsSpan(0, n), _a11.AsSpan(0, n),
                                         _b00.AsSpan(0, n), _b01.AsSpan(0, n), _b10.AsSpan(0, n), _b11.AsSpan(0, n));
        TwoByTwoSolver.Solve(games, new Solutions2x2<double>(_mask.AsSpan(0, n), _count.AsSpan(0, n), _flags.AsSpan(0, n), _p.AsSpan(0, n), _q.AsSpan(0, n),
                                                             pureOnly ? default : _u.AsSpan(0, n), pureOnly ? default : _v.AsSpan(0, n)));
    }

    /// <summary>Folds the answers of the chunk's first <paramref name="n"/> games into <see cref="Statistics"/>.</summary>
    internal void FoldChunk(int n, bool pureOnly)
    {
        if (pureOnly)
        {
            FoldPure(n);
        }
        else
        {
            FoldFull(n);
        }
    }

    // The folds below run once per game, so the common case (a valid, nondegenerate game) is branch-free: a pure
    // equilibrium's payoff enters the sum through a bit mask (adding +0.0 instead of skipping leaves the sum unchanged:
    // it starts at +0.0 and can never be −0.0), the completely mixed flag selects a real bin or the spare one, and counts
    // go to small local histograms. Invalid and degenerate games (rare with continuous payoffs) take the general path.

    private void FoldPure(int n)
    {
        Accumulator acc = Statistics;
        Span<long> pureHistogram = stackalloc long[8];
        pureHistogram.Clear();
        Int128 rowSum = 0, columnSum = 0;
        long invalid = 0;
        for (int k = 0; k < n; k++)
        {
            if ((_flags[k] & Solution2x2Flags.Invalid) != 0)
            {
                invalid++;
                continue;
            }

            int mask = _mask[k];
            pureHistogram[BitOperations.PopCount((uint)mask)]++; // at most 4 pure equilibria in a 2×2 game
            PurePayoffs(k, mask, out double row, out double column);
            rowSum += FixedPoint.ToFixed(row);
            columnSum += FixedPoint.ToFixed(column);
        }

        acc.InvalidGames += invalid;
        acc.RowPayoffSum += rowSum;
        acc.ColumnPayoffSum += columnSum;
        for (int c = 0; c < pureHistogram.Length; c++)
        {
            acc.AddPureCounts(c, pureHistogram[c]);
        }

        acc.Games += n;
    }

    /// <summary>The reference fold of games <c>[start, end)</c>: one game at a time (also the vector folds' fallback).</summary>
    internal void FoldScalar(int start, int end)
    {
        Accumulator acc = Statistics;
        Span<long> pureHistogram = stackalloc long[8];
        Span<long> equilibriaHistogram = stackalloc long[8];
        pureHistogram.Clear();
        equilibriaHistogram.Clear();
        int bins = acc.P.Length;
        long[] pBins = _pBins, qBins = _qBins; // bins + SpareBins slots: the spare ones take the games without a mixed equilibrium
        long pure0 = 0, pure1 = 0, pure2 = 0, equilibria1 = 0, equilibria3 = 0; // the common counts, kept in registers
        Int128 rowSum = 0, columnSum = 0;
        long mixedGames = 0, pureTotal = 0, rowSmall = 0, columnSmall = 0;
        // The chunk arrays hold ChunkGames ≥ n slots and every index below is < n, a pure count ≤ 4, a count & 7 or a bin
        // < bins + SpareBins: the loop reads through references to skip the bounds checks.
        ref double a00 = ref MemoryMarshal.GetArrayDataReference(_a00), a01 = ref MemoryMarshal.GetArrayDataReference(_a01);
        ref double a10 = ref MemoryMarshal.GetArrayDataReference(_a10), a11 = ref MemoryMarshal.GetArrayDataReference(_a11);
        ref double b00 = ref MemoryMarshal.GetArrayDataReference(_b00), b01 = ref MemoryMarshal.GetArrayDataReference(_b01);
        ref double b10 = ref MemoryMarshal.GetArrayDataReference(_b10), b11 = ref MemoryMarshal.GetArrayDataReference(_b11);
        ref double pr = ref MemoryMarshal.GetArrayDataReference(_p), qr = ref MemoryMarshal.GetArrayDataReference(_q);
        ref double ur = ref MemoryMarshal.GetArrayDataReference(_u), vr = ref MemoryMarshal.GetArrayDataReference(_v);
        ref byte maskr = ref MemoryMarshal.GetArrayDataReference(_mask), countr = ref MemoryMarshal.GetArrayDataReference(_count);
        ref Solution2x2Flags flagr = ref MemoryMarshal.GetArrayDataReference(_flags);
        ref long pb = ref MemoryMarshal.GetArrayDataReference(pBins), qb = ref MemoryMarshal.GetArrayDataReference(qBins);
        ref long pureH = ref MemoryMarshal.GetReference(pureHistogram), eqH = ref MemoryMarshal.GetReference(equilibriaHistogram);
        for (int k = start; k < end; k++)
        {
            Solution2x2Flags flags = Unsafe.Add(ref flagr, k);
            if ((flags & (Solution2x2Flags.Invalid | Solution2x2Flags.Degenerate)) != 0)
            {
                FoldSpecial(k, flags);
                continue;
            }

            int mask = Unsafe.Add(ref maskr, k);
            int pure = BitOperations.PopCount((uint)mask);
            pureTotal += pure;
            pure0 += pure == 0 ? 1 : 0;
            pure1 += pure == 1 ? 1 : 0;
            pure2 += pure == 2 ? 1 : 0;
            if (pure > 2)
            {
                Unsafe.Add(ref pureH, pure)++; // not reached by a nondegenerate game (at most 2 pure equilibria)
            }

            int count = Unsafe.Add(ref countr, k);
            equilibria1 += count == 1 ? 1 : 0;
            equilibria3 += count == 3 ? 1 : 0;
            if ((count & ~2) != 1)
            {
                Unsafe.Add(ref eqH, count & 7)++; // not reached by a nondegenerate game (1 or 3 equilibria)
            }

            long mixed = ((int)flags >> 1) & 1; // Solution2x2Flags.CompletelyMixed
            long keep = -mixed; // all ones when the game has a completely mixed equilibrium

            // Pure equilibria's payoffs in cell order (0,0), (0,1), (1,0), (1,1), then the completely mixed one's.
            long m0 = -(long)(mask & 1), m1 = -(long)((mask >> 1) & 1), m2 = -(long)((mask >> 2) & 1), m3 = -(long)((mask >> 3) & 1);
            double row = 0.0 + Masked(Unsafe.Add(ref a00, k), m0);
            row += Masked(Unsafe.Add(ref a01, k), m1);
            row += Masked(Unsafe.Add(ref a10, k), m2);
            row += Masked(Unsafe.Add(ref a11, k), m3);
            row += Masked(Unsafe.Add(ref ur, k), keep);
            double column = 0.0 + Masked(Unsafe.Add(ref b00, k), m0);
            column += Masked(Unsafe.Add(ref b01, k), m1);
            column += Masked(Unsafe.Add(ref b10, k), m2);
            column += Masked(Unsafe.Add(ref b11, k), m3);
            column += Masked(Unsafe.Add(ref vr, k), keep);
            mixedGames += mixed;
            int spare = bins + (k & (SpareBins - 1));
            Unsafe.Add(ref pb, mixed != 0 ? Accumulator.Bin(Unsafe.Add(ref pr, k), bins) : spare)++;
            Unsafe.Add(ref qb, mixed != 0 ? Accumulator.Bin(Unsafe.Add(ref qr, k), bins) : spare)++;

            // One rounding per game (a deterministic function of the game), then exact integer sums: in a 64-bit sum
            // while the value is below 2^51 units (a chunk of 2048 then stays below 2^62), else in the 128-bit one.
            double rs = row * FixedPoint.Scale, cs = column * FixedPoint.Scale;
            if (Math.Abs(rs) < SmallUnits && Math.Abs(cs) < SmallUnits)
            {
                rowSmall += (long)rs;
                columnSmall += (long)cs;
            }
            else
            {
                rowSum += FixedPoint.ToFixed(row);
                columnSum += FixedPoint.ToFixed(column);
            }
        }

        rowSum += rowSmall;
        columnSum += columnSmall;
        pureHistogram[0] += pure0;
        pureHistogram[1] += pure1;
        pureHistogram[2] += pure2;
        equilibriaHistogram[1] += equilibria1;
        equilibriaHistogram[3] += equilibria3;
        _support[0] += pureTotal;
        _support[3] += mixedGames;
        acc.CompletelyMixedGames += mixedGames;
        acc.RowPayoffSum += rowSum;
        acc.ColumnPayoffSum += columnSum;
        for (int c = 0; c < 8; c++)
        {
            acc.AddPureCounts(c, pureHistogram[c]);
            acc.AddEquilibriaCounts(c, equilibriaHistogram[c]);
        }

        for (int b = 0; b < bins; b++)
        {
            acc.P[b] += pBins[b];
            acc.Q[b] += qBins[b];
            pBins[b] = 0;
            qBins[b] = 0;
        }

        acc.Games += end - start;
    }

    /// <summary>An invalid game (counted only as such) or a degenerate one (its extreme equilibria listed for their payoffs).</summary>
    private void FoldSpecial(int k, Solution2x2Flags flags)
    {
        Accumulator acc = Statistics;
        if ((flags & Solution2x2Flags.Invalid) != 0)
        {
            acc.InvalidGames++;
            return;
        }

        int mask = _mask[k];
        acc.AddPureCount(BitOperations.PopCount((uint)mask));
        acc.AddEquilibriaCount(_count[k]);
        acc.DegenerateGames++;
        Span<Equilibrium2x2<double>> list = stackalloc Equilibrium2x2<double>[TwoByTwoSolver.MaxEquilibria];
        var g = new Game2x2<double>(_a00[k], _a01[k], _a10[k], _a11[k], _b00[k], _b01[k], _b10[k], _b11[k]);
        int c = TwoByTwoSolver.Solve(g, list);
        double row = 0, column = 0;
        for (int e = 0; e < c; e++)
        {
            row += list[e].RowPayoff;
            column += list[e].ColumnPayoff;
            int rs = list[e].P > 0 && list[e].P < 1 ? 1 : 0;
            int cs = list[e].Q > 0 && list[e].Q < 1 ? 1 : 0;
            _support[(2 * rs) + cs]++;
        }

        if ((flags & Solution2x2Flags.CompletelyMixed) != 0)
        {
            // The completely mixed equilibrium was counted in the listing already.
            acc.CompletelyMixedGames++;
            acc.AddMixed(_p[k], _q[k]);
        }

        acc.RowPayoffSum += FixedPoint.ToFixed(row);
        acc.ColumnPayoffSum += FixedPoint.ToFixed(column);
    }

    /// <summary><paramref name="x"/> when <paramref name="keep"/> is all ones, +0.0 when it is zero (no branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Masked(double x, long keep) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & keep);

    /// <summary>Sums of the payoffs of the pure equilibria in <paramref name="mask"/>, cells in order (0,0), (0,1), (1,0), (1,1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PurePayoffs(int k, int mask, out double row, out double column)
    {
        long m0 = -(long)(mask & 1), m1 = -(long)((mask >> 1) & 1), m2 = -(long)((mask >> 2) & 1), m3 = -(long)((mask >> 3) & 1);
        row = 0.0 + Masked(_a00[k], m0);
        row += Masked(_a01[k], m1);
        row += Masked(_a10[k], m2);
        row += Masked(_a11[k], m3);
        column = 0.0 + Masked(_b00[k], m0);
        column += Masked(_b01[k], m1);
        column += Masked(_b10[k], m2);
        column += Masked(_b11[k], m3);
    }
}
