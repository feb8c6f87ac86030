using NashFast.Internal;

namespace NashFast.MonteCarlo;

/// <summary>
/// The statistics of a Monte Carlo run (or of several shards merged). Every count is an integer and every sum an exact
/// fixed-point integer, so summaries merge exactly: the merge of a run's shards equals the unsharded run, bit for bit,
/// except the timings.
/// </summary>
/// <remarks>
/// Games with a non-finite payoff (possible only with a custom distribution) are counted in <see cref="InvalidGames"/>
/// and in no other statistic; the means are over <see cref="ValidGames"/>. "Equilibria" are extreme equilibria (in a
/// degenerate game the vertices of the equilibrium components). p and q are P(row 0) and P(column 0) in each
/// completely mixed equilibrium (full support for both players).
/// </remarks>
public sealed class MonteCarloSummary
{
    internal MonteCarloSummary()
    {
    }

    /// <summary>Rows of every game.</summary>
    public int Rows { get; init; }

    /// <summary>Columns of every game.</summary>
    public int Columns { get; init; }

    /// <summary>The distribution's name.</summary>
    public string Distribution { get; init; } = "";

    /// <summary>The seed.</summary>
    public ulong Seed { get; init; }

    /// <summary>The method (<c>2x2</c> for the fused runner, <c>pure</c>, or the m×n solver's name).</summary>
    public string Method { get; init; } = "";

    /// <summary>True when only the pure statistics were computed (<see cref="Games.SolverMethod.Pure"/>).</summary>
    public bool PureOnly { get; init; }

    /// <summary>Games of the whole run (all shards).</summary>
    public long RunGames { get; init; }

    /// <summary>The game ranges this summary covers, sorted and disjoint.</summary>
    public IReadOnlyList<GameRange> Ranges { get; init; } = [];

    /// <summary>Games solved.</summary>
    public long Games { get; init; }

    /// <summary>Games with a non-finite payoff (excluded from every other statistic).</summary>
    public long InvalidGames { get; init; }

    /// <summary>Games solved with finite payoffs.</summary>
    public long ValidGames => Games - InvalidGames;

    /// <summary>Degenerate games (null with <see cref="PureOnly"/>).</summary>
    public long? DegenerateGames { get; init; }

    /// <summary>Games with a completely mixed equilibrium (null with <see cref="PureOnly"/>).</summary>
    public long? CompletelyMixedGames { get; init; }

    /// <summary>Games whose solver reported an incomplete result (null with <see cref="PureOnly"/>).</summary>
    public long? IncompleteGames { get; init; }

    /// <summary>Number of equilibria → games (empty with <see cref="PureOnly"/>).</summary>
    public IReadOnlyDictionary<int, long> EquilibriaHistogram { get; init; } = new SortedDictionary<int, long>();

    /// <summary>Number of pure equilibria → games.</summary>
    public IReadOnlyDictionary<int, long> PureHistogram { get; init; } = new SortedDictionary<int, long>();

    /// <summary>Support sizes "k×l" of each equilibrium → equilibria (empty with <see cref="PureOnly"/>).</summary>
    public IReadOnlyDictionary<(int Row, int Column), long> SupportHistogram { get; init; } = new SortedDictionary<(int Row, int Column), long>();

    /// <summary>Counts of p in <see cref="Bins"/> equal bins of [0, 1].</summary>
    public IReadOnlyList<long> PHistogram { get; init; } = [];

    /// <summary>Counts of q in <see cref="Bins"/> equal bins of [0, 1].</summary>
    public IReadOnlyList<long> QHistogram { get; init; } = [];

    /// <summary>Number of bins of <see cref="PHistogram"/> and <see cref="QHistogram"/>.</summary>
    public int Bins { get; init; }

    /// <summary>Total number of equilibria (null with <see cref="PureOnly"/>).</summary>
    public long? Equilibria { get; init; }

    /// <summary>Total number of pure equilibria.</summary>
    public long PureEquilibria { get; init; }

    /// <summary>Exact sum of the row player's payoffs over all equilibria, in units of 2^-32.</summary>
    public Int128 RowPayoffSum { get; init; }

    /// <summary>Exact sum of the column player's payoffs over all equilibria, in units of 2^-32.</summary>
    public Int128 ColumnPayoffSum { get; init; }

    /// <summary>Wall time of the run (the sum over merged shards).</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>True when the run was cancelled before all its games were solved.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Mean number of equilibria per valid game (NaN with <see cref="PureOnly"/> or no games).</summary>
    public double MeanEquilibria => Equilibria is long e && ValidGames > 0 ? (double)e / ValidGames : double.NaN;

    /// <summary>Mean number of pure equilibria per valid game.</summary>
    public double MeanPureEquilibria => ValidGames > 0 ? (double)PureEquilibria / ValidGames : double.NaN;

    /// <summary>Mean row payoff over all equilibria (pure ones only with <see cref="PureOnly"/>).</summary>
    public double MeanRowPayoff => MeanOf(RowPayoffSum);

    /// <summary>Mean column payoff over all equilibria (pure ones only with <see cref="PureOnly"/>).</summary>
    public double MeanColumnPayoff => MeanOf(ColumnPayoffSum);

    /// <summary>Games per second of wall time.</summary>
    public double GamesPerSecond => ElapsedSeconds > 0 ? Games / ElapsedSeconds : double.NaN;

    /// <summary>
    /// Merges summaries of the same run (same shape, distribution, seed, method, run size and bins) covering disjoint
    /// game ranges: counts and exact sums add, ranges join, elapsed times add.
    /// </summary>
    /// <exception cref="ArgumentException">No summaries, summaries of different runs, or overlapping ranges.</exception>
    public static MonteCarloSummary Merge(IReadOnlyList<MonteCarloSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Count == 0)
        {
            ThrowHelper.ThrowArgument("Nothing to merge: no summaries given.", nameof(summaries));
        }

        MonteCarloSummary first = summaries[0];
        var acc = new Accumulator(first.Bins);
        var ranges = new List<GameRange>();
        double elapsed = 0;
        bool cancelled = false;
        for (int s = 0; s < summaries.Count; s++)
        {
            MonteCarloSummary x = summaries[s];
            if (x.Rows != first.Rows || x.Columns != first.Columns || x.Distribution != first.Distribution || x.Seed != first.Seed
                || x.Method != first.Method || x.PureOnly != first.PureOnly || x.RunGames != first.RunGames || x.Bins != first.Bins)
            {
                ThrowHelper.ThrowArgument(
                    $"Summary {s + 1} is of a different run ({x.Describe()}) than summary 1 ({first.Describe()}); only shards of one run merge.", nameof(summaries));
            }

            acc.Merge(x.ToAccumulator());
            ranges.AddRange(x.Ranges);
            elapsed += x.ElapsedSeconds;
            cancelled |= x.Cancelled;
        }

        return FromAccumulator(acc, first.Rows, first.Columns, first.Distribution, first.Seed, first.Method, first.PureOnly,
                               first.RunGames, NormalizeRanges(ranges), elapsed, cancelled);
    }

    /// <summary>True when both summaries hold the same run description and statistics (timings excluded).</summary>
    public bool StatisticsEqual(MonteCarloSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Rows == other.Rows && Columns == other.Columns && Distribution == other.Distribution && Seed == other.Seed
            && Method == other.Method && PureOnly == other.PureOnly && RunGames == other.RunGames && Bins == other.Bins
            && Games == other.Games && InvalidGames == other.InvalidGames && DegenerateGames == other.DegenerateGames
            && CompletelyMixedGames == other.CompletelyMixedGames && IncompleteGames == other.IncompleteGames
            && Equilibria == other.Equilibria && PureEquilibria == other.PureEquilibria
            && RowPayoffSum == other.RowPayoffSum && ColumnPayoffSum == other.ColumnPayoffSum
            && Cancelled == other.Cancelled
            && Ranges.SequenceEqual(other.Ranges) && PHistogram.SequenceEqual(other.PHistogram) && QHistogram.SequenceEqual(other.QHistogram)
            && EquilibriaHistogram.OrderBy(kv => kv.Key).SequenceEqual(other.EquilibriaHistogram.OrderBy(kv => kv.Key))
            && PureHistogram.OrderBy(kv => kv.Key).SequenceEqual(other.PureHistogram.OrderBy(kv => kv.Key))
            && SupportHistogram.OrderBy(kv => kv.Key).SequenceEqual(other.SupportHistogram.OrderBy(kv => kv.Key));
    }

    /// <summary>"2x2 normal seed 1 (2x2)".</summary>
    public string Describe() =>
        FormattableString.Invariant($"{Rows}x{Columns} {Distribution} seed {Seed} method {Method}{(PureOnly ? " pure-only" : "")} games {RunGames} bins {Bins}");

    internal static MonteCarloSummary FromAccumulator(Accumulator acc, int rows, int columns, string distribution, ulong seed, string method,
                                                      bool pureOnly, long runGames, IReadOnlyList<GameRange> ranges, double elapsed, bool cancelled)
    {
        var eq = new SortedDictionary<int, long>();
        var pure = new SortedDictionary<int, long>();
        for (int k = 0; k < acc.EquilibriaHistogram.Length; k++)
        {
            if (acc.EquilibriaHistogram[k] != 0)
            {
                eq[k] = acc.EquilibriaHistogram[k];
            }
        }

        for (int k = 0; k < acc.PureHistogram.Length; k++)
        {
            if (acc.PureHistogram[k] != 0)
            {
                pure[k] = acc.PureHistogram[k];
            }
        }

        return new MonteCarloSummary
        {
            Rows = rows,
            Columns = columns,
            Distribution = distribution,
            Seed = seed,
            Method = method,
            PureOnly = pureOnly,
            RunGames = runGames,
            Ranges = ranges,
            Games = acc.Games,
            InvalidGames = acc.InvalidGames,
            DegenerateGames = pureOnly ? null : acc.DegenerateGames,
            CompletelyMixedGames = pureOnly ? null : acc.CompletelyMixedGames,
            IncompleteGames = pureOnly ? null : acc.IncompleteGames,
            Equilibria = pureOnly ? null : acc.Equilibria,
            PureEquilibria = acc.PureEquilibria,
            EquilibriaHistogram = eq,
            PureHistogram = pure,
            SupportHistogram = new SortedDictionary<(int Row, int Column), long>(acc.Supports),
            PHistogram = (long[])acc.P.Clone(),
            QHistogram = (long[])acc.Q.Clone(),
            Bins = acc.P.Length,
            RowPayoffSum = acc.RowPayoffSum,
            ColumnPayoffSum = acc.ColumnPayoffSum,
            ElapsedSeconds = elapsed,
            Cancelled = cancelled,
        };
    }

    internal Accumulator ToAccumulator()
    {
        var acc = new Accumulator(Bins)
        {
            Games = Games,
            InvalidGames = InvalidGames,
            DegenerateGames = DegenerateGames ?? 0,
            CompletelyMixedGames = CompletelyMixedGames ?? 0,
            IncompleteGames = IncompleteGames ?? 0,
            RowPayoffSum = RowPayoffSum,
            ColumnPayoffSum = ColumnPayoffSum,
        };
        acc.EquilibriaHistogram = ToArray(EquilibriaHistogram);
        acc.PureHistogram = ToArray(PureHistogram);
        acc.Equilibria = Equilibria ?? 0;
        acc.PureEquilibria = PureEquilibria;
        for (int k = 0; k < Bins; k++)
        {
            acc.P[k] = PHistogram[k];
            acc.Q[k] = QHistogram[k];
        }

        foreach (KeyValuePair<(int Row, int Column), long> kv in SupportHistogram)
        {
            acc.Supports[kv.Key] = kv.Value;
        }

        return acc;
    }

    internal static List<GameRange> NormalizeRanges(List<GameRange> ranges)
    {
        ranges.Sort((x, y) => x.Start.CompareTo(y.Start));
        var result = new List<GameRange>();
        foreach (GameRange r in ranges)
        {
            if (r.Length == 0)
            {
                continue;
            }

            if (result.Count > 0 && r.Start < result[^1].End)
            {
                ThrowHelper.ThrowArgument(
                    FormattableString.Invariant($"Game ranges [{result[^1].Start}, {result[^1].End}) and [{r.Start}, {r.End}) overlap: the same games would be counted twice."), "summaries");
            }

            if (result.Count > 0 && r.Start == result[^1].End)
            {
                result[^1] = new GameRange(result[^1].Start, r.End);
            }
            else
            {
                result.Add(r);
            }
        }

        return result;
    }

    private static long[] ToArray(IReadOnlyDictionary<int, long> histogram)
    {
        int size = 8;
        foreach (int key in histogram.Keys)
        {
            size = Math.Max(size, key + 1);
        }

        var a = new long[size];
        foreach (KeyValuePair<int, long> kv in histogram)
        {
            a[kv.Key] = kv.Value;
        }

        return a;
    }

    private double MeanOf(Int128 sum)
    {
        long n = PureOnly ? PureEquilibria : Equilibria ?? 0;
        return n > 0 ? FixedPoint.ToDouble(sum) / n : double.NaN;
    }
}
