using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// <see cref="SolveOptions.ExactResults"/> = false: vertex enumeration skips reducing the exact rationals, and its
/// doubles must be the exact solve's, bit for bit, in the same order.
/// </summary>
public class VertexExactResultsOptionTests
{
    private static readonly SolveOptions DoublesOnly = new() { ExactResults = false };

    public static TheoryData<string> Families() => new(Games.Keys);

    private static readonly Dictionary<string, Func<System.Random, int, int, BimatrixGame>> Games = new()
    {
        ["full precision"] = VertexTestGames.RandomFullPrecision,
        ["payoffs 0..3"] = (rng, m, n) => VertexTestGames.Random(rng, m, n, smallIntegers: true),
        ["multiples of 1/1024"] = (rng, m, n) => VertexTestGames.Random(rng, m, n, smallIntegers: false),
        ["huge, negative"] = (rng, m, n) => Map(VertexTestGames.RandomFullPrecision(rng, m, n), x => (x - 0.7) * 1e300),
        ["tiny"] = (rng, m, n) => Map(VertexTestGames.RandomFullPrecision(rng, m, n), x => x * 1e-300),
        ["a copied row"] = (rng, m, n) => CopyFirstRow(VertexTestGames.RandomFullPrecision(rng, m, n)),
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Doubles_AreTheExactSolvesBitForBit_OnEveryShape(string family)
    {
        var rng = new System.Random(family.Length * 7919);
        (int M, int N)[] shapes = [(1, 1), (1, 6), (6, 1), (2, 2), (3, 3), (2, 5), (4, 4), (5, 3), (6, 6), (7, 8)];
        foreach ((int m, int n) in shapes)
        {
            for (int t = 0; t < 3; t++)
            {
                BimatrixGame game = Games[family](rng, m, n);
                foreach (int threads in new[] { 1, 2 })
                {
                    var options = new SolveOptions { MaxDegreeOfParallelism = threads };
                    SolveResult exact = VertexEnumeration.Solve(game, options);
                    SolveResult doubles = VertexEnumeration.Solve(game, options with { ExactResults = false });
                    AssertSameDoubles(exact, doubles, $"{family} {m}x{n} #{t}, {threads} thread(s)");
                    Assert.NotNull(exact.ExactEquilibria);
                    Assert.Null(doubles.ExactEquilibria);
                }
            }
        }
    }

    [Fact]
    public void TwoThreadsOnLargerGames_GiveTheSameDoubles()
    {
        // 8×8 and 9×9 full-precision games: both searches in floating point on two threads (the stream normalises the
        // pairs' vertices during the slower search, then the payoffs are shared).
        var rng = new System.Random(8191);
        for (int t = 0; t < 4; t++)
        {
            BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, 8 + (t % 2), 8 + (t % 2));
            SolveResult exact = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1 });
            SolveResult doubles = VertexEnumeration.SolveOnDedicatedThreads(game, new SolveOptions { MaxDegreeOfParallelism = 2, ExactResults = false }, out _);
            AssertSameDoubles(exact, doubles, $"game {t}");
            Assert.Null(doubles.ExactEquilibria);
        }
    }

    [Fact]
    public void ExactGames_AndAuto_GiveTheSameDoubles()
    {
        // Thirds and sevenths: payoffs no double can hold, so the exact game is the input.
        var rng = new System.Random(3);
        for (int t = 0; t < 6; t++)
        {
            int m = 2 + (t % 3), n = 5 - (t % 3);
            ExactBimatrixGame game = VertexTestGames.Exact(m, n, (_, _) => new Rational(rng.Next(-20, 21), 3), (_, _) => new Rational(rng.Next(-20, 21), 7));
            AssertSameDoubles(VertexEnumeration.Solve(game), VertexEnumeration.Solve(game, DoublesOnly), $"exact game {t}");
            SolveResult auto = NashSolver.Solve(game, DoublesOnly);
            Assert.Equal(SolverMethod.VertexEnumeration, auto.Method);
            AssertSameDoubles(NashSolver.Solve(game), auto, $"auto, exact game {t}");
            Assert.Null(auto.ExactEquilibria);
        }
    }

    [Fact]
    public void AStopAtMaxEquilibria_GivesTheSameDoubles()
    {
        // Identity 5 (31 equilibria) and a full-precision 7×7 game, cut at 3: the same first equilibria, marked incomplete.
        var rng = new System.Random(23);
        foreach (BimatrixGame game in new[] { TestGames.Identity(5), VertexTestGames.RandomFullPrecision(rng, 7, 7) })
        {
            var options = new SolveOptions { MaxEquilibria = 3 };
            SolveResult exact = VertexEnumeration.Solve(game, options);
            SolveResult doubles = VertexEnumeration.Solve(game, options with { ExactResults = false });
            AssertSameDoubles(exact, doubles, $"{game.Rows}x{game.Columns}, at most 3");
            Assert.Null(doubles.ExactEquilibria);
        }
    }

    [Fact]
    public void Components_StillGetTheExactEquilibria()
    {
        var rng = new System.Random(5);
        for (int t = 0; t < 4; t++)
        {
            BimatrixGame game = VertexTestGames.Random(rng, 4, 5, smallIntegers: true);
            SolveResult exact = VertexEnumeration.Solve(game, new SolveOptions { Components = true });
            SolveResult asked = VertexEnumeration.Solve(game, new SolveOptions { Components = true, ExactResults = false });
            VertexTestGames.AssertSame(exact, asked, $"game {t}");
            Assert.NotNull(asked.ExactEquilibria);
            Assert.Equal(exact.Components!.Count, asked.Components!.Count);
        }
    }

    [Fact]
    public void UnreducedRationals_CompareAndConvertAsTheirReducedValues()
    {
        var rng = new System.Random(11);
        var values = new List<(Rational Reduced, Rational Unreduced)>();
        for (int k = 0; k < 400; k++)
        {
            BigInteger numerator = Random(rng, rng.Next(1, 400)) * (rng.Next(2) == 0 ? 1 : -1);
            BigInteger denominator = Random(rng, rng.Next(1, 400)) + BigInteger.One;
            BigInteger common = k % 3 == 0 ? BigInteger.One : Random(rng, rng.Next(1, 200)) + BigInteger.One;
            int sign = k % 4 == 0 ? -1 : 1; // the same value over a negative denominator
            var reduced = new Rational(numerator, denominator);
            var unreduced = Rational.Unreduced(sign * numerator * common, sign * denominator * common);
            Assert.Equal(reduced.ToDouble(), unreduced.ToDouble());
            Assert.Equal(0, reduced.CompareTo(unreduced));
            values.Add((reduced, unreduced));
        }

        for (int k = 1; k < values.Count; k++)
        {
            int expected = values[k - 1].Reduced.CompareTo(values[k].Reduced);
            Assert.Equal(expected, values[k - 1].Unreduced.CompareTo(values[k].Unreduced));
            Assert.Equal(expected, values[k - 1].Reduced.CompareTo(values[k].Unreduced));
        }
    }

    /// <summary>Same method, flags and doubles (compared as bits: −0 and 0 differ) in the same order.</summary>
    private static void AssertSameDoubles(SolveResult expected, SolveResult actual, string what)
    {
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.Degenerate, actual.Degenerate);
        Assert.Equal(expected.Complete, actual.Complete);
        Assert.True(expected.Equilibria.Count == actual.Equilibria.Count, $"{what}: {expected.Equilibria.Count} against {actual.Equilibria.Count} equilibria");
        for (int k = 0; k < expected.Equilibria.Count; k++)
        {
            Equilibrium e = expected.Equilibria[k], a = actual.Equilibria[k];
            Assert.True(
                Bits(e.Row).SequenceEqual(Bits(a.Row)) && Bits(e.Column).SequenceEqual(Bits(a.Column))
                && BitConverter.DoubleToInt64Bits(e.RowPayoff) == BitConverter.DoubleToInt64Bits(a.RowPayoff)
                && BitConverter.DoubleToInt64Bits(e.ColumnPayoff) == BitConverter.DoubleToInt64Bits(a.ColumnPayoff),
                $"{what}: equilibrium {k} differs: {TestGames.Format(e)} ({e.RowPayoff}, {e.ColumnPayoff}) against {TestGames.Format(a)} ({a.RowPayoff}, {a.ColumnPayoff})");
        }
    }

    private static IEnumerable<long> Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits);

    private static BigInteger Random(System.Random rng, int bits)
    {
        var bytes = new byte[(bits / 8) + 2];
        rng.NextBytes(bytes);
        bytes[^1] = 0; // non-negative
        return new BigInteger(bytes) >> (((bytes.Length - 1) * 8) - bits);
    }

    private static BimatrixGame Map(BimatrixGame game, Func<double, double> f) => Build(game, (i, j) => i, f);

    private static BimatrixGame CopyFirstRow(BimatrixGame game) => Build(game, (i, j) => i == 1 ? 0 : i, x => x);

    /// <summary>Entry (i, j) of both matrices is f of the original's entry (row(i, j), j).</summary>
    private static BimatrixGame Build(BimatrixGame game, Func<int, int, int> row, Func<double, double> f)
    {
        int m = game.Rows, n = game.Columns;
        var a = new double[m * n];
        var b = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[(i * n) + j] = f(game.RowPayoff(row(i, j), j));
                b[(i * n) + j] = f(game.ColumnPayoff(row(i, j), j));
            }
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }
}
