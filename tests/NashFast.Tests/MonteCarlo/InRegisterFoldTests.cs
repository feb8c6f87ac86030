using System.Runtime.Intrinsics;
using NashFast.MonteCarlo;
using NashFast.Random;
using NashFast.Random.Kernels;
using NashFast.TwoByTwo;
using VD = System.Runtime.Intrinsics.Vector512<double>;

namespace NashFast.Tests.MonteCarlo;

/// <summary>
/// The fused runner's in-register path (generate, solve and fold a chunk of 8 generator blocks without the buffers)
/// gives exactly the statistics of the buffered path — the per-game generator, the batch solver and the reference fold —
/// on whole chunks, ragged ranges and shard splits, and on games with ties, huge and invalid payoffs (which leave the fast
/// path for the reference solve and fold).
/// </summary>
public class InRegisterFoldTests
{
    private static bool Available => Fused2x2Worker.IsSupported(FoldPath.Vector512) && TwoByTwoSolver.ActiveKernel == TwoByTwoKernel.Vector512;

    [Theory]
    [InlineData("uniform")]
    [InlineData("normal")]
    public void InRegisterRunsEqualTheBufferedRuns(string distribution)
    {
        IGameDistribution d = GameDistributions.Parse(distribution);
        var fused = new Fused2x2Worker(16, FoldPath.Auto);
        var buffered = new Fused2x2Worker(16, FoldPath.Scalar, inRegisters: false);
        (long Start, long End)[] ranges = [(0, 3 * 2048), (2048L * 1000 - 3, 2048L * 1003 + 5), ((1L << 33) + 100, (1L << 33) + 100 + 2047), (5, 9)];
        foreach ((long start, long end) in ranges)
        {
            fused.Run(d, 11, start, end, pureOnly: false);
            buffered.Run(d, 11, start, end, pureOnly: false);
        }

        AssertSame(buffered, fused);
        Assert.Equal(Available ? 6 * 2048 : 0, fused.InRegisterGames);
    }

    [Fact]
    public void ShardsAndThreadsGiveTheUnshardedCounts()
    {
        var whole = MonteCarloRunner.Run(new MonteCarloOptions { Distribution = UniformDistribution.Instance, Games = 300_001, Seed = 3, Threads = 1 });
        long mixed = 0, games = 0;
        Int128 rows = 0;
        for (int k = 1; k <= 3; k++)
        {
            var part = MonteCarloRunner.Run(new MonteCarloOptions { Distribution = UniformDistribution.Instance, Games = 300_001, Seed = 3, Threads = 2, Shard = new Shard(k, 3) });
            mixed += part.CompletelyMixedGames.GetValueOrDefault();
            games += part.Games;
            rows += part.RowPayoffSum;
        }

        Assert.Equal(whole.Games, games);
        Assert.Equal(whole.CompletelyMixedGames, mixed);
        Assert.Equal(whole.RowPayoffSum, rows);
    }

    [Theory]
    [InlineData(0)] // payoffs ⌊3u⌋: ties everywhere (degenerate games)
    [InlineData(1)] // payoffs u·2^21: fixed-point values beyond the 2^51-unit fast path
    [InlineData(2)] // payoffs below 0.02 replaced by NaN: invalid games
    public void SpecialLanesTakeTheReferencePath(int kind)
    {
        if (!Available)
        {
            return; // the in-register path needs Vector512 (the instruction-set modes without it test the rest)
        }

        var reference = new Fused2x2Worker(16, FoldPath.Scalar, inRegisters: false);
        var fused = new Fused2x2Worker(16, FoldPath.Vector512);
        var d = new Transformed(kind);
        for (long first = 0; first < 4 * 2048; first += 2048)
        {
            reference.Run(d, 21, first, first + 2048, pureOnly: false);
            switch (kind)
            {
                case 0:
                    fused.RunInRegisters512(default(Tied), 21, first);
                    break;
                case 1:
                    fused.RunInRegisters512(default(Huge), 21, first);
                    break;
                default:
                    fused.RunInRegisters512(default(WithNaN), 21, first);
                    break;
            }
        }

        AssertSame(reference, fused);
        Assert.Equal(4 * 2048, fused.InRegisterGames);
        Assert.True(fused.VectorFoldedGames < 4 * 2048); // some vectors did leave the fast path
        Assert.True(kind == 1 || reference.Statistics.DegenerateGames + reference.Statistics.InvalidGames > 0);
    }

    private static void AssertSame(Fused2x2Worker reference, Fused2x2Worker other)
    {
        reference.Flush();
        other.Flush();
        Accumulator r = reference.Statistics, v = other.Statistics;
        Assert.Equal(r.Games, v.Games);
        Assert.Equal(r.InvalidGames, v.InvalidGames);
        Assert.Equal(r.DegenerateGames, v.DegenerateGames);
        Assert.Equal(r.CompletelyMixedGames, v.CompletelyMixedGames);
        Assert.Equal(r.Equilibria, v.Equilibria);
        Assert.Equal(r.PureEquilibria, v.PureEquilibria);
        Assert.Equal(r.RowPayoffSum, v.RowPayoffSum);
        Assert.Equal(r.ColumnPayoffSum, v.ColumnPayoffSum);
        Assert.Equal(r.EquilibriaHistogram, v.EquilibriaHistogram);
        Assert.Equal(r.PureHistogram, v.PureHistogram);
        Assert.Equal(r.P, v.P);
        Assert.Equal(r.Q, v.Q);
        Assert.Equal(r.Supports.OrderBy(kv => kv.Key), v.Supports.OrderBy(kv => kv.Key));
    }

    /// <summary>Uniform games with every payoff mapped by <see cref="Map"/> (the scalar twin of the vector sources below).</summary>
    private sealed class Transformed(int kind) : IGameDistribution
    {
        public string Name => "transformed";

        public static double Map(int kind, double x) => kind switch
        {
            0 => Math.Floor(x * 3.0),
            1 => x * 2097152.0,
            _ => x < 0.02 ? double.NaN : x,
        };

        public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
        {
            UniformDistribution.Instance.Fill(seed, gameIndex, a, b);
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = Map(kind, a[k]);
                b[k] = Map(kind, b[k]);
            }
        }
    }

    private readonly struct Tied : Fused2x2Worker.IVectorGames
    {
        public void Next(ref XoshiroGames.State512 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11)
        {
            XoshiroGames.Uniform512(ref g, out a00, out a01, out a10, out a11, out b00, out b01, out b10, out b11);
            a00 = Vector512.Floor(a00 * 3.0); a01 = Vector512.Floor(a01 * 3.0); a10 = Vector512.Floor(a10 * 3.0); a11 = Vector512.Floor(a11 * 3.0);
            b00 = Vector512.Floor(b00 * 3.0); b01 = Vector512.Floor(b01 * 3.0); b10 = Vector512.Floor(b10 * 3.0); b11 = Vector512.Floor(b11 * 3.0);
        }
    }

    private readonly struct Huge : Fused2x2Worker.IVectorGames
    {
        public void Next(ref XoshiroGames.State512 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11)
        {
            XoshiroGames.Uniform512(ref g, out a00, out a01, out a10, out a11, out b00, out b01, out b10, out b11);
            a00 *= 2097152.0; a01 *= 2097152.0; a10 *= 2097152.0; a11 *= 2097152.0;
            b00 *= 2097152.0; b01 *= 2097152.0; b10 *= 2097152.0; b11 *= 2097152.0;
        }
    }

    private readonly struct WithNaN : Fused2x2Worker.IVectorGames
    {
        public void Next(ref XoshiroGames.State512 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11)
        {
            XoshiroGames.Uniform512(ref g, out a00, out a01, out a10, out a11, out b00, out b01, out b10, out b11);
            a00 = N(a00); a01 = N(a01); a10 = N(a10); a11 = N(a11);
            b00 = N(b00); b01 = N(b01); b10 = N(b10); b11 = N(b11);
        }

        private static VD N(VD x) => Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(0.02)), Vector512.Create(double.NaN), x);
    }
}
