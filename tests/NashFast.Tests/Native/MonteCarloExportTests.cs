using System.Numerics;
using System.Runtime.InteropServices;
using NashFast.MonteCarlo;
using NashFast.Native;
using NashFast.Random;
using NashFast.TwoByTwo;

namespace NashFast.Tests.Native;

/// <summary>
/// <c>nf_montecarlo2x2</c> called in-process through an unmanaged function pointer: its summary equals the managed
/// <see cref="MonteCarloRunner"/> field by field, its counts equal an independent tabulation of the same games solved
/// one batch at a time, and every bad call gets its code, a message, and leaves the caller's struct alone.
/// </summary>
public unsafe class MonteCarloExportTests
{
    private static int Run(long games, ulong seed, McDistribution* dist, int threads, McSummary* summary)
    {
        delegate* unmanaged<long, ulong, McDistribution*, int, McSummary*, int> run = &Exports.MonteCarlo2x2;
        return run(games, seed, dist, threads, summary);
    }

    private static int Run(long games, ulong seed, McDistribution dist, int threads, out McSummary summary)
    {
        McSummary s = default;
        int rc = Run(games, seed, &dist, threads, &s);
        summary = s;
        return rc;
    }

    private static string LastMessage()
    {
        delegate* unmanaged<byte*> last = &Exports.LastErrorExport;
        return Marshal.PtrToStringUTF8((nint)last()) ?? "(null)";
    }

    private static McDistribution Dist(int kind, int lo = 0, int hi = 0, double rho = 0) =>
        new() { Kind = kind, Low = lo, High = hi, Rho = rho };

    private static IGameDistribution Managed(McDistribution d) => d.Kind switch
    {
        McDistribution.KindUniform => UniformDistribution.Instance,
        McDistribution.KindNormal => NormalDistribution.Instance,
        McDistribution.KindInteger => new IntegerDistribution(d.Low, d.High),
        _ => new CovariantDistribution(d.Rho),
    };

    public static TheoryData<int, int, int, double, long, ulong, int> Runs() => new()
    {
        // kind, lo, hi, rho, games, seed, threads: several blocks of 65536 games, a partial last block, 1 and 2 threads.
        { McDistribution.KindUniform, 0, 0, 0, 200_003, 1, 0 },
        { McDistribution.KindNormal, 0, 0, 0, 150_000, 20111112, 1 },
        { McDistribution.KindInteger, -2, 2, 0, 140_000, 7, 2 },
        { McDistribution.KindInteger, 5, 5, 0, 1000, 7, 0 },              // every game all ties: 4 pure equilibria each
        { McDistribution.KindCovariant, 0, 0, -0.5, 131_072, 99, 2 },
        { McDistribution.KindCovariant, 0, 0, -1, 70_000, 3, 0 },         // zero-sum
        { McDistribution.KindUniform, 0, 0, 0, 1, ulong.MaxValue, 0 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Summary_EqualsTheManagedRunner_FieldByField(int kind, int lo, int hi, double rho, long games, ulong seed, int threads)
    {
        McDistribution d = Dist(kind, lo, hi, rho);
        Assert.Equal(NativeStatus.Ok, Run(games, seed, d, threads, out McSummary native));
        Assert.Equal("", LastMessage());

        MonteCarloSummary managed = MonteCarloRunner.Run(new MonteCarloOptions
        {
            Distribution = Managed(d), Seed = seed, Games = games, Threads = 1, Bins = McSummary.ProbabilityBins,
        });
        Assert.Equal(managed.Games, native.Games);
        Assert.Equal(managed.InvalidGames, native.InvalidGames);
        Assert.Equal(managed.DegenerateGames, native.DegenerateGames);
        Assert.Equal(managed.CompletelyMixedGames, native.CompletelyMixedGames);
        Assert.Equal(managed.Equilibria, native.Equilibria);
        Assert.Equal(managed.PureEquilibria, native.PureEquilibria);
        for (int k = 0; k < McSummary.EquilibriaBins; k++)
        {
            Assert.Equal(managed.EquilibriaHistogram.GetValueOrDefault(k), native.EquilibriaHistogram[k]);
        }

        for (int k = 0; k < McSummary.PureBins; k++)
        {
            Assert.Equal(managed.PureHistogram.GetValueOrDefault(k), native.PureHistogram[k]);
        }

        for (int k = 0; k < McSummary.ProbabilityBins; k++)
        {
            Assert.Equal(managed.PHistogram[k], native.PHistogram[k]);
            Assert.Equal(managed.QHistogram[k], native.QHistogram[k]);
        }

        // The means come from exact fixed-point sums: equal bit for bit, whatever the thread counts.
        Assert.Equal(managed.MeanEquilibria, native.MeanEquilibria);
        Assert.Equal(managed.MeanPureEquilibria, native.MeanPureEquilibria);
        Assert.Equal(managed.MeanRowPayoff, native.MeanRowPayoff);
        Assert.Equal(managed.MeanColumnPayoff, native.MeanColumnPayoff);
        Assert.True(native.ElapsedSeconds > 0);
        Assert.Equal(native.Games / native.ElapsedSeconds, native.GamesPerSecond);
    }

    [Theory]
    [InlineData(McDistribution.KindUniform, 0, 0, 0.0)]
    [InlineData(McDistribution.KindInteger, -1, 1, 0.0)]   // ties everywhere: degenerate games, up to 4 equilibria
    [InlineData(McDistribution.KindCovariant, 0, 0, 0.9)]
    public void Counts_EqualAnIndependentTabulationOfTheSameGames(int kind, int lo, int hi, double rho)
    {
        const int n = 20_000;
        const ulong seed = 4242;
        McDistribution d = Dist(kind, lo, hi, rho);
        Assert.Equal(NativeStatus.Ok, Run(n, seed, d, 0, out McSummary native));

        // The same games drawn one at a time through the distribution's per-game path and solved as one SoA batch.
        var g = new double[8][];
        for (int e = 0; e < 8; e++)
        {
            g[e] = new double[n];
        }

        IGameDistribution dist = Managed(d);
        Span<double> a = stackalloc double[4], b = stackalloc double[4];
        for (int k = 0; k < n; k++)
        {
            dist.Fill(seed, k, a, b);
            for (int c = 0; c < 4; c++)
            {
                g[c][k] = a[c];
                g[4 + c][k] = b[c];
            }
        }

        var mask = new byte[n];
        var count = new byte[n];
        var flags = new Solution2x2Flags[n];
        double[] p = new double[n], q = new double[n];
        TwoByTwoSolver.Solve(new Games2x2<double>(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]),
                             new Solutions2x2<double>(mask, count, flags, p, q, default, default));

        var eq = new long[McSummary.EquilibriaBins];
        var pure = new long[McSummary.PureBins];
        var ph = new long[McSummary.ProbabilityBins];
        var qh = new long[McSummary.ProbabilityBins];
        long degenerate = 0, mixed = 0, equilibria = 0, pureEquilibria = 0;
        for (int k = 0; k < n; k++)
        {
            int pures = BitOperations.PopCount(mask[k]);
            eq[Math.Min((int)count[k], McSummary.EquilibriaBins - 1)]++;
            pure[pures]++;
            equilibria += count[k];
            pureEquilibria += pures;
            degenerate += (flags[k] & Solution2x2Flags.Degenerate) != 0 ? 1 : 0;
            if ((flags[k] & Solution2x2Flags.CompletelyMixed) != 0)
            {
                mixed++;
                ph[Math.Min((int)(p[k] * McSummary.ProbabilityBins), McSummary.ProbabilityBins - 1)]++;
                qh[Math.Min((int)(q[k] * McSummary.ProbabilityBins), McSummary.ProbabilityBins - 1)]++;
            }
        }

        Assert.Equal((n, 0L, degenerate, mixed, equilibria, pureEquilibria),
                     (native.Games, native.InvalidGames, native.DegenerateGames, native.CompletelyMixedGames, native.Equilibria, native.PureEquilibria));
        Assert.Equal(eq, new ReadOnlySpan<long>(native.EquilibriaHistogram, McSummary.EquilibriaBins).ToArray());
        Assert.Equal(pure, new ReadOnlySpan<long>(native.PureHistogram, McSummary.PureBins).ToArray());
        Assert.Equal(ph, new ReadOnlySpan<long>(native.PHistogram, McSummary.ProbabilityBins).ToArray());
        Assert.Equal(qh, new ReadOnlySpan<long>(native.QHistogram, McSummary.ProbabilityBins).ToArray());
        Assert.Equal((double)equilibria / n, native.MeanEquilibria);
        if (kind == McDistribution.KindInteger)
        {
            Assert.True(degenerate > n / 10, $"only {degenerate} degenerate games: the test would not exercise ties");
        }
    }

    [Fact]
    public void Summary_DoesNotDependOnTheThreadCount()
    {
        McDistribution d = Dist(McDistribution.KindNormal);
        Assert.Equal(NativeStatus.Ok, Run(300_000, 5, d, 1, out McSummary one));
        Assert.Equal(NativeStatus.Ok, Run(300_000, 5, d, 3, out McSummary three));
        one.ElapsedSeconds = three.ElapsedSeconds = one.GamesPerSecond = three.GamesPerSecond = 0;
        Assert.True(new ReadOnlySpan<byte>(&one, sizeof(McSummary)).SequenceEqual(new ReadOnlySpan<byte>(&three, sizeof(McSummary))));
    }

    [Fact]
    public void ZeroGames_IsAnEmptySummaryWithNaNMeans()
    {
        Assert.Equal(NativeStatus.Ok, Run(0, 1, Dist(McDistribution.KindUniform), 0, out McSummary s));
        Assert.Equal((0L, 0L, 0L), (s.Games, s.Equilibria, s.EquilibriaHistogram[0]));
        Assert.True(double.IsNaN(s.MeanEquilibria) && double.IsNaN(s.MeanRowPayoff));
    }

    public static TheoryData<long, int, int, int, int, double, int, int, string> BadCalls() => new()
    {
        // games, kind, lo, hi, reserved, rho, threads, code, message
        { -1, 0, 0, 0, 0, 0, 0, NativeStatus.Size, "games is -1" },
        { long.MinValue, 0, 0, 0, 0, 0, 0, NativeStatus.Size, "must be >= 0" },
        { long.MaxValue, 0, 0, 0, 0, 0, 0, NativeStatus.Size, "<= 2^62" },
        { Exports.MaxMonteCarloGames + 1, 0, 0, 0, 0, 0, 0, NativeStatus.Size, "<= 2^62" },
        { 10, 4, 0, 0, 0, 0, 0, NativeStatus.Argument, "unknown distribution kind 4" },
        { 10, -1, 0, 0, 0, 0, 0, NativeStatus.Argument, "unknown distribution kind -1" },
        { 10, 3, 0, 0, 0, double.NaN, 0, NativeStatus.Argument, "dist->rho is NaN" },
        { 10, 3, 0, 0, 0, 1.5, 0, NativeStatus.Argument, "dist->rho is 1.5" },
        { 10, 3, 0, 0, 0, double.NegativeInfinity, 0, NativeStatus.Argument, "[-1, 1]" },
        { 10, 2, 3, 2, 0, 0, 0, NativeStatus.Argument, "dist->lo is 3 and dist->hi is 2" },
        { 10, 0, 0, 0, 1, 0, 0, NativeStatus.Argument, "dist->reserved is 1" },
        { 10, 0, 0, 0, 0, 0, -1, NativeStatus.Argument, "threads is -1" },
        { 10, 0, 0, 0, 0, 0, int.MinValue, NativeStatus.Argument, "threads is" },
        { 10, 0, 0, 0, 0, 0, Exports.MaxMonteCarloThreads + 1, NativeStatus.Argument, "1 to 1024" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public void BadCalls_GetTheirCode_AndWriteNothing(long games, int kind, int lo, int hi, int reserved, double rho, int threads, int code, string message)
    {
        var d = new McDistribution { Kind = kind, Low = lo, High = hi, Reserved = reserved, Rho = rho };
        McSummary s = default;
        s.Games = -7;
        s.PHistogram[3] = -7;
        Assert.Equal(code, Run(games, 1, &d, threads, &s));
        Assert.StartsWith("nf_montecarlo2x2: ", LastMessage(), StringComparison.Ordinal);
        Assert.Contains(message, LastMessage(), StringComparison.Ordinal);
        Assert.Equal((-7L, -7L), (s.Games, s.PHistogram[3]));
    }

    [Fact]
    public void NullPointers_AreRefusedByName()
    {
        McDistribution d = Dist(McDistribution.KindUniform);
        McSummary s = default;
        Assert.Equal(NativeStatus.Null, Run(10, 1, null, 0, &s));
        Assert.Contains("'dist' is NULL", LastMessage(), StringComparison.Ordinal);
        Assert.Equal(NativeStatus.Null, Run(10, 1, &d, 0, null));
        Assert.Contains("'summary' is NULL", LastMessage(), StringComparison.Ordinal);
        Assert.Equal(0, s.Games);

        // A success empties the message again.
        Assert.Equal(NativeStatus.Ok, Run(10, 1, &d, 1, &s));
        Assert.Equal("", LastMessage());
        Assert.Equal(10, s.Games);
    }
}
