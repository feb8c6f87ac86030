using System.Numerics;
using NashFast.Random;
using NashFast.TwoByTwo;

namespace NashFast.MonteCarlo;

/// <summary>
/// One worker of the fused 2×2 runner: generates a chunk of games into its own cache-sized structure-of-arrays buffers,
/// solves them with the batch solver and folds the answers into its <see cref="Accumulator"/>. The buffers are
/// allocated once per worker; the steady state allocates nothing.
/// </summary>
internal sealed class Fused2x2Worker
{
    /// <summary>Games per chunk: 2048 games × (8 payoffs + 4 results) × 8 bytes ≈ 200 KiB, inside L2.</summary>
    public const int ChunkGames = 2048;

    private readonly double[] _a00 = new double[ChunkGames], _a01 = new double[ChunkGames], _a10 = new double[ChunkGames], _a11 = new double[ChunkGames];
    private readonly double[] _b00 = new double[ChunkGames], _b01 = new double[ChunkGames], _b10 = new double[ChunkGames], _b11 = new double[ChunkGames];
    private readonly byte[] _mask = new byte[ChunkGames], _count = new byte[ChunkGames];
    private readonly Solution2x2Flags[] _flags = new Solution2x2Flags[ChunkGames];
    private readonly long[] _support = new long[4]; // equilibria by (row support − 1)·2 + (column support − 1)
    private readonly double[] _p = new double[ChunkGames], _q = new double[ChunkGames], _u = new double[ChunkGames], _v = new double[ChunkGames];

    public Fused2x2Worker(int bins) => Statistics = new Accumulator(bins);

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
        for (long s = start; s < end; s += ChunkGames)
        {
            int n = (int)Math.Min(ChunkGames, end - s);
            distribution.Fill2x2(seed, s, new Payoffs2x2(_a00.AsSpan(0, n), _a01.AsSpan(0, n), _a10.AsSpan(0, n), _a11.AsSpan(0, n),
                                                         _b00.AsSpan(0, n), _b01.AsSpan(0, n), _b10.AsSpan(0, n), _b11.AsSpan(0, n)));
            var games = new Games2x2<double>(_a00.AsSpan(0, n), _a01.AsSpan(0, n), _a10.AsSpan(0, n), _a11.AsSpan(0, n),
                                             _b00.AsSpan(0, n), _b01.AsSpan(0, n), _b10.AsSpan(0, n), _b11.AsSpan(0, n));
            TwoByTwoSolver.Solve(games, new Solutions2x2<double>(_mask.AsSpan(0, n), _count.AsSpan(0, n), _flags.AsSpan(0, n), _p.AsSpan(0, n), _q.AsSpan(0, n),
                                                                 pureOnly ? default : _u.AsSpan(0, n), pureOnly ? default : _v.AsSpan(0, n)));
            if (pureOnly)
            {
                FoldPure(n);
            }
            else
            {
                Fold(n);
            }
        }
    }

    private void FoldPure(int n)
    {
        Accumulator acc = Statistics;
        for (int k = 0; k < n; k++)
        {
            if ((_flags[k] & Solution2x2Flags.Invalid) != 0)
            {
                acc.InvalidGames++;
                continue;
            }

            int mask = _mask[k];
            acc.AddPureCount(BitOperations.PopCount((uint)mask));
            PurePayoffs(k, mask, out double row, out double column);
            acc.RowPayoffSum += FixedPoint.ToFixed(row);
            acc.ColumnPayoffSum += FixedPoint.ToFixed(column);
        }

        acc.Games += n;
    }

    private void Fold(int n)
    {
        Accumulator acc = Statistics;
        Span<Equilibrium2x2<double>> list = stackalloc Equilibrium2x2<double>[TwoByTwoSolver.MaxEquilibria];
        for (int k = 0; k < n; k++)
        {
            Solution2x2Flags flags = _flags[k];
            if ((flags & Solution2x2Flags.Invalid) != 0)
            {
                acc.InvalidGames++;
                continue;
            }

            int mask = _mask[k];
            acc.AddPureCount(BitOperations.PopCount((uint)mask));
            acc.AddEquilibriaCount(_count[k]);
            double row, column;
            if ((flags & Solution2x2Flags.Degenerate) != 0)
            {
                // Rare with continuous payoffs: list the extreme equilibria (partially mixed ones included) for their payoffs.
                acc.DegenerateGames++;
                var g = new Game2x2<double>(_a00[k], _a01[k], _a10[k], _a11[k], _b00[k], _b01[k], _b10[k], _b11[k]);
                int c = TwoByTwoSolver.Solve(g, list);
                row = 0;
                column = 0;
                for (int e = 0; e < c; e++)
                {
                    row += list[e].RowPayoff;
                    column += list[e].ColumnPayoff;
                    int rs = list[e].P > 0 && list[e].P < 1 ? 1 : 0;
                    int cs = list[e].Q > 0 && list[e].Q < 1 ? 1 : 0;
                    _support[(2 * rs) + cs]++;
                }

                // The completely mixed one was counted in the listing already.
                _support[3] -= (flags & Solution2x2Flags.CompletelyMixed) != 0 ? 1 : 0;
            }
            else
            {
                PurePayoffs(k, mask, out row, out column);
                _support[0] += BitOperations.PopCount((uint)mask);
                if ((flags & Solution2x2Flags.CompletelyMixed) != 0)
                {
                    row += _u[k];
                    column += _v[k];
                }
            }

            if ((flags & Solution2x2Flags.CompletelyMixed) != 0)
            {
                acc.CompletelyMixedGames++;
                acc.AddMixed(_p[k], _q[k]);
                _support[3]++;
            }

            // One rounding per game (a deterministic function of the game), then exact integer sums.
            acc.RowPayoffSum += FixedPoint.ToFixed(row);
            acc.ColumnPayoffSum += FixedPoint.ToFixed(column);
        }

        acc.Games += n;
    }

    private void PurePayoffs(int k, int mask, out double row, out double column)
    {
        row = 0;
        column = 0;
        if ((mask & 1) != 0) { row += _a00[k]; column += _b00[k]; }
        if ((mask & 2) != 0) { row += _a01[k]; column += _b01[k]; }
        if ((mask & 4) != 0) { row += _a10[k]; column += _b10[k]; }
        if ((mask & 8) != 0) { row += _a11[k]; column += _b11[k]; }
    }
}
